// `--profile`: boots a pack under the V8 CPU profiler and attributes the boot's CPU time to
// packages (typescript = ts-node compiling and type-checking index.ts; @pulumi/pulumi,
// @pulumi/policy, ajv... = module loading) and to the pack's own files.
import * as fs from "fs";
import * as path from "path";

interface ProfileNode {
    id: number;
    callFrame: { url: string; functionName: string };
    children?: number[];
}

interface CpuProfile {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
}

/**
 * A preload (`NODE_OPTIONS=--require ...`; node 20 refuses --cpu-prof there) that starts
 * the V8 profiler before run-policy-pack loads anything, or on SIGUSR2 when
 * `startOnSignal` (to profile only the work after boot), and writes the profile when the
 * harness stops the pack (SIGTERM).
 */
export function writeProfilerPreload(dir: string, profileFile: string, startOnSignal = false): string {
    const file = path.join(dir, `profile-preload-${path.basename(profileFile, ".cpuprofile")}.js`);
    const start = "session.post('Profiler.start')";
    fs.writeFileSync(file, [
        "const inspector = require('inspector');",
        "const fs = require('fs');",
        "const session = new inspector.Session();",
        "session.connect();",
        "session.post('Profiler.enable');",
        "session.post('Profiler.setSamplingInterval', { interval: 200 });",
        startOnSignal ? `process.on('SIGUSR2', () => ${start});` : `${start};`,
        "process.on('SIGTERM', () => session.post('Profiler.stop', (err, res) => {",
        `  if (!err) fs.writeFileSync(${JSON.stringify(profileFile)}, JSON.stringify(res.profile));`,
        "  process.exit(0);",
        "}));",
        "",
    ].join("\n"));
    return file;
}

export interface ProfileBucket {
    name: string;
    selfMs: number;
}

/** Self time per package (node_modules/<pkg>), per pack file, node internals, GC/idle. */
export function summarizeProfile(file: string, packDir: string): { totalMs: number; buckets: ProfileBucket[] } {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const buckets = new Map<string, number>();
    for (const [id, us] of self) {
        const name = bucketOf(byId.get(id)!, packDir);
        buckets.set(name, (buckets.get(name) ?? 0) + us / 1000);
    }
    const list = [...buckets].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs);
    return { totalMs: (profile.endTime - profile.startTime) / 1000, buckets: list };
}

function bucketOf(node: ProfileNode, packDir: string): string {
    const url = node.callFrame.url.replace(/^file:\/\//, "");
    const fn = node.callFrame.functionName;
    if (!url) return fn === "(idle)" ? "(idle: waiting on I/O or the harness)" : fn === "(garbage collector)" ? "(garbage collector)" : `(${fn || "native"})`;
    if (url.startsWith("node:")) return "node internals (module loader, fs...)";
    const nm = url.lastIndexOf("/node_modules/");
    if (nm >= 0) {
        const rest = url.slice(nm + "/node_modules/".length).split("/");
        const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
        // Name the vendored ts-node/typescript inside @pulumi/pulumi explicitly.
        const vendored = /\/vendor\/(ts-node@[^/]+|typescript@[^/]+)\//.exec(url);
        return vendored ? `${pkg} (vendored ${vendored[1]})` : pkg;
    }
    const rel = path.relative(packDir, url);
    return rel.startsWith("..") ? url : `pack: ${rel}`;
}
