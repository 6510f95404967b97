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
        const re = globToRegExp(pattern, options);
        matcher = (subject) => re.test(subject);
        cache.set(pattern, matcher);
    }
    return matcher;
}

/** Null when the pattern is valid, else why not (for config validation messages). */
export function globError(pattern: unknown): string | null {
    if (typeof pattern !== "string") return "a glob must be a string";
    if (pattern.length === 0) return "a glob must not be empty";
    try {
        globToRegExp(pattern, {});
        return null;
    } catch (e) {
        return e instanceof GlobSyntaxError ? e.message : "invalid glob";
    }
}

/** True when any of the patterns matches the subject. */
export function matchesAny(subject: string, patterns: readonly string[], options: GlobOptions = {}): boolean {
    return patterns.some((p) => compileGlob(p, options)(subject));
}

function globToRegExp(pattern: string, options: GlobOptions): RegExp {
    checkBalanced(pattern);
    const alternatives = braceExpand(pattern).map(translate);
    return new RegExp(`^(?:${alternatives.join("|")})$`, options.ignoreCase ? "is" : "s");
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

function translate(pattern: string): string {
    let out = "";
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "\\" && i + 1 < pattern.length) {
            out += escapeRegExp(pattern[++i]);
        } else if (c === "*") {
            while (pattern[i + 1] === "*") i++;
            out += ".*";
        } else if (c === "?") {
            out += ".";
        } else if (c === "[") {
            const end = pattern.indexOf("]", i + 1);
            let body = pattern.slice(i + 1, end);
            if (body.startsWith("!")) body = "^" + body.slice(1);
            if (body.length === 0 || body === "^") throw new GlobSyntaxError(`empty "[]" in glob "${pattern}"`);
            out += `[${body.replace(/\\/g, "\\\\").replace(/]/g, "\\]")}]`;
            i = end;
        } else {
            out += escapeRegExp(c);
        }
    }
    return out;
}

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&");
}
