#!/usr/bin/env node
// `check`: run the policy pack offline over fixtures, `pulumi stack export` files or
// `pulumi preview --json` output, through the same engine protocol the Pulumi CLI uses.
// Exit codes: 0 no mandatory violation, 1 mandatory violations (as `pulumi preview`
// fails), 2 unusable input or config (one line on stderr, never a stack trace).
// Unlike the Pulumi CLI, `check` rejects what a config cannot mean (unknown policy names and
// keys), and it applies exemptions itself so that exempted findings stay in the report.
// First: Node.js's compile cache for what `check` loads (policies/lib/compile-cache.ts).
import "../policies/lib/compile-cache";
import * as fs from "fs";
import * as path from "path";
import { StringDecoder } from "string_decoder";
import { parseArgs } from "util";
import { oneLine } from "../policies/lib/describe";
import { DOCS_URL_ENV } from "../policies/lib/docs";
import type { Exemption } from "../policies/lib/exemptions";
import { STACK_SECRETS_PROVIDER_ENV } from "../policies/lib/stack-settings";
import { AnalyzerInfo, BootOptions, PackBootError } from "./engine/pack-process";
import {
    checkPolicyPackConfig, PolicyConfigError, PolicyPackConfig, readPolicyPackConfigFile, reconcilePolicyConfig, RETIRED_POLICIES, withoutRetiredPolicies,
} from "./engine/policy-config";
import { applyExemptions, ExemptionSplit, splitExemptions, unusedExemptions } from "./exemptions-report";
import { failureNote, InputError, LoadedInput, openInputFile, peekStackIdentity, pendingNote, readsNote, samesNote, StackIdentity, StreamedInput } from "./inputs";
import { defaultJobs, EarlyBoot, runMany } from "./run-many";
import { loadProgramInput, ProgramCheckInput } from "./program/check-input";
import { ProgramError } from "./program/run-program";
import { progressLine, TextStream } from "./progress";
import { FileResult, formatJson, formatTable, REPORT_FORMATS, ReportFormat, ReportOptions } from "./report";
import { formatSarif } from "./sarif";

const USAGE = `Usage: check [options] <file>...
       check [options] --program <dir>

Runs the aws-security-baseline policy pack over each file, as \`pulumi preview --policy-pack\` would.
Files: fixtures (see fixtures/README.md), \`pulumi stack export\` output, \`pulumi preview --json --show-sames\` output.

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

Paths are relative to the directory check was started from (for \`npm run check\`, where npm was run).
A config naming no policy of the pack, or a key a policy does not have, is an error (exit 2).
Exempted findings are reported apart and do not count. Policy links come from package.json
\`repository\`; set ${DOCS_URL_ENV} to the URL under which docs/policies/ lives to change them.

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
    const policyConfig = args.values.config ? readPolicyConfig(args.values.config, (m) => io.stderr.write(`check: ${oneLine(m)}\n`)) : undefined;
    const checkedConfig = policyConfig && args.values.config ? configForCheck(args.values.config, policyConfig) : undefined;
    const loadOptions = { stack: args.values.stack, project: args.values.project };
    /** How the Pulumi CLI would boot the pack for a stack. */
    const bootOptions = (input: StackIdentity | ProgramCheckInput["input"]): BootOptions => ({
        packDir,
        stack: input.stack ?? "dev",
        project: input.project ?? "project",
        organization: args.values.org ?? "organization",
        dryRun: args.values.preview || input.preview,
        // The engine never tells a pack the secrets provider; a stack export records it.
        env: { ...(input.secretsProvider ? { [STACK_SECRETS_PROVIDER_ENV]: input.secretsProvider } : {}), ...("env" in input ? input.env : {}) },
        stackConfig: "stackConfig" in input ? input.stackConfig : undefined,
    });
    // The first stack's pack boots while its file is read through, when the file's start
    // names the stack: reading a large export takes about as long as a boot.
    const first = args.positionals.length > 0 ? peekStackIdentity(args.positionals[0], loadOptions) : undefined;
    const early = first && (await EarlyBoot.start(bootOptions(first)));
    try {
        // Open every input before running anything: an unreadable file, broken JSON structure or an
        // unknown shape fails fast; a resource of a stack export or preview that is not JSON, or not
        // a resource, fails the run when it is read.
        const inputs: { file: string; input: ProgramCheckInput["input"] | LoadedInput | StreamedInput }[] =
            args.positionals.map((file) => ({ file, input: openInputFile(file, loadOptions) }));
        if (program !== undefined) {
            const { file, input } = await loadProgramInput({
                program, stack: args.values.stack, preview: args.values.preview, organization: args.values.org,
                saveFixture: args.values["save-fixture"], invokeAnswers: args.values["invoke-answers"], timeout: args.values["program-timeout"],
            }, (message) => io.stderr.write(`check: ${oneLine(message)}\n`));
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
                ...bootOptions(input),
                policyConfig: checkedConfig?.forPack,
                resources: input.resources,
                onProgress: progress && ((d: number, t: number) => {
                    done[i] = d;
                    total[i] = t;
                    progress.update(done.reduce((a, b) => a + b), total.reduce((a, b) => a + b));
                }),
            })), jobs, early).finally(() => progress?.clear());
        for (const [i, { file, input }] of inputs.entries()) {
            const run = runs[i];
            // On stderr in every format: stdout holds only the report. Known once the input is read through.
            const notes = "reads" in input ? [failureNote(input.failure), samesNote(input.sames), readsNote(input.reads), pendingNote(input.pending)] : [];
            for (const n of notes) if (n) io.stderr.write(`check: ${oneLine(`${file}: note: ${n}`)}\n`);
            info ??= run.info;
            const { violations, exempted } = applyExemptions(run.diagnostics, run.resources, checkedConfig?.applied() ?? new Map());
            mandatory += violations.filter((d) => d.enforcementLevel === "mandatory").length;
            results.push({
                file,
                stack: input.stack,
                resources: run.resources,
                diagnostics: violations,
                exempted,
                logs: run.logs.filter((l) => l.severity !== "debug"),
                unusedExemptions: unusedExemptions(policyConfig, run.resources),
                ...("program" in input ? { program: input.program } : {}),
                ...(!Array.isArray(input.resources) ? { lines: input.resources.lines } : {}),
            });
        }
        const report = { pack: info!, files: results };
        const options: ReportOptions = { cwd: process.cwd(), readSource: readIfPossible };
        const text =
            format === "json" ? formatJson(report, options)
            : format === "sarif" ? formatSarif(report, options)
            : formatTable(report, output === undefined && io.stdout.isTTY === true, options);
        if (output === undefined) io.stdout.write(text);
        else writeReport(output, text);
        return mandatory > 0 ? 1 : 0;
    } finally {
        await early?.discard();
    }
}

/** A fixture's text in chunks, read when a report looks for a resource's line (never whole: a fixture can be larger than a string). */
function readIfPossible(file: string): Iterable<string> | undefined {
    let fd: number;
    try {
        fd = fs.openSync(file, "r");
    } catch {
        return undefined;
    }
    return (function* () {
        const decoder = new StringDecoder("utf8");
        const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
        try {
            for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) yield decoder.write(buf.subarray(0, n));
            yield decoder.end();
        } catch {
            // Unreadable now: the findings that follow point at line 1.
        } finally {
            fs.closeSync(fd);
        }
    })();
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

/** `--config`, parsed as the Pulumi CLI parses it; retired policy names are dropped with a warning. */
function readPolicyConfig(file: string, warn: (message: string) => void): PolicyPackConfig {
    const { config, retired } = withoutRetiredPolicies(readPolicyPackConfigFile(file));
    for (const name of retired) warn(`${file}: warning: "${name}" ${RETIRED_POLICIES[name]}`);
    return config;
}

interface CheckedConfig {
    /** For runPack: validates the config against the pack's metadata (once) and returns what the pack gets. */
    forPack(info: AnalyzerInfo): PolicyPackConfig;
    /** The exemptions `check` applies itself, per policy (known once forPack has run). */
    applied(): ReadonlyMap<string, readonly Exemption[]>;
}

/**
 * The config checked against what the pack serves, right after it says what it serves and
 * before any resource is analyzed: unknown policy names and keys fail the run (exit 2) with
 * the closest real name, as they cannot fail it under the Pulumi CLI. (Loading the registry in
 * this process instead would add about 0.4 s to every run and would not cover --pack.)
 */
function configForCheck(file: string, config: PolicyPackConfig): CheckedConfig {
    let split: ExemptionSplit | undefined;
    return {
        forPack(info) {
            if (!split) {
                const errors = checkPolicyPackConfig(info.policies, config);
                if (errors.length) throw new PolicyConfigError(`${file}: ${errors.join("; ")}`);
                try {
                    split = splitExemptions(config, reconcilePolicyConfig(info, config));
                } catch (e) {
                    if (e instanceof PolicyConfigError) throw new PolicyConfigError(`${file}: ${e.message}`);
                    throw e;
                }
            }
            return split.sent;
        },
        applied: () => split?.applied ?? new Map(),
    };
}

/**
 * Where the user started `check`. npm runs a script in the package's directory and records
 * where npm itself was run in INIT_CWD; a script that changed directory on its own is not
 * second-guessed.
 */
export function callerDirectory(env: NodeJS.ProcessEnv, cwd: string): string {
    const init = env.INIT_CWD;
    const pkg = env.npm_package_json;
    if (!init || !pkg || path.resolve(path.dirname(pkg)) !== path.resolve(cwd)) return cwd;
    try {
        return fs.statSync(init).isDirectory() ? init : cwd;
    } catch {
        return cwd;
    }
}

function findPackDir(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new UsageError("cannot find the policy pack (PulumiPolicy.yaml); pass --pack <dir>");
    }
}

if (require.main === module) {
    // Every path (inputs, --config, --output, --program, ...) and every path in a report is
    // relative to where the user ran check, as a CI job's SARIF must be.
    const caller = callerDirectory(process.env, process.cwd());
    if (caller !== process.cwd()) {
        process.chdir(caller);
        process.env.PWD = caller;
    }
    main(process.argv.slice(2)).then(
        (code) => { process.exitCode = code; },
        (e) => {
            const known = e instanceof InputError || e instanceof PolicyConfigError || e instanceof UsageError || e instanceof PackBootError || e instanceof ProgramError;
            const text = known ? e.message : `internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
            process.stderr.write(`check: ${oneLine(text)}\n`);
            process.exitCode = 2;
        },
    );
}
