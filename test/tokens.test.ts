// Every type token the pack names must exist in the installed AWS provider (v7): a typo
// would make a policy silently skip the resources it is meant to check.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { POLICIES } from "../policies";
import {
    BATCH_EC2_CONFIGURATIONS, DEVICE_MAPPINGS, DYNAMODB_ENCRYPTION, ECR_ENCRYPTION, ENCRYPTION_CHECKS, KINESIS_ENCRYPTION, NATIVE_FIREHOSE_SOURCES, NEPTUNE_INPUTS, OPENSEARCH_ENCRYPTION,
    PERFORMANCE_INSIGHTS_INPUT, RDS_SOURCE_INPUTS, REDSHIFT_SNAPSHOT_INPUTS,
} from "../policies/encryption-at-rest";
import { MANAGED_POLICY_ATTACHMENTS } from "../policies/iam-no-admin-managed-policies";
import { IDENTITY_POLICY_DOCUMENTS } from "../policies/iam-no-wildcard-actions";
import { ROTATION_INPUTS } from "../policies/kms-key-rotation";
import { KEY_POLICY_INPUTS } from "../policies/kms-no-wildcard-actions";
import { CLUSTER_MEMBER_INPUT, DELETION_PROTECTION_PROPERTY, REPLICA_DELETION_PROTECTION } from "../policies/rds-deletion-protection";
import { RESOURCE_POLICY_DOCUMENTS } from "../policies/resource-policy-no-wildcards";
import { DISTRIBUTION_ORIGINS, INLINE_LOGGING, INLINE_PROPERTY, INLINE_WEBSITE } from "../policies/s3-bucket-encryption";
import { BUCKET_POLICY_DOCUMENT } from "../policies/lib/s3-buckets";
import * as tokens from "../policies/lib/tokens";
import { DEFAULT_CRITICAL_RESOURCE_TYPES } from "../policies/resource-protect";
import { SAFEGUARDED } from "../policies/deletion-safeguards";
import { NATIVE_FULL_INPUTS } from "../policies/lib/sensitive";

const awsDir = path.dirname(require.resolve("@pulumi/aws/package.json"));

function providerTokens(): Set<string> {
    const found = new Set<string>();
    for (const dir of fs.readdirSync(awsDir, { withFileTypes: true })) {
        if (!dir.isDirectory() || dir.name === "node_modules") continue;
        for (const f of fs.readdirSync(path.join(awsDir, dir.name))) {
            if (!f.endsWith(".js")) continue;
            const m = /__pulumiType = '([^']+)'/.exec(fs.readFileSync(path.join(awsDir, dir.name, f), "utf8"));
            if (m) found.add(m[1]);
        }
    }
    return found;
}

describe("type tokens", () => {
    const known = providerTokens();
    const ours = Object.entries(tokens).filter(([, v]) => typeof v === "string" && (v as string).startsWith("aws:"));
    it.each(ours)("%s exists in @pulumi/aws", (_name, token) => {
        expect(known.has(token as string)).toBe(true);
    });

    // One name per type: two names for one token let two policies' tables drift apart unnoticed.
    it("no two names in lib/tokens.ts stand for the same type", () => {
        const names = new Map<string, string[]>();
        for (const [name, token] of Object.entries(tokens)) {
            if (typeof token === "string") names.set(token, [...(names.get(token) ?? []), name]);
        }
        expect([...names.values()].filter((n) => n.length > 1)).toEqual([]);
    });

    // Also what the policies actually use, wherever the string came from.
    it("every type a policy reads and every type of resource-protect's default critical list exists in @pulumi/aws", () => {
        const typesOf = (types: readonly string[] | "all") => (types === "all" ? [] : types);
        const used = [
            ...POLICIES.flatMap((p) => [...typesOf(p.resourceTypes), ...(p.kind === "resource" && p.stack ? typesOf(p.stack.resourceTypes) : [])]),
            ...DEFAULT_CRITICAL_RESOURCE_TYPES,
        ];
        expect(used.filter((type) => type.startsWith("aws:") && !known.has(type))).toEqual([]);
    });
});

// @pulumi/aws-native is no dependency of the pack: its tokens and the inputs the policies read
// are checked against the list `npm run generate:aws-native` extracts from the package.
describe("aws-native type tokens and inputs", () => {
    const native: { packageVersion: string; types: Record<string, string[]> } =
        JSON.parse(fs.readFileSync(path.join(__dirname, "../tools/aws-native-inputs.json"), "utf8"));
    const ours = Object.entries(tokens).filter(([, v]) => typeof v === "string" && (v as string).startsWith("aws-native:"));

    it.each(ours)(`%s exists in @pulumi/aws-native ${native.packageVersion}`, (_name, token) => {
        expect(native.types[token as string]).toBeDefined();
    });

    it("every aws-native type a policy reads is one of lib/tokens.ts", () => {
        const named = new Set<string>(ours.map(([, token]) => token as string));
        const read = [
            ...POLICIES.flatMap((p) => [...(p.resourceTypes === "all" ? [] : p.resourceTypes), ...(p.kind === "resource" && p.stack && p.stack.resourceTypes !== "all" ? p.stack.resourceTypes : [])]),
            ...DEFAULT_CRITICAL_RESOURCE_TYPES,
        ];
        expect(read.filter((type) => type.startsWith("aws-native:") && !named.has(type))).toEqual([]);
    });

    it("every aws-native input a policy reads exists", () => {
        const head = (input: string) => input.split(/[.[]/)[0];
        const reads: [string, string][] = [
            ...Object.entries(IDENTITY_POLICY_DOCUMENTS).map(([type, input]): [string, string] => [type, head(input.path)]),
            ...Object.entries(MANAGED_POLICY_ATTACHMENTS).map(([type, input]): [string, string] => [type, head(input.property)]),
            ...Object.entries(RESOURCE_POLICY_DOCUMENTS).flatMap(([type, input]) => [input.path, ...(input.also ?? [])].map((path): [string, string] => [type, head(path)])),
            ...Object.entries(KEY_POLICY_INPUTS).map(([type, input]): [string, string] => [type, input.property]),
            [tokens.NATIVE_KMS_KEY, "bypassPolicyLockoutSafetyCheck"],
            ...Object.entries(DELETION_PROTECTION_PROPERTY),
            ...Object.entries(CLUSTER_MEMBER_INPUT),
            ...Object.entries(REPLICA_DELETION_PROTECTION).map(([type, input]): [string, string] => [type, head(input)]),
            ...Object.entries(RDS_SOURCE_INPUTS).flatMap(([type, inputs]) => inputs.map((input): [string, string] => [type, input])),
            ...Object.entries(PERFORMANCE_INSIGHTS_INPUT),
            ...[tokens.NATIVE_RDS_DB_INSTANCE, tokens.NATIVE_RDS_DB_CLUSTER].flatMap((type) =>
                ["engine", "storageEncrypted", "kmsKeyId", "performanceInsightsKmsKeyId"].map((input): [string, string] => [type, input])),
            ...["engineMode", "globalClusterIdentifier"].map((input): [string, string] => [tokens.NATIVE_RDS_DB_CLUSTER, input]),
            [tokens.NATIVE_EFS_FILE_SYSTEM, "encrypted"], [tokens.NATIVE_EFS_FILE_SYSTEM, "kmsKeyId"],
            // resource-protect: what tells aws-native copies, cluster members, caches and program-written secrets.
            ...["sourceDbInstanceIdentifier", "sourceDbClusterIdentifier", "dbClusterIdentifier", "restoreTime", "useLatestRestorableTime"]
                .map((input): [string, string] => [tokens.NATIVE_RDS_DB_INSTANCE, input]),
            ...["replicationSourceIdentifier", "globalClusterIdentifier", "masterUsername", "snapshotIdentifier", "sourceDbClusterIdentifier", "sourceDbClusterResourceId"]
                .map((input): [string, string] => [tokens.NATIVE_RDS_DB_CLUSTER, input]),
            [tokens.NATIVE_ELASTICACHE_REPLICATION_GROUP, "cacheNodeType"], [tokens.NATIVE_ELASTICACHE_SERVERLESS_CACHE, "engine"],
            ...["secretString", "generateSecretString", "type", "name"].map((input): [string, string] => [tokens.NATIVE_SECRETSMANAGER_SECRET, input]),
            [tokens.NATIVE_SECRETSMANAGER_ROTATION_SCHEDULE, "secretId"],
            // deletion-safeguards: every setting it judges, and the restores whose unset retention it leaves alone.
            ...SAFEGUARDED.map(({ type, property }): [string, string] => [type, head(property)]),
            ...["dbSnapshotIdentifier", "dbClusterSnapshotIdentifier", "sourceDbiResourceId", "sourceDbInstanceAutomatedBackupsArn"]
                .map((input): [string, string] => [tokens.NATIVE_RDS_DB_INSTANCE, input]),
            ...["engine", "cacheNodeType"].map((input): [string, string] => [tokens.NATIVE_ELASTICACHE_CACHE_CLUSTER, input]),
            ...["snapshotIdentifier", "sourceDbClusterIdentifier"].map((input): [string, string] => [tokens.NATIVE_NEPTUNE_DB_CLUSTER, input]),
            [tokens.NATIVE_REDSHIFT_CLUSTER, "snapshotIdentifier"], [tokens.NATIVE_MEMORYDB_CLUSTER, "multiRegionClusterName"],
            // encryption-at-rest: every property its resource-part checks judge, and what decides whether they apply.
            ...ENCRYPTION_CHECKS.flatMap((c) => c.types.map((type): [string, string] => [type, head(c.property)])),
            ...[tokens.NATIVE_EC2_VOLUME, tokens.NATIVE_WORKSPACESINSTANCES_VOLUME].flatMap((type) =>
                ["encrypted", "kmsKeyId", "snapshotId"].map((input): [string, string] => [type, input])),
            ...Object.entries(KINESIS_ENCRYPTION).flatMap(([type, inputs]) => [inputs.type, inputs.key].map((input): [string, string] => [type, head(input)])),
            ...Object.entries(DYNAMODB_ENCRYPTION).flatMap(([type, inputs]) => [inputs.block, ...inputs.keys].map((input): [string, string] => [type, head(input)])),
            ...Object.entries(OPENSEARCH_ENCRYPTION),
            ...Object.entries(ECR_ENCRYPTION).map(([type, block]): [string, string] => [type, head(block)]),
            ...Object.entries(DEVICE_MAPPINGS).flatMap(([type, { ebs, template }]) =>
                [ebs, ...(template ? [template.name, ...(template.data ? [template.data] : [])] : [])].map((input): [string, string] => [type, head(input)])),
            ...Object.keys(BATCH_EC2_CONFIGURATIONS).map((type): [string, string] => [type, "computeResources"]),
            [tokens.NATIVE_EKS_NODEGROUP, "launchTemplate"], [tokens.NATIVE_BATCH_COMPUTE_ENVIRONMENT, "type"],
            [tokens.NATIVE_IMAGEBUILDER_IMAGE_RECIPE, "blockDeviceMappings"], [tokens.NATIVE_IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, "distributions"],
            ...[tokens.NATIVE_IMAGEBUILDER_IMAGE_PIPELINE, tokens.NATIVE_IMAGEBUILDER_IMAGE].flatMap((type) =>
                ["imageRecipeArn", "distributionConfigurationArn"].map((input): [string, string] => [type, input])),
            ...Object.entries(NEPTUNE_INPUTS).flatMap(([type, { key, sources }]) =>
                [key, ...sources, "storageEncrypted", "globalClusterIdentifier"].map((input): [string, string] => [type, input])),
            ...Object.entries(REDSHIFT_SNAPSHOT_INPUTS).flatMap(([type, inputs]) => [...inputs, "encrypted", "kmsKeyId"].map((input): [string, string] => [type, input])),
            ...["engine", "dataTieringEnabled", "globalReplicationGroupId", "atRestEncryptionEnabled", "kmsKeyId"]
                .map((input): [string, string] => [tokens.NATIVE_ELASTICACHE_REPLICATION_GROUP, input]),
            [tokens.NATIVE_SQS_QUEUE, "kmsMasterKeyId"], [tokens.NATIVE_SQS_QUEUE, "sqsManagedSseEnabled"],
            [tokens.NATIVE_APIGATEWAY_STAGE, "cacheClusterEnabled"], [tokens.NATIVE_APIGATEWAY_STAGE, "methodSettings"],
            ...["deliveryStreamType", ...NATIVE_FIREHOSE_SOURCES].map((input): [string, string] => [tokens.NATIVE_FIREHOSE_DELIVERY_STREAM, input]),
            ...[tokens.NATIVE_RDS_GLOBAL_CLUSTER, tokens.NATIVE_DOCDB_GLOBAL_CLUSTER, tokens.NATIVE_NEPTUNE_GLOBAL_CLUSTER]
                .map((type): [string, string] => [type, "sourceDbClusterIdentifier"]),
            // resource-policy-no-wildcards: the classic Lambda Permission's and EventPermission's scalar inputs, a domain's
            // fine-grained access control and VPC, a REST API's endpoint types.
            ...["principal", "action", "sourceAccount", "sourceArn", "principalOrgId", "eventSourceToken", "functionUrlAuthType", "invokedViaFunctionUrl"]
                .map((input): [string, string] => [tokens.NATIVE_LAMBDA_PERMISSION, input]),
            ...["principal", "condition", "statement"].map((input): [string, string] => [tokens.NATIVE_EVENTS_EVENT_BUS_POLICY, input]),
            [tokens.NATIVE_OPENSEARCH_DOMAIN, "advancedSecurityOptions"], [tokens.NATIVE_OPENSEARCH_DOMAIN, "vpcOptions"],
            [tokens.NATIVE_APIGATEWAY_REST_API, "endpointConfiguration"],
            [tokens.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION, "principal"], [tokens.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION, "organizationId"],
            ...["name", "publicAccessBlockConfiguration", "regions"].map((input): [string, string] => [tokens.NATIVE_S3_MULTI_REGION_ACCESS_POINT, input]),
            [tokens.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY, "mrapName"],
            ...Object.entries(ROTATION_INPUTS).flatMap(([type, inputs]) =>
                [...Object.keys(inputs), "enableKeyRotation", "rotationPeriodInDays"].map((input): [string, string] => [type, input])),
            ...Object.entries(NATIVE_FULL_INPUTS).flatMap(([type, paths]) => paths.map((p): [string, string] => [type, head(p)])),
            // S3: a bucket's inline blocks and name, bucket policies' documents and buckets, access points' blocks.
            ...[INLINE_PROPERTY, INLINE_WEBSITE, INLINE_LOGGING, DISTRIBUTION_ORIGINS].flatMap((table) => Object.entries(table)),
            [tokens.NATIVE_S3_BUCKET, "bucketName"], [tokens.NATIVE_S3_BUCKET, "publicAccessBlockConfiguration"],
            [tokens.NATIVE_S3_BUCKET, "accessControl"], [tokens.NATIVE_S3_BUCKET, "ownershipControls"],
            ...Object.entries(BUCKET_POLICY_DOCUMENT), [tokens.NATIVE_S3_BUCKET_POLICY, "bucket"],
            ...["bucket", "publicAccessBlockConfiguration", "vpcConfiguration"].map((input): [string, string] => [tokens.NATIVE_S3_ACCESS_POINT, input]),
        ];
        const nativeReads = reads.filter(([type]) => type.startsWith("aws-native:"));
        expect(nativeReads.length).toBeGreaterThan(0);
        expect(nativeReads.filter(([type, input]) => !native.types[type]?.includes(input))).toEqual([]);
    });
});
