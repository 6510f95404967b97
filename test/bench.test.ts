// The benchmark's resource generator (bench/generate.ts): no timing here, only that the
// mix is valid fixture-format input shaped as the AWS provider v7 SDK sends it, and that
// the pack analyzes it through the engine path without failing on it.
import * as fs from "fs";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import * as os from "os";
import { bucketStack, generateStack, writeStackExport } from "../bench/generate";
import { loadInputFile, parseInput } from "../cli/inputs";
import { isWireSecret, UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { useEngine } from "./helpers/engine";

const awsDir = path.dirname(require.resolve("@pulumi/aws/package.json"));

/** Top-level input names of a resource, from the `<Resource>Args` interface of its .d.ts. */
function argsProperties(token: string): Set<string> | undefined {
    const m = /^aws:([^/]+)\/([^:]+):(\w+)$/.exec(token);
    if (!m) return undefined;
    const file = path.join(awsDir, m[1], `${m[2]}.d.ts`);
    if (!fs.existsSync(file)) return undefined;
    const text = fs.readFileSync(file, "utf8");
    const start = text.indexOf(`export interface ${m[3]}Args {`);
    if (start < 0) return undefined;
    const body = text.slice(start, text.indexOf("\n}", start));
    return new Set([...body.matchAll(/^ {4}(\w+)\??:/gm)].map((x) => x[1]));
}

describe("bench resource generator", () => {
    const stack = generateStack(400, { seed: 7 });

    it("produces exactly the requested count, unique names, deterministically", () => {
        expect(stack.resources).toHaveLength(400);
        expect(new Set(stack.resources.map((r) => r.name)).size).toBe(400);
        expect(generateStack(400, { seed: 7 })).toEqual(stack);
        expect(generateStack(400, { seed: 8 })).not.toEqual(stack);
        expect(generateStack(37).resources).toHaveLength(37);
    });

    it("is valid fixture input: every parent and dependency resolves", () => {
        const loaded = parseInput(JSON.parse(JSON.stringify(stack)), "generated");
        expect(loaded.format).toBe("fixture");
        // The loader adds the root stack and the default aws provider.
        expect(loaded.resources).toHaveLength(402);
    });

    it("covers the realistic mix the benchmark promises", () => {
        const types = new Set(stack.resources.map((r) => r.type));
        for (const t of [
            "aws:s3/bucket:Bucket", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:iam/policy:Policy", "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:kms/key:Key",
            "aws:lambda/function:Function", "aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:ecs/taskDefinition:TaskDefinition",
        ]) expect(types, t).toContain(t);
        const policies = stack.resources.filter((r) => r.type === "aws:iam/policy:Policy");
        const statements = (p: unknown) => (typeof p === "string" ? JSON.parse(p) : (p as any)).Statement.length;
        expect(policies.some((p) => typeof p.props.policy === "string")).toBe(true);
        expect(policies.some((p) => typeof p.props.policy === "object")).toBe(true);
        for (const p of policies) expect(statements(p.props.policy)).toBeGreaterThanOrEqual(100);
        const fn = stack.resources.find((r) => r.type === "aws:lambda/function:Function")!;
        expect(Object.keys((fn.props.environment as any).variables).length).toBeGreaterThanOrEqual(40);
        const td = stack.resources.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!;
        expect(Array.isArray(JSON.parse(td.props.containerDefinitions as string))).toBe(true);
    });

    it("uses only input names the provider's <Resource>Args interfaces declare", () => {
        const byType = new Map<string, Set<string>>();
        for (const r of stack.resources) {
            if (!r.type.startsWith("aws:")) continue;
            for (const k of Object.keys(r.props)) (byType.get(r.type) ?? byType.set(r.type, new Set()).get(r.type)!).add(k);
        }
        for (const [type, keys] of byType) {
            const declared = argsProperties(type);
            expect(declared, `${type}: no Args interface found`).toBeDefined();
            expect([...keys].filter((k) => !declared!.has(k)), type).toEqual([]);
        }
    });
});

describe("bench stack exports and bucket stacks", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "export.json");
    const written = writeStackExport(file, 300, { seed: 4 });

    it("writes a `pulumi stack export` check reads: the mix's resources after the root stack and the provider, known values, ciphertext secrets", () => {
        expect(fs.statSync(file).size).toBe(written.bytes);
        const input = loadInputFile(file);
        expect(input.format).toBe("stack-export");
        expect(input.resources).toHaveLength(302);
        expect(input.resources.slice(0, 2).map((r) => r.type)).toEqual(["pulumi:pulumi:Stack", "pulumi:providers:aws"]);
        expect(input.secretsProvider).toBe("awskms://alias/pulumi-state?region=us-east-1");
        const urns = new Set(input.resources.map((r) => r.urn));
        for (const r of input.resources.slice(2)) {
            expect(urns.has(r.parent!)).toBe(true);
            for (const d of r.dependencies) expect(urns.has(d)).toBe(true);
            if (r.custom) expect(r.provider?.startsWith("urn:pulumi:bench::acme::pulumi:providers:aws::default_7_48_0::")).toBe(true);
        }
        const text = fs.readFileSync(file, "utf8");
        for (const sentinel of Object.values(UNKNOWN_SENTINELS)) expect(text).not.toContain(sentinel);
        expect(text).toContain('"ciphertext"');
        const db = input.resources.find((r) => r.type === "aws:rds/instance:Instance" || r.type === "aws:rds/cluster:Cluster")!;
        const password = db.inputs.password ?? db.inputs.masterPassword;
        if (typeof password !== "string") expect(isWireSecret(password)).toBe(true);
        expect(input.resources.find((r) => r.type === "aws:iam/role:Role")!.inputs.__defaults).toEqual([]);
    });

    it("makes the same resources as the fixture mix (the same generator), without unknowns", () => {
        const mix = generateStack(300, { seed: 4, unknownShare: 0 });
        const input = loadInputFile(file);
        expect(input.resources.slice(2).map((r) => [r.type, r.name])).toEqual(mix.resources.map((r) => [r.type, r.name]));
    });

    it("stacks of buckets with one shared name or unique names", () => {
        const shared = bucketStack(100, true);
        const unique = bucketStack(100, false);
        expect(shared.resources).toHaveLength(100);
        expect(new Set(shared.resources.filter((r) => r.type.endsWith("BucketV2")).map((r) => r.props.bucket)).size).toBe(1);
        // Per four buckets: four encryption configurations, one public access block and one bucket policy.
        expect(new Set(unique.resources.filter((r) => r.type.endsWith("BucketV2")).map((r) => r.props.bucket)).size).toBe(40);
        expect(unique.resources.filter((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy")).toHaveLength(10);
        expect(unique.resources.filter((r) => r.type === "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")).toHaveLength(10);
        expect(parseInput(shared, "shared").resources).toHaveLength(102);
    });
});

describe("the pack on the bench mix (engine path)", () => {
    const engine = useEngine({ stack: "bench", project: "acme", dryRun: true });

    it("analyzes every resource without an Internal error, and finds what the mix plants", async () => {
        const stack = generateStack(150, { seed: 3 });
        const result = await engine.run(stack);
        expect(result.resources).toHaveLength(152);
        expect(result.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
        // The reference policy must flag exactly the generated databases without deletion protection.
        const unprotected = stack.resources
            .filter((r) => r.type === "aws:rds/instance:Instance" || r.type === "aws:rds/cluster:Cluster")
            .filter((r) => r.props.deletionProtection !== true)
            .map((r) => r.name)
            .sort();
        expect(unprotected.length).toBeGreaterThan(0);
        const flagged = result.of("rds-deletion-protection").map((d) => d.urn.split("::").pop()).sort();
        expect(flagged).toEqual(unprotected);
    });

    it("analyzes a bench stack export without an Internal error", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
        const file = path.join(dir, "export.json");
        writeStackExport(file, 150, { seed: 9 });
        const result = await engine.run(loadInputFile(file)).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
        expect(result.resources).toHaveLength(152);
        expect(result.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
        expect(result.of("rds-deletion-protection").length).toBeGreaterThan(0);
    });
});
