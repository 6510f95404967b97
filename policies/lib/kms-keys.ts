// How a resource names the KMS key that encrypts it: a customer managed key, an AWS managed
// key (the `aws/<service>` aliases AWS creates per account and service), or an AWS owned key.
// One reading for every policy that asks "is this a customer managed key?".
//
// "The alias/aws/ prefix is reserved for AWS managed keys" (KMS Developer Guide, Create
// aliases), so any alias under it, bare or as an alias ARN in any partition, is AWS managed.
// Kinesis also documents the bare form `aws/kinesis`. Everything else that names a key (a key
// id, an `mrk-` id, a key ARN, a custom alias) is taken as customer managed: a key ARN read
// from `aws.kms.getKey({keyId: "alias/aws/rds"})` looks exactly like one, and invokes are
// invisible to a policy pack.
import { isUnknown } from "./values";

/** `alias/aws/<svc>` or `arn:<partition>:kms:<region>:<account>:alias/aws/<svc>`. */
const AWS_ALIAS = /(?:^|:)alias\/aws\/([^:]+)$/;
/** The bare form some services accept (Kinesis: "aws/kinesis"). */
const BARE_AWS_ALIAS = /^aws\/([^:]+)$/;

/**
 * Sentinels some resources take instead of a key, with how a message names them: Keyspaces',
 * DSQL's and QLDB's AWS owned key, Security Lake's `S3_MANAGED_KEY` (SSE-S3: keys S3 owns).
 */
const AWS_OWNED_SENTINELS = new Map([["AWS_OWNED_KMS_KEY", "an AWS owned key"], ["S3_MANAGED_KEY", "S3-managed keys (SSE-S3)"]]);

/**
 * The service of an AWS managed key reference ("alias/aws/s3" or an alias ARN → "s3"), or
 * undefined for anything else. `bare` also reads "aws/kinesis" as the Kinesis key.
 */
export function awsManagedKeyService(ref: string, options: { bare?: boolean } = {}): string | undefined {
    const m = AWS_ALIAS.exec(ref) ?? (options.bare ? BARE_AWS_ALIAS.exec(ref) : null);
    return m ? m[1] : undefined;
}

export type KeyReference =
    | { kind: "unset" }
    /** Unknown at preview (a key created in the same update): declared, not judged. */
    | { kind: "unknown" }
    | { kind: "customer-managed" }
    | { kind: "aws-managed"; service: string }
    | { kind: "aws-owned" }
    /** Not a string: the provider rejects it. */
    | { kind: "invalid" };

/** What a key input names. An empty string is unset (the provider sends no key). */
export function readKeyReference(value: unknown): KeyReference {
    if (isUnknown(value)) return { kind: "unknown" };
    if (value === undefined || value === null || value === "") return { kind: "unset" };
    if (typeof value !== "string") return { kind: "invalid" };
    if (AWS_OWNED_SENTINELS.has(value)) return { kind: "aws-owned" };
    const service = awsManagedKeyService(value, { bare: true });
    return service === undefined ? { kind: "customer-managed" } : { kind: "aws-managed", service };
}

/** True for a known reference to a customer managed key. */
export function isCustomerManagedKey(value: unknown): boolean {
    return readKeyReference(value).kind === "customer-managed";
}

// Service names of AWS managed keys, the only parts of a key reference messages may quote:
// anything else after alias/aws/ could be any text, and text may be secret.
const KNOWN_AWS_KEY_SERVICES = new Set([
    "acm", "backup", "cloudtrail", "codeartifact", "codecommit", "dms", "dynamodb", "ebs", "ecr", "elasticache", "elasticfilesystem", "es", "fsx", "glue",
    "kafka", "kinesis", "kinesisvideo", "lambda", "logs", "memorydb", "mq", "rds", "redshift", "s3", "sagemaker", "secretsmanager", "sns", "sqs",
    "ssm", "timestream", "workspaces", "xray",
]);

/**
 * How a message names a key reference that is not customer managed, e.g. "names the AWS
 * managed key aws/ebs"; undefined for other values (described by their type instead).
 */
export function describeKeyReference(value: unknown): string | undefined {
    const ref = readKeyReference(value);
    if (ref.kind === "aws-managed") {
        return KNOWN_AWS_KEY_SERVICES.has(ref.service) ? `names the AWS managed key aws/${ref.service}` : "names an AWS managed key (alias/aws/...)";
    }
    // A sentinel is one of a known few: safe to quote.
    if (ref.kind === "aws-owned") return `is "${value as string}", ${AWS_OWNED_SENTINELS.get(value as string)}`;
    return undefined;
}
