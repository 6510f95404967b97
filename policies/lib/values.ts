// Plain-data view of what the engine sends a policy pack.
//
// @pulumi/policy wraps resource properties in proxies: one throws on unknown values
// (so a rule touching an unknown would crash), and on the remediation path another
// unwraps `Secret`s on read. Rules here work on the raw data behind those proxies,
// where unknowns are still the engine's sentinel strings and secrets (remediation
// path only) are still `Secret` instances.
import { Secret } from "@pulumi/policy";

import { isUnknown } from "./wire";

export { isUnknown };

/**
 * A flag on: the boolean true, or the string "true" that programs pass where the v7 SDK types
 * a flag as a string for some resources (launch template `ebs.encrypted`, Redshift
 * `encrypted`; pulumi-aws#2257) and the bridge accepts for a boolean.
 */
export function isOn(value: unknown): boolean {
    return value === true || value === "true";
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Secret);
}

/**
 * The value at a dotted path of nested blocks ("details.policy"): the unknown itself where a
 * block on the way is unknown (at preview), undefined where one is absent or not a block.
 */
export function valueAt(props: Record<string, unknown>, path: string): unknown {
    let value: unknown = props;
    for (const part of path.split(".")) {
        if (isUnknown(value)) return value;
        if (!isRecord(value)) return undefined;
        value = value[part];
    }
    return value;
}

/** True for a value the remediation path still sees as a secret. */
export function isSecretWrapper(value: unknown): value is Secret {
    return value instanceof Secret;
}

const PROXY_FLAG = "__isSpecialProxy";
const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * The raw object behind @pulumi/policy's proxies (unknown-checking, and on the remediation
 * path secrets-preserving). Reading the raw object never throws on unknowns.
 */
export function unwrapProxy<T>(value: T): T {
    let current: any = value;
    // Bounded: the SDK stacks at most two proxies.
    for (let i = 0; i < 4 && current && typeof current === "object" && current[PROXY_FLAG] === true; i++) {
        current = current[PROXY_TARGET];
    }
    return current;
}
