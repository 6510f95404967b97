// `check` on unusable input (docs/testing.md): random truncations of the real fixtures and
// samples, random bytes, empty files, JSON of the wrong shape, absurd nesting and parent
// chains, malformed assets and archives. The loader either reads the file into well-formed
// resources or refuses it with an InputError of one line; the built CLI then exits 2 with
// one line on stderr starting with `check: ` (never "internal error", never a stack trace),
// or, when a truncation happens to leave a valid file, runs it and exits 0 or 1.
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError, loadInputFile, MAX_NESTING } from "../../cli/inputs";
import { runCheckAsync } from "../helpers/check";
import { FIXTURES } from "../helpers/engine";
import { anyValue, fcParams, oddString } from "./arbitraries";
import { scaledTimeout } from "./runs-factor";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "robustness-check-input-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SIGS = ["c44067f5952c0a294b673a41bacd8c17", "0def7320c3a5731c473e5ecbe6d01bc7", "1b47061264138c4ac30d75fd1eb44270", "5cf8f73096256a8f31e491e813e4eb8e", "d0e6a833031e9bbcd3f4e8bde6ca49a4", "x"];

/** The real inputs the brief names: fixtures/samples/*.json and fixtures/*.json. */
const REAL_FILES = [
    ...fs.readdirSync(path.join(FIXTURES, "samples")).filter((f) => f.endsWith(".json")).map((f) => path.join(FIXTURES, "samples", f)),
    ...fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).map((f) => path.join(FIXTURES, f)),
].sort();
const REAL_TEXTS = REAL_FILES.map((f) => fs.readFileSync(f, "utf8"));

const shapes = (inner: fc.Arbitrary<unknown>) => fc.oneof(
    inner,
    inner.map((v) => ({ resources: v })),
    inner.map((v) => ({ resources: [v] })),
    inner.map((v) => ({ resources: [{ type: "aws:s3/bucket:Bucket", name: "b", props: v }] })),
    inner.map((v) => ({ resources: [{ type: "aws:s3/bucket:Bucket", name: "b", parent: v, dependencies: v, propertyDependencies: v }] })),
    inner.map((v) => ({ deployment: v })),
    inner.map((v) => ({ deployment: { resources: [v] } })),
    inner.map((v) => ({ deployment: { resources: [{ urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket", inputs: v, outputs: v }] } })),
    inner.map((v) => ({ steps: v })),
    inner.map((v) => ({ steps: [v, { op: "create", newState: v }] })),
);

/** A signature object with a random subset of its fields (and sometimes a wrong signature). */
const signatureObject = fc.record({
    [SIG_KEY]: fc.constantFrom(...SIGS),
    path: fc.constantFrom("", "./app", undefined),
    text: fc.constantFrom("", "x", undefined),
    uri: fc.constantFrom("", "https://example.com/a.zip", undefined),
    assets: fc.oneof(fc.constant(undefined), fc.constant({}), fc.constant({ "a.js": "not an asset" }), fc.constant({ "a.js": { [SIG_KEY]: SIGS[0], text: "" } })),
    urn: fc.constantFrom("urn:pulumi:s::p::aws:iam/role:Role::r", undefined),
    id: fc.constantFrom("", "r-1", undefined),
    value: fc.oneof(fc.constant(undefined), anyValue),
}, { requiredKeys: [SIG_KEY] });

function deep(depth: number): string {
    return `{"resources":[{"type":"aws:s3/bucket:Bucket","name":"b","props":{"tags":${"[".repeat(depth)}1${"]".repeat(depth)}}}]}`;
}

function parentChain(length: number, reversed: boolean): string {
    const resources = Array.from({ length }, (_, i) => ({
        type: "my:app:Component", name: `c${i}`, custom: false,
        parent: reversed ? (i < length - 1 ? `c${i + 1}` : undefined) : i > 0 ? `c${i - 1}` : undefined,
    }));
    return JSON.stringify({ resources });
}

/** File contents: truncated real files, bytes, empty, wrong shapes, deep nesting, long chains, odd signatures. */
const content: fc.Arbitrary<string | Uint8Array> = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.nat(REAL_TEXTS.length - 1), fc.nat()).map(([i, cut]) => REAL_TEXTS[i].slice(0, cut % (REAL_TEXTS[i].length + 1))) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\n\n", "\uFEFF", "\uFEFF{}", "null", "[]", "0", "\"resources\"", "{}") },
    { weight: 3, arbitrary: shapes(fc.oneof(anyValue, oddString, fc.jsonValue())).map((v) => JSON.stringify(v) ?? "undefined") },
    { weight: 1, arbitrary: shapes(signatureObject).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.integer({ min: MAX_NESTING - 10, max: 100_000 }).map(deep) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: MAX_NESTING - 5, max: 5_000 }), fc.boolean()).map(([n, reversed]) => parentChain(n, reversed)) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(REAL_TEXTS.length - 1), fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat()).map(([i, bytes, at]) => {
        // Real file with a few bytes overwritten: usually invalid UTF-8 or JSON.
        const buf = Buffer.from(REAL_TEXTS[i]);
        buf.set(bytes.slice(0, Math.max(0, buf.length - (at % buf.length))), at % buf.length);
        return new Uint8Array(buf);
    }) },
);

let written = 0;
function writeInput(data: string | Uint8Array): string {
    const file = path.join(tmp, `input-${written++}.json`);
    fs.writeFileSync(file, data);
    return file;
}

type Verdict = { ok: true; resources: number } | { ok: false; message: string };

/** What the loader does with the file: read it into resources, or refuse it with an InputError. */
function load(file: string): Verdict {
    try {
        const input = loadInputFile(file);
        for (const r of input.resources) {
            if (typeof r.urn !== "string" || typeof r.type !== "string" || typeof r.inputs !== "object" || r.inputs === null) throw new Error(`malformed resource ${r.urn}`);
        }
        return { ok: true, resources: input.resources.length };
    } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return { ok: false, message: e.message };
    }
}

const check = (args: string[]) => runCheckAsync(args);

describe("check on unusable input", () => {
    it("the loader reads a file into resources or refuses it with a one-line InputError, never anything else", () => {
        fc.assert(
            fc.property(content, (data) => {
                const verdict = load(writeInput(data));
                if (!verdict.ok) {
                    expect(verdict.message.split("\n")).toHaveLength(1);
                    expect(verdict.message.length).toBeLessThan(1000);
                }
            }),
            fcParams(400),
        );
    });

    it("the CLI exits 2 with one line `check: ...` on stderr (or runs a file that is still valid), no stack trace", async () => {
        await fc.assert(
            fc.asyncProperty(content, async (data) => {
                const file = writeInput(data);
                const verdict = load(file);
                const run = await check([file]);
                if (verdict.ok) {
                    // A truncation that left a valid file (e.g. only trailing whitespace cut): a normal run.
                    expect([0, 1], run.stderr).toContain(run.code);
                    expect(run.stdout).toMatch(/^Summary: /m);
                    return;
                }
                expect(run.code, run.stderr).toBe(2);
                expect(run.stdout).toBe("");
                expect(run.stderr).toMatch(/^check: /);
                expect(run.stderr).not.toMatch(/^check: internal error/);
                expect(run.stderr).not.toMatch(/\n\s+at /);
                expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
            }),
            // Spawning is the slow part: a modest fixed number of runs, no shrinking needed to read a file.
            { ...fcParams(16), endOnFailure: true },
        );
    }, scaledTimeout(600_000));

    it("a valid file cut only at its end still runs", async () => {
        const text = REAL_TEXTS[REAL_FILES.findIndex((f) => f.endsWith("secure-stack.json"))];
        const run = await check([writeInput(text.trimEnd())]);
        expect([0, 1]).toContain(run.code);
        expect(run.stderr).toBe("");
    });
});
