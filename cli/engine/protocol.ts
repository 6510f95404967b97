// Loads the protocol stubs from the pack's own @pulumi/pulumi, as the Pulumi CLI's
// counterpart would speak them: the Analyzer service (we are its client) and the Engine
// service (we serve it, so that policies calling pulumi.log reach us).
import * as path from "path";

export interface Protocol {
    grpc: typeof import("@grpc/grpc-js");
    analyzerPb: any;
    analyzerGrpc: any;
    enginePb: any;
    engineGrpc: any;
    pluginPb: any;
    structPb: any;
    emptyPb: any;
}

const cache = new Map<string, Protocol>();

/** Stubs resolved from `packDir`'s node_modules, so message classes match the pack's. */
export function loadProtocol(packDir: string): Protocol {
    let p = cache.get(packDir);
    if (!p) {
        const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] }));
        const from = (m: string) => require(require.resolve(m, { paths: [pulumiDir] }));
        p = {
            grpc: from("@grpc/grpc-js"),
            analyzerPb: from("@pulumi/pulumi/proto/analyzer_pb"),
            analyzerGrpc: from("@pulumi/pulumi/proto/analyzer_grpc_pb"),
            enginePb: from("@pulumi/pulumi/proto/engine_pb"),
            engineGrpc: from("@pulumi/pulumi/proto/engine_grpc_pb"),
            pluginPb: from("@pulumi/pulumi/proto/plugin_pb"),
            structPb: from("google-protobuf/google/protobuf/struct_pb"),
            emptyPb: from("google-protobuf/google/protobuf/empty_pb"),
        };
        cache.set(packDir, p);
    }
    return p;
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";

export function levelFromProto(p: Protocol, n: number): EnforcementLevel {
    const E = p.analyzerPb.EnforcementLevel;
    switch (n) {
        case E.ADVISORY: return "advisory";
        case E.MANDATORY: return "mandatory";
        case E.REMEDIATE: return "remediate";
        case E.DISABLED: return "disabled";
        default: throw new Error(`unknown enforcement level ${n}`);
    }
}

export function levelToProto(p: Protocol, level: EnforcementLevel): number {
    const E = p.analyzerPb.EnforcementLevel;
    return { advisory: E.ADVISORY, mandatory: E.MANDATORY, remediate: E.REMEDIATE, disabled: E.DISABLED }[level];
}

export function severityFromProto(p: Protocol, n: number): Severity | undefined {
    const S = p.analyzerPb.PolicySeverity;
    switch (n) {
        case S.POLICY_SEVERITY_LOW: return "low";
        case S.POLICY_SEVERITY_MEDIUM: return "medium";
        case S.POLICY_SEVERITY_HIGH: return "high";
        case S.POLICY_SEVERITY_CRITICAL: return "critical";
        default: return undefined;
    }
}
