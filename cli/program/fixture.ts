// `--save-fixture <file>`: a captured program stack in the fixture format (fixtures/README.md),
// so a team can keep regression fixtures of its own programs. The loader adds the root stack
// and the default aws provider back, and recomputes the same URNs from names and parents.
import * as fs from "fs";
import { isProviderType } from "../engine/model";
import { isWireSecret, UNKNOWN_SENTINELS } from "../../policies/lib/wire";
import type { ProgramCapture } from "./run-program";

const UNKNOWN_KIND = new Map<unknown, string | true>(
    Object.entries(UNKNOWN_SENTINELS).map(([kind, sentinel]) => [sentinel, kind === "string" ? true : kind]),
);

export interface FixtureResult {
    fixture: Record<string, unknown>;
    notes: string[];
}

export function toFixture(capture: ProgramCapture): FixtureResult {
    const notes: string[] = [];
    const root = capture.resources.find((r) => r.type === "pulumi:pulumi:Stack" && !r.parent);
    // The loader adds the root stack and default providers itself.
    const kept = capture.resources.filter((r) => r !== root && !(isProviderType(r.type) && r.name.startsWith("default")));
    const counts = new Map<string, number>();
    for (const r of kept) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
    const duplicates = [...counts].filter(([, n]) => n > 1).map(([name]) => name);
    if (duplicates.length) {
        notes.push(`names used by more than one resource (${duplicates.join(", ")}): the fixture format needs unique names, so those resources may not load back as captured`);
    }
    const byUrn = new Map(kept.map((r) => [r.urn, r]));
    // A name where it is unambiguous, else the URN (the loader accepts both).
    const ref = (urn: string) => {
        const r = byUrn.get(urn);
        return r && counts.get(r.name) === 1 ? r.name : urn;
    };

    const resources = kept.map((r) => {
        const entry: Record<string, unknown> = { type: r.type, name: r.name };
        if (!r.custom) entry.custom = false;
        const props = markers(r.inputs);
        entry.props = props;
        if (r.outputs !== undefined) {
            const outputs = markers(r.outputs);
            if (JSON.stringify(outputs) !== JSON.stringify(props)) entry.outputs = outputs;
        }
        if (r.protect) entry.protect = true;
        if (r.parent && r.parent !== root?.urn) entry.parent = ref(r.parent);
        const propertyDeps = new Set(Object.values(r.propertyDependencies).flat());
        const dependencies = r.dependencies.filter((d) => !propertyDeps.has(d));
        if (dependencies.length) entry.dependencies = dependencies.map(ref);
        if (Object.keys(r.propertyDependencies).length) {
            entry.propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, urns]) => [k, urns.map(ref)]));
        }
        return entry;
    });

    const fixture: Record<string, unknown> = {
        description: `Captured by \`check --program\` (${capture.preview ? "preview" : "update"} mode) from project ${capture.project}, stack ${capture.stack}.`,
        stack: capture.stack,
        project: capture.project,
        preview: capture.preview,
    };
    if (capture.secretsProvider) fixture.secretsProvider = capture.secretsProvider;
    fixture.resources = resources;
    return { fixture, notes };
}

export function writeFixture(file: string, capture: ProgramCapture): string[] {
    const { fixture, notes } = toFixture(capture);
    fs.writeFileSync(file, JSON.stringify(fixture, null, 2) + "\n");
    return notes;
}

/** Wire form → fixture markers: {"$secret": v} and {"$unknown": true | kind}. */
export function markers(value: unknown): any {
    if (UNKNOWN_KIND.has(value)) return { $unknown: UNKNOWN_KIND.get(value) };
    if (Array.isArray(value)) return value.map(markers);
    if (typeof value !== "object" || value === null) return value;
    if (isWireSecret(value)) return { $secret: markers(value.value) };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markers(v)]));
}

