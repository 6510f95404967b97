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

/** Characters that break or hide a line of output (C0 and C1 controls, line separators). */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** The text on one line: control characters in names and keys it quotes escaped (`\n`, `\u001b`). */
export function oneLine(text: string): string {
    return text.replace(CONTROL_CHARACTERS, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
