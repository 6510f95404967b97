// The one tree walker: depth-first, iterative (inputs nest deeper than the call stack
// allows), in document order, each shared or cyclic object visited once.

/** Schedules a child of the value being visited, with the child's context. */
export type Visit<C> = (child: unknown, context: C) => void;

/**
 * Calls `visit` on `root` and on every value it schedules. Children are visited in the
 * order they were scheduled, before the visited value's later siblings.
 */
export function walk<C>(root: unknown, rootContext: C, visit: (value: unknown, context: C, schedule: Visit<C>) => void): void {
    // Values and their contexts on parallel stacks: no pair allocated per value.
    const values: unknown[] = [root];
    const contexts: C[] = [rootContext];
    const seen = new Set<object>();
    const scheduledValues: unknown[] = [];
    const scheduledContexts: C[] = [];
    const schedule: Visit<C> = (child, context) => {
        scheduledValues.push(child);
        scheduledContexts.push(context);
    };
    while (values.length > 0) {
        const value = values.pop();
        const context = contexts.pop() as C;
        if (typeof value === "object" && value !== null) {
            if (seen.has(value)) continue;
            seen.add(value);
        }
        visit(value, context, schedule);
        for (let i = scheduledValues.length - 1; i >= 0; i--) {
            values.push(scheduledValues[i]);
            contexts.push(scheduledContexts[i]);
        }
        scheduledValues.length = 0;
        scheduledContexts.length = 0;
    }
}

/** The children of a JSON-like value with their keys: array elements and own enumerable properties. */
export function childrenOf(value: unknown): [string | number, unknown][] {
    if (Array.isArray(value)) return value.map((v, i) => [i, v]);
    if (typeof value === "object" && value !== null) return Object.entries(value);
    return [];
}
