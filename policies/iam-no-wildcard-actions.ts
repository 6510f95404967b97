// Identity policies must name the actions they allow. A wildcard (`*`, `s3:*`, `s3:Get*`)
// grants today's matching actions and every one AWS adds later; `Allow` + `NotAction`
// grants everything except a list. Trust policies (`assumeRolePolicy`) say who may assume a
// role, not what it may do: resource-policy-no-wildcards reads them. Deny statements narrow
// access, so wildcards there are fine. The aws-native IAM types (pulumi-cdk's roles and
// policies) are read from the same table, with the same reader.
import { globList } from "./lib/config";
import { GlobMatcher } from "./lib/glob";
import { Finding, PlainResource, PolicyExample, resourcePolicy } from "./lib/rule";
import {
    compileAllowedActions, describeProblem, describeStatement, DocumentLocation, KEY_USE_WILDCARDS, PolicyStatement, quoteList,
    readPolicyDocument, unacceptedWildcardActions,
} from "./lib/policy-document";
import * as t from "./lib/tokens";
import { isRecord, isUnknown } from "./lib/values";

export interface IamNoWildcardActionsConfig {
    allowedActions: string[];
}

/**
 * Where a type carries identity-policy documents: one input, or a list of inline policies
 * (`list[].document`, each entry an object with the `entry` fields, name first).
 */
export interface IdentityDocumentInput {
    path: string;
    entry?: readonly [string, string];
    /** An optional input that reads "" as unset (list entries always do). */
    optional?: boolean;
}

/** The identity-policy document inputs per resource type (provider v7 and aws-native schemas). */
export const IDENTITY_POLICY_DOCUMENTS: Readonly<Record<string, IdentityDocumentInput>> = {
    [t.IAM_POLICY]: { path: "policy" },
    [t.IAM_ROLE_POLICY]: { path: "policy" },
    [t.IAM_USER_POLICY]: { path: "policy" },
    [t.IAM_GROUP_POLICY]: { path: "policy" },
    [t.SSOADMIN_PERMISSION_SET_INLINE_POLICY]: { path: "inlinePolicy" },
    // Inline policies only; assumeRolePolicy is a trust policy.
    [t.IAM_ROLE]: { path: "inlinePolicies[].policy", entry: ["name", "policy"] },
    // AWS IoT policies are the identity policies of devices (attached to their certificates and
    // Cognito identities), in IAM's grammar: `iot:*` lets one stolen device certificate publish,
    // subscribe and rewrite shadows and jobs across the fleet.
    [t.IOT_POLICY]: { path: "policy" },
    // aws-native (CloudFormation's schemas), as pulumi-cdk sends CDK's roles and policies. Its
    // ManagedPolicy is AWS::IAM::ManagedPolicy (pulumi-cdk maps AWS::IAM::Policy, CDK's usual
    // grant target, to aws.iam.Policy); assumeRolePolicyDocument is a trust policy.
    [t.NATIVE_IAM_MANAGED_POLICY]: { path: "policyDocument" },
    [t.NATIVE_IAM_ROLE_POLICY]: { path: "policyDocument" },
    [t.NATIVE_IAM_USER_POLICY]: { path: "policyDocument" },
    [t.NATIVE_IAM_GROUP_POLICY]: { path: "policyDocument" },
    [t.NATIVE_IAM_ROLE]: { path: "policies[].policyDocument", entry: ["policyName", "policyDocument"] },
    [t.NATIVE_IAM_USER]: { path: "policies[].policyDocument", entry: ["policyName", "policyDocument"] },
    [t.NATIVE_IAM_GROUP]: { path: "policies[].policyDocument", entry: ["policyName", "policyDocument"] },
    // AWS::SSO::PermissionSet carries its inline policy itself (the classic provider splits it into
    // PermissionSetInlinePolicy): IAM Identity Center writes it into the role it provisions in
    // every account the permission set is assigned to. Optional: CloudFormation's handler puts no
    // inline policy for "" and deletes the one there on update.
    [t.NATIVE_SSO_PERMISSION_SET]: { path: "inlinePolicy", optional: true },
    // AWS::IoT::Policy, the same device policy as aws:iot/policy:Policy.
    [t.NATIVE_IOT_POLICY]: { path: "policyDocument" },
};

interface LocatedDocument {
    path: string;
    value: unknown;
    /** Optional inputs read "" as unset. */
    optional: boolean;
}

/** The identity-policy documents a resource carries, with findings for a malformed container. */
function identityPolicyDocuments(resource: PlainResource, findings: Finding[]): LocatedDocument[] {
    const input = IDENTITY_POLICY_DOCUMENTS[resource.type];
    if (!input) return [];
    if (!input.entry) return [{ path: input.path, value: resource.props[input.path], optional: input.optional ?? false }];
    const [list, document] = input.path.split("[].");
    const [name] = input.entry;
    const inline = resource.props[list];
    if (inline === undefined || inline === null || isUnknown(inline)) return [];
    if (!Array.isArray(inline)) {
        findings.push({
            message: `${resource.type} "${resource.name}": ${list} must be a list of {${name}, ${document}} objects, so it could not be checked.`,
        });
        return [];
    }
    const documents: LocatedDocument[] = [];
    inline.forEach((entry, i) => {
        if (isUnknown(entry)) return;
        if (!isRecord(entry)) {
            findings.push({
                message: `${resource.type} "${resource.name}": ${list}[${i}] must be an object with ${name} and ${document}, so it could not be checked.`,
            });
            return;
        }
        // `inlinePolicies: [{}]` is the documented way to remove all of an aws.iam.Role's inline policies.
        documents.push({ path: `${list}[${i}].${document}`, value: entry[document], optional: true });
    });
    return documents;
}

/** Why an identity-policy statement is too broad, or undefined when it is fine (or not decidable yet). */
export function wildcardActionProblem(statement: PolicyStatement, allowed: readonly GlobMatcher[]): string | undefined {
    if (statement.effect !== "Allow") return undefined;
    if (statement.notAction) {
        return "allows NotAction, which grants every action except those listed, including ones AWS adds later. " +
            "Replace NotAction with an Action list naming the actions needed (NotAction is fine in a Deny statement).";
    }
    const wildcards = unacceptedWildcardActions(statement.action, allowed);
    if (wildcards.length === 0) return undefined;
    return `allows wildcard actions ${quoteList(wildcards)}. ` +
        "Name each action the workload needs (a wildcard also grants actions AWS adds later), " +
        "or accept the pattern in this policy's allowedActions config.";
}

export function findWildcardActions(resource: PlainResource, config: IamNoWildcardActionsConfig): Finding[] {
    const allowed = compileAllowedActions(config.allowedActions);
    const findings: Finding[] = [];
    for (const document of identityPolicyDocuments(resource, findings)) {
        const at: DocumentLocation = { type: resource.type, name: resource.name, path: document.path };
        const reading = readPolicyDocument(document.value, { blankIsAbsent: document.optional });
        if (reading.kind !== "document") continue;
        for (const problem of reading.problems) findings.push({ message: describeProblem(at, problem) });
        for (const statement of reading.statements) {
            const problem = wildcardActionProblem(statement, allowed);
            if (problem) findings.push({ message: `${describeStatement(at, statement)} ${problem}` });
        }
    }
    return findings;
}

export const iamNoWildcardActions = resourcePolicy<IamNoWildcardActionsConfig>({
    name: "iam-no-wildcard-actions",
    displayName: "IAM policies name their actions",
    description: "IAM identity policies (managed, inline, SSO permission-set) and AWS IoT policies must not Allow wildcard actions or NotAction.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "List the exact actions each Allow statement needs instead of `*`, `service:*` or `service:Get*`, and replace " +
        "Allow + NotAction with an Action list. Accept a deliberate pattern with the allowedActions config.",
    tags: ["aws", "iam", "least-privilege"],
    framework: {
        name: "CIS Amazon Web Services Foundations Benchmark",
        version: "1.5.0",
        reference: "1.16",
        specification: "Ensure IAM policies that allow full \"*:*\" administrative privileges are not attached. " +
            "This policy is stricter: any wildcard action in an Allow statement is reported, except by default the KMS key-use " +
            "wildcards AWS's own guides grant (kms:GenerateDataKey*, ...).",
    },
    configSchema: {
        properties: {
            allowedActions: globList(
                "Actions or globs (case-insensitive, * matches any characters) accepted even though they contain wildcards, e.g. \"s3:Get*\". " +
                    "The default accepts the KMS key-use wildcards of AWS's guides (kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, " +
                    "kms:GenerateDataKey*, kms:Describe*); a list given here replaces it, and [] accepts none.",
                KEY_USE_WILDCARDS,
            ),
        },
    },
    strictConfig: { allowedActions: [] },
    resourceTypes: Object.keys(IDENTITY_POLICY_DOCUMENTS),
    check: findWildcardActions,
    examples: examples(),
});

function examples(): PolicyExample[] {
    const lambdaTrust = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    return [
        {
            title: "`s3:*` and `ec2:Describe*` in an object document, `Action: \"*\"` in a role's inline policy, and Allow + NotAction",
            verdict: "fail",
            demo: true,
            resources: [
                {
                    type: t.IAM_POLICY, name: "ci-deploy",
                    props: {
                        path: "/",
                        policy: {
                            Version: "2012-10-17",
                            Statement: [
                                { Sid: "Artifacts", Effect: "Allow", Action: ["s3:*"], Resource: "arn:aws:s3:::shop-artifacts/*" },
                                { Effect: "Allow", Action: ["ec2:Describe*"], Resource: "*" },
                            ],
                        },
                    },
                },
                {
                    type: t.IAM_ROLE, name: "orders-fn-role",
                    props: {
                        assumeRolePolicy: lambdaTrust,
                        inlinePolicies: [{
                            name: "everything",
                            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
                        }],
                    },
                },
                {
                    type: t.IAM_USER_POLICY, name: "ops",
                    props: {
                        user: "ops",
                        policy: JSON.stringify({
                            Version: "2012-10-17",
                            Statement: [{ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }],
                        }),
                    },
                },
            ],
            messageIncludes: "allows",
        },
        {
            title: "named actions; wildcards only in a Deny; a trust policy is not an identity policy",
            verdict: "pass",
            demo: true,
            resources: [
                {
                    type: t.IAM_POLICY, name: "ci-deploy",
                    props: {
                        path: "/",
                        policy: {
                            Version: "2012-10-17",
                            Statement: [
                                { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::shop-artifacts/*" },
                                { Effect: "Allow", Action: ["ec2:DescribeInstances"], Resource: "*" },
                                { Sid: "NoIamChanges", Effect: "Deny", Action: "iam:*", Resource: "*" },
                            ],
                        },
                    },
                },
                { type: t.IAM_ROLE, name: "orders-fn-role", props: { assumeRolePolicy: lambdaTrust } },
                {
                    type: t.IAM_ROLE_POLICY, name: "orders-fn-queue",
                    propertyDependencies: { role: ["orders-fn-role"] },
                    props: {
                        role: "orders-fn-role-7d1c2e9",
                        policy: JSON.stringify({
                            Version: "2012-10-17",
                            Statement: [{ Effect: "Allow", Action: ["sqs:SendMessage"], Resource: ["arn:aws:sqs:eu-west-1:111122223333:orders"] }],
                        }),
                    },
                },
            ],
        },
        {
            title: "an AWS IoT policy that grants a device `iot:*`, as the provider's own example does",
            verdict: "fail",
            resources: [{
                type: t.IOT_POLICY, name: "pubsub",
                props: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Action: ["iot:*"], Effect: "Allow", Resource: "*" }] }) },
            }],
            messageIncludes: "iot:*",
        },
        {
            title: "an AWS IoT policy that names its actions and scopes them to the connecting thing with policy variables",
            verdict: "pass",
            resources: [{
                type: t.IOT_POLICY, name: "sensor",
                props: {
                    policy: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow", Action: "iot:Connect", Resource: "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}",
                                Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } },
                            },
                            { Effect: "Allow", Action: ["iot:Publish", "iot:Receive"], Resource: "arn:aws:iot:eu-west-1:111122223333:topic/sensors/${iot:Connection.Thing.ThingName}/*" },
                            { Effect: "Allow", Action: "iot:Subscribe", Resource: "arn:aws:iot:eu-west-1:111122223333:topicfilter/sensors/${iot:Connection.Thing.ThingName}/*" },
                            { Effect: "Allow", Action: ["iot:GetThingShadow", "iot:UpdateThingShadow"], Resource: "arn:aws:iot:eu-west-1:111122223333:thing/${iot:Connection.Thing.ThingName}" },
                        ],
                    }),
                },
            }],
        },
        {
            title: "aws-native IAM resources, as pulumi-cdk sends a CDK app's roles and policies: `s3:*` in a role's inline policy is reported; " +
                "a managed policy naming its actions and the KMS key-use wildcards of CDK's grants pass",
            verdict: "fail",
            resources: [
                {
                    type: t.NATIVE_IAM_ROLE, name: "OrdersFnServiceRole",
                    props: {
                        assumeRolePolicyDocument: { Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" } }], Version: "2012-10-17" },
                        policies: [{
                            policyName: "uploads",
                            policyDocument: { Statement: [{ Action: "s3:*", Effect: "Allow", Resource: ["arn:aws:s3:::shop-uploads", "arn:aws:s3:::shop-uploads/*"] }], Version: "2012-10-17" },
                        }],
                    },
                },
                {
                    type: t.NATIVE_IAM_MANAGED_POLICY, name: "OrdersQueueSend",
                    props: {
                        policyDocument: {
                            Statement: [
                                { Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Effect: "Allow", Resource: "arn:aws:sqs:eu-west-1:111122223333:orders" },
                                { Action: ["kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], Effect: "Allow", Resource: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
                            ],
                            Version: "2012-10-17",
                        },
                        roles: ["orders-fn-role"],
                    },
                },
            ],
            reported: ["OrdersFnServiceRole"],
            messageIncludes: "policies[0].policyDocument Statement[0] allows wildcard actions \"s3:*\"",
        },
        {
            title: "a deliberate pattern accepted with allowedActions",
            verdict: "pass",
            config: { allowedActions: ["ec2:Describe*"] },
            resources: [{
                type: t.IAM_POLICY, name: "inventory-reader",
                props: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" }] }) },
            }],
        },
        {
            title: "a document built from outputs that are unknown during a preview",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [
                { type: t.IAM_ROLE_POLICY, name: "unknown-doc", props: { role: "r", policy: { $unknown: "string" } } },
                {
                    type: t.IAM_POLICY, name: "unknown-resource",
                    props: { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: { $unknown: "string" } }] } },
                },
            ],
        },
    ];
}
