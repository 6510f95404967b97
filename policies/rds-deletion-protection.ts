// Databases must have deletion protection, so that a mistaken `pulumi destroy`, a
// replacement or a console click cannot drop them. AWS defaults it to off everywhere.
import { policyDocUrl } from "./lib/docs";
import { Finding, PlainResource, resourcePolicy } from "./lib/policy";
import * as t from "./lib/tokens";
import { isUnknown } from "./lib/values";

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
};

export function findMissingDeletionProtection(resource: PlainResource): Finding[] {
    const property = DELETION_PROTECTION_PROPERTY[resource.type];
    if (!property) return [];
    const value = resource.props[property];
    if (value === true || isUnknown(value)) return [];
    // Never the value itself unless it is a boolean: a string here may be anything, even a secret.
    const state = value === undefined || value === null ? "is not set (AWS defaults it to false)"
        : typeof value === "boolean" ? `is ${value}`
        : `is ${kindOf(value)}, not the boolean true`;
    return [{
        message: `${resource.type} "${resource.name}": ${property} ${state}. ` +
            `Set \`${property}: true\` so the database cannot be deleted by accident; ` +
            "turn it off in a separate update before decommissioning.",
    }];
}

function kindOf(value: unknown): string {
    if (Array.isArray(value)) return "a list";
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

export const rdsDeletionProtection = resourcePolicy<Record<string, never>>({
    name: "rds-deletion-protection",
    displayName: "Databases have deletion protection",
    description: "RDS, Aurora, DocumentDB, Neptune, DSQL and DynamoDB databases must enable deletion protection.",
    enforcementLevel: "advisory",
    severity: "high",
    remediationSteps: "Set `deletionProtection: true` (DynamoDB and DSQL: `deletionProtectionEnabled: true`) on the resource.",
    url: policyDocUrl("rds-deletion-protection"),
    tags: ["aws", "rds", "dynamodb", "data-protection"],
    // Security Hub's AWS Foundational Security Best Practices controls for this flag. CIS AWS
    // Foundations has no deletion-protection control.
    framework: {
        name: "AWS Foundational Security Best Practices",
        version: "1.0.0",
        reference: "RDS.8",
        specification: "RDS DB instances should have deletion protection enabled; also RDS.7 (RDS clusters), " +
            "DocumentDB.5, Neptune.4 and DynamoDB.6 (the same flag on those databases).",
    },
    configSchema: { properties: {} },
    resourceTypes: Object.keys(DELETION_PROTECTION_PROPERTY),
    check: findMissingDeletionProtection,
});
