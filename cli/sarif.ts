// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per policy the pack
// serves (its metadata: help text, doc URL, tags, severity), one result per finding, located
// where a person fixes it (the line constructing the resource in a --program run, else the
// line declaring it in the input file) and at the resource's URN (logical location).
// Exempted findings are results with an external suppression. See docs/report-format.md for
// what GitHub reads of it.
import { createHash } from "crypto";
import { projectLinks } from "../policies/lib/docs";
import type { PolicyInfo } from "./engine/pack-process";
import type { EnforcementLevel, Severity } from "./engine/protocol";
import {
    CheckReport, describeExemption, describeUnused, displayPath, FileResult, locator, ReportedViolation, reportedFindings, ReportOptions,
} from "./report";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

export type SarifLevel = "error" | "warning" | "note";

/** mandatory blocks a deployment, advisory warns; remediate fixes the resource itself. */
export function sarifLevel(level: EnforcementLevel): SarifLevel {
    return level === "mandatory" ? "error" : level === "advisory" ? "warning" : "note";
}

/**
 * GitHub ranks alerts of rules tagged `security` by this score: over 9.0 critical, 7.0–8.9
 * high, 4.0–6.9 medium, 0.1–3.9 low. Each value sits inside its band.
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
    critical: "9.5",
    high: "8.0",
    medium: "5.5",
    low: "3.0",
};

/** GitHub rejects a run with more results than this (and shows the 5,000 most severe). */
export const GITHUB_MAX_RESULTS = 25_000;

/** Artifact URIs are relative to the directory `check` was started from (the repository root in CI). */
const SRCROOT = "%SRCROOT%";

export function sarifLog(report: CheckReport, options: ReportOptions): Record<string, unknown> {
    const policies = report.pack.policies;
    const ruleIndex = new Map(policies.map((p, i) => [p.name, i]));
    const artifacts: string[] = [];
    const artifactIndex = new Map<string, number>();
    const artifact = (absolute: string) => {
        const uri = artifactUri(absolute, options.cwd);
        if (!artifactIndex.has(uri)) {
            artifactIndex.set(uri, artifacts.length);
            artifacts.push(uri);
        }
        return { uri, uriBaseId: SRCROOT, index: artifactIndex.get(uri)! };
    };

    const { violations, exempted } = reportedFindings(report, options);
    const fingerprints = fingerprinter(report.files);
    const result = (v: ReportedViolation, absolute: { file: string; line: number; column?: number }, suppression?: Record<string, unknown>) => {
        const location: Record<string, unknown> = {
            physicalLocation: {
                artifactLocation: artifact(absolute.file),
                region: { startLine: absolute.line, ...(absolute.column ? { startColumn: absolute.column } : {}) },
            },
        };
        if (v.urn) location.logicalLocations = [{ fullyQualifiedName: v.urn, name: v.name ?? undefined, kind: "resource" }];
        const fingerprint = fingerprints(v);
        return {
            ruleId: v.policy,
            ...(ruleIndex.has(v.policy) ? { ruleIndex: ruleIndex.get(v.policy) } : {}),
            level: sarifLevel(v.enforcementLevel),
            message: { text: v.message },
            locations: [location],
            // GitHub matches alerts across runs on primaryLocationLineHash only: ours names the
            // policy and the resource, so nothing moves it (lines, paths, message wording).
            partialFingerprints: { primaryLocationLineHash: fingerprint, "policyResource/v1": fingerprint },
            ...(suppression ? { suppressions: [suppression] } : {}),
            properties: {
                enforcementLevel: v.enforcementLevel,
                ...(v.severity ? { severity: v.severity } : {}),
                ...(v.type ? { resourceType: v.type } : {}),
                ...(v.expiredExemption ? { expiredExemption: v.expiredExemption } : {}),
            },
        };
    };
    const locate = new Map(report.files.map((f) => [f.file, locator(f, options)]));
    const absoluteOf = (v: ReportedViolation) => locate.get(v.file)!(v.urn);
    const results = [
        ...violations.map((v) => result(v, absoluteOf(v))),
        ...exempted.map((v) => result(v, absoluteOf(v), {
            kind: "external",
            status: "accepted",
            justification: v.exemption.reason ?? "",
            ...(v.exemption.expires ? { properties: { expires: v.exemption.expires } } : {}),
        })),
    ];

    const notifications = report.files.flatMap((f) => {
        const where = f.program?.projectFile ?? f.file;
        return [
            ...f.logs.map((l) => notification(l.severity === "error" ? "error" : l.severity === "warning" ? "warning" : "note", l.message, artifact(where))),
            ...f.unusedExemptions.map((u) => notification("note", describeUnused(u), artifact(where))),
        ];
    });
    const kept = withinGitHubLimit(results);
    if (kept.length < results.length) {
        notifications.push(notification("warning",
            `${results.length - kept.length} of ${results.length} results are left out: GitHub code scanning rejects a run of more than ` +
            `${GITHUB_MAX_RESULTS} results. The least severe and the exempted go first; --format json lists them all.`));
    }

    const home = projectLinks().home;
    return {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [{
            tool: {
                driver: {
                    name: report.pack.name,
                    version: report.pack.version,
                    semanticVersion: report.pack.version,
                    ...(home ? { informationUri: home } : {}),
                    rules: policies.map(rule),
                },
            },
            originalUriBaseIds: { [SRCROOT]: { description: { text: "The directory check was started from (the repository root in CI)." } } },
            artifacts: artifacts.map((uri) => ({ location: { uri, uriBaseId: SRCROOT } })),
            invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
            results: kept,
        }],
    };
}

export function formatSarif(report: CheckReport, options: ReportOptions): string {
    return JSON.stringify(sarifLog(report, options), null, 2) + "\n";
}

/** GitHub's limit on text fields of a rule. */
const MAX_DESCRIPTION = 1024;

function rule(p: PolicyInfo): Record<string, unknown> {
    const framework = p.framework?.name ? ` Compliance: ${p.framework.name} ${p.framework.version} ${p.framework.reference}.`.replace(/\s+/g, " ") : "";
    const remediation = p.remediationSteps || p.description;
    const more = p.url ? `\n\nDocumentation: ${p.url}` : "";
    const tags = [...new Set([...(p.tags ?? []), "security"])]; // GitHub reads security-severity only on "security" rules
    return {
        id: p.name,
        name: p.name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(""),
        shortDescription: { text: clip(p.description, MAX_DESCRIPTION) },
        fullDescription: { text: clip(`${p.description}${framework}`, MAX_DESCRIPTION) },
        help: {
            text: `${remediation}${more}`,
            // GitHub shows help.markdown and ignores helpUri: the link has to be in here.
            markdown: `**${p.displayName || p.name}**\n\n${p.description}${framework}\n\n**How to fix:** ${remediation}` + (p.url ? `\n\n[Policy documentation](${p.url})` : ""),
        },
        ...(p.url ? { helpUri: p.url } : {}),
        defaultConfiguration: { level: sarifLevel(p.enforcementLevel), enabled: p.enforcementLevel !== "disabled" },
        properties: {
            tags,
            ...(p.severity ? { severity: p.severity, "security-severity": SECURITY_SEVERITY[p.severity] } : {}),
            ...(p.framework?.name ? { framework: p.framework } : {}),
        },
    };
}

function notification(level: SarifLevel, text: string, artifactLocation?: Record<string, unknown>) {
    return { level, message: { text }, ...(artifactLocation ? { locations: [{ physicalLocation: { artifactLocation } }] } : {}) };
}

/** A relative URI reference with `/` separators, as GitHub expects paths from the repository root. */
export function artifactUri(file: string, cwd: string): string {
    return displayPath(file, cwd).split("/").map(encodeURIComponent).join("/");
}

/**
 * A finding's identity across runs: its policy and its resource's URN (the root stack's for a
 * stack-wide finding), plus its rank among the same policy's findings on that resource.
 * Nothing from paths, lines, time or message wording.
 */
function fingerprinter(files: readonly FileResult[]): (v: ReportedViolation) => string {
    const rootOf = new Map(files.map((f) => [f.file, f.resources.find((r) => r.type === "pulumi:pulumi:Stack" && !r.parent)?.urn ?? `stack:${f.stack ?? ""}`]));
    const seen = new Map<string, number>();
    return (v) => {
        const identity = `${v.policy}\0${v.urn ?? rootOf.get(v.file)}`;
        const hash = createHash("sha256").update(identity).digest("hex").slice(0, 32);
        const key = `${v.file}\0${hash}`;
        const rank = (seen.get(key) ?? 0) + 1;
        seen.set(key, rank);
        return `${hash}:${rank}`;
    };
}

/** At most GITHUB_MAX_RESULTS results: violations by level, then exempted ones, in their order. */
function withinGitHubLimit<T extends { level: SarifLevel; suppressions?: unknown }>(results: T[]): T[] {
    if (results.length <= GITHUB_MAX_RESULTS) return results;
    const rank = (r: T) => (r.suppressions ? 3 : r.level === "error" ? 0 : r.level === "warning" ? 1 : 2);
    const keep = new Set(results.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).slice(0, GITHUB_MAX_RESULTS).map((x) => x.r));
    return results.filter((r) => keep.has(r));
}

function clip(text: string, max: number): string {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
