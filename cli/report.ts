// Turning diagnostics into what people read. Messages come from the pack, which never puts
// secret values in them; the report adds nothing but names, URNs and counts.
import type { Diagnostic } from "./engine/pack-process";
import type { EngineResource } from "./engine/model";

export interface FileResult {
    file: string;
    stack?: string;
    resources: EngineResource[];
    diagnostics: Diagnostic[];
    notes: string[];
}

const ORDER = { mandatory: 0, remediate: 1, advisory: 2, disabled: 3 } as const;

/** The diagnostic's own message without the policy description the SDK prefixes it with. */
export function violationText(d: Diagnostic): string {
    const prefix = `${d.description}\n`;
    return d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
}

export function countByLevel(diagnostics: Diagnostic[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const d of diagnostics) counts[d.enforcementLevel] = (counts[d.enforcementLevel] ?? 0) + 1;
    return counts;
}

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
        for (const note of r.notes) lines.push(`  note: ${note}`);
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
    const parts = Object.entries(counts).sort(([a], [b]) => ORDER[a as keyof typeof ORDER] - ORDER[b as keyof typeof ORDER]).map(([l, n]) => `${n} ${l}`);
    const resourcesWith = new Set(total.map((d) => d.urn)).size;
    lines.push(
        `Summary: ${total.length} violation${total.length === 1 ? "" : "s"}${parts.length ? ` (${parts.join(", ")})` : ""}` +
            ` on ${resourcesWith} resource${resourcesWith === 1 ? "" : "s"}; ${resourceCount} resources checked in ${results.length} file${results.length === 1 ? "" : "s"}.`,
    );
    return lines.join("\n") + "\n";
}
