// Policy examples as the engine sees them: each example of each policy becomes a fixture,
// runs through the engine path (the pack booted as the Pulumi CLI boots it) with the testing
// API users get (testing.ts) and yields the findings of its policy. The demo stacks are the
// examples marked `demo`, merged. Used by `npm run docs` (tools/docs.ts) and
// test/examples.test.ts.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { POLICIES } from "../policies";
import type { PolicyDefinition, PolicyExample } from "../policies/lib/rule";
import { Finding, startPack, StartedPack } from "../testing";

export const REPO_DIR = path.resolve(__dirname, "..").replace(/[\\/]\.tools[\\/]build$/, "");

export const DEMO = { stack: "prod", project: "shop" } as const;

/** The example as a fixture (fixtures/README.md). */
export function exampleFixture(example: PolicyExample, stack = "dev", project = "project"): Record<string, unknown> {
    return {
        stack,
        project,
        ...(example.preview ? { preview: true } : {}),
        ...(example.secretsProvider ? { secretsProvider: example.secretsProvider } : {}),
        resources: example.resources.map((r) => ({ ...r })),
    };
}

export interface ExampleRun {
    policy: PolicyDefinition;
    example: PolicyExample;
    /** This policy's findings, in the order the engine reported them. */
    findings: Finding[];
    /** The reported resource of each finding: its name, or "" for the stack. */
    reportedNames: string[];
}

interface BootKey {
    dryRun: boolean;
    secretsProvider?: string;
}

/** Runs every example of the given policies through the engine path, one pack boot per kind of stack. */
export async function runExamples(policies: readonly PolicyDefinition[] = POLICIES): Promise<ExampleRun[]> {
    const jobs = policies.flatMap((policy) => policy.examples.map((example) => ({ policy, example })));
    const groups = new Map<string, { key: BootKey; jobs: typeof jobs }>();
    for (const job of jobs) {
        const key: BootKey = { dryRun: job.example.preview === true, secretsProvider: job.example.secretsProvider };
        const id = JSON.stringify(key);
        if (!groups.has(id)) groups.set(id, { key, jobs: [] });
        groups.get(id)!.jobs.push(job);
    }
    const results = new Map<PolicyExample, ExampleRun>();
    await Promise.all([...groups.values()].map(async ({ key, jobs: group }) => {
        await withPack(key, async (pack) => {
            for (const { policy, example } of group) {
                const config = example.config ? { [policy.name]: example.config } : undefined;
                const findings = (await pack.check(exampleFixture(example), { config })).of(policy.name);
                const reportedNames = findings.map((f) => (f.type === "pulumi:pulumi:Stack" ? "" : f.name));
                results.set(example, { policy, example, findings, reportedNames });
            }
        });
    }));
    return jobs.map((j) => results.get(j.example)!);
}

/** Boots the pack for one kind of stack, with no project files around it. */
export async function withPack<T>(key: BootKey, use: (pack: StartedPack) => Promise<T>): Promise<T> {
    const pwd = fs.mkdtempSync(path.join(os.tmpdir(), "examples-"));
    const pack = await startPack({ packDir: REPO_DIR, preview: key.dryRun, secretsProvider: key.secretsProvider, env: { PWD: pwd } });
    try {
        return await use(pack);
    } finally {
        await pack.close();
        fs.rmSync(pwd, { recursive: true, force: true });
    }
}

/** What an example promises, checked against its run; empty when kept. */
export function brokenPromises(run: ExampleRun): string[] {
    const { example, reportedNames } = run;
    const problems: string[] = [];
    const where = `${run.policy.name}: example "${example.title}"`;
    if (example.verdict === "pass") {
        if (run.findings.length > 0) problems.push(`${where} should pass but reports: ${run.findings.map((f) => f.message).join(" | ")}`);
        return problems;
    }
    const expected = [...new Set(example.reported ?? example.resources.filter((r) => r.custom !== false).map((r) => r.name))].sort();
    const actual = [...new Set(reportedNames)].sort();
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        problems.push(`${where} should report ${JSON.stringify(expected)} but reports ${JSON.stringify(actual)}: ${run.findings.map((f) => f.message).join(" | ")}`);
    }
    if (example.messageIncludes) {
        for (const f of run.findings) {
            if (!f.message.includes(example.messageIncludes)) problems.push(`${where}: a message lacks ${JSON.stringify(example.messageIncludes)}: ${f.message}`);
        }
    }
    return problems;
}

/** A demo stack: the demo examples of one verdict of every policy, in registry order. */
export function demoStack(verdict: "pass" | "fail", policies: readonly PolicyDefinition[] = POLICIES): Record<string, unknown> {
    const examples = policies.flatMap((p) => p.examples.filter((e) => e.demo && e.verdict === verdict).map((e) => ({ policy: p, example: e })));
    const resources: Record<string, unknown>[] = [];
    const owner = new Map<string, string>();
    let secretsProvider: string | undefined;
    for (const { policy, example } of examples) {
        if (example.config) throw new Error(`${policy.name}: demo example "${example.title}" sets config; demo stacks run with the defaults`);
        if (example.secretsProvider) {
            if (secretsProvider && secretsProvider !== example.secretsProvider) throw new Error(`${policy.name}: demo examples disagree on the secrets provider`);
            secretsProvider = example.secretsProvider;
        }
        for (const r of example.resources) {
            const other = owner.get(r.name);
            if (other) throw new Error(`${policy.name}: demo resource "${r.name}" is also in a demo example of ${other}; demo names must be unique`);
            owner.set(r.name, policy.name);
            resources.push({ ...r });
        }
    }
    const description = verdict === "fail"
        ? "A shop stack with the misconfigurations this pack exists to catch: the failing demo examples of every policy. Generated by `npm run docs` from the policies' examples; `npm run check -- fixtures/insecure-stack.json` reports them."
        : "The same shop done right: the passing demo examples of every policy, with no violation of any policy. Generated by `npm run docs` from the policies' examples.";
    return { description, ...DEMO, ...(secretsProvider ? { secretsProvider } : {}), resources };
}
