// Testing helpers for your own fixtures (`aws-security-baseline/testing`, docs/library.md):
// run the baseline pack, or an org pack built on the library, over a fixture, a
// `pulumi stack export` file or `pulumi preview --json` output, through the engine path (the
// pack booted as the Pulumi CLI boots it and driven over the Analyzer protocol, as in a
// preview), and get the findings. Works with any test runner. This repository's own
// engine-path tests and the policies' examples run through it.
import * as fs from "fs";
import * as path from "path";
import type { EngineResource } from "./cli/engine/model";
import { PackProcess } from "./cli/engine/pack-process";
import { parsePolicyPackConfig, PolicyPackConfig, readPolicyPackConfigFile } from "./cli/engine/policy-config";
import type { EnforcementLevel, Severity } from "./cli/engine/protocol";
import { analyzeWith, RunResult } from "./cli/engine/run";
import { LoadedInput, loadInputFile, parseInput } from "./cli/inputs";
import { violationText } from "./cli/report";
import { STACK_SECRETS_PROVIDER_ENV } from "./policies/lib/stack-settings";

export type { EnforcementLevel, RunResult, Severity };

/** One violation a policy reported. */
export interface Finding {
    policy: string;
    /** The level it was reported at (after the config's overrides). */
    level: EnforcementLevel;
    severity?: Severity;
    /** What is wrong, where and how to fix it (without the policy's description, which Pulumi prints above it). */
    message: string;
    /**
     * The resource's URN. A finding about the whole stack is on the stack resource
     * (type "pulumi:pulumi:Stack"), or on none: then urn, type and name are empty.
     */
    urn: string;
    /** The resource's type token. */
    type: string;
    /** The resource's logical name. */
    name: string;
}

export interface CheckResult {
    findings: Finding[];
    /** The findings of one policy. */
    of(policy: string): Finding[];
    /** The findings on the resource with this logical name. */
    on(name: string): Finding[];
    /** Whether a mandatory finding would fail `pulumi preview`. */
    failed: boolean;
    /** The whole run as the engine saw it: the pack's metadata, diagnostics, remediations, logs, resources. */
    run: RunResult;
}

/** A `--policy-pack-config` file's content: policy name to a level, or to `{enforcementLevel?, ...properties}`; `all` sets every level. */
export type PolicyPackConfigFile = Record<string, EnforcementLevel | Record<string, unknown>>;

/**
 * A fixture (fixtures/README.md in the repository), a `pulumi stack export` or
 * `pulumi preview --json` output: a path to the JSON file, or its parsed content.
 */
export type StackSource = string | object;

export interface PackOptions {
    /** The pack's directory (its PulumiPolicy.yaml and package.json). Default: the baseline pack itself. */
    packDir?: string;
    stack?: string;
    project?: string;
    organization?: string;
    /** Analyze as a preview (dry run: unknown values allowed). */
    preview?: boolean;
    /** The stack's secrets-provider URL, as a stack export records it. */
    secretsProvider?: string;
    /** Stack config as the CLI passes it, e.g. {"aws:region": "eu-west-1"}. */
    stackConfig?: Record<string, string>;
    /** Extra environment for the pack process (e.g. PWD, the directory `pulumi` would run in). */
    env?: Record<string, string | undefined>;
}

export interface RunOptions {
    /** The pack's config: a `--policy-pack-config` file's content, or its path. */
    config?: PolicyPackConfigFile | string;
}

export interface CheckStackOptions extends PackOptions, RunOptions {
    input: StackSource;
    /** A pack started with `startPack`, to check many inputs with one boot; its options apply. */
    pack?: StartedPack;
}

/** A booted pack: check as many inputs as you like, then close it. */
export interface StartedPack {
    readonly options: Readonly<PackOptions> & { packDir: string };
    /** The pack process (protocol calls, `stderr`, `logs`). */
    readonly process: PackProcess;
    check(input: StackSource, options?: RunOptions): Promise<CheckResult>;
    close(): Promise<void>;
}

/** The baseline pack's directory: the package this module belongs to. */
export function baselinePackDir(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`cannot find the aws-security-baseline pack above ${__dirname}`);
    }
}

/** Boots a pack as the Pulumi CLI does, for one stack. */
export async function startPack(options: PackOptions = {}): Promise<StartedPack> {
    const resolved = { ...options, packDir: path.resolve(options.packDir ?? baselinePackDir()) };
    const env = { ...(resolved.secretsProvider ? { [STACK_SECRETS_PROVIDER_ENV]: resolved.secretsProvider } : {}), ...resolved.env };
    const packProcess = await PackProcess.boot({
        packDir: resolved.packDir,
        stack: resolved.stack ?? "dev",
        project: resolved.project ?? "project",
        organization: resolved.organization,
        dryRun: resolved.preview ?? false,
        stackConfig: resolved.stackConfig,
        env,
    });
    const started: StartedPack = {
        options: resolved,
        process: packProcess,
        async check(input, runOptions = {}) {
            const loaded = load(input, resolved);
            if (loaded.preview && !resolved.preview) throw new Error(`${label(input)} is a preview: start the pack with { preview: true }, or use checkStack`);
            if (loaded.secretsProvider !== undefined && loaded.secretsProvider !== resolved.secretsProvider) {
                throw new Error(`${label(input)} records its stack's secrets provider: start the pack with that secretsProvider, or use checkStack`);
            }
            return result(await analyzeWith(packProcess, { packDir: resolved.packDir, resources: loaded.resources, policyConfig: policyConfig(runOptions.config) }));
        },
        close: () => packProcess.close(),
    };
    return started;
}

/**
 * Runs a pack over one input and returns its findings. Without `pack`, boots one for the
 * input's stack (its name, project, preview flag and secrets provider, unless the options
 * say otherwise) and stops it afterwards.
 */
export async function checkStack(options: CheckStackOptions): Promise<CheckResult> {
    const { input, pack, config, ...packOptions } = options;
    if (pack) return pack.check(input, { config });
    const loaded = load(input, packOptions);
    const preview = packOptions.preview ?? loaded.preview;
    const secretsProvider = packOptions.secretsProvider ?? loaded.secretsProvider;
    const started = await startPack({
        ...packOptions,
        stack: packOptions.stack ?? loaded.stack,
        project: packOptions.project ?? loaded.project,
        preview,
        secretsProvider,
    });
    try {
        return await started.check({ ...loaded, preview, secretsProvider }, { config });
    } finally {
        await started.close();
    }
}

function label(input: StackSource): string {
    return typeof input === "string" ? input : "the input";
}

function load(input: StackSource | LoadedInput, options: PackOptions): LoadedInput {
    const identity = { stack: options.stack, project: options.project };
    if (typeof input === "string") return loadInputFile(input, identity);
    if (isLoaded(input)) return input;
    return parseInput(input, "input", identity);
}

function isLoaded(input: object): input is LoadedInput {
    const o = input as Partial<LoadedInput>;
    return typeof o.format === "string" && typeof o.preview === "boolean" && Array.isArray(o.resources);
}

function policyConfig(config: RunOptions["config"]): PolicyPackConfig | undefined {
    if (config === undefined) return undefined;
    return typeof config === "string" ? readPolicyPackConfigFile(config) : parsePolicyPackConfig(config);
}

function result(run: RunResult): CheckResult {
    const byUrn = new Map<string, EngineResource>(run.resources.map((r) => [r.urn, r]));
    const findings = run.diagnostics.map((d): Finding => {
        const resource = byUrn.get(d.urn);
        return {
            policy: d.policyName,
            level: d.enforcementLevel,
            ...(d.severity ? { severity: d.severity } : {}),
            message: violationText(d),
            urn: d.urn,
            type: resource?.type ?? "",
            name: resource?.name ?? "",
        };
    });
    return {
        findings,
        of: (policy) => findings.filter((f) => f.policy === policy),
        on: (name) => findings.filter((f) => f.name === name),
        failed: findings.some((f) => f.level === "mandatory"),
        run,
    };
}
