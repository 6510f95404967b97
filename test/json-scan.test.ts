// `check` reads files as a stream (cli/json-scan.ts, cli/inputs.ts openInputFile): it must
// accept, refuse and convert exactly as one JSON.parse of the whole file did (the reader it
// replaces, kept here as the reference), on real inputs, damaged ones and random ones, with
// reads cut at every possible place.
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { InputError, loadInputFile, LoadOptions, openInputFile, parseInput, peekStackIdentity, StreamedInput } from "../cli/inputs";
import { resourceLines } from "../cli/report";
import { scanOptions } from "../cli/json-scan";
import { writeStackExport } from "../bench/generate";
import { readDataFile } from "../policies/lib/files";
import { FIXTURES } from "./helpers/engine";
import { anyValue, fcParams, oddString } from "./robustness/arbitraries";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "json-scan-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const defaultChunk = scanOptions.chunkBytes;
afterEach(() => { scanOptions.chunkBytes = defaultChunk; });

let written = 0;
function writeInput(data: string | Uint8Array): string {
    const file = path.join(tmp, `input-${written++}.json`);
    fs.writeFileSync(file, data);
    return file;
}

/** The reader `check` had: the whole file, one JSON.parse. */
function wholeFile(file: string, options: LoadOptions = {}) {
    const read = readDataFile(file, "input", "json");
    if (!read.ok) {
        throw new InputError(read.problem.endsWith("is not valid JSON")
            ? `${read.problem}; expected a fixture, a \`pulumi stack export\` file or \`pulumi preview --json\` output`
            : read.problem);
    }
    if (read.value === undefined) throw new InputError(`${file}: the file is empty; expected JSON (a fixture, a stack export or preview --json output)`);
    return parseInput(read.value, file, options);
}

type Verdict = { ok: true; text: string } | { ok: false; message: string };

function verdict(load: () => { format: string; preview: boolean; stack?: string; project?: string; secretsProvider?: string; resources: unknown[] }): Verdict {
    try {
        const r = load();
        return { ok: true, text: JSON.stringify([r.format, r.preview, r.stack, r.project, r.secretsProvider, r.resources]) };
    } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return { ok: false, message: e.message };
    }
}

let generatedFile: string | undefined;
/** A generated stack export of 200 resources (written once). */
function generated(): string {
    if (!generatedFile) {
        generatedFile = path.join(tmp, "generated.json");
        writeStackExport(generatedFile, 200, { seed: 9, iamPolicyStatements: [2, 8] });
    }
    return generatedFile;
}

function expectSame(file: string): void {
    const expected = verdict(() => wholeFile(file));
    for (const chunk of [defaultChunk, 1, 7, 64]) {
        scanOptions.chunkBytes = chunk;
        expect(verdict(() => loadInputFile(file)), `chunks of ${chunk} bytes`).toEqual(expected);
    }
}

const REAL_FILES = [
    ...fs.readdirSync(path.join(FIXTURES, "samples")).filter((f) => f.endsWith(".json")).map((f) => path.join(FIXTURES, "samples", f)),
    ...fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).map((f) => path.join(FIXTURES, f)),
].sort();
const REAL_TEXTS = REAL_FILES.map((f) => fs.readFileSync(f, "utf8"));

describe("streamed input reading gives what one JSON.parse of the whole file gave", () => {
    it.each(REAL_FILES)("%s", (file) => expectSame(file));

    it.each([
        ["empty", ""], ["blank", " \n\t "], ["a BOM only", "\uFEFF"], ["null", "null"], ["an array", "[]"],
        ["a number", "0"], ["a string", "\"resources\""], ["an empty object", "{}"], ["not JSON", "{resources: []}"],
        ["trailing comma in resources", '{"resources": [{"type": "a:b:C", "name": "x"},]}'],
        ["a comma only", '{"deployment": {"resources": [,]}}'],
        ["elements without a comma", '{"deployment": {"resources": [{} {}]}}'],
        ["a brace closing the list", '{"steps": [{}}'],
        ["a list closed twice", '{"steps": [{"op": "create"}]]}'],
        ["unterminated string in a list", '{"deployment": {"resources": ["abc]}}'],
        ["escaped quotes and backslashes", '{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x\\\\", "type": "a:b:C", "inputs": {"k": "\\"[{,"}}]}}'],
        ["keys with escapes", '{"deploy\\u006dent": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x", "type": "a:b:C"}]}}'],
        ["a repeated deployment: the last wins", '{"deployment": {"resources": [1]}, "deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x", "type": "a:b:C"}]}}'],
        ["a repeated resources list", '{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x", "type": "a:b:C"}], "resources": []}}'],
        ["steps and resources", '{"resources": [{"type": "a:b:C", "name": "x"}], "steps": [{"op": "create", "newState": {"urn": "urn:pulumi:s::p::a:b:C::y", "type": "a:b:C"}}]}'],
        ["resources that are not a list", '{"deployment": {"resources": {"a": 1}}}'],
        ["deployment a list", '{"deployment": [{"resources": [1]}]}'],
        ["deployment null", '{"deployment": null}'],
        ["an invalid element after a bad resource", '{"deployment": {"resources": [5, {"urn": 1}, tru]}}'],
        ["a bad resource", '{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x", "type": "a:b:C"}, 5]}}'],
        ["a pending deletion before a bad resource", '{"deployment": {"resources": [{"delete": true}, "x"]}}'],
        ["a bad step", '{"steps": [{"op": "create", "newState": {"urn": "urn:pulumi:s::p::a:b:C::y", "type": "a:b:C"}}, 7]}'],
        ["numbers and literals around lists", '{"a": -1.5e3, "b": true, "c": null, "deployment": {"x": false, "resources": [], "y": [1, {"z": [2]}]}, "d": 0}'],
        ["nested 1,000 deep", `{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x", "type": "a:b:C", "inputs": {"v": ${"[".repeat(996)}${"]".repeat(996)}}}]}}`],
        ["nested 1,001 deep", `{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x", "type": "a:b:C", "inputs": {"v": ${"[".repeat(997)}${"]".repeat(997)}}}]}}`],
        ["nested deep outside the lists", `{"x": ${"[".repeat(1500)}${"]".repeat(1500)}, "steps": []}`],
        ["invalid UTF-8 in a string", Buffer.concat([Buffer.from('{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x'), Buffer.from([0xff, 0xfe]), Buffer.from('", "type": "a:b:C"}]}}')])],
        ["multi-byte characters", '{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::ü€😀", "type": "a:b:C", "inputs": {"ü": "😀"}}]}}'],
    ])("%s", (_label, data) => expectSame(writeInput(data)));

    it("a directory, a missing file", () => {
        expectSame(tmp);
        expectSame(path.join(tmp, "missing.json"));
    });

    it("real files cut anywhere, or with bytes overwritten", () => {
        fc.assert(
            fc.property(fc.nat(REAL_TEXTS.length - 1), fc.nat(), fc.uint8Array({ minLength: 0, maxLength: 6 }), (i, at, bytes) => {
                const buf = Buffer.from(REAL_TEXTS[i]);
                const cut = at % (buf.length + 1);
                const data = bytes.length ? Buffer.concat([buf.subarray(0, cut), Buffer.from(bytes), buf.subarray(cut + bytes.length)]) : buf.subarray(0, cut);
                expectSame(writeInput(data));
            }),
            fcParams(150),
        );
    });

    it("random documents of every input shape", () => {
        const inner = fc.oneof(anyValue, oddString, fc.jsonValue());
        const shapes = fc.oneof(
            inner.map((v) => ({ resources: v })),
            inner.map((v) => ({ resources: [v, { type: "aws:s3/bucket:Bucket", name: "b", props: v }] })),
            inner.map((v) => ({ deployment: v })),
            inner.map((v) => ({ deployment: { resources: [v, { urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket", inputs: v, outputs: v }] } })),
            inner.map((v) => ({ steps: v })),
            inner.map((v) => ({ steps: [v, { op: "create", newState: v }, { op: "same", newState: { urn: "urn:pulumi:s::p::a:b:C::y", type: "a:b:C", inputs: v } }] })),
        );
        fc.assert(fc.property(shapes, fc.boolean(), (doc, pretty) => expectSame(writeInput(JSON.stringify(doc, null, pretty ? 2 : undefined)))), fcParams(200));
    });

    it("a generated stack export, streamed: the same resources, none held by the stream", () => {
        const file = path.join(tmp, "export.json");
        writeStackExport(file, 300, { seed: 5, iamPolicyStatements: [5, 30] });
        expectSame(file);
        const input = openInputFile(file);
        expect(Array.isArray(input.resources)).toBe(false);
        const stream = input.resources as Exclude<typeof input.resources, unknown[]>;
        expect(stream.count).toBe(302);
        expect([...stream.providers.keys()]).toEqual(["urn:pulumi:bench::acme::pulumi:providers:aws::default_7_48_0"]);
        // Each reading reads the file again.
        expect([...stream.resources()].map((r) => r.urn)).toEqual([...stream.resources()].map((r) => r.urn));
    });

    it("the scan reads only what must be known first: a resource that is not JSON is found when it is read", () => {
        const stack = { urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s", type: "pulumi:pulumi:Stack" };
        const provider = { urn: "urn:pulumi:s::p::pulumi:providers:aws::default", type: "pulumi:providers:aws", inputs: { region: "eu-west-1" } };
        // Every resource names its provider (a URN holding the provider type): not a provider for that.
        const bucket = { urn: "urn:pulumi:s::p::aws:s3/bucketV2:BucketV2::b", type: "aws:s3/bucketV2:BucketV2", provider: `${provider.urn}::id`, parent: stack.urn };
        const text = `{"deployment": {"resources": [${[stack, provider, bucket].map((r) => JSON.stringify(r)).join(", ")}, {"urn": tru}]}}`;
        const input = openInputFile(writeInput(text));
        const stream = input.resources as StreamedInput["resources"];
        expect([input.stack, input.project, stream.count, [...stream.providers.keys()]]).toEqual(["s", "p", 4, [provider.urn]]);
        const read: string[] = [];
        expect(() => { for (const r of stream.resources()) read.push(r.urn); }).toThrow(/input is not valid JSON/);
        expect(read).toEqual([stack.urn, provider.urn, bucket.urn]);
    });

    it.each([
        ["a generated stack export, one resource per line", () => fs.readFileSync(generated(), "utf8")],
        ["the same, indented as `pulumi stack export` writes it", () => JSON.stringify(JSON.parse(fs.readFileSync(generated(), "utf8")), null, 4)],
        ["a preview, indented", () => JSON.stringify(JSON.parse(fs.readFileSync(path.join(FIXTURES, "samples", "preview.json"), "utf8")), null, 2)],
        ["a stack export, minified", () => JSON.stringify(JSON.parse(fs.readFileSync(path.join(FIXTURES, "samples", "stack-export.json"), "utf8")))],
    ])("the line of each resource, found while reading: where the text declares it (%s)", (_label, text) => {
        const source = text();
        const stream = openInputFile(writeInput(source)).resources as StreamedInput["resources"];
        const resources = [...stream.resources()];
        expect(resources.length).toBeGreaterThan(1);
        // The reference: what the report found by searching the whole text for `"urn": "<urn>"`.
        const expected = resourceLines(source, resources);
        expect(new Map(resources.map((r) => [r.urn, stream.lines.get(r.urn)]))).toEqual(new Map(resources.map((r) => [r.urn, expected.get(r.urn)])));
    });

    it("the start of a stack export or preview names the stack its pack boots for, as the whole file does", () => {
        const identity = (file: string, options: LoadOptions = {}) => {
            const { stack, project, preview, secretsProvider } = openInputFile(file, options);
            return { stack, project, preview, secretsProvider };
        };
        const exported = generated();
        const samples = ["stack-export.json", "preview.json"].map((f) => path.join(FIXTURES, "samples", f));
        for (const file of [exported, ...samples]) expect(peekStackIdentity(file)).toEqual(identity(file));
        expect(peekStackIdentity(exported)?.secretsProvider).toMatch(/^passphrase|^awskms|^service|^https?:/);
        expect(peekStackIdentity(samples[0], { stack: "other" })).toEqual(identity(samples[0], { stack: "other" }));

        const stack = { urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s", type: "pulumi:pulumi:Stack" };
        const bucket = { urn: "urn:pulumi:s::p::aws:s3/bucketV2:BucketV2::b", type: "aws:s3/bucketV2:BucketV2" };
        const sp = { type: "passphrase", state: { salt: "v1:abc" } };
        // Settled by the first resource when it is the root stack; a file read only to there.
        const huge = `{"deployment": {"secrets_providers": ${JSON.stringify(sp)}, "resources": [${JSON.stringify(stack)}, ${"{".repeat(5000)}`;
        expect(peekStackIdentity(writeInput(huge))).toEqual({ stack: "s", project: "p", preview: false, secretsProvider: "passphrase" });
        // Not settled: a root stack further on would name it; what comes after the resources is not read.
        expect(peekStackIdentity(writeInput(JSON.stringify({ deployment: { resources: [bucket, stack] } })))).toBeUndefined();
        expect(peekStackIdentity(writeInput(JSON.stringify({ deployment: { resources: [bucket] } })), { stack: "a", project: "b" })).toEqual({ stack: "a", project: "b", preview: false });
        const after = writeInput(JSON.stringify({ deployment: { resources: [stack, bucket], secrets_providers: sp } }));
        expect(peekStackIdentity(after)).toEqual({ stack: "s", project: "p", preview: false });
        expect(identity(after).secretsProvider).toBe("passphrase");
        // Fixtures, files that are not JSON or not inputs: nothing to boot early for.
        for (const text of [fs.readFileSync(path.join(FIXTURES, "insecure-stack.json")), "", "{", '{"deployment": {"resources": [{"urn": 1}]}}', '{"deployment": 5}', "[]"]) {
            expect(peekStackIdentity(writeInput(text))).toBeUndefined();
        }
        expect(peekStackIdentity(path.join(tmp, "missing.json"))).toBeUndefined();
    });

    it("a UTF-8 byte order mark (Windows PowerShell's `Out-File -Encoding utf8`) is skipped: the same input, lines and identity as without it, whatever the read size", () => {
        const bom = Buffer.from([0xef, 0xbb, 0xbf]);
        for (const name of ["samples/stack-export.json", "samples/preview.json", "insecure-stack.json"]) {
            const plain = fs.readFileSync(path.join(FIXTURES, name));
            const [without, withBom] = [writeInput(plain), writeInput(Buffer.concat([bom, plain]))];
            for (const chunk of [1, 2, 3, 4, 7, defaultChunk]) {
                scanOptions.chunkBytes = chunk;
                expect(loadInputFile(withBom), `${name}, reads of ${chunk}`).toEqual(loadInputFile(without));
                const [a, b] = [openInputFile(without), openInputFile(withBom)];
                if (!Array.isArray(a.resources)) {
                    [...a.resources.resources()];
                    const streamed = (b as StreamedInput).resources;
                    [...streamed.resources()];
                    expect(streamed.lines, name).toEqual(a.resources.lines);
                }
                expect(peekStackIdentity(withBom), name).toEqual(peekStackIdentity(without));
            }
        }
        // Only at the start, and only the whole mark.
        expect(() => loadInputFile(writeInput(Buffer.concat([Buffer.from(" "), bom, Buffer.from("{}")])))).toThrow(/not valid JSON/);
        expect(() => loadInputFile(writeInput(Buffer.concat([bom.subarray(0, 2), Buffer.from('{"resources": []}')])))).toThrow(/not valid JSON/);
        expect(() => loadInputFile(writeInput(bom))).toThrow(/the file is empty/);
        // One JSON.parse of the whole file refuses the mark; the stream reads what follows it.
        expect(() => loadInputFile(writeInput("\uFEFF{}"))).toThrow(/unknown input shape: expected "resources"/);
    });

    it("a file changed between the check and the analysis is refused", () => {
        const file = writeInput('{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::x", "type": "a:b:C"}]}}');
        const input = openInputFile(file);
        fs.writeFileSync(file, '{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::a:b:C::xy", "type": "a:b:C"}, 1]}}');
        expect(() => [...(input.resources as { resources(): Iterable<unknown> }).resources()]).toThrow(/changed while it was being checked/);
    });
});
