// One glob dialect for every pattern users write in config: type tokens, URNs,
// IAM actions, property paths, secrets-provider URLs.
//
// Plain minimatch path semantics stop `*` at `/`, but URNs, type tokens
// (`aws:rds/instance:Instance`) and URLs contain `/` and `:` everywhere, so here `*`
// matches any run of characters. `?` is one character, `[...]` a character class,
// `{a,b}` alternatives (expanded by minimatch's braceExpand).
import { braceExpand } from "minimatch";

export class GlobSyntaxError extends Error {}

export interface GlobOptions {
    ignoreCase?: boolean;
}

export type GlobMatcher = (subject: string) => boolean;

// Rules call compileGlob in their loops (per resource, per property), so it hands back
// the same matcher for the same pattern without building anything.
const caseSensitive = new Map<string, GlobMatcher>();
const ignoringCase = new Map<string, GlobMatcher>();

/** Compiles a glob; throws GlobSyntaxError with a readable reason on a malformed one. */
export function compileGlob(pattern: string, options: GlobOptions = {}): GlobMatcher {
    const cache = options.ignoreCase ? ignoringCase : caseSensitive;
    let matcher = cache.get(pattern);
    if (!matcher) {
        const ignoreCase = options.ignoreCase === true;
        const alternatives = parse(pattern).map((tokens) => compile(tokens, ignoreCase));
        matcher = alternatives.length === 1
            ? (subject) => matchCompiled(alternatives[0], subject, ignoreCase)
            : (subject) => {
                for (const a of alternatives) if (matchCompiled(a, subject, ignoreCase)) return true;
                return false;
            };
        cache.set(pattern, matcher);
    }
    return matcher;
}

/** Null when the pattern is valid, else why not (for config validation messages). */
export function globError(pattern: unknown): string | null {
    if (typeof pattern !== "string") return "a glob must be a string";
    if (pattern.length === 0) return "a glob must not be empty";
    try {
        parse(pattern);
        return null;
    } catch (e) {
        return e instanceof GlobSyntaxError ? e.message : "invalid glob";
    }
}

/** True when any of the patterns matches the subject. */
export function matchesAny(subject: string, patterns: readonly string[], options: GlobOptions = {}): boolean {
    return patterns.some((p) => compileGlob(p, options)(subject));
}

// A pattern is matched by its own matcher, not a regular expression: `*a*b*` as a
// regular expression backtracks polynomially on a long subject (a megabyte-long property
// path or key), while matching with a return to the last `*` only costs the subject's length
// times the pattern's. Patterns and subjects are compared by UTF-16 code unit.
const STAR = 0;
type Token =
    | typeof STAR
    /** One character: `?` (`chars` undefined), a literal, or a class. */
    | { chars?: string; ranges?: [number, number][]; negated?: boolean };

function parse(pattern: string): Token[][] {
    checkBalanced(pattern);
    return braceExpand(pattern).map((alternative) => tokenize(alternative, pattern));
}

function checkBalanced(pattern: string): void {
    let braces = 0;
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "\\") { i++; continue; }
        if (inClass) { if (c === "]") inClass = false; continue; }
        if (c === "[") inClass = true;
        else if (c === "{") braces++;
        else if (c === "}") { braces--; if (braces < 0) throw new GlobSyntaxError(`unmatched "}" in glob "${pattern}"`); }
    }
    if (inClass) throw new GlobSyntaxError(`unclosed "[" in glob "${pattern}"`);
    if (braces !== 0) throw new GlobSyntaxError(`unclosed "{" in glob "${pattern}"`);
}

function tokenize(alternative: string, pattern: string): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < alternative.length; i++) {
        const c = alternative[i];
        if (c === "\\" && i + 1 < alternative.length) {
            out.push({ chars: alternative[++i] });
        } else if (c === "*") {
            if (out[out.length - 1] !== STAR) out.push(STAR);
        } else if (c === "?") {
            out.push({});
        } else if (c === "[") {
            const end = alternative.indexOf("]", i + 1);
            if (end < 0) throw new GlobSyntaxError(`unclosed "[" in glob "${pattern}"`);
            out.push(characterClass(alternative.slice(i + 1, end), pattern));
            i = end;
        } else {
            out.push({ chars: c });
        }
    }
    return out;
}

/** `[abc]`, `[a-z0-9]`, `[!a]` or `[^a]` (not a); a backslash inside is a literal. */
function characterClass(body: string, pattern: string): Token {
    const negated = body.startsWith("!") || body.startsWith("^");
    const members = negated ? body.slice(1) : body;
    if (members.length === 0) throw new GlobSyntaxError(`empty "[]" in glob "${pattern}"`);
    const ranges: [number, number][] = [];
    for (let i = 0; i < members.length; i++) {
        const lo = members.charCodeAt(i);
        if (members[i + 1] === "-" && i + 2 < members.length) {
            const hi = members.charCodeAt(i + 2);
            if (hi < lo) throw new GlobSyntaxError(`range "${members.slice(i, i + 3)}" out of order in glob "${pattern}"`);
            ranges.push([lo, hi]);
            i += 2;
        } else {
            ranges.push([lo, lo]);
        }
    }
    return { ranges, negated };
}

// Compiled form: one kind and one code per token, compared by code unit.
const K_STAR = 0;
const K_CHAR = 1;
const K_ANY = 2;
const K_CLASS = 3;

interface Compiled {
    kinds: Uint8Array;
    /** K_CHAR: the code unit (folded when ignoring case); K_CLASS: index into `classes`. */
    codes: Int32Array;
    classes: { ranges: [number, number][]; negated: boolean }[];
}

function compile(tokens: Token[], ignoreCase: boolean): Compiled {
    const kinds = new Uint8Array(tokens.length);
    const codes = new Int32Array(tokens.length);
    const classes: Compiled["classes"] = [];
    tokens.forEach((token, i) => {
        if (token === STAR) kinds[i] = K_STAR;
        else if (token.chars !== undefined) {
            kinds[i] = K_CHAR;
            codes[i] = ignoreCase ? fold(token.chars.charCodeAt(0)) : token.chars.charCodeAt(0);
        } else if (token.ranges) {
            kinds[i] = K_CLASS;
            codes[i] = classes.push({ ranges: token.ranges, negated: token.negated === true }) - 1;
        } else kinds[i] = K_ANY;
    });
    return { kinds, codes, classes };
}

/** Case folding of one code unit, as regular expressions without the `u` flag fold it. */
function fold(c: number): number {
    if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
    const upper = String.fromCharCode(c).toUpperCase();
    if (upper.length !== 1) return c;
    const u = upper.charCodeAt(0);
    return u < 128 ? c : u;
}

function inClass(cls: Compiled["classes"][number], c: number, ignoreCase: boolean): boolean {
    const has = (x: number) => cls.ranges.some(([lo, hi]) => x >= lo && x <= hi);
    let member = has(c);
    if (!member && ignoreCase) {
        const ch = String.fromCharCode(c);
        const lower = ch.toLowerCase();
        const upper = ch.toUpperCase();
        member = (lower.length === 1 && has(lower.charCodeAt(0))) || (upper.length === 1 && has(upper.charCodeAt(0)));
    }
    return member !== cls.negated;
}

function matchCompiled(p: Compiled, subject: string, ignoreCase: boolean): boolean {
    const { kinds, codes } = p;
    const n = kinds.length;
    let t = 0;
    let i = 0;
    // Where the last `*` was, and how much of the subject it has taken so far.
    let star = -1;
    let starAt = 0;
    while (i < subject.length) {
        if (t < n) {
            const kind = kinds[t];
            if (kind === K_STAR) {
                star = t++;
                starAt = i;
                continue;
            }
            const c = subject.charCodeAt(i);
            const ok = kind === K_CHAR ? (ignoreCase ? fold(c) : c) === codes[t]
                : kind === K_ANY || inClass(p.classes[codes[t]], c, ignoreCase);
            if (ok) {
                t++;
                i++;
                continue;
            }
        }
        if (star < 0) return false;
        // Let the last `*` take one more character and retry what follows it.
        t = star + 1;
        i = ++starAt;
    }
    while (t < n && kinds[t] === K_STAR) t++;
    return t === n;
}
