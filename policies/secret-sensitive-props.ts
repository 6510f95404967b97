// Credentials in resource inputs must reach Pulumi as secrets. A plaintext password ends up
// unencrypted in the state file (Pulumi stores every input), in `pulumi preview` diffs and
// in CI logs; a secret is encrypted by the stack's secrets provider and shown as [secret].
//
// Judged on real secretness, which a plain validation cannot see (@pulumi/policy unwraps
// secrets before `validateResource`; see secret-sensitive-props-observer.ts). The design:
// - secret-sensitive-props-observer (default `remediate`) records, per resource, where the
//   inputs held secrets, during the Remediate call that precedes Analyze, and changes nothing.
// - This policy (default `mandatory`) reports in Analyze from that record, at its own level.
//   When there is no record (the observer was disabled, or set to another level, e.g. by
//   `"all": "advisory"`), it says that secretness could not be observed and names the config
//   to change, for each resource that has sensitive values: never a silent pass.
// - At `remediate` this policy wraps the plaintext values in `Secret` itself, editing the raw
//   props in place (a copy would lose other secrets), and records the result, so Analyze then
//   reports nothing for them. It observes by itself, with or without the observer.
// `additionalSecretOutputs` is no substitute: it marks outputs, not the inputs judged here.
// What counts as sensitive lives in lib/sensitive.ts.
import { globList } from "./lib/config";
import { policyDocUrl } from "./lib/docs";
import { Finding, PlainResource, resourcePolicy } from "./lib/policy";
import {
    collectSecretLocations, findSensitiveValues, SecretLocations, SensitiveReason, SensitiveValue, shownPath, wrapAsSecret,
} from "./lib/sensitive";
import * as t from "./lib/tokens";
import {
    OBSERVER_NAME, recordSecretness, SecretnessObservation, secretSensitivePropsObserver, takeSecretness,
} from "./secret-sensitive-props-observer";

const NAME = "secret-sensitive-props";

export interface SecretSensitivePropsConfig {
    sensitivePatterns: string[];
    ignoreProperties: string[];
}

// Where AWS can generate and keep the password itself, in Secrets Manager.
const MANAGED_PASSWORD_SETTING: Readonly<Record<string, string>> = {
    [t.RDS_INSTANCE]: "manageMasterUserPassword: true",
    [t.RDS_CLUSTER]: "manageMasterUserPassword: true",
    [t.DOCDB_CLUSTER]: "manageMasterUserPassword: true",
    [t.REDSHIFT_CLUSTER]: "manageMasterPassword: true",
    [t.REDSHIFT_SERVERLESS_NAMESPACE]: "manageAdminPassword: true",
};

const MAX_LISTED_PATHS = 5;
const MAX_SHOWN_PATH = 200;

/** A path (or key) as messages show it: keys come from programs and may be huge. */
function shown(path: string): string {
    return path.length <= MAX_SHOWN_PATH ? path : `${path.slice(0, 120)}…${path.slice(-60)}`;
}

/**
 * Findings for the resource's sensitive values that were not secret, judged against what
 * the remediation path observed; without an observation, one finding saying so.
 */
export function findPlaintextSensitiveValues(
    resource: PlainResource,
    config: SecretSensitivePropsConfig,
    observation: SecretnessObservation | undefined,
): Finding[] {
    const values = findSensitiveValues(resource.type, resource.props, config);
    if (values.length === 0) return [];
    if (!observation) return [unobservedFinding(resource, values)];
    const secrets = observation.secretLocations;
    return values
        .filter((v) => !secrets.covers(v.location))
        .map((v) => ({ message: plaintextMessage(resource, v, secrets) }));
}

/**
 * Wraps each plaintext sensitive value of the raw (remediation-path) props in a `Secret`,
 * in place, and returns what it wrapped. A value inside a JSON document makes the whole
 * document property secret: nothing smaller can be.
 */
export function wrapPlaintextSensitiveValues(resource: PlainResource, config: SecretSensitivePropsConfig): SensitiveValue[] {
    const secretLocations = collectSecretLocations(resource.props);
    const plaintext = findSensitiveValues(resource.type, resource.props, config)
        .filter((v) => !secretLocations.covers(v.location));
    for (const v of plaintext) wrapAsSecret(resource.props, v.location);
    return plaintext;
}

function plaintextMessage(resource: PlainResource, value: SensitiveValue, secrets: SecretLocations): string {
    return `${resource.type} "${resource.name}": \`${shown(shownPath(value, secrets))}\` is plaintext but ${describeReason(value.reason)}, ` +
        "so Pulumi would store it unencrypted in the state file and show it in previews. " + fixFor(resource, value);
}

function describeReason(reason: SensitiveReason): string {
    switch (reason.kind) {
        case "always": return `is ${reason.what}`;
        case "pattern": return `its name matches sensitivePatterns "${shown(reason.pattern)}"`;
        case "name": return "its name marks a credential";
        case "url-credentials": return "is a URL with an embedded password";
    }
}

function fixFor(resource: PlainResource, value: SensitiveValue): string {
    if (resource.type.startsWith("pulumi:providers:")) {
        const pkg = resource.type.slice("pulumi:providers:".length);
        return `Set it with \`pulumi config set --secret ${pkg}:${shown(String(value.location[0]))} ...\`, or pass \`pulumi.secret(...)\` to an explicit provider.`;
    }
    if (value.document) {
        return "Reference it from Secrets Manager or SSM Parameter Store in the container's `secrets` (`valueFrom`) instead, " +
            `or make the whole \`${value.document}\` a secret (\`pulumi.secret(...)\`, or \`pulumi.jsonStringify\` of secret values).`;
    }
    const managed = MANAGED_PASSWORD_SETTING[resource.type];
    const aws = managed && value.reason.kind === "always" ? `, or let AWS manage it in Secrets Manager with \`${managed}\`` : "";
    return "Pass it as a secret: `pulumi.secret(value)`, `config.requireSecret(\"...\")`, or a value read from Secrets Manager " +
        `(\`aws.secretsmanager.getSecretVersionOutput(...).secretString\` is secret)${aws}.`;
}

function unobservedFinding(resource: PlainResource, values: SensitiveValue[]): Finding {
    // Without an observation, no name of a name/value pair is known not to be a secret.
    const paths = [...new Set(values.map((v) => `\`${shown(shownPath(v, undefined))}\``))];
    const listed = paths.length > MAX_LISTED_PATHS
        ? `${paths.slice(0, MAX_LISTED_PATHS).join(", ")} and ${paths.length - MAX_LISTED_PATHS} more`
        : paths.join(", ");
    return {
        message: `${resource.type} "${resource.name}": could not tell whether ${listed} ${paths.length > 1 ? "are" : "is"} secret. ` +
            `@pulumi/policy shows secrets to validations as plain values, so the \`${OBSERVER_NAME}\` policy notes them during ` +
            `remediation, and it did not run for this resource: it runs only at enforcement level "remediate", and a policy pack ` +
            `config setting "all" or "${OBSERVER_NAME}" to another level turns it off. ` +
            `Add \`"${OBSERVER_NAME}": "remediate"\` to the policy pack config (a policy's own key overrides "all"), ` +
            `or set "${NAME}" to "remediate" to have plaintext values wrapped as secrets.`,
    };
}

export const secretSensitiveProps = resourcePolicy<SecretSensitivePropsConfig>({
    name: NAME,
    displayName: "Credentials in inputs are secrets",
    description:
        "Credentials in resource inputs (passwords, tokens, API keys, sensitive environment variables, SecureString " +
        "parameter values, database master passwords) must be Pulumi secrets, not plaintext.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Wrap the value in `pulumi.secret(...)` or read it with `config.requireSecret(...)`; for containers, reference " +
        "Secrets Manager or SSM Parameter Store through `secrets` (`valueFrom`). At enforcement level remediate the pack " +
        "wraps plaintext values as secrets itself.",
    url: policyDocUrl(NAME),
    tags: ["aws", "secrets", "data-protection"],
    framework: {
        name: "AWS Foundational Security Best Practices",
        version: "1.0.0",
        reference: "ECS.8",
        specification: "Secrets should not be passed as container environment variables; also CodeBuild.2 (no clear-text " +
            "credentials in CodeBuild environment variables), applied here to every resource input.",
    },
    configSchema: {
        properties: {
            sensitivePatterns: globList(
                "Extra globs, matched case-insensitively against every property key at any depth (environment-variable " +
                "names included), that mark string values as credentials, e.g. \"*_signing_key\".",
                [],
            ),
            ignoreProperties: globList(
                "Property paths that are not credentials, in dot notation exactly as messages print them " +
                "(e.g. environment.variables.PUBLIC_API_KEY); * matches any characters, dots included.",
                [],
            ),
        },
    },
    resourceTypes: "all",
    check: (resource, config) => findPlaintextSensitiveValues(resource, config, takeSecretness(resource.urn)),
    remediate: (resource, config) => {
        const wrapped = wrapPlaintextSensitiveValues(resource, config);
        recordSecretness(resource.urn, resource.props);
        return wrapped.length > 0 ? resource.props : undefined;
    },
});

/** Both policies, in the order Analyze must run them: this one takes the record, the observer drops leftovers. */
export const secretSensitivePropsPolicies = [secretSensitiveProps, secretSensitivePropsObserver] as const;
