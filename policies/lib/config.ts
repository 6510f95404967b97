// Policy configuration: JSON schemas the CLI validates, defaults, and the checks the CLI
// cannot do for us.
//
// The CLI validates config against `{type: "object", properties, required}` only
// (pkg/resource/analyzer config.go convertSchema; @pulumi/policy sends only `properties` and
// `required`), so no `additionalProperties: false` can reach it and a misspelt top-level key
// would be silently ignored. We re-validate inside the pack and reject unknown keys (naming
// the closest real one) and malformed globs; `check` runs the same validation before it
// analyzes anything. Config is read when a policy runs, never at module load: `pulumi policy
// publish` boots the pack without stack config.
import type { ErrorObject, ValidateFunction } from "ajv";
import { globError } from "./glob";

export type JsonSchema = Record<string, unknown>;

export interface ConfigSchema {
    properties: Record<string, JsonSchema>;
    required?: string[];
}

/** A list of globs; `glob: true` is our keyword (JSON Schema ignores unknown keywords). */
export function globList(description: string, defaults: readonly string[]): JsonSchema {
    return { type: "array", description, default: [...defaults], items: { type: "string", minLength: 1, glob: true } };
}

export const EXEMPTIONS_SCHEMA: JsonSchema = {
    type: "array",
    default: [],
    description:
        "Resources this policy does not apply to. Each entry needs a reason and at least one of urn, type, name " +
        "(globs where * matches any characters, including / and :); expires is an ISO date after which it stops applying.",
    items: {
        type: "object",
        additionalProperties: false,
        required: ["reason"],
        anyOf: [{ required: ["urn"] }, { required: ["type"] }, { required: ["name"] }],
        properties: {
            urn: { type: "string", minLength: 1, glob: true, description: "Glob on the resource URN." },
            type: { type: "string", minLength: 1, glob: true, description: "Glob on the type token, e.g. aws:s3/bucket:Bucket." },
            name: { type: "string", minLength: 1, glob: true, description: "Glob on the resource's logical name." },
            reason: { type: "string", minLength: 1, description: "Why this resource is exempt (required)." },
            expires: {
                type: "string",
                pattern: "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$",
                description: "ISO date (YYYY-MM-DD, valid through that day UTC) or date-time after which the exemption no longer applies.",
            },
        },
    },
};

/** The schema the pack publishes: the policy's own properties plus the shared ones. */
export function withCommonProperties(schema: ConfigSchema): ConfigSchema {
    return { ...schema, properties: { ...schema.properties, exemptions: EXEMPTIONS_SCHEMA } };
}

export type ConfigResult<C> = { ok: true; config: C } | { ok: false; errors: string[] };

const validators = new Map<string, ValidateFunction>();
const lastResult = new Map<string, { key: string; result: ConfigResult<unknown> }>();

/**
 * Applies schema defaults to the raw config from `getConfig()` and validates it.
 * Errors name the policy and the key.
 */
export function readConfig<C>(policyName: string, schema: ConfigSchema, raw: unknown): ConfigResult<C> {
    const key = JSON.stringify(raw ?? {});
    const cached = lastResult.get(policyName);
    if (cached && cached.key === key) return cached.result as ConfigResult<C>;
    const result = validate<C>(policyName, schema, raw);
    lastResult.set(policyName, { key, result });
    return result;
}

function validate<C>(policyName: string, schema: ConfigSchema, raw: unknown): ConfigResult<C> {
    if (raw !== undefined && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
        return { ok: false, errors: [`${policyName}: configuration must be an object`] };
    }
    const config: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries(schema.properties)) {
        if ("default" in prop) config[name] = structuredClone(prop.default);
    }
    const errors: string[] = [];
    for (const [name, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
        if (name === "enforcementLevel") continue;
        if (!(name in schema.properties)) {
            errors.push(`${policyName}: unknown configuration key "${name}" ${suggestion(name, Object.keys(schema.properties), "known keys")}`);
            continue;
        }
        config[name] = value;
    }
    // What the CLI sends when nobody configured the policy: the schema defaults, which
    // test/config.test.ts proves valid. Skipping ajv then keeps its load and a
    // code-generating compile per policy (~150 ms in all) off every preview's first Analyze.
    if (errors.length === 0 && repeatsDefaults(schema, raw)) return { ok: true, config: config as C };
    const validateFn = compile(policyName, schema);
    if (!validateFn(config)) {
        for (const e of validateFn.errors ?? []) errors.push(`${policyName}: ${describeError(e)}`);
    }
    return errors.length ? { ok: false, errors } : { ok: true, config: config as C };
}

/** "(did you mean "x"?)" for a likely typo, else the list of what exists: for one-line errors. */
export function suggestion(name: string, known: readonly string[], listLabel: string): string {
    const closest = closestName(name, known);
    return closest !== undefined ? `(did you mean "${closest}"?)` : `(${listLabel}: ${[...known].sort().join(", ")})`;
}

/**
 * The candidate a misspelt `name` most likely meant: the nearest by edit distance (case
 * ignored, a swap of two neighbours counting once), when it is at most a third of the
 * name's length away; undefined when nothing is that close.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
    const wanted = name.toLowerCase();
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        const distance = editDistance(wanted, candidate.toLowerCase());
        if (!best || distance < best.distance) best = { candidate, distance };
    }
    return best && best.distance <= Math.max(1, Math.floor(wanted.length / 3)) ? best.candidate : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
    let before: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
        }
        before = previous;
        previous = current;
    }
    return previous[b.length];
}

function compile(policyName: string, schema: ConfigSchema): ValidateFunction {
    let fn = validators.get(policyName);
    if (!fn) {
        fn = sharedAjv().compile({ type: "object", properties: schema.properties, required: schema.required ?? [] });
        validators.set(policyName, fn);
    }
    return fn;
}

let ajvInstance: { compile(schema: object): ValidateFunction } | undefined;

/**
 * How config schemas are compiled, here and in `check`'s reproduction of the CLI's validation
 * (cli/engine/policy-config.ts). A config is validated once per run, so Ajv's optimizing of the
 * code it generates costs more than it saves: without it, compiling the pack's schemas takes
 * about 60 ms of CPU instead of 100, with the same errors.
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, code: { optimize: false } } as const;

/** One Ajv for all policies, loaded on first use so that booting the pack does not pay for it. */
function sharedAjv(): { compile(schema: object): ValidateFunction } {
    if (!ajvInstance) {
        const AjvClass = require("ajv").default as typeof import("ajv").default;
        const ajv = new AjvClass(AJV_OPTIONS);
        ajv.addKeyword({
            keyword: "glob",
            type: "string",
            errors: true,
            validate: function checkGlob(this: unknown, _schema: unknown, data: string) {
                const reason = globError(data);
                (checkGlob as any).errors = reason ? [{ keyword: "glob", message: reason, params: {} }] : [];
                return reason === null;
            },
        });
        ajvInstance = ajv;
    }
    return ajvInstance;
}

/** True when `raw` only repeats schema defaults (key order aside) and leaves no required key without one. */
function repeatsDefaults(schema: ConfigSchema, raw: unknown): boolean {
    for (const name of schema.required ?? []) if (!("default" in (schema.properties[name] ?? {}))) return false;
    for (const [name, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
        if (name === "enforcementLevel") continue;
        const prop = schema.properties[name];
        if (!prop || !("default" in prop) || !sameJson(value, prop.default)) return false;
    }
    return true;
}

function sameJson(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
    if (typeof a !== "object" || a === null || typeof b !== "object" || b === null || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as any)[k], (b as any)[k]));
}

function describeError(e: ErrorObject): string {
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "";
    if (e.keyword === "required" && e.params && "missingProperty" in e.params) {
        const at = where ? `${where}.` : "";
        return `${at}${(e.params as { missingProperty: string }).missingProperty} is required`;
    }
    if (e.keyword === "anyOf" && where.startsWith("exemptions")) {
        return `${where} must name at least one of urn, type or name`;
    }
    return `${where || "configuration"} ${e.message ?? "is invalid"}`;
}
