// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per policy of the
// pack (its metadata: help text, doc URL, tags, severity), one result per violation, located
// in the input file (physical location, as GitHub requires one) and at the resource's URN
// (logical location). See docs/report-format.md.
import { createHash } from "crypto";
import * as path from "path";
import { REPOSITORY_URL } from "../policies/lib/docs";
import type { PolicyInfo } from "./engine/pack-process";
import type { EnforcementLevel, Severity } from "./engine/protocol";
import { describeUnused } from "./exemptions-report";
import { CheckReport, reportedViolations } from "./report";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

export type SarifLevel = "error" | "warning" | "note";

/** mandatory blocks a deployment, advisory warns; remediate fixes the resource itself. */
export function sarifLevel(level: EnforcementLevel): SarifLevel {
    return level === "mandatory" ? "error" : level === "advisory" ? "warning" : "note";
}

/** GitHub ranks security alerts by this CVSS-like score: >= 9 critical, >= 7 high, >= 4 medium. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
    critical: "9.5",
    high: "8.0",
    medium: "5.5",
    low: "3.0",
};

export interface SarifOptions {
    /** Artifact URIs are relative to this directory (the repository root in CI). */
    cwd: string;
    /** The input file's text, to point results at the line that declares the resource. */
    readSource?: (file: string) => string | undefined;
}

export function sarifLog(report: CheckReport, options: SarifOptions): Record<string, unknown> {
    const policies = report.pack.policies;
    const ruleIndex = new Map(policies.map((p, i) => [p.name, i]));
    const fileIndex = new Map(report.files.map((f, i) => [f.file, i]));
    const lines = new Map(report.files.map((f) => {
        const text = options.readSource?.(f.file);
        return [f.file, text === undefined ? new Map<string, number>() : resourceLines(text, f.resources)];
    }));

    const results = reportedViolations(report).map((v) => {
        const location: Record<string, unknown> = {
            physicalLocation: {
                artifactLocation: { uri: artifactUri(v.file, options.cwd), index: fileIndex.get(v.file) },
                region: { startLine: (v.urn && lines.get(v.file)?.get(v.urn)) || 1 },
            },
        };
        if (v.urn) location.logicalLocations = [{ fullyQualifiedName: v.urn, name: v.name ?? undefined, kind: "resource" }];
        return {
            ruleId: v.policy,
            ...(ruleIndex.has(v.policy) ? { ruleIndex: ruleIndex.get(v.policy) } : {}),
            level: sarifLevel(v.enforcementLevel),
            message: { text: v.message },
            locations: [location],
            // Stable across runs although line numbers move: what GitHub matches alerts on.
            partialFingerprints: { "policyResourceMessage/v1": fingerprint(v.policy, v.urn ?? "", v.message) },
            properties: { enforcementLevel: v.enforcementLevel, ...(v.severity ? { severity: v.severity } : {}), ...(v.type ? { resourceType: v.type } : {}) },
        };
    });

    const notifications = report.files.flatMap((f) => [
        ...f.logs.map((l) => notification(l.severity === "error" ? "error" : l.severity === "warning" ? "warning" : "note", l.message, f.file, options.cwd)),
        ...f.unusedExemptions.map((u) => notification("note", describeUnused(u), f.file, options.cwd)),
    ]);

    return {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [{
            tool: {
                driver: {
                    name: report.pack.name,
                    version: report.pack.version,
                    informationUri: REPOSITORY_URL,
                    rules: policies.map(rule),
                },
            },
            artifacts: report.files.map((f) => ({ location: { uri: artifactUri(f.file, options.cwd) } })),
            invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
            results,
        }],
    };
}

export function formatSarif(report: CheckReport, options: SarifOptions): string {
    return JSON.stringify(sarifLog(report, options), null, 2) + "\n";
}

function rule(p: PolicyInfo): Record<string, unknown> {
    const framework = p.framework?.name ? ` Compliance: ${p.framework.name} ${p.framework.version} ${p.framework.reference}.`.replace(/\s+/g, " ") : "";
    const remediation = p.remediationSteps || p.description;
    const more = p.url ? `\n\nDocumentation: ${p.url}` : "";
    const tags = [...new Set([...(p.tags ?? []), "security"])]; // GitHub reads security-severity only on "security" rules
    return {
        id: p.name,
        name: p.name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(""),
        shortDescription: { text: p.description },
        fullDescription: { text: `${p.description}${framework}` },
        help: {
            text: `${remediation}${more}`,
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

function notification(level: SarifLevel, text: string, file: string, cwd: string) {
    return { level, message: { text }, locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file, cwd) } } }] };
}

/** A relative URI reference with `/` separators, as GitHub expects paths from the repository root. */
export function artifactUri(file: string, cwd: string): string {
    const relative = path.relative(cwd, path.resolve(cwd, file)) || path.basename(file);
    return relative.split(path.sep).map(encodeURIComponent).join("/");
}

function fingerprint(...parts: string[]): string {
    return createHash("sha256").update(parts.join("\0")).digest("hex");
}

/**
 * The 1-based line that declares each resource in its input file: `"urn": "<urn>"` in a
 * stack export or preview JSON, else a fixture entry's `"name"` with its `"type"` at most
 * two lines away. Resources not found are left out (the result then points at line 1).
 */
export function resourceLines(text: string, resources: { urn: string; type: string; name: string }[]): Map<string, number> {
    const urnLine = new Map<string, number>();
    const nameLines = new Map<string, number[]>();
    const typeLines = new Map<string, Set<number>>();
    const key = /"(urn|name|type)"\s*:\s*("(?:[^"\\]|\\.)*")/g;
    text.split("\n").forEach((line, i) => {
        for (const m of line.matchAll(key)) {
            let value: string;
            try {
                value = JSON.parse(m[2]);
            } catch {
                continue;
            }
            const n = i + 1;
            if (m[1] === "urn") {
                if (!urnLine.has(value)) urnLine.set(value, n);
            } else if (m[1] === "name") {
                const at = nameLines.get(value);
                if (at) at.push(n);
                else nameLines.set(value, [n]);
            } else {
                typeLines.set(value, (typeLines.get(value) ?? new Set()).add(n));
            }
        }
    });
    const found = new Map<string, number>();
    for (const r of resources) {
        const byUrn = urnLine.get(r.urn);
        const types = typeLines.get(r.type);
        const byName = types && nameLines.get(r.name)?.find((n) => [n - 2, n - 1, n, n + 1, n + 2].some((t) => types.has(t)));
        const line = byUrn ?? byName;
        if (line) found.set(r.urn, line);
    }
    return found;
}
