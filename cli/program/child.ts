// The child process that runs a user's Pulumi program: never the check process itself, as a
// program can hang, throw, or call process.exit. It loads the program's OWN @pulumi/pulumi,
// installs @pulumi/pulumi's mocks in place of the engine, records every registration request
// in full (the SDK's MockResourceArgs lacks parent, protect, dependencies, the other options
// and the source position), and writes one JSON result file: the registrations, or a
// one-line error.
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";
import { SIG, SIG_KEY } from "../../policies/lib/wire";
import { makeUrn, urnQualifiedType } from "../engine/model";
import type { Registration, SourceLocation } from "./capture";
import { AutonameError, checkedAutoname, createMocks, ResourceShape, resourceShapeReader, unfilledOutputHint } from "./mocks";
import { esmTypeScriptLoader, ProgramSyntaxError, ProgramTypeError, registerTypeScript, registerTypeScriptModules, TsNodeSettings, typeCheck } from "./typescript";

export interface ChildJob {
    programDir: string;
    /** What to load: a file, or a directory (Node resolves its index). */
    entry: string;
    typescript: boolean;
    /** How Pulumi would register ts-node: the tsconfig it names, PULUMI_NODEJS_TRANSPILE_ONLY ("true": no type-check; unset: the tsconfig's `noCheck` decides). */
    tsNode: TsNodeSettings;
    /** package.json "type": "module": loaded with import(). */
    esm: boolean;
    project: string;
    stack: string;
    /** The stack file's name (Pulumi.<stack>.yaml), when there is one. */
    stackFile?: string;
    organization: string;
    preview: boolean;
    region: string;
    answers: Record<string, unknown>;
    resultFile: string;
    /** How long to wait for stragglers once the program's main function is done, when something keeps the process alive. */
    settleMs: number;
}

export type ChildResult =
    | { ok: true; registrations: Registration[] }
    | { ok: false; error: string; unanswered?: string[] };

// Pulumi's own loader does this too (cmd/run/run.js): import() that TypeScript leaves alone.
const dynamicImport: (url: string) => Promise<any> = (0, eval)("u => import(u)");

export function runChild(jobFile: string): void {
    const job: ChildJob = JSON.parse(fs.readFileSync(jobFile, "utf8"));
    const registrations: Registration[] = [];
    const unanswered = new Set<string>();
    let written = false;
    let stackDone = false;
    let waitForRpcs: () => Promise<void> = async () => undefined;

    const write = (result: ChildResult) => {
        if (written) return;
        written = true;
        fs.writeFileSync(job.resultFile, JSON.stringify(result));
    };
    const fail = (error: string) => {
        // What the program could not get explains whatever failed next.
        if (unanswered.size) write({ ok: false, error: unansweredMessage(unanswered), unanswered: [...unanswered] });
        else write({ ok: false, error });
        process.exit(0);
    };
    const complete = async () => {
        if (written) return;
        await waitForRpcs();
        if (unanswered.size) return fail("");
        write({ ok: true, registrations });
        process.exit(0);
    };

    process.on("uncaughtException", (e) => fail(describeError(e, job)));
    process.on("unhandledRejection", (e) => fail(describeError(e, job)));
    process.on("exit", (code) => {
        write({ ok: false, error: `the program called process.exit(${code}) before it finished` });
    });
    // The event loop drained: everything the program would register is registered.
    process.on("beforeExit", () => {
        if (!stackDone) return fail("the program stopped before its main function finished (it awaits a promise that never resolves)");
        void complete();
    });

    let pulumiDir: string;
    try {
        pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [job.programDir] }));
    } catch {
        return fail(`cannot find @pulumi/pulumi from ${job.programDir}: install the program's dependencies (npm install) first`);
    }
    const pulumi = require(pulumiDir);
    // The SDK reads a resource's source position from `at fn (file:line:column)` frames only; an
    // ES module's top-level code has none (`at file:///.../index.js:3:11`), so its resources would
    // have no location. Accept both forms (only here: the pack's SDK is untouched).
    if (pulumi.Resource && pulumi.Resource.framePositionRegExp instanceof RegExp) {
        pulumi.Resource.framePositionRegExp = /^\s*at (?:.* \()?(?<file>.*?):(?<line>[0-9]+):(?<column>[0-9]+)\)?$/;
    }
    const settings = require(path.join(pulumiDir, "runtime", "settings.js"));
    const stackModule = require(path.join(pulumiDir, "runtime", "stack.js"));
    waitForRpcs = async () => {
        try {
            await settings.waitForRPCs();
        } catch {
            // A failed registration is reported by the rejection it causes.
        }
    };

    const shapeOf = resourceShapeReader(job.programDir);
    const mocks = createMocks({ preview: job.preview, region: job.region, answers: job.answers, unanswered, shapeOf });
    pulumi.runtime.setMocks(mocks, job.project, job.stack, job.preview, job.organization);
    recordRegistrations(settings.getMonitor(), job, registrations, fail, shapeOf);
    answerMethodCalls(settings.getMonitor(), pulumiDir);

    // An ES module .ts entry: as Pulumi would load it on this Node.js (esmTypeScriptLoader).
    let esmLoader: ReturnType<typeof esmTypeScriptLoader> | undefined;
    if (job.typescript && job.esm && /\.m?ts$/.test(job.entry)) {
        try {
            esmLoader = esmTypeScriptLoader(job.programDir, pulumiDir, job.entry);
        } catch (e) {
            return fail(describeError(e, job));
        }
        if (esmLoader.kind === "refused") return fail(esmLoader.message);
    }
    if (job.typescript && esmLoader?.kind !== "native") {
        try {
            typeCheck(job.programDir, job.entry, job.esm, pulumiDir, job.tsNode);
        } catch (e) {
            return fail(describeError(e, job));
        }
    }
    if (job.typescript && job.esm && esmLoader?.kind !== "native") {
        try {
            registerTypeScriptModules(job.programDir, pulumiDir, job.tsNode, path.join(path.dirname(job.resultFile), "esm-hooks.mjs"));
        } catch (e) {
            return fail(describeError(e, job));
        }
    } else if (job.typescript) {
        registerTypeScript(job.programDir, pulumiDir, job.tsNode);
    }
    process.argv = [process.argv[0], job.entry];

    const main = async () => {
        let exported: any;
        if (job.esm) {
            exported = await dynamicImport(pathToFileURL(job.entry).href);
            if (Object.getOwnPropertyDescriptor(exported, "default") !== undefined) exported = exported.default;
        } else {
            exported = require(fs.statSync(job.entry).isDirectory() ? job.entry + path.sep : job.entry);
        }
        // A program may export a (possibly async) function: Pulumi runs it for the stack outputs.
        return await (typeof exported === "function" ? exported() : exported);
    };
    stackModule.runInPulumiStack(main).then(
        async () => {
            stackDone = true;
            await waitForRpcs();
            // Normally the event loop drains now (beforeExit); if a timer or server keeps it
            // alive, finish anyway once registrations have settled.
            setTimeout(() => void complete(), job.settleMs).unref();
        },
        (e: unknown) => fail(describeError(e, job)),
    );
}

/**
 * A component's methods (`cluster.getKubeconfig()`) are calls to the component's provider, which
 * check does not run. The SDK's mock monitor has no `call`, so the SDK failed with "monitor.call
 * is not a function"; they are answered as invokes are: from the answers file, by the method's
 * token (`eks:index:Cluster/getKubeconfig`), else named as unanswered.
 */
function answerMethodCalls(monitor: any, pulumiDir: string): void {
    if (typeof monitor.call === "function") return;
    const { CallResponse } = require(path.join(pulumiDir, "proto", "provider_pb.js"));
    monitor.call = (req: any, callback: (err: any, resp: any) => void) => {
        monitor.invoke(req, (err: any, invoked: any) => {
            if (err) return callback(err, undefined);
            const resp = new CallResponse();
            resp.setReturn(invoked.getReturn());
            callback(null, resp);
        });
    };
}

/** Wraps the mock monitor to record each request whole, and to build URNs as the engine does. */
function recordRegistrations(monitor: any, job: ChildJob, registrations: Registration[], fail: (error: string) => void, shapeOf: (type: string) => ResourceShape | undefined): void {
    // The SDK's MockMonitor prefixes only the parent's own type (the root stack's too); the
    // engine prefixes the parent's whole type chain and never the root stack's type.
    monitor.newUrn = (parent: string, type: string, name: string) =>
        makeUrn(job.stack, job.project, type, name, parent ? urnQualifiedType(parent) : undefined);
    const byUrn = new Map<string, Registration>();

    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) => {
        const misnamed = nameProblem(req, job.programDir);
        if (misnamed) return fail(misnamed);
        const r = fromRegisterRequest(req, monitor.newUrn(req.getParent(), req.getType(), req.getName()), job);
        registrations.push(r);
        byUrn.set(r.urn, r);
        const standIns = withoutEmptyTextAssets(r.inputs);
        if (standIns !== r.inputs) req.setObject(req.getObject().constructor.fromJavaScript(standIns));
        // Analyzers get the inputs the provider's Check returns, with the name it proposes; the
        // mock still gets the program's own inputs (and proposes the same name for the outputs).
        let autonamed: ReturnType<typeof checkedAutoname>;
        try {
            autonamed = checkedAutoname({ type: r.type, name: r.name, inputs: r.inputs, custom: r.custom, id: r.importId }, shapeOf(r.type));
        } catch (e) {
            if (e instanceof AutonameError) return fail(autonameProblem(req, e, job.programDir));
            throw e;
        }
        if (autonamed) r.inputs = { ...r.inputs, [autonamed.property]: autonamed.name };
        return registerResource(req, (err: any, resp: any) => {
            if (!err && resp) r.outputs = withEmptyTextAssets(resp.getObject()?.toJavaScript() ?? {});
            callback(err, resp);
        });
    };

    const readResource = monitor.readResource.bind(monitor);
    monitor.readResource = (req: any, callback: (err: any, resp: any) => void) => {
        const misnamed = nameProblem(req, job.programDir);
        if (misnamed) return fail(misnamed);
        registrations.push({
            kind: "read",
            type: req.getType(),
            name: req.getName(),
            urn: monitor.newUrn(req.getParent(), req.getType(), req.getName()),
            parent: req.getParent(),
            custom: true,
            remote: false,
            protect: false,
            provider: req.getProvider(),
            version: req.getVersion(),
            dependencies: req.getDependenciesList(),
            propertyDependencies: {},
            inputs: req.getProperties()?.toJavaScript() ?? {},
            ignoreChanges: [],
            additionalSecretOutputs: req.getAdditionalsecretoutputsList?.() ?? [],
            aliases: [],
        });
        return readResource(req, callback);
    };

    // Components (and the stack) record their outputs with registerOutputs.
    const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: (err: any, resp: any) => void) => {
        const r = byUrn.get(req.getUrn());
        if (r) r.outputs = req.getOutputs()?.toJavaScript() ?? {};
        return registerResourceOutputs(req, callback);
    };
}

/**
 * Why a request's resource name is unusable, if it is. The SDK checks only that a name is
 * given, so `new aws.lambda.Function(tags, ...)` reaches the engine, which gets an empty name
 * (protobuf writes no string for an object): say so here, where the constructing line is known.
 */
function nameProblem(req: any, programDir: string): string | undefined {
    const name: unknown = req.getName();
    if (typeof name === "string") return undefined;
    const kind = Array.isArray(name) ? "an array" : name === null ? "null" : typeof name === "object" ? "an object" : `a ${typeof name}`;
    const source = sourceOf(req, programDir);
    const at = source ? ` at ${path.relative(programDir, source.file)}:${source.line}` : "";
    return `the program failed: the ${req.getType()} resource${at} is given ${kind} as its name: ` +
        "pass a string as the constructor's first argument (the logical name in the resource's URN)";
}

/** A logical name too long for the name pulumi-aws derives from it: its Check fails, and so would the real preview. */
function autonameProblem(req: any, error: AutonameError, programDir: string): string {
    const source = sourceOf(req, programDir);
    const at = source ? ` at ${path.relative(programDir, source.file)}:${source.line}` : "";
    return `the program failed: the ${req.getType()} resource${at} gets no name from the provider's Check (${error.message}): ` +
        "give it a shorter logical name or set its name";
}

// The SDK's mock monitor cannot unmarshal an asset whose text is empty (`new
// pulumi.asset.StringAsset("")`, an S3 folder marker): rpc.js tests `if (prop["text"])` and
// throws "Invalid asset", where the engine takes it as empty text. The mock gets a stand-in
// text, and the outputs it echoes get "" back; the recorded inputs are the request's own.
const EMPTY_TEXT_STAND_IN = "\u0000check: empty asset text\u0000";

function isAsset(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SIG.asset;
}

/** `value` with every empty-text asset's text replaced by `from` → `to`; the same object when there is none. */
function replaceAssetText(value: unknown, from: string, to: string): unknown {
    if (isAsset(value)) {
        const hasPathOrUri = Boolean(value.path) || Boolean(value.uri);
        return !hasPathOrUri && (value.text ?? "") === from ? { ...value, text: to } : value;
    }
    if (Array.isArray(value)) {
        const items = value.map((v) => replaceAssetText(v, from, to));
        return items.some((v, i) => v !== value[i]) ? items : value;
    }
    if (typeof value === "object" && value !== null) {
        let changed: Record<string, unknown> | undefined;
        for (const [k, v] of Object.entries(value)) {
            const w = replaceAssetText(v, from, to);
            if (w !== v) (changed ??= { ...(value as Record<string, unknown>) })[k] = w;
        }
        return changed ?? value;
    }
    return value;
}

const withoutEmptyTextAssets = (inputs: Record<string, unknown>) => replaceAssetText(inputs, "", EMPTY_TEXT_STAND_IN) as Record<string, unknown>;
const withEmptyTextAssets = (outputs: Record<string, unknown>) => replaceAssetText(outputs, EMPTY_TEXT_STAND_IN, "") as Record<string, unknown>;

function fromRegisterRequest(req: any, urn: string, job: ChildJob): Registration {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    const timeouts = req.getCustomtimeouts();
    const customTimeouts = timeouts && (timeouts.getCreate() || timeouts.getUpdate() || timeouts.getDelete())
        ? { create: timeouts.getCreate() || undefined, update: timeouts.getUpdate() || undefined, delete: timeouts.getDelete() || undefined }
        : undefined;
    const r: Registration = {
        kind: "register",
        type: req.getType(),
        name: req.getName(),
        urn,
        parent: req.getParent(),
        custom: req.getCustom(),
        remote: req.getRemote(),
        // The SDK has already applied inheritance from the parent (resource.ts).
        protect: req.hasProtect() ? req.getProtect() : false,
        provider: req.getProvider(),
        version: req.getVersion(),
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        inputs: req.getObject()?.toJavaScript() ?? {},
        ignoreChanges: req.getIgnorechangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        aliases: aliasUrns(req, job),
    };
    if (req.getDeletebeforereplacedefined()) r.deleteBeforeReplace = req.getDeletebeforereplace();
    if (req.getImportid()) r.importId = req.getImportid();
    if (req.hasRetainondelete()) r.retainOnDelete = req.getRetainondelete();
    if (req.getReplaceonchangesList().length) r.replaceOnChanges = req.getReplaceonchangesList();
    if (req.getDeletedwith()) r.deletedWith = req.getDeletedwith();
    if (customTimeouts) r.customTimeouts = customTimeouts;
    const source = sourceOf(req, job.programDir);
    if (source) r.source = source;
    return r;
}

/**
 * Where the program constructs the resource: the first position the SDK recorded (the
 * request's sourcePosition, then its stack trace, innermost first) in one of the program's
 * own files, so a resource built by a library lands on the program's line that called it.
 * TypeScript positions are the .ts lines (registerTypeScript enables source maps). None
 * when the SDK recorded nothing usable (an older SDK, an anonymous callback).
 */
function sourceOf(req: any, programDir: string): SourceLocation | undefined {
    const frames: any[] = req.getStacktrace?.()?.getFramesList?.() ?? [];
    const positions = [req.getSourceposition?.(), ...frames.map((f) => f.getPc?.())];
    for (const pos of positions) {
        if (!pos) continue;
        const file = programFile(pos.getUri(), programDir);
        const line = pos.getLine();
        if (file && Number.isInteger(line) && line > 0) return { file, line, ...(pos.getColumn() > 0 ? { column: pos.getColumn() } : {}) };
    }
    return undefined;
}

/** The absolute path of a program file (not under node_modules) a position URI names, if it exists. */
function programFile(uri: unknown, programDir: string): string | undefined {
    if (typeof uri !== "string" || !uri.startsWith("file://")) return undefined;
    let file: string;
    try {
        file = fileURLToPath(uri);
    } catch {
        return undefined;
    }
    // An ES module's frame is already a file URL, which the SDK turns into a path again:
    // file:///<cwd>/file:/<path>.
    const nested = /[\\/]file:(\/.*)$/.exec(file);
    if (nested) file = nested[1];
    const relative = path.relative(programDir, file);
    if (relative.startsWith("..") || path.isAbsolute(relative) || relative.split(path.sep).includes("node_modules")) return undefined;
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

/** Alias specs resolved to URNs, as the engine resolves them before analyzers see them. */
function aliasUrns(req: any, job: ChildJob): string[] {
    const urns: string[] = [...(req.getAliasurnsList?.() ?? [])];
    for (const alias of req.getAliasesList()) {
        if (alias.getUrn()) {
            urns.push(alias.getUrn());
            continue;
        }
        const spec = alias.getSpec();
        if (!spec) continue;
        const parent = spec.getNoparent() ? "" : spec.getParenturn() || req.getParent();
        urns.push(makeUrn(spec.getStack() || job.stack, spec.getProject() || job.project, spec.getType() || req.getType(),
            spec.getName() || req.getName(), parent ? urnQualifiedType(parent) : undefined));
    }
    return urns;
}

function unansweredMessage(unanswered: Set<string>): string {
    const list = [...unanswered].join(", ");
    return `the program needs ${list}, which check cannot answer offline; ` +
        "put the results in a JSON file ({\"<invoke token>\": {<result>}}, see docs/check-program.md) and pass it with --invoke-answers <file>";
}

/** One line saying what went wrong and where in the program, never a stack trace. */
export function describeError(e: unknown, job: Pick<ChildJob, "programDir" | "stack" | "stackFile" | "preview">): string {
    const programDir = job.programDir;
    if (e instanceof ProgramSyntaxError) return `the program does not compile: ${e.message}`;
    if (e instanceof ProgramTypeError) {
        return `the program does not type-check (\`pulumi preview\` stops there too): ${e.message}; ` +
            "to run it anyway, as Pulumi would, set PULUMI_NODEJS_TRANSPILE_ONLY=true or `noCheck` in tsconfig.json";
    }
    if (!(e instanceof Error)) return `the program failed: ${oneLine(String(e))}`;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") {
        const missing = /Cannot find (?:module|package) '([^']+)'/.exec(e.message)?.[1] ?? "a module";
        const from = requirerOf(e, programDir);
        if (missing.startsWith(".") || path.isAbsolute(missing)) {
            return `the program imports ${relativeTo(missing, programDir)}${from}, which does not exist`;
        }
        // `validator/lib/isEmail` is a file of the package `validator`: name the package to install,
        // or, when it is there, the file its installed version lacks.
        const pkg = missing.split("/").slice(0, missing.startsWith("@") ? 2 : 1).join("/");
        if (pkg !== missing && isInstalled(pkg, (e as { requireStack?: string[] }).requireStack?.[0] ?? programDir)) {
            return `the program imports '${missing}'${from}, which the installed package '${pkg}' does not have: install the version the program was written for`;
        }
        return `the program needs the package '${pkg}'${pkg !== missing ? ` (for '${missing}')` : ""}${from}, which is not installed: run npm install in ${programDir}`;
    }
    if (e.name === "SyntaxError") {
        // A module that does not parse: the first stack line is its file:line.
        const at = e.stack?.split("\n")[0] ?? "";
        const where = /^(.*):(\d+)$/.exec(at);
        return `the program does not compile: ${where ? `${relativeTo(where[1], programDir)}:${where[2]}: ` : ""}${oneLine(e.message)}`;
    }
    const config = /Missing required configuration variable '([^']+)'/.exec(e.message);
    if (config) {
        return job.stackFile
            ? `the program requires config ${config[1]}, which ${job.stackFile} does not set: add it under \`config:\` (with \`secure:\` for a secret)`
            : `the program requires config ${config[1]}, and there is no Pulumi.${job.stack}.yaml: write one that sets it under \`config:\` (with \`secure:\` for a secret)`;
    }
    // The SDK prefixes `error serializing property "k": ` to the same error each time a resource
    // awaiting the failed output rethrows it, so the prefixes name other resources' properties.
    const cause = e.message.replace(/^(?:error serializing property "[^"]*": )+/, "");
    return `the program failed: ${e.name && e.name !== "Error" ? `${e.name}: ` : ""}${oneLine(cause)}${locationIn(e, programDir)}${hintFor(e, job)}${awsSdkHint(e, job)}`;
}

// In update mode the fake cloud fills in names, ids, ARNs and the outputs programs most often
// compute with (mocks.ts): a program that reads another one
// (`cluster.certificateAuthority.apply((ca) => ca.data)`) reads undefined. At preview the
// output is unknown and the callback does not run, as in a real preview. Only an error thrown in an
// output's callback (a frame of @pulumi/pulumi's output.js) can come from that, reading a property
// of undefined or looping over it (`for (const i of identities)`): code that fails
// as the program loads (`aws.iam.ManagedPolicies.X`, an API of another SDK version) reads no output.
function hintFor(e: Error, job: Pick<ChildJob, "preview">): string {
    if (job.preview || !(e instanceof TypeError) || !/\b(?:undefined|null)\b|is not iterable/.test(e.message)) return "";
    if (!/[\\/]@pulumi[\\/]pulumi[\\/]output\.js:\d/.test(e.stack ?? "")) return "";
    return `; ${unfilledOutputHint("this output is undefined")}`;
}

// A program that calls AWS itself (the AWS SDK, not Pulumi) finds no credentials offline. At
// preview such a call usually sits in an output's callback, which does not run there.
function awsSdkHint(e: Error, job: Pick<ChildJob, "preview">): string {
    if (e.name !== "CredentialsProviderError" && !/Could not load credentials from any providers/.test(e.message)) return "";
    return `; the program calls AWS itself through the AWS SDK, which check, offline and without credentials, does not do` +
        (job.preview ? "" : ": if the call is in an output's callback, run with --preview, where outputs are unknown and such callbacks do not run");
}

/** The first stack frame in the program's own files (not node_modules). */
function locationIn(e: Error, programDir: string): string {
    for (const line of (e.stack ?? "").split("\n").slice(1)) {
        const m = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
        if (!m) continue;
        const file = m[1].replace(/^file:\/\//, "");
        if (!file.startsWith(programDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        return ` (at ${path.relative(programDir, file)}:${m[2]})`;
    }
    return "";
}

/** Whether a node_modules directory on the way up from `from` holds the package. */
function isInstalled(pkg: string, from: string): boolean {
    for (let d = path.resolve(from); ; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, "node_modules", pkg, "package.json"))) return true;
        if (path.dirname(d) === d) return false;
    }
}

function requirerOf(e: Error, programDir: string): string {
    const stack = (e as { requireStack?: string[] }).requireStack;
    // import() says "Cannot find package 'x' imported from /dir/file.ts" instead.
    const imported = /imported from (\S+)\s*$/.exec(e.message)?.[1];
    const first = stack?.[0] ?? (imported?.startsWith("file://") ? fileURLToPath(imported) : imported);
    return first && first.startsWith(programDir) ? ` (from ${path.relative(programDir, first)})` : "";
}

function relativeTo(file: string, programDir: string): string {
    return path.isAbsolute(file) && file.startsWith(programDir) ? path.relative(programDir, file) : file;
}

function oneLine(text: string): string {
    const line = text.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
    return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
