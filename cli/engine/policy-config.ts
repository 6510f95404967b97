// The Pulumi CLI's handling of `--policy-pack-config`, reproduced: parse the file (a policy
// maps to an enforcement level string or an object with `enforcementLevel` and
// properties), then reconcile with the pack's metadata — every policy gets its default
// level and its schema defaults, then the pack's initial config, then `all`, then
// per-policy keys — and validate each policy's config against `{type: object,
// properties, required}` (pkg/resource/analyzer/config.go). Invalid config fails the run.
import Ajv, { ValidateFunction } from "ajv";
import type { AnalyzerInfo, ReconciledPolicyConfig } from "./pack-process";
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
        validate = (ajv ??= new Ajv({ allErrors: true, strict: false })).compile(schema);
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
        // The CLI keeps entries it cannot attribute (such as `all`) and sends them on.
        result[policy] = { enforcementLevel: enforcementLevel ?? "advisory", properties };
    }
    return result;
}
