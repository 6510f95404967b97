// A stack's secrets provider encrypts every secret in its state and config. The passphrase
// provider (the self-managed backends' default) is one shared string that tends to live in
// CI variables and laptops, with no audit trail and no per-key revocation; security teams
// want a KMS-backed provider instead. The engine does not tell a pack which provider a
// stack uses, so a gather step discovers it (./lib/stack-settings.ts) and the rule judges it.
import { matchesAny } from "./lib/glob";
import { Finding, GatherInput, PolicyExample, ResourceRef, stackPolicy } from "./lib/rule";
import {
    BACKEND_URL_ENV, CLOUD_SECRET_OVERRIDE_ENV, discoverSecretsProvider, FALLBACK_TO_STATE_ENV, SecretsProviderDiscovery, STACK_SECRETS_PROVIDER_ENV, stackFileName,
} from "./lib/stack-settings";
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
    /**
     * The URL with its scheme lowercased, and without the `awssdk` parameter (it picks the AWS
     * SDK's version, and Pulumi writes it first: `?awssdk=v2&region=...`): what
     * allowedUrlPatterns match, besides the URL as written.
     */
    normalized: string;
    /** The URL as written, its scheme lowercased (a pattern naming `awssdk` matches this). */
    written: string;
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
        if (word === "passphrase" || word === "service") return { kind: word, normalized: word, written: word, display: word };
        // The CLI reads "default" as the backend's default manager: the service provider on
        // Pulumi Cloud, whose fix this policy suggests as `change-secrets-provider "default"`.
        if (word === "default") return { kind: "service", normalized: "service", written: "service", display: "default" };
        return { kind: "unknown", normalized: url, written: url, display: displayWord(url) };
    }
    const scheme = m[1].toLowerCase();
    const written = `${scheme}://${m[2]}`;
    const normalized = scheme === "awskms" ? withoutAwsSdk(written) : written;
    const kind = (KMS_PROVIDER_KINDS as readonly string[]).includes(scheme) ? (scheme as ProviderKind) : "unknown";
    // An unrecognised scheme may carry key material in its body (gocloud's base64key://<key>).
    const display = kind === "unknown" ? `${scheme}://…` : redactUrl(scheme, m[2]);
    return { kind, normalized, written, display };
}

/** The URL without its `awssdk` query parameter (the other parameters kept, in their order). */
function withoutAwsSdk(url: string): string {
    const queryAt = url.indexOf("?");
    if (queryAt < 0) return url;
    const hashAt = url.indexOf("#", queryAt);
    const query = url.slice(queryAt + 1, hashAt < 0 ? undefined : hashAt);
    const kept = query.split("&").filter((p) => !/^awssdk(?:=|$)/i.test(p));
    return url.slice(0, queryAt) + (kept.length > 0 ? `?${kept.join("&")}` : "") + (hashAt < 0 ? "" : url.slice(hashAt));
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

// A misspelt kind ("passphrse", "servce") is shown; any other word might be a passphrase put
// there by mistake, so it is not.
const KNOWN_WORDS = [...PROVIDER_KINDS, "default"];
function displayWord(value: string): string {
    if (value === "") return "(empty)";
    const word = value.toLowerCase();
    return /^[a-z-]{1,20}$/.test(word) && KNOWN_WORDS.some((k) => editDistance(word, k) <= 2) ? value : "(value not shown: not a URL)";
}

/** Levenshtein distance of two short words. */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
    }
    return previous[b.length];
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
        const stackFile = stackFileName(stack.name || "<stack>");
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
    if (config.allowedUrlPatterns.length > 0 && !matchesAllowedPattern(provider, config.allowedUrlPatterns)) {
        const patterns = config.allowedUrlPatterns.map((p) => `"${p}"`).join(", ");
        return finding(`${who} uses ${described}, which matches none of allowedUrlPatterns (${patterns}). ${fix(suggestedUrl(config))}`);
    }
    return [];
}

/**
 * A pattern matches the URL as written or without `awssdk`; a pattern's scheme is read in any
 * case, as the URL's is.
 */
function matchesAllowedPattern(provider: ClassifiedProvider, patterns: readonly string[]): boolean {
    const lowered = patterns.map((p) => p.replace(/^[A-Za-z][A-Za-z0-9+.-]*(?=:\/\/)/, (scheme) => scheme.toLowerCase()));
    return matchesAny(provider.normalized, lowered) || matchesAny(provider.written, lowered);
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
        // The pack runs with the CLI's environment, so it sees what the CLI acts on.
        cloudOverride: env[CLOUD_SECRET_OVERRIDE_ENV],
        fallbackToState: env[FALLBACK_TO_STATE_ENV],
        backendUrl: env[BACKEND_URL_ENV],
        credentialsDir: env.PULUMI_CREDENTIALS_PATH || env.PULUMI_HOME || undefined,
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
