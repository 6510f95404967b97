// Which resource inputs hold credentials, and where secrets sit in them: the one home
// for sensitive-value detection.
//
// Works on raw property data (see ./values.ts). On the remediation path the data still
// holds `Secret` instances; the walk looks through them, so the same walk finds the same
// sensitive values on both paths, and `collectSecretLocations` says which of them a
// secret covers.
import { Secret } from "@pulumi/policy";
import { compileGlob, matchesAny } from "./glob";
import * as t from "./tokens";
import { isRecord, isSecretWrapper, isUnknown } from "./values";
import { childrenOf, walk } from "./walk";
import { isWireSecret } from "./wire";

export type Segment = string | number;

export type SensitiveReason =
    | { kind: "always"; what: string }
    | { kind: "pattern"; pattern: string }
    | { kind: "name" }
    | { kind: "url-credentials" };

export interface SensitiveValue {
    /**
     * How messages print it and `ignoreProperties` matches it: dot notation, list elements
     * by their `name` when they have one (so `environment.DB_PASSWORD` for an ECS
     * name/value pair), else by index (`users.0.password`).
     */
    path: string;
    /** The segments of `path`. */
    parts: string[];
    /**
     * The parts of `path` that are a list element's `name` (of a name/value pair, or of an
     * ECS container), with where that name sits. Unlike keys, a name is a value and may itself
     * be a secret, so messages show it only where it was observed not to be one (`shownPath`).
     */
    pairNames: PairName[];
    /**
     * Keys and indexes to the smallest value that can be made secret: the value itself,
     * or the JSON-document property (such as `containerDefinitions`) it sits in.
     */
    location: Segment[];
    /** Set when the value sits inside a JSON-document property: that property's name. */
    document?: string;
    reason: SensitiveReason;
}

export interface PairName {
    /** Index into `parts`. */
    part: number;
    /** The element's index in its list, shown instead of a name that may be secret. */
    index: number;
    location: Segment[];
}

export interface SensitiveOptions {
    /** Globs matched case-insensitively against every property key. */
    sensitivePatterns: readonly string[];
    /** Globs matched against `SensitiveValue.path`. */
    ignoreProperties: readonly string[];
}

// ------------------------------------------------------------------ names

// Words that name a credential. A key is split into words (camelCase, snake_case,
// kebab-case, dots); "token" alone is a credential (GITHUB_TOKEN, authToken).
const CREDENTIAL_WORDS = new Set([
    "password", "passwords", "passwd", "pwd", "passphrase", "secret", "secrets", "token", "tokens",
    "credential", "credentials", "creds", "apikey", "privatekey", "connectionstring",
]);
const CREDENTIAL_PHRASES: readonly (readonly string[])[] = [["api", "key"], ["private", "key"], ["connection", "string"]];
// One-word spellings such as DBPASSWORD or authtoken.
const CREDENTIAL_SUFFIXES = ["password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "credentials"];

// A word after the credential word makes the key about the credential, not the
// credential itself: secretArn, passwordLength, KMS key ids, tokenValidityUnits.
const REFERENCE_WORDS = new Set([
    "arn", "arns", "id", "ids", "name", "names", "length", "policy", "policies", "type", "types", "version",
    "versions", "stage", "stages", "status", "rotation", "url", "urls", "uri", "endpoint", "endpoints", "path",
    "paths", "prefix", "suffix", "ref", "reference", "source", "location", "field", "header", "enabled",
    "required", "count", "ttl", "validity", "units", "expiration", "expiry", "expires", "date", "time", "strategy",
    "mode", "method", "methods", "algorithm", "format", "encoding", "label", "labels", "description", "issuer",
    "host", "domain", "domains", "selection", "expression", "generation", "provider", "param", "parameter",
    "parameters", "file", "files", "alias", "role", "kms", "public", "list", "lists", "scope", "scopes",
    "validation",
]);
// A word before the credential word that makes it a non-secret: public keys, values
// already encrypted, and the many AWS "tokens" that are idempotency or paging handles
// (clientToken, creationToken, nextToken), DNS records (dkimTokens) or enums (httpTokens).
const NOT_SECRET_BEFORE = new Set(["public", "encrypted"]);
const NOT_SECRET_BEFORE_TOKEN = new Set([
    "client", "creation", "lock", "update", "version", "offer", "policy", "idempotency", "continuation", "next",
    "pagination", "dkim", "http", "grant", "view", "software", "pre", "source",
]);

/** Splits a key into lower-case words: `masterUserPassword`, `DB_PASSWORD`, `x-api-key`, `APIKey`. */
export function nameWords(key: string): string[] {
    // One pass over char codes, slicing words out: keys come from programs and may be huge.
    const words: string[] = [];
    let start = -1;
    for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (!isAlnum(c)) {
            if (start >= 0) words.push(key.slice(start, i).toLowerCase());
            start = -1;
        } else if (start < 0) {
            start = i;
        } else if (isUpper(c)) {
            // dbPassword, v2Token | APIKey (an acronym ends before the capital that starts a word)
            const prev = key.charCodeAt(i - 1);
            if (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(key.charCodeAt(i + 1)))) {
                words.push(key.slice(start, i).toLowerCase());
                start = i;
            }
        }
    }
    if (start >= 0) words.push(key.slice(start).toLowerCase());
    return words;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isUpper(c) || isLower(c) || isDigit(c);

/** Word ranges [start, end) where a credential word or phrase occurs. */
function credentialMentions(words: readonly string[]): [number, number][] {
    const found: [number, number][] = [];
    words.forEach((w, i) => {
        if (CREDENTIAL_WORDS.has(w) || CREDENTIAL_SUFFIXES.some((s) => w.length > s.length && w.endsWith(s))) found.push([i, i + 1]);
        for (const phrase of CREDENTIAL_PHRASES) {
            if (phrase.every((p, j) => words[i + j] === p)) found.push([i, i + phrase.length]);
        }
    });
    return found;
}

/** For each mention: does the name hold the credential, or only describe or reference it? */
function judgeMentions(key: string): { mentions: number; holding: number } {
    const words = nameWords(key);
    const mentions = credentialMentions(words);
    if (mentions.length === 0) return { mentions: 0, holding: 0 };
    // referenceAfter[i]: a reference word at i or later; notSecretBefore[i]: "public"/"encrypted" before i.
    const referenceAfter = new Array<boolean>(words.length + 1).fill(false);
    for (let i = words.length - 1; i >= 0; i--) referenceAfter[i] = referenceAfter[i + 1] || REFERENCE_WORDS.has(words[i]);
    const notSecretBefore = new Array<boolean>(words.length + 1).fill(false);
    for (let i = 0; i < words.length; i++) notSecretBefore[i + 1] = notSecretBefore[i] || NOT_SECRET_BEFORE.has(words[i]);
    const holding = mentions.filter(([start, end]) => {
        if (referenceAfter[end] || notSecretBefore[start]) return false;
        const isToken = words[start] === "token" || words[start] === "tokens";
        return !(isToken && start > 0 && NOT_SECRET_BEFORE_TOKEN.has(words[start - 1]));
    });
    return { mentions: mentions.length, holding: holding.length };
}

/** True when a property or variable name says it holds a credential (password, apiKey, DB_TOKEN...). */
export function nameLooksSensitive(key: string): boolean {
    return judgeMentions(key).holding > 0;
}

/** True for keys describing a credential (tokenValidityUnits, passwordPolicy): their children are settings, not credentials. */
function nameDescribesCredential(key: string): boolean {
    const { mentions, holding } = judgeMentions(key);
    return mentions > 0 && holding === 0;
}

// ------------------------------------------------------------------ per-type knowledge

/**
 * Inputs that hold a credential whatever their name, by type (provider v7 names; paths
 * as `SensitiveValue.path` prints them, `*` for a list index).
 */
export const ALWAYS_SENSITIVE: Readonly<Record<string, readonly { path: string; what: string }[]>> = {
    [t.SECRETS_MANAGER_SECRET_VERSION]: [
        { path: "secretString", what: "a Secrets Manager secret value" },
        { path: "secretStringWo", what: "a Secrets Manager secret value" },
        { path: "secretBinary", what: "a Secrets Manager secret value" },
    ],
    [t.RDS_INSTANCE]: [
        { path: "password", what: "a database master password" },
        { path: "passwordWo", what: "a database master password" },
    ],
    [t.RDS_CLUSTER]: [
        { path: "masterPassword", what: "a database master password" },
        { path: "masterPasswordWo", what: "a database master password" },
    ],
    [t.DOCDB_CLUSTER]: [
        { path: "masterPassword", what: "a database master password" },
        { path: "masterPasswordWo", what: "a database master password" },
    ],
    [t.REDSHIFT_CLUSTER]: [
        { path: "masterPassword", what: "a database master password" },
        { path: "masterPasswordWo", what: "a database master password" },
    ],
    [t.REDSHIFT_SERVERLESS_NAMESPACE]: [
        { path: "adminUserPassword", what: "a database admin password" },
        { path: "adminUserPasswordWo", what: "a database admin password" },
    ],
    [t.LIGHTSAIL_DATABASE]: [{ path: "masterPassword", what: "a database master password" }],
    [t.ELASTICACHE_REPLICATION_GROUP]: [
        { path: "authToken", what: "a Redis/Valkey AUTH token" },
        { path: "authTokenWo", what: "a Redis/Valkey AUTH token" },
    ],
    [t.ELASTICACHE_USER]: [
        { path: "passwords.*", what: "an ElastiCache user password" },
        { path: "passwordsWo", what: "an ElastiCache user password" },
        { path: "authenticationMode.passwords.*", what: "an ElastiCache user password" },
    ],
    [t.MEMORYDB_USER]: [{ path: "authenticationMode.passwords.*", what: "a MemoryDB user password" }],
    [t.MQ_BROKER]: [{ path: "users.*.password", what: "an Amazon MQ broker user password" }],
    [t.OPENSEARCH_DOMAIN]: [
        { path: "advancedSecurityOptions.masterUserOptions.masterUserPassword", what: "an OpenSearch master user password" },
    ],
    [t.DMS_ENDPOINT]: [{ path: "password", what: "a DMS endpoint database password" }],
    [t.DIRECTORY_SERVICE_DIRECTORY]: [{ path: "password", what: "a directory administrator password" }],
};

/** SSM parameter values are credentials when the parameter is a SecureString. */
const SECURE_STRING_VALUES = ["value", "valueWo"];

/**
 * String inputs that are JSON documents with environment variables inside, by type.
 * Only the whole string can be made secret, so it is the location of what is found in it.
 */
export const JSON_DOCUMENT_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
    [t.ECS_TASK_DEFINITION]: ["containerDefinitions"],
    [t.BATCH_JOB_DEFINITION]: ["containerProperties", "ecsProperties", "nodeProperties"],
};

// An ARN names a secret (Secrets Manager, SSM) or a role; it is never the credential.
const ARN = /^arn:aws[a-z-]*:/;
// scheme://user:password@host
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:[^\s/?#@]+@/i;

// ------------------------------------------------------------------ the walk

const MAX_ALWAYS_DEPTH = 8;

/** A path as a linked list, so that deep inputs cost no copying; materialized when needed. */
interface Chain<T> {
    head: T;
    rest?: Chain<T>;
}

function toList<T>(chain: Chain<T> | undefined): T[] {
    const out: T[] = [];
    for (let c = chain; c; c = c.rest) out.push(c.head);
    return out.reverse();
}

interface WalkContext {
    path?: Chain<string>;
    depth: number;
    location?: Chain<Segment>;
    /** The key (property, map key, or name of a name/value pair) the value sits under. */
    key?: string;
    /** Under a key describing a credential (tokenValidityUnits): names do not count. */
    describing: boolean;
    /** The JSON-document property the value sits in; its location is the value's. */
    document?: string;
    /** As `SensitiveValue.pairNames`, locations still chains (materialized only for what is found). */
    pairNames?: Chain<Omit<PairName, "location"> & { location?: Chain<Segment> }>;
}

/**
 * Every known, non-empty string input that holds a credential, with where it is, in
 * document order. Unknown values (preview) are left out: they pass quietly.
 */
export function findSensitiveValues(type: string, props: Record<string, unknown>, options: SensitiveOptions): SensitiveValue[] {
    const found: SensitiveValue[] = [];
    const always = [...(ALWAYS_SENSITIVE[type] ?? [])];
    if (type === t.SSM_PARAMETER && unwrapSecrets(props.type) === "SecureString") {
        for (const path of SECURE_STRING_VALUES) always.push({ path, what: "the value of a SecureString parameter" });
    }
    const documents = new Set(JSON_DOCUMENT_PROPERTIES[type] ?? []);

    const judge = (value: string, ctx: WalkContext) => {
        if (value === "" || ARN.test(value)) return;
        let parts: string[] | undefined;
        let path: string | undefined;
        const partsOf = () => (parts ??= toList(ctx.path));
        const pathOf = () => (path ??= partsOf().join("."));
        // Always-sensitive inputs sit a few levels down at most; a deep path is not one of them.
        const fixed = ctx.depth <= MAX_ALWAYS_DEPTH ? always.find((a) => compileGlob(a.path)(pathOf())) : undefined;
        let reason: SensitiveReason | undefined;
        if (fixed) reason = { kind: "always", what: fixed.what };
        else if (ctx.key !== undefined) {
            const key = ctx.key;
            const pattern = options.sensitivePatterns.find((p) => compileGlob(p, { ignoreCase: true })(key));
            if (pattern) reason = { kind: "pattern", pattern };
            else if (!ctx.describing && nameLooksSensitive(key)) reason = { kind: "name" };
        }
        if (!reason && URL_WITH_PASSWORD.test(value)) reason = { kind: "url-credentials" };
        if (!reason) return;
        if (matchesAny(pathOf(), options.ignoreProperties)) return;
        found.push({
            path: pathOf(), parts: partsOf(), pairNames: toList(ctx.pairNames).map((n) => ({ ...n, location: toList(n.location) })), location: toList(ctx.location), ...(ctx.document ? { document: ctx.document } : {}), reason,
        });
    };

    const at = <T>(chain: Chain<T> | undefined, ...heads: T[]): Chain<T> | undefined =>
        heads.reduce<Chain<T> | undefined>((rest, head) => ({ head, rest }), chain);
    walk<WalkContext>(props, { depth: 0, describing: false }, (raw, ctx, schedule) => {
        const value = unwrapSecrets(raw);
        if (isUnknown(value)) return;
        // The location stops growing inside a JSON document: only the whole string can be secret.
        const within = (...segments: Segment[]) => (ctx.document ? ctx.location : at(ctx.location, ...segments));
        if (typeof value === "string") {
            if (!ctx.document && ctx.path && !ctx.path.rest && documents.has(ctx.path.head)) {
                const parsed = parseJson(value);
                if (parsed !== undefined) schedule(parsed, { ...ctx, key: undefined, document: ctx.path.head });
            } else {
                judge(value, ctx);
            }
        } else if (Array.isArray(value)) {
            value.forEach((rawElement, i) => {
                const element = unwrapSecrets(rawElement);
                const name = isRecord(element) ? unwrapSecrets(element.name) : undefined;
                if (isUnknown(name)) return; // which element this is is not known yet (preview)
                // The element's name stands for it in the path; it is a value, and may be a secret.
                const named = () => at(ctx.pairNames, { part: ctx.depth, index: i, location: within(i, "name") });
                if (isRecord(element) && typeof name === "string" && "value" in element) {
                    // A name/value pair (ECS and Batch environment, CodeBuild variables, Beanstalk settings).
                    if (isReferenceType(element.type)) return;
                    schedule(element.value, { ...ctx, path: at(ctx.path, name), depth: ctx.depth + 1, location: within(i, "value"), key: name, pairNames: named() });
                } else if (isRecord(element) && typeof name === "string") {
                    // A named element (an ECS container): `containerDefinitions.web.environment...`.
                    schedule(element, { ...ctx, path: at(ctx.path, name), depth: ctx.depth + 1, location: within(i), key: undefined, pairNames: named() });
                } else {
                    // A list of strings inherits the list's key (ElastiCache `passwords`).
                    schedule(element, { ...ctx, path: at(ctx.path, String(i)), depth: ctx.depth + 1, location: within(i) });
                }
            });
        } else if (isRecord(value)) {
            for (const [key, child] of Object.entries(value)) {
                schedule(child, {
                    ...ctx,
                    path: at(ctx.path, key),
                    depth: ctx.depth + 1,
                    location: within(key),
                    key,
                    describing: ctx.describing || nameDescribesCredential(key),
                });
            }
        }
    });
    return found;
}

// CodeBuild environment variables of these types hold a parameter name or secret ARN; an
// unknown type (preview) might be one of them.
function isReferenceType(type: unknown): boolean {
    const v = unwrapSecrets(type);
    return v === "PARAMETER_STORE" || v === "SECRETS_MANAGER" || isUnknown(v);
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        // Malformed documents are the provider's to reject; nothing to judge here.
        return undefined;
    }
}

function unwrapSecrets(value: unknown): unknown {
    let v = value;
    while (isSecretWrapper(v)) v = v.value;
    return v;
}

// ------------------------------------------------------------------ secretness

interface LocationNode {
    secret: boolean;
    children: Map<Segment, LocationNode>;
}

/**
 * Where values were `Secret`s, as a tree of segments: whether a location, or one enclosing
 * it, is secret costs the location's length (a set of whole paths cost its square, which
 * thousands of nesting levels make minutes).
 */
export class SecretLocations {
    private readonly root: LocationNode = { secret: false, children: new Map() };
    private count = 0;

    static of(locations: Iterable<readonly Segment[]>): SecretLocations {
        const out = new SecretLocations();
        for (const location of locations) out.add(location);
        return out;
    }

    get size(): number {
        return this.count;
    }

    add(location: readonly Segment[]): void {
        let node = this.root;
        for (const segment of location) {
            let child = node.children.get(segment);
            if (!child) node.children.set(segment, (child = { secret: false, children: new Map() }));
            node = child;
        }
        if (!node.secret) this.count++;
        node.secret = true;
    }

    /** True when the value at `location`, or a value enclosing it, was a secret. */
    covers(location: readonly Segment[]): boolean {
        let node: LocationNode | undefined = this.root;
        for (const segment of location) {
            if (node.secret) return true;
            node = node.children.get(segment);
            if (!node) return false;
        }
        return node.secret;
    }
}

/**
 * Where values are secrets: `Secret`s in raw (remediation-path) props, or secret signatures
 * in the engine's wire form (./sdk-patch.ts). What is inside one is covered by it.
 */
export function collectSecretLocations(props: unknown): SecretLocations {
    const found = new SecretLocations();
    walk<Chain<Segment> | undefined>(props, undefined, (value, location, schedule) => {
        if (isSecretWrapper(value) || isWireSecret(value)) found.add(toList(location));
        else if (Array.isArray(value) || isRecord(value)) for (const [k, e] of childrenOf(value)) schedule(e, { head: k, rest: location });
    });
    return found;
}

/**
 * The value's path as messages may show it: a list element's name appears only where
 * `secrets` shows it was not a secret; otherwise (or with no observation) its index.
 */
export function shownPath(value: SensitiveValue, secrets: SecretLocations | undefined): string {
    if (value.pairNames.length === 0) return value.path;
    const parts = [...value.parts];
    for (const name of value.pairNames) if (!secrets || secrets.covers(name.location)) parts[name.part] = String(name.index);
    return parts.join(".");
}

/**
 * Wraps the value at `location` of the raw props in a `Secret`, in place, so that
 * everything else (other secrets included) stays exactly as it was.
 */
export function wrapAsSecret(props: Record<string, unknown>, location: readonly Segment[]): void {
    if (location.length === 0) return;
    let parent: any = props;
    for (const segment of location.slice(0, -1)) {
        parent = unwrapSecrets(parent[segment]);
        if (parent === null || typeof parent !== "object") return;
    }
    const last = location[location.length - 1];
    if (!isSecretWrapper(parent[last])) parent[last] = new Secret(parent[last]);
}
