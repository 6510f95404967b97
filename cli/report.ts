// Turning diagnostics into what people and tools read: the table (default), the JSON report
// (docs/report-format.md) and SARIF (./sarif.ts). Messages come from the pack, which never
// puts secret values in them; the reports add nothing but names, URNs, metadata, exemption
// reasons from the config, locations and counts.
import * as path from "path";
import type { Exemption } from "../policies/lib/exemptions";
import type { EngineResource } from "./engine/model";
import { urnName, urnQualifiedType } from "./engine/model";
import type { AnalyzerInfo, Diagnostic, LogEntry } from "./engine/pack-process";
import type { EnforcementLevel, Severity } from "./engine/protocol";
import type { ExemptedDiagnostic, UnusedExemption } from "./exemptions-report";
import type { ProgramSources } from "./program/check-input";

/** A violation as `check` reports it: what counts for the verdict. */
export interface CheckedDiagnostic extends Diagnostic {
    /** The exemption that matched but has expired (its note is also in the message). */
    expiredExemption?: Exemption;
}

export interface FileResult {
    /** The input file (or --program directory) as given on the command line. */
    file: string;
    stack?: string;
    resources: EngineResource[];
    /** Violations: the findings no live exemption hides. */
    diagnostics: CheckedDiagnostic[];
    /** Findings an exemption hides from the verdict, kept for the record. */
    exempted: ExemptedDiagnostic[];
    /** What the pack logged while analyzing (debug entries left out). */
    logs: LogEntry[];
    /** Exemptions in the policy pack config that match no resource of this file. */
    unusedExemptions: UnusedExemption[];
    /** --program: where the program constructs each resource. */
    program?: ProgramSources;
    /** A stack export or preview: the line that declares each resource, found while reading it. */
    lines?: ReadonlyMap<string, number>;
}

export interface CheckReport {
    /** The pack's description of itself and its policies (GetAnalyzerInfo). */
    pack: AnalyzerInfo;
    files: FileResult[];
}

/** Where reports point; paths in them are relative to `cwd`. */
export interface ReportOptions {
    /** The directory `check` was started from (the repository root in CI). */
    cwd: string;
    /** A fixture's text (whole, or in chunks read as they are needed), to find the line that declares a resource. */
    readSource?: (file: string) => string | Iterable<string> | undefined;
}

export type ReportFormat = "table" | "json" | "sarif";
export const REPORT_FORMATS: readonly ReportFormat[] = ["table", "json", "sarif"];

/** The levels a diagnostic can have, most severe first (a disabled policy reports nothing). */
export const REPORTED_LEVELS = ["mandatory", "remediate", "advisory"] as const;
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];
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

export function describeUnused(u: UnusedExemption): string {
    const what = (["urn", "type", "name"] as const).filter((k) => u.exemption[k] !== undefined).map((k) => `${k} "${u.exemption[k]}"`).join(", ");
    return `exemption in ${u.policy} (${what}) matches no resource: remove it if it is stale`;
}

/** "reason" (until <date>): how an exemption reads in the table and in SARIF. */
export function describeExemption(e: Exemption): string {
    return `"${e.reason}"${typeof e.expires === "string" ? ` (until ${e.expires})` : ""}`;
}

// ---------------------------------------------------------------- table

export function formatTable(report: CheckReport, color: boolean, options: ReportOptions): string {
    const results = report.files;
    const severity = severityOf(report);
    const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
    const levelLabel = (l: string) =>
        l === "mandatory" ? paint("31;1", "mandatory") : l === "advisory" ? paint("33", "advisory ") : paint("36", l.padEnd(9));
    const lines: string[] = [];
    let total: Diagnostic[] = [];
    let exempted = 0;
    let resourceCount = 0;

    /** One block per resource: its findings, most severe first. */
    const byResource = (r: FileResult, diagnostics: Diagnostic[], describe: (d: Diagnostic) => string[]) => {
        const byUrn = new Map<string, Diagnostic[]>();
        for (const d of diagnostics) byUrn.set(d.urn, [...(byUrn.get(d.urn) ?? []), d]);
        const typeOf = new Map(r.resources.map((x) => [x.urn, x]));
        for (const [urn, ds] of byUrn) {
            const res = typeOf.get(urn);
            const source = urn && r.program?.sources[urn];
            const at = source ? `  ${displayPath(source.file, options.cwd)}:${source.line}` : "";
            lines.push("");
            lines.push(urn ? `  ${res ? `${res.type} "${res.name}"` : urn}${at}` : "  (stack)");
            if (urn) lines.push(paint("2", `    ${urn}`));
            ds.sort((a, b) => ORDER[a.enforcementLevel] - ORDER[b.enforcementLevel] || a.policyName.localeCompare(b.policyName));
            for (const d of ds) {
                const s = severity(d);
                lines.push(`    ${levelLabel(d.enforcementLevel)}  ${d.policyName}${s ? ` (severity ${s})` : ""}`);
                for (const l of describe(d)) lines.push(`      ${l}`);
            }
        }
    };

    for (const r of results) {
        resourceCount += r.resources.length;
        total = total.concat(r.diagnostics);
        exempted += r.exempted.length;
        lines.push(paint("1", `${r.file}`) + `  (stack ${r.stack ?? "?"}, ${r.resources.length} resources)`);
        for (const l of r.logs) lines.push(`  note: ${l.severity}: ${l.message}`);
        for (const u of r.unusedExemptions) lines.push(`  note: ${describeUnused(u)}`);
        if (r.diagnostics.length === 0) lines.push("  no violations");
        byResource(r, r.diagnostics, (d) => violationText(d).split("\n"));
        if (r.exempted.length) {
            lines.push("");
            lines.push(paint("1", `  exempted (${r.exempted.length}, not counted in the verdict):`));
            byResource(r, r.exempted, (d) => [`exempt: ${describeExemption((d as ExemptedDiagnostic).exemption)}`, ...violationText(d).split("\n")]);
        }
        lines.push("");
    }
    const counts = countByLevel(total);
    const parts = Object.entries(counts).sort(([a], [b]) => ORDER[a as EnforcementLevel] - ORDER[b as EnforcementLevel]).map(([l, n]) => `${n} ${l}`);
    const resourcesWith = new Set(total.map((d) => d.urn)).size;
    lines.push(
        `Summary: ${total.length} violation${total.length === 1 ? "" : "s"}${parts.length ? ` (${parts.join(", ")})` : ""}` +
            ` on ${resourcesWith} resource${resourcesWith === 1 ? "" : "s"}; ${exempted ? `${exempted} exempted; ` : ""}` +
            `${resourceCount} resources checked in ${results.length} file${results.length === 1 ? "" : "s"}.`,
    );
    return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------- findings as records

/** Where a finding points: a file relative to where `check` was started, 1-based. */
export interface ReportedLocation {
    file: string;
    line: number;
    column?: number;
}

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
    location: ReportedLocation;
    /** The matching exemption that has expired, as written in the config. */
    expiredExemption?: Partial<Exemption>;
}

/** A finding an exemption hides, with that exemption as written in the config. */
export interface ReportedExemptedFinding extends ReportedViolation {
    exemption: Partial<Exemption>;
}

export interface ReportedFindings {
    violations: ReportedViolation[];
    exempted: ReportedExemptedFinding[];
}

/** A finding's severity: the diagnostic's, else its policy's metadata. */
function severityOf(report: CheckReport): (d: Diagnostic) => Severity | null {
    const byPolicy = new Map(report.pack.policies.map((p) => [p.name, p.severity]));
    return (d) => d.severity ?? byPolicy.get(d.policyName) ?? null;
}

export function reportedFindings(report: CheckReport, options: ReportOptions): ReportedFindings {
    const severity = severityOf(report);
    const violations: ReportedViolation[] = [];
    const exempted: ReportedExemptedFinding[] = [];
    for (const f of report.files) {
        const byUrn = new Map(f.resources.map((r) => [r.urn, r]));
        const locate = locator(f, options);
        const record = (d: Diagnostic): ReportedViolation => {
            const resource = d.urn ? byUrn.get(d.urn) : undefined;
            const absolute = locate(d.urn || null);
            return {
                policy: d.policyName,
                enforcementLevel: d.enforcementLevel,
                severity: severity(d),
                urn: d.urn || null,
                type: resource?.type ?? (d.urn ? typeFromUrn(d.urn) : null),
                name: resource?.name ?? (d.urn ? urnName(d.urn) : null),
                message: violationText(d),
                file: f.file,
                location: { ...absolute, file: displayPath(absolute.file, options.cwd) },
            };
        };
        for (const d of f.diagnostics) {
            const v = record(d);
            if (d.expiredExemption) v.expiredExemption = exemptionFields(d.expiredExemption);
            violations.push(v);
        }
        for (const d of f.exempted) exempted.push({ ...record(d), exemption: exemptionFields(d.exemption) });
    }
    return { violations, exempted };
}

/**
 * Where each finding of a file points, as an absolute path: for --program, the line that
 * constructs the resource (else the project file); for an input file, the line that
 * declares the resource (else line 1): known from the reading for a stack export or preview,
 * looked for in the text of a fixture.
 */
export function locator(f: FileResult, options: ReportOptions): (urn: string | null) => ReportedLocation {
    const program = f.program;
    if (program) return (urn) => (urn && program.sources[urn]) || { file: program.projectFile, line: 1 };
    const file = path.resolve(options.cwd, f.file);
    let lines = f.lines;
    return (urn) => {
        if (!urn) return { file, line: 1 };
        if (!lines) {
            const text = options.readSource?.(f.file);
            lines = text === undefined ? new Map() : resourceLines(text, f.resources);
        }
        return { file, line: lines.get(urn) ?? 1 };
    };
}

/** A path relative to `cwd`, with `/` separators (what GitHub expects from a repository root). */
export function displayPath(file: string, cwd: string): string {
    const relative = path.relative(cwd, path.resolve(cwd, file)) || path.basename(file);
    return relative.split(path.sep).join("/");
}

/** The resource's own type: the last of the `$`-joined parent chain in the URN. */
export function typeFromUrn(urn: string): string {
    const chain = urnQualifiedType(urn).split("$");
    return chain[chain.length - 1];
}

/**
 * The 1-based line that declares each resource in its input file: `"urn": "<urn>"` in a
 * stack export or preview JSON, else a fixture entry's `"name"` with its `"type"` at most
 * two lines away. Resources not found are left out (their findings point at line 1).
 */
export function resourceLines(source: string | Iterable<string>, resources: { urn: string; type: string; name: string }[]): Map<string, number> {
    const urnLine = new Map<string, number>();
    const nameLines = new Map<string, number[]>();
    const typeLines = new Map<string, Set<number>>();
    const key = new RegExp(`"(urn|name|type)"${KEY_VALUE}`, "g");
    // One regular expression over a run of whole lines at a time (no string per line), the
    // line of each match counted from the newlines before it.
    let line = 1;
    const scan = (text: string) => {
        let at = 0;
        for (const m of text.matchAll(key)) {
            for (let nl = text.indexOf("\n", at); nl >= 0 && nl < m.index; nl = text.indexOf("\n", nl + 1)) line++;
            at = m.index;
            // A match never spans lines: a JSON string holds no raw newline.
            if (m[0].includes("\n")) continue;
            let value: string;
            try {
                value = JSON.parse(m[2]);
            } catch {
                continue;
            }
            if (m[1] === "urn") {
                if (!urnLine.has(value)) urnLine.set(value, line);
            } else if (m[1] === "name") {
                const lines = nameLines.get(value);
                if (lines) lines.push(line);
                else nameLines.set(value, [line]);
            } else {
                typeLines.set(value, (typeLines.get(value) ?? new Set()).add(line));
            }
        }
        for (let nl = text.indexOf("\n", at); nl >= 0; nl = text.indexOf("\n", nl + 1)) line++;
    };
    let pending = "";
    for (const chunk of typeof source === "string" ? [source] : source) {
        pending += chunk;
        let cut = pending.lastIndexOf("\n") + 1;
        // A line longer than this (a minified file) is cut before its last key instead.
        if (cut === 0 && pending.length > LONG_LINE) {
            cut = Math.max(pending.lastIndexOf('"urn"'), pending.lastIndexOf('"name"'), pending.lastIndexOf('"type"'));
            if (cut <= 0) cut = pending.length - 8;
        }
        if (cut > 0) {
            scan(pending.slice(0, cut));
            pending = pending.slice(cut);
        }
    }
    scan(pending);
    const found = new Map<string, number>();
    for (const r of resources) {
        const byUrn = urnLine.get(r.urn);
        const types = typeLines.get(r.type);
        const byName = types && nameLines.get(r.name)?.find((n) => [n - 2, n - 1, n, n + 1, n + 2].some((t) => types.has(t)));
        const at = byUrn ?? byName;
        if (at) found.set(r.urn, at);
    }
    return found;
}

/** After a key: its colon and a JSON string value (captured), as JSON writes them on one line. */
const KEY_VALUE = String.raw`\s*:\s*("(?:[^"\\]|\\.)*")`;
const URN_KEY = new RegExp(`"urn"${KEY_VALUE}`, "g");

/**
 * Lines from the start of `text` (a resource's JSON, as a stack export or preview holds it) to
 * its `"urn": "<urn>"`; 0 when it has none.
 */
export function urnLineOffset(text: string, urn: string): number {
    for (const m of text.matchAll(URN_KEY)) {
        let value: unknown;
        try {
            value = JSON.parse(m[1]);
        } catch {
            continue;
        }
        if (value !== urn) continue;
        let n = 0;
        for (let nl = text.indexOf("\n"); nl >= 0 && nl < m.index; nl = text.indexOf("\n", nl + 1)) n++;
        return n;
    }
    return 0;
}

/** Longest run of text without a newline that resourceLines holds before cutting it. */
const LONG_LINE = 16 * 1024 * 1024;

// ---------------------------------------------------------------- JSON

export const JSON_REPORT_VERSION = 2;

export interface JsonReport {
    version: typeof JSON_REPORT_VERSION;
    tool: { name: string; version: string };
    summary: {
        files: number;
        resources: number;
        violations: number;
        byLevel: Record<(typeof REPORTED_LEVELS)[number], number>;
        bySeverity: Record<Severity, number>;
        resourcesWithViolations: number;
        exempted: number;
    };
    files: { file: string; stack: string | null; resources: number; violations: number; exempted: number }[];
    violations: ReportedViolation[];
    exempted: ReportedExemptedFinding[];
    notes: { file: string; severity: string; message: string }[];
    exemptionsUnused: { file: string; policy: string; exemption: Partial<Exemption> }[];
}

export function jsonReport(report: CheckReport, options: ReportOptions): JsonReport {
    const { violations, exempted } = reportedFindings(report, options);
    const counts = countByLevel(violations);
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, violations.filter((v) => v.severity === s).length])) as Record<Severity, number>;
    return {
        version: JSON_REPORT_VERSION,
        tool: { name: report.pack.name, version: report.pack.version },
        summary: {
            files: report.files.length,
            resources: report.files.reduce((n, f) => n + f.resources.length, 0),
            violations: violations.length,
            byLevel: { mandatory: counts.mandatory ?? 0, remediate: counts.remediate ?? 0, advisory: counts.advisory ?? 0 },
            bySeverity,
            resourcesWithViolations: new Set(violations.filter((v) => v.urn).map((v) => `${v.file}\0${v.urn}`)).size,
            exempted: exempted.length,
        },
        files: report.files.map((f) => ({ file: f.file, stack: f.stack ?? null, resources: f.resources.length, violations: f.diagnostics.length, exempted: f.exempted.length })),
        violations,
        exempted,
        notes: report.files.flatMap((f) => f.logs.map((l) => ({ file: f.file, severity: l.severity, message: l.message }))),
        exemptionsUnused: report.files.flatMap((f) => f.unusedExemptions.map((u) => ({ file: f.file, policy: u.policy, exemption: exemptionFields(u.exemption) }))),
    };
}

export function formatJson(report: CheckReport, options: ReportOptions): string {
    return JSON.stringify(jsonReport(report, options), null, 2) + "\n";
}

/** The config entry as written, restricted to the documented keys. */
export function exemptionFields(e: Exemption): Partial<Exemption> {
    const out: Partial<Exemption> = {};
    for (const k of ["urn", "type", "name", "reason", "expires"] as const) {
        const v: unknown = e[k];
        if (typeof v === "string") out[k] = v;
    }
    return out;
}
