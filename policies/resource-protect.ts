// Stateful resources whose deletion loses data or keys must carry the `protect` resource
// option, so that `pulumi destroy`, a deleted line of code or a replacement fails instead
// of deleting them. Deleting one then takes a deliberate `pulumi state unprotect` first.
//
// How `protect` reaches the pack, and what a protected parent means:
// - The SDK, not the engine, resolves inheritance. @pulumi/pulumi 3.x resource.js (Resource
//   constructor): `if (opts.protect === undefined) opts.protect = parent.__protect;` and
//   runtime/resource.js sends `protect` in RegisterResourceRequest only when it is defined.
//   `__protect` is itself the resolved value, so a whole subtree under a protected
//   component is registered with `protect: true`; an explicit `protect: false` on a child
//   wins over its parent.
// - The engine stores what the SDK sent (step_generator.go: `protectState = *goal.Protect`,
//   false when unset) and hands that to Analyze and AnalyzeStack; it never consults the
//   parent. `pulumi stack export` shows the same per-resource flag.
// - The engine also enforces protect per resource: DeleteStep refuses only when that
//   resource's own state says protect, and children are deleted before their parents.
//
// So a resource under a protected component with its own flag false can occur: an explicit
// `protect: false` on the child, `pulumi state protect` run on the component only, or a Go
// program built with an SDK older than pulumi/pulumi#17936 (which did not inherit, #12431).
// The parent's flag does not stop that child being deleted, so it is a violation.
// test/resource-protect.test.ts records the SDK's RegisterResourceRequests to pin this down.
//
// A stack policy, because the types are globs from config while the glue's per-resource
// filter is a set of exact tokens fixed at load; seeing every resource also lets the message
// name the protected ancestor. Trade-off: stack policies run once every resource is
// registered, so in `pulumi up` a mandatory violation fails the update at its end rather than
// before the resource is created; `pulumi preview` reports it before any change.
import { globList } from "./lib/config";
import { Decided } from "./lib/decided";
import { FORCE_DELETE } from "./lib/force-delete";
import { compileGlob } from "./lib/glob";
import { globalSecondaries, isSet, notReplica, oneOf } from "./lib/replicas";
import { indexReferences } from "./lib/references";
import { Finding, PlainResource, PolicyExample, stackPolicy } from "./lib/rule";
import * as t from "./lib/tokens";
import { isUnknown } from "./lib/values";

const NAME = "resource-protect";

/**
 * The default critical types and why each is there (shown in docs/policies/resource-protect.md,
 * with the rule and the borderline decisions). The rule: deleting a resource of the type can
 * destroy data that the program cannot recreate, either outright or through a flag the
 * provider offers (forceDestroy). Derived by reviewing every type token of @pulumi/aws 7.48.
 */
export const CRITICAL_RESOURCE_TYPES: Readonly<Record<string, string>> = {
    // Databases.
    [t.RDS_INSTANCE]: "RDS database: deleting it drops the data (automated backups go with it unless retained).",
    [t.RDS_CLUSTER]: "Aurora or Multi-AZ DB cluster: owns the cluster volume; deleting it drops the data.",
    [t.DOCDB_CLUSTER]: "DocumentDB cluster: owns the cluster volume; deleting it drops the data.",
    [t.DOCDB_ELASTIC_CLUSTER]: "DocumentDB elastic cluster: as above, and the provider offers no final snapshot.",
    [t.NEPTUNE_CLUSTER]: "Neptune cluster: owns the graph's storage; deleting it drops the data.",
    [t.NEPTUNE_GRAPH]: "Neptune Analytics graph: the provider always deletes it without a snapshot.",
    [t.DSQL_CLUSTER]: "Aurora DSQL cluster: deleting it drops the database.",
    [t.REDSHIFT_CLUSTER]: "Redshift cluster: deleting it drops the warehouse (unless a final snapshot is taken).",
    [t.REDSHIFT_SERVERLESS_NAMESPACE]: "Redshift Serverless namespace: holds the warehouse's databases; the provider offers no final snapshot.",
    [t.DYNAMODB_TABLE]: "DynamoDB table: deleting it drops every item and the point-in-time-recovery history.",
    [t.KEYSPACES_KEYSPACE]: "Keyspaces keyspace: deleting it deletes every table in it, including tables created with CQL outside the program.",
    [t.KEYSPACES_TABLE]: "Keyspaces table: deleting it drops its rows.",
    [t.TIMESTREAM_TABLE]: "Timestream table: AWS cannot recover a deleted table's time-series data.",
    [t.TIMESTREAM_INFLUXDB_INSTANCE]: "Timestream for InfluxDB instance: deleting it drops the database.",
    [t.TIMESTREAM_INFLUXDB_CLUSTER]: "Timestream for InfluxDB cluster: deleting it drops the database.",
    [t.LIGHTSAIL_DATABASE]: "Lightsail managed database: deleting it drops the data (unless a final snapshot is taken).",
    [t.ODB_CLOUD_VM_CLUSTER]: "Oracle Database@AWS VM cluster: the Oracle databases live on it.",
    [t.ODB_CLOUD_AUTONOMOUS_VM_CLUSTER]: "Oracle Database@AWS Autonomous VM cluster: the Autonomous databases live on it.",
    [t.FINSPACE_KX_DATABASE]: "FinSpace kdb database: deleting it drops the market data loaded into it.",
    // In-memory stores.
    [t.ELASTICACHE_REPLICATION_GROUP]: "ElastiCache Redis OSS/Valkey replication group: often a primary store (sessions, queues); no final snapshot unless named.",
    [t.ELASTICACHE_SERVERLESS_CACHE]: "ElastiCache serverless cache: as above, and the provider offers no final snapshot. Not a Memcached one, a cache the application fills again.",
    [t.MEMORYDB_CLUSTER]: "MemoryDB cluster: a durable primary database; deleting it drops the data.",
    // Search and analytics.
    [t.OPENSEARCH_DOMAIN]: "OpenSearch domain: deleting it deletes the indices.",
    [t.ELASTICSEARCH_DOMAIN]: "Elasticsearch domain (legacy token, still in v7): the same service and indices as OpenSearch.",
    [t.OPENSEARCH_SERVERLESS_COLLECTION]: "OpenSearch Serverless collection: deleting it deletes the indices, with no snapshot.",
    // Files and blocks.
    [t.EFS_FILE_SYSTEM]: "EFS file system: deleting it deletes the files.",
    [t.FSX_LUSTRE_FILE_SYSTEM]: "FSx for Lustre file system: deleting it deletes the files, by default without a final backup.",
    [t.FSX_WINDOWS_FILE_SYSTEM]: "FSx for Windows File Server file system: deleting it deletes the files.",
    [t.FSX_ONTAP_FILE_SYSTEM]: "FSx for NetApp ONTAP file system: its storage virtual machines and volumes live on it.",
    [t.FSX_ONTAP_VOLUME]: "FSx for ONTAP volume: deleting it deletes the files.",
    [t.FSX_OPENZFS_FILE_SYSTEM]: "FSx for OpenZFS file system: deleting it deletes the files.",
    [t.FSX_OPENZFS_VOLUME]: "FSx for OpenZFS volume: deleting it deletes the files and the volume's snapshots.",
    [t.EBS_VOLUME]: "Standalone EBS volume: deleting it deletes the disk's data.",
    [t.EBS_VOLUME_COPY]: "EBS volume created as a copy: a real volume that then takes writes; deleting it deletes them.",
    [t.LIGHTSAIL_DISK]: "Lightsail block storage disk: deleting it deletes the disk's data.",
    [t.STORAGEGATEWAY_CACHED_VOLUME]: "Storage Gateway cached volume: the primary copy of the data lives in AWS and goes with it.",
    [t.WORKSPACES_WORKSPACE]: "WorkSpace: terminating it deletes the user volume with the user's files.",
    // Objects, tables and vectors.
    [t.S3_BUCKET]: "S3 bucket (v7 token): holds objects; with forceDestroy a delete empties it first, and the name can be taken by others.",
    [t.S3_BUCKET_V2]: "S3 bucket (deprecated BucketV2 token, still in many programs): as above.",
    [t.S3_DIRECTORY_BUCKET]: "S3 directory bucket (Express One Zone): holds objects; with forceDestroy a delete empties it first.",
    [t.S3TABLES_TABLE_BUCKET]: "S3 table bucket: with forceDestroy a delete deletes every table and namespace in it.",
    [t.S3TABLES_TABLE]: "S3 table: deleting it deletes the Iceberg table's data.",
    [t.S3_VECTORS_BUCKET]: "S3 vector bucket: with forceDestroy a delete deletes every index and vector in it.",
    [t.S3_VECTORS_INDEX]: "S3 vector index: deleting it deletes the vectors the application inserted.",
    [t.LIGHTSAIL_BUCKET]: "Lightsail bucket: holds objects; with forceDelete a delete empties it first.",
    // Source code.
    [t.CODECOMMIT_REPOSITORY]: "CodeCommit repository: deleting it deletes the history, pull requests and comments that clones do not carry; it cannot be undone.",
    [t.CODECATALYST_SOURCE_REPOSITORY]: "CodeCatalyst source repository: as above.",
    // Backups and snapshots: the copies meant to outlive their source.
    [t.BACKUP_VAULT]: "Backup vault: with forceDestroy a delete deletes every recovery point in it.",
    [t.RDS_SNAPSHOT]: "RDS DB snapshot: a past state of a database that cannot be taken again.",
    [t.RDS_SNAPSHOT_COPY]: "Copy of an RDS DB snapshot (often the cross-Region disaster-recovery copy): as above.",
    [t.RDS_CLUSTER_SNAPSHOT]: "Aurora or Multi-AZ DB cluster snapshot: as above.",
    [t.RDS_CLUSTER_SNAPSHOT_COPY]: "Copy of a DB cluster snapshot: as above.",
    [t.DOCDB_CLUSTER_SNAPSHOT]: "DocumentDB cluster snapshot: as above.",
    [t.NEPTUNE_CLUSTER_SNAPSHOT]: "Neptune cluster snapshot: as above.",
    [t.REDSHIFT_CLUSTER_SNAPSHOT]: "Redshift cluster snapshot: as above.",
    [t.REDSHIFT_SERVERLESS_SNAPSHOT]: "Redshift Serverless snapshot: as above, and the only way to keep a namespace's data past its deletion.",
    [t.MEMORYDB_SNAPSHOT]: "MemoryDB snapshot: as above.",
    [t.EBS_SNAPSHOT]: "EBS snapshot: a volume backup that cannot be taken again.",
    [t.EBS_SNAPSHOT_COPY]: "Copy of an EBS snapshot (often in another Region): as above.",
    [t.FSX_BACKUP]: "FSx backup: a file system backup that cannot be taken again.",
    // Keys, secrets and certificate authorities.
    [t.KMS_KEY]: "KMS key: deletion is final after the waiting period; everything encrypted under it becomes unreadable.",
    [t.KMS_EXTERNAL_KEY]: "KMS key with imported material: as above, and the material is gone unless kept elsewhere.",
    [t.CLOUDHSM_CLUSTER]: "CloudHSM cluster: its keys survive only in its backups, for their retention period.",
    [t.PAYMENT_CRYPTOGRAPHY_KEY]: "Payment Cryptography key: key material that cannot be recreated; AWS waits only 7 days by default.",
    [t.ACMPCA_CERTIFICATE_AUTHORITY]: "Private certificate authority: its private key cannot be recreated, and every certificate it issued chains to it.",
    [t.SECRETS_MANAGER_SECRET]: "Secrets Manager secret: deletion destroys the secret's versions (often rotated outside the program) after the recovery window. " +
        "Not reported when a SecretVersion of the stack writes its value and nothing rotates it.",
    // Identity and directories.
    [t.COGNITO_USER_POOL]: "Cognito user pool: users and password hashes cannot be exported or restored.",
    [t.COGNITO_IDENTITY_POOL]: "Cognito identity pool: deleting it deletes the identity IDs that applications key user data by.",
    [t.DIRECTORY_SERVICE_DIRECTORY]: "Directory Service directory: deleting it deletes the users, groups, policies and computer accounts in it. " +
        "Not an AD Connector, which keeps the directory on your own domain controllers.",
    [t.WORKMAIL_ORGANIZATION]: "WorkMail organization: deleting it deletes every mailbox.",
    [t.ORGANIZATIONS_ACCOUNT]: "AWS account: deleting it removes the account from the organization, or with closeOnDeletion closes it with everything in it.",
    // Names.
    [t.ROUTE53_ZONE]: "Route 53 hosted zone: a recreated zone gets new name servers, breaking delegation, and loses its records.",
    [t.ROUTE53_DOMAINS_DOMAIN]: "Registered domain: deleting it deregisters the domain, which anyone may then register.",
    [t.LIGHTSAIL_DOMAIN]: "Lightsail DNS zone: as a Route 53 hosted zone.",
    // Audit, compliance and customer data.
    [t.CLOUDTRAIL_EVENT_DATA_STORE]: "CloudTrail Lake event data store: deleting it deletes the audit events it kept.",
    [t.MAILMANAGER_ARCHIVE]: "Mail Manager archive: deleting it deletes the email archived for compliance.",
    [t.CUSTOMERPROFILES_DOMAIN]: "Customer Profiles domain: deleting it deletes all of its customer data.",
    [t.CONNECT_INSTANCE]: "Amazon Connect instance: deleting it deletes the contact center's users, flows and data, and releases its phone numbers.",
    // CDK apps through pulumi-cdk (which sends CloudFormation types as aws-native ones), and
    // programs that write aws-native: the equivalents of the types above, for the same reasons.
    [t.NATIVE_RDS_DB_INSTANCE]: "RDS database (CloudFormation's AWS::RDS::DBInstance): as the classic type. Not a read replica nor an Aurora cluster's instance.",
    [t.NATIVE_RDS_DB_CLUSTER]: "Aurora or Multi-AZ DB cluster (AWS::RDS::DBCluster): as the classic type.",
    [t.NATIVE_DOCDB_ELASTIC_CLUSTER]: "DocumentDB elastic cluster (AWS::DocDBElastic::Cluster): as the classic type.",
    [t.NATIVE_NEPTUNE_DB_CLUSTER]: "Neptune cluster (AWS::Neptune::DBCluster): as the classic type.",
    [t.NATIVE_REDSHIFT_CLUSTER]: "Redshift cluster (AWS::Redshift::Cluster): as the classic type.",
    [t.NATIVE_REDSHIFT_SERVERLESS_NAMESPACE]: "Redshift Serverless namespace (AWS::RedshiftServerless::Namespace): as the classic type.",
    [t.NATIVE_DYNAMODB_TABLE]: "DynamoDB table (AWS::DynamoDB::Table, CDK's Table): as the classic type.",
    [t.NATIVE_DYNAMODB_GLOBAL_TABLE]: "DynamoDB global table (AWS::DynamoDB::GlobalTable, CDK's TableV2): deleting it deletes the table in every Region it lists.",
    [t.NATIVE_ELASTICACHE_REPLICATION_GROUP]: "ElastiCache replication group (AWS::ElastiCache::ReplicationGroup): as the classic type.",
    [t.NATIVE_ELASTICACHE_SERVERLESS_CACHE]: "ElastiCache serverless cache (AWS::ElastiCache::ServerlessCache): as the classic type, Memcached ones left out.",
    [t.NATIVE_MEMORYDB_CLUSTER]: "MemoryDB cluster (AWS::MemoryDB::Cluster): as the classic type.",
    [t.NATIVE_OPENSEARCH_DOMAIN]: "OpenSearch domain (AWS::OpenSearchService::Domain): as the classic type.",
    [t.NATIVE_EFS_FILE_SYSTEM]: "EFS file system (AWS::EFS::FileSystem): as the classic type.",
    [t.NATIVE_EC2_VOLUME]: "EBS volume (AWS::EC2::Volume): as the classic type.",
    [t.NATIVE_S3_BUCKET]: "S3 bucket (AWS::S3::Bucket): holds objects; S3 refuses to delete it while it holds any, but CDK's autoDeleteObjects empties it first.",
    [t.NATIVE_BACKUP_VAULT]: "Backup vault (AWS::Backup::BackupVault): holds the recovery points; refused while it holds any.",
    [t.NATIVE_KMS_KEY]: "KMS key (AWS::KMS::Key): as the classic type. Not a replica key.",
    [t.NATIVE_SECRETSMANAGER_SECRET]: "Secrets Manager secret (AWS::SecretsManager::Secret): as the classic type. " +
        "Not reported when the program writes its `secretString` and no RotationSchedule of the stack rotates it.",
    [t.NATIVE_COGNITO_USER_POOL]: "Cognito user pool (AWS::Cognito::UserPool): as the classic type.",
    [t.NATIVE_ROUTE53_HOSTED_ZONE]: "Route 53 hosted zone (AWS::Route53::HostedZone): as the classic type; refused while it holds records other than its NS and SOA.",
    [t.NATIVE_CLOUDTRAIL_EVENT_DATA_STORE]: "CloudTrail Lake event data store (AWS::CloudTrail::EventDataStore): as the classic type.",
    [t.NATIVE_DSQL_CLUSTER]: "Aurora DSQL cluster (AWS::DSQL::Cluster, CDK's dsql-alpha Cluster): as the classic type.",
    [t.NATIVE_S3TABLES_TABLE]: "S3 table (AWS::S3Tables::Table): as the classic type.",
    [t.NATIVE_CASSANDRA_KEYSPACE]: "Keyspaces keyspace (AWS::Cassandra::Keyspace): as the classic type.",
    [t.NATIVE_CASSANDRA_TABLE]: "Keyspaces table (AWS::Cassandra::Table): as the classic type.",
    [t.NATIVE_TIMESTREAM_TABLE]: "Timestream table (AWS::Timestream::Table): as the classic type.",
    [t.NATIVE_TIMESTREAM_INFLUXDB_INSTANCE]: "Timestream for InfluxDB instance (AWS::Timestream::InfluxDBInstance): as the classic type.",
    [t.NATIVE_TIMESTREAM_INFLUXDB_CLUSTER]: "Timestream for InfluxDB cluster (AWS::Timestream::InfluxDBCluster): as the classic type.",
    [t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION]: "OpenSearch Serverless collection (AWS::OpenSearchServerless::Collection): as the classic type.",
    [t.NATIVE_S3VECTORS_INDEX]: "S3 vector index (AWS::S3Vectors::Index): as the classic type.",
    [t.NATIVE_COGNITO_IDENTITY_POOL]: "Cognito identity pool (AWS::Cognito::IdentityPool): as the classic type.",
    [t.NATIVE_ACMPCA_CERTIFICATE_AUTHORITY]: "Private certificate authority (AWS::ACMPCA::CertificateAuthority): as the classic type.",
    [t.NATIVE_FSX_VOLUME]: "FSx for ONTAP or OpenZFS volume (AWS::FSx::Volume): as the classic types.",
    [t.NATIVE_WORKSPACES_WORKSPACE]: "WorkSpace (AWS::WorkSpaces::Workspace): as the classic type.",
    [t.NATIVE_RDS_DB_SNAPSHOT]: "RDS DB snapshot (aws-native): as the classic type.",
    [t.NATIVE_RDS_CLUSTER_SNAPSHOT]: "Aurora or Multi-AZ DB cluster snapshot (aws-native): as the classic type.",
    [t.NATIVE_REDSHIFT_SERVERLESS_SNAPSHOT]: "Redshift Serverless snapshot (AWS::RedshiftServerless::Snapshot): as the classic type.",
    [t.NATIVE_NEPTUNEGRAPH_GRAPH]: "Neptune Analytics graph (AWS::NeptuneGraph::Graph): as the classic type; CloudFormation deletes it without a snapshot too.",
    [t.NATIVE_NEPTUNEGRAPH_GRAPH_SNAPSHOT]: "Neptune Analytics graph snapshot (AWS::NeptuneGraph::GraphSnapshot): a past state of a graph that cannot be taken again, " +
        "and the only copy of a deleted graph's data.",
    [t.NATIVE_DIRECTORYSERVICE_SIMPLE_AD]: "Simple AD directory (AWS::DirectoryService::SimpleAD): as the classic directory.",
    [t.NATIVE_PAYMENTCRYPTOGRAPHY_KEY]: "Payment Cryptography key (AWS::PaymentCryptography::Key): as the classic type.",
    [t.NATIVE_CONNECT_INSTANCE]: "Amazon Connect instance (AWS::Connect::Instance): as the classic type.",
    [t.NATIVE_CUSTOMERPROFILES_DOMAIN]: "Customer Profiles domain (AWS::CustomerProfiles::Domain): as the classic type.",
    [t.NATIVE_MAILMANAGER_ARCHIVE]: "Mail Manager archive (AWS::SES::MailManagerArchive): as the classic type.",
    [t.NATIVE_ORGANIZATIONS_ACCOUNT]: "AWS account (AWS::Organizations::Account): deleting it always closes the account (CloudFormation's handler calls CloseAccount), " +
        "and AWS deletes everything in it after the 90-day post-closure period.",
    // CloudFormation's Lightsail handlers delete the database with skipFinalSnapshot and the bucket with
    // forceDelete, always (aws-cloudformation-resource-providers-lightsail, Translator.translateToDeleteRequest).
    [t.NATIVE_LIGHTSAIL_DATABASE]: "Lightsail managed database (AWS::Lightsail::Database): as the classic type, and CloudFormation deletes it without a final snapshot.",
    [t.NATIVE_LIGHTSAIL_DISK]: "Lightsail block storage disk (AWS::Lightsail::Disk): as the classic type.",
    [t.NATIVE_LIGHTSAIL_BUCKET]: "Lightsail bucket (AWS::Lightsail::Bucket): as the classic type, and CloudFormation always force-deletes it with its objects.",
    [t.NATIVE_LIGHTSAIL_DATABASE_SNAPSHOT]: "Lightsail database snapshot (AWS::Lightsail::DatabaseSnapshot): as an RDS DB snapshot.",
    [t.NATIVE_LIGHTSAIL_DISK_SNAPSHOT]: "Lightsail disk snapshot (AWS::Lightsail::DiskSnapshot): as an EBS snapshot.",
};

export const DEFAULT_CRITICAL_RESOURCE_TYPES: readonly string[] = Object.keys(CRITICAL_RESOURCE_TYPES);

export interface ResourceProtectConfig {
    criticalResourceTypes: string[];
}

/** The first criticalResourceTypes glob the type matches, if any. */
export function criticalTypePattern(type: string, patterns: readonly string[]): string | undefined {
    return patterns.find((p) => compileGlob(p)(type));
}

// The stack itself cannot be given resource options, and providers hold no data
// (default providers cannot be given options either), so a broad glob such as `*`
// does not make them violations.
function neverCritical(type: string): boolean {
    return type === t.STACK || type.startsWith("pulumi:providers:");
}

export function findUnprotectedCriticalResources(resources: readonly PlainResource[], config: ResourceProtectConfig): Finding[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const findings: Finding[] = [];
    let filledByProgram: ReadonlySet<PlainResource> | undefined;
    const isSecondary = globalSecondaries(resources);
    for (const resource of resources) {
        if (resource.protect === true || neverCritical(resource.type) || !ownsItsData(resource)) continue;
        const pattern = criticalTypePattern(resource.type, config.criticalResourceTypes);
        if (pattern === undefined || isSecondary(resource)) continue;
        if (SECRET_TYPES.has(resource.type) && (filledByProgram ??= secretsFilledByTheProgram(resources)).has(resource)) continue;
        const ancestor = protectedAncestor(resource, byUrn);
        const parent = ancestor || resource.parent === undefined ? undefined : byUrn.get(resource.parent);
        findings.push({ message: unprotectedMessage(resource, pattern, ancestor, parent), resource: { urn: resource.urn, type: resource.type, name: resource.name } });
    }
    return findings;
}

/**
 * Read replicas, cross-Region replica clusters and global-database secondaries hold a copy:
 * deleting one loses nothing (as KMS replica keys and DynamoDB table replicas, never listed).
 * Nor do the resources of a listed type that keep their data elsewhere. One decided by a value
 * unknown at preview is not reported either.
 */
function ownsItsData(resource: PlainResource): boolean {
    const notACopy = notReplica[resource.type];
    const elsewhere = KEEPS_DATA_ELSEWHERE[resource.type];
    return (notACopy === undefined || notACopy(resource.props) === true) && (elsewhere === undefined || elsewhere(resource.props) === false);
}

/**
 * A serverless Memcached cache holds what the application fills again: Memcached is AWS's
 * choice "to cache objects" (ElastiCache's engine guide), as node-based clusters, mostly
 * Memcached, are left out of the list.
 */
const memcached = (p: Record<string, unknown>): Decided => oneOf(p, "engine", ["memcached"]);

/** Listed types whose resource may keep no data of its own: true when this one does not, undefined while that is unknown. */
const KEEPS_DATA_ELSEWHERE: Readonly<Record<string, (props: Record<string, unknown>) => Decided>> = {
    [t.ELASTICACHE_SERVERLESS_CACHE]: memcached,
    [t.NATIVE_ELASTICACHE_SERVERLESS_CACHE]: memcached,
    // An AD Connector: "all of your directory data remains on your domain controllers. AWS Directory
    // Service does not replicate any of your directory data" (Directory Service admin guide, "Getting
    // started with AD Connector"). An unset type is the provider's SimpleAD.
    [t.DIRECTORY_SERVICE_DIRECTORY]: (p) => oneOf(p, "type", ["adconnector"]),
};

const SECRET_TYPES: ReadonlySet<string> = new Set([t.SECRETS_MANAGER_SECRET, t.NATIVE_SECRETSMANAGER_SECRET]);
const ROTATION_TYPES: ReadonlySet<string> = new Set([t.SECRETS_MANAGER_SECRET_ROTATION, t.NATIVE_SECRETSMANAGER_ROTATION_SCHEDULE]);

/**
 * Secrets whose value the program writes: a SecretVersion of the stack takes its `secretId`
 * from the secret, does not ignore changes to its value (an aws-native secret: it sets its own
 * `secretString`, not a generated one), no SecretRotation (aws-native: RotationSchedule) of the
 * stack rotates it, and it is not a managed external secret (`type`, rotated by a partner). The
 * next `pulumi up` writes the value again, as it recreates an SSM parameter or the SecretVersion
 * itself, which the list leaves out for that reason. A secret filled or rotated outside the
 * program is still reported.
 */
export function secretsFilledByTheProgram(resources: readonly PlainResource[]): ReadonlySet<PlainResource> {
    // `secretId` takes the ARN (the secret's id; aws-native's Ref) or the name.
    const secrets = indexReferences(resources, (r) => SECRET_TYPES.has(r.type), ["id", "arn", "name"]);
    /**
     * The stack's secrets a SecretVersion or SecretRotation targets; undefined when that cannot be
     * told. At preview an unknown `secretId` built from the same source as new secrets' names (a
     * random suffix) names one of them.
     */
    const targets = (r: PlainResource): readonly PlainResource[] | undefined => {
        const found = secrets.lookup(r.props.secretId, r.propertyDependencies.secretId);
        if (found.length > 0 || !isUnknown(r.props.secretId)) return found;
        const built = secrets.builtFrom(secrets.unresolvedSources(r.props.secretId, r.propertyDependencies.secretId));
        return built.length > 0 ? built : undefined;
    };
    const filled = new Set<PlainResource>();
    for (const r of resources) {
        // CloudFormation's GenerateSecretString makes a random value: a recreated secret gets another.
        // A value unknown at preview is still the program's (another resource's output).
        if (r.type === t.NATIVE_SECRETSMANAGER_SECRET && isSet(r.props, "secretString") !== false && isSet(r.props, "generateSecretString") !== true) filled.add(r);
        if (r.type !== t.SECRETS_MANAGER_SECRET_VERSION || writesOnlyAPlaceholder(r)) continue;
        for (const s of targets(r) ?? []) filled.add(s);
    }
    for (const r of resources) {
        if (!ROTATION_TYPES.has(r.type)) continue;
        const rotated = targets(r);
        if (rotated === undefined) return new Set(); // it may rotate any of them
        for (const s of rotated) filled.delete(s);
    }
    // A managed external secret, or one whose type is not known yet.
    for (const s of filled) if (isSet(s.props, "type") !== false) filled.delete(s);
    return filled;
}

/**
 * A SecretVersion whose value the program sets only when it creates it: `ignoreChanges` on the
 * value, the placeholder-then-console idiom of public programs ("set the real value once in the
 * AWS console ... ignoreChanges means Pulumi never overwrites the value you set"). Pulumi uses an
 * ignored property's program value when there is no previous state, so a recreated secret gets
 * the placeholder back and the value set by hand is lost.
 */
function writesOnlyAPlaceholder(version: PlainResource): boolean {
    return (version.ignoreChanges ?? []).some((path) => SECRET_VALUE_PATHS.has(path));
}

const SECRET_VALUE_PATHS: ReadonlySet<string> = new Set(["*", "secretString", "secretBinary", "secretStringWo"]);

/** The nearest protected ancestor; parents are URNs, and a broken or cyclic chain just ends. */
export function protectedAncestor(resource: PlainResource, byUrn: ReadonlyMap<string, PlainResource>): PlainResource | undefined {
    const seen = new Set([resource.urn]);
    for (let urn = resource.parent; urn !== undefined && !seen.has(urn); ) {
        seen.add(urn);
        const parent = byUrn.get(urn);
        if (!parent) return undefined;
        if (parent.protect === true) return parent;
        urn = parent.parent;
    }
    return undefined;
}

/** aws-native containers AWS refuses to delete while they hold something, with no flag to empty them: what must go first. */
const REFUSED_WHILE_NOT_EMPTY: Readonly<Record<string, string>> = {
    [t.NATIVE_S3_BUCKET]: "every object version is gone (CDK's autoDeleteObjects deletes them first)",
    [t.NATIVE_BACKUP_VAULT]: "its recovery points are gone",
    [t.NATIVE_ROUTE53_HOSTED_ZONE]: "only its NS and SOA records are left",
};

/** What `pulumi destroy`, a removal or a replacement does to the resource: not the same for every type. */
function deletion(resource: PlainResource): string {
    const force = FORCE_DELETE[resource.type];
    if (force) {
        const flag = resource.props[force.property];
        if (flag === true) return `would delete it with ${force.contents} (${force.property} is true)`;
        // Unknown at preview: the flag may still turn out true, so neither outcome is claimed.
        if (isUnknown(flag)) return `would delete it once empty, or, if ${force.property} (not known yet) turns out true, with ${force.contents}`;
        return `would delete it once empty (AWS refuses while it is not, and the update stops half done; ${force.property} empties it first)`;
    }
    if (resource.type === t.NATIVE_LIGHTSAIL_BUCKET) return `would delete it with ${FORCE_DELETE[t.LIGHTSAIL_BUCKET].contents} (CloudFormation always force-deletes it)`;
    if (resource.type === t.KMS_KEY || resource.type === t.KMS_EXTERNAL_KEY) {
        return "would schedule its deletion: once the waiting period ends, everything encrypted under it is unreadable";
    }
    if (resource.type === t.SECRETS_MANAGER_SECRET) return "would delete it and its versions, for good once the recovery window ends";
    if (resource.type === t.NATIVE_KMS_KEY) return "would schedule its deletion: once the waiting period (pendingWindowInDays) ends, everything encrypted under it is unreadable";
    // The classic account only leaves the organization unless closeOnDeletion; CloudFormation's handler always closes it.
    const closes = "close the account: AWS deletes everything in it once the 90-day post-closure period ends";
    if (resource.type === t.NATIVE_ORGANIZATIONS_ACCOUNT) return `would ${closes}`;
    if (resource.type === t.ORGANIZATIONS_ACCOUNT) {
        const close = resource.props.closeOnDeletion;
        if (close === true) return `would ${closes}`;
        // Unknown at preview: it may close the account, so "only removed" is not claimed.
        if (isUnknown(close)) return `would remove it from the organization, or, if closeOnDeletion (not known yet) turns out true, ${closes}`;
        return "would remove it from the organization (closeOnDeletion would close it)";
    }
    const refused = REFUSED_WHILE_NOT_EMPTY[resource.type];
    if (refused) return `would delete it once ${refused} (AWS refuses before, and the update stops half done)`;
    return "would delete it and its data";
}

/** `parent`: given when no ancestor is protected, for a resource a component creates (protecting the component reaches it). */
function unprotectedMessage(resource: PlainResource, pattern: string, ancestor: PlainResource | undefined, parent: PlainResource | undefined): string {
    const what = `${resource.type} "${resource.name}" is a critical stateful resource (criticalResourceTypes "${pattern}") ` +
        `but its \`protect\` resource option is not true, so \`pulumi destroy\`, removing it from the program or a replacement ${deletion(resource)}.`;
    const inherited = ancestor
        ? ` Its ancestor ${ancestor.type} "${ancestor.name}" is protected, but the engine checks \`protect\` on each resource separately: ` +
            "this resource was given `protect: false` explicitly, or the ancestor was protected only in the state (`pulumi state protect`)."
        : "";
    const viaParent = parent && parent.type !== t.STACK
        ? ` (or to those of its parent ${parent.type} "${parent.name}": the SDK passes \`protect\` down to every resource it creates)`
        : "";
    return `${what}${inherited} Fix: add \`protect: true\` to its resource options${viaParent}. ` +
        `To decommission it later, run \`pulumi state unprotect '${resource.urn}'\` first, then remove it from the program.`;
}

export const resourceProtect = stackPolicy<ResourceProtectConfig>({
    name: NAME,
    displayName: "Critical stateful resources are protected",
    description: "Resources whose deletion destroys data the program cannot recreate (databases, storage, backups, keys, secrets, directories, " +
        "DNS zones) must carry the `protect: true` resource option.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Add `protect: true` to the resource options (`new aws.rds.Instance(name, args, { protect: true })`). " +
        "To delete a protected resource on purpose, run `pulumi state unprotect <urn>` first.",
    tags: ["aws", "data-protection", "resource-options"],
    configSchema: {
        properties: {
            criticalResourceTypes: globList(
                "Type-token globs (`*` matches any characters, e.g. `aws:rds/*`) of resources that must be protected. " +
                    "When given, replaces the default list.",
                DEFAULT_CRITICAL_RESOURCE_TYPES,
            ),
        },
    },
    // Types come from config globs, and the message names protected ancestors of any type.
    resourceTypes: "all",
    check: (resources, config) => findUnprotectedCriticalResources(resources, config),
    examples: examples(),
});

function examples(): PolicyExample[] {
    const db = {
        engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true,
        deletionProtection: true, storageEncrypted: true, backupRetentionPeriod: 7,
    };
    const table = {
        billingMode: "PAY_PER_REQUEST", hashKey: "sessionId", attributes: [{ name: "sessionId", type: "S" }], deletionProtectionEnabled: true,
        pointInTimeRecovery: { enabled: true },
    };
    return [
        {
            title: "a database without `protect`, and a table that opts out under a protected component",
            verdict: "fail",
            demo: true,
            resources: [
                { type: t.RDS_INSTANCE, name: "ledger-db", props: db },
                { type: "shop:storage:DataStore", name: "storage", custom: false, protect: true },
                { type: t.DYNAMODB_TABLE, name: "carts", parent: "storage", protect: false, props: table },
            ],
            reported: ["ledger-db", "carts"],
            note: "The component's `protect` does not stop the engine deleting a child whose own flag is false.",
        },
        {
            title: "`protect: true` on the database, and the table registered with the component's `protect: true` (the SDK passes it down)",
            verdict: "pass",
            demo: true,
            resources: [
                { type: t.RDS_INSTANCE, name: "ledger-db", protect: true, props: db },
                { type: "shop:storage:DataStore", name: "storage", custom: false, protect: true },
                { type: t.DYNAMODB_TABLE, name: "carts", parent: "storage", protect: true, props: table },
            ],
        },
        {
            title: "a team's own list of critical types replaces the default one",
            verdict: "fail",
            config: { criticalResourceTypes: ["aws:sqs/*"] },
            resources: [
                { type: "aws:sqs/queue:Queue", name: "orders-queue", props: { sqsManagedSseEnabled: true } },
                { type: t.RDS_INSTANCE, name: "scratch-db", props: db },
            ],
            reported: ["orders-queue"],
        },
    ];
}
