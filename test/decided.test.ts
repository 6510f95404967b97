// policies/lib/decided.ts: the three-valued answers every policy combines.
import { describe, expect, it } from "vitest";
import { all, any, Decided, negate, whenKnown } from "../policies/lib/decided";
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
});
