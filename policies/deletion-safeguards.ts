// What happens to the data when a resource *is* deleted: `pulumi destroy`, a line removed from
// the program or a replacement. `protect` (resource-protect) and deletion protection
// (rds-deletion-protection) guard against the delete itself; this policy checks the settings
// that decide whether anything survives it: a final snapshot, automated backups and
// point-in-time recovery that can be restored, recovery windows for keys and secrets, and no
// force-delete flag that empties a container AWS would otherwise refuse to delete.
//
// The provider reads these flags from the state when it deletes, not from the program
// (hashicorp/terraform-provider-aws#2588): checking every preview and update is what keeps
// the state safe.
//
// Unset means what AWS or the provider applies. At preview the bridge has already filled the
// provider's schema defaults (skipFinalSnapshot: false, forceDestroy: false, Lustre
// skipFinalBackup: true); `check --program` sees only what the program set. Both are judged
// alike, so a check never turns on a value that only one of them sees. Settings whose unsafe
// value is the provider's default rather than the user's choice (EBS finalSnapshot, Lustre
// skipFinalBackup, MemoryDB and ElastiCache final snapshots, serverless caches' too) are behind requireFinalBackups.
//
// S3 versioning (opt-in: requireBucketVersioning) is judged on the whole stack: in provider v7
// a separate aws.s3.BucketVersioning turns it on (see "S3 versioning" below); an aws-native bucket's is inline.
import { all, any, Decided, fieldOf, negate, whenKnown } from "./lib/decided";
import { FORCE_DELETE } from "./lib/force-delete";
import { PropertyCheck, propertyRule, UnsetDefault } from "./lib/property-rule";
import { Finding, PlainResource, resourcePolicy, StackContext } from "./lib/rule";
import { BUCKET_TYPES, computedAtPreview, indexBuckets, judgeListsOnce, NATIVE_BUCKET, unresolvedConfigurationsOf } from "./lib/s3-buckets";
import { isSet, noneSet, notReplica, oneOf, RESTORE_INPUTS } from "./lib/replicas";
import * as t from "./lib/tokens";
import { isOn, isRecord, isUnknown } from "./lib/values";

export interface DeletionSafeguardsConfig {
    minBackupRetentionDays: number;
    requirePointInTimeRecovery: boolean;
    minKeyDeletionWindowDays: number;
    requireFinalBackups: boolean;
    requireBucketVersioning: boolean;
}

export const DEFAULT_DELETION_SAFEGUARDS_CONFIG: Readonly<DeletionSafeguardsConfig> = {
    minBackupRetentionDays: 7,
    requirePointInTimeRecovery: true,
    minKeyDeletionWindowDays: 30,
    requireFinalBackups: false,
    requireBucketVersioning: false,
};

type Check = PropertyCheck<DeletionSafeguardsConfig>;
type Props = Record<string, unknown>;

// ---------------------------------------------------------------- what decides whether a check applies

/**
 * ElastiCache resources that hold Redis OSS / Valkey data of their own: not Memcached (no
 * snapshots), not a node of a replication group (the group's settings govern), not a
 * secondary of a global datastore, not cache.t1.micro (no snapshot support).
 */
function ownsCacheData(resource: PlainResource): Decided {
    const p = resource.props;
    // CloudFormation calls the node type `cacheNodeType`.
    const notT1Micro = (input = "nodeType") => negate(oneOf(p, input, ["cache.t1.micro"]));
    switch (resource.type) {
        case t.ELASTICACHE_REPLICATION_GROUP:
            return all(noneSet(p, ["globalReplicationGroupId"]), oneOf(p, "engine", ["redis", "valkey"], true), notT1Micro());
        // CloudFormation's Engine: "must be set to valkey or redis" (redis when unset).
        case t.NATIVE_ELASTICACHE_REPLICATION_GROUP:
            return all(notReplica[t.NATIVE_ELASTICACHE_REPLICATION_GROUP](p), oneOf(p, "engine", ["redis", "valkey"], true), notT1Micro("cacheNodeType"));
        case t.ELASTICACHE_CLUSTER: {
            const standalone = noneSet(p, ["replicationGroupId"]);
            if (standalone !== true) return standalone;
            return all(oneOf(p, "engine", ["redis", "valkey"]), notT1Micro());
        }
        case t.NATIVE_ELASTICACHE_CACHE_CLUSTER:
            return all(oneOf(p, "engine", ["redis", "valkey"]), notT1Micro("cacheNodeType"));
        case t.ELASTICACHE_SERVERLESS_CACHE:
        case t.NATIVE_ELASTICACHE_SERVERLESS_CACHE:
            return oneOf(p, "engine", ["redis", "valkey"]);
        case t.MEMORYDB_CLUSTER:
        case t.NATIVE_MEMORYDB_CLUSTER:
            // A member of a multi-Region cluster keeps its data in the other Regions.
            return noneSet(p, ["multiRegionClusterName"]);
        default:
            return true;
    }
}

// ---------------------------------------------------------------- the checks

const isTrue = (value: unknown) => value === true;

/** A final snapshot or backup the user turned off. */
function skipped(types: readonly string[], property: string, fix: Check["fix"], appliesTo?: Check["appliesTo"]): Check {
    return { types, property, accepts: (v) => !isTrue(v), expected: "false", appliesTo, fix };
}

/**
 * What a delete without a final snapshot leaves. RDS and Aurora keep the automated backups only
 * with `deleteAutomatedBackups: false`, and only until their retention period ends ("retained
 * automated backups", RDS user guide); with a retention of 0 there are none.
 */
function keptWithoutFinalSnapshot(r: PlainResource): string {
    const retention = r.props.backupRetentionPeriod;
    return r.props.deleteAutomatedBackups === false && retention !== 0 && !isUnknown(retention)
        ? "keep only the automated backups it retains (`deleteAutomatedBackups: false`), which AWS deletes when their retention period ends"
        : "keep no copy of the data";
}

/** The fix for skipFinalSnapshot: the snapshot's name may already be there, ignored while the flag is true (the provider sends one or the other). */
function finalSnapshotFix(nameInput: string): Check["fix"] {
    return (_config, r) => `Deleting it (destroy, removal or replacement) would then ${keptWithoutFinalSnapshot(r)}: ` + (isSet(r.props, nameInput) === true
        ? `the \`${nameInput}\` it sets is ignored while \`skipFinalSnapshot\` is true. Remove \`skipFinalSnapshot\` (or set it to false)`
        : `remove \`skipFinalSnapshot\` (or set it to false) and set a \`${nameInput}\``) + ", unique per generation if the resource may be replaced.";
}

const FINAL_BACKUP_FIX = "Deleting it would then keep no backup of the files: remove `skipFinalBackup` (or set it to false).";

const finalSnapshots: Check[] = [
    skipped([t.RDS_INSTANCE], "skipFinalSnapshot", finalSnapshotFix("finalSnapshotIdentifier"),
        // AWS requires skipping it for read replicas and RDS Custom instances (DeleteDBInstance).
        (r) => all(notReplica[t.RDS_INSTANCE](r.props), noneSet(r.props, ["customIamInstanceProfile"]))),
    skipped([t.RDS_CLUSTER, t.DOCDB_CLUSTER, t.NEPTUNE_CLUSTER], "skipFinalSnapshot", finalSnapshotFix("finalSnapshotIdentifier"), (r) => notReplica[r.type](r.props)),
    skipped([t.REDSHIFT_CLUSTER], "skipFinalSnapshot", finalSnapshotFix("finalSnapshotIdentifier")),
    skipped([t.LIGHTSAIL_DATABASE], "skipFinalSnapshot", finalSnapshotFix("finalSnapshotName")),
    skipped([t.FSX_WINDOWS_FILE_SYSTEM, t.FSX_OPENZFS_FILE_SYSTEM], "skipFinalBackup", FINAL_BACKUP_FIX),
    // Not a data protection (DP) volume, a SnapMirror destination holding a copy: "Amazon FSx does not
    // support backing up data protection (DP) volumes" (FSx for ONTAP user guide), so it has no final
    // backup to keep. Unset is RW.
    skipped([t.FSX_ONTAP_VOLUME], "skipFinalBackup", FINAL_BACKUP_FIX, (r) => negate(oneOf(r.props, "ontapVolumeType", ["dp"]))),
];

/** Final snapshots and backups that the provider or AWS skips unless asked: only with requireFinalBackups. */
const providerDefaultFinalBackups: Check[] = [
    {
        types: [t.EBS_VOLUME], property: "finalSnapshot",
        unset: { value: false, note: "the provider takes no snapshot before deleting the volume" },
        accepts: isTrue, expected: "the boolean true",
        appliesTo: (_r, config) => config.requireFinalBackups,
        fix: "Set `finalSnapshot: true` so that deleting the volume leaves a snapshot of its data.",
    },
    {
        types: [t.FSX_LUSTRE_FILE_SYSTEM], property: "skipFinalBackup",
        unset: { value: true, note: "the provider skips the final backup of a Lustre file system" },
        accepts: (v) => v === false, expected: "the boolean false",
        // FSx backs up only persistent file systems not linked to a data repository (CreateBackup):
        // not scratch ones (SCRATCH_1 is the default deployment type), nor one with an
        // `importPath`. (A PERSISTENT_2 file system linked by a DataRepositoryAssociation is judged.)
        appliesTo: (r, config) => config.requireFinalBackups && all(oneOf(r.props, "deploymentType", ["persistent_1", "persistent_2"]), noneSet(r.props, ["importPath"])),
        fix: "Set `skipFinalBackup: false` so that deleting the persistent file system leaves a backup of its files.",
    },
    // CloudFormation's ServerlessCache has the name DeleteServerlessCache takes ("Default: NULL, i.e. a final
    // snapshot is not taken"); the classic ServerlessCache has none to set (resource-protect lists it).
    {
        types: [t.MEMORYDB_CLUSTER, t.NATIVE_MEMORYDB_CLUSTER, t.NATIVE_ELASTICACHE_SERVERLESS_CACHE], property: "finalSnapshotName",
        unset: { value: null, note: "no final snapshot is taken" },
        accepts: (v) => typeof v === "string" && v.length > 0, expected: "a snapshot name",
        appliesTo: (r, config) => config.requireFinalBackups && ownsCacheData(r),
        fix: "Set `finalSnapshotName` so that deleting it leaves a snapshot of its data.",
    },
    {
        types: [t.ELASTICACHE_REPLICATION_GROUP, t.ELASTICACHE_CLUSTER], property: "finalSnapshotIdentifier",
        unset: { value: null, note: "no final snapshot is taken" },
        accepts: (v) => typeof v === "string" && v.length > 0, expected: "a snapshot name",
        appliesTo: (r, config) => config.requireFinalBackups && ownsCacheData(r),
        fix: "Set `finalSnapshotIdentifier` so that deleting it leaves a snapshot of its data.",
    },
];

/** Backup retention against minBackupRetentionDays; `aws` is what AWS keeps when unset (undefined: not documented, so unset is not judged). */
function retention(types: readonly string[], property: string, aws: UnsetDefault | undefined, options: {
    appliesTo?: Check["appliesTo"];
    /** Inputs that make the resource a restore, which inherits the source's retention when unset. */
    restores?: readonly string[];
    /** Inputs of a restore from a snapshot that does not inherit: the provider sends its schema default of 1 day. */
    providerDefaultOnRestore?: readonly string[];
    what?: string;
} = {}): Check {
    const restores = options.restores ?? [];
    const unset = (r: PlainResource): UnsetDefault | undefined => {
        if (!aws || noneSet(r.props, restores) !== true) return undefined;
        const fresh = noneSet(r.props, options.providerDefaultOnRestore ?? []);
        if (fresh === undefined) return undefined;
        return fresh ? aws : PROVIDER_ONE_DAY_ON_RESTORE;
    };
    return {
        types, property,
        unset: aws && unset,
        accepts: (v, config) => typeof v === "number" && v >= config.minBackupRetentionDays,
        expected: "a number of days",
        appliesTo: options.appliesTo,
        fix: (config) => `Keep ${options.what ?? "automated backups"} for at least ${config.minBackupRetentionDays} days ` +
            `(\`${property}: ${config.minBackupRetentionDays}\` or more): they are what a restore after a bad change or corruption starts from.`,
    };
}

const AWS_ONE_DAY: UnsetDefault = { value: 1, note: "AWS keeps automated backups for 1 day" };
const AWS_ONE_DAY_OF_SNAPSHOTS: UnsetDefault = { value: 1, note: "AWS keeps automated snapshots for 1 day" };
const PROVIDER_ONE_DAY_ON_RESTORE: UnsetDefault = { value: 1, note: "the provider sends its default of 1 day, even on a restore from a snapshot" };
const NO_SNAPSHOTS: UnsetDefault = { value: 0, note: "AWS takes no automatic snapshots" };

// ---------------------------------------------------------------- AWS Backup plans
//
// A plan is judged as a whole: a tiered plan keeps hourly recovery points a day and daily
// ones a month, and only the longest-kept decides how far back a restore can go. A rule without
// a lifecycle deletion keeps its recovery points until they are deleted; a copy without one keeps
// its source's ("If you do not specify a lifecycle, AWS Backup applies the lifecycle policy of the
// source backup to the destination backup", CloudFormation's CopyActionResourceType; "a copy set to
// never expire will still retain its source's expiration date", AWS Backup developer guide).

/** Where a plan's rules and their lifecycles sit: the classic provider's names, and CloudFormation's (CDK's BackupPlan through pulumi-cdk). */
interface BackupPlanShape {
    rules(props: Props): unknown;
    /** The path of a rule's own deletion, for the check. */
    property: string;
    /** The lifecycle's deletion field. */
    deleteAfter: string;
}

const BACKUP_PLAN_SHAPES: Readonly<Record<string, BackupPlanShape>> = {
    [t.BACKUP_PLAN]: { rules: (p) => p.rules, property: "rules[].lifecycle.deleteAfter", deleteAfter: "deleteAfter" },
    [t.NATIVE_BACKUP_PLAN]: {
        rules: (p) => (isRecord(p.backupPlan) ? p.backupPlan.backupPlanRule : p.backupPlan),
        property: "backupPlan.backupPlanRule[].lifecycle.deleteAfterDays",
        deleteAfter: "deleteAfterDays",
    },
};

/**
 * Days a lifecycle keeps a recovery point (Infinity when it does not delete them); undefined
 * while unknown. AWS takes 1 day at least: a stack's state records an unset `deleteAfter`
 * beside a set `coldStorageAfter` as 0, and the API's -1 keeps them indefinitely.
 */
function keptDays(lifecycle: unknown, deleteAfter: string): number | undefined {
    if (isUnknown(lifecycle)) return undefined;
    const days = isRecord(lifecycle) ? lifecycle[deleteAfter] : undefined;
    if (isUnknown(days)) return undefined;
    return typeof days === "number" && days > 0 ? days : Infinity;
}

/** The longest a rule keeps its recovery points or their copies; undefined while unknown. */
function ruleKeptDays(rule: unknown, deleteAfter: string): number | undefined {
    if (isUnknown(rule)) return undefined;
    if (!isRecord(rule)) return 0;
    const copies = rule.copyActions;
    const own = keptDays(rule.lifecycle, deleteAfter);
    if (isUnknown(copies) || own === undefined) return undefined;
    // keptDays reads an unknown copy as unknown; a copy that deletes nothing keeps its source's.
    const days = (Array.isArray(copies) ? copies : []).map((c) => keptDays(isRecord(c) ? c.lifecycle : c, deleteAfter));
    return days.includes(undefined) ? undefined : Math.max(own, ...(days as number[]).map((d) => (d === Infinity ? own : d)));
}

/** The rule of a plan that keeps recovery points longest, and for how long; undefined while unknown. */
function longestRule(plan: PlainResource): { rule: Record<string, unknown>; days: number } | undefined {
    const shape = BACKUP_PLAN_SHAPES[plan.type];
    const rules = shape.rules(plan.props);
    if (!Array.isArray(rules) || rules.length === 0) return undefined;
    let longest: { rule: Record<string, unknown>; days: number } | undefined;
    for (const rule of rules) {
        const days = ruleKeptDays(rule, shape.deleteAfter);
        if (days === undefined) return undefined;
        if (isRecord(rule) && (!longest || days > longest.days)) longest = { rule, days };
    }
    return longest;
}

/** "1 day", "5 days": a plan's longest rule may keep recovery points for one day. */
const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

const backupPlans: Check[] = Object.entries(BACKUP_PLAN_SHAPES).map(([type, shape]) => ({
    types: [type], property: shape.property,
    accepts: (v, config) => typeof v === "number" && v >= config.minBackupRetentionDays,
    expected: "a number of days",
    // Only a plan whose every rule and copy deletes too soon, reported at its longest-kept rule.
    appliesTo: (r, config) => {
        const longest = longestRule(r);
        return longest && longest.days < config.minBackupRetentionDays;
    },
    appliesAt: (block, r) => block !== undefined && block === longestRule(r)?.rule.lifecycle,
    fix: (config, r) => `No rule or copy of this plan keeps a recovery point longer than ${days(longestRule(r)?.days ?? 0)}: keep the longest-kept ` +
        `for at least ${config.minBackupRetentionDays} days (\`lifecycle.${shape.deleteAfter}\`, or leave it unset to keep them until deleted; ` +
        "a copy without one keeps its rule's), so a restore can reach back past a problem noticed late.",
}));

const retentions: Check[] = [
    // The RDS API default is 1 day (the console's is 7); the provider sends the input only when set.
    retention([t.RDS_INSTANCE], "backupRetentionPeriod", AWS_ONE_DAY, { appliesTo: (r) => notReplica[t.RDS_INSTANCE](r.props), restores: RESTORE_INPUTS }),
    retention([t.RDS_CLUSTER], "backupRetentionPeriod", AWS_ONE_DAY, { appliesTo: (r) => notReplica[r.type](r.props), restores: RESTORE_INPUTS }),
    // Here the provider's schema defaults the retention to 1 and sends it on a restore from a snapshot
    // too (hashicorp/terraform-provider-aws: a ModifyDBCluster after RestoreDBClusterFromSnapshot for
    // DocumentDB and Neptune, RestoreFromClusterSnapshot's AutomatedSnapshotRetentionPeriod for
    // Redshift): the restore keeps 1 day, not the source's. (The RDS schemas have no default.) A
    // preview already sees the filled-in 1; `check --program` judges alike.
    retention([t.DOCDB_CLUSTER], "backupRetentionPeriod", AWS_ONE_DAY, {
        // The provider sends no retention with RestoreDBClusterToPointInTime.
        appliesTo: (r) => notReplica[r.type](r.props), restores: ["restoreToPointInTime"], providerDefaultOnRestore: ["snapshotIdentifier"],
    }),
    retention([t.NEPTUNE_CLUSTER], "backupRetentionPeriod", AWS_ONE_DAY, {
        appliesTo: (r) => notReplica[r.type](r.props), providerDefaultOnRestore: ["snapshotIdentifier"],
    }),
    // The neptune-alpha DatabaseCluster sets it only with `backupRetention`; CreateDBCluster's "Default: 1".
    // As for aws-native RDS clusters, a restore is judged only when it sets one.
    retention([t.NATIVE_NEPTUNE_DB_CLUSTER], "backupRetentionPeriod", AWS_ONE_DAY, { restores: ["snapshotIdentifier", "sourceDbClusterIdentifier"] }),
    // The provider sends the retention only when set (Optional and Computed, terraform-provider-aws
    // docdbelastic/cluster.go), as CloudFormation does: unset is the API's 1 day for both.
    retention([t.DOCDB_ELASTIC_CLUSTER, t.NATIVE_DOCDB_ELASTIC_CLUSTER], "backupRetentionPeriod", AWS_ONE_DAY),
    // CDK's databases through pulumi-cdk (aws-native): CloudFormation's BackupRetentionPeriod is
    // "Default: 1" on both, and CDK sets it only when `backupRetention` is given. Not on a read
    // replica ("backups are disabled for read replicas") nor an Aurora cluster's instance ("Not
    // applicable ... managed by the DB cluster"); a restore is judged only when it sets one.
    retention([t.NATIVE_RDS_DB_INSTANCE], "backupRetentionPeriod", AWS_ONE_DAY, {
        appliesTo: (r) => notReplica[t.NATIVE_RDS_DB_INSTANCE](r.props),
        restores: ["dbSnapshotIdentifier", "dbClusterSnapshotIdentifier", "sourceDbInstanceIdentifier", "sourceDbiResourceId", "sourceDbInstanceAutomatedBackupsArn"],
    }),
    retention([t.NATIVE_RDS_DB_CLUSTER], "backupRetentionPeriod", AWS_ONE_DAY, {
        appliesTo: (r) => notReplica[t.NATIVE_RDS_DB_CLUSTER](r.props), restores: ["snapshotIdentifier", "sourceDbClusterIdentifier", "sourceDbClusterResourceId"],
    }),
    retention([t.REDSHIFT_CLUSTER], "automatedSnapshotRetentionPeriod", AWS_ONE_DAY_OF_SNAPSHOTS, {
        providerDefaultOnRestore: ["snapshotIdentifier", "snapshotArn"], what: "automated snapshots",
    }),
    // CloudFormation sends it only when set ("Default value is 1"); RestoreFromClusterSnapshot's default is
    // "the value selected for the cluster from which the snapshot was taken".
    retention([t.NATIVE_REDSHIFT_CLUSTER], "automatedSnapshotRetentionPeriod", AWS_ONE_DAY_OF_SNAPSHOTS, { restores: ["snapshotIdentifier"], what: "automated snapshots" }),
    // MemoryDB: the provider sends the limit only when set (memorydb/cluster.go), as CloudFormation does,
    // so an unset one is the API's 0 on both the classic and the aws-native cluster.
    // ElastiCache's API: "Default: 0 (i.e., automatic backups are disabled for this cluster)"; CloudFormation sends the limit only when set.
    retention([t.ELASTICACHE_REPLICATION_GROUP, t.ELASTICACHE_CLUSTER, t.NATIVE_ELASTICACHE_REPLICATION_GROUP, t.NATIVE_ELASTICACHE_CACHE_CLUSTER,
        t.MEMORYDB_CLUSTER, t.NATIVE_MEMORYDB_CLUSTER], "snapshotRetentionLimit", NO_SNAPSHOTS, {
        appliesTo: ownsCacheData, what: "automatic snapshots",
    }),
    // AWS does not document the API's default for serverless caches: only a set value is judged.
    retention([t.ELASTICACHE_SERVERLESS_CACHE, t.NATIVE_ELASTICACHE_SERVERLESS_CACHE], "snapshotRetentionLimit", undefined, { appliesTo: ownsCacheData, what: "automatic snapshots" }),
    // FSx automatic daily backups; 0 turns them off. When the program leaves the retention unset, the
    // provider's schema sends 7 days for Windows and 0 for OpenZFS and ONTAP, on an OpenZFS restore
    // from a backup too (terraform-provider-aws fsx *_file_system.go; posit-dev/ptd#105 found its OpenZFS
    // file systems without backups so). A preview already sees the filled-in value. Lustre is left out.
    retention([t.FSX_WINDOWS_FILE_SYSTEM], "automaticBackupRetentionDays", { value: 7, note: "the provider keeps automatic backups for 7 days" }, { what: "automatic backups" }),
    retention([t.FSX_OPENZFS_FILE_SYSTEM, t.FSX_ONTAP_FILE_SYSTEM], "automaticBackupRetentionDays",
        { value: 0, note: "the provider sends 0, which turns automatic backups off" }, { what: "automatic backups" }),
    // Lightsail keeps automated backups unless they are turned off ("Disabling backup retention deletes all
    // automated database backups", UpdateRelationalDatabase); CloudFormation's BackupRetention: false sends
    // disableBackupRetention, as the classic backupRetentionEnabled: false does.
    lightsailBackups(t.LIGHTSAIL_DATABASE, "backupRetentionEnabled"),
    lightsailBackups(t.NATIVE_LIGHTSAIL_DATABASE, "backupRetention"),
];

function lightsailBackups(type: string, property: string): Check {
    return {
        types: [type], property,
        accepts: (v) => v !== false, expected: "true",
        fix: `Turning backup retention off deletes every automated backup of the database: remove \`${property}\` (or set it to true).`,
    };
}

/**
 * A DynamoDB table's point-in-time recovery and its period, in the classic provider's names or
 * CloudFormation's (CDK's Table through pulumi-cdk: "When not specified, defaults to point in
 * time recovery disabled"). `block` may name a block of each list element (`replicas[].…`):
 * then one replica with recovery, kept long enough, is enough for the table.
 */
function dynamodbRecovery(type: string, block: string, enabled: string, enable: string): Check[] {
    const [list] = block.includes("[]") ? block.split("[].") : [];
    const spec = list === undefined ? block : block.slice(list.length + 3);
    /** Whether some replica's recovery block meets `test` (false without a list: the table's own block is judged). */
    const someReplica = (r: PlainResource, test: (spec: unknown) => Decided): Decided => {
        if (list === undefined) return false;
        const replicas = r.props[list];
        if (isUnknown(replicas)) return undefined;
        return Array.isArray(replicas) ? any(...replicas.map((replica) => (isUnknown(replica) ? undefined : test(isRecord(replica) ? replica[spec] : undefined)))) : false;
    };
    const recovers = (s: unknown) => fieldOf(s, enabled, isTrue);
    const keptLongEnough = (s: unknown, config: DeletionSafeguardsConfig) =>
        all(recovers(s), fieldOf(s, "recoveryPeriodInDays", (v) => v === undefined || v === null || (typeof v === "number" && v >= config.minBackupRetentionDays), true));
    return [
        {
            types: [type], property: `${block}.${enabled}`,
            unset: { value: false, note: "AWS leaves point-in-time recovery off" },
            accepts: isTrue, expected: "the boolean true",
            appliesTo: (r, config) => all(config.requirePointInTimeRecovery, negate(someReplica(r, recovers))),
            fix: `Set ${enable}: it restores the table to any second of the recovery period, ` +
                "and a deleted table to the moment of its deletion for 35 days.",
        },
        {
            types: [type], property: `${block}.recoveryPeriodInDays`,
            unset: { value: 35, note: "AWS keeps 35 days" },
            accepts: (v, config) => typeof v === "number" && v >= config.minBackupRetentionDays, expected: "a number of days",
            appliesTo: (r, config) => negate(someReplica(r, (s) => keptLongEnough(s, config))),
            appliesAt: (holder) => fieldOf(holder, enabled, isTrue),
            fix: (config) => `Keep a recovery period of at least ${config.minBackupRetentionDays} days, or remove \`recoveryPeriodInDays\` for AWS's 35.`,
        },
    ];
}

const KEYSPACES_RECOVERY = "it restores the table to any second of the last 35 days, and a deleted table for 35 days.";

const pointInTimeRecovery: Check[] = [
    // The table, not each replica of a global table (inline `replicas` or TableReplica): AWS's
    // best practice is that recovery on one replica may be enough, as every replica holds
    // the same items, and the table is that replica here.
    ...dynamodbRecovery(t.DYNAMODB_TABLE, "pointInTimeRecovery", "enabled", "`pointInTimeRecovery: { enabled: true }`"),
    ...dynamodbRecovery(t.NATIVE_DYNAMODB_TABLE, "pointInTimeRecoverySpecification", "pointInTimeRecoveryEnabled",
        "`pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }` (CDK: `pointInTimeRecoverySpecification` or `pointInTimeRecovery: true`)"),
    // CloudFormation's global table (CDK's TableV2) sets recovery per replica ("When not specified,
    // defaults to point in time recovery disabled for the replica"); as above, one replica with it is enough
    // (DynamoDB's best practices for global tables), so only a table where none has it is reported.
    ...dynamodbRecovery(t.NATIVE_DYNAMODB_GLOBAL_TABLE, "replicas[].pointInTimeRecoverySpecification", "pointInTimeRecoveryEnabled",
        "`pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }` on at least one replica (CDK's TableV2: `pointInTimeRecoverySpecification` " +
        "or `pointInTimeRecovery: true`, which every replica inherits)"),
    {
        types: [t.KEYSPACES_TABLE], property: "pointInTimeRecovery.status",
        unset: { value: "DISABLED", note: "AWS leaves point-in-time recovery off" },
        accepts: (v) => v === "ENABLED", expected: `"ENABLED"`, shownStrings: ["ENABLED", "DISABLED"],
        appliesTo: (_r, config) => config.requirePointInTimeRecovery,
        fix: `Set \`pointInTimeRecovery: { status: "ENABLED" }\`: ${KEYSPACES_RECOVERY}`,
    },
    // CloudFormation's Table (CDK's CfnTable): a boolean, off unless set.
    {
        types: [t.NATIVE_CASSANDRA_TABLE], property: "pointInTimeRecoveryEnabled",
        unset: { value: false, note: "AWS leaves point-in-time recovery off" },
        accepts: isTrue, expected: "the boolean true",
        appliesTo: (_r, config) => config.requirePointInTimeRecovery,
        fix: `Set \`pointInTimeRecoveryEnabled: true\`: ${KEYSPACES_RECOVERY}`,
    },
];

/** Force-delete flags: each turns a delete AWS would refuse (the container is not empty) into one that erases its contents. */
function forced(types: readonly string[], property: string, what: string): Check {
    return {
        types, property, accepts: (v) => !isTrue(v), expected: "false",
        fix: `Deleting it would then also delete ${what}, with no way back: remove \`${property}\`, ` +
            "and empty it deliberately (or set the flag in its own update, with a time-limited exemption) when decommissioning it.",
    };
}

const forceDeletes: Check[] = [
    ...Object.entries(FORCE_DELETE).map(([type, f]) => forced([type], f.property, f.contents)),
    {
        types: [t.DSQL_CLUSTER], property: "forceDestroy", accepts: (v) => !isTrue(v), expected: "false",
        fix: "It deletes the cluster even when deletion protection is on: remove `forceDestroy`, and turn deletion protection off in its own update when decommissioning it.",
    },
    // CDK's Repository `emptyOnDelete` through pulumi-cdk: "If true, deleting the repository force deletes the contents".
    forced([t.NATIVE_ECR_REPOSITORY], "emptyOnDelete", FORCE_DELETE[t.ECR_REPOSITORY].contents),
];

/** Recovery windows: the only undo of a deleted key or secret. `unsetDays`: the window when the program sets none. */
function keyWindow(types: readonly string[], property: string, what: string, unsetDays = 30): Check {
    return {
        types, property,
        unset: { value: unsetDays, note: `AWS waits ${unsetDays} days` },
        accepts: (v, config) => typeof v === "number" && v >= config.minKeyDeletionWindowDays, expected: "a number of days",
        fix: (config) => `Once the window ends, ${what}: keep at least ${config.minKeyDeletionWindowDays} days ` +
            `(\`${property}: ${config.minKeyDeletionWindowDays}\`` + (config.minKeyDeletionWindowDays <= unsetDays ? `, or remove it for AWS's ${unsetDays}` : "") +
            ") to notice and cancel a mistaken deletion.",
    };
}

const recoveryWindows: Check[] = [
    {
        types: [t.SECRETS_MANAGER_SECRET], property: "recoveryWindowInDays", accepts: (v) => v !== 0, expected: "7 to 30",
        // Programs set 0 to reuse a fixed name at once: the fix says how to keep both.
        fix: (_config, r) => "Deleting the secret would then destroy it at once, with no recovery: remove `recoveryWindowInDays` (AWS waits 30 days) or set 7 to 30." +
            (isSet(r.props, "namePrefix") === true ? "" : " While a deleted secret waits out its window, no secret of the same name can be created, so a replacement " +
                "or a destroy and redeploy of a fixed `name` fails: leave `name` unset (Pulumi adds a random suffix) or use `namePrefix`."),
    },
    // Replica keys are left out: the key material lives on in the primary (AWS calls deleting a replica "less risky").
    keyWindow([t.KMS_KEY, t.KMS_EXTERNAL_KEY], "deletionWindowInDays", "everything encrypted under the key can never be decrypted again"),
    // CloudFormation's PendingWindowInDays ("The default value is 30 days"), CDK's `pendingWindow`.
    keyWindow([t.NATIVE_KMS_KEY], "pendingWindowInDays", "everything encrypted under the key can never be decrypted again"),
    keyWindow([t.ACMPCA_CERTIFICATE_AUTHORITY], "permanentDeletionTimeInDays", "the CA's private key is gone and the CA cannot be restored"),
    // DeleteKey: "Key deletion is irreversible ... The default waiting period is 7 days" (3 to 180); the
    // provider's schema sends 7 when unset, and a preview already sees it. CloudFormation's Key has no
    // window to set: resource-protect covers it.
    keyWindow([t.PAYMENT_CRYPTOGRAPHY_KEY], "deletionWindowInDays",
        "the key material is gone and nothing encrypted or derived under it (PINs, card data) can be processed again, unless the key is imported again from a copy kept elsewhere", 7),
];

/** Flags that make a delete take more data with it than the resource itself. */
const widerDeletes: Check[] = [
    {
        types: [t.ORGANIZATIONS_ACCOUNT], property: "closeOnDeletion", accepts: (v) => !isTrue(v), expected: "false",
        fix: "Deleting the resource would then close the AWS account and, after the post-closure period, everything in it: remove `closeOnDeletion`.",
    },
    {
        types: [t.SAGEMAKER_DOMAIN], property: "retentionPolicy.homeEfsFileSystem", accepts: (v) => v !== "Delete", expected: `"Retain"`, shownStrings: ["Retain", "Delete"],
        fix: "Deleting the domain would then delete the EFS file system with every user's home directory: remove it (AWS retains the file system) or set \"Retain\".",
    },
    {
        types: [t.FSX_ONTAP_VOLUME], property: "bypassSnaplockEnterpriseRetention", accepts: (v) => !isTrue(v), expected: "false",
        fix: "Deleting the volume would then also delete files still under SnapLock retention: remove `bypassSnaplockEnterpriseRetention`.",
    },
];

const rule = propertyRule<DeletionSafeguardsConfig>([
    ...finalSnapshots, ...providerDefaultFinalBackups, ...retentions, ...backupPlans, ...pointInTimeRecovery, ...forceDeletes, ...recoveryWindows, ...widerDeletes,
]);

/** Every (type, property) the policy judges, for the docs and tests. */
export const SAFEGUARDED: readonly { type: string; property: string }[] = [
    ...finalSnapshots, ...providerDefaultFinalBackups, ...retentions, ...backupPlans, ...pointInTimeRecovery, ...forceDeletes, ...recoveryWindows, ...widerDeletes,
].flatMap((c) => c.types.map((type) => ({ type, property: c.property })));

/** The pure rule. */
export function findMissingDeletionSafeguards(resource: PlainResource, config: DeletionSafeguardsConfig = DEFAULT_DELETION_SAFEGUARDS_CONFIG): Finding[] {
    return rule.check(resource, config);
}

// ---------------------------------------------------------------- S3 versioning
//
// Versioning keeps the earlier versions of every object overwritten or deleted: the way back
// from a bad deploy's overwrite, a script's delete or ransomware (Security Hub S3.14). It
// guards objects, not the bucket (forceDestroy is judged above), and most buckets of a program
// are rebuilt from their source, so it is opt-in. A bucket is versioned by an
// aws.s3.BucketVersioning naming it (authoritative: the bucket's own computed `versioning`
// output may still show the state before it), else by its deprecated inline `versioning`; and
// always by Object Lock, which S3 turns on only with versioning and never lets suspend it.

const VERSIONING_TYPES: ReadonlySet<string> = new Set([t.S3_BUCKET_VERSIONING, t.S3_BUCKET_VERSIONING_V2]);

// Bucket: `versioning: {enabled}`; BucketV2: a list, `versionings: [{enabled}]`; aws-native's (CDK's
// Bucket through pulumi-cdk, `versioned: true`): `versioningConfiguration: {status}`, its only way to version.
const INLINE_VERSIONING: Readonly<Record<string, string>> = {
    [t.S3_BUCKET]: "versioning", [t.S3_BUCKET_V2]: "versionings", [NATIVE_BUCKET]: "versioningConfiguration",
};

/** A bucket's inline answer: Object Lock (always versioned), or the deprecated `versioning` block. */
function inlineVersioning(bucket: PlainResource, dryRun: boolean): { locked: Decided; enabled: Decided } {
    const p = bucket.props;
    const computed = (property: string) => isUnknown(p[property]) && computedAtPreview(bucket, property, dryRun);
    const locked = any(
        computed("objectLockEnabled") ? false : whenKnown(p.objectLockEnabled, isOn),
        computed("objectLockConfiguration") ? false : fieldOf(p.objectLockConfiguration, "objectLockEnabled", (v) => v === "Enabled"),
    );
    const property = INLINE_VERSIONING[bucket.type];
    const block = p[property];
    const enabledIn = (b: unknown) => (bucket.type === NATIVE_BUCKET ? fieldOf(b, "status", (s) => s === "Enabled") : fieldOf(b, "enabled", isOn));
    const enabled = computed(property) ? false : Array.isArray(block) ? any(...block.map(enabledIn)) : enabledIn(block);
    return { locked, enabled };
}

/** A BucketVersioning's status, or the unknown block that stands for it at preview. */
function statusOf(versioning: PlainResource): unknown {
    const block = versioning.props.versioningConfiguration;
    return isRecord(block) ? block.status : block;
}

const enables = (list: readonly PlainResource[]): Decided => any(...list.map((v) => whenKnown(statusOf(v), (s) => s === "Enabled")));

/** How a status reads in a message: only the values the provider documents are quoted. */
const shownStatus = (s: unknown): string => (s === "Suspended" || s === "Disabled" ? `"${s}"` : s === undefined || s === null ? "nothing" : "another value");

const VERSIONING_FIX = "Add an `aws.s3.BucketVersioning` with `versioningConfiguration: { status: \"Enabled\" }` for it (a lifecycle rule's " +
    "`noncurrentVersionExpiration` bounds what the old versions cost), or exempt a bucket whose objects are rebuilt from their source.";

const NATIVE_VERSIONING_FIX = "Set `versioningConfiguration: { status: \"Enabled\" }` on it (CDK: `versioned: true`; a lifecycle rule's " +
    "`noncurrentVersionExpiration` bounds what the old versions cost), or exempt a bucket whose objects are rebuilt from their source.";

/** The stack part: with requireBucketVersioning, every general purpose bucket keeps its objects' earlier versions. */
export function findUnversionedBuckets(resources: readonly PlainResource[], config: DeletionSafeguardsConfig, context: Pick<StackContext, "dryRun">): Finding[] {
    if (!config.requireBucketVersioning) return [];
    const index = indexBuckets(resources);
    const versionings = resources.filter((r) => VERSIONING_TYPES.has(r.type));
    const separate = index.configurationsOf(versionings);
    // At preview, the versionings of unknown bucket that may name a bucket built from the same suffix:
    // one that may enable it makes the bucket wait for apply; ones that enable nothing decide.
    const pending = unresolvedConfigurationsOf(versionings, index);
    const once = judgeListsOnce();
    const findings: Finding[] = [];
    for (const bucket of index.buckets) {
        const inline = inlineVersioning(bucket, context.dryRun);
        if (inline.locked !== false) continue;
        const list = separate.get(bucket);
        if (list ? once(list, enables) !== false : inline.enabled !== false) continue;
        const named = list ?? pending.get(bucket);
        if (!list && named && once(named, enables) !== false) continue;
        const subject = `${bucket.type} "${bucket.name}"`;
        const nativeStatus = bucket.type === NATIVE_BUCKET && isRecord(bucket.props.versioningConfiguration) ? bucket.props.versioningConfiguration.status : undefined;
        const why = !named && bucket.type === NATIVE_BUCKET
            ? (nativeStatus === undefined || nativeStatus === null ? "is not versioned (it sets no versioningConfiguration, and S3 leaves a bucket unversioned)"
                : `sets versioningConfiguration.status to ${shownStatus(nativeStatus)}, not "Enabled"`)
            : named
            ? `its ${named.map((v) => `${v.type.split(":").pop()} "${v.name}"`).join(", ")} ${named.length > 1 ? "set" : "sets"} versioningConfiguration.status to ` +
                `${[...new Set(named.map((v) => shownStatus(statusOf(v))))].join(" and ")}, not "Enabled"`
            : "is not versioned (no BucketVersioning names it, and S3 leaves a bucket unversioned)";
        findings.push({
            message: `${subject}: ${why}, so an object overwritten or deleted, by a deploy, a script or an attacker, cannot be recovered. ` +
                (bucket.type === NATIVE_BUCKET && !named ? NATIVE_VERSIONING_FIX : VERSIONING_FIX),
            resource: { urn: bucket.urn, type: bucket.type, name: bucket.name },
        });
    }
    return findings;
}

const db = { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true, deletionProtection: true, storageEncrypted: true };
const table = { billingMode: "PAY_PER_REQUEST", hashKey: "orderId", attributes: [{ name: "orderId", type: "S" }], deletionProtectionEnabled: true };
const sse = { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" } } };

export const deletionSafeguards = resourcePolicy<DeletionSafeguardsConfig>({
    name: "deletion-safeguards",
    displayName: "Deleting a resource keeps a way back to its data",
    description: "Databases keep a final snapshot and enough backups, DynamoDB tables point-in-time recovery, keys and secrets a recovery window, " +
        "and no bucket, vault or repository is force-emptied on delete.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Remove `skipFinalSnapshot: true`, `forceDestroy: true`/`forceDelete: true` and `recoveryWindowInDays: 0`; keep backups for at least " +
        "`minBackupRetentionDays`, enable point-in-time recovery on DynamoDB tables, and keep KMS and Payment Cryptography key deletion windows at `minKeyDeletionWindowDays` or more.",
    tags: ["aws", "data-protection", "backup"],
    framework: {
        name: "AWS Foundational Security Best Practices",
        version: "1.0.0",
        reference: "DynamoDB.2",
        specification: "DynamoDB tables should have point-in-time recovery enabled; also RDS.11, DocumentDB.2, Neptune.5 and Redshift.3 " +
            "(automated backups kept at least 7 days) and ElastiCache.1 (automatic backups; it accepts 1 day, this policy asks for minBackupRetentionDays).",
    },
    configSchema: {
        properties: {
            minBackupRetentionDays: {
                type: "integer", minimum: 1, maximum: 35, default: DEFAULT_DELETION_SAFEGUARDS_CONFIG.minBackupRetentionDays,
                description: "Fewest days of automated backups (RDS, Aurora, DocumentDB, Neptune, Redshift, ElastiCache Redis OSS/Valkey, MemoryDB, " +
                    "FSx for Windows, OpenZFS and ONTAP), " +
                    "of a DynamoDB point-in-time recovery period, and of the longest-kept recovery points of an AWS Backup plan.",
            },
            requirePointInTimeRecovery: {
                type: "boolean", default: DEFAULT_DELETION_SAFEGUARDS_CONFIG.requirePointInTimeRecovery,
                description: "Require point-in-time recovery on DynamoDB and Keyspaces tables.",
            },
            minKeyDeletionWindowDays: {
                type: "integer", minimum: 7, maximum: 30, default: DEFAULT_DELETION_SAFEGUARDS_CONFIG.minKeyDeletionWindowDays,
                description: "Fewest days of the waiting period before a KMS key, a private CA or a Payment Cryptography key is deleted for good " +
                    "(AWS's default is 30; 7 for a Payment Cryptography key).",
            },
            requireFinalBackups: {
                type: "boolean", default: DEFAULT_DELETION_SAFEGUARDS_CONFIG.requireFinalBackups,
                description: "Also require a final snapshot or backup where the provider takes none unless asked: EBS volumes, " +
                    "persistent FSx for Lustre file systems, MemoryDB clusters and ElastiCache Redis OSS/Valkey.",
            },
            requireBucketVersioning: {
                type: "boolean", default: DEFAULT_DELETION_SAFEGUARDS_CONFIG.requireBucketVersioning,
                description: "Also require versioning on every S3 general purpose bucket (an aws.s3.BucketVersioning with status Enabled, aws-native's inline versioningConfiguration, or Object Lock), " +
                    "so overwritten and deleted objects can be recovered (Security Hub S3.14).",
            },
        },
    },
    strictConfig: { requireFinalBackups: true, requireBucketVersioning: true },
    resourceTypes: rule.resourceTypes,
    check: (resource, config) => findMissingDeletionSafeguards(resource, config),
    stack: {
        judges: "S3 bucket versioning (with requireBucketVersioning), which a separate BucketVersioning turns on",
        resourceTypes: [...BUCKET_TYPES, NATIVE_BUCKET, ...VERSIONING_TYPES],
        check: (resources, config, context) => findUnversionedBuckets(resources, config, context),
    },
    examples: [
        {
            title: "a database that skips its final snapshot and keeps 1 day of backups, a table without point-in-time recovery, " +
                "a force-destroyed bucket, a secret deleted at once and a key with a 7-day window",
            verdict: "fail",
            demo: true,
            resources: [
                { type: t.RDS_INSTANCE, name: "payments-db", props: { ...db, skipFinalSnapshot: true, backupRetentionPeriod: 1 } },
                { type: t.DYNAMODB_TABLE, name: "payments", props: table },
                { type: t.S3_BUCKET, name: "payment-exports", props: { bucket: "shop-payment-exports", forceDestroy: true, serverSideEncryptionConfiguration: sse } },
                { type: t.SECRETS_MANAGER_SECRET, name: "psp-api-key", props: { name: "shop/psp-api-key", recoveryWindowInDays: 0 } },
                { type: t.KMS_KEY, name: "payments-key", props: { enableKeyRotation: true, deletionWindowInDays: 7 } },
            ],
        },
        {
            title: "the same resources with their safeguards",
            verdict: "pass",
            demo: true,
            resources: [
                {
                    type: t.RDS_INSTANCE, name: "payments-db", protect: true,
                    props: { ...db, skipFinalSnapshot: false, finalSnapshotIdentifier: "payments-db-final", backupRetentionPeriod: 14 },
                },
                { type: t.DYNAMODB_TABLE, name: "payments", protect: true, props: { ...table, pointInTimeRecovery: { enabled: true } } },
                { type: t.S3_BUCKET, name: "payment-exports", protect: true, props: { bucket: "shop-payment-exports", serverSideEncryptionConfiguration: sse } },
                { type: t.SECRETS_MANAGER_SECRET, name: "psp-api-key", protect: true, props: { name: "shop/psp-api-key" } },
                { type: t.KMS_KEY, name: "payments-key", protect: true, props: { enableKeyRotation: true } },
            ],
            note: "Unset windows are AWS's 30 days; an RDS instance without `backupRetentionPeriod` would keep only AWS's 1 day.",
        },
        {
            title: "an Aurora global database whose primary skips its final snapshot (the secondary may: its data is a copy)",
            verdict: "fail",
            preview: true,
            resources: [
                { type: t.RDS_GLOBAL_CLUSTER, name: "orders-global", props: { globalClusterIdentifier: "orders-global", engine: "aurora-postgresql", deletionProtection: true } },
                {
                    type: t.RDS_CLUSTER, name: "orders-primary",
                    props: {
                        engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true, globalClusterIdentifier: { $unknown: "string" },
                        backupRetentionPeriod: 7, skipFinalSnapshot: true,
                    },
                    propertyDependencies: { globalClusterIdentifier: ["orders-global"] },
                },
                {
                    type: t.RDS_CLUSTER, name: "orders-secondary",
                    props: { engine: "aurora-postgresql", globalClusterIdentifier: { $unknown: "string" }, skipFinalSnapshot: true },
                    propertyDependencies: { globalClusterIdentifier: ["orders-global"] },
                },
            ],
            reported: ["orders-primary"],
            messageIncludes: "skipFinalSnapshot is true",
            note: "A secondary is created without a master user (the provider requires one of every other new cluster), which is how the policy tells it apart.",
        },
        {
            title: "a read replica that skips its final snapshot and keeps no backups, as AWS requires of replicas",
            verdict: "pass",
            preview: true,
            resources: [
                {
                    type: t.RDS_INSTANCE, name: "orders-db",
                    props: { ...db, backupRetentionPeriod: 7, finalSnapshotIdentifier: "orders-db-final" },
                },
                {
                    type: t.RDS_INSTANCE, name: "orders-db-replica",
                    props: { instanceClass: "db.t4g.micro", replicateSourceDb: { $unknown: "string" }, skipFinalSnapshot: true, storageEncrypted: true },
                    propertyDependencies: { replicateSourceDb: ["orders-db"] },
                },
            ],
        },
        {
            title: "a Valkey replication group without automatic snapshots, next to a Memcached cluster that has none to keep",
            verdict: "fail",
            resources: [
                { type: t.ELASTICACHE_REPLICATION_GROUP, name: "sessions-cache", props: { description: "sessions", engine: "valkey", nodeType: "cache.t4g.small", numCacheClusters: 2 } },
                { type: t.ELASTICACHE_CLUSTER, name: "page-cache", props: { engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 2 } },
            ],
            reported: ["sessions-cache"],
            messageIncludes: "snapshotRetentionLimit is not set (AWS takes no automatic snapshots)",
        },
        {
            title: "an ECR repository and a Backup vault that are emptied on delete",
            verdict: "fail",
            resources: [
                { type: t.ECR_REPOSITORY, name: "orders-images", props: { name: "orders", forceDelete: true } },
                { type: t.BACKUP_VAULT, name: "orders-backups", props: { name: "orders-backups", forceDestroy: true } },
            ],
            messageIncludes: "with no way back",
        },
        {
            title: "with `requireFinalBackups`, an EBS volume that takes no snapshot on delete and a persistent Lustre file system that skips its backup",
            verdict: "fail",
            config: { requireFinalBackups: true },
            resources: [
                { type: t.EBS_VOLUME, name: "build-cache", props: { availabilityZone: "eu-west-1a", size: 100, type: "gp3", encrypted: true } },
                { type: t.FSX_LUSTRE_FILE_SYSTEM, name: "training-data", props: { storageCapacity: 1200, subnetIds: ["subnet-0a1b2c3d"], deploymentType: "PERSISTENT_2", perUnitStorageThroughput: 125 } },
                { type: t.FSX_LUSTRE_FILE_SYSTEM, name: "scratch", props: { storageCapacity: 1200, subnetIds: ["subnet-0a1b2c3d"], deploymentType: "SCRATCH_2" } },
            ],
            reported: ["build-cache", "training-data"],
        },
        {
            title: "with `requireBucketVersioning`, a bucket without versioning and one whose versioning is suspended, next to a versioned one and an Object Lock bucket",
            verdict: "fail",
            config: { requireBucketVersioning: true },
            resources: [
                { type: t.S3_BUCKET, name: "invoices", props: { bucket: "shop-invoices-7d1e2a" } },
                { type: t.S3_BUCKET, name: "exports", props: { bucket: "shop-exports-7d1e2a" } },
                { type: t.S3_BUCKET_VERSIONING, name: "exports-versioning", props: { bucket: "shop-exports-7d1e2a", versioningConfiguration: { status: "Suspended" } } },
                { type: t.S3_BUCKET, name: "documents", props: { bucket: "shop-documents-7d1e2a" } },
                { type: t.S3_BUCKET_VERSIONING, name: "documents-versioning", props: { bucket: "shop-documents-7d1e2a", versioningConfiguration: { status: "Enabled" } } },
                { type: t.S3_BUCKET, name: "audit-log", props: { bucket: "shop-audit-log-7d1e2a", objectLockEnabled: true } },
            ],
            reported: ["invoices", "exports"],
            messageIncludes: "cannot be recovered",
        },
        {
            title: "with `requireBucketVersioning`, buckets versioned by a BucketVersioning whose bucket is not known yet at preview",
            verdict: "pass",
            preview: true,
            docs: false,
            config: { requireBucketVersioning: true },
            resources: [
                { type: t.S3_BUCKET, name: "uploads", props: { bucket: { $unknown: "string" }, versioning: { $unknown: "object" }, objectLockEnabled: { $unknown: "boolean" } } },
                {
                    type: t.S3_BUCKET_VERSIONING, name: "uploads-versioning", props: { bucket: { $unknown: "string" }, versioningConfiguration: { status: "Enabled" } },
                    propertyDependencies: { bucket: ["uploads"] },
                },
            ],
        },
        {
            title: "safeguards computed from other resources' outputs during a preview",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [
                { type: t.RDS_INSTANCE, name: "db", props: { engine: "postgres", skipFinalSnapshot: { $unknown: "boolean" }, backupRetentionPeriod: { $unknown: "number" } } },
                { type: t.DYNAMODB_TABLE, name: "table", props: { hashKey: "id", pointInTimeRecovery: { $unknown: "object" } } },
                { type: t.S3_BUCKET, name: "bucket", props: { forceDestroy: { $unknown: "boolean" } } },
                { type: t.KMS_KEY, name: "key", props: { deletionWindowInDays: { $unknown: "number" } } },
            ],
        },
    ],
});
