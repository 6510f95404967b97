// The one change the pack makes to @pulumi/policy (policies/lib/sdk-patch.ts) applies to the
// installed SDK, and still does what it is for. When an upgrade breaks it, this fails loudly:
// verify the new SDK's server.js and deserialize.js, then widen VERIFIED_POLICY_SDK.
import fc from "fast-check";
import * as fs from "fs";
import { describe, expect, it, vi } from "vitest";
import { POLICIES } from "../policies";
import { toPulumiPolicy } from "../policies/lib/adapter";
import { applySdkPatch, contentTolerant, secretLocationsOf, VERIFIED_POLICY_SDK } from "../policies/lib/sdk-patch";
import { unwrapProxy } from "../policies/lib/values";
import { EMPTY_TEXT_ASSET_HASH, SIG, SIG_KEY } from "../policies/lib/wire";
import { Secret } from "@pulumi/policy";
import { asset } from "@pulumi/pulumi";
import { useEngine } from "./helpers/engine";
import { fcParams } from "./robustness/arbitraries";

describe("the SDK patch", () => {
    it("applies to the installed @pulumi/policy, a version it was verified against", () => {
        const version = String(require("@pulumi/policy/package.json").version).replace(/^v/, "");
        const [major, minor] = version.split(".").map(Number);
        expect({ major, minorInRange: minor >= VERIFIED_POLICY_SDK.minMinor && minor <= VERIFIED_POLICY_SDK.maxMinor })
            .toEqual({ major: VERIFIED_POLICY_SDK.major, minorInRange: true });
        expect(applySdkPatch()).toEqual({ applied: true });
    });

    it("GetAnalyzerInfo's config schemas are encoded without google-protobuf Structs, to the answer the SDK's encoding gives", () => {
        applySdkPatch();
        const protoutil = require("@pulumi/policy/protoutil");
        const { AnalyzerInfo } = require("@pulumi/pulumi/proto/analyzer_pb");
        const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
        const policies = POLICIES.map(toPulumiPolicy);
        const initialConfig = { "resource-protect": { enforcementLevel: "mandatory", criticalResourceTypes: ["aws:s3/bucketV2:BucketV2"], note: null } };
        // What google-protobuf's Structs give for the same objects (built before the spy).
        const expected = (obj: unknown) => Struct.fromJavaScript(obj).toJavaScript();
        const schemas = policies.map((p) => expected(p.configSchema!.properties));
        const initial = expected({ criticalResourceTypes: ["aws:s3/bucketV2:BucketV2"], note: null });
        const fromJavaScript = vi.spyOn(Struct, "fromJavaScript");
        let bytes: Uint8Array;
        try {
            bytes = protoutil.makeAnalyzerInfo("aws-security-baseline", "0.2.0", "advisory", { policies }, initialConfig).serializeBinary();
            expect(fromJavaScript).not.toHaveBeenCalled();
        } finally {
            fromJavaScript.mockRestore();
        }
        const info = AnalyzerInfo.deserializeBinary(bytes);
        const decoded = info.getPoliciesList();
        expect(decoded.map((p: any) => p.getName())).toEqual(policies.map((p) => p.name));
        decoded.forEach((p: any, i: number) => {
            expect(p.getConfigschema().getProperties().toJavaScript(), p.getName()).toEqual(schemas[i]);
            expect(p.getConfigschema().getRequiredList()).toEqual(policies[i].configSchema!.required ?? []);
            expect(p.getDescription()).toBe(policies[i].description);
        });
        expect(info.getInitialconfigMap().get("resource-protect").getProperties().toJavaScript()).toEqual(initial);
        // Structs the SDK builds elsewhere still serialize as before.
        const other = Struct.fromJavaScript({ a: [1, "b", { c: true }] });
        expect(Struct.deserializeBinary(other.serializeBinary()).toJavaScript()).toEqual({ a: [1, "b", { c: true }] });
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

describe("the SDK patch's request decoding", () => {
    const pb = require("@pulumi/pulumi/proto/analyzer_pb");
    const service = require("@pulumi/pulumi/proto/analyzer_grpc_pb").AnalyzerService;
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

    it("replaces the decoders of the service definition server.js registers", () => {
        const server = fs.readFileSync(require.resolve("@pulumi/policy/server.js"), "utf8");
        expect(server).toContain('const analyzerrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");');
        expect(server).toContain("server.addService(analyzerrpc.AnalyzerService, {");
        // What the patched decoders must serve: the request getters server.js calls.
        for (const getter of ["req.getProperties()", "r.getProperties()", "req.getResourcesList()", "prov.getProperties()", "r.getProvider()"]) expect(server).toContain(getter);
        expect(applySdkPatch()).toEqual({ applied: true });
        for (const method of ["analyze", "remediate", "analyzeStack"]) expect(service[method].requestDeserialize.name).not.toMatch(/^deserialize_pulumirpc_/);
    });

    it("decodes requests as google-protobuf does: every field, and the properties the SDK hands policies", () => {
        applySdkPatch();
        const { deserializeProperties } = require("@pulumi/policy/deserialize");
        const props = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant({ [SIG_KEY]: SIG.secret, value: "not-a-real-secret" })), { maxKeys: 6 });
        const provider = fc.option(fc.record({ region: fc.constantFrom("us-east-1", "eu-west-1"), version: fc.constant("7.48.0") }), { nil: undefined });
        const resource = fc.record({ type: fc.string({ maxLength: 20 }), urn: fc.string({ maxLength: 30 }), name: fc.string({ maxLength: 10 }), props, provider, protect: fc.boolean(), parent: fc.string({ maxLength: 10 }) });
        const build = (cls: any, r: any) => {
            const m = new cls();
            m.setType(r.type);
            m.setUrn(r.urn);
            m.setName(r.name);
            m.setProperties(Struct.fromJavaScript(r.props));
            const o = new pb.AnalyzerResourceOptions();
            o.setProtect(r.protect);
            o.setParent(r.parent);
            m.setOptions(o);
            if (r.provider) {
                const p = new pb.AnalyzerProviderResource();
                p.setType("pulumi:providers:aws");
                p.setUrn("urn:pulumi:s::p::pulumi:providers:aws::default");
                p.setName("default");
                p.setProperties(Struct.fromJavaScript(r.provider));
                m.setProvider(p);
            }
            return m;
        };
        const seen = (m: any) => ({
            type: m.getType(), urn: m.getUrn(), name: m.getName(), options: m.getOptions()?.toObject(),
            props: JSON.stringify(deserializeProperties(m.getProperties(), false)), wire: JSON.stringify(m.getProperties().toJavaScript()),
            provider: m.getProvider() && { urn: m.getProvider().getUrn(), props: JSON.stringify(deserializeProperties(m.getProvider().getProperties(), false)) },
        });
        fc.assert(fc.property(fc.array(resource, { minLength: 1, maxLength: 4 }), (rs) => {
            const analyze = Buffer.from(build(pb.AnalyzeRequest, rs[0]).serializeBinary());
            expect(seen(service.analyze.requestDeserialize(analyze))).toEqual(seen(pb.AnalyzeRequest.deserializeBinary(analyze)));
            const stack = new pb.AnalyzeStackRequest();
            stack.setResourcesList(rs.map((r) => build(pb.AnalyzerResource, r)));
            const bytes = Buffer.from(stack.serializeBinary());
            expect(service.analyzeStack.requestDeserialize(bytes).getResourcesList().map(seen)).toEqual(pb.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList().map(seen));
        }), fcParams(200));
    });

    it("decodes the remediation path's props on first use, as the SDK would have (eagerly when signature objects may fail)", () => {
        applySdkPatch();
        const { deserializeProperties } = require("@pulumi/policy/deserialize");
        const { unknownCheckingProxy } = require("@pulumi/policy/proxy");
        const request = (props: object) => {
            const m = new pb.AnalyzeRequest();
            m.setProperties(Struct.fromJavaScript(props));
            return service.remediate.requestDeserialize(Buffer.from(m.serializeBinary())).getProperties();
        };
        const plain = { engine: "postgres", tags: { team: "a" }, ports: [5432] };
        const lazy = unknownCheckingProxy(deserializeProperties(request(plain), true));
        expect(lazy instanceof Object).toBe(true);
        expect(Object.keys(lazy)).toEqual(["engine", "ports", "tags"]);
        expect(lazy.tags.team).toBe("a");
        expect(JSON.parse(JSON.stringify(lazy))).toEqual(plain);
        lazy.engine = "mysql";
        expect(lazy.engine).toBe("mysql");
        // What the adapter reads: the raw object behind the proxies.
        expect(unwrapProxy(lazy)).toEqual({ ...plain, engine: "mysql" });
        // With a secret: the SDK's own (eager) decoding, which wraps it.
        const withSecret = deserializeProperties(request({ password: { [SIG_KEY]: SIG.secret, value: "not-a-real-secret" } }), true);
        expect(unwrapProxy(withSecret).password).toBeInstanceOf(Secret);
        expect(withSecret.password).toBe("not-a-real-secret");
        // A malformed value still fails at once, where the SDK has always failed.
        expect(() => deserializeProperties(request({ code: { [SIG_KEY]: "d0e6a833031e9bbcd3f4e8bde6ca49aX" } }), true)).toThrow(/Unrecognized signature/);
    });

    it("reads assets and archives without contents, which the SDK alone refuses, and everything else as the SDK does", async () => {
        applySdkPatch();
        const { deserializeProperties } = require("@pulumi/policy/deserialize");
        const sdk = (wire: unknown) => deserializeProperties({ toJavaScript: () => ({ v: wire }) }, false) as { v: unknown };
        const struct = (wire: object) => ({ toJavaScript: () => wire });
        const text = { [SIG_KEY]: SIG.asset, text: "exports.handler = async () => {};" };
        const wire = {
            n: 1, s: "x", none: null, list: [1, { b: [true] }],
            file: { [SIG_KEY]: SIG.asset, path: "f.txt" },
            layer: { [SIG_KEY]: SIG.archive, uri: "https://example.com/layer.zip" },
            code: { [SIG_KEY]: SIG.archive, assets: { "index.js": text } },
            secret: { [SIG_KEY]: SIG.secret, value: { k: [1, "v"] } },
        };
        // Without such assets, its decoding is the SDK's, with secrets unwrapped or wrapped.
        for (const proxySecrets of [false, true]) {
            const ours = contentTolerant(wire, proxySecrets, sdk) as any;
            expect(ours).toEqual({ ...deserializeProperties(struct(wire), false), secret: proxySecrets ? expect.any(Secret) : { k: [1, "v"] } });
            expect([ours.file, ours.layer, ours.code].map((v) => v.constructor.name)).toEqual(["FileAsset", "RemoteArchive", "AssetArchive"]);
            if (proxySecrets) expect(ours.secret.value).toEqual({ k: [1, "v"] });
        }
        const marker = { [SIG_KEY]: SIG.asset, hash: EMPTY_TEXT_ASSET_HASH };
        const unread = { [SIG_KEY]: SIG.asset, hash: "9d19c5664746dacd091a0b016973eb023b8bdea8716e2b223b9153e8699e4c29" };
        const contentless = { source: marker, bare: { [SIG_KEY]: SIG.asset }, unread, code: { [SIG_KEY]: SIG.archive, assets: { "index.js": text, ".keep": marker } }, old: { [SIG_KEY]: SIG.archive, hash: "ab" } };
        const props = deserializeProperties(struct(contentless), false);
        expect(props.source).toBeInstanceOf(asset.StringAsset);
        expect(await props.source.text).toBe("");
        expect(await props.bare.text).toBe("");
        expect(props.unread).toEqual(unread);
        expect(props.old).toEqual(contentless.old);
        expect(props.code).toBeInstanceOf(asset.AssetArchive);
        expect(await (await props.code.assets)[".keep"].text).toBe("");
        // An archive with a member left as sent stays as sent: the SDK's AssetArchive would refuse the member.
        const mixed = { [SIG_KEY]: SIG.archive, assets: { "index.js": text, data: unread } };
        expect(deserializeProperties(struct({ code: mixed }), false).code).toEqual(mixed);
        // The remediation path: the same, behind the SDK's secret-preserving proxy.
        const remediated = deserializeProperties(struct({ ...contentless, password: { [SIG_KEY]: SIG.secret, value: "not-a-real-secret" } }), true);
        expect(unwrapProxy(remediated).password).toBeInstanceOf(Secret);
        expect(await (unwrapProxy(remediated).source as asset.StringAsset).text).toBe("");
    });

    it("shares one provider decoding among the resources of an AnalyzeStack request", () => {
        applySdkPatch();
        const stack = new pb.AnalyzeStackRequest();
        stack.setResourcesList([0, 1].map((i) => {
            const r = new pb.AnalyzerResource();
            r.setUrn(`urn:r${i}`);
            r.setProperties(Struct.fromJavaScript({ i }));
            const p = new pb.AnalyzerProviderResource();
            p.setUrn("urn:p");
            p.setProperties(Struct.fromJavaScript({ region: "us-east-1" }));
            r.setProvider(p);
            return r;
        }));
        const [a, b] = service.analyzeStack.requestDeserialize(Buffer.from(stack.serializeBinary())).getResourcesList();
        expect(a.getProvider()).toBe(b.getProvider());
        expect(a.getProperties().toJavaScript()).toEqual({ i: 0 });
    });

    it("decodes an AnalyzeStack resource's props when a stack policy reads them, once for all policies", () => {
        applySdkPatch();
        const { deserializeProperties } = require("@pulumi/policy/deserialize");
        const { unknownCheckingProxy } = require("@pulumi/policy/proxy");
        const stack = new pb.AnalyzeStackRequest();
        const r = new pb.AnalyzerResource();
        r.setUrn("urn:r");
        r.setProperties(Struct.fromJavaScript({ bucket: "b", tags: { team: "a" }, secret: { [SIG_KEY]: SIG.secret, value: "not-a-real-secret" } }));
        stack.setResourcesList([r]);
        const [decoded] = service.analyzeStack.requestDeserialize(Buffer.from(stack.serializeBinary())).getResourcesList();
        const first = deserializeProperties(decoded.getProperties(), false);
        expect(deserializeProperties(decoded.getProperties(), false)).toBe(first); // shared by the policies
        const props = unknownCheckingProxy(first);
        expect(props.tags.team).toBe("a");
        const raw = unwrapProxy(props);
        expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
        expect(raw).toEqual({ bucket: "b", secret: "not-a-real-secret", tags: { team: "a" } });
        expect(JSON.stringify(props)).toBe(JSON.stringify(raw));
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

    it("the registry has four (deletion-safeguards, encryption-at-rest, kms-no-wildcard-actions, resource-policy-no-wildcards), and the adapter gives them both halves", () => {
        expect(hybrids.map((p) => p.name).sort()).toEqual(["deletion-safeguards", "encryption-at-rest", "kms-no-wildcard-actions", "resource-policy-no-wildcards"]);
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
