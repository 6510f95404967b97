// Databases must have deletion protection, so that a mistaken `pulumi destroy`, a
// replacement or a console click cannot drop them. AWS defaults it to off everywhere it says
// (Neptune Analytics' API says nothing, CloudFormation says on: a graph is reported only when the
// program turns it off). A Cognito user pool is a database of users too, whose password hashes
// cannot be exported; a CloudTrail Lake event data store one of audit events, whose termination
// protection is this flag by another name (on by default: only turning it off is reported), as is
// a QuickSight account's, kept on its account settings.
import { whenKnown } from "./lib/decided";
import { propertyRule } from "./lib/property-rule";
import { Finding, PlainResource, resourcePolicy } from "./lib/rule";
import * as t from "./lib/tokens";

/** The input that enables deletion protection, per database type (provider v7 schema). */
export const DELETION_PROTECTION_PROPERTY: Readonly<Record<string, string>> = {
    [t.RDS_INSTANCE]: "deletionProtection",
    [t.RDS_CLUSTER]: "deletionProtection",
    [t.RDS_GLOBAL_CLUSTER]: "deletionProtection",
    [t.DOCDB_CLUSTER]: "deletionProtection",
    [t.DOCDB_GLOBAL_CLUSTER]: "deletionProtection",
    [t.NEPTUNE_CLUSTER]: "deletionProtection",
    [t.NEPTUNE_GLOBAL_CLUSTER]: "deletionProtection",
    [t.DSQL_CLUSTER]: "deletionProtectionEnabled",
    [t.DYNAMODB_TABLE]: "deletionProtectionEnabled",
    // A global table's replica in another region, managed on its own (each replica has its own flag).
    [t.DYNAMODB_TABLE_REPLICA]: "deletionProtectionEnabled",
    [t.COGNITO_USER_POOL]: "deletionProtection",
    [t.NEPTUNE_GRAPH]: "deletionProtection",
    // CDK's databases, tables and user pools as pulumi-cdk sends them (CloudFormation's
    // AWS::RDS::DBInstance, DBCluster, AWS::DynamoDB::Table, AWS::Neptune::DBCluster and
    // AWS::Cognito::UserPool, all defaulting the flag to off).
    [t.NATIVE_RDS_DB_INSTANCE]: "deletionProtection",
    [t.NATIVE_RDS_DB_CLUSTER]: "deletionProtection",
    [t.NATIVE_DYNAMODB_TABLE]: "deletionProtectionEnabled",
    // The neptune-alpha DatabaseCluster: Neptune's CreateDBCluster "deletion protection is disabled by
    // default" (only the console's production template turns it on).
    [t.NATIVE_NEPTUNE_DB_CLUSTER]: "deletionProtection",
    // CDK's UserPool renders "ACTIVE" or "INACTIVE" only when its `deletionProtection` is given.
    [t.NATIVE_COGNITO_USER_POOL]: "deletionProtection",
    // Global databases, as the classic types above (AWS Config's
    // aurora-global-database-deletion-protection-enabled; CloudFormation: "The default behavior is
    // to have no deletion protection"), CDK's CfnGlobalCluster included.
    [t.NATIVE_RDS_GLOBAL_CLUSTER]: "deletionProtection",
    [t.NATIVE_DOCDB_GLOBAL_CLUSTER]: "deletionProtection",
    [t.NATIVE_NEPTUNE_GLOBAL_CLUSTER]: "deletionProtection",
    [t.NATIVE_DSQL_CLUSTER]: "deletionProtectionEnabled",
    // A collection's indexes: "You can't recover collections after you delete them" (OpenSearch
    // Serverless developer guide). Only aws-native has the input (hashicorp/terraform-provider-aws#48570).
    [t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION]: "deletionProtection",
    // A graph is deleted without a snapshot (CloudFormation's handler, as the classic provider's).
    [t.NATIVE_NEPTUNEGRAPH_GRAPH]: "deletionProtection",
    // CloudTrail Lake's audit events: DeleteEventDataStore is refused while the flag is on, and a
    // deleted store can be restored "only ... within the seven-day wait period" (RestoreEventDataStore).
    [t.CLOUDTRAIL_EVENT_DATA_STORE]: "terminationProtectionEnabled",
    [t.NATIVE_CLOUDTRAIL_EVENT_DATA_STORE]: "terminationProtectionEnabled",
    // The settings hold no data, but their flag guards the whole QuickSight account: DeleteAccountSubscription
    // is refused while it is on, and deleting it loses every dashboard, analysis, dataset and user in every
    // Region, "No recovery possible" (the API reference). Unset leaves the account's setting as it is.
    [t.QUICKSIGHT_ACCOUNT_SETTINGS]: "terminationProtectionEnabled",
};

/**
 * A global table's replicas declared on the table, each with its own flag: "You must enable
 * deletion protection on each replica" (DynamoDB's best practices for global tables). CDK's
 * TableV2 is an AWS::DynamoDB::GlobalTable (aws-native), its primary region one of its
 * replicas, each given the construct's `deletionProtection` (unset unless asked).
 */
export const REPLICA_DELETION_PROTECTION: Readonly<Record<string, string>> = {
    [t.DYNAMODB_TABLE]: "replicas[].deletionProtectionEnabled",
    [t.NATIVE_DYNAMODB_GLOBAL_TABLE]: "replicas[].deletionProtectionEnabled",
};

/**
 * The input that makes an instance a member of a cluster, whose own flag protects it:
 * AWS::RDS::DBInstance's DeletionProtection "doesn't apply to Amazon Aurora DB instances"
 * (CDK's DatabaseCluster creates its instances so). The classic provider has a type of its own
 * for them (aws.rds.ClusterInstance), not judged here.
 */
export const CLUSTER_MEMBER_INPUT: Readonly<Record<string, string>> = { [t.NATIVE_RDS_DB_INSTANCE]: "dbClusterIdentifier" };

/** Not a cluster's member: undefined while the membership input is unknown. */
const standalone = (r: PlainResource) => {
    const input = CLUSTER_MEMBER_INPUT[r.type];
    return input === undefined ? true : whenKnown(r.props[input], (v) => v === undefined || v === null || v === "");
};

// Only a declared false is reported where an unset flag may be on: Neptune Analytics documents no
// default for its graphs' flag (the provider's own example sets false); CloudFormation sends an
// aws-native DSQL cluster's only when set, and DSQL's CreateCluster turns it on (its user guide:
// the response shows `"deletionProtectionEnabled": true`; `--no-deletion-protection-enabled` to disable).
// Neither the CloudFormation schema nor the CreateCollection reference documents a default for an
// OpenSearch Serverless collection's. CloudFormation's Graph: "If not specified, the default value is true".
// CloudTrail Lake: "By default, TerminationProtection is enabled" (UpdateEventDataStore; the provider's schema: "Default: true").
// QuickSight's account settings send the flag only when set (UpdateAccountSettings leaves it as it is).
const UNSET_NOT_REPORTED: ReadonlySet<string> = new Set([
    t.NEPTUNE_GRAPH, t.NATIVE_DSQL_CLUSTER, t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION, t.NATIVE_NEPTUNEGRAPH_GRAPH,
    t.CLOUDTRAIL_EVENT_DATA_STORE, t.NATIVE_CLOUDTRAIL_EVENT_DATA_STORE, t.QUICKSIGHT_ACCOUNT_SETTINGS,
]);

// A global database's flag stops only deleting the global database itself: AWS refuses that while a
// cluster is a member, and the provider detaches the members first, which keep their data.
const GLOBAL_DATABASES: ReadonlySet<string> = new Set([
    t.RDS_GLOBAL_CLUSTER, t.DOCDB_GLOBAL_CLUSTER, t.NEPTUNE_GLOBAL_CLUSTER,
    t.NATIVE_RDS_GLOBAL_CLUSTER, t.NATIVE_DOCDB_GLOBAL_CLUSTER, t.NATIVE_NEPTUNE_GLOBAL_CLUSTER,
]);

/** The values that turn the flag on and off where it is not a boolean, and what the message calls the resource. */
const USER_POOL_FLAG = { on: "ACTIVE", off: "INACTIVE", what: "user pool" };
const ENUM_FLAG: Readonly<Record<string, { on: string; off: string; what: string }>> = {
    [t.COGNITO_USER_POOL]: USER_POOL_FLAG,
    [t.NATIVE_COGNITO_USER_POOL]: USER_POOL_FLAG,
    [t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION]: { on: "ENABLED", off: "DISABLED", what: "collection" },
};

/** What the message calls a resource that is not a database. */
const NOT_A_DATABASE: Readonly<Record<string, string>> = {
    [t.CLOUDTRAIL_EVENT_DATA_STORE]: "event data store and its audit events",
    [t.NATIVE_CLOUDTRAIL_EVENT_DATA_STORE]: "event data store and its audit events",
    [t.QUICKSIGHT_ACCOUNT_SETTINGS]: "QuickSight account and its dashboards, analyses, datasets and users",
};

const FLAGS: readonly { type: string; path: string }[] = [
    ...Object.entries(DELETION_PROTECTION_PROPERTY).map(([type, path]) => ({ type, path })),
    ...Object.entries(REPLICA_DELETION_PROTECTION).map(([type, path]) => ({ type, path })),
];

const rule = propertyRule(FLAGS.map(({ type, path }) => {
    const flag = ENUM_FLAG[type];
    const on = flag?.on;
    const property = path.slice(path.lastIndexOf(".") + 1);
    const replica = path !== property;
    // The provider, not AWS, sends false for an unset flag of a replica block and of DSQL (whose
    // API turns it on); CloudFormation's replica specification is "disabled by default".
    const defaultedBy = (replica && type === t.DYNAMODB_TABLE) || type === t.DSQL_CLUSTER ? "the provider" : "AWS";
    const what = flag ? flag.what : replica ? "replica" : GLOBAL_DATABASES.has(type) ? "global database (its member clusters keep their own flags)" : NOT_A_DATABASE[type] ?? "database";
    return {
        types: [type],
        property: path,
        appliesTo: standalone,
        unset: UNSET_NOT_REPORTED.has(type) ? undefined
            : flag ? { value: flag.off, note: `the API defaults it to ${flag.off}; only the console turns it on` }
            : { value: false, note: `${defaultedBy} defaults it to false` },
        accepts: (value: unknown) => value === (on ?? true),
        expected: on ? `"${on}"` : "the boolean true",
        shownStrings: flag ? [flag.off] : undefined,
        fix: `Set \`${property}: ${on ? `"${on}"` : "true"}\`${replica ? " on the replica" : ""} so the ${what} cannot be deleted by accident; ` +
            "turn it off in a separate update before decommissioning.",
    };
}));

/** The pure rule (the policy has no config of its own). */
export function findMissingDeletionProtection(resource: PlainResource): Finding[] {
    return rule.check(resource, {});
}

export const rdsDeletionProtection = resourcePolicy({
    name: "rds-deletion-protection",
    displayName: "Databases have deletion protection",
    description: "RDS, Aurora, DocumentDB, Neptune, DSQL and DynamoDB databases and global clusters (also their aws-native types, as pulumi-cdk sends CDK's), " +
        "and Cognito user pools, must enable deletion protection; Neptune Analytics graphs, aws-native DSQL clusters, aws-native OpenSearch Serverless collections, " +
        "CloudTrail Lake event data stores and QuickSight accounts (termination protection) must not turn it off.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Set `deletionProtection: true` (DynamoDB and DSQL: `deletionProtectionEnabled: true`; Cognito user pools: " +
        "`deletionProtection: \"ACTIVE\"`; CloudTrail Lake event data stores and QuickSight account settings: " +
        "`terminationProtectionEnabled: true`) on the resource.",
    tags: ["aws", "rds", "dynamodb", "cognito", "data-protection"],
    // Security Hub's AWS Foundational Security Best Practices controls for this flag. CIS AWS
    // Foundations has no deletion-protection control.
    framework: {
        name: "AWS Foundational Security Best Practices",
        version: "1.0.0",
        reference: "RDS.8",
        specification: "RDS DB instances should have deletion protection enabled; also RDS.7 (RDS clusters), " +
            "DocumentDB.5, Neptune.4 and DynamoDB.6 (the same flag on those databases), and AWS Config's " +
            "cognito-user-pool-deletion-protection-enabled for Cognito user pools.",
    },
    configSchema: { properties: {} },
    resourceTypes: rule.resourceTypes,
    check: findMissingDeletionProtection,
    examples: [
        {
            title: "an RDS instance that leaves deletion protection unset, and a DynamoDB table with the RDS-style flag it does not have",
            verdict: "fail",
            demo: true,
            resources: [
                {
                    type: t.RDS_INSTANCE, name: "orders-db",
                    props: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true },
                },
                {
                    type: t.DYNAMODB_TABLE, name: "sessions",
                    props: { billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }], deletionProtection: true },
                },
            ],
            messageIncludes: "Set `deletion",
        },
        {
            title: "an Aurora cluster that turns deletion protection off",
            verdict: "fail",
            resources: [{
                type: t.RDS_CLUSTER, name: "orders-aurora",
                props: { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true, deletionProtection: false },
            }],
            messageIncludes: "deletionProtection is false",
        },
        {
            title: "a Cognito user pool that leaves deletion protection to the API's default, INACTIVE",
            verdict: "fail",
            resources: [{
                type: t.COGNITO_USER_POOL, name: "customers",
                props: { name: "customers", usernameAttributes: ["email"], autoVerifiedAttributes: ["email"], mfaConfiguration: "OPTIONAL" },
            }],
            messageIncludes: "deletionProtection is not set",
        },
        {
            title: "a Neptune Analytics graph that turns deletion protection off, as the provider's example does (one that leaves it unset passes: AWS documents no default)",
            verdict: "fail",
            resources: [
                { type: t.NEPTUNE_GRAPH, name: "fraud-graph", props: { graphName: "fraud-graph", provisionedMemory: 16, deletionProtection: false, publicConnectivity: false, replicaCount: 1 } },
                { type: t.NEPTUNE_GRAPH, name: "recs-graph", props: { graphName: "recs-graph", provisionedMemory: 16, publicConnectivity: false, replicaCount: 1 } },
            ],
            reported: ["fraud-graph"],
            messageIncludes: "deletionProtection is false",
        },
        {
            title: "the same user pool with deletion protection ACTIVE",
            verdict: "pass",
            resources: [{
                type: t.COGNITO_USER_POOL, name: "customers", protect: true,
                props: { name: "customers", usernameAttributes: ["email"], autoVerifiedAttributes: ["email"], mfaConfiguration: "OPTIONAL", deletionProtection: "ACTIVE" },
            }],
        },
        {
            title: "the same databases with deletion protection on",
            verdict: "pass",
            demo: true,
            resources: [
                {
                    type: t.RDS_INSTANCE, name: "orders-db", protect: true,
                    props: {
                        engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true,
                        deletionProtection: true, storageEncrypted: true, backupRetentionPeriod: 7,
                    },
                },
                {
                    type: t.DYNAMODB_TABLE, name: "sessions", protect: true,
                    props: {
                        billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }], deletionProtectionEnabled: true,
                        pointInTimeRecovery: { enabled: true },
                    },
                },
            ],
        },
        {
            title: "a flag computed from another resource's output during a preview",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [{ type: t.RDS_INSTANCE, name: "db", props: { engine: "postgres", deletionProtection: { $unknown: "boolean" } } }],
        },
    ],
});
