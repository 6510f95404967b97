// `npm run bench [-- --quick] [-- --out file.json] [-- --profile]` (`-- --help` for all options)
//
// Measures, in one run and side by side, this pack, a bare pack with the same dependencies
// and no policies, this pack precompiled to JavaScript, and (if it installs) the published
// @pulumi/awsguard pack, all booted as the Pulumi CLI boots them (cli/engine): boot to
// ready cold and warm, Analyze latency per resource over a realistic mix, AnalyzeStack with
// 1,000 and 10,000 resources, and the pack process's peak RSS. See docs/benchmark.md.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EngineResource } from "../cli/engine/model";
import { PackProcess } from "../cli/engine/pack-process";
import { parseInput } from "../cli/inputs";
import { generateStack, typeHistogram } from "./generate";
import { bootOnce, BootSample, bootOptions, readMemory, StackRun, stackRun, TimedPack } from "./measure";
import { awsguardPeer, CACHE_ROOT, createBarePack, createCompiledPack, PackSpec, REPO_DIR, thisPack } from "./packs";
import { summarizeProfile, writeProfilerPreload } from "./profile";
import { fmt, num, percentiles, ratio, Summary, summarize } from "./stats";

interface Options {
    quick: boolean;
    out: string;
    boots: number;
    runs: number;
    sizes: number[];
    awsguard: boolean;
    js: boolean;
    profile: boolean;
    seed: number;
    /** Statements per standalone IAM policy: [min, max]. */
    iamStatements: [number, number];
    keep: boolean;
}

const TARGETS = {
    bootRatio: 1.1,
    analyzeP95Ms: 2,
    analyzeStack10kMs: 1000,
    rssRatio: 1.2,
};

function parseArgs(argv: string[]): Options {
    const o: Options = {
        quick: false, out: path.join(REPO_DIR, "bench", "results", "latest.json"), boots: 5, runs: 3,
        sizes: [1000, 10000], awsguard: true, js: true, profile: false, seed: 1, iamStatements: [100, 300], keep: false,
    };
    let bootsSet = false;
    let runsSet = false;
    let awsguard: boolean | undefined;
    let js: boolean | undefined;
    let outSet = false;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined) usage(`${a} needs a value`);
            return v;
        };
        const int = (v: string) => {
            const n = Number(v);
            if (!Number.isInteger(n) || n < 1) usage(`${a} needs a positive integer`);
            return n;
        };
        if (a === "--quick") o.quick = true;
        else if (a === "--out") { o.out = path.resolve(value()); outSet = true; }
        else if (a === "--boots") { o.boots = int(value()); bootsSet = true; }
        else if (a === "--runs") { o.runs = int(value()); runsSet = true; }
        else if (a === "--awsguard" || a === "--no-awsguard") awsguard = a === "--awsguard";
        else if (a === "--js" || a === "--no-js") js = a === "--js";
        else if (a === "--profile") o.profile = true;
        else if (a === "--seed") o.seed = int(value());
        else if (a === "--iam-statements") {
            const [min, max] = value().split(",").map(int);
            if (max === undefined || max < min) usage("--iam-statements needs MIN,MAX");
            o.iamStatements = [min, max];
        }
        else if (a === "--keep") o.keep = true;
        else if (a === "--help" || a === "-h") usage();
        else usage(`unknown option ${a}`);
    }
    if (o.quick) {
        if (!bootsSet) o.boots = 2;
        if (!runsSet) o.runs = 2;
        o.sizes = [1000];
        // Never overwrite the full run's figures that docs/benchmark.md quotes.
        if (!outSet) o.out = path.join(REPO_DIR, "bench", "results", "quick.json");
    }
    // The peers are side information: a quick run compares this pack with the bare one only.
    o.awsguard = awsguard ?? !o.quick;
    o.js = js ?? !o.quick;
    return o;
}

function usage(error?: string): never {
    const text = [
        "usage: npm run bench -- [--quick] [--out file.json] [--boots N] [--runs N] [--[no-]awsguard] [--[no-]js] [--profile]\n                          [--iam-statements MIN,MAX] [--seed N] [--keep]",
        "  --quick        this pack and the bare one only, 2 boots and 2 stack runs each, 1,000-resource stack only (1–2 minutes)",
        "  --out          result file (default bench/results/latest.json; with --quick, bench/results/quick.json)",
        "  --boots N      cold and warm boots per pack (default 5)",
        "  --runs N       stack runs per pack (default 3)",
        "  --[no-]awsguard  measure the published @pulumi/awsguard pack too (installed once into a temp cache; default: on, off with --quick)",
        "  --[no-]js      measure the boot of this pack precompiled to JavaScript too (default: on, off with --quick)",
        "  --profile      also profile (V8) a cold and a warm boot and the largest AnalyzeStack of this pack and the bare one",
        "  --iam-statements MIN,MAX  statements per standalone IAM policy document (default 100,300; AWS's 6,144-character",
        "                 managed-policy limit allows about 30)",
        "  --seed N       generator seed (default 1)",
        "  --keep         keep the temp dir (bare pack, ts-node caches, profiles)",
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

type PerPack<T> = Record<string, T>;

interface Figures {
    bootColdMs: PerPack<Summary>;
    bootWarmMs: PerPack<Summary>;
    bootColdCpuMs: PerPack<Summary>;
    bootWarmCpuMs: PerPack<Summary>;
    portColdMs: PerPack<Summary>;
    portWarmMs: PerPack<Summary>;
    firstAnalyzeColdMs: PerPack<Summary>;
    firstAnalyzeWarmMs: PerPack<Summary>;
    bootColdRssMiB: PerPack<Summary>;
    bootWarmRssMiB: PerPack<Summary>;
    analyzeP50Ms: PerPack<Summary>;
    analyzeP95Ms: PerPack<Summary>;
    analyzeP99Ms: PerPack<Summary>;
    /** p95 over resources of each resource's best time over the runs: robust to other load on the machine. */
    analyzeBestP95Ms: PerPack<Summary>;
    remediateP95Ms: PerPack<Summary>;
    /** Pack-process CPU per resource (Remediate + Analyze), mean over the mix. */
    cpuPerResourceMs: PerPack<Summary>;
    analyzeStackMs: Record<string, PerPack<Summary>>;
    analyzeStackCallMs: Record<string, PerPack<Summary>>;
    analyzeStackCpuMs: Record<string, PerPack<Summary>>;
    peakRssMiB: PerPack<Summary>;
}

async function main(): Promise<void> {
    const o = parseArgs(process.argv.slice(2));
    const started = new Date();
    fs.mkdirSync(CACHE_ROOT, { recursive: true });
    const work = fs.mkdtempSync(path.join(CACHE_ROOT, "run-"));
    const machine = {
        cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
        node: process.version, platform: `${os.platform()} ${os.release()}`, loadavgStart: os.loadavg().map((v) => +v.toFixed(2)),
    };
    log(`aws-security-baseline benchmark — ${started.toISOString()}${o.quick ? " (quick)" : ""}`);
    log(`machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memGiB} GiB, node ${machine.node}, load average ${machine.loadavgStart.join(" ")}`);

    const packs: PackSpec[] = [thisPack(), createBarePack(work)];
    const skipped: Record<string, string> = {};
    if (o.js) {
        const js = createCompiledPack(work);
        if ("skipped" in js) skipped["pack-js"] = js.skipped; else packs.push(js);
    } else skipped["pack-js"] = o.quick ? "not in --quick (add --js)" : "--no-js";
    let awsguardVersion: string | undefined;
    if (o.awsguard) {
        const peer = awsguardPeer(progress);
        if (peer.pack) { packs.push(peer.pack); awsguardVersion = peer.version; } else skipped.awsguard = peer.skipped ?? "unknown reason";
    } else skipped.awsguard = o.quick ? "not in --quick (add --awsguard)" : "--no-awsguard";
    for (const p of packs) log(`  ${p.id.padEnd(9)}${p.description}`);
    for (const [id, why] of Object.entries(skipped)) log(`  ${id.padEnd(9)}SKIPPED: ${why}`);

    // The mix, in the fixture format, loaded as `check` and the tests load it.
    const mixes = new Map<number, EngineResource[]>();
    const mixInfo: Record<string, { resources: number; fixtureBytes: number; types: Record<string, number> }> = {};
    for (const size of o.sizes) {
        const stack = generateStack(size, { seed: o.seed, iamPolicyStatements: o.iamStatements });
        const json = JSON.stringify(stack);
        mixes.set(size, parseInput(JSON.parse(json), `generated ${size}`, {}).resources);
        mixInfo[size] = { resources: size, fixtureBytes: json.length, types: typeHistogram(stack) };
    }
    const small = o.sizes[0];
    const mixSmall = mixes.get(small)!;
    const rootStack = mixSmall.find((r) => r.type === "pulumi:pulumi:Stack");
    log(`mix: ${o.sizes.map((s) => `${s.toLocaleString("en-US")} resources (${(mixInfo[s].fixtureBytes / 1e6).toFixed(1)} MB of fixture JSON)`).join(", ")}, ` +
        `${Object.keys(mixInfo[small].types).length} resource types, plus the root stack and the aws provider`);
    log(`standalone IAM policies carry ${o.iamStatements[0]}–${o.iamStatements[1]} statements; repetitions: ${o.boots} cold + ${o.boots} warm boots per pack, ${o.runs} stack runs per pack`);
    log();

    // ---------------------------------------------------------------- boot
    // Interleaved (pack, bare, ... then again) so that drift in machine load hits every pack alike.
    const cold: PerPack<BootSample[]> = {};
    const warm: PerPack<BootSample[]> = {};
    const warmCache: PerPack<string> = {};
    const failed: PerPack<string> = {};
    const alive = () => packs.filter((p) => !failed[p.id]);
    const failure = (e: any) => String(e?.message ?? e).split("\n").slice(0, 4).join(" ").slice(0, 400);
    for (let i = 0; i < o.boots; i++) {
        for (const p of alive()) {
            // A fresh ts-node cache dir: index.ts and everything it imports is compiled and type-checked.
            const cacheDir = fs.mkdtempSync(path.join(work, `tsnode-${p.id}-`));
            try {
                const s = await bootOnce(p.dir, { TS_NODE_CACHE_DIRECTORY: cacheDir }, rootStack);
                (cold[p.id] ??= []).push(s);
                progress(`cold boot ${i + 1}/${o.boots} ${p.id}: ready in ${num(s.readyMs)} ms (CPU ${num(s.cpuMs ?? NaN)} ms)`);
                if (warmCache[p.id]) fs.rmSync(warmCache[p.id], { recursive: true, force: true });
                warmCache[p.id] = cacheDir;
            } catch (e) {
                failed[p.id] = `boot failed: ${failure(e)}`;
                progress(`${p.id}: ${failed[p.id]}`);
            }
        }
    }
    for (let i = 0; i < o.boots; i++) {
        for (const p of alive()) {
            try {
                const s = await bootOnce(p.dir, { TS_NODE_CACHE_DIRECTORY: warmCache[p.id] }, rootStack);
                (warm[p.id] ??= []).push(s);
                progress(`warm boot ${i + 1}/${o.boots} ${p.id}: ready in ${num(s.readyMs)} ms (CPU ${num(s.cpuMs ?? NaN)} ms)`);
            } catch (e) {
                failed[p.id] = `boot failed: ${failure(e)}`;
                progress(`${p.id}: ${failed[p.id]}`);
            }
        }
    }

    // ---------------------------------------------------------------- workload
    // One process per pack (a warm boot), kept for all runs, like one long `pulumi preview`.
    const runs: PerPack<StackRun[]> = {};
    const bigRuns: PerPack<Record<number, StackRun[]>> = {};
    const peak: PerPack<number[]> = {};
    const booted = new Map<string, TimedPack>();
    const working = () => alive().filter((p) => p.workload && booted.has(p.id));
    for (const p of alive().filter((x) => x.workload)) {
        try {
            booted.set(p.id, new TimedPack(await PackProcess.boot(bootOptions(p.dir, { TS_NODE_CACHE_DIRECTORY: warmCache[p.id] }))));
        } catch (e) {
            failed[p.id] = `boot failed: ${failure(e)}`;
        }
    }
    try {
        for (let i = 0; i < o.runs; i++) {
            for (const p of working()) {
                const t = booted.get(p.id)!;
                try {
                    const r = await stackRun(t, mixSmall, true);
                    (runs[p.id] ??= []).push(r);
                    const pr = percentiles(r.perResource!.map((x) => x.analyzeMs));
                    progress(`stack run ${i + 1}/${o.runs} ${p.id}: ${small} resources, Analyze p95 ${num(pr.p95)} ms, AnalyzeStack ${num(r.analyzeStackRpcMs)} ms`);
                    for (const size of o.sizes.slice(1)) {
                        const big = await stackRun(t, mixes.get(size)!, false);
                        ((bigRuns[p.id] ??= {})[size] ??= []).push(big);
                        progress(`stack run ${i + 1}/${o.runs} ${p.id}: AnalyzeStack ${size} resources ${num(big.analyzeStackRpcMs)} ms`);
                    }
                } catch (e) {
                    failed[p.id] = `analysis failed: ${failure(e)}`;
                    progress(`${p.id}: ${failed[p.id]}`);
                }
            }
        }
        for (const [id, t] of booted) {
            const m = readMemory(t.pack.pid);
            if (m.hwmKiB && !failed[id]) (peak[id] ??= []).push(m.hwmKiB / 1024);
        }
    } finally {
        for (const t of booted.values()) await t.pack.close();
    }

    // ---------------------------------------------------------------- profile (optional)
    let profile: Record<string, unknown> | undefined;
    if (o.profile) {
        const profiled = packs.filter((p) => cold[p.id] && (p.id === "pack" || p.id === "bare"));
        profile = {
            ...(await profileBoots(profiled, work)),
            ...(await profileStackRun(profiled, work, mixes.get(o.sizes[o.sizes.length - 1])!, warmCache)),
        };
    }

    // ---------------------------------------------------------------- figures
    const per = <T>(src: PerPack<T[]>, f: (x: T) => number | undefined): PerPack<Summary> =>
        Object.fromEntries(Object.entries(src)
            .map(([id, xs]): [string, number[]] => [id, xs.map(f).filter((v): v is number => v !== undefined && !Number.isNaN(v))])
            .filter(([, xs]) => xs.length > 0)
            .map(([id, xs]) => [id, summarize(xs)]));
    const analyzePct = (r: StackRun) => percentiles(r.perResource!.map((x) => x.analyzeMs));
    const mib = (kib?: number) => (kib === undefined ? undefined : kib / 1024);
    const figures: Figures = {
        bootColdMs: per(cold, (s) => s.readyMs),
        bootWarmMs: per(warm, (s) => s.readyMs),
        bootColdCpuMs: per(cold, (s) => s.cpuMs),
        bootWarmCpuMs: per(warm, (s) => s.cpuMs),
        portColdMs: per(cold, (s) => s.portMs),
        portWarmMs: per(warm, (s) => s.portMs),
        firstAnalyzeColdMs: per(cold, (s) => s.firstAnalyzeMs),
        firstAnalyzeWarmMs: per(warm, (s) => s.firstAnalyzeMs),
        bootColdRssMiB: per(cold, (s) => mib(s.hwmKiB)),
        bootWarmRssMiB: per(warm, (s) => mib(s.hwmKiB)),
        analyzeP50Ms: per(runs, (r) => analyzePct(r).p50),
        analyzeP95Ms: per(runs, (r) => analyzePct(r).p95),
        analyzeP99Ms: per(runs, (r) => analyzePct(r).p99),
        analyzeBestP95Ms: Object.fromEntries(Object.entries(runs).map(([id, rs]) => [id, summarize([percentiles(bestOf(rs)).p95])])),
        remediateP95Ms: per(runs, (r) => percentiles(r.perResource!.map((x) => x.remediateMs)).p95),
        cpuPerResourceMs: per(runs, (r) => (r.perResourceCpuMs === undefined ? undefined : r.perResourceCpuMs / r.resources)),
        analyzeStackMs: { [small]: per(runs, (r) => r.analyzeStackRpcMs) },
        analyzeStackCallMs: { [small]: per(runs, (r) => r.analyzeStackCallMs) },
        analyzeStackCpuMs: { [small]: per(runs, (r) => r.analyzeStackCpuMs) },
        peakRssMiB: per(peak, (v) => v),
    };
    for (const size of o.sizes.slice(1)) {
        const src = Object.fromEntries(Object.entries(bigRuns).map(([id, m]) => [id, m[size] ?? []]));
        figures.analyzeStackMs[size] = per(src, (r) => r.analyzeStackRpcMs);
        figures.analyzeStackCallMs[size] = per(src, (r) => r.analyzeStackCallMs);
        figures.analyzeStackCpuMs[size] = per(src, (r) => r.analyzeStackCpuMs);
    }

    // What the policies add per resource: best-of-runs pack minus best-of-runs bare, same resource.
    let added: { p50: number; p95: number; p99: number } | undefined;
    if (runs.pack && runs.bare) {
        const p = bestOf(runs.pack);
        const b = bestOf(runs.bare);
        const pc = percentiles(p.map((v, i) => v - b[i]));
        added = { p50: +pc.p50.toFixed(3), p95: +pc.p95.toFixed(3), p99: +pc.p99.toFixed(3) };
    }

    // Per-type latency (best of runs) for this pack and the bare pack: where the time goes.
    const perType: PerPack<Record<string, { n: number; p50: number; p95: number }>> = {};
    for (const id of ["pack", "bare"]) {
        if (!runs[id]) continue;
        const best = bestOf(runs[id]);
        const byType = new Map<string, number[]>();
        runs[id][0].perResource!.forEach((t, i) => (byType.get(t.type) ?? byType.set(t.type, []).get(t.type)!).push(best[i]));
        perType[id] = Object.fromEntries([...byType]
            .map(([type, xs]): [string, { n: number; p50: number; p95: number }] => {
                const q = percentiles(xs);
                return [type, { n: xs.length, p50: +q.p50.toFixed(3), p95: +q.p95.toFixed(3) }];
            })
            .sort((a, b) => b[1].p95 - a[1].p95));
    }

    // What the pack found in the mix: proof it did the work (and never failed on it).
    const diagnostics: PerPack<{ total: number; byPolicy: Record<string, number>; internalErrors: number }> = {};
    for (const [id, rs] of Object.entries(runs)) {
        const last = rs[rs.length - 1];
        const byPolicy: Record<string, number> = {};
        for (const d of last.diagnostics) byPolicy[d.policyName] = (byPolicy[d.policyName] ?? 0) + 1;
        diagnostics[id] = { total: last.diagnostics.length, byPolicy, internalErrors: last.diagnostics.filter((d) => d.message.includes("Internal error")).length };
    }

    // ---------------------------------------------------------------- report
    const ids = packs.map((p) => p.id).filter((id) => cold[id]);
    const width = 26;
    type Row = [string, PerPack<Summary> | undefined] | [string];
    const rows: Row[] = [
        ["boot"],
        ["boot to ready, cold (ms)", figures.bootColdMs],
        ["  CPU time of the pack process (ms)", figures.bootColdCpuMs],
        ["  of which until port printed (ms)", figures.portColdMs],
        ["  then first Analyze, root stack (ms)", figures.firstAnalyzeColdMs],
        ["boot to ready, warm (ms)", figures.bootWarmMs],
        ["  CPU time of the pack process (ms)", figures.bootWarmCpuMs],
        ["  of which until port printed (ms)", figures.portWarmMs],
        ["  then first Analyze, root stack (ms)", figures.firstAnalyzeWarmMs],
        ["RSS peak after cold boot (MiB)", figures.bootColdRssMiB],
        ["RSS peak after warm boot (MiB)", figures.bootWarmRssMiB],
        [`per resource (${small.toLocaleString("en-US")}-resource mix, Analyze RPC)`],
        ["Analyze p50 (ms)", figures.analyzeP50Ms],
        ["Analyze p95 (ms)", figures.analyzeP95Ms],
        ["Analyze p99 (ms)", figures.analyzeP99Ms],
        ["Analyze p95, best of runs (ms)", figures.analyzeBestP95Ms],
        ["Remediate p95 (ms)", figures.remediateP95Ms],
        ["pack CPU per resource, mean (ms)", figures.cpuPerResourceMs],
        ["stack"],
        ...o.sizes.flatMap((s): Row[] => [
            [`AnalyzeStack ${s.toLocaleString("en-US")} resources (ms)`, figures.analyzeStackMs[s]],
            ["  CPU time of the pack process (ms)", figures.analyzeStackCpuMs[s]],
            ["  incl. harness request building (ms)", figures.analyzeStackCallMs[s]],
        ]),
        ["RSS peak after the stack runs (MiB)", figures.peakRssMiB],
    ];
    log();
    log("median (min–max) over repetitions; pack/bare = ratio of medians, same run");
    log(`${"".padEnd(40)}${ids.map((id) => id.padEnd(width)).join("")}pack/bare`);
    for (const row of rows) {
        if (row.length === 1) { log(row[0]); continue; }
        const [label, fig] = row;
        const cells = ids.map((id) => fmt(fig?.[id]).padEnd(width)).join("");
        const r = ratio(fig?.pack?.median, fig?.bare?.median);
        log(`  ${label.padEnd(38)}${cells}${r === undefined ? "" : `${r.toFixed(2)}×`}`);
    }
    if (added) log(`  added by the policies per resource (best-of-runs pack − bare): p50 ${num(added.p50)} ms, p95 ${num(added.p95)} ms, p99 ${num(added.p99)} ms`);

    const big = o.sizes.includes(10000) ? 10000 : undefined;
    const targets = [
        target("boot to ready, cold ≤ 1.10× bare", ratio(figures.bootColdMs.pack?.median, figures.bootColdMs.bare?.median), TARGETS.bootRatio, "×"),
        target("boot to ready, warm ≤ 1.10× bare", ratio(figures.bootWarmMs.pack?.median, figures.bootWarmMs.bare?.median), TARGETS.bootRatio, "×"),
        target("Analyze p95 ≤ 2 ms", figures.analyzeP95Ms.pack?.median, TARGETS.analyzeP95Ms, " ms"),
        target("AnalyzeStack 10,000 resources ≤ 1 s", big ? figures.analyzeStackMs[big]?.pack?.median : undefined, TARGETS.analyzeStack10kMs, " ms",
            big ? undefined : "not measured (--quick: 1,000 resources only)"),
        target("peak RSS ≤ 1.2× bare", ratio(figures.peakRssMiB.pack?.median, figures.peakRssMiB.bare?.median), TARGETS.rssRatio, "×"),
    ];
    const context: string[] = [];
    const bareBootCpu = ratio(figures.bootColdCpuMs.pack?.median, figures.bootColdCpuMs.bare?.median);
    if (bareBootCpu !== undefined) context.push(`cold boot CPU time pack/bare ${bareBootCpu.toFixed(2)}×, warm ${ratio(figures.bootWarmCpuMs.pack?.median, figures.bootWarmCpuMs.bare?.median)?.toFixed(2)}× (less sensitive to other load than wall time)`);
    if (figures.bootColdMs["pack-js"]) context.push(`precompiled JS: cold boot ${ratio(figures.bootColdMs["pack-js"].median, figures.bootColdMs.bare?.median)?.toFixed(2)}× bare, warm ${ratio(figures.bootWarmMs["pack-js"]?.median, figures.bootWarmMs.bare?.median)?.toFixed(2)}× bare`);
    if (figures.analyzeP95Ms.bare) context.push(`the bare pack's own Analyze p95 is ${num(figures.analyzeP95Ms.bare.median)} ms: the gRPC/protobuf cost of the mix's large documents, paid by any Node.js pack`);
    if (added) context.push(`the policies add ${num(added.p95)} ms at p95 per resource over the bare pack (best of runs)`);
    if (big && figures.analyzeStackMs[big]?.bare) context.push(`the bare pack's AnalyzeStack ${big.toLocaleString("en-US")} takes ${num(figures.analyzeStackMs[big].bare.median)} ms`);
    log();
    log("targets (median of repetitions)");
    for (const t of targets) log(`  ${t.status.padEnd(5)} ${t.name.padEnd(40)} ${t.note ?? `${num(t.value!)}${t.unit}`}`);
    for (const c of context) log(`  info  ${c}`);

    log();
    log(`slowest resource types for this pack (Analyze p95 ms, best of runs, pack vs bare):`);
    for (const [type, v] of Object.entries(perType.pack ?? {}).slice(0, 8)) {
        const b = perType.bare?.[type];
        log(`  ${type.length > 70 ? `${type.slice(0, 67)}...` : type.padEnd(70)} ${num(v.p95).padStart(7)}  bare ${b ? num(b.p95) : "—"}`);
    }
    const d = diagnostics.pack;
    if (d) {
        log();
        log(`this pack reported ${d.total} diagnostics on the ${small.toLocaleString("en-US")}-resource mix: ` +
            (Object.entries(d.byPolicy).map(([k, v]) => `${k} ${v}`).join(", ") || "none"));
        if (d.internalErrors) log(`  WARNING: ${d.internalErrors} "Internal error" diagnostics — a policy threw on the generated mix`);
    }
    for (const [id, why] of Object.entries(failed)) log(`  ${id}: ${why}`);
    if (profile) printProfile(profile);

    const result = {
        schema: 1,
        date: started.toISOString(),
        durationS: Math.round((Date.now() - started.getTime()) / 1000),
        quick: o.quick,
        machine: { ...machine, loadavgEnd: os.loadavg().map((v) => +v.toFixed(2)) },
        options: { boots: o.boots, runs: o.runs, sizes: o.sizes, seed: o.seed, iamStatements: o.iamStatements },
        method: {
            boot: "spawn of @pulumi/pulumi/cmd/run-policy-pack (as the CLI does) until GetAnalyzerInfo answered, after Handshake, ConfigureStack, GetPluginInfo; " +
                "cold = empty TS_NODE_CACHE_DIRECTORY (ts-node compiles and type-checks index.ts and its imports), warm = the cache the cold boot filled; " +
                "firstAnalyze = Remediate + Analyze of the root stack resource right after",
            analyze: "RPC time of Analyze per resource (request already built and encoded), one pack process, the CLI's order (Remediate then Analyze per resource, then AnalyzeStack)",
            analyzeStack: "RPC time of AnalyzeStack with the whole mix (outputs), request already built and encoded; analyzeStackCallMs adds the harness's JS request building and encoding",
            cpu: "utime + stime of the pack process from /proc/<pid>/stat (10 ms resolution)",
            rss: "VmHWM of the pack process from /proc/<pid>/status",
        },
        packs: packs.map((p) => ({ id: p.id, description: p.description, policies: cold[p.id]?.[0]?.policies })),
        awsguardVersion,
        skipped,
        failed,
        mix: mixInfo,
        figures,
        addedPerResourceMs: added,
        targets,
        perType,
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

/** Each resource's best Analyze time over the runs (same mix, same order in every run). */
function bestOf(runs: StackRun[]): number[] {
    const n = runs[0].perResource!.length;
    return Array.from({ length: n }, (_, i) => Math.min(...runs.map((r) => r.perResource![i].analyzeMs)));
}

interface TargetResult {
    name: string;
    value?: number;
    limit: number;
    unit: string;
    status: "PASS" | "MISS" | "N/A";
    note?: string;
}

function target(name: string, value: number | undefined, limit: number, unit: string, note?: string): TargetResult {
    if (value === undefined || Number.isNaN(value)) return { name, limit, unit, status: "N/A", note: note ?? "not measured" };
    return { name, value: +value.toFixed(3), limit, unit, status: value <= limit ? "PASS" : "MISS" };
}

async function profileBoots(packs: PackSpec[], work: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const p of packs) {
        const cacheDir = fs.mkdtempSync(path.join(work, `prof-cache-${p.id}-`));
        for (const kind of ["cold", "warm"] as const) {
            const file = path.join(work, `${p.id}-${kind}.cpuprofile`);
            const preload = writeProfilerPreload(work, file);
            const s = await bootOnce(p.dir, {
                TS_NODE_CACHE_DIRECTORY: cacheDir,
                NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim(),
            });
            if (!fs.existsSync(file)) { out[`${p.id} ${kind}`] = { readyMs: +s.readyMs.toFixed(0), error: "no profile written" }; continue; }
            const summary = summarizeProfile(file, p.dir);
            out[`${p.id} ${kind}`] = { readyMs: +s.readyMs.toFixed(0), profiledMs: +summary.totalMs.toFixed(0), top: summary.buckets.slice(0, 12).map((b) => ({ name: b.name, selfMs: +b.selfMs.toFixed(0) })) };
            progress(`profiled ${kind} boot of ${p.id}`);
        }
    }
    return out;
}

/** One process per pack under the profiler: AnalyzeStack of the largest mix, where the time goes. */
async function profileStackRun(packs: PackSpec[], work: string, resources: EngineResource[], caches: PerPack<string>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const p of packs) {
        const file = path.join(work, `${p.id}-stack.cpuprofile`);
        const preload = writeProfilerPreload(work, file, true);
        const pack = new TimedPack(await PackProcess.boot(bootOptions(p.dir, {
            TS_NODE_CACHE_DIRECTORY: caches[p.id],
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim(),
        })));
        let r: StackRun;
        try {
            process.kill(pack.pack.pid!, "SIGUSR2");
            await new Promise((resolve) => setTimeout(resolve, 200));
            r = await stackRun(pack, resources, false);
        } finally {
            await pack.pack.close();
        }
        const key = `${p.id} AnalyzeStack ${resources.length - 2}`;
        if (!fs.existsSync(file)) { out[key] = { readyMs: 0, error: "no profile written" }; continue; }
        const summary = summarizeProfile(file, p.dir);
        out[key] = { readyMs: +r.analyzeStackRpcMs.toFixed(0), profiledMs: +summary.totalMs.toFixed(0), top: summary.buckets.slice(0, 14).map((b) => ({ name: b.name, selfMs: +b.selfMs.toFixed(0) })) };
        progress(`profiled AnalyzeStack of ${p.id}`);
    }
    return out;
}

function printProfile(profile: Record<string, unknown>): void {
    log();
    log("where the CPU time goes (V8 profiler, self time by package or pack file; profiled runs are slower than unprofiled ones):");
    for (const [key, v] of Object.entries(profile)) {
        const e = v as { readyMs: number; profiledMs?: number; top?: { name: string; selfMs: number }[]; error?: string };
        log(`  ${key}: ${key.includes("AnalyzeStack") ? "RPC" : "ready"} in ${e.readyMs} ms${e.error ? ` — ${e.error}` : ""}`);
        for (const b of e.top ?? []) log(`      ${String(b.selfMs).padStart(6)} ms  ${b.name}`);
    }
}

main().catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
});
