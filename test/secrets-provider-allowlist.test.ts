import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverSecretsProvider, locateStackFile, STACK_SECRETS_PROVIDER_ENV } from "../policies/lib/stack-settings";
import {
    classifySecretsProvider, judgeSecretsProvider, KMS_PROVIDER_KINDS, ProviderKind, SecretsProviderAllowlistConfig,
} from "../policies/secrets-provider-allowlist";
import { runCheck } from "./helpers/check";
import { assertNotShown } from "./helpers/secrets";
import { FIXTURES, useEngine } from "./helpers/engine";

const POLICY = "secrets-provider-allowlist";
const FIXTURE_DIR = path.join(FIXTURES, POLICY);
const ROOT_URN = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";
const ROOT = { urn: ROOT_URN, type: "pulumi:pulumi:Stack", name: "shop-prod" };
const FIX_AWSKMS = 'pulumi stack change-secrets-provider "awskms://alias/<key-alias>?region=<region>"';

// Temporary project directories: real Pulumi.yaml / Pulumi.<stack>.yaml files, created at
// collection time because the engine boots (with PWD pointing here) before the tests run.
const TMP = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "secrets-provider-allowlist-")));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
fs.cpSync(path.join(FIXTURE_DIR, "projects"), TMP, { recursive: true });
const EMPTY = path.join(TMP, "empty");
fs.mkdirSync(EMPTY);

const PROJECT_YAML = "name: shop\nruntime: nodejs\n";
let projectCount = 0;
/** A project directory holding Pulumi.yaml and the given stack files. */
function project(files: Record<string, string>, projectYaml: string | null = PROJECT_YAML, projectFile = "Pulumi.yaml"): string {
    const dir = path.join(TMP, `project-${++projectCount}`);
    fs.mkdirSync(dir);
    if (projectYaml !== null) fs.writeFileSync(path.join(dir, projectFile), projectYaml);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}
let credentialsCount = 0;
/** A Pulumi credentials directory (what PULUMI_CREDENTIALS_PATH or PULUMI_HOME names) holding credentials.json. */
function credentials(text: string): string {
    const dir = path.join(TMP, `pulumi-home-${++credentialsCount}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "credentials.json"), text);
    return dir;
}
/** The CLI's credentials after `pulumi login <url>` (with an access token beside it, as the CLI stores it). */
const login = (current: string) => credentials(JSON.stringify({ current, accessTokens: { [current]: "pul-0123456789abcdef0123456789abcdef01234567" }, accounts: {} }, null, 4));

const stackFile = (secretsprovider: string) => ({ "Pulumi.prod.yaml": `secretsprovider: ${secretsprovider}\nencryptedkey: AQICAHhZ3w8Qo1K7\nconfig:\n  aws:region: eu-west-1\n` });

const DEFAULTS: SecretsProviderAllowlistConfig = {
    allowedProviders: [...KMS_PROVIDER_KINDS],
    allowedUrlPatterns: [],
    secretsProvider: "",
    projectDir: "",
    failClosed: true,
};

describe("classifySecretsProvider (pure)", () => {
    const cases: [string, ProviderKind, string][] = [
        ["awskms://alias/pulumi-prod?region=eu-west-1", "awskms", "awskms://alias/pulumi-prod?region=eu-west-1"],
        ["AWSKMS://alias/pulumi-prod?region=eu-west-1", "awskms", "awskms://alias/pulumi-prod?region=eu-west-1"],
        ["awskms:///arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab?region=us-east-1", "awskms",
            "awskms:///arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab?region=us-east-1"],
        ["awskms://1234abcd-12ab-34cd-56ef-1234567890ab?region=us-east-1&awssdk=v2&profile=prod-admin", "awskms",
            "awskms://1234abcd-12ab-34cd-56ef-1234567890ab?region=us-east-1"],
        ["awskms://alias/pulumi?awssdk=v1&profile=ops&region=eu-west-1#frag", "awskms", "awskms://alias/pulumi?region=eu-west-1"],
        ["awskms://alias/pulumi", "awskms", "awskms://alias/pulumi"],
        ["awskms://alias/pulumi?region=eu-west-1%26profile%3Dops", "awskms", "awskms://alias/pulumi"],
        ["awskms://ops:hunter2@alias/pulumi?region=eu-west-1", "awskms", "awskms://alias/pulumi?region=eu-west-1"],
        ["gcpkms://projects/acme/locations/global/keyRings/pulumi/cryptoKeys/prod", "gcpkms",
            "gcpkms://projects/acme/locations/global/keyRings/pulumi/cryptoKeys/prod"],
        ["azurekeyvault://acme-prod.vault.azure.net/keys/pulumi?algorithm=RSA-OAEP-256", "azurekeyvault",
            "azurekeyvault://acme-prod.vault.azure.net/keys/pulumi"],
        ["hashivault://pulumi-prod", "hashivault", "hashivault://pulumi-prod"],
        ["HashiVault://pulumi-prod", "hashivault", "hashivault://pulumi-prod"],
        ["passphrase", "passphrase", "passphrase"],
        ["Passphrase", "passphrase", "passphrase"],
        ["service", "service", "service"],
        ["  awskms://alias/pulumi  ", "awskms", "awskms://alias/pulumi"],
        // Unknown schemes may carry the key itself: only the scheme is shown.
        ["base64key://smGbjm71Nxd1Ig5FS0wj9SlbzAIrnolCz9bQQ6uAhl4=", "unknown", "base64key://…"],
        ["https://api.pulumi.com", "unknown", "https://…"],
        ["awskms:alias/pulumi", "unknown", "(value not shown: not a URL)"],
        // The CLI's "default" is the backend's default manager: the service provider on Pulumi Cloud.
        ["default", "service", "default"],
        // A misspelt kind is shown; any other bare word may be a passphrase put there by mistake.
        ["passphrse", "unknown", "passphrse"],
        ["correct-horse-staple", "unknown", "(value not shown: not a URL)"],
        ["", "unknown", "(empty)"],
    ];
    it.each(cases)("%s → %s", (url, kind, display) => {
        const c = classifySecretsProvider(url);
        expect([c.kind, c.display]).toEqual([kind, display]);
    });

    it("lowercases only the scheme for pattern matching, and matches awskms URLs without the SDK-version parameter too", () => {
        expect(classifySecretsProvider("AwsKms://alias/Pulumi-Prod?region=eu-west-1").normalized).toBe("awskms://alias/Pulumi-Prod?region=eu-west-1");
        const written = classifySecretsProvider("awskms://alias/pulumi-prod?awssdk=v2&region=eu-west-1&profile=prod");
        expect([written.normalized, written.written]).toEqual(["awskms://alias/pulumi-prod?region=eu-west-1&profile=prod", "awskms://alias/pulumi-prod?awssdk=v2&region=eu-west-1&profile=prod"]);
        expect(classifySecretsProvider("awskms://alias/pulumi-prod?AWSSDK=v2").normalized).toBe("awskms://alias/pulumi-prod");
    });
});

describe("judgeSecretsProvider (pure)", () => {
    const found = (url: string) => ({ found: true as const, url, source: "the policy config secretsProvider" });
    const cases: [string, string, Partial<SecretsProviderAllowlistConfig>, string[] | null][] = [
        ["awskms alias passes", "awskms://alias/pulumi-prod?region=eu-west-1", {}, null],
        ["awskms ARN passes", "awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", {}, null],
        ["gcpkms passes", "gcpkms://projects/acme/locations/global/keyRings/pulumi/cryptoKeys/prod", {}, null],
        ["azurekeyvault passes", "azurekeyvault://acme-prod.vault.azure.net/keys/pulumi", {}, null],
        ["hashivault passes", "hashivault://pulumi-prod", {}, null],
        ["upper-case scheme passes", "AWSKMS://alias/pulumi-prod", {}, null],
        ["passphrase violates", "passphrase", {}, ["uses the passphrase secrets provider (from the policy config secretsProvider)",
            "allowed kinds: awskms, gcpkms, azurekeyvault, hashivault", FIX_AWSKMS]],
        ["service violates by default", "service", {}, ["uses the service secrets provider", FIX_AWSKMS]],
        ["service allowed when listed", "service", { allowedProviders: ["awskms", "service"] }, null],
        ["passphrase allowed when listed", "passphrase", { allowedProviders: ["passphrase"] }, null],
        ["kind outside a narrowed list", "awskms://alias/pulumi", { allowedProviders: ["gcpkms"] },
            ['the awskms secrets provider "awskms://alias/pulumi"', "allowed kinds: gcpkms",
                'change-secrets-provider "gcpkms://projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>"']],
        ["unknown scheme violates whatever is allowed", "base64key://smGbjm71Nxd1Ig5FS0wj9SlbzAIrnolCz9bQQ6uAhl4=",
            { allowedProviders: ["awskms", "gcpkms", "azurekeyvault", "hashivault", "passphrase", "service"] },
            ['secrets provider "base64key://…"', "not a recognised kind"]],
        ["pattern pins alias and region", "awskms://alias/pulumi-prod?region=eu-west-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, null],
        ["pattern tolerates extra query parameters", "awskms://alias/pulumi-prod?region=eu-west-1&awssdk=v2",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, null],
        ["pattern: scheme case does not matter", "AWSKMS://alias/pulumi-prod?region=eu-west-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, null],
        ["pattern: its own scheme's case does not matter either", "awskms://alias/pulumi-prod?region=eu-west-1",
            { allowedUrlPatterns: ["AWSKMS://alias/pulumi-prod?region=eu-west-1*"] }, null],
        // Pulumi writes the SDK-version parameter first (pulumi/pulumi#9536): the documented pattern matches its URL.
        ["pattern: awssdk first, as Pulumi writes it", "awskms://alias/pulumi-prod?awssdk=v2&region=eu-west-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, null],
        ["pattern naming awssdk still matches the URL as written", "awskms://alias/pulumi-prod?awssdk=v2&region=eu-west-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?awssdk=v2&region=eu-west-1"] }, null],
        ["pattern: awssdk does not hide another region", "awskms://alias/pulumi-prod?awssdk=v2&region=us-east-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, ["matches none of allowedUrlPatterns"]],
        ["default is the service provider", "default", { allowedProviders: ["awskms", "service"] }, null],
        ["pattern: alias case matters", "awskms://alias/PULUMI-PROD?region=eu-west-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, ["matches none of allowedUrlPatterns"]],
        ["pattern: wrong alias", "awskms://alias/pulumi-dev?region=eu-west-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] },
            ['"awskms://alias/pulumi-dev?region=eu-west-1"', 'matches none of allowedUrlPatterns ("awskms://alias/pulumi-prod?region=eu-west-1*")', FIX_AWSKMS]],
        ["pattern: wrong region", "awskms://alias/pulumi-prod?region=us-east-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, ["matches none of allowedUrlPatterns"]],
        ["a literal pattern is suggested as the fix", "awskms://alias/pulumi-dev",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1"] },
            ['pulumi stack change-secrets-provider "awskms://alias/pulumi-prod?region=eu-west-1"']],
        ["patterns do not override the kind list", "passphrase", { allowedUrlPatterns: ["*"] }, ["allowed kinds"]],
        // Held-out forms (eighth replay): Pulumi's CLI docs (stack init / change-secrets-provider), its
        // changelog (gocloud.dev 0.24: awssdk and profile), gocloud.dev's awskms opener (context_, endpoint).
        ["docs: alias form", "awskms://alias/ExampleAlias?region=us-east-1", {}, null],
        ["docs: key id form", "awskms://1234abcd-12ab-34cd-56ef-1234567890ab?region=us-east-1", {}, null],
        ["alias ARN form", "awskms:///arn:aws:kms:us-east-1:111122223333:alias/pulumi", {}, null],
        ["changelog: awssdk, region, profile", "awskms://alias/pulumi?awssdk=v2&region=eu-west-1&profile=aws-prod",
            { allowedUrlPatterns: ["awskms://alias/pulumi?region=eu-west-1*"] }, null],
        ["an encryption context after the region", "awskms://alias/pulumi?region=eu-west-1&context_stack=prod",
            { allowedUrlPatterns: ["awskms://alias/pulumi?region=eu-west-1*"] }, null],
        ["a trailing * accepts an endpoint too (documented)", "awskms://alias/pulumi-prod?region=eu-west-1&endpoint=http://localhost:4566",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, null],
        ["a spelt-out query refuses an endpoint", "awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab?region=eu-west-1&endpoint=http://localhost:4566",
            { allowedUrlPatterns: ["awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab?region=eu-west-1"] },
            ['"awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab?region=eu-west-1"', "matches none of allowedUrlPatterns"]],
        ["a spelt-out query still accepts awssdk first", "awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab?awssdk=v2&region=eu-west-1",
            { allowedUrlPatterns: ["awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab?region=eu-west-1"] }, null],
        ["query order: patterns see the URL as written (documented)", "awskms://alias/pulumi-prod?profile=ops&region=eu-west-1",
            { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] }, ["matches none of allowedUrlPatterns"]],
        ["docs: azurekeyvault form", "azurekeyvault://mykeyvaultname.vault.azure.net/keys/mykeyname", {}, null],
        ["docs: hashivault form", "hashivault://mykey", {}, null],
    ];
    it.each(cases)("%s", (_label, url, config, expected) => {
        const findings = judgeSecretsProvider(found(url), { ...DEFAULTS, ...config }, { name: "prod", root: ROOT });
        if (expected === null) {
            expect(findings).toEqual([]);
            return;
        }
        expect(findings).toHaveLength(1);
        expect(findings[0].resource).toEqual(ROOT);
        expect(findings[0].message.startsWith('Stack "prod"')).toBe(true);
        for (const part of expected) expect(findings[0].message).toContain(part);
    });

    it("never prints query credentials, userinfo or an unknown scheme's body", () => {
        for (const url of [
            "awskms://ops:hunter2@alias/pulumi?region=eu-west-1&profile=prod-admin&awssdk=v2",
            "base64key://smGbjm71Nxd1Ig5FS0wj9SlbzAIrnolCz9bQQ6uAhl4=",
            "vault-token-s.8GbQ2zWm",
        ]) {
            const [f] = judgeSecretsProvider(found(url), { ...DEFAULTS, allowedProviders: ["gcpkms"] }, { name: "prod", root: ROOT });
            assertNotShown(f.message, ["hunter2", "prod-admin", "awssdk", "smGbjm71", "8GbQ2zWm"], "the finding");
        }
    });

    it("fails closed when the provider cannot be determined, and says how to configure it", () => {
        const nothing = { found: false as const, looked: ["/srv/shop/Pulumi.prod.yaml (missing)"] };
        const [f] = judgeSecretsProvider(nothing, DEFAULTS, { name: "prod", root: ROOT });
        expect(f.resource).toEqual(ROOT);
        for (const part of ["could not determine the secrets provider", "/srv/shop/Pulumi.prod.yaml (missing)",
            "`secretsProvider`", "`projectDir`", "Pulumi.prod.yaml", "`failClosed: false`"]) expect(f.message).toContain(part);
        expect(judgeSecretsProvider(nothing, { ...DEFAULTS, failClosed: false }, { name: "prod", root: ROOT })).toEqual([]);
    });

    it("names the CLI's stack file for a fully qualified stack name", () => {
        const found = judgeSecretsProvider({ found: false, looked: ["x"] }, DEFAULTS, { name: "acme/shop/prod", root: ROOT });
        expect(found[0].message).toContain("`projectDir` to the directory holding Pulumi.prod.yaml");
    });

    it("names the unusable stack file when there is one", () => {
        const broken = { found: false as const, looked: [], problem: "/srv/shop/Pulumi.prod.yaml is not valid YAML" };
        expect(judgeSecretsProvider(broken, DEFAULTS, { name: "prod" })[0]).toEqual({
            message: expect.stringContaining("could not determine the secrets provider: /srv/shop/Pulumi.prod.yaml is not valid YAML."),
            resource: undefined,
        });
    });
});

describe("discoverSecretsProvider (stack-settings discovery)", () => {
    const kms = project(stackFile("awskms://alias/pulumi-prod?region=eu-west-1"));
    fs.mkdirSync(path.join(kms, "src", "lib"), { recursive: true });
    const salt = project({ "Pulumi.prod.yaml": "encryptionsalt: v1:Qk3vO3W2m0U=:v1:6c5a4lI8pV4xg3Pb:c2l5rW4bQz8m3W5u1tXQhzV0b9cW1g==\n" });
    const neither = project({ "Pulumi.prod.yaml": "config:\n  aws:region: eu-west-1\n" });

    const cases: [string, () => Parameters<typeof discoverSecretsProvider>[0], string | null, string][] = [
        ["config wins over everything", () => ({ configured: "hashivault://k", projectDir: kms, pwd: salt, stack: "prod", exported: "passphrase" }),
            "hashivault://k", "the policy config secretsProvider"],
        ["projectDir wins over PWD", () => ({ projectDir: kms, pwd: salt, stack: "prod" }), "awskms://alias/pulumi-prod?region=eu-west-1", `secretsprovider in ${kms}/Pulumi.prod.yaml`],
        ["PWD when projectDir has no stack file", () => ({ projectDir: EMPTY, pwd: salt, stack: "prod" }), "passphrase", `encryptionsalt in ${salt}/Pulumi.prod.yaml`],
        ["relative projectDir starts at PWD", () => ({ projectDir: path.relative(EMPTY, kms), pwd: EMPTY, stack: "prod" }), "awskms://alias/pulumi-prod?region=eu-west-1", "secretsprovider in"],
        ["stack file wins over the export", () => ({ pwd: salt, stack: "prod", exported: "awskms://alias/x" }), "passphrase", "encryptionsalt"],
        ["export is the last resort", () => ({ pwd: EMPTY, stack: "prod", exported: "awskms://alias/x" }), "awskms://alias/x", "the stack export's secrets_providers, env AWS_BASELINE_STACK_SECRETS_PROVIDER"],
        ["walks up from a subdirectory to Pulumi.yaml", () => ({ pwd: path.join(kms, "src", "lib"), stack: "prod" }), "awskms://alias/pulumi-prod?region=eu-west-1", kms],
        ["stackConfigDir in Pulumi.yaml", () => ({ pwd: project({ "config/Pulumi.prod.yaml": "secretsprovider: gcpkms://projects/a/locations/global/keyRings/r/cryptoKeys/k\n" }, `${PROJECT_YAML}stackConfigDir: config\n`), stack: "prod" }),
            "gcpkms://projects/a/locations/global/keyRings/r/cryptoKeys/k", "config/Pulumi.prod.yaml"],
        ["Pulumi.yml gives Pulumi.<stack>.yml", () => ({ pwd: project({ "Pulumi.prod.yml": "secretsprovider: hashivault://prod\n", "Pulumi.prod.yaml": "encryptionsalt: v1:x\n" }, PROJECT_YAML, "Pulumi.yml"), stack: "prod" }),
            "hashivault://prod", "Pulumi.prod.yml"],
        ["a stack file without a Pulumi.yaml", () => ({ pwd: project(stackFile("awskms://alias/loose"), null), stack: "prod" }), "awskms://alias/loose", "secretsprovider in"],
        ["secretsprovider: passphrase", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider: passphrase\n" }), stack: "prod" }), "passphrase", "secretsprovider in"],
        ["secretsprovider: default falls through to the salt (as the CLI does)", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider: default\nencryptionsalt: v1:x\n" }), stack: "prod" }), "passphrase", "encryptionsalt in"],
        ["neither key: the Pulumi Cloud default", () => ({ pwd: project({ "Pulumi.prod.yaml": "config:\n  aws:region: eu-west-1\n" }), stack: "prod" }), "service", "which sets neither secretsprovider nor encryptionsalt"],
        ["secretsprovider: default without a salt: the backend's default, named as written", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider: default\n" }), stack: "prod" }),
            "service", "which sets secretsprovider: default and no encryptionsalt"],
        ["an empty stack file: the Pulumi Cloud default", () => ({ pwd: project({ "Pulumi.prod.yaml": "" }), stack: "prod" }), "service", "which sets neither secretsprovider nor encryptionsalt"],
        ["the stack name picks the file", () => ({ pwd: project({ "Pulumi.dev.yaml": "encryptionsalt: v1:x\n", ...stackFile("awskms://alias/prod") }), stack: "prod" }), "awskms://alias/prod", "Pulumi.prod.yaml"],
        // The CLI names the stack file after the stack's own name (DetectProjectStackPath(Ref().Name())):
        // `pulumi stack select acme/shop/prod` reads Pulumi.prod.yaml; `check --stack acme/shop/prod` passes the whole name.
        ["a fully qualified stack name (org/project/stack): Pulumi.<stack>.yaml", () => ({ pwd: project({ "Pulumi.acme-shop-prod.yaml": "encryptionsalt: v1:x\n", "Pulumi.prod.yaml": "secretsprovider: awskms://alias/q\n" }), stack: "acme/shop/prod" }),
            "awskms://alias/q", "/Pulumi.prod.yaml"],
        ["an org/stack name: Pulumi.<stack>.yaml", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider: awskms://alias/q\n" }), stack: "acme/prod" }), "awskms://alias/q", "/Pulumi.prod.yaml"],
        // A string `config` is stackConfigDir's former name; the CLI still reads it so (RewriteConfigPathIntoStackConfigDir).
        ["a string `config` in Pulumi.yaml is the stack config dir", () => ({ pwd: project({ "stacks/Pulumi.prod.yaml": "secretsprovider: awskms://alias/legacy\n" }, `${PROJECT_YAML}config: stacks\n`), stack: "prod" }),
            "awskms://alias/legacy", "stacks/Pulumi.prod.yaml"],
        ["a string `config` naming a passphrase stack's dir", () => ({ pwd: project({ "stacks/Pulumi.prod.yaml": "encryptionsalt: v1:x\n" }, `${PROJECT_YAML}config: ./stacks/\n`), stack: "prod" }),
            "passphrase", "stacks/Pulumi.prod.yaml"],
        ["a `config` mapping is project config, not a directory", () => ({ pwd: project(stackFile("awskms://alias/p"), `${PROJECT_YAML}config:\n  aws:region: eu-west-1\n  shop:size:\n    default: small\n`), stack: "prod" }),
            "awskms://alias/p", "secretsprovider in"],
        // The CLI also reads Pulumi.json (first: sdk/go/common/encoding Exts), and writes Pulumi.<stack>.json beside it.
        ["a Pulumi.json project: Pulumi.<stack>.json", () => ({ pwd: project({ "Pulumi.prod.json": '{"secretsprovider": "awskms://alias/json?region=eu-west-1", "encryptedkey": "AQICAH"}' }, '{"name": "shop", "runtime": "go"}', "Pulumi.json"), stack: "prod", project: "shop" }),
            "awskms://alias/json?region=eu-west-1", "Pulumi.prod.json"],
        ["a Pulumi.json project's passphrase stack", () => ({ pwd: project({ "Pulumi.prod.json": '{"encryptionsalt": "v1:x", "config": {"aws:region": "eu-west-1"}}' }, '{"name": "shop", "runtime": "go"}', "Pulumi.json"), stack: "prod", project: "shop" }),
            "passphrase", "encryptionsalt in"],
        ["an invalid Pulumi.<stack>.json: a problem, without quoting the file", () => ({ pwd: project({ "Pulumi.prod.json": '{"secretsprovider": "awskms://x", "config": {"pw": "hunter2"' }, '{"name": "shop"}', "Pulumi.json"), stack: "prod" }),
            null, "Pulumi.prod.json: the stack file is not valid JSON"],
        ["another project's Pulumi.yaml is not ours", () => ({ pwd: project(stackFile("awskms://alias/other"), "name: billing\nruntime: nodejs\n"), stack: "prod", project: "shop" }), null, '(project "billing", not "shop")'],
        ["no stack file", () => ({ pwd: project({}), stack: "prod" }), null, "Pulumi.prod.yaml (missing)"],
        ["no PWD and no projectDir", () => ({ stack: "prod" }), null, "env PWD is not set"],
        ["malformed YAML: a problem, without quoting the file", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider: [awskms://alias/x\nconfig: {hunter2" }), stack: "prod", exported: "awskms://alias/x" }), null, "is not valid YAML"],
        ["secretsprovider not a string", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider:\n  url: awskms://alias/x\n" }), stack: "prod" }), null, "secretsprovider is not a string"],
        ["a YAML list is not a stack file", () => ({ pwd: project({ "Pulumi.prod.yaml": "- secretsprovider: awskms://alias/x\n" }), stack: "prod" }), null, "is not a YAML mapping"],
        ["duplicate keys are invalid YAML", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider: awskms://alias/a\nsecretsprovider: passphrase\n" }), stack: "prod" }), null, "is not valid YAML"],
        // PULUMI_CLOUD_SECRET_OVERRIDE replaces a stack file's provider URL for the run (pkg/secrets/cloud
        // NewCloudSecretsManager), never the passphrase or service provider (changelog v3.40.2).
        ["PULUMI_CLOUD_SECRET_OVERRIDE replaces the stack file's URL", () => ({ pwd: kms, stack: "prod", cloudOverride: "awskms://alias/pulumi-dev?region=eu-west-1" }),
            "awskms://alias/pulumi-dev?region=eu-west-1", `env PULUMI_CLOUD_SECRET_OVERRIDE, which replaces secretsprovider in ${kms}/Pulumi.prod.yaml for this run`],
        ["PULUMI_CLOUD_SECRET_OVERRIDE leaves a passphrase stack alone", () => ({ pwd: salt, stack: "prod", cloudOverride: "awskms://alias/pulumi-dev?region=eu-west-1" }), "passphrase", "encryptionsalt in"],
        ["PULUMI_CLOUD_SECRET_OVERRIDE leaves the backend's default alone", () => ({ pwd: project({ "Pulumi.prod.yaml": "config: {}\n" }), stack: "prod", cloudOverride: "awskms://alias/x" }), "service", "which sets neither"],
        ["the policy config wins over PULUMI_CLOUD_SECRET_OVERRIDE", () => ({ configured: "gcpkms://projects/a/locations/global/keyRings/r/cryptoKeys/k", pwd: kms, stack: "prod", cloudOverride: "awskms://alias/x" }),
            "gcpkms://projects/a/locations/global/keyRings/r/cryptoKeys/k", "the policy config secretsProvider"],
        ["an empty PULUMI_CLOUD_SECRET_OVERRIDE is no override", () => ({ pwd: kms, stack: "prod", cloudOverride: "" }), "awskms://alias/pulumi-prod?region=eu-west-1", "secretsprovider in"],
        // PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: a stack file that sets neither key takes the state's provider
        // (pkg/cmd/pulumi/stack/secrets.go SecretsManagerLoader, v3.134.0), which only a stack export shows.
        ["neither key, fallback to state: the export's provider", () => ({ pwd: project({ "Pulumi.prod.yaml": "config: {}\n" }), stack: "prod", fallbackToState: "true", exported: "awskms://alias/state?region=eu-west-1" }),
            "awskms://alias/state?region=eu-west-1", "the stack export's secrets_providers"],
        ["neither key, fallback to state, no export: not determined, and why", () => ({ pwd: project({ "Pulumi.prod.yaml": "config: {}\n" }), stack: "prod", fallbackToState: "1" }),
            null, "sets neither secretsprovider nor encryptionsalt, and PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER makes the CLI use the provider recorded in the stack's state"],
        ["secretsprovider: default, fallback to state, no export: the file named as written", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider: default\n" }), stack: "prod", fallbackToState: "true" }),
            null, "which sets secretsprovider: default and no encryptionsalt, and PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER makes the CLI use the provider recorded"],
        ["fallback to state, read as the CLI reads a boolean (TRUE)", () => ({ pwd: project({ "Pulumi.prod.yaml": "" }), stack: "prod", fallbackToState: "TRUE" }), null, "PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER"],
        ["fallback to state switched off", () => ({ pwd: project({ "Pulumi.prod.yaml": "config: {}\n" }), stack: "prod", fallbackToState: "false", exported: "awskms://alias/state" }), "service", "which sets neither"],
        ["fallback to state does not touch a stack file that sets a provider", () => ({ pwd: salt, stack: "prod", fallbackToState: "true", exported: "awskms://alias/state" }), "passphrase", "encryptionsalt in"],
        // Neither key: the backend's default manager (backend.Stack DefaultSecretManager), on the backend the CLI
        // picks as GetCurrentCloudURLWithSource does: PULUMI_BACKEND_URL, the project's backend.url, the current login.
        ["neither key on Pulumi Cloud (env): the service provider", () => ({ pwd: neither, stack: "prod", backendUrl: "https://api.pulumi.com" }),
            "service", "which sets neither secretsprovider nor encryptionsalt: the default of the backend https://api.pulumi.com, from env PULUMI_BACKEND_URL"],
        ["neither key on a self-hosted Pulumi Cloud (login): the service provider", () => ({ pwd: neither, stack: "prod", credentialsDir: login("https://pulumi.acme.internal") }),
            "service", "the default of the backend https://pulumi.acme.internal, from the current login in"],
        ["neither key on an S3 backend (env): the passphrase provider", () => ({ pwd: neither, stack: "prod", backendUrl: "s3://acme-pulumi-state?region=eu-west-1&profile=ops" }),
            "passphrase", "which sets neither secretsprovider nor encryptionsalt: the default of the self-managed backend s3://acme-pulumi-state, from env PULUMI_BACKEND_URL"],
        ["secretsprovider: default on a local backend (login): the passphrase provider", () => ({ pwd: project({ "Pulumi.prod.yaml": "secretsprovider: default\n" }), stack: "prod", credentialsDir: login("file://~") }),
            "passphrase", "which sets secretsprovider: default and no encryptionsalt: the default of the self-managed backend file://~, from the current login in"],
        ["neither key, the project file's backend.url: the passphrase provider", () => ({ pwd: project({ "Pulumi.prod.yaml": "config: {}\n" }, `${PROJECT_YAML}backend:\n  url: gs://acme-pulumi-state\n`), stack: "prod", credentialsDir: login("https://api.pulumi.com") }),
            "passphrase", "the default of the self-managed backend gs://acme-pulumi-state, from backend.url in the project file"],
        ["PULUMI_BACKEND_URL wins over the project file and the login", () => ({ pwd: project({ "Pulumi.prod.yaml": "config: {}\n" }, `${PROJECT_YAML}backend:\n  url: file:///srv/state\n`), stack: "prod", backendUrl: "https://api.pulumi.com", credentialsDir: login("file://~") }),
            "service", "from env PULUMI_BACKEND_URL"],
        ["an azblob backend's userinfo is not shown", () => ({ pwd: neither, stack: "prod", backendUrl: "azblob://ops:hunter2@acme-state/prod" }), "passphrase", "self-managed backend azblob://acme-state/prod, from env"],
        ["an encrypted login says nothing: Pulumi Cloud's default, as before", () => ({ pwd: neither, stack: "prod", credentialsDir: credentials('{"$pulumiSecureStore": 1, "backend": "os", "algo": "aes-256-gcm", "nonce": "bm9uY2U=", "data": "ZGF0YQ=="}') }),
            "service", "which sets neither secretsprovider nor encryptionsalt"],
        ["an unreadable credentials file says nothing, and is not quoted", () => ({ pwd: neither, stack: "prod", credentialsDir: credentials('{"current": "file://~", "accessTokens": {"file://~": "hunter2"') }),
            "service", "which sets neither secretsprovider nor encryptionsalt"],
        ["a salt is the passphrase provider whatever the backend", () => ({ pwd: salt, stack: "prod", backendUrl: "https://api.pulumi.com" }), "passphrase", "encryptionsalt in"],
        ["a KMS URL is judged whatever the backend", () => ({ pwd: kms, stack: "prod", backendUrl: "s3://acme-pulumi-state" }), "awskms://alias/pulumi-prod?region=eu-west-1", "secretsprovider in"],
        ["fallback to state comes before the backend's default, as in the CLI", () => ({ pwd: neither, stack: "prod", fallbackToState: "true", backendUrl: "s3://acme-pulumi-state", exported: "awskms://alias/state" }),
            "awskms://alias/state", "the stack export's secrets_providers"],
    ];
    it.each(cases)("%s", (_label, sources, url, where) => {
        // No login unless a case gives one: the machine's own ~/.pulumi is not part of the test.
        const d = discoverSecretsProvider({ credentialsDir: EMPTY, ...sources() });
        if (url === null) {
            expect(d.found).toBe(false);
            if (!d.found) {
                const text = [...d.looked, d.problem ?? ""].join("; ");
                expect(text).toContain(where);
                assertNotShown(text, ["hunter2"], "the discovery notes");
            }
        } else {
            expect(d).toEqual({ found: true, url, source: expect.stringContaining(where) });
            if (d.found) assertNotShown(d.source, ["hunter2", "profile=ops"], "the discovery source");
        }
    });

    it("locates the stack file next to the nearest Pulumi.yaml", () => {
        expect(locateStackFile(path.join(kms, "src"), "prod")).toEqual({ file: path.join(kms, "Pulumi.prod.yaml"), description: path.join(kms, "Pulumi.prod.yaml") });
    });
});

describe("secrets-provider-allowlist through the engine path (PWD holds an awskms project)", () => {
    const pwd = path.join(TMP, "awskms");
    const engine = useEngine({ stack: "prod", project: "shop", env: { PWD: pwd } });
    const resources = [{ type: "aws:kms/key:Key", name: "app", props: { description: "shop application data", enableKeyRotation: true } }];
    const run = (properties: Record<string, unknown> = {}) =>
        engine.run({ resources }, { config: { [POLICY]: { properties } } }).then((r) => r.of(POLICY));

    it("passes the KMS-backed stack found through PWD", async () => {
        expect(await run()).toEqual([]);
    });

    it("reports a passphrase stack (projectDir) as mandatory, on the root stack resource", async () => {
        const found = await run({ projectDir: path.join(TMP, "passphrase") });
        expect(found.map((d) => [d.urn, d.enforcementLevel])).toEqual([[ROOT_URN, "mandatory"]]);
        expect(found[0].message).toContain(`Stack "prod" uses the passphrase secrets provider (from encryptionsalt in ${TMP}/passphrase/Pulumi.prod.yaml)`);
        expect(found[0].message).toContain(FIX_AWSKMS);
        assertNotShown(found[0].message, ["v1:Qk3vO3W2m0U="], "the finding");
    });

    it("matches the documented pin pattern against Pulumi's URL with awssdk first, and reads \"default\" as the service provider", async () => {
        const pin = { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] };
        expect(await run({ secretsProvider: "awskms://alias/pulumi-prod?awssdk=v2&region=eu-west-1", ...pin })).toEqual([]);
        const other = await run({ secretsProvider: "awskms://alias/pulumi-prod?awssdk=v2&region=us-east-1", ...pin });
        expect(other.map((d) => d.message.split("\n").pop()!.split(". Change")[0])).toEqual([
            'Stack "prod" uses the awskms secrets provider "awskms://alias/pulumi-prod?region=us-east-1" (from the policy config secretsProvider), ' +
                'which matches none of allowedUrlPatterns ("awskms://alias/pulumi-prod?region=eu-west-1*")',
        ]);
        expect(await run({ secretsProvider: "default", allowedProviders: ["awskms", "service"] })).toEqual([]);
        expect((await run({ secretsProvider: "default" })).map((d) => d.message)).toEqual([expect.stringContaining("uses the service secrets provider")]);
    });

    const backendDefault = project({ "Pulumi.prod.yaml": "secretsprovider: default\nconfig:\n  aws:region: eu-west-1\n" });
    it("reports a stack file's `secretsprovider: default` as the backend's default, saying what the file sets", async () => {
        const found = await run({ projectDir: backendDefault });
        expect(found.map((d) => d.message)).toEqual([expect.stringContaining(
            `uses the service secrets provider, Pulumi Cloud's default (from ${backendDefault}/Pulumi.prod.yaml, which sets secretsprovider: default and no encryptionsalt)`)]);
    });

    it("reports the Pulumi Cloud default (no secretsprovider, no encryptionsalt)", async () => {
        const found = await run({ projectDir: path.join(TMP, "service") });
        expect(found.map((d) => d.urn)).toEqual([ROOT_URN]);
        expect(found[0].message).toContain("uses the service secrets provider");
        expect(await run({ projectDir: path.join(TMP, "service"), allowedProviders: ["awskms", "service"] })).toEqual([]);
    });

    it("prefers the policy config secretsProvider over Pulumi.prod.yaml", async () => {
        const found = await run({ secretsProvider: "passphrase" });
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("passphrase secrets provider (from the policy config secretsProvider)");
        expect(await run({ secretsProvider: "gcpkms://projects/acme/locations/global/keyRings/pulumi/cryptoKeys/prod", projectDir: path.join(TMP, "passphrase") })).toEqual([]);
    });

    it("resolves a relative projectDir from PWD", async () => {
        expect(await run({ projectDir: "../passphrase" })).toHaveLength(1);
    });

    const kinds: [string, string, string | null][] = [
        ["awskms ARN", "awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab?region=eu-west-1", null],
        ["awskms key id with awssdk and profile", "awskms://1234abcd-12ab-34cd-56ef-1234567890ab?region=eu-west-1&awssdk=v2&profile=prod-admin", null],
        ["gcpkms", "gcpkms://projects/acme/locations/global/keyRings/pulumi/cryptoKeys/prod", null],
        ["azurekeyvault", "azurekeyvault://acme-prod.vault.azure.net/keys/pulumi", null],
        ["hashivault", "hashivault://pulumi-prod", null],
        ["upper-case scheme", "AWSKMS://alias/pulumi-prod?region=eu-west-1", null],
        ["awskms alias ARN", "awskms:///arn:aws:kms:us-east-1:111122223333:alias/pulumi", null],
        ["awskms with an encryption context", "awskms://alias/pulumi?region=eu-west-1&context_stack=prod", null],
        ["unknown scheme", "base64key://smGbjm71Nxd1Ig5FS0wj9SlbzAIrnolCz9bQQ6uAhl4=", 'secrets provider "base64key://…"'],
        ["explicit passphrase", "passphrase", "the passphrase secrets provider"],
    ];
    it.each(kinds)("judges a stack file with %s", async (_label, url, violation) => {
        const found = await run({ projectDir: project(stackFile(url)) });
        if (violation === null) {
            expect(found).toEqual([]);
        } else {
            expect(found.map((d) => [d.urn, d.enforcementLevel])).toEqual([[ROOT_URN, "mandatory"]]);
            expect(found[0].message).toContain(violation);
            assertNotShown(found[0].message, ["smGbjm71"], "the finding");
        }
    });

    it("enforces allowedUrlPatterns on the full URL", async () => {
        const patterns = { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] };
        expect(await run(patterns)).toEqual([]);
        const found = await run({ ...patterns, projectDir: project(stackFile("awskms://alias/pulumi-dev?region=eu-west-1&profile=dev-admin")) });
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('the awskms secrets provider "awskms://alias/pulumi-dev?region=eu-west-1"');
        expect(found[0].message).toContain("matches none of allowedUrlPatterns");
        assertNotShown(found[0].message, ["dev-admin"], "the finding");
    });

    it("takes the stack name from the engine, not from whatever stack files exist", async () => {
        const dir = project({ "Pulumi.dev.yaml": "encryptionsalt: v1:x\n", ...stackFile("awskms://alias/pulumi-prod?region=eu-west-1") });
        expect(await run({ projectDir: dir })).toEqual([]);
    });

    it("applies an exemption on the root stack resource", async () => {
        const found = await run({
            projectDir: path.join(TMP, "passphrase"),
            exemptions: [{ type: "pulumi:pulumi:Stack", reason: "migrating to KMS in SEC-142", expires: "2999-01-01" }],
        });
        expect(found).toEqual([]);
    });

    it("reports a malformed allowedUrlPatterns glob instead of judging with it", async () => {
        const found = await run({ allowedUrlPatterns: ["awskms://alias/{prod"] });
        expect(found.map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
        expect(found[0].message).toContain('Invalid configuration, so this policy could not run: secrets-provider-allowlist: allowedUrlPatterns.0 unclosed "{"');
    });

    it("rejects an unknown provider kind in allowedProviders (the CLI validates the schema's enum)", async () => {
        await expect(run({ allowedProviders: ["kms"] })).rejects.toThrow(/secrets-provider-allowlist: allowedProviders\.0: must be equal to one of the allowed values/);
    });
});

describe("secrets-provider-allowlist through the engine path (nothing to find)", () => {
    const engine = useEngine({ stack: "prod", project: "shop", env: { PWD: EMPTY, [STACK_SECRETS_PROVIDER_ENV]: undefined } });
    const run = (properties: Record<string, unknown> = {}) =>
        engine.run({ resources: [] }, { config: { [POLICY]: { properties } } }).then((r) => r.of(POLICY));

    it("fails closed by default, on the root stack, saying how to configure discovery", async () => {
        const found = await run();
        expect(found.map((d) => [d.urn, d.enforcementLevel])).toEqual([[ROOT_URN, "mandatory"]]);
        expect(found[0].message).toContain(`could not determine the secrets provider: nothing found (looked at: ${EMPTY}/Pulumi.prod.yaml (missing`);
        expect(found[0].message).toContain("Set `secretsProvider` in this policy's config");
        expect(found[0].message).toContain("`projectDir` to the directory holding Pulumi.prod.yaml");
    });

    it("stays silent with failClosed: false", async () => {
        expect(await run({ failClosed: false })).toEqual([]);
    });

    it("fails closed on an unreadable stack file and stays silent with failClosed: false", async () => {
        const dir = project({ "Pulumi.prod.yaml": "secretsprovider: [awskms://alias/x\n" });
        const found = await run({ projectDir: dir });
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain(`${dir}/Pulumi.prod.yaml: the stack file is not valid YAML`);
        expect(await run({ projectDir: dir, failClosed: false })).toEqual([]);
    });

    it("uses the configured secretsProvider when there are no files", async () => {
        expect(await run({ secretsProvider: "awskms://alias/pulumi-prod?region=eu-west-1" })).toEqual([]);
    });
});

describe("secrets-provider-allowlist through the engine path (stack files the CLI finds in other places)", () => {
    const legacy = project({ "stacks/Pulumi.prod.yaml": "secretsprovider: awskms://alias/pulumi-prod?region=eu-west-1\nencryptedkey: AQICAH\n" }, `${PROJECT_YAML}config: stacks\n`);
    const json = project({ "Pulumi.prod.json": '{"encryptionsalt": "v1:Qk3vO3W2m0U=:v1:6c5a4lI8pV4xg3Pb:c2l5rW4bQz8m3W5u1tXQhzV0b9cW1g=="}' }, '{"name": "shop", "runtime": "nodejs"}', "Pulumi.json");
    const kmsJson = project({ "Pulumi.prod.json": '{"secretsprovider": "awskms://alias/pulumi-prod?region=eu-west-1", "encryptedkey": "AQICAH"}' }, '{"name": "shop", "runtime": "nodejs"}', "Pulumi.json");
    const env = { [STACK_SECRETS_PROVIDER_ENV]: undefined };
    const byName = useEngine({ stack: "prod", project: "shop", env: { PWD: legacy, ...env } });
    const qualified = useEngine({ stack: "acme/shop/prod", project: "shop", env: { PWD: path.join(TMP, "passphrase"), ...env } });
    const atPreview = useEngine({ stack: "prod", project: "shop", dryRun: true, env: { PWD: kmsJson, ...env } });
    const of = (engine: typeof byName, properties: Record<string, unknown> = {}) =>
        engine.run({ resources: [] }, { config: { [POLICY]: { properties } } }).then((r) => r.of(POLICY));

    it("passes a KMS stack file in the directory a string `config` names", async () => {
        expect(await of(byName)).toEqual([]);
    });

    it("reads a Pulumi.json project's Pulumi.<stack>.json", async () => {
        const found = await of(byName, { projectDir: json });
        expect(found.map((d) => d.urn)).toEqual([ROOT_URN]);
        expect(found[0].message).toContain(`uses the passphrase secrets provider (from encryptionsalt in ${json}/Pulumi.prod.json)`);
        assertNotShown(found[0].message, ["v1:Qk3vO3W2m0U="], "the finding");
    });

    it("passes a Pulumi.json project's KMS stack at preview", async () => {
        expect(await of(atPreview)).toEqual([]);
    });

    it("reads Pulumi.<stack>.yaml for a fully qualified stack name", async () => {
        const found = await of(qualified);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain(`Stack "acme/shop/prod" uses the passphrase secrets provider (from encryptionsalt in ${TMP}/passphrase/Pulumi.prod.yaml)`);
        expect(await of(qualified, { projectDir: path.join(TMP, "awskms") })).toEqual([]);
    });
});

describe("secrets-provider-allowlist through the engine path (provider handed over by `check`)", () => {
    const engine = useEngine({ stack: "prod", project: "shop", env: { PWD: EMPTY, [STACK_SECRETS_PROVIDER_ENV]: "awskms://alias/pulumi?region=eu-west-1" } });
    const run = (properties: Record<string, unknown> = {}) =>
        engine.run({ resources: [] }, { config: { [POLICY]: { properties } } }).then((r) => r.of(POLICY));

    it(`reads ${STACK_SECRETS_PROVIDER_ENV} as the last source`, async () => {
        expect(await run()).toEqual([]);
        const found = await run({ allowedUrlPatterns: ["awskms://alias/pulumi-prod*"] });
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("(from the stack export's secrets_providers, env AWS_BASELINE_STACK_SECRETS_PROVIDER)");
    });

    it("lets a stack file win over it", async () => {
        const found = await run({ projectDir: path.join(TMP, "passphrase") });
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("encryptionsalt in");
    });
});

describe("secrets-provider-allowlist through the engine path (the CLI's override and fallback variables)", () => {
    // The pack inherits the CLI's environment: what the CLI acts on, the policy sees.
    const engine = useEngine({
        stack: "prod", project: "shop",
        env: {
            PWD: path.join(TMP, "service"),
            PULUMI_CLOUD_SECRET_OVERRIDE: "awskms://alias/pulumi-dev?region=eu-west-1",
            PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: "true",
            [STACK_SECRETS_PROVIDER_ENV]: "awskms://alias/pulumi-state?awssdk=v2&region=eu-west-1",
        },
    });
    const run = (properties: Record<string, unknown> = {}) =>
        engine.run({ resources: [] }, { config: { [POLICY]: { properties } } }).then((r) => r.of(POLICY));
    const pinProd = { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] };

    it("judges the override, not the stack file's URL it replaces", async () => {
        const found = await run({ ...pinProd, projectDir: path.join(TMP, "awskms") });
        expect(found.map((d) => d.urn)).toEqual([ROOT_URN]);
        expect(found[0].message).toContain(
            `the awskms secrets provider "awskms://alias/pulumi-dev?region=eu-west-1" (from env PULUMI_CLOUD_SECRET_OVERRIDE, which replaces secretsprovider in ${TMP}/awskms/Pulumi.prod.yaml for this run)`,
        );
        expect(await run({ projectDir: path.join(TMP, "awskms") })).toEqual([]);
    });

    it("leaves a passphrase stack file alone, as the CLI does", async () => {
        const found = await run({ projectDir: path.join(TMP, "passphrase") });
        expect(found.map((d) => d.message)).toEqual([expect.stringContaining("uses the passphrase secrets provider (from encryptionsalt in")]);
    });

    it("takes the state's provider (the export) for a stack file that sets neither key", async () => {
        expect(await run()).toEqual([]);
        const found = await run({ allowedUrlPatterns: ["awskms://alias/pulumi-prod*"] });
        expect(found.map((d) => d.message)).toEqual([expect.stringContaining('"awskms://alias/pulumi-state?region=eu-west-1" (from the stack export\'s secrets_providers')]);
    });
});

describe("secrets-provider-allowlist through the engine path (the backend's default)", () => {
    // A stack file with neither key gets the backend's default manager; the pack inherits the CLI's
    // environment and reads the CLI's login as the CLI does.
    const s3 = useEngine({ stack: "prod", project: "shop", env: { PWD: path.join(TMP, "service"), PULUMI_BACKEND_URL: "s3://acme-pulumi-state?region=eu-west-1&profile=ops" } });
    const local = useEngine({ stack: "prod", project: "shop", env: { PWD: path.join(TMP, "service"), PULUMI_CREDENTIALS_PATH: login("file://~") } });
    const cloud = useEngine({ stack: "prod", project: "shop", env: { PWD: path.join(TMP, "service"), PULUMI_CREDENTIALS_PATH: undefined, PULUMI_HOME: login("https://api.pulumi.com") } });
    const of = (engine: typeof s3, properties: Record<string, unknown> = {}) =>
        engine.run({ resources: [] }, { config: { [POLICY]: { properties } } }).then((r) => r.of(POLICY));
    const serviceAllowed = { allowedProviders: ["awskms", "service"] };

    it("keeps passing the service provider on Pulumi Cloud where the service provider is allowed", async () => {
        expect(await of(cloud, serviceAllowed)).toEqual([]);
        const found = await of(cloud);
        expect(found.map((d) => d.message)).toEqual([expect.stringContaining(
            "uses the service secrets provider, Pulumi Cloud's default (from " + `${TMP}/service/Pulumi.prod.yaml, which sets neither secretsprovider nor encryptionsalt: the default of the backend https://api.pulumi.com, from the current login in`)]);
        assertNotShown(found[0].message, ["pul-0123456789abcdef"], "the finding");
    });

    it("reports the passphrase provider on an S3 backend (PULUMI_BACKEND_URL), where only the service provider was allowed", async () => {
        const found = await of(s3, serviceAllowed);
        expect(found.map((d) => [d.urn, d.enforcementLevel])).toEqual([[ROOT_URN, "mandatory"]]);
        expect(found[0].message).toContain(
            `uses the passphrase secrets provider (from ${TMP}/service/Pulumi.prod.yaml, which sets neither secretsprovider nor encryptionsalt: the default of the self-managed backend s3://acme-pulumi-state, from env PULUMI_BACKEND_URL)`);
        assertNotShown(found[0].message, ["profile=ops"], "the finding");
    });

    it("reports the passphrase provider on the local backend (`pulumi login --local`), without showing the login's token", async () => {
        const found = await of(local, serviceAllowed);
        expect(found.map((d) => d.message)).toEqual([expect.stringContaining("uses the passphrase secrets provider (from")]);
        expect(found[0].message).toContain("the default of the self-managed backend file://~, from the current login in");
        assertNotShown(found[0].message, ["pul-0123456789abcdef"], "the finding");
        expect(await of(local, { allowedProviders: ["passphrase"] })).toEqual([]);
    });
});

describe("check on `pulumi stack export` files", () => {
    const config = path.join(TMP, "policy-config.json");
    // Other policies off: the exit code is this policy's alone.
    fs.writeFileSync(config, JSON.stringify({ all: "disabled", [POLICY]: "mandatory" }));

    const check = (file: string, pwd = EMPTY, extra: NodeJS.ProcessEnv = {}) => {
        const env: NodeJS.ProcessEnv = { ...process.env, PWD: pwd };
        for (const name of [STACK_SECRETS_PROVIDER_ENV, "PULUMI_CLOUD_SECRET_OVERRIDE", "PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER"]) delete env[name];
        Object.assign(env, extra);
        return runCheck(["--config", config, path.join(FIXTURE_DIR, file)], { cwd: pwd, env });
    };

    it("exits 1 for a passphrase stack and explains why", () => {
        const r = check("passphrase-stack-export.json");
        expect([r.code, r.stderr]).toEqual([1, ""]);
        expect(r.stdout).toMatch(/pulumi:pulumi:Stack "shop-prod"\n.*\n\s+mandatory\s+secrets-provider-allowlist \(severity medium\)\n/);
        expect(r.stdout).toContain("uses the passphrase secrets provider (from the stack export's secrets_providers, env AWS_BASELINE_STACK_SECRETS_PROVIDER)");
        assertNotShown(r.stdout, ["v1:Qk3vO3W2m0U="], "check's report");
    });

    it("exits 1 for a Pulumi Cloud (service) stack", () => {
        const r = check("service-stack-export.json");
        expect(r.code).toBe(1);
        expect(r.stdout).toContain("uses the service secrets provider");
    });

    it("exits 0 for an awskms stack", () => {
        const r = check("awskms-stack-export.json");
        expect([r.code, r.stderr]).toEqual([0, ""]);
        expect(r.stdout).toContain("no violations");
    });

    it("lets Pulumi.<stack>.yaml in the working directory take precedence over the export", () => {
        expect(check("passphrase-stack-export.json", path.join(TMP, "awskms")).code).toBe(0);
    });

    it("reads the CLI's Pulumi.<stack>.yaml for `--stack org/project/stack`, over the export", () => {
        const env: NodeJS.ProcessEnv = { ...process.env, PWD: path.join(TMP, "passphrase") };
        delete env[STACK_SECRETS_PROVIDER_ENV];
        const r = runCheck(["--config", config, "--stack", "acme/shop/prod", path.join(FIXTURE_DIR, "awskms-stack-export.json")], { cwd: path.join(TMP, "passphrase"), env });
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(`uses the passphrase secrets provider (from encryptionsalt in ${TMP}/passphrase/Pulumi.prod.yaml)`);
    });

    it("takes the export's provider over a stack file without one under PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER, as the CLI does", () => {
        const service = path.join(TMP, "service");
        expect(check("awskms-stack-export.json", service).code).toBe(1);
        expect(check("awskms-stack-export.json", service, { PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: "true" }).code).toBe(0);
        const r = check("passphrase-stack-export.json", service, { PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: "1" });
        expect(r.code).toBe(1);
        expect(r.stdout).toContain("uses the passphrase secrets provider (from the stack export's secrets_providers");
    });

    it("on a preview JSON (no provider recorded): judges PULUMI_CLOUD_SECRET_OVERRIDE, and says why the state's provider cannot be read", () => {
        const preview = path.join(FIXTURES, "samples", "preview.json");
        const pinned = path.join(TMP, "policy-config-pinned.json");
        fs.writeFileSync(pinned, JSON.stringify({ all: "disabled", [POLICY]: { enforcementLevel: "mandatory", allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=eu-west-1*"] } }));
        const run = (dir: string, extra: NodeJS.ProcessEnv) => {
            const env: NodeJS.ProcessEnv = { ...process.env, PWD: dir, ...extra };
            delete env[STACK_SECRETS_PROVIDER_ENV];
            return runCheck(["--config", pinned, preview], { cwd: dir, env });
        };
        const kms = project({ "Pulumi.staging.yaml": "secretsprovider: awskms://alias/pulumi-prod?region=eu-west-1\nencryptedkey: AQICAHhZ3w8Qo1K7\n" });
        expect(run(kms, {}).code).toBe(0);
        const override = run(kms, { PULUMI_CLOUD_SECRET_OVERRIDE: "awskms://alias/pulumi-dev?region=eu-west-1" });
        expect(override.code).toBe(1);
        expect(override.stdout).toContain('"awskms://alias/pulumi-dev?region=eu-west-1" (from env PULUMI_CLOUD_SECRET_OVERRIDE, which replaces secretsprovider in');
        const neither = project({ "Pulumi.staging.yaml": "config:\n  aws:region: eu-west-1\n" });
        const state = run(neither, { PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: "true" });
        expect(state.code).toBe(1);
        expect(state.stdout).toContain("could not determine the secrets provider");
        expect(state.stdout).toContain("PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER makes the CLI use the provider recorded in the stack's state");
    }, 180_000); // three `check` runs, each booting the pack
});
