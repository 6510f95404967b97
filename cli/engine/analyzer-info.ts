// The pack's description (GetAnalyzerInfo's answer) read, and its configuration (Configure's
// request) written, straight from and to protobuf bytes with ../../policies/lib/protobuf.ts, as
// requests.ts writes Analyze requests. Through google-protobuf's message objects, the config
// schemas' Structs cost `check` 12–23 ms of CPU per pack booted (20 stacks: 20 boots), time the
// Go CLI spends in microseconds and the bench counted in the pack's boot. Field numbers are
// those of pulumi/proto/analyzer.proto (AnalyzerInfo, PolicyInfo, PolicyConfigSchema,
// PolicyComplianceFramework, PolicyConfig, ConfigureAnalyzerRequest) as @pulumi/pulumi's
// analyzer_pb.js reads and writes them; test/analyzer-info.test.ts compares both with it.
import { decodeStruct, Reader, readString, Writer, writeStructFields } from "../../policies/lib/protobuf";
import type { AnalyzerInfo, PolicyInfo, ReconciledPolicyConfig } from "./pack-process";
import { levelFromProto, levelToProto, Protocol, severityFromProto } from "./protocol";

type InitialConfig = AnalyzerInfo["initialConfig"][string];

/** What `AnalyzerInfo.deserializeBinary(buf)` and its getters give, as check uses it. */
export function decodeAnalyzerInfo(p: Protocol, buf: Uint8Array): AnalyzerInfo {
    const info: AnalyzerInfo = { name: "", version: "", description: "", supportsConfig: false, policies: [], initialConfig: {} };
    const initial = new Map<string, InitialConfig>();
    eachField(buf, 0, buf.length, (field, start, end) => {
        if (field === 1 && end >= 0) info.name = readString(buf, start, end);
        else if (field === 3 && end >= 0) info.policies.push(decodePolicyInfo(p, buf, start, end));
        else if (field === 4 && end >= 0) info.version = readString(buf, start, end);
        else if (field === 5 && end < 0) info.supportsConfig = start !== 0;
        else if (field === 6 && end >= 0) {
            let key = "";
            let config: InitialConfig = { enforcementLevel: levelFromProto(p, 0) };
            eachField(buf, start, end, (f, s, e) => {
                if (f === 1 && e >= 0) key = readString(buf, s, e);
                else if (f === 2 && e >= 0) config = decodePolicyConfig(p, buf, s, e);
            });
            initial.set(key, config); // a repeated key keeps its last value
        } else if (field === 7 && end >= 0) info.description = readString(buf, start, end);
    });
    // google-protobuf's map iterates its keys sorted.
    for (const key of [...initial.keys()].sort()) info.initialConfig[key] = initial.get(key)!;
    return info;
}

function decodePolicyInfo(p: Protocol, buf: Uint8Array, start: number, end: number): PolicyInfo {
    const T = p.analyzerPb.PolicyType;
    // The keys in the order check has always given them (reports and config follow it).
    const pi: PolicyInfo = {
        name: "", displayName: "", description: "", enforcementLevel: levelFromProto(p, 0), severity: severityFromProto(p, 0),
        remediationSteps: "", url: "", tags: [], framework: undefined, configSchema: undefined, policyType: "unknown",
    };
    let policyType = 0;
    eachField(buf, start, end, (field, s, e) => {
        const text = e >= 0;
        if (field === 1 && text) pi.name = readString(buf, s, e);
        else if (field === 2 && text) pi.displayName = readString(buf, s, e);
        else if (field === 3 && text) pi.description = readString(buf, s, e);
        else if (field === 5 && !text) pi.enforcementLevel = levelFromProto(p, s);
        else if (field === 6 && text) pi.configSchema = decodeConfigSchema(buf, s, e);
        else if (field === 7 && !text) policyType = s;
        else if (field === 8 && !text) pi.severity = severityFromProto(p, s);
        else if (field === 9 && text) pi.framework = decodeFramework(buf, s, e);
        else if (field === 10 && text) pi.tags.push(readString(buf, s, e));
        else if (field === 11 && text) pi.remediationSteps = readString(buf, s, e);
        else if (field === 12 && text) pi.url = readString(buf, s, e);
    });
    pi.policyType = policyType === T.POLICY_TYPE_RESOURCE ? "resource" : policyType === T.POLICY_TYPE_STACK ? "stack" : "unknown";
    return pi;
}

function decodeConfigSchema(buf: Uint8Array, start: number, end: number): NonNullable<PolicyInfo["configSchema"]> {
    const schema: NonNullable<PolicyInfo["configSchema"]> = { properties: {}, required: [] };
    eachField(buf, start, end, (field, s, e) => {
        if (field === 1 && e >= 0) schema.properties = decodeStruct(buf, s, e);
        else if (field === 2 && e >= 0) schema.required.push(readString(buf, s, e));
    });
    return schema;
}

function decodeFramework(buf: Uint8Array, start: number, end: number): NonNullable<PolicyInfo["framework"]> {
    const fw = { name: "", version: "", reference: "", specification: "" };
    const keys = [undefined, "name", "version", "reference", "specification"] as const;
    eachField(buf, start, end, (field, s, e) => {
        const key = keys[field];
        if (key && e >= 0) fw[key] = readString(buf, s, e);
    });
    return fw;
}

function decodePolicyConfig(p: Protocol, buf: Uint8Array, start: number, end: number): InitialConfig {
    const config: InitialConfig = { enforcementLevel: levelFromProto(p, 0) };
    eachField(buf, start, end, (field, s, e) => {
        if (field === 1 && e < 0) config.enforcementLevel = levelFromProto(p, s);
        else if (field === 2 && e >= 0) config.properties = decodeStruct(buf, s, e);
    });
    return config;
}

/**
 * Calls `on` for each field of buf[start, end): a length-delimited one with its payload's
 * bounds, a varint with its value and -1; other wire types are skipped.
 */
function eachField(buf: Uint8Array, start: number, end: number, on: (field: number, a: number, b: number) => void): void {
    const r = new Reader(buf, start, end);
    while (r.pos < end) {
        const tag = r.varint();
        const wireType = tag & 7;
        if (wireType === 2) {
            const s = r.span();
            on(tag >>> 3, s, r.pos);
        } else if (wireType === 0) {
            on(tag >>> 3, r.varint(), -1);
        } else {
            r.skip(wireType);
        }
    }
}

/** ConfigureAnalyzerRequest: one PolicyConfig per policy, in google-protobuf's (sorted) map order. */
export function encodeConfigureRequest(p: Protocol, config: ReconciledPolicyConfig): Buffer {
    const w = new Writer(8 * 1024);
    const names = Object.keys(config).sort();
    // The writer writes back to front: the last entry first.
    for (let i = names.length - 1; i >= 0; i--) {
        const { enforcementLevel, properties } = config[names[i]];
        const entry = w.length;
        const value = w.length;
        const props = w.length;
        writeStructFields(w, properties ?? {}, false);
        w.lengthPrefix(0x12, props);
        const level = levelToProto(p, enforcementLevel);
        if (level !== 0) {
            w.varint(level);
            w.byte(0x08);
        }
        w.lengthPrefix(0x12, value);
        w.string(0x0a, names[i]);
        w.lengthPrefix(0x0a, entry);
    }
    return w.copy();
}
