import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { loadInputFile, parseInput } from "../cli/inputs";
import { PlainResource } from "../policies/lib/rule";
import * as tokens from "../policies/lib/tokens";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import {
    CRITICAL_RESOURCE_TYPES, DEFAULT_CRITICAL_RESOURCE_TYPES, findUnprotectedCriticalResources, resourceProtect,
} from "../policies/resource-protect";
import { runCheck } from "./helpers/check";
import { FIXTURES, PACK_DIR, useEngine } from "./helpers/engine";
import { resource, ResourceOptions } from "./helpers/resources";

const POLICY = "resource-protect";
const DIR = path.join(FIXTURES, POLICY);

const res = (type: string, name: string, extra: ResourceOptions = {}) => resource(type, {}, { stack: "prod", project: "shop", name, ...extra });

function flagged(resources: PlainResource[], criticalResourceTypes: readonly string[] = DEFAULT_CRITICAL_RESOURCE_TYPES): string[] {
    return findUnprotectedCriticalResources(resources, { criticalResourceTypes: [...criticalResourceTypes] }).map((f) => f.resource!.name);
}

describe("findUnprotectedCriticalResources (pure rule)", () => {
    const cases: [string, PlainResource[], string[] | undefined, string[]][] = [
        ["unprotected RDS instance (default list)", [res("aws:rds/instance:Instance", "db")], undefined, ["db"]],
        ["protected RDS instance", [res("aws:rds/instance:Instance", "db", { protect: true })], undefined, []],
        ["both S3 bucket tokens", [res("aws:s3/bucket:Bucket", "a"), res("aws:s3/bucketV2:BucketV2", "b")], undefined, ["a", "b"]],
        ["KMS key, secret and zone", [res("aws:kms/key:Key", "k"), res("aws:secretsmanager/secret:Secret", "s"), res("aws:route53/zone:Zone", "z")], undefined, ["k", "s", "z"]],
        ["non-critical types pass", [res("aws:ec2/securityGroup:SecurityGroup", "sg"), res("aws:rds/clusterInstance:ClusterInstance", "ci")], undefined, []],
        ["configured list replaces the default", [res("aws:dynamodb/table:Table", "t"), res("aws:rds/instance:Instance", "db")], ["aws:rds/*"], ["db"]],
        ["glob * crosses / and :", [res("aws:rds/clusterInstance:ClusterInstance", "ci"), res("aws:rdsdata/x:Y", "other")], ["aws:rds/*"], ["ci"]],
        ["brace alternatives", [res("aws:rds/cluster:Cluster", "r"), res("aws:docdb/cluster:Cluster", "d"), res("aws:neptune/cluster:Cluster", "n")], ["aws:{rds,docdb}/cluster:Cluster"], ["r", "d"]],
        ["globs are case-sensitive like type tokens", [res("aws:rds/instance:Instance", "db")], ["aws:RDS/*"], []],
        ["empty list checks nothing", [res("aws:rds/instance:Instance", "db")], [], []],
        ["a custom component type can be listed", [res("shop:storage:DataStore", "store")], ["shop:storage:*"], ["store"]],
        ["stack and providers are never critical, even under *", [res("pulumi:pulumi:Stack", "shop-prod"), res("pulumi:providers:aws", "default_7_48_0"), res("aws:kms/key:Key", "k")], ["*"], ["k"]],
    ];
    it.each(cases)("%s", (_label, resources, config, expected) => {
        expect(flagged(resources, config)).toEqual(expected);
    });

    const store = res("shop:storage:DataStore", "store", { protect: true });
    const inner = res("shop:storage:Inner", "inner", { urn: "urn:pulumi:prod::shop::shop:storage:DataStore$shop:storage:Inner::inner", parent: store.urn, protect: true });

    it("passes a child protected through its parent (the SDK registers it with protect: true)", () => {
        const child = res("aws:dynamodb/table:Table", "t", { parent: store.urn, protect: true });
        expect(flagged([store, child])).toEqual([]);
    });

    it("flags a child whose own flag is false under a protected ancestor, and names the ancestor", () => {
        const child = res("aws:kms/key:Key", "k", { parent: inner.urn, protect: false });
        const [finding] = findUnprotectedCriticalResources([store, inner, child], { criticalResourceTypes: [...DEFAULT_CRITICAL_RESOURCE_TYPES] });
        expect(finding.resource).toEqual({ urn: child.urn, type: child.type, name: "k" });
        expect(finding.message).toContain(`Its ancestor shop:storage:Inner "inner" is protected`);
    });

    it("walks past unprotected ancestors and stops on missing or cyclic parents", () => {
        const open = res("shop:storage:Open", "open", { parent: store.urn });
        const child = res("aws:efs/fileSystem:FileSystem", "fs", { parent: open.urn });
        expect(findUnprotectedCriticalResources([store, open, child], { criticalResourceTypes: ["aws:*"] })[0].message).toContain(`"store" is protected`);
        const a = res("shop:x:A", "a", { urn: "urn:a", parent: "urn:b" });
        const b = res("shop:x:B", "b", { urn: "urn:b", parent: "urn:a" });
        const orphan = res("aws:kms/key:Key", "orphan", { parent: "urn:pulumi:prod::shop::shop:x:Gone::gone" });
        const cyclic = res("aws:kms/key:Key", "cyclic", { parent: "urn:a" });
        const findings = findUnprotectedCriticalResources([a, b, orphan, cyclic], { criticalResourceTypes: ["aws:*"] });
        expect(findings.map((f) => f.resource!.name)).toEqual(["orphan", "cyclic"]);
        expect(findings.every((f) => !f.message.includes("ancestor"))).toBe(true);
    });

    it("names the parent that creates the resource as another place for `protect`, when no ancestor is protected", () => {
        const stack = res("pulumi:pulumi:Stack", "shop-prod");
        const component = res("shop:storage:DataStore", "storage", { parent: stack.urn });
        const child = res("aws:dynamodb/table:Table", "carts", { parent: component.urn });
        const top = res("aws:kms/key:Key", "k", { parent: stack.urn });
        const [onChild, onTop] = findUnprotectedCriticalResources([stack, component, child, top], { criticalResourceTypes: [...DEFAULT_CRITICAL_RESOURCE_TYPES] });
        expect(onChild.message).toContain('Fix: add `protect: true` to its resource options (or to those of its parent shop:storage:DataStore "storage": ' +
            "the SDK passes `protect` down to every resource it creates). ");
        expect(onTop.message).toContain("Fix: add `protect: true` to its resource options. ");
    });

    it("says what is wrong, which pattern matched, how to fix and how to decommission", () => {
        const db = res("aws:rds/instance:Instance", "orders-db");
        const [{ message }] = findUnprotectedCriticalResources([db], { criticalResourceTypes: ["aws:rds/*"] });
        expect(message).toBe(
            'aws:rds/instance:Instance "orders-db" is a critical stateful resource (criticalResourceTypes "aws:rds/*") ' +
                "but its `protect` resource option is not true, so `pulumi destroy`, removing it from the program or a replacement would delete it and its data. " +
                "Fix: add `protect: true` to its resource options. " +
                "To decommission it later, run `pulumi state unprotect 'urn:pulumi:prod::shop::aws:rds/instance:Instance::orders-db'` first, then remove it from the program.",
        );
    });

    // A bucket, a vault or a zone is refused while not empty (policies/lib/force-delete.ts), a key only scheduled for deletion, a secret kept for its recovery window.
    it.each([
        ["aws:s3/bucketV2:BucketV2", {}, "would delete it once empty (AWS refuses while it is not, and the update stops half done; forceDestroy empties it first)."],
        ["aws:s3/bucket:Bucket", { forceDestroy: true },
            "would delete it with every object version in it, including versions under a legal hold or governance-mode Object Lock retention (forceDestroy is true)."],
        // The flag is forceDelete on Lightsail; S3 table and vector buckets are refused while they hold tables or indexes.
        ["aws:lightsail/bucket:Bucket", { forceDelete: true }, "would delete it with every object in it (forceDelete is true)."],
        ["aws:lightsail/bucket:Bucket", { forceDestroy: true }, "would delete it once empty (AWS refuses while it is not, and the update stops half done; forceDelete empties it first)."],
        ["aws:s3tables/tableBucket:TableBucket", {}, "would delete it once empty"],
        ["aws:s3/vectorsVectorBucket:VectorsVectorBucket", { forceDestroy: true }, "would delete it with every vector index in it (forceDestroy is true)."],
        ["aws:route53/zone:Zone", { forceDestroy: false }, "would delete it once empty"],
        ["aws:kms/key:Key", {}, "would schedule its deletion: once the waiting period ends, everything encrypted under it is unreadable."],
        ["aws:secretsmanager/secret:Secret", { recoveryWindowInDays: 7 }, "would delete it and its versions, for good once the recovery window ends."],
        ["aws:dynamodb/table:Table", {}, "would delete it and its data."],
        // An account leaves the organization, or is closed: by closeOnDeletion, and always by CloudFormation's handler (CloseAccount).
        ["aws:organizations/account:Account", { name: "sandbox", email: "sandbox@example.com" }, "would remove it from the organization (closeOnDeletion would close it)."],
        ["aws:organizations/account:Account", { name: "sandbox", email: "sandbox@example.com", closeOnDeletion: true },
            "would close the account: AWS deletes everything in it once the 90-day post-closure period ends."],
        ["aws-native:organizations:Account", { accountName: "sandbox", email: "sandbox@example.com" },
            "would close the account: AWS deletes everything in it once the 90-day post-closure period ends."],
        // Unknown at preview: the flag may turn out true, so the message claims neither outcome alone.
        ["aws:organizations/account:Account", { name: "sandbox", email: "sandbox@example.com", closeOnDeletion: UNKNOWN_SENTINELS.boolean },
            "would remove it from the organization, or, if closeOnDeletion (not known yet) turns out true, close the account: " +
            "AWS deletes everything in it once the 90-day post-closure period ends."],
        ["aws:s3/bucket:Bucket", { forceDestroy: UNKNOWN_SENTINELS.boolean },
            "would delete it once empty, or, if forceDestroy (not known yet) turns out true, with every object version in it, including versions under a legal hold " +
            "or governance-mode Object Lock retention."],
        // CloudFormation's handler deletes a Lightsail bucket with forceDelete, always.
        ["aws-native:lightsail:Bucket", { bundleId: "small_1_0", bucketName: "shop-media" }, "would delete it with every object in it (CloudFormation always force-deletes it)."],
    ] as [string, Record<string, unknown>, string][])("says what deleting %s does", (type, props, says) => {
        const [{ message }] = findUnprotectedCriticalResources([resource(type, props, { stack: "prod", project: "shop", name: "r" })], { criticalResourceTypes: [type] });
        expect(message).toContain(`removing it from the program or a replacement ${says}`);
    });
});

describe("findUnprotectedCriticalResources (pure rule): copies are not critical", () => {
    const U = UNKNOWN_SENTINELS.string;
    const replica = (type: string, props: Record<string, unknown>) => resource(type, props, { stack: "prod", project: "shop", name: "r" });
    const found = (type: string, props: Record<string, unknown>) => findUnprotectedCriticalResources([replica(type, props)], { criticalResourceTypes: [type] }).length;
    it.each([
        ["an RDS read replica", "aws:rds/instance:Instance", { replicateSourceDb: "orders-db", instanceClass: "db.t4g.micro" }],
        ["a cross-Region Aurora replica cluster", "aws:rds/cluster:Cluster", { engine: "aurora-mysql", replicationSourceIdentifier: "arn:aws:rds:us-west-2:111122223333:cluster:src" }],
        ["a Neptune replica cluster", "aws:neptune/cluster:Cluster", { replicationSourceIdentifier: "arn:aws:rds:us-west-2:111122223333:cluster:graph" }],
        ["an Aurora global-database secondary (no master user)", "aws:rds/cluster:Cluster", { engine: "aurora-postgresql", globalClusterIdentifier: "orders" }],
        ["a DocumentDB global secondary", "aws:docdb/cluster:Cluster", { engine: "docdb", globalClusterIdentifier: "docs" }],
        ["a replica source unknown at preview", "aws:rds/instance:Instance", { replicateSourceDb: U }],
        // A Global Datastore secondary: a member created without nodeType (the provider forbids it there).
        ["an ElastiCache Global Datastore secondary", "aws:elasticache/replicationGroup:ReplicationGroup",
            { replicationGroupId: "sessions-eu", description: "sessions, eu-west-1", globalReplicationGroupId: "ldgnf-sessions", numCacheClusters: 2 }],
        ["an ElastiCache secondary whose global datastore is unknown at preview", "aws:elasticache/replicationGroup:ReplicationGroup",
            { replicationGroupId: "sessions-eu", description: "sessions, eu-west-1", globalReplicationGroupId: U }],
    ])("%s passes", (_label, type, props) => expect(found(type, props)).toBe(0));
    it.each([
        ["an RDS instance (the output of a non-replica is an empty string)", "aws:rds/instance:Instance", { replicateSourceDb: "", instanceClass: "db.t4g.micro" }],
        ["a global-database primary (a master user)", "aws:rds/cluster:Cluster", { engine: "aurora-postgresql", globalClusterIdentifier: "orders", masterUsername: "app" }],
        ["a cluster restored from a snapshot", "aws:rds/cluster:Cluster", { engine: "aurora-postgresql", globalClusterIdentifier: "orders", snapshotIdentifier: "orders-2026" }],
        // AWS reports globalReplicationGroupId in the primary's outputs too once it has joined.
        ["an ElastiCache Global Datastore primary (a nodeType), as its outputs show it", "aws:elasticache/replicationGroup:ReplicationGroup",
            { replicationGroupId: "sessions", description: "sessions", engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2, globalReplicationGroupId: "ldgnf-sessions" }],
        ["an ElastiCache replication group outside any global datastore", "aws:elasticache/replicationGroup:ReplicationGroup",
            { replicationGroupId: "sessions", description: "sessions", engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2, globalReplicationGroupId: "" }],
    ])("%s is reported", (_label, type, props) => expect(found(type, props)).toBe(1));
});

// pulumi-cdk sends a CDK app's CloudFormation resources as aws-native ones, with CloudFormation's
// input names (the aws-native 1.79.0 .d.ts docs quote CloudFormation's).
describe("findUnprotectedCriticalResources (pure rule): aws-native copies and members are not critical", () => {
    const U = UNKNOWN_SENTINELS.string;
    const native = (type: string, props: Record<string, unknown>, name = "r") => resource(type, props, { stack: "prod", project: "shop", name });
    const found = (type: string, props: Record<string, unknown>) => flagged([native(type, props)]).length;
    const instance = { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20", masterUsername: "app", manageMasterUserPassword: true };
    it.each([
        // "The SourceDBInstanceIdentifier property determines whether a DB instance is a read replica."
        ["an RDS read replica", tokens.NATIVE_RDS_DB_INSTANCE, { sourceDbInstanceIdentifier: "orders-db", dbInstanceClass: "db.t4g.micro" }],
        ["a read replica of a Multi-AZ DB cluster", tokens.NATIVE_RDS_DB_INSTANCE, { sourceDbClusterIdentifier: "orders-cluster", dbInstanceClass: "db.m6gd.large" }],
        ["a replica source unknown at preview", tokens.NATIVE_RDS_DB_INSTANCE, { sourceDbInstanceIdentifier: U, dbInstanceClass: "db.t4g.micro" }],
        ["a read replica whose point-in-time flag is unknown at preview", tokens.NATIVE_RDS_DB_INSTANCE, { sourceDbInstanceIdentifier: "orders-db", useLatestRestorableTime: UNKNOWN_SENTINELS.boolean }],
        // CDK's DatabaseCluster creates its writer and readers so: the cluster owns the data.
        ["an Aurora cluster's instance", tokens.NATIVE_RDS_DB_INSTANCE, { engine: "aurora-postgresql", dbClusterIdentifier: "orders-cluster", dbInstanceClass: "db.r6g.large" }],
        ["an instance whose cluster is unknown at preview", tokens.NATIVE_RDS_DB_INSTANCE, { engine: "aurora-postgresql", dbClusterIdentifier: U, dbInstanceClass: "db.r6g.large" }],
        ["a cross-Region Aurora replica cluster", tokens.NATIVE_RDS_DB_CLUSTER, { engine: "aurora-mysql", replicationSourceIdentifier: "arn:aws:rds:us-west-2:111122223333:cluster:src" }],
        ["an Aurora global-database secondary (no master user)", tokens.NATIVE_RDS_DB_CLUSTER, { engine: "aurora-postgresql", globalClusterIdentifier: "orders" }],
        ["an Aurora secondary whose global cluster is unknown at preview", tokens.NATIVE_RDS_DB_CLUSTER, { engine: "aurora-postgresql", globalClusterIdentifier: U }],
        ["an ElastiCache Global Datastore secondary (no cacheNodeType)", tokens.NATIVE_ELASTICACHE_REPLICATION_GROUP,
            { replicationGroupDescription: "sessions, eu-west-1", globalReplicationGroupId: "ldgnf-sessions", numCacheClusters: 2 }],
        ["a serverless Memcached cache", tokens.NATIVE_ELASTICACHE_SERVERLESS_CACHE, { engine: "memcached", serverlessCacheName: "pages" }],
        ["a KMS replica key (not on the list)", tokens.NATIVE_KMS_REPLICA_KEY, { primaryKeyArn: "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab" }],
    ])("%s passes", (_label, type, props) => expect(found(type, props)).toBe(0));
    it.each([
        ["a CDK DatabaseInstance", tokens.NATIVE_RDS_DB_INSTANCE, instance],
        // "If you specify the UseLatestRestorableTime or RestoreTime properties in conjunction with the
        // SourceDBInstanceIdentifier property, RDS restores the DB instance ... creating a new DB instance."
        ["a point-in-time restore (useLatestRestorableTime)", tokens.NATIVE_RDS_DB_INSTANCE, { sourceDbInstanceIdentifier: "orders-db", useLatestRestorableTime: true }],
        ["a point-in-time restore (restoreTime)", tokens.NATIVE_RDS_DB_INSTANCE, { sourceDbInstanceIdentifier: "orders-db", restoreTime: "2026-12-01T10:00:00Z" }],
        ["an instance whose source is an empty string", tokens.NATIVE_RDS_DB_INSTANCE, { ...instance, sourceDbInstanceIdentifier: "", dbClusterIdentifier: "" }],
        ["a global-database primary (a master user)", tokens.NATIVE_RDS_DB_CLUSTER, { engine: "aurora-postgresql", globalClusterIdentifier: "orders", masterUsername: "app" }],
        ["a cluster restored from a snapshot into a global database", tokens.NATIVE_RDS_DB_CLUSTER, { engine: "aurora-postgresql", globalClusterIdentifier: "orders", snapshotIdentifier: "orders-2026" }],
        ["an ElastiCache Global Datastore primary (a cacheNodeType)", tokens.NATIVE_ELASTICACHE_REPLICATION_GROUP,
            { replicationGroupDescription: "sessions", engine: "valkey", cacheNodeType: "cache.r7g.large", numCacheClusters: 2, globalReplicationGroupId: "ldgnf-sessions" }],
        ["a serverless Valkey cache", tokens.NATIVE_ELASTICACHE_SERVERLESS_CACHE, { engine: "valkey", serverlessCacheName: "sessions" }],
        // Neptune has no master user: a global database's primary and secondary are created with the
        // same inputs (the provider's GlobalCluster example), so neither is told a copy, as with the classic cluster.
        ["a Neptune cluster joining a global database", tokens.NATIVE_NEPTUNE_DB_CLUSTER, { globalClusterIdentifier: "graph-global", engineVersion: "1.3.2.0", dbSubnetGroupName: "graph" }],
        ["a Neptune clone (copy-on-write restore)", tokens.NATIVE_NEPTUNE_DB_CLUSTER, { sourceDbClusterIdentifier: "graph", restoreType: "copy-on-write", useLatestRestorableTime: true }],
        // Deleting a global table deletes the table in every Region it lists.
        ["a CDK TableV2 with replicas", tokens.NATIVE_DYNAMODB_GLOBAL_TABLE, { billingMode: "PAY_PER_REQUEST", replicas: [{ region: "us-east-1" }, { region: "us-west-2" }] }],
    ])("%s is reported", (_label, type, props) => expect(found(type, props)).toBe(1));

    it("reports every aws-native type of the default list when unprotected, and passes it protected", () => {
        const natives = DEFAULT_CRITICAL_RESOURCE_TYPES.filter((type) => type.startsWith("aws-native:"));
        expect(natives.length).toBeGreaterThanOrEqual(20);
        const all = natives.map((type, i) => native(type, type === tokens.NATIVE_ELASTICACHE_SERVERLESS_CACHE ? { engine: "valkey" } : {}, `n${i}`));
        expect(flagged(all)).toEqual(natives.map((_t, i) => `n${i}`));
        expect(flagged(all.map((r) => ({ ...r, protect: true })))).toEqual([]);
    });

    it("says a bucket, vault or zone is refused while not empty, and a key is scheduled for deletion", () => {
        const message = (type: string) => findUnprotectedCriticalResources([native(type, {})], { criticalResourceTypes: [type] })[0].message;
        expect(message(tokens.NATIVE_S3_BUCKET)).toContain("would delete it once every object version is gone (CDK's autoDeleteObjects deletes them first)");
        expect(message(tokens.NATIVE_ROUTE53_HOSTED_ZONE)).toContain("once only its NS and SOA records are left");
        expect(message(tokens.NATIVE_KMS_KEY)).toContain("would schedule its deletion");
        expect(message(tokens.NATIVE_RDS_DB_INSTANCE)).toContain("would delete it and its data");
    });

    describe("aws-native secrets", () => {
        const id = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:webhook-key-AbCdEf";
        const secret = (props: Record<string, unknown>) => native(tokens.NATIVE_SECRETSMANAGER_SECRET, { name: "webhook-key", ...props, id }, "webhook-key");
        const schedule = (secretId: unknown, deps: string[] = []) => resource(tokens.NATIVE_SECRETSMANAGER_ROTATION_SCHEDULE,
            { secretId, rotationRules: { automaticallyAfter: "30 days" }, rotationLambdaArn: "arn:aws:lambda:eu-west-1:111122223333:function:rotate" },
            { stack: "prod", project: "shop", name: "rotation", propertyDependencies: { secretId: deps } });
        it.each([
            ["its secretString written by the program passes", [secret({ secretString: "{\"url\":\"https://hooks.example.com\"}" })], []],
            ["a secretString unknown at preview (set from another output) passes", [secret({ secretString: U })], []],
            ["a generated value (generateSecretString, CDK's default) is reported", [secret({ generateSecretString: { excludePunctuation: true } })], ["webhook-key"]],
            ["no value at all (filled outside the program) is reported", [secret({})], ["webhook-key"]],
            ["a managed external secret is reported", [secret({ secretString: "{}", type: "SalesforceClientCredentials" })], ["webhook-key"]],
            ["a RotationSchedule naming it by ARN: reported", [secret({ secretString: "{}" }), schedule(id)], ["webhook-key"]],
            ["a RotationSchedule naming it at preview (secretId unknown, its dependency): reported", [secret({ secretString: "{}" }), schedule(U, [secret({}).urn])], ["webhook-key"]],
            ["a RotationSchedule whose target cannot be told: reported", [secret({ secretString: "{}" }), schedule(U)], ["webhook-key"]],
            ["a RotationSchedule of another secret: passes", [secret({ secretString: "{}" }), schedule("arn:aws:secretsmanager:eu-west-1:111122223333:secret:other-XyZaBc")], []],
        ] as [string, PlainResource[], string[]][])("%s", (_label, resources, expected) => {
            expect(flagged(resources)).toEqual(expected);
        });
    });
});

describe("findUnprotectedCriticalResources (pure rule): global secondaries after deployment, told by their global database", () => {
    // Once deployed, a secondary's outputs carry the master user or node type it was created
    // without (as `pulumi up`'s stack policies and a stack export see it); the global database's
    // outputs still tell which member is a reader.
    const at = { stack: "prod", project: "shop" };
    const arn = (name: string) => `arn:aws:rds:${name.endsWith("eu") ? "eu-west-1" : "us-east-1"}:111122223333:cluster:${name}`;
    const cluster = (name: string) => resource("aws:rds/cluster:Cluster",
        { engine: "aurora-postgresql", globalClusterIdentifier: "orders", masterUsername: "app", arn: arn(name), clusterIdentifier: name }, { ...at, name });
    const global = (type: string, members: unknown) => resource(type, { globalClusterIdentifier: "orders", engine: "aurora-postgresql", globalClusterMembers: members }, { ...at, name: "orders" });
    const group = (id: string) => resource("aws:elasticache/replicationGroup:ReplicationGroup",
        { replicationGroupId: id, description: id, engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2, globalReplicationGroupId: "ldgnf-sessions" }, { ...at, name: id });
    const datastore = (props: Record<string, unknown>) => resource("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", props, { ...at, name: "sessions-global" });
    const reported = (resources: PlainResource[]) => flagged(resources);

    it("passes the reader of an Aurora, DocumentDB or Neptune global cluster and reports its writer", () => {
        for (const type of ["aws:rds/globalCluster:GlobalCluster", "aws:docdb/globalCluster:GlobalCluster", "aws:neptune/globalCluster:GlobalCluster"]) {
            const members = [{ dbClusterArn: arn("orders-us"), isWriter: true }, { dbClusterArn: arn("orders-eu"), isWriter: false }];
            expect(reported([global(type, members), cluster("orders-us"), cluster("orders-eu")])).toEqual(["orders-us"]);
        }
    });
    it("reports both clusters when the global cluster's members are unknown (preview) or it lists neither", () => {
        expect(reported([global("aws:rds/globalCluster:GlobalCluster", UNKNOWN_SENTINELS.string), cluster("orders-us"), cluster("orders-eu")])).toEqual(["orders-us", "orders-eu"]);
        expect(reported([global("aws:rds/globalCluster:GlobalCluster", [{ dbClusterArn: arn("other-eu"), isWriter: false }]), cluster("orders-us"), cluster("orders-eu")]))
            .toEqual(["orders-us", "orders-eu"]);
    });
    it("passes a Global Datastore's secondary and reports its primary", () => {
        const both = [group("sessions-us"), group("sessions-eu")];
        expect(reported([datastore({ globalReplicationGroupId: "ldgnf-sessions", primaryReplicationGroupId: "sessions-us" }), ...both])).toEqual(["sessions-us"]);
        expect(reported([datastore({ globalReplicationGroupId: "ldgnf-other", primaryReplicationGroupId: "sessions-us" }), ...both])).toEqual(["sessions-us", "sessions-eu"]);
        expect(reported([datastore({ globalReplicationGroupId: UNKNOWN_SENTINELS.string, primaryReplicationGroupId: UNKNOWN_SENTINELS.string }), ...both]))
            .toEqual(["sessions-us", "sessions-eu"]);
    });
});

describe("findUnprotectedCriticalResources (pure rule): Global Datastore members sharing one replication group id", () => {
    // terraform-aws-modules/terraform-aws-elasticache's redis-global-replication-group example gives
    // both members replication_group_id = local.name, in us-east-1 and eu-west-1.
    const at = { stack: "prod", project: "shop" };
    const group = (name: string, region: string | undefined) => resource("aws:elasticache/replicationGroup:ReplicationGroup", {
        replicationGroupId: "ex-sessions", description: "ex", engine: "redis", nodeType: "cache.r7g.large", numCacheClusters: 2, globalReplicationGroupId: "ldgnf-ex-sessions",
        ...(region ? { region, arn: `arn:aws:elasticache:${region}:111122223333:replicationgroup:ex-sessions` } : {}),
    }, { ...at, name });
    const datastore = (region: string | undefined) => resource("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", {
        globalReplicationGroupId: "ldgnf-ex-sessions", primaryReplicationGroupId: "ex-sessions", arn: "arn:aws:elasticache::111122223333:globalreplicationgroup:ldgnf-ex-sessions",
        ...(region ? { region } : {}),
    }, { ...at, name: "sessions-global" });

    it("passes the member in another Region than the datastore's, and reports the primary", () => {
        expect(flagged([datastore("us-east-1"), group("sessions-us", "us-east-1"), group("sessions-eu", "eu-west-1")])).toEqual(["sessions-us"]);
    });
    it("tells the Region from the member's ARN when its region output is absent", () => {
        const eu = group("sessions-eu", "eu-west-1");
        delete eu.props.region;
        expect(flagged([datastore("us-east-1"), group("sessions-us", "us-east-1"), eu])).toEqual(["sessions-us"]);
    });
    it("reports both when no Region is given (the id alone names the primary)", () => {
        expect(flagged([datastore(undefined), group("sessions-us", "us-east-1"), group("sessions-eu", "eu-west-1")])).toEqual(["sessions-us", "sessions-eu"]);
        expect(flagged([datastore("us-east-1"), group("sessions-us", undefined), group("sessions-eu", undefined)])).toEqual(["sessions-us", "sessions-eu"]);
    });
    it("does not report a member whose Region is unknown (it may be another Region's)", () => {
        const unknown = group("sessions-eu", "eu-west-1");
        unknown.props.region = UNKNOWN_SENTINELS.string;
        expect(flagged([datastore("us-east-1"), group("sessions-us", "us-east-1"), unknown])).toEqual(["sessions-us"]);
        delete unknown.props.region;
        unknown.props.arn = UNKNOWN_SENTINELS.string;
        expect(flagged([datastore("us-east-1"), group("sessions-us", "us-east-1"), unknown])).toEqual(["sessions-us"]);
    });
});

describe("findUnprotectedCriticalResources (pure rule): deployed global secondaries whose global database another stack owns", () => {
    // Outputs as `pulumi up`'s stack policies and a stack export see them, with no global
    // cluster in the stack to ask. Aurora: DescribeDBClusters names the primary in a secondary's
    // ReplicationSourceIdentifier (the provider's docs tell programs to ignoreChanges it there).
    // DocumentDB: the master user is read back, the password settings are the program's.
    const at = { stack: "prod", project: "ledger" };
    const arn = (name: string, region = "eu-west-1") => `arn:aws:rds:${region}:111122223333:cluster:${name}`;
    const aurora = (name: string, props: Record<string, unknown>) => resource("aws:rds/cluster:Cluster",
        { engine: "aurora-postgresql", globalClusterIdentifier: "ledger-global", masterUsername: "ledger", arn: arn(name), clusterIdentifier: name, ...props }, { ...at, name });
    const docdb = (name: string, props: Record<string, unknown>) => resource("aws:docdb/cluster:Cluster",
        { engine: "docdb", globalClusterIdentifier: "catalog-global", masterUsername: "catalog", arn: arn(name), clusterIdentifier: name, ...props }, { ...at, name });
    const U = UNKNOWN_SENTINELS;

    it.each([
        ["an Aurora secondary, whose replicationSourceIdentifier names its primary", aurora("ledger-eu", { replicationSourceIdentifier: arn("ledger-us", "us-east-1") })],
        ["a DocumentDB secondary (master user read back, no password setting)", docdb("catalog-eu", {})],
        ["a DocumentDB secondary whose backups the provider defaulted", docdb("catalog-eu", { backupRetentionPeriod: 1, skipFinalSnapshot: false })],
        ["a DocumentDB cluster whose password setting is unknown (preview of an update)", docdb("catalog-eu", { masterPassword: U.string })],
    ])("passes %s", (_label, cluster) => expect(flagged([cluster])).toEqual([]));

    it.each([
        ["an Aurora primary (no replication source)", aurora("ledger-us", { replicationSourceIdentifier: "", manageMasterUserPassword: true })],
        ["a DocumentDB primary with a managed password", docdb("catalog-us", { manageMasterUserPassword: true })],
        ["a DocumentDB primary with a password", docdb("catalog-us", { masterPassword: "not-a-real-password-1" })],
        ["a DocumentDB primary with a write-only password (its version is kept)", docdb("catalog-us", { masterPasswordWoVersion: 1 })],
        ["a DocumentDB primary restored from a snapshot", docdb("catalog-us", { snapshotIdentifier: "catalog-2026-11-30" })],
        ["a DocumentDB cluster outside any global cluster (the provider reads back an empty id)", docdb("catalog-us", { globalClusterIdentifier: "" })],
    ])("reports %s", (_label, cluster) => expect(flagged([cluster])).toEqual([cluster.name]));

    it("reads a DocumentDB cluster whose arn is unknown (a create at preview) as a secondary if either reading does", () => {
        expect(flagged([docdb("catalog-eu", { arn: U.string, masterUsername: undefined })])).toEqual([]);
        // The master user read back, no password setting: the deployed reading's secondary.
        expect(flagged([docdb("catalog-eu", { arn: U.string })])).toEqual([]);
        expect(flagged([docdb("catalog-us", { arn: U.string, masterPassword: "not-a-real-password-1" })])).toEqual(["catalog-us"]);
        // A password from another resource's output: not reported until known.
        expect(flagged([docdb("catalog-us", { arn: U.string, masterPassword: U.string })])).toEqual([]);
    });

    it("still reports a Global Datastore secondary: its outputs carry no role (the provider keeps globalReplicationGroupId and nodeType on both)", () => {
        const group = resource("aws:elasticache/replicationGroup:ReplicationGroup", {
            replicationGroupId: "sessions-eu", description: "sessions, eu-west-1", engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2,
            globalReplicationGroupId: "ldgnf-sessions", arn: "arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:sessions-eu",
        }, { ...at, name: "sessions-eu" });
        expect(flagged([group])).toEqual(["sessions-eu"]);
    });
});

// The newest data stores, both providers. Global clusters hold no data: AWS refuses to delete one
// while a cluster is a member (Aurora user guide, "Deleting an Amazon Aurora global database"), and
// the provider detaches the members first, which keep their data as standalone clusters.
describe("findUnprotectedCriticalResources (pure rule): newest data stores and global clusters", () => {
    const at = (type: string, props: Record<string, unknown>, name: string) => resource(type, props, { stack: "prod", project: "shop", name });
    it.each([
        ["classic Aurora DSQL cluster", "aws:dsql/cluster:Cluster", { deletionProtectionEnabled: true }],
        ["aws-native Aurora DSQL cluster (AWS::DSQL::Cluster; CDK's dsql-alpha Cluster)", "aws-native:dsql:Cluster", { deletionProtectionEnabled: true }],
        ["classic S3 table bucket", "aws:s3tables/tableBucket:TableBucket", { name: "analytics" }],
        ["classic S3 table", "aws:s3tables/table:Table", { name: "orders", namespace: "sales", format: "ICEBERG", tableBucketArn: "arn:aws:s3tables:us-east-1:111122223333:bucket/analytics" }],
        ["aws-native S3 table", "aws-native:s3tables:Table", { tableName: "orders", namespace: "sales", openTableFormat: "ICEBERG", tableBucketArn: "arn:aws:s3tables:us-east-1:111122223333:bucket/analytics" }],
        ["Timestream for InfluxDB instance", "aws:timestreaminfluxdb/dbInstance:DbInstance", { name: "metrics", dbInstanceType: "db.influx.medium", allocatedStorage: 20 }],
        ["Timestream for InfluxDB cluster", "aws:timestreaminfluxdb/dbCluster:DbCluster", { name: "metrics", dbInstanceType: "db.influx.medium", allocatedStorage: 20 }],
        ["Timestream table", "aws:timestreamwrite/table:Table", { databaseName: "iot", tableName: "readings" }],
        ["Keyspaces table", "aws:keyspaces/table:Table", { keyspaceName: "shop", tableName: "orders" }],
        ["DocumentDB elastic cluster", "aws:docdb/elasticCluster:ElasticCluster", { name: "docs", shardCapacity: 2, shardCount: 1, authType: "SECRET_ARN" }],
        ["MemoryDB cluster", "aws:memorydb/cluster:Cluster", { nodeType: "db.t4g.small", aclName: "open-access", snapshotRetentionLimit: 7 }],
        ["OpenSearch Serverless collection", "aws:opensearch/serverlessCollection:ServerlessCollection", { name: "logs", type: "TIMESERIES" }],
        // Their aws-native types (CloudFormation's, as pulumi-cdk sends CfnKeyspace, CfnTable, CfnCollection...).
        ["aws-native Keyspaces keyspace", "aws-native:cassandra:Keyspace", { keyspaceName: "shop" }],
        ["aws-native Keyspaces table", "aws-native:cassandra:Table", { keyspaceName: "shop", tableName: "orders", partitionKeyColumns: [{ columnName: "id", columnType: "uuid" }] }],
        ["aws-native Timestream table", "aws-native:timestream:Table", { databaseName: "iot", tableName: "readings" }],
        ["aws-native Timestream for InfluxDB instance", "aws-native:timestream:InfluxDbInstance", { name: "metrics", dbInstanceType: "db.influx.medium", allocatedStorage: 20 }],
        ["aws-native Timestream for InfluxDB cluster", "aws-native:timestream:InfluxDbCluster", { name: "metrics", dbInstanceType: "db.influx.medium", allocatedStorage: 20 }],
        ["aws-native OpenSearch Serverless collection", "aws-native:opensearchserverless:Collection", { name: "logs", type: "TIMESERIES" }],
        ["aws-native S3 vector index", "aws-native:s3vectors:Index", { indexName: "docs", dataType: "float32", dimension: 1024, distanceMetric: "cosine", vectorBucketName: "embeddings" }],
        ["aws-native Cognito identity pool", "aws-native:cognito:IdentityPool", { identityPoolName: "shop", allowUnauthenticatedIdentities: false }],
        ["aws-native private certificate authority", "aws-native:acmpca:CertificateAuthority", { type: "ROOT", keyAlgorithm: "RSA_2048", signingAlgorithm: "SHA256WITHRSA", subject: { commonName: "internal" } }],
        // CDK's CfnVolume and CfnWorkspace, and the snapshots a program keeps, as their classic types.
        ["aws-native FSx for ONTAP volume", "aws-native:fsx:Volume",
            { name: "vol1", volumeType: "ONTAP", ontapConfiguration: { storageVirtualMachineId: "svm-0123456789abcdef0", sizeInMegabytes: "1024", junctionPath: "/vol1" } }],
        ["aws-native FSx for OpenZFS volume", "aws-native:fsx:Volume", { name: "home", volumeType: "OPENZFS", openZfsConfiguration: { parentVolumeId: "fsvol-0123456789abcdef0" } }],
        ["aws-native WorkSpace", "aws-native:workspaces:Workspace", { bundleId: "wsb-0123456789", directoryId: "d-9067a1b2c3", userName: "alice" }],
        ["aws-native RDS DB snapshot", "aws-native:rds:DbSnapshot", { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "orders-pre-migration" }],
        ["aws-native DB cluster snapshot", "aws-native:rds:ClusterSnapshot", { dbClusterIdentifier: "orders", dbClusterSnapshotIdentifier: "orders-pre-migration" }],
        ["aws-native Redshift Serverless snapshot", "aws-native:redshiftserverless:Snapshot", { namespaceName: "dw", snapshotName: "dw-pre-migration", retentionPeriod: 30 }],
        // The stores of the classic list that aws-native has too, after CloudFormation's required inputs.
        ["aws-native Neptune Analytics graph", "aws-native:neptunegraph:Graph", { graphName: "fraud-graph", provisionedMemory: 16, replicaCount: 1 }],
        ["aws-native Neptune Analytics graph snapshot", "aws-native:neptunegraph:GraphSnapshot", { graphIdentifier: "g-0123456789", snapshotName: "fraud-pre-migration" }],
        ["aws-native Simple AD directory", "aws-native:directoryservice:SimpleAd",
            { name: "corp.example.com", size: "Small", vpcSettings: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"] } }],
        ["aws-native Payment Cryptography key", "aws-native:paymentcryptography:Key", {
            exportable: true,
            keyAttributes: { keyAlgorithm: "TDES_3KEY", keyClass: "SYMMETRIC_KEY", keyUsage: "TR31_P0_PIN_ENCRYPTION_KEY", keyModesOfUse: { encrypt: true, decrypt: true, wrap: true, unwrap: true } },
        }],
        ["aws-native Amazon Connect instance", "aws-native:connect:Instance",
            { identityManagementType: "CONNECT_MANAGED", instanceAlias: "support", attributes: { inboundCalls: true, outboundCalls: true } }],
        ["aws-native Customer Profiles domain", "aws-native:customerprofiles:Domain", { domainName: "customers", defaultExpirationDays: 366 }],
        ["aws-native Mail Manager archive", "aws-native:ses:MailManagerArchive", { archiveName: "compliance", retention: { retentionPeriod: "THREE_YEARS" } }],
        ["aws-native AWS account", "aws-native:organizations:Account", { accountName: "sandbox", email: "sandbox@example.com", parentIds: ["ou-ab12-34cd56ef"] }],
        // Lightsail as CloudFormation has it: the classic list's database, disk and bucket, and the snapshots as RDS and EBS ones.
        ["aws-native Lightsail database", "aws-native:lightsail:Database", {
            relationalDatabaseName: "shop", relationalDatabaseBlueprintId: "postgres_16", relationalDatabaseBundleId: "micro_2_0", masterDatabaseName: "shop", masterUsername: "app",
        }],
        ["aws-native Lightsail disk", "aws-native:lightsail:Disk", { diskName: "data", sizeInGb: 32, availabilityZone: "eu-west-1a" }],
        ["aws-native Lightsail bucket", "aws-native:lightsail:Bucket", { bucketName: "shop-media", bundleId: "small_1_0" }],
        ["aws-native Lightsail database snapshot", "aws-native:lightsail:DatabaseSnapshot", { relationalDatabaseName: "shop", relationalDatabaseSnapshotName: "shop-pre-migration" }],
        ["aws-native Lightsail disk snapshot", "aws-native:lightsail:DiskSnapshot", { diskName: "data", diskSnapshotName: "data-pre-migration" }],
    ])("reports an unprotected %s", (_label, type, props) => {
        expect(flagged([at(type, props, "store")])).toEqual(["store"]);
        expect(flagged([{ ...at(type, props, "store"), protect: true }])).toEqual([]);
    });

    it.each([
        ["classic Aurora global cluster", "aws:rds/globalCluster:GlobalCluster", { globalClusterIdentifier: "orders", engine: "aurora-postgresql" }],
        ["classic Aurora global cluster with forceDestroy (it only detaches the members)", "aws:rds/globalCluster:GlobalCluster",
            { globalClusterIdentifier: "orders", sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:orders", forceDestroy: true }],
        ["classic DocumentDB global cluster", "aws:docdb/globalCluster:GlobalCluster", { globalClusterIdentifier: "docs", engine: "docdb" }],
        ["classic Neptune global cluster", "aws:neptune/globalCluster:GlobalCluster", { globalClusterIdentifier: "graph", engine: "neptune" }],
        ["aws-native Aurora global cluster", "aws-native:rds:GlobalCluster", { globalClusterIdentifier: "orders", engine: "aurora-postgresql" }],
        ["aws-native DocumentDB global cluster", "aws-native:docdb:GlobalCluster", { globalClusterIdentifier: "docs" }],
        ["aws-native Neptune global cluster", "aws-native:neptune:GlobalCluster", { globalClusterIdentifier: "graph", engine: "neptune" }],
        ["QLDB ledger (the service ended; deletionProtection defaults to true)", "aws:qldb/ledger:Ledger", { permissionsMode: "STANDARD" }],
        // "Before you delete a table bucket, you must first delete all namespaces and tables within the bucket" (S3 user
        // guide), and CloudFormation has no flag to force it: left out as Timestream databases and S3 Tables namespaces.
        ["aws-native S3 table bucket (refused while it holds tables)", "aws-native:s3tables:TableBucket", { tableBucketName: "analytics" }],
        // The classic Lightsail instance and container service are not listed (instances are cattle by convention), nor are these.
        ["aws-native Lightsail instance", "aws-native:lightsail:Instance", { instanceName: "web", blueprintId: "ubuntu_22_04", bundleId: "nano_3_0" }],
        ["aws-native Lightsail instance snapshot", "aws-native:lightsail:InstanceSnapshot", { instanceName: "web", instanceSnapshotName: "web-pre-upgrade" }],
        ["aws-native Lightsail container service", "aws-native:lightsail:Container", { serviceName: "web", power: "nano", scale: 1 }],
    ])("passes an unprotected %s", (_label, type, props) => {
        expect(flagged([at(type, props, "wrapper")])).toEqual([]);
    });

});

describe("findUnprotectedCriticalResources (pure rule): a serverless Memcached cache is a cache", () => {
    const SERVERLESS = "aws:elasticache/serverlessCache:ServerlessCache";
    const cache = (props: Record<string, unknown>) =>
        findUnprotectedCriticalResources([resource(SERVERLESS, { name: "page-cache", majorEngineVersion: "1.6", ...props }, { name: "page-cache" })], { criticalResourceTypes: [SERVERLESS] }).length;
    it("passes Memcached (any case) and an engine unknown at preview; reports Valkey and Redis OSS", () => {
        expect([cache({ engine: "memcached" }), cache({ engine: "Memcached" }), cache({ engine: UNKNOWN_SENTINELS.string })]).toEqual([0, 0, 0]);
        expect([cache({ engine: "valkey" }), cache({ engine: "redis" })]).toEqual([1, 1]);
    });
});

describe("findUnprotectedCriticalResources (pure rule): an AD Connector keeps no directory data", () => {
    const DIRECTORY = "aws:directoryservice/directory:Directory";
    // After the provider's examples: a Simple AD (type unset), a Managed Microsoft AD, and an AD Connector to a self-managed directory.
    const directory = (props: Record<string, unknown>) => findUnprotectedCriticalResources(
        [resource(DIRECTORY, { name: "corp.example.com", password: "not-a-real-password-1", ...props }, { name: "corp" })], { criticalResourceTypes: [...DEFAULT_CRITICAL_RESOURCE_TYPES] }).length;
    const connectSettings = { customerUsername: "Admin", customerDnsIps: ["10.0.0.10"], subnetIds: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], vpcId: "vpc-0123456789abcdef0" };
    it("passes an AD Connector (any case) and a type unknown at preview; reports Simple AD, an unset type and Managed Microsoft AD", () => {
        expect([directory({ type: "ADConnector", size: "Small", connectSettings }), directory({ type: "adconnector", connectSettings }), directory({ type: UNKNOWN_SENTINELS.string })])
            .toEqual([0, 0, 0]);
        expect([directory({ size: "Small" }), directory({ type: "SimpleAD", size: "Small" }), directory({ type: "MicrosoftAD", edition: "Standard" })]).toEqual([1, 1, 1]);
    });
});

describe("findUnprotectedCriticalResources (pure rule): secrets whose value the program writes", () => {
    const U = UNKNOWN_SENTINELS.string;
    const arn = (name: string) => `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${name}-Ab12Cd`;
    const at = { stack: "prod", project: "shop" };
    const secret = (name: string, props: Record<string, unknown> = {}) =>
        resource("aws:secretsmanager/secret:Secret", { name, arn: arn(name), id: arn(name), ...props }, { ...at, name });
    const writes = (name: string, secretId: unknown, from: PlainResource[] = [], ignoreChanges: string[] = []) =>
        resource("aws:secretsmanager/secretVersion:SecretVersion", { secretId, secretString: "ignored" }, { ...at, name, propertyDependencies: { secretId: from.map((r) => r.urn) }, ignoreChanges });
    const rotates = (name: string, secretId: unknown, from: PlainResource[] = []) =>
        resource("aws:secretsmanager/secretRotation:SecretRotation", { secretId, rotationRules: { automaticallyAfterDays: 30 } }, { ...at, name, propertyDependencies: { secretId: from.map((r) => r.urn) } });
    const api = secret("api-key");
    const other = secret("other");
    const suffix = resource("random:index/randomId:RandomId", { byteLength: 4, hex: U }, { ...at, name: "suffix" });
    const otherSuffix = resource("random:index/randomId:RandomId", { byteLength: 4, hex: U }, { ...at, name: "other-suffix" });
    const fresh = resource("aws:secretsmanager/secret:Secret", { name: U, arn: U, id: U }, { ...at, name: "api-key", propertyDependencies: { name: [suffix.urn] } });

    it.each([
        ["a secret nothing in the stack writes", [api, other], ["api-key", "other"]],
        ["a SecretVersion names the secret by ARN (a stack export, or an update)", [api, other, writes("v", arn("api-key"))], ["other"]],
        ["by name", [api, writes("v", "api-key")], []],
        ["its secretId unknown at preview, taken from the secret", [api, other, writes("v", U, [api])], ["other"]],
        ["a SecretRotation rotates it too (by ARN)", [api, writes("v", arn("api-key")), rotates("rot", arn("api-key"))], ["api-key"]],
        ["a SecretRotation rotates it too (unknown at preview)", [api, writes("v", U, [api]), rotates("rot", U, [api])], ["api-key"]],
        ["a rotation of another secret", [api, other, writes("v", arn("api-key")), rotates("rot", arn("other"))], ["other"]],
        ["a rotation whose target cannot be told: every secret stays reported", [api, writes("v", arn("api-key")), rotates("rot", U)], ["api-key"]],
        ["a version whose secretId is unknown with no recorded source", [api, writes("v", U)], ["api-key"]],
        ["a version of a secret outside the stack, built from this one's output", [api, writes("v", arn("elsewhere"), [api])], ["api-key"]],
        ["a managed external secret (a partner rotates it)", [secret("sf", { type: "SalesforceClientSecret" }), writes("v", arn("sf"))], ["sf"]],
        ["a managed external secret type not known yet", [secret("sf", { type: U }), writes("v", arn("sf"))], ["sf"]],
        ["an empty type (the output of an ordinary secret)", [secret("plain", { type: "" }), writes("v", arn("plain"))], []],
        // A placeholder the program writes once, the real value set in the console: `ignoreChanges` on the value.
        ["a version that ignores changes to secretString", [api, other, writes("v", arn("api-key"), [], ["secretString"])], ["api-key", "other"]],
        ["the same at preview (secretId unknown, taken from the secret)", [api, writes("v", U, [api], ["secretString"])], ["api-key"]],
        ["a version that ignores changes to every property", [api, writes("v", "api-key", [], ["*"])], ["api-key"]],
        ["a version that ignores changes to secretBinary", [api, writes("v", arn("api-key"), [], ["secretBinary"])], ["api-key"]],
        ["a version that ignores changes to its staging labels only", [api, writes("v", arn("api-key"), [], ["versionStages"])], []],
        ["a placeholder version beside one the program writes", [api, writes("v1", arn("api-key"), [], ["secretString"]), writes("v2", arn("api-key"))], []],
        // `name: pulumi.interpolate\`api-key-${suffix.hex}\`` given to the secret and, as its secretId (Secrets Manager takes a
        // name), to the version and rotation: at the first preview neither depends on the other.
        ["at preview, a version whose secretId is built from the suffix the new secret's name is", [fresh, writes("v", U, [suffix])], []],
        ["at preview, a rotation built from that suffix rotates it", [fresh, writes("v", U, [suffix]), rotates("rot", U, [suffix])], ["api-key"]],
        ["at preview, a version built from another suffix", [fresh, writes("v", U, [otherSuffix])], ["api-key"]],
        ["after apply, the known name", [secret("api-key", { name: "api-key-1a2b3c4d" }), writes("v", "api-key-1a2b3c4d", [suffix])], []],
    ] as [string, PlainResource[], string[]][])("%s", (_label, resources, expected) => {
        expect(flagged(resources)).toEqual(expected);
    });
});

describe("default critical resource types", () => {
    it("covers the stateful resources the issues list", () => {
        for (const type of [
            // issue 23: FSx, legacy Elasticsearch, MemoryDB, Redshift Serverless, DocumentDB, Neptune, Backup vaults, S3 directory buckets.
            "aws:fsx/windowsFileSystem:WindowsFileSystem", "aws:fsx/lustreFileSystem:LustreFileSystem", "aws:fsx/ontapFileSystem:OntapFileSystem",
            "aws:fsx/openZfsFileSystem:OpenZfsFileSystem", "aws:elasticsearch/domain:Domain", "aws:elasticache/serverlessCache:ServerlessCache",
            "aws:memorydb/cluster:Cluster", "aws:redshiftserverless/namespace:Namespace", "aws:backup/vault:Vault", "aws:s3/directoryBucket:DirectoryBucket",
            "aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:dynamodb/table:Table", "aws:s3/bucket:Bucket",
            "aws:s3/bucketV2:BucketV2", "aws:kms/key:Key", "aws:efs/fileSystem:FileSystem",
            "aws:elasticache/replicationGroup:ReplicationGroup", "aws:redshift/cluster:Cluster", "aws:docdb/cluster:Cluster",
            "aws:neptune/cluster:Cluster", "aws:secretsmanager/secret:Secret", "aws:route53/zone:Zone",
        ]) {
            expect(DEFAULT_CRITICAL_RESOURCE_TYPES).toContain(type);
        }
    });

    // test/tokens.test.ts checks every constant in tokens.ts against the installed provider.
    it("uses only token constants from policies/lib/tokens.ts (checked against @pulumi/aws)", () => {
        const known = new Set<string>(Object.values(tokens));
        expect(DEFAULT_CRITICAL_RESOURCE_TYPES.filter((type) => !known.has(type))).toEqual([]);
    });

    it("gives a reason for each and is documented type by type", () => {
        const doc = fs.readFileSync(path.join(PACK_DIR, "docs/policies/resource-protect.md"), "utf8");
        for (const [type, why] of Object.entries(CRITICAL_RESOURCE_TYPES)) {
            expect(why.length).toBeGreaterThan(20);
            expect(doc).toContain(`\`${type}\``);
        }
        // The page's default-list tables name exactly the policy's list.
        const section = doc.slice(doc.indexOf("### The default list"), doc.indexOf("### Borderline"));
        const documented = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
        expect([...documented].sort()).toEqual([...DEFAULT_CRITICAL_RESOURCE_TYPES].sort());
        // A type is either on the default list or discussed as borderline, never both.
        const borderline = doc.slice(doc.indexOf("### Borderline"), doc.indexOf("## Configuration"));
        const discussed = [...borderline.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([^`]+)`/g)].map((t) => t[1]));
        expect(discussed.length).toBeGreaterThan(50);
        expect(DEFAULT_CRITICAL_RESOURCE_TYPES.filter((type) => discussed.includes(type))).toEqual([]);
    });

    it("is the schema default, so the published config shows it", () => {
        expect(resourceProtect.configSchema?.properties?.criticalResourceTypes).toMatchObject({ default: DEFAULT_CRITICAL_RESOURCE_TYPES });
        expect(resourceProtect.enforcementLevel).toBe("advisory");
    });
});

/**
 * Runs a small program against the SDK's mock monitor and records what each
 * RegisterResourceRequest carried: what the engine then stores and hands the pack.
 */
async function registerThroughSdk(): Promise<Map<string, { type: string; parent?: string; custom: boolean; protect: boolean }>> {
    await pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "shop", "prod", true);
    const sent = new Map<string, { type: string; parent?: string; custom: boolean; protect: boolean }>();
    const monitor: any = pulumi.runtime.getMonitor();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: unknown) => {
        const parent = req.getParent() ? req.getParent().split("::").pop() : undefined;
        // The engine keeps an unset protect as false (step_generator.go).
        sent.set(req.getName(), { type: req.getType(), parent, custom: req.getCustom(), protect: req.hasProtect() ? req.getProtect() : false });
        return register(req, callback);
    };
    const created: pulumi.Resource[] = [];
    // A custom resource registered by the SDK exactly as @pulumi/aws classes are, without loading that package.
    class Custom extends pulumi.CustomResource {
        constructor(type: string, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
            super(type, name, props, opts);
            created.push(this);
        }
    }
    class DataStore extends pulumi.ComponentResource {
        constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
            super("shop:storage:DataStore", name, {}, opts);
            new Custom("aws:dynamodb/table:Table", "sessions", { name: "shop-sessions", billingMode: "PAY_PER_REQUEST" }, { parent: this });
            new Custom("aws:s3/bucket:Bucket", "exports", { bucket: "shop-exports" }, { parent: this, protect: false });
            const keys = new pulumi.ComponentResource("shop:storage:Keys", "keys", {}, { parent: this });
            created.push(keys);
            new Custom("aws:kms/key:Key", "data-key", { enableKeyRotation: true }, { parent: keys });
            this.registerOutputs({});
        }
    }
    created.push(new DataStore("storage", { protect: true }));
    new Custom("aws:rds/instance:Instance", "orders-db", { engine: "postgres" });
    // A URN resolves once the monitor has answered that resource's registration.
    await Promise.all(created.map((r) => new Promise((done) => r.urn.apply(done))));
    return sent;
}

describe("resource-protect through the engine path", () => {
    const engine = useEngine();

    it("reports unprotected critical resources from the default list, advisory, and passes the rest", async () => {
        const run = await engine.run(JSON.parse(fs.readFileSync(path.join(DIR, "unprotected.json"), "utf8")));
        const found = run.of(POLICY);
        const names = (urn: string) => run.resources.find((r) => r.urn === urn)?.name;
        expect(found.map((d) => [names(d.urn), d.enforcementLevel])).toEqual([
            ["orders-db", "advisory"], ["invoices", "advisory"], ["data-key", "advisory"], ["shop-zone", "advisory"], ["sessions", "advisory"],
        ]);
        const sessions = run.on("sessions").find((d) => d.policyName === POLICY)!;
        expect(sessions.message).toContain('Its ancestor shop:storage:DataStore "storage" is protected');
        expect(sessions.message).toContain("pulumi state unprotect 'urn:pulumi:dev::project::shop:storage:DataStore$aws:dynamodb/table:Table::sessions'");
        expect(run.on("db-sg").filter((d) => d.policyName === POLICY)).toEqual([]);
    });

    it("passes read replicas, global secondaries (Aurora, ElastiCache) and a serverless Memcached cache, reports their unprotected primaries and a Valkey cache", async () => {
        const run = await engine.run({
            resources: [
                { type: "aws:rds/instance:Instance", name: "orders-db", props: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true } },
                { type: "aws:rds/instance:Instance", name: "orders-db-replica", props: { replicateSourceDb: "orders-db", instanceClass: "db.t4g.micro" } },
                { type: "aws:rds/cluster:Cluster", name: "ledger-primary", props: { engine: "aurora-postgresql", globalClusterIdentifier: "ledger", masterUsername: "app", manageMasterUserPassword: true } },
                { type: "aws:rds/cluster:Cluster", name: "ledger-secondary", props: { engine: "aurora-postgresql", globalClusterIdentifier: "ledger" } },
                { type: "aws:elasticache/serverlessCache:ServerlessCache", name: "page-cache", props: { engine: "memcached", name: "page-cache", majorEngineVersion: "1.6" } },
                { type: "aws:elasticache/serverlessCache:ServerlessCache", name: "sessions", props: { engine: "valkey", name: "sessions", majorEngineVersion: "8" } },
                { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "carts", props: { description: "carts", engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2 } },
                { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "carts-eu", props: { description: "carts, eu-west-1", globalReplicationGroupId: "ldgnf-carts", numCacheClusters: 2 } },
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["orders-db", "ledger-primary", "sessions", "carts"]);
    });

    it("passes an AD Connector and a directory whose type is unknown at preview, reports a Managed Microsoft AD", async () => {
        const vpcSettings = { subnetIds: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], vpcId: "vpc-0123456789abcdef0" };
        const run = await engine.run({
            resources: [
                {
                    type: "aws:directoryservice/directory:Directory", name: "corp-connector",
                    props: { name: "corp.example.com", password: { $secret: "not-a-real-password-1" }, size: "Small", type: "ADConnector", connectSettings: { ...vpcSettings, customerUsername: "Admin", customerDnsIps: ["10.0.0.10"] } },
                },
                { type: "aws:directoryservice/directory:Directory", name: "corp-ad", props: { name: "ad.example.com", password: { $secret: "not-a-real-password-1" }, type: "MicrosoftAD", edition: "Standard", vpcSettings } },
                { type: "aws:directoryservice/directory:Directory", name: "next-ad", props: { name: "next.example.com", password: { $secret: "not-a-real-password-1" }, type: { $unknown: "string" }, vpcSettings } },
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["corp-ad"]);
    });

    it("passes global secondaries as `pulumi up` sends them once deployed (outputs with the master user and node type), by their global database", async () => {
        const arn = (name: string, region: string) => `arn:aws:rds:${region}:111122223333:cluster:${name}`;
        const run = await engine.run({
            resources: [
                {
                    type: "aws:rds/globalCluster:GlobalCluster", name: "ledger", protect: true,
                    props: { globalClusterIdentifier: "ledger", engine: "aurora-postgresql", globalClusterMembers: [
                        { dbClusterArn: arn("ledger-us", "us-east-1"), isWriter: true }, { dbClusterArn: arn("ledger-eu", "eu-west-1"), isWriter: false }] },
                },
                { type: "aws:rds/cluster:Cluster", name: "ledger-us", props: { engine: "aurora-postgresql", globalClusterIdentifier: "ledger", masterUsername: "app", arn: arn("ledger-us", "us-east-1") } },
                { type: "aws:rds/cluster:Cluster", name: "ledger-eu", props: { engine: "aurora-postgresql", globalClusterIdentifier: "ledger", masterUsername: "app", arn: arn("ledger-eu", "eu-west-1") } },
                { type: "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", name: "carts", props: { globalReplicationGroupId: "ldgnf-carts", primaryReplicationGroupId: "carts-us" } },
                ...["carts-us", "carts-eu"].map((id) => ({
                    type: "aws:elasticache/replicationGroup:ReplicationGroup", name: id,
                    props: { replicationGroupId: id, description: id, engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2, globalReplicationGroupId: "ldgnf-carts" },
                })),
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["ledger-us", "carts-us"]);
    });

    it("passes a Global Datastore secondary that shares its primary's replication group id in another Region, once deployed", async () => {
        const run = await engine.run({
            resources: [
                {
                    type: "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", name: "sessions-global", protect: true,
                    props: { globalReplicationGroupIdSuffix: "ex-sessions", primaryReplicationGroupId: "ex-sessions" },
                    outputs: { globalReplicationGroupId: "ldgnf-ex-sessions", primaryReplicationGroupId: "ex-sessions", region: "us-east-1" },
                },
                ...[["sessions-us", "us-east-1"], ["sessions-eu", "eu-west-1"]].map(([name, region]) => ({
                    type: "aws:elasticache/replicationGroup:ReplicationGroup", name,
                    props: { replicationGroupId: "ex-sessions", description: "ex", ...(region === "us-east-1" ? { engine: "redis", nodeType: "cache.r7g.large" } : { globalReplicationGroupId: "ldgnf-ex-sessions" }) },
                    outputs: {
                        replicationGroupId: "ex-sessions", description: "ex", engine: "redis", nodeType: "cache.r7g.large", globalReplicationGroupId: "ldgnf-ex-sessions", region,
                        arn: `arn:aws:elasticache:${region}:111122223333:replicationgroup:ex-sessions`,
                    },
                })),
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["sessions-us"]);
    });

    // Pulumi never deletes what a program reads, and the read state never carries `protect`.
    it("a resource the stack reads (.get, a read-replacement) is another stack's to protect: not judged, as the engine sends none of it; an imported one is", async () => {
        for (const sample of ["stack-export-reads.json", "preview-reads.json"]) {
            const run = await engine.run(loadInputFile(path.join(FIXTURES, "samples", sample)));
            const judged = (policy: string) => run.of(policy).map((d) => run.resources.find((r) => r.urn === d.urn)?.name);
            expect(judged(POLICY), sample).toEqual(["legacy-assets"]);
            expect(judged("s3-bucket-encryption"), sample).toEqual(["legacy-assets"]);
            // The stack's secrets provider aside (the engine helper boots without one), no finding is on another resource.
            expect(run.diagnostics.filter((d) => d.policyName !== "secrets-provider-allowlist" && !d.urn.endsWith("::legacy-assets")), sample).toEqual([]);
        }
    });

    it("judges deployed global secondaries whose global cluster another stack owns as their preview did (stack export: outputs to resource-protect, inputs to deletion-safeguards)", async () => {
        const names = (run: Awaited<ReturnType<typeof engine.run>>, policy: string) =>
            run.of(policy).map((d) => run.resources.find((r) => r.urn === d.urn)!.name).sort();
        const deployed = await engine.run(loadInputFile(path.join(DIR, "global-secondaries-export.json")));
        expect(names(deployed, POLICY)).toEqual(["catalog-us", "ledger-us"]);
        expect(names(deployed, "deletion-safeguards")).toEqual(["catalog-us", "ledger-us"]);
        // The same program at its first preview: the global clusters' ids come from another stack's outputs.
        const U = { $unknown: "string" };
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: "aws:rds/cluster:Cluster", name: "ledger-us", props: { engine: "aurora-postgresql", globalClusterIdentifier: U, masterUsername: "ledger", manageMasterUserPassword: true, backupRetentionPeriod: 7, skipFinalSnapshot: true } },
                { type: "aws:rds/cluster:Cluster", name: "ledger-eu", props: { engine: "aurora-postgresql", globalClusterIdentifier: U, skipFinalSnapshot: true } },
                { type: "aws:docdb/cluster:Cluster", name: "catalog-us", props: { engine: "docdb", globalClusterIdentifier: U, masterUsername: "catalog", manageMasterUserPassword: true, backupRetentionPeriod: 7, skipFinalSnapshot: true } },
                { type: "aws:docdb/cluster:Cluster", name: "catalog-eu", props: { engine: "docdb", globalClusterIdentifier: U, backupRetentionPeriod: 1, skipFinalSnapshot: true } },
            ],
        });
        expect(names(preview, POLICY)).toEqual(["catalog-us", "ledger-us"]);
        expect(names(preview, "deletion-safeguards")).toEqual(["catalog-us", "ledger-us"]);
    });

    // A CDK app as pulumi-cdk sends it at preview: aws-native types, references unknown.
    it("judges a CDK app's aws-native resources as their classic equivalents: reports the unprotected ones, passes copies, members and protected ones", async () => {
        const U = { $unknown: true };
        const run = await engine.run({
            resources: [
                { type: tokens.NATIVE_RDS_DB_CLUSTER, name: "orders-cluster", props: { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true, storageEncrypted: true } },
                { type: tokens.NATIVE_RDS_DB_INSTANCE, name: "orders-writer", props: { engine: "aurora-postgresql", dbClusterIdentifier: U, dbInstanceClass: "db.r6g.large" }, propertyDependencies: { dbClusterIdentifier: ["orders-cluster"] } },
                { type: tokens.NATIVE_RDS_DB_INSTANCE, name: "reports-db", props: { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20", masterUsername: "app", manageMasterUserPassword: true } },
                { type: tokens.NATIVE_RDS_DB_INSTANCE, name: "reports-db-replica", props: { sourceDbInstanceIdentifier: U, dbInstanceClass: "db.t4g.micro" }, propertyDependencies: { sourceDbInstanceIdentifier: ["reports-db"] } },
                { type: tokens.NATIVE_DYNAMODB_TABLE, name: "carts", protect: true, props: { keySchema: [{ attributeName: "id", keyType: "HASH" }], attributeDefinitions: [{ attributeName: "id", attributeType: "S" }], billingMode: "PAY_PER_REQUEST" } },
                { type: tokens.NATIVE_S3_BUCKET, name: "uploads", props: { bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] } } },
                { type: tokens.NATIVE_SECRETSMANAGER_SECRET, name: "db-password", props: { generateSecretString: { secretStringTemplate: "{\"username\":\"app\"}", generateStringKey: "password", excludePunctuation: true } } },
                { type: tokens.NATIVE_COGNITO_USER_POOL, name: "customers", props: { userPoolName: "customers" } },
                { type: "aws-native:sqs:Queue", name: "jobs", props: {} },
            ],
        });
        const found = run.of(POLICY);
        expect(found.map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["orders-cluster", "reports-db", "uploads", "db-password", "customers"]);
        expect(found.every((d) => d.enforcementLevel === "advisory")).toBe(true);
        expect(run.on("uploads").find((d) => d.policyName === POLICY)!.message).toContain("(AWS refuses before, and the update stops half done)");
    });

    it("reports the aws-native DSQL cluster and S3 table of a CDK app, and passes its table bucket and global cluster", async () => {
        const U = { $unknown: "string" };
        const run = await engine.run({
            resources: [
                { type: tokens.NATIVE_DSQL_CLUSTER, name: "ledger", props: { deletionProtectionEnabled: true, tags: [{ key: "Name", value: "ledger" }] } },
                { type: tokens.NATIVE_DSQL_CLUSTER, name: "ledger-kept", protect: true, props: { deletionProtectionEnabled: true } },
                { type: tokens.NATIVE_S3TABLES_TABLE_BUCKET, name: "lake", props: { tableBucketName: "shop-lake" } },
                {
                    type: tokens.NATIVE_S3TABLES_TABLE, name: "orders", props: { tableName: "orders", namespace: "sales", openTableFormat: "ICEBERG", tableBucketArn: U },
                    propertyDependencies: { tableBucketArn: ["lake"] },
                },
                { type: tokens.NATIVE_RDS_GLOBAL_CLUSTER, name: "orders-global", props: { globalClusterIdentifier: "orders-global", sourceDbClusterIdentifier: U, deletionProtection: true } },
            ],
        });
        const found = run.of(POLICY);
        expect(found.map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["ledger", "orders"]);
        expect(run.on("orders").find((d) => d.policyName === POLICY)!.message).toContain("would delete it and its data");
    });

    it("reports the aws-native Keyspaces, Timestream, OpenSearch Serverless and vector stores, identity pools and CAs of a CDK app as their classic types", async () => {
        const U = { $unknown: "string" };
        const run = await engine.run({
            preview: true,
            resources: [
                { type: tokens.NATIVE_CASSANDRA_KEYSPACE, name: "shop", props: { keyspaceName: "shop" } },
                { type: tokens.NATIVE_CASSANDRA_TABLE, name: "orders", props: { keyspaceName: U, tableName: "orders" }, propertyDependencies: { keyspaceName: ["shop"] } },
                { type: tokens.NATIVE_TIMESTREAM_TABLE, name: "readings", protect: true, props: { databaseName: "iot", tableName: "readings" } },
                { type: "aws-native:timestream:Database", name: "iot", props: { databaseName: "iot" } },
                { type: tokens.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION, name: "logs", props: { name: "logs", type: "TIMESERIES" } },
                { type: tokens.NATIVE_S3VECTORS_INDEX, name: "docs", props: { indexName: "docs", dataType: "float32", dimension: 1024, distanceMetric: "cosine", vectorBucketArn: U } },
                { type: tokens.NATIVE_COGNITO_IDENTITY_POOL, name: "visitors", props: { allowUnauthenticatedIdentities: true } },
                { type: tokens.NATIVE_ACMPCA_CERTIFICATE_AUTHORITY, name: "root-ca", props: { type: "ROOT", keyAlgorithm: "RSA_2048", signingAlgorithm: "SHA256WITHRSA", subject: { commonName: "internal" } } },
            ],
        });
        const found = run.of(POLICY);
        expect(found.map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["shop", "orders", "logs", "docs", "visitors", "root-ca"]);
        expect(found.every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("reports the aws-native FSx volumes, WorkSpaces and snapshots of a CDK app as their classic types, with their inputs unknown at preview", async () => {
        const U = { $unknown: "string" };
        const run = await engine.run({
            preview: true,
            resources: [
                { type: tokens.NATIVE_FSX_VOLUME, name: "vol1", props: { name: "vol1", volumeType: "ONTAP", ontapConfiguration: { storageVirtualMachineId: U, sizeInMegabytes: "1024" } } },
                { type: tokens.NATIVE_WORKSPACES_WORKSPACE, name: "alice", props: { bundleId: "wsb-0123456789", directoryId: U, userName: "alice" } },
                { type: tokens.NATIVE_RDS_DB_SNAPSHOT, name: "orders-pre-migration", props: { dbInstanceIdentifier: U, dbSnapshotIdentifier: "orders-pre-migration" } },
                { type: tokens.NATIVE_RDS_CLUSTER_SNAPSHOT, name: "aurora-pre-migration", protect: true, props: { dbClusterIdentifier: U, dbClusterSnapshotIdentifier: "aurora-pre-migration" } },
                { type: tokens.NATIVE_REDSHIFT_SERVERLESS_SNAPSHOT, name: "dw-pre-migration", props: { namespaceName: U, snapshotName: "dw-pre-migration" } },
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["vol1", "alice", "orders-pre-migration", "dw-pre-migration"]);
    });

    it("reports the aws-native graphs, directories, payment keys, contact centers, profile domains, mail archives and accounts as their classic types, with their inputs unknown at preview", async () => {
        const U = { $unknown: "string" };
        const run = await engine.run({
            preview: true,
            resources: [
                { type: tokens.NATIVE_NEPTUNEGRAPH_GRAPH, name: "fraud-graph", props: { provisionedMemory: 16, kmsKeyIdentifier: U } },
                { type: tokens.NATIVE_NEPTUNEGRAPH_GRAPH_SNAPSHOT, name: "fraud-pre-migration", props: { graphIdentifier: U, snapshotName: "fraud-pre-migration" } },
                { type: tokens.NATIVE_DIRECTORYSERVICE_SIMPLE_AD, name: "corp", props: { name: "corp.example.com", size: "Small", vpcSettings: { vpcId: U, subnetIds: [U, U] } } },
                { type: tokens.NATIVE_PAYMENTCRYPTOGRAPHY_KEY, name: "pin-key", protect: true, props: { exportable: true, keyAttributes: U } },
                { type: tokens.NATIVE_CONNECT_INSTANCE, name: "support", props: { identityManagementType: "EXISTING_DIRECTORY", directoryId: U, attributes: { inboundCalls: true, outboundCalls: false } } },
                { type: tokens.NATIVE_CUSTOMERPROFILES_DOMAIN, name: "customers", props: { domainName: "customers", defaultExpirationDays: 366, defaultEncryptionKey: U } },
                { type: tokens.NATIVE_MAILMANAGER_ARCHIVE, name: "compliance", props: { archiveName: "compliance", kmsKeyArn: U } },
                { type: tokens.NATIVE_ORGANIZATIONS_ACCOUNT, name: "sandbox", props: { accountName: "sandbox", email: "sandbox@example.com", parentIds: [U] } },
            ],
        });
        const found = run.of(POLICY);
        expect(found.map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["fraud-graph", "fraud-pre-migration", "corp", "support", "customers", "compliance", "sandbox"]);
        expect(run.on("sandbox").find((d) => d.policyName === POLICY)!.message).toContain("would close the account");
    });

    it("says both outcomes of a closeOnDeletion or forceDestroy unknown at preview", async () => {
        const U = { $unknown: "string" };
        const B = { $unknown: "boolean" };
        const run = await engine.run({
            preview: true,
            resources: [
                { type: tokens.ORGANIZATIONS_ACCOUNT, name: "sandbox", props: { name: "sandbox", email: "sandbox@example.com", closeOnDeletion: B, parentId: U } },
                { type: tokens.S3_BUCKET, name: "exports", props: { bucket: U, forceDestroy: B } },
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["sandbox", "exports"]);
        const said = (name: string) => run.on(name).find((d) => d.policyName === POLICY)!.message;
        expect(said("sandbox")).toContain("would remove it from the organization, or, if closeOnDeletion (not known yet) turns out true, close the account");
        expect(said("exports")).toContain("would delete it once empty, or, if forceDestroy (not known yet) turns out true, with every object version in it");
    });

    it("reports aws-native Lightsail stores as the classic ones, with their inputs unknown at preview", async () => {
        const U = { $unknown: "string" };
        const B = { $unknown: "boolean" };
        const run = await engine.run({
            preview: true,
            resources: [
                {
                    type: tokens.NATIVE_LIGHTSAIL_DATABASE, name: "shop-db",
                    props: { relationalDatabaseName: "shop", relationalDatabaseBlueprintId: "postgres_16", relationalDatabaseBundleId: "micro_2_0", masterDatabaseName: "shop", masterUsername: "app", backupRetention: B },
                },
                { type: tokens.NATIVE_LIGHTSAIL_DISK, name: "data", props: { diskName: "data", sizeInGb: 32, availabilityZone: U } },
                { type: tokens.NATIVE_LIGHTSAIL_BUCKET, name: "media", props: { bucketName: U, bundleId: "small_1_0", objectVersioning: B } },
                { type: tokens.NATIVE_LIGHTSAIL_DATABASE_SNAPSHOT, name: "shop-pre-migration", protect: true, props: { relationalDatabaseName: U, relationalDatabaseSnapshotName: "shop-pre-migration" } },
                { type: tokens.NATIVE_LIGHTSAIL_DISK_SNAPSHOT, name: "data-pre-migration", props: { diskName: U, diskSnapshotName: "data-pre-migration" } },
                { type: "aws-native:lightsail:Instance", name: "web", props: { instanceName: "web", blueprintId: "ubuntu_22_04", bundleId: "nano_3_0", keyPairName: U } },
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["shop-db", "data", "media", "data-pre-migration"]);
        expect(run.on("media").find((d) => d.policyName === POLICY)!.message).toContain("would delete it with every object in it (CloudFormation always force-deletes it).");
    });

    it("passes a secret whose value a SecretVersion writes at preview (secretId unknown), reports one a SecretRotation rotates", async () => {
        const U = { $unknown: true };
        const run = await engine.run({
            resources: [
                { type: "aws:secretsmanager/secret:Secret", name: "stripe-key", props: { name: "stripe-key-6f1c2a9", recoveryWindowInDays: 30 } },
                { type: "aws:secretsmanager/secretVersion:SecretVersion", name: "stripe-key-value", props: { secretId: U, secretString: { $secret: "sk_test_placeholder" } }, propertyDependencies: { secretId: ["stripe-key"] } },
                { type: "aws:secretsmanager/secret:Secret", name: "db-credentials", props: { name: "db-credentials-0b7d3e1", recoveryWindowInDays: 30 } },
                { type: "aws:secretsmanager/secretVersion:SecretVersion", name: "db-credentials-initial", props: { secretId: U, secretString: { $secret: "{}" } }, propertyDependencies: { secretId: ["db-credentials"] } },
                {
                    type: "aws:secretsmanager/secretRotation:SecretRotation", name: "db-credentials-rotation",
                    props: { secretId: U, rotationLambdaArn: "arn:aws:lambda:eu-west-1:111122223333:function:rotate-postgres", rotationRules: { automaticallyAfterDays: 30 } },
                    propertyDependencies: { secretId: ["db-credentials"] },
                },
                { type: "aws:secretsmanager/secret:Secret", name: "openbao-root-token", props: { name: "openbao-root-token-9a8b7c6" } },
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["db-credentials", "openbao-root-token"]);
        // The secret's name and the version's secretId built from one random suffix, at the first preview.
        const shared = await engine.run({
            preview: true,
            resources: [
                { type: "random:index/randomId:RandomId", name: "suffix", props: { byteLength: 4, hex: { $unknown: "string" } } },
                { type: "aws:secretsmanager/secret:Secret", name: "api-token", props: { name: { $unknown: "string" }, recoveryWindowInDays: 30 }, propertyDependencies: { name: ["suffix"] } },
                { type: "aws:secretsmanager/secretVersion:SecretVersion", name: "api-token-value", props: { secretId: { $unknown: "string" }, secretString: { $secret: "placeholder" } }, propertyDependencies: { secretId: ["suffix"] } },
            ],
        });
        expect(shared.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"))).toEqual([]);
    });

    it("reports a secret whose SecretVersion ignores changes to its value (a stack export carries ignoreChanges)", async () => {
        const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;
        const secretArn = (name: string) => `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${name}-Xy12Zw`;
        const secretOf = (name: string) => ({
            urn: urn("aws:secretsmanager/secret:Secret", name), custom: true, id: secretArn(name), type: "aws:secretsmanager/secret:Secret",
            inputs: { name }, outputs: { arn: secretArn(name), id: secretArn(name), name, type: "" },
        });
        const versionOf = (name: string, secret: string, ignoreChanges?: string[]) => ({
            urn: urn("aws:secretsmanager/secretVersion:SecretVersion", name), custom: true, id: `${secretArn(secret)}|v1`,
            type: "aws:secretsmanager/secretVersion:SecretVersion",
            inputs: { secretId: secretArn(secret) }, outputs: { secretId: secretArn(secret), versionId: "v1" },
            dependencies: [urn("aws:secretsmanager/secret:Secret", secret)], ...(ignoreChanges ? { ignoreChanges } : {}),
        });
        const loaded = parseInput({
            version: 3,
            deployment: {
                resources: [
                    { urn: urn("pulumi:pulumi:Stack", "shop-prod"), custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
                    secretOf("stripe-secret-key"), versionOf("stripe-secret-key-placeholder", "stripe-secret-key", ["secretString"]),
                    secretOf("database-url"), versionOf("database-url-value", "database-url"),
                ],
            },
        }, "inline export");
        const run = await engine.run(loaded);
        expect(run.of(POLICY).map((d) => d.urn)).toEqual([urn("aws:secretsmanager/secret:Secret", "stripe-secret-key")]);
    });

    it("passes the protected stack, where children of the protected component carry protect: true", async () => {
        const run = await engine.run(JSON.parse(fs.readFileSync(path.join(DIR, "protected.json"), "utf8")));
        expect(run.of(POLICY)).toEqual([]);
    });

    it("uses a configured glob list instead of the default, at the configured level", async () => {
        const run = await engine.run(JSON.parse(fs.readFileSync(path.join(DIR, "unprotected.json"), "utf8")), {
            config: { [POLICY]: { enforcementLevel: "mandatory", properties: { criticalResourceTypes: ["aws:s3/*", "aws:route53/zone:*", "aws:ec2/*"] } } },
        });
        const found = run.of(POLICY);
        expect(found.map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel])).toEqual([
            ["invoices", "mandatory"], ["shop-zone", "mandatory"], ["db-sg", "mandatory"],
        ]);
        expect(found[0].message).toContain('(criticalResourceTypes "aws:s3/*")');
    });

    it("rejects a malformed glob in criticalResourceTypes with a config error", async () => {
        const run = await engine.run({ resources: [{ type: "aws:rds/instance:Instance", name: "db", props: {} }] }, {
            config: { [POLICY]: { properties: { criticalResourceTypes: ["aws:rds/[instance"] } } },
        });
        const [diagnostic, ...rest] = run.of(POLICY);
        expect(rest).toEqual([]);
        expect(diagnostic.message).toContain("Invalid configuration");
        expect(diagnostic.message).toContain("criticalResourceTypes");
    });

    it("honours an exemption for one resource", async () => {
        const run = await engine.run(JSON.parse(fs.readFileSync(path.join(DIR, "unprotected.json"), "utf8")), {
            config: { [POLICY]: { properties: { exemptions: [{ name: "shop-zone", reason: "Zone is recreated from IaC and delegated by the parent account" }] } } },
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["orders-db", "invoices", "data-key", "sessions"]);
    });

    it("judges protect as the SDK sends it: inherited from a protected component passes, explicit protect: false fails", async () => {
        const sent = await registerThroughSdk();
        // What the SDK put on the wire (resource.js: unset protect takes the parent's resolved value).
        expect(Object.fromEntries([...sent].map(([name, r]) => [name, r.protect]))).toEqual({
            storage: true, sessions: true, exports: false, keys: true, "data-key": true, "orders-db": false,
        });
        const run = await engine.run({
            stack: "prod",
            project: "shop",
            resources: [...sent].map(([name, r]) => ({ type: r.type, name, parent: r.parent, custom: r.custom, protect: r.protect, props: {} })),
        });
        // Registration order is not deterministic; compare by name.
        const byName = new Map(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d]));
        expect([...byName.keys()].sort()).toEqual(["exports", "orders-db"]);
        expect(byName.get("exports")!.message).toContain('Its ancestor shop:storage:DataStore "storage" is protected');
        expect(byName.get("orders-db")!.message).not.toContain("ancestor");
    });

    it("checks a `pulumi stack export`, where protect is a field of each resource", async () => {
        const loaded = loadInputFile(path.join(DIR, "stack-export.json"));
        expect(loaded.format).toBe("stack-export");
        expect(loaded.resources.filter((r) => r.protect).map((r) => r.name)).toEqual(["storage", "assets", "carts", "data-key"]);
        const run = await engine.run(loaded);
        const found = run.of(POLICY);
        // webhook-signing-key passes: a SecretVersion of the stack writes its value. orders-db-credentials
        // has one too, but a SecretRotation rotates it outside the program.
        expect(found.map((d) => d.urn)).toEqual([
            "urn:pulumi:prod::shop::aws:secretsmanager/secret:Secret::stripe-api-key",
            "urn:pulumi:prod::shop::aws:secretsmanager/secret:Secret::orders-db-credentials",
            "urn:pulumi:prod::shop::aws:rds/instance:Instance::orders-db",
        ]);
        expect(found.map((d) => d.enforcementLevel)).toEqual(["advisory", "advisory", "advisory"]);
        expect(found[2].message).toContain("pulumi state unprotect 'urn:pulumi:prod::shop::aws:rds/instance:Instance::orders-db'");
        expect(found.some((d) => d.message.includes("ciphertext") || d.message.includes("v1:"))).toBe(false);
    });
});

// test/global-setup.ts builds dist/ (`npm run build`) before any test runs.
describe("resource-protect through the built check command", () => {
    it("fails (exit 1) on a stack export when the policy is mandatory and names the resources", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resource-protect-"));
        const config = path.join(dir, "policy-config.json");
        fs.writeFileSync(config, JSON.stringify({ all: "disabled", [POLICY]: "mandatory" }));
        try {
            const out = runCheck(["--config", config, path.join(DIR, "stack-export.json")]);
            expect(out.stderr).toBe("");
            expect(out.code).toBe(1);
            expect(out.stdout).toContain('aws:rds/instance:Instance "orders-db"');
            expect(out.stdout).toContain('aws:secretsmanager/secret:Secret "stripe-api-key"');
            expect(out.stdout).toContain(`mandatory  ${POLICY}`);
            expect(out.stdout).not.toContain('"assets"');
            expect(out.stdout).not.toContain('"webhook-signing-key"');
            expect(out.stdout).toContain("Summary: 3 violations (3 mandatory) on 3 resources");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }, 120_000);

    it("reports the primaries, not the secondaries, of global databases another stack owns in a stack export", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resource-protect-"));
        const config = path.join(dir, "policy-config.json");
        fs.writeFileSync(config, JSON.stringify({ all: "disabled", [POLICY]: "mandatory" }));
        try {
            const out = runCheck(["--config", config, path.join(DIR, "global-secondaries-export.json")]);
            expect(out.stderr).toBe("");
            expect(out.code).toBe(1);
            expect(out.stdout).toContain('aws:rds/cluster:Cluster "ledger-us"');
            expect(out.stdout).toContain('aws:docdb/cluster:Cluster "catalog-us"');
            expect(out.stdout).not.toContain('"ledger-eu"');
            expect(out.stdout).not.toContain('"catalog-eu"');
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }, 120_000);
});
