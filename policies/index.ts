// The registry and the library entry point. POLICIES lists every policy of the baseline,
// once. The pack (../index.ts), the library exports, the docs tables, the config presets,
// the demo stacks, the robustness targets and the SARIF rules all derive from this list.
// Adding a policy: ARCHITECTURE.md. Using the policies in your own pack: docs/library.md.
//
// Importing this module creates no pack: only ../index.ts calls `new PolicyPack`.
import { toPulumiPolicy } from "./lib/adapter";
import type { PolicyDefinition, Severity } from "./lib/rule";
import { applySdkPatch } from "./lib/sdk-patch";
import { encryptionAtRest } from "./encryption-at-rest";
import { iamNoAdminManagedPolicies } from "./iam-no-admin-managed-policies";
import { iamNoWildcardActions } from "./iam-no-wildcard-actions";
import { kmsKeyRotation } from "./kms-key-rotation";
import { kmsNoWildcardActions } from "./kms-no-wildcard-actions";
import { deletionSafeguards } from "./deletion-safeguards";
import { rdsDeletionProtection } from "./rds-deletion-protection";
import { resourcePolicyNoWildcards } from "./resource-policy-no-wildcards";
import { resourceProtect } from "./resource-protect";
import { s3BucketEncryption } from "./s3-bucket-encryption";
import { secretSensitiveProps } from "./secret-sensitive-props";
import { secretsProviderAllowlist } from "./secrets-provider-allowlist";
import type { Policy } from "@pulumi/policy";

/** Every policy, in the order the pack runs them: definitions with their metadata, rules and examples. */
export const POLICIES: readonly PolicyDefinition[] = [
    rdsDeletionProtection,
    iamNoWildcardActions,
    kmsNoWildcardActions,
    secretsProviderAllowlist,
    resourceProtect,
    s3BucketEncryption,
    secretSensitiveProps,
    deletionSafeguards,
    encryptionAtRest,
    kmsKeyRotation,
    resourcePolicyNoWildcards,
    iamNoAdminManagedPolicies,
];

export const PACK_NAME = "aws-security-baseline";
export const PACK_DESCRIPTION =
    "AWS security baseline: encryption at rest, least privilege, protected stateful resources, secret credentials.";

/** Which policies of the baseline to take. Every criterion given must hold; none given: all of them. */
export interface BaselineSelection {
    /** Only these policies (names as in POLICIES). */
    names?: readonly string[];
    /** Only policies at least this severe. */
    minSeverity?: Severity;
    /** Only policies carrying at least one of these tags. */
    tags?: readonly string[];
    /** Never these policies, whatever else selects them. */
    exclude?: readonly string[];
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/**
 * The definitions a selection takes, in registry order, plus the policies they `require`
 * (helpers they need in the same pack). A name or tag that matches no policy throws, so a
 * typo cannot silently drop a policy.
 */
export function selectPolicies(selection: BaselineSelection = {}, registry: readonly PolicyDefinition[] = POLICIES): PolicyDefinition[] {
    const byName = new Map(registry.map((p) => [p.name, p]));
    const known = (names: readonly string[] | undefined, what: string) => {
        const unknown = (names ?? []).filter((n) => !byName.has(n));
        if (unknown.length) throw new Error(`${what}: no policy named ${unknown.map((n) => `"${n}"`).join(", ")} in the baseline (policies: ${[...byName.keys()].join(", ")})`);
    };
    known(selection.names, "baseline names");
    known(selection.exclude, "baseline exclude");
    const { minSeverity, tags } = selection;
    if (minSeverity !== undefined && !(minSeverity in SEVERITY_RANK)) {
        throw new Error(`baseline minSeverity: "${minSeverity}" is not one of ${Object.keys(SEVERITY_RANK).join(", ")}`);
    }
    const allTags = new Set(registry.flatMap((p) => p.tags));
    const unknownTags = (tags ?? []).filter((t) => !allTags.has(t));
    if (unknownTags.length) throw new Error(`baseline tags: no policy has the tag ${unknownTags.map((t) => `"${t}"`).join(", ")} (tags: ${[...allTags].sort().join(", ")})`);

    const excluded = new Set(selection.exclude ?? []);
    const chosen = new Set(registry.filter((p) =>
        (selection.names === undefined || selection.names.includes(p.name))
        && (minSeverity === undefined || SEVERITY_RANK[p.severity] >= SEVERITY_RANK[minSeverity])
        && (tags === undefined || p.tags.some((t) => tags.includes(t)))
        && !excluded.has(p.name)).map((p) => p.name));
    // Helpers come along, transitively.
    const pending = [...chosen];
    while (pending.length) {
        const policy = byName.get(pending.pop()!)!;
        for (const helper of policy.requires ?? []) {
            if (!byName.has(helper)) throw new Error(`${policy.name} requires "${helper}", which is not in the baseline`);
            if (excluded.has(helper)) throw new Error(`baseline exclude: "${helper}" is required by ${policy.name}, which is selected`);
            if (!chosen.has(helper)) {
                chosen.add(helper);
                pending.push(helper);
            }
        }
    }
    return registry.filter((p) => chosen.has(p.name));
}

/**
 * The baseline's policies for @pulumi/policy: `new PolicyPack("acme", { policies: [...baseline({ minSeverity: "high" }), myPolicy] })`.
 * Without a selection, every policy (what this pack serves).
 */
export function baseline(selection: BaselineSelection = {}): Policy[] {
    const selected = selectPolicies(selection);
    applySdkPatch();
    return selected.map(toPulumiPolicy);
}

export {
    iamNoWildcardActions,
    kmsNoWildcardActions,
    rdsDeletionProtection,
    resourceProtect,
    s3BucketEncryption,
    secretSensitiveProps,
    secretsProviderAllowlist,
};
export type { EnforcementLevel, PolicyDefinition, PolicyMetadata, Severity } from "./lib/rule";
