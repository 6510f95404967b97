// TypeScript programs, loaded the way `pulumi` loads them but faster: Pulumi registers
// ts-node (type-checking unless told otherwise); we transpile each file on require with the
// program's own `typescript` (else ours, else the one @pulumi/pulumi vendors), honouring
// its tsconfig.json. Before it runs, the program is type-checked as ts-node would (a program
// that does not type-check never reaches the engine, so judging what it would create is
// judging a stack nobody can deploy), unless the project opts out as it would for Pulumi.
// Syntax and type errors fail with file:line:column. Runs in the program's child process.
//
// An ES module program (package.json "type": "module") is loaded through module hooks, as
// Pulumi loads one through ts-node/esm: the same transpiler, emitting ES modules, and
// `./bucket.js` resolving to bucket.ts where only the TypeScript file exists.
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";

/** A program file that does not compile; the message is one line with its location. */
export class ProgramSyntaxError extends Error {}

/** A program that compiles but does not type-check; the message names each error's file:line:column. */
export class ProgramTypeError extends Error {}

type TypeScript = typeof import("typescript");

export function registerTypeScript(programDir: string, pulumiDir: string): void {
    let ts: TypeScript | undefined;
    let options: import("typescript").CompilerOptions | undefined;
    const compile = (module: any, filename: string) => {
        if (!ts) {
            ts = loadTypeScript(programDir, pulumiDir).ts;
            options = compilerOptions(ts, programDir, false);
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
 * ES module programs: hooks for import() (`module.register`, Node.js 20.6 and later) that
 * transpile .ts and .mts files. They run on Node's loader thread, so they get the compiler's
 * path and options as data, and report a syntax error as a SyntaxError whose message starts
 * with its file:line:column.
 */
export function registerTypeScriptModules(programDir: string, pulumiDir: string, hooksFile: string): void {
    const register = (require("module") as { register?: (specifier: string, options: object) => void }).register;
    if (!register) throw new ProgramSyntaxError(`ES module TypeScript programs need Node.js 20.6 or later (this is ${process.version})`);
    const { ts, file } = loadTypeScript(programDir, pulumiDir);
    fs.writeFileSync(hooksFile, ESM_HOOKS);
    register(pathToFileURL(hooksFile).href, { data: { typescript: file, options: compilerOptions(ts, programDir, true), programDir } });
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
 * Type-check the program as `pulumi preview` does through ts-node: the files it loads from its
 * entry point (its own files, not declarations nor node_modules), with its tsconfig.json. Pulumi
 * skips this when PULUMI_NODEJS_TRANSPILE_ONLY is "true" or, when that is unset, the tsconfig
 * sets `noCheck` (and when Pulumi.yaml sets `runtime.options.typescript: false`, which never gets
 * here). `transpileOnly` is that variable as set for check (the child has no PULUMI_NODEJS_*).
 * Throws ProgramSyntaxError for the first syntax error, else ProgramTypeError naming the first
 * type errors.
 */
export function typeCheck(programDir: string, entry: string, esm: boolean, pulumiDir: string, transpileOnly: string | undefined): void {
    const { ts } = loadTypeScript(programDir, pulumiDir);
    const options = checkOptions(ts, programDir, esm);
    if (transpileOnly ? transpileOnly === "true" : (options as { noCheck?: boolean }).noCheck) return;
    const root = fs.statSync(entry).isDirectory() ? path.join(entry, "index.ts") : entry;
    if (!/\.[cm]?ts$/.test(root)) return;
    const program = ts.createProgram([root], options);
    const own = program.getSourceFiles().filter((f) => !f.isDeclarationFile && /\.[cm]?tsx?$/.test(f.fileName) && !/[\\/]node_modules[\\/]/.test(f.fileName));
    const errors = (diagnostics: (f: import("typescript").SourceFile) => readonly import("typescript").Diagnostic[]) =>
        own.flatMap(diagnostics).filter((d) => d.category === ts.DiagnosticCategory.Error && !TS_NODE_IGNORED.has(d.code));
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

/** ts-node's options as Pulumi sets them: for an ES module program its ES2022/NodeNext defaults under the tsconfig's. */
function checkOptions(ts: TypeScript, programDir: string, esm: boolean): import("typescript").CompilerOptions {
    const defaults = esm
        ? { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
        : { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 };
    const tsconfig = tsconfigOptions(ts, programDir);
    const options = esm ? { ...defaults, ...tsconfig } : tsconfig ?? defaults;
    return { ...options, noEmit: true, declaration: false, emitDeclarationOnly: false, composite: false, incremental: false };
}

/** The program's tsconfig.json options (PULUMI_NODEJS_TSCONFIG_PATH as Pulumi reads it), if it has one. */
function tsconfigOptions(ts: TypeScript, programDir: string): import("typescript").CompilerOptions | undefined {
    const file = path.join(programDir, process.env.PULUMI_NODEJS_TSCONFIG_PATH ?? "tsconfig.json");
    if (!fs.existsSync(file)) return undefined;
    const read = ts.readConfigFile(file, ts.sys.readFile);
    if (read.error) throw new ProgramSyntaxError(`${path.relative(programDir, file)}: ${ts.flattenDiagnosticMessageText(read.error.messageText, " ")}`);
    return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file)).options;
}

function loadTypeScript(programDir: string, pulumiDir: string): { ts: TypeScript; file: string } {
    const candidates: (() => string)[] = [
        () => require.resolve("typescript", { paths: [programDir] }),
        () => require.resolve("typescript"),
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

function compilerOptions(ts: TypeScript, programDir: string, esm: boolean): import("typescript").CompilerOptions {
    const options = tsconfigOptions(ts, programDir) ?? {};
    // Output locations would make the inline source maps name the .ts file relative to an
    // outDir the code never runs from: stack frames (and the SDK's source positions) would
    // then point at a file that does not exist.
    const {
        moduleResolution: _resolution, verbatimModuleSyntax: _verbatim,
        outDir: _outDir, outFile: _outFile, out: _out, rootDir: _rootDir, sourceRoot: _sourceRoot, mapRoot: _mapRoot,
        ...kept
    } = options;
    return {
        target: ts.ScriptTarget.ES2020,
        ...kept,
        // Loaded with require(): CommonJS whatever the tsconfig says, as ts-node does for a
        // package without "type": "module"; with import(), ES modules.
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
