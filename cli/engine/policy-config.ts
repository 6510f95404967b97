// The Pulumi CLI's handling of `--policy-pack-config`, reproduced: parse the file (a policy
// maps to an enforcement level string or an object with `enforcementLevel` and
// properties), then reconcile with the pack's metadata — every policy gets its default
// level and its schema defaults, then the pack's initial config, then `all`, then
// per-policy keys — and validate each policy's config against `{type: object,
// properties, required}` (pkg/resource/analyzer/config.go). Invalid config fails the run.
// `check` adds what the CLI cannot check (checkPolicyPackConfig, below).
import Ajv, { ValidateFunction } from "ajv";
import { AJV_OPTIONS, readConfig, suggestion } from "../../policies/lib/config";
import { readDataFile } from "../../policies/lib/files";
import type { AnalyzerInfo, PolicyInfo, ReconciledPolicyConfig } from "./pack-process";
import type { EnforcementLevel } from "./protocol";

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

export interface PolicyConfigEntry {
    enforcementLevel?: EnforcementLevel;
    properties?: Record<string, unknown>;
}
export type PolicyPackConfig = Record<string, PolicyConfigEntry>;

export class PolicyConfigError extends Error {}

/** Parses the `--policy-pack-config` JSON format. */
export function parsePolicyPackConfig(json: unknown): PolicyPackConfig {
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
        throw new PolicyConfigError("policy pack config must be a JSON object mapping policy names to a level or an object");
    }
    const result: PolicyPackConfig = {};
    for (const [name, value] of Object.entries(json)) {
        if (typeof value === "string") {
            if (!LEVELS.includes(value)) throw new PolicyConfigError(`parsing enforcement level for "${name}": "${value}" is not a valid enforcement level`);
            result[name] = { enforcementLevel: value as EnforcementLevel };
        } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && (typeof enforcementLevel !== "string" || !LEVELS.includes(enforcementLevel))) {
                throw new PolicyConfigError(`parsing enforcement level for "${name}": ${JSON.stringify(enforcementLevel)} is not a valid enforcement level`);
            }
            const entry: PolicyConfigEntry = {};
            if (enforcementLevel) entry.enforcementLevel = enforcementLevel as EnforcementLevel;
            if (Object.keys(properties).length) entry.properties = properties;
            if (entry.enforcementLevel || entry.properties) result[name] = entry;
        } else {
            throw new PolicyConfigError(`parsing "${name}": ${JSON.stringify(value)} is not a valid value; must be a string or object`);
        }
    }
    return result;
}

/** Reads and parses a `--policy-pack-config` file. */
export function readPolicyPackConfigFile(file: string): PolicyPackConfig {
    const read = readDataFile(file, "policy pack config", "json");
    if (!read.ok) throw new PolicyConfigError(read.problem);
    if (read.value === undefined) return {};
    try {
        return parsePolicyPackConfig(read.value);
    } catch (e) {
        if (e instanceof PolicyConfigError) throw new PolicyConfigError(`${file}: ${e.message}`);
        throw e;
    }
}

export function reconcilePolicyConfig(info: AnalyzerInfo, config: PolicyPackConfig = {}): ReconciledPolicyConfig {
    let result: ReconciledPolicyConfig = {};
    for (const policy of info.policies) {
        let props: Record<string, unknown> | undefined;
        for (const [k, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (schema && typeof schema === "object" && "default" in schema) (props ??= {})[k] = structuredClone(schema.default);
        }
        result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties: props };
    }
    result = applyConfig(result, info.initialConfig as PolicyPackConfig);
    result = applyConfig(result, config);

    const errors: string[] = [];
    for (const policy of info.policies) {
        if (!policy.configSchema) continue;
        const properties = { ...policy.configSchema.properties, enforcementLevel: { type: "string", enum: LEVELS } };
        const validate = validator({ type: "object", properties, required: policy.configSchema.required ?? [] });
        if (!validate(result[policy.name]?.properties ?? {})) {
            for (const e of validate.errors ?? []) {
                const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "(root)";
                errors.push(`${policy.name}: ${where}: ${e.message}`);
            }
        }
    }
    if (errors.length) throw new PolicyConfigError(`policy pack configuration is invalid: ${errors.join("; ")}`);
    return result;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** Compiled once per schema in a process: `check` over many stacks validates each stack's config against the same schemas. */
function validator(schema: Record<string, unknown>): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = validators.get(key);
    if (!validate) {
        validate = (ajv ??= new Ajv(AJV_OPTIONS)).compile(schema);
        validators.set(key, validate);
    }
    return validate;
}

function applyConfig(result: ReconciledPolicyConfig, toApply: PolicyPackConfig): ReconciledPolicyConfig {
    const all = toApply.all;
    if (all?.enforcementLevel) {
        for (const [k, v] of Object.entries(result)) result[k] = { enforcementLevel: all.enforcementLevel, properties: v.properties };
    }
    for (const [policy, given] of Object.entries(toApply)) {
        const current = result[policy];
        const enforcementLevel = given.enforcementLevel ?? current?.enforcementLevel;
        let properties = current?.properties;
        if (given.properties && Object.keys(given.properties).length) properties = { ...(properties ?? {}), ...given.properties };
        // The CLI keeps entries it cannot attribute (such as `all`, or a misspelt policy name)
        // and sends them on; one without a level then fails Configure (analyzer_plugin.go).
        if (!enforcementLevel) {
            throw new PolicyConfigError(`invalid enforcement level "" (the Pulumi CLI's error for "${policy}", which names no policy of the pack and sets no enforcementLevel)`);
        }
        result[policy] = { enforcementLevel, properties };
    }
    return result;
}

// ---------------------------------------------------------------- check's own validation

/**
 * Policies that existed once and are gone. The CLI ignores a config entry naming one with a
 * level (and fails on one with properties only); `check` warns and leaves it out.
 */
export const RETIRED_POLICIES: Readonly<Record<string, string>> = {
    "secret-sensitive-props-observer":
        "is no longer needed (secret-sensitive-props reads secretness itself since 0.2): remove it from the config",
};

/** The config without retired policies, and the names it had (for a warning). */
export function withoutRetiredPolicies(config: PolicyPackConfig): { config: PolicyPackConfig; retired: string[] } {
    const kept: PolicyPackConfig = {};
    const retired: string[] = [];
    for (const [name, entry] of Object.entries(config)) {
        if (name in RETIRED_POLICIES) retired.push(name);
        else kept[name] = entry;
    }
    return { config: kept, retired };
}

/**
 * What the Pulumi CLI lets through and `check` does not: a name that is no policy of the pack
 * (with the closest real one), `all` with properties (it only sets levels), and each
 * policy's properties validated exactly as the pack validates them when it runs (unknown
 * keys with the closest real key, types, globs; policies/lib/config.ts). One message per
 * mistake, each naming the policy; empty when the config is usable.
 */
export function checkPolicyPackConfig(policies: readonly Pick<PolicyInfo, "name" | "configSchema">[], config: PolicyPackConfig): string[] {
    const errors: string[] = [];
    const byName = new Map(policies.map((p) => [p.name, p]));
    for (const [name, entry] of Object.entries(config)) {
        if (name === "all") {
            if (entry.properties) errors.push(`all: only sets the enforcement level of every policy; put ${Object.keys(entry.properties).map((k) => `"${k}"`).join(", ")} under each policy`);
            continue;
        }
        const policy = byName.get(name);
        if (!policy) {
            errors.push(`"${name}" is not a policy of this pack ${suggestion(name, [...byName.keys()], "policies")}`);
            continue;
        }
        if (!entry.properties || !policy.configSchema) continue;
        const read = readConfig(policy.name, policy.configSchema, entry.properties);
        if (!read.ok) errors.push(...read.errors);
    }
    return errors;
}
