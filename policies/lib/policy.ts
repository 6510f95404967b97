// The thin glue between @pulumi/policy and the pure rules in policies/*.ts.
//
// A rule sees plain data (see ./values.ts) and returns findings. The glue reads and
// validates config, applies exemptions, turns findings into violations, and makes sure a
// rule that throws on an odd input reports that plainly instead of failing every preview
// with a stack trace.
import type {
    EnforcementLevel,
    PolicyComplianceFramework,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { ConfigSchema, readConfig, withCommonProperties } from "./config";
import { Exemption, findExemption, ResourceRef } from "./exemptions";
import { STACK } from "./tokens";
import { unwrapProxy } from "./values";

/** A resource as rules see it: plain JSON-like data, unknowns as engine sentinels. */
export interface PlainResource extends ResourceRef {
    props: Record<string, unknown>;
    protect: boolean;
    parent?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
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
}

export interface PolicyMetadata {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    remediationSteps: string;
    url?: string;
    framework?: PolicyComplianceFramework;
    tags?: string[];
    configSchema: ConfigSchema;
}

export interface ResourceRuleDefinition<C> extends PolicyMetadata {
    /** Type tokens the rule applies to; others are skipped before any work. */
    resourceTypes: readonly string[];
    check(resource: PlainResource, config: C): Finding[];
}

export interface StackRuleDefinition<C> extends PolicyMetadata {
    check(resources: PlainResource[], config: C, context: StackContext): Finding[];
}

interface CommonConfig {
    exemptions: Exemption[];
}

export function resourcePolicy<C>(def: ResourceRuleDefinition<C>): ResourceValidationPolicy {
    const types = new Set(def.resourceTypes);
    return {
        ...metadata(def),
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
            // The root stack is analyzed in every run: the one place a bad config is always
            // reported, even in a stack without any resource of the policy's types.
            if (args.type === STACK) return reportConfigErrors(def, args.getConfig(), report, args.urn);
            if (!types.has(args.type)) return;
            const resource = plainFromArgs(args);
            runRule<C>(def, args.getConfig(), report, resource, (config) => def.check(resource, config));
        },
    };
}

export function stackPolicy<C>(def: StackRuleDefinition<C>): StackValidationPolicy {
    return {
        ...metadata(def),
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const resources = args.resources.map(plainFromPolicyResource);
            runRule<C>(def, args.getConfig(), report, undefined, (config) => def.check(resources, config, stackContext()));
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
        url: def.url,
        framework: def.framework,
        tags: def.tags,
        configSchema: withCommonProperties(def.configSchema),
    };
}

function runRule<C>(
    def: PolicyMetadata,
    rawConfig: unknown,
    report: ReportViolation,
    subject: ResourceRef | undefined,
    evaluate: (config: C & CommonConfig) => Finding[],
): void {
    const parsed = readConfig<C & CommonConfig>(def.name, withCommonProperties(def.configSchema), rawConfig);
    if (!parsed.ok) return reportConfigErrors(def, rawConfig, report, subject?.urn);
    let findings: Finding[];
    try {
        findings = evaluate(parsed.config);
    } catch (e) {
        // Never the error message: it may quote the input, and inputs may be secrets.
        const kind = e instanceof Error ? e.name : typeof e;
        const where = subject ? ` on ${subject.type} "${subject.name}"` : "";
        report(`Internal error (${kind}) while evaluating${where}; the resource was not checked. Please report this.`, subject?.urn);
        return;
    }
    const now = Date.now();
    for (const finding of findings) {
        const target = finding.resource ?? subject;
        const verdict = target ? findExemption(parsed.config.exemptions, target, now) : { kind: "none" as const };
        if (verdict.kind === "exempt") continue;
        const note = verdict.kind === "expired"
            ? ` (The exemption for this resource expired on ${verdict.expiredOn}: "${verdict.exemption.reason}".)`
            : "";
        report(finding.message + note, target?.urn);
    }
}

function reportConfigErrors(def: PolicyMetadata, rawConfig: unknown, report: ReportViolation, urn: string | undefined): void {
    const parsed = readConfig(def.name, withCommonProperties(def.configSchema), rawConfig);
    if (parsed.ok) return;
    report(
        `Invalid configuration, so this policy could not run: ${parsed.errors.join("; ")}. ` +
            "Fix it in the policy pack config (--policy-pack-config file or `pulumi policy enable --config`).",
        urn,
    );
}

function plainFromArgs(args: ResourceValidationArgs): PlainResource {
    return {
        type: args.type,
        name: args.name,
        urn: args.urn,
        props: unwrapProxy(args.props) ?? {},
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
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: unwrapProxy(r.props) ?? {},
        protect: r.opts?.protect === true,
        parent: r.parent?.urn ?? (r.opts?.parent || undefined),
        dependencies: (r.dependencies ?? []).map((d) => d.urn),
        propertyDependencies,
    };
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
