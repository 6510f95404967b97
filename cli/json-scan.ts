// Reads a JSON file of any size: one pass over its bytes hands out the elements of the large
// arrays (a stack export's `deployment.resources`, a fixture's `resources`, a preview's
// `steps`) one by one as text, and what remains of the document — small — is parsed as usual
// with each such array replaced by a marker. V8 cannot hold a string longer than ~512 MiB, so
// one `JSON.parse` of a 700 MB stack export is impossible; holding it as objects would take
// gigabytes besides.
//
// Validity is JSON.parse's: the rest of the document is parsed by it here, and each element
// by the caller when it reads it (cli/inputs.ts); the scanner only splits arrays at their
// top-level commas, so a file is accepted exactly when `JSON.parse` of the whole file accepts
// it, after a UTF-8 byte order mark if it starts with one (test/json-scan.test.ts compares the two on random and damaged files). The scan itself
// makes no string of an element unless the caller asks for it: most elements are only
// located here, and read once, later.
import * as fs from "fs";

/** The file is not valid JSON (where is not said: the file may hold secrets). */
export class JsonSyntaxError extends Error {}

/** An array whose elements were handed out one by one, with their byte ranges in the file. */
export interface ScannedArray {
    /** The keys that lead to the array from the root object. */
    path: readonly string[];
    /** The string that stands for the array in the parsed document. */
    marker: string;
    /** Start and end offsets of each element, flattened: [start0, end0, start1, end1, ...]. */
    ranges: number[];
    /** The 1-based line of each element's first byte (the one after its `[` or `,`). */
    lines: number[];
}

/** The element being scanned, during the `onElement` call only. */
export interface ScannedElement {
    text(): string;
    /** Whether its bytes hold `needle` (nothing decoded). */
    includes(needle: Uint8Array): boolean;
}

export interface Scan {
    /** The document, each scanned array replaced by its marker string; undefined for a blank file. */
    document: unknown;
    arrays: ScannedArray[];
    /** Deepest nesting of arrays and objects (the root container is 1). */
    maxDepth: number;
    /**
     * Set when `stopAfter` ended the scan: `document` is then what came before, its open
     * arrays and objects closed (the array being handed out holds the elements read so far).
     */
    stopped?: boolean;
}

/** Which arrays to hand out element by element, by the keys leading to them from the root object. */
export type Streamed = (path: readonly string[]) => boolean;

/** Bytes read at a time (tests lower it to cross chunk boundaries everywhere). */
export const scanOptions = { chunkBytes: 8 * 1024 * 1024 };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;

function isSpace(b: number): boolean {
    return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Sequential reads of a file through a buffer that keeps what the reader still needs. */
class Window {
    private readonly chunk = Math.max(1, scanOptions.chunkBytes);
    buf = Buffer.allocUnsafe(this.chunk);
    /** File offset of buf[0]. */
    base = 0;
    /** Bytes of the file in buf. */
    length = 0;

    constructor(private readonly fd: number) {}

    /** Reads more, keeping the bytes from file offset `keep` on. False at the end of the file. */
    more(keep: number): boolean {
        const drop = Math.max(0, Math.min(keep - this.base, this.length));
        const kept = this.length - drop;
        let buf = this.buf;
        if (kept + this.chunk / 2 > buf.length) buf = Buffer.allocUnsafe(Math.max(buf.length * 2, kept + this.chunk));
        this.buf.copy(buf, 0, drop, this.length);
        this.buf = buf;
        this.base += drop;
        this.length = kept;
        const n = fs.readSync(this.fd, buf, kept, buf.length - kept, this.base + kept);
        this.length += n;
        return n > 0;
    }

    /** Restarts reading at file offset `at`. */
    seek(at: number): void {
        this.base = at;
        this.length = 0;
    }

    text(start: number, end: number): string {
        return this.buf.toString("utf8", start - this.base, end - this.base);
    }
}

type Expect = "key" | "colon" | "value" | "comma";

interface Frame {
    /** What ends it: `}` or `]`. */
    close: string;
    /** Set on objects reachable from the root by keys alone: the keys that lead here. */
    path?: string[];
    key?: string;
    expect?: Expect;
}

/** Ends a scan early (scanJson's `stopAfter`). */
class StopScan {}

/**
 * Scans the file open as `fd`. `onElement(array, index, element)` is called for each element
 * of each streamed array, in file order; the element's text is not checked. The scan ends
 * after the first element for which `stopAfter` says so (Scan.stopped).
 */
export function scanJson(
    fd: number,
    streamed: Streamed,
    onElement: (array: ScannedArray, index: number, element: ScannedElement) => void,
    stopAfter?: (array: ScannedArray, index: number) => boolean,
): Scan {
    const w = new Window(fd);
    const arrays: ScannedArray[] = [];
    const nonce = Math.random().toString(36).slice(2);
    /** The document without the streamed arrays: file ranges, and markers in their place. */
    const pieces: (number | string)[] = [];
    let pieceStart = 0;
    let pos = 0;
    /** The window never drops bytes from here on. */
    let keep = 0;
    let depth = 0;
    let maxDepth = 0;
    /** Newlines before `pos` (a JSON string holds none). */
    let newlines = 0;
    let sawValue = false;
    const stack: Frame[] = [];
    // A UTF-8 byte order mark is no part of the document (RFC 8259 8.1 lets a parser ignore it):
    // Windows PowerShell writes one (`pulumi preview --json | Out-File -Encoding utf8 preview.json`).
    if (hasUtf8Bom(fd)) w.seek((pos = pieceStart = keep = UTF8_BOM.length));

    /** The byte at `pos`, or -1 at the end of the file. */
    const peek = (): number => {
        if (pos >= w.base + w.length && !w.more(Math.min(keep, pos))) return -1;
        return w.buf[pos - w.base];
    };
    /** Moves past the string whose opening quote is at `pos`. */
    const skipString = () => {
        const saved = keep;
        keep = Math.min(keep, pos);
        pos++;
        for (;;) {
            const rel = w.buf.indexOf(QUOTE, pos - w.base);
            if (rel < 0 || rel >= w.length) {
                pos = w.base + w.length;
                if (!w.more(keep)) throw new JsonSyntaxError();
                continue;
            }
            let backslashes = 0;
            for (let i = rel - 1; i >= 0 && w.buf[i] === BACKSLASH; i--) backslashes++;
            pos = w.base + rel + 1;
            if (backslashes % 2 === 0) break;
        }
        keep = saved;
    };
    const deeper = () => {
        depth++;
        if (depth > maxDepth) maxDepth = depth;
    };

    /** Hands out the elements of the array whose `[` is at `pos`; returns past its `]`. */
    const streamArray = (array: ScannedArray) => {
        deeper();
        pos++;
        const arrayDepth = depth;
        let start = pos;
        let startLine = newlines + 1;
        keep = start;
        let index = 0;
        let blank = true; // only whitespace since `[` or the last comma
        let end = 0;
        const current: ScannedElement = {
            text: () => w.text(start, end),
            includes: (needle) => w.buf.subarray(start - w.base, end - w.base).indexOf(needle) >= 0,
        };
        const element = (at: number) => {
            end = at;
            array.ranges.push(start, end);
            array.lines.push(startLine);
            onElement(array, index, current);
            if (stopAfter?.(array, index)) throw new StopScan();
            index++;
        };
        for (;;) {
            if (pos >= w.base + w.length && !w.more(Math.min(keep, pos))) throw new JsonSyntaxError();
            // The bytes in the window, in a tight loop; strings are skipped with indexOf.
            const buf = w.buf;
            const base = w.base;
            const n = w.length;
            let i = pos - base;
            while (i < n) {
                const b = buf[i];
                if (b === QUOTE) break;
                if (b === OPEN_BRACE || b === OPEN_BRACKET) {
                    depth++;
                    if (depth > maxDepth) maxDepth = depth;
                } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
                    if (depth === arrayDepth) {
                        if (b !== CLOSE_BRACKET) throw new JsonSyntaxError();
                        // `[]` is empty; `[1,]` leaves a blank element, which JSON.parse refuses.
                        if (!(blank && index === 0)) element(base + i);
                        pos = base + i + 1;
                        depth--;
                        return;
                    }
                    depth--;
                } else if (b === COMMA && depth === arrayDepth) {
                    element(base + i);
                    start = base + i + 1;
                    startLine = newlines + 1;
                    keep = start;
                    blank = true;
                    i++;
                    continue;
                } else if (b === NEWLINE) newlines++;
                if (blank && !isSpace(b)) blank = false;
                i++;
            }
            pos = base + i;
            if (i < n) {
                // A string: skipped, the window refilled as needed.
                skipString();
                blank = false;
            }
        }
    };

    for (;;) {
        const b = peek();
        if (b < 0) break;
        keep = pos;
        if (isSpace(b)) {
            if (b === NEWLINE) newlines++;
            pos++;
            continue;
        }
        sawValue = true;
        const top = stack[stack.length - 1];
        if (b === QUOTE) {
            const start = pos;
            skipString();
            if (top?.expect === "key") {
                try {
                    top.key = JSON.parse(w.text(start, pos));
                } catch {
                    throw new JsonSyntaxError();
                }
                top.expect = "colon";
            } else if (top?.expect === "value") top.expect = "comma";
            continue;
        }
        if (b === OPEN_BRACKET && top?.expect === "value" && top.path && streamed([...top.path, top.key!])) {
            top.expect = "comma";
            pieces.push(pieceStart, pos);
            const array: ScannedArray = { path: [...top.path, top.key!], marker: `\u0000streamed ${arrays.length} ${nonce}`, ranges: [], lines: [] };
            arrays.push(array);
            try {
                streamArray(array);
            } catch (e) {
                if (!(e instanceof StopScan)) throw e;
                pieces.push(JSON.stringify(array.marker), stack.map((f) => f.close).reverse().join(""));
                return { document: parsePieces(fd, pieces), arrays, maxDepth, stopped: true };
            }
            pieces.push(JSON.stringify(array.marker));
            pieceStart = pos;
            continue;
        }
        if (b === OPEN_BRACE || b === OPEN_BRACKET) {
            deeper();
            const frame: Frame = { close: b === OPEN_BRACE ? "}" : "]" };
            if (b === OPEN_BRACE && (stack.length === 0 || (top?.path && top.expect === "value"))) {
                frame.path = top ? [...top.path!, top.key!] : [];
                frame.expect = "key";
            }
            if (top?.expect === "value") top.expect = "comma";
            stack.push(frame);
            pos++;
            continue;
        }
        if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
            depth--;
            stack.pop();
            pos++;
            continue;
        }
        if (top?.expect !== undefined) {
            if (b === COLON && top.expect === "colon") top.expect = "value";
            else if (b === COMMA && top.expect === "comma") top.expect = "key";
            else if (top.expect === "value") top.expect = "comma"; // a number or literal (checked by JSON.parse)
            else if (top.expect !== "comma") top.expect = undefined; // not valid JSON: JSON.parse of the rest says so
        }
        pos++;
    }
    if (!sawValue) return { document: undefined, arrays, maxDepth };
    pieces.push(pieceStart, pos);
    return { document: parsePieces(fd, pieces), arrays, maxDepth };
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function hasUtf8Bom(fd: number): boolean {
    const head = Buffer.alloc(UTF8_BOM.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(UTF8_BOM);
}

/** The document from its pieces: file ranges (start, end) and texts in their place. */
function parsePieces(fd: number, pieces: readonly (number | string)[]): unknown {
    const parts: string[] = [];
    const ranges: number[] = [];
    for (const p of pieces) if (typeof p === "number") ranges.push(p);
    const texts = readRanges(fd, ranges);
    for (let i = 0; i < pieces.length; ) {
        if (typeof pieces[i] === "string") { parts.push(pieces[i] as string); i++; continue; }
        parts.push(texts.next().value as string);
        i += 2;
    }
    try {
        return JSON.parse(parts.join(""));
    } catch {
        throw new JsonSyntaxError();
    }
}

/** The texts of `ranges` (flattened start/end pairs, ascending) of the file open as `fd`. */
export function* readRanges(fd: number, ranges: readonly number[]): Generator<string> {
    const w = new Window(fd);
    for (let i = 0; i < ranges.length; i += 2) {
        const start = ranges[i];
        const end = ranges[i + 1];
        if (start < w.base || start > w.base + w.length) w.seek(start);
        while (w.base + w.length < end) {
            if (!w.more(start)) throw new JsonSyntaxError();
        }
        yield w.text(start, end);
    }
}
