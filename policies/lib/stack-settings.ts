// Stack-settings discovery: what a stack's `Pulumi.<stack>.yaml` says, found the way the
// Pulumi CLI finds it. The engine never tells a policy pack the stack's secrets provider,
// so this is the one place that reads project files for it. Call it when a policy runs,
// never at module load: `pulumi policy publish` boots the pack with no stack and no project.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isMapping, readDataFile } from "./files";

/**
 * Set by `check` to the secrets provider a `pulumi stack export` records; CI may set it too.
 * The lowest-priority source: a policy config value or a stack file wins over it.
 */
export const STACK_SECRETS_PROVIDER_ENV = "AWS_BASELINE_STACK_SECRETS_PROVIDER";

/**
 * The CLI's per-run replacement of a stack file's cloud provider URL (pulumi/pulumi v3.40.2,
 * pkg/secrets/cloud NewCloudSecretsManager): it applies only where `secretsprovider` is a URL,
 * never to the passphrase or service provider.
 */
export const CLOUD_SECRET_OVERRIDE_ENV = "PULUMI_CLOUD_SECRET_OVERRIDE";

/**
 * With it the CLI takes the provider recorded in the stack's state when the stack file sets
 * neither `secretsprovider` nor `encryptionsalt` (pulumi/pulumi v3.134.0, SecretsManagerLoader);
 * read as the CLI reads a boolean variable: "1" or "true" in any case.
 */
export const FALLBACK_TO_STATE_ENV = "PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER";

/**
 * The CLI's choice of backend (pkg/workspace/creds.go, GetCurrentCloudURLWithSource): this
 * variable, else the project file's `backend.url`, else the current login in the credentials file.
 */
export const BACKEND_URL_ENV = "PULUMI_BACKEND_URL";

// The CLI's project file extensions, in the order it tries them (sdk/go/common/encoding Exts);
// the stack file takes the project file's extension, so a Pulumi.json project has Pulumi.<stack>.json.
const PROJECT_EXTENSIONS = [".json", ".yaml", ".yml"];

export interface SecretsProviderSources {
    /** The policy config's explicit provider URL. */
    configured?: string;
    /** The policy config's projectDir (relative paths are taken from pwd). */
    projectDir?: string;
    /** The directory `pulumi` ran in (env PWD; the pack's own cwd is the pack directory). */
    pwd?: string;
    /** Stack name from the engine (PULUMI_NODEJS_STACK or the root URN). */
    stack?: string;
    /** Project name from the engine, to skip a Pulumi.yaml of another project. */
    project?: string;
    /** The provider a stack export recorded (STACK_SECRETS_PROVIDER_ENV). */
    exported?: string;
    /** Env CLOUD_SECRET_OVERRIDE_ENV, as the CLI would see it. */
    cloudOverride?: string;
    /** Env FALLBACK_TO_STATE_ENV, as the CLI would see it. */
    fallbackToState?: string;
    /** Env BACKEND_URL_ENV, as the CLI would see it. */
    backendUrl?: string;
    /**
     * The CLI's credentials directory: env PULUMI_CREDENTIALS_PATH, else PULUMI_HOME, else
     * `~/.pulumi` (sdk/go/common/workspace/creds.go, getCredsFilePath).
     */
    credentialsDir?: string;
}

export type SecretsProviderDiscovery =
    | { found: true; url: string; source: string }
    /** `looked` lists where we looked; `problem` a stack file we found but could not use. */
    | { found: false; looked: string[]; problem?: string };

/** First hit wins: policy config, then the stack file (projectDir, then PWD), then the export. */
export function discoverSecretsProvider(sources: SecretsProviderSources): SecretsProviderDiscovery {
    const configured = sources.configured?.trim();
    if (configured) return { found: true, url: configured, source: "the policy config secretsProvider" };

    const looked: string[] = [];
    let stateNote: string | undefined;
    const pwd = sources.pwd && path.isAbsolute(sources.pwd) ? sources.pwd : undefined;
    const starts: string[] = [];
    if (sources.projectDir) starts.push(path.resolve(pwd ?? process.cwd(), sources.projectDir));
    if (pwd) starts.push(pwd);
    if (starts.length === 0) {
        looked.push("no directory (env PWD is not set and projectDir is not configured)");
    } else if (sources.stack) {
        for (const start of [...new Set(starts)]) {
            const located = locateStackFile(start, sources.stack, sources.project);
            looked.push(located.description);
            if (!located.file) continue;
            const settings = readStackSecretsSettings(located.file);
            if (!settings.ok) return { found: false, looked, problem: settings.problem };
            const override = sources.cloudOverride?.trim();
            if (settings.declared === "url" && override) {
                return { found: true, url: override, source: `env ${CLOUD_SECRET_OVERRIDE_ENV}, which replaces ${settings.source} for this run` };
            }
            if (settings.declared === "backend-default" && isTrue(sources.fallbackToState)) {
                // The CLI then uses the state's provider, which only a stack export shows.
                stateNote = `${settings.source}, and ${FALLBACK_TO_STATE_ENV} makes the CLI use the provider recorded in the stack's state, which the engine does not send to a policy pack`;
                looked.push(stateNote);
                break;
            }
            if (settings.declared === "backend-default") {
                const backend = currentBackend(sources, located.backendUrl);
                if (backend) return { found: true, ...backendDefault(settings.source, backend) };
            }
            return { found: true, url: settings.url, source: settings.source };
        }
    } else {
        looked.push("no stack file (the engine did not name the stack)");
    }

    const exported = sources.exported?.trim();
    if (exported) return { found: true, url: exported, source: `the stack export's secrets_providers, env ${STACK_SECRETS_PROVIDER_ENV}` };
    return stateNote ? { found: false, looked, problem: stateNote } : { found: false, looked };
}

/** How the CLI reads a boolean environment variable (sdk/go/common/util/env BoolValue). */
function isTrue(value: string | undefined): boolean {
    return value === "1" || value?.toLowerCase() === "true";
}

interface LocatedStackFile {
    file?: string;
    /** Where we looked, for the "could not determine" message. */
    description: string;
    /** The project file's `backend.url`. */
    backendUrl?: string;
}

interface Backend {
    url: string;
    /** Where the CLI takes it from. */
    from: string;
}

/** The backend the CLI would use for this project, or undefined when nothing says. */
function currentBackend(sources: SecretsProviderSources, projectBackend: string | undefined): Backend | undefined {
    const fromEnv = sources.backendUrl?.trim();
    if (fromEnv) return { url: fromEnv, from: `env ${BACKEND_URL_ENV}` };
    if (projectBackend) return { url: projectBackend, from: "backend.url in the project file" };
    const dir = sources.credentialsDir || path.join(os.homedir(), ".pulumi");
    const file = path.join(dir, "credentials.json");
    const current = currentLogin(file);
    return current ? { url: current, from: `the current login in ${file}` } : undefined;
}

/**
 * The `current` of the CLI's credentials file. The file also holds access tokens: nothing else
 * is read, and a file that cannot be read or parsed (or is encrypted: the CLI's secure-store
 * envelope) says nothing, without quoting it.
 */
function currentLogin(file: string): string | undefined {
    try {
        const creds: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
        const current = isMapping(creds) ? creds.current : undefined;
        return typeof current === "string" && current.trim() ? current.trim() : undefined;
    } catch {
        return undefined;
    }
}

// The CLI's self-managed ("DIY") backends: the go-cloud blob schemes (pkg/backend/diy, IsDIYBackendURL).
const SELF_MANAGED_BACKEND = /^(file|s3|gs|azblob|mem):\/\//i;

/**
 * The backend's default secrets manager (backend.Stack DefaultSecretManager): the passphrase
 * provider on a self-managed backend, the service provider on Pulumi Cloud (any http(s) URL).
 */
function backendDefault(fileSource: string, backend: Backend): { url: string; source: string } {
    const where = `${displayBackend(backend.url)}, from ${backend.from}`;
    return SELF_MANAGED_BACKEND.test(backend.url)
        ? { url: "passphrase", source: `${fileSource}: the default of the self-managed backend ${where}` }
        : { url: "service", source: `${fileSource}: the default of the backend ${where}` };
}

/** A backend URL safe to print: no userinfo, no query (an s3:// URL may name a profile). */
function displayBackend(url: string): string {
    const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)(?:[^@/?#]*@)?([^?#]*)/.exec(url);
    return m ? `${m[1]}${m[2]}` : "(a backend URL the CLI cannot parse)";
}

/**
 * The CLI walks up from its directory to the nearest Pulumi.yaml; the stack file sits next
 * to it (or in its `stackConfigDir`) with the project file's extension. Without a project
 * file we still accept a stack file in the start directory itself.
 */
export function locateStackFile(startDir: string, stack: string, project?: string): LocatedStackFile {
    const projectFile = findProjectFile(startDir);
    if (projectFile) {
        const projectSettings = readProjectFile(projectFile);
        const projectDir = path.dirname(projectFile);
        const name = projectSettings && typeof projectSettings.name === "string" ? projectSettings.name : undefined;
        if (project && name && name !== project) {
            return { description: `${projectFile} (project "${name}", not "${project}")` };
        }
        const configDir = projectSettings ? stackConfigDirOf(projectSettings) : "";
        const file = path.join(projectDir, configDir, stackFileName(stack, path.extname(projectFile)));
        return isFile(file) ? { file, description: file, backendUrl: backendUrlOf(projectSettings) } : { description: `${file} (missing)` };
    }
    for (const ext of PROJECT_EXTENSIONS) {
        const file = path.join(startDir, stackFileName(stack, ext));
        if (isFile(file)) return { file, description: file };
    }
    return { description: `${path.join(startDir, stackFileName(stack))} (missing, and no Pulumi.yaml above it)` };
}

/**
 * The stack file's name: the CLI names it after the stack's own name (DetectProjectStackPath
 * gets `Ref().Name()`), so `acme/shop/prod` and `acme/prod` both use Pulumi.prod.yaml.
 */
export function stackFileName(stack: string, ext = ".yaml"): string {
    return `Pulumi.${stack.split("/").pop()}${ext}`;
}

/**
 * Where the project keeps its stack files, relative to the project file: `stackConfigDir`, or
 * a string `config` (its former name, which the CLI still rewrites into stackConfigDir:
 * workspace.RewriteConfigPathIntoStackConfigDir); a `config` mapping is project config.
 */
export function stackConfigDirOf(projectSettings: Record<string, unknown>): string {
    const { stackConfigDir, config } = projectSettings;
    return typeof stackConfigDir === "string" ? stackConfigDir : typeof config === "string" ? config : "";
}

/** The project file's `backend: { url }`, which picks the backend as `pulumi login` would. */
function backendUrlOf(projectSettings: Record<string, unknown> | undefined): string | undefined {
    const backend = projectSettings?.backend;
    const url = isMapping(backend) ? backend.url : undefined;
    return typeof url === "string" && url.trim() ? url.trim() : undefined;
}

/**
 * `declared`: what the stack file says: a cloud provider URL, the passphrase provider, or
 * nothing (the backend's default).
 */
type StackSecretsSettings =
    | { ok: true; url: string; source: string; declared: "url" | "passphrase" | "backend-default" }
    | { ok: false; problem: string };

/**
 * The CLI's rule (pkg/cmd/pulumi/stack/secrets.go, GetSecretsManager): a `secretsprovider` other than "passphrase" or
 * "default" is a cloud provider URL; else `encryptionsalt` means passphrase; else the
 * backend's default, which for Pulumi Cloud is the service provider (the caller knows the backend).
 */
export function readStackSecretsSettings(file: string): StackSecretsSettings {
    const read = readDataFile(file, "the stack file", formatOf(file));
    if (!read.ok) return { ok: false, problem: read.problem };
    const doc = read.value ?? {};
    if (!isMapping(doc)) return { ok: false, problem: `${file}: the stack file is not a YAML mapping` };
    const settings = doc as Record<string, unknown>;
    const provider = settings.secretsprovider;
    const salt = settings.encryptionsalt;
    if (provider !== undefined && provider !== null && typeof provider !== "string") {
        return { ok: false, problem: `${file}: secretsprovider is not a string` };
    }
    if (salt !== undefined && salt !== null && typeof salt !== "string") {
        return { ok: false, problem: `${file}: encryptionsalt is not a string` };
    }
    const url = (provider ?? "").trim();
    const lowered = url.toLowerCase();
    if (url !== "" && lowered !== "passphrase" && lowered !== "default") {
        return { ok: true, url, source: `secretsprovider in ${file}`, declared: "url" };
    }
    if (lowered === "passphrase") return { ok: true, url: "passphrase", source: `secretsprovider in ${file}`, declared: "passphrase" };
    if (salt) return { ok: true, url: "passphrase", source: `encryptionsalt in ${file}`, declared: "passphrase" };
    const sets = lowered === "default" ? "secretsprovider: default and no encryptionsalt" : "neither secretsprovider nor encryptionsalt";
    return { ok: true, url: "service", source: `${file}, which sets ${sets}`, declared: "backend-default" };
}

function findProjectFile(startDir: string): string | undefined {
    for (let dir = startDir; ; dir = path.dirname(dir)) {
        for (const ext of PROJECT_EXTENSIONS) {
            const file = path.join(dir, `Pulumi${ext}`);
            if (isFile(file)) return file;
        }
        if (path.dirname(dir) === dir) return undefined;
    }
}

function readProjectFile(file: string): Record<string, unknown> | undefined {
    const read = readDataFile(file, "the project file", formatOf(file));
    return read.ok && isMapping(read.value) ? read.value : undefined;
}

function formatOf(file: string): "json" | "yaml" {
    return path.extname(file) === ".json" ? "json" : "yaml";
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}
