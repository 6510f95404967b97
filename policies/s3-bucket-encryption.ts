// Every S3 bucket must declare default encryption at rest with an allowed algorithm. The
// default allows only KMS-backed encryption (SSE-KMS, DSSE-KMS): reading the data then needs
// a KMS key grant, and every use of the key lands in CloudTrail. SSE-S3 (AES256), which S3
// has applied to every bucket since January 2023, needs nothing beyond s3:GetObject.
//
// Encryption is declared inline on the bucket (deprecated in provider v7) or, as AWS and
// the provider recommend, by a separate BucketServerSideEncryptionConfiguration. A resource
// policy sees only the bucket, so this is a stack policy that joins the two by reference
// (./lib/s3-buckets.ts). Stack policies receive outputs: at preview, inputs plus unknowns.
import { all, any, Decided, fieldOf, mayBe, whenKnown } from "./lib/decided";
import { kindOf } from "./lib/describe";
import { awsManagedKeyService } from "./lib/kms-keys";
import { audienceOf, patternCovers, Principal, PolicyStatement, readPolicyDocument, rootAccount } from "./lib/policy-document";
import { Finding, PlainResource, PolicyExample, ResourceRef, StackContext, stackPolicy } from "./lib/rule";
import {
    BUCKET_POLICY_DOCUMENT, BUCKET_TYPES, BucketIndex, computedAtPreview, DIRECTORY_BUCKET_TYPES, indexBuckets, judgeListsOnce, NATIVE_BUCKET,
    mayName, publicAccessBlocksOf, unresolvedConfigurationsOf, unresolvedTargets,
} from "./lib/s3-buckets";
import * as t from "./lib/tokens";
import { isRecord, isUnknown } from "./lib/values";

export interface S3BucketEncryptionConfig {
    allowedAlgorithms: string[];
    requireCustomerManagedKey: boolean;
}

/** The values S3 accepts for sseAlgorithm, with what each means. */
export const SSE_ALGORITHMS: Readonly<Record<string, string>> = {
    AES256: "SSE-S3, S3-managed keys",
    "aws:kms": "SSE-KMS",
    "aws:kms:dsse": "DSSE-KMS, dual-layer",
};
export const DEFAULT_ALLOWED_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

export const SSE_CONFIGURATION_TYPES: ReadonlySet<string> = new Set([t.S3_BUCKET_SSE_CONFIGURATION, t.S3_BUCKET_SSE_CONFIGURATION_V2]);
export const WEBSITE_CONFIGURATION_TYPES: ReadonlySet<string> = new Set([t.S3_BUCKET_WEBSITE_CONFIGURATION, t.S3_BUCKET_WEBSITE_CONFIGURATION_V2]);

/**
 * The bucket an S3 REST endpoint names, as a CloudFront S3 origin's `domainName` carries it
 * (a bucket's `bucketRegionalDomainName` or `bucketDomainName`):
 * `<bucket>.s3[.dualstack][.<region> | -<region>].amazonaws.com[.cn]`.
 */
const S3_REST_ENDPOINT = /^(.+)\.s3(?:\.dualstack)?(?:[.-][a-z]{2}(?:-[a-z]+)+-\d+)?\.amazonaws\.com(?:\.cn)?$/;

/** Where each bucket type declares a website inline (deprecated in v7): an object, a list of them; aws-native's object. */
export const INLINE_WEBSITE: Readonly<Record<string, string>> = { [t.S3_BUCKET]: "website", [t.S3_BUCKET_V2]: "websites", [NATIVE_BUCKET]: "websiteConfiguration" };

/**
 * Where each bucket type declares its server access logging inline (deprecated in v7): `{targetBucket}`, a list of them;
 * aws-native's `{destinationBucketName}` (see receivesAccessLogs).
 */
export const INLINE_LOGGING: Readonly<Record<string, string>> = { [t.S3_BUCKET]: "logging", [t.S3_BUCKET_V2]: "loggings", [NATIVE_BUCKET]: "loggingConfiguration" };

/** The separate resources that turn on a bucket's server access logging, naming the bucket that receives the logs in `targetBucket`. */
export const LOGGING_TYPES: ReadonlySet<string> = new Set([t.S3_BUCKET_LOGGING, t.S3_BUCKET_LOGGING_V2]);

/** Where each bucket type declares encryption inline, per its v7 schema. */
export const INLINE_PROPERTY: Readonly<Record<string, string>> = {
    // {rule: {applyServerSideEncryptionByDefault: {sseAlgorithm, kmsMasterKeyId}}}
    [t.S3_BUCKET]: "serverSideEncryptionConfiguration",
    // [{rules: [{applyServerSideEncryptionByDefaults: [{sseAlgorithm, kmsMasterKeyId}]}]}]
    [t.S3_BUCKET_V2]: "serverSideEncryptionConfigurations",
    // {serverSideEncryptionConfiguration: [{serverSideEncryptionByDefault: {sseAlgorithm, kmsMasterKeyId}, bucketKeyEnabled}]}
    [NATIVE_BUCKET]: "bucketEncryption",
    // The same shape (CloudFormation's AWS::S3Express::DirectoryBucket BucketEncryption).
    [t.NATIVE_S3EXPRESS_DIRECTORY_BUCKET]: "bucketEncryption",
    // The classic aws.s3.DirectoryBucket has no inline block: only the separate resource, which
    // S3 Express accepts since September 2024 (SSE-S3 or SSE-KMS with a customer managed key).
};

/** One `applyServerSideEncryptionByDefault` block and where it was declared. */
export interface DefaultEncryption {
    sseAlgorithm: unknown;
    kmsMasterKeyId: unknown;
    where: string;
    /** Declared on the bucket itself, whose outputs carry S3's default when nothing is declared. */
    inline: boolean;
    /** Where the fix goes, when not in a BucketServerSideEncryptionConfiguration (an aws-native bucket's own block). */
    fixIn?: string;
}

/** What one declaration (an inline block or a separate resource) says. */
export interface Declaration {
    settings: DefaultEncryption[];
    /** Parts that set no algorithm: missing blocks, empty lists, odd shapes. */
    problems: string[];
    /**
     * Rules that leave the default encryption out (only `bucketKeyEnabled` or
     * `blockedEncryptionTypes`): S3's default, SSE-S3, applies, as with nothing declared.
     */
    implicit: string[];
}

export type InlineReading = { kind: "none" } | { kind: "unknown" } | { kind: "declared"; declaration: Declaration };

// ---------------------------------------------------------------- reading the shapes

type Visit = (value: Record<string, unknown>, where: string) => void;

/** An object block; an unknown one is skipped (known at apply). */
function readObject(value: unknown, where: string, expected: string, out: Declaration, visit: Visit): void {
    if (isUnknown(value)) return;
    if (value === undefined || value === null) out.problems.push(`${where} is not set`);
    else if (!isRecord(value)) out.problems.push(`${where} is ${kindOf(value)}, expected an object (${expected})`);
    else visit(value, where);
}

/** A list of object blocks; an unknown list or element is skipped (known at apply). */
function readList(value: unknown, where: string, expected: string, out: Declaration, visit: Visit): void {
    if (isUnknown(value)) return;
    if (value === undefined || value === null) out.problems.push(`${where} is not set`);
    else if (!Array.isArray(value)) out.problems.push(`${where} is ${kindOf(value)}, expected a list of ${expected}`);
    else if (value.length === 0) out.problems.push(`${where} is an empty list`);
    else value.forEach((item, i) => readObject(item, `${where}[${i}]`, expected, out, visit));
}

function setting(out: Declaration, inline: boolean, fixIn?: string): Visit {
    return (block, where) => out.settings.push({ sseAlgorithm: block.sseAlgorithm, kmsMasterKeyId: block.kmsMasterKeyId, where, inline, fixIn });
}

/**
 * The buckets declaring encryption inline in CloudFormation's shape (aws-native's), and where their
 * fix goes: their own block (CDK's `encryption` property writes a bucket's).
 */
const NATIVE_FIX_IN: Readonly<Record<string, string>> = {
    [NATIVE_BUCKET]: "set in the bucket's bucketEncryption (CDK: `encryption: s3.BucketEncryption.KMS` with an `encryptionKey`)",
    [t.NATIVE_S3EXPRESS_DIRECTORY_BUCKET]: "set in the directory bucket's bucketEncryption",
};

/**
 * A rule's default encryption block: a rule without one (only `bucketKeyEnabled` or
 * `blockedEncryptionTypes`) leaves S3's default, SSE-S3 (`implicit`).
 */
function readRule(rule: Record<string, unknown>, where: string, key: string, out: Declaration, visit: Visit): void {
    const at = `${where}.${key}`;
    if (rule[key] === undefined || rule[key] === null) out.implicit.push(at);
    else readObject(rule[key], at, "{sseAlgorithm, kmsMasterKeyId}", out, visit);
}

/** A bucket's inline declaration, read from its outputs. */
export function readInlineEncryption(bucket: PlainResource, dryRun: boolean): InlineReading {
    const property = INLINE_PROPERTY[bucket.type];
    if (!property) return { kind: "none" };
    const value = bucket.props[property];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return { kind: "none" };
    if (isUnknown(value)) return computedAtPreview(bucket, property, dryRun) ? { kind: "none" } : { kind: "unknown" };
    const out: Declaration = { settings: [], problems: [], implicit: [] };
    const nativeFix = NATIVE_FIX_IN[bucket.type];
    if (nativeFix !== undefined) {
        // CloudFormation's shape, where (unlike v7's inline blocks) a rule may leave the default out.
        readObject(value, property, "{serverSideEncryptionConfiguration}", out, (config, at) =>
            readList(config.serverSideEncryptionConfiguration, `${at}.serverSideEncryptionConfiguration`, "{serverSideEncryptionByDefault}", out, (rule, ruleAt) =>
                readRule(rule, ruleAt, "serverSideEncryptionByDefault", out, setting(out, true, nativeFix))));
    } else if (bucket.type === t.S3_BUCKET) {
        readObject(value, property, "{rule}", out, (config, at) =>
            readObject(config.rule, `${at}.rule`, "{applyServerSideEncryptionByDefault}", out, (rule, ruleAt) =>
                readObject(rule.applyServerSideEncryptionByDefault, `${ruleAt}.applyServerSideEncryptionByDefault`, "{sseAlgorithm, kmsMasterKeyId}", out, setting(out, true))));
    } else {
        readList(value, property, "{rules}", out, (config, at) =>
            readList(config.rules, `${at}.rules`, "{applyServerSideEncryptionByDefaults}", out, (rule, ruleAt) =>
                readList(rule.applyServerSideEncryptionByDefaults, `${ruleAt}.applyServerSideEncryptionByDefaults`, "{sseAlgorithm, kmsMasterKeyId}", out, setting(out, true))));
    }
    return { kind: "declared", declaration: out };
}

/** A BucketServerSideEncryptionConfiguration(V2)'s declaration (both: `rules` list, object default). */
export function readSeparateEncryption(sse: PlainResource): Declaration {
    const out: Declaration = { settings: [], problems: [], implicit: [] };
    readList(sse.props.rules, `${shortType(sse.type)} "${sse.name}" rules`, "{applyServerSideEncryptionByDefault}", out, (rule, at) =>
        readRule(rule, at, "applyServerSideEncryptionByDefault", out, setting(out, false)));
    return out;
}

// ---------------------------------------------------------------- judging

const FIX_KMS = 'sseAlgorithm "aws:kms" (with kmsMasterKeyId set to your KMS key\'s ARN)';

/** Why a declared setting is not acceptable, with the fix; undefined when it is (or is not known yet). */
export function judgeSetting(s: DefaultEncryption, config: S3BucketEncryptionConfig): string | undefined {
    const algorithm = s.sseAlgorithm;
    if (isUnknown(algorithm)) return undefined;
    const allowed = `allowedAlgorithms (${config.allowedAlgorithms.join(", ")})`;
    if (algorithm === undefined || algorithm === null || algorithm === "") {
        return `${s.where}.sseAlgorithm is not set. Set ${FIX_KMS}.`;
    }
    if (typeof algorithm !== "string") {
        return `${s.where}.sseAlgorithm is ${kindOf(algorithm)}, expected one of AES256, aws:kms, aws:kms:dsse. Set ${FIX_KMS}.`;
    }
    if (!config.allowedAlgorithms.includes(algorithm)) {
        if (!Object.prototype.hasOwnProperty.call(SSE_ALGORITHMS, algorithm)) {
            return `${s.where}.sseAlgorithm is not a value S3 accepts (AES256, aws:kms, aws:kms:dsse), nor in ${allowed}. Set ${FIX_KMS}.`;
        }
        // Also what the provider records for a bucket that declares nothing: S3's default read back.
        const implicit = algorithm === "AES256" && s.inline ? "; also S3's default, which the provider records when nothing is declared" : "";
        return `${s.where}.sseAlgorithm is "${algorithm}" (${SSE_ALGORITHMS[algorithm]}${implicit}), which is not in ${allowed}. ` +
            `Use ${FIX_KMS}, ${s.fixIn ?? "declared in an aws.s3.BucketServerSideEncryptionConfiguration for this bucket"}, or add "${algorithm}" to allowedAlgorithms.`;
    }
    if (!config.requireCustomerManagedKey) return undefined;
    const key = s.kmsMasterKeyId;
    if (isUnknown(key)) return undefined;
    if (algorithm === "AES256") {
        return `${s.where}.sseAlgorithm is "AES256" (SSE-S3), which cannot use a customer managed KMS key, but requireCustomerManagedKey is true. Set ${FIX_KMS}.`;
    }
    const useCmk = "Set kmsMasterKeyId to a customer managed KMS key's ARN (e.g. `key.arn`).";
    if (key === undefined || key === null || key === "") {
        return `${s.where}.kmsMasterKeyId is not set, so S3 uses the AWS managed key aws/s3, but requireCustomerManagedKey is true. ${useCmk}`;
    }
    if (typeof key !== "string") return `${s.where}.kmsMasterKeyId is ${kindOf(key)}, expected a KMS key ARN. ${useCmk}`;
    if (awsManagedKeyService(key) === "s3") {
        return `${s.where}.kmsMasterKeyId names the AWS managed key aws/s3, but requireCustomerManagedKey is true. ${useCmk}`;
    }
    return undefined;
}

/** Why S3's default, SSE-S3 (AES256), is not acceptable under this config; undefined when it is. */
function sseS3Objection(config: S3BucketEncryptionConfig): string | undefined {
    const aesAllowed = config.allowedAlgorithms.includes("AES256");
    if (aesAllowed && !config.requireCustomerManagedKey) return undefined;
    return aesAllowed
        ? "which cannot use a customer managed KMS key, but requireCustomerManagedKey is true"
        : `which is not in allowedAlgorithms (${config.allowedAlgorithms.join(", ")})`;
}

/** A bucket that declares nothing gets S3's default, SSE-S3 (AES256), with no key of its own. */
export function judgeUndeclared(bucket: PlainResource, config: S3BucketEncryptionConfig): string | undefined {
    const why = sseS3Objection(config);
    if (why === undefined) return undefined;
    const orAllow = config.allowedAlgorithms.includes("AES256") ? "" : ', or add "AES256" to allowedAlgorithms if S3-managed keys are acceptable';
    if (NATIVE_FIX_IN[bucket.type] !== undefined) {
        const cdk = bucket.type === NATIVE_BUCKET ? " (CDK: `encryption: s3.BucketEncryption.KMS` with an `encryptionKey`)" : "";
        return `no server-side encryption is declared (it does not set bucketEncryption). S3 then applies its implicit default, SSE-S3 (AES256), ${why}. ` +
            `Set \`bucketEncryption: {serverSideEncryptionConfiguration: [{serverSideEncryptionByDefault: {sseAlgorithm: "aws:kms", kmsMasterKeyId: <key>.arn}}]}\`` +
            `${cdk}${orAllow}.`;
    }
    const inline = INLINE_PROPERTY[bucket.type];
    return `no server-side encryption is declared (no BucketServerSideEncryptionConfiguration targets it${inline ? ` and it does not set ${inline}` : ""}). ` +
        `S3 then applies its implicit default, SSE-S3 (AES256), ${why}. ` +
        `Add an aws.s3.BucketServerSideEncryptionConfiguration with \`bucket: <bucket>.id\` and a rule ` +
        `\`applyServerSideEncryptionByDefault: {sseAlgorithm: "aws:kms", kmsMasterKeyId: <key>.arn}\`${orAllow}.`;
}

function judgeDeclaration(d: Declaration, config: S3BucketEncryptionConfig, ruleKey = "applyServerSideEncryptionByDefault"): string[] {
    const declareKms = `Declare a rule with \`${ruleKey}: {sseAlgorithm: "aws:kms"}\`.`;
    const problems = d.problems.map((p) => `${p}, so it declares no default encryption algorithm. ${declareKms}`);
    // A rule of `blockedEncryptionTypes` alone leaves S3's default, SSE-S3: judged as nothing declared.
    const why = d.implicit.length > 0 ? sseS3Objection(config) : undefined;
    if (why !== undefined) {
        for (const where of d.implicit) problems.push(`${where} is not set, so it declares no default encryption algorithm and S3 applies SSE-S3 (AES256), ${why}. ${declareKms}`);
    }
    for (const s of d.settings) {
        const problem = judgeSetting(s, config);
        if (problem) problems.push(problem);
    }
    return problems;
}

/**
 * A bucket's deprecated inline blocks of one kind (`table`: its property per bucket type), an object
 * or a list of them: none when unset, or when unknown at preview as the provider's computed default
 * of a new bucket (computedAtPreview); undefined while unknown otherwise (another output).
 */
function inlineBlocks(bucket: PlainResource, table: Readonly<Record<string, string>>, dryRun: boolean): readonly unknown[] | undefined {
    const property = table[bucket.type];
    const value = property === undefined ? undefined : bucket.props[property];
    if (isUnknown(value)) return computedAtPreview(bucket, property, dryRun) ? [] : undefined;
    return Array.isArray(value) ? value : [value];
}

/**
 * Whether the bucket serves a static website: a BucketWebsiteConfiguration targets it, or its
 * inline block names an index document or a redirect. S3's website endpoint serves anonymous
 * readers, and cannot serve objects encrypted with SSE-KMS; SSE-S3 is what such a bucket can have.
 */
function servesWebsite(bucket: PlainResource, configured: boolean, dryRun: boolean): Decided {
    if (configured) return true;
    const blocks = inlineBlocks(bucket, INLINE_WEBSITE, dryRun);
    if (blocks === undefined) return undefined;
    let verdict: false | undefined = false;
    for (const block of blocks) {
        if (isUnknown(block)) verdict = undefined;
        if (!isRecord(block)) continue;
        for (const key of ["indexDocument", "redirectAllRequestsTo"]) {
            const v = block[key];
            if (isUnknown(v)) verdict = undefined;
            // aws-native's redirectAllRequestsTo is an object ({hostName, protocol}).
            else if ((typeof v === "string" && v !== "") || isRecord(v)) return true;
        }
    }
    return verdict;
}

/**
 * Why a bucket may have SSE-S3 whatever allowedAlgorithms says: a service that reads or writes
 * it cannot use SSE-KMS. `verdict` is undefined where that is not known yet at preview: it may
 * be so. The hint is the way out when requireCustomerManagedKey still asks for a key.
 */
export interface SseS3Only {
    verdict: true | undefined;
    hint: string;
}

const HINTS = {
    anonymous: " Its bucket policy lets anyone read objects without signing the request, and S3 refuses unsigned requests for SSE-KMS objects: " +
        "read them through CloudFront with an origin access control instead, or exempt this bucket with a reason.",
    website: " S3's website endpoint cannot serve SSE-KMS objects: serve the site through CloudFront with an origin access control instead, or exempt this bucket with a reason.",
    identity: " CloudFront reads this bucket through an origin access identity, which cannot read SSE-KMS objects: " +
        "give the distribution's origin an origin access control (`originAccessControlId`) instead, with a key policy that lets CloudFront use the key.",
    logs: " Elastic Load Balancing delivers its logs only to buckets encrypted with SSE-S3: keep this bucket for those logs and exempt it with a reason.",
    redshift: " Amazon Redshift writes audit logs only to buckets encrypted with SSE-S3: keep this bucket for those logs and exempt it with a reason, or log to CloudWatch instead.",
    accessLogs: " S3 delivers server access logs only to buckets encrypted with SSE-S3: keep this bucket for those logs and exempt it with a reason, " +
        "or record the source buckets' requests as CloudTrail data events instead.",
};

/** Marks buckets as SSE-S3 only; a true is never weakened by a later undefined. */
type Mark = (buckets: readonly PlainResource[], verdict: true | undefined, hint: string) => void;

/**
 * CloudFront origins read through an origin access identity (OAI): `s3OriginConfig.originAccessIdentity`
 * set. An OAI cannot read objects encrypted with SSE-KMS (only an origin access control can).
 */
function readThroughIdentity(distribution: PlainResource, index: BucketIndex, mark: Mark): void {
    const input = DISTRIBUTION_ORIGINS[distribution.type];
    const config = input === "origins" ? distribution.props : distribution.props[input];
    const origins = isRecord(config) ? config.origins : config;
    const dependencies = distribution.propertyDependencies[input];
    if (isUnknown(origins)) mark(mayName(index, origins, dependencies), undefined, HINTS.identity);
    if (!Array.isArray(origins)) return;
    for (const origin of origins) {
        if (isUnknown(origin)) mark(mayName(index, origin, dependencies), undefined, HINTS.identity);
        if (!isRecord(origin)) continue;
        const s3 = origin.s3OriginConfig;
        const identity = isRecord(s3) ? s3.originAccessIdentity : s3;
        if (!isUnknown(identity) && (typeof identity !== "string" || identity === "")) continue;
        const domain = origin.domainName;
        if (isUnknown(domain)) mark(mayName(index, domain, dependencies), undefined, HINTS.identity);
        else if (typeof domain === "string") {
            const name = S3_REST_ENDPOINT.exec(domain)?.[1];
            if (name !== undefined) mark(index.lookup(name, undefined), isUnknown(identity) ? undefined : true, HINTS.identity);
        }
    }
}

/**
 * The input of each distribution type that holds its origins: v7's `origins`, aws-native's
 * `distributionConfig` (`{origins: [...]}`, what pulumi-cdk sends for a CDK Distribution).
 */
export const DISTRIBUTION_ORIGINS: Readonly<Record<string, string>> = { [t.CLOUDFRONT_DISTRIBUTION]: "origins", [t.NATIVE_CLOUDFRONT_DISTRIBUTION]: "distributionConfig" };

/** The log blocks of each load balancer type whose logs only SSE-S3 buckets can receive (AWS's ELB guides). */
const SSE_S3_LOG_BLOCKS: ReadonlyMap<string, readonly string[]> = new Map([
    // Application Load Balancers (not Network ones, which can use a customer managed key).
    [t.LB_LOAD_BALANCER, ["accessLogs", "connectionLogs", "healthCheckLogs"]],
    [t.ALB_LOAD_BALANCER, ["accessLogs", "connectionLogs", "healthCheckLogs"]],
    [t.ELB_LOAD_BALANCER, ["accessLogs"]],
]);

/** Buckets an Application or Classic Load Balancer delivers its logs to: SSE-S3 is the only encryption ELB writes to. */
function receivesLoadBalancerLogs(lb: PlainResource, index: BucketIndex, mark: Mark): void {
    const classic = lb.type === t.ELB_LOAD_BALANCER;
    const kind = lb.props.loadBalancerType;
    // The provider's default type is "application".
    if (!classic && !isUnknown(kind) && kind !== undefined && kind !== null && kind !== "application") return;
    for (const property of SSE_S3_LOG_BLOCKS.get(lb.type) ?? []) {
        const block = lb.props[property];
        const dependencies = lb.propertyDependencies[property];
        if (isUnknown(block)) mark(mayName(index, block, dependencies), undefined, HINTS.logs);
        if (!isRecord(block)) continue;
        // `enabled` defaults to false on (A)LBs, even with a bucket, and to true on Classic ones.
        const enabled = block.enabled;
        if (!isUnknown(enabled) && !(enabled === true || (classic && (enabled === undefined || enabled === null)))) continue;
        const known = !isUnknown(kind) && !isUnknown(enabled) && !isUnknown(block.bucket);
        mark(mayName(index, block.bucket, dependencies), known || undefined, HINTS.logs);
    }
}

/**
 * The accounts Elastic Load Balancing writes Application and Classic Load Balancer logs from, one
 * per Region opened before August 2022 (AWS's ALB guide, "Enable access logs": the bucket policy
 * names `arn:aws:iam::<account>:root`), and the service principal every other Region uses. A
 * Network Load Balancer writes as delivery.logs.amazonaws.com instead, which can use a customer
 * managed key, so that principal marks nothing.
 */
const ELB_LOG_ACCOUNTS: ReadonlySet<string> = new Set([
    "127311923021", "033677994240", "027434742980", "797873946194", "098369216593", "754344448648", "589379963580",
    "718504428378", "383597477331", "600734575887", "114774131450", "783225319266", "582318560864", "985666609251",
    "054676820928", "156460612806", "652711504416", "635631232127", "009996457667", "897822967062", "076674570225",
    "507241528517", "048591011584", "190560391635", "638102146993", "037604701340",
]);
const ELB_LOG_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

/** S3's server access log delivery (AWS's S3 guide, "Permissions for log delivery"). */
const S3_LOG_SERVICE = "logging.s3.amazonaws.com";

/** Elastic Load Balancing's log writers: a Region's ELB account or its log delivery service. */
function isElbLogWriter(p: Principal): boolean {
    return p.type === "Service" ? p.id.trim().toLowerCase() === ELB_LOG_SERVICE : p.type === "AWS" && ELB_LOG_ACCOUNTS.has(rootAccount(p.id.trim()) ?? "");
}

function isS3LogWriter(p: Principal): boolean {
    return p.type === "Service" && p.id.trim().toLowerCase() === S3_LOG_SERVICE;
}

/** Whether an Allow statement lets one of `writer`'s principals write objects (s3:PutObject). */
function grantsLogDelivery(writer: (p: Principal) => boolean): (st: PolicyStatement) => Decided {
    return (st) => {
        if (st.effect === "Deny") return false;
        const principals = st.principal;
        const named: Decided = !principals ? false
            : principals.entries.some(writer) ? true
            : principals.incomplete || principals.unknown ? undefined : false;
        return all(st.effect === "unknown" ? undefined : true, coversAction(st, "s3:putobject"), named);
    };
}

/** Whether a statement's actions take in `action` (lower case): listed in Action, or left out of NotAction. */
function coversAction(st: PolicyStatement, action: string): Decided {
    const covers = (v: { values: string[] }) => v.values.some((a) => patternCovers(a.trim().toLowerCase(), action));
    return st.action ? (covers(st.action) ? true : st.action.incomplete ? undefined : false)
        : st.notAction ? (covers(st.notAction) ? false : st.notAction.incomplete ? undefined : true) : false;
}

/** Whether some statement of a bucket policy document does `test`; undefined while the document is unknown (at preview). */
function someStatement(document: unknown, test: (st: PolicyStatement) => Decided): Decided {
    const reading = readPolicyDocument(document, { blankIsAbsent: true });
    if (reading.kind !== "document") return reading.kind === "unknown" ? undefined : false;
    return any(reading.incomplete ? undefined : false, ...reading.statements.map(test));
}

/**
 * A classic bucket's deprecated inline `policy` (other bucket types have none): unknown at preview
 * without dependencies is the provider's computed value.
 */
function inlinePolicy(bucket: PlainResource, dryRun: boolean): unknown {
    if (!BUCKET_TYPES.has(bucket.type)) return undefined;
    return isUnknown(bucket.props.policy) && computedAtPreview(bucket, "policy", dryRun) ? undefined : bucket.props.policy;
}

/** The log writers a bucket policy may let in, which write only to SSE-S3 buckets. */
const LOG_WRITERS = [
    { grants: grantsLogDelivery(isElbLogWriter), hint: HINTS.logs },
    { grants: grantsLogDelivery(isS3LogWriter), hint: HINTS.accessLogs },
];

/**
 * Buckets whose policy lets Elastic Load Balancing (Application or Classic Load Balancers) or S3's
 * server access logging write objects: log buckets, often for sources in another stack or account
 * (a central log bucket), which only SSE-S3 serves. A policy unknown at preview may be such a
 * grant: not judged until it is known.
 */
function grantsSseS3OnlyLogs(resources: readonly PlainResource[], index: BucketIndex, dryRun: boolean, mark: Mark): void {
    const judge = (policy: unknown, buckets: readonly PlainResource[], named = true) => {
        for (const writer of LOG_WRITERS) {
            const verdict = someStatement(policy, writer.grants);
            if (verdict !== false) mark(buckets, named ? verdict : undefined, writer.hint);
        }
    };
    for (const r of resources) {
        const document = BUCKET_POLICY_DOCUMENT[r.type];
        if (document === undefined) continue;
        // At preview a policy of unknown bucket may be one of the buckets built from the same suffix's.
        const targets = index.targetsOf(r);
        judge(r.props[document], targets.length > 0 ? targets : mayName(index, r.props.bucket, r.propertyDependencies.bucket), targets.length > 0);
    }
    for (const bucket of index.buckets) judge(inlinePolicy(bucket, dryRun), [bucket]);
}

/**
 * The buckets that receive S3 server access logs: named in `targetBucket` by a BucketLogging(V2) or
 * by a bucket's deprecated inline logging block. S3 delivers those logs only to buckets with SSE-S3
 * default encryption ("SSE-KMS is not supported for server access logging target buckets": AWS's S3
 * guide, enable-server-access-logging and troubleshooting-server-access-logging).
 */
function receivesAccessLogs(resources: readonly PlainResource[], index: BucketIndex, dryRun: boolean, mark: Mark): void {
    const target = (ref: unknown, dependencies: readonly string[] | undefined) => {
        if (ref === undefined || ref === null || ref === "") return;
        mark(mayName(index, ref, dependencies), isUnknown(ref) ? undefined : true, HINTS.accessLogs);
    };
    for (const r of resources) if (LOGGING_TYPES.has(r.type)) target(r.props.targetBucket, r.propertyDependencies.targetBucket);
    for (const bucket of index.buckets) {
        const blocks = inlineBlocks(bucket, INLINE_LOGGING, dryRun);
        const dependencies = bucket.propertyDependencies[INLINE_LOGGING[bucket.type]];
        // An aws-native bucket whose logging names no destinationBucketName logs to itself (CloudFormation's
        // LoggingConfiguration): one not known yet may.
        const native = bucket.type === NATIVE_BUCKET;
        const mayLogToItself = () => { if (native) mark([bucket], undefined, HINTS.accessLogs); };
        if (blocks === undefined) {
            mark(mayName(index, bucket.props[INLINE_LOGGING[bucket.type]], dependencies), undefined, HINTS.accessLogs);
            mayLogToItself();
            continue;
        }
        for (const block of blocks) {
            if (isUnknown(block)) {
                mark(mayName(index, block, dependencies), undefined, HINTS.accessLogs);
                mayLogToItself();
            } else if (!isRecord(block)) continue;
            else if (native) {
                const destination = block.destinationBucketName;
                if (destination === undefined || destination === null || destination === "") mark([bucket], true, HINTS.accessLogs);
                else {
                    if (isUnknown(destination)) mayLogToItself();
                    target(destination, dependencies);
                }
            } else target(block.targetBucket, dependencies);
        }
    }
}

/** The S3 log delivery group, which a bucket's ACL lets write server access logs where ACLs are on. */
const LOG_DELIVERY_GROUP = /^https?:\/\/acs\.amazonaws\.com\/groups\/s3\/LogDelivery\/?$/i;
const LOG_DELIVERY_ACLS: ReadonlySet<unknown> = new Set(["log-delivery-write", "LogDeliveryWrite"]);
const ACL_TYPES: ReadonlySet<string> = new Set([t.S3_BUCKET_ACL, t.S3_BUCKET_ACL_V2]);

/** A grant of WRITE (or FULL_CONTROL) to the log delivery group: a Bucket's inline `grants` item or a BucketAcl's `accessControlPolicy.grants` item. */
function grantsLogDeliveryWrite(grant: unknown): Decided {
    if (isUnknown(grant)) return undefined;
    if (!isRecord(grant)) return false;
    const uri = isRecord(grant.grantee) ? grant.grantee.uri : isUnknown(grant.grantee) ? grant.grantee : grant.uri;
    const permissions = Array.isArray(grant.permissions) ? grant.permissions : [isUnknown(grant.permissions) ? grant.permissions : grant.permission];
    return all(whenKnown(uri, (u) => typeof u === "string" && LOG_DELIVERY_GROUP.test(u.trim())),
        any(...permissions.map((p) => whenKnown(p, (x) => x === "WRITE" || x === "FULL_CONTROL"))));
}

/**
 * Whether a bucket's own ACL (`acl`, `grants`; aws-native's `accessControl`) or a BucketAcl(V2)
 * (`acl`, `accessControlPolicy`) lets the log delivery group write. A list the provider computes
 * (a new bucket's `grants`, a canned ACL's `accessControlPolicy`) is not set at preview.
 */
function aclLetsLogDeliveryWrite(r: PlainResource, dryRun: boolean): Decided {
    // Directory buckets have no ACL; aws-native's bucket has a canned one in `accessControl` only.
    if (DIRECTORY_BUCKET_TYPES.has(r.type)) return false;
    if (r.type === NATIVE_BUCKET) return whenKnown(r.props.accessControl, (a) => LOG_DELIVERY_ACLS.has(a));
    // A classic bucket's or a BucketAcl's `acl`; only a classic bucket's are computed (PREVIEW_COMPUTED).
    const computed = (prop: string) => isUnknown(r.props[prop]) && computedAtPreview(r, prop, dryRun);
    const { acl, accessControlPolicy } = r.props;
    if (isUnknown(acl) && !computed("acl")) return undefined;
    if (LOG_DELIVERY_ACLS.has(acl)) return true;
    const isBucket = !ACL_TYPES.has(r.type);
    // A BucketAcl's canned ACL decides: its accessControlPolicy is read back from it.
    if (!isBucket && typeof acl === "string" && acl !== "") return false;
    const grants = isBucket ? (computed("grants") ? undefined : r.props.grants) : isRecord(accessControlPolicy) ? accessControlPolicy.grants : accessControlPolicy;
    if (isUnknown(grants)) return undefined;
    return Array.isArray(grants) ? any(...grants.map(grantsLogDeliveryWrite)) : false;
}

/**
 * Buckets whose ACL lets S3's log delivery group write (`log-delivery-write`, aws-native's
 * `LogDeliveryWrite`, or a WRITE grant to the group): server access log targets where ACLs are on,
 * AWS's other documented way to let S3 deliver them, often for source buckets in other stacks. S3
 * refuses such an ACL on a bucket whose ACLs are off, so one that exists is in use.
 */
function receivesAccessLogsByAcl(resources: readonly PlainResource[], index: BucketIndex, dryRun: boolean, mark: Mark): void {
    for (const bucket of index.buckets) {
        const verdict = aclLetsLogDeliveryWrite(bucket, dryRun);
        if (verdict !== false) mark([bucket], verdict, HINTS.accessLogs);
    }
    for (const r of resources) {
        if (!ACL_TYPES.has(r.type)) continue;
        const verdict = aclLetsLogDeliveryWrite(r, dryRun);
        if (verdict === false) continue;
        // At preview an ACL of unknown bucket may be one of the buckets built from the same suffix's.
        const targets = index.targetsOf(r);
        mark(targets.length > 0 ? targets : mayName(index, r.props.bucket, r.propertyDependencies.bucket), targets.length > 0 ? verdict : undefined, HINTS.accessLogs);
    }
}

/**
 * The bucket a Redshift cluster writes its audit logs to (`aws.redshift.Logging`): Redshift's
 * audit logging supports only SSE-S3 (AWS's Redshift management guide, "Database audit logging").
 * A `bucketName` without a destination type is S3, the API's original and only bucket destination.
 */
function receivesRedshiftAuditLogs(logging: PlainResource, index: BucketIndex, mark: Mark): void {
    const destination = logging.props.logDestinationType;
    if (!isUnknown(destination) && destination !== undefined && destination !== null && destination !== "s3") return;
    const bucket = logging.props.bucketName;
    if (bucket === undefined || bucket === null || bucket === "") return;
    mark(mayName(index, bucket, logging.propertyDependencies.bucketName), isUnknown(destination) || isUnknown(bucket) ? undefined : true, HINTS.redshift);
}

/**
 * Condition keys an anonymous request carries, on which a public read may still depend (TLS, a
 * referer, object tags). A test on any other key (a principal's account or organization, a VPC
 * endpoint, a source IP) reads as access meant for signed callers, which SSE-KMS serves.
 */
const ANONYMOUS_KEYS = /^(aws:(securetransport|referer|useragent|currenttime|epochtime)|s3:existingobjecttag\/.+)$/;

/** Whether an Allow statement lets anyone read objects without signing the request. */
function readsAnonymously(st: PolicyStatement): Decided {
    if (st.effect === "Deny") return false;
    const audience = audienceOf(st);
    if (!audience.anyone) return audience.incomplete ? undefined : false;
    const unsigned: Decided = (st.condition?.tests ?? []).some((test) => !ANONYMOUS_KEYS.test(test.key.toLowerCase())) ? false
        : st.condition?.incomplete ? undefined : true;
    return all(st.effect === "unknown" ? undefined : true, coversAction(st, "s3:getobject"), unsigned);
}

/**
 * Whether a bucket's public access blocks let a public bucket policy take effect: each must
 * turn `blockPublicPolicy` and `restrictPublicBuckets` off. (S3 blocks public policies on
 * every bucket created since April 2023 unless one does.)
 */
function letsPublicPolicies(blocks: readonly unknown[]): Decided {
    return all(...blocks.flatMap((block) => ["blockPublicPolicy", "restrictPublicBuckets"].map((key): Decided => {
        const on = fieldOf(block, key, (value) => value === true);
        return on === undefined ? undefined : !on;
    })));
}

/** Buckets whose policy lets anyone read objects without signing: S3 serves SSE-KMS objects only to signed requests. */
function readAnonymously(resources: readonly PlainResource[], index: BucketIndex, dryRun: boolean, mark: Mark): void {
    const policyResources = resources.filter((r) => BUCKET_POLICY_DOCUMENT[r.type] !== undefined);
    const policies = index.configurationsOf(policyResources);
    const blocks = publicAccessBlocksOf(resources, index);
    // At preview, the policies and blocks of unknown bucket that may name a bucket built from the same suffix.
    const pendingPolicies = unresolvedConfigurationsOf(policyResources, index);
    const pendingBlocks = unresolvedConfigurationsOf(resources.filter((r) => r.type === t.S3_BUCKET_PUBLIC_ACCESS_BLOCK), index);
    const once = judgeListsOnce();
    const onceBlocks = judgeListsOnce<unknown>();
    const oncePendingBlocks = judgeListsOnce();
    const readBy = (list: readonly PlainResource[]) => any(...list.map((p) => someStatement(p.props[BUCKET_POLICY_DOCUMENT[p.type]], readsAnonymously)));
    for (const bucket of index.buckets) {
        // Without a public access block, S3 blocks public policies on new buckets.
        const blocking = blocks.get(bucket);
        const pendingBlocking = pendingBlocks.get(bucket);
        const open = blocking ? onceBlocks(blocking, letsPublicPolicies)
            : pendingBlocking ? oncePendingBlocks(pendingBlocking, (list) => letsPublicPolicies(list.map((b) => b.props))) : false;
        if (open === false) continue;
        const attached = policies.get(bucket);
        const pending = attached ? undefined : pendingPolicies.get(bucket);
        // A policy that may name this bucket or another one built from the same suffix: it may read anonymously.
        const reads = any(someStatement(inlinePolicy(bucket, dryRun), readsAnonymously),
            attached ? once(attached, readBy) : pending ? mayBe(once(pending, readBy)) : false);
        const verdict = all(open, reads);
        if (verdict !== false) mark([bucket], verdict, HINTS.anonymous);
    }
}

/**
 * The buckets that may have SSE-S3 because their website endpoint, CloudFront, Elastic Load
 * Balancing, Redshift audit logging, S3 server access logging or anonymous readers cannot use
 * SSE-KMS with them.
 */
export function sseS3OnlyBuckets(resources: readonly PlainResource[], index: BucketIndex, dryRun = false): Map<PlainResource, SseS3Only> {
    const out = new Map<PlainResource, SseS3Only>();
    const mark: Mark = (buckets, verdict, hint) => {
        for (const b of buckets) if (out.get(b)?.verdict !== true) out.set(b, { verdict, hint });
    };
    const websiteConfigurations = resources.filter((r) => WEBSITE_CONFIGURATION_TYPES.has(r.type));
    const websites = index.configurationsOf(websiteConfigurations);
    for (const bucket of index.buckets) {
        const website = servesWebsite(bucket, websites.has(bucket), dryRun);
        if (website !== false) mark([bucket], website, HINTS.website);
    }
    // A website configuration of unknown bucket that may name a new bucket (a shared name from a random suffix): it may be one.
    if (dryRun) mark([...unresolvedTargets(websiteConfigurations, index)], undefined, HINTS.website);
    for (const r of resources) {
        if (DISTRIBUTION_ORIGINS[r.type] !== undefined) readThroughIdentity(r, index, mark);
        else if (SSE_S3_LOG_BLOCKS.has(r.type)) receivesLoadBalancerLogs(r, index, mark);
        else if (r.type === t.REDSHIFT_LOGGING) receivesRedshiftAuditLogs(r, index, mark);
    }
    grantsSseS3OnlyLogs(resources, index, dryRun, mark);
    receivesAccessLogs(resources, index, dryRun, mark);
    receivesAccessLogsByAcl(resources, index, dryRun, mark);
    readAnonymously(resources, index, dryRun, mark);
    return out;
}

/**
 * The stack rule: every bucket's encryption, from the separate resources that target it or,
 * when none does, from its inline declaration. A bucket served to anonymous readers by its
 * website endpoint, read by CloudFront through an origin access identity or receiving load
 * balancer, Redshift audit or S3 server access logs may have SSE-S3 (AES256), the only encryption
 * those can use, unless requireCustomerManagedKey is set.
 */
export function findUnencryptedBuckets(
    resources: readonly PlainResource[],
    config: S3BucketEncryptionConfig,
    context: Pick<StackContext, "dryRun"> = { dryRun: false },
): Finding[] {
    const index = indexBuckets(resources, DIRECTORY_BUCKET_TYPES);
    const sseResources = resources.filter((r) => SSE_CONFIGURATION_TYPES.has(r.type));
    const separate = index.configurationsOf(sseResources);
    // A new bucket that a configuration of unknown name may target: judged at apply, when the name is known.
    const pending = context.dryRun ? unresolvedTargets(sseResources, index) : new Set<PlainResource>();
    const sseS3Only = sseS3OnlyBuckets(resources, index, context.dryRun);
    const sseS3Config = config.requireCustomerManagedKey || config.allowedAlgorithms.includes("AES256")
        ? config : { ...config, allowedAlgorithms: [...config.allowedAlgorithms, "AES256"] };
    // Buckets that share a name share their list of configurations: judged once per config (linear time).
    const judged = new Map<S3BucketEncryptionConfig, Map<readonly PlainResource[], string[]>>([[config, new Map()], [sseS3Config, new Map()]]);
    const findings: Finding[] = [];
    for (const bucket of index.buckets) {
        const ref: ResourceRef = { urn: bucket.urn, type: bucket.type, name: bucket.name };
        const subject = `${bucket.type} "${bucket.name}"`;
        // An unknown website, origin or log destination may be one: judged as one, so an unknown never reports more.
        const only = sseS3Only.get(bucket);
        const effective = only ? sseS3Config : config;
        const problems: string[] = [];
        const configurations = separate.get(bucket);
        if (!configurations && pending.has(bucket)) continue;
        if (configurations) {
            // The separate resource is authoritative: the bucket's inline block is computed and
            // may still hold what S3 reported before that resource was applied.
            const cache = judged.get(effective)!;
            let judgement = cache.get(configurations);
            if (!judgement) cache.set(configurations, (judgement = configurations.flatMap((sse) => judgeDeclaration(readSeparateEncryption(sse), effective))));
            problems.push(...judgement);
        } else {
            const inline = readInlineEncryption(bucket, context.dryRun);
            if (inline.kind === "declared") {
                problems.push(...judgeDeclaration(inline.declaration, effective, NATIVE_FIX_IN[bucket.type] !== undefined ? "serverSideEncryptionByDefault" : undefined));
            }
            else if (inline.kind === "none") {
                const problem = judgeUndeclared(bucket, effective);
                if (problem) problems.push(problem);
            }
        }
        const hint = only?.verdict === true && config.requireCustomerManagedKey ? only.hint : "";
        for (const p of problems) findings.push({ message: `${subject}: ${p}${hint}`, resource: ref });
    }
    return findings;
}

function shortType(type: string): string {
    return type.slice(type.lastIndexOf(":") + 1);
}

export const s3BucketEncryption = stackPolicy<S3BucketEncryptionConfig>({
    name: "s3-bucket-encryption",
    displayName: "S3 buckets are encrypted with an allowed algorithm",
    description: "Every S3 bucket, general purpose or directory, declares default server-side encryption with an allowed algorithm, inline or through a BucketServerSideEncryptionConfiguration.",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps:
        "Add an aws.s3.BucketServerSideEncryptionConfiguration with `bucket: bucket.id` and a rule " +
        '`applyServerSideEncryptionByDefault: {sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn}`, ' +
        "or add the algorithm you accept to allowedAlgorithms in the policy pack config.",
    tags: ["aws", "s3", "encryption", "data-protection"],
    configSchema: {
        properties: {
            allowedAlgorithms: {
                type: "array",
                description: 'sseAlgorithm values a bucket may use: any of "AES256" (SSE-S3), "aws:kms" (SSE-KMS), "aws:kms:dsse" (DSSE-KMS).',
                default: DEFAULT_ALLOWED_ALGORITHMS,
                minItems: 1,
                uniqueItems: true,
                items: { type: "string", enum: Object.keys(SSE_ALGORITHMS) },
            },
            requireCustomerManagedKey: {
                type: "boolean",
                description: "Require kmsMasterKeyId to name a customer managed KMS key (not the AWS managed aws/s3 key).",
                default: false,
            },
        },
    },
    strictConfig: { allowedAlgorithms: ["aws:kms", "aws:kms:dsse"], requireCustomerManagedKey: true },
    resourceTypes: [
        ...BUCKET_TYPES, NATIVE_BUCKET, ...DIRECTORY_BUCKET_TYPES, ...SSE_CONFIGURATION_TYPES, ...WEBSITE_CONFIGURATION_TYPES, ...Object.keys(DISTRIBUTION_ORIGINS), ...SSE_S3_LOG_BLOCKS.keys(), t.REDSHIFT_LOGGING,
        ...LOGGING_TYPES, ...Object.keys(BUCKET_POLICY_DOCUMENT), t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, ...ACL_TYPES,
    ],
    check: (resources, config, context) => findUnencryptedBuckets(resources, config, context),
    examples: examples(),
});

function examples(): PolicyExample[] {
    const keyArn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const sseKms = { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }, bucketKeyEnabled: true };
    return [
        {
            title: "`uploads` declares nothing (so S3's implicit SSE-S3 applies), `reports` declares SSE-S3 explicitly, and the configuration meant for `archive` targets another bucket",
            verdict: "fail",
            demo: true,
            resources: [
                { type: t.S3_BUCKET, name: "uploads", props: { bucket: "shop-uploads-prod", forceDestroy: false } },
                { type: t.S3_BUCKET_V2, name: "reports", props: { bucket: "shop-reports-prod" } },
                {
                    type: t.S3_BUCKET_SSE_CONFIGURATION, name: "reports-encryption",
                    propertyDependencies: { bucket: ["reports"] },
                    props: { bucket: "shop-reports-prod", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
                },
                { type: t.S3_BUCKET, name: "archive", props: { bucket: "shop-archive-prod" } },
                { type: t.S3_BUCKET, name: "scratch", props: { bucket: "shop-scratch-prod" } },
                {
                    type: t.S3_BUCKET_SSE_CONFIGURATION, name: "archive-encryption",
                    propertyDependencies: { bucket: ["scratch"] },
                    props: { bucket: "shop-scratch-prod", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
                },
            ],
            reported: ["uploads", "reports", "archive"],
            note: "Stack policies see outputs: a bucket that declares nothing reads back S3's default, SSE-S3.",
        },
        {
            title: "a separate configuration with SSE-KMS and a customer managed key (the recommended form), and the deprecated inline form on a Bucket",
            verdict: "pass",
            demo: true,
            resources: [
                { type: t.S3_BUCKET, name: "uploads", protect: true, props: { bucket: "shop-uploads-prod" } },
                {
                    type: t.S3_BUCKET_SSE_CONFIGURATION, name: "uploads-encryption",
                    propertyDependencies: { bucket: ["uploads"] },
                    props: { bucket: "shop-uploads-prod", rules: [sseKms] },
                },
                {
                    type: t.S3_BUCKET, name: "invoices", protect: true,
                    props: {
                        bucket: "shop-invoices-prod",
                        serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn } } },
                    },
                },
            ],
        },
        {
            title: "a static website bucket with S3's default encryption: its website endpoint cannot serve objects encrypted with SSE-KMS",
            verdict: "pass",
            resources: [
                { type: t.S3_BUCKET_V2, name: "site", props: { bucket: "www.example.com" } },
                {
                    type: t.S3_BUCKET_WEBSITE_CONFIGURATION, name: "site-website",
                    propertyDependencies: { bucket: ["site"] },
                    props: { bucket: "www.example.com", indexDocument: { suffix: "index.html" }, errorDocument: { key: "404.html" } },
                },
            ],
            note: "SSE-S3 is accepted for a bucket a BucketWebsiteConfiguration (or an inline `website` block) makes a website, unless requireCustomerManagedKey is set.",
        },
        {
            title: "a bucket CloudFront reads through an origin access identity, with S3's default encryption: an OAI cannot read objects encrypted with SSE-KMS",
            verdict: "pass",
            resources: [
                // The domain name and the identity's path are outputs: the stack part reads them there.
                {
                    type: t.S3_BUCKET_V2, name: "assets", props: { bucket: "shop-assets-prod" },
                    outputs: { bucket: "shop-assets-prod", bucketRegionalDomainName: "shop-assets-prod.s3.eu-west-1.amazonaws.com" },
                },
                {
                    type: t.CLOUDFRONT_ORIGIN_ACCESS_IDENTITY, name: "assets-oai", props: { comment: "shop assets" },
                    outputs: { comment: "shop assets", cloudfrontAccessIdentityPath: "origin-access-identity/cloudfront/E2QWRUHAPOMQZL" },
                },
                {
                    type: t.CLOUDFRONT_DISTRIBUTION, name: "cdn",
                    propertyDependencies: { origins: ["assets", "assets-oai"] },
                    props: {
                        enabled: true,
                        defaultRootObject: "index.html",
                        origins: [{
                            originId: "assets",
                            domainName: "shop-assets-prod.s3.eu-west-1.amazonaws.com",
                            s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E2QWRUHAPOMQZL" },
                        }],
                    },
                },
            ],
            note: "SSE-S3 is accepted for a bucket a distribution in the stack reads through an origin access identity, unless requireCustomerManagedKey is set; " +
                "then the finding says to move the origin to an origin access control, which can read SSE-KMS objects.",
        },
        {
            title: "an Application Load Balancer's access log bucket with S3's default encryption: Elastic Load Balancing writes its logs only to SSE-S3 buckets",
            verdict: "pass",
            resources: [
                { type: t.S3_BUCKET_V2, name: "alb-logs", props: { bucket: "shop-alb-logs-prod" } },
                {
                    type: t.LB_LOAD_BALANCER, name: "web",
                    propertyDependencies: { accessLogs: ["alb-logs"] },
                    props: {
                        loadBalancerType: "application",
                        internal: false,
                        subnets: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                        accessLogs: { bucket: "shop-alb-logs-prod", prefix: "web", enabled: true },
                    },
                },
            ],
            note: "SSE-S3 is accepted for a bucket an Application or Classic Load Balancer delivers access, connection or health check logs to, unless requireCustomerManagedKey is set. " +
                "A Network Load Balancer's log bucket is judged as any other: it can use a customer managed key.",
        },
        {
            title: "a bucket receiving S3 server access logs, with S3's default encryption: S3 delivers those logs only to SSE-S3 buckets",
            verdict: "pass",
            resources: [
                { type: t.S3_BUCKET_V2, name: "access-logs", props: { bucket: "shop-access-logs-prod" } },
                { type: t.S3_BUCKET_V2, name: "uploads", props: { bucket: "shop-uploads-prod" } },
                {
                    type: t.S3_BUCKET_SSE_CONFIGURATION, name: "uploads-encryption",
                    propertyDependencies: { bucket: ["uploads"] },
                    props: { bucket: "shop-uploads-prod", rules: [sseKms] },
                },
                {
                    type: t.S3_BUCKET_LOGGING, name: "uploads-logging",
                    propertyDependencies: { bucket: ["uploads"], targetBucket: ["access-logs"] },
                    props: { bucket: "shop-uploads-prod", targetBucket: "shop-access-logs-prod", targetPrefix: "uploads/" },
                },
            ],
            note: "SSE-S3 is accepted for a bucket a BucketLogging (or a bucket's inline logging block) names in `targetBucket`, or whose policy lets " +
                "logging.s3.amazonaws.com put objects, unless requireCustomerManagedKey is set. The source bucket is judged as any other.",
        },
        {
            title: "a bucket whose policy lets anyone read its objects, with its public access block off: S3 refuses unsigned requests for SSE-KMS objects",
            verdict: "pass",
            resources: [
                { type: t.S3_BUCKET_V2, name: "downloads", props: { bucket: "shop-downloads-prod" } },
                {
                    type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "downloads-pab",
                    propertyDependencies: { bucket: ["downloads"] },
                    props: { bucket: "shop-downloads-prod", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
                },
                {
                    type: t.S3_BUCKET_POLICY, name: "downloads-policy",
                    propertyDependencies: { bucket: ["downloads"] },
                    props: {
                        bucket: "shop-downloads-prod",
                        policy: JSON.stringify({
                            Version: "2012-10-17",
                            Statement: [{ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::shop-downloads-prod/*" }],
                        }),
                    },
                },
            ],
            note: "SSE-S3 is accepted for a bucket whose policy lets anyone GET objects (conditions only on TLS, the referer or object tags) once a public access block lets public policies through, " +
                "unless requireCustomerManagedKey is set. resource-policy-no-wildcards still reports the public policy itself.",
        },
        {
            title: "a new bucket, origin access identity and distribution during a first preview: the origin's bucket is known by its dependencies",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [
                { type: t.S3_BUCKET_V2, name: "assets", props: { bucket: { $unknown: "string" }, bucketRegionalDomainName: { $unknown: "string" } } },
                { type: t.CLOUDFRONT_ORIGIN_ACCESS_IDENTITY, name: "assets-oai", props: { cloudfrontAccessIdentityPath: { $unknown: "string" } } },
                {
                    type: t.CLOUDFRONT_DISTRIBUTION, name: "cdn",
                    propertyDependencies: { origins: ["assets", "assets-oai"] },
                    props: {
                        enabled: true,
                        origins: [{ originId: "assets", domainName: { $unknown: "string" }, s3OriginConfig: { originAccessIdentity: { $unknown: "string" } } }],
                    },
                },
            ],
        },
        {
            title: "SSE-S3 accepted by config, with the bucket's configuration unknown during a first preview",
            verdict: "pass",
            preview: true,
            config: { allowedAlgorithms: ["AES256", "aws:kms", "aws:kms:dsse"] },
            docs: false,
            resources: [
                { type: t.S3_BUCKET_V2, name: "logs", props: { bucket: { $unknown: "string" }, serverSideEncryptionConfigurations: { $unknown: "array" } } },
                {
                    type: t.S3_BUCKET_SSE_CONFIGURATION_V2, name: "logs-encryption",
                    propertyDependencies: { bucket: ["logs"] },
                    props: { bucket: { $unknown: "string" }, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
                },
            ],
        },
    ];
}
