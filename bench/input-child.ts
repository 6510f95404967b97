// `node input-child.js locate|encode <export>`: what `check`'s input side alone costs, with no
// pack and nothing sent. `locate` scans the file as `check` does before it boots a pack;
// `encode` then reads, parses and encodes every request as `check` does for a run (each
// resource's Remediate and Analyze requests, the AnalyzeStack request built resource by
// resource). Prints this process's CPU on stderr (as check-child.ts does): the difference
// between the two modes is the most any faster parsing or encoding could save `check`.
import { StackRequest } from "../cli/engine/pack-process";
import { RequestEncoder } from "../cli/engine/requests";
import { openInputFile } from "../cli/inputs";
import { providerOf, RESULT_PREFIX } from "./measure";

const [mode, file] = process.argv.slice(2);
if ((mode !== "locate" && mode !== "encode") || !file) {
    process.stderr.write("usage: node input-child.js locate|encode <stack export>\n");
    process.exit(2);
}

const input = openInputFile(file);
let resources = 0;
if (mode === "encode") {
    if (Array.isArray(input.resources)) throw new Error(`${file}: not a stack export or preview`);
    const providers = input.resources.providers;
    const encoder = new RequestEncoder();
    const stack = new StackRequest(encoder);
    for (const r of input.resources.resources()) {
        const provider = providerOf(r, providers);
        encoder.resourceRequests(r, provider);
        stack.add(resources++, r, provider);
    }
}
const cpu = process.cpuUsage();
process.stderr.write(`${RESULT_PREFIX}${JSON.stringify({ mode, resources, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
