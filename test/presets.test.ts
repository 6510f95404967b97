// The shipped presets under config/: valid for the pack as served, with the levels their
// README promises, and the expected effect on the bundled insecure stack.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parsePolicyPackConfig, reconcilePolicyConfig } from "../cli/engine/policy-config";
import { loadInputFile } from "../cli/inputs";
import { FIXTURES, PACK_DIR, useEngine } from "./helpers/engine";

const OBSERVER = "secret-sensitive-props-observer";
// The demo stack has one mistake per policy (README).
const DEMO_POLICIES = [
    "rds-deletion-protection", "resource-protect", "s3-bucket-encryption", "iam-no-wildcard-actions",
    "kms-no-wildcard-actions", "secret-sensitive-props", "secrets-provider-allowlist",
];
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
        expect(defaults[OBSERVER]).toBe("remediate");
        expect(levels("default")).toEqual(defaults);
        for (const [name, level] of Object.entries(levels("rollout"))) expect(level, name).toBe(name === OBSERVER ? "remediate" : "advisory");
        for (const [name, level] of Object.entries(levels("strict"))) expect(level, name).toBe(name === OBSERVER ? "remediate" : "mandatory");
        expect(reconcilePolicyConfig(info, preset("strict"))["s3-bucket-encryption"].properties?.requireCustomerManagedKey).toBe(true);
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
        // One finding per policy on the demo stack (the README promises it).
        const policies = new Set(byDefault.map((f) => f.key.split(" ")[0]));
        for (const p of DEMO_POLICIES) expect(policies, p).toContain(p);
    });
});
