// The shipped presets under config/ (generated from the registry by `npm run docs`): valid
// for the pack as served, with the levels config/README.md promises, and the expected effect
// on the demo stack.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parsePolicyPackConfig, reconcilePolicyConfig } from "../cli/engine/policy-config";
import { loadInputFile } from "../cli/inputs";
import { POLICIES } from "../policies";
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
