// `check --program <dir>`: run a Pulumi program offline and capture its stack. The program
// runs in a child process (child.ts) with @pulumi/pulumi's mocks in place of the engine; the
// check process only reads project files, waits (with a time limit) and converts what the
// child recorded. It never loads @pulumi/aws, nor the program's code.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readDataFile } from "../../policies/lib/files";
import { StackInput } from "../engine/model";
import { Captured, providerConfigFrom, SourceLocation, toEngineResources } from "./capture";
import type { ChildJob, ChildResult } from "./child";
import { loadProject, ProgramError, ProgramProject } from "./project";

export { ProgramError } from "./project";

export interface ProgramOptions {
    /** The directory holding Pulumi.yaml. */
    dir: string;
    stack?: string;
    preview: boolean;
    organization?: string;
    /** JSON file: invoke token → result (see docs/check-program.md). */
    invokeAnswersFile?: string;
    timeoutMs?: number;
}

export interface ProgramCapture extends StackInput, Captured {
    stack: string;
    project: string;
    preview: boolean;
    programDir: string;
    /** Pulumi.yaml, absolute: where findings without a source position point. */
    projectFile: string;
    /** URN → where the program constructs the resource, when the SDK recorded it. */
    sources: Record<string, SourceLocation>;
    /** The stack config, as the CLI hands it to a policy pack (secrets as placeholders). */
    stackConfig: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
const SETTLE_MS = 2_000;

export async function runProgram(options: ProgramOptions): Promise<ProgramCapture> {
    const project = loadProject(options.dir, options.stack);
    const answers = options.invokeAnswersFile ? readAnswers(options.invokeAnswersFile) : {};
    const region = project.config["aws:region"] || "us-east-1";
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-program-"));
    try {
        const job: ChildJob = {
            programDir: project.dir,
            entry: project.entry,
            typescript: project.typescript,
            // The language host sets PULUMI_NODEJS_TSCONFIG_PATH from runtime.options.tsconfig, over pulumi's own environment.
            tsNode: { tsconfig: project.tsconfig ?? (process.env.PULUMI_NODEJS_TSCONFIG_PATH || undefined), transpileOnly: process.env.PULUMI_NODEJS_TRANSPILE_ONLY || undefined },
            esm: project.esm,
            project: project.name,
            stack: project.stack,
            stackFile: project.stackFile && path.basename(project.stackFile),
            organization: options.organization ?? "organization",
            preview: options.preview,
            region,
            answers,
            resultFile: path.join(tmp, "result.json"),
            settleMs: SETTLE_MS,
        };
        const jobFile = path.join(tmp, "job.json");
        fs.writeFileSync(jobFile, JSON.stringify(job));
        const result = await runChildProcess(project, job, jobFile, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.dir);
        if (!result.ok) throw new ProgramError(`${options.dir}: ${result.error}`);
        const captured = toEngineResources(result.registrations, {
            stack: project.stack,
            project: project.name,
            preview: options.preview,
            providerConfig: (pkg) => providerConfigFrom(project.config, project.secretKeys, pkg),
        });
        return {
            stack: project.stack,
            project: project.name,
            preview: options.preview,
            programDir: project.dir,
            projectFile: project.projectFile,
            sources: Object.fromEntries(result.registrations.flatMap((r) => (r.kind === "register" && r.source ? [[r.urn, r.source]] : []))),
            secretsProvider: project.secretsProvider,
            stackConfig: project.config,
            resources: captured.resources,
            notes: [...project.notes, ...captured.notes],
        };
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

/**
 * Loads child.ts compiled (dist) or, when check itself runs from TypeScript sources (tests),
 * transpiled on the fly with our own `typescript`, then runs the job.
 */
const BOOTSTRAP = `
const [entry, job, typescript] = process.argv.slice(1);
if (entry.endsWith(".ts")) {
    const ts = require(typescript);
    require.extensions[".ts"] = (m, file) => m._compile(ts.transpileModule(require("fs").readFileSync(file, "utf8"),
        { fileName: file, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true } }).outputText, file);
}
require(entry).runChild(job);
`;

function runChildProcess(project: ProgramProject, job: ChildJob, jobFile: string, timeoutMs: number, label: string): Promise<ChildResult> {
    const compiled = path.join(__dirname, "child.js");
    const entry = fs.existsSync(compiled) ? compiled : path.join(__dirname, "child.ts");
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
        // Never point the program at a real engine, nor leak our own stack settings into it.
        if (k.startsWith("PULUMI_NODEJS_") || k === "PULUMI_CONFIG" || k === "PULUMI_CONFIG_SECRET_KEYS") continue;
        env[k] = v;
    }
    Object.assign(env, {
        PULUMI_CONFIG: JSON.stringify(project.config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(project.secretKeys),
        PULUMI_NODEJS_PROJECT: job.project,
        PULUMI_NODEJS_STACK: job.stack,
        PULUMI_NODEJS_ORGANIZATION: job.organization,
        PULUMI_NODEJS_DRY_RUN: String(job.preview),
        PULUMI_NODEJS_ROOT_DIRECTORY: project.dir,
        PWD: project.dir,
    });
    const args = ["-e", BOOTSTRAP, entry, jobFile, entry.endsWith(".ts") ? require.resolve("typescript") : ""];
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: project.dir, env, stdio: ["ignore", "pipe", "pipe"] });
        // The program's own output is not ours to print (it may hold secrets); keep a tail
        // only to explain a crash.
        let stderr = "";
        child.stdout!.resume();
        child.stderr!.on("data", (d) => { stderr = (stderr + d.toString()).slice(-4000); });
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
        }, timeoutMs);
        child.on("error", (e) => {
            clearTimeout(timer);
            reject(new ProgramError(`${label}: cannot start Node.js for the program (${(e as NodeJS.ErrnoException).code ?? "error"})`));
        });
        child.on("exit", (code, signal) => {
            clearTimeout(timer);
            if (timedOut) {
                return reject(new ProgramError(`${label}: the program did not finish within ${Math.round(timeoutMs / 1000)} s ` +
                    "(does it wait for something that never happens?); raise the limit with --program-timeout <seconds>"));
            }
            let text: string;
            try {
                text = fs.readFileSync(job.resultFile, "utf8");
            } catch {
                const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
                const line = crashLine(stderr);
                return reject(new ProgramError(`${label}: the program ${why} before it finished${line ? ` (${line.slice(0, 200)})` : ""}`));
            }
            try {
                resolve(JSON.parse(text));
            } catch {
                reject(new ProgramError(`${label}: the program's result could not be read`));
            }
        });
    });
}

/**
 * The line of a crashed program's stderr that says why: Node.js ends a fatal error with its
 * version after the stack, so the last line says nothing; the error's own line does.
 */
export function crashLine(stderr: string): string | undefined {
    const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    return lines.find((l) => /^(?:[A-Z]\w*)?(?:Error|Exception)\b(?: \[\w+\])?:/.test(l))
        ?? lines.filter((l) => !/^Node\.js v\d/.test(l)).pop();
}

/** The answers file: {"<invoke token>": {<result>}}; "pulumi:pulumi:StackReference": {"<stack>": {<outputs>}}. */
export function readAnswers(file: string): Record<string, unknown> {
    const read = readDataFile(file, "the invoke answers file", "json");
    if (!read.ok) throw new ProgramError(read.problem);
    const json = read.value;
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
        throw new ProgramError(`${file}: the invoke answers file must be a JSON object mapping invoke tokens to results`);
    }
    for (const [token, result] of Object.entries(json)) {
        if (typeof result !== "object" || result === null || Array.isArray(result)) {
            throw new ProgramError(`${file}: the answer for ${token} must be a JSON object (the invoke's result)`);
        }
    }
    return json as Record<string, unknown>;
}
