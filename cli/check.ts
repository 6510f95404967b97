#!/usr/bin/env node
// `check`: run the policy pack offline over fixtures, `pulumi stack export` files or
// `pulumi preview --json` output, through the same engine protocol the Pulumi CLI uses.
// Exit codes: 0 no mandatory violation, 1 mandatory violations (as `pulumi preview`
// fails), 2 unusable input or config (one line on stderr, never a stack trace).
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { STACK_SECRETS_PROVIDER_ENV } from "../policies/lib/stack-settings";
import { PackBootError } from "./engine/pack-process";
import { parsePolicyPackConfig, PolicyConfigError, PolicyPackConfig } from "./engine/policy-config";
import { runPack } from "./engine/run";
import { describeUnused, unusedExemptions } from "./exemptions-report";
import { InputError, loadInputFile } from "./inputs";
import { FileResult, formatTable } from "./report";

const USAGE = `Usage: check [options] <file>...

Runs the aws-security-baseline policy pack over each file, as \`pulumi preview --policy-pack\` would.
Files: fixtures (see fixtures/README.md), \`pulumi stack export\` output, \`pulumi preview --json\` output.

Options:
  --config <file>    policy pack config, same format as --policy-pack-config
  --stack <name>     stack name (default: from the file, else "dev")
  --project <name>   project name (default: from the file, else "project")
  --org <name>       organization name (default: "organization")
  --preview          analyze as a preview (dry run: unknown values allowed)
  --pack <dir>       policy pack directory (default: this pack)
  -h, --help         show this help

Exit codes: 0 no mandatory violations, 1 mandatory violations, 2 unusable input or config.`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
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
                help: { type: "boolean", short: "h", default: false },
            },
        });
    } catch (e) {
        throw new UsageError(`${(e as Error).message.split("\n")[0]} (see --help)`);
    }
    if (args.values.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    if (args.positionals.length === 0) throw new UsageError("no input files given (see --help)");

    const packDir = path.resolve(args.values.pack ?? findPackDir(__dirname));
    const policyConfig = args.values.config ? readPolicyConfig(args.values.config) : undefined;
    // Parse every input before booting anything: bad input fails fast.
    const inputs = args.positionals.map((file) => ({
        file,
        input: loadInputFile(file, { stack: args.values.stack, project: args.values.project }),
    }));

    const results: FileResult[] = [];
    let mandatory = 0;
    for (const { file, input } of inputs) {
        const notes: string[] = [];
        const run = await runPack({
            packDir,
            stack: input.stack ?? "dev",
            project: input.project ?? "project",
            organization: args.values.org ?? "organization",
            dryRun: args.values.preview || input.preview,
            policyConfig,
            resources: input.resources,
            // The engine never tells a pack the secrets provider; a stack export records it.
            env: input.secretsProvider ? { [STACK_SECRETS_PROVIDER_ENV]: input.secretsProvider } : undefined,
        });
        for (const l of run.logs) if (l.severity !== "debug") notes.push(`${l.severity}: ${l.message}`);
        for (const u of unusedExemptions(policyConfig, run.resources)) notes.push(describeUnused(u));
        mandatory += run.diagnostics.filter((d) => d.enforcementLevel === "mandatory").length;
        results.push({ file, stack: input.stack, resources: run.resources, diagnostics: run.diagnostics, notes });
    }
    process.stdout.write(formatTable(results, process.stdout.isTTY === true));
    return mandatory > 0 ? 1 : 0;
}

function readPolicyConfig(file: string): PolicyPackConfig {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new PolicyConfigError(`${file}: cannot read policy pack config`);
    }
    if (text.trim() === "") return {};
    try {
        return parsePolicyPackConfig(JSON.parse(text));
    } catch (e) {
        if (e instanceof PolicyConfigError) throw new PolicyConfigError(`${file}: ${e.message}`);
        throw new PolicyConfigError(`${file}: policy pack config is not valid JSON`);
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
            const known = e instanceof InputError || e instanceof PolicyConfigError || e instanceof UsageError || e instanceof PackBootError;
            const text = known ? e.message : `internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
            process.stderr.write(`check: ${text}\n`);
            process.exitCode = 2;
        },
    );
}
