// policies/lib/protobuf.ts reads and writes Structs as google-protobuf does, only faster:
// compared here with google-protobuf (and @pulumi/policy's deserializeProperties) on random
// values, odd keys and malformed bytes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeProperties, decodeStruct, unexpectedStructType, WireError, Writer, writeStructFields } from "../policies/lib/protobuf";
import { SIG, SIG_KEY } from "../policies/lib/wire";
import { hasInternalKey, withoutInternalKeys } from "./helpers/internal-keys";
import { fcParams } from "./robustness/arbitraries";

const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
// This test file never applies the pack's patch, so this is the SDK's own function.
const sdkDeserialize: (struct: unknown, proxySecrets: boolean) => unknown = require("@pulumi/policy/deserialize").deserializeProperties;

/** Keys and values with the characters and shapes that matter: numeric keys, `__` keys, non-ASCII, empty. */
const key = fc.oneof(
    fc.constantFrom("", "a", "b", "Effect", "10", "2", "__defaults", "__internal", "__proto__x", "ü", "😀", "a.b", "constructor", "toString"),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: "grapheme", maxLength: 6 }),
);
const scalar = fc.oneof(
    fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ minLength: 100, maxLength: 300 }),
    fc.boolean(), fc.constant(null), fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e308, -1e-308, 2 ** 53, NaN, Infinity, -Infinity),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("v"), { maxLength: 5 }), fc.dictionary(key, tie("v"), { maxKeys: 6 })),
})).v;
const object = fc.dictionary(key, value, { maxKeys: 8 });

function jspbBytes(o: object): Uint8Array {
    return Struct.fromJavaScript(o).serializeBinary();
}

function ours(o: object, skipInternalKeys = false): { bytes: Uint8Array; internal: boolean } {
    const w = new Writer(16);
    const internal = writeStructFields(w, o, skipInternalKeys);
    return { bytes: new Uint8Array(w.finish()), internal };
}

/** Values and key order, NaN and -0 included. */
function shape(v: unknown): string {
    return JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? `#${x}` : Object.is(x, -0) ? "#-0" : x));
}

describe("decodeStruct is google-protobuf's deserializeBinary + toJavaScript", () => {
    it("on random values (key order: sorted, as google-protobuf's map)", () => {
        fc.assert(fc.property(object, (o) => {
            const bytes = jspbBytes(o);
            expect(shape(decodeStruct(bytes))).toBe(shape(Struct.deserializeBinary(bytes).toJavaScript()));
            expect(shape(decodeStruct(Buffer.from(bytes)))).toBe(shape(Struct.deserializeBinary(bytes).toJavaScript()));
        }), fcParams(500));
    });

    it("keeps the last of repeated keys, sorts unsorted ones, skips unknown fields, reads a `__proto__` key as google-protobuf does", () => {
        const entry = (k: string, v: unknown) => jspbBytes({ [k]: v });
        const unknownField = Uint8Array.from([0x18, 0x05, 0x25, 1, 2, 3, 4]); // varint and fixed32 fields 3 and 4
        const bytes = Buffer.concat([entry("b", 1), entry("a", { z: 1, y: 2 }), unknownField, entry("b", "last"), Struct.fromJavaScript(JSON.parse('{"__proto__": {"x": 1}}')).serializeBinary()]);
        const theirs = Struct.deserializeBinary(bytes).toJavaScript();
        const mine = decodeStruct(bytes);
        expect(shape(mine)).toBe(shape(theirs));
        expect(Object.getPrototypeOf(mine)).toEqual(Object.getPrototypeOf(theirs));
    });

    it("refuses a Value without a kind as google-protobuf does, and malformed bytes with an error (never a hang)", () => {
        const noKind = Uint8Array.from([0x0a, 0x05, 0x0a, 0x01, 0x61, 0x12, 0x00]); // {"a": Value{}}
        expect(() => Struct.deserializeBinary(noKind).toJavaScript()).toThrow("Unexpected struct type");
        expect(() => decodeStruct(noKind)).toThrow("Unexpected struct type");
        expect(() => unexpectedStructType()).toThrow("Unexpected struct type");
        expect(() => decodeStruct(Uint8Array.from([0x0a, 0x7f, 0x0a]))).toThrow(WireError);
        fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
            try {
                decodeStruct(bytes);
            } catch (e) {
                expect(e).toBeInstanceOf(Error);
            }
        }), fcParams(500));
    });

    it("reads 1,000 levels of nesting", () => {
        let v: unknown = "leaf";
        for (let i = 0; i < 1000; i++) v = i % 2 ? [v] : { k: v };
        const bytes = jspbBytes({ v });
        expect(shape(decodeStruct(bytes))).toBe(shape(Struct.deserializeBinary(bytes).toJavaScript()));
    });
});

describe("writeStructFields writes what Struct.fromJavaScript builds", () => {
    it("on random values, with and without internal keys", () => {
        fc.assert(fc.property(object, (o) => {
            const expected = shape(Struct.deserializeBinary(jspbBytes(o)).toJavaScript());
            const all = ours(o);
            expect(shape(Struct.deserializeBinary(all.bytes).toJavaScript())).toBe(expected);
            const skipped = ours(o, true);
            expect(shape(Struct.deserializeBinary(skipped.bytes).toJavaScript())).toBe(shape(Struct.deserializeBinary(jspbBytes(withoutInternalKeys(o) as object)).toJavaScript()));
            const hasInternal = hasInternalKey(o);
            expect(all.internal).toBe(hasInternal);
            expect(skipped.internal).toBe(hasInternal);
        }), fcParams(500));
    });

    it("encodes strings as google-protobuf does, lone surrogates included", () => {
        for (const s of ["", "a", "ü", "😀", "\ud800", "x\udc00y", "\ud800x", "a\udbff", "\ud83d\ude00\ud800", "é".repeat(100), "a".repeat(70000), "\ufeffbom", "\ufffd"]) {
            const bytes = ours({ s }).bytes;
            expect(Buffer.from(bytes)).toEqual(Buffer.from(jspbBytes({ s })));
            // and read back as google-protobuf reads it
            expect(decodeStruct(bytes)).toEqual(Struct.deserializeBinary(bytes).toJavaScript());
            expect(decodeStruct(Buffer.from(bytes))).toEqual(Struct.deserializeBinary(bytes).toJavaScript());
        }
        fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.boolean(), (s, long) => {
            const text = long ? s.repeat(3) + "-".repeat(30) : s;
            // google-protobuf drops a `__proto__` key (its map is a plain object); the engine,
            // and so `check`, sends it: compared apart below.
            fc.pre(text !== "__proto__");
            const bytes = ours({ [text]: text }).bytes;
            expect(Buffer.from(bytes)).toEqual(Buffer.from(jspbBytes({ [text]: text })));
            expect(shape(decodeStruct(Buffer.from(bytes)))).toBe(shape(Struct.deserializeBinary(bytes).toJavaScript()));
        }), fcParams(500));
    });

    it("writes a `__proto__` key, as the engine sends it (google-protobuf would drop it)", () => {
        const o = JSON.parse('{"__proto__": "p", "a": 1}');
        expect(jspbBytes(o).length).toBeLessThan(ours(o).bytes.length);
        const fields = Struct.deserializeBinary(ours(o).bytes).getFieldsMap();
        expect(fields.get("__proto__")?.getStringValue()).toBe("p");
        expect(fields.get("a")?.getNumberValue()).toBe(1);
    });

    it("refuses what Struct.fromJavaScript refuses", () => {
        for (const bad of [{ a: undefined }, { a: [1, undefined] }, { a: () => 1 }, { a: Symbol("x") }, { a: 1n }]) {
            expect(() => Struct.fromJavaScript(bad)).toThrow("Unexpected struct type.");
            expect(() => ours(bad)).toThrow("Unexpected struct type.");
        }
    });

    it("grows its buffer as needed (back to front)", () => {
        const big = { list: Array.from({ length: 3000 }, (_, i) => ({ i, s: "x".repeat(i % 300) })) };
        expect(shape(Struct.deserializeBinary(ours(big).bytes).toJavaScript())).toBe(shape(big));
    });
});

describe("decodeProperties is @pulumi/policy's deserializeProperties(struct, false)", () => {
    const sig = (s: string, fields: object) => ({ [SIG_KEY]: s, ...fields });
    const special = fc.oneof(
        value.map((v) => sig(SIG.secret, { value: v })),
        fc.constant(sig(SIG.secret, {})),
        fc.constantFrom(
            sig(SIG.asset, { path: "./a.txt" }), sig(SIG.asset, { text: "hello" }), sig(SIG.asset, { uri: "https://example.com/a" }), sig(SIG.asset, {}),
            sig(SIG.archive, { path: "./dir" }), sig(SIG.archive, { uri: "https://example.com/a.zip" }), sig(SIG.archive, {}),
            sig(SIG.archive, { assets: { "index.js": sig(SIG.asset, { text: "x" }) } }), sig(SIG.archive, { assets: { "a": "not an asset" } }),
            sig("unknown-signature", {}), { [SIG_KEY]: "", a: 1 }, { [SIG_KEY]: 0 }, { [SIG_KEY]: true },
            JSON.parse(`{"__proto__": {"${SIG_KEY}": "${SIG.secret}", "value": "via the prototype"}, "a": 1}`),
            JSON.parse('{"__proto__": 5, "b": 2}'),
        ),
    );
    const withSpecials: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
        v: fc.oneof({ depthSize: "small" }, scalar, special, fc.array(tie("v"), { maxLength: 4 }), fc.dictionary(key, tie("v"), { maxKeys: 5 })),
    })).v;

    const outcome = (f: () => unknown) => {
        try {
            return { value: f() };
        } catch (e) {
            return { error: (e as Error).message };
        }
    };
    const sdk = (wire: unknown) => sdkDeserialize({ toJavaScript: () => wire }, false) as Record<string, unknown>;

    it("on random values with secrets, assets, archives and odd signatures: same values, classes, key order, errors", () => {
        fc.assert(fc.property(fc.dictionary(key, withSpecials, { maxKeys: 6 }), (o) => {
            const bytes = jspbBytes(o);
            const theirs = outcome(() => sdkDeserialize(Struct.deserializeBinary(bytes), false));
            const mine = outcome(() => decodeProperties(bytes, 0, bytes.length, sdk));
            if ("error" in theirs) {
                expect(mine).toEqual(theirs);
                return;
            }
            expect(mine).toEqual(theirs);
            expect(shape(mine.value)).toBe(shape(theirs.value));
        }), fcParams(500));
    });
});
