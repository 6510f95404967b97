// How messages name a value they must not quote: a value may be anything, even a secret.

/** "a string", "a list", "an object", "null", ...: never the value itself. */
export function kindOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    switch (typeof value) {
        case "string": return "a string";
        case "number": return "a number";
        case "boolean": return "a boolean";
        case "object": return "an object";
        default: return `of type ${typeof value}`;
    }
}
