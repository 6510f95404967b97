// Node.js's compile cache for the pack's boot (policies/lib/compile-cache.ts): enabled by the
// pack's entry point before the SDK loads, written once the pack is loaded (the CLI ends a pack
// with a signal, so Node's write at exit never happens), Node's own switches respected.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { PackProcess } from "../cli/engine/pack-process";
import { CacheLocation, cacheDirectory, enable, ensureDirectory, flushCompileCache } from "../policies/lib/compile-cache";
import { PACK_DIR } from "./helpers/engine";

const constants = { compileCacheStatus: { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 } };
const supported = typeof (require("module") as { enableCompileCache?: unknown }).enableCompileCache === "function";

describe("enabling", () => {
    it("reports Node.js's status, and changes nothing where Node.js has no compile cache", () => {
        const made: CacheLocation[] = [];
        const mkdir = (l: CacheLocation) => (made.push(l), true);
        const c = { directory: "/h/.cache/c", within: "/h" };
        expect(enable({}, c, mkdir)).toBe("unsupported");
        expect(made).toEqual([]); // older Node.js: not even a directory is made
        const calls: unknown[][] = [];
        const api = (status: number) => ({ constants, enableCompileCache: (...a: unknown[]) => (calls.push(a), { status }) });
        expect(enable(api(1), c, mkdir)).toBe("enabled");
        expect(enable(api(2), c, mkdir)).toBe("already-enabled");
        expect(enable(api(3), c, mkdir)).toBe("disabled");
        expect(enable(api(0), c, mkdir)).toBe("failed");
        expect(calls).toEqual([["/h/.cache/c"], ["/h/.cache/c"], ["/h/.cache/c"], ["/h/.cache/c"]]);
        // NODE_COMPILE_CACHE set: Node reads it; no home directory: no cache at all.
        expect(enable(api(1), undefined, mkdir)).toBe("enabled");
        expect(calls[4]).toEqual([]);
        expect(enable(api(1), null, mkdir)).toBe("disabled");
        expect(calls.length).toBe(5);
        expect(made).toEqual([c, c, c, c]);
        expect(enable({ constants, enableCompileCache: () => { throw new Error("EACCES"); } }, c, mkdir)).toBe("failed");
        // A directory that cannot be made: Node.js is not asked at all.
        expect(enable(api(1), c, () => false)).toBe("failed");
        expect(calls.length).toBe(5);
    });

    it("makes the directory one level at a time below an existing one, private to the user, and fails at once where it cannot", () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "compile-cache-dir-"));
        try {
            const home = path.join(tmp, "home");
            fs.mkdirSync(home);
            const at = (directory: string, within = home) => ensureDirectory({ directory, within });
            const dir = path.join(home, ".cache", "b", "node-compile-cache");
            expect(at(dir)).toBe(true);
            expect(fs.statSync(dir).isDirectory()).toBe(true);
            expect(fs.statSync(path.join(home, ".cache")).mode & 0o777).toBe(0o700);
            // Warm: a stat and an access check, no mkdir.
            const mkdirs: unknown[] = [];
            const spy = { ...fs, mkdirSync: ((p: string) => void mkdirs.push(p)) as typeof fs.mkdirSync } as typeof fs;
            expect(ensureDirectory({ directory: dir, within: home }, spy)).toBe(true);
            expect(mkdirs).toEqual([]);
            // A missing home directory is not made (HOME=/nonexistent), nor is anything outside `within`.
            const missing = path.join(tmp, "nonexistent");
            expect(at(path.join(missing, ".cache", "c"), missing)).toBe(false);
            expect(fs.existsSync(missing)).toBe(false);
            expect(at(path.join(tmp, "elsewhere", "c"))).toBe(false);
            expect(fs.existsSync(path.join(tmp, "elsewhere"))).toBe(false);
            // A file on the way.
            fs.writeFileSync(path.join(home, "file"), "");
            expect(at(path.join(home, "file", "cache"))).toBe(false);
            expect(at(path.join(home, "file"))).toBe(false);
            // Node's recursive mkdir never returns under /proc; this returns false at once.
            if (fs.existsSync("/proc/self")) expect(at("/proc/aws-security-baseline/node-compile-cache", "/")).toBe(false);
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });

    it("keeps the cache in the user's own cache directory, never in the shared temporary directory by default", () => {
        const home = () => "/home/dev";
        expect(cacheDirectory({}, home)).toEqual({ directory: "/home/dev/.cache/aws-security-baseline/node-compile-cache", within: "/home/dev" });
        // The XDG spec has a missing cache home made: below its parent.
        expect(cacheDirectory({ XDG_CACHE_HOME: "/var/cache/dev/" }, home)).toEqual({ directory: "/var/cache/dev/aws-security-baseline/node-compile-cache", within: "/var/cache" });
        // A relative XDG_CACHE_HOME is invalid per the spec: the default applies.
        expect(cacheDirectory({ XDG_CACHE_HOME: "cache" }, home)?.directory).toBe("/home/dev/.cache/aws-security-baseline/node-compile-cache");
        expect(cacheDirectory({ NODE_COMPILE_CACHE: "/tmp/mine" }, home)).toBeUndefined();
        expect(cacheDirectory({}, () => { throw new Error("no home"); })).toBeNull();
        expect(cacheDirectory({}, () => "")).toBeNull();
        expect(cacheDirectory({}, () => "relative")).toBeNull();
    });

    it("writes what was compiled, and a failing write is not the pack's failure", () => {
        let flushed = 0;
        flushCompileCache({ flushCompileCache: () => void flushed++ });
        expect(flushed).toBe(1);
        expect(() => flushCompileCache({ flushCompileCache: () => { throw new Error("ENOSPC"); } })).not.toThrow();
        expect(() => flushCompileCache({})).not.toThrow();
    });
});

describe("through the engine path", () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
    const cacheDir = () => {
        const d = fs.mkdtempSync(path.join(os.tmpdir(), "compile-cache-"));
        dirs.push(d);
        return d;
    };
    const files = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

    async function boot(env: Record<string, string | undefined>): Promise<string[]> {
        const pack = await PackProcess.boot({ packDir: PACK_DIR, env });
        try {
            await pack.handshake();
            const info = await pack.getAnalyzerInfo();
            return info.policies.map((p) => p.name);
        } finally {
            await pack.close(); // killed, as the CLI ends a pack: no write at exit
        }
    }

    it(`a booted pack has written its compiled code (${supported ? "Node.js " + process.version + " has the cache" : "not on Node.js " + process.version + ", which has none"}), and boots alike from it`, async () => {
        const dir = cacheDir();
        const first = await boot({ NODE_COMPILE_CACHE: dir });
        const written = files(dir);
        if (supported) {
            // The SDK's modules, loaded after the pack enabled the cache, are in it.
            expect(written.length).toBeGreaterThan(50);
            expect(await boot({ NODE_COMPILE_CACHE: dir })).toEqual(first);
        } else {
            expect(written).toEqual([]);
        }
        expect(first).toContain("resource-protect");
    }, 60_000);

    it("without NODE_COMPILE_CACHE, the cache goes to the user's cache directory", async () => {
        const xdg = cacheDir();
        await boot({ XDG_CACHE_HOME: xdg, NODE_COMPILE_CACHE: undefined });
        const dir = path.join(xdg, "aws-security-baseline", "node-compile-cache");
        if (supported) expect(files(dir).length).toBeGreaterThan(50);
        else expect(fs.existsSync(dir)).toBe(false);
    }, 60_000);

    it("a cache directory that cannot be made leaves the pack booting as without the cache", async () => {
        const file = path.join(cacheDir(), "not-a-directory");
        fs.writeFileSync(file, "");
        for (const xdg of [file, "/proc/aws-security-baseline-test"]) {
            expect(await boot({ XDG_CACHE_HOME: xdg, NODE_COMPILE_CACHE: undefined })).toContain("resource-protect");
        }
        expect(fs.readFileSync(file, "utf8")).toBe("");
        // A home directory that does not exist stays so.
        const home = path.join(cacheDir(), "nonexistent");
        expect(await boot({ HOME: home, XDG_CACHE_HOME: undefined, NODE_COMPILE_CACHE: undefined })).toContain("resource-protect");
        expect(fs.existsSync(home)).toBe(false);
    }, 90_000);

    it("NODE_DISABLE_COMPILE_CACHE=1 turns it off", async () => {
        const dir = cacheDir();
        await boot({ NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: "1" });
        expect(files(dir)).toEqual([]);
    }, 60_000);
});
