// Resource-based policies decide who, in any account, may touch a bucket, a queue, a topic,
// a function... A grant there needs no IAM policy on the caller's side, so an Allow to
// Principal "*" is open to every AWS account (and, for S3, SQS, SNS, to anonymous callers)
// unless a condition pins the caller; and wildcard actions grant today's matching actions
// and every one AWS adds later. KMS key policies are judged by kms-no-wildcard-actions.
//
// S3 ACLs, snapshots, images and SSM documents have no policy document but a list of grantees,
// where the AllUsers group or "all" is Principal "*" without a condition: judged here too (below).
//
// Deny statements narrow access (TLS-only, VPC-endpoint-only): never violations. Each Allow
// statement is judged on its own, except that a Deny which keeps everyone but pinned callers
// away from what the Allow grants fences it (lib/policy-document.ts fencedByDenies).
import { globList } from "./lib/config";
import { all, any, Decided, fieldOf, mayBe, negate, whenKnown } from "./lib/decided";
import { GlobMatcher } from "./lib/glob";
import {
    anyoneClause, anyValueOperator, Audience, audienceOf, compileAllowedActions, Conditions, ConditionTest, delegatesToAccessPoints, describeProblem, describeStatement,
    DocumentLocation, exceptsResourceTags, fencedByDenies, isAccountRoot, isWildcardAction, mayExceptResourceTags, patternCovers, pinsCaller, PolicyDocumentReading, PolicyStatement, quoteList,
    readPolicyDocument, unacceptedWildcardActions, unpinnedServices,
} from "./lib/policy-document";
import { indexReferences, ReferenceIndex } from "./lib/references";
import { Finding, PlainResource, PolicyExample, resourcePolicy } from "./lib/rule";
import { declaredTagsOf, Naming, NamesOther, nameSame, ResourceTags, tagsOf, tagsOfNamed, withSeparateTags } from "./lib/tags";
import { BUCKET_TYPES, indexBuckets, judgeListsOnce, ownershipRulesOf, publicAccessBlocksOf, unresolvedConfigurationsOf, unresolvedSources } from "./lib/s3-buckets";
import * as t from "./lib/tokens";
import { isOn, isRecord, isUnknown, valueAt } from "./lib/values";

export interface ResourcePolicyNoWildcardsConfig {
    allowedActions: string[];
}

/**
 * How a service reads "anyone" in its policy, where that differs from the general rule:
 * - `s3-bucket`: a statement pinned to an account's access points delegates to their
 *   policies (AWS's "delegate access control to access points"), so wildcards are fine;
 *   statements open to anyone are the stack part's (see "settings of the target" below);
 * - `locked-block`: an Object Lambda access point's public access block, and that of an
 *   access point attached to an FSx volume, is all on and cannot be turned off (AWS's S3
 *   Control API and "Managing public access to access points"), so a policy open to anyone
 *   there is restricted to the owner's account and AWS services (S3 refuses to store it);
 *   likewise S3 Tables ("all table buckets and tables are private and can't be made public")
 *   and S3 on Outposts, whose buckets `s3control.BucketPolicy` alone serves ("S3 on Outposts
 *   always has S3 Block Public Access enabled"), and S3 Express One Zone's directory buckets
 *   (S3's user guide: "all Block Public Access settings are automatically enabled at the bucket
 *   level ... These settings can't be modified for directory buckets");
 * - `api-gateway`: `execute-api:Invoke` to anyone is what an EDGE or REGIONAL API without a
 *   policy allows too; the API's authorizers decide. Not for a PRIVATE REST API: it cannot be
 *   deployed without a policy, which may admit "VPC endpoints (in any account)" (AWS's API
 *   Gateway guide), so an unpinned Allow * lets every account call it through its own endpoint
 *   (aws-samples/serverless-patterns#935); it needs a pin or AWS's Deny unless aws:SourceVpce
 *   (fencedByDenies). A separate RestApiPolicy is judged so with its API in the stack part;
 * - `efs`: a file system without a policy lets every client that reaches a mount target
 *   mount, write and act as root, so granting those client actions to anyone opens nothing;
 * - `lattice-auth`: VPC Lattice auth policies apply to callers already inside the service
 *   network (like VPC endpoint policies);
 * - `search-domain`: with fine-grained access control, AWS recommends an open domain access
 *   policy (the domain authenticates every request itself, once anonymous auth, the migration
 *   period of a domain turning it on, is off); a domain in a VPC has no public
 *   endpoint, only the clients its security groups admit reach it (AWS's Security Hub reads it
 *   as not public), so an open policy there is pinned to that network (a separate
 *   DomainPolicy: the stack part, with its domain);
 * - `lambda-policy`: statements pinned to function-URL requests with auth type NONE are the
 *   public URL (see the lambda.Permission rule below);
 * - `role-trust`: a shared OIDC provider (GitHub Actions, GitLab.com, HCP Terraform, ...)
 *   issues tokens to every tenant of its service, so trusting it is trusting anyone unless a
 *   claim naming the tenant is pinned (see SHARED_PROVIDERS);
 * - `anonymous-by-design`: the service's guide grants these actions to anyone to serve
 *   clients without AWS credentials (see ANONYMOUS_BY_DESIGN).
 */
type ServiceRule = "s3-bucket" | "locked-block" | "api-gateway" | "efs" | "lattice-auth" | "search-domain" | "lambda-policy" | "role-trust" | "anonymous-by-design";

interface DocumentInput {
    /** The input, dotted for nested blocks ("details.policy"); `list[].…` reads each element's document. */
    path: string;
    /** More documents of the resource with the same options (a DynamoDB table's stream policy), read as `path`. */
    also?: readonly string[];
    /** Optional inputs read "" and "{}" as unset (Secret and AccessPoint document "{}" as "delete the policy"). */
    optional?: boolean;
    service?: ServiceRule;
    /**
     * Each document guards the block holding its `resourcePolicy`, tagged by that block's own `tags` (a DynamoDB table, its
     * stream, a global table's replica and the replica's stream: "Stream resources do not inherit tags from their parent
     * table", DynamoDB's guide), not by the resource's.
     */
    holderTags?: boolean;
}

/** Every resource-based policy document of provider v7 (IAM grammar, with principals), by type. */
export const RESOURCE_POLICY_DOCUMENTS: Readonly<Record<string, DocumentInput>> = {
    [t.S3_BUCKET_POLICY]: { path: "policy", service: "s3-bucket" },
    [t.S3_BUCKET]: { path: "policy", optional: true, service: "s3-bucket" },
    [t.S3_BUCKET_V2]: { path: "policy", optional: true, service: "s3-bucket" },
    [t.S3CONTROL_BUCKET_POLICY]: { path: "policy", service: "locked-block" },
    [t.S3_ACCESS_POINT]: { path: "policy", optional: true },
    // aws-native's (CloudFormation's) bucket policy and access point, as pulumi-cdk sends a CDK app's.
    [t.NATIVE_S3_BUCKET_POLICY]: { path: "policyDocument", service: "s3-bucket" },
    [t.NATIVE_S3_ACCESS_POINT]: { path: "policy", optional: true },
    [t.S3CONTROL_ACCESS_POINT_POLICY]: { path: "policy" },
    [t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY]: { path: "details.policy" },
    // aws-native's names the Multi-Region Access Point by `mrapName` (see the stack part).
    [t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY]: { path: "policy" },
    [t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY]: { path: "policy", service: "locked-block" },
    [t.S3CONTROL_ACCESS_GRANTS_INSTANCE_RESOURCE_POLICY]: { path: "policy" },
    [t.S3TABLES_TABLE_BUCKET_POLICY]: { path: "resourcePolicy", service: "locked-block" },
    [t.S3TABLES_TABLE_POLICY]: { path: "resourcePolicy", service: "locked-block" },
    [t.S3_VECTORS_BUCKET_POLICY]: { path: "policy" },
    [t.S3_FILES_FILE_SYSTEM_POLICY]: { path: "policy" },
    [t.FSX_S3_ACCESS_POINT_ATTACHMENT]: { path: "s3AccessPoint.policy", optional: true, service: "locked-block" },
    [t.SQS_QUEUE]: { path: "policy", optional: true },
    [t.SQS_QUEUE_POLICY]: { path: "policy" },
    [t.SNS_TOPIC]: { path: "policy", optional: true },
    [t.SNS_TOPIC_POLICY]: { path: "policy" },
    [t.ECR_REPOSITORY_POLICY]: { path: "policy" },
    [t.ECR_REGISTRY_POLICY]: { path: "policy" },
    [t.ECR_REPOSITORY_CREATION_TEMPLATE]: { path: "repositoryPolicy", optional: true },
    [t.ECRPUBLIC_REPOSITORY_POLICY]: { path: "policy" },
    [t.SECRETS_MANAGER_SECRET]: { path: "policy", optional: true },
    [t.SECRETS_MANAGER_SECRET_POLICY]: { path: "policy" },
    [t.OPENSEARCH_DOMAIN]: { path: "accessPolicies", optional: true, service: "search-domain" },
    [t.OPENSEARCH_DOMAIN_POLICY]: { path: "accessPolicies" },
    [t.ELASTICSEARCH_DOMAIN]: { path: "accessPolicies", optional: true, service: "search-domain" },
    [t.ELASTICSEARCH_DOMAIN_POLICY]: { path: "accessPolicies" },
    [t.GLACIER_VAULT]: { path: "accessPolicy", optional: true },
    [t.GLACIER_VAULT_LOCK]: { path: "policy" },
    [t.LAMBDA_RESOURCE_POLICY]: { path: "policy", service: "lambda-policy" },
    [t.CLOUDWATCH_EVENT_BUS_POLICY]: { path: "policy" },
    [t.CLOUDWATCH_LOG_RESOURCE_POLICY]: { path: "policyDocument" },
    [t.CLOUDWATCH_LOG_DESTINATION_POLICY]: { path: "accessPolicy" },
    [t.CLOUDWATCH_LOG_DELIVERY_DESTINATION_POLICY]: { path: "deliveryDestinationPolicy" },
    [t.BACKUP_VAULT_POLICY]: { path: "policy" },
    [t.EFS_FILE_SYSTEM_POLICY]: { path: "policy", service: "efs" },
    [t.GLUE_RESOURCE_POLICY]: { path: "policy" },
    [t.APIGATEWAY_REST_API]: { path: "policy", optional: true, service: "api-gateway" },
    [t.APIGATEWAY_REST_API_POLICY]: { path: "policy", service: "api-gateway" },
    [t.APIGATEWAY_DOMAIN_NAME]: { path: "policy", optional: true, service: "api-gateway" },
    [t.CODEARTIFACT_DOMAIN_PERMISSIONS]: { path: "policyDocument", optional: true },
    [t.CODEARTIFACT_REPOSITORY_PERMISSIONS_POLICY]: { path: "policyDocument" },
    [t.CODEBUILD_RESOURCE_POLICY]: { path: "policy" },
    [t.DYNAMODB_RESOURCE_POLICY]: { path: "policy" },
    [t.KINESIS_RESOURCE_POLICY]: { path: "policy" },
    [t.DSQL_CLUSTER_POLICY]: { path: "policy" },
    [t.MSK_CLUSTER_POLICY]: { path: "policy" },
    [t.MEDIASTORE_CONTAINER_POLICY]: { path: "policy" },
    [t.NETWORKFIREWALL_RESOURCE_POLICY]: { path: "policy" },
    [t.OAM_SINK_POLICY]: { path: "policy" },
    [t.ORGANIZATIONS_RESOURCE_POLICY]: { path: "content" },
    [t.OPENSEARCHINGEST_RESOURCE_POLICY]: { path: "policy" },
    [t.PINPOINT_SMSVOICEV2_RESOURCE_POLICY]: { path: "policy" },
    [t.REDSHIFT_RESOURCE_POLICY]: { path: "policy" },
    [t.REDSHIFTSERVERLESS_RESOURCE_POLICY]: { path: "policy" },
    [t.SAGEMAKER_MODEL_PACKAGE_GROUP_POLICY]: { path: "resourcePolicy" },
    [t.SCHEMAS_REGISTRY_POLICY]: { path: "policy" },
    [t.SES_IDENTITY_POLICY]: { path: "policy" },
    [t.SESV2_EMAIL_IDENTITY_POLICY]: { path: "policy" },
    [t.ACMPCA_POLICY]: { path: "policy" },
    [t.AMP_RESOURCE_POLICY]: { path: "policyDocument" },
    [t.BEDROCK_AGENTCORE_RESOURCE_POLICY]: { path: "policy" },
    [t.CLOUDSEARCH_DOMAIN_SERVICE_ACCESS_POLICY]: { path: "accessPolicy" },
    [t.XRAY_RESOURCE_POLICY]: { path: "policyDocument" },
    [t.VPCLATTICE_AUTH_POLICY]: { path: "policy", service: "lattice-auth" },
    [t.VPCLATTICE_RESOURCE_POLICY]: { path: "policy" },
    // A role's trust policy is its resource policy: who may assume it. (Its inline policies are
    // identity policies, iam-no-wildcard-actions's.)
    [t.IAM_ROLE]: { path: "assumeRolePolicy", service: "role-trust" },
    // The same trust policy in aws-native's schema, as pulumi-cdk sends a CDK Role.
    [t.NATIVE_IAM_ROLE]: { path: "assumeRolePolicyDocument", service: "role-trust" },
    // aws-native's resource policies other than S3's, judged as the classic types they match
    // (CloudFormation's property names; a policy of a repository, file system, vault, domain, bus
    // or API is optional there, as on the classic resources that carry one).
    [t.NATIVE_SQS_QUEUE_INLINE_POLICY]: { path: "policyDocument" },
    [t.NATIVE_SNS_TOPIC_POLICY]: { path: "policyDocument" },
    [t.NATIVE_SNS_TOPIC_INLINE_POLICY]: { path: "policyDocument" },
    [t.NATIVE_ECR_REPOSITORY]: { path: "repositoryPolicyText", optional: true },
    [t.NATIVE_SECRETS_MANAGER_RESOURCE_POLICY]: { path: "resourcePolicy" },
    [t.NATIVE_EFS_FILE_SYSTEM]: { path: "fileSystemPolicy", optional: true, service: "efs" },
    [t.NATIVE_BACKUP_VAULT]: { path: "accessPolicy", optional: true },
    // A logically air-gapped vault takes the same access policy (the classic provider sets it with a
    // backup.VaultPolicy naming the vault; CloudFormation inline, as `AccessPolicy`).
    [t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT]: { path: "accessPolicy", optional: true },
    [t.NATIVE_OPENSEARCH_DOMAIN]: { path: "accessPolicies", optional: true, service: "search-domain" },
    [t.NATIVE_EVENTS_EVENT_BUS]: { path: "policy", optional: true },
    [t.NATIVE_APIGATEWAY_REST_API]: { path: "policy", optional: true, service: "api-gateway" },
    // More aws-native resource policies, judged as their classic equivalents (the ECR registry policy
    // and creation template, the CloudWatch Logs resource, destination and delivery destination
    // policies, Kinesis, DynamoDB, MSK, Lambda, SageMaker model package group and Redshift
    // namespace policies). A table's, destination's, template's, model group's and namespace's
    // policy is optional: the resource is mostly used without one.
    [t.NATIVE_ECR_REGISTRY_POLICY]: { path: "policyText" },
    [t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE]: { path: "repositoryPolicy", optional: true },
    [t.NATIVE_LOGS_RESOURCE_POLICY]: { path: "policyDocument" },
    [t.NATIVE_LOGS_DESTINATION]: { path: "destinationPolicy", optional: true },
    [t.NATIVE_LOGS_DELIVERY_DESTINATION]: { path: "deliveryDestinationPolicy.deliveryDestinationPolicy", optional: true },
    [t.NATIVE_KINESIS_RESOURCE_POLICY]: { path: "resourcePolicy" },
    // A table's stream has its own resource policy, limited to the stream reads (DynamoDB's
    // "Resource-based policy for a stream"; CloudFormation's StreamSpecification.ResourcePolicy).
    [t.NATIVE_DYNAMODB_TABLE]: { path: "resourcePolicy.policyDocument", also: ["streamSpecification.resourcePolicy.policyDocument"], optional: true, holderTags: true },
    // A global table (CDK's TableV2) has no table-wide policy: each replica has its own (CDK puts
    // its `resourcePolicy` on the stack's region's replica, a replica's own on the others), and
    // so has each replica's stream.
    [t.NATIVE_DYNAMODB_GLOBAL_TABLE]: {
        path: "replicas[].resourcePolicy.policyDocument", also: ["replicas[].replicaStreamSpecification.resourcePolicy.policyDocument"], optional: true, holderTags: true,
    },
    [t.NATIVE_MSK_CLUSTER_POLICY]: { path: "policy" },
    [t.NATIVE_LAMBDA_RESOURCE_POLICY]: { path: "policyDocument", service: "lambda-policy" },
    [t.NATIVE_SAGEMAKER_MODEL_PACKAGE_GROUP]: { path: "modelPackageGroupPolicy", optional: true },
    [t.NATIVE_REDSHIFT_CLUSTER]: { path: "namespaceResourcePolicy", optional: true },
    [t.NATIVE_REDSHIFT_SERVERLESS_NAMESPACE]: { path: "namespaceResourcePolicy", optional: true },
    // aws-native's CodeArtifact, OAM, VPC Lattice, S3 Tables and S3 Express policies, judged as the
    // classic types (a domain, repository or sink is mostly used without a policy). A directory
    // bucket's public access block is always on (see `locked-block`), as an S3 Tables bucket's.
    [t.NATIVE_CODEARTIFACT_DOMAIN]: { path: "permissionsPolicyDocument", optional: true },
    [t.NATIVE_CODEARTIFACT_REPOSITORY]: { path: "permissionsPolicyDocument", optional: true },
    [t.NATIVE_OAM_SINK]: { path: "policy", optional: true },
    [t.NATIVE_VPCLATTICE_AUTH_POLICY]: { path: "policy", service: "lattice-auth" },
    [t.NATIVE_VPCLATTICE_RESOURCE_POLICY]: { path: "policy" },
    [t.NATIVE_S3TABLES_TABLE_BUCKET_POLICY]: { path: "resourcePolicy", service: "locked-block" },
    [t.NATIVE_S3TABLES_TABLE_POLICY]: { path: "resourcePolicy", service: "locked-block" },
    [t.NATIVE_S3EXPRESS_BUCKET_POLICY]: { path: "policyDocument", service: "locked-block" },
    // And those of X-Ray, Prometheus, schema registries, SMS, S3 Vectors, S3 Files, AgentCore and
    // Aurora DSQL (a cluster's policy is optional), Object Lambda access points and S3 on Outposts
    // buckets (public access always blocked, as on the classic types).
    [t.NATIVE_XRAY_RESOURCE_POLICY]: { path: "policyDocument" },
    [t.NATIVE_APS_RESOURCE_POLICY]: { path: "policyDocument" },
    [t.NATIVE_EVENTSCHEMAS_REGISTRY_POLICY]: { path: "policy" },
    [t.NATIVE_SMSVOICE_RESOURCE_POLICY]: { path: "policyDocument" },
    [t.NATIVE_S3VECTORS_VECTOR_BUCKET_POLICY]: { path: "policy" },
    [t.NATIVE_S3FILES_FILE_SYSTEM_POLICY]: { path: "policy" },
    [t.NATIVE_BEDROCKAGENTCORE_RESOURCE_POLICY]: { path: "policy" },
    [t.NATIVE_DSQL_CLUSTER]: { path: "policyDocument", optional: true },
    [t.NATIVE_S3OBJECTLAMBDA_ACCESS_POINT_POLICY]: { path: "policyDocument", service: "locked-block" },
    [t.NATIVE_S3OUTPOSTS_BUCKET_POLICY]: { path: "policyDocument", service: "locked-block" },
    // Access points of directory buckets and of S3 on Outposts buckets: a request through an access
    // point meets its bucket's block too ("Managing public access to access points"), and a directory
    // bucket's is always on, as S3 on Outposts' (whose access points are VPC-only besides).
    [t.NATIVE_S3EXPRESS_ACCESS_POINT]: { path: "policy", optional: true, service: "locked-block" },
    [t.NATIVE_S3OUTPOSTS_ACCESS_POINT]: { path: "policy", optional: true, service: "locked-block" },
    // A private custom domain name's policy (AWS::ApiGateway::DomainNameV2 serves only those). Unlike a
    // private REST API, which any account's VPC endpoint reaches, it is invoked only through a domain name
    // access association, which another account may form only when the owner's management policy or an
    // AWS RAM share lets it (API Gateway's "Custom domain names for private APIs"): `execute-api:Invoke`
    // to anyone is no wider than the owner's associations, as the classic DomainName's `policy` is read.
    [t.NATIVE_APIGATEWAY_DOMAIN_NAME_V2]: { path: "policy", optional: true, service: "api-gateway" },
    // aws-native's resource policies with no classic equivalent, judged by the plain rules: a log
    // group's own policy (as the account's LogResourcePolicy), CloudTrail Lake channels, event data
    // stores and dashboards, Lex V2 bots and aliases, SSM OpsItem groups and parameters, Bedrock
    // (guardrails and the like), MediaPackage v2 channels and origin endpoints (CloudFront's origin
    // access control, as on buckets) and an OpenSearch Ingestion pipeline's inline policy.
    [t.NATIVE_LOGS_LOG_GROUP]: { path: "resourcePolicyDocument", optional: true },
    [t.NATIVE_CLOUDTRAIL_RESOURCE_POLICY]: { path: "resourcePolicy" },
    [t.NATIVE_LEX_RESOURCE_POLICY]: { path: "policy" },
    [t.NATIVE_SSM_RESOURCE_POLICY]: { path: "policy" },
    [t.NATIVE_BEDROCK_RESOURCE_POLICY]: { path: "policyDocument" },
    [t.NATIVE_MEDIAPACKAGEV2_CHANNEL_POLICY]: { path: "policy" },
    [t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY]: { path: "policy" },
    [t.NATIVE_OSIS_PIPELINE]: { path: "resourcePolicy.policy", optional: true },
    // A MediaTailor channel plays to viewers' players, a RUM app monitor takes events from browsers:
    // their guides' anonymous grants (see ANONYMOUS_BY_DESIGN).
    [t.NATIVE_MEDIATAILOR_CHANNEL_POLICY]: { path: "policy", service: "anonymous-by-design" },
    [t.NATIVE_RUM_APP_MONITOR]: { path: "resourcePolicy.policyDocument", optional: true, service: "anonymous-by-design" },
};

/** Resources that add one statement from scalar inputs (principal, action, source...). */
export const PERMISSION_TYPES: readonly string[] = [
    t.LAMBDA_PERMISSION, t.LAMBDA_LAYER_VERSION_PERMISSION, t.CLOUDWATCH_EVENT_PERMISSION, t.SIGNER_SIGNING_PROFILE_PERMISSION,
    t.NATIVE_LAMBDA_PERMISSION, t.NATIVE_EVENTS_EVENT_BUS_POLICY, t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION,
];

/**
 * Resources that share a snapshot, an image or a document by naming accounts, where the name
 * "all" means every AWS account: a public RDS snapshot (Security Hub RDS.1), a public AMI or a
 * public SSM document (SSM.4); and CodeBuild projects, whose builds may be made public.
 */
export const SHARING_TYPES: readonly string[] = [
    t.RDS_SNAPSHOT, t.RDS_SNAPSHOT_COPY, t.RDS_CLUSTER_SNAPSHOT, t.RDS_CLUSTER_SNAPSHOT_COPY, t.EC2_AMI_LAUNCH_PERMISSION, t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION,
    t.SSM_DOCUMENT, t.CODEBUILD_PROJECT,
];

/** Buckets and bucket ACLs: the access control list, S3's older resource policy (aws-native's bucket: a canned `accessControl`). */
export const ACL_TYPES: readonly string[] = [t.S3_BUCKET, t.S3_BUCKET_V2, t.S3_BUCKET_ACL, t.S3_BUCKET_ACL_V2, t.NATIVE_S3_BUCKET];
/** Objects with an ACL of their own (a canned `acl`; ObjectCopy also a `grants` list). */
export const OBJECT_ACL_TYPES: readonly string[] = [t.S3_BUCKET_OBJECT, t.S3_BUCKET_OBJECT_V2, t.S3_OBJECT_COPY];

// Policies whose statements open to anyone another resource's settings may restrict: the
// stack part judges those statements (see "settings of the target" below).
/** Bucket policies: the public access blocks of the bucket and its account. */
export const BUCKET_POLICY_TYPES: readonly string[] = [t.S3_BUCKET_POLICY, t.S3_BUCKET, t.S3_BUCKET_V2, t.NATIVE_S3_BUCKET_POLICY];
/** Access point policies: the blocks of the access point, its bucket and its account, and its network origin; a Multi-Region Access Point's, its own and its account's. */
export const ACCESS_POINT_POLICY_TYPES: readonly string[] = [
    t.S3_ACCESS_POINT, t.NATIVE_S3_ACCESS_POINT, t.S3CONTROL_ACCESS_POINT_POLICY, t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY,
];
/** Separate domain access policies: their domain's fine-grained access control or VPC. */
export const DOMAIN_POLICY_TYPES: readonly string[] = [t.OPENSEARCH_DOMAIN_POLICY, t.ELASTICSEARCH_DOMAIN_POLICY];
export const TARGET_JUDGED_POLICY_TYPES: readonly string[] = [...BUCKET_POLICY_TYPES, ...ACCESS_POINT_POLICY_TYPES, ...DOMAIN_POLICY_TYPES];

export const RESOURCE_POLICY_TYPES: readonly string[] = [...Object.keys(RESOURCE_POLICY_DOCUMENTS), ...PERMISSION_TYPES, ...SHARING_TYPES];

export function findResourcePolicyWildcards(resource: PlainResource, config: ResourcePolicyNoWildcardsConfig): Finding[] {
    const allowed = compileAllowedActions(config.allowedActions);
    const input = RESOURCE_POLICY_DOCUMENTS[resource.type];
    return input ? documentFindings(resource, input, allowed) : grantFindings(resource, allowed);
}

/** The resources that grant from scalar inputs: permissions and sharing lists. */
function grantFindings(resource: PlainResource, allowed: readonly GlobMatcher[]): Finding[] {
    switch (resource.type) {
        // aws-native's Permission has the classic one's inputs (but functionName, not read).
        case t.LAMBDA_PERMISSION:
        case t.NATIVE_LAMBDA_PERMISSION:
            return lambdaPermissionFindings(resource, allowed);
        case t.NATIVE_EVENTS_EVENT_BUS_POLICY:
            return nativeBusPolicyFindings(resource, allowed);
        // aws-native's has the classic one's `principal` and `organizationId`.
        case t.LAMBDA_LAYER_VERSION_PERMISSION:
        case t.NATIVE_LAMBDA_LAYER_VERSION_PERMISSION:
            return layerPermissionFindings(resource);
        case t.CLOUDWATCH_EVENT_PERMISSION:
            return eventPermissionFindings(resource);
        case t.SIGNER_SIGNING_PROFILE_PERMISSION:
            return resource.props.principal === "*" ? [{ message: signerMessage(resource) }] : [];
        case t.EC2_AMI_LAUNCH_PERMISSION:
            return resource.props.group === "all" ? [{ message: publicImageMessage(resource, "group is \"all\"", "set `accountId`, `organizationArn` or `organizationalUnitArn` instead") }] : [];
        case t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION:
            return publicDistributions(resource);
        case t.SSM_DOCUMENT:
            return sharesWithAll(resource.props.permissions) ? [{ message: publicDocumentMessage(resource) }] : [];
        case t.CODEBUILD_PROJECT:
            return resource.props.projectVisibility === "PUBLIC_READ" ? [{ message: publicBuildsMessage(resource) }] : [];
        default:
            return SHARING_TYPES.includes(resource.type) && namesAll(resource.props.sharedAccounts) ? [{ message: publicSnapshotMessage(resource) }] : [];
    }
}

// ---------------------------------------------------------------- documents

const WILDCARD_PROBLEM = (actions: string[]) =>
    `allows wildcard actions ${quoteList(actions)} to principals other than an account root. ` +
    "Name each action they need (a wildcard also grants actions AWS adds later), or accept the pattern in this policy's allowedActions config.";

const NOT_ACTION_PROBLEM =
    "allows NotAction, which grants every action except those listed, to principals other than an account root. " +
    "Replace NotAction with an Action list naming the actions needed (NotAction is fine in a Deny statement).";

const ANYONE_PROBLEM = (statement: PolicyStatement) =>
    `${anyoneClause(statement)} without a condition that pins the caller. ` +
    "Name the principals, or add a condition with concrete values on aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID " +
    "or aws:SourceVpce; if the resource is public on purpose, exempt it with a reason.";

const PRIVATE_API_HINT = "(A private API takes requests from the VPC endpoints of every AWS account: pin aws:SourceVpce, aws:SourceVpc or aws:VpceOrgID, " +
    "or add AWS's Deny on requests that do not come through your endpoints.)";

const UNPINNED_SERVICE_PROBLEM =
    "allows a service principal without a condition on aws:SourceArn or aws:SourceAccount, so the service may invoke the function " +
    "on behalf of resources in any account. Add a condition with the calling resource's ARN or your account id.";

const UNPINNED_CLOUDFRONT_PROBLEM =
    'allows the service principal "cloudfront.amazonaws.com" without a condition on aws:SourceArn, aws:SourceAccount or aws:SourceOrgID, ' +
    "so the CloudFront distributions of every AWS account may use it through an origin access control. " +
    'Add `"StringEquals": {"AWS:SourceArn": <your distribution\'s ARN>}` (or aws:SourceAccount with your account id), as CloudFront\'s guide writes it.';

const UNPINNED_S3_NOTIFICATIONS_PROBLEM =
    'allows the service principal "s3.amazonaws.com" without a condition on aws:SourceArn, aws:SourceAccount or aws:SourceOrgID, ' +
    "so S3 may deliver here the event notifications of any AWS account's bucket, for your consumers to act on. " +
    'Add `"ArnLike": {"aws:SourceArn": <your bucket\'s ARN>}` (and aws:SourceAccount with your account id), as the S3 guide writes it.';

const UNPINNED_SES_RECEIVING_PROBLEM =
    'allows the service principal "ses.amazonaws.com" without a condition on aws:SourceArn, aws:SourceAccount or aws:SourceOrgID, ' +
    "so the SES receipt rules of every AWS account may write the mail they receive into the bucket, under any key prefix they choose. " +
    'Add `"StringEquals": {"aws:SourceAccount": <your account id>}` (and aws:SourceArn with your receipt rule\'s ARN), as SES\'s guide writes it.';

function documentFindings(resource: PlainResource, input: DocumentInput, allowed: readonly GlobMatcher[]): Finding[] {
    const findings: Finding[] = [];
    const anyoneHere = !TARGET_JUDGED_POLICY_TYPES.includes(resource.type);
    for (const { path, value, holder } of documentsAt(resource, input)) {
        const at = locationOf(resource, path);
        const reading = readDocument(value, input);
        if (reading.kind !== "document") continue;
        findings.push(...reading.problems.map((problem) => ({ message: describeProblem(at, problem) })));
        const tags = declaredTagsOf(!input.holderTags ? resource.props : isRecord(holder) ? holder : {});
        for (const statement of reading.statements) {
            for (const problem of statementProblems(statement, reading, resource, input.service, allowed, anyoneHere, tags)) {
                findings.push({ message: `${describeStatement(at, statement)} ${problem}` });
            }
        }
    }
    return findings;
}

/**
 * The documents at an input's paths, or each list element's (`replicas[0].resourcePolicy.policyDocument`); a list unset or unknown at
 * preview has none. `holder`: the block holding the document's `resourcePolicy` (see DocumentInput.holderTags).
 */
function documentsAt(resource: PlainResource, input: DocumentInput): { path: string; value: unknown; holder: unknown }[] {
    const holderOf = (props: Record<string, unknown>, path: string) => {
        const end = path.lastIndexOf("resourcePolicy");
        return end <= 0 ? props : valueAt(props, path.slice(0, end - 1));
    };
    return [input.path, ...(input.also ?? [])].flatMap((path) => {
        const [list, rest] = path.split("[].");
        if (rest === undefined) return [{ path, value: valueAt(resource.props, path), holder: holderOf(resource.props, path) }];
        const elements = resource.props[list];
        if (!Array.isArray(elements)) return [];
        return elements.flatMap((element, i) => (isRecord(element) ? [{ path: `${list}[${i}].${rest}`, value: valueAt(element, rest), holder: holderOf(element, rest) }] : []));
    });
}

const locationOf = (resource: PlainResource, path: string): DocumentLocation => ({ type: resource.type, name: resource.name, path });

/** A document of the input (at its path, or one of its list's or `also` paths); an optional input's blank or `{}` is no document. */
function readDocument(value: unknown, input: DocumentInput): PolicyDocumentReading {
    return readPolicyDocument(value, { blankIsAbsent: input.optional, emptyObjectIsAbsent: input.optional });
}

type Document = Extract<PolicyDocumentReading, { kind: "document" }>;

/** Why an Allow statement of a resource policy is too broad (none when fine, or not decidable at preview). */
function statementProblems(
    statement: PolicyStatement, document: Document, resource: PlainResource, service: ServiceRule | undefined, allowed: readonly GlobMatcher[],
    anyoneHere: boolean, tags: ResourceTags,
): string[] {
    if (statement.effect !== "Allow") return [];
    const audience = audienceOf(statement);
    const problems: string[] = [];
    // Only account roots (with some principals unknown, maybe all roots): the statement
    // delegates to that account's IAM policies, as in the SQS console's owner statement.
    if ((audience.anyone || audience.others) && delegation(statement, service) === false) {
        if (statement.notAction) problems.push(NOT_ACTION_PROBLEM);
        else {
            const wildcards = unacceptedWildcardActions(statement.action, allowed);
            if (wildcards.length > 0) problems.push(WILDCARD_PROBLEM(wildcards));
        }
    }
    if (anyoneHere && opensToAnyone(statement, audience, document, resource, service, tags)) {
        problems.push(service === "api-gateway" && REST_APIS.includes(resource.type) && isPrivateApi(resource) === true
            ? `${ANYONE_PROBLEM(statement)} ${PRIVATE_API_HINT}` : ANYONE_PROBLEM(statement));
    }
    if (service === "role-trust") problems.push(...openSharedProviders(statement));
    // As for lambda.Permission: a service may invoke the function for any account's resources, unless
    // an Alexa skill id pins it (lambda.Permission's eventSourceToken).
    if (service === "lambda-policy" && unpinnedServices(statement).length > 0 && namesEventSource(statement.condition) === false) {
        problems.push(UNPINNED_SERVICE_PROBLEM);
    }
    problems.push(...unpinnedDeputies(statement, document, resource, tags));
    return problems;
}

/** A service principal that acts for the resources of every AWS account, and what it does here for any of them when unpinned. */
interface Deputy {
    service: string;
    problem: string;
    /** A condition this service alone reads as a pin (true), not (false), or not yet known (undefined). */
    pinnedBy?: (condition: Conditions | undefined) => Decided;
}

// An origin access control signs as cloudfront.amazonaws.com for every distribution of every account
// (CloudFront's guide, "Restrict access to an Amazon S3 origin": allow CloudFront "only when the
// request is on behalf of the CloudFront distribution that contains the S3 origin"; its Multi-Region
// Access Point page asks the same of that policy). A standard access point's policy is not judged so:
// its documented CloudFront statement is Object Lambda's supporting one (aws:CalledVia), behind the
// Object Lambda access point's policy, which is.
const CLOUDFRONT_OAC: Deputy = { service: "cloudfront.amazonaws.com", problem: UNPINNED_CLOUDFRONT_PROBLEM };
// S3 delivers event notifications to a queue or topic of any account whose policy admits it, with no
// confirmation (AWS's S3 guide, "Granting permissions to publish event notification messages to a
// destination", pins aws:SourceArn and aws:SourceAccount; so do CDK's notification destinations).
const S3_NOTIFICATIONS: Deputy = { service: "s3.amazonaws.com", problem: UNPINNED_S3_NOTIFICATIONS_PROBLEM };
// An SES receipt rule of any account may name any bucket in its S3 action, with the key prefix it likes
// (SES's guide, "Giving permissions to Amazon SES for email receiving", pins aws:SourceAccount and
// aws:SourceArn). Its classic guide's form, still CDK's and many programs', pins aws:Referer: the
// statement admits SES alone, and SES sends the receiving account's id there.
const SES_RECEIVING: Deputy = { service: "ses.amazonaws.com", problem: UNPINNED_SES_RECEIVING_PROBLEM, pinnedBy: refererNamesAccounts };

const STRING_PIN_OPERATORS = new Set(["StringEquals", "StringEqualsIgnoreCase", "StringLike"]);
/** A `StringEquals` (or `StringLike` without wildcards) `aws:Referer` test whose values are all account ids. */
function refererNamesAccounts(condition: Conditions | undefined): Decided {
    return stringTestNames(condition, "aws:referer", (value) => /^\d{12}$/.test(value));
}

/**
 * A `StringEquals` (or `StringLike` without wildcards) `lambda:EventSourceToken` test naming tokens: how
 * Lambda writes an Alexa skill's or smart-home skill's id (`add-permission --event-source-token`), which
 * only that skill's requests carry (the Alexa Skills Kit's "skill ID verification": without it any
 * skill may invoke the function).
 */
function namesEventSource(condition: Conditions | undefined): Decided {
    return stringTestNames(condition, "lambda:eventsourcetoken", (value) => value !== "" && !/[*?]/.test(value));
}

/** Whether a string-matching test on `key` (lower case) admits only values `named` accepts (trimmed); undefined while some are unknown. */
function stringTestNames(condition: Conditions | undefined, key: string, named: (value: string) => boolean): Decided {
    const tests = (condition?.tests ?? []).filter((test) => test.key.toLowerCase() === key && STRING_PIN_OPERATORS.has(anyValueOperator(test)));
    return any(...tests.map((test) => {
        const known = test.values.values.every((value) => named(value.trim()));
        return known && test.values.incomplete ? undefined : known && test.values.values.length > 0;
    }));
}

/**
 * The cross-service confused deputies judged per document type: where an unpinned service principal
 * reads the owner's data or feeds the owner's consumers on behalf of any account. Other service
 * principals stay named principals: log writers (S3 server access logs, which go only to a bucket of
 * the source's owner; CloudTrail, Config, vended logs, ELB) add objects under the writer's own account,
 * cross-account EventBridge targets need a role of the bus's account, and SNS asks a queue's owner to
 * confirm another account's subscription. Services that notify people through a topic (SES feedback,
 * Budgets, CodeStar Notifications, Backup, RDS events, CloudTrail, Config) let another account add only
 * notifications of its own, and most public programs grant them without a pin.
 */
const DEPUTIES: Readonly<Record<string, readonly Deputy[]>> = {
    [t.S3_BUCKET_POLICY]: [CLOUDFRONT_OAC, SES_RECEIVING],
    [t.S3_BUCKET]: [CLOUDFRONT_OAC, SES_RECEIVING],
    [t.S3_BUCKET_V2]: [CLOUDFRONT_OAC, SES_RECEIVING],
    [t.NATIVE_S3_BUCKET_POLICY]: [CLOUDFRONT_OAC, SES_RECEIVING],
    [t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY]: [CLOUDFRONT_OAC],
    [t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY]: [CLOUDFRONT_OAC],
    [t.S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY]: [CLOUDFRONT_OAC],
    [t.SQS_QUEUE]: [S3_NOTIFICATIONS],
    [t.SQS_QUEUE_POLICY]: [S3_NOTIFICATIONS],
    [t.SNS_TOPIC]: [S3_NOTIFICATIONS],
    [t.SNS_TOPIC_POLICY]: [S3_NOTIFICATIONS],
    [t.NATIVE_SQS_QUEUE_INLINE_POLICY]: [S3_NOTIFICATIONS],
    [t.NATIVE_SNS_TOPIC_POLICY]: [S3_NOTIFICATIONS],
    [t.NATIVE_SNS_TOPIC_INLINE_POLICY]: [S3_NOTIFICATIONS],
    // CloudFront's guide, "Restrict access to an AWS Elemental MediaPackage v2 origin": the same pin.
    [t.NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY]: [CLOUDFRONT_OAC],
};

/**
 * What is wrong when an Allow names one of the document's deputies without a condition on the source.
 * A Deny may fence the grant from the services acting for other accounts (fencedByDenies: a confused-deputy
 * Deny of AWS's data perimeter alone fences it, the statement admitting services only); an unknown statement may.
 */
function unpinnedDeputies(statement: PolicyStatement, document: Document, resource: PlainResource, tags = declaredTagsOf(resource.props)): string[] {
    const type = resource.type;
    const named = unpinnedServices(statement);
    const deputies = (DEPUTIES[type] ?? []).filter((deputy) => named.includes(deputy.service) && (deputy.pinnedBy?.(statement.condition) ?? false) === false);
    if (deputies.length === 0 || document.incomplete) return [];
    const fenced = fencedByDenies(document.statements, statement, "services", tags);
    return fenced === false ? deputies.map((deputy) => deputy.problem) : [];
}

// ---------------------------------------------------------------- shared OIDC providers

/**
 * An identity provider that issues tokens to every tenant of a public service (AWS's "shared
 * OIDC providers"): a role trusting it is open to all of them unless a condition on the
 * claim that names the tenant keeps the others out. Their audiences are no pin: each tenant
 * picks its own (GitHub's `sts.amazonaws.com` is everyone's). Providers whose issuer is the
 * tenant's own (CircleCI, Bitbucket, EKS clusters, self-managed GitLab) are not listed; nor
 * is Pulumi Cloud, whose audience, the organization, is checked against the provider's
 * client ids, which the role does not show.
 */
interface SharedProvider {
    /** The Federated principal: an `oidc-provider/<issuer>` ARN, or a built-in provider's name. */
    principal: RegExp;
    /** Condition keys that may name a tenant; group 1 is the claim. */
    claims: RegExp;
    /** Whether a value of the claim (trimmed) admits only named tenants. */
    namesTenant(claim: string, value: string): boolean;
    problem: string;
}

/**
 * `issuer` is a pattern; a built-in provider is named by its issuer alone, others by an IAM provider's ARN.
 * `globalKeys` are keys outside the token that name the tenant (Microsoft Sentinel's `sts:RoleSessionName`).
 */
function sharedProvider(
    issuer: string, claims: string[], namesTenant: SharedProvider["namesTenant"], problem: string, builtIn = false, globalKeys: string[] = [],
): SharedProvider {
    const keys = [...claims.length > 0 ? [`${issuer}:(${claims.join("|")})`] : [], ...globalKeys.map((key) => `(${key})`)];
    return {
        principal: new RegExp(builtIn ? `^${issuer}$` : `(?:^|:oidc-provider/)${issuer}$`, "i"),
        claims: new RegExp(`^(?:${keys.join("|")})$`, "i"),
        namesTenant,
        problem,
    };
}

// The fixed part of a StringLike value, before its first wildcard.
const fixedPart = (value: string) => value.split(/[*?]/, 1)[0];
const concrete = (value: string) => value !== "" && !/[*?]/.test(value);
/** `<owner>/...` with a concrete owner. */
const ownerPath = (value: string) => /^[^/*?]+\//.test(fixedPart(value));

// GitHub's customized subject is `claim:value` pairs in the order of a template that any
// repository may set: only a first claim naming a repository, its owner or enterprise names a
// tenant (`repository_owner:acme:*`); `environment:production` is any organization's.
const GITHUB_TENANT_CLAIMS = new Set(["repository_owner", "repository_owner_id", "repository_id", "repository", "job_workflow_ref", "enterprise", "enterprise_id"]);

/** A GitHub subject admitting only named tenants: the default `repo:<owner>/...`, or a customized one led by a claim naming one. */
function githubSubjectNamesTenant(value: string): boolean {
    if (value.startsWith("repo:")) return tenantPrefix("repo:", "/")(value);
    const colon = value.indexOf(":");
    const claim = colon > 0 ? value.slice(0, colon) : "";
    if (!GITHUB_TENANT_CLAIMS.has(claim)) return false;
    const rest = value.slice(colon + 1);
    // `repository:acme/...`, `job_workflow_ref:acme/...`: the owner; the others' value whole, then the next pair.
    if (claim === "repository" || claim === "job_workflow_ref") return /^[^/:*?]+\//.test(fixedPart(rest));
    return concrete(rest) || /^[^:*?]+:/.test(fixedPart(rest));
}

/** `<prefix><tenant><separator>...` with a concrete tenant; any other concrete value (a custom subject) pins too. */
const tenantPrefix = (prefix: string, separator: string) => (value: string) =>
    value.startsWith(prefix) ? new RegExp(`^${prefix}[^${separator}*?]+${separator}`).test(fixedPart(value)) : concrete(value);

/** GitHub's claims: `sub` (`repo:<owner>/...` or a customized subject), `repository`/`job_workflow_ref` (`<owner>/...`), ids. */
const githubNamesTenant = (claim: string, value: string) => claim === "sub" ? githubSubjectNamesTenant(value)
    : claim === "repository" || claim === "job_workflow_ref" ? ownerPath(value) : concrete(value);

const SHARED_PROVIDERS: readonly SharedProvider[] = [
    sharedProvider(
        // github.com's issuer. An enterprise's own (token.actions.githubusercontent.com/<slug>) issues
        // tokens to that enterprise's repositories alone, as `repo:acme/*` admits one owner's: not shared.
        "token\\.actions\\.githubusercontent\\.com",
        ["sub", "repository", "repository_owner", "repository_id", "repository_owner_id", "job_workflow_ref", "enterprise_id"],
        // sub: `repo:<owner>/<repo>:...`, or a customized subject (repository_owner_id:...).
        githubNamesTenant,
        "trusts GitHub Actions' OIDC provider without a condition on the token's subject (sub) naming your repositories, so a workflow " +
        'of any repository on GitHub may assume the role. Add a condition such as StringLike "token.actions.githubusercontent.com:sub": ' +
        '"repo:<owner>/<repo>:*" (and StringEquals on its aud, "sts.amazonaws.com").',
    ),
    sharedProvider(
        // GitHub Actions' issuer of 2021, still trusted by roles of that time; its subject is
        // `repo:<owner>/<repo>:...` as today's (public CloudFormation and Terraform of the period),
        // and AWS reads only its sub and aud.
        "vstoken\\.actions\\.githubusercontent\\.com",
        ["sub"],
        githubNamesTenant,
        "trusts GitHub Actions' former OIDC provider (vstoken.actions.githubusercontent.com) without a condition on the token's subject (sub) " +
        "naming your repositories, so a workflow of any repository on GitHub may assume the role. Add a condition such as StringLike " +
        '"vstoken.actions.githubusercontent.com:sub": "repo:<owner>/<repo>:*", or move to token.actions.githubusercontent.com.',
    ),
    sharedProvider(
        // GitHub Enterprise Cloud's audit log streaming to S3: its audience, sts.amazonaws.com, is
        // every enterprise's; GitHub's guide pins the subject, https://github.com/<enterprise>.
        "oidc-configuration\\.audit-log\\.githubusercontent\\.com",
        ["sub"],
        (_claim, value) => concrete(value),
        "trusts GitHub's audit log streaming OIDC provider (oidc-configuration.audit-log.githubusercontent.com) without a condition on the " +
        "token's subject (sub) naming your enterprise, so the audit log stream of any GitHub enterprise may assume the role. Add a condition " +
        'StringEquals "oidc-configuration.audit-log.githubusercontent.com:sub": "https://github.com/<enterprise>".',
    ),
    sharedProvider(
        // Vercel's global issuer (a team's own, oidc.vercel.com/<team>, is that team's alone): Vercel's
        // guide pins aud, https://vercel.com/<team>, and sub, owner:<team>:project:<project>:environment:<env>.
        "oidc\\.vercel\\.com",
        ["aud", "sub"],
        (claim, value) => claim === "sub" ? tenantPrefix("owner:", ":")(value) : concrete(value),
        "trusts Vercel's global OIDC provider (oidc.vercel.com) without a condition naming your team (aud or sub), so a deployment of any " +
        'Vercel team may assume the role. Add a condition such as StringEquals "oidc.vercel.com:aud": "https://vercel.com/<team>" and ' +
        '"oidc.vercel.com:sub": "owner:<team>:project:<project>:environment:production".',
    ),
    sharedProvider(
        // DataChain (DVC) Studio, by its successive hosts: subject credentials:<user or team>/<credentials name>.
        "studio\\.(?:datachain\\.ai|dvc\\.ai|iterative\\.ai)/api",
        ["sub"],
        (_claim, value) => tenantPrefix("credentials:", "/")(value),
        "trusts DataChain Studio's OIDC provider (studio.datachain.ai/api) without a condition on the token's subject (sub) naming your " +
        "team, so the credentials of any Studio user or team may assume the role. Add a condition such as StringLike " +
        '"studio.datachain.ai/api:sub": "credentials:<team>/<credentials name>".',
    ),
    sharedProvider(
        // IBM Turbonomic SaaS: its clusters' service account issuers, one per region (IBM's IAM role
        // setup page); each instance is a namespace, named in system:serviceaccount:<namespace>:<account>.
        "(?:rh-oidc\\.s3\\.us-east-1\\.amazonaws\\.com/(?:22ejnvnnturfmt6km08idd0nt4hekbn7|23e3sd27sju1hoou6ohfs68vbno607tr|" +
        "23ne21h005qjl3n33d8dui5dlrmv2tmg|24jrf12m5dj7ljlfb4ta2frhrcoadm26)|oidc\\.op1\\.openshiftapps\\.com/(?:2f785sojlpb85i7402pk3qogugim5nfb|" +
        "2c51blsaqa9gkjt0o9rt11mle8mmropu))",
        ["sub"],
        (_claim, value) => tenantPrefix("system:serviceaccount:", ":")(value),
        "trusts IBM Turbonomic SaaS's OIDC provider without a condition on the token's subject (sub) naming your Turbonomic instance, so " +
        "any customer's instance may assume the role. Add a condition such as StringEquals \"<provider>:sub\": " +
        '"system:serviceaccount:<instance namespace>:<service account>".',
    ),
    sharedProvider(
        // Microsoft Sentinel's AWS connectors (commercial and government issuers): the audience is
        // Sentinel's application, every customer's; Microsoft's guide names the workspace in the
        // session name, sts:RoleSessionName = MicrosoftSentinel_<workspace id>.
        "sts\\.windows\\.net/(?:33e01921-4d64-4f8c-a055-5bdaffd5e33d|cab8a31a-1906-4287-a0d8-4eef66b95f6e)/?",
        [],
        (_claim, value) => concrete(value),
        "trusts Microsoft Sentinel's OIDC provider (sts.windows.net/<Microsoft's tenant>/) without a condition on sts:RoleSessionName " +
        "naming your workspace, so the Sentinel connector of any customer may assume the role. Add a condition StringEquals " +
        '"sts:RoleSessionName": "MicrosoftSentinel_<workspace id>".',
        false,
        ["sts:RoleSessionName"],
    ),
    sharedProvider(
        // Crafting's SaaS sandboxes (sandboxes.cloud; a self-hosted deployment is its own issuer): its
        // guide sets the provider's audience to the organization's name and pins `aud` to it; AWS's
        // list names `aud` the tenant claim. A concrete subject names one of a tenant's identities.
        "sandboxes\\.cloud",
        ["aud", "sub"],
        (_claim, value) => concrete(value),
        "trusts Crafting's shared OIDC provider (sandboxes.cloud) without a condition on the token's audience (aud) naming your " +
        "organization, so a sandbox of any Crafting organization may assume the role. Add a condition StringEquals " +
        '"sandboxes.cloud:aud": "<your Crafting organization>", as Crafting\'s identity federation guide writes it.',
    ),
    sharedProvider(
        // Shisho Cloud; AWS's list names `sub` its tenant claim. Its format is not public, so any value
        // with a fixed start counts as naming a tenant: only a missing or all-wildcard subject is open.
        "tokens\\.cloud\\.shisho\\.dev",
        ["sub"],
        (_claim, value) => fixedPart(value) !== "",
        "trusts Shisho Cloud's OIDC provider (tokens.cloud.shisho.dev) without a condition on the token's subject (sub), so a " +
        "workflow of any Shisho Cloud organization may assume the role. Add a condition StringEquals \"tokens.cloud.shisho.dev:sub\" " +
        "with the subject Shisho Cloud shows for your organization's bot.",
    ),
    sharedProvider(
        // GitLab.com; a self-managed instance is its owner's own issuer.
        "gitlab\\.com",
        ["sub", "project_path", "namespace_path", "project_id", "namespace_id"],
        (claim, value) => claim === "sub" ? tenantPrefix("project_path:", "/")(value) : claim === "project_path" ? ownerPath(value) : concrete(value),
        "trusts GitLab.com's OIDC provider without a condition on the token's subject (sub) naming your projects, so a CI/CD job " +
        'of any project on GitLab.com may assume the role. Add a condition such as StringLike "gitlab.com:sub": ' +
        '"project_path:<group>/<project>:ref_type:branch:ref:main".',
    ),
    sharedProvider(
        // HCP Terraform and HCP Terraform Europe, a separate multi-tenant control plane.
        "app(?:\\.eu)?\\.terraform\\.io",
        ["sub", "terraform_organization_id", "terraform_organization_name"],
        (claim, value) => claim === "sub" ? tenantPrefix("organization:", ":")(value) : concrete(value),
        "trusts HCP Terraform's OIDC provider (app.terraform.io or app.eu.terraform.io) without a condition on the token's subject (sub) naming your " +
        "organization, so a run of any HCP Terraform organization may assume the role. Add a condition such as StringLike " +
        '"app.terraform.io:sub": "organization:<org>:project:<project>:workspace:<workspace>:run_phase:*".',
    ),
    sharedProvider(
        "agent\\.buildkite\\.com",
        ["sub", "organization_slug"],
        (claim, value) => claim === "sub" ? tenantPrefix("organization:", ":")(value) : concrete(value),
        "trusts Buildkite's OIDC provider (agent.buildkite.com) without a condition on the token's subject (sub) naming your " +
        "organization, so a job of any Buildkite organization may assume the role. Add a condition such as StringLike " +
        '"agent.buildkite.com:sub": "organization:<org>:pipeline:<pipeline>:*".',
    ),
    sharedProvider(
        // Codefresh SaaS; its audience, https://g.codefresh.io, is every account's.
        "oidc\\.codefresh\\.io",
        ["sub"],
        (_claim, value) => tenantPrefix("account:", ":")(value),
        "trusts Codefresh's OIDC provider (oidc.codefresh.io) without a condition on the token's subject (sub) naming your " +
        "account, so a pipeline of any Codefresh account may assume the role. Add a condition such as StringLike " +
        '"oidc.codefresh.io:sub": "account:<account id>:pipeline:<pipeline id>:*".',
    ),
    sharedProvider(
        // Scalr; its audience is whatever each account configures.
        "scalr\\.io",
        ["sub"],
        (_claim, value) => tenantPrefix("account:", ":")(value),
        "trusts Scalr's OIDC provider (scalr.io) without a condition on the token's subject (sub) naming your " +
        "account, so a run of any Scalr account may assume the role. Add a condition such as StringLike " +
        '"scalr.io:sub": "account:<account>:environment:<environment>:workspace:<workspace>".',
    ),
    sharedProvider(
        // Upbound's control planes; their audience, sts.amazonaws.com, is every organization's.
        "proidc\\.upbound\\.io",
        ["sub"],
        (_claim, value) => tenantPrefix("mcp:", "/")(value),
        "trusts Upbound's OIDC provider (proidc.upbound.io) without a condition on the token's subject (sub) naming your " +
        "organization, so a control plane of any Upbound organization may assume the role. Add a condition such as StringEquals " +
        '"proidc.upbound.io:sub": "mcp:<organization>/<control plane>:provider:provider-aws".',
    ),
    sharedProvider(
        // Google (built in, or an IAM provider for it), as GCP workloads federate into AWS: `aud` is
        // the token's azp, the service account or OAuth client that asked; `oaud`, the audience
        // it asked for, is the caller's choice and names no one.
        "accounts\\.google\\.com",
        ["aud", "azp", "sub", "email"],
        // An e-mail domain names an organization, except Gmail's: anyone may have an address there.
        (claim, value) => claim === "email" ? /@[^@*?]+$/.test(value) && !/@(?:gmail|googlemail)\.com$/i.test(value) : concrete(value),
        "trusts Google's identity provider (accounts.google.com) without a condition naming your service account or OAuth client " +
        "(aud or sub), so a token Google issued to any service account or client may assume the role. Add a condition such as " +
        'StringEquals "accounts.google.com:aud": "<the service account\'s unique id or the client id>".',
    ),
    // Built in: any Facebook app's, or any Login with Amazon app's, users get tokens from them
    // (AWS's web identity role guide asks for the app_id condition).
    ...[["graph\\.facebook\\.com", "graph.facebook.com", "Facebook"], ["www\\.amazon\\.com", "www.amazon.com", "Login with Amazon"]].map(([issuer, name, service]) => sharedProvider(
        issuer, ["app_id"], (_claim, value) => concrete(value),
        `trusts ${service}'s built-in web identity provider (${name}) without a condition on the token's app_id naming your app, ` +
        `so a user of any app signed in with ${service} may assume the role. Add a condition such as StringEquals "${name}:app_id": "<your app id>".`,
        true,
    )),
    sharedProvider(
        // Built in, with no client ids: any account's identity pool can be set to hand out this role.
        "cognito-identity\\.amazonaws\\.com",
        ["aud"],
        (_claim, value) => concrete(value),
        "trusts Amazon Cognito identity pools (cognito-identity.amazonaws.com) without a condition on the token's audience (aud) " +
        "naming your identity pool, so an identity pool of any AWS account may hand out the role. Add a condition such as " +
        'StringEquals "cognito-identity.amazonaws.com:aud": "<region>:<identity pool id>".',
        true,
    ),
];

const WEB_IDENTITY = "sts:assumerolewithwebidentity";

/** What is wrong when an Allow lets a shared provider in for web identities with no claim naming a tenant. */
function openSharedProviders(statement: PolicyStatement): string[] {
    // A provider the program creates has no ARN at preview: judged once it is known (at `pulumi up`,
    // in a stack export). Its condition keys do not settle it: with another provider the statement
    // grants no one, and an unknown reports only what every known value would.
    const federated = statement.principal?.entries.filter((p) => p.type === "Federated").map((p) => p.id.trim()) ?? [];
    const providers = SHARED_PROVIDERS.filter((provider) => federated.some((id) => provider.principal.test(id)));
    if (providers.length === 0) return [];
    const actions = statement.action;
    if (statement.notAction || !actions) return [];
    // `sts:AssumeRoleWithWebIdentity`, `sts:*`, `*`; rarer patterns are left alone.
    if (!actions.values.some((a) => patternCovers(a.trim().toLowerCase(), WEB_IDENTITY))) return [];
    const condition = statement.condition;
    return providers
        .filter((provider) => !condition || (!condition.tests.some((test) => tenantPinned(provider, test)) && !condition.incomplete))
        .map((provider) => provider.problem);
}

/**
 * A test admitting only tokens of named tenants: StringEquals(IgnoreCase)/StringLike (or ForAnyValue:, or
 * ForAllValues: on sub or aud) on a claim that names one, every value naming one. An unknown
 * value may name one: pinned.
 */
function tenantPinned(provider: SharedProvider, test: ConditionTest): boolean {
    const match = provider.claims.exec(test.key.trim());
    const claim = (match?.[1] ?? match?.[2])?.toLowerCase();
    if (!claim) return false;
    // `ForAllValues:` is true when the key is absent (or AWS does not know it), except on the
    // `sub` and `aud` every OIDC token carries: there it tests their one value like the plain one.
    const operator = test.operator.startsWith("ForAllValues:") && (claim === "sub" || claim === "aud")
        ? test.operator.slice("ForAllValues:".length) : anyValueOperator(test);
    // StringEqualsIgnoreCase as the caller pins read it: the tenants these claims name differ by more than case.
    if (operator !== "StringEquals" && operator !== "StringEqualsIgnoreCase" && operator !== "StringLike") return false;
    if (test.values.incomplete) return true;
    return test.values.values.length > 0 && test.values.values.every((v) => {
        const value = v.trim();
        return !value.includes("${") && provider.namesTenant(claim, value);
    });
}

function delegation(statement: PolicyStatement, service: ServiceRule | undefined): Decided {
    if (service !== "s3-bucket") return false;
    if (delegatesToAccessPoints(statement.condition)) return true;
    // An unknown condition entry may be the access-point pin.
    return statement.condition?.incomplete ? undefined : false;
}

/**
 * Whether an Allow statement for anyone grants to anyone: nothing pins the caller (one judgement for both parts).
 * `tags` are those of the resource the policy guards: those declared (resource part), its outputs' (stack part, with the
 * provider's defaults), or those of the resource a separate policy names.
 */
function opensToAnyone(
    statement: PolicyStatement, audience: Audience, document: Document, resource: PlainResource, service: ServiceRule | undefined, tags = tagsOf(resource.props),
): boolean {
    return audience.anyone && openToAnyone(statement, document, resource, service, tags) === true;
}

/** True when nothing keeps callers of any account out of what the statement grants. */
function openToAnyone(statement: PolicyStatement, document: Document, resource: PlainResource, service: ServiceRule | undefined, tags: ResourceTags): Decided {
    if (pinsCaller(statement.condition)) return false;
    // An unknown condition entry may be the pin.
    if (statement.condition?.incomplete) return undefined;
    const allowance = serviceAllowance(statement, resource, service);
    if (allowance !== false) return negate(allowance);
    // A statement unknown at preview may be a Deny that fences this one.
    if (document.incomplete) return undefined;
    return negate(fencedByDenies(document.statements, statement, "everyone", tags));
}

const EXECUTE_API = ["execute-api:invoke"];
const LATTICE = ["vpc-lattice-svcs:invoke", "vpc-lattice-svcs:connect"];
const EFS_CLIENT = ["elasticfilesystem:clientmount", "elasticfilesystem:clientwrite", "elasticfilesystem:clientrootaccess", "elasticfilesystem:client*"];
/**
 * Actions a service's guide grants to Principal "*" for clients without AWS credentials: MediaTailor's
 * "Anonymous access" example lets players fetch a channel's manifest (`mediatailor:GetManifest`), and
 * CloudWatch RUM's first example lets browsers send events (`rum:PutRumEvents`, the only action its
 * resource policies support, and only for the monitor's own account: no cross-account access).
 */
const ANONYMOUS_BY_DESIGN: Readonly<Record<string, readonly string[]>> = {
    [t.NATIVE_MEDIATAILOR_CHANNEL_POLICY]: ["mediatailor:getmanifest"],
    [t.NATIVE_RUM_APP_MONITOR]: ["rum:putrumevents"],
};

/** Whether the service's own semantics make this grant to anyone no wider than AWS's default (see ServiceRule). */
function serviceAllowance(statement: PolicyStatement, resource: PlainResource, service: ServiceRule | undefined): Decided {
    switch (service) {
        case "api-gateway":
            // A separate RestApiPolicy of a private API: the stack part (privateApiMessages).
            return REST_APIS.includes(resource.type) ? all(negate(isPrivateApi(resource)), actionsWithin(statement, EXECUTE_API)) : actionsWithin(statement, EXECUTE_API);
        case "lattice-auth":
            return actionsWithin(statement, LATTICE);
        case "efs":
            return actionsWithin(statement, EFS_CLIENT);
        case "locked-block":
            return true;
        case "search-domain":
            return domainKeepsOut(resource);
        case "lambda-policy":
            return statement.condition?.tests.some(isPublicUrlMarker) ?? false;
        case "anonymous-by-design":
            return actionsWithin(statement, ANONYMOUS_BY_DESIGN[resource.type] ?? []);
        default:
            return false;
    }
}

function actionsWithin(statement: PolicyStatement, names: readonly string[]): Decided {
    const actions = statement.action;
    if (statement.notAction || !actions) return false;
    if (!actions.values.every((a) => names.includes(a.trim().toLowerCase()))) return false;
    if (actions.incomplete) return undefined;
    return actions.values.length > 0;
}

/** REST APIs with a policy of their own (classic and aws-native, whose `types` is a list), whose endpoint type they show. */
const REST_APIS: readonly string[] = [t.APIGATEWAY_REST_API, t.NATIVE_APIGATEWAY_REST_API];

/** A REST API whose endpoint type is PRIVATE (`types` is one string in provider v7, a list before and in aws-native). */
function isPrivateApi(api: PlainResource): Decided {
    const options = api.props.endpointConfiguration;
    if (isUnknown(options)) return undefined;
    if (!isRecord(options)) return false;
    const types = Array.isArray(options.types) ? options.types : [options.types];
    return any(...types.map((type) => whenKnown(type, (v) => typeof v === "string" && v.trim().toUpperCase() === "PRIVATE")));
}

/** A domain with fine-grained access control authenticates every request; one in a VPC has no public endpoint. */
function domainKeepsOut(domain: PlainResource): Decided {
    return any(fineGrainedAccessControl(domain.props.advancedSecurityOptions), inVpc(domain.props.vpcOptions));
}

/** A domain with subnets is placed in a VPC, without a public endpoint. */
function inVpc(options: unknown): Decided {
    return fieldOf(options, "subnetIds", (subnets) => Array.isArray(subnets) && subnets.length > 0);
}

/** Fine-grained access control authenticates every request, unless anonymous auth (the migration period of a domain turning it on) still admits requests without credentials. */
function fineGrainedAccessControl(options: unknown): Decided {
    if (isUnknown(options)) return undefined;
    if (!isRecord(options)) return false;
    if (isUnknown(options.enabled)) return undefined;
    return options.enabled === true && whenKnown(options.anonymousAuthEnabled, (v) => !isOn(v));
}

// `lambda:FunctionUrlAuthType` is only in the context of function-URL requests, and so is
// `lambda:InvokedViaFunctionUrl`: a statement requiring either is the public URL.
function isPublicUrlMarker(test: ConditionTest): boolean {
    const key = test.key.toLowerCase();
    const values = test.values.values;
    if (test.values.incomplete || values.length === 0) return false;
    if (key === "lambda:functionurlauthtype") return /^StringEquals(IgnoreCase)?$/.test(test.operator) && values.every((v) => v === "NONE");
    if (key === "lambda:invokedviafunctionurl") return test.operator === "Bool" && values.every((v) => v === "true");
    return false;
}

// ---------------------------------------------------------------- permission resources

// `s3.amazonaws.com`, `logs.eu-west-1.amazonaws.com`, `alexa-appkit.amazon.com`: quoted in messages.
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]{0,100}\.amazon(aws)?\.com(\.cn)?$/;

function isServicePrincipal(principal: string): boolean {
    return principal !== "*" && !principal.startsWith("arn:") && !isAccountRoot(principal) && principal.includes(".");
}

/** True when some input pins the caller, undefined when an unknown input might. */
function pinnedBy(tests: [string, string, unknown][]): Decided {
    let unknown = false;
    for (const [operator, key, value] of tests) {
        if (isUnknown(value)) unknown = true;
        else if (typeof value === "string" && pinsCaller({ tests: [{ operator, key, values: { values: [value], incomplete: false } }], incomplete: false })) return true;
    }
    return unknown ? undefined : false;
}

function lambdaPermissionFindings(resource: PlainResource, allowed: readonly GlobMatcher[]): Finding[] {
    const { principal, action, sourceAccount, sourceArn, principalOrgId, eventSourceToken, functionUrlAuthType, invokedViaFunctionUrl } = resource.props;
    if (typeof principal !== "string" || isUnknown(principal)) return [];
    const who = principal.trim();
    const where = `${resource.type} "${resource.name}"`;
    // Lambda compares sourceArn with StringLike and sourceAccount with StringEquals.
    const pinned = pinnedBy([
        ["StringEquals", "aws:SourceAccount", sourceAccount],
        ["ArnLike", "aws:SourceArn", sourceArn],
        ["StringEquals", "aws:PrincipalOrgID", principalOrgId],
    ]);
    const service = isServicePrincipal(who);
    // Alexa skills are pinned by their skill id (eventSourceToken).
    const token = whenKnown(eventSourceToken, (v) => typeof v === "string" && v.trim() !== "");
    const servicePinned = service ? any(pinned, token) : false;
    const findings: Finding[] = [];
    // A pin that is set but admits any account (`arn:aws:execute-api:us-east-1:*:*/*/*`) is named as such.
    const lacking = (names: [string, unknown][]): string => {
        const set = names.filter(([, v]) => typeof v === "string" && v.trim() !== "").map(([k]) => k);
        return set.length === 0
            ? `without ${names.map(([k]) => k).join(names.length > 2 ? ", " : " or ").replace(/, ([^,]+)$/, " or $1")}`
            : `with ${set.join(" and ")} admitting any account (a wildcard or a policy variable where the account goes)`;
    };
    // A service pinned to the calling resource only ever invokes the function, so a wildcard
    // gives it nothing more to use: @pulumi/aws's `queue.onEvent` grants SQS `lambda:*` this way.
    if (typeof action === "string" && !isUnknown(action) && isWildcardAction(action) && !allowed.some((accepts) => accepts(action)) &&
        !isAccountRoot(who) && servicePinned === false) {
        const shown = quoteList([action]);
        findings.push({
            message: `${where}: action ${shown.startsWith('"') ? `${shown} ` : ""}is a wildcard. ` +
                "Name the action the principal needs (usually \"lambda:InvokeFunction\"), or accept the pattern in this policy's allowedActions config.",
        });
    }
    if (who === "*") {
        // Function-URL statements apply to URL requests only: a public URL is an HTTP
        // endpoint whose callers the function authenticates (as a route without authorizer).
        const urlOnly = any(
            whenKnown(functionUrlAuthType, (v) => v === "NONE"),
            whenKnown(invokedViaFunctionUrl, (v) => v === true),
        );
        if (pinned === false && urlOnly === false) {
            findings.push({
                message: `${where}: principal is "*" ${lacking([["sourceAccount", sourceAccount], ["sourceArn", sourceArn], ["principalOrgId", principalOrgId]])}, so any AWS account may invoke the function. ` +
                    "Name the account or service that calls it, or set principalOrgId to your organization.",
            });
        }
    } else if (service && servicePinned === false) {
        const named = SERVICE_PRINCIPAL.test(who) ? `the service principal ${JSON.stringify(who)}` : "a service principal";
        findings.push({
            message: `${where}: principal is ${named} ${lacking([["sourceArn", sourceArn], ["sourceAccount", sourceAccount]])}, so the service may invoke the function ` +
                "on behalf of resources in any account. Set sourceArn to the calling resource's ARN, or sourceAccount to your account id.",
        });
    }
    return findings;
}

function layerPermissionFindings(resource: PlainResource): Finding[] {
    const { principal, organizationId } = resource.props;
    if (principal !== "*" || pinnedBy([["StringEquals", "aws:PrincipalOrgID", organizationId]]) !== false) return [];
    return [{
        message: `${resource.type} "${resource.name}": principal is "*" without organizationId, so every AWS account may use this layer version. ` +
            "Name the account, or set organizationId to your organization; if the layer is public on purpose, exempt it with a reason.",
    }];
}

function eventPermissionFindings(resource: PlainResource): Finding[] {
    const { principal, condition } = resource.props;
    if (principal !== "*" || isUnknown(condition)) return [];
    if (isRecord(condition)) {
        const { key, type, value } = condition;
        if (isUnknown(key) || isUnknown(type) || isUnknown(value)) return [];
        if (typeof key === "string" && typeof type === "string" && pinnedBy([[type, key, value]]) === true) return [];
    }
    return [{
        message: `${resource.type} "${resource.name}": principal is "*" without a condition on aws:PrincipalOrgID, so every AWS account may put events ` +
            'on the bus. Name the account, or add condition {key: "aws:PrincipalOrgID", type: "StringEquals", value: <your organization id>}.',
    }];
}

// aws-native's EventBusPolicy (CloudFormation's) grants either one IAM statement, `statement`, judged
// as a bus policy's statements are, or a principal with an optional condition, as EventPermission.
const BUS_STATEMENT: DocumentInput = { path: "statement" };

function nativeBusPolicyFindings(resource: PlainResource, allowed: readonly GlobMatcher[]): Finding[] {
    const { statement } = resource.props;
    if (statement === undefined || statement === null) return eventPermissionFindings(resource);
    let parsed = statement;
    if (typeof statement === "string" && !isUnknown(statement)) {
        try {
            parsed = JSON.parse(statement);
        } catch {
            // Reported as a document that is not JSON.
        }
    }
    const document = isUnknown(parsed) || typeof parsed === "string" ? parsed : { Version: "2012-10-17", Statement: parsed };
    return documentFindings({ ...resource, props: { ...resource.props, statement: document } }, BUS_STATEMENT, allowed);
}

function signerMessage(resource: PlainResource): string {
    return `${resource.type} "${resource.name}": principal is "*", so every AWS account gets this signing-profile permission. ` +
        "Name the account or role that needs it.";
}

// ---------------------------------------------------------------- sharing with every account
//
// Snapshots and images are shared by naming accounts; "all" names every AWS account. A public
// RDS snapshot lets anyone restore the database (AWS refuses it for encrypted snapshots, so
// what goes public is unencrypted); a public AMI lets anyone launch the image and copy its
// volumes, with whatever was baked into them. Unknown names are not judged.

/** A list of account names holding "all" (elements unknown at preview are skipped). */
function namesAll(accounts: unknown): boolean {
    return Array.isArray(accounts) && accounts.includes("all");
}

const PUBLIC_ON_PURPOSE = "if it is public on purpose, exempt it with a reason";

function publicImageMessage(resource: PlainResource, how: string, fix: string): string {
    return `${resource.type} "${resource.name}": ${how}, so every AWS account may launch the image and copy its volumes (a public AMI, ` +
        `with whatever its snapshots hold). Name the accounts or the organization that need it: ${fix}; ${PUBLIC_ON_PURPOSE}.`;
}

function publicSnapshotMessage(resource: PlainResource): string {
    return `${resource.type} "${resource.name}": sharedAccounts names "all", so every AWS account may restore the database from this snapshot ` +
        `(a public snapshot: Security Hub RDS.1). List the account ids that need it instead; ${PUBLIC_ON_PURPOSE}.`;
}

// An SSM document's `permissions` is a map the provider reads as `{type: "Share", account_ids:
// "111122223333,444455556666"}`; "All" (any case) among the ids shares the document publicly.
function sharesWithAll(permissions: unknown): boolean {
    if (!isRecord(permissions)) return false;
    const ids = permissions.account_ids;
    return typeof ids === "string" && !isUnknown(ids) && ids.split(",").some((id) => id.trim().toLowerCase() === "all");
}

function publicDocumentMessage(resource: PlainResource): string {
    return `${resource.type} "${resource.name}": permissions.account_ids names "All", so every AWS account may find and run this document, ` +
        `and read its steps, scripts and default parameters (a public SSM document: Security Hub SSM.4). List the account ids that need it ` +
        `instead; ${PUBLIC_ON_PURPOSE}.`;
}

// AWS: "all of a project's build results, logs, and artifacts, including builds that were run
// when the project was private, are available to the general public".
function publicBuildsMessage(resource: PlainResource): string {
    return `${resource.type} "${resource.name}": projectVisibility is "PUBLIC_READ", so anyone on the internet may read every build's results, ` +
        `logs and artifacts, those of builds run while the project was private included, with whatever they print (environment variables, ` +
        `source). Set projectVisibility to "PRIVATE" (the default); ${PUBLIC_ON_PURPOSE} (an open-source project's public CI).`;
}

/** Image Builder distributions whose AMI launch permission names the group "all". */
function publicDistributions(resource: PlainResource): Finding[] {
    const distributions = resource.props.distributions;
    if (!Array.isArray(distributions)) return [];
    return distributions.flatMap((d, i) => {
        const permission = isRecord(d) && isRecord(d.amiDistributionConfiguration) ? d.amiDistributionConfiguration.launchPermission : undefined;
        if (!isRecord(permission) || !namesAll(permission.userGroups)) return [];
        const at = `distributions[${i}].amiDistributionConfiguration.launchPermission.userGroups names "all"`;
        return [{ message: publicImageMessage(resource, at, "set `userIds`, `organizationArns` or `organizationalUnitArns` instead") }];
    });
}

// ---------------------------------------------------------------- S3 access control lists
//
// A bucket ACL that grants to the AllUsers group opens the bucket to anyone on the internet
// (READ lists its objects, WRITE lets anyone add and overwrite them, WRITE_ACP hands over
// its ACL); to AuthenticatedUsers, to every AWS account, not the owner's (Security Hub S3.2
// and S3.3). The LogDelivery group (log-delivery-write, for server access logs) and the
// owner's canned ACLs are not public.
//
// An object's public ACL makes that object readable by anyone, whatever the bucket's own ACL and
// policy say, but only where S3 honours it (S3 user guide, "Controlling ownership of objects and
// disabling ACLs" and PublicAccessBlockConfiguration): with Object Ownership
// BucketOwnerEnforced, ACLs are off and a request setting one fails; a public access block with
// blockPublicAcls makes the upload fail, one with ignorePublicAcls makes S3 ignore the ACL.
// Since April 2023 a new bucket has both (BucketOwnerEnforced, every block setting on) unless
// configured otherwise, so an object in a bucket of the stack is reported only when the stack
// turns ACLs on (ObjectWriter or BucketOwnerPreferred, in a BucketOwnershipControls or an aws-native
// bucket's inline ownershipControls: ownershipRulesOf) and gives the bucket a block that sets
// neither; one in a bucket outside the stack, as far as the stack shows
// (its account's block). A public website's files are reported as its public bucket policy is:
// exempt them with a reason.
//
// The stack part judges ACLs, for the ownership controls and public access blocks (see "settings of the target" below). It
// reads outputs: after an update AWS's own grants, where a canned ACL shows again as its
// grants (reported once, as the ACL).
const PUBLIC_GROUPS: Readonly<Record<string, string>> = {
    allusers: "everyone (AllUsers: anyone on the internet, unsigned requests included)",
    authenticatedusers: "every AWS account (AuthenticatedUsers: any AWS identity, not only the owner's)",
};
const PUBLIC_CANNED_ACLS: ReadonlyMap<unknown, { group: string; permissions: string[] }> = new Map([
    ["public-read", { group: "allusers", permissions: ["READ"] }],
    ["public-read-write", { group: "allusers", permissions: ["READ", "WRITE"] }],
    ["authenticated-read", { group: "authenticatedusers", permissions: ["READ"] }],
]);
// aws-native's (CloudFormation's) names of the same canned ACLs, in a bucket's `accessControl`
// (LogDeliveryWrite, AwsExecRead and the owner's are not public, as their classic names).
const NATIVE_PUBLIC_CANNED_ACLS: ReadonlyMap<unknown, { group: string; permissions: string[] }> = new Map([
    ["PublicRead", PUBLIC_CANNED_ACLS.get("public-read")!],
    ["PublicReadWrite", PUBLIC_CANNED_ACLS.get("public-read-write")!],
    ["AuthenticatedRead", PUBLIC_CANNED_ACLS.get("authenticated-read")!],
]);
const PERMISSION_NAMES = new Set(["READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL"]);

/** The public group a grantee URI names (http://acs.amazonaws.com/groups/global/AllUsers), if any. */
function publicGroup(uri: unknown): string | undefined {
    if (typeof uri !== "string" || isUnknown(uri)) return undefined;
    const match = /^https?:\/\/acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)\/?$/i.exec(uri.trim());
    return match ? match[1].toLowerCase() : undefined;
}

const ACL_FIX = "Use the \"private\" ACL (or `objectOwnership: \"BucketOwnerEnforced\"`, which turns ACLs off) and grant access in a bucket policy " +
    "to the principals that need it, or serve the content through CloudFront with an origin access control; " +
    "if the bucket is public on purpose, exempt it with a reason.";
const OBJECT_ACL_FIX = "Drop the object's public ACL (or set its bucket's `objectOwnership: \"BucketOwnerEnforced\"`, which turns ACLs off) and serve it " +
    "through CloudFront with an origin access control, or grant access in a bucket policy to the principals that need it; " +
    "if the object is public on purpose, such as a public website's files, exempt it with a reason. " +
    "(A public access block with blockPublicAcls or ignorePublicAcls on its bucket or account also keeps it private.)";
// CDK refuses a public `accessControl` with BucketOwnerEnforced (aws-s3 bucket.ts): the fix is to drop it.
const NATIVE_ACL_FIX = "Drop `accessControl` (CDK's too) or set it to \"Private\", and grant access in a bucket policy to the principals that need it, " +
    "or serve the content through CloudFront with an origin access control; then `ownershipControls` BucketOwnerEnforced keeps ACLs off. " +
    "If the bucket is public on purpose, exempt it with a reason. " +
    "(A `publicAccessBlockConfiguration` with ignorePublicAcls, CDK's BlockPublicAccess.BLOCK_ACLS or BLOCK_ALL, also keeps it private.)";

function aclMessage(resource: PlainResource, at: string, group: string, permissions: readonly string[]): string {
    const object = OBJECT_ACL_TYPES.includes(resource.type);
    // WRITE on an object is "not applicable" (S3 ACL overview): public-read-write makes an object public-read.
    const named = permissions.filter((p) => PERMISSION_NAMES.has(p) && !(object && p === "WRITE"));
    const what = named.length > 0 ? named.join(" and ") : "a permission";
    const fix = object ? OBJECT_ACL_FIX : resource.type === t.NATIVE_S3_BUCKET ? NATIVE_ACL_FIX : ACL_FIX;
    return `${resource.type} "${resource.name}": ${at} grants ${what} to ${PUBLIC_GROUPS[group]}. ${fix}`;
}

/**
 * Public grants of a canned ACL (buckets, bucket ACLs, objects) and of a grant list (Bucket,
 * ObjectCopy) or access control policy (BucketAcl).
 */
export function publicAclMessages(resource: PlainResource): string[] {
    // aws-native's bucket has only a canned ACL, in CloudFormation's names.
    if (resource.type === t.NATIVE_S3_BUCKET) {
        const { accessControl } = resource.props;
        const canned = NATIVE_PUBLIC_CANNED_ACLS.get(accessControl);
        return canned ? [aclMessage(resource, `accessControl "${accessControl}"`, canned.group, canned.permissions)] : [];
    }
    const { acl } = resource.props;
    const canned = PUBLIC_CANNED_ACLS.get(acl);
    // After an update AWS lists a canned ACL's grants too: the ACL is the finding.
    if (canned) return [aclMessage(resource, `acl "${acl}"`, canned.group, canned.permissions)];
    const inline = BUCKET_TYPES.has(resource.type) || resource.type === t.S3_OBJECT_COPY;
    const policy = resource.props.accessControlPolicy;
    const grants = inline ? resource.props.grants : isRecord(policy) ? policy.grants : undefined;
    if (!Array.isArray(grants)) return [];
    return grants.flatMap((grant, i) => {
        if (!isRecord(grant)) return [];
        // A bucket's grant names its grantee and permissions inline; an access control policy's, in `grantee` and `permission`.
        const grantee = isRecord(grant.grantee) ? grant.grantee : grant;
        const group = publicGroup(grantee.uri);
        if (!group) return [];
        const permissions = (Array.isArray(grant.permissions) ? grant.permissions : [grant.permission])
            .filter((p): p is string => typeof p === "string" && !isUnknown(p));
        return [aclMessage(resource, inline ? `grants[${i}]` : `accessControlPolicy.grants[${i}]`, group, permissions)];
    });
}

// ---------------------------------------------------------------- settings of the target
//
// A grant to anyone may take effect through another resource's settings, which only the whole
// stack shows:
// - a bucket's Object Ownership: BucketOwnerEnforced turns its ACLs, and its objects', off;
// - a public access block, of a bucket or of the whole account: with `ignorePublicAcls` S3
//   ignores public ACLs, with `restrictPublicBuckets` it keeps a bucket whose policy is public
//   to the owner's account and AWS services (prowler#2715 fixed that false positive);
// - a request through an access point meets the blocks of the access point, its bucket and
//   the bucket owner's account, and S3 rejects it if any blocks it (AWS's "Managing public
//   access to access points"); an access point's own block is all on unless turned off, and
//   one with a VPC network origin (`vpcConfiguration`) takes requests from that VPC only; a
//   Multi-Region Access Point's block is all on unless turned off too (its buckets' blocks,
//   one per region, are not read: one of them restricting does not restrict the others);
// - a separate DomainPolicy applies to a domain whose fine-grained access control or VPC
//   keeps other callers out (the `search-domain` rule of the domain's own policy).
// - a separate RestApiPolicy's `execute-api:Invoke` to anyone opens its API to every account
//   when the API is PRIVATE (the `api-gateway` rule of the API's own policy); an API outside
//   the stack is read as most are, edge or regional.
// So these grants are the stack part's; wildcard actions stay the resource part's. An
// account's block counts for the resources of its provider (the same account); a target
// outside the stack (or not found) leaves the grant effective, as far as the stack shows.

type Kind = "acl" | "object-acl" | "bucket-policy" | "access-point" | "multi-region-access-point" | "domain-policy" | "private-api" | "tagged-target";

const HINTS: Readonly<Record<Exclude<Kind, "acl" | "object-acl">, string>> = {
    "bucket-policy": "(A public access block with restrictPublicBuckets also keeps the bucket to its own account and AWS services.)",
    "access-point": "(The access point's own public access block, on unless turned off, or one of its bucket or account with restrictPublicBuckets " +
        "also keeps it to its own account and AWS services, and an access point with a vpcConfiguration takes requests from that VPC only.)",
    "multi-region-access-point": "(The Multi-Region Access Point's own public access block, on unless turned off, or its account's with restrictPublicBuckets " +
        "also keeps it to its own account and AWS services, as do the blocks of all its regions' buckets.)",
    "private-api": PRIVATE_API_HINT,
    "domain-policy": "(A domain of this stack with fine-grained access control, or in a VPC, would keep other callers out; " +
        "this policy's domain is neither, or not in this stack.)",
    "tagged-target": "(A Deny of this policy excepts resources carrying a tag, and the resource it guards carries it, maybe from the provider's defaultTags or a separate Tag resource: " +
        "the Deny keeps no caller out. Remove the tag from the resource, or the exception from the Deny.)",
};

/**
 * How a separate policy or tagging resource names its target: one of `types`, by one of its `keys`; `namesOther`: see NamesOther;
 * `blocks`: targets a target holds as blocks of its own, named by the same keys.
 */
interface TargetJoin { types: readonly string[]; keys: readonly string[]; namesOther?: NamesOther; blocks?: (target: PlainResource) => PlainResource[] }
// A table or replica, by ARN: classic tables and replicas, and aws-native tables (the classic provider's `aws.dynamodb.Tag` is
// for tables made outside it). A policy or Tag on a stream names the stream's ARN, which no target has as a key (so it shows
// no table's tags, as AWS keeps them); while unknown, a name built from a table with a stream may be either (a replica, with
// its globalTableArn, always has one: global tables replicate through streams).
const DYNAMODB_TABLES: TargetJoin = {
    types: [t.DYNAMODB_TABLE, t.DYNAMODB_TABLE_REPLICA, t.NATIVE_DYNAMODB_TABLE], keys: ["arn"],
    namesOther: (table) => table.props.streamEnabled === true || isUnknown(table.props.streamEnabled) || table.props.globalTableArn !== undefined ||
        table.props.streamSpecification !== undefined,
    blocks: replicaBlocks,
};

/**
 * A classic table's `replicas`, tables in other regions named by their own `arn`. With `propagateTags` the provider puts the
 * table's tags on them (tagsAll: the provider's defaultTags too, on create and on every change); without, they carry none
 * (DynamoDB copies no tags to a replica; hashicorp/terraform-provider-aws#13281). Unknown at preview: their tags are unknown.
 */
function replicaBlocks(table: PlainResource): PlainResource[] {
    const replicas = table.type === t.DYNAMODB_TABLE ? table.props.replicas : undefined;
    if (!Array.isArray(replicas)) return [];
    return replicas.flatMap((replica, i) => {
        if (!isRecord(replica)) return [];
        const propagate = replica.propagateTags;
        const tags = propagate === true ? { tags: table.props.tags, tagsAll: table.props.tagsAll } : isUnknown(propagate) ? { tags: propagate } : {};
        return [{ ...table, urn: `${table.urn}#replicas[${i}]`, props: { arn: replica.arn, streamEnabled: true, ...tags }, propertyDependencies: {} }];
    });
}

/**
 * Separate policies of resources a Deny may except by their tags (AWS's data-perimeter `aws:ResourceTag/dp:exclude:*`):
 * the resource part reads such a Deny as fencing (it cannot see the tags); here the resource the policy names, found by
 * `property` (`list`: each element of it) among `types` by their `keys`, shows whether it carries the tag. Bucket policies:
 * with their bucket (publicPolicyMessages).
 */
const TAGGED_TARGETS: ReadonlyMap<string, TargetJoin & { property: string; list?: boolean }> = new Map([
    [t.SQS_QUEUE_POLICY, { property: "queueUrl", types: [t.SQS_QUEUE], keys: ["url", "id"] }],
    [t.SNS_TOPIC_POLICY, { property: "arn", types: [t.SNS_TOPIC], keys: ["arn", "id"] }],
    [t.SECRETS_MANAGER_SECRET_POLICY, { property: "secretArn", types: [t.SECRETS_MANAGER_SECRET], keys: ["arn", "id"] }],
    [t.ECR_REPOSITORY_POLICY, { property: "repository", types: [t.ECR_REPOSITORY], keys: ["name", "id"] }],
    [t.DYNAMODB_RESOURCE_POLICY, { property: "resourceArn", ...DYNAMODB_TABLES }],
    // aws-native's separate policies of one queue, topic or secret, and its TopicPolicy of a list of topics (their tags a list of {key, value}).
    [t.NATIVE_SQS_QUEUE_INLINE_POLICY, { property: "queue", types: [t.NATIVE_SQS_QUEUE], keys: ["queueUrl"] }],
    [t.NATIVE_SNS_TOPIC_INLINE_POLICY, { property: "topicArn", types: [t.NATIVE_SNS_TOPIC], keys: ["topicArn"] }],
    [t.NATIVE_SNS_TOPIC_POLICY, { property: "topics", list: true, types: [t.NATIVE_SNS_TOPIC], keys: ["topicArn"] }],
    [t.NATIVE_SECRETS_MANAGER_RESOURCE_POLICY, { property: "secretId", types: [t.NATIVE_SECRETSMANAGER_SECRET], keys: ["awsId", "id"] }],
]);
/**
 * Separate tagging resources, by the type of what they tag: provider v7's `aws.secretsmanager.Tag` (for secrets other services
 * create, such as RDS's managed master passwords) and `aws.dynamodb.Tag` (for tables created outside the provider, such as a
 * table's replicas in other regions, and streams) are the only ones for a resource whose policy is read here (the provider has
 * no tagging resource for buckets, queues, topics, keys or repositories; aws-native none for any of them). `target`: how
 * `property` names the resource.
 */
const DYNAMODB_TAG = { type: t.DYNAMODB_TAG, property: "resourceArn", target: DYNAMODB_TABLES };
const SEPARATE_TAGS: ReadonlyMap<string, { type: string; property: string; target: TargetJoin }> = new Map([
    [t.SECRETS_MANAGER_SECRET, { type: t.SECRETS_MANAGER_TAG, property: "secretId", target: { types: [t.SECRETS_MANAGER_SECRET], keys: ["arn", "id"] } }],
    [t.DYNAMODB_TABLE, DYNAMODB_TAG],
    [t.NATIVE_DYNAMODB_TABLE, DYNAMODB_TAG],
]);
const TAGGED_TARGET_TYPES: readonly string[] = [...new Set([...TAGGED_TARGETS.values()].flatMap((j) => j.types))];
/**
 * Inline policies whose resource may carry the tag only through the provider's defaultTags (every classic carrier with
 * `tagsAll`; a bucket's inline policy is judged with its block, above) or a separate Tag (an aws-native table's own policy,
 * tagged by the classic provider's `aws.dynamodb.Tag`): the resource part reads inputs, which hold `tags` alone; the outputs'
 * `tagsAll` holds the defaults too.
 */
const INLINE_TAGGED_TYPES: readonly string[] = [
    t.SQS_QUEUE, t.SNS_TOPIC, t.SECRETS_MANAGER_SECRET, t.IAM_ROLE, t.OPENSEARCH_DOMAIN, t.ELASTICSEARCH_DOMAIN, t.GLACIER_VAULT, t.APIGATEWAY_REST_API, t.APIGATEWAY_DOMAIN_NAME,
    t.NATIVE_DYNAMODB_TABLE,
];

/**
 * The statements of a policy open to anyone, or to a service acting for any account, only because the resource it guards
 * carries a tag its Deny excepts, and which the resource part, reading `judged` (the tags it sees), passed. `anyone`: false
 * where the stack part judges grants to anyone with the target's tags already (bucket policies: publicPolicyMessages).
 */
function taggedTargetMessages(resource: PlainResource, tags: ResourceTags, judged: ResourceTags, anyone = true): string[] {
    const input = RESOURCE_POLICY_DOCUMENTS[resource.type];
    const value = valueAt(resource.props, input.path);
    if (!mayExceptResourceTags(value)) return [];
    const reading = readDocument(value, input);
    if (reading.kind !== "document" || !exceptsResourceTags(reading.statements)) return [];
    const at = locationOf(resource, input.path);
    return reading.statements.filter((s) => s.effect === "Allow").flatMap((s) => {
        const opened = anyone && !opensToAnyone(s, audienceOf(s), reading, resource, input.service, judged) && opensToAnyone(s, audienceOf(s), reading, resource, input.service, tags);
        const seen = unpinnedDeputies(s, reading, resource, judged);
        const problems = [...opened ? [ANYONE_PROBLEM(s)] : [], ...unpinnedDeputies(s, reading, resource, tags).filter((problem) => !seen.includes(problem))];
        return problems.map((problem) => `${describeStatement(at, s)} ${problem} ${HINTS["tagged-target"]}`);
    });
}

/** Statements open to anyone of a policy the stack part judges (the resource part leaves them here); `tags`: see opensToAnyone. */
export function publicPolicyMessages(resource: PlainResource, tags = tagsOf(resource.props)): string[] {
    const input = RESOURCE_POLICY_DOCUMENTS[resource.type];
    const reading = readDocument(valueAt(resource.props, input.path), input);
    if (reading.kind !== "document") return [];
    const at = locationOf(resource, input.path);
    const hint = HINTS[policyKind(resource.type)];
    return reading.statements
        .filter((s) => s.effect === "Allow" && opensToAnyone(s, audienceOf(s), reading, resource, input.service, tags))
        .map((s) => `${describeStatement(at, s)} ${ANYONE_PROBLEM(s)} ${hint}`);
}

/**
 * A separate RestApiPolicy's statements that open its API to anyone if the API is private: those
 * the resource part passes as `execute-api:Invoke` to anyone (see the `api-gateway` rule).
 */
function privateApiMessages(resource: PlainResource): string[] {
    const input = RESOURCE_POLICY_DOCUMENTS[resource.type];
    const reading = readDocument(valueAt(resource.props, input.path), input);
    if (reading.kind !== "document") return [];
    const at = locationOf(resource, input.path);
    return reading.statements
        .filter((s) => s.effect === "Allow" && actionsWithin(s, EXECUTE_API) !== false && opensToAnyone(s, audienceOf(s), reading, resource, undefined))
        .map((s) => `${describeStatement(at, s)} ${ANYONE_PROBLEM(s)} ${HINTS["private-api"]}`);
}

const policyKind = (type: string): Exclude<Kind, "acl" | "object-acl" | "private-api"> =>
    (BUCKET_POLICY_TYPES.includes(type) ? "bucket-policy"
        : MULTI_REGION.has(type) ? "multi-region-access-point"
        : ACCESS_POINT_POLICY_TYPES.includes(type) ? "access-point" : "domain-policy");

type PublicAccessSetting = "blockPublicAcls" | "ignorePublicAcls" | "restrictPublicBuckets";

/** Whether one of these public access blocks (their settings, see publicAccessBlocksOf) turns the setting on. */
const setIn = (setting: PublicAccessSetting) => (blocks: readonly unknown[]): Decided =>
    any(...blocks.map((b) => fieldOf(b, setting, isOn)));

/** An access point's own block restricts a public policy unless it turns `restrictPublicBuckets` off (on by default). */
function ownBlockRestricts(block: unknown): Decided {
    return fieldOf(block, "restrictPublicBuckets", (v) => v !== false && v !== "false", true);
}

// S3 on Outposts always has S3 Block Public Access on, for its access points too. Only a known
// ARN says so: at preview the access point is found through the dependency instead.
const OUTPOSTS_ARN = /^arn:[a-z-]+:s3-outposts:/;
const onOutposts = (arn: unknown): boolean => typeof arn === "string" && OUTPOSTS_ARN.test(arn);

// A directory bucket's (S3 Express One Zone's) Block Public Access settings are all on and "can't be
// modified for directory buckets" (S3's user guide), and a request through one of its access points
// meets them too. Its name, and only its name, ends `--x-s3`, an access point's `--xa-s3` (S3's
// naming rules); their ARNs are s3express ones. A bucket unknown at preview is found through the
// dependency on a DirectoryBucket of the stack.
const DIRECTORY_NAME = /--xa?-s3$/;
const DIRECTORY_ARN = /^arn:[a-z-]+:s3express:/;
const onDirectoryBucket = (name: unknown): boolean => typeof name === "string" && !isUnknown(name) && (DIRECTORY_NAME.test(name) || DIRECTORY_ARN.test(name));

/** An access point's own block, or its VPC network origin, keeps others out. */
function accessPointRestricts(point: PlainResource): Decided {
    const vpc = point.props.vpcConfiguration;
    return any(ownBlockRestricts(point.props.publicAccessBlockConfiguration), isUnknown(vpc) ? undefined : isRecord(vpc));
}

const DOMAIN_TYPES: readonly string[] = [t.OPENSEARCH_DOMAIN, t.ELASTICSEARCH_DOMAIN];

/**
 * Multi-Region Access Points (classic and aws-native) by their policies' types: the policy's input
 * naming the access point (and the top-level input its dependencies are recorded under), and where
 * the access point holds its name, block and regions (the classic one in `details`, aws-native's
 * at the top level, with the same region `bucket`).
 */
interface MultiRegionInputs { point: string; policyName: string; dependency: string; name: string; block: string; regions: string }
const MULTI_REGION: ReadonlyMap<string, MultiRegionInputs> = new Map([
    [t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY, {
        point: t.S3CONTROL_MULTI_REGION_ACCESS_POINT, policyName: "details.name", dependency: "details", name: "details.name", block: "details.publicAccessBlock", regions: "details.regions",
    }],
    [t.NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY, {
        point: t.NATIVE_S3_MULTI_REGION_ACCESS_POINT, policyName: "mrapName", dependency: "mrapName", name: "name", block: "publicAccessBlockConfiguration", regions: "regions",
    }],
]);
const MULTI_REGION_POINTS: readonly string[] = [...MULTI_REGION.values()].map((m) => m.point);

/**
 * Whether a bucket's Object Ownership rules (see ownershipRulesOf: its BucketOwnershipControls, or
 * aws-native's inline ownershipControls) turn ACLs off: one of them BucketOwnerEnforced.
 */
function aclsTurnedOff(rules: readonly unknown[]): Decided {
    return any(...rules.map((rule) => fieldOf(rule, "objectOwnership", (v) => v === "BucketOwnerEnforced")));
}

/** The stack part: grants to anyone, unless the settings of what they apply to make AWS ignore or restrict them. */
export function findPublicGrants(resources: readonly PlainResource[]): Finding[] {
    // Most stacks have nothing public: the targets are indexed only when one does (or a Deny asks for a target's tags).
    let bucketIndex: ReturnType<typeof indexBuckets> | undefined;
    const buckets = () => (bucketIndex ??= indexBuckets(resources));
    const tagIndexes = new Map<string, ReferenceIndex>();
    const indexOf = (join: TargetJoin) => () => {
        const id = join.types.join();
        let found = tagIndexes.get(id);
        if (!found) {
            const { types, blocks } = join;
            const targets = blocks ? resources.flatMap((r) => (types.includes(r.type) ? [r, ...blocks(r)] : [])) : resources;
            tagIndexes.set(id, (found = indexReferences(targets, (target) => types.includes(target.type), join.keys)));
        }
        return found;
    };
    const tagResources = new Map<string, PlainResource[]>();
    // With the tags separate tagging resources put on the resource `naming` names, one of `type`.
    const withTagResources = (tags: ResourceTags, type: string, naming: Naming): ResourceTags => {
        const separate = SEPARATE_TAGS.get(type);
        if (!separate) return tags;
        let tagging = tagResources.get(separate.type);
        if (!tagging) tagResources.set(separate.type, (tagging = resources.filter((x) => x.type === separate.type)));
        const index = indexOf(separate.target);
        return withSeparateTags(tags, tagging, (tag) =>
            nameSame(index(), { ref: tag.props[separate.property], dependencies: (tag as PlainResource).propertyDependencies[separate.property] }, naming, separate.target.namesOther));
    };
    // The tags of each resource a separate policy names (one, or each of a list's).
    const targetTags = (r: PlainResource, join: TargetJoin & { property: string; list?: boolean }): ResourceTags[] => {
        const value = r.props[join.property];
        const dependencies = r.propertyDependencies[join.property];
        return (join.list && Array.isArray(value) ? value : [value]).map((ref) =>
            withTagResources(tagsOfNamed(indexOf(join), ref, dependencies, join.namesOther), join.types[0], { ref, dependencies }));
    };
    // An inline policy's resource: its outputs' tags (tagsAll: the provider's defaultTags too) and its tagging resources'.
    const ownTags = (r: PlainResource): ResourceTags =>
        withTagResources(tagsOf(r.props), r.type, { ref: r.props[SEPARATE_TAGS.get(r.type)?.target.keys[0] ?? "id"], dependencies: [r.urn] });
    const separateBucketPolicy = (type: string) => type === t.S3_BUCKET_POLICY || type === t.NATIVE_S3_BUCKET_POLICY;
    const candidates = resources.flatMap((r) => {
        const type = r.type;
        const acl = ACL_TYPES.includes(type) || OBJECT_ACL_TYPES.includes(type) ? publicAclMessages(r) : [];
        const aclKind: Kind = OBJECT_ACL_TYPES.includes(type) ? "object-acl" : "acl";
        // A separate bucket policy: with the tags of the bucket it names.
        const bucketTags = BUCKET_POLICY_TYPES.includes(type)
            ? (separateBucketPolicy(type) ? tagsOfNamed(buckets, r.props.bucket, r.propertyDependencies.bucket) : tagsOf(r.props)) : undefined;
        const policy = TARGET_JUDGED_POLICY_TYPES.includes(type) ? publicPolicyMessages(r, bucketTags) : [];
        const api = type === t.APIGATEWAY_REST_API_POLICY ? privateApiMessages(r) : [];
        const join = TAGGED_TARGETS.get(type);
        const tagged = join ? [...new Set(targetTags(r, join).flatMap((tags) => taggedTargetMessages(r, tags, declaredTagsOf(r.props))))]
            // Bucket policies' grants to anyone are judged with the bucket's tags above; their service grants here.
            : bucketTags ? taggedTargetMessages(r, bucketTags, declaredTagsOf(r.props), false)
            : INLINE_TAGGED_TYPES.includes(type) ? taggedTargetMessages(r, ownTags(r), declaredTagsOf(r.props)) : [];
        return [
            ...(acl.length > 0 ? [{ r, messages: acl, kind: aclKind }] : []),
            ...(policy.length > 0 ? [{ r, messages: policy, kind: policyKind(r.type) as Kind }] : []),
            ...(api.length > 0 ? [{ r, messages: api, kind: "private-api" as Kind }] : []),
            ...(tagged.length > 0 ? [{ r, messages: tagged, kind: "tagged-target" as Kind }] : []),
        ];
    });
    if (candidates.length === 0) return [];
    const index = buckets();
    const blocks = publicAccessBlocksOf(resources, index);
    const accountBlocks = new Map<string | undefined, unknown[]>();
    for (const r of resources) {
        if (r.type !== t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK) continue;
        const list = accountBlocks.get(r.provider);
        if (list) list.push(r.props);
        else accountBlocks.set(r.provider, [r.props]);
    }
    // An access point is named by its ARN; its `name` (never equal to an ARN) gives, at preview, the
    // sources an ARN built from the same random suffix shares with it (builtFrom).
    const points = indexReferences(resources, (r) => r.type === t.S3_ACCESS_POINT, ["arn", "name"]);
    const multiRegion = new Map([...MULTI_REGION.values()].map((m) => [m.point, indexReferences(resources, (r) => r.type === m.point, [m.name])]));
    const domains = indexReferences(resources, (r) => DOMAIN_TYPES.includes(r.type), ["domainName"]);
    const apis = indexReferences(resources, (r) => r.type === t.APIGATEWAY_REST_API, ["id"]);
    const directoryBuckets = indexReferences(resources, (r) => r.type === t.S3_DIRECTORY_BUCKET, ["bucket", "id"]);
    // Whether a policy's or access point's `bucket` is a directory bucket, whose block is always on (at
    // preview, may be one when its unknown name was built from the same suffix as a directory bucket's).
    const namesDirectoryBucket = (r: PlainResource): Decided => {
        if (onDirectoryBucket(r.props.bucket) || directoryBuckets.lookup(r.props.bucket, r.propertyDependencies.bucket).length > 0) return true;
        const sources = directoryBuckets.unresolvedSources(r.props.bucket, r.propertyDependencies.bucket);
        return sources.length > 0 && onceBySources("directoryBucket", sources, () => mayBe(directoryBuckets.builtFrom(sources).length > 0));
    };
    const judges = { blockPublicAcls: judgeListsOnce<unknown>(), ignorePublicAcls: judgeListsOnce<unknown>(), restrictPublicBuckets: judgeListsOnce<unknown>() };
    const targetJudges = { blockPublicAcls: judgeListsOnce(), ignorePublicAcls: judgeListsOnce(), restrictPublicBuckets: judgeListsOnce() };
    const ownership = ownershipRulesOf(resources, index);
    const ownershipJudge = judgeListsOnce<unknown>();
    // A bucket's blocks: those joined to it, or at preview those that may name it (built from the same
    // suffix as its name, see below), even when the policy or ACL names the bucket itself (`bucket.id`).
    const pendingJudges = { blockPublicAcls: judgeListsOnce(), ignorePublicAcls: judgeListsOnce(), restrictPublicBuckets: judgeListsOnce() };
    const bucketSets = (bucket: PlainResource, setting: PublicAccessSetting): Decided => {
        const list = blocks.get(bucket);
        if (list) return judges[setting](list, setIn(setting));
        const pending = pendingBlocksOf.get(bucket);
        return pending ? pendingJudges[setting](pending, (those) => pendingSettings(those, blockSettings, setIn(setting))) : false;
    };
    const accountSets = (r: PlainResource, setting: PublicAccessSetting): Decided => {
        const account = accountBlocks.get(r.provider);
        return account ? judges[setting](account, setIn(setting)) : false;
    };
    // Whether a bucket's ACLs are off: Object Ownership BucketOwnerEnforced, in a BucketOwnershipControls
    // or aws-native's inline ownershipControls (CloudFormation refuses any ACL but Private with it: "your
    // resource will fail to deploy", AWS::S3::Bucket AccessControl). Then S3 refuses a public bucket ACL
    // (AccessControlListNotSupported), or refuses the ownership while the ACL grants to others
    // (InvalidBucketAclWithObjectOwnership): the ACL never takes effect (S3 user guide, "Troubleshooting"
    // Object Ownership). Without ownership rules a bucket ACL is judged by the blocks alone: a bucket
    // created before April 2023 keeps ACLs on.
    const bucketAclsOff = (bucket: PlainResource): Decided => {
        const rules = ownership.get(bucket);
        return rules ? ownershipJudge(rules, aclsTurnedOff) : pendingSettings(pendingOwnershipOf.get(bucket), ownershipRules, aclsTurnedOff);
    };
    const namedBucketsAclsOff = judgeListsOnce();
    // Whether S3 rejects or ignores a public ACL on an object of this bucket of the stack: ACLs off
    // (BucketOwnerEnforced, a new bucket's default), or a block of the bucket setting
    // blockPublicAcls or ignorePublicAcls (a new bucket's default block sets both).
    const bucketRefusesObjectAcls = (bucket: PlainResource): Decided => {
        const rules = ownership.get(bucket);
        const pendingRules = rules ? undefined : pendingOwnershipOf.get(bucket);
        const aclsOff = rules ? ownershipJudge(rules, aclsTurnedOff) : pendingRules ? pendingSettings(pendingRules, ownershipRules, aclsTurnedOff) : true;
        const blocked = blocks.has(bucket) || pendingBlocksOf.has(bucket) ? any(bucketSets(bucket, "blockPublicAcls"), bucketSets(bucket, "ignorePublicAcls")) : true;
        return any(aclsOff, blocked);
    };
    // At preview a block or ownership rule whose unknown `bucket` joins no bucket may name the bucket a
    // configuration of unknown `bucket` names, or a bucket of unknown name, when both names come from
    // one source (built from a random suffix): which bucket each names is known at apply, so a grant
    // such a setting may turn off waits; settings that share the source and turn nothing off decide.
    const blockResources = resources.filter((b) => b.type === t.S3_BUCKET_PUBLIC_ACCESS_BLOCK);
    const ownershipResources = resources.filter((c) => c.type === t.S3_BUCKET_OWNERSHIP_CONTROLS);
    const pendingBlocksOf = unresolvedConfigurationsOf(blockResources, index);
    const pendingOwnershipOf = unresolvedConfigurationsOf(ownershipResources, index);
    const blockSettings = (list: readonly PlainResource[]) => list.map((b) => b.props);
    const ownershipRules = (list: readonly PlainResource[]) => list.map((c) => c.props.rule);
    const pendingSettings = (pending: readonly PlainResource[] | undefined, settings: (list: readonly PlainResource[]) => unknown[], turnsOff: (settings: readonly unknown[]) => Decided): Decided =>
        pending === undefined ? false : mayBe(turnsOff(settings(pending)));
    const unresolved = (list: readonly PlainResource[]) => list.map((c) => ({ c, sources: unresolvedSources(c, index) })).filter(({ sources }) => sources.length > 0);
    const unresolvedBlocks = unresolved(blockResources);
    const unresolvedOwnership = unresolved(ownershipResources);
    const sharingSource = (pending: readonly { c: PlainResource; sources: readonly string[] }[], r: PlainResource): readonly PlainResource[] | undefined => {
        if (pending.length === 0) return undefined;
        const sources = new Set(unresolvedSources(r, index));
        const shared = pending.filter((p) => p.sources.some((urn) => sources.has(urn))).map((p) => p.c);
        return shared.length > 0 ? shared : undefined;
    };
    // At preview a reference whose unknown `bucket` joins no bucket may also name a bucket whose own name
    // comes from the same source (builtFrom; its block or ownership joined by `bucket.id`, or inline in
    // aws-native's): a setting of such a bucket that may turn the grant off makes it wait too.
    // Judged once per setting and sources: thousands of names built from one suffix cost linear time.
    const builtFromSameSource = (r: PlainResource) => index.builtFrom(unresolvedSources(r, index));
    const bySources = new Map<string, Decided>();
    const onceBySources = (what: string, sources: readonly string[], judge: () => Decided): Decided => {
        const key = `${what} ${sources.join(" ")}`;
        if (!bySources.has(key)) bySources.set(key, judge());
        return bySources.get(key);
    };
    // The buckets a configuration (or an access point) names, any of whose blocks sets it.
    const namedBucketsSet = (r: PlainResource, setting: PublicAccessSetting): Decided => {
        const targets = index.targetsOf(r);
        return targets.length === 0
            ? onceBySources(setting, unresolvedSources(r, index), () => mayBe(pendingSettings(sharingSource(unresolvedBlocks, r), blockSettings, setIn(setting)), ...builtFromSameSource(r).map((b) => bucketSets(b, setting))))
            : targetJudges[setting](targets, (buckets) => any(...buckets.map((b) => bucketSets(b, setting))));
    };
    // An access point restricts a policy by its own block or network origin, or its bucket's block.
    const pointRestricts = (p: PlainResource): Decided => any(accessPointRestricts(p), namedBucketsSet(p, "restrictPublicBuckets"), namesDirectoryBucket(p));
    const restricted = (r: PlainResource, kind: Kind): Decided => {
        switch (kind) {
            case "acl":
            case "bucket-policy": {
                const setting = kind === "acl" ? "ignorePublicAcls" : "restrictPublicBuckets";
                const own = BUCKET_TYPES.has(r.type) || r.type === t.NATIVE_S3_BUCKET;
                const blocked = any(accountSets(r, setting), own ? bucketSets(r, setting) : namedBucketsSet(r, setting));
                if (kind === "bucket-policy") return own ? blocked : any(blocked, namesDirectoryBucket(r));
                const targets = index.targetsOf(r);
                return any(blocked, own ? bucketAclsOff(r)
                    : targets.length === 0 ? onceBySources("aclsOff", unresolvedSources(r, index), () => mayBe(pendingSettings(sharingSource(unresolvedOwnership, r), ownershipRules, aclsTurnedOff), ...builtFromSameSource(r).map(bucketAclsOff)))
                    : namedBucketsAclsOff(targets, (buckets) => any(...buckets.map(bucketAclsOff))));
            }
            case "access-point": {
                const own = r.type === t.S3_ACCESS_POINT || r.type === t.NATIVE_S3_ACCESS_POINT;
                const targets = own ? [r] : points.lookup(r.props.accessPointArn, r.propertyDependencies.accessPointArn);
                // At preview an ARN built from a random suffix may name an access point whose name comes from it
                // (on Outposts, on a directory bucket, or with its own block): it waits for those.
                const sources = own || targets.length > 0 ? [] : points.unresolvedSources(r.props.accessPointArn, r.propertyDependencies.accessPointArn);
                const pending = sources.length === 0 ? [] : [onceBySources("accessPoint", sources, () => mayBe(...points.builtFrom(sources).map(pointRestricts)))];
                return any(onOutposts(r.props.accessPointArn), onDirectoryBucket(r.props.accessPointArn), accountSets(r, "restrictPublicBuckets"), ...targets.map(pointRestricts), ...pending);
            }
            case "multi-region-access-point": {
                const of = MULTI_REGION.get(r.type)!;
                const targets = multiRegion.get(of.point)!.lookup(valueAt(r.props, of.policyName), r.propertyDependencies[of.dependency]);
                return any(accountSets(r, "restrictPublicBuckets"),
                    ...targets.map((m) => any(ownBlockRestricts(valueAt(m.props, of.block)), everyRegionRestricts(valueAt(m.props, of.regions)))));
            }
            // A bucket outside the stack: as far as the stack shows, its account's block.
            case "object-acl": {
                // At preview an object of unknown bucket may be in a bucket built from the same suffix.
                const targets = index.targetsOf(r);
                return any(accountSets(r, "blockPublicAcls"), accountSets(r, "ignorePublicAcls"),
                    ...(targets.length > 0 ? targets.map(bucketRefusesObjectAcls) : [onceBySources("objectAcls", unresolvedSources(r, index), () => any(...builtFromSameSource(r).map(bucketRefusesObjectAcls)))]));
            }
            case "domain-policy":
                return any(...domains.lookup(r.props.domainName, r.propertyDependencies.domainName).map(domainKeepsOut));
            // An API outside the stack is read as most are, EDGE or REGIONAL: Invoke to anyone is its default.
            // At preview, an unknown restApiId that depends on several APIs may name one that is not private.
            case "private-api": {
                const targets = apis.lookup(r.props.restApiId, r.propertyDependencies.restApiId);
                return targets.length === 0 || any(...targets.map((api) => negate(isPrivateApi(api))));
            }
            // Nothing but the tag's removal closes it.
            case "tagged-target":
                return false;
        }
    };
    // S3 also checks the blocks of the bucket a Multi-Region Access Point routes a request to,
    // and of that bucket's account: every region's bucket restricting keeps it closed.
    const regionRestricts = (region: unknown): Decided => {
        if (isUnknown(region)) return undefined;
        const ref = isRecord(region) ? region.bucket : undefined;
        if (isUnknown(ref)) return undefined;
        if (typeof ref !== "string") return false;
        return any(...index.lookup(ref, undefined).map((b) => any(bucketSets(b, "restrictPublicBuckets"), accountSets(b, "restrictPublicBuckets"))));
    };
    const everyRegionRestricts = (regions: unknown): Decided => {
        if (isUnknown(regions)) return undefined;
        return Array.isArray(regions) && regions.length > 0 ? all(...regions.map(regionRestricts)) : false;
    };
    const findings: Finding[] = [];
    for (const { r, messages, kind } of candidates) {
        if (restricted(r, kind) !== false) continue;
        for (const message of messages) findings.push({ message, resource: { urn: r.urn, type: r.type, name: r.name } });
    }
    return findings;
}

// ---------------------------------------------------------------- definition

export const resourcePolicyNoWildcards = resourcePolicy<ResourcePolicyNoWildcardsConfig>({
    name: "resource-policy-no-wildcards",
    displayName: "Resource policies grant named actions to known callers",
    description:
        "Resource-based policies (S3, SQS, SNS, ECR, Secrets Manager, OpenSearch, Glacier, Lambda, IAM role trust policies and every other the provider models) " +
        "must not Allow wildcard actions, nor allow any principal without a condition pinning the caller to known accounts, " +
        "organizations or networks; S3 ACLs grant nothing to everyone, RDS snapshots, AMIs and SSM documents are not shared with every AWS account, and CodeBuild builds are not public.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Name the actions each Allow statement grants instead of `*`, `service:*` or `service:Get*`; replace Principal \"*\" with the " +
        "accounts, roles or services that need access, or pin the caller with a condition such as aws:SourceArn, aws:SourceAccount, " +
        "aws:PrincipalOrgID or aws:SourceVpce; give Lambda permissions sourceArn or sourceAccount; use private bucket ACLs; share snapshots, " +
        "AMIs and SSM documents with named accounts, not `all`; keep CodeBuild projects' builds private. Exempt a resource that is public on purpose.",
    tags: ["aws", "iam", "least-privilege", "public-access"],
    configSchema: {
        properties: {
            allowedActions: globList(
                "Actions or globs (case-insensitive, * matches any characters) accepted even though they contain wildcards, e.g. \"es:ESHttp*\".",
                [],
            ),
        },
    },
    resourceTypes: RESOURCE_POLICY_TYPES,
    check: findResourcePolicyWildcards,
    stack: {
        judges: "grants to anyone that the settings of what they apply to may undo: S3 bucket and object ACLs (object ownership, public access blocks) " +
            "and bucket and access point policies (public access blocks, an access point's VPC), separate OpenSearch domain policies (the domain's fine-grained access control or VPC), " +
            "separate REST API policies (a private API), and separate bucket, queue, topic, secret and ECR repository policies whose Deny excepts resources " +
            "carrying a tag (the tags of the resource they name)",
        resourceTypes: [
            ...new Set([...ACL_TYPES, ...TARGET_JUDGED_POLICY_TYPES]), ...OBJECT_ACL_TYPES, t.S3_BUCKET_OWNERSHIP_CONTROLS,
            t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, ...MULTI_REGION_POINTS, ...DOMAIN_TYPES,
            t.APIGATEWAY_REST_API_POLICY, t.APIGATEWAY_REST_API, t.S3_DIRECTORY_BUCKET, ...TAGGED_TARGETS.keys(), ...TAGGED_TARGET_TYPES, ...INLINE_TAGGED_TYPES,
            ...[...SEPARATE_TAGS.values()].map((s) => s.type),
        ].filter((type, i, all) => all.indexOf(type) === i),
        check: (resources) => findPublicGrants(resources),
    },
    examples: examples(),
});

/** An example's Automation runbook, shared through the document's permissions map (keys as the provider reads them). */
function ssmDocument(accountIds: string): Record<string, unknown> {
    return {
        name: "patch-runbook", documentType: "Automation", documentFormat: "YAML",
        content: "schemaVersion: '0.3'\ndescription: Patch one instance\nparameters:\n  InstanceId:\n    type: String\nmainSteps:\n" +
            "  - name: patch\n    action: aws:runCommand\n    inputs:\n      DocumentName: AWS-RunPatchBaseline\n      InstanceIds: ['{{ InstanceId }}']\n",
        permissions: { type: "Share", account_ids: accountIds },
    };
}

/** An example's CodeBuild project that builds a GitHub repository. */
function buildProject(projectVisibility: string): Record<string, unknown> {
    return {
        name: "widgets-ci", serviceRole: "arn:aws:iam::111122223333:role/codebuild-widgets", projectVisibility,
        artifacts: { type: "NO_ARTIFACTS" },
        environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/amazonlinux-x86_64-standard:5.0", type: "LINUX_CONTAINER" },
        source: { type: "GITHUB", location: "https://github.com/acme/widgets.git" },
    };
}

/** An example's policy document, as programs write it: JSON.stringify of the statements. */
function doc(...statements: object[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

function examples(): PolicyExample[] {
    const account = "111122223333";
    // A role's trust in a federated identity provider, for the tokens it issues.
    const webIdentityTrust = (federated: string, condition: object) =>
        doc({ Effect: "Allow", Principal: { Federated: federated }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition });
    const oidcProvider = (issuer: string) => `arn:aws:iam::${account}:oidc-provider/${issuer}`;
    const tlsOnly = (bucket: string) => ({
        Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    const publicRead = (bucket: string) => ({ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*` });
    const topicArn = `arn:aws:sns:eu-west-1:${account}:shop-alerts`;
    return [
        {
            title: "a bucket policy that lets anyone write, `sqs:*` for a role in a queue policy, and a Lambda permission for any account",
            verdict: "fail",
            demo: true,
            resources: [
                {
                    type: t.S3_BUCKET_POLICY, name: "shop-uploads-policy",
                    props: {
                        bucket: "shop-uploads-3f9a1c",
                        policy: doc({
                            Sid: "PublicUpload", Effect: "Allow", Principal: "*", Action: ["s3:GetObject", "s3:PutObject"],
                            Resource: "arn:aws:s3:::shop-uploads-3f9a1c/*",
                        }),
                    },
                },
                {
                    type: t.SQS_QUEUE_POLICY, name: "shop-orders-queue-policy",
                    props: {
                        queueUrl: `https://sqs.eu-west-1.amazonaws.com/${account}/shop-orders`,
                        policy: {
                            Version: "2012-10-17",
                            Statement: [{
                                Sid: "Worker", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:role/orders-worker` },
                                Action: "sqs:*", Resource: `arn:aws:sqs:eu-west-1:${account}:shop-orders`,
                            }],
                        },
                    },
                },
                { type: t.LAMBDA_PERMISSION, name: "shop-orders-fn-invoke", props: { action: "lambda:InvokeFunction", function: "shop-orders-fn", principal: "*" } },
            ],
        },
        {
            title: "the default SNS topic policy (pinned by `AWS:SourceOwner`), a CloudFront bucket policy with a TLS-only Deny, S3 events to a queue and to a function pinned to the bucket, " +
                "and the permission `queue.onEvent` of @pulumi/aws creates (`lambda:*` for SQS pinned to the queue: the service only invokes)",
            verdict: "pass",
            demo: true,
            resources: [
                {
                    type: t.SNS_TOPIC_POLICY, name: "shop-alerts-policy",
                    props: {
                        arn: topicArn,
                        policy: JSON.stringify({
                            Version: "2008-10-17", Id: "__default_policy_ID",
                            Statement: [{
                                Sid: "__default_statement_ID", Effect: "Allow", Principal: { AWS: "*" },
                                Action: [
                                    "SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic",
                                    "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish",
                                ],
                                Resource: topicArn, Condition: { StringEquals: { "AWS:SourceOwner": account } },
                            }],
                        }),
                    },
                },
                {
                    type: t.S3_BUCKET_POLICY, name: "shop-assets-policy",
                    props: {
                        bucket: "shop-assets-8b2d4e",
                        policy: doc(
                            {
                                Sid: "CloudFrontRead", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject",
                                Resource: "arn:aws:s3:::shop-assets-8b2d4e/*",
                                Condition: { StringEquals: { "AWS:SourceArn": `arn:aws:cloudfront::${account}:distribution/E2QWRUHAPOMQZL` } },
                            },
                            tlsOnly("shop-assets-8b2d4e"),
                        ),
                    },
                },
                {
                    type: t.SQS_QUEUE_POLICY, name: "shop-uploads-queue-policy",
                    props: {
                        queueUrl: `https://sqs.eu-west-1.amazonaws.com/${account}/shop-uploads`,
                        policy: {
                            Version: "2012-10-17",
                            Statement: [{
                                Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sqs:SendMessage",
                                Resource: `arn:aws:sqs:eu-west-1:${account}:shop-uploads`,
                                Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:s3:::shop-uploads-3f9a1c" }, StringEquals: { "aws:SourceAccount": account } },
                            }],
                        },
                    },
                },
                {
                    type: t.LAMBDA_PERMISSION, name: "shop-thumbnailer-s3",
                    props: {
                        action: "lambda:InvokeFunction", function: "shop-thumbnailer", principal: "s3.amazonaws.com",
                        sourceArn: "arn:aws:s3:::shop-uploads-3f9a1c", sourceAccount: account,
                    },
                },
                {
                    type: t.LAMBDA_PERMISSION, name: "shop-orders-subscription",
                    props: { action: "lambda:*", function: "shop-orders-subscription-6a1f0e2", principal: "sqs.amazonaws.com", sourceArn: `arn:aws:sqs:eu-west-1:${account}:shop-orders` },
                },
            ],
        },
        {
            title: "a public static website: the bucket policy grants `s3:GetObject` to everyone",
            verdict: "fail",
            resources: [{ type: t.S3_BUCKET_POLICY, name: "website-policy", props: { bucket: "www.example.com", policy: doc(publicRead("www.example.com"), tlsOnly("www.example.com")) } }],
            messageIncludes: "exempt it with a reason",
            note: "A public website is a legitimate reason for a public bucket policy: exempt that one resource, as the next example does.",
        },
        {
            title: "the same website bucket, exempted with a reason",
            verdict: "pass",
            config: {
                exemptions: [{
                    type: t.S3_BUCKET_POLICY, name: "website-policy",
                    reason: "Public static website www.example.com; only s3:GetObject on its objects (reviewed in SEC-142)",
                }],
            },
            resources: [{ type: t.S3_BUCKET_POLICY, name: "website-policy", props: { bucket: "www.example.com", policy: doc(publicRead("www.example.com"), tlsOnly("www.example.com")) } }],
        },
        {
            title: "a bucket policy for CloudFront's origin access control without `AWS:SourceArn`: every distribution of every AWS account may read the bucket",
            verdict: "fail",
            resources: [{
                type: t.S3_BUCKET_POLICY, name: "assets-policy",
                props: {
                    bucket: "shop-assets-8b2d4e",
                    policy: doc({
                        Sid: "AllowCloudFrontServicePrincipal", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject",
                        Resource: "arn:aws:s3:::shop-assets-8b2d4e/*",
                    }),
                },
            }],
            messageIncludes: "so the CloudFront distributions of every AWS account may use it through an origin access control",
            note: "Pin the statement to your distribution (`AWS:SourceArn`), to every distribution of your account (`arn:aws:cloudfront::<account>:distribution/*`) or to your account (`aws:SourceAccount`), as the passing example above does.",
        },
        {
            title: "conditions that do not pin: `ForAllValues:` on `aws:PrincipalOrgID` (true for callers outside any organization), `...IfExists`, and a wildcard account",
            verdict: "fail",
            resources: [
                {
                    type: t.ECR_REPOSITORY_POLICY, name: "base-images-policy",
                    props: {
                        repository: "base-images",
                        policy: {
                            Version: "2012-10-17",
                            Statement: [{
                                Sid: "OrgPull", Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                                Condition: { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": ["o-a1b2c3d4e5"] } },
                            }],
                        },
                    },
                },
                {
                    type: t.SECRETS_MANAGER_SECRET_POLICY, name: "partner-api-key-policy",
                    props: {
                        secretArn: `arn:aws:secretsmanager:eu-west-1:${account}:secret:partner-api-key-AbCdEf`,
                        policy: doc({
                            Effect: "Allow", Principal: { AWS: "*" }, Action: "secretsmanager:GetSecretValue", Resource: "*",
                            Condition: { StringEqualsIfExists: { "aws:PrincipalAccount": account } },
                        }),
                    },
                },
                {
                    type: t.SNS_TOPIC_POLICY, name: "shop-events-policy",
                    props: {
                        arn: `arn:aws:sns:eu-west-1:${account}:shop-events`,
                        policy: doc({
                            Effect: "Allow", Principal: { AWS: "*" }, Action: "sns:Publish", Resource: `arn:aws:sns:eu-west-1:${account}:shop-events`,
                            Condition: { ArnLike: { "aws:SourceArn": "arn:aws:events:eu-west-1:*:rule/*" } },
                        }),
                    },
                },
            ],
            messageIncludes: "without a condition that pins the caller",
        },
        {
            title: "AWS patterns that open to `*` yet pin or fence the caller: S3 access-point delegation, an organization event bus, a private API with a VPC-endpoint Deny, " +
                "an EFS policy, the statements of a public function URL, a queue behind the organization's VPC endpoints (`aws:VpceOrgID`)",
            verdict: "pass",
            resources: [
                {
                    type: t.SQS_QUEUE_POLICY, name: "orders-queue-policy",
                    props: {
                        queueUrl: `https://sqs.eu-west-1.amazonaws.com/${account}/orders`,
                        policy: doc({
                            Sid: "OrgNetworkSend", Effect: "Allow", Principal: "*", Action: "sqs:SendMessage",
                            Resource: `arn:aws:sqs:eu-west-1:${account}:orders`,
                            Condition: { StringEquals: { "aws:VpceOrgID": "o-a1b2c3d4e5" } },
                        }),
                    },
                },
                {
                    type: t.S3_BUCKET_POLICY, name: "datalake-policy",
                    props: {
                        bucket: "shop-datalake",
                        policy: doc({
                            Sid: "DelegateToAccessPoints", Effect: "Allow", Principal: { AWS: "*" }, Action: "*",
                            Resource: ["arn:aws:s3:::shop-datalake", "arn:aws:s3:::shop-datalake/*"],
                            Condition: { StringEquals: { "s3:DataAccessPointAccount": account } },
                        }),
                    },
                },
                {
                    type: t.CLOUDWATCH_EVENT_BUS_POLICY, name: "org-bus-policy",
                    props: {
                        eventBusName: "shop-org",
                        policy: doc({
                            Sid: "OrgPutEvents", Effect: "Allow", Principal: "*", Action: "events:PutEvents",
                            Resource: `arn:aws:events:eu-west-1:${account}:event-bus/shop-org`,
                            Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
                        }),
                    },
                },
                {
                    type: t.APIGATEWAY_REST_API_POLICY, name: "internal-api-policy",
                    props: {
                        restApiId: "a1b2c3d4e5",
                        policy: doc(
                            { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
                            {
                                Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*",
                                Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0a1b2c3d4e5f67890" } },
                            },
                        ),
                    },
                },
                {
                    type: t.EFS_FILE_SYSTEM_POLICY, name: "shared-fs-policy",
                    props: {
                        fileSystemId: "fs-0123456789abcdef0",
                        policy: doc({
                            Sid: "ClientsOverTls", Effect: "Allow", Principal: { AWS: "*" },
                            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
                            Resource: `arn:aws:elasticfilesystem:eu-west-1:${account}:file-system/fs-0123456789abcdef0`,
                            Condition: { Bool: { "aws:SecureTransport": "true" } },
                        }),
                    },
                },
                {
                    type: t.LAMBDA_PERMISSION, name: "webhook-url",
                    props: { action: "lambda:InvokeFunctionUrl", function: "webhook", principal: "*", functionUrlAuthType: "NONE" },
                },
                {
                    type: t.LAMBDA_PERMISSION, name: "webhook-url-invoke",
                    props: { action: "lambda:InvokeFunction", function: "webhook", principal: "*", invokedViaFunctionUrl: true },
                },
            ],
        },
        {
            title: "Lambda permissions a service or any account could abuse: a service principal without `sourceArn`, `Principal \"*\"` for direct invocation, and `lambda:*`",
            verdict: "fail",
            resources: [
                { type: t.LAMBDA_PERMISSION, name: "api-invoke", props: { action: "lambda:InvokeFunction", function: "orders-api", principal: "apigateway.amazonaws.com" } },
                { type: t.LAMBDA_PERMISSION, name: "webhook-direct", props: { action: "lambda:InvokeFunction", function: "webhook", principal: "*" } },
                { type: t.LAMBDA_PERMISSION, name: "ops-all", props: { action: "lambda:*", function: "orders-api", principal: `arn:aws:iam::${account}:role/ops` } },
            ],
        },
        {
            title: "an OpenSearch domain with a public endpoint open to everyone, without fine-grained access control",
            verdict: "fail",
            resources: [{
                type: t.OPENSEARCH_DOMAIN, name: "search-open",
                props: {
                    domainName: "shop-search", engineVersion: "OpenSearch_2.13",
                    accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:ESHttpGet", Resource: `arn:aws:es:eu-west-1:${account}:domain/shop-search/*` }),
                },
            }],
        },
        {
            title: "an OpenSearch domain with fine-grained access control and the open access policy AWS recommends for it, `es:ESHttp*` accepted in allowedActions",
            verdict: "pass",
            config: { allowedActions: ["es:ESHttp*"] },
            resources: [{
                type: t.OPENSEARCH_DOMAIN, name: "search-fgac",
                props: {
                    domainName: "shop-search", engineVersion: "OpenSearch_2.13",
                    advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: false, masterUserOptions: { masterUserArn: `arn:aws:iam::${account}:role/search-admin` } },
                    encryptAtRest: { enabled: true }, nodeToNodeEncryption: { enabled: true }, domainEndpointOptions: { enforceHttps: true },
                    accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:ESHttp*", Resource: `arn:aws:es:eu-west-1:${account}:domain/shop-search/*` }),
                },
            }],
        },
        {
            title: "the same domain while fine-grained access control is in its migration period (anonymous auth on): requests without credentials still get in",
            verdict: "fail",
            docs: false,
            config: { allowedActions: ["es:ESHttp*"] },
            resources: [{
                type: t.OPENSEARCH_DOMAIN, name: "search-fgac",
                props: {
                    domainName: "shop-search", engineVersion: "OpenSearch_2.13",
                    advancedSecurityOptions: { enabled: true, anonymousAuthEnabled: true, internalUserDatabaseEnabled: true },
                    encryptAtRest: { enabled: true }, nodeToNodeEncryption: { enabled: true }, domainEndpointOptions: { enforceHttps: true },
                    accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:ESHttp*", Resource: `arn:aws:es:eu-west-1:${account}:domain/shop-search/*` }),
                },
            }],
        },
        {
            title: "a role any principal of any AWS account may assume (a trust policy is the role's resource policy)",
            verdict: "fail",
            resources: [{
                type: t.IAM_ROLE, name: "partner-access",
                props: { assumeRolePolicy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }) },
            }],
        },
        {
            title: "a role for GitHub Actions that checks only the token's audience: a workflow of any repository on GitHub may assume it",
            verdict: "fail",
            resources: [{
                type: t.IAM_ROLE, name: "ci-deployer",
                props: {
                    assumeRolePolicy: webIdentityTrust(oidcProvider("token.actions.githubusercontent.com"), {
                        StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
                    }),
                },
            }],
        },
        {
            title: "a role for GitLab CI/CD whose subject condition names any group's project called infra",
            verdict: "fail",
            resources: [{
                type: t.IAM_ROLE, name: "gitlab-deployer",
                props: {
                    assumeRolePolicy: webIdentityTrust(oidcProvider("gitlab.com"), {
                        StringEquals: { "gitlab.com:aud": "https://gitlab.com" },
                        StringLike: { "gitlab.com:sub": "project_path:*/infra:ref_type:branch:ref:main" },
                    }),
                },
            }],
        },
        {
            title: "roles assumed by a service, by one repository's GitHub Actions workflows, by an identity pool's signed-in users, and by the organization's accounts",
            verdict: "pass",
            resources: [
                { type: t.IAM_ROLE, name: "orders-fn", props: { assumeRolePolicy: doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }) } },
                {
                    type: t.IAM_ROLE, name: "shop-deployer",
                    props: {
                        assumeRolePolicy: webIdentityTrust(oidcProvider("token.actions.githubusercontent.com"), {
                            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
                            StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/shop:ref:refs/heads/main" },
                        }),
                    },
                },
                {
                    type: t.IAM_ROLE, name: "app-users",
                    props: {
                        assumeRolePolicy: webIdentityTrust("cognito-identity.amazonaws.com", {
                            StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:7f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
                            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
                        }),
                    },
                },
                {
                    type: t.IAM_ROLE, name: "org-auditor",
                    props: { assumeRolePolicy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }) },
                },
            ],
        },
        {
            title: "an OpenSearch domain in a VPC with an open access policy: only the clients its security groups admit reach it",
            verdict: "pass",
            resources: [{
                type: t.OPENSEARCH_DOMAIN, name: "search-vpc",
                props: {
                    domainName: "app-logs", engineVersion: "OpenSearch_2.13",
                    vpcOptions: { subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], securityGroupIds: ["sg-0a1b2c3d4e5f60001"] },
                    encryptAtRest: { enabled: true }, nodeToNodeEncryption: { enabled: true }, domainEndpointOptions: { enforceHttps: true },
                    accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["es:ESHttpGet", "es:ESHttpPost", "es:ESHttpPut"], Resource: `arn:aws:es:eu-west-1:${account}:domain/app-logs/*` }),
                },
            }],
        },
        ...separatePolicyExamples(account),
        ...coverageExamples(account),
    ];
}

/** Policies of their own resource, judged with the settings of what they apply to (the stack part). */
function separatePolicyExamples(account: string): PolicyExample[] {
    const pointArn = `arn:aws:s3:eu-west-1:${account}:accesspoint/partner-reads`;
    const pointPolicy = {
        type: t.S3CONTROL_ACCESS_POINT_POLICY, name: "partner-reads-policy", propertyDependencies: { accessPointArn: ["partner-reads"] },
        props: { accessPointArn: pointArn, policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObjectTagging", Resource: `${pointArn}/object/*` }) },
    };
    const accessPoint = (block?: object) => {
        const props = { bucket: "partner-data-7d1e2a", name: "partner-reads", ...(block ? { publicAccessBlockConfiguration: block } : {}) };
        return { type: t.S3_ACCESS_POINT, name: "partner-reads", props, outputs: { ...props, arn: pointArn } };
    };
    return [
        {
            title: "the provider's access point example: an access point that turns restrictPublicBuckets off, and a policy for it that allows anyone",
            verdict: "fail",
            reported: ["partner-reads-policy"],
            resources: [
                { type: t.S3_BUCKET_V2, name: "partner-data", props: { bucket: "partner-data-7d1e2a" } },
                accessPoint({ blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: false }),
                pointPolicy,
            ],
        },
        {
            title: "separate policies judged with what they apply to: the same policy under the access point's own public access block (all on by default), " +
                "and a domain policy for a domain with fine-grained access control",
            verdict: "pass",
            resources: [
                { type: t.S3_BUCKET_V2, name: "partner-data", props: { bucket: "partner-data-7d1e2a" } },
                accessPoint(),
                pointPolicy,
                {
                    type: t.OPENSEARCH_DOMAIN, name: "search",
                    props: {
                        domainName: "app-search", engineVersion: "OpenSearch_2.13",
                        advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: false, masterUserOptions: { masterUserArn: `arn:aws:iam::${account}:role/search-admin` } },
                        encryptAtRest: { enabled: true }, nodeToNodeEncryption: { enabled: true }, domainEndpointOptions: { enforceHttps: true },
                    },
                },
                {
                    type: t.OPENSEARCH_DOMAIN_POLICY, name: "search-policy",
                    props: {
                        domainName: "app-search",
                        accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["es:ESHttpGet", "es:ESHttpPost"], Resource: `arn:aws:es:eu-west-1:${account}:domain/app-search/*` }),
                    },
                },
            ],
        },
    ];
}

/** A failing and a passing resource of the other carriers, off the docs page. */
function coverageExamples(account: string): PolicyExample[] {
    const anyone = (action: string | string[], resource = "*") => doc({ Effect: "Allow", Principal: "*", Action: action, Resource: resource });
    const role = `arn:aws:iam::${account}:role/app`;
    const forRole = (action: string | string[], resource = "*") => doc({ Effect: "Allow", Principal: { AWS: role }, Action: action, Resource: resource });
    const ownerId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
    const aclGrants = (bucket: string, ...grants: object[]) => ({ bucket, accessControlPolicy: { owner: { id: ownerId }, grants } });
    return [
        {
            title: "SNS, ECR, Secrets Manager, OpenSearch, Glacier, EventBridge and Lambda layer policies open to anyone",
            verdict: "fail",
            docs: false,
            resources: [
                { type: t.SNS_TOPIC, name: "topic", props: { name: "shop", policy: anyone("sns:Publish", `arn:aws:sns:eu-west-1:${account}:shop`) } },
                { type: t.ECR_REPOSITORY_POLICY, name: "repo", props: { repository: "shop", policy: anyone(["ecr:PutImage", "ecr:BatchGetImage"]) } },
                { type: t.SECRETS_MANAGER_SECRET, name: "secret", props: { name: "shop", policy: anyone("secretsmanager:GetSecretValue") } },
                { type: t.OPENSEARCH_DOMAIN_POLICY, name: "search", props: { domainName: "shop", accessPolicies: anyone("es:ESHttpGet") } },
                { type: t.GLACIER_VAULT, name: "vault", props: { name: "shop", accessPolicy: anyone(["glacier:InitiateJob", "glacier:GetJobOutput"]) } },
                { type: t.CLOUDWATCH_EVENT_PERMISSION, name: "bus", props: { principal: "*", statementId: "Anyone" } },
                { type: t.LAMBDA_LAYER_VERSION_PERMISSION, name: "layer", props: { action: "lambda:GetLayerVersion", layerName: "shop", principal: "*", statementId: "x", versionNumber: 1 } },
                { type: t.LAMBDA_RESOURCE_POLICY, name: "fn", props: { functionName: "shop", policy: anyone("lambda:InvokeFunction") } },
                { type: t.SIGNER_SIGNING_PROFILE_PERMISSION, name: "signer", props: { action: "signer:StartSigningJob", principal: "*", profileName: "shop" } },
            ],
        },
        {
            title: "SNS, ECR, Secrets Manager, OpenSearch, Glacier, EventBridge and Lambda layer policies for named principals or pinned callers",
            verdict: "pass",
            docs: false,
            resources: [
                { type: t.SNS_TOPIC, name: "topic", props: { name: "shop", policy: forRole("sns:Publish", `arn:aws:sns:eu-west-1:${account}:shop`) } },
                { type: t.ECR_REPOSITORY_POLICY, name: "repo", props: { repository: "shop", policy: forRole(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]) } },
                { type: t.SECRETS_MANAGER_SECRET, name: "secret", props: { name: "shop", policy: "{}" } },
                { type: t.SECRETS_MANAGER_SECRET_POLICY, name: "secret-policy", props: { secretArn: "arn", policy: forRole("secretsmanager:GetSecretValue") } },
                { type: t.OPENSEARCH_DOMAIN_POLICY, name: "search", props: { domainName: "shop", accessPolicies: forRole(["es:ESHttpGet", "es:ESHttpPost"]) } },
                { type: t.GLACIER_VAULT, name: "vault", props: { name: "shop", accessPolicy: forRole(["glacier:InitiateJob", "glacier:GetJobOutput"]) } },
                {
                    type: t.GLACIER_VAULT_LOCK, name: "vault-lock",
                    props: {
                        vaultName: "shop", completeLock: false,
                        policy: doc({ Effect: "Deny", Principal: "*", Action: "glacier:DeleteArchive", Resource: "*", Condition: { NumericLessThanEquals: { "glacier:ArchiveAgeinDays": "365" } } }),
                    },
                },
                {
                    type: t.CLOUDWATCH_EVENT_PERMISSION, name: "bus",
                    props: { principal: "*", statementId: "Org", condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: "o-a1b2c3d4e5" } },
                },
                { type: t.LAMBDA_LAYER_VERSION_PERMISSION, name: "layer", props: { action: "lambda:GetLayerVersion", layerName: "shop", principal: "*", organizationId: "o-a1b2c3d4e5", statementId: "x", versionNumber: 1 } },
                { type: t.LAMBDA_RESOURCE_POLICY, name: "fn", props: { functionName: "shop", policy: forRole("lambda:InvokeFunction") } },
                { type: t.SIGNER_SIGNING_PROFILE_PERMISSION, name: "signer", props: { action: "signer:StartSigningJob", principal: account, profileName: "shop" } },
            ],
        },
        {
            title: "bucket ACLs that grant to everyone: a public-read website bucket and a public-read-write drop bucket",
            verdict: "fail",
            resources: [
                { type: t.S3_BUCKET_ACL_V2, name: "shop-site-acl", props: { bucket: "shop-site-7d1e2a", acl: "public-read" } },
                {
                    type: t.S3_BUCKET_ACL_V2, name: "shop-drop-acl",
                    props: aclGrants("shop-drop-7d1e2a", { grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "WRITE" }),
                },
            ],
        },
        {
            title: "bucket ACLs that are not public: a private bucket, an access-log bucket (`log-delivery-write`) and CloudFront's log delivery account",
            verdict: "pass",
            resources: [
                { type: t.S3_BUCKET_ACL_V2, name: "shop-assets-acl", props: { bucket: "shop-assets-7d1e2a", acl: "private" } },
                { type: t.S3_BUCKET_ACL_V2, name: "shop-logs-acl", props: { bucket: "shop-logs-7d1e2a", acl: "log-delivery-write" } },
                {
                    type: t.S3_BUCKET_ACL_V2, name: "shop-cdn-logs-acl",
                    props: aclGrants(
                        "shop-cdn-logs-7d1e2a",
                        { grantee: { type: "CanonicalUser", id: ownerId }, permission: "FULL_CONTROL" },
                        // CloudFront's log delivery account (awslogsdelivery), for standard logging.
                        { grantee: { type: "CanonicalUser", id: "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0" }, permission: "FULL_CONTROL" },
                    ),
                },
            ],
        },
        {
            title: "a public website's files through object ACLs, as Pulumi's static website template writes them: ACLs turned on (`ObjectWriter`), " +
                "`blockPublicAcls` off, and `acl: \"public-read\"` on each object",
            verdict: "fail",
            resources: [
                { type: t.S3_BUCKET, name: "www", props: { bucket: "www-7d1e2a" } },
                {
                    type: t.S3_BUCKET_OWNERSHIP_CONTROLS, name: "www-ownership", propertyDependencies: { bucket: ["www"] },
                    props: { bucket: "www-7d1e2a", rule: { objectOwnership: "ObjectWriter" } },
                },
                { type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "www-public-access", propertyDependencies: { bucket: ["www"] }, props: { bucket: "www-7d1e2a", blockPublicAcls: false } },
                {
                    type: t.S3_BUCKET_OBJECT, name: "index.html", propertyDependencies: { bucket: ["www"] },
                    props: { bucket: "www-7d1e2a", key: "index.html", content: "<h1>Shop</h1>", contentType: "text/html", acl: "public-read" },
                },
            ],
            reported: ["index.html"],
            messageIncludes: "if the object is public on purpose, such as a public website's files, exempt it with a reason",
        },
        {
            title: "objects with a public ACL that S3 refuses: in a bucket left at S3's defaults since April 2023 (ACLs off), " +
                "and in one with ACLs on whose public access block sets `blockPublicAcls`",
            verdict: "pass",
            resources: [
                { type: t.S3_BUCKET, name: "assets", props: { bucket: "assets-7d1e2a" } },
                {
                    type: t.S3_BUCKET_OBJECT, name: "logo.png", propertyDependencies: { bucket: ["assets"] },
                    props: { bucket: "assets-7d1e2a", key: "logo.png", content: "png", contentType: "image/png", acl: "public-read" },
                },
                { type: t.S3_BUCKET, name: "uploads", props: { bucket: "uploads-7d1e2a" } },
                {
                    type: t.S3_BUCKET_OWNERSHIP_CONTROLS, name: "uploads-ownership", propertyDependencies: { bucket: ["uploads"] },
                    props: { bucket: "uploads-7d1e2a", rule: { objectOwnership: "BucketOwnerPreferred" } },
                },
                {
                    type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "uploads-public-access", propertyDependencies: { bucket: ["uploads"] },
                    props: { bucket: "uploads-7d1e2a", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
                },
                {
                    type: t.S3_BUCKET_OBJECT_V2, name: "report.csv", propertyDependencies: { bucket: ["uploads"] },
                    props: { bucket: "uploads-7d1e2a", key: "report.csv", content: "a,b", acl: "public-read" },
                },
            ],
        },
        {
            title: "a public-read bucket whose public access block makes S3 ignore public ACLs (ignorePublicAcls)",
            verdict: "pass",
            docs: false,
            resources: [
                { type: t.S3_BUCKET, name: "legacy-site", props: { bucket: "legacy-site-7d1e2a", acl: "public-read", website: { indexDocument: "index.html" } } },
                {
                    type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "legacy-site-block",
                    props: { bucket: "legacy-site-7d1e2a", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
                },
            ],
        },
        {
            title: "a public bucket policy under a public access block that restricts it (restrictPublicBuckets), and an access point's own by default",
            verdict: "pass",
            docs: false,
            resources: [
                { type: t.S3_BUCKET_V2, name: "partner-drop", props: { bucket: "partner-drop-7d1e2a" } },
                {
                    type: t.S3_BUCKET_POLICY, name: "partner-drop-policy",
                    props: {
                        bucket: "partner-drop-7d1e2a",
                        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::partner-drop-7d1e2a/*" }] }),
                    },
                },
                {
                    type: t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, name: "partner-drop-block",
                    props: { bucket: "partner-drop-7d1e2a", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true },
                },
                {
                    type: t.S3_ACCESS_POINT, name: "partner-drop-ap",
                    props: {
                        bucket: "partner-drop-7d1e2a", name: "partner-drop-ap",
                        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:eu-west-1:111122223333:accesspoint/partner-drop-ap/object/*" }] }),
                    },
                },
            ],
        },
        {
            title: "a database snapshot, an AMI and an SSM document shared with every AWS account (`all`), and a CodeBuild project with public builds",
            verdict: "fail",
            resources: [
                {
                    type: t.RDS_SNAPSHOT, name: "orders-db-migration",
                    props: { dbInstanceIdentifier: "orders-db", dbSnapshotIdentifier: "orders-db-migration", sharedAccounts: ["all"] },
                },
                { type: t.EC2_AMI_LAUNCH_PERMISSION, name: "golden-ami-public", props: { imageId: "ami-0abcdef1234567890", group: "all" } },
                { type: t.SSM_DOCUMENT, name: "patch-runbook", props: ssmDocument("All") },
                { type: t.CODEBUILD_PROJECT, name: "widgets-ci", props: buildProject("PUBLIC_READ") },
            ],
        },
        {
            title: "the same shared with the accounts and the organization that need them",
            verdict: "pass",
            resources: [
                {
                    type: t.RDS_SNAPSHOT, name: "orders-db-migration",
                    props: { dbInstanceIdentifier: "orders-db", dbSnapshotIdentifier: "orders-db-migration", sharedAccounts: ["444455556666"] },
                },
                {
                    type: t.EC2_AMI_LAUNCH_PERMISSION, name: "golden-ami-org",
                    props: { imageId: "ami-0abcdef1234567890", organizationArn: `arn:aws:organizations::${account}:organization/o-a1b2c3d4e5` },
                },
                {
                    type: t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, name: "golden-ami",
                    props: {
                        name: "golden-ami",
                        distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { name: "golden-{{ imagebuilder:buildDate }}", launchPermission: { userIds: ["444455556666"] } } }],
                    },
                },
                { type: t.SSM_DOCUMENT, name: "patch-runbook", props: ssmDocument("444455556666,777788889999") },
                { type: t.CODEBUILD_PROJECT, name: "widgets-ci", props: buildProject("PRIVATE") },
            ],
        },
        {
            title: "policies built from outputs that are unknown during a preview",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [
                { type: t.S3_BUCKET_POLICY, name: "pending-doc", props: { bucket: { $unknown: "string" }, policy: { $unknown: "string" } } },
                {
                    type: t.SQS_QUEUE_POLICY, name: "pending-condition",
                    props: {
                        queueUrl: { $unknown: "string" },
                        policy: {
                            Version: "2012-10-17",
                            Statement: [{
                                Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: { $unknown: "string" },
                                Condition: { ArnEquals: { "aws:SourceArn": { $unknown: "string" } } },
                            }, {
                                Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: { $unknown: "string" },
                                Condition: { ArnEquals: { "aws:SourceArn": { $unknown: "string" } } },
                            }],
                        },
                    },
                },
                { type: t.LAMBDA_PERMISSION, name: "pending-source", props: { action: "lambda:InvokeFunction", function: { $unknown: "string" }, principal: "sns.amazonaws.com", sourceArn: { $unknown: "string" } } },
            ],
        },
    ];
}
