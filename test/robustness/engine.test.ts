// Property-based tests through the engine path (docs/testing.md): generated resources, in
// batches of a few hundred per `engine.run`, go through the full Analyzer protocol (Remediate
// and Analyze per resource, AnalyzeStack) of the pack booted as the Pulumi CLI boots it, at
// preview (where unknowns occur). For every batch:
// - the run completes (no gRPC error) and no policy reports an internal error;
// - no secret-wrapped or plaintext token placed in the props appears in any diagnostic,
//   remediation, pack log or pack stderr;
// - for families of resources that differ only by an unknown at one place versus known
//   values there, a resource policy that flags the unknown one flags every known one (its
//   stack part too, except where it reads a computed unknown as "not set").
// The file counts what it sent and checks the total reaches 10,000 resources.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInput } from "../../cli/inputs";
import { useEngine } from "../helpers/engine";
import { assertNoToken, fcParams, getAt } from "./arbitraries";
import { scaledTimeout } from "./runs-factor";
import { resource } from "../helpers/resources";
import { batchOf, FAMILY_SIZE, RESOURCE_POLICIES } from "./fixture-batch";
import { isPreviewComputed } from "./targets";

const RUNS = 40;
const FAMILIES = 50;
const OTHERS = 100;
const BATCH_SIZE = FAMILIES * FAMILY_SIZE + OTHERS;
/** What CI sends (FC_RUNS_FACTOR scales it for local sessions). */
const CI_TARGET = 10_000;
const batch = batchOf(FAMILIES, OTHERS);

// ---------------------------------------------------------------- the test

describe("the pack through the engine path, on generated stacks (preview)", () => {
    const engine = useEngine({ dryRun: true });
    let sent = 0;

    it(`analyzes ${fcParams(RUNS).numRuns} batches of generated resources: no error, no secret shown, no false alarm on unknowns`, async () => {
        await fc.assert(
            fc.asyncProperty(batch, async ({ resources, families, tokens }) => {
                const input = parseInput({ resources }, "generated batch");
                const stderrBefore = engine.pack.stderr.length;
                const logsBefore = engine.pack.logs.length;
                const run = await engine.run(input);
                sent += resources.length;

                for (const d of run.diagnostics) {
                    expect(d.message.trim(), d.policyName).not.toBe("");
                    expect(d.message, d.policyName).not.toMatch(/Internal error|can't run policy/);
                }
                const texts = [
                    ...run.diagnostics.map((d) => d.message),
                    ...run.remediations.flatMap((r) => [r.diagnostic, r.description]),
                    ...run.logs.slice(logsBefore).map((l) => l.message),
                    engine.pack.stderr.slice(stderrBefore),
                ];
                for (const text of texts) assertNoToken(text, tokens, "the pack's output");

                const flagged = new Set(run.diagnostics.map((d) => `${d.policyName}\0${run.resources.find((r) => r.urn === d.urn)?.name}`));
                for (const { names: [unknownName, ...knownNames], family: f } of families) {
                    for (const policy of RESOURCE_POLICIES) {
                        if (!flagged.has(`${policy}\0${unknownName}`)) continue;
                        // A stack part reads some unknowns at preview as "not set" (targets.ts previewComputed): deliberate.
                        if (isPreviewComputed(policy, resource(f.type, f.unknown), f.at)) continue;
                        for (const name of knownNames) {
                            expect(flagged.has(`${policy}\0${name}`), `${policy} flags ${f.type} with an unknown at ${JSON.stringify(f.at)} but not ${name} ` +
                                `(${JSON.stringify(getAt(f.known[knownNames.indexOf(name)], f.at))?.slice(0, 200)})`).toBe(true);
                        }
                    }
                }
            }),
            // No shrinking: each step would be another engine run of a whole batch. The messages
            // above name the policy and resource; FC_SEED and FC_PATH replay the batch.
            { ...fcParams(RUNS), endOnFailure: true },
        );
    }, scaledTimeout(900_000));

    it(`sends every generated resource through the engine: ${RUNS} × ${BATCH_SIZE} in CI, at least ${CI_TARGET}`, () => {
        expect(RUNS * BATCH_SIZE).toBeGreaterThanOrEqual(CI_TARGET);
        expect(sent).toBe(fcParams(RUNS).numRuns! * BATCH_SIZE);
    });
});
