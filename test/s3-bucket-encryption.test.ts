import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { loadInputFile } from "../cli/inputs";
import { indexBuckets } from "../policies/lib/s3-buckets";
import { Finding, PlainResource } from "../policies/lib/rule";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { DEFAULT_ALLOWED_ALGORITHMS, findUnencryptedBuckets, S3BucketEncryptionConfig } from "../policies/s3-bucket-encryption";
import type { PolicyPackConfig } from "../cli/engine/policy-config";
import { runCheckAsync } from "./helpers/check";
import { assertNotShown } from "./helpers/secrets";
import { FIXTURES, useEngine } from "./helpers/engine";
import { resource } from "./helpers/resources";

const POLICY = "s3-bucket-encryption";
const DIR = path.join(FIXTURES, POLICY);
const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const SSE_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const WEBSITE = "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration";
const WEBSITE_V2 = "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const ALB = "aws:alb/loadBalancer:LoadBalancer";
const ELB = "aws:elb/loadBalancer:LoadBalancer";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const REDSHIFT_LOGGING = "aws:redshift/logging:Logging";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const LOGGING_V2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";
const U = UNKNOWN_SENTINELS;
const KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/0b6c9a52-8d1e-4f3a-9c2b-7e5d4a3f1c0e";

const DEFAULTS: S3BucketEncryptionConfig = { allowedAlgorithms: DEFAULT_ALLOWED_ALGORITHMS, requireCustomerManagedKey: false };

function urnOf(type: string, name: string): string {
    return `urn:pulumi:dev::shop::${type}::${name}`;
}

function res(type: string, name: string, props: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}): PlainResource {
    const deps: Record<string, string[]> = {};
    // A plain name is a Bucket's logical name, like fixtures; anything else is given as a URN.
    for (const [k, refs] of Object.entries(propertyDependencies)) deps[k] = refs.map((r) => (r.startsWith("urn:") ? r : urnOf(BUCKET, r)));
    return resource(type, props, { name, project: "shop", dependencies: Object.values(deps).flat(), propertyDependencies: deps });
}

/** A v7 Bucket; `bucket` and `id` both carry its physical name, as in state. */
const bucket = (name: string, extra: Record<string, unknown> = {}, deps: Record<string, string[]> = {}) =>
    res(BUCKET, name, { bucket: `${name}-prod`, id: `${name}-prod`, ...extra }, deps);
const bucketV2 = (name: string, extra: Record<string, unknown> = {}, deps: Record<string, string[]> = {}) =>
    res(BUCKET_V2, name, { bucket: `${name}-prod`, id: `${name}-prod`, ...extra }, deps);

/** Bucket's inline block: object → `rule` object → `applyServerSideEncryptionByDefault` object. */
const inline = (sseAlgorithm: unknown, kmsMasterKeyId?: unknown) => ({
    serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId }, bucketKeyEnabled: true } },
});
/** BucketV2's inline block: list → `rules` list → `applyServerSideEncryptionByDefaults` list. */
const inlineV2 = (sseAlgorithm: unknown, kmsMasterKeyId?: unknown) => ({
    serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm, kmsMasterKeyId }], bucketKeyEnabled: true }] }],
});
/** The separate resource (both tokens): `rules` list → `applyServerSideEncryptionByDefault` object. */
const sse = (name: string, target: unknown, sseAlgorithm: unknown, opts: { kmsMasterKeyId?: unknown; deps?: string[]; type?: string } = {}) =>
    res(opts.type ?? SSE, name, {
        bucket: target,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId: opts.kmsMasterKeyId }, bucketKeyEnabled: true }],
    }, opts.deps ? { bucket: opts.deps } : {});
const sseWithRules = (name: string, target: string, rules: unknown) => res(SSE, name, { bucket: target, rules });

function flagged(findings: Finding[]): string[] {
    return findings.map((f) => f.resource!.name);
}

/** An origin access identity's path, as `oai.cloudfrontAccessIdentityPath` gives it. */
const OAI_PATH = "origin-access-identity/cloudfront/E2QWRUHAPOMQZL";
/** A CloudFront S3 origin, as programs write it: `domainName: bucket.bucketRegionalDomainName`. */
const s3Origin = (domainName: unknown, access: Record<string, unknown>) => ({ domainName, originId: "s3-origin", ...access });
const viaIdentity = (identity: unknown = OAI_PATH) => ({ s3OriginConfig: { originAccessIdentity: identity } });
const distribution = (name: string, origins: unknown, originDeps: string[] = []) =>
    res(DISTRIBUTION, name, { origins, enabled: true, defaultRootObject: "index.html" }, originDeps.length ? { origins: originDeps } : {});
const OAI_URN = "urn:pulumi:dev::shop::aws:cloudfront/originAccessIdentity:OriginAccessIdentity::oai";

/** A load balancer as programs write one: `accessLogs: {bucket: logs.id, prefix, enabled: true}`. */
const loadBalancer = (name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}, type = LB) =>
    res(type, name, { internal: false, securityGroups: ["sg-0a1b2c3d4e5f60718"], ...props }, deps);

/** A public access block as programs that serve public objects write one (all four flags off). */
const openBlock = (name: string, target: unknown, flags: Record<string, unknown> = {}) => res(PUBLIC_ACCESS_BLOCK, `${name}-pab`, {
    bucket: target, blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false, ...flags,
});
/** A bucket policy statement letting anyone GET objects (ExtensionEngine/upload-jet writes it with an object-tag condition). */
const publicRead = (bucketName: string, extra: Record<string, unknown> = {}) =>
    ({ Effect: "Allow", Principal: "*", Action: ["s3:GetObject"], Resource: [`arn:aws:s3:::${bucketName}/*`], ...extra });
const bucketPolicy = (name: string, target: unknown, statements: unknown, deps: string[] = []) =>
    res(BUCKET_POLICY, `${name}-policy`, { bucket: target, policy: typeof statements === "string" ? statements : JSON.stringify({ Version: "2012-10-17", Statement: statements }) },
        deps.length ? { bucket: deps } : {});

/** A random suffix a program builds bucket names from (`random.RandomId`, whose `hex` is unknown at the first preview). */
const SUFFIX_URN = "urn:pulumi:dev::shop::random:index/randomId:RandomId::suffix";

type Case = [label: string, resources: PlainResource[], expected: [bucket: string, says: string][], config?: Partial<S3BucketEncryptionConfig>, dryRun?: boolean];

/**
 * Buckets that may have SSE-S3 (log destinations, CloudFront origins read through an OAI, anonymous readers) named
 * from a random suffix (`pulumi.interpolate\`${pulumi.getStack()}-logs-${suffix.hex}\``) and the resources that name
 * them given the same string: at the first preview both are unknown and depend on the suffix, not on each other.
 * Each program at preview (the bucket waits), and after apply (names known).
 */
function suffixSseS3Only(): Case[] {
    const NATIVE_BUCKET = "aws-native:s3:Bucket";
    const OTHER_URN = "urn:pulumi:dev::shop::random:index/randomId:RandomId::other";
    const name = (preview: boolean, base: string) => (preview ? U.string : `dev-${base}-1a2b3c4d`);
    // An AES256 bucket named from the suffix, its configuration given `bucket.id`.
    const logBucket = (preview: boolean, base: string, source = SUFFIX_URN) => [
        res(BUCKET, base, { bucket: name(preview, base), id: name(preview, base) }, { bucket: [source] }),
        sse(`${base}-sse`, name(preview, base), "AES256", { deps: [base] }),
    ];
    const programs: [label: string, program: (preview: boolean) => PlainResource[]][] = [
        ["a BucketLoggingV2's targetBucket", (p) => [...logBucket(p, "logs"), bucket("app", inline("aws:kms", KEY_ARN)),
            res(LOGGING_V2, "app-logging", { bucket: "app-prod", targetBucket: name(p, "logs"), targetPrefix: "app/" }, { bucket: ["app"], targetBucket: [SUFFIX_URN] })]],
        ["a Bucket's inline logging block", (p) => [...logBucket(p, "logs"),
            bucket("app", { ...inline("aws:kms", KEY_ARN), logging: { targetBucket: name(p, "logs"), targetPrefix: "app/" } }, { logging: [SUFFIX_URN] })]],
        ["an ALB's accessLogs.bucket", (p) => [...logBucket(p, "alb-logs"),
            loadBalancer("web", { loadBalancerType: "application", accessLogs: { bucket: name(p, "alb-logs"), prefix: "web", enabled: true } }, { accessLogs: [SUFFIX_URN] })]],
        ["a Redshift Logging's bucketName", (p) => [...logBucket(p, "audit"),
            res(REDSHIFT_LOGGING, "wh-logging", { clusterIdentifier: "wh", bucketName: name(p, "audit"), logDestinationType: "s3" }, { bucketName: [SUFFIX_URN] })]],
        ["aws-native's inline loggingConfiguration.destinationBucketName, to aws-native's bucket", (p) => [
            res(NATIVE_BUCKET, "logs", { bucketName: name(p, "logs"), bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } }, { bucketName: [SUFFIX_URN] }),
            res(NATIVE_BUCKET, "app", { bucketName: "app-prod", bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] },
                loggingConfiguration: { destinationBucketName: name(p, "logs") } }, { loggingConfiguration: [SUFFIX_URN] })]],
        ["a CloudFront origin read through an origin access identity (`${name}.s3.amazonaws.com`)", (p) => [...logBucket(p, "site"),
            distribution("cdn", [s3Origin(p ? U.string : `${name(p, "site")}.s3.amazonaws.com`, viaIdentity())], [SUFFIX_URN])]],
        ["a bucket policy read by anyone with an open block (S3 serves SSE-KMS objects to signed requests only)", (p) => [...logBucket(p, "site"),
            res(PUBLIC_ACCESS_BLOCK, "site-pab", { bucket: name(p, "site"), blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }, { bucket: [SUFFIX_URN] }),
            res(BUCKET_POLICY, "site-policy", { bucket: name(p, "site"), policy: p ? U.string : JSON.stringify({ Version: "2012-10-17", Statement: [publicRead(name(p, "site"))] }) },
                { bucket: [SUFFIX_URN], policy: [SUFFIX_URN] })]],
    ];
    return [
        ...programs.flatMap(([label, program]): Case[] => [
            [`at preview, ${label} built from the suffix of an AES256 bucket's name: the bucket waits`, program(true), [], {}, true],
            [`after apply, ${label} names the AES256 bucket: allowed`, program(false), [], {}, false],
        ]),
        ["at preview, a log target built from one suffix does not name a bucket built from another: judged",
            [...logBucket(true, "scratch", OTHER_URN), bucket("app", inline("aws:kms", KEY_ARN)),
                res(LOGGING_V2, "app-logging", { bucket: "app-prod", targetBucket: U.string, targetPrefix: "app/" }, { bucket: ["app"], targetBucket: [SUFFIX_URN] })],
            [["scratch", 'sseAlgorithm is "AES256"']], {}, true],
    ];
}

describe("findUnencryptedBuckets (pure rule)", () => {
    const cases: Case[] = [
        // Nothing declared: S3's implicit SSE-S3 is not allowed by default.
        ["Bucket declaring nothing", [bucket("a")], [["a", "S3 then applies its implicit default, SSE-S3 (AES256), which is not in allowedAlgorithms (aws:kms, aws:kms:dsse)"]]],
        ["BucketV2 declaring nothing (empty list)", [bucketV2("a", { serverSideEncryptionConfigurations: [] })], [["a", "it does not set serverSideEncryptionConfigurations"]]],
        ["Bucket with a null inline block", [bucket("a", { serverSideEncryptionConfiguration: null })], [["a", "no server-side encryption is declared"]]],
        ["nothing declared, AES256 allowed: S3's default is acceptable", [bucket("a")], [], { allowedAlgorithms: ["AES256", "aws:kms"] }],

        // Inline declarations, each bucket type in its own v7 shape.
        ["Bucket inline aws:kms", [bucket("a", inline("aws:kms", KEY_ARN))], []],
        ["Bucket inline aws:kms:dsse", [bucket("a", inline("aws:kms:dsse"))], []],
        ["Bucket inline AES256", [bucket("a", inline("AES256", ""))], [["a", 'serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm is "AES256" (SSE-S3, S3-managed keys; also S3\'s default']]],
        ["Bucket inline AES256 when AES256 is allowed", [bucket("a", inline("AES256"))], [], { allowedAlgorithms: ["AES256"] }],
        ["BucketV2 inline aws:kms", [bucketV2("a", inlineV2("aws:kms", KEY_ARN))], []],
        ["BucketV2 inline AES256", [bucketV2("a", inlineV2("AES256", ""))], [["a", 'serverSideEncryptionConfigurations[0].rules[0].applyServerSideEncryptionByDefaults[0].sseAlgorithm is "AES256"']]],
        ["BucketV2 with a second, bad rule", [bucketV2("a", { serverSideEncryptionConfigurations: [{ rules: [
            { applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms" }] },
            { applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] },
        ] }] })], [["a", "rules[1].applyServerSideEncryptionByDefaults[0].sseAlgorithm"]]],

        // Rules that set no algorithm, and odd shapes: violations, never a crash.
        ["Bucket rule without applyServerSideEncryptionByDefault", [bucket("a", { serverSideEncryptionConfiguration: { rule: { bucketKeyEnabled: true } } })],
            [["a", "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault is not set, so it declares no default encryption algorithm"]]],
        ["Bucket block without a rule", [bucket("a", { serverSideEncryptionConfiguration: {} })], [["a", "serverSideEncryptionConfiguration.rule is not set"]]],
        ["Bucket with BucketV2's list shape", [bucket("a", { serverSideEncryptionConfiguration: [{ rules: [] }] })], [["a", "serverSideEncryptionConfiguration is a list, expected an object ({rule})"]]],
        ["Bucket rule as a list", [bucket("a", { serverSideEncryptionConfiguration: { rule: [{}] } })], [["a", "serverSideEncryptionConfiguration.rule is a list, expected an object"]]],
        ["Bucket default block as a string", [bucket("a", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: "aws:kms" } } })], [["a", "applyServerSideEncryptionByDefault is a string, expected an object"]]],
        ["BucketV2 with Bucket's object shape", [bucketV2("a", { serverSideEncryptionConfigurations: { rule: {} } })], [["a", "serverSideEncryptionConfigurations is an object, expected a list of {rules}"]]],
        ["BucketV2 with an empty rule list", [bucketV2("a", { serverSideEncryptionConfigurations: [{ rules: [] }] })], [["a", "serverSideEncryptionConfigurations[0].rules is an empty list"]]],
        ["BucketV2 rule with no default blocks", [bucketV2("a", { serverSideEncryptionConfigurations: [{ rules: [{ bucketKeyEnabled: true }] }] })], [["a", "rules[0].applyServerSideEncryptionByDefaults is not set"]]],
        ["BucketV2 element that is a string", [bucketV2("a", { serverSideEncryptionConfigurations: ["aws:kms"] })], [["a", "serverSideEncryptionConfigurations[0] is a string"]]],
        ["sseAlgorithm missing", [bucket("a", inline(undefined))], [["a", "sseAlgorithm is not set"]]],
        ["sseAlgorithm a number", [bucket("a", inline(42))], [["a", "sseAlgorithm is a number, expected one of AES256, aws:kms, aws:kms:dsse"]]],
        ["sseAlgorithm S3 does not know", [bucket("a", inline("aws:kms:typo"))], [["a", "is not a value S3 accepts"]]],
        ["sseAlgorithm named like an object property", [bucket("a", inline("constructor"))], [["a", "is not a value S3 accepts"]]],

        // Separate resources, correlated by reference.
        ["SSE resource by physical name", [bucket("a"), sse("a-sse", "a-prod", "aws:kms")], []],
        ["SSE V2 resource by physical name", [bucketV2("a"), sse("a-sse", "a-prod", "aws:kms", { type: SSE_V2 })], []],
        ["SSE resource by id (state where id and bucket differ)", [res(BUCKET, "a", { bucket: "a-name", id: "a-id" }), sse("a-sse", "a-id", "aws:kms")], []],
        ["SSE resource with an unknown bucket, linked by propertyDependencies", [bucket("a"), sse("a-sse", U.string, "aws:kms", { deps: ["a"] })], []],
        ["SSE resource linked by propertyDependencies, bucket name unknown at preview",
            [res(BUCKET, "a", { bucket: U.string, serverSideEncryptionConfiguration: U.object }), sse("a-sse", U.string, "aws:kms", { deps: ["a"] })], [], {}, true],
        ["SSE resource targeting a different bucket does not count", [bucket("a"), bucket("b"), sse("b-sse", "b-prod", "aws:kms")], [["a", "no BucketServerSideEncryptionConfiguration targets it"]]],
        ["a known bucket name wins over a dependency on another bucket", [bucket("a"), bucket("b"), sse("x-sse", "b-prod", "aws:kms", { deps: ["a"] })], [["a", "no server-side encryption is declared"]]],
        ["SSE resource naming a bucket outside the stack", [bucket("a"), sse("ext-sse", "someone-elses-bucket", "aws:kms")], [["a", "no server-side encryption is declared"]]],
        ["an unknown bucket without propertyDependencies links nothing", [bucket("a"), sse("a-sse", U.string, "aws:kms")], [["a", "no server-side encryption is declared"]]],
        ["SSE resource with AES256", [bucket("a"), sse("a-sse", "a-prod", "AES256")],
            [["a", 'BucketServerSideEncryptionConfiguration "a-sse" rules[0].applyServerSideEncryptionByDefault.sseAlgorithm is "AES256" (SSE-S3, S3-managed keys), which is not in allowedAlgorithms']]],
        ["SSE resource with AES256 when allowed", [bucket("a"), sse("a-sse", "a-prod", "AES256")], [], { allowedAlgorithms: ["AES256"] }],
        ["SSE resource with an empty rule list", [bucket("a"), sseWithRules("a-sse", "a-prod", [])], [["a", 'BucketServerSideEncryptionConfiguration "a-sse" rules is an empty list']]],
        ["SSE rule without applyServerSideEncryptionByDefault", [bucket("a"), sseWithRules("a-sse", "a-prod", [{ bucketKeyEnabled: true, blockedEncryptionTypes: ["SSE-C"] }])],
            [["a", '"a-sse" rules[0].applyServerSideEncryptionByDefault is not set, so it declares no default encryption algorithm']]],
        // Blocking SSE-C alone leaves S3's default, SSE-S3: as nothing declared, it passes where AES256 is allowed.
        ["SSE rule that only blocks SSE-C, AES256 allowed", [bucket("a"), sseWithRules("a-sse", "a-prod", [{ blockedEncryptionTypes: ["SSE-C"] }])], [],
            { allowedAlgorithms: ["aws:kms", "AES256"] }],
        ["SSE rule that only blocks SSE-C, AES256 allowed but a customer managed key required", [bucket("a"), sseWithRules("a-sse", "a-prod", [{ blockedEncryptionTypes: ["SSE-C"] }])],
            [["a", "S3 applies SSE-S3 (AES256), which cannot use a customer managed KMS key"]], { allowedAlgorithms: ["aws:kms", "AES256"], requireCustomerManagedKey: true }],
        ["SSE rules as an object", [bucket("a"), sseWithRules("a-sse", "a-prod", { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } })],
            [["a", "rules is an object, expected a list"]]],
        ["SSE rules null", [bucket("a"), sseWithRules("a-sse", "a-prod", null)], [["a", '"a-sse" rules is not set']]],
        ["the separate resource wins over a stale inline AES256 read-back", [bucket("a", inline("AES256", "")), sse("a-sse", "a-prod", "aws:kms")], []],
        ["the separate resource wins over an inline aws:kms", [bucket("a", inline("aws:kms")), sse("a-sse", "a-prod", "AES256")], [["a", '"a-sse" rules[0]']]],
        ["two separate resources, one bad", [bucket("a"), sse("a-good", "a-prod", "aws:kms"), sse("a-bad", "a-prod", "AES256", { type: SSE_V2 })],
            [["a", 'BucketServerSideEncryptionConfigurationV2 "a-bad"']]],
        ["one SSE resource per bucket, many buckets", [bucket("a"), bucketV2("b"), sse("a-sse", "a-prod", "aws:kms"), sse("b-sse", U.string, "AES256", { deps: [urnOf(BUCKET_V2, "b")] })],
            [["b", '"b-sse"']]],

        // Unknowns at preview: no crash, no false violation.
        ["unknown algorithm in an SSE resource", [bucket("a"), sse("a-sse", U.string, U.string, { deps: ["a"] })], [], {}, true],
        ["unknown rules in an SSE resource", [bucket("a"), res(SSE, "a-sse", { bucket: U.string, rules: U.array }, { bucket: ["a"] })], [], {}, true],
        ["unknown rule element", [bucket("a"), sseWithRules("a-sse", "a-prod", [U.object])], []],
        ["unknown inline algorithm", [bucket("a", inline(U.string))], [], {}, true],
        ["inline block built from another resource's output (unknown, with propertyDependencies)",
            [bucketV2("a", { serverSideEncryptionConfigurations: U.array }, { serverSideEncryptionConfigurations: ["urn:pulumi:dev::shop::aws:kms/key:Key::k"] })], [], {}, true],
        ["inline block unknown only because it is computed (new bucket at preview)", [bucket("a", { serverSideEncryptionConfiguration: U.object })],
            [["a", "no server-side encryption is declared"]], {}, true],
        ["an unknown inline block outside preview (a secret in a stack export) is not judged", [bucket("a", { serverSideEncryptionConfiguration: U.string })], [], {}, false],

        // requireCustomerManagedKey.
        ["CMK required: inline aws:kms with a key", [bucket("a", inline("aws:kms", KEY_ARN))], [], { requireCustomerManagedKey: true }],
        ["CMK required: aws:kms without a key", [bucket("a", inline("aws:kms"))], [["a", "kmsMasterKeyId is not set, so S3 uses the AWS managed key aws/s3"]], { requireCustomerManagedKey: true }],
        ["CMK required: empty key (state read-back)", [bucketV2("a", inlineV2("aws:kms", ""))], [["a", "kmsMasterKeyId is not set"]], { requireCustomerManagedKey: true }],
        ["CMK required: the aws/s3 alias", [bucket("a"), sse("a-sse", "a-prod", "aws:kms", { kmsMasterKeyId: "alias/aws/s3" })], [["a", "names the AWS managed key aws/s3"]], { requireCustomerManagedKey: true }],
        ["CMK required: the aws/s3 alias ARN", [bucket("a"), sse("a-sse", "a-prod", "aws:kms:dsse", { kmsMasterKeyId: "arn:aws:kms:eu-west-1:123456789012:alias/aws/s3" })],
            [["a", "names the AWS managed key aws/s3"]], { requireCustomerManagedKey: true }],
        ["CMK required: a customer alias", [bucket("a"), sse("a-sse", "a-prod", "aws:kms", { kmsMasterKeyId: "alias/shop-data" })], [], { requireCustomerManagedKey: true }],
        ["CMK required: key unknown at preview", [bucket("a"), sse("a-sse", U.string, "aws:kms", { kmsMasterKeyId: U.string, deps: ["a"] })], [], { requireCustomerManagedKey: true }, true],
        // One name built from a random suffix and passed to the bucket and its configuration alike (public Terraform:
        // `locals { bucket_name = "example-storage-bucket-${random_id.bucket_suffix.hex}" }`): at preview the
        // configuration depends on the suffix, not the bucket, and the bucket that may be its target waits for apply.
        ["a new bucket and configuration sharing a name built from a random suffix, at preview",
            [res(BUCKET_V2, "a", { bucket: U.string, id: U.string, serverSideEncryptionConfigurations: U.array }, { bucket: [SUFFIX_URN] }),
                sse("a-sse", U.string, "aws:kms", { deps: [SUFFIX_URN] })], [], {}, true],
        ["a new website bucket with an AES256 configuration, its website configuration sharing a name built from a random suffix, at preview",
            [res(BUCKET_V2, "site", { bucket: U.string, id: U.string }, { bucket: [SUFFIX_URN] }),
                sse("site-sse", U.string, "AES256", { deps: ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::site"] }),
                res(WEBSITE, "site-website", { bucket: U.string, indexDocument: { suffix: "index.html" } }, { bucket: [SUFFIX_URN] })], [], {}, true],
        ["the same stack after apply: the known name decides (an AES256 configuration is reported)",
            [res(BUCKET_V2, "a", { bucket: "a-1a2b3c4d", id: "a-1a2b3c4d" }, { bucket: [SUFFIX_URN] }), sse("a-sse", "a-1a2b3c4d", "AES256", { deps: [SUFFIX_URN] })],
            [["a", 'sseAlgorithm is "AES256"']], {}, false],
        ["at preview, a new bucket whose name comes from another source, or is known, is still judged",
            [res(BUCKET_V2, "a", { bucket: U.string, id: U.string }, { bucket: ["urn:pulumi:dev::shop::random:index/randomId:RandomId::other"] }),
                bucketV2("b", { serverSideEncryptionConfigurations: U.array }), sse("c-sse", U.string, "aws:kms", { deps: [SUFFIX_URN] })],
            [["a", "no server-side encryption is declared"], ["b", "no server-side encryption is declared"]], {}, true],
        // The same shared name for the buckets that receive logs or serve readers that cannot use SSE-KMS: at preview
        // a destination or origin built from the suffix may name the bucket built from it, which may then have SSE-S3.
        ...suffixSseS3Only(),
        ["CMK required: allowed AES256 cannot have one", [bucket("a", inline("AES256"))], [["a", "cannot use a customer managed KMS key"]], { requireCustomerManagedKey: true, allowedAlgorithms: ["AES256", "aws:kms"] }],
        ["CMK required: nothing declared, AES256 allowed", [bucket("a")], [["a", "which cannot use a customer managed KMS key, but requireCustomerManagedKey is true"]],
            { requireCustomerManagedKey: true, allowedAlgorithms: ["AES256"] }],

        // Static websites: S3's website endpoint serves anonymous readers and cannot serve SSE-KMS
        // objects, so SSE-S3 (S3's default, or declared) is what such a bucket can have. Written as
        // public programs write them (pulumi/examples aws-ts-static-website, aws-js-s3-folder).
        ["a website Bucket (inline, deprecated) declaring nothing", [bucket("site", { website: { indexDocument: "index.html", errorDocument: "404.html" } })], []],
        ["a redirecting website Bucket", [bucket("www", { website: { redirectAllRequestsTo: "https://example.com" } })], []],
        ["a website BucketV2 (inline list) with AES256 declared", [bucketV2("site", { websites: [{ indexDocument: "index.html" }], ...inlineV2("AES256") })], []],
        ["a BucketWebsiteConfiguration naming the bucket", [bucketV2("site"), res(WEBSITE, "site-website", { bucket: "site-prod", indexDocument: { suffix: "index.html" } })], []],
        ["a BucketWebsiteConfigurationV2 and an AES256 configuration, linked at preview",
            [res(BUCKET_V2, "site", { bucket: U.string }), res(WEBSITE_V2, "site-website", { bucket: U.string, indexDocument: { suffix: "index.html" } }, { bucket: ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::site"] }),
                sse("site-sse", U.string, "AES256", { deps: ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::site"] })], [], {}, true],
        ["a website whose index document is unknown at preview", [bucket("site", { website: { indexDocument: U.string } })], [], {}, true],
        ["an empty website block is no website", [bucket("a", { website: {} })], [["a", "no server-side encryption is declared"]]],
        ["a website configuration of another bucket does not count", [bucket("a"), bucket("b"), res(WEBSITE, "b-website", { bucket: "b-prod", indexDocument: { suffix: "index.html" } })],
            [["a", "no server-side encryption is declared"]]],
        ["a website block unknown only because it is computed (new bucket at preview)", [bucket("a", { website: U.object })], [["a", "no server-side encryption is declared"]], {}, true],
        ["a website bucket when a customer managed key is required: reported (exempt it)", [bucket("site", { website: { indexDocument: "index.html" } })],
            [["site", "cannot serve SSE-KMS objects: serve the site through CloudFront with an origin access control instead, or exempt this bucket"]], { requireCustomerManagedKey: true, allowedAlgorithms: ["AES256", "aws:kms"] }],
        ["a website bucket may not name an algorithm S3 does not know", [bucket("site", { website: { indexDocument: "index.html" }, ...inline("aws:kms:typo") })], [["site", "is not a value S3 accepts"]]],

        // CloudFront origins: an origin access identity (OAI) cannot read SSE-KMS objects (only an
        // origin access control can), so SSE-S3 is what a bucket it reads can serve. Written as the
        // provider's docs and public programs write them (domainName: bucket.bucketRegionalDomainName).
        ["a bucket CloudFront reads through an OAI, declaring nothing",
            [bucketV2("assets"), distribution("cdn", [s3Origin("assets-prod.s3.eu-west-1.amazonaws.com", viaIdentity())])], []],
        ["an OAI origin by the legacy global endpoint, with AES256 declared",
            [bucket("assets"), sse("assets-sse", "assets-prod", "AES256"), distribution("cdn", [s3Origin("assets-prod.s3.amazonaws.com", viaIdentity())])], []],
        ["an OAI origin whose bucket name has dots",
            [res(BUCKET_V2, "site", { bucket: "static.example.com", id: "static.example.com" }), distribution("cdn", [s3Origin("static.example.com.s3.us-east-1.amazonaws.com", viaIdentity())])], []],
        ["a new bucket and OAI at preview: the origin is linked through propertyDependencies",
            [res(BUCKET_V2, "assets", { bucket: U.string, id: U.string }), distribution("cdn", [s3Origin(U.string, viaIdentity(U.string))], ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::assets", OAI_URN])], [], {}, true],
        ["an origin list built in an apply at preview may read the bucket through an OAI",
            [bucket("assets"), distribution("cdn", U.array, ["assets"])], [], {}, true],
        ["an OAI origin whose identity is unknown at preview may be one", [bucket("assets"), distribution("cdn", [s3Origin("assets-prod.s3.eu-west-1.amazonaws.com", viaIdentity(U.string))])], [], {}, true],
        ["an origin access control can read SSE-KMS: the bucket is judged as any other",
            [bucketV2("assets"), distribution("cdn", [s3Origin("assets-prod.s3.eu-west-1.amazonaws.com", { originAccessControlId: "E3QWRUHAPOMQZL" })])],
            [["assets", "no server-side encryption is declared"]]],
        ["an empty originAccessIdentity (Terraform's way to write no identity) is none",
            [bucketV2("assets"), distribution("cdn", [s3Origin("assets-prod.s3.eu-west-1.amazonaws.com", { originAccessControlId: "E3QWRUHAPOMQZL", ...viaIdentity("") })])],
            [["assets", "no server-side encryption is declared"]]],
        ["an OAI origin reading another bucket does not count",
            [bucket("a"), bucket("b"), distribution("cdn", [s3Origin("b-prod.s3.eu-west-1.amazonaws.com", viaIdentity())])], [["a", "no server-side encryption is declared"]]],
        ["a custom origin is not an OAI", [bucket("a"), distribution("cdn", [s3Origin("api.example.com", { customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } })])],
            [["a", "no server-side encryption is declared"]]],
        ["at preview, an unknown origin that depends on no bucket reads none of them",
            [bucket("a"), distribution("cdn", [s3Origin(U.string, viaIdentity(U.string))], [OAI_URN])], [["a", "no server-side encryption is declared"]], {}, true],
        ["an OAI bucket when a customer managed key is required: reported, with the way out (an origin access control)",
            [bucketV2("assets"), distribution("cdn", [s3Origin("assets-prod.s3.eu-west-1.amazonaws.com", viaIdentity())])],
            [["assets", "origin access identity, which cannot read SSE-KMS objects: give the distribution's origin an origin access control"]], { requireCustomerManagedKey: true }],

        // Load balancer logs: Elastic Load Balancing writes an Application or Classic Load Balancer's
        // logs only to buckets with SSE-S3 (AWS's ELB guides; aws-cdk throws "Bucket encryption using
        // KMS keys is unsupported" for such a bucket). Network Load Balancers can use a customer key.
        ["an ALB's access log bucket, declaring nothing",
            [bucketV2("alb-logs"), loadBalancer("web", { loadBalancerType: "application", accessLogs: { bucket: "alb-logs-prod", prefix: "web", enabled: true } })], []],
        ["an ALB (aws.alb token, default type) whose connection and health check logs go to AES256 buckets",
            [bucket("conn-logs", inline("AES256")), bucket("health-logs"), loadBalancer("web", {
                connectionLogs: { bucket: "conn-logs-prod", enabled: true }, healthCheckLogs: { bucket: "health-logs-prod", enabled: true },
            }, {}, ALB)], []],
        ["a Classic Load Balancer's access log bucket (enabled by default)", [bucket("elb-logs"), loadBalancer("classic", { accessLogs: { bucket: "elb-logs-prod", interval: 60 } }, {}, ELB)], []],
        ["a new log bucket at preview, linked through propertyDependencies",
            [res(BUCKET_V2, "alb-logs", { bucket: U.string, id: U.string }), loadBalancer("web", { loadBalancerType: "application", accessLogs: { bucket: U.string, enabled: true } }, { accessLogs: ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::alb-logs"] })], [], {}, true],
        ["a log block whose `enabled` is unknown at preview may deliver", [bucket("alb-logs"), loadBalancer("web", { accessLogs: { bucket: "alb-logs-prod", enabled: U.boolean } })], [], {}, true],
        ["a Network Load Balancer's log bucket can use a customer managed key: judged as any other",
            [bucket("nlb-logs"), loadBalancer("tcp", { loadBalancerType: "network", accessLogs: { bucket: "nlb-logs-prod", enabled: true } })], [["nlb-logs", "no server-side encryption is declared"]]],
        ["ALB access logs left disabled (the provider's default, even with a bucket) deliver nothing",
            [bucket("a"), bucket("b"), loadBalancer("web", { accessLogs: { bucket: "a-prod" }, connectionLogs: { bucket: "b-prod", enabled: false } })],
            [["a", "no server-side encryption is declared"], ["b", "no server-side encryption is declared"]]],
        ["Classic access logs disabled deliver nothing", [bucket("a"), loadBalancer("classic", { accessLogs: { bucket: "a-prod", enabled: false } }, {}, ELB)], [["a", "no server-side encryption is declared"]]],
        ["at preview, a log bucket that depends on no bucket receives nothing here",
            [bucket("a"), loadBalancer("web", { accessLogs: { bucket: U.string, enabled: true } })], [["a", "no server-side encryption is declared"]], {}, true],
        ["a log bucket when a customer managed key is required: reported, saying why and what to do",
            [bucket("alb-logs"), loadBalancer("web", { accessLogs: { bucket: "alb-logs-prod", enabled: true } })],
            [["alb-logs", "delivers its logs only to buckets encrypted with SSE-S3: keep this bucket for those logs and exempt it with a reason"]], { requireCustomerManagedKey: true }],

        // A bucket policy letting Elastic Load Balancing write objects shows an ALB or Classic Load
        // Balancer log bucket even when the load balancers live in another stack or account (a
        // central log bucket: Coalfire-CF/terraform-aws-account-setup s3-elb-accesslogs, with
        // `enable_kms = false` because "KMS keys are not supported"; nationalarchives
        // tdr-terraform-modules s3/templates/alb_logging_euwest2.json.tpl). AWS's ALB guide names
        // a Region's ELB account root, or logdelivery.elasticloadbalancing.amazonaws.com.
        ["a central ELB log bucket with AES256, its policy granting a Region's ELB account (no load balancer in the stack)",
            [bucket("elb-logs", inline("AES256")), bucketPolicy("elb-logs", "elb-logs-prod", [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::652711504416:root" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::elb-logs-prod/AWSLogs/*" }])], []],
        ["an ALB log bucket declaring nothing, its policy granting the ELB log delivery service",
            [bucketV2("alb-logs"), bucketPolicy("alb-logs", "alb-logs-prod", [{ Sid: "AWSALBAccessLogsPolicy", Effect: "Allow", Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" }, Action: ["s3:PutObject"], Resource: ["arn:aws:s3:::alb-logs-prod/*"] }])], []],
        ["an ELB account given as a bare id, beside NLB delivery, in the deprecated inline policy",
            [bucket("lb-logs", { ...inline("AES256"), policy: JSON.stringify({ Version: "2012-10-17", Statement: [
                { Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::lb-logs-prod/*" },
                { Effect: "Allow", Principal: { AWS: ["127311923021"] }, Action: "s3:Put*", Resource: "arn:aws:s3:::lb-logs-prod/*" }] }) })], []],
        ["at preview, a known ELB grant on a new bucket's policy, linked through propertyDependencies",
            [res(BUCKET_V2, "elb-logs", { bucket: U.string, id: U.string }),
                bucketPolicy("elb-logs", U.string, [{ Effect: "Allow", Principal: { AWS: "arn:aws-us-gov:iam::048591011584:root" }, Action: "s3:PutObject", Resource: "arn:aws-us-gov:s3:::gov-elb-logs/*" }], ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::elb-logs"])], [], {}, true],
        ["NLB log delivery alone (delivery.logs.amazonaws.com) can use a customer managed key: judged as any other",
            [bucket("nlb-logs"), bucketPolicy("nlb-logs", "nlb-logs-prod", [{ Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::nlb-logs-prod/*" }])],
            [["nlb-logs", "no server-side encryption is declared"]]],
        ["an ELB account denied, or only allowed to read, writes no logs: judged as any other",
            [bucket("a"), bucket("b"), bucketPolicy("a", "a-prod", [{ Effect: "Deny", Principal: { AWS: "arn:aws:iam::127311923021:root" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::a-prod/*" }]),
                bucketPolicy("b", "b-prod", [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::127311923021:root" }, Action: "s3:GetBucketAcl", Resource: "arn:aws:s3:::b-prod" }])],
            [["a", "no server-side encryption is declared"], ["b", "no server-side encryption is declared"]]],
        ["another account's root, not an ELB account, writing objects: judged as any other",
            [bucket("a"), bucketPolicy("a", "a-prod", [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::a-prod/*" }])],
            [["a", "no server-side encryption is declared"]]],
        ["at preview, a policy document still unknown may be such a grant: not judged until it is known",
            [res(BUCKET_V2, "elb-logs", { bucket: U.string, id: U.string }), bucketPolicy("elb-logs", U.string, U.string, ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::elb-logs"])], [], {}, true],
        ["at preview, an unknown policy that depends on no bucket leaves the buckets judged",
            [bucket("a"), bucketPolicy("other", U.string, U.string)], [["a", "no server-side encryption is declared"]], {}, true],
        ["a known policy denying insecure transport grants Elastic Load Balancing nothing: judged as any other",
            [bucket("a"), bucketPolicy("a", "a-prod", [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::a-prod", "arn:aws:s3:::a-prod/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }])],
            [["a", "no server-side encryption is declared"]]],
        ["an ELB log bucket by its policy when a customer managed key is required: reported, saying why and what to do",
            [bucket("elb-logs", inline("AES256")), bucketPolicy("elb-logs", "elb-logs-prod", [{ Effect: "Allow", Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::elb-logs-prod/*" }])],
            [["elb-logs", "delivers its logs only to buckets encrypted with SSE-S3: keep this bucket for those logs and exempt it with a reason"]], { requireCustomerManagedKey: true }],

        // Redshift audit logs: "you can only use Amazon S3-managed keys (SSE-S3) encryption (AES-256)
        // for audit logging" (Redshift management guide, db-auditing); aws.redshift.Logging names the bucket.
        ["a Redshift audit log bucket with SSE-S3 (a Terraform module's redshift logs bucket, AES256 inline)",
            [bucket("redshift-logs", inline("AES256")), res(REDSHIFT_LOGGING, "audit", { clusterIdentifier: "dwh", logDestinationType: "s3", bucketName: "redshift-logs-prod", s3KeyPrefix: "audit/" })], []],
        ["a Redshift audit log bucket declaring nothing, named without a destination type (S3 then)",
            [bucketV2("redshift-logs"), res(REDSHIFT_LOGGING, "audit", { clusterIdentifier: "dwh", bucketName: "redshift-logs-prod" })], []],
        ["a new Redshift audit log bucket at preview, linked through propertyDependencies",
            [res(BUCKET_V2, "redshift-logs", { bucket: U.string, id: U.string }),
                res(REDSHIFT_LOGGING, "audit", { clusterIdentifier: "dwh", logDestinationType: "s3", bucketName: U.string }, { bucketName: ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::redshift-logs"] })], [], {}, true],
        ["Redshift audit logs sent to CloudWatch write no bucket",
            [bucket("redshift-logs", inline("AES256")), res(REDSHIFT_LOGGING, "audit", { clusterIdentifier: "dwh", logDestinationType: "cloudwatch", logExports: ["userlog"] })],
            [["redshift-logs", 'sseAlgorithm is "AES256"']]],
        ["Redshift audit logs naming another bucket leave this one judged",
            [bucket("data"), res(REDSHIFT_LOGGING, "audit", { clusterIdentifier: "dwh", logDestinationType: "s3", bucketName: "elsewhere-prod" })],
            [["data", "no server-side encryption is declared"]]],
        ["a Redshift audit log bucket when a customer managed key is required: reported, saying why and what to do",
            [bucket("redshift-logs", inline("AES256")), res(REDSHIFT_LOGGING, "audit", { clusterIdentifier: "dwh", bucketName: "redshift-logs-prod" })],
            [["redshift-logs", "Amazon Redshift writes audit logs only to buckets encrypted with SSE-S3"]], { requireCustomerManagedKey: true }],

        // Server access logs: "You can use default bucket encryption on the target bucket only if
        // you use SSE-S3 ... SSE-KMS is not supported for server access logging target buckets"
        // (S3 user guide, enable-server-access-logging and troubleshooting-server-access-logging).
        // Written as the provider's docs and public programs write them (BucketLogging with
        // `targetBucket: logBucket.id`; pulumi/pulumi codegen testdata aws-s3-logging: inline
        // `loggings: [{targetBucket: logs.bucket}]`).
        ["a server access log target named by a BucketLogging, declaring nothing",
            [bucketV2("source"), bucketV2("access-logs"), sse("source-sse", "source-prod", "aws:kms", { kmsMasterKeyId: KEY_ARN }),
                res(LOGGING, "source-logging", { bucket: "source-prod", targetBucket: "access-logs-prod", targetPrefix: "log/" })], []],
        ["a BucketLoggingV2 target with AES256 declared",
            [bucket("access-logs"), sse("access-logs-sse", "access-logs-prod", "AES256"), bucket("source", inline("aws:kms", KEY_ARN)),
                res(LOGGING_V2, "source-logging", { bucket: "source-prod", targetBucket: "access-logs-prod", targetPrefix: "log/" })], []],
        ["a target named by a BucketV2's inline `loggings` (deprecated)",
            [bucketV2("logs"), bucketV2("site", { ...inlineV2("aws:kms", KEY_ARN), loggings: [{ targetBucket: "logs-prod", targetPrefix: "" }] })], []],
        ["a target named by a Bucket's inline `logging` object (deprecated)",
            [bucket("logs", inline("AES256")), bucket("data", { ...inline("aws:kms", KEY_ARN), logging: { targetBucket: "logs-prod", targetPrefix: "data/" } })], []],
        ["a central access log bucket by its policy (AWS's example: logging.s3.amazonaws.com, SourceArn and SourceAccount), its sources elsewhere",
            [bucketV2("access-logs"), bucketPolicy("access-logs", "access-logs-prod", [{
                Sid: "S3ServerAccessLogsPolicy", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: ["s3:PutObject"],
                Resource: "arn:aws:s3:::access-logs-prod/EXAMPLE-LOGGING-PREFIX*",
                Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::source-bucket" }, StringEquals: { "aws:SourceAccount": "123456789012" } },
            }])], []],
        ["at preview, a new target linked through propertyDependencies",
            [res(BUCKET_V2, "logs", { bucket: U.string, id: U.string }), bucketV2("source", inlineV2("aws:kms", KEY_ARN)),
                res(LOGGING, "source-logging", { bucket: "source-prod", targetBucket: U.string, targetPrefix: "log/" }, { targetBucket: ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::logs"] })], [], {}, true],
        ["at preview, inline `loggings` the program builds from another output may name the bucket it depends on",
            [bucket("logs"), bucketV2("site", { ...inlineV2("aws:kms", KEY_ARN), loggings: U.array }, { loggings: ["logs"] })], [], {}, true],
        ["the source of a BucketLogging is judged as any other",
            [bucket("source"), bucket("logs", inline("AES256")), res(LOGGING, "source-logging", { bucket: "source-prod", targetBucket: "logs-prod" })],
            [["source", "no server-side encryption is declared"]]],
        ["at preview, an unknown target that depends on no bucket receives nothing here",
            [bucket("a"), res(LOGGING, "other-logging", { bucket: U.string, targetBucket: U.string })], [["a", "no server-side encryption is declared"]], {}, true],
        ["at preview, inline `loggings` unknown only because they are computed (a new bucket) name no target",
            [bucket("a"), bucketV2("b", { ...inlineV2("aws:kms", KEY_ARN), loggings: U.array })], [["a", "no server-side encryption is declared"]], {}, true],
        ["a BucketLogging naming another bucket leaves this one judged",
            [bucket("a"), res(LOGGING, "x-logging", { bucket: "x-prod", targetBucket: "elsewhere-prod" })], [["a", "no server-side encryption is declared"]]],
        ["the logging service denied, or only allowed to read: judged as any other",
            [bucket("a"), bucket("b"), bucketPolicy("a", "a-prod", [{ Effect: "Deny", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::a-prod/*" }]),
                bucketPolicy("b", "b-prod", [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b-prod/*" }])],
            [["a", "no server-side encryption is declared"], ["b", "no server-side encryption is declared"]]],
        ["an access log target when a customer managed key is required: reported, saying why and what to do",
            [bucket("logs", inline("AES256")), res(LOGGING, "data-logging", { bucket: "data-prod", targetBucket: "logs-prod" })],
            [["logs", "S3 delivers server access logs only to buckets encrypted with SSE-S3"]], { requireCustomerManagedKey: true }],

        // Buckets anyone may read: S3 refuses unsigned (anonymous) requests for SSE-KMS objects, so
        // a bucket whose policy lets anyone GET objects can only serve SSE-S3. New buckets block public
        // policies unless a public access block turns blockPublicPolicy and restrictPublicBuckets off.
        ["a public-read bucket policy (objects tagged public) with its public access block off",
            [bucket("uploads"), openBlock("uploads", "uploads-prod", { blockPublicAcls: true, ignorePublicAcls: true }),
                bucketPolicy("uploads", "uploads-prod", [publicRead("uploads-prod", { Condition: { StringEquals: { "s3:ExistingObjectTag/policy": "public" } } })])], []],
        ["a public-read policy written as an object, with a TLS-only deny beside it",
            [bucketV2("frontend"), openBlock("frontend", "frontend-prod"), res(BUCKET_POLICY, "frontend-policy", { bucket: "frontend-prod", policy: {
                Version: "2012-10-17",
                Statement: [{ ...publicRead("frontend-prod"), Action: "s3:GetObject" },
                    { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::frontend-prod/*", Condition: { Bool: { "aws:SecureTransport": "false" } } }],
            } })], []],
        ["`s3:Get*` for `{AWS: \"*\"}`, with a referer condition (hotlink protection)",
            [bucket("media"), openBlock("media", "media-prod"), bucketPolicy("media", "media-prod", [{ ...publicRead("media-prod"), Principal: { AWS: "*" }, Action: "s3:Get*", Condition: { StringLike: { "aws:Referer": ["https://example.com/*"] } } }])], []],
        ["at preview, a new bucket's policy and public access block, linked by dependencies, the document unknown",
            [res(BUCKET_V2, "site", { bucket: U.string, id: U.string }), res(PUBLIC_ACCESS_BLOCK, "site-pab", { bucket: U.string, blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }, { bucket: ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::site"] }),
                bucketPolicy("site", U.string, U.string, ["urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::site"])], [], {}, true],
        ["without a public access block, S3 blocks public policies on new buckets: judged as any other",
            [bucket("a"), bucketPolicy("a", "a-prod", [publicRead("a-prod")])], [["a", "no server-side encryption is declared"]]],
        ["a public access block that keeps blockPublicPolicy on", [bucket("a"), openBlock("a", "a-prod", { blockPublicPolicy: true }), bucketPolicy("a", "a-prod", [publicRead("a-prod")])],
            [["a", "no server-side encryption is declared"]]],
        ["a public access block that keeps restrictPublicBuckets on", [bucket("a"), openBlock("a", "a-prod", { restrictPublicBuckets: true }), bucketPolicy("a", "a-prod", [publicRead("a-prod")])],
            [["a", "no server-side encryption is declared"]]],
        ["`*` pinned to a VPC endpoint is access for signed callers: judged as any other",
            [bucket("a"), openBlock("a", "a-prod"), bucketPolicy("a", "a-prod", [publicRead("a-prod", { Condition: { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } } })])],
            [["a", "no server-side encryption is declared"]]],
        ["`*` pinned to the organization", [bucket("a"), openBlock("a", "a-prod"), bucketPolicy("a", "a-prod", [publicRead("a-prod", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } })])],
            [["a", "no server-side encryption is declared"]]],
        ["anyone may only PUT (an upload drop box), not read", [bucket("a"), openBlock("a", "a-prod"), bucketPolicy("a", "a-prod", [{ ...publicRead("a-prod"), Action: "s3:PutObject" }])],
            [["a", "no server-side encryption is declared"]]],
        ["a role, not anyone, may read", [bucket("a"), openBlock("a", "a-prod"), bucketPolicy("a", "a-prod", [{ ...publicRead("a-prod"), Principal: { AWS: "arn:aws:iam::123456789012:role/reader" } }])],
            [["a", "no server-side encryption is declared"]]],
        ["NotAction excluding s3:GetObject", [bucket("a"), openBlock("a", "a-prod"), bucketPolicy("a", "a-prod", [{ Effect: "Allow", Principal: "*", NotAction: "s3:Get*", Resource: "arn:aws:s3:::a-prod/*" }])],
            [["a", "no server-side encryption is declared"]]],
        ["the public policy of another bucket does not count", [bucket("a"), bucket("b"), openBlock("a", "a-prod"), bucketPolicy("b", "b-prod", [publicRead("b-prod")])],
            [["a", "no server-side encryption is declared"], ["b", "no server-side encryption is declared"]]],
        ["a public bucket when a customer managed key is required: reported, saying why and what to do",
            [bucket("uploads"), openBlock("uploads", "uploads-prod"), bucketPolicy("uploads", "uploads-prod", [publicRead("uploads-prod")])],
            [["uploads", "S3 refuses unsigned requests for SSE-KMS objects: read them through CloudFront with an origin access control instead, or exempt this bucket"]], { requireCustomerManagedKey: true }],

        // Not buckets.
        ["other resources are ignored", [res("aws:rds/instance:Instance", "db", {}), sse("lonely", "nobody", "AES256")], []],
    ];

    it.each(cases)("%s", (_label, resources, expected, config = {}, dryRun = false) => {
        const findings = findUnencryptedBuckets(resources, { ...DEFAULTS, ...config }, { dryRun });
        expect(flagged(findings)).toEqual(expected.map(([name]) => name));
        findings.forEach((f, i) => {
            expect(f.message).toContain(expected[i][1]);
            // Names the bucket and says how to fix it.
            expect(f.message).toMatch(new RegExp(`^aws:s3/bucket(V2)?:Bucket(V2)? "${expected[i][0]}": `));
            expect(f.message).toMatch(/Set |Use |Add |Declare /);
            expect(f.resource).toEqual({ urn: expect.stringContaining(`::${expected[i][0]}`), type: expect.stringMatching(/^aws:s3\/bucket(V2)?:/), name: expected[i][0] });
        });
    });

    // The forms of an S3 REST endpoint a CloudFront origin can name (AWS's S3 endpoint list).
    it.each([
        ["assets-prod.s3.amazonaws.com", true],
        ["assets-prod.s3.eu-west-1.amazonaws.com", true],
        ["assets-prod.s3-us-west-2.amazonaws.com", true],
        ["assets-prod.s3.dualstack.us-gov-west-1.amazonaws.com", true],
        ["assets-prod.s3.cn-north-1.amazonaws.com.cn", true],
        ["assets-prod.s3-website-eu-west-1.amazonaws.com", false],
        ["assets-prod.s3-website.eu-west-1.amazonaws.com", false],
        ["other-assets-prod.s3.eu-west-1.amazonaws.com", false],
        ["assets-prod.example.com", false],
    ])("an OAI origin at %s reads the bucket: %s", (domain, reads) => {
        const findings = findUnencryptedBuckets([bucketV2("assets"), distribution("cdn", [s3Origin(domain, viaIdentity())])], DEFAULTS);
        expect(flagged(findings)).toEqual(reads ? [] : ["assets"]);
    });

    it("names the fix in the message for a bucket declaring nothing", () => {
        const [finding] = findUnencryptedBuckets([bucket("logs")], DEFAULTS);
        expect(finding.message).toBe(
            'aws:s3/bucket:Bucket "logs": no server-side encryption is declared (no BucketServerSideEncryptionConfiguration targets it and it does not set ' +
                "serverSideEncryptionConfiguration). S3 then applies its implicit default, SSE-S3 (AES256), which is not in allowedAlgorithms (aws:kms, aws:kms:dsse). " +
                "Add an aws.s3.BucketServerSideEncryptionConfiguration with `bucket: <bucket>.id` and a rule " +
                '`applyServerSideEncryptionByDefault: {sseAlgorithm: "aws:kms", kmsMasterKeyId: <key>.arn}`, or add "AES256" to allowedAlgorithms if S3-managed keys are acceptable.',
        );
    });

    it("never echoes key ids or unrecognised values", () => {
        const secretish = "arn:aws:kms:eu-west-1:123456789012:key/SECRET-LOOKING-VALUE";
        const findings = findUnencryptedBuckets([
            bucket("a", inline("SECRET-ALGORITHM-VALUE", secretish)),
            bucket("b"), sse("b-sse", "b-prod", "AES256", { kmsMasterKeyId: secretish }),
            bucket("c", inline("aws:kms", { nested: "SECRET-LOOKING-VALUE" })),
        ], { ...DEFAULTS, requireCustomerManagedKey: true });
        expect(flagged(findings)).toEqual(["a", "b", "c"]);
        for (const f of findings) assertNotShown(f.message, ["SECRET"], "a finding");
    });

    it("never throws on arbitrary values where blocks are expected", () => {
        const odd = [undefined, null, 0, 1, true, "", "x", [], [null], [[]], {}, { rule: null }, { rules: [null] }, [{ rules: [{ applyServerSideEncryptionByDefaults: [null, 3] }] }]];
        for (const v of odd) {
            expect(() => findUnencryptedBuckets([
                bucket("a", { serverSideEncryptionConfiguration: v }),
                bucketV2("b", { serverSideEncryptionConfigurations: v }),
                bucket("c"), res(SSE, "c-sse", { bucket: "c-prod", rules: v }),
                bucket("d"), res(SSE_V2, "d-sse", { bucket: v, rules: [{ applyServerSideEncryptionByDefault: v }] }, { bucket: ["d"] }),
            ], DEFAULTS)).not.toThrow();
        }
    });

    // Half the SSE resources by name, half by propertyDependencies with an unknown name.
    const bigStack = (n: number, wrap: (r: PlainResource) => PlainResource = (r) => r) => {
        const resources: PlainResource[] = [];
        for (let i = 0; i < n; i++) {
            resources.push(wrap(i % 3 ? bucket(`b${i}`) : bucketV2(`b${i}`, inlineV2("aws:kms"))));
            resources.push(i % 2 ? sse(`s${i}`, `b${i}-prod`, "aws:kms") : sse(`s${i}`, U.string, "aws:kms", { deps: [urnOf(i % 3 ? BUCKET : BUCKET_V2, `b${i}`)] }));
        }
        resources.push(wrap(bucket("plain")));
        return resources;
    };

    it("looks at each bucket a bounded number of times (no nested loop)", () => {
        // Counting reads is deterministic where timing on a shared machine is not.
        let reads = 0;
        const counting = <T extends object>(target: T): T => new Proxy(target, { get: (o, k) => (reads++, Reflect.get(o, k)) });
        const wrap = (r: PlainResource) => counting({ ...r, props: counting(r.props) });
        const n = 4_000;
        expect(flagged(findUnencryptedBuckets(bigStack(n, wrap), DEFAULTS))).toEqual(["plain"]);
        // A nested loop over buckets reads each of them thousands of times; one pass per concern about 60
        // (each of the bucket's inline blocks, its policy, its public access block, aws-native's shapes).
        expect(reads / n).toBeLessThan(75);
    });

    // Speed on 10,000 resources is measured by `npm run bench`, not asserted here.
    it("correlates a 10,000-bucket stack correctly", () => {
        expect(flagged(findUnencryptedBuckets(bigStack(10_000), DEFAULTS))).toEqual(["plain"]);
    });
});

describe("findUnencryptedBuckets (pure rule): aws-native buckets, as pulumi-cdk sends a CDK bucket", () => {
    // pulumi-cdk sends AWS::S3::Bucket and BucketPolicy as aws-native resources (cfn-resource-mappings.ts),
    // camelCase as aws-native's SDK takes them. What CDK writes is aws-cdk's aws-s3 bucket.ts: no
    // BucketEncryption unless `encryption` or `encryptionKey` is given (S3 then applies SSE-S3).
    const NATIVE = "aws-native:s3:Bucket";
    const NATIVE_POLICY = "aws-native:s3:BucketPolicy";
    const STRICT: S3BucketEncryptionConfig = { ...DEFAULTS, requireCustomerManagedKey: true };
    const SSE_S3_OK: S3BucketEncryptionConfig = { ...DEFAULTS, allowedAlgorithms: ["AES256", ...DEFAULT_ALLOWED_ALGORITHMS] };
    const native = (name: string, extra: Record<string, unknown> = {}, deps: Record<string, string[]> = {}) =>
        res(NATIVE, name, { bucketName: `${name}-1a2b3c`, ...extra }, deps);
    const encryption = (byDefault: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) =>
        ({ bucketEncryption: { serverSideEncryptionConfiguration: [{ ...(byDefault ? { serverSideEncryptionByDefault: byDefault } : {}), ...extra }] } });
    const nativePolicy = (name: string, target: string, statements: unknown[]) =>
        res(NATIVE_POLICY, name, { bucket: `${target}-1a2b3c`, policyDocument: { Version: "2012-10-17", Statement: statements } });
    const tls = { Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } }, Effect: "Deny", Principal: { AWS: "*" }, Resource: "*" };
    const check = (resources: PlainResource[], config = DEFAULTS, dryRun = false) => findUnencryptedBuckets(resources, config, { dryRun });

    it.each([
        ["BucketEncryption.KMS with its key: passes even when a customer managed key is required", encryption({ sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, { bucketKeyEnabled: true }), STRICT],
        ["BucketEncryption.KMS_MANAGED (aws:kms, aws/s3): passes by default", encryption({ sseAlgorithm: "aws:kms" }), DEFAULTS],
        ["BucketEncryption.DSSE_MANAGED", encryption({ sseAlgorithm: "aws:kms:dsse" }), DEFAULTS],
        ["BucketEncryption.S3_MANAGED where AES256 is allowed", encryption({ sseAlgorithm: "AES256" }), SSE_S3_OK],
        ["CDK's default bucket (no BucketEncryption) where AES256 is allowed", {}, SSE_S3_OK],
        ["a rule that only blocks SSE-C where AES256 is allowed", encryption(undefined, { blockedEncryptionTypes: { encryptionType: ["SSE-C"] } }), SSE_S3_OK],
    ])("passes %s", (_label, props, config) => {
        expect(check([native("data", props)], config)).toEqual([]);
    });

    it("at preview, a key or a whole block not known yet is not judged, whatever the config", () => {
        for (const props of [encryption({ sseAlgorithm: "aws:kms", kmsMasterKeyId: U.string }), { bucketEncryption: U.object }, encryption({ sseAlgorithm: U.string })]) {
            expect(check([native("data", props)], STRICT, true)).toEqual([]);
            expect(check([native("data", props)], DEFAULTS, true)).toEqual([]);
        }
    });

    it("reports what it reports on a classic bucket: nothing declared, SSE-S3, aws/s3 under requireCustomerManagedKey, a rule only blocking SSE-C", () => {
        const [undeclared] = check([native("data")]);
        expect(undeclared.message).toMatch(/^aws-native:s3:Bucket "data": no server-side encryption is declared \(it does not set bucketEncryption\)\. S3 then applies its implicit default, SSE-S3 \(AES256\), which is not in allowedAlgorithms/);
        expect(undeclared.message).toContain("encryption: s3.BucketEncryption.KMS");
        const [sseS3] = check([native("data", encryption({ sseAlgorithm: "AES256" }))]);
        expect(sseS3.message).toContain('aws-native:s3:Bucket "data": bucketEncryption.serverSideEncryptionConfiguration[0].serverSideEncryptionByDefault.sseAlgorithm is "AES256"');
        expect(sseS3.message).toContain("set in the bucket's bucketEncryption");
        const [awsManaged] = check([native("data", encryption({ sseAlgorithm: "aws:kms" }))], STRICT);
        expect(awsManaged.message).toContain("serverSideEncryptionByDefault.kmsMasterKeyId is not set, so S3 uses the AWS managed key aws/s3");
        const [blockOnly] = check([native("data", encryption(undefined, { blockedEncryptionTypes: { encryptionType: ["SSE-C"] } }))]);
        expect(blockOnly.message).toContain("serverSideEncryptionConfiguration[0].serverSideEncryptionByDefault is not set, so it declares no default encryption algorithm and S3 applies SSE-S3");
        expect(check([native("data", { bucketEncryption: { serverSideEncryptionConfiguration: [] } })]).map((f) => f.message))
            .toEqual([expect.stringContaining("bucketEncryption.serverSideEncryptionConfiguration is an empty list")]);
        // CDK's enforceSSL alone changes nothing.
        expect(flagged(check([native("data"), nativePolicy("DataPolicy", "data", [tls])]))).toEqual(["data"]);
    });

    it("server access log targets (serverAccessLogsBucket): destinationBucketName, the source itself when unset, a logging.s3 grant; unknown at preview", () => {
        const source = native("orders", { ...encryption({ sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }), loggingConfiguration: { destinationBucketName: "logs-1a2b3c", logFilePrefix: "orders/" } });
        expect(check([native("logs"), source])).toEqual([]);
        const strict = check([native("logs"), source], STRICT);
        expect(flagged(strict)).toEqual(["logs"]);
        expect(strict[0].message).toContain("S3 delivers server access logs only to buckets encrypted with SSE-S3");
        // A new target's name unknown at preview: found through the dependency, and not judged.
        const pending = native("orders", { ...encryption({ sseAlgorithm: "aws:kms" }), loggingConfiguration: { destinationBucketName: U.string } },
            { loggingConfiguration: [urnOf(NATIVE, "logs")] });
        expect(check([native("logs", { bucketName: U.string }), pending], DEFAULTS, true)).toEqual([]);
        // serverAccessLogsPrefix without a bucket: S3 writes the logs into the bucket itself; a destination or block not known yet may be left out.
        expect(check([native("self", { loggingConfiguration: { logFilePrefix: "access/" } })])).toEqual([]);
        expect(check([native("self", { loggingConfiguration: { destinationBucketName: U.string } })], DEFAULTS, true)).toEqual([]);
        expect(check([native("self", { loggingConfiguration: U.object })], DEFAULTS, true)).toEqual([]);
        // A central log bucket whose sources are elsewhere: CDK's grant, pinned to the source.
        const grant = { Action: "s3:PutObject", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Resource: "arn:aws:s3:::central-1a2b3c/*",
            Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::orders-9f8e7d" }, StringEquals: { "aws:SourceAccount": "123456789012" } } };
        expect(check([native("central"), nativePolicy("CentralPolicy", "central", [grant, tls])])).toEqual([]);
        expect(flagged(check([native("central")]))).toEqual(["central"]);
    });

    it("a bucket an aws-native distribution reads through an origin access identity (CDK's S3Origin) may keep SSE-S3; through an origin access control it may not", () => {
        // CDK's S3Origin: DomainName is the bucket's RegionalDomainName, OriginAccessIdentity "origin-access-identity/cloudfront/<id>";
        // S3BucketOrigin.withOriginAccessControl writes OriginAccessIdentity "" beside OriginAccessControlId.
        const DISTRIBUTION_NATIVE = "aws-native:cloudfront:Distribution";
        const cdn = (origin: Record<string, unknown>, deps: string[] = []) => res(DISTRIBUTION_NATIVE, "cdn",
            { distributionConfig: { enabled: true, defaultRootObject: "index.html", origins: [{ id: "cdnorigin1", ...origin }] } }, deps.length ? { distributionConfig: deps } : {});
        const viaOai = { domainName: "assets-1a2b3c.s3.eu-west-1.amazonaws.com", s3OriginConfig: { originAccessIdentity: OAI_PATH } };
        expect(check([native("assets"), cdn(viaOai)])).toEqual([]);
        const strict = check([native("assets"), cdn(viaOai)], STRICT);
        expect(flagged(strict)).toEqual(["assets"]);
        expect(strict[0].message).toContain("CloudFront reads this bucket through an origin access identity");
        // At preview the domain name is the bucket's read-only output: the dependency names the bucket, not judged.
        expect(check([native("assets"), cdn({ ...viaOai, domainName: U.string }, [urnOf(NATIVE, "assets")])], DEFAULTS, true)).toEqual([]);
        expect(check([native("assets"), res(DISTRIBUTION_NATIVE, "cdn", { distributionConfig: U.object }, { distributionConfig: [urnOf(NATIVE, "assets")] })], DEFAULTS, true)).toEqual([]);
        const viaOac = { domainName: "assets-1a2b3c.s3.eu-west-1.amazonaws.com", originAccessControlId: "E1F2A3B4C5D6E7", s3OriginConfig: { originAccessIdentity: "" } };
        expect(flagged(check([native("assets"), cdn(viaOac)]))).toEqual(["assets"]);
    });

    it("websites, public reads its inline block lets through, and Application Load Balancer logs may keep SSE-S3", () => {
        expect(check([native("site", { websiteConfiguration: { indexDocument: "index.html", errorDocument: "404.html" } })])).toEqual([]);
        expect(check([native("redirect", { websiteConfiguration: { redirectAllRequestsTo: { hostName: "www.example.com", protocol: "https" } } })])).toEqual([]);
        const read = { Action: "s3:GetObject", Effect: "Allow", Principal: { AWS: "*" }, Resource: "arn:aws:s3:::downloads-1a2b3c/*" };
        // publicReadAccess with BlockPublicAccess.BLOCK_ACLS: the policy settings left out are off.
        expect(check([native("downloads", { publicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true } }), nativePolicy("DownloadsPolicy", "downloads", [read])])).toEqual([]);
        // No block (S3 blocks public policies on a new bucket) or one restricting them: the bucket is not read anonymously.
        expect(flagged(check([native("downloads"), nativePolicy("DownloadsPolicy", "downloads", [read])]))).toEqual(["downloads"]);
        expect(flagged(check([native("downloads", { publicAccessBlockConfiguration: { restrictPublicBuckets: true } }), nativePolicy("DownloadsPolicy", "downloads", [read])])))
            .toEqual(["downloads"]);
        // A block not known yet may let the policy through: not judged.
        expect(check([native("downloads", { publicAccessBlockConfiguration: U.object }), nativePolicy("DownloadsPolicy", "downloads", [read])], DEFAULTS, true)).toEqual([]);
        // alb.logAccessLogs(bucket) in eu-west-1: the Region's Elastic Load Balancing account may put objects.
        const elb = { Action: "s3:PutObject", Effect: "Allow", Principal: { AWS: "arn:aws:iam::156460612806:root" }, Resource: "arn:aws:s3:::alb-logs-1a2b3c/web/AWSLogs/123456789012/*" };
        expect(check([native("alb-logs"), nativePolicy("AlbLogsPolicy", "alb-logs", [elb, tls])])).toEqual([]);
    });
});

describe("findUnencryptedBuckets (pure rule): S3 Express One Zone directory buckets", () => {
    // A directory bucket has SSE-S3 by default and takes SSE-KMS with a customer managed key since
    // September 2024 (S3 user guide, "Data protection and encryption" for directory buckets): through
    // the same BucketServerSideEncryptionConfiguration (hashicorp/terraform-provider-aws#39366) or,
    // on aws-native, CloudFormation's AWS::S3Express::DirectoryBucket BucketEncryption.
    const DIRECTORY = "aws:s3/directoryBucket:DirectoryBucket";
    const NATIVE_DIRECTORY = "aws-native:s3express:DirectoryBucket";
    const NAME = "orders--usw2-az1--x-s3";
    const SSE_S3_OK: S3BucketEncryptionConfig = { ...DEFAULTS, allowedAlgorithms: ["AES256", ...DEFAULT_ALLOWED_ALGORITHMS] };
    const STRICT: S3BucketEncryptionConfig = { ...DEFAULTS, requireCustomerManagedKey: true };
    const directory = (props: Record<string, unknown> = { bucket: NAME, id: NAME }) => res(DIRECTORY, "orders", { location: { name: "usw2-az1", type: "AvailabilityZone" }, ...props });
    const nativeDirectory = (extra: Record<string, unknown> = {}, deps: Record<string, string[]> = {}) =>
        res(NATIVE_DIRECTORY, "orders", { bucketName: NAME, dataRedundancy: "SingleAvailabilityZone", locationName: "usw2-az1", ...extra }, deps);
    const nativeEncryption = (sseAlgorithm: unknown, kmsMasterKeyId?: unknown) =>
        ({ bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId }, bucketKeyEnabled: true }] } });
    const check = (resources: PlainResource[], config = DEFAULTS, dryRun = false) => findUnencryptedBuckets(resources, config, { dryRun });

    it("reports a directory bucket declaring nothing, or SSE-S3, as a general purpose bucket", () => {
        const [undeclared] = check([directory()]);
        expect(undeclared.resource?.type).toBe(DIRECTORY);
        expect(undeclared.message).toMatch(/^aws:s3\/directoryBucket:DirectoryBucket "orders": no server-side encryption is declared \(no BucketServerSideEncryptionConfiguration targets it\)\. S3 then applies its implicit default, SSE-S3 \(AES256\)/);
        expect(undeclared.message).toContain("Add an aws.s3.BucketServerSideEncryptionConfiguration with `bucket: <bucket>.id`");
        expect(flagged(check([directory(), sse("orders-encryption", NAME, "AES256")]))).toEqual(["orders"]);
        expect(check([directory(), sse("orders-encryption", NAME, "AES256")])[0].message).toContain('BucketServerSideEncryptionConfiguration "orders-encryption" rules[0].applyServerSideEncryptionByDefault.sseAlgorithm is "AES256"');
        const [native] = check([nativeDirectory()]);
        expect(native.message).toMatch(/^aws-native:s3express:DirectoryBucket "orders": no server-side encryption is declared \(it does not set bucketEncryption\)/);
        expect(native.message).not.toContain("CDK");
        expect(check([nativeDirectory(nativeEncryption("AES256"))])[0].message)
            .toContain('bucketEncryption.serverSideEncryptionConfiguration[0].serverSideEncryptionByDefault.sseAlgorithm is "AES256" (SSE-S3, S3-managed keys; also S3\'s default, which the provider records when nothing is declared), which is not in allowedAlgorithms (aws:kms, aws:kms:dsse). Use sseAlgorithm "aws:kms" (with kmsMasterKeyId set to your KMS key\'s ARN), set in the directory bucket\'s bucketEncryption');
        expect(flagged(check([nativeDirectory(nativeEncryption("aws:kms", "alias/aws/s3"))], STRICT))).toEqual(["orders"]);
    });

    it("passes SSE-KMS with a customer managed key, by name or id, and SSE-S3 where AES256 is allowed", () => {
        expect(check([directory(), sse("orders-encryption", NAME, "aws:kms", { kmsMasterKeyId: KEY_ARN })], STRICT)).toEqual([]);
        expect(check([directory({ bucket: NAME, id: "orders-id" }), sse("orders-encryption", "orders-id", "aws:kms", { kmsMasterKeyId: KEY_ARN })])).toEqual([]);
        expect(check([nativeDirectory(nativeEncryption("aws:kms", KEY_ARN))], STRICT)).toEqual([]);
        expect(check([directory()], SSE_S3_OK)).toEqual([]);
        expect(check([nativeDirectory()], SSE_S3_OK)).toEqual([]);
        // A configuration naming another directory bucket does not count.
        expect(flagged(check([directory(), sse("other-encryption", "other--usw2-az1--x-s3", "aws:kms", { kmsMasterKeyId: KEY_ARN })]))).toEqual(["orders"]);
    });

    it("at preview, joins through propertyDependencies and never reports more for an unknown", () => {
        const fresh = directory({ bucket: NAME, id: U.string });
        const dep = [urnOf(DIRECTORY, "orders")];
        expect(check([fresh, sse("orders-encryption", U.string, "aws:kms", { kmsMasterKeyId: U.string, deps: dep })], STRICT, true)).toEqual([]);
        expect(check([fresh, sse("orders-encryption", U.string, U.string, { deps: dep })], STRICT, true)).toEqual([]);
        expect(flagged(check([fresh, sse("orders-encryption", U.string, "AES256", { deps: dep })], DEFAULTS, true))).toEqual(["orders"]);
        expect(flagged(check([fresh], DEFAULTS, true))).toEqual(["orders"]);
        // aws-native sends an unset input as absent at preview: an unknown block was built from another output.
        for (const props of [{ bucketEncryption: U.object }, nativeEncryption(U.string), nativeEncryption("aws:kms", U.string)]) {
            expect(check([nativeDirectory(props, { bucketEncryption: ["urn:pulumi:dev::shop::aws-native:kms:Key::orders-key"] })], STRICT, true)).toEqual([]);
            expect(check([nativeDirectory(props)], STRICT, true)).toEqual([]);
        }
    });
});

describe("indexBuckets", () => {
    it("resolves references by name, id and propertyDependencies, never by an unknown", () => {
        const a = res(BUCKET, "a", { bucket: "a-name", id: "a-id" });
        const b = res(BUCKET_V2, "b", { bucket: U.string });
        const c = res(BUCKET, "c", { bucket: U.string });
        const index = indexBuckets([a, b, c, res("aws:kms/key:Key", "k", {})]);
        expect(index.buckets.map((x) => x.name)).toEqual(["a", "b", "c"]);
        const target = (bucketValue: unknown, deps: string[] = []) =>
            index.targetsOf(res(SSE, "s", { bucket: bucketValue }, { bucket: deps })).map((x) => x.name);
        expect(target("a-name")).toEqual(["a"]);
        expect(target("a-id")).toEqual(["a"]);
        expect(target("other")).toEqual([]);
        expect(target(U.string)).toEqual([]);
        expect(target(U.string, [b.urn])).toEqual(["b"]);
        expect(target(U.string, [b.urn, b.urn, "urn:pulumi:dev::shop::aws:kms/key:Key::k"])).toEqual(["b"]);
        expect(target(undefined, [c.urn])).toEqual(["c"]);
    });
});

describe("s3-bucket-encryption through the engine path", () => {
    const engine = useEngine();

    it("is a mandatory stack policy with the documented config defaults", async () => {
        const run = await engine.run({ resources: [] });
        const info = run.info.policies.find((p) => p.name === POLICY)!;
        expect(info).toMatchObject({ enforcementLevel: "mandatory", policyType: "stack", severity: "medium" });
        expect(info.configSchema?.properties.allowedAlgorithms.default).toEqual(["aws:kms", "aws:kms:dsse"]);
        expect(info.configSchema?.properties.requireCustomerManagedKey.default).toBe(false);
    });

    it("reports each unencrypted bucket of the insecure fixture, mandatory, on the bucket", async () => {
        const run = await engine.run(loadInputFile(path.join(DIR, "insecure.json")));
        const found = run.of(POLICY);
        const names = (ds: typeof found) => ds.map((d) => run.resources.find((r) => r.urn === d.urn)?.name);
        expect(names(found)).toEqual(["uploads", "exports", "reports", "backups", "media", "legacy"]);
        expect(found.every((d) => d.enforcementLevel === "mandatory")).toBe(true);
        const text = found.map((d) => d.message.split("\n").slice(1).join("\n"));
        expect(text[0]).toContain('aws:s3/bucket:Bucket "uploads": no server-side encryption is declared');
        expect(text[0]).toContain("implicit default, SSE-S3 (AES256), which is not in allowedAlgorithms");
        expect(text[1]).toContain('aws:s3/bucketV2:BucketV2 "exports": serverSideEncryptionConfigurations[0].rules[0].applyServerSideEncryptionByDefaults[0].sseAlgorithm is "AES256"');
        expect(text[2]).toContain("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault is not set");
        expect(text[3]).toContain('aws:s3/bucket:Bucket "backups": no server-side encryption is declared');
        expect(text[4]).toContain('BucketServerSideEncryptionConfigurationV2 "media-encryption" rules is an empty list');
        expect(text[5]).toContain('BucketServerSideEncryptionConfiguration "legacy-encryption" rules[0].applyServerSideEncryptionByDefault.sseAlgorithm is "AES256"');
    });

    it("passes the secure fixture, also when a customer managed key is required", async () => {
        const loaded = loadInputFile(path.join(DIR, "secure.json"));
        expect((await engine.run(loaded)).of(POLICY)).toEqual([]);
        const strict = await engine.run(loaded, { config: { [POLICY]: { properties: { requireCustomerManagedKey: true } } } });
        expect(strict.of(POLICY)).toEqual([]);
    });

    it("judges a configuration that only blocks SSE-C as S3's default, SSE-S3: reported by default, passing where AES256 is allowed", async () => {
        const stack = {
            resources: [
                { type: "aws:s3/bucketV2:BucketV2", name: "uploads", props: { bucket: "shop-uploads-prod" } },
                {
                    type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "uploads-sse",
                    propertyDependencies: { bucket: ["uploads"] }, props: { bucket: "shop-uploads-prod", rules: [{ blockedEncryptionTypes: ["SSE-C"] }] },
                },
            ],
        };
        const run = await engine.run(stack);
        expect(run.of(POLICY).map((d) => d.message.split("\n").pop()!.split(". Declare")[0])).toEqual([
            'aws:s3/bucketV2:BucketV2 "uploads": BucketServerSideEncryptionConfiguration "uploads-sse" rules[0].applyServerSideEncryptionByDefault is not set, ' +
                "so it declares no default encryption algorithm and S3 applies SSE-S3 (AES256), which is not in allowedAlgorithms (aws:kms, aws:kms:dsse)",
        ]);
        expect((await engine.run(stack, { config: { [POLICY]: { properties: { allowedAlgorithms: ["aws:kms", "AES256"] } } } })).of(POLICY)).toEqual([]);
    });

    it("accepts AES256 once allowedAlgorithms includes it, and honours exemptions", async () => {
        const run = await engine.run(loadInputFile(path.join(DIR, "insecure.json")), {
            config: {
                [POLICY]: {
                    properties: {
                        allowedAlgorithms: ["AES256", "aws:kms"],
                        exemptions: [{ name: "media", reason: "Scratch bucket, emptied nightly", expires: "2999-01-01" }],
                    },
                },
            },
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["reports"]);
    });

    it("rejects an algorithm S3 does not know in allowedAlgorithms", async () => {
        const run = await engine.run(loadInputFile(path.join(DIR, "secure.json")), {
            config: { [POLICY]: { properties: { allowedAlgorithms: ["aws:kms", "sse-kms"] } } },
        }).then(() => "accepted", (e: Error) => e.message);
        // The CLI validates config against the published schema before the run, as `pulumi preview` does.
        expect(run).toBe("policy pack configuration is invalid: s3-bucket-encryption: allowedAlgorithms.1: must be equal to one of the allowed values");
    });

    it("accepts SSE-S3 on a server access log target, and reports it with the way out when a customer managed key is required", async () => {
        const stack = {
            resources: [
                { type: BUCKET_V2, name: "access-logs", props: { bucket: "shop-access-logs-prod" } },
                { type: SSE, name: "access-logs-sse", propertyDependencies: { bucket: ["access-logs"] }, props: { bucket: "shop-access-logs-prod", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } },
                { type: BUCKET, name: "orders", props: { bucket: "shop-orders-prod", logging: { targetBucket: "shop-access-logs-prod", targetPrefix: "orders/" } } },
                { type: BUCKET_V2, name: "central", props: { bucket: "org-access-logs", policy: JSON.stringify({ Version: "2012-10-17", Statement: [
                    { Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::org-access-logs/*" }] }) } },
            ],
        };
        const names = (run: Awaited<ReturnType<typeof engine.run>>) => run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name);
        expect(names(await engine.run(stack))).toEqual(["orders"]);
        const strict = await engine.run(stack, { config: { [POLICY]: { properties: { requireCustomerManagedKey: true } } } });
        expect(names(strict)).toEqual(["access-logs", "orders", "central"]);
        expect(strict.of(POLICY)[0].message).toContain("S3 delivers server access logs only to buckets encrypted with SSE-S3");
    });

    it("reports the unencrypted bucket of a `pulumi stack export`, and only it", async () => {
        const loaded = loadInputFile(path.join(DIR, "stack-export.json"));
        expect(loaded.format).toBe("stack-export");
        const run = await engine.run(loaded);
        const found = run.of(POLICY);
        expect(found.map((d) => d.urn)).toEqual(["urn:pulumi:prod::media::aws:s3/bucket:Bucket::raw-uploads"]);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].message).toContain('aws:s3/bucket:Bucket "raw-uploads": serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm is "AES256"');
        expect(found[0].message).toContain("add \"AES256\" to allowedAlgorithms");
    });
});

describe("s3-bucket-encryption on aws-native buckets (engine path)", () => {
    const engine = useEngine();
    const NATIVE = "aws-native:s3:Bucket";
    const kms = { bucketEncryption: { serverSideEncryptionConfiguration: [{ bucketKeyEnabled: true, serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] } };
    // A CDK app as pulumi-cdk sends it: a default bucket, a KMS bucket logging to an access log bucket, a website.
    const resources = [
        { type: NATIVE, name: "scratchbucket0a1b2c3d", props: { bucketName: "scratchbucket0a1b2c3d-5e6f7a8" } },
        { type: NATIVE, name: "accesslogs9f8e7d6c", props: { bucketName: "accesslogs9f8e7d6c-1b2c3d4" } },
        { type: NATIVE, name: "ordersbucket4b3a2f1e", propertyDependencies: { loggingConfiguration: ["accesslogs9f8e7d6c"] },
            props: { bucketName: "ordersbucket4b3a2f1e-9a8b7c6", ...kms, loggingConfiguration: { destinationBucketName: "accesslogs9f8e7d6c-1b2c3d4", logFilePrefix: "orders/" } } },
        { type: NATIVE, name: "sitebucket7c6d5e4f", props: { bucketName: "sitebucket7c6d5e4f-3c4d5e6", websiteConfiguration: { indexDocument: "index.html" } } },
        // CDK's S3Origin: CloudFront reads the bucket through an origin access identity.
        { type: NATIVE, name: "assetsbucket2d3e4f5a", props: { bucketName: "assetsbucket2d3e4f5a-7d8e9f0" } },
        { type: "aws-native:cloudfront:Distribution", name: "cdn1e2f3a4b", propertyDependencies: { distributionConfig: ["assetsbucket2d3e4f5a"] }, props: { distributionConfig: {
            enabled: true, origins: [{ id: "cdnorigin1", domainName: "assetsbucket2d3e4f5a-7d8e9f0.s3.eu-west-1.amazonaws.com", s3OriginConfig: { originAccessIdentity: OAI_PATH } }],
        } } },
    ];
    const names = (run: EngineRunOf) => run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name);
    type EngineRunOf = Awaited<ReturnType<typeof engine.run>>;

    it("reports the default bucket only; requireCustomerManagedKey also the log target, the website and the OAI origin, with their way out", async () => {
        const run = await engine.run({ resources });
        expect(names(run)).toEqual(["scratchbucket0a1b2c3d"]);
        expect(run.of(POLICY)[0].message).toContain('aws-native:s3:Bucket "scratchbucket0a1b2c3d": no server-side encryption is declared (it does not set bucketEncryption)');
        const strict = await engine.run({ resources }, { config: { [POLICY]: { properties: { requireCustomerManagedKey: true } } } });
        expect(names(strict)).toEqual(["scratchbucket0a1b2c3d", "accesslogs9f8e7d6c", "sitebucket7c6d5e4f", "assetsbucket2d3e4f5a"]);
        expect(strict.of(POLICY)[1].message).toContain("S3 delivers server access logs only to buckets encrypted with SSE-S3");
    });
});

describe("s3-bucket-encryption on directory buckets (engine path)", () => {
    const engine = useEngine();
    const NAME = "orders--usw2-az1--x-s3";
    const resources = [
        { type: "aws:s3/directoryBucket:DirectoryBucket", name: "scratch", props: { bucket: "scratch--usw2-az1--x-s3", location: { name: "usw2-az1", type: "AvailabilityZone" } } },
        { type: "aws:s3/directoryBucket:DirectoryBucket", name: "orders", props: { bucket: NAME, location: { name: "usw2-az1", type: "AvailabilityZone" } } },
        { type: SSE, name: "orders-encryption", propertyDependencies: { bucket: ["orders"] },
            props: { bucket: NAME, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true }] } },
        { type: "aws-native:s3express:DirectoryBucket", name: "events", props: { bucketName: "events--usw2-az1--x-s3", dataRedundancy: "SingleAvailabilityZone", locationName: "usw2-az1" } },
    ];

    it("reports the directory buckets declaring nothing, and accepts S3's SSE-S3 where AES256 is allowed", async () => {
        const run = await engine.run({ resources });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["scratch", "events"]);
        expect(run.of(POLICY)[1].message).toContain('aws-native:s3express:DirectoryBucket "events": no server-side encryption is declared (it does not set bucketEncryption)');
        expect((await engine.run({ resources }, { config: { [POLICY]: { properties: { allowedAlgorithms: ["aws:kms", "AES256"] } } } })).of(POLICY)).toEqual([]);
    });
});

describe("s3-bucket-encryption at preview (engine path, dry run)", () => {
    const engine = useEngine({ dryRun: true });

    it("a new directory bucket joins its configuration through propertyDependencies; an unknown key is not judged", async () => {
        const run = await engine.run({
            resources: [
                { type: "aws:s3/directoryBucket:DirectoryBucket", name: "orders", props: { bucket: "orders--usw2-az1--x-s3", id: { $unknown: "string" } } },
                { type: SSE, name: "orders-encryption", propertyDependencies: { bucket: ["orders"] },
                    props: { bucket: { $unknown: "string" }, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: { $unknown: "string" } } }] } },
                { type: "aws:s3/directoryBucket:DirectoryBucket", name: "scratch", props: { bucket: "scratch--usw2-az1--x-s3", id: { $unknown: "string" } } },
            ],
        }, { config: { [POLICY]: { properties: { requireCustomerManagedKey: true } } } });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["scratch"]);
    });

    it("aws-native buckets: a key or a log target not known yet is not judged; a bucket declaring nothing is", async () => {
        const NATIVE = "aws-native:s3:Bucket";
        const stack = {
            resources: [
                { type: NATIVE, name: "accesslogs", props: { bucketName: "accesslogs-1b2c3d4", arn: { $unknown: "string" } } },
                { type: NATIVE, name: "orders", propertyDependencies: { loggingConfiguration: ["accesslogs"] },
                    props: { bucketName: "orders-9a8b7c6", arn: { $unknown: "string" },
                        bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: { $unknown: "string" } } }] },
                        loggingConfiguration: { destinationBucketName: { $unknown: "string" } } } },
                { type: NATIVE, name: "scratch", props: { bucketName: "scratch-5e6f7a8", arn: { $unknown: "string" } } },
            ],
        };
        // Under requireCustomerManagedKey a log target is reported as when its name is known (with the way out).
        const cases: [PolicyPackConfig | undefined, string[]][] = [[undefined, ["scratch"]], [{ [POLICY]: { properties: { requireCustomerManagedKey: true } } }, ["accesslogs", "scratch"]]];
        for (const [config, expected] of cases) {
            const run = await engine.run(stack, { config });
            expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(expected);
        }
    });

    it("links new buckets through propertyDependencies and takes no offence at unknowns", async () => {
        const run = await engine.run(loadInputFile(path.join(DIR, "preview.json")));
        const found = run.of(POLICY);
        expect(found.map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["staging"]);
        expect(found[0].message).toContain('aws:s3/bucket:Bucket "staging": no server-side encryption is declared');
    });

    it("a new bucket and its configuration sharing a name built from a random suffix: not judged until the name is known", async () => {
        const run = await engine.run({
            resources: [
                { type: "random:index/randomId:RandomId", name: "suffix", props: { byteLength: 4, hex: { $unknown: "string" } } },
                { type: BUCKET_V2, name: "uploads", propertyDependencies: { bucket: ["suffix"] }, props: { bucket: { $unknown: "string" } } },
                { type: SSE, name: "uploads-encryption", propertyDependencies: { bucket: ["suffix"] },
                    props: { bucket: { $unknown: "string" }, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] } },
                { type: BUCKET_V2, name: "scratch", props: { bucket: "scratch-5e6f7a8" } },
            ],
        });
        // No internal error either: the unknowns neither crash the policy nor report the bucket.
        const seen = run.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"));
        expect(seen.map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["scratch"]);
    });

    it("a new website bucket with AES256 whose website configuration shares a name built from a random suffix: not reported", async () => {
        const run = await engine.run({
            resources: [
                { type: "random:index/randomId:RandomId", name: "suffix", props: { byteLength: 4, hex: { $unknown: "string" } } },
                { type: BUCKET_V2, name: "site", propertyDependencies: { bucket: ["suffix"] }, props: { bucket: { $unknown: "string" } } },
                { type: SSE, name: "site-encryption", propertyDependencies: { bucket: ["site"] },
                    props: { bucket: { $unknown: "string" }, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } },
                { type: WEBSITE, name: "site-website", propertyDependencies: { bucket: ["suffix"] },
                    props: { bucket: { $unknown: "string" }, indexDocument: { suffix: "index.html" } } },
            ],
        });
        expect(run.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"))).toEqual([]);
    });

    it("new AES256 log and origin buckets whose names the log deliveries and origins share through a random suffix: not reported; one from another suffix is", async () => {
        const unknown = { $unknown: "string" };
        const aes256 = (name: string, source: string) => [
            { type: BUCKET_V2, name, propertyDependencies: { bucket: [source] }, props: { bucket: unknown } },
            { type: SSE, name: `${name}-encryption`, propertyDependencies: { bucket: [name] }, props: { bucket: unknown, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } },
        ];
        const run = await engine.run({
            resources: [
                { type: "random:index/randomId:RandomId", name: "suffix", props: { byteLength: 4, hex: unknown } },
                { type: "random:index/randomId:RandomId", name: "other", props: { byteLength: 4, hex: unknown } },
                ...aes256("access-logs", "suffix"), ...aes256("alb-logs", "suffix"), ...aes256("scratch", "other"),
                { type: BUCKET_V2, name: "app", props: { bucket: "app-5e6f7a8" } },
                { type: SSE, name: "app-encryption", props: { bucket: "app-5e6f7a8", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] } },
                { type: "aws:s3/bucketLoggingV2:BucketLoggingV2", name: "app-logging", propertyDependencies: { targetBucket: ["suffix"] },
                    props: { bucket: "app-5e6f7a8", targetBucket: unknown, targetPrefix: "app/" } },
                { type: "aws:lb/loadBalancer:LoadBalancer", name: "web", propertyDependencies: { accessLogs: ["suffix"] },
                    props: { loadBalancerType: "application", accessLogs: { bucket: unknown, enabled: true, prefix: "web" } } },
                // `${name}.s3.amazonaws.com` read through an origin access identity, which cannot read SSE-KMS.
                { type: "random:index/randomId:RandomId", name: "cdn-suffix", props: { byteLength: 4, hex: unknown } },
                ...aes256("origin", "cdn-suffix"),
                { type: DISTRIBUTION, name: "cdn", propertyDependencies: { origins: ["cdn-suffix"] },
                    props: { enabled: true, origins: [{ domainName: unknown, originId: "s3", s3OriginConfig: { originAccessIdentity: OAI_PATH } }] } },
                // aws-native's buckets (pulumi-cdk's): an AES256 log bucket named from a suffix, and a bucket logging to it inline.
                { type: "random:index/randomId:RandomId", name: "cdk-suffix", props: { byteLength: 4, hex: unknown } },
                { type: "aws-native:s3:Bucket", name: "cdk-logs", propertyDependencies: { bucketName: ["cdk-suffix"] },
                    props: { bucketName: unknown, bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } } },
                { type: "aws-native:s3:Bucket", name: "cdk-app", propertyDependencies: { loggingConfiguration: ["cdk-suffix"] },
                    props: { bucketName: "cdk-app-5e6f7a8", loggingConfiguration: { destinationBucketName: unknown, logFilePrefix: "app/" },
                        bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] } } },
            ],
        });
        const seen = run.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"));
        expect(seen.map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["scratch"]);
    });

    it("links a new server access log target through propertyDependencies, and judges a bucket no unknown target depends on", async () => {
        const run = await engine.run({
            resources: [
                { type: BUCKET_V2, name: "access-logs", props: { bucket: { $unknown: "string" } } },
                { type: BUCKET_V2, name: "scratch", props: { bucket: { $unknown: "string" } } },
                { type: "aws:s3/bucketLoggingV2:BucketLoggingV2", name: "scratch-logging", propertyDependencies: { bucket: ["scratch"], targetBucket: ["access-logs"] },
                    props: { bucket: { $unknown: "string" }, targetBucket: { $unknown: "string" }, targetPrefix: "scratch/" } },
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["scratch"]);
    });
});

describe("`check` on a stack export (built CLI)", () => {
    const check = (args: string[]) => runCheckAsync(args);

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "s3-enc-"));
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
    let configs = 0;

    function configFile(config: object): string {
        const file = path.join(tmp, `policy-config-${configs++}.json`);
        fs.writeFileSync(file, JSON.stringify(config));
        return file;
    }

    const exportFile = path.join(DIR, "stack-export.json");

    it("exits 1 on the unencrypted bucket, because the policy is mandatory", async () => {
        // Only this policy, at its default level: the exit code is this policy's alone.
        const only = configFile({ all: "disabled", [POLICY]: "mandatory" });
        const result = await check(["--config", only, exportFile]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('aws:s3/bucket:Bucket "raw-uploads"');
        expect(result.stdout).toMatch(/mandatory\s+s3-bucket-encryption/);
        expect(result.stdout).not.toContain('"renditions"');
        expect(result.stdout).not.toContain('"audit-logs"');
    });

    it("exits 0 once AES256 is an allowed algorithm", async () => {
        const relaxed = configFile({ all: "disabled", [POLICY]: { enforcementLevel: "mandatory", allowedAlgorithms: ["AES256", "aws:kms"] } });
        const result = await check(["--config", relaxed, exportFile]);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain("no violations");
    });
});
