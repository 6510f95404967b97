// Exemptions: a resource a team has accepted, with a reason and optionally an expiry.
// One implementation for every policy (applied in ./adapter.ts during `pulumi preview`) and
// for `check`, which applies them itself so that it can still show what they hide
// (cli/exemptions-report.ts): same matching, same expiry, same wording.
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

/** What a violation says after its message when the exemption that matched it has expired. */
export function expiredExemptionNote(verdict: Extract<ExemptionVerdict, { kind: "expired" }>): string {
    return ` (The exemption for this resource expired on ${verdict.expiredOn}: "${verdict.exemption.reason}".)`;
}

// Reports about the pack rather than the resource, which no exemption hides: the adapter
// reports them before exemptions apply, and `check`, applying exemptions itself, must not
// hide them either.

export function internalErrorMessage(kind: string, subject: { type: string; name: string } | undefined): string {
    const where = subject ? ` on ${subject.type} "${subject.name}"` : "";
    return `Internal error (${kind}) while evaluating${where}; the resource was not checked. Please report this.`;
}

export function configErrorMessage(errors: readonly string[]): string {
    return `Invalid configuration, so this policy could not run: ${errors.join("; ")}. ` +
        "Fix it in the policy pack config (--policy-pack-config file or `pulumi policy enable --config`).";
}

/** False for an internal error or a configuration error (`message` without the SDK's description prefix). */
export function isExemptable(message: string): boolean {
    return !message.startsWith("Internal error (") && !message.startsWith("Invalid configuration, so this policy could not run");
}
