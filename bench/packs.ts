// The packs the benchmark compares: this pack (as it ships: dist/ JavaScript), a bare
// JavaScript pack with the same dependencies but no policies (generated in a temp dir), and
// the published @pulumi/awsguard pack as a peer (installed from the npm registry into a cache
// dir outside the repo).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface PackSpec {
    /** Short label used in the report: "pack", "bare", "awsguard". */
    id: string;
    description: string;
    dir: string;
}

/** The pack's root: the nearest directory above this file with a PulumiPolicy.yaml (works from bench/ and from the compiled .bench/build/bench/). */
export const REPO_DIR = findUp(__dirname, "PulumiPolicy.yaml");
export const CACHE_ROOT = path.join(os.tmpdir(), "aws-security-baseline-bench");

export function thisPack(): PackSpec {
    return { id: "pack", description: "aws-security-baseline (this pack as it ships: package.json main dist/index.js)", dir: REPO_DIR };
}

/**
 * Same package.json dependencies, same PulumiPolicy.yaml and the repo's node_modules
 * (symlinked), JavaScript like this pack: the only difference is what the pack loads.
 */
export function createBarePack(workDir: string): PackSpec {
    const dir = path.join(workDir, "bare");
    fs.mkdirSync(dir, { recursive: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_DIR, "package.json"), "utf8"));
    const bare = { name: "bare", version: pkg.version, private: true, main: "index.js", dependencies: pkg.dependencies, devDependencies: pkg.devDependencies };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(bare, null, 2));
    fs.copyFileSync(path.join(REPO_DIR, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.copyFileSync(path.join(REPO_DIR, "PulumiPolicy.yaml"), path.join(dir, "PulumiPolicy.yaml"));
    fs.writeFileSync(path.join(dir, "index.js"), '"use strict";\nconst { PolicyPack } = require("@pulumi/policy");\n\nnew PolicyPack("bare", { policies: [] });\n');
    fs.symlinkSync(path.join(REPO_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
    return { id: "bare", description: "bare JavaScript pack: same dependencies, `new PolicyPack(\"bare\", {policies: []})`", dir };
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
        return { version, pack: { id: "awsguard", description: `${AWSGUARD}@${version} (published peer, TypeScript as its template ships, \`new AwsGuard({all: "advisory"})\`)`, dir } };
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
