// Provider knowledge of secret-sensitive-props: the generated list of inputs the installed
// @pulumi/aws marks secret is up to date (a provider upgrade shows up here, in review), every
// curated path exists in the provider's types, and the pack never loads @pulumi/aws.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { AWS_PROVIDER_VERSION, AWS_SECRET_INPUTS } from "../policies/lib/credentials/aws-secret-inputs";
import { NESTED, NOT_CREDENTIALS, OVER_BROAD } from "../policies/lib/credentials/provider";
import { findSensitiveValues, MAX_MARK_DEPTH, SensitiveValue } from "../policies/lib/sensitive";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { awsPackageDir, OUTPUT, renderSecretInputs, scanSecretInputs } from "../tools/gen-aws-secret-inputs";
import { PACK_DIR } from "./helpers/engine";

const AWS_DIR = awsPackageDir();
const NO_OPTIONS = { sensitivePatterns: [], ignoreProperties: [] };

describe("the generated provider marks", () => {
    it("match the installed @pulumi/aws (run `npm run generate:secrets` after upgrading it)", () => {
        const expected = renderSecretInputs(scanSecretInputs(AWS_DIR));
        expect(fs.readFileSync(OUTPUT, "utf8") === expected, `${path.relative(PACK_DIR, OUTPUT)} is stale: run npm run generate:secrets`).toBe(true);
        expect(AWS_PROVIDER_VERSION).toBe(JSON.parse(fs.readFileSync(path.join(AWS_DIR, "package.json"), "utf8")).version);
        // The shape the scan relies on still exists (a codegen change would silently empty the list).
        expect(Object.keys(AWS_SECRET_INPUTS).length).toBeGreaterThan(50);
        expect(AWS_SECRET_INPUTS["aws:rds/instance:Instance"]).toContain("password");
        expect(AWS_SECRET_INPUTS["pulumi:providers:aws"]).toEqual(["accessKey", "secretKey", "token"]);
    });

    it("every over-broad exclusion is a generated mark (else it is stale)", () => {
        const stale = Object.entries(OVER_BROAD).flatMap(([type, inputs]) => inputs.filter((i) => !(AWS_SECRET_INPUTS[type] ?? []).includes(i)).map((i) => `${type} ${i}`));
        expect(stale).toEqual([]);
    });

    it("the pack reads the generated list, never @pulumi/aws itself (over a second of boot)", () => {
        const out = execFileSync(process.execPath, ["-e", `
            require(${JSON.stringify(path.join(PACK_DIR, "dist/policies/index.js"))});
            console.log(Object.keys(require.cache).filter((k) => k.includes("@pulumi/aws")).length);
        `], { encoding: "utf8" });
        expect(out.trim()).toBe("0");
    });
});

// ---------------------------------------------------------------- curated paths exist in the provider's types

const inputTypes = fs.readFileSync(path.join(AWS_DIR, "types/input.d.ts"), "utf8");

/** `interface X {` bodies of types/input.d.ts, by namespace.name. */
const INTERFACES = (() => {
    const out = new Map<string, Map<string, string>>();
    let namespace = "";
    let current: Map<string, string> | undefined;
    for (const line of inputTypes.split("\n")) {
        const ns = /^export declare namespace (\w+) \{/.exec(line);
        if (ns) namespace = ns[1];
        const iface = /^ {4}interface (\w+) \{/.exec(line);
        if (iface) out.set(`${namespace}.${iface[1]}`, (current = new Map()));
        const prop = /^ {8}(\w+)\??: (.*)$/.exec(line);
        if (prop && current) current.set(prop[1], prop[2]);
        if (/^ {4}\}/.test(line)) current = undefined;
    }
    return out;
})();

function argsOf(type: string): Map<string, string> | undefined {
    const file = type === "pulumi:providers:aws" ? "provider.d.ts" : `${type.split(":")[1]}.d.ts`;
    const cls = type === "pulumi:providers:aws" ? "Provider" : type.split(":")[2];
    const full = path.join(AWS_DIR, file);
    if (!fs.existsSync(full)) return undefined;
    const text = fs.readFileSync(full, "utf8");
    const m = new RegExp(`export interface ${cls}Args \\{([\\s\\S]*?)\\n\\}`).exec(text);
    if (!m) return undefined;
    return new Map([...m[1].matchAll(/^ {4}(\w+)\??: (.*)$/gm)].map((p) => [p[1], p[2]]));
}

const referenced = (typeText: string) => [...typeText.matchAll(/inputs\.(\w+)\.(\w+)/g)].map((m) => INTERFACES.get(`${m[1]}.${m[2]}`)).filter((x): x is Map<string, string> => !!x);

/** Where a dotted path does not resolve in the provider's input types, or undefined when it does. */
function unresolved(type: string, dotted: string): string | undefined {
    const args = argsOf(type);
    if (!args) return `${type}: no Args interface`;
    let candidates: Map<string, string>[] = [args];
    const segments = dotted.split(".");
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        if (segment === "*") {
            // A list element (the same interface) or any property (a map of blocks, AppFlow connectors).
            candidates = [...candidates, ...candidates.flatMap((c) => [...c.values()].flatMap(referenced))];
            continue;
        }
        const types = candidates.map((c) => c.get(segment)).filter((x): x is string => x !== undefined);
        if (types.length === 0) return `${type} ${dotted}: no \`${segment}\``;
        candidates = types.flatMap(referenced);
        if (candidates.length === 0 && i < segments.length - 1) {
            // A plain map or string: the rest of the path is map keys (Glue connectionProperties).
            return undefined;
        }
    }
    return undefined;
}

describe("curated provider knowledge", () => {
    it("every nested mark, exclusion and negative path exists in @pulumi/aws's input types", () => {
        const problems = [
            ...Object.entries(NESTED).flatMap(([type, marks]) => marks.map((m) => unresolved(type, m.path))),
            ...Object.entries(OVER_BROAD).flatMap(([type, inputs]) => inputs.map((i) => unresolved(type, i))),
            ...Object.entries(NOT_CREDENTIALS).flatMap(([type, paths]) => paths.map((p) => unresolved(type, p))),
        ].filter((p): p is string => p !== undefined);
        expect(problems).toEqual([]);
    });

    it("every nested mark lies within the depth the walk follows marks to", () => {
        const tooDeep = Object.entries(NESTED).flatMap(([type, marks]) => marks.filter((m) => m.path.split(".").length > MAX_MARK_DEPTH).map((m) => `${type} ${m.path}`));
        expect(tooDeep).toEqual([]);
    });

    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["a VPN pre-shared key, whose name says nothing", "aws:ec2/vpnConnection:VpnConnection", { customerGatewayId: "cgw-1", type: "ipsec.1", tunnel1PresharedKey: "abcd1234.efgh5678" }, ["tunnel1PresharedKey"]],
        ["an API Gateway key `value`", "aws:apigateway/apiKey:ApiKey", { name: "partner", value: "abcdefghij0123456789" }, ["value"]],
        ["a numeric RDS password (a password whatever it looks like)", "aws:rds/instance:Instance", { password: "12345678" }, ["password"]],
        ["an over-broad mark: APNs bundle and team IDs", "aws:pinpoint/apnsChannel:ApnsChannel", { applicationId: "app", bundleId: "com.acme.app", teamId: "ABCDE12345", tokenKeyId: "A1B2C3D4E5" }, []],
        ["a whole-map mark walked by name: MWAA settings", "aws:mwaa/environment:Environment", { airflowConfigurationOptions: { "core.dag_concurrency": "16", "webserver.secret_key": "k3y-abcdefgh-0123456" } }, ["airflowConfigurationOptions.webserver.secret_key"]],
        ["an SSM String parameter is configuration (the SDK marks every value; only SecureString counts)", "aws:ssm/parameter:Parameter", { name: "/app/region", type: "String", value: "us-east-1" }, []],
        ["EventBridge parameters count when isValueSecret", "aws:cloudwatch/eventConnection:EventConnection",
            { authParameters: { invocationHttpParameters: { headers: [{ key: "X-A", value: "v1-abcdefgh", isValueSecret: true }, { key: "X-B", value: "v2-abcdefgh", isValueSecret: false }] } } },
            ["authParameters.invocationHttpParameters.headers.X-A"]],
        ["negative knowledge: an Alexa skill ID as eventSourceToken", "aws:lambda/permission:Permission", { action: "lambda:InvokeFunction", principal: "alexa-appkit.amazon.com", eventSourceToken: "amzn1.ask.skill.12345678-1234-1234-1234-123456789012" }, []],
        ["negative knowledge: parameter groups' password settings", "aws:rds/parameterGroup:ParameterGroup", { family: "postgres16", parameters: [{ name: "password_encryption", value: "scram-sha-256" }] }, []],
        ["the Kubernetes provider marks Secret data", "kubernetes:core/v1:Secret", { metadata: { name: "x" }, stringData: { anything: "plain-text-here" } }, ["stringData.anything"]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(findSensitiveValues(type, props, NO_OPTIONS).map((v) => v.path)).toEqual(expected);
    });
});

// Helper 111's held-out replay: the providers a Pulumi AWS program commonly configures beside it mark their
// credentials (Sensitive in the Terraform providers they bridge). Their SDKs wrap them in programs; a default
// provider's inputs are the stack config as set, plaintext after `pulumi config set` without `--secret`.
describe("other providers' marks", () => {
    const password = "Gh7-not-real-Secret";
    // False alarms first: what sits beside the marks, ciphertext, variables and placeholders.
    const pass: [string, string, Record<string, unknown>][] = [
        ["Datadog provider settings", "pulumi:providers:datadog", { apiUrl: "https://api.datadoghq.eu/", validate: "false", version: "4.51.0" }],
        ["a placeholder for the Datadog API key", "pulumi:providers:datadog", { apiKey: "<FILL_ME_IN>", appKey: "${DATADOG_APP_KEY}" }],
        ["a GitHub secret's encryptedValue: sealed to the repository's public key", "github:index/actionsSecret:ActionsSecret",
            { repository: "orders", secretName: "NPM_TOKEN", encryptedValue: "q7Kx9fP2qLm7Zt4Rw8Nb3Vc6/Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6+Qx1Lm5Vn7Rt9Wb3Yp4Hs6Qx1Lm5Vn7Rt9Wb3==" }],
        ["a GitHub Actions variable under a credential-ish name", "github:index/actionsVariable:ActionsVariable", { repository: "orders", variableName: "DEPLOY_TOKEN_TTL", value: "3600" }],
        ["a Cloudflare DNS record's zone id", "cloudflare:index/record:Record", { zoneId: "023e105f4ecef8ad9ca31a8372d0c353", name: "api", content: "203.0.113.10", type: "A", proxied: true }],
        ["a GitHub provider's owner and base URL", "pulumi:providers:github", { owner: "acme", baseUrl: "https://github.acme.example/api/v3/" }],
    ];
    it.each(pass)("passes %s", (_label, type, props) => {
        expect(findSensitiveValues(type, props, NO_OPTIONS)).toEqual([]);
    });

    const fail: [string, string, Record<string, unknown>, string[]][] = [
        ["Datadog API and application keys (hex, no prefix)", "pulumi:providers:datadog",
            { apiKey: "3f1c2b7a9e4d8f60a5b1c2d3e4f50617", appKey: "9a8b7c6d5e4f30211a2b3c4d5e6f708192a3b4c5", apiUrl: "https://api.datadoghq.com/" }, ["apiKey", "appKey"]],
        ["a Cloudflare API token (no prefix)", "pulumi:providers:cloudflare", { apiToken: "Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1Lm5Vn7Rt9Wb3Y" }, ["apiToken"]],
        ["a Cloudflare global API key", "pulumi:providers:cloudflare", { email: "ops@acme.example", apiKey: "0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c" }, ["apiKey"]],
        ["a New Relic admin key", "pulumi:providers:newrelic", { accountId: "3458712", adminApiKey: "Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1Lm5" }, ["adminApiKey"]],
        ["a GitHub Actions secret's plaintext value", "github:index/actionsSecret:ActionsSecret", { repository: "pulumi-test", secretName: "MY_SECRET", plaintextValue: password }, ["plaintextValue"]],
        ["a Dependabot secret's plaintext value", "github:index/dependabotSecret:DependabotSecret", { repository: "orders", secretName: "NPM_TOKEN", plaintextValue: password }, ["plaintextValue"]],
        ["an environment secret's plaintext value", "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
            { repository: "orders", environment: "production", secretName: "DEPLOY_PASSWORD", plaintextValue: password }, ["plaintextValue"]],
    ];
    it.each(fail)("reports %s", (_label, type, props, expected) => {
        const found = findSensitiveValues(type, props, NO_OPTIONS);
        expect(found.map((v) => v.path)).toEqual(expected);
        expect(found.every((v) => v.reason.kind === "provider")).toBe(true);
    });
});

// Helper 115's held-out replay: more providers beside an AWS program mark their credentials (`secret` in their
// Pulumi schemas, wrapped by their SDKs), and the command provider's `environment` is judged by name and value
// as a Lambda function's variables are. Public keys, key IDs, references and settings pass.
describe("more providers' marks and a command's environment", () => {
    const password = "Gh7-not-real-Secret";
    // False alarms first.
    const pass: [string, string, Record<string, unknown>][] = [
        ["Snowflake key-pair authentication's public keys, login name and e-mail (the SDK wraps them; no credentials)", "snowflake:index/serviceUser:ServiceUser",
            { name: "ORDERS_ETL", loginName: "orders_etl", email: "etl@acme.example", rsaPublicKey: "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw1kHUlKxpAZXb4Pz0X2mJ", rsaPublicKey2: "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq9Zt4Rw8Nb3Vc6" }],
        ["a Snowflake provider's passphrase left to the environment", "pulumi:providers:snowflake", { accountName: "ORDERS", user: "PULUMI", authenticator: "SNOWFLAKE_JWT", privateKeyPassphrase: "${SNOWFLAKE_PRIVATE_KEY_PASSPHRASE}" }],
        ["an Atlas user signing in with an IAM role", "mongodbatlas:index/databaseUser:DatabaseUser", { username: "arn:aws:iam::123456789012:role/orders-api", awsIamType: "ROLE", authDatabaseName: "$external" }],
        ["a Confluent connector's non-sensitive configuration", "confluentcloud:index/connector:Connector",
            { configNonsensitive: { "connector.class": "S3_SINK", "kafka.auth.mode": "SERVICE_ACCOUNT", "kafka.service.account.id": "sa-abc123", "authentication.method": "IAM Roles" } }],
        ["a Docker provider reading registry credentials from a config file", "pulumi:providers:docker",
            { registryAuth: JSON.stringify([{ address: "123456789012.dkr.ecr.us-east-1.amazonaws.com", configFile: "~/.docker/config.json" }]) }],
        ["a Kafka provider with MSK IAM access control", "pulumi:providers:kafka", { saslMechanism: "aws-iam", saslAwsRegion: "us-east-1", tlsEnabled: "true" }],
        ["a command's settings and references under credential names", "command:local:Command",
            { create: "./migrate.sh", environment: { AWS_REGION: "us-east-1", DB_PASSWORD_FILE: "/run/secrets/db", PGPASSFILE: "/home/ci/.pgpass", DB_SECRET_ID: "prod/orders/db", TOKEN_TTL: "3600" } }],
        ["a command's variables expanded at run time and placeholders", "command:remote:Command",
            { connection: { host: "10.0.1.23", user: "ec2-user" }, create: "./deploy.sh", environment: { DB_PASSWORD: "${DB_PASSWORD}", API_TOKEN: "$API_TOKEN", DEPLOY_KEY: "<your-deploy-key>" } }],
        ["a command's other inputs are not an environment (names alone do not count there)", "command:local:Command", { create: "./rotate.sh", dir: "./password-rotation", triggers: ["db-password-v2"] }],
        ["a command line reading its password from stdin (the ECR login AWS documents)", "command:local:Command",
            { create: "aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com" }],
        ["a command line whose password the shell expands, and Helm settings naming a Secret", "command:local:Command",
            { create: "psql \"postgres://admin:${DB_PASSWORD}@orders.internal:5432/orders\" -f schema.sql", update: "helm upgrade --install orders ./chart --set db.existingSecret=orders-db --set auth.passwordKey=password" }],
        // Helper 124: Vault's database secrets engine and PagerDuty's integrations.
        ["a Vault database connection's templated URL, settings, Couchbase CA and ElastiCache's region", "vault:database/secretBackendConnection:SecretBackendConnection",
            { backend: "db", name: "orders", allowedRoles: ["dev"], verifyConnection: true, rootRotationStatements: ["ALTER USER \"{{name}}\" WITH PASSWORD '{{password}}';"],
                postgresql: { connectionUrl: "postgres://{{username}}:{{password}}@orders.internal:5432/orders", username: "vault", passwordAuthentication: "scram-sha-256", maxOpenConnections: 4 },
                couchbase: { hosts: ["cb.internal"], tls: true, base64Pem: "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJzakNDQVZ1Z0F3SUJBZ0lVRXhhbXBsZQ==" },
                redisElasticache: { url: "orders.abc123.clustercfg.use1.cache.amazonaws.com:6379", region: "us-east-1" } }],
        // Helper 133: `data` is judged by name, as an environment (Vault's schema marks the whole map).
        ["a Vault database connection's `data` holding the username for a templated URL", "vault:database/secretBackendConnection:SecretBackendConnection",
            { backend: "db", name: "orders", postgresql: { connectionUrl: "postgres://{{username}}:{{password}}@orders.internal:5432/orders" }, data: { username: "vault", password: "{{password}}" } }],
        ["a Vault database mount's templated URLs and password policy", "vault:database/secretsMount:SecretsMount",
            { path: "db", postgresqls: [{ name: "orders", username: "postgres", connectionUrl: "postgresql://{{username}}:{{password}}@127.0.0.1:5432/postgres", passwordPolicy: "db-policy" }] }],
        ["a PagerDuty integration without its deprecated key input", "pagerduty:index/serviceIntegration:ServiceIntegration", { service: "PABCDEF", type: "events_api_v2_inbound_integration", name: "CloudWatch" }],
    ];
    it.each(pass)("passes %s", (_label, type, props) => {
        expect(findSensitiveValues(type, props, NO_OPTIONS)).toEqual([]);
    });

    const fail: [string, string, Record<string, unknown>, string[], SensitiveValue["reason"]["kind"]][] = [
        ["a Vault KV secret's data, whatever it holds", "vault:kv/secretV2:SecretV2", { mount: "kvv2", name: "orders/config", dataJson: JSON.stringify({ region: "us-east-1" }) }, ["dataJson"], "provider"],
        ["a Vault AWS secrets engine's keys", "vault:aws/secretBackend:SecretBackend", { path: "aws", accessKey: "AKIA2Z3X4C5V6B7N8M9Q", secretKey: "Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1Lm5Vn7Rt9Wb3Y" }, ["accessKey", "secretKey"], "provider"],
        ["a Snowflake user's password", "snowflake:index/user:User", { name: "ORDERS_APP", loginName: "orders_app", password }, ["password"], "provider"],
        ["an Atlas API key's private key (a UUID), not its public key", "pulumi:providers:mongodbatlas", { publicKey: "qwhzvbnm", privateKey: "5a1c52e4-9b3d-4f6a-8c2e-0d1f2a3b4c5d" }, ["privateKey"], "provider"],
        ["an Auth0 Action's secrets", "auth0:index/action:Action", { name: "sync", secrets: [{ name: "CRM_TOKEN", value: password }] }, ["secrets.CRM_TOKEN"], "provider"],
        ["an Auth0 provider's client secret (the schema leaves it unmarked)", "pulumi:providers:auth0", { domain: "acme.eu.auth0.com", clientId: "Zx8Kq2Lm5Vn7Rt9W", clientSecret: password }, ["clientSecret"], "provider"],
        ["a Confluent topic's API key and secret", "confluentcloud:index/kafkaTopic:KafkaTopic", { topicName: "orders", credentials: { key: "ABCDEFGH23456789", secret: password } }, ["credentials.key", "credentials.secret"], "provider"],
        ["a PostgreSQL role's password", "postgresql:index/role:Role", { name: "orders_app", login: true, password }, ["password"], "provider"],
        ["a MySQL provider's password (the schema leaves it unmarked)", "pulumi:providers:mysql", { endpoint: "db.internal:3306", username: "admin", password }, ["password"], "provider"],
        ["a Kafka provider's SASL password (the schema leaves it unmarked)", "pulumi:providers:kafka", { saslMechanism: "scram-sha512", saslUsername: "admin", saslPassword: password }, ["saslPassword"], "provider"],
        ["a PagerDuty provider's API key (the schema leaves it unmarked)", "pulumi:providers:pagerduty", { token: "u+Zx8Kq2Lm5Vn7Rt9Wb3" }, ["token"], "provider"],
        ["a Vault database connection's password, whatever the plugin block", "vault:database/secretBackendConnection:SecretBackendConnection",
            { backend: "db", name: "orders", postgresql: { connectionUrl: "postgres://{{username}}:{{password}}@orders.internal:5432/orders", username: "vault", password } }, ["postgresql.password"], "provider"],
        ["a Vault database connection's Atlas API private key (a UUID: no format)", "vault:database/secretBackendConnection:SecretBackendConnection",
            { backend: "atlas", name: "atlas", mongodbatlas: { projectId: "5f1a2b3c4d5e6f7a8b9c0d1e", publicKey: "qwhzvbnm", privateKey: "5a1c52e4-9b3d-4f6a-8c2e-0d1f2a3b4c5d" } }, ["mongodbatlas.privateKey"], "provider"],
        ["a Vault database connection's `data`, \"a map of sensitive data\": its password, not the username beside it", "vault:database/secretBackendConnection:SecretBackendConnection",
            { backend: "db", name: "orders", postgresql: { connectionUrl: "postgres://{{username}}:{{password}}@orders.internal:5432/orders" }, data: { username: "vault", password } }, ["data.password"], "provider"],
        ["a Vault database mount's `data`: its password, not the username beside it", "vault:database/secretsMount:SecretsMount",
            { path: "db", postgresqls: [{ name: "db2", connectionUrl: "postgresql://{{username}}:{{password}}@127.0.0.1:5432/postgres", data: { username: "vault", password } }] }, ["postgresqls.db2.data.password"], "name"],
        ["a Vault database connection's ElastiCache key pair (the access key ID `Sensitive` in Vault's schema, as the AWS backend's accessKey)", "vault:database/secretBackendConnection:SecretBackendConnection",
            { backend: "cache", name: "redis", redisElasticache: { url: "orders.abc123.clustercfg.use1.cache.amazonaws.com:6379", username: "AKIA2Z3X4C5V6B7N8M9Q", password: "Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1Lm5Vn7Rt9Wb3Y" } },
            ["redisElasticache.username", "redisElasticache.password"], "provider"],
        ["a Vault database mount's ElastiCache key pair", "vault:database/secretsMount:SecretsMount",
            { path: "db", redisElasticaches: [{ name: "cache", url: "orders.abc123.clustercfg.use1.cache.amazonaws.com:6379", username: "AKIA2Z3X4C5V6B7N8M9Q", password: "Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1Lm5Vn7Rt9Wb3Y" }] },
            ["redisElasticaches.cache.username", "redisElasticaches.cache.password"], "provider"],
        ["a Vault database mount's passwords, in its list blocks", "vault:database/secretsMount:SecretsMount",
            { path: "db", mssqls: [{ name: "db1", username: "sa", password, connectionUrl: "sqlserver://{{username}}:{{password}}@127.0.0.1:1433" }], postgresqls: [{ name: "db2", username: "postgres", passwordWo: password }] },
            ["mssqls.db1.password", "postgresqls.db2.passwordWo"], "provider"],
        ["a PagerDuty integration key set as the deprecated input (the schema leaves it unmarked)", "pagerduty:index/serviceIntegration:ServiceIntegration",
            { service: "PABCDEF", type: "events_api_v2_inbound_integration", name: "CloudWatch", integrationKey: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" }, ["integrationKey"], "provider"],
        ["a remote command's SSH password", "command:remote:Command", { connection: { host: "10.0.1.23", user: "ubuntu", password }, create: "uptime" }, ["connection.password"], "provider"],
        ["a Docker provider's registry password, in its JSON string", "pulumi:providers:docker",
            { registryAuth: JSON.stringify([{ address: "registry.acme.example", username: "ci", password }]) }, ["registryAuth.0.password"], "name"],
        ["a command's environment given away by its name", "command:local:Command", { create: "npm run migrate", environment: { AWS_REGION: "us-east-1", DB_PASSWORD: password } }, ["environment.DB_PASSWORD"], "name"],
        ["a remote command's environment with a random value under a name that may hold a credential", "command:remote:Command",
            { connection: { host: "10.0.1.23" }, create: "./register.sh", environment: { STRIPE_KEY: "Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1Lm5Vn" } }, ["environment.STRIPE_KEY"], "name-and-value"],
        ["a command line with an inline PGPASSWORD (run with /bin/sh -c, as user data)", "command:local:Command", { create: `PGPASSWORD=${password} psql -h orders.internal -f schema.sql` }, ["create"], "script"],
        ["a remote command's `mysql -p`", "command:remote:Command", { connection: { host: "10.0.1.23" }, create: "uptime", delete: `mysql -u admin -p${password} -e 'DROP DATABASE orders'` }, ["delete"], "script"],
    ];
    it.each(fail)("reports %s", (_label, type, props, expected, kind) => {
        const found = findSensitiveValues(type, props, NO_OPTIONS);
        expect(found.map((v) => v.path)).toEqual(expected);
        expect(found.every((v) => v.reason.kind === kind)).toBe(true);
    });

    it("an unknown environment, or an unknown value in it, passes quietly", () => {
        expect(findSensitiveValues("command:local:Command", { create: "npm run migrate", environment: UNKNOWN_SENTINELS.string }, NO_OPTIONS)).toEqual([]);
        expect(findSensitiveValues("command:local:Command", { create: "npm run migrate", environment: { DB_PASSWORD: UNKNOWN_SENTINELS.string } }, NO_OPTIONS)).toEqual([]);
        expect(findSensitiveValues("vault:generic/secret:Secret", { path: "secret/x", dataJson: UNKNOWN_SENTINELS.string }, NO_OPTIONS)).toEqual([]);
        expect(findSensitiveValues("command:remote:Command", { connection: UNKNOWN_SENTINELS.string, create: UNKNOWN_SENTINELS.string }, NO_OPTIONS)).toEqual([]);
        expect(findSensitiveValues("vault:database/secretBackendConnection:SecretBackendConnection", { backend: "db", postgresql: UNKNOWN_SENTINELS.string, data: UNKNOWN_SENTINELS.string }, NO_OPTIONS)).toEqual([]);
        expect(findSensitiveValues("vault:database/secretBackendConnection:SecretBackendConnection",
            { backend: "db", data: { username: "vault", password: UNKNOWN_SENTINELS.string }, redisElasticache: { url: "x.cache.amazonaws.com:6379", username: UNKNOWN_SENTINELS.string, password: UNKNOWN_SENTINELS.string } }, NO_OPTIONS)).toEqual([]);
        expect(findSensitiveValues("vault:database/secretsMount:SecretsMount", { path: "db", redisElasticaches: [{ name: "cache", username: UNKNOWN_SENTINELS.string }], postgresqls: [{ name: "db2", data: UNKNOWN_SENTINELS.string }] }, NO_OPTIONS)).toEqual([]);
        expect(findSensitiveValues("vault:database/secretsMount:SecretsMount", { path: "db", postgresqls: [{ name: UNKNOWN_SENTINELS.string, password: "Gh7-not-real-Secret" }, { name: "db2", password: UNKNOWN_SENTINELS.string }] }, NO_OPTIONS)).toEqual([]);
        expect(findSensitiveValues("pagerduty:index/serviceIntegration:ServiceIntegration", { service: "PABCDEF", integrationKey: UNKNOWN_SENTINELS.string }, NO_OPTIONS)).toEqual([]);
    });
});
