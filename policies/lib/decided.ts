// Three-valued answers: a judgement that an unknown value (at preview) may leave open is true,
// false, or undefined until that value is known. Every policy combines them with these.
import { isRecord, isUnknown } from "./values";

/** True, false, or undefined while an unknown value decides it. */
export type Decided = boolean | undefined;

/** `test` of a value, or undefined while the value is unknown (at preview). */
export function whenKnown(value: unknown, test: (value: unknown) => boolean): Decided {
    return isUnknown(value) ? undefined : test(value);
}

/**
 * `test` of a block's field; `absent` when the block is not set (or not a block), undefined
 * while the block or the field is unknown.
 */
export function fieldOf(block: unknown, field: string, test: (value: unknown) => boolean, absent = false): Decided {
    if (isUnknown(block)) return undefined;
    return isRecord(block) ? whenKnown(block[field], test) : absent;
}

/** Every condition true; false as soon as one is false; otherwise undefined (an unknown decides). */
export function all(...conditions: Decided[]): Decided {
    if (conditions.includes(false)) return false;
    return conditions.includes(undefined) ? undefined : true;
}

/** One condition true; false when every one is false; otherwise undefined (an unknown decides). */
export function any(...conditions: Decided[]): Decided {
    if (conditions.includes(true)) return true;
    return conditions.includes(undefined) ? undefined : false;
}

/**
 * Whether one condition may hold, when which one applies is known only later (at preview, a
 * reference that may name any of several resources): false when every one is false, otherwise
 * undefined, never true.
 */
export function mayBe(...conditions: Decided[]): Decided {
    return conditions.every((c) => c === false) ? false : undefined;
}

export function negate(value: Decided): Decided {
    return value === undefined ? undefined : !value;
}
