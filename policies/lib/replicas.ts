// Whether a resource's inputs are set, read three-valued (`Decided`: undefined while an unknown
// decides it), and which databases are replicas whose data is a copy: shared by
// deletion-safeguards (no final snapshot or backups to ask of a copy) and resource-protect
// (nothing lost when a copy is deleted).
import { all, any, Decided, negate } from "./decided";
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
 * ElastiCache Global Datastore: `nodeType`, "Required unless `globalReplicationGroupId` is set.
 * Cannot be set if `globalReplicationGroupId` is set." AWS: "The secondary cluster accepts only
 * reads. The primary cluster automatically replicates updates to the secondary cluster."
 */
const cacheSecondary = (p: Props) => isGlobalSecondary(p, "globalReplicationGroupId", ["nodeType"]);

/** Not a replica whose data is a copy: read replicas, cross-Region replica clusters, global secondaries. */
export const notReplica: Readonly<Record<string, (props: Props) => Decided>> = {
    [t.RDS_INSTANCE]: (p) => noneSet(p, ["replicateSourceDb"]),
    [t.RDS_CLUSTER]: (p) => all(noneSet(p, ["replicationSourceIdentifier"]), negate(clusterSecondary(p))),
    [t.DOCDB_CLUSTER]: (p) => negate(clusterSecondary(p)),
    [t.NEPTUNE_CLUSTER]: (p) => noneSet(p, ["replicationSourceIdentifier"]),
    [t.ELASTICACHE_REPLICATION_GROUP]: (p) => negate(cacheSecondary(p)),
};
