// Configuration users can trust, through the engine path: schema rejection, enforcement
// levels (direct and through `all`), exemptions, typos that cannot turn a check off, check's
// own validation and exemption handling, project links, and the publish-style boot.
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { PackProcess } from "../cli/engine/pack-process";
import type { Diagnostic } from "../cli/engine/pack-process";
import { checkPolicyPackConfig, parsePolicyPackConfig, PolicyConfigError, reconcilePolicyConfig, withoutRetiredPolicies } from "../cli/engine/policy-config";
import { applyExemptions, splitExemptions, unusedExemptions } from "../cli/exemptions-report";
import { parseInput } from "../cli/inputs";
import { POLICIES } from "../policies";
import { closestName } from "../policies/lib/config";
import { linksFrom, policyDocUrl } from "../policies/lib/docs";
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
        expect(found[0].message).toContain('rds-deletion-protection: unknown configuration key "exemptionz" (did you mean "exemptions"?)');
        const globRun = await engine.run(stack, { config: { [RDS]: { properties: { exemptions: [{ name: "orders-{db", reason: "r" }] } } } });
        const messages = globRun.of(RDS).map((d) => d.message);
        expect(messages).toHaveLength(4); // the root stack and each database: none silently passes
        for (const m of messages) expect(m).toContain('exemptions.0.name unclosed "{" in glob "orders-{db"');
    });
});

describe("a typo cannot turn a check off (engine path: what `pulumi preview` does with the config)", () => {
    const engine = useEngine();

    it("a misspelt property: the policy reports the error, naming the key meant, at its configured level, on the stack and on each resource it would check", async () => {
        // As users write it: the exemption was meant for orders-db only.
        const config = parsePolicyPackConfig({ [RDS]: { enforcementLevel: "mandatory", exemption: [{ name: "orders-db", reason: "Scratch" }] } });
        const found = (await engine.run(stack, { config })).of(RDS);
        expect(found.map((d) => [d.urn.split("::").pop(), d.enforcementLevel])).toEqual([
            ["project-dev", "mandatory"], ["orders-db", "mandatory"], ["reports-db", "mandatory"], ["orders-aurora", "mandatory"],
        ]);
        for (const d of found) expect(d.message).toContain('Invalid configuration, so this policy could not run: rds-deletion-protection: unknown configuration key "exemption" (did you mean "exemptions"?)');
        // Under the rollout preset the level is the configured advisory: still one report per resource, never silence.
        const rollout = (await engine.run(stack, { config: parsePolicyPackConfig({ all: "advisory", "iam-no-wildcard-actions": { allowedAction: ["ec2:Describe*"] } }) })).of("iam-no-wildcard-actions");
        expect(rollout.map((d) => [d.urn, d.enforcementLevel])).toEqual([[STACK_URN, "advisory"]]);
        expect(rollout[0].message).toContain('unknown configuration key "allowedAction" (did you mean "allowedActions"?)');
    });

    it("a misspelt policy name: the Pulumi CLI ignores it (with a level) and the real policy runs at its default; with properties only the CLI fails", async () => {
        const found = (await engine.run(stack, { config: parsePolicyPackConfig({ "rds-deletion-protectio": "disabled" }) })).of(RDS);
        expect(found.map((d) => d.enforcementLevel)).toEqual(["advisory", "advisory", "advisory"]);
        const info = await engine.pack.getAnalyzerInfo();
        expect(() => reconcilePolicyConfig(info, parsePolicyPackConfig({ "rds-deletion-protectio": { exemptions: [] } }))).toThrow(/invalid enforcement level ""/);
        // check refuses both, naming the policy meant.
        expect(checkPolicyPackConfig(info.policies, parsePolicyPackConfig({ "rds-deletion-protectio": "disabled" })))
            .toEqual(['"rds-deletion-protectio" is not a policy of this pack (did you mean "rds-deletion-protection"?)']);
    });

    it("check runs the pack's own validation: the same messages the pack reports", async () => {
        const info = await engine.pack.getAnalyzerInfo();
        const config = { [RDS]: { exemptions: [{ name: "orders-{db", reason: "r" }], exemptionz: [] } };
        const fromCheck = checkPolicyPackConfig(info.policies, parsePolicyPackConfig(config));
        const fromPack = (await engine.run({ resources: [] }, { config: parsePolicyPackConfig(config) })).of(RDS)[0].message;
        expect(fromCheck.length).toBe(2);
        for (const e of fromCheck) expect(fromPack).toContain(e);
    });
});

describe("check's config validation (pure)", () => {
    const policies = POLICIES.map((p) => ({ name: p.name, configSchema: { properties: { ...p.configSchema.properties, exemptions: {} }, required: p.configSchema.required ?? [] } }));

    it("closest names: typos, case, swapped letters; nothing when nothing is close", () => {
        const keys = ["allowedActions", "exemptions", "allowedAlgorithms", "requireCustomerManagedKey"];
        expect(closestName("exemption", keys)).toBe("exemptions");
        expect(closestName("Exemptions", keys)).toBe("exemptions");
        expect(closestName("exmeptions", keys)).toBe("exemptions");
        expect(closestName("allowedAction", keys)).toBe("allowedActions");
        expect(closestName("allowedAlgorithm", keys)).toBe("allowedAlgorithms");
        expect(closestName("requireCMK", keys)).toBeUndefined();
        expect(closestName("x", keys)).toBeUndefined();
    });

    it("accepts `all` with a level, every real policy, and leaves retired ones to a warning", () => {
        const config = parsePolicyPackConfig({ all: "advisory", ...Object.fromEntries(POLICIES.map((p) => [p.name, "mandatory"])), "secret-sensitive-props-observer": "remediate" });
        const { config: kept, retired } = withoutRetiredPolicies(config);
        expect(retired).toEqual(["secret-sensitive-props-observer"]);
        expect(checkPolicyPackConfig(policies, kept)).toEqual([]);
    });
});

describe("exemptions applied by check", () => {
    const input = parseInput(stack, "t");
    const urn = (name: string) => input.resources.find((r) => r.name === name)!.urn;
    const d = (name: string, text: string): Diagnostic => ({
        policyName: RDS, policyPackName: "p", policyPackVersion: "1", description: "D.", message: `D.\n${text}`, enforcementLevel: "mandatory", urn: urn(name),
    });

    it("the pack gets the config without the exemptions check applies, except at remediate (a fix must skip exempt resources)", () => {
        const exemptions = [{ name: "orders-db", reason: "r" }];
        const config = parsePolicyPackConfig({ [RDS]: { enforcementLevel: "mandatory", exemptions }, "resource-protect": { enforcementLevel: "remediate", exemptions } });
        const split = splitExemptions(config, { [RDS]: { enforcementLevel: "mandatory" }, "resource-protect": { enforcementLevel: "remediate" } });
        expect(split.sent).toEqual({ [RDS]: { enforcementLevel: "mandatory" }, "resource-protect": config["resource-protect"] });
        expect([...split.applied.keys()]).toEqual([RDS]);
    });

    it("splits findings into violations (an expired exemption noted as the pack notes it) and exempted ones; pack errors are never hidden", () => {
        const applied = new Map([[RDS, [
            { name: "orders-db", reason: "Scratch" },
            { name: "reports-db", reason: "Old", expires: "2020-01-31" },
            { name: "orders-aurora", reason: "Any" },
        ]]]);
        const { violations, exempted } = applyExemptions([
            d("orders-db", "not protected."),
            d("reports-db", "not protected."),
            d("orders-aurora", 'Internal error (TypeError) while evaluating on aws:rds/cluster:Cluster "orders-aurora"; the resource was not checked. Please report this.'),
        ], input.resources, applied, Date.parse("2026-06-01T00:00:00Z"));
        expect(exempted.map((e) => [e.urn, e.exemption.reason])).toEqual([[urn("orders-db"), "Scratch"]]);
        expect(violations.map((v) => v.message)).toEqual([
            'D.\nnot protected. (The exemption for this resource expired on 2020-01-31: "Old".)',
            expect.stringContaining("Internal error (TypeError)"),
        ]);
        expect(violations[0].expiredExemption).toEqual({ name: "reports-db", reason: "Old", expires: "2020-01-31" });
    });
});

describe("project links (package.json `homepage`, `repository`; AWS_BASELINE_DOCS_URL)", () => {
    it("this package's: the policy pages on the repository's default branch", () => {
        expect(policyDocUrl(RDS)).toBe("https://github.com/aws-security-baseline/aws-security-baseline/blob/HEAD/docs/policies/rds-deletion-protection.md");
    });

    const cases: [string, Record<string, unknown> | undefined, string | undefined, { home?: string; docsBase?: string }][] = [
        ["git+https URL, .git dropped", { repository: { type: "git", url: "git+https://github.com/acme/baseline.git" } },
            undefined, { home: "https://github.com/acme/baseline", docsBase: "https://github.com/acme/baseline/blob/HEAD" }],
        ["shorthand and homepage", { repository: "acme/baseline", homepage: "https://acme.example/baseline/" },
            undefined, { home: "https://acme.example/baseline", docsBase: "https://github.com/acme/baseline/blob/HEAD" }],
        ["ssh form on GitLab, in a monorepo directory", { repository: { url: "git@gitlab.com:acme/infra.git", directory: "policies/aws" } },
            undefined, { home: "https://gitlab.com/acme/infra", docsBase: "https://gitlab.com/acme/infra/-/blob/HEAD/policies/aws" }],
        ["the override wins for the docs", { repository: "github:acme/baseline" },
            "https://docs.acme.example/baseline/", { home: "https://github.com/acme/baseline", docsBase: "https://docs.acme.example/baseline" }],
        ["no repository: no links", {}, undefined, { home: undefined, docsBase: undefined }],
        ["not a URL", { repository: "file:../baseline", homepage: "see README" }, undefined, { home: undefined, docsBase: undefined }],
    ];
    it.each(cases)("%s", (_label, pkg, override, expected) => {
        expect(linksFrom(pkg, override)).toEqual(expected);
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
