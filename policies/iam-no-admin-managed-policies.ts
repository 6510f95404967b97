// Attaching arn:aws:iam::aws:policy/AdministratorAccess grants what an inline `"Action": "*"`
// grants, but no policy document in the program says so: iam-no-wildcard-actions never sees
// it. This policy reads every way provider v7 (and aws-native, pulumi-cdk's provider) attaches
// a managed policy to a role, user, group or SSO permission set, and reports the denied ones (by default exactly
// AdministratorAccess, PowerUserAccess, IAMFullAccess, AdministratorAccess-Amplify, the deprecated
// AWSOpsWorksRegisterCLI, and the three that create roles and attach any policy to them:
// service-role/AWSCodeStarServiceRole, AWSManagedAccountManagementAccess and
// WellArchitectedConsoleFullAccess, in every partition: each lets the identity grant itself anything).
//
// Not attachments, so not read: permissions boundaries (they limit, never grant; an
// AdministratorAccess boundary is the usual "no boundary"), session and guardrail policies
// (rolesanywhere, chatbot), customer-managed policy references of SSO permission sets.
import { globList } from "./lib/config";
import { compileGlob } from "./lib/glob";
import { Finding, PlainResource, PolicyExample, resourcePolicy } from "./lib/rule";
import * as t from "./lib/tokens";
import { isUnknown, valueAt } from "./lib/values";

export interface IamNoAdminManagedPoliciesConfig {
    deniedPolicyArns: string[];
}

// `arn:aws*:` is every partition: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e,
// aws-iso-f, aws-eusc. Names are exact: AdministratorAccess-AWSElasticBeanstalk is another policy.
export const DEFAULT_DENIED_POLICY_ARNS: readonly string[] = [
    "arn:aws*:iam::aws:policy/AdministratorAccess",
    "arn:aws*:iam::aws:policy/PowerUserAccess",
    "arn:aws*:iam::aws:policy/IAMFullAccess",
    // Its CLIManageviaCFNPolicy statement allows iam:CreateRole, AttachRolePolicy, PutRolePolicy
    // and PassRole on "*" through CloudFormation stacks named amplify-*: the Amplify guide says it
    // "allows permissions escalation" and "should be considered as powerful as the
    // AdministratorAccess policy" (docs.aws.amazon.com/amplify/latest/userguide/security-iam-awsmanpol.html).
    "arn:aws*:iam::aws:policy/AdministratorAccess-Amplify",
    // Allows iam:PutUserPolicy, CreateAccessKey and AddUserToGroup on "*" (its only version, v1): the
    // identity can write itself an inline "*" policy. AWS replaced it with the scoped
    // AWSOpsWorksRegisterCLI_EC2 and _OnPremises (OpsWorks user guide, instance registration policies) and
    // deprecated it in April 2021 (github.com/zoph-io/MAMIP, DEPRECATED.json): a new attachment fails,
    // one made before keeps working.
    "arn:aws*:iam::aws:policy/AWSOpsWorksRegisterCLI",
    // Each allows, with no condition, iam:CreateRole and iam:AttachRolePolicy on a role path (and
    // more): the identity creates a role there that trusts whom it chooses (itself, another
    // account) and attaches AdministratorAccess to it. Documents: AWS Managed Policy Reference,
    // default versions as of 2026-08 (mirror: github.com/zoph-io/IAMTrail, policies/).
    // ProjectWorkerRoles: CreateRole, AttachRolePolicy, PutRolePolicy and PassRole on
    // role/CodeStarWorker*, with ec2:* on "*" (v11; CodeStar is discontinued, the policy is not).
    "arn:aws*:iam::aws:policy/service-role/AWSCodeStarServiceRole",
    // v1 (2026-07-20): CreateRole, AttachRolePolicy, PutRolePolicy, UpdateAssumeRolePolicy on role/managed/*.
    "arn:aws*:iam::aws:policy/AWSManagedAccountManagementAccess",
    // v2 (2026-07-09; v1 was wellarchitected:* only): CreateRole and AttachRolePolicy on role/service-role/*.
    "arn:aws*:iam::aws:policy/WellArchitectedConsoleFullAccess",
];

// Not admin by default, denied by the strict preset: AdministratorAccess-AWSElasticBeanstalk (v10, 2026-05-19, which
// only narrowed its service-linked roles) scopes its writes to awseb-*/eb-* names and grants no IAM policy writes,
// but it passes any role to CloudFormation and EC2 (iam:PassRole on role/*) and may create awseb-* stacks and launch
// instances: the identity acts as any role that trusts those services, such as the CDK bootstrap's cfn-exec-role,
// AdministratorAccess by default (aws-cdk#27097). It replaced AWSElasticBeanstalkFullAccess, which the strict
// *FullAccess* glob already covers.
const BEANSTALK_ADMIN = "arn:aws*:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk";

// Not admin by default, denied by the strict preset: AIDevOpsAgentActionsPolicy v2 (2026-08-19; v1 named ten
// mutations) is Allow NotAction [account:*, cognito-identity:*, iam:*, identitystore:*, organizations:*, ram:*,
// rolesanywhere:*, sso:*, sts:*] on "*". No IAM write, role to assume or role to pass, so it fails the admin test
// above; but it holds every other service's "*" (s3:*, kms:*, lambda:*, ssm:*, cloudformation:*), each of which
// the strict *FullAccess* glob denies on its own (IAMTrail mirror, policies/AIDevOpsAgentActionsPolicy).
const AIDEVOPS_ACTIONS = "arn:aws*:iam::aws:policy/AIDevOpsAgentActionsPolicy";

// Not admin by default, denied by the strict preset, for the same reason: the SageMaker Unified Studio
// "permissive" execution policies grant, with no condition, s3:*, glue:*, rds:*, redshift:*, events:* and more on
// "*" (Sid DataAccess; the user policy adds sagemaker:*, elasticmapreduce:*, scheduler:*), each a *FullAccess the
// strict preset denies alone; the admin policy also passes any role of the account to Glue and SageMaker. They
// write no IAM permission (IAMTrail mirror: admin v21 2026-07-14, user v24 2026-08-13). The "Default" execution
// policies scope those grants and pass.
const SAGEMAKER_STUDIO_PERMISSIVE = [
    "arn:aws*:iam::aws:policy/SageMakerStudioAdminIAMPermissiveExecutionPolicy",
    "arn:aws*:iam::aws:policy/SageMakerStudioUserIAMPermissiveExecutionPolicy",
];

// Not admin by default, denied by the strict preset: IAM Identity Center's administrator policies (IAMTrail mirror:
// AWSSSOMasterAccountAdministrator v13 and AWSSSOMemberAccountAdministrator v11, 2026-02-12) allow sso:*, sso-directory:*
// and identitystore:* on "*" with no condition. They write no IAM permission of the account itself, but the identity can
// create a user in the Identity Center directory and assign it a permission set holding AdministratorAccess in the
// organization's accounts (the management account's own only from the master policy): admin of the organization through
// a user it controls. They are what the identity team's role needs, so the default list keeps them off.
const IDENTITY_CENTER_ADMINS = [
    "arn:aws*:iam::aws:policy/AWSSSOMasterAccountAdministrator",
    "arn:aws*:iam::aws:policy/AWSSSOMemberAccountAdministrator",
];

// AWS names a service's full-access policy *FullAccess, and its later versions *FullAccess_v2 or *FullAccessV2
// (CloudWatchFullAccessV2: cloudwatch:* and logs:* on "*"; AmazonDynamoDBFullAccess_v2: dynamodb:* and dax:*) or
// *FullAccessPolicy(_v2) (AmazonEMRFullAccessPolicy_v2): the strict preset denies every name containing FullAccess.
const FULL_ACCESS = "arn:aws*:iam::aws:policy/*FullAccess*";

interface AttachmentInput {
    /** The ARN input, a dotted path through nested blocks. */
    property: string;
    list: boolean;
    /** Who gets the policy, for messages (never the input's value). */
    target: string;
    /** Lists of whom the policy is attached to, where all of them empty attaches it to nobody. */
    targets?: readonly string[];
}

// A budget action of type APPLY_IAM_POLICY attaches its policy to the roles, users and groups it
// lists once the budget crosses its threshold (automatically, or on approval): usually
// AWSDenyAll, to freeze spending (AWS Budgets, "Configuring a budget action").
const BUDGET_ACTION: AttachmentInput = {
    property: "definition.iamActionDefinition.policyArn",
    list: false,
    target: "the roles, users and groups in `definition.iamActionDefinition` when the budget action runs",
    targets: ["roles", "users", "groups"].map((list) => `definition.iamActionDefinition.${list}`),
};

/** Every managed-policy attachment of provider v7 and aws-native, by type. */
export const MANAGED_POLICY_ATTACHMENTS: Readonly<Record<string, AttachmentInput>> = {
    [t.IAM_ROLE_POLICY_ATTACHMENT]: { property: "policyArn", list: false, target: "the role in `role`" },
    [t.IAM_USER_POLICY_ATTACHMENT]: { property: "policyArn", list: false, target: "the user in `user`" },
    [t.IAM_GROUP_POLICY_ATTACHMENT]: { property: "policyArn", list: false, target: "the group in `group`" },
    // Exclusive across the account; attaches to nothing when its lists are empty.
    [t.IAM_POLICY_ATTACHMENT]: { property: "policyArn", list: false, target: "the roles, users and groups it lists", targets: ["roles", "users", "groups"] },
    // Not deprecated in Pulumi 7.48 (Terraform deprecated managed_policy_arns; pulumi-aws#4654).
    [t.IAM_ROLE]: { property: "managedPolicyArns", list: true, target: "this role" },
    [t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE]: { property: "policyArns", list: true, target: "the role in `roleName`" },
    [t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE]: { property: "policyArns", list: true, target: "the user in `userName`" },
    [t.IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE]: { property: "policyArns", list: true, target: "the group in `groupName`" },
    [t.SSOADMIN_MANAGED_POLICY_ATTACHMENT]: { property: "managedPolicyArn", list: false, target: "the permission set in `permissionSetArn`" },
    [t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE]: { property: "managedPolicyArns", list: true, target: "the permission set in `permissionSetArn`" },
    // aws-native (CloudFormation's schemas): pulumi-cdk sends a CDK Role's, User's and Group's
    // managedPolicies here, as resolved ARNs (unknown at preview until the partition is known).
    // CloudFormation has no separate attachment resource.
    [t.NATIVE_IAM_ROLE]: { property: "managedPolicyArns", list: true, target: "this role" },
    [t.NATIVE_IAM_USER]: { property: "managedPolicyArns", list: true, target: "this user" },
    [t.NATIVE_IAM_GROUP]: { property: "managedPolicyArns", list: true, target: "this group" },
    // AWS::SSO::PermissionSet lists its AWS managed policies itself (the classic provider uses
    // ManagedPolicyAttachment); its permissionsBoundary limits and is not read.
    [t.NATIVE_SSO_PERMISSION_SET]: { property: "managedPolicies", list: true, target: "this permission set" },
    [t.BUDGETS_BUDGET_ACTION]: BUDGET_ACTION,
    // AWS::Budgets::BudgetsAction, the same definition.
    [t.NATIVE_BUDGETS_ACTION]: BUDGET_ACTION,
};

// AWS-managed policies live in the account `aws` of each partition; their names are public,
// so messages may quote them.
const AWS_MANAGED = /^arn:aws(-[a-z]+)*:iam::aws:policy\/((?:[A-Za-z0-9+=,.@_-]+\/)*[A-Za-z0-9+=,.@_-]{1,128})$/i;

// PowerUserAccess is `Allow NotAction [iam:*, organizations:*, account:*]` (AWS managed policy reference, v12).
const WHY: Readonly<Record<string, string>> = {
    administratoraccess: "which allows every action on every resource",
    poweruseraccess: "which allows every action except IAM, Organizations and account management",
    iamfullaccess: "which allows every IAM action, so the identity can grant itself anything",
    "administratoraccess-amplify":
        "which allows creating IAM roles and attaching any policy to them through CloudFormation, so AWS rates it as powerful as AdministratorAccess (an Amplify Gen 2 backend deploys with service-role/AmplifyBackendDeployFullAccess instead)",
    awsopsworksregistercli: "which allows iam:PutUserPolicy on every user, so the identity can grant itself anything (AWS deprecated it in 2021)",
    "service-role/awscodestarservicerole":
        "which allows creating CodeStarWorker* roles, attaching any policy to them and passing them to EC2, so the identity can grant itself anything",
    awsmanagedaccountmanagementaccess:
        "which allows creating roles under /managed/, setting whom they trust and attaching any policy to them, so the identity can grant itself anything",
    wellarchitectedconsolefullaccess:
        "which allows creating roles under /service-role/ and attaching any policy to them, so the identity can grant itself anything",
    aidevopsagentactionspolicy:
        "which allows every action on every resource outside IAM, STS, IAM Identity Center, Organizations, account, RAM, Roles Anywhere and Cognito identity, " +
        "so the identity acts through every function, instance, stack, key and secret of the account",
    "sagemakerstudioadminiampermissiveexecutionpolicy":
        "which allows s3:*, glue:*, rds:*, redshift:* and more on every resource and passing any role of the account to Glue and SageMaker",
    "sagemakerstudiouseriampermissiveexecutionpolicy":
        "which allows s3:*, glue:*, rds:*, redshift:*, sagemaker:*, elasticmapreduce:* and more on every resource",
    awsssomasteraccountadministrator:
        "which allows sso:* and identitystore:* on every resource, so the identity can create an IAM Identity Center user and assign it " +
        "AdministratorAccess in any account of the organization, the management account included",
    awsssomemberaccountadministrator:
        "which allows sso:* and identitystore:* on every resource, so the identity can create an IAM Identity Center user and assign it " +
        "AdministratorAccess in the organization's member accounts",
    "administratoraccess-awselasticbeanstalk":
        "which allows passing any role to CloudFormation and EC2 and creating Beanstalk stacks and instances with it, so the identity acts as any role that trusts those services",
};

export function findAdminManagedPolicies(resource: PlainResource, config: IamNoAdminManagedPoliciesConfig): Finding[] {
    const input = MANAGED_POLICY_ATTACHMENTS[resource.type];
    if (!input || !attachesToSomeone(resource, input)) return [];
    const denied = config.deniedPolicyArns.map((p) => ({ pattern: p, matches: compileGlob(p, { ignoreCase: true }) }));
    const value = valueAt(resource.props, input.property);
    const arns: [string, unknown][] = input.list
        ? (Array.isArray(value) ? value.map((v, i): [string, unknown] => [`${input.property}[${i}]`, v]) : [])
        : [[input.property, value]];
    const findings: Finding[] = [];
    for (const [path, arn] of arns) {
        // Unknown at preview: an output of a policy created in the same program, or of getPolicy.
        if (typeof arn !== "string" || isUnknown(arn)) continue;
        const trimmed = arn.trim();
        const hit = denied.find((d) => d.matches(trimmed));
        if (!hit) continue;
        findings.push({
            message: `${resource.type} "${resource.name}": ${path} attaches ${describeAttachment(trimmed, hit.pattern, input.target)}. ` +
                "Attach a policy granting only the actions needed; exempt a break-glass identity with a reason.",
        });
    }
    return findings;
}

function describeAttachment(arn: string, pattern: string, target: string): string {
    const managed = AWS_MANAGED.exec(arn);
    if (!managed) return `a managed policy to ${target}, which deniedPolicyArns denies (${JSON.stringify(pattern)})`;
    // Keyed by path and name: service-role/AdministratorAccess is not AdministratorAccess.
    const why = WHY[managed[2].toLowerCase()] ?? "which deniedPolicyArns denies";
    return `the AWS managed policy ${JSON.stringify(managed[2])} to ${target}, ${why}`;
}

// An iam.PolicyAttachment (or a budget action) whose roles, users and groups are all empty attaches
// nothing; with a list unknown at preview it may attach to someone, or not: undecided, so not reported.
function attachesToSomeone(resource: PlainResource, input: AttachmentInput): boolean {
    if (!input.targets) return true;
    return input.targets.some((path) => {
        const list = valueAt(resource.props, path);
        return Array.isArray(list) && list.length > 0;
    });
}

export const iamNoAdminManagedPolicies = resourcePolicy<IamNoAdminManagedPoliciesConfig>({
    name: "iam-no-admin-managed-policies",
    displayName: "No identity gets administrator power from a managed policy",
    description:
        "Roles, users, groups and SSO permission sets must not be attached AdministratorAccess, PowerUserAccess or IAMFullAccess " +
        "(or the managed policies configured in deniedPolicyArns).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Attach a customer-managed or AWS-managed policy that grants only the actions the identity needs instead of AdministratorAccess, " +
        "PowerUserAccess or IAMFullAccess; keep administrator access for break-glass identities, exempted with a reason.",
    tags: ["aws", "iam", "least-privilege"],
    framework: {
        name: "CIS Amazon Web Services Foundations Benchmark",
        version: "1.5.0",
        reference: "1.16",
        specification: "Ensure IAM policies that allow full \"*:*\" administrative privileges are not attached. " +
            "This policy reads attachments of AWS-managed policies; iam-no-wildcard-actions reads the program's own documents.",
    },
    configSchema: {
        properties: {
            deniedPolicyArns: globList(
                "Managed-policy ARNs or globs (case-insensitive, * matches any characters, / included) that must not be attached; " +
                    "replaces the default list, e.g. add \"arn:aws:iam::aws:policy/*FullAccess\".",
                DEFAULT_DENIED_POLICY_ARNS,
            ),
        },
    },
    // A service's *FullAccess policy is that service's "*" (AmazonS3FullAccess is s3:* on every
    // bucket), which iam-no-wildcard-actions reports when a program writes it out.
    strictConfig: { deniedPolicyArns: [...DEFAULT_DENIED_POLICY_ARNS, BEANSTALK_ADMIN, AIDEVOPS_ACTIONS, ...SAGEMAKER_STUDIO_PERMISSIVE, ...IDENTITY_CENTER_ADMINS, FULL_ACCESS] },
    resourceTypes: Object.keys(MANAGED_POLICY_ATTACHMENTS),
    check: findAdminManagedPolicies,
    examples: examples(),
});

function examples(): PolicyExample[] {
    const account = "111122223333";
    const githubTrust = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow", Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com` },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/shop:ref:refs/heads/main" } },
        }],
    });
    const lambdaTrust = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    const sso = {
        instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6",
        permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0a1b2c3d4e5f6a7b",
    };
    return [
        {
            title: "AdministratorAccess for a CI deploy role, PowerUserAccess in a role's `managedPolicyArns`, and IAMFullAccess for an SSO permission set in GovCloud",
            verdict: "fail",
            demo: true,
            resources: [
                { type: t.IAM_ROLE, name: "shop-deployer", props: { assumeRolePolicy: githubTrust, maxSessionDuration: 3600 } },
                {
                    type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "shop-deployer-admin",
                    propertyDependencies: { role: ["shop-deployer"] },
                    props: { role: "shop-deployer-4f1e2d3", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
                },
                {
                    type: t.IAM_ROLE, name: "shop-batch-role",
                    props: { assumeRolePolicy: lambdaTrust, managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/PowerUserAccess"] },
                },
                {
                    type: t.SSOADMIN_MANAGED_POLICY_ATTACHMENT, name: "platform-iam",
                    props: {
                        instanceArn: "arn:aws-us-gov:sso:::instance/ssoins-7223a1b2c3d4e5f6",
                        permissionSetArn: "arn:aws-us-gov:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-1b2c3d4e5f6a7b8c",
                        managedPolicyArn: "arn:aws-us-gov:iam::aws:policy/IAMFullAccess",
                    },
                },
            ],
            reported: ["shop-deployer-admin", "shop-batch-role", "platform-iam"],
        },
        {
            title: "scoped AWS-managed and customer-managed policies; AdministratorAccess as a permissions boundary, which limits rather than grants",
            verdict: "pass",
            demo: true,
            resources: [
                {
                    type: t.IAM_ROLE, name: "shop-reporting-role",
                    props: {
                        assumeRolePolicy: lambdaTrust,
                        permissionsBoundary: "arn:aws:iam::aws:policy/AdministratorAccess",
                        managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
                    },
                },
                {
                    type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "shop-reporting-read",
                    propertyDependencies: { role: ["shop-reporting-role"] },
                    props: { role: "shop-reporting-role-9a8b7c6", policyArn: `arn:aws:iam::${account}:policy/reporting-read` },
                },
                { type: t.SSOADMIN_MANAGED_POLICY_ATTACHMENT, name: "auditors-view", props: { ...sso, managedPolicyArn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess" } },
            ],
        },
        {
            title: "look-alikes are other policies: the console-only AWSManagementConsoleAdministratorAccess, the job function SystemAdministrator, a customer policy named AdministratorAccess",
            verdict: "pass",
            resources: [{
                type: t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, name: "console-admins",
                props: {
                    roleName: "console-admins",
                    policyArns: [
                        "arn:aws:iam::aws:policy/job-function/AWSManagementConsoleAdministratorAccess",
                        "arn:aws:iam::aws:policy/job-function/SystemAdministrator",
                        `arn:aws:iam::${account}:policy/AdministratorAccess`,
                    ],
                },
            }],
        },
        {
            title: "AdministratorAccess-Amplify for an Amplify service role, which AWS rates as powerful as AdministratorAccess",
            verdict: "fail",
            resources: [{
                type: t.IAM_ROLE, name: "amplify-backend",
                props: {
                    assumeRolePolicy: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Principal: { Service: "amplify.amazonaws.com" }, Action: "sts:AssumeRole" }],
                    }),
                    managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess-Amplify"],
                },
            }],
            messageIncludes: "AdministratorAccess-Amplify",
        },
        {
            title: "aws-native roles, as pulumi-cdk sends a CDK app's `iam.Role`: `managedPolicies` with AdministratorAccess, and a Lambda role with its basic execution policy",
            verdict: "fail",
            resources: [
                {
                    type: t.NATIVE_IAM_ROLE, name: "DeployRole",
                    props: {
                        assumeRolePolicyDocument: { Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" } }], Version: "2012-10-17" },
                        managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
                    },
                },
                {
                    type: t.NATIVE_IAM_ROLE, name: "OrdersFnServiceRole",
                    props: {
                        assumeRolePolicyDocument: { Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" } }], Version: "2012-10-17" },
                        managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
                    },
                },
            ],
            reported: ["DeployRole"],
            messageIncludes: "managedPolicyArns[0] attaches the AWS managed policy \"AdministratorAccess\" to this role",
        },
        {
            title: "a team that also denies every `*FullAccess` policy (the default list is replaced, so it is repeated)",
            verdict: "fail",
            config: { deniedPolicyArns: [...DEFAULT_DENIED_POLICY_ARNS, "arn:aws:iam::aws:policy/*FullAccess"] },
            resources: [{ type: t.IAM_GROUP_POLICY_ATTACHMENT, name: "developers-s3", props: { group: "developers", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" } }],
        },
        {
            title: "a break-glass role keeps AdministratorAccess through an exemption with a reason",
            verdict: "pass",
            config: {
                exemptions: [{
                    type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "break-glass-admin",
                    reason: "Break-glass role: MFA-only trust, assumed through the incident runbook INC-7, alarms on every use",
                }],
            },
            resources: [{ type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "break-glass-admin", props: { role: "break-glass", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } }],
        },
        {
            title: "every other attachment resource, in other partitions and spellings",
            verdict: "fail",
            docs: false,
            resources: [
                { type: t.IAM_USER_POLICY_ATTACHMENT, name: "user", props: { user: "ops", policyArn: "arn:aws-cn:iam::aws:policy/AdministratorAccess" } },
                { type: t.IAM_GROUP_POLICY_ATTACHMENT, name: "group", props: { group: "ops", policyArn: " arn:aws:iam::aws:policy/administratoraccess " } },
                { type: t.IAM_POLICY_ATTACHMENT, name: "shared", props: { policyArn: "arn:aws-iso-b:iam::aws:policy/PowerUserAccess", roles: ["a"], users: [], groups: [] } },
                { type: t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE, name: "user-exclusive", props: { userName: "ops", policyArns: ["arn:aws-eusc:iam::aws:policy/IAMFullAccess"] } },
                { type: t.IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE, name: "group-exclusive", props: { groupName: "ops", policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"] } },
                { type: t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, name: "role-exclusive", props: { roleName: "ops", policyArns: ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess"] } },
                { type: t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE, name: "sso-exclusive", props: { ...sso, managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"] } },
            ],
        },
        {
            title: "every other attachment resource with scoped policies, and a PolicyAttachment that attaches to nobody",
            verdict: "pass",
            docs: false,
            resources: [
                { type: t.IAM_USER_POLICY_ATTACHMENT, name: "user", props: { user: "ops", policyArn: "arn:aws-cn:iam::aws:policy/ReadOnlyAccess" } },
                { type: t.IAM_GROUP_POLICY_ATTACHMENT, name: "group", props: { group: "ops", policyArn: "arn:aws:iam::aws:policy/IAMUserChangePassword" } },
                { type: t.IAM_POLICY_ATTACHMENT, name: "shared", props: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess", roles: [], users: [], groups: [] } },
                { type: t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE, name: "user-exclusive", props: { userName: "ops", policyArns: [] } },
                { type: t.IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE, name: "group-exclusive", props: { groupName: "ops", policyArns: ["arn:aws:iam::aws:policy/IAMReadOnlyAccess"] } },
                { type: t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, name: "role-exclusive", props: { roleName: "ops", policyArns: ["arn:aws:iam::aws:policy/job-function/SystemAdministrator"] } },
                { type: t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE, name: "sso-exclusive", props: { ...sso, managedPolicyArns: ["arn:aws:iam::aws:policy/AWSCodeCommitPowerUser"] } },
            ],
        },
        {
            title: "policy ARNs that are unknown during a preview",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "pending", props: { role: { $unknown: "string" }, policyArn: { $unknown: "string" } } },
                { type: t.IAM_ROLE, name: "pending-list", props: { assumeRolePolicy: lambdaTrust, managedPolicyArns: { $unknown: "array" } } },
                { type: t.IAM_POLICY_ATTACHMENT, name: "pending-targets", props: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess", roles: { $unknown: "array" } } },
            ],
        },
    ];
}
