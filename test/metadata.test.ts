// Every policy the pack serves carries its metadata (what `pulumi policy publish`, the
// Pulumi Cloud console and our SARIF rules show) and has its page under docs/policies/.
// Read through the engine path (GetAnalyzerInfo): what the pack serves is the registry.
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzerInfo } from "../cli/engine/pack-process";
import { POLICIES } from "../policies";
import { policyDocUrl } from "../policies/lib/docs";
import { PACK_DIR, useEngine } from "./helpers/engine";

const DOCS = path.join(PACK_DIR, "docs/policies");
const SEVERITIES = ["low", "medium", "high", "critical"];
const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];

const engine = useEngine();
let info: AnalyzerInfo;
beforeAll(async () => {
    info = await engine.pack.getAnalyzerInfo();
});

/** Runs `problems` on every policy; the failure message lists each policy with what it lacks. */
function expectEveryPolicy(problems: (p: AnalyzerInfo["policies"][number]) => (string | false)[]): void {
    const found = info.policies.flatMap((p) => problems(p).filter((x): x is string => !!x).map((x) => `${p.name}: ${x}`));
    expect(found).toEqual([]);
}

describe("policy metadata (GetAnalyzerInfo)", () => {
    it("the pack serves the registry's policies, in its order, with their metadata", () => {
        expect(info.name).toBe("aws-security-baseline");
        expect(info.policies.map((p) => p.name)).toEqual(POLICIES.map((p) => p.name));
        expect(new Set(info.policies.map((p) => p.name)).size).toBe(info.policies.length);
        for (const [served, def] of info.policies.map((p, i) => [p, POLICIES[i]] as const)) {
            expect({ level: served.enforcementLevel, severity: served.severity, tags: served.tags, type: served.policyType })
                .toEqual({ level: def.enforcementLevel, severity: def.severity, tags: def.tags, type: def.kind });
        }
    });

    it("every policy has a display name, description, severity, remediation steps and tags", () => {
        expectEveryPolicy((p) => [
            !p.displayName.trim() && "displayName is empty",
            !p.description.trim() && "description is empty",
            !SEVERITIES.includes(p.severity ?? "") && `severity is ${JSON.stringify(p.severity)}, not one of ${SEVERITIES.join("/")}`,
            !p.remediationSteps.trim() && "remediationSteps is empty",
            (p.tags.length === 0 || p.tags.some((t) => !t.trim())) && "tags are missing or blank",
            !LEVELS.includes(p.enforcementLevel) && `enforcementLevel ${p.enforcementLevel}`,
        ]);
    });

    it("every policy's URL is its page docs/policies/<name>.md, and the page exists", () => {
        expectEveryPolicy((p) => [
            p.url !== policyDocUrl(p.name) && `url is ${JSON.stringify(p.url)}, expected policyDocUrl("${p.name}")`,
            !p.url.endsWith(`/docs/policies/${p.name}.md`) && "url does not end in docs/policies/<name>.md",
            !fs.existsSync(path.join(DOCS, `${p.name}.md`)) && `docs/policies/${p.name}.md does not exist`,
        ]);
    });

    it("a compliance framework, where a policy names one, is complete", () => {
        expectEveryPolicy((p) => {
            const fw = p.framework;
            if (!fw || (!fw.name && !fw.version && !fw.reference && !fw.specification)) return [];
            return (["name", "version", "reference", "specification"] as const).map((k) => !fw[k].trim() && `framework.${k} is empty`);
        });
    });

    it("every policy's page has its hand-written sections: why, how to fix, how to exempt", () => {
        expectEveryPolicy((p) => {
            const file = path.join(DOCS, `${p.name}.md`);
            if (!fs.existsSync(file)) return []; // reported above
            const page = fs.readFileSync(file, "utf8");
            return ["## What it enforces and why", "## How to fix", "## How to exempt"].map((h) => !page.includes(`\n${h}`) && `page lacks "${h}"`);
        });
    });

    it("every policy has a passing and a failing example (test/examples.test.ts runs them)", () => {
        for (const p of POLICIES) {
            expect(p.examples.some((e) => e.verdict === "pass"), p.name).toBe(true);
            expect(p.examples.some((e) => e.verdict === "fail"), p.name).toBe(true);
        }
    });
});
