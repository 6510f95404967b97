// Plain-data view of what the engine sends a policy pack.
//
// @pulumi/policy wraps resource properties in proxies: one throws on unknown values
// (so a rule touching an unknown would crash), and on the remediation path another
// unwraps `Secret`s on read. Rules here work on the raw data behind those proxies,
// where unknowns are still the engine's sentinel strings and secrets (remediation
// path only) are still `Secret` instances.
import { Secret } from "@pulumi/policy";
import { isUnknown } from "./unknowns";

export { isUnknown, UNKNOWN_SENTINELS } from "./unknowns";

/** True when the value is, or contains anywhere, an unknown. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (isRecord(value)) return Object.values(value).some(containsUnknown);
    return false;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Secret);
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

/** Reads a nested property by path; undefined when any step is missing or not an object. */
export function getPath(value: unknown, path: readonly (string | number)[]): unknown {
    let current: unknown = value;
    for (const key of path) {
        if (Array.isArray(current) && typeof key === "number") current = current[key];
        else if (isRecord(current) && typeof key === "string") current = current[key];
        else return undefined;
    }
    return current;
}
