// policies/lib/decided.ts: the three-valued answers every policy combines.
import { describe, expect, it } from "vitest";
import { all, any, Decided, fieldOf, mayBe, negate, whenKnown } from "../policies/lib/decided";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";

// Kleene's three-valued logic: undefined is "an unknown decides", never a default of false.
const values: Decided[] = [true, false, undefined];

describe("three-valued answers", () => {
    it.each(values.flatMap((a) => values.map((b) => [a, b] as const)))("all(%s, %s) and any(%s, %s)", (a, b) => {
        const expectedAll = a === false || b === false ? false : a === undefined || b === undefined ? undefined : true;
        const expectedAny = a === true || b === true ? true : a === undefined || b === undefined ? undefined : false;
        expect(all(a, b)).toBe(expectedAll);
        expect(any(a, b)).toBe(expectedAny);
        // De Morgan holds with undefined in the middle.
        expect(negate(all(a, b))).toBe(any(negate(a), negate(b)));
    });

    it("an empty all holds and an empty any does not", () => {
        expect(all()).toBe(true);
        expect(any()).toBe(false);
    });

    it("mayBe is false only when every condition is false, and never true (which applies is known later)", () => {
        expect(mayBe()).toBe(false);
        expect(mayBe(false, false)).toBe(false);
        expect(mayBe(false, true)).toBe(undefined);
        expect(mayBe(true)).toBe(undefined);
        expect(mayBe(false, undefined)).toBe(undefined);
    });

    it("negate keeps an unknown open", () => {
        expect(negate(true)).toBe(false);
        expect(negate(false)).toBe(true);
        expect(negate(undefined)).toBe(undefined);
    });

    it("whenKnown tests a known value and leaves an unknown one open, without calling the test", () => {
        const isKms = (v: unknown) => v === "KMS";
        expect(whenKnown("KMS", isKms)).toBe(true);
        expect(whenKnown("NONE", isKms)).toBe(false);
        expect(whenKnown(undefined, isKms)).toBe(false);
        expect(whenKnown(UNKNOWN_SENTINELS.string, () => { throw new Error("called on an unknown"); })).toBe(undefined);
    });

    it("fieldOf tests a block's field: absent (false unless given) without a block, open while the block or the field is unknown", () => {
        const on = (v: unknown) => v === true;
        expect(fieldOf({ enabled: true }, "enabled", on)).toBe(true);
        expect(fieldOf({ enabled: false }, "enabled", on)).toBe(false);
        expect(fieldOf({}, "enabled", on)).toBe(false);
        expect(fieldOf(undefined, "enabled", on)).toBe(false);
        expect(fieldOf(undefined, "enabled", on, true)).toBe(true);
        expect(fieldOf(["not", "a", "block"], "enabled", on, true)).toBe(true);
        expect(fieldOf(UNKNOWN_SENTINELS.object, "enabled", on, true)).toBe(undefined);
        expect(fieldOf({ enabled: UNKNOWN_SENTINELS.boolean }, "enabled", () => { throw new Error("called on an unknown"); })).toBe(undefined);
    });
});
