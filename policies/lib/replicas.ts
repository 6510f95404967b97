// Whether a resource's inputs are set, read three-valued (`Decided`: undefined while an unknown
// decides it), and which databases are replicas whose data is a copy: shared by
// deletion-safeguards (no final snapshot or backups to ask of a copy) and resource-protect
// (nothing lost when a copy is deleted).
import { all, any, Decided, negate, whenKnown } from "./decided";
import * as t from "./tokens";
import { isUnknown } from "./values";

type Props = Record<string, unknown>;

/** Whether an input is set: true, false, or undefined while it is unknown. An empty string is unset (the provider's GetOk). */
export function isSet(props: Props, key: string): Decided {
    const value = props[key];
    if (isUnknown(value)) return undefined;
    return !(value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0));
}

/** True when none of the inputs is set, false when one is, undefined when it depends on an unknown. */
export function noneSet(props: Props, keys: readonly string[]): Decided {
    return negate(any(...keys.map((k) => isSet(props, k))));
}

/** Whether a string input is one of the values (case-insensitive); unset is `unset`. */
export function oneOf(props: Props, key: string, values: readonly string[], unset = false): Decided {
    const value = props[key];
    if (isUnknown(value)) return undefined;
    if (value === undefined || value === null || value === "") return unset;
    return typeof value === "string" && values.includes(value.toLowerCase());
}

/** Restores; an RDS one inherits the source's backup retention when it is not set (RDS user guide, "Backup retention period"). */
export const RESTORE_INPUTS = ["snapshotIdentifier", "restoreToPointInTime"];

/**
 * A secondary of a global database: a member (`memberKey` set) created without the inputs the
 * provider requires of every other new one (`requiredOtherwise`). Its data is a copy. The
 * member key alone does not tell: AWS reports it in the primary's outputs too.
 */
function isGlobalSecondary(props: Props, memberKey: string, requiredOtherwise: readonly string[]): Decided {
    const createdWithout = noneSet(props, requiredOtherwise);
    if (createdWithout === false) return false;
    const member = isSet(props, memberKey);
    if (member === false) return false;
    return member === true && createdWithout === true ? true : undefined;
}

/**
 * Aurora and DocumentDB: the master user, which the provider requires "unless a
 * snapshotIdentifier ... or unless a globalClusterIdentifier is provided when the cluster is the
 * secondary cluster of a global database".
 */
const clusterSecondary = (p: Props) => isGlobalSecondary(p, "globalClusterIdentifier", ["masterUsername", ...RESTORE_INPUTS, "s3Import"]);

/**
 * DocumentDB once deployed (a known `arn`, which no input carries): the provider reads the master
 * user back from AWS, also on a secondary, but not the password settings, which keep what the
 * program set ("it will be stored in the state file"; `masterPasswordWo` "requires
 * `masterPasswordWoVersion`"), nor the restore inputs. A secondary was created without any of
 * them. (An Aurora secondary's outputs name its primary in `replicationSourceIdentifier`.)
 */
const deployedDocdbSecondary = (p: Props) =>
    isGlobalSecondary(p, "globalClusterIdentifier", ["masterPassword", "masterPasswordWoVersion", "manageMasterUserPassword", ...RESTORE_INPUTS]);
const docdbSecondary = (p: Props): Decided => {
    // An unknown arn (a create at preview) is either state: a secondary by either reading.
    if (isUnknown(p.arn)) return any(clusterSecondary(p), deployedDocdbSecondary(p));
    return typeof p.arn === "string" && p.arn !== "" ? deployedDocdbSecondary(p) : clusterSecondary(p);
};

/**
 * ElastiCache Global Datastore: `nodeType`, "Required unless `globalReplicationGroupId` is set.
 * Cannot be set if `globalReplicationGroupId` is set." AWS: "The secondary cluster accepts only
 * reads. The primary cluster automatically replicates updates to the secondary cluster."
 */
const cacheSecondary = (p: Props) => isGlobalSecondary(p, "globalReplicationGroupId", ["nodeType"]);

/**
 * aws-native (CloudFormation) RDS instances: "The SourceDBInstanceIdentifier property determines
 * whether a DB instance is a read replica", unless UseLatestRestorableTime or RestoreTime make
 * it a point-in-time restore ("creating a new DB instance"); SourceDBClusterIdentifier names a
 * Multi-AZ DB cluster "that will act as the source for the read replica"; an instance with
 * DBClusterIdentifier is an Aurora cluster's member, whose data the cluster owns (CDK's
 * DatabaseCluster creates its instances so).
 */
const nativeInstanceHoldsData = (p: Props): Decided => {
    const pointInTime = any(isSet(p, "restoreTime"), whenKnown(p.useLatestRestorableTime, (v) => v === true));
    const readReplica = all(isSet(p, "sourceDbInstanceIdentifier"), negate(pointInTime));
    return all(negate(readReplica), noneSet(p, ["sourceDbClusterIdentifier", "dbClusterIdentifier"]));
};

/**
 * aws-native (CloudFormation) Aurora clusters: a global secondary is created with
 * GlobalClusterIdentifier and without MasterUsername, which CloudFormation requires "unless
 * SnapshotIdentifier or SourceDBClusterIdentifier" restores one.
 */
const nativeClusterSecondary = (p: Props) =>
    isGlobalSecondary(p, "globalClusterIdentifier", ["masterUsername", "snapshotIdentifier", "sourceDbClusterIdentifier", "sourceDbClusterResourceId"]);

/** Not a replica whose data is a copy (read replicas, cross-Region replica clusters, global secondaries), nor a member whose cluster owns the data. */
export const notReplica: Readonly<Record<string, (props: Props) => Decided>> = {
    [t.NATIVE_RDS_DB_INSTANCE]: nativeInstanceHoldsData,
    [t.NATIVE_RDS_DB_CLUSTER]: (p) => all(noneSet(p, ["replicationSourceIdentifier"]), negate(nativeClusterSecondary(p))),
    // A Global Datastore secondary inherits the node type (CacheNodeType unset), as with the classic provider.
    [t.NATIVE_ELASTICACHE_REPLICATION_GROUP]: (p) => negate(isGlobalSecondary(p, "globalReplicationGroupId", ["cacheNodeType"])),
    [t.RDS_INSTANCE]: (p) => noneSet(p, ["replicateSourceDb"]),
    // Once deployed, an Aurora global secondary's replicationSourceIdentifier names its primary
    // (DescribeDBClusters; the provider's docs tell programs to ignoreChanges it on a secondary).
    [t.RDS_CLUSTER]: (p) => all(noneSet(p, ["replicationSourceIdentifier"]), negate(clusterSecondary(p))),
    [t.DOCDB_CLUSTER]: (p) => negate(docdbSecondary(p)),
    [t.NEPTUNE_CLUSTER]: (p) => noneSet(p, ["replicationSourceIdentifier"]),
    [t.ELASTICACHE_REPLICATION_GROUP]: (p) => negate(cacheSecondary(p)),
};

/**
 * The stack's global-database secondaries told by their global database's outputs, where the
 * member's own props cannot tell: once deployed, a secondary reads back the master user or node
 * type it was created without (the state `pulumi up`'s stack policies and a stack export show).
 * A global cluster lists its members with `isWriter`; a Global Datastore names its primary.
 */
export function globalSecondaries(resources: readonly { type: string; props: Props }[]): (r: { type: string; props: Props }) => boolean {
    const readers = new Set<string>();
    const datastores = new Map<string, { primary: string; region: ReturnType<typeof regionOf> }>(); // by global id
    for (const r of resources) {
        if (GLOBAL_CLUSTERS.has(r.type) && Array.isArray(r.props.globalClusterMembers)) {
            for (const m of r.props.globalClusterMembers as unknown[]) {
                const member = m as Props | null;
                if (member?.isWriter === false && typeof member.dbClusterArn === "string") readers.add(member.dbClusterArn);
            }
        } else if (r.type === t.ELASTICACHE_GLOBAL_REPLICATION_GROUP) {
            const { globalReplicationGroupId: id, primaryReplicationGroupId: primary } = r.props;
            if (typeof id === "string" && id !== "" && typeof primary === "string" && primary !== "") datastores.set(id, { primary, region: regionOf(r.props) });
        }
    }
    // Reads only a member type's props: a stack policy's resources are decoded when first read.
    return (r) => {
        if (readers.size === 0 && datastores.size === 0) return false;
        if (r.type === t.ELASTICACHE_REPLICATION_GROUP) {
            const store = typeof r.props.globalReplicationGroupId === "string" ? datastores.get(r.props.globalReplicationGroupId) : undefined;
            const id = r.props.replicationGroupId ?? r.props.id;
            if (store === undefined || typeof id !== "string") return false;
            if (id !== store.primary) return true;
            // Ids are unique per Region, and programs give both members one (terraform-aws-modules/
            // elasticache's global example): CreateGlobalReplicationGroup names its primary by id
            // alone, so the primary is the group of that id in the datastore's Region.
            const region = regionOf(r.props);
            if (region === UNKNOWN_REGION || store.region === UNKNOWN_REGION) return true; // not reported until known
            return store.region !== undefined && region !== undefined && region !== store.region;
        }
        return MEMBER_CLUSTERS.has(r.type) && typeof r.props.arn === "string" && readers.has(r.props.arn);
    };
}

const UNKNOWN_REGION = Symbol("unknown Region");

/** The Region of a deployed resource: provider v7's `region` output, else its ARN's; undefined when neither says. */
function regionOf(props: Props): string | undefined | typeof UNKNOWN_REGION {
    if (isUnknown(props.region)) return UNKNOWN_REGION;
    if (typeof props.region === "string" && props.region !== "") return props.region;
    if (isUnknown(props.arn)) return UNKNOWN_REGION;
    const region = typeof props.arn === "string" ? props.arn.split(":")[3] : undefined;
    return region === "" ? undefined : region;
}

const GLOBAL_CLUSTERS: ReadonlySet<string> = new Set([t.RDS_GLOBAL_CLUSTER, t.DOCDB_GLOBAL_CLUSTER, t.NEPTUNE_GLOBAL_CLUSTER]);
const MEMBER_CLUSTERS: ReadonlySet<string> = new Set([t.RDS_CLUSTER, t.DOCDB_CLUSTER, t.NEPTUNE_CLUSTER]);
