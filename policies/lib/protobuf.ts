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

/** A cursor over a message's bytes. */
export class Reader {
    pos: number;
    constructor(readonly buf: Uint8Array, start = 0, readonly end = buf.length) {
        this.pos = start;
    }

    varint(): number {
        const buf = this.buf;
        let b = buf[this.pos++];
        if (b < 0x80) return b;
        let value = b & 0x7f;
        let shift = 7;
        // Up to 10 bytes; lengths and tags fit in 2^53, so plain arithmetic is exact enough.
        for (let i = 1; i < 10; i++) {
            if (this.pos >= this.end) throw new WireError("truncated varint");
            b = buf[this.pos++];
            value += (b & 0x7f) * 2 ** shift;
            if (b < 0x80) return value;
            shift += 7;
        }
        throw new WireError("varint longer than 10 bytes");
    }

    /** The bounds of a length-delimited field's payload; the cursor moves past it. */
    span(): number {
        const len = this.varint();
        const start = this.pos;
        if (len > this.end - start) throw new WireError("field extends past the message");
        this.pos = start + len;
        return start;
    }

    double(): number {
        if (this.pos + 8 > this.end) throw new WireError("truncated double");
        const b = this.buf;
        const view = new DataView(b.buffer, b.byteOffset + this.pos, 8);
        this.pos += 8;
        return view.getFloat64(0, true);
    }

    skip(wireType: number): void {
        switch (wireType) {
            case WIRE_VARINT: this.varint(); break;
            case WIRE_FIXED64: this.pos += 8; break;
            case WIRE_LEN: this.span(); break;
            case WIRE_FIXED32: this.pos += 4; break;
            default: throw new WireError(`unsupported wire type ${wireType}`);
        }
        if (this.pos > this.end) throw new WireError("field extends past the message");
    }
}

const utf8 = new TextDecoder("utf-8");

/** UTF-8 text of buf[start, end), as google-protobuf decodes it (invalid sequences become U+FFFD). */
export function readString(buf: Uint8Array, start: number, end: number): string {
    // Short ASCII (most keys and values) is faster by hand than through the decoder.
    if (end - start <= 24) {
        let s = "";
        for (let i = start; i < end; i++) {
            const c = buf[i];
            if (c >= 0x80) return utf8.decode(buf.subarray(start, end));
            s += String.fromCharCode(c);
        }
        return s;
    }
    return utf8.decode(buf.subarray(start, end));
}

/** What a `Value` with no kind set, or a map entry without a value, decodes to in google-protobuf: an error. */
function unexpected(): never {
    throw new Error("Unexpected struct type");
}

/** `Struct.deserializeBinary(buf[start, end)).toJavaScript()`, without the message objects. */
export function decodeStruct(buf: Uint8Array, start = 0, end = buf.length): Record<string, unknown> {
    const r = new Reader(buf, start, end);
    const keys: string[] = [];
    const values: unknown[] = [];
    let ordered = true;
    let unique = true;
    while (r.pos < end) {
        const tag = r.varint();
        if (tag !== 0x0a) { r.skip(tag & 7); continue; }
        const entryStart = r.span();
        const entryEnd = r.pos;
        const e = new Reader(buf, entryStart, entryEnd);
        let key = "";
        let value: unknown = unexpected;
        while (e.pos < entryEnd) {
            const t = e.varint();
            if (t === 0x0a) {
                const s = e.span();
                key = readString(buf, s, e.pos);
            } else if (t === 0x12) {
                const s = e.span();
                value = decodeValue(buf, s, e.pos);
            } else e.skip(t & 7);
        }
        if (keys.length > 0) {
            const previous = keys[keys.length - 1];
            if (key <= previous) {
                ordered = false;
                if (key === previous) unique = false;
            }
        }
        keys.push(key);
        values.push(value);
    }
    return buildObject(keys, values, ordered, unique);
}

/** Google-protobuf's map iterates its keys sorted; a repeated key keeps its last value. */
function buildObject(keys: string[], values: unknown[], ordered: boolean, unique: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (ordered && unique) {
        for (let i = 0; i < keys.length; i++) out[keys[i]] = materialize(values[i]);
        return out;
    }
    const byKey = new Map<string, unknown>();
    for (let i = 0; i < keys.length; i++) byKey.set(keys[i], values[i]);
    for (const key of [...byKey.keys()].sort()) out[key] = materialize(byKey.get(key));
    return out;
}

// A missing value only fails when the object is built, as google-protobuf fails in toJavaScript.
function materialize(value: unknown): unknown {
    return value === unexpected ? unexpected() : value;
}

/** `Value.toJavaScript()` of the Value message in buf[start, end). */
export function decodeValue(buf: Uint8Array, start: number, end: number): unknown {
    // The common case: one field, the kind.
    let kind = 0;
    let value: unknown;
    let pos = start;
    while (pos < end) {
        const tag = buf[pos];
        if (tag === 0x1a && pos + 1 < end && buf[pos + 1] < 0x80) {
            // string_value with a one-byte length
            const len = buf[pos + 1];
            const s = pos + 2;
            if (s + len > end) throw new WireError("field extends past the message");
            value = readString(buf, s, s + len);
            kind = 3;
            pos = s + len;
            continue;
        }
        const r = new Reader(buf, pos, end);
        const t = r.varint();
        switch (t) {
            case 0x08: r.varint(); value = null; kind = 1; break; // null_value
            case 0x11: value = r.double(); kind = 2; break; // number_value
            case 0x1a: { const s = r.span(); value = readString(buf, s, r.pos); kind = 3; break; }
            case 0x20: value = r.varint() !== 0; kind = 4; break; // bool_value
            case 0x2a: { const s = r.span(); value = decodeStruct(buf, s, r.pos); kind = 5; break; }
            case 0x32: { const s = r.span(); value = decodeList(buf, s, r.pos); kind = 6; break; }
            default: r.skip(t & 7);
        }
        pos = r.pos;
    }
    if (kind === 0) return unexpected;
    return value;
}

function decodeList(buf: Uint8Array, start: number, end: number): unknown[] {
    const out: unknown[] = [];
    const r = new Reader(buf, start, end);
    while (r.pos < end) {
        const tag = r.varint();
        if (tag !== 0x0a) { r.skip(tag & 7); continue; }
        const s = r.span();
        out.push(materialize(decodeValue(buf, s, r.pos)));
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
        let ascii = n < 64;
        if (ascii) {
            for (let i = 0; i < n; i++) {
                if (s.charCodeAt(i) >= 0x80) { ascii = false; break; }
            }
        }
        let len = n;
        if (ascii) {
            this.room(n);
            let p = this.pos - n;
            this.pos = p;
            for (let i = 0; i < n; i++) this.buf[p++] = s.charCodeAt(i);
        } else {
            len = Buffer.byteLength(s, "utf8");
            this.room(len);
            this.pos -= len;
            this.buf.write(s, this.pos, len, "utf8");
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
        const entry = w.length;
        if (writeValue(w, (obj as Record<string, unknown>)[key], skipInternalKeys)) internal = true;
        w.lengthPrefix(0x12, entry);
        w.string(0x0a, key);
        w.lengthPrefix(0x0a, entry);
    }
    return internal;
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
