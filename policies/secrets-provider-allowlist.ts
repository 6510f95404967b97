// A stack's secrets provider encrypts every secret in its state and config. The passphrase
// provider (the self-managed backends' default) is one shared string that tends to live in
// CI variables and laptops, with no audit trail and no per-key revocation; security teams
// want a KMS-backed provider instead. The engine does not tell a pack which provider a
// stack uses, so a gather step discovers it (./lib/stack-settings.ts) and the rule judges it.
import { matchesAny } from "./lib/glob";
import { Finding, GatherInput, PolicyExample, ResourceRef, stackPolicy } from "./lib/rule";
import { discoverSecretsProvider, SecretsProviderDiscovery, STACK_SECRETS_PROVIDER_ENV } from "./lib/stack-settings";
import * as t from "./lib/tokens";

export const KMS_PROVIDER_KINDS = ["awskms", "gcpkms", "azurekeyvault", "hashivault"] as const;
export const PROVIDER_KINDS = [...KMS_PROVIDER_KINDS, "passphrase", "service"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number] | "unknown";

export interface SecretsProviderAllowlistConfig {
    allowedProviders: ProviderKind[];
    allowedUrlPatterns: string[];
    /** "" when not configured. */
    secretsProvider: string;
    /** "" when not configured. */
    projectDir: string;
    failClosed: boolean;
}

export interface ClassifiedProvider {
    kind: ProviderKind;
    /** The URL with its scheme lowercased: what allowedUrlPatterns match. */
    normalized: string;
    /** Safe to print: no userinfo, no query parameters except region. */
    display: string;
}

// Examples for the fix command, per kind (Pulumi's documented URL forms).
const EXAMPLE_URL: Record<ProviderKind, string> = {
    awskms: "awskms://alias/<key-alias>?region=<region>",
    gcpkms: "gcpkms://projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>",
    azurekeyvault: "azurekeyvault://<vault>.vault.azure.net/keys/<key>",
    hashivault: "hashivault://<key>",
    passphrase: "passphrase",
    service: "default",
    unknown: "awskms://alias/<key-alias>?region=<region>",
};

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s;

export function classifySecretsProvider(raw: string): ClassifiedProvider {
    const url = raw.trim();
    const m = SCHEME.exec(url);
    if (!m) {
        const word = url.toLowerCase();
        if (word === "passphrase" || word === "service") return { kind: word, normalized: word, display: word };
        return { kind: "unknown", normalized: url, display: displayWord(url) };
    }
    const scheme = m[1].toLowerCase();
    const normalized = `${scheme}://${m[2]}`;
    const kind = (KMS_PROVIDER_KINDS as readonly string[]).includes(scheme) ? (scheme as ProviderKind) : "unknown";
    // An unrecognised scheme may carry key material in its body (gocloud's base64key://<key>).
    const display = kind === "unknown" ? `${scheme}://…` : redactUrl(scheme, m[2]);
    return { kind, normalized, display };
}

/**
 * Keeps host and path (key alias, ARN, vault, key name) and the region; drops userinfo,
 * fragments and every other query parameter (awssdk, profile, and whatever else a URL may
 * carry that is nobody's business in a preview log).
 */
function redactUrl(scheme: string, rest: string): string {
    const queryAt = rest.search(/[?#]/);
    let location = queryAt < 0 ? rest : rest.slice(0, queryAt);
    const query = queryAt >= 0 && rest[queryAt] === "?" ? rest.slice(queryAt + 1).split("#")[0] : "";
    const authorityEnd = location.indexOf("/");
    const authority = authorityEnd < 0 ? location : location.slice(0, authorityEnd);
    const at = authority.lastIndexOf("@");
    if (at >= 0) location = location.slice(at + 1);
    const region = new URLSearchParams(query).get("region");
    const safeRegion = region && /^[a-z0-9-]+$/i.test(region) ? `?region=${region}` : "";
    return `${scheme}://${location}${safeRegion}`;
}

// A bare word such as "passphrse" or "cloud" is shown; anything else might be a secret.
function displayWord(value: string): string {
    if (value === "") return "(empty)";
    return /^[A-Za-z][A-Za-z-]{0,19}$/.test(value) ? value : "(value not shown: not a URL)";
}

export interface StackIdentity {
    name: string;
    /** The root pulumi:pulumi:Stack resource, to attach the finding (and exemptions) to. */
    root?: ResourceRef;
}

/** The pure judgement: a discovered provider against the allowlist. */
export function judgeSecretsProvider(
    discovery: SecretsProviderDiscovery,
    config: SecretsProviderAllowlistConfig,
    stack: StackIdentity,
): Finding[] {
    const finding = (message: string): Finding[] => [{ message, resource: stack.root }];
    const who = stack.name ? `Stack "${stack.name}"` : "This stack";
    if (!discovery.found) {
        if (!config.failClosed) return [];
        const why = discovery.problem ?? `nothing found (looked at: ${discovery.looked.join("; ")})`;
        const stackFile = stack.name ? `Pulumi.${stack.name.replace(/\//g, "-")}.yaml` : "Pulumi.<stack>.yaml";
        return finding(
            `${who}: could not determine the secrets provider: ${why}. ` +
                `Set \`secretsProvider\` in this policy's config to the stack's provider URL, or \`projectDir\` to the directory ` +
                `holding ${stackFile}; or set \`failClosed: false\` to skip stacks whose provider cannot be found.`,
        );
    }

    const provider = classifySecretsProvider(discovery.url);
    const from = ` (from ${discovery.source})`;
    const described =
        provider.kind === "passphrase" ? `the passphrase secrets provider${from}`
        : provider.kind === "service" ? `the service secrets provider, Pulumi Cloud's default${from}`
        : provider.kind === "unknown" ? `secrets provider "${provider.display}"${from}, which is not a recognised kind (${PROVIDER_KINDS.join(", ")})`
        : `the ${provider.kind} secrets provider "${provider.display}"${from}`;
    const fix = (url: string) => `Change it with \`pulumi stack change-secrets-provider "${url}"\`.`;

    if (provider.kind === "unknown" || !config.allowedProviders.includes(provider.kind)) {
        const allowed = config.allowedProviders.length ? config.allowedProviders.join(", ") : "none";
        return finding(`${who} uses ${described}; allowed kinds: ${allowed}. ${fix(suggestedUrl(config))}`);
    }
    if (config.allowedUrlPatterns.length > 0 && !matchesAny(provider.normalized, config.allowedUrlPatterns)) {
        const patterns = config.allowedUrlPatterns.map((p) => `"${p}"`).join(", ");
        return finding(`${who} uses ${described}, which matches none of allowedUrlPatterns (${patterns}). ${fix(suggestedUrl(config))}`);
    }
    return [];
}

/** A literal allowed pattern if there is one, else the example URL of the first allowed kind. */
function suggestedUrl(config: SecretsProviderAllowlistConfig): string {
    // `?` is taken as the query separator here: as a glob it also matches itself.
    const literal = config.allowedUrlPatterns.find((p) => !/[*[{\\]/.test(p));
    if (literal) return classifySecretsProvider(literal).display;
    const kind = config.allowedProviders.find((k) => (KMS_PROVIDER_KINDS as readonly string[]).includes(k)) ?? config.allowedProviders[0] ?? "awskms";
    return EXAMPLE_URL[kind];
}

/** What the rule judges: the discovered provider and the stack it belongs to. */
export interface SecretsProviderFacts {
    discovery: SecretsProviderDiscovery;
    stack: StackIdentity;
}

/** The gather step (files and environment, read when the policy runs). */
export function gatherSecretsProvider({ resources, config, context, env }: GatherInput<SecretsProviderAllowlistConfig>): SecretsProviderFacts {
    const root = resources.find((r) => r.type === t.STACK);
    // The engine names the stack (env); the root URN is the fallback, never a file name.
    const fromUrn = urnStackProject(root?.urn);
    const stack = context.stack || fromUrn?.stack || "";
    const discovery = discoverSecretsProvider({
        configured: config.secretsProvider,
        projectDir: config.projectDir,
        pwd: env.PWD,
        stack: stack || undefined,
        project: context.project || fromUrn?.project,
        exported: env[STACK_SECRETS_PROVIDER_ENV],
    });
    const rootRef = root ? { urn: root.urn, type: root.type, name: root.name } : undefined;
    return { discovery, stack: { name: stack, root: rootRef } };
}

function urnStackProject(urn: string | undefined): { stack: string; project: string } | undefined {
    const m = urn ? /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn) : null;
    return m ? { stack: m[1], project: m[2] } : undefined;
}

export const secretsProviderAllowlist = stackPolicy<SecretsProviderAllowlistConfig, SecretsProviderFacts>({
    name: "secrets-provider-allowlist",
    displayName: "Stack secrets are encrypted with an allowed KMS key",
    description: "The stack's secrets provider must be an allowed KMS-backed provider (not the passphrase provider).",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps:
        "Create a KMS key (or use an existing one) and run `pulumi stack change-secrets-provider \"awskms://alias/<key-alias>?region=<region>\"`; " +
        "commit the updated Pulumi.<stack>.yaml.",
    tags: ["aws", "secrets", "kms", "stack"],
    configSchema: {
        properties: {
            allowedProviders: {
                type: "array",
                description: "Secrets-provider kinds accepted: awskms, gcpkms, azurekeyvault, hashivault, passphrase, service.",
                default: [...KMS_PROVIDER_KINDS],
                uniqueItems: true,
                items: { type: "string", enum: [...PROVIDER_KINDS] },
            },
            allowedUrlPatterns: {
                type: "array",
                description:
                    "When non-empty, the provider URL (scheme lowercased, query included) must match one of these globs, " +
                    "e.g. \"awskms://alias/pulumi-prod?region=eu-west-1*\" (* matches any characters).",
                default: [],
                items: { type: "string", minLength: 1, glob: true },
            },
            secretsProvider: {
                type: "string",
                default: "",
                description: "The stack's secrets-provider URL, when you know it (e.g. passed by CI); takes precedence over Pulumi.<stack>.yaml. Empty: discover it.",
            },
            projectDir: {
                type: "string",
                default: "",
                description: "Directory of the Pulumi project (holding Pulumi.<stack>.yaml); relative paths start at the directory pulumi runs in. Default: that directory.",
            },
            failClosed: {
                type: "boolean",
                default: true,
                description: "Report a violation when the secrets provider cannot be determined (false: skip the check).",
            },
        },
    },
    strictConfig: { failClosed: true },
    // Only the root stack: it names the stack, and findings attach to it.
    resourceTypes: [t.STACK],
    gather: gatherSecretsProvider,
    check: (_resources, config, _context, facts) => judgeSecretsProvider(facts.discovery, config, facts.stack),
    examples: [
        {
            title: "a stack whose state records the passphrase secrets provider",
            verdict: "fail",
            demo: true,
            secretsProvider: "passphrase",
            resources: [],
            reported: [""],
            messageIncludes: "uses the passphrase secrets provider",
        },
        {
            title: "a stack encrypted with an AWS KMS key",
            verdict: "pass",
            demo: true,
            secretsProvider: "awskms://alias/pulumi-prod?region=eu-west-1",
            resources: [],
        },
        {
            title: "a team that allows only its own key",
            verdict: "fail",
            secretsProvider: "awskms://alias/pulumi-dev?region=eu-west-1",
            config: { allowedUrlPatterns: ["awskms://alias/pulumi-prod?region=*"] },
            resources: [],
            reported: [""],
            messageIncludes: "matches none of allowedUrlPatterns",
        },
    ],
});
