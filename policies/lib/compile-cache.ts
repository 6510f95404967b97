// Most of a pack's boot is Node.js compiling JavaScript: the SDK alone (@pulumi/pulumi loads its
// automation API, npm's arborist, grpc-js...) is about 700 ms of CPU of a ~800 ms boot, and the
// Pulumi CLI boots the pack afresh for every preview and update. Node.js 22.8+ keeps compiled
// code on disk (module.enableCompileCache); enabled before the SDK loads, a warm boot takes
// 471 ms instead of 778 on the bench machine (docs/benchmark.md). Importing this module enables
// it: the pack's entry point (../../index.ts) and `check` (../../cli/check.ts) import it first.
// Node's own switches apply: NODE_DISABLE_COMPILE_CACHE=1 turns it off and NODE_COMPILE_CACHE
// picks the directory. Otherwise the cache lives in the user's own cache directory
// ($XDG_CACHE_HOME or ~/.cache, then aws-security-baseline/), not in Node's default under the
// shared temporary directory: compiled code read from a directory another user can write to
// would be code that user chose. Older Node.js: nothing changes.
// The library entry point (../index.ts) does not import it: a pack composed from the library
// decides for its own process.
import * as fs from "fs";
import * as nodeModule from "module";
import * as os from "os";
import * as path from "path";

interface CompileCacheApi {
    enableCompileCache?(directory?: string): { status: number; message?: string; directory?: string };
    flushCompileCache?(): void;
    constants?: { compileCacheStatus?: Record<"FAILED" | "ENABLED" | "ALREADY_ENABLED" | "DISABLED", number> };
}

export type CompileCacheStatus = "enabled" | "already-enabled" | "disabled" | "failed" | "unsupported";

/** What enabling gave in this process (Node.js's status, or "unsupported" before 22.8). */
export const compileCache: CompileCacheStatus = enable(nodeModule as unknown as CompileCacheApi, cacheDirectory(process.env));

/** The cache directory, and the existing directory under which its missing levels may be made. */
export interface CacheLocation {
    directory: string;
    within: string;
}

/**
 * Where the cache goes: undefined leaves it to Node.js (NODE_COMPILE_CACHE names it), null when
 * there is no home directory to put it in (then no cache, rather than Node's shared default).
 * Levels are made below the home directory, or below $XDG_CACHE_HOME's parent (the XDG spec has
 * a missing cache home made): never a missing home directory itself (Debian's `nobody` has
 * HOME=/nonexistent, which must stay that way).
 */
export function cacheDirectory(env: NodeJS.ProcessEnv, home: () => string = os.homedir): CacheLocation | null | undefined {
    if (env.NODE_COMPILE_CACHE) return undefined;
    try {
        const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? path.resolve(env.XDG_CACHE_HOME) : undefined;
        const within = xdg ? path.dirname(xdg) : home();
        if (!within || !path.isAbsolute(within)) return null;
        return { directory: path.join(xdg ?? path.join(within, ".cache"), "aws-security-baseline", "node-compile-cache"), within };
    } catch {
        return null;
    }
}

export function enable(
    api: CompileCacheApi,
    location: CacheLocation | null | undefined,
    makeDirectory: (location: CacheLocation) => boolean = ensureDirectory,
): CompileCacheStatus {
    if (typeof api.enableCompileCache !== "function") return "unsupported";
    if (location === null) return "disabled";
    if (location !== undefined && !makeDirectory(location)) return "failed";
    try {
        const { status } = location === undefined ? api.enableCompileCache() : api.enableCompileCache(location.directory);
        const S = api.constants?.compileCacheStatus;
        if (status === S?.ENABLED) return "enabled";
        if (status === S?.ALREADY_ENABLED) return "already-enabled";
        if (status === S?.DISABLED) return "disabled";
        return "failed"; // an unwritable directory: the process runs as without the cache
    } catch {
        return "failed";
    }
}

/**
 * Makes sure the cache directory exists and is writable, making its missing levels below
 * `within` (which must exist) one at a time. Node's recursive mkdir, which enableCompileCache
 * uses, never returns on some paths (under /proc, for one: an XDG_CACHE_HOME pointing there hung
 * the pack's boot); a level-by-level mkdir fails at once there. New levels are private to the
 * user (0700). A warm boot costs a stat and an access check.
 */
export function ensureDirectory({ directory, within }: CacheLocation, fsApi: typeof fs = fs): boolean {
    try {
        if (!isDirectory(fsApi, directory)) {
            const levels: string[] = [];
            for (let p = directory; p !== within; p = path.dirname(p)) {
                if (path.dirname(p) === p) return false; // not below `within`
                levels.unshift(p);
            }
            if (!isDirectory(fsApi, within)) return false;
            for (const level of levels) {
                try {
                    fsApi.mkdirSync(level, { mode: 0o700 });
                } catch (e) {
                    if ((e as NodeJS.ErrnoException).code !== "EEXIST") return false;
                }
            }
            if (!isDirectory(fsApi, directory)) return false;
        }
        fsApi.accessSync(directory, fs.constants.W_OK);
        return true;
    } catch {
        return false;
    }
}

function isDirectory(fsApi: typeof fs, p: string): boolean {
    return fsApi.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * Writes what was compiled so far. Node.js writes the cache when the process exits normally,
 * but the CLI ends a pack with a signal and `check` kills it: without this call the cache
 * would never be written. Cheap once the cache is warm (only new code is written); nothing
 * happens when the cache is not enabled.
 */
export function flushCompileCache(api: CompileCacheApi = nodeModule as unknown as CompileCacheApi): void {
    try {
        api.flushCompileCache?.();
    } catch {
        // Best effort: a full disk or a removed directory only costs the next boot its speed.
    }
}
