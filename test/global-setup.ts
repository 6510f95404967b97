// Tests spawn the built `check` CLI (dist/), so build it once before any test runs.
import { execFileSync } from "child_process";
import * as path from "path";

export default function setup(): void {
    const root = path.resolve(__dirname, "..");
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}
