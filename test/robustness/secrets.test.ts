// Secrets never printed, end to end (docs/testing.md): the built `check` command runs
// generated files (a fixture with `{"$secret": ...}` values and plaintext tokens anywhere in
// the props; a `pulumi stack export` with ciphertext and `--show-secrets` plaintext secrets
// and a secrets-provider URL carrying tokens in its userinfo and query), in every report
// format, and no token appears on stdout or stderr. The same tokens also pass through the
// engine path in engine.test.ts, whose checks cover diagnostics, remediations and pack logs.
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { runCheckAsync } from "../helpers/check";
import { assertNoToken, fcParams, secretToken } from "./arbitraries";
import { scaledTimeout } from "./runs-factor";
import { batchOf, FixtureResource } from "./fixture-batch";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "robustness-secrets-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RUNS = 2;
const FORMATS: [string, string[]][] = [["table", ["--preview"]], ["json", []], ["sarif", ["--preview"]]];


const check = (args: string[]) => runCheckAsync(args);

/** A fixture-format value as a stack export records it: `$secret` becomes ciphertext or `--show-secrets` plaintext. */
function exported(v: unknown, ciphertext: boolean): unknown {
    if (Array.isArray(v)) return v.map((e) => exported(e, ciphertext));
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    if ("$secret" in o) {
        return ciphertext
            ? { [SIG_KEY]: SECRET_SIG, ciphertext: `v1:${Buffer.from(JSON.stringify(o.$secret)).toString("base64")}:${JSON.stringify(o.$secret)}` }
            : { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(exported(o.$secret, ciphertext)) };
    }
    if ("$unknown" in o) return "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    return Object.fromEntries(Object.entries(o).map(([k, e]) => [k, exported(e, ciphertext)]));
}

function stackExport(resources: FixtureResource[], providerToken: string): object {
    const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;
    const stackUrn = urn("pulumi:pulumi:Stack", "shop-prod");
    const providerUrn = urn("pulumi:providers:aws", "default_7_48_0");
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-11-20T13:01:14.512Z", magic: "x", version: "v3.200.0" },
            // A provider URL with a token in its userinfo and query: only scheme, host, path and region may be shown.
            secrets_providers: { type: "cloud", state: { url: `awskms://${providerToken}:${providerToken}@alias/pulumi?region=eu-west-1&profile=${providerToken}` } },
            resources: [
                { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" },
                { urn: providerUrn, custom: true, id: "p-1", type: "pulumi:providers:aws", inputs: { region: "eu-west-1" }, outputs: { region: "eu-west-1" } },
                ...resources.map((r, i) => ({
                    urn: urn(r.type, r.name),
                    custom: r.custom !== false,
                    id: `id-${i}`,
                    type: r.type,
                    // Half the secrets as ciphertext (what `pulumi stack export` writes), half as `--show-secrets` plaintext.
                    inputs: exported(r.props, i % 2 === 0),
                    outputs: exported(r.props, i % 2 === 1),
                    parent: stackUrn,
                    protect: r.protect === true,
                    provider: r.custom === false ? undefined : `${providerUrn}::p-1`,
                })),
            ],
        },
    };
}

describe("check never prints a secret, in any format", () => {
    it("runs generated fixtures and stack exports in table, json and sarif: no token on stdout or stderr", async () => {
        let file = 0;
        await fc.assert(
            fc.asyncProperty(batchOf(0, 120), batchOf(0, 60), secretToken, async (fixture, state, providerToken) => {
                const fixtureFile = path.join(tmp, `fixture-${file}.json`);
                const exportFile = path.join(tmp, `export-${file++}.json`);
                fs.writeFileSync(fixtureFile, JSON.stringify({ stack: "prod", project: "shop", resources: fixture.resources }));
                fs.writeFileSync(exportFile, JSON.stringify(stackExport(state.resources, providerToken)));
                const tokens = [...fixture.tokens, ...state.tokens, providerToken];
                const runs = await Promise.all(FORMATS.map(([format, extra]) => check(["--format", format, ...extra, fixtureFile, exportFile])));
                runs.forEach((run, i) => {
                    const format = FORMATS[i][0];
                    expect([0, 1], `${format}: exit ${run.code}, stderr: ${run.stderr.slice(0, 500)}`).toContain(run.code);
                    assertNoToken(run.stdout, tokens, `check --format ${format} (stdout)`);
                    assertNoToken(run.stderr, tokens, `check --format ${format} (stderr)`);
                    expect(run.stdout, `${format}: an internal error was reported`).not.toMatch(/Internal error/);
                });
            }),
            // No shrinking: each step would be three more runs of `check`. FC_SEED and FC_PATH replay.
            { ...fcParams(RUNS), endOnFailure: true },
        );
    }, scaledTimeout(900_000));
});
