// Many stacks at once (`check` over many files): a few workers, each with its own pack
// process, take the stacks in order; results come back in input order whatever finishes
// first. A worker keeps its pack for the next stack when that stack boots it alike (same
// stack, project, organization, config and environment: what a pack reads at boot), and
// boots a fresh one otherwise, as the Pulumi CLI boots one per `pulumi preview`.
import * as os from "os";
import { BootOptions, PackProcess } from "./engine/pack-process";
import { analyzeWith, RunOptions, RunResult } from "./engine/run";

/** One worker per CPU core by default (each stack's pack takes a core; `check` itself needs little). */
export function defaultJobs(): number {
    return Math.max(1, (os as { availableParallelism?: () => number }).availableParallelism?.() ?? os.cpus().length);
}

/**
 * A pack booting before its stack's file is read through, so that boot and reading overlap
 * (check.ts). A stack that boots alike takes it; `discard` stops it if none did.
 */
export class EarlyBoot {
    private taken = false;

    private constructor(private readonly key: string, private readonly pack: Promise<PackProcess>, private readonly booting?: PackProcess) {}

    /** Starts a boot; resolves once the pack process is started, while it boots on. */
    static async start(options: BootOptions): Promise<EarlyBoot> {
        let booting: PackProcess | undefined;
        let spawned!: () => void;
        const started = new Promise<void>((resolve) => (spawned = resolve));
        const pack = PackProcess.boot(options, (p) => { booting = p; spawned(); });
        // A boot that fails is the failure of the stack that takes it; none may take it.
        pack.catch(() => spawned());
        await started;
        return new EarlyBoot(bootKey(options), pack, booting);
    }

    /** The pack, if it was booted as `options` boot one and not taken yet. */
    take(options: BootOptions): Promise<PackProcess> | undefined {
        if (this.taken || bootKey(options) !== this.key) return undefined;
        this.taken = true;
        return this.pack;
    }

    /** Stops the pack unless a stack took it, booted or not. */
    async discard(): Promise<void> {
        if (this.taken) return;
        this.taken = true;
        await this.booting?.close();
        // Again once booted: a port read just before the first close still opens a connection.
        await this.pack.then((p) => p.close(), () => undefined);
    }
}

/**
 * Runs each stack with at most `jobs` packs at once. Like running them one after the other,
 * it fails with the error of the first stack (in input order) that fails, and starts no
 * stack after a failure. A stack booted as `early` was uses that pack.
 */
export async function runMany(stacks: readonly RunOptions[], jobs: number, early?: EarlyBoot): Promise<RunResult[]> {
    const results: RunResult[] = [];
    const failures = new Map<number, unknown>();
    let next = 0;
    const worker = async () => {
        let pack: PackProcess | undefined;
        let bootedAs: string | undefined;
        try {
            while (failures.size === 0 && next < stacks.length) {
                const i = next++;
                const options = stacks[i];
                const key = bootKey(options);
                try {
                    if (!pack || bootedAs !== key) {
                        await pack?.close();
                        pack = undefined;
                        pack = await (early?.take(options) ?? PackProcess.boot(options));
                        bootedAs = key;
                    }
                    const logsBefore = pack.logs.length;
                    const run = await analyzeWith(pack, options);
                    results[i] = { ...run, logs: run.logs.slice(logsBefore) };
                } catch (e) {
                    failures.set(i, e);
                    // A pack that failed a run is not trusted with the next one.
                    await pack?.close();
                    pack = undefined;
                }
            }
        } finally {
            await pack?.close();
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, stacks.length)) }, worker)).finally(() => early?.discard());
    if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
    return results;
}

/** What a pack process learns at boot: stacks that agree on it can share one. */
function bootKey(o: BootOptions): string {
    return JSON.stringify([o.packDir, o.stack, o.project, o.organization, o.dryRun, o.noStack, o.stackConfig, o.env, o.bootTimeoutMs, o.callTimeoutMs]);
}
