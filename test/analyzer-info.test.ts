// cli/engine/analyzer-info.ts reads GetAnalyzerInfo's answer and writes Configure's request
// without google-protobuf's message objects: checked here against what the harness read and
// sent when it used @pulumi/pulumi's message classes, field for field.
import { describe, expect, it } from "vitest";
import { decodeAnalyzerInfo, encodeConfigureRequest } from "../cli/engine/analyzer-info";
import type { AnalyzerInfo, ReconciledPolicyConfig } from "../cli/engine/pack-process";
import { reconcilePolicyConfig } from "../cli/engine/policy-config";
import { levelFromProto, levelToProto, loadProtocol, severityFromProto } from "../cli/engine/protocol";
import { POLICIES } from "../policies";
import { toPulumiPolicy } from "../policies/lib/adapter";
import { applySdkPatch } from "../policies/lib/sdk-patch";
import * as path from "path";

const p = loadProtocol(path.join(__dirname, ".."));
const pb = p.analyzerPb;
const { Struct } = p.structPb;

/** The harness's former reading: google-protobuf's message and its getters. */
function viaGoogleProtobuf(bytes: Uint8Array): AnalyzerInfo {
    const r = pb.AnalyzerInfo.deserializeBinary(bytes);
    const T = pb.PolicyType;
    const policies = r.getPoliciesList().map((pi: any) => {
        const schema = pi.getConfigschema();
        const fw = pi.getFramework();
        return {
            name: pi.getName(),
            displayName: pi.getDisplayname(),
            description: pi.getDescription(),
            enforcementLevel: levelFromProto(p, pi.getEnforcementlevel()),
            severity: severityFromProto(p, pi.getSeverity()),
            remediationSteps: pi.getRemediationSteps(),
            url: pi.getUrl(),
            tags: pi.getTagsList(),
            framework: fw ? { name: fw.getName(), version: fw.getVersion(), reference: fw.getReference(), specification: fw.getSpecification() } : undefined,
            configSchema: schema ? { properties: schema.getProperties()?.toJavaScript() ?? {}, required: schema.getRequiredList() } : undefined,
            policyType: pi.getPolicyType() === T.POLICY_TYPE_RESOURCE ? "resource" : pi.getPolicyType() === T.POLICY_TYPE_STACK ? "stack" : "unknown",
        };
    });
    const initialConfig: AnalyzerInfo["initialConfig"] = {};
    r.getInitialconfigMap().forEach((v: any, k: string) => {
        initialConfig[k] = { enforcementLevel: levelFromProto(p, v.getEnforcementlevel()), properties: v.getProperties()?.toJavaScript() };
    });
    return { name: r.getName(), version: r.getVersion(), description: r.getDescription(), supportsConfig: r.getSupportsconfig(), policies, initialConfig };
}

/** What the pack's SDK reads from a Configure request (server.js configure). */
function configureAsReceived(bytes: Uint8Array) {
    const req = pb.ConfigureAnalyzerRequest.deserializeBinary(bytes);
    const out: [string, number, unknown][] = [];
    for (const [k, v] of req.getPolicyconfigMap().entries()) out.push([k, v.getEnforcementlevel(), v.getProperties()?.toJavaScript()]);
    return out;
}

/** The harness's former Configure request. */
function configureViaGoogleProtobuf(config: ReconciledPolicyConfig): Uint8Array {
    const req = new pb.ConfigureAnalyzerRequest();
    for (const [name, c] of Object.entries(config)) {
        const pc = new pb.PolicyConfig();
        pc.setEnforcementlevel(levelToProto(p, c.enforcementLevel));
        pc.setProperties(Struct.fromJavaScript(c.properties ?? {}));
        req.getPolicyconfigMap().set(name, pc);
    }
    return req.serializeBinary();
}

function thisPacksInfo(): Uint8Array {
    applySdkPatch();
    const protoutil = require("@pulumi/policy/protoutil");
    const initialConfig = { "resource-protect": { enforcementLevel: "mandatory", criticalResourceTypes: ["aws:s3/bucketV2:BucketV2"] }, "kms-key-rotation": { enforcementLevel: "disabled" } };
    return protoutil.makeAnalyzerInfo("aws-security-baseline", "0.2.0", "advisory", { policies: POLICIES.map(toPulumiPolicy) }, initialConfig).serializeBinary();
}

describe("GetAnalyzerInfo's answer", () => {
    it("reads this pack's description (every policy's schema) as google-protobuf's getters did", () => {
        const bytes = thisPacksInfo();
        const info = decodeAnalyzerInfo(p, bytes);
        expect(info.policies.length).toBe(POLICIES.length);
        expect(info.initialConfig["resource-protect"]).toEqual({ enforcementLevel: "mandatory", properties: { criticalResourceTypes: ["aws:s3/bucketV2:BucketV2"] } });
        expect(info).toEqual(viaGoogleProtobuf(bytes));
        // Key order too: reconcilePolicyConfig and the reports follow it.
        expect(JSON.stringify(info)).toBe(JSON.stringify(viaGoogleProtobuf(bytes)));
    });

    it("reads every field, defaults, a map's repeated and unsorted keys and unknown fields as google-protobuf does", () => {
        const ai = new pb.AnalyzerInfo();
        ai.setName("org-pack");
        ai.setDisplayname("Org pack");
        ai.setVersion("1.2.3");
        ai.setSupportsconfig(true);
        ai.setDescription("Ünïcode description ✓");
        ai.setTagsList(["a", "b"]);
        const full = new pb.PolicyInfo();
        full.setName("full");
        full.setDisplayname("Full");
        full.setDescription("every field");
        full.setMessage("message");
        full.setEnforcementlevel(pb.EnforcementLevel.MANDATORY);
        const schema = new pb.PolicyConfigSchema();
        schema.setProperties(Struct.fromJavaScript({ b: { type: "array", items: { type: "string" }, default: ["x", "é"] }, a: { type: "number", default: -1.5 }, n: null, t: true }));
        schema.setRequiredList(["a", "b"]);
        full.setConfigschema(schema);
        full.setPolicyType(pb.PolicyType.POLICY_TYPE_STACK);
        full.setSeverity(pb.PolicySeverity.POLICY_SEVERITY_CRITICAL);
        const fw = new pb.PolicyComplianceFramework();
        fw.setName("CIS");
        fw.setVersion("1.4");
        fw.setReference("2.1.1");
        fw.setSpecification("spec");
        full.setFramework(fw);
        full.setTagsList(["s3", "encryption"]);
        full.setRemediationSteps("fix it");
        full.setUrl("https://example.com/full");
        const bare = new pb.PolicyInfo();
        bare.setName("bare");
        const resource = new pb.PolicyInfo();
        resource.setName("resource");
        resource.setPolicyType(pb.PolicyType.POLICY_TYPE_RESOURCE);
        resource.setEnforcementlevel(pb.EnforcementLevel.REMEDIATE);
        resource.setConfigschema(new pb.PolicyConfigSchema());
        ai.setPoliciesList([full, bare, resource]);
        const initial = ai.getInitialconfigMap();
        for (const [name, level, props] of [["zeta", pb.EnforcementLevel.DISABLED, { z: 1 }], ["alpha", pb.EnforcementLevel.ADVISORY, undefined], ["mid", pb.EnforcementLevel.MANDATORY, {}]] as const) {
            const pc = new pb.PolicyConfig();
            pc.setEnforcementlevel(level);
            if (props) pc.setProperties(Struct.fromJavaScript(props));
            initial.set(name, pc);
        }
        const bytes = ai.serializeBinary();
        expect(decodeAnalyzerInfo(p, bytes)).toEqual(viaGoogleProtobuf(bytes));
        expect(JSON.stringify(decodeAnalyzerInfo(p, bytes))).toBe(JSON.stringify(viaGoogleProtobuf(bytes)));

        // A repeated map key keeps its last value; an unknown field (a newer CLI's) is skipped.
        const extra = new pb.AnalyzerInfo();
        const first = new pb.PolicyConfig();
        first.setEnforcementlevel(pb.EnforcementLevel.MANDATORY);
        extra.getInitialconfigMap().set("zeta", first);
        extra.getInitialconfigMap().set("beta", new pb.PolicyConfig()); // after "zeta" on the wire
        const unknownField = Buffer.from([0xa8, 0x06, 0x07, 0xb2, 0x06, 0x01, 0x78]); // field 101 varint 7, field 102 "x"
        const merged = Buffer.concat([bytes, Buffer.from(extra.serializeBinary()), unknownField]);
        const decoded = decodeAnalyzerInfo(p, merged);
        expect(JSON.stringify(decoded)).toBe(JSON.stringify(viaGoogleProtobuf(merged)));
        expect(Object.keys(decoded.initialConfig)).toEqual(["alpha", "beta", "mid", "zeta"]);
        expect(decoded.initialConfig.zeta).toEqual({ enforcementLevel: "mandatory", properties: undefined });
    });
});

describe("Configure's request", () => {
    it("carries what the former request carried, as the pack's SDK reads it", () => {
        const info = decodeAnalyzerInfo(p, thisPacksInfo());
        const configs: ReconciledPolicyConfig[] = [
            reconcilePolicyConfig(info),
            reconcilePolicyConfig(info, {
                all: { enforcementLevel: "mandatory" },
                "resource-protect": { enforcementLevel: "disabled", properties: { criticalResourceTypes: ["aws:rds/instance:Instance", "ünïcode"] } },
                "secrets-provider-allowlist": { properties: { allowedProviders: ["awskms"] } },
            }),
            { "kms-key-rotation": { enforcementLevel: "advisory" }, "z-policy": { enforcementLevel: "remediate", properties: { n: 1.5, list: [null, true, { deep: "x" }], empty: {} } } },
        ];
        for (const config of configs) {
            const ours = encodeConfigureRequest(p, config);
            expect(configureAsReceived(ours)).toEqual(configureAsReceived(configureViaGoogleProtobuf(config)));
        }
        // Every policy is configured, with its defaults.
        const received = configureAsReceived(encodeConfigureRequest(p, configs[0]));
        expect(received.map(([name]) => name).sort()).toEqual(POLICIES.map((d) => d.name).sort());
    });
});
