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
    /**
     * The subject is a pattern itself (an IAM action such as `s3:Get*`): its `*` is taken only
     * by a `*` of the glob, its `?` by a `*` or `?` (or either by a literal `\*`, `\?`), so the
     * glob accepts it only if it accepts every name it stands for. Without this `s3:GetObjec?`
     * accepts `s3:GetObjec*`, and `iam:[!D]etRole` accepts `iam:?etRole`.
     */
    wildcardSubject?: boolean;
}

export type GlobMatcher = (subject: string) => boolean;

// Rules call compileGlob in their loops (per resource, per property), so it hands back
// the same matcher for the same pattern without building anything.
const caches = new Map<string, Map<string, GlobMatcher>>();

/** Compiles a glob; throws GlobSyntaxError with a readable reason on a malformed one. */
export function compileGlob(pattern: string, options: GlobOptions = {}): GlobMatcher {
    const ignoreCase = options.ignoreCase === true;
    const wildcardSubject = options.wildcardSubject === true;
    const key = `${+ignoreCase}${+wildcardSubject}`;
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = new Map()));
    let matcher = cache.get(pattern);
    if (!matcher) {
        const alternatives = parse(pattern, ignoreCase, wildcardSubject);
        matcher = (subject) => {
            for (const a of alternatives) if (matchCompiled(a, subject)) return true;
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
        parse(pattern, false);
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
const K_STAR = 0;
const K_CHAR = 1;
const K_ANY = 2;
const K_CLASS = 3;
const STAR = 42;
const QUESTION = 63;

interface CharClass {
    ranges: [number, number][];
    negated: boolean;
}

/** One alternative of a pattern: one kind and one code per token. */
interface Compiled {
    kinds: number[];
    /** K_CHAR: the code unit (folded when ignoring case); K_CLASS: index into `classes`. */
    codes: number[];
    classes: CharClass[];
    ignoreCase: boolean;
    wildcardSubject: boolean;
}

function parse(pattern: string, ignoreCase: boolean, wildcardSubject = false): Compiled[] {
    checkBalanced(pattern);
    return braceExpand(pattern).map((alternative) => compile(alternative, pattern, ignoreCase, wildcardSubject));
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

function compile(alternative: string, pattern: string, ignoreCase: boolean, wildcardSubject: boolean): Compiled {
    const out: Compiled = { kinds: [], codes: [], classes: [], ignoreCase, wildcardSubject };
    const push = (kind: number, code = 0) => {
        out.kinds.push(kind);
        out.codes.push(code);
    };
    const literal = (c: string) => push(K_CHAR, ignoreCase ? fold(c.charCodeAt(0)) : c.charCodeAt(0));
    for (let i = 0; i < alternative.length; i++) {
        const c = alternative[i];
        if (c === "\\" && i + 1 < alternative.length) {
            literal(alternative[++i]);
        } else if (c === "*") {
            if (out.kinds[out.kinds.length - 1] !== K_STAR) push(K_STAR);
        } else if (c === "?") {
            push(K_ANY);
        } else if (c === "[") {
            const end = alternative.indexOf("]", i + 1);
            if (end < 0) throw new GlobSyntaxError(`unclosed "[" in glob "${pattern}"`);
            push(K_CLASS, out.classes.push(characterClass(alternative.slice(i + 1, end), pattern)) - 1);
            i = end;
        } else {
            literal(c);
        }
    }
    return out;
}

/** `[abc]`, `[a-z0-9]`, `[!a]` or `[^a]` (not a); a backslash inside is a literal. */
function characterClass(body: string, pattern: string): CharClass {
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

/** Case folding of one code unit, as regular expressions without the `u` flag fold it. */
function fold(c: number): number {
    if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
    const upper = String.fromCharCode(c).toUpperCase();
    if (upper.length !== 1) return c;
    const u = upper.charCodeAt(0);
    return u < 128 ? c : u;
}

function inClass(cls: CharClass, c: number, ignoreCase: boolean): boolean {
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

function matchCompiled(p: Compiled, subject: string): boolean {
    const { kinds, codes, ignoreCase, wildcardSubject } = p;
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
                : kind === K_ANY ? !(wildcardSubject && c === STAR)
                : !(wildcardSubject && (c === STAR || c === QUESTION)) && inClass(p.classes[codes[t]], c, ignoreCase);
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
