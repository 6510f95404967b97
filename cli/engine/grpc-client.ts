// A unary gRPC client, as the Pulumi CLI's Go client speaks to a policy pack: HTTP/2 (RFC
// 9113) over one TCP connection, POST /<service>/<method> with `content-type:
// application/grpc`, a length-prefixed message each way, the status in the trailers, many
// calls in flight at once.
//
// Why not @grpc/grpc-js or node:http2: per call, their client layers (interceptors, channel
// and call objects, one Duplex stream per call) cost ~100–120 µs of CPU, as much as the
// pack's whole server side of a small call; a `check` of 10,000 resources makes 20,000
// calls. Here a call is prebuilt header bytes plus the message, written together with the
// other calls that are ready (see `write`), and responses are parsed straight from the
// socket: a few µs. HPACK (RFC 7541) is decoded in full, with its dynamic table and Huffman
// code, since the pack's server compresses its headers; our own headers are sent as
// literals, never indexed. test/grpc-client.test.ts checks it against node's HTTP/2 server
// and the pack.
import * as net from "net";

/** A call that ended with a gRPC status other than OK, shaped like @grpc/grpc-js's errors. */
export class GrpcStatusError extends Error {
    constructor(readonly code: number, readonly details: string) {
        super(`${code} ${STATUS_NAMES[code] ?? "UNKNOWN"}: ${details}`);
    }
}

/** No answer within the deadline; the call is cancelled. */
export class GrpcDeadlineError extends Error {}

export const GRPC_STATUS = { OK: 0, CANCELLED: 1, DEADLINE_EXCEEDED: 4, RESOURCE_EXHAUSTED: 8, UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14 } as const;

const STATUS_NAMES = [
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
    "UNAUTHENTICATED",
];

// Frame types and flags (RFC 9113 section 6).
const DATA = 0x0, HEADERS = 0x1, RST_STREAM = 0x3, SETTINGS = 0x4, PUSH_PROMISE = 0x5, PING = 0x6, GOAWAY = 0x7, WINDOW_UPDATE = 0x8, CONTINUATION = 0x9;
const END_STREAM = 0x1, ACK = 0x1, END_HEADERS = 0x4, PADDED = 0x8, PRIORITY = 0x20;
const SETTINGS_HEADER_TABLE_SIZE = 0x1, SETTINGS_ENABLE_PUSH = 0x2, SETTINGS_MAX_CONCURRENT_STREAMS = 0x3, SETTINGS_INITIAL_WINDOW_SIZE = 0x4, SETTINGS_MAX_FRAME_SIZE = 0x5;
const CANCEL = 0x8;

const EMPTY = Buffer.alloc(0);
const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");
const DEFAULT_WINDOW = 65535;
const MAX_WINDOW = 0x7fffffff;
/** What we let the pack send in one frame (the largest HTTP/2 allows): fewer frames for large answers. */
const OUR_MAX_FRAME = 0xffffff;
/** Parts of a request up to this size are copied together with their frame header; larger ones are written as they are. */
const SMALL_PART = 1024;
/** New requests are held back while the pack has more calls than this left to answer (see `write`). */
const HELD_UNTIL = 3;
/** Acknowledge received data (WINDOW_UPDATE) in steps this large. */
const WINDOW_STEP = 1 << 28;

interface Call {
    id: number;
    path: string;
    /** The request: gRPC's 5-byte prefix and the message, as chunks; what is left to send. */
    chunks: Uint8Array[];
    chunk: number;
    offset: number;
    left: number;
    sendWindow: number;
    headers?: Map<string, string>;
    received: Buffer[];
    receivedBytes: number;
    resolve(value: Buffer): void;
    reject(error: Error): void;
    /** When the call is cancelled without an answer (Date.now() time), and how that is said. */
    deadline: number;
    timeoutMs: number;
}

export class UnaryClient {
    private readonly socket: net.Socket;
    private nextId = 1;
    private readonly calls = new Map<number, Call>();
    /** Calls waiting for a stream slot or for flow-control window to send the rest of their request. */
    private readonly waiting: Call[] = [];
    private readonly blocked: Call[] = [];
    private sendWindow = DEFAULT_WINDOW;
    private peerInitialWindow = DEFAULT_WINDOW;
    private peerMaxFrame = 16384;
    private peerMaxStreams = Infinity;
    private unacknowledged = 0;
    private readonly hpack = new HpackDecoder();
    /** A header block spread over HEADERS and CONTINUATION frames. */
    private block: { id: number; endStream: boolean; fragments: Buffer[] } | undefined;
    private readonly input: Buffer[] = [];
    private inputBytes = 0;
    /** Why no new call can start (the connection failed, was closed, or the pack said GOAWAY). */
    private failure: Error | undefined;
    private failed = false;
    /** Bytes written and not yet handed to the socket; `held` of them are whole requests kept back (see `flush`). */
    private readonly outbox: Uint8Array[] = [];
    private held = 0;
    private flushQueued = false;
    private flushNow = false;
    private readonly headerBlocks = new Map<string, Buffer>();
    private deadlineTimer: NodeJS.Timeout | undefined;
    private timerDue = 0;

    constructor(private readonly host: string, private readonly port: number, private readonly maxResponseBytes: number) {
        this.socket = net.connect({ host, port });
        this.socket.setNoDelay(true);
        this.socket.on("data", (d: Buffer) => this.receive(d));
        this.socket.on("error", (e) => this.fail(new GrpcStatusError(GRPC_STATUS.UNAVAILABLE, `connection to the policy pack failed: ${e.message}`)));
        this.socket.on("close", () => this.fail(new GrpcStatusError(GRPC_STATUS.UNAVAILABLE, "the policy pack closed the connection")));
        const settings = frame(SETTINGS, 0, 0, settingsPayload([
            [SETTINGS_ENABLE_PUSH, 0],
            [SETTINGS_INITIAL_WINDOW_SIZE, MAX_WINDOW],
            [SETTINGS_MAX_FRAME_SIZE, OUR_MAX_FRAME],
        ]));
        this.write(Buffer.concat([PREFACE, settings, windowUpdate(0, MAX_WINDOW - DEFAULT_WINDOW)]));
    }

    /** Sends `chunks` (together: one serialized request message) and resolves with the response message. */
    call(path: string, chunks: readonly Uint8Array[], timeoutMs: number): Promise<Buffer> {
        if (this.failure) return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            let length = 0;
            for (const c of chunks) length += c.length;
            const prefix = Buffer.allocUnsafe(5);
            prefix[0] = 0; // not compressed
            prefix.writeUInt32BE(length, 1);
            const call: Call = {
                id: 0, path, chunks: [prefix, ...chunks], chunk: 0, offset: 0, left: length + 5, sendWindow: 0, received: [], receivedBytes: 0, resolve, reject,
                deadline: Date.now() + timeoutMs, timeoutMs,
            };
            this.start(call);
            this.watchDeadline(call.deadline);
        });
    }

    close(): void {
        this.fail(new GrpcStatusError(GRPC_STATUS.UNAVAILABLE, "the connection was closed"));
        if (!this.socket.destroyed) {
            this.socket.end(frame(GOAWAY, 0, 0, Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])));
        }
    }

    // ------------------------------------------------------------ sending

    private start(call: Call): void {
        if (this.calls.size >= this.peerMaxStreams) {
            this.waiting.push(call);
            return;
        }
        call.id = this.nextId;
        this.nextId += 2;
        call.sendWindow = this.peerInitialWindow;
        this.calls.set(call.id, call);
        this.write(frame(HEADERS, END_HEADERS, call.id, this.headerBlock(call.path)), true);
        this.sendData(call, true);
        // A request only part sent waits for the pack's WINDOW_UPDATE, which needs the part sent now.
        if (call.left === 0) this.held++;
        else this.flushNow = true;
    }

    /** Sends as much of the request as the flow-control windows allow. */
    private sendData(call: Call, hold = false): void {
        while (call.left > 0) {
            const room = Math.min(this.sendWindow, call.sendWindow, this.peerMaxFrame, call.left);
            if (room <= 0) {
                if (!this.blocked.includes(call)) this.blocked.push(call);
                return;
            }
            const parts: Uint8Array[] = [];
            let need = room;
            while (need > 0) {
                const c = call.chunks[call.chunk];
                const n = Math.min(need, c.length - call.offset);
                parts.push(n === c.length ? c : c.subarray(call.offset, call.offset + n));
                call.offset += n;
                need -= n;
                if (call.offset === c.length) {
                    call.chunk++;
                    call.offset = 0;
                }
            }
            call.left -= room;
            this.sendWindow -= room;
            call.sendWindow -= room;
            const header = frameHeader(room, DATA, call.left === 0 ? END_STREAM : 0, call.id);
            // The frame header goes with the small parts in one buffer; large parts as they are (no copy).
            let small: Uint8Array[] = [header];
            for (const p of parts) {
                if (p.length <= SMALL_PART) {
                    small.push(p);
                    continue;
                }
                this.write(small.length === 1 ? small[0] : Buffer.concat(small), hold);
                small = [];
                this.write(p, hold);
            }
            if (small.length) this.write(small.length === 1 ? small[0] : Buffer.concat(small), hold);
        }
        call.chunks = [];
    }

    /**
     * Queues bytes for the socket. Control frames and the rest of a request leave at the end of
     * this turn of the event loop; a new request may be held back (`hold`) while the pack still
     * has more than HELD_UNTIL calls to answer, so that requests leave together: one system call
     * on each side for several calls, not one per call, and the pack is never left idle.
     */
    private write(bytes: Uint8Array, hold = false): void {
        if (this.socket.destroyed) return;
        this.outbox.push(bytes);
        if (!hold) this.flushNow = true;
        this.queueFlush();
    }

    private queueFlush(): void {
        if (this.flushQueued) return;
        this.flushQueued = true;
        process.nextTick(() => this.flush());
    }

    private flush(): void {
        this.flushQueued = false;
        if (this.outbox.length === 0 || this.socket.destroyed) return;
        if (!this.flushNow && this.calls.size - this.held > HELD_UNTIL) return;
        this.flushNow = false;
        this.held = 0;
        const out = this.outbox.splice(0);
        this.socket.cork();
        for (const b of out) this.socket.write(b);
        this.socket.uncork();
    }

    private headerBlock(path: string): Buffer {
        let block = this.headerBlocks.get(path);
        if (!block) {
            // :method POST and :scheme http from the static table; the rest as literals never added to it.
            block = Buffer.concat([
                Buffer.from([0x80 | 3, 0x80 | 6]),
                literal(4, path), // :path
                literal(1, `${this.host}:${this.port}`), // :authority
                literal(31, "application/grpc"), // content-type
                literal("te", "trailers"),
            ]);
            this.headerBlocks.set(path, block);
        }
        return block;
    }

    private cancel(call: Call, error: Error): void {
        if (!this.calls.delete(call.id)) {
            const at = this.waiting.indexOf(call);
            if (at >= 0) this.waiting.splice(at, 1);
        } else this.write(frame(RST_STREAM, 0, call.id, u32(CANCEL)));
        this.settle(call, error);
    }

    /**
     * One timer for every call's deadline, not one per call (set and cleared 20,000 times in a
     * check of 10,000 resources): armed for the earliest deadline, it cancels the calls past theirs.
     */
    private watchDeadline(deadline: number): void {
        if (this.deadlineTimer && this.timerDue <= deadline) return;
        if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
        this.timerDue = deadline;
        this.deadlineTimer = setTimeout(() => this.expire(), Math.max(0, deadline - Date.now()));
    }

    private expire(): void {
        this.deadlineTimer = undefined;
        const now = Date.now();
        let next = Infinity;
        for (const call of [...this.calls.values(), ...this.waiting]) {
            if (call.deadline <= now) this.cancel(call, new GrpcDeadlineError(`no answer within ${call.timeoutMs} ms`));
            else next = Math.min(next, call.deadline);
        }
        if (next !== Infinity) this.watchDeadline(next);
    }

    private settle(call: Call, error: Error | undefined, value?: Buffer): void {
        const at = this.blocked.indexOf(call);
        if (at >= 0) this.blocked.splice(at, 1);
        if (error) call.reject(error);
        else call.resolve(value!);
        if (this.held > 0) this.queueFlush();
        while (this.waiting.length > 0 && this.calls.size < this.peerMaxStreams) this.start(this.waiting.shift()!);
        if (this.calls.size === 0 && this.waiting.length === 0 && this.deadlineTimer) {
            // Nothing left to time: the timer must not keep the process alive.
            clearTimeout(this.deadlineTimer);
            this.deadlineTimer = undefined;
        }
    }

    private fail(error: Error): void {
        if (this.failed) return;
        this.failed = true;
        this.failure ??= error;
        const calls = [...this.calls.values(), ...this.waiting];
        this.calls.clear();
        this.waiting.length = 0;
        for (const call of calls) this.settle(call, this.failure);
        if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
        this.deadlineTimer = undefined;
        this.socket.destroy();
    }

    // ------------------------------------------------------------ receiving

    private receive(data: Buffer): void {
        this.input.push(data);
        this.inputBytes += data.length;
        try {
            while (this.inputBytes >= 9) {
                const head = this.peek(9);
                const length = head.readUIntBE(0, 3);
                if (this.inputBytes < 9 + length) return;
                this.take(9);
                const payload = this.take(length);
                this.onFrame(head[3], head[4], head.readUInt32BE(5) & 0x7fffffff, payload);
            }
        } catch (e) {
            this.fail(new GrpcStatusError(GRPC_STATUS.INTERNAL, `malformed HTTP/2 from the policy pack: ${(e as Error).message}`));
        }
    }

    private peek(n: number): Buffer {
        if (this.input[0].length < n) this.input.splice(0, this.input.length, Buffer.concat(this.input));
        return this.input[0].subarray(0, n);
    }

    private take(n: number): Buffer {
        if (n === 0) return EMPTY;
        this.inputBytes -= n;
        const first = this.input[0];
        if (first.length >= n) {
            if (first.length === n) this.input.shift();
            else this.input[0] = first.subarray(n);
            return first.subarray(0, n);
        }
        const out = Buffer.allocUnsafe(n);
        let at = 0;
        while (at < n) {
            const c = this.input[0];
            const k = Math.min(c.length, n - at);
            c.copy(out, at, 0, k);
            at += k;
            if (k === c.length) this.input.shift();
            else this.input[0] = c.subarray(k);
        }
        return out;
    }

    private onFrame(type: number, flags: number, id: number, payload: Buffer): void {
        if (this.block && type !== CONTINUATION) throw new Error("a header block was interrupted");
        switch (type) {
            case DATA: {
                this.unacknowledged += payload.length;
                if (this.unacknowledged >= WINDOW_STEP) {
                    this.write(windowUpdate(0, this.unacknowledged));
                    this.unacknowledged = 0;
                }
                const call = this.calls.get(id);
                if (!call) return;
                const body = flags & PADDED ? payload.subarray(1, payload.length - payload[0]) : payload;
                call.receivedBytes += body.length;
                if (call.receivedBytes > this.maxResponseBytes + 5) {
                    this.cancel(call, new GrpcStatusError(GRPC_STATUS.RESOURCE_EXHAUSTED, `response larger than ${this.maxResponseBytes} bytes`));
                    return;
                }
                call.received.push(body);
                if (flags & END_STREAM) this.complete(call);
                return;
            }
            case HEADERS: {
                let fragment = payload;
                if (flags & PADDED) fragment = fragment.subarray(1, fragment.length - fragment[0]);
                if (flags & PRIORITY) fragment = fragment.subarray(5);
                this.block = { id, endStream: (flags & END_STREAM) !== 0, fragments: [fragment] };
                if (flags & END_HEADERS) this.endBlock();
                return;
            }
            case CONTINUATION:
                if (!this.block || this.block.id !== id) throw new Error("unexpected CONTINUATION");
                this.block.fragments.push(payload);
                if (flags & END_HEADERS) this.endBlock();
                return;
            case RST_STREAM: {
                const call = this.calls.get(id);
                if (!call) return;
                this.calls.delete(id);
                this.settle(call, new GrpcStatusError(GRPC_STATUS.UNAVAILABLE, `the policy pack reset the call (HTTP/2 error ${payload.readUInt32BE(0)})`));
                return;
            }
            case SETTINGS:
                if (flags & ACK) return;
                for (let i = 0; i + 6 <= payload.length; i += 6) this.setting(payload.readUInt16BE(i), payload.readUInt32BE(i + 2));
                this.write(frame(SETTINGS, ACK, 0, Buffer.alloc(0)));
                this.unblock();
                return;
            case PING:
                if (!(flags & ACK)) this.write(frame(PING, ACK, 0, payload));
                return;
            case GOAWAY: {
                const last = payload.readUInt32BE(0) & 0x7fffffff;
                const error = new GrpcStatusError(GRPC_STATUS.UNAVAILABLE, "the policy pack closed the connection");
                for (const call of [...this.calls.values()]) {
                    if (call.id > last) {
                        this.calls.delete(call.id);
                        this.settle(call, error);
                    }
                }
                this.failure ??= error;
                return;
            }
            case WINDOW_UPDATE: {
                const increment = payload.readUInt32BE(0) & 0x7fffffff;
                if (id === 0) this.sendWindow += increment;
                else {
                    const call = this.calls.get(id);
                    if (call) call.sendWindow += increment;
                }
                this.unblock();
                return;
            }
            case PUSH_PROMISE:
                throw new Error("server push, which we disabled");
            default:
                return; // unknown frame types are ignored (RFC 9113 section 4.1)
        }
    }

    private setting(key: number, value: number): void {
        if (key === SETTINGS_MAX_CONCURRENT_STREAMS) this.peerMaxStreams = value;
        else if (key === SETTINGS_MAX_FRAME_SIZE) this.peerMaxFrame = value;
        else if (key === SETTINGS_INITIAL_WINDOW_SIZE) {
            const delta = value - this.peerInitialWindow;
            this.peerInitialWindow = value;
            for (const call of this.calls.values()) call.sendWindow += delta;
        }
        // SETTINGS_HEADER_TABLE_SIZE bounds the pack's decoder table, which our literals never use.
        void SETTINGS_HEADER_TABLE_SIZE;
    }

    private unblock(): void {
        const blocked = this.blocked.splice(0);
        for (const call of blocked) if (this.calls.has(call.id)) this.sendData(call);
    }

    private endBlock(): void {
        const { id, endStream, fragments } = this.block!;
        this.block = undefined;
        // Decoded whatever the stream: the decoder's table must see every block.
        const headers = this.hpack.decode(fragments.length === 1 ? fragments[0] : Buffer.concat(fragments));
        const call = this.calls.get(id);
        if (!call) return;
        if (!call.headers) call.headers = headers;
        else for (const [k, v] of headers) call.headers.set(k, v);
        if (endStream) this.complete(call);
    }

    private complete(call: Call): void {
        this.calls.delete(call.id);
        const h = call.headers ?? new Map<string, string>();
        const httpStatus = h.get(":status");
        const status = h.get("grpc-status");
        if (status === undefined) {
            const why = httpStatus !== undefined && httpStatus !== "200" ? `HTTP status ${httpStatus}` : "the policy pack ended the call without a status";
            return this.settle(call, new GrpcStatusError(GRPC_STATUS.INTERNAL, why));
        }
        if (Number(status) !== GRPC_STATUS.OK) return this.settle(call, new GrpcStatusError(Number(status), decodeMessage(h.get("grpc-message") ?? "")));
        const body = call.received.length === 1 ? call.received[0] : Buffer.concat(call.received);
        if (body.length < 5 || body[0] !== 0) return this.settle(call, new GrpcStatusError(GRPC_STATUS.INTERNAL, "malformed or compressed response"));
        const size = body.readUInt32BE(1);
        if (body.length < 5 + size) return this.settle(call, new GrpcStatusError(GRPC_STATUS.INTERNAL, "truncated response"));
        this.settle(call, undefined, body.subarray(5, 5 + size));
    }
}

// ---------------------------------------------------------------- frames

function frameHeader(length: number, type: number, flags: number, id: number): Buffer {
    const h = Buffer.allocUnsafe(9);
    h.writeUIntBE(length, 0, 3);
    h[3] = type;
    h[4] = flags;
    h.writeUInt32BE(id, 5);
    return h;
}

function frame(type: number, flags: number, id: number, payload: Uint8Array): Buffer {
    return Buffer.concat([frameHeader(payload.length, type, flags, id), payload]);
}

function u32(v: number): Buffer {
    const b = Buffer.allocUnsafe(4);
    b.writeUInt32BE(v, 0);
    return b;
}

function windowUpdate(id: number, increment: number): Buffer {
    return frame(WINDOW_UPDATE, 0, id, u32(increment));
}

function settingsPayload(settings: [number, number][]): Buffer {
    const b = Buffer.allocUnsafe(settings.length * 6);
    settings.forEach(([k, v], i) => {
        b.writeUInt16BE(k, i * 6);
        b.writeUInt32BE(v, i * 6 + 2);
    });
    return b;
}

/** grpc-message is percent-encoded. */
function decodeMessage(m: string): string {
    try {
        return decodeURIComponent(m);
    } catch {
        return m;
    }
}

// ---------------------------------------------------------------- HPACK (RFC 7541)

/** An HPACK integer with an N-bit prefix, the prefix's other bits set to `high`. */
export function hpackInteger(value: number, prefixBits: number, high: number): number[] {
    const max = (1 << prefixBits) - 1;
    if (value < max) return [high | value];
    const out = [high | max];
    let v = value - max;
    while (v >= 128) {
        out.push((v % 128) + 128);
        v = Math.floor(v / 128);
    }
    out.push(v);
    return out;
}

function octets(s: string): number[] {
    const bytes = [...Buffer.from(s, "latin1")];
    return [...hpackInteger(bytes.length, 7, 0), ...bytes];
}

/** A header field as a literal without indexing, with a static-table name or a literal one. */
function literal(name: number | string, value: string): Buffer {
    const head = typeof name === "number" ? hpackInteger(name, 4, 0) : [0, ...octets(name)];
    return Buffer.from([...head, ...octets(value)]);
}

const STATIC_TABLE: [string, string][] = [
    [":authority", ""], [":method", "GET"], [":method", "POST"], [":path", "/"], [":path", "/index.html"], [":scheme", "http"],
    [":scheme", "https"], [":status", "200"], [":status", "204"], [":status", "206"], [":status", "304"], [":status", "400"],
    [":status", "404"], [":status", "500"], ["accept-charset", ""], ["accept-encoding", "gzip, deflate"], ["accept-language", ""],
    ["accept-ranges", ""], ["accept", ""], ["access-control-allow-origin", ""], ["age", ""], ["allow", ""], ["authorization", ""],
    ["cache-control", ""], ["content-disposition", ""], ["content-encoding", ""], ["content-language", ""], ["content-length", ""],
    ["content-location", ""], ["content-range", ""], ["content-type", ""], ["cookie", ""], ["date", ""], ["etag", ""], ["expect", ""],
    ["expires", ""], ["from", ""], ["host", ""], ["if-match", ""], ["if-modified-since", ""], ["if-none-match", ""], ["if-range", ""],
    ["if-unmodified-since", ""], ["last-modified", ""], ["link", ""], ["location", ""], ["max-forwards", ""], ["proxy-authenticate", ""],
    ["proxy-authorization", ""], ["range", ""], ["referer", ""], ["refresh", ""], ["retry-after", ""], ["server", ""], ["set-cookie", ""],
    ["strict-transport-security", ""], ["transfer-encoding", ""], ["user-agent", ""], ["vary", ""], ["via", ""], ["www-authenticate", ""],
];

/** Decodes header blocks of one connection (the dynamic table lives across blocks). */
export class HpackDecoder {
    /** Newest first. */
    private readonly dynamic: [string, string][] = [];
    private size = 0;
    private maxSize = 4096;

    decode(block: Uint8Array): Map<string, string> {
        const headers = new Map<string, string>();
        let p = 0;
        const integer = (prefixBits: number): number => {
            const max = (1 << prefixBits) - 1;
            let v = block[p++] & max;
            if (v < max) return v;
            let scale = 1;
            for (;;) {
                if (p >= block.length) throw new Error("truncated HPACK integer");
                const b = block[p++];
                v += (b & 0x7f) * scale;
                scale *= 128;
                if (b < 0x80) return v;
                if (scale > 2 ** 42) throw new Error("HPACK integer too large");
            }
        };
        const string = (): string => {
            const huffman = (block[p] & 0x80) !== 0;
            const length = integer(7);
            if (p + length > block.length) throw new Error("truncated HPACK string");
            const bytes = block.subarray(p, p + length);
            p += length;
            return huffman ? huffmanDecode(bytes) : Buffer.from(bytes).toString("latin1");
        };
        const entry = (index: number): [string, string] => {
            if (index >= 1 && index <= STATIC_TABLE.length) return STATIC_TABLE[index - 1];
            const e = this.dynamic[index - STATIC_TABLE.length - 1];
            if (index === 0 || !e) throw new Error(`HPACK index ${index} out of range`);
            return e;
        };
        while (p < block.length) {
            const b = block[p];
            if (b & 0x80) {
                const [name, value] = entry(integer(7));
                headers.set(name, value);
            } else if (b & 0x40) {
                const index = integer(6);
                const name = index === 0 ? string() : entry(index)[0];
                const value = string();
                headers.set(name, value);
                this.add(name, value);
            } else if (b & 0x20) {
                const size = integer(5);
                if (size > 4096) throw new Error("HPACK table size above our limit");
                this.maxSize = size;
                this.evict(0);
            } else {
                const index = integer(4); // without indexing (0000) or never indexed (0001)
                const name = index === 0 ? string() : entry(index)[0];
                headers.set(name, string());
            }
        }
        return headers;
    }

    private add(name: string, value: string): void {
        const size = name.length + value.length + 32;
        this.evict(size);
        if (size > this.maxSize) return;
        this.dynamic.unshift([name, value]);
        this.size += size;
    }

    private evict(room: number): void {
        while (this.dynamic.length > 0 && this.size + room > this.maxSize) {
            const [name, value] = this.dynamic.pop()!;
            this.size -= name.length + value.length + 32;
        }
    }
}

// The Huffman code of RFC 7541 Appendix B is canonical: each symbol's code follows from the
// code lengths alone, listed here for symbols 0–256 ('a' = 5 bits, 'b' = 6, ...).
const HUFFMAN_LENGTHS =
    "isxxxxxxxtzxxzxxxxxxxxzxxxxxxxxxbffhibdgffdgdbbbaaabbbbbbbcdkbhfibccccccccccccccccccccccdcdioijbkabababbbaccbbbabcbaabccccckgjix" +
    "prpprrrsrssssststtrstssssqrsrsstrqprrssqsrrtqrssqqrqsrssprrrsrrsvvporsruvvvwwvtuoqvwwvwtqqvvxwwwptpqrqqsrruuttvsvwvvwwwwwxwwwwwvz";

/** Per code length: the first canonical code of that length, and the symbols of that length in order. */
const huffman = (() => {
    const lengths = [...HUFFMAN_LENGTHS].map((c) => c.charCodeAt(0) - 97 + 5);
    const order = lengths.map((_, s) => s).sort((a, b) => lengths[a] - lengths[b] || a - b);
    const first: number[] = [];
    const symbols: number[][] = [];
    let code = 0;
    let previous = lengths[order[0]];
    order.forEach((s, i) => {
        if (i > 0) code = (code + 1) * 2 ** (lengths[s] - previous);
        previous = lengths[s];
        if (symbols[previous] === undefined) {
            symbols[previous] = [];
            first[previous] = code;
        }
        symbols[previous].push(s);
    });
    return { first, symbols };
})();

export function huffmanDecode(bytes: Uint8Array): string {
    const out: number[] = [];
    let code = 0;
    let length = 0;
    for (const byte of bytes) {
        for (let bit = 7; bit >= 0; bit--) {
            code = code * 2 + ((byte >> bit) & 1);
            length++;
            const list = huffman.symbols[length];
            if (list !== undefined) {
                const at = code - huffman.first[length];
                if (at >= 0 && at < list.length) {
                    if (list[at] === 256) throw new Error("EOS in a Huffman-coded string");
                    out.push(list[at]);
                    code = 0;
                    length = 0;
                }
            }
            if (length > 30) throw new Error("invalid Huffman code");
        }
    }
    // What is left is padding: at most 7 bits, all ones (a prefix of EOS).
    if (length > 7 || code !== 2 ** length - 1) throw new Error("invalid Huffman padding");
    return Buffer.from(out).toString("latin1");
}
