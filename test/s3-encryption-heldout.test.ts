// s3-bucket-encryption against held-out cases (seventeenth replay): checkov CKV_AWS_19/145 and their false-alarm
// issues, trivy AVD-AWS-0088/0132, KICS, Security Hub S3.17, public Pulumi/Terraform/CDK shapes (the separate
// configuration named by `bucket.id`, `bucket.bucket`, a literal name, a bucket of another stack, a name unknown at
// preview, `bucketPrefix`). Each case is a small stack, labelled before it was run; each runs through the pure rule
// and, unknowns sent as at preview, the engine path.
import { describe, expect, it } from "vitest";
import { PlainResource } from "../policies/lib/rule";
import * as t from "../policies/lib/tokens";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { DEFAULT_ALLOWED_ALGORITHMS, findUnencryptedBuckets, S3BucketEncryptionConfig } from "../policies/s3-bucket-encryption";
import { useEngine } from "./helpers/engine";
import { resource, sentinelsToWire } from "./helpers/resources";

const POLICY = "s3-bucket-encryption";
const U = UNKNOWN_SENTINELS;
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const NATIVE_DIRECTORY = "aws-native:s3express:DirectoryBucket";
const S3CONTROL_BUCKET = "aws:s3control/bucket:Bucket";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

// A resource of a case: [name, type, props, propertyDependencies by logical name].
type R = [name: string, type: string, props: Record<string, unknown>, deps?: Record<string, string[]>];
// [id and label, resources, buckets reported, config, at preview]
type Case = [label: string, resources: R[], reported: string[], config?: Partial<S3BucketEncryptionConfig>, preview?: boolean];

const sse = (name: string, bucket: unknown, byDefault: Record<string, unknown> | undefined, deps?: string[], extra: Record<string, unknown> = {}, type = t.S3_BUCKET_SSE_CONFIGURATION): R =>
    [name, type, { bucket, rules: [{ ...(byDefault ? { applyServerSideEncryptionByDefault: byDefault } : {}), ...extra }] }, deps ? { bucket: deps } : undefined];
const kms = (kmsMasterKeyId: unknown = KEY) => ({ sseAlgorithm: "aws:kms", kmsMasterKeyId });
/** A v7 Bucket after apply: `bucket` and `id` carry its physical name. */
const b = (name: string, physical = `${name}-prod`, extra: Record<string, unknown> = {}, deps?: Record<string, string[]>): R =>
    [name, t.S3_BUCKET, { bucket: physical, id: physical, ...extra }, deps];
/** A new v7 Bucket at preview: its name (unless given), id and computed inline blocks are unknown. */
const newB = (name: string, extra: Record<string, unknown> = {}, deps?: Record<string, string[]>): R =>
    [name, t.S3_BUCKET, { bucket: U.string, id: U.string, serverSideEncryptionConfiguration: U.object, ...extra }, deps];
const native = (name: string, extra: Record<string, unknown> = {}): R => [name, t.NATIVE_S3_BUCKET, { bucketName: `${name}-prod`, ...extra }];
const nativeEnc = (byDefault: Record<string, unknown>, rule: Record<string, unknown> = {}) =>
    ({ bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: byDefault, ...rule }] } });
const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
/** A central access log bucket with SSE-S3 whose only sign is its ACL (the source buckets live in other stacks). */
const aclLogs = (name: string, acl: R): R[] => [b(name), sse(`${name}-sse`, `${name}-prod`, { sseAlgorithm: "AES256" }, [name]), acl];
const STRICT = { requireCustomerManagedKey: true };
const SSE_S3_OK = { allowedAlgorithms: ["AES256", "aws:kms", "aws:kms:dsse"] };

const CASES: Case[] = [
    // False alarms first.
    ["E1 Bucket + configuration by bucket.id, SSE-KMS with a key (Terraform registry example)", [b("e1"), sse("e1-sse", "e1-prod", kms(), ["e1"])], []],
    ["E2 BucketV2 + ConfigurationV2 by bucket.bucket (pulumi docs example)", [["e2", t.S3_BUCKET_V2, { bucket: "e2-prod", id: "e2-prod" }], sse("e2-sse", "e2-prod", kms(), ["e2"], {}, t.S3_BUCKET_SSE_CONFIGURATION_V2)], []],
    ["E3 aws:kms without a key (the aws/s3 key), default config", [b("e3"), sse("e3-sse", "e3-prod", { sseAlgorithm: "aws:kms" }, ["e3"])], []],
    ["E4 DSSE-KMS with a key", [b("e4"), sse("e4-sse", "e4-prod", { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: KEY }, ["e4"])], []],
    ["E5 configuration naming the bucket by a literal name (no dependency)", [b("e5", "acme-orders-e5"), sse("e5-sse", "acme-orders-e5", kms())], []],
    ["E6 bucketPrefix bucket after apply, configuration by bucket.id", [b("e6", "orders-20261207e6", { bucketPrefix: "orders-" }), sse("e6-sse", "orders-20261207e6", kms(), ["e6"])], []],
    ["E7 preview: bucketPrefix bucket, name unknown, configuration depends on it", [newB("e7", { bucketPrefix: "orders-" }), sse("e7-sse", U.string, kms(), ["e7"])], [], {}, true],
    ["E8 preview: key unknown (key.arn)", [newB("e8"), sse("e8-sse", U.string, kms(U.string), ["e8"])], [], STRICT, true],
    ["E9 preview: rules built from another output", [newB("e9"), ["e9-sse", t.S3_BUCKET_SSE_CONFIGURATION, { bucket: U.string, rules: U.array }, { bucket: ["e9"] }]], [], {}, true],
    ["E10 aws-native (CDK BucketEncryption.KMS) with bucketKeyEnabled (trivy#6024)", [native("e10", nativeEnc(kms(), { bucketKeyEnabled: true }))], []],
    ["E11 aws-native DSSE-KMS", [native("e11", nativeEnc({ sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: KEY }))], []],
    ["E12 aws-native directory bucket, SSE-KMS with a customer key, strict", [["e12", NATIVE_DIRECTORY, { bucketName: "e12--usw2-az1--x-s3", ...nativeEnc(kms()) }]], [], STRICT],
    ["E13 classic directory bucket, configuration by bucket.bucket", [["e13", t.S3_DIRECTORY_BUCKET, { bucket: "e13--usw2-az1--x-s3", id: "e13--usw2-az1--x-s3" }],
        sse("e13-sse", "e13--usw2-az1--x-s3", kms(), ["e13"])], [], STRICT],
    ["E14 ALB access log bucket with SSE-S3", [b("e14"), sse("e14-sse", "e14-prod", { sseAlgorithm: "AES256" }, ["e14"]),
        ["e14-alb", LB, { loadBalancerType: "application", accessLogs: { bucket: "e14-prod", prefix: "web", enabled: true } }, { accessLogs: ["e14"] }]], []],
    ["E15 server access log target with SSE-S3 (checkov#6264)", [b("e15", "e15-prod", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } }),
        b("e15-src", "e15-src-prod", nativeLessKms()), [`e15-logging`, t.S3_BUCKET_LOGGING, { bucket: "e15-src-prod", targetBucket: "e15-prod", targetPrefix: "src/" }, { bucket: ["e15-src"], targetBucket: ["e15"] }]], []],
    ["E16 deprecated inline SSE-KMS on a Bucket", [b("e16", "e16-prod", nativeLessKms())], []],
    ["E17 declaring nothing where AES256 is allowed (CKV_AWS_19's bar)", [b("e17")], [], SSE_S3_OK],
    ["E18 configuration with SSE-S3 where AES256 is allowed", [b("e18"), sse("e18-sse", "e18-prod", { sseAlgorithm: "AES256" }, ["e18"])], [], SSE_S3_OK],
    ["E19 configuration for a bucket of another stack (nothing here to report)", [b("e19"), sse("e19-sse", "e19-prod", kms(), ["e19"]), sse("e19-outside", "central-logs-e19", { sseAlgorithm: "AES256" })], []],
    ["E20 BucketV2 inline lists, SSE-KMS", [["e20", t.S3_BUCKET_V2, { bucket: "e20-prod", id: "e20-prod",
        serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [kms()], bucketKeyEnabled: true }] }] }]], []],
    ["E21 preview: new bucket, configuration by bucket.id (unknown, joined by dependency)", [newB("e21"), sse("e21-sse", U.string, kms(), ["e21"])], [], {}, true],
    ["E22 preview: aws-native key unknown", [native("e22", nativeEnc(kms(U.string)))], [], STRICT, true],
    ["E23 SSE-KMS rule that also blocks SSE-C", [b("e23"), sse("e23-sse", "e23-prod", kms(), ["e23"], { bucketKeyEnabled: true, blockedEncryptionTypes: ["SSE-C"] })], []],
    ["E24 stale inline AES256 read back, a separate SSE-KMS configuration decides", [b("e24", "e24-prod", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } }),
        sse("e24-sse", "e24-prod", kms(), ["e24"])], []],
    ["E25 S3 table bucket with SSE-S3 (encryption-at-rest's)", [["e25", t.S3TABLES_TABLE_BUCKET, { name: "e25", encryptionConfiguration: { sseAlgorithm: "AES256" } }]], []],
    ["E26 S3 on Outposts bucket (only SSE-S3 exists there; not read)", [["e26", S3CONTROL_BUCKET, { bucket: "e26", outpostId: "op-01ac5d28a6a232904" }]], []],
    ["E27 preview: a bucket with an explicit name, configuration by bucket.id", [newB("e27", { bucket: "acme-e27" }), sse("e27-sse", U.string, kms(), ["e27"])], [], {}, true],
    ["E28 preview: Security Hub S3.17 shape, two configurations by name and by id", [newB("e28", { bucket: "acme-e28" }), sse("e28-sse", "acme-e28", kms())], [], STRICT, true],

    ["E29 strict: a customer key named by its own alias", [b("e29"), sse("e29-sse", "e29-prod", kms("alias/orders-data"), ["e29"])], [], STRICT],
    ["E30 strict: a customer key by bare key ID", [b("e30"), sse("e30-sse", "e30-prod", kms("1234abcd-12ab-34cd-56ef-1234567890ab"), ["e30"])], [], STRICT],
    ["E31 aws-native rule only blocking SSE-C where AES256 is allowed", [native("e31", { bucketEncryption: { serverSideEncryptionConfiguration: [{ blockedEncryptionTypes: { encryptionType: ["SSE-C"] } }] } })], [], SSE_S3_OK],
    ["E32 Redshift audit log bucket with SSE-S3", [b("e32"), sse("e32-sse", "e32-prod", { sseAlgorithm: "AES256" }, ["e32"]),
        ["e32-audit", "aws:redshift/logging:Logging", { clusterIdentifier: "wh", bucketName: "e32-prod", logDestinationType: "s3" }, { bucketName: ["e32"] }]], []],
    ["E33 preview: inline block built from a key's ARN (unknown whole)", [newB("e33", { serverSideEncryptionConfiguration: U.object }, { serverSideEncryptionConfiguration: ["e33-key"] }),
        ["e33-key", t.KMS_KEY, { arn: U.string, enableKeyRotation: true }]], [], STRICT, true],
    ["E34 a configuration from a StackReference name after apply (another stack's bucket)", [b("e34", "e34-prod", nativeLessKms()),
        ["e34-ref", "pulumi:pulumi:StackReference", { name: "acme/storage/prod" }], sse("e34-sse", "central-e34", { sseAlgorithm: "AES256" }, ["e34-ref"])], []],

    ["E35 preview: new bucket with a known inline SSE-KMS block", [newB("e35", nativeLessKms())], [], {}, true],
    ["E36 preview: algorithm built from another output", [newB("e36"), sse("e36-sse", U.string, { sseAlgorithm: U.string }, ["e36"])], [], {}, true],
    ["E37 strict: a secret customer key ARN (from a config secret)", [b("e37"), sse("e37-sse", "e37-prod", kms({ $secret: KEY }), ["e37"])], [], STRICT],
    ["E38 a secret algorithm aws:kms", [b("e38"), sse("e38-sse", "e38-prod", { sseAlgorithm: { $secret: "aws:kms" }, kmsMasterKeyId: KEY }, ["e38"])], []],

    ["E39 preview: SSE-S3 bucket a BucketLogging's unknown targetBucket depends on", [newB("e39-src", nativeLessKms()), newB("e39", { serverSideEncryptionConfiguration: U.object }), sse("e39-sse", U.string, { sseAlgorithm: "AES256" }, ["e39"]),
        ["e39-logging", t.S3_BUCKET_LOGGING, { bucket: U.string, targetBucket: U.string, targetPrefix: "src/" }, { bucket: ["e39-src"], targetBucket: ["e39"] }]], [], {}, true],
    ["E40 preview: a rule unknown", [newB("e40"), ["e40-sse", t.S3_BUCKET_SSE_CONFIGURATION, { bucket: U.string, rules: [U.object] }, { bucket: ["e40"] }]], [], STRICT, true],

    ["E41 central access log bucket, Bucket's canned acl log-delivery-write (checkov#6264)", [b("e41", "e41-prod", { acl: "log-delivery-write" }),
        sse("e41-sse", "e41-prod", { sseAlgorithm: "AES256" }, ["e41"])], []],
    ["E42 central access log bucket, BucketAclV2 log-delivery-write by bucket.id", aclLogs("e42", ["e42-acl", t.S3_BUCKET_ACL_V2, { bucket: "e42-prod", acl: "log-delivery-write" }, { bucket: ["e42"] }]), []],
    ["E43 aws-native accessControl LogDeliveryWrite (CDK serverAccessLogsBucket without the bucket-policy flag), SSE-S3",
        [native("e43", { accessControl: "LogDeliveryWrite", ...nativeEnc({ sseAlgorithm: "AES256" }) })], []],
    ["E44 BucketAcl grants WRITE to the LogDelivery group", aclLogs("e44", ["e44-acl", t.S3_BUCKET_ACL, { bucket: "e44-prod", accessControlPolicy: {
        owner: { id: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" },
        grants: [{ grantee: { type: "Group", uri: LOG_DELIVERY }, permission: "WRITE" }, { grantee: { type: "Group", uri: LOG_DELIVERY }, permission: "READ_ACP" }] } }, { bucket: ["e44"] }]), []],
    ["E45 preview: BucketAclV2 log-delivery-write by an unknown bucket.id", [newB("e45"), sse("e45-sse", U.string, { sseAlgorithm: "AES256" }, ["e45"]),
        ["e45-acl", t.S3_BUCKET_ACL_V2, { bucket: U.string, acl: "log-delivery-write" }, { bucket: ["e45"] }]], [], {}, true],

    ["E46 preview: BucketAcl whose accessControlPolicy is built from another output", aclLogs("e46", ["e46-acl", t.S3_BUCKET_ACL, { bucket: "e46-prod", accessControlPolicy: U.object }, { bucket: ["e46"], accessControlPolicy: ["e46"] }]), [], {}, true],

    // Violations.
    ["V1 Bucket declaring nothing (S3's implicit SSE-S3; CKV_AWS_145)", [b("v1")], ["v1"]],
    ["V2 configuration with SSE-S3 by bucket.bucket", [b("v2"), sse("v2-sse", "v2-prod", { sseAlgorithm: "AES256" }, ["v2"])], ["v2"]],
    ["V3 configuration by literal name of another bucket", [b("v3"), b("v3-other"), sse("v3-sse", "v3-other-prod", kms())], ["v3"]],
    ["V4 strict: aws:kms without a key", [b("v4"), sse("v4-sse", "v4-prod", { sseAlgorithm: "aws:kms" }, ["v4"])], ["v4"], STRICT],
    ["V5 strict: alias/aws/s3", [b("v5"), sse("v5-sse", "v5-prod", kms("alias/aws/s3"), ["v5"])], ["v5"], STRICT],
    ["V6 strict: the aws/s3 alias ARN", [b("v6"), sse("v6-sse", "v6-prod", kms("arn:aws:kms:eu-west-1:111122223333:alias/aws/s3"), ["v6"])], ["v6"], STRICT],
    ["V7 aws-native bucket without bucketEncryption (CDK's default bucket)", [native("v7")], ["v7"]],
    ["V8 aws-native SSE-S3 (CDK BucketEncryption.S3_MANAGED)", [native("v8", nativeEnc({ sseAlgorithm: "AES256" }))], ["v8"]],
    ["V9 aws-native directory bucket with SSE-S3", [["v9", NATIVE_DIRECTORY, { bucketName: "v9--usw2-az1--x-s3", ...nativeEnc({ sseAlgorithm: "AES256" }) }]], ["v9"]],
    ["V10 classic directory bucket declaring nothing", [["v10", t.S3_DIRECTORY_BUCKET, { bucket: "v10--usw2-az1--x-s3", id: "v10--usw2-az1--x-s3" }]], ["v10"]],
    ["V11 a rule only blocking SSE-C (S3's default remains)", [b("v11"), sse("v11-sse", "v11-prod", undefined, ["v11"], { blockedEncryptionTypes: ["SSE-C"] })], ["v11"]],
    ["V12 preview: new bucket, nothing declared", [newB("v12")], ["v12"], {}, true],
    ["V13 preview: bucketPrefix bucket, nothing declared", [newB("v13", { bucketPrefix: "scratch-" })], ["v13"], {}, true],
    ["V14 DSSE-KMS where only aws:kms is allowed", [b("v14"), sse("v14-sse", "v14-prod", { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: KEY }, ["v14"])], ["v14"], { allowedAlgorithms: ["aws:kms"] }],
    ["V15 an algorithm S3 does not accept (SSE-KMS)", [b("v15"), sse("v15-sse", "v15-prod", { sseAlgorithm: "SSE-KMS", kmsMasterKeyId: KEY }, ["v15"])], ["v15"]],
    ["V16 strict: ALB log bucket with SSE-S3", [b("v16"), sse("v16-sse", "v16-prod", { sseAlgorithm: "AES256" }, ["v16"]),
        ["v16-alb", LB, { loadBalancerType: "application", accessLogs: { bucket: "v16-prod", enabled: true } }, { accessLogs: ["v16"] }]], ["v16"], STRICT],
    ["V17 NLB log bucket with SSE-S3 (NLB delivery can use a customer key)", [b("v17"), sse("v17-sse", "v17-prod", { sseAlgorithm: "AES256" }, ["v17"]),
        ["v17-nlb", LB, { loadBalancerType: "network", accessLogs: { bucket: "v17-prod", enabled: true } }, { accessLogs: ["v17"] }]], ["v17"]],
    ["V18 deprecated inline AES256 (checkov#452)", [b("v18", "v18-prod", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } })], ["v18"]],
    ["V19 BucketV2 inline with an empty rules list", [["v19", t.S3_BUCKET_V2, { bucket: "v19-prod", id: "v19-prod", serverSideEncryptionConfigurations: [{ rules: [] }] }]], ["v19"]],
    ["V20 configuration with an empty rules list", [b("v20"), ["v20-sse", t.S3_BUCKET_SSE_CONFIGURATION, { bucket: "v20-prod", rules: [] }, { bucket: ["v20"] }]], ["v20"]],
    ["V21 strict: aws-native KMS_MANAGED (aws:kms, no key)", [native("v21", nativeEnc({ sseAlgorithm: "aws:kms" }))], ["v21"], STRICT],
    ["V22 the source bucket of server access logging with SSE-S3", [b("v22-logs", "v22-logs-prod", nativeLessKms()),
        b("v22", "v22-prod", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } }),
        ["v22-logging", t.S3_BUCKET_LOGGING, { bucket: "v22-prod", targetBucket: "v22-logs-prod" }, { bucket: ["v22"], targetBucket: ["v22-logs"] }]], ["v22"]],
    ["V23 configuration naming the bucketPrefix, not the bucket's name", [b("v23", "orders-20261207v23", { bucketPrefix: "orders-" }), sse("v23-sse", "orders-", kms())], ["v23"]],
    ["V24 CloudFront origin access control (KMS works there), SSE-S3", [b("v24"), sse("v24-sse", "v24-prod", { sseAlgorithm: "AES256" }, ["v24"]),
        ["v24-cdn", DISTRIBUTION, { enabled: true, origins: [{ originId: "s3", domainName: "v24-prod.s3.eu-west-1.amazonaws.com", originAccessControlId: "E2QWRUHAPOMQZL", s3OriginConfig: { originAccessIdentity: "" } }] }, { origins: ["v24"] }]], ["v24"]],
    ["V25 the configuration lives in another stack (not visible here: exempt the bucket)", [b("v25", "acme-v25")], ["v25"]],
    ["V26 preview: explicit name known, configuration by literal name of another bucket", [newB("v26", { bucket: "acme-v26" }), sse("v26-sse", "acme-other-v26", kms())], ["v26"], {}, true],
    ["V27 preview: a configuration for a StackReference's bucket does not cover a local new bucket", [newB("v27"),
        ["v27-ref", "pulumi:pulumi:StackReference", { name: "acme/storage/prod", outputs: U.object }], sse("v27-sse", U.string, kms(), ["v27-ref"])], ["v27"], {}, true],
    ["V28 aws-native directory bucket without bucketEncryption", [["v28", NATIVE_DIRECTORY, { bucketName: "v28--usw2-az1--x-s3" }]], ["v28"]],
    ["V29 strict: an empty key", [b("v29"), sse("v29-sse", "v29-prod", kms(""), ["v29"])], ["v29"], STRICT],
    ["V30 aws-native rule only blocking SSE-C, default config", [native("v30", { bucketEncryption: { serverSideEncryptionConfiguration: [{ blockedEncryptionTypes: { encryptionType: ["SSE-C"] } }] } })], ["v30"]],
    ["V31 BucketV2 inline empty list", [["v31", t.S3_BUCKET_V2, { bucket: "v31-prod", id: "v31-prod", serverSideEncryptionConfigurations: [] }]], ["v31"]],
    ["V32 strict: DSSE-KMS with the aws/s3 key", [b("v32"), sse("v32-sse", "v32-prod", { sseAlgorithm: "aws:kms:dsse" }, ["v32"])], ["v32"], STRICT],
    ["V33 SSE-S3 beside a secret key (the key is never shown)", [b("v33"), sse("v33-sse", "v33-prod", { sseAlgorithm: "AES256", kmsMasterKeyId: { $secret: KEY } }, ["v33"])], ["v33"]],
    ["V34 strict: a secret aws/s3 alias", [b("v34"), sse("v34-sse", "v34-prod", kms({ $secret: "alias/aws/s3" }), ["v34"])], ["v34"], STRICT],
    ["V35 preview, strict: the same log target (reported with the way out)", [newB("v35-src", nativeLessKms()), newB("v35", { serverSideEncryptionConfiguration: U.object }), sse("v35-sse", U.string, { sseAlgorithm: "AES256" }, ["v35"]),
        ["v35-logging", t.S3_BUCKET_LOGGING, { bucket: U.string, targetBucket: U.string, targetPrefix: "src/" }, { bucket: ["v35-src"], targetBucket: ["v35"] }]], ["v35"], STRICT, true],
    ["V36 strict: the central access log bucket shown by its ACL", aclLogs("v36", ["v36-acl", t.S3_BUCKET_ACL_V2, { bucket: "v36-prod", acl: "log-delivery-write" }, { bucket: ["v36"] }]), ["v36"], STRICT],
    ["V37 BucketAclV2 private, SSE-S3", aclLogs("v37", ["v37-acl", t.S3_BUCKET_ACL_V2, { bucket: "v37-prod", acl: "private" }, { bucket: ["v37"] }]), ["v37"]],
    ["V38 LogDelivery granted only READ_ACP, SSE-S3", aclLogs("v38", ["v38-acl", t.S3_BUCKET_ACL, { bucket: "v38-prod", accessControlPolicy: {
        owner: { id: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" }, grants: [{ grantee: { type: "Group", uri: LOG_DELIVERY }, permission: "READ_ACP" }] } }, { bucket: ["v38"] }]), ["v38"]],
    ["V39 aws-native accessControl Private, SSE-S3", [native("v39", { accessControl: "Private", ...nativeEnc({ sseAlgorithm: "AES256" }) })], ["v39"]],
    ["V40 preview: new bucket, private acl, grants computed", [newB("v40", { acl: "private", grants: U.array })], ["v40"], {}, true],
    ["V41 preview: BucketAclV2 private, its accessControlPolicy computed", [newB("v41"), sse("v41-sse", U.string, { sseAlgorithm: "AES256" }, ["v41"]),
        ["v41-acl", t.S3_BUCKET_ACL_V2, { bucket: U.string, acl: "private", accessControlPolicy: U.object }, { bucket: ["v41"] }]], ["v41"], {}, true],
    ["V42 preview: new bucket, nothing declared, acl and grants computed", [newB("v42", { acl: U.string, grants: U.array })], ["v42"], {}, true],
];

/** The deprecated inline SSE-KMS block of a Bucket. */
function nativeLessKms(): Record<string, unknown> {
    return { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: kms(), bucketKeyEnabled: true } } };
}

/** Rules see a secret's plain value; the engine gets the {"$secret": v} fixture marker. */
function unsecret(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(unsecret);
    if (v === null || typeof v !== "object") return v;
    if ("$secret" in v) return unsecret((v as { $secret: unknown }).$secret);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unsecret(x)]));
}

const id = (label: string) => label.split(" ")[0];
const configOf = (c: Partial<S3BucketEncryptionConfig> = {}): S3BucketEncryptionConfig => ({ allowedAlgorithms: DEFAULT_ALLOWED_ALGORITHMS, requireCustomerManagedKey: false, ...c });

function plain(resources: R[]): PlainResource[] {
    const urn = (name: string) => {
        const r = resources.find(([n]) => n === name)!;
        return `urn:pulumi:dev::project::${r[1]}::${name}`;
    };
    return resources.map(([name, type, props, deps = {}]) => {
        const propertyDependencies = Object.fromEntries(Object.entries(deps).map(([k, names]) => [k, names.map(urn)]));
        return resource(type, unsecret(props) as Record<string, unknown>, { name, propertyDependencies, dependencies: Object.values(propertyDependencies).flat() });
    });
}

describe("s3-bucket-encryption: held-out cases (seventeenth replay), pure rule", () => {
    it.each(CASES)("%s", (_label, resources, reported, config, preview = false) => {
        const found = findUnencryptedBuckets(plain(resources), configOf(config), { dryRun: preview });
        expect(found.map((f) => f.resource!.name)).toEqual(reported);
    });
});

for (const preview of [false, true]) {
    describe(`s3-bucket-encryption: held-out cases (seventeenth replay), engine path${preview ? " at preview" : ""}`, () => {
        const engine = useEngine({ dryRun: preview });
        it.each(CASES.filter(([, , , , p = false]) => p === preview))("%s", async (_label, resources, reported, config) => {
            const run = await engine.run({
                resources: resources.map(([name, type, props, deps]) => ({ type, name, props: sentinelsToWire(props), ...(deps ? { propertyDependencies: deps } : {}) })),
            }, config ? { config: { [POLICY]: { properties: config } } } : undefined);
            expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(reported);
            for (const d of run.of(POLICY)) expect(d.message).not.toContain(KEY);
        });
    });
}

void id;
