// FC_RUNS_FACTOR: how many times their CI volume the property tests run, for a longer local
// fuzzing session (docs/testing.md): their parameters (./arbitraries.ts) and explicit timeouts.
// vitest.config.mts stretches the default timeout by the same factor.

export function runsFactor(): number {
    const factor = Number(process.env.FC_RUNS_FACTOR ?? "1");
    return factor > 0 ? factor : 1;
}

/** A test's timeout for CI's volume, stretched as FC_RUNS_FACTOR stretches the runs. */
export function scaledTimeout(ms: number): number {
    return Math.round(ms * Math.max(1, runsFactor()));
}
