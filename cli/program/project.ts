// A Pulumi project directory as the Pulumi CLI reads it for a Node.js program: Pulumi.yaml
// (name, runtime, main), the stack's Pulumi.<stack>.yaml (config, secrets provider) and the
// program's entry point (Pulumi.yaml `main`, else package.json `exports`/`main`, else the
// directory's index). Config reaches the program as the CLI passes it: PULUMI_CONFIG (every
// value a string, objects as JSON) and PULUMI_CONFIG_SECRET_KEYS.
import * as fs from "fs";
import * as path from "path";
import { isMapping, readDataFile } from "../../policies/lib/files";
import { readStackSecretsSettings, stackConfigDirOf, stackFileName } from "../../policies/lib/stack-settings";

/** Bad project or program: exit 2 with this one-line message. */
export class ProgramError extends Error {}

/**
 * Stands in for a `secure:` value: check cannot (and must not) decrypt the real one. Random-looking,
 * as most real secrets are, so that a program reading it with `config.require` (a plain string,
 * plaintext in the state) into an environment variable is judged as the real value would be (so
 * no word such as "placeholder" or "example", which secret detection reads as a stand-in, is in it).
 */
export const SECRET_PLACEHOLDER = "check-Secret-StandIn-7Kq2Zx9Lm4";

export interface ProgramProject {
    dir: string;
    /** Pulumi.yaml (or Pulumi.yml), absolute. */
    projectFile: string;
    name: string;
    stack: string;
    /** The stack file, when it exists. */
    stackFile?: string;
    /** What to load: a file, or a directory whose index Node resolves. */
    entry: string;
    typescript: boolean;
    /** runtime.options.tsconfig: the tsconfig Pulumi hands ts-node, relative to the program directory. */
    tsconfig?: string;
    esm: boolean;
    /** PULUMI_CONFIG: "<namespace>:<key>" → string. */
    config: Record<string, string>;
    /** PULUMI_CONFIG_SECRET_KEYS. */
    secretKeys: string[];
    /** The secrets provider the stack file names (for fixtures); "service" when it names none. */
    secretsProvider?: string;
    notes: string[];
}

export function loadProject(dirArg: string, stackArg?: string): ProgramProject {
    const dir = path.resolve(dirArg);
    if (!isDirectory(dir)) throw new ProgramError(`${dirArg}: not a directory (--program takes the directory holding Pulumi.yaml)`);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find(isFile);
    if (!projectFile) throw new ProgramError(`${dirArg}: no Pulumi.yaml (--program takes the directory holding Pulumi.yaml)`);
    const settings = readYamlObject(path.relative(process.cwd(), projectFile) || projectFile, "the project file");
    const name = settings.name;
    if (name === undefined || name === null || name === "") throw new ProgramError(`${projectFile}: no project \`name\` (the project file names its project: \`name: <project>\`)`);
    if (typeof name !== "string") throw new ProgramError(`${projectFile}: \`name\` must be a string, the project's name`);

    const runtime = settings.runtime;
    const runtimeName = typeof runtime === "string" ? runtime : isMapping(runtime) ? runtime.name : undefined;
    if (runtimeName !== "nodejs") {
        throw new ProgramError(`${projectFile}: runtime is ${JSON.stringify(runtimeName ?? null)}; check --program runs Node.js (TypeScript/JavaScript) programs only`);
    }
    const runtimeOptions = isMapping(runtime) && isMapping(runtime.options) ? runtime.options : {};
    const notes: string[] = [];
    const tsconfig = runtimeOptions.tsconfig;
    if (tsconfig !== undefined && tsconfig !== null && typeof tsconfig !== "string") throw new ProgramError(`${projectFile}: runtime.options.tsconfig must be a string, the path to a tsconfig file`);

    const stackConfigDir = path.join(dir, stackConfigDirOf(settings));
    const stack = stackArg ?? onlyStack(stackConfigDir) ?? "dev";
    if (!/^[A-Za-z0-9_.\-/]+$/.test(stack)) throw new ProgramError(`--stack ${JSON.stringify(stack)}: stack names use letters, digits, "_", "." and "-"`);
    const stackName = stack.split("/").pop()!;
    const stackFile = [".yaml", ".yml"].map((ext) => path.join(stackConfigDir, stackFileName(stackName, ext))).find(isFile);

    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const set = (key: string, value: unknown, where: string) => {
        const full = key.includes(":") ? key : `${name}:${key}`;
        const { text, secret } = configString(value, `${where}: config ${key}`);
        config[full] = text;
        if (secret) secretKeys.add(full);
        else secretKeys.delete(full);
    };
    // Project-level config: defaults (`default:`/`value:` or a plain value).
    if (isMapping(settings.config)) {
        for (const [key, decl] of Object.entries(settings.config)) {
            if (isMapping(decl)) {
                const value = decl.value ?? decl.default;
                if (value !== undefined) set(key, decl.secret === true && !isMapping(value) ? { secure: value } : value, projectFile);
            } else if (decl !== undefined && decl !== null) {
                set(key, decl, projectFile);
            }
        }
    }
    let secretsProvider: string | undefined;
    if (stackFile) {
        const stackSettings = readYamlObject(stackFile, "the stack file");
        if (stackSettings.config !== undefined && stackSettings.config !== null) {
            if (!isMapping(stackSettings.config)) throw new ProgramError(`${stackFile}: \`config\` must be a mapping`);
            for (const [key, value] of Object.entries(stackSettings.config)) set(key, value, stackFile);
        }
        if (stackSettings.environment !== undefined) {
            notes.push(`${path.basename(stackFile)} imports ESC environments; their values are not available offline, so the program runs without them`);
        }
        const secrets = readStackSecretsSettings(stackFile);
        if (secrets.ok) secretsProvider = secrets.url;
    } else if (stackArg) {
        notes.push(`no Pulumi.${stackName}.yaml in ${path.relative(process.cwd(), stackConfigDir) || "."}: the program runs without stack config`);
    }

    const { entry, esm } = resolveEntry(dir, settings.main);
    return {
        dir,
        projectFile,
        name,
        stack: stackName,
        stackFile,
        entry,
        typescript: runtimeOptions.typescript !== false,
        tsconfig: tsconfig || undefined,
        esm,
        config,
        secretKeys: [...secretKeys],
        secretsProvider,
        notes,
    };
}

/** The single stack a directory has config for, if exactly one. */
function onlyStack(dir: string): string | undefined {
    let files: string[];
    try {
        files = fs.readdirSync(dir);
    } catch {
        return undefined;
    }
    const stacks = files.map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1]).filter((s): s is string => s !== undefined);
    return stacks.length === 1 ? stacks[0] : undefined;
}

/**
 * A config value as the program reads it: strings as they are, numbers and booleans in
 * their YAML form, objects and lists as JSON. `secure:` values (anywhere inside) make the
 * key secret; their ciphertext becomes a placeholder.
 */
function configString(value: unknown, where: string): { text: string; secret: boolean } {
    let secret = false;
    const plain = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(plain);
        if (isMapping(v)) {
            const keys = Object.keys(v);
            if (keys.length === 1 && keys[0] === "secure") {
                secret = true;
                return SECRET_PLACEHOLDER;
            }
            return Object.fromEntries(keys.map((k) => [k, plain(v[k])]));
        }
        return v;
    };
    const v = plain(value);
    if (typeof v === "string") return { text: v, secret };
    if (typeof v === "number" || typeof v === "boolean") return { text: String(v), secret };
    if (v === null || v === undefined) return { text: "", secret };
    if (typeof v === "object") return { text: JSON.stringify(v), secret };
    throw new ProgramError(`${where} has an unsupported value`);
}

/** As @pulumi/pulumi's cmd/run does: Pulumi.yaml main, else package.json exports/main, else the directory. */
function resolveEntry(dir: string, main: unknown): { entry: string; esm: boolean } {
    const pkgRoot = packageRoot(dir);
    const pkg = pkgRoot ? readPackageJson(pkgRoot) : {};
    const esm = pkg.type === "module";
    const pick = (candidate: string) => {
        const entry = !isDirectory(candidate) ? candidate : esm ? esmIndex(candidate) : cjsDirectory(candidate);
        return { entry, esm };
    };
    if (typeof main === "string" && main !== "") {
        const entry = path.resolve(dir, main);
        if (!fs.existsSync(entry)) throw new ProgramError(`Pulumi.yaml main ${JSON.stringify(main)} does not exist in ${dir}`);
        return pick(entry);
    }
    if (pkgRoot) {
        const exported = typeof pkg.exports === "string" ? pkg.exports
            : isMapping(pkg.exports) ? exportsEntry(pkg.exports["."]) : undefined;
        const candidate = exported ?? (typeof pkg.main === "string" ? pkg.main : undefined);
        if (candidate && fs.existsSync(path.join(pkgRoot, candidate))) return pick(path.join(pkgRoot, candidate));
        // Pulumi warns and falls back to the directory; with no program there, say what was missing.
        if (candidate) {
            try {
                return pick(dir);
            } catch (e) {
                const field = exported !== undefined ? "exports" : "main";
                throw new ProgramError(`${dir}: package.json ${field} ${JSON.stringify(candidate)} does not exist, nor does an index.ts or index.js ` +
                    "(a program compiled to JavaScript needs its build first); or set `main` in Pulumi.yaml to the program's file");
            }
        }
    }
    return pick(dir);
}

function exportsEntry(e: unknown): string | undefined {
    if (typeof e === "string") return e;
    if (isMapping(e)) for (const k of ["default", "require", "import"]) if (typeof e[k] === "string") return e[k] as string;
    return undefined;
}

function esmIndex(dir: string): string {
    for (const index of ["index.js", "index.mjs", "index.ts", "index.mts"]) {
        if (isFile(path.join(dir, index))) return path.join(dir, index);
    }
    throw new ProgramError(`no entry point in ${dir} (index.js, index.mjs, index.ts or index.mts)`);
}

// require() of a directory: its package.json main, else index with an extension Node (or
// ts-node, which the language host registers) loads.
function cjsDirectory(dir: string): string {
    const own = isFile(path.join(dir, "package.json")) ? readPackageJson(dir).main : undefined;
    if (typeof own === "string" && fs.existsSync(path.join(dir, own))) return dir;
    if (["index.js", "index.ts", "index.json", "index.node"].some((index) => isFile(path.join(dir, index)))) return dir;
    throw new ProgramError(`no entry point in ${dir} (index.ts or index.js); set \`main\` in Pulumi.yaml to the program's file`);
}

/** The nearest directory with a package.json, from the program directory up. */
function packageRoot(dir: string): string | undefined {
    for (let d = dir; ; d = path.dirname(d)) {
        if (isFile(path.join(d, "package.json"))) return d;
        if (path.dirname(d) === d) return undefined;
    }
}

// Node.js reads this file to load the program and refuses it when it is not JSON (a trailing
// comma or an empty file is enough), so a real preview fails there too: say so, and where,
// before starting the program.
function readPackageJson(dir: string): Record<string, unknown> {
    const file = path.join(dir, "package.json");
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""); // as Node.js does
    } catch (e: any) {
        throw new ProgramError(`${file}: cannot read it (${e?.code ?? "unreadable"}), so Node.js cannot load the program`);
    }
    try {
        const v = JSON.parse(text);
        return isMapping(v) ? v : {};
    } catch (e: any) {
        const at = /at position (\d+)/.exec(String(e?.message))?.[1];
        const line = at === undefined ? "" : ` (line ${text.slice(0, Number(at)).split("\n").length})`;
        throw new ProgramError(`${file}: not valid JSON${text.trim() === "" ? " (the file is empty)" : line}, so Node.js cannot load the program; fix it and run again`);
    }
}

function readYamlObject(file: string, what: string): Record<string, unknown> {
    const read = readDataFile(file, what, "yaml");
    if (!read.ok) throw new ProgramError(read.problem);
    if (read.value === undefined || read.value === null) return {};
    if (!isMapping(read.value)) throw new ProgramError(`${file}: ${what} is not a YAML mapping`);
    return read.value;
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

function isDirectory(dir: string): boolean {
    try {
        return fs.statSync(dir).isDirectory();
    } catch {
        return false;
    }
}
