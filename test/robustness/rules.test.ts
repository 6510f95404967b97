// Property-based tests of the pure rules (docs/testing.md): for arbitrary resources biased
// toward the real shapes, each rule never throws, returns well-formed findings, reports
// nothing on an unknown that every known value at that place would not also report, and
// never echoes a free-form property value.
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { readConfig, withCommonProperties } from "../../policies/lib/config";
import { findExemption } from "../../policies/lib/exemptions";
import { compileGlob, globError } from "../../policies/lib/glob";
import type { Finding, StackContext } from "../../policies/lib/rule";
import { readPolicyDocument } from "../../policies/lib/policy-document";
import { readStackSecretsSettings } from "../../policies/lib/stack-settings";
import { Secret } from "@pulumi/policy";
import { collectSecretLocations } from "../../policies/lib/sensitive";
import { isSecretWrapper } from "../../policies/lib/values";
import { POLICIES } from "../../policies";
import { findPlaintextSensitiveValues, wrapPlaintextSensitiveValues } from "../../policies/secret-sensitive-props";
import { classifySecretsProvider, judgeSecretsProvider, KMS_PROVIDER_KINDS, PROVIDER_KINDS } from "../../policies/secrets-provider-allowlist";
import {
    anyValue, assertNoToken, assertWellFormed, documentObject, fcParams, getAt, knownValue, mapTree, MutationOptions, nodePaths, oddString,
    Path, policyDocument, resourceOf, RULE_KEYS, secretToken, setAt, unknownSentinel, withTokens, typedPropsFor,
} from "./arbitraries";
import { stackOf } from "./stacks";
import { isPreviewComputed, OTHER_POLICIES, ResourceRuleTarget, StackRuleTarget, TARGETS } from "./targets";


/** The pure path takes more than the engine path carries: 5,000 levels of nesting, 1 MB strings. */
const PURE: MutationOptions = { maxDepth: 5_000, huge: true };
const RESOURCE_RUNS = 300;
const STACK_RUNS = 150;
const SUBSTITUTES = 4;
const SENSITIVE_TYPES = TARGETS.find((t) => t.policy === "secret-sensitive-props")!.types;

const context = (dryRun: boolean): StackContext => ({ stack: "dev", project: "project", organization: "organization", dryRun });

/**
 * "The same violation", for the monotonicity property: a policy's finding on a resource.
 * Messages cannot be compared, even with values masked: a concrete value legitimately
 * changes the wording (an unknown Sid labels a statement `Statement[0]`, a known one
 * `statement "X"`; an unknown statement is skipped where a malformed known one is reported
 * as malformed). What must hold is that a resource flagged with the unknown is flagged, by
 * the same policy, for every known value.
 */
const violationKey = (f: Finding, subject: string) => f.resource?.urn ?? subject;

function assertMonotone(withUnknown: Finding[], withKnown: Finding[], subject: string, what: string): void {
    const known = new Set(withKnown.map((f) => violationKey(f, subject)));
    for (const f of withUnknown) {
        if (!known.has(violationKey(f, subject))) {
            throw new Error(`violation reported with the unknown but not with ${what}: ${f.message}`);
        }
    }
}

describe("coverage", () => {
    it("every policy of the registry is a target, or is tested on its own below", () => {
        expect([...new Set([...TARGETS.map((t) => t.policy), ...OTHER_POLICIES])].sort()).toEqual(POLICIES.map((p) => p.name).sort());
        expect(OTHER_POLICIES).toEqual(["secrets-provider-allowlist"]);
        // A resource policy with a stack part is a target twice: each part.
        for (const p of POLICIES.filter((p) => p.kind === "resource" && p.stack)) {
            expect(TARGETS.filter((t) => t.policy === p.name).map((t) => t.kind)).toEqual(["resource", "stack"]);
        }
    });
});

describe.each(TARGETS.filter((t): t is ResourceRuleTarget => t.kind === "resource"))("$policy (resource rule)", (target) => {
    it("never throws on arbitrary props and returns well-formed findings", () => {
        fc.assert(
            fc.property(resourceOf(target.types, PURE), target.config, (resource, config) => {
                assertWellFormed(target.check(resource, config));
            }),
            fcParams(RESOURCE_RUNS),
        );
    });

    it("reports nothing on an unknown that every known value at its place would not also report", () => {
        fc.assert(
            fc.property(
                resourceOf(target.types, { maxDepth: 50, huge: false }), target.config, fc.nat(), unknownSentinel, fc.array(knownValue, { minLength: SUBSTITUTES, maxLength: SUBSTITUTES }),
                (resource, config, pick, sentinel, substitutes) => {
                    const paths = nodePaths(resource.props, { absentKeys: RULE_KEYS });
                    const at: Path = paths.length ? paths[pick % paths.length] : [RULE_KEYS[pick % RULE_KEYS.length]];
                    const original = getAt(resource.props, at);
                    const withUnknown = target.check({ ...resource, props: setAt(resource.props, at, sentinel) }, config);
                    for (const value of [original, ...substitutes]) {
                        const withKnown = target.check({ ...resource, props: setAt(resource.props, at, value) }, config);
                        assertMonotone(withUnknown, withKnown, resource.urn, `${JSON.stringify(value)?.slice(0, 200)} at ${JSON.stringify(at)}`);
                    }
                },
            ),
            fcParams(RESOURCE_RUNS),
        );
    });

    it("never echoes a free-form property value", () => {
        fc.assert(
            fc.property(typedPropsFor(target.types, { maxDepth: 50, huge: false }).chain(({ type, props }) => withTokens(fc.constant(props)).map((t) => ({ type, ...t }))), target.config, ({ type, props, tokens }, config) => {
                const findings = target.check({ type, name: "r", urn: `urn:pulumi:dev::project::${type}::r`, props, protect: false, dependencies: [], propertyDependencies: {} }, config);
                for (const f of findings) assertNoToken(f.message, tokens, "a finding");
            }),
            fcParams(RESOURCE_RUNS),
        );
    });
});

describe.each(TARGETS.filter((t): t is StackRuleTarget => t.kind === "stack"))("$policy (stack rule)", (target) => {
    it("never throws on arbitrary stacks and returns well-formed findings about resources of the stack", () => {
        fc.assert(
            fc.property(stackOf(target.types, PURE), target.config, fc.boolean(), (resources, config, dryRun) => {
                const findings = target.check(resources, config, context(dryRun));
                assertWellFormed(findings);
                const urns = new Set(resources.map((r) => r.urn));
                for (const f of findings) if (f.resource) expect(urns.has(f.resource.urn)).toBe(true);
            }),
            fcParams(STACK_RUNS),
        );
    });

    it("reports nothing on an unknown that every known value at its place would not also report", () => {
        fc.assert(
            fc.property(
                stackOf(target.types, { maxDepth: 50, huge: false }).filter((rs) => rs.length > 0), target.config, fc.boolean(), fc.nat(), fc.nat(), unknownSentinel,
                fc.array(knownValue, { minLength: SUBSTITUTES, maxLength: SUBSTITUTES }),
                (resources, config, dryRun, which, pick, sentinel, substitutes) => {
                    const i = which % resources.length;
                    const subject = resources[i];
                    const excluded = new Set(target.joinKeys?.(subject) ?? []);
                    const paths = nodePaths(subject.props, { absentKeys: RULE_KEYS })
                        .filter((p) => !excluded.has(String(p[0])) && !(dryRun && isPreviewComputed(target.policy, subject, p)));
                    if (paths.length === 0) return;
                    const at = paths[pick % paths.length];
                    const variant = (value: unknown) => resources.map((r, j) => (j === i ? { ...r, props: setAt(r.props, at, value) } : r));
                    const withUnknown = target.check(variant(sentinel), config, context(dryRun));
                    for (const value of [getAt(subject.props, at), ...substitutes]) {
                        const withKnown = target.check(variant(value), config, context(dryRun));
                        assertMonotone(withUnknown, withKnown, "stack", `${JSON.stringify(value)?.slice(0, 200)} at r${i}.${JSON.stringify(at)}`);
                    }
                },
            ),
            fcParams(STACK_RUNS),
        );
    });

    it("never echoes a free-form property value", () => {
        fc.assert(
            fc.property(stackOf(target.types, { maxDepth: 50, huge: false }), fc.nat(), withTokens(fc.constant({})), target.config, fc.boolean(),
                (resources, which, { tokens }, config, dryRun) => {
                    if (resources.length === 0) return;
                    // Tokens in every resource: as the bucket name, in its blocks, anywhere.
                    const placed = resources.map((r, j) => ({ ...r, props: withTokensAt(r.props, tokens, which + j) }));
                    for (const f of target.check(placed, config, context(dryRun))) assertNoToken(f.message, tokens, "a finding");
                }),
            fcParams(STACK_RUNS),
        );
    });
});

function withTokensAt(props: Record<string, unknown>, tokens: string[], seed: number): Record<string, unknown> {
    const paths = [...nodePaths(props, { maxPaths: 500 }), ["bucket"], ["serverSideEncryptionConfiguration", "rule", "applyServerSideEncryptionByDefault", "sseAlgorithm"]];
    return tokens.reduce((acc, token, k) => setAt(acc, paths[(seed * 7919 + k * 104729) % paths.length], k % 2 ? token : `${token}*`), props);
}

describe("secret-sensitive-props remediation path", () => {
    const config = fc.record({
        sensitivePatterns: fc.array(fc.constantFrom("*_signing_key", "*key*", "x*"), { maxLength: 2 }),
        ignoreProperties: fc.array(fc.constantFrom("environment.*", "*.password"), { maxLength: 1 }),
    });
    // Raw remediation-path props: some values (anywhere) are still `Secret` instances.
    const rawResource = fc.tuple(typedPropsFor(SENSITIVE_TYPES, { maxDepth: 50, huge: false }), fc.array(fc.nat(), { maxLength: 4 }))
        // Copied first: the engine's props are a tree (decoded from the request), while a generated
        // value may be one object under two keys, which wrapping in place would change at both.
        .map(([{ type, props }, picks]) => ({ type, props: secretsAt(mapTree(props, (node) => node) as Record<string, unknown>, picks) }));
    function secretsAt(props: Record<string, unknown>, picks: number[]): Record<string, unknown> {
        const paths = nodePaths(props, { maxPaths: 500 });
        return paths.length === 0 ? props : picks.reduce((acc, pick) => {
            const at = paths[pick % paths.length];
            const current = getAt(acc, at);
            return current === undefined || isSecretWrapper(current) ? acc : setAt(acc, at, new Secret(current));
        }, props);
    }

    it("wraps without throwing, and what it wraps is then reported as secret (nothing left to report)", () => {
        fc.assert(
            fc.property(rawResource, config, ({ type, props }, cfg) => {
                const resource = { type, name: "r", urn: `urn:pulumi:dev::project::${type}::r`, props, protect: false, dependencies: [], propertyDependencies: {} };
                wrapPlaintextSensitiveValues(resource, cfg);
                const observation = collectSecretLocations(resource.props);
                // What Analyze then sees: the remediated props with secrets unwrapped.
                const analyzed = { ...resource, props: unwrapAllSecrets(resource.props) as Record<string, unknown> };
                expect(findPlaintextSensitiveValues(analyzed, cfg, observation).map((f) => f.message)).toEqual([]);
            }),
            fcParams(RESOURCE_RUNS),
        );
    });
});

function unwrapAllSecrets(v: unknown): unknown {
    return mapTree(v, (node) => {
        let plain = node;
        while (isSecretWrapper(plain)) plain = plain.value;
        return plain;
    });
}

describe("policy-document reader", () => {
    it("never throws, and reads a JSON string exactly as the object it encodes", () => {
        fc.assert(
            fc.property(documentObject, fc.boolean(), (doc, blankIsAbsent) => {
                const json = JSON.stringify(doc);
                expect(readPolicyDocument(json, { blankIsAbsent })).toEqual(readPolicyDocument(JSON.parse(json), { blankIsAbsent }));
            }),
            fcParams(500),
        );
    });

    it("describes problems without quoting the document", () => {
        fc.assert(
            fc.property(policyDocument, secretToken, (doc, token) => {
                // A document whose text is broken right after a secret-looking token.
                for (const value of [doc, `{"Statement": [{"Sid": "${token}", "Effect": ${token}`, `${token}`]) {
                    const reading = readPolicyDocument(value);
                    if (reading.kind !== "document") continue;
                    for (const p of reading.problems) assertNoToken(`${p.where ?? ""} ${p.what}`, [token], "a document problem");
                }
            }),
            fcParams(500),
        );
    });
});

describe("secrets-provider-allowlist (pure parts)", () => {
    const url = fc.record({
        scheme: fc.oneof(fc.constantFrom(...KMS_PROVIDER_KINDS, "AWSKMS", "base64key", "file", "passphrase", "https"), fc.string({ maxLength: 6 })),
        user: secretToken,
        host: fc.constantFrom("alias/pulumi", "projects/p/locations/l/keyRings/r/cryptoKeys/k", "vault.vault.azure.net/keys/k", "", "1234abcd-12ab-34cd-56ef-1234567890ab"),
        query: secretToken,
        fragment: secretToken,
        region: fc.constantFrom("eu-west-1", "us-east-1", "", "eu-west-1&x=1"),
    });

    it("never shows URL userinfo, query parameters (other than region) or fragments, nor anything of an unrecognised scheme", () => {
        fc.assert(
            fc.property(url, fc.constantFrom(...PROVIDER_KINDS), fc.boolean(), (u, allowed, failClosed) => {
                const raw = `${u.scheme}://${u.user}:${u.user}@${u.host}?awssdk=${u.query}&region=${u.region}&profile=${u.query}#${u.fragment}`;
                const classified = classifySecretsProvider(raw);
                const tokens = [u.user, u.query, u.fragment];
                assertNoToken(classified.display, tokens, "the provider as displayed");
                const findings = judgeSecretsProvider(
                    { found: true, url: raw, source: "the policy config secretsProvider" },
                    { allowedProviders: [allowed], allowedUrlPatterns: [], secretsProvider: raw, projectDir: "", failClosed },
                    { name: "dev" },
                );
                assertWellFormed(findings);
                for (const f of findings) assertNoToken(f.message, tokens, "a finding");
            }),
            fcParams(500),
        );
    });

    it("classifies and judges any string without throwing", () => {
        fc.assert(
            fc.property(fc.oneof(oddString, fc.string(), fc.webUrl()), fc.subarray([...PROVIDER_KINDS]), fc.array(fc.constantFrom("awskms://*", "*", "awskms://alias/{a,b}*"), { maxLength: 2 }), (raw, allowedProviders, allowedUrlPatterns) => {
                classifySecretsProvider(raw);
                assertWellFormed(judgeSecretsProvider(
                    { found: true, url: raw, source: "x" },
                    { allowedProviders, allowedUrlPatterns, secretsProvider: "", projectDir: "", failClosed: true },
                    { name: raw },
                ));
            }),
            fcParams(500),
        );
    });

    it("reads any stack file without throwing and never quotes it", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "robustness-stack-"));
        const file = path.join(dir, "Pulumi.dev.yaml");
        const yamlish = fc.oneof(
            secretToken.map((t) => `secretsprovider: ${t}\n`),
            secretToken.map((t) => `encryptionsalt: v1:${t}\nconfig:\n  aws:region: eu-west-1\n  app:key:\n    secure: ${t}\n`),
            secretToken.map((t) => `secretsprovider: [${t}\nconfig: {`),
            secretToken.map((t) => `- ${t}\n- x`),
            fc.string().map((s) => s),
            fc.constantFrom("", "\0\0\0", "%YAML 9.9\n---\n", "a: &x [*x]\n", "secretsprovider: 42\n", "? [a]\n: b\n"),
        );
        fc.assert(
            fc.property(yamlish, secretToken, (text, token) => {
                fs.writeFileSync(file, text);
                const settings = readStackSecretsSettings(file);
                if (!settings.ok) assertNoToken(settings.problem, [token, ...text.match(/SECRET_[a-z0-9]{16}/g) ?? []], "the stack file problem");
            }),
            fcParams(200),
        );
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

describe("shared glue (config, globs, exemptions)", () => {
    it("readConfig never throws on any raw config and reports errors as strings", () => {
        fc.assert(
            fc.property(fc.constantFrom(...POLICIES), fc.oneof(anyValue, fc.dictionary(fc.constantFrom("exemptions", "allowedActions", "enforcementLevel", "failClosed", "x"), anyValue)), (policy, raw) => {
                const result = readConfig(`robustness-${policy.name}`, withCommonProperties(policy.configSchema as any), raw);
                if (!result.ok) for (const e of result.errors) expect(typeof e).toBe("string");
            }),
            fcParams(500),
        );
    });

    it("globError never throws; a glob it accepts compiles and matches any subject without throwing", () => {
        fc.assert(
            fc.property(fc.oneof(anyValue, fc.string(), oddString, fc.stringMatching(/^[*?[\]{}!,\\a-c:\/]{0,12}$/)), fc.oneof(fc.string(), oddString), fc.boolean(), (pattern, subject, ignoreCase) => {
                if (globError(pattern) !== null) return;
                compileGlob(pattern as string, { ignoreCase })(subject);
                findExemption([{ name: pattern as string, reason: "r", expires: "2000-01-01" }], { urn: subject, type: subject, name: subject });
            }),
            fcParams(1000),
        );
    });
});
