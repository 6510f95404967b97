// TypeScript programs, loaded the way `pulumi` loads them but faster: Pulumi registers
// ts-node (type-checking unless told otherwise); we transpile each file on require with the
// `typescript` the program's @pulumi/pulumi finds (else the one it vendors), with the
// options Pulumi gives ts-node (tsNodeConfig). Before it runs, the program is type-checked as ts-node would (a program
// that does not type-check never reaches the engine, so judging what it would create is
// judging a stack nobody can deploy), unless the project opts out as it would for Pulumi.
// Syntax and type errors fail with file:line:column. Runs in the program's child process.
//
// An ES module program (package.json "type": "module") is loaded through module hooks, as
// Pulumi loads one through ts-node/esm: the same transpiler, emitting ES modules, and
// `./bucket.js` resolving to bucket.ts where only the TypeScript file exists; when Pulumi
// would not (esmTypeScriptLoader), Node.js loads it, or refuses it, as under a preview.
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";

/** A program file that does not compile; the message is one line with its location. */
export class ProgramSyntaxError extends Error {}

/** A program that compiles but does not type-check; the message names each error's file:line:column. */
export class ProgramTypeError extends Error {}

type TypeScript = typeof import("typescript");

/** How Pulumi registers ts-node for this program: the tsconfig it names, and PULUMI_NODEJS_TRANSPILE_ONLY. */
export interface TsNodeSettings {
    /** Pulumi.yaml's runtime.options.tsconfig, else PULUMI_NODEJS_TSCONFIG_PATH as set for check; relative to the program directory. */
    tsconfig?: string;
    /** PULUMI_NODEJS_TRANSPILE_ONLY as set for check (the child has no PULUMI_NODEJS_*). */
    transpileOnly?: string;
}

export function registerTypeScript(programDir: string, pulumiDir: string, settings: TsNodeSettings): void {
    let ts: TypeScript | undefined;
    let options: import("typescript").CompilerOptions | undefined;
    const compile = (module: any, filename: string) => {
        if (!ts) {
            ts = loadTypeScript(pulumiDir).ts;
            options = compilerOptions(ts, programDir, false, settings);
        }
        const source = fs.readFileSync(filename, "utf8");
        const out = ts.transpileModule(source, { fileName: filename, compilerOptions: options, reportDiagnostics: true });
        // Only syntax errors (they have a file); option diagnostics are not the program's fault.
        const error = (out.diagnostics ?? []).find((d) => d.category === ts!.DiagnosticCategory.Error && d.file);
        if (error) throw new ProgramSyntaxError(describeDiagnostic(ts, error, programDir));
        module._compile(out.outputText, filename);
    };
    const extensions = require.extensions as Record<string, unknown>;
    extensions[".ts"] = compile;
    extensions[".cts"] = compile;
    // Stack traces then point at the TypeScript lines (the transpiler inlines source maps).
    process.setSourceMapsEnabled?.(true);
}

/**
 * How `pulumi preview` loads an ES module TypeScript entry (cmd/run/run.js, 3.270). Its ESM mode, through
 * ts-node's hooks (type-checked unless told otherwise), needs `ts-node/esm` to resolve from @pulumi/pulumi,
 * ts-node's `createEsmHooks` (ts-node 10.3 and later; cmd/run/hooks.js calls it) and typescript newer than 4.7.0.
 * Otherwise Pulumi registers ts-node for require() only and import()s the .ts file itself: Node.js refuses it
 * (ERR_UNKNOWN_FILE_EXTENSION) unless it strips types natively (22.18 and 23.6 on; `process.features.typescript`),
 * which runs it without a type-check, without the tsconfig and with erasable syntax only.
 */
export type EsmTypeScriptLoader = { kind: "ts-node" } | { kind: "native" } | { kind: "refused"; message: string };

export function esmTypeScriptLoader(programDir: string, pulumiDir: string, entry: string): EsmTypeScriptLoader {
    const tsVersion = loadTypeScript(pulumiDir).ts.version;
    const tsNode = tsNodeVersion(programDir, pulumiDir);
    const file = path.relative(programDir, entry) || entry;
    if (tsNode && semverAbove(tsVersion, "4.7.0")) {
        if (!semverAbove(tsNode, "10.2.999")) {
            return { kind: "refused", message: `${file}: the program's ts-node ${tsNode} has no createEsmHooks, which Pulumi's ES module mode calls; install ts-node 10.3 or later` };
        }
        return { kind: "ts-node" };
    }
    if ((process.features as { typescript?: unknown }).typescript) return { kind: "native" };
    const need = tsNode ? `typescript newer than 4.7.0 (this is ${tsVersion})` : "ts-node 10.3 or later (npm install --save-dev ts-node)";
    return {
        kind: "refused",
        message: `${file}: \`pulumi preview\` cannot load an ES module TypeScript program on Node.js ${process.version} (Unknown file extension "${path.extname(entry)}"): ` +
            `install ${need}, run on Node.js 22.18 or later (no type-check), or make the program CommonJS`,
    };
}

/**
 * The version of the ts-node whose `ts-node/esm` Pulumi's run.js resolves, if any. Also from the program directory:
 * check's fixtures (and a program whose @pulumi/pulumi is hoisted above it) keep their ts-node there.
 */
function tsNodeVersion(programDir: string, pulumiDir: string): string | undefined {
    let esm: string;
    try {
        esm = require.resolve("ts-node/esm", { paths: [path.join(pulumiDir, "cmd", "run"), programDir] });
    } catch {
        return undefined;
    }
    for (let dir = path.dirname(esm); dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (!fs.existsSync(file)) continue;
        const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
        if (pkg.name === "ts-node") return String(pkg.version);
    }
    return undefined;
}

function semverAbove(version: string, than: string): boolean {
    const parts = (v: string) => v.split("-")[0].split(".").map((n) => Number(n) || 0);
    const [a, b] = [parts(version), parts(than)];
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return false;
}

/**
 * ES module programs: hooks for import() (`module.register`, Node.js 20.6 and later) that
 * transpile .ts and .mts files. They run on Node's loader thread, so they get the compiler's
 * path and options as data, and report a syntax error as a SyntaxError whose message starts
 * with its file:line:column.
 */
export function registerTypeScriptModules(programDir: string, pulumiDir: string, settings: TsNodeSettings, hooksFile: string): void {
    const register = (require("module") as { register?: (specifier: string, options: object) => void }).register;
    if (!register) throw new ProgramSyntaxError(`ES module TypeScript programs need Node.js 20.6 or later (this is ${process.version})`);
    const { ts, file } = loadTypeScript(pulumiDir);
    fs.writeFileSync(hooksFile, ESM_HOOKS);
    register(pathToFileURL(hooksFile).href, { data: { typescript: file, options: compilerOptions(ts, programDir, true, settings), programDir } });
    process.setSourceMapsEnabled?.(true);
}

const ESM_HOOKS = `
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

let ts, options, programDir;

export function initialize(data) {
    ts = createRequire(data.typescript)(data.typescript);
    options = data.options;
    programDir = data.programDir;
}

// A program written for module "nodenext" imports "./bucket.js" for bucket.ts.
export async function resolve(specifier, context, next) {
    try {
        return await next(specifier, context);
    } catch (e) {
        const relativeSpecifier = /^(\\.{1,2}\\/|\\/|file:)/.test(specifier);
        if (e?.code !== "ERR_MODULE_NOT_FOUND" || !relativeSpecifier || !context.parentURL?.startsWith("file:")) throw e;
        const url = new URL(specifier, context.parentURL).href;
        const candidates = /\\.[cm]?js$/.test(url) ? [url.replace(/js$/, "ts")] : [url + ".ts", url + "/index.ts"];
        for (const candidate of candidates) {
            if (existsSync(fileURLToPath(candidate))) return { url: candidate, shortCircuit: true };
        }
        throw e;
    }
}

export async function load(url, context, next) {
    if (!url.startsWith("file:") || !/\\.m?ts$/.test(url)) return next(url, context);
    const fileName = fileURLToPath(url);
    const out = ts.transpileModule(readFileSync(fileName, "utf8"), { fileName, compilerOptions: options, reportDiagnostics: true });
    const error = (out.diagnostics ?? []).find((d) => d.category === ts.DiagnosticCategory.Error && d.file);
    if (error) {
        const { line, character } = error.file.getLineAndCharacterOfPosition(error.start ?? 0);
        const text = ts.flattenDiagnosticMessageText(error.messageText, " ");
        throw new SyntaxError(relative(programDir, fileName) + ":" + (line + 1) + ":" + (character + 1) + ": " + text);
    }
    return { format: "module", source: out.outputText, shortCircuit: true };
}
`;

/**
 * Type-check the program as `pulumi preview` does through ts-node: the program's own files that ts-node
 * compiles as they load (not declarations nor node_modules), with the compiler options Pulumi gives it.
 * Pulumi skips this when PULUMI_NODEJS_TRANSPILE_ONLY is "true" or, when that is unset, the tsconfig
 * sets `noCheck` (and when Pulumi.yaml sets `runtime.options.typescript: false`, which never gets
 * here), unless TS_NODE_TYPE_CHECK asks for it; ts-node's other TS_NODE_* settings apply (tsNodeEnv).
 * Throws ProgramSyntaxError for the first syntax error, else ProgramTypeError naming the first
 * type errors (an option error, as ts-node reports it, included).
 */
export function typeCheck(programDir: string, entry: string, esm: boolean, pulumiDir: string, settings: TsNodeSettings): void {
    const { ts } = loadTypeScript(pulumiDir);
    const { options, raw, configErrors, fileNames } = tsNodeConfig(ts, programDir, esm, settings);
    const env = tsNodeEnv();
    const transpileOnly = settings.transpileOnly ? settings.transpileOnly === "true" : raw.noCheck === true;
    if (transpileOnly && !env.typeCheck) return;
    const root = fs.statSync(entry).isDirectory() ? path.join(entry, "index.ts") : entry;
    // A JavaScript program (index.js): ts-node compiles no .js file.
    if (!/\.[cm]?ts$/.test(root) || !fs.existsSync(root)) return;
    const wanted = (d: import("typescript").Diagnostic) => d.category === ts.DiagnosticCategory.Error && !TS_NODE_IGNORED.has(d.code) && !env.ignoreDiagnostics.has(d.code);
    const optionErrors = (diagnostics: readonly import("typescript").Diagnostic[]) => {
        const errors = diagnostics.filter(wanted);
        if (errors.length) throw new ProgramTypeError(errors.slice(0, 3).map((d) => describeDiagnostic(ts, d, programDir)).join("; ") + PULUMI_DEFAULTS_NOTE);
    };
    optionErrors(configErrors);
    // noEmitOnError would leave loadedFiles nothing to read; it changes no diagnostic.
    const program = ts.createProgram(env.files ? [root, ...fileNames] : [root], { ...options, noEmitOnError: false });
    optionErrors([...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]);
    const own = loadedFiles(ts, program, options, root);
    const errors = (diagnostics: (f: import("typescript").SourceFile) => readonly import("typescript").Diagnostic[]) => own.flatMap(diagnostics).filter(wanted);
    const syntax = errors((f) => program.getSyntacticDiagnostics(f));
    if (syntax.length) throw new ProgramSyntaxError(describeDiagnostic(ts, syntax[0], programDir));
    // A module that cannot be found is left to the require that follows: its message names the package to install.
    const types = errors((f) => program.getSemanticDiagnostics(f)).filter((d) => !MISSING_MODULE.has(d.code));
    if (!types.length) return;
    const shown = types.slice(0, 3).map((d) => describeDiagnostic(ts, d, programDir));
    const more = types.length > shown.length ? ` (and ${types.length - shown.length} more)` : "";
    throw new ProgramTypeError(shown.join("; ") + more);
}

// ts-node's default ignoreDiagnostics (rootDir not containing every file, an empty `files`
// list, no inputs found): about the tsconfig's file lists, which ts-node does not use.
const TS_NODE_IGNORED = new Set([6059, 18002, 18003]);
const MISSING_MODULE = new Set([2307, 2792]);

/**
 * What ts-node (Pulumi's vendored 7.0.1) takes from TS_NODE_* under Pulumi's registration: Pulumi passes
 * compiler, project, skipProject, compilerOptions and transpileOnly itself (transpileOnly even when unset),
 * so TS_NODE_TRANSPILE_ONLY, _PROJECT and _COMPILER_OPTIONS change nothing; these do. `files` adds the
 * tsconfig's files and include to what the checker sees (global declarations), still checking only loaded files.
 */
function tsNodeEnv(env = process.env): { typeCheck: boolean; files: boolean; ignoreDiagnostics: Set<number> } {
    const yes = (v: string | undefined) => /^(?:y|yes|true|1)$/i.test(String(v).trim());
    const codes = env.TS_NODE_IGNORE_DIAGNOSTICS?.split(/ *, */g).map(Number) ?? [];
    return { typeCheck: yes(env.TS_NODE_TYPE_CHECK), files: yes(env.TS_NODE_FILES), ignoreDiagnostics: new Set(codes) };
}
const PULUMI_DEFAULTS_NOTE = " (Pulumi's ts-node takes tsconfig.json's compilerOptions over its defaults: target ES2020, ES2022 for an ES module, module and moduleResolution nodenext)";

/**
 * The program's own files that ts-node compiles, and so checks: the entry point and what its
 * emitted code requires or imports, transitively. An import TypeScript elides (only types used
 * from it) loads nothing, so ts-node never reports an error in a file reached only that way.
 */
function loadedFiles(ts: TypeScript, program: import("typescript").Program, options: import("typescript").CompilerOptions, root: string): import("typescript").SourceFile[] {
    const own = (f: import("typescript").SourceFile | undefined): f is import("typescript").SourceFile =>
        !!f && !f.isDeclarationFile && /\.[cm]?tsx?$/.test(f.fileName) && !/[\\/]node_modules[\\/]/.test(f.fileName);
    const start = program.getSourceFile(root);
    const seen = new Set<import("typescript").SourceFile>();
    const queue = own(start) ? [start] : [];
    while (queue.length) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        let js = "";
        program.emit(file, (name, text) => { if (/\.[cm]?js$/.test(name)) js = text; });
        for (const [, a, b, c] of js.matchAll(/\b(?:require|import)\s*\(\s*["'`]([^"'`]+)["'`]\s*\)|\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g)) {
            const resolved = ts.resolveModuleName(a ?? b ?? c, file.fileName, options, ts.sys, undefined, undefined, file.impliedNodeFormat).resolvedModule;
            const next = resolved && program.getSourceFile(resolved.resolvedFileName);
            if (own(next)) queue.push(next);
        }
    }
    return [...seen];
}

/**
 * The options ts-node type-checks with as Pulumi registers it (cmd/run/run.js, 3.270; its vendored
 * ts-node 7.0.1): Pulumi's defaults, target ES2020 (ES2022 for an ES module) and module and
 * moduleResolution nodenext (commonjs and node before TypeScript 4.7), under the tsconfig's own
 * compilerOptions, all given as overrides (so they also win over a base the tsconfig extends); then
 * ts-node's output settings. `raw` is the tsconfig's own compilerOptions, as Pulumi reads `noCheck`.
 */
function tsNodeConfig(ts: TypeScript, programDir: string, esm: boolean, settings: TsNodeSettings) {
    const file = path.resolve(programDir, settings.tsconfig ?? "tsconfig.json");
    const exists = fs.existsSync(file);
    let config: { compilerOptions?: Record<string, unknown> } = {};
    if (exists) {
        const read = ts.readConfigFile(file, ts.sys.readFile);
        if (read.error) throw new ProgramSyntaxError(`${path.relative(programDir, file)}: ${ts.flattenDiagnosticMessageText(read.error.messageText, " ")}`);
        config = read.config ?? {};
    }
    const raw = config.compilerOptions ?? {};
    const [major, minor] = ts.version.split(".").map(Number);
    const nodeNext = esm || major > 4 || (major === 4 && minor >= 7);
    const defaults = { target: esm ? "ES2022" : "ES2020", module: nodeNext ? "nodenext" : "commonjs", moduleResolution: nodeNext ? "nodenext" : "node" };
    const merged = { ...config, compilerOptions: { ...defaults, ...raw, ...TS_NODE_OUTPUT } };
    const parsed = ts.parseJsonConfigFileContent(merged, ts.sys, path.dirname(file), undefined, exists ? file : undefined);
    const { out: _out, outFile: _outFile, composite: _composite, declarationDir: _dir, declarationMap: _map, emitDeclarationOnly: _only, ...options } = parsed.options;
    return { options, raw, configErrors: parsed.errors, fileNames: parsed.fileNames };
}

// What ts-node sets over every tsconfig (its DEFAULT_COMPILER_OPTIONS).
const TS_NODE_OUTPUT = { sourceMap: true, inlineSourceMap: false, inlineSources: true, declaration: false, noEmit: false, outDir: "$$ts-node$$" };

/**
 * The compiler Pulumi gives ts-node (tsutils.js's typeScriptRequireStrings): `typescript` as the program's
 * @pulumi/pulumi resolves it (its optional peer), else the 3.8.3 it vendors; never this pack's own.
 */
export function loadTypeScript(pulumiDir: string): { ts: TypeScript; file: string } {
    const candidates: (() => string)[] = [
        () => require.resolve("typescript", { paths: [pulumiDir] }),
        () => path.join(pulumiDir, "vendor", "typescript@3.8.3", "typescript.js"),
    ];
    for (const candidate of candidates) {
        try {
            const file = candidate();
            return { ts: require(file), file };
        } catch {
            // next
        }
    }
    throw new ProgramSyntaxError("cannot compile TypeScript: no `typescript` package found (install it in the program directory)");
}

function compilerOptions(ts: TypeScript, programDir: string, esm: boolean, settings: TsNodeSettings): import("typescript").CompilerOptions {
    const { options } = tsNodeConfig(ts, programDir, esm, settings);
    // Output locations would make the inline source maps name the .ts file relative to an
    // outDir the code never runs from: stack frames (and the SDK's source positions) would
    // then point at a file that does not exist.
    const {
        moduleResolution: _resolution, verbatimModuleSyntax: _verbatim,
        outDir: _outDir, outFile: _outFile, out: _out, rootDir: _rootDir, sourceRoot: _sourceRoot, mapRoot: _mapRoot,
        ...kept
    } = options;
    // Pulumi's module nodenext implies esModuleInterop: `import fs from "fs"` gets module.exports.
    const nodeModule = options.module !== undefined && options.module >= ts.ModuleKind.Node16 && options.module <= ts.ModuleKind.NodeNext;
    return {
        ...kept,
        esModuleInterop: options.esModuleInterop ?? nodeModule,
        // Loaded with require(): CommonJS, as ts-node does for a package without "type": "module"; with import(), ES modules.
        module: esm ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
        inlineSourceMap: true,
        sourceMap: false,
        declaration: false,
        noEmit: false,
        emitDeclarationOnly: false,
    };
}

function describeDiagnostic(ts: TypeScript, d: import("typescript").Diagnostic, programDir: string): string {
    const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(programDir, d.file.fileName)}:${line + 1}:${character + 1}: ${text}`;
}
