// TypeScript programs, loaded the way `pulumi` loads them but faster: Pulumi registers
// ts-node (type-checking unless told otherwise); we transpile each file on require with the
// program's own `typescript` (else ours, else the one @pulumi/pulumi vendors), honouring
// its tsconfig.json, and never type-check: `tsc` is the tool for type errors. Syntax errors
// still fail, with file:line:column. Runs in the program's child process.
import * as fs from "fs";
import * as path from "path";

/** A program file that does not compile; the message is one line with its location. */
export class ProgramSyntaxError extends Error {}

type TypeScript = typeof import("typescript");

export function registerTypeScript(programDir: string, pulumiDir: string): void {
    let ts: TypeScript | undefined;
    let options: import("typescript").CompilerOptions | undefined;
    const compile = (module: any, filename: string) => {
        if (!ts) {
            ts = loadTypeScript(programDir, pulumiDir);
            options = compilerOptions(ts, programDir);
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

function loadTypeScript(programDir: string, pulumiDir: string): TypeScript {
    const candidates: (() => string)[] = [
        () => require.resolve("typescript", { paths: [programDir] }),
        () => require.resolve("typescript"),
        () => path.join(pulumiDir, "vendor", "typescript@3.8.3", "typescript.js"),
    ];
    for (const candidate of candidates) {
        try {
            return require(candidate());
        } catch {
            // next
        }
    }
    throw new ProgramSyntaxError("cannot compile TypeScript: no `typescript` package found (install it in the program directory)");
}

function compilerOptions(ts: TypeScript, programDir: string): import("typescript").CompilerOptions {
    const file = path.join(programDir, process.env.PULUMI_NODEJS_TSCONFIG_PATH ?? "tsconfig.json");
    let options: import("typescript").CompilerOptions = {};
    if (fs.existsSync(file)) {
        const read = ts.readConfigFile(file, ts.sys.readFile);
        if (read.error) throw new ProgramSyntaxError(`${path.relative(programDir, file)}: ${ts.flattenDiagnosticMessageText(read.error.messageText, " ")}`);
        options = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file)).options;
    }
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
        // package without "type": "module".
        module: ts.ModuleKind.CommonJS,
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
