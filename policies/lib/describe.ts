// How messages name a value they must not quote (a value may be anything, even a secret), and
// how they name what the program holds.

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

/** `orders-db` → `ordersDb`: the variable a program most likely holds a resource in (a valid identifier). */
export function variableName(name: string): string {
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const camel = words.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join("");
    return /^[A-Za-z_$]/.test(camel) ? camel : `r${camel}`;
}
