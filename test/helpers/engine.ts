// Test access to the engine path: the pack booted as the Pulumi CLI boots it, one boot per
// test file (like one `pulumi preview`), driven through the full Analyzer protocol.
import * as path from "path";
import { afterAll, beforeAll } from "vitest";
import { EngineResource } from "../../cli/engine/model";
import { BootOptions, Diagnostic, PackProcess } from "../../cli/engine/pack-process";
import { PolicyPackConfig } from "../../cli/engine/policy-config";
import { analyzeWith, RunResult } from "../../cli/engine/run";
import { LoadedInput, parseInput } from "../../cli/inputs";

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

/** Boots the pack before the file's tests and stops it after. */
export function useEngine(boot: Partial<BootOptions> = {}): Engine {
    let pack: PackProcess | undefined;
    beforeAll(async () => {
        pack = await PackProcess.boot({ packDir: PACK_DIR, stack: "dev", project: "project", ...boot });
    });
    afterAll(async () => {
        await pack?.close();
    });
    return {
        get pack() {
            if (!pack) throw new Error("pack not booted");
            return pack;
        },
        async run(input, options = {}) {
            const loaded = "format" in input ? (input as LoadedInput) : parseInput(input, "test fixture", { stack: boot.stack ?? "dev", project: boot.project ?? "project" });
            const result = await analyzeWith(this.pack, { packDir: PACK_DIR, resources: loaded.resources, policyConfig: options.config });
            return withLookups(result);
        },
    };
}

export function withLookups(result: RunResult): EngineRun {
    const nameOf = new Map(result.resources.map((r: EngineResource) => [r.urn, r.name]));
    return {
        ...result,
        of: (policyName) => result.diagnostics.filter((d) => d.policyName === policyName),
        on: (name) => result.diagnostics.filter((d) => nameOf.get(d.urn) === name),
    };
}
