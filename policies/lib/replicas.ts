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
 * A secondary cluster of an Aurora or DocumentDB global database: a member created without a
 * master user, which the provider requires of every other new cluster (its docs:
 * "Required unless a snapshotIdentifier ... or unless a globalClusterIdentifier is provided
 * when the cluster is the secondary cluster of a global database"). Its data is a copy.
 */
function isGlobalSecondary(props: Props): Decided {
    const noMasterUser = noneSet(props, ["masterUsername", ...RESTORE_INPUTS, "s3Import"]);
    if (noMasterUser === false) return false;
    const member = isSet(props, "globalClusterIdentifier");
    if (member === false) return false;
    return member === true && noMasterUser === true ? true : undefined;
}

/** Not a replica whose data is a copy: read replicas, cross-Region replica clusters, global secondaries. */
export const notReplica: Readonly<Record<string, (props: Props) => Decided>> = {
    [t.RDS_INSTANCE]: (p) => noneSet(p, ["replicateSourceDb"]),
    [t.RDS_CLUSTER]: (p) => all(noneSet(p, ["replicationSourceIdentifier"]), negate(isGlobalSecondary(p))),
    [t.DOCDB_CLUSTER]: (p) => negate(isGlobalSecondary(p)),
    [t.NEPTUNE_CLUSTER]: (p) => noneSet(p, ["replicationSourceIdentifier"]),
};
