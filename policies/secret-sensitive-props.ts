// Credentials in resource inputs must reach Pulumi as secrets. A plaintext password ends up
// unencrypted in the state file (Pulumi stores every input), in `pulumi preview` diffs and
// in CI logs; a secret is encrypted by the stack's secrets provider and shown as [secret].
//
// Judged on real secretness, which a plain validation cannot see: @pulumi/policy unwraps
// secrets before `validateResource`. The adapter hands the rule where the engine sent
// secrets (ResourceFacts.secretLocations, read from the request's wire form by
// lib/sdk-patch.ts), so the judgement needs no second policy and no particular level.
// At `remediate` this policy wraps the plaintext values in `Secret` itself, editing the raw
// props in place (a copy would lose other secrets); the engine then sends the wrapped
// values to Analyze, which sees them as secrets.
// `additionalSecretOutputs` is no substitute: it marks outputs, not the inputs judged here.
// What counts as sensitive lives in lib/sensitive.ts.
import { globList } from "./lib/config";
import { Finding, PlainResource, PolicyExample, resourcePolicy } from "./lib/rule";
import {
    collectSecretLocations, findSensitiveValues, SecretLocations, SensitiveOptions, SensitiveReason, SensitiveValue, shownDocumentPath, shownPath, wrapAsSecret,
} from "./lib/sensitive";
import * as t from "./lib/tokens";
import { SIG, SIG_KEY } from "./lib/wire";

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
 * Findings for the resource's sensitive values that were not secret, judged against where
 * the engine sent secrets; without that knowledge, one finding saying so.
 */
export function findPlaintextSensitiveValues(
    resource: PlainResource,
    config: SensitiveOptions,
    secretLocations: SecretLocations | undefined | (() => SecretLocations | undefined),
): Finding[] {
    const values = findSensitiveValues(resource.type, resource.props, config);
    if (values.length === 0) return [];
    // Read only when needed: most resources hold no sensitive value.
    const secrets = typeof secretLocations === "function" ? secretLocations() : secretLocations;
    if (!secrets) return [unobservedFinding(resource, values)];
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
    return `${resource.type} "${resource.name}": \`${shown(shownPath(value, secrets))}\` is plaintext but ${describeReason(value.reason, value.namedBy)}, ` +
        "so Pulumi would store it unencrypted in the state file and show it in previews. " + fixFor(resource, value, secrets);
}

/** Why the value is a credential, naming a shape or a provider mark, never quoting the value. */
function describeReason(reason: SensitiveReason, namedBy: string | undefined): string {
    // A name another field gives the value sits where values do: never quoted.
    const name = namedBy !== undefined ? `the name of ${namedBy}` : "its name";
    switch (reason.kind) {
        case "provider": return `is ${reason.what}`;
        case "format": return `holds ${reason.what}`;
        case "pattern": return `${name} matches sensitivePatterns "${shown(reason.pattern)}"`;
        case "name": return `${name} marks a credential`;
        case "name-and-value": return `${name} and its random-looking value mark a credential`;
        case "script": return `passes a credential in ${reason.what}`;
    }
}

const CONTAINER_TYPES = new Set([t.ECS_TASK_DEFINITION, t.BATCH_JOB_DEFINITION]);

function fixFor(resource: PlainResource, value: SensitiveValue, secrets: SecretLocations | undefined): string {
    if (resource.type.startsWith("pulumi:providers:") && value.location.length === 1) {
        const pkg = resource.type.slice("pulumi:providers:".length);
        return `Set it with \`pulumi config set --secret ${pkg}:${shown(String(value.location[0]))} ...\`, or pass \`pulumi.secret(...)\` to an explicit provider.`;
    }
    const document = shownDocumentPath(value, secrets);
    const whole = (path: string) => `make the whole \`${shown(path)}\` a secret (\`pulumi.secret(...)\`, or \`pulumi.jsonStringify\` of secret values)`;
    if (document !== undefined && CONTAINER_TYPES.has(resource.type)) {
        return `Reference it from Secrets Manager or SSM Parameter Store in the container's \`secrets\` (\`valueFrom\`) instead, or ${whole(document)}.`;
    }
    if (value.script) {
        return "Read it at run time instead (from Secrets Manager or SSM Parameter Store: `aws secretsmanager get-secret-value` in a script, " +
            `a container's \`secrets\`), or ${whole(document ?? shownPath(value, secrets))}.`;
    }
    if (document !== undefined) {
        return `Keep it out of the document (reference Secrets Manager or SSM Parameter Store where the service can), or ${whole(document)}.`;
    }
    const managed = MANAGED_PASSWORD_SETTING[resource.type];
    const aws = managed && value.reason.kind === "provider" ? `, or let AWS manage it in Secrets Manager with \`${managed}\`` : "";
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
        message: `${resource.type} "${resource.name}": could not tell whether ${listed} ${paths.length > 1 ? "are" : "is"} secret: ` +
            "the installed @pulumi/policy is not a version this pack can read secretness from (see `npm ls @pulumi/policy`). " +
            "Install the pack with its pinned dependencies, or make the values secrets (`pulumi.secret(...)`) and exempt the resource.",
    };
}

export const secretSensitiveProps = resourcePolicy<SecretSensitivePropsConfig>({
    name: NAME,
    displayName: "Credentials in inputs are secrets",
    description:
        "Credentials in resource inputs (passwords, tokens, API keys, private keys, connection strings, SecureString " +
        "parameter values; in environment variables, JSON documents, scripts and command lines too) must be Pulumi secrets, not plaintext.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Wrap the value in `pulumi.secret(...)` or read it with `config.requireSecret(...)`; for containers, reference " +
        "Secrets Manager or SSM Parameter Store through `secrets` (`valueFrom`). At enforcement level remediate the pack " +
        "wraps plaintext values as secrets itself.",
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
                "names and variables in scripts included), that mark string values as credentials (placeholders such as ${X} " +
                "still pass), e.g. \"*_signing_key\".",
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
    check: (resource, config, facts) => findPlaintextSensitiveValues(resource, config, facts.secretLocations),
    remediate: (resource, config) => {
        const wrapped = wrapPlaintextSensitiveValues(resource, config);
        return wrapped.length > 0 ? resource.props : undefined;
    },
    examples: examples(),
});

/** `n` characters of a repeated pattern: the body of an example token (mixed case and digits, as real ones). */
function filler(n: number, pattern = "a1B2c3D4e5F6g7H8"): string {
    return pattern.repeat(Math.ceil(n / pattern.length)).slice(0, n);
}

function examples(): PolicyExample[] {
    const image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2";
    const code = { [SIG_KEY]: SIG.archive, assets: { "index.js": { [SIG_KEY]: SIG.asset, text: "exports.handler = async () => ({ statusCode: 200 });" } } };
    const fn = (variables: Record<string, unknown>) => ({
        role: "arn:aws:iam::123456789012:role/orders-api", runtime: "nodejs20.x", handler: "index.handler", code,
        environment: { variables },
    });
    return [
        {
            title: "a plaintext password in a Lambda environment, a container environment, an Amazon MQ user and an OpenSearch master user",
            verdict: "fail",
            demo: true,
            note: "The MQ and OpenSearch passwords are marked secret by the provider's schema below the top level, which no SDK wraps. " +
                "Top-level marks (an RDS instance's `password`, an SSM parameter's `value`) @pulumi/aws makes secret itself; " +
                "the policy reports them where they still arrive plaintext, in programs and stack exports whose SDK did not.",
            resources: [
                { type: "aws:lambda/function:Function", name: "orders-api", props: fn({ LOG_LEVEL: "info", DB_PASSWORD: "hunter2-not-real" }) },
                {
                    type: t.ECS_TASK_DEFINITION, name: "orders-worker",
                    props: {
                        family: "orders-worker",
                        containerDefinitions: JSON.stringify([{ name: "worker", image, environment: [{ name: "DB_PASSWORD", value: "hunter2-not-real" }] }]),
                    },
                },
                {
                    type: t.MQ_BROKER, name: "orders-broker",
                    props: {
                        brokerName: "orders", engineType: "RabbitMQ", engineVersion: "3.13", hostInstanceType: "mq.m5.large", autoMinorVersionUpgrade: true,
                        users: [{ username: "orders", password: "hunter2-not-real-42" }],
                    },
                },
                {
                    type: t.OPENSEARCH_DOMAIN, name: "search", protect: true,
                    props: {
                        domainName: "search", engineVersion: "OpenSearch_2.17",
                        clusterConfig: { instanceType: "r7g.large.search" }, ebsOptions: { ebsEnabled: true, volumeSize: 20 },
                        encryptAtRest: { enabled: true }, nodeToNodeEncryption: { enabled: true }, domainEndpointOptions: { enforceHttps: true },
                        advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: true, masterUserOptions: { masterUserName: "admin", masterUserPassword: "Hunter2-not-real!" } },
                    },
                },
            ],
            messageIncludes: "is plaintext but",
        },
        {
            title: "secret config, a Secrets Manager reference, an AWS-managed password and a secret value",
            verdict: "pass",
            demo: true,
            resources: [
                { type: "aws:lambda/function:Function", name: "orders-api", props: fn({ LOG_LEVEL: "info", DB_PASSWORD: { $secret: "hunter2-not-real" } }) },
                {
                    type: t.ECS_TASK_DEFINITION, name: "orders-worker",
                    props: {
                        family: "orders-worker",
                        containerDefinitions: JSON.stringify([{
                            name: "worker", image,
                            secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db-Xy12Zw" }],
                        }]),
                    },
                },
                {
                    type: t.RDS_INSTANCE, name: "billing-db", protect: true,
                    props: {
                        engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true,
                        deletionProtection: true, storageEncrypted: true, backupRetentionPeriod: 7,
                    },
                },
                { type: t.SSM_PARAMETER, name: "webhook-signing-key", props: { name: "/shop/webhook-signing-key", type: "SecureString", value: { $secret: "whsec_not_real_1234" } } },
            ],
            note: "Containers definitions that hold Outputs are built with `pulumi.jsonStringify(...)`: if any value in them is secret, the whole string is secret and passes.",
        },
        {
            title: "credentials found by their shape and on command lines: a connection string, a container argument, a script in user data",
            verdict: "fail",
            resources: [
                { type: "aws:lambda/function:Function", name: "reports-api", props: fn({ LOG_LEVEL: "info", DATABASE_URL: "postgres://reports:Xq8-not-real-Lp2@reports.cluster-c1a2b3.eu-west-1.rds.amazonaws.com:5432/reports" }) },
                {
                    type: t.ECS_TASK_DEFINITION, name: "reports-migrate",
                    props: {
                        family: "reports-migrate",
                        containerDefinitions: JSON.stringify([{ name: "migrate", image, command: ["./migrate", "--host", "reports.internal", "--db-password", "Xq8-not-real-Lp2"] }]),
                    },
                },
                {
                    type: "aws:ec2/instance:Instance", name: "reports-bastion",
                    props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", metadataOptions: { httpTokens: "required" }, userData: "#!/bin/bash\nmysql -h reports.internal -u admin -pXq8-not-real-Lp2 -e 'SELECT 1'\n" },
                },
                {
                    // A .env file written line by line, base64-encoded as launch templates take it.
                    type: "aws:ec2/launchTemplate:LaunchTemplate", name: "reports-web",
                    props: {
                        imageId: "ami-0abcdef1234567890", instanceType: "t3.micro",
                        userData: Buffer.from("#!/bin/bash\ncd /opt/reports\necho 'DB_HOST=reports.internal' >> .env\necho 'DB_PASSWORD=Xq8-not-real-Lp2' >> .env\nsystemctl restart reports\n").toString("base64"),
                    },
                },
            ],
            messageIncludes: "is plaintext but",
            note: "The messages name what was found (\"holds a URL with an embedded password\", \"passes a credential in `mysql -p`\"), never the value.",
        },
        {
            // Tokens built here from a repeated filler, split so that scanners of this repository pass them by.
            title: "prefixed tokens under names that say nothing: an Amazon Bedrock API key, an OpenRouter key, an Atlassian token in user data",
            verdict: "fail",
            docs: false,
            resources: [
                { type: "aws:lambda/function:Function", name: "summarize", props: fn({ LOG_LEVEL: "info", BEDROCK: "AB" + "SKQmVkcm9ja0FQSUtleS1" + filler(108) + "=" }) },
                {
                    type: t.ECS_TASK_DEFINITION, name: "chat-worker",
                    props: {
                        family: "chat-worker",
                        containerDefinitions: JSON.stringify([{ name: "worker", image, environment: [{ name: "OPENROUTER", value: "sk" + "-or-v1-" + filler(64, "0123456789abcdef") }] }]),
                    },
                },
                {
                    type: "aws:ec2/instance:Instance", name: "jira-sync",
                    props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", metadataOptions: { httpTokens: "required" }, userData: `#!/bin/bash\nexport JIRA=${"ATA" + "TT3" + filler(186)}\n/opt/sync/run\n` },
                },
            ],
            messageIncludes: "is plaintext but",
        },
        {
            title: "look-alikes of prefixed tokens: a name after API-, an image digest, a file name, a model name",
            verdict: "pass",
            docs: false,
            resources: [
                {
                    type: "aws:lambda/function:Function", name: "summarize",
                    props: fn({
                        STAGE_LABEL: "API-PRODUCTIONGATEWAYSTAGES", GROQ_MODEL: "llama-3.3-70b-versatile", HARNESS_PIPELINE_FILE: "pat.pipeline.yaml",
                        IMAGE: "registry.acme.example/orders@sha256:" + filler(64, "0123456789abcdef"),
                    }),
                },
            ],
        },
        {
            title: "settings, references and run-time lookups under credential-ish names",
            verdict: "pass",
            resources: [
                {
                    type: "aws:lambda/function:Function", name: "reports-api",
                    props: fn({
                        TOKEN_TTL: "3600", PASSWORD_RESET_QUEUE: "https://sqs.eu-west-1.amazonaws.com/123456789012/password-reset",
                        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: "2773", SECRETS_MANAGER_TTL: "300",
                        DB_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:reports-db-Xy12Zw",
                    }),
                },
                { type: "aws:rds/parameterGroup:ParameterGroup", name: "reports-pg", props: { family: "postgres16", parameters: [{ name: "password_encryption", value: "scram-sha-256" }, { name: "rds.force_ssl", value: "1" }] } },
                {
                    type: "aws:ec2/instance:Instance", name: "reports-bastion",
                    props: {
                        ami: "ami-0abcdef1234567890", instanceType: "t3.micro", metadataOptions: { httpTokens: "required" },
                        userData: "#!/bin/bash\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id reports-db --query SecretString --output text)\n" +
                            "mysql -h reports.internal -u admin -p\"$DB_PASSWORD\" -e 'SELECT 1'\n",
                    },
                },
                {
                    type: t.ECS_TASK_DEFINITION, name: "reports-migrate",
                    props: {
                        family: "reports-migrate",
                        containerDefinitions: JSON.stringify([{
                            name: "migrate", image, command: ["./migrate", "--host", "reports.internal", "--db-password-file", "/run/secrets/db"],
                            secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:reports-db-Xy12Zw" }],
                        }]),
                    },
                },
            ],
            note: "Numbers, durations, queue URLs, ARNs, engine settings and values read at run time are not credentials, whatever their names say.",
        },
        {
            title: "values unknown during a preview",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [{ type: "aws:lambda/function:Function", name: "preview-fn", props: fn({ API_TOKEN: { $unknown: "string" } }) }],
        },
    ];
}
