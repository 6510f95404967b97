// Declarative property checks (the Checkov way): "these types must have this property (not)
// equal to that", judged with unknowns and AWS's defaults. A policy built on it is data
// plus its messages; the judging, the unknowns and the wording of a value live here.
//
// Unknowns (preview) never cause a finding: an unknown value, an unknown block on the way
// to it, or an unknown in what decides whether the check applies, skips the check.
import type { Decided } from "./decided";
import { kindOf } from "./describe";
import type { Finding, PlainResource } from "./rule";
import { isRecord, isUnknown } from "./values";

/** What AWS applies when a property is not set. */
export interface UnsetDefault {
    value: unknown;
    note: string;
}

/** The object that holds the judged property (e.g. one element of `ebsBlockDevices`); undefined when a block on the way is not set. */
export type Block = Record<string, unknown> | undefined;

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
     * is fine. A function decides per resource, config and block (undefined: unset is fine,
     * e.g. because a source or an account setting decides, or that is not known yet).
     */
    unset?: UnsetDefault | ((resource: PlainResource, config: C, block: Block) => UnsetDefault | undefined);
    /** True when a known value is acceptable. */
    accepts(value: unknown, config: C): boolean;
    /** How messages name the acceptable value(s), e.g. "the boolean true" (for values of the wrong type). */
    expected: string;
    /**
     * The strings messages may quote: the enum's own values (such as "DISABLED"). Any other
     * string is never shown, however much it looks like one: it may be a secret in the wrong place.
     */
    shownStrings?: readonly string[];
    /**
     * Words a known, unaccepted value, e.g. `is "false"` or "names the AWS managed key aws/ebs";
     * undefined falls back to the default wording. Must never return free text from the value.
     */
    describe?(value: unknown): string | undefined;
    /** An empty string counts as not set (the provider sends nothing for it). */
    blankIsUnset?: boolean;
    /**
     * Whether the check applies to this resource (e.g. not to read replicas): true, false, or
     * undefined when it depends on values not known yet (then it is skipped).
     */
    appliesTo?(resource: PlainResource, config: C): Decided;
    /**
     * Whether the check applies at one place, given the object holding the property (e.g. not
     * to a block device built from a snapshot): as appliesTo, per list element. `holders`: the
     * objects on the way, outermost first (a device mapping that holds an `ebs` block).
     */
    appliesAt?(block: Block, resource: PlainResource, config: C, holders: readonly Record<string, unknown>[]): Decided;
    /** The fix, one or two sentences, appended to the message. */
    fix: string | ((config: C, resource: PlainResource) => string);
}

/** What a check found at one place. */
export interface Judged {
    path: string;
    value: unknown;
    set: boolean;
    /** The object holding the property, when the path reached it. */
    block?: Record<string, unknown>;
    /** The objects on the way to it, outermost first (the last is `block`). */
    holders?: readonly Record<string, unknown>[];
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
                for (const found of valuesAt(resource.props, c.property)) {
                    const at = c.blankIsUnset && found.value === "" ? { ...found, value: undefined, set: false } : found;
                    if (c.appliesAt && c.appliesAt(at.block, resource, config, at.holders ?? []) !== true) continue;
                    const unset = at.set ? undefined : typeof c.unset === "function" ? c.unset(resource, config, at.block) : c.unset;
                    if (!at.set && !unset) continue;
                    const value = at.set ? at.value : unset?.value;
                    if (isUnknown(value) || c.accepts(value, config)) continue;
                    const fix = typeof c.fix === "string" ? c.fix : c.fix(config, resource);
                    const state = describeState(at, { unset, expected: c.expected, shownStrings: c.shownStrings, describe: c.describe });
                    findings.push({ message: `${resource.type} "${resource.name}": ${at.path} ${state}. ${fix}` });
                }
            }
            return findings;
        },
    };
}

/** "is not set (AWS defaults it to false)", "is false", `is "NONE"`, "is a string, not the boolean true". */
export function describeState(
    at: Judged,
    check: Pick<PropertyCheck<unknown>, "expected" | "shownStrings" | "describe"> & { unset?: UnsetDefault },
): string {
    if (!at.set) return `is not set (${check.unset?.note ?? "no default"})`;
    const v = at.value;
    const described = check.describe?.(v);
    if (described !== undefined) return described;
    if (typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) return `is ${v}`;
    if (typeof v === "string" && check.shownStrings?.includes(v)) return `is ${JSON.stringify(v)}`;
    return `is ${kindOf(v)}, not ${check.expected}`;
}

/**
 * The values at a path: one per list element for `[]` segments. Unset (undefined or null)
 * values are reported as not set; unknowns on the way are left out.
 */
export function valuesAt(props: Record<string, unknown>, property: string): Judged[] {
    const out: Judged[] = [];
    const segments = property.split(".");
    const step = (value: unknown, i: number, path: string, holders: readonly Record<string, unknown>[]) => {
        if (isUnknown(value)) return;
        if (i === segments.length) {
            out.push({ path, value, set: value !== undefined && value !== null, block: holders[holders.length - 1], holders });
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
        const inside = [...holders, value];
        if (!each) return step(child, i + 1, at, inside);
        if (isUnknown(child) || child === undefined || child === null) return; // no elements, nothing to judge
        if (!Array.isArray(child)) {
            out.push({ path: at, value: child, set: true });
            return;
        }
        child.forEach((element, n) => step(element, i + 1, `${at}[${n}]`, inside));
    };
    step(props, 0, "", []);
    return out;
}
