// The `check` command end to end: the built CLI, spawned as a user runs it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { withoutInternalKeys } from "./helpers/internal-keys";
import { EMPTY_TEXT_ASSET_HASH, isWireSecret, SIG, SIG_KEY } from "../policies/lib/wire";
import { failureNote, InputError, loadInputFile, parseInput, pendingNote, samesNote } from "../cli/inputs";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { runCheck, runCheckAsync } from "./helpers/check";
import { FIXTURES, PACK_DIR } from "./helpers/engine";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const check = (...args: string[]) => runCheck(args);

function writeTmp(name: string, content: string | Buffer): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    return file;
}

/** A copy of the built pack whose package.json has no version: @pulumi/policy refuses to start. */
function packWithoutVersion(): string {
    const dir = path.join(tmp, "pack-without-version");
    if (fs.existsSync(dir)) return dir;
    fs.mkdirSync(dir);
    fs.cpSync(path.join(PACK_DIR, "dist"), path.join(dir, "dist"), { recursive: true });
    fs.copyFileSync(path.join(PACK_DIR, "PulumiPolicy.yaml"), path.join(dir, "PulumiPolicy.yaml"));
    fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
    const { version: _dropped, ...pkg } = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg));
    return dir;
}

const ALL_ADVISORY = writeTmp("all-advisory.json", JSON.stringify({ all: "advisory" }));
const RDS_MANDATORY = writeTmp("rds-mandatory.json", JSON.stringify({ all: "advisory", "rds-deletion-protection": "mandatory" }));
const SECRETS_MANDATORY = writeTmp("secrets-mandatory.json", JSON.stringify({ all: "advisory", "secret-sensitive-props": "mandatory" }));

describe("check on each input format", () => {
    it("fixture format: reports violations grouped by resource, with a summary line", () => {
        const r = check("--config", ALL_ADVISORY, path.join(FIXTURES, "insecure-stack.json"));
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('aws:rds/instance:Instance "orders-db"');
        expect(r.stdout).toContain("urn:pulumi:prod::shop::aws:rds/instance:Instance::orders-db");
        expect(r.stdout).toMatch(/advisory\s+rds-deletion-protection/);
        // The fixture's resources, the root stack and the default provider.
        const checked = JSON.parse(fs.readFileSync(path.join(FIXTURES, "insecure-stack.json"), "utf8")).resources.length + 2;
        expect(r.stdout).toMatch(new RegExp(`^Summary: \\d+ violations? \\(.*advisory\\) on \\d+ resources?; ${checked} resources checked in 1 file\\.$`, "m"));
    });

    it("exits 1 when a mandatory violation exists, as pulumi preview fails", () => {
        const r = check("--config", RDS_MANDATORY, path.join(FIXTURES, "insecure-stack.json"));
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/mandatory\s+rds-deletion-protection/);
    });

    it("stack export: takes the stack from the URNs and analyzes inputs", () => {
        const r = check("--config", RDS_MANDATORY, path.join(FIXTURES, "samples/stack-export.json"));
        expect(r.stderr).toBe("");
        expect(r.code).toBe(1);
        expect(r.stdout).toContain("(stack prod, 6 resources)");
        expect(r.stdout).toContain('aws:rds/instance:Instance "orders-db"');
    });

    it("stack export and preview with a UTF-8 byte order mark (Windows PowerShell's `Out-File -Encoding utf8`): checked as without it", () => {
        for (const name of ["samples/stack-export.json", "samples/preview.json"]) {
            const plain = fs.readFileSync(path.join(FIXTURES, name));
            const without = writeTmp(`plain-${path.basename(name)}`, plain);
            const withBom = writeTmp(`bom-${path.basename(name)}`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]));
            const [a, b] = [check("--config", ALL_ADVISORY, "--format", "json", without), check("--config", ALL_ADVISORY, "--format", "json", withBom)];
            expect(b.stderr, name).toBe(a.stderr);
            expect(b.code, name).toBe(a.code);
            expect(a.stdout, name).toContain('"violations"');
            expect(b.stdout.split("bom-").join("plain-"), name).toBe(a.stdout);
        }
    });

    it("stack export and preview: each finding points at the line of its resource's URN", () => {
        for (const sample of ["samples/stack-export.json", "samples/preview.json"]) {
            const file = path.join(FIXTURES, sample);
            const r = check("--config", RDS_MANDATORY, "--format", "json", file);
            const lines = fs.readFileSync(file, "utf8").split("\n");
            const violations: { urn: string | null; location: { line: number } }[] = JSON.parse(r.stdout).violations;
            const located = violations.filter((v) => v.urn);
            expect(located.length, sample).toBeGreaterThan(0);
            for (const v of located) expect(lines[v.location.line - 1], `${sample}: ${v.urn}`).toContain(`"urn": ${JSON.stringify(v.urn)}`);
        }
    });

    it("preview --json: analyzes new states, skips deletions", () => {
        const r = check("--config", RDS_MANDATORY, path.join(FIXTURES, "samples/preview.json"));
        expect(r.stderr).toBe("");
        expect(r.stdout).toContain("(stack staging, 4 resources)");
        expect(r.stdout).toContain('aws:rds/instance:Instance "orders-db"');
        expect(r.stdout).not.toContain("legacy-db");
        expect(r.stdout).not.toMatch(/dynamodb\/table:Table "carts"\n\s+urn[^\n]*\n\s+\w+\s+rds-deletion-protection/);
    });

    it("stack export and preview: resources the stack reads (.get, a StackReference, a read-replacement) are not analyzed, as the engine sends none; an imported one is", () => {
        for (const [sample, stack] of [["samples/stack-export-reads.json", "prod"], ["samples/preview-reads.json", "dev"]]) {
            const r = check("--config", ALL_ADVISORY, path.join(FIXTURES, sample));
            expect(r.stderr, sample).toMatch(/^check: \S+: note: left out \d resources the stack only reads \(external\), as `pulumi preview` does: [^\n]+\n$/);
            expect(r.stdout, sample).toContain(`(stack ${stack}, 3 resources)`);
            expect(r.stdout, sample).toContain('aws:s3/bucketV2:BucketV2 "legacy-assets"');
            expect(r.stdout, sample).toMatch(/advisory\s+s3-bucket-encryption/);
            for (const read of ["PortfolioBucket", "RateLimitTable", "legacy-db", "shared-key", "StackReference"]) expect(r.stdout, `${sample}: ${read}`).not.toContain(read);
        }
    });

    it("stack export with pending operations (the CLI was interrupted): a note on stderr naming them, never their values; a pending create is not analyzed", () => {
        const key = (name: string, rotation: boolean) => ({ urn: `urn:pulumi:dev::shop::aws:kms/key:Key::${name}`, custom: true, type: "aws:kms/key:Key", inputs: { enableKeyRotation: rotation } });
        const db = { urn: "urn:pulumi:dev::shop::aws:rds/instance:Instance::db", custom: true, type: "aws:rds/instance:Instance", inputs: { engine: "postgres", password: "Zq7-pending-Pw-91xk" } };
        const file = writeTmp("pending.json", brokenExport(JSON.stringify(key("k", true))).replace('"resources": [', `"pending_operations": ${JSON.stringify([
            { resource: key("new", false), type: "creating" }, { resource: db, type: "creating" }, { resource: key("k", true), type: "updating" },
            { resource: { ...key("shared", false), external: true }, type: "reading" }])},\n        "resources": [`));
        const r = check("--config", ALL_ADVISORY, file);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe(`check: ${file}: note: the stack has 3 pending operations (the Pulumi CLI was interrupted while changing them): ` +
            'aws:kms/key:Key "new" (interrupted while creating), aws:rds/instance:Instance "db" (interrupted while creating), aws:kms/key:Key "k" (interrupted while updating); ' +
            "their state is unknown and a resource being created is not analyzed: confirm them with the provider, run `pulumi refresh`, and export the stack again\n");
        expect(r.stdout).not.toMatch(/kms-key-rotation/);
        expect(r.stdout + r.stderr).not.toContain("Zq7-pending-Pw-91xk");
        // None: an empty list, or only reads.
        for (const ops of ["[]", JSON.stringify([{ resource: { ...key("shared", false), external: true }, type: "reading" }])]) {
            expect(check("--config", ALL_ADVISORY, writeTmp("pending-none.json", brokenExport().replace('"resources": [', `"pending_operations": ${ops}, "resources": [`))).stderr, ops).toBe("");
        }
    });

    it("says on stderr, once per input, how many resources it left out as reads (a read-replacement and its replace are one), never on stdout; nothing without reads", async () => {
        const exportReads = path.join(FIXTURES, "samples/stack-export-reads.json");
        const previewReads = path.join(FIXTURES, "samples/preview-reads.json");
        const note = (file: string, n: number, named: string) =>
            `check: ${file}: note: left out ${n} resources the stack only reads (external), as \`pulumi preview\` does: ${named}\n`;
        const expected =
            note(exportReads, 5, 'pulumi:pulumi:StackReference "acme/network/prod", aws:s3/bucketV2:BucketV2 "PortfolioBucket", aws:dynamodb/table:Table "RateLimitTable", ...') +
            note(previewReads, 3, 'aws:s3/bucketV2:BucketV2 "PortfolioBucket", aws:dynamodb/table:Table "RateLimitTable", aws:rds/instance:Instance "legacy-db"');
        const formats = ["table", "json", "sarif"];
        // In parallel: nine packs one after another take longer than a test may under a loaded suite.
        const runs = await Promise.all(formats.map((format) => runCheckAsync(["--config", ALL_ADVISORY, "--format", format, exportReads, previewReads, path.join(FIXTURES, "samples/stack-export.json")])));
        for (const [i, format] of formats.entries()) {
            const r = runs[i];
            expect(r.code, format).toBe(0);
            expect(r.stderr, format).toBe(expected);
            expect(r.stdout, format).not.toContain("left out");
            if (format !== "table") expect(() => JSON.parse(r.stdout), format).not.toThrow();
        }
        const none = check("--config", ALL_ADVISORY, "--format", "json", path.join(FIXTURES, "samples/stack-export.json"), path.join(FIXTURES, "samples/preview.json"));
        expect(none.stderr).toBe("");
    }, 180_000);

    it("preview --json --show-replacement-steps: a replaced resource (create-replacement, replace, delete-replaced; also delete-before-replace and import-replacement) is analyzed once, as the engine analyzes its registration once", () => {
        const r = check("--config", ALL_ADVISORY, "--format", "json", path.join(FIXTURES, "samples/preview-replacement-steps.json"));
        expect(r.stderr).toBe("");
        const report = JSON.parse(r.stdout);
        expect(report.summary.resources).toBe(4);
        const findings = report.violations.map((v: { policy: string; urn: string; message: string }) => `${v.policy} ${v.urn} ${v.message}`);
        expect(new Set(findings).size).toBe(findings.length);
        expect(report.violations.filter((v: { policy: string; name: string }) => v.policy === "rds-deletion-protection" && v.name === "orders-db")).toHaveLength(1);
        expect(report.violations.filter((v: { policy: string; name: string }) => v.policy === "s3-bucket-encryption").map((v: { name: string }) => v.name).sort()).toEqual(["cache", "logs"]);
    });

    it("preview --json written without --show-sames (the default: of the unchanged resources only the root stack is listed): says on stderr how many its changeSummary counts that it does not list, never on stdout", async () => {
        const file = path.join(FIXTURES, "samples/preview-without-sames.json");
        const formats = ["table", "json", "sarif"];
        const runs = await Promise.all(formats.map((format) => runCheckAsync(["--config", ALL_ADVISORY, "--format", format, file])));
        for (const [i, format] of formats.entries()) {
            const r = runs[i];
            expect(r.code, format).toBe(0);
            expect(r.stderr, format).toBe(`check: ${file}: note: the preview leaves out 3 unchanged resources (it was written without --show-sames): they are not analyzed, ` +
                "and a finding that depends on another resource of the stack (a bucket's encryption configuration, say) may be wrong; run `pulumi preview --json --show-sames`\n");
            expect(r.stdout, format).not.toContain("show-sames");
            if (format !== "table") expect(() => JSON.parse(r.stdout), format).not.toThrow();
        }
        // Previews that list every unchanged resource they count: no note.
        const r = check("--config", ALL_ADVISORY, "--format", "json", path.join(FIXTURES, "samples/preview.json"), path.join(FIXTURES, "samples/preview-replacement-steps.json"));
        expect(r.stderr).toBe("");
    }, 180_000);

    it("preview --json of a failed preview (an error in its diagnostics: the engine stopped there): says so on stderr, never on stdout, and never quotes the error; the steps it lists are still checked", async () => {
        const file = path.join(FIXTURES, "samples/preview-failed.json");
        const formats = ["table", "json", "sarif"];
        const runs = await Promise.all(formats.map((format) => runCheckAsync(["--config", ALL_ADVISORY, "--format", format, file])));
        for (const [i, format] of formats.entries()) {
            const r = runs[i];
            expect(r.code, format).toBe(0);
            expect(r.stderr, format).toBe(`check: ${file}: note: the preview failed (1 error in its diagnostics): it lists only the steps the engine took before it stopped, ` +
                "so resources registered after are not analyzed and a stack policy sees part of the stack; fix the error and run `pulumi preview --json --show-sames` again\n");
            for (const out of [r.stdout, r.stderr]) expect(out, format).not.toMatch(/kmsKeyArn|uploading to/);
        }
        // The bucket it lists is checked: its encryption configuration was to come after the failure.
        const report = JSON.parse(runs[1].stdout);
        expect(report.violations.filter((v: { policy: string }) => v.policy === "s3-bucket-encryption").map((v: { name: string }) => v.name)).toEqual(["uploads"]);
    }, 180_000);

    it("preview --json that failed before its first step (no steps, an error in its diagnostics): exits 2 with one line saying so, not an unknown shape", () => {
        const file = writeTmp("failed-before-steps.json", JSON.stringify({
            config: { "aws:region": "eu-west-1" },
            diagnostics: [{ message: "error: could not load plugin for aws provider 'default_7_48_0'\n", severity: "error" }],
            duration: 412000000,
        }));
        const r = check(file);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toBe(`check: ${file}: this \`pulumi preview --json\` output failed before its first step (1 error in its diagnostics): there is nothing to check; fix the error and run the preview again\n`);
    });

    it("stack export holding S3 folder markers and an empty file in a Lambda archive (assets the engine records as their hash alone): analyzed, not refused", () => {
        const marker = { [SIG_KEY]: SIG.asset, hash: EMPTY_TEXT_ASSET_HASH };
        const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;
        const file = path.join(tmp, "folder-markers-export.json");
        fs.writeFileSync(file, JSON.stringify({
            version: 3,
            deployment: {
                manifest: { time: "2026-12-01T10:00:00Z", magic: "0", version: "v3.210.0" },
                secrets_providers: { type: "cloud", state: { url: "awskms://alias/pulumi-state?region=us-east-1" } },
                resources: [
                    { urn: urn("pulumi:pulumi:Stack", "shop-prod"), custom: false, type: "pulumi:pulumi:Stack" },
                    ...["incoming/", "processed/"].map((key) => ({
                        urn: urn("aws:s3/bucketObjectv2:BucketObjectv2", key.slice(0, -1)), custom: true, id: key, type: "aws:s3/bucketObjectv2:BucketObjectv2",
                        inputs: { bucket: "shop-uploads", key, source: marker }, outputs: { bucket: "shop-uploads", key, source: marker, etag: "d41d8cd98f00b204e9800998ecf8427e" },
                        parent: urn("pulumi:pulumi:Stack", "shop-prod"),
                    })),
                    {
                        urn: urn("aws:lambda/function:Function", "sorter"), custom: true, id: "sorter-1a2b3c", type: "aws:lambda/function:Function",
                        inputs: {
                            role: "arn:aws:iam::123456789012:role/sorter", runtime: "nodejs20.x", handler: "index.handler",
                            code: { [SIG_KEY]: SIG.archive, assets: { "index.js": { [SIG_KEY]: SIG.asset, hash: "1f2e", text: "exports.handler = async () => {};" }, "data/.keep": marker } },
                            environment: { variables: { API_TOKEN: "tok_live_4f9a8c7e6d5b4a3f2e1d" } },
                        },
                        parent: urn("pulumi:pulumi:Stack", "shop-prod"),
                    },
                ],
            },
        }));
        const r = check("--config", SECRETS_MANDATORY, file);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(1);
        expect(r.stdout).toContain("(stack prod, 4 resources)");
        expect(r.stdout).toContain("`environment.variables.API_TOKEN` is plaintext");
        expect(r.stdout).toMatch(/Summary: 1 violation \(1 mandatory\)/);
    });

    it("--help explains usage and exits 0", () => {
        const r = check("--help");
        expect(r.code).toBe(0);
        expect(r.stdout).toContain("Usage: check");
    });
});

/** A pretty-printed stack export whose third resource (and any after it) is `broken`, as text. */
function brokenExport(...broken: string[]): string {
    const stack = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev";
    const provider = "urn:pulumi:dev::shop::pulumi:providers:aws::default_7_48_0";
    const good = [
        { urn: stack, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
        { urn: provider, custom: true, id: "0c1f", type: "pulumi:providers:aws", inputs: { region: "us-east-1" }, outputs: { region: "us-east-1" }, parent: stack },
    ].map((r) => JSON.stringify(r, null, 4));
    return `{\n    "version": 3,\n    "deployment": {\n        "manifest": {"time": "2026-11-20T13:01:09Z", "version": "v3.210.0"},\n        "resources": [\n${[...good, ...broken].join(",\n")}\n        ]\n    }\n}\n`;
}

describe("check on unusable input: exit 2, one line, no stack trace", () => {
    const cases: [string, () => string[], RegExp][] = [
        ["missing file", () => [path.join(tmp, "nope.json")], /cannot read input \(no such file\)/],
        ["a directory", () => [tmp], /cannot read input/],
        ["empty file", () => [writeTmp("empty.json", "")], /the file is empty/],
        ["not JSON", () => [writeTmp("text.json", "resources: []\n")], /not valid JSON/],
        ["truncated JSON", () => [writeTmp("trunc.json", '{"resources": [{"type": "aws:s3/bu')], /not valid JSON/],
        ["binary", () => [writeTmp("bin.json", Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x13]))], /not valid JSON/],
        ["unknown shape", () => [writeTmp("shape.json", '{"hello": "world"}')], /unknown input shape/],
        ["a self-managed backend's state file", () => [writeTmp("state.json", '{"version": 3, "checkpoint": {"stack": "organization/shop/dev", "latest": {"resources": []}}}')],
            /state\.json: this is a self-managed backend's state file, not a stack export: log in to that backend .* `pulumi stack export --stack <stack>`/],
        ["a state file of the first layout (target and latest)", () => [writeTmp("state0.json", '{"target": "dev", "latest": {"time": "2017-11-08T11:52:26Z", "resources": []}}')],
            /state0\.json: this is a self-managed backend's state file, not a stack export/],
        // One engine event per line: not one JSON document.
        ["an engine event log", () => [writeTmp("events.json", '{"sequence":1,"timestamp":1700000000,"preludeEvent":{"config":{}}}\n{"sequence":2,"timestamp":1700000001,"summaryEvent":{}}\n')],
            /events\.json: this is an engine event log \(one JSON event per line, as `--event-log` writes\), not a stack export: check reads `pulumi stack export` files and `pulumi preview --json` output/],
        // pulumi/pulumi#4561: `pulumi stack export > stack.json` in Windows PowerShell 5.1 writes UTF-16.
        ["a stack export written as UTF-16 LE", () => [writeTmp("utf16le.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(brokenExport(), "utf16le")]))],
            /utf16le\.json: the file is UTF-16 text \(Windows PowerShell 5\.1's `>` writes UTF-16\), not the UTF-8 JSON the Pulumi CLI writes: write it with `pulumi stack export --file <file>`/],
        ["a preview written as UTF-16 BE", () => [writeTmp("utf16be.json", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"steps": []}', "utf16le").swap16()]))],
            /utf16be\.json: the file is UTF-16 text/],
        ["a JSON array", () => [writeTmp("array.json", "[]")], /unknown input shape/],
        ["fixture entry without type", () => [writeTmp("notype.json", '{"resources": [{"name": "x"}]}')], /resources\[0\]: "type" must be a type token/],
        ["fixture parent that does not exist", () => [writeTmp("parent.json", '{"resources": [{"type": "aws:s3/bucketV2:BucketV2", "name": "b", "parent": "ghost"}]}')], /names "ghost", which is not a resource/],
        ["bad $unknown kind", () => [writeTmp("unk.json", '{"resources": [{"type": "aws:s3/bucketV2:BucketV2", "name": "b", "props": {"bucket": {"$unknown": "color"}}}]}')], /"\$unknown" must be true or one of/],
        ["config not JSON", () => ["--config", writeTmp("cfg.json", "{all: advisory}"), path.join(FIXTURES, "secure-stack.json")], /policy pack config is not valid JSON/],
        ["config with a bad enforcement level", () => ["--config", writeTmp("cfg2.json", '{"rds-deletion-protection": "sometimes"}'), path.join(FIXTURES, "secure-stack.json")], /"sometimes" is not a valid enforcement level/],
        ["config naming a policy with a line break (quoted escaped, on one line)", () => ["--config", writeTmp("cfg9.json", '{"a\\nb": "sometimes"}'), path.join(FIXTURES, "secure-stack.json")],
            /parsing enforcement level for "a\\nb": "sometimes" is not a valid enforcement level$/m],
        ["config failing the policy's schema", () => ["--config", writeTmp("cfg3.json", '{"rds-deletion-protection": {"exemptions": "all of them"}}'), path.join(FIXTURES, "secure-stack.json")], /cfg3\.json: rds-deletion-protection: exemptions must be array$/m],
        // What the Pulumi CLI lets through, so that a typo silently changes nothing.
        ["config naming a policy that does not exist", () => ["--config", writeTmp("cfg4.json", '{"rds-deletion-protectio": "mandatory"}'), path.join(FIXTURES, "secure-stack.json")],
            /cfg4\.json: "rds-deletion-protectio" is not a policy of this pack \(did you mean "rds-deletion-protection"\?\)$/m],
        ["config naming a policy nothing like a real one", () => ["--config", writeTmp("cfg5.json", '{"everything": "mandatory"}'), path.join(FIXTURES, "secure-stack.json")],
            /"everything" is not a policy of this pack \(policies: ([a-z-]+, )*iam-no-wildcard-actions, ([a-z-]+, )*kms-no-wildcard-actions\b.*\)$/m],
        ["config with a misspelt property", () => ["--config", writeTmp("cfg6.json", '{"rds-deletion-protection": {"exemption": [{"name": "x", "reason": "r"}]}}'), path.join(FIXTURES, "secure-stack.json")],
            /rds-deletion-protection: unknown configuration key "exemption" \(did you mean "exemptions"\?\)$/m],
        ["config with a misspelt property and a misspelt policy: both, on one line", () => ["--config", writeTmp("cfg7.json", '{"iam-no-wildcard-actions": {"allowedAction": ["ec2:Describe*"]}, "kms-no-wildcard-action": "advisory"}'), path.join(FIXTURES, "secure-stack.json")],
            /iam-no-wildcard-actions: unknown configuration key "allowedAction" \(did you mean "allowedActions"\?\); "kms-no-wildcard-action" is not a policy of this pack \(did you mean "kms-no-wildcard-actions"\?\)$/m],
        ["config with properties under all", () => ["--config", writeTmp("cfg8.json", '{"all": {"enforcementLevel": "advisory", "exemptions": []}}'), path.join(FIXTURES, "secure-stack.json")],
            /all: only sets the enforcement level of every policy; put "exemptions" under each policy$/m],
        // Found while the stack is analyzed, not before: the run stops with the same message.
        ["a stack export whose third resource is not JSON", () => [writeTmp("broken-export.json", brokenExport('{"urn": "urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::logs", "custom": true, "type": "aws:s3/bucketV2:BucketV2", "inputs": {"bucket": tru}}'))],
            /broken-export\.json: input is not valid JSON/],
        ["a stack export whose third resource is not a resource", () => [writeTmp("odd-export.json", brokenExport('"logs"'))],
            /odd-export\.json: deployment\.resources\[2\] must be an object/],
        ["a stack export with a resource that is not a resource, and later one that is not JSON", () => [writeTmp("both-export.json", brokenExport('"logs"', "{]"))],
            /both-export\.json: input is not valid JSON/],
        // pulumi/pulumi's UnmarshalUntypedDeployment reads versions 1 to 4, and from version 4 refuses features it does not know.
        ["a stack export of deployment version 5", () => [writeTmp("v5.json", brokenExport().replace('"version": 3', '"version": 5'))],
            /v5\.json: deployment version 5 is newer than check understands \(versions 1 to 4, as the Pulumi CLI it was written for reads them\)/],
        ["a stack export of deployment version 0", () => [writeTmp("v0.json", brokenExport().replace('"version": 3', '"version": 0'))], /v0\.json: deployment version 0 is too old/],
        ["a stack export whose version is a string", () => [writeTmp("vstr.json", brokenExport().replace('"version": 3', '"version": "3"'))], /vstr\.json: "version" must be a whole number/],
        ["a version 4 stack export with a feature the CLI does not know", () => [writeTmp("feat.json", brokenExport().replace('"version": 3', '"version": 4, "features": ["taint", "quantumState"]'))],
            /feat\.json: the stack uses features that check does not support: quantumState \(the Pulumi CLI refuses/],
        // The CLI writes property maps; reading anything else as empty invented a kms-key-rotation finding.
        ["a stack export whose resource's inputs are a string", () => [writeTmp("inputs-string.json", brokenExport('{"urn": "urn:pulumi:dev::shop::aws:kms/key:Key::k", "custom": true, "type": "aws:kms/key:Key", "inputs": "enableKeyRotation=true"}'))],
            /inputs-string\.json: deployment\.resources\[2\]: "inputs" of urn:pulumi:dev::shop::aws:kms\/key:Key::k must be an object \(a property map\), not string$/m],
        ["a stack export whose resource's outputs are a list", () => [writeTmp("outputs-list.json", brokenExport('{"urn": "urn:pulumi:dev::shop::aws:kms/key:Key::k", "custom": true, "type": "aws:kms/key:Key", "inputs": {}, "outputs": [1]}'))],
            /outputs-list\.json: deployment\.resources\[2\]: "outputs" of urn:pulumi:dev::shop::aws:kms\/key:Key::k must be an object \(a property map\), not a list$/m],
        ["a preview whose new state's inputs are a string", () => [writeTmp("preview-inputs-string.json", JSON.stringify({ steps: [{ op: "create", urn: "urn:pulumi:dev::shop::aws:kms/key:Key::k", newState: { urn: "urn:pulumi:dev::shop::aws:kms/key:Key::k", custom: true, type: "aws:kms/key:Key", inputs: "x" } }] }))],
            /preview-inputs-string\.json: steps\[0\]\.newState: "inputs" of urn:pulumi:dev::shop::aws:kms\/key:Key::k must be an object/],
        ["no input files", () => [], /no input files given/],
        ["an unknown option", () => ["--frobnicate", "x.json"], /Unknown option '--frobnicate'/],
        // It used to hang: the harness's engine server outlived the failed boot.
        ["a pack that fails to start", () => ["--pack", packWithoutVersion(), path.join(FIXTURES, "secure-stack.json")],
            /policy pack exited with code \d+ before printing its port: Error: Version must be defined in the package.json file\.$/m],
    ];
    it.each(cases)("%s", (_label, args, message) => {
        const r = check(...args());
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(/^check: /);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stderr.trim().split("\n").length).toBe(1);
    });
});

describe("check --config: a helper policy of 0.1 that is gone", () => {
    it("warns in one line on stderr and checks as if the entry were not there", () => {
        const config = writeTmp("observer.json", JSON.stringify({ all: "advisory", "secret-sensitive-props-observer": "remediate" }));
        const r = check("--config", config, "--format", "json", path.join(FIXTURES, "insecure-stack.json"));
        expect(r.code).toBe(0);
        expect(r.stderr).toBe(`check: ${config}: warning: "secret-sensitive-props-observer" is no longer needed (secret-sensitive-props reads secretness itself since 0.2): remove it from the config\n`);
        const without = check("--config", ALL_ADVISORY, "--format", "json", path.join(FIXTURES, "insecure-stack.json"));
        expect(JSON.parse(r.stdout).violations).toEqual(JSON.parse(without.stdout).violations);
        // Even with properties only, which the Pulumi CLI would refuse ("invalid enforcement level").
        const odd = writeTmp("observer-props.json", JSON.stringify({ "secret-sensitive-props-observer": { exemptions: [] } }));
        expect(check("--config", odd, path.join(FIXTURES, "secure-stack.json")).code).toBe(0);
    });
});

describe("paths are relative to where the user started check (npm run changes the directory)", () => {
    it("under `npm run check` (cwd: the package; INIT_CWD: the caller), inputs, --config and --output resolve from INIT_CWD", () => {
        const caller = fs.mkdtempSync(path.join(tmp, "caller-"));
        fs.mkdirSync(path.join(caller, "stacks"));
        fs.copyFileSync(path.join(FIXTURES, "check-formats/mixed-levels.json"), path.join(caller, "stacks/prod.json"));
        fs.writeFileSync(path.join(caller, "levels.json"), JSON.stringify({ all: "advisory" }));
        const npmEnv = { ...process.env, INIT_CWD: caller, npm_package_json: path.join(PACK_DIR, "package.json") };
        const r = runCheck(["--config", "levels.json", "--format", "sarif", "--output", "policy.sarif", "stacks/prod.json"], { cwd: PACK_DIR, env: npmEnv });
        expect([r.code, r.stderr]).toEqual([0, ""]);
        const log = JSON.parse(fs.readFileSync(path.join(caller, "policy.sarif"), "utf8"));
        expect(new Set(log.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri))).toEqual(new Set(["stacks/prod.json"]));
        // A script that changed directory itself (cwd is not the package's) is taken at its word.
        const moved = runCheck(["--config", "../levels.json", "prod.json"], { cwd: path.join(caller, "stacks"), env: npmEnv });
        expect([moved.code, moved.stderr]).toEqual([0, ""]);
    });
});

describe("input parsing into what the engine sends", () => {
    it("fixture: root stack, default provider, parent type chains, markers", () => {
        const input = parseInput({
            stack: "dev", project: "app",
            resources: [
                { type: "my:app:Storage", name: "storage", custom: false, protect: true },
                { type: "aws:s3/bucketV2:BucketV2", name: "data", parent: "storage", protect: true, props: { bucket: { $unknown: true } } },
                { type: "aws:rds/instance:Instance", name: "db", props: { password: { $secret: "pw" }, port: { $unknown: "number" } }, dependencies: ["data"] },
            ],
        }, "t");
        const [stack, provider, storage, data, db] = input.resources;
        expect(stack).toMatchObject({ type: "pulumi:pulumi:Stack", urn: "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev" });
        expect(provider.type).toBe("pulumi:providers:aws");
        expect(storage).toMatchObject({ custom: false, provider: undefined, parent: stack.urn });
        expect(data.urn).toBe("urn:pulumi:dev::app::my:app:Storage$aws:s3/bucketV2:BucketV2::data");
        expect(data.parent).toBe(storage.urn);
        expect(data.inputs.bucket).toBe(UNKNOWN_SENTINELS.string);
        expect(data.provider?.startsWith(`${provider.urn}::`)).toBe(true);
        expect(db.inputs.password).toEqual({ [SIG_KEY]: SIG.secret, value: "pw" });
        expect(db.inputs.port).toBe(UNKNOWN_SENTINELS.number);
        expect(db.dependencies).toEqual([data.urn]);
    });

    it("fixture: an explicit provider by name; providers have none themselves; a provider must be one", () => {
        const input = parseInput({
            resources: [
                { type: "pulumi:providers:aws", name: "west", props: { region: "us-west-2" } },
                { type: "aws:ebs/volume:Volume", name: "data", props: { size: 10 }, provider: "west" },
                { type: "aws:ebs/volume:Volume", name: "logs", props: { size: 10 } },
            ],
        }, "t");
        const [, defaultProvider, west, data, logs] = input.resources;
        expect(west).toMatchObject({ urn: "urn:pulumi:dev::project::pulumi:providers:aws::west", provider: undefined, inputs: { region: "us-west-2" } });
        expect(data.provider?.startsWith(`${west.urn}::`)).toBe(true);
        expect(logs.provider?.startsWith(`${defaultProvider.urn}::`)).toBe(true);
        const bad = { resources: [{ type: "aws:kms/key:Key", name: "k" }, { type: "aws:ebs/volume:Volume", name: "v", provider: "k" }] };
        expect(() => parseInput(bad, "t")).toThrow('"provider" must name a provider resource (type pulumi:providers:...) of this fixture');
        expect(() => parseInput({ resources: [{ type: "aws:ebs/volume:Volume", name: "v", provider: "nowhere" }] }, "t")).toThrow('v.provider names "nowhere"');
    });

    it("stack export: ciphertext secrets stay secret with an unknown value; identity from URNs", () => {
        const input = loadInputFile(path.join(FIXTURES, "samples/stack-export.json"));
        expect(input).toMatchObject({ format: "stack-export", stack: "prod", project: "shop", secretsProvider: "passphrase" });
        const db = input.resources.find((r) => r.name === "orders-db")!;
        expect(isWireSecret(db.inputs.password)).toBe(true);
        expect((db.inputs.password as Record<string, unknown>).value).toBe(UNKNOWN_SENTINELS.string);
        expect(JSON.stringify(db)).not.toContain("ciphertext");
        expect(db.protect).toBe(true);
        expect(db.outputs?.deletionProtection).toBe(false);
        const policy = input.resources.find((r) => r.name === "app-s3")!;
        expect(policy.propertyDependencies.role).toEqual(["urn:pulumi:prod::shop::aws:iam/role:Role::app-role"]);
    });

    it("stack export --show-secrets: plaintext secrets keep their value, still secret", () => {
        const input = parseInput({ deployment: { resources: [{ urn: "urn:pulumi:s::p::aws:rds/instance:Instance::db", type: "aws:rds/instance:Instance", custom: true,
            inputs: { password: { [SIG_KEY]: SIG.secret, plaintext: '"pw"' } } }] } }, "t");
        expect(input.resources[0].inputs.password).toEqual({ [SIG_KEY]: SIG.secret, value: "pw" });
    });

    it("preview --json: blinded secrets are secrets; unknown outputs stay unknown", () => {
        const input = loadInputFile(path.join(FIXTURES, "samples/preview.json"));
        expect(input).toMatchObject({ format: "preview-json", preview: true, stack: "staging", project: "shop" });
        const db = input.resources.find((r) => r.name === "orders-db")!;
        expect(isWireSecret(db.inputs.password)).toBe(true);
        expect(db.outputs?.arn).toBe(UNKNOWN_SENTINELS.string);
        expect(input.resources.map((r) => r.name)).not.toContain("legacy-db");
    });

    it("stack export and preview: reads (external states) are left out, an imported resource is kept, the whole-file and streamed readings agree", () => {
        const names = (file: string) => loadInputFile(path.join(FIXTURES, file)).resources.map((r) => r.name);
        expect(names("samples/stack-export-reads.json")).toEqual(["portfolio-prod", "default_7_48_0", "legacy-assets"]);
        expect(names("samples/preview-reads.json")).toEqual(["portfolio-dev", "default_7_48_0", "legacy-assets"]);
        const urn = (type: string, name: string) => `urn:pulumi:s::p::${type}::${name}`;
        const whole = parseInput({ deployment: { resources: [
            { urn: urn("aws:kms/key:Key", "shared"), type: "aws:kms/key:Key", custom: true, external: true, outputs: { enableKeyRotation: false } },
            { urn: urn("aws:kms/key:Key", "own"), type: "aws:kms/key:Key", custom: true, external: false, inputs: { enableKeyRotation: true } },
            { urn: urn("aws:kms/key:Key", "old"), type: "aws:kms/key:Key", custom: true, delete: true },
        ] } }, "t");
        expect(whole.resources.map((r) => r.name)).toEqual(["own"]);
        const steps = parseInput({ steps: [
            { op: "read", urn: urn("aws:kms/key:Key", "shared"), newState: { urn: urn("aws:kms/key:Key", "shared"), type: "aws:kms/key:Key", custom: true, external: true } },
            { op: "create", urn: urn("aws:kms/key:Key", "own"), newState: { urn: urn("aws:kms/key:Key", "own"), type: "aws:kms/key:Key", custom: true } },
        ] }, "t");
        expect(steps.resources.map((r) => r.name)).toEqual(["own"]);
        expect([...whole.reads!]).toEqual([[urn("aws:kms/key:Key", "shared"), "aws:kms/key:Key"]]);
        expect([...steps.reads!]).toEqual([[urn("aws:kms/key:Key", "shared"), "aws:kms/key:Key"]]);
    });

    it("preview --json: one resource per URN, whatever the replacement steps shown, in the streamed and whole-file readings; the first new state is kept", () => {
        const file = path.join(FIXTURES, "samples/preview-replacement-steps.json");
        for (const input of [loadInputFile(file), parseInput(JSON.parse(fs.readFileSync(file, "utf8")), file)]) {
            expect(input.resources.map((r) => r.name)).toEqual(["shop-staging", "orders-db", "cache", "logs"]);
            expect(input.resources.find((r) => r.name === "orders-db")!.inputs.engineVersion).toBe("16.3");
            expect(input.resources.find((r) => r.name === "cache")!.inputs.bucket).toBe("shop-cache-staging-eu");
        }
    });

    it("preview --json: counts the unchanged resources it lists and those its changeSummary counts, in the streamed and whole-file readings", () => {
        const file = path.join(FIXTURES, "samples/preview-without-sames.json");
        for (const input of [loadInputFile(file), parseInput(JSON.parse(fs.readFileSync(file, "utf8")), file)]) {
            expect(input.sames).toEqual({ listed: 1, counted: 4 });
            expect(samesNote(input.sames)).toMatch(/^the preview leaves out 3 unchanged resources /);
        }
        const reads = loadInputFile(path.join(FIXTURES, "samples/preview-reads.json"));
        expect(reads.sames).toEqual({ listed: 2, counted: 2 });
        expect(samesNote(reads.sames)).toBeUndefined();
        // No changeSummary (not the CLI's own output): nothing to compare with.
        const bare = parseInput({ steps: [{ op: "same", urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s", newState: { urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s", type: "pulumi:pulumi:Stack" } }] }, "t");
        expect(samesNote(bare.sames)).toBeUndefined();
        expect(samesNote({ listed: 1, counted: 2 })).toMatch(/^the preview leaves out 1 unchanged resource \(it was written without --show-sames\): it is not analyzed, /);
    });

    it("preview --json: counts the errors among its diagnostics, in the streamed and whole-file readings; warnings and program output are no failure; names the resource of the first error unless it is the stack's", () => {
        const file = path.join(FIXTURES, "samples/preview-failed.json");
        for (const input of [loadInputFile(file), parseInput(JSON.parse(fs.readFileSync(file, "utf8")), file)]) {
            expect(input.failure).toEqual({ errors: 1, first: undefined });
            expect(input.resources.map((r) => r.name)).toEqual(["uploads-dev", "default_7_48_0", "uploads"]);
        }
        for (const f of ["samples/preview.json", "samples/preview-without-sames.json", "samples/preview-reads.json"]) expect(loadInputFile(path.join(FIXTURES, f)).failure, f).toBeUndefined();
        const stack = "urn:pulumi:dev::site::pulumi:pulumi:Stack::site-dev";
        const policy = "urn:pulumi:dev::site::aws:s3/bucketPolicy:BucketPolicy::site-policy";
        const preview = (diagnostics: unknown) => parseInput({ steps: [{ op: "create", urn: stack, newState: { urn: stack, type: "pulumi:pulumi:Stack" } }], diagnostics }, "t");
        expect(preview([{ urn: stack, message: "deprecated", severity: "warning" }, { message: "hello", severity: "info" }]).failure).toBeUndefined();
        expect(preview("not a list").failure).toBeUndefined();
        const failed = preview([{ urn: policy, message: "aws:s3/bucketPolicy:BucketPolicy resource 'site-policy' has a problem: ...", severity: "error" }, { urn: stack, message: "x", severity: "error" }, null]);
        expect(failed.failure).toEqual({ errors: 2, first: 'aws:s3/bucketPolicy:BucketPolicy "site-policy"' });
        expect(failureNote(failed.failure)).toMatch(/^the preview failed \(2 errors in its diagnostics, the first on aws:s3\/bucketPolicy:BucketPolicy "site-policy"\): /);
        expect(failureNote(undefined)).toBeUndefined();
        // With no steps: refused, as there is nothing to check; without errors, the shape is unknown as before.
        expect(() => parseInput({ diagnostics: [{ urn: stack, message: "x", severity: "error" }] }, "t")).toThrow(InputError);
        expect(() => parseInput({ diagnostics: [{ urn: stack, message: "x", severity: "error" }] }, "t")).toThrow(/failed before its first step \(1 error in its diagnostics\)/);
        expect(() => parseInput({ diagnostics: [] }, "t")).toThrow(/unknown input shape/);
    });

    it("counts each read once per URN, in the streamed and the whole-file readings alike; a pending deletion, a read-discard or a refresh is no read", () => {
        for (const [file, expected] of [
            ["samples/stack-export-reads.json", ["acme/network/prod", "PortfolioBucket", "RateLimitTable", "legacy-db", "shared-key"]],
            ["samples/preview-reads.json", ["PortfolioBucket", "RateLimitTable", "legacy-db"]],
        ] as const) {
            const streamed = loadInputFile(path.join(FIXTURES, file));
            const whole = parseInput(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8")), file);
            for (const input of [streamed, whole]) expect([...input.reads!.keys()].map((u) => u.split("::").pop()), file).toEqual(expected);
        }
        const urn = (name: string) => `urn:pulumi:s::p::aws:kms/key:Key::${name}`;
        const state = (name: string, extra: Record<string, unknown> = {}) => ({ urn: urn(name), type: "aws:kms/key:Key", custom: true, external: true, ...extra });
        const steps = [
            { op: "read-discard", urn: urn("gone"), oldState: state("gone"), newState: state("gone") },
            { op: "refresh", urn: urn("refreshed"), oldState: state("refreshed"), newState: state("refreshed") },
            { op: "read-replacement", urn: urn("r"), oldState: state("r", { external: false }), newState: state("r") },
            { op: "replace", urn: urn("r"), oldState: state("r", { external: false }), newState: state("r") },
        ];
        const file = writeTmp("preview-read-kinds.json", JSON.stringify({ steps }));
        expect([...loadInputFile(file).reads!.keys()]).toEqual([urn("r")]);
        expect([...parseInput({ steps }, "t").reads!.keys()]).toEqual([urn("r")]);
        const exported = { deployment: { resources: [state("pending", { delete: true }), state("read")] } };
        expect([...loadInputFile(writeTmp("export-read-kinds.json", JSON.stringify(exported))).reads!.keys()]).toEqual([urn("read")]);
        expect([...parseInput(exported, "t").reads!.keys()]).toEqual([urn("read")]);
    });

    it("internal keys are dropped for analysis, at every depth", () => {
        expect(withoutInternalKeys({ __defaults: ["a"], a: { __x: 1, b: [{ __y: 2, c: 3 }] } })).toEqual({ a: { b: [{ c: 3 }] } });
    });
});

describe("stack export versions and features, as the Pulumi CLI reads them", () => {
    const stack = { urn: "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev", custom: false, type: "pulumi:pulumi:Stack" };
    const key = { urn: "urn:pulumi:dev::shop::aws:kms/key:Key::k", custom: true, type: "aws:kms/key:Key", inputs: { enableKeyRotation: false }, defaults: {} };
    const exported = (top: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...top, deployment: { manifest: {}, resources: [stack, key], ...extra } });
    const both = (name: string, o: unknown) => [parseInput(o, "t"), loadInputFile(writeTmp(name, JSON.stringify(o)))];
    it("reads versions 1 to 4 (1 and 2 as the CLI migrates them), none (a trimmed export), and features the CLI supports from version 4; unknown features of version 3 are not read, as the CLI does not", () => {
        for (const [i, top] of [{ version: 1 }, { version: 2 }, { version: 3 }, {}, { version: 4, features: ["refreshBeforeUpdate", "taint", "snippets"] }, { version: 3, features: ["quantumState"] }, { version: 4, features: null }].entries()) {
            for (const input of both(`versions-${i}.json`, exported(top))) expect(input.resources.map((r) => r.name), JSON.stringify(top)).toEqual(["shop-dev", "k"]);
        }
    });
    it("refuses other versions and unknown features, whole and streamed, with one message", () => {
        for (const [i, [top, message]] of ([
            [{ version: 5 }, /deployment version 5 is newer than check understands/],
            [{ version: -1 }, /deployment version -1 is too old/],
            [{ version: 3.5 }, /"version" must be a whole number/],
            [{ version: 4, features: ["views", "quantumState", 7] }, /features that check does not support: quantumState, 7 /],
            [{ version: 4, features: "taint" }, /"features" must be a list/],
        ] as [Record<string, unknown>, RegExp][]).entries()) {
            expect(() => parseInput(exported(top), "t"), JSON.stringify(top)).toThrow(message);
            expect(() => loadInputFile(writeTmp(`refused-${i}.json`, JSON.stringify(exported(top)))), JSON.stringify(top)).toThrow(message);
        }
    });
    it("keeps pending operations (URN, type, operation only), leaves reads out, and refuses ones that are not operations", () => {
        const pending = [{ resource: { ...key, urn: "urn:pulumi:dev::shop::aws:kms/key:Key::new", inputs: { description: "Zq7-pending" } }, type: "creating" }, { resource: key, type: "deleting" }, { resource: { ...key, external: true }, type: "updating" }];
        for (const input of both("pending-ops.json", exported({ version: 3 }, { pending_operations: pending }))) {
            expect(input.pending).toEqual([{ urn: "urn:pulumi:dev::shop::aws:kms/key:Key::new", type: "aws:kms/key:Key", op: "creating" }, { urn: key.urn, type: "aws:kms/key:Key", op: "deleting" }]);
            expect(input.resources.map((r) => r.name)).toEqual(["shop-dev", "k"]);
            expect(pendingNote(input.pending)).toMatch(/^the stack has 2 pending operations .*"new" \(interrupted while creating\), aws:kms\/key:Key "k" \(interrupted while deleting\); their state is unknown and a resource being created is not analyzed/);
        }
        expect(pendingNote([{ urn: key.urn, type: "aws:kms/key:Key", op: "updating" }])).not.toMatch(/being created/);
        expect(pendingNote(undefined)).toBeUndefined();
        for (const [i, ops] of [[{ type: "creating" }], "creating", [{ resource: key }]].entries()) {
            expect(() => parseInput(exported({ version: 3 }, { pending_operations: ops }), "t")).toThrow(InputError);
            expect(() => loadInputFile(writeTmp(`bad-pending-${i}.json`, JSON.stringify(exported({ version: 3 }, { pending_operations: ops }))))).toThrow(InputError);
        }
    });
    it("reads inputs or outputs of null as none (Go writes a nil map so), and refuses other non-objects, naming the resource and the property", () => {
        for (const input of both("null-maps.json", exported({ version: 3 }).deployment.resources && { version: 3, deployment: { resources: [stack, { ...key, inputs: null, outputs: null }] } })) {
            expect(input.resources[1].inputs).toEqual({});
        }
        for (const [i, bad] of [{ inputs: "x" }, { inputs: [] }, { outputs: 3 }, { outputs: true }].entries()) {
            const o = { version: 3, deployment: { resources: [stack, { ...key, ...bad }] } };
            const field = Object.keys(bad)[0];
            const message = new RegExp(`deployment\\.resources\\[1\\]: "${field}" of urn:pulumi:dev::shop::aws:kms/key:Key::k must be an object`);
            expect(() => parseInput(o, "t"), JSON.stringify(bad)).toThrow(message);
            expect(() => loadInputFile(writeTmp(`bad-map-${i}.json`, JSON.stringify(o))), JSON.stringify(bad)).toThrow(message);
        }
    });
});

describe("byte strings and floats in stack exports, as the Pulumi CLI writes and reads them (pkg/resource/stack/deployment.go)", () => {
    const BYTES = "803fd3297a5875dc03ca845dda5d2a98";
    const FLOAT = "8ad145fe-0d11-4827-bfd7-1abcbf086f5c";
    const stack = { urn: "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev", custom: false, type: "pulumi:pulumi:Stack" };
    const CMD = "urn:pulumi:dev::shop::command:local:Command::probe";
    const command = (outputs: Record<string, unknown>) => ({ urn: CMD, custom: true, type: "command:local:Command", inputs: { create: "probe" }, outputs });
    const exported = (...resources: unknown[]) => ({ version: 4, features: ["byteString"], deployment: { resources: [stack, ...resources] } });
    const both = (name: string, o: unknown) => [() => parseInput(o, "t"), () => loadInputFile(writeTmp(name, JSON.stringify(o)))];
    const bytes = (value: unknown) => ({ [SIG_KEY]: BYTES, value });
    // A PNG header: 0x89 and 0xff are no UTF-8.
    const PNG = "iVBORw0KGgr/2A==";

    it("reads the features the CLI writes: byteString, and snippets-prototype (the CLI's name for snippets)", () => {
        for (const [i, features] of [["byteString"], ["snippets-prototype", "refreshBeforeUpdate"]].entries()) {
            for (const read of both(`features-${i}.json`, { ...exported(), features })) expect(read().resources.map((r) => r.name)).toEqual(["shop-dev"]);
        }
    });

    it("refuses bytes that are not UTF-8, as the CLI refuses to send them to a policy pack, naming the URN and the property, never the value", () => {
        const cases: [string, unknown, RegExp][] = [
            ["output", command({ stdout: bytes(PNG) }), /urn:pulumi:dev::shop::command:local:Command::probe: outputs\.stdout holds bytes that are not UTF-8/],
            ["nested input", { ...command({}), inputs: { environment: { SEED: bytes(PNG) } } }, /::probe: inputs\.environment\.SEED holds bytes/],
            ["in a list", command({ chunks: ["a", bytes(PNG)] }), /::probe: outputs\.chunks\[1\] holds bytes/],
            // `--show-secrets`: the secret's plaintext holds the byte string; its path is named, not its bytes.
            ["secret plaintext", command({ stdout: { [SIG_KEY]: SIG.secret, plaintext: JSON.stringify(bytes(PNG)) } }), /::probe: outputs\.stdout holds bytes/],
        ];
        for (const [name, resource, message] of cases) {
            for (const read of both(`bytes-${name.replace(/ /g, "-")}.json`, exported(resource))) {
                expect(read, name).toThrow(InputError);
                expect(read, name).toThrow(message);
                expect(read, name).toThrow(/the Pulumi CLI does not send such a string to a policy pack/);
                expect(read, name).not.toThrow(/iVBOR|PNG/);
            }
        }
    });

    it("reads a byte string of UTF-8 bytes as its text, and a ciphertext secret as an unknown secret, whatever it holds", () => {
        for (const read of both("bytes-utf8.json", exported(command({ stdout: bytes(Buffer.from("héllo\n").toString("base64")), stderr: { [SIG_KEY]: SIG.secret, ciphertext: "v1:AbCd:EfGh" } })))) {
            const outputs = read().resources[1].outputs!;
            expect(outputs.stdout).toBe("héllo\n");
            expect(isWireSecret(outputs.stderr)).toBe(true);
        }
    });

    it("refuses malformed byte strings and floats, as the CLI refuses to import them", () => {
        for (const [i, bad] of [bytes(undefined), bytes(7), bytes("not base64!"), bytes("iVBORw0KGgr/2A"), { [SIG_KEY]: FLOAT, value: "0x7ff8" }, { [SIG_KEY]: FLOAT }].entries()) {
            for (const read of both(`malformed-${i}.json`, exported(command({ stdout: bad })))) {
                expect(read, JSON.stringify(bad)).toThrow(/urn:pulumi:dev::shop::command:local:Command::probe: outputs\.stdout: malformed (byte string|float)/);
            }
        }
    });

    it("reads NaN and the infinities the CLI writes as a float signature, as the numbers the CLI sends", () => {
        const float = (hex: string) => ({ [SIG_KEY]: FLOAT, value: hex });
        for (const read of both("floats.json", exported(command({ ratio: float("7ff8000000000001"), limit: float("7ff0000000000000"), floor: float("fff0000000000000"), big: float("7FEFFFFFFFFFFFFF") })))) {
            const outputs = read().resources[1].outputs!;
            expect(outputs.ratio).toBeNaN();
            expect([outputs.limit, outputs.floor, outputs.big]).toEqual([Infinity, -Infinity, Number.MAX_VALUE]);
        }
    });

    it("check (engine path): refuses the CLI's export with bytes that are not UTF-8 in one line, exit 2; judges one with NaN and infinities", () => {
        const refused = check("--config", ALL_ADVISORY, path.join(FIXTURES, "samples/stack-export-byte-string.json"));
        expect(refused.code).toBe(2);
        expect(refused.stderr.trim().split("\n")).toHaveLength(1);
        expect(refused.stderr).toMatch(/urn:pulumi:prod::imaging::command:local:Command::watermark-header: outputs\.stdout holds bytes that are not UTF-8/);
        expect(refused.stderr).not.toMatch(/iVBOR|\n\s+at /);
        const judged = check("--config", ALL_ADVISORY, path.join(FIXTURES, "samples/stack-export-floats.json"));
        expect(judged.stderr).toBe("");
        expect(judged.code).toBe(0);
        expect(judged.stdout).toMatch(/kms-key-rotation/);
    });
});
