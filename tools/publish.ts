// `npm run package`: writes publish/, the directory `pulumi policy publish` runs in, and packs
// it the way the Pulumi CLI does. Why a separate directory rather than the repository root:
//
// - `pulumi policy publish` runs plain `npm pack --loglevel=error` in the pack directory and
//   takes its whole stdout as the tarball's name. Any pack lifecycle script (prepare,
//   prepack, postpack) prints a banner there and breaks the publish (pulumi/pulumi#6594);
//   the root needs `prepare` so that `npm ci` in a clone builds dist/.
// - The CLI installs an enabled pack with plain `npm install --loglevel=error` in the
//   extracted tarball (plus `--production` when PulumiPolicy.yaml sets the `production`
//   runtime option, CLI >= 3.252). That installs devDependencies and runs `prepare`, so the
//   published package.json has neither: compiled JavaScript, runtime dependencies only.
// - Pinned: dependencies at the exact versions of package-lock.json (what the tests ran),
//   and npm-shrinkwrap.json, derived from the same lock, for the whole tree (npm <= 11 packs
//   it when `files` lists it and installs from it). npm 12 neither packs nor reads a
//   shrinkwrap: `--bundle` ships the installed tree in the tarball instead (bundleDependencies),
//   whose versions npm 11 and 12 keep. docs/distribution.md has the measured trade-offs.
//
// The directory must stay inside the repository: `pulumi policy publish` boots the pack in
// place to read its metadata, resolving @pulumi/policy from the repository's node_modules.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { REPO_DIR } from "./examples";

export const PUBLISH_DIR = path.join(REPO_DIR, "publish");

/** What the published package ships (package.json `files`; npm adds package.json itself). */
export const PUBLISHED_FILES = [
    "dist/", "config/", "docs/", "fixtures/README.md", "fixtures/insecure-stack.json", "fixtures/secure-stack.json",
    "PulumiPolicy.yaml", "README.md", "LICENSE", "npm-shrinkwrap.json",
] as const;

/** Copied from the repository as they are (the rest is built or generated). */
const COPIED = ["config", "docs", "fixtures/README.md", "fixtures/insecure-stack.json", "fixtures/secure-stack.json", "README.md", "LICENSE"];

/** package.json fields the published manifest takes from the repository's as they are. */
const KEPT_FIELDS = [
    "name", "version", "description", "license", "keywords", "homepage", "repository", "bugs", "author",
    "type", "main", "types", "typesVersions", "exports", "bin", "engines",
] as const;

/** npm lifecycle scripts: none may run when the package is packed or installed. */
export const LIFECYCLE_SCRIPTS = [
    "preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare", "prepack", "postpack",
] as const;

export interface StageOptions {
    /** Default: publish/ in the repository. */
    outDir?: string;
    /** Ship the installed dependency tree in the tarball (bundleDependencies). */
    bundle?: boolean;
}

export interface Staged {
    dir: string;
    manifest: Record<string, any>;
}

type Json = Record<string, any>;

const readJson = (file: string): Json => JSON.parse(fs.readFileSync(file, "utf8"));
const writeJson = (file: string, value: unknown) => fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");

/** Writes the publish directory: compiled JavaScript and declarations, manifest, shrinkwrap, pack file, docs. */
export function stagePublish(options: StageOptions = {}): Staged {
    const dir = path.resolve(options.outDir ?? PUBLISH_DIR);
    const root = readJson(path.join(REPO_DIR, "package.json"));
    clearStage(dir, root.name);
    fs.mkdirSync(dir, { recursive: true });

    const tsc = require.resolve("typescript/bin/tsc", { paths: [REPO_DIR] });
    execFileSync(process.execPath, [tsc, "-p", path.join(REPO_DIR, "tsconfig.build.json"), "--outDir", path.join(dir, "dist")], { cwd: REPO_DIR, stdio: "inherit" });
    for (const entry of COPIED) fs.cpSync(path.join(REPO_DIR, entry), path.join(dir, entry), { recursive: true });
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), policyProjectFile());

    const lock = readJson(path.join(REPO_DIR, "package-lock.json"));
    const manifest: Json = {};
    for (const field of KEPT_FIELDS) if (root[field] !== undefined) manifest[field] = root[field];
    manifest.files = [...PUBLISHED_FILES];
    manifest.dependencies = Object.fromEntries(Object.keys(root.dependencies ?? {}).sort().map((name) => {
        const locked = lock.packages?.[`node_modules/${name}`]?.version;
        if (!locked) throw new Error(`package-lock.json has no entry for ${name}: run npm install`);
        return [name, locked];
    }));
    if (options.bundle) manifest.bundleDependencies = Object.keys(manifest.dependencies);
    writeJson(path.join(dir, "package.json"), manifest);
    writeShrinkwrap(dir, lock);
    if (options.bundle) npm(dir, ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]);
    return { dir, manifest };
}

/** Removes a previous stage; refuses a directory that holds anything else. */
function clearStage(dir: string, name: string): void {
    if (!fs.existsSync(dir) || fs.readdirSync(dir).length === 0) return;
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest) || readJson(manifest).name !== name) {
        throw new Error(`${dir} exists and is not a previous stage of ${name}: refusing to delete it`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
}

/** The repository's PulumiPolicy.yaml, with the runtime options for an installed pack. */
function policyProjectFile(): string {
    const YAML = require("yaml") as typeof import("yaml");
    const project = YAML.parse(fs.readFileSync(path.join(REPO_DIR, "PulumiPolicy.yaml"), "utf8"));
    return YAML.stringify({
        ...project,
        runtime: {
            name: "nodejs",
            // npm, whatever the installing machine prefers (yarn ignores the shrinkwrap);
            // `npm install --production` on CLIs that know the option (>= 3.252).
            options: { packagemanager: "npm", production: true },
        },
    }, { lineWidth: 0 });
}

/**
 * npm-shrinkwrap.json: the repository's lock pruned to the runtime tree (npm drops the dev
 * entries for a manifest without devDependencies). Offline, from the lock alone; every entry
 * must keep the version and integrity the repository tested.
 */
function writeShrinkwrap(dir: string, rootLock: Json): void {
    fs.writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify(rootLock, null, 2));
    npm(dir, ["install", "--package-lock-only", "--offline", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]);
    const lockFile = path.join(dir, "package-lock.json");
    const derived = readJson(lockFile);
    fs.rmSync(lockFile);
    const drifted = Object.entries(derived.packages as Record<string, Json>).filter(([key, entry]) => key !== ""
        && (rootLock.packages[key]?.version !== entry.version || rootLock.packages[key]?.integrity !== entry.integrity));
    if (drifted.length) throw new Error(`the runtime tree differs from package-lock.json at ${drifted.map(([k]) => k).join(", ")}`);
    writeJson(path.join(dir, "npm-shrinkwrap.json"), derived);
}

function npm(cwd: string, args: string[]): string {
    const r = spawnSync(npmCommand(), args, { cwd, env: cliEnv(), encoding: "utf8", shell: process.platform === "win32" });
    if (r.status !== 0) throw new Error(`npm ${args.join(" ")} failed in ${cwd}: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
    return r.stdout;
}

/** The environment the Pulumi CLI gives npm: the user's, without what an enclosing `npm run` adds. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== "INIT_CWD") env[k] = v;
    return { ...env, ...extra };
}

export function npmCommand(): string {
    return process.platform === "win32" ? "npm.cmd" : "npm";
}

export interface Packed {
    tarball: string;
    /** What `npm pack` printed on stdout: the Pulumi CLI takes all of it as the file name. */
    stdout: string;
}

/** `npm pack` exactly as `pulumi policy publish` runs it (pulumi/pulumi sdk/nodejs/npm: npm.Pack). */
export function npmPack(dir: string): Packed {
    const stdout = npm(dir, ["pack", "--loglevel=error"]);
    const tarball = path.join(dir, stdout.trim());
    if (!fs.existsSync(tarball)) {
        throw new Error(`'npm pack' completed successfully but the package .tgz file was not generated (stdout: ${JSON.stringify(stdout)}): pulumi policy publish would fail the same way`);
    }
    return { tarball, stdout };
}

if (require.main === module) {
    const { values } = parseArgs({ options: { out: { type: "string" }, bundle: { type: "boolean", default: false } } });
    const npmMajor = Number(npm(REPO_DIR, ["--version"]).split(".")[0]);
    if (npmMajor >= 12 && !values.bundle) {
        process.stderr.write(`warning: npm ${npmMajor} neither packs nor reads npm-shrinkwrap.json: the tarball pins only the direct dependencies (use --bundle to ship the whole tree)\n`);
    }
    const staged = stagePublish({ outDir: values.out, bundle: values.bundle });
    const packed = npmPack(staged.dir);
    const size = fs.statSync(packed.tarball).size;
    const rel = (p: string) => path.relative(process.cwd(), p) || ".";
    process.stdout.write([
        `staged ${rel(staged.dir)}/ (${Object.entries(staged.manifest.dependencies).map(([n, v]) => `${n}@${v}`).join(", ")}${values.bundle ? ", bundled" : ""})`,
        `packed ${rel(packed.tarball)} (${(size / 1024).toFixed(0)} KB)`,
        `publish: cd ${rel(staged.dir)} && pulumi policy publish <org>`,
        "",
    ].join("\n"));
}
