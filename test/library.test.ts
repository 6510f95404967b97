// The library: `baseline(selection)` and the selection behind it (policies/index.ts), and the
// testing API (testing.ts). The org pack built on them from the packed tarball is in
// test/distribution.test.ts.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { baseline, BaselineSelection, POLICIES, selectPolicies } from "../policies";
import type { PolicyDefinition, Severity } from "../policies/lib/rule";
import { checkStack, startPack } from "../testing";
import { FIXTURES, PACK_DIR } from "./helpers/engine";

/** A registry of stand-ins: only the fields selection reads. */
function registry(...defs: [name: string, severity: Severity, tags: string[], requires?: string[]][]): PolicyDefinition[] {
    return defs.map(([name, severity, tags, requires]) => ({ name, severity, tags, ...(requires ? { requires } : {}) }) as unknown as PolicyDefinition);
}

const REGISTRY = registry(
    ["public-buckets", "critical", ["s3", "public"]],
    ["bucket-encryption", "medium", ["s3", "encryption"]],
    ["key-rotation", "medium", ["kms", "encryption"]],
    ["deletion-protection", "low", ["rds"]],
);
const select = (selection: BaselineSelection, from = REGISTRY) => selectPolicies(selection, from).map((p) => p.name);

describe("baseline(selection)", () => {
    it("without a selection: every policy of the registry, in its order, as @pulumi/policy policies", () => {
        const policies = baseline();
        expect(policies.map((p) => p.name)).toEqual(POLICIES.map((p) => p.name));
        for (const p of policies) expect("validateResource" in p || "validateStack" in p, p.name).toBe(true);
    });

    it("selects by name, minimum severity and tag; every criterion given must hold; exclude wins", () => {
        expect(select({})).toEqual(["public-buckets", "bucket-encryption", "key-rotation", "deletion-protection"]);
        expect(select({ names: ["key-rotation", "public-buckets"] })).toEqual(["public-buckets", "key-rotation"]);
        expect(select({ minSeverity: "medium" })).toEqual(["public-buckets", "bucket-encryption", "key-rotation"]);
        expect(select({ minSeverity: "critical" })).toEqual(["public-buckets"]);
        expect(select({ tags: ["encryption", "rds"] })).toEqual(["bucket-encryption", "key-rotation", "deletion-protection"]);
        expect(select({ tags: ["s3"], minSeverity: "medium", exclude: ["public-buckets"] })).toEqual(["bucket-encryption"]);
        expect(select({ names: ["deletion-protection"], minSeverity: "medium" })).toEqual([]);
        expect(baseline({ names: [POLICIES[1].name] }).map((p) => p.name)).toEqual([POLICIES[1].name]);
    });

    it("a name, tag or severity that matches nothing throws, naming the valid ones (a typo never drops a policy silently)", () => {
        expect(() => select({ names: ["bucket-encryptoin"] })).toThrow(/no policy named "bucket-encryptoin" in the baseline \(policies: public-buckets, bucket-encryption, key-rotation, deletion-protection\)/);
        expect(() => select({ exclude: ["public-bucket"] })).toThrow(/baseline exclude: no policy named "public-bucket"/);
        expect(() => select({ tags: ["encrypt"] })).toThrow(/no policy has the tag "encrypt" \(tags: encryption, kms, public, rds, s3\)/);
        expect(() => select({ minSeverity: "severe" as Severity })).toThrow(/"severe" is not one of low, medium, high, critical/);
        expect(() => baseline({ names: ["nope"] })).toThrow(/no policy named "nope"/);
    });

    it("brings the helper policies a selected policy requires, transitively; excluding a required helper throws", () => {
        const withHelpers = registry(
            ["bucket-facts", "low", ["helper"]],
            ["account-facts", "low", ["helper"], ["bucket-facts"]],
            ["bucket-encryption", "medium", ["s3"], ["account-facts"]],
            ["key-rotation", "medium", ["kms"]],
        );
        expect(select({ names: ["bucket-encryption"] }, withHelpers)).toEqual(["bucket-facts", "account-facts", "bucket-encryption"]);
        expect(select({ tags: ["kms"] }, withHelpers)).toEqual(["key-rotation"]);
        expect(() => select({ tags: ["s3"], exclude: ["bucket-facts"] }, withHelpers)).toThrow(/"bucket-facts" is required by account-facts, which is selected/);
        expect(() => select({}, registry(["a", "low", ["x"], ["missing"]]))).toThrow(/a requires "missing", which is not in the baseline/);
    });

    it("no baseline policy needs a helper today, and every `requires` names a registry policy", () => {
        const names = new Set(POLICIES.map((p) => p.name));
        expect(POLICIES.flatMap((p) => (p.requires ?? []).filter((r) => !names.has(r)))).toEqual([]);
    });
});

describe("the testing API (testing.ts)", () => {
    const demo = path.join(FIXTURES, "insecure-stack.json");

    it("checkStack: a file through the engine path, with the stack the file records unless the options say otherwise; config as content or as a path", async () => {
        const plain = await checkStack({ input: demo });
        expect(plain.run.info.name).toBe("aws-security-baseline");
        expect(POLICIES.map((p) => p.name).filter((n) => plain.of(n).length === 0)).toEqual([]);
        expect(plain.failed).toBe(true);
        const bucket = plain.of("s3-bucket-encryption").find((f) => f.name === "uploads")!;
        expect(bucket).toMatchObject({ type: "aws:s3/bucket:Bucket", level: "mandatory", severity: "medium", urn: "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::uploads" });
        expect(bucket.message).not.toContain(POLICIES.find((p) => p.name === "s3-bucket-encryption")!.description);
        expect(plain.on("uploads").map((f) => f.policy)).toContain("s3-bucket-encryption");

        // Options win over what the file records.
        const kms = await checkStack({ input: demo, secretsProvider: "awskms://alias/pulumi?region=eu-west-1" });
        expect(plain.of("secrets-provider-allowlist").length).toBeGreaterThan(0);
        expect(kms.of("secrets-provider-allowlist")).toEqual([]);

        const rollout = await checkStack({ input: demo, config: path.join(PACK_DIR, "config/rollout.json") });
        const advisory = await checkStack({ input: JSON.parse(fs.readFileSync(demo, "utf8")), config: { all: "advisory" } });
        for (const r of [rollout, advisory]) {
            expect(r.failed).toBe(false);
            expect(r.findings.length).toBe(plain.findings.length);
        }
    }, 60_000);

    it("a started pack checks many inputs of its kind of stack, and refuses one of another kind", async () => {
        const pack = await startPack({ stack: "prod", project: "shop", secretsProvider: "passphrase" });
        try {
            const first = await pack.check(demo);
            const again = await pack.check(demo, { config: { "s3-bucket-encryption": "disabled" } });
            expect(first.of("s3-bucket-encryption").length).toBeGreaterThan(0);
            expect(again.of("s3-bucket-encryption")).toEqual([]);
            await expect(pack.check({ preview: true, resources: [] })).rejects.toThrow(/is a preview: start the pack with \{ preview: true \}/);
            await expect(pack.check({ secretsProvider: "awskms://alias/x", resources: [] })).rejects.toThrow(/records its stack's secrets provider/);
        } finally {
            await pack.close();
        }
    }, 60_000);
});
