// Every counterexample the robustness properties found (docs/testing.md), as a plain test
// of the fixed behaviour.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { PackCallTimeout, PackProcess } from "../../cli/engine/pack-process";
import { InputError, loadInputFile, parseInput } from "../../cli/inputs";
import type { PlainResource } from "../../policies/lib/rule";
import { readPolicyDocument } from "../../policies/lib/policy-document";
import { EMPTY_TEXT_ASSET_HASH, UNKNOWN_SENTINELS } from "../../policies/lib/wire";
import { findWildcardActions } from "../../policies/iam-no-wildcard-actions";
import { findKeyPolicyWildcards } from "../../policies/kms-no-wildcard-actions";
import { findPublicGrants, findResourcePolicyWildcards } from "../../policies/resource-policy-no-wildcards";
import { findMissingDeletionProtection } from "../../policies/rds-deletion-protection";
import { DEFAULT_DELETION_SAFEGUARDS_CONFIG, findMissingDeletionSafeguards } from "../../policies/deletion-safeguards";
import { findPlaintextSensitiveValues } from "../../policies/secret-sensitive-props";
import { collectSecretLocations, SecretLocations } from "../../policies/lib/sensitive";
import { Secret } from "@pulumi/policy";
import { PACK_DIR, useEngine } from "../helpers/engine";
import { assertNoToken, deepNest, isPairName } from "./arbitraries";
import { resource } from "../helpers/resources";

const U = UNKNOWN_SENTINELS.string;
const TOKEN = "SECRET_k3v9q2m7x1p8z4w6";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
const NO_CONFIG = { allowedActions: [] as string[] };


const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "robustness-regressions-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
function file(name: string, content: string): string {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, content);
    return f;
}

describe("rds-deletion-protection (fixed)", () => {
    it("does not echo a non-boolean deletionProtection (it may be a secret, or 1 MB long)", () => {
        const [finding] = findMissingDeletionProtection(resource("aws:rds/instance:Instance", { deletionProtection: TOKEN }));
        expect(finding.message).toContain("deletionProtection is a string, not the boolean true");
        assertNoToken(finding.message, [TOKEN], "the finding");
        const [huge] = findMissingDeletionProtection(resource("aws:rds/instance:Instance", { deletionProtection: "x".repeat(1 << 20) }));
        expect(huge.message.length).toBeLessThan(300);
    });

    it("does not throw on a deeply nested deletionProtection (JSON.stringify overflowed the stack)", () => {
        const [finding] = findMissingDeletionProtection(resource("aws:rds/cluster:Cluster", { deletionProtection: deepNest(5_000, "object") }));
        expect(finding.message).toContain("deletionProtection is an object, not the boolean true");
    });
});

describe("deletion-safeguards (fixed)", () => {
    it("quotes an enum's own values only: a token as a Keyspaces point-in-time recovery status, or as the whole block, is not shown", () => {
        const config = { ...DEFAULT_DELETION_SAFEGUARDS_CONFIG, requirePointInTimeRecovery: true };
        const messages = (pointInTimeRecovery: unknown) =>
            findMissingDeletionSafeguards(resource("aws:keyspaces/table:Table", { deletionProtectionEnabled: true, pointInTimeRecovery }), config).map((f) => f.message).join("\n");
        for (const shown of [messages(TOKEN), messages({ status: TOKEN })]) {
            expect(shown).toContain('is a string, not "ENABLED"');
            assertNoToken(shown, [TOKEN], "the finding");
        }
        expect(messages({ status: "DISABLED" })).toContain('pointInTimeRecovery.status is "DISABLED"');
    });
});

describe("policy-document reader, iam-no-wildcard-actions, kms-no-wildcard-actions (fixed)", () => {
    it("an unknown NotAction beside a known Action is not a conflict (the unknown may resolve to nothing)", () => {
        const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["iam:GetRole"], Resource: "*", NotAction: U }] };
        expect(findWildcardActions(resource("aws:iam/policy:Policy", { policy }), NO_CONFIG)).toEqual([]);
        // ...and the known Action is still judged.
        const wild = { Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*", NotAction: U }] };
        expect(findWildcardActions(resource("aws:iam/policy:Policy", { policy: wild }), NO_CONFIG).map((f) => f.message)).toEqual([
            expect.stringContaining('Statement[0] allows wildcard actions "s3:*"'),
        ]);
    });

    it("an unknown Action beside a known NotAction, and both unknown, read the same way", () => {
        expect(readPolicyDocument({ Statement: [{ Effect: "Allow", Action: U, NotAction: "s3:Get*" }] })).toMatchObject({ problems: [] });
        expect(readPolicyDocument({ Statement: [{ Effect: "Allow", Action: U, NotAction: U }] })).toMatchObject({ problems: [] });
    });

    it("kms: an unknown NotPrincipal beside a Principal does not open the key to anyone", () => {
        const policy = { Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, NotPrincipal: U, Action: "kms:*", Resource: "*" }] };
        expect(findKeyPolicyWildcards(resource("aws:kms/key:Key", { policy }), NO_CONFIG)).toEqual([]);
    });

    it("an unknown NotPrincipal without a Principal opens nothing at preview: it may resolve to nothing (seed 113211889)", () => {
        const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", NotPrincipal: U, Action: ["ec2:Describe*"], Resource: "*" }] };
        const r = resource("aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy", { policy });
        expect([...findResourcePolicyWildcards(r, { allowedActions: [] }), ...findPublicGrants([r])]).toEqual([]);
        expect(findKeyPolicyWildcards(resource("aws:kms/key:Key", { policy: { ...policy, Statement: [{ ...policy.Statement[0], Action: "kms:*" }] } }), NO_CONFIG)).toEqual([]);
        // Known, it is judged: everyone but those listed.
        const known = { Statement: [{ ...policy.Statement[0], NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } }] };
        expect(findResourcePolicyWildcards(resource("aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy", { policy: known }), { allowedActions: [] }).map((f) => f.message)).toEqual(
            expect.arrayContaining([expect.stringContaining("allows every principal but those in NotPrincipal")]),
        );
    });

    it("quotes Sids and actions only within AWS's grammar: a secret-shaped Sid, action, principal type or operator is not shown", () => {
        const policy = {
            Statement: [
                { Sid: TOKEN, Effect: "Allow", Action: [`${TOKEN}*`, `s3:${TOKEN}*`, "s3:*"], Principal: { AWS: "*" }, Resource: "*" },
                { Sid: "Readable Sid 1", Effect: "Allow", Action: "*", Principal: { [TOKEN]: 5 }, Resource: "*" },
                { Effect: "Allow", Action: "*", Principal: "*", Condition: { [TOKEN]: "x" }, Resource: "*" },
            ],
        };
        const messages = findKeyPolicyWildcards(resource("aws:kms/key:Key", { policy }), NO_CONFIG).map((f) => f.message).join("\n");
        assertNoToken(messages, [TOKEN], "the findings");
        expect(messages).toContain('policy Statement[0] grants wildcard actions "s3:*" and 2 entries that are not action names (not shown)');
        expect(messages).toContain('policy statement "Readable Sid 1" has a Principal entry that is a number');
        expect(messages).toContain("policy Statement[2] has a Condition operator that is a string");
        assertNoToken(findWildcardActions(resource("aws:iam/policy:Policy", { policy: JSON.stringify(policy) }), NO_CONFIG).map((f) => f.message).join("\n"), [TOKEN], "the IAM findings");
    });
});

describe("check input loader (fixed: each of these hung, crashed or produced malformed resources)", () => {
    const fixture = (props: unknown) => ({ resources: [{ type: "aws:lambda/function:Function", name: "f", props }] });

    it.each([
        ["an unrecognised signature", { code: { [SIG_KEY]: "d0e6a833031e9bbcd3f4e8bde6ca49aX" } }, /unrecognized signature/],
        ["props that are a special value (became a string)", { [SIG_KEY]: "d0e6a833031e9bbcd3f4e8bde6ca49a4" }, /"props" must be an object of properties/],
        // It hung: the pack's SDK threw on a secret without its value where no handler answers the call.
        ["a secret without its value", { password: { [SIG_KEY]: "1b47061264138c4ac30d75fd1eb44270", hash: "ab", path: "./dist/app.zip" } }, /a secret \(signature 1b47061264138c4ac30d75fd1eb44270\) without its "value"/],
    ])("refuses %s", (_label, props, message) => {
        expect(() => parseInput(fixture(props), "t")).toThrow(InputError);
        expect(() => parseInput(fixture(props), "t")).toThrow(message);
    });

    it("sends an asset or archive without contents as the engine does, without its empty fields (it was refused; the pack now reads it)", () => {
        const input = parseInput(fixture({
            code: { [SIG_KEY]: ARCHIVE_SIG, assets: { "index.js": { [SIG_KEY]: ASSET_SIG, text: "x" }, ".keep": { [SIG_KEY]: ASSET_SIG, text: "" } } },
            layer: { [SIG_KEY]: ARCHIVE_SIG, hash: "ab", path: "" },
            marker: { [SIG_KEY]: ASSET_SIG, hash: EMPTY_TEXT_ASSET_HASH },
            bare: { [SIG_KEY]: ASSET_SIG },
            bareArchive: { [SIG_KEY]: ARCHIVE_SIG },
        }), "t");
        expect(input.resources[2].inputs).toEqual({
            code: { [SIG_KEY]: ARCHIVE_SIG, assets: { "index.js": { [SIG_KEY]: ASSET_SIG, text: "x" }, ".keep": { [SIG_KEY]: ASSET_SIG, hash: EMPTY_TEXT_ASSET_HASH } } },
            layer: { [SIG_KEY]: ARCHIVE_SIG, hash: "ab" },
            marker: { [SIG_KEY]: ASSET_SIG, hash: EMPTY_TEXT_ASSET_HASH },
            bare: { [SIG_KEY]: ASSET_SIG },
            bareArchive: { [SIG_KEY]: ARCHIVE_SIG },
        });
    });

    it("sends a resource reference as the engine does: the ID of a custom resource, the URN of a component (it hung)", () => {
        const ref = (extra: object) => ({ [SIG_KEY]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:pulumi:dev::p::aws:iam/role:Role::r", ...extra });
        const input = parseInput(fixture({ role: ref({ id: "role-123" }), component: ref({}) }), "t");
        expect(input.resources[2].inputs).toEqual({ role: "role-123", component: "urn:pulumi:dev::p::aws:iam/role:Role::r" });
    });

    it("refuses values nested deeper than the engine can send (1,500 levels: gRPC \"Error deserializing request\"; 2,000: stack overflow)", () => {
        let v: unknown = 1;
        for (let i = 0; i < 2_000; i++) v = [v];
        expect(() => loadInputFile(file("deep.json", JSON.stringify(fixture({ tags: v }))))).toThrow(/nested more than 1000 levels deep/);
    });

    it("refuses parent chains of more than 1,000 ancestors (recursion overflowed; URNs grow quadratically)", () => {
        const chain = Array.from({ length: 1_002 }, (_, i) => ({ type: "my:app:Component", name: `c${i}`, custom: false, parent: i < 1_001 ? `c${i + 1}` : undefined }));
        expect(() => parseInput({ resources: chain }, "t")).toThrow(/"c0" has more than 1000 ancestors/);
        const ok = parseInput({ resources: chain.slice(2) }, "t");
        expect(ok.resources.length).toBe(1_002);
    });

    it("refuses in one line a file whose keys or names hold line breaks (a propertyDependencies key was quoted raw: two lines)", () => {
        const refusal = (resource: Record<string, unknown>) => {
            try {
                parseInput({ resources: [{ type: "aws:s3/bucket:Bucket", name: "b", ...resource }] }, "t");
            } catch (e) {
                if (e instanceof InputError) return e.message;
                throw e;
            }
            throw new Error("the fixture was accepted");
        };
        expect(refusal({ propertyDependencies: { "\r\n": null } })).toBe('t: resources[0] (aws:s3/bucket:Bucket "b"): propertyDependencies.\\r\\n must be a list of resource names or URNs');
        expect(refusal({ name: "b\u2028\u001b[2J", props: [] })).toBe('t: resources[0] (aws:s3/bucket:Bucket "b\\u2028\\u001b[2J"): "props" must be an object');
    });
});

describe("engine harness (fixed)", () => {
    it("gives up on a call the pack never answers instead of waiting forever", async () => {
        const pack = await PackProcess.boot({ packDir: PACK_DIR, stack: "dev", project: "project", callTimeoutMs: 3_000 });
        try {
            await pack.handshake();
            await pack.configureStack();
            // What the loader refuses, sent directly: @pulumi/policy throws outside its handler.
            const r = {
                urn: "urn:pulumi:dev::project::aws:lambda/function:Function::f", type: "aws:lambda/function:Function", name: "f", custom: true,
                inputs: { code: { [SIG_KEY]: "d0e6a833031e9bbcd3f4e8bde6ca49aX" } }, protect: false, dependencies: [], propertyDependencies: {},
            };
            await expect(pack.remediate(r)).rejects.toThrow(PackCallTimeout);
        } finally {
            await pack.close();
        }
    });
});

describe("secret-sensitive-props (fixed)", () => {
    const options = { sensitivePatterns: [], ignoreProperties: [] };

    it("does not throw on props nested 3,000 levels deep (lib/sensitive.ts recursed per level)", () => {
        const props = { environment: deepNest(3_000, "array", "x") as Record<string, unknown> };
        expect(() => findPlaintextSensitiveValues(resource("aws:lambda/function:Function", props), options, undefined)).not.toThrow();
    });

    it("judges thousands of deep findings against secret locations (each check rebuilt every enclosing path: minutes)", () => {
        // 1,666 statements nested in each other, every `Action` matching the pattern "{a,b}*".
        const props = { policy: deepNest(1_666, "statement", "s3:*") as Record<string, unknown> };
        const secrets = SecretLocations.of([["policy", "Condition"], ["description"]]);
        const findings = findPlaintextSensitiveValues(resource("aws:kms/key:Key", props), { sensitivePatterns: ["{a,b}*"], ignoreProperties: [] }, secrets);
        // Only the outermost Action is outside the secret Condition.
        expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("`policy.Action` is plaintext but its name matches sensitivePatterns \"{a,b}*\"")]);
    });

    it("shows a list element's name (of a name/value pair, of a container) only where it was observed not to be a secret", () => {
        const build = (name: unknown) => resource("aws:codebuild/project:Project", {
            environment: { environmentVariables: [{ name: "REGION", value: "eu-west-1" }, { name, value: "plain-value-1", type: "PLAINTEXT" }] },
        });
        const raw = build(new Secret(`${TOKEN}_PASSWORD`));
        const observed = collectSecretLocations(raw.props);
        const analyzed = build(`${TOKEN}_PASSWORD`);
        expect(findPlaintextSensitiveValues(analyzed, options, observed).map((f) => f.message)).toEqual([
            expect.stringContaining("`environment.environmentVariables.1` is plaintext"),
        ]);
        // Unobserved, no name is known not to be secret.
        const [unobserved] = findPlaintextSensitiveValues(analyzed, options, undefined);
        expect(unobserved.message).toContain("could not tell whether `environment.environmentVariables.1` is secret");
        assertNoToken(unobserved.message, [TOKEN], "the finding");
        // The same for a named element (a container): its name stands for it in the path.
        const containers = (name: unknown) => resource("aws:sagemaker/model:Model", { containers: [{ name, environment: { DB_PASSWORD: "plain-value-2" } }] });
        const rawContainer = containers(new Secret(TOKEN));
        assertNoToken(findPlaintextSensitiveValues(containers(TOKEN), options, collectSecretLocations(rawContainer.props))
            .map((f) => f.message).join("\n"), [TOKEN], "the container finding");
        expect(findPlaintextSensitiveValues(containers("web"), options, new SecretLocations()).map((f) => f.message)).toEqual([
            expect.stringContaining("`containers.web.environment.DB_PASSWORD` is plaintext"),
        ]);
        // The same for a header's `key` (an EventBridge connection), which the generators once
        // left out of the name places: a token there was shown as a plain header name.
        const headers = (key: unknown) => resource("aws:cloudwatch/eventConnection:EventConnection", {
            authorizationType: "API_KEY",
            authParameters: { invocationHttpParameters: { headers: [{ key: "Content-Type", value: "application/json", isValueSecret: false }, { key, value: "plain-value-3", isValueSecret: true }] } },
        });
        const headerFindings = findPlaintextSensitiveValues(headers(TOKEN), options, collectSecretLocations(headers(new Secret(TOKEN)).props)).map((f) => f.message);
        expect(headerFindings).toEqual([expect.stringContaining("`authParameters.invocationHttpParameters.headers.1` is plaintext")]);
        assertNoToken(headerFindings.join("\n"), [TOKEN], "the header finding");
        expect(isPairName(["authParameters", "invocationHttpParameters", "headers", 1, "key"])).toBe(true);
        // A plain name is shown.
        const plain = build("DB_PASSWORD");
        expect(findPlaintextSensitiveValues(plain, options, collectSecretLocations(plain.props)).map((f) => f.message)).toEqual([
            expect.stringContaining("`environment.environmentVariables.DB_PASSWORD` is plaintext"),
        ]);
    });

    describe("through the engine", () => {
        const engine = useEngine();

        it("does not print a secret-wrapped name of a name/value pair in the path it reports", async () => {
            const run = await engine.run({
                resources: [{
                    type: "aws:codebuild/project:Project", name: "build",
                    props: { environment: { environmentVariables: [{ name: { $secret: `${TOKEN}_PASSWORD` }, value: "plain-value-1", type: "PLAINTEXT" }] } },
                }],
            });
            const messages = run.of("secret-sensitive-props").map((d) => d.message);
            expect(messages).toEqual([expect.stringContaining("`environment.environmentVariables.0` is plaintext")]);
            assertNoToken(messages.join("\n"), [TOKEN], "the diagnostics");
        });
    });
});
