import { describe, expect, it } from "vitest";
import { DELETION_PROTECTION_PROPERTY, findMissingDeletionProtection } from "../policies/rds-deletion-protection";
import { PlainResource } from "../policies/lib/rule";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { useEngine } from "./helpers/engine";
import { resource } from "./helpers/resources";

const POLICY = "rds-deletion-protection";

const db = (type: string, props: Record<string, unknown>) => resource(type, props, { name: "db" });

describe("findMissingDeletionProtection (pure rule)", () => {
    const cases: [string, string, Record<string, unknown>, boolean][] = [
        ["instance without the flag", "aws:rds/instance:Instance", { engine: "postgres" }, true],
        ["instance with false", "aws:rds/instance:Instance", { deletionProtection: false }, true],
        ["instance with true", "aws:rds/instance:Instance", { deletionProtection: true }, false],
        ["instance with unknown (preview)", "aws:rds/instance:Instance", { deletionProtection: UNKNOWN_SENTINELS.boolean }, false],
        ["aurora cluster without", "aws:rds/cluster:Cluster", {}, true],
        ["global cluster with true", "aws:rds/globalCluster:GlobalCluster", { deletionProtection: true }, false],
        ["documentdb cluster without", "aws:docdb/cluster:Cluster", {}, true],
        ["neptune cluster without", "aws:neptune/cluster:Cluster", {}, true],
        ["dynamodb uses deletionProtectionEnabled", "aws:dynamodb/table:Table", { deletionProtection: true }, true],
        ["dynamodb enabled", "aws:dynamodb/table:Table", { deletionProtectionEnabled: true }, false],
        ["dynamodb table replica without the flag", "aws:dynamodb/tableReplica:TableReplica", { globalTableArn: "arn:aws:dynamodb:us-east-1:111122223333:table/orders" }, true],
        ["dynamodb table replica enabled", "aws:dynamodb/tableReplica:TableReplica", { globalTableArn: "arn:aws:dynamodb:us-east-1:111122223333:table/orders", deletionProtectionEnabled: true }, false],
        ["dsql cluster enabled", "aws:dsql/cluster:Cluster", { deletionProtectionEnabled: true }, false],
        ["dsql cluster without the flag (the provider sends false)", "aws:dsql/cluster:Cluster", {}, true],
        ["dynamodb table with a replica without the flag", "aws:dynamodb/table:Table", { deletionProtectionEnabled: true, replicas: [{ regionName: "us-west-2" }] }, true],
        ["dynamodb table with protected replicas", "aws:dynamodb/table:Table", { deletionProtectionEnabled: true, replicas: [{ regionName: "us-west-2", deletionProtectionEnabled: true }] }, false],
        ["dynamodb table whose replicas are unknown (preview)", "aws:dynamodb/table:Table", { deletionProtectionEnabled: true, replicas: UNKNOWN_SENTINELS.array }, false],
        ["string 'true' is not a boolean", "aws:rds/instance:Instance", { deletionProtection: "true" }, true],
        ["cognito user pool without the flag (the API's INACTIVE)", "aws:cognito/userPool:UserPool", { name: "customers" }, true],
        ["cognito user pool INACTIVE", "aws:cognito/userPool:UserPool", { name: "customers", deletionProtection: "INACTIVE" }, true],
        ["cognito user pool ACTIVE", "aws:cognito/userPool:UserPool", { name: "customers", deletionProtection: "ACTIVE" }, false],
        ["cognito user pool: the boolean true is not its value", "aws:cognito/userPool:UserPool", { name: "customers", deletionProtection: true }, true],
        ["cognito user pool unknown (preview)", "aws:cognito/userPool:UserPool", { name: "customers", deletionProtection: UNKNOWN_SENTINELS.string }, false],
        // Neptune Analytics: AWS documents no default, so only a declared false is reported (the provider's own example sets it).
        ["neptune analytics graph without the flag", "aws:neptunegraph/graph:Graph", { graphName: "fraud", provisionedMemory: 16 }, false],
        ["neptune analytics graph with false", "aws:neptunegraph/graph:Graph", { graphName: "fraud", provisionedMemory: 16, deletionProtection: false }, true],
        ["neptune analytics graph with true", "aws:neptunegraph/graph:Graph", { graphName: "fraud", provisionedMemory: 16, deletionProtection: true }, false],
        ["neptune analytics graph unknown (preview)", "aws:neptunegraph/graph:Graph", { graphName: "fraud", deletionProtection: UNKNOWN_SENTINELS.boolean }, false],
        ["other types are ignored", "aws:s3/bucketV2:BucketV2", {}, false],
        // CDK's databases through pulumi-cdk (aws-native, CloudFormation's defaults: false).
        ["CDK DatabaseInstance without the flag (aws-native)", "aws-native:rds:DbInstance", { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20" }, true],
        ["CDK DatabaseInstance with true (aws-native)", "aws-native:rds:DbInstance", { engine: "postgres", dbInstanceClass: "db.t4g.micro", deletionProtection: true }, false],
        ["aws-native instance with unknown (preview)", "aws-native:rds:DbInstance", { engine: "postgres", deletionProtection: UNKNOWN_SENTINELS.boolean }, false],
        // An Aurora instance of CDK's DatabaseCluster: the flag "doesn't apply"; the cluster's protects it.
        ["CDK Aurora cluster instance (aws-native, a member of its cluster)", "aws-native:rds:DbInstance", { engine: "aurora-postgresql", dbInstanceClass: "db.r6g.large", dbClusterIdentifier: "orders-cluster" }, false],
        ["aws-native instance whose cluster is unknown (preview)", "aws-native:rds:DbInstance", { engine: "aurora-postgresql", dbClusterIdentifier: UNKNOWN_SENTINELS.string }, false],
        ["CDK DatabaseCluster without the flag (aws-native)", "aws-native:rds:DbCluster", { engine: "aurora-postgresql", storageEncrypted: true }, true],
        ["CDK DatabaseCluster with true (aws-native)", "aws-native:rds:DbCluster", { engine: "aurora-postgresql", deletionProtection: true }, false],
        ["aws-native cluster with unknown (preview)", "aws-native:rds:DbCluster", { engine: "aurora-mysql", deletionProtection: UNKNOWN_SENTINELS.boolean }, false],
        ["CDK TableV1 without the flag (aws-native)", "aws-native:dynamodb:Table", { keySchema: [{ attributeName: "id", keyType: "HASH" }], billingMode: "PAY_PER_REQUEST" }, true],
        ["CDK Table with deletionProtection: true (aws-native)", "aws-native:dynamodb:Table", { keySchema: [{ attributeName: "id", keyType: "HASH" }], deletionProtectionEnabled: true }, false],
        ["aws-native table with unknown (preview)", "aws-native:dynamodb:Table", { deletionProtectionEnabled: UNKNOWN_SENTINELS.boolean }, false],
        // CDK's TableV2 (AWS::DynamoDB::GlobalTable): each replica, the primary region's included, has its own flag.
        ["CDK TableV2 without deletionProtection (aws-native)", "aws-native:dynamodb:GlobalTable",
            { keySchema: [{ attributeName: "id", keyType: "HASH" }], billingMode: "PAY_PER_REQUEST", replicas: [{ region: "eu-west-1" }] }, true],
        ["CDK TableV2 with deletionProtection: true (aws-native)", "aws-native:dynamodb:GlobalTable",
            { keySchema: [{ attributeName: "id", keyType: "HASH" }], replicas: [{ region: "eu-west-1", deletionProtectionEnabled: true }, { region: "us-east-1", deletionProtectionEnabled: true }] }, false],
        ["aws-native global table with an unknown replica flag (preview)", "aws-native:dynamodb:GlobalTable",
            { replicas: [{ region: "eu-west-1", deletionProtectionEnabled: UNKNOWN_SENTINELS.boolean }] }, false],
        ["aws-native global table with unknown replicas (preview)", "aws-native:dynamodb:GlobalTable", { replicas: UNKNOWN_SENTINELS.array }, false],
        // Global clusters: AWS Config's aurora-global-database-deletion-protection-enabled; the flag defaults to false in both providers.
        ["classic Aurora global cluster without the flag", "aws:rds/globalCluster:GlobalCluster", { globalClusterIdentifier: "orders", engine: "aurora-postgresql", storageEncrypted: true }, true],
        ["classic Aurora global cluster from a source cluster, forceDestroy, no flag", "aws:rds/globalCluster:GlobalCluster",
            { globalClusterIdentifier: "orders", sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:orders", forceDestroy: true }, true],
        ["classic DocumentDB global cluster without the flag", "aws:docdb/globalCluster:GlobalCluster", { globalClusterIdentifier: "docs", engine: "docdb" }, true],
        ["classic Neptune global cluster without the flag", "aws:neptune/globalCluster:GlobalCluster", { globalClusterIdentifier: "graph", engine: "neptune" }, true],
        ["classic Neptune global cluster unknown (preview)", "aws:neptune/globalCluster:GlobalCluster", { globalClusterIdentifier: "graph", deletionProtection: UNKNOWN_SENTINELS.boolean }, false],
        ["aws-native Aurora global cluster (CDK's CfnGlobalCluster) without the flag", "aws-native:rds:GlobalCluster", { globalClusterIdentifier: "orders", engine: "aurora-postgresql" }, true],
        ["aws-native Aurora global cluster with true", "aws-native:rds:GlobalCluster", { globalClusterIdentifier: "orders", engine: "aurora-postgresql", deletionProtection: true }, false],
        ["aws-native DocumentDB global cluster without the flag", "aws-native:docdb:GlobalCluster", { globalClusterIdentifier: "docs", sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:docs" }, true],
        ["aws-native Neptune global cluster without the flag", "aws-native:neptune:GlobalCluster", { globalClusterIdentifier: "graph", engine: "neptune" }, true],
        ["aws-native Neptune global cluster with false", "aws-native:neptune:GlobalCluster", { globalClusterIdentifier: "graph", deletionProtection: false }, true],
        ["aws-native Neptune global cluster unknown (preview)", "aws-native:neptune:GlobalCluster", { globalClusterIdentifier: "graph", deletionProtection: UNKNOWN_SENTINELS.boolean }, false],
        // aws-native DSQL: CloudFormation sends the flag only when set, and DSQL's CreateCluster turns it on by default.
        ["aws-native DSQL cluster without the flag (AWS turns it on)", "aws-native:dsql:Cluster", { tags: [{ key: "Name", value: "orders" }] }, false],
        ["aws-native DSQL cluster with false", "aws-native:dsql:Cluster", { deletionProtectionEnabled: false }, true],
        ["aws-native DSQL cluster with true", "aws-native:dsql:Cluster", { deletionProtectionEnabled: true }, false],
        ["aws-native DSQL cluster unknown (preview)", "aws-native:dsql:Cluster", { deletionProtectionEnabled: UNKNOWN_SENTINELS.boolean }, false],
        // The neptune-alpha DatabaseCluster (AWS::Neptune::DBCluster): Neptune's CreateDBCluster leaves protection off by default.
        ["aws-native Neptune cluster without the flag", "aws-native:neptune:DbCluster", { dbSubnetGroupName: "graph-subnets", iamAuthEnabled: false, storageEncrypted: true }, true],
        ["aws-native Neptune cluster with false", "aws-native:neptune:DbCluster", { storageEncrypted: true, deletionProtection: false }, true],
        ["aws-native Neptune cluster restored from a snapshot, without the flag (not inherited)", "aws-native:neptune:DbCluster", { snapshotIdentifier: "graph-2026-01-01" }, true],
        ["aws-native Neptune cluster with true", "aws-native:neptune:DbCluster", { storageEncrypted: true, deletionProtection: true }, false],
        ["aws-native Neptune cluster unknown (preview)", "aws-native:neptune:DbCluster", { deletionProtection: UNKNOWN_SENTINELS.boolean }, false],
        // CDK's UserPool (AWS::Cognito::UserPool) renders the flag only when `deletionProtection` is given
        // (aws/aws-cdk integ.user-pool.ts gives false; t-maru078/cdk-deploy-from-pipeline leaves it out).
        ["aws-native user pool with INACTIVE (CDK deletionProtection: false)", "aws-native:cognito:UserPool", { userPoolName: "MyUserPool", deletionProtection: "INACTIVE" }, true],
        ["aws-native user pool without the flag", "aws-native:cognito:UserPool",
            { accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_phone_number", priority: 1 }] }, adminCreateUserConfig: { allowAdminCreateUserOnly: true } }, true],
        ["aws-native user pool with ACTIVE (CDK deletionProtection: true)", "aws-native:cognito:UserPool", { userPoolName: "customers", deletionProtection: "ACTIVE" }, false],
        ["aws-native user pool unknown (preview)", "aws-native:cognito:UserPool", { userPoolName: "customers", deletionProtection: UNKNOWN_SENTINELS.string }, false],
        // aws-native OpenSearch Serverless collections: no documented default, so only "DISABLED" is reported
        // (a CDK app's Bedrock knowledge-base collection sets "ENABLED", as its template tests assert).
        ["aws-native collection without the flag (no documented default)", "aws-native:opensearchserverless:Collection", { name: "kb-vectors", type: "VECTORSEARCH" }, false],
        ["aws-native collection with DISABLED", "aws-native:opensearchserverless:Collection", { name: "kb-vectors", type: "VECTORSEARCH", deletionProtection: "DISABLED" }, true],
        ["aws-native collection with ENABLED", "aws-native:opensearchserverless:Collection",
            { name: "kb-vectors", type: "VECTORSEARCH", standbyReplicas: "DISABLED", deletionProtection: "ENABLED" }, false],
        ["aws-native collection unknown (preview)", "aws-native:opensearchserverless:Collection", { name: "kb-vectors", deletionProtection: UNKNOWN_SENTINELS.string }, false],
        // aws-native Neptune Analytics graphs: CloudFormation's default is true, so only false is reported (as the classic graph).
        ["aws-native graph with false", "aws-native:neptunegraph:Graph", { graphName: "fraud-graph", provisionedMemory: 16, deletionProtection: false }, true],
        ["aws-native graph without the flag (CloudFormation's default is true)", "aws-native:neptunegraph:Graph", { graphName: "fraud-graph", provisionedMemory: 16 }, false],
        ["aws-native graph with true", "aws-native:neptunegraph:Graph", { graphName: "fraud-graph", provisionedMemory: 16, deletionProtection: true }, false],
        ["aws-native graph unknown (preview)", "aws-native:neptunegraph:Graph", { provisionedMemory: 16, deletionProtection: UNKNOWN_SENTINELS.boolean }, false],
        // The classic collection has no such input in provider v7 (hashicorp/terraform-provider-aws#48570): not read.
        ["classic collection", "aws:opensearch/serverlessCollection:ServerlessCollection", { name: "kb-vectors", type: "VECTORSEARCH" }, false],
        // QLDB ledgers are not read: the service ended, and the flag defaults to true.
        ["QLDB ledger without the flag", "aws:qldb/ledger:Ledger", { permissionsMode: "STANDARD" }, false],
        // CloudTrail Lake event data stores: termination protection is on unless the program turns it off
        // (CreateEventDataStore's default, the provider's schema "Default: true"), so only false is reported.
        ["event data store without the flag (on by default)", "aws:cloudtrail/eventDataStore:EventDataStore", { name: "org-events", retentionPeriod: 2555, organizationEnabled: true }, false],
        ["event data store with true", "aws:cloudtrail/eventDataStore:EventDataStore", { name: "audit", billingMode: "EXTENDABLE_RETENTION_PRICING", retentionPeriod: 3653, terminationProtectionEnabled: true }, false],
        ["event data store with a short retention, protected", "aws:cloudtrail/eventDataStore:EventDataStore", { name: "s3-data", retentionPeriod: 7, terminationProtectionEnabled: true }, false],
        ["event data store unknown (preview)", "aws:cloudtrail/eventDataStore:EventDataStore",
            { name: UNKNOWN_SENTINELS.string, retentionPeriod: UNKNOWN_SENTINELS.number, terminationProtectionEnabled: UNKNOWN_SENTINELS.boolean }, false],
        ["aws-native event data store without the flag", "aws-native:cloudtrail:EventDataStore", { name: "lake", retentionPeriod: 365 }, false],
        ["aws-native event data store unknown (preview)", "aws-native:cloudtrail:EventDataStore", { name: "lake", terminationProtectionEnabled: UNKNOWN_SENTINELS.boolean }, false],
        // Termination protection of what holds no events is not read: a CloudTrail Lake dashboard.
        ["CloudTrail Lake dashboard with false", "aws-native:cloudtrail:Dashboard", { name: "ops", terminationProtectionEnabled: false }, false],
        // QuickSight's account settings: their flag is all that stops DeleteAccountSubscription, which loses every
        // dashboard, dataset and user with no recovery. The provider's own example turns it off; unset leaves it as it is.
        ["QuickSight account settings with false (the provider's example)", "aws:quicksight/accountSettings:AccountSettings", { terminationProtectionEnabled: false }, true],
        ["QuickSight account settings without the flag", "aws:quicksight/accountSettings:AccountSettings", { defaultNamespace: "default" }, false],
        ["QuickSight account settings with true", "aws:quicksight/accountSettings:AccountSettings", { awsAccountId: "111122223333", terminationProtectionEnabled: true }, false],
        ["QuickSight account settings unknown (preview)", "aws:quicksight/accountSettings:AccountSettings",
            { awsAccountId: UNKNOWN_SENTINELS.string, terminationProtectionEnabled: UNKNOWN_SENTINELS.boolean }, false],
        // tedilabs/terraform-aws-security's example and terraform-provider-aws's tests ("For ease of deletion").
        ["event data store with false", "aws:cloudtrail/eventDataStore:EventDataStore", { name: "management-event", terminationProtectionEnabled: false }, true],
        // hashicorp/terraform-provider-awscc's example; federation is a query feature, not a guard.
        ["aws-native event data store with false", "aws-native:cloudtrail:EventDataStore",
            { name: "example", retentionPeriod: 90, federationEnabled: false, terminationProtectionEnabled: false, multiRegionEnabled: false, billingMode: "EXTENDABLE_RETENTION_PRICING" }, true],
    ];
    it.each(cases)("%s", (_label, type, props, violates) => {
        const findings = findMissingDeletionProtection(db(type, props));
        expect(findings.length > 0).toBe(violates);
        if (violates) expect(findings[0].message).toContain(`"db"`);
    });

    it("covers every database type whose v7 schema has the flag", () => {
        expect(Object.keys(DELETION_PROTECTION_PROPERTY).sort()).toEqual([
            "aws-native:cloudtrail:EventDataStore", "aws-native:cognito:UserPool", "aws-native:docdb:GlobalCluster", "aws-native:dsql:Cluster", "aws-native:dynamodb:Table",
            "aws-native:neptune:DbCluster", "aws-native:neptune:GlobalCluster", "aws-native:neptunegraph:Graph", "aws-native:opensearchserverless:Collection", "aws-native:rds:DbCluster", "aws-native:rds:DbInstance", "aws-native:rds:GlobalCluster",
            "aws:cloudtrail/eventDataStore:EventDataStore", "aws:cognito/userPool:UserPool", "aws:docdb/cluster:Cluster", "aws:docdb/globalCluster:GlobalCluster", "aws:dsql/cluster:Cluster",
            "aws:dynamodb/table:Table", "aws:dynamodb/tableReplica:TableReplica", "aws:neptune/cluster:Cluster", "aws:neptune/globalCluster:GlobalCluster",
            "aws:neptunegraph/graph:Graph", "aws:quicksight/accountSettings:AccountSettings",
            "aws:rds/cluster:Cluster", "aws:rds/globalCluster:GlobalCluster", "aws:rds/instance:Instance",
        ]);
    });
});

describe("findMissingDeletionProtection (pure rule): who defaults the flag", () => {
    it("says the provider sends false for DSQL (its API turns protection on) and for a table's replica", () => {
        expect(findMissingDeletionProtection(db("aws:dsql/cluster:Cluster", {}))[0].message).toContain("deletionProtectionEnabled is not set (the provider defaults it to false)");
        expect(findMissingDeletionProtection(db("aws:rds/instance:Instance", {}))[0].message).toContain("deletionProtection is not set (AWS defaults it to false)");
    });
});

describe("findMissingDeletionProtection (pure rule): global databases", () => {
    it("says the flag protects the global database, not its members (the provider detaches them first)", () => {
        for (const type of ["aws:rds/globalCluster:GlobalCluster", "aws-native:neptune:GlobalCluster"]) {
            expect(findMissingDeletionProtection(db(type, { globalClusterIdentifier: "orders" }))[0].message)
                .toContain("Set `deletionProtection: true` so the global database (its member clusters keep their own flags) cannot be deleted by accident");
        }
        expect(findMissingDeletionProtection(db("aws:rds/cluster:Cluster", {}))[0].message).toContain("so the database cannot be deleted by accident");
    });
});

describe("findMissingDeletionProtection (pure rule): Cognito user pools", () => {
    it("says which value turns it on, and why the unset pool fails", () => {
        const [finding] = findMissingDeletionProtection(db("aws:cognito/userPool:UserPool", { name: "customers", deletionProtection: "INACTIVE" }));
        expect(finding.message).toContain('deletionProtection is "INACTIVE"');
        expect(finding.message).toContain('Set `deletionProtection: "ACTIVE"` so the user pool cannot be deleted by accident');
        expect(findMissingDeletionProtection(db("aws:cognito/userPool:UserPool", { name: "customers" }))[0].message)
            .toContain("deletionProtection is not set (the API defaults it to INACTIVE; only the console turns it on)");
    });
});

describe("findMissingDeletionProtection (pure rule): OpenSearch Serverless collections (aws-native)", () => {
    it("says which value turns it on, without quoting another value", () => {
        const collection = (deletionProtection: unknown) => db("aws-native:opensearchserverless:Collection", { name: "kb-vectors", deletionProtection });
        const [finding] = findMissingDeletionProtection(collection("DISABLED"));
        expect(finding.message).toContain('deletionProtection is "DISABLED"');
        expect(finding.message).toContain('Set `deletionProtection: "ENABLED"` so the collection cannot be deleted by accident');
        expect(findMissingDeletionProtection(collection("disabled-by-team-x"))[0].message).not.toContain("disabled-by-team-x");
    });
});

describe("findMissingDeletionProtection (pure rule): CloudTrail Lake event data stores", () => {
    it("names the termination protection flag and what it keeps", () => {
        const [finding] = findMissingDeletionProtection(db("aws:cloudtrail/eventDataStore:EventDataStore", { name: "audit", terminationProtectionEnabled: false }));
        expect(finding.message).toContain("terminationProtectionEnabled is false");
        expect(finding.message).toContain("Set `terminationProtectionEnabled: true` so the event data store and its audit events cannot be deleted by accident");
    });
});

describe("findMissingDeletionProtection (pure rule): QuickSight account settings", () => {
    it("names the account the flag guards, not the settings", () => {
        const [finding] = findMissingDeletionProtection(db("aws:quicksight/accountSettings:AccountSettings", { terminationProtectionEnabled: false }));
        expect(finding.message).toContain("terminationProtectionEnabled is false");
        expect(finding.message).toContain("Set `terminationProtectionEnabled: true` so the QuickSight account and its dashboards, analyses, datasets and users cannot be deleted by accident");
    });
});

describe("rds-deletion-protection through the engine path", () => {
    const engine = useEngine();

    it("reports databases without deletion protection, advisory by default, and passes protected ones", async () => {
        const run = await engine.run({
            resources: [
                { type: "aws:rds/instance:Instance", name: "orders", props: { engine: "postgres", instanceClass: "db.t4g.micro", password: { $secret: "pw-value-123" } } },
                { type: "aws:rds/cluster:Cluster", name: "aurora", props: { engine: "aurora-postgresql", deletionProtection: false } },
                { type: "aws:docdb/cluster:Cluster", name: "docs", props: { deletionProtection: true } },
                { type: "aws:neptune/cluster:Cluster", name: "graph", props: { deletionProtection: true } },
            ],
        });
        const found = run.of(POLICY);
        expect(found.map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel])).toEqual([
            ["orders", "advisory"],
            ["aurora", "advisory"],
        ]);
        expect(found[0].message).toContain("deletionProtection is not set");
        expect(found[1].message).toContain("deletionProtection is false");
    });

    it("reads a DynamoDB table replica's own flag, and its key under requireCustomerManagedKey (encryption-at-rest)", async () => {
        const replica = (name: string, props: Record<string, unknown>) =>
            ({ type: "aws:dynamodb/tableReplica:TableReplica", name, props: { globalTableArn: "arn:aws:dynamodb:us-east-1:111122223333:table/orders", ...props } });
        const run = await engine.run({
            resources: [
                replica("orders-eu", { pointInTimeRecovery: true }),
                replica("orders-ap", { deletionProtectionEnabled: true, kmsKeyArn: "arn:aws:kms:ap-southeast-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }),
            ],
        }, { config: { "encryption-at-rest": { properties: { requireCustomerManagedKey: true } } } });
        const name = (d: { urn: string }) => run.resources.find((r) => r.urn === d.urn)?.name;
        expect(run.of(POLICY).map((d) => [name(d), d.enforcementLevel])).toEqual([["orders-eu", "advisory"]]);
        expect(run.of(POLICY)[0].message).toContain("deletionProtectionEnabled is not set (AWS defaults it to false)");
        expect(run.of("encryption-at-rest").map((d) => [name(d), d.message.split("\n").pop()!.split(" (")[0]]))
            .toEqual([["orders-eu", 'aws:dynamodb/tableReplica:TableReplica "orders-eu": kmsKeyArn is not set']]);
        // Point-in-time recovery is the table's to keep (deletion-safeguards): AWS finds one replica's enough.
        expect(run.of("deletion-safeguards").map(name)).toEqual([]);
    });

    it("reads each replica a DynamoDB table declares inline: each has its own flag, false unless set", async () => {
        const table = (name: string, replicas: unknown[]) => ({
            type: "aws:dynamodb/table:Table", name,
            props: { billingMode: "PAY_PER_REQUEST", hashKey: "orderId", attributes: [{ name: "orderId", type: "S" }], streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES", deletionProtectionEnabled: true, pointInTimeRecovery: { enabled: true }, replicas },
        });
        const run = await engine.run({
            resources: [
                table("orders", [{ regionName: "us-west-2" }, { regionName: "eu-west-1", deletionProtectionEnabled: true }, { regionName: "ap-southeast-2", deletionProtectionEnabled: false }]),
                table("carts", [{ regionName: "us-west-2", deletionProtectionEnabled: true }, { regionName: "eu-west-1", deletionProtectionEnabled: { $unknown: "boolean" } }]),
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()])).toEqual([
            ["orders", "advisory", 'aws:dynamodb/table:Table "orders": replicas[0].deletionProtectionEnabled is not set (the provider defaults it to false). ' +
                "Set `deletionProtectionEnabled: true` on the replica so the replica cannot be deleted by accident; turn it off in a separate update before decommissioning."],
            ["orders", "advisory", expect.stringContaining('"orders": replicas[2].deletionProtectionEnabled is false.')],
        ]);
    });

    it("reports a Neptune Analytics graph only when the program turns its protection off", async () => {
        const graph = (name: string, props: Record<string, unknown>) => ({ type: "aws:neptunegraph/graph:Graph", name, props: { graphName: name, provisionedMemory: 16, ...props } });
        const run = await engine.run({ resources: [graph("fraud", { deletionProtection: false }), graph("recs", {}), graph("kyc", { deletionProtection: true })] });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()])).toEqual([
            ["fraud", expect.stringContaining('aws:neptunegraph/graph:Graph "fraud": deletionProtection is false. Set `deletionProtection: true`')],
        ]);
    });

    it("reads CDK's Neptune clusters and user pools (aws-native) as the classic types, unset meaning off", async () => {
        const run = await engine.run({
            preview: true,
            resources: [
                { type: "aws-native:neptune:DbCluster", name: "GraphCluster", props: { dbSubnetGroupName: "graph-subnets", iamAuthEnabled: false, storageEncrypted: true } },
                { type: "aws-native:neptune:DbCluster", name: "FraudCluster", props: { storageEncrypted: true, deletionProtection: true } },
                { type: "aws-native:neptune:DbCluster", name: "NextCluster", props: { storageEncrypted: true, deletionProtection: { $unknown: "boolean" } } },
                { type: "aws-native:cognito:UserPool", name: "MyUserPool", props: { userPoolName: "MyUserPool", deletionProtection: "INACTIVE" } },
                { type: "aws-native:cognito:UserPool", name: "Customers", props: { userPoolName: "customers", deletionProtection: "ACTIVE" } },
                { type: "aws-native:cognito:UserPool", name: "Staff", props: { userPoolName: "staff", deletionProtection: { $unknown: "string" } } },
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()!.split(". ")[0]])).toEqual([
            ["GraphCluster", 'aws-native:neptune:DbCluster "GraphCluster": deletionProtection is not set (AWS defaults it to false)'],
            ["MyUserPool", 'aws-native:cognito:UserPool "MyUserPool": deletionProtection is "INACTIVE"'],
        ]);
    });

    it("reads CDK's databases as pulumi-cdk sends them (aws-native), not an Aurora cluster's instances", async () => {
        const clusterId = { $unknown: "string" };
        const run = await engine.run({
            resources: [
                { type: "aws-native:rds:DbCluster", name: "OrdersCluster", props: { engine: "aurora-postgresql", engineVersion: "16.4", storageEncrypted: true, manageMasterUserPassword: true, masterUsername: "app" } },
                { type: "aws-native:rds:DbInstance", name: "OrdersClusterWriter", props: { engine: "aurora-postgresql", dbInstanceClass: "db.r6g.large", dbClusterIdentifier: "orderscluster", publiclyAccessible: false } },
                { type: "aws-native:rds:DbInstance", name: "OrdersClusterReader", props: { engine: "aurora-postgresql", dbInstanceClass: "db.r6g.large", dbClusterIdentifier: clusterId } },
                { type: "aws-native:rds:DbInstance", name: "ReportsDb", props: { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20", deletionProtection: { $unknown: "boolean" } } },
                { type: "aws-native:rds:DbInstance", name: "LegacyDb", props: { engine: "mysql", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20", deletionProtection: false } },
                { type: "aws-native:dynamodb:Table", name: "Sessions", props: { keySchema: [{ attributeName: "id", keyType: "HASH" }], attributeDefinitions: [{ attributeName: "id", attributeType: "S" }], billingMode: "PAY_PER_REQUEST" } },
                { type: "aws-native:dynamodb:Table", name: "Orders", props: { keySchema: [{ attributeName: "id", keyType: "HASH" }], attributeDefinitions: [{ attributeName: "id", attributeType: "S" }], deletionProtectionEnabled: true } },
                {
                    type: "aws-native:dynamodb:GlobalTable", name: "Carts",
                    props: {
                        keySchema: [{ attributeName: "id", keyType: "HASH" }], attributeDefinitions: [{ attributeName: "id", attributeType: "S" }], billingMode: "PAY_PER_REQUEST",
                        replicas: [{ region: "eu-west-1", deletionProtectionEnabled: true }, { region: "us-east-1" }],
                    },
                },
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()!.split(". ")[0]])).toEqual([
            ["OrdersCluster", 'aws-native:rds:DbCluster "OrdersCluster": deletionProtection is not set (AWS defaults it to false)'],
            ["LegacyDb", 'aws-native:rds:DbInstance "LegacyDb": deletionProtection is false'],
            ["Sessions", 'aws-native:dynamodb:Table "Sessions": deletionProtectionEnabled is not set (AWS defaults it to false)'],
            ["Carts", 'aws-native:dynamodb:GlobalTable "Carts": replicas[1].deletionProtectionEnabled is not set (AWS defaults it to false)'],
        ]);
    });

    it("reads aws-native global clusters as the classic ones, and an aws-native DSQL cluster, OpenSearch Serverless collection or Neptune Analytics graph only when it turns protection off", async () => {
        const run = await engine.run({
            resources: [
                // CDK's CfnGlobalCluster through pulumi-cdk, with its primary named by ARN.
                { type: "aws-native:rds:GlobalCluster", name: "OrdersGlobal", props: { globalClusterIdentifier: "orders-global", sourceDbClusterIdentifier: { $unknown: "string" } } },
                { type: "aws-native:rds:GlobalCluster", name: "PaymentsGlobal", props: { globalClusterIdentifier: "payments-global", engine: "aurora-mysql", deletionProtection: true } },
                { type: "aws-native:neptune:GlobalCluster", name: "GraphGlobal", props: { globalClusterIdentifier: "graph-global", engine: "neptune", deletionProtection: { $unknown: "boolean" } } },
                { type: "aws-native:docdb:GlobalCluster", name: "DocsGlobal", props: { globalClusterIdentifier: "docs-global", deletionProtection: false } },
                { type: "aws-native:dsql:Cluster", name: "Ledger", props: { tags: [{ key: "Name", value: "ledger" }] } },
                { type: "aws-native:dsql:Cluster", name: "Scratch", props: { deletionProtectionEnabled: false } },
                { type: "aws-native:opensearchserverless:Collection", name: "KbVectors", props: { name: "kb-vectors", type: "VECTORSEARCH", deletionProtection: "ENABLED" } },
                { type: "aws-native:opensearchserverless:Collection", name: "LogsCollection", props: { name: "logs", type: "TIMESERIES" } },
                { type: "aws-native:opensearchserverless:Collection", name: "NextCollection", props: { name: "next", deletionProtection: { $unknown: "string" } } },
                { type: "aws-native:opensearchserverless:Collection", name: "ScratchCollection", props: { name: "scratch", type: "SEARCH", deletionProtection: "DISABLED" } },
                { type: "aws-native:neptunegraph:Graph", name: "FraudGraph", props: { graphName: "fraud-graph", provisionedMemory: 16 } },
                { type: "aws-native:neptunegraph:Graph", name: "NextGraph", props: { provisionedMemory: 16, deletionProtection: { $unknown: "boolean" } } },
                { type: "aws-native:neptunegraph:Graph", name: "ScratchGraph", props: { graphName: "scratch", provisionedMemory: 16, deletionProtection: false } },
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(". ")[0]])).toEqual([
            ["OrdersGlobal", "advisory", 'aws-native:rds:GlobalCluster "OrdersGlobal": deletionProtection is not set (AWS defaults it to false)'],
            ["DocsGlobal", "advisory", 'aws-native:docdb:GlobalCluster "DocsGlobal": deletionProtection is false'],
            ["Scratch", "advisory", 'aws-native:dsql:Cluster "Scratch": deletionProtectionEnabled is false'],
            ["ScratchCollection", "advisory", 'aws-native:opensearchserverless:Collection "ScratchCollection": deletionProtection is "DISABLED"'],
            ["ScratchGraph", "advisory", 'aws-native:neptunegraph:Graph "ScratchGraph": deletionProtection is false'],
        ]);
    });

    it("reports a CloudTrail Lake event data store only when the program turns its termination protection off, in both providers", async () => {
        const classic = (name: string, props: Record<string, unknown>) => ({ type: "aws:cloudtrail/eventDataStore:EventDataStore", name, props: { name, ...props } });
        const native = (name: string, props: Record<string, unknown>) => ({ type: "aws-native:cloudtrail:EventDataStore", name, props: { name, ...props } });
        const run = await engine.run({
            preview: true,
            resources: [
                classic("org-events", { retentionPeriod: 2555, multiRegionEnabled: true, organizationEnabled: true }),
                classic("audit", { retentionPeriod: 3653, billingMode: "EXTENDABLE_RETENTION_PRICING", terminationProtectionEnabled: true }),
                classic("next", { retentionPeriod: { $unknown: "number" }, terminationProtectionEnabled: { $unknown: "boolean" } }),
                classic("management-event", { terminationProtectionEnabled: false }),
                native("lake", { retentionPeriod: 365 }),
                native("lake-next", { terminationProtectionEnabled: { $unknown: "boolean" } }),
                native("example", { retentionPeriod: 90, federationEnabled: false, terminationProtectionEnabled: false }),
                { type: "aws-native:cloudtrail:Dashboard", name: "ops", props: { name: "ops", terminationProtectionEnabled: false } },
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(". ")[0]])).toEqual([
            ["management-event", "advisory", 'aws:cloudtrail/eventDataStore:EventDataStore "management-event": terminationProtectionEnabled is false'],
            ["example", "advisory", 'aws-native:cloudtrail:EventDataStore "example": terminationProtectionEnabled is false'],
        ]);
    });

    it("reports QuickSight account settings only when the program turns termination protection off", async () => {
        const settings = (name: string, props: Record<string, unknown>) => ({ type: "aws:quicksight/accountSettings:AccountSettings", name, props });
        const run = await engine.run({
            preview: true,
            resources: [
                { type: "aws:quicksight/accountSubscription:AccountSubscription", name: "subscription", props: { accountName: "bi", authenticationMethod: "IAM_AND_QUICKSIGHT", edition: "ENTERPRISE", notificationEmail: "bi@example.com" } },
                settings("example", { terminationProtectionEnabled: false }),
                settings("kept", { defaultNamespace: "default" }),
                settings("on", { terminationProtectionEnabled: true }),
                settings("next", { awsAccountId: { $unknown: "string" }, terminationProtectionEnabled: { $unknown: "boolean" } }),
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(". ")[0]])).toEqual([
            ["example", "advisory", 'aws:quicksight/accountSettings:AccountSettings "example": terminationProtectionEnabled is false'],
        ]);
    });

    it("takes no offence at an unknown flag during preview", async () => {
        const run = await engine.run({
            resources: [{ type: "aws:rds/instance:Instance", name: "db", props: { deletionProtection: { $unknown: "boolean" } } }],
        });
        expect(run.of(POLICY)).toEqual([]);
    });

    it("becomes mandatory when configured so", async () => {
        const run = await engine.run(
            { resources: [{ type: "aws:rds/instance:Instance", name: "db", props: {} }] },
            { config: { [POLICY]: { enforcementLevel: "mandatory" } } },
        );
        expect(run.of(POLICY).map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
    });
});
