// `node check-child.js <check args>`: runs the built `check` (dist/cli/check.js, what users
// run) in this process and prints, on stderr, its wall time, its own CPU and peak RSS, and
// each pack process's CPU and peak RSS read just before check stops it (see measure.ts).
// The report itself is discarded.
import { performance } from "perf_hooks";
import * as path from "path";
import { REPO_DIR } from "./packs";
import { readCpuMs, readMemory, RESULT_PREFIX } from "./measure";

const dist = path.join(REPO_DIR, "dist", "cli");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { PackProcess } = require(path.join(dist, "engine", "pack-process"));
const packs: { cpuMs: number; hwmMiB: number }[] = [];
const close = PackProcess.prototype.close;
PackProcess.prototype.close = async function (this: { pid?: number }) {
    if (this.pid) packs.push({ cpuMs: readCpuMs(this.pid) ?? NaN, hwmMiB: (readMemory(this.pid).hwmKiB ?? NaN) / 1024 });
    return close.call(this);
};

const t0 = performance.now();
const sink = { write: () => true };
require(path.join(dist, "check")).main(process.argv.slice(2), { stdout: sink, stderr: process.stderr }).then(
    (exitCode: number) => {
        const cpu = process.cpuUsage();
        const result = {
            exitCode,
            wallMs: performance.now() - t0,
            checkCpuMs: (cpu.user + cpu.system) / 1000,
            // VmHWM of this process image: resourceUsage().maxRSS would count the bench process this one was forked from.
            checkRssMiB: (readMemory(process.pid).hwmKiB ?? NaN) / 1024,
            packs,
        };
        process.stderr.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
        process.exit(0);
    },
    (e: unknown) => {
        process.stderr.write(`check failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(3);
    },
);
