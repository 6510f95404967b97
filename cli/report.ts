// Turning diagnostics into what people and tools read: the table (default), the JSON report
// (docs/report-format.md) and SARIF (./sarif.ts). Messages come from the pack, which never
// puts secret values in them; the reports add nothing but names, URNs, metadata and counts.
import type { Exemption } from "../policies/lib/exemptions";
import type { EngineResource } from "./engine/model";
import { urnName, urnQualifiedType } from "./engine/model";
import type { AnalyzerInfo, Diagnostic, LogEntry } from "./engine/pack-process";
import type { EnforcementLevel, Severity } from "./engine/protocol";
import { describeUnused, UnusedExemption } from "./exemptions-report";

export interface FileResult {
    /** The input file as given on the command line. */
    file: string;
    stack?: string;
    resources: EngineResource[];
    diagnostics: Diagnostic[];
    /** What the pack logged while analyzing (debug entries left out). */
    logs: LogEntry[];
    /** Exemptions in the policy pack config that match no resource of this file. */
    unusedExemptions: UnusedExemption[];
}

export interface CheckReport {
    /** The pack's description of itself and its policies (GetAnalyzerInfo). */
    pack: AnalyzerInfo;
    files: FileResult[];
}

export type ReportFormat = "table" | "json" | "sarif";
export const REPORT_FORMATS: readonly ReportFormat[] = ["table", "json", "sarif"];

/** The levels a diagnostic can have, most severe first (a disabled policy reports nothing). */
export const REPORTED_LEVELS = ["mandatory", "remediate", "advisory"] as const;
const ORDER: Record<EnforcementLevel, number> = { mandatory: 0, remediate: 1, advisory: 2, disabled: 3 };

/** The diagnostic's own message without the policy description the SDK prefixes it with. */
export function violationText(d: Diagnostic): string {
    const prefix = `${d.description}\n`;
    return d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
}

export function countByLevel(diagnostics: { enforcementLevel: EnforcementLevel }[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const d of diagnostics) counts[d.enforcementLevel] = (counts[d.enforcementLevel] ?? 0) + 1;
    return counts;
}

// ---------------------------------------------------------------- table

export function formatTable(results: FileResult[], color: boolean): string {
    const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
    const levelLabel = (l: string) =>
        l === "mandatory" ? paint("31;1", "mandatory") : l === "advisory" ? paint("33", "advisory ") : paint("36", l.padEnd(9));
    const lines: string[] = [];
    let total: Diagnostic[] = [];
    let resourceCount = 0;
    for (const r of results) {
        resourceCount += r.resources.length;
        total = total.concat(r.diagnostics);
        lines.push(paint("1", `${r.file}`) + `  (stack ${r.stack ?? "?"}, ${r.resources.length} resources)`);
        for (const l of r.logs) lines.push(`  note: ${l.severity}: ${l.message}`);
        for (const u of r.unusedExemptions) lines.push(`  note: ${describeUnused(u)}`);
        const byUrn = new Map<string, Diagnostic[]>();
        for (const d of r.diagnostics) byUrn.set(d.urn, [...(byUrn.get(d.urn) ?? []), d]);
        if (byUrn.size === 0) lines.push("  no violations");
        const typeOf = new Map(r.resources.map((x) => [x.urn, x]));
        for (const [urn, ds] of byUrn) {
            const res = typeOf.get(urn);
            lines.push("");
            lines.push(urn ? `  ${res ? `${res.type} "${res.name}"` : urn}` : "  (stack)");
            if (urn) lines.push(paint("2", `    ${urn}`));
            ds.sort((a, b) => ORDER[a.enforcementLevel] - ORDER[b.enforcementLevel] || a.policyName.localeCompare(b.policyName));
            for (const d of ds) {
                lines.push(`    ${levelLabel(d.enforcementLevel)}  ${d.policyName}`);
                for (const l of violationText(d).split("\n")) lines.push(`      ${l}`);
            }
        }
        lines.push("");
    }
    const counts = countByLevel(total);
    const parts = Object.entries(counts).sort(([a], [b]) => ORDER[a as EnforcementLevel] - ORDER[b as EnforcementLevel]).map(([l, n]) => `${n} ${l}`);
    const resourcesWith = new Set(total.map((d) => d.urn)).size;
    lines.push(
        `Summary: ${total.length} violation${total.length === 1 ? "" : "s"}${parts.length ? ` (${parts.join(", ")})` : ""}` +
            ` on ${resourcesWith} resource${resourcesWith === 1 ? "" : "s"}; ${resourceCount} resources checked in ${results.length} file${results.length === 1 ? "" : "s"}.`,
    );
    return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------- violations as records

/** One violation as the JSON report (and SARIF) carry it. See docs/report-format.md. */
export interface ReportedViolation {
    policy: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity | null;
    /** null for a stack-wide finding, which is about no single resource. */
    urn: string | null;
    type: string | null;
    name: string | null;
    /** Only when the pack reports it apart from the message; none does today. */
    propertyPath?: string;
    message: string;
    file: string;
}

export function reportedViolations(report: CheckReport): ReportedViolation[] {
    const severityOf = new Map(report.pack.policies.map((p) => [p.name, p.severity]));
    const out: ReportedViolation[] = [];
    for (const f of report.files) {
        const byUrn = new Map(f.resources.map((r) => [r.urn, r]));
        for (const d of f.diagnostics) {
            const resource = d.urn ? byUrn.get(d.urn) : undefined;
            out.push({
                policy: d.policyName,
                enforcementLevel: d.enforcementLevel,
                severity: d.severity ?? severityOf.get(d.policyName) ?? null,
                urn: d.urn || null,
                type: resource?.type ?? (d.urn ? typeFromUrn(d.urn) : null),
                name: resource?.name ?? (d.urn ? urnName(d.urn) : null),
                message: violationText(d),
                file: f.file,
            });
        }
    }
    return out;
}

/** The resource's own type: the last of the `$`-joined parent chain in the URN. */
function typeFromUrn(urn: string): string {
    const chain = urnQualifiedType(urn).split("$");
    return chain[chain.length - 1];
}

// ---------------------------------------------------------------- JSON

export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
    version: typeof JSON_REPORT_VERSION;
    tool: { name: string; version: string };
    summary: {
        files: number;
        resources: number;
        violations: number;
        byLevel: Record<(typeof REPORTED_LEVELS)[number], number>;
        resourcesWithViolations: number;
    };
    files: { file: string; stack: string | null; resources: number; violations: number }[];
    violations: ReportedViolation[];
    notes: { file: string; severity: string; message: string }[];
    exemptionsUnused: { file: string; policy: string; exemption: Partial<Exemption> }[];
}

export function jsonReport(report: CheckReport): JsonReport {
    const violations = reportedViolations(report);
    const counts = countByLevel(violations);
    return {
        version: JSON_REPORT_VERSION,
        tool: { name: report.pack.name, version: report.pack.version },
        summary: {
            files: report.files.length,
            resources: report.files.reduce((n, f) => n + f.resources.length, 0),
            violations: violations.length,
            byLevel: { mandatory: counts.mandatory ?? 0, remediate: counts.remediate ?? 0, advisory: counts.advisory ?? 0 },
            resourcesWithViolations: new Set(violations.filter((v) => v.urn).map((v) => `${v.file}\0${v.urn}`)).size,
        },
        files: report.files.map((f) => ({ file: f.file, stack: f.stack ?? null, resources: f.resources.length, violations: f.diagnostics.length })),
        violations,
        notes: report.files.flatMap((f) => f.logs.map((l) => ({ file: f.file, severity: l.severity, message: l.message }))),
        exemptionsUnused: report.files.flatMap((f) => f.unusedExemptions.map((u) => ({ file: f.file, policy: u.policy, exemption: exemptionFields(u.exemption) }))),
    };
}

export function formatJson(report: CheckReport): string {
    return JSON.stringify(jsonReport(report), null, 2) + "\n";
}

/** The config entry as written, restricted to the documented keys (config is not validated here). */
function exemptionFields(e: Exemption): Partial<Exemption> {
    const out: Partial<Exemption> = {};
    for (const k of ["urn", "type", "name", "reason", "expires"] as const) {
        const v: unknown = e[k];
        if (typeof v === "string") out[k] = v;
    }
    return out;
}
