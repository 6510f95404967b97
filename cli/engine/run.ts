// One analysis run in the CLI's order: Handshake, ConfigureStack, GetPluginInfo,
// GetAnalyzerInfo, Configure, then per resource Remediate and Analyze (applying what
// Remediate returns), then AnalyzeStack, then Cancel.
import { EngineResource, isProviderType } from "./model";
import { AnalyzerInfo, BootOptions, Diagnostic, LogEntry, PackProcess, providerUrn, Remediation } from "./pack-process";
import { PolicyPackConfig, reconcilePolicyConfig } from "./policy-config";

export interface RunOptions extends BootOptions {
    /**
     * The `--policy-pack-config` contents; a function receives the pack's metadata first
     * (`check` validates against it, before Configure).
     */
    policyConfig?: PolicyPackConfig | ((info: AnalyzerInfo) => PolicyPackConfig | undefined);
    resources: EngineResource[];
    stackTags?: Record<string, string>;
    /** Called after each resource, for progress displays. */
    onProgress?: (done: number, total: number) => void;
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

    const providers = new Map<string, EngineResource>();
    for (const r of options.resources) if (isProviderType(r.type)) providers.set(r.urn, r);

    const diagnostics: Diagnostic[] = [];
    const remediations: AppliedRemediation[] = [];
    const analyzed: EngineResource[] = [];
    let done = 0;
    for (const original of options.resources) {
        let r = original;
        const provider = r.provider ? providers.get(providerUrn(r.provider)) : undefined;
        for (const rem of await pack.remediate(r, provider)) {
            remediations.push({ ...rem, urn: r.urn });
            if (rem.properties) r = { ...r, inputs: rem.properties };
        }
        // The engine attributes a per-resource diagnostic to the analyzed resource.
        for (const d of await pack.analyze(r, provider)) diagnostics.push({ ...d, urn: r.urn });
        analyzed.push(r);
        options.onProgress?.(++done, options.resources.length);
    }
    diagnostics.push(...(await pack.analyzeStack(analyzed, providers)));
    await pack.cancel();
    return { info, pluginVersion, diagnostics, remediations, resources: analyzed, logs: pack.logs };
}
