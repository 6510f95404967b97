// The one change the pack makes to @pulumi/policy (policies/lib/sdk-patch.ts) applies to the
// installed SDK, and still does what it is for. When an upgrade breaks it, this fails loudly:
// verify the new SDK's server.js and deserialize.js, then widen VERIFIED_POLICY_SDK.
import * as fs from "fs";
import { describe, expect, it } from "vitest";
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
