import { defineConfig } from "vitest/config";
import { scaledTimeout } from "./test/robustness/runs-factor";

export default defineConfig({
    test: {
        include: ["test/**/*.test.ts"],
        globalSetup: ["test/global-setup.ts"],
        // Engine-path tests boot the pack (a real child process compiling TypeScript); property
        // tests in a longer fuzzing session (FC_RUNS_FACTOR) need as many times longer.
        testTimeout: scaledTimeout(60_000),
        hookTimeout: 180_000,
        pool: "forks",
        maxWorkers: 2,
    },
});
