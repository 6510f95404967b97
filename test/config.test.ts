// Configuration users can trust, through the engine path: schema rejection, enforcement
// levels (direct and through `all`), exemptions, and the publish-style boot.
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { PackProcess } from "../cli/engine/pack-process";
import { parsePolicyPackConfig, PolicyConfigError, reconcilePolicyConfig } from "../cli/engine/policy-config";
import { unusedExemptions } from "../cli/exemptions-report";
import { parseInput } from "../cli/inputs";
import { findExemption } from "../policies/lib/exemptions";
import { compileGlob, globError } from "../policies/lib/glob";
import { PACK_DIR, useEngine } from "./helpers/engine";

const RDS = "rds-deletion-protection";
const STACK_URN = "urn:pulumi:dev::project::pulumi:pulumi:Stack::project-dev";
const stack = {
    resources: [
        { type: "aws:rds/instance:Instance", name: "orders-db", props: { engine: "postgres" } },
        { type: "aws:rds/instance:Instance", name: "reports-db", props: { engine: "postgres" } },
        { type: "aws:rds/cluster:Cluster", name: "orders-aurora", props: { engine: "aurora-postgresql" } },
    ],
};
const ORDERS_DB = "urn:pulumi:dev::project::aws:rds/instance:Instance::orders-db";

describe("globs (one dialect for every config pattern)", () => {
    const cases: [string, string, boolean][] = [
        ["aws:rds/*", "aws:rds/instance:Instance", true],
        ["aws:*", "aws:rds/instance:Instance", true],
        ["urn:pulumi:*::orders-*", ORDERS_DB, true],
        ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster", false],
        ["aws:{rds,docdb}/cluster:Cluster", "aws:docdb/cluster:Cluster", true],
        ["s3:Get?bject", "s3:GetObject", true],
        ["[ab]*", "c", false],
    ];
    it.each(cases)("%s matches %s: %s", (pattern, subject, expected) => {
        expect(compileGlob(pattern)(subject)).toBe(expected);
    });
    it("reports malformed globs", () => {
        expect(globError("aws:{rds")).toMatch(/unclosed "\{"/);
        expect(globError("aws:[rds")).toMatch(/unclosed "\["/);
        expect(globError("")).toMatch(/must not be empty/);
        expect(globError("aws:*")).toBeNull();
    });
});

describe("exemption matching", () => {
    const ref = { urn: ORDERS_DB, type: "aws:rds/instance:Instance", name: "orders-db" };
    it("applies while live, reports expiry after the date, and needs every given glob to match", () => {
        const now = Date.parse("2026-06-15T12:00:00Z");
        expect(findExemption([{ name: "orders-*", reason: "r" }], ref, now).kind).toBe("exempt");
        expect(findExemption([{ name: "orders-*", type: "aws:rds/cluster:Cluster", reason: "r" }], ref, now).kind).toBe("none");
        expect(findExemption([{ name: "orders-db", reason: "r", expires: "2026-06-15" }], ref, now).kind).toBe("exempt");
        expect(findExemption([{ name: "orders-db", reason: "r", expires: "2026-06-14" }], ref, now)).toMatchObject({ kind: "expired", expiredOn: "2026-06-14" });
        expect(findExemption([{ name: "orders-db", reason: "old", expires: "2026-01-01" }, { urn: "*orders-db", reason: "new" }], ref, now).kind).toBe("exempt");
    });
});

describe("configuration through the engine path", () => {
    const engine = useEngine();

    it("each enforcement level, set directly and through `all`", async () => {
        // Written as users write --policy-pack-config files, parsed as the CLI parses them.
        const levels = async (config: object) => (await engine.run(stack, { config: parsePolicyPackConfig(config) })).of(RDS).map((d) => d.enforcementLevel);
        expect(await levels({})).toEqual(["advisory", "advisory", "advisory"]);
        expect(await levels({ [RDS]: "mandatory" })).toEqual(["mandatory", "mandatory", "mandatory"]);
        expect(await levels({ [RDS]: { enforcementLevel: "disabled" } })).toEqual([]);
        expect(await levels({ all: "mandatory" })).toEqual(["mandatory", "mandatory", "mandatory"]);
        expect(await levels({ all: "disabled" })).toEqual([]);
        // Per-policy keys win over `all`.
        expect(await levels({ all: "disabled", [RDS]: "advisory" })).toEqual(["advisory", "advisory", "advisory"]);
        // A policy that cannot remediate still reports, downgraded from remediate to mandatory as the SDK does.
        expect(await levels({ [RDS]: "remediate" })).toEqual(["mandatory", "mandatory", "mandatory"]);
    });

    it("exemptions: match by URN glob, type or name; no match; expired; all given globs must match", async () => {
        const run = await engine.run(stack, {
            config: {
                [RDS]: {
                    properties: {
                        exemptions: [
                            { urn: "urn:pulumi:*::orders-db", reason: "Scratch database, recreated nightly" },
                            { type: "aws:rds/cluster:*", name: "orders-*", reason: "Migration in progress", expires: "2099-12-31" },
                            { name: "reports-db", reason: "Was fine until the audit", expires: "2020-01-31" },
                            { name: "nothing-here", reason: "Stale entry" },
                        ],
                    },
                },
            },
        });
        const found = run.of(RDS);
        expect(found.map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["reports-db"]);
        expect(found[0].message).toContain('The exemption for this resource expired on 2020-01-31: "Was fine until the audit"');
        expect(unusedExemptions({ [RDS]: { properties: { exemptions: [{ name: "nothing-here", reason: "Stale entry" }, { name: "orders-db", reason: "x" }] } } }, run.resources).map((u) => u.exemption.name)).toEqual(["nothing-here"]);
    });

    it("an exemption without a reason, or naming nothing, is rejected by the CLI's schema validation", async () => {
        const info = await engine.pack.getAnalyzerInfo();
        expect(() => reconcilePolicyConfig(info, { [RDS]: { properties: { exemptions: [{ name: "orders-db" }] } } })).toThrow(PolicyConfigError);
        expect(() => reconcilePolicyConfig(info, { [RDS]: { properties: { exemptions: [{ name: "orders-db" }] } } })).toThrow(/rds-deletion-protection: exemptions.0: must have required property 'reason'/);
        expect(() => reconcilePolicyConfig(info, { [RDS]: { properties: { exemptions: [{ reason: "everything" }] } } })).toThrow(/exemptions.0/);
        expect(() => reconcilePolicyConfig(info, { [RDS]: { properties: { exemptions: [{ name: "x", reason: "r", expires: "next week" }] } } })).toThrow(/expires: must match pattern/);
    });

    it("an unknown key or a malformed glob (which the CLI cannot see) is reported by the pack, naming policy and key, on the root stack too", async () => {
        const run = await engine.run({ resources: [] }, { config: { [RDS]: { properties: { exemptionz: [] } } } });
        const found = run.of(RDS);
        expect(found).toHaveLength(1);
        expect(found[0].urn).toBe(STACK_URN);
        expect(found[0].message).toContain('rds-deletion-protection: unknown configuration key "exemptionz"');
        const globRun = await engine.run(stack, { config: { [RDS]: { properties: { exemptions: [{ name: "orders-{db", reason: "r" }] } } } });
        const messages = globRun.of(RDS).map((d) => d.message);
        expect(messages).toHaveLength(4); // the root stack and each database: none silently passes
        for (const m of messages) expect(m).toContain('exemptions.0.name unclosed "{" in glob "orders-{db"');
    });
});

describe("publish-style boot (`pulumi policy publish`: no stack, no config)", () => {
    it("serves every policy's metadata and valid config schemas", async () => {
        const pack = await PackProcess.boot({ packDir: PACK_DIR, noStack: true });
        try {
            await pack.handshake();
            const version = await pack.getPluginInfo();
            const info = await pack.getAnalyzerInfo();
            expect(version).toMatch(/^\d+\.\d+\.\d+/);
            expect(info.name).toBe("aws-security-baseline");
            expect(info.version).toBe(require("../package.json").version);
            expect(info.supportsConfig).toBe(true);
            expect(info.policies.length).toBeGreaterThan(0);
            const ajv = new Ajv({ strict: false });
            for (const p of info.policies) {
                expect(p.configSchema, p.name).toBeDefined();
                const schema = { type: "object", properties: p.configSchema!.properties, required: p.configSchema!.required };
                const validate = ajv.compile(schema);
                const defaults = Object.fromEntries(Object.entries(p.configSchema!.properties).filter(([, s]) => "default" in s).map(([k, s]) => [k, s.default]));
                expect(validate(defaults), `${p.name} defaults must satisfy its own schema`).toBe(true);
                for (const [key, s] of Object.entries(p.configSchema!.properties)) expect(s.description, `${p.name}.${key} has a description`).toBeTruthy();
            }
            // The reconciled default config (what the CLI sends) is valid for every policy.
            expect(() => reconcilePolicyConfig(info, {})).not.toThrow();
        } finally {
            await pack.close();
        }
    });
});

describe("check reports stale exemptions", () => {
    it("lists exemptions that match no resource", () => {
        const input = parseInput(stack, "t");
        expect(unusedExemptions({ [RDS]: { properties: { exemptions: [{ type: "aws:dynamodb/*", reason: "r" }] } } }, input.resources)).toHaveLength(1);
        expect(unusedExemptions({ [RDS]: { properties: { exemptions: [{ type: "aws:rds/*", reason: "r" }] } } }, input.resources)).toHaveLength(0);
    });
});
