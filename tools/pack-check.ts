// `npm run pack:check`: the published pack as an org's machines get it. Packs publish/ as
// `pulumi policy publish` does, installs the tarball as the Pulumi CLI installs an enabled
// pack (extract into an empty directory, then `npm install --loglevel=error`, plus
// `--production` when PulumiPolicy.yaml asks: pulumi/pulumi pkg/backend/httpstate/policypack.go
// installRequiredPolicy, sdk/nodejs/npm), boots it as the CLI boots a pack and runs the
// demo stacks through the engine path. Prints tarball size, installed size, install time and
// boot time next to the figures recorded for the main branch before this change
// (bench/results/pack-baseline.json), and fails when a target is missed.
//
//   npm run pack:check [-- --bundle] [--cold] [--npm <npm-cli.js>] [--tarball <tgz>] [--record <file>] [--keep]
//
// --tarball measures a given tarball (how the baseline was measured); --cold installs with an
// empty npm cache; --npm installs with another npm (e.g. npm 12); --record writes the figures;
// --keep keeps the installed pack.
import { execFileSync, spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { parseArgs } from "util";
import { PackProcess } from "../cli/engine/pack-process";
import { POLICIES } from "../policies";
import { checkStack } from "../testing";
import { REPO_DIR } from "./examples";
import { cliEnv, LIFECYCLE_SCRIPTS, npmCommand, npmPack, stagePublish } from "./publish";

/** Sizes in MB are du's: 2^20 bytes of allocated blocks. */
const MB = 1024 * 1024;
export const TARGETS = { installedMB: 120 } as const;
/** Boots measured; the best is reported (the machine's load only ever adds time). */
const BOOTS = 3;
export const BASELINE_FILE = path.join(REPO_DIR, "bench/results/pack-baseline.json");

export interface Installed {
    /** The installed pack, named as the CLI names it (pulumi-analyzer-<name>-v<version>). */
    dir: string;
    /** The npm command line, as the CLI runs it. */
    command: string[];
    installMs: number;
    /** npm's output: with --loglevel=error, a lifecycle script shows here. */
    output: string;
    /** Files of the package (outside node_modules) that the install created or rewrote: a build ran. */
    changedFiles: string[];
    /** Lifecycle scripts the package declares. */
    scripts: string[];
}

export interface InstallOptions {
    /** Directory to create the pack directory in (default: a new temporary one). */
    parent?: string;
    /** npm's CLI script to run instead of the `npm` on PATH (e.g. npm 12's bin/npm-cli.js). */
    npmCli?: string;
    /** Extra npm arguments (the tests add --prefer-offline). */
    npmArgs?: string[];
    /** An npm cache directory (an empty one measures a cold install). */
    cache?: string;
}

/** Extracts the tarball into an empty directory and installs it as the Pulumi CLI installs an enabled pack. */
export async function installLikeCli(tarball: string, options: InstallOptions = {}): Promise<Installed> {
    const parent = options.parent ?? fs.mkdtempSync(path.join(os.tmpdir(), "pack-install-"));
    const extracted = fs.mkdtempSync(path.join(parent, "extract-"));
    execFileSync("tar", ["-xzf", path.resolve(tarball), "-C", extracted]);
    const manifest = JSON.parse(fs.readFileSync(path.join(extracted, "package", "package.json"), "utf8"));
    const dir = path.join(parent, `pulumi-analyzer-${manifest.name}-v${manifest.version}`);
    fs.renameSync(path.join(extracted, "package"), dir);
    fs.rmSync(extracted, { recursive: true });

    const command = ["install", "--loglevel=error"];
    if (runtimeOptions(dir).production === true) command.push("--production");
    const before = snapshot(dir);
    const npm = options.npmCli ? [process.execPath, options.npmCli] : [npmCommand()];
    const env = cliEnv(options.cache ? { npm_config_cache: options.cache } : {});
    const started = performance.now();
    const r = await run(npm[0], [...npm.slice(1), ...command, ...(options.npmArgs ?? [])], { cwd: dir, env });
    const installMs = performance.now() - started;
    const output = r.stdout + r.stderr;
    if (r.status !== 0) throw new Error(`npm ${command.join(" ")} failed in ${dir} (the CLI would leave the pack half-installed): ${output.trim().split("\n").slice(-5).join(" | ")}`);
    const after = snapshot(dir);
    // npm's own lockfiles are its bookkeeping (npm 12 writes package-lock.json), not a build.
    const changedFiles = [...after].filter(([f, stamp]) => before.get(f) !== stamp && !NPM_LOCKFILES.includes(f)).map(([f]) => f).sort();
    const scripts = LIFECYCLE_SCRIPTS.filter((s) => manifest.scripts?.[s] !== undefined);
    return { dir, command, installMs, output, changedFiles, scripts };
}

const NPM_LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json"];

/** Runs a command without blocking (installs can run side by side). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}

/** PulumiPolicy.yaml `runtime.options`, as the CLI's language host reads them. */
function runtimeOptions(dir: string): Record<string, unknown> {
    const YAML = require("yaml") as typeof import("yaml");
    const project = YAML.parse(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8"));
    return typeof project?.runtime === "object" && project.runtime?.options ? project.runtime.options : {};
}

function snapshot(dir: string): Map<string, string> {
    const files = new Map<string, string>();
    const visit = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, e.name);
            if (e.isDirectory()) {
                if (!(d === dir && e.name === "node_modules")) visit(full);
            } else {
                // Modification time too: a build that writes what was shipped still ran.
                const s = fs.statSync(full);
                files.set(path.relative(dir, full), `${s.mtimeMs}:${createHash("sha1").update(fs.readFileSync(full)).digest("hex")}`);
            }
        }
    };
    visit(dir);
    return files;
}

export interface DiskUsage {
    /** Allocated blocks, as `du` counts them (hard links once). */
    bytes: number;
    apparentBytes: number;
    files: number;
}

export function diskUsage(dir: string): DiskUsage {
    const seen = new Set<string>();
    const usage: DiskUsage = { bytes: 0, apparentBytes: 0, files: 0 };
    const visit = (p: string) => {
        const s = fs.lstatSync(p);
        const id = `${s.dev}:${s.ino}`;
        if (seen.has(id)) return;
        seen.add(id);
        usage.bytes += s.blocks * 512;
        if (s.isDirectory()) {
            for (const e of fs.readdirSync(p)) visit(path.join(p, e));
        } else {
            usage.apparentBytes += s.size;
            usage.files++;
        }
    };
    if (fs.existsSync(dir)) visit(dir);
    return usage;
}

/** Installed packages whose version differs from the shrinkwrap's (none when npm honoured it). */
export function unpinned(dir: string): { pinned: number; differing: string[] } {
    const file = path.join(dir, "npm-shrinkwrap.json");
    if (!fs.existsSync(file)) return { pinned: 0, differing: ["(no npm-shrinkwrap.json)"] };
    const packages: Record<string, { version?: string; optional?: boolean }> = JSON.parse(fs.readFileSync(file, "utf8")).packages;
    const differing: string[] = [];
    let pinned = 0;
    for (const [key, entry] of Object.entries(packages)) {
        if (key === "") continue;
        const installed = path.join(dir, key, "package.json");
        // Some packages write their version with a leading "v" (@pulumi/policy does).
        const version = fs.existsSync(installed) ? String(JSON.parse(fs.readFileSync(installed, "utf8")).version).replace(/^v/, "") : undefined;
        if (version === entry.version) pinned++;
        else if (!(version === undefined && entry.optional)) differing.push(`${key.replace(/^node_modules\//, "")}: ${entry.version} → ${version ?? "missing"}`);
    }
    return { pinned, differing };
}

export interface Smoke {
    /** Publish-style boot (no stack), to the port, best of BOOTS: what `pulumi policy publish` and every preview pay first. */
    bootMs: number;
    policies: string[];
    /** Registry policies the insecure demo stack did not trigger. */
    silent: string[];
    /** Findings on the secure demo stack (none expected). */
    falseAlarms: string[];
    ok: boolean;
}

/** Boots the installed pack as the CLI does and runs the demo stacks through the engine path. */
export async function smokeTest(packDir: string, boots = BOOTS): Promise<Smoke> {
    let bootMs = Infinity;
    let policies: string[] = [];
    for (let i = 0; i < boots; i++) {
        const started = performance.now();
        const pack = await PackProcess.boot({ packDir, noStack: true });
        bootMs = Math.min(bootMs, performance.now() - started);
        try {
            policies = (await pack.getAnalyzerInfo()).policies.map((p) => p.name);
        } finally {
            await pack.close();
        }
    }
    const insecure = await checkStack({ packDir, input: path.join(REPO_DIR, "fixtures/insecure-stack.json") });
    const secure = await checkStack({ packDir, input: path.join(REPO_DIR, "fixtures/secure-stack.json") });
    const silent = POLICIES.map((p) => p.name).filter((n) => insecure.of(n).length === 0);
    const falseAlarms = secure.findings.map((f) => `${f.policy}: ${f.message}`);
    const ok = JSON.stringify(policies) === JSON.stringify(POLICIES.map((p) => p.name)) && silent.length === 0 && falseAlarms.length === 0;
    return { bootMs, policies, silent, falseAlarms, ok };
}

export interface Figures {
    label: string;
    measuredAt: string;
    node: string;
    npm: string;
    tarballBytes: number;
    tarballFiles: number;
    installCommand: string;
    installMs: number;
    coldCache: boolean;
    installed: DiskUsage;
    /** Package files the install created or changed (a compiler or script ran). */
    changedAtInstall: number;
    lifecycleScripts: string[];
    typescriptInstalled: boolean;
    devDependenciesInstalled: string[];
    pulumiVersion: string;
    pinned: { pinned: number; differing: string[] };
    bootMs: number;
    smokeOk: boolean;
}

export async function measure(tarball: string, options: { label: string; npmCli?: string; cold?: boolean }): Promise<{ figures: Figures; smoke: Smoke; installed: Installed }> {
    const cache = options.cold ? fs.mkdtempSync(path.join(os.tmpdir(), "npm-cache-")) : undefined;
    const installed = await installLikeCli(tarball, { npmCli: options.npmCli, cache });
    if (cache) fs.rmSync(cache, { recursive: true, force: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(installed.dir, "package.json"), "utf8"));
    const nodeModules = path.join(installed.dir, "node_modules");
    const versionOf = (name: string) => {
        const f = path.join(nodeModules, name, "package.json");
        return fs.existsSync(f) ? String(JSON.parse(fs.readFileSync(f, "utf8")).version).replace(/^v/, "") : "";
    };
    const smoke = await smokeTest(installed.dir);
    const npmVersion = options.npmCli
        ? execFileSync(process.execPath, [options.npmCli, "--version"], { encoding: "utf8" }).trim()
        : spawnSync(npmCommand(), ["--version"], { encoding: "utf8", shell: process.platform === "win32" }).stdout.trim();
    const figures: Figures = {
        label: options.label,
        measuredAt: new Date().toISOString(),
        node: process.version,
        npm: npmVersion,
        tarballBytes: fs.statSync(tarball).size,
        tarballFiles: execFileSync("tar", ["-tzf", tarball], { encoding: "utf8", maxBuffer: 64 * MB }).split("\n").filter((l) => l && !l.endsWith("/")).length,
        installCommand: `npm ${installed.command.join(" ")}`,
        installMs: Math.round(installed.installMs),
        coldCache: options.cold === true,
        installed: diskUsage(nodeModules),
        changedAtInstall: installed.changedFiles.length,
        lifecycleScripts: installed.scripts,
        typescriptInstalled: fs.existsSync(path.join(nodeModules, "typescript")),
        devDependenciesInstalled: Object.keys(manifest.devDependencies ?? {}).filter((d) => fs.existsSync(path.join(nodeModules, d))),
        pulumiVersion: versionOf("@pulumi/pulumi"),
        pinned: unpinned(installed.dir),
        bootMs: Math.round(smoke.bootMs),
        smokeOk: smoke.ok,
    };
    return { figures, smoke, installed };
}

/** Missed targets, in words (none: all met). */
export function missedTargets(f: Figures): string[] {
    const missed: string[] = [];
    if (f.installed.bytes > TARGETS.installedMB * MB) missed.push(`installed size ${mb(f.installed.bytes)} exceeds ${TARGETS.installedMB} MB`);
    if (f.changedAtInstall > 0 || f.lifecycleScripts.length > 0) missed.push(`the install ran ${f.lifecycleScripts.join(", ") || "something"} and changed ${f.changedAtInstall} package files`);
    if (f.typescriptInstalled) missed.push("the install pulled in typescript");
    if (f.devDependenciesInstalled.length) missed.push(`the install pulled in devDependencies: ${f.devDependenciesInstalled.join(", ")}`);
    if (!f.smokeOk) missed.push("the installed pack failed the engine-path smoke test");
    return missed;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const kb = (bytes: number) => (bytes >= MB ? mb(bytes) : `${(bytes / 1024).toFixed(0)} KB`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function table(now: Figures, baseline?: Figures): string {
    const rows: [string, (f: Figures) => string, string][] = [
        ["tarball", (f) => `${kb(f.tarballBytes)}, ${f.tarballFiles} files`, ""],
        ["install command", (f) => f.installCommand, ""],
        ["install time", (f) => `${seconds(f.installMs)}${f.coldCache ? " (cold cache)" : " (warm cache)"}`, ""],
        ["installed size", (f) => `${mb(f.installed.bytes)} (${mb(f.installed.apparentBytes)} apparent, ${f.installed.files} files)`, `≤ ${TARGETS.installedMB} MB`],
        ["scripts at install", (f) => (f.lifecycleScripts.length ? f.lifecycleScripts.join(", ") : "none") + (f.changedAtInstall ? `, ${f.changedAtInstall} package files rewritten` : ""), "none"],
        ["typescript installed", (f) => (f.typescriptInstalled ? "yes" : "no"), "no"],
        ["devDependencies installed", (f) => f.devDependenciesInstalled.join(", ") || "none", "none"],
        ["@pulumi/pulumi", (f) => f.pulumiVersion, "as tested"],
        ["pinned by shrinkwrap", (f) => (f.pinned.pinned ? `${f.pinned.pinned} packages${f.pinned.differing.length ? `, ${f.pinned.differing.length} differ` : ", all as locked"}` : "no shrinkwrap"), ""],
        ["boot (to port, best of 3)", (f) => `${f.bootMs} ms`, ""],
        ["engine-path smoke test", (f) => (f.smokeOk ? "pass" : "FAIL"), "pass"],
    ];
    const head = ["", baseline ? `${baseline.label} (${baseline.measuredAt.slice(0, 10)})` : "", now.label, "target"];
    const body = rows.map(([name, cell, target]) => [name, baseline ? cell(baseline) : "", cell(now), target]);
    const all = [head, ...body];
    const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
    return [line(head), ...body.map(line)].join("\n") + "\n";
}

async function main(): Promise<number> {
    const { values } = parseArgs({
        options: {
            tarball: { type: "string" },
            bundle: { type: "boolean", default: false },
            cold: { type: "boolean", default: false },
            npm: { type: "string" },
            record: { type: "string" },
            label: { type: "string" },
            keep: { type: "boolean", default: false },
        },
    });
    let tarball = values.tarball;
    let label = values.label ?? (values.tarball ? path.basename(values.tarball) : "now");
    if (!tarball) {
        const staged = stagePublish({ bundle: values.bundle });
        // What `pulumi policy publish` does first: boot the pack in place, read its metadata.
        const publishBoot = await PackProcess.boot({ packDir: staged.dir, noStack: true });
        const served = (await publishBoot.getAnalyzerInfo().finally(() => publishBoot.close())).policies.length;
        if (served !== POLICIES.length) throw new Error(`publish/ serves ${served} policies, not ${POLICIES.length}`);
        tarball = npmPack(staged.dir).tarball;
        if (!values.label) label = values.bundle ? "now (bundled)" : "now";
        process.stdout.write(`${path.relative(REPO_DIR, tarball)}: booted in place as \`pulumi policy publish\` does (${served} policies), packed as it packs\n`);
    }
    const { figures, smoke, installed } = await measure(tarball, { label, npmCli: values.npm, cold: values.cold });
    if (!values.keep) fs.rmSync(path.dirname(installed.dir), { recursive: true, force: true });
    const baseline = fs.existsSync(BASELINE_FILE) && !values.record ? JSON.parse(fs.readFileSync(BASELINE_FILE, "utf8")) as Figures : undefined;
    const where = values.keep ? `installed in ${installed.dir}` : "installed in a temporary directory (--keep keeps it)";
    process.stdout.write(`${where} (node ${figures.node}, npm ${figures.npm})\n\n${table(figures, baseline)}`);
    if (figures.pinned.differing.length) process.stdout.write(`\nnot as shrinkwrapped: ${figures.pinned.differing.slice(0, 10).join("; ")}${figures.pinned.differing.length > 10 ? " …" : ""}\n`);
    if (!smoke.ok) process.stdout.write(`\nsmoke: served ${smoke.policies.join(", ")}; silent on the insecure stack: ${smoke.silent.join(", ") || "none"}; on the secure stack: ${smoke.falseAlarms.join(" | ") || "nothing"}\n`);
    if (values.record) {
        fs.writeFileSync(values.record, JSON.stringify(figures, null, 2) + "\n");
        process.stdout.write(`\nrecorded ${values.record}\n`);
        return 0;
    }
    const missed = missedTargets(figures);
    process.stdout.write(missed.length ? `\nTARGETS MISSED: ${missed.join("; ")}\n` : "\nall targets met\n");
    return missed.length ? 1 : 0;
}

if (require.main === module) {
    main().then((code) => { process.exitCode = code; }, (e) => {
        process.stderr.write(`pack:check: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
    });
}
