// Every policy the pack serves carries its metadata (what `pulumi policy publish`, the
// Pulumi Cloud console and our SARIF rules show), has its page under docs/policies/, and is
// listed in docs/policies/README.md with its default level. Read through the engine path
// (GetAnalyzerInfo), so a policy added to index.ts without metadata or docs fails here.
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzerInfo } from "../cli/engine/pack-process";
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
    it("the pack serves policies, the reference policy among them", () => {
        expect(info.name).toBe("aws-security-baseline");
        expect(info.policies.map((p) => p.name)).toContain("rds-deletion-protection");
        expect(new Set(info.policies.map((p) => p.name)).size).toBe(info.policies.length);
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

    it("every policy's page documents its config keys, passing and failing TypeScript examples, the fix and exemptions", () => {
        expectEveryPolicy((p) => {
            const file = path.join(DOCS, `${p.name}.md`);
            if (!fs.existsSync(file)) return []; // reported above
            const page = fs.readFileSync(file, "utf8");
            const keys = Object.keys(p.configSchema?.properties ?? {});
            return [
                ...keys.map((k) => !page.includes(`\`${k}\``) && `config key \`${k}\` is not documented on its page`),
                (page.match(/^```(ts|typescript)\b/gm) ?? []).length < 2 && "page has fewer than two TypeScript examples (failing and passing)",
            ];
        });
    });
});

describe("docs/policies/README.md", () => {
    /** Rows of the policy table: name (linked to its page), default level, severity. */
    function tableRows(): { name: string; link: string; level: string; severity: string }[] {
        const text = fs.readFileSync(path.join(DOCS, "README.md"), "utf8");
        const rows = [];
        for (const line of text.split("\n")) {
            const m = /^\|\s*\[`?([a-z0-9-]+)`?\]\(([^)]+)\)\s*\|\s*`?(\w+)`?\s*\|\s*`?(\w+)`?\s*\|/.exec(line);
            if (m) rows.push({ name: m[1], link: m[2], level: m[3], severity: m[4] });
        }
        return rows;
    }

    it("lists every policy the pack serves, and only those, with its page, default level and severity", () => {
        const rows = tableRows();
        const expected = info.policies.map((p) => ({ name: p.name, link: `${p.name}.md`, level: p.enforcementLevel, severity: p.severity }));
        expect([...rows].sort((a, b) => a.name.localeCompare(b.name))).toEqual([...expected].sort((a, b) => a.name.localeCompare(b.name)));
    });
});
