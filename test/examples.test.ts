// Examples as data: every example of every policy runs through the engine path, with the
// testing API users get (testing.ts), and keeps its promise (passes, or reports exactly the
// resources it names), and every artefact derived from the registry (tables, presets, policy
// pages, demo stacks) is up to date. `npm run docs` regenerates them.
import { beforeAll, describe, expect, it } from "vitest";
import { POLICIES } from "../policies";
import { deriveFiles, staleFiles } from "../tools/derive";
import { brokenPromises, demoStack, ExampleRun, runExamples, withPack } from "../tools/examples";
import { renderExample } from "../tools/render";

let runs: ExampleRun[];
beforeAll(async () => {
    runs = await runExamples();
}, 300_000);

describe.each(POLICIES.map((p) => [p.name, p] as const))("%s examples", (name, policy) => {
    it.each(policy.examples.map((e) => [`${e.verdict}s: ${e.title}`, e] as const))("%s", (_title, example) => {
        const run = runs.find((r) => r.example === example)!;
        expect(run, `${name}: the example did not run`).toBeDefined();
        expect(brokenPromises(run)).toEqual([]);
    });
});

describe("demo stacks", () => {
    it("the insecure demo is reported by every policy; the secure demo by none", async () => {
        const run = async (stack: Record<string, unknown>) => withPack({ dryRun: false, secretsProvider: stack.secretsProvider as string }, (pack) => pack.check(stack));
        const insecure = await run(demoStack("fail"));
        expect(POLICIES.map((p) => p.name).filter((n) => insecure.of(n).length === 0)).toEqual([]);
        const secure = await run(demoStack("pass"));
        expect(secure.findings.map((f) => `${f.policy}: ${f.message}`)).toEqual([]);
    });
});

describe("derived artefacts", () => {
    it("README, docs tables, policy pages, presets and demo stacks are up to date (run `npm run docs`)", () => {
        expect(staleFiles(deriveFiles(runs))).toEqual([]);
    });
});

describe("renderExample: the docs' programs", () => {
    const program = (props: Record<string, unknown>) => renderExample({
        title: "t", verdict: "pass",
        resources: [
            { type: "aws:s3/bucketV2:BucketV2", name: "alb-logs", props: { bucket: "shop-alb-logs-prod" } },
            { type: "aws:lb/loadBalancer:LoadBalancer", name: "web", propertyDependencies: { accessLogs: ["alb-logs"], securityGroups: ["alb-logs"] }, props },
        ],
    });
    it("a block built from another resource's output is shown whole; a value from it is a reference to it", () => {
        expect(program({ accessLogs: { bucket: "shop-alb-logs-prod", prefix: "web", enabled: true } })).toContain('accessLogs: { bucket: "shop-alb-logs-prod", prefix: "web", enabled: true }');
        expect(program({ accessLogs: "shop-alb-logs-prod" })).toContain("accessLogs: albLogs.id");
        expect(program({ accessLogs: { $unknown: "object" } })).toContain("accessLogs: albLogs.id");
    });

    it("an aws-native resource is a class of @pulumi/aws-native, imported as awsnative", () => {
        const rendered = renderExample({ title: "t", verdict: "pass", resources: [{ type: "aws-native:kms:Key", name: "data-key", props: { enableKeyRotation: true } }] });
        expect(rendered).toBe('import * as awsnative from "@pulumi/aws-native";\n\nnew awsnative.kms.Key("data-key", { enableKeyRotation: true });\n');
    });
});
