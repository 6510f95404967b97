// The identity and key family against held-out cases (seventeenth replay): Security Hub IAM.1, IAM.21, KMS.1,
// KMS.2, KMS.4, other scanners' rules and their false-alarm issues, public Pulumi/Terraform/CDK shapes. Each row
// was labelled before it was run; every row runs through the pure rule and, unknowns sent as at preview, the
// engine path.
import { describe, expect, it } from "vitest";
import { DEFAULT_DENIED_POLICY_ARNS, findAdminManagedPolicies } from "../policies/iam-no-admin-managed-policies";
import { findWildcardActions } from "../policies/iam-no-wildcard-actions";
import { findKeysWithoutRotation } from "../policies/kms-key-rotation";
import { findKeyPolicyWildcards } from "../policies/kms-no-wildcard-actions";
import { KEY_USE_WILDCARDS } from "../policies/lib/policy-document";
import { Finding, PlainResource } from "../policies/lib/rule";
import * as t from "../policies/lib/tokens";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { useEngine } from "./helpers/engine";
import { resource, sentinelsToWire } from "./helpers/resources";

const U = UNKNOWN_SENTINELS;
const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/orders-fn-role`;
const BUCKET = "arn:aws:s3:::shop-artifacts";
const MANAGED = (name: string, partition = "aws") => `arn:${partition}:iam::aws:policy/${name}`;
const LAMBDA_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const NATIVE_TRUST = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] };

const doc = (statement: unknown) => ({ Version: "2012-10-17", Statement: statement });
const s = (statement: unknown) => JSON.stringify(doc(statement));
const allow = (action: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Action: action, Resource: "*", ...extra });
const grant = (principal: unknown, action: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Principal: principal, Action: action, Resource: "*", ...extra });
const ENABLE_IAM = { Sid: "Enable IAM User Permissions", ...grant({ AWS: ROOT }, "kms:*") };

type Policy = "iam-no-wildcard-actions" | "iam-no-admin-managed-policies" | "kms-no-wildcard-actions" | "kms-key-rotation";
const RULES: Record<Policy, (r: PlainResource) => Finding[]> = {
    "iam-no-wildcard-actions": (r) => findWildcardActions(r, { allowedActions: [...KEY_USE_WILDCARDS] }),
    "iam-no-admin-managed-policies": (r) => findAdminManagedPolicies(r, { deniedPolicyArns: [...DEFAULT_DENIED_POLICY_ARNS] }),
    "kms-no-wildcard-actions": (r) => findKeyPolicyWildcards(r, { allowedActions: [...KEY_USE_WILDCARDS] }),
    "kms-key-rotation": (r) => findKeysWithoutRotation(r, { maxRotationPeriodDays: 365 }),
};

// [id and label, policy, type, props, violation expected]
type Row = [string, Policy, string, Record<string, unknown>, boolean];
const W: Policy = "iam-no-wildcard-actions";
const A: Policy = "iam-no-admin-managed-policies";
const K: Policy = "kms-no-wildcard-actions";
const R: Policy = "kms-key-rotation";

const ROWS: Row[] = [
    // False alarms first.
    ["W2 named iam:PassRole on * (Resource is not this policy's)", W, t.IAM_POLICY, { policy: s([allow("iam:PassRole")]) }, false],
    ["W3 named CreatePolicyVersion and SetDefaultPolicyVersion on *", W, t.IAM_POLICY, { policy: s([allow(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"])]) }, false],
    ["W5 Deny * with NotResource beside a named Allow", W, t.IAM_ROLE_POLICY, {
        role: "r", policy: s([allow("s3:GetObject", { Resource: `${BUCKET}/*` }), { Effect: "Deny", Action: "*", NotResource: [BUCKET, `${BUCKET}/*`] }]),
    }, false],
    ["W9 Role inlinePolicies [{}] (removes them)", W, t.IAM_ROLE, { assumeRolePolicy: LAMBDA_TRUST, inlinePolicies: [{}] }, false],
    ["W10 Role with managedPolicyArns only", W, t.IAM_ROLE, { assumeRolePolicy: LAMBDA_TRUST, managedPolicyArns: [MANAGED("ReadOnlyAccess")] }, false],
    ["W11 named action in upper case", W, t.IAM_USER_POLICY, { user: "u", policy: s([allow("S3:GETOBJECT", { Resource: `${BUCKET}/*` })]) }, false],
    ["W12 kms:Decrypt and kms:GenerateDataKey* (key-use default)", W, t.IAM_ROLE_POLICY, { role: "r", policy: s([allow(["kms:Decrypt", "kms:GenerateDataKey*"], { Resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` })]) }, false],
    ["W14 document unknown at preview", W, t.IAM_POLICY, { policy: U.string }, false],
    ["W15 object document, one action unknown beside a named one", W, t.IAM_ROLE_POLICY, { role: "r", policy: doc([allow(["sqs:SendMessage", U.string])]) }, false],
    ["W21 cloudwatch:PutMetricData on *", W, t.NATIVE_IAM_ROLE_POLICY, { roleName: "r", policyName: "metrics", policyDocument: doc([allow("cloudwatch:PutMetricData")]) }, false],
    ["A2 ReadOnlyAccess", A, t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: MANAGED("ReadOnlyAccess") }, false],
    ["A3 service-role/AWSLambdaBasicExecutionRole", A, t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: MANAGED("service-role/AWSLambdaBasicExecutionRole") }, false],
    ["A4 PolicyAttachment with every list empty", A, t.IAM_POLICY_ATTACHMENT, { name: "admins", policyArn: MANAGED("AdministratorAccess"), roles: [], users: [], groups: [] }, false],
    ["A8 AdministratorAccess as a permissions boundary", A, t.IAM_ROLE, { assumeRolePolicy: LAMBDA_TRUST, permissionsBoundary: MANAGED("AdministratorAccess") }, false],
    ["A9 a customer policy that happens to be named AdministratorAccess", A, t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: `arn:aws:iam::${ACCOUNT}:policy/AdministratorAccess` }, false],
    ["A10 policyArn unknown at preview", A, t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: U.string }, false],
    ["A13 aws-native PermissionSet ReadOnlyAccess", A, t.NATIVE_SSO_PERMISSION_SET, { instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", name: "ReadOnly", managedPolicies: [MANAGED("ReadOnlyAccess")] }, false],
    ["A14 AdministratorAccess-AWSElasticBeanstalk (strict preset only)", A, t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: MANAGED("AdministratorAccess-AWSElasticBeanstalk") }, false],
    ["A15 AmazonS3FullAccess (strict preset only)", A, t.IAM_USER_POLICY_ATTACHMENT, { user: "u", policyArn: MANAGED("AmazonS3FullAccess") }, false],
    ["A16 AWSDenyAll", A, t.IAM_USER_POLICY_ATTACHMENT, { user: "u", policyArn: MANAGED("AWSDenyAll") }, false],
    ["A18 job-function/NetworkAdministrator", A, t.IAM_GROUP_POLICY_ATTACHMENT, { group: "g", policyArn: MANAGED("job-function/NetworkAdministrator") }, false],
    ["A19 PolicyAttachment whose roles are unknown at preview", A, t.IAM_POLICY_ATTACHMENT, { name: "admins", policyArn: MANAGED("AdministratorAccess"), roles: U.string }, false],
    ["K1 the default root statement", K, t.KMS_KEY, { policy: s([ENABLE_IAM]) }, false],
    ["K3 the key users statement", K, t.KMS_KEY, { policy: s([ENABLE_IAM, grant({ AWS: ROLE_ARN }, ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"])]) }, false],
    ["K4 CloudWatch Logs with the key-use wildcards and ArnLike", K, t.KMS_KEY, {
        policy: s([ENABLE_IAM, grant({ Service: "logs.eu-west-1.amazonaws.com" }, ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], {
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*` } },
        })]),
    }, false],
    ["K5 anyone, pinned by kms:CallerAccount and kms:ViaService", K, t.KMS_KEY, {
        policy: s([ENABLE_IAM, grant({ AWS: "*" }, ["kms:Decrypt", "kms:DescribeKey"], { Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "ec2.eu-west-1.amazonaws.com" } } })]),
    }, false],
    ["K7 aws-native Key with the default root statement", K, t.NATIVE_KMS_KEY, { keyPolicy: doc([ENABLE_IAM]), enableKeyRotation: true }, false],
    ["K10 key policy unknown at preview", K, t.KMS_KEY, { policy: U.string }, false],
    ["R2 RSA_2048 key", R, t.KMS_KEY, { customerMasterKeySpec: "RSA_2048", keyUsage: "ENCRYPT_DECRYPT", enableKeyRotation: false }, false],
    ["R3 HMAC_256 key", R, t.KMS_KEY, { customerMasterKeySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" }, false],
    ["R4 imported material (ExternalKey)", R, t.KMS_EXTERNAL_KEY, { description: "byok", enabled: true }, false],
    ["R5 replica key", R, t.KMS_REPLICA_KEY, { primaryKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab` }, false],
    ["R6 aws-native Key with origin EXTERNAL", R, t.NATIVE_KMS_KEY, { origin: "EXTERNAL", enableKeyRotation: false }, false],
    ["R7 aws-native ECC_SECG_P256K1 signing key", R, t.NATIVE_KMS_KEY, { keySpec: "ECC_SECG_P256K1", keyUsage: "SIGN_VERIFY" }, false],
    ["R9 rotation every 180 days", R, t.KMS_KEY, { enableKeyRotation: true, rotationPeriodInDays: 180 }, false],
    ["R11 multi-Region primary rotating", R, t.KMS_KEY, { multiRegion: true, enableKeyRotation: true }, false],
    ["R12 aws-native ReplicaKey", R, t.NATIVE_KMS_REPLICA_KEY, { primaryKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1`, keyPolicy: doc([ENABLE_IAM]) }, false],
    ["R13 rotation unknown at preview", R, t.KMS_KEY, { enableKeyRotation: U.boolean }, false],
    ["R14 aws-native ML_DSA_44 key", R, t.NATIVE_KMS_KEY, { keySpec: "ML_DSA_44", keyUsage: "SIGN_VERIFY" }, false],
    ["R15 aws-native disabled key with rotation off", R, t.NATIVE_KMS_KEY, { enabled: false, enableKeyRotation: false }, false],
    ["R17 key usage unknown at preview, rotation off", R, t.KMS_KEY, { keyUsage: U.string, enableKeyRotation: false }, false],
    ["K12 a bare account id granted kms:* (that account's root)", K, t.KMS_KEY, { policy: s([{ ...ENABLE_IAM, Principal: { AWS: ACCOUNT } }]) }, false],
    ["K14 the root alone with Allow NotAction", K, t.KMS_KEY, { policy: s([{ Effect: "Allow", Principal: { AWS: ROOT }, NotAction: "kms:ScheduleKeyDeletion", Resource: "*" }]) }, false],
    ["K17 a Deny of kms:* to anyone beside the root statement", K, t.KMS_KEY, {
        policy: s([ENABLE_IAM, { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }]),
    }, false],
    ["K18 policy \"\" (AWS's default key policy)", K, t.KMS_KEY, { policy: "" }, false],
    ["K19 AWS's CloudTrail key policy", K, t.KMS_KEY, {
        policy: s([
            ENABLE_IAM,
            grant({ Service: "cloudtrail.amazonaws.com" }, "kms:GenerateDataKey*", { Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` } } }),
            grant({ Service: "cloudtrail.amazonaws.com" }, "kms:DescribeKey"),
            grant({ AWS: "*" }, ["kms:Decrypt", "kms:ReEncryptFrom"], {
                Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT }, StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` } },
            }),
        ]),
    }, false],
    ["K20 the console's grants for AWS resources", K, t.KMS_KEY, {
        policy: s([ENABLE_IAM, grant({ AWS: ROLE_ARN }, ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], { Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } })]),
    }, false],
    ["W23 ec2:RunInstances and iam:PassRole on * (an escalation pair, named)", W, t.IAM_ROLE_POLICY, { role: "r", policy: s([allow(["ec2:RunInstances", "iam:PassRole"])]) }, false],
    ["W24 named iam:PutRolePolicy and iam:AttachRolePolicy on *", W, t.IAM_POLICY, { policy: s([allow(["iam:PutRolePolicy", "iam:AttachRolePolicy"])]) }, false],
    ["W25 IoT iot:Connect on the thing's own client id", W, t.IOT_POLICY, { policy: s([allow("iot:Connect", { Resource: `arn:aws:iot:eu-west-1:${ACCOUNT}:client/\${iot:Connection.Thing.ThingName}` })]) }, false],
    ["W28 iam:PassRole on * narrowed by iam:PassedToService (fluidattacks' open-passrole fixture)", W, t.IAM_ROLE_POLICY, {
        role: "r", policy: s([allow("iam:PassRole", { Condition: { StringEquals: { "iam:PassedToService": "cloudwatch.amazonaws.com" } } })]),
    }, false],
    ["A22 UserPolicyAttachmentsExclusive []", A, t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE, { userName: "u", policyArns: [] }, false],
    ["A24 budget action applying AWSDenyAll", A, t.BUDGETS_BUDGET_ACTION, {
        budgetName: "monthly", actionType: "APPLY_IAM_POLICY", approvalModel: "AUTOMATIC", notificationType: "ACTUAL", executionRoleArn: ROLE_ARN,
        actionThreshold: { actionThresholdType: "PERCENTAGE", actionThresholdValue: 100 },
        definition: { iamActionDefinition: { policyArn: MANAGED("AWSDenyAll"), roles: ["dev"] } },
        subscribers: [{ address: "ops@example.com", subscriptionType: "EMAIL" }],
    }, false],
    ["A26 aws-native Role, one ARN unknown at preview beside ReadOnlyAccess", A, t.NATIVE_IAM_ROLE, { assumeRolePolicyDocument: NATIVE_TRUST, managedPolicyArns: [U.string, MANAGED("ReadOnlyAccess")] }, false],
    ["A27 Role managedPolicyArns []", A, t.IAM_ROLE, { assumeRolePolicy: LAMBDA_TRUST, managedPolicyArns: [] }, false],
    ["R22 ReplicaExternalKey", R, t.KMS_REPLICA_EXTERNAL_KEY, { primaryKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-2` }, false],
    ["R23 aws-native ECC_NIST_P256 key-agreement key", R, t.NATIVE_KMS_KEY, { keySpec: "ECC_NIST_P256", keyUsage: "KEY_AGREEMENT" }, false],
    ["R24 key in an external key store", R, t.KMS_KEY, { customKeyStoreId: "cks-1234567890abcdef0", xksKeyId: "ext-key-1" }, false],
    ["R25 aws-native Key rotating, period unknown at preview", R, t.NATIVE_KMS_KEY, { enableKeyRotation: true, rotationPeriodInDays: U.number }, false],
    // Violations.
    ["W1 s3:Get* on one bucket", W, t.IAM_ROLE_POLICY, { role: "r", policy: s([allow("s3:Get*", { Resource: `${BUCKET}/*` })]) }, true],
    ["W4 Allow NotAction iam:*", W, t.IAM_USER_POLICY, { user: "u", policy: s([{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }]) }, true],
    ["W6 * limited to one Region", W, t.IAM_GROUP_POLICY, { group: "g", policy: s([allow("*", { Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } })]) }, true],
    ["W7 aws-native Role policies[] logs:*", W, t.NATIVE_IAM_ROLE, { assumeRolePolicyDocument: NATIVE_TRUST, policies: [{ policyName: "logs", policyDocument: doc([allow("logs:*")]) }] }, true],
    ["W8 aws-native ManagedPolicy ec2:Describe*", W, t.NATIVE_IAM_MANAGED_POLICY, { policyDocument: doc([allow("ec2:Describe*")]) }, true],
    ["W13 kms:* in an identity policy", W, t.IAM_POLICY, { policy: s([allow("kms:*")]) }, true],
    ["W16 a boundary-style document", W, t.IAM_POLICY, { name: "boundary", policy: s([allow(["s3:*", "cloudwatch:*", "ec2:*"])]) }, true],
    ["W17 PermissionSetInlinePolicy ssm:*", W, t.SSOADMIN_PERMISSION_SET_INLINE_POLICY, {
        instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-1", inlinePolicy: s([allow("ssm:*")]),
    }, true],
    ["W18 aws-native UserPolicy Action *", W, t.NATIVE_IAM_USER_POLICY, { userName: "u", policyName: "all", policyDocument: doc([allow("*")]) }, true],
    ["W19 s3:*Object", W, t.IAM_ROLE_POLICY, { role: "r", policy: s([allow("s3:*Object", { Resource: `${BUCKET}/*` })]) }, true],
    ["W20 aws-native User policies[] Allow NotAction NotResource", W, t.NATIVE_IAM_USER, {
        policies: [{ policyName: "np", policyDocument: doc([{ Effect: "Allow", NotAction: "iam:*", NotResource: "arn:aws:iam::*:role/admin" }]) }],
    }, true],
    ["W22 one statement object sqs:*", W, t.IAM_POLICY, { policy: JSON.stringify(doc(allow("sqs:*"))) }, true],
    ["A1 AdministratorAccess on a role", A, t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: MANAGED("AdministratorAccess") }, true],
    ["A5 PolicyAttachment PowerUserAccess to a user", A, t.IAM_POLICY_ATTACHMENT, { name: "pu", policyArn: MANAGED("PowerUserAccess"), users: ["alice"] }, true],
    ["A6 Role managedPolicyArns in aws-us-gov", A, t.IAM_ROLE, { assumeRolePolicy: LAMBDA_TRUST, managedPolicyArns: [MANAGED("AdministratorAccess", "aws-us-gov")] }, true],
    ["A7 aws-native Role IAMFullAccess", A, t.NATIVE_IAM_ROLE, { assumeRolePolicyDocument: NATIVE_TRUST, managedPolicyArns: [MANAGED("IAMFullAccess")] }, true],
    ["A11 RolePolicyAttachmentsExclusive with AdministratorAccess second", A, t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, { roleName: "r", policyArns: [MANAGED("ReadOnlyAccess"), MANAGED("AdministratorAccess")] }, true],
    ["A12 SSO ManagedPolicyAttachment AdministratorAccess", A, t.SSOADMIN_MANAGED_POLICY_ATTACHMENT, {
        instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-1", managedPolicyArn: MANAGED("AdministratorAccess"),
    }, true],
    ["A17 aws-cn AdministratorAccess on a group", A, t.IAM_GROUP_POLICY_ATTACHMENT, { group: "g", policyArn: MANAGED("AdministratorAccess", "aws-cn") }, true],
    ["K2 kms:* to a role", K, t.KMS_KEY, { policy: s([ENABLE_IAM, grant({ AWS: ROLE_ARN }, "kms:*")]) }, true],
    ["K6 kms:Decrypt to anyone without a condition", K, t.KMS_KEY, { policy: s([ENABLE_IAM, grant({ AWS: "*" }, "kms:Decrypt")]) }, true],
    ["K8 aws-native ReplicaKey kms:* to a role", K, t.NATIVE_KMS_REPLICA_KEY, { primaryKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1`, keyPolicy: doc([ENABLE_IAM, grant({ AWS: ROLE_ARN }, "kms:*")]) }, true],
    ["K9 KeyPolicy with bypassPolicyLockoutSafetyCheck", K, t.KMS_KEY_POLICY, { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab", policy: s([ENABLE_IAM]), bypassPolicyLockoutSafetyCheck: true }, true],
    ["K11 two accounts' roots granted kms:*", K, t.KMS_KEY, { policy: s([ENABLE_IAM, grant({ AWS: "arn:aws:iam::444455556666:root" }, "kms:*")]) }, true],
    ["R1 a key that says nothing of rotation", R, t.KMS_KEY, { description: "orders", deletionWindowInDays: 7 }, true],
    ["R8 aws-native Key rotating every 730 days", R, t.NATIVE_KMS_KEY, { enableKeyRotation: true, rotationPeriodInDays: 730 }, true],
    ["R10 aws-native Key without rotation input", R, t.NATIVE_KMS_KEY, { description: "cdk key" }, true],
    ["R16 rotation every 2560 days", R, t.KMS_KEY, { enableKeyRotation: true, rotationPeriodInDays: 2560 }, true],
    ["K13 the root and a role in one statement granted kms:*", K, t.KMS_KEY, { policy: s([{ ...ENABLE_IAM, Principal: { AWS: [ROOT, ROLE_ARN] } }]) }, true],
    ["K15 kms:* to everyone in the organization", K, t.KMS_KEY, { policy: s([ENABLE_IAM, grant("*", "kms:*", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } })]) }, true],
    ["K16 aws-native Key keyPolicy as a JSON string, kms:* to a role", K, t.NATIVE_KMS_KEY, { keyPolicy: s([ENABLE_IAM, grant({ AWS: ROLE_ARN }, "kms:*")]), enableKeyRotation: true }, true],
    ["W26 IoT iot:*", W, t.NATIVE_IOT_POLICY, { policyDocument: doc([allow("iot:*")]) }, true],
    ["W27 iam:Pass* on * (the same fixture)", W, t.IAM_ROLE_POLICY, { role: "r", policy: s([allow("iam:Pass*")]) }, true],
    ["A20 aws-native Group AdministratorAccess", A, t.NATIVE_IAM_GROUP, { managedPolicyArns: [MANAGED("AdministratorAccess")] }, true],
    ["A21 aws-native User PowerUserAccess", A, t.NATIVE_IAM_USER, { managedPolicyArns: [MANAGED("PowerUserAccess")] }, true],
    ["A23 SSO ManagedPolicyAttachmentsExclusive AdministratorAccess", A, t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE, {
        instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-1", managedPolicyArns: [MANAGED("AdministratorAccess")],
    }, true],
    ["A25 AWSOpsWorksRegisterCLI", A, t.IAM_USER_POLICY_ATTACHMENT, { user: "u", policyArn: MANAGED("AWSOpsWorksRegisterCLI") }, true],
    ["R18 aws-native SYMMETRIC_DEFAULT AWS_KMS key with rotation off", R, t.NATIVE_KMS_KEY, { keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", enableKeyRotation: false }, true],
    ["R19 a period with rotation off", R, t.KMS_KEY, { customerMasterKeySpec: "SYMMETRIC_DEFAULT", enableKeyRotation: false, rotationPeriodInDays: 90 }, true],
    ["R20 a disabled multi-Region primary without rotation", R, t.KMS_KEY, { isEnabled: false, multiRegion: true }, true],
    ["R21 aws-native disabled multi-Region primary without rotation", R, t.NATIVE_KMS_KEY, { enabled: false, multiRegion: true }, true],
];

const id = (label: string) => label.split(" ")[0];

describe("identity and key family: held-out cases (seventeenth replay), pure rules", () => {
    it.each(ROWS)("%s", (label, policy, type, props, expected) => {
        expect(RULES[policy](resource(type, props, { name: id(label) })).length > 0).toBe(expected);
    });
});

describe("identity and key family: held-out cases (seventeenth replay), engine path", () => {
    const engine = useEngine();
    it("the same rows, unknowns sent as at preview: each policy reports exactly its expected rows", async () => {
        const run = await engine.run({ resources: ROWS.map(([label, , type, props]) => ({ type, name: id(label), props: sentinelsToWire(props) })) });
        for (const policy of Object.keys(RULES) as Policy[]) {
            const mine = new Set(ROWS.filter(([, p]) => p === policy).map(([label]) => id(label)));
            const reported = [...new Set(run.of(policy).map((d) => run.resources.find((r) => r.urn === d.urn)?.name))].filter((n) => n !== undefined && mine.has(n));
            expect([policy, reported.sort()]).toEqual([policy, ROWS.filter(([, p, , , e]) => p === policy && e).map(([label]) => id(label)).sort()]);
        }
    });
});
