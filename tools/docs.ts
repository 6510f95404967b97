// `npm run docs`: regenerates every artefact derived from the registry (tools/derive.ts),
// running each policy example through the engine path for the messages the pages show.
import * as fs from "fs";
import * as path from "path";
import { deriveFiles, staleFiles } from "./derive";
import { brokenPromises, REPO_DIR, runExamples } from "./examples";

async function main(): Promise<number> {
    const runs = await runExamples();
    const broken = runs.flatMap(brokenPromises);
    for (const b of broken) process.stderr.write(`docs: ${b}\n`);
    const files = deriveFiles(runs);
    const stale = staleFiles(files);
    for (const file of stale) fs.writeFileSync(path.join(REPO_DIR, file), files.get(file)!);
    process.stdout.write(stale.length ? `docs: updated ${stale.join(", ")}\n` : "docs: everything was up to date\n");
    return broken.length ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`docs: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
});
