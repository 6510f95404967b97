// Measurements through the engine harness (cli/engine): the pack booted as the Pulumi CLI
// boots it and driven through the Analyzer protocol in the CLI's order.
import * as fs from "fs";
import { performance } from "perf_hooks";
import { EngineResource, isProviderType } from "../cli/engine/model";
import { BootOptions, Diagnostic, PackProcess, providerUrn } from "../cli/engine/pack-process";
import { reconcilePolicyConfig } from "../cli/engine/policy-config";

export interface BootSample {
    /** Spawn until the port is printed. */
    portMs: number;
    /** Spawn until GetAnalyzerInfo answered (after Handshake, ConfigureStack, GetPluginInfo, as the CLI does). */
    readyMs: number;
    policies: number;
    /**
     * Remediate + Analyze of the root stack resource, the first resource of every preview,
     * right after ready: work a pack defers to first use (lazy requires, config schema
     * compilation) shows up here instead of in the boot.
     */
    firstAnalyzeMs?: number;
    /** CPU time (user + system) of the pack process once ready: less sensitive than wall time to other load on the machine. */
    cpuMs?: number;
    /** VmHWM / VmRSS of the pack process once ready, in KiB. */
    hwmKiB?: number;
    rssKiB?: number;
}

export interface Memory {
    hwmKiB?: number;
    rssKiB?: number;
}

/** Peak and current resident set of a process (Linux /proc; undefined elsewhere). */
export function readMemory(pid: number | undefined): Memory {
    if (!pid) return {};
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const kib = (key: string) => {
            const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
            return m ? Number(m[1]) : undefined;
        };
        return { hwmKiB: kib("VmHWM"), rssKiB: kib("VmRSS") };
    } catch {
        return {};
    }
}

/** User + system CPU time of a process in ms (Linux /proc, 10 ms resolution; undefined elsewhere). */
export function readCpuMs(pid: number | undefined): number | undefined {
    if (!pid) return undefined;
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
        return undefined;
    }
}

// USER_HZ: 100 on every Linux platform node runs on.
const CLOCK_TICKS = 100;

export function bootOptions(packDir: string, env: Record<string, string | undefined>): BootOptions {
    return { packDir, stack: "bench", project: "acme", dryRun: true, stackConfig: { "aws:region": "us-east-1" }, env, bootTimeoutMs: 600_000 };
}

/**
 * Boots, answers the CLI's opening calls (ready), reads CPU and memory, then analyzes
 * `first` (the root stack resource) if given, and closes.
 */
export async function bootOnce(packDir: string, env: Record<string, string | undefined>, first?: EngineResource): Promise<BootSample> {
    const t0 = performance.now();
    const pack = await PackProcess.boot(bootOptions(packDir, env));
    try {
        const tPort = performance.now();
        await pack.handshake();
        await pack.configureStack();
        await pack.getPluginInfo();
        const info = await pack.getAnalyzerInfo();
        const tReady = performance.now();
        await pack.configure(reconcilePolicyConfig(info));
        const sample: BootSample = { portMs: tPort - t0, readyMs: tReady - t0, policies: info.policies.length, cpuMs: readCpuMs(pack.pid), ...readMemory(pack.pid) };
        if (first) {
            const t1 = performance.now();
            await pack.remediate(first);
            await pack.analyze(first);
            sample.firstAnalyzeMs = performance.now() - t1;
        }
        return sample;
    } finally {
        await pack.close();
    }
}

async function openSession(pack: PackProcess) {
    await pack.handshake();
    await pack.configureStack();
    await pack.getPluginInfo();
    const info = await pack.getAnalyzerInfo();
    await pack.configure(reconcilePolicyConfig(info));
    return info;
}

/**
 * Wraps the harness's private RPC helper to time the RPC alone: transport, the pack's
 * decoding and work, its response. Building and encoding the protobuf request in
 * JavaScript is the harness's cost, not the pack's (the Go engine does it in a fraction
 * of the time), so the request is encoded before the clock starts and grpc-js is handed
 * the bytes. Falls back to timing whole calls if the harness changes.
 */
export class TimedPack {
    lastRpcMs = NaN;
    constructor(readonly pack: PackProcess) {
        const target = pack as unknown as { call?: (method: string, req: unknown) => Promise<unknown> };
        const original = target.call;
        if (typeof original !== "function") return;
        const self = this;
        target.call = function (this: unknown, method: string, req: unknown) {
            const message = req as { serializeBinary?: () => Uint8Array };
            if (typeof message?.serializeBinary === "function") {
                const bytes = message.serializeBinary();
                message.serializeBinary = () => bytes;
            }
            const t0 = performance.now();
            return original.call(this, method, req).finally(() => {
                self.lastRpcMs = performance.now() - t0;
            });
        };
    }

    async timed<T>(fn: () => Promise<T>): Promise<{ value: T; rpcMs: number; callMs: number }> {
        this.lastRpcMs = NaN;
        const t0 = performance.now();
        const value = await fn();
        const callMs = performance.now() - t0;
        return { value, rpcMs: Number.isNaN(this.lastRpcMs) ? callMs : this.lastRpcMs, callMs };
    }
}

export interface ResourceTiming {
    type: string;
    analyzeMs: number;
    remediateMs: number;
}

export interface StackRun {
    resources: number;
    /** Per resource, when the run included the per-resource phase. */
    perResource?: ResourceTiming[];
    analyzeStackRpcMs: number;
    analyzeStackCallMs: number;
    /** Pack-process CPU time for the whole per-resource phase (Remediate + Analyze of every resource). */
    perResourceCpuMs?: number;
    /** Pack-process CPU time for AnalyzeStack. */
    analyzeStackCpuMs?: number;
    diagnostics: Diagnostic[];
}

/**
 * One `pulumi preview` worth of protocol: opening calls, then (optionally) Remediate and
 * Analyze per resource, then AnalyzeStack, then Cancel — the order of cli/engine/run.ts.
 */
export async function stackRun(timed: TimedPack, resources: EngineResource[], perResource: boolean): Promise<StackRun> {
    const pack = timed.pack;
    await openSession(pack);
    const providers = new Map<string, EngineResource>();
    for (const r of resources) if (isProviderType(r.type)) providers.set(r.urn, r);
    const diagnostics: Diagnostic[] = [];
    const timings: ResourceTiming[] = [];
    const cpu0 = readCpuMs(pack.pid);
    if (perResource) {
        for (const r of resources) {
            const provider = r.provider ? providers.get(providerUrn(r.provider)) : undefined;
            const rem = await timed.timed(() => pack.remediate(r, provider));
            const an = await timed.timed(() => pack.analyze(r, provider));
            diagnostics.push(...an.value.map((d) => ({ ...d, urn: r.urn })));
            timings.push({ type: r.type, analyzeMs: an.rpcMs, remediateMs: rem.rpcMs });
        }
    }
    const cpu1 = readCpuMs(pack.pid);
    const st = await timed.timed(() => pack.analyzeStack(resources, providers));
    const cpu2 = readCpuMs(pack.pid);
    diagnostics.push(...st.value);
    await pack.cancel();
    const delta = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);
    return {
        resources: resources.length,
        perResource: perResource ? timings : undefined,
        analyzeStackRpcMs: st.rpcMs,
        analyzeStackCallMs: st.callMs,
        perResourceCpuMs: perResource ? delta(cpu0, cpu1) : undefined,
        analyzeStackCpuMs: delta(cpu1, cpu2),
        diagnostics,
    };
}
