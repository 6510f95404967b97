// The one reader of AWS policy documents (IAM identity policies, KMS key policies, ...).
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
import { compileGlob, GlobMatcher } from "./glob";
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

function readStrings(value: unknown, field: string): StringValues | undefined {
    if (value === undefined) return undefined;
    if (isUnknown(value)) return { values: [], incomplete: true };
    if (typeof value === "string") return { values: [value], incomplete: false };
    if (!Array.isArray(value)) throw new ShapeError(`has a ${field} that is ${kindOf(value)}; it must be a string or a list of strings`);
    const values: string[] = [];
    let incomplete = false;
    for (const entry of value) {
        if (isUnknown(entry)) incomplete = true;
        else if (typeof entry === "string") values.push(entry);
        else throw new ShapeError(`has a ${field} entry that is ${kindOf(entry)}; entries must be strings`);
    }
    return { values, incomplete };
}

function readPrincipals(value: unknown, field: string): Principals | undefined {
    if (value === undefined) return undefined;
    if (isUnknown(value)) return { entries: [], incomplete: true };
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
const SHOWN_ACTION = /^(\*|[A-Za-z0-9-]{1,64}:[A-Za-z0-9*?]{1,128})$/;
const SHOWN_KEY = /^[A-Za-z:]{1,64}$/;

/** A type description for messages: never the value itself. */
function kindOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    if (typeof value === "string") return "a string";
    return `a ${typeof value}`;
}

// ---------------------------------------------------------------- shared checks on statements

/** `*` or `?` anywhere in an action name (`*`, `s3:*`, `s3:Get*`, `iam:?etRole`). */
export function isWildcardAction(action: string): boolean {
    return action.includes("*") || action.includes("?");
}

/** Config `allowedActions` compiled once per check: globs matched case-insensitively, as AWS matches actions. */
export function compileAllowedActions(patterns: readonly string[]): GlobMatcher[] {
    return patterns.map((p) => compileGlob(p, { ignoreCase: true }));
}

/** The statement's wildcard actions that no allowedActions pattern accepts. */
export function unacceptedWildcardActions(actions: StringValues | undefined, allowed: readonly GlobMatcher[]): string[] {
    if (!actions) return [];
    return actions.values.filter((a) => isWildcardAction(a) && !allowed.some((accepts) => accepts(a)));
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
    if (unquoted > 0) parts.push(`${unquoted} ${unquoted === 1 ? "entry that is not an action name" : "entries that are not action names"} (not shown)`);
    return parts.filter((p) => p !== "").join(" and ");
}
