#!/usr/bin/env node
// `check`: run the policy pack offline over fixtures, `pulumi stack export` files or
// `pulumi preview --json` output, through the same engine protocol the Pulumi CLI uses.
// Exit codes: 0 no mandatory violation, 1 mandatory violations (as `pulumi preview`
// fails), 2 unusable input or config (one line on stderr, never a stack trace).
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { readDataFile } from "../policies/lib/files";
import { STACK_SECRETS_PROVIDER_ENV } from "../policies/lib/stack-settings";
import { AnalyzerInfo, PackBootError } from "./engine/pack-process";
import { parsePolicyPackConfig, PolicyConfigError, PolicyPackConfig } from "./engine/policy-config";
import { defaultJobs, runMany } from "./run-many";
import { unusedExemptions } from "./exemptions-report";
import { InputError, LoadedInput, openInputFile, StreamedInput } from "./inputs";
import { loadProgramInput, ProgramCheckInput } from "./program/check-input";
import { ProgramError } from "./program/run-program";
import { progressLine, TextStream } from "./progress";
import { FileResult, formatJson, formatTable, REPORT_FORMATS, ReportFormat } from "./report";
import { formatSarif } from "./sarif";

const USAGE = `Usage: check [options] <file>...
       check [options] --program <dir>

Runs the aws-security-baseline policy pack over each file, as \`pulumi preview --policy-pack\` would.
Files: fixtures (see fixtures/README.md), \`pulumi stack export\` output, \`pulumi preview --json\` output.

Options:
  --config <file>    policy pack config, same format as --policy-pack-config
  --stack <name>     stack name (default: from the file, else "dev")
  --project <name>   project name (default: from the file, else "project")
  --org <name>       organization name (default: "organization")
  --preview          analyze as a preview (dry run: unknown values allowed)
  --pack <dir>       policy pack directory (default: this pack)
  --format <format>  table (default), json or sarif (SARIF 2.1.0, for GitHub code scanning);
                     see docs/report-format.md
  --output <file>    write the report to <file> instead of stdout
  --jobs <n>         files analyzed at once, each by its own pack process (default: the number of CPU cores)
  --program <dir>    run the Pulumi TypeScript/JavaScript program in <dir> offline (mocked engine,
                     config from Pulumi.<stack>.yaml) and check what it registers; see docs/check-program.md
  --invoke-answers <file>  with --program: JSON results for data sources check cannot answer
  --save-fixture <file>    with --program: also write the captured resources as a fixture
  --program-timeout <s>    with --program: give up after <s> seconds (default 120)
  -h, --help         show this help

Exit codes: 0 no mandatory violations, 1 mandatory violations, 2 unusable input, config or options.`;

class UsageError extends Error {}

/** Where `check` writes: the process's streams, or test doubles. */
export interface CheckIO {
    stdout: TextStream;
    stderr: TextStream;
}

export async function main(argv: string[], io: CheckIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
    let args;
    try {
        args = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                config: { type: "string" },
                stack: { type: "string" },
                project: { type: "string" },
                org: { type: "string" },
                preview: { type: "boolean", default: false },
                pack: { type: "string" },
                format: { type: "string", default: "table" },
                output: { type: "string" },
                jobs: { type: "string" },
                program: { type: "string" },
                "save-fixture": { type: "string" },
                "invoke-answers": { type: "string" },
                "program-timeout": { type: "string" },
                help: { type: "boolean", short: "h", default: false },
            },
        });
    } catch (e) {
        throw new UsageError(`${(e as Error).message.split("\n")[0]} (see --help)`);
    }
    if (args.values.help) {
        io.stdout.write(USAGE + "\n");
        return 0;
    }
    const program = args.values.program;
    if (args.positionals.length === 0 && program === undefined) throw new UsageError("no input files given (see --help)");
    for (const flag of ["save-fixture", "invoke-answers", "program-timeout"] as const) {
        if (args.values[flag] !== undefined && program === undefined) throw new UsageError(`--${flag} needs --program <dir>`);
    }
    const format = args.values.format as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(", ")}, not "${format}"`);
    const output = args.values.output;
    if (output !== undefined) checkWritable(output);
    const jobs = args.values.jobs === undefined ? defaultJobs() : Number(args.values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive whole number, not "${args.values.jobs}"`);

    const packDir = path.resolve(args.values.pack ?? findPackDir(__dirname));
    const policyConfig = args.values.config ? readPolicyConfig(args.values.config) : undefined;
    // Parse every input before booting anything: bad input fails fast.
    const inputs: { file: string; input: ProgramCheckInput["input"] | LoadedInput | StreamedInput }[] =
        args.positionals.map((file) => ({
            file,
            input: openInputFile(file, { stack: args.values.stack, project: args.values.project }),
        }));
    if (program !== undefined) {
        const { file, input } = await loadProgramInput({
            program, stack: args.values.stack, preview: args.values.preview, organization: args.values.org,
            saveFixture: args.values["save-fixture"], invokeAnswers: args.values["invoke-answers"], timeout: args.values["program-timeout"],
        }, (message) => io.stderr.write(`check: ${message}\n`));
        inputs.push({ file, input });
    }

    const results: FileResult[] = [];
    let info: AnalyzerInfo | undefined;
    let mandatory = 0;
    // Never in JSON or SARIF output, nor when stderr is a pipe or a CI log. One line for all files.
    const progress = format === "table" && io.stderr.isTTY
        ? progressLine(io.stderr, inputs.length === 1 ? `check: ${inputs[0].file}` : `check: ${inputs.length} files`)
        : undefined;
    const done = inputs.map(() => 0);
    const total = inputs.map(() => 0);
    const runs = await runMany(inputs.map(({ input }, i) => ({
            packDir,
            stack: input.stack ?? "dev",
            project: input.project ?? "project",
            organization: args.values.org ?? "organization",
            dryRun: args.values.preview || input.preview,
            policyConfig,
            resources: input.resources,
            // The engine never tells a pack the secrets provider; a stack export records it.
            env: { ...(input.secretsProvider ? { [STACK_SECRETS_PROVIDER_ENV]: input.secretsProvider } : {}), ...("env" in input ? input.env : {}) },
            stackConfig: "stackConfig" in input ? input.stackConfig : undefined,
            onProgress: progress && ((d: number, t: number) => {
                done[i] = d;
                total[i] = t;
                progress.update(done.reduce((a, b) => a + b), total.reduce((a, b) => a + b));
            }),
        })), jobs).finally(() => progress?.clear());
    for (const [i, { file, input }] of inputs.entries()) {
        const run = runs[i];
        info ??= run.info;
        mandatory += run.diagnostics.filter((d) => d.enforcementLevel === "mandatory").length;
        results.push({
            file,
            stack: input.stack,
            resources: run.resources,
            diagnostics: run.diagnostics,
            logs: run.logs.filter((l) => l.severity !== "debug"),
            unusedExemptions: unusedExemptions(policyConfig, run.resources),
        });
    }
    const report = { pack: info!, files: results };
    const text =
        format === "json" ? formatJson(report)
        : format === "sarif" ? formatSarif(report, { cwd: process.cwd(), readSource: readIfPossible })
        : formatTable(results, output === undefined && io.stdout.isTTY === true);
    if (output === undefined) io.stdout.write(text);
    else writeReport(output, text);
    return mandatory > 0 ? 1 : 0;
}

function readIfPossible(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
}

/** Fails before the run, not after it, when the report could not be written. */
function checkWritable(file: string): void {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--output ${file}: directory ${dir} does not exist`);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UsageError(`--output ${file}: is a directory`);
}

function writeReport(file: string, text: string): void {
    try {
        fs.writeFileSync(file, text);
    } catch (e: any) {
        throw new UsageError(`--output ${file}: cannot write the report (${e?.code ?? "error"})`);
    }
}

function readPolicyConfig(file: string): PolicyPackConfig {
    const read = readDataFile(file, "policy pack config", "json");
    if (!read.ok) throw new PolicyConfigError(read.problem);
    if (read.value === undefined) return {};
    try {
        return parsePolicyPackConfig(read.value);
    } catch (e) {
        if (e instanceof PolicyConfigError) throw new PolicyConfigError(`${file}: ${e.message}`);
        throw e;
    }
}

function findPackDir(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new UsageError("cannot find the policy pack (PulumiPolicy.yaml); pass --pack <dir>");
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => { process.exitCode = code; },
        (e) => {
            const known = e instanceof InputError || e instanceof PolicyConfigError || e instanceof UsageError || e instanceof PackBootError || e instanceof ProgramError;
            const text = known ? e.message : `internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
            process.stderr.write(`check: ${text}\n`);
            process.exitCode = 2;
        },
    );
}
