// Measurements through the engine harness (cli/engine): the pack booted as the Pulumi CLI
// boots it and driven through the Analyzer protocol in the CLI's order; `check` run as a
// user runs it.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { EngineResource, isProviderType, ResourceStream } from "../cli/engine/model";
import { BootOptions, Diagnostic, PackProcess, providerUrn, StackRequest } from "../cli/engine/pack-process";
import { reconcilePolicyConfig } from "../cli/engine/policy-config";
import { RequestEncoder } from "../cli/engine/requests";

export interface BootSample {
    /** Spawn until the port is printed. */
    portMs: number;
    /** Spawn until GetAnalyzerInfo answered (after Handshake, ConfigureStack, GetPluginInfo, as the CLI does). */
    readyMs: number;
    policies: number;
    /**
     * Remediate + Analyze of the root stack resource, the first resource of every preview,
     * right after ready: work a pack defers to first use shows up here.
     */
    firstAnalyzeMs?: number;
    /** CPU time (user + system) of the pack process once ready. */
    cpuMs?: number;
    /** VmHWM of the pack process once ready, in KiB. */
    hwmKiB?: number;
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

async function openSession(pack: PackProcess) {
    await pack.handshake();
    await pack.configureStack();
    await pack.getPluginInfo();
    const info = await pack.getAnalyzerInfo();
    await pack.configure(reconcilePolicyConfig(info));
    return info;
}

/** Boots, answers the CLI's opening calls (ready), reads CPU and memory, analyzes `first` if given, and closes. */
export async function bootOnce(packDir: string, env: Record<string, string | undefined>, first?: EngineResource): Promise<BootSample> {
    const t0 = performance.now();
    const pack = await PackProcess.boot(bootOptions(packDir, env));
    try {
        const tPort = performance.now();
        const info = await openSession(pack);
        const tReady = performance.now();
        const sample: BootSample = { portMs: tPort - t0, readyMs: tReady - t0, policies: info.policies.length, cpuMs: readCpuMs(pack.pid), hwmKiB: readMemory(pack.pid).hwmKiB };
        if (first) {
            const bytes = pack.requests.analyzeRequest(first, undefined, "remediate").bytes;
            const t1 = performance.now();
            await pack.remediateBytes(bytes);
            await pack.analyzeBytes(pack.requests.analyzeRequest(first, undefined, "analyze").bytes);
            sample.firstAnalyzeMs = performance.now() - t1;
        }
        return sample;
    } finally {
        await pack.close();
    }
}

export interface ResourceTiming {
    type: string;
    /** RPC time of Analyze (request already encoded). */
    analyzeMs: number;
    remediateMs: number;
}

export interface PerResourceRun {
    resources: number;
    timings: ResourceTiming[];
    /** Pack-process CPU for the whole per-resource phase. */
    cpuMs?: number;
    diagnostics: Diagnostic[];
}

/** A stack's requests, encoded once (encoding is the harness's cost, not the pack's). */
export interface EncodedStack {
    perResource: { type: string; remediate: Buffer; analyze: Buffer }[];
    stack: StackRequest;
    resources: number;
}

/** The provider resource `r` names, as `check` finds it (cli/engine/run.ts). */
export function providerOf(r: EngineResource, providers: Map<string, EngineResource>): EngineResource | undefined {
    return r.provider ? providers.get(providerUrn(r.provider)) : undefined;
}

/** Encodes a stack's requests; a stream is read once, without holding its resources. */
export function encodeStack(source: EngineResource[] | ResourceStream, perResource: boolean): EncodedStack {
    const encoder = new RequestEncoder();
    const list = Array.isArray(source);
    const providers = list ? new Map(source.filter((r) => isProviderType(r.type)).map((r) => [r.urn, r])) : source.providers;
    const encoded: EncodedStack = { perResource: [], stack: new StackRequest(encoder), resources: 0 };
    for (const r of list ? source : source.resources()) {
        const provider = providerOf(r, providers);
        if (perResource) {
            encoded.perResource.push({
                type: r.type,
                remediate: Buffer.from(encoder.analyzeRequest(r, provider, "remediate").bytes),
                analyze: Buffer.from(encoder.analyzeRequest(r, provider, "analyze").bytes),
            });
        }
        encoded.stack.add(encoded.resources++, r, provider);
    }
    return encoded;
}

/** Opens a session on a booted pack (as every `pulumi preview` does) and times Remediate then Analyze per resource, one after the other. */
export async function perResourceRun(pack: PackProcess, stack: EncodedStack): Promise<PerResourceRun> {
    await openSession(pack);
    const timings: ResourceTiming[] = [];
    const diagnostics: Diagnostic[] = [];
    const cpu0 = readCpuMs(pack.pid);
    for (const r of stack.perResource) {
        const t0 = performance.now();
        await pack.remediateBytes(r.remediate);
        const t1 = performance.now();
        diagnostics.push(...(await pack.analyzeBytes(r.analyze)));
        timings.push({ type: r.type, remediateMs: t1 - t0, analyzeMs: performance.now() - t1 });
    }
    const cpu1 = readCpuMs(pack.pid);
    await pack.cancel();
    return { resources: stack.perResource.length, timings, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, diagnostics };
}

export interface StackSample {
    resources: number;
    rpcMs: number;
    /** Pack-process CPU for the AnalyzeStack call. */
    cpuMs?: number;
    /** Peak RSS of the pack process: boot plus this one AnalyzeStack (a fresh process per sample). */
    hwmMiB?: number;
    diagnostics: number;
}

/** A fresh pack process, its opening calls, one AnalyzeStack, then Cancel and close. */
export async function analyzeStackOnce(packDir: string, env: Record<string, string | undefined>, request: StackRequest, resources: number): Promise<StackSample> {
    const pack = await PackProcess.boot(bootOptions(packDir, env));
    try {
        await openSession(pack);
        const cpu0 = readCpuMs(pack.pid);
        const t0 = performance.now();
        const diagnostics = await pack.analyzeStackRequest(request);
        const rpcMs = performance.now() - t0;
        const cpu1 = readCpuMs(pack.pid);
        const hwm = readMemory(pack.pid).hwmKiB;
        await pack.cancel();
        return { resources, rpcMs, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, hwmMiB: hwm === undefined ? undefined : hwm / 1024, diagnostics: diagnostics.length };
    } finally {
        await pack.close();
    }
}

export interface CheckSample {
    exitCode: number;
    wallMs: number;
    /** CPU of the check process itself (reading, encoding, the protocol's client side). */
    checkCpuMs: number;
    /** Peak RSS of the check process. */
    checkRssMiB: number;
    /** CPU and peak RSS of each pack process, read just before check stopped it. */
    packs: { cpuMs: number; hwmMiB: number }[];
}

/**
 * Runs the built `check` (dist/cli/check.js) as a user does, through a small wrapper
 * (check-child.ts) that reports the CPU and peak memory of check and of its pack processes.
 */
export function runCheck(args: string[], env: Record<string, string | undefined> = {}): Promise<CheckSample> {
    return runChild("check-child.js", args, env);
}

/** What `check`'s input side alone costs on an export (input-child.ts): `locate`, or `encode` every request too. */
export interface InputSample {
    mode: "locate" | "encode";
    resources: number;
    /** CPU of the whole process, as checkCpuMs. */
    cpuMs: number;
}

export function runInputSide(mode: InputSample["mode"], file: string): Promise<InputSample> {
    return runChild("input-child.js", [mode, file]);
}

/** Runs a bench child script of this directory; it prints its result on stderr after RESULT_PREFIX. */
function runChild<T>(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<T> {
    return new Promise((resolve, reject) => {
        const p = spawn(process.execPath, [path.join(__dirname, script), ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        p.stderr.on("data", (d) => (stderr += d));
        p.on("error", reject);
        p.on("close", (code) => {
            const line = stderr.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
            if (!line) return reject(new Error(`${script} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ").slice(0, 400)}`));
            resolve(JSON.parse(line.slice(RESULT_PREFIX.length)));
        });
    });
}

export const RESULT_PREFIX = "bench-check-result: ";
