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
import { asset } from "@pulumi/pulumi";
import { specialArchiveSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { ConfigResult, ConfigSchema, readConfig, withCommonProperties } from "./config";
import { Exemption, findExemption, ResourceRef } from "./exemptions";
import { STACK } from "./tokens";
import { isRecord, isSecretWrapper, unwrapProxy } from "./values";

// @pulumi/policy 1.21 turns a resource's properties into JavaScript once per policy, for
// every policy whatever its types (server.js makeAnalyzeRpcFun, makeAnalyzeStackRpcFun):
// each Analyze decoded a large policy document once per resource policy, each AnalyzeStack
// the whole stack once per stack policy (see docs/benchmark.md). Validations never modify
// what they are given, so one decoding per protobuf Struct serves them all. The
// remediation path, which edits props in place, keeps its own copy per policy.
shareDeserializedProperties();

function shareDeserializedProperties(): void {
    type Deserialize = ((struct: object, proxySecrets: boolean) => unknown) & { shared?: true };
    let sdk: { deserializeProperties?: Deserialize };
    try {
        sdk = require("@pulumi/policy/deserialize");
    } catch {
        return; // An SDK without this module: nothing to share, nothing breaks.
    }
    const original = sdk.deserializeProperties;
    if (typeof original !== "function" || original.shared) return;
    const decoded = new WeakMap<object, unknown>();
    const shared: Deserialize = (struct, proxySecrets) => {
        if (proxySecrets || typeof struct !== "object" || struct === null) return original(struct, proxySecrets);
        if (!decoded.has(struct)) decoded.set(struct, original(struct, false));
        return decoded.get(struct);
    };
    shared.shared = true;
    sdk.deserializeProperties = shared;
}

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
    /** Type tokens the rule applies to, or "all"; others are skipped before any work. */
    resourceTypes: readonly string[] | "all";
    check(resource: PlainResource, config: C): Finding[];
    /**
     * Optional auto-fix. @pulumi/policy runs it only when the policy's level is `remediate`
     * (then `check` runs after it and reports at `mandatory`). `resource.props` is the raw
     * remediation-path data, where secrets are still `Secret` instances. Return the props
     * to apply, edited in place (a copy would lose those secrets), or undefined for no
     * change. Not called for exempt resources nor with invalid config (`check` reports that).
     */
    remediate?(resource: PlainResource, config: C): RemediatedProps | Promise<RemediatedProps>;
}

export type RemediatedProps = Record<string, unknown> | undefined;

export interface StackRuleDefinition<C> extends PolicyMetadata {
    check(resources: PlainResource[], config: C, context: StackContext): Finding[];
}

interface CommonConfig {
    exemptions: Exemption[];
}

/** The policy's config, read and validated (the result is cached per raw config). */
function configReader<C>(def: PolicyMetadata): (raw: unknown) => ConfigResult<C & CommonConfig> {
    const schema = withCommonProperties(def.configSchema);
    return (raw) => readConfig<C & CommonConfig>(def.name, schema, raw);
}

export function resourcePolicy<C>(def: ResourceRuleDefinition<C>): ResourceValidationPolicy {
    const types = def.resourceTypes === "all" ? undefined : new Set(def.resourceTypes);
    const applies = (type: string) => types === undefined || types.has(type);
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
                return types === undefined ? undefined : reportConfigErrors(parsed.errors, report, args.urn);
            }
            const resource = plainFromArgs(args);
            runRule(parsed.config, report, resource, () => def.check(resource, parsed.config));
        },
    };
    const remediate = def.remediate;
    if (remediate) {
        policy.remediateResource = async (args: ResourceValidationArgs) => {
            if (args.type === STACK || !applies(args.type)) return undefined;
            const resource = plainFromArgs(args);
            const parsed = configOf(args.getConfig());
            if (!parsed.ok || findExemption(parsed.config.exemptions, resource).kind === "exempt") return undefined;
            try {
                const props = await remediate(resource, parsed.config);
                return props === undefined ? undefined : await withSerializableArchives(props);
            } catch {
                // A throw here would fail the whole deployment; `check` still runs and reports.
                return undefined;
            }
        };
    }
    return policy;
}

// @pulumi/policy 1.21 serializes an AssetArchive returned by a remediation as the list of
// its asset names (deserialize.js serializeProperty), which then fails to deserialize: a
// Lambda `code` archive would break the deployment. Its wire form serializes unchanged.
// Found without recursion: a throw here would drop the remediation.
async function withSerializableArchives(props: Record<string, unknown>): Promise<Record<string, unknown>> {
    const found: [any, string | number, asset.AssetArchive][] = [];
    const stack: unknown[] = [props];
    const seen = new Set<unknown>();
    while (stack.length > 0) {
        const value: any = stack.pop();
        if (seen.has(value)) continue;
        if (typeof value === "object" && value !== null) seen.add(value);
        const keys: (string | number)[] = isSecretWrapper(value) ? ["value"]
            : Array.isArray(value) ? value.map((_, i) => i)
            : isRecord(value) && Object.getPrototypeOf(value) === Object.prototype ? Object.keys(value)
            : [];
        for (const key of keys) {
            const child = value[key];
            if (child instanceof asset.AssetArchive) found.push([value, key, child]);
            else stack.push(child);
        }
    }
    for (const [parent, key, archive] of found) parent[key] = await archiveWireForm(archive);
    return props;
}

async function archiveWireForm(archive: asset.AssetArchive): Promise<Record<string, unknown>> {
    const assets: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(await archive.assets)) {
        assets[name] = member instanceof asset.AssetArchive ? await archiveWireForm(member) : member;
    }
    return { [specialSigKey]: specialArchiveSig, assets };
}

export function stackPolicy<C>(def: StackRuleDefinition<C>): StackValidationPolicy {
    const configOf = configReader<C>(def);
    return {
        ...metadata(def),
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const parsed = configOf(args.getConfig());
            if (!parsed.ok) return reportConfigErrors(parsed.errors, report, undefined);
            const resources = args.resources.map(plainFromPolicyResource);
            runRule(parsed.config, report, undefined, () => def.check(resources, parsed.config, stackContext()));
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

/** Runs a rule under valid config and reports its findings, less the exempt ones. */
function runRule(config: CommonConfig, report: ReportViolation, subject: ResourceRef | undefined, evaluate: () => Finding[]): void {
    let findings: Finding[];
    try {
        findings = evaluate();
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
        const verdict = target ? findExemption(config.exemptions, target, now) : { kind: "none" as const };
        if (verdict.kind === "exempt") continue;
        const note = verdict.kind === "expired"
            ? ` (The exemption for this resource expired on ${verdict.expiredOn}: "${verdict.exemption.reason}".)`
            : "";
        report(finding.message + note, target?.urn);
    }
}

function reportConfigErrors(errors: readonly string[], report: ReportViolation, urn: string | undefined): void {
    report(
        `Invalid configuration, so this policy could not run: ${errors.join("; ")}. ` +
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
