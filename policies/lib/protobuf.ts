// The protobuf wire format of what the engine and a policy pack exchange, where speed matters:
// `google.protobuf.Struct` property values (decoded in the pack, see ./sdk-patch.ts) and the
// Analyzer request messages `check` sends (encoded in cli/engine/requests.ts).
//
// google-protobuf builds a message object per value and converts it again to JavaScript
// (Struct.fromJavaScript, deserializeBinary + toJavaScript): most of the CPU and garbage of a
// large request. This reads and writes the bytes directly, with exactly google-protobuf's
// results: `decodeStruct` returns what `Struct.deserializeBinary(bytes).toJavaScript()`
// returns (keys in sorted order, the last of repeated keys), and `writeStruct` accepts what
// `Struct.fromJavaScript` accepts (test/protobuf.test.ts checks both against google-protobuf).

// ---------------------------------------------------------------- reading

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

/** A malformed message: the caller reports it as an undecodable request. */
export class WireError extends Error {}

/** Where the last `varint` call stopped (a second return value, without an allocation). */
let next = 0;

/** The varint at buf[p] (before `end`); `next` is set past it. */
export function varint(buf: Uint8Array, p: number, end: number): number {
    if (p >= end) throw new WireError("truncated message");
    let b = buf[p++];
    if (b < 0x80) {
        next = p;
        return b;
    }
    let value = b & 0x7f;
    let scale = 0x80;
    // Up to 10 bytes; lengths and tags fit in 2^53, so plain arithmetic is exact enough.
    for (let i = 1; i < 10; i++) {
        if (p >= end) throw new WireError("truncated varint");
        b = buf[p++];
        value += (b & 0x7f) * scale;
        if (b < 0x80) {
            next = p;
            return value;
        }
        scale *= 0x80;
    }
    throw new WireError("varint longer than 10 bytes");
}

/** Past the payload of a field of `wireType` starting at buf[p]. */
export function skipField(buf: Uint8Array, p: number, end: number, wireType: number): number {
    let to: number;
    switch (wireType) {
        case WIRE_VARINT: varint(buf, p, end); to = next; break;
        case WIRE_FIXED64: to = p + 8; break;
        case WIRE_LEN: { const len = varint(buf, p, end); to = next + len; break; }
        case WIRE_FIXED32: to = p + 4; break;
        default: throw new WireError(`unsupported wire type ${wireType}`);
    }
    if (to > end) throw new WireError("field extends past the message");
    return to;
}

/** The payload bounds of the length-delimited field whose length starts at buf[p]: [next, returned end). */
function span(buf: Uint8Array, p: number, end: number): number {
    const len = varint(buf, p, end);
    const to = next + len;
    if (to > end) throw new WireError("field extends past the message");
    return to;
}

/** A cursor over a message's fields, for the few top-level messages (requests); values use the functions below. */
export class Reader {
    constructor(readonly buf: Uint8Array, public pos = 0, readonly end = buf.length) {}

    varint(): number {
        const v = varint(this.buf, this.pos, this.end);
        this.pos = next;
        return v;
    }

    /** Start of a length-delimited field's payload; the cursor moves past it. */
    span(): number {
        const to = span(this.buf, this.pos, this.end);
        const start = next;
        this.pos = to;
        return start;
    }

    skip(wireType: number): void {
        this.pos = skipField(this.buf, this.pos, this.end, wireType);
    }
}

const utf8 = new TextDecoder("utf-8");

interface NodeBuffer extends Uint8Array {
    utf8Slice(start: number, end: number): string;
    latin1Write(s: string, offset: number, length: number): number;
}

function isBuffer(buf: Uint8Array): buf is NodeBuffer {
    return typeof (buf as Partial<NodeBuffer>).utf8Slice === "function";
}

/** The text of buf[start, end), as google-protobuf decodes it. */
export function readString(buf: Uint8Array, start: number, end: number): string {
    // Short ASCII (most keys and values) is faster by hand than through a decoder.
    if (end - start <= 24) {
        let s = "";
        for (let i = start; i < end; i++) {
            const c = buf[i];
            if (c >= 0x80) return readUtf8(buf, start, end);
            s += String.fromCharCode(c);
        }
        return s;
    }
    if (isBuffer(buf)) {
        const s = buf.utf8Slice(start, end);
        if (s.indexOf("\ufffd") < 0) return s; // no replacement: the bytes were well-formed
    }
    return readUtf8(buf, start, end);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function readUtf8(buf: Uint8Array, start: number, end: number): string {
    try {
        return strictUtf8.decode(buf.subarray(start, end));
    } catch {
        return lenientUtf8(buf, start, end);
    }
}

/**
 * google-protobuf's decoding of ill-formed UTF-8 (BinaryDecoder.readString): no checks, so
 * a surrogate encoded on its own (as its encoder writes a lone one) comes back as itself.
 */
function lenientUtf8(buf: Uint8Array, start: number, end: number): string {
    const byte = (i: number) => (i < end ? buf[i] : 0);
    const codes: number[] = [];
    let out = "";
    for (let c = start; c < end; ) {
        let h = buf[c++];
        if (h < 128) codes.push(h);
        else if (h < 192) continue;
        else if (h < 224) codes.push(((h & 31) << 6) | (byte(c++) & 63));
        else if (h < 240) {
            codes.push(((h & 15) << 12) | ((byte(c) & 63) << 6) | (byte(c + 1) & 63));
            c += 2;
        } else if (h < 248) {
            h = (((h & 7) << 18) | ((byte(c) & 63) << 12) | ((byte(c + 1) & 63) << 6) | (byte(c + 2) & 63)) - 65536;
            c += 3;
            codes.push(((h >> 10) & 1023) + 55296, (h & 1023) + 56320);
        }
        if (codes.length >= 8192) {
            out += String.fromCharCode(...codes);
            codes.length = 0;
        }
    }
    return out + String.fromCharCode(...codes);
}

// Keys repeat (Effect, Action, Resource...): a decoded key is looked up in a small cache
// instead of being built again, which also spares V8 making each new key a property name.
const KEY_CACHE_SLOTS = 2048;
const keyCache: (string | undefined)[] = new Array(KEY_CACHE_SLOTS);

/** readString for an object key. */
export function readKey(buf: Uint8Array, start: number, end: number): string {
    const n = end - start;
    if (n > 40) return readString(buf, start, end);
    let h = n;
    for (let i = start; i < end; i++) {
        const c = buf[i];
        if (c >= 0x80) return readString(buf, start, end);
        h = (Math.imul(h, 31) + c) | 0;
    }
    const slot = h & (KEY_CACHE_SLOTS - 1);
    const cached = keyCache[slot];
    if (cached !== undefined && cached.length === n) {
        let same = true;
        for (let i = 0; i < n; i++) {
            if (cached.charCodeAt(i) !== buf[start + i]) { same = false; break; }
        }
        if (same) return cached;
    }
    const key = readString(buf, start, end);
    keyCache[slot] = key;
    return key;
}

const float = new Float64Array(1);
const floatBytes = new Uint8Array(float.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readDouble(buf: Uint8Array, p: number, end: number): number {
    if (p + 8 > end) throw new WireError("truncated double");
    for (let i = 0; i < 8; i++) floatBytes[littleEndian ? i : 7 - i] = buf[p + i];
    return float[0];
}

/** What google-protobuf's toJavaScript does with a Value without a kind (or a map entry without a value). */
export function unexpectedStructType(): never {
    throw new Error("Unexpected struct type");
}

/** @pulumi/policy's deserializeProperties over a Struct's wire form (its toJavaScript()). */
export type SdkDeserialize = (wire: Record<string, unknown>) => Record<string, unknown>;

type SpecialObject = (wire: Record<string, unknown>) => unknown;

/** `Struct.deserializeBinary(buf[start, end)).toJavaScript()`, without the message objects. */
export function decodeStruct(buf: Uint8Array, start = 0, end = buf.length): Record<string, unknown> {
    return decodeObject(buf, start, end, undefined, false) as Record<string, unknown>;
}

/**
 * What @pulumi/policy 1.21's deserializeProperties(struct, false) returns for the Struct in
 * buf[start, end), read straight from the bytes: the same values and key order, secrets
 * unwrapped. What the SDK must judge itself — an object with another signature (an asset,
 * an archive) or a `__proto__` key, and anything that fails — goes through `sdk`, so its
 * values and errors are the SDK's.
 */
export function decodeProperties(buf: Uint8Array, start: number, end: number, sdk: SdkDeserialize): Record<string, unknown> {
    const special: SpecialObject = (wire) => sdk({ v: wire }).v;
    try {
        return decodeObject(buf, start, end, special, true) as Record<string, unknown>;
    } catch {
        // Which error comes first depends on the SDK's order of work: let it find it.
        return sdk(decodeStruct(buf, start, end));
    }
}

const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

function decodeObject(buf: Uint8Array, start: number, end: number, special: SpecialObject | undefined, root: boolean): unknown {
    const keys: string[] = [];
    const values: unknown[] = [];
    let ordered = true;
    let unique = true;
    let flagged = false;
    let p = start;
    while (p < end) {
        const tag = buf[p];
        if (tag !== 0x0a) {
            const t = varint(buf, p, end);
            p = skipField(buf, next, end, t & 7);
            continue;
        }
        const entryEnd = span(buf, p + 1, end);
        p = next;
        let key = "";
        let value: unknown = NO_VALUE;
        while (p < entryEnd) {
            const t = buf[p];
            if (t === 0x0a) {
                const e = span(buf, p + 1, entryEnd);
                key = readKey(buf, next, e);
                p = e;
            } else if (t === 0x12) {
                const e = span(buf, p + 1, entryEnd);
                value = decodeValue(buf, next, e, special);
                p = e;
            } else {
                const tt = varint(buf, p, entryEnd);
                p = skipField(buf, next, entryEnd, tt & 7);
            }
        }
        if (value === NO_VALUE) unexpectedStructType();
        const n = keys.length;
        if (n > 0 && key <= keys[n - 1]) {
            ordered = false;
            if (key === keys[n - 1]) unique = false;
        }
        if (special && (key === SIGNATURE_KEY ? value : key === "__proto__")) flagged = true;
        keys.push(key);
        values.push(value);
    }
    if (flagged && !root) return special!(decodeStruct(buf, start, end));
    const out: Record<string, unknown> = {};
    if (ordered && unique) {
        for (let i = 0; i < keys.length; i++) {
            const key = keys[i];
            // toJavaScript's `ret["__proto__"] = v` makes no own key: the SDK's copy has none.
            if (special && key === "__proto__") continue;
            out[key] = values[i];
        }
        return out;
    }
    // google-protobuf's map iterates its keys sorted; a repeated key keeps its last value.
    const last = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) last.set(keys[i], i);
    for (const key of [...last.keys()].sort()) {
        if (special && key === "__proto__") continue;
        out[key] = values[last.get(key)!];
    }
    return out;
}

const NO_VALUE: unknown = Symbol("no value");

/** `Value.toJavaScript()` of the Value message in buf[start, end) (with `special`: as decodeProperties). */
export function decodeValue(buf: Uint8Array, start: number, end: number, special?: SpecialObject): unknown {
    let value: unknown = NO_VALUE;
    let p = start;
    while (p < end) {
        const tag = buf[p];
        switch (tag) {
            case 0x1a: { // string_value
                const e = span(buf, p + 1, end);
                value = readString(buf, next, e);
                p = e;
                break;
            }
            case 0x11: // number_value
                value = readDouble(buf, p + 1, end);
                p += 9;
                break;
            case 0x20: // bool_value
                value = varint(buf, p + 1, end) !== 0;
                p = next;
                break;
            case 0x08: // null_value
                varint(buf, p + 1, end);
                value = null;
                p = next;
                break;
            case 0x2a: { // struct_value
                const e = span(buf, p + 1, end);
                value = decodeObject(buf, next, e, special, false);
                p = e;
                break;
            }
            case 0x32: { // list_value
                const e = span(buf, p + 1, end);
                value = decodeList(buf, next, e, special);
                p = e;
                break;
            }
            default: {
                const t = varint(buf, p, end);
                p = skipField(buf, next, end, t & 7);
            }
        }
    }
    return value === NO_VALUE ? unexpectedStructType() : value;
}

function decodeList(buf: Uint8Array, start: number, end: number, special: SpecialObject | undefined): unknown[] {
    const out: unknown[] = [];
    let p = start;
    while (p < end) {
        if (buf[p] !== 0x0a) {
            const t = varint(buf, p, end);
            p = skipField(buf, next, end, t & 7);
            continue;
        }
        const e = span(buf, p + 1, end);
        out.push(decodeValue(buf, next, e, special));
        p = e;
    }
    return out;
}

// ---------------------------------------------------------------- writing

/**
 * Writes a message back to front, so that each length-delimited field's length is known
 * when its prefix is written: no size pass, no copies. Call the writes in reverse field
 * order; `finish()` returns the bytes.
 */
export class Writer {
    private buf: Buffer;
    /** Start of what is written so far; it ends at the end of `buf`. */
    private pos: number;

    constructor(initialSize = 4096) {
        this.buf = Buffer.allocUnsafe(initialSize);
        this.pos = initialSize;
    }

    /** Bytes written so far; take a mark before a field's payload, then `lengthPrefix(tag, mark)`. */
    get length(): number {
        return this.buf.length - this.pos;
    }

    /** Starts over, keeping the buffer (one writer serves many messages). */
    reset(): void {
        this.pos = this.buf.length;
    }

    /** A copy of what was written: the writer can be reset and reused. */
    copy(): Buffer {
        return Buffer.from(this.buf.subarray(this.pos));
    }

    private room(n: number): void {
        if (this.pos >= n) return;
        const used = this.buf.length - this.pos;
        let size = this.buf.length * 2;
        while (size - used < n) size *= 2;
        const next = Buffer.allocUnsafe(size);
        this.buf.copy(next, size - used, this.pos);
        this.buf = next;
        this.pos = size - used;
    }

    byte(b: number): void {
        this.room(1);
        this.buf[--this.pos] = b;
    }

    varint(v: number): void {
        if (v < 0x80) {
            this.room(1);
            this.buf[--this.pos] = v;
            return;
        }
        let n = 0;
        for (let x = v; x >= 0x80; x = Math.floor(x / 128)) n++;
        this.room(n + 1);
        let p = this.pos - n - 1;
        this.pos = p;
        let x = v;
        while (x >= 0x80) {
            this.buf[p++] = (x % 128) | 0x80;
            x = Math.floor(x / 128);
        }
        this.buf[p] = x;
    }

    /** A length-delimited field whose payload is what was written since `mark` (a `length`). */
    lengthPrefix(tag: number, mark: number): void {
        this.varint(this.length - mark);
        this.varint(tag);
    }

    double(tag: number, v: number): void {
        this.room(9);
        this.pos -= 8;
        this.buf.writeDoubleLE(v, this.pos);
        this.buf[--this.pos] = tag;
    }

    /** A string field (tag, length, UTF-8). */
    string(tag: number, s: string): void {
        const n = s.length;
        if (n <= 16) {
            // Short ASCII by hand: cheaper than a call into Buffer.
            let ascii = true;
            for (let i = 0; i < n; i++) {
                if (s.charCodeAt(i) >= 0x80) { ascii = false; break; }
            }
            if (ascii) {
                this.room(n + 2);
                let p = this.pos - n;
                this.pos = p;
                for (let i = 0; i < n; i++) this.buf[p++] = s.charCodeAt(i);
                this.varint(n);
                this.varint(tag);
                return;
            }
        }
        const len = Buffer.byteLength(s, "utf8");
        if (len === n) {
            this.room(n);
            this.pos -= n;
            (this.buf as unknown as NodeBuffer).latin1Write(s, this.pos, n);
        } else if ((s as { isWellFormed?(): boolean }).isWellFormed?.() !== false) {
            this.room(len);
            this.pos -= len;
            this.buf.write(s, this.pos, len, "utf8");
        } else {
            const bytes = illFormedUtf8(s);
            this.raw(bytes);
            this.varint(bytes.length);
            this.varint(tag);
            return;
        }
        this.varint(len);
        this.varint(tag);
    }

    /** Raw bytes, written as they are (an already encoded field or message). */
    raw(bytes: Uint8Array): void {
        this.room(bytes.length);
        this.pos -= bytes.length;
        this.buf.set(bytes, this.pos);
    }

    finish(): Buffer {
        return this.buf.subarray(this.pos);
    }
}

/**
 * google-protobuf's encoding of a string with unpaired surrogates (BinaryEncoder.writeString):
 * a lone surrogate as three bytes, and a high surrogate followed by anything but a low one
 * dropped. Buffer would write U+FFFD instead, and the pack would see another string.
 */
function illFormedUtf8(s: string): Uint8Array {
    const out: number[] = [];
    for (let c = 0; c < s.length; c++) {
        let d = s.charCodeAt(c);
        if (d < 128) out.push(d);
        else if (d < 2048) out.push((d >> 6) | 192, (d & 63) | 128);
        else if (d >= 0xd800 && d <= 0xdbff && c + 1 < s.length) {
            const f = s.charCodeAt(c + 1);
            if (f >= 0xdc00 && f <= 0xdfff) {
                d = 1024 * (d - 0xd800) + f - 0xdc00 + 65536;
                out.push((d >> 18) | 240, ((d >> 12) & 63) | 128, ((d >> 6) & 63) | 128, (d & 63) | 128);
                c++;
            }
        } else out.push((d >> 12) | 224, ((d >> 6) & 63) | 128, (d & 63) | 128);
    }
    return Uint8Array.from(out);
}

const STRUCT_TYPE_ERROR = "Unexpected struct type.";

/**
 * The fields of a `Struct` for `obj`, as `Struct.fromJavaScript(obj)` would build them
 * (enumerable keys, `for...in`). With `skipInternalKeys`, keys starting with `__` are left
 * out at every depth, as the engine marshals properties for Analyze and AnalyzeStack.
 * Returns whether `obj` holds such a key at any depth (written or left out).
 */
export function writeStructFields(w: Writer, obj: object, skipInternalKeys: boolean): boolean {
    const keys: string[] = [];
    for (const k in obj) keys.push(k);
    let internal = false;
    for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (key.charCodeAt(0) === 0x5f && key.charCodeAt(1) === 0x5f) {
            internal = true;
            if (skipInternalKeys) continue;
        }
        if (writeStructEntry(w, key, (obj as Record<string, unknown>)[key], skipInternalKeys)) internal = true;
    }
    return internal;
}

/** One field of a Struct (a map entry: key and Value). Returns whether an internal key sits in the value. */
export function writeStructEntry(w: Writer, key: string, value: unknown, skipInternalKeys: boolean): boolean {
    const entry = w.length;
    const internal = writeValue(w, value, skipInternalKeys);
    w.lengthPrefix(0x12, entry);
    w.string(0x0a, key);
    w.lengthPrefix(0x0a, entry);
    return internal;
}

/** What a resource's properties hold of `__` keys: none, only at the top level (their names), or deeper. */
export type InternalKeys = { top: string[]; deeper: boolean };

/**
 * writeStructFields for a resource's properties, leaving out `__` keys at every depth (as
 * for Analyze), and saying where such keys were: a Remediate request, which keeps them,
 * can then add the top-level ones to these bytes instead of encoding everything again.
 */
export function writePropertiesWithoutInternalKeys(w: Writer, obj: object): InternalKeys {
    const keys: string[] = [];
    for (const k in obj) keys.push(k);
    const found: InternalKeys = { top: [], deeper: false };
    for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (key.charCodeAt(0) === 0x5f && key.charCodeAt(1) === 0x5f) {
            found.top.unshift(key);
            continue;
        }
        if (writeStructEntry(w, key, (obj as Record<string, unknown>)[key], true)) found.deeper = true;
    }
    return found;
}

/** The fields of a `Value` message for `v` (its kind). Returns whether an internal key sits below it. */
function writeValue(w: Writer, v: unknown, skipInternalKeys: boolean): boolean {
    switch (typeof v) {
        case "string": w.string(0x1a, v); return false;
        case "number": w.double(0x11, v); return false;
        case "boolean": w.byte(v ? 1 : 0); w.byte(0x20); return false;
        case "object": {
            if (v === null) { w.byte(0); w.byte(0x08); return false; }
            const mark = w.length;
            if (Array.isArray(v)) {
                let internal = false;
                for (let i = v.length - 1; i >= 0; i--) {
                    const element = w.length;
                    if (writeValue(w, v[i], skipInternalKeys)) internal = true;
                    w.lengthPrefix(0x0a, element);
                }
                w.lengthPrefix(0x32, mark);
                return internal;
            }
            const internal = writeStructFields(w, v, skipInternalKeys);
            w.lengthPrefix(0x2a, mark);
            return internal;
        }
        default:
            throw new Error(STRUCT_TYPE_ERROR);
    }
}
