// Generated stacks in the fixture format, for the engine path (engine.test.ts) and the
// `check` command (secrets.test.ts): families of resources that differ only by an unknown at
// one place, and other resources with secret tokens in their props, some `{"$secret": ...}`
// wrapped, joined by parents and `bucket` references, plus a couple of ~1 MB strings.
import fc from "fast-check";
import {
    getAt, hugeString, isPairName, knownValue, MutationOptions, nodePaths, Path, propsFor, RULE_KEYS, secretToken,
    setAt, tokenDocument, unknownSentinel, withTokens,
} from "./arbitraries";
import { OTHER_TYPES } from "./stacks";
import { TARGETS } from "./targets";

/** Modest nesting: protobuf decoding in the pack, not the policies, limits it (MAX_NESTING in cli/inputs.ts). */
const ENGINE: MutationOptions = { maxDepth: 200, huge: false };
const FAMILY_VARIANTS = 2;

export const RESOURCE_POLICIES = TARGETS.filter((t) => t.kind === "resource").map((t) => t.policy);
const RESOURCE_TYPES = [...new Set(TARGETS.filter((t) => t.kind === "resource").flatMap((t) => t.types))].sort();
const STACK_TYPES = [...new Set(TARGETS.filter((t) => t.kind === "stack").flatMap((t) => t.types))].sort();

export interface FixtureResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    protect?: boolean;
    parent?: string;
    custom?: boolean;
    propertyDependencies?: Record<string, string[]>;
}

const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** A well-formed archive: mutated signature objects are refused by the loader (check-input.test.ts covers that). */
const ARCHIVE = { [SIG_KEY]: "0def7320c3a5731c473e5ecbe6d01bc7", assets: { "index.js": { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", text: "exports.handler = 1;" } } };

/** What fixture JSON (and so the engine) can carry: no undefined, no NaN, only well-formed archives. */
export function jsonSafe<T>(v: T): T {
    const archives = (x: unknown): unknown => {
        if (Array.isArray(x)) return x.map(archives);
        if (typeof x !== "object" || x === null) return x;
        if (SIG_KEY in x) return ARCHIVE;
        return Object.fromEntries(Object.entries(x).map(([k, e]) => [k, archives(e)]));
    };
    const out = JSON.parse(JSON.stringify(v));
    // Props themselves are a map of properties, never a special value.
    if (typeof out === "object" && out !== null && !Array.isArray(out)) delete out[SIG_KEY];
    return archives(out) as T;
}

// ---------------------------------------------------------------- families (unknown monotonicity)

export interface Family {
    type: string;
    at: Path;
    unknown: Record<string, unknown>;
    known: Record<string, unknown>[];
}

const family: fc.Arbitrary<Family> = fc.constantFrom(...RESOURCE_TYPES).chain((type) =>
    fc.tuple(propsFor([type], ENGINE), fc.nat(), unknownSentinel, fc.array(knownValue, { minLength: FAMILY_VARIANTS - 1, maxLength: FAMILY_VARIANTS - 1 }))
        .map(([props, pick, sentinel, substitutes]) => {
            const base = jsonSafe(props);
            const paths = nodePaths(base, { absentKeys: RULE_KEYS });
            const at = paths.length ? paths[pick % paths.length] : [RULE_KEYS[pick % RULE_KEYS.length]];
            // The original value is always one of the known ones.
            const known = [getAt(base, at), ...substitutes].map((v) => jsonSafe(setAt(base, at, v)));
            return { type, at, unknown: setAt(base, at, sentinel), known };
        }));

// ---------------------------------------------------------------- other resources, with tokens

/** Wraps in `{"$secret": ...}` some nodes holding a token (the node itself or an ancestor), by a seeded choice. */
function wrapSecrets(value: unknown, tokens: readonly string[], seed: number): unknown {
    let state = seed >>> 0 || 1;
    const coin = () => ((state = (state * 1103515245 + 12345) >>> 0) & 0x10000) !== 0;
    const holds = (v: unknown) => tokens.some((t) => JSON.stringify(v)?.includes(t));
    const walk = (v: unknown, at: Path): unknown => {
        if (!holds(v)) return v;
        // A list element's name holding a token is always a secret: plaintext, it is a name to show.
        if (isPairName(at)) return { $secret: v };
        if (typeof v !== "object" || v === null) return coin() ? { $secret: v } : v;
        // A whole subtree as one secret, sometimes; else some of what it holds.
        if (coin() && coin()) return { $secret: v };
        if (Array.isArray(v)) return v.map((e, i) => walk(e, [...at, i]));
        return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, walk(e, [...at, k])]));
    };
    // The props object itself stays an object, as the fixture format requires.
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, e]) => [k, walk(e, [k])]));
}

interface Other {
    type: string;
    props: Record<string, unknown>;
    tokens: string[];
    protect: boolean;
    parent: number | null;
    join: number | null;
    custom: boolean;
}

const other: fc.Arbitrary<Other> = fc
    .oneof(fc.constantFrom(...RESOURCE_TYPES), fc.constantFrom(...STACK_TYPES), fc.constantFrom(...OTHER_TYPES.filter((t) => t !== "pulumi:pulumi:Stack" && !t.startsWith("pulumi:providers:"))))
    .chain((type) => fc.record({
        type: fc.constant(type),
        tokenized: withTokens(propsFor([type], ENGINE), true),
        // A whole document held as a secret, tokens even in its keys.
        secretDocument: fc.option(fc.tuple(secretToken, fc.boolean()), { freq: 8 }),
        wrapSeed: fc.nat(),
        protect: fc.boolean(),
        parent: fc.option(fc.nat(), { freq: 3 }),
        join: fc.option(fc.nat(), { freq: 2 }),
    }))
    .map(({ type, tokenized, secretDocument, wrapSeed, protect, parent, join }) => {
        let props = wrapSecrets(jsonSafe(tokenized.props), tokenized.tokens, wrapSeed) as Record<string, unknown>;
        const tokens = [...tokenized.tokens];
        if (secretDocument) {
            const [token, asJson] = secretDocument;
            props = { ...props, policy: { $secret: tokenDocument(token, asJson, true) } };
            tokens.push(token);
        }
        return { type, props, tokens, protect, parent, join, custom: !type.startsWith("shop:") };
    });

// ---------------------------------------------------------------- batches

export interface Batch {
    resources: FixtureResource[];
    families: { names: string[]; family: Family }[];
    tokens: string[];
}

/** `families` × (1 + FAMILY_VARIANTS) + `others` resources, always that many. */
export function batchOf(families: number, others: number): fc.Arbitrary<Batch> {
    return fc.record({
        families: fc.array(family, { minLength: families, maxLength: families }),
        others: fc.array(other, { minLength: others, maxLength: others }),
        // A couple of ~1 MB strings per batch, at a random place of a random resource.
        huge: fc.array(fc.tuple(fc.nat(), fc.nat(), hugeString), { minLength: 2, maxLength: 2 }),
    }).map(({ families, others, huge }) => {
        const resources: FixtureResource[] = [];
        const named: Batch["families"] = [];
        families.forEach((f, i) => {
            const names = [`f${i}u`, ...f.known.map((_, k) => `f${i}k${k}`)];
            resources.push({ type: f.type, name: names[0], props: f.unknown });
            f.known.forEach((props, k) => resources.push({ type: f.type, name: names[k + 1], props }));
            named.push({ names, family: f });
        });
        const offset = resources.length;
        others.forEach((o, i) => {
            const r: FixtureResource = { type: o.type, name: `o${i}`, props: o.props, protect: o.protect, custom: o.custom };
            // Parents only among earlier resources: a cycle is a fixture error, not a stack.
            if (o.parent !== null && i > 0) r.parent = `o${o.parent % i}`;
            if (o.join !== null) {
                const target = others[o.join % others.length];
                r.propertyDependencies = { bucket: [`o${o.join % others.length}`] };
                r.props = { ...r.props, bucket: typeof target.props.bucket === "string" && o.join % 2 ? target.props.bucket : { $unknown: true } };
            }
            resources.push(r);
        });
        for (const [which, pick, text] of huge) {
            if (others.length === 0) break;
            const r = resources[offset + (which % others.length)];
            const paths = nodePaths(r.props, { maxPaths: 200 }).filter((p) => !p.some((k) => typeof k === "string" && k.startsWith("$")));
            r.props = setAt(r.props, paths.length ? paths[pick % paths.length] : ["description"], text);
        }
        for (const r of resources) r.props = jsonSafe(r.props);
        return { resources, families: named, tokens: others.flatMap((o) => o.tokens) };
    });
}

export const FAMILY_SIZE = 1 + FAMILY_VARIANTS;
