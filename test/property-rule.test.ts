// The declarative property checks (policies/lib/property-rule.ts) on their own: what the
// policies built on them rely on, beyond each policy's own tables.
import { describe, expect, it } from "vitest";
import { PropertyCheck, propertyRule, valuesAt } from "../policies/lib/property-rule";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { resource } from "./helpers/resources";

const TYPE = "aws:test/thing:Thing";
type Config = { strict: boolean };
const base: Omit<PropertyCheck<Config>, "property"> = {
    types: [TYPE],
    accepts: (v) => v === true,
    expected: "the boolean true",
    fix: "Fix it.",
};
const run = (checks: Omit<PropertyCheck<Config>, "types" | "accepts" | "expected" | "fix">[], props: Record<string, unknown>, config: Config = { strict: false }) =>
    propertyRule(checks.map((c) => ({ ...base, ...c }))).check(resource(TYPE, props, { name: "t" }), config).map((f) => f.message);

describe("propertyRule", () => {
    it("judges an unset value with a static default, and skips it without one", () => {
        expect(run([{ property: "flag", unset: { value: false, note: "AWS says false" } }], {})).toEqual(['aws:test/thing:Thing "t": flag is not set (AWS says false). Fix it.']);
        expect(run([{ property: "flag" }], {})).toEqual([]);
        expect(run([{ property: "flag" }], { flag: false })).toEqual(['aws:test/thing:Thing "t": flag is false. Fix it.']);
    });

    it("takes the default per resource, config and block; undefined means unset is fine", () => {
        const check = { property: "devices[].flag", unset: (_r: unknown, config: Config, block: Record<string, unknown> | undefined) => (config.strict && !block?.fromSnapshot ? { value: false, note: "new volume" } : undefined) };
        const props = { devices: [{ size: 1 }, { fromSnapshot: "snap-1" }] };
        expect(run([check], props)).toEqual([]);
        expect(run([check], props, { strict: true })).toEqual(['aws:test/thing:Thing "t": devices[0].flag is not set (new volume). Fix it.']);
    });

    it("applies a check per block with appliesAt, and skips a block whose decision is unknown", () => {
        const check = { property: "devices[].flag", appliesAt: (block: Record<string, unknown> | undefined) => (block?.kind === UNKNOWN_SENTINELS.string ? undefined : block?.kind === "ebs") };
        const props = { devices: [{ kind: "ebs", flag: false }, { kind: "store", flag: false }, { kind: UNKNOWN_SENTINELS.string, flag: false }] };
        expect(run([check], props)).toEqual(['aws:test/thing:Thing "t": devices[0].flag is false. Fix it.']);
        // A block that is not set reaches appliesAt as undefined.
        const seen: unknown[] = [];
        run([{ property: "root.flag", appliesAt: (block) => (seen.push(block), false) }], {});
        expect(seen).toEqual([undefined]);
    });

    it("words values with describe, and reads an empty string as unset with blankIsUnset", () => {
        const check = { property: "mode", describe: (v: unknown) => (v === "off" ? 'is "off"' : undefined), unset: { value: "off", note: "default off" } };
        expect(run([check], { mode: "off" })).toEqual(['aws:test/thing:Thing "t": mode is "off". Fix it.']);
        expect(run([check], { mode: "sneaky-value" })).toEqual(['aws:test/thing:Thing "t": mode is a string, not the boolean true. Fix it.']);
        expect(run([check], { mode: "" })).toEqual(['aws:test/thing:Thing "t": mode is a string, not the boolean true. Fix it.']);
        expect(run([{ ...check, blankIsUnset: true }], { mode: "" })).toEqual(['aws:test/thing:Thing "t": mode is not set (default off). Fix it.']);
    });

    it("quotes only the strings shownStrings lists (an enum's values); any other string, or a block of the wrong shape, by its kind", () => {
        const check = { property: "backup.status", accepts: (v: unknown) => v === "ENABLED", shownStrings: ["ENABLED", "DISABLED"] };
        expect(run([check], { backup: { status: "DISABLED" } })).toEqual(['aws:test/thing:Thing "t": backup.status is "DISABLED". Fix it.']);
        // Short, word-like strings are still not quoted: a token in the wrong place looks like one.
        expect(run([check], { backup: { status: "AKIAIOSFODNN7EXAMPLE" } })).toEqual(['aws:test/thing:Thing "t": backup.status is a string, not the boolean true. Fix it.']);
        expect(run([check], { backup: "SECRET_k3v9q2m7x1p8z4w6" })).toEqual(['aws:test/thing:Thing "t": backup is a string, not the boolean true. Fix it.']);
    });

    it("valuesAt hands each value the object that holds it, and the objects on the way", () => {
        const props = { a: { b: true }, list: [{ c: 1 }, null] };
        expect(valuesAt(props, "a.b")).toEqual([{ path: "a.b", value: true, set: true, block: { b: true }, holders: [props, { b: true }] }]);
        expect(valuesAt(props, "list[].c")).toEqual([
            { path: "list[0].c", value: 1, set: true, block: { c: 1 }, holders: [props, { c: 1 }] },
            { path: "list[1].c", value: undefined, set: false },
        ]);
        const mappings = { blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { encrypted: true } }] };
        expect(valuesAt(mappings, "blockDeviceMappings[].ebs.encrypted")[0].holders).toEqual([mappings, mappings.blockDeviceMappings[0], { encrypted: true }]);
        expect(valuesAt({}, "a.b")).toEqual([{ path: "a.b", value: undefined, set: false }]);
    });
});
