// Exemptions as `check` applies them. During `pulumi preview` the pack drops exempt findings
// itself, and the CLI has no channel to show what was dropped. `check` wants the record too:
// it configures the pack without the exemptions, receives every finding, and applies the
// exemptions here with the pack's own matching, expiry and wording (policies/lib/exemptions.ts),
// so the verdict is the preview's and the exempted findings stay visible. It also lists
// exemptions that match no resource (stale configuration).
import { Exemption, exemptionMatches, expiredExemptionNote, findExemption, isExemptable } from "../policies/lib/exemptions";
import type { EngineResource } from "./engine/model";
import { urnName } from "./engine/model";
import type { Diagnostic, ReconciledPolicyConfig } from "./engine/pack-process";
import type { PolicyPackConfig } from "./engine/policy-config";
import { CheckedDiagnostic, typeFromUrn, violationText } from "./report";

export interface UnusedExemption {
    policy: string;
    exemption: Exemption;
}

/** A finding an exemption hides from the verdict, with the exemption that hides it. */
export interface ExemptedDiagnostic extends Diagnostic {
    exemption: Exemption;
}

export interface ExemptionSplit {
    /** What the pack is configured with: the config less the exemptions `check` applies. */
    sent: PolicyPackConfig;
    /** Per policy, the exemptions `check` applies to the pack's findings. */
    applied: ReadonlyMap<string, readonly Exemption[]>;
}

/**
 * Takes the exemptions out of the config, to apply them after the run. A policy at
 * `remediate` keeps them: the pack must not fix an exempt resource, as in a preview (its
 * exempted findings are then not seen).
 */
export function splitExemptions(config: PolicyPackConfig, reconciled: ReconciledPolicyConfig): ExemptionSplit {
    const sent: PolicyPackConfig = {};
    const applied = new Map<string, Exemption[]>();
    for (const [policy, entry] of Object.entries(config)) {
        const exemptions = entry.properties?.exemptions;
        if (!Array.isArray(exemptions) || reconciled[policy]?.enforcementLevel === "remediate") {
            sent[policy] = entry;
            continue;
        }
        const { exemptions: _applied, ...properties } = entry.properties!;
        sent[policy] = Object.keys(properties).length ? { ...entry, properties } : { enforcementLevel: entry.enforcementLevel };
        if (!sent[policy].enforcementLevel && !sent[policy].properties) delete sent[policy];
        applied.set(policy, exemptions as Exemption[]);
    }
    return { sent, applied };
}

/**
 * The run's diagnostics split as `pulumi preview` would: what stays a violation (with the
 * pack's note when the matching exemption has expired) and what an exemption hides. Internal
 * and configuration errors are about the pack, not the resource: never hidden.
 */
export function applyExemptions(
    diagnostics: readonly Diagnostic[],
    resources: readonly EngineResource[],
    applied: ReadonlyMap<string, readonly Exemption[]>,
    now = Date.now(),
): { violations: CheckedDiagnostic[]; exempted: ExemptedDiagnostic[] } {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const violations: CheckedDiagnostic[] = [];
    const exempted: ExemptedDiagnostic[] = [];
    for (const d of diagnostics) {
        const exemptions = applied.get(d.policyName);
        if (!exemptions?.length || !d.urn || !isExemptable(violationText(d))) {
            violations.push(d);
            continue;
        }
        const resource = byUrn.get(d.urn);
        const ref = { urn: d.urn, type: resource?.type ?? typeFromUrn(d.urn), name: resource?.name ?? urnName(d.urn) };
        const verdict = findExemption(exemptions, ref, now);
        if (verdict.kind === "exempt") exempted.push({ ...d, exemption: verdict.exemption });
        else if (verdict.kind === "expired") violations.push({ ...d, message: d.message + expiredExemptionNote(verdict), expiredExemption: verdict.exemption });
        else violations.push(d);
    }
    return { violations, exempted };
}

export function unusedExemptions(config: PolicyPackConfig | undefined, resources: EngineResource[]): UnusedExemption[] {
    const unused: UnusedExemption[] = [];
    for (const [policy, entry] of Object.entries(config ?? {})) {
        const exemptions = entry.properties?.exemptions;
        if (!Array.isArray(exemptions)) continue;
        for (const exemption of exemptions as Exemption[]) {
            if (!resources.some((r) => exemptionMatches(exemption, r))) unused.push({ policy, exemption });
        }
    }
    return unused;
}
