import * as path from "path";
import { describe, expect, it } from "vitest";
import { loadInputFile } from "../cli/inputs";
import type { PlainResource } from "../policies/lib/rule";
import * as t from "../policies/lib/tokens";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import {
    ACCESS_POINT_POLICY_TYPES, ACL_TYPES, BUCKET_POLICY_TYPES, DOMAIN_POLICY_TYPES, findPublicGrants, findResourcePolicyWildcards, OBJECT_ACL_TYPES, PERMISSION_TYPES, RESOURCE_POLICY_DOCUMENTS, RESOURCE_POLICY_TYPES, SHARING_TYPES, TARGET_JUDGED_POLICY_TYPES,
} from "../policies/resource-policy-no-wildcards";
import { FIXTURES, useEngine } from "./helpers/engine";
import { readCounter } from "./helpers/reads";
import { resource } from "./helpers/resources";
import { assertNotShown } from "./helpers/secrets";

const POLICY = "resource-policy-no-wildcards";
const U = UNKNOWN_SENTINELS;
const V = "2012-10-17";
const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const BUCKET = "arn:aws:s3:::shop-uploads";
const QUEUE = `arn:aws:sqs:eu-west-1:${ACCOUNT}:orders`;
const TOPIC = `arn:aws:sns:eu-west-1:${ACCOUNT}:orders`;
const ORG = "o-a1b2c3d4e5";

const doc = (...statements: unknown[]) => ({ Version: V, Statement: statements });
const allow = (principal: unknown, action: unknown, extra: Record<string, unknown> = {}) =>
    ({ Effect: "Allow", Principal: principal, Action: action, Resource: "*", ...extra });
const deny = (principal: unknown, action: unknown, extra: Record<string, unknown> = {}) =>
    ({ Effect: "Deny", Principal: principal, Action: action, Resource: "*", ...extra });

/** The exception of AWS's identity perimeter for resources tagged to leave it. */
const TAG_EXCEPTION = { "aws:ResourceTag/dp:exclude:identity": "true" };
/** AWS's identity perimeter as a resource policy, both Denies excepting resources tagged dp:exclude:identity. */
const tagExceptedPerimeter = (service: string, action: string) => doc(allow("*", action, { Sid: "AllowAny" }),
    deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG, ...TAG_EXCEPTION }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
    deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG, ...TAG_EXCEPTION }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }));
/** A resource's name in an engine run, by its URN. */
const nameOfUrn = (run: { resources: { urn: string; name: string }[] }, urn: string) => run.resources.find((r) => r.urn === urn)?.name;
const when = (operator: string, key: string, value: unknown) => ({ Condition: { [operator]: { [key]: value } } });

// What a finding says after `<type> "r": <path> <statement> `, up to the first period.
const WILDCARD = (actions: string) => `allows wildcard actions ${actions} to principals other than an account root`;
const NOT_ACTION = "allows NotAction, which grants every action except those listed, to principals other than an account root";
const ANYONE = 'allows any principal (Principal "*") without a condition that pins the caller';
const ANYONE_BUT = 'allows every principal but those in NotPrincipal without a condition that pins the caller';
const UNPINNED_CLOUDFRONT = 'allows the service principal "cloudfront.amazonaws.com" without a condition on aws:SourceArn, aws:SourceAccount or aws:SourceOrgID, ' +
    "so the CloudFront distributions of every AWS account may use it through an origin access control";
const UNPINNED_S3_EVENTS = 'allows the service principal "s3.amazonaws.com" without a condition on aws:SourceArn, aws:SourceAccount or aws:SourceOrgID, ' +
    "so S3 may deliver here the event notifications of any AWS account's bucket, for your consumers to act on";
const UNPINNED_SES = 'allows the service principal "ses.amazonaws.com" without a condition on aws:SourceArn, aws:SourceAccount or aws:SourceOrgID, ' +
    "so the SES receipt rules of every AWS account may write the mail they receive into the bucket, under any key prefix they choose";
const RULE = `arn:aws:ses:eu-west-1:${ACCOUNT}:receipt-rule-set/inbound:receipt-rule/store`;
const ANYONE_INSIDE = (principal: string) => `names principal "${principal}", read as any principal (IAM rejects a wildcard inside a principal: only the whole principal may be "*"), without a condition that pins the caller`;

// The verdict on a stack of this one resource: its resource part, then the stack part (ACLs and bucket policies open to anyone).
function check(type: string, props: Record<string, unknown>, allowedActions: string[] = []): string[] {
    const r = resource(type, props);
    return [...findResourcePolicyWildcards(r, { allowedActions }), ...findPublicGrants([r])].map((f) => f.message);
}
const short = (messages: string[]) => messages.map((m) => m.replace(/\. .*$/s, ""));

describe("findResourcePolicyWildcards (pure rule): documented patterns that must pass", () => {
    // [label, type, statements]: each as an object and as a JSON string.
    const cases: [string, string, unknown[]][] = [
        ["the default SNS topic policy: {AWS: *} pinned by AWS:SourceOwner (keys are case-insensitive)", t.SNS_TOPIC_POLICY, [{
            Sid: "__default_statement_ID", Effect: "Allow", Principal: { AWS: "*" },
            Action: ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic",
                "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish", "SNS:Receive"],
            Resource: TOPIC, Condition: { StringEquals: { "AWS:SourceOwner": ACCOUNT } },
        }]],
        ["a TLS-only Deny with Principal * and s3:* (wildcards in a Deny are good practice)", t.S3_BUCKET_POLICY,
            [deny("*", "s3:*", { Resource: [BUCKET, `${BUCKET}/*`], ...when("Bool", "aws:SecureTransport", "false") })]],
        ["Deny NotPrincipal and NotAction", t.S3_BUCKET_POLICY, [{ Effect: "Deny", NotPrincipal: { AWS: ROLE }, NotAction: "s3:GetObject", Resource: `${BUCKET}/*` }]],
        ["a data perimeter: anyone, through the organization's VPC endpoints only (aws:VpceOrgID, August 2025)", t.SQS_QUEUE_POLICY,
            [allow("*", "sqs:SendMessage", { Resource: QUEUE, ...when("StringEquals", "aws:VpceOrgID", ORG) })]],
        ["the same fenced by a Deny on requests through VPC endpoints of other accounts (aws:VpceAccount)", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE }),
            deny("*", "sqs:*", { Resource: QUEUE, ...when("StringNotEquals", "aws:VpceAccount", ACCOUNT) }),
        ]],
        // AWS's S3 notification permissions page: the bucket with wildcard region and account, which ArnLike matches to empty fields.
        ["S3 event notifications to a topic: {AWS: *} pinned by ArnLike aws:SourceArn arn:aws:s3:*:*:bucket", t.SNS_TOPIC_POLICY,
            [allow({ AWS: "*" }, "SNS:Publish", { Resource: TOPIC, ...when("ArnLike", "aws:SourceArn", "arn:aws:s3:*:*:shop-uploads") })]],
        ["a data perimeter: anyone of the queue's own organization (${aws:ResourceOrgID}: AWS fills it from the resource, not the caller)", t.SQS_QUEUE_POLICY,
            [allow("*", "sqs:SendMessage", { Resource: QUEUE, ...when("StringEquals", "aws:PrincipalOrgID", "${aws:ResourceOrgID}") })]],
        ["the same fenced by AWS's data perimeter Deny (StringNotEqualsIfExists aws:PrincipalOrgID ${aws:ResourceOrgID})", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE }),
            deny("*", "sqs:*", { Resource: QUEUE, ...when("StringNotEqualsIfExists", "aws:PrincipalOrgID", "${aws:ResourceOrgID}") }),
        ]],
        ["a drop bucket: anyone may upload, only with the owner's KMS key (S3 counts a fixed key as not public)", t.S3_BUCKET_POLICY,
            [allow("*", "s3:PutObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "s3:x-amz-server-side-encryption-aws-kms-key-id", `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`) })]],
        ["CloudFront OAC: a service principal pinned by AWS:SourceArn", t.S3_BUCKET_POLICY,
            [allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`) })]],
        // CloudFront's guide (OAC): "Use a Condition element in the policy to allow CloudFront to access the bucket only when the
        // request is on behalf of the CloudFront distribution that contains the S3 origin"; any pin on the source will do.
        ["CloudFront OAC pinned to every distribution of the account (ArnLike arn:aws:cloudfront::<account>:distribution/*)", t.S3_BUCKET_POLICY,
            [allow({ Service: "cloudfront.amazonaws.com" }, ["s3:GetObject", "s3:ListBucket"], { Resource: [BUCKET, `${BUCKET}/*`], ...when("ArnLike", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/*`) })]],
        ["CloudFront OAC pinned by aws:SourceAccount", t.S3_BUCKET_POLICY,
            [allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "aws:SourceAccount", ACCOUNT) })]],
        ["CloudFront OAC pinned by ForAnyValue:StringEquals aws:SourceArn (a Terraform program's form) and by aws:SourceOrgID", t.S3_BUCKET_POLICY, [
            allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("ForAnyValue:StringEquals", "aws:SourceArn", [`arn:aws:cloudfront::${ACCOUNT}:distribution/E1`]) }),
            allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "aws:SourceOrgID", ORG) }),
        ]],
        ["CloudFront OAC in a bucket's inline policy, pinned, beside a TLS-only Deny", t.S3_BUCKET_V2, [
            allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`) }),
            deny("*", "s3:*", { Resource: [BUCKET, `${BUCKET}/*`], ...when("Bool", "aws:SecureTransport", "false") }),
        ]],
        ["S3 server access logging without condition: a named service that only writes logs (unchanged)", t.S3_BUCKET_POLICY,
            [allow({ Service: "logging.s3.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/logs/*` })]],
        ["CloudFront OAI as AWS principal and as CanonicalUser", t.S3_BUCKET_POLICY, [
            allow({ AWS: "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
            allow({ CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
        ]],
        ["ELB access logs: the ELB account root, and the log-delivery service without condition", t.S3_BUCKET_POLICY, [
            allow({ AWS: "arn:aws:iam::127311923021:root" }, "s3:PutObject", { Resource: `${BUCKET}/AWSLogs/*` }),
            allow({ Service: "logdelivery.elasticloadbalancing.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/AWSLogs/*` }),
        ]],
        ["CloudTrail: GetBucketAcl and PutObject pinned by aws:SourceArn", t.S3_BUCKET_POLICY, [
            allow({ Service: "cloudtrail.amazonaws.com" }, "s3:GetBucketAcl", { Resource: BUCKET, ...when("StringEquals", "aws:SourceArn", `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/main`) }),
            allow({ Service: "cloudtrail.amazonaws.com" }, "s3:PutObject", {
                Resource: `${BUCKET}/AWSLogs/${ACCOUNT}/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/main` } },
            }),
        ]],
        ["SNS to SQS: the service pinned by ArnEquals aws:SourceArn", t.SQS_QUEUE_POLICY,
            [allow({ Service: "sns.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE, ...when("ArnEquals", "aws:SourceArn", TOPIC) })]],
        ["the older console form: {AWS: *} pinned by ArnEquals aws:SourceArn", t.SQS_QUEUE_POLICY,
            [allow({ AWS: "*" }, "SQS:SendMessage", { Resource: QUEUE, ...when("ArnEquals", "aws:SourceArn", TOPIC) })]],
        ["S3 events: aws:SourceArn of a bucket (no account in S3 ARNs) and aws:SourceAccount", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE, ...when("ArnLike", "aws:SourceArn", BUCKET) }),
            allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE, ...when("StringEquals", "aws:SourceAccount", ACCOUNT) }),
        ]],
        // S3 event notifications to a queue or topic, as the S3 guide, Terraform's and CDK's destinations write them.
        ["S3 events to a queue: the bucket written arn:aws:s3:*:*:bucket (the S3 guide)", t.SQS_QUEUE_POLICY,
            [allow({ Service: "s3.amazonaws.com" }, "SQS:SendMessage", { Resource: QUEUE, ...when("ArnLike", "aws:SourceArn", "arn:aws:s3:*:*:shop-uploads") })]],
        ["S3 events to a queue: ArnEquals on the bucket's ARN and aws:SourceAccount", t.SQS_QUEUE, [allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", {
            Resource: QUEUE, Condition: { ArnEquals: { "aws:SourceArn": BUCKET }, StringEquals: { "aws:SourceAccount": ACCOUNT } } })]],
        ["S3 events to a topic: two buckets", t.SNS_TOPIC_POLICY, [allow({ Service: "s3.amazonaws.com" }, "SNS:Publish", {
            Resource: TOPIC, ...when("ArnLike", "aws:SourceArn", [BUCKET, "arn:aws:s3:::shop-logs"]) })]],
        ["S3 events to a topic: aws:SourceAccount alone", t.SNS_TOPIC, [allow({ Service: "s3.amazonaws.com" }, "SNS:Publish", {
            Resource: TOPIC, ...when("StringEquals", "aws:SourceAccount", ACCOUNT) })]],
        ["S3 events to a queue: the organization's buckets (aws:SourceOrgID)", t.SQS_QUEUE_POLICY, [allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", {
            Resource: QUEUE, ...when("StringEquals", "aws:SourceOrgID", ORG) })]],
        ["S3 events to a queue fenced by a Deny on every other account's source", t.SQS_QUEUE_POLICY, [
            allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE }),
            deny("*", "sqs:SendMessage", { Resource: QUEUE, ...when("StringNotEquals", "aws:SourceAccount", ACCOUNT) }),
        ]],
        // SNS asks a queue's owner to confirm another account's subscription; EventBridge needs a role for another
        // account's target; CloudWatch alarms page whoever subscribed: left as named services.
        ["SNS to SQS without condition: a foreign subscription needs the queue owner's confirmation", t.SQS_QUEUE_POLICY,
            [allow({ Service: "sns.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE })]],
        ["EventBridge to SQS without condition (another account's rule needs a role)", t.SQS_QUEUE_POLICY,
            [allow({ Service: "events.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE })]],
        ["CloudWatch alarms to SNS without condition (aws-samples/amazon-cloudwatch-auto-alarms)", t.SNS_TOPIC_POLICY,
            [allow({ Service: "cloudwatch.amazonaws.com" }, "sns:Publish", { Sid: "Allow_Publish_Alarms", Resource: TOPIC })]],
        ["log writers without condition: CloudTrail, vended logs (flow logs) and Config write under their own account", t.S3_BUCKET_POLICY, [
            allow({ Service: "cloudtrail.amazonaws.com" }, "s3:GetBucketAcl", { Sid: "AWSCloudTrailAclCheck", Resource: BUCKET }),
            allow({ Service: "cloudtrail.amazonaws.com" }, "s3:PutObject", { Sid: "AWSCloudTrailWrite", Resource: `${BUCKET}/AWSLogs/${ACCOUNT}/*`,
                ...when("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control") }),
            allow({ Service: "delivery.logs.amazonaws.com" }, "s3:PutObject", { Sid: "AWSLogDeliveryWrite", Resource: `${BUCKET}/*` }),
            allow({ Service: "config.amazonaws.com" }, ["s3:GetBucketAcl", "s3:ListBucket"], { Resource: BUCKET }),
            allow({ Service: "s3.amazonaws.com" }, "s3:PutObject", { Sid: "InventoryDestination", Resource: `${BUCKET}/*` }),
        ]],
        // SES receipt rules writing mail to a bucket, as SES's guides (current and classic), CDK's aws-ses-actions and
        // public programs write it (all 15 read pin: aws:Referer, AWS:SourceAccount, AWS:SourceArn).
        ["SES mail to a bucket: aws:Referer with the account id (SES's classic guide, CDK's S3 action)", t.S3_BUCKET_POLICY,
            [allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Sid: "AllowSESPuts", Resource: `${BUCKET}/*`, ...when("StringEquals", "aws:Referer", ACCOUNT) })]],
        ["SES mail to a bucket: AWS:SourceAccount and AWS:SourceArn of the receipt rule (SES's guide)", t.S3_BUCKET_V2,
            [allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*`, Condition: { StringEquals: { "AWS:SourceAccount": ACCOUNT, "AWS:SourceArn": RULE } } })]],
        ["SES mail to a bucket fenced by a Deny on every other account's source", t.S3_BUCKET_POLICY, [
            allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:PutObject", { Resource: `${BUCKET}/*`, ...when("StringNotEquals", "aws:SourceAccount", ACCOUNT) }),
        ]],
        // Services that notify people through a topic (SES feedback, CodeStar Notifications and Backup as the provider's
        // registry examples write them, Budgets, RDS events): another account could only add notifications of its own.
        ["notifications to a topic without condition: SES, CodeStar Notifications, Backup, Budgets, RDS events", t.SNS_TOPIC_POLICY, [
            allow({ Service: "ses.amazonaws.com" }, "sns:Publish", { Resource: TOPIC }),
            allow({ Service: "codestar-notifications.amazonaws.com" }, "sns:Publish", { Resource: TOPIC }),
            allow({ Service: "backup.amazonaws.com" }, "SNS:Publish", { Sid: "__default_statement_ID", Resource: TOPIC }),
            allow({ Service: ["budgets.amazonaws.com", "events.rds.amazonaws.com"] }, "SNS:Publish", { Resource: TOPIC }),
        ]],
        // Lambda adds this itself to a repository of the function's account; another account's function needs the
        // repository to grant its account too (Lambda's "Amazon ECR permissions").
        ["Lambda's image retrieval statement in a repository policy, without condition", t.ECR_REPOSITORY_POLICY,
            [allow({ Service: "lambda.amazonaws.com" }, ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], { Sid: "LambdaECRImageRetrievalPolicy" })]],
        ["the SQS console's owner statement: SQS:* to the account root", t.SQS_QUEUE, [allow({ AWS: ROOT }, "SQS:*", { Resource: QUEUE })]],
        ["ecr:* to account roots (bare id too) delegates to IAM", t.ECR_REPOSITORY_POLICY, [allow({ AWS: [ROOT, "444455556666"] }, "ecr:*")]],
        ["EventBridge to SNS without condition: a named service", t.SNS_TOPIC_POLICY, [allow({ Service: "events.amazonaws.com" }, "sns:Publish", { Resource: TOPIC })]],
        ["S3 access-point delegation: Action * to {AWS: *} pinned by s3:DataAccessPointAccount", t.S3_BUCKET_POLICY,
            [allow({ AWS: "*" }, "*", { Resource: [BUCKET, `${BUCKET}/*`], ...when("StringEquals", "s3:DataAccessPointAccount", ACCOUNT) })]],
        ["organization sharing: aws:PrincipalOrgID", t.CLOUDWATCH_EVENT_BUS_POLICY, [allow("*", "events:PutEvents", when("StringEquals", "aws:PrincipalOrgID", ORG))]],
        ["ForAnyValue:StringEquals pins (false when the key is absent)", t.ECR_REPOSITORY_POLICY,
            [allow("*", ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], when("ForAnyValue:StringEquals", "aws:PrincipalOrgID", [ORG]))]],
        ["organization paths below a fixed organization", t.ECR_REPOSITORY_POLICY,
            [allow("*", "ecr:BatchGetImage", when("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", [`${ORG}/r-ab12/ou-ab12-11111111/*`]))]],
        ["aws:PrincipalArn with a concrete account", t.SECRETS_MANAGER_SECRET_POLICY,
            [allow({ AWS: "*" }, "secretsmanager:GetSecretValue", when("ArnLike", "aws:PrincipalArn", `arn:aws:iam::${ACCOUNT}:role/app-*`))]],
        ["a VPC endpoint or a VPC", t.S3_BUCKET_POLICY, [
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d") }),
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "aws:sourcevpc", ["vpc-111bbb22", "vpc-222ccc33"]) }),
        ]],
        ["an office IP range", t.OPENSEARCH_DOMAIN_POLICY,
            [allow({ AWS: "*" }, "es:ESHttpGet", { Resource: `arn:aws:es:eu-west-1:${ACCOUNT}:domain/shop/*`, ...when("IpAddress", "aws:SourceIp", ["203.0.113.0/24", "2001:db8::/48"]) })]],
        ["a pin next to other tests (tests are ANDed)", t.SNS_TOPIC_POLICY,
            [allow("*", "sns:Publish", { Resource: TOPIC, Condition: { Bool: { "aws:SecureTransport": "true" }, StringEquals: { "aws:SourceAccount": ACCOUNT } } })]],
        ["a private API: Allow * execute-api:Invoke fenced by a Deny unless the VPC endpoint", t.APIGATEWAY_REST_API_POLICY, [
            allow("*", "execute-api:Invoke", { Resource: "execute-api:/*" }),
            deny("*", "execute-api:Invoke", { Resource: "execute-api:/*", ...when("StringNotEquals", "aws:SourceVpce", "vpce-1a2b3c4d") }),
        ]],
        ["a public API restricted by IP: Allow * then Deny NotIpAddress", t.APIGATEWAY_REST_API, [
            allow("*", "execute-api:Invoke", { Resource: "execute-api:/*" }),
            deny("*", "execute-api:Invoke", { Resource: "execute-api:/*", ...when("NotIpAddress", "aws:SourceIp", ["203.0.113.0/24"]) }),
        ]],
        ["execute-api:Invoke to anyone (what an API without a policy allows)", t.APIGATEWAY_REST_API_POLICY, [allow("*", "execute-api:Invoke", { Resource: "execute-api:/*/GET/*" })]],
        ["a bucket fenced to its VPC endpoint by a Deny on every action", t.S3_BUCKET_POLICY, [
            allow("*", ["s3:GetObject", "s3:PutObject"], { Resource: `${BUCKET}/*` }),
            deny("*", "s3:*", { Resource: [BUCKET, `${BUCKET}/*`], ...when("StringNotEqualsIfExists", "aws:SourceVpce", "vpce-1a2b3c4d") }),
        ]],
        // AWS Security Blog, "How to restrict Amazon S3 bucket access to a specific IAM role" (run 18).
        ["a bucket fenced to one role's sessions and the account by a Deny on aws:userid", t.S3_BUCKET_POLICY, [
            allow({ AWS: "*" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:*", { Resource: [BUCKET, `${BUCKET}/*`], ...when("StringNotLike", "aws:userid", ["AROAEXAMPLEID:*", "111122223333"]) }),
        ]],
        ["an EFS policy granting client actions to {AWS: *} (no policy grants them to every client)", t.EFS_FILE_SYSTEM_POLICY,
            [allow({ AWS: "*" }, ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], when("Bool", "aws:SecureTransport", "true"))]],
        ["a VPC Lattice auth policy: Invoke for authenticated callers of the service network", t.VPCLATTICE_AUTH_POLICY,
            [allow("*", "vpc-lattice-svcs:Invoke", when("StringNotEqualsIgnoreCase", "aws:PrincipalType", "anonymous"))]],
        ["a Lambda resource policy with the public function-URL statements", t.LAMBDA_RESOURCE_POLICY, [
            allow("*", "lambda:InvokeFunctionUrl", when("StringEquals", "lambda:FunctionUrlAuthType", "NONE")),
            allow("*", "lambda:InvokeFunction", when("Bool", "lambda:InvokedViaFunctionUrl", "true")),
        ]],
        // Lambda writes an Alexa skill's id (add-permission --event-source-token, lambda.Permission's eventSourceToken)
        // as StringEquals lambda:EventSourceToken: only that skill's requests carry it (Alexa's skill ID verification).
        ["a Lambda resource policy for an Alexa skill, pinned by its skill id", t.LAMBDA_RESOURCE_POLICY, [
            allow({ Service: "alexa-appkit.amazon.com" }, "lambda:InvokeFunction", when("StringEquals", "lambda:EventSourceToken", "amzn1.ask.skill.12345678-1234-1234-1234-123456789012")),
            allow({ Service: "alexa-connectedhome.amazon.com" }, "lambda:InvokeFunction", when("StringLike", "lambda:EventSourceToken", ["amzn1.ask.skill.12345678-1234-1234-1234-123456789012"])),
        ]],
        // aws-samples/data-perimeter-policy-examples: the identity perimeter spares AWS services, which a
        // confused-deputy perimeter keeps to the organization's sources; together they fence every caller.
        ["an Allow for anyone fenced by AWS's identity and confused-deputy perimeters together", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE }),
            deny("*", "sqs:*", { Sid: "EnforceIdentityPerimeter", Resource: QUEUE, Condition: {
                StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG, "aws:PrincipalAccount": ["444455556666"] }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
            deny("*", "sqs:*", { Sid: "EnforceConfusedDeputyProtection", Resource: QUEUE, Condition: {
                StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Bool: { "aws:PrincipalIsAWSService": "true" } } }),
        ]],
        // The confused-deputy Deny as AWS's resource control policy writes it (data-perimeter-policy-examples,
        // identity_perimeter_rcp.json): only where aws:SourceAccount is present, which it is whenever a service
        // acts for a resource, "so that the statement applies only to requests that require the use of the keys".
        ["an Allow for anyone fenced by AWS's identity perimeter and its RCP confused-deputy Deny (Null aws:SourceAccount false)", t.S3_BUCKET_POLICY, [
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:*", { Sid: "EnforceOrgIdentities", Condition: {
                StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG, "aws:PrincipalAccount": ["444455556666"] }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
            deny("*", "s3:*", { Sid: "EnforceConfusedDeputyProtection", Condition: {
                StringNotEqualsIfExists: { "aws:SourceOrgID": ORG, "aws:SourceAccount": ["444455556666"] }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }),
        ]],
        ["the same in a key-less form: a Deny of other sources where aws:SourceAccount is present (only services carry it)", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE }),
            deny("*", "sqs:*", { Resource: QUEUE, Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
            deny("*", "sqs:*", { Resource: QUEUE, Condition: { StringNotEquals: { "aws:SourceAccount": ACCOUNT }, Null: { "aws:SourceAccount": "false" } } }),
        ]],
        // A grant to a service alone needs only the services fenced: the confused-deputy Deny does it.
        ["a CloudFront grant without a source pin, fenced by the confused-deputy Deny", t.S3_BUCKET_POLICY, [
            allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceAccount": ACCOUNT }, Bool: { "aws:PrincipalIsAWSService": "true" } } }),
        ]],
        ["a CloudFront grant beside a named account, fenced by the RCP confused-deputy Deny", t.S3_BUCKET_POLICY, [
            allow({ Service: "cloudfront.amazonaws.com", AWS: "arn:aws:iam::444455556666:root" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny({ AWS: "*" }, "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }),
        ]],
        ["S3 notifications to a topic without a source pin, fenced by the RCP confused-deputy Deny", t.SNS_TOPIC_POLICY, [
            allow({ Service: "s3.amazonaws.com" }, "SNS:Publish", { Resource: TOPIC }),
            deny("*", "sns:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }),
        ]],
        ["S3 notifications to a queue without a source pin, fenced by a Deny naming S3 unless the account", t.SQS_QUEUE_POLICY, [
            allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE }),
            deny({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE, ...when("StringNotEquals", "aws:SourceAccount", ACCOUNT) }),
        ]],
        ["SES receiving without a source pin, fenced by a Deny of other sources", t.S3_BUCKET_POLICY, [
            allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:PutObject", { Resource: `${BUCKET}/*`, Condition: { StringNotEqualsIfExists: { "aws:SourceAccount": ACCOUNT }, Null: { "aws:SourceAccount": "false" } } }),
        ]],
        // IAM's NotPrincipal: with Deny, "denied to all principals except for the ones specified";
        // an Allow for anyone then reaches only those (and, with negated pins, the pinned callers).
        ["a Deny sparing only named principals fences (NotPrincipal)", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE }),
            { Effect: "Deny", NotPrincipal: { AWS: [ROLE, ROOT] }, Action: "sqs:*", Resource: QUEUE },
        ]],
        ["a Deny sparing a named role and a VPC endpoint fences", t.S3_BUCKET_POLICY, [
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*` }),
            { Effect: "Deny", NotPrincipal: { AWS: ROLE }, Action: "s3:*", Resource: "*", ...when("StringNotEquals", "aws:SourceVpce", "vpce-1a2b3c4d") },
        ]],
        ["a Glacier vault lock of Deny statements", t.GLACIER_VAULT_LOCK,
            [deny("*", "glacier:DeleteArchive", when("NumericLessThanEquals", "glacier:ArchiveAgeinDays", "365"))]],
        ["a backup vault policy denying deletion to everyone", t.BACKUP_VAULT_POLICY, [deny("*", ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"])]],
    ];
    for (const form of ["object", "string"] as const) {
        it.each(cases)(`${form}: %s`, (_label, type, statements) => {
            const document = doc(...statements);
            const property = RESOURCE_POLICY_DOCUMENTS[type].path;
            expect(check(type, { [property]: form === "object" ? document : JSON.stringify(document) })).toEqual([]);
        });
    }
});

describe("findResourcePolicyWildcards (pure rule): statements that must fail", () => {
    // [label, type, statements, allowedActions, expected: [statement label, what]]
    const cases: [string, string, unknown[], string[], [string, string][]][] = [
        ["Principal * without condition", t.S3_BUCKET_POLICY, [allow("*", "s3:GetObject", { Sid: "Anyone" })], [], [['statement "Anyone"', ANYONE]]],
        // Accountless ARNs naming a resource type: every account's hosted zones, or any bucket's access points.
        ["Principal * pinned only to every account's hosted zones", t.CLOUDWATCH_LOG_RESOURCE_POLICY,
            [allow("*", ["logs:CreateLogStream", "logs:PutLogEvents"], { Resource: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/*", ...when("ArnLike", "aws:SourceArn", "arn:aws:route53:::hostedzone/*") })],
            [], [["Statement[0]", ANYONE]]],
        ["{AWS: *} pinned only to any account's access points", t.SNS_TOPIC_POLICY,
            [allow({ AWS: "*" }, "SNS:Publish", { Resource: TOPIC, ...when("ArnLike", "aws:SourceArn", "arn:aws:s3:*:*:accesspoint/*") })], [], [["Statement[0]", ANYONE]]],
        ["{AWS: *} without condition", t.SQS_QUEUE_POLICY, [allow({ AWS: "*" }, "sqs:SendMessage")], [], [["Statement[0]", ANYONE]]],
        ["{AWS: [role, *]}", t.SQS_QUEUE_POLICY, [allow({ AWS: [ROLE, "*"] }, "sqs:SendMessage")], [], [["Statement[0]", ANYONE]]],
        ["an account wildcard in a principal ARN", t.SQS_QUEUE_POLICY, [allow({ AWS: "arn:aws:iam::*:root" }, "sqs:SendMessage")], [], [["Statement[0]", ANYONE_INSIDE("arn:aws:iam::*:root")]]],
        ["Allow with NotPrincipal", t.SNS_TOPIC_POLICY, [{ Effect: "Allow", NotPrincipal: { AWS: ROLE }, Action: "sns:Publish", Resource: TOPIC }], [], [["Statement[0]", ANYONE_BUT]]],
        ["s3:* to a role", t.S3_BUCKET_POLICY, [allow({ AWS: ROLE }, "s3:*")], [], [["Statement[0]", WILDCARD('"s3:*"')]]],
        ["Get* and ? to a service", t.S3_BUCKET_POLICY, [allow({ Service: "logging.s3.amazonaws.com" }, ["s3:Get*", "s3:PutObjec?", "s3:ListBucket"])], [],
            [["Statement[0]", WILDCARD('"s3:Get*", "s3:PutObjec?"')]]],
        ["SQS:* to a role (actions are case-insensitive)", t.SQS_QUEUE_POLICY, [allow({ AWS: ROLE }, "SQS:*")], [], [["Statement[0]", WILDCARD('"SQS:*"')]]],
        ["* to anyone: two findings", t.ECR_REPOSITORY_POLICY, [allow("*", "*", { Sid: "Open" })], [], [['statement "Open"', WILDCARD('"*"')], ['statement "Open"', ANYONE]]],
        ["NotAction to a role", t.SECRETS_MANAGER_SECRET_POLICY, [{ Effect: "Allow", Principal: { AWS: ROLE }, NotAction: "secretsmanager:DeleteSecret", Resource: "*" }], ["*"],
            [["Statement[0]", NOT_ACTION]]],
        ["allowedActions accepts some patterns", t.OPENSEARCH_DOMAIN_POLICY, [allow({ AWS: ROLE }, ["es:ESHttp*", "es:Describe*"])], ["ES:eshttp*"],
            [["Statement[0]", WILDCARD('"es:Describe*"')]]],
        ["every statement is judged, not only the first", t.SNS_TOPIC_POLICY, [
            allow({ Service: "events.amazonaws.com" }, "sns:Publish", { Sid: "Events", Resource: TOPIC }),
            deny("*", "sns:*", { Sid: "Tls", ...when("Bool", "aws:SecureTransport", "false") }),
            allow("*", "sns:Subscribe", { Sid: "Subscribe", Resource: TOPIC }),
            allow({ AWS: ROLE }, "sns:*", { Sid: "Admin", Resource: TOPIC }),
        ], [], [['statement "Subscribe"', ANYONE], ['statement "Admin"', WILDCARD('"sns:*"')]]],
        ["ForAllValues:StringEquals is true for callers outside any organization", t.ECR_REPOSITORY_POLICY,
            [allow("*", "ecr:BatchGetImage", when("ForAllValues:StringEquals", "aws:PrincipalOrgID", [ORG]))], [], [["Statement[0]", ANYONE]]],
        ["...IfExists is true when the key is absent", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("ArnEqualsIfExists", "aws:SourceArn", TOPIC))], [], [["Statement[0]", ANYONE]]],
        ["StringNotEquals pins nothing in an Allow", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("StringNotEquals", "aws:SourceAccount", "444455556666"))], [], [["Statement[0]", ANYONE]]],
        ["Null pins nothing", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("Null", "aws:SourceArn", "false"))], [], [["Statement[0]", ANYONE]]],
        ["aws:SecureTransport pins nothing", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("Bool", "aws:SecureTransport", "true"))], [], [["Statement[0]", ANYONE]]],
        ["aws:ResourceAccount describes the resource, not the caller", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("StringEquals", "aws:ResourceAccount", ACCOUNT))], [],
            [["Statement[0]", ANYONE]]],
        ["a source ARN of any account", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("ArnLike", "aws:SourceArn", "arn:aws:sns:*:*:orders"))], [], [["Statement[0]", ANYONE]]],
        ["a source ARN of any bucket", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("ArnLike", "aws:SourceArn", "arn:aws:s3:::*"))], [], [["Statement[0]", ANYONE]]],
        ["one open value among pinned ones", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("StringEquals", "aws:SourceAccount", [ACCOUNT, "*"]))], [], [["Statement[0]", ANYONE]]],
        ["StringLike with a wildcard account", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("StringLike", "aws:SourceAccount", "1111*"))], [], [["Statement[0]", ANYONE]]],
        ["a policy variable of the caller's own (it compares the caller with itself)", t.SQS_QUEUE_POLICY, [allow("*", "sqs:SendMessage", when("StringEquals", "aws:PrincipalAccount", "${aws:PrincipalAccount}"))], [], [["Statement[0]", ANYONE]]],
        ["the whole internet by IP", t.OPENSEARCH_DOMAIN_POLICY, [allow("*", "es:ESHttpGet", when("IpAddress", "aws:SourceIp", ["0.0.0.0/0"]))], [], [["Statement[0]", ANYONE]]],
        ["a quarter of the internet by IP", t.OPENSEARCH_DOMAIN_POLICY, [allow("*", "es:ESHttpGet", when("IpAddress", "aws:SourceIp", ["10.0.0.0/8", "64.0.0.0/2"]))], [],
            [["Statement[0]", ANYONE]]],
        ["organization paths of any organization", t.ECR_REPOSITORY_POLICY, [allow("*", "ecr:BatchGetImage", when("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", ["o-*"]))], [],
            [["Statement[0]", ANYONE]]],
        ["a Deny with another test does not fence (it denies only insecure requests)", t.S3_BUCKET_POLICY, [
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:*", { Resource: `${BUCKET}/*`, Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" }, Bool: { "aws:SecureTransport": "false" } } }),
        ], [], [["Statement[0]", ANYONE]]],
        ["a Deny on other actions does not fence", t.S3_BUCKET_POLICY, [
            allow("*", ["s3:GetObject", "s3:PutObject"], { Resource: `${BUCKET}/*` }),
            deny("*", "s3:PutObject", { Resource: `${BUCKET}/*`, ...when("StringNotEquals", "aws:SourceVpce", "vpce-1a2b3c4d") }),
        ], [], [["Statement[0]", ANYONE]]],
        ["a Deny on other resources does not fence", t.S3_BUCKET_POLICY, [
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:GetObject", { Resource: `${BUCKET}/private/*`, ...when("StringNotEquals", "aws:SourceVpce", "vpce-1a2b3c4d") }),
        ], [], [["Statement[0]", ANYONE]]],
        ["a Deny that spares a service does not fence (it acts for every account)", t.S3_BUCKET_POLICY, [
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*` }),
            { Effect: "Deny", NotPrincipal: { AWS: ROLE, Service: "logging.s3.amazonaws.com" }, Action: "s3:*", Resource: "*" },
        ], [], [["Statement[0]", ANYONE]]],
        ["a Deny that spares a wildcard principal does not fence", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE }),
            { Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::*:root" }, Action: "sqs:*", Resource: QUEUE },
        ], [], [["Statement[0]", ANYONE]]],
        ["AWS's identity perimeter alone does not fence (it spares AWS services, acting for every account)", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE }),
            deny("*", "sqs:*", { Resource: QUEUE, Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
        ], [], [["Statement[0]", ANYONE]]],
        ["a NotPrincipal Deny with another test does not fence", t.SQS_QUEUE_POLICY, [
            allow("*", "sqs:SendMessage", { Resource: QUEUE }),
            { Effect: "Deny", NotPrincipal: { AWS: ROLE }, Action: "sqs:*", Resource: QUEUE, ...when("Bool", "aws:SecureTransport", "false") },
        ], [], [["Statement[0]", ANYONE]]],
        ["a Deny with ForAnyValue:StringNotEquals (false when the key is absent) does not fence", t.S3_BUCKET_POLICY, [
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:*", when("ForAnyValue:StringNotEquals", "aws:SourceVpce", "vpce-1a2b3c4d")),
        ], [], [["Statement[0]", ANYONE]]],
        ["execute-api:* is more than Invoke", t.APIGATEWAY_REST_API_POLICY, [allow("*", "execute-api:*", { Resource: "execute-api:/*" })], [],
            [["Statement[0]", WILDCARD('"execute-api:*"')], ["Statement[0]", ANYONE]]],
        ["execute-api:Invoke to anyone is judged as usual outside API Gateway", t.SQS_QUEUE_POLICY, [allow("*", "execute-api:Invoke")], [], [["Statement[0]", ANYONE]]],
        ["an EFS policy granting management actions to anyone", t.EFS_FILE_SYSTEM_POLICY, [allow({ AWS: "*" }, ["elasticfilesystem:ClientMount", "elasticfilesystem:DeleteFileSystem"])], [],
            [["Statement[0]", ANYONE]]],
        ["access-point delegation is an S3 bucket notion", t.SQS_QUEUE_POLICY, [allow({ AWS: "*" }, "*", when("StringEquals", "s3:DataAccessPointAccount", ACCOUNT))], [],
            [["Statement[0]", WILDCARD('"*"')]]],
        ["a Lambda resource policy for a function URL with IAM auth, open to every account", t.LAMBDA_RESOURCE_POLICY,
            [allow("*", "lambda:InvokeFunctionUrl", when("StringEquals", "lambda:FunctionUrlAuthType", "AWS_IAM"))], [], [["Statement[0]", ANYONE]]],
        ["an open Lambda resource policy", t.LAMBDA_RESOURCE_POLICY, [allow("*", "lambda:InvokeFunction")], [], [["Statement[0]", ANYONE]]],
        ["a Lambda resource policy for a service without source (as lambda.Permission)", t.LAMBDA_RESOURCE_POLICY, [
            allow({ Service: "s3.amazonaws.com" }, "lambda:InvokeFunction"),
            allow({ Service: "sns.amazonaws.com" }, "lambda:InvokeFunction", when("ArnLike", "AWS:SourceArn", TOPIC)),
        ], [], [["Statement[0]", "allows a service principal without a condition on aws:SourceArn or aws:SourceAccount, so the service may invoke the function on behalf of resources in any account"]]],
        ["a Lambda resource policy for an Alexa skill without its skill id, or with a wildcard one", t.LAMBDA_RESOURCE_POLICY, [
            allow({ Service: "alexa-appkit.amazon.com" }, "lambda:InvokeFunction"),
            allow({ Service: "alexa-appkit.amazon.com" }, "lambda:InvokeFunction", when("StringLike", "lambda:EventSourceToken", "amzn1.ask.skill.*")),
            allow({ Service: "alexa-appkit.amazon.com" }, "lambda:InvokeFunction", when("StringNotEquals", "lambda:EventSourceToken", "amzn1.ask.skill.12345678-1234-1234-1234-123456789012")),
        ], [], ["Statement[0]", "Statement[1]", "Statement[2]"].map((where) => [where, "allows a service principal without a condition on aws:SourceArn or aws:SourceAccount, so the service may invoke the function on behalf of resources in any account"])],
        // CloudFront OAC without a source pin: every distribution of every account with an origin access control reads the bucket.
        ["CloudFront OAC without condition (some public programs write it so)", t.S3_BUCKET_POLICY,
            [allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Sid: "AllowCloudFrontServicePrincipal", Resource: `${BUCKET}/*` })], [],
            [['statement "AllowCloudFrontServicePrincipal"', UNPINNED_CLOUDFRONT]]],
        ["CloudFront OAC pinned only to every account's distributions", t.S3_BUCKET_POLICY,
            [allow({ Service: ["cloudfront.amazonaws.com"] }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("ArnLike", "AWS:SourceArn", "arn:aws:cloudfront::*:distribution/*") })], [],
            [["Statement[0]", UNPINNED_CLOUDFRONT]]],
        ["CloudFront OAC with ...IfExists, or TLS only, pins nothing", t.S3_BUCKET_POLICY, [
            allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEqualsIfExists", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`) }),
            allow({ Service: ["logging.s3.amazonaws.com", "cloudfront.amazonaws.com"] }, ["s3:GetObject", "s3:PutObject"], { Resource: `${BUCKET}/*`, ...when("Bool", "aws:SecureTransport", "true") }),
        ], [], [["Statement[0]", UNPINNED_CLOUDFRONT], ["Statement[1]", UNPINNED_CLOUDFRONT]]],
        // Read as IAM evaluates them: the Deny applies only to services without aws:SourceAccount, or to sources in an organization.
        ["a confused-deputy Deny only where aws:SourceAccount is absent (Null true) fences nothing", t.S3_BUCKET_POLICY, [
            allow("*", "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
            deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Null: { "aws:SourceAccount": "true" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }),
            allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
        ], [], [["Statement[3]", UNPINNED_CLOUDFRONT], ["Statement[0]", ANYONE]]],
        ["a confused-deputy Deny only where aws:SourceOrgID is present spares sources outside any organization", t.SQS_QUEUE_POLICY, [
            allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE }),
            deny("*", "sqs:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Null: { "aws:SourceOrgID": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }),
        ], [], [["Statement[0]", UNPINNED_S3_EVENTS]]],
        ["S3 notifications to a queue behind a Deny naming another service", t.SQS_QUEUE_POLICY, [
            allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE }),
            deny({ Service: "sns.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE, ...when("StringNotEquals", "aws:SourceAccount", ACCOUNT) }),
        ], [], [["Statement[0]", UNPINNED_S3_EVENTS]]],
        ["a CloudFront grant behind the identity perimeter alone (it spares services)", t.S3_BUCKET_POLICY, [
            allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
            deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
        ], [], [["Statement[0]", UNPINNED_CLOUDFRONT]]],
        ["S3 notifications to a topic behind a confused-deputy Deny of other actions", t.SNS_TOPIC_POLICY, [
            allow({ Service: "s3.amazonaws.com" }, "SNS:Publish", { Resource: TOPIC }),
            deny("*", "sqs:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }),
        ], [], [["Statement[0]", UNPINNED_S3_EVENTS]]],
        // S3 event notifications of any account's bucket (public programs: pagopa/developer-portal, observeinc's test module, a CloudFormation sample).
        ["S3 events to a queue without condition", t.SQS_QUEUE_POLICY,
            [allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE })], [], [["Statement[0]", UNPINNED_S3_EVENTS]]],
        ["S3 events to a topic without condition", t.SNS_TOPIC_POLICY,
            [allow({ Service: "s3.amazonaws.com" }, "SNS:Publish", { Sid: "S3ToSns", Resource: TOPIC })], [], [['statement "S3ToSns"', UNPINNED_S3_EVENTS]]],
        ["S3 events to a topic from every bucket (arn:aws:s3:*:*:*)", t.SNS_TOPIC, [allow({ Service: "s3.amazonaws.com" }, "SNS:Publish", {
            Resource: TOPIC, ...when("ArnLike", "aws:SourceArn", "arn:aws:s3:*:*:*") })], [], [["Statement[0]", UNPINNED_S3_EVENTS]]],
        ["S3 events to a queue, S3 among other services, TLS only", t.SQS_QUEUE, [allow({ Service: ["sns.amazonaws.com", "s3.amazonaws.com"] }, "sqs:SendMessage", {
            Resource: QUEUE, ...when("Bool", "aws:SecureTransport", "true") })], [], [["Statement[0]", UNPINNED_S3_EVENTS]]],
        ["S3 events to a queue with ...IfExists", t.SQS_QUEUE_POLICY, [allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", {
            Resource: QUEUE, ...when("ArnEqualsIfExists", "aws:SourceArn", BUCKET) })], [], [["Statement[0]", UNPINNED_S3_EVENTS]]],
        // SES receipt rules of any account (the SES guide pins AWS:SourceAccount and AWS:SourceArn).
        ["SES mail to a bucket without condition", t.S3_BUCKET_POLICY,
            [allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Sid: "AllowSESPuts", Resource: `${BUCKET}/*` })], [], [['statement "AllowSESPuts"', UNPINNED_SES]]],
        ["SES mail to a bucket's inline policy, TLS only", t.S3_BUCKET_V2, [allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", {
            Resource: `${BUCKET}/*`, ...when("Bool", "aws:SecureTransport", "true") })], [], [["Statement[0]", UNPINNED_SES]]],
        ["SES mail to a bucket: aws:Referer of any value, or with ...IfExists, or not an account id", t.S3_BUCKET_POLICY, [
            allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*`, ...when("StringLike", "aws:Referer", "*") }),
            allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*`, ...when("StringEqualsIfExists", "aws:Referer", ACCOUNT) }),
            allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "aws:Referer", [ACCOUNT, "https://example.com/"]) }),
        ], [], [["Statement[0]", UNPINNED_SES], ["Statement[1]", UNPINNED_SES], ["Statement[2]", UNPINNED_SES]]],
        ["the old ECR example: Principal * with push actions", t.ECR_REPOSITORY_POLICY,
            [allow("*", ["ecr:GetDownloadUrlForLayer", "ecr:PutImage", "ecr:DeleteRepository", "ecr:SetRepositoryPolicy"], { Sid: "new policy" })], [],
            [['statement "new policy"', ANYONE]]],
        ["the Glue example: {AWS: *} may create tables", t.GLUE_RESOURCE_POLICY, [allow({ AWS: "*" }, "glue:CreateTable", { Resource: `arn:aws:glue:eu-west-1:${ACCOUNT}:*` })], [],
            [["Statement[0]", ANYONE]]],
    ];
    for (const form of ["object", "string"] as const) {
        it.each(cases)(`${form}: %s`, (_label, type, statements, allowedActions, expected) => {
            const document = doc(...statements);
            const property = RESOURCE_POLICY_DOCUMENTS[type].path;
            const messages = check(type, { [property]: form === "object" ? document : JSON.stringify(document) }, allowedActions);
            expect(short(messages)).toEqual(expected.map(([where, what]) => `${type} "r": ${property} ${where} ${what}`));
        });
    }

    it("says how to fix, in full", () => {
        expect(check(t.S3_BUCKET_POLICY, { policy: JSON.stringify(doc(allow("*", "s3:*", { Sid: "Open" }))) })).toEqual([
            `${t.S3_BUCKET_POLICY} "r": policy statement "Open" allows wildcard actions "s3:*" to principals other than an account root. ` +
                "Name each action they need (a wildcard also grants actions AWS adds later), or accept the pattern in this policy's allowedActions config.",
            `${t.S3_BUCKET_POLICY} "r": policy statement "Open" allows any principal (Principal "*") without a condition that pins the caller. ` +
                "Name the principals, or add a condition with concrete values on aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or aws:SourceVpce; " +
                "if the resource is public on purpose, exempt it with a reason. " +
                "(A public access block with restrictPublicBuckets also keeps the bucket to its own account and AWS services.)",
        ]);
    });

    it("reports a document AWS would reject, without its text", () => {
        const secret = "SECRET_abcdefghijklmnop";
        const messages = check(t.SQS_QUEUE_POLICY, { policy: `{"Statement": [{"Effect": "Allow", "Principal": "${secret}"` });
        expect(messages).toEqual([`${t.SQS_QUEUE_POLICY} "r": policy is not valid JSON; build it with JSON.stringify({...}) or aws.iam.getPolicyDocument(...).json. The document could not be checked until it is fixed.`]);
        const malformed = check(t.SQS_QUEUE_POLICY, { policy: doc({ Sid: secret, Effect: "Allow", Principal: secret, Action: "sqs:*" }) });
        expect(short(malformed)).toEqual([`${t.SQS_QUEUE_POLICY} "r": policy Statement[0] has a Principal that is a string; it must be "*" or an object such as {"AWS": [...]} or {"Service": ...}`]);
        assertNotShown(malformed.join("\n"), [secret], "a finding");
    });
});

// Condition shapes of a held-out replay on public programs that no table above had: the verdicts
// held, these keep them. Values are ORed and an operator is false or true when its key is absent.
describe("findResourcePolicyWildcards (pure rule): held-out condition shapes that pin or do not", () => {
    const VPCE = "vpce-1a2b3c4d";
    const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    const github = (sub: string) => ({ assumeRolePolicy: JSON.stringify(doc({ Effect: "Allow", Principal: { Federated: GITHUB }, Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringLike: { "token.actions.githubusercontent.com:sub": sub } } })) });
    const read = (extra: Record<string, unknown> = {}) => allow("*", "s3:GetObject", { Resource: `${BUCKET}/*`, ...extra });
    const cases: [string, string, Record<string, unknown>, boolean][] = [
        // jsonencode with a number variable: IAM takes numbers as condition values.
        ["aws:SourceAccount written as a JSON number", t.SQS_QUEUE_POLICY, { policy: doc(allow("*", "sqs:SendMessage", { Resource: QUEUE, ...when("StringEquals", "aws:SourceAccount", 111122223333) })) }, false],
        ["ArnLike aws:SourceArn on any service of one account", t.SQS_QUEUE_POLICY, { policy: doc(allow("*", "sqs:SendMessage", { Resource: QUEUE, ...when("ArnLike", "aws:SourceArn", `arn:aws:*:*:${ACCOUNT}:*`) })) }, false],
        // StringLike matches the whole string: any ARN containing the digits, such as another account's topic so named.
        ["StringLike aws:SourceArn *<account>*", t.SQS_QUEUE_POLICY, { policy: doc(allow("*", "sqs:SendMessage", { Resource: QUEUE, ...when("StringLike", "aws:SourceArn", `*${ACCOUNT}*`) })) }, true],
        ["StringLike aws:SourceVpce vpce-* (any endpoint of any account)", t.S3_BUCKET_POLICY, { policy: doc(read(when("StringLike", "aws:SourceVpce", "vpce-*"))) }, true],
        ["ForAnyValue:StringEquals aws:SourceVpce on two endpoints", t.S3_BUCKET_POLICY, { policy: doc(read(when("ForAnyValue:StringEquals", "aws:SourceVpce", [VPCE, "vpce-5e6f7a8b"]))) }, false],
        ["ForAllValues:StringEquals aws:SourceVpce (true outside any endpoint)", t.S3_BUCKET_POLICY, { policy: doc(read(when("ForAllValues:StringEquals", "aws:SourceVpce", [VPCE]))) }, true],
        ["s3:ExistingObjectTag says which objects, not who reads them", t.S3_BUCKET_POLICY, { policy: doc(read(when("StringEquals", "s3:ExistingObjectTag/public", "yes"))) }, true],
        // A Deny with StringNotEqualsIfExists also denies requests without the key: it fences.
        ["Allow * fenced by Deny s3:* unless aws:SourceVpce (IfExists)", t.S3_BUCKET_POLICY,
            { policy: doc(read(), deny("*", "s3:*", { Resource: [BUCKET, `${BUCKET}/*`], ...when("StringNotEqualsIfExists", "aws:SourceVpce", VPCE) })) }, false],
        // AWS's identity perimeter lets AWS services through (BoolIfExists aws:PrincipalIsAWSService false): another
        // account's CloudFront distribution, for one, still reads what the Allow grants.
        ["Allow * behind AWS's identity perimeter Deny, which AWS services pass", t.S3_BUCKET_POLICY,
            { policy: doc(read(), deny("*", "s3:*", { Resource: [BUCKET, `${BUCKET}/*`], Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } })) }, true],
        // AWS's identity_perimeter_rcp.json as a resource policy: both Denies except resources tagged dp:exclude:identity, which
        // only the owner tags (a caller the Deny reaches cannot tag them either). A principal's tag is any account's to set.
        ...([
            ["a bucket policy", t.S3_BUCKET_POLICY, "s3", "s3:GetObject", "bucket"],
            ["a queue policy", t.SQS_QUEUE_POLICY, "sqs", "sqs:SendMessage", "queueUrl"],
            ["a topic policy", t.SNS_TOPIC_POLICY, "sns", "sns:Publish", "arn"],
            ["a secret policy", t.SECRETS_MANAGER_SECRET_POLICY, "secretsmanager", "secretsmanager:GetSecretValue", "secretArn"],
            ["an ECR repository policy", t.ECR_REPOSITORY_POLICY, "ecr", "ecr:BatchGetImage", "repository"],
            ["a queue's own policy", t.SQS_QUEUE, "sqs", "sqs:SendMessage", "name"],
            // A private API: a regional one is public by design.
            ["a private REST API's own policy", t.APIGATEWAY_REST_API, "execute-api", "execute-api:Invoke", "name", { endpointConfiguration: { types: "PRIVATE" } }],
        ] as const).flatMap(([what, type, service, action, target, extra = {}]): [string, string, Record<string, unknown>, boolean][] => {
            const perimeter = (exception: Record<string, string>) => JSON.stringify(doc(allow("*", action, { Sid: "AllowAny" }),
                deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG, ...exception }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
                deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG, ...exception }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } })));
            return [
                [`${what}: AWS's RCP perimeters excepting resources tagged dp:exclude:identity`, type, { [target]: "r", ...extra, policy: perimeter({ "aws:ResourceTag/dp:exclude:identity": "true" }) }, false],
                [`${what}: the perimeters excepting principals tagged dp:exclude:identity`, type, { [target]: "r", ...extra, policy: perimeter({ "aws:PrincipalTag/dp:exclude:identity": "true" }) }, true],
            ];
        }),
        ["a Deny reaching only resources tagged dp:include does not fence", t.S3_BUCKET_POLICY, { policy: doc(read(),
            deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceVpce": VPCE }, StringEquals: { "aws:ResourceTag/dp:include": "true" } } })) }, true],
        ["a Deny excepting requests tagged dp:exclude (the caller's tags) does not fence", t.S3_BUCKET_POLICY, { policy: doc(read(),
            deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceVpce": VPCE, "aws:RequestTag/dp:exclude": "true" } } })) }, true],
        // The network perimeter RCP reaches only principals tagged dp:include:network, and spares every account's aws:ec2-infrastructure role.
        ["AWS's source-VPC network perimeter alone does not fence", t.S3_BUCKET_POLICY, { policy: doc(read(), deny("*", "s3:*", { Condition: {
            NotIpAddressIfExists: { "aws:SourceIp": "203.0.113.0/24" }, StringNotEqualsIfExists: { "aws:SourceVpc": "vpc-0a1b2c3d", "aws:PrincipalTag/dp:exclude:network": "true" },
            BoolIfExists: { "aws:PrincipalIsAWSService": "false", "aws:ViaAWSService": "false" }, ArnNotLikeIfExists: { "aws:PrincipalArn": "arn:aws:iam::*:role/aws:ec2-infrastructure" },
            StringEquals: { "aws:PrincipalTag/dp:include:network": "true" } } })) }, true],
        ["a Lambda permission for a Bedrock agent pinned by its alias", t.LAMBDA_PERMISSION,
            { function: "fn", action: "lambda:InvokeFunction", principal: "bedrock.amazonaws.com", sourceArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:agent/IO47D3HMWR/alias/CCVLQDODWY` }, false],
        ["a Lambda permission for a Bedrock agent without a source", t.LAMBDA_PERMISSION, { function: "fn", action: "lambda:InvokeFunction", principal: "bedrock.amazonaws.com" }, true],
        ["a Lambda permission for CloudWatch alarm actions pinned by the alarm", t.LAMBDA_PERMISSION,
            { function: "fn", action: "lambda:InvokeFunction", principal: "lambda.alarms.cloudwatch.amazonaws.com", sourceArn: `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:high-cpu` }, false],
        // GitHub owners are named by anyone who registers one: repo:acme* admits acme-evil, repo:acme/shop* stays in acme.
        ["GitHub sub repo:acme* (any owner whose name starts so)", t.IAM_ROLE, github("repo:acme*"), true],
        ["GitHub sub repo:acm?/shop:*", t.IAM_ROLE, github("repo:acm?/shop:*"), true],
        ["GitHub sub repo:acme/shop* (repositories of one owner)", t.IAM_ROLE, github("repo:acme/shop*"), false],
    ];
    it.each(cases)("%s", (_label, type, props, reported) => {
        expect(check(type, props).length > 0).toBe(reported);
    });
});

// The seventeenth replay's cases (other scanners' trackers, AWS's examples) in shapes no table above holds; all agreed.
const SEVENTEENTH_REPLAY: [string, string, Record<string, unknown>, boolean][] = (() => {
    // Documents as the provider sends them: JSON strings.
    const json = (...statements: unknown[]) => JSON.stringify(doc(...statements));
    const DOMAIN = { domainName: "search" };
    const secret = (condition: Record<string, unknown>) => ({ secretArn: "s", policy: json(allow("*", "secretsmanager:GetSecretValue", condition)) });
    const vault = (condition: Record<string, unknown>) => ({ backupVaultName: "v", policy: json(allow({ AWS: "*" }, "backup:CopyIntoBackupVault", condition)) });
    return [
        // prowler#8566: a single address, as the console writes it, is a /32 (or /128).
        ["a domain open to one IPv4 address written without a prefix length", t.OPENSEARCH_DOMAIN, { ...DOMAIN, accessPolicies: json(allow("*", "es:ESHttpGet", when("IpAddress", "aws:SourceIp", "203.0.113.5"))) }, false],
        ["a bucket open to one IPv6 address written without a prefix length", t.S3_BUCKET_POLICY, { policy: json(allow("*", "s3:GetObject", when("IpAddress", "aws:SourceIp", "2001:db8::1"))) }, false],
        ["aws:SourceArn in the aws-cn partition", t.SQS_QUEUE_POLICY, { policy: json(allow("*", "sqs:SendMessage", when("ArnEquals", "aws:SourceArn", `arn:aws-cn:sns:cn-north-1:${ACCOUNT}:orders`))) }, false],
        // prowler#1151: an organizational unit's path below a fixed organization.
        ["an ECR policy for * under ForAnyValue:StringLike aws:PrincipalOrgPaths of one OU", t.ECR_REPOSITORY_POLICY,
            { policy: json(allow("*", ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], when("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", `${ORG}/r-ab12/ou-ab12-cdef5678/*`))) }, false],
        ["a TLS test beside an organization test (tests are ANDed)", t.SQS_QUEUE_POLICY,
            { policy: json(allow("*", "sqs:SendMessage", { Condition: { Bool: { "aws:SecureTransport": "true" }, StringEquals: { "aws:PrincipalOrgID": ORG } } })) }, false],
        ["a Glacier vault lock denying deletes of archives younger than a year", t.GLACIER_VAULT_LOCK,
            { vaultName: "v", completeLock: false, policy: json(deny("*", "glacier:DeleteArchive", when("NumericLessThanEquals", "glacier:ArchiveAgeInDays", "365"))) }, false],
        ["a bucket Deny of uploads without aws:kms (s3:x-amz-server-side-encryption)", t.S3_BUCKET_POLICY,
            { policy: json(deny("*", "s3:PutObject", when("StringNotEquals", "s3:x-amz-server-side-encryption", "aws:kms"))) }, false],
        ["a secret for * pinned by kms:CallerAccount", t.SECRETS_MANAGER_SECRET_POLICY, secret(when("StringEquals", "kms:CallerAccount", ACCOUNT)), false],
        ["a Backup vault taking copies from the organization", t.BACKUP_VAULT_POLICY, vault(when("StringEquals", "aws:PrincipalOrgID", ORG)), false],
        // kms:ViaService names the service a request came through, not whose it is.
        ["a secret for * behind kms:ViaService alone", t.SECRETS_MANAGER_SECRET_POLICY, secret(when("StringEquals", "kms:ViaService", "secretsmanager.eu-west-1.amazonaws.com")), true],
        ["uploads for * that set AES256 (s3:x-amz-server-side-encryption says how, not who)", t.S3_BUCKET_POLICY,
            { policy: json(allow("*", "s3:PutObject", when("StringEquals", "s3:x-amz-server-side-encryption", "AES256"))) }, true],
        ["topic subscriptions for * over https (sns:Protocol)", t.SNS_TOPIC_POLICY, { policy: json(allow("*", "SNS:Subscribe", when("StringEquals", "sns:Protocol", "https"))) }, true],
        ["a Backup vault taking copies from every account", t.BACKUP_VAULT_POLICY, vault({}), true],
        ["elasticfilesystem:Client* for everyone (a wildcard, whatever it matches today)", t.EFS_FILE_SYSTEM_POLICY, { fileSystemId: "fs-1", policy: json(allow({ AWS: "*" }, "elasticfilesystem:Client*")) }, true],
        ["a Lambda permission for Cognito user pools without a source (checkov#4346)", t.LAMBDA_PERMISSION, { function: "fn", action: "lambda:InvokeFunction", principal: "cognito-idp.amazonaws.com" }, true],
    ];
})();

describe("findResourcePolicyWildcards (pure rule): the seventeenth replay's held-out shapes", () => {
    it.each(SEVENTEENTH_REPLAY)("%s", (_label, type, props, reported) => {
        expect(check(type, props).length > 0).toBe(reported);
    });
});

describe("findResourcePolicyWildcards (pure rule): unknowns at preview", () => {
    const cases: [string, string, unknown, string[]][] = [
        ["unknown document", t.S3_BUCKET_POLICY, U.string, []],
        ["unknown Statement list", t.S3_BUCKET_POLICY, { Version: V, Statement: U.array }, []],
        ["unknown principal", t.S3_BUCKET_POLICY, doc(allow(U.object, "s3:*")), []],
        ["root next to an unknown principal (may be root too)", t.SQS_QUEUE_POLICY, doc(allow({ AWS: [ROOT, U.string] }, "sqs:*")), []],
        ["a role next to an unknown principal", t.SQS_QUEUE_POLICY, doc(allow({ AWS: [ROLE, U.string] }, "sqs:*")), [`Statement[0] ${WILDCARD('"sqs:*"')}`]],
        ["* next to an unknown principal", t.SQS_QUEUE_POLICY, doc(allow({ AWS: ["*", U.string] }, "sqs:SendMessage")), [`Statement[0] ${ANYONE}`]],
        ["unknown condition", t.SQS_QUEUE_POLICY, doc(allow("*", "sqs:SendMessage", { Condition: U.object })), []],
        ["unknown pin value", t.SQS_QUEUE_POLICY, doc(allow("*", "sqs:SendMessage", when("ArnEquals", "aws:SourceArn", U.string))), []],
        ["unknown condition does not excuse sqs:* to anyone", t.SQS_QUEUE_POLICY, doc(allow("*", "sqs:*", { Condition: U.object })), [`Statement[0] ${WILDCARD('"sqs:*"')}`]],
        ["unknown condition may be the access-point delegation", t.S3_BUCKET_POLICY, doc(allow("*", "*", { Condition: { StringEquals: U.object } })), []],
        ["unknown Effect", t.S3_BUCKET_POLICY, doc({ Effect: U.string, Principal: "*", Action: "s3:*", Resource: "*" }), []],
        ["an unknown statement may be a fencing Deny", t.S3_BUCKET_POLICY, doc(allow("*", "s3:GetObject"), U.object), []],
        ["a statement of unknown Effect may be a fencing Deny", t.S3_BUCKET_POLICY,
            doc(allow("*", "s3:GetObject"), { Effect: U.string, Principal: "*", Action: "s3:*", Resource: "*", ...when("StringNotEquals", "aws:SourceVpce", "vpce-1") }), []],
        ["a Deny whose condition value is unknown may fence", t.S3_BUCKET_POLICY,
            doc(allow("*", "s3:GetObject"), deny("*", "s3:*", when("StringNotEquals", "aws:SourceVpce", U.string))), []],
        ["a Deny sparing principals unknown at preview may fence", t.SQS_QUEUE_POLICY,
            doc(allow("*", "sqs:SendMessage"), { Effect: "Deny", NotPrincipal: { AWS: U.array }, Action: "sqs:*", Resource: "*" }), []],
        ["a Deny sparing a service next to an unknown principal cannot fence", t.SQS_QUEUE_POLICY,
            doc(allow("*", "sqs:SendMessage"), { Effect: "Deny", NotPrincipal: { AWS: U.string, Service: "sns.amazonaws.com" }, Action: "sqs:*", Resource: "*" }), [`Statement[0] ${ANYONE}`]],
        ["a Deny that cannot fence, whatever its unknown principal", t.S3_BUCKET_POLICY,
            doc(allow("*", "s3:GetObject"), deny(U.object, "s3:*", when("Bool", "aws:SecureTransport", "false"))), [`Statement[0] ${ANYONE}`]],
        ["unknown Action for a role", t.S3_BUCKET_POLICY, doc(allow({ AWS: ROLE }, U.array)), []],
        ["unknown action next to s3:*", t.S3_BUCKET_POLICY, doc(allow({ AWS: ROLE }, ["s3:*", U.string])), [`Statement[0] ${WILDCARD('"s3:*"')}`]],
        ["unknown action on API Gateway may be execute-api:Invoke", t.APIGATEWAY_REST_API_POLICY, doc(allow("*", U.array)), []],
        ["unknown Resource", t.S3_BUCKET_POLICY, doc(allow({ AWS: ROLE }, "s3:GetObject", { Resource: U.string })), []],
        ["CloudFront OAC pinned to a distribution whose ARN is unknown at preview", t.S3_BUCKET_POLICY,
            doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "AWS:SourceArn", U.string) })), []],
        ["CloudFront OAC with an unknown condition", t.S3_BUCKET_POLICY,
            doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, Condition: U.object })), []],
        ["S3 events to a queue pinned to a bucket whose ARN is unknown at preview", t.SQS_QUEUE_POLICY,
            doc(allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE, ...when("ArnEquals", "aws:SourceArn", U.string) })), []],
        ["S3 events to a topic with an unknown condition", t.SNS_TOPIC_POLICY,
            doc(allow({ Service: "s3.amazonaws.com" }, "sns:Publish", { Resource: TOPIC, Condition: U.object })), []],
        ["S3 events to a queue next to an unknown statement (it may fence)", t.SQS_QUEUE_POLICY,
            doc(allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE }), U.object), []],
        // AWS's RCP confused-deputy Deny (Null aws:SourceAccount false) with a value not known yet.
        ["S3 events to a queue behind a confused-deputy Deny whose Null value is unknown", t.SQS_QUEUE_POLICY,
            doc(allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE }),
                deny("*", "sqs:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Null: { "aws:SourceAccount": U.string }, Bool: { "aws:PrincipalIsAWSService": "true" } } })), []],
        ["CloudFront OAC behind a confused-deputy Deny whose source account is unknown", t.S3_BUCKET_POLICY,
            doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
                deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceAccount": U.string }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } })), []],
        ["an Allow for anyone behind the identity perimeter and a confused-deputy Deny whose Null block is unknown", t.S3_BUCKET_POLICY,
            doc(allow("*", "s3:GetObject", { Resource: `${BUCKET}/*` }),
                deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
                deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Null: U.object, Bool: { "aws:PrincipalIsAWSService": "true" } } })), []],
        ["a CloudFront grant behind a Deny only where aws:SourceAccount is absent, its organization unknown, cannot be fenced", t.S3_BUCKET_POLICY,
            doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*` }),
                deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": U.string }, Null: { "aws:SourceAccount": "true" }, Bool: { "aws:PrincipalIsAWSService": "true" } } })),
            [`Statement[0] ${UNPINNED_CLOUDFRONT}`]],
        ["S3 events to a queue among unknown principals, without condition", t.SQS_QUEUE_POLICY,
            doc(allow({ Service: [U.string, "s3.amazonaws.com"] }, "sqs:SendMessage", { Resource: QUEUE })), [`Statement[0] ${UNPINNED_S3_EVENTS}`]],
        ["SES mail to a bucket pinned by aws:Referer, an account id unknown at preview", t.S3_BUCKET_POLICY,
            doc(allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "aws:Referer", U.string) })), []],
        ["SES mail to a bucket pinned by aws:Referer, one of its account ids unknown at preview", t.S3_BUCKET_POLICY,
            doc(allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "aws:Referer", [ACCOUNT, U.string]) })), []],
        ["SES mail to a bucket with an unknown condition", t.S3_BUCKET_V2,
            doc(allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Resource: `${BUCKET}/*`, Condition: U.object })), []],
        ["SES among unknown principals, without condition", t.S3_BUCKET_POLICY,
            doc(allow({ Service: [U.string, "ses.amazonaws.com"] }, "s3:PutObject", { Resource: `${BUCKET}/*` })), [`Statement[0] ${UNPINNED_SES}`]],
        ["CloudFront OAC among unknown principals, without condition", t.S3_BUCKET_POLICY,
            doc(allow({ Service: ["cloudfront.amazonaws.com", U.string] }, "s3:GetObject", { Resource: `${BUCKET}/*` })), [`Statement[0] ${UNPINNED_CLOUDFRONT}`]],
    ];
    it.each(cases)("%s", (_label, type, policy, expected) => {
        const property = RESOURCE_POLICY_DOCUMENTS[type].path;
        expect(short(check(type, { [property]: policy }))).toEqual(expected.map((e) => `${type} "r": ${property} ${e}`));
    });

    it("an OpenSearch domain whose fine-grained access control is unknown", () => {
        const open = JSON.stringify(doc(allow("*", "es:ESHttpGet")));
        expect(check(t.OPENSEARCH_DOMAIN, { accessPolicies: open, advancedSecurityOptions: U.object })).toEqual([]);
        expect(check(t.OPENSEARCH_DOMAIN, { accessPolicies: open, advancedSecurityOptions: { enabled: U.boolean } })).toEqual([]);
        expect(short(check(t.OPENSEARCH_DOMAIN, { accessPolicies: open, advancedSecurityOptions: { enabled: false } }))).toEqual([`${t.OPENSEARCH_DOMAIN} "r": accessPolicies Statement[0] ${ANYONE}`]);
        expect(check(t.ELASTICSEARCH_DOMAIN, { accessPolicies: doc(allow("*", "es:ESHttpGet")), advancedSecurityOptions: { enabled: true } })).toEqual([]);
    });

    // Anonymous auth is the 30-day migration period of a domain turning fine-grained access control on:
    // requests without credentials still get in, so the open policy is what keeps them out.
    it("an open OpenSearch domain whose fine-grained access control still admits anonymous requests (the migration period)", () => {
        const open = JSON.stringify(doc(allow("*", "es:ESHttpGet")));
        const fgac = (anonymousAuthEnabled: unknown) => ({ accessPolicies: open, advancedSecurityOptions: { enabled: true, anonymousAuthEnabled, internalUserDatabaseEnabled: true } });
        expect(short(check(t.OPENSEARCH_DOMAIN, fgac(true)))).toEqual([`${t.OPENSEARCH_DOMAIN} "r": accessPolicies Statement[0] ${ANYONE}`]);
        expect(check(t.OPENSEARCH_DOMAIN, fgac(false))).toEqual([]);
        expect(check(t.OPENSEARCH_DOMAIN, fgac(undefined))).toEqual([]);
        expect(check(t.OPENSEARCH_DOMAIN, fgac(U.boolean))).toEqual([]);
        // In a VPC the network still keeps other callers out.
        expect(check(t.OPENSEARCH_DOMAIN, { ...fgac(true), vpcOptions: { subnetIds: ["subnet-0a1b2c3d4e5f60001"] } })).toEqual([]);
    });

    // A domain in a VPC has no public endpoint: only clients its security groups admit reach it,
    // and AWS (Security Hub Opensearch.2, the "About access policies on VPC domains" guide) reads
    // it as not public, so an open access policy there is a network-pinned one.
    it("an OpenSearch or Elasticsearch domain in a VPC with an open access policy", () => {
        const open = JSON.stringify(doc(allow({ AWS: "*" }, ["es:ESHttpGet", "es:ESHttpPost"], { Resource: `arn:aws:es:eu-west-1:${ACCOUNT}:domain/logs/*` })));
        const inVpc = { subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], securityGroupIds: ["sg-0a1b2c3d4e5f60001"] };
        expect(check(t.OPENSEARCH_DOMAIN, { accessPolicies: open, vpcOptions: inVpc })).toEqual([]);
        expect(check(t.ELASTICSEARCH_DOMAIN, { accessPolicies: open, vpcOptions: inVpc, advancedSecurityOptions: { enabled: false } })).toEqual([]);
        // Unknown at preview: the subnets may be there.
        expect(check(t.OPENSEARCH_DOMAIN, { accessPolicies: open, vpcOptions: U.object })).toEqual([]);
        expect(check(t.OPENSEARCH_DOMAIN, { accessPolicies: open, vpcOptions: { subnetIds: U.array } })).toEqual([]);
        // Wildcard actions are still named: the network decides who reaches the domain, not what they may do.
        expect(short(check(t.OPENSEARCH_DOMAIN, { accessPolicies: JSON.stringify(doc(allow({ AWS: "*" }, "es:*"))), vpcOptions: inVpc })))
            .toEqual([`${t.OPENSEARCH_DOMAIN} "r": accessPolicies Statement[0] ${WILDCARD('"es:*"')}`]);
        // No subnets, no VPC: the public endpoint.
        for (const vpcOptions of [{ subnetIds: [] }, {}, null]) {
            expect(short(check(t.OPENSEARCH_DOMAIN, { accessPolicies: open, vpcOptions }))).toEqual([`${t.OPENSEARCH_DOMAIN} "r": accessPolicies Statement[0] ${ANYONE}`]);
        }
        // A separate DomainPolicy whose domain is not in the stack: reported (findPublicGrants reads a domain of the stack).
        expect(short(check(t.OPENSEARCH_DOMAIN_POLICY, { domainName: "logs", accessPolicies: open }))).toEqual([`${t.OPENSEARCH_DOMAIN_POLICY} "r": accessPolicies Statement[0] ${ANYONE}`]);
    });
});

describe("findResourcePolicyWildcards (pure rule): inputs", () => {
    const open = JSON.stringify(doc(allow("*", "sqs:SendMessage")));
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["an optional policy left unset", t.SQS_QUEUE, { name: "q" }, []],
        ['an optional policy of ""', t.SNS_TOPIC, { policy: "" }, []],
        ['"{}" deletes a secret\'s policy', t.SECRETS_MANAGER_SECRET, { policy: "{}" }, []],
        ['"{}" deletes an access point\'s policy', t.S3_ACCESS_POINT, { bucket: "b", policy: "{}" }, []],
        ['a required policy of "{}"', t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: "arn", policy: "{}" },
            [`${t.SECRETS_MANAGER_SECRET_POLICY} "r": policy has no Statement; add a Statement list`]],
        ["a nested policy (multi-region access point)", t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, { details: { name: "m", policy: open } },
            [`${t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY} "r": details.policy Statement[0] ${ANYONE}`]],
        ["a nested block unknown at preview", t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, { details: U.object }, []],
        ["a nested optional policy (FSx access point) left unset", t.FSX_S3_ACCESS_POINT_ATTACHMENT, { name: "a", s3AccessPoint: {} }, []],
        ["other types are ignored", t.IAM_POLICY, { policy: open }, []],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });

    it("reads every resource-policy document the provider carries (and no KMS key policy)", () => {
        expect(Object.keys(RESOURCE_POLICY_DOCUMENTS).length).toBe(127);
        expect(RESOURCE_POLICY_TYPES.some((type) => type.startsWith("aws:kms/"))).toBe(false);
        expect(RESOURCE_POLICY_TYPES).not.toContain("aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy");
    });
});

// A role's trust policy is the resource policy of the role: who may assume it. Written the way
// public programs write them (aws.iam.assumeRolePolicyForPrincipal, JSON.stringify, objects);
// the pins are those other tools were asked to honour (checkov #6839, #7209).
describe("findResourcePolicyWildcards (pure rule): trust policies (iam.Role assumeRolePolicy)", () => {
    const trust = (...statements: unknown[]) => JSON.stringify(doc(...statements));
    const assume = (principal: unknown, extra: Record<string, unknown> = {}, action: unknown = "sts:AssumeRole") =>
        ({ Effect: "Allow", Principal: principal, Action: action, ...extra });
    const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    const passes: [string, unknown][] = [
        ["a service (assumeRolePolicyForPrincipal's shape, with Sid \"\")", trust({ Sid: "", ...assume({ Service: "lambda.amazonaws.com" }) })],
        ["services with sts:TagSession", trust(assume({ Service: ["ecs-tasks.amazonaws.com", "ec2.amazonaws.com"] }, {}, ["sts:AssumeRole", "sts:TagSession"]))],
        ["the account root, narrowed to one role by aws:PrincipalArn", trust(assume({ AWS: ROOT }, when("ArnLike", "aws:PrincipalArn", `arn:aws:iam::${ACCOUNT}:role/deployer`)))],
        ["another account's root with an external id (a SaaS integration)", trust(assume({ AWS: "arn:aws:iam::999988887777:root" }, when("StringEquals", "sts:ExternalId", "a1b2c3")))],
        ['"*" narrowed by aws:PrincipalArn to roles of named accounts', trust(assume({ AWS: "*" }, when("StringLike", "aws:PrincipalArn", [
            `arn:aws:iam::${ACCOUNT}:role/prod-connect`, "arn:aws:iam::444455556666:role/prod-*",
        ])))],
        ['"*" narrowed to the organization', trust(assume({ AWS: "*" }, when("StringEquals", "aws:PrincipalOrgID", ORG)))],
        ["GitHub Actions OIDC", trust(assume({ Federated: GITHUB }, { Condition: {
            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
            StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/shop:ref:refs/heads/main" },
        } }, "sts:AssumeRoleWithWebIdentity"))],
        ["an object document (the SDK's PolicyDocument type)", doc(assume({ Service: "states.amazonaws.com" }))],
    ];
    it.each(passes)("passes: %s", (_label, assumeRolePolicy) => {
        expect(check(t.IAM_ROLE, { assumeRolePolicy })).toEqual([]);
    });

    const fails: [string, unknown, string[]][] = [
        ['{"AWS": "*"} without a condition: any principal of any account may assume the role', trust(assume({ AWS: "*" })), [`Statement[0] ${ANYONE}`]],
        ['"*" with only an external id (anyone who learns it)', trust(assume("*", when("StringEquals", "sts:ExternalId", "a1b2c3"))), [`Statement[0] ${ANYONE}`]],
        ["sts:* to another account's role", trust(assume({ AWS: "arn:aws:iam::444455556666:role/ci" }, {}, "sts:*")), [`Statement[0] ${WILDCARD('"sts:*"')}`]],
    ];
    it.each(fails)("fails: %s", (_label, assumeRolePolicy, expected) => {
        expect(short(check(t.IAM_ROLE, { assumeRolePolicy }))).toEqual(expected.map((e) => `${t.IAM_ROLE} "r": assumeRolePolicy ${e}`));
    });

    // GitHub's provider issues tokens to every workflow of every repository on github.com: only a
    // condition on the token's subject keeps other people's workflows out (Datadog's rule
    // "AWS IAM role should not allow untrusted GitHub Actions to assume it", GitHub's and AWS's guides).
    const github = (condition?: Record<string, unknown>, federated = GITHUB) =>
        trust(assume({ Federated: federated }, condition ? { Condition: condition } : {}, "sts:AssumeRoleWithWebIdentity"));
    const AUD = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };
    const pinnedGithub: [string, unknown][] = [
        ["one repository, any ref (StringLike)", github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/shop:*" } })],
        ["a branch and pull requests of one repository", github({ StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": ["repo:acme/shop:ref:refs/heads/main", "repo:acme/shop:pull_request"] } })],
        ["every repository of one organization", github({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } })],
        ["an environment, as GitHub's guide writes it", github({ StringEquals: { "token.actions.githubusercontent.com:sub": "repo:acme/shop:environment:production" } })],
        ["an enterprise issuer (token.actions.githubusercontent.com/<slug>)", github(
            { StringLike: { "token.actions.githubusercontent.com/acme:sub": "repo:acme/shop:*" } }, `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com/acme`)],
        // GitHub's "unique token URL": only the enterprise's repositories get tokens from it (as repo:acme/* admits one owner's).
        ["an enterprise issuer with only the audience", github(
            { StringEquals: { "token.actions.githubusercontent.com/acme:aud": "sts.amazonaws.com" } }, `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com/acme`)],
        ["a customized subject (repository owner id)", github({ StringEquals: { "token.actions.githubusercontent.com:sub": "repository_owner_id:1234567:repository_id:7654321" } })],
        ["a condition unknown at preview", github({ StringLike: { "token.actions.githubusercontent.com:sub": U.string } })],
        // As stackattack's githubRole writes it: every token has one sub, so ForAllValues tests it.
        ["ForAllValues:StringLike on sub", github({
            "ForAllValues:StringLike": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:acme/shop:*" } })],
        ["an enterprise id (a claim AWS reads since 2026)", github({ StringEquals: { "token.actions.githubusercontent.com:enterprise_id": "4321" } })],
        ["GitHub's immutable subject (owner and repository ids)", github({ StringEquals: { "token.actions.githubusercontent.com:sub": "repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main" } })],
        // Customized subjects led by a claim naming a repository or its owner, then any later claims (public programs write these).
        ["a customized subject led by owner and repository ids, later claims any", github({ StringLike: { "token.actions.githubusercontent.com:sub": "repository_owner_id:1234567:repository_id:7654321:*" } })],
        ["a customized subject led by the owner", github({ StringLike: { "token.actions.githubusercontent.com:sub": "repository_owner:acme:*" } })],
        ["a customized subject led by the repository", github({ StringLike: { "token.actions.githubusercontent.com:sub": "repository:acme/alz:*" } })],
        ["a customized subject led by the reusable workflow", github({ StringLike: { "token.actions.githubusercontent.com:sub": "job_workflow_ref:acme/shared/.github/workflows/deploy.yml@*" } })],
        ["a customized subject of the owner alone", github({ StringEquals: { "token.actions.githubusercontent.com:sub": "repository_owner:acme" } })],
        // Owners' names differ by more than case: as the caller pins read StringEqualsIgnoreCase.
        ["one branch, compared ignoring case", github({ StringEqualsIgnoreCase: { "token.actions.githubusercontent.com:sub": "repo:Acme/Shop:ref:refs/heads/main" } })],
    ];
    it.each(pinnedGithub)("passes: GitHub Actions OIDC pinned to %s", (_label, assumeRolePolicy) => {
        expect(check(t.IAM_ROLE, { assumeRolePolicy })).toEqual([]);
    });

    const GITHUB_OPEN = "trusts GitHub Actions' OIDC provider without a condition on the token's subject (sub) naming your repositories, " +
        "so a workflow of any repository on GitHub may assume the role";
    const openGithub: [string, unknown][] = [
        ["no condition", github()],
        ["only the audience", github({ StringEquals: AUD })],
        ['sub "repo:*"', github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" } })],
        ['sub "*"', github({ StringLike: { "token.actions.githubusercontent.com:sub": "*" } })],
        ["an owner wildcard (repo:*/shop:*)", github({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:*/shop:*" } })],
        ["a negated test (every repository but one)", github({ StringNotEquals: { "token.actions.githubusercontent.com:sub": "repo:evil/x:*" } })],
        ["one concrete value and one open one", github({ StringLike: { "token.actions.githubusercontent.com:sub": ["repo:acme/shop:*", "repo:*"] } })],
        // True when the key is absent: AWS reads no repository_owner key (its list has repository, repository_id, ...).
        ["ForAllValues:StringEquals on repository_owner", github({ "ForAllValues:StringEquals": { "token.actions.githubusercontent.com:repository_owner": "acme" } })],
        // Any repository may customize its subject: a concrete subject led by another claim is any organization's.
        ["a customized subject led by an environment (any organization's production)", github({ StringEquals: { "token.actions.githubusercontent.com:sub": "environment:production" } })],
        ["a customized subject led by a ref", github({ StringEquals: { "token.actions.githubusercontent.com:sub": "ref:refs/heads/main" } })],
        ["an owner prefix without its end (acme* is also acme-evil)", github({ StringLike: { "token.actions.githubusercontent.com:sub": "repository_owner:acme*" } })],
        ["a repository claim with any owner", github({ StringLike: { "token.actions.githubusercontent.com:sub": "repository:*/alz:*" } })],
        ["StringEqualsIgnoreCase on a wildcard subject (taken as a wildcard: no better than StringLike)", github({ StringEqualsIgnoreCase: { "token.actions.githubusercontent.com:sub": "repo:*" } })],
        ["StringNotEqualsIgnoreCase on one repository", github({ StringNotEqualsIgnoreCase: { "token.actions.githubusercontent.com:sub": "repo:evil/x:ref:refs/heads/main" } })],
    ];
    it.each(openGithub)("fails: GitHub Actions OIDC with %s", (_label, assumeRolePolicy) => {
        expect(short(check(t.IAM_ROLE, { assumeRolePolicy }))).toEqual([`${t.IAM_ROLE} "r": assumeRolePolicy Statement[0] ${GITHUB_OPEN}`]);
    });

    // The other shared providers of AWS's list ("identity-provider controls for shared OIDC
    // providers") whose tenants choose their own audience, written as their guides and public
    // programs write them; each tenant is named in the subject, Cognito's in the audience.
    const federated = (provider: string, condition?: Record<string, unknown>) =>
        trust(assume({ Federated: provider }, condition ? { Condition: condition } : {}, "sts:AssumeRoleWithWebIdentity"));
    const GITLAB = `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com`;
    const TFC = `arn:aws:iam::${ACCOUNT}:oidc-provider/app.terraform.io`;
    const BUILDKITE = `arn:aws:iam::${ACCOUNT}:oidc-provider/agent.buildkite.com`;
    const CODEFRESH = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.codefresh.io`;
    const SCALR = `arn:aws:iam::${ACCOUNT}:oidc-provider/scalr.io`;
    const UPBOUND = `arn:aws:iam::${ACCOUNT}:oidc-provider/proidc.upbound.io`;
    const COGNITO = "cognito-identity.amazonaws.com";
    const GOOGLE = "accounts.google.com";
    const pinnedShared: [string, unknown][] = [
        ["GitLab: one project's main branch, as GitLab's guide writes it", federated(GITLAB, {
            StringEquals: { "gitlab.com:aud": "https://gitlab.com" }, StringLike: { "gitlab.com:sub": "project_path:acme/infra:ref_type:branch:ref:main" } })],
        ["GitLab: every project of one group", federated(GITLAB, { StringLike: { "gitlab.com:sub": "project_path:acme/*" } })],
        ["GitLab: a list of projects", federated(GITLAB, { StringLike: { "gitlab.com:sub": ["project_path:acme/infra:*", "project_path:acme/sub-group/app:*"] } })],
        ["GitLab: a project unknown at preview", federated(GITLAB, { StringLike: { "gitlab.com:sub": U.string } })],
        ["HCP Terraform: one workspace, as HashiCorp's guide writes it", federated(TFC, {
            StringEquals: { "app.terraform.io:aud": "aws.workload.identity" },
            StringLike: { "app.terraform.io:sub": "organization:acme:project:Default Project:workspace:prod:run_phase:*" } })],
        ["HCP Terraform: every workspace of one organization", federated(TFC, { StringLike: { "app.terraform.io:sub": "organization:acme:project:*:workspace:*:run_phase:*" } })],
        ["HCP Terraform Europe: every workspace of one organization", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/app.eu.terraform.io`, {
            StringLike: { "app.eu.terraform.io:sub": "organization:acme:project:*:workspace:*:run_phase:*" } })],
        ["HCP Terraform: the subject before projects, and with", federated(TFC, { StringLike: { "app.terraform.io:sub": [
            "organization:acme:workspace:prod:run_phase:*", "organization:acme:project:Default Project:workspace:prod:run_phase:*"] } })],
        ["Buildkite: one pipeline, as Buildkite's guide writes it", federated(BUILDKITE, {
            StringEquals: { "agent.buildkite.com:aud": "sts.amazonaws.com" }, StringLike: { "agent.buildkite.com:sub": "organization:acme:pipeline:deploy:ref:refs/heads/main:*" } })],
        ["Buildkite: a list of pipelines, and a network pin besides", federated(BUILDKITE, {
            StringLike: { "agent.buildkite.com:sub": ["organization:acme:pipeline:backup-db:*", "organization:acme:pipeline:backup-files:*"] },
            IpAddress: { "aws:SourceIp": "203.0.113.10/32" } })],
        ["HCP Terraform: the stacks and workspaces of projects by prefix", federated(TFC, { StringLike: { "app.terraform.io:sub": [
            "organization:acme:project:avm*:stack:*:*", "organization:acme:project:avm*:workspace:*:run_phase:*"] } })],
        // Codefresh, Scalr and Upbound: on AWS's list of shared providers, the tenant named in the subject.
        ["Codefresh: one pipeline, as Codefresh's guide writes it", federated(CODEFRESH, {
            StringEquals: { "oidc.codefresh.io:aud": "https://g.codefresh.io" },
            StringLike: { "oidc.codefresh.io:sub": "account:5f30ebd30312313ae7f17948:pipeline:64de5cd47626b3ca134e760a:*" } })],
        ["Codefresh: every pipeline of one account", federated(CODEFRESH, { StringLike: { "oidc.codefresh.io:sub": "account:5f30ebd30312313ae7f17948:*" } })],
        ["Codefresh: a cron trigger's subject exactly", federated(CODEFRESH, {
            StringEquals: { "oidc.codefresh.io:sub": "account:5f30ebd30312313ae7f17948:pipeline:64de5cd47626b3ca134e760a" } })],
        ["Scalr: one environment's workspaces, with the account's audience", federated(SCALR, {
            StringEquals: { "scalr.io:aud": "acme-aws-oidc" },
            StringLike: { "scalr.io:sub": ["account:acme:environment:cloud-engineering:workspace:*", "account:acme:environment:platform:workspace:*"] } })],
        ["Scalr: one workspace", federated(SCALR, { StringLike: { "scalr.io:sub": "account:acme:environment:Environment-A:workspace:network" } })],
        ["Upbound: one control plane's provider, as Upbound's guide writes it", federated(UPBOUND, {
            StringEquals: { "proidc.upbound.io:sub": "mcp:acme/prod-ctp:provider:provider-aws", "proidc.upbound.io:aud": "sts.amazonaws.com" } })],
        ["Upbound: a function of a control plane", federated(UPBOUND, { StringLike: { "proidc.upbound.io:sub": "mcp:acme/prod-ctp:function:upbound-function-argo-eks-discovery" } })],
        ["Upbound: every control plane of one organization", federated(UPBOUND, { StringLike: { "proidc.upbound.io:sub": "mcp:acme/*" } })],
        ["Upbound: a subject unknown at preview", federated(UPBOUND, { StringEquals: { "proidc.upbound.io:sub": U.string } })],
        ["Cognito: the app's identity pool, authenticated users", federated(COGNITO, {
            StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:7f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } })],
        ["Cognito: an identity pool created in the same program (unknown at preview)", federated(COGNITO, {
            StringEquals: { "cognito-identity.amazonaws.com:aud": U.string }, "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "unauthenticated" } })],
        // GCP workloads into AWS, as the code corpus writes it (aud is the token's azp, oaud its audience).
        ["Google: a service account's unique id (aud and sub)", federated(GOOGLE, {
            StringEquals: { "accounts.google.com:aud": "108012345678901234567", "accounts.google.com:sub": "108012345678901234567" } })],
        ["Google: an OAuth client and the audience it asks for", federated(GOOGLE, { StringEquals: {
            "accounts.google.com:oaud": "https://sts.amazonaws.com", "accounts.google.com:aud": "1234567890-abc.apps.googleusercontent.com" } })],
        ["Google through an IAM provider for it, the service account unknown at preview", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/accounts.google.com`, {
            StringEquals: { "accounts.google.com:aud": U.string } })],
        ["Google: a project's service accounts by e-mail", federated(GOOGLE, { StringLike: { "accounts.google.com:email": "*@acme-prod.iam.gserviceaccount.com" } })],
        // The issuer is the tenant's own: nothing to pin against other tenants here.
        ["an EKS cluster's provider (IRSA) without a condition", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C0DE1F2A3B4C5D6E7F8091A2B3C4D5E`)],
        ["a self-managed GitLab", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.acme.example`)],
        ["CircleCI (the organization's own issuer)", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.circleci.com/org/2f1c3b44-aaaa-bbbb-cccc-1234567890ab`)],
        ["Pulumi Cloud (the audience, the organization, is checked against the provider's client ids)", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/api.pulumi.com/oidc`)],
        ["a provider unknown at preview", federated(U.string as unknown as string)],
        ["Facebook pinned to its app", federated("graph.facebook.com", { StringEquals: { "graph.facebook.com:app_id": "123456789012345" } })],
        ["Login with Amazon pinned to its app", federated("www.amazon.com", { StringEquals: { "www.amazon.com:app_id": "amzn1.application.1234567890abcdef" } })],
        ["GitLab's provider for sts:AssumeRole (not a web identity)", trust(assume({ Federated: GITLAB }))],
    ];
    it.each(pinnedShared)("passes: %s", (_label, assumeRolePolicy) => {
        expect(check(t.IAM_ROLE, { assumeRolePolicy })).toEqual([]);
    });

    const GITLAB_OPEN = "trusts GitLab.com's OIDC provider without a condition on the token's subject (sub) naming your projects, " +
        "so a CI/CD job of any project on GitLab.com may assume the role";
    const TFC_OPEN = "trusts HCP Terraform's OIDC provider (app.terraform.io or app.eu.terraform.io) without a condition on the token's subject (sub) naming " +
        "your organization, so a run of any HCP Terraform organization may assume the role";
    const BUILDKITE_OPEN = "trusts Buildkite's OIDC provider (agent.buildkite.com) without a condition on the token's subject (sub) naming " +
        "your organization, so a job of any Buildkite organization may assume the role";
    const CODEFRESH_OPEN = "trusts Codefresh's OIDC provider (oidc.codefresh.io) without a condition on the token's subject (sub) naming " +
        "your account, so a pipeline of any Codefresh account may assume the role";
    const SCALR_OPEN = "trusts Scalr's OIDC provider (scalr.io) without a condition on the token's subject (sub) naming " +
        "your account, so a run of any Scalr account may assume the role";
    const UPBOUND_OPEN = "trusts Upbound's OIDC provider (proidc.upbound.io) without a condition on the token's subject (sub) naming " +
        "your organization, so a control plane of any Upbound organization may assume the role";
    const COGNITO_OPEN = "trusts Amazon Cognito identity pools (cognito-identity.amazonaws.com) without a condition on the token's audience (aud) " +
        "naming your identity pool, so an identity pool of any AWS account may hand out the role";
    const GOOGLE_OPEN = "trusts Google's identity provider (accounts.google.com) without a condition naming your service account or OAuth client " +
        "(aud or sub), so a token Google issued to any service account or client may assume the role";
    const openShared: [string, unknown, string][] = [
        ["Google with only the audience the caller asks for (oaud)", federated(GOOGLE, { StringEquals: { "accounts.google.com:oaud": "https://sts.amazonaws.com" } }), GOOGLE_OPEN],
        ["Google with every service account's e-mail", federated(GOOGLE, { StringLike: { "accounts.google.com:email": "*.iam.gserviceaccount.com" } }), GOOGLE_OPEN],
        ["Google with any Gmail address", federated(GOOGLE, { StringLike: { "accounts.google.com:email": "*@gmail.com" } }), GOOGLE_OPEN],
        ["GitLab with only the audience (a job picks its own)", federated(GITLAB, { StringEquals: { "gitlab.com:aud": "https://gitlab.com" } }), GITLAB_OPEN],
        ['GitLab with sub "project_path:*"', federated(GITLAB, { StringLike: { "gitlab.com:sub": "project_path:*" } }), GITLAB_OPEN],
        ["GitLab with any group's project of one name", federated(GITLAB, { StringLike: { "gitlab.com:sub": "project_path:*/infra:*" } }), GITLAB_OPEN],
        ["HCP Terraform with only the audience", federated(TFC, { StringEquals: { "app.terraform.io:aud": "aws.workload.identity" } }), TFC_OPEN],
        // HCP Terraform Europe: another multi-tenant control plane, not an alias.
        ["HCP Terraform Europe with only the audience", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/app.eu.terraform.io`, {
            StringEquals: { "app.eu.terraform.io:aud": "aws.workload.identity" } }), TFC_OPEN],
        ["HCP Terraform with any organization's workspace of one name", federated(TFC, {
            StringLike: { "app.terraform.io:sub": "organization:*:project:*:workspace:prod:run_phase:*" } }), TFC_OPEN],
        ["HCP Terraform with an organization prefix (acme* is also acme-evil)", federated(TFC, { StringLike: { "app.terraform.io:sub": "organization:acme*" } }), TFC_OPEN],
        ["Buildkite without a condition", federated(BUILDKITE), BUILDKITE_OPEN],
        ["Codefresh without a condition", federated(CODEFRESH), CODEFRESH_OPEN],
        // https://g.codefresh.io is the audience of every Codefresh SaaS account's tokens.
        ["Codefresh with only the audience", federated(CODEFRESH, { StringEquals: { "oidc.codefresh.io:aud": "https://g.codefresh.io" } }), CODEFRESH_OPEN],
        ["Codefresh with any account's pipeline", federated(CODEFRESH, {
            StringLike: { "oidc.codefresh.io:sub": "account:*:pipeline:64de5cd47626b3ca134e760a:*" } }), CODEFRESH_OPEN],
        ["Codefresh with an account prefix", federated(CODEFRESH, { StringLike: { "oidc.codefresh.io:sub": "account:5f30*" } }), CODEFRESH_OPEN],
        // Each Scalr account picks its audience: another may pick the same.
        ["Scalr with only the audience", federated(SCALR, { StringEquals: { "scalr.io:aud": "acme-aws-oidc" } }), SCALR_OPEN],
        ["Scalr with any account's production environment", federated(SCALR, {
            StringLike: { "scalr.io:sub": "account:*:environment:production:workspace:*" } }), SCALR_OPEN],
        ["Upbound without a condition", federated(UPBOUND), UPBOUND_OPEN],
        ["Upbound with only the audience (sts.amazonaws.com, every organization's)", federated(UPBOUND, {
            StringEquals: { "proidc.upbound.io:aud": "sts.amazonaws.com" } }), UPBOUND_OPEN],
        ["Upbound with any organization's control plane", federated(UPBOUND, {
            StringLike: { "proidc.upbound.io:sub": "mcp:*:provider:provider-aws" } }), UPBOUND_OPEN],
        ["Cognito with only the authentication method", federated(COGNITO, { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } }), COGNITO_OPEN],
        ["Cognito with a region's pools (eu-west-1:*)", federated(COGNITO, { StringLike: { "cognito-identity.amazonaws.com:aud": "eu-west-1:*" } }), COGNITO_OPEN],
        // AWS's web identity role guide: the built-in providers need the app_id condition.
        ["Facebook without app_id", federated("graph.facebook.com"), "trusts Facebook's built-in web identity provider (graph.facebook.com) without a condition on the token's app_id naming your app, " +
            "so a user of any app signed in with Facebook may assume the role"],
        ["Login with Amazon with any app", federated("www.amazon.com", { StringLike: { "www.amazon.com:app_id": "*" } }), "trusts Login with Amazon's built-in web identity provider (www.amazon.com) " +
            "without a condition on the token's app_id naming your app, so a user of any app signed in with Login with Amazon may assume the role"],
    ];
    it.each(openShared)("fails: %s", (_label, assumeRolePolicy, expected) => {
        expect(short(check(t.IAM_ROLE, { assumeRolePolicy }))).toEqual([`${t.IAM_ROLE} "r": assumeRolePolicy Statement[0] ${expected}`]);
    });

    // The rarer members of AWS's list, as their own guides write the trust policy: IAM checks
    // only that a new or edited policy evaluates the claim ("repo:*" does) and never re-checks
    // an existing one, so a role may still trust every tenant.
    const VERCEL = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.vercel.com`;
    const VSTOKEN = `arn:aws:iam::${ACCOUNT}:oidc-provider/vstoken.actions.githubusercontent.com`;
    const AUDIT_LOG = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc-configuration.audit-log.githubusercontent.com`;
    const DATACHAIN = `arn:aws:iam::${ACCOUNT}:oidc-provider/studio.datachain.ai/api`;
    const TURBONOMIC = `arn:aws:iam::${ACCOUNT}:oidc-provider/rh-oidc.s3.us-east-1.amazonaws.com/22ejnvnnturfmt6km08idd0nt4hekbn7`;
    const SENTINEL = `arn:aws:iam::${ACCOUNT}:oidc-provider/sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/`;
    const SENTINEL_AUD = { "sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/:aud": "api://1462b192-27f7-4cb9-8523-0f4ecb54b47e" };
    it.each([
        ["Vercel: team and project, as Vercel's guide writes it", federated(VERCEL, { StringEquals: {
            "oidc.vercel.com:aud": "https://vercel.com/acme", "oidc.vercel.com:sub": "owner:acme:project:web:environment:production" } })],
        ["Vercel: the team's audience alone", federated(VERCEL, { StringEquals: { "oidc.vercel.com:aud": "https://vercel.com/acme" } })],
        ["Vercel: every environment of one project", federated(VERCEL, { StringLike: { "oidc.vercel.com:sub": "owner:acme:project:web:environment:*" } })],
        // Team issuer mode: oidc.vercel.com/<team> issues to that team alone.
        ["Vercel: a team's own issuer, without a condition", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.vercel.com/acme`)],
        ["GitHub's vstoken issuer (2021): one repository", federated(VSTOKEN, { StringLike: { "vstoken.actions.githubusercontent.com:sub": "repo:acme/shop:*" } })],
        ["GitHub audit log streaming: one enterprise, as GitHub's guide writes it", federated(AUDIT_LOG, { StringEquals: {
            "oidc-configuration.audit-log.githubusercontent.com:aud": "sts.amazonaws.com",
            "oidc-configuration.audit-log.githubusercontent.com:sub": "https://github.com/acme" } })],
        ["DataChain Studio: one team's credentials, as its guide writes it", federated(DATACHAIN, {
            "ForAnyValue:StringLike": { "studio.datachain.ai/api:sub": "credentials:acme/s3-creds" } })],
        ["IBM Turbonomic SaaS: one instance's service account", federated(TURBONOMIC, { StringEquals: {
            "rh-oidc.s3.us-east-1.amazonaws.com/22ejnvnnturfmt6km08idd0nt4hekbn7:sub": "system:serviceaccount:turbonomic-acme:t8c-operator" } })],
        ["Microsoft Sentinel: one workspace's session name, as Microsoft's guide writes it", federated(SENTINEL, { StringEquals: {
            ...SENTINEL_AUD, "sts:RoleSessionName": "MicrosoftSentinel_0a1b2c3d-1111-2222-3333-444455556666" } })],
        ["a host that only ends like GitHub's vstoken issuer", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/evil-vstoken.actions.githubusercontent.com.example.org`)],
    ])("passes: %s", (_label, assumeRolePolicy) => {
        expect(check(t.IAM_ROLE, { assumeRolePolicy })).toEqual([]);
    });

    const VERCEL_OPEN = "trusts Vercel's global OIDC provider (oidc.vercel.com) without a condition naming your team (aud or sub), " +
        "so a deployment of any Vercel team may assume the role";
    const VSTOKEN_OPEN = "trusts GitHub Actions' former OIDC provider (vstoken.actions.githubusercontent.com) without a condition on the " +
        "token's subject (sub) naming your repositories, so a workflow of any repository on GitHub may assume the role";
    const AUDIT_LOG_OPEN = "trusts GitHub's audit log streaming OIDC provider (oidc-configuration.audit-log.githubusercontent.com) without a " +
        "condition on the token's subject (sub) naming your enterprise, so the audit log stream of any GitHub enterprise may assume the role";
    const DATACHAIN_OPEN = "trusts DataChain Studio's OIDC provider (studio.datachain.ai/api) without a condition on the token's subject (sub) " +
        "naming your team, so the credentials of any Studio user or team may assume the role";
    const TURBONOMIC_OPEN = "trusts IBM Turbonomic SaaS's OIDC provider without a condition on the token's subject (sub) naming your " +
        "Turbonomic instance, so any customer's instance may assume the role";
    const SENTINEL_OPEN = "trusts Microsoft Sentinel's OIDC provider (sts.windows.net/<Microsoft's tenant>/) without a condition on " +
        "sts:RoleSessionName naming your workspace, so the Sentinel connector of any customer may assume the role";
    it.each([
        ["Vercel without a condition", federated(VERCEL), VERCEL_OPEN],
        ["Vercel with every team's audience", federated(VERCEL, { StringLike: { "oidc.vercel.com:aud": "https://vercel.com/*" } }), VERCEL_OPEN],
        ["Vercel with any team's project of one name", federated(VERCEL, {
            StringLike: { "oidc.vercel.com:sub": "owner:*:project:web:environment:production" } }), VERCEL_OPEN],
        ["GitHub's vstoken issuer without a condition", federated(VSTOKEN), VSTOKEN_OPEN],
        // The workflow picks its audience (core.getIDToken(audience)).
        ["GitHub's vstoken issuer with only the audience", federated(VSTOKEN, {
            StringLike: { "vstoken.actions.githubusercontent.com:aud": "https://github.com/acme/shop" } }), VSTOKEN_OPEN],
        ['GitHub\'s vstoken issuer with sub "repo:*"', federated(VSTOKEN, { StringLike: { "vstoken.actions.githubusercontent.com:sub": "repo:*" } }), VSTOKEN_OPEN],
        // sts.amazonaws.com is the audience of every enterprise's stream.
        ["GitHub audit log streaming with only the audience", federated(AUDIT_LOG, {
            StringEquals: { "oidc-configuration.audit-log.githubusercontent.com:aud": "sts.amazonaws.com" } }), AUDIT_LOG_OPEN],
        ["GitHub audit log streaming with every enterprise", federated(AUDIT_LOG, {
            StringLike: { "oidc-configuration.audit-log.githubusercontent.com:sub": "https://github.com/*" } }), AUDIT_LOG_OPEN],
        ["DataChain Studio without a condition", federated(DATACHAIN), DATACHAIN_OPEN],
        ["DataChain Studio with any owner's credentials of one name", federated(DATACHAIN, {
            StringLike: { "studio.datachain.ai/api:sub": "credentials:*/s3-creds" } }), DATACHAIN_OPEN],
        ["DVC Studio's earlier host without a condition", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/studio.iterative.ai/api`), DATACHAIN_OPEN],
        ["IBM Turbonomic SaaS without a condition", federated(TURBONOMIC), TURBONOMIC_OPEN],
        ["IBM Turbonomic SaaS with any instance", federated(TURBONOMIC, {
            StringLike: { "rh-oidc.s3.us-east-1.amazonaws.com/22ejnvnnturfmt6km08idd0nt4hekbn7:sub": "system:serviceaccount:*:t8c-operator" } }), TURBONOMIC_OPEN],
        // Sentinel's application is every customer's audience.
        ["Microsoft Sentinel with only the audience", federated(SENTINEL, { StringEquals: SENTINEL_AUD }), SENTINEL_OPEN],
        ["Microsoft Sentinel with any workspace's session name", federated(SENTINEL, {
            StringEquals: SENTINEL_AUD, StringLike: { "sts:RoleSessionName": "MicrosoftSentinel_*" } }), SENTINEL_OPEN],
    ])("fails: %s", (_label, assumeRolePolicy, expected) => {
        expect(short(check(t.IAM_ROLE, { assumeRolePolicy }))).toEqual([`${t.IAM_ROLE} "r": assumeRolePolicy Statement[0] ${expected}`]);
    });

    // The last two of AWS's list: sandboxes.cloud (Crafting), whose guide names the organization in
    // the audience, and Shisho Cloud, whose tenant claim is sub (its format not public).
    const SANDBOXES = `arn:aws:iam::${ACCOUNT}:oidc-provider/sandboxes.cloud`;
    const SHISHO = `arn:aws:iam::${ACCOUNT}:oidc-provider/tokens.cloud.shisho.dev`;
    it.each([
        ["sandboxes.cloud: the organization's audience, as Crafting's guide writes it", federated(SANDBOXES, { StringEquals: { "sandboxes.cloud:aud": ["acme"] } })],
        ["sandboxes.cloud: two organizations", federated(SANDBOXES, { StringEquals: { "sandboxes.cloud:aud": ["acme", "acme-labs"] } })],
        ["sandboxes.cloud: an audience unknown at preview", federated(SANDBOXES, { StringEquals: { "sandboxes.cloud:aud": U.string } })],
        ["a self-hosted Crafting deployment (its own issuer), without a condition", federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/sandboxes.acme.internal`)],
        ["Shisho Cloud: one subject", federated(SHISHO, { StringEquals: { "tokens.cloud.shisho.dev:sub": "org:acme:bot:BT01HXYZ" } })],
        ["Shisho Cloud: a subject with a fixed start", federated(SHISHO, { StringLike: { "tokens.cloud.shisho.dev:sub": "org:acme:*" } })],
    ])("passes: %s", (_label, assumeRolePolicy) => {
        expect(check(t.IAM_ROLE, { assumeRolePolicy })).toEqual([]);
    });

    const SANDBOXES_OPEN = "trusts Crafting's shared OIDC provider (sandboxes.cloud) without a condition on the token's audience (aud) naming your " +
        "organization, so a sandbox of any Crafting organization may assume the role";
    const SHISHO_OPEN = "trusts Shisho Cloud's OIDC provider (tokens.cloud.shisho.dev) without a condition on the token's subject (sub), so a " +
        "workflow of any Shisho Cloud organization may assume the role";
    it.each([
        ["sandboxes.cloud without a condition", federated(SANDBOXES), SANDBOXES_OPEN],
        ["sandboxes.cloud with every organization's audience", federated(SANDBOXES, { StringLike: { "sandboxes.cloud:aud": "*" } }), SANDBOXES_OPEN],
        ["sandboxes.cloud with an organization prefix (acme* is also acme-evil)", federated(SANDBOXES, { StringLike: { "sandboxes.cloud:aud": "acme*" } }), SANDBOXES_OPEN],
        ["Shisho Cloud without a condition", federated(SHISHO), SHISHO_OPEN],
        ["Shisho Cloud with only the audience (not its tenant claim)", federated(SHISHO, { StringEquals: { "tokens.cloud.shisho.dev:aud": "sts.amazonaws.com" } }), SHISHO_OPEN],
        ["Shisho Cloud with any subject", federated(SHISHO, { StringLike: { "tokens.cloud.shisho.dev:sub": "*" } }), SHISHO_OPEN],
    ])("fails: %s", (_label, assumeRolePolicy, expected) => {
        expect(short(check(t.IAM_ROLE, { assumeRolePolicy }))).toEqual([`${t.IAM_ROLE} "r": assumeRolePolicy Statement[0] ${expected}`]);
    });

    // A program that creates the provider names it by its ARN, unknown at preview (Principal:
    // {Federated: provider.arn} in an object document). Its condition keys do not settle whose it
    // is: with an EKS provider, a test on gitlab.com's keys never matches and no one may assume
    // the role. Judged when the ARN is known (pulumi up, a stack export), as the example below is.
    const pending = (condition: Record<string, unknown>) => doc(assume({ Federated: U.string }, { Condition: condition }, "sts:AssumeRoleWithWebIdentity"));
    it.each([
        ["checking only GitLab's audience", pending({ StringEquals: { "gitlab.com:aud": "https://gitlab.com" } })],
        ["with a wildcard HCP Terraform subject", pending({ StringLike: { "app.terraform.io:sub": "organization:*" } })],
    ])("passes at preview: a provider unknown, %s", (_label, assumeRolePolicy) => {
        expect(check(t.IAM_ROLE, { assumeRolePolicy })).toEqual([]);
    });

    it("reports each shared provider a statement trusts, and none that it pins", () => {
        const both = trust(assume({ Federated: [GITHUB, GITLAB] }, { Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } } },
            "sts:AssumeRoleWithWebIdentity"));
        expect(short(check(t.IAM_ROLE, { assumeRolePolicy: both }))).toEqual([`${t.IAM_ROLE} "r": assumeRolePolicy Statement[0] ${GITLAB_OPEN}`]);
    });

    it("judges only the trust policy, not the role's inline identity policies (iam-no-wildcard-actions reads those)", () => {
        const inline = [{ name: "all", policy: JSON.stringify(doc({ Effect: "Allow", Action: "*", Resource: "*" })) }];
        expect(check(t.IAM_ROLE, { assumeRolePolicy: trust(assume({ Service: "lambda.amazonaws.com" })), inlinePolicies: inline })).toEqual([]);
        expect(check(t.IAM_ROLE, { assumeRolePolicy: U.string })).toEqual([]);
    });
});

describe("findResourcePolicyWildcards (pure rule): permission resources", () => {
    const fn = { function: "orders-fn" };
    const invoke = { ...fn, action: "lambda:InvokeFunction" };
    const LAMBDA_ANYONE = 'principal is "*" without sourceAccount, sourceArn or principalOrgId, so any AWS account may invoke the function';
    const LAMBDA_SERVICE = (service: string) => `principal is ${service} without sourceArn or sourceAccount, so the service may invoke the function on behalf of resources in any account`;
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["a service pinned by sourceArn", t.LAMBDA_PERMISSION, { ...invoke, principal: "sns.amazonaws.com", sourceArn: TOPIC }, []],
        ["API Gateway pinned by its execution ARN", t.LAMBDA_PERMISSION, { ...invoke, principal: "apigateway.amazonaws.com", sourceArn: `arn:aws:execute-api:eu-west-1:${ACCOUNT}:a1b2c3/*/*` }, []],
        ["a service pinned by sourceAccount", t.LAMBDA_PERMISSION, { ...invoke, principal: "config.amazonaws.com", sourceAccount: ACCOUNT }, []],
        ["S3 pinned by its bucket written arn:aws:s3:*:*:bucket", t.LAMBDA_PERMISSION, { ...invoke, principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:*:*:shop-uploads" }, []],
        ["S3 pinned by the bucket ARN", t.LAMBDA_PERMISSION, { ...invoke, principal: "s3.amazonaws.com", sourceArn: BUCKET }, []],
        ["an Alexa skill pinned by its token", t.LAMBDA_PERMISSION, { ...invoke, principal: "alexa-appkit.amazon.com", eventSourceToken: "amzn1.ask.skill.1234" }, []],
        ["an account principal", t.LAMBDA_PERMISSION, { ...invoke, principal: "444455556666" }, []],
        ["a role principal", t.LAMBDA_PERMISSION, { ...invoke, principal: ROLE }, []],
        ["* pinned to the organization", t.LAMBDA_PERMISSION, { ...invoke, principal: "*", principalOrgId: ORG }, []],
        ["* pinned to service calls from the account", t.LAMBDA_PERMISSION, { ...invoke, principal: "*", sourceAccount: ACCOUNT }, []],
        ["a public function URL", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:InvokeFunctionUrl", principal: "*", functionUrlAuthType: "NONE" }, []],
        ["its Invoke companion (since October 2025)", t.LAMBDA_PERMISSION, { ...invoke, principal: "*", invokedViaFunctionUrl: true }, []],
        ["lambda:* for the account root", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:*", principal: ACCOUNT }, []],
        ["* for direct invocation", t.LAMBDA_PERMISSION, { ...invoke, principal: "*" }, [`${t.LAMBDA_PERMISSION} "r": ${LAMBDA_ANYONE}`]],
        ["* for a function URL with IAM auth", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:InvokeFunctionUrl", principal: "*", functionUrlAuthType: "AWS_IAM" },
            [`${t.LAMBDA_PERMISSION} "r": ${LAMBDA_ANYONE}`]],
        // The message says the pin is set but open, not that it is missing.
        ["* with a source ARN of any account", t.LAMBDA_PERMISSION, { ...invoke, principal: "*", sourceArn: "arn:aws:sns:eu-west-1:*:orders" },
            [`${t.LAMBDA_PERMISSION} "r": principal is "*" with sourceArn admitting any account (a wildcard or a policy variable where the account goes), so any AWS account may invoke the function`]],
        ["a service without source", t.LAMBDA_PERMISSION, { ...invoke, principal: "events.amazonaws.com" },
            [`${t.LAMBDA_PERMISSION} "r": ${LAMBDA_SERVICE('the service principal "events.amazonaws.com"')}`]],
        ["Secrets Manager rotation without source", t.LAMBDA_PERMISSION, { ...invoke, principal: "secretsmanager.amazonaws.com" },
            [`${t.LAMBDA_PERMISSION} "r": ${LAMBDA_SERVICE('the service principal "secretsmanager.amazonaws.com"')}`]],
        ["a service with an empty source", t.LAMBDA_PERMISSION, { ...invoke, principal: "s3.amazonaws.com", sourceArn: "" },
            [`${t.LAMBDA_PERMISSION} "r": ${LAMBDA_SERVICE('the service principal "s3.amazonaws.com"')}`]],
        // @pulumi/aws's `queue.onEvent(...)` grants this (sqs/sqsMixins.js): a service pinned to the
        // calling resource only ever invokes the function, so the wildcard gives it nothing more.
        ["lambda:* for SQS pinned to its queue, as queue.onEvent grants it", t.LAMBDA_PERMISSION,
            { ...fn, action: "lambda:*", principal: "sqs.amazonaws.com", sourceArn: `arn:aws:sqs:eu-west-1:${ACCOUNT}:orders` }, []],
        ["lambda:* for SQS whose queue ARN is unknown at preview", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:*", principal: "sqs.amazonaws.com", sourceArn: U.string }, []],
        ["lambda:* for a service pinned by sourceAccount", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:*", principal: "events.amazonaws.com", sourceAccount: ACCOUNT }, []],
        ["lambda:* for an unpinned service: two findings", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:*", principal: "sqs.amazonaws.com" },
            [`${t.LAMBDA_PERMISSION} "r": action "lambda:*" is a wildcard`, `${t.LAMBDA_PERMISSION} "r": ${LAMBDA_SERVICE('the service principal "sqs.amazonaws.com"')}`]],
        ["lambda:* for a service with a source ARN of any account", t.LAMBDA_PERMISSION,
            { ...fn, action: "lambda:*", principal: "sqs.amazonaws.com", sourceArn: "arn:aws:sqs:eu-west-1:*:orders" },
            [`${t.LAMBDA_PERMISSION} "r": action "lambda:*" is a wildcard`,
                `${t.LAMBDA_PERMISSION} "r": principal is the service principal "sqs.amazonaws.com" with sourceArn admitting any account (a wildcard or a policy variable where the account goes), so the service may invoke the function on behalf of resources in any account`]],
        ["lambda:* for a role", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:*", principal: ROLE },
            [`${t.LAMBDA_PERMISSION} "r": action "lambda:*" is a wildcard`]],
        ["lambda:* to *: two findings", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:*", principal: "*" },
            [`${t.LAMBDA_PERMISSION} "r": action "lambda:*" is a wildcard`, `${t.LAMBDA_PERMISSION} "r": ${LAMBDA_ANYONE}`]],
        ["unknown principal", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:*", principal: U.string }, []],
        ["unknown source", t.LAMBDA_PERMISSION, { ...invoke, principal: "sns.amazonaws.com", sourceArn: U.string }, []],
        ["unknown org id", t.LAMBDA_PERMISSION, { ...invoke, principal: "*", principalOrgId: U.string }, []],
        ["unknown URL auth type", t.LAMBDA_PERMISSION, { ...fn, action: "lambda:InvokeFunctionUrl", principal: "*", functionUrlAuthType: U.string }, []],
        ["a layer shared with the organization", t.LAMBDA_LAYER_VERSION_PERMISSION, { principal: "*", organizationId: ORG, action: "lambda:GetLayerVersion" }, []],
        ["a layer shared with an account", t.LAMBDA_LAYER_VERSION_PERMISSION, { principal: ACCOUNT, action: "lambda:GetLayerVersion" }, []],
        ["a public layer", t.LAMBDA_LAYER_VERSION_PERMISSION, { principal: "*", action: "lambda:GetLayerVersion" },
            [`${t.LAMBDA_LAYER_VERSION_PERMISSION} "r": principal is "*" without organizationId, so every AWS account may use this layer version`]],
        ["a layer whose organization is unknown", t.LAMBDA_LAYER_VERSION_PERMISSION, { principal: "*", organizationId: U.string }, []],
        ["a bus open to the organization (key case-insensitive)", t.CLOUDWATCH_EVENT_PERMISSION, { principal: "*", condition: { key: "aws:principalOrgId", type: "StringEquals", value: ORG } }, []],
        ["a bus open to an account", t.CLOUDWATCH_EVENT_PERMISSION, { principal: ACCOUNT }, []],
        ["a bus open to every account", t.CLOUDWATCH_EVENT_PERMISSION, { principal: "*" },
            [`${t.CLOUDWATCH_EVENT_PERMISSION} "r": principal is "*" without a condition on aws:PrincipalOrgID, so every AWS account may put events on the bus`]],
        ["a bus whose condition is unknown", t.CLOUDWATCH_EVENT_PERMISSION, { principal: "*", condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: U.string } }, []],
        ["a signing profile for an account", t.SIGNER_SIGNING_PROFILE_PERMISSION, { principal: ACCOUNT, action: "signer:StartSigningJob" }, []],
        ["a signing profile for everyone", t.SIGNER_SIGNING_PROFILE_PERMISSION, { principal: "*", action: "signer:StartSigningJob" },
            [`${t.SIGNER_SIGNING_PROFILE_PERMISSION} "r": principal is "*", so every AWS account gets this signing-profile permission`]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });

    it("does not quote a principal that is not a service name, nor an action that is not an action name", () => {
        const secret = "SECRET_abcdefghijklmnop.example";
        const messages = check(t.LAMBDA_PERMISSION, { ...invoke, principal: secret });
        expect(short(messages)).toEqual([`${t.LAMBDA_PERMISSION} "r": ${LAMBDA_SERVICE("a service principal")}`]);
        assertNotShown(messages.join("\n"), [secret], "a finding");
        const action = check(t.LAMBDA_PERMISSION, { ...fn, action: "SECRET_abcdefghijklmnop*", principal: ROLE });
        expect(short(action)).toEqual([`${t.LAMBDA_PERMISSION} "r": action is a wildcard`]);
        assertNotShown(action.join("\n"), ["SECRET_abcdefghijklmnop"], "a finding");
    });

    it("covers every resource that adds a statement from scalar inputs", () => {
        expect([...PERMISSION_TYPES].sort()).toEqual([
            t.CLOUDWATCH_EVENT_PERMISSION, t.LAMBDA_LAYER_VERSION_PERMISSION, t.LAMBDA_PERMISSION, t.SIGNER_SIGNING_PROFILE_PERMISSION,
            t.NATIVE_LAMBDA_PERMISSION, t.NATIVE_EVENTS_EVENT_BUS_POLICY, t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION,
        ].sort());
    });
});

describe("findResourcePolicyWildcards (pure rule): snapshots and images shared with every account", () => {
    const AMI = "ami-0abcdef1234567890";
    const dbSnapshot = { dbInstanceIdentifier: "orders-db", dbSnapshotIdentifier: "orders-db-2026-12-01" };
    const clusterSnapshot = { dbClusterIdentifier: "orders", dbClusterSnapshotIdentifier: "orders-2026-12-01" };
    const copy = { sourceDbSnapshotIdentifier: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:orders-db-2026-12-01`, targetDbSnapshotIdentifier: "orders-db-copy" };
    const clusterCopy = { sourceDbClusterSnapshotIdentifier: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster-snapshot:orders-2026-12-01`, targetDbClusterSnapshotIdentifier: "orders-copy" };
    const distribution = (launchPermission: unknown) => ({
        name: "golden-ami",
        distributions: [
            { region: "eu-west-1", amiDistributionConfiguration: { name: "golden-{{ imagebuilder:buildDate }}", launchPermission } },
            { region: "us-east-1", amiDistributionConfiguration: { name: "golden-{{ imagebuilder:buildDate }}" } },
        ],
    });
    const buildProject = { name: "ci", serviceRole: "arn:aws:iam::111122223333:role/ci", artifacts: { type: "NO_ARTIFACTS" }, source: { type: "GITHUB", location: "https://github.com/acme/ci.git" } };
    const ssmDocument = (permissions: unknown) => ({ name: "patch", documentType: "Command", content: JSON.stringify({ schemaVersion: "2.2", mainSteps: [] }), permissions });
    const PUBLIC_SNAPSHOT = 'sharedAccounts names "all", so every AWS account may restore the database from this snapshot (a public snapshot: Security Hub RDS.1)';
    const PUBLIC_AMI = (how: string) => `${how}, so every AWS account may launch the image and copy its volumes (a public AMI, with whatever its snapshots hold)`;
    const passes: [string, string, Record<string, unknown>][] = [
        ["a snapshot shared with two accounts", t.RDS_SNAPSHOT, { ...dbSnapshot, sharedAccounts: ["444455556666", "777788889999"] }],
        ["a snapshot not shared", t.RDS_SNAPSHOT, dbSnapshot],
        ["a cluster snapshot shared with an account", t.RDS_CLUSTER_SNAPSHOT, { ...clusterSnapshot, sharedAccounts: ["444455556666"] }],
        ["a copy with an empty list", t.RDS_SNAPSHOT_COPY, { ...copy, sharedAccounts: [] }],
        ["preview: a list unknown", t.RDS_CLUSTER_SNAPSHOT_COPY, { ...clusterCopy, sharedAccounts: U.string }],
        ["preview: an account unknown", t.RDS_SNAPSHOT, { ...dbSnapshot, sharedAccounts: [U.string] }],
        ["an AMI shared with an account", t.EC2_AMI_LAUNCH_PERMISSION, { imageId: AMI, accountId: "444455556666" }],
        ["an AMI shared with the organization", t.EC2_AMI_LAUNCH_PERMISSION, { imageId: AMI, organizationArn: `arn:aws:organizations::${ACCOUNT}:organization/${ORG}` }],
        ["preview: a group unknown", t.EC2_AMI_LAUNCH_PERMISSION, { imageId: AMI, group: U.string }],
        ["an Image Builder distribution to accounts and an organizational unit", t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION,
            distribution({ userIds: ["444455556666"], organizationalUnitArns: [`arn:aws:organizations::${ACCOUNT}:ou/${ORG}/ou-ab12-cd34ef56`] })],
        ["preview: an Image Builder launch permission unknown", t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, distribution(U.string)],
        ["an SSM document shared with two accounts", t.SSM_DOCUMENT, ssmDocument({ type: "Share", account_ids: "444455556666,777788889999" })],
        ["an SSM document not shared", t.SSM_DOCUMENT, ssmDocument(undefined)],
        ["an SSM document whose account ids mention all inside a word", t.SSM_DOCUMENT, ssmDocument({ type: "Share", account_ids: "allow-list" })],
        ["preview: an SSM document's account ids unknown", t.SSM_DOCUMENT, ssmDocument({ type: "Share", account_ids: U.string })],
        ["preview: an SSM document's permissions unknown", t.SSM_DOCUMENT, ssmDocument(U.object)],
        ["a private CodeBuild project", t.CODEBUILD_PROJECT, { ...buildProject, projectVisibility: "PRIVATE" }],
        ["a CodeBuild project that leaves visibility unset (private)", t.CODEBUILD_PROJECT, buildProject],
        ["preview: a CodeBuild project's visibility unknown", t.CODEBUILD_PROJECT, { ...buildProject, projectVisibility: U.string }],
    ];
    it.each(passes)("passes: %s", (_label, type, props) => {
        expect(check(type, props)).toEqual([]);
    });

    it("reports a public snapshot of each kind, and a public AMI", () => {
        const shared = ["444455556666", "all"];
        expect(short([
            ...check(t.RDS_SNAPSHOT, { ...dbSnapshot, sharedAccounts: shared }),
            ...check(t.RDS_SNAPSHOT_COPY, { ...copy, sharedAccounts: ["all"] }),
            ...check(t.RDS_CLUSTER_SNAPSHOT, { ...clusterSnapshot, sharedAccounts: ["all"] }),
            ...check(t.RDS_CLUSTER_SNAPSHOT_COPY, { ...clusterCopy, sharedAccounts: ["all"] }),
            ...check(t.EC2_AMI_LAUNCH_PERMISSION, { imageId: AMI, group: "all" }),
            ...check(t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, distribution({ userGroups: ["all"] })),
        ])).toEqual([
            `${t.RDS_SNAPSHOT} "r": ${PUBLIC_SNAPSHOT}`,
            `${t.RDS_SNAPSHOT_COPY} "r": ${PUBLIC_SNAPSHOT}`,
            `${t.RDS_CLUSTER_SNAPSHOT} "r": ${PUBLIC_SNAPSHOT}`,
            `${t.RDS_CLUSTER_SNAPSHOT_COPY} "r": ${PUBLIC_SNAPSHOT}`,
            `${t.EC2_AMI_LAUNCH_PERMISSION} "r": ${PUBLIC_AMI('group is "all"')}`,
            `${t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION} "r": ${PUBLIC_AMI('distributions[0].amiDistributionConfiguration.launchPermission.userGroups names "all"')}`,
        ]);
    });

    it("reports a CodeBuild project whose builds are public", () => {
        expect(short(check(t.CODEBUILD_PROJECT, { ...buildProject, projectVisibility: "PUBLIC_READ" }))).toEqual([
            `${t.CODEBUILD_PROJECT} "r": projectVisibility is "PUBLIC_READ", so anyone on the internet may read every build's results, logs and artifacts, ` +
                "those of builds run while the project was private included, with whatever they print (environment variables, source)",
        ]);
    });

    it("reports an SSM document shared with All, in any case and among account ids (Security Hub SSM.4)", () => {
        for (const ids of ["All", "all", "444455556666, ALL"]) {
            expect(short(check(t.SSM_DOCUMENT, ssmDocument({ type: "Share", account_ids: ids })))).toEqual([
                `${t.SSM_DOCUMENT} "r": permissions.account_ids names "All", so every AWS account may find and run this document, ` +
                    "and read its steps, scripts and default parameters (a public SSM document: Security Hub SSM.4)",
            ]);
        }
    });

    it("says how to fix, in full", () => {
        expect(check(t.EC2_AMI_LAUNCH_PERMISSION, { imageId: AMI, group: "all" })[0]).toContain(
            "Name the accounts or the organization that need it: set `accountId`, `organizationArn` or `organizationalUnitArn` instead; if it is public on purpose, exempt it with a reason.");
        expect(check(t.RDS_SNAPSHOT, { ...dbSnapshot, sharedAccounts: ["all"] })[0]).toContain("List the account ids that need it instead; if it is public on purpose, exempt it with a reason.");
    });

    it("is read for exactly these types", () => {
        expect([...SHARING_TYPES].sort()).toEqual([
            t.RDS_SNAPSHOT, t.RDS_SNAPSHOT_COPY, t.RDS_CLUSTER_SNAPSHOT, t.RDS_CLUSTER_SNAPSHOT_COPY, t.EC2_AMI_LAUNCH_PERMISSION, t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, t.SSM_DOCUMENT, t.CODEBUILD_PROJECT,
        ].sort());
        expect(RESOURCE_POLICY_TYPES).toEqual(expect.arrayContaining([...SHARING_TYPES]));
    });
});

describe("findPublicGrants (stack part): S3 access control lists", () => {
    const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    const AUTHENTICATED = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    const OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
    const CLOUDFRONT_LOGS = "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0";
    const policy = (...grants: unknown[]) => ({ accessControlPolicy: { owner: { id: OWNER }, grants } });
    const grant = (grantee: Record<string, unknown>, permission: unknown) => ({ grantee, permission });
    const group = (uri: string) => ({ type: "Group", uri });
    const user = (id: string) => ({ type: "CanonicalUser", id });
    const acls = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => `${f.resource?.name}: ${f.message.replace(/\. .*$/s, "")}`);
    const one = (type: string, props: Record<string, unknown>) => acls(resource(type, props)).map((m) => m.replace(/^r: /, ""));
    const bucket = (name: string, props: Record<string, unknown> = {}) => resource(t.S3_BUCKET_V2, { bucket: name, ...props }, { name });
    const block = (name: string, props: Record<string, unknown>, options = {}) =>
        resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { blockPublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true, ...props }, { name, ...options });
    const aclOf = (name: string, bucketName: unknown, props: Record<string, unknown>, options = {}) => resource(t.S3_BUCKET_ACL_V2, { bucket: bucketName, ...props }, { name, ...options });
    const passes: [string, string, Record<string, unknown>][] = [
        ["a private bucket ACL", t.S3_BUCKET_ACL_V2, { bucket: "shop-assets", acl: "private" }],
        ["log-delivery-write, for server access logs", t.S3_BUCKET_ACL, { bucket: "shop-logs", acl: "log-delivery-write" }],
        ["the owner's canned ACLs", t.S3_BUCKET_ACL_V2, { bucket: "shop-assets", acl: "bucket-owner-full-control" }],
        ["aws-exec-read (EC2 reads AMI bundles)", t.S3_BUCKET_V2, { bucket: "shop-ami-bundles", acl: "aws-exec-read" }],
        ["the LogDelivery group and the owner in an access control policy",
            t.S3_BUCKET_ACL_V2, { bucket: "shop-logs", ...policy(grant(user(OWNER), "FULL_CONTROL"), grant(group(LOG_DELIVERY), "WRITE"), grant(group(LOG_DELIVERY), "READ_ACP")) }],
        ["CloudFront's log delivery account (standard logging)", t.S3_BUCKET_ACL_V2, { bucket: "shop-cdn-logs", ...policy(grant(user(OWNER), "FULL_CONTROL"), grant(user(CLOUDFRONT_LOGS), "FULL_CONTROL")) }],
        ["a bucket's own grant to the LogDelivery group", t.S3_BUCKET, { bucket: "shop-logs", grants: [{ type: "Group", uri: LOG_DELIVERY, permissions: ["WRITE", "READ_ACP"] }] }],
        ["a bucket with no ACL (ACLs off by default since 2023)", t.S3_BUCKET, { bucket: "shop-assets" }],
        ["preview: an unknown canned ACL", t.S3_BUCKET_ACL_V2, { bucket: U.string, acl: U.string }],
        ["preview: an unknown grantee URI", t.S3_BUCKET_ACL_V2, { bucket: "shop-assets", ...policy(grant({ type: "Group", uri: U.string }, "READ")) }],
        ["preview: grants not set yet (computed)", t.S3_BUCKET_V2, { bucket: "shop-assets", grants: U.string }],
    ];
    it.each(passes)("passes: %s", (_label, type, props) => {
        expect(one(type, props)).toEqual([]);
    });

    it("reports grants to everyone and to every AWS account, canned or listed, naming the permissions", () => {
        expect([
            ...one(t.S3_BUCKET_ACL_V2, { bucket: "shop-site", acl: "public-read" }),
            ...one(t.S3_BUCKET_ACL, { bucket: "shop-drop", acl: "public-read-write" }),
            ...one(t.S3_BUCKET, { bucket: "shop-reports", acl: "authenticated-read" }),
            ...one(t.S3_BUCKET_ACL_V2, { bucket: "shop-site", ...policy(grant(user(OWNER), "FULL_CONTROL"), grant(group(ALL_USERS), "READ"), grant(group(AUTHENTICATED), "WRITE_ACP")) }),
            ...one(t.S3_BUCKET_V2, { bucket: "shop-site", grants: [{ type: "Group", uri: "https://acs.amazonaws.com/groups/global/AllUsers", permissions: ["READ", "WRITE"] }] }),
            ...one(t.S3_BUCKET_ACL_V2, { bucket: "shop-site", ...policy(grant(group(ALL_USERS), U.string)) }),
        ]).toEqual([
            `${t.S3_BUCKET_ACL_V2} "r": acl "public-read" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
            `${t.S3_BUCKET_ACL} "r": acl "public-read-write" grants READ and WRITE to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
            `${t.S3_BUCKET} "r": acl "authenticated-read" grants READ to every AWS account (AuthenticatedUsers: any AWS identity, not only the owner's)`,
            `${t.S3_BUCKET_ACL_V2} "r": accessControlPolicy.grants[1] grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
            `${t.S3_BUCKET_ACL_V2} "r": accessControlPolicy.grants[2] grants WRITE_ACP to every AWS account (AuthenticatedUsers: any AWS identity, not only the owner's)`,
            `${t.S3_BUCKET_V2} "r": grants[0] grants READ and WRITE to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
            `${t.S3_BUCKET_ACL_V2} "r": accessControlPolicy.grants[0] grants a permission to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
        ]);
    });

    it("after an update, a canned ACL that AWS also lists as grants is reported once, as the ACL", () => {
        const outputs = { bucket: "shop-site", acl: "public-read", ...policy(grant(user(OWNER), "FULL_CONTROL"), grant(group(ALL_USERS), "READ")) };
        expect(one(t.S3_BUCKET_ACL_V2, outputs)).toEqual([
            `${t.S3_BUCKET_ACL_V2} "r": acl "public-read" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
        ]);
    });

    it("passes a public ACL that the bucket's public access block makes S3 ignore, and only that", () => {
        const site = bucket("site");
        const other = bucket("other");
        const publicRead = { acl: "public-read" };
        expect(acls(bucket("site", publicRead), block("site-block", { bucket: "site", ignorePublicAcls: true }))).toEqual([]);
        expect(acls(site, aclOf("site-acl", "site", publicRead), block("site-block", { bucket: "site", ignorePublicAcls: "true" }))).toEqual([]);
        // Not set, false, another bucket's block, or no bucket in the stack: S3 honours the ACL.
        expect(acls(bucket("site", publicRead), block("site-block", { bucket: "site" })).map((m) => m.split(":")[0])).toEqual(["site"]);
        expect(acls(site, aclOf("site-acl", "site", publicRead), block("site-block", { bucket: "site", ignorePublicAcls: false })).map((m) => m.split(":")[0])).toEqual(["site-acl"]);
        expect(acls(site, other, aclOf("site-acl", "site", publicRead), block("other-block", { bucket: "other", ignorePublicAcls: true })).map((m) => m.split(":")[0])).toEqual(["site-acl"]);
        expect(acls(aclOf("site-acl", "elsewhere", publicRead)).map((m) => m.split(":")[0])).toEqual(["site-acl"]);
        // Preview: the block's setting unknown, or the ACL's bucket unknown with the block's bucket among its dependencies.
        expect(acls(site, aclOf("site-acl", "site", publicRead), block("site-block", { bucket: "site", ignorePublicAcls: U.boolean }))).toEqual([]);
        const newSite = bucket("site", { bucket: U.string });
        const deps = { propertyDependencies: { bucket: [newSite.urn] } };
        expect(acls(newSite, aclOf("site-acl", U.string, publicRead, deps), block("site-block", { bucket: U.string, ignorePublicAcls: true }, deps))).toEqual([]);
    });

    it("reads each resource a bounded number of times, with 3,000 buckets, ACLs and access blocks on one name", () => {
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [];
        for (let i = 0; i < n; i++) {
            resources.push(wrap(bucket(`b${i}`, { bucket: "acme-shared", acl: "public-read" })), wrap(aclOf(`a${i}`, "acme-shared", { acl: "public-read" })),
                wrap(block(`p${i}`, { bucket: "acme-shared", ignorePublicAcls: true })));
        }
        expect(findPublicGrants(resources)).toEqual([]);
        expect(reads() / (3 * n)).toBeLessThan(50);
    });

    it("says how to fix, and never quotes a grantee", () => {
        const [finding] = findPublicGrants([resource(t.S3_BUCKET_ACL_V2, { bucket: "shop-site", ...policy(grant({ type: "Group", uri: ALL_USERS, emailAddress: "ops@example.com" }, "READ")) })]);
        expect(finding.message).toContain('Use the "private" ACL (or `objectOwnership: "BucketOwnerEnforced"`, which turns ACLs off) and grant access in a bucket policy');
        assertNotShown(finding.message, ["ops@example.com", OWNER], "a finding");
        expect([...ACL_TYPES].sort()).toEqual([t.S3_BUCKET, t.S3_BUCKET_V2, t.S3_BUCKET_ACL, t.S3_BUCKET_ACL_V2, t.NATIVE_S3_BUCKET].sort());
    });

    it("the resource part leaves ACLs and open bucket policies to the stack part (never reported twice)", () => {
        const resourcePart = (r: PlainResource) => short(findResourcePolicyWildcards(r, { allowedActions: [] }).map((f) => f.message));
        expect(resourcePart(resource(t.S3_BUCKET_ACL_V2, { bucket: "shop-site", acl: "public-read" }))).toEqual([]);
        const open = JSON.stringify(doc(allow("*", "s3:*", { Resource: `${BUCKET}/*` })));
        const both = resource(t.S3_BUCKET, { bucket: "shop-uploads", acl: "public-read", policy: open });
        expect(resourcePart(both)).toEqual([`${t.S3_BUCKET} "r": policy Statement[0] ${WILDCARD('"s3:*"')}`]);
        expect(short(findPublicGrants([both]).map((f) => f.message))).toEqual([
            `${t.S3_BUCKET} "r": acl "public-read" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
            `${t.S3_BUCKET} "r": policy Statement[0] ${ANYONE}`,
        ]);
        // Every other policy's statements open to anyone stay with the resource part.
        expect(resourcePart(resource(t.SQS_QUEUE_POLICY, { queueUrl: "q", policy: open }))).toEqual([
            `${t.SQS_QUEUE_POLICY} "r": policy Statement[0] ${WILDCARD('"s3:*"')}`, `${t.SQS_QUEUE_POLICY} "r": policy Statement[0] ${ANYONE}`,
        ]);
    });
});

describe("findPublicGrants (stack part): classic bucket ACLs with their bucket's ownership controls, as public programs write them", () => {
    const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    const bucket = (name: string, props: Record<string, unknown> = {}, type = t.S3_BUCKET) => resource(type, { bucket: name, ...props }, { name });
    const deps = (b: PlainResource) => ({ propertyDependencies: { bucket: [b.urn] } });
    const ownership = (b: PlainResource, objectOwnership: unknown, bucketRef: unknown = b.props.bucket) =>
        resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: bucketRef, rule: { objectOwnership } }, { name: `${b.name}-ownership`, ...deps(b) });
    const allOff = { blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false };
    const block = (b: PlainResource, props: Record<string, unknown> = allOff, bucketRef: unknown = b.props.bucket) =>
        resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: bucketRef, ...props }, { name: `${b.name}-block`, ...deps(b) });
    const aclOf = (b: PlainResource, props: Record<string, unknown>, type = t.S3_BUCKET_ACL, bucketRef: unknown = b.props.bucket) =>
        resource(type, { bucket: bucketRef, ...props }, { name: `${b.name}-acl`, ...deps(b) });
    const reported = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => f.resource?.name);
    // Terraform's website recipe since April 2023 (ACLs turned on, the block turned off, then the ACL), in Pulumi's terms.
    const website = (name: string, objectOwnership = "BucketOwnerPreferred", acl: Record<string, unknown> = { acl: "public-read" }, type = t.S3_BUCKET_ACL) => {
        const b = bucket(name);
        return [b, ownership(b, objectOwnership), block(b), aclOf(b, acl, type)];
    };

    // [source, stack, the resources a senior reviewer reports], labelled from the source before running.
    const cases: [string, PlainResource[], string[]][] = [
        // ACLs on, blocks off, public-read: the bucket lists to anyone.
        ["stoffffff/terraform-playground season16/aws-s3-bucket-public/main.tf", website("devops-s3-9876"), ["devops-s3-9876-acl"]],
        ["MarcosMarchado/terraform-aws S3/S3SiteEstaticoComCDN/Permission.tf", website("site-bucket"), ["site-bucket-acl"]],
        ["LuisMiranda10/AWS-Terraform main.tf", website("mybucket-terraform-s3"), ["mybucket-terraform-s3-acl"]],
        ["mg-bucket-103 (public Terraform website, BucketOwnerPreferred)", website("mg-bucket-103"), ["mg-bucket-103-acl"]],
        ["Pulumi's configureACL helper (BucketAclV2, dependsOn ownership and block) called with public-read",
            website("bucket", "BucketOwnerPreferred", { acl: "public-read" }, t.S3_BUCKET_ACL_V2), ["bucket-acl"]],
        // Not public: private and log-delivery ACLs.
        ["Pulumi's configureACL helper called with private", website("bucket", "BucketOwnerPreferred", { acl: "private" }, t.S3_BUCKET_ACL_V2), []],
        ["bellebao/yor temp.tf: log bucket, BucketOwnerPreferred, log-delivery-write",
            (() => { const b = bucket("systest-tf-log-bucket"); return [b, ownership(b, "BucketOwnerPreferred"), aclOf(b, { acl: "log-delivery-write" })]; })(), []],
        ["TshepoSiphoSithole/test-terraform-workflow logging_s3_bucket: log-delivery-write",
            (() => { const b = bucket("logs"); return [b, ownership(b, "BucketOwnerPreferred"), aclOf(b, { acl: "log-delivery-write" })]; })(), []],
        ["civiform/civiform cloud/aws/templates/aws_oidc/logbucket.tf: log-delivery-write, no ownership controls",
            (() => { const b = bucket("civiform-logs"); return [b, aclOf(b, { acl: "log-delivery-write" })]; })(), []],
        ["config bucket: ObjectWriter (to avoid AccessControlListNotSupported), private ACL",
            (() => { const b = bucket("dev-config"); return [b, ownership(b, "ObjectWriter"), aclOf(b, { acl: "private" })]; })(), []],
        // ACLs off (BucketOwnerEnforced): S3 refuses the public ACL (AccessControlListNotSupported), or refuses
        // the ownership while the ACL grants to others (InvalidBucketAclWithObjectOwnership): never both.
        ["Pragmatic Terraform exercise: public-pragmatic-terraform2, inline public-read with BucketOwnerEnforced",
            (() => { const b = bucket("public-pragmatic-terraform2", { acl: "public-read" }); return [b, ownership(b, "BucketOwnerEnforced")]; })(), []],
        ["the same bucket with a separate BucketAcl", website("public-pragmatic-terraform2", "BucketOwnerEnforced"), []],
        ["the same bucket, a BucketV2 granting READ to AllUsers in grants",
            (() => { const b = bucket("public-pragmatic-terraform2", { grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ"] }] }, t.S3_BUCKET_V2); return [b, ownership(b, "BucketOwnerEnforced")]; })(), []],
        ["the same bucket, an access control policy granting READ to AllUsers",
            website("public-pragmatic-terraform2", "BucketOwnerEnforced", { accessControlPolicy: { owner: { id: "79a59df9" }, grants: [{ grantee: { type: "Group", uri: ALL_USERS }, permission: "READ" }] } }), []],
        // No ownership controls in the stack: judged by the blocks alone (a bucket made before April 2023 keeps ACLs on).
        ["techforall247/tfcloud-sentinel main.tf: inline public-read-write, no ownership controls",
            [bucket("bucket-public-read-write-acl-tamilcloud", { acl: "public-read-write" })], ["bucket-public-read-write-acl-tamilcloud"]],
        ["bashaus/bashkim-com website/resource.bucket_acl.tf: public-read, no ownership controls",
            (() => { const b = bucket("bashkim-com"); return [b, aclOf(b, { acl: "public-read" })]; })(), ["bashkim-com-acl"]],
        // The account's block (moto's public_access_block.tf: every setting on) with the website recipe, same provider.
        ["getmoto/moto terraform/s3/public_access_block.tf with a website bucket ACL",
            [...website("site"), resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { name: "access" })], []],
        // Objects (judged with the same ownership controls): Pulumi's get-started program, ObjectWriter and blockPublicAcls off.
        ["stooj/pulumi-home onboarding/aws_get-started_python/quickstart/__main__.py: index.html public-read",
            (() => {
                const b = bucket("my-bucket-3f2a1b");
                return [b, ownership(b, "ObjectWriter"), block(b, { blockPublicAcls: false }),
                    resource(t.S3_BUCKET_OBJECT, { bucket: b.props.bucket, key: "index.html", contentType: "text/html", acl: "public-read" }, { name: "index.html", ...deps(b) })];
            })(), ["index.html"]],
        ["the same program with BucketOwnerEnforced", (() => {
            const b = bucket("my-bucket-3f2a1b");
            return [b, ownership(b, "BucketOwnerEnforced"), block(b, { blockPublicAcls: false }),
                resource(t.S3_BUCKET_OBJECT, { bucket: b.props.bucket, key: "index.html", contentType: "text/html", acl: "public-read" }, { name: "index.html", ...deps(b) })];
        })(), []],
    ];
    it.each(cases)("%s", (_source, stack, expected) => {
        expect(reported(...stack)).toEqual(expected);
    });

    it("BucketOwnerEnforced turns off the ACLs of its own bucket only, and never a public bucket policy", () => {
        const site = bucket("site");
        const other = bucket("other");
        expect(reported(site, other, ownership(other, "BucketOwnerEnforced"), block(site), aclOf(site, { acl: "public-read" }))).toEqual(["site-acl"]);
        expect(reported(...website("site", "ObjectWriter"), ownership(bucket("site"), "BucketOwnerPreferred"))).toEqual(["site-acl"]);
        // An ACL naming a bucket outside the stack: its ownership is not known here.
        expect(reported(aclOf(bucket("elsewhere"), { acl: "public-read" }))).toEqual(["elsewhere-acl"]);
        const open = JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: "arn:aws:s3:::site/*" })));
        const both = bucket("site", { acl: "public-read", policy: open });
        expect(findPublicGrants([both, ownership(both, "BucketOwnerEnforced")]).map((f) => f.message.split(": ")[1].split(" ")[0])).toEqual(["policy"]);
    });

    it("preview: an ownership not known yet may turn ACLs off, so the ACL is not reported; one known to keep ACLs on is", () => {
        const unknownName = (name: string) => bucket(name, { bucket: U.string });
        const site = unknownName("site");
        // The ACL's and the controls' bucket unknown, found through the output they came from.
        expect(reported(site, ownership(site, "BucketOwnerEnforced", U.string), block(site, allOff, U.string), aclOf(site, { acl: "public-read" }, t.S3_BUCKET_ACL, U.string))).toEqual([]);
        expect(reported(site, ownership(site, "ObjectWriter", U.string), block(site, allOff, U.string), aclOf(site, { acl: "public-read" }, t.S3_BUCKET_ACL, U.string))).toEqual(["site-acl"]);
        // The setting or the whole rule computed from another output (or a secret): it may be BucketOwnerEnforced.
        expect(reported(site, ownership(site, U.string, U.string), block(site, allOff, U.string), aclOf(site, { acl: "public-read" }, t.S3_BUCKET_ACL, U.string))).toEqual([]);
        const rule = resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: U.string, rule: U.object }, { name: "site-ownership", ...deps(site) });
        expect(reported(site, rule, block(site, allOff, U.string), aclOf(site, { acl: "public-read" }, t.S3_BUCKET_ACL, U.string))).toEqual([]);
        const inline = bucket("www", { acl: "public-read" });
        expect(reported(inline, ownership(inline, U.string), block(inline))).toEqual([]);
    });

    it("reads each resource a bounded number of times, with 3,000 ACLs and ownership controls on one bucket name", () => {
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [wrap(bucket("acme-shared"))];
        for (let i = 0; i < n; i++) {
            resources.push(wrap(resource(t.S3_BUCKET_ACL, { bucket: "acme-shared", acl: "public-read" }, { name: `a${i}` })),
                wrap(resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: "acme-shared", rule: { objectOwnership: "BucketOwnerEnforced" } }, { name: `c${i}` })));
        }
        expect(findPublicGrants(resources)).toEqual([]);
        expect(reads() / (2 * n)).toBeLessThan(50);
    });
});

describe("findPublicGrants (stack part): object ACLs, where the bucket's ownership and public access blocks let S3 honour them", () => {
    const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    const PROD = "urn:pulumi:dev::project::pulumi:providers:aws::prod::1";
    const bucket = (name: string, props: Record<string, unknown> = {}, options = {}) => resource(t.S3_BUCKET, { bucket: name, ...props }, { name, ...options });
    const deps = (b: PlainResource) => ({ propertyDependencies: { bucket: [b.urn] } });
    const ownership = (b: PlainResource, objectOwnership: unknown, bucketRef: unknown = b.props.bucket) =>
        resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: bucketRef, rule: { objectOwnership } }, { name: `${b.name}-ownership`, ...deps(b) });
    // As Pulumi's static website template writes it: only blockPublicAcls, turned off (the provider's default for the others is false).
    const block = (b: PlainResource, props: Record<string, unknown> = { blockPublicAcls: false }, bucketRef: unknown = b.props.bucket) =>
        resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: bucketRef, ...props }, { name: `${b.name}-block`, ...deps(b) });
    const object = (name: string, b: PlainResource | string, props: Record<string, unknown> = { acl: "public-read" }, type = t.S3_BUCKET_OBJECT) =>
        resource(type, { bucket: typeof b === "string" ? b : b.props.bucket, key: name, ...props }, { name, ...(typeof b === "string" ? {} : deps(b)) });
    const reported = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => f.resource?.name);
    const site = bucket("www-7d1e2a");
    const opened = [site, ownership(site, "ObjectWriter"), block(site)];

    const passes: [string, PlainResource[]][] = [
        // S3 defaults since April 2023: BucketOwnerEnforced and every block setting on.
        ["a bucket of the stack left at S3's defaults (ACLs off)", [site, object("index.html", site)]],
        ["ACLs turned on, but no public access block: a new bucket's block is all on", [site, ownership(site, "ObjectWriter"), object("index.html", site)]],
        ["ownership BucketOwnerEnforced, the block off", [site, ownership(site, "BucketOwnerEnforced"), block(site), object("index.html", site)]],
        ["ACLs on, blockPublicAcls (the upload fails)", [site, ownership(site, "ObjectWriter"), block(site, { blockPublicAcls: true }), object("index.html", site)]],
        ["ACLs on, ignorePublicAcls (S3 ignores the ACL)", [site, ownership(site, "BucketOwnerPreferred"), block(site, { blockPublicAcls: false, ignorePublicAcls: "true" }), object("index.html", site)]],
        ["the account's block with ignorePublicAcls, for a bucket outside the stack", [resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { ignorePublicAcls: true }, { name: "account" }), object("a.js", "legacy-assets")]],
        ["the account's block with blockPublicAcls, for an opened bucket", [...opened, resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { blockPublicAcls: true }, { name: "account" }), object("index.html", site)]],
        ["private and the owner's canned ACLs", [...opened, ...["private", "bucket-owner-read", "bucket-owner-full-control", "aws-exec-read"].map((acl, i) => object(`o${i}`, site, { acl }))]],
        ["no ACL (BucketObjectv2's output after an update is its default, private)", [...opened, object("index.html", site, {}), object("app.js", site, { acl: "private" }, t.S3_BUCKET_OBJECT_V2)]],
        ["an ObjectCopy that grants only to a canonical user", [...opened, object("copy", site, { source: "src/a.txt", grants: [{ type: "CanonicalUser", id: "79a59df9", permissions: ["READ"] }] }, t.S3_OBJECT_COPY)]],
        // Preview: what would decide is not known yet.
        ["preview: the object's ACL unknown", [...opened, object("index.html", site, { acl: U.string })]],
        ["preview: the ownership unknown", [site, ownership(site, U.string), block(site), object("index.html", site)]],
        ["preview: the ownership rule unknown", [site, resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: site.props.bucket, rule: U.object }, { name: "o", ...deps(site) }), block(site), object("index.html", site)]],
        ["preview: the block's settings unknown", [site, ownership(site, "ObjectWriter"), block(site, { blockPublicAcls: U.boolean }), object("index.html", site)]],
        ["preview: the account block's settings unknown", [resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { ignorePublicAcls: U.boolean }, { name: "account" }), object("a.js", "legacy-assets")]],
    ];
    it.each(passes)("passes: %s", (_label, resources) => {
        expect(reported(...resources)).toEqual([]);
    });

    it("reports an object S3 serves to anyone: ACLs on and no block that refuses or ignores them, or a bucket outside the stack", () => {
        expect(reported(...opened, object("index.html", site))).toEqual(["index.html"]);
        expect(reported(site, ownership(site, "BucketOwnerPreferred"), block(site, { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: true }),
            object("report.csv", site, { acl: "authenticated-read" }, t.S3_BUCKET_OBJECT_V2))).toEqual(["report.csv"]);
        expect(reported(object("a.js", "legacy-assets"))).toEqual(["a.js"]);
        // Another provider's (account's) block does not count.
        expect(reported(resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { ignorePublicAcls: true }, { name: "account", provider: PROD }), object("a.js", "legacy-assets"))).toEqual(["a.js"]);
        // Another bucket's settings do not count.
        const other = bucket("other-7d1e2a");
        expect(reported(...opened, other, ownership(other, "BucketOwnerEnforced"), object("index.html", site))).toEqual(["index.html"]);
        // Preview: the object's bucket unknown, found through the output it came from.
        const newSite = bucket("www", { bucket: U.string });
        expect(reported(newSite, ownership(newSite, "ObjectWriter", U.string), block(newSite, { blockPublicAcls: false }, U.string),
            resource(t.S3_BUCKET_OBJECT, { bucket: U.string, key: "index.html", acl: "public-read" }, { name: "index.html", ...deps(newSite) }))).toEqual(["index.html"]);
        expect(reported(newSite, resource(t.S3_BUCKET_OBJECT, { bucket: U.string, key: "index.html", acl: "public-read" }, { name: "index.html", ...deps(newSite) }))).toEqual([]);
    });

    it("says what an object's ACL grants and how to fix it: WRITE does not apply to an object", () => {
        const messages = findPublicGrants([...opened,
            object("drop", site, { acl: "public-read-write" }),
            object("copy", site, { source: "src/a.txt", grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ", "READ_ACP"] }] }, t.S3_OBJECT_COPY),
            object("copy2", site, { source: "src/b.txt", acl: "public-read" }, t.S3_OBJECT_COPY),
        ]).map((f) => f.message);
        expect(short(messages)).toEqual([
            `${t.S3_BUCKET_OBJECT} "drop": acl "public-read-write" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
            `${t.S3_OBJECT_COPY} "copy": grants[0] grants READ and READ_ACP to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
            `${t.S3_OBJECT_COPY} "copy2": acl "public-read" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`,
        ]);
        expect(messages[0]).toContain(
            "Drop the object's public ACL (or set its bucket's `objectOwnership: \"BucketOwnerEnforced\"`, which turns ACLs off) and serve it through CloudFront " +
                "with an origin access control, or grant access in a bucket policy to the principals that need it; if the object is public on purpose, " +
                "such as a public website's files, exempt it with a reason. (A public access block with blockPublicAcls or ignorePublicAcls on its bucket or account also keeps it private.)",
        );
        expect([...OBJECT_ACL_TYPES].sort()).toEqual([t.S3_BUCKET_OBJECT, t.S3_BUCKET_OBJECT_V2, t.S3_OBJECT_COPY].sort());
    });

    it("the resource part never judges an object", () => {
        for (const type of OBJECT_ACL_TYPES) expect(findResourcePolicyWildcards(resource(type, { bucket: "b", key: "k", acl: "public-read" }), { allowedActions: [] })).toEqual([]);
    });

    it("reads each resource a bounded number of times, with 3,000 objects, ownership controls and blocks on one bucket name", () => {
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [wrap(bucket("acme-shared"))];
        for (let i = 0; i < n; i++) {
            resources.push(wrap(resource(t.S3_BUCKET_OBJECT, { bucket: "acme-shared", key: `k${i}`, acl: "public-read" }, { name: `o${i}` })),
                wrap(resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: "acme-shared", rule: { objectOwnership: "ObjectWriter" } }, { name: `c${i}` })),
                wrap(resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: "acme-shared", ignorePublicAcls: true }, { name: `p${i}` })));
        }
        expect(findPublicGrants(resources)).toEqual([]);
        expect(reads() / (3 * n)).toBeLessThan(50);
    });
});

describe("findPublicGrants (stack part): object ACLs with either provider's Object Ownership (one join, ownershipRulesOf)", () => {
    // An aws-native bucket's inline `ownershipControls.rules` is the S3 setting a classic
    // BucketOwnershipControls sets (CloudFormation's AWS::S3::Bucket OwnershipControlsRule:
    // ObjectWriter | BucketOwnerPreferred | BucketOwnerEnforced, "disable ACLs"), so an object's
    // public ACL gets the same verdict on either bucket. Labels, from the S3 user guide
    // ("Controlling ownership of objects and disabling ACLs", PublicAccessBlockConfiguration) and
    // the policy's documented choices, written before running:
    // ACLs on (ObjectWriter, BucketOwnerPreferred) and a block setting neither blockPublicAcls nor
    // ignorePublicAcls: reported; BucketOwnerEnforced: passes; no ownership in the stack: S3's
    // default since April 2023 (ACLs off), passes; unknown at preview: passes (never more than a known value).
    const classic = (name: string, objectOwnership?: unknown, block?: Record<string, unknown>): PlainResource[] => {
        const b = resource(t.S3_BUCKET_V2, { bucket: name }, { name });
        const deps = { propertyDependencies: { bucket: [b.urn] } };
        return [b,
            ...(objectOwnership === undefined ? [] : [resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: name, rule: { objectOwnership } }, { name: `${name}-ownership`, ...deps })]),
            ...(block === undefined ? [] : [resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: name, ...block }, { name: `${name}-block`, ...deps })])];
    };
    const native = (name: string, ownershipControls?: unknown, block?: unknown): PlainResource[] => [resource(t.NATIVE_S3_BUCKET, {
        bucketName: name, ...(ownershipControls === undefined ? {} : { ownershipControls }), ...(block === undefined ? {} : { publicAccessBlockConfiguration: block }),
    }, { name })];
    const rules = (objectOwnership: unknown) => ({ rules: [{ objectOwnership }] });
    const off = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
    const object = (bucket: PlainResource, acl: unknown = "public-read") =>
        resource(t.S3_BUCKET_OBJECT_V2, { bucket: bucket.props.bucket ?? bucket.props.bucketName, key: "index.html", acl }, { name: "index.html", propertyDependencies: { bucket: [bucket.urn] } });
    const verdict = (stack: PlainResource[], acl?: unknown) => findPublicGrants([...stack, object(stack[0], acl)]).map((f) => f.resource?.name);
    const REPORTED = ["index.html"];
    // [label, stack, expected]
    const cases: [string, PlainResource[], string[]][] = [
        // (a) classic controls that keep ACLs on, the block off (1rajveer1/WebsiteHostingAWS s3_bucket_ownership.tf, santmukhgit/AKS_DEVX disable-s3-acl_bad.tf).
        ["(a) classic bucket, BucketOwnershipControls ObjectWriter, block off", classic("www", "ObjectWriter", off), REPORTED],
        ["(a) classic bucket, BucketOwnershipControls BucketOwnerPreferred, block off", classic("www", "BucketOwnerPreferred", off), REPORTED],
        // (b) the same setting inline (what CDK writes for objectOwnership OBJECT_WRITER with a relaxed BlockPublicAccess).
        ["(b) aws-native bucket, inline ObjectWriter, inline block off", native("www", rules("ObjectWriter"), off), REPORTED],
        ["(b) aws-native bucket, inline BucketOwnerPreferred, inline block off", native("www", rules("BucketOwnerPreferred"), off), REPORTED],
        ["(b) aws-native bucket, inline ObjectWriter, a separate BucketPublicAccessBlock off", [...native("www", rules("ObjectWriter")),
            resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: "www", ...off }, { name: "www-block" })], REPORTED],
        // (c) ACLs off: the upload with a public ACL fails (AccessControlListNotSupported).
        ["(c) classic bucket, BucketOwnerEnforced, block off", classic("www", "BucketOwnerEnforced", off), []],
        ["(c) aws-native bucket, inline BucketOwnerEnforced, block off", native("www", rules("BucketOwnerEnforced"), off), []],
        ["(c) aws-native bucket, inline ObjectWriter and a classic BucketOwnershipControls BucketOwnerEnforced on it", [...native("www", rules("ObjectWriter"), off),
            resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: "www", rule: { objectOwnership: "BucketOwnerEnforced" } }, { name: "www-ownership" })], []],
        // (d) no ownership in the stack: S3's default since April 2023 (documented choice).
        ["(d) classic bucket, no BucketOwnershipControls, block off", classic("www", undefined, off), []],
        ["(d) aws-native bucket, no ownershipControls, block off", native("www", undefined, off), []],
        ["(d) aws-native bucket, ownershipControls without rules, block off", native("www", {}, off), []],
        // (e) preview: the ownership not known yet may be BucketOwnerEnforced.
        ["(e) classic bucket, objectOwnership unknown", classic("www", U.string, off), []],
        ["(e) aws-native bucket, ownershipControls unknown", native("www", U.object, off), []],
        ["(e) aws-native bucket, rules unknown", native("www", { rules: U.array }, off), []],
        ["(e) aws-native bucket, objectOwnership unknown", native("www", rules(U.string), off), []],
        ["(e) aws-native bucket, inline ObjectWriter, the block's settings unknown", native("www", rules("ObjectWriter"), { ...off, blockPublicAcls: U.boolean }), []],
        ["(e) aws-native bucket, inline ObjectWriter, the object's ACL unknown", native("www", rules("ObjectWriter"), off), []],
        // (f) the public access block, as today: blockPublicAcls (the upload fails) or ignorePublicAcls (ignored), of the bucket or its account; none: a new bucket's block is all on.
        ["(f) aws-native bucket, inline ObjectWriter, no block (S3's default block, all on)", native("www", rules("ObjectWriter")), []],
        ["(f) aws-native bucket, inline ObjectWriter, inline blockPublicAcls", native("www", rules("ObjectWriter"), { ...off, blockPublicAcls: true }), []],
        ["(f) aws-native bucket, inline ObjectWriter, inline ignorePublicAcls", native("www", rules("ObjectWriter"), { ...off, ignorePublicAcls: true }), []],
        ["(f) aws-native bucket, inline ObjectWriter, block off, the account's blockPublicAcls", [...native("www", rules("ObjectWriter"), off),
            resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { blockPublicAcls: true }, { name: "account" })], []],
        ["(f) classic bucket, ObjectWriter, no block (S3's default block, all on)", classic("www", "ObjectWriter"), []],
        ["(f) classic bucket, ObjectWriter, blockPublicAcls", classic("www", "ObjectWriter", { ...off, blockPublicAcls: true }), []],
    ];
    it.each(cases)("%s", (label, stack, expected) => {
        expect(verdict(stack, label.includes("object's ACL unknown") ? U.string : undefined)).toEqual(expected);
    });

    it("reads an aws-native bucket's ownership at preview through the object's dependency, and its own ACL as before", () => {
        // bucketName computed at preview (CDK leaves it to CloudFormation): the object finds its bucket by dependency.
        const [site] = native("www", rules("ObjectWriter"), off);
        const pending = { ...site, props: { ...site.props, bucketName: U.string } };
        const obj = resource(t.S3_BUCKET_OBJECT, { bucket: U.string, key: "index.html", acl: "public-read" }, { name: "index.html", propertyDependencies: { bucket: [site.urn] } });
        expect(findPublicGrants([pending, obj]).map((f) => f.resource?.name)).toEqual(["index.html"]);
        const enforced = { ...pending, props: { ...pending.props, ownershipControls: rules("BucketOwnerEnforced") } };
        expect(findPublicGrants([enforced, obj])).toEqual([]);
        // The bucket's own accessControl keeps its verdict: reported with ACLs on, passes with BucketOwnerEnforced.
        expect(findPublicGrants(native("www", rules("ObjectWriter"), off).map((b) => ({ ...b, props: { ...b.props, accessControl: "PublicRead" } }))).map((f) => f.resource?.name)).toEqual(["www"]);
        expect(findPublicGrants(native("www", rules("BucketOwnerEnforced"), off).map((b) => ({ ...b, props: { ...b.props, accessControl: "PublicRead" } })))).toEqual([]);
    });
});

describe("findPublicGrants (stack part): bucket policies open to anyone, and public access blocks", () => {
    const open = (name = "site") => JSON.stringify(doc(allow("*", "s3:GetObject", { Sid: "PublicRead", Resource: `arn:aws:s3:::${name}/*` })));
    const bucket = (name: string, props: Record<string, unknown> = {}, options = {}) => resource(t.S3_BUCKET_V2, { bucket: name, ...props }, { name, ...options });
    const policyOf = (name: string, bucketName: unknown, options = {}) => resource(t.S3_BUCKET_POLICY, { bucket: bucketName, policy: open() }, { name, ...options });
    // Provider v7 inputs: a block states the settings a program sets (unset ones default to false).
    const block = (name: string, props: Record<string, unknown>, options = {}) => resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, props, { name, ...options });
    const accountBlock = (props: Record<string, unknown>, options = {}) => resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, props, { name: "account-block", ...options });
    const reported = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => f.resource?.name);
    const site = bucket("site");

    it("passes a public policy that the bucket's public access block restricts (restrictPublicBuckets), and only that", () => {
        expect(reported(site, policyOf("site-policy", "site"), block("site-block", { bucket: "site", restrictPublicBuckets: true }))).toEqual([]);
        expect(reported(bucket("site", { policy: open() }), block("site-block", { bucket: "site", restrictPublicBuckets: "true" }))).toEqual([]);
        // The block of a bucket named by id, as state written by older providers may record it.
        expect(reported(bucket("site", { id: "site-0a1b2c" }), policyOf("site-policy", "site-0a1b2c"), block("site-block", { bucket: "site-0a1b2c", restrictPublicBuckets: true }))).toEqual([]);
        // Not set, false, only the ACL settings, another bucket's block, or a bucket outside the stack: the policy takes effect.
        expect(reported(site, policyOf("site-policy", "site"), block("site-block", { bucket: "site", blockPublicAcls: true, ignorePublicAcls: true }))).toEqual(["site-policy"]);
        expect(reported(site, policyOf("site-policy", "site"), block("site-block", { bucket: "site", restrictPublicBuckets: false }))).toEqual(["site-policy"]);
        expect(reported(site, bucket("other"), policyOf("site-policy", "site"), block("other-block", { bucket: "other", restrictPublicBuckets: true }))).toEqual(["site-policy"]);
        expect(reported(policyOf("site-policy", "bucket-of-another-stack"))).toEqual(["site-policy"]);
        expect(reported(site, policyOf("site-policy", "site"))).toEqual(["site-policy"]);
    });

    it("each setting answers for its own grant: restrictPublicBuckets for policies, ignorePublicAcls for ACLs", () => {
        const both = bucket("site", { acl: "public-read", policy: open() });
        const messages = (...resources: PlainResource[]) => short(findPublicGrants(resources).map((f) => f.message)).map((m) => m.split(": ")[1].split(" ")[0]);
        expect(messages(both, block("b", { bucket: "site", restrictPublicBuckets: true }))).toEqual(["acl"]);
        expect(messages(both, block("b", { bucket: "site", ignorePublicAcls: true }))).toEqual(["policy"]);
        expect(messages(both, block("b", { bucket: "site", ignorePublicAcls: true, restrictPublicBuckets: true }))).toEqual([]);
    });

    it("an account's public access block counts for the buckets of its provider (the same account)", () => {
        const PROD = "urn:pulumi:dev::project::pulumi:providers:aws::prod";
        const SANDBOX = "urn:pulumi:dev::project::pulumi:providers:aws::sandbox";
        expect(reported(bucket("site", {}, { provider: PROD }), policyOf("site-policy", "site", { provider: PROD }), accountBlock({ restrictPublicBuckets: true }, { provider: PROD }))).toEqual([]);
        expect(reported(bucket("site", { acl: "public-read" }, { provider: PROD }), accountBlock({ ignorePublicAcls: true }, { provider: PROD }))).toEqual([]);
        // Another provider may be another account; an account block without the setting restricts nothing.
        expect(reported(bucket("site", {}, { provider: SANDBOX }), policyOf("site-policy", "site", { provider: SANDBOX }), accountBlock({ restrictPublicBuckets: true }, { provider: PROD })))
            .toEqual(["site-policy"]);
        expect(reported(site, policyOf("site-policy", "site"), accountBlock({ blockPublicAcls: true, ignorePublicAcls: true }))).toEqual(["site-policy"]);
        expect(reported(site, policyOf("site-policy", "site"), accountBlock({ restrictPublicBuckets: true }))).toEqual([]);
    });

    it("preview: a setting or bucket not known yet may restrict, so the policy is not reported", () => {
        expect(reported(site, policyOf("site-policy", "site"), block("site-block", { bucket: "site", restrictPublicBuckets: U.boolean }))).toEqual([]);
        expect(reported(site, policyOf("site-policy", "site"), accountBlock({ restrictPublicBuckets: U.boolean }))).toEqual([]);
        const newSite = bucket("site", { bucket: U.string });
        const deps = { propertyDependencies: { bucket: [newSite.urn] } };
        expect(reported(newSite, policyOf("site-policy", U.string, deps), block("site-block", { bucket: U.string, restrictPublicBuckets: true }, deps))).toEqual([]);
        expect(reported(newSite, policyOf("site-policy", U.string, deps), block("site-block", { bucket: U.string, restrictPublicBuckets: false }, deps))).toEqual(["site-policy"]);
    });

    it("preview: a policy and a block whose unknown buckets both come from a name built from a random suffix (neither depends on the bucket) wait for apply", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        const fromSuffix = (urn = SUFFIX) => ({ propertyDependencies: { bucket: [urn] } });
        const newSite = bucket("site", { bucket: U.string }, fromSuffix());
        // After apply both name the bucket and the block restricts the policy; at preview the join is not known.
        expect(reported(newSite, policyOf("site-policy", U.string, fromSuffix()), block("site-block", { bucket: U.string, restrictPublicBuckets: true }, fromSuffix()))).toEqual([]);
        expect(reported(newSite, policyOf("site-policy", U.string, fromSuffix()), block("site-block", { bucket: U.string, restrictPublicBuckets: U.boolean }, fromSuffix()))).toEqual([]);
        // A block that would not restrict, or one of another source, or none: reported as before.
        expect(reported(newSite, policyOf("site-policy", U.string, fromSuffix()), block("site-block", { bucket: U.string, blockPublicAcls: true }, fromSuffix()))).toEqual(["site-policy"]);
        expect(reported(newSite, policyOf("site-policy", U.string, fromSuffix()), block("other-block", { bucket: U.string, restrictPublicBuckets: true }, fromSuffix(OTHER)))).toEqual(["site-policy"]);
        expect(reported(newSite, policyOf("site-policy", U.string, fromSuffix()))).toEqual(["site-policy"]);
        // A block joined to a bucket of the stack is that bucket's, not a candidate for the policy's.
        const other = bucket("other", { bucket: U.string });
        expect(reported(newSite, other, policyOf("site-policy", U.string, fromSuffix()),
            block("other-block", { bucket: U.string, restrictPublicBuckets: true }, { propertyDependencies: { bucket: [other.urn, SUFFIX] } }))).toEqual(["site-policy"]);
    });

    it("preview: ACLs of a bucket whose name, ownership controls and block all come from one random suffix wait for apply unless the known settings turn nothing off", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        const fromSuffix = (urn = SUFFIX) => ({ propertyDependencies: { bucket: [urn] } });
        const newSite = (props: Record<string, unknown> = {}) => bucket("site", { bucket: U.string, ...props }, fromSuffix());
        const ownership = (objectOwnership: string, urn = SUFFIX) =>
            resource(t.S3_BUCKET_OWNERSHIP_CONTROLS, { bucket: U.string, rule: { objectOwnership } }, { name: "site-ownership", ...fromSuffix(urn) });
        const off = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
        const acl = resource(t.S3_BUCKET_ACL_V2, { bucket: U.string, acl: "public-read" }, { name: "site-acl", ...fromSuffix() });
        const object = resource(t.S3_BUCKET_OBJECT, { bucket: U.string, key: "index.html", acl: "public-read" }, { name: "index", ...fromSuffix() });
        // After apply, BucketOwnerEnforced turns ACLs off (S3 refuses the ACL): at preview the join is not known.
        expect(reported(newSite(), ownership("BucketOwnerEnforced"), acl)).toEqual([]);
        expect(reported(newSite({ acl: "public-read" }), ownership("BucketOwnerEnforced"))).toEqual([]);
        expect(reported(newSite({ acl: "public-read" }), block("site-block", { bucket: U.string, ignorePublicAcls: true }, fromSuffix()))).toEqual([]);
        // An object in a new bucket built from the suffix: S3's defaults (ACLs off) unless its settings say otherwise.
        expect(reported(newSite(), object)).toEqual([]);
        // Settings sharing the source that turn nothing off decide, as after apply.
        expect(reported(newSite(), ownership("BucketOwnerPreferred"), block("site-block", { bucket: U.string, ...off }, fromSuffix()), acl)).toEqual(["site-acl"]);
        expect(reported(newSite({ acl: "public-read" }), ownership("BucketOwnerPreferred"), block("site-block", { bucket: U.string, ...off }, fromSuffix()))).toEqual(["site"]);
        expect(reported(newSite(), ownership("ObjectWriter"), block("site-block", { bucket: U.string, ...off }, fromSuffix()), object)).toEqual(["index"]);
        // Ownership from another source is not a candidate; an object whose bucket no bucket of the stack is built like stays as outside.
        expect(reported(newSite(), ownership("BucketOwnerEnforced", OTHER), acl)).toEqual(["site-acl"]);
        expect(reported(object)).toEqual(["index"]);
    });

    it("preview: a policy or ACL named from the random suffix of a bucket whose own settings (joined by `bucket.id`, or aws-native's inline ones) turn it off waits for apply", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        const fromSuffix = (urn = SUFFIX) => ({ propertyDependencies: { bucket: [urn] } });
        const off = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
        // A classic bucket named from the suffix, its block given `bucket.id` (so joined to it at preview).
        const newSite = bucket("site", { bucket: U.string }, fromSuffix());
        const ownBlock = (restrictPublicBuckets: boolean) => block("site-block", { bucket: U.string, restrictPublicBuckets }, { propertyDependencies: { bucket: [newSite.urn] } });
        expect(reported(newSite, ownBlock(true), policyOf("site-policy", U.string, fromSuffix()))).toEqual([]);
        expect(reported(newSite, ownBlock(false), policyOf("site-policy", U.string, fromSuffix()))).toEqual(["site-policy"]);
        expect(reported(newSite, ownBlock(true), policyOf("site-policy", U.string, fromSuffix(OTHER)))).toEqual(["site-policy"]);
        // aws-native's bucket (pulumi-cdk's, CloudFormation's AWS::S3::Bucket) holds them inline and is named by `bucketName`.
        const nativeSite = (props: Record<string, unknown>) => resource(t.NATIVE_S3_BUCKET, { bucketName: U.string, ...props }, { name: "site", propertyDependencies: { bucketName: [SUFFIX] } });
        const nativePolicy = resource(t.NATIVE_S3_BUCKET_POLICY, { bucket: U.string, policyDocument: JSON.parse(open()) }, { name: "site-policy", ...fromSuffix() });
        expect(reported(nativeSite({ publicAccessBlockConfiguration: { ...off, restrictPublicBuckets: true } }), nativePolicy)).toEqual([]);
        expect(reported(nativeSite({ publicAccessBlockConfiguration: U.object }), nativePolicy)).toEqual([]);
        expect(reported(nativeSite({ publicAccessBlockConfiguration: off }), nativePolicy)).toEqual(["site-policy"]);
        const acl = resource(t.S3_BUCKET_ACL_V2, { bucket: U.string, acl: "public-read" }, { name: "site-acl", ...fromSuffix() });
        expect(reported(nativeSite({ publicAccessBlockConfiguration: off, ownershipControls: { rules: [{ objectOwnership: "BucketOwnerEnforced" }] } }), acl)).toEqual([]);
        expect(reported(nativeSite({ publicAccessBlockConfiguration: off, ownershipControls: { rules: [{ objectOwnership: "ObjectWriter" }] } }), acl)).toEqual(["site-acl"]);
    });

    it("a restricted bucket's wildcard actions are still the resource part's", () => {
        const wide = resource(t.S3_BUCKET_POLICY, { bucket: "site", policy: JSON.stringify(doc(allow("*", "s3:*", { Resource: "arn:aws:s3:::site/*" }))) }, { name: "site-policy" });
        expect(reported(site, wide, block("site-block", { bucket: "site", restrictPublicBuckets: true }))).toEqual([]);
        expect(short(findResourcePolicyWildcards(wide, { allowedActions: [] }).map((f) => f.message))).toEqual([`${t.S3_BUCKET_POLICY} "site-policy": policy Statement[0] ${WILDCARD('"s3:*"')}`]);
    });

    it("says how a public access block would restrict it, and passes what other rules pass", () => {
        const [finding] = findPublicGrants([site, policyOf("site-policy", "site")]);
        expect(finding.message).toContain("(A public access block with restrictPublicBuckets also keeps the bucket to its own account and AWS services.)");
        expect(finding.resource).toEqual({ urn: policyOf("site-policy", "site").urn, type: t.S3_BUCKET_POLICY, name: "site-policy" });
        const pinned = resource(t.S3_BUCKET_POLICY, { bucket: "site", policy: doc(allow("*", "s3:GetObject", when("StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d"))) });
        const delegated = resource(t.S3_BUCKET_POLICY, { bucket: "site", policy: doc(allow({ AWS: "*" }, "*", when("StringEquals", "s3:DataAccessPointAccount", ACCOUNT))) });
        expect(reported(site, pinned, delegated, resource(t.S3_BUCKET_POLICY, { bucket: "site", policy: U.string }))).toEqual([]);
        expect([...BUCKET_POLICY_TYPES].sort()).toEqual([t.S3_BUCKET, t.S3_BUCKET_V2, t.S3_BUCKET_POLICY, t.NATIVE_S3_BUCKET_POLICY].sort());
    });

    it("preview: a policy, ACL or access point that names its bucket itself (`bucket.id`) waits for a block whose bucket is built from the suffix the bucket's name is", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        const fromSuffix = (urn = SUFFIX) => ({ propertyDependencies: { bucket: [urn] } });
        const newSite = bucket("site", { bucket: U.string, id: U.string }, fromSuffix());
        const byId = { propertyDependencies: { bucket: [newSite.urn] } };
        const off = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
        const siteBlock = (props: Record<string, unknown>, urn = SUFFIX) => block("site-block", { bucket: U.string, ...off, ...props }, fromSuffix(urn));
        const acl = resource(t.S3_BUCKET_ACL_V2, { bucket: U.string, acl: "public-read" }, { name: "site-acl", ...byId });
        const ap = resource(t.S3_ACCESS_POINT, { bucket: U.string, name: "site-ap", arn: U.string, publicAccessBlockConfiguration: off, policy: open() }, { name: "site-ap", ...byId });
        // After apply the block is the bucket's and restricts the policy, the access point, and (ignorePublicAcls) the ACL.
        expect(reported(newSite, policyOf("site-policy", U.string, byId), siteBlock({ restrictPublicBuckets: true }))).toEqual([]);
        expect(reported(newSite, ap, siteBlock({ restrictPublicBuckets: true }))).toEqual([]);
        expect(reported(newSite, acl, siteBlock({ ignorePublicAcls: true }))).toEqual([]);
        expect(reported(newSite, policyOf("site-policy", U.string, byId), siteBlock({ restrictPublicBuckets: U.boolean }))).toEqual([]);
        // A block that turns nothing on, or one of another suffix: reported as after apply.
        expect(reported(newSite, policyOf("site-policy", U.string, byId), siteBlock({}))).toEqual(["site-policy"]);
        expect(reported(newSite, ap, siteBlock({ restrictPublicBuckets: true }, OTHER))).toEqual(["site-ap"]);
        expect(reported(newSite, acl, siteBlock({ restrictPublicBuckets: true }))).toEqual(["site-acl"]);
    });

    it("reads each resource a bounded number of times, with 3,000 buckets, policies by bucket and blocks from one random suffix", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [];
        for (let i = 0; i < n; i++) {
            const b = bucket(`b${i}`, { bucket: U.string, id: U.string }, { propertyDependencies: { bucket: [SUFFIX] } });
            resources.push(wrap(b), wrap(policyOf(`p${i}`, U.string, { propertyDependencies: { bucket: [b.urn] } })),
                wrap(block(`k${i}`, { bucket: U.string, restrictPublicBuckets: true }, { propertyDependencies: { bucket: [SUFFIX] } })));
        }
        expect(findPublicGrants(resources)).toEqual([]);
        expect(reads() / (3 * n)).toBeLessThan(50);
    });

    it("reads each resource a bounded number of times, with 3,000 buckets, policies and blocks on one name", () => {
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [];
        for (let i = 0; i < n; i++) {
            resources.push(wrap(bucket(`b${i}`, { bucket: "acme-shared", policy: open("acme-shared") })), wrap(policyOf(`p${i}`, "acme-shared")),
                wrap(block(`k${i}`, { bucket: "acme-shared", restrictPublicBuckets: true })));
        }
        expect(findPublicGrants(resources)).toEqual([]);
        expect(reads() / (3 * n)).toBeLessThan(50);
    });
});

describe("findPublicGrants (stack part): S3 access points, their blocks and network origin", () => {
    const AP_ARN = `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/uploads-ap`;
    const open = JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: `${AP_ARN}/object/*` })));
    // Provider v7 outputs after an update: AWS returns the block it applied (all on unless the program turned settings off).
    const OFF = { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: false };
    const point = (props: Record<string, unknown> = {}, options = {}) =>
        resource(t.S3_ACCESS_POINT, { bucket: "shop-uploads", name: "uploads-ap", arn: AP_ARN, ...props }, { name: "uploads-ap", ...options });
    const pointPolicy = (accessPointArn: unknown, options = {}) => resource(t.S3CONTROL_ACCESS_POINT_POLICY, { accessPointArn, policy: open }, { name: "uploads-ap-policy", ...options });
    const uploads = resource(t.S3_BUCKET_V2, { bucket: "shop-uploads" }, { name: "shop-uploads" });
    const bucketBlock = (props: Record<string, unknown>) => resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: "shop-uploads", ...props }, { name: "uploads-block" });
    const reported = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => f.resource?.name);

    it("passes an inline public policy under the access point's own block: unset (all on), or restrictPublicBuckets not turned off", () => {
        expect(reported(point({ policy: open }))).toEqual([]);
        expect(reported(point({ policy: open, publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true } }))).toEqual([]);
        expect(reported(point({ policy: open, publicAccessBlockConfiguration: { restrictPublicBuckets: true } }))).toEqual([]);
        expect(reported(point({ policy: open, publicAccessBlockConfiguration: U.object }))).toEqual([]);
        expect(reported(point({ policy: open, publicAccessBlockConfiguration: { restrictPublicBuckets: U.boolean } }))).toEqual([]);
    });

    it("passes a separate AccessPointPolicy on an access point of the stack whose block restricts it (the provider's own example turns it off: reported)", () => {
        expect(reported(point(), pointPolicy(AP_ARN))).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: { ...OFF, restrictPublicBuckets: true } }), pointPolicy(AP_ARN))).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: OFF }), pointPolicy(AP_ARN))).toEqual(["uploads-ap-policy"]);
        // An access point outside the stack (or another one) shows no block: the policy takes effect, as far as the stack shows.
        expect(reported(pointPolicy(AP_ARN))).toEqual(["uploads-ap-policy"]);
        expect(reported(point(), pointPolicy(`arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/other-ap`))).toEqual(["uploads-ap-policy"]);
    });

    it("a request through an access point meets its bucket's and its account's blocks too: either restricts it", () => {
        const PROD = "urn:pulumi:dev::project::pulumi:providers:aws::prod";
        const SANDBOX = "urn:pulumi:dev::project::pulumi:providers:aws::sandbox";
        const unblocked = point({ policy: open, publicAccessBlockConfiguration: OFF });
        expect(reported(uploads, unblocked)).toEqual(["uploads-ap"]);
        expect(reported(uploads, unblocked, bucketBlock({ restrictPublicBuckets: true }))).toEqual([]);
        expect(reported(uploads, point({ publicAccessBlockConfiguration: OFF }), pointPolicy(AP_ARN), bucketBlock({ restrictPublicBuckets: true }))).toEqual([]);
        // A bucket block that leaves the setting off, or ignores ACLs only, does not restrict.
        expect(reported(uploads, unblocked, bucketBlock({ blockPublicAcls: true, ignorePublicAcls: true, restrictPublicBuckets: false }))).toEqual(["uploads-ap"]);
        const inProd = point({ policy: open, publicAccessBlockConfiguration: OFF }, { provider: PROD });
        expect(reported(inProd, resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { restrictPublicBuckets: true }, { name: "account", provider: PROD }))).toEqual([]);
        expect(reported(inProd, resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { restrictPublicBuckets: true }, { name: "account", provider: SANDBOX }))).toEqual(["uploads-ap"]);
        expect(reported(inProd, resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { ignorePublicAcls: true }, { name: "account", provider: PROD }))).toEqual(["uploads-ap"]);
    });

    it("an access point with a VPC network origin takes requests from that VPC only: a public policy there is pinned to it", () => {
        expect(reported(point({ policy: open, publicAccessBlockConfiguration: OFF, vpcConfiguration: { vpcId: "vpc-0a1b2c3d4e5f60001" } }))).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: OFF, vpcConfiguration: { vpcId: U.string } }), pointPolicy(AP_ARN))).toEqual([]);
        expect(reported(point({ policy: open, publicAccessBlockConfiguration: OFF, vpcConfiguration: U.object }))).toEqual([]);
        expect(reported(point({ policy: open, publicAccessBlockConfiguration: OFF, vpcConfiguration: null }))).toEqual(["uploads-ap"]);
    });

    it("preview: an access point ARN not known yet finds its access point through propertyDependencies", () => {
        const fresh = point({ arn: U.string, bucket: U.string });
        expect(reported(fresh, pointPolicy(U.string, { propertyDependencies: { accessPointArn: [fresh.urn] } }))).toEqual([]);
        const off = point({ arn: U.string, publicAccessBlockConfiguration: OFF });
        expect(reported(off, pointPolicy(U.string, { propertyDependencies: { accessPointArn: [off.urn] } }))).toEqual(["uploads-ap-policy"]);
        // Its bucket too: the bucket's block, found by dependency, restricts it.
        const bucket = resource(t.S3_BUCKET_V2, { bucket: U.string }, { name: "shop-uploads" });
        const deps = { propertyDependencies: { bucket: [bucket.urn] } };
        const onBucket = resource(t.S3_ACCESS_POINT, { bucket: U.string, name: "uploads-ap", arn: U.string, publicAccessBlockConfiguration: OFF, policy: open }, { name: "uploads-ap", ...deps });
        expect(reported(bucket, onBucket, resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: U.string, restrictPublicBuckets: true }, { name: "b", ...deps }))).toEqual([]);
        expect(reported(bucket, onBucket, resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: U.string, restrictPublicBuckets: false }, { name: "b", ...deps }))).toEqual(["uploads-ap"]);
    });

    it("preview: an access point whose bucket is named from the random suffix of a bucket of the stack waits for that bucket's block", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        const fromSuffix = (urn = SUFFIX) => ({ propertyDependencies: { bucket: [urn] } });
        const bucket = resource(t.S3_BUCKET_V2, { bucket: U.string }, { name: "shop-uploads", ...fromSuffix() });
        const bucketBlockOf = (restrictPublicBuckets: boolean) =>
            resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: U.string, restrictPublicBuckets }, { name: "uploads-block", propertyDependencies: { bucket: [bucket.urn] } });
        const onSuffix = (policy?: string, urn = SUFFIX, type = t.S3_ACCESS_POINT) =>
            resource(type, { bucket: U.string, name: "uploads-ap", arn: U.string, publicAccessBlockConfiguration: OFF, ...(policy ? { policy } : {}) }, { name: "uploads-ap", ...fromSuffix(urn) });
        expect(reported(bucket, bucketBlockOf(true), onSuffix(open))).toEqual([]);
        const separate = onSuffix();
        expect(reported(bucket, bucketBlockOf(true), separate, pointPolicy(U.string, { propertyDependencies: { accessPointArn: [separate.urn] } }))).toEqual([]);
        // aws-native's access point on aws-native's bucket, whose block is inline.
        const nativeBucket = (block: unknown) => resource(t.NATIVE_S3_BUCKET, { bucketName: U.string, publicAccessBlockConfiguration: block }, { name: "shop-uploads", propertyDependencies: { bucketName: [SUFFIX] } });
        const nativePoint = resource(t.NATIVE_S3_ACCESS_POINT, { bucket: U.string, name: "uploads-ap", publicAccessBlockConfiguration: OFF, policy: JSON.parse(open) }, { name: "uploads-ap", ...fromSuffix() });
        expect(reported(nativeBucket({ restrictPublicBuckets: true }), nativePoint)).toEqual([]);
        expect(reported(nativeBucket({ restrictPublicBuckets: true }), onSuffix(open))).toEqual([]);
        // A bucket block that does not restrict, a bucket of another suffix, or none: reported as after apply.
        expect(reported(bucket, bucketBlockOf(false), onSuffix(open))).toEqual(["uploads-ap"]);
        expect(reported(nativeBucket({ restrictPublicBuckets: false }), nativePoint)).toEqual(["uploads-ap"]);
        expect(reported(bucket, bucketBlockOf(true), onSuffix(open, OTHER))).toEqual(["uploads-ap"]);
        expect(reported(onSuffix(open))).toEqual(["uploads-ap"]);
    });

    it("preview: an access point policy whose ARN is built from the random suffix an access point of the stack is named from waits for that access point", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        // `accessPointArn: pulumi.interpolate\`arn:aws:s3:${region}:${account}:accesspoint/${name}\``, the point `name`d so too.
        const policyOn = (urn = SUFFIX) => pointPolicy(U.string, { propertyDependencies: { accessPointArn: [urn] } });
        const onSuffix = (props: Record<string, unknown> = {}) =>
            point({ name: U.string, arn: U.string, ...props }, { propertyDependencies: { name: [SUFFIX] } });
        // Its own block (on unless turned off), its VPC origin, S3 on Outposts (VPC-only), a bucket whose block restricts.
        expect(reported(onSuffix(), policyOn())).toEqual([]);
        expect(reported(onSuffix({ publicAccessBlockConfiguration: OFF, vpcConfiguration: { vpcId: "vpc-0a1b2c3d" } }), policyOn())).toEqual([]);
        expect(reported(onSuffix({ bucket: `arn:aws:s3-outposts:eu-west-1:${ACCOUNT}:outpost/op-01ac5d28a6a232904/bucket/data`, vpcConfiguration: { vpcId: "vpc-0a1b2c3d" } }), policyOn())).toEqual([]);
        expect(reported(uploads, bucketBlock({ restrictPublicBuckets: true }), onSuffix({ publicAccessBlockConfiguration: OFF }), policyOn())).toEqual([]);
        // An S3 Express access point (ARN and name from the suffix) on a directory bucket named from it: the bucket's block is always on.
        const directory = resource(t.S3_DIRECTORY_BUCKET, { bucket: U.string, id: U.string }, { name: "uploads-dir", propertyDependencies: { bucket: [SUFFIX] } });
        const express = point({ bucket: U.string, name: U.string, arn: U.string, publicAccessBlockConfiguration: OFF }, { propertyDependencies: { bucket: [SUFFIX], name: [SUFFIX] } });
        expect(reported(directory, express, policyOn())).toEqual([]);
        // A point that turns nothing on, one of another suffix, or none: reported as after apply.
        expect(reported(onSuffix({ publicAccessBlockConfiguration: OFF }), policyOn())).toEqual(["uploads-ap-policy"]);
        expect(reported(onSuffix(), policyOn(OTHER))).toEqual(["uploads-ap-policy"]);
        expect(reported(uploads, policyOn())).toEqual(["uploads-ap-policy"]);
        // After apply the ARN is known and names the point.
        expect(reported(point({ bucket: `arn:aws:s3-outposts:eu-west-1:${ACCOUNT}:outpost/op-01ac5d28a6a232904/bucket/data` }), pointPolicy(AP_ARN))).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: OFF }), pointPolicy(AP_ARN))).toEqual(["uploads-ap-policy"]);
    });

    it("preview: an access point on a bucket whose name is built from the random suffix a directory bucket of the stack is named from waits (the directory bucket's block is always on)", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        const directory = resource(t.S3_DIRECTORY_BUCKET, { bucket: U.string, id: U.string }, { name: "uploads-dir", propertyDependencies: { bucket: [SUFFIX] } });
        const onBucketOf = (urn: string) => point({ bucket: U.string, name: "uploads--euw1-az1--xa-s3", arn: U.string, publicAccessBlockConfiguration: OFF, policy: open }, { propertyDependencies: { bucket: [urn] } });
        expect(reported(directory, onBucketOf(SUFFIX))).toEqual([]);
        expect(reported(directory, onBucketOf(OTHER))).toEqual(["uploads-ap"]);
        expect(reported(directory, point({ bucket: "uploads--euw1-az1--x-s3", publicAccessBlockConfiguration: OFF, policy: open }))).toEqual([]);
    });

    it("reads each resource a bounded number of times, with 3,000 access points and policies whose names come from one random suffix", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [];
        for (let i = 0; i < n; i++) {
            resources.push(
                wrap(point({ bucket: U.string, name: U.string, arn: U.string, publicAccessBlockConfiguration: OFF }, { name: `ap-${i}`, propertyDependencies: { bucket: [SUFFIX], name: [SUFFIX] } })),
                wrap(pointPolicy(U.string, { name: `ap-${i}-policy`, propertyDependencies: { accessPointArn: [SUFFIX] } })),
                wrap(resource(t.S3_DIRECTORY_BUCKET, { bucket: U.string, id: U.string }, { name: `dir-${i}`, propertyDependencies: { bucket: [SUFFIX] } })),
            );
        }
        expect(findPublicGrants(resources)).toEqual([]);
        expect(reads() / (3 * n)).toBeLessThan(50);
    });

    it("says what would restrict it; wildcard actions stay the resource part's, whatever the blocks say", () => {
        const [finding] = findPublicGrants([pointPolicy(AP_ARN)]);
        expect(short([finding.message])).toEqual([`${t.S3CONTROL_ACCESS_POINT_POLICY} "uploads-ap-policy": policy Statement[0] ${ANYONE}`]);
        expect(finding.message).toContain("(The access point's own public access block, on unless turned off, or one of its bucket or account with restrictPublicBuckets");
        const wide = resource(t.S3CONTROL_ACCESS_POINT_POLICY, { accessPointArn: AP_ARN, policy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3:*"))) }, { name: "wide" });
        expect(short(findResourcePolicyWildcards(wide, { allowedActions: [] }).map((f) => f.message))).toEqual([`${t.S3CONTROL_ACCESS_POINT_POLICY} "wide": policy Statement[0] ${WILDCARD('"s3:*"')}`]);
        expect(findPublicGrants([point(), wide])).toEqual([]);
        expect([...ACCESS_POINT_POLICY_TYPES].sort()).toEqual([
            t.S3_ACCESS_POINT, t.NATIVE_S3_ACCESS_POINT, t.S3CONTROL_ACCESS_POINT_POLICY, t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY,
        ].sort());
    });

    it("an Object Lambda access point, or one attached to an FSx volume, has a block AWS keeps all on: a policy open to anyone is restricted", () => {
        const olapArn = `arn:aws:s3-object-lambda:eu-west-1:${ACCOUNT}:accesspoint/redacted-reads`;
        const olap = resource(t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY, { name: "redacted-reads", policy: JSON.stringify(doc(allow("*", "s3-object-lambda:GetObject", { Resource: olapArn }))) });
        const fsx = resource(t.FSX_S3_ACCESS_POINT_ATTACHMENT, {
            name: "shared-volume-ap", type: "OPENZFS",
            s3AccessPoint: { policy: JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: `${AP_ARN}/object/*` }))) },
        });
        for (const r of [olap, fsx]) expect([...findResourcePolicyWildcards(r, { allowedActions: [] }), ...findPublicGrants([r])]).toEqual([]);
        // Wildcard actions are still theirs to report.
        const wide = resource(t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY, { name: "redacted-reads", policy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3-object-lambda:*"))) });
        expect(short(findResourcePolicyWildcards(wide, { allowedActions: [] }).map((f) => f.message))).toEqual([`${t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY} "r": policy Statement[0] ${WILDCARD('"s3-object-lambda:*"')}`]);
    });

    it("CloudFront OAC through access points: a Multi-Region or Object Lambda access point policy needs the source pin; a standard access point's supporting statement is Object Lambda's", () => {
        const MRAP_OBJECTS = `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap/object/*`;
        const OLAP = `arn:aws:s3-object-lambda:eu-west-1:${ACCOUNT}:accesspoint/redacted-reads`;
        const DISTRIBUTION = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`;
        const cloudfront = (action: string, resourceArn: string, condition: Record<string, unknown> = {}) =>
            JSON.stringify(doc(allow({ Service: "cloudfront.amazonaws.com" }, action, { Sid: "AllowCloudFrontOACAccess", Resource: resourceArn, ...condition })));
        const mrap = (policy: unknown) => resource(t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, { details: { name: "orders", policy } });
        const olap = (policy: unknown) => resource(t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY, { name: "redacted-reads", policy });
        const verdict = (r: PlainResource) => short([...findResourcePolicyWildcards(r, { allowedActions: [] }), ...findPublicGrants([r])].map((f) => f.message));
        // Passing: CloudFront's Multi-Region Access Point guide, the same pinned to the account's distributions, an OLAP policy pinned
        // to its distribution, unknowns at preview, and the supporting access point's statement of Object Lambda's guide.
        expect(verdict(mrap(cloudfront("s3:GetObject", MRAP_OBJECTS, when("StringEquals", "aws:SourceArn", DISTRIBUTION))))).toEqual([]);
        expect(verdict(mrap(cloudfront("s3:GetObject", MRAP_OBJECTS, when("ArnLike", "aws:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/*`))))).toEqual([]);
        expect(verdict(olap(cloudfront("s3-object-lambda:GetObject", OLAP, when("StringEquals", "aws:SourceArn", DISTRIBUTION))))).toEqual([]);
        expect(verdict(mrap(doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: MRAP_OBJECTS, ...when("StringEquals", "aws:SourceArn", U.string) }))))).toEqual([]);
        expect(verdict(olap(doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3-object-lambda:GetObject", { Resource: OLAP, Condition: U.object }))))).toEqual([]);
        const supporting = cloudfront("s3:GetObject", `${AP_ARN}/object/*`, when("ForAnyValue:StringEquals", "aws:CalledVia", ["s3-object-lambda.amazonaws.com"]));
        expect(verdict(resource(t.S3CONTROL_ACCESS_POINT_POLICY, { accessPointArn: AP_ARN, policy: supporting }))).toEqual([]);
        // Failing: no source pin, or every account's distributions.
        const MRAP_OPEN = `${t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY} "r": details.policy statement "AllowCloudFrontOACAccess" ${UNPINNED_CLOUDFRONT}`;
        expect(verdict(mrap(cloudfront("s3:GetObject", MRAP_OBJECTS)))).toEqual([MRAP_OPEN]);
        expect(verdict(mrap(cloudfront("s3:GetObject", MRAP_OBJECTS, when("ArnLike", "aws:SourceArn", "arn:aws:cloudfront::*:distribution/*"))))).toEqual([MRAP_OPEN]);
        expect(verdict(olap(cloudfront("s3-object-lambda:GetObject", OLAP)))).toEqual([
            `${t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY} "r": policy statement "AllowCloudFrontOACAccess" ${UNPINNED_CLOUDFRONT}`,
        ]);
    });

    it("S3 Tables: table buckets and tables cannot be made public, so a policy open to anyone is restricted; wildcard actions are still reported", () => {
        // AWS: "All table buckets and tables are private and can't be made public."
        const tableBucketArn = `arn:aws:s3tables:eu-west-1:${ACCOUNT}:bucket/analytics`;
        const read = ["s3tables:GetTableMetadataLocation", "s3tables:GetTableData"];
        const bucketPolicy = resource(t.S3TABLES_TABLE_BUCKET_POLICY, { tableBucketArn, resourcePolicy: JSON.stringify(doc(allow("*", read, { Resource: `${tableBucketArn}/table/*` }))) });
        const tablePolicy = resource(t.S3TABLES_TABLE_POLICY, {
            tableBucketArn, namespace: "sales", name: "orders",
            resourcePolicy: JSON.stringify(doc(allow({ AWS: "*" }, read, { Resource: `${tableBucketArn}/table/*` }))),
        });
        for (const r of [bucketPolicy, tablePolicy]) expect([...findResourcePolicyWildcards(r, { allowedActions: [] }), ...findPublicGrants([r])]).toEqual([]);
        const wide = resource(t.S3TABLES_TABLE_BUCKET_POLICY, { tableBucketArn, resourcePolicy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3tables:*", { Resource: `${tableBucketArn}/*` }))) });
        expect(short(findResourcePolicyWildcards(wide, { allowedActions: [] }).map((f) => f.message))).toEqual([`${t.S3TABLES_TABLE_BUCKET_POLICY} "r": resourcePolicy Statement[0] ${WILDCARD('"s3tables:*"')}`]);
        // S3 Vectors says no such thing: a vector bucket policy open to anyone is still reported.
        const vectors = resource(t.S3_VECTORS_BUCKET_POLICY, { vectorBucketArn: `arn:aws:s3vectors:eu-west-1:${ACCOUNT}:bucket/embeddings`, policy: JSON.stringify(doc(allow("*", "s3vectors:QueryVectors"))) });
        expect(short(findResourcePolicyWildcards(vectors, { allowedActions: [] }).map((f) => f.message))).toEqual([`${t.S3_VECTORS_BUCKET_POLICY} "r": policy Statement[0] ${ANYONE}`]);
    });

    it("S3 on Outposts keeps S3 Block Public Access on: its bucket and access point policies open to anyone are restricted; wildcard actions are still reported", () => {
        // AWS: "S3 on Outposts always has S3 Block Public Access enabled"; s3control.BucketPolicy serves only Outposts buckets.
        const outpost = `arn:aws:s3-outposts:us-west-2:${ACCOUNT}:outpost/op-01ac5d28a6a232904`;
        const open = doc(allow({ AWS: "*" }, "s3-outposts:GetObject", { Resource: `${outpost}/bucket/edge-data/object/*` }));
        const bucketPolicy = resource(t.S3CONTROL_BUCKET_POLICY, { bucket: `${outpost}/bucket/edge-data`, policy: JSON.stringify(open) }, { name: "edge-data-policy" });
        expect([...findResourcePolicyWildcards(bucketPolicy, { allowedActions: [] }), ...findPublicGrants([bucketPolicy])]).toEqual([]);
        const wide = resource(t.S3CONTROL_BUCKET_POLICY, { bucket: `${outpost}/bucket/edge-data`, policy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3-outposts:*"))) }, { name: "wide" });
        expect(short(findResourcePolicyWildcards(wide, { allowedActions: [] }).map((f) => f.message))).toEqual([`${t.S3CONTROL_BUCKET_POLICY} "wide": policy Statement[0] ${WILDCARD('"s3-outposts:*"')}`]);
        // An access point policy by its ARN: an Outposts access point is restricted even outside the stack; a Region's is not.
        const pointPolicyOf = (accessPointArn: string) => resource(t.S3CONTROL_ACCESS_POINT_POLICY, { accessPointArn, policy: JSON.stringify(open) }, { name: "edge-ap-policy" });
        expect(reported(pointPolicyOf(`${outpost}/accesspoint/edge-ap`))).toEqual([]);
        expect(reported(pointPolicyOf(AP_ARN))).toEqual(["edge-ap-policy"]);
        // At preview an unknown ARN is the Region's access point it depends on, judged by its settings.
        const fresh = point({ arn: U.string, publicAccessBlockConfiguration: OFF });
        expect(reported(fresh, pointPolicy(U.string, { propertyDependencies: { accessPointArn: [fresh.urn] } }))).toEqual(["uploads-ap-policy"]);
    });

    it("a Multi-Region Access Point's policy: its own block (all on unless turned off) or its account's restricts it", () => {
        const MRAP_ARN = `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap`;
        const mrapOpen = JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: `${MRAP_ARN}/object/*` })));
        const mrap = (block?: unknown, name: unknown = "orders") =>
            resource(t.S3CONTROL_MULTI_REGION_ACCESS_POINT, { details: { name, regions: [{ bucket: "orders-eu" }, { bucket: "orders-us" }], ...(block === undefined ? {} : { publicAccessBlock: block }) } }, { name: "orders-mrap" });
        const mrapPolicy = (name: unknown, options = {}) => resource(t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, { details: { name, policy: mrapOpen } }, { name: "orders-mrap-policy", ...options });
        expect(reported(mrap(), mrapPolicy("orders"))).toEqual([]);
        expect(reported(mrap({ blockPublicPolicy: false }), mrapPolicy("orders"))).toEqual([]);
        expect(reported(mrap({ blockPublicPolicy: false, restrictPublicBuckets: U.boolean }), mrapPolicy("orders"))).toEqual([]);
        expect(reported(mrap({ blockPublicPolicy: false, restrictPublicBuckets: false }), mrapPolicy("orders"))).toEqual(["orders-mrap-policy"]);
        expect(reported(mrap({ blockPublicPolicy: false, restrictPublicBuckets: false }), mrapPolicy("orders"), resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { restrictPublicBuckets: true }, { name: "account" })))
            .toEqual([]);
        // Another Multi-Region Access Point, or one outside the stack.
        expect(reported(mrap(), mrapPolicy("returns"))).toEqual(["orders-mrap-policy"]);
        expect(reported(mrapPolicy("orders"))).toEqual(["orders-mrap-policy"]);
        // Preview: the provider's example derives the name from the access point's id, unknown until it exists.
        const fresh = mrap({ blockPublicPolicy: false, restrictPublicBuckets: false }, U.string);
        expect(reported(fresh, mrapPolicy(U.string, { propertyDependencies: { details: [fresh.urn] } }))).toEqual(["orders-mrap-policy"]);
        const restricted = mrap(undefined, U.string);
        expect(reported(restricted, mrapPolicy(U.string, { propertyDependencies: { details: [restricted.urn] } }))).toEqual([]);
        const [finding] = findPublicGrants([mrapPolicy("orders")]);
        expect(finding.message).toContain("(The Multi-Region Access Point's own public access block, on unless turned off, or its account's with restrictPublicBuckets");
    });

    // S3 rejects a request when the block of the bucket it is routed to, or of that bucket's
    // account, blocks it: a policy every region's bucket restricts opens nothing.
    it("a Multi-Region Access Point's policy: the blocks of all its regions' buckets (or their accounts) restrict it", () => {
        const MRAP_ARN = `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap`;
        const mrapOpen = JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: `${MRAP_ARN}/object/*` })));
        const OFF_BLOCK = { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: false };
        const mrap = (regions: unknown) => resource(t.S3CONTROL_MULTI_REGION_ACCESS_POINT, { details: { name: "orders", publicAccessBlock: OFF_BLOCK, regions } }, { name: "orders-mrap" });
        const policy = resource(t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, { details: { name: "orders", policy: mrapOpen } }, { name: "orders-mrap-policy" });
        const bucket = (name: string, options = {}) => resource(t.S3_BUCKET_V2, { bucket: name }, { name, ...options });
        const block = (name: string, restrict: unknown, options = {}) =>
            resource(t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, { bucket: name, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: restrict }, { name: `${name}-block`, ...options });
        const both = [{ bucket: "orders-eu", region: "eu-west-1" }, { bucket: "orders-us", region: "us-east-1" }];
        const buckets = [bucket("orders-eu"), bucket("orders-us")];
        expect(reported(mrap(both), policy, ...buckets, block("orders-eu", true), block("orders-us", true))).toEqual([]);
        // A request routed to a bucket that does not restrict it gets through.
        expect(reported(mrap(both), policy, ...buckets, block("orders-eu", true))).toEqual(["orders-mrap-policy"]);
        expect(reported(mrap(both), policy, ...buckets, block("orders-eu", true), block("orders-us", false))).toEqual(["orders-mrap-policy"]);
        expect(reported(mrap(both), policy, bucket("orders-eu"), block("orders-eu", true))).toEqual(["orders-mrap-policy"]);
        // The account block of a bucket's own provider (another account's bucket).
        const partner = { provider: "urn:pulumi:dev::shop::pulumi:providers:aws::partner::1" };
        const partnerAccount = resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { restrictPublicBuckets: true }, { name: "partner-account", ...partner });
        expect(reported(mrap(both), policy, bucket("orders-eu"), bucket("orders-us", partner), block("orders-eu", true), partnerAccount)).toEqual([]);
        // Preview: a region's bucket or setting still unknown decides nothing yet.
        expect(reported(mrap(both), policy, ...buckets, block("orders-eu", true), block("orders-us", U.boolean))).toEqual([]);
        expect(reported(mrap([{ bucket: "orders-eu" }, { bucket: U.string }]), policy, ...buckets, block("orders-eu", true))).toEqual([]);
        expect(reported(mrap(U.array), policy, ...buckets, block("orders-eu", true), block("orders-us", true))).toEqual([]);
        expect(reported(mrap([]), policy)).toEqual(["orders-mrap-policy"]);
    });

    it("reads each resource a bounded number of times, with 3,000 access points and their policies on one bucket", () => {
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [wrap(uploads), wrap(bucketBlock({ restrictPublicBuckets: true }))];
        for (let i = 0; i < n; i++) {
            const arn = `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/ap-${i}`;
            resources.push(wrap(point({ arn, name: `ap-${i}`, publicAccessBlockConfiguration: OFF }, { name: `ap-${i}` })), wrap(pointPolicy(arn, { name: `ap-${i}-policy` })));
        }
        expect(findPublicGrants(resources)).toEqual([]);
        expect(reads() / (2 * n)).toBeLessThan(50);
    });
});

// AWS recommends an open access policy with fine-grained access control, and reads a domain in a
// VPC as not public; a separate DomainPolicy is judged with its domain when the stack has it.
describe("findPublicGrants (stack part): separate OpenSearch and Elasticsearch domain policies", () => {
    const open = JSON.stringify(doc(allow({ AWS: "*" }, ["es:ESHttpGet", "es:ESHttpPost"], { Resource: `arn:aws:es:eu-west-1:${ACCOUNT}:domain/logs/*` })));
    const domain = (props: Record<string, unknown>, type = t.OPENSEARCH_DOMAIN) => resource(type, { domainName: "logs", ...props }, { name: "logs" });
    const policy = (domainName: unknown, options = {}, type = t.OPENSEARCH_DOMAIN_POLICY) => resource(type, { domainName, accessPolicies: open }, { name: "logs-policy", ...options });
    const FGAC = { advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: true } };
    const VPC = { vpcOptions: { subnetIds: ["subnet-0a1b2c3d4e5f60001"], securityGroupIds: ["sg-0a1b2c3d4e5f60001"] } };
    const reported = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => f.resource?.name);

    it("passes an open policy on a domain of the stack with fine-grained access control, or in a VPC", () => {
        expect(reported(domain(FGAC), policy("logs"))).toEqual([]);
        expect(reported(domain(VPC), policy("logs"))).toEqual([]);
        // An Elasticsearch DomainPolicy on an OpenSearch domain (one AWS resource), and the other way round.
        expect(reported(domain(VPC), policy("logs", {}, t.ELASTICSEARCH_DOMAIN_POLICY))).toEqual([]);
        expect(reported(domain(FGAC, t.ELASTICSEARCH_DOMAIN), policy("logs"))).toEqual([]);
        expect([...DOMAIN_POLICY_TYPES].sort()).toEqual([t.ELASTICSEARCH_DOMAIN_POLICY, t.OPENSEARCH_DOMAIN_POLICY].sort());
    });

    it("reports it on a public domain without fine-grained access control, another domain, or one outside the stack", () => {
        expect(reported(domain({}), policy("logs"))).toEqual(["logs-policy"]);
        expect(reported(domain({ advancedSecurityOptions: { enabled: false }, vpcOptions: { subnetIds: [] } }), policy("logs"))).toEqual(["logs-policy"]);
        expect(reported(domain(FGAC), policy("audit"))).toEqual(["logs-policy"]);
        expect(reported(policy("logs"))).toEqual(["logs-policy"]);
        const [finding] = findPublicGrants([domain({}), policy("logs")]);
        expect(short([finding.message])).toEqual([`${t.OPENSEARCH_DOMAIN_POLICY} "logs-policy": accessPolicies Statement[0] ${ANYONE}`]);
        expect(finding.message).toContain("(A domain of this stack with fine-grained access control, or in a VPC, would keep other callers out");
    });

    it("preview: a domain name not known yet finds its domain through propertyDependencies; settings not known yet may keep callers out", () => {
        const fresh = domain({ domainName: U.string, ...FGAC });
        expect(reported(fresh, policy(U.string, { propertyDependencies: { domainName: [fresh.urn] } }))).toEqual([]);
        const plain = domain({ domainName: U.string });
        expect(reported(plain, policy(U.string, { propertyDependencies: { domainName: [plain.urn] } }))).toEqual(["logs-policy"]);
        expect(reported(domain({ advancedSecurityOptions: U.object }), policy("logs"))).toEqual([]);
        expect(reported(domain({ vpcOptions: { subnetIds: U.array } }), policy("logs"))).toEqual([]);
    });
});

// AWS: "For a private API, you can't deploy your API without a resource policy", and a policy may
// admit "VPC endpoints (in any account)": an unpinned Allow * on a private REST API lets every
// account call it through its own endpoint (aws-samples/serverless-patterns#935, whose
// apigw-to-private-apig-cdk now adds AWS's Deny unless aws:SourceVpce).
describe("API Gateway: private REST APIs, which any account's VPC endpoints reach", () => {
    const ID = "a1b2c3d4e5";
    const VPCE = "vpce-0a1b2c3d4e5f67890";
    const open = allow({ AWS: "*" }, "execute-api:Invoke", { Resource: "execute-api:/*/*/*" });
    const fence = deny({ AWS: "*" }, "execute-api:Invoke", { Resource: "execute-api:/*/*/*", ...when("StringNotEquals", "aws:sourceVpce", VPCE) });
    const PRIVATE = { endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: [VPCE] } };
    const HINT = "(A private API takes requests from the VPC endpoints of every AWS account";
    const api = (props: Record<string, unknown>) => resource(t.APIGATEWAY_REST_API, { name: "orders", ...props }, { name: "orders-api" });
    const apiPolicy = (restApiId: unknown, statements: unknown[] = [open], options = {}) =>
        resource(t.APIGATEWAY_REST_API_POLICY, { restApiId, policy: JSON.stringify(doc(...statements)) }, { name: "orders-api-policy", ...options });
    const messages = (...resources: PlainResource[]) =>
        [...resources.flatMap((r) => findResourcePolicyWildcards(r, { allowedActions: [] })), ...findPublicGrants(resources)].map((f) => f.message);

    it("reports an unpinned Allow * on a private API: inline, and in a separate policy of the stack's private API", () => {
        const inline = messages(api({ ...PRIVATE, policy: JSON.stringify(doc(open)) }));
        expect(short(inline)).toEqual([`${t.APIGATEWAY_REST_API} "orders-api": policy Statement[0] ${ANYONE}`]);
        expect(inline[0]).toContain(HINT);
        // endpointConfiguration.types is one string in provider v7, a list in earlier state.
        expect(short(messages(api({ endpointConfiguration: { types: ["PRIVATE"] }, policy: JSON.stringify(doc(open)) })))).toHaveLength(1);
        const separate = messages(api({ id: ID, ...PRIVATE }), apiPolicy(ID));
        expect(short(separate)).toEqual([`${t.APIGATEWAY_REST_API_POLICY} "orders-api-policy": policy Statement[0] ${ANYONE}`]);
        expect(separate[0]).toContain(HINT);
        // More than Invoke is reported by the resource part, once, whatever the endpoint type.
        expect(short(messages(api({ id: ID, ...PRIVATE }), apiPolicy(ID, [allow("*", "execute-api:*", { Resource: "execute-api:/*" })])))).toEqual([
            `${t.APIGATEWAY_REST_API_POLICY} "orders-api-policy": policy Statement[0] ${WILDCARD('"execute-api:*"')}`,
            `${t.APIGATEWAY_REST_API_POLICY} "orders-api-policy": policy Statement[0] ${ANYONE}`,
        ]);
    });

    it("passes the same on an edge or regional API, a private API pinned or fenced by AWS's Deny, and a policy of an API outside the stack", () => {
        expect(messages(api({ policy: JSON.stringify(doc(open)) }))).toEqual([]);
        expect(messages(api({ endpointConfiguration: { types: "REGIONAL" }, policy: JSON.stringify(doc(open)) }))).toEqual([]);
        expect(messages(api({ id: ID, endpointConfiguration: { types: "EDGE" } }), apiPolicy(ID))).toEqual([]);
        expect(messages(api({ ...PRIVATE, policy: JSON.stringify(doc(fence, open)) }))).toEqual([]);
        expect(messages(api({ ...PRIVATE, policy: JSON.stringify(doc({ ...open, ...when("StringEquals", "aws:SourceVpce", VPCE) })) }))).toEqual([]);
        expect(messages(api({ id: ID, ...PRIVATE }), apiPolicy(ID, [fence, open]))).toEqual([]);
        expect(messages(api({ id: ID, ...PRIVATE }), apiPolicy(ID, [{ ...open, ...when("StringEquals", "aws:PrincipalOrgID", ORG) }]))).toEqual([]);
        expect(messages(api({ id: "f6g7h8i9j0", ...PRIVATE }), apiPolicy(ID))).toEqual([]);
        expect(messages(apiPolicy(ID))).toEqual([]);
    });

    it("preview: an endpoint type not known yet is not judged; a separate policy finds its API through propertyDependencies", () => {
        expect(messages(api({ endpointConfiguration: U.object, policy: JSON.stringify(doc(open)) }))).toEqual([]);
        expect(messages(api({ endpointConfiguration: { types: U.string }, policy: JSON.stringify(doc(open)) }))).toEqual([]);
        const fresh = api({ id: U.string, ...PRIVATE });
        expect(short(messages(fresh, apiPolicy(U.string, [open], { propertyDependencies: { restApiId: [fresh.urn] } })))).toHaveLength(1);
        expect(messages(api({ id: U.string, endpointConfiguration: U.object }), apiPolicy(U.string, [open], { propertyDependencies: { restApiId: [fresh.urn] } }))).toEqual([]);
    });

    it("preview: a restApiId that depends on a private and a regional API may name the regional one; on two private APIs it is reported", () => {
        const internal = resource(t.APIGATEWAY_REST_API, { name: "internal", id: U.string, ...PRIVATE }, { name: "internal-api" });
        const regional = resource(t.APIGATEWAY_REST_API, { name: "public", id: U.string, endpointConfiguration: { types: "REGIONAL" } }, { name: "public-api" });
        const partners = resource(t.APIGATEWAY_REST_API, { name: "partners", id: U.string, ...PRIVATE }, { name: "partners-api" });
        const on = (...apis: PlainResource[]) => apiPolicy(U.string, [open], { propertyDependencies: { restApiId: apis.map((a) => a.urn) } });
        expect(messages(internal, regional, on(internal, regional))).toEqual([]);
        expect(short(messages(internal, partners, on(internal, partners)))).toEqual([`${t.APIGATEWAY_REST_API_POLICY} "orders-api-policy": policy Statement[0] ${ANYONE}`]);
    });
});

describe("findResourcePolicyWildcards (pure rule): aws-native role trust policies, as pulumi-cdk sends a CDK Role", () => {
    // CDK writes AssumeRolePolicyDocument as an object (iam.Role's assumedBy); pulumi-cdk resolves
    // its references (the account root, an OIDC provider's ARN) or leaves them unknown at preview.
    const NATIVE_ROLE = "aws-native:iam:Role";
    const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    const assume = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Action: "sts:AssumeRole", Effect: "Allow", Principal: principal, ...extra });
    const github = (condition: Record<string, unknown>) => ({ Action: "sts:AssumeRoleWithWebIdentity", Effect: "Allow", Principal: { Federated: GITHUB }, Condition: condition });
    const trust = (...statements: unknown[]) => ({ assumeRolePolicyDocument: doc(...statements) });
    const cases: [string, Record<string, unknown>, string[]][] = [
        ["a service principal (ServicePrincipal)", trust(assume({ Service: "lambda.amazonaws.com" })), []],
        ["the account root (AccountRootPrincipal)", trust(assume({ AWS: ROOT })), []],
        ["the account root unknown at preview", trust(assume({ AWS: U.string })), []],
        ["the whole document unknown at preview", { assumeRolePolicyDocument: U.object }, []],
        ["GitHub Actions pinned to a repository (GitHubActionsIdentityProvider)", trust(github({
            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
            StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/shop:ref:refs/heads/main" },
        })), []],
        ["GitHub Actions with the subject unknown at preview", trust(github({ StringLike: { "token.actions.githubusercontent.com:sub": U.string } })), []],
        ["a JSON string", { assumeRolePolicyDocument: JSON.stringify(doc(assume({ Service: "ecs-tasks.amazonaws.com" }))) }, []],
        ["any principal (AnyPrincipal)", trust(assume({ AWS: "*" })), [`${NATIVE_ROLE} "r": assumeRolePolicyDocument Statement[0] ${ANYONE}`]],
        ["GitHub Actions without a subject", trust(github({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } })),
            [`${NATIVE_ROLE} "r": assumeRolePolicyDocument Statement[0] trusts GitHub Actions' OIDC provider without a condition on the token's subject (sub) naming your repositories, so a workflow of any repository on GitHub may assume the role`]],
    ];
    it.each(cases)("%s", (_label, props, expected) => {
        expect(short(check(NATIVE_ROLE, props))).toEqual(expected);
    });

    it("does not read a role's inline policies or managedPolicyArns (identity policies)", () => {
        expect(check(NATIVE_ROLE, { ...trust(assume({ Service: "lambda.amazonaws.com" })), policies: [{ policyName: "p", policyDocument: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }] })).toEqual([]);
    });
});

describe("aws-native S3 bucket policies and access points, as pulumi-cdk sends a CDK bucket", () => {
    // pulumi-cdk sends AWS::S3::Bucket, BucketPolicy and AccessPoint as aws-native resources (its
    // cfn-resource-mappings.ts; only queue, topic and IAM policies go to the classic provider). The
    // document is CDK's object, its Resource entries GetAtt references (the bucket's ARN, unknown at
    // preview), `bucket` a Ref (the bucket's name). The statements are aws-cdk's aws-s3 bucket.ts.
    const NAME = "assetsbucket5cb76180-3c2d7a1";
    const ARN = `arn:aws:s3:::${NAME}`;
    const DISTRIBUTION = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`;
    const PROVIDER_ROLE = `arn:aws:iam::${ACCOUNT}:role/stack-CustomS3AutoDeleteObjectsCustomResourceProviderRole-3B1BD092`;
    const enforceSsl = { Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } }, Effect: "Deny", Principal: { AWS: "*" }, Resource: [ARN, `${ARN}/*`] };
    const autoDelete = (principal: unknown) => ({
        Action: ["s3:PutBucketPolicy", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*"], Effect: "Allow", Principal: { AWS: principal }, Resource: [ARN, `${ARN}/*`],
    });
    const oac = (condition?: Record<string, unknown>) => ({
        Action: "s3:GetObject", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Resource: `${ARN}/*`, ...(condition ? { Condition: condition } : {}),
    });
    const accessLogs = { Action: "s3:PutObject", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Resource: `${ARN}/*`,
        Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::ordersbucket-9f1e2d3" }, StringEquals: { "aws:SourceAccount": ACCOUNT } } };
    const publicRead = { Action: "s3:GetObject", Effect: "Allow", Principal: { AWS: "*" }, Resource: `${ARN}/*` };
    const policy = (statements: unknown[], options = {}, name = "AssetsBucketPolicy") =>
        resource(t.NATIVE_S3_BUCKET_POLICY, { bucket: NAME, policyDocument: { Statement: statements, Version: V } }, { name, ...options });
    const bucket = (props: Record<string, unknown> = {}, name = "assetsbucket5cb76180") => resource(t.NATIVE_S3_BUCKET, { bucketName: NAME, ...props }, { name });
    const verdict = (resources: PlainResource[], allowedActions: string[] = []) =>
        short([...resources.flatMap((r) => findResourcePolicyWildcards(r, { allowedActions })), ...findPublicGrants(resources)].map((f) => f.message));

    // False alarms first: what CDK writes for a correct bucket.
    it.each([
        ["enforceSSL: a Deny to {AWS: *} unless TLS", [enforceSsl]],
        ["an origin access control pinned to the distribution (S3BucketOrigin.withOriginAccessControl)", [oac({ StringEquals: { "AWS:SourceArn": DISTRIBUTION } }), enforceSsl]],
        ["the distribution's ARN unknown at preview", [oac({ StringEquals: { "AWS:SourceArn": U.string } })]],
        ["server access log delivery pinned to the source bucket and account (serverAccessLogsBucket)", [accessLogs]],
        ["SES receiving pinned by aws:Referer (CDK's S3 action)", [{ Action: "s3:PutObject", Effect: "Allow", Principal: { Service: "ses.amazonaws.com" }, Resource: `${ARN}/*`,
            Condition: { StringEquals: { "aws:Referer": ACCOUNT } } }]],
        ["autoDeleteObjects' statement with its role unknown at preview", [autoDelete(U.string), enforceSsl]],
        ["the Resource entries unknown at preview", [{ ...enforceSsl, Resource: [U.string, U.string] }]],
    ])("passes %s", (_label, statements) => {
        expect(verdict([bucket(), policy(statements as unknown[])])).toEqual([]);
    });

    it("passes a document or bucket unknown at preview, and a public read that the bucket's own block restricts", () => {
        expect(verdict([bucket(), resource(t.NATIVE_S3_BUCKET_POLICY, { bucket: NAME, policyDocument: U.object })])).toEqual([]);
        const restricting = bucket({ publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } });
        expect(verdict([restricting, policy([publicRead])])).toEqual([]);
        // Not known yet: the block, one of its settings, or which bucket the policy is for.
        expect(verdict([bucket({ publicAccessBlockConfiguration: U.object }), policy([publicRead])])).toEqual([]);
        expect(verdict([bucket({ publicAccessBlockConfiguration: { restrictPublicBuckets: U.boolean } }), policy([publicRead])])).toEqual([]);
        expect(verdict([restricting, policy([publicRead], { propertyDependencies: { bucket: [restricting.urn] } })].map((r) =>
            r.type === t.NATIVE_S3_BUCKET_POLICY ? { ...r, props: { ...r.props, bucket: U.string } } : r))).toEqual([]);
    });

    it("reports what the classic bucket policy reports: an unpinned origin access control or SES, a public read the block lets through, CDK's wildcards", () => {
        const at = (sid: number, problem: string) => `${t.NATIVE_S3_BUCKET_POLICY} "AssetsBucketPolicy": policyDocument Statement[${sid}] ${problem}`;
        expect(verdict([bucket(), policy([oac(), enforceSsl])])).toEqual([at(0, UNPINNED_CLOUDFRONT)]);
        expect(verdict([bucket(), policy([{ Action: "s3:PutObject", Effect: "Allow", Principal: { Service: "ses.amazonaws.com" }, Resource: `${ARN}/*` }])]))
            .toEqual([at(0, UNPINNED_SES)]);
        // publicReadAccess with BlockPublicAccess.BLOCK_ACLS (the policy settings left out: off), and without any block (as a classic bucket without a BucketPublicAccessBlock).
        expect(verdict([bucket({ publicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true } }), policy([publicRead])])).toEqual([at(0, ANYONE)]);
        expect(verdict([bucket(), policy([publicRead])])).toEqual([at(0, ANYONE)]);
        // A policy given as a JSON string (aws-native written by hand) reads the same.
        expect(verdict([bucket(), resource(t.NATIVE_S3_BUCKET_POLICY, { bucket: NAME, policyDocument: JSON.stringify(doc(publicRead)) }, { name: "AssetsBucketPolicy" })]))
            .toEqual([at(0, ANYONE)]);
        // autoDeleteObjects grants its provider's role s3:GetBucket*, s3:List*, s3:DeleteObject*: CDK's grant wildcards, reported as
        // iam-no-wildcard-actions reports grantRead's, and accepted once listed in allowedActions.
        expect(verdict([bucket(), policy([autoDelete(PROVIDER_ROLE), enforceSsl])])).toEqual([at(0, WILDCARD('"s3:GetBucket*", "s3:List*", "s3:DeleteObject*"'))]);
        expect(verdict([bucket(), policy([autoDelete(PROVIDER_ROLE), enforceSsl])], ["s3:GetBucket*", "s3:List*", "s3:DeleteObject*"])).toEqual([]);
    });

    it("an aws-native access point: its own block is on unless turned off, then its bucket's inline block decides", () => {
        const point = (props: Record<string, unknown>) => resource(t.NATIVE_S3_ACCESS_POINT, {
            bucket: NAME, name: "partner-reads", policy: doc(allow("*", "s3:GetObject", { Resource: `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/partner-reads/object/*` })), ...props,
        }, { name: "PartnerReads" });
        expect(verdict([bucket(), point({})])).toEqual([]);
        expect(verdict([bucket(), point({ vpcConfiguration: { vpcId: "vpc-0a1b2c3d" }, publicAccessBlockConfiguration: { restrictPublicBuckets: false } })])).toEqual([]);
        expect(verdict([bucket({ publicAccessBlockConfiguration: { restrictPublicBuckets: true } }), point({ publicAccessBlockConfiguration: { restrictPublicBuckets: false } })])).toEqual([]);
        expect(verdict([bucket(), point({ publicAccessBlockConfiguration: { restrictPublicBuckets: false } })]))
            .toEqual([`${t.NATIVE_S3_ACCESS_POINT} "PartnerReads": policy Statement[0] ${ANYONE}`]);
    });
});

describe("findResourcePolicyWildcards (pure rule): aws-native resource policies other than S3's (CDK through pulumi-cdk, or aws-native written directly)", () => {
    // CloudFormation's names: policyDocument, repositoryPolicyText, resourcePolicy, fileSystemPolicy,
    // accessPolicy, accessPolicies, policy; documents are objects (CDK's PolicyDocument), or JSON strings.
    const RULE_ARN = `arn:aws:events:eu-west-1:${ACCOUNT}:rule/orders-created`;
    const FN_URL_NONE = { principal: "*", action: "lambda:InvokeFunctionUrl", functionName: "orders-fn", functionUrlAuthType: "NONE" };
    const at = (type: string, path: string, where: string, what: string) => `${type} "r": ${path} ${where} ${what}`;
    // [label, type, props, expected (short messages)]
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        // False alarms first: what CDK's grants and integrations write, and AWS's documented patterns.
        ["topic policy: S3 event notifications pinned to the bucket and account (S3 guide)", t.NATIVE_SNS_TOPIC_POLICY, {
            topics: [TOPIC], policyDocument: doc(allow({ Service: "s3.amazonaws.com" }, "SNS:Publish", {
                Resource: TOPIC, Condition: { ArnLike: { "aws:SourceArn": BUCKET }, StringEquals: { "aws:SourceAccount": ACCOUNT } } })),
        }, []],
        ["topic policy: CDK's SnsTopic target (topic.grantPublish to events.amazonaws.com, no condition)", t.NATIVE_SNS_TOPIC_POLICY,
            { topics: [TOPIC], policyDocument: doc(allow({ Service: "events.amazonaws.com" }, "sns:Publish", { Resource: TOPIC })) }, []],
        ["topic inline policy: the default statement pinned by AWS:SourceOwner", t.NATIVE_SNS_TOPIC_INLINE_POLICY, {
            topicArn: TOPIC, policyDocument: doc(allow({ AWS: "*" }, ["SNS:Publish", "SNS:Subscribe", "SNS:GetTopicAttributes"], {
                Resource: TOPIC, ...when("StringEquals", "AWS:SourceOwner", ACCOUNT) })),
        }, []],
        ["queue inline policy: CDK's SqsQueue target (events.amazonaws.com pinned by ArnEquals aws:SourceArn to the rule)", t.NATIVE_SQS_QUEUE_INLINE_POLICY, {
            queue: `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/orders`,
            policyDocument: doc(allow({ Service: "events.amazonaws.com" }, ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], {
                Resource: QUEUE, ...when("ArnEquals", "aws:SourceArn", RULE_ARN) })),
        }, []],
        ["repository: cross-account pull for an account root (grantPull(new AccountPrincipal(...)))", t.NATIVE_ECR_REPOSITORY,
            { repositoryPolicyText: doc(allow({ AWS: "arn:aws:iam::444455556666:root" }, ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"])) }, []],
        ["repository: Lambda of another account pulling, pinned by aws:sourceArn (Lambda's container image guide)", t.NATIVE_ECR_REPOSITORY, {
            repositoryPolicyText: doc(allow({ Service: "lambda.amazonaws.com" }, ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                when("StringLike", "aws:sourceArn", "arn:aws:lambda:eu-west-1:444455556666:function:*"))),
        }, []],
        ["repository without a policy", t.NATIVE_ECR_REPOSITORY, { repositoryName: "orders" }, []],
        ["secret: grantRead to another account's root, and CDK's denyAccountRootDelete", t.NATIVE_SECRETS_MANAGER_RESOURCE_POLICY, {
            secretId: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db-AbCdEf`,
            resourcePolicy: doc(allow({ AWS: "arn:aws:iam::444455556666:root" }, ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]),
                deny({ AWS: ROOT }, "secretsmanager:DeleteSecret")),
        }, []],
        ["file system: CDK's default policy (AnyPrincipal, ClientRootAccess and ClientWrite through a mount target)", t.NATIVE_EFS_FILE_SYSTEM, {
            encrypted: true, fileSystemPolicy: doc(allow({ AWS: "*" }, ["elasticfilesystem:ClientRootAccess", "elasticfilesystem:ClientWrite"],
                when("Bool", "elasticfilesystem:AccessedViaMountTarget", "true"))),
        }, []],
        ["file system without a policy", t.NATIVE_EFS_FILE_SYSTEM, { encrypted: true }, []],
        ["backup vault: CDK's blockRecoveryPointDeletion (a Deny to everyone)", t.NATIVE_BACKUP_VAULT,
            { accessPolicy: doc(deny({ AWS: "*" }, ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"])) }, []],
        ["backup vault: copies from the organization's accounts (Backup guide: Principal * pinned by aws:PrincipalOrgID)", t.NATIVE_BACKUP_VAULT,
            { accessPolicy: doc(allow("*", "backup:CopyIntoBackupVault", when("StringEquals", "aws:PrincipalOrgID", ORG))) }, []],
        ["logically air-gapped vault: copies from the organization's accounts, and CDK's Deny on deletion", t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT, {
            backupVaultName: "vault", minRetentionDays: 7, maxRetentionDays: 35,
            accessPolicy: doc(allow("*", "backup:CopyIntoBackupVault", when("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", [`${ORG}/r-ab12/ou-ab12-11111111/*`])),
                deny({ AWS: "*" }, ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"])),
        }, []],
        ["logically air-gapped vault without a policy, or with an unknown one", t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT,
            { backupVaultName: "vault", minRetentionDays: 7, maxRetentionDays: 35, accessPolicy: U.object }, []],
        ["domain: an open policy with fine-grained access control (AWS's recommendation)", t.NATIVE_OPENSEARCH_DOMAIN, {
            accessPolicies: doc(allow({ AWS: "*" }, ["es:ESHttpGet", "es:ESHttpPost", "es:ESHttpPut"])), advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: true },
        }, []],
        ["domain: an open policy in a VPC", t.NATIVE_OPENSEARCH_DOMAIN,
            { accessPolicies: doc(allow({ AWS: "*" }, "es:ESHttpGet")), vpcOptions: { subnetIds: ["subnet-0a1b2c3d"], securityGroupIds: ["sg-0a1b2c3d"] } }, []],
        ["REST API: a regional API's Invoke to anyone (the API's authorizers decide)", t.NATIVE_APIGATEWAY_REST_API,
            { endpointConfiguration: { types: ["REGIONAL"] }, policy: doc(allow({ AWS: "*" }, "execute-api:Invoke", { Resource: "execute-api:/*" })) }, []],
        ["REST API: a private API with AWS's Deny unless aws:SourceVpce (API Gateway guide)", t.NATIVE_APIGATEWAY_REST_API, {
            endpointConfiguration: { types: ["PRIVATE"] }, policy: doc(
                allow("*", "execute-api:Invoke", { Resource: "execute-api:/*" }),
                deny("*", "execute-api:Invoke", { Resource: "execute-api:/*", ...when("StringNotEquals", "aws:SourceVpce", "vpce-0a1b2c3d4e5f") })),
        }, []],
        ["event bus: the organization may put events (aws:PrincipalOrgID)", t.NATIVE_EVENTS_EVENT_BUS,
            { name: "orders", policy: doc(allow("*", "events:PutEvents", when("StringEquals", "aws:PrincipalOrgID", ORG))) }, []],
        ["permission: S3 pinned by sourceArn and sourceAccount (CDK's LambdaDestination)", t.NATIVE_LAMBDA_PERMISSION,
            { principal: "s3.amazonaws.com", action: "lambda:InvokeFunction", functionName: "orders-fn", sourceArn: BUCKET, sourceAccount: ACCOUNT }, []],
        ["permission: EventBridge pinned by the rule's ARN (CDK's LambdaFunction target)", t.NATIVE_LAMBDA_PERMISSION,
            { principal: "events.amazonaws.com", action: "lambda:InvokeFunction", functionName: "orders-fn", sourceArn: RULE_ARN }, []],
        ["permission: the organization (addPermission with an OrganizationPrincipal: principal * and principalOrgId)", t.NATIVE_LAMBDA_PERMISSION,
            { principal: "*", action: "lambda:InvokeFunction", functionName: "orders-fn", principalOrgId: ORG }, []],
        ["permission: a public function URL (addFunctionUrl({authType: NONE}))", t.NATIVE_LAMBDA_PERMISSION, FN_URL_NONE, []],
        ["permission: its InvokeFunction companion (invokedViaFunctionUrl)", t.NATIVE_LAMBDA_PERMISSION,
            { principal: "*", action: "lambda:InvokeFunction", functionName: "orders-fn", invokedViaFunctionUrl: true }, []],
        ["bus policy: another account by id (Principal, Action, StatementId)", t.NATIVE_EVENTS_EVENT_BUS_POLICY,
            { principal: "444455556666", action: "events:PutEvents", statementId: "partner", eventBusName: "orders" }, []],
        ["bus policy: everyone of the organization (Condition aws:PrincipalOrgID)", t.NATIVE_EVENTS_EVENT_BUS_POLICY, {
            principal: "*", action: "events:PutEvents", statementId: "org", condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: ORG },
        }, []],
        ["bus policy: a Statement for another account's root", t.NATIVE_EVENTS_EVENT_BUS_POLICY, {
            statementId: "partner", statement: allow({ AWS: "arn:aws:iam::444455556666:root" }, "events:PutEvents", { Resource: `arn:aws:events:eu-west-1:${ACCOUNT}:event-bus/orders` }),
        }, []],
        // Unknown at preview: never more than a known value would report.
        ["topic policy unknown", t.NATIVE_SNS_TOPIC_POLICY, { topics: [TOPIC], policyDocument: U.object }, []],
        ["queue inline policy with its source ARN unknown", t.NATIVE_SQS_QUEUE_INLINE_POLICY,
            { queue: U.string, policyDocument: doc(allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", when("ArnLike", "aws:SourceArn", U.string))) }, []],
        ["domain with its fine-grained access control unknown", t.NATIVE_OPENSEARCH_DOMAIN,
            { accessPolicies: doc(allow({ AWS: "*" }, "es:ESHttpGet")), advancedSecurityOptions: { enabled: U.boolean } }, []],
        ["REST API with its endpoint types unknown", t.NATIVE_APIGATEWAY_REST_API,
            { endpointConfiguration: { types: U.array }, policy: doc(allow({ AWS: "*" }, "execute-api:Invoke")) }, []],
        ["permission: principal unknown", t.NATIVE_LAMBDA_PERMISSION, { principal: U.string, action: "lambda:InvokeFunction", functionName: "orders-fn" }, []],
        ["permission: a service with its source ARN unknown", t.NATIVE_LAMBDA_PERMISSION,
            { principal: "s3.amazonaws.com", action: "lambda:InvokeFunction", functionName: "orders-fn", sourceArn: U.string }, []],
        ["bus policy: Statement unknown", t.NATIVE_EVENTS_EVENT_BUS_POLICY, { statementId: "s", statement: U.object }, []],
        ["bus policy: condition unknown", t.NATIVE_EVENTS_EVENT_BUS_POLICY, { principal: "*", action: "events:PutEvents", statementId: "s", condition: U.object }, []],

        // Violations, as the classic types' are.
        ["topic policy: S3 event notifications without a source pin", t.NATIVE_SNS_TOPIC_POLICY,
            { topics: [TOPIC], policyDocument: doc(allow({ Service: "s3.amazonaws.com" }, "SNS:Publish", { Resource: TOPIC })) },
            [at(t.NATIVE_SNS_TOPIC_POLICY, "policyDocument", "Statement[0]", UNPINNED_S3_EVENTS)]],
        ["topic inline policy: anyone may publish", t.NATIVE_SNS_TOPIC_INLINE_POLICY,
            { topicArn: TOPIC, policyDocument: doc(allow({ AWS: "*" }, "sns:Publish", { Resource: TOPIC })) },
            [at(t.NATIVE_SNS_TOPIC_INLINE_POLICY, "policyDocument", "Statement[0]", ANYONE)]],
        ["queue inline policy: anyone may send, as a JSON string", t.NATIVE_SQS_QUEUE_INLINE_POLICY,
            { queue: "orders", policyDocument: JSON.stringify(doc(allow("*", "sqs:SendMessage", { Sid: "Open", Resource: QUEUE }))) },
            [at(t.NATIVE_SQS_QUEUE_INLINE_POLICY, "policyDocument", 'statement "Open"', ANYONE)]],
        ["repository: public pull", t.NATIVE_ECR_REPOSITORY,
            { repositoryPolicyText: doc(allow("*", ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"])) },
            [at(t.NATIVE_ECR_REPOSITORY, "repositoryPolicyText", "Statement[0]", ANYONE)]],
        ["secret: secretsmanager:* to a role of another account", t.NATIVE_SECRETS_MANAGER_RESOURCE_POLICY,
            { secretId: "db", resourcePolicy: doc(allow({ AWS: "arn:aws:iam::444455556666:role/app" }, "secretsmanager:*")) },
            [at(t.NATIVE_SECRETS_MANAGER_RESOURCE_POLICY, "resourcePolicy", "Statement[0]", WILDCARD('"secretsmanager:*"'))]],
        ["file system: every action to anyone through a mount target", t.NATIVE_EFS_FILE_SYSTEM,
            { fileSystemPolicy: doc(allow({ AWS: "*" }, "*", when("Bool", "elasticfilesystem:AccessedViaMountTarget", "true"))) },
            [at(t.NATIVE_EFS_FILE_SYSTEM, "fileSystemPolicy", "Statement[0]", WILDCARD('"*"')), at(t.NATIVE_EFS_FILE_SYSTEM, "fileSystemPolicy", "Statement[0]", ANYONE)]],
        ["backup vault: copies from any account", t.NATIVE_BACKUP_VAULT, { accessPolicy: doc(allow("*", "backup:CopyIntoBackupVault")) },
            [at(t.NATIVE_BACKUP_VAULT, "accessPolicy", "Statement[0]", ANYONE)]],
        // A logically air-gapped vault's access policy (CloudFormation's AccessPolicy, as a vault's): Backup's guide
        // pins cross-account copies with aws:PrincipalOrgID; open, any account may copy into it.
        ["logically air-gapped vault: copies from any account", t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT,
            { backupVaultName: "vault", minRetentionDays: 7, maxRetentionDays: 35, accessPolicy: doc(allow("*", "backup:CopyIntoBackupVault")) },
            [at(t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT, "accessPolicy", "Statement[0]", ANYONE)]],
        ["logically air-gapped vault: backup:* to another account's role, as a JSON string", t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT,
            { backupVaultName: "vault", minRetentionDays: 7, maxRetentionDays: 35, accessPolicy: JSON.stringify(doc(allow({ AWS: "arn:aws:iam::444455556666:role/copier" }, "backup:*"))) },
            [at(t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT, "accessPolicy", "Statement[0]", WILDCARD('"backup:*"'))]],
        ["domain: es:* to anyone, public and without fine-grained access control", t.NATIVE_OPENSEARCH_DOMAIN,
            { accessPolicies: doc(allow({ AWS: "*" }, "es:*")), advancedSecurityOptions: { enabled: false } },
            [at(t.NATIVE_OPENSEARCH_DOMAIN, "accessPolicies", "Statement[0]", WILDCARD('"es:*"')), at(t.NATIVE_OPENSEARCH_DOMAIN, "accessPolicies", "Statement[0]", ANYONE)]],
        // The policy's documented choice: es:ESHttp* is a wildcard like any other, to accept in allowedActions.
        ["domain: es:ESHttp* to anyone with fine-grained access control (CDK's fineGrainedAccessControl policy)", t.NATIVE_OPENSEARCH_DOMAIN,
            { accessPolicies: doc(allow({ AWS: "*" }, "es:ESHttp*")), advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: true } },
            [at(t.NATIVE_OPENSEARCH_DOMAIN, "accessPolicies", "Statement[0]", WILDCARD('"es:ESHttp*"'))]],
        ["REST API: a private API's Invoke to anyone without a VPC endpoint pin", t.NATIVE_APIGATEWAY_REST_API,
            { endpointConfiguration: { types: ["PRIVATE"] }, policy: doc(allow("*", "execute-api:Invoke", { Resource: "execute-api:/*" })) },
            [at(t.NATIVE_APIGATEWAY_REST_API, "policy", "Statement[0]", ANYONE)]],
        ["event bus: anyone may put events", t.NATIVE_EVENTS_EVENT_BUS, { name: "orders", policy: doc(allow("*", "events:PutEvents")) },
            [at(t.NATIVE_EVENTS_EVENT_BUS, "policy", "Statement[0]", ANYONE)]],
        ["permission: principal * without a pin", t.NATIVE_LAMBDA_PERMISSION, { principal: "*", action: "lambda:InvokeFunction", functionName: "orders-fn" },
            [`${t.NATIVE_LAMBDA_PERMISSION} "r": principal is "*" without sourceAccount, sourceArn or principalOrgId, so any AWS account may invoke the function`]],
        ["permission: S3 without sourceArn or sourceAccount", t.NATIVE_LAMBDA_PERMISSION, { principal: "s3.amazonaws.com", action: "lambda:InvokeFunction", functionName: "orders-fn" },
            [`${t.NATIVE_LAMBDA_PERMISSION} "r": principal is the service principal "s3.amazonaws.com" without sourceArn or sourceAccount, so the service may invoke the function on behalf of resources in any account`]],
        ["permission: lambda:* for a role", t.NATIVE_LAMBDA_PERMISSION, { principal: ROLE, action: "lambda:*", functionName: "orders-fn" },
            [`${t.NATIVE_LAMBDA_PERMISSION} "r": action "lambda:*" is a wildcard`]],
        ["bus policy: principal * without a condition", t.NATIVE_EVENTS_EVENT_BUS_POLICY, { principal: "*", action: "events:PutEvents", statementId: "all" },
            [`${t.NATIVE_EVENTS_EVENT_BUS_POLICY} "r": principal is "*" without a condition on aws:PrincipalOrgID, so every AWS account may put events on the bus`]],
        ["bus policy: a Statement for anyone", t.NATIVE_EVENTS_EVENT_BUS_POLICY, { statementId: "all", statement: allow("*", "events:PutEvents", { Sid: "all" }) },
            [at(t.NATIVE_EVENTS_EVENT_BUS_POLICY, "statement", 'statement "all"', ANYONE)]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });

    it("a private API's finding names the VPC endpoint fix", () => {
        const [message] = check(t.NATIVE_APIGATEWAY_REST_API, { endpointConfiguration: { types: ["PRIVATE"] }, policy: doc(allow("*", "execute-api:Invoke")) });
        expect(message).toContain("A private API takes requests from the VPC endpoints of every AWS account");
    });
});

describe("findPublicGrants (stack part): aws-native bucket ACLs (accessControl), as pulumi-cdk sends a CDK bucket", () => {
    // CloudFormation's AWS::S3::Bucket has a canned `accessControl` only. aws-cdk's aws-s3 bucket.ts
    // writes `ownershipControls` ObjectWriter with any ACL but the owner's (ACLs are off on a new bucket
    // otherwise) and refuses BucketOwnerEnforced with one; BlockPublicAccess.BLOCK_ACLS sets
    // blockPublicAcls and ignorePublicAcls. Labels: the classic bucket ACL's verdicts (public groups
    // only; ignorePublicAcls of the bucket or its account restricts), and BucketOwnerEnforced turns
    // the inline ACL off (CloudFormation: any ACL but Private "will fail to deploy" without ACLs on).
    const writer = { ownershipControls: { rules: [{ objectOwnership: "ObjectWriter" }] } };
    const enforced = { ownershipControls: { rules: [{ objectOwnership: "BucketOwnerEnforced" }] } };
    const blockAcls = { publicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true } };
    const bucket = (props: Record<string, unknown>, name = "SiteBucket") => resource(t.NATIVE_S3_BUCKET, { bucketName: "sitebucket397a1860-1b2c3d", ...props }, { name });
    const reported = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => `${f.resource?.name}: ${f.message.replace(/\. .*$/s, "")}`);

    it.each([
        ["CDK's server access log bucket (LOG_DELIVERY_WRITE, ObjectWriter)", { accessControl: "LogDeliveryWrite", ...writer }],
        ["LogDeliveryWrite with CDK's BLOCK_ACLS", { accessControl: "LogDeliveryWrite", ...writer, ...blockAcls }],
        ["Private", { accessControl: "Private" }],
        ["BucketOwnerFullControl", { accessControl: "BucketOwnerFullControl", ...enforced }],
        ["AwsExecRead (EC2 reads AMI bundles)", { accessControl: "AwsExecRead", ...writer }],
        ["a PublicRead left from a template on a bucket whose ACLs are off (BucketOwnerEnforced)", { accessControl: "PublicRead", ...enforced }],
        ["PublicReadWrite with BucketOwnerEnforced and no block", { accessControl: "PublicReadWrite", ...enforced, publicAccessBlockConfiguration: {} }],
        ["PublicRead with CDK's BLOCK_ACLS (S3 ignores public ACLs)", { accessControl: "PublicRead", ...writer, ...blockAcls }],
        ["PublicRead with BLOCK_ALL", { accessControl: "PublicRead", ...writer,
            publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } }],
        // Unknown at preview (aws-native: built from another output): never more than a known value.
        ["the ACL unknown", { accessControl: U.string, ...writer }],
        ["the ownership controls unknown", { accessControl: "PublicRead", ownershipControls: U.object }],
        ["the ownership rules unknown", { accessControl: "PublicRead", ownershipControls: { rules: U.array } }],
        ["the object ownership unknown", { accessControl: "PublicRead", ownershipControls: { rules: [{ objectOwnership: U.string }] } }],
        ["the block unknown", { accessControl: "PublicRead", ...writer, publicAccessBlockConfiguration: U.object }],
        ["ignorePublicAcls unknown", { accessControl: "PublicRead", ...writer, publicAccessBlockConfiguration: { ignorePublicAcls: U.boolean } }],
    ])("passes %s", (_label, props) => {
        expect(reported(bucket(props))).toEqual([]);
    });

    it("passes a public ACL that its account's public access block (same provider) makes S3 ignore, as for a classic bucket", () => {
        const account = resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { blockPublicAcls: true, ignorePublicAcls: true }, { name: "account" });
        expect(reported(bucket({ accessControl: "PublicRead", ...writer }), account)).toEqual([]);
    });

    it("reports what the classic bucket ACL reports: CDK's PUBLIC_READ and the other public canned ACLs S3 honours", () => {
        const at = (acl: string, what: string) => `SiteBucket: ${t.NATIVE_S3_BUCKET} "SiteBucket": accessControl "${acl}" grants ${what}`;
        const everyone = "to everyone (AllUsers: anyone on the internet, unsigned requests included)";
        // CDK's accessControl: BucketAccessControl.PUBLIC_READ (with the ObjectWriter CDK adds), no block.
        expect(reported(bucket({ accessControl: "PublicRead", ...writer }))).toEqual([at("PublicRead", `READ ${everyone}`)]);
        // blockPublicAcls alone does not undo an ACL (the classic verdict: ignorePublicAcls does).
        expect(reported(bucket({ accessControl: "PublicReadWrite", ownershipControls: { rules: [{ objectOwnership: "BucketOwnerPreferred" }] },
            publicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: false } }))).toEqual([at("PublicReadWrite", `READ and WRITE ${everyone}`)]);
        expect(reported(bucket({ accessControl: "AuthenticatedRead", ...writer })))
            .toEqual([at("AuthenticatedRead", "READ to every AWS account (AuthenticatedUsers: any AWS identity, not only the owner's)")]);
        // No ownership controls: judged by the blocks alone, as a classic bucket's ACL without BucketOwnershipControls.
        expect(reported(bucket({ accessControl: "PublicRead" }))).toEqual([at("PublicRead", `READ ${everyone}`)]);
        // The classic provider's names are not CloudFormation's: only the aws-native names are read.
        expect(reported(bucket({ accessControl: "public-read", ...writer }))).toEqual([]);
    });

    it("says how to fix it in aws-native's and CDK's terms, and the resource part leaves the ACL to the stack part", () => {
        const [finding] = findPublicGrants([bucket({ accessControl: "PublicRead", ...writer })]);
        expect(finding.message).toContain('Drop `accessControl` (CDK\'s too) or set it to "Private"');
        expect(finding.message).toContain("CDK's BlockPublicAccess.BLOCK_ACLS or BLOCK_ALL");
        expect(findResourcePolicyWildcards(bucket({ accessControl: "PublicRead", ...writer }), { allowedActions: [] })).toEqual([]);
    });
});

describe("findResourcePolicyWildcards (pure rule): more aws-native resource policies (registry, logs, streams, tables, clusters, functions, layers, model groups, namespaces)", () => {
    // CloudFormation's names (tools/aws-native-inputs.json); documents are objects or JSON strings
    // (AWS::Logs::ResourcePolicy's and AWS::Logs::Destination's are strings). Labels: the classic
    // equivalent's verdict on the same document.
    const OTHER = "arn:aws:iam::444455556666:root";
    const LOG_GROUP = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/events/orders:*`;
    const STREAM = `arn:aws:kinesis:eu-west-1:${ACCOUNT}:stream/orders`;
    const CLUSTER = `arn:aws:kafka:eu-west-1:${ACCOUNT}:cluster/orders/5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d-2`;
    const FN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`;
    const INTEGRATION_SOURCE = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`;
    const at = (type: string, path: string, what: string) => `${type} "r": ${path} Statement[0] ${what}`;
    const zeroEtl = doc(allow({ Service: "redshift.amazonaws.com" }, "redshift:AuthorizeInboundIntegration", when("StringEquals", "aws:SourceArn", INTEGRATION_SOURCE)));
    // CDK's TableV2 (AWS::DynamoDB::GlobalTable): a replica per region, the stack's region's last, each with its own policy.
    const replica = (region: string, policyDocument?: unknown) => ({ region, ...(policyDocument === undefined ? {} : { resourcePolicy: { policyDocument } }) });
    const tableV2 = (...replicas: unknown[]) => ({ tableName: "orders", billingMode: "PAY_PER_REQUEST", keySchema: [{ attributeName: "pk", keyType: "HASH" }], replicas });
    // [label, type, props, expected (short messages)]
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        // False alarms first: AWS's documented patterns and CDK's grants.
        ["registry policy: cross-account replication to an account root (ECR's private registry permissions)", t.NATIVE_ECR_REGISTRY_POLICY,
            { policyText: doc(allow({ AWS: OTHER }, ["ecr:CreateRepository", "ecr:ReplicateImage"])) }, []],
        ["creation template: pull for the organization, as a JSON string", t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE,
            { prefix: "team-a", appliedFor: ["PULL_THROUGH_CACHE"], repositoryPolicy: JSON.stringify(doc(allow("*", ["ecr:BatchGetImage"], when("StringEquals", "aws:PrincipalOrgID", ORG)))) }, []],
        ["creation template without a policy", t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE, { prefix: "team-a", appliedFor: ["REPLICATION"] }, []],
        ["log resource policy: EventBridge and log delivery writing a log group (CDK's logs.ResourcePolicy for a LogGroup target), a JSON string", t.NATIVE_LOGS_RESOURCE_POLICY, {
            policyName: "events-to-logs",
            policyDocument: JSON.stringify(doc(allow({ Service: ["events.amazonaws.com", "delivery.logs.amazonaws.com"] }, ["logs:CreateLogStream", "logs:PutLogEvents"], { Resource: LOG_GROUP }))),
        }, []],
        ["log destination: another account's root may subscribe", t.NATIVE_LOGS_DESTINATION,
            { destinationName: "central", roleArn: ROLE, targetArn: STREAM, destinationPolicy: JSON.stringify(doc(allow({ AWS: "444455556666" }, "logs:PutSubscriptionFilter"))) }, []],
        ["log destination without a policy", t.NATIVE_LOGS_DESTINATION, { destinationName: "central", roleArn: ROLE, targetArn: STREAM }, []],
        ["delivery destination: another account's root may deliver", t.NATIVE_LOGS_DELIVERY_DESTINATION, {
            name: "central", destinationResourceArn: LOG_GROUP,
            deliveryDestinationPolicy: { deliveryDestinationName: "central", deliveryDestinationPolicy: doc(allow({ AWS: OTHER }, "logs:CreateDelivery")) },
        }, []],
        ["delivery destination without a policy", t.NATIVE_LOGS_DELIVERY_DESTINATION, { name: "central", destinationResourceArn: LOG_GROUP }, []],
        ["stream policy: another account's consumer role reads (Kinesis's cross-account guide)", t.NATIVE_KINESIS_RESOURCE_POLICY, {
            resourceArn: STREAM,
            resourcePolicy: doc(allow({ AWS: "arn:aws:iam::444455556666:role/consumer" }, ["kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"])),
        }, []],
        ["table without a resource policy (most tables)", t.NATIVE_DYNAMODB_TABLE, { tableName: "orders", billingMode: "PAY_PER_REQUEST" }, []],
        ["table: a role reads items", t.NATIVE_DYNAMODB_TABLE, { tableName: "orders", resourcePolicy: { policyDocument: doc(allow({ AWS: ROLE }, ["dynamodb:GetItem", "dynamodb:Query"])) } }, []],
        ["CDK TableV2 without a resource policy", t.NATIVE_DYNAMODB_GLOBAL_TABLE, tableV2(replica("us-west-2"), replica("eu-west-1")), []],
        ["TableV2: a role reads items through the stack region's replica", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            tableV2(replica("us-west-2"), replica("eu-west-1", doc(allow({ AWS: ROLE }, ["dynamodb:GetItem", "dynamodb:Query"])))), []],
        ["TableV2: another account's root reads a replica (DynamoDB's cross-account example)", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            tableV2(replica("us-west-2", doc(allow({ AWS: OTHER }, ["dynamodb:GetItem", "dynamodb:Query"]))), replica("eu-west-1")), []],
        ["TableV2: anyone in the organization reads a replica", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            tableV2(replica("eu-west-1", doc(allow("*", "dynamodb:GetItem", when("StringEquals", "aws:PrincipalOrgID", ORG))))), []],
        ["cluster policy: another account's root creates a multi-VPC connection (MSK's guide)", t.NATIVE_MSK_CLUSTER_POLICY, {
            clusterArn: CLUSTER, policy: doc(allow({ AWS: OTHER }, ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2"], { Resource: CLUSTER })),
        }, []],
        ["function policy: an Alexa skill invokes, pinned by its skill id (lambda:EventSourceToken)", t.NATIVE_LAMBDA_RESOURCE_POLICY, {
            resourceArn: FN, policyDocument: JSON.stringify(doc(allow({ Service: "alexa-appkit.amazon.com" }, "lambda:InvokeFunction",
                { Resource: FN, ...when("StringEquals", "lambda:EventSourceToken", "amzn1.ask.skill.12345678-1234-1234-1234-123456789012") }))),
        }, []],
        ["function policy: S3 invokes, pinned by aws:SourceArn and aws:SourceAccount", t.NATIVE_LAMBDA_RESOURCE_POLICY, {
            resourceArn: FN, policyDocument: doc(allow({ Service: "s3.amazonaws.com" }, "lambda:InvokeFunction",
                { Resource: FN, Condition: { ArnLike: { "aws:SourceArn": BUCKET }, StringEquals: { "aws:SourceAccount": ACCOUNT } } })),
        }, []],
        ["layer permission for the organization (principal * with organizationId)", t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION,
            { action: "lambda:GetLayerVersion", layerVersionArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:layer:shared:3`, principal: "*", organizationId: ORG }, []],
        ["layer permission for one account", t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION,
            { action: "lambda:GetLayerVersion", layerVersionArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:layer:shared:3`, principal: "444455556666" }, []],
        ["model package group without a policy", t.NATIVE_SAGEMAKER_MODEL_PACKAGE_GROUP, { modelPackageGroupName: "churn" }, []],
        ["model package group shared with another account", t.NATIVE_SAGEMAKER_MODEL_PACKAGE_GROUP,
            { modelPackageGroupName: "churn", modelPackageGroupPolicy: doc(allow({ AWS: OTHER }, ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"])) }, []],
        ["Redshift cluster without a namespace policy (most clusters)", t.NATIVE_REDSHIFT_CLUSTER, { clusterIdentifier: "warehouse", nodeType: "ra3.xlplus" }, []],
        ["Redshift cluster: a zero-ETL integration's policy (the service pinned to the source table)", t.NATIVE_REDSHIFT_CLUSTER,
            { clusterIdentifier: "warehouse", nodeType: "ra3.xlplus", namespaceResourcePolicy: zeroEtl }, []],
        ["Redshift Serverless namespace: the same integration policy", t.NATIVE_REDSHIFT_SERVERLESS_NAMESPACE, { namespaceName: "analytics", namespaceResourcePolicy: zeroEtl }, []],
        // Unknown at preview (built from another output): never more than a known value.
        ["registry policy unknown", t.NATIVE_ECR_REGISTRY_POLICY, { policyText: U.object }, []],
        ["table's resource policy block unknown", t.NATIVE_DYNAMODB_TABLE, { tableName: "orders", resourcePolicy: U.object }, []],
        ["table's policy document unknown", t.NATIVE_DYNAMODB_TABLE, { tableName: "orders", resourcePolicy: { policyDocument: U.object } }, []],
        ["global table's replicas unknown", t.NATIVE_DYNAMODB_GLOBAL_TABLE, { ...tableV2(), replicas: U.array }, []],
        ["a global table's replica unknown", t.NATIVE_DYNAMODB_GLOBAL_TABLE, tableV2(U.object, replica("eu-west-1")), []],
        ["a replica's resource policy block unknown", t.NATIVE_DYNAMODB_GLOBAL_TABLE, tableV2({ region: "eu-west-1", resourcePolicy: U.object }), []],
        ["a replica's policy document unknown", t.NATIVE_DYNAMODB_GLOBAL_TABLE, tableV2(replica("eu-west-1", U.object)), []],
        ["delivery destination's policy unknown", t.NATIVE_LOGS_DELIVERY_DESTINATION, { name: "central", deliveryDestinationPolicy: U.object }, []],
        ["function policy: the bucket's ARN unknown", t.NATIVE_LAMBDA_RESOURCE_POLICY, {
            resourceArn: FN, policyDocument: doc(allow({ Service: "s3.amazonaws.com" }, "lambda:InvokeFunction", when("ArnLike", "aws:SourceArn", U.string))),
        }, []],
        ["layer permission: the organization unknown", t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION,
            { action: "lambda:GetLayerVersion", layerVersionArn: U.string, principal: "*", organizationId: U.string }, []],
        ["layer permission: the principal unknown", t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION, { action: "lambda:GetLayerVersion", layerVersionArn: U.string, principal: U.string }, []],
        // Violations, as the classic types report them.
        ["registry policy open to anyone", t.NATIVE_ECR_REGISTRY_POLICY, { policyText: doc(allow("*", ["ecr:ReplicateImage"])) },
            [at(t.NATIVE_ECR_REGISTRY_POLICY, "policyText", ANYONE)]],
        ["log resource policy open to anyone", t.NATIVE_LOGS_RESOURCE_POLICY,
            { policyName: "open", policyDocument: JSON.stringify(doc(allow("*", ["logs:PutLogEvents"], { Resource: LOG_GROUP }))) }, [at(t.NATIVE_LOGS_RESOURCE_POLICY, "policyDocument", ANYONE)]],
        ["log destination open to anyone", t.NATIVE_LOGS_DESTINATION, { destinationName: "central", destinationPolicy: JSON.stringify(doc(allow({ AWS: "*" }, "logs:PutSubscriptionFilter"))) },
            [at(t.NATIVE_LOGS_DESTINATION, "destinationPolicy", ANYONE)]],
        ["delivery destination open to anyone", t.NATIVE_LOGS_DELIVERY_DESTINATION,
            { name: "central", deliveryDestinationPolicy: { deliveryDestinationPolicy: doc(allow("*", "logs:CreateDelivery")) } },
            [at(t.NATIVE_LOGS_DELIVERY_DESTINATION, "deliveryDestinationPolicy.deliveryDestinationPolicy", ANYONE)]],
        ["stream policy: kinesis:* to a role", t.NATIVE_KINESIS_RESOURCE_POLICY, { resourceArn: STREAM, resourcePolicy: doc(allow({ AWS: ROLE }, "kinesis:*")) },
            [at(t.NATIVE_KINESIS_RESOURCE_POLICY, "resourcePolicy", WILDCARD('"kinesis:*"'))]],
        ["table: dynamodb:* to a role", t.NATIVE_DYNAMODB_TABLE, { tableName: "orders", resourcePolicy: { policyDocument: doc(allow({ AWS: ROLE }, "dynamodb:*")) } },
            [at(t.NATIVE_DYNAMODB_TABLE, "resourcePolicy.policyDocument", WILDCARD('"dynamodb:*"'))]],
        ["global table: dynamodb:* to a role on the second replica", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            tableV2(replica("us-west-2"), replica("eu-west-1", doc(allow({ AWS: ROLE }, "dynamodb:*")))),
            [at(t.NATIVE_DYNAMODB_GLOBAL_TABLE, "replicas[1].resourcePolicy.policyDocument", WILDCARD('"dynamodb:*"'))]],
        ["global table: a replica open to anyone, as a JSON string, beside a replica unknown at preview", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            tableV2(replica("us-west-2", JSON.stringify(doc(allow("*", "dynamodb:GetItem")))), U.object),
            [at(t.NATIVE_DYNAMODB_GLOBAL_TABLE, "replicas[0].resourcePolicy.policyDocument", ANYONE)]],
        ["cluster policy open to anyone", t.NATIVE_MSK_CLUSTER_POLICY, { clusterArn: CLUSTER, policy: doc(allow("*", "kafka:CreateVpcConnection")) },
            [at(t.NATIVE_MSK_CLUSTER_POLICY, "policy", ANYONE)]],
        ["function policy: S3 invokes without a source pin", t.NATIVE_LAMBDA_RESOURCE_POLICY,
            { resourceArn: FN, policyDocument: doc(allow({ Service: "s3.amazonaws.com" }, "lambda:InvokeFunction", { Resource: FN })) },
            [at(t.NATIVE_LAMBDA_RESOURCE_POLICY, "policyDocument", "allows a service principal without a condition on aws:SourceArn or aws:SourceAccount, so the service may invoke the function on behalf of resources in any account")]],
        ["layer permission for every account", t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION,
            { action: "lambda:GetLayerVersion", layerVersionArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:layer:shared:3`, principal: "*" },
            [`${t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION} "r": principal is "*" without organizationId, so every AWS account may use this layer version`]],
        ["model package group open to anyone", t.NATIVE_SAGEMAKER_MODEL_PACKAGE_GROUP,
            { modelPackageGroupName: "churn", modelPackageGroupPolicy: doc(allow("*", "sagemaker:DescribeModelPackage")) }, [at(t.NATIVE_SAGEMAKER_MODEL_PACKAGE_GROUP, "modelPackageGroupPolicy", ANYONE)]],
        ["Redshift cluster: integrations authorized for anyone", t.NATIVE_REDSHIFT_CLUSTER,
            { clusterIdentifier: "warehouse", namespaceResourcePolicy: doc(allow("*", "redshift:AuthorizeInboundIntegration")) }, [at(t.NATIVE_REDSHIFT_CLUSTER, "namespaceResourcePolicy", ANYONE)]],
        ["Redshift Serverless namespace: redshift:* to a role", t.NATIVE_REDSHIFT_SERVERLESS_NAMESPACE,
            { namespaceName: "analytics", namespaceResourcePolicy: doc(allow({ AWS: ROLE }, "redshift:*")) }, [at(t.NATIVE_REDSHIFT_SERVERLESS_NAMESPACE, "namespaceResourcePolicy", WILDCARD('"redshift:*"'))]],
        ["creation template open to anyone", t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE, { prefix: "team-a", repositoryPolicy: JSON.stringify(doc(allow("*", "ecr:BatchGetImage"))) },
            [at(t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE, "repositoryPolicy", ANYONE)]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });
});

describe("findResourcePolicyWildcards (pure rule): DynamoDB stream resource policies", () => {
    // A stream's own resource-based policy (DynamoDB's "Resource-based policy for a stream" example): only the
    // stream read actions, DescribeStream, GetRecords and GetShardIterator, typically for another account's
    // Lambda trigger. Judged with the table policies' rules.
    const STREAM_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders/stream/2024-02-12T18:57:26.492`;
    const READS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];
    const TRIGGER = "arn:aws:iam::444455556666:role/orders-trigger";
    const at = (type: string, path: string, what: string) => `${type} "r": ${path} Statement[0] ${what}`;
    const table = (resourcePolicy?: unknown) =>
        ({ tableName: "orders", billingMode: "PAY_PER_REQUEST", streamSpecification: { streamViewType: "NEW_AND_OLD_IMAGES", ...(resourcePolicy === undefined ? {} : { resourcePolicy }) } });
    const streamReplica = (region: string, replicaStreamSpecification?: unknown) => ({ region, ...(replicaStreamSpecification === undefined ? {} : { replicaStreamSpecification }) });
    const globalTable = (...replicas: unknown[]) =>
        ({ tableName: "orders", billingMode: "PAY_PER_REQUEST", streamSpecification: { streamViewType: "NEW_AND_OLD_IMAGES" }, replicas });
    const TABLE_STREAM = "streamSpecification.resourcePolicy.policyDocument";
    // [label, type, props, expected (short messages)]
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        // False alarms first.
        ["table: a stream without a policy (most streams)", t.NATIVE_DYNAMODB_TABLE, table(), []],
        ["table: another account's Lambda trigger role reads the stream", t.NATIVE_DYNAMODB_TABLE, table({ policyDocument: doc(allow({ AWS: TRIGGER }, READS, { Resource: STREAM_ARN })) }), []],
        ["table: anyone in the organization reads the stream", t.NATIVE_DYNAMODB_TABLE,
            table({ policyDocument: doc(allow("*", READS, { Resource: STREAM_ARN, ...when("StringEquals", "aws:PrincipalOrgID", ORG) })) }), []],
        ["global table: a replica's stream read by another account's trigger role, as a JSON string", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            globalTable(streamReplica("us-west-2"), streamReplica("eu-west-1", { resourcePolicy: { policyDocument: JSON.stringify(doc(allow({ AWS: TRIGGER }, READS))) } })), []],
        ["global table: a replica's stream for the organization", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            globalTable(streamReplica("eu-west-1", { resourcePolicy: { policyDocument: doc(allow("*", READS, when("StringEquals", "aws:PrincipalOrgID", ORG))) } })), []],
        ["classic ResourcePolicy on a stream ARN: another account's trigger role reads", t.DYNAMODB_RESOURCE_POLICY,
            { resourceArn: STREAM_ARN, policy: JSON.stringify(doc(allow({ AWS: TRIGGER }, READS, { Resource: STREAM_ARN }))) }, []],
        // Unknown at preview: never more than a known value.
        ["table: the stream specification unknown", t.NATIVE_DYNAMODB_TABLE, { tableName: "orders", streamSpecification: U.object }, []],
        ["table: the stream's policy block unknown", t.NATIVE_DYNAMODB_TABLE, table(U.object), []],
        ["table: the stream's policy document unknown", t.NATIVE_DYNAMODB_TABLE, table({ policyDocument: U.object }), []],
        ["global table: a replica's stream specification unknown", t.NATIVE_DYNAMODB_GLOBAL_TABLE, globalTable(streamReplica("eu-west-1", U.object)), []],
        ["global table: a replica's stream policy document unknown", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            globalTable(streamReplica("eu-west-1", { resourcePolicy: { policyDocument: U.object } })), []],
        ["classic ResourcePolicy: the stream ARN unknown, the policy known and named", t.DYNAMODB_RESOURCE_POLICY,
            { resourceArn: U.string, policy: JSON.stringify(doc(allow({ AWS: TRIGGER }, READS))) }, []],
        // Violations.
        ["table: the stream open to anyone", t.NATIVE_DYNAMODB_TABLE, table({ policyDocument: doc(allow("*", READS, { Resource: STREAM_ARN })) }),
            [at(t.NATIVE_DYNAMODB_TABLE, TABLE_STREAM, ANYONE)]],
        ["table: dynamodb:* on the stream to a role", t.NATIVE_DYNAMODB_TABLE, table({ policyDocument: doc(allow({ AWS: TRIGGER }, "dynamodb:*")) }),
            [at(t.NATIVE_DYNAMODB_TABLE, TABLE_STREAM, WILDCARD('"dynamodb:*"'))]],
        ["table: the table's policy and the stream's both too wide, each reported", t.NATIVE_DYNAMODB_TABLE,
            { ...table({ policyDocument: doc(allow("*", READS)) }), resourcePolicy: { policyDocument: doc(allow({ AWS: ROLE }, "dynamodb:*")) } },
            [at(t.NATIVE_DYNAMODB_TABLE, "resourcePolicy.policyDocument", WILDCARD('"dynamodb:*"')), at(t.NATIVE_DYNAMODB_TABLE, TABLE_STREAM, ANYONE)]],
        ["global table: the second replica's stream open to anyone, beside a replica unknown at preview", t.NATIVE_DYNAMODB_GLOBAL_TABLE,
            globalTable(U.object, streamReplica("eu-west-1", { resourcePolicy: { policyDocument: JSON.stringify(doc(allow({ AWS: "*" }, READS))) } })),
            [at(t.NATIVE_DYNAMODB_GLOBAL_TABLE, "replicas[1].replicaStreamSpecification.resourcePolicy.policyDocument", ANYONE)]],
        ["classic ResourcePolicy on a stream ARN open to anyone", t.DYNAMODB_RESOURCE_POLICY,
            { resourceArn: STREAM_ARN, policy: JSON.stringify(doc(allow("*", READS, { Resource: STREAM_ARN }))) }, [at(t.DYNAMODB_RESOURCE_POLICY, "policy", ANYONE)]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });
});

describe("findPublicGrants (stack part): aws-native Multi-Region Access Point policies", () => {
    // CloudFormation's AWS::S3::MultiRegionAccessPointPolicy names its access point by `mrapName`; the
    // access point (AWS::S3::MultiRegionAccessPoint) holds `name`, `publicAccessBlockConfiguration`
    // (all on unless turned off, as the classic `details.publicAccessBlock`) and `regions[].bucket`.
    // Labels: the classic Multi-Region Access Point policy's verdicts.
    const MRAP_ARN = `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap`;
    const open = doc(allow("*", "s3:GetObject", { Resource: `${MRAP_ARN}/object/*` }));
    const OFF = { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: false };
    const point = (props: Record<string, unknown> = {}) =>
        resource(t.NATIVE_S3_MULTI_REGION_ACCESS_POINT, { name: "orders", regions: [{ bucket: "orders-eu" }, { bucket: "orders-us" }], ...props }, { name: "OrdersMrap" });
    const policy = (props: Record<string, unknown> = {}, options = {}) =>
        resource(t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY, { mrapName: "orders", policy: open, ...props }, { name: "OrdersMrapPolicy", ...options });
    const bucket = (name: string, block: Record<string, unknown>) => resource(t.NATIVE_S3_BUCKET, { bucketName: name, publicAccessBlockConfiguration: block }, { name });
    const reported = (...resources: PlainResource[]) => [
        ...resources.flatMap((r) => findResourcePolicyWildcards(r, { allowedActions: [] })), ...findPublicGrants(resources),
    ].map((f) => f.message.replace(/\. .*$/s, ""));
    const ANYONE_AT = `${t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY} "OrdersMrapPolicy": policy Statement[0] ${ANYONE}`;

    it("passes what the access point's own block (on unless turned off), its account's or every region's bucket restricts", () => {
        expect(reported(point(), policy())).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: { blockPublicPolicy: false } }), policy())).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: OFF }), policy(), resource(t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, { restrictPublicBuckets: true }, { name: "account" }))).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: OFF }), policy(),
            bucket("orders-eu", { restrictPublicBuckets: true }), bucket("orders-us", { restrictPublicBuckets: true }))).toEqual([]);
        // An origin access control pinned to the distribution (CloudFront's guide).
        expect(reported(point({ publicAccessBlockConfiguration: OFF }), policy({ policy: doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject",
            when("StringEquals", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`))) }))).toEqual([]);
    });

    it("passes what is not known yet at preview", () => {
        expect(reported(point({ publicAccessBlockConfiguration: { restrictPublicBuckets: U.boolean } }), policy())).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: U.object }), policy())).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: OFF, regions: U.array }), policy())).toEqual([]);
        const restricting = point();
        expect(reported(restricting, policy({ mrapName: U.string }, { propertyDependencies: { mrapName: [restricting.urn] } }))).toEqual([]);
        expect(reported(point({ publicAccessBlockConfiguration: OFF }), policy({ policy: U.object }))).toEqual([]);
    });

    it("reports what the classic policy reports: a block turned off, an access point outside the stack, an unpinned origin access control", () => {
        expect(reported(point({ publicAccessBlockConfiguration: OFF }), policy())).toEqual([ANYONE_AT]);
        expect(reported(point({ publicAccessBlockConfiguration: OFF }), policy(), bucket("orders-eu", { restrictPublicBuckets: true }))).toEqual([ANYONE_AT]);
        expect(reported(policy())).toEqual([ANYONE_AT]);
        expect(reported(point(), policy({ mrapName: "returns" }))).toEqual([ANYONE_AT]);
        const fresh = point({ publicAccessBlockConfiguration: OFF });
        expect(reported(fresh, policy({ mrapName: U.string }, { propertyDependencies: { mrapName: [fresh.urn] } }))).toEqual([ANYONE_AT]);
        expect(reported(point(), policy({ policy: doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject")) })))
            .toEqual([`${t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY} "OrdersMrapPolicy": policy Statement[0] ${UNPINNED_CLOUDFRONT}`]);
        const [finding] = findPublicGrants([policy()]);
        expect(finding.message).toContain("(The Multi-Region Access Point's own public access block, on unless turned off, or its account's with restrictPublicBuckets");
    });
});

describe("findResourcePolicyWildcards (pure rule): CodeArtifact, CloudWatch OAM, VPC Lattice, S3 Tables and S3 Express policies, classic and aws-native", () => {
    // Held-out replay: documents as public programs and AWS's guides write them, labelled from the
    // source before running (the classic carriers' verdicts for aws-native's CloudFormation names).
    const OTHER = "444455556666";
    const DOMAIN = `arn:aws:codeartifact:eu-west-1:${ACCOUNT}:domain/packages`;
    const SINK = `arn:aws:oam:eu-west-1:${ACCOUNT}:sink/a1b2c3d4-5678-90ab-cdef-example12345`;
    const LATTICE_SERVICE = `arn:aws:vpc-lattice:eu-west-1:${ACCOUNT}:service/svc-0285b53b2eEXAMPLE`;
    const LATTICE_NETWORK = `arn:aws:vpc-lattice:eu-west-1:${ACCOUNT}:servicenetwork/sn-0158f91c1eEXAMPLE`;
    const TABLE_BUCKET = `arn:aws:s3tables:eu-west-1:${ACCOUNT}:bucket/analytics`;
    const DIRECTORY_BUCKET = "orders--euw1-az1--x-s3";
    const DIRECTORY_BUCKET_ARN = `arn:aws:s3express:eu-west-1:${ACCOUNT}:bucket/${DIRECTORY_BUCKET}`;
    const RESOURCE_TYPES = { "ForAllValues:StringEquals": { "oam:ResourceTypes": ["AWS::Logs::LogGroup", "AWS::CloudWatch::Metric", "AWS::XRay::Trace", "AWS::ApplicationInsights::Application"] } };
    const LINK = ["oam:CreateLink", "oam:UpdateLink"];
    // AWS's CodeArtifact guide, "Repository policies": read access for another account's principals.
    const READ_PACKAGES = ["codeartifact:DescribePackageVersion", "codeartifact:DescribeRepository", "codeartifact:GetPackageVersionReadme",
        "codeartifact:GetRepositoryEndpoint", "codeartifact:ListPackages", "codeartifact:ListPackageVersions", "codeartifact:ListPackageVersionAssets",
        "codeartifact:ListPackageVersionDependencies", "codeartifact:ReadFromRepository"];
    const at = (type: string, path: string, what: string) => `${type} "r": ${path} Statement[0] ${what}`;
    // [label, type, props, expected (short messages)]
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        // CodeArtifact.
        ["domain: AWS CLI's BasicDomainPolicy, to an account root", t.CODEARTIFACT_DOMAIN_PERMISSIONS, { domain: "packages", policyDocument: JSON.stringify(doc(allow({ AWS: ROOT },
            ["codeartifact:GetDomainPermissionsPolicy", "codeartifact:ListRepositoriesInDomain", "codeartifact:GetAuthorizationToken", "codeartifact:CreateRepository"], { Resource: DOMAIN }))) }, []],
        ["domain: tokens and reads for the organization (Principal * pinned by aws:PrincipalOrgID)", t.CODEARTIFACT_DOMAIN_PERMISSIONS, { domain: "packages", policyDocument: JSON.stringify(doc(allow("*",
            ["codeartifact:GetAuthorizationToken", "codeartifact:GetRepositoryEndpoint", "codeartifact:ReadFromRepository"], { Resource: "*", ...when("StringEquals", "aws:PrincipalOrgID", ORG) }))) }, []],
        ["repository: another account's role reads packages (AWS's guide)", t.CODEARTIFACT_REPOSITORY_PERMISSIONS_POLICY, { domain: "packages", repository: "npm-store",
            policyDocument: JSON.stringify(doc(allow({ AWS: `arn:aws:iam::${OTHER}:role/ci` }, READ_PACKAGES))) }, []],
        ["domain permissions unknown at preview", t.CODEARTIFACT_DOMAIN_PERMISSIONS, { domain: "packages", policyDocument: U.string }, []],
        ["domain: the provider's and Terraform's example, CreateRepository for anyone", t.CODEARTIFACT_DOMAIN_PERMISSIONS, { domain: "packages",
            policyDocument: JSON.stringify(doc(allow("*", "codeartifact:CreateRepository", { Resource: DOMAIN }))) }, [at(t.CODEARTIFACT_DOMAIN_PERMISSIONS, "policyDocument", ANYONE)]],
        ["repository: codeartifact:* to a role", t.CODEARTIFACT_REPOSITORY_PERMISSIONS_POLICY, { domain: "packages", repository: "npm-store",
            policyDocument: JSON.stringify(doc(allow({ AWS: ROLE }, "codeartifact:*"))) }, [at(t.CODEARTIFACT_REPOSITORY_PERMISSIONS_POLICY, "policyDocument", WILDCARD('"codeartifact:*"'))]],
        ["aws-native domain: the organization's tokens", t.NATIVE_CODEARTIFACT_DOMAIN, { domainName: "packages",
            permissionsPolicyDocument: doc(allow("*", ["codeartifact:GetAuthorizationToken", "codeartifact:ReadFromRepository"], when("StringEquals", "aws:PrincipalOrgID", ORG))) }, []],
        ["aws-native domain without a policy (most domains)", t.NATIVE_CODEARTIFACT_DOMAIN, { domainName: "packages" }, []],
        ["aws-native repository: another account's role reads", t.NATIVE_CODEARTIFACT_REPOSITORY, { domainName: "packages", repositoryName: "npm-store",
            permissionsPolicyDocument: doc(allow({ AWS: `arn:aws:iam::${OTHER}:role/ci` }, READ_PACKAGES)) }, []],
        ["aws-native repository without a policy, with an upstream", t.NATIVE_CODEARTIFACT_REPOSITORY, { domainName: "packages", repositoryName: "npm-store", externalConnections: ["public:npmjs"] }, []],
        ["aws-native repository: the policy unknown", t.NATIVE_CODEARTIFACT_REPOSITORY, { domainName: "packages", repositoryName: "npm-store", permissionsPolicyDocument: U.object }, []],
        ["aws-native domain: CreateRepository for anyone", t.NATIVE_CODEARTIFACT_DOMAIN, { domainName: "packages",
            permissionsPolicyDocument: doc(allow("*", "codeartifact:CreateRepository")) }, [at(t.NATIVE_CODEARTIFACT_DOMAIN, "permissionsPolicyDocument", ANYONE)]],
        ["aws-native repository: ReadFromRepository for anyone, as a JSON string", t.NATIVE_CODEARTIFACT_REPOSITORY, { domainName: "packages", repositoryName: "npm-store",
            permissionsPolicyDocument: JSON.stringify(doc(allow({ AWS: "*" }, "codeartifact:ReadFromRepository"))) }, [at(t.NATIVE_CODEARTIFACT_REPOSITORY, "permissionsPolicyDocument", ANYONE)]],
        ["aws-native repository: codeartifact:* to a role", t.NATIVE_CODEARTIFACT_REPOSITORY, { domainName: "packages", repositoryName: "npm-store",
            permissionsPolicyDocument: doc(allow({ AWS: ROLE }, "codeartifact:*")) }, [at(t.NATIVE_CODEARTIFACT_REPOSITORY, "permissionsPolicyDocument", WILDCARD('"codeartifact:*"'))]],
        // CloudWatch Observability Access Manager.
        ["sink policy: AWS CLI's put-sink-policy, a source account's root", t.OAM_SINK_POLICY, { sinkIdentifier: SINK,
            policy: JSON.stringify(doc(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, LINK, { Condition: RESOURCE_TYPES }))) }, []],
        ["sink policy: source accounts by id (Munaf9989/AWS_Test2)", t.OAM_SINK_POLICY, { sinkIdentifier: SINK,
            policy: JSON.stringify(doc(allow({ AWS: [OTHER, "777788889999"] }, LINK, { Condition: RESOURCE_TYPES }))) }, []],
        ["sink policy: Principal * pinned to the organization's OUs (UKHomeOffice's ForAnyValue:StringLike aws:PrincipalOrgPaths)", t.OAM_SINK_POLICY, { sinkIdentifier: SINK,
            policy: JSON.stringify(doc(allow("*", LINK, { Condition: { ...RESOURCE_TYPES, "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": `${ORG}/*/ou-ab12-cdefgh34/*` },
                StringNotEqualsIfExists: { "aws:PrincipalTag/OAMOptOut": "true" } } }))) }, []],
        ["sink policy: Principal * with resource types only", t.OAM_SINK_POLICY, { sinkIdentifier: SINK,
            policy: JSON.stringify(doc(allow("*", LINK, { Condition: RESOURCE_TYPES }))) }, [at(t.OAM_SINK_POLICY, "policy", ANYONE)]],
        ["aws-native sink: every account of the organization (awscc's and CloudFormation's example)", t.NATIVE_OAM_SINK, { name: "central",
            policy: doc(allow("*", LINK, { Condition: { ...RESOURCE_TYPES, "ForAnyValue:StringEquals": { "aws:PrincipalOrgID": [ORG] } } })) }, []],
        ["aws-native sink without a policy", t.NATIVE_OAM_SINK, { name: "central" }, []],
        ["aws-native sink: the organization unknown", t.NATIVE_OAM_SINK, { name: "central", policy: doc(allow("*", LINK, when("StringEquals", "aws:PrincipalOrgID", U.string))) }, []],
        ["aws-native sink: Principal {AWS: *} with resource types only", t.NATIVE_OAM_SINK, { name: "central",
            policy: doc(allow({ AWS: "*" }, LINK, { Condition: RESOURCE_TYPES })) }, [at(t.NATIVE_OAM_SINK, "policy", ANYONE)]],
        // VPC Lattice.
        ["auth policy: the organization's principals invoke (AWS's auth policy examples)", t.VPCLATTICE_AUTH_POLICY, { resourceIdentifier: LATTICE_SERVICE,
            policy: JSON.stringify(doc(allow("*", "vpc-lattice-svcs:Invoke", when("StringEquals", "aws:PrincipalOrgID", ORG)))) }, []],
        ["auth policy: a role invokes (AWS CLI's put-auth-policy)", t.VPCLATTICE_AUTH_POLICY, { resourceIdentifier: LATTICE_SERVICE,
            policy: JSON.stringify(doc(allow({ AWS: ROLE }, "vpc-lattice-svcs:Invoke"))) }, []],
        ["auth policy: {AWS: *} invokes on the service network (alchemy's example)", t.VPCLATTICE_AUTH_POLICY, { resourceIdentifier: LATTICE_NETWORK,
            policy: JSON.stringify(doc(allow({ AWS: "*" }, ["vpc-lattice-svcs:Invoke"]))) }, []],
        ["auth policy: the provider's example, Action * for authenticated callers", t.VPCLATTICE_AUTH_POLICY, { resourceIdentifier: LATTICE_SERVICE,
            policy: JSON.stringify(doc(allow("*", "*", when("StringNotEqualsIgnoreCase", "aws:PrincipalType", "anonymous")))) },
            [at(t.VPCLATTICE_AUTH_POLICY, "policy", WILDCARD('"*"')), at(t.VPCLATTICE_AUTH_POLICY, "policy", ANYONE)]],
        ["resource policy: another account's root associates its VPCs (pike)", t.VPCLATTICE_RESOURCE_POLICY, { resourceArn: LATTICE_NETWORK,
            policy: JSON.stringify(doc(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, ["vpc-lattice:CreateServiceNetworkVpcAssociation", "vpc-lattice:CreateServiceNetworkServiceAssociation", "vpc-lattice:GetServiceNetwork"]))) }, []],
        ["resource policy: anyone associates VPCs", t.VPCLATTICE_RESOURCE_POLICY, { resourceArn: LATTICE_NETWORK,
            policy: JSON.stringify(doc(allow("*", "vpc-lattice:CreateServiceNetworkVpcAssociation"))) }, [at(t.VPCLATTICE_RESOURCE_POLICY, "policy", ANYONE)]],
        ["aws-native auth policy: authenticated callers invoke", t.NATIVE_VPCLATTICE_AUTH_POLICY, { resourceIdentifier: LATTICE_SERVICE,
            policy: doc(allow("*", "vpc-lattice-svcs:Invoke", when("StringNotEqualsIgnoreCase", "aws:PrincipalType", "anonymous"))) }, []],
        ["aws-native auth policy: the organization invokes", t.NATIVE_VPCLATTICE_AUTH_POLICY, { resourceIdentifier: LATTICE_SERVICE,
            policy: doc(allow("*", "vpc-lattice-svcs:Invoke", when("StringEquals", "aws:PrincipalOrgID", ORG))) }, []],
        ["aws-native auth policy unknown", t.NATIVE_VPCLATTICE_AUTH_POLICY, { resourceIdentifier: LATTICE_SERVICE, policy: U.object }, []],
        ["aws-native auth policy: Action * for authenticated callers", t.NATIVE_VPCLATTICE_AUTH_POLICY, { resourceIdentifier: LATTICE_SERVICE,
            policy: doc(allow("*", "*", when("StringNotEqualsIgnoreCase", "aws:PrincipalType", "anonymous"))) },
            [at(t.NATIVE_VPCLATTICE_AUTH_POLICY, "policy", WILDCARD('"*"')), at(t.NATIVE_VPCLATTICE_AUTH_POLICY, "policy", ANYONE)]],
        ["aws-native resource policy: another account's root", t.NATIVE_VPCLATTICE_RESOURCE_POLICY, { resourceArn: LATTICE_NETWORK,
            policy: doc(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, ["vpc-lattice:CreateServiceNetworkVpcAssociation", "vpc-lattice:GetServiceNetwork"])) }, []],
        ["aws-native resource policy: anyone associates VPCs", t.NATIVE_VPCLATTICE_RESOURCE_POLICY, { resourceArn: LATTICE_NETWORK,
            policy: doc(allow("*", "vpc-lattice:CreateServiceNetworkVpcAssociation")) }, [at(t.NATIVE_VPCLATTICE_RESOURCE_POLICY, "policy", ANYONE)]],
        // S3 Tables (AWS: table buckets and tables are private and can't be made public).
        ["table bucket policy: s3tables:* to the account (Terraform's test)", t.S3TABLES_TABLE_BUCKET_POLICY, { tableBucketArn: TABLE_BUCKET,
            resourcePolicy: JSON.stringify(doc(allow({ AWS: ACCOUNT }, "s3tables:*", { Resource: `${TABLE_BUCKET}/*` }))) }, []],
        ["aws-native table bucket policy: a role reads tables", t.NATIVE_S3TABLES_TABLE_BUCKET_POLICY, { tableBucketArn: TABLE_BUCKET,
            resourcePolicy: doc(allow({ AWS: ROLE }, ["s3tables:GetTableData", "s3tables:GetTableMetadataLocation"], { Resource: `${TABLE_BUCKET}/table/*` })) }, []],
        ["aws-native table bucket policy: Principal * (the bucket cannot be made public)", t.NATIVE_S3TABLES_TABLE_BUCKET_POLICY, { tableBucketArn: TABLE_BUCKET,
            resourcePolicy: doc(allow("*", "s3tables:GetTableData", { Resource: `${TABLE_BUCKET}/table/*` })) }, []],
        ["aws-native table policy: a role reads the table", t.NATIVE_S3TABLES_TABLE_POLICY, { tableArn: `${TABLE_BUCKET}/table/orders`,
            resourcePolicy: doc(allow({ AWS: ROLE }, "s3tables:GetTableData")) }, []],
        ["aws-native table policy unknown", t.NATIVE_S3TABLES_TABLE_POLICY, { tableArn: U.string, resourcePolicy: U.object }, []],
        ["aws-native table bucket policy: s3tables:* to a role", t.NATIVE_S3TABLES_TABLE_BUCKET_POLICY, { tableBucketArn: TABLE_BUCKET,
            resourcePolicy: doc(allow({ AWS: ROLE }, "s3tables:*")) }, [at(t.NATIVE_S3TABLES_TABLE_BUCKET_POLICY, "resourcePolicy", WILDCARD('"s3tables:*"'))]],
        ["aws-native table policy: s3tables:* to a role, as a JSON string", t.NATIVE_S3TABLES_TABLE_POLICY, { tableArn: `${TABLE_BUCKET}/table/orders`,
            resourcePolicy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3tables:*"))) }, [at(t.NATIVE_S3TABLES_TABLE_POLICY, "resourcePolicy", WILDCARD('"s3tables:*"'))]],
        // S3 Express One Zone directory buckets (AWS's "Example bucket policies for directory buckets").
        ["directory bucket policy (classic BucketPolicy): CreateSession for an account", t.S3_BUCKET_POLICY, { bucket: DIRECTORY_BUCKET,
            policy: JSON.stringify(doc(allow({ AWS: [ACCOUNT] }, ["s3express:CreateSession"], { Sid: "ReadWriteAccess", Resource: DIRECTORY_BUCKET_ARN }))) }, []],
        ["aws-native directory bucket policy: a read-only session for the account root (awscc's example)", t.NATIVE_S3EXPRESS_BUCKET_POLICY, { bucket: DIRECTORY_BUCKET,
            policyDocument: doc(allow({ AWS: ROOT }, "s3express:CreateSession", { Resource: DIRECTORY_BUCKET_ARN, ...when("StringEquals", "s3express:SessionMode", "ReadOnly") })) }, []],
        ["aws-native directory bucket policy: another account's CreateSession", t.NATIVE_S3EXPRESS_BUCKET_POLICY, { bucket: DIRECTORY_BUCKET,
            policyDocument: doc(allow({ AWS: OTHER }, ["s3express:CreateSession"], { Resource: DIRECTORY_BUCKET_ARN })) }, []],
        ["aws-native directory bucket policy unknown", t.NATIVE_S3EXPRESS_BUCKET_POLICY, { bucket: DIRECTORY_BUCKET, policyDocument: U.object }, []],
        // A directory bucket's public access block is always on and cannot be changed (S3's user guide), so S3
        // refuses a policy open to anyone there, as on S3 Tables: not reported as open; its wildcard actions still are.
        ["aws-native directory bucket policy: CreateSession to anyone (the block is always on)", t.NATIVE_S3EXPRESS_BUCKET_POLICY, { bucket: DIRECTORY_BUCKET,
            policyDocument: doc(allow("*", "s3express:CreateSession", { Resource: DIRECTORY_BUCKET_ARN })) }, []],
        ["aws-native directory bucket policy: s3express:* to anyone, the wildcard action only", t.NATIVE_S3EXPRESS_BUCKET_POLICY, { bucket: DIRECTORY_BUCKET,
            policyDocument: doc(allow("*", "s3express:*", { Resource: DIRECTORY_BUCKET_ARN })) }, [at(t.NATIVE_S3EXPRESS_BUCKET_POLICY, "policyDocument", WILDCARD('"s3express:*"'))]],
        ["aws-native directory bucket policy: s3express:* to a role", t.NATIVE_S3EXPRESS_BUCKET_POLICY, { bucket: DIRECTORY_BUCKET,
            policyDocument: doc(allow({ AWS: ROLE }, "s3express:*", { Resource: DIRECTORY_BUCKET_ARN })) }, [at(t.NATIVE_S3EXPRESS_BUCKET_POLICY, "policyDocument", WILDCARD('"s3express:*"'))]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });
});

describe("findResourcePolicyWildcards (pure rule): more aws-native carriers with a classic equivalent (X-Ray, Prometheus, schemas, SMS, S3 Vectors, S3 Files, AgentCore, Aurora DSQL, Object Lambda, Outposts)", () => {
    // Labels: the classic equivalent's verdict on the same document (CloudFormation's names, tools/aws-native-inputs.json).
    const OTHER = "444455556666";
    const at = (type: string, path: string, what: string) => `${type} "r": ${path} Statement[0] ${what}`;
    // [label, type, props, expected (short messages)]
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["X-Ray: SNS writes traces, pinned by aws:SourceAccount and aws:SourceArn (rutkowski-tomasz/aws-url-shortener)", t.NATIVE_XRAY_RESOURCE_POLICY, { policyName: "xray-policy", bypassPolicyLockoutCheck: false,
            policyDocument: JSON.stringify(doc(allow({ Service: "sns.amazonaws.com" }, ["xray:PutTraceSegments", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
                { Sid: "SNSAccess", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, StringLike: { "aws:SourceArn": `arn:aws:sns:eu-west-1:${ACCOUNT}:*` } } }))) }, []],
        ["X-Ray: anyone writes traces", t.NATIVE_XRAY_RESOURCE_POLICY, { policyName: "open", policyDocument: JSON.stringify(doc(allow("*", "xray:PutTraceSegments"))) }, [at(t.NATIVE_XRAY_RESOURCE_POLICY, "policyDocument", ANYONE)]],
        ["schema registry: schemas:* to another account's id (the provider's example)", t.NATIVE_EVENTSCHEMAS_REGISTRY_POLICY, { registryName: "example",
            policy: doc(allow({ AWS: ["109876543210"] }, "schemas:*", { Sid: "example", Resource: [`arn:aws:schemas:eu-west-1:${ACCOUNT}:registry/example`, `arn:aws:schemas:eu-west-1:${ACCOUNT}:schema/example*`] })) }, []],
        ["schema registry: schemas:* to a role", t.NATIVE_EVENTSCHEMAS_REGISTRY_POLICY, { registryName: "example", policy: doc(allow({ AWS: ROLE }, "schemas:*")) }, [at(t.NATIVE_EVENTSCHEMAS_REGISTRY_POLICY, "policy", WILDCARD('"schemas:*"'))]],
        ["Prometheus workspace: another account's root writes", t.NATIVE_APS_RESOURCE_POLICY, { workspaceArn: `arn:aws:aps:eu-west-1:${ACCOUNT}:workspace/ws-1a2b3c4d`,
            policyDocument: JSON.stringify(doc(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, ["aps:RemoteWrite"]))) }, []],
        ["Prometheus workspace: anyone queries", t.NATIVE_APS_RESOURCE_POLICY, { workspaceArn: `arn:aws:aps:eu-west-1:${ACCOUNT}:workspace/ws-1a2b3c4d`,
            policyDocument: JSON.stringify(doc(allow("*", "aps:QueryMetrics"))) }, [at(t.NATIVE_APS_RESOURCE_POLICY, "policyDocument", ANYONE)]],
        ["SMS resource policy: another account's root sends", t.NATIVE_SMSVOICE_RESOURCE_POLICY, { resourceArn: `arn:aws:sms-voice:eu-west-1:${ACCOUNT}:phone-number/phone-1a2b`,
            policyDocument: doc(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, "sms-voice:SendTextMessage")) }, []],
        ["SMS resource policy: sms-voice:* to a role", t.NATIVE_SMSVOICE_RESOURCE_POLICY, { resourceArn: U.string, policyDocument: doc(allow({ AWS: ROLE }, "sms-voice:*")) },
            [at(t.NATIVE_SMSVOICE_RESOURCE_POLICY, "policyDocument", WILDCARD('"sms-voice:*"'))]],
        ["vector bucket: a role queries", t.NATIVE_S3VECTORS_VECTOR_BUCKET_POLICY, { vectorBucketName: "embeddings", policy: doc(allow({ AWS: ROLE }, ["s3vectors:GetVectors", "s3vectors:QueryVectors"])) }, []],
        ["vector bucket: s3vectors:* to a role", t.NATIVE_S3VECTORS_VECTOR_BUCKET_POLICY, { vectorBucketName: "embeddings", policy: doc(allow({ AWS: ROLE }, "s3vectors:*")) }, [at(t.NATIVE_S3VECTORS_VECTOR_BUCKET_POLICY, "policy", WILDCARD('"s3vectors:*"'))]],
        ["S3 Files file system: a role mounts", t.NATIVE_S3FILES_FILE_SYSTEM_POLICY, { fileSystemId: "fs-0123456789abcdef0", policy: doc(allow({ AWS: ROLE }, ["s3files:ClientMount"])) }, []],
        ["S3 Files file system: anyone mounts", t.NATIVE_S3FILES_FILE_SYSTEM_POLICY, { fileSystemId: "fs-0123456789abcdef0", policy: doc(allow("*", ["s3files:ClientMount"])) }, [at(t.NATIVE_S3FILES_FILE_SYSTEM_POLICY, "policy", ANYONE)]],
        ["AgentCore runtime: another account's role invokes", t.NATIVE_BEDROCKAGENTCORE_RESOURCE_POLICY, { resourceArn: `arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:runtime/agent-1a2b`,
            policy: JSON.stringify(doc(allow({ AWS: `arn:aws:iam::${OTHER}:role/caller` }, "bedrock-agentcore:InvokeAgentRuntime"))) }, []],
        ["AgentCore runtime: anyone invokes", t.NATIVE_BEDROCKAGENTCORE_RESOURCE_POLICY, { resourceArn: `arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:runtime/agent-1a2b`,
            policy: JSON.stringify(doc(allow("*", "bedrock-agentcore:InvokeAgentRuntime"))) }, [at(t.NATIVE_BEDROCKAGENTCORE_RESOURCE_POLICY, "policy", ANYONE)]],
        ["Aurora DSQL cluster without a policy (most clusters)", t.NATIVE_DSQL_CLUSTER, { deletionProtectionEnabled: true }, []],
        ["Aurora DSQL cluster: the policy unknown", t.NATIVE_DSQL_CLUSTER, { deletionProtectionEnabled: true, policyDocument: U.string }, []],
        ["Aurora DSQL cluster: anyone connects", t.NATIVE_DSQL_CLUSTER, { policyDocument: JSON.stringify(doc(allow("*", "dsql:DbConnect"))) }, [at(t.NATIVE_DSQL_CLUSTER, "policyDocument", ANYONE)]],
        ["Object Lambda access point: Principal * (its block is always on)", t.NATIVE_S3OBJECTLAMBDA_ACCESS_POINT_POLICY, { objectLambdaAccessPoint: "transform",
            policyDocument: doc(allow("*", "s3-object-lambda:GetObject")) }, []],
        ["Object Lambda access point: s3-object-lambda:* to a role", t.NATIVE_S3OBJECTLAMBDA_ACCESS_POINT_POLICY, { objectLambdaAccessPoint: "transform",
            policyDocument: doc(allow({ AWS: ROLE }, "s3-object-lambda:*")) }, [at(t.NATIVE_S3OBJECTLAMBDA_ACCESS_POINT_POLICY, "policyDocument", WILDCARD('"s3-object-lambda:*"'))]],
        ["Outposts bucket: Principal * (S3 on Outposts always blocks public access)", t.NATIVE_S3OUTPOSTS_BUCKET_POLICY, { bucket: `arn:aws:s3-outposts:eu-west-1:${ACCOUNT}:outpost/op-01ac5d28a6a232904/bucket/logs`,
            policyDocument: doc(allow("*", "s3-outposts:GetObject")) }, []],
        ["Outposts bucket: s3-outposts:* to a role", t.NATIVE_S3OUTPOSTS_BUCKET_POLICY, { bucket: `arn:aws:s3-outposts:eu-west-1:${ACCOUNT}:outpost/op-01ac5d28a6a232904/bucket/logs`,
            policyDocument: doc(allow({ AWS: ROLE }, "s3-outposts:*")) }, [at(t.NATIVE_S3OUTPOSTS_BUCKET_POLICY, "policyDocument", WILDCARD('"s3-outposts:*"'))]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });
});

describe("findResourcePolicyWildcards (pure rule): aws-native carriers with no classic equivalent (CloudWatch Logs groups, CloudTrail Lake, Lex V2, SSM, Bedrock, MediaPackage v2, MediaTailor, OpenSearch Ingestion, RUM)", () => {
    // Labels from each service's guide (cited per group) and public programs, fixed before the rows were added.
    const OTHER = "444455556666";
    const at = (type: string, path: string, what: string, statement = 0) => `${type} "r": ${path} Statement[${statement}] ${what}`;
    const CHANNEL = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:channel/01234567890`;
    const DASHBOARD = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:dashboard/exampleDash`;
    const EDS = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`;
    const BOT_ALIAS = `arn:aws:lex:eu-west-1:${ACCOUNT}:bot-alias/BOTID12345/ALIASID123`;
    const GUARDRAIL = `arn:aws:bedrock:eu-west-1:${ACCOUNT}:guardrail/gr-1a2b3c`;
    const MP_CHANNEL = `arn:aws:mediapackagev2:eu-west-1:${ACCOUNT}:channelGroup/live/channel/main`;
    const MP_ENDPOINT = `${MP_CHANNEL}/originEndpoint/hls`;
    const MP = { channelGroupName: "live", channelName: "main" };
    const MT_CHANNEL = `arn:aws:mediatailor:eu-west-1:${ACCOUNT}:channel/linear`;
    const MONITOR = `arn:aws:rum:eu-west-1:${ACCOUNT}:appmonitor/shop`;
    const cloudFront = (condition: Record<string, unknown>) => doc(allow({ Service: "cloudfront.amazonaws.com" }, "mediapackagev2:GetObject", { Sid: "AllowCloudFrontServicePrincipal", Resource: MP_ENDPOINT, ...condition }));
    // [label, type, props, expected (short messages)]
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        // CloudWatch Logs: a log group's own resource policy, read as the account-level LogResourcePolicy (vended log writers named without a pin pass there too).
        ["log group without a resource policy (most groups)", t.NATIVE_LOGS_LOG_GROUP, { retentionInDays: 30 }, []],
        ["log group: EventBridge and log delivery write, pinned to the rule (a public Terraform module's policy)", t.NATIVE_LOGS_LOG_GROUP, {
            resourcePolicyDocument: doc(allow({ Service: ["events.amazonaws.com", "delivery.logs.amazonaws.com"] }, ["logs:CreateLogStream", "logs:PutLogEvents"],
                when("ArnEquals", "aws:SourceArn", `arn:aws:events:eu-west-1:${ACCOUNT}:rule/servicenow`))) }, []],
        ["log group: Route 53 query logging (the provider's LogResourcePolicy example, no pin)", t.NATIVE_LOGS_LOG_GROUP, {
            resourcePolicyDocument: JSON.stringify(doc(allow({ Service: ["route53.amazonaws.com"] }, ["logs:CreateLogStream", "logs:PutLogEvents"]))) }, []],
        ["log group: anyone writes", t.NATIVE_LOGS_LOG_GROUP, { resourcePolicyDocument: doc(allow("*", "logs:PutLogEvents")) }, [at(t.NATIVE_LOGS_LOG_GROUP, "resourcePolicyDocument", ANYONE)]],
        ["log group: anyone in the account writes (aws:SourceAccount)", t.NATIVE_LOGS_LOG_GROUP, { resourcePolicyDocument: doc(allow("*", "logs:PutLogEvents", when("StringEquals", "aws:SourceAccount", ACCOUNT))) }, []],
        ["log group: logs:* to a role", t.NATIVE_LOGS_LOG_GROUP, { resourcePolicyDocument: doc(allow({ AWS: ROLE }, "logs:*")) }, [at(t.NATIVE_LOGS_LOG_GROUP, "resourcePolicyDocument", WILDCARD('"logs:*"'))]],
        ["log group: the policy unknown at preview", t.NATIVE_LOGS_LOG_GROUP, { resourcePolicyDocument: U.object }, []],
        // CloudTrail Lake ("AWS CloudTrail resource-based policy examples"): channels name accounts, dashboards CloudTrail pinned to the dashboard.
        ["CloudTrail channel: three accounts' roots put audit events (AWS's example)", t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, { resourceArn: CHANNEL,
            resourcePolicy: JSON.stringify(doc(allow({ AWS: [ROOT, `arn:aws:iam::${OTHER}:root`, "arn:aws:iam::123456789012:root"] }, "cloudtrail-data:PutAuditEvents", { Sid: "ChannelPolicy", Resource: CHANNEL }))) }, []],
        ["CloudTrail channel: a partner's account with its external id", t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, { resourceArn: CHANNEL,
            resourcePolicy: doc(allow({ AWS: OTHER }, "cloudtrail-data:PutAuditEvents", { Resource: CHANNEL, ...when("StringEquals", "cloudtrail:ExternalId", "partner-id") })) }, []],
        ["CloudTrail dashboard: CloudTrail refreshes, pinned to the dashboard (AWS's example)", t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, { resourceArn: DASHBOARD,
            resourcePolicy: doc(allow({ Service: "cloudtrail.amazonaws.com" }, "cloudtrail:StartDashboardRefresh", { Resource: DASHBOARD,
                Condition: { StringEquals: { "AWS:SourceArn": DASHBOARD, "AWS:SourceAccount": ACCOUNT } } })) }, []],
        ["CloudTrail event data store: another account's role queries", t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, { resourceArn: EDS,
            resourcePolicy: doc(allow({ AWS: `arn:aws:iam::${OTHER}:role/analyst` }, ["cloudtrail:StartQuery", "cloudtrail:GetQueryResults"], { Resource: EDS })) }, []],
        ["CloudTrail channel: anyone puts audit events", t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, { resourceArn: CHANNEL, resourcePolicy: doc(allow("*", "cloudtrail-data:PutAuditEvents")) },
            [at(t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, "resourcePolicy", ANYONE)]],
        ["CloudTrail event data store: cloudtrail:* to a role", t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, { resourceArn: EDS, resourcePolicy: doc(allow({ AWS: ROLE }, "cloudtrail:*")) },
            [at(t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, "resourcePolicy", WILDCARD('"cloudtrail:*"'))]],
        // Lex V2 (its guide's resource-based policy examples): Amazon Connect pinned to the instance, other accounts' roles.
        ["Lex bot alias: Amazon Connect pinned by aws:SourceAccount and aws:SourceArn", t.NATIVE_LEX_RESOURCE_POLICY, { resourceArn: BOT_ALIAS,
            policy: doc(allow({ Service: "connect.amazonaws.com" }, ["lex:RecognizeText", "lex:StartConversation"], { Resource: BOT_ALIAS,
                Condition: { StringEquals: { "AWS:SourceAccount": ACCOUNT }, ArnEquals: { "AWS:SourceArn": `arn:aws:connect:eu-west-1:${ACCOUNT}:instance/abc` } } })) }, []],
        ["Lex bot alias: another account's role talks to the bot", t.NATIVE_LEX_RESOURCE_POLICY, { resourceArn: BOT_ALIAS,
            policy: doc(allow({ AWS: `arn:aws:iam::${OTHER}:role/app` }, ["lex:RecognizeText", "lex:RecognizeUtterance"])) }, []],
        ["Lex bot alias: anyone talks to the bot", t.NATIVE_LEX_RESOURCE_POLICY, { resourceArn: BOT_ALIAS, policy: doc(allow("*", "lex:RecognizeText")) }, [at(t.NATIVE_LEX_RESOURCE_POLICY, "policy", ANYONE)]],
        ["Lex bot: lex:* to a role", t.NATIVE_LEX_RESOURCE_POLICY, { resourceArn: BOT_ALIAS, policy: doc(allow({ AWS: ROLE }, "lex:*")) }, [at(t.NATIVE_LEX_RESOURCE_POLICY, "policy", WILDCARD('"lex:*"'))]],
        // SSM (OpsItem groups, shared advanced parameters): accounts.
        ["SSM OpsItem group: another account creates OpsItems", t.NATIVE_SSM_RESOURCE_POLICY, { resourceArn: `arn:aws:ssm:eu-west-1:${ACCOUNT}:opsitemgroup/default`,
            policy: doc(allow({ AWS: OTHER }, ["ssm:CreateOpsItem", "ssm:GetOpsItem", "ssm:UpdateOpsItem"])) }, []],
        ["SSM parameter shared with another account", t.NATIVE_SSM_RESOURCE_POLICY, { resourceArn: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shared/db-host`,
            policy: JSON.stringify(doc(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, ["ssm:GetParameter", "ssm:GetParameters", "ssm:DescribeParameters"]))) }, []],
        ["SSM parameter: anyone reads", t.NATIVE_SSM_RESOURCE_POLICY, { resourceArn: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shared/db-host`, policy: doc(allow("*", "ssm:GetParameter")) },
            [at(t.NATIVE_SSM_RESOURCE_POLICY, "policy", ANYONE)]],
        ["SSM OpsItem group: ssm:* to a role", t.NATIVE_SSM_RESOURCE_POLICY, { resourceArn: U.string, policy: doc(allow({ AWS: ROLE }, "ssm:*")) }, [at(t.NATIVE_SSM_RESOURCE_POLICY, "policy", WILDCARD('"ssm:*"'))]],
        // Bedrock (a guardrail shared across the organization).
        ["Bedrock guardrail: the organization's accounts apply it", t.NATIVE_BEDROCK_RESOURCE_POLICY, { resourceArn: GUARDRAIL,
            policyDocument: doc(allow("*", ["bedrock:ApplyGuardrail", "bedrock:GetGuardrail"], { Resource: GUARDRAIL, ...when("StringEquals", "aws:PrincipalOrgID", ORG) })) }, []],
        ["Bedrock guardrail: anyone applies it", t.NATIVE_BEDROCK_RESOURCE_POLICY, { resourceArn: GUARDRAIL, policyDocument: doc(allow("*", "bedrock:ApplyGuardrail")) },
            [at(t.NATIVE_BEDROCK_RESOURCE_POLICY, "policyDocument", ANYONE)]],
        ["Bedrock guardrail: bedrock:* to another account's root (delegation)", t.NATIVE_BEDROCK_RESOURCE_POLICY, { resourceArn: GUARDRAIL,
            policyDocument: doc(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, "bedrock:*")) }, []],
        ["Bedrock guardrail: bedrock:* to a role", t.NATIVE_BEDROCK_RESOURCE_POLICY, { resourceArn: GUARDRAIL, policyDocument: doc(allow({ AWS: ROLE }, "bedrock:*")) },
            [at(t.NATIVE_BEDROCK_RESOURCE_POLICY, "policyDocument", WILDCARD('"bedrock:*"'))]],
        // MediaPackage v2 ("Ingest authorization", "Origin endpoint authorization"; CloudFront's "Restrict access to a MediaPackage v2 origin").
        ["MediaPackage v2 channel: MediaLive's role ingests (AWS's example)", t.NATIVE_MEDIAPACKAGEV2_CHANNEL_POLICY, { ...MP,
            policy: doc(allow({ AWS: `arn:aws:iam::${ACCOUNT}:role/MediaLiveAccessRole` }, "mediapackagev2:PutObject", { Sid: "AllowMediaLiveRoleToAccessEmpChannel", Resource: MP_CHANNEL })) }, []],
        ["MediaPackage v2 channel: anyone ingests", t.NATIVE_MEDIAPACKAGEV2_CHANNEL_POLICY, { ...MP, policy: doc(allow("*", "mediapackagev2:PutObject", { Resource: MP_CHANNEL })) },
            [at(t.NATIVE_MEDIAPACKAGEV2_CHANNEL_POLICY, "policy", ANYONE)]],
        ["MediaPackage v2 channel: mediapackagev2:* to a role", t.NATIVE_MEDIAPACKAGEV2_CHANNEL_POLICY, { ...MP, policy: doc(allow({ AWS: ROLE }, "mediapackagev2:*")) },
            [at(t.NATIVE_MEDIAPACKAGEV2_CHANNEL_POLICY, "policy", WILDCARD('"mediapackagev2:*"'))]],
        ["MediaPackage v2 endpoint: the harvester pinned by AWS:SourceAccount (AWS's example)", t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, { ...MP, originEndpointName: "hls",
            policy: doc(allow({ Service: "mediapackagev2.amazonaws.com" }, ["mediapackagev2:HarvestObject", "mediapackagev2:GetObject"], { Resource: MP_ENDPOINT, ...when("StringEquals", "AWS:SourceAccount", ACCOUNT) })) }, []],
        ["MediaPackage v2 endpoint: CloudFront's origin access control pinned to the distribution (CloudFront's guide)", t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, { ...MP, originEndpointName: "hls",
            policy: cloudFront(when("StringEquals", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/E1PDK09ESKHJWT`)) }, []],
        ["MediaPackage v2 endpoint: CloudFront's origin access control without a pin", t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, { ...MP, originEndpointName: "hls", policy: cloudFront({}) },
            [`${t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY} "r": policy statement "AllowCloudFrontServicePrincipal" ${UNPINNED_CLOUDFRONT}`]],
        ["MediaPackage v2 endpoint: a CDN's IAM user reads (AWS's example)", t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, { ...MP, originEndpointName: "hls",
            policy: doc(allow({ AWS: `arn:aws:iam::${ACCOUNT}:user/CDNProviderMediaPackageAccessUser` }, "mediapackagev2:GetObject", { Resource: MP_ENDPOINT })) }, []],
        ["MediaPackage v2 endpoint: anyone reads", t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, { ...MP, originEndpointName: "hls",
            policy: doc(allow("*", ["mediapackagev2:GetObject", "mediapackagev2:GetHeadObject"], { Resource: MP_ENDPOINT })) }, [at(t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, "policy", ANYONE)]],
        ["MediaPackage v2 endpoint: anyone from the player network's addresses reads", t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, { ...MP, originEndpointName: "hls",
            policy: doc(allow("*", "mediapackagev2:GetObject", { Resource: MP_ENDPOINT, ...when("IpAddress", "aws:SourceIp", ["203.0.113.0/24"]) })) }, []],
        // MediaTailor ("Resource-based policy examples": anonymous GetManifest is how a channel plays to viewers; the awsmt provider's tests write it).
        ["MediaTailor channel: AllowAnonymous GetManifest (AWS's example)", t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, { channelName: "linear",
            policy: JSON.stringify(doc(allow("*", "mediatailor:GetManifest", { Sid: "AllowAnonymous", Resource: MT_CHANNEL }))) }, []],
        ["MediaTailor channel: another account's root plays it", t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, { channelName: "linear",
            policy: doc(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, "mediatailor:GetManifest", { Sid: "AllowCrossAccountAccess", Resource: MT_CHANNEL })) }, []],
        ["MediaTailor channel: mediatailor:* to anyone", t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, { channelName: "linear", policy: doc(allow("*", "mediatailor:*", { Resource: MT_CHANNEL })) },
            [at(t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, "policy", WILDCARD('"mediatailor:*"')), at(t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, "policy", ANYONE)]],
        ["MediaTailor channel: GetManifest and DescribeChannel to anyone", t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, { channelName: "linear",
            policy: doc(allow("*", ["mediatailor:GetManifest", "mediatailor:DescribeChannel"], { Resource: MT_CHANNEL })) }, [at(t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, "policy", ANYONE)]],
        // OpenSearch Ingestion: the pipeline's inline policy, read as the classic opensearchingest.ResourcePolicy.
        ["OpenSearch Ingestion pipeline without a resource policy", t.NATIVE_OSIS_PIPELINE, { maxUnits: 4, minUnits: 1, pipelineConfigurationBody: "version: \"2\"" }, []],
        ["OpenSearch Ingestion pipeline: another account creates endpoints", t.NATIVE_OSIS_PIPELINE, { maxUnits: 4, minUnits: 1,
            resourcePolicy: { policy: doc(allow({ AWS: OTHER }, ["osis:CreatePipelineEndpoint", "osis:Ingest"])) } }, []],
        ["OpenSearch Ingestion pipeline: anyone ingests", t.NATIVE_OSIS_PIPELINE, { maxUnits: 4, minUnits: 1, resourcePolicy: { policy: doc(allow("*", "osis:Ingest")) } },
            [at(t.NATIVE_OSIS_PIPELINE, "resourcePolicy.policy", ANYONE)]],
        ["OpenSearch Ingestion pipeline: the policy unknown at preview", t.NATIVE_OSIS_PIPELINE, { maxUnits: 4, minUnits: 1, resourcePolicy: U.object }, []],
        // CloudWatch RUM ("Using resource-based policies with CloudWatch RUM": PutRumEvents is the only action, anyone the documented public ingest).
        ["RUM app monitor: anyone sends events (AWS's first example)", t.NATIVE_RUM_APP_MONITOR, { domain: "shop.example.com",
            resourcePolicy: { policyDocument: JSON.stringify(doc(allow("*", "rum:PutRumEvents", { Resource: MONITOR }))) } }, []],
        ["RUM app monitor: anyone sends events but listed addresses (AWS's second example)", t.NATIVE_RUM_APP_MONITOR, { domain: "shop.example.com",
            resourcePolicy: { policyDocument: JSON.stringify(doc(allow("*", "rum:PutRumEvents", { Resource: MONITOR }),
                deny("*", "rum:PutRumEvents", { Resource: MONITOR, ...when("NotIpAddress", "aws:SourceIp", ["198.51.100.0/24"]) }))) } }, []],
        ["RUM app monitor: rum:* to anyone", t.NATIVE_RUM_APP_MONITOR, { domain: "shop.example.com", resourcePolicy: { policyDocument: JSON.stringify(doc(allow("*", "rum:*", { Resource: MONITOR }))) } },
            [at(t.NATIVE_RUM_APP_MONITOR, "resourcePolicy.policyDocument", WILDCARD('"rum:*"')), at(t.NATIVE_RUM_APP_MONITOR, "resourcePolicy.policyDocument", ANYONE)]],
        ["RUM app monitor: a role of the account sends events", t.NATIVE_RUM_APP_MONITOR, { domain: "shop.example.com",
            resourcePolicy: { policyDocument: JSON.stringify(doc(allow({ AWS: ROLE }, "rum:PutRumEvents"))) } }, []],
        ["RUM app monitor without a resource policy (Cognito ingest)", t.NATIVE_RUM_APP_MONITOR, { domain: "shop.example.com", appMonitorConfiguration: { allowCookies: true } }, []],
        ["RUM app monitor: the policy unknown at preview", t.NATIVE_RUM_APP_MONITOR, { domain: "shop.example.com", resourcePolicy: { policyDocument: U.string } }, []],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });
});

describe("resource-policy-no-wildcards through the engine path", () => {
    const engine = useEngine();
    const shortOf = (message: string) => message.split("\n")[1].replace(/\. .*$/s, "");

    it("every document carrier: an open statement fails, a named one passes, mandatory by default", async () => {
        const passing = doc(allow({ AWS: ROLE }, "sqs:SendMessage"), deny("*", "*", when("Bool", "aws:SecureTransport", "false")));
        const resources = Object.entries(RESOURCE_POLICY_DOCUMENTS).flatMap(([type, input], i) => {
            // An access point restricts a public policy unless its public access block says otherwise;
            // where AWS keeps the block on, a wildcard action is what fails.
            const open = type === t.S3_ACCESS_POINT || type === t.NATIVE_S3_ACCESS_POINT ? { publicAccessBlockConfiguration: { restrictPublicBuckets: false } } : {};
            const failing = input.service === "locked-block" ? doc(allow({ AWS: ROLE }, "s3:*", { Sid: "Wide" })) : doc(allow("*", "sqs:SendMessage", { Sid: "Open" }));
            const props = (document: unknown) => {
                // A list's document (`replicas[].resourcePolicy.policyDocument`) in its one element.
                const [list, inElement] = input.path.includes("[].") ? input.path.split("[].") : [undefined, input.path];
                const [head, leaf] = inElement.split(".");
                const value = JSON.stringify(document);
                const block = leaf ? { [head]: { name: "x", [leaf]: value } } : { [head]: value };
                return { ...open, ...(list ? { [list]: [{ region: "eu-west-1", ...block }] } : block) };
            };
            return [{ type, name: `fail-${i}`, props: props(failing) }, { type, name: `pass-${i}`, props: props(passing) }];
        });
        const run = await engine.run({ resources });
        // Bucket, access point and separate domain policies' statements open to anyone come from the stack part, after the others.
        const reported = run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel]);
        const types = Object.keys(RESOURCE_POLICY_DOCUMENTS);
        const reports = (stack: boolean) => types.flatMap((type, i) => (TARGET_JUDGED_POLICY_TYPES.includes(type) === stack ? [[`fail-${i}`, "mandatory"]] : []));
        expect(reported).toEqual([...reports(false), ...reports(true)]);
        expect(run.of(POLICY)[0].message.split("\n")[0]).toBe(
            "Resource-based policies (S3, SQS, SNS, ECR, Secrets Manager, OpenSearch, Glacier, Lambda, IAM role trust policies and every other the provider models) " +
                "must not Allow wildcard actions, nor allow any principal without a condition pinning the caller to known accounts, organizations or networks; S3 ACLs grant nothing to everyone, RDS snapshots, AMIs and SSM documents are not shared with every AWS account, and CodeBuild builds are not public.",
        );
    });

    it("Lambda resource policies for an Alexa skill: pinned by the skill id (lambda:EventSourceToken) they pass, without it they are reported, an unknown id at preview is not judged", async () => {
        const FN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:skill`;
        const alexa = (condition: Record<string, unknown>) =>
            doc(allow({ Service: "alexa-appkit.amazon.com" }, "lambda:InvokeFunction", { Sid: "AlexaSkill", Resource: FN, ...condition }));
        const SKILL = "amzn1.ask.skill.12345678-1234-1234-1234-123456789012";
        const run = await engine.run({
            resources: [
                { type: t.LAMBDA_RESOURCE_POLICY, name: "skill-pinned", props: { functionName: "skill", policy: JSON.stringify(alexa(when("StringEquals", "lambda:EventSourceToken", SKILL))) } },
                { type: t.NATIVE_LAMBDA_RESOURCE_POLICY, name: "native-skill-pinned", props: { resourceArn: FN, policyDocument: alexa(when("StringEquals", "lambda:EventSourceToken", SKILL)) } },
                { type: t.LAMBDA_RESOURCE_POLICY, name: "any-skill", props: { functionName: "skill", policy: JSON.stringify(alexa({})) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), shortOf(d.message)])).toEqual([
            ["any-skill", `${t.LAMBDA_RESOURCE_POLICY} "any-skill": policy statement "AlexaSkill" allows a service principal without a condition on aws:SourceArn or aws:SourceAccount, ` +
                "so the service may invoke the function on behalf of resources in any account"],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [{ type: t.NATIVE_LAMBDA_RESOURCE_POLICY, name: "pending", props: { resourceArn: { $unknown: "string" }, policyDocument: alexa(when("StringEquals", "lambda:EventSourceToken", { $unknown: "string" })) } }],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("the seventeenth replay's held-out shapes: the same verdicts as the pure rule; unknown pins at preview report nothing", async () => {
        const run = await engine.run({ resources: SEVENTEENTH_REPLAY.map(([, type, props], i) => ({ type, name: `replay-${i}`, props })) });
        const reported = new Set(run.of(POLICY).map((d) => nameOfUrn(run, d.urn)));
        expect(SEVENTEENTH_REPLAY.map(([label], i) => [label, reported.has(`replay-${i}`)])).toEqual(SEVENTEENTH_REPLAY.map(([label, , , expected]) => [label, expected]));
        const unknown = { $unknown: "string" };
        const preview = await engine.run({
            preview: true,
            resources: [
                // A classic document built from an output is unknown as a whole; aws-native's objects hold the unknown where it is.
                { type: t.ECR_REPOSITORY_POLICY, name: "policy", props: { repository: "r", policy: unknown } },
                { type: t.NATIVE_OPENSEARCH_DOMAIN, name: "ip", props: { accessPolicies: doc(allow("*", "es:ESHttpGet", when("IpAddress", "aws:SourceIp", unknown))) } },
                { type: t.NATIVE_ECR_REPOSITORY, name: "ou", props: { repositoryPolicyText: doc(allow("*", "ecr:BatchGetImage", when("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", unknown))) } },
                { type: t.NATIVE_BACKUP_VAULT, name: "org", props: { backupVaultName: "v", accessPolicy: doc(allow({ AWS: "*" }, "backup:CopyIntoBackupVault", when("StringEquals", "aws:PrincipalOrgID", unknown))) } },
                { type: t.LAMBDA_PERMISSION, name: "pool", props: { function: "fn", action: "lambda:InvokeFunction", principal: "cognito-idp.amazonaws.com", sourceArn: unknown } },
                { type: t.GLACIER_VAULT_LOCK, name: "lock", props: { vaultName: "v", completeLock: false, policy: unknown } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("aws-native logically air-gapped vaults: an access policy open to every account is reported, the organization's copies pass, an unknown one at preview is not judged", async () => {
        // Backup's guide: cross-account copies into a vault are admitted by Principal "*" pinned with aws:PrincipalOrgID.
        const vault = (name: string, accessPolicy: unknown) => ({
            type: t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT, name,
            props: { backupVaultName: name, minRetentionDays: 7, maxRetentionDays: 35, ...(accessPolicy === undefined ? {} : { accessPolicy }) },
        });
        const run = await engine.run({
            resources: [
                vault("open", doc(allow("*", "backup:CopyIntoBackupVault", { Sid: "CopyFromAnyone" }))),
                vault("organization", JSON.stringify(doc(allow("*", "backup:CopyIntoBackupVault", when("StringEquals", "aws:PrincipalOrgID", ORG))))),
                vault("no-policy", undefined),
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["open", "mandatory", `${t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT} "open": accessPolicy statement "CopyFromAnyone" ${ANYONE}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                vault("pending", { $unknown: "object" }),
                vault("pending-org", doc(allow("*", "backup:CopyIntoBackupVault", when("StringEquals", "aws:PrincipalOrgID", { $unknown: "string" })))),
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("CloudFront OAC: a bucket policy without a source pin is reported, one pinned to the distribution passes, and at preview an unknown distribution ARN is not judged", async () => {
        const oac = (condition: Record<string, unknown>) => JSON.stringify(doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject",
            { Sid: "AllowCloudFrontServicePrincipalReadOnly", Resource: `${BUCKET}/*`, ...condition })));
        const run = await engine.run({
            resources: [
                { type: t.S3_BUCKET_POLICY, name: "unpinned", props: { bucket: "shop-uploads", policy: oac({}) } },
                { type: t.S3_BUCKET_POLICY, name: "pinned", props: { bucket: "shop-uploads", policy: oac(when("StringEquals", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`)) } },
                { type: t.S3_BUCKET_POLICY, name: "account", props: { bucket: "shop-uploads", policy: oac(when("ArnLike", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/*`)) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["unpinned", "mandatory", `${t.S3_BUCKET_POLICY} "unpinned": policy statement "AllowCloudFrontServicePrincipalReadOnly" ${UNPINNED_CLOUDFRONT}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [{ type: t.S3_BUCKET_V2, name: "site", props: { bucket: { $unknown: "string" } } }, {
                type: t.S3_BUCKET_POLICY, name: "site-policy", propertyDependencies: { bucket: ["site"] },
                props: { bucket: { $unknown: "string" }, policy: doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: `${BUCKET}/*`, ...when("StringEquals", "AWS:SourceArn", { $unknown: "string" }) })) },
            }],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("S3 event notifications: a queue or topic policy admitting S3 without a source pin is reported, one pinned to the bucket passes, and at preview an unknown bucket ARN is not judged", async () => {
        const s3 = (action: string, resourceArn: string, condition: Record<string, unknown> = {}) =>
            JSON.stringify(doc(allow({ Service: "s3.amazonaws.com" }, action, { Sid: "AllowS3Notifications", Resource: resourceArn, ...condition })));
        const run = await engine.run({
            resources: [
                { type: t.SQS_QUEUE_POLICY, name: "queue-unpinned", props: { queueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", policy: s3("sqs:SendMessage", QUEUE) } },
                { type: t.SQS_QUEUE_POLICY, name: "queue-pinned", props: { queueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders",
                    policy: s3("sqs:SendMessage", QUEUE, when("ArnEquals", "aws:SourceArn", BUCKET)) } },
                { type: t.SNS_TOPIC, name: "topic-unpinned", props: { name: "orders", policy: s3("SNS:Publish", TOPIC) } },
                { type: t.SNS_TOPIC, name: "topic-account", props: { name: "orders", policy: s3("SNS:Publish", TOPIC, when("StringEquals", "aws:SourceAccount", ACCOUNT)) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["queue-unpinned", "mandatory", `${t.SQS_QUEUE_POLICY} "queue-unpinned": policy statement "AllowS3Notifications" ${UNPINNED_S3_EVENTS}`],
            ["topic-unpinned", "mandatory", `${t.SNS_TOPIC} "topic-unpinned": policy statement "AllowS3Notifications" ${UNPINNED_S3_EVENTS}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [{ type: t.S3_BUCKET_V2, name: "uploads", props: { bucket: { $unknown: "string" } } }, {
                type: t.SQS_QUEUE_POLICY, name: "uploads-queue-policy", propertyDependencies: { policy: ["uploads"] },
                props: { queueUrl: { $unknown: "string" }, policy: doc(allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", {
                    Resource: { $unknown: "string" }, ...when("ArnEquals", "aws:SourceArn", { $unknown: "string" }) })) },
            }],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("SES receipt rules: a bucket policy admitting SES without a source pin is reported, aws:Referer or aws:SourceAccount passes, and at preview an unknown account id is not judged", async () => {
        const ses = (condition: Record<string, unknown> = {}) => doc(allow({ Service: "ses.amazonaws.com" }, "s3:PutObject", { Sid: "AllowSESPuts", Resource: `${BUCKET}/*`, ...condition }));
        const stack = (account: unknown) => [
            { type: t.S3_BUCKET_POLICY, name: "mail-unpinned", props: { bucket: "shop-uploads", policy: JSON.stringify(ses()) } },
            { type: t.S3_BUCKET_POLICY, name: "mail-referer", props: { bucket: "shop-uploads", policy: ses(when("StringEquals", "aws:Referer", account)) } },
            { type: t.S3_BUCKET_V2, name: "mail-inline", props: { bucket: "shop-uploads", policy: ses(when("StringEquals", "AWS:SourceAccount", account)) } },
        ];
        const expected = [["mail-unpinned", "mandatory", `${t.S3_BUCKET_POLICY} "mail-unpinned": policy statement "AllowSESPuts" ${UNPINNED_SES}`]];
        const updated = await engine.run({ resources: stack(ACCOUNT) });
        expect(updated.of(POLICY).map((d) => [nameOfUrn(updated, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual(expected);
        // At preview the account id read from getCallerIdentity may still be unknown.
        const preview = await engine.run({ preview: true, resources: stack({ $unknown: "string" }) });
        expect(preview.of(POLICY).map((d) => [nameOfUrn(preview, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual(expected);
    });

    it("CloudFront OAC through Multi-Region and Object Lambda access points: reported without a source pin, after an update and at preview", async () => {
        const DISTRIBUTION = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`;
        const grant = (action: string, resourceArn: string, condition: Record<string, unknown> = {}) =>
            JSON.stringify(doc(allow({ Service: "cloudfront.amazonaws.com" }, action, { Sid: "AllowCloudFrontOACAccess", Resource: resourceArn, ...condition })));
        const MRAP_OBJECTS = `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap/object/*`;
        const OLAP = `arn:aws:s3-object-lambda:eu-west-1:${ACCOUNT}:accesspoint/redacted-reads`;
        const stack = (source: unknown) => [
            { type: t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, name: "mrap-unpinned", props: { details: { name: "orders", policy: grant("s3:GetObject", MRAP_OBJECTS) } } },
            { type: t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, name: "mrap-pinned", props: { details: { name: "orders",
                policy: JSON.stringify(doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Resource: MRAP_OBJECTS, ...when("StringEquals", "aws:SourceArn", source) }))) } } },
            { type: t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY, name: "olap-unpinned", props: { name: "redacted-reads", policy: grant("s3-object-lambda:GetObject", OLAP) } },
            { type: t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY, name: "olap-pinned", props: { name: "redacted-reads",
                policy: grant("s3-object-lambda:GetObject", OLAP, when("StringEquals", "aws:SourceArn", DISTRIBUTION)) } },
        ];
        const updated = await engine.run({ resources: stack(DISTRIBUTION) });
        const expected = [
            ["mrap-unpinned", "mandatory", `${t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY} "mrap-unpinned": details.policy statement "AllowCloudFrontOACAccess" ${UNPINNED_CLOUDFRONT}`],
            ["olap-unpinned", "mandatory", `${t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY} "olap-unpinned": policy statement "AllowCloudFrontOACAccess" ${UNPINNED_CLOUDFRONT}`],
        ];
        expect(updated.of(POLICY).map((d) => [nameOfUrn(updated, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual(expected);
        // At preview a new distribution's ARN is unknown; an object document keeps the rest of its structure.
        const preview = await engine.run({ preview: true, resources: stack({ $unknown: "string" }).map((r) => r.name === "mrap-pinned"
            ? { ...r, props: { details: { name: "orders", policy: doc(allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", {
                Resource: MRAP_OBJECTS, ...when("StringEquals", "aws:SourceArn", { $unknown: "string" }) })) } } }
            : r) });
        expect(preview.of(POLICY).map((d) => [nameOfUrn(preview, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual(expected);
    });

    it("reads object documents where the SDK allows them", async () => {
        const objectTypes = [t.S3_BUCKET_POLICY, t.S3_BUCKET, t.SQS_QUEUE_POLICY, t.SNS_TOPIC_POLICY, t.ECR_REPOSITORY_POLICY, t.ECR_REGISTRY_POLICY,
            t.CLOUDWATCH_LOG_RESOURCE_POLICY, t.ELASTICSEARCH_DOMAIN, t.ELASTICSEARCH_DOMAIN_POLICY];
        const resources = objectTypes.flatMap((type) => [
            { type, name: `${type}-fail`, props: { [RESOURCE_POLICY_DOCUMENTS[type].path]: doc(allow({ AWS: ROLE }, "svc:*")) } },
            { type, name: `${type}-pass`, props: { [RESOURCE_POLICY_DOCUMENTS[type].path]: doc(allow({ AWS: ROLE }, "svc:Get")) } },
        ]);
        const run = await engine.run({ resources });
        expect(run.of(POLICY).map((d) => nameOfUrn(run, d.urn))).toEqual(objectTypes.map((type) => `${type}-fail`));
    });

    it("an aws-native role's trust policy (pulumi-cdk): AnyPrincipal reported, a service and the account root pass, an unknown root at preview passes", async () => {
        const role = (name: string, principal: unknown) => ({
            type: "aws-native:iam:Role", name,
            props: { assumeRolePolicyDocument: { Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: principal }], Version: V } },
        });
        const run = await engine.run({ resources: [role("Open", { AWS: "*" }), role("Fn", { Service: "lambda.amazonaws.com" }), role("Admin", { AWS: ROOT })] });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), shortOf(d.message)])).toEqual([
            ["Open", `aws-native:iam:Role "Open": assumeRolePolicyDocument Statement[0] ${ANYONE}`],
        ]);
        const preview = await engine.run({ preview: true, resources: [role("Admin", { AWS: { $unknown: "string" } }), { ...role("Pending", {}), props: { assumeRolePolicyDocument: { $unknown: "object" } } }] });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("aws-native bucket policies (pulumi-cdk): public reads judged with the bucket's inline block, an unpinned OAC reported, CDK's enforceSSL passes", async () => {
        const bucket = (name: string, block?: Record<string, unknown>) =>
            ({ type: t.NATIVE_S3_BUCKET, name, props: { bucketName: `${name}-1a2b3c`, ...(block ? { publicAccessBlockConfiguration: block } : {}) } });
        const policy = (name: string, target: string, statements: unknown[]) =>
            ({ type: t.NATIVE_S3_BUCKET_POLICY, name, propertyDependencies: { bucket: [target] }, props: { bucket: `${target}-1a2b3c`, policyDocument: { Statement: statements, Version: V } } });
        const tls = deny({ AWS: "*" }, "s3:*", when("Bool", "aws:SecureTransport", "false"));
        const read = allow({ AWS: "*" }, "s3:GetObject", { Resource: "arn:aws:s3:::site-1a2b3c/*" });
        const oac = allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject");
        const run = await engine.run({
            resources: [
                bucket("site", { blockPublicAcls: true, ignorePublicAcls: true }), policy("SitePolicy", "site", [read, tls]),
                bucket("closed", { restrictPublicBuckets: true, blockPublicPolicy: true }), policy("ClosedPolicy", "closed", [read, tls]),
                bucket("assets"), policy("AssetsPolicy", "assets", [oac, tls]),
                policy("PinnedPolicy", "assets", [{ ...oac, ...when("StringEquals", "AWS:SourceArn", `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`) }, tls]),
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), shortOf(d.message)])).toEqual([
            ["AssetsPolicy", `${t.NATIVE_S3_BUCKET_POLICY} "AssetsPolicy": policyDocument Statement[0] ${UNPINNED_CLOUDFRONT}`],
            ["SitePolicy", `${t.NATIVE_S3_BUCKET_POLICY} "SitePolicy": policyDocument Statement[0] ${ANYONE}`],
        ]);
    });

    it("aws-native resource policies other than S3's: open grants reported as the classic types', CDK's pinned grants pass, unknowns at preview pass", async () => {
        const fn = { action: "lambda:InvokeFunction", functionName: "orders-fn" };
        const s3Publish = (condition: Record<string, unknown>) => doc(allow({ Service: "s3.amazonaws.com" }, "sns:Publish", { Resource: TOPIC, ...condition }));
        const run = await engine.run({
            resources: [
                { type: t.NATIVE_LAMBDA_PERMISSION, name: "OpenInvoke", props: { ...fn, principal: "*" } },
                { type: t.NATIVE_LAMBDA_PERMISSION, name: "FnUrl", props: { ...fn, action: "lambda:InvokeFunctionUrl", principal: "*", functionUrlAuthType: "NONE" } },
                { type: t.NATIVE_ECR_REPOSITORY, name: "PublicRepo", props: { repositoryPolicyText: doc(allow("*", ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"])) } },
                { type: t.NATIVE_EFS_FILE_SYSTEM, name: "Data", props: { encrypted: true, fileSystemPolicy: doc(allow({ AWS: "*" },
                    ["elasticfilesystem:ClientRootAccess", "elasticfilesystem:ClientWrite"], when("Bool", "elasticfilesystem:AccessedViaMountTarget", "true"))) } },
                { type: t.NATIVE_SNS_TOPIC_POLICY, name: "Uploads", props: { topics: [TOPIC], policyDocument: s3Publish({}) } },
                { type: t.NATIVE_SQS_QUEUE_INLINE_POLICY, name: "Events", props: { queue: "orders",
                    policyDocument: doc(allow({ Service: "events.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE, ...when("ArnEquals", "aws:SourceArn", `arn:aws:events:eu-west-1:${ACCOUNT}:rule/r`) })) } },
                { type: t.NATIVE_EVENTS_EVENT_BUS_POLICY, name: "AllAccounts", props: { principal: "*", action: "events:PutEvents", statementId: "all" } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["OpenInvoke", "mandatory", `${t.NATIVE_LAMBDA_PERMISSION} "OpenInvoke": principal is "*" without sourceAccount, sourceArn or principalOrgId, so any AWS account may invoke the function`],
            ["PublicRepo", "mandatory", `${t.NATIVE_ECR_REPOSITORY} "PublicRepo": repositoryPolicyText Statement[0] ${ANYONE}`],
            ["Uploads", "mandatory", `${t.NATIVE_SNS_TOPIC_POLICY} "Uploads": policyDocument Statement[0] ${UNPINNED_S3_EVENTS}`],
            ["AllAccounts", "mandatory", `${t.NATIVE_EVENTS_EVENT_BUS_POLICY} "AllAccounts": principal is "*" without a condition on aws:PrincipalOrgID, so every AWS account may put events on the bus`],
        ]);
        // At preview the bucket's and rule's ARNs, an API's endpoint types and a condition may be unknown.
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: t.NATIVE_LAMBDA_PERMISSION, name: "S3Invoke", props: { ...fn, principal: "s3.amazonaws.com", sourceArn: { $unknown: "string" } } },
                { type: t.NATIVE_SNS_TOPIC_POLICY, name: "Uploads", props: { topics: [{ $unknown: "string" }], policyDocument: s3Publish(when("ArnLike", "aws:SourceArn", { $unknown: "string" })) } },
                { type: t.NATIVE_APIGATEWAY_REST_API, name: "Api", props: { endpointConfiguration: { $unknown: "object" }, policy: doc(allow("*", "execute-api:Invoke")) } },
                { type: t.NATIVE_EVENTS_EVENT_BUS_POLICY, name: "Org", props: { principal: "*", action: "events:PutEvents", statementId: "org", condition: { $unknown: "object" } } },
                { type: t.NATIVE_SECRETS_MANAGER_RESOURCE_POLICY, name: "Secret", props: { secretId: { $unknown: "string" }, resourcePolicy: { $unknown: "object" } } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("aws-native carriers with no classic equivalent: open grants reported, MediaTailor's and RUM's anonymous grants pass, unknowns at preview pass", async () => {
        const monitor = (policyDocument: unknown) => ({ domain: "shop.example.com", resourcePolicy: { policyDocument } });
        const endpoint = { channelGroupName: "live", channelName: "main", originEndpointName: "hls" };
        const run = await engine.run({
            resources: [
                { type: t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, name: "Playback", props: { channelName: "linear", policy: doc(allow("*", "mediatailor:GetManifest", { Sid: "AllowAnonymous" })) } },
                { type: t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, name: "Manage", props: { channelName: "linear", policy: doc(allow("*", ["mediatailor:GetManifest", "mediatailor:DescribeChannel"])) } },
                { type: t.NATIVE_RUM_APP_MONITOR, name: "Browsers", props: monitor(JSON.stringify(doc(allow("*", "rum:PutRumEvents")))) },
                { type: t.NATIVE_LOGS_LOG_GROUP, name: "Logs", props: { retentionInDays: 30, resourcePolicyDocument: doc(allow("*", "logs:PutLogEvents")) } },
                { type: t.NATIVE_OSIS_PIPELINE, name: "Ingest", props: { maxUnits: 4, minUnits: 1, resourcePolicy: { policy: doc(allow("*", "osis:Ingest")) } } },
                { type: t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, name: "Origin", props: { ...endpoint, policy: doc(allow({ Service: "cloudfront.amazonaws.com" }, "mediapackagev2:GetObject")) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["Manage", "mandatory", `${t.NATIVE_MEDIATAILOR_CHANNEL_POLICY} "Manage": policy Statement[0] ${ANYONE}`],
            ["Logs", "mandatory", `${t.NATIVE_LOGS_LOG_GROUP} "Logs": resourcePolicyDocument Statement[0] ${ANYONE}`],
            ["Ingest", "mandatory", `${t.NATIVE_OSIS_PIPELINE} "Ingest": resourcePolicy.policy Statement[0] ${ANYONE}`],
            ["Origin", "mandatory", `${t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY} "Origin": policy Statement[0] ${UNPINNED_CLOUDFRONT}`],
        ]);
        // At preview a document, a condition, an action or the distribution's ARN may be unknown.
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: t.NATIVE_MEDIATAILOR_CHANNEL_POLICY, name: "Playback", props: { channelName: { $unknown: "string" }, policy: doc(allow("*", { $unknown: "string" })) } },
                { type: t.NATIVE_RUM_APP_MONITOR, name: "Browsers", props: monitor({ $unknown: "string" }) },
                { type: t.NATIVE_RUM_APP_MONITOR, name: "Pending", props: { domain: "shop.example.com", resourcePolicy: { $unknown: "object" } } },
                { type: t.NATIVE_LOGS_LOG_GROUP, name: "Logs", props: { resourcePolicyDocument: doc(allow("*", "logs:PutLogEvents", { Condition: { $unknown: "object" } })) } },
                { type: t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY, name: "Channel", props: { resourceArn: { $unknown: "string" }, resourcePolicy: { $unknown: "object" } } },
                { type: t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY, name: "Origin", props: { ...endpoint,
                    policy: doc(allow({ Service: "cloudfront.amazonaws.com" }, "mediapackagev2:GetObject", when("StringEquals", "AWS:SourceArn", { $unknown: "string" }))) } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("a Deny on aws:userid fences an open Allow to one role's sessions and the account (AWS Security Blog's pattern)", async () => {
        const open = allow({ AWS: "*" }, "s3:GetObject", { Sid: "AllowAny", Resource: `${BUCKET}/*` });
        const fence = (ids: string[]) => deny("*", "s3:*", { Resource: [BUCKET, `${BUCKET}/*`], ...when("StringNotLike", "aws:userid", ids) });
        const run = await engine.run({
            resources: [
                { type: t.S3_BUCKET_POLICY, name: "fenced", props: { bucket: "shop-uploads", policy: JSON.stringify(doc(open, fence(["AROAEXAMPLEID:*", ACCOUNT]))) } },
                { type: t.S3_BUCKET_POLICY, name: "wildcard-fence", props: { bucket: "shop-uploads", policy: JSON.stringify(doc(open, fence(["*:alice"]))) } },
            ],
        });
        expect(run.of(POLICY).map((d) => nameOfUrn(run, d.urn))).toEqual(["wildcard-fence"]);
    });

    it("a NotPrincipal Deny sparing only named principals fences an open Allow; one sparing a service does not; at preview unknown exceptions may", async () => {
        const open = allow("*", "sqs:SendMessage", { Sid: "AllowAny", Resource: QUEUE });
        const spare = (notPrincipal: unknown) => ({ Sid: "OnlyNamed", Effect: "Deny", NotPrincipal: notPrincipal, Action: "sqs:*", Resource: QUEUE });
        const queue = (name: string, notPrincipal: unknown, form: "object" | "string") => {
            const document = doc(open, spare(notPrincipal));
            return { type: t.SQS_QUEUE_POLICY, name, props: { queueUrl: "q", policy: form === "object" ? document : JSON.stringify(document) } };
        };
        const run = await engine.run({
            resources: [
                queue("named", { AWS: [ROLE, ROOT] }, "string"),
                queue("named-object", { AWS: ROLE }, "object"),
                queue("service-spared", { Service: "sns.amazonaws.com" }, "string"),
            ],
        });
        expect(run.of(POLICY).map((d) => nameOfUrn(run, d.urn))).toEqual(["service-spared"]);
        const preview = await engine.run({ preview: true, resources: [queue("pending", { AWS: { $unknown: "string" } }, "object")] });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("AWS's identity and confused-deputy perimeters fence an open Allow together, not the identity perimeter alone; at preview an unknown organization or aws:PrincipalIsAWSService value may", async () => {
        const open = allow("*", "sqs:SendMessage", { Sid: "AllowAny", Resource: QUEUE });
        const identity = deny("*", "sqs:*", { Resource: QUEUE, Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } });
        const deputy = (org: unknown) => deny("*", "sqs:*", { Resource: QUEUE, Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": org }, Bool: { "aws:PrincipalIsAWSService": "true" } } });
        const queue = (name: string, policy: unknown) => ({ type: t.SQS_QUEUE_POLICY, name, props: { queueUrl: "q", policy } });
        const run = await engine.run({
            resources: [
                queue("both", JSON.stringify(doc(open, identity, deputy(ORG)))),
                queue("both-object", doc(open, deputy(ORG), identity)),
                queue("identity-only", JSON.stringify(doc(open, identity))),
            ],
        });
        expect(run.of(POLICY).map((d) => nameOfUrn(run, d.urn))).toEqual(["identity-only"]);
        const pendingSort = deny("*", "sqs:*", { Resource: QUEUE, Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Bool: { "aws:PrincipalIsAWSService": { $unknown: "string" } } } });
        const preview = await engine.run({ preview: true, resources: [queue("pending", doc(open, identity, deputy({ $unknown: "string" }))), queue("pending-sort", doc(open, identity, pendingSort))] });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("AWS's RCP confused-deputy Deny (only where aws:SourceAccount is present) fences with the identity perimeter, and alone fences grants to services, as a Deny naming those services does; at preview an unknown value may", async () => {
        const open = allow("*", "s3:GetObject", { Sid: "AllowAny", Resource: `${BUCKET}/*` });
        const oac = allow({ Service: "cloudfront.amazonaws.com" }, "s3:GetObject", { Sid: "Oac", Resource: `${BUCKET}/*` });
        const identity = deny("*", "s3:*", { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } });
        const deputy = (present: unknown) => deny("*", "s3:*", { Condition: {
            StringNotEqualsIfExists: { "aws:SourceOrgID": ORG }, Null: { "aws:SourceAccount": present }, Bool: { "aws:PrincipalIsAWSService": "true" } } });
        const bucketPolicy = (name: string, policy: unknown) => ({ type: t.S3_BUCKET_POLICY, name, props: { bucket: name, policy } });
        const run = await engine.run({
            resources: [
                bucketPolicy("perimeter", JSON.stringify(doc(open, identity, deputy("false")))),
                bucketPolicy("oac-fenced", doc(oac, deputy("false"))),
                bucketPolicy("sourceless-only", JSON.stringify(doc(oac, identity, deputy("true")))),
                { type: t.SQS_QUEUE_POLICY, name: "s3-denied-elsewhere", props: { queueUrl: "q", policy: JSON.stringify(doc(
                    allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE }),
                    deny({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE, ...when("StringNotEquals", "aws:SourceAccount", ACCOUNT) }))) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), shortOf(d.message)])).toEqual([
            ["sourceless-only", `${t.S3_BUCKET_POLICY} "sourceless-only": policy statement "Oac" ${UNPINNED_CLOUDFRONT}`],
        ]);
        const preview = await engine.run({ preview: true, resources: [
            bucketPolicy("pending", doc(open, identity, deputy({ $unknown: "string" }))),
            bucketPolicy("pending-oac", doc(oac, deputy({ $unknown: "string" }))),
            { type: t.SQS_QUEUE_POLICY, name: "pending-s3-denied", props: { queueUrl: "q", policy: doc(
                allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE }),
                deny({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Resource: QUEUE, ...when("StringNotEquals", "aws:SourceAccount", { $unknown: "string" }) })) } },
        ] });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("AWS's RCP perimeters as bucket, queue, secret and ECR policies: excepting resources tagged dp:exclude:identity they fence, excepting principals so tagged not; at preview an unknown organization or tag value may", async () => {
        const perimeter = (service: string, action: string, exception: Record<string, unknown>, org: unknown = ORG) => doc(allow("*", action, { Sid: "AllowAny" }),
            deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": org, ...exception }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
            deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG, ...exception }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }));
        const excluded = (tag: "ResourceTag" | "PrincipalTag", value: unknown = "true") => ({ [`aws:${tag}/dp:exclude:identity`]: value });
        // A JSON string holds no unknown: at preview the documents are objects (an Output in `policy`).
        const text = (document: unknown, form: "string" | "object") => (form === "string" ? JSON.stringify(document) : document);
        const carriers = (name: string, exception: Record<string, unknown>, org: unknown = ORG, form: "string" | "object" = "string") => [
            { type: t.S3_BUCKET_POLICY, name: `${name}-bucket`, props: { bucket: `${name}-bucket`, policy: text(perimeter("s3", "s3:GetObject", exception, org), form) } },
            { type: t.SQS_QUEUE_POLICY, name: `${name}-queue`, props: { queueUrl: "q", policy: perimeter("sqs", "sqs:SendMessage", exception, org) } },
            { type: t.SECRETS_MANAGER_SECRET_POLICY, name: `${name}-secret`, props: { secretArn: "s", policy: text(perimeter("secretsmanager", "secretsmanager:GetSecretValue", exception, org), form) } },
            { type: t.ECR_REPOSITORY_POLICY, name: `${name}-repository`, props: { repository: "r", policy: perimeter("ecr", "ecr:BatchGetImage", exception, org) } },
        ];
        const run = await engine.run({ resources: [...carriers("resource-tag", excluded("ResourceTag")), ...carriers("principal-tag", excluded("PrincipalTag"))] });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel])).toEqual(
            // The bucket policy is judged in the stack part, after the others.
            ["principal-tag-queue", "principal-tag-secret", "principal-tag-repository", "principal-tag-bucket"].map((name) => [name, "mandatory"]));
        const preview = await engine.run({ preview: true, resources: [
            ...carriers("pending-org", excluded("ResourceTag"), { $unknown: "string" }, "object"),
            ...carriers("pending-tag", excluded("ResourceTag", { $unknown: "string" }), ORG, "object"),
        ] });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("AWS's RCP perimeters excepting resources tagged dp:exclude:identity: a queue, bucket, topic, secret or repository that carries the tag is public (inline or joined to its separate policy); untagged, or outside the stack, fenced; at preview an unknown tag waits", async () => {
        const perimeter = (service: string, action: string, exception: Record<string, unknown> = { "aws:ResourceTag/dp:exclude:identity": "true" }) => doc(allow("*", action, { Sid: "AllowAny" }),
            deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG, ...exception }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
            deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG, ...exception }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }));
        const TAGGED = { "dp:exclude:identity": "true", team: "shop" };
        const queue = (name: string, tags: unknown, policy?: unknown) => ({ type: t.SQS_QUEUE, name, props: { name, url: `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${name}`, tags, ...(policy ? { policy } : {}) } });
        const queuePolicy = (name: string, exception?: Record<string, unknown>) =>
            ({ type: t.SQS_QUEUE_POLICY, name: `${name}-policy`, props: { queueUrl: `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${name}`, policy: JSON.stringify(perimeter("sqs", "sqs:SendMessage", exception)) } });
        const bucket = (name: string, tags: unknown) => [
            { type: t.S3_BUCKET_V2, name, props: { bucket: name, tags } },
            { type: t.S3_BUCKET_POLICY, name: `${name}-policy`, props: { bucket: name, policy: JSON.stringify(perimeter("s3", "s3:GetObject")) } },
        ];
        const run = await engine.run({ resources: [
            queue("inline-tagged", TAGGED, JSON.stringify(perimeter("sqs", "sqs:SendMessage"))),
            queue("inline-untagged", { team: "shop" }, JSON.stringify(perimeter("sqs", "sqs:SendMessage"))),
            queue("inline-other-value", { "dp:exclude:identity": "false" }, JSON.stringify(perimeter("sqs", "sqs:SendMessage"))),
            // IAM compares a condition key's tag key ignoring case.
            queue("inline-key-case", { "DP:Exclude:Identity": "true" }, JSON.stringify(perimeter("sqs", "sqs:SendMessage"))),
            ...bucket("bucket-tagged", TAGGED), ...bucket("bucket-untagged", { team: "shop" }),
            ...bucket("bucket-restricted", TAGGED),
            { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "bucket-restricted-block", props: { bucket: "bucket-restricted", restrictPublicBuckets: true } },
            { type: t.S3_BUCKET_POLICY, name: "elsewhere-policy", props: { bucket: "not-in-this-stack", policy: JSON.stringify(perimeter("s3", "s3:GetObject")) } },
            queue("separate-tagged", TAGGED), queuePolicy("separate-tagged"),
            queue("separate-untagged", { team: "shop" }), queuePolicy("separate-untagged"),
            // The provider's defaultTags reach AWS through tagsAll (outputs after an update).
            { type: t.SQS_QUEUE, name: "default-tagged", props: { name: "default-tagged", url: `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/default-tagged`, tags: { team: "shop" }, tagsAll: TAGGED } },
            queuePolicy("default-tagged"),
            // The same on an inline policy: the resource part reads inputs (no tagsAll), the stack part the outputs.
            { type: t.SQS_QUEUE, name: "inline-default-tagged", props: { name: "inline-default-tagged", tags: { team: "shop" }, tagsAll: TAGGED, policy: JSON.stringify(perimeter("sqs", "sqs:SendMessage")) } },
            // A Deny with no tag exception applies whatever the tags.
            queue("no-exception", TAGGED), queuePolicy("no-exception", {}),
            { type: t.SNS_TOPIC, name: "topic-tagged", props: { name: "orders", arn: TOPIC, tags: TAGGED } },
            { type: t.SNS_TOPIC_POLICY, name: "topic-tagged-policy", props: { arn: TOPIC, policy: JSON.stringify(perimeter("sns", "sns:Publish")) } },
            { type: t.SECRETS_MANAGER_SECRET, name: "secret-tagged", props: { arn: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app-AbCdEf`, tags: TAGGED } },
            { type: t.SECRETS_MANAGER_SECRET_POLICY, name: "secret-tagged-policy",
                props: { secretArn: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app-AbCdEf`, policy: JSON.stringify(perimeter("secretsmanager", "secretsmanager:GetSecretValue")) } },
            { type: t.ECR_REPOSITORY, name: "repository-tagged", props: { name: "app", tags: TAGGED } },
            { type: t.ECR_REPOSITORY_POLICY, name: "repository-tagged-policy", props: { repository: "app", policy: JSON.stringify(perimeter("ecr", "ecr:BatchGetImage")) } },
        ] });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel])).toEqual(
            // The inline queues are judged per resource, the separate policies in the stack part, after them.
            ["inline-tagged", "inline-key-case", "bucket-tagged-policy", "separate-tagged-policy", "default-tagged-policy", "inline-default-tagged",
                "topic-tagged-policy", "secret-tagged-policy", "repository-tagged-policy"]
                .map((name) => [name, "mandatory"]));
        const unknown = { $unknown: "string" };
        const preview = await engine.run({ preview: true, resources: [
            queue("pending-value", { "dp:exclude:identity": unknown }, perimeter("sqs", "sqs:SendMessage")),
            { type: t.SQS_QUEUE, name: "pending-tags", props: { name: "pending-tags", tags: { $unknown: "object" }, policy: perimeter("sqs", "sqs:SendMessage") } },
            ...bucket("pending-bucket", { "dp:exclude:identity": unknown }),
            // A default tag may add the key while tagsAll is unknown.
            { type: t.SQS_QUEUE, name: "pending-defaults", props: { name: "pending-defaults", url: unknown, tags: { team: "shop" }, tagsAll: { $unknown: "object" } } },
            { type: t.SQS_QUEUE_POLICY, name: "pending-defaults-policy", props: { queueUrl: unknown, policy: perimeter("sqs", "sqs:SendMessage") }, propertyDependencies: { queueUrl: ["pending-defaults"] } },
            { type: t.SQS_QUEUE, name: "inline-pending-defaults", props: { name: "inline-pending-defaults", tags: { team: "shop" }, tagsAll: { $unknown: "object" }, policy: perimeter("sqs", "sqs:SendMessage") } },
            // Joined by its dependency while the URL is unknown: a known tag decides.
            { type: t.SQS_QUEUE, name: "joined-tagged", props: { name: "joined-tagged", url: unknown, tags: TAGGED } },
            { type: t.SQS_QUEUE_POLICY, name: "joined-tagged-policy", props: { queueUrl: unknown, policy: perimeter("sqs", "sqs:SendMessage") }, propertyDependencies: { queueUrl: ["joined-tagged"] } },
        ] });
        expect(preview.of(POLICY).map((d) => nameOfUrn(preview, d.urn))).toEqual(["joined-tagged-policy"]);
    });

    it("a public bucket policy: reported unless a public access block of the bucket or its account restricts it", async () => {
        const open = JSON.stringify(doc(allow("*", "s3:GetObject", { Sid: "PublicRead", Resource: "arn:aws:s3:::*/*" })));
        const site = (name: string, block?: Record<string, unknown>, provider?: string) => [
            { type: t.S3_BUCKET, name, props: { bucket: name }, ...(provider ? { provider } : {}) },
            { type: t.S3_BUCKET_POLICY, name: `${name}-policy`, props: { bucket: name, policy: open }, ...(provider ? { provider } : {}) },
            ...(block ? [{ type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: `${name}-block`, props: { bucket: name, ...block } }] : []),
        ];
        const run = await engine.run({
            resources: [
                { type: "pulumi:providers:aws", name: "baseline", props: { region: "eu-west-1" } },
                { type: t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, name: "account", props: { restrictPublicBuckets: true }, provider: "baseline" },
                ...site("restricted", { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true }),
                ...site("website", { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false }),
                ...site("unblocked"),
                ...site("in-baseline-account", undefined, "baseline"),
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["website-policy", "mandatory", `${t.S3_BUCKET_POLICY} "website-policy": policy statement "PublicRead" ${ANYONE}`],
            ["unblocked-policy", "mandatory", `${t.S3_BUCKET_POLICY} "unblocked-policy": policy statement "PublicRead" ${ANYONE}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: t.S3_BUCKET, name: "site", props: { bucket: { $unknown: "string" } } },
                { type: t.S3_BUCKET_POLICY, name: "site-policy", props: { bucket: { $unknown: "string" }, policy: open }, propertyDependencies: { bucket: ["site"] } },
                { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "site-block", props: { bucket: { $unknown: "string" }, restrictPublicBuckets: true }, propertyDependencies: { bucket: ["site"] } },
                { type: t.S3_ACCESS_POINT, name: "site-ap", props: { bucket: { $unknown: "string" }, name: "site-ap", policy: open } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
        // A bucket, its policy and its block named from one random suffix: at preview neither joins the bucket.
        const suffix = { type: "random:index/randomId:RandomId", name: "suffix", props: { byteLength: 4, hex: { $unknown: "string" } } };
        const shared = (restrictPublicBuckets: boolean) => engine.run({
            preview: true,
            resources: [
                suffix,
                { type: t.S3_BUCKET_V2, name: "site", props: { bucket: { $unknown: "string" } }, propertyDependencies: { bucket: ["suffix"] } },
                { type: t.S3_BUCKET_POLICY, name: "site-policy", props: { bucket: { $unknown: "string" }, policy: open }, propertyDependencies: { bucket: ["suffix"] } },
                { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "site-block", props: { bucket: { $unknown: "string" }, restrictPublicBuckets }, propertyDependencies: { bucket: ["suffix"] } },
            ],
        });
        expect((await shared(true)).of(POLICY)).toEqual([]);
        const unrestricted = await shared(false);
        expect(unrestricted.of(POLICY).map((d) => nameOfUrn(unrestricted, d.urn))).toEqual(["site-policy"]);
        // ACLs: a BucketAclV2, a bucket's own acl and an object's, with ownership controls named from the same suffix.
        const acls = (objectOwnership: string) => engine.run({
            preview: true,
            resources: [
                suffix,
                { type: t.S3_BUCKET_V2, name: "site", props: { bucket: { $unknown: "string" } }, propertyDependencies: { bucket: ["suffix"] } },
                { type: t.S3_BUCKET, name: "www", props: { bucket: { $unknown: "string" }, acl: "public-read" }, propertyDependencies: { bucket: ["suffix"] } },
                { type: t.S3_BUCKET_OWNERSHIP_CONTROLS, name: "site-ownership", props: { bucket: { $unknown: "string" }, rule: { objectOwnership } }, propertyDependencies: { bucket: ["suffix"] } },
                { type: t.S3_BUCKET_ACL_V2, name: "site-acl", props: { bucket: { $unknown: "string" }, acl: "public-read" }, propertyDependencies: { bucket: ["suffix"] } },
                { type: t.S3_BUCKET_OBJECT, name: "index", props: { bucket: { $unknown: "string" }, key: "index.html", acl: "public-read" }, propertyDependencies: { bucket: ["suffix"] } },
            ],
        });
        const enforced = await acls("BucketOwnerEnforced");
        expect(enforced.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"))).toEqual([]);
        // ObjectWriter keeps ACLs on: the bucket ACLs are reported as after apply; the object's bucket still
        // has a new bucket's default block (blockPublicAcls), which refuses its ACL.
        const writer = await acls("ObjectWriter");
        expect(writer.of(POLICY).map((d) => nameOfUrn(writer, d.urn))).toEqual(["www", "site-acl"]);
    });

    it("preview and update: a policy, ACL or access point named from the random suffix of a bucket whose own block or ownership (by `bucket.id`, or aws-native's inline) turns it off", async () => {
        const suffix = { type: "random:index/randomId:RandomId", name: "suffix", props: { byteLength: 4, hex: { $unknown: "string" } } };
        const OFF = { blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false };
        const open = (arn: string) => JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: `${arn}/*` })));
        // Each program at the first preview (names unknown, built from the suffix) and after apply (known).
        const stack = (preview: boolean, restrict: boolean) => {
            const name = (base: string) => (preview ? { $unknown: "string" } : `dev-${base}-1a2b3c4d`);
            const fromSuffix = preview ? { bucket: ["suffix"] } : {};
            const pointArn = "arn:aws:s3:eu-west-1:111122223333:accesspoint/uploads-ap";
            return [
                suffix,
                { type: t.S3_BUCKET_V2, name: "site", props: { bucket: name("site"), id: name("site") }, propertyDependencies: fromSuffix },
                { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "site-block", props: { bucket: name("site"), ...OFF, restrictPublicBuckets: restrict }, propertyDependencies: { bucket: ["site"] } },
                { type: t.S3_BUCKET_POLICY, name: "site-policy", props: { bucket: name("site"), policy: open("arn:aws:s3:::site") }, propertyDependencies: fromSuffix },
                { type: t.S3_ACCESS_POINT, name: "uploads-ap", props: { bucket: name("site"), name: "uploads-ap", publicAccessBlockConfiguration: OFF, policy: open(`${pointArn}/object`) }, propertyDependencies: fromSuffix },
                { type: t.NATIVE_S3_BUCKET, name: "cdk", props: { bucketName: name("cdk"), publicAccessBlockConfiguration: { ...OFF, restrictPublicBuckets: restrict },
                    ownershipControls: { rules: [{ objectOwnership: restrict ? "BucketOwnerEnforced" : "ObjectWriter" }] } }, propertyDependencies: preview ? { bucketName: ["suffix"] } : {} },
                { type: t.NATIVE_S3_BUCKET_POLICY, name: "cdk-policy", props: { bucket: name("cdk"), policyDocument: JSON.parse(open("arn:aws:s3:::cdk")) }, propertyDependencies: fromSuffix },
                { type: t.S3_BUCKET_ACL_V2, name: "cdk-acl", props: { bucket: name("cdk"), acl: "public-read" }, propertyDependencies: fromSuffix },
            ];
        };
        for (const preview of [true, false]) {
            const restricted = await engine.run({ preview, resources: stack(preview, true) });
            expect(restricted.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"))).toEqual([]);
            const open = await engine.run({ preview, resources: stack(preview, false) });
            expect(open.of(POLICY).map((d) => nameOfUrn(open, d.urn))).toEqual(["site-policy", "uploads-ap", "cdk-policy", "cdk-acl"]);
        }
    });

    it("preview and update: an access point policy whose ARN, and a policy and ACL by `bucket.id` whose block, are built from the random suffix", async () => {
        const suffix = { type: "random:index/randomId:RandomId", name: "suffix", props: { byteLength: 4, hex: { $unknown: "string" } } };
        const OFF = { blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false };
        const open = (arn: string) => JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: `${arn}/*` })));
        // Each program at the first preview (names unknown, built from the suffix) and after apply (known).
        const stack = (preview: boolean, restrict: boolean) => {
            const name = (base: string) => (preview ? { $unknown: "string" } : `dev-${base}-1a2b3c4d`);
            const fromSuffix = (...inputs: string[]) => (preview ? Object.fromEntries(inputs.map((input) => [input, ["suffix"]])) : {});
            const pointArn = `arn:aws:s3:eu-west-1:111122223333:accesspoint/dev-uploads-ap-1a2b3c4d`;
            return [
                suffix,
                { type: t.S3_BUCKET_V2, name: "site", props: { bucket: name("site"), id: name("site") }, propertyDependencies: fromSuffix("bucket") },
                { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "site-block", props: { bucket: name("site"), ...OFF, restrictPublicBuckets: restrict, ignorePublicAcls: restrict }, propertyDependencies: fromSuffix("bucket") },
                { type: t.S3_BUCKET_POLICY, name: "site-policy", props: { bucket: name("site"), policy: open("arn:aws:s3:::site") }, propertyDependencies: { bucket: ["site"] } },
                { type: t.S3_BUCKET_ACL_V2, name: "site-acl", props: { bucket: name("site"), acl: "public-read" }, propertyDependencies: { bucket: ["site"] } },
                { type: t.S3_ACCESS_POINT, name: "uploads-ap", props: { bucket: "shop-uploads", name: name("uploads-ap"), arn: preview ? { $unknown: "string" } : pointArn,
                    ...(restrict ? {} : { publicAccessBlockConfiguration: OFF }) }, propertyDependencies: fromSuffix("name") },
                { type: t.S3CONTROL_ACCESS_POINT_POLICY, name: "uploads-ap-policy", props: { accessPointArn: preview ? { $unknown: "string" } : pointArn, policy: open(`${pointArn}/object`) },
                    propertyDependencies: fromSuffix("accessPointArn") },
            ];
        };
        for (const preview of [true, false]) {
            const restricted = await engine.run({ preview, resources: stack(preview, true) });
            expect(restricted.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"))).toEqual([]);
            const open = await engine.run({ preview, resources: stack(preview, false) });
            expect(open.of(POLICY).map((d) => nameOfUrn(open, d.urn))).toEqual(["site-policy", "site-acl", "uploads-ap-policy"]);
        }
    });

    it("an object's public ACL: reported where the bucket lets S3 honour it, after an update and at preview", async () => {
        const unknown = { $unknown: "string" };
        // Pulumi's static website template, with the bucket's name computed at preview.
        const website = (name: string, ref: unknown, ownership: string, block?: Record<string, unknown>) => [
            { type: t.S3_BUCKET, name, props: { bucket: ref } },
            { type: t.S3_BUCKET_OWNERSHIP_CONTROLS, name: `${name}-ownership`, props: { bucket: ref, rule: { objectOwnership: ownership } }, propertyDependencies: { bucket: [name] } },
            ...(block ? [{ type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: `${name}-block`, props: { bucket: ref, ...block }, propertyDependencies: { bucket: [name] } }] : []),
            { type: t.S3_BUCKET_OBJECT, name: `${name}/index.html`, props: { bucket: ref, key: "index.html", contentType: "text/html", acl: "public-read" }, propertyDependencies: { bucket: [name] } },
        ];
        const stack = (preview: boolean) => [
            ...website("www", preview ? unknown : "www-7d1e2a", "ObjectWriter", { blockPublicAcls: false }),
            ...website("enforced", preview ? unknown : "enforced-7d1e2a", "BucketOwnerEnforced", { blockPublicAcls: false }),
            ...website("blocked", preview ? unknown : "blocked-7d1e2a", "ObjectWriter", { blockPublicAcls: true, ignorePublicAcls: true }),
            ...website("default-block", preview ? unknown : "default-block-7d1e2a", "BucketOwnerPreferred"),
            { type: t.S3_BUCKET, name: "assets", props: { bucket: preview ? unknown : "assets-7d1e2a" } },
            { type: t.S3_BUCKET_OBJECT_V2, name: "assets/logo.png", props: { bucket: preview ? unknown : "assets-7d1e2a", key: "logo.png", acl: "public-read" }, propertyDependencies: { bucket: ["assets"] } },
            { type: t.S3_OBJECT_COPY, name: "legacy/app.js", props: { bucket: "legacy-assets", key: "app.js", source: "build-artifacts/app.js", acl: "public-read" } },
        ];
        const run = await engine.run({ resources: stack(false) });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["www/index.html", "mandatory", `${t.S3_BUCKET_OBJECT} "www/index.html": acl "public-read" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`],
            ["legacy/app.js", "mandatory", `${t.S3_OBJECT_COPY} "legacy/app.js": acl "public-read" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`],
        ]);
        const preview = await engine.run({ preview: true, resources: stack(true) });
        expect(preview.of(POLICY).map((d) => nameOfUrn(preview, d.urn))).toEqual(["www/index.html", "legacy/app.js"]);
        // What decides, unknown at preview: the ACL, the ownership, the block.
        const pending = await engine.run({
            preview: true,
            resources: [
                ...website("www", unknown, "ObjectWriter", { blockPublicAcls: { $unknown: "boolean" } }),
                { type: t.S3_BUCKET_OBJECT, name: "www/app.js", props: { bucket: unknown, key: "app.js", acl: unknown }, propertyDependencies: { bucket: ["www"] } },
                { type: t.S3_BUCKET, name: "docs", props: { bucket: unknown } },
                { type: t.S3_BUCKET_OWNERSHIP_CONTROLS, name: "docs-ownership", props: { bucket: unknown, rule: { objectOwnership: unknown } }, propertyDependencies: { bucket: ["docs"] } },
                { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "docs-block", props: { bucket: unknown, blockPublicAcls: false }, propertyDependencies: { bucket: ["docs"] } },
                { type: t.S3_BUCKET_OBJECT, name: "docs/index.html", props: { bucket: unknown, key: "index.html", acl: "public-read" }, propertyDependencies: { bucket: ["docs"] } },
            ],
        });
        expect(pending.of(POLICY)).toEqual([]);
    });

    it("an object's public ACL in an aws-native bucket: its inline ownershipControls judged as a BucketOwnershipControls, after an update and at preview", async () => {
        const unknown = { $unknown: "string" };
        const off = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
        const site = (name: string, ref: unknown, ownershipControls: unknown, block: unknown = off) => [
            { type: t.NATIVE_S3_BUCKET, name, props: { bucketName: ref, ...(ownershipControls === undefined ? {} : { ownershipControls }), publicAccessBlockConfiguration: block } },
            { type: t.S3_BUCKET_OBJECT_V2, name: `${name}/index.html`, props: { bucket: ref, key: "index.html", contentType: "text/html", acl: "public-read" }, propertyDependencies: { bucket: [name] } },
        ];
        const stack = (preview: boolean) => [
            ...site("Www", preview ? unknown : "www-1a2b3c", { rules: [{ objectOwnership: "ObjectWriter" }] }),
            ...site("Enforced", preview ? unknown : "enforced-1a2b3c", { rules: [{ objectOwnership: "BucketOwnerEnforced" }] }),
            ...site("Blocked", preview ? unknown : "blocked-1a2b3c", { rules: [{ objectOwnership: "BucketOwnerPreferred" }] }, { ...off, ignorePublicAcls: true }),
            ...site("Defaults", preview ? unknown : "defaults-1a2b3c", undefined),
        ];
        const run = await engine.run({ resources: stack(false) });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["Www/index.html", "mandatory", `${t.S3_BUCKET_OBJECT_V2} "Www/index.html": acl "public-read" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`],
        ]);
        const preview = await engine.run({ preview: true, resources: stack(true) });
        expect(preview.of(POLICY).map((d) => nameOfUrn(preview, d.urn))).toEqual(["Www/index.html"]);
        // The ownership built from another output, unknown at preview: not reported.
        const pending = await engine.run({ preview: true, resources: site("Www", unknown, { rules: [{ objectOwnership: unknown }] }) });
        expect(pending.of(POLICY)).toEqual([]);
    });

    it("a bucket ACL with its BucketOwnershipControls: reported with ACLs on, passes with BucketOwnerEnforced, after an update and at preview", async () => {
        const unknown = { $unknown: "string" };
        // Terraform's and Pulumi's website recipe: ownership, block off, then the ACL.
        const site = (name: string, ref: unknown, objectOwnership: unknown) => [
            { type: t.S3_BUCKET, name, props: { bucket: ref } },
            { type: t.S3_BUCKET_OWNERSHIP_CONTROLS, name: `${name}-ownership`, props: { bucket: ref, rule: { objectOwnership } }, propertyDependencies: { bucket: [name] } },
            { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: `${name}-block`, props: { bucket: ref, blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }, propertyDependencies: { bucket: [name] } },
            { type: t.S3_BUCKET_ACL, name: `${name}-acl`, props: { bucket: ref, acl: "public-read" }, propertyDependencies: { bucket: [name] } },
        ];
        const stack = (preview: boolean) => [
            ...site("www", preview ? unknown : "www-7d1e2a", "BucketOwnerPreferred"),
            ...site("enforced", preview ? unknown : "enforced-7d1e2a", "BucketOwnerEnforced"),
            { type: t.S3_BUCKET, name: "legacy", props: { bucket: "legacy-7d1e2a", acl: "public-read" } },
            { type: t.S3_BUCKET_OWNERSHIP_CONTROLS, name: "legacy-ownership", props: { bucket: "legacy-7d1e2a", rule: { objectOwnership: "BucketOwnerEnforced" } } },
        ];
        const run = await engine.run({ resources: stack(false) });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["www-acl", "mandatory", `${t.S3_BUCKET_ACL} "www-acl": acl "public-read" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`],
        ]);
        const preview = await engine.run({ preview: true, resources: stack(true) });
        expect(preview.of(POLICY).map((d) => nameOfUrn(preview, d.urn))).toEqual(["www-acl"]);
        // The ownership not known yet: it may turn ACLs off.
        const pending = await engine.run({ preview: true, resources: site("docs", unknown, unknown) });
        expect(pending.of(POLICY)).toEqual([]);
    });

    it("separate access point, Multi-Region Access Point and domain policies: judged with what they apply to, after an update and at preview; S3 on Outposts and S3 Tables never public", async () => {
        const apArn = `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/partner-reads`;
        const apOpen = JSON.stringify(doc(allow({ AWS: "*" }, "s3:GetObjectTagging", { Resource: `${apArn}/object/*` })));
        const esOpen = JSON.stringify(doc(allow({ AWS: "*" }, ["es:ESHttpGet", "es:ESHttpPost"], { Resource: `arn:aws:es:eu-west-1:${ACCOUNT}:domain/app-search/*` })));
        const OFF = { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: false };
        const OUTPOST = `arn:aws:s3-outposts:us-west-2:${ACCOUNT}:outpost/op-01ac5d28a6a232904`;
        const outpostsOpen = JSON.stringify(doc(allow({ AWS: "*" }, "s3-outposts:GetObject", { Resource: `${OUTPOST}/bucket/edge-data/object/*` })));
        const TABLES = `arn:aws:s3tables:eu-west-1:${ACCOUNT}:bucket/analytics`;
        const stack = (preview: boolean) => {
            const known = (value: string) => (preview ? { $unknown: "string" } : value);
            return [
                { type: t.S3_BUCKET_V2, name: "partner-data", props: { bucket: "partner-data-7d1e2a" } },
                { type: t.S3_ACCESS_POINT, name: "default-ap", props: { bucket: "partner-data-7d1e2a", name: "default-ap", arn: known(`${apArn}-default`) } },
                { type: t.S3_ACCESS_POINT, name: "vpc-ap", props: { bucket: "partner-data-7d1e2a", name: "vpc-ap", arn: known(`${apArn}-vpc`), publicAccessBlockConfiguration: OFF, vpcConfiguration: { vpcId: "vpc-0a1b2c3d4e5f60001" } } },
                { type: t.S3_ACCESS_POINT, name: "open-ap", props: { bucket: "partner-data-7d1e2a", name: "open-ap", arn: known(`${apArn}-open`), publicAccessBlockConfiguration: OFF } },
                ...["default", "vpc", "open"].map((which) => ({
                    type: t.S3CONTROL_ACCESS_POINT_POLICY, name: `${which}-ap-policy`,
                    props: { accessPointArn: known(`${apArn}-${which}`), policy: apOpen }, propertyDependencies: { accessPointArn: [`${which}-ap`] },
                })),
                // The provider's example names the policy's Multi-Region Access Point by its id, unknown at preview.
                { type: t.S3CONTROL_MULTI_REGION_ACCESS_POINT, name: "orders-mrap", props: { details: { name: "orders", regions: [{ bucket: "partner-data-7d1e2a" }] } } },
                {
                    type: t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, name: "orders-mrap-policy", propertyDependencies: { details: ["orders-mrap"] },
                    props: { details: { name: known("orders"), policy: JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap/object/*` }))) } },
                },
                // Blocks off: the buckets of its regions decide (one without a block lets requests in).
                { type: t.S3_BUCKET_V2, name: "returns-eu", props: { bucket: "returns-eu-7d1e2a" } },
                { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "returns-eu-block", props: { bucket: "returns-eu-7d1e2a", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } },
                ...[["returns", ["returns-eu-7d1e2a"]], ["mixed", ["returns-eu-7d1e2a", "partner-data-7d1e2a"]]].map(([which, buckets]) => [
                    { type: t.S3CONTROL_MULTI_REGION_ACCESS_POINT, name: `${which}-mrap`, props: { details: { name: which, publicAccessBlock: OFF, regions: (buckets as string[]).map((bucket) => ({ bucket })) } } },
                    {
                        type: t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, name: `${which}-mrap-policy`, propertyDependencies: { details: [`${which}-mrap`] },
                        props: { details: { name: known(which as string), policy: JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap/object/*` }))) } },
                    },
                ]).flat(),
                { type: t.OPENSEARCH_DOMAIN, name: "search", props: { domainName: "app-search", advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: false } } },
                { type: t.OPENSEARCH_DOMAIN_POLICY, name: "search-policy", props: { domainName: "app-search", accessPolicies: esOpen }, propertyDependencies: { domainName: ["search"] } },
                { type: t.OPENSEARCH_DOMAIN_POLICY, name: "elsewhere-policy", props: { domainName: "shared-search", accessPolicies: esOpen } },
                // S3 on Outposts and S3 Tables keep public access blocked whatever the policy says.
                { type: t.S3CONTROL_ACCESS_POINT_POLICY, name: "outposts-ap-policy", props: { accessPointArn: `${OUTPOST}/accesspoint/edge-ap`, policy: outpostsOpen } },
                { type: t.S3CONTROL_BUCKET_POLICY, name: "outposts-bucket-policy", props: { bucket: `${OUTPOST}/bucket/edge-data`, policy: outpostsOpen } },
                {
                    type: t.S3TABLES_TABLE_BUCKET_POLICY, name: "tables-policy",
                    props: { tableBucketArn: TABLES, resourcePolicy: JSON.stringify(doc(allow("*", "s3tables:GetTableData", { Resource: `${TABLES}/table/*` }))) },
                },
            ];
        };
        for (const preview of [false, true]) {
            const run = await engine.run({ preview, resources: stack(preview) });
            expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
                ["open-ap-policy", "mandatory", `${t.S3CONTROL_ACCESS_POINT_POLICY} "open-ap-policy": policy Statement[0] ${ANYONE}`],
                ["mixed-mrap-policy", "mandatory", `${t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY} "mixed-mrap-policy": details.policy Statement[0] ${ANYONE}`],
                ["elsewhere-policy", "mandatory", `${t.OPENSEARCH_DOMAIN_POLICY} "elsewhere-policy": accessPolicies Statement[0] ${ANYONE}`],
            ]);
        }
    });

    it("a separate REST API policy is judged with its API: reported on a private API, after an update and at preview", async () => {
        const open = JSON.stringify(doc(allow("*", "execute-api:Invoke", { Resource: "execute-api:/*" })));
        const stack = (preview: boolean) => ["internal", "public"].flatMap((which) => [
            { type: t.APIGATEWAY_REST_API, name: `${which}-api`, props: { name: which, ...(preview ? {} : { id: `${which}0a1b2c`.slice(0, 10) }), endpointConfiguration: { types: which === "internal" ? "PRIVATE" : "REGIONAL" } } },
            {
                type: t.APIGATEWAY_REST_API_POLICY, name: `${which}-api-policy`, propertyDependencies: { restApiId: [`${which}-api`] },
                props: { restApiId: preview ? { $unknown: "string" } : `${which}0a1b2c`.slice(0, 10), policy: open },
            },
        ]);
        for (const preview of [false, true]) {
            const run = await engine.run({ preview, resources: stack(preview) });
            expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
                ["internal-api-policy", "mandatory", `${t.APIGATEWAY_REST_API_POLICY} "internal-api-policy": policy Statement[0] ${ANYONE}`],
            ]);
        }
    });

    it("reports the insecure fixture", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "insecure.json")));
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), shortOf(d.message)])).toEqual([
            ["orders-queue-policy", `${t.SQS_QUEUE_POLICY} "orders-queue-policy": policy statement "Worker" ${WILDCARD('"sqs:*"')}`],
            ["orders-queue-policy", `${t.SQS_QUEUE_POLICY} "orders-queue-policy": policy statement "OrgSend" ${ANYONE}`],
            ["alerts", `${t.SNS_TOPIC} "alerts": policy statement "EventsPublish" ${WILDCARD('"SNS:*"')}`],
            ["base-images-policy", `${t.ECR_REPOSITORY_POLICY} "base-images-policy": policy statement "new policy" ${ANYONE}`],
            ["partner-secret-policy", `${t.SECRETS_MANAGER_SECRET_POLICY} "partner-secret-policy": policy Statement[0] ${ANYONE}`],
            ["search", `${t.OPENSEARCH_DOMAIN} "search": accessPolicies Statement[0] ${WILDCARD('"es:*"')}`],
            ["search", `${t.OPENSEARCH_DOMAIN} "search": accessPolicies Statement[0] ${ANYONE}`],
            ["archive-vault", `${t.GLACIER_VAULT} "archive-vault": accessPolicy Statement[0] ${ANYONE}`],
            ["partner-access", `${t.IAM_ROLE} "partner-access": assumeRolePolicy Statement[0] ${ANYONE}`],
            ["api-invoke", `${t.LAMBDA_PERMISSION} "api-invoke": principal is the service principal "apigateway.amazonaws.com" without sourceArn or sourceAccount, ` +
                "so the service may invoke the function on behalf of resources in any account"],
            ["uploads-policy", `${t.S3_BUCKET_POLICY} "uploads-policy": policy statement "PublicReadWrite" ${ANYONE}`],
        ]);
    });

    it("passes the secure fixture", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "secure.json")));
        expect(run.of(POLICY)).toEqual([]);
    });

    it("accepts configured allowedActions and exemptions", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "insecure.json")), {
            config: {
                [POLICY]: {
                    properties: {
                        allowedActions: ["sqs:*", "SNS:*", "es:*"],
                        exemptions: [{ name: "uploads-policy", reason: "public website" }, { type: t.LAMBDA_PERMISSION, reason: "legacy" }],
                    },
                },
            },
        });
        expect(run.of(POLICY).map((d) => nameOfUrn(run, d.urn))).toEqual(["orders-queue-policy", "base-images-policy", "partner-secret-policy", "search", "archive-vault", "partner-access"]);
    });

    it("skips what preview does not know yet, but not a grant that is too wide regardless", async () => {
        const run = await engine.run({
            preview: true,
            resources: [
                { type: t.S3_BUCKET_POLICY, name: "pending", props: { bucket: { $unknown: "string" }, policy: { $unknown: "string" } } },
                { type: t.SQS_QUEUE_POLICY, name: "pending-pin", props: { queueUrl: "q", policy: doc(allow("*", "sqs:SendMessage", when("ArnEquals", "aws:SourceArn", { $unknown: "string" }))) } },
                { type: t.SQS_QUEUE_POLICY, name: "role-and-pending", props: { queueUrl: "q", policy: doc(allow({ AWS: [ROLE, { $unknown: "string" }] }, "sqs:*")) } },
                { type: t.LAMBDA_PERMISSION, name: "pending-source", props: { function: "f", action: "lambda:InvokeFunction", principal: "sns.amazonaws.com", sourceArn: { $unknown: "string" } } },
            ],
        });
        expect(run.of(POLICY).map((d) => nameOfUrn(run, d.urn))).toEqual(["role-and-pending"]);
    });

    it("judges GitHub's customized subjects by their first claim, and the built-in web identity providers by app_id", async () => {
        const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
        const role = (name: string, federated: string, condition?: Record<string, unknown>) => ({
            type: t.IAM_ROLE, name, props: { assumeRolePolicy: JSON.stringify(doc({
                Effect: "Allow", Principal: { Federated: federated }, Action: "sts:AssumeRoleWithWebIdentity", ...(condition ? { Condition: condition } : {}),
            })) },
        });
        const AUD = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };
        const run = await engine.run({
            resources: [
                role("deploy-customized", GITHUB, { StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repository_owner_id:1234567:repository_id:7654321:*" } }),
                role("deploy-environment", GITHUB, { StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": "environment:production" } }),
                role("web-facebook", "graph.facebook.com"),
                role("web-facebook-app", "graph.facebook.com", { StringEquals: { "graph.facebook.com:app_id": "123456789012345" } }),
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message).replace(/ without .*$/, "")])).toEqual([
            ["deploy-environment", "mandatory", `${t.IAM_ROLE} "deploy-environment": assumeRolePolicy Statement[0] trusts GitHub Actions' OIDC provider`],
            ["web-facebook", "mandatory", `${t.IAM_ROLE} "web-facebook": assumeRolePolicy Statement[0] trusts Facebook's built-in web identity provider (graph.facebook.com)`],
        ]);
    });

    it("judges the trust policies of sandboxes.cloud by the organization's audience and Shisho Cloud by the subject", async () => {
        const role = (name: string, issuer: string, condition?: Record<string, unknown>) => ({
            type: t.IAM_ROLE, name, props: { assumeRolePolicy: JSON.stringify(doc({
                Effect: "Allow", Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer}` }, Action: "sts:AssumeRoleWithWebIdentity",
                ...(condition ? { Condition: condition } : {}),
            })) },
        });
        const run = await engine.run({
            resources: [
                role("sandbox-org", "sandboxes.cloud", { StringEquals: { "sandboxes.cloud:aud": ["acme"] } }),
                role("sandbox-any", "sandboxes.cloud"),
                role("shisho-bot", "tokens.cloud.shisho.dev", { StringEquals: { "tokens.cloud.shisho.dev:sub": "org:acme:bot:BT01HXYZ" } }),
                role("shisho-any", "tokens.cloud.shisho.dev", { StringLike: { "tokens.cloud.shisho.dev:sub": "*" } }),
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message).replace(/ without .*$/, "")])).toEqual([
            ["sandbox-any", "mandatory", `${t.IAM_ROLE} "sandbox-any": assumeRolePolicy Statement[0] trusts Crafting's shared OIDC provider (sandboxes.cloud)`],
            ["shisho-any", "mandatory", `${t.IAM_ROLE} "shisho-any": assumeRolePolicy Statement[0] trusts Shisho Cloud's OIDC provider (tokens.cloud.shisho.dev)`],
        ]);
    });

    it("judges a trust policy of a provider the program creates once its ARN is known, not at preview", async () => {
        const trust = (provider: unknown, sub: unknown) => ({ assumeRolePolicy: doc({
            Effect: "Allow", Principal: { Federated: provider }, Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { "gitlab.com:aud": "https://gitlab.com" }, StringLike: { "gitlab.com:sub": sub } },
        }) });
        const GITLAB = "arn:aws:iam::111122223333:oidc-provider/gitlab.com";
        const resources = (provider: unknown) => [
            { type: t.IAM_ROLE, name: "gitlab-any-project", props: trust(provider, "project_path:*/infra:*") },
            { type: t.IAM_ROLE, name: "gitlab-one-project", props: trust(provider, "project_path:acme/infra:*") },
            { type: t.IAM_ROLE, name: "gitlab-pending-project", props: trust(provider, { $unknown: "string" }) },
        ];
        const preview = await engine.run({ preview: true, resources: resources({ $unknown: "string" }) });
        expect(preview.of(POLICY)).toEqual([]);
        const update = await engine.run({ resources: resources(GITLAB) });
        expect(update.of(POLICY).map((d) => [nameOfUrn(update, d.urn), shortOf(d.message)])).toEqual([
            ["gitlab-any-project", `${t.IAM_ROLE} "gitlab-any-project": assumeRolePolicy Statement[0] trusts GitLab.com's OIDC provider without a condition on ` +
                "the token's subject (sub) naming your projects, so a CI/CD job of any project on GitLab.com may assume the role"],
        ]);
    });

    it("aws-native bucket ACLs (pulumi-cdk): CDK's PUBLIC_READ reported, its log bucket and a PublicRead with ACLs off pass, unknowns at preview pass", async () => {
        const bucket = (name: string, props: Record<string, unknown>) => ({ type: t.NATIVE_S3_BUCKET, name, props: { bucketName: `${name.toLowerCase()}-1a2b3c`, ...props } });
        const ownership = (objectOwnership: unknown) => ({ ownershipControls: { rules: [{ objectOwnership }] } });
        const run = await engine.run({
            resources: [
                bucket("Site", { accessControl: "PublicRead", ...ownership("ObjectWriter") }),
                bucket("Logs", { accessControl: "LogDeliveryWrite", ...ownership("ObjectWriter") }),
                bucket("Leftover", { accessControl: "PublicRead", ...ownership("BucketOwnerEnforced") }),
                bucket("Blocked", { accessControl: "PublicRead", ...ownership("ObjectWriter"), publicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true } }),
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["Site", "mandatory", `${t.NATIVE_S3_BUCKET} "Site": accessControl "PublicRead" grants READ to everyone (AllUsers: anyone on the internet, unsigned requests included)`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                bucket("Site", { accessControl: { $unknown: "string" }, ...ownership("ObjectWriter") }),
                bucket("Owned", { accessControl: "PublicRead", ...ownership({ $unknown: "string" }) }),
                bucket("Pending", { accessControl: "PublicRead", ...ownership("ObjectWriter"), publicAccessBlockConfiguration: { $unknown: "object" } }),
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("aws-native CodeArtifact, OAM, VPC Lattice, S3 Tables and S3 Express policies: judged as the classic types (directory buckets' block always on), unknowns at preview pass", async () => {
        const orgOnly = when("StringEquals", "aws:PrincipalOrgID", ORG);
        const link = ["oam:CreateLink", "oam:UpdateLink"];
        const run = await engine.run({
            resources: [
                { type: t.NATIVE_CODEARTIFACT_DOMAIN, name: "Packages", props: { domainName: "packages",
                    permissionsPolicyDocument: doc(allow("*", ["codeartifact:GetAuthorizationToken", "codeartifact:ReadFromRepository"], orgOnly)) } },
                { type: t.NATIVE_CODEARTIFACT_REPOSITORY, name: "OpenRepo", props: { domainName: "packages", repositoryName: "npm-store",
                    permissionsPolicyDocument: doc(allow("*", "codeartifact:ReadFromRepository")) } },
                { type: t.NATIVE_OAM_SINK, name: "Sink", props: { name: "central", policy: doc(allow("*", link, { Condition: { "ForAnyValue:StringEquals": { "aws:PrincipalOrgID": [ORG] } } })) } },
                { type: t.NATIVE_VPCLATTICE_AUTH_POLICY, name: "Auth", props: { resourceIdentifier: "svc-0285b53b2eEXAMPLE",
                    policy: doc(allow("*", "vpc-lattice-svcs:Invoke", when("StringNotEqualsIgnoreCase", "aws:PrincipalType", "anonymous"))) } },
                { type: t.NATIVE_VPCLATTICE_RESOURCE_POLICY, name: "OpenNetwork", props: { resourceArn: `arn:aws:vpc-lattice:eu-west-1:${ACCOUNT}:servicenetwork/sn-0158f91c1eEXAMPLE`,
                    policy: doc(allow("*", "vpc-lattice:CreateServiceNetworkVpcAssociation")) } },
                { type: t.NATIVE_S3TABLES_TABLE_BUCKET_POLICY, name: "Tables", props: { tableBucketArn: `arn:aws:s3tables:eu-west-1:${ACCOUNT}:bucket/analytics`,
                    resourcePolicy: doc(allow("*", "s3tables:GetTableData")) } },
                { type: t.NATIVE_S3TABLES_TABLE_POLICY, name: "WideTable", props: { tableArn: `arn:aws:s3tables:eu-west-1:${ACCOUNT}:bucket/analytics/table/orders`,
                    resourcePolicy: doc(allow({ AWS: ROLE }, "s3tables:*")) } },
                { type: t.NATIVE_S3EXPRESS_BUCKET_POLICY, name: "Express", props: { bucket: "orders--euw1-az1--x-s3", policyDocument: doc(allow({ AWS: ACCOUNT }, "s3express:CreateSession")) } },
                // A directory bucket's block is always on: S3 refuses a policy open to anyone, which is not reported as open.
                { type: t.NATIVE_S3EXPRESS_BUCKET_POLICY, name: "OpenExpress", props: { bucket: "events--euw1-az1--x-s3", policyDocument: doc(allow("*", "s3express:CreateSession")) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["OpenRepo", "mandatory", `${t.NATIVE_CODEARTIFACT_REPOSITORY} "OpenRepo": permissionsPolicyDocument Statement[0] ${ANYONE}`],
            ["OpenNetwork", "mandatory", `${t.NATIVE_VPCLATTICE_RESOURCE_POLICY} "OpenNetwork": policy Statement[0] ${ANYONE}`],
            ["WideTable", "mandatory", `${t.NATIVE_S3TABLES_TABLE_POLICY} "WideTable": resourcePolicy Statement[0] ${WILDCARD('"s3tables:*"')}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: t.NATIVE_CODEARTIFACT_DOMAIN, name: "Packages", props: { domainName: "packages", permissionsPolicyDocument: { $unknown: "object" } } },
                { type: t.NATIVE_OAM_SINK, name: "Sink", props: { name: "central", policy: doc(allow("*", link, when("StringEquals", "aws:PrincipalOrgID", { $unknown: "string" }))) } },
                { type: t.NATIVE_VPCLATTICE_RESOURCE_POLICY, name: "Network", props: { resourceArn: { $unknown: "string" }, policy: { $unknown: "object" } } },
                { type: t.NATIVE_S3TABLES_TABLE_POLICY, name: "Table", props: { tableArn: { $unknown: "string" }, resourcePolicy: { $unknown: "object" } } },
                { type: t.NATIVE_S3EXPRESS_BUCKET_POLICY, name: "Express", props: { bucket: { $unknown: "string" }, policyDocument: doc(allow({ AWS: { $unknown: "string" } }, "s3express:CreateSession")) } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("aws-native X-Ray, schema registry, DSQL, Object Lambda and Outposts policies: open or wide grants reported, unknowns at preview pass", async () => {
        const run = await engine.run({
            resources: [
                { type: t.NATIVE_XRAY_RESOURCE_POLICY, name: "OpenTraces", props: { policyName: "open", policyDocument: JSON.stringify(doc(allow("*", "xray:PutTraceSegments"))) } },
                { type: t.NATIVE_EVENTSCHEMAS_REGISTRY_POLICY, name: "Schemas", props: { registryName: "example", policy: doc(allow({ AWS: ["109876543210"] }, "schemas:*")) } },
                { type: t.NATIVE_DSQL_CLUSTER, name: "Cluster", props: { deletionProtectionEnabled: true } },
                { type: t.NATIVE_S3OBJECTLAMBDA_ACCESS_POINT_POLICY, name: "Transform", props: { objectLambdaAccessPoint: "transform", policyDocument: doc(allow("*", "s3-object-lambda:GetObject")) } },
                { type: t.NATIVE_S3OUTPOSTS_BUCKET_POLICY, name: "OutpostLogs", props: { bucket: "logs", policyDocument: doc(allow({ AWS: ROLE }, "s3-outposts:*")) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["OpenTraces", "mandatory", `${t.NATIVE_XRAY_RESOURCE_POLICY} "OpenTraces": policyDocument Statement[0] ${ANYONE}`],
            ["OutpostLogs", "mandatory", `${t.NATIVE_S3OUTPOSTS_BUCKET_POLICY} "OutpostLogs": policyDocument Statement[0] ${WILDCARD('"s3-outposts:*"')}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: t.NATIVE_XRAY_RESOURCE_POLICY, name: "Traces", props: { policyName: "traces", policyDocument: { $unknown: "string" } } },
                { type: t.NATIVE_DSQL_CLUSTER, name: "Cluster", props: { policyDocument: { $unknown: "string" } } },
                { type: t.NATIVE_S3VECTORS_VECTOR_BUCKET_POLICY, name: "Vectors", props: { vectorBucketName: { $unknown: "string" }, policy: doc(allow({ AWS: { $unknown: "string" } }, "s3vectors:QueryVectors")) } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("more aws-native resource policies: open grants reported as the classic types', named grants pass, unknowns at preview pass", async () => {
        const layer = { action: "lambda:GetLayerVersion", layerVersionArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:layer:shared:3` };
        const run = await engine.run({
            resources: [
                { type: t.NATIVE_ECR_REGISTRY_POLICY, name: "Registry", props: { policyText: doc(allow({ AWS: "arn:aws:iam::444455556666:root" }, ["ecr:CreateRepository", "ecr:ReplicateImage"])) } },
                { type: t.NATIVE_LOGS_RESOURCE_POLICY, name: "OpenLogs", props: { policyName: "open", policyDocument: JSON.stringify(doc(allow("*", "logs:PutLogEvents"))) } },
                { type: t.NATIVE_DYNAMODB_TABLE, name: "Orders", props: { tableName: "orders", resourcePolicy: { policyDocument: doc(allow({ AWS: ROLE }, "dynamodb:*")) } } },
                { type: t.NATIVE_DYNAMODB_TABLE, name: "Plain", props: { tableName: "plain", billingMode: "PAY_PER_REQUEST" } },
                // CDK's TableV2: the stack region's replica carries the table's resourcePolicy.
                { type: t.NATIVE_DYNAMODB_GLOBAL_TABLE, name: "Carts", props: { tableName: "carts", replicas: [{ region: "us-west-2" }, { region: "eu-west-1", resourcePolicy: { policyDocument: doc(allow("*", "dynamodb:GetItem")) } }] } },
                { type: t.NATIVE_DYNAMODB_GLOBAL_TABLE, name: "Sessions", props: { tableName: "sessions", replicas: [{ region: "eu-west-1", resourcePolicy: { policyDocument: doc(allow({ AWS: ROLE }, "dynamodb:GetItem")) } }] } },
                { type: t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION, name: "PublicLayer", props: { ...layer, principal: "*" } },
                { type: t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION, name: "OrgLayer", props: { ...layer, principal: "*", organizationId: ORG } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["OpenLogs", "mandatory", `${t.NATIVE_LOGS_RESOURCE_POLICY} "OpenLogs": policyDocument Statement[0] ${ANYONE}`],
            ["Orders", "mandatory", `${t.NATIVE_DYNAMODB_TABLE} "Orders": resourcePolicy.policyDocument Statement[0] ${WILDCARD('"dynamodb:*"')}`],
            ["Carts", "mandatory", `${t.NATIVE_DYNAMODB_GLOBAL_TABLE} "Carts": replicas[1].resourcePolicy.policyDocument Statement[0] ${ANYONE}`],
            ["PublicLayer", "mandatory", `${t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION} "PublicLayer": principal is "*" without organizationId, so every AWS account may use this layer version`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: t.NATIVE_DYNAMODB_TABLE, name: "Orders", props: { tableName: "orders", resourcePolicy: { $unknown: "object" } } },
                { type: t.NATIVE_DYNAMODB_GLOBAL_TABLE, name: "Carts", props: { tableName: "carts", replicas: { $unknown: "array" } } },
                { type: t.NATIVE_DYNAMODB_GLOBAL_TABLE, name: "Sessions", props: { tableName: "sessions", replicas: [{ region: "eu-west-1", resourcePolicy: { policyDocument: { $unknown: "object" } } }] } },
                { type: t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION, name: "OrgLayer", props: { ...layer, principal: "*", organizationId: { $unknown: "string" } } },
                { type: t.NATIVE_ECR_REGISTRY_POLICY, name: "Registry", props: { policyText: { $unknown: "object" } } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("DynamoDB stream resource policies: a stream open to anyone or dynamodb:* is reported, another account's trigger role passes, unknowns at preview pass", async () => {
        const reads = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];
        const trigger = "arn:aws:iam::444455556666:role/orders-trigger";
        const streamArn = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/feed/stream/2024-02-12T18:57:26.492`;
        const stream = (policyDocument: unknown) => ({ streamViewType: "NEW_AND_OLD_IMAGES", resourcePolicy: { policyDocument } });
        const run = await engine.run({
            resources: [
                { type: t.NATIVE_DYNAMODB_TABLE, name: "Feed", props: { tableName: "feed", streamSpecification: stream(doc(allow("*", reads))) } },
                { type: t.NATIVE_DYNAMODB_TABLE, name: "Audit", props: { tableName: "audit", streamSpecification: stream(doc(allow({ AWS: trigger }, reads))) } },
                { type: t.NATIVE_DYNAMODB_GLOBAL_TABLE, name: "Ledger", props: { tableName: "ledger", replicas: [{ region: "eu-west-1", replicaStreamSpecification: { resourcePolicy: { policyDocument: doc(allow({ AWS: trigger }, "dynamodb:*")) } } }] } },
                { type: t.NATIVE_DYNAMODB_GLOBAL_TABLE, name: "Carts", props: { tableName: "carts", replicas: [{ region: "eu-west-1", replicaStreamSpecification: { resourcePolicy: { policyDocument: doc(allow("*", reads, when("StringEquals", "aws:PrincipalOrgID", ORG))) } } }] } },
                { type: t.DYNAMODB_RESOURCE_POLICY, name: "FeedStream", props: { resourceArn: streamArn, policy: JSON.stringify(doc(allow({ AWS: trigger }, reads, { Resource: streamArn }))) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["Feed", "mandatory", `${t.NATIVE_DYNAMODB_TABLE} "Feed": streamSpecification.resourcePolicy.policyDocument Statement[0] ${ANYONE}`],
            ["Ledger", "mandatory", `${t.NATIVE_DYNAMODB_GLOBAL_TABLE} "Ledger": replicas[0].replicaStreamSpecification.resourcePolicy.policyDocument Statement[0] ${WILDCARD('"dynamodb:*"')}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: t.NATIVE_DYNAMODB_TABLE, name: "Feed", props: { tableName: "feed", streamSpecification: { $unknown: "object" } } },
                { type: t.NATIVE_DYNAMODB_TABLE, name: "Audit", props: { tableName: "audit", streamSpecification: { streamViewType: "NEW_IMAGE", resourcePolicy: { policyDocument: { $unknown: "object" } } } } },
                { type: t.NATIVE_DYNAMODB_GLOBAL_TABLE, name: "Ledger", props: { tableName: "ledger", replicas: [{ region: "eu-west-1", replicaStreamSpecification: { $unknown: "object" } }] } },
                { type: t.DYNAMODB_RESOURCE_POLICY, name: "FeedStream", props: { resourceArn: { $unknown: "string" }, policy: { $unknown: "string" } } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("aws-native Multi-Region Access Point policies: judged with the access point's own block, as the classic ones", async () => {
        const open = doc(allow("*", "s3:GetObject", { Resource: `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap/object/*` }));
        const point = (name: string, block?: unknown) =>
            ({ type: t.NATIVE_S3_MULTI_REGION_ACCESS_POINT, name, props: { name, regions: [{ bucket: `${name}-eu` }], ...(block ? { publicAccessBlockConfiguration: block } : {}) } });
        const policy = (name: string, mrapName: unknown) => ({ type: t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY, name: `${name}-policy`, propertyDependencies: { mrapName: [name] }, props: { mrapName, policy: open } });
        const OFF = { blockPublicPolicy: false, restrictPublicBuckets: false };
        const run = await engine.run({ resources: [point("orders"), policy("orders", "orders"), point("public", OFF), policy("public", "public")] });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["public-policy", "mandatory", `${t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY} "public-policy": policy Statement[0] ${ANYONE}`],
        ]);
        const preview = await engine.run({ preview: true, resources: [point("orders", { restrictPublicBuckets: { $unknown: "boolean" } }), policy("orders", { $unknown: "string" })] });
        expect(preview.of(POLICY)).toEqual([]);
    });
});

describe("S3 Express One Zone and S3 on Outposts access points, and directory buckets' classic policies (their public access block always on)", () => {
    // Held-out replay, labelled before running from S3's user guide: a directory bucket's Block Public Access
    // settings are all on and "can't be modified for directory buckets", a request through an access point meets
    // its bucket's block ("Managing public access to access points"), and "S3 on Outposts always has S3 Block
    // Public Access enabled" (its access points are VPC-only). Open to anyone passes there; wildcard actions do not.
    const ZONE_BUCKET = "orders--euw1-az1--x-s3";
    const ZONE_BUCKET_ARN = `arn:aws:s3express:eu-west-1:${ACCOUNT}:bucket/${ZONE_BUCKET}`;
    const ZONE_POINT = "reports--euw1-az1--xa-s3";
    const ZONE_POINT_ARN = `arn:aws:s3express:eu-west-1:${ACCOUNT}:accesspoint/${ZONE_POINT}`;
    const OUTPOST_BUCKET = `arn:aws:s3-outposts:eu-west-1:${ACCOUNT}:outpost/op-01ac5d28a6a232904/bucket/logs`;
    const OFF = { blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false };
    const at = (type: string, path: string, what: string) => `${type} "r": ${path} Statement[0] ${what}`;
    // [label, type, props, expected (short messages)]
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["aws-native directory bucket access point: a role's sessions (AWS's access point policy example)", t.NATIVE_S3EXPRESS_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT,
            policy: doc(allow({ AWS: ROLE }, "s3express:CreateSession", { Resource: ZONE_POINT_ARN })) }, []],
        ["aws-native directory bucket access point without a policy", t.NATIVE_S3EXPRESS_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT, scope: { prefixes: ["reports/*"], permissions: ["GetObject"] } }, []],
        ["aws-native directory bucket access point: the policy unknown", t.NATIVE_S3EXPRESS_ACCESS_POINT, { bucket: U.string, name: ZONE_POINT, policy: U.object }, []],
        ["aws-native directory bucket access point: CreateSession to anyone, its block turned off (the bucket's stays on)", t.NATIVE_S3EXPRESS_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT,
            publicAccessBlockConfiguration: OFF, policy: doc(allow("*", "s3express:CreateSession", { Resource: ZONE_POINT_ARN })) }, []],
        ["aws-native directory bucket access point: s3express:* to a role, as a JSON string", t.NATIVE_S3EXPRESS_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT,
            policy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3express:*", { Resource: ZONE_POINT_ARN }))) }, [at(t.NATIVE_S3EXPRESS_ACCESS_POINT, "policy", WILDCARD('"s3express:*"'))]],
        ["aws-native directory bucket access point: s3express:* to anyone, the wildcard action only", t.NATIVE_S3EXPRESS_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT,
            policy: doc(allow("*", "s3express:*")) }, [at(t.NATIVE_S3EXPRESS_ACCESS_POINT, "policy", WILDCARD('"s3express:*"'))]],
        ["aws-native Outposts access point: a role reads (VPC-only)", t.NATIVE_S3OUTPOSTS_ACCESS_POINT, { bucket: OUTPOST_BUCKET, name: "logs-ap", vpcConfiguration: { vpcId: "vpc-0a1b2c3d" },
            policy: doc(allow({ AWS: ROLE }, ["s3-outposts:GetObject", "s3-outposts:PutObject"])) }, []],
        ["aws-native Outposts access point: Principal * (S3 on Outposts always blocks public access)", t.NATIVE_S3OUTPOSTS_ACCESS_POINT, { bucket: OUTPOST_BUCKET, name: "logs-ap",
            vpcConfiguration: { vpcId: "vpc-0a1b2c3d" }, policy: doc(allow("*", "s3-outposts:GetObject")) }, []],
        ["aws-native Outposts access point: s3-outposts:* to a role", t.NATIVE_S3OUTPOSTS_ACCESS_POINT, { bucket: OUTPOST_BUCKET, name: "logs-ap",
            vpcConfiguration: { vpcId: "vpc-0a1b2c3d" }, policy: doc(allow({ AWS: ROLE }, "s3-outposts:*")) }, [at(t.NATIVE_S3OUTPOSTS_ACCESS_POINT, "policy", WILDCARD('"s3-outposts:*"'))]],
        ["classic access point on an Outposts bucket (its ARN), VPC-only: Principal *", t.S3_ACCESS_POINT, { bucket: OUTPOST_BUCKET, name: "logs-ap",
            vpcConfiguration: { vpcId: "vpc-0a1b2c3d" }, policy: JSON.stringify(doc(allow("*", "s3-outposts:GetObject"))) }, []],
        // The classic provider: an access point and a bucket policy on a directory bucket (provider v7's examples).
        ["classic access point on a directory bucket: a role's sessions", t.S3_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT,
            policy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3express:CreateSession", { Resource: ZONE_POINT_ARN }))) }, []],
        ["classic access point on a directory bucket: CreateSession to anyone, its block turned off", t.S3_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT,
            publicAccessBlockConfiguration: OFF, policy: JSON.stringify(doc(allow("*", "s3express:CreateSession"))) }, []],
        ["classic access point on a directory bucket: s3express:* to a role", t.S3_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT,
            policy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3express:*"))) }, [at(t.S3_ACCESS_POINT, "policy", WILDCARD('"s3express:*"'))]],
        ["classic AccessPointPolicy on a directory bucket's access point (its ARN): CreateSession to anyone", t.S3CONTROL_ACCESS_POINT_POLICY, { accessPointArn: ZONE_POINT_ARN,
            policy: JSON.stringify(doc(allow("*", "s3express:CreateSession"))) }, []],
        ["classic bucket policy on a directory bucket: CreateSession for the account (AWS's example)", t.S3_BUCKET_POLICY, { bucket: ZONE_BUCKET,
            policy: JSON.stringify(doc(allow({ AWS: [ACCOUNT] }, ["s3express:CreateSession"], { Sid: "ReadWriteAccess", Resource: ZONE_BUCKET_ARN }))) }, []],
        ["classic bucket policy on a directory bucket (by its --x-s3 name): CreateSession to anyone", t.S3_BUCKET_POLICY, { bucket: ZONE_BUCKET,
            policy: JSON.stringify(doc(allow("*", "s3express:CreateSession", { Resource: ZONE_BUCKET_ARN }))) }, []],
        ["classic bucket policy on a directory bucket: s3express:* to a role", t.S3_BUCKET_POLICY, { bucket: ZONE_BUCKET,
            policy: JSON.stringify(doc(allow({ AWS: ROLE }, "s3express:*", { Resource: ZONE_BUCKET_ARN }))) }, [at(t.S3_BUCKET_POLICY, "policy", WILDCARD('"s3express:*"'))]],
        ["classic bucket policy on a general purpose bucket: s3:GetObject to anyone (still reported)", t.S3_BUCKET_POLICY, { bucket: "orders-x-s3",
            policy: JSON.stringify(doc(allow("*", "s3:GetObject", { Resource: "arn:aws:s3:::orders-x-s3/*" }))) }, [at(t.S3_BUCKET_POLICY, "policy", ANYONE)]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });

    const reported = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => f.resource?.name);
    const open = JSON.stringify(doc(allow("*", "s3express:CreateSession")));
    const directory = (bucket: unknown, options = {}) => resource(t.S3_DIRECTORY_BUCKET, { bucket, location: { name: "euw1-az1", type: "AvailabilityZone" } }, { name: "orders", ...options });
    const policyOf = (bucket: unknown, options = {}) => resource(t.S3_BUCKET_POLICY, { bucket, policy: open }, { name: "orders-policy", ...options });

    it("joins a classic bucket policy to its DirectoryBucket: by name, by id, and at preview by dependency", () => {
        expect(reported(directory(ZONE_BUCKET), policyOf(ZONE_BUCKET))).toEqual([]);
        expect(reported(resource(t.S3_DIRECTORY_BUCKET, { bucket: "orders--euw1-az1--x-s3", id: "orders-id" }, { name: "orders" }), policyOf("orders-id"))).toEqual([]);
        const fresh = directory(U.string);
        expect(reported(fresh, policyOf(U.string, { propertyDependencies: { bucket: [fresh.urn] } }))).toEqual([]);
        // A general purpose bucket at preview stays judged by its blocks: none here, reported.
        const general = resource(t.S3_BUCKET_V2, { bucket: U.string }, { name: "site" });
        expect(reported(general, policyOf(U.string, { propertyDependencies: { bucket: [general.urn] } }))).toEqual(["orders-policy"]);
        // Unknown, with no dependency to tell: not a directory bucket as far as the stack shows (the stack part's rule for a bucket outside the stack).
        expect(reported(policyOf(U.string))).toEqual(["orders-policy"]);
    });

    it("joins a classic access point to its directory bucket: an access point whose bucket is unknown at preview", () => {
        const fresh = directory(U.string);
        const point = resource(t.S3_ACCESS_POINT, { bucket: U.string, name: U.string, publicAccessBlockConfiguration: OFF, policy: open }, { name: "reports", propertyDependencies: { bucket: [fresh.urn] } });
        expect(reported(fresh, point)).toEqual([]);
        const general = resource(t.S3_BUCKET_V2, { bucket: U.string }, { name: "site" });
        expect(reported(general, { ...point, propertyDependencies: { bucket: [general.urn] } })).toEqual(["reports"]);
        // A separate AccessPointPolicy on that access point, by its ARN (the directory bucket's by name).
        const named = resource(t.S3_ACCESS_POINT, { bucket: ZONE_BUCKET, name: ZONE_POINT, arn: `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/reports`, publicAccessBlockConfiguration: OFF }, { name: "reports" });
        const separate = resource(t.S3CONTROL_ACCESS_POINT_POLICY, { accessPointArn: named.props.arn, policy: open }, { name: "reports-policy" });
        expect(reported(directory(ZONE_BUCKET), named, separate)).toEqual([]);
        expect(reported({ ...named, props: { ...named.props, bucket: "reports-general" } }, separate)).toEqual(["reports-policy"]);
    });
});

describe("API Gateway private custom domain names (classic DomainName policy, aws-native DomainNameV2)", () => {
    // Labelled before running from API Gateway's "Custom domain names for private APIs": a private custom domain
    // name's policy "controls which VPC endpoints can invoke" it, and a VPC endpoint invokes it only through a
    // domain name access association, which another account can form only when the provider's management policy
    // (or an AWS RAM share) lets it. So, unlike a private REST API's, an unpinned Allow * execute-api:Invoke reaches
    // only the endpoints the owner admits: it passes, as on an edge or regional API (the `api-gateway` rule: only
    // execute-api:Invoke to anyone is the default); wildcard actions do not.
    const VPCE = "vpce-0a1b2c3d4e5f67890";
    const DOMAIN_ARN = `arn:aws:apigateway:eu-west-1:${ACCOUNT}:/domainnames/private.example.com+abcd1234`;
    const invoke = allow("*", "execute-api:Invoke", { Resource: "execute-api:/*" });
    const fence = deny("*", "execute-api:Invoke", { Resource: "execute-api:/*", ...when("StringNotEquals", "aws:SourceVpce", VPCE) });
    const PRIVATE = { types: "PRIVATE" };
    const at = (type: string, path: string, what: string, i = 0) => `${type} "r": ${path} Statement[${i}] ${what}`;
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["classic: AWS's policy, Allow * and Deny unless the endpoint", t.APIGATEWAY_DOMAIN_NAME, { domainName: "private.example.com", endpointConfiguration: PRIVATE,
            policy: JSON.stringify(doc(invoke, fence)) }, []],
        ["classic: Allow * pinned to the endpoint", t.APIGATEWAY_DOMAIN_NAME, { domainName: "private.example.com", endpointConfiguration: PRIVATE,
            policy: JSON.stringify(doc(allow("*", "execute-api:Invoke", { Resource: DOMAIN_ARN, ...when("StringEquals", "aws:SourceVpce", VPCE) }))) }, []],
        ["classic: Allow * unpinned (only associated endpoints reach it)", t.APIGATEWAY_DOMAIN_NAME, { domainName: "private.example.com", endpointConfiguration: PRIVATE,
            policy: JSON.stringify(doc(invoke)) }, []],
        ["classic: the policy unknown", t.APIGATEWAY_DOMAIN_NAME, { domainName: "private.example.com", endpointConfiguration: PRIVATE, policy: U.string }, []],
        ["classic: execute-api:* to anyone", t.APIGATEWAY_DOMAIN_NAME, { domainName: "private.example.com", endpointConfiguration: PRIVATE,
            policy: JSON.stringify(doc(allow("*", "execute-api:*"))) }, [at(t.APIGATEWAY_DOMAIN_NAME, "policy", WILDCARD('"execute-api:*"')), at(t.APIGATEWAY_DOMAIN_NAME, "policy", ANYONE)]],
        ["aws-native DomainNameV2: AWS's policy (CloudFormation's example)", t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, { domainName: "private.example.com", endpointConfiguration: { types: ["PRIVATE"] },
            certificateArn: `arn:aws:acm:eu-west-1:${ACCOUNT}:certificate/abcd`, policy: doc(invoke, fence) }, []],
        ["aws-native DomainNameV2: Allow * unpinned", t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, { domainName: "private.example.com", endpointConfiguration: { types: ["PRIVATE"] }, policy: doc(invoke) }, []],
        ["aws-native DomainNameV2 without a policy", t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, { domainName: "private.example.com", endpointConfiguration: { types: ["PRIVATE"] } }, []],
        ["aws-native DomainNameV2: the policy unknown", t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, { domainName: U.string, policy: U.object }, []],
        ["aws-native DomainNameV2: execute-api:* to anyone", t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, { domainName: "private.example.com", endpointConfiguration: { types: ["PRIVATE"] },
            policy: doc(allow("*", "execute-api:*")) }, [at(t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, "policy", WILDCARD('"execute-api:*"')), at(t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, "policy", ANYONE)]],
        ["aws-native DomainNameV2: execute-api:* to a role", t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, { domainName: "private.example.com", endpointConfiguration: { types: ["PRIVATE"] },
            policy: doc(allow({ AWS: ROLE }, "execute-api:*"), fence) }, [at(t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, "policy", WILDCARD('"execute-api:*"'))]],
        ["aws-native DomainNameV2: NotAction to a role, as a JSON string", t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, { domainName: "private.example.com",
            policy: JSON.stringify(doc({ Effect: "Allow", Principal: { AWS: ROLE }, NotAction: "execute-api:ManageConnections", Resource: "*" })) }, [at(t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, "policy", NOT_ACTION)]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(short(check(type, props))).toEqual(expected);
    });
});

describe("resource-policy-no-wildcards through the engine path: directory buckets, S3 Express and Outposts access points, private custom domain names", () => {
    const engine = useEngine();
    const shortOf = (message: string) => message.split("\n")[1].replace(/\. .*$/s, "");
    const ZONE_BUCKET = "orders--euw1-az1--x-s3";
    const session = JSON.stringify(doc(allow("*", "s3express:CreateSession")));
    const OFF = { blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false };

    it("open grants on always-blocked buckets pass, wildcard actions are reported; unknowns at preview pass", async () => {
        const run = await engine.run({
            resources: [
                { type: t.S3_DIRECTORY_BUCKET, name: "orders", props: { bucket: ZONE_BUCKET, location: { name: "euw1-az1", type: "AvailabilityZone" } } },
                { type: t.S3_BUCKET_POLICY, name: "orders-policy", props: { bucket: ZONE_BUCKET, policy: session }, propertyDependencies: { bucket: ["orders"] } },
                { type: t.S3_ACCESS_POINT, name: "reports", props: { bucket: ZONE_BUCKET, name: "reports--euw1-az1--xa-s3", publicAccessBlockConfiguration: OFF, policy: session } },
                { type: t.NATIVE_S3EXPRESS_ACCESS_POINT, name: "Wide", props: { bucket: ZONE_BUCKET, name: "wide--euw1-az1--xa-s3", policy: doc(allow({ AWS: ROLE }, "s3express:*")) } },
                { type: t.NATIVE_S3OUTPOSTS_ACCESS_POINT, name: "OutpostLogs", props: { bucket: "arn:aws:s3-outposts:eu-west-1:111122223333:outpost/op-01ac5d28a6a232904/bucket/logs",
                    name: "logs-ap", vpcConfiguration: { vpcId: "vpc-0a1b2c3d" }, policy: doc(allow("*", "s3-outposts:GetObject")) } },
                { type: t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, name: "Private", props: { domainName: "private.example.com", endpointConfiguration: { types: ["PRIVATE"] },
                    policy: doc(allow("*", "execute-api:Invoke"), deny("*", "execute-api:Invoke", when("StringNotEquals", "aws:SourceVpce", "vpce-0a1b2c3d4e5f67890"))) } },
                { type: t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, name: "WideDomain", props: { domainName: "admin.example.com", policy: doc(allow({ AWS: ROLE }, "execute-api:*")) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel, shortOf(d.message)])).toEqual([
            ["Wide", "mandatory", `${t.NATIVE_S3EXPRESS_ACCESS_POINT} "Wide": policy Statement[0] ${WILDCARD('"s3express:*"')}`],
            ["WideDomain", "mandatory", `${t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2} "WideDomain": policy Statement[0] ${WILDCARD('"execute-api:*"')}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: t.S3_DIRECTORY_BUCKET, name: "orders", props: { bucket: { $unknown: "string" } } },
                { type: t.S3_BUCKET_POLICY, name: "orders-policy", props: { bucket: { $unknown: "string" }, policy: session }, propertyDependencies: { bucket: ["orders"] } },
                { type: t.S3_ACCESS_POINT, name: "reports", props: { bucket: { $unknown: "string" }, name: { $unknown: "string" }, publicAccessBlockConfiguration: OFF, policy: session },
                    propertyDependencies: { bucket: ["orders"] } },
                { type: t.NATIVE_S3EXPRESS_ACCESS_POINT, name: "Wide", props: { bucket: { $unknown: "string" }, policy: { $unknown: "object" } } },
                { type: t.NATIVE_S3OUTPOSTS_ACCESS_POINT, name: "OutpostLogs", props: { bucket: { $unknown: "string" }, name: "logs-ap", vpcConfiguration: { vpcId: { $unknown: "string" } }, policy: { $unknown: "object" } } },
                { type: t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2, name: "WideDomain", props: { domainName: { $unknown: "string" }, policy: doc(allow({ AWS: { $unknown: "string" } }, "execute-api:Invoke")) } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });
});

describe("findPublicGrants (stack part): resource-tag exceptions the resource part cannot see (seventeenth run)", () => {
    // A service grant without a source pin behind the perimeter's confused-deputy Deny alone.
    const deputy = (service: string, principal: string, action: string) => doc(allow({ Service: principal }, action, { Sid: "Deputy" }),
        deny("*", `${service}:*`, { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG, ...TAG_EXCEPTION }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }));
    const TAGGED = { "dp:exclude:identity": "true" };
    const SECRET = (name: string) => `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:${name}-AbCdEf`;
    const QURL = (name: string) => `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${name}`;
    const secretPolicy = JSON.stringify(tagExceptedPerimeter("secretsmanager", "secretsmanager:GetSecretValue"));
    const tag = (name: string, secretId: unknown, key: unknown, value: unknown, secretIdFrom?: string[]) =>
        resource(t.SECRETS_MANAGER_TAG, { secretId, key, value }, { name, propertyDependencies: secretIdFrom ? { secretId: secretIdFrom } : {} });
    const named = (...resources: PlainResource[]) => findPublicGrants(resources).map((f) => f.resource?.name);
    const urn = (type: string, name: string) => resource(type, {}, { name }).urn;

    it("passes: a Tag with another value or key, on another secret, or naming the secret by another name than the policy (outside the stack); an untagged target", () => {
        const secret = resource(t.SECRETS_MANAGER_SECRET, { name: "app", arn: SECRET("app"), id: SECRET("app") }, { name: "app" });
        const policy = resource(t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: SECRET("app"), policy: secretPolicy }, { name: "app-policy" });
        expect(named(secret, policy, tag("other-value", SECRET("app"), "dp:exclude:identity", "false"), tag("other-key", SECRET("app"), "team", "true"),
            tag("other-secret", SECRET("db"), "dp:exclude:identity", "true"))).toEqual([]);
        // Outside the stack a name and an ARN are two names: the Deny applies as far as the stack shows.
        expect(named(resource(t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: SECRET("rds"), policy: secretPolicy }, { name: "rds-policy" }),
            tag("by-name", "rds", "dp:exclude:identity", "true"))).toEqual([]);
        // A role's, domain's and vault's inline policy whose tagsAll lacks the tag; an untagged queue behind the deputy Deny.
        const trust = JSON.stringify(doc(allow({ AWS: "*" }, "sts:AssumeRole", { Sid: "AllowAny" }),
            deny({ AWS: "*" }, "sts:AssumeRole", { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG, ...TAG_EXCEPTION } } })));
        expect(named(
            resource(t.IAM_ROLE, { name: "ci", assumeRolePolicy: trust, tags: {}, tagsAll: { team: "shop" } }, { name: "role" }),
            resource(t.OPENSEARCH_DOMAIN, { accessPolicies: JSON.stringify(tagExceptedPerimeter("es", "es:ESHttpGet")), tagsAll: { team: "shop" } }, { name: "domain" }),
            resource(t.SQS_QUEUE, { name: "orders", url: QURL("orders"), tags: { team: "shop" } }, { name: "queue" }),
            resource(t.SQS_QUEUE_POLICY, { queueUrl: QURL("orders"), policy: JSON.stringify(deputy("sqs", "s3.amazonaws.com", "sqs:SendMessage")) }, { name: "queue-policy" }),
            // An EDGE or REGIONAL API admits anyone to execute-api:Invoke anyway (its authorizers decide).
            resource(t.APIGATEWAY_REST_API, { endpointConfiguration: { types: "REGIONAL" }, tagsAll: TAGGED, policy: JSON.stringify(tagExceptedPerimeter("execute-api", "execute-api:Invoke")) }, { name: "api" }),
        )).toEqual([]);
    });

    it("fails: a secret tagged by a separate aws.secretsmanager.Tag, in the stack or outside it (an RDS-managed secret), through its SecretPolicy or its inline policy", () => {
        const secret = resource(t.SECRETS_MANAGER_SECRET, { name: "app", arn: SECRET("app"), id: SECRET("app"), tags: { team: "shop" } }, { name: "app" });
        expect(named(secret, tag("app-tag", SECRET("app"), "dp:exclude:identity", "true"),
            resource(t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: SECRET("app"), policy: secretPolicy }, { name: "app-policy" }))).toEqual(["app-policy"]);
        // The Tag names the secret by its id, the policy by its ARN: one secret of the stack.
        expect(named(resource(t.SECRETS_MANAGER_SECRET, { name: "api", arn: SECRET("api"), id: "api-id" }, { name: "api" }), tag("api-tag", "api-id", "DP:Exclude:Identity", "true"),
            resource(t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: SECRET("api"), policy: secretPolicy }, { name: "api-policy" }))).toEqual(["api-policy"]);
        expect(named(tag("rds-tag", SECRET("rds!cluster-1"), "dp:exclude:identity", "true"),
            resource(t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: SECRET("rds!cluster-1"), policy: secretPolicy }, { name: "rds-policy" }))).toEqual(["rds-policy"]);
        const [inline] = findPublicGrants([resource(t.SECRETS_MANAGER_SECRET, { name: "own", arn: SECRET("own"), policy: secretPolicy }, { name: "own" }),
            tag("own-tag", SECRET("own"), "dp:exclude:identity", "true")]);
        expect(inline?.message).toContain('policy statement "AllowAny" allows any principal');
        expect(inline?.message).toContain("a separate Tag resource");
    });

    it("fails: the provider's defaultTags (tagsAll) on a role's, domain's and vault's inline policy, a private API's", () => {
        const trust = JSON.stringify(doc(allow({ AWS: "*" }, "sts:AssumeRole", { Sid: "AllowAny" }),
            deny({ AWS: "*" }, "sts:AssumeRole", { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG, ...TAG_EXCEPTION } } })));
        expect(named(
            resource(t.IAM_ROLE, { name: "ci", assumeRolePolicy: trust, tags: { team: "shop" }, tagsAll: { team: "shop", ...TAGGED } }, { name: "role" }),
            resource(t.OPENSEARCH_DOMAIN, { accessPolicies: JSON.stringify(tagExceptedPerimeter("es", "es:ESHttpGet")), tags: {}, tagsAll: TAGGED }, { name: "domain" }),
            resource(t.GLACIER_VAULT, { accessPolicy: JSON.stringify(tagExceptedPerimeter("glacier", "glacier:InitiateJob")), tagsAll: TAGGED }, { name: "vault" }),
            resource(t.APIGATEWAY_REST_API, { endpointConfiguration: { types: "PRIVATE" }, tagsAll: TAGGED, policy: JSON.stringify(tagExceptedPerimeter("execute-api", "execute-api:Invoke")) }, { name: "api" }),
        )).toEqual(["role", "domain", "vault", "api"]);
    });

    it("fails: a service grant behind the deputy Deny alone, its target tagged (separate queue, topic and bucket policies)", () => {
        const found = findPublicGrants([
            resource(t.SQS_QUEUE, { name: "orders", url: QURL("orders"), tags: TAGGED }, { name: "queue" }),
            resource(t.SQS_QUEUE_POLICY, { queueUrl: QURL("orders"), policy: JSON.stringify(deputy("sqs", "s3.amazonaws.com", "sqs:SendMessage")) }, { name: "queue-policy" }),
            resource(t.SNS_TOPIC, { name: "orders", arn: TOPIC, tags: TAGGED }, { name: "topic" }),
            resource(t.SNS_TOPIC_POLICY, { arn: TOPIC, policy: JSON.stringify(deputy("sns", "s3.amazonaws.com", "sns:Publish")) }, { name: "topic-policy" }),
            resource(t.S3_BUCKET_V2, { bucket: "site", tags: TAGGED }, { name: "bucket" }),
            resource(t.S3_BUCKET_POLICY, { bucket: "site", policy: JSON.stringify(deputy("s3", "cloudfront.amazonaws.com", "s3:GetObject")) }, { name: "bucket-policy" }),
        ]);
        expect(found.map((f) => [f.resource?.name, f.message.includes(UNPINNED_S3_EVENTS) || f.message.includes(UNPINNED_CLOUDFRONT)])).toEqual([
            ["queue-policy", true], ["topic-policy", true], ["bucket-policy", true],
        ]);
    });

    it("fails: aws-native's separate queue, topic and secret policies naming a tagged aws-native resource (tags as a list)", () => {
        const TAG_LIST = [{ key: "dp:exclude:identity", value: "true" }];
        expect(named(
            resource(t.NATIVE_SQS_QUEUE, { queueUrl: QURL("native"), tags: TAG_LIST }, { name: "queue" }),
            resource(t.NATIVE_SQS_QUEUE_INLINE_POLICY, { queue: QURL("native"), policyDocument: tagExceptedPerimeter("sqs", "sqs:SendMessage") }, { name: "queue-policy" }),
            resource(t.NATIVE_SQS_QUEUE, { queueUrl: QURL("plain"), tags: [{ key: "team", value: "shop" }] }, { name: "plain" }),
            resource(t.NATIVE_SQS_QUEUE_INLINE_POLICY, { queue: QURL("plain"), policyDocument: tagExceptedPerimeter("sqs", "sqs:SendMessage") }, { name: "plain-policy" }),
            resource(t.NATIVE_SNS_TOPIC, { topicArn: TOPIC, tags: TAG_LIST }, { name: "topic" }),
            resource(t.NATIVE_SNS_TOPIC_INLINE_POLICY, { topicArn: TOPIC, policyDocument: tagExceptedPerimeter("sns", "sns:Publish") }, { name: "topic-policy" }),
            resource(t.NATIVE_SECRETSMANAGER_SECRET, { awsId: SECRET("native"), tags: TAG_LIST }, { name: "secret" }),
            resource(t.NATIVE_SECRETS_MANAGER_RESOURCE_POLICY, { secretId: SECRET("native"), resourcePolicy: tagExceptedPerimeter("secretsmanager", "secretsmanager:GetSecretValue") }, { name: "secret-policy" }),
        )).toEqual(["queue-policy", "topic-policy", "secret-policy"]);
    });

    it("at preview: a Tag joined to the secret by dependency decides once its value is known; an unknown key, value or tagsAll waits", () => {
        const secret = resource(t.SECRETS_MANAGER_SECRET, { name: "app", arn: U.string, id: U.string }, { name: "app" });
        const secretUrn = urn(t.SECRETS_MANAGER_SECRET, "app");
        const policy = resource(t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: U.string, policy: tagExceptedPerimeter("secretsmanager", "secretsmanager:GetSecretValue") },
            { name: "app-policy", propertyDependencies: { secretArn: [secretUrn] } });
        expect(named(secret, policy, tag("app-tag", U.string, "dp:exclude:identity", "true", [secretUrn]))).toEqual(["app-policy"]);
        expect(named(secret, policy, tag("app-tag", U.string, "dp:exclude:identity", U.string, [secretUrn]))).toEqual([]);
        expect(named(secret, policy, tag("app-tag", U.string, U.string, "true", [secretUrn]))).toEqual([]);
        // An RDS-managed secret outside the stack: both named from the cluster's output, which may be one secret.
        const cluster = urn("aws:rds/cluster:Cluster", "db");
        expect(named(resource(t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: U.string, policy: secretPolicy }, { name: "rds-policy", propertyDependencies: { secretArn: [cluster] } }),
            tag("rds-tag", U.string, "dp:exclude:identity", "true", [cluster]))).toEqual([]);
        expect(named(resource(t.IAM_ROLE, { assumeRolePolicy: JSON.stringify(tagExceptedPerimeter("sts", "sts:AssumeRole")), tags: {}, tagsAll: U.object }, { name: "role" }),
            resource(t.SQS_QUEUE, { name: "q", url: U.string, tags: { "dp:exclude:identity": U.string } }, { name: "q" }),
            resource(t.SQS_QUEUE_POLICY, { queueUrl: U.string, policy: deputy("sqs", "s3.amazonaws.com", "sqs:SendMessage") }, { name: "q-policy", propertyDependencies: { queueUrl: [urn(t.SQS_QUEUE, "q")] } }),
        )).toEqual([]);
    });
});

describe("resource-tag exceptions on DynamoDB tables and streams, and aws-native TopicPolicy's topics (seventeenth run, second wave)", () => {
    const TAGGED = { "dp:exclude:identity": "true" };
    const TAG_LIST = [{ key: "dp:exclude:identity", value: "true" }];
    const TABLE = (name: string, region = "eu-west-1") => `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`;
    const STREAM = (name: string) => `${TABLE(name)}/stream/2026-12-07T10:00:00.000`;
    const SNS = (name: string) => `arn:aws:sns:eu-west-1:${ACCOUNT}:${name}`;
    const tablePolicy = JSON.stringify(tagExceptedPerimeter("dynamodb", "dynamodb:GetItem"));
    const table = (name: string, props: Record<string, unknown> = {}) =>
        resource(t.DYNAMODB_TABLE, { name, id: name, arn: TABLE(name), streamEnabled: true, streamArn: STREAM(name), ...props }, { name });
    const policy = (name: string, resourceArn: unknown, from?: string[]) =>
        resource(t.DYNAMODB_RESOURCE_POLICY, { resourceArn, policy: tablePolicy }, { name, propertyDependencies: from ? { resourceArn: from } : {} });
    const tag = (name: string, resourceArn: unknown, key: unknown, value: unknown, from?: string[]) =>
        resource(t.DYNAMODB_TAG, { resourceArn, key, value }, { name, propertyDependencies: from ? { resourceArn: from } : {} });
    const nativeTable = (name: string, props: Record<string, unknown>) => resource(t.NATIVE_DYNAMODB_TABLE, { tableName: name, ...props }, { name });
    const topic = (name: string, tags?: unknown) => resource(t.NATIVE_SNS_TOPIC, { topicArn: SNS(name), ...(tags ? { tags } : {}) }, { name });
    const topicPolicy = (topics: unknown, policyDocument: unknown, from?: string[]) =>
        resource(t.NATIVE_SNS_TOPIC_POLICY, { topics, policyDocument }, { name: "topics-policy", propertyDependencies: from ? { topics: from } : {} });
    // Both parts, as the pack runs them: the resource part's findings, then the stack part's, by resource name.
    const named = (...resources: PlainResource[]) => [
        ...resources.flatMap((r) => findResourcePolicyWildcards(r, { allowedActions: [] }).map(() => r.name)),
        ...findPublicGrants(resources).map((f) => f.resource?.name),
    ];

    it("passes: a stream's policy with its table tagged (streams do not inherit their table's tags), a Tag elsewhere, untagged topics", () => {
        // aws-native: the table's tags are not the stream's, nor a replica's the replica stream's.
        expect(named(nativeTable("orders", { tags: TAG_LIST,
            streamSpecification: { streamViewType: "NEW_IMAGE", resourcePolicy: { policyDocument: tagExceptedPerimeter("dynamodb", "dynamodb:GetRecords") } } }))).toEqual([]);
        expect(named(resource(t.NATIVE_DYNAMODB_GLOBAL_TABLE, { tableName: "g", replicas: [{ region: "eu-west-1", tags: TAG_LIST,
            replicaStreamSpecification: { resourcePolicy: { policyDocument: tagExceptedPerimeter("dynamodb", "dynamodb:GetRecords") } } }] }, { name: "g" }))).toEqual([]);
        expect(named(nativeTable("plain", { tags: [{ key: "team", value: "shop" }], resourcePolicy: { policyDocument: tagExceptedPerimeter("dynamodb", "dynamodb:GetItem") } }))).toEqual([]);
        // Classic: a tagged table's stream; an untagged table; a Tag on another table, or on the table while the policy is its stream's.
        expect(named(table("orders", { tags: TAGGED }), policy("stream-policy", STREAM("orders")))).toEqual([]);
        expect(named(table("orders", { tags: { team: "shop" } }), policy("table-policy", TABLE("orders")))).toEqual([]);
        expect(named(table("orders"), table("other"), tag("other-tag", TABLE("other"), "dp:exclude:identity", "true"), policy("table-policy", TABLE("orders")))).toEqual([]);
        expect(named(table("orders"), tag("table-tag", TABLE("orders"), "dp:exclude:identity", "true"), policy("stream-policy", STREAM("orders")))).toEqual([]);
        expect(named(topic("a", [{ key: "team", value: "shop" }]), topic("b"), topicPolicy([SNS("a"), SNS("b")], tagExceptedPerimeter("sns", "sns:Publish")))).toEqual([]);
        // blockPublicPolicy does not change what the Deny fences.
        const secret = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app-AbCdEf`;
        expect(named(resource(t.SECRETS_MANAGER_SECRET, { name: "app", arn: secret, id: secret }, { name: "app" }),
            resource(t.SECRETS_MANAGER_SECRET_POLICY, { secretArn: secret, blockPublicPolicy: true, policy: JSON.stringify(tagExceptedPerimeter("secretsmanager", "secretsmanager:GetSecretValue")) },
                { name: "app-policy" }))).toEqual([]);
    });

    it("fails: a classic table (its tags, its default tags, a dynamodb.Tag), a stream or replica tagged by a Tag, a TableReplica, through its ResourcePolicy", () => {
        expect(named(table("a", { tags: TAGGED }), policy("own-tags", TABLE("a")))).toEqual(["own-tags"]);
        expect(named(table("b", { tags: {}, tagsAll: TAGGED }), policy("default-tags", TABLE("b")))).toEqual(["default-tags"]);
        expect(named(table("c"), tag("c-tag", TABLE("c"), "DP:Exclude:Identity", "true"), policy("tag", TABLE("c")))).toEqual(["tag"]);
        expect(named(table("d"), tag("d-stream-tag", STREAM("d"), "dp:exclude:identity", "true"), policy("stream", STREAM("d")))).toEqual(["stream"]);
        // The Tag's documented use: a replica in another region, outside the stack, named by one ARN.
        expect(named(table("e"), tag("e-replica-tag", TABLE("e", "us-west-2"), "dp:exclude:identity", "true"), policy("replica", TABLE("e", "us-west-2")))).toEqual(["replica"]);
        expect(named(resource(t.DYNAMODB_TABLE_REPLICA, { arn: TABLE("f", "us-west-2"), globalTableArn: TABLE("f"), tags: TAGGED }, { name: "f" }),
            policy("table-replica", TABLE("f", "us-west-2")))).toEqual(["table-replica"]);
        const [finding] = findPublicGrants([table("g", { tags: TAGGED }), policy("g-policy", TABLE("g"))]);
        expect(finding?.message).toContain('policy statement "AllowAny" allows any principal');
        expect(finding?.message).toContain("A Deny of this policy excepts resources carrying a tag");
    });

    it("fails: aws-native tables, streams and replicas by their own tags (the provider's defaultTags are merged into them before the engine sees them)", () => {
        expect(named(nativeTable("orders", { tags: TAG_LIST, resourcePolicy: { policyDocument: tagExceptedPerimeter("dynamodb", "dynamodb:GetItem") } }))).toEqual(["orders"]);
        expect(named(nativeTable("events", { streamSpecification: { streamViewType: "NEW_IMAGE", tags: TAG_LIST,
            resourcePolicy: { policyDocument: tagExceptedPerimeter("dynamodb", "dynamodb:GetRecords") } } }))).toEqual(["events"]);
        expect(named(resource(t.NATIVE_DYNAMODB_GLOBAL_TABLE, { tableName: "g", replicas: [{ region: "us-west-2" },
            { region: "eu-west-1", tags: TAG_LIST, resourcePolicy: { policyDocument: tagExceptedPerimeter("dynamodb", "dynamodb:GetItem") } }] }, { name: "g" }))).toEqual(["g"]);
    });

    it("fails: aws-native's TopicPolicy when one of its topics is tagged, once per statement", () => {
        const found = findPublicGrants([topic("a", TAG_LIST), topic("b"), topic("c", TAG_LIST), topicPolicy([SNS("a"), SNS("b"), SNS("c")], tagExceptedPerimeter("sns", "sns:Publish"))]);
        expect(found.map((f) => f.resource?.name)).toEqual(["topics-policy"]);
        expect(found[0]?.message.match(/AllowAny/g)).toHaveLength(1);
        const deputy = doc(allow({ Service: "s3.amazonaws.com" }, "sns:Publish", { Sid: "Deputy" }),
            deny("*", "sns:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG, ...TAG_EXCEPTION }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }));
        expect(findPublicGrants([topic("a", TAG_LIST), topicPolicy([SNS("a")], deputy)]).map((f) => f.message.includes(UNPINNED_S3_EVENTS))).toEqual([true]);
    });

    it("at preview: an unknown ARN built from a table with a stream, or an unknown tag, waits; one from a table without a stream decides", () => {
        const streaming = table("t", { tags: TAGGED, arn: U.string, streamArn: U.string });
        expect(named(streaming, policy("p", U.string, [streaming.urn]))).toEqual([]);
        const unknownStream = table("u", { tags: TAGGED, arn: U.string, streamArn: U.string, streamEnabled: U.boolean });
        expect(named(unknownStream, policy("p", U.string, [unknownStream.urn]))).toEqual([]);
        // A Tag whose unknown ARN may be the stream's, beside a policy naming the table.
        const known = table("k");
        expect(named(known, tag("k-tag", U.string, "dp:exclude:identity", "true", [known.urn]), policy("p", TABLE("k")))).toEqual([]);
        const still = table("s", { arn: U.string, streamEnabled: false, streamArn: undefined });
        expect(named(still, tag("s-tag", U.string, U.string, "true", [still.urn]), policy("p", U.string, [still.urn]))).toEqual([]);
        expect(named(still, tag("s-tag", U.string, "dp:exclude:identity", U.string, [still.urn]), policy("p", U.string, [still.urn]))).toEqual([]);
        // Decided: the table has no stream, so the ARN is the table's.
        const noStream = table("n", { tags: TAGGED, arn: U.string, streamEnabled: false, streamArn: undefined });
        expect(named(noStream, policy("p", U.string, [noStream.urn]))).toEqual(["p"]);
        expect(named(still, tag("s-tag", U.string, "dp:exclude:identity", "true", [still.urn]), policy("p", U.string, [still.urn]))).toEqual(["p"]);
        // aws-native: a topic list unknown at preview, its topics tagged differently; a stream's tags unknown.
        const [a, b] = [topic("a", TAG_LIST), topic("b")];
        expect(named(a, b, topicPolicy(U.object, tagExceptedPerimeter("sns", "sns:Publish"), [a.urn, b.urn]))).toEqual([]);
        expect(named(a, b, topicPolicy([U.string], tagExceptedPerimeter("sns", "sns:Publish"), [a.urn, b.urn]))).toEqual([]);
        expect(named(nativeTable("x", { streamSpecification: { streamViewType: "NEW_IMAGE", tags: U.object,
            resourcePolicy: { policyDocument: tagExceptedPerimeter("dynamodb", "dynamodb:GetRecords") } } }))).toEqual([]);
    });
});

describe("resource-policy-no-wildcards (engine path): resource-tag exceptions the resource part cannot see (seventeenth run)", () => {
    const engine = useEngine();
    const deputy = doc(allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", { Sid: "Deputy" }),
        deny("*", "sqs:*", { Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": ORG, ...TAG_EXCEPTION }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }));
    const TAGGED = { "dp:exclude:identity": "true" };
    const SECRET = (name: string) => `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:${name}-AbCdEf`;
    const QURL = (name: string) => `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${name}`;
    const secretPolicy = (name: string, secretArn: unknown, from?: string) => ({ type: t.SECRETS_MANAGER_SECRET_POLICY, name,
        props: { secretArn, policy: tagExceptedPerimeter("secretsmanager", "secretsmanager:GetSecretValue") }, ...(from ? { propertyDependencies: { secretArn: [from] } } : {}) });
    const tag = (name: string, secretId: unknown, key: unknown, value: unknown, from?: string) =>
        ({ type: t.SECRETS_MANAGER_TAG, name, props: { secretId, key, value }, ...(from ? { propertyDependencies: { secretId: [from] } } : {}) });

    it("passes what the Deny still fences; reports a Tag's, a default tag's, a tagged target's service grant and aws-native's tagged targets; at preview an unknown waits", async () => {
        const run = await engine.run({ resources: [
            { type: t.SECRETS_MANAGER_SECRET, name: "untagged", props: { name: "untagged", arn: SECRET("untagged"), id: SECRET("untagged") } },
            tag("untagged-other-value", SECRET("untagged"), "dp:exclude:identity", "false"),
            secretPolicy("untagged-policy", SECRET("untagged")),
            { type: t.SQS_QUEUE, name: "plain", props: { name: "plain", url: QURL("plain"), tags: { team: "shop" } } },
            { type: t.SQS_QUEUE_POLICY, name: "plain-policy", props: { queueUrl: QURL("plain"), policy: deputy } },
            { type: t.SECRETS_MANAGER_SECRET, name: "tagged", props: { name: "tagged", arn: SECRET("tagged"), id: SECRET("tagged") } },
            tag("tagged-tag", SECRET("tagged"), "dp:exclude:identity", "true"),
            secretPolicy("tagged-policy", SECRET("tagged")),
            tag("rds-tag", SECRET("rds!cluster-1"), "dp:exclude:identity", "true"),
            secretPolicy("rds-policy", SECRET("rds!cluster-1")),
            { type: t.GLACIER_VAULT, name: "vault", props: { name: "vault", tags: {}, tagsAll: TAGGED, accessPolicy: JSON.stringify(tagExceptedPerimeter("glacier", "glacier:InitiateJob")) } },
            { type: t.SQS_QUEUE, name: "events", props: { name: "events", url: QURL("events"), tags: TAGGED } },
            { type: t.SQS_QUEUE_POLICY, name: "events-policy", props: { queueUrl: QURL("events"), policy: deputy } },
            { type: t.NATIVE_SQS_QUEUE, name: "native", props: { queueUrl: QURL("native"), tags: [{ key: "dp:exclude:identity", value: "true" }] } },
            { type: t.NATIVE_SQS_QUEUE_INLINE_POLICY, name: "native-policy", props: { queue: QURL("native"), policyDocument: tagExceptedPerimeter("sqs", "sqs:SendMessage") } },
        ] });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel])).toEqual(
            ["tagged-policy", "rds-policy", "vault", "events-policy", "native-policy"].map((name) => [name, "mandatory"]));
        const unknown = { $unknown: "string" };
        const pending = await engine.run({ preview: true, resources: [
            { type: t.SECRETS_MANAGER_SECRET, name: "app", props: { name: "app", arn: unknown, id: unknown } },
            tag("app-tag", unknown, "dp:exclude:identity", unknown, "app"),
            secretPolicy("app-policy", unknown, "app"),
            { type: t.SECRETS_MANAGER_SECRET, name: "known", props: { name: "known", arn: unknown, id: unknown } },
            tag("known-tag", unknown, "dp:exclude:identity", "true", "known"),
            secretPolicy("known-policy", unknown, "known"),
            { type: t.IAM_ROLE, name: "role", props: { assumeRolePolicy: tagExceptedPerimeter("sts", "sts:AssumeRole"), tags: {}, tagsAll: { $unknown: "object" } } },
            { type: t.SQS_QUEUE, name: "q", props: { name: "q", url: unknown, tags: { "dp:exclude:identity": unknown } } },
            { type: t.SQS_QUEUE_POLICY, name: "q-policy", props: { queueUrl: unknown, policy: deputy }, propertyDependencies: { queueUrl: ["q"] } },
        ] });
        expect(pending.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
        expect(pending.of(POLICY).map((d) => nameOfUrn(pending, d.urn))).toEqual(["known-policy"]);
    });
});

describe("resource-policy-no-wildcards (engine path): DynamoDB tables and streams, aws-native TopicPolicy's topics (seventeenth run, second wave)", () => {
    const engine = useEngine();
    const TAG_LIST = [{ key: "dp:exclude:identity", value: "true" }];
    const TABLE = (name: string) => `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/${name}`;
    const STREAM = (name: string) => `${TABLE(name)}/stream/2026-12-07T10:00:00.000`;
    const SNS = (name: string) => `arn:aws:sns:eu-west-1:${ACCOUNT}:${name}`;
    // A table without a stream has no streamArn (an undefined property is not sent).
    const table = (name: string, props: Record<string, unknown> = {}) => ({ type: t.DYNAMODB_TABLE, name,
        props: Object.fromEntries(Object.entries({ name, arn: TABLE(name), streamEnabled: true, streamArn: STREAM(name), ...props }).filter(([, v]) => v !== undefined)) });
    const policy = (name: string, resourceArn: unknown, from?: string) => ({ type: t.DYNAMODB_RESOURCE_POLICY, name,
        props: { resourceArn, policy: JSON.stringify(tagExceptedPerimeter("dynamodb", "dynamodb:GetItem")) }, ...(from ? { propertyDependencies: { resourceArn: [from] } } : {}) });
    const tag = (name: string, resourceArn: unknown, value: unknown, from?: string) =>
        ({ type: t.DYNAMODB_TAG, name, props: { resourceArn, key: "dp:exclude:identity", value }, ...(from ? { propertyDependencies: { resourceArn: [from] } } : {}) });
    const streamPolicy = { resourcePolicy: { policyDocument: tagExceptedPerimeter("dynamodb", "dynamodb:GetRecords") } };

    it("passes what the Deny still fences (a tagged table's stream); reports tagged tables, streams and topics; at preview an unknown waits", async () => {
        const run = await engine.run({ resources: [
            { type: t.NATIVE_DYNAMODB_TABLE, name: "native-stream", props: { tableName: "native-stream", tags: TAG_LIST, streamSpecification: { streamViewType: "NEW_IMAGE", ...streamPolicy } } },
            table("tagged", { tags: { "dp:exclude:identity": "true" } }),
            policy("tagged-stream-policy", STREAM("tagged")),
            policy("tagged-table-policy", TABLE("tagged")),
            table("plain"),
            tag("plain-tag", STREAM("plain"), "true"),
            policy("plain-stream-policy", STREAM("plain")),
            { type: t.NATIVE_DYNAMODB_TABLE, name: "native-tagged-stream", props: { tableName: "native-tagged-stream",
                streamSpecification: { streamViewType: "NEW_IMAGE", tags: TAG_LIST, ...streamPolicy } } },
            { type: t.NATIVE_SNS_TOPIC, name: "a", props: { topicArn: SNS("a"), tags: TAG_LIST } },
            { type: t.NATIVE_SNS_TOPIC, name: "b", props: { topicArn: SNS("b") } },
            { type: t.NATIVE_SNS_TOPIC_POLICY, name: "topics-policy", props: { topics: [SNS("b"), SNS("a")], policyDocument: tagExceptedPerimeter("sns", "sns:Publish") } },
        ] });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel])).toEqual(
            ["native-tagged-stream", "tagged-table-policy", "plain-stream-policy", "topics-policy"].map((name) => [name, "mandatory"]));
        const unknown = { $unknown: "string" };
        const pending = await engine.run({ preview: true, resources: [
            table("streaming", { arn: unknown, streamArn: unknown, tags: { "dp:exclude:identity": "true" } }),
            policy("streaming-policy", unknown, "streaming"),
            table("still", { arn: unknown, streamEnabled: false, streamArn: undefined }),
            tag("still-tag", unknown, "true", "still"),
            policy("still-policy", unknown, "still"),
            table("waiting", { arn: unknown, streamEnabled: false, streamArn: undefined }),
            tag("waiting-tag", unknown, unknown, "waiting"),
            policy("waiting-policy", unknown, "waiting"),
            { type: t.NATIVE_SNS_TOPIC, name: "a", props: { topicArn: unknown, tags: TAG_LIST } },
            { type: t.NATIVE_SNS_TOPIC, name: "b", props: { topicArn: unknown } },
            { type: t.NATIVE_SNS_TOPIC_POLICY, name: "topics-policy", props: { topics: [unknown, unknown], policyDocument: tagExceptedPerimeter("sns", "sns:Publish") },
                propertyDependencies: { topics: ["a", "b"] } },
        ] });
        expect(pending.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
        expect(pending.of(POLICY).map((d) => nameOfUrn(pending, d.urn))).toEqual(["still-policy"]);
    });
});

describe("resource-tag exceptions: a classic dynamodb.Tag on an aws-native table, a classic table's replicas with propagateTags (seventeenth run's leftovers)", () => {
    const TAGGED = { "dp:exclude:identity": "true" };
    const TAG_LIST = [{ key: "dp:exclude:identity", value: "true" }];
    const TABLE = (name: string, region = "eu-west-1") => `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`;
    const tableDocument = () => tagExceptedPerimeter("dynamodb", "dynamodb:GetItem");
    const nativeTable = (name: string, props: Record<string, unknown> = {}) =>
        resource(t.NATIVE_DYNAMODB_TABLE, { tableName: name, arn: TABLE(name), resourcePolicy: { policyDocument: tableDocument() }, ...props }, { name });
    const tag = (name: string, resourceArn: unknown, key: unknown, value: unknown, from?: string[]) =>
        resource(t.DYNAMODB_TAG, { resourceArn, key, value }, { name, propertyDependencies: from ? { resourceArn: from } : {} });
    const policy = (name: string, resourceArn: unknown, from?: string[]) =>
        resource(t.DYNAMODB_RESOURCE_POLICY, { resourceArn, policy: JSON.stringify(tableDocument()) }, { name, propertyDependencies: from ? { resourceArn: from } : {} });
    // A global table made with the classic table's replica blocks; the provider's defaultTags only in tagsAll.
    const globalTable = (replica: Record<string, unknown>, props: Record<string, unknown> = {}) => resource(t.DYNAMODB_TABLE, {
        name: "orders", arn: TABLE("orders"), streamEnabled: true, tags: {}, tagsAll: TAGGED,
        replicas: [{ regionName: "us-west-2", arn: TABLE("orders", "us-west-2"), ...replica }], ...props,
    }, { name: "orders" });
    const named = (...resources: PlainResource[]) => [
        ...resources.flatMap((r) => findResourcePolicyWildcards(r, { allowedActions: [] }).map(() => r.name)),
        ...findPublicGrants(resources).map((f) => f.resource?.name),
    ];

    it("passes: a Tag of another key or on another table; replicas without propagateTags (DynamoDB copies no tags); a GlobalTable under aws-native's defaultTags", () => {
        expect(named(nativeTable("a"), tag("a-tag", TABLE("a"), "team", "true"))).toEqual([]);
        expect(named(nativeTable("a"), nativeTable("b"), tag("b-tag", TABLE("b"), "dp:exclude:identity", "false"), tag("c-tag", TABLE("c"), "dp:exclude:identity", "true"))).toEqual([]);
        expect(named(nativeTable("a", { tags: [{ key: "team", value: "shop" }] }), policy("classic-policy", TABLE("a")))).toEqual([]);
        expect(named(globalTable({}), policy("replica-policy", TABLE("orders", "us-west-2")))).toEqual([]);
        expect(named(globalTable({ propagateTags: false }), policy("replica-policy", TABLE("orders", "us-west-2")))).toEqual([]);
        // Propagated, but the table carries another value; a policy on the stack's region's table is the table's.
        expect(named(globalTable({ propagateTags: true }, { tagsAll: { "dp:exclude:identity": "false" } }), policy("replica-policy", TABLE("orders", "us-west-2")))).toEqual([]);
        // aws-native merges defaultTags only into a type's top-level tags, which a GlobalTable has not: its replicas carry their own.
        expect(named(resource(t.NATIVE_DYNAMODB_GLOBAL_TABLE, { tableName: "g", replicas: [{ region: "eu-west-1", resourcePolicy: { policyDocument: tableDocument() } }] }, { name: "g" }))).toEqual([]);
    });

    it("fails: an aws-native table tagged by a classic dynamodb.Tag, or named by a classic ResourcePolicy; a replica the table's tags reach through propagateTags", () => {
        expect(named(nativeTable("a"), tag("a-tag", TABLE("a"), "DP:Exclude:Identity", "true"))).toEqual(["a"]);
        expect(named(nativeTable("b", { resourcePolicy: undefined, tags: TAG_LIST }), policy("classic-policy", TABLE("b")))).toEqual(["classic-policy"]);
        expect(named(nativeTable("c", { resourcePolicy: undefined }), tag("c-tag", TABLE("c"), "dp:exclude:identity", "true"), policy("classic-policy", TABLE("c")))).toEqual(["classic-policy"]);
        expect(named(globalTable({ propagateTags: true }), policy("replica-policy", TABLE("orders", "us-west-2")))).toEqual(["replica-policy"]);
        const [finding] = findPublicGrants([nativeTable("a"), tag("a-tag", TABLE("a"), "dp:exclude:identity", "true")]);
        expect(finding?.message).toContain('aws-native:dynamodb:Table "a": resourcePolicy.policyDocument statement "AllowAny" allows any principal');
        expect(finding?.message).toContain("maybe from the provider's defaultTags or a separate Tag resource");
    });

    it("at preview: a Tag whose unknown ARN may be the stream's, an unknown propagateTags or replica ARN waits; a table without a stream decides", () => {
        const streaming = nativeTable("s", { arn: U.string, streamSpecification: { streamViewType: "NEW_IMAGE" } });
        expect(named(streaming, tag("s-tag", U.string, "dp:exclude:identity", "true", [streaming.urn]))).toEqual([]);
        const plain = nativeTable("p", { arn: U.string });
        expect(named(plain, tag("p-tag", U.string, "dp:exclude:identity", U.string, [plain.urn]))).toEqual([]);
        expect(named(plain, tag("p-tag", U.string, "dp:exclude:identity", "true", [plain.urn]))).toEqual(["p"]);
        expect(named(globalTable({ propagateTags: U.boolean }), policy("replica-policy", TABLE("orders", "us-west-2")))).toEqual([]);
        const table = globalTable({ propagateTags: true, arn: U.string }, { arn: U.string });
        expect(named(table, policy("replica-policy", U.string, [table.urn]))).toEqual([]);
    });
});

describe("resource-policy-no-wildcards (engine path): a classic dynamodb.Tag on an aws-native table, propagated replica tags", () => {
    const engine = useEngine();
    const TABLE = (name: string, region = "eu-west-1") => `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`;
    const document = tagExceptedPerimeter("dynamodb", "dynamodb:GetItem");
    const native = (name: string, arn: unknown, extra: Record<string, unknown> = {}) =>
        ({ type: t.NATIVE_DYNAMODB_TABLE, name, props: { tableName: name, arn, resourcePolicy: { policyDocument: document }, ...extra } });
    const tag = (name: string, resourceArn: unknown, key: unknown, value: unknown, from?: string) =>
        ({ type: t.DYNAMODB_TAG, name, props: { resourceArn, key, value }, ...(from ? { propertyDependencies: { resourceArn: [from] } } : {}) });
    const classic = (name: string, propagateTags: unknown, arn: unknown = TABLE(name, "us-west-2")) => ({ type: t.DYNAMODB_TABLE, name,
        props: { name, arn: TABLE(name), streamEnabled: true, tags: {}, tagsAll: { "dp:exclude:identity": "true" }, replicas: [{ regionName: "us-west-2", arn, propagateTags }] } });
    const policy = (name: string, resourceArn: unknown, from?: string) => ({ type: t.DYNAMODB_RESOURCE_POLICY, name,
        props: { resourceArn, policy: JSON.stringify(document) }, ...(from ? { propertyDependencies: { resourceArn: [from] } } : {}) });

    it("passes what the Deny still fences; reports the tagged aws-native table and the propagated replica; at preview an unknown waits", async () => {
        const run = await engine.run({ resources: [
            native("other-key", TABLE("other-key")), tag("other-key-tag", TABLE("other-key"), "team", "shop"),
            classic("kept", false), policy("kept-replica-policy", TABLE("kept", "us-west-2")),
            native("tagged", TABLE("tagged")), tag("tagged-tag", TABLE("tagged"), "dp:exclude:identity", "true"),
            classic("propagated", true), policy("propagated-replica-policy", TABLE("propagated", "us-west-2")),
        ] });
        expect(run.of(POLICY).map((d) => [nameOfUrn(run, d.urn), d.enforcementLevel])).toEqual([["tagged", "mandatory"], ["propagated-replica-policy", "mandatory"]]);
        const unknown = { $unknown: "string" };
        const pending = await engine.run({ preview: true, resources: [
            native("streaming", unknown, { streamSpecification: { streamViewType: "NEW_IMAGE" } }), tag("streaming-tag", unknown, "dp:exclude:identity", "true", "streaming"),
            native("waiting", unknown), tag("waiting-tag", unknown, "dp:exclude:identity", unknown, "waiting"),
            classic("maybe", { $unknown: "boolean" }), policy("maybe-replica-policy", TABLE("maybe", "us-west-2")),
            classic("fresh", true, unknown), policy("fresh-replica-policy", unknown, "fresh"),
            native("decided", unknown), tag("decided-tag", unknown, "dp:exclude:identity", "true", "decided"),
        ] });
        expect(pending.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
        expect(pending.of(POLICY).map((d) => nameOfUrn(pending, d.urn))).toEqual(["decided"]);
    });
});
