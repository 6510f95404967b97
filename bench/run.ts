// `npm run bench [-- --quick] [-- --out file.json] [-- --profile]` (`-- --help` for all options)
//
// Measures, in one run and side by side, this pack (as it ships, JavaScript), a bare
// JavaScript pack with the same dependencies and no policies, and (if it installs) the
// published @pulumi/awsguard pack, all booted as the Pulumi CLI boots them (cli/engine):
// boot, Analyze per resource on a realistic mix, AnalyzeStack at 1,000 to 50,000 resources
// (CPU, peak memory, growth), `check` on stack exports of 10,000 and 50,000 resources, S3
// matching on buckets that share a name, and `check` over 20 stack exports at once. Every
// target of docs/benchmark.md is judged on ratios measured in this run. See that page.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackProcess } from "../cli/engine/pack-process";
import { openInputFile, parseInput } from "../cli/inputs";
import { bucketStack, generateStack, typeHistogram, writeStackExport } from "./generate";
import {
    analyzeStackOnce, BootSample, bootOnce, bootOptions, CheckSample, EncodedStack, encodeStack, perResourceRun, PerResourceRun, readCpuMs, runCheck, runInputSide,
    StackSample,
} from "./measure";
import { awsguardPeer, CACHE_ROOT, createBarePack, PackSpec, REPO_DIR, thisPack } from "./packs";
import { summarizeProfile, writeProfilerPreload } from "./profile";
import { fmt, num, percentiles, ratio, Summary, summarize } from "./stats";

interface Options {
    quick: boolean;
    out: string;
    boots: number;
    runs: number;
    /** Resources of the per-resource (Analyze) mix. */
    mix: number;
    /** AnalyzeStack sizes. */
    sizes: number[];
    /** Stack-export sizes `check` runs on. */
    checkSizes: number[];
    /** `check` over many files: how many exports, of how many resources. */
    files: [number, number];
    /** Buckets plus configurations in the shared-name stack. */
    buckets: number;
    awsguard: boolean;
    profile: boolean;
    seed: number;
    iamStatements: [number, number];
    keep: boolean;
}

const TARGETS = {
    checkWallMs: { 10000: 10_000, 50000: 60_000 } as Record<number, number>,
    checkRssMiB: 1024,
    engineOverhead: 0.25,
    analyzeStackCpuRatio: 1.3,
    analyzeStackRssRatio: 1.1,
    /** Growth exponent of AnalyzeStack CPU in the stack size (1 = linear). */
    analyzeStackSlope: 1.15,
    analyzeCpuRatio: 1.15,
    sharedNameRatio: 2,
    bootRatio: 1.05,
    manyFilesSpeedup: 1.4,
};

function parseArgs(argv: string[]): Options {
    const o: Options = {
        quick: false, out: path.join(REPO_DIR, "bench", "results", "latest.json"), boots: 5, runs: 3, mix: 1000,
        sizes: [1000, 10000, 50000], checkSizes: [10000, 50000], files: [20, 1000], buckets: 10000,
        awsguard: true, profile: false, seed: 1, iamStatements: [100, 300], keep: false,
    };
    const set = new Set<string>();
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined) usage(`${a} needs a value`);
            return v;
        };
        const int = (v: string) => {
            const n = Number(v);
            if (!Number.isInteger(n) || n < 1) usage(`${a} needs positive integers`);
            return n;
        };
        const ints = () => value().split(",").map(int);
        set.add(a);
        if (a === "--quick") o.quick = true;
        else if (a === "--out") o.out = path.resolve(value());
        else if (a === "--boots") o.boots = int(value());
        else if (a === "--runs") o.runs = int(value());
        else if (a === "--sizes") o.sizes = ints();
        else if (a === "--check-sizes") o.checkSizes = ints();
        else if (a === "--files") {
            const [n, size] = ints();
            if (size === undefined) usage("--files needs COUNT,RESOURCES");
            o.files = [n, size];
        } else if (a === "--buckets") o.buckets = int(value());
        else if (a === "--awsguard" || a === "--no-awsguard") o.awsguard = a === "--awsguard";
        else if (a === "--profile") o.profile = true;
        else if (a === "--seed") o.seed = int(value());
        else if (a === "--iam-statements") {
            const [min, max] = ints();
            if (max === undefined || max < min) usage("--iam-statements needs MIN,MAX");
            o.iamStatements = [min, max];
        } else if (a === "--keep") o.keep = true;
        else if (a === "--help" || a === "-h") usage();
        else usage(`unknown option ${a}`);
    }
    if (o.quick) {
        if (!set.has("--boots")) o.boots = 2;
        if (!set.has("--runs")) o.runs = 2;
        if (!set.has("--sizes")) o.sizes = [1000, 3000];
        if (!set.has("--check-sizes")) o.checkSizes = [2000];
        if (!set.has("--files")) o.files = [6, 500];
        if (!set.has("--buckets")) o.buckets = 2000;
        if (!set.has("--awsguard")) o.awsguard = false;
        // Never overwrite the full run's figures that docs/benchmark.md quotes.
        if (!set.has("--out")) o.out = path.join(REPO_DIR, "bench", "results", "quick.json");
    }
    return o;
}

function usage(error?: string): never {
    const text = [
        "usage: npm run bench -- [--quick] [--out file.json] [--boots N] [--runs N] [--sizes N,...] [--check-sizes N,...]",
        "                        [--files COUNT,RESOURCES] [--buckets N] [--[no-]awsguard] [--profile] [--iam-statements MIN,MAX] [--seed N] [--keep]",
        "  --quick          small sizes, 2 boots and 2 runs, no awsguard (a few minutes); writes bench/results/quick.json",
        "  --out            result file (default bench/results/latest.json)",
        "  --boots N        cold and warm boots per pack (default 5)",
        "  --runs N         repetitions of each workload per pack (default 3; 2 at 50,000 resources)",
        "  --sizes          AnalyzeStack stack sizes (default 1000,10000,50000)",
        "  --check-sizes    stack-export sizes `check` runs on (default 10000,50000)",
        "  --files          `check` over many exports: how many, of how many resources (default 20,1000)",
        "  --buckets        resources of the stacks of buckets with shared and unique names (default 10000)",
        "  --[no-]awsguard  measure the published @pulumi/awsguard pack too (installed once into a temp cache; default on, off with --quick)",
        "  --profile        also profile (V8) this pack and the bare one on the per-resource mix and the largest AnalyzeStack",
        "  --iam-statements MIN,MAX  statements per standalone IAM policy document (default 100,300; AWS's limit allows about 30)",
        "  --seed N         generator seed (default 1)",
        "  --keep           keep the temp dir (packs, exports, profiles)",
    ].join("\n");
    if (error) {
        console.error(`bench: ${error}\n${text}`);
        process.exit(2);
    }
    console.log(text);
    process.exit(0);
}

const log = (line = "") => console.log(line);
const progress = (line: string) => process.stderr.write(`  · ${line}\n`);
const failure = (e: any) => String(e?.message ?? e).split("\n").slice(0, 4).join(" ").slice(0, 400);
const k = (n: number) => n.toLocaleString("en-US");

type PerPack<T> = Record<string, T>;

/**
 * CPU milliseconds of a fixed workload (JSON text to objects and back, as `check` and the
 * packs spend most of their time): how fast the machine is now. Best of three.
 */
function machineSpeedMs(): number {
    const doc = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ urn: `urn:pulumi:s::p::aws:s3/bucketV2:BucketV2::b${i}`, inputs: { tags: { team: "a", n: String(i) }, list: [i, i + 1, "x".repeat(i % 64)] } })));
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
        const before = process.cpuUsage();
        for (let i = 0; i < 100; i++) JSON.stringify(JSON.parse(doc));
        const used = process.cpuUsage(before);
        best = Math.min(best, (used.user + used.system) / 1000);
    }
    return Math.round(best);
}

async function main(): Promise<void> {
    const o = parseArgs(process.argv.slice(2));
    const started = new Date();
    fs.mkdirSync(CACHE_ROOT, { recursive: true });
    const work = fs.mkdtempSync(path.join(CACHE_ROOT, "run-"));
    const machine = {
        nproc: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
        node: process.version, platform: `${os.platform()} ${os.release()}`, loadavgStart: os.loadavg().map((v) => +v.toFixed(2)),
    };
    /** Repetitions of a workload: at most 2 at 50,000 resources, where one run takes minutes. */
    const runsAt = (size: number) => (size >= 50000 ? Math.min(o.runs, 2) : o.runs);
    log(`aws-security-baseline benchmark — ${started.toISOString()}${o.quick ? " (quick)" : ""}`);
    log(`machine: ${machine.nproc} cores (${machine.cpuModel}), ${machine.memGiB} GiB, node ${machine.node}, load average ${machine.loadavgStart.join(" ")}`);
    const speedStart = machineSpeedMs();
    log(`machine speed: a fixed JSON workload takes ${speedStart} ms of CPU (shared VMs vary by 1.5x over hours: compare runs by their ratios)`);

    const packs: PackSpec[] = [thisPack(), createBarePack(work)];
    const skipped: Record<string, string> = {};
    let awsguardVersion: string | undefined;
    if (o.awsguard) {
        const peer = awsguardPeer(progress);
        if (peer.pack) { packs.push(peer.pack); awsguardVersion = peer.version; } else skipped.awsguard = peer.skipped ?? "unknown reason";
    } else skipped.awsguard = o.quick ? "not in --quick (add --awsguard)" : "--no-awsguard";
    for (const p of packs) log(`  ${p.id.padEnd(9)}${p.description}`);
    for (const [id, why] of Object.entries(skipped)) log(`  ${id.padEnd(9)}SKIPPED: ${why}`);
    const failed: PerPack<string> = {};
    const alive = () => packs.filter((p) => !failed[p.id]);
    const fail = (id: string, what: string, e: unknown) => {
        failed[id] = `${what} failed: ${failure(e)}`;
        progress(`${id}: ${failed[id]}`);
    };

    // ---------------------------------------------------------------- inputs
    const mixStack = generateStack(o.mix, { seed: o.seed, iamPolicyStatements: o.iamStatements });
    const mixJson = JSON.stringify(mixStack);
    const mix = parseInput(JSON.parse(mixJson), `generated ${o.mix}`, {}).resources;
    const rootStack = mix.find((r) => r.type === "pulumi:pulumi:Stack");
    const exportSizes = [...new Set([...o.sizes, ...o.checkSizes])].sort((a, b) => a - b);
    const exports = new Map<number, { file: string; bytes: number }>();
    for (const size of exportSizes) {
        const file = path.join(work, `export-${size}.json`);
        const { bytes } = writeStackExport(file, size, { seed: o.seed, iamPolicyStatements: o.iamStatements });
        exports.set(size, { file, bytes });
    }
    const manyFiles: string[] = [];
    for (let i = 1; i <= o.files[0]; i++) {
        const file = path.join(work, `stack-${i}.json`);
        writeStackExport(file, o.files[1], { seed: o.seed + i, iamPolicyStatements: o.iamStatements, stack: `bench-${i}` });
        manyFiles.push(file);
    }
    log(`per-resource mix: ${k(o.mix)} resources (${(mixJson.length / 1e6).toFixed(1)} MB of fixture JSON, preview with unknowns), ` +
        `${Object.keys(typeHistogram(mixStack)).length} resource types; IAM policies of ${o.iamStatements[0]}–${o.iamStatements[1]} statements`);
    log(`stack exports (inputs, outputs, ciphertext secrets): ${exportSizes.map((s) => `${k(s)} resources ${(exports.get(s)!.bytes / 1e6).toFixed(0)} MB`).join(", ")}; ` +
        `${o.files[0]} exports of ${k(o.files[1])} resources for \`check\` over many files`);
    log(`repetitions: ${o.boots} cold + ${o.boots} warm boots, ${o.runs} runs of each workload (${Math.min(o.runs, 2)} at 50,000 resources), interleaved across packs`);
    log();

    // ---------------------------------------------------------------- boot
    const cold: PerPack<BootSample[]> = {};
    const warm: PerPack<BootSample[]> = {};
    const caches: PerPack<string> = {};
    for (const kind of ["cold", "warm"] as const) {
        for (let i = 0; i < o.boots; i++) {
            for (const p of alive()) {
                // A fresh ts-node cache for a cold boot (only awsguard, a TypeScript pack, compiles anything).
                if (kind === "cold") {
                    if (caches[p.id]) fs.rmSync(caches[p.id], { recursive: true, force: true });
                    caches[p.id] = fs.mkdtempSync(path.join(work, `tsnode-${p.id}-`));
                }
                try {
                    const s = await bootOnce(p.dir, { TS_NODE_CACHE_DIRECTORY: caches[p.id] }, rootStack);
                    ((kind === "cold" ? cold : warm)[p.id] ??= []).push(s);
                    progress(`${kind} boot ${i + 1}/${o.boots} ${p.id}: ready in ${num(s.readyMs)} ms (CPU ${num(s.cpuMs ?? NaN)} ms)`);
                } catch (e) {
                    fail(p.id, "boot", e);
                }
            }
        }
    }
    const envOf = (p: PackSpec) => ({ TS_NODE_CACHE_DIRECTORY: caches[p.id] });

    // ---------------------------------------------------------------- Analyze per resource
    const encodedMix = encodeStack(mix, true);
    const perResource: PerPack<PerResourceRun[]> = {};
    const booted = new Map<string, PackProcess>();
    for (const p of alive()) {
        try {
            booted.set(p.id, await PackProcess.boot(bootOptions(p.dir, envOf(p))));
        } catch (e) {
            fail(p.id, "boot", e);
        }
    }
    try {
        for (let i = 0; i < o.runs; i++) {
            for (const p of alive()) {
                const pack = booted.get(p.id);
                if (!pack) continue;
                try {
                    const r = await perResourceRun(pack, encodedMix);
                    (perResource[p.id] ??= []).push(r);
                    progress(`per-resource run ${i + 1}/${o.runs} ${p.id}: ${k(r.resources)} resources, pack CPU ${num((r.cpuMs ?? NaN) / r.resources)} ms per resource`);
                } catch (e) {
                    fail(p.id, "Analyze", e);
                }
            }
        }
    } finally {
        for (const pack of booted.values()) await pack.close();
    }

    // ---------------------------------------------------------------- AnalyzeStack by size
    const stacks: Record<number, PerPack<StackSample[]>> = {};
    for (const size of o.sizes) {
        const input = openInputFile(exports.get(size)!.file);
        const encoded: EncodedStack = encodeStack(input.resources, false);
        const runs = runsAt(size);
        for (let i = 0; i < runs; i++) {
            for (const p of alive()) {
                try {
                    const s = await analyzeStackOnce(p.dir, envOf(p), encoded.stack, encoded.resources);
                    ((stacks[size] ??= {})[p.id] ??= []).push(s);
                    progress(`AnalyzeStack ${k(size)} run ${i + 1}/${runs} ${p.id}: CPU ${num(s.cpuMs ?? NaN)} ms, peak RSS ${num(s.hwmMiB ?? NaN)} MiB`);
                } catch (e) {
                    fail(p.id, `AnalyzeStack ${k(size)}`, e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- buckets sharing a name
    const bucketRuns: Record<"shared" | "unique", PerPack<StackSample[]>> = { shared: {}, unique: {} };
    const bucketPacks = alive().filter((p) => p.id !== "awsguard");
    for (const kind of ["unique", "shared"] as const) {
        const resources = parseInput(bucketStack(o.buckets, kind === "shared"), kind, {}).resources;
        const encoded = encodeStack(resources, false);
        for (let i = 0; i < o.runs; i++) {
            for (const p of bucketPacks) {
                try {
                    const s = await analyzeStackOnce(p.dir, envOf(p), encoded.stack, encoded.resources);
                    (bucketRuns[kind][p.id] ??= []).push(s);
                    progress(`AnalyzeStack ${k(o.buckets)} buckets and configurations, ${kind} names, run ${i + 1}/${o.runs} ${p.id}: CPU ${num(s.cpuMs ?? NaN)} ms`);
                } catch (e) {
                    fail(p.id, "AnalyzeStack of buckets", e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- check on stack exports
    const checks: Record<number, PerPack<CheckSample[]>> = {};
    for (const size of o.checkSizes) {
        const runs = runsAt(size);
        // awsguard where it is comparable: the smaller export (at 50,000 resources it only adds minutes).
        const checked = alive().filter((p) => p.id !== "awsguard" || size === o.checkSizes[0]);
        for (let i = 0; i < runs; i++) {
            for (const p of checked) {
                try {
                    const s = await runCheck(["--pack", p.dir, "--format", "json", exports.get(size)!.file], envOf(p));
                    ((checks[size] ??= {})[p.id] ??= []).push(s);
                    progress(`check ${k(size)} run ${i + 1}/${runs} ${p.id}: ${num(s.wallMs / 1000)} s, check CPU ${num(s.checkCpuMs)} ms, pack CPU ${num(s.packs[0]?.cpuMs ?? NaN)} ms, check RSS ${num(s.checkRssMiB)} MiB`);
                } catch (e) {
                    fail(p.id, `check ${k(size)}`, e);
                }
            }
        }
    }

    // What parsing and encoding cost `check` on the same exports: its input side alone, with
    // no pack (the same for every pack). Without that work `check` would still spend its
    // CPU minus the difference: the floor of the check CPU ratio for this design.
    const inputSide: Record<number, { locate: number[]; encode: number[] }> = {};
    for (const size of o.checkSizes) {
        const runs = runsAt(size);
        const side = (inputSide[size] = { locate: [] as number[], encode: [] as number[] });
        for (let i = 0; i < runs; i++) {
            for (const mode of ["locate", "encode"] as const) {
                try {
                    const s = await runInputSide(mode, exports.get(size)!.file);
                    side[mode].push(s.cpuMs);
                    progress(`check's input side ${k(size)}, ${mode}, run ${i + 1}/${runs}: CPU ${num(s.cpuMs)} ms`);
                } catch (e) {
                    progress(`check's input side ${k(size)}, ${mode}: ${failure(e)}`);
                }
            }
        }
    }

    // ---------------------------------------------------------------- check over many files
    const jobs = os.cpus().length;
    const many: Record<string, CheckSample[]> = {};
    if (!failed.pack && o.files[0] > 0) {
        for (let i = 0; i < Math.min(o.runs, 2); i++) {
            for (const j of [1, jobs]) {
                try {
                    const s = await runCheck(["--jobs", String(j), "--format", "json", ...manyFiles]);
                    (many[j] ??= []).push(s);
                    progress(`check ${o.files[0]} files, --jobs ${j}, run ${i + 1}: ${num(s.wallMs / 1000)} s`);
                } catch (e) {
                    fail("pack", "check over many files", e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- profile (optional)
    let profile: Record<string, unknown> | undefined;
    if (o.profile) profile = await profileRuns(packs.filter((p) => !failed[p.id] && (p.id === "pack" || p.id === "bare")), work, encodedMix, exports.get(o.sizes[o.sizes.length - 1])!.file);

    // ---------------------------------------------------------------- figures
    const per = <T>(src: PerPack<T[]> | undefined, f: (x: T) => number | undefined): PerPack<Summary> =>
        Object.fromEntries(Object.entries(src ?? {})
            .map(([id, xs]): [string, number[]] => [id, xs.map(f).filter((v): v is number => v !== undefined && !Number.isNaN(v))])
            .filter(([, xs]) => xs.length > 0)
            .map(([id, xs]) => [id, summarize(xs)]));
    const figures = {
        bootColdMs: per(cold, (s) => s.readyMs),
        bootColdCpuMs: per(cold, (s) => s.cpuMs),
        bootWarmMs: per(warm, (s) => s.readyMs),
        bootWarmCpuMs: per(warm, (s) => s.cpuMs),
        firstAnalyzeMs: per(warm, (s) => s.firstAnalyzeMs),
        bootRssMiB: per(warm, (s) => (s.hwmKiB === undefined ? undefined : s.hwmKiB / 1024)),
        analyzeP50Ms: per(perResource, (r) => percentiles(r.timings.map((t) => t.analyzeMs)).p50),
        analyzeP95Ms: per(perResource, (r) => percentiles(r.timings.map((t) => t.analyzeMs)).p95),
        remediateP95Ms: per(perResource, (r) => percentiles(r.timings.map((t) => t.remediateMs)).p95),
        cpuPerResourceMs: per(perResource, (r) => (r.cpuMs === undefined ? undefined : r.cpuMs / r.resources)),
        analyzeStackCpuMs: Object.fromEntries(o.sizes.map((s) => [s, per(stacks[s], (x) => x.cpuMs)])),
        analyzeStackRpcMs: Object.fromEntries(o.sizes.map((s) => [s, per(stacks[s], (x) => x.rpcMs)])),
        analyzeStackRssMiB: Object.fromEntries(o.sizes.map((s) => [s, per(stacks[s], (x) => x.hwmMiB)])),
        bucketsCpuMs: { unique: per(bucketRuns.unique, (x) => x.cpuMs), shared: per(bucketRuns.shared, (x) => x.cpuMs) },
        checkWallMs: Object.fromEntries(o.checkSizes.map((s) => [s, per(checks[s], (x) => x.wallMs)])),
        checkCpuMs: Object.fromEntries(o.checkSizes.map((s) => [s, per(checks[s], (x) => x.checkCpuMs)])),
        checkPackCpuMs: Object.fromEntries(o.checkSizes.map((s) => [s, per(checks[s], (x) => x.packs.reduce((a, b) => a + b.cpuMs, 0))])),
        checkRssMiB: Object.fromEntries(o.checkSizes.map((s) => [s, per(checks[s], (x) => x.checkRssMiB)])),
        checkPackRssMiB: Object.fromEntries(o.checkSizes.map((s) => [s, per(checks[s], (x) => Math.max(...x.packs.map((p) => p.hwmMiB)))])),
        /** check CPU / pack CPU, per run, then the median. */
        engineOverhead: Object.fromEntries(o.checkSizes.map((s) => [s, per(checks[s], (x) => x.checkCpuMs / x.packs.reduce((a, b) => a + b.cpuMs, 0))])),
        manyFilesWallMs: Object.fromEntries(Object.entries(many).map(([j, xs]) => [j, summarize(xs.map((x) => x.wallMs))])),
        /** check's input side alone, no pack (input-child.ts): locating the resources; also reading, parsing and encoding every request. */
        checkInputCpuMs: Object.fromEntries(o.checkSizes.filter((s) => inputSide[s]?.locate.length && inputSide[s].encode.length)
            .map((s) => [s, { locate: summarize(inputSide[s].locate), encode: summarize(inputSide[s].encode) }])),
    };
    const med = (s?: Summary) => s?.median;
    // Growth: slope of log(CPU) against log(size), least squares over the sizes measured.
    const slope = (id: string) => {
        const pts = o.sizes.map((s) => [Math.log(s), Math.log(med(figures.analyzeStackCpuMs[s]?.[id]) ?? NaN)]).filter(([, y]) => Number.isFinite(y));
        if (pts.length < 2) return undefined;
        const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
        const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
        return pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
    };
    const slopes = Object.fromEntries(alive().map((p) => [p.id, slope(p.id)]));

    // ---------------------------------------------------------------- report
    const ids = packs.map((p) => p.id).filter((id) => cold[id] || warm[id]);
    const width = 24;
    type Row = [string, PerPack<Summary> | undefined, string?] | [string];
    const rows: Row[] = [
        ["boot"],
        ["boot to ready, cold (ms)", figures.bootColdMs],
        ["  CPU time of the pack process (ms)", figures.bootColdCpuMs],
        ["boot to ready, warm (ms)", figures.bootWarmMs],
        ["  CPU time of the pack process (ms)", figures.bootWarmCpuMs],
        ["  then first Analyze, root stack (ms)", figures.firstAnalyzeMs],
        ["  peak RSS (MiB)", figures.bootRssMiB],
        [`Analyze per resource (${k(o.mix)}-resource mix, one after the other)`],
        ["pack CPU per resource (ms)", figures.cpuPerResourceMs],
        ["Analyze p50 (ms)", figures.analyzeP50Ms],
        ["Analyze p95 (ms)", figures.analyzeP95Ms],
        ["Remediate p95 (ms)", figures.remediateP95Ms],
        ["AnalyzeStack (a fresh pack process per run; stack-export outputs)"],
        ...o.sizes.flatMap((s): Row[] => [
            [`${k(s)} resources: pack CPU (ms)`, figures.analyzeStackCpuMs[s]],
            ["  RPC (ms)", figures.analyzeStackRpcMs[s]],
            ["  peak RSS of the pack (MiB)", figures.analyzeStackRssMiB[s]],
        ]),
        [`${k(o.buckets)} buckets + configurations: CPU (ms)`],
        ["  unique names", figures.bucketsCpuMs.unique],
        ["  one shared name", figures.bucketsCpuMs.shared],
        ["`check` on a stack export (the pack chosen with --pack)"],
        ...o.checkSizes.flatMap((s): Row[] => [
            [`${k(s)} resources: wall (ms)`, figures.checkWallMs[s]],
            ["  CPU of check itself (ms)", figures.checkCpuMs[s]],
            ["  CPU of the pack (ms)", figures.checkPackCpuMs[s]],
            ["  check CPU / pack CPU", figures.engineOverhead[s]],
            ["  peak RSS of check (MiB)", figures.checkRssMiB[s]],
            ["  peak RSS of the pack (MiB)", figures.checkPackRssMiB[s]],
        ]),
    ];
    log();
    log("median (min–max) over repetitions; pack/bare = ratio of medians, same run");
    log(`${"".padEnd(42)}${ids.map((id) => id.padEnd(width)).join("")}pack/bare`);
    for (const row of rows) {
        if (row.length === 1) { log(row[0]); continue; }
        const [label, fig] = row;
        const cells = ids.map((id) => fmt(fig?.[id]).padEnd(width)).join("");
        const r = ratio(fig?.pack?.median, fig?.bare?.median);
        log(`  ${label.padEnd(40)}${cells}${r === undefined ? "" : `${r.toFixed(2)}×`}`);
    }
    const slopeText = Object.entries(slopes).filter(([, v]) => v !== undefined).map(([id, v]) => `${id} ${v!.toFixed(2)}`).join(", ");
    if (slopeText) log(`  AnalyzeStack CPU growth, log-log slope over ${o.sizes.map(k).join(" / ")} resources (1 = linear): ${slopeText}`);
    const manyJ = figures.manyFilesWallMs[jobs];
    const manyOne = figures.manyFilesWallMs[1];
    const speedup = ratio(med(manyOne), med(manyJ));
    if (manyOne) log(`check over ${o.files[0]} exports of ${k(o.files[1])} resources (this pack): --jobs 1 ${fmt(manyOne)} ms, --jobs ${jobs} ${fmt(manyJ)} ms: ${speedup?.toFixed(2) ?? "—"}× faster`);
    // check's CPU without reading, parsing and encoding the requests, against its pack's: the floor of the ratio.
    const checkFloors: Record<number, { parseEncodeMs: number; checkCpuMs: number; ratio: number }> = {};
    for (const s of o.checkSizes) {
        const side = figures.checkInputCpuMs[s];
        const checkCpu = med(figures.checkCpuMs[s]?.pack);
        const packCpu = med(figures.checkPackCpuMs[s]?.pack);
        if (!side || checkCpu === undefined || packCpu === undefined) continue;
        const parseEncodeMs = side.encode.median - side.locate.median;
        const floor = (checkFloors[s] = { parseEncodeMs, checkCpuMs: checkCpu - parseEncodeMs, ratio: (checkCpu - parseEncodeMs) / packCpu });
        log(`check ${k(s)}: reading, parsing and encoding the requests cost check ${num(parseEncodeMs)} ms of CPU (its input side alone, no pack: ` +
            `locating ${fmt(side.locate)} ms, and encoding ${fmt(side.encode)} ms); without any of it, check would spend ${num(floor.checkCpuMs)} ms, ` +
            `${floor.ratio.toFixed(3)}× the pack's CPU`);
    }

    const r = (fig: PerPack<Summary> | undefined) => ratio(med(fig?.pack), med(fig?.bare));
    const targets: TargetResult[] = [];
    for (const s of o.checkSizes) {
        if (TARGETS.checkWallMs[s]) targets.push(target(`check ${k(s)}: wall ≤ ${TARGETS.checkWallMs[s] / 1000} s`, med(figures.checkWallMs[s]?.pack), TARGETS.checkWallMs[s], " ms"));
        targets.push(target(`check ${k(s)}: check CPU ≤ ${TARGETS.engineOverhead}× the pack's`, med(figures.engineOverhead[s]?.pack), TARGETS.engineOverhead, "×"));
    }
    const biggestCheck = Math.max(...o.checkSizes);
    targets.push(target(`check ${k(biggestCheck)}: peak RSS of check ≤ ${TARGETS.checkRssMiB} MiB`, med(figures.checkRssMiB[biggestCheck]?.pack), TARGETS.checkRssMiB, " MiB"));
    for (const s of o.sizes) {
        targets.push(target(`AnalyzeStack ${k(s)}: CPU ≤ ${TARGETS.analyzeStackCpuRatio}× bare`, r(figures.analyzeStackCpuMs[s]), TARGETS.analyzeStackCpuRatio, "×"));
        targets.push(target(`AnalyzeStack ${k(s)}: peak RSS ≤ ${TARGETS.analyzeStackRssRatio}× bare`, r(figures.analyzeStackRssMiB[s]), TARGETS.analyzeStackRssRatio, "×"));
    }
    targets.push(target(`AnalyzeStack growth: log-log slope ≤ ${TARGETS.analyzeStackSlope}`, slopes.pack, TARGETS.analyzeStackSlope, ""));
    targets.push(target(`Analyze: pack CPU per resource ≤ ${TARGETS.analyzeCpuRatio}× bare`, r(figures.cpuPerResourceMs), TARGETS.analyzeCpuRatio, "×"));
    targets.push(target(`buckets sharing a name ≤ ${TARGETS.sharedNameRatio}× unique names (CPU)`, ratio(med(figures.bucketsCpuMs.shared.pack), med(figures.bucketsCpuMs.unique.pack)), TARGETS.sharedNameRatio, "×"));
    targets.push(target(`boot, warm: ≤ ${TARGETS.bootRatio}× the bare JavaScript pack`, r(figures.bootWarmMs), TARGETS.bootRatio, "×"));
    const awsguardBoot = med(figures.bootWarmMs.awsguard);
    targets.push(awsguardBoot === undefined
        ? { name: "boot, warm: ahead of awsguard", limit: 1, unit: "×", status: "N/A", note: "awsguard not measured" }
        : target("boot, warm: ahead of awsguard (pack / awsguard)", ratio(med(figures.bootWarmMs.pack), awsguardBoot), 1, "×"));
    if (jobs > 1) {
        const t = target(`check over ${o.files[0]} files: --jobs ${jobs} ≥ ${TARGETS.manyFilesSpeedup}× faster than --jobs 1`, speedup === undefined ? undefined : 1 / speedup, 1 / TARGETS.manyFilesSpeedup, "");
        targets.push({ ...t, value: speedup, limit: TARGETS.manyFilesSpeedup, unit: "× faster", status: t.status });
    }
    log();
    log("targets (medians, ratios from this run)");
    for (const t of targets) log(`  ${t.status.padEnd(5)} ${t.name.padEnd(62)} ${t.note ?? `${num(t.value!)}${t.unit}`}`);
    const bootCpu = ratio(med(figures.bootWarmCpuMs.pack), med(figures.bootWarmCpuMs.bare));
    if (bootCpu !== undefined) log(`  info  warm boot CPU time pack/bare ${bootCpu.toFixed(2)}× (less sensitive to other load than wall time)`);

    const diagnostics: PerPack<{ total: number; byPolicy: Record<string, number>; internalErrors: number }> = {};
    for (const [id, rs] of Object.entries(perResource)) {
        const last = rs[rs.length - 1];
        const byPolicy: Record<string, number> = {};
        for (const d of last.diagnostics) byPolicy[d.policyName] = (byPolicy[d.policyName] ?? 0) + 1;
        diagnostics[id] = { total: last.diagnostics.length, byPolicy, internalErrors: last.diagnostics.filter((d) => d.message.includes("Internal error")).length };
    }
    const d = diagnostics.pack;
    if (d) {
        log();
        log(`this pack reported ${d.total} diagnostics on the ${k(o.mix)}-resource mix: ` + (Object.entries(d.byPolicy).map(([name, n]) => `${name} ${n}`).join(", ") || "none"));
        if (d.internalErrors) log(`  WARNING: ${d.internalErrors} "Internal error" diagnostics — a policy threw on the generated mix`);
    }
    for (const [id, why] of Object.entries(failed)) log(`  ${id}: ${why}`);
    if (profile) printProfile(profile);

    const result = {
        schema: 2,
        date: started.toISOString(),
        durationS: Math.round((Date.now() - started.getTime()) / 1000),
        quick: o.quick,
        machine: { ...machine, loadavgEnd: os.loadavg().map((v) => +v.toFixed(2)), speedMs: [speedStart, machineSpeedMs()] },
        options: { boots: o.boots, runs: o.runs, mix: o.mix, sizes: o.sizes, checkSizes: o.checkSizes, files: o.files, buckets: o.buckets, seed: o.seed, iamStatements: o.iamStatements },
        method: {
            boot: "spawn of @pulumi/pulumi/cmd/run-policy-pack (as the CLI does) until GetAnalyzerInfo answered, after Handshake, ConfigureStack, GetPluginInfo; cold = empty TS_NODE_CACHE_DIRECTORY; firstAnalyze = Remediate + Analyze of the root stack resource right after",
            analyze: "one pack process per pack kept for all runs; per resource Remediate then Analyze, one after the other, requests encoded beforehand; CPU = pack-process CPU over the whole phase",
            analyzeStack: "a fresh pack process per run: opening calls, then one AnalyzeStack of a stack export's outputs (request encoded beforehand); CPU and VmHWM of that process",
            check: "the built check (dist/cli/check.js) through bench/check-child.ts: wall time; CPU (process.cpuUsage) and peak RSS (VmHWM) of check; CPU and VmHWM of its pack process read just before check stops it",
            checkInput: "check's input side alone, no pack (bench/input-child.ts): locate = scan the export; encode = also read, parse and encode every request; checkFloors = check CPU minus (encode - locate), against the pack's CPU",
            cpu: "utime + stime of the pack process from /proc/<pid>/stat (10 ms resolution)",
        },
        packs: packs.map((p) => ({ id: p.id, description: p.description, policies: cold[p.id]?.[0]?.policies })),
        awsguardVersion,
        skipped,
        failed,
        exports: Object.fromEntries([...exports].map(([s, e]) => [s, { bytes: e.bytes }])),
        figures,
        slopes,
        checkFloors,
        manyFiles: { files: o.files[0], resources: o.files[1], jobs, speedup },
        targets,
        diagnostics,
        profile,
    };
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, JSON.stringify(result, null, 2) + "\n");
    log();
    log(`wrote ${path.relative(process.cwd(), o.out) || o.out} (${result.durationS} s)`);
    if (!o.keep) fs.rmSync(work, { recursive: true, force: true });
    else log(`kept ${work}`);
}

interface TargetResult {
    name: string;
    value?: number;
    limit: number;
    unit: string;
    status: "PASS" | "MISS" | "N/A";
    note?: string;
}

function target(name: string, value: number | undefined, limit: number, unit: string): TargetResult {
    if (value === undefined || Number.isNaN(value)) return { name, limit, unit, status: "N/A", note: "not measured" };
    return { name, value: +value.toFixed(3), limit, unit, status: value <= limit ? "PASS" : "MISS" };
}

/** V8 profiles of the per-resource phase and of the largest AnalyzeStack: where the CPU goes. */
async function profileRuns(packs: PackSpec[], work: string, mix: EncodedStack, exportFile: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const big = encodeStack(openInputFile(exportFile).resources, false);
    for (const p of packs) {
        for (const phase of ["per-resource", "AnalyzeStack"] as const) {
            const file = path.join(work, `${p.id}-${phase}.cpuprofile`);
            const preload = writeProfilerPreload(work, file, true);
            const pack = await PackProcess.boot(bootOptions(p.dir, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim() }));
            const cpu0 = readCpuMs(pack.pid);
            try {
                process.kill(pack.pid!, "SIGUSR2");
                await new Promise((resolve) => setTimeout(resolve, 200));
                if (phase === "per-resource") await perResourceRun(pack, mix);
                else await pack.analyzeStackRequest(big.stack);
                out[`${p.id} ${phase}`] = { cpuMs: (readCpuMs(pack.pid) ?? NaN) - (cpu0 ?? NaN) };
            } finally {
                await pack.close();
            }
            const key = `${p.id} ${phase}`;
            if (!fs.existsSync(file)) { out[key] = { error: "no profile written" }; continue; }
            const summary = summarizeProfile(file, p.dir);
            out[key] = { ...(out[key] as object), profiledMs: +summary.totalMs.toFixed(0), top: summary.buckets.slice(0, 14).map((b) => ({ name: b.name, selfMs: +b.selfMs.toFixed(0) })) };
            progress(`profiled ${phase} of ${p.id}`);
        }
    }
    return out;
}

function printProfile(profile: Record<string, unknown>): void {
    log();
    log("where the CPU time goes (V8 profiler, self time by package or pack file; profiled runs are slower than unprofiled ones):");
    for (const [key, v] of Object.entries(profile)) {
        const e = v as { top?: { name: string; selfMs: number }[]; error?: string };
        log(`  ${key}${e.error ? ` — ${e.error}` : ""}`);
        for (const b of e.top ?? []) log(`      ${String(b.selfMs).padStart(6)} ms  ${b.name}`);
    }
}

main().catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
});
