// The report formatters on a hand-built run: table, JSON (docs/report-format.md) and SARIF,
// with exempted findings and program source positions, plus the terminal progress line.
// test/check-formats.test.ts runs them through `check`.
import * as path from "path";
import { describe, expect, it } from "vitest";
import type { EngineResource } from "../cli/engine/model";
import type { AnalyzerInfo, Diagnostic, PolicyInfo } from "../cli/engine/pack-process";
import { progressLine } from "../cli/progress";
import { CheckReport, FileResult, formatJson, formatTable, jsonReport, ReportOptions, reportedFindings, resourceLines } from "../cli/report";
import { artifactUri, GITHUB_MAX_RESULTS, sarifLevel, sarifLog } from "../cli/sarif";
import { githubSarifProblems, sarifSchemaErrors } from "./helpers/sarif-schema";

const STACK_URN = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";
const DB_URN = "urn:pulumi:prod::shop::aws:rds/instance:Instance::orders-db";
const CHILD_URN = "urn:pulumi:prod::shop::my:app:Store$aws:s3/bucketV2:BucketV2::store-data";

function policy(name: string, over: Partial<PolicyInfo> = {}): PolicyInfo {
    return {
        name,
        displayName: `${name} display`,
        description: `${name} description.`,
        enforcementLevel: "advisory",
        severity: "high",
        remediationSteps: `Fix ${name}.`,
        url: `https://example.com/docs/policies/${name}.md`,
        tags: ["aws"],
        policyType: "resource",
        ...over,
    };
}

const PACK: AnalyzerInfo = {
    name: "aws-security-baseline",
    version: "1.2.3",
    description: "pack",
    supportsConfig: true,
    initialConfig: {},
    policies: [
        policy("db-protection", { framework: { name: "AWS Foundational Security Best Practices", version: "1.0.0", reference: "RDS.8", specification: "RDS DB instances should have deletion protection enabled" } }),
        policy("no-admin", { enforcementLevel: "mandatory", severity: "critical", policyType: "stack" }),
        policy("auto-fix", { enforcementLevel: "remediate", severity: "low" }),
        policy("off", { enforcementLevel: "disabled", severity: "medium" }),
    ],
};

function resource(urn: string, type: string, name: string): EngineResource {
    return { urn, type, name, custom: true, inputs: {}, protect: false, dependencies: [], propertyDependencies: {} };
}

function diag(policyName: string, enforcementLevel: Diagnostic["enforcementLevel"], urn: string, text: string, severity?: Diagnostic["severity"]): Diagnostic {
    const description = `${policyName} description.`;
    return { policyName, policyPackName: PACK.name, policyPackVersion: PACK.version, description, message: `${description}\n${text}`, enforcementLevel, severity, urn };
}

const RESOURCES = [
    resource(STACK_URN, "pulumi:pulumi:Stack", "shop-prod"),
    resource(DB_URN, "aws:rds/instance:Instance", "orders-db"),
    resource(CHILD_URN, "aws:s3/bucketV2:BucketV2", "store-data"),
];

const SCRATCH_URN = "urn:pulumi:prod::shop::aws:rds/instance:Instance::scratch-db";
const STACK_FILE: FileResult = {
    file: "stacks/prod.json",
    stack: "prod",
    resources: [...RESOURCES, resource(SCRATCH_URN, "aws:rds/instance:Instance", "scratch-db")],
    diagnostics: [
        diag("db-protection", "advisory", DB_URN, 'aws:rds/instance:Instance "orders-db": deletionProtection is not set.', "high"),
        diag("no-admin", "mandatory", DB_URN, "policy allows *:*."),
        { ...diag("auto-fix", "remediate", CHILD_URN, 'bucket was fixed. (The exemption for this resource expired on 2020-01-31: "old".)'), expiredExemption: { name: "store-*", reason: "old", expires: "2020-01-31" } },
        diag("no-admin", "mandatory", "", "the stack has no secrets provider."),
    ],
    exempted: [
        { ...diag("db-protection", "advisory", SCRATCH_URN, 'aws:rds/instance:Instance "scratch-db": deletionProtection is not set.'), exemption: { name: "scratch-*", reason: "Recreated nightly", expires: "2099-12-31" } },
    ],
    logs: [{ severity: "warning", message: "config key deprecated", urn: "" }],
    unusedExemptions: [{ policy: "db-protection", exemption: { name: "legacy-*", reason: "migrating" } }],
};

const REPORT: CheckReport = { pack: PACK, files: [STACK_FILE] };
const SOURCE = [
    "{",
    '  "resources": [',
    '    { "type": "aws:rds/instance:Instance",',
    '      "name": "orders-db", "props": { "name": "store-data" } },',
    '    { "urn": "urn:pulumi:prod::shop::my:app:Store$aws:s3/bucketV2:BucketV2::store-data" },',
    '    { "type": "aws:rds/instance:Instance", "name": "scratch-db" }',
    "  ]",
    "}",
].join("\n");
const OPTIONS: ReportOptions = { cwd: "/repo", readSource: (f) => (f === "stacks/prod.json" ? SOURCE : undefined) };

/** A --program run: findings at the lines that construct their resources. */
const PROGRAM_URN = "urn:pulumi:dev::app::aws:s3/bucketV2:BucketV2::logs";
const PROGRAM_FILE: FileResult = {
    file: "infra",
    stack: "dev",
    resources: [resource("urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev", "pulumi:pulumi:Stack", "app-dev"), resource(PROGRAM_URN, "aws:s3/bucketV2:BucketV2", "logs")],
    diagnostics: [
        diag("db-protection", "advisory", PROGRAM_URN, "bucket is not encrypted."),
        diag("no-admin", "mandatory", "", "the stack has no secrets provider."),
    ],
    exempted: [],
    logs: [],
    unusedExemptions: [],
    program: { projectFile: "/repo/infra/Pulumi.yaml", sources: { [PROGRAM_URN]: { file: "/repo/infra/src/storage.ts", line: 22, column: 14 } } },
};

describe("table", () => {
    it("groups by resource, most severe first, with severity, exempted findings apart and a summary", () => {
        const text = formatTable(REPORT, false, OPTIONS);
        expect(text).toBe([
            "stacks/prod.json  (stack prod, 4 resources)",
            "  note: warning: config key deprecated",
            '  note: exemption in db-protection (name "legacy-*") matches no resource: remove it if it is stale',
            "",
            '  aws:rds/instance:Instance "orders-db"',
            `    ${DB_URN}`,
            "    mandatory  no-admin (severity critical)",
            "      policy allows *:*.",
            "    advisory   db-protection (severity high)",
            '      aws:rds/instance:Instance "orders-db": deletionProtection is not set.',
            "",
            '  aws:s3/bucketV2:BucketV2 "store-data"',
            `    ${CHILD_URN}`,
            "    remediate  auto-fix (severity low)",
            '      bucket was fixed. (The exemption for this resource expired on 2020-01-31: "old".)',
            "",
            "  (stack)",
            "    mandatory  no-admin (severity critical)",
            "      the stack has no secrets provider.",
            "",
            "  exempted (1, not counted in the verdict):",
            "",
            '  aws:rds/instance:Instance "scratch-db"',
            `    ${SCRATCH_URN}`,
            "    advisory   db-protection (severity high)",
            '      exempt: "Recreated nightly" (until 2099-12-31)',
            '      aws:rds/instance:Instance "scratch-db": deletionProtection is not set.',
            "",
            "Summary: 4 violations (2 mandatory, 1 remediate, 1 advisory) on 3 resources; 1 exempted; 4 resources checked in 1 file.",
            "",
        ].join("\n"));
    });

    it("shows where a program constructs each resource", () => {
        const text = formatTable({ pack: PACK, files: [PROGRAM_FILE] }, false, OPTIONS);
        expect(text).toContain('  aws:s3/bucketV2:BucketV2 "logs"  infra/src/storage.ts:22\n');
        expect(text).toContain("Summary: 2 violations (1 mandatory, 1 advisory) on 2 resources; 2 resources checked in 1 file.");
    });

    it("paints only when asked to (a terminal)", () => {
        expect(formatTable(REPORT, false, OPTIONS)).not.toContain("\x1b[");
        const painted = formatTable(REPORT, true, OPTIONS);
        expect(painted).toContain("\x1b[31;1mmandatory\x1b[0m");
        expect(painted).toContain("\x1b[33madvisory \x1b[0m");
    });
});

describe("JSON report", () => {
    const report = jsonReport(REPORT, OPTIONS);

    it("has the documented top level (version 2)", () => {
        expect(Object.keys(report)).toEqual(["version", "tool", "summary", "files", "violations", "exempted", "notes", "exemptionsUnused"]);
        expect(report.version).toBe(2);
        expect(report.tool).toEqual({ name: "aws-security-baseline", version: "1.2.3" });
        expect(report.summary).toEqual({
            files: 1, resources: 4, violations: 4,
            byLevel: { mandatory: 2, remediate: 1, advisory: 1 },
            bySeverity: { critical: 2, high: 1, medium: 0, low: 1 },
            resourcesWithViolations: 2,
            exempted: 1,
        });
        expect(report.files).toEqual([{ file: "stacks/prod.json", stack: "prod", resources: 4, violations: 4, exempted: 1 }]);
        expect(report.notes).toEqual([{ file: "stacks/prod.json", severity: "warning", message: "config key deprecated" }]);
        expect(report.exemptionsUnused).toEqual([{ file: "stacks/prod.json", policy: "db-protection", exemption: { name: "legacy-*", reason: "migrating" } }]);
    });

    it("has one record per violation: metadata severity when the diagnostic has none, null resource for stack-wide findings, the declaring line", () => {
        const at = (line: number) => ({ file: "stacks/prod.json", line });
        expect(report.violations).toEqual([
            { policy: "db-protection", enforcementLevel: "advisory", severity: "high", urn: DB_URN, type: "aws:rds/instance:Instance", name: "orders-db", message: 'aws:rds/instance:Instance "orders-db": deletionProtection is not set.', file: "stacks/prod.json", location: at(4) },
            { policy: "no-admin", enforcementLevel: "mandatory", severity: "critical", urn: DB_URN, type: "aws:rds/instance:Instance", name: "orders-db", message: "policy allows *:*.", file: "stacks/prod.json", location: at(4) },
            { policy: "auto-fix", enforcementLevel: "remediate", severity: "low", urn: CHILD_URN, type: "aws:s3/bucketV2:BucketV2", name: "store-data", message: 'bucket was fixed. (The exemption for this resource expired on 2020-01-31: "old".)', file: "stacks/prod.json", location: at(5), expiredExemption: { name: "store-*", reason: "old", expires: "2020-01-31" } },
            { policy: "no-admin", enforcementLevel: "mandatory", severity: "critical", urn: null, type: null, name: null, message: "the stack has no secrets provider.", file: "stacks/prod.json", location: at(1) },
        ]);
        // Never invented: no policy reports a property path apart from its message.
        expect(report.violations.every((v) => !("propertyPath" in v))).toBe(true);
    });

    it("lists exempted findings with the exemption that hides them", () => {
        expect(report.exempted).toEqual([{
            policy: "db-protection", enforcementLevel: "advisory", severity: "high", urn: SCRATCH_URN, type: "aws:rds/instance:Instance", name: "scratch-db",
            message: 'aws:rds/instance:Instance "scratch-db": deletionProtection is not set.', file: "stacks/prod.json", location: { file: "stacks/prod.json", line: 6 },
            exemption: { name: "scratch-*", reason: "Recreated nightly", expires: "2099-12-31" },
        }]);
    });

    it("locates --program findings at the constructing line, else the project file", () => {
        const r = jsonReport({ pack: PACK, files: [PROGRAM_FILE] }, OPTIONS);
        expect(r.violations.map((v) => v.location)).toEqual([{ file: "infra/src/storage.ts", line: 22, column: 14 }, { file: "infra/Pulumi.yaml", line: 1 }]);
        expect(r.violations[0].file).toBe("infra");
    });

    it("names a resource the run did not list from its URN (type without the parent chain)", () => {
        const { violations: [v] } = reportedFindings({ pack: PACK, files: [{ ...STACK_FILE, resources: [], diagnostics: [diag("db-protection", "advisory", CHILD_URN, "x")] }] }, OPTIONS);
        expect([v.type, v.name]).toEqual(["aws:s3/bucketV2:BucketV2", "store-data"]);
    });

    it("keeps only the documented exemption keys of a config entry", () => {
        const odd = { name: "x", reason: "r", expires: "2030-01-01", extra: "y", urn: 3 } as never;
        const r = jsonReport({ pack: PACK, files: [{ ...STACK_FILE, unusedExemptions: [{ policy: "p", exemption: odd }] }] }, OPTIONS);
        expect(r.exemptionsUnused[0].exemption).toEqual({ name: "x", reason: "r", expires: "2030-01-01" });
    });

    it("is pretty-printed JSON with a trailing newline and nothing else", () => {
        const text = formatJson(REPORT, OPTIONS);
        expect(text.endsWith("}\n")).toBe(true);
        expect(JSON.parse(text)).toEqual(report);
    });
});

describe("SARIF", () => {
    const log = sarifLog(REPORT, OPTIONS) as any;
    const run = log.runs[0];

    it("is valid against the SARIF 2.1.0 JSON schema and what GitHub code scanning requires", () => {
        expect(sarifSchemaErrors(log)).toEqual([]);
        expect(githubSarifProblems(log)).toEqual([]);
        // The validators do reject what is not SARIF, or not for GitHub.
        expect(sarifSchemaErrors({ ...log, runs: [{ ...run, results: [{ ...run.results[0], level: "fatal" }] }] })).not.toEqual([]);
        expect(githubSarifProblems({ ...log, runs: [{ ...run, results: [{ ...run.results[0], partialFingerprints: {} }] }] })).toEqual([expect.stringContaining("primaryLocationLineHash")]);
    });

    it("maps enforcement levels to result levels", () => {
        expect(["mandatory", "advisory", "remediate", "disabled"].map((l) => sarifLevel(l as never))).toEqual(["error", "warning", "note", "note"]);
    });

    it("has one rule per policy with help, help URI, tags, severity and GitHub's security-severity", () => {
        const driver = run.tool.driver;
        expect([driver.name, driver.version, driver.semanticVersion]).toEqual(["aws-security-baseline", "1.2.3", "1.2.3"]);
        expect(driver.informationUri).toBe(require("../package.json").homepage);
        expect(driver.rules.map((r: any) => [r.id, r.defaultConfiguration.level, r.defaultConfiguration.enabled, r.properties.severity, r.properties["security-severity"]])).toEqual([
            ["db-protection", "warning", true, "high", "8.0"],
            ["no-admin", "error", true, "critical", "9.5"],
            ["auto-fix", "note", true, "low", "3.0"],
            ["off", "note", false, "medium", "5.5"],
        ]);
        const rule = driver.rules[0];
        expect(rule).toMatchObject({
            name: "DbProtection",
            shortDescription: { text: "db-protection description." },
            fullDescription: { text: "db-protection description. Compliance: AWS Foundational Security Best Practices 1.0.0 RDS.8." },
            helpUri: "https://example.com/docs/policies/db-protection.md",
            properties: { tags: ["aws", "security"], severity: "high" },
        });
        expect(rule.help.text).toBe("Fix db-protection.\n\nDocumentation: https://example.com/docs/policies/db-protection.md");
        expect(rule.help.markdown).toContain("**How to fix:** Fix db-protection.");
        expect(rule.help.markdown).toContain("[Policy documentation](https://example.com/docs/policies/db-protection.md)");
    });

    it("security-severity sits inside GitHub's band for each severity", () => {
        const band = { critical: [9.0, 10], high: [7.0, 8.9], medium: [4.0, 6.9], low: [0.1, 3.9] } as const;
        for (const r of run.tool.driver.rules) {
            const [lo, hi] = band[r.properties.severity as keyof typeof band];
            const score = Number(r.properties["security-severity"]);
            expect(score > lo || (lo !== 9.0 && score === lo), r.id).toBe(true);
            expect(score <= hi, r.id).toBe(true);
        }
    });

    it("has one result per finding, at the line declaring the resource and at its URN; exempted ones suppressed", () => {
        expect(run.results.map((r: any) => [r.ruleId, r.ruleIndex, r.level, r.suppressions?.[0]?.kind])).toEqual([
            ["db-protection", 0, "warning", undefined],
            ["no-admin", 1, "error", undefined],
            ["auto-fix", 2, "note", undefined],
            ["no-admin", 1, "error", undefined],
            ["db-protection", 0, "warning", "external"],
        ]);
        const [first, , third, stackWide, exempted] = run.results;
        expect(first.message.text).toBe('aws:rds/instance:Instance "orders-db": deletionProtection is not set.');
        expect(first.locations).toEqual([{
            physicalLocation: { artifactLocation: { uri: "stacks/prod.json", uriBaseId: "%SRCROOT%", index: 0 }, region: { startLine: 4 } },
            logicalLocations: [{ fullyQualifiedName: DB_URN, name: "orders-db", kind: "resource" }],
        }]);
        expect(third.locations[0].physicalLocation.region).toEqual({ startLine: 5 });
        expect(third.properties.expiredExemption).toEqual({ name: "store-*", reason: "old", expires: "2020-01-31" });
        // A stack-wide finding is about the file: GitHub rejects a result without a physical location.
        expect(stackWide.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: "stacks/prod.json", uriBaseId: "%SRCROOT%", index: 0 }, region: { startLine: 1 } } }]);
        expect(run.artifacts).toEqual([{ location: { uri: "stacks/prod.json", uriBaseId: "%SRCROOT%" } }]);
        expect(first.properties).toEqual({ enforcementLevel: "advisory", severity: "high", resourceType: "aws:rds/instance:Instance" });
        expect(exempted.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "Recreated nightly", properties: { expires: "2099-12-31" } }]);
        expect(exempted.locations[0].physicalLocation.region).toEqual({ startLine: 6 });
    });

    it("fingerprints a finding by policy and resource: not by path, line or wording; distinct per finding", () => {
        const prints = run.results.map((r: any) => r.partialFingerprints);
        for (const p of prints) {
            expect(p.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}:\d+$/);
            expect(p["policyResource/v1"]).toBe(p.primaryLocationLineHash);
        }
        expect(new Set(prints.map((p: any) => p.primaryLocationLineHash)).size).toBe(5);
        const moved: CheckReport = {
            pack: PACK,
            files: [{
                ...STACK_FILE,
                file: "elsewhere/stacks/renamed.json",
                diagnostics: STACK_FILE.diagnostics.map((d) => ({ ...d, message: `${d.message} Reworded.` })),
            }],
        };
        const again = (sarifLog(moved, { cwd: "/other/checkout" }) as any).runs[0].results.map((r: any) => r.partialFingerprints);
        expect(again).toEqual(prints);
    });

    it("locates --program results at the constructing line (with column), else the project file", () => {
        const program = (sarifLog({ pack: PACK, files: [PROGRAM_FILE] }, OPTIONS) as any).runs[0];
        expect(program.results.map((r: any) => [r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region])).toEqual([
            ["infra/src/storage.ts", { startLine: 22, startColumn: 14 }],
            ["infra/Pulumi.yaml", { startLine: 1 }],
        ]);
        expect(program.artifacts.map((a: any) => a.location.uri)).toEqual(["infra/src/storage.ts", "infra/Pulumi.yaml"]);
        expect(githubSarifProblems({ ...log, runs: [program] })).toEqual([]);
    });

    it("reports the pack's log and stale exemptions as tool notifications", () => {
        expect(run.invocations[0].executionSuccessful).toBe(true);
        expect(run.invocations[0].toolExecutionNotifications.map((n: any) => [n.level, n.message.text])).toEqual([
            ["warning", "config key deprecated"],
            ["note", 'exemption in db-protection (name "legacy-*") matches no resource: remove it if it is stale'],
        ]);
    });

    it("points at line 1 when the source cannot be read", () => {
        const unread = sarifLog(REPORT, { cwd: "/repo" }) as any;
        expect(unread.runs[0].results.map((r: any) => r.locations[0].physicalLocation.region.startLine)).toEqual([1, 1, 1, 1, 1]);
    });

    it(`keeps at most ${GITHUB_MAX_RESULTS} results, the most severe, and says so`, () => {
        const many = Array.from({ length: GITHUB_MAX_RESULTS + 2 }, (_, i) => diag("db-protection", "advisory", `urn:pulumi:prod::shop::aws:rds/instance:Instance::db-${i}`, "x"));
        const big = (sarifLog({ pack: PACK, files: [{ ...STACK_FILE, diagnostics: [...many, diag("no-admin", "mandatory", DB_URN, "y")], exempted: [] }] }, { cwd: "/repo" }) as any).runs[0];
        expect(big.results).toHaveLength(GITHUB_MAX_RESULTS);
        expect(big.results.filter((r: any) => r.level === "error")).toHaveLength(1);
        expect(big.invocations[0].toolExecutionNotifications.at(-1).message.text).toMatch(/^3 of 25003 results are left out/);
    });
});

describe("artifactUri", () => {
    const cases: [string, string, string][] = [
        ["relative path as given", "/repo", "stacks/prod.json"],
        ["absolute path inside the working directory", "/repo", "/repo/stacks/prod.json"],
        ["outside the working directory", "/repo/ci", "/repo/stacks/prod.json"],
        ["characters a URI must escape", "/repo", "my stacks/prod#1.json"],
    ];
    const expected = ["stacks/prod.json", "stacks/prod.json", "../stacks/prod.json", "my%20stacks/prod%231.json"];
    it.each(cases.map((c, i) => [...c, expected[i]]))("%s", (_label, cwd, file, uri) => {
        expect(artifactUri(file, cwd)).toBe(uri);
    });

    it("uses / on every platform", () => {
        expect(artifactUri(path.join("a", "b.json"), process.cwd())).toBe("a/b.json");
    });
});

describe("resourceLines", () => {
    const db = { urn: DB_URN, type: "aws:rds/instance:Instance", name: "orders-db" };
    const cases: [string, string, number | undefined][] = [
        ["stack export: the resource's own urn key", `{\n"parent": "${DB_URN}",\n"urn": "${DB_URN}"\n}`, 3],
        ["fixture: name with its type on the line before", '[\n{"type": "aws:rds/instance:Instance",\n"name": "orders-db"}\n]', 3],
        ["fixture: type and name on one line", '{"type": "aws:rds/instance:Instance", "name": "orders-db"}', 1],
        ["a props name far from any type is not the resource", '{"type": "aws:rds/instance:Instance",\n"name": "x",\n"props": {\n\n"tags": {},\n"name": "orders-db"}}', undefined],
        ["same name, other type", '{"type": "aws:s3/bucketV2:BucketV2", "name": "orders-db"}', undefined],
        ["escaped characters in the value", '{"type": "aws:rds/instance:Instance", "name": "orders\\u002ddb"}', 1],
        ["not JSON at all", "garbage \"urn\": \"\\x\"", undefined],
    ];
    it.each(cases)("%s", (_label, text, line) => {
        expect(resourceLines(text, [db]).get(DB_URN)).toBe(line);
    });

    it("finds the same lines when the text comes in chunks cut anywhere (check reads fixtures in chunks)", () => {
        const entries = Array.from({ length: 40 }, (_, i) => ({ urn: `${DB_URN}-${i}`, type: "aws:rds/instance:Instance", name: `db-${i}` }));
        const exportText = JSON.stringify({ deployment: { resources: entries.map((e) => ({ urn: e.urn, type: e.type, inputs: { name: e.name } })) } }, null, 4);
        const fixtureText = JSON.stringify({ resources: entries.map((e) => ({ type: e.type, name: e.name, props: {} })) }, null, 2);
        for (const text of [exportText, fixtureText]) {
            const whole = resourceLines(text, entries);
            expect(whole.size).toBe(entries.length);
            for (const size of [1, 7, 64, 1000]) {
                const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
                expect(resourceLines(chunks, entries)).toEqual(whole);
            }
        }
    });

    it("reads a file of one line longer than it holds at once (a minified export)", () => {
        const entries = Array.from({ length: 3 }, (_, i) => ({ urn: `${DB_URN}-${i}`, type: "aws:rds/instance:Instance", name: `db-${i}` }));
        const filler = "x".repeat(9 * 1024 * 1024);
        const text = JSON.stringify({ deployment: { resources: entries.map((e) => ({ urn: e.urn, type: e.type, inputs: { filler } })) } });
        const chunks = Array.from({ length: Math.ceil(text.length / (4 * 1024 * 1024)) }, (_, i) => text.slice(i * 4 * 1024 * 1024, (i + 1) * 4 * 1024 * 1024));
        expect([...resourceLines(chunks, entries).values()]).toEqual([1, 1, 1]);
    });
});

describe("progress line", () => {
    function recorder() {
        const writes: string[] = [];
        let t = 0;
        return { writes, stream: { isTTY: true, write: (s: string) => writes.push(s) }, advance: (ms: number) => (t += ms), now: () => t };
    }

    it("draws the first and last update, at most one per interval in between, then erases itself", () => {
        const r = recorder();
        const p = progressLine(r.stream, "check: big.json", 100, r.now);
        for (let done = 1; done <= 1000; done++) {
            p.update(done, 1000);
            r.advance(1);
        }
        p.clear();
        expect(r.writes[0]).toBe("\r\x1b[2Kcheck: big.json: 1/1000 resources analyzed (0%)");
        expect(r.writes.at(-2)).toBe("\r\x1b[2Kcheck: big.json: 1000/1000 resources analyzed (100%)");
        expect(r.writes.at(-1)).toBe("\r\x1b[2K");
        expect(r.writes.length).toBe(12); // 1, 101, 201, ..., 901, 1000, erase
    });

    it("erases nothing when it drew nothing", () => {
        const r = recorder();
        progressLine(r.stream, "x", 100, r.now).clear();
        expect(r.writes).toEqual([]);
    });
});
