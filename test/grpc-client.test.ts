// The engine path's own gRPC client (cli/engine/grpc-client.ts) against node's HTTP/2 server
// (nghttp2, what @grpc/grpc-js serves packs with): answers, statuses, headers of every HPACK
// form, flow control on large messages, deadlines, a server that goes away.
import * as http2 from "http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GrpcDeadlineError, GrpcStatusError, huffmanDecode, UnaryClient } from "../cli/engine/grpc-client";

/**
 * A gRPC-shaped server: /echo answers the message, /fail a status, /slow never, /trailers-only
 * an error without a body, /hold when the test calls `release`. `arrivals` lists the paths in
 * the order their requests arrived whole.
 */
let server: http2.Http2Server;
let port = 0;
const arrivals: string[] = [];
const holding: (() => void)[] = [];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Answers the oldest held call, and gives the answer time to reach the client. */
const release = () => {
    holding.shift()!();
    return pause(50);
};
const frame = (message: Buffer) => {
    const b = Buffer.allocUnsafe(5 + message.length);
    b[0] = 0;
    b.writeUInt32BE(message.length, 1);
    message.copy(b, 5);
    return b;
};

beforeAll(async () => {
    server = http2.createServer({ maxSessionMemory: 4096 });
    server.on("stream", (stream, headers) => {
        const chunks: Buffer[] = [];
        stream.on("data", (d: Buffer) => chunks.push(d));
        stream.on("end", () => {
            const body = Buffer.concat(chunks);
            const message = body.subarray(5, 5 + body.readUInt32BE(1));
            const path = headers[":path"];
            arrivals.push(String(path));
            if (headers["content-type"] !== "application/grpc" || headers.te !== "trailers") {
                stream.respond({ ":status": 415 }, { endStream: true });
                return;
            }
            if (path === "/slow") return;
            if (path === "/hold") {
                holding.push(() => {
                    stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
                    stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
                    stream.end(frame(message));
                });
                return;
            }
            if (path === "/trailers-only") {
                stream.respond({ ":status": 200, "content-type": "application/grpc", "grpc-status": "12", "grpc-message": "not%20here" }, { endStream: true });
                return;
            }
            stream.respond({ ":status": 200, "content-type": "application/grpc+proto", "x-custom-header": `v-${message.length}-${"ü".length}` }, { waitForTrailers: true });
            stream.on("wantTrailers", () => {
                if (path === "/fail") stream.sendTrailers({ "grpc-status": "13", "grpc-message": "Error validating resource: 100%25 broken \u00fc".replace("ü", "%C3%BC") });
                else stream.sendTrailers({ "grpc-status": "0", "grpc-message": "" });
            });
            stream.end(path === "/fail" ? undefined : frame(message));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("UnaryClient", () => {
    it("answers many concurrent calls, small and large (flow control, frames larger than the window)", async () => {
        const client = new UnaryClient("127.0.0.1", port, 400 * 1024 * 1024);
        try {
            const messages = Array.from({ length: 300 }, (_, i) => Buffer.alloc(i % 7 === 0 ? 200_000 + i : i, i % 251));
            const answers = await Promise.all(messages.map((m, i) => client.call("/echo", i % 2 ? [m] : [m.subarray(0, 10), m.subarray(10)], 30_000)));
            answers.forEach((a, i) => expect(a.equals(messages[i])).toBe(true));
            // 40 MB in one message, in chunks, as AnalyzeStack sends a large stack.
            const big = Buffer.alloc(40 * 1024 * 1024, 7);
            const answer = await client.call("/echo", [big.subarray(0, 1 << 20), big.subarray(1 << 20)], 60_000);
            expect(answer.length).toBe(big.length);
            expect(answer.equals(big)).toBe(true);
        } finally {
            client.close();
        }
    }, 120_000);

    it("holds new requests back while the server has more than three calls to answer, then sends them together", async () => {
        const client = new UnaryClient("127.0.0.1", port, 1 << 20);
        try {
            arrivals.length = 0;
            const held = Array.from({ length: 6 }, (_, i) => client.call("/hold", [Buffer.from(`h${i}`)], 30_000));
            for (let waited = 0; holding.length < 6 && waited < 10_000; waited += 20) await pause(20);
            expect(arrivals).toEqual(Array(6).fill("/hold"));
            const echoes = [1, 2, 3].map((i) => client.call("/echo", [Buffer.from(`e${i}`)], 30_000));
            await pause(200);
            await release();
            await release();
            // Six, then five, then four calls left to answer: the new requests wait.
            expect(arrivals).toEqual(Array(6).fill("/hold"));
            await release();
            // Three left: the three new requests leave, together, and are answered.
            expect(await Promise.all(echoes)).toEqual([1, 2, 3].map((i) => Buffer.from(`e${i}`)));
            expect(arrivals.slice(6)).toEqual(["/echo", "/echo", "/echo"]);
            while (holding.length) await release();
            expect((await Promise.all(held)).map(String)).toEqual(["h0", "h1", "h2", "h3", "h4", "h5"]);
            // With nothing left to answer, a request leaves at once.
            await expect(client.call("/echo", [Buffer.from("alone")], 10_000)).resolves.toEqual(Buffer.from("alone"));
        } finally {
            client.close();
        }
    });

    it("reports a status other than OK with its decoded message, in trailers or trailers-only answers", async () => {
        const client = new UnaryClient("127.0.0.1", port, 1 << 20);
        try {
            for (let i = 0; i < 3; i++) { // the second time, headers come from HPACK's dynamic table
                await expect(client.call("/fail", [Buffer.from("x")], 10_000)).rejects.toMatchObject({ code: 13, details: "Error validating resource: 100% broken ü", message: "13 INTERNAL: Error validating resource: 100% broken ü" });
                await expect(client.call("/trailers-only", [Buffer.from("x")], 10_000)).rejects.toMatchObject({ code: 12, details: "not here" });
                await expect(client.call("/echo", [Buffer.from("ok")], 10_000)).resolves.toEqual(Buffer.from("ok"));
            }
        } finally {
            client.close();
        }
    });

    it("gives up on a call at its deadline, and the connection still serves others", async () => {
        const client = new UnaryClient("127.0.0.1", port, 1 << 20);
        try {
            await expect(client.call("/slow", [Buffer.from("x")], 300)).rejects.toBeInstanceOf(GrpcDeadlineError);
            await expect(client.call("/echo", [Buffer.from("after")], 10_000)).resolves.toEqual(Buffer.from("after"));
        } finally {
            client.close();
        }
    });

    it("times each call by its own deadline: a shorter one started later is not held by an earlier, longer one", async () => {
        const client = new UnaryClient("127.0.0.1", port, 1 << 20);
        const long = client.call("/slow", [Buffer.from("long")], 60_000);
        const longOutcome = long.then(() => "answered", (e: unknown) => e);
        const started = Date.now();
        await expect(client.call("/slow", [Buffer.from("short")], 300)).rejects.toBeInstanceOf(GrpcDeadlineError);
        // Cancelled near its own 300 ms, not at the other call's minute.
        expect(Date.now() - started).toBeLessThan(20_000);
        await expect(client.call("/echo", [Buffer.from("after")], 10_000)).resolves.toEqual(Buffer.from("after"));
        client.close();
        // The long call is still pending until the connection closes.
        expect(await longOutcome).toMatchObject({ code: 14 });
    });

    it("fails pending and later calls when the server goes away, and refuses answers over the size limit", async () => {
        const other = http2.createServer();
        other.on("stream", (stream) => stream.on("data", () => stream.session?.destroy()));
        await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
        const client = new UnaryClient("127.0.0.1", (other.address() as { port: number }).port, 1 << 20);
        await expect(client.call("/echo", [Buffer.from("x")], 10_000)).rejects.toBeInstanceOf(GrpcStatusError);
        await expect(client.call("/echo", [Buffer.from("x")], 10_000)).rejects.toMatchObject({ code: 14 });
        client.close();
        await new Promise<void>((resolve) => other.close(() => resolve()));
        const small = new UnaryClient("127.0.0.1", port, 1000);
        await expect(small.call("/echo", [Buffer.alloc(5000)], 10_000)).rejects.toMatchObject({ code: 8 });
        small.close();
        const refused = new UnaryClient("127.0.0.1", 1, 1000);
        await expect(refused.call("/echo", [Buffer.from("x")], 10_000)).rejects.toMatchObject({ code: 14 });
    });
});

describe("HPACK Huffman decoding", () => {
    it("decodes RFC 7541's examples (Appendix C.4)", () => {
        expect(huffmanDecode(Buffer.from("f1e3c2e5f23a6ba0ab90f4ff", "hex"))).toBe("www.example.com");
        expect(huffmanDecode(Buffer.from("a8eb10649cbf", "hex"))).toBe("no-cache");
        expect(huffmanDecode(Buffer.from("25a849e95ba97d7f", "hex"))).toBe("custom-key");
        expect(huffmanDecode(Buffer.from("25a849e95bb8e8b4bf", "hex"))).toBe("custom-value");
        expect(huffmanDecode(Buffer.from("6402", "hex"))).toBe("302");
        expect(huffmanDecode(Buffer.from("aec3771a4b", "hex"))).toBe("private");
        expect(huffmanDecode(Buffer.from("d07abe941054d444a8200595040b8166e082a62d1bff", "hex"))).toBe("Mon, 21 Oct 2013 20:13:21 GMT");
        expect(huffmanDecode(Buffer.from("9d29ad171863c78f0b97c8e9ae82ae43d3", "hex"))).toBe("https://www.example.com");
    });

    it("refuses bad padding", () => {
        expect(() => huffmanDecode(Buffer.from([0x00]))).toThrow(/padding/);
    });
});
