import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["test/**/*.test.ts"],
        globalSetup: ["test/global-setup.ts"],
        // Engine-path tests boot the pack (a real child process compiling TypeScript).
        testTimeout: 60_000,
        hookTimeout: 180_000,
        pool: "forks",
        maxWorkers: 2,
    },
});
