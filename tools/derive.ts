// Every artefact derived from the registry (policies/index.ts): the README and docs tables,
// the generated sections of each policy page, the config presets and the demo stacks.
// `npm run docs` writes them (tools/docs.ts); test/generated.test.ts fails when one is stale.
import * as fs from "fs";
import * as path from "path";
import { PACK_NAME, POLICIES } from "../policies";
import { withCommonProperties } from "../policies/lib/config";
import type { PolicyDefinition } from "../policies/lib/rule";
import { demoStack, ExampleRun, REPO_DIR } from "./examples";
import { renderExample } from "./render";

/** Generated text between `<!-- BEGIN generated:<name> -->` and `<!-- END generated:<name> -->`. */
export function replaceBlock(text: string, name: string, content: string, file: string): string {
    const begin = `<!-- BEGIN generated:${name} -->`;
    const end = `<!-- END generated:${name} -->`;
    const i = text.indexOf(begin);
    const j = text.indexOf(end);
    if (i < 0 || j < i) throw new Error(`${file}: missing the markers ${begin} ... ${end}`);
    return `${text.slice(0, i + begin.length)}\n${content.trimEnd()}\n${text.slice(j)}`;
}

const md = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function framework(p: PolicyDefinition): string {
    return p.framework ? `${p.framework.name} ${p.framework.reference}` : "";
}

function policyTable(link: (name: string) => string): string {
    const rows = POLICIES.map((p) => `| [${p.name}](${link(p.name)}) | ${p.enforcementLevel} | ${p.severity} | ${md(p.description)} |`);
    return ["| policy | default level | severity | what it enforces |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

function summaryBlock(p: PolicyDefinition): string {
    const kind = p.kind === "stack"
        ? "stack policy (runs once on the whole stack, after every resource is registered)"
        : p.stack
            ? `resource policy (runs on each resource in \`pulumi preview\`, \`pulumi up\` and \`check\`), with a stack part for ${p.stack.judges} ` +
                "(runs once on the whole stack, after every resource is registered)"
            : "resource policy (runs on each resource in `pulumi preview`, `pulumi up` and `check`)";
    const typesOf = (types: readonly string[] | "all") => (types === "all" ? ["every resource"] : types.map((t) => `\`${t}\``));
    const types = [...new Set([...typesOf(p.resourceTypes), ...(p.kind === "resource" && p.stack ? typesOf(p.stack.resourceTypes) : [])])].join(", ");
    const rows: [string, string][] = [
        ["Enforcement (default)", p.enforcementLevel],
        ["Severity", p.severity],
        ["Kind", kind],
        ["Reads", types],
        ["Tags", p.tags.map((t) => `\`${t}\``).join(", ")],
    ];
    if (p.framework) rows.push(["Compliance", md(`${p.framework.name} ${p.framework.version} ${p.framework.reference}: ${p.framework.specification}`)]);
    rows.push(["Source", `[\`policies/${p.name}.ts\`](../../policies/${p.name}.ts)`]);
    return [`**${p.displayName}.** ${p.description}`, "", "| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
}

function configBlock(p: PolicyDefinition): string {
    const schema = withCommonProperties(p.configSchema);
    const rows = Object.entries(schema.properties).map(([key, prop]) => {
        const def = "default" in prop ? `\`${JSON.stringify(prop.default)}\`` : "(required)";
        return `| \`${key}\` | ${def} | ${md(String(prop.description ?? ""))} |`;
    });
    return ["| Key | Default | Meaning |", "|---|---|---|", ...rows].join("\n");
}

function examplesBlock(p: PolicyDefinition, runs: readonly ExampleRun[]): string {
    const parts: string[] = [];
    const shown = p.examples.filter((e) => e.docs !== false);
    for (const verdict of ["fail", "pass"] as const) {
        for (const example of shown.filter((e) => e.verdict === verdict)) {
            parts.push(`### ${verdict === "fail" ? "Fails" : "Passes"}: ${example.title}`, "");
            if (example.note) parts.push(example.note, "");
            if (example.resources.length) parts.push("```typescript", renderExample(example).trimEnd(), "```", "");
            if (example.secretsProvider) parts.push(stackFile(example.secretsProvider), "");
            if (example.config) parts.push("With this policy pack config:", "", "```json", JSON.stringify({ [p.name]: example.config }, null, 4), "```", "");
            const run = runs.find((r) => r.example === example);
            if (verdict === "fail" && run) {
                parts.push(`\`${PACK_NAME}\` reports:`, "", "```text", ...run.findings.map((f) => `${f.level}: ${f.message}`), "```", "");
            }
        }
    }
    parts.push("Every example on this page is also a test: `test/examples.test.ts` runs it through the engine path.");
    return parts.join("\n");
}

function stackFile(secretsProvider: string): string {
    const line = secretsProvider === "passphrase"
        ? "encryptionsalt: v1:Qk3vO3W2m0U=:v1:6c5a4lI8pV4xg3Pb:c2l5rW4bQz8m3W5u1tXQhzV0b9cW1g=="
        : `secretsprovider: ${secretsProvider}`;
    return ["The stack's `Pulumi.<stack>.yaml` (or the `secrets_providers` of its `pulumi stack export`):", "", "```yaml", line, "config:", "  aws:region: eu-west-1", "```"].join("\n");
}

const json = (value: unknown) => JSON.stringify(value, null, 4) + "\n";

export function presets(): Record<string, unknown> {
    const strict: Record<string, unknown> = { all: "mandatory" };
    for (const p of POLICIES) if (p.strictConfig) strict[p.name] = { ...p.strictConfig };
    return {
        "config/default.json": Object.fromEntries(POLICIES.map((p) => [p.name, p.enforcementLevel])),
        "config/rollout.json": { all: "advisory" },
        "config/strict.json": strict,
    };
}

/** Every derived file and its expected content. */
export function deriveFiles(runs: readonly ExampleRun[]): Map<string, string> {
    const files = new Map<string, string>();
    const read = (file: string) => files.get(file) ?? fs.readFileSync(path.join(REPO_DIR, file), "utf8");
    const edit = (file: string, name: string, content: string) => files.set(file, replaceBlock(read(file), name, content, file));

    edit("README.md", "policies", policyTable((name) => `docs/policies/${name}.md`));
    edit("docs/policies/README.md", "policies", policyTable((name) => `${name}.md`) + "\n\nCompliance mappings: " +
        POLICIES.filter((p) => p.framework).map((p) => `[${p.name}](${p.name}.md): ${framework(p)}`).join("; ") + ".");
    for (const p of POLICIES) {
        const page = `docs/policies/${p.name}.md`;
        edit(page, "summary", summaryBlock(p));
        edit(page, "config", configBlock(p));
        edit(page, "examples", examplesBlock(p, runs));
    }
    for (const [file, value] of Object.entries(presets())) files.set(file, json(value));
    files.set("fixtures/insecure-stack.json", json(demoStack("fail")));
    files.set("fixtures/secure-stack.json", json(demoStack("pass")));
    return files;
}

/** The derived files whose content on disk differs. */
export function staleFiles(expected: ReadonlyMap<string, string>): string[] {
    return [...expected].filter(([file, content]) => {
        const full = path.join(REPO_DIR, file);
        return !fs.existsSync(full) || fs.readFileSync(full, "utf8") !== content;
    }).map(([file]) => file);
}

