// Shared generators for the property-based robustness tests (docs/testing.md).
//
// Values are generated as rules see them ("plain": unknowns are the engine's sentinel
// strings, secrets already unwrapped, as @pulumi/policy hands Analyze its props). The engine
// path sends the same trees as fixture JSON: a sentinel string in fixture props reaches the
// pack exactly as an unknown does, `undefined` disappears in JSON, and `$secret` wrappers are
// added on top (see `wrapSecrets`).
//
// Everything is biased toward the real shapes: property names, values and whole resources
// come from fixtures/**, then get mutated (wrong types, null/undefined, unknowns, odd
// Unicode, huge and deeply nested values, broken JSON documents).
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { EVALUATION } from "../../fixtures/secret-sensitive-props/evaluation";
import { POLICIES } from "../../policies";
import type { Finding, PlainResource } from "../../policies/lib/rule";
import { ELEMENT_NAME_KEYS, NATIVE_FULL_INPUTS } from "../../policies/lib/sensitive";
import { UNKNOWN_SENTINELS } from "../../policies/lib/wire";
import { assertNotShown } from "../helpers/secrets";
import { resource } from "../helpers/resources";
import { runsFactor } from "./runs-factor";

// ---------------------------------------------------------------- replay and volume

/**
 * fast-check parameters for one property: a fixed number of runs (CI volume is
 * deterministic), the seed from FC_SEED and the replay path from FC_PATH when given.
 * FC_RUNS_FACTOR multiplies the runs for a longer local fuzzing session; FC_NO_SHRINK=1
 * reports a failure as found.
 */
export function fcParams<T>(numRuns: number): fc.Parameters<T> {
    const params: fc.Parameters<T> = {
        numRuns: Math.max(1, Math.round(numRuns * runsFactor())),
        reporter: reportFailure,
    };
    if (process.env.FC_SEED) params.seed = Number(process.env.FC_SEED);
    // Report the first failure as found, without shrinking (quicker in long fuzzing sessions).
    if (process.env.FC_NO_SHRINK) params.endOnFailure = true;
    if (process.env.FC_PATH) {
        params.path = process.env.FC_PATH;
        params.endOnFailure = true;
    }
    return params;
}

const MAX_SHOWN = 3000;

/**
 * fast-check's report, with the counterexample cut short: generated values include 1 MB
 * strings and 10,000 levels of nesting, which would flood the CI log (or overflow printing).
 */
function reportFailure<T>(details: fc.RunDetails<T>): void {
    if (!details.failed) return;
    let shown: string;
    try {
        shown = fc.stringify(details.counterexample);
    } catch {
        shown = "(too deeply nested to print)";
    }
    if (shown.length > MAX_SHOWN) shown = `${shown.slice(0, MAX_SHOWN)}... (${shown.length} characters)`;
    shown = redactTokens(shown);
    const cause = redactTokens(details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance));
    throw new Error(
        `Property failed after ${details.numRuns} tests (shrunk ${details.numShrinks} times)\n` +
            `Replay: FC_SEED=${details.seed} FC_PATH="${details.counterexamplePath}" npx vitest run <this file> -t "<this test>"\n` +
            `{ seed: ${details.seed}, path: "${details.counterexamplePath}", endOnFailure: true }\n` +
            `Counterexample: ${shown}\nCause: ${cause.length > MAX_SHOWN ? `${cause.slice(0, MAX_SHOWN)}...` : cause}`,
    );
}

// ---------------------------------------------------------------- the fixture corpus

const FIXTURES = path.resolve(__dirname, "../../fixtures");
const SIG_KEY = "4dabf18193072939515e22adb298388d";

export const UNKNOWNS: readonly string[] = Object.values(UNKNOWN_SENTINELS);
export const unknownSentinel: fc.Arbitrary<string> = fc.constantFrom(...UNKNOWNS);

export interface CorpusResource {
    type: string;
    props: Record<string, unknown>;
    file: string;
}

function jsonFiles(dir: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...jsonFiles(full));
        else if (entry.name.endsWith(".json")) out.push(full);
    }
    return out.sort();
}

/** Fixture markers and stack-export secrets as a rule would see them. */
function plainFromFixture(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(plainFromFixture);
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    if ("$secret" in o) return plainFromFixture(o.$secret);
    if ("$unknown" in o) return (UNKNOWN_SENTINELS as Record<string, string>)[o.$unknown === true ? "string" : String(o.$unknown)] ?? UNKNOWN_SENTINELS.string;
    // A stack export's secret (ciphertext): what `check` hands the pack, an unknown. Assets stay as they are.
    if (o[SIG_KEY] === "1b47061264138c4ac30d75fd1eb44270") return UNKNOWN_SENTINELS.string;
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(o)) if (!k.startsWith("__")) out[k] = plainFromFixture(e);
    return out;
}

function loadCorpus(): CorpusResource[] {
    const out: CorpusResource[] = [];
    for (const file of jsonFiles(FIXTURES)) {
        let json: any;
        try {
            json = JSON.parse(fs.readFileSync(file, "utf8"));
        } catch {
            continue;
        }
        const add = (type: unknown, props: unknown) => {
            if (typeof type === "string" && typeof props === "object" && props !== null && !Array.isArray(props)) {
                out.push({ type, props: plainFromFixture(props) as Record<string, unknown>, file: path.relative(FIXTURES, file) });
            }
        };
        for (const r of Array.isArray(json?.resources) ? json.resources : []) add(r?.type, r?.props ?? {});
        for (const r of Array.isArray(json?.deployment?.resources) ? json.deployment.resources : []) {
            add(r?.type, r?.inputs);
            add(r?.type, r?.outputs);
        }
        for (const s of Array.isArray(json?.steps) ? json.steps : []) add(s?.newState?.type, s?.newState?.inputs);
    }
    // Every policy's examples: realistic inputs of exactly the types it reads.
    for (const policy of POLICIES) {
        for (const example of policy.examples) {
            for (const r of example.resources) {
                out.push({ type: r.type, props: plainFromFixture(r.props ?? {}) as Record<string, unknown>, file: `${policy.name} example "${example.title}"` });
            }
        }
    }
    // secret-sensitive-props' evaluation set: scripts, documents, pairs and credentials of every shape.
    for (const c of EVALUATION) out.push({ type: c.type, props: c.props, file: `secret-sensitive-props evaluation case ${c.id}` });
    return out;
}

export const CORPUS: readonly CorpusResource[] = loadCorpus();

/** Keys and short string leaves of the corpus, JSON policy documents included. */
function harvest(): { keys: string[]; strings: string[]; documents: string[] } {
    const keys = new Set<string>();
    const strings = new Set<string>();
    const documents = new Set<string>();
    const walk = (v: unknown): void => {
        if (Array.isArray(v)) return v.forEach(walk);
        if (typeof v === "string") {
            const t = v.trim();
            if (t.startsWith("{") && t.includes("Statement")) {
                documents.add(v);
                try {
                    walk(JSON.parse(v));
                } catch {
                    // a deliberately broken document in a fixture
                }
            } else if (v.length <= 200 && !UNKNOWNS.includes(v)) strings.add(v);
            return;
        }
        if (typeof v !== "object" || v === null) return;
        for (const [k, e] of Object.entries(v)) {
            if (!k.startsWith("$") && k !== "__proto__") keys.add(k);
            walk(e);
        }
    };
    for (const r of CORPUS) walk(r.props);
    return { keys: [...keys].sort(), strings: [...strings].sort(), documents: [...documents].sort() };
}

const HARVEST = harvest();
export const REAL_KEYS: readonly string[] = HARVEST.keys;
export const REAL_STRINGS: readonly string[] = HARVEST.strings;
export const REAL_DOCUMENTS: readonly string[] = HARVEST.documents;

/** Corpus resources of these types; all corpus resources when none is of them. */
export function corpusOf(types: readonly string[]): CorpusResource[] {
    const own = CORPUS.filter((r) => types.includes(r.type));
    return own.length > 0 ? own : [...CORPUS];
}

// ---------------------------------------------------------------- strings

/** Lone surrogates, bidi overrides and marks, NUL, BOM, line separators, escapes, ANSI. */
export const ODD_STRINGS: readonly string[] = [
    "\uD800", "\uDFFF", "a\uDBFFb", "\uDC00\uD800", "\u202Egnp.exe", "\u202D", "\u200F", "\u200E", "\u2066x\u2069",
    "\0", "a\0b", "\uFEFF", "\u0085", "\u2028", "\u2029", "\r\n", "\t", "𝕊3:*", "ﬀ", "İ", "ß", "e\u0301", "🔑",
    "\\", '"', "'", "`", "${aws:username}", "%s%n", "{{x}}", "\u001b[31m", "\u00a0", " ", "", "null", "true", "0",
    "{}", "[]", "{\"Statement\":", "*", "?", "::", "$", "__proto__", "constructor",
];

export const oddString: fc.Arbitrary<string> = fc.oneof(
    fc.constantFrom(...ODD_STRINGS),
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.array(fc.constantFrom(...ODD_STRINGS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
    fc.tuple(fc.constantFrom(...REAL_STRINGS), fc.constantFrom(...ODD_STRINGS)).map(([s, odd]) => s + odd),
);

const MB = 1 << 20;
/** ~1 MB strings, built once: plain, a wildcard action, an unterminated document, Unicode. */
export const HUGE_STRINGS: readonly string[] = [
    "x".repeat(MB),
    `s3:${"Get".repeat(MB / 3)}*`,
    `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${"a".repeat(MB)}`,
    "🔑\u202E".repeat(MB / 3),
];
export const hugeString: fc.Arbitrary<string> = fc.constantFrom(...HUGE_STRINGS);

// ---------------------------------------------------------------- values

export const realString: fc.Arbitrary<string> = fc.constantFrom(...REAL_STRINGS);

export const key: fc.Arbitrary<string> = fc
    .oneof({ weight: 6, arbitrary: fc.constantFrom(...REAL_KEYS) }, fc.string({ maxLength: 10 }), oddString)
    .filter((k) => !k.startsWith("$") && k !== "__proto__");

export const leaf: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: realString },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 2, arbitrary: oddString },
    { weight: 3, arbitrary: unknownSentinel },
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
);

/** Any JSON-like value, small: objects keyed by real property names, lists, leaves. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
        { depthSize: "small", maxDepth: 4 },
        { weight: 4, arbitrary: leaf },
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 5, noNullPrototype: true }),
    ),
})).value;

export type NestKind = "array" | "object" | "statement";

/** A value wrapped `depth` times (iteratively: the builder must not be what overflows). */
export function deepNest(depth: number, kind: NestKind, inner: unknown = "s3:*"): unknown {
    let v: unknown = inner;
    for (let i = 0; i < depth; i++) {
        // One reference per level: real props are trees, never shared (a DAG would blow up exponentially).
        v = kind === "array" ? [v] : kind === "object" ? { Statement: v } : { Effect: "Allow", Action: "s3:*", Condition: { StringEquals: { k: v } } };
    }
    return v;
}

// ---------------------------------------------------------------- policy documents

const ACTIONS = ["*", "s3:*", "s3:GetObject", "s3:Get*", "kms:*", "kms:Decrypt", "kms:Encrypt*", "iam:?etRole", "ec2:Describe*", "sts:AssumeRole", "", "S3:*", "s3:*Object*"];
const PRINCIPAL_IDS = [
    "*", "arn:aws:iam::111122223333:root", "111122223333", "arn:aws-cn:iam::111122223333:root", "arn:aws:iam::111122223333:role/app",
    "logs.amazonaws.com", "arn:aws:iam::444455556666:root", "",
];
const CONDITION_OPERATORS = ["StringEquals", "StringLike", "ForAnyValue:StringEquals", "StringEqualsIfExists", "Bool", "ArnLike", "StringEqualsIgnoreCase"];
const CONDITION_KEYS = ["kms:CallerAccount", "aws:PrincipalAccount", "aws:PrincipalOrgID", "kms:ViaService", "aws:SecureTransport", "AWS:PrincipalAccount"];

/** Half the time a realistic value, else something of the wrong kind (or unknown). */
function field<T>(realistic: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
    return fc.oneof({ weight: 5, arbitrary: realistic }, { weight: 2, arbitrary: unknownSentinel }, { weight: 2, arbitrary: anyValue });
}

const stringOrList = (item: fc.Arbitrary<unknown>) => fc.oneof(item, fc.array(item, { maxLength: 5 }));
const action = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ACTIONS) }, unknownSentinel, oddString, realString);
const principalId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PRINCIPAL_IDS) }, unknownSentinel, oddString);
const principal = fc.oneof(
    fc.constant("*"),
    fc.dictionary(fc.constantFrom("AWS", "Service", "Federated", "CanonicalUser", "aws"), field(stringOrList(principalId)), { minKeys: 1, maxKeys: 3, noNullPrototype: true }),
);
const conditionValue = fc.oneof(principalId, fc.boolean(), fc.integer(), unknownSentinel, fc.array(principalId, { maxLength: 3 }));
const condition = fc.dictionary(
    fc.oneof(fc.constantFrom(...CONDITION_OPERATORS), key),
    field(fc.dictionary(fc.oneof(fc.constantFrom(...CONDITION_KEYS), key), field(conditionValue), { maxKeys: 3, noNullPrototype: true })),
    { maxKeys: 3, noNullPrototype: true },
);

export const statement: fc.Arbitrary<Record<string, unknown>> = fc.record(
    {
        Sid: field(fc.oneof(realString, oddString, fc.constantFrom("S3", "Allow use by the orders role", "VisualEditor0"))),
        Effect: field(fc.constantFrom("Allow", "Deny", "allow", "")),
        Action: field(stringOrList(action)),
        NotAction: field(stringOrList(action)),
        Resource: field(stringOrList(fc.constantFrom("*", "arn:aws:s3:::bucket/*"))),
        NotResource: field(stringOrList(fc.constantFrom("*"))),
        Principal: field(principal),
        NotPrincipal: field(principal),
        Condition: field(condition),
    },
    { requiredKeys: [] },
);

/** A policy document object: small, or with hundreds of statements. */
export const documentObject: fc.Arbitrary<Record<string, unknown>> = fc.record(
    {
        Version: field(fc.constantFrom("2012-10-17", "2008-10-17")),
        Id: field(realString),
        Statement: fc.oneof(
            { weight: 6, arbitrary: fc.array(statement, { maxLength: 6 }) },
            { weight: 2, arbitrary: statement },
            { weight: 1, arbitrary: fc.array(statement, { minLength: 200, maxLength: 400 }) },
            { weight: 1, arbitrary: unknownSentinel },
            { weight: 1, arbitrary: anyValue },
        ),
    },
    { requiredKeys: [] },
);

/** What a document-typed property may hold: an object, its JSON, broken JSON, anything. */
export const policyDocument: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: documentObject },
    { weight: 4, arbitrary: documentObject.map((d) => JSON.stringify(d)) },
    { weight: 2, arbitrary: fc.constantFrom(...REAL_DOCUMENTS) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...REAL_DOCUMENTS), fc.nat()).map(([d, n]) => d.slice(0, n % d.length)) },
    { weight: 1, arbitrary: fc.constantFrom("", "  ", "{", "null", "[]", "\"Statement\"", "{\"Statement\": null}", "{\"Statement\": \"x\"}") },
    { weight: 1, arbitrary: unknownSentinel },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: oddString },
);

// ---------------------------------------------------------------- aws-native shapes

/** Every aws-native type's top-level inputs, from the provider's schema (tools/aws-native-inputs.json, `npm run generate:aws-native`). */
export const NATIVE_INPUTS: Readonly<Record<string, readonly string[]>> =
    JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../tools/aws-native-inputs.json"), "utf8")).types;

/**
 * What the corpus holds under each key, JSON documents also parsed: aws-native takes as objects what
 * classic types take as JSON strings (containerDefinitions, a job's containerProperties, a state machine's
 * definition), so the classic cases' values fill the aws-native inputs of the same name.
 */
const VALUES_BY_KEY: ReadonlyMap<string, readonly unknown[]> = (() => {
    const byKey = new Map<string, unknown[]>();
    const add = (k: string, v: unknown) => {
        const list = byKey.get(k) ?? byKey.set(k, []).get(k)!;
        if (list.length < 40 && (safeStringify(v)?.length ?? Infinity) <= 20_000) list.push(v);
    };
    const walk = (v: unknown): void => {
        if (Array.isArray(v)) return v.forEach(walk);
        if (typeof v !== "object" || v === null) return;
        for (const [k, e] of Object.entries(v)) {
            if (k.startsWith("$") || k === "__proto__") continue;
            add(k, e);
            if (typeof e === "string" && /^\s*[[{]/.test(e)) {
                try {
                    add(k, JSON.parse(e));
                } catch {
                    // a deliberately broken document
                }
            }
            walk(e);
        }
    };
    for (const r of CORPUS) walk(r.props);
    return byKey;
})();

/** Names of variables and settings: the corpus' keys (environment variables, settings, credential names and look-alikes). */
const settingName: fc.Arbitrary<string> = fc.constantFrom(...REAL_KEYS);
const settingValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: realString }, { weight: 2, arbitrary: leaf });

/** aws-native's environments and settings: name/value pairs (`*KeyValuePairArgs`, Beanstalk's `optionName`), or a map. */
const settings: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom(["name", "value"], ["key", "value"], ["Name", "Value"], ["optionName", "value"]).chain(([n, v]) =>
        fc.array(fc.record({ [n]: settingName, [v]: settingValue }, { requiredKeys: [n] }), { maxLength: 4 })),
    fc.dictionary(settingName, settingValue, { maxKeys: 4, noNullPrototype: true }),
);

/** A value for an input the policy reads in full (NATIVE_FULL_INPUTS) under `key`: what the corpus holds there, settings, anything. */
function fullInputValue(key: string): fc.Arbitrary<unknown> {
    const seen = VALUES_BY_KEY.get(key) ?? [];
    return fc.oneof(
        ...(seen.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...seen) }] : []),
        { weight: 2, arbitrary: settings },
        { weight: 2, arbitrary: settingValue },
        { weight: 1, arbitrary: anyValue },
    );
}

/** A tree with a value at a dotted path (`*`: a list element). */
function valueAtPath(segments: readonly string[], i = 0): fc.Arbitrary<unknown> {
    if (i === segments.length) return fullInputValue(segments.filter((s) => s !== "*").pop() ?? "");
    const inner = valueAtPath(segments, i + 1);
    return segments[i] === "*" ? fc.array(inner, { minLength: 1, maxLength: 2 }) : inner.map((v) => ({ [segments[i]]: v }));
}

function deepMerge(a: unknown, b: unknown): unknown {
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
    if (!isObject(a) || !isObject(b)) return b;
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k], v) : v;
    return out;
}

/**
 * Props of an aws-native type under its real input names: some of its inputs with any value, and
 * `fullInputs` (the paths a rule reads in full, as NATIVE_FULL_INPUTS) filled with settings and credentials.
 */
export function nativeProps(type: string, fullInputs: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
    const inputs = NATIVE_INPUTS[type] ?? [];
    const random = inputs.length === 0 ? fc.constant({})
        : fc.dictionary(fc.constantFrom(...inputs), fc.oneof({ weight: 3, arbitrary: anyValue }, policyDocument), { maxKeys: 5, noNullPrototype: true });
    const full = fullInputs.length === 0 ? fc.constant([])
        : fc.subarray([...fullInputs], { minLength: 1 }).chain((paths) => fc.tuple(...paths.map((p) => valueAtPath(p.split(".")))));
    return fc.tuple(random, full).map(([base, values]) => values.reduce<Record<string, unknown>>((acc, v) => deepMerge(acc, v) as Record<string, unknown>, base));
}

// ---------------------------------------------------------------- mutations

export type Path = (string | number)[];

/** Every node of a tree (the root excluded), plus, on each object, the real keys it lacks. */
export function nodePaths(value: unknown, opts: { absentKeys?: readonly string[]; maxPaths?: number } = {}): Path[] {
    const out: Path[] = [];
    const max = opts.maxPaths ?? 2000;
    const walk = (v: unknown, at: Path, depth: number) => {
        if (out.length >= max || depth > 50) return;
        if (Array.isArray(v)) {
            v.forEach((e, i) => {
                out.push([...at, i]);
                walk(e, [...at, i], depth + 1);
            });
        } else if (typeof v === "object" && v !== null) {
            for (const [k, e] of Object.entries(v)) {
                out.push([...at, k]);
                walk(e, [...at, k], depth + 1);
            }
            for (const k of opts.absentKeys ?? []) if (!(k in (v as object))) out.push([...at, k]);
        }
    };
    walk(value, [], 0);
    return out;
}

export function getAt(root: unknown, p: Path): unknown {
    let v: any = root;
    for (const k of p) {
        if (v === null || typeof v !== "object") return undefined;
        v = v[k];
    }
    return v;
}

/** A copy of `root` with `value` at `p` (undefined on an object key deletes it). */
export function setAt<T>(root: T, p: Path, value: unknown): T {
    if (p.length === 0) return value as T;
    const [head, ...rest] = p;
    const base: any = Array.isArray(root) ? [...root] : typeof root === "object" && root !== null ? { ...root } : typeof head === "number" ? [] : {};
    const next = setAt(base[head], rest, value);
    if (next === undefined && !Array.isArray(base)) delete base[head];
    else base[head] = next;
    return base;
}

// JSON.stringify itself overflows on a few thousand levels of nesting.
function safeStringify(v: unknown): string | undefined {
    try {
        return JSON.stringify(v);
    } catch {
        return "[[[";
    }
}

type Mutation =
    | { op: "replace"; at: number; value: unknown }
    | { op: "delete"; at: number }
    | { op: "wrapList"; at: number }
    | { op: "unwrapList"; at: number }
    | { op: "stringify"; at: number }
    | { op: "truncateJson"; at: number; cut: number }
    | { op: "nest"; at: number; depth: number; kind: NestKind };

export interface MutationOptions {
    /** Deep nesting (the engine path keeps it modest: protobuf, not the pack, limits it). */
    maxDepth: number;
    /** Include ~1 MB strings. */
    huge: boolean;
}

function mutation(o: MutationOptions): fc.Arbitrary<Mutation> {
    const replacement = fc.oneof(
        { weight: 5, arbitrary: anyValue },
        { weight: 3, arbitrary: unknownSentinel },
        { weight: 2, arbitrary: policyDocument },
        { weight: 1, arbitrary: fc.constantFrom(null, undefined, "", 0, false, true, [], {}, "true", "AES256", "aws:kms") },
        ...(o.huge ? [{ weight: 1, arbitrary: hugeString as fc.Arbitrary<unknown> }] : []),
    );
    const at = fc.nat();
    return fc.oneof(
        { weight: 6, arbitrary: fc.record({ op: fc.constant("replace" as const), at, value: replacement }) },
        { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), at }) },
        fc.record({ op: fc.constant("wrapList" as const), at }),
        fc.record({ op: fc.constant("unwrapList" as const), at }),
        fc.record({ op: fc.constant("stringify" as const), at }),
        fc.record({ op: fc.constant("truncateJson" as const), at, cut: fc.nat() }),
        fc.record({ op: fc.constant("nest" as const), at, depth: fc.integer({ min: 2, max: Math.max(2, o.maxDepth) }), kind: fc.constantFrom<NestKind>("array", "object", "statement") }),
    );
}

/** Nesting depth of a tree, iteratively (the trees here are deeper than the stack allows). */
export function depthOf(root: unknown): number {
    let max = 0;
    const stack: [unknown, number][] = [[root, 0]];
    while (stack.length > 0) {
        const [v, d] = stack.pop()!;
        max = Math.max(max, d);
        if (typeof v === "object" && v !== null) for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
    return max;
}

function applyMutation(props: Record<string, unknown>, m: Mutation, maxDepth: number): Record<string, unknown> {
    const paths = nodePaths(props, { absentKeys: m.op === "replace" ? ["deletionProtection", "policy", "rules", "Statement"] : [] });
    if (paths.length === 0) return m.op === "replace" ? { [REAL_KEYS[m.at % REAL_KEYS.length]]: m.value } : props;
    const p = paths[m.at % paths.length];
    const current = getAt(props, p);
    switch (m.op) {
        case "replace":
            return setAt(props, p, m.value);
        case "delete":
            return setAt(props, p, typeof p[p.length - 1] === "number" ? null : undefined);
        case "wrapList":
            return setAt(props, p, [current]);
        case "unwrapList":
            return Array.isArray(current) ? setAt(props, p, current[0]) : props;
        case "stringify":
            return setAt(props, p, safeStringify(current) ?? "undefined");
        case "truncateJson": {
            const text = typeof current === "string" ? current : safeStringify(current) ?? "";
            return setAt(props, p, text.slice(0, text.length === 0 ? 0 : m.cut % text.length));
        }
        case "nest": {
            // The whole tree stays within maxDepth, however many nestings pile up.
            const perLevel = m.kind === "statement" ? 3 : 1;
            const room = Math.floor((maxDepth - p.length - depthOf(current) - 1) / perLevel);
            return room < 2 ? props : setAt(props, p, deepNest(Math.min(m.depth, room), m.kind, current));
        }
    }
}

/** Props of the given types: a real resource mutated, or random props under real names. */
const propsCache = new Map<string, fc.Arbitrary<Record<string, unknown>>>();

export function propsFor(types: readonly string[], o: MutationOptions): fc.Arbitrary<Record<string, unknown>> {
    const cacheKey = JSON.stringify([types, o]);
    let arb = propsCache.get(cacheKey);
    if (!arb) propsCache.set(cacheKey, (arb = buildPropsFor(types, o)));
    return arb;
}

function buildPropsFor(types: readonly string[], o: MutationOptions): fc.Arbitrary<Record<string, unknown>> {
    const own = CORPUS.filter((r) => types.includes(r.type)).map((r) => r.props);
    // aws-native types under their real input names, the inputs secret-sensitive-props reads in full filled:
    // most of the time for an aws-native type the corpus lacks (else its props would be another type's).
    const native = types.filter((type) => type in NATIVE_INPUTS);
    const nativeBase = native.length === 0 ? undefined : fc.constantFrom(...native).chain((type) => nativeProps(type, NATIVE_FULL_INPUTS[type]));
    const bases: fc.Arbitrary<Record<string, unknown>> = nativeBase === undefined ? fc.constantFrom(...corpusOf(types).map((r) => r.props))
        : fc.oneof({ weight: own.length > 0 ? 3 : 1, arbitrary: fc.constantFrom(...corpusOf(types).map((r) => r.props)) }, { weight: own.length > 0 ? 1 : 3, arbitrary: nativeBase });
    const mutated = fc
        .tuple(bases, fc.array(mutation(o), { maxLength: 5 }))
        .map(([base, ms]) => ms.reduce((props, m) => applyMutation(props, m, o.maxDepth), base));
    const random = fc.dictionary(key, fc.oneof({ weight: 3, arbitrary: anyValue }, policyDocument), { maxKeys: 8, noNullPrototype: true });
    return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: random });
}

// ---------------------------------------------------------------- resources

/**
 * A type and props for it: any type's props (a real resource of another type is still a valid input to
 * a rule), and for an aws-native type also its own (propsFor([type])), so its real input names meet its type.
 */
export function typedPropsFor(types: readonly string[], o: MutationOptions): fc.Arbitrary<{ type: string; props: Record<string, unknown> }> {
    return fc.constantFrom(...types).chain((type) =>
        (type in NATIVE_INPUTS ? fc.oneof(propsFor(types, o), propsFor([type], o)) : propsFor(types, o)).map((props) => ({ type, props })));
}

export function resourceOf(types: readonly string[], o: MutationOptions, name = "r"): fc.Arbitrary<PlainResource> {
    return typedPropsFor(types, o).map(({ type, props }) => resource(type, props, { name }));
}

/** Findings are a list of objects with a non-empty, bounded message. */
export function assertWellFormed(findings: unknown): asserts findings is Finding[] {
    if (!Array.isArray(findings)) throw new Error("findings is not a list");
    for (const f of findings) {
        if (typeof f !== "object" || f === null) throw new Error("a finding is not an object");
        const message = (f as Finding).message;
        if (typeof message !== "string" || message.trim() === "") throw new Error("a finding has no message");
        // A message never embeds an input value wholesale (1 MB strings are generated); a long
        // property path through thousands of nesting levels is still allowed.
        if (message.length > 65_536) throw new Error(`a finding's message is ${message.length} characters long`);
    }
}

// ---------------------------------------------------------------- secret tokens

/** A distinctive random token: `SECRET_` and 16 base-36 characters. */
export const secretToken: fc.Arbitrary<string> = fc
    .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), { minLength: 16, maxLength: 16 })
    .map((cs) => `SECRET_${cs.join("")}`);

// ---------------------------------------------------------------- placing tokens

/**
 * A policy document carrying the token in every field a document has, as object or JSON;
 * with `asKeys`, also as a principal type and a condition key (names: see TokenForm).
 */
export function tokenDocument(token: string, asJson: boolean, asKeys = false): unknown {
    const key = asKeys ? token : "aws:SourceAccount";
    const doc = {
        Version: "2012-10-17",
        Id: token,
        Statement: [
            {
                Sid: token,
                Effect: "Allow",
                Action: [token, `${token}*`, `s3:${token}*`, "s3:*"],
                Resource: [token, `arn:aws:s3:::${token}/*`],
                Principal: { AWS: [token, `arn:aws:iam::111122223333:role/${token}`], [asKeys ? token : "Service"]: "*" },
                Condition: { StringEquals: { [key]: token, "aws:PrincipalAccount": token }, [asKeys ? token : "StringLike"]: { k: token } },
            },
            { Sid: token, Effect: "Allow", NotAction: token, Principal: "*", Resource: "*" },
            { Sid: token, Effect: token, Action: "*", Principal: { AWS: "*" } },
        ],
    };
    return asJson ? JSON.stringify(doc) : doc;
}

// Tokens go where values go, never as object keys: those are names, and secret-sensitive-props
// prints them as the path of what it reports. A list element's `name` (`environment: [{name,
// value}]`, a header's `key`, a CloudFormation `ParameterKey`) is a value that it prints the
// same way unless it is a secret: tokens go there only with `pairNames`, for generators that
// then always make such a name a secret (docs/testing.md).
export type TokenForm = "raw" | "star" | "embedded" | "document" | "documentJson";

interface Placement {
    at: number;
    form: TokenForm;
}

const placement: fc.Arbitrary<Placement> = fc.record({
    at: fc.nat(),
    form: fc.constantFrom<TokenForm>("raw", "raw", "star", "embedded", "document", "documentJson", "documentJson"),
});

/** Where a token goes in the tree, in which form; returns the new tree. */
export function placeToken(props: Record<string, unknown>, token: string, p: Placement, pairNames = false): Record<string, unknown> {
    const value =
        p.form === "raw" ? token
        : p.form === "star" ? `${token}*`
        : p.form === "embedded" ? `prefix ${token} suffix`
        : tokenDocument(token, p.form === "documentJson");
    // Document-valued properties the policies read, so tokens reach the document readers.
    const paths: Path[] = [...nodePaths(props, { maxPaths: 500 }), ["policy"], ["inlinePolicy"], ["inlinePolicies", 0, "policy"], ["deletionProtection"], ["bucket"]]
        .filter((at) => pairNames || !isPairName(at));
    // Names are few among the paths: a quarter of the placements go to one when there is one.
    const names = pairNames ? paths.filter(isPairName) : [];
    if (names.length > 0 && p.at % 4 === 0) return setAt(props, names[(p.at >> 2) % names.length], value);
    return setAt(props, paths[p.at % paths.length], value);
}

/** `[..., <index>, "name"]` (or `key`, `Name`, ...): where a list element's name goes. */
export function isPairName(at: Path): boolean {
    return at.length >= 2 && ELEMENT_NAME_KEYS.has(String(at[at.length - 1])) && typeof at[at.length - 2] === "number";
}

export interface Tokenized {
    props: Record<string, unknown>;
    tokens: string[];
}

/** Props with 1-4 distinct tokens placed at random paths (a later one may overwrite an earlier one). */
export function withTokens(props: fc.Arbitrary<Record<string, unknown>>, pairNames = false): fc.Arbitrary<Tokenized> {
    return fc
        .tuple(props, fc.array(fc.tuple(secretToken, placement), { minLength: 1, maxLength: 4 }))
        .map(([base, placed]) => ({
            props: placed.reduce((acc, [token, p]) => placeToken(acc, token, p, pairNames), base),
            tokens: placed.map(([token]) => token),
        }));
}

/**
 * The text with every generated secret token masked: a failure report shows where a token
 * leaked, never the token (they stand for secrets); FC_SEED and FC_PATH bring it back.
 */
export function redactTokens(text: string): string {
    return text.replace(/(SECRET_)?[a-z0-9]{16}/g, (m, prefix) => (prefix || /\d/.test(m) ? `${prefix ?? ""}<token>` : m));
}

/** Fails, without showing the token, when the text holds one of the tokens (or its random part). */
export function assertNoToken(text: string, tokens: readonly string[], where: string): void {
    assertNotShown(text, tokens.flatMap((token) => [token, token.slice("SECRET_".length)]), where);
}

/** A copy of a tree with `replace` applied to every node, top down (to what it returns). */
export function mapTree(v: unknown, replace: (node: unknown) => unknown): unknown {
    const node = replace(v);
    if (Array.isArray(node)) return node.map((e) => mapTree(e, replace));
    if (typeof node === "object" && node !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, e] of Object.entries(node)) out[k] = mapTree(e, replace);
        return out;
    }
    return node;
}

/** Known values only: unknown sentinels replaced, so a substitute is a value a deployment could have. */
export function withoutUnknowns(v: unknown): unknown {
    return mapTree(v, (node) => (typeof node === "string" && UNKNOWNS.includes(node) ? "known-value" : node));
}

/** Concrete values to substitute for an unknown: of every kind, realistic and not. */
export const knownValue: fc.Arbitrary<unknown> = fc
    .oneof(
        { weight: 3, arbitrary: anyValue },
        { weight: 2, arbitrary: policyDocument },
        { weight: 2, arbitrary: fc.constantFrom(true, false, "true", "", "AES256", "aws:kms", "aws:kms:dsse", "*", "s3:*", "Allow", "Deny", [], {}, null, 0) },
        { weight: 1, arbitrary: realString },
    )
    .map(withoutUnknowns);

/** Keys the rules read, offered as places for an unknown where they are absent: those below and the examples' top-level keys. */
export const RULE_KEYS: readonly string[] = [...new Set([
    ...POLICIES.flatMap((p) => p.examples.flatMap((e) => e.resources.flatMap((r) => Object.keys(r.props ?? {})))),
    "deletionProtection", "deletionProtectionEnabled", "policy", "inlinePolicy", "inlinePolicies", "bypassPolicyLockoutSafetyCheck",
    "Statement", "Effect", "Action", "NotAction", "Principal", "NotPrincipal", "Condition", "Sid",
    "serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations", "rules", "rule",
    "applyServerSideEncryptionByDefault", "applyServerSideEncryptionByDefaults", "sseAlgorithm", "kmsMasterKeyId",
    // The aws-native inputs secret-sensitive-props reads in full, at every level of their paths.
    ...Object.values(NATIVE_FULL_INPUTS).flatMap((paths) => paths.flatMap((p) => p.split(".").filter((s) => s !== "*"))),
])];
