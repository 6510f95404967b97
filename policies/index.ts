// The registry: every policy of the baseline, once. The pack (../index.ts), the library
// exports, the docs tables, the config presets, the demo stacks, the robustness targets and
// the SARIF rules all derive from this list. Adding a policy: ARCHITECTURE.md.
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

/** Every policy, in the order the pack runs them. */
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

/** The @pulumi/policy policies of the baseline. */
export function baseline(): Policy[] {
    applySdkPatch();
    return POLICIES.map(toPulumiPolicy);
}

export type { PolicyDefinition, Severity };
