// The packs the benchmark compares: this pack, a bare pack with the same dependencies and
// tsconfig but no policies (generated in a temp dir), and the published @pulumi/awsguard
// pack as a peer (installed from the npm registry into a cache dir outside the repo).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface PackSpec {
    /** Short label used in the report: "pack", "bare", "pack-js", "awsguard". */
    id: string;
    description: string;
    dir: string;
    /** Whether the stack runs (Analyze, AnalyzeStack, RSS) include it; boots always do. */
    workload: boolean;
}

/** The pack's root: the nearest directory above this file with a PulumiPolicy.yaml (works from bench/ and from the compiled .bench/build/bench/). */
export const REPO_DIR = findUp(__dirname, "PulumiPolicy.yaml");
export const CACHE_ROOT = path.join(os.tmpdir(), "aws-security-baseline-bench");

export function thisPack(): PackSpec {
    return { id: "pack", description: "aws-security-baseline (this pack, index.ts)", dir: REPO_DIR, workload: true };
}

/**
 * Same package.json dependencies, same tsconfig.json, same PulumiPolicy.yaml, and the
 * repo's node_modules (symlinked), so the only difference is what index.ts loads.
 */
export function createBarePack(workDir: string): PackSpec {
    const dir = path.join(workDir, "bare");
    fs.mkdirSync(dir, { recursive: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_DIR, "package.json"), "utf8"));
    const bare = { name: "bare", version: pkg.version, private: true, main: "index.ts", dependencies: pkg.dependencies, devDependencies: pkg.devDependencies };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(bare, null, 2));
    fs.copyFileSync(path.join(REPO_DIR, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.copyFileSync(path.join(REPO_DIR, "PulumiPolicy.yaml"), path.join(dir, "PulumiPolicy.yaml"));
    fs.writeFileSync(path.join(dir, "index.ts"), 'import { PolicyPack } from "@pulumi/policy";\n\nnew PolicyPack("bare", { policies: [] });\n');
    fs.symlinkSync(path.join(REPO_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
    return { id: "bare", description: "bare pack: same dependencies and tsconfig, `new PolicyPack(\"bare\", {policies: []})`", dir, workload: true };
}

/**
 * This pack compiled to JavaScript (tsc with the pack's own tsconfig), package.json `main`
 * pointing at index.js: what shipping precompiled JS would give. run-policy-pack still
 * registers ts-node, but no .ts file is loaded, so nothing is compiled or type-checked.
 */
export function createCompiledPack(workDir: string): PackSpec | { skipped: string } {
    const dir = path.join(workDir, "pack-js");
    fs.mkdirSync(dir, { recursive: true });
    const tsc = require.resolve("typescript/bin/tsc", { paths: [REPO_DIR] });
    try {
        execFileSync(process.execPath, [tsc, "-p", path.join(REPO_DIR, "tsconfig.json"), "--noEmit", "false", "--outDir", dir, "--rootDir", REPO_DIR], { stdio: ["ignore", "pipe", "pipe"] });
    } catch (e: any) {
        if (!fs.existsSync(path.join(dir, "index.js"))) return { skipped: `tsc failed: ${String(e?.stdout ?? e?.message ?? e).slice(0, 300)}` };
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_DIR, "package.json"), "utf8"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ ...pkg, main: "index.js", scripts: {} }, null, 2));
    fs.copyFileSync(path.join(REPO_DIR, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.copyFileSync(path.join(REPO_DIR, "PulumiPolicy.yaml"), path.join(dir, "PulumiPolicy.yaml"));
    fs.symlinkSync(path.join(REPO_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
    return { id: "pack-js", description: "this pack precompiled to JavaScript (package.json main: index.js) — what shipping JS would give", dir, workload: false };
}

export interface PeerResult {
    pack?: PackSpec;
    skipped?: string;
    version?: string;
}

const AWSGUARD = "@pulumi/awsguard";

/**
 * Installs @pulumi/awsguard (plus typescript and @types/node, which run-policy-pack and our
 * tsconfig need) once into a cache dir outside the repo, and writes the index.ts of
 * `pulumi policy new awsguard-typescript`. Any failure is a skip, never an error.
 */
export function awsguardPeer(log: (line: string) => void): PeerResult {
    try {
        const version = execFileSync("npm", ["view", AWSGUARD, "version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 }).trim();
        if (!/^\d+\.\d+\.\d+/.test(version)) return { skipped: `npm view ${AWSGUARD} answered "${version.slice(0, 80)}"` };
        const dir = path.join(CACHE_ROOT, `awsguard-${version}`);
        const marker = path.join(dir, ".installed");
        if (!fs.existsSync(marker)) {
            log(`installing ${AWSGUARD}@${version} into ${dir} (once; cached for later runs)...`);
            fs.rmSync(dir, { recursive: true, force: true });
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "awsguard-peer", version: "0.0.0", private: true, main: "index.ts" }, null, 2));
            const tsVersion = JSON.parse(fs.readFileSync(require.resolve("typescript/package.json", { paths: [REPO_DIR] }), "utf8")).version;
            execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", `${AWSGUARD}@${version}`, `typescript@${tsVersion}`, "@types/node@^20"], {
                cwd: dir, stdio: ["ignore", "pipe", "pipe"], timeout: 600_000,
            });
            fs.writeFileSync(marker, new Date().toISOString());
        }
        fs.copyFileSync(path.join(REPO_DIR, "tsconfig.json"), path.join(dir, "tsconfig.json"));
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: AWSGuard peer for the benchmark\n");
        fs.writeFileSync(path.join(dir, "index.ts"), 'import { AwsGuard } from "@pulumi/awsguard";\n\nnew AwsGuard({ all: "advisory" });\n');
        return { version, pack: { id: "awsguard", description: `${AWSGUARD}@${version} (published peer, \`new AwsGuard({all: "advisory"})\`)`, dir, workload: true } };
    } catch (e: any) {
        const why = String(e?.stderr ?? e?.message ?? e).split("\n").filter(Boolean).slice(-2).join(" ").slice(0, 300);
        return { skipped: `${AWSGUARD} could not be installed: ${why}` };
    }
}

function findUp(from: string, file: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, file))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no ${file} above ${from}`);
    }
}
