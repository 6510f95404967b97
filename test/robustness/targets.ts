// The pure rules under test: each exported rule function of each policy, with the resource
// types it applies to and a generator of configs the glue would accept (the glue validates
// config before a rule runs, so rules only ever see valid config).
//
// When a policy is added to index.ts, add its rules here: rules.test.ts checks that every
// registered policy has an entry.
import fc from "fast-check";
import { globError } from "../../policies/lib/glob";
import type { Finding, PlainResource, StackContext } from "../../policies/lib/policy";
import * as t from "../../policies/lib/tokens";
import { findWildcardActions, IDENTITY_POLICY_PROPERTY } from "../../policies/iam-no-wildcard-actions";
import { findKeyPolicyWildcards, KEY_POLICY_TYPES } from "../../policies/kms-no-wildcard-actions";
import { DELETION_PROTECTION_PROPERTY, findMissingDeletionProtection } from "../../policies/rds-deletion-protection";
import { DEFAULT_CRITICAL_RESOURCE_TYPES, findUnprotectedCriticalResources } from "../../policies/resource-protect";
import { findUnencryptedBuckets, SSE_ALGORITHMS, SSE_CONFIGURATION_TYPES } from "../../policies/s3-bucket-encryption";
import { BUCKET_TYPES } from "../../policies/lib/s3-buckets";
import { ALWAYS_SENSITIVE, JSON_DOCUMENT_PROPERTIES, SecretLocations } from "../../policies/lib/sensitive";
import { findPlaintextSensitiveValues } from "../../policies/secret-sensitive-props";
import { CORPUS } from "./arbitraries";

export interface ResourceRuleTarget {
    policy: string;
    kind: "resource";
    types: readonly string[];
    config: fc.Arbitrary<any>;
    check(resource: PlainResource, config: any): Finding[];
}

export interface StackRuleTarget {
    policy: string;
    kind: "stack";
    /** Types the rule looks at (generated often); other types are mixed in too. */
    types: readonly string[];
    config: fc.Arbitrary<any>;
    check(resources: PlainResource[], config: any, context: StackContext): Finding[];
    /**
     * Properties whose value joins resources (a configuration's `bucket` names its bucket):
     * their concrete values are constrained by other resources, so the unknown-monotonicity
     * property does not substitute arbitrary values there (docs/testing.md).
     */
    joinKeys?: (resource: PlainResource) => string[];
    /**
     * Top-level properties that, unknown during a preview, mean "computed by the provider,
     * not declared by the program" (see the policy's comments): a deliberate verdict, not a
     * value to substitute.
     */
    previewComputed?: (resource: PlainResource) => string[];
}

export type RuleTarget = ResourceRuleTarget | StackRuleTarget;

const validGlob = (g: string) => globError(g) === null;
const actionGlobs = fc.array(
    fc.oneof(fc.constantFrom("s3:Get*", "kms:Describe*", "*", "ec2:*", "iam:?etRole", "{s3,ec2}:List*", "[sk]3:*", "kms:Encrypt*"), fc.string({ maxLength: 8 }).filter(validGlob)),
    { maxLength: 4 },
);

export const TARGETS: readonly RuleTarget[] = [
    {
        policy: "rds-deletion-protection",
        kind: "resource",
        types: Object.keys(DELETION_PROTECTION_PROPERTY),
        config: fc.constant({ exemptions: [] }),
        check: findMissingDeletionProtection,
    },
    {
        policy: "iam-no-wildcard-actions",
        kind: "resource",
        types: Object.keys(IDENTITY_POLICY_PROPERTY),
        config: actionGlobs.map((allowedActions) => ({ allowedActions, exemptions: [] })),
        check: findWildcardActions,
    },
    {
        policy: "kms-no-wildcard-actions",
        kind: "resource",
        types: KEY_POLICY_TYPES,
        config: actionGlobs.map((allowedActions) => ({ allowedActions, exemptions: [] })),
        check: findKeyPolicyWildcards,
    },
    {
        policy: "s3-bucket-encryption",
        kind: "stack",
        types: [...BUCKET_TYPES, ...SSE_CONFIGURATION_TYPES],
        config: fc.record({
            allowedAlgorithms: fc.subarray(Object.keys(SSE_ALGORITHMS), { minLength: 1 }),
            requireCustomerManagedKey: fc.boolean(),
            exemptions: fc.constant([]),
        }),
        check: (resources, config, context) => findUnencryptedBuckets(resources, config, context),
        joinKeys: (r) => (BUCKET_TYPES.has(r.type) ? ["bucket", "id"] : SSE_CONFIGURATION_TYPES.has(r.type) ? ["bucket"] : []),
        // s3-bucket-encryption.ts readInlineEncryption: at preview an unknown inline block
        // without propertyDependencies is the provider's computed default, i.e. undeclared.
        previewComputed: (r) => (r.type === t.S3_BUCKET ? ["serverSideEncryptionConfiguration"] : r.type === t.S3_BUCKET_V2 ? ["serverSideEncryptionConfigurations"] : []),
    },
    {
        policy: "resource-protect",
        kind: "stack",
        types: DEFAULT_CRITICAL_RESOURCE_TYPES,
        config: fc.oneof(
            fc.constant({ criticalResourceTypes: [...DEFAULT_CRITICAL_RESOURCE_TYPES], exemptions: [] }),
            fc.record({
                criticalResourceTypes: fc.array(fc.oneof(fc.constantFrom("*", "aws:rds/*", "aws:*", "*Bucket*", "pulumi:*", ...DEFAULT_CRITICAL_RESOURCE_TYPES), fc.string({ maxLength: 6 }).filter(validGlob)), { maxLength: 5 }),
                exemptions: fc.constant([]),
            }),
        ),
        check: (resources, config) => findUnprotectedCriticalResources(resources, config),
    },
    {
        // Applies to every type; generated: the types it knows, and every type of the fixtures.
        policy: "secret-sensitive-props",
        kind: "resource",
        types: [...new Set([...Object.keys(ALWAYS_SENSITIVE), ...Object.keys(JSON_DOCUMENT_PROPERTIES), t.SSM_PARAMETER, ...CORPUS.map((r) => r.type)])].sort(),
        config: fc.record({
            sensitivePatterns: fc.array(fc.oneof(fc.constantFrom("*_signing_key", "*", "x*", "*key*", "{a,b}*"), fc.string({ maxLength: 6 }).filter(validGlob)), { maxLength: 3 }),
            ignoreProperties: fc.array(fc.oneof(fc.constantFrom("environment.*", "*", "*.password"), fc.string({ maxLength: 6 }).filter(validGlob)), { maxLength: 3 }),
            exemptions: fc.constant([]),
            // What the remediation path observed: nothing (observer off), or secrets at some places.
            observation: fc.option(fc.array(fc.array(fc.oneof(fc.constantFrom("password", "environment", "variables", "value", "containerDefinitions"), fc.nat({ max: 3 })), { maxLength: 3 }), { maxLength: 4 })
                .map((locations) => ({ secretLocations: SecretLocations.of(locations) })), { nil: undefined }),
        }),
        check: (resource, config) => findPlaintextSensitiveValues(resource, config, config.observation),
    },
];

/** Policies that are not rules over resource properties, tested on their own in rules.test.ts. */
export const OTHER_POLICIES: readonly string[] = [
    "secrets-provider-allowlist",
    // The observer reports nothing; its record is exercised through secret-sensitive-props and the engine path.
    "secret-sensitive-props-observer",
];
