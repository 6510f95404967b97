// Stale configuration: exemptions that match no resource of the checked stack. Matching is
// the pack's own (policies/lib/exemptions.ts), so `check` and the policies never disagree.
import { Exemption, exemptionMatches } from "../policies/lib/exemptions";
import type { EngineResource } from "./engine/model";
import type { PolicyPackConfig } from "./engine/policy-config";

export interface UnusedExemption {
    policy: string;
    exemption: Exemption;
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

export function describeUnused(u: UnusedExemption): string {
    const what = (["urn", "type", "name"] as const).filter((k) => u.exemption[k] !== undefined).map((k) => `${k} "${u.exemption[k]}"`).join(", ");
    return `exemption in ${u.policy} (${what}) matches no resource: remove it if it is stale`;
}
