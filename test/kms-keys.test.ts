import { describe, expect, it } from "vitest";
import { awsManagedKeyService, describeKeyReference, isCustomerManagedKey, readKeyReference } from "../policies/lib/kms-keys";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";

describe("KMS key references (policies/lib/kms-keys.ts)", () => {
    it.each([
        ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "customer-managed"],
        ["1234abcd-12ab-34cd-56ef-1234567890ab", "customer-managed"],
        ["mrk-1234abcd12ab34cd56ef1234567890ab", "customer-managed"],
        ["alias/shop-data", "customer-managed"],
        ["arn:aws:kms:eu-west-1:111122223333:alias/shop-data", "customer-managed"],
        ["alias/awsome", "customer-managed"],
        ["alias/aws/ebs", "aws-managed"],
        ["arn:aws:kms:eu-west-1:111122223333:alias/aws/rds", "aws-managed"],
        ["arn:aws-cn:kms:cn-north-1:111122223333:alias/aws/s3", "aws-managed"],
        ["arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/sqs", "aws-managed"],
        ["aws/kinesis", "aws-managed"],
        ["AWS_OWNED_KMS_KEY", "aws-owned"],
        // Security Lake's SSE-S3 sentinel.
        ["S3_MANAGED_KEY", "aws-owned"],
        ["", "unset"],
        [undefined, "unset"],
        [null, "unset"],
        [UNKNOWN_SENTINELS.string, "unknown"],
        [42, "invalid"],
        [{ arn: "x" }, "invalid"],
    ])("%j is %s", (value, kind) => {
        expect(readKeyReference(value).kind).toBe(kind);
        expect(isCustomerManagedKey(value)).toBe(kind === "customer-managed");
    });

    it("names the service of an AWS managed key; the bare form only when asked", () => {
        expect(awsManagedKeyService("alias/aws/s3")).toBe("s3");
        expect(awsManagedKeyService("x:alias/aws/s3")).toBe("s3");
        expect(awsManagedKeyService("a:alias/aws/foo:alias/aws/s3")).toBe("s3");
        expect(awsManagedKeyService("alias/aws/s3/extra")).toBe("s3/extra");
        expect(awsManagedKeyService("foo/alias/aws/s3")).toBeUndefined();
        expect(awsManagedKeyService("aws/kinesis")).toBeUndefined();
        expect(awsManagedKeyService("aws/kinesis", { bare: true })).toBe("kinesis");
    });

    it("describes only AWS's own names, never other text", () => {
        expect(describeKeyReference("alias/aws/ebs")).toBe("names the AWS managed key aws/ebs");
        expect(describeKeyReference("alias/aws/SECRET_token")).toBe("names an AWS managed key (alias/aws/...)");
        expect(describeKeyReference("AWS_OWNED_KMS_KEY")).toBe('is "AWS_OWNED_KMS_KEY", an AWS owned key');
        expect(describeKeyReference("S3_MANAGED_KEY")).toBe('is "S3_MANAGED_KEY", S3-managed keys (SSE-S3)');
        expect(describeKeyReference("alias/shop-data")).toBeUndefined();
        expect(describeKeyReference(7)).toBeUndefined();
    });
});
