import { defineConfig } from "vitest/config";

// A longer fuzzing session (FC_RUNS_FACTOR, test/robustness/runs-factor.ts) runs the property
// tests that many times over: their time limits stretch with them. (Importing that file here
// would make Vite warn on every run: the config is loaded as ES module, the file as CommonJS.)
const runsFactor = Math.max(1, Number(process.env.FC_RUNS_FACTOR) || 1);

export default defineConfig({
    test: {
        include: ["test/**/*.test.ts"],
        globalSetup: ["test/global-setup.ts"],
        // Engine-path tests boot the pack (a real child process compiling TypeScript).
        testTimeout: 60_000 * runsFactor,
        hookTimeout: 180_000,
        pool: "forks",
        // The pack reads the CLI's backend (secrets-provider-allowlist): not this machine's own login.
        env: { PULUMI_BACKEND_URL: "", PULUMI_CREDENTIALS_PATH: "/nonexistent/aws-baseline-tests/pulumi-credentials" },
        maxWorkers: 2,
    },
});
