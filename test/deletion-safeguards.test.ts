import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { loadInputFile } from "../cli/inputs";
import {
    DEFAULT_DELETION_SAFEGUARDS_CONFIG, DeletionSafeguardsConfig, deletionSafeguards, findMissingDeletionSafeguards, findUnversionedBuckets, SAFEGUARDED,
} from "../policies/deletion-safeguards";
import type { PlainResource } from "../policies/lib/rule";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { FIXTURES, PACK_DIR, useEngine } from "./helpers/engine";
import { readCounter } from "./helpers/reads";
import { resource } from "./helpers/resources";
import { assertNotShown } from "./helpers/secrets";

const POLICY = "deletion-safeguards";
const U = UNKNOWN_SENTINELS;

const RDS = "aws:rds/instance:Instance";
const AURORA = "aws:rds/cluster:Cluster";
const DOCDB = "aws:docdb/cluster:Cluster";
const NEPTUNE = "aws:neptune/cluster:Cluster";
const REDSHIFT = "aws:redshift/cluster:Cluster";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CACHE_CLUSTER = "aws:elasticache/cluster:Cluster";
const SERVERLESS_CACHE = "aws:elasticache/serverlessCache:ServerlessCache";
const MEMORYDB = "aws:memorydb/cluster:Cluster";
const NATIVE_MEMORYDB = "aws-native:memorydb:Cluster";
const NATIVE_DOCDB_ELASTIC = "aws-native:docdbelastic:Cluster";
/** CDK's CfnCluster (MemoryDB) and CfnCluster (DocumentDB elastic) as pulumi-cdk sends them, after the provider's example and CloudFormation's required inputs. */
const nativeMemorydb = { clusterName: "orders", aclName: "open-access", nodeType: "db.t4g.small", numShards: 2 };
const nativeElastic = { clusterName: "docs", adminUserName: "app", authType: "SECRET_ARN", shardCapacity: 2, shardCount: 2 };
const NATIVE_NEPTUNE = "aws-native:neptune:DbCluster";
/** CloudFormation's Lightsail database (AWS::Lightsail::Database) and a classic Payment Cryptography key, after their required inputs. */
const NATIVE_LIGHTSAIL_DB = "aws-native:lightsail:Database";
const nativeLightsailDb = {
    relationalDatabaseName: "shop", relationalDatabaseBlueprintId: "postgres_16", relationalDatabaseBundleId: "micro_2_0", masterDatabaseName: "shop", masterUsername: "app",
};
const PAYMENT_KEY = "aws:paymentcryptography/key:Key";
const paymentKey = {
    exportable: true,
    keyAttributes: { keyAlgorithm: "TDES_3KEY", keyClass: "SYMMETRIC_KEY", keyUsage: "TR31_P0_PIN_ENCRYPTION_KEY", keyModesOfUse: { encrypt: true, decrypt: true, wrap: true, unwrap: true } },
};
const NATIVE_REDSHIFT = "aws-native:redshift:Cluster";
const NATIVE_REPLICATION_GROUP = "aws-native:elasticache:ReplicationGroup";
const NATIVE_CACHE_CLUSTER = "aws-native:elasticache:CacheCluster";
const NATIVE_SERVERLESS_CACHE = "aws-native:elasticache:ServerlessCache";
const NATIVE_KEYSPACES_TABLE = "aws-native:cassandra:Table";
/** The neptune-alpha DatabaseCluster, redshift-alpha Cluster, a CfnReplicationGroup and a CfnTable (Keyspaces) as pulumi-cdk sends them. */
const nativeNeptune = { dbSubnetGroupName: "graph-subnets", vpcSecurityGroupIds: ["sg-0a1b2c3d"], iamAuthEnabled: false, storageEncrypted: true };
const nativeRedshift = { clusterType: "multi-node", nodeType: "ra3.xlplus", numberOfNodes: 2, masterUsername: "admin", dbName: "default_db", encrypted: true };
const nativeGroup = { replicationGroupDescription: "sessions", cacheNodeType: "cache.t4g.small", engine: "redis", numCacheClusters: 2 };
const nativeKeyspacesTable = { keyspaceName: "orders", partitionKeyColumns: [{ columnName: "id", columnType: "text" }] };
const TABLE = "aws:dynamodb/table:Table";
const KEYSPACES_TABLE = "aws:keyspaces/table:Table";
const TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";
const ORDERS_TABLE_ARN = "arn:aws:dynamodb:us-east-1:111122223333:table/orders";
const BACKUP_PLAN = "aws:backup/plan:Plan";
const VAULT = "backups";
const DR_VAULT = "arn:aws:backup:us-west-2:111122223333:backup-vault:backups-dr";
const backupRule = (name: string, lifecycle?: unknown, copyActions?: unknown[]) =>
    ({ ruleName: name, targetVaultName: VAULT, schedule: "cron(0 5 ? * * *)", ...(lifecycle === undefined ? {} : { lifecycle }), ...(copyActions ? { copyActions } : {}) });
const plan = (...rules: unknown[]) => ({ name: "daily", rules });
const NATIVE_BACKUP_PLAN = "aws-native:backup:BackupPlan";
/** CDK's BackupPlan as pulumi-cdk sends it: CloudFormation's BackupPlan block, its rules and their lifecycles in days. */
const nativeRule = (ruleName: string, lifecycle?: unknown, copyActions?: unknown[]) =>
    ({ ruleName, targetBackupVault: VAULT, scheduleExpression: "cron(0 5 * * ? *)", ...(lifecycle === undefined ? {} : { lifecycle }), ...(copyActions ? { copyActions } : {}) });
const nativePlan = (...rules: unknown[]) => ({ backupPlan: { backupPlanName: "daily", backupPlanRule: rules } });
const LUSTRE = "aws:fsx/lustreFileSystem:LustreFileSystem";
const OPENZFS = "aws:fsx/openZfsFileSystem:OpenZfsFileSystem";
const ONTAP = "aws:fsx/ontapFileSystem:OntapFileSystem";
const WINDOWS_FS = "aws:fsx/windowsFileSystem:WindowsFileSystem";
const ONTAP_VOLUME = "aws:fsx/ontapVolume:OntapVolume";
/** A SnapMirror destination as NetApp/FSx-ONTAP-samples-scripts' fsxn-replicate creates it: a DP volume that skips its final backup. */
const dpVolume = { name: "vol1_dp", storageVirtualMachineId: "svm-0123456789abcdef0", ontapVolumeType: "DP", sizeInMegabytes: 1024, tieringPolicy: { name: "ALL" }, skipFinalBackup: true };
const openzfs = { deploymentType: "SINGLE_AZ_1", storageCapacity: 64, throughputCapacity: 64, subnetIds: ["subnet-0a1b2c3d"] };
const ontap = { deploymentType: "MULTI_AZ_1", storageCapacity: 1024, throughputCapacity: 512, subnetIds: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], preferredSubnetId: "subnet-0a1b2c3d" };
const windowsFs = { storageCapacity: 32, throughputCapacity: 32, subnetIds: ["subnet-0a1b2c3d"], activeDirectoryId: "d-9067a1b2c3" };
const EBS = "aws:ebs/volume:Volume";
const GLOBAL_TABLE = "aws-native:dynamodb:GlobalTable";
/** CDK's TableV2 with one replica beside the stack's region: `pointInTimeRecovery` (or its specification) is rendered on every replica it is inherited by (aws-cdk-lib table-v2.ts configureReplicaTable). */
const tableV2 = (...recovery: (Record<string, unknown> | undefined)[]) => ({
    keySchema: [{ attributeName: "pk", keyType: "HASH" }], attributeDefinitions: [{ attributeName: "pk", attributeType: "S" }], billingMode: "PAY_PER_REQUEST",
    replicas: recovery.map((spec, i) => ({ region: ["us-east-1", "us-west-2", "eu-west-1"][i], ...(spec === undefined ? {} : { pointInTimeRecoverySpecification: spec }) })),
});

const postgres = { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true };
const aurora = { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true };
const docdb = { masterUsername: "app", masterPassword: "not-a-real-password-1" };

function judge(type: string, props: Record<string, unknown>, config: Partial<DeletionSafeguardsConfig> = {}): string[] {
    return findMissingDeletionSafeguards(resource(type, props, { name: "r" }), { ...DEFAULT_DELETION_SAFEGUARDS_CONFIG, ...config })
        .map((f) => f.message.slice(f.message.indexOf(": ") + 2, f.message.indexOf(" is ")));
}

describe("findMissingDeletionSafeguards (pure rule): no false alarms", () => {
    const cases: [string, string, Record<string, unknown>, Partial<DeletionSafeguardsConfig>?][] = [
        ["RDS instance with a final snapshot and a week of backups", RDS, { ...postgres, finalSnapshotIdentifier: "db-final", backupRetentionPeriod: 7 }],
        ["RDS read replica skips its final snapshot and keeps no backups (AWS requires it)", RDS, { replicateSourceDb: "arn:aws:rds:eu-west-1:111122223333:db:orders", skipFinalSnapshot: true }],
        ["RDS read replica whose source is unknown at preview", RDS, { replicateSourceDb: U.string, skipFinalSnapshot: true }],
        ["RDS Custom instance skips its final snapshot (AWS requires it)", RDS, { customIamInstanceProfile: "AWSRDSCustomInstanceProfile", skipFinalSnapshot: true, backupRetentionPeriod: 7 }],
        ["RDS instance restored from a snapshot inherits its retention", RDS, { snapshotIdentifier: "orders-2026-01-01" }],
        ["RDS instance restored to a point in time inherits its retention", RDS, { restoreToPointInTime: { sourceDbInstanceIdentifier: "orders", useLatestRestorableTime: true } }],
        ["Aurora cluster with 14 days", AURORA, { ...aurora, backupRetentionPeriod: 14 }],
        ["Aurora cross-Region replica cluster", AURORA, { engine: "aurora-mysql", replicationSourceIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:orders", skipFinalSnapshot: true }],
        ["Aurora global secondary (no master user)", AURORA, { engine: "aurora-postgresql", globalClusterIdentifier: "orders-global", skipFinalSnapshot: true }],
        ["Aurora cluster whose global membership is unknown", AURORA, { engine: "aurora-postgresql", globalClusterIdentifier: U.string, skipFinalSnapshot: true }],
        ["DocumentDB global secondary", DOCDB, { globalClusterIdentifier: "docs-global", skipFinalSnapshot: true }],
        ["Neptune read replica cluster", NEPTUNE, { replicationSourceIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:graph", skipFinalSnapshot: true }],
        ["Redshift cluster with a week of snapshots", REDSHIFT, { nodeType: "ra3.xlplus", automatedSnapshotRetentionPeriod: 7, finalSnapshotIdentifier: "dw-final" }],
        ["Redshift cluster restored from a snapshot with a week of snapshots", REDSHIFT, { nodeType: "ra3.xlplus", snapshotIdentifier: "dw-2026-01-01", automatedSnapshotRetentionPeriod: 7 }],
        // The RDS schemas have no default for the retention: an Aurora restore keeps the source's.
        ["Aurora cluster restored from a snapshot inherits its retention", AURORA, { engine: "aurora-postgresql", snapshotIdentifier: "orders-2026-01-01" }],
        // The provider sends no retention with DocumentDB's RestoreDBClusterToPointInTime.
        ["DocumentDB cluster restored to a point in time", DOCDB, { restoreToPointInTime: { sourceClusterIdentifier: "docs", useLatestRestorableTime: true } }],
        ["DocumentDB cluster restored from a snapshot with a week of backups", DOCDB, { snapshotIdentifier: "docs-2026-01-01", backupRetentionPeriod: 7 }],
        ["Memcached cluster (no snapshots)", CACHE_CLUSTER, { engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 2 }],
        ["cache cluster that is a node of a replication group", CACHE_CLUSTER, { replicationGroupId: "sessions" }],
        ["Redis replication group on cache.t1.micro (no snapshot support)", REPLICATION_GROUP, { nodeType: "cache.t1.micro" }],
        ["global datastore secondary", REPLICATION_GROUP, { globalReplicationGroupId: "ldgnf-sessions" }],
        ["Redis replication group with a week of snapshots", REPLICATION_GROUP, { snapshotRetentionLimit: 7 }],
        ["serverless Valkey cache without a retention (AWS's default is not documented)", SERVERLESS_CACHE, { engine: "valkey" }],
        ["serverless Memcached cache", SERVERLESS_CACHE, { engine: "memcached", snapshotRetentionLimit: 0 }],
        ["MemoryDB cluster in a multi-Region cluster", MEMORYDB, { nodeType: "db.r7g.large", multiRegionClusterName: "orders-mr" }],
        ["aws-native MemoryDB cluster with a week of snapshots", NATIVE_MEMORYDB, { ...nativeMemorydb, snapshotRetentionLimit: 7 }],
        ["aws-native MemoryDB cluster in a multi-Region cluster", NATIVE_MEMORYDB, { ...nativeMemorydb, multiRegionClusterName: "orders-mr" }],
        ["aws-native MemoryDB cluster whose multi-Region membership is unknown", NATIVE_MEMORYDB, { ...nativeMemorydb, multiRegionClusterName: U.string }],
        ["aws-native DocumentDB elastic cluster with a week of backups", NATIVE_DOCDB_ELASTIC, { ...nativeElastic, backupRetentionPeriod: 7 }],
        ["aws-native Neptune cluster with a week of backups", NATIVE_NEPTUNE, { ...nativeNeptune, backupRetentionPeriod: 7 }],
        // As for aws-native RDS clusters, a restore is judged only when it sets a retention.
        ["aws-native Neptune cluster restored from a snapshot", NATIVE_NEPTUNE, { ...nativeNeptune, snapshotIdentifier: "graph-2026-01-01" }],
        ["aws-native Neptune cluster restored to a point in time", NATIVE_NEPTUNE, { ...nativeNeptune, sourceDbClusterIdentifier: "graph", useLatestRestorableTime: true }],
        ["aws-native Redshift cluster with a week of snapshots", NATIVE_REDSHIFT, { ...nativeRedshift, automatedSnapshotRetentionPeriod: 7 }],
        // RestoreFromClusterSnapshot: "Default: The value selected for the cluster from which the snapshot was taken."
        ["aws-native Redshift cluster restored from a snapshot", NATIVE_REDSHIFT, { ...nativeRedshift, snapshotIdentifier: "dw-2026-01-01" }],
        ["aws-native replication group with a week of snapshots", NATIVE_REPLICATION_GROUP, { ...nativeGroup, snapshotRetentionLimit: 7 }],
        // A Global Datastore secondary inherits the node type (CacheNodeType unset).
        ["aws-native global datastore secondary", NATIVE_REPLICATION_GROUP, { replicationGroupDescription: "sessions eu", globalReplicationGroupId: "ldgnf-sessions" }],
        ["aws-native replication group on cache.t1.micro", NATIVE_REPLICATION_GROUP, { ...nativeGroup, cacheNodeType: "cache.t1.micro" }],
        ["aws-native Memcached cache cluster", NATIVE_CACHE_CLUSTER, { engine: "memcached", cacheNodeType: "cache.t4g.small", numCacheNodes: 2 }],
        ["aws-native serverless Valkey cache without a retention", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "sessions", engine: "valkey" }],
        ["aws-native serverless Memcached cache", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "pages", engine: "memcached", snapshotRetentionLimit: 0 }],
        ["aws-native Keyspaces table with point-in-time recovery", NATIVE_KEYSPACES_TABLE, { ...nativeKeyspacesTable, pointInTimeRecoveryEnabled: true }],
        ["aws-native Keyspaces table without it when not required", NATIVE_KEYSPACES_TABLE, nativeKeyspacesTable, { requirePointInTimeRecovery: false }],
        ["DynamoDB table with point-in-time recovery", TABLE, { pointInTimeRecovery: { enabled: true } }],
        ["DynamoDB table without it when not required", TABLE, {}, { requirePointInTimeRecovery: false }],
        // AWS's best practice for global tables: recovery on one replica may be enough; the table is judged.
        ["DynamoDB table replica without point-in-time recovery", TABLE_REPLICA, { globalTableArn: ORDERS_TABLE_ARN, pointInTimeRecovery: false }],
        ["DynamoDB table with recovery, and inline replicas without it", TABLE, { pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "us-west-2" }, { regionName: "eu-west-1", pointInTimeRecovery: false }] }],
        ["DynamoDB table with a 7-day recovery period", TABLE, { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 } }],
        // CloudFormation's global table (CDK's TableV2): one replica with recovery is enough, as for the classic table's replicas.
        ["CDK TableV2 with pointInTimeRecovery: true (every replica)", GLOBAL_TABLE, tableV2({ pointInTimeRecoveryEnabled: true }, { pointInTimeRecoveryEnabled: true })],
        ["global table with recovery on one replica only", GLOBAL_TABLE, tableV2(undefined, { pointInTimeRecoveryEnabled: true })],
        ["global table with a short period on one replica and AWS's 35 days on another", GLOBAL_TABLE,
            tableV2({ pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 3 }, { pointInTimeRecoveryEnabled: true })],
        ["global table without recovery when not required", GLOBAL_TABLE, tableV2(undefined, undefined), { requirePointInTimeRecovery: false }],
        ["DynamoDB recovery period is not judged while recovery is off and not required", TABLE, { pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 1 } }, { requirePointInTimeRecovery: false }],
        ["Keyspaces table with point-in-time recovery", KEYSPACES_TABLE, { pointInTimeRecovery: { status: "ENABLED" } }],
        ["Backup plan keeping daily recovery points 35 days", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 35 }))],
        ["Backup plan without a lifecycle (kept until deleted)", BACKUP_PLAN, plan(backupRule("daily"))],
        ["tiered Backup plan: hourly points kept a day, daily ones 35 days", BACKUP_PLAN, plan(backupRule("hourly", { deleteAfter: 1 }), backupRule("daily", { deleteAfter: 35 }))],
        ["Backup plan keeping a day locally and 30 days in another region", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 1 }, [{ destinationVaultArn: DR_VAULT, lifecycle: { deleteAfter: 30 } }]))],
        // A copy without a lifecycle deletion keeps its source's: here the rule keeps them until deleted.
        ["Backup plan kept until deleted, with a copy without lifecycle", BACKUP_PLAN, plan(backupRule("daily", undefined, [{ destinationVaultArn: DR_VAULT }]))],
        ["Backup plan kept until deleted, with a copy keeping 3 days", BACKUP_PLAN, plan(backupRule("daily", undefined, [{ destinationVaultArn: DR_VAULT, lifecycle: { deleteAfter: 3 } }]))],
        ["Backup plan keeping a day locally, with a copy without lifecycle beside a 35-day rule", BACKUP_PLAN,
            plan(backupRule("hourly", { deleteAfter: 1 }, [{ destinationVaultArn: DR_VAULT }]), backupRule("daily", { deleteAfter: 35 }))],
        // CDK's BackupPlan through pulumi-cdk (CloudFormation's names): daily35DayRetention, and a rule without deleteAfter.
        ["aws-native Backup plan keeping daily recovery points 35 days", NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Daily", { deleteAfterDays: 35 }))],
        ["aws-native Backup plan without a lifecycle (kept until deleted)", NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Daily"))],
        ["aws-native tiered Backup plan: hourly points kept a day, daily ones 35 days", NATIVE_BACKUP_PLAN,
            nativePlan(nativeRule("Hourly", { deleteAfterDays: 1 }), nativeRule("Daily", { deleteAfterDays: 35 }))],
        ["aws-native Backup plan keeping a day locally and 30 days in another region", NATIVE_BACKUP_PLAN,
            nativePlan(nativeRule("Daily", { deleteAfterDays: 1 }, [{ destinationBackupVaultArn: DR_VAULT, lifecycle: { deleteAfterDays: 30 } }]))],
        ["aws-native Backup plan moving to cold storage, deleting after a year (CDK's monthly1Year)", NATIVE_BACKUP_PLAN,
            nativePlan(nativeRule("Monthly1Year", { moveToColdStorageAfterDays: 30, deleteAfterDays: 365 }))],
        ["aws-native Backup plan keeping them indefinitely (the API's -1)", NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Daily", { moveToColdStorageAfterDays: -1, deleteAfterDays: -1 }))],
        ["aws-native Backup plan of 3 days when the minimum is 3", NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Daily", { deleteAfterDays: 3 })), { minBackupRetentionDays: 3 }],
        ["Backup plan moving to cold storage, deleting after a year", BACKUP_PLAN, plan(backupRule("monthly", { coldStorageAfter: 30, deleteAfter: 365 }))],
        ["Backup plan's state: an unset deleteAfter beside coldStorageAfter recorded as 0 (kept until deleted)", BACKUP_PLAN,
            plan(backupRule("monthly", { coldStorageAfter: 30, deleteAfter: 0 }, [{ destinationVaultArn: DR_VAULT, lifecycle: { coldStorageAfter: 0, deleteAfter: 0 } }]))],
        ["Backup plan of 3 days when the minimum is 3", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 3 })), { minBackupRetentionDays: 3 }],
        ["Backup plan whose longest rule is unknown (preview)", BACKUP_PLAN, plan(backupRule("hourly", { deleteAfter: 1 }), backupRule("daily", { deleteAfter: U.number }))],
        ["Backup plan whose copy actions are unknown (preview)", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 1 }, U.array as unknown as unknown[]))],
        ["Backup plan whose rules are unknown (preview)", BACKUP_PLAN, { name: "daily", rules: U.array }],
        ["Backup plan whose copy's lifecycle is unknown (preview)", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 1 }, [{ destinationVaultArn: DR_VAULT, lifecycle: U.object }]))],
        ["aws-native Backup plan whose block is unknown (preview)", NATIVE_BACKUP_PLAN, { backupPlan: U.object }],
        ["aws-native Backup plan whose rules are unknown (preview)", NATIVE_BACKUP_PLAN, { backupPlan: { backupPlanName: "daily", backupPlanRule: U.array } }],
        ["aws-native Backup plan whose longest rule is unknown (preview)", NATIVE_BACKUP_PLAN,
            nativePlan(nativeRule("Hourly", { deleteAfterDays: 1 }), nativeRule("Daily", { deleteAfterDays: U.number }))],
        ["aws-native Backup plan whose copy's lifecycle is unknown (preview)", NATIVE_BACKUP_PLAN,
            nativePlan(nativeRule("Daily", { deleteAfterDays: 1 }, [{ destinationBackupVaultArn: DR_VAULT, lifecycle: U.object }]))],
        ["S3 bucket with forceDestroy false (the provider's default at preview)", "aws:s3/bucket:Bucket", { forceDestroy: false }],
        ["secret with a 7-day window", "aws:secretsmanager/secret:Secret", { recoveryWindowInDays: 7 }],
        ["KMS key without a window (AWS waits 30 days)", "aws:kms/key:Key", {}],
        ["KMS key with 7 days when the minimum is 7", "aws:kms/key:Key", { deletionWindowInDays: 7 }, { minKeyDeletionWindowDays: 7 }],
        ["KMS replica key with 7 days (the primary keeps the material)", "aws:kms/replicaKey:ReplicaKey", { deletionWindowInDays: 7 }],
        ["private CA without a window", "aws:acmpca/certificateAuthority:CertificateAuthority", {}],
        ["EBS volume without a final snapshot (the provider's default, not required)", EBS, { size: 100 }],
        ["persistent Lustre without a final backup (the provider's default, not required)", LUSTRE, { deploymentType: "PERSISTENT_2" }],
        ["scratch Lustre when final backups are required", LUSTRE, { deploymentType: "SCRATCH_2" }, { requireFinalBackups: true }],
        ["Lustre without a deployment type (AWS: SCRATCH_1)", LUSTRE, {}, { requireFinalBackups: true }],
        // FSx's CreateBackup: a Lustre file system can be backed up only if persistent and not linked to a data repository.
        ["persistent Lustre linked to S3 (importPath), when final backups are required", LUSTRE,
            { storageCapacity: 1200, deploymentType: "PERSISTENT_1", perUnitStorageThroughput: 50, importPath: "s3://training-data-7d1e2a", exportPath: "s3://training-data-7d1e2a/export", skipFinalBackup: true },
            { requireFinalBackups: true }],
        ["persistent Lustre whose link is unknown (preview)", LUSTRE, { deploymentType: "PERSISTENT_1", importPath: U.string }, { requireFinalBackups: true }],
        ["EBS volume with a final snapshot", EBS, { finalSnapshot: true }, { requireFinalBackups: true }],
        // aws-native serverless caches: a final snapshot only when required, of Redis OSS and Valkey (Memcached is a cache);
        // the classic type has no input for it.
        ["aws-native serverless Valkey cache without a final snapshot (not required)", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "sessions", engine: "valkey", snapshotRetentionLimit: 7 }],
        ["aws-native serverless Redis cache naming its final snapshot", NATIVE_SERVERLESS_CACHE,
            { serverlessCacheName: "sessions", engine: "redis", snapshotRetentionLimit: 7, finalSnapshotName: "sessions-final" }, { requireFinalBackups: true }],
        ["aws-native serverless Memcached cache without a final snapshot", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "pages", engine: "memcached" }, { requireFinalBackups: true }],
        ["classic serverless Valkey cache (no final-snapshot input)", SERVERLESS_CACHE, { name: "sessions", engine: "valkey", snapshotRetentionLimit: 7 }, { requireFinalBackups: true }],
        // FSx automatic backups: unset is the provider's 7 days on Windows.
        ["FSx for Windows without a retention (the provider keeps 7 days)", WINDOWS_FS, windowsFs],
        ["FSx for OpenZFS keeping 30 days of automatic backups (posit-dev/ptd#105)", OPENZFS, { ...openzfs, automaticBackupRetentionDays: 30 }],
        ["FSx for OpenZFS restored from a backup, keeping 7 days", OPENZFS, { ...openzfs, backupId: "backup-0123456789abcdef0", automaticBackupRetentionDays: 7 }],
        ["FSx for ONTAP keeping 7 days", ONTAP, { ...ontap, automaticBackupRetentionDays: 7 }],
        // "Amazon FSx does not support backing up data protection (DP) volumes" (FSx for ONTAP user guide).
        ["FSx for ONTAP DP volume (a SnapMirror destination) skipping its final backup", ONTAP_VOLUME, dpVolume],
        ["FSx for ONTAP DP volume, its type in lower case", ONTAP_VOLUME, { ...dpVolume, ontapVolumeType: "dp" }],
        ["persistent Lustre with automatic backups off (Lustre's retention is not judged)", LUSTRE, { deploymentType: "PERSISTENT_2", perUnitStorageThroughput: 125, automaticBackupRetentionDays: 0 }],
        ["SageMaker domain that retains home directories", "aws:sagemaker/domain:Domain", { retentionPolicy: { homeEfsFileSystem: "Retain" } }],
        ["account removed from the organization on delete (not closed)", "aws:organizations/account:Account", { email: "a@example.com", closeOnDeletion: false }],
        // CloudFormation's Lightsail database: unset BackupRetention sends nothing, and Lightsail keeps automated backups.
        ["aws-native Lightsail database keeping its backups (unset)", NATIVE_LIGHTSAIL_DB, nativeLightsailDb],
        ["aws-native Lightsail database keeping its backups", NATIVE_LIGHTSAIL_DB, { ...nativeLightsailDb, backupRetention: true }],
        // DeleteKey's window is 3 to 180 days; 30 meets the default minimum.
        ["Payment Cryptography key waiting 30 days", PAYMENT_KEY, { ...paymentKey, deletionWindowInDays: 30 }],
        ["Payment Cryptography key waiting 180 days", PAYMENT_KEY, { ...paymentKey, deletionWindowInDays: 180 }],
        ["Payment Cryptography key on AWS's 7 days when the minimum is 7", PAYMENT_KEY, paymentKey, { minKeyDeletionWindowDays: 7 }],
        ["aws-native Payment Cryptography key (CloudFormation has no window to set)", "aws-native:paymentcryptography:Key", { exportable: true, keyAttributes: paymentKey.keyAttributes }],
        ["an Aurora cluster instance is not judged (the cluster governs)", "aws:rds/clusterInstance:ClusterInstance", { skipFinalSnapshot: true }],
        ["a Neptune cluster instance's vestigial flag is not judged", "aws:neptune/clusterInstance:ClusterInstance", { skipFinalSnapshot: true }],
    ];
    it.each(cases)("%s", (_label, type, props, config) => {
        const withRetention = type === RDS || type === AURORA || type === DOCDB || type === NEPTUNE ? { backupRetentionPeriod: 7, ...props } : props;
        expect(judge(type, withRetention, config)).toEqual([]);
    });
});

describe("findMissingDeletionSafeguards (pure rule): violations", () => {
    const cases: [string, string, Record<string, unknown>, string[], Partial<DeletionSafeguardsConfig>?][] = [
        ["RDS instance skipping its final snapshot, AWS's 1 day of backups", RDS, { ...postgres, skipFinalSnapshot: true }, ["skipFinalSnapshot", "backupRetentionPeriod"]],
        ["RDS instance with backups off", RDS, { ...postgres, backupRetentionPeriod: 0 }, ["backupRetentionPeriod"]],
        ["RDS instance from S3 (a new database, AWS's default)", RDS, { ...postgres, s3Import: { bucketName: "b", ingestionRole: "r", sourceEngine: "mysql", sourceEngineVersion: "8.0" } }, ["backupRetentionPeriod"]],
        ["Aurora global primary (has a master user)", AURORA, { ...aurora, globalClusterIdentifier: U.string, skipFinalSnapshot: true, backupRetentionPeriod: 7 }, ["skipFinalSnapshot"]],
        ["Aurora cluster below a configured 14 days", AURORA, { ...aurora, backupRetentionPeriod: 7 }, ["backupRetentionPeriod"], { minBackupRetentionDays: 14 }],
        ["DocumentDB cluster with the default retention", DOCDB, docdb, ["backupRetentionPeriod"]],
        ["DocumentDB elastic cluster with 3 days", "aws:docdb/elasticCluster:ElasticCluster", { backupRetentionPeriod: 3 }, ["backupRetentionPeriod"]],
        ["Neptune cluster skipping its final snapshot", NEPTUNE, { skipFinalSnapshot: true, backupRetentionPeriod: 7 }, ["skipFinalSnapshot"]],
        ["FSx for ONTAP read-write volume skipping its final backup", ONTAP_VOLUME, { ...dpVolume, ontapVolumeType: "RW" }, ["skipFinalBackup"]],
        ["FSx for ONTAP volume of the default type (RW) skipping its final backup", ONTAP_VOLUME, { ...dpVolume, ontapVolumeType: undefined }, ["skipFinalBackup"]],
        ["Redshift cluster with defaults", REDSHIFT, { nodeType: "ra3.xlplus", skipFinalSnapshot: true }, ["skipFinalSnapshot", "automatedSnapshotRetentionPeriod"]],
        // The provider sends its schema default of 1 day on a restore from a snapshot (terraform-provider-aws
        // redshift/cluster.go RestoreFromClusterSnapshotInput; docdb and neptune cluster.go modify the restored cluster).
        ["Redshift cluster restored from a snapshot gets the provider's 1 day", REDSHIFT, { nodeType: "ra3.xlplus", snapshotIdentifier: "dw-2026-01-01" }, ["automatedSnapshotRetentionPeriod"]],
        ["Redshift cluster restored from a snapshot ARN", REDSHIFT, { nodeType: "ra3.xlplus", snapshotArn: "arn:aws:redshift:us-east-1:111122223333:snapshot:dw/dw-2026-01-01" }, ["automatedSnapshotRetentionPeriod"]],
        ["DocumentDB cluster restored from a snapshot gets the provider's 1 day", DOCDB, { snapshotIdentifier: "docs-2026-01-01" }, ["backupRetentionPeriod"]],
        ["Neptune cluster restored from a snapshot gets the provider's 1 day", NEPTUNE, { snapshotIdentifier: "graph-2026-01-01" }, ["backupRetentionPeriod"]],
        ["Redis replication group (engine defaults to redis)", REPLICATION_GROUP, { description: "d" }, ["snapshotRetentionLimit"]],
        ["standalone Redis cache cluster", CACHE_CLUSTER, { engine: "redis", snapshotRetentionLimit: 1 }, ["snapshotRetentionLimit"]],
        ["serverless Valkey cache keeping 1 snapshot", SERVERLESS_CACHE, { engine: "valkey", snapshotRetentionLimit: 1 }, ["snapshotRetentionLimit"]],
        ["MemoryDB cluster without snapshots", MEMORYDB, { nodeType: "db.r7g.large" }, ["snapshotRetentionLimit"]],
        // CloudFormation sends the limit only when set, as the classic provider does: the API's 0.
        ["aws-native MemoryDB cluster without snapshots", NATIVE_MEMORYDB, nativeMemorydb, ["snapshotRetentionLimit"]],
        ["aws-native MemoryDB cluster keeping 1 day", NATIVE_MEMORYDB, { ...nativeMemorydb, snapshotRetentionLimit: 1 }, ["snapshotRetentionLimit"]],
        ["aws-native DocumentDB elastic cluster on the API's 1 day", NATIVE_DOCDB_ELASTIC, nativeElastic, ["backupRetentionPeriod"]],
        ["aws-native DocumentDB elastic cluster with 3 days", NATIVE_DOCDB_ELASTIC, { ...nativeElastic, backupRetentionPeriod: 3 }, ["backupRetentionPeriod"]],
        // The API's defaults, which CloudFormation leaves to AWS: Neptune and Redshift keep 1 day, ElastiCache takes no snapshots.
        ["aws-native Neptune cluster on the API's 1 day", NATIVE_NEPTUNE, nativeNeptune, ["backupRetentionPeriod"]],
        ["aws-native Neptune cluster restored with 1 day", NATIVE_NEPTUNE, { ...nativeNeptune, snapshotIdentifier: "graph-2026-01-01", backupRetentionPeriod: 1 }, ["backupRetentionPeriod"]],
        ["aws-native Redshift cluster on the API's 1 day", NATIVE_REDSHIFT, nativeRedshift, ["automatedSnapshotRetentionPeriod"]],
        ["aws-native Redshift cluster with automated snapshots off", NATIVE_REDSHIFT, { ...nativeRedshift, automatedSnapshotRetentionPeriod: 0 }, ["automatedSnapshotRetentionPeriod"]],
        ["aws-native replication group without snapshots", NATIVE_REPLICATION_GROUP, nativeGroup, ["snapshotRetentionLimit"]],
        ["aws-native replication group without an engine (redis)", NATIVE_REPLICATION_GROUP, { replicationGroupDescription: "queues", cacheNodeType: "cache.t4g.small" }, ["snapshotRetentionLimit"]],
        ["aws-native Redis cache cluster without snapshots", NATIVE_CACHE_CLUSTER, { engine: "redis", cacheNodeType: "cache.t4g.small", numCacheNodes: 1 }, ["snapshotRetentionLimit"]],
        ["aws-native serverless Valkey cache keeping 1 snapshot", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "sessions", engine: "valkey", snapshotRetentionLimit: 1 }, ["snapshotRetentionLimit"]],
        ["aws-native Keyspaces table without point-in-time recovery", NATIVE_KEYSPACES_TABLE, nativeKeyspacesTable, ["pointInTimeRecoveryEnabled"]],
        ["aws-native Keyspaces table turning it off", NATIVE_KEYSPACES_TABLE, { ...nativeKeyspacesTable, pointInTimeRecoveryEnabled: false }, ["pointInTimeRecoveryEnabled"]],
        ["Lightsail database", "aws:lightsail/database:Database", { skipFinalSnapshot: true, backupRetentionEnabled: false }, ["skipFinalSnapshot", "backupRetentionEnabled"]],
        ["aws-native Lightsail database turning backup retention off", NATIVE_LIGHTSAIL_DB, { ...nativeLightsailDb, backupRetention: false }, ["backupRetention"]],
        // The provider's schema sends DeleteKey's default of 7 when the program sets none.
        ["Payment Cryptography key on AWS's 7 days", PAYMENT_KEY, paymentKey, ["deletionWindowInDays"]],
        ["Payment Cryptography key waiting 3 days", PAYMENT_KEY, { ...paymentKey, deletionWindowInDays: 3 }, ["deletionWindowInDays"]],
        ["Payment Cryptography key waiting 14 days when the minimum is 30", PAYMENT_KEY, { ...paymentKey, deletionWindowInDays: 14 }, ["deletionWindowInDays"]],
        ["FSx for Windows skipping its final backup", "aws:fsx/windowsFileSystem:WindowsFileSystem", { skipFinalBackup: true }, ["skipFinalBackup"]],
        // The provider's schema sends 0 for an unset OpenZFS or ONTAP retention, on a restore from a backup too (terraform-provider-aws).
        ["FSx for OpenZFS without a retention (the provider sends 0: no automatic backups)", OPENZFS, openzfs, ["automaticBackupRetentionDays"]],
        ["FSx for OpenZFS restored from a backup without a retention", OPENZFS, { ...openzfs, backupId: "backup-0123456789abcdef0" }, ["automaticBackupRetentionDays"]],
        ["FSx for ONTAP without a retention", ONTAP, ontap, ["automaticBackupRetentionDays"]],
        ["FSx for Windows with automatic backups off", WINDOWS_FS, { ...windowsFs, automaticBackupRetentionDays: 0 }, ["automaticBackupRetentionDays"]],
        ["FSx for Windows on the provider's 7 days when the minimum is 14", WINDOWS_FS, windowsFs, ["automaticBackupRetentionDays"], { minBackupRetentionDays: 14 }],
        ["DynamoDB table without point-in-time recovery", TABLE, {}, ["pointInTimeRecovery.enabled"]],
        ["DynamoDB table turning it off", TABLE, { pointInTimeRecovery: { enabled: false } }, ["pointInTimeRecovery.enabled"]],
        ["DynamoDB recovery period of 3 days", TABLE, { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 3 } }, ["pointInTimeRecovery.recoveryPeriodInDays"]],
        // CDK's TableV2 default: no replica has point-in-time recovery, and CloudFormation leaves it off.
        ["CDK TableV2 without point-in-time recovery", GLOBAL_TABLE, tableV2(undefined, undefined),
            ["replicas[0].pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled", "replicas[1].pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled"]],
        ["global table turning it off on its one replica", GLOBAL_TABLE, tableV2({ pointInTimeRecoveryEnabled: false }), ["replicas[0].pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled"]],
        ["global table whose only recovering replica keeps 3 days", GLOBAL_TABLE, tableV2({ pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 3 }, { pointInTimeRecoveryEnabled: false }),
            ["replicas[0].pointInTimeRecoverySpecification.recoveryPeriodInDays"]],
        ["Keyspaces table without point-in-time recovery", KEYSPACES_TABLE, { pointInTimeRecovery: { status: "DISABLED" } }, ["pointInTimeRecovery.status"]],
        ["Backup plan keeping recovery points 3 days", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 3 })), ["rules[0].lifecycle.deleteAfter"]],
        ["Backup plan whose every rule and copy deletes too soon: reported once, at the longest-kept rule", BACKUP_PLAN,
            plan(backupRule("hourly", { deleteAfter: 1 }), backupRule("daily", { deleteAfter: 5 }, [{ destinationVaultArn: DR_VAULT, lifecycle: { deleteAfter: 2 } }])),
            ["rules[1].lifecycle.deleteAfter"]],
        ["Backup plan of 7 days when the minimum is 14", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 7 })), ["rules[0].lifecycle.deleteAfter"], { minBackupRetentionDays: 14 }],
        // A copy without a lifecycle deletion keeps its source's (CloudFormation's CopyActionResourceType, AWS Backup's developer guide).
        ["Backup plan whose copy has no lifecycle: it keeps the rule's day", BACKUP_PLAN,
            plan(backupRule("daily", { deleteAfter: 1 }, [{ destinationVaultArn: DR_VAULT }])), ["rules[0].lifecycle.deleteAfter"]],
        ["Backup plan whose copy never expires (the state's 0): it keeps the rule's day", BACKUP_PLAN,
            plan(backupRule("daily", { deleteAfter: 1 }, [{ destinationVaultArn: DR_VAULT, lifecycle: { coldStorageAfter: 0, deleteAfter: 0 } }])), ["rules[0].lifecycle.deleteAfter"]],
        ["aws-native Backup plan keeping recovery points 3 days", NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Daily", { deleteAfterDays: 3 })),
            ["backupPlan.backupPlanRule[0].lifecycle.deleteAfterDays"]],
        ["aws-native Backup plan whose copy has no lifecycle: it keeps the rule's day", NATIVE_BACKUP_PLAN,
            nativePlan(nativeRule("Daily", { deleteAfterDays: 1 }, [{ destinationBackupVaultArn: DR_VAULT }])), ["backupPlan.backupPlanRule[0].lifecycle.deleteAfterDays"]],
        ["aws-native Backup plan whose every rule and copy deletes too soon: reported once, at the longest-kept rule", NATIVE_BACKUP_PLAN,
            nativePlan(nativeRule("Hourly", { deleteAfterDays: 1 }), nativeRule("Daily", { deleteAfterDays: 5 }, [{ destinationBackupVaultArn: DR_VAULT, lifecycle: { deleteAfterDays: 2 } }])),
            ["backupPlan.backupPlanRule[1].lifecycle.deleteAfterDays"]],
        ["aws-native Backup plan of 7 days when the minimum is 14", NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Daily", { deleteAfterDays: 7 })),
            ["backupPlan.backupPlanRule[0].lifecycle.deleteAfterDays"], { minBackupRetentionDays: 14 }],
        ["S3 bucket force-destroyed", "aws:s3/bucketV2:BucketV2", { forceDestroy: true }, ["forceDestroy"]],
        ["ECR repository force-deleted", "aws:ecr/repository:Repository", { forceDelete: true }, ["forceDelete"]],
        ["Route 53 zone force-destroyed", "aws:route53/zone:Zone", { name: "example.com", forceDestroy: true }, ["forceDestroy"]],
        ["secret deleted at once", "aws:secretsmanager/secret:Secret", { recoveryWindowInDays: 0 }, ["recoveryWindowInDays"]],
        ["KMS key with 7 days", "aws:kms/key:Key", { deletionWindowInDays: 7 }, ["deletionWindowInDays"]],
        ["KMS key window as a string", "aws:kms/key:Key", { deletionWindowInDays: "30" }, ["deletionWindowInDays"]],
        ["private CA with 7 days", "aws:acmpca/certificateAuthority:CertificateAuthority", { permanentDeletionTimeInDays: 7 }, ["permanentDeletionTimeInDays"]],
        ["account closed on delete", "aws:organizations/account:Account", { closeOnDeletion: true }, ["closeOnDeletion"]],
        ["SageMaker domain deleting home directories", "aws:sagemaker/domain:Domain", { retentionPolicy: { homeEfsFileSystem: "Delete" } }, ["retentionPolicy.homeEfsFileSystem"]],
        ["EBS volume without a final snapshot, when required", EBS, { size: 100 }, ["finalSnapshot"], { requireFinalBackups: true }],
        ["persistent Lustre skipping its backup, when required", LUSTRE, { deploymentType: "PERSISTENT_1", skipFinalBackup: true }, ["skipFinalBackup"], { requireFinalBackups: true }],
        ["MemoryDB without a final snapshot name, when required", MEMORYDB, { snapshotRetentionLimit: 7 }, ["finalSnapshotName"], { requireFinalBackups: true }],
        ["aws-native MemoryDB without a final snapshot name, when required", NATIVE_MEMORYDB, { ...nativeMemorydb, snapshotRetentionLimit: 7 }, ["finalSnapshotName"], { requireFinalBackups: true }],
        ["Redis replication group without a final snapshot, when required", REPLICATION_GROUP, { snapshotRetentionLimit: 7 }, ["finalSnapshotIdentifier"], { requireFinalBackups: true }],
        // DeleteServerlessCache: "Default: NULL, i.e. a final snapshot is not taken".
        ["aws-native serverless Valkey cache without a final snapshot, when required", NATIVE_SERVERLESS_CACHE,
            { serverlessCacheName: "sessions", engine: "valkey", snapshotRetentionLimit: 7 }, ["finalSnapshotName"], { requireFinalBackups: true }],
        ["aws-native serverless Redis cache with an empty final snapshot name, when required", NATIVE_SERVERLESS_CACHE,
            { serverlessCacheName: "sessions", engine: "redis", snapshotRetentionLimit: 7, finalSnapshotName: "" }, ["finalSnapshotName"], { requireFinalBackups: true }],
    ];
    it.each(cases)("%s", (_label, type, props, paths, config) => {
        expect(judge(type, props, config)).toEqual(paths);
    });

    it("does not say a delete keeps no copy when the program retains the automated backups, until their retention period ends", () => {
        const snapshotMessage = (type: string, props: Record<string, unknown>) =>
            findMissingDeletionSafeguards(resource(type, { ...props, skipFinalSnapshot: true }, { name: "orders-db" })).find((f) => f.message.includes("skipFinalSnapshot is true"))!.message;
        // `skip_final_snapshot = !var.deletion_protection` beside `delete_automated_backups = false` (a public RDS module).
        expect(snapshotMessage(RDS, { ...postgres, ...week, deleteAutomatedBackups: false })).toBe('aws:rds/instance:Instance "orders-db": skipFinalSnapshot is true. ' +
            "Deleting it (destroy, removal or replacement) would then keep only the automated backups it retains (`deleteAutomatedBackups: false`), which AWS deletes " +
            "when their retention period ends: remove `skipFinalSnapshot` (or set it to false) and set a `finalSnapshotIdentifier`, unique per generation if the resource may be replaced.");
        expect(snapshotMessage(AURORA, { ...aurora, deleteAutomatedBackups: false })).toContain("would then keep only the automated backups it retains");
        // A retention of 0 keeps none; an unknown one may be 0.
        for (const backupRetentionPeriod of [0, U.number]) {
            expect(snapshotMessage(RDS, { ...postgres, backupRetentionPeriod, deleteAutomatedBackups: false })).toContain("would then keep no copy of the data");
        }
        expect(snapshotMessage(RDS, { ...postgres, ...week, deleteAutomatedBackups: U.boolean })).toContain("would then keep no copy of the data");
    });

    it("says what is wrong, where and how to fix it, without quoting free-form values", () => {
        const [snapshot, backups] = findMissingDeletionSafeguards(resource(RDS, { ...postgres, skipFinalSnapshot: true }, { name: "orders-db" }));
        expect(snapshot.message).toBe('aws:rds/instance:Instance "orders-db": skipFinalSnapshot is true. Deleting it (destroy, removal or replacement) would then keep no copy ' +
            "of the data: remove `skipFinalSnapshot` (or set it to false) and set a `finalSnapshotIdentifier`, unique per generation if the resource may be replaced.");
        expect(backups.message).toBe('aws:rds/instance:Instance "orders-db": backupRetentionPeriod is not set (AWS keeps automated backups for 1 day). ' +
            "Keep automated backups for at least 7 days (`backupRetentionPeriod: 7` or more): they are what a restore after a bad change or corruption starts from.");
        // A final snapshot's name set beside skipFinalSnapshot is not asked for again: it is ignored.
        const [named] = findMissingDeletionSafeguards(resource(RDS, { ...postgres, ...week, skipFinalSnapshot: true, finalSnapshotIdentifier: "orders-final" }, { name: "orders-db" }));
        expect(named.message).toBe('aws:rds/instance:Instance "orders-db": skipFinalSnapshot is true. Deleting it (destroy, removal or replacement) would then keep no copy ' +
            "of the data: the `finalSnapshotIdentifier` it sets is ignored while `skipFinalSnapshot` is true. Remove `skipFinalSnapshot` (or set it to false), " +
            "unique per generation if the resource may be replaced.");
        const [lightsail] = findMissingDeletionSafeguards(resource("aws:lightsail/database:Database", { skipFinalSnapshot: true }));
        expect(lightsail.message).toContain("and set a `finalSnapshotName`, unique per generation");
        // Programs set a 0-day window to reuse a fixed name at once; the fix says how to keep both, unless a namePrefix already does.
        const [secretWindow] = findMissingDeletionSafeguards(resource("aws:secretsmanager/secret:Secret", { name: "shop/stripe-key", recoveryWindowInDays: 0 }));
        expect(secretWindow.message).toBe('aws:secretsmanager/secret:Secret "r": recoveryWindowInDays is 0. Deleting the secret would then destroy it at once, with no recovery: ' +
            "remove `recoveryWindowInDays` (AWS waits 30 days) or set 7 to 30. While a deleted secret waits out its window, no secret of the same name can be created, " +
            "so a replacement or a destroy and redeploy of a fixed `name` fails: leave `name` unset (Pulumi adds a random suffix) or use `namePrefix`.");
        const [prefixed] = findMissingDeletionSafeguards(resource("aws:secretsmanager/secret:Secret", { namePrefix: "shop/stripe-", recoveryWindowInDays: 0 }));
        expect(prefixed.message).toMatch(/or set 7 to 30\.$/);
        const [window] = findMissingDeletionSafeguards(resource("aws:kms/key:Key", { deletionWindowInDays: "s3cr3t-ish" }));
        expect(window.message).toContain("deletionWindowInDays is a string, not a number of days");
        assertNotShown(window.message, ["s3cr3t-ish"], "the message");
        const [restored] = findMissingDeletionSafeguards(resource(DOCDB, { snapshotIdentifier: "docs-2026-01-01" }, { name: "docs" }));
        expect(restored.message).toBe('aws:docdb/cluster:Cluster "docs": backupRetentionPeriod is not set (the provider sends its default of 1 day, even on a restore from a snapshot). ' +
            "Keep automated backups for at least 7 days (`backupRetentionPeriod: 7` or more): they are what a restore after a bad change or corruption starts from.");
        const [backupPlan] = findMissingDeletionSafeguards(resource(BACKUP_PLAN,
            plan(backupRule("hourly", { deleteAfter: 1 }), backupRule("daily", { deleteAfter: 2 }, [{ destinationVaultArn: DR_VAULT, lifecycle: { deleteAfter: 5 } }])), { name: "daily" }));
        expect(backupPlan.message).toBe('aws:backup/plan:Plan "daily": rules[1].lifecycle.deleteAfter is 2. No rule or copy of this plan keeps a recovery point longer than 5 days: ' +
            "keep the longest-kept for at least 7 days (`lifecycle.deleteAfter`, or leave it unset to keep them until deleted; a copy without one keeps its rule's), " +
            "so a restore can reach back past a problem noticed late.");
        const [nativePlanFinding] = findMissingDeletionSafeguards(resource(NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Daily", { deleteAfterDays: 3 })), { name: "daily" }));
        expect(nativePlanFinding.message).toBe('aws-native:backup:BackupPlan "daily": backupPlan.backupPlanRule[0].lifecycle.deleteAfterDays is 3. No rule or copy of this plan ' +
            "keeps a recovery point longer than 3 days: keep the longest-kept for at least 7 days (`lifecycle.deleteAfterDays`, or leave it unset to keep them until deleted; " +
            "a copy without one keeps its rule's), so a restore can reach back past a problem noticed late.");
        const [daily] = findMissingDeletionSafeguards(resource(BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 1 }))));
        expect(daily.message).toContain("keeps a recovery point longer than 1 day: keep");
    });
});

describe("unknown values (preview)", () => {
    const cases: [string, string, Record<string, unknown>][] = [
        ["skipFinalSnapshot", RDS, { backupRetentionPeriod: 7, skipFinalSnapshot: U.boolean }],
        ["backupRetentionPeriod", RDS, { backupRetentionPeriod: U.number }],
        ["a restore input", RDS, { snapshotIdentifier: U.string }],
        ["a snapshot restore input of a DocumentDB cluster", DOCDB, { snapshotIdentifier: U.string }],
        ["customIamInstanceProfile", RDS, { backupRetentionPeriod: 7, customIamInstanceProfile: U.string, skipFinalSnapshot: true }],
        ["engine of a cache cluster", CACHE_CLUSTER, { engine: U.string }],
        ["nodeType of a replication group", REPLICATION_GROUP, { nodeType: U.string }],
        ["the whole PITR block", TABLE, { pointInTimeRecovery: U.object }],
        ["PITR enabled", TABLE, { pointInTimeRecovery: { enabled: U.boolean, recoveryPeriodInDays: 1 } }],
        ["forceDestroy", "aws:s3/bucket:Bucket", { forceDestroy: U.boolean }],
        ["recoveryWindowInDays", "aws:secretsmanager/secret:Secret", { recoveryWindowInDays: U.number }],
        ["deletionWindowInDays", "aws:kms/key:Key", { deletionWindowInDays: U.number }],
        ["pendingWindowInDays of an aws-native key", "aws-native:kms:Key", { pendingWindowInDays: U.number }],
        ["emptyOnDelete of an aws-native repository", "aws-native:ecr:Repository", { emptyOnDelete: U.boolean }],
        ["the whole PITR block of an aws-native table", "aws-native:dynamodb:Table", { pointInTimeRecoverySpecification: U.object }],
        ["PITR enabled on an aws-native table", "aws-native:dynamodb:Table", { pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: U.boolean, recoveryPeriodInDays: 1 } }],
        ["the replicas of a global table", GLOBAL_TABLE, { ...tableV2(), replicas: U.array }],
        ["one replica of a global table", GLOBAL_TABLE, { ...tableV2(undefined), replicas: [U.object, { region: "us-west-2" }] }],
        ["the PITR block of one replica", GLOBAL_TABLE, tableV2(U.object as unknown as Record<string, unknown>, undefined)],
        ["PITR enabled on one replica of a global table", GLOBAL_TABLE, tableV2({ pointInTimeRecoveryEnabled: U.boolean, recoveryPeriodInDays: 1 }, { pointInTimeRecoveryEnabled: false })],
        ["the recovery period of a global table's only recovering replica", GLOBAL_TABLE, tableV2({ pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: U.number }, undefined)],
        ["backupRetentionPeriod of an aws-native RDS instance", "aws-native:rds:DbInstance", { backupRetentionPeriod: U.number }],
        ["the cluster of an aws-native RDS instance", "aws-native:rds:DbInstance", { engine: "aurora-postgresql", dbClusterIdentifier: U.string }],
        ["the replica source of an aws-native RDS instance", "aws-native:rds:DbInstance", { sourceDbInstanceIdentifier: U.string }],
        ["a restore input of an aws-native RDS instance", "aws-native:rds:DbInstance", { dbSnapshotIdentifier: U.string }],
        ["the global cluster of an aws-native Aurora cluster", "aws-native:rds:DbCluster", { engine: "aurora-postgresql", globalClusterIdentifier: U.string }],
        ["Lustre deployment type", LUSTRE, { deploymentType: U.string }],
        ["snapshotRetentionLimit of an aws-native MemoryDB cluster", NATIVE_MEMORYDB, { ...nativeMemorydb, snapshotRetentionLimit: U.number, finalSnapshotName: "orders-final" }],
        ["finalSnapshotName of an aws-native MemoryDB cluster", NATIVE_MEMORYDB, { ...nativeMemorydb, snapshotRetentionLimit: 7, finalSnapshotName: U.string }],
        ["finalSnapshotName of an aws-native serverless cache", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "sessions", engine: "valkey", snapshotRetentionLimit: 7, finalSnapshotName: U.string }],
        ["the engine of an aws-native serverless cache without a final snapshot", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: U.string, engine: U.string, snapshotRetentionLimit: 7 }],
        ["backupRetentionPeriod of an aws-native DocumentDB elastic cluster", NATIVE_DOCDB_ELASTIC, { ...nativeElastic, backupRetentionPeriod: U.number }],
        ["backupRetentionPeriod of an aws-native Neptune cluster", NATIVE_NEPTUNE, { ...nativeNeptune, backupRetentionPeriod: U.number }],
        ["the snapshot an aws-native Neptune cluster restores", NATIVE_NEPTUNE, { ...nativeNeptune, snapshotIdentifier: U.string }],
        ["automatedSnapshotRetentionPeriod of an aws-native Redshift cluster", NATIVE_REDSHIFT, { ...nativeRedshift, automatedSnapshotRetentionPeriod: U.number }],
        ["the snapshot an aws-native Redshift cluster restores", NATIVE_REDSHIFT, { ...nativeRedshift, snapshotIdentifier: U.string }],
        ["snapshotRetentionLimit of an aws-native replication group", NATIVE_REPLICATION_GROUP, { ...nativeGroup, snapshotRetentionLimit: U.number }],
        ["the engine of an aws-native replication group", NATIVE_REPLICATION_GROUP, { ...nativeGroup, engine: U.string }],
        ["the global datastore of an aws-native replication group", NATIVE_REPLICATION_GROUP, { replicationGroupDescription: "s", globalReplicationGroupId: U.string }],
        ["the engine of an aws-native cache cluster", NATIVE_CACHE_CLUSTER, { engine: U.string, cacheNodeType: "cache.t4g.small", numCacheNodes: 1 }],
        ["pointInTimeRecoveryEnabled of an aws-native Keyspaces table", NATIVE_KEYSPACES_TABLE, { ...nativeKeyspacesTable, pointInTimeRecoveryEnabled: U.boolean }],
        ["automaticBackupRetentionDays of an OpenZFS file system", OPENZFS, { ...openzfs, automaticBackupRetentionDays: U.number }],
        ["automaticBackupRetentionDays of a Windows file system", WINDOWS_FS, { ...windowsFs, automaticBackupRetentionDays: U.number }],
        ["the type of an ONTAP volume that skips its final backup", ONTAP_VOLUME, { ...dpVolume, ontapVolumeType: U.string }],
        ["backupRetention of an aws-native Lightsail database", NATIVE_LIGHTSAIL_DB, { ...nativeLightsailDb, backupRetention: U.boolean }],
        ["deletionWindowInDays of a Payment Cryptography key", PAYMENT_KEY, { ...paymentKey, deletionWindowInDays: U.number }],
    ];
    it.each(cases)("%s never causes a violation", (_label, type, props) => {
        expect(judge(type, props, { requireFinalBackups: true })).toEqual([]);
    });
});

describe("metadata and docs", () => {
    it("documents every type and property it judges", () => {
        const doc = fs.readFileSync(path.join(PACK_DIR, "docs/policies/deletion-safeguards.md"), "utf8");
        for (const { type, property } of SAFEGUARDED) {
            expect(doc, type).toContain(`\`${type}\``);
            expect(doc, property).toMatch(new RegExp(`\`${property.replace(/[.[\]]/g, "\\$&")}[\`:]`));
        }
    });

    it("is advisory with medium severity, and the strict preset asks for final backups and versioned buckets", () => {
        expect([deletionSafeguards.enforcementLevel, deletionSafeguards.severity]).toEqual(["advisory", "medium"]);
        expect(deletionSafeguards.strictConfig).toEqual({ requireFinalBackups: true, requireBucketVersioning: true });
    });
});

describe("findUnversionedBuckets (stack part): S3 versioning, with requireBucketVersioning", () => {
    const BUCKET = "aws:s3/bucket:Bucket";
    const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
    const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
    const VERSIONING_V2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    const ON = { ...DEFAULT_DELETION_SAFEGUARDS_CONFIG, requireBucketVersioning: true };
    const bucket = (name: string, props: Record<string, unknown> = {}, options = {}) => resource(BUCKET, { bucket: `acme-${name}`, ...props }, { name, ...options });
    const versioning = (name: string, bucketName: unknown, status: unknown, options = {}, type = VERSIONING) =>
        resource(type, { bucket: bucketName, versioningConfiguration: { status } }, { name, ...options });
    const reported = (resources: PlainResource[], dryRun = false, config = ON) => findUnversionedBuckets(resources, config, { dryRun }).map((f) => f.resource?.name);

    it("is off by default: most buckets of a program are rebuilt from their source", () => {
        expect(DEFAULT_DELETION_SAFEGUARDS_CONFIG.requireBucketVersioning).toBe(false);
        expect(reported([bucket("site")], false, DEFAULT_DELETION_SAFEGUARDS_CONFIG)).toEqual([]);
    });

    it("passes a bucket a BucketVersioning enables (either type, by name or id), Object Lock, or the deprecated inline block", () => {
        expect(reported([bucket("docs"), versioning("docs-v", "acme-docs", "Enabled")])).toEqual([]);
        expect(reported([bucket("docs", {}, { }), versioning("docs-v", "acme-docs", "Enabled", {}, VERSIONING_V2)])).toEqual([]);
        expect(reported([resource(BUCKET_V2, { bucket: "acme-docs", id: "acme-docs" }, { name: "docs" }), versioning("docs-v", "acme-docs", "Enabled")])).toEqual([]);
        expect(reported([bucket("audit", { objectLockEnabled: true })])).toEqual([]);
        expect(reported([bucket("audit", { objectLockConfiguration: { objectLockEnabled: "Enabled" } })])).toEqual([]);
        expect(reported([bucket("legacy", { versioning: { enabled: true } })])).toEqual([]);
        expect(reported([resource(BUCKET_V2, { bucket: "acme-legacy", versionings: [{ enabled: true, mfaDelete: false }] }, { name: "legacy" })])).toEqual([]);
        expect(reported([resource(BUCKET_V2, { bucket: "acme-legacy", versionings: [{ enabled: false }] }, { name: "legacy" })])).toEqual(["legacy"]);
        expect(reported([resource(BUCKET_V2, { bucket: "acme-legacy", objectLockConfiguration: { objectLockEnabled: "Enabled" } }, { name: "locked" })])).toEqual([]);
        // Outputs after an update: the bucket's computed block still shows the state before its BucketVersioning.
        expect(reported([bucket("docs", { versioning: { enabled: false, mfaDelete: false }, objectLockEnabled: false }), versioning("docs-v", "acme-docs", "Enabled")])).toEqual([]);
    });

    it("reports a bucket nothing versions, one whose BucketVersioning suspends or disables it, and the inline block turned off", () => {
        const messages = (resources: PlainResource[]) => findUnversionedBuckets(resources, ON, { dryRun: false }).map((f) => f.message.split(", so ")[0]);
        expect(messages([bucket("invoices"), bucket("exports"), versioning("exports-v", "acme-exports", "Suspended"), bucket("old", { versioning: { enabled: false } })])).toEqual([
            `${BUCKET} "invoices": is not versioned (no BucketVersioning names it, and S3 leaves a bucket unversioned)`,
            `${BUCKET} "exports": its BucketVersioning "exports-v" sets versioningConfiguration.status to "Suspended", not "Enabled"`,
            `${BUCKET} "old": is not versioned (no BucketVersioning names it, and S3 leaves a bucket unversioned)`,
        ]);
        // A BucketVersioning of another bucket, or one that names a bucket outside the stack, versions nothing here.
        expect(reported([bucket("a"), bucket("b"), versioning("b-v", "acme-b", "Enabled"), versioning("x-v", "elsewhere", "Enabled")])).toEqual(["a"]);
        expect(reported([bucket("a"), versioning("a-v", "acme-a", "Disabled")])).toEqual(["a"]);
    });

    it("judges an aws-native bucket (CDK's Bucket through pulumi-cdk) by its inline versioningConfiguration, its only way to version", () => {
        const NATIVE = "aws-native:s3:Bucket";
        const native = (name: string, props: Record<string, unknown> = {}, options = {}) => resource(NATIVE, props, { name, ...options });
        // CDK's `versioned: true`, and Object Lock (which CDK pairs with versioning, and S3 requires).
        expect(reported([native("docs", { versioningConfiguration: { status: "Enabled" } })])).toEqual([]);
        expect(reported([native("audit", { objectLockEnabled: true })])).toEqual([]);
        expect(reported([native("audit", { objectLockEnabled: true, versioningConfiguration: { status: "Enabled" } })])).toEqual([]);
        // A classic BucketVersioning naming it by its bucketName decides, as for a classic bucket.
        expect(reported([native("mixed", { bucketName: "acme-mixed" }), versioning("m-v", "acme-mixed", "Enabled")])).toEqual([]);
        const messages = (resources: PlainResource[], dryRun = false) => findUnversionedBuckets(resources, ON, { dryRun }).map((f) => f.message);
        const [unset, suspended] = messages([native("site"), native("exports", { versioningConfiguration: { status: "Suspended" } })]);
        expect(unset).toContain(`${NATIVE} "site": is not versioned (it sets no versioningConfiguration, and S3 leaves a bucket unversioned)`);
        expect(unset).toContain('Set `versioningConfiguration: { status: "Enabled" }` on it (CDK: `versioned: true`');
        expect(suspended).toContain(`${NATIVE} "exports": sets versioningConfiguration.status to "Suspended", not "Enabled"`);
        // Unknown at preview (aws-native sends an unset input as absent, so an unknown is always built): waits.
        expect(messages([native("u", { versioningConfiguration: U.object }), native("v", { versioningConfiguration: { status: U.string } }),
            native("w", { objectLockEnabled: U.boolean })], true)).toEqual([]);
        expect(messages([native("u", { versioningConfiguration: U.object })], false)).toEqual([]);
        // Off by default.
        expect(findUnversionedBuckets([native("site")], DEFAULT_DELETION_SAFEGUARDS_CONFIG, { dryRun: false })).toEqual([]);
    });

    it("says how to fix it, quotes only documented statuses, and points at the bucket", () => {
        const [finding] = findUnversionedBuckets([bucket("exports"), versioning("exports-v", "acme-exports", "hunter2-typo")], ON, { dryRun: false });
        expect(finding.message).toContain("sets versioningConfiguration.status to another value");
        expect(finding.message).toContain('Add an `aws.s3.BucketVersioning` with `versioningConfiguration: { status: "Enabled" }`');
        assertNotShown(finding.message, ["hunter2-typo"], "a finding");
        expect(finding.resource).toEqual({ urn: bucket("exports").urn, type: BUCKET, name: "exports" });
    });

    it("preview: a status, a lock or a block not known yet may version the bucket; a computed block of a new bucket is not set", () => {
        const newBucket = bucket("uploads", { bucket: U.string, versioning: U.object, objectLockEnabled: U.boolean, objectLockConfiguration: U.object });
        const deps = { propertyDependencies: { bucket: [newBucket.urn] } };
        expect(reported([newBucket, versioning("v", U.string, "Enabled", deps)], true)).toEqual([]);
        expect(reported([newBucket, versioning("v", U.string, U.string, deps)], true)).toEqual([]);
        expect(reported([newBucket, resource(VERSIONING, { bucket: U.string, versioningConfiguration: U.object }, { name: "v", ...deps })], true)).toEqual([]);
        // Nothing targets it, and its unknown blocks are the provider's computed values: reported.
        expect(reported([newBucket], true)).toEqual(["uploads"]);
        // Built from another resource's output (recorded as a dependency), or outside preview: not known, not reported.
        expect(reported([bucket("u", { versioning: U.object }, { propertyDependencies: { versioning: ["urn:x"] } })], true)).toEqual([]);
        expect(reported([bucket("u", { versioning: U.object, objectLockEnabled: false })], false)).toEqual([]);
        expect(reported([resource(BUCKET_V2, { bucket: U.string, versionings: U.array, objectLockEnabled: U.boolean }, { name: "v2" })], true)).toEqual(["v2"]);
        expect(reported([resource(BUCKET_V2, { bucket: "acme-v2", versionings: U.array }, { name: "v2", propertyDependencies: { versionings: ["urn:x"] } })], true)).toEqual([]);
        expect(reported([newBucket, versioning("v", U.string, "Suspended", deps)], true)).toEqual(["uploads"]);
    });

    it("preview: a bucket and its BucketVersioning named from one random suffix (neither depends on the other) wait for apply unless no status may enable it", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        const fromSuffix = (urn = SUFFIX) => ({ propertyDependencies: { bucket: [urn] } });
        const newBucket = bucket("uploads", { bucket: U.string, versioning: U.object, objectLockEnabled: U.boolean }, fromSuffix());
        // After apply both name `uploads-1a2b3c4d`: the BucketVersioning enables it.
        expect(reported([bucket("uploads", { bucket: "uploads-1a2b3c4d" }, fromSuffix()), versioning("v", "uploads-1a2b3c4d", "Enabled", fromSuffix(), VERSIONING_V2)])).toEqual([]);
        expect(reported([newBucket, versioning("v", U.string, "Enabled", fromSuffix(), VERSIONING_V2)], true)).toEqual([]);
        expect(reported([newBucket, versioning("v", U.string, U.string, fromSuffix())], true)).toEqual([]);
        // Every versioning it may be named by suspends it; one built from another source is not a candidate.
        const messages = (resources: PlainResource[]) => findUnversionedBuckets(resources, ON, { dryRun: true }).map((f) => f.message.split(", so ")[0]);
        expect(messages([newBucket, versioning("v", U.string, "Suspended", fromSuffix())])).toEqual([
            `${BUCKET} "uploads": its BucketVersioning "v" sets versioningConfiguration.status to "Suspended", not "Enabled"`,
        ]);
        expect(reported([newBucket, versioning("v", U.string, "Enabled", fromSuffix(OTHER))], true)).toEqual(["uploads"]);
    });

    it("reads each resource a bounded number of times, with 3,000 buckets and versionings sharing one name", () => {
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [];
        for (let i = 0; i < n; i++) resources.push(wrap(bucket(`b${i}`, { bucket: "acme-shared" })), wrap(versioning(`v${i}`, "acme-shared", i === 0 ? "Enabled" : "Suspended")));
        expect(reported(resources)).toEqual([]);
        expect(reads() / (2 * n)).toBeLessThan(50);
    });
});

/** One resource per setting and verdict: the names say what each must do. */
interface Case { name: string; type: string; props: Record<string, unknown>; fails: boolean }

const ok = (name: string, type: string, props: Record<string, unknown>): Case => ({ name: `ok-${name}`, type, props, fails: false });
const bad = (name: string, type: string, props: Record<string, unknown>): Case => ({ name: `bad-${name}`, type, props, fails: true });

const week = { backupRetentionPeriod: 7 };
const NATIVE_RDS = "aws-native:rds:DbInstance";
const NATIVE_AURORA = "aws-native:rds:DbCluster";
const NATIVE_TABLE = "aws-native:dynamodb:Table";
const NATIVE_ECR = "aws-native:ecr:Repository";
const NATIVE_KMS = "aws-native:kms:Key";
// CDK's DatabaseInstance and Table as pulumi-cdk sends them (CloudFormation's allocatedStorage is a string).
const nativePostgres = { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20", masterUsername: "app", manageMasterUserPassword: true };
const nativeTable = { keySchema: [{ attributeName: "id", keyType: "HASH" }], attributeDefinitions: [{ attributeName: "id", attributeType: "S" }], billingMode: "PAY_PER_REQUEST" };

const DEFAULT_CASES: Case[] = [
    // Final snapshots.
    bad("rds-final-snapshot", RDS, { ...postgres, ...week, skipFinalSnapshot: true, password: { $secret: "pw-value-123456" } }),
    bad("rds-final-snapshot-retained-backups", RDS, { ...postgres, ...week, skipFinalSnapshot: true, deleteAutomatedBackups: false }),
    ok("rds-final-snapshot", RDS, { ...postgres, ...week, skipFinalSnapshot: false, finalSnapshotIdentifier: "orders-final" }),
    ok("rds-replica", RDS, { instanceClass: "db.t4g.micro", replicateSourceDb: "orders", skipFinalSnapshot: true }),
    ok("rds-custom", RDS, { ...postgres, ...week, customIamInstanceProfile: "AWSRDSCustomSQLServerInstanceProfile", skipFinalSnapshot: true }),
    // The identifier is ignored while skipFinalSnapshot is true (RelationLab/hasura-engine-eks sets both).
    bad("aurora-final-snapshot", AURORA, { ...aurora, ...week, skipFinalSnapshot: true, finalSnapshotIdentifier: "aurora-final" }),
    ok("aurora-final-snapshot", AURORA, { ...aurora, ...week, finalSnapshotIdentifier: "aurora-final" }),
    ok("aurora-replica-cluster", AURORA, { engine: "aurora-mysql", replicationSourceIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:orders", skipFinalSnapshot: true }),
    ok("aurora-global-secondary", AURORA, { engine: "aurora-postgresql", globalClusterIdentifier: "orders-global", skipFinalSnapshot: true }),
    bad("docdb-final-snapshot", DOCDB, { ...docdb, ...week, skipFinalSnapshot: true }),
    ok("docdb-final-snapshot", DOCDB, { ...docdb, ...week, finalSnapshotIdentifier: "docs-final" }),
    bad("neptune-final-snapshot", NEPTUNE, { ...week, skipFinalSnapshot: true }),
    ok("neptune-final-snapshot", NEPTUNE, { ...week, skipFinalSnapshot: false, finalSnapshotIdentifier: "graph-final" }),
    bad("redshift-final-snapshot", REDSHIFT, { nodeType: "ra3.xlplus", automatedSnapshotRetentionPeriod: 7, skipFinalSnapshot: true }),
    ok("redshift-final-snapshot", REDSHIFT, { nodeType: "ra3.xlplus", automatedSnapshotRetentionPeriod: 7, finalSnapshotIdentifier: "dw-final" }),
    bad("lightsail-final-snapshot", "aws:lightsail/database:Database", { relationalDatabaseName: "shop", skipFinalSnapshot: true }),
    ok("lightsail-final-snapshot", "aws:lightsail/database:Database", { relationalDatabaseName: "shop", finalSnapshotName: "shop-final" }),
    bad("fsx-windows-final-backup", "aws:fsx/windowsFileSystem:WindowsFileSystem", { storageCapacity: 32, throughputCapacity: 32, skipFinalBackup: true }),
    ok("fsx-windows-final-backup", "aws:fsx/windowsFileSystem:WindowsFileSystem", { storageCapacity: 32, throughputCapacity: 32 }),
    bad("fsx-openzfs-final-backup", "aws:fsx/openZfsFileSystem:OpenZfsFileSystem", { deploymentType: "SINGLE_AZ_2", skipFinalBackup: true }),
    ok("fsx-openzfs-final-backup", "aws:fsx/openZfsFileSystem:OpenZfsFileSystem", { deploymentType: "SINGLE_AZ_2", skipFinalBackup: false, automaticBackupRetentionDays: 7 }),
    bad("fsx-ontap-volume-final-backup", "aws:fsx/ontapVolume:OntapVolume", { name: "vol1", skipFinalBackup: true }),
    ok("fsx-ontap-volume-final-backup", "aws:fsx/ontapVolume:OntapVolume", { name: "vol1" }),
    ok("fsx-ontap-dp-volume-final-backup", ONTAP_VOLUME, dpVolume),
    // Backup retention.
    bad("rds-retention-unset", RDS, { ...postgres }),
    bad("rds-retention-off", RDS, { ...postgres, backupRetentionPeriod: 0 }),
    ok("rds-retention", RDS, { ...postgres, backupRetentionPeriod: 14 }),
    ok("rds-restored", RDS, { ...postgres, snapshotIdentifier: "orders-2026-01-01" }),
    bad("aurora-retention", AURORA, { ...aurora }),
    ok("aurora-retention", AURORA, { ...aurora, backupRetentionPeriod: 35 }),
    bad("docdb-retention", DOCDB, { ...docdb, backupRetentionPeriod: 1 }),
    ok("docdb-retention", DOCDB, { ...docdb, backupRetentionPeriod: 7 }),
    bad("docdb-elastic-retention", "aws:docdb/elasticCluster:ElasticCluster", { adminUserName: "app", authType: "SECRET_ARN", shardCapacity: 2, shardCount: 1 }),
    ok("docdb-elastic-retention", "aws:docdb/elasticCluster:ElasticCluster", { adminUserName: "app", authType: "SECRET_ARN", shardCapacity: 2, shardCount: 1, backupRetentionPeriod: 7 }),
    bad("neptune-retention", NEPTUNE, {}),
    ok("neptune-retention", NEPTUNE, { backupRetentionPeriod: 7 }),
    bad("redshift-retention", REDSHIFT, { nodeType: "ra3.xlplus" }),
    ok("redshift-retention", REDSHIFT, { nodeType: "ra3.xlplus", automatedSnapshotRetentionPeriod: 7 }),
    bad("redis-group-retention", REPLICATION_GROUP, { description: "sessions", nodeType: "cache.t4g.small", numCacheClusters: 2 }),
    ok("redis-group-retention", REPLICATION_GROUP, { description: "sessions", nodeType: "cache.t4g.small", numCacheClusters: 2, snapshotRetentionLimit: 7 }),
    bad("redis-cluster-retention", CACHE_CLUSTER, { engine: "redis", nodeType: "cache.t4g.small", numCacheNodes: 1 }),
    ok("memcached-cluster", CACHE_CLUSTER, { engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 2 }),
    ok("redis-group-member", CACHE_CLUSTER, { replicationGroupId: "sessions" }),
    bad("serverless-cache-retention", SERVERLESS_CACHE, { engine: "valkey", snapshotRetentionLimit: 1 }),
    ok("serverless-cache-retention", SERVERLESS_CACHE, { engine: "valkey", snapshotRetentionLimit: 7 }),
    bad("memorydb-retention", MEMORYDB, { nodeType: "db.r7g.large" }),
    ok("memorydb-retention", MEMORYDB, { nodeType: "db.r7g.large", snapshotRetentionLimit: 7 }),
    bad("native-memorydb-retention", NATIVE_MEMORYDB, nativeMemorydb),
    ok("native-memorydb-retention", NATIVE_MEMORYDB, { ...nativeMemorydb, snapshotRetentionLimit: 7 }),
    ok("native-memorydb-multi-region", NATIVE_MEMORYDB, { ...nativeMemorydb, multiRegionClusterName: "orders-mr" }),
    bad("native-docdb-elastic-retention", NATIVE_DOCDB_ELASTIC, { ...nativeElastic, backupRetentionPeriod: 1 }),
    ok("native-docdb-elastic-retention", NATIVE_DOCDB_ELASTIC, { ...nativeElastic, backupRetentionPeriod: 14 }),
    bad("native-neptune-retention", NATIVE_NEPTUNE, nativeNeptune),
    ok("native-neptune-retention", NATIVE_NEPTUNE, { ...nativeNeptune, backupRetentionPeriod: 7 }),
    ok("native-neptune-restored", NATIVE_NEPTUNE, { ...nativeNeptune, snapshotIdentifier: "graph-2026-01-01" }),
    bad("native-redshift-retention", NATIVE_REDSHIFT, nativeRedshift),
    ok("native-redshift-retention", NATIVE_REDSHIFT, { ...nativeRedshift, automatedSnapshotRetentionPeriod: 7 }),
    bad("native-redis-group-retention", NATIVE_REPLICATION_GROUP, nativeGroup),
    ok("native-redis-group-retention", NATIVE_REPLICATION_GROUP, { ...nativeGroup, snapshotRetentionLimit: 7 }),
    ok("native-redis-group-secondary", NATIVE_REPLICATION_GROUP, { replicationGroupDescription: "sessions eu", globalReplicationGroupId: "ldgnf-sessions" }),
    bad("native-redis-cluster-retention", NATIVE_CACHE_CLUSTER, { engine: "redis", cacheNodeType: "cache.t4g.small", numCacheNodes: 1 }),
    ok("native-memcached-cluster", NATIVE_CACHE_CLUSTER, { engine: "memcached", cacheNodeType: "cache.t4g.small", numCacheNodes: 2 }),
    bad("native-serverless-cache-retention", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "sessions", engine: "valkey", snapshotRetentionLimit: 1 }),
    ok("native-serverless-cache-retention", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "sessions", engine: "valkey" }),
    bad("native-keyspaces-pitr", NATIVE_KEYSPACES_TABLE, nativeKeyspacesTable),
    ok("native-keyspaces-pitr", NATIVE_KEYSPACES_TABLE, { ...nativeKeyspacesTable, pointInTimeRecoveryEnabled: true }),
    bad("fsx-openzfs-retention-unset", OPENZFS, { ...openzfs }),
    ok("fsx-openzfs-retention", OPENZFS, { ...openzfs, automaticBackupRetentionDays: 30 }),
    bad("fsx-ontap-retention-unset", ONTAP, { ...ontap }),
    ok("fsx-ontap-retention", ONTAP, { ...ontap, automaticBackupRetentionDays: 7 }),
    bad("fsx-windows-retention-off", WINDOWS_FS, { ...windowsFs, automaticBackupRetentionDays: 0 }),
    ok("fsx-windows-retention-unset", WINDOWS_FS, { ...windowsFs }),
    bad("lightsail-backups", "aws:lightsail/database:Database", { relationalDatabaseName: "shop", backupRetentionEnabled: false }),
    bad("native-lightsail-backups", NATIVE_LIGHTSAIL_DB, { ...nativeLightsailDb, backupRetention: false }),
    ok("native-lightsail-backups", NATIVE_LIGHTSAIL_DB, { ...nativeLightsailDb, backupRetention: true }),
    ok("native-lightsail-backups-unset", NATIVE_LIGHTSAIL_DB, nativeLightsailDb),
    // Point-in-time recovery.
    bad("dynamodb-pitr-unset", TABLE, { hashKey: "id" }),
    bad("dynamodb-pitr-off", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: false } }),
    bad("dynamodb-pitr-period", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 2 } }),
    ok("dynamodb-pitr", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: true } }),
    ok("dynamodb-replica-without-pitr", TABLE_REPLICA, { globalTableArn: ORDERS_TABLE_ARN }),
    ok("dynamodb-inline-replicas-without-pitr", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "us-west-2" }] }),
    bad("backup-plan-retention", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 3 }))),
    ok("backup-plan-retention", BACKUP_PLAN, plan(backupRule("hourly", { deleteAfter: 1 }), backupRule("daily", { deleteAfter: 35 }))),
    bad("backup-plan-copy", BACKUP_PLAN, plan(backupRule("daily", { deleteAfter: 1 }, [{ destinationVaultArn: DR_VAULT }]))),
    bad("native-backup-plan-retention", NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Daily", { deleteAfterDays: 1 }, [{ destinationBackupVaultArn: DR_VAULT }]))),
    ok("native-backup-plan-retention", NATIVE_BACKUP_PLAN, nativePlan(nativeRule("Hourly", { deleteAfterDays: 1 }), nativeRule("Daily", { deleteAfterDays: 35 }))),
    bad("keyspaces-pitr", KEYSPACES_TABLE, { keyspaceName: "shop", tableName: "orders" }),
    ok("keyspaces-pitr", KEYSPACES_TABLE, { keyspaceName: "shop", tableName: "orders", pointInTimeRecovery: { status: "ENABLED" } }),
    // Force-delete flags.
    ...([
        ["s3-bucket", "aws:s3/bucket:Bucket", "forceDestroy"],
        ["s3-bucket-v2", "aws:s3/bucketV2:BucketV2", "forceDestroy"],
        ["s3-directory-bucket", "aws:s3/directoryBucket:DirectoryBucket", "forceDestroy"],
        ["s3-table-bucket", "aws:s3tables/tableBucket:TableBucket", "forceDestroy"],
        ["s3-vector-bucket", "aws:s3/vectorsVectorBucket:VectorsVectorBucket", "forceDestroy"],
        ["lightsail-bucket", "aws:lightsail/bucket:Bucket", "forceDelete"],
        ["backup-vault", "aws:backup/vault:Vault", "forceDestroy"],
        ["ecr-repository", "aws:ecr/repository:Repository", "forceDelete"],
        ["ecr-public-repository", "aws:ecrpublic/repository:Repository", "forceDestroy"],
        ["route53-zone", "aws:route53/zone:Zone", "forceDestroy"],
        ["dsql-cluster", "aws:dsql/cluster:Cluster", "forceDestroy"],
    ] as const).flatMap(([name, type, flag]) => [bad(name, type, { [flag]: true }), ok(name, type, { [flag]: false }), ok(`${name}-unset`, type, {})]),
    // Recovery windows.
    bad("secret-window", "aws:secretsmanager/secret:Secret", { name: "shop/api", recoveryWindowInDays: 0 }),
    ok("secret-window", "aws:secretsmanager/secret:Secret", { name: "shop/api", recoveryWindowInDays: 7 }),
    ok("secret-window-unset", "aws:secretsmanager/secret:Secret", { name: "shop/api" }),
    bad("kms-window", "aws:kms/key:Key", { deletionWindowInDays: 7 }),
    ok("kms-window", "aws:kms/key:Key", { deletionWindowInDays: 30 }),
    ok("kms-window-unset", "aws:kms/key:Key", {}),
    bad("kms-external-window", "aws:kms/externalKey:ExternalKey", { deletionWindowInDays: 10 }),
    ok("kms-external-window", "aws:kms/externalKey:ExternalKey", {}),
    // CDK apps through pulumi-cdk (aws-native, CloudFormation's inputs and defaults).
    bad("native-rds-retention-unset", NATIVE_RDS, nativePostgres),
    ok("native-rds-retention", NATIVE_RDS, { ...nativePostgres, ...week }),
    ok("native-rds-replica", NATIVE_RDS, { sourceDbInstanceIdentifier: "orders-db", dbInstanceClass: "db.t4g.micro" }),
    ok("native-aurora-instance", NATIVE_RDS, { engine: "aurora-postgresql", dbClusterIdentifier: "orders-cluster", dbInstanceClass: "db.r6g.large" }),
    bad("native-aurora-retention", NATIVE_AURORA, { ...aurora, backupRetentionPeriod: 3 }),
    ok("native-aurora-retention", NATIVE_AURORA, { ...aurora, ...week }),
    ok("native-aurora-secondary", NATIVE_AURORA, { engine: "aurora-postgresql", globalClusterIdentifier: "orders-global" }),
    bad("native-table-pitr-unset", NATIVE_TABLE, nativeTable),
    ok("native-table-pitr", NATIVE_TABLE, { ...nativeTable, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } }),
    bad("native-table-pitr-period", NATIVE_TABLE, { ...nativeTable, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 3 } }),
    // CDK's TableV2 through pulumi-cdk (AWS::DynamoDB::GlobalTable): one replica with recovery is enough.
    bad("global-table-pitr-unset", GLOBAL_TABLE, tableV2(undefined, undefined)),
    ok("global-table-pitr", GLOBAL_TABLE, tableV2(undefined, { pointInTimeRecoveryEnabled: true })),
    bad("global-table-pitr-period", GLOBAL_TABLE, tableV2({ pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 3 })),
    bad("native-ecr-empty-on-delete", NATIVE_ECR, { repositoryName: "orders", emptyOnDelete: true }),
    ok("native-ecr", NATIVE_ECR, { repositoryName: "orders", emptyOnDelete: false }),
    bad("native-kms-window", NATIVE_KMS, { pendingWindowInDays: 7 }),
    ok("native-kms-window-unset", NATIVE_KMS, { enableKeyRotation: true }),
    bad("private-ca-window", "aws:acmpca/certificateAuthority:CertificateAuthority", { permanentDeletionTimeInDays: 7 }),
    ok("private-ca-window", "aws:acmpca/certificateAuthority:CertificateAuthority", { permanentDeletionTimeInDays: 30 }),
    bad("payment-key-window-unset", PAYMENT_KEY, paymentKey),
    bad("payment-key-window", PAYMENT_KEY, { ...paymentKey, deletionWindowInDays: 7 }),
    ok("payment-key-window", PAYMENT_KEY, { ...paymentKey, deletionWindowInDays: 30 }),
    // Wider deletes.
    bad("account-close", "aws:organizations/account:Account", { email: "billing@example.com", name: "billing", closeOnDeletion: true }),
    ok("account-close", "aws:organizations/account:Account", { email: "billing@example.com", name: "billing" }),
    bad("sagemaker-home", "aws:sagemaker/domain:Domain", { domainName: "ml", authMode: "IAM", retentionPolicy: { homeEfsFileSystem: "Delete" } }),
    ok("sagemaker-home", "aws:sagemaker/domain:Domain", { domainName: "ml", authMode: "IAM", retentionPolicy: { homeEfsFileSystem: "Retain" } }),
    bad("ontap-snaplock-bypass", "aws:fsx/ontapVolume:OntapVolume", { name: "vol2", bypassSnaplockEnterpriseRetention: true }),
    // Final backups the provider skips by default: not required by default.
    ok("ebs-final-snapshot-default", EBS, { availabilityZone: "eu-west-1a", size: 100 }),
    ok("lustre-final-backup-default", LUSTRE, { deploymentType: "PERSISTENT_2", skipFinalBackup: true }),
];

const FINAL_BACKUP_CASES: Case[] = [
    bad("ebs-final-snapshot", EBS, { availabilityZone: "eu-west-1a", size: 100 }),
    ok("ebs-final-snapshot", EBS, { availabilityZone: "eu-west-1a", size: 100, finalSnapshot: true }),
    bad("lustre-final-backup", LUSTRE, { deploymentType: "PERSISTENT_2" }),
    ok("lustre-final-backup", LUSTRE, { deploymentType: "PERSISTENT_2", skipFinalBackup: false }),
    ok("lustre-scratch", LUSTRE, { deploymentType: "SCRATCH_2" }),
    ok("lustre-linked-to-s3", LUSTRE, { deploymentType: "PERSISTENT_1", perUnitStorageThroughput: 50, importPath: "s3://training-data-7d1e2a" }),
    bad("memorydb-final-snapshot", MEMORYDB, { nodeType: "db.r7g.large", snapshotRetentionLimit: 7 }),
    ok("memorydb-final-snapshot", MEMORYDB, { nodeType: "db.r7g.large", snapshotRetentionLimit: 7, finalSnapshotName: "orders-final" }),
    bad("native-memorydb-final-snapshot", NATIVE_MEMORYDB, { ...nativeMemorydb, snapshotRetentionLimit: 7 }),
    ok("native-memorydb-final-snapshot", NATIVE_MEMORYDB, { ...nativeMemorydb, snapshotRetentionLimit: 7, finalSnapshotName: "orders-final" }),
    bad("redis-group-final-snapshot", REPLICATION_GROUP, { description: "queues", snapshotRetentionLimit: 7 }),
    ok("redis-group-final-snapshot", REPLICATION_GROUP, { description: "queues", snapshotRetentionLimit: 7, finalSnapshotIdentifier: "queues-final" }),
    ok("memcached-final-snapshot", CACHE_CLUSTER, { engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 1 }),
    bad("native-serverless-final-snapshot", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "sessions", engine: "valkey", majorEngineVersion: "8", snapshotRetentionLimit: 7 }),
    ok("native-serverless-final-snapshot", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "sessions", engine: "valkey", majorEngineVersion: "8", snapshotRetentionLimit: 7, finalSnapshotName: "sessions-final" }),
    ok("native-serverless-memcached-final-snapshot", NATIVE_SERVERLESS_CACHE, { serverlessCacheName: "pages", engine: "memcached" }),
];

const fixture = (cases: Case[]) => ({ resources: cases.map(({ name, type, props }) => ({ type, name, props })) });
const expectedFailures = (cases: Case[]) => cases.filter((c) => c.fails).map((c) => c.name).sort();

describe("deletion-safeguards through the engine path", () => {
    const engine = useEngine();

    it("has a failing case for every setting it judges, and a passing case for every type", () => {
        const cases = [...DEFAULT_CASES, ...FINAL_BACKUP_CASES];
        // A list element's path (rules[1].lifecycle) names the property of every element (rules[].lifecycle).
        const failing = new Set(cases.filter((c) => c.fails).flatMap((c) => judge(c.type, c.props, { requireFinalBackups: true }).map((p) => `${c.type} ${p.replace(/\[\d+\]/g, "[]")}`)));
        const passing = new Set(cases.filter((c) => !c.fails).map((c) => c.type));
        expect(SAFEGUARDED.map((s) => `${s.type} ${s.property}`).filter((s) => !failing.has(s))).toEqual([]);
        expect(SAFEGUARDED.map((s) => s.type).filter((type) => !passing.has(type))).toEqual([]);
    });

    it("reports each unsafe setting, advisory by default, and passes the safe ones", async () => {
        const run = await engine.run(fixture(DEFAULT_CASES));
        const found = run.of(POLICY);
        const names = (d: { urn: string }) => run.resources.find((r) => r.urn === d.urn)!.name;
        expect([...new Set(found.map(names))].sort()).toEqual(expectedFailures(DEFAULT_CASES));
        expect(new Set(found.map((d) => d.enforcementLevel))).toEqual(new Set(["advisory"]));
        for (const d of found) assertNotShown(d.message, ["pw-value-123456", "not-a-real-password-1"], `the message on ${names(d)}`);
        expect(run.on("bad-rds-final-snapshot").find((d) => d.policyName === POLICY)!.message).toContain("skipFinalSnapshot is true");
        expect(run.on("bad-rds-final-snapshot-retained-backups").find((d) => d.policyName === POLICY)!.message)
            .toContain("would then keep only the automated backups it retains (`deleteAutomatedBackups: false`), which AWS deletes when their retention period ends");
        expect(run.on("bad-aurora-final-snapshot").find((d) => d.policyName === POLICY)!.message)
            .toContain("the `finalSnapshotIdentifier` it sets is ignored while `skipFinalSnapshot` is true. Remove `skipFinalSnapshot`");
        expect(run.on("bad-secret-window").find((d) => d.policyName === POLICY)!.message).toContain("leave `name` unset (Pulumi adds a random suffix) or use `namePrefix`");
        expect(run.on("bad-rds-retention-unset").find((d) => d.policyName === POLICY)!.message).toContain("backupRetentionPeriod is not set (AWS keeps automated backups for 1 day)");
        // A Payment Cryptography key's unset window is AWS's 7 days: the fix does not offer removing it.
        expect(run.on("bad-payment-key-window-unset").find((d) => d.policyName === POLICY)!.message.split("\n")[1]).toBe(
            `${PAYMENT_KEY} "bad-payment-key-window-unset": deletionWindowInDays is not set (AWS waits 7 days). Once the window ends, the key material is gone and nothing ` +
                "encrypted or derived under it (PINs, card data) can be processed again, unless the key is imported again from a copy kept elsewhere: keep at least 30 days " +
                "(`deletionWindowInDays: 30`) to notice and cancel a mistaken deletion.");
        expect(run.on("bad-native-lightsail-backups").find((d) => d.policyName === POLICY)!.message)
            .toContain("backupRetention is false. Turning backup retention off deletes every automated backup of the database: remove `backupRetention` (or set it to true).");
        expect(run.on("bad-dynamodb-pitr-unset").find((d) => d.policyName === POLICY)!.message).toContain("pointInTimeRecovery.enabled is not set (AWS leaves point-in-time recovery off)");
        expect(run.on("bad-global-table-pitr-unset").filter((d) => d.policyName === POLICY).map((d) => d.message.split("\n")[1])).toEqual([0, 1].map((i) =>
            `${GLOBAL_TABLE} "bad-global-table-pitr-unset": replicas[${i}].pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled is not set (AWS leaves point-in-time recovery off). ` +
            "Set `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }` on at least one replica (CDK's TableV2: `pointInTimeRecoverySpecification` " +
            "or `pointInTimeRecovery: true`, which every replica inherits): it restores the table to any second of the recovery period, " +
            "and a deleted table to the moment of its deletion for 35 days."));
    });

    it("with requireFinalBackups, also reports the final snapshots and backups the provider skips by default", async () => {
        const run = await engine.run(fixture(FINAL_BACKUP_CASES), { config: { [POLICY]: { properties: { requireFinalBackups: true } } } });
        const found = run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)!.name);
        expect([...new Set(found)].sort()).toEqual(expectedFailures(FINAL_BACKUP_CASES));
        const quiet = await engine.run(fixture(FINAL_BACKUP_CASES));
        expect(quiet.of(POLICY)).toEqual([]);
    });

    it("with requireFinalBackups, waits for an aws-native serverless cache's final snapshot name or engine unknown at preview", async () => {
        const cache = (name: string, props: Record<string, unknown>) => ({ type: NATIVE_SERVERLESS_CACHE, name, props: { serverlessCacheName: name, snapshotRetentionLimit: 7, ...props } });
        const run = await engine.run({
            preview: true,
            resources: [
                cache("sessions", { engine: "valkey" }),
                cache("carts", { engine: "redis", finalSnapshotName: { $unknown: "string" } }),
                cache("next", { engine: { $unknown: "string" } }),
                cache("pages", { engine: "memcached" }),
            ],
        }, { config: { [POLICY]: { properties: { requireFinalBackups: true } } } });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)!.name, d.message.split("\n")[1]])).toEqual([
            ["sessions", `${NATIVE_SERVERLESS_CACHE} "sessions": finalSnapshotName is not set (no final snapshot is taken). Set \`finalSnapshotName\` so that deleting it leaves a snapshot of its data.`],
        ]);
    });

    it("takes no offence at unknown values during a preview", async () => {
        const unknownOf = (v: unknown) => (typeof v === "boolean" ? { $unknown: "boolean" } : typeof v === "number" ? { $unknown: "number" } : { $unknown: "string" });
        const FLAGS = ["skipFinalSnapshot", "skipFinalBackup", "backupRetentionPeriod", "automatedSnapshotRetentionPeriod", "snapshotRetentionLimit", "backupRetentionEnabled", "automaticBackupRetentionDays",
            "forceDestroy", "forceDelete", "recoveryWindowInDays", "deletionWindowInDays", "permanentDeletionTimeInDays", "closeOnDeletion", "bypassSnaplockEnterpriseRetention", "retentionPolicy", "pointInTimeRecovery", "rules",
            "pendingWindowInDays", "emptyOnDelete", "pointInTimeRecoverySpecification", "replicas", "pointInTimeRecoveryEnabled", "backupPlan", "backupRetention"];
        // Every failing case with what makes it fail unknown (a retention left unset becomes an unknown value too).
        const previewed = DEFAULT_CASES.filter((c) => c.fails).map((c) => {
            const props: Record<string, unknown> = { ...c.props };
            for (const flag of FLAGS) {
                const judged = SAFEGUARDED.some((s) => s.type === c.type && s.property.split(".")[0].replace("[]", "") === flag);
                if (judged) {
                    props[flag] = flag in props && typeof props[flag] !== "object" ? unknownOf(props[flag])
                        : flag === "rules" || flag === "replicas" ? { $unknown: "array" } : flag === "pointInTimeRecovery" || flag === "pointInTimeRecoverySpecification" || flag === "retentionPolicy" || flag === "backupPlan" ? { $unknown: "object" } : { $unknown: "number" };
                }
            }
            return { ...c, props };
        });
        const run = await engine.run({ preview: true, ...fixture(previewed) });
        expect(run.of(POLICY).map((d) => `${run.resources.find((r) => r.urn === d.urn)!.name}: ${d.message}`)).toEqual([]);
    });

    it("applies the configured minimums and switches", async () => {
        const cases = [
            bad("rds-14", RDS, { ...postgres, backupRetentionPeriod: 7 }),
            ok("table-no-pitr", TABLE, { hashKey: "id" }),
            ok("kms-7", "aws:kms/key:Key", { deletionWindowInDays: 7 }),
            ok("payment-key-unset", PAYMENT_KEY, paymentKey),
        ];
        const run = await engine.run(fixture(cases), {
            config: { [POLICY]: { enforcementLevel: "mandatory", properties: { minBackupRetentionDays: 14, requirePointInTimeRecovery: false, minKeyDeletionWindowDays: 7 } } },
        });
        const found = run.of(POLICY);
        expect(found.map((d) => [run.resources.find((r) => r.urn === d.urn)!.name, d.enforcementLevel])).toEqual([["bad-rds-14", "mandatory"]]);
        expect(found[0].message).toContain("at least 14 days (`backupRetentionPeriod: 14` or more)");
    });

    it("rejects a minimum outside what AWS allows, as the CLI validates config against the schema", async () => {
        await expect(engine.run(fixture([ok("kms", "aws:kms/key:Key", {})]), { config: { [POLICY]: { properties: { minKeyDeletionWindowDays: 3 } } } }))
            .rejects.toThrow("deletion-safeguards: minKeyDeletionWindowDays: must be >= 7");
    });

    it("judges a `pulumi stack export`, where the provider's defaults are filled in (__defaults), as a preview would", async () => {
        const loaded = loadInputFile(path.join(FIXTURES, POLICY, "stack-export.json"));
        expect(loaded.format).toBe("stack-export");
        const names = (run: Awaited<ReturnType<typeof engine.run>>) =>
            [...new Set(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)!.name))].sort();
        const run = await engine.run(loaded);
        // skipFinalSnapshot: false, forceDestroy: false and a 30-day window filled in by the provider pass; so does the replica.
        expect(names(run)).toEqual(["access-logs", "reports-db", "reports-key", "sessions"]);
        expect(run.on("reports-db").filter((d) => d.policyName === POLICY).map((d) => d.message.split("\n").pop()!.split(". ")[0])).toEqual([
            'aws:rds/instance:Instance "reports-db": skipFinalSnapshot is true',
            'aws:rds/instance:Instance "reports-db": backupRetentionPeriod is not set (AWS keeps automated backups for 1 day)',
        ]);
        for (const d of run.of(POLICY)) assertNotShown(d.message, ["ciphertext", "v1:Qm9v", "1b47061264138c4ac30d75fd1eb44270"], "a message");
        // The provider's own defaults (Lustre skipFinalBackup: true, EBS finalSnapshot: false) only with requireFinalBackups.
        const strict = await engine.run(loaded, { config: { [POLICY]: { properties: { requireFinalBackups: true } } } });
        expect(names(strict)).toEqual(["access-logs", "jenkins-home", "reports-db", "reports-key", "sessions", "training-data"]);
    });

    it("with requireBucketVersioning, reports buckets no BucketVersioning enables, from the stack part, and honours exemptions", async () => {
        const resources = [
            { type: "aws:s3/bucket:Bucket", name: "invoices", props: { bucket: "shop-invoices" } },
            { type: "aws:s3/bucket:Bucket", name: "site", props: { bucket: "shop-site" } },
            { type: "aws:s3/bucket:Bucket", name: "documents", props: { bucket: "shop-documents" } },
            { type: "aws:s3/bucketVersioning:BucketVersioning", name: "documents-versioning", props: { bucket: "shop-documents", versioningConfiguration: { status: "Enabled" } } },
        ];
        const off = await engine.run({ resources });
        expect(off.of(POLICY)).toEqual([]);
        const run = await engine.run({ resources }, {
            config: { [POLICY]: { properties: { requireBucketVersioning: true, exemptions: [{ name: "site", reason: "rebuilt from the repository on every deploy" }] } } },
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel])).toEqual([["invoices", "advisory"]]);
        expect(run.of(POLICY)[0].message).toContain('aws:s3/bucket:Bucket "invoices": is not versioned');
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: "aws:s3/bucket:Bucket", name: "uploads", props: { bucket: { $unknown: "string" } } },
                {
                    type: "aws:s3/bucketVersioning:BucketVersioning", name: "uploads-versioning",
                    props: { bucket: { $unknown: "string" }, versioningConfiguration: { status: { $unknown: "string" } } }, propertyDependencies: { bucket: ["uploads"] },
                },
            ],
        }, { config: { [POLICY]: { properties: { requireBucketVersioning: true } } } });
        expect(preview.of(POLICY)).toEqual([]);
        // A bucket and its BucketVersioningV2 given one name built from a random suffix: neither depends on the other at preview.
        const shared = await engine.run({
            preview: true,
            resources: [
                { type: "random:index/randomId:RandomId", name: "suffix", props: { byteLength: 4, hex: { $unknown: "string" } } },
                { type: "aws:s3/bucketV2:BucketV2", name: "uploads", props: { bucket: { $unknown: "string" } }, propertyDependencies: { bucket: ["suffix"] } },
                {
                    type: "aws:s3/bucketVersioningV2:BucketVersioningV2", name: "uploads-versioning",
                    props: { bucket: { $unknown: "string" }, versioningConfiguration: { status: "Enabled" } }, propertyDependencies: { bucket: ["suffix"] },
                },
            ],
        }, { config: { [POLICY]: { properties: { requireBucketVersioning: true } } } });
        expect(shared.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"))).toEqual([]);
    });

    it("with requireBucketVersioning, judges aws-native buckets (as pulumi-cdk sends CDK's) by their inline versioningConfiguration, waiting on unknowns", async () => {
        const NATIVE = "aws-native:s3:Bucket";
        const config = { config: { [POLICY]: { properties: { requireBucketVersioning: true } } } };
        const resources = [
            { type: NATIVE, name: "site", props: { bucketName: "shop-site" } },
            { type: NATIVE, name: "exports", props: { versioningConfiguration: { status: "Suspended" } } },
            { type: NATIVE, name: "documents", props: { versioningConfiguration: { status: "Enabled" } } },
            { type: NATIVE, name: "audit", props: { objectLockEnabled: true, versioningConfiguration: { status: "Enabled" } } },
        ];
        const run = await engine.run({ resources }, config);
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel])).toEqual([["site", "advisory"], ["exports", "advisory"]]);
        expect(run.of(POLICY)[1].message).toContain('sets versioningConfiguration.status to "Suspended"');
        expect((await engine.run({ resources })).of(POLICY)).toEqual([]);
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: NATIVE, name: "uploads", props: { versioningConfiguration: { $unknown: "object" } } },
                { type: NATIVE, name: "media", props: { versioningConfiguration: { status: { $unknown: "string" } }, objectLockEnabled: { $unknown: "boolean" } } },
            ],
        }, config);
        expect(preview.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"))).toEqual([]);
    });

    it("does not ask a final backup of an FSx for ONTAP DP volume, which FSx cannot back up, nor judge one whose type is unknown at preview", async () => {
        const resources = [
            { type: ONTAP_VOLUME, name: "replica-dp", props: dpVolume },
            { type: ONTAP_VOLUME, name: "replica-unknown", props: { ...dpVolume, ontapVolumeType: { $unknown: "string" } } },
            { type: ONTAP_VOLUME, name: "data-rw", props: { ...dpVolume, ontapVolumeType: "RW" } },
        ];
        for (const preview of [false, true]) {
            const run = await engine.run({ preview, resources });
            expect(run.of(POLICY).map((d) => `${run.resources.find((r) => r.urn === d.urn)!.name}: ${d.message.split("\n").pop()!.split(". ")[0]}`))
                .toEqual([`data-rw: ${ONTAP_VOLUME} "data-rw": skipFinalBackup is true`]);
        }
    });

    it("honours an exemption for a global secondary it cannot tell apart (Neptune)", async () => {
        const run = await engine.run(fixture([bad("graph-secondary", NEPTUNE, { ...week, globalClusterIdentifier: "graph-global", skipFinalSnapshot: true })]), {
            config: { [POLICY]: { properties: { exemptions: [{ name: "bad-graph-secondary", reason: "Secondary of the graph-global database; the primary keeps the data" }] } } },
        });
        expect(run.of(POLICY)).toEqual([]);
    });
});
