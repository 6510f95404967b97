// The one change the pack makes to @pulumi/policy (policies/lib/sdk-patch.ts) applies to the
// installed SDK, and still does what it is for. When an upgrade breaks it, this fails loudly:
// verify the new SDK's server.js and deserialize.js, then widen VERIFIED_POLICY_SDK.
import * as fs from "fs";
import { describe, expect, it } from "vitest";
import { POLICIES } from "../policies";
import { toPulumiPolicy } from "../policies/lib/adapter";
import { applySdkPatch, secretLocationsOf, VERIFIED_POLICY_SDK } from "../policies/lib/sdk-patch";
import { SIG, SIG_KEY } from "../policies/lib/wire";
import { useEngine } from "./helpers/engine";

describe("the SDK patch", () => {
    it("applies to the installed @pulumi/policy, a version it was verified against", () => {
        const version = String(require("@pulumi/policy/package.json").version).replace(/^v/, "");
        const [major, minor] = version.split(".").map(Number);
        expect({ major, minorInRange: minor >= VERIFIED_POLICY_SDK.minMinor && minor <= VERIFIED_POLICY_SDK.maxMinor })
            .toEqual({ major: VERIFIED_POLICY_SDK.major, minorInRange: true });
        expect(applySdkPatch()).toEqual({ applied: true });
    });

    it("the SDK still decodes validation props through the patched function, without secrets, once per policy", () => {
        const server = fs.readFileSync(require.resolve("@pulumi/policy/server.js"), "utf8");
        // Analyze and AnalyzeStack: what the patch shares and reads secretness from.
        expect(server.match(/deserialize_1\.deserializeProperties\(req\.getProperties\(\), false\)/g)).toHaveLength(1);
        expect(server.match(/deserialize_1\.deserializeProperties\(r\.getProperties\(\), false\)/g)).toHaveLength(1);
        // Remediate keeps secrets (and its own copy).
        expect(server).toContain("deserialize_1.deserializeProperties(req.getProperties(), true)");
    });

    it("decodes a Struct once for every validation, and remembers where it held secrets", () => {
        applySdkPatch();
        const { deserializeProperties } = require("@pulumi/policy/deserialize");
        const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
        const struct = Struct.fromJavaScript({ engine: "postgres", password: { [SIG_KEY]: SIG.secret, value: "not-a-real-password" } });
        const first = deserializeProperties(struct, false);
        expect(deserializeProperties(struct, false)).toBe(first);
        expect(first).toEqual({ engine: "postgres", password: "not-a-real-password" });
        const secrets = secretLocationsOf(first)!;
        expect(secrets.covers(["password"])).toBe(true);
        expect(secrets.covers(["engine"])).toBe(false);
        // The remediation path is not shared: it edits its props in place.
        expect(deserializeProperties(struct, true)).not.toBe(first);
    });
});

describe("secretness through the engine path", () => {
    const engine = useEngine();
    it("a secret input reaches secret-sensitive-props as a secret, a plaintext one as plaintext", async () => {
        const run = await engine.run({
            resources: [
                { type: "aws:rds/instance:Instance", name: "secret-db", props: { engine: "postgres", password: { $secret: "not-a-real-password-1" } } },
                { type: "aws:rds/instance:Instance", name: "plain-db", props: { engine: "postgres", password: "not-a-real-password-2" } },
            ],
        });
        expect(run.of("secret-sensitive-props").map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["plain-db"]);
    });
});

// A hybrid policy (a resource policy with a stack part, policies/lib/adapter.ts hybridPolicy) is
// one object with validateResource and validateStack. That works because @pulumi/policy runs
// every policy that has validateResource in Analyze and every one that has validateStack in
// AnalyzeStack. If an SDK stops doing either, the stack part would go silent: this fails first.
describe("hybrid policies (validateResource and validateStack on one policy)", () => {
    const hybrids = POLICIES.filter((p) => p.kind === "resource" && p.stack);
    const engine = useEngine();

    it("the registry has one (encryption-at-rest), and the adapter gives it both halves", () => {
        expect(hybrids.map((p) => p.name)).toEqual(["encryption-at-rest"]);
        for (const def of hybrids) {
            const policy = toPulumiPolicy(def) as unknown as Record<string, unknown>;
            expect([typeof policy.validateResource, typeof policy.validateStack]).toEqual(["function", "function"]);
        }
    });

    it("the SDK counts such an object as both a resource and a stack policy, and serves it as a resource policy", () => {
        const { isResourcePolicy, isStackPolicy } = require("@pulumi/policy/policy");
        const policy = toPulumiPolicy(hybrids[0]);
        expect([isResourcePolicy(policy), isStackPolicy(policy)]).toEqual([true, true]);
        const server = fs.readFileSync(require.resolve("@pulumi/policy/server.js"), "utf8");
        // Analyze skips only what is not a resource policy; AnalyzeStack only what is not a stack policy.
        expect(server).toMatch(/enforcementLevel === "disabled" \|\| !policy_1\.isResourcePolicy\(p\)\) \{\s*continue;/);
        expect(server).toMatch(/enforcementLevel === "disabled" \|\| !policy_1\.isStackPolicy\(p\)\) \{\s*continue;/);
        expect(server).toContain("yield Promise.resolve(p.validateStack(args, reportViolation));");
    });

    it("through the engine path: Analyze runs the resource part, AnalyzeStack the stack part, served as POLICY_TYPE_RESOURCE", async () => {
        const info = await engine.pack.getAnalyzerInfo();
        expect(info.policies.find((p) => p.name === "encryption-at-rest")?.policyType).toBe("resource");
        const run = await engine.run({
            resources: [
                // The resource part: an RDS instance without storageEncrypted. The stack part: an EBS volume without `encrypted`.
                { type: "aws:rds/instance:Instance", name: "db", props: { engine: "postgres", instanceClass: "db.t4g.micro", deletionProtection: true } },
                { type: "aws:ebs/volume:Volume", name: "data", props: { availabilityZone: "us-east-1a", size: 10 } },
            ],
        });
        const found = run.of("encryption-at-rest").map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()!.split(": ")[1].split(" (")[0]]);
        expect(found).toEqual([["db", "storageEncrypted is not set"], ["data", "encrypted is not set"]]);
    });
});
