// The shipped presets under config/ (generated from the registry by `npm run docs`): valid
// for the pack as served, with the levels config/README.md promises, and the expected effect
// on the demo stack. And every policy pack config shown in the docs: valid for check and for
// the pack, run through the engine path without a configuration error.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { checkPolicyPackConfig, parsePolicyPackConfig, reconcilePolicyConfig, withoutRetiredPolicies } from "../cli/engine/policy-config";
import { loadInputFile } from "../cli/inputs";
import { POLICIES } from "../policies";
import { closestName } from "../policies/lib/config";
import { FIXTURES, PACK_DIR, useEngine } from "./helpers/engine";

const preset = (name: string) => parsePolicyPackConfig(JSON.parse(fs.readFileSync(path.join(PACK_DIR, "config", `${name}.json`), "utf8")));

describe("config presets", () => {
    const engine = useEngine({ stack: "prod", project: "shop" });

    it("each preset is valid and sets the promised levels", async () => {
        const info = await engine.pack.getAnalyzerInfo();
        const levels = (name: string) => {
            const c = reconcilePolicyConfig(info, preset(name));
            return Object.fromEntries(info.policies.map((p) => [p.name, c[p.name].enforcementLevel]));
        };
        const defaults = Object.fromEntries(info.policies.map((p) => [p.name, p.enforcementLevel]));
        expect(levels("default")).toEqual(defaults);
        for (const [name, level] of Object.entries(levels("rollout"))) expect(level, name).toBe("advisory");
        for (const [name, level] of Object.entries(levels("strict"))) expect(level, name).toBe("mandatory");
        const strict = reconcilePolicyConfig(info, preset("strict"));
        for (const p of POLICIES) {
            for (const [key, value] of Object.entries(p.strictConfig ?? {})) expect(strict[p.name].properties?.[key], `${p.name}.${key}`).toEqual(value);
        }
        expect(strict["s3-bucket-encryption"].properties?.requireCustomerManagedKey).toBe(true);
    });

    it("on the insecure stack: rollout reports what default reports, nothing mandatory; strict reports at least as much, all mandatory", async () => {
        const input = loadInputFile(path.join(FIXTURES, "insecure-stack.json"));
        const findings = async (name: string) => {
            const run = await engine.run(input, { config: preset(name) });
            return run.diagnostics.map((d) => ({ key: `${d.policyName} ${d.urn}`, level: d.enforcementLevel }));
        };
        const rollout = await findings("rollout");
        const byDefault = await findings("default");
        const strict = await findings("strict");
        expect(rollout.map((f) => f.key).sort()).toEqual(byDefault.map((f) => f.key).sort());
        expect(new Set(rollout.map((f) => f.level))).toEqual(new Set(["advisory"]));
        expect(byDefault.some((f) => f.level === "mandatory")).toBe(true);
        expect(new Set(strict.map((f) => f.level))).toEqual(new Set(["mandatory"]));
        for (const f of byDefault) expect(strict.map((s) => s.key)).toContain(f.key);
    });
});

// ---------------------------------------------------------------- configs in the docs

/** Put on the line before a ```json block that is not a policy pack config (a report, an answers file). */
const NOT_A_CONFIG = "<!-- not a policy pack config -->";

interface JsonBlock {
    where: string;
    text: string;
    marked: boolean;
}

/** Every ```json block of README.md, config/README.md and docs/**\/*.md. */
function docJsonBlocks(): JsonBlock[] {
    const files = ["README.md", "config/README.md", ...markdownUnder("docs")];
    const blocks: JsonBlock[] = [];
    for (const file of files) {
        const lines = fs.readFileSync(path.join(PACK_DIR, file), "utf8").split("\n");
        for (let i = 0; i < lines.length; i++) {
            if (lines[i].trim() !== "```json") continue;
            const end = lines.findIndex((l, j) => j > i && l.trim().startsWith("```"));
            let before = i - 1;
            while (before >= 0 && lines[before].trim() === "") before--;
            blocks.push({ where: `${file}:${i + 1}`, text: lines.slice(i + 1, end).join("\n"), marked: lines[before]?.trim() === NOT_A_CONFIG });
            i = end;
        }
    }
    return blocks;
}

function markdownUnder(dir: string): string[] {
    return fs.readdirSync(path.join(PACK_DIR, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = `${dir}/${e.name}`;
        return e.isDirectory() ? markdownUnder(rel) : e.name.endsWith(".md") ? [rel] : [];
    });
}

describe("every policy pack config in the docs", () => {
    const engine = useEngine({ stack: "prod", project: "shop" });
    const blocks = docJsonBlocks();
    const configs = blocks.filter((b) => !b.marked);

    it("there are some, from the README, the presets' README and the policy pages", () => {
        expect(configs.length).toBeGreaterThanOrEqual(POLICIES.length);
        for (const file of ["README.md:", "config/README.md:", "docs/policies/"]) expect(configs.some((b) => b.where.startsWith(file)), file).toBe(true);
    });

    it("a block marked as no config does not look like one (no key names, or nearly names, a policy)", () => {
        const names = [...POLICIES.map((p) => p.name), "all"];
        for (const b of blocks.filter((x) => x.marked)) {
            const json = JSON.parse(b.text);
            const lookalikes = Object.keys(json).filter((k) => names.includes(k) || closestName(k, names) !== undefined);
            expect(lookalikes, `${b.where} is marked ${NOT_A_CONFIG} but has policy-like keys`).toEqual([]);
        }
    });

    it("each is valid for check and for the pack, and runs through the engine path without a configuration error", async () => {
        const info = await engine.pack.getAnalyzerInfo();
        const input = loadInputFile(path.join(FIXTURES, "insecure-stack.json"));
        for (const b of configs) {
            const parsed = parsePolicyPackConfig(JSON.parse(b.text));
            const { config, retired } = withoutRetiredPolicies(parsed);
            expect(retired, `${b.where} names a retired policy`).toEqual([]);
            expect(checkPolicyPackConfig(info.policies, config), b.where).toEqual([]);
            expect(() => reconcilePolicyConfig(info, config), b.where).not.toThrow();
            const run = await engine.run(input, { config });
            const errors = run.diagnostics.filter((d) => /Invalid configuration|Internal error/.test(d.message)).map((d) => `${d.policyName}: ${d.message}`);
            expect(errors, b.where).toEqual([]);
        }
    });

    it("each preset too, through check's validation", async () => {
        const info = await engine.pack.getAnalyzerInfo();
        for (const name of ["default", "rollout", "strict"]) expect(checkPolicyPackConfig(info.policies, preset(name)), name).toEqual([]);
    });
});
