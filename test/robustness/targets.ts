// The pure rules under test, derived from the registry (policies/index.ts): each policy's
// rule, the resource types it reads and a generator of configs the adapter would accept
// (derived from its JSON schema; the adapter validates config before a rule runs, so rules
// only ever see valid config). A resource policy with a stack part yields two targets, one
// per part, under the policy's name. A new policy needs no line here; HINTS holds what the
// schema and the definition cannot say.
import fc from "fast-check";
import { POLICIES } from "../../policies";
import type { JsonSchema } from "../../policies/lib/config";
import { globError } from "../../policies/lib/glob";
import type { Finding, PlainResource, PolicyDefinition, StackContext, StackRule } from "../../policies/lib/rule";
import { KNOWN_TYPES } from "../../policies/lib/credentials/provider";
import { collectSecretLocations, NATIVE_FULL_INPUTS, OTHER_FULL_INPUTS, SecretLocations } from "../../policies/lib/sensitive";
import * as t from "../../policies/lib/tokens";
import { PREVIEW_COMPUTED } from "../../policies/encryption-at-rest";
import { PREVIEW_COMPUTED as BUCKET_PREVIEW_COMPUTED } from "../../policies/lib/s3-buckets";
import { DEFAULT_CRITICAL_RESOURCE_TYPES } from "../../policies/resource-protect";
import { findPlaintextSensitiveValues } from "../../policies/secret-sensitive-props";
import { CORPUS, NATIVE_INPUTS } from "./arbitraries";

/** A classic bucket's inputs the provider computes (policies/lib/s3-buckets.ts computedAtPreview). */
const bucketPreviewComputed = (r: PlainResource): readonly string[] => [...(BUCKET_PREVIEW_COMPUTED[r.type] ?? [])];

export interface ResourceRuleTarget {
    policy: string;
    kind: "resource";
    types: readonly string[];
    config: fc.Arbitrary<any>;
    check(resource: PlainResource, config: any): Finding[];
}

export interface StackRuleTarget {
    policy: string;
    kind: "stack";
    /** Types the rule looks at (generated often); other types are mixed in too. */
    types: readonly string[];
    config: fc.Arbitrary<any>;
    check(resources: PlainResource[], config: any, context: StackContext): Finding[];
    /**
     * Properties whose value joins resources (a configuration's `bucket` names its bucket):
     * their concrete values are constrained by other resources, so the unknown-monotonicity
     * property does not substitute arbitrary values there (docs/testing.md).
     */
    joinKeys?: (resource: PlainResource) => string[];
    /**
     * Properties that, unknown during a preview (without propertyDependencies), mean "computed
     * by the provider, not declared by the program" (see the policy's comments): a deliberate
     * verdict, not a value to substitute. Dot paths, `[]` for any list element.
     */
    previewComputed?: (resource: PlainResource) => readonly string[];
}

export type RuleTarget = ResourceRuleTarget | StackRuleTarget;

/** What a policy's definition cannot tell the generators. */
interface Hint {
    /** Not a rule over resource properties: tested on its own in rules.test.ts, with why. */
    skip?: string;
    types?: readonly string[];
    config?: fc.Arbitrary<any>;
    check?: ResourceRuleTarget["check"];
    joinKeys?: StackRuleTarget["joinKeys"];
    previewComputed?: StackRuleTarget["previewComputed"];
}

const validGlob = (g: string) => globError(g) === null;
const CORPUS_TYPES = [...new Set(CORPUS.map((r) => r.type))].sort();

// aws-native types with an input named as a credential (`password`, `token`, `secretString`...) or like one (Cognito's
// `tokenValidityUnits`): the ones outside NATIVE_FULL_INPUTS are judged as another provider's, by format.
const CREDENTIAL_NAMED_NATIVE: readonly string[] = Object.entries(NATIVE_INPUTS)
    .filter(([, inputs]) => inputs.some((i) => /password|token|secret|credential|apikey|privatekey|passphrase/i.test(i))).map(([type]) => type);

const DOMAIN_JOINED: readonly string[] = [t.OPENSEARCH_DOMAIN, t.ELASTICSEARCH_DOMAIN, t.OPENSEARCH_DOMAIN_POLICY, t.ELASTICSEARCH_DOMAIN_POLICY];

const HINTS: Readonly<Record<string, Hint>> = {
    "secrets-provider-allowlist": { skip: "judges a provider URL its gather step reads from files and the environment" },
    "resource-protect": { types: DEFAULT_CRITICAL_RESOURCE_TYPES },
    "s3-bucket-encryption": {
        joinKeys: (r) => (r.type === t.S3_BUCKET || r.type === t.S3_BUCKET_V2 ? ["bucket", "id"]
            : r.type === t.NATIVE_S3_BUCKET ? ["bucketName"]
            : r.type.includes("ServerSideEncryption") || r.type.includes("WebsiteConfiguration") || r.type === t.S3_BUCKET_POLICY || r.type === t.NATIVE_S3_BUCKET_POLICY ||
                r.type === t.S3_BUCKET_PUBLIC_ACCESS_BLOCK ? ["bucket"]
            // An origin's domainName names its bucket; unknown at preview, propertyDependencies do.
            : r.type === t.CLOUDFRONT_DISTRIBUTION ? ["origins"] : r.type === t.NATIVE_CLOUDFRONT_DISTRIBUTION ? ["distributionConfig"]
            // A log block's bucket names the bucket the same way.
            : r.type === t.LB_LOAD_BALANCER || r.type === t.ALB_LOAD_BALANCER || r.type === t.ELB_LOAD_BALANCER ? ["accessLogs", "connectionLogs", "healthCheckLogs"]
            // Redshift audit logging names its bucket in bucketName.
            : r.type === t.REDSHIFT_LOGGING ? ["bucketName"] : []),
        // s3-bucket-encryption.ts readInlineEncryption, servesWebsite and readAnonymously: at preview an unknown inline
        // block without propertyDependencies is the provider's computed default, i.e. undeclared.
        previewComputed: bucketPreviewComputed,
    },
    "deletion-safeguards": {
        // The versioning stack part joins BucketVersioning resources to their buckets by name, as s3-bucket-encryption
        // does (policies/lib/s3-buckets.ts): an unknown name without propertyDependencies names no bucket.
        joinKeys: (r) => (r.type === t.S3_BUCKET || r.type === t.S3_BUCKET_V2 ? ["bucket", "id"]
            : r.type === t.NATIVE_S3_BUCKET ? ["bucketName"]
            : r.type === t.S3_BUCKET_VERSIONING || r.type === t.S3_BUCKET_VERSIONING_V2 ? ["bucket"] : []),
        // The versioning stack part (inlineVersioning): at preview an unknown Object Lock flag or block, or inline versioning
        // block, without propertyDependencies is the provider's computed default, i.e. undeclared (as for s3-bucket-encryption).
        previewComputed: bucketPreviewComputed,
    },
    "resource-policy-no-wildcards": {
        // The stack part joins ACLs, bucket policies, access points and public access blocks to their buckets (as
        // s3-bucket-encryption does), access point policies to their access points, and domain policies to their domains.
        joinKeys: (r) => (r.type === t.S3_BUCKET || r.type === t.S3_BUCKET_V2 ? ["bucket", "id"]
            : r.type === t.NATIVE_S3_BUCKET ? ["bucketName"]
            : r.type === t.S3_BUCKET_ACL || r.type === t.S3_BUCKET_ACL_V2 || r.type === t.S3_BUCKET_PUBLIC_ACCESS_BLOCK || r.type === t.S3_BUCKET_POLICY ||
                r.type === t.NATIVE_S3_BUCKET_POLICY || r.type === t.NATIVE_S3_ACCESS_POINT ? ["bucket"]
            : r.type === t.S3_ACCESS_POINT ? ["bucket", "arn"]
            : r.type === t.S3CONTROL_ACCESS_POINT_POLICY ? ["accessPointArn"]
            // A Multi-Region Access Point and its policy join by `details.name`.
            : r.type === t.S3CONTROL_MULTI_REGION_ACCESS_POINT || r.type === t.S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY ? ["details"]
            : DOMAIN_JOINED.includes(r.type) ? ["domainName"] : []),
    },
    "encryption-at-rest": {
        // The stack part's asDeclared: at preview a new volume's unset `encrypted` (and the
        // other values it reads) are unknown outputs, read as not set.
        previewComputed: (r) => PREVIEW_COMPUTED[r.type] ?? [],
    },
    "secret-sensitive-props": {
        // Every type: the ones providers mark inputs of, and every type of the fixtures, examples and evaluation set.
        // And aws-native's: those it reads in full (NATIVE_FULL_INPUTS), and those with inputs named as credentials, judged by format only;
        // and the other providers' it reads in part in full (OTHER_FULL_INPUTS).
        types: [...new Set([
            ...KNOWN_TYPES, t.SSM_PARAMETER, t.ECS_TASK_DEFINITION, t.BATCH_JOB_DEFINITION, ...CORPUS_TYPES, ...Object.keys(NATIVE_FULL_INPUTS), ...CREDENTIAL_NAMED_NATIVE, ...Object.keys(OTHER_FULL_INPUTS),
        ])].sort(),
        config: fc.record({
            sensitivePatterns: fc.array(fc.oneof(fc.constantFrom("*_signing_key", "*", "x*", "*key*", "{a,b}*"), fc.string({ maxLength: 6 }).filter(validGlob)), { maxLength: 3 }),
            ignoreProperties: fc.array(fc.oneof(fc.constantFrom("environment.*", "*", "*.password"), fc.string({ maxLength: 6 }).filter(validGlob)), { maxLength: 3 }),
            exemptions: fc.constant([]),
            // Where the engine sent secrets: unknown to the pack, or secrets at some places.
            observation: fc.option(fc.array(fc.array(fc.oneof(fc.constantFrom("password", "environment", "variables", "value", "containerDefinitions"), fc.nat({ max: 3 })), { maxLength: 3 }), { maxLength: 4 })
                .map((locations) => SecretLocations.of(locations)), { nil: undefined }),
        }),
        check: (resource, config) => findPlaintextSensitiveValues(resource, config, config.observation),
    },
};

/** Configs valid for a policy's schema, biased toward the values that change verdicts. */
export function configFor(schema: { properties: Record<string, JsonSchema> }): fc.Arbitrary<Record<string, unknown>> {
    const record: Record<string, fc.Arbitrary<unknown>> = { exemptions: fc.constant([]) };
    for (const [key, prop] of Object.entries(schema.properties)) record[key] = valueFor(prop);
    return fc.record(record);
}

function valueFor(prop: JsonSchema): fc.Arbitrary<unknown> {
    const fallback = "default" in prop ? fc.constant(structuredClone(prop.default)) : fc.constant(undefined);
    if (Array.isArray(prop.enum)) return fc.constantFrom(...prop.enum);
    switch (prop.type) {
        case "boolean": return fc.boolean();
        case "integer":
        case "number": {
            const min = typeof prop.minimum === "number" ? prop.minimum : 0;
            const max = typeof prop.maximum === "number" ? prop.maximum : min + 400;
            return fc.oneof(fallback, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
        }
        case "array": {
            const items = (prop.items ?? {}) as JsonSchema;
            const minLength = typeof prop.minItems === "number" ? prop.minItems : 0;
            if (Array.isArray(items.enum)) return fc.subarray(items.enum as unknown[], { minLength });
            if (items.glob === true) {
                const seeds = [...(Array.isArray(prop.default) ? (prop.default as string[]) : []), "*", "s3:Get*", "kms:Describe*", "aws:rds/*", "*Bucket*", "{a,b}*"];
                const glob = fc.oneof(fc.constantFrom(...seeds), fc.string({ maxLength: 8 }).filter(validGlob));
                return fc.oneof(fallback, fc.array(glob, { minLength, maxLength: 5 }));
            }
            return fallback;
        }
        default: return fallback;
    }
}

function targetsFor(def: PolicyDefinition, hint: Hint): RuleTarget[] {
    const config = hint.config ?? configFor(def.configSchema);
    const typesOf = (types: readonly string[] | "all") => hint.types ?? (types === "all" ? CORPUS_TYPES : types);
    const stackTarget = (rule: StackRule<any, any>): StackRuleTarget => ({
        policy: def.name, kind: "stack", config, joinKeys: hint.joinKeys, previewComputed: hint.previewComputed,
        // Providers are generated among the other types (stacks.ts), not as what the rule judges.
        types: typesOf(rule.resourceTypes).filter((type) => !type.startsWith("pulumi:providers:")),
        check: (resources, cfg, context) => {
            const reads = rule.resourceTypes === "all" ? resources : resources.filter((r) => (rule.resourceTypes as readonly string[]).includes(r.type));
            return rule.check(reads, cfg, context, undefined);
        },
    });
    if (def.kind === "stack") return [stackTarget(def)];
    const resourceTarget: ResourceRuleTarget = {
        policy: def.name, kind: "resource", types: typesOf(def.resourceTypes), config,
        check: hint.check ?? ((resource, cfg) => def.check(resource, cfg, { secretLocations: () => collectSecretLocations(resource.props) })),
    };
    return def.stack ? [resourceTarget, stackTarget(def.stack)] : [resourceTarget];
}

export const TARGETS: readonly RuleTarget[] = POLICIES.filter((p) => !HINTS[p.name]?.skip).flatMap((p) => targetsFor(p, HINTS[p.name] ?? {}));

/** Whether `path` of `resource` is, at preview, a computed value for the stack target of `policy` (see previewComputed). */
export function isPreviewComputed(policy: string, resource: PlainResource, path: readonly (string | number)[]): boolean {
    const target = TARGETS.find((t): t is StackRuleTarget => t.kind === "stack" && t.policy === policy);
    return (target?.previewComputed?.(resource) ?? []).some((pattern) => {
        const segments = pattern.split(".").flatMap((s) => (s.endsWith("[]") ? [s.slice(0, -2), "[]"] : [s]));
        return segments.length === path.length && segments.every((s, i) => (s === "[]" ? typeof path[i] === "number" : s === path[i]));
    });
}

/** Policies that are not rules over resource properties, tested on their own in rules.test.ts. */
export const OTHER_POLICIES: readonly string[] = POLICIES.filter((p) => HINTS[p.name]?.skip).map((p) => p.name);
