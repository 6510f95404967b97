// Runs the built `check` CLI (dist/, built by test/global-setup.ts) the way a user does.
import { spawn, spawnSync } from "child_process";
import * as path from "path";
import { PACK_DIR } from "./engine";

export const CHECK_CLI = path.join(PACK_DIR, "dist/cli/check.js");

export interface CheckRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export interface CheckOptions {
    /** Default: the pack directory. */
    cwd?: string;
    /** Default: this process's, without what `npm test` set (INIT_CWD would move check's base directory). */
    env?: NodeJS.ProcessEnv;
}

function withoutNpm(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (k !== "INIT_CWD" && !k.startsWith("npm_")) env[k] = v;
    return env;
}

export function runCheck(args: readonly string[], o: CheckOptions = {}): CheckRun {
    const r = spawnSync(process.execPath, [CHECK_CLI, ...args], { cwd: o.cwd ?? PACK_DIR, env: o.env ?? withoutNpm(), encoding: "utf8", timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the test process (for runs in parallel). */
export function runCheckAsync(args: readonly string[], o: CheckOptions = {}): Promise<CheckRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CHECK_CLI, ...args], { cwd: o.cwd ?? PACK_DIR, env: o.env ?? withoutNpm(), stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}
