// Assembles the pack. Each policy lives in policies/<policy-name>.ts.
import { PolicyPack } from "@pulumi/policy";
import { iamNoWildcardActions } from "./policies/iam-no-wildcard-actions";
import { kmsNoWildcardActions } from "./policies/kms-no-wildcard-actions";
import { rdsDeletionProtection } from "./policies/rds-deletion-protection";
import { resourceProtect } from "./policies/resource-protect";
import { s3BucketEncryption } from "./policies/s3-bucket-encryption";
import { secretSensitivePropsPolicies } from "./policies/secret-sensitive-props";
import { secretsProviderAllowlist } from "./policies/secrets-provider-allowlist";

new PolicyPack("aws-security-baseline", {
    description: "AWS security baseline: encryption at rest, least privilege, protected stateful resources, secret credentials.",
    policies: [rdsDeletionProtection, iamNoWildcardActions, kmsNoWildcardActions, secretsProviderAllowlist, resourceProtect, s3BucketEncryption,
        // secret-sensitive-props and its observer, in the order they must run.
        ...secretSensitivePropsPolicies],
});
