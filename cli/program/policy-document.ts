// The answer to `aws.iam.getPolicyDocument` without AWS: the JSON document the provider's
// data source (terraform-provider-aws `aws_iam_policy_document`) builds from its arguments.
// Policies judge that JSON string, so it has to be the real one, byte for byte where the
// provider is deterministic: Go's key order and HTML escaping, single-element lists as
// strings, set-typed lists (actions, resources, principal identifiers) de-duplicated and
// sorted in reverse, statements merged by Sid (source documents, then the statements, then
// override documents). Pure: no SDK, no I/O.

export class PolicyDocumentError extends Error {
    /** `missing`: a value the program passed is undefined (sent as null), such as an output update mode does not fill in. */
    constructor(message: string, readonly missing = false) {
        super(message);
    }
}

/** A statement in IAM JSON, keys in the order the provider's Go struct marshals them. */
interface IamStatement {
    Sid?: string;
    Effect?: string;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Principal?: unknown;
    NotPrincipal?: unknown;
    Condition?: unknown;
}

interface IamDocument {
    Version?: string;
    Id?: string;
    Statement?: IamStatement[];
}

const STATEMENT_KEYS = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"] as const;
const DEFAULT_VERSION = "2012-10-17";

export interface PolicyDocumentResult {
    id: string;
    json: string;
    minifiedJson: string;
    [echoed: string]: unknown;
}

/** Builds the data source's result from the invoke's arguments (camelCase, as the SDK sends them). */
export function buildPolicyDocument(args: Record<string, unknown>): PolicyDocumentResult {
    const version = optionalString(args.version, "version") ?? DEFAULT_VERSION;
    if (version !== "2012-10-17" && version !== "2008-10-17") throw new PolicyDocumentError(`version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(version)}`);

    const merged: IamDocument = {};
    const sourceJson = optionalString(args.sourceJson, "sourceJson");
    if (sourceJson) merge(merged, parseDocument(sourceJson, "sourceJson"));
    stringList(args.sourcePolicyDocuments, "sourcePolicyDocuments").forEach((d, i) => merge(merged, parseDocument(d, `sourcePolicyDocuments[${i}]`)));

    const own: IamDocument = { Version: version };
    const policyId = optionalString(args.policyId, "policyId");
    if (policyId) own.Id = policyId;
    const statements = list(args.statements, "statements").map((s, i) => statementFromArgs(s, `statements[${i}]`, version));
    const sids = new Set<string>();
    for (const s of statements) {
        if (!s.Sid) continue;
        if (sids.has(s.Sid)) throw new PolicyDocumentError(`found duplicate sid (${s.Sid}); each statement's sid must be unique`);
        sids.add(s.Sid);
    }
    if (statements.length) own.Statement = statements;
    merge(merged, own);

    stringList(args.overridePolicyDocuments, "overridePolicyDocuments").forEach((d, i) => merge(merged, parseDocument(d, `overridePolicyDocuments[${i}]`)));
    const overrideJson = optionalString(args.overrideJson, "overrideJson");
    if (overrideJson) merge(merged, parseDocument(overrideJson, "overrideJson"));

    const ordered: IamDocument = {};
    if (merged.Version) ordered.Version = merged.Version;
    if (merged.Id) ordered.Id = merged.Id;
    if (merged.Statement?.length) ordered.Statement = merged.Statement.map(orderStatement);
    const json = goJson(ordered, 2);
    return {
        ...args,
        version,
        json,
        minifiedJson: goJson(ordered),
        // The provider's id is the hash code of the JSON text.
        id: String(crc32(json)),
    };
}

// The provider takes a statement's keys by their Terraform names too: the bridge maps a key no
// Pulumi name claims to its snake_case form (PulumiToTerraformName), so `condition`, the
// Terraform block's name, works as `conditions` does, and `not_actions` as `notActions`.
const TERRAFORM_NAMES: Readonly<Record<string, string>> = {
    notActions: "not_actions", notResources: "not_resources", notPrincipals: "not_principals", conditions: "condition",
};

/** A statement argument by its Pulumi name, else by its Terraform name; with the key it came from. */
function argument(raw: Record<string, unknown>, name: string, where: string): [unknown, string] {
    const terraform = TERRAFORM_NAMES[name];
    if (raw[name] === undefined && terraform !== undefined && raw[terraform] !== undefined) return [raw[terraform], `${where}.${terraform}`];
    return [raw[name], `${where}.${name}`];
}

function statementFromArgs(raw: unknown, where: string, version: string): IamStatement {
    if (!isObject(raw)) throw new PolicyDocumentError(`${where} must be an object`);
    const s: IamStatement = {};
    const sid = optionalString(raw.sid, `${where}.sid`);
    if (sid) s.Sid = sid;
    const effect = optionalString(raw.effect, `${where}.effect`) ?? "Allow";
    if (effect !== "Allow" && effect !== "Deny") throw new PolicyDocumentError(`${where}.effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`);
    s.Effect = effect;
    const lists: ["Action" | "NotAction" | "Resource" | "NotResource", string][] = [["Action", "actions"], ["NotAction", "notActions"], ["Resource", "resources"], ["NotResource", "notResources"]];
    for (const [key, arg] of lists) {
        const [value, at] = argument(raw, arg, where);
        const values = stringList(value, at).map((v) => replaceVariables(v, version, at));
        if (values.length) s[key] = setValue(values);
    }
    const principals = principalSet(raw.principals, `${where}.principals`, version);
    if (principals !== undefined) s.Principal = principals;
    const notPrincipals = principalSet(...argument(raw, "notPrincipals", where), version);
    if (notPrincipals !== undefined) s.NotPrincipal = notPrincipals;
    const conditions = conditionSet(...argument(raw, "conditions", where), version);
    if (conditions !== undefined) s.Condition = conditions;
    return s;
}

/** `principals` blocks → the Principal element: "*" for the lone {type "*", ["*"]}, else {type: ids}. */
function principalSet(raw: unknown, where: string, version: string): unknown {
    const blocks = list(raw, where);
    if (blocks.length === 0) return undefined;
    const entries = blocks.map((b, i) => {
        if (!isObject(b)) throw new PolicyDocumentError(`${where}[${i}] must be an object with type and identifiers`);
        const type = optionalString(b.type, `${where}[${i}].type`);
        if (!type) throw new PolicyDocumentError(`${where}[${i}].type is required (e.g. "AWS", "Service", "Federated" or "*")`);
        const ids = stringList(b.identifiers, `${where}[${i}].identifiers`).map((v) => replaceVariables(v, version, `${where}[${i}].identifiers`));
        return { type, identifiers: setValue(ids) };
    });
    if (entries.length === 1 && entries[0].type === "*" && entries[0].identifiers === "*") return "*";
    const out: Record<string, string | string[]> = {};
    for (const { type, identifiers } of entries) {
        const existing = out[type];
        if (Array.isArray(identifiers)) out[type] = [...(existing === undefined ? [] : ([] as string[]).concat(existing)), ...identifiers];
        else out[type] = existing === undefined ? identifiers : ([] as string[]).concat(existing, identifiers);
    }
    return sortKeys(out);
}

/** `conditions` blocks → {test: {variable: value | values}}, value order kept (it is a list). */
function conditionSet(raw: unknown, where: string, version: string): unknown {
    const blocks = list(raw, where);
    if (blocks.length === 0) return undefined;
    const out: Record<string, Record<string, string[]>> = {};
    blocks.forEach((b, i) => {
        if (!isObject(b)) throw new PolicyDocumentError(`${where}[${i}] must be an object with test, variable and values`);
        const test = optionalString(b.test, `${where}[${i}].test`);
        const variable = optionalString(b.variable, `${where}[${i}].variable`);
        if (!test || !variable) throw new PolicyDocumentError(`${where}[${i}] needs test (e.g. "StringEquals") and variable (e.g. "aws:SourceAccount")`);
        const values = stringList(b.values, `${where}[${i}].values`).map((v) => replaceVariables(v, version, `${where}[${i}].values`));
        out[test] ??= {};
        out[test][variable] = [...(out[test][variable] ?? []), ...values];
    });
    const flat: Record<string, Record<string, string | string[]>> = {};
    for (const test of Object.keys(out).sort()) {
        flat[test] = {};
        for (const variable of Object.keys(out[test]).sort()) {
            const values = out[test][variable];
            flat[test][variable] = values.length === 1 ? values[0] : values;
        }
    }
    return flat;
}

/** Set-typed arguments: duplicates dropped, one value as a string, several sorted in reverse. */
function setValue(values: string[]): string | string[] {
    const unique = [...new Set(values)];
    if (unique.length === 1) return unique[0];
    return unique.sort().reverse();
}

/** `&{aws:username}` is how the provider lets HCL users write the IAM variable `${aws:username}`. */
function replaceVariables(value: string, version: string, where: string): string {
    if (!value.includes("&{")) return value;
    if (version === "2008-10-17") throw new PolicyDocumentError(`${where}: policy variables ("&{...}") need version "2012-10-17"`);
    return value.replace(/&\{/g, "${");
}

function merge(into: IamDocument, doc: IamDocument): void {
    if (doc.Id) into.Id = doc.Id;
    if (doc.Version && (!into.Version || doc.Version > into.Version)) into.Version = doc.Version;
    for (const s of doc.Statement ?? []) {
        into.Statement ??= [];
        const i = s.Sid ? into.Statement.findIndex((e) => e.Sid === s.Sid) : -1;
        if (i >= 0) into.Statement[i] = s;
        else into.Statement.push(s);
    }
}

function parseDocument(text: string, where: string): IamDocument {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        // Not the parser's message: it quotes the input.
        throw new PolicyDocumentError(`${where} is not valid JSON`);
    }
    if (!isObject(parsed)) throw new PolicyDocumentError(`${where} must be a JSON policy document (an object)`);
    const statements = parsed.Statement === undefined ? [] : Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    return {
        Version: typeof parsed.Version === "string" ? parsed.Version : undefined,
        Id: typeof parsed.Id === "string" ? parsed.Id : undefined,
        Statement: statements.map((s, i) => {
            if (!isObject(s)) throw new PolicyDocumentError(`${where}: Statement[${i}] must be an object`);
            return s as IamStatement;
        }),
    };
}

/** Only the keys the provider's struct knows, in its order (Go drops the others). */
function orderStatement(s: IamStatement): IamStatement {
    const out: Record<string, unknown> = {};
    for (const k of STATEMENT_KEYS) if (s[k] !== undefined && s[k] !== "" && s[k] !== null) out[k] = s[k];
    return out as IamStatement;
}

/** encoding/json output: HTML-sensitive characters escaped, 2-space MarshalIndent. */
function goJson(value: unknown, indent?: number): string {
    return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
    const out: Record<string, T> = {};
    for (const k of Object.keys(o).sort()) out[k] = o[k];
    return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function list(v: unknown, where: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new PolicyDocumentError(`${where} must be a list`);
    return v;
}

function stringList(v: unknown, where: string): string[] {
    return list(v, where).map((e, i) => {
        if (e === null || e === undefined) throw new PolicyDocumentError(`${where}[${i}] is undefined`, true);
        if (typeof e !== "string") throw new PolicyDocumentError(`${where}[${i}] must be a string`);
        return e;
    });
}

function optionalString(v: unknown, where: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") throw new PolicyDocumentError(`${where} must be a string`);
    return v;
}

let crcTable: Uint32Array | undefined;

function crc32(text: string): number {
    if (!crcTable) {
        crcTable = new Uint32Array(256);
        for (let n = 0; n < 256; n++) {
            let c = n;
            for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            crcTable[n] = c >>> 0;
        }
    }
    let crc = 0xffffffff;
    for (const byte of Buffer.from(text, "utf8")) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
