// The adapter from a policy definition (./rule.ts) to @pulumi/policy.
//
// A rule sees plain data and returns findings. The adapter reads and validates config,
// gathers the facts a rule asks for, applies exemptions, turns findings into violations,
// and makes sure a rule that throws on an odd input reports that plainly instead of
// failing every preview with a stack trace.
import type {
    Policy,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { ConfigResult, readConfig, withCommonProperties } from "./config";
import { policyDocUrl } from "./docs";
import { configErrorMessage, Exemption, expiredExemptionNote, findExemption, internalErrorMessage } from "./exemptions";
import type {
    Finding, PlainResource, PolicyDefinition, PolicyMetadata, ResourceFacts, ResourcePolicyDefinition, ResourceRef, StackContext,
    StackPart, StackPolicyDefinition,
} from "./rule";
import { secretLocationsOf, withSerializableArchives } from "./sdk-patch";
import { STACK } from "./tokens";
import { unwrapProxy } from "./values";

interface CommonConfig {
    exemptions: Exemption[];
}

/** The @pulumi/policy policy for a definition. */
export function toPulumiPolicy(def: PolicyDefinition): Policy {
    if (def.kind === "stack") return stackPolicy(def);
    return def.stack ? hybridPolicy(def, def.stack) : resourcePolicy(def);
}

/**
 * A resource policy with a stack part: ONE @pulumi/policy object with both `validateResource`
 * and `validateStack`. @pulumi/policy 1.21 runs `validateResource` in Analyze for every policy
 * that `isResourcePolicy` (it has validateResource), and `validateStack` in AnalyzeStack for
 * every policy that `isStackPolicy` (it has validateStack), whatever else it has (server.js
 * makeAnalyzeRpcFun, makeAnalyzeStackRpcFun); GetAnalyzerInfo serves it as
 * POLICY_TYPE_RESOURCE (protoutil.js tests isResourcePolicy first). test/sdk-patch.test.ts
 * fails if an SDK upgrade stops calling either half. Name, config, level and exemptions are
 * shared; a bad config is reported by the resource part only, as for any resource policy.
 */
function hybridPolicy<C, F>(def: ResourcePolicyDefinition<C, F>, part: StackPart<C, F>): Policy {
    const { validateStack } = stackPolicy<C, F>({ ...def, ...part, kind: "stack" }, { reportsConfigErrors: false });
    return { ...resourcePolicy(def), validateStack } as ResourceValidationPolicy & Pick<StackValidationPolicy, "validateStack">;
}

/** The policy's config, read and validated (the result is cached per raw config). */
function configReader<C>(def: PolicyMetadata): (raw: unknown) => ConfigResult<C & CommonConfig> {
    const schema = withCommonProperties(def.configSchema);
    return (raw) => readConfig<C & CommonConfig>(def.name, schema, raw);
}

function typeFilter(types: readonly string[] | "all"): ((type: string) => boolean) | undefined {
    if (types === "all") return undefined;
    const set = new Set(types);
    return (type) => set.has(type);
}

function resourcePolicy<C, F>(def: ResourcePolicyDefinition<C, F>): ResourceValidationPolicy {
    const applies = typeFilter(def.resourceTypes) ?? (() => true);
    const everyType = def.resourceTypes === "all";
    const configOf = configReader<C>(def);
    const policy: ResourceValidationPolicy = {
        ...metadata(def),
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
            const isStack = args.type === STACK;
            if (!isStack && !applies(args.type)) return;
            const parsed = configOf(args.getConfig());
            // The root stack is analyzed in every run: the one place a bad config is always
            // reported, even in a stack without any resource of the policy's types.
            if (isStack) return parsed.ok ? undefined : reportConfigErrors(parsed.errors, report, args.urn);
            if (!parsed.ok) {
                // A policy on every resource reports bad config once, on the stack, not on each of them.
                return everyType ? undefined : reportConfigErrors(parsed.errors, report, args.urn);
            }
            const rawProps = unwrapProxy(args.props);
            const resource = plainFromArgs(args, rawProps);
            const facts = resourceFacts(rawProps);
            runRule(parsed.config, report, resource, () => def.check(resource, parsed.config, facts));
        },
    };
    const remediate = def.remediate;
    if (remediate) {
        policy.remediateResource = async (args: ResourceValidationArgs) => {
            if (args.type === STACK || !applies(args.type)) return undefined;
            const resource = plainFromArgs(args, unwrapProxy(args.props));
            const parsed = configOf(args.getConfig());
            if (!parsed.ok || findExemption(parsed.config.exemptions, resource).kind === "exempt") return undefined;
            try {
                const props = remediate(resource, parsed.config);
                return props === undefined ? undefined : await withSerializableArchives(props);
            } catch {
                // A throw here would fail the whole deployment; `check` still runs and reports.
                return undefined;
            }
        };
    }
    return policy;
}

function resourceFacts(rawProps: unknown): ResourceFacts {
    return {
        secretLocations: () => (typeof rawProps === "object" && rawProps !== null ? secretLocationsOf(rawProps) : undefined),
    };
}

function stackPolicy<C, F>(def: StackPolicyDefinition<C, F>, options = { reportsConfigErrors: true }): StackValidationPolicy {
    const reads = typeFilter(def.resourceTypes);
    const configOf = configReader<C>(def);
    return {
        ...metadata(def),
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const parsed = configOf(args.getConfig());
            if (!parsed.ok) return options.reportsConfigErrors ? reportConfigErrors(parsed.errors, report, undefined) : undefined;
            // Only the types the rule reads are converted: most stack rules need a few types of thousands of resources.
            const resources: PlainResource[] = [];
            for (const r of args.resources) if (!reads || reads(r.type)) resources.push(plainFromPolicyResource(r));
            let every: readonly PlainResource[] | undefined;
            const context: StackContext = {
                ...stackContext(),
                everyResource: () => (every ??= reads ? args.resources.map(plainFromPolicyResource) : resources),
            };
            runRule(parsed.config, report, undefined, () => {
                const facts = def.gather
                    ? def.gather({ resources, config: parsed.config, context, env: process.env })
                    : (undefined as F);
                return def.check(resources, parsed.config, context, facts);
            });
        },
    };
}

function metadata(def: PolicyMetadata) {
    return {
        name: def.name,
        displayName: def.displayName,
        description: def.description,
        enforcementLevel: def.enforcementLevel,
        severity: def.severity,
        remediationSteps: def.remediationSteps,
        url: policyDocUrl(def.name),
        framework: def.framework,
        tags: def.tags,
        configSchema: withCommonProperties(def.configSchema),
    };
}

/** Runs a rule under valid config and reports its findings, less the exempt ones. */
function runRule(config: CommonConfig, report: ReportViolation, subject: ResourceRef | undefined, evaluate: () => Finding[]): void {
    let findings: Finding[];
    try {
        findings = evaluate();
    } catch (e) {
        // Never the error message: it may quote the input, and inputs may be secrets.
        report(internalErrorMessage(e instanceof Error ? e.name : typeof e, subject), subject?.urn);
        return;
    }
    const now = Date.now();
    for (const finding of findings) {
        const target = finding.resource ?? subject;
        const verdict = target ? findExemption(config.exemptions, target, now) : { kind: "none" as const };
        if (verdict.kind === "exempt") continue;
        report(finding.message + (verdict.kind === "expired" ? expiredExemptionNote(verdict) : ""), target?.urn);
    }
}

function reportConfigErrors(errors: readonly string[], report: ReportViolation, urn: string | undefined): void {
    report(configErrorMessage(errors), urn);
}

function plainFromArgs(args: ResourceValidationArgs, rawProps: Record<string, unknown> | undefined): PlainResource {
    return {
        type: args.type,
        name: args.name,
        urn: args.urn,
        props: rawProps ?? {},
        protect: args.opts?.protect === true,
        parent: args.opts?.parent || undefined,
        dependencies: [],
        propertyDependencies: {},
    };
}

function plainFromPolicyResource(r: PolicyResource): PlainResource {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) {
        propertyDependencies[key] = deps.map((d) => d.urn);
    }
    const plain = {
        type: r.type,
        name: r.name,
        urn: r.urn,
        protect: r.opts?.protect === true,
        parent: r.parent?.urn ?? (r.opts?.parent || undefined),
        dependencies: (r.dependencies ?? []).map((d) => d.urn),
        propertyDependencies,
        provider: r.provider?.urn,
        ignoreChanges: r.opts?.ignoreChanges ?? [],
    } as PlainResource;
    // Read on first use: the SDK patch decodes a stack's resources only when a rule reads
    // their properties (resource-protect, over every resource, reads none).
    let props: Record<string, unknown> | undefined;
    Object.defineProperty(plain, "props", { enumerable: true, get: () => (props ??= unwrapProxy(r.props) ?? {}) });
    let ancestors: string[] | undefined;
    Object.defineProperty(plain, "ancestorDependencies", { enumerable: false, get: () => (ancestors ??= ancestorDependencies(r)) });
    return plain;
}

/** The URNs the resource's ancestors depend on, through their dependencies and their inputs'. */
function ancestorDependencies(r: PolicyResource): string[] {
    const urns = new Set<string>();
    let at = r.parent;
    for (let hops = 0; at !== undefined && hops < 64; hops++, at = at.parent) {
        for (const d of at.dependencies ?? []) urns.add(d.urn);
        for (const deps of Object.values(at.propertyDependencies ?? {})) for (const d of deps) urns.add(d.urn);
    }
    return [...urns];
}

// Read when a stack policy runs, not at load: publish boots the pack without a stack.
function stackContext(): StackContext {
    const env = process.env;
    return {
        stack: env.PULUMI_NODEJS_STACK ?? env.PULUMI_STACK ?? "",
        project: env.PULUMI_NODEJS_PROJECT ?? env.PULUMI_PROJECT ?? "",
        organization: env.PULUMI_NODEJS_ORGANIZATION ?? env.PULUMI_ORGANIZATION ?? "",
        dryRun: (env.PULUMI_NODEJS_DRY_RUN ?? env.PULUMI_DRY_RUN) === "true",
    };
}
