// A unary gRPC client over Node's HTTP/2, as the Pulumi CLI's Go client speaks to a policy
// pack: POST /<service>/<method>, `content-type: application/grpc`, a length-prefixed
// message each way, the status in the trailers. @grpc/grpc-js's client spends several times
// the pack's own CPU per call on its interceptor and channel layers (profiled: a 10,000-
// resource `check` ran its harness at 1.4× the pack's CPU), and copies each request once
// more to frame it; this one writes the frame header and the request's chunks as they are,
// and many calls share one connection concurrently, as the engine's do.
import * as http2 from "http2";

/** A call that ended with a gRPC status other than OK, shaped like @grpc/grpc-js's errors. */
export class GrpcStatusError extends Error {
    constructor(readonly code: number, readonly details: string) {
        super(`${code} ${STATUS_NAMES[code] ?? "UNKNOWN"}: ${details}`);
    }
}

/** No answer within the deadline; the stream is cancelled. */
export class GrpcDeadlineError extends Error {}

export const GRPC_STATUS = { OK: 0, DEADLINE_EXCEEDED: 4, UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14 } as const;

const STATUS_NAMES = [
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
    "UNAUTHENTICATED",
];

export class UnaryClient {
    private readonly session: http2.ClientHttp2Session;
    private failure: Error | undefined;

    constructor(address: string, private readonly maxResponseBytes: number) {
        this.session = http2.connect(`http://${address}`, {
            // Large requests (an AnalyzeStack of a big stack) are queued here, not refused.
            maxSessionMemory: 4096,
            settings: { initialWindowSize: 16 * 1024 * 1024 },
        });
        this.session.on("error", (e) => { this.failure = e; });
    }

    /** Sends `chunks` (together: one serialized request message) and resolves with the response message. */
    call(path: string, chunks: readonly Uint8Array[], timeoutMs: number): Promise<Buffer> {
        if (this.failure || this.session.closed || this.session.destroyed) {
            return Promise.reject(new GrpcStatusError(GRPC_STATUS.UNAVAILABLE, `connection to the policy pack lost${this.failure ? `: ${this.failure.message}` : ""}`));
        }
        return new Promise((resolve, reject) => {
            let length = 0;
            for (const c of chunks) length += c.length;
            const stream = this.session.request({
                ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers",
            });
            const received: Buffer[] = [];
            let receivedBytes = 0;
            let status: number | undefined;
            let details = "";
            let settled = false;
            const finish = (error: Error | undefined, value?: Buffer) => {
                if (settled) return;
                settled = true;
                clearTimeout(timer);
                if (error) reject(error);
                else resolve(value!);
            };
            const timer = setTimeout(() => {
                finish(new GrpcDeadlineError(`no answer within ${timeoutMs} ms`));
                stream.close(http2.constants.NGHTTP2_CANCEL);
            }, timeoutMs);
            const readStatus = (headers: http2.IncomingHttpHeaders) => {
                const s = headers["grpc-status"];
                if (s === undefined) return;
                status = Number(s);
                const m = headers["grpc-message"];
                details = typeof m === "string" ? decodeMessage(m) : "";
            };
            stream.on("response", (headers) => {
                const httpStatus = Number(headers[":status"]);
                if (httpStatus !== 200 && headers["grpc-status"] === undefined) {
                    status = GRPC_STATUS.INTERNAL;
                    details = `HTTP status ${httpStatus}`;
                }
                readStatus(headers); // a trailers-only answer: the status comes with the headers
            });
            stream.on("trailers", readStatus);
            stream.on("data", (d: Buffer) => {
                receivedBytes += d.length;
                if (receivedBytes > this.maxResponseBytes + 5) {
                    finish(new GrpcStatusError(8, `response larger than ${this.maxResponseBytes} bytes`));
                    stream.close(http2.constants.NGHTTP2_CANCEL);
                    return;
                }
                received.push(d);
            });
            stream.on("error", (e) => finish(new GrpcStatusError(GRPC_STATUS.UNAVAILABLE, e.message)));
            stream.on("close", () => {
                if (settled) return;
                if (status === undefined) return finish(new GrpcStatusError(GRPC_STATUS.UNAVAILABLE, "the policy pack closed the call without a status"));
                if (status !== GRPC_STATUS.OK) return finish(new GrpcStatusError(status, details));
                const body = received.length === 1 ? received[0] : Buffer.concat(received);
                if (body.length < 5 || body[0] !== 0) return finish(new GrpcStatusError(GRPC_STATUS.INTERNAL, "malformed or compressed response"));
                const size = body.readUInt32BE(1);
                if (body.length < 5 + size) return finish(new GrpcStatusError(GRPC_STATUS.INTERNAL, "truncated response"));
                finish(undefined, body.subarray(5, 5 + size));
            });
            const header = Buffer.allocUnsafe(5);
            header[0] = 0; // not compressed
            header.writeUInt32BE(length, 1);
            stream.write(header);
            for (const c of chunks) stream.write(c);
            stream.end();
        });
    }

    close(): void {
        if (!this.session.closed && !this.session.destroyed) this.session.close();
    }
}

/** grpc-message is percent-encoded. */
function decodeMessage(m: string): string {
    try {
        return decodeURIComponent(m);
    } catch {
        return m;
    }
}
