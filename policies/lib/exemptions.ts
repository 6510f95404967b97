// Exemptions: a resource a team has accepted, with a reason and optionally an expiry.
// One implementation for every policy (applied in ./policy.ts) and for `check`'s
// report of exemptions that matched nothing.
import { compileGlob } from "./glob";
import type { ResourceRef } from "./rule";

export interface Exemption {
    urn?: string;
    type?: string;
    name?: string;
    reason: string;
    expires?: string;
}

export type ExemptionVerdict =
    | { kind: "none" }
    | { kind: "exempt"; exemption: Exemption }
    | { kind: "expired"; exemption: Exemption; expiredOn: string };

/** True when every given glob of the exemption matches the resource. */
export function exemptionMatches(exemption: Exemption, resource: ResourceRef): boolean {
    const checks: [string | undefined, string][] = [
        [exemption.urn, resource.urn],
        [exemption.type, resource.type],
        [exemption.name, resource.name],
    ];
    let any = false;
    for (const [pattern, subject] of checks) {
        if (pattern === undefined) continue;
        any = true;
        if (!compileGlob(pattern)(subject)) return false;
    }
    return any;
}

/** End of validity: a bare date is valid through that whole day (UTC). */
export function expiryTime(expires: string): number {
    return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T23:59:59.999Z`) : Date.parse(expires);
}

/** Which exemption, if any, applies to the resource at `now`. A live one wins over an expired one. */
export function findExemption(exemptions: readonly Exemption[], resource: ResourceRef, now = Date.now()): ExemptionVerdict {
    let expired: ExemptionVerdict = { kind: "none" };
    for (const exemption of exemptions) {
        if (!exemptionMatches(exemption, resource)) continue;
        if (exemption.expires === undefined || now <= expiryTime(exemption.expires)) return { kind: "exempt", exemption };
        if (expired.kind === "none") expired = { kind: "expired", exemption, expiredOn: exemption.expires };
    }
    return expired;
}
