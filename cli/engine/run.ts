// One analysis run in the CLI's order: Handshake, ConfigureStack, GetPluginInfo,
// GetAnalyzerInfo, Configure, then per resource Remediate and Analyze (applying what
// Remediate returns), then AnalyzeStack, then Cancel.
//
// Like the engine, which analyzes resources as its step executor registers them, several
// resources are in flight at once (`concurrency`); each resource's Remediate answers before
// its Analyze is sent, AnalyzeStack is sent after every Analyze answered, and results come
// back in stack order whatever the order of the answers.
import { EngineResource, isProviderType, ResourceStream } from "./model";
import { AnalyzerInfo, BootOptions, Diagnostic, LogEntry, PackProcess, providerUrn, Remediation, StackRequest } from "./pack-process";
import { PolicyPackConfig, reconcilePolicyConfig } from "./policy-config";

export interface RunOptions extends BootOptions {
    /**
     * The `--policy-pack-config` contents; a function receives the pack's metadata first
     * (`check` validates against it, before Configure).
     */
    policyConfig?: PolicyPackConfig | ((info: AnalyzerInfo) => PolicyPackConfig | undefined);
    /**
     * The stack's resources, in stack order: a list, or a stream (a large stack export read
     * as it is analyzed; the result then lists the resources by their identity, without properties or dependencies).
     */
    resources: EngineResource[] | ResourceStream;
    stackTags?: Record<string, string>;
    /** Called after each resource, for progress displays. */
    onProgress?: (done: number, total: number) => void;
    /** Resources in flight at once (default 8); 1 sends each resource's calls after the previous resource's. */
    concurrency?: number;
}

export interface AppliedRemediation extends Remediation {
    urn: string;
}

export interface RunResult {
    info: AnalyzerInfo;
    pluginVersion: string;
    diagnostics: Diagnostic[];
    remediations: AppliedRemediation[];
    /** Resources as analyzed, after remediations. */
    resources: EngineResource[];
    logs: LogEntry[];
}

export async function runPack(options: RunOptions): Promise<RunResult> {
    const pack = await PackProcess.boot(options);
    try {
        return await analyzeWith(pack, options);
    } finally {
        await pack.close();
    }
}

/** Runs the full protocol sequence against an already booted pack. */
export async function analyzeWith(pack: PackProcess, options: RunOptions): Promise<RunResult> {
    await pack.handshake();
    await pack.configureStack(options.stackTags);
    const pluginVersion = await pack.getPluginInfo();
    const info = await pack.getAnalyzerInfo();
    const policyConfig = typeof options.policyConfig === "function" ? options.policyConfig(info) : options.policyConfig;
    await pack.configure(reconcilePolicyConfig(info, policyConfig));

    const source = options.resources;
    const streamed = !Array.isArray(source);
    const total = streamed ? source.count : source.length;
    const providers = streamed ? source.providers : new Map<string, EngineResource>();
    if (!streamed) for (const r of source) if (isProviderType(r.type)) providers.set(r.urn, r);

    const diagnostics: Diagnostic[][] = [];
    const remediations: AppliedRemediation[][] = [];
    const analyzed: EngineResource[] = [];
    const stack = new StackRequest(pack.requests);
    const encoder = pack.requests;
    let done = 0;

    const analyzeOne = async (index: number, original: EngineResource) => {
        let r = original;
        const provider = r.provider ? providers.get(providerUrn(r.provider)) : undefined;
        const requests = encoder.resourceRequests(r, provider);
        const applied: AppliedRemediation[] = [];
        for (const rem of await pack.remediateBytes(requests.remediate)) {
            applied.push({ ...rem, urn: r.urn });
            if (rem.properties) r = { ...r, inputs: rem.properties };
        }
        const analyze = r === original ? requests.analyze : encoder.analyzeRequest(r, provider, "analyze").bytes;
        // The engine attributes a per-resource diagnostic to the analyzed resource.
        diagnostics[index] = (await pack.analyzeBytes(analyze)).map((d) => ({ ...d, urn: r.urn }));
        remediations[index] = applied;
        stack.add(index, r, provider);
        analyzed[index] = streamed ? withoutProperties(r) : r;
        options.onProgress?.(++done, total);
    };

    const items = (streamed ? source.resources() : source)[Symbol.iterator]();
    let index = 0;
    let failed: unknown;
    const lane = async () => {
        while (failed === undefined) {
            const next = items.next();
            if (next.done) return;
            const i = index++;
            try {
                await analyzeOne(i, next.value);
            } catch (e) {
                failed ??= e;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, lane));
    if (failed !== undefined) throw failed;

    diagnostics.push([...(await pack.analyzeStackRequest(stack))]);
    await pack.cancel();
    return { info, pluginVersion, diagnostics: diagnostics.flat(), remediations: remediations.flat(), resources: analyzed, logs: pack.logs };
}

/** Enough requests in flight that the pack never waits for the next one. */
const DEFAULT_CONCURRENCY = 8;

/** What a report needs of a resource (its identity and place in the stack), without what a large stack cannot keep. */
function withoutProperties(r: EngineResource): EngineResource {
    return { urn: r.urn, type: r.type, name: r.name, custom: r.custom, parent: r.parent, protect: r.protect, inputs: {}, dependencies: [], propertyDependencies: {} };
}
