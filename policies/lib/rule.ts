// What a policy is, as its rule and its metadata see it: plain types, no imports with side
// effects. A policy file exports one `PolicyDefinition`; the registry (policies/index.ts)
// lists them; the adapter (./adapter.ts) turns each into an @pulumi/policy policy, and the
// docs, presets, demo stacks, robustness targets and SARIF rules derive from the same data.
import type { ConfigSchema } from "./config";
import type { SecretLocations } from "./sensitive";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";

/** Which resource a finding or an exemption is about. */
export interface ResourceRef {
    urn: string;
    type: string;
    name: string;
}

/** A resource as rules see it: plain JSON-like data, unknowns as engine sentinels (./wire.ts). */
export interface PlainResource extends ResourceRef {
    props: Record<string, unknown>;
    protect: boolean;
    parent?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /**
     * What the resource's ancestors wait for (their dependencies and their inputs'): a
     * component's `dependsOn` holds for the children it creates. Read lazily where the adapter
     * sets it; examples and tests may set it by hand.
     */
    ancestorDependencies?: readonly string[];
    /**
     * The URN of the resource's provider (a `pulumi:providers:*` resource, default or explicit),
     * for stack rules; resource rules do not get it.
     */
    provider?: string;
    /**
     * The `ignoreChanges` resource option as the engine sent it (top-level property names, or
     * paths such as `tags.*`, or `*`): after the create, the program no longer sets those.
     */
    ignoreChanges?: string[];
}

export interface Finding {
    message: string;
    /** For stack rules: the resource the finding is about (none for stack-wide findings). */
    resource?: ResourceRef;
}

export interface StackContext {
    stack: string;
    project: string;
    organization: string;
    dryRun: boolean;
    /**
     * Every resource of the stack, whatever types the rule reads, converted when first asked:
     * for walks through resources the rule does not judge (what a resource waits for). Without
     * it (pure calls), the resources the rule was given are all there is.
     */
    everyResource?(): readonly PlainResource[];
}

export interface ComplianceFramework {
    name: string;
    version: string;
    reference: string;
    specification: string;
}

/** Facts a resource rule may need, gathered by the adapter when the rule asks. */
export interface ResourceFacts {
    /**
     * Where the resource's inputs were secrets, as the engine sent them (undefined when the
     * installed SDK does not let the pack see it; see ./sdk-patch.ts).
     */
    secretLocations(): SecretLocations | undefined;
}

/** What a stack policy's gather step may read: the outside world, before the rule runs. */
export interface GatherInput<C> {
    resources: readonly PlainResource[];
    config: C;
    context: StackContext;
    env: Readonly<Record<string, string | undefined>>;
}

// ---------------------------------------------------------------- examples

/** A resource of an example, in the fixture format (fixtures/README.md). */
export interface ExampleResource {
    type: string;
    name: string;
    props?: Record<string, unknown>;
    protect?: boolean;
    /** The parent's name. */
    parent?: string;
    /** `{prop: [names]}`: where a value came from (rendered as a reference in the docs). */
    propertyDependencies?: Record<string, string[]>;
    /** false for a component resource. */
    custom?: boolean;
    /** Names of resources this one depends on (`dependsOn`). */
    dependencies?: string[];
    /** The name of the explicit provider (a `pulumi:providers:aws` resource of the example). */
    provider?: string;
    /**
     * What stack policies receive when it differs from `props`: the engine hands them outputs
     * (at preview, computed values are unknown; after an update, they are what AWS reports).
     */
    outputs?: Record<string, unknown>;
}

/**
 * A passing or failing input for the policy: shown on its docs page and run through the
 * engine path by test/examples.test.ts.
 */
export interface PolicyExample {
    /** What it shows, e.g. "an RDS instance without deletion protection". */
    title: string;
    verdict: "pass" | "fail";
    resources: ExampleResource[];
    /** fail: the names of the resources this policy reports ("" for a stack-wide finding); default: every resource. */
    reported?: string[];
    /** fail: text every message of this policy contains. */
    messageIncludes?: string;
    /** The policy's config properties for this example. */
    config?: Record<string, unknown>;
    /** Analyzed as a preview (unknowns allowed). */
    preview?: boolean;
    /** The stack's secrets-provider URL as a stack export records it. */
    secretsProvider?: string;
    /** One sentence of why, shown under the example. */
    note?: string;
    /** Part of the demo stacks (fixtures/insecure-stack.json, secure-stack.json): must be clean for every other policy. */
    demo?: boolean;
    /** Shown on the docs page (default true); false keeps test-only cases off it. */
    docs?: boolean;
}

// ---------------------------------------------------------------- definitions

export interface PolicyMetadata {
    name: string;
    displayName: string;
    description: string;
    /** The level when the pack is enabled without config. */
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    remediationSteps: string;
    tags: string[];
    framework?: ComplianceFramework;
    /** The policy's own properties; `exemptions` is added to every policy. */
    configSchema: ConfigSchema;
    /** Properties config/strict.json sets for this policy, beyond `mandatory`. */
    strictConfig?: Record<string, unknown>;
    /**
     * Helper policies this one needs in the same pack (their names). `baseline(selection)`
     * adds them to any selection that takes this policy.
     */
    requires?: readonly string[];
    examples: PolicyExample[];
}

/** A judgement over the whole stack: what a stack policy is, and a resource policy's optional stack part. */
export interface StackRule<C, F = undefined> {
    /** Type tokens the rule reads, or "all" (e.g. when config globs decide); the rule sees only these. */
    resourceTypes: readonly string[] | "all";
    /** Reads what the rule needs from outside the engine's data (files, environment). */
    gather?(input: GatherInput<C>): F;
    /** Findings carry the `resource` they are about (none for stack-wide findings). */
    check(resources: readonly PlainResource[], config: C, context: StackContext, facts: F): Finding[];
}

/**
 * The stack part of a resource policy: what cannot be judged one resource at a time (it needs
 * another resource, a dependency, a provider). It runs once per AnalyzeStack, on outputs,
 * under the same name, config, exemptions and level as the resource part; the two must
 * never report the same thing.
 */
export interface StackPart<C, F = undefined> extends StackRule<C, F> {
    /** What it judges, for the docs' summary: "a resource policy, with a stack part for ...". */
    judges: string;
}

export interface ResourcePolicyDefinition<C = Record<string, never>, F = undefined> extends PolicyMetadata {
    kind: "resource";
    /** Type tokens the rule applies to, or "all"; others are skipped before any work. */
    resourceTypes: readonly string[] | "all";
    check(resource: PlainResource, config: C, facts: ResourceFacts): Finding[];
    /**
     * Optional auto-fix. @pulumi/policy runs it only when the policy's level is `remediate`
     * (then `check` runs after it and reports at `mandatory`). `resource.props` is the raw
     * remediation-path data, where secrets are still `Secret` instances. Return the props
     * to apply, edited in place (a copy would lose those secrets), or undefined for no
     * change. Not called for exempt resources nor with invalid config (`check` reports that).
     */
    remediate?(resource: PlainResource, config: C): Record<string, unknown> | undefined;
    /** Optional: the judgement that needs the whole stack (a hybrid policy; see ./adapter.ts). */
    stack?: StackPart<C, F>;
}

export interface StackPolicyDefinition<C = Record<string, never>, F = undefined> extends PolicyMetadata, StackRule<C, F> {
    kind: "stack";
}

// The registry holds definitions of any config type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PolicyDefinition = ResourcePolicyDefinition<any, any> | StackPolicyDefinition<any, any>;

/** Identity functions that check a definition against its config type. */
export function resourcePolicy<C = Record<string, never>, F = undefined>(def: Omit<ResourcePolicyDefinition<C, F>, "kind">): ResourcePolicyDefinition<C, F> {
    return { kind: "resource", ...def };
}

export function stackPolicy<C = Record<string, never>, F = undefined>(def: Omit<StackPolicyDefinition<C, F>, "kind">): StackPolicyDefinition<C, F> {
    return { kind: "stack", ...def };
}
