// The one reader of AWS policy documents (IAM identity policies, KMS key policies, resource
// policies of S3, SQS, SNS, ...), and the judgements policies share about them: who a
// statement's principals are, and whether its condition pins the caller.
//
// Programs hand documents over in two forms: a JSON string (JSON.stringify,
// aws.iam.getPolicyDocument(...).json) or, where the SDK types allow `string |
// PolicyDocument` (iam.Policy, RolePolicy, UserPolicy, GroupPolicy), the object itself.
// AWS's grammar is lax: `Statement` may be one object or a list; Action, NotAction,
// Resource, NotResource and each Principal entry may be a string or a list. At preview any
// value of the object form may still be an unknown sentinel (e.g. `Resource: bucket.arn`).
//
// The reader never throws and never echoes document text: Node's JSON.parse errors quote
// the input, and a document may sit next to secrets.
import { all, any, Decided } from "./decided";
import { kindOf } from "./describe";
import { compileGlob, GlobMatcher } from "./glob";
import type { ResourceTags } from "./tags";
import { isRecord, isUnknown } from "./values";

/** Strings of a string-or-list field; `incomplete` when some (or all) are unknown at preview. */
export interface StringValues {
    values: string[];
    incomplete: boolean;
}

/** One principal: `type` is "AWS", "Service", "Federated", "CanonicalUser", or "*" for `Principal: "*"`. */
export interface Principal {
    type: string;
    id: string;
}

export interface Principals {
    entries: Principal[];
    incomplete: boolean;
    /** The whole field is unknown at preview: it may resolve to nothing at all. */
    unknown?: true;
}

/** One condition test, e.g. {operator: "StringEquals", key: "kms:CallerAccount", values: ["111122223333"]}. */
export interface ConditionTest {
    operator: string;
    key: string;
    values: StringValues;
}

export interface Conditions {
    tests: ConditionTest[];
    incomplete: boolean;
}

export interface PolicyStatement {
    index: number;
    /** How messages name the statement: `statement "Sid"`, or `Statement[i]` without a Sid. */
    label: string;
    /** "unknown" at preview when Effect is not known yet. */
    effect: "Allow" | "Deny" | "unknown";
    action?: StringValues;
    notAction?: StringValues;
    resource?: StringValues;
    notResource?: StringValues;
    principal?: Principals;
    notPrincipal?: Principals;
    condition?: Conditions;
}

/** Something AWS would not accept or that cannot be evaluated; `where` names the statement, if any. */
export interface DocumentProblem {
    where?: string;
    what: string;
}

export type PolicyDocumentReading =
    | { kind: "absent" }
    /** The whole document, or its Statement list, is unknown at preview. */
    | { kind: "unknown" }
    /**
     * `statements` are the well-formed ones; malformed ones appear only in `problems`.
     * `incomplete` when some statements were unknown at preview (and skipped).
     */
    | { kind: "document"; statements: PolicyStatement[]; problems: DocumentProblem[]; incomplete: boolean };

export interface ReadOptions {
    /**
     * Treat "" like an unset property. For optional document inputs (kms.Key `policy`,
     * iam.Role `inlinePolicies[].policy`) the provider reads "" as "not set".
     */
    blankIsAbsent?: boolean;
    /**
     * Treat `"{}"` (or an empty object) like an unset property: secretsmanager.Secret and
     * s3.AccessPoint document `"{}"` as the way to delete an inline policy.
     */
    emptyObjectIsAbsent?: boolean;
}

/** Reads a policy document given as a JSON string or an object. */
export function readPolicyDocument(value: unknown, options: ReadOptions = {}): PolicyDocumentReading {
    if (value === undefined || value === null) return { kind: "absent" };
    if (isUnknown(value)) return { kind: "unknown" };
    let document: unknown = value;
    if (typeof value === "string") {
        if (value.trim() === "") {
            return options.blankIsAbsent ? { kind: "absent" } : invalid("is an empty string; it must be a JSON policy document");
        }
        try {
            document = JSON.parse(value);
        } catch {
            return invalid("is not valid JSON; build it with JSON.stringify({...}) or aws.iam.getPolicyDocument(...).json");
        }
    }
    if (!isRecord(document)) {
        return invalid(`must be a JSON object with a Statement list, not ${kindOf(document)}`);
    }
    if (options.emptyObjectIsAbsent && Object.values(document).every(isUnknown)) {
        // An unknown entry may resolve to undefined and vanish, leaving `{}`: not known yet.
        return Object.keys(document).length === 0 ? { kind: "absent" } : { kind: "unknown" };
    }
    const statementField = document.Statement;
    if (isUnknown(statementField)) return { kind: "unknown" };
    if (statementField === undefined) return invalid("has no Statement; add a Statement list");
    const list = Array.isArray(statementField) ? statementField : isRecord(statementField) ? [statementField] : undefined;
    if (!list) return invalid(`has a Statement that is ${kindOf(statementField)}; it must be an object or a list of objects`);

    const statements: PolicyStatement[] = [];
    const problems: DocumentProblem[] = [];
    let incomplete = false;
    list.forEach((raw, index) => {
        if (isUnknown(raw)) {
            incomplete = true;
            return;
        }
        const read = readStatement(raw, index);
        if ("problem" in read) problems.push(read.problem);
        else statements.push(read.statement);
    });
    return { kind: "document", statements, problems, incomplete };
}

function invalid(what: string): PolicyDocumentReading {
    return { kind: "document", statements: [], problems: [{ what }], incomplete: false };
}

// Thrown and caught inside this module only, to abandon one malformed statement.
class ShapeError {
    constructor(readonly what: string) {}
}

function readStatement(raw: unknown, index: number): { statement: PolicyStatement } | { problem: DocumentProblem } {
    const fallbackLabel = `Statement[${index}]`;
    if (!isRecord(raw)) return { problem: { where: fallbackLabel, what: `is ${kindOf(raw)}; each statement must be an object` } };
    const label = typeof raw.Sid === "string" && SHOWN_SID.test(raw.Sid) ? `statement ${JSON.stringify(raw.Sid)}` : fallbackLabel;
    // At preview a whole field may be unknown and still resolve to nothing (an Output of
    // undefined): an unknown Action or NotAction beside the other one, or an unknown
    // NotPrincipal beside a Principal, is read as absent, so that only known fields conflict.
    const notAction = isUnknown(raw.NotAction) && raw.Action !== undefined ? undefined : raw.NotAction;
    const action = isUnknown(raw.Action) && notAction !== undefined ? undefined : raw.Action;
    const notPrincipal = isUnknown(raw.NotPrincipal) && raw.Principal !== undefined ? undefined : raw.NotPrincipal;
    try {
        const hasAction = action !== undefined;
        const hasNotAction = notAction !== undefined;
        if (hasAction === hasNotAction) {
            throw new ShapeError(hasAction ? "has both Action and NotAction; use exactly one" : "has neither Action nor NotAction; every statement needs one");
        }
        return {
            statement: {
                index,
                label,
                effect: readEffect(raw.Effect),
                action: readStrings(action, "Action"),
                notAction: readStrings(notAction, "NotAction"),
                resource: readStrings(raw.Resource, "Resource"),
                notResource: readStrings(raw.NotResource, "NotResource"),
                principal: readPrincipals(raw.Principal, "Principal"),
                notPrincipal: readPrincipals(notPrincipal, "NotPrincipal"),
                condition: readConditions(raw.Condition),
            },
        };
    } catch (e) {
        if (e instanceof ShapeError) return { problem: { where: label, what: e.what } };
        throw e;
    }
}

function readEffect(value: unknown): PolicyStatement["effect"] {
    if (isUnknown(value)) return "unknown";
    // AWS matches Effect case-sensitively.
    if (value === "Allow" || value === "Deny") return value;
    throw new ShapeError(value === undefined ? 'has no Effect; set "Allow" or "Deny"' : 'has an Effect other than "Allow" or "Deny" (case-sensitive)');
}

/** "a Resource", "an Action". */
const withArticle = (field: string) => `${/^[AEIOU]/.test(field) ? "an" : "a"} ${field}`;

function readStrings(value: unknown, field: string): StringValues | undefined {
    if (value === undefined) return undefined;
    if (isUnknown(value)) return { values: [], incomplete: true };
    if (typeof value === "string") return { values: [value], incomplete: false };
    if (!Array.isArray(value)) throw new ShapeError(`has ${withArticle(field)} that is ${kindOf(value)}; it must be a string or a list of strings`);
    const values: string[] = [];
    let incomplete = false;
    for (const entry of value) {
        if (isUnknown(entry)) incomplete = true;
        else if (typeof entry === "string") values.push(entry);
        else throw new ShapeError(`has ${withArticle(field)} entry that is ${kindOf(entry)}; entries must be strings`);
    }
    return { values, incomplete };
}

function readPrincipals(value: unknown, field: string): Principals | undefined {
    if (value === undefined) return undefined;
    if (isUnknown(value)) return { entries: [], incomplete: true, unknown: true };
    if (value === "*") return { entries: [{ type: "*", id: "*" }], incomplete: false };
    if (!isRecord(value)) {
        throw new ShapeError(`has a ${field} that is ${kindOf(value)}; it must be "*" or an object such as {"AWS": [...]} or {"Service": ...}`);
    }
    const entries: Principal[] = [];
    let incomplete = false;
    for (const [type, ids] of Object.entries(value)) {
        const read = readStrings(ids, SHOWN_KEY.test(type) ? `${field}.${type}` : `${field} entry`);
        if (!read) continue;
        incomplete ||= read.incomplete;
        for (const id of read.values) entries.push({ type, id });
    }
    return { entries, incomplete };
}

function readConditions(value: unknown): Conditions | undefined {
    if (value === undefined) return undefined;
    if (isUnknown(value)) return { tests: [], incomplete: true };
    if (!isRecord(value)) throw new ShapeError(`has a Condition that is ${kindOf(value)}; it must be an object of operators`);
    const tests: ConditionTest[] = [];
    let incomplete = false;
    for (const [operator, block] of Object.entries(value)) {
        if (isUnknown(block)) {
            incomplete = true;
            continue;
        }
        const at = SHOWN_KEY.test(operator) ? `Condition.${operator}` : "Condition operator";
        if (!isRecord(block)) throw new ShapeError(`has a ${at} that is ${kindOf(block)}; it must be an object of condition keys`);
        for (const [key, raw] of Object.entries(block)) {
            const values = readConditionValues(raw, at);
            incomplete ||= values.incomplete;
            tests.push({ operator, key, values });
        }
    }
    return { tests, incomplete };
}

// Condition values may also be booleans or numbers (e.g. "aws:SecureTransport": false).
function readConditionValues(value: unknown, field: string): StringValues {
    const list = Array.isArray(value) ? value : [value];
    const values: string[] = [];
    let incomplete = false;
    for (const entry of list) {
        if (isUnknown(entry)) incomplete = true;
        else if (typeof entry === "string" || typeof entry === "number" || typeof entry === "boolean") values.push(String(entry));
        else throw new ShapeError(`has a ${field} value that is ${kindOf(entry)}; values must be strings, numbers or booleans`);
    }
    return { values, incomplete };
}

// What messages quote from a document. @pulumi/policy unwraps secrets before a rule runs, so
// a rule cannot tell that a document (or one field of it) was a secret; it quotes only text
// within AWS's grammar for the element, which credentials, tokens, control or bidi characters
// and megabytes of text are not. Sid: letters, digits and spaces (IAM allows [A-Za-z0-9];
// console-written key policies add spaces). Actions: `service:Action` patterns or `*`.
// Principal types and condition operators: letters and colons. See docs/testing.md.
const SHOWN_SID = /^[A-Za-z0-9][A-Za-z0-9 ]{0,99}$/;
const SHOWN_ACTION = /^(\*|[A-Za-z0-9*?-]{1,64}:[A-Za-z0-9*?]{1,128})$/;
const SHOWN_KEY = /^[A-Za-z:]{1,64}$/;
const SHOWN_PRINCIPAL = /^(?:arn:aws[a-z-]{0,10}:[a-z0-9-]{1,20}::[0-9*?]{0,12}:[\w+=,.@/*?-]{1,200}|[0-9*?]{1,12})$/;

// ---------------------------------------------------------------- shared checks on statements

/** `*` or `?` anywhere in an action name (`*`, `s3:*`, `s3:Get*`, `iam:?etRole`). */
export function isWildcardAction(action: string): boolean {
    return action.includes("*") || action.includes("?");
}

/**
 * The default `allowedActions` of the KMS and IAM policies: the KMS wildcards AWS's own
 * policies use (the console's default "Allow use of the key" statement, the service
 * statements of its guides for CloudWatch Logs and SNS, the IAM permissions its SQS and SNS
 * guides give publishers). Each expands only to using a key (Encrypt, Decrypt,
 * ReEncryptFrom/To, the GenerateDataKey family) or reads metadata (DescribeKey; in an IAM
 * policy also DescribeCustomKeyStores, which a key policy cannot grant): none manages a key,
 * its policy or its grants. The strict preset accepts none of them.
 */
export const KEY_USE_WILDCARDS: readonly string[] = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"];

/**
 * Config `allowedActions` compiled once per check: globs matched case-insensitively, as AWS
 * matches actions; a wildcard action is accepted only if every action it grants is.
 */
export function compileAllowedActions(patterns: readonly string[]): GlobMatcher[] {
    return patterns.map((p) => compileGlob(p, { ignoreCase: true, wildcardSubject: true }));
}

/** The statement's wildcard actions that no allowedActions pattern accepts. */
export function unacceptedWildcardActions(actions: StringValues | undefined, allowed: readonly GlobMatcher[]): string[] {
    if (!actions) return [];
    return actions.values.filter((a) => isWildcardAction(a) && !allowed.some((accepts) => accepts(a)));
}

// ---------------------------------------------------------------- principals

const ACCOUNT_ROOT = /^(?:arn:aws(?:-[a-z]+)*:iam::(\d{12}):root|(\d{12}))$/;

/** True for `arn:aws:iam::<account>:root` (any partition) or a bare account id. */
export function isAccountRoot(principal: string): boolean {
    return ACCOUNT_ROOT.test(principal);
}

/** The account of an account-root principal, else undefined. */
export function rootAccount(principal: string): string | undefined {
    const m = ACCOUNT_ROOT.exec(principal);
    return m ? (m[1] ?? m[2]) : undefined;
}

// "*", {"AWS": "*"}, {"CanonicalUser": "*"}; AWS refuses other wildcards in principals, but
// `arn:aws:iam::*:root` would mean every account if it were accepted.
function isAnyone(p: Principal): boolean {
    return p.id === "*" || (p.type !== "Service" && p.id.includes("*"));
}

/** Who an Allow statement's principals are, as far as the least-privilege policies care. */
export interface Audience {
    /** `Principal: "*"`, `{"AWS": "*"}` (or any "*" entry), or NotPrincipal (with Allow: everyone but those listed). */
    anyone: boolean;
    /** A known principal other than "*" and an account root (a role, a user, a service, ...). */
    others: boolean;
    /** Some principals are unknown at preview. */
    incomplete: boolean;
}

/**
 * How a statement is open to anyone, for messages: `Principal "*"`, NotPrincipal, or a wildcard
 * inside a principal (`arn:aws:iam::*:root`), which IAM rejects (only the whole principal may be
 * "*"; isAnyone reads it as anyone, what it would mean if it were accepted).
 */
export function anyoneClause(statement: PolicyStatement): string {
    const entries = statement.principal?.entries ?? [];
    if (entries.some((p) => p.id === "*")) return 'allows any principal (Principal "*")';
    const partial = entries.filter(isAnyone).map((p) => p.id);
    if (partial.length > 0) {
        // ARNs and account ids are shown; anything else a program wrote there is not.
        const shown = partial.filter((p) => SHOWN_PRINCIPAL.test(p)).slice(0, 3).map((p) => JSON.stringify(p));
        const named = shown.length > 0 ? `principal ${shown.join(", ")}` : "a principal with a wildcard inside";
        return `names ${named}, read as any principal (IAM rejects a wildcard inside a principal: only the whole principal may be "*"),`;
    }
    return "allows every principal but those in NotPrincipal";
}

export function audienceOf(statement: PolicyStatement): Audience {
    const entries = statement.principal?.entries ?? [];
    // A NotPrincipal opens an Allow to everyone but those it lists; a wholly unknown one may
    // resolve to nothing, and then the statement names no one: not known to be open yet.
    const notPrincipal = statement.notPrincipal;
    return {
        anyone: (notPrincipal !== undefined && !notPrincipal.unknown) || entries.some(isAnyone),
        others: entries.some((p) => !isAnyone(p) && !(p.type === "AWS" && isAccountRoot(p.id))),
        incomplete: statement.principal?.incomplete === true || notPrincipal?.unknown === true,
    };
}

// ---------------------------------------------------------------- conditions that pin the caller
//
// A statement open to anyone is still narrow when its condition pins the caller to known
// accounts, organizations or network paths. Rules (IAM User Guide, condition operators and
// single- vs multi-valued keys):
// - keys are case-insensitive (`AWS:SourceOwner` in the default SNS topic policy pins);
// - tests in a Condition are ANDed, so one pinning test pins the statement; the values of
//   one test are ORed, so every value must be concrete (one "*" opens it);
// - `...IfExists` and `ForAllValues:` are true when the key is absent (an anonymous caller,
//   a caller outside any organization): they pin nothing. `ForAnyValue:` is false when the
//   key is absent, so it pins like the plain operator. Negated operators (StringNotEquals,
//   ...) and Null pin nothing in an Allow;
// - a policy variable such as "${aws:PrincipalAccount}" compares the caller with itself.

type PinKind = "account" | "org" | "orgPath" | "arn" | "network" | "ip" | "userid";

const PIN_KEYS: ReadonlyMap<string, PinKind> = new Map<string, PinKind>([
    ["aws:sourceaccount", "account"],
    // Undocumented predecessor of aws:SourceAccount, still in the default SNS and SQS policies.
    ["aws:sourceowner", "account"],
    ["aws:principalaccount", "account"],
    ["kms:calleraccount", "account"],
    // S3 access-point delegation: only requests through the account's access points.
    ["s3:dataaccesspointaccount", "account"],
    ["aws:sourceorgid", "org"],
    ["aws:principalorgid", "org"],
    ["aws:sourceorgpaths", "orgPath"],
    ["aws:principalorgpaths", "orgPath"],
    ["aws:sourcearn", "arn"],
    ["aws:principalarn", "arn"],
    ["s3:dataaccesspointarn", "arn"],
    // S3's "meaning of public": uploads with a fixed SSE-KMS key admit only callers its key policy lets use it.
    ["s3:x-amz-server-side-encryption-aws-kms-key-id", "arn"],
    ["aws:sourcevpce", "network"],
    ["aws:sourcevpc", "network"],
    ["aws:sourcevpcarn", "arn"],
    // August 2025: requests through VPC endpoints owned by an account, an organization or its OUs.
    // (aws:VpcSourceIp is not among them: a private range says nothing of whose VPC it is.)
    ["aws:vpceaccount", "account"],
    ["aws:vpceorgid", "org"],
    ["aws:vpceorgpaths", "orgPath"],
    ["aws:sourceip", "ip"],
    // The caller's unique ID: an account (its root), a user (AIDA...), a role's sessions (AROA...:*).
    ["aws:userid", "userid"],
]);

const ACCESS_POINT_KEYS = new Set(["s3:dataaccesspointaccount", "s3:dataaccesspointarn"]);
const STRING_MATCH = new Set(["StringEquals", "StringEqualsIgnoreCase", "StringLike"]);
const ARN_MATCH = new Set(["ArnEquals", "ArnLike"]);
const STRING_MISMATCH = new Set(["StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike"]);
const ARN_MISMATCH = new Set(["ArnNotEquals", "ArnNotLike"]);

/** The operator a test applies to each value: `ForAnyValue:` is false on an absent key, so it pins like the plain one. */
export function anyValueOperator(test: ConditionTest): string {
    return test.operator.startsWith("ForAnyValue:") ? test.operator.slice("ForAnyValue:".length) : test.operator;
}

/** True when the test admits only callers of concrete accounts, organizations, VPCs or IP ranges. */
export function isPinningTest(test: ConditionTest): boolean {
    const kind = PIN_KEYS.get(test.key.toLowerCase());
    if (kind === undefined) return false;
    const operator = anyValueOperator(test);
    const matches = kind === "ip" ? operator === "IpAddress" : STRING_MATCH.has(operator) || (kind === "arn" && ARN_MATCH.has(operator));
    return matches && concreteValues(kind, test.values);
}

/**
 * Whether the test, in a Deny, denies every caller but those of concrete accounts,
 * organizations, VPCs or IP ranges: `StringNotEquals aws:SourceVpce vpce-1a2b3c4d`. A
 * missing key makes a negated test true (and so does `...IfExists`, `ForAllValues:`): denied.
 */
export function negatedPinningTest(test: ConditionTest): Decided {
    const kind = PIN_KEYS.get(test.key.toLowerCase());
    if (kind === undefined) return false;
    let operator = test.operator.startsWith("ForAllValues:") ? test.operator.slice("ForAllValues:".length) : test.operator;
    if (operator.endsWith("IfExists")) operator = operator.slice(0, -"IfExists".length);
    const matches = kind === "ip" ? operator === "NotIpAddress" : STRING_MISMATCH.has(operator) || (kind === "arn" && ARN_MISMATCH.has(operator));
    if (!matches || !test.values.values.every((v) => isConcrete(kind, v.trim()))) return false;
    if (test.values.incomplete) return undefined;
    return test.values.values.length > 0;
}

/** True when some test of the condition pins the caller (tests are ANDed). */
export function pinsCaller(condition: Conditions | undefined): boolean {
    return condition !== undefined && condition.tests.some(isPinningTest);
}

/**
 * The service principals (trimmed, lower case) an Allow statement names without a condition that
 * pins the source (aws:SourceArn, aws:SourceAccount, aws:SourceOrgID, ...): a service acting for
 * the resources of every AWS account may then act for another account's on this resource (the
 * cross-service confused deputy, AWS's IAM guide). None while an unknown condition may be the pin.
 */
export function unpinnedServices(statement: PolicyStatement): string[] {
    if (pinsCaller(statement.condition) || statement.condition?.incomplete) return [];
    return (statement.principal?.entries ?? []).filter((p) => p.type === "Service").map((p) => p.id.trim().toLowerCase());
}

/** True when the condition admits only requests through one account's S3 access points (delegation). */
export function delegatesToAccessPoints(condition: Conditions | undefined): boolean {
    return condition !== undefined && condition.tests.some((t) => ACCESS_POINT_KEYS.has(t.key.toLowerCase()) && isPinningTest(t));
}

function concreteValues(kind: PinKind, values: StringValues): boolean {
    return !values.incomplete && values.values.length > 0 && values.values.every((v) => isConcrete(kind, v.trim()));
}

const WILDCARD = /[*?]/;
const ORG_PATH = /^o-[a-z0-9]+\//i;

// Policy variables AWS fills from the resource's own account or organization, not the caller's:
// comparing the caller with them admits the owner's account or organization only (IAM Identity
// Center's baseline key policy, AWS's data perimeter examples). Unresolved, they match nothing.
// Every other variable may be the caller's own (`${aws:PrincipalAccount}`), which pins nothing.
const RESOURCE_VARIABLES: Partial<Record<PinKind, string>> = { account: "${aws:resourceaccount}", org: "${aws:resourceorgid}" };

function isConcrete(kind: PinKind, value: string): boolean {
    if (value.includes("${")) return RESOURCE_VARIABLES[kind] === value.toLowerCase();
    if (value === "") return false;
    switch (kind) {
        case "account":
        case "org":
        case "network":
            // Under StringEquals a "*" is literal and matches no real caller, so it pins
            // nothing useful either; StringLike without wildcards is StringEquals.
            return !WILDCARD.test(value);
        case "orgPath":
            // o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*: wildcards only below a fixed organization.
            return ORG_PATH.test(value);
        case "arn":
            return isAccountPinnedArn(value);
        case "ip":
            return isNarrowIpRange(value);
        case "userid":
            return USER_ID.test(value);
    }
}

// 111122223333, AIDA..., AROA...:* or AROA...:session (S3 counts a fixed aws:userid as not public).
const USER_ID = /^(?:\d{12}|A(?:IDA|ROA)[A-Z0-9]{6,32}(?::\*|:[\w+=,.@-]{1,64})?)$/;

// S3 resources whose ARNs carry an account (a bucket's never does): a wildcard account there is any account's.
const S3_ACCOUNT_RESOURCES = new Set(["accesspoint", "job", "storage-lens", "storage-lens-group", "async-request", "access-grants", "outpost"]);

/**
 * An ARN whose account field is a concrete account id (region and resource may be
 * wildcards), or one that names a concrete resource of a name no other account can have: an
 * S3 bucket (`arn:aws:s3:::b/*`, also written `arn:aws:s3:*:*:b`, as AWS's S3 notification
 * examples do: `*` matches the empty fields), or a whole resource without account field
 * (`arn:aws:route53:::hostedzone/Z0123`; not `hostedzone/*`, every account's zones).
 */
export function isAccountPinnedArn(value: string): boolean {
    const parts = value.split(":");
    if (parts.length < 6 || parts[0] !== "arn") return false;
    const [, , service, region, account] = parts;
    const resource = parts.slice(5).join(":");
    const head = resource.split(/[/:]/)[0];
    if (service === "s3" && (account === "" || account === "*") && (region === "" || region === "*")) {
        return head !== "" && !WILDCARD.test(head) && !S3_ACCOUNT_RESOURCES.has(head);
    }
    if (account !== "") return /^\d{12}$/.test(account);
    return resource !== "" && !WILDCARD.test(resource);
}

// An IP range pins a network path when it is not a large share of the internet: IPv4 /8 or
// narrower, IPv6 /32 or narrower (0.0.0.0/0, 0.0.0.0/1, ::/0 pin nothing).
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const IPV6 = /^[0-9a-f]*:[0-9a-f:.]*(?:\/(\d{1,3}))?$/i;

function isNarrowIpRange(value: string): boolean {
    const v4 = IPV4.exec(value);
    if (v4) {
        const prefix = v4[5] === undefined ? 32 : Number(v4[5]);
        return v4.slice(1, 5).every((octet) => Number(octet) <= 255) && prefix >= 8 && prefix <= 32;
    }
    const v6 = IPV6.exec(value);
    if (v6) {
        const prefix = v6[1] === undefined ? 128 : Number(v6[1]);
        return prefix >= 32 && prefix <= 128;
    }
    return false;
}

// ---------------------------------------------------------------- Deny statements that fence an Allow

/**
 * Whether the other statements of a document keep everyone but pinned callers away from
 * everything an Allow statement grants (or, with `callers` "services", the AWS services it names):
 * one Deny that fences every caller, or Denies that split callers on aws:PrincipalIsAWSService
 * and together fence them all. AWS's data perimeter: an identity perimeter sparing services
 * (`BoolIfExists aws:PrincipalIsAWSService false`, unless aws:PrincipalOrgID) next to a
 * confused-deputy one for them (`Bool ... true`, unless aws:SourceOrgID, often only where
 * `Null aws:SourceAccount false`). Undefined while an unknown statement may decide it. `tags`: those of the
 * resource the document guards, where the stack shows them (a Deny excepting resources by tag skips one carrying it).
 */
export function fencedByDenies(
    statements: readonly PolicyStatement[], allow: PolicyStatement, callers: "everyone" | "services" = "everyone", tags?: ResourceTags,
): Decided {
    const others = statements.filter((s) => s !== allow);
    const fences = others.map((deny) => ({ fenced: fencesCallers(deny, allow, callers, tags), callers: callersOf(deny.condition) }));
    const admitted = callers === "services" ? (["service"] as const) : CALLERS;
    const fenced = all(...admitted.map((caller) => any(...fences.filter((f) => f.callers.has(caller)).map((f) => f.fenced))));
    // A Deny whose caller-sorting value is not known yet may be one half of a perimeter.
    return fenced === false && others.some((s) => s.condition?.tests.some((t) => sortsOnValue(t) && t.values.incomplete)) ? undefined : fenced;
}

// Callers as aws:PrincipalIsAWSService sorts them: AWS service principals ("true"), other
// principals ("false"), anonymous callers (the key is absent, which ...IfExists admits).
type Caller = "service" | "principal" | "anonymous";
const CALLERS: readonly Caller[] = ["service", "principal", "anonymous"];
const PRINCIPAL_IS_SERVICE = "aws:principalisawsservice";
const SOURCE_ACCOUNT = "aws:sourceaccount";

/**
 * Whether the test sorts callers on its value: `Bool`/`BoolIfExists` aws:PrincipalIsAWSService, or
 * `Null aws:SourceAccount`. aws:SourceAccount is in a request only when a service calls on behalf of a
 * resource (IAM's global condition keys), so `Null ... false` leaves a Deny to services acting for a
 * resource: the only way a service acts for another account's. AWS's confused-deputy perimeter
 * (data-perimeter-policy-examples) applies only there, on the key every such integration carries.
 */
function sortsOnValue(test: ConditionTest): boolean {
    const key = test.key.toLowerCase();
    return key === SOURCE_ACCOUNT ? test.operator === "Null" : key === PRINCIPAL_IS_SERVICE && (test.operator === "Bool" || test.operator === "BoolIfExists");
}

/** A sorting test on one known value (`Null aws:SourceAccount true` sorts nothing: it keeps callers without a source). */
function sortsCallers(test: ConditionTest): boolean {
    if (!sortsOnValue(test) || test.values.incomplete || test.values.values.length !== 1) return false;
    const value = test.values.values[0].trim();
    return test.key.toLowerCase() === SOURCE_ACCOUNT ? /^false$/i.test(value) : /^(true|false)$/i.test(value);
}

/** The callers a condition's sorting tests leave the statement to (tests are ANDed). */
function callersOf(condition: Conditions | undefined): Set<Caller> {
    const callers = new Set(CALLERS);
    for (const test of condition?.tests.filter(sortsCallers) ?? []) {
        if (test.key.toLowerCase() === SOURCE_ACCOUNT) {
            callers.delete("principal");
            callers.delete("anonymous");
            continue;
        }
        callers.delete(test.values.values[0].trim().toLowerCase() === "true" ? "principal" : "service");
        if (test.operator === "Bool") callers.delete("anonymous");
    }
    return callers;
}

/**
 * Whether a Deny keeps every caller it is left to (callersOf), but pinned ones, away from everything an
 * Allow grants: AWS's "Allow *, then Deny unless aws:SourceVpce" pattern (private API Gateway APIs,
 * VPC-endpoint-only buckets). The Deny must name every principal (or every one but named principals,
 * with NotPrincipal; for `callers` "services", the Allow's services will do), cover the Allow's actions and resources (`*`, a `prefix*` or the same name), and
 * have only negated pinning tests in its condition (another test would narrow the Deny); a
 * NotPrincipal Deny may have no condition.
 */
function fencesCallers(deny: PolicyStatement, allow: PolicyStatement, callers: "everyone" | "services", tags: ResourceTags | undefined): Decided {
    return all(
        deny.effect === "unknown" ? undefined : deny.effect === "Deny",
        callers === "services" && deniesServicesOf(deny, allow) ? true : denySparesOnlyNamed(deny),
        covers(deny.action, deny.notAction, allow.action, allow.notAction, true),
        covers(deny.resource, deny.notResource, allow.resource, allow.notResource, false),
        deny.notPrincipal !== undefined && deny.condition === undefined ? true : onlyNegatedPins(deny.condition, tags),
    );
}

/** Whether a Deny names every service principal an Allow names (for the services alone: `Principal {"Service": "s3.amazonaws.com"}`). */
function deniesServicesOf(deny: PolicyStatement, allow: PolicyStatement): boolean {
    const services = (principals: Principals | undefined) => (principals?.entries ?? []).filter((p) => p.type === "Service").map((p) => p.id.trim().toLowerCase());
    const denied = services(deny.principal);
    const allowed = services(allow.principal);
    return allowed.length > 0 && allow.principal?.incomplete !== true && allowed.every((service) => denied.includes(service));
}

/**
 * Whether a Deny spares only named principals: it names every principal, or it is a NotPrincipal
 * Deny (IAM's "denied to all principals except for the ones specified") whose exceptions are
 * all concrete accounts, users or roles. A service or federated exception acts for any account.
 */
function denySparesOnlyNamed(deny: PolicyStatement): Decided {
    const spared = deny.notPrincipal;
    if (spared !== undefined) {
        const named = (p: Principal) => (p.type === "AWS" || p.type === "CanonicalUser") && !isAnyone(p);
        if (!spared.entries.every(named)) return false;
        return spared.incomplete ? undefined : spared.entries.length > 0;
    }
    if (!deny.principal) return false;
    if (deny.principal.entries.some(isAnyone)) return true;
    return deny.principal.incomplete ? undefined : false;
}

/**
 * Whether a policy pattern (an action or a resource) covers a name: the same text, or a prefix
 * ending in `*` (`s3:*`, `*`). Other wildcards are not read: such a pattern covers only itself.
 */
export function patternCovers(pattern: string, name: string): boolean {
    if (pattern === name) return true;
    const prefix = pattern.slice(0, -1);
    return pattern.endsWith("*") && !WILDCARD.test(prefix) && name.startsWith(prefix);
}

function covers(
    deny: StringValues | undefined, denyNot: StringValues | undefined,
    allow: StringValues | undefined, allowNot: StringValues | undefined, ignoreCase: boolean,
): Decided {
    if (denyNot !== undefined || deny === undefined) return false;
    if (deny.values.some((d) => d.trim() === "*")) return true;
    if (allowNot !== undefined || allow === undefined) return deny.incomplete ? undefined : false;
    const norm = (v: string) => (ignoreCase ? v.trim().toLowerCase() : v.trim());
    const patterns = deny.values.map(norm);
    const covered = (a: string) => patterns.some((d) => patternCovers(d, a));
    if (!allow.values.map(norm).every(covered)) return deny.incomplete ? undefined : false;
    return allow.incomplete ? undefined : true;
}

/**
 * A Deny's exception for resources carrying a tag (AWS's data-perimeter examples: `StringNotEqualsIfExists
 * aws:ResourceTag/dp:exclude:identity true`). Only the resource's owner tags it, and a caller the Deny reaches cannot
 * tag it either (the Deny covers every action the Allow grants, tagging included), so it spares no caller: whatever
 * its values. A principal's or a request's tag is the caller's own (the examples' README: an account outside the
 * organization "can tag their identities"), and a resource tag under a matching operator narrows the Deny instead.
 */
function isResourceTagException(test: ConditionTest): boolean {
    return STRING_MISMATCH.has(withoutIfExists(test.operator)) && test.key.toLowerCase().startsWith(RESOURCE_TAG);
}

const RESOURCE_TAG = "aws:resourcetag/";

/**
 * Whether a document's value may hold a Deny excepting resources by tag: the stack parts that read the guarded resource's tags
 * skip every other document before parsing it (a string naming no aws:ResourceTag holds none).
 */
export function mayExceptResourceTags(value: unknown): boolean {
    return typeof value !== "string" || isUnknown(value) || /aws:resourcetag\//i.test(value);
}

/** Whether a Deny of these statements excepts resources by tag (isResourceTagException). */
export function exceptsResourceTags(statements: readonly PolicyStatement[]): boolean {
    return statements.some((s) => s.effect === "Deny" && (s.condition?.tests.some(isResourceTagException) ?? false));
}
const withoutIfExists = (operator: string) => (operator.endsWith("IfExists") ? operator.slice(0, -"IfExists".length) : operator);

/**
 * Whether a resource-tag exception leaves the Deny applying to the resource: true where the stack does not show
 * its tags (see above) or it lacks the key (a negated test of an absent key is true); false when it carries a
 * value the exception names, which the owner chose: the Deny skips this resource. Undefined while the value is unknown.
 */
function appliesDespiteTag(test: ConditionTest, tags: ResourceTags | undefined): Decided {
    if (!tags) return true;
    const value = tags(test.key.slice(RESOURCE_TAG.length));
    if (isUnknown(value)) return undefined;
    if (typeof value !== "string") return true;
    const operator = withoutIfExists(test.operator);
    const values = test.values.values.map((v) => v.trim());
    if (values.some((v) => !v.includes("${") && tagValueMatches(operator, v, value))) return false;
    // A value unknown at preview, or a policy variable, may name it.
    return test.values.incomplete || values.some((v) => v.includes("${")) ? undefined : true;
}

/** IAM's string comparison of a condition value with a tag value: StringNotLike's `*` and `?` are wildcards. */
function tagValueMatches(operator: string, pattern: string, value: string): boolean {
    if (operator === "StringNotEqualsIgnoreCase") return pattern.toLowerCase() === value.toLowerCase();
    if (operator !== "StringNotLike") return pattern === value;
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${source}$`, "s").test(value);
}

// Tests sorting callers (aws:PrincipalIsAWSService, Null aws:SourceAccount) are read by callersOf; a Deny of only those
// (and of resource-tag exceptions the resource's tags leave applying) denies every caller it is left to.
function onlyNegatedPins(condition: Conditions | undefined, tags: ResourceTags | undefined): Decided {
    if (!condition) return false;
    const pins = condition.tests.filter((test) => !sortsCallers(test));
    const tests = all(...pins.map((test) => (isResourceTagException(test) ? appliesDespiteTag(test, tags) : negatedPinningTest(test))));
    if (tests === false) return false;
    if (condition.incomplete) return undefined;
    return condition.tests.length > 0 ? tests : false;
}

// ---------------------------------------------------------------- messages

/** Where a document lives, for messages: the resource and the property path. */
export interface DocumentLocation {
    type: string;
    name: string;
    /** e.g. "policy", "inlinePolicies[0].policy". */
    path: string;
}

/** `aws:iam/policy:Policy "deploy": policy statement "S3"` */
export function describeStatement(at: DocumentLocation, statement: { label: string }): string {
    return `${describeDocument(at)} ${statement.label}`;
}

export function describeDocument(at: DocumentLocation): string {
    return `${at.type} "${at.name}": ${at.path}`;
}

/** One wording, for every policy, of a document AWS would reject or that cannot be read. */
export function describeProblem(at: DocumentLocation, problem: DocumentProblem): string {
    const where = problem.where ? `${describeDocument(at)} ${problem.where}` : describeDocument(at);
    return `${where} ${problem.what}. The document could not be checked until it is fixed.`;
}

/**
 * Action patterns for a message: `"s3:*", "ec2:Describe*"`, capped so a huge statement gives
 * a readable message; entries that are not action names (see SHOWN_ACTION) are counted, not quoted.
 */
export function quoteList(values: readonly string[], max = 10): string {
    const quotable = values.filter((v) => SHOWN_ACTION.test(v));
    const unquoted = values.length - quotable.length;
    const parts = [quotable.slice(0, max).map((v) => JSON.stringify(v)).join(", ")];
    if (quotable.length > max) parts.push(`${quotable.length - max} more`);
    const others = `${unquoted} ${unquoted === 1 ? "entry that is not an action name" : "entries that are not action names"}`;
    // Only such entries: the list reads "(1 entry that is not an action name, not shown)".
    if (quotable.length === 0) return `(${others}, not shown)`;
    if (unquoted > 0) parts.push(`${others} (not shown)`);
    return parts.join(" and ");
}
