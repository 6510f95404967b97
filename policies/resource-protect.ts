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
import { compileGlob } from "./lib/glob";
import { Finding, PlainResource, PolicyExample, stackPolicy } from "./lib/rule";
import * as t from "./lib/tokens";

const NAME = "resource-protect";

/** The default critical types and why each is there (shown in docs/policies/resource-protect.md). */
export const CRITICAL_RESOURCE_TYPES: Readonly<Record<string, string>> = {
    [t.RDS_INSTANCE]: "RDS database: deleting it drops the data (automated backups go with it unless retained).",
    [t.RDS_CLUSTER]: "Aurora cluster: owns the cluster volume; deleting it drops the data.",
    [t.DYNAMODB_TABLE]: "DynamoDB table: deleting it drops every item and the point-in-time-recovery history.",
    [t.S3_BUCKET]: "S3 bucket (v7 token): holds objects; with forceDestroy a delete empties it first.",
    [t.S3_BUCKET_V2]: "S3 bucket (deprecated BucketV2 token, still in many programs): as above.",
    [t.KMS_KEY]: "KMS key: deletion is final after the waiting period; everything encrypted under it becomes unreadable.",
    [t.KMS_EXTERNAL_KEY]: "KMS key with imported material: as above, and the material is gone unless kept elsewhere.",
    [t.EFS_FILE_SYSTEM]: "EFS file system: deleting it deletes the files.",
    [t.ELASTICACHE_REPLICATION_GROUP]: "ElastiCache Redis/Valkey replication group: often a primary store (sessions, queues); data is lost.",
    [t.ELASTICACHE_SERVERLESS_CACHE]: "ElastiCache serverless cache: as above.",
    [t.MEMORYDB_CLUSTER]: "MemoryDB cluster: a durable primary database; deleting it drops the data.",
    [t.REDSHIFT_CLUSTER]: "Redshift cluster: deleting it drops the warehouse (unless a final snapshot is taken).",
    [t.REDSHIFT_SERVERLESS_NAMESPACE]: "Redshift Serverless namespace: holds the databases of the warehouse.",
    [t.DOCDB_CLUSTER]: "DocumentDB cluster: owns the cluster volume; deleting it drops the data.",
    [t.DOCDB_ELASTIC_CLUSTER]: "DocumentDB elastic cluster: as above.",
    [t.NEPTUNE_CLUSTER]: "Neptune cluster: owns the graph's storage; deleting it drops the data.",
    [t.DSQL_CLUSTER]: "Aurora DSQL cluster: deleting it drops the database.",
    [t.OPENSEARCH_DOMAIN]: "OpenSearch domain: deleting it deletes the indices.",
    [t.EBS_VOLUME]: "Standalone EBS volume: deleting it deletes the disk's data.",
    [t.SECRETS_MANAGER_SECRET]: "Secrets Manager secret: deletion destroys the secret's versions after the recovery window.",
    [t.COGNITO_USER_POOL]: "Cognito user pool: users and password hashes cannot be exported or restored.",
    [t.ROUTE53_ZONE]: "Route 53 hosted zone: a recreated zone gets new name servers, breaking delegation, and loses its records.",
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
    for (const resource of resources) {
        if (resource.protect === true || neverCritical(resource.type)) continue;
        const pattern = criticalTypePattern(resource.type, config.criticalResourceTypes);
        if (pattern === undefined) continue;
        findings.push({ message: unprotectedMessage(resource, pattern, protectedAncestor(resource, byUrn)), resource: { urn: resource.urn, type: resource.type, name: resource.name } });
    }
    return findings;
}

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

function unprotectedMessage(resource: PlainResource, pattern: string, ancestor: PlainResource | undefined): string {
    const what = `${resource.type} "${resource.name}" is a critical stateful resource (criticalResourceTypes "${pattern}") ` +
        "but its `protect` resource option is not true, so `pulumi destroy`, removing it from the program or a replacement would delete it and its data.";
    const inherited = ancestor
        ? ` Its ancestor ${ancestor.type} "${ancestor.name}" is protected, but the engine checks \`protect\` on each resource separately: ` +
            "this resource was given `protect: false` explicitly, or the ancestor was protected only in the state (`pulumi state protect`)."
        : "";
    return `${what}${inherited} Fix: add \`protect: true\` to its resource options. ` +
        `To decommission it later, run \`pulumi state unprotect '${resource.urn}'\` first, then remove it from the program.`;
}

export const resourceProtect = stackPolicy<ResourceProtectConfig>({
    name: NAME,
    displayName: "Critical stateful resources are protected",
    description: "Databases, buckets, keys, file systems, secrets and hosted zones must carry the `protect: true` resource option.",
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
    const db = { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true, deletionProtection: true, storageEncrypted: true };
    const table = { billingMode: "PAY_PER_REQUEST", hashKey: "sessionId", attributes: [{ name: "sessionId", type: "S" }], deletionProtectionEnabled: true };
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
