// Many stacks at once (cli/run-many.ts, `check --jobs`): the same results as one after the
// other, in input order, the first failure in input order, one pack per worker when stacks
// boot it alike.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { PackProcess } from "../cli/engine/pack-process";
import { RunOptions } from "../cli/engine/run";
import { loadInputFile } from "../cli/inputs";
import { EarlyBoot, runMany } from "../cli/run-many";
import { runCheckAsync } from "./helpers/check";
import { FIXTURES, PACK_DIR } from "./helpers/engine";

const FILES = [
    path.join(FIXTURES, "insecure-stack.json"),
    path.join(FIXTURES, "secure-stack.json"),
    path.join(FIXTURES, "samples/stack-export.json"),
    path.join(FIXTURES, "samples/preview.json"),
    path.join(FIXTURES, "iam-no-wildcard-actions/insecure.json"),
];

function stackOf(file: string): RunOptions {
    const input = loadInputFile(file);
    return { packDir: PACK_DIR, stack: input.stack ?? "dev", project: input.project ?? "project", dryRun: input.preview, resources: input.resources };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "run-many-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("runMany", () => {
    it("gives what running the stacks one by one gives, in input order, whatever the number of workers", async () => {
        const stacks = FILES.map(stackOf);
        const summary = (runs: Awaited<ReturnType<typeof runMany>>) => runs.map((r) => ({ diagnostics: r.diagnostics, resources: r.resources.map((x) => x.urn), logs: r.logs }));
        const one = summary(await runMany(stacks, 1));
        expect(one.map((r) => r.diagnostics.length)).toEqual(expect.arrayContaining([expect.any(Number)]));
        expect(summary(await runMany(stacks, 3))).toEqual(one);
    }, 120_000);

    it("keeps a worker's pack for stacks that boot it alike, boots another for a different stack", async () => {
        const boot = vi.spyOn(PackProcess, "boot");
        try {
            const same = stackOf(FILES[0]);
            await runMany([same, same, same], 1);
            expect(boot).toHaveBeenCalledTimes(1);
            boot.mockClear();
            await runMany([same, { ...same, stack: "other" }, same], 1);
            expect(boot).toHaveBeenCalledTimes(3);
        } finally {
            boot.mockRestore();
        }
    }, 120_000);

    it("fails with the first failure in input order, as one after the other would", async () => {
        const ok = stackOf(FILES[1]);
        // A pack that fails to start, saying why.
        const broken = (why: string): RunOptions => {
            const dir = path.join(tmp, why);
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: why, version: "0.0.0", main: "index.js" }));
            fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
            fs.writeFileSync(path.join(dir, "index.js"), `throw new Error("pack ${why} failed");\n`);
            if (!fs.existsSync(path.join(dir, "node_modules"))) fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
            return { ...ok, packDir: dir };
        };
        await expect(runMany([ok, broken("first"), ok, broken("second")], 4)).rejects.toThrow(/pack first failed/);
        await expect(runMany([ok, broken("third"), broken("fourth")], 1)).rejects.toThrow(/pack third failed/);
    }, 120_000);
});

describe("a pack booted before its stack's file is read through (EarlyBoot)", () => {
    const exited = (pid: number | undefined) => {
        try {
            process.kill(pid!, 0);
            return false;
        } catch {
            return true;
        }
    };

    it("serves the stack it was booted for, and is stopped when no stack boots alike", async () => {
        const stack = stackOf(FILES[2]);
        const expected = (await runMany([stack], 1))[0].diagnostics;
        const boot = vi.spyOn(PackProcess, "boot");
        try {
            const early = await EarlyBoot.start(stack);
            expect(boot).toHaveBeenCalledTimes(1);
            expect((await runMany([stack], 1, early))[0].diagnostics).toEqual(expected);
            expect(boot).toHaveBeenCalledTimes(1);

            boot.mockClear();
            const other = await EarlyBoot.start({ ...stack, stack: "other" });
            const unused = await boot.mock.results[0].value;
            expect(exited(unused.pid)).toBe(false);
            expect((await runMany([stack], 1, other))[0].diagnostics).toEqual(expected);
            expect(boot).toHaveBeenCalledTimes(2);
            expect(exited(unused.pid)).toBe(true);
        } finally {
            boot.mockRestore();
        }
    }, 120_000);

    it("is stopped at once when the run ends before it booted (a later input is broken)", async () => {
        const boot = vi.spyOn(PackProcess, "boot");
        try {
            const early = await EarlyBoot.start(stackOf(FILES[2]));
            const booting = boot.mock.results[0].value as Promise<PackProcess>;
            await early.discard();
            await expect(booting).rejects.toThrow(/exited|before printing its port/);
        } finally {
            boot.mockRestore();
        }
        const broken = path.join(tmp, "broken.json");
        fs.writeFileSync(broken, '{"deployment": {"resources": [1,');
        const r = await runCheckAsync([FILES[2], broken]);
        expect([r.code, r.stderr]).toEqual([2, `check: ${broken}: input is not valid JSON; expected a fixture, a \`pulumi stack export\` file or \`pulumi preview --json\` output\n`]);
    }, 60_000);

    it("a boot that fails is the failure of the stack that takes it, and of no other", async () => {
        const ok = stackOf(FILES[1]);
        const dir = path.join(tmp, "early-broken");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "early-broken", version: "0.0.0", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(path.join(dir, "index.js"), "throw new Error(\"pack early-broken failed\");\n");
        if (!fs.existsSync(path.join(dir, "node_modules"))) fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
        const broken = { ...ok, packDir: dir };
        await expect(runMany([broken], 1, await EarlyBoot.start(broken))).rejects.toThrow(/pack early-broken failed/);
        expect((await runMany([ok], 1, await EarlyBoot.start(broken)))[0].diagnostics).toEqual((await runMany([ok], 1))[0].diagnostics);
    }, 120_000);

    it("check: an export whose start does not say all the pack boots with is run with a pack booted from the whole file", async () => {
        const exported = JSON.parse(fs.readFileSync(FILES[2], "utf8"));
        const { secrets_providers: sp, ...rest } = exported.deployment;
        expect(sp.type).toBe("passphrase");
        const later = path.join(tmp, "secrets-provider-last.json");
        fs.writeFileSync(later, JSON.stringify({ ...exported, deployment: { ...rest, secrets_providers: sp } }, null, 4));
        const report = async (file: string) => {
            const r = await runCheckAsync(["--format", "json", file]);
            expect(r.stderr).toBe("");
            return JSON.parse(r.stdout).violations.map((v: { policy: string; urn: string; message: string }) => [v.policy, v.urn, v.message]);
        };
        const expected = await report(FILES[2]);
        expect(expected.filter((v: string[]) => v[0] === "secrets-provider-allowlist")).toEqual([[
            "secrets-provider-allowlist", expect.any(String), expect.stringContaining("uses the passphrase secrets provider (from the stack export's secrets_providers"),
        ]]);
        expect(await report(later)).toEqual(expected);
    }, 120_000);

    it("a port printed while the caller was busy past the boot timeout is still read", async () => {
        // The pack boots while this process blocks, as `check` does reading a large file: blocked
        // until the pack's server listens (its port line follows in the same callback), then a second
        // more, so the port is in the pipe before the 200 ms timer can run, however loaded the machine.
        const busyUntilPrinted = (pack: PackProcess) => {
            const end = Date.now() + 100_000;
            while (Date.now() < end && !(pack.pid && isListening(pack.pid)));
            for (const more = Date.now() + 1000; Date.now() < more;);
        };
        const pack = await PackProcess.boot({ ...stackOf(FILES[1]), bootTimeoutMs: 200 }, busyUntilPrinted);
        await pack.close();
    }, 150_000);
});

/** Whether process `pid` holds a listening TCP socket (Linux: its fds' socket inodes in /proc/net/tcp*, state 0A). */
function isListening(pid: number): boolean {
    const inodes = new Set<string>();
    try {
        for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
            try {
                const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
                if (m) inodes.add(m[1]);
            } catch { /* closed meanwhile */ }
        }
    } catch { return false; }
    for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
        let text = "";
        try { text = fs.readFileSync(table, "utf8"); } catch { continue; }
        for (const line of text.split("\n").slice(1)) {
            const f = line.trim().split(/\s+/);
            if (f[3] === "0A" && inodes.has(f[9])) return true;
        }
    }
    return false;
}

describe("check over many files", () => {
    it("reports every file in input order with the worst exit code, with any --jobs", async () => {
        const sequential = await runCheckAsync(["--jobs", "1", "--format", "json", ...FILES]);
        const parallel = await runCheckAsync(["--jobs", "3", "--format", "json", ...FILES]);
        expect(sequential.stderr).toBe("");
        expect(sequential.code).toBe(1); // the insecure stack has mandatory violations
        expect(parallel.code).toBe(sequential.code);
        const strip = (out: string) => ({ ...JSON.parse(out), tool: undefined });
        expect(strip(parallel.stdout)).toEqual(strip(sequential.stdout));
        expect(JSON.parse(parallel.stdout).files.map((f: { file: string }) => f.file)).toEqual(FILES);
        const clean = await runCheckAsync(["--jobs", "2", path.join(FIXTURES, "secure-stack.json"), path.join(FIXTURES, "secure-stack.json")]);
        expect(clean.code).toBe(0);
    }, 180_000);

    it("refuses a --jobs that is not a positive whole number", async () => {
        for (const bad of ["0", "1.5", "many"]) {
            const r = await runCheckAsync(["--jobs", bad, FILES[0]]);
            expect(r.code).toBe(2);
            expect(r.stderr).toMatch(/^check: --jobs must be a positive whole number/);
        }
    }, 60_000);
});
