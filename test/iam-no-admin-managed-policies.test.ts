import { describe, expect, it } from "vitest";
import {
    DEFAULT_DENIED_POLICY_ARNS, findAdminManagedPolicies, iamNoAdminManagedPolicies, MANAGED_POLICY_ATTACHMENTS,
} from "../policies/iam-no-admin-managed-policies";
import * as t from "../policies/lib/tokens";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { useEngine } from "./helpers/engine";
import { resource, sentinelsToWire } from "./helpers/resources";
import { assertNotShown } from "./helpers/secrets";

const POLICY = "iam-no-admin-managed-policies";
const U = UNKNOWN_SENTINELS;
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

function check(type: string, props: Record<string, unknown>, deniedPolicyArns: readonly string[] = DEFAULT_DENIED_POLICY_ARNS): string[] {
    return findAdminManagedPolicies(resource(type, props), { deniedPolicyArns: [...deniedPolicyArns] }).map((f) => f.message);
}
const short = (messages: string[]) => messages.map((m) => m.replace(/\. .*$/s, ""));
const attach = (arn: unknown) => check(t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: arn });

describe("findAdminManagedPolicies (pure rule): which ARNs are denied by default", () => {
    const passing: string[] = [
        // Beanstalk's deployer policy (writes scoped to awseb-*/eb-*, no IAM policy writes) and the
        // policies AWS has Beanstalk's service role and instance profile use: none lets the identity
        // write itself a policy (AWS managed policy reference).
        "arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk",
        "arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkService",
        "arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkEnhancedHealth",
        "arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkRoleCore",
        "arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy",
        "arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier",
        "arn:aws:iam::aws:policy/AWSElasticBeanstalkWorkerTier",
        "arn:aws:iam::aws:policy/AWSElasticBeanstalkMulticontainerDocker",
        // The scoped successors of AWSOpsWorksRegisterCLI (IAM writes only on AWS/OpsWorks/OpsWorks-* users).
        "arn:aws:iam::aws:policy/AWSOpsWorksRegisterCLI_EC2",
        "arn:aws:iam::aws:policy/AWSOpsWorksRegisterCLI_OnPremises",
        // "*" only when aws:IsMcpServiceAction: the MCP services' own actions, "not ... the actions taken by the MCP".
        "arn:aws:iam::aws:policy/AWSMcpServiceActionsFullAccess",
        // A service's "*" without IAM writes: cloudformation:*, sso:* (permission sets).
        "arn:aws:iam::aws:policy/AWSCloudFormationFullAccess",
        "arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator",
        // 2025-2026 policies (default versions as of 2026-08, AWS Managed Policy Reference). Account
        // access manager (2026): entitlements give Identity Center principals existing roles, as
        // permission-set assignments do; no IAM write. AccountAccessManagerServiceRolePolicy is a
        // service-linked role's (IAM refuses to attach it) and only reads Organizations.
        "arn:aws:iam::aws:policy/AWSAccountAccessManagerEntitlementManager",
        "arn:aws:iam::aws:policy/AWSAccountAccessManagerReadOnlyAccess",
        "arn:aws:iam::aws:policy/AWSManagedAccountUserEntitlementAccess",
        "arn:aws:iam::aws:policy/aws-service-role/AccountAccessManagerServiceRolePolicy",
        // account:* (alternate contacts, Regions), organizations:*: no IAM write in this account.
        "arn:aws:iam::aws:policy/AWSAccountManagementFullAccess",
        "arn:aws:iam::aws:policy/AWSOrganizationsFullAccess",
        // AttachRolePolicy on role/managed/* only when called through account.amazonaws.com (aws:CalledViaLast).
        "arn:aws:iam::aws:policy/AWSManagedSettingsAdminAccess",
        // v2 (2026-08): NotAction on "*" that leaves out iam:*, sts:*, sso:*, organizations:*, account:*,
        // identitystore:*, ram:*, rolesanywhere:*, cognito-identity:*: no IAM write, no role to assume or pass.
        "arn:aws:iam::aws:policy/AIDevOpsAgentActionsPolicy",
        // sts:AssumeRole on "*" (only roles whose trust already allows the account) and AttachRolePolicy
        // pinned by iam:PolicyARN to SageMaker's user policies.
        "arn:aws:iam::aws:policy/SageMakerStudioUserIAMDefaultExecutionPolicy",
        "arn:aws:iam::aws:policy/SageMakerStudioAdminIAMPermissiveExecutionPolicy",
        // Role-policy writes only with a permissions boundary or a policy AWS names (iam:PermissionsBoundary,
        // iam:PolicyARN); the provisioning policy's other IAM writes reach only DataZone's tagged, bounded roles.
        "arn:aws:iam::aws:policy/SageMakerStudioProjectProvisioningRolePolicy",
        "arn:aws:iam::aws:policy/AccountManagementFromVercel",
        // Read-only job functions and audits: iam:Get*/List* only.
        "arn:aws:iam::aws:policy/SecurityAudit",
        "arn:aws:iam::aws:policy/job-function/SupportUser",
        "arn:aws:iam::aws:policy/job-function/Billing",
        "arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess",
        "arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/WellArchitectedConsoleReadOnlyAccess",
        // Not the denied policies: other paths, a customer policy of the same name.
        "arn:aws:iam::aws:policy/AWSCodeStarServiceRole",
        "arn:aws:iam::111122223333:policy/service-role/AWSCodeStarServiceRole",
        "arn:aws:iam::aws:policy/service-role/WellArchitectedConsoleFullAccess",
        "arn:aws:iam::aws:policy/AWSManagedAccountManagementAccessV2",
        "arn:aws:iam::aws:policy/service-role/AmplifyBackendDeployFullAccess",
        "arn:aws:iam::aws:policy/job-function/AWSManagementConsoleAdministratorAccess",
        "arn:aws:iam::aws:policy/job-function/SystemAdministrator",
        "arn:aws:iam::aws:policy/job-function/NetworkAdministrator",
        "arn:aws:iam::aws:policy/job-function/DatabaseAdministrator",
        "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
        "arn:aws:iam::aws:policy/AWSAuditManagerAdministratorAccess",
        "arn:aws:iam::aws:policy/AWSCodeCommitPowerUser",
        "arn:aws:iam::aws:policy/AWSDataPipeline_PowerUser",
        "arn:aws:iam::aws:policy/IAMUserChangePassword",
        "arn:aws:iam::aws:policy/IAMReadOnlyAccess",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/AmazonS3FullAccess",
        // A customer-managed policy that happens to share the name: not AWS's.
        "arn:aws:iam::111122223333:policy/AdministratorAccess",
        "arn:aws:iam::111122223333:policy/team/PowerUserAccess",
        "arn:aws:iam::111122223333:policy/AdministratorAccess-Amplify",
        "arn:aws:iam::aws:policy/service-role/AdministratorAccess",
        "AdministratorAccess",
        "",
    ];
    it.each(passing)("%j passes", (arn) => {
        expect(attach(arn)).toEqual([]);
    });

    const failing: [string, string][] = [
        [ADMIN, "AdministratorAccess"],
        ["arn:aws:iam::aws:policy/PowerUserAccess", "PowerUserAccess"],
        ["arn:aws:iam::aws:policy/IAMFullAccess", "IAMFullAccess"],
        ["arn:aws-cn:iam::aws:policy/AdministratorAccess", "AdministratorAccess"],
        ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess", "AdministratorAccess"],
        ["arn:aws-iso:iam::aws:policy/PowerUserAccess", "PowerUserAccess"],
        ["arn:aws-iso-b:iam::aws:policy/IAMFullAccess", "IAMFullAccess"],
        ["arn:aws-iso-e:iam::aws:policy/AdministratorAccess", "AdministratorAccess"],
        ["arn:aws-iso-f:iam::aws:policy/AdministratorAccess", "AdministratorAccess"],
        ["arn:aws-eusc:iam::aws:policy/AdministratorAccess", "AdministratorAccess"],
        // IAM names are case-insensitive; a mis-cased ARN must not slip through.
        ["arn:aws:iam::aws:policy/administratoraccess", "administratoraccess"],
        ["  arn:aws:iam::aws:policy/PowerUserACCESS ", "PowerUserACCESS"],
        // AWS: "allows permissions escalation ... as powerful as the AdministratorAccess policy".
        ["arn:aws:iam::aws:policy/AdministratorAccess-Amplify", "AdministratorAccess-Amplify"],
        ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess-Amplify", "AdministratorAccess-Amplify"],
        // iam:PutUserPolicy on "*" (v1, deprecated: an attachment made before 2021 keeps working).
        ["arn:aws:iam::aws:policy/AWSOpsWorksRegisterCLI", "AWSOpsWorksRegisterCLI"],
        // CreateRole and AttachRolePolicy with no condition on a role path: a new role that trusts
        // whom the identity chooses, with AdministratorAccess attached.
        ["arn:aws:iam::aws:policy/service-role/AWSCodeStarServiceRole", "service-role/AWSCodeStarServiceRole"],
        ["arn:aws-cn:iam::aws:policy/service-role/awscodestarservicerole", "service-role/awscodestarservicerole"],
        ["arn:aws:iam::aws:policy/AWSManagedAccountManagementAccess", "AWSManagedAccountManagementAccess"],
        ["arn:aws-us-gov:iam::aws:policy/AWSManagedAccountManagementAccess", "AWSManagedAccountManagementAccess"],
        ["arn:aws:iam::aws:policy/WellArchitectedConsoleFullAccess", "WellArchitectedConsoleFullAccess"],
        [" arn:aws:iam::aws:policy/wellarchitectedconsolefullaccess", "wellarchitectedconsolefullaccess"],
    ];
    const why: Record<string, string> = {
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
    };
    it.each(failing)("%j fails", (arn, name) => {
        expect(short(attach(arn))).toEqual([`${t.IAM_ROLE_POLICY_ATTACHMENT} "r": policyArn attaches the AWS managed policy "${name}" to the role in \`role\`, ` +
            why[name.toLowerCase()]]);
    });

    it("says how to fix, in full", () => {
        expect(attach(ADMIN)).toEqual([
            `${t.IAM_ROLE_POLICY_ATTACHMENT} "r": policyArn attaches the AWS managed policy "AdministratorAccess" to the role in \`role\`, ` +
                "which allows every action on every resource. Attach a policy granting only the actions needed; exempt a break-glass identity with a reason.",
        ]);
    });
});

describe("findAdminManagedPolicies (pure rule): attachments", () => {
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["a user", t.IAM_USER_POLICY_ATTACHMENT, { user: "u", policyArn: ADMIN }, ["policyArn attaches the AWS managed policy \"AdministratorAccess\" to the user in `user`"]],
        ["a group", t.IAM_GROUP_POLICY_ATTACHMENT, { group: "g", policyArn: ADMIN }, ["policyArn attaches the AWS managed policy \"AdministratorAccess\" to the group in `group`"]],
        ["a PolicyAttachment to roles", t.IAM_POLICY_ATTACHMENT, { policyArn: ADMIN, roles: ["r"] },
            ["policyArn attaches the AWS managed policy \"AdministratorAccess\" to the roles, users and groups it lists"]],
        ["a PolicyAttachment to an unknown user", t.IAM_POLICY_ATTACHMENT, { policyArn: ADMIN, users: [U.string] },
            ["policyArn attaches the AWS managed policy \"AdministratorAccess\" to the roles, users and groups it lists"]],
        ["a PolicyAttachment to nobody", t.IAM_POLICY_ATTACHMENT, { policyArn: ADMIN, roles: [], users: [], groups: [] }, []],
        ["a PolicyAttachment without lists", t.IAM_POLICY_ATTACHMENT, { policyArn: ADMIN }, []],
        ["a PolicyAttachment whose lists are unknown", t.IAM_POLICY_ATTACHMENT, { policyArn: ADMIN, roles: U.array, users: [] }, []],
        ["a role's managedPolicyArns, each element judged", t.IAM_ROLE,
            { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", ADMIN, U.string, "arn:aws:iam::aws:policy/IAMFullAccess"] },
            ["managedPolicyArns[1] attaches the AWS managed policy \"AdministratorAccess\" to this role",
                "managedPolicyArns[3] attaches the AWS managed policy \"IAMFullAccess\" to this role"]],
        ["a role without managedPolicyArns", t.IAM_ROLE, { assumeRolePolicy: "{}" }, []],
        ["a role's permissions boundary limits, never grants", t.IAM_ROLE, { assumeRolePolicy: "{}", permissionsBoundary: ADMIN }, []],
        ["a role's managedPolicyArns unknown", t.IAM_ROLE, { managedPolicyArns: U.array }, []],
        ["exclusive role attachments", t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, { roleName: "r", policyArns: [ADMIN] },
            ["policyArns[0] attaches the AWS managed policy \"AdministratorAccess\" to the role in `roleName`"]],
        ["exclusive user attachments", t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE, { userName: "u", policyArns: [ADMIN] },
            ["policyArns[0] attaches the AWS managed policy \"AdministratorAccess\" to the user in `userName`"]],
        ["exclusive group attachments", t.IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE, { groupName: "g", policyArns: [ADMIN] },
            ["policyArns[0] attaches the AWS managed policy \"AdministratorAccess\" to the group in `groupName`"]],
        ["an SSO permission set", t.SSOADMIN_MANAGED_POLICY_ATTACHMENT, { instanceArn: "i", permissionSetArn: "p", managedPolicyArn: ADMIN },
            ["managedPolicyArn attaches the AWS managed policy \"AdministratorAccess\" to the permission set in `permissionSetArn`"]],
        ["exclusive SSO attachments", t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE, { instanceArn: "i", permissionSetArn: "p", managedPolicyArns: [ADMIN] },
            ["managedPolicyArns[0] attaches the AWS managed policy \"AdministratorAccess\" to the permission set in `permissionSetArn`"]],
        ["an unknown policy ARN", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: U.string }, []],
        ["a non-string policy ARN", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: 42 }, []],
        ["other types are ignored", t.IAM_POLICY, { policy: ADMIN }, []],
        // aws-native, as pulumi-cdk sends a CDK Role's managedPolicies (Fn::Join over AWS::Partition, resolved).
        ["an aws-native role's service-role policy", t.NATIVE_IAM_ROLE,
            { assumeRolePolicyDocument: {}, managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"] }, []],
        ["an aws-native role's AdministratorAccess boundary limits, never grants", t.NATIVE_IAM_ROLE, { assumeRolePolicyDocument: {}, permissionsBoundary: ADMIN }, []],
        ["an aws-native role's managedPolicyArns unknown (preview)", t.NATIVE_IAM_ROLE, { assumeRolePolicyDocument: {}, managedPolicyArns: U.array }, []],
        ["an aws-native role's ARNs unknown until the partition is (preview)", t.NATIVE_IAM_ROLE, { assumeRolePolicyDocument: {}, managedPolicyArns: [U.string, U.string] }, []],
        ["an aws-native managed policy attaches its own document (iam-no-wildcard-actions')", t.NATIVE_IAM_MANAGED_POLICY, { policyDocument: {}, roles: [ADMIN] }, []],
        ["an aws-native role", t.NATIVE_IAM_ROLE,
            { assumeRolePolicyDocument: {}, managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", U.string, ADMIN] },
            ["managedPolicyArns[2] attaches the AWS managed policy \"AdministratorAccess\" to this role"]],
        ["an aws-native user", t.NATIVE_IAM_USER, { managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"] },
            ["managedPolicyArns[0] attaches the AWS managed policy \"PowerUserAccess\" to this user"]],
        ["an aws-native group", t.NATIVE_IAM_GROUP, { managedPolicyArns: ["arn:aws-cn:iam::aws:policy/IAMFullAccess"] },
            ["managedPolicyArns[0] attaches the AWS managed policy \"IAMFullAccess\" to this group"]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(check(type, props).map((m) => m.replace(/, which .*$/s, ""))).toEqual(expected.map((e) => `${type} "r": ${e}`));
    });

    it("covers every way provider v7 and aws-native attach a managed policy to an identity", () => {
        expect(Object.keys(MANAGED_POLICY_ATTACHMENTS).sort()).toEqual([
            t.IAM_GROUP_POLICY_ATTACHMENT, t.IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE, t.IAM_POLICY_ATTACHMENT, t.IAM_ROLE,
            t.IAM_ROLE_POLICY_ATTACHMENT, t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, t.IAM_USER_POLICY_ATTACHMENT, t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE,
            t.SSOADMIN_MANAGED_POLICY_ATTACHMENT, t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE, t.NATIVE_IAM_ROLE, t.NATIVE_IAM_USER, t.NATIVE_IAM_GROUP,
            t.NATIVE_SSO_PERMISSION_SET, t.BUDGETS_BUDGET_ACTION, t.NATIVE_BUDGETS_ACTION,
        ].sort());
    });
});

describe("findAdminManagedPolicies (pure rule): deniedPolicyArns", () => {
    const fullAccess = [...DEFAULT_DENIED_POLICY_ARNS, "arn:aws:iam::aws:policy/*FullAccess"];
    const cases: [string, string, readonly string[], string[]][] = [
        ["*FullAccess, / included in *", "arn:aws:iam::aws:policy/AmazonS3FullAccess", fullAccess,
            ["policyArn attaches the AWS managed policy \"AmazonS3FullAccess\" to the role in `role`, which deniedPolicyArns denies"]],
        ["a path matched by *", "arn:aws:iam::aws:policy/service-role/AWSCodeDeployFullAccess", fullAccess,
            ["policyArn attaches the AWS managed policy \"service-role/AWSCodeDeployFullAccess\" to the role in `role`, which deniedPolicyArns denies"]],
        ["the default is replaced", ADMIN, ["arn:aws:iam::aws:policy/*FullAccess"], []],
        ["an opt-in look-alike, with why it is powerful", "arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk",
            [...DEFAULT_DENIED_POLICY_ARNS, "arn:aws*:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk"],
            ["policyArn attaches the AWS managed policy \"AdministratorAccess-AWSElasticBeanstalk\" to the role in `role`, " +
                "which allows passing any role to CloudFormation and EC2 and creating Beanstalk stacks and instances with it, so the identity acts as any role that trusts those services"]],
        ["the strict preset denies Beanstalk's deployer policy", "arn:aws-cn:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[],
            ["policyArn attaches the AWS managed policy \"AdministratorAccess-AWSElasticBeanstalk\" to the role in `role`, " +
                "which allows passing any role to CloudFormation and EC2 and creating Beanstalk stacks and instances with it, so the identity acts as any role that trusts those services"]],
        // v2 (2026-08-19): Allow NotAction [account:*, cognito-identity:*, iam:*, identitystore:*, organizations:*,
        // ram:*, rolesanywhere:*, sso:*, sts:*] on "*": every service's "*" the strict *FullAccess glob denies one by one.
        ["the strict preset denies AIDevOpsAgentActionsPolicy, whose NotAction covers every *FullAccess", "arn:aws:iam::aws:policy/AIDevOpsAgentActionsPolicy",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[],
            ["policyArn attaches the AWS managed policy \"AIDevOpsAgentActionsPolicy\" to the role in `role`, " +
                "which allows every action on every resource outside IAM, STS, IAM Identity Center, Organizations, account, RAM, Roles Anywhere and Cognito identity, " +
                "so the identity acts through every function, instance, stack, key and secret of the account"]],
        ["the strict preset passes Beanstalk's service-role policies", "arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[], []],
        // IAMTrail mirror: CloudWatchFullAccessV2 v16 (cloudwatch:*, logs:* on "*"), AmazonDynamoDBFullAccess_v2 v3
        // (dynamodb:*, dax:*), AmazonEMRFullAccessPolicy_v2 v7: full-access policies whose names do not end in FullAccess.
        ...["CloudWatchFullAccessV2", "AmazonDynamoDBFullAccess_v2", "AmazonEMRFullAccessPolicy_v2"].map((name): [string, string, readonly string[], string[]] => [
            `the strict preset denies ${name}, a full-access policy by a later name`, `arn:aws:iam::aws:policy/${name}`,
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[],
            [`policyArn attaches the AWS managed policy "${name}" to the role in \`role\`, which deniedPolicyArns denies`]]),
        // IAMTrail mirror: admin v21 (2026-07-14), user v24 (2026-08-13), Sid DataAccess: s3:*, glue:*, rds:*, ... on "*".
        ["the strict preset denies SageMaker Studio's admin permissive execution policy", "arn:aws:iam::aws:policy/SageMakerStudioAdminIAMPermissiveExecutionPolicy",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[],
            ["policyArn attaches the AWS managed policy \"SageMakerStudioAdminIAMPermissiveExecutionPolicy\" to the role in `role`, " +
                "which allows s3:*, glue:*, rds:*, redshift:* and more on every resource and passing any role of the account to Glue and SageMaker"]],
        ["the strict preset denies SageMaker Studio's user permissive execution policy", "arn:aws:iam::aws:policy/SageMakerStudioUserIAMPermissiveExecutionPolicy",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[],
            ["policyArn attaches the AWS managed policy \"SageMakerStudioUserIAMPermissiveExecutionPolicy\" to the role in `role`, " +
                "which allows s3:*, glue:*, rds:*, redshift:*, sagemaker:*, elasticmapreduce:* and more on every resource"]],
        // IAMTrail mirror: AWSSSOMasterAccountAdministrator v13, AWSSSOMemberAccountAdministrator v11 (2026-02-12):
        // sso:*, sso-directory:*, identitystore:* on "*" with no condition.
        ["the strict preset denies IAM Identity Center's administrator policy in the management account", "arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[],
            ["policyArn attaches the AWS managed policy \"AWSSSOMasterAccountAdministrator\" to the role in `role`, " +
                "which allows sso:* and identitystore:* on every resource, so the identity can create an IAM Identity Center user and assign it " +
                "AdministratorAccess in any account of the organization, the management account included"]],
        ["the strict preset denies IAM Identity Center's administrator policy for a delegated administrator", "arn:aws-us-gov:iam::aws:policy/AWSSSOMemberAccountAdministrator",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[],
            ["policyArn attaches the AWS managed policy \"AWSSSOMemberAccountAdministrator\" to the role in `role`, " +
                "which allows sso:* and identitystore:* on every resource, so the identity can create an IAM Identity Center user and assign it " +
                "AdministratorAccess in the organization's member accounts"]],
        ["the strict preset passes IAM Identity Center's read-only and directory policies", "arn:aws:iam::aws:policy/AWSSSOReadOnly",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[], []],
        ["by default, IAM Identity Center's administrator policies pass", "arn:aws:iam::aws:policy/AWSSSOMemberAccountAdministrator", DEFAULT_DENIED_POLICY_ARNS, []],
        ["the strict preset passes SageMaker Studio's default execution policies, which scope those grants", "arn:aws:iam::aws:policy/SageMakerStudioUserIAMDefaultExecutionPolicy",
            iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[], []],
        ["by default, the SageMaker Studio permissive policies and the later full-access names pass", "arn:aws:iam::aws:policy/SageMakerStudioAdminIAMPermissiveExecutionPolicy",
            DEFAULT_DENIED_POLICY_ARNS, []],
        ["by default, CloudWatchFullAccessV2 passes", "arn:aws:iam::aws:policy/CloudWatchFullAccessV2", DEFAULT_DENIED_POLICY_ARNS, []],
        ["a customer-managed policy", "arn:aws:iam::111122223333:policy/god-mode", ["arn:aws:iam::*:policy/god-mode"],
            ["policyArn attaches a managed policy to the role in `role`, which deniedPolicyArns denies (\"arn:aws:iam::*:policy/god-mode\")"]],
        ["an empty list denies nothing", ADMIN, [], []],
    ];
    it.each(cases)("%s", (_label, arn, denied, expected) => {
        expect(short(check(t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: arn }, denied))).toEqual(expected.map((e) => `${t.IAM_ROLE_POLICY_ATTACHMENT} "r": ${e}`));
    });

    it("never quotes an ARN that is not AWS-managed", () => {
        const secret = "arn:aws:iam::111122223333:policy/SECRET_abcdefghijklmnop";
        const messages = check(t.IAM_ROLE_POLICY_ATTACHMENT, { role: "SECRET_qrstuvwxyz012345", policyArn: secret }, ["*"]);
        expect(messages).toHaveLength(1);
        assertNotShown(messages.join("\n"), [secret, "SECRET_abcdefghijklmnop", "SECRET_qrstuvwxyz012345"], "a finding");
    });
});

describe("iam-no-admin-managed-policies through the engine path", () => {
    const engine = useEngine();
    const nameOf = (run: { resources: { urn: string; name: string }[] }, urn: string) => run.resources.find((r) => r.urn === urn)?.name;

    it("reports every attachment type, mandatory by default; passes look-alikes and scoped policies", async () => {
        const types = Object.keys(MANAGED_POLICY_ATTACHMENTS);
        // Inputs at dotted paths; a type that lists its targets gets one.
        const props = (type: string, arn: string): Record<string, unknown> => {
            const input = MANAGED_POLICY_ATTACHMENTS[type];
            const out: Record<string, unknown> = {};
            const set = (path: string, value: unknown) => {
                const parts = path.split(".");
                let at = out;
                for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
                at[parts[parts.length - 1]] = value;
            };
            if (input.targets) set(input.targets[0], ["deployer"]);
            set(input.property, input.list ? [arn] : arn);
            return out;
        };
        const resources = types.flatMap((type, i) => [
            { type, name: `admin-${i}`, props: props(type, "arn:aws-us-gov:iam::aws:policy/AdministratorAccess") },
            { type, name: `amplify-${i}`, props: props(type, "arn:aws:iam::aws:policy/AdministratorAccess-Amplify") },
            { type, name: `beanstalk-${i}`, props: props(type, "arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk") },
            { type, name: `opsworks-${i}`, props: props(type, "arn:aws:iam::aws:policy/AWSOpsWorksRegisterCLI") },
            { type, name: `opsworks-ec2-${i}`, props: props(type, "arn:aws:iam::aws:policy/AWSOpsWorksRegisterCLI_EC2") },
            { type, name: `read-${i}`, props: props(type, "arn:aws:iam::aws:policy/ReadOnlyAccess") },
        ]);
        const run = await engine.run({ resources });
        expect(run.of(POLICY).map((d) => [nameOf(run, d.urn), d.enforcementLevel]))
            .toEqual(types.flatMap((_type, i) => [[`admin-${i}`, "mandatory"], [`amplify-${i}`, "mandatory"], [`opsworks-${i}`, "mandatory"]]));
        expect(run.of(POLICY)[0].message.split("\n")[0]).toBe(
            "Roles, users, groups and SSO permission sets must not be attached AdministratorAccess, PowerUserAccess or IAMFullAccess " +
                "(or the managed policies configured in deniedPolicyArns).",
        );
    });

    it("an aws-native role as pulumi-cdk sends it: AdministratorAccess reported once its ARN is known, not at preview while it is unknown", async () => {
        const role = (arns: unknown) => ({
            type: t.NATIVE_IAM_ROLE, name: "DeployerRole",
            props: {
                assumeRolePolicyDocument: { Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" } }], Version: "2012-10-17" },
                managedPolicyArns: arns,
            },
        });
        const known = await engine.run({ resources: [role(["arn:aws:iam::aws:policy/AWSCodeBuildDeveloperAccess", ADMIN])] });
        expect(known.of(POLICY).map((d) => [nameOf(known, d.urn), d.message.split("\n")[1].replace(/, which .*$/s, "")])).toEqual([
            ["DeployerRole", 'aws-native:iam:Role "DeployerRole": managedPolicyArns[1] attaches the AWS managed policy "AdministratorAccess" to this role'],
        ]);
        const preview = await engine.run({ preview: true, resources: [role([{ $unknown: "string" }, { $unknown: "string" }]), { ...role({ $unknown: "array" }), name: "Pending" }] });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("reports the managed policies that create roles and attach anything to them; passes the 2026 account access manager and look-alike policies", async () => {
        const sso = { instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0a1b2c3d4e5f6a7b" };
        const run = await engine.run({
            resources: [
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "codestar-service", props: { role: "aws-codestar-service-role", policyArn: "arn:aws:iam::aws:policy/service-role/AWSCodeStarServiceRole" } },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "managed-accounts", props: { role: "managed-account-operator", policyArn: "arn:aws-us-gov:iam::aws:policy/AWSManagedAccountManagementAccess" } },
                { type: t.SSOADMIN_MANAGED_POLICY_ATTACHMENT, name: "wa-reviewers", props: { ...sso, managedPolicyArn: "arn:aws:iam::aws:policy/WellArchitectedConsoleFullAccess" } },
                {
                    type: t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE, name: "access-managers",
                    props: {
                        ...sso,
                        managedPolicyArns: [
                            "arn:aws:iam::aws:policy/AWSAccountAccessManagerEntitlementManager",
                            "arn:aws:iam::aws:policy/AWSAccountAccessManagerReadOnlyAccess",
                            "arn:aws:iam::aws:policy/AWSAccountManagementFullAccess",
                            "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
                        ],
                    },
                },
                {
                    type: t.IAM_ROLE, name: "devops-agent",
                    props: { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/AIDevOpsAgentActionsPolicy", "arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess"] },
                },
                { type: t.NATIVE_IAM_ROLE, name: "SageMakerExecution", props: { assumeRolePolicyDocument: {}, managedPolicyArns: ["arn:aws:iam::aws:policy/SageMakerStudioUserIAMDefaultExecutionPolicy"] } },
            ],
        });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["codestar-service", "managed-accounts", "wa-reviewers"]);
        expect(run.of(POLICY)[0].message).toContain('"service-role/AWSCodeStarServiceRole" to the role in `role`, which allows creating CodeStarWorker* roles');
    });

    it("takes deniedPolicyArns and exemptions from the pack config", async () => {
        const run = await engine.run({
            resources: [
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "break-glass-admin", props: { role: "break-glass", policyArn: ADMIN } },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "ci-admin", props: { role: "ci", policyArn: ADMIN } },
                { type: t.IAM_GROUP_POLICY_ATTACHMENT, name: "devs-s3", props: { group: "devs", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" } },
            ],
        }, {
            config: {
                [POLICY]: {
                    properties: {
                        deniedPolicyArns: [...DEFAULT_DENIED_POLICY_ARNS, "arn:aws:iam::aws:policy/*FullAccess"],
                        exemptions: [{ name: "break-glass-*", reason: "Break-glass role, MFA-only trust (INC-7)" }],
                    },
                },
            },
        });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["ci-admin", "devs-s3"]);
    });

    it("with the strict preset's list, reports Beanstalk's deployer policy and passes its service-role policies", async () => {
        const run = await engine.run({
            resources: [
                { type: t.IAM_USER_POLICY_ATTACHMENT, name: "eb-deployer", props: { user: "github-actions-deployer", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk" } },
                {
                    type: t.IAM_ROLE, name: "eb-service-role",
                    props: {
                        assumeRolePolicy: JSON.stringify({
                            Version: "2012-10-17",
                            Statement: [{ Effect: "Allow", Principal: { Service: "elasticbeanstalk.amazonaws.com" }, Action: "sts:AssumeRole" }],
                        }),
                        managedPolicyArns: [
                            "arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkEnhancedHealth",
                            "arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy",
                        ],
                    },
                },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "eb-instance-web", props: { role: "aws-elasticbeanstalk-ec2-role", policyArn: "arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier" } },
            ],
        }, { config: { [POLICY]: { properties: { ...iamNoAdminManagedPolicies.strictConfig } } } });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["eb-deployer"]);
        expect(run.of(POLICY)[0].message).toContain("so the identity acts as any role that trusts those services");
    });

    it("with the strict preset's list, reports AIDevOpsAgentActionsPolicy (v2) and passes the DevOps agent's other policies", async () => {
        const run = await engine.run({
            resources: [
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "devops-agent-actions", props: { role: "devops-agent", policyArn: "arn:aws:iam::aws:policy/AIDevOpsAgentActionsPolicy" } },
                {
                    type: t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE, name: "devops-operators",
                    props: {
                        instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6",
                        permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0a1b2c3d4e5f6a7b",
                        managedPolicyArns: ["arn:aws:iam::aws:policy/AIDevOpsOperatorAppAccessPolicy", "arn:aws:iam::aws:policy/AIDevOpsAgentReadOnlyAccess"],
                    },
                },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "devops-agent-access", props: { role: "devops-agent", policyArn: "arn:aws:iam::aws:policy/AIDevOpsAgentAccessPolicy" } },
            ],
        }, { config: { [POLICY]: { properties: { ...iamNoAdminManagedPolicies.strictConfig } } } });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["devops-agent-actions"]);
        expect(run.of(POLICY)[0].message).toContain("outside IAM, STS, IAM Identity Center");
    });

    it("with the strict preset's list, reports the later full-access names, SageMaker Studio's permissive execution policies and IAM Identity Center's administrator policy", async () => {
        const run = await engine.run({
            resources: [
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "observability-admin", props: { role: "observability", policyArn: "arn:aws:iam::aws:policy/CloudWatchFullAccessV2" } },
                { type: t.IAM_GROUP_POLICY_ATTACHMENT, name: "data-devs-ddb", props: { group: "data-devs", policyArn: "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess_v2" } },
                {
                    type: t.IAM_ROLE, name: "studio-execution",
                    props: {
                        assumeRolePolicy: JSON.stringify({
                            Version: "2012-10-17",
                            Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:SetContext", "sts:SetSourceIdentity"] }],
                        }),
                        managedPolicyArns: ["arn:aws:iam::aws:policy/SageMakerStudioUserIAMPermissiveExecutionPolicy"],
                    },
                },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "studio-admin-execution", props: { role: "studio-admin", policyArn: "arn:aws:iam::aws:policy/SageMakerStudioAdminIAMPermissiveExecutionPolicy" } },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "studio-default-execution", props: { role: "studio", policyArn: "arn:aws:iam::aws:policy/SageMakerStudioUserIAMDefaultExecutionPolicy" } },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "cloudwatch-read", props: { role: "observability", policyArn: "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess" } },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "identity-team", props: { role: "identity-admins", policyArn: "arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator" } },
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "identity-readers", props: { role: "identity-audit", policyArn: "arn:aws:iam::aws:policy/AWSSSOReadOnly" } },
            ],
        }, { config: { [POLICY]: { properties: { ...iamNoAdminManagedPolicies.strictConfig } } } });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["observability-admin", "data-devs-ddb", "studio-execution", "studio-admin-execution", "identity-team"]);
        expect(run.of(POLICY)[3].message).toContain("passing any role of the account to Glue and SageMaker");
    });

    it("reads no grant that is not an attachment: inline-policy exclusives, SSO customer-managed references, boundaries", async () => {
        const sso = { instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0a1b2c3d4e5f6a7b" };
        const run = await engine.run({
            resources: [
                // policyNames name the role's inline policies (iam-no-wildcard-actions reads their documents).
                { type: "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive", name: "inline-only", props: { roleName: "deployer", policyNames: ["AdministratorAccess"] } },
                // A reference by name to a customer-managed policy of each account, never an AWS-managed one.
                { type: "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment", name: "customer-ref", props: { ...sso, customerManagedPolicyReference: { name: "AdministratorAccess", path: "/" } } },
                { type: "aws:iam/user:User", name: "bounded-user", props: { name: "dev", permissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess" } },
                { type: "aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment", name: "sso-boundary", props: { ...sso, permissionsBoundary: { managedPolicyArn: ADMIN } } },
            ],
        });
        expect(run.of(POLICY)).toEqual([]);
    });

    it("reports an iam.PolicyAttachment at preview once one of its lists is known to name someone", async () => {
        const attachment = (name: string, lists: Record<string, unknown>) => ({ type: t.IAM_POLICY_ATTACHMENT, name, props: { policyArn: ADMIN, ...lists } });
        const run = await engine.run({
            preview: true,
            resources: [
                attachment("ci-user", { roles: { $unknown: "array" }, users: ["ci"] }),
                attachment("pending-user", { users: [{ $unknown: "string" }] }),
                attachment("pending-roles", { roles: { $unknown: "array" }, users: [], groups: [] }),
            ],
        });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["ci-user", "pending-user"]);
    });

    it("skips ARNs unknown during a preview", async () => {
        const run = await engine.run({
            preview: true,
            resources: [
                { type: t.IAM_ROLE_POLICY_ATTACHMENT, name: "pending", props: { role: { $unknown: "string" }, policyArn: { $unknown: "string" } } },
                { type: t.IAM_ROLE, name: "pending-list", props: { assumeRolePolicy: "{}", managedPolicyArns: [{ $unknown: "string" }, ADMIN] } },
            ],
        });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["pending-list"]);
    });
});

// Thirteenth held-out replay (helper 100), labelled before running from AWS's managed policy
// reference, the IAM User Guide (permissions boundaries grant nothing; session policies only limit),
// the CloudFormation schema of AWS::SSO::PermissionSet (ManagedPolicies: "A structure that stores a list
// of managed policy ARNs that describe the associated AWS managed policy") and prowler's
// iam_*_full_access / checkov CKV_AWS_274 (AdministratorAccess attached).
// [label, type, props, expected: findings or not, deniedPolicyArns]
describe("iam-no-admin-managed-policies: held-out attachments (thirteenth replay)", () => {
    const NATIVE_PERMISSION_SET = "aws-native:sso:PermissionSet";
    const SSO_INSTANCE = "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6";
    const PS = "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0a1b2c3d4e5f6a7b";
    const aws = (name: string, partition = "aws") => `arn:${partition}:iam::aws:policy/${name}`;
    const STRICT = iamNoAdminManagedPolicies.strictConfig!.deniedPolicyArns as string[];
    const cases: [string, string, Record<string, unknown>, boolean, (readonly string[])?][] = [
        ["A1 RolePolicyAttachment AdministratorAccess", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "ci", policyArn: ADMIN }, true],
        ["A2 GovCloud AdministratorAccess", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "ci", policyArn: aws("AdministratorAccess", "aws-us-gov") }, true],
        ["A3 Role managedPolicyArns ReadOnlyAccess", t.IAM_ROLE, { assumeRolePolicy: "{}", managedPolicyArns: [aws("ReadOnlyAccess")] }, false],
        ["A4 Role managedPolicyArns PowerUserAccess", t.IAM_ROLE, { assumeRolePolicy: "{}", managedPolicyArns: [aws("ReadOnlyAccess"), aws("PowerUserAccess")] }, true],
        ["A5 UserPolicyAttachment IAMFullAccess", t.IAM_USER_POLICY_ATTACHMENT, { user: "ops", policyArn: aws("IAMFullAccess") }, true],
        ["A6 GroupPolicyAttachment job-function ViewOnlyAccess", t.IAM_GROUP_POLICY_ATTACHMENT, { group: "auditors", policyArn: aws("job-function/ViewOnlyAccess") }, false],
        ["A7 PolicyAttachment to nobody", t.IAM_POLICY_ATTACHMENT, { policyArn: ADMIN, roles: [], users: [], groups: [] }, false],
        ["A8 PolicyAttachment to a role", t.IAM_POLICY_ATTACHMENT, { policyArn: ADMIN, roles: ["break-glass"] }, true],
        ["A9 AdministratorAccess as a permissions boundary", t.IAM_ROLE, { assumeRolePolicy: "{}", permissionsBoundary: ADMIN }, false],
        ["A10 aws-native Role managedPolicyArns AdministratorAccess", t.NATIVE_IAM_ROLE, { assumeRolePolicyDocument: {}, managedPolicyArns: [ADMIN] }, true],
        ["A11 aws-native User managedPolicyArns ReadOnlyAccess", t.NATIVE_IAM_USER, { managedPolicyArns: [aws("ReadOnlyAccess")] }, false],
        ["A12 ssoadmin ManagedPolicyAttachment AdministratorAccess", t.SSOADMIN_MANAGED_POLICY_ATTACHMENT, { instanceArn: SSO_INSTANCE, permissionSetArn: PS, managedPolicyArn: ADMIN }, true],
        ["A13 ssoadmin ManagedPolicyAttachmentsExclusive with AdministratorAccess", t.SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE, {
            instanceArn: SSO_INSTANCE, permissionSetArn: PS, managedPolicyArns: [aws("job-function/ViewOnlyAccess"), ADMIN],
        }, true],
        ["A14 RolePolicyAttachmentsExclusive PowerUserAccess", t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, { roleName: "dev", policyArns: [aws("PowerUserAccess")] }, true],
        // AWS::SSO::PermissionSet ManagedPolicies: the AdministratorAccess permission set of AWS's
        // Identity Center guides, as a CDK app's CfnPermissionSet reaches pulumi-cdk
        ["A15 aws-native PermissionSet managedPolicies AdministratorAccess", NATIVE_PERMISSION_SET, { instanceArn: SSO_INSTANCE, name: "Admin", managedPolicies: [ADMIN] }, true],
        ["A16 aws-native PermissionSet managedPolicies ReadOnlyAccess", NATIVE_PERMISSION_SET, { instanceArn: SSO_INSTANCE, name: "ReadOnly", managedPolicies: [aws("ReadOnlyAccess")] }, false],
        ["A17 aws-native PermissionSet AdministratorAccess as its boundary", NATIVE_PERMISSION_SET, {
            instanceArn: SSO_INSTANCE, name: "Dev", managedPolicies: [aws("job-function/ViewOnlyAccess")], permissionsBoundary: { managedPolicyArn: ADMIN },
        }, false],
        ["A18 aws-native PermissionSet managedPolicies unknown at preview", NATIVE_PERMISSION_SET, { instanceArn: SSO_INSTANCE, managedPolicies: U.array }, false],
        ["A19 aws-native PermissionSet one managed policy unknown at preview", NATIVE_PERMISSION_SET, { instanceArn: U.string, managedPolicies: [U.string, aws("PowerUserAccess")] }, true],
        ["A20 Role with AWSLambdaBasicExecutionRole", t.IAM_ROLE, { assumeRolePolicy: "{}", managedPolicyArns: [aws("service-role/AWSLambdaBasicExecutionRole")] }, false],
        ["A21 Beanstalk's administrator policy, default list", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "eb", policyArn: aws("AdministratorAccess-AWSElasticBeanstalk") }, false],
        ["A22 job-function SystemAdministrator, default list", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "sysadmin", policyArn: aws("job-function/SystemAdministrator") }, false],
        ["A23 a customer managed policy named AdministratorAccess (its document is judged where it is written)", t.IAM_ROLE_POLICY_ATTACHMENT, {
            role: "r", policyArn: "arn:aws:iam::111122223333:policy/AdministratorAccess",
        }, false],
        ["A24 policyArn unknown at preview", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: U.string }, false],
        ["A25 Roles Anywhere profile: managedPolicyArns are session policies", "aws:rolesanywhere/profile:Profile", { name: "p", roleArns: [], managedPolicyArns: [ADMIN] }, false],
        ["A26 AmazonS3FullAccess under the default list", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: aws("AmazonS3FullAccess") }, false],
        ["A27 AmazonS3FullAccess under the strict preset", t.IAM_ROLE_POLICY_ATTACHMENT, { role: "r", policyArn: aws("AmazonS3FullAccess") }, true, STRICT],
        ["A28 AWSOpsWorksRegisterCLI", t.IAM_USER_POLICY_ATTACHMENT, { user: "ops", policyArn: aws("AWSOpsWorksRegisterCLI") }, true],
        ["A29 aws-native PermissionSet under the strict preset: CloudWatchFullAccessV2", NATIVE_PERMISSION_SET, {
            instanceArn: SSO_INSTANCE, managedPolicies: [aws("CloudWatchFullAccessV2")],
        }, true, STRICT],
        ["A30 aws-native Group managedPolicyArns IAMFullAccess (China)", t.NATIVE_IAM_GROUP, { managedPolicyArns: [aws("IAMFullAccess", "aws-cn")] }, true],
    ];
    it.each(cases)("%s", (_label, type, props, expected, denied) => {
        expect(check(type, props, denied ?? DEFAULT_DENIED_POLICY_ARNS).length > 0).toBe(expected);
    });

    const engine = useEngine();
    it("the same rows through the engine path (default list, then the strict preset's rows), unknowns sent as at preview", async () => {
        const id = (label: string) => label.split(" ")[0];
        for (const strict of [false, true]) {
            const rows = cases.filter(([, , , , denied]) => (denied !== undefined) === strict);
            const run = await engine.run(
                { resources: rows.map(([label, type, props]) => ({ type, name: id(label), props: sentinelsToWire(props) })) },
                strict ? { config: { [POLICY]: { properties: { deniedPolicyArns: STRICT } } } } : {},
            );
            expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(rows.filter(([, , , expected]) => expected).map(([label]) => id(label)));
        }
    });

    it("an aws-native permission set's managedPolicies are read like ManagedPolicyAttachmentsExclusive; its boundary is not", async () => {
        const run = await engine.run({
            resources: [
                { type: NATIVE_PERMISSION_SET, name: "Admin", props: { instanceArn: SSO_INSTANCE, name: "Admin", managedPolicies: [aws("ReadOnlyAccess"), ADMIN], sessionDuration: "PT1H" } },
                { type: NATIVE_PERMISSION_SET, name: "Bounded", props: { instanceArn: SSO_INSTANCE, managedPolicies: [aws("job-function/ViewOnlyAccess")], permissionsBoundary: { managedPolicyArn: ADMIN } } },
                { type: NATIVE_PERMISSION_SET, name: "Pending", props: { instanceArn: { $unknown: "string" }, managedPolicies: { $unknown: "array" } } },
            ],
        });
        expect(run.of(POLICY).map((d) => d.message.split("\n")[1].replace(/\. Attach a policy.*$/s, ""))).toEqual([
            'aws-native:sso:PermissionSet "Admin": managedPolicies[1] attaches the AWS managed policy "AdministratorAccess" to this permission set, ' +
                "which allows every action on every resource",
        ]);
    });
});

// Budget actions of type APPLY_IAM_POLICY attach their managed policy to the roles, users and groups
// they list when the budget crosses its threshold (AWS Budgets, "Configuring a budget action";
// usually AWSDenyAll). Neither provider's budget action was read (held-out replay, helper 128).
describe("iam-no-admin-managed-policies: budget actions that attach a managed policy", () => {
    const NATIVE_BUDGETS_ACTION = "aws-native:budgets:BudgetsAction";
    const aws = (name: string, partition = "aws") => `arn:${partition}:iam::aws:policy/${name}`;
    const action = (definition: unknown, actionType = "APPLY_IAM_POLICY") => ({
        budgetName: "monthly", actionType, approvalModel: "AUTOMATIC", notificationType: "ACTUAL",
        actionThreshold: { actionThresholdType: "PERCENTAGE", actionThresholdValue: 100 },
        executionRoleArn: "arn:aws:iam::111122223333:role/budgets-actions", subscribers: [{ address: "finops@example.com", subscriptionType: "EMAIL" }],
        definition,
    });
    const nativeAction = (definition: unknown) => ({
        budgetName: "monthly", actionType: "APPLY_IAM_POLICY", notificationType: "ACTUAL", actionThreshold: { type: "PERCENTAGE", value: 100 },
        executionRoleArn: "arn:aws:iam::111122223333:role/budgets-actions", subscribers: [{ address: "finops@example.com", type: "EMAIL" }],
        definition,
    });
    const cases: [string, string, Record<string, unknown>, boolean][] = [
        // False alarms first: the freeze AWS's examples configure, and what attaches to nobody.
        ["B1 AWSDenyAll on a role (the spend freeze)", t.BUDGETS_BUDGET_ACTION, action({ iamActionDefinition: { policyArn: aws("AWSDenyAll"), roles: ["dev"] } }), false],
        ["B2 an SCP action", t.BUDGETS_BUDGET_ACTION, action({ scpActionDefinition: { policyId: "p-12345678", targetIds: ["111122223333"] } }, "APPLY_SCP_POLICY"), false],
        ["B3 AdministratorAccess to nobody", t.BUDGETS_BUDGET_ACTION, action({ iamActionDefinition: { policyArn: ADMIN, roles: [], users: [], groups: [] } }), false],
        ["B4 definition unknown at preview", t.BUDGETS_BUDGET_ACTION, action(U.string), false],
        ["B5 policyArn unknown at preview", t.BUDGETS_BUDGET_ACTION, action({ iamActionDefinition: { policyArn: U.string, roles: ["dev"] } }), false],
        ["B6 roles unknown at preview: undecided", t.BUDGETS_BUDGET_ACTION, action({ iamActionDefinition: { policyArn: ADMIN, roles: U.array } }), false],
        ["B7 aws-native AWSDenyAll on a group", NATIVE_BUDGETS_ACTION, nativeAction({ iamActionDefinition: { policyArn: aws("AWSDenyAll"), groups: ["developers"] } }), false],
        ["B8 AdministratorAccess on a role", t.BUDGETS_BUDGET_ACTION, action({ iamActionDefinition: { policyArn: ADMIN, roles: ["dev"] } }), true],
        ["B9 IAMFullAccess on a group (GovCloud)", t.BUDGETS_BUDGET_ACTION, action({ iamActionDefinition: { policyArn: aws("IAMFullAccess", "aws-us-gov"), groups: ["ops"] } }), true],
        ["B10 AdministratorAccess on a user whose name is unknown at preview", t.BUDGETS_BUDGET_ACTION, action({ iamActionDefinition: { policyArn: ADMIN, users: [U.string] } }), true],
        ["B11 aws-native PowerUserAccess on a user", NATIVE_BUDGETS_ACTION, nativeAction({ iamActionDefinition: { policyArn: aws("PowerUserAccess"), users: ["ops"] } }), true],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(check(type, props).length > 0).toBe(expected);
    });

    it("names the nested input and whom the action attaches the policy to", () => {
        expect(short(check(t.BUDGETS_BUDGET_ACTION, action({ iamActionDefinition: { policyArn: ADMIN, roles: ["dev"] } })))).toEqual([
            'aws:budgets/budgetAction:BudgetAction "r": definition.iamActionDefinition.policyArn attaches the AWS managed policy "AdministratorAccess" to ' +
                "the roles, users and groups in `definition.iamActionDefinition` when the budget action runs, which allows every action on every resource",
        ]);
    });

    const engine = useEngine({ dryRun: true });
    it("the same rows through the engine path at preview", async () => {
        const id = (label: string) => label.split(" ")[0];
        const run = await engine.run({ resources: cases.map(([label, type, props]) => ({ type, name: id(label), props: sentinelsToWire(props) })) });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(cases.filter(([, , , expected]) => expected).map(([label]) => id(label)));
        expect(run.of(POLICY).every((d) => d.enforcementLevel === "mandatory")).toBe(true);
    });
});
