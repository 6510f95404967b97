// Progress for long runs (stacks of thousands of resources): one line on a terminal's
// stderr, rewritten in place and erased at the end. The caller only creates one when stderr
// is a terminal and the report is the table, so nothing of it reaches a JSON or SARIF
// report, a redirected stream or a CI log.

export interface TextStream {
    isTTY?: boolean;
    write(text: string): unknown;
}

export interface Progress {
    update(done: number, total: number): void;
    /** Erases the line, if one was drawn. */
    clear(): void;
}

const ERASE_LINE = "\r\x1b[2K";

/** Draws the first and last update and at most one in between every `intervalMs`. */
export function progressLine(stream: TextStream, label: string, intervalMs = 100, now: () => number = Date.now): Progress {
    let drawnAt = -Infinity;
    let drawn = false;
    return {
        update(done, total) {
            const t = now();
            if (done !== 1 && done !== total && t - drawnAt < intervalMs) return;
            drawnAt = t;
            drawn = true;
            const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
            stream.write(`${ERASE_LINE}${label}: ${done}/${total} resources analyzed (${percent}%)`);
        },
        clear() {
            if (drawn) stream.write(ERASE_LINE);
            drawn = false;
        },
    };
}
