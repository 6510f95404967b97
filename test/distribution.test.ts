// The published package, as org machines get it: the publish directory `pulumi policy publish`
// packs (tools/publish.ts), the tarball installed as the Pulumi CLI installs an enabled pack
// (tools/pack-check.ts), an org pack built on the library from the same tarball (the example
// of docs/library.md), and the README's commands that run `check` from elsewhere.
// Installs use the npm cache `npm ci` just filled (--prefer-offline), with the shrinkwrap's
// exact versions: the same tree a registry install gets.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskUsage, installLikeCli, Installed, run, smokeTest, TARGETS, unpinned } from "../tools/pack-check";
import { cliEnv, npmCommand, npmPack, Packed, PUBLISHED_FILES, Staged, stagePublish } from "../tools/publish";
import type * as Testing from "../testing";
import { PACK_DIR } from "./helpers/engine";

const root = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package-lock.json"), "utf8"));
const tsc = require.resolve("typescript/bin/tsc", { paths: [PACK_DIR] });
const OFFLINE_FIRST = ["--prefer-offline", "--no-audit", "--no-fund"];

let tmp: string;
let staged: Staged;
let packed: Packed;
let installed: Installed;
let org: string;
let orgBuild: string;
beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "distribution-"));
    staged = stagePublish({ outDir: path.join(tmp, "publish") });
    packed = npmPack(staged.dir);
    // The two installs side by side: the pack as the CLI installs it, and an org pack on the library.
    [installed, org] = await Promise.all([installLikeCli(packed.tarball, { parent: tmp, npmArgs: OFFLINE_FIRST }), installOrgPack()]);
}, 240_000);
afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The org pack of docs/library.md, on the tarball: package.json, PulumiPolicy.yaml, the documented index.ts, a file using the testing API. */
async function installOrgPack(): Promise<string> {
    const dir = path.join(tmp, "acme-aws-policies");
    fs.mkdirSync(dir);
    const pins = staged.manifest.dependencies;
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({
        name: "acme-aws-policies",
        version: "1.0.0",
        main: "bin/index.js",
        dependencies: {
            "@pulumi/policy": pins["@pulumi/policy"],
            "@pulumi/pulumi": pins["@pulumi/pulumi"],
            "aws-security-baseline": `file:${packed.tarball}`,
        },
    }, null, 2));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: Acme's AWS policies, on the AWS security baseline.\n");
    fs.writeFileSync(path.join(dir, "index.ts"), documentedExample());
    fs.writeFileSync(path.join(dir, "check.ts"), [
        'import { checkStack, Finding } from "aws-security-baseline/testing";',
        'import { BaselineSelection, POLICIES } from "aws-security-baseline";',
        'export const selection: BaselineSelection = { tags: ["s3"], minSeverity: "high" };',
        'export const run = (input: string): Promise<Finding[]> => checkStack({ input, packDir: ".", config: { all: "advisory" } }).then((r) => r.findings);',
        "export const names: string[] = POLICIES.map((p) => p.name);",
        "",
    ].join("\n"));
    const r = await run(npmCommand(), ["install", "--loglevel=error", ...OFFLINE_FIRST], { cwd: dir, env: cliEnv() });
    if (r.status !== 0) throw new Error(`npm install in the org pack: ${r.stderr}`);
    // `npm run build` of the documented package.json (tsc emits despite type errors; a test checks them).
    orgBuild = compileOrgPack(dir, ["--module", "commonjs", "--moduleResolution", "node", "--outDir", "bin"]);
    return dir;
}

/** tsc over the org pack's files with strict settings; its output. */
function compileOrgPack(dir: string, options: string[]): string {
    const r = spawnSync(process.execPath, [tsc, "index.ts", "check.ts", "--strict", "--target", "ES2020",
        "--types", "node", "--typeRoots", path.join(PACK_DIR, "node_modules/@types"), ...options], { cwd: dir, encoding: "utf8" });
    return r.stdout + r.stderr;
}

describe("the publish directory (what `pulumi policy publish` packs)", () => {
    it("package.json: runtime dependencies at the exact versions tested, no devDependencies, no scripts", () => {
        const m = staged.manifest;
        expect(m.devDependencies).toBeUndefined();
        expect(m.scripts).toBeUndefined();
        expect(Object.keys(m.dependencies).sort()).toEqual(Object.keys(root.dependencies).sort());
        for (const [name, version] of Object.entries(m.dependencies)) {
            expect(version, name).toBe(lock.packages[`node_modules/${name}`].version);
            expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
        }
        // Type tokens are strings: the AWS provider is only for the tests (test/tokens.test.ts).
        expect(m.dependencies["@pulumi/aws"]).toBeUndefined();
        expect(root.devDependencies["@pulumi/aws"]).toBeDefined();
        expect(m.bundleDependencies).toBeUndefined();
    });

    it("declares what the pinned @pulumi/pulumi needs, and what a published package carries", () => {
        const pulumi = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json", { paths: [PACK_DIR] }), "utf8"));
        expect(staged.manifest.engines).toEqual({ node: pulumi.engines.node });
        expect(root.engines).toEqual(staged.manifest.engines);
        const m = staged.manifest;
        expect({ license: m.license, homepage: m.homepage, repository: m.repository.url }).toEqual({
            license: "Apache-2.0",
            homepage: "https://github.com/aws-security-baseline/aws-security-baseline",
            repository: "git+https://github.com/aws-security-baseline/aws-security-baseline.git",
        });
        expect(m.keywords).toEqual(expect.arrayContaining(["pulumi", "policy-pack", "aws"]));
        const license = fs.readFileSync(path.join(staged.dir, "LICENSE"), "utf8");
        expect(license).toMatch(/Apache License\s+Version 2\.0, January 2004/);
        expect(license).toContain("END OF TERMS AND CONDITIONS");
    });

    it("PulumiPolicy.yaml installs with npm, production only", () => {
        const YAML = require("yaml");
        const project = YAML.parse(fs.readFileSync(path.join(staged.dir, "PulumiPolicy.yaml"), "utf8"));
        expect(project.runtime).toEqual({ name: "nodejs", options: { packagemanager: "npm", production: true } });
        expect(project.description).toBe(YAML.parse(fs.readFileSync(path.join(PACK_DIR, "PulumiPolicy.yaml"), "utf8")).description);
    });

    it("`npm pack` prints the tarball's name and nothing else (the CLI takes its whole stdout as the file name)", () => {
        expect(packed.stdout).toBe(`${path.basename(packed.tarball)}\n`);
    });

    it("the tarball: compiled JavaScript with declarations, shrinkwrap, pack file, license; no TypeScript sources", () => {
        const files = execFileSync("tar", ["-tzf", packed.tarball], { encoding: "utf8" }).split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""));
        for (const f of ["package.json", "npm-shrinkwrap.json", "PulumiPolicy.yaml", "LICENSE", "README.md", "dist/index.js", "dist/policies/index.js",
            "dist/policies/index.d.ts", "dist/testing.js", "dist/testing.d.ts", "dist/cli/check.js", "config/default.json", "docs/library.md",
            "fixtures/README.md", "fixtures/insecure-stack.json"]) {
            expect(files, f).toContain(f);
        }
        expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
        expect(files.filter((f) => /(^|\/)(tsconfig.*\.json|package-lock\.json|\.npmrc)$/.test(f) || f.startsWith("test/"))).toEqual([]);
        const top = new Set(files.map((f) => (f.includes("/") ? `${f.split("/")[0]}/` : f)));
        const allowed = new Set([...PUBLISHED_FILES.map((f) => (f.includes("/") ? `${f.split("/")[0]}/` : f)), "package.json"]);
        expect([...top].filter((f) => !allowed.has(f))).toEqual([]);
    });

    it("npm-shrinkwrap.json pins the runtime tree at package-lock.json's versions, without development packages", () => {
        const shrinkwrap = JSON.parse(fs.readFileSync(path.join(staged.dir, "npm-shrinkwrap.json"), "utf8"));
        const entries = Object.entries(shrinkwrap.packages as Record<string, any>).filter(([k]) => k !== "");
        expect(entries.length).toBeGreaterThan(100);
        expect(entries.filter(([k, e]) => e.dev || e.devOptional || lock.packages[k]?.version !== e.version || lock.packages[k]?.integrity !== e.integrity).map(([k]) => k)).toEqual([]);
        for (const dev of ["typescript", "vitest", "@pulumi/aws", "fast-check"]) expect(shrinkwrap.packages[`node_modules/${dev}`], dev).toBeUndefined();
        expect(shrinkwrap.packages[""].dependencies).toEqual(staged.manifest.dependencies);
    });
});

describe("installed as the Pulumi CLI installs an enabled pack", () => {
    it("runs no script and no compiler, installs no development package, keeps every version of the shrinkwrap", () => {
        expect(installed.command).toEqual(["install", "--loglevel=error", "--production"]);
        expect(installed.scripts).toEqual([]);
        expect(installed.changedFiles).toEqual([]);
        expect(installed.output).not.toMatch(/^> /m);
        for (const dev of ["typescript", "ts-node", "vitest", "@pulumi/aws"]) expect(fs.existsSync(path.join(installed.dir, "node_modules", dev)), dev).toBe(false);
        expect(unpinned(installed.dir).differing).toEqual([]);
        expect(diskUsage(path.join(installed.dir, "node_modules")).bytes).toBeLessThanOrEqual(TARGETS.installedMB * 1024 * 1024);
    });

    it("boots as the CLI boots it and passes the engine-path smoke test (demo stacks)", async () => {
        const smoke = await smokeTest(installed.dir, 1);
        expect({ silent: smoke.silent, falseAlarms: smoke.falseAlarms, ok: smoke.ok }).toEqual({ silent: [], falseAlarms: [], ok: true });
    }, 120_000);
});

describe("an org pack built on the library from the tarball (docs/library.md)", () => {
    let testing: typeof Testing;
    beforeAll(() => {
        testing = require(require.resolve("aws-security-baseline/testing", { paths: [org] }));
    });

    it("npm installs one copy of @pulumi/policy and @pulumi/pulumi, shared with the baseline", () => {
        const nested = path.join(org, "node_modules/aws-security-baseline/node_modules");
        expect(fs.existsSync(path.join(nested, "@pulumi"))).toBe(false);
    });

    it("the declarations type-check the documented example and the testing API, with the CLI's and Node's module resolution", () => {
        // Every declaration checked, ours included, except @pulumi/policy 1.21's own index.d.ts,
        // which re-exports two names its proxy.d.ts lacks (projects need skipLibCheck for it).
        const upstream = /^node_modules\/@pulumi\/policy\/index\.d\.ts\(2,\d+\): error TS2305: Module '"\.\/proxy"' has no exported member/;
        expect(orgBuild.split("\n").filter((l) => l && !upstream.test(l))).toEqual([]);
        // Node's resolution (package.json `exports` and their `types`).
        const node16 = compileOrgPack(org, ["--module", "node16", "--moduleResolution", "node16", "--noEmit", "--skipLibCheck"]);
        expect(node16).toBe("");
    }, 60_000);

    it("importing the library and the testing helpers creates no pack", () => {
        const r = spawnSync(process.execPath, ["-e", 'require("aws-security-baseline"); require("aws-security-baseline/testing"); console.log("loaded")'], {
            cwd: org, encoding: "utf8", timeout: 30_000,
        });
        // A pack would print its port and keep serving.
        expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: "loaded\n" });
    });

    it("booted through the engine path, reports a baseline finding and its own", async () => {
        const input = {
            secretsProvider: "awskms://alias/pulumi?region=eu-west-1",
            resources: [
                { type: "aws:s3/bucket:Bucket", name: "logs", props: { bucket: "acme-logs" } },
                { type: "aws:s3/bucket:Bucket", name: "assets", props: { bucket: "acme-assets", tags: { "cost-center": "web" } } },
                { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "assets-sse",
                    props: { bucket: "acme-assets", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
                    propertyDependencies: { bucket: ["assets"] } },
            ],
        };
        const result = await testing.checkStack({ packDir: org, input });
        expect(result.run.info.name).toBe("acme-aws");
        expect(result.run.info.policies.map((p) => p.name)).toContain("acme-cost-center-tag");
        expect(result.run.info.policies.map((p) => p.name)).not.toContain("resource-protect");
        expect(result.findings.map((f) => [f.policy, f.name, f.level]).sort()).toEqual([
            ["acme-cost-center-tag", "logs", "mandatory"],
            ["s3-bucket-encryption", "logs", "mandatory"],
        ]);
        expect(result.failed).toBe(true);
    }, 60_000);

    it("the tarball's `aws-baseline-check` runs from the org's directory (npx)", () => {
        const r = spawnSync(npmCommand(), ["exec", "--offline", "--", "aws-baseline-check", "node_modules/aws-security-baseline/fixtures/insecure-stack.json"], {
            cwd: org, env: cliEnv(), encoding: "utf8", timeout: 60_000, shell: process.platform === "win32",
        });
        expect(r.stderr).toBe("");
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/s3-bucket-encryption/);
    }, 60_000);
});

describe("`check` from another directory (README)", () => {
    it("`npm --prefix <clone> run check -- <file>` reads the file relative to where npm ran", () => {
        const elsewhere = fs.mkdtempSync(path.join(tmp, "elsewhere-"));
        fs.copyFileSync(path.join(PACK_DIR, "fixtures/secure-stack.json"), path.join(elsewhere, "stack.json"));
        const r = spawnSync(npmCommand(), ["--prefix", PACK_DIR, "run", "--silent", "check", "--", "stack.json", "--format", "json"], {
            cwd: elsewhere, env: cliEnv(), encoding: "utf8", timeout: 60_000, shell: process.platform === "win32",
        });
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
        expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(["stack.json"]);
    }, 60_000);
});

/** The `index.ts` example of docs/library.md, as written there. */
function documentedExample(): string {
    const doc = fs.readFileSync(path.join(PACK_DIR, "docs/library.md"), "utf8");
    const m = /```typescript\n(\/\/ index\.ts\n[\s\S]*?)```/.exec(doc);
    if (!m) throw new Error("docs/library.md has no ```typescript block starting with // index.ts");
    return m[1];
}
