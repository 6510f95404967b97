// `check --format table|json|sarif [--output <file>]` end to end: the real pack over a
// fixture with violations at two enforcement levels, with stdout/stderr standing in for a
// terminal or a pipe; exempted findings in each format, and a verdict equal to the pack's
// own. Exit codes are checked on the built CLI, as a user runs it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { CheckIO, main } from "../cli/check";
import { parsePolicyPackConfig } from "../cli/engine/policy-config";
import { loadInputFile } from "../cli/inputs";
import { violationText } from "../cli/report";
import { POLICIES } from "../policies";
import { runCheck } from "./helpers/check";
import { FIXTURES, PACK_DIR, useEngine } from "./helpers/engine";
import { githubSarifProblems, sarifSchemaErrors } from "./helpers/sarif-schema";

const FIXTURE = path.relative(PACK_DIR, path.join(FIXTURES, "check-formats/mixed-levels.json"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-formats-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const CONFIG = path.join(tmp, "levels.json");
fs.writeFileSync(CONFIG, JSON.stringify({
    all: "disabled",
    "rds-deletion-protection": { enforcementLevel: "mandatory", exemptions: [{ name: "legacy-*", reason: "being migrated" }] },
    "resource-protect": "advisory",
}));

// analytics exempt from rds-deletion-protection (live); orders-db's resource-protect exemption has expired.
const EXEMPT_CONFIG = path.join(tmp, "exempt.json");
const EXEMPT = {
    all: "disabled",
    "rds-deletion-protection": {
        enforcementLevel: "mandatory",
        exemptions: [
            { name: "analytics", type: "aws:rds/cluster:Cluster", reason: "Being migrated to DynamoDB (SEC-7)", expires: "2099-12-31" },
            { name: "legacy-*", reason: "being migrated" },
        ],
    },
    "resource-protect": { enforcementLevel: "advisory", exemptions: [{ name: "orders-db", reason: "Old waiver", expires: "2020-01-31" }] },
};
fs.writeFileSync(EXEMPT_CONFIG, JSON.stringify(EXEMPT));

const URN = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;
const ORDERS = URN("aws:rds/instance:Instance", "orders-db");
const ANALYTICS = URN("aws:rds/cluster:Cluster", "analytics");
const ESC = "\x1b[";

/** Streams that say they are (or are not) a terminal and keep what is written. */
function terminal(stdoutTTY: boolean, stderrTTY: boolean) {
    const out = { stdout: "", stderr: "" };
    const io: CheckIO = {
        stdout: { isTTY: stdoutTTY, write: (s: string) => (out.stdout += s) },
        stderr: { isTTY: stderrTTY, write: (s: string) => (out.stderr += s) },
    };
    return { io, out };
}

async function check(args: string[], tty: { stdout: boolean; stderr: boolean }, config = CONFIG) {
    const t = terminal(tty.stdout, tty.stderr);
    const code = await main([...args, "--config", config, FIXTURE], t.io);
    return { code, ...t.out };
}

describe("check --format table (default)", () => {
    it("groups by resource with a summary by level; no colour and no progress when not on a terminal", async () => {
        const r = await check([], { stdout: false, stderr: false });
        expect(r.code).toBe(1);
        expect(r.stderr).toBe("");
        expect(r.stdout).not.toContain(ESC);
        expect(r.stdout).toMatch(new RegExp(
            `aws:rds/instance:Instance "orders-db"\\n\\s+${escape(ORDERS)}\\n\\s+mandatory\\s+rds-deletion-protection \\(severity low\\)\\n.*\\n\\s+advisory\\s+resource-protect \\(severity low\\)\\n`,
        ));
        expect(r.stdout).toMatch(new RegExp(`aws:rds/cluster:Cluster "analytics"\\n\\s+${escape(ANALYTICS)}\\n\\s+mandatory\\s+rds-deletion-protection \\(severity low\\)\\n`));
        expect(r.stdout).not.toContain('"sessions"');
        expect(r.stdout).toContain('note: exemption in rds-deletion-protection (name "legacy-*") matches no resource');
        expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("Summary: 3 violations (2 mandatory, 1 advisory) on 2 resources; 5 resources checked in 1 file.");
    });

    it("on a terminal: colour on stdout, progress on stderr erased at the end", async () => {
        const r = await check([], { stdout: true, stderr: true });
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(`${ESC}31;1mmandatory${ESC}0m`);
        expect(r.stderr).toContain(`check: ${FIXTURE}: 1/5 resources analyzed (20%)`);
        expect(r.stderr).toContain(`check: ${FIXTURE}: 5/5 resources analyzed (100%)`);
        expect(r.stderr.endsWith("\r\x1b[2K")).toBe(true);
    });
});

/** A JSON or SARIF run on a terminal: exit 1 (mandatory violations), parsed stdout, nothing else. */
function machineReport(r: { code: number; stdout: string; stderr: string }) {
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(""); // no progress line
    expect(r.stdout).not.toContain(ESC); // no colour
    expect(r.stdout).not.toContain("\r");
    return JSON.parse(r.stdout);
}

describe("check --format json", () => {
    it("writes only the documented JSON to stdout, even on a terminal", async () => {
        const report = machineReport(await check(["--format", "json"], { stdout: true, stderr: true }));
        expect(report.version).toBe(2);
        expect(report.tool.name).toBe("aws-security-baseline");
        expect(report.tool.version).toBe(JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")).version);
        expect(report.summary).toEqual({
            files: 1, resources: 5, violations: 3, byLevel: { mandatory: 2, remediate: 0, advisory: 1 }, bySeverity: { critical: 0, high: 0, medium: 0, low: 3 },
            resourcesWithViolations: 2, exempted: 0,
        });
        expect(report.violations.map((v: any) => [v.policy, v.enforcementLevel, v.severity, v.urn, v.type, v.name, v.file])).toEqual([
            ["rds-deletion-protection", "mandatory", "low", ORDERS, "aws:rds/instance:Instance", "orders-db", FIXTURE],
            ["rds-deletion-protection", "mandatory", "low", ANALYTICS, "aws:rds/cluster:Cluster", "analytics", FIXTURE],
            ["resource-protect", "advisory", "low", ORDERS, "aws:rds/instance:Instance", "orders-db", FIXTURE],
        ]);
        expect(report.violations[0].location).toEqual({ file: FIXTURE, line: 8 });
        expect(report.violations[0].message).toMatch(/^aws:rds\/instance:Instance "orders-db": deletionProtection is not set/);
        expect(report.exemptionsUnused).toEqual([{ file: FIXTURE, policy: "rds-deletion-protection", exemption: { name: "legacy-*", reason: "being migrated" } }]);
    });
});

describe("check --format sarif", () => {
    it("writes valid SARIF 2.1.0: a rule per policy of the pack, results with levels and locations", async () => {
        const log = machineReport(await check(["--format", "sarif"], { stdout: true, stderr: true }));
        expect(sarifSchemaErrors(log)).toEqual([]);
        expect(githubSarifProblems(log)).toEqual([]);
        const run = log.runs[0];
        const ruleIds = run.tool.driver.rules.map((x: any) => x.id);
        // The registry's policies, each once: no helper that never reports.
        expect(ruleIds).toEqual(POLICIES.map((p) => p.name));
        for (const rule of run.tool.driver.rules) {
            expect(rule.helpUri).toBe(`https://github.com/aws-security-baseline/aws-security-baseline/blob/HEAD/docs/policies/${rule.id}.md`);
            expect(rule.help.text.length).toBeGreaterThan(0);
        }
        expect(run.results.map((x: any) => [x.ruleId, x.level, ruleIds[x.ruleIndex], x.locations[0].logicalLocations[0].fullyQualifiedName])).toEqual([
            ["rds-deletion-protection", "error", "rds-deletion-protection", ORDERS],
            ["rds-deletion-protection", "error", "rds-deletion-protection", ANALYTICS],
            ["resource-protect", "warning", "resource-protect", ORDERS],
        ]);
        // Located at the fixture entry that declares the resource.
        const lines = fs.readFileSync(path.join(PACK_DIR, FIXTURE), "utf8").split("\n");
        const [orders, analytics] = run.results.map((x: any) => x.locations[0].physicalLocation);
        expect(orders.artifactLocation.uri).toBe("fixtures/check-formats/mixed-levels.json");
        expect(lines[orders.region.startLine - 1]).toContain('"name": "orders-db"');
        expect(lines[analytics.region.startLine - 1]).toContain('"name": "analytics"');
    });
});

describe("exempted findings: out of the verdict, in every format", () => {
    const exempt = (format: string) => check(["--format", format], { stdout: false, stderr: false }, EXEMPT_CONFIG);

    it("table: an exempted section with the reason and expiry; an expired exemption's finding stays, saying so", async () => {
        const r = await exempt("table");
        expect(r.code).toBe(1); // orders-db still violates a mandatory policy
        expect(r.stderr).toBe("");
        const [violations, exempted] = r.stdout.split("  exempted (1, not counted in the verdict):");
        expect(violations).not.toContain('"analytics"');
        expect(violations).toContain('(The exemption for this resource expired on 2020-01-31: "Old waiver".)');
        expect(exempted).toMatch(new RegExp(
            `aws:rds/cluster:Cluster "analytics"\\n\\s+${escape(ANALYTICS)}\\n\\s+mandatory\\s+rds-deletion-protection \\(severity low\\)\\n` +
            `\\s+exempt: "Being migrated to DynamoDB \\(SEC-7\\)" \\(until 2099-12-31\\)\\n\\s+aws:rds/cluster:Cluster "analytics": deletionProtection is false`,
        ));
        expect(r.stdout).toContain('note: exemption in rds-deletion-protection (name "legacy-*") matches no resource');
        expect(r.stdout).toContain("Summary: 2 violations (1 mandatory, 1 advisory) on 1 resource; 1 exempted; 5 resources checked in 1 file.");
    });

    it("JSON: `exempted` records with the exemption; the expired one on its violation", async () => {
        const report = JSON.parse((await exempt("json")).stdout);
        expect(report.summary).toMatchObject({ violations: 2, exempted: 1 });
        expect(report.exempted).toEqual([expect.objectContaining({
            policy: "rds-deletion-protection", enforcementLevel: "mandatory", severity: "low", urn: ANALYTICS, name: "analytics",
            exemption: { name: "analytics", type: "aws:rds/cluster:Cluster", reason: "Being migrated to DynamoDB (SEC-7)", expires: "2099-12-31" },
        })]);
        const expired = report.violations.find((v: any) => v.policy === "resource-protect");
        expect(expired.expiredExemption).toEqual({ name: "orders-db", reason: "Old waiver", expires: "2020-01-31" });
        expect(report.exemptionsUnused.map((u: any) => u.exemption.name)).toEqual(["legacy-*"]);
    });

    it("SARIF: the exempted result carries an external suppression with the reason as justification", async () => {
        const log = JSON.parse((await exempt("sarif")).stdout);
        expect(sarifSchemaErrors(log)).toEqual([]);
        expect(githubSarifProblems(log)).toEqual([]);
        const results = log.runs[0].results;
        const suppressed = results.filter((x: any) => x.suppressions);
        expect(suppressed.map((x: any) => [x.ruleId, x.locations[0].logicalLocations[0].fullyQualifiedName, x.suppressions])).toEqual([
            ["rds-deletion-protection", ANALYTICS, [{ kind: "external", status: "accepted", justification: "Being migrated to DynamoDB (SEC-7)", properties: { expires: "2099-12-31" } }]],
        ]);
        expect(results.filter((x: any) => !x.suppressions)).toHaveLength(2);
    });

    describe("the verdict equals what the pack itself reports under `pulumi preview`", () => {
        const engine = useEngine({ stack: "prod", project: "shop" });
        // At remediate the pack fixes what it may; an exempt resource must stay as it is, so check leaves those exemptions to the pack.
        const REMEDIATE = {
            "secret-sensitive-props": { enforcementLevel: "remediate", exemptions: [{ name: "orders-broker", reason: "Local dev broker" }] },
            "rds-deletion-protection": { enforcementLevel: "mandatory", exemptions: [{ type: "aws:dynamodb/*", reason: "Tables are backed up" }] },
            // check hands the pack the stack export's secrets provider; the bare engine run does not.
            "secrets-provider-allowlist": "disabled",
        };
        const cases: [string, string, object][] = [
            ["exemptions live, expired and unused", FIXTURE, EXEMPT],
            ["exemptions of a policy at remediate", "fixtures/insecure-stack.json", REMEDIATE],
        ];
        it.each(cases)("%s: same violations, same messages (expired note included), same levels", async (_label, file, config) => {
            const run = await engine.run(loadInputFile(path.join(PACK_DIR, file)), { config: parsePolicyPackConfig(config) });
            const pack = run.diagnostics.map((d) => [d.policyName, d.urn, d.enforcementLevel, violationText(d)]);
            const configFile = path.join(tmp, `verdict-${_label.length}.json`);
            fs.writeFileSync(configFile, JSON.stringify(config));
            const t = terminal(false, false);
            await main(["--format", "json", "--config", configFile, file], t.io);
            const report = JSON.parse(t.out.stdout);
            expect(report.violations.map((v: any) => [v.policy, v.urn, v.enforcementLevel, v.message])).toEqual(pack);
            expect(report.exempted.length).toBeGreaterThan(0);
        });
    });
});

describe("check --output", () => {
    it("writes the report to the file and nothing to stdout; the exit code is unchanged", async () => {
        const file = path.join(tmp, "report.sarif");
        const r = await check(["--format", "sarif", "--output", file], { stdout: false, stderr: false });
        expect(r.code).toBe(1);
        expect([r.stdout, r.stderr]).toEqual(["", ""]);
        expect(sarifSchemaErrors(JSON.parse(fs.readFileSync(file, "utf8")))).toEqual([]);
    });

    it("writes a table without colour, though stdout is a terminal", async () => {
        const file = path.join(tmp, "report.txt");
        const r = await check(["--output", file], { stdout: true, stderr: false });
        expect(r.stdout).toBe("");
        const text = fs.readFileSync(file, "utf8");
        expect(text).not.toContain(ESC);
        expect(text).toContain("Summary: 3 violations (2 mandatory, 1 advisory)");
    });
});

describe("check with unusable format options: exit 2, one line on stderr", () => {
    const cases: [string, string[], string][] = [
        ["unknown format", ["--format", "xml"], 'check: --format must be one of table, json, sarif, not "xml"\n'],
        ["output in a missing directory", ["--output", path.join(tmp, "missing/report.json")], `check: --output ${path.join(tmp, "missing/report.json")}: directory ${path.join(tmp, "missing")} does not exist\n`],
        ["output is a directory", ["--output", tmp], `check: --output ${tmp}: is a directory\n`],
    ];
    it.each(cases)("%s", (_label, args, stderr) => {
        const r = runCheck([...args, FIXTURE]);
        expect([r.code, r.stdout, r.stderr]).toEqual([2, "", stderr]);
    });
});

function escape(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
