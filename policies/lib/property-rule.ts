// Declarative property checks (the Checkov way): "these types must have this property (not)
// equal to that", judged with unknowns and AWS's defaults. A policy built on it is data
// plus its messages; the judging, the unknowns and the wording of a value live here.
//
// Unknowns (preview) never cause a finding: an unknown value, an unknown block on the way
// to it, or an unknown in what decides whether the check applies, skips the check.
import { kindOf } from "./describe";
import type { Finding, PlainResource } from "./rule";
import { isRecord, isUnknown } from "./values";

/** What AWS (or the provider) applies when a property is not set, and how messages say so. */
export interface UnsetDefault {
    value: unknown;
    note: string;
}

export interface PropertyCheck<C> {
    /** Type tokens the check applies to. */
    types: readonly string[];
    /**
     * Input path in dot notation (provider v7 names); `[]` after a segment checks each
     * element of a list, e.g. `ebsBlockDevices[].encrypted`.
     */
    property: string;
    /**
     * What AWS applies when the property is not set (judged like a set value); omit when unset
     * is fine. A function when that depends on the resource (a restored database inherits the
     * source's value): undefined then means unset cannot be judged, and the check is skipped.
     */
    unset?: UnsetDefault | ((resource: PlainResource, config: C) => UnsetDefault | undefined);
    /** True when a known value is acceptable. */
    accepts(value: unknown, config: C): boolean;
    /** How messages name the acceptable value(s), e.g. "the boolean true" (for values of the wrong type). */
    expected: string;
    /** Quote string values in messages (enums such as "NONE"); other strings are never shown. */
    showStrings?: boolean;
    /**
     * Whether the check applies to this resource (e.g. not to read replicas): true, false, or
     * undefined when it depends on values not known yet (then it is skipped).
     */
    appliesTo?(resource: PlainResource, config: C): boolean | undefined;
    /** The fix, one or two sentences, appended to the message. */
    fix: string | ((config: C, resource: PlainResource) => string);
}

/** What a check found at one place. */
interface Judged {
    path: string;
    value: unknown;
    set: boolean;
}

/** The rule for a list of checks, and the types it applies to. */
export function propertyRule<C>(checks: readonly PropertyCheck<C>[]): {
    resourceTypes: string[];
    check(resource: PlainResource, config: C): Finding[];
} {
    const byType = new Map<string, PropertyCheck<C>[]>();
    for (const c of checks) for (const type of c.types) byType.set(type, [...(byType.get(type) ?? []), c]);
    return {
        resourceTypes: [...byType.keys()],
        check(resource, config) {
            const findings: Finding[] = [];
            for (const c of byType.get(resource.type) ?? []) {
                if (c.appliesTo && c.appliesTo(resource, config) !== true) continue;
                for (const at of valuesAt(resource.props, c.property)) {
                    const unset = at.set ? undefined : typeof c.unset === "function" ? c.unset(resource, config) : c.unset;
                    if (!at.set && !unset) continue;
                    const value = at.set ? at.value : unset!.value;
                    if (isUnknown(value) || c.accepts(value, config)) continue;
                    const fix = typeof c.fix === "string" ? c.fix : c.fix(config, resource);
                    findings.push({ message: `${resource.type} "${resource.name}": ${at.path} ${describeState(at, { ...c, unset })}. ${fix}` });
                }
            }
            return findings;
        },
    };
}

/** "is not set (AWS defaults it to false)", "is false", `is "NONE"`, "is a string, not the boolean true". */
export function describeState(at: Judged, check: { unset?: UnsetDefault; expected: string; showStrings?: boolean }): string {
    if (!at.set) return `is not set (${check.unset?.note ?? "no default"})`;
    const v = at.value;
    if (typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) return `is ${v}`;
    if (typeof v === "string" && check.showStrings && /^[A-Za-z0-9_.:/-]{1,64}$/.test(v)) return `is ${JSON.stringify(v)}`;
    return `is ${kindOf(v)}, not ${check.expected}`;
}

/**
 * The values at a path: one per list element for `[]` segments. Unset (undefined or null)
 * values are reported as not set; unknowns on the way are left out.
 */
export function valuesAt(props: Record<string, unknown>, property: string): Judged[] {
    const out: Judged[] = [];
    const segments = property.split(".");
    const step = (value: unknown, i: number, path: string) => {
        if (isUnknown(value)) return;
        if (i === segments.length) {
            out.push({ path, value, set: value !== undefined && value !== null });
            return;
        }
        if (value === undefined || value === null) {
            out.push({ path: `${path ? `${path}.` : ""}${segments.slice(i).join(".").replace(/\[\]/g, "")}`, value: undefined, set: false });
            return;
        }
        if (!isRecord(value)) {
            // A block of the wrong shape: the provider rejects it, so judge it as the value.
            out.push({ path, value, set: true });
            return;
        }
        const segment = segments[i];
        const each = segment.endsWith("[]");
        const key = each ? segment.slice(0, -2) : segment;
        const at = path ? `${path}.${key}` : key;
        const child = value[key];
        if (!each) return step(child, i + 1, at);
        if (isUnknown(child) || child === undefined || child === null) return; // no elements, nothing to judge
        if (!Array.isArray(child)) {
            out.push({ path: at, value: child, set: true });
            return;
        }
        child.forEach((element, n) => step(element, i + 1, `${at}[${n}]`));
    };
    step(props, 0, "");
    return out;
}
