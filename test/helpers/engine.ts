// Test access to the engine path: the pack booted as the Pulumi CLI boots it, one boot per
// test file (like one `pulumi preview`), driven through the full Analyzer protocol. Built on
// the testing API users get (testing.ts), so the tests exercise it too.
import * as path from "path";
import { afterAll, beforeAll } from "vitest";
import { EngineResource } from "../../cli/engine/model";
import { BootOptions, Diagnostic, PackProcess } from "../../cli/engine/pack-process";
import { PolicyPackConfig } from "../../cli/engine/policy-config";
import { RunResult } from "../../cli/engine/run";
import { LoadedInput, parseInput } from "../../cli/inputs";
import { PolicyPackConfigFile, startPack, StartedPack } from "../../testing";

export const PACK_DIR = path.resolve(__dirname, "../..");
export const FIXTURES = path.join(PACK_DIR, "fixtures");

export interface EngineRun extends RunResult {
    /** Diagnostics of one policy (by exact name). */
    of(policyName: string): Diagnostic[];
    /** Diagnostics on the resource with this logical name. */
    on(name: string): Diagnostic[];
}

export interface Engine {
    readonly pack: PackProcess;
    /** Runs a fixture-format object (or parsed input) through the full protocol sequence. */
    run(input: object | LoadedInput, options?: { config?: PolicyPackConfig }): Promise<EngineRun>;
}

export type EngineBoot = Pick<BootOptions, "stack" | "project" | "dryRun" | "env">;

/** Boots the pack before the file's tests and stops it after. */
export function useEngine(boot: EngineBoot = {}): Engine {
    let started: StartedPack | undefined;
    beforeAll(async () => {
        const { dryRun, ...rest } = boot;
        started = await startPack({ packDir: PACK_DIR, stack: "dev", project: "project", preview: dryRun, ...rest });
    });
    afterAll(async () => {
        await started?.close();
    });
    const session = () => {
        if (!started) throw new Error("pack not booted");
        return started;
    };
    return {
        get pack() {
            return session().process;
        },
        async run(input, options = {}) {
            const { stack = "dev", project = "project", dryRun = false } = boot;
            const loaded = "format" in input ? (input as LoadedInput) : parseInput(input, "test fixture", { stack, project });
            // The boot's stack settings apply to every input, as in one `pulumi preview`: tests
            // of one policy run stack exports that record a secrets provider on any engine.
            const asBooted = { ...loaded, preview: dryRun, secretsProvider: undefined };
            const checked = await session().check(asBooted, { config: options.config && configFile(options.config) });
            return withLookups(checked.run);
        },
    };
}

/** A parsed config back in the `--policy-pack-config` file format the testing API takes. */
function configFile(config: PolicyPackConfig): PolicyPackConfigFile {
    return Object.fromEntries(Object.entries(config).map(([name, c]) =>
        [name, { ...(c.enforcementLevel ? { enforcementLevel: c.enforcementLevel } : {}), ...c.properties }]));
}

export function withLookups(result: RunResult): EngineRun {
    const nameOf = new Map(result.resources.map((r: EngineResource) => [r.urn, r.name]));
    return {
        ...result,
        of: (policyName) => result.diagnostics.filter((d) => d.policyName === policyName),
        on: (name) => result.diagnostics.filter((d) => nameOf.get(d.urn) === name),
    };
}
