import * as fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { Secret } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { SIG, SIG_KEY, wireSecret as secret } from "../policies/lib/wire";
import { PolicyPackConfig } from "../cli/engine/policy-config";
import { InputError, loadInputFile, parseInput } from "../cli/inputs";
import { PlainResource } from "../policies/lib/rule";
import { isUnusable } from "../policies/lib/credentials/shapes";
import { collectSecretLocations, findSensitiveValues, SecretLocations, nameLooksSensitive, SensitiveOptions, SensitiveValue } from "../policies/lib/sensitive";
import { fake } from "../fixtures/secret-sensitive-props/evaluation/fake";
import { EMPTY_TEXT_ASSET_HASH, UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { findPlaintextSensitiveValues, wrapPlaintextSensitiveValues } from "../policies/secret-sensitive-props";
import { EngineRun, FIXTURES, useEngine } from "./helpers/engine";
import { assertNotShown } from "./helpers/secrets";
import { resource } from "./helpers/resources";

const POLICY = "secret-sensitive-props";
const FIXTURE_DIR = path.join(FIXTURES, POLICY);
const NO_OPTIONS: SensitiveOptions = { sensitivePatterns: [], ignoreProperties: [] };
const U = UNKNOWN_SENTINELS.string;

// Every credential value in this file starts with one of these, so that one scan can prove
// no message, remediation diagnostic or log ever shows any of them, not even a prefix.
const PLAIN = "Pl41n";
const SECRET = "S3cr3t";
const VALUE_MARKERS = [PLAIN, SECRET, "postgres://"];
/** Every text the pack produced in this file; scanned by the last test. */
const produced: string[] = [];


function paths(type: string, props: Record<string, unknown>, options: SensitiveOptions = NO_OPTIONS): string[] {
    return findSensitiveValues(type, props, options).map((v) => v.path);
}

const ARCHIVE = {
    [SIG_KEY]: SIG.archive,
    assets: { "index.js": { [SIG_KEY]: SIG.asset, text: "exports.handler = async () => ({ statusCode: 200 });" } },
};

// ---------------------------------------------------------------- names

describe("nameLooksSensitive", () => {
    const sensitive = [
        "password", "Password", "masterPassword", "masterPasswordWo", "adminUserPassword", "DB_PASSWORD", "db-password", "dbPassword",
        "DBPASSWORD", "DB_PWD", "passwd", "passphrase", "keyPassphrase", "secret", "clientSecret", "client_secret", "JWT_SECRET",
        "AWS_SECRET_ACCESS_KEY", "secretKey", "accessKeySecret", "secretString", "secretBinary", "apiKey", "API_KEY", "x-api-key",
        "APIKey", "STRIPE_API_KEY", "privateKey", "PRIVATE_KEY", "connectionString", "CONNECTION_STRING", "authToken", "GITHUB_TOKEN",
        "token", "accessToken", "refresh_token", "webIdentityToken", "credentials", "GOOGLE_CREDENTIALS", "basicAuthCredentials",
        "sharedSecret", "tokenKey",
        // Abbreviations, key kinds and ingest tokens (second generation).
        "DB_PASS", "KEYSTORE_PASS", "adminpass", "MYSQL_PWD", "ENCRYPTION_KEY", "SIGNING_KEY", "HMAC_KEY", "MASTER_KEY", "APP_KEY", "APP_KEYS",
        "LICENSE_KEY", "SESSION_KEY", "DD_APP_KEY", "NEW_RELIC_LICENSE_KEY", "LOGTAIL_SOURCE_TOKEN", "SUPABASE_SERVICE_ROLE_KEY", "REDIS_AUTH",
        "BASIC_AUTH", "Authorization", "GH_PAT", "CONSUL_HTTP_TOKEN", "PRIVATE_KEY_PEM", "webserver.secret_key", "--db-password",
        "apiKeyValue", "HMAC_SHA256_SECRET", "x-honeycomb-team",
        // WordPress's keys and salts (helper 28).
        "AUTH_SALT", "NONCE_SALT", "WORDPRESS_LOGGED_IN_KEY", "WORDPRESS_SECURE_AUTH_SALT", "WP_NONCE_KEY",
    ];
    const notSensitive = [
        "username", "masterUsername", "secretArn", "secretId", "secretName", "SECRET_NAME", "DB_PASSWORD_SECRET_ARN", "kmsKeyId",
        "masterUserSecretKmsKeyId", "masterPasswordSecretKmsKeyId", "passwordLength", "passwordPolicy", "PASSWORD_MIN_LENGTH",
        "TOKEN_URL", "tokenEndpoint", "clientToken", "creationToken", "nextToken",
        "dkimTokens", "grantTokens", "authTokenUpdateStrategy", "tokenSigningPublicKeys", "publicKey",
        "encryptedPassword", "accessKey", "keyName", "tokenValidityUnits", "secretVersionStages", "apiKeySource", "apiKeyId",
        "secretsManagerArn", "credentialsParameter", "DB_PASSWORD_FILE", "description", "LOG_LEVEL", "secretary", "tokenizer",
        // Second generation: settings, references and look-alikes.
        "SESSION_TOKENS_TABLE", "PASSWORD_RESET_QUEUE", "PASSWORD_RESET_TEMPLATE", "TOKEN_AUDIENCE", "SECRETS_BACKEND", "SECRET_STORE",
        "secrets.backend_kwargs", "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "SECRETS_MANAGER_TIMEOUT_MILLIS", "tokenBucketRateLimiterCapacity",
        "MAX_TOKENS", "OPENAI_MAX_TOKENS", "PASSWORD_HASH_ROUNDS", "ACCESS_TOKEN_LIFETIME", "existingSecret", "adminPasswordKey",
        "passwordLastChanged", "skipCredentialsValidation", "PARTITION_KEY", "CACHE_KEY", "IDEMPOTENCY_KEY", "KMS_KEY_ID", "SSH_PUBLIC_KEY",
        "TOKENIZERS_PARALLELISM", "PASSPORT_STRATEGY", "COMPASS_URL", "KEYBOARD_LAYOUT", "passthroughBehavior", "--password-stdin", "--password-file",
        // Data structures named after keys and values, and a credential's hash.
        "resourceKeyValuePairs", "keyValuePairs", "KeyValueStore", "PASSWORD_SHA256", "adminPasswordBcrypt", "x-honeycomb-dataset",
        // Salts that key nothing, and bare names that may name a storage key (helper 28).
        "HASHIDS_SALT", "WP_CACHE_KEY_SALT", "LOGGED_IN_KEY", "NONCE_KEY",
    ];
    it.each(sensitive)("%s holds a credential", (name) => expect(nameLooksSensitive(name)).toBe(true));
    it.each(notSensitive)("%s does not", (name) => expect(nameLooksSensitive(name)).toBe(false));
});

// ---------------------------------------------------------------- what is sensitive

describe("findSensitiveValues (pure)", () => {
    const ecsContainers = (containers: unknown[]) => ({ family: "app", containerDefinitions: JSON.stringify(containers) });
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["Lambda environment variables by name", "aws:lambda/function:Function",
            { environment: { variables: { LOG_LEVEL: "debug", DB_PASSWORD: `${PLAIN}-a`, API_TOKEN: `${PLAIN}-b`, SECRET_NAME: "orders" } } },
            ["environment.variables.DB_PASSWORD", "environment.variables.API_TOKEN"]],
        ["a URL with an embedded password, whatever its name", "aws:lambda/function:Function",
            { environment: { variables: { DATABASE_URL: `postgres://app:${PLAIN}@db:5432/orders`, HOME_URL: "https://shop.example.com/" } } },
            ["environment.variables.DATABASE_URL"]],
        ["ECS containerDefinitions: a JSON string, name/value pairs by name", "aws:ecs/taskDefinition:TaskDefinition",
            ecsContainers([{ name: "web", image: "nginx", environment: [{ name: "PORT", value: "80" }, { name: "DB_PASSWORD", value: `${PLAIN}-c` }],
                secrets: [{ name: "API_KEY", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-AbCdEf" }] }]),
            ["containerDefinitions.web.environment.DB_PASSWORD"]],
        ["ECS log-router secretOptions reference secrets and pass", "aws:ecs/taskDefinition:TaskDefinition",
            ecsContainers([{ name: "web", logConfiguration: { logDriver: "splunk", secretOptions: [{ name: "splunk-token", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/splunk" }] } }]),
            []],
        ["malformed containerDefinitions are the provider's to reject", "aws:ecs/taskDefinition:TaskDefinition",
            { containerDefinitions: `[{"name":"web","environment":[{"name":"DB_PASSWORD","value":"${PLAIN}-d"` }, []],
        ["Batch containerProperties and nodeProperties (JSON strings)", "aws:batch/jobDefinition:JobDefinition",
            { type: "container",
                containerProperties: JSON.stringify({ image: "busybox", environment: [{ name: "API_TOKEN", value: `${PLAIN}-e` }] }),
                nodeProperties: JSON.stringify({ mainNode: 0, numNodes: 2, nodeRangeProperties: [{ targetNodes: "0:", container: { environment: [{ name: "MPI_SECRET", value: `${PLAIN}-f` }] } }] }) },
            ["containerProperties.environment.API_TOKEN", "nodeProperties.nodeRangeProperties.0.container.environment.MPI_SECRET"]],
        ["Batch eksProperties (an object), containers by name", "aws:batch/jobDefinition:JobDefinition",
            { type: "container", eksProperties: { podProperties: { containers: [{ name: "app", image: "busybox", envs: [{ name: "API_KEY", value: `${PLAIN}-g` }] }] } } },
            ["eksProperties.podProperties.containers.app.envs.API_KEY"]],
        ["Elastic Beanstalk settings by option name", "aws:elasticbeanstalk/environment:Environment",
            { application: "shop", settings: [
                { namespace: "aws:elasticbeanstalk:application:environment", name: "STRIPE_SECRET", value: `${PLAIN}-h` },
                { namespace: "aws:rds:dbinstance", name: "DBPassword", value: `${PLAIN}-i` },
                { namespace: "aws:autoscaling:launchconfiguration", name: "InstanceType", value: "t3.small" }] },
            ["settings.STRIPE_SECRET", "settings.DBPassword"]],
        ["App Runner variables by name; runtimeEnvironmentSecrets hold ARNs", "aws:apprunner/service:Service",
            { serviceName: "web", sourceConfiguration: { imageRepository: { imageIdentifier: "public.ecr.aws/nginx/nginx:latest", imageRepositoryType: "ECR_PUBLIC",
                imageConfiguration: { port: "8080", runtimeEnvironmentVariables: { SESSION_SECRET: `${PLAIN}-j`, REGION: "us-east-1" },
                    runtimeEnvironmentSecrets: { DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" } } } } },
            ["sourceConfiguration.imageRepository.imageConfiguration.runtimeEnvironmentVariables.SESSION_SECRET"]],
        ["CodeBuild PLAINTEXT variables by name; PARAMETER_STORE and SECRETS_MANAGER hold references", "aws:codebuild/project:Project",
            { environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER", environmentVariables: [
                { name: "NPM_TOKEN", value: `${PLAIN}-k`, type: "PLAINTEXT" },
                { name: "SONAR_TOKEN", value: "/ci/sonar-token", type: "PARAMETER_STORE" },
                { name: "DOCKER_PASSWORD", value: "ci/docker:password", type: "SECRETS_MANAGER" }] } },
            ["environment.environmentVariables.NPM_TOKEN"]],
        ["SSM SecureString value, whatever its name", "aws:ssm/parameter:Parameter", { name: "/app/key", type: "SecureString", value: `${PLAIN}-l` }, ["value"]],
        ["SSM String value is not a credential", "aws:ssm/parameter:Parameter", { name: "/app/region", type: "String", value: "us-east-1" }, []],
        ["SSM parameter whose type is unknown at preview", "aws:ssm/parameter:Parameter", { name: "/app/key", type: U, value: `${PLAIN}-m` }, []],
        ["Secrets Manager secret version", "aws:secretsmanager/secretVersion:SecretVersion",
            { secretId: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", secretString: `{"password":"${PLAIN}-n"}` }, ["secretString"]],
        ["RDS instance master password", "aws:rds/instance:Instance", { engine: "postgres", username: "app", password: `${PLAIN}-o` }, ["password"]],
        ["Aurora, Redshift and DocumentDB master passwords", "aws:rds/cluster:Cluster", { masterUsername: "app", masterPassword: `${PLAIN}-p` }, ["masterPassword"]],
        ["Redshift master password", "aws:redshift/cluster:Cluster", { masterUsername: "app", masterPassword: `${PLAIN}-q` }, ["masterPassword"]],
        ["DocumentDB master password", "aws:docdb/cluster:Cluster", { masterUsername: "app", masterPassword: `${PLAIN}-r` }, ["masterPassword"]],
        ["ElastiCache AUTH token (not authTokenUpdateStrategy)", "aws:elasticache/replicationGroup:ReplicationGroup",
            { description: "sessions", authToken: `${PLAIN}-s`, authTokenUpdateStrategy: "ROTATE", transitEncryptionEnabled: true }, ["authToken"]],
        ["ElastiCache user passwords (a list)", "aws:elasticache/user:User",
            { userId: "app", userName: "app", engine: "redis", accessString: "on ~* +@all", passwords: [`${PLAIN}-t`, `${PLAIN}-u`] }, ["passwords.0", "passwords.1"]],
        ["MQ broker users", "aws:mq/broker:Broker",
            { brokerName: "events", engineType: "ActiveMQ", users: [{ username: "admin", password: `${PLAIN}-v`, consoleAccess: true }] }, ["users.0.password"]],
        ["OpenSearch master user password", "aws:opensearch/domain:Domain",
            { advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: true, masterUserOptions: { masterUserName: "admin", masterUserPassword: `${PLAIN}-w` } } },
            ["advancedSecurityOptions.masterUserOptions.masterUserPassword"]],
        ["booleans, numbers, empty strings, ARNs and unknowns are not credentials", "aws:rds/instance:Instance",
            { manageMasterUserPassword: true, passwordLength: 16, password: "", masterUserSecretKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1", apiKey: U }, []],
        ["settings describing a credential are not credentials (Cognito tokenValidityUnits)", "aws:cognito/userPoolClient:UserPoolClient",
            { userPoolId: "us-east-1_Ab", tokenValidityUnits: { accessToken: "hours", idToken: "hours", refreshToken: "days" } }, []],
        // LocalStack accepts any credential: a word beside an endpoint at it is a dummy. Only an
        // endpoint's name counts, as only there could an unknown point at it too.
        ["a word beside an endpoint at LocalStack is a dummy; a generated-looking key is not", "aws:lambda/function:Function",
            { environment: { variables: { AWS_ENDPOINT_URL: "http://localstack:4566", DB_PASSWORD: "Winter2024!x", API_TOKEN: `${PLAIN}Ab3dE6gH9jK2mN5pQ8` } } },
            ["environment.variables.API_TOKEN"]],
        ["an endpoint unknown at preview may be LocalStack's: a word beside it passes until the endpoint is known", "aws:lambda/function:Function",
            { environment: { variables: { DB_HOST: U, DB_PASSWORD: "Winter2024!x", API_TOKEN: `${PLAIN}Ab3dE6gH9jK2mN5pQ8` } } },
            ["environment.variables.API_TOKEN"]],
        ["localhost in a value that is not an endpoint says nothing", "aws:lambda/function:Function",
            { environment: { variables: { ALLOWED_ORIGIN: "http://localhost:4566", DB_PASSWORD: "Winter2024!x" } } },
            ["environment.variables.DB_PASSWORD"]],
        ["odd shapes do not throw", "aws:lambda/function:Function",
            { environment: { variables: null }, tags: [null, 3, [`x`]], layers: "not-a-list", vpcConfig: [] }, []],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(paths(type, props)).toEqual(expected);
    });

    // Provider inputs whose names mention credentials but hold settings, names or references
    // (from a review of every such name in @pulumi/aws v7's input types).
    const providerSettings: [string, Record<string, unknown>][] = [
        ["aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } }],
        ["aws:kms/key:Key", { customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" }],
        ["aws:eks/nodeGroup:NodeGroup", { clusterName: "prod", remoteAccess: { ec2SshKey: "ops-2024", sourceSecurityGroupIds: ["sg-1"] } }],
        ["aws:eks/nodeGroup:NodeGroup", { clusterName: "prod", remoteAccess: { ec2SshKey: "deploy" } }],
        ["aws:storagegateway/gateway:Gateway", { gatewayName: "branch", gatewayTimezone: "GMT", activationKey: "ABCDE-12345-FGHIJ-67890-KLMNO" }],
        ["aws:apigateway/method:Method", { restApi: "a1b2c3", resourceId: "r1", httpMethod: "GET", authorization: "CUSTOM", authorizerId: "az1" }],
        ["aws:apigateway/authorizer:Authorizer", { name: "jwt", restApi: "a1b2c3", authorizerCredentials: "arn:aws:iam::123456789012:role/apigw-invoke", identitySource: "method.request.header.Authorization" }],
        ["aws:rds/proxy:Proxy", { name: "orders", engineFamily: "POSTGRESQL", roleArn: "arn:aws:iam::123456789012:role/proxy", vpcSubnetIds: ["subnet-1"], auths: [{ authScheme: "SECRETS", iamAuth: "REQUIRED", secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }] }],
        ["aws:workspaces/workspace:Workspace", { directoryId: "d-1", bundleId: "wsb-1", userName: "jdoe", volumeEncryptionKey: "alias/aws/workspaces", rootVolumeEncryptionEnabled: true }],
        ["aws:codebuild/project:Project", { name: "ci", environment: { image: "acme/ci:1", registryCredential: { credential: "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf", credentialProvider: "SECRETS_MANAGER" } } }],
        ["aws:iam/userLoginProfile:UserLoginProfile", { user: "jdoe", pgpKey: "keybase:jdoe", passwordLength: 20, passwordResetRequired: true }],
        ["aws:iam/accessKey:AccessKey", { user: "ci", pgpKey: "mQENBFxyz0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ" }],
        ["aws:cloudfront/publicKey:PublicKey", { name: "signing", encodedKey: "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0123456789\n-----END PUBLIC KEY-----\n" }],
        ["aws:s3/bucketObjectv2:BucketObjectv2", { bucket: "assets", key: "assets/4f1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9.zip", source: { path: "./dist.zip" } }],
        ["aws:dynamodb/table:Table", { hashKey: "tenantId", rangeKey: "createdAt", attributes: [{ name: "tenantId", type: "S" }] }],
        ["aws:datasync/locationObjectStorage:LocationObjectStorage", { serverHostname: "minio.internal", bucketName: "exports", accessKey: "Q3AM3UQ867SPQQA43P2F" }],
        ["aws:verifiedaccess/endpoint:Endpoint", { attachmentType: "vpc", domainCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", serverNameToVerify: "app.internal.example" }],
        ["aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings", { dataCatalogEncryptionSettings: { connectionPasswordEncryption: { awsKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1", returnConnectionPasswordEncrypted: true } } }],
        ["aws:msk/cluster:Cluster", { clusterName: "events", clientAuthentication: { sasl: { iam: true, scram: true }, unauthenticated: false } }],
    ];
    it.each(providerSettings)("%s: settings under credential-ish names pass", (type, props) => {
        expect(paths(type, props)).toEqual([]);
    });

    it("huge, deep and shared inputs: no throw, no slowdown, bounded messages", () => {
        let deep: unknown = { DB_PASSWORD: `${PLAIN}-deep` };
        for (let i = 0; i < 20_000; i++) deep = i % 2 ? [deep] : { nested: deep };
        const shared: Record<string, unknown> = { apiKey: `${PLAIN}-shared` };
        let dag: unknown = shared;
        for (let i = 0; i < 64; i++) dag = { a: dag, b: dag }; // 2^64 paths as a tree
        const hugeKey = "A".repeat(200_000) + "_PASSWORD";
        const started = Date.now();
        expect(paths("aws:lambda/function:Function", { deep })).toHaveLength(1);
        expect(paths("aws:lambda/function:Function", { dag })).toHaveLength(1);
        const huge = resource("aws:lambda/function:Function", { environment: { variables: { [hugeKey]: `${PLAIN}-huge`, X: "x".repeat(1 << 20) } } });
        const messages = [
            ...findPlaintextSensitiveValues(huge, NO_OPTIONS, new SecretLocations()),
            ...findPlaintextSensitiveValues(huge, NO_OPTIONS, undefined),
        ].map((f) => f.message);
        produced.push(...messages);
        expect(messages).toHaveLength(2);
        for (const m of messages) expect(m.length).toBeLessThan(2000);
        expect(collectSecretLocations({ deep, dag }).size).toBe(0);
        expect(Date.now() - started).toBeLessThan(5000);
    });

    // Three credential shapes on command lines (run 17, M8-M10): harmless look-alikes first.
    describe("JVM system properties, Windows passwords and request headers", () => {
        const LAMBDA = "aws:lambda/function:Function";
        const INSTANCE = "aws:ec2/instance:Instance";
        const env = (vars: Record<string, string>) => ({ environment: { variables: vars } });
        const ecsCommand = (command: string[]) => ({ family: "app", containerDefinitions: JSON.stringify([{ name: "app", image: "acme/app:1", command }]) });
        const harmless: [string, string, Record<string, unknown>][] = [
            ["JVM settings, paths and a password file's path", LAMBDA, env({
                JAVA_TOOL_OPTIONS: "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8",
                JAVA_OPTS: "-Djavax.net.ssl.trustStore=/etc/ssl/cacerts -Dcom.sun.management.jmxremote.password.file=/etc/jmx.password -Dpassword.encoder=bcrypt -Dtoken.ttl=3600",
                NODE_OPTIONS: "--max-old-space-size=4096 --enable-source-maps", KUBELET_EXTRA_ARGS: "--node-labels=pool=workers --max-pods=110" })],
            ["system properties filled at run time", LAMBDA, env({ JAVA_OPTS: "-Dspring.datasource.password=${DB_PASSWORD} -Djavax.net.ssl.keyStorePassword=$KEYSTORE_PASSWORD" })],
            ["-D settings in a container command and in user data", "aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["java", "-Dspring.profiles.active=prod", "-Dx.password=${DB}", "-jar", "app.jar"])],
            // A last segment `key` is judged with the one before it (helper 36): S3A's access key ID,
            // its SSE-KMS key (an ARN, a key ID, an alias) and a key store's path name no secret.
            ["S3A's key ID, KMS key and a key store path as -D", LAMBDA, env({ JAVA_OPTS: "-Dfs.s3a.access.key=AKIAQ3ZJX7T2LMN4PW6R " +
                "-Dfs.s3a.server-side-encryption.key=1234abcd-12ab-34cd-56ef-1234567890ab -Dfs.s3a.encryption.key=alias/acme-lake " +
                "-Dspark.ssl.keyStore=/etc/pki/spark/keystore.jks -Dcache.key=orders -Dfs.s3a.secret.key=${AWS_SECRET_ACCESS_KEY}" })],
            ["build lines with -D", INSTANCE, { userData: "#!/bin/bash\nmvn -B package -DskipTests -Drevision=1.2.3\ncmake -DCMAKE_BUILD_TYPE=Release -DWITH_SSL=ON ..\njava $JAVA_OPTS -Dserver.port=8080 -jar app.jar\n" }],
            ["net user with a variable, a prompt, options; prose", INSTANCE, { userData: "<powershell>\nnet user Administrator $env:ADMIN_PASSWORD\nnet user Developer $pw /add\n" +
                "net user deploy (Get-SSMParameter -Name /win/admin -WithDecryption $true).Value /add\nnet user Guest /active:no\nnet user ops *\n# Use net user to reset it later\n</powershell>\n" }],
            ["net user with a cmd variable", INSTANCE, { userData: "<script>\nnet user admin %ADMIN_PW% /add\n</script>\n" }],
            ["ConvertTo-SecureString from a variable, a lookup, an encrypted string", INSTANCE, { userData: "<powershell>\n$s = ConvertTo-SecureString $pw -AsPlainText -Force\n" +
                "$t = ConvertTo-SecureString -String (Get-SSMParameter -Name /x -WithDecryption $true).Value -AsPlainText -Force\n$u = ConvertTo-SecureString \"$($cfg.Password)\" -AsPlainText -Force\n" +
                "$v = ConvertTo-SecureString \"01000000d08c9ddf0115d1118c7a00c04fc297eb\"\n</powershell>\n" }],
            ["ordinary and run-time request headers", INSTANCE, { userData: "#!/bin/bash\ncurl -X POST -H \"Content-Type: application/json\" -H \"X-Request-Id: $(uuidgen)\" -H 'Accept: application/json' " +
                "-H \"X-Api-Key: $API_KEY\" -H \"Authorization: Bearer $GITHUB_TOKEN\" -H \"Authorization: token ${GH_TOKEN}\" https://x\n" +
                "curl -H \"X-aws-ec2-metadata-token:$TOKEN\" -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\" http://169.254.169.254/latest/meta-data/\n" }],
        ];
        it.each(harmless)("%s passes", (_label, type, props) => expect(paths(type, props)).toEqual([]));

        const found: [string, string, Record<string, unknown>, string, string][] = [
            ["a password property in JAVA_TOOL_OPTIONS", LAMBDA, env({ JAVA_TOOL_OPTIONS: `-Xmx512m -Dspring.datasource.password=${PLAIN}Xk9mP2vL7qRt -Dfile.encoding=UTF-8` }),
                "environment.variables.JAVA_TOOL_OPTIONS", "a JVM system property (`-D`)"],
            ["a keystore password in a container command", "aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["java", `-Djavax.net.ssl.keyStorePassword=${PLAIN}Ks7pQ2mX9vLr`, "-jar", "app.jar"]),
                "containerDefinitions.app.command.1", "a JVM system property (`-D`)"],
            ["an S3A secret key as -D in SPARK_DAEMON_JAVA_OPTS", LAMBDA, env({ SPARK_DAEMON_JAVA_OPTS: `-Dfs.s3a.access.key=AKIAQ3ZJX7T2LMN4PW6R -Dfs.s3a.bucket.acme-lake.secret.key=${PLAIN}q1W2e3R4t5Y6u7I8o9P0` }),
                "environment.variables.SPARK_DAEMON_JAVA_OPTS", "a JVM system property (`-D`)"],
            ["an S3A secret key as -D in a container command", "aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["java", `-Dfs.s3a.secret.key=${PLAIN}Kz8fakeSecret24x`, "-jar", "app.jar"]),
                "containerDefinitions.app.command.1", "a JVM system property (`-D`)"],
            ["a password property on a java line", INSTANCE, { userData: `#!/bin/bash\njava -Dx.password=${PLAIN}Xk9mP2vL7qRt -jar app.jar\n` }, "userData", "a JVM system property (`-D`)"],
            ["net user NAME PASSWORD", INSTANCE, { userData: `<powershell>\nnet user Administrator "${PLAIN}Wn7#pQ2mXv9L"\n</powershell>\n` }, "userData", "`net user`"],
            ["net user NAME PASSWORD /add", INSTANCE, { userData: `<script>\nnet user svc-app ${PLAIN}Wn7pQ2mXv9Lq /add\n</script>\n` }, "userData", "`net user`"],
            ["ConvertTo-SecureString of a literal", INSTANCE, { userData: `<powershell>\n$AdminPassword = ConvertTo-SecureString "${PLAIN}Wn8#pQ2mXv9L" -AsPlainText -Force\n</powershell>\n` },
                "userData", "`ConvertTo-SecureString -AsPlainText`"],
            ["ConvertTo-SecureString -String of a literal", INSTANCE, { userData: `<powershell>\n$s = ConvertTo-SecureString -AsPlainText -Force -String '${PLAIN}Wn8#pQ2mXv9L'\n</powershell>\n` },
                "userData", "`ConvertTo-SecureString -AsPlainText`"],
            ["a literal piped to ConvertTo-SecureString", INSTANCE, { userData: `<powershell>\n$s = '${PLAIN}Wn8#pQ2mXv9L' | ConvertTo-SecureString -AsPlainText -Force\n</powershell>\n` },
                "userData", "`ConvertTo-SecureString -AsPlainText`"],
            ["curl -H X-Api-Key", INSTANCE, { userData: `#!/bin/bash\ncurl -fsS -H "X-Api-Key: ${PLAIN}9c2f7a1e4b8d3f6a0e5c9b2d" https://api.example.com/register\n` }, "userData", "a request header (`curl -H`)"],
            ["curl --header X-Auth-Token", INSTANCE, { userData: `#!/bin/bash\ncurl --header 'X-Auth-Token: ${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp' https://x\n` }, "userData", "a request header (`curl -H`)"],
            ["wget --header=Private-Token", INSTANCE, { userData: `#!/bin/bash\nwget --header="Private-Token: ${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp" https://x\n` }, "userData", "a request header (`curl -H`)"],
        ];
        it.each(found)("%s is reported", (_label, type, props, path, what) => {
            const values = findSensitiveValues(type, props, NO_OPTIONS);
            expect(values.map((v) => v.path)).toEqual([path]);
            expect(values[0].reason).toEqual({ kind: "script", what });
        });
    });

    // Spark settings that are option strings (helper 20): a Glue job's `--conf` argument, which Glue
    // hands to spark-submit as `key=value --conf key=value`, and the JVM options of Spark's and
    // Hadoop's dotted properties in EMR configurations.
    describe("Spark's option strings: Glue's --conf and EMR's JVM options", () => {
        const GLUE = "aws:glue/job:Job";
        const EMR = "aws:emr/cluster:Cluster";
        const glue = (args: Record<string, string>) => ({ roleArn: "arn:aws:iam::123456789012:role/glue", command: { scriptLocation: "s3://acme-glue/etl.py" }, defaultArguments: args });
        const emr = (properties: Record<string, string>) => ({ releaseLabel: "emr-7.1.0", configurationsJson: JSON.stringify([{ Classification: "spark-defaults", Properties: properties }]) });
        const harmless: [string, string, Record<string, unknown>][] = [
            ["Hudi's and Iceberg's settings in --conf", GLUE, glue({
                "--conf": "spark.serializer=org.apache.spark.serializer.KryoSerializer --conf spark.sql.hive.convertMetastoreParquet=false",
                "--datalake-formats": "iceberg" })],
            ["catalog settings, a credentials provider and run-time values in --conf", GLUE, glue({
                "--conf": "spark.sql.catalog.glue_catalog=org.apache.iceberg.spark.SparkCatalog --conf spark.sql.catalog.glue_catalog.warehouse=s3://acme-lake/wh/ " +
                    "--conf spark.hadoop.fs.s3a.aws.credentials.provider=com.amazonaws.auth.DefaultAWSCredentialsProviderChain --conf spark.snowflake.sfPassword=${SF_PASSWORD}" })],
            ["GC flags and a log configuration in extraJavaOptions", EMR, emr({
                "spark.executor.extraJavaOptions": "-XX:+UseG1GC -XX:InitiatingHeapOccupancyPercent=35 -XX:OnOutOfMemoryError='kill -9 %p'",
                "spark.driver.extraJavaOptions": "-Dlog4j.configuration=file:/etc/spark/conf/log4j.properties -Djavax.net.ssl.trustStore=/etc/pki/java/cacerts" })],
            ["heap sizes in mapreduce's java.opts", EMR, { releaseLabel: "emr-7.1.0", configurationsJson: JSON.stringify([{ Classification: "mapred-site", Properties: { "mapreduce.map.java.opts": "-Xmx3072m", "mapreduce.reduce.java.opts": "-Xmx6144m" } }]) }],
            // The JDK truststore's published default, as a line's -D already passed (helper 33).
            ["the JDK truststore's default password in extraJavaOptions", EMR, emr({
                "spark.driver.extraJavaOptions": "-Djavax.net.ssl.trustStore=/usr/lib/jvm/jre/lib/security/cacerts -Djavax.net.ssl.trustStorePassword=changeit" })],
        ];
        it.each(harmless)("%s passes", (_label, type, props) => expect(paths(type, props)).toEqual([]));

        const found: [string, string, Record<string, unknown>, string, string][] = [
            ["a Snowflake password in Glue's --conf", GLUE, glue({ "--conf": `spark.snowflake.sfUser=etl --conf spark.snowflake.sfPassword=${PLAIN}Sn0wEtl24` }),
                "defaultArguments.--conf", "a variable assignment"],
            ["an s3a secret key alone in Glue's --conf", GLUE, glue({ "--conf": `spark.hadoop.fs.s3a.secret.key=${PLAIN}q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7` }),
                "defaultArguments.--conf", "a variable assignment"],
            ["a metastore password in Glue's --conf", GLUE, glue({ "--conf": `spark.hadoop.javax.jdo.option.ConnectionUserName=hive --conf spark.hadoop.javax.jdo.option.ConnectionPassword=${PLAIN}HiveMeta24` }),
                "defaultArguments.--conf", "a variable assignment"],
            ["a truststore password in spark.driver.extraJavaOptions", EMR, emr({ "spark.driver.extraJavaOptions": `-XX:+UseG1GC -Djavax.net.ssl.trustStorePassword=${PLAIN}Tr5tPw24x` }),
                "configurationsJson.0.Properties.spark.driver.extraJavaOptions", "a JVM system property (`-D`)"],
            ["a keystore password in mapreduce.map.java.opts", EMR, { releaseLabel: "emr-7.1.0", configurationsJson: JSON.stringify([{ Classification: "mapred-site", Properties: { "mapreduce.map.java.opts": `-Xmx3072m -Djavax.net.ssl.keyStorePassword=${PLAIN}KsPw24xy` } }]) },
                "configurationsJson.0.Properties.mapreduce.map.java.opts", "a JVM system property (`-D`)"],
        ];
        it.each(found)("%s is reported", (_label, type, props, path, what) => {
            const values = findSensitiveValues(type, props, NO_OPTIONS);
            expect(values.map((v) => v.path)).toEqual([path]);
            expect(values[0].reason).toEqual({ kind: "script", what });
        });
    });

    // Hadoop's Azure connectors scope a setting to one storage account by the account's endpoint after its name (helper 39):
    // hadoop-azure's `fs.azure.account.key.<account>.blob.core.windows.net` holds the account's access key, ABFS's account
    // settings take `.<account>.dfs.core.windows.net` (Cloudera's ABFS guide), as Microsoft's DistCp example passes one with -D.
    describe("a Hadoop Azure setting scoped to a storage account", () => {
        const LAMBDA = "aws:lambda/function:Function";
        const EMR = "aws:emr/cluster:Cluster";
        const INSTANCE = "aws:ec2/instance:Instance";
        const ACCOUNT_KEY = `${PLAIN}q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7K8l9Z0x1C2v3B4n5M6q7W8e9R0t1Y2u3I4o5P6a7S8d9F0g1H2j3K4==`;
        const env = (vars: Record<string, string>) => ({ environment: { variables: vars } });
        const emr = (classification: string, properties: Record<string, string>) => ({ releaseLabel: "emr-7.1.0", configurationsJson: JSON.stringify([{ Classification: classification, Properties: properties }]) });
        const ecsCommand = (command: string[]) => ({ family: "app", containerDefinitions: JSON.stringify([{ name: "app", image: "acme/spark:3.5", command }]) });
        const harmless: [string, string, Record<string, unknown>][] = [
            // The key provider names a class (an encrypted key's decryptor: Cloudera's "Protecting the Azure Credentials for WASB"); ABFS's
            // auth type, token provider, client ID and endpoint per account (rajgok/adbdemo, Cloudera's ABFS guide) are settings.
            ["an account's key provider, auth type, token provider, client ID and endpoint as -D", LAMBDA, env({ JAVA_TOOL_OPTIONS:
                "-Dfs.azure.account.keyprovider.acmelake.blob.core.windows.net=org.apache.hadoop.fs.azure.ShellDecryptionKeyProvider " +
                "-Dfs.azure.account.auth.type.acmelake.dfs.core.windows.net=OAuth -Dfs.azure.account.oauth.provider.type.acmelake.dfs.core.windows.net=org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider " +
                "-Dfs.azure.account.oauth2.client.id.acmelake.dfs.core.windows.net=0b6e1d2c-4f3a-4e21-9c8d-5a6b7c8d9e0f " +
                "-Dfs.azure.account.oauth2.client.endpoint.acmelake.dfs.core.windows.net=https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/token" })],
            ["the same settings in an EMR core-site classification", EMR, emr("core-site", {
                "fs.azure.account.keyprovider.acmelake": "org.apache.hadoop.fs.azure.ShellDecryptionKeyProvider", "fs.azure.account.auth.type.acmelake.dfs.core.windows.net": "SharedKey",
                "fs.azure.account.oauth2.client.id.acmelake.dfs.core.windows.net": "0b6e1d2c-4f3a-4e21-9c8d-5a6b7c8d9e0f", "fs.azure.account.hns.enabled.acmelake.dfs.core.windows.net": "true" })],
            // Microsoft's DistCp example's placeholder, and a key read at run time (a public Airflow bootstrap script).
            ["a placeholder and a run-time key", INSTANCE, { userData: "#!/bin/bash\nhadoop distcp -Dfs.azure.account.key.mystorageaccount.dfs.core.windows.net=<key> hdfs:///data abfss://raw@mystorageaccount.dfs.core.windows.net/data\n" +
                "hadoop dfs -Dfs.azure.account.key.${AZURE_STORAGE_ACCOUNT}.blob.core.windows.net=${AZURE_STORAGE_ACCESS_KEY} -mkdir -p /dags\n" }],
            ["a run-time key in a container command", "aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["spark-submit", "--conf", "spark.hadoop.fs.azure.account.key.acmelake.dfs.core.windows.net=$AZURE_KEY", "job.py"])],
        ];
        it.each(harmless)("%s passes", (_label, type, props) => expect(paths(type, props)).toEqual([]));

        const found: [string, string, Record<string, unknown>, string, string][] = [
            ["an account key as -D in JAVA_TOOL_OPTIONS", LAMBDA, env({ JAVA_TOOL_OPTIONS: `-Xmx1g -Dfs.azure.account.key.acmelake.blob.core.windows.net=${ACCOUNT_KEY}` }),
                "environment.variables.JAVA_TOOL_OPTIONS", "a JVM system property (`-D`)"],
            ["an account key as -D in spark.driver.extraJavaOptions", EMR, emr("spark-defaults", { "spark.driver.extraJavaOptions": `-XX:+UseG1GC -Dfs.azure.account.key.acmelake.dfs.core.windows.net=${ACCOUNT_KEY}` }),
                "configurationsJson.0.Properties.spark.driver.extraJavaOptions", "a JVM system property (`-D`)"],
            ["an account key as -D in a container command", "aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["java", `-Dfs.azure.account.key.acmelake.blob.core.chinacloudapi.cn=${ACCOUNT_KEY}`, "-jar", "etl.jar"]),
                "containerDefinitions.app.command.1", "a JVM system property (`-D`)"],
            ["an account key given to DistCp in user data", INSTANCE, { userData: `#!/bin/bash\nhadoop distcp -Dfs.azure.account.key.acmelake.dfs.core.windows.net=${ACCOUNT_KEY} hdfs:///data abfss://raw@acmelake.dfs.core.windows.net/data\n` },
                "userData", "a JVM system property (`-D`)"],
            ["an account's OAuth client secret as -D", LAMBDA, env({ JAVA_OPTS: `-Dfs.azure.account.oauth2.client.secret.acmelake.dfs.core.windows.net=${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6` }),
                "environment.variables.JAVA_OPTS", "a JVM system property (`-D`)"],
        ];
        it.each(found)("%s is reported", (_label, type, props, path, what) => {
            const values = findSensitiveValues(type, props, NO_OPTIONS);
            expect(values.map((v) => v.path)).toEqual([path]);
            expect(values[0].reason).toEqual({ kind: "script", what });
        });

        it("an account key in an EMR core-site classification is reported by its name, whatever the account is called", () => {
            for (const account of ["acmelake", "vault", "cache"]) {
                const property = `fs.azure.account.key.${account}.blob.core.windows.net`;
                expect(paths(EMR, emr("core-site", { [property]: ACCOUNT_KEY })), account).toEqual([`configurationsJson.0.Properties.${property}`]);
            }
        });
    });

    // APPSYNC_JS resolvers and CloudFront Functions (helper 39): an object literal's member given a literal is judged by its
    // key, as a declaration is by its name; request values read at run time and DynamoDB expression placeholders pass.
    describe("JavaScript sources: object members given a literal", () => {
        const RESOLVER = "aws:appsync/resolver:Resolver";
        const FUNCTION = "aws:appsync/function:Function";
        const CLOUDFRONT = "aws:cloudfront/function:Function";
        const resolver = (code: string) => ({ apiId: "abcdefghijklmnopqrstuvwxyz", type: "Query", field: "weather", dataSource: "weather_api", kind: "UNIT", runtime: { name: "APPSYNC_JS", runtimeVersion: "1.0.0" }, code });
        const harmless: [string, string, Record<string, unknown>][] = [
            // jordancolburn/amplify-vite-react-template amplify/data/getNews.js, thangtran3112/nests get-resolver.ts.
            ["an HTTP resolver's content type, method and path", RESOLVER, resolver("import { util } from '@aws-appsync/utils';\nexport function request(ctx) {\n  return {\n    version: '2018-05-29',\n    method: 'GET',\n" +
                "    resourcePath: '/books',\n    params: { headers: { 'Content-Type': 'application/json' } },\n  };\n}\nexport function response(ctx) { return JSON.parse(ctx.result.body); }\n")],
            ["keys read from the stash, the caller's headers and arguments", RESOLVER, resolver("export function request(ctx) {\n  return { method: 'POST', resourcePath: '/v1/charge', params: { headers: { 'x-api-key': ctx.stash.apiKey, " +
                "Authorization: `Bearer ${ctx.stash.token}`, 'x-session-token': ctx.request.headers['x-session-token'] }, body: { token: ctx.args.token } } };\n}\n")],
            ["DynamoDB expression placeholders and a header's name", FUNCTION, { apiId: "abcdefghijklmnopqrstuvwxyz", name: "rotate", dataSource: "users", runtime: { name: "APPSYNC_JS", runtimeVersion: "1.0.0" },
                code: "import * as ddb from '@aws-appsync/utils/dynamodb';\nexport function request(ctx) {\n  return { operation: 'UpdateItem', key: { id: ctx.args.id }, update: { expression: 'SET #token = :token', " +
                    "expressionNames: { '#token': 'token', '#password': 'passwordHash' }, expressionValues: { ':token': util.dynamodb.toDynamoDB(ctx.args.token) } }, tokenHeader: 'x-api-token', authorizationType: 'AWS_IAM' };\n}\n" }],
            ["placeholders and an auth scheme", RESOLVER, resolver("export function request(ctx) {\n  return { method: 'GET', resourcePath: '/', params: { headers: { 'x-api-key': '<YOUR_API_KEY>', Authorization: 'Bearer ' + ctx.stash.token } } };\n}\n")],
            ["a CloudFront Function copying a header's value", CLOUDFRONT, { name: "copy-key", runtime: "cloudfront-js-2.0", publish: true,
                code: "function handler(event) {\n  var request = event.request;\n  request.headers['x-origin-key'] = { value: request.headers['x-api-key'].value };\n  return request;\n}\n" }],
        ];
        it.each(harmless)("%s passes", (_label, type, props) => expect(paths(type, props)).toEqual([]));

        const found: [string, string, Record<string, unknown>][] = [
            ["a vendor key in an HTTP resolver's headers", RESOLVER, resolver(`export function request(ctx) {\n  return {\n    method: 'GET',\n    resourcePath: '/v1/current',\n    params: {\n      headers: {\n        "Content-Type": "application/json",\n        "x-api-key": "${PLAIN}9c2f7a1e4b8d3f6a0e5c9b2d",\n      },\n    },\n  };\n}\n`)],
            ["an API key member in a pipeline function", FUNCTION, { apiId: "abcdefghijklmnopqrstuvwxyz", name: "geocode", dataSource: "geo_api", runtime: { name: "APPSYNC_JS", runtimeVersion: "1.0.0" },
                code: `export function request(ctx) {\n  return { method: 'GET', resourcePath: '/geocode', params: { query: { q: ctx.args.address, apiKey: '${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp' } } };\n}\n` }],
            ["a CloudFront Function's header object", CLOUDFRONT, { name: "origin-verify", runtime: "cloudfront-js-2.0", publish: true,
                code: `function handler(event) {\n  var request = event.request;\n  request.headers = Object.assign(request.headers, { 'x-origin-verify': { value: '${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc6' } });\n  return request;\n}\n` }],
        ];
        it.each(found)("%s is reported", (_label, type, props) => {
            const values = findSensitiveValues(type, props, NO_OPTIONS);
            expect(values.map((v) => v.path)).toEqual(["code"]);
            expect(values[0].reason).toEqual({ kind: "script", what: "a JavaScript object member given a literal" });
        });
    });

    // A flag given NAME=value as one element of an argument list (helper 20), as a script line's already is.
    describe("a flag's NAME=value in an argument list", () => {
        const ecsCommand = (command: string[]) => ({ family: "app", containerDefinitions: JSON.stringify([{ name: "app", image: "acme/tools:1", command }]) });
        it("settings, names and run-time values pass", () => {
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["helm", "upgrade", "--install", "api", "./chart", "--set=image.tag=1.2.3", "--set=auth.existingSecret=db-creds",
                "--set=auth.password=$DB_PASSWORD"]))).toEqual([]);
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["spark-submit", "--conf=spark.sql.shuffle.partitions=200", "--conf=spark.hadoop.fs.s3a.aws.credentials.provider=com.amazonaws.auth.InstanceProfileCredentialsProvider", "job.py"]))).toEqual([]);
        });
        it("a literal password given to a flag as NAME=value is reported at its element", () => {
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["kubectl", "create", "secret", "generic", "db", `--from-literal=password=${PLAIN}KubePw24x`])))
                .toEqual(["containerDefinitions.app.command.5"]);
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", ecsCommand(["spark-submit", `--conf=spark.snowflake.sfPassword=${PLAIN}SnowPw24x`, "job.py"])))
                .toEqual(["containerDefinitions.app.command.1"]);
        });
    });

    // A container's `commands` that is an argument list, not shell lines (helper 30): Lightsail's launch
    // command, Lambda's image `commands`, an EKS job's containers. A flag and its value are two elements.
    describe("`commands` that is a container's argument list", () => {
        const LIGHTSAIL = "aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion";
        const lightsail = (commands: string[]) => ({ serviceName: "cache", containers: [{ containerName: "redis", image: "redis:7.2", commands }] });
        it("settings, run-time values and shell lines pass", () => {
            expect(paths(LIGHTSAIL, lightsail(["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "app.wsgi:application"]))).toEqual([]);
            expect(paths(LIGHTSAIL, lightsail(["redis-server", "--requirepass", "$REDIS_PASSWORD", "--appendonly", "yes"]))).toEqual([]);
            expect(paths("aws:lambda/function:Function", { packageType: "Image", imageConfig: { entryPoints: ["/lambda-entrypoint.sh"], commands: ["app.handler"] } })).toEqual([]);
            // CodePipeline's Commands action and a buildspec's `commands` are shell lines, one command each.
            expect(paths("aws:codepipeline/pipeline:Pipeline", { stages: [{ name: "Build", actions: [{ name: "b", category: "Compute", owner: "AWS", provider: "Commands", version: "1",
                commands: ["npm ci", "./deploy --token", "npm run build"] }] }] })).toEqual([]);
        });
        it("a flag's value in the next element is reported at that element", () => {
            expect(paths(LIGHTSAIL, lightsail(["redis-server", "--requirepass", `${PLAIN}R3disPw24`, "--save", "60", "1"]))).toEqual(["containers.0.commands.2"]);
            expect(paths("aws:lambda/function:Function", { packageType: "Image", imageConfig: { commands: ["--db-password", `${PLAIN}PgPw24x`, "--port", "8080"] } }))
                .toEqual(["imageConfig.commands.1"]);
            expect(paths("aws:batch/jobDefinition:JobDefinition", { type: "container", eksProperties: { podProperties: { containers: [{ name: "cache", image: "redis:7.2",
                commands: ["redis-server", "--requirepass", `${PLAIN}R3disPw25`] }] } } })).toEqual(["eksProperties.podProperties.containers.cache.commands.2"]);
        });
    });

    // AppFlow's Infor Nexus connector (helper 30): `datakey` is "the encryption keys used to encrypt data".
    it("an AppFlow Infor Nexus data key is a connector credential; its key ID and user are not", () => {
        const infor = { connectorType: "Infornexus", connectorProfileConfig: { connectorProfileCredentials: { inforNexus: { accessKeyId: "B7D2C9E14F6A8035", userId: "appflow",
            secretAccessKey: `${PLAIN}-infor-secret`, datakey: `${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc6` } } } };
        const at = "connectorProfileConfig.connectorProfileCredentials.inforNexus";
        const values = findSensitiveValues("aws:appflow/connectorProfile:ConnectorProfile", infor, NO_OPTIONS);
        expect(values.map((v) => [v.path, v.reason])).toEqual([
            [`${at}.secretAccessKey`, { kind: "provider", what: "a connector credential" }], [`${at}.datakey`, { kind: "provider", what: "a connector credential" }]]);
    });

    // The ADOT collector sidecar takes its whole configuration as YAML in AOT_CONFIG_CONTENT, often
    // inline in the task definition (helper 20): exporters' headers and authenticators are judged.
    describe("the ADOT collector's AOT_CONFIG_CONTENT", () => {
        const adot = (config: string) => ({ family: "api", containerDefinitions: JSON.stringify([{ name: "adot", image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3",
            environment: [{ name: "AOT_CONFIG_CONTENT", value: config }] }]) });
        it("SigV4, run-time tokens and file paths pass", () => {
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", adot("extensions:\n  health_check:\n  sigv4auth:\n    region: us-east-1\n    service: aps\n" +
                "  bearertokenauth:\n    token: ${env:GRAFANA_TOKEN}\n  basicauth/client:\n    client_auth:\n      username: ${env:OTLP_USER}\n      password: ${env:OTLP_PASSWORD}\n" +
                "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n" +
                "exporters:\n  prometheusremotewrite:\n    endpoint: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1234abcd/api/v1/remote_write\n    auth:\n      authenticator: sigv4auth\n" +
                "  otlphttp:\n    endpoint: https://otlp.acme.example\n    headers:\n      x-scope-orgid: tenant-1\n    tls:\n      key_file: /etc/certs/client.key\n" +
                "service:\n  extensions: [health_check, sigv4auth, bearertokenauth]\n  pipelines:\n    metrics:\n      receivers: [otlp]\n      exporters: [prometheusremotewrite]\n"))).toEqual([]);
        });
        it("a literal API key header and a literal password are reported", () => {
            const at = "containerDefinitions.adot.environment.AOT_CONFIG_CONTENT";
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", adot(`exporters:\n  otlphttp:\n    endpoint: https://otlp.nr-data.net\n    headers:\n      api-key: ${PLAIN}0123456789abcdef0123456789NRAL\n`)))
                .toEqual([`${at}.exporters.otlphttp.headers.api-key`]);
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", adot(`extensions:\n  basicauth/client:\n    client_auth:\n      username: "123456"\n      password: ${PLAIN}Gr4fanaOtlpPw\n`)))
                .toEqual([`${at}.extensions.basicauth/client.client_auth.password`]);
        });
        // Honeycomb's guide writes its key inline under the team header (helper 33): its name says nothing, as in a header list.
        it("Honeycomb's team header holds its key in a `headers:` map; its dataset and a run-time key pass", () => {
            const honeycomb = (team: string) => adot(`exporters:\n  otlp/honeycomb:\n    endpoint: api.honeycomb.io:443\n    headers:\n      "x-honeycomb-team": "${team}"\n      "x-honeycomb-dataset": "orders"\n`);
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", honeycomb(`${PLAIN}0123456789abcdef0123456789ab`)))
                .toEqual(["containerDefinitions.adot.environment.AOT_CONFIG_CONTENT.exporters.otlp/honeycomb.headers.x-honeycomb-team"]);
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", honeycomb("${env:HONEYCOMB_API_KEY}"))).toEqual([]);
        });
    });

    // Helper 22: the collector's Datadog exporter takes its API key as `api: {key, site}`; the
    // configuration is also kept in an SSM String parameter that AOT_CONFIG_CONTENT reads.
    describe("an API's key as a parent and a child (`api: {key}`)", () => {
        const L = "aws:lambda/function:Function";
        const env = (config: unknown) => ({ role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs20.x", handler: "index.handler",
            environment: { variables: { COLLECTOR_CONFIG: JSON.stringify(config) } } });
        const ddKey = "4f9c2e7a1b8d3f60c5e2a9174b3d8e6f"; // made up: 32 hex, a Datadog API key's shape
        const collector = (key: string) => `receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n  datadog:\n    api:\n      key: ${key}\n      site: datadoghq.com\n` +
            "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [datadog]\n";
        it("a random key under `api` is reported, in AOT_CONFIG_CONTENT, a JSON variable and an SSM String parameter's YAML", () => {
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", { family: "otel", containerDefinitions: JSON.stringify([{ name: "adot", image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3",
                environment: [{ name: "AOT_CONFIG_CONTENT", value: collector(ddKey) }] }]) })).toEqual(["containerDefinitions.adot.environment.AOT_CONFIG_CONTENT.exporters.datadog.api.key"]);
            expect(paths(L, env({ exporters: { "datadog/eu": { api: { key: ddKey, site: "datadoghq.eu" } } } }))).toEqual(["environment.variables.COLLECTOR_CONFIG.exporters.datadog/eu.api.key"]);
            expect(paths(L, env({ datadog_api: { key: ddKey } }))).toEqual(["environment.variables.COLLECTOR_CONFIG.datadog_api.key"]);
            expect(paths("aws:ssm/parameter:Parameter", { name: "/otel/collector.yaml", type: "String", value: collector(ddKey) })).toEqual(["value.exporters.datadog.api.key"]);
            expect(paths("aws:ssm/parameter:Parameter", { name: "/otel/collector.yaml", type: "String", insecureValue: collector(ddKey) })).toEqual(["insecureValue.exporters.datadog.api.key"]);
        });
        it("a key that names an entry, a header, a reference or a thing passes", () => {
            expect(paths(L, env({ api: { key: "x-api-key" }, s3: { key: "uploads/a.txt" }, kms: { key: "alias/app" }, tags: [{ key: "env", value: "prod" }] }))).toEqual([]);
            expect(paths(L, env({ cache: { key: ddKey }, object: { key: ddKey } }))).toEqual([]);
            expect(paths(L, env({ api: { key: "orders-service-prod-key" } }))).toEqual([]);
            expect(paths(L, env({ api: { key: "3f2b8c1e-9a7d-4e5f-8b6a-1c2d3e4f5a6b" } }))).toEqual([]);
            expect(paths(L, env({ api: { key: "/prod/datadog/api-key" } }))).toEqual([]);
            expect(paths("aws:ssm/parameter:Parameter", { name: "/otel/collector.yaml", type: "String", value: collector("${env:DD_API_KEY}") })).toEqual([]);
            expect(paths("aws:ssm/parameter:Parameter", { name: "/motd", type: "String", value: "Welcome\nmaintenance: sundays 02:00 UTC\n" })).toEqual([]);
        });
    });

    // App Runner's buildCommand and startCommand are shell command lines (helper 20).
    describe("App Runner's build and start commands", () => {
        const AR = "aws:apprunner/service:Service";
        const code = (values: Record<string, string>) => ({ serviceName: "web", sourceConfiguration: { codeRepository: { repositoryUrl: "https://github.com/acme/web",
            sourceCodeVersion: { type: "BRANCH", value: "main" }, codeConfiguration: { configurationSource: "API", codeConfigurationValues: { runtime: "PYTHON_3", ...values } } } } });
        const at = "sourceConfiguration.codeRepository.codeConfiguration.codeConfigurationValues";
        it("ordinary commands and run-time values pass", () => {
            expect(paths(AR, code({ buildCommand: "pip install -r requirements.txt && python manage.py collectstatic --noinput",
                startCommand: "gunicorn app.wsgi --bind 0.0.0.0:8000 --workers 3 --timeout 60" }))).toEqual([]);
            expect(paths(AR, code({ startCommand: "node server.js --db-password \"$DB_PASSWORD\" --token-ttl 3600" }))).toEqual([]);
            expect(paths(AR, { serviceName: "img", sourceConfiguration: { imageRepository: { imageIdentifier: "public.ecr.aws/acme/web:1", imageRepositoryType: "ECR_PUBLIC",
                imageConfiguration: { port: "8080", startCommand: "java -Dspring.profiles.active=prod -jar app.jar" } } } })).toEqual([]);
        });
        it("a literal password flag is reported", () => {
            expect(paths(AR, code({ startCommand: `node server.js --db-password ${PLAIN}ArStart24x` }))).toEqual([`${at}.startCommand`]);
            expect(paths(AR, code({ buildCommand: `pip install -r requirements.txt && mysql -h db.internal -u app -p${PLAIN}Mig24x < schema.sql` }))).toEqual([`${at}.buildCommand`]);
        });
    });

    // Bref's secrets loader replaces `bref-ssm:/path` with the SSM parameter when a PHP Lambda starts
    // (packagist bref/secrets-loader; its fork adds `bref-secretsmanager:`): a reference, as `ssm:/path` is.
    describe("Bref's runtime references", () => {
        const env = (vars: Record<string, string>) => ({ runtime: "provided.al2", environment: { variables: vars } });
        it("bref-ssm: and bref-secretsmanager: references pass", () => {
            expect(paths("aws:lambda/function:Function", env({
                APP_SECRET: "bref-ssm:/shop/prod/app-secret", DATABASE_PASSWORD: "bref-ssm:/shop/prod/db-password",
                STRIPE_SECRET_KEY: "bref-secretsmanager:/shop/prod/stripe", MAILER_PASSWORD: "bref-secretsmanager-json:/shop/prod/mailer",
            }))).toEqual([]);
        });
        it("a literal after bref-ssm: and a literal secret beside a reference are reported", () => {
            expect(paths("aws:lambda/function:Function", env({ APP_SECRET: `bref-ssm:${PLAIN}Tr0ub4dor&3x!`, DATABASE_URL: "bref-ssm:/shop/prod/database-url", MAILER_PASSWORD: `${PLAIN}M4ilerPw24` })))
                .toEqual(["environment.variables.APP_SECRET", "environment.variables.MAILER_PASSWORD"]);
        });
    });

    // helper 28: what the third replay left.
    describe("credential-named settings, WordPress's keys and salts, SSM parameters named like a credential, base64 Docker configs", () => {
        const lambda = (vars: Record<string, string>) => ({ runtime: "nodejs20.x", environment: { variables: vars } });
        const LAMBDA = "aws:lambda/function:Function";
        const SSM = "aws:ssm/parameter:Parameter";
        const b64 = (text: string) => Buffer.from(text).toString("base64");
        const dockerConfig = (auths: Record<string, unknown>) => b64(JSON.stringify({ auths }, null, 2));

        it("a Fetch request's credentials mode under a name ending in `credentials` is a setting (FETCH_CREDENTIALS=include)", () => {
            expect(paths(LAMBDA, lambda({ FETCH_CREDENTIALS: "same-origin", API_FETCH_CREDENTIALS: "include", REQUEST_CREDENTIALS: "omit" }))).toEqual([]);
            expect(paths("aws:amplify/app:App", { name: "web", environmentVariables: { FETCH_CREDENTIALS: "include" } })).toEqual([]);
            // Only those three words, only at the end of the name.
            expect(paths(LAMBDA, lambda({ BASIC_AUTH_CREDENTIALS: `${PLAIN}:Kq8vRt5w`, CREDENTIALS_INCLUDE: `${PLAIN}-inc`, DB_PASSWORD: "include" })))
                .toEqual(["environment.variables.BASIC_AUTH_CREDENTIALS", "environment.variables.CREDENTIALS_INCLUDE", "environment.variables.DB_PASSWORD"]);
        });

        it("a Firebase web config's apiKey in a JSON variable is public, as FIREBASE_API_KEY is; its service account is not", () => {
            const webConfig = { apiKey: "AIza" + "SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW", authDomain: "acme-app.firebaseapp.com", projectId: "acme-app" };
            expect(paths(LAMBDA, lambda({ FIREBASE_CONFIG: JSON.stringify(webConfig) }))).toEqual([]);
            expect(paths(LAMBDA, lambda({ FIREBASE_SERVICE_ACCOUNT: JSON.stringify({ apiKey: `${PLAIN}Kq8vRt5wZ2xLp9sM` }) })))
                .toEqual(["environment.variables.FIREBASE_SERVICE_ACCOUNT.apiKey"]);
        });

        it("a Firebase web config is known by its fields under any name (apiKey beside authDomain and projectId), not by an apiKey alone", () => {
            const webConfig = { apiKey: "AIza" + "SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW", authDomain: "acme-app.firebaseapp.com", projectId: "acme-app", appId: "1:123456789012:web:0a1b2c3d4e5f6a7b" };
            expect(paths(LAMBDA, lambda({ APP_CONFIG: JSON.stringify(webConfig) }))).toEqual([]);
            expect(paths("aws:amplify/app:App", { name: "web", environmentVariables: { WEB_APP_CONFIG: JSON.stringify(webConfig) } })).toEqual([]);
            // Its fields unknown at preview: the keys decide, so nothing more is reported.
            expect(paths(LAMBDA, lambda({ APP_CONFIG: JSON.stringify({ ...webConfig, authDomain: U, projectId: U }) }))).toEqual([]);
            // An apiKey without the config's fields, a parent that says it is private, a secret format there: still reported.
            expect(paths(LAMBDA, lambda({
                APP_CONFIG: JSON.stringify({ apiKey: webConfig.apiKey, projectId: "acme-app" }),
                PRIVATE_CONFIG: JSON.stringify(webConfig),
                WEB_CONFIG: JSON.stringify({ ...webConfig, apiKey: "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dc9Kq8vRt5" }),
            }))).toEqual(["environment.variables.APP_CONFIG.apiKey", "environment.variables.PRIVATE_CONFIG.apiKey", "environment.variables.WEB_CONFIG.apiKey"]);
        });

        it("a browser key assigned to a public name in a script passes, as the same variable in a map does; elsewhere in the script it is reported", () => {
            const INSTANCE = "aws:ec2/instance:Instance";
            const mapsKey = fake.googleApiKey("pure-script-maps");
            const script = (...lines: string[]) => ["#!/bin/bash", ...lines].join("\n") + "\n";
            // The plain property: NEXT_PUBLIC_ passes, a server-side name is reported.
            expect(paths(LAMBDA, lambda({ NEXT_PUBLIC_GOOGLE_MAPS_API_KEY: mapsKey, GOOGLE_MAPS_API_KEY: mapsKey }))).toEqual(["environment.variables.GOOGLE_MAPS_API_KEY"]);
            // The same in user data (plain and base64), echoed into a .env file, given to one command, in a buildspec's commands and an ECS command.
            expect(paths(INSTANCE, { userData: script(`export NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=${mapsKey}`, "npm run build") })).toEqual([]);
            expect(paths("aws:ec2/launchTemplate:LaunchTemplate", { userData: Buffer.from(script(`echo "REACT_APP_GOOGLE_MAPS_KEY=${mapsKey}" >> .env`)).toString("base64") })).toEqual([]);
            expect(paths("aws:codebuild/project:Project", { source: { type: "GITHUB", buildspec: `version: 0.2\nphases:\n  build:\n    commands:\n      - VITE_FIREBASE_API_KEY=${mapsKey} npm run build\n` } })).toEqual([]);
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", ecsContainers([{ name: "web", command: ["sh", "-c", `NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=${mapsKey} npm run build`] }]))).toEqual([]);
            // A server-side name, a request URL, a public name beside a key used elsewhere, a secret format under a public name: reported.
            expect(paths(INSTANCE, { userData: script(`export GOOGLE_MAPS_API_KEY=${mapsKey}`) })).toEqual(["userData"]);
            expect(paths(INSTANCE, { userData: script(`curl "https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=${mapsKey}"`) })).toEqual(["userData"]);
            expect(paths(INSTANCE, { userData: script(`export NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=${mapsKey}`, `export GEOCODER_URL="https://maps.googleapis.com/maps/api/geocode/json?key=${fake.googleApiKey("pure-script-geo")}"`) }))
                .toEqual(["userData"]);
            expect(paths(INSTANCE, { userData: script(`export NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=${mapsKey}`, `export NEXT_PUBLIC_STRIPE_KEY=${fake.stripeSecret("pure-script-stripe")}`) })).toEqual(["userData"]);
            // Unknown elements of a command (preview) report nothing more.
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", { family: "web", containerDefinitions: [{ name: "web", command: ["sh", "-c", U, `NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=${mapsKey}`] }] })).toEqual([]);
        });

        it("printf's arguments are judged as the text it writes: a literal password written to .env is reported, a variable or a public key is not", () => {
            const INSTANCE = "aws:ec2/instance:Instance";
            const script = (...lines: string[]) => ["#!/bin/bash", ...lines].join("\n") + "\n";
            const password = fake.password("pure-printf-db");
            const mapsKey = fake.googleApiKey("pure-printf-maps");
            // Run-time values, a format without arguments, a template's field: nothing to report.
            expect(paths(INSTANCE, { userData: script(`printf 'DB_PASSWORD=%s\\n' "$DB_PASSWORD" >> /opt/app/.env`) })).toEqual([]);
            expect(paths(INSTANCE, { userData: script(`printf 'DB_PASSWORD=%s\\n' "$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)" >> .env`) })).toEqual([]);
            expect(paths(INSTANCE, { userData: script(`printf 'DB_HOST=%s\\nDB_PORT=%d\\n' db.internal 5432 > .env`) })).toEqual([]);
            expect(paths(INSTANCE, { userData: script(`printf '%s\\n' "$TOKEN" | docker login -u ci --password-stdin`) })).toEqual([]);
            // The shapes public scripts write a .env with (the old reader took the format's `%s\n` for the value).
            for (const line of [
                `printf 'DB_PASSWORD=%s\\n' "$(openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | cut -c1-48)"`,
                `printf 'KC_ADMIN_PASSWORD=%s\\n' "$(openssl rand -hex 16)" > .env`,
                `  printf 'db_password=%s\\n' "\${PMACTRL_DB_PASSWORD}"`,
                `printf 'DB_PASSWORD=%s\\n' "$DB_PASSWORD" > "$OUT_PATH"`,
                `printf '\\nJWT_SECRET=%s\\n' "$JWT_SECRET" >> .env`,
                `printf 'DB_PASSWORD=%s\\n' "$(shell_quote "$db_password")"`,
                `printf 'REDIS_PASSWORD=%s\\n' "\${REDIS_PASSWORD}" >> .env`,
            ]) expect(paths(INSTANCE, { userData: script(line) }), line).toEqual([]);
            // A browser key printed to a public name passes, as when it is exported or echoed; under a server-side name it is reported.
            expect(paths(INSTANCE, { userData: script(`printf 'NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=%s\\n' '${mapsKey}' >> .env.production`, "npm run build") })).toEqual([]);
            expect(paths(INSTANCE, { userData: script(`printf 'GOOGLE_MAPS_API_KEY=%s\\n' '${mapsKey}' >> .env`) })).toEqual(["userData"]);
            // A literal password printed under a credential's name, alone or among other variables (the format reused): reported.
            expect(paths(INSTANCE, { userData: script(`printf 'DB_PASSWORD=%s\\n' '${password}' >> /opt/app/.env`) })).toEqual(["userData"]);
            expect(paths(INSTANCE, { userData: script(`printf '%s=%s\\n' DB_USER app DB_PASSWORD '${password}' > .env`) })).toEqual(["userData"]);
            expect(paths(INSTANCE, { userData: script(`printf '%s\\n' '${password}' | docker login -u ci --password-stdin`) })).toEqual(["userData"]);
        });

        it("AWS's documentation key pair (AKIAIOSFODNN7EXAMPLE and its ...EXAMPLEKEY secret) is no credential by name, by format or in a script", () => {
            const exampleId = "AK" + "IAIOSFODNN7EXAMPLE";
            const exampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY";
            expect(isUnusable(exampleSecret)).toBe(true);
            expect(paths(LAMBDA, lambda({ AWS_ACCESS_KEY_ID: exampleId, AWS_SECRET_ACCESS_KEY: exampleSecret }))).toEqual([]);
            expect(paths("aws:ec2/instance:Instance", { userData: `#!/bin/bash\naws configure set aws_access_key_id ${exampleId}\naws configure set aws_secret_access_key ${exampleSecret}\n` })).toEqual([]);
            // A generated key beside it is still one.
            const realShaped = fake.awsSecretKey("pure-doc-example");
            expect(paths(LAMBDA, lambda({ AWS_ACCESS_KEY_ID: exampleId, AWS_SECRET_ACCESS_KEY: realShaped }))).toEqual(["environment.variables.AWS_SECRET_ACCESS_KEY"]);
            expect(paths("aws:ec2/instance:Instance", { userData: `#!/bin/bash\naws configure set aws_secret_access_key ${realShaped}\n` })).toEqual(["userData"]);
        });

        it("WordPress's eight keys and salts are credentials, with a space or not; other salts and bare LOGGED_IN_KEY words are not", () => {
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", ecsContainers([{ name: "wp", environment: [
                { name: "WORDPRESS_AUTH_SALT", value: `${PLAIN} k9#Lm&x]Qz2!v{R` }, { name: "WORDPRESS_LOGGED_IN_KEY", value: `${PLAIN} 7u>pW(e;Hb` },
                { name: "WORDPRESS_NONCE_SALT", value: `${PLAIN}@Zr4*Fq9` }, { name: "WORDPRESS_DB_HOST", value: "db.internal" },
            ] }]))).toEqual(["containerDefinitions.wp.environment.WORDPRESS_AUTH_SALT", "containerDefinitions.wp.environment.WORDPRESS_LOGGED_IN_KEY",
                "containerDefinitions.wp.environment.WORDPRESS_NONCE_SALT"]);
            expect(paths(LAMBDA, lambda({ SECURE_AUTH_SALT: `${PLAIN}$x,Pq` }))).toEqual(["environment.variables.SECURE_AUTH_SALT"]);
            expect(paths(LAMBDA, lambda({
                HASHIDS_SALT: "k3Jd9sQ2pLx7Vb1N", WP_CACHE_KEY_SALT: "blog.example.com:", LOGGED_IN_KEY: "isLoggedIn", NONCE_KEY: "oauth_nonce",
                WORDPRESS_AUTH_KEY: "put your unique phrase here", WORDPRESS_NONCE_SALT: "${NONCE_SALT}",
            }))).toEqual([]);
        });

        it("an SSM String parameter named like a credential (its path's last segment) holding a literal is reported; settings and references pass", () => {
            expect(paths(SSM, { name: "/app/prod/db_password", type: "String", value: `${PLAIN}-ssm-1` })).toEqual(["value"]);
            expect(paths(SSM, { name: "/orders/api_token", type: "String", insecureValue: `${PLAIN}-ssm-2` })).toEqual(["insecureValue"]);
            for (const [name, value] of [["/app/prod/db_password_length", "32"], ["/app/prod/db_password_secret_arn", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"],
                ["/app/prod/db_password", "/aws/reference/secretsmanager/prod-db"], ["/app/prod/token_ttl", "3600"], ["/secrets/app/region", "eu-west-1"],
                ["/app/prod/db_password", "${DB_PASSWORD}"], ["/app/prod/db_user", "admin"], [U, `${PLAIN}-ssm-3`]]) {
                expect(paths(SSM, { name, type: "String", value }), name).toEqual([]);
            }
        });

        it("a KMS key's id under an encryption key's name names the key and passes; key material there, and a UUID under other credential names, are reported", () => {
            const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
            const emr = (property: string, value: string) => paths("aws:emr/cluster:Cluster", { name: "etl", releaseLabel: "emr-7.1.0", serviceRole: "emr-service",
                configurationsJson: JSON.stringify([{ Classification: "core-site", Properties: { "fs.s3a.encryption.algorithm": "SSE-KMS", [property]: value } }]) });
            // Hadoop's S3A: "you should set this property to the specific KMS key id" (SSE-KMS); an SSE-C key is base64.
            expect([emr("fs.s3a.encryption.key", KEY_ID), emr("fs.s3a.server-side-encryption.key", `mrk-${"0123456789abcdef".repeat(2)}`)]).toEqual([[], []]);
            expect(paths(LAMBDA, lambda({ ENCRYPTION_KEY: KEY_ID, KMS_ENCRYPTION_KEY: KEY_ID, SSE_KEY: KEY_ID }))).toEqual([]);
            expect(emr("fs.s3a.encryption.key", b64(`${PLAIN}-sse-c-key-32-bytes!!`))).toEqual(["configurationsJson.0.Properties.fs.s3a.encryption.key"]);
            expect(paths(LAMBDA, lambda({ ENCRYPTION_KEY: b64(`${PLAIN}-aes-key-32-bytes!!!`), API_KEY: KEY_ID, CLIENT_SECRET: KEY_ID })))
                .toEqual(["environment.variables.ENCRYPTION_KEY", "environment.variables.API_KEY", "environment.variables.CLIENT_SECRET"]);
        });

        it("a whole Docker config.json in base64 is read as its document: its registry credentials are reported, helpers and other base64 JSON pass", () => {
            const auth = b64(`ci-bot:${PLAIN}Fk3Pw7zQ`);
            expect(paths(LAMBDA, lambda({ DOCKER_CONFIG_BASE64: dockerConfig({ "registry.gitlab.com": { auth } }) })))
                .toEqual(["environment.variables.DOCKER_CONFIG_BASE64.auths.registry.gitlab.com.auth"]);
            expect(paths(LAMBDA, lambda({ KANIKO_DOCKER_CONFIG: b64(JSON.stringify({ auths: { "ghcr.io": { username: "ci-bot", password: `${PLAIN}Fk3Pw7zQ` } } })) })))
                .toEqual(["environment.variables.KANIKO_DOCKER_CONFIG.auths.ghcr.io.password"]);
            expect(paths(LAMBDA, lambda({
                DOCKER_CONFIG_BASE64: b64(JSON.stringify({ credHelpers: { "123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login" } })),
                ENVBUILDER_DOCKER_CONFIG_BASE64: dockerConfig({ "registry.example.com": {} }),
                FIREBASE_CONFIG_B64: b64(JSON.stringify({ apiKey: "AIza" + "SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW", projectId: "acme-app" })),
            }))).toEqual([]);
        });

        // helper 36: user data that decodes a literal into ~/.docker/config.json writes its credentials all the same.
        it("a Docker config.json a script decodes from a base64 literal is reported; one from a variable, helpers and a placeholder pass", () => {
            const INSTANCE = "aws:ec2/instance:Instance";
            const ud = (line: string) => ({ ami: "ami-0123456789abcdef0", instanceType: "t3.micro", userData: `#!/bin/bash\nmkdir -p /root/.docker\n${line}\n` });
            const real = dockerConfig({ "https://index.docker.io/v1/": { auth: b64(`acmebot:${PLAIN}Dk7Lq2Zr`) } });
            expect(paths(INSTANCE, ud(`echo ${real} | base64 -d > /root/.docker/config.json`))).toEqual(["userData"]);
            expect(paths(INSTANCE, ud(`base64 --decode <<< '${real}' > /root/.docker/config.json`))).toEqual(["userData"]);
            for (const line of ['echo "${DOCKER_CFG:-}" | base64 --decode > ~/.docker/config.json',
                `echo ${b64(JSON.stringify({ credHelpers: { "123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login" } }))} | base64 -d > /root/.docker/config.json`,
                `echo ${dockerConfig({ "https://index.docker.io/v1/": { auth: b64("janedoe:xxxxxxxxxxxxxxxx") } })} | base64 -d > /root/.docker/config.json`,
                `echo ${b64("#!/bin/bash\nyum install -y nginx\n")} | base64 -d > /tmp/setup.sh`]) {
                expect(paths(INSTANCE, ud(line)), line).toEqual([]);
            }
        });

        // helper 39: the ECS agent's ecs.config written from a base64 literal (a launch template's user data) gives
        // ECS_ENGINE_AUTH_DATA's registry password as plainly as `echo ... >> /etc/ecs/ecs.config` does (AWS's "Private
        // registry authentication for container instances"; chenrui333/terraform-aws-keycloak-rds writes it with a heredoc).
        it("an ecs.config a script decodes from a base64 literal is judged as its lines: a registry password is reported; settings, a variable and a placeholder pass", () => {
            const LT = "aws:ec2/launchTemplate:LaunchTemplate";
            const ecsConfig = (authData: string) => `ECS_CLUSTER=orders\nECS_ENABLE_TASK_IAM_ROLE=true\nECS_ENGINE_AUTH_TYPE=docker\nECS_ENGINE_AUTH_DATA=${authData}\n`;
            const hub = (password: string) => JSON.stringify({ "https://index.docker.io/v1/": { username: "acmeci", password, email: "ops@acme.example" } });
            const lt = (line: string) => ({ namePrefix: "ecs-", imageId: "ami-0abcdef1234567890", userData: b64(`#!/bin/bash\n${line}\n`) });
            for (const config of [ecsConfig(hub("$DOCKER_HUB_PASSWORD")), ecsConfig(hub("<your-password>")), "ECS_CLUSTER=orders\nECS_ENABLE_SPOT_INSTANCE_DRAINING=true\nECS_ENGINE_AUTH_TYPE=dockercfg\n"]) {
                expect(paths(LT, lt(`echo ${b64(config)} | base64 -d >> /etc/ecs/ecs.config`)), config).toEqual([]);
            }
            const real = b64(ecsConfig(hub(`${PLAIN}Ec5Rg7Pw`)));
            for (const line of [`echo ${real} | base64 -d >> /etc/ecs/ecs.config`, `base64 --decode <<< '${real}' > /etc/ecs/ecs.config`]) {
                const values = findSensitiveValues(LT, lt(line), NO_OPTIONS);
                expect(values.map((v) => v.path), line).toEqual(["userData"]);
                expect(values[0].reason).toEqual({ kind: "script", what: "a JSON member decoded from base64" });
            }
        });
    });

    it("an unknown name/value entry or document passes quietly", () => {
        expect(paths("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: U })).toEqual([]);
        expect(paths("aws:codebuild/project:Project", { environment: { environmentVariables: [
            { name: U, value: `${PLAIN}-x` }, { name: "NPM_TOKEN", value: U }, { name: "GH_TOKEN", value: `${PLAIN}-x2`, type: U }] } })).toEqual([]);
        expect(paths("aws:batch/jobDefinition:JobDefinition", { eksProperties: { podProperties: { containers: [{ name: U, envs: [{ name: "API_KEY", value: `${PLAIN}-x3` }] }] } } })).toEqual([]);
    });

    it("sensitivePatterns add names (case-insensitive, at any depth, environment variables included)", () => {
        const props = { environment: { variables: { WEBHOOK_SIGNING_SEED: `${PLAIN}-y`, LOG_LEVEL: "info" } }, tags: { "Signing-Seed": "a" } };
        expect(paths("aws:lambda/function:Function", props)).toEqual([]);
        const options = { sensitivePatterns: ["*signing_seed"], ignoreProperties: [] };
        expect(paths("aws:lambda/function:Function", props, options)).toEqual(["environment.variables.WEBHOOK_SIGNING_SEED"]);
        expect(findSensitiveValues("aws:lambda/function:Function", props, options)[0].reason).toEqual({ kind: "pattern", pattern: "*signing_seed" });
    });

    // Helper 43's held-out scan of user data: commands AWS's and vendors' guides print verbatim.
    describe("documented commands in user data: AWS CLI config, Postfix for SES, Jenkins agents, WP-CLI, systemd units, setx", () => {
        const INSTANCE = "aws:ec2/instance:Instance";
        const ud = (lines: string) => ({ ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData: `#!/bin/bash\n${lines}\n` });
        const harmless: [string, Record<string, unknown>][] = [
            // "Sourcing credentials with an external process" (AWS CLI user guide): the command, not a credential.
            ["the AWS CLI's credential_process", ud("cat > /root/.aws/config <<'EOF'\n[profile developer]\ncredential_process = /opt/bin/awscreds-custom --username helen\n" +
                "[profile ci]\ncredential_process = \"/usr/local/bin/credentials.sh\" parameterWithoutSpaces \"parameter with spaces\"\ncredential_source = Ec2InstanceMetadata\nEOF")],
            // "Integrating Amazon SES with Postfix": the password map is a lookup table in a file.
            ["Postfix's password map in AWS's SES guide", ud("postconf -e \"relayhost = [email-smtp.us-west-2.amazonaws.com]:587\" \"smtp_sasl_auth_enable = yes\" " +
                "\"smtp_sasl_security_options = noanonymous\" \"smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\" \"smtp_use_tls = yes\"\n" +
                "postconf -e 'smtp_sasl_password_maps = lmdb:/etc/postfix/sasl_passwd'\npostmap hash:/etc/postfix/sasl_passwd\nchown root:root /etc/postfix/sasl_passwd")],
            ["a sasl_passwd written from variables", ud("echo \"[email-smtp.us-east-1.amazonaws.com]:587 $SMTP_USER:$SMTP_PASS\" > /etc/postfix/sasl_passwd\n" +
                "echo \"[smtp.acme.example]:587 ${SMTP_USERNAME}:${SMTP_PASSWORD}\" | sudo tee -a /etc/postfix/sasl_passwd")],
            // Jenkins's "Run from agent command line" writes the secret to secret-file first; the agent reads it from there.
            ["a Jenkins agent reading its secret from a file", ud("java -jar agent.jar -url http://jenkins:8080/ -secret @secret-file -name agent1 -workDir /home/jenkins\n" +
                "java -jar agent.jar -jnlpUrl http://jenkins:8080/computer/a2/jenkins-agent.jnlp -secret @jenkins_secret -workDir /var/jenkins")],
            ["WP-CLI's snake_case flags given variables and settings", ud("wp core install --url=blog.acme.example --title=Blog --admin_user=admin " +
                "--admin_password=\"$WP_ADMIN_PASSWORD\" --admin_email=ops@acme.example --skip-email --allow-root\n" +
                "wp user create bob bob@acme.example --role=author --user_pass=$WP_USER_PASS\nwp config create --dbname=wp --db_charset=utf8mb4 --skip_check")],
            ["a systemd unit's variables, settings and placeholders", ud("cat > /etc/systemd/system/api.service <<EOF\n[Service]\nEnvironment=\"JAVA_OPTS=-Xmx2g -Xms1g\"\n" +
                "Environment=NODE_ENV=production\nEnvironment=\"DB_USER=admin123\" \"DB_HOST=db.internal\"\nEnvironment=\"DB_PASSWORD=$DB_PASSWORD\"\n" +
                "Environment=\"SECRET_KEY=your-secret-key\"\nEnvironmentFile=/etc/api/secrets.env\nEOF")],
            ["setx and SetEnvironmentVariable with paths, switches, variables and placeholders", ud("<powershell>\n" +
                "[Environment]::SetEnvironmentVariable(\"DD_API_KEY\", $apiKey, \"Machine\")\n[Environment]::SetEnvironmentVariable(\"DD_API_KEY\", \"$env:DD_KEY\", \"Machine\")\n" +
                "[Environment]::SetEnvironmentVariable(\"DD_APP_KEY\", \"your_application_key\", \"User\")\n" +
                "setx PATH \"%PATH%;C:\\tools\" /M\nsetx /M JAVA_HOME \"C:\\Program Files\\Java\\jdk-21\"\nsetx DD_API_KEY %DD_API_KEY% /M\nsetx API_TOKEN_TTL 3600 /M\n</powershell>")],
        ];
        it.each(harmless)("%s passes", (_label, props) => expect(paths(INSTANCE, props)).toEqual([]));

        const found: [string, string, Record<string, unknown>, string, string][] = [
            ["a literal SES SMTP login echoed to sasl_passwd", INSTANCE,
                ud(`echo "[email-smtp.us-east-1.amazonaws.com]:587 AKIAQ3ZJX7T2LMN4PW6R:${PLAIN}BHk8Zq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1" > /etc/postfix/sasl_passwd\npostmap hash:/etc/postfix/sasl_passwd`),
                "userData", "a Postfix sasl_passwd entry"],
            ["a relay login in a sasl_passwd heredoc", INSTANCE, ud(`cat > /etc/postfix/sasl_passwd <<EOF\n[smtp.gmail.com]:587 ops@acme.example:${PLAIN}qwhzkrtmvbnd\nEOF`),
                "userData", "a Postfix sasl_passwd entry"],
            ["WP-CLI's --admin_password", INSTANCE, ud(`wp core install --url=blog.acme.example --title=Blog --admin_user=admin --admin_password=${PLAIN}Wn7#pQ2mXv9L --admin_email=a@acme.example`),
                "userData", "a command-line flag's value"],
            ["WP-CLI's --user_pass in a container command", "aws:ecs/taskDefinition:TaskDefinition",
                { family: "wp", containerDefinitions: JSON.stringify([{ name: "wp", image: "wordpress:cli", command: ["wp", "user", "create", "bob", "bob@acme.example", `--user_pass=${PLAIN}Wn7pQ2mXv9L`] }]) },
                "containerDefinitions.wp.command.5", "a command-line flag's value"],
            ["a systemd unit's quoted Environment=", INSTANCE, ud(`cat > /etc/systemd/system/api.service <<EOF\n[Service]\nEnvironment="DB_PASSWORD=${PLAIN}Wn7#pQ2mXv9L" "DB_USER=admin"\nEOF`),
                "userData", "a variable assignment"],
            ["a systemd unit's unquoted Environment=", INSTANCE, ud(`printf '[Service]\\nEnvironment=JWT_SECRET=${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc6\\n' > /etc/systemd/system/api.service`),
                "userData", "a variable assignment"],
            ["setx NAME value", INSTANCE, ud(`<script>\nsetx DD_API_KEY ${PLAIN}9c2f7a1e4b8d3f6a0e5c9b2d /M\n</script>`), "userData", "a variable assignment"],
            ["[Environment]::SetEnvironmentVariable", INSTANCE, ud(`<powershell>\n[Environment]::SetEnvironmentVariable("API_TOKEN", "${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp", "Machine")\n</powershell>`),
                "userData", "a variable assignment"],
            // Controls: what the readers found before.
            ["a Jenkins agent's literal secret", INSTANCE, ud(`java -jar agent.jar -url http://jenkins:8080/ -secret ${PLAIN}9c2f7a1e4b8d3f6a0e5c9b2d7f1a -name agent1`),
                "userData", "a command-line flag's value"],
            ["a literal key beside credential_process", INSTANCE, ud("cat > /root/.aws/credentials <<EOF\n[default]\ncredential_process = /opt/bin/awscreds-custom --username helen\n" +
                `aws_secret_access_key = ${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1Tz3Uv5Wy7\nEOF`), "userData", "a variable assignment"],
        ];
        it.each(found)("%s is reported", (_label, type, props, path, what) => {
            const values = findSensitiveValues(type, props, NO_OPTIONS);
            expect(values.map((v) => v.path)).toEqual([path]);
            expect(values[0].reason).toEqual({ kind: "script", what });
        });
    });

    // helper 46: a parameter a script writes is judged under its path's last segment, as an aws.ssm.Parameter's
    // value; Airflow's `_SECRET` and `_CMD` variables name a backend key and a command; VTL mapping templates
    // that are not JSON are read for literals set or given to a member.
    describe("parameters written by scripts, Airflow's _SECRET and _CMD variables, VTL mapping templates", () => {
        const INSTANCE = "aws:ec2/instance:Instance";
        const ud = (lines: string) => ({ ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData: `#!/bin/bash\n${lines}\n` });
        const lambda = (variables: Record<string, string>) => ({ role: "arn:aws:iam::123456789012:role/app", runtime: "python3.12", handler: "app.handler", environment: { variables } });
        const seed = (value: string) => ({ family: "seed", containerDefinitions: JSON.stringify([{ name: "seed", image: "public.ecr.aws/aws-cli/aws-cli:2.17.0",
            command: ["ssm", "put-parameter", "--name", "/app/prod/db_password", "--type", "SecureString", "--value", value, "--overwrite"] }]) });
        const resolver = (requestTemplate: string) => ({ apiId: "abcdefghijklmnopqrstuvwxyz", type: "Mutation", field: "analyze", dataSource: "vision_http", requestTemplate,
            responseTemplate: "$util.toJson($ctx.result.body)" });
        const vtl = (set: string) => `#set($apiKey = ${set})\n{\n  "version": "2018-05-29",\n  "method": "POST",\n  "resourcePath": "/analyze",\n  "params": {\n` +
            "    \"headers\": { \"Ocp-Apim-Subscription-Key\": \"$apiKey\", \"Authorization\": \"Bearer $ctx.stash.token\" },\n    \"body\": $util.toJson($ctx.args.input)\n  }\n}";
        const integration = (template: string) => ({ restApi: "a1b2c3d4e5", resourceId: "abc123", httpMethod: "POST", type: "HTTP", integrationHttpMethod: "POST",
            uri: "https://api.partner.example/v1/send", requestTemplates: { "application/json": template } });
        const harmless: [string, string, Record<string, unknown>][] = [
            ["put-parameter from files", INSTANCE, ud("aws ssm put-parameter --name /app/prod/db_password --type SecureString --value file://db_password.txt --overwrite\n" +
                "aws ssm put-parameter --name /app/prod/signing_key --type SecureString --value fileb://signing.key\naws ssm put-parameter --cli-input-json file://params/db.json")],
            ["put-parameter from variables and commands", INSTANCE, ud("DB_PASSWORD=$(openssl rand -base64 24)\n" +
                "aws ssm put-parameter --name /app/prod/db_password --type SecureString --value \"$DB_PASSWORD\" --overwrite\n" +
                "aws ssm put-parameter --name \"/app/${ENV}/api_token\" --type SecureString --value \"$(cat /run/secrets/api_token)\"")],
            ["put-parameter of settings, an empty value and a placeholder", INSTANCE, ud("aws ssm put-parameter --name /app/prod/db_host --type String --value db.internal.acme.example\n" +
                "aws ssm put-parameter --name /app/prod/token_ttl --type String --value 3600 --overwrite\n" +
                "aws ssm put-parameter --overwrite --name \"/Viite/Prod/authentication.admin.basic.password\" --type \"SecureString\" --value \"\"\n" +
                "aws ssm put-parameter --name /app/prod/db_password --type SecureString --value '<your-db-password>'")],
            ["put-parameter under a name known only at run time", INSTANCE, ud(`aws ssm put-parameter --name "$PARAM_NAME" --type String --value ${fake.password("h46-u-name")}`)],
            ["Write-SSMParameter given a variable", INSTANCE, ud("<powershell>\nWrite-SSMParameter -Name \"/app/prod/db_password\" -Type SecureString -Value $DbPassword -Overwrite $true\n</powershell>")],
            ["a seeding task given the container's secret", "aws:ecs/taskDefinition:TaskDefinition", seed("$(DB_PASSWORD)")],
            ["Airflow's _SECRET variables naming backend keys", "aws:lambda/function:Function", lambda({
                AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_SECRET: "sql_alchemy_conn", AIRFLOW__CELERY__BROKER_URL_SECRET: "airflow/config/celery_broker_url",
                AIRFLOW__CELERY__FLOWER_BASIC_AUTH_SECRET: "flower_basic_auth", AIRFLOW__CORE__FERNET_KEY_SECRET: "fernet_key" })],
            ["Airflow's _CMD variables naming commands", "aws:lambda/function:Function", lambda({
                AIRFLOW__WEBSERVER__SECRET_KEY_CMD: "cat /run/secrets/webserver_secret_key",
                AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_CMD: "aws secretsmanager get-secret-value --secret-id airflow/db-conn --query SecretString --output text" })],
            ["a VTL template taking its key from the stash", "aws:appsync/resolver:Resolver", resolver(vtl("$ctx.stash.apiKey"))],
            ["a mapping template forwarding the caller's token", "aws:apigateway/integration:Integration", integration("#set($inputRoot = $input.path('$'))\n{\n" +
                "  \"token\": \"Bearer $input.params('token')\",\n  \"apiKey\": \"$stageVariables.partnerKey\",\n  \"mode\": \"strict\",\n  \"message\": $input.json('$.message')\n}")],
        ];
        it.each(harmless)("%s passes", (_label, type, props) => expect(paths(type, props)).toEqual([]));

        const literal = `${PLAIN}${fake.password("h46-literal")}`;
        const found: [string, string, Record<string, unknown>, string, SensitiveValue["reason"]][] = [
            ["put-parameter of a SecureString literal", INSTANCE, ud(`aws ssm put-parameter --name /app/prod/db_password --type SecureString --value '${literal}' --overwrite`),
                "userData", { kind: "script", what: "`aws ssm put-parameter`" }],
            ["put-parameter of a String literal, --name last", INSTANCE, ud(`aws ssm put-parameter --type String --value ${literal} --name /app/prod/db_password`),
                "userData", { kind: "script", what: "`aws ssm put-parameter`" }],
            ["put-parameter over continued lines", INSTANCE, ud(`aws ssm put-parameter \\\n    --name "/app/prod/db_password" \\\n    --type "SecureString" \\\n    --value "${literal}" \\\n    --overwrite`),
                "userData", { kind: "script", what: "`aws ssm put-parameter`" }],
            ["put-parameter with --flag=value", INSTANCE, ud(`aws ssm put-parameter --name=/app/prod/api_key --type=SecureString --value=${PLAIN}${fake.alnum("h46-eq", 32)}`),
                "userData", { kind: "script", what: "`aws ssm put-parameter`" }],
            ["Write-SSMParameter given a literal", INSTANCE, ud(`<powershell>\nWrite-SSMParameter -Name "/app/prod/db_password" -Type SecureString -Value "${literal}" -Overwrite $true\n</powershell>`),
                "userData", { kind: "script", what: "`aws ssm put-parameter`" }],
            ["a seeding task's put-parameter arguments", "aws:ecs/taskDefinition:TaskDefinition", seed(literal), "containerDefinitions.seed.command.7", { kind: "script", what: "`aws ssm put-parameter`" }],
            ["a random value where Airflow takes a backend key", "aws:lambda/function:Function", lambda({ AIRFLOW__WEBSERVER__SECRET_KEY_SECRET: `${PLAIN}${fake.alnum("h46-af", 32)}` }),
                "environment.variables.AIRFLOW__WEBSERVER__SECRET_KEY_SECRET", { kind: "name-and-value" }],
            ["a connection string where Airflow takes a backend key", "aws:lambda/function:Function",
                lambda({ AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_SECRET: `postgresql://airflow:${literal}@airflow-db.internal:5432/airflow` }),
                "environment.variables.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_SECRET", { kind: "format", what: expect.any(String) }],
            ["Airflow 3's jwt_secret itself", "aws:lambda/function:Function", lambda({ AIRFLOW__API_AUTH__JWT_SECRET: literal }), "environment.variables.AIRFLOW__API_AUTH__JWT_SECRET", { kind: "name" }],
            ["a VTL template setting a key", "aws:appsync/resolver:Resolver", resolver(vtl(`"${PLAIN}${fake.hex("h46-vtl", 32)}"`)),
                "requestTemplate", { kind: "script", what: "a mapping template variable given a literal" }],
            ["a mapping template giving a key to a member", "aws:apigateway/integration:Integration", integration(`{\n  "api_key": "${PLAIN}${fake.alnum("h46-tpl", 32)}",\n  "message": $input.json('$.message')\n}`),
                "requestTemplates.application/json", { kind: "script", what: "a mapping template member given a literal" }],
        ];
        it.each(found)("%s is reported", (_label, type, props, path, reason) => {
            const values = findSensitiveValues(type, props, NO_OPTIONS);
            expect(values.map((v) => v.path)).toEqual([path]);
            expect(values[0].reason).toEqual(reason);
        });

        // The same reading of a parameter in documents: CloudFormation's AWS::SSM::Parameter, a Step Functions ssm:putParameter task.
        const STACK = "aws:cloudformation/stack:Stack";
        const template = (properties: Record<string, unknown>) => ({ name: "params", templateBody: JSON.stringify({ Resources: { Param: { Type: "AWS::SSM::Parameter", Properties: properties } } }) });
        const putParameter = (parameters: Record<string, unknown>) => ({ name: "seed", roleArn: "arn:aws:iam::123456789012:role/sfn", definition: JSON.stringify({ StartAt: "Put",
            States: { Put: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:ssm:putParameter", Parameters: parameters, End: true } } }) });
        it.each([
            ["a setting under a setting's name", STACK, template({ Name: "/app/prod/db_host", Type: "String", Value: "db.internal.acme.example" })],
            ["a parameter without a name", STACK, template({ Type: "String", Value: literal })],
            ["a name/value record that is no parameter", STACK, template({ Name: "/app/prod/db_password", Value: literal })],
            ["a task's value from its input", "aws:sfn/stateMachine:StateMachine", putParameter({ Name: "/app/prod/db_password", Type: "SecureString", "Value.$": "$.password" })],
            ["an AMI id", "aws:sfn/stateMachine:StateMachine", putParameter({ Name: "/golden/ami-id", Type: "String", Value: "ami-0abcdef1234567890" })],
        ])("a parameter written by a document: %s passes", (_label, type, props) => expect(paths(type, props)).toEqual([]));
        it.each([
            ["CloudFormation's AWS::SSM::Parameter", STACK, template({ Name: "/app/prod/db_password", Type: "String", Value: literal }), "templateBody.Resources.Param.Properties.Value"],
            ["a Step Functions ssm:putParameter task", "aws:sfn/stateMachine:StateMachine", putParameter({ Name: "/app/prod/db_password", Type: "SecureString", Value: literal, Overwrite: true }),
                "definition.States.Put.Parameters.Value"],
        ])("a parameter written by a document: %s with a literal is reported", (_label, type, props, path) => {
            const values = findSensitiveValues(type, props, NO_OPTIONS);
            expect(values.map((v) => [v.path, v.reason, v.namedBy])).toEqual([[path, { kind: "name" }, "the parameter"]]);
        });
    });

    describe("EKS add-on configuration values in YAML, Ansible's extra variables, maintenance window task parameters, remote scripts' command lines", () => {
        const ADDON = "aws:eks/addon:Addon";
        const ASSOCIATION = "aws:ssm/association:Association";
        const TASK = "aws:ssm/maintenanceWindowTask:MaintenanceWindowTask";
        const addon = (addonName: string, configurationValues: string) => ({ clusterName: "prod", addonName, configurationValues });
        const ansible = (parameters: Record<string, string>) => ({ name: "AWS-ApplyAnsiblePlaybooks", targets: [{ key: "tag:Role", values: ["web"] }], parameters });
        const runCommand = (parameters: { name: string; values: string[] }[]) => ({ windowId: "mw-0123456789abcdef0", taskType: "RUN_COMMAND", taskArn: "AWS-RunShellScript",
            taskInvocationParameters: { runCommandParameters: { parameters } } });
        const literal = `${PLAIN}${fake.password("h53-literal")}`;
        const harmless: [string, string, Record<string, unknown>][] = [
            ["vpc-cni settings as YAML", ADDON, addon("vpc-cni", "env:\n  ENABLE_POD_ENI: \"true\"\n  POD_SECURITY_GROUP_ENFORCING_MODE: standard\n")],
            ["tolerations and token requests as YAML", ADDON, addon("aws-ebs-csi-driver", "controller:\n  tolerations:\n    - key: CriticalAddonsOnly\n      operator: Exists\n" +
                "node:\n  tokenRequests:\n    - audience: sts.amazonaws.com\n")],
            ["a Datadog key named by its Kubernetes secret", ADDON, addon("datadog_operator", "datadog:\n  site: datadoghq.com\n  apiKeyExistingSecret: datadog-secret\n")],
            ["a CoreDNS Corefile", ADDON, addon("coredns", "replicaCount: 2\ncorefile: |\n  .:53 {\n      errors\n      forward . /etc/resolv.conf\n      cache 30\n  }\n")],
            // New Relic's charts: the Secret holding the license key and the key in it ("Key in the Secret object where the license key is stored").
            ["New Relic's license key named by its Kubernetes secret", ADDON, addon("new-relic_kubernetes-integration",
                JSON.stringify({ global: { customSecretName: "newrelic-license", customSecretLicenseKey: "license", cluster: "prod" } }))],
            ["New Relic's keys named by their Kubernetes secrets, as YAML", ADDON, addon("new-relic_kubernetes-integration",
                "global:\n  customSecretName: newrelic-license\n  customSecretLicenseKey: licenseKey\n  customUserKeySecretKey: userKey\n  customInsightsKeySecretKey: insightsKey\n")],
            ["Ansible's extra variables that are settings", ASSOCIATION, ansible({ PlaybookFile: "site.yml", ExtraVariables: "SSM=True env=prod token_ttl=3600", Check: "False" })],
            ["Ansible's extra variables naming where secrets are", ASSOCIATION, ansible({ PlaybookFile: "site.yml", ExtraVariables: "SSM=True db_password_secret=prod/db vault_password_file=/etc/ansible/.vault_pass" })],
            ["a GitHub source whose token is an ssm-secure reference", ASSOCIATION, ansible({ SourceType: "GitHub",
                SourceInfo: JSON.stringify({ owner: "acme", repository: "playbooks", getOptions: "branch:main", tokenInfo: "{{ssm-secure:github-token}}" }), PlaybookFile: "site.yml" })],
            ["remote scripts' command lines", ASSOCIATION, { name: "AWS-RunRemoteScript", parameters: { sourceType: "S3",
                sourceInfo: JSON.stringify({ path: "https://s3.amazonaws.com/acme-scripts/db.sh" }), commandLine: "db.sh --env prod --db-password-file /run/secrets/db" } }],
            ["a remote docker-compose command line", ASSOCIATION, { name: "AWS-RunRemoteScript", parameters: { sourceType: "S3", sourceInfo: "{\"path\": \"https://s3.amazonaws.com/acme-runner/docker-compose.yml\"}",
                commandLine: "docker-compose up -d" } }],
            ["task commands without a credential", TASK, runCommand([{ name: "commands", values: ["yum update -y", "systemctl restart app"] }, { name: "executionTimeout", values: ["3600"] }])],
            ["task commands reading the password at run time", TASK, runCommand([{ name: "commands", values: [
                "DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)", "mysql -u admin -p\"$DB_PASSWORD\" -e 'FLUSH LOGS'"] }])],
        ];
        it.each(harmless)("%s passes", (_label, type, props) => expect(paths(type, props)).toEqual([]));

        const found: [string, string, Record<string, unknown>, string, SensitiveValue["reason"]["kind"]][] = [
            ["a Datadog API key in YAML configuration values", ADDON, addon("datadog_operator", `datadog:\n  site: datadoghq.com\n  apiKey: ${PLAIN}${fake.datadogApi("h53-dd")}\n`),
                "configurationValues.datadog.apiKey", "name"],
            ["New Relic's license key itself", ADDON, addon("new-relic_kubernetes-integration", JSON.stringify({ global: { licenseKey: `${PLAIN}${fake.newrelicLicense("h92-nr")}`, cluster: "prod" } })),
                "configurationValues.global.licenseKey", "name"],
            ["a random value where the key's name belongs", ADDON, addon("new-relic_kubernetes-integration", JSON.stringify({ global: { customSecretLicenseKey: `${PLAIN}${fake.hex("h92-nr-misplaced", 40)}` } })),
                "configurationValues.global.customSecretLicenseKey", "name-and-value"],
            ["an access token in YAML configuration values", ADDON, addon("splunk_splunk-otel-collector-chart", `clusterName: prod\nsplunkObservability:\n  realm: us0\n  accessToken: ${PLAIN}${fake.alnum("h53-splunk", 22)}\n`),
                "configurationValues.splunkObservability.accessToken", "name"],
            ["a password among Ansible's extra variables", ASSOCIATION, ansible({ PlaybookFile: "site.yml", ExtraVariables: `SSM=True db_password=${literal}`, Check: "False" }),
                "parameters.ExtraVariables", "script"],
            ["a password among the deprecated document's extravars", ASSOCIATION, { name: "AWS-RunAnsiblePlaybook", parameters: { playbookurl: "s3://acme-ansible/site.yml", extravars: `SSM=True admin_password=${literal}` } },
                "parameters.extravars", "script"],
            ["a password on a remote script's command line", ASSOCIATION, { name: "AWS-RunRemoteScript", parameters: { sourceType: "S3",
                sourceInfo: JSON.stringify({ path: "https://s3.amazonaws.com/acme-scripts/db.sh" }), commandLine: `db.sh --db-password ${literal}` } }, "parameters.commandLine", "script"],
            ["a password in a task's commands", TASK, runCommand([{ name: "commands", values: ["cd /opt/app", `mysql -u admin -p${literal} -e 'FLUSH LOGS'`] }]),
                "taskInvocationParameters.runCommandParameters.parameters.commands.1", "script"],
        ];
        it.each(found)("%s is reported", (_label, type, props, path, kind) => {
            const values = findSensitiveValues(type, props, NO_OPTIONS);
            expect(values.map((v) => [v.path, v.reason.kind])).toEqual([[path, kind]]);
        });

        it("JSON configuration values were and are read; an unknown YAML document or task value passes", () => {
            expect(paths(ADDON, addon("datadog_operator", JSON.stringify({ datadog: { apiKey: `${PLAIN}${fake.datadogApi("h53-json")}` } })))).toEqual(["configurationValues.datadog.apiKey"]);
            expect(paths(ADDON, addon("datadog_operator", U))).toEqual([]);
            expect(paths(TASK, runCommand([{ name: "commands", values: [U] }]))).toEqual([]);
            expect(paths(TASK, runCommand([{ name: U, values: [`mysql -u admin -p${literal}`] }]))).toEqual([]);
        });
    });

    describe("Kubernetes manifests written as strings: a Secret's values are plaintext, a SealedSecret's are sealed to the controller's public key", () => {
        const PARAMETER = "aws:ssm/parameter:Parameter";
        const INSTANCE = "aws:ec2/instance:Instance";
        const sealed = (password: string) => `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: basic-auth\n  namespace: default\nspec:\n  encryptedData:\n    password: ${password}\n` +
            "  template:\n    metadata:\n      name: basic-auth\n";
        const secret = (password: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: basic-auth\nstringData:\n  password: ${password}\n`;
        const parameter = (value: string) => ({ name: "/eks/prod/manifests/basic-auth", type: "String", value });
        const applied = (manifest: string) => ({ ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData: `#!/bin/bash\nkubectl apply -f - <<'EOF'\n${manifest}EOF\n` });
        it.each([
            ["a SealedSecret kept as a parameter", PARAMETER, parameter(sealed(fake.sealedSecret("h92-unit-sealed")))],
            ["a SealedSecret applied from user data", INSTANCE, applied(sealed(fake.sealedSecret("h92-unit-sealed-ud")))],
            ["a SealedSecret sealed with a 2048-bit key", INSTANCE, applied(sealed(fake.sealedSecret("h92-unit-sealed-2048", 256)))],
        ])("%s passes", (_label, type, props) => expect(paths(type, props)).toEqual([]));
        it.each([
            ["a Secret kept as a parameter", PARAMETER, parameter(secret(`${PLAIN}${fake.password("h92-unit-secret")}`)), "value.stringData.password"],
            ["a Secret applied from user data", INSTANCE, applied(secret(`${PLAIN}${fake.password("h92-unit-secret-ud")}`)), "userData"],
            ["a SealedSecret's field given a password", PARAMETER, parameter(sealed(`${PLAIN}${fake.password("h92-unit-unsealed")}`)), "value.spec.encryptedData.password"],
            ["a SealedSecret's field given base64 of its prefix but not its shape", INSTANCE, applied(sealed("AgB" + fake.b64("h92-unit-short", 40))), "userData"],
        ])("%s is reported", (_label, type, props, path) => expect(paths(type, props)).toEqual([path]));
    });

    it("ignoreProperties removes paths written as messages print them, globs allowed", () => {
        const props = { environment: { variables: { PUBLIC_API_KEY: "pk_live_1", PRIVATE_API_KEY: `${PLAIN}-z` } } };
        expect(paths("aws:lambda/function:Function", props, { sensitivePatterns: [], ignoreProperties: ["environment.variables.PUBLIC_API_KEY"] }))
            .toEqual(["environment.variables.PRIVATE_API_KEY"]);
        const ecs = { containerDefinitions: JSON.stringify([{ name: "web", environment: [{ name: "PUBLIC_TOKEN", value: "t" }, { name: "DB_PASSWORD", value: `${PLAIN}-1` }] }]) };
        expect(paths("aws:ecs/taskDefinition:TaskDefinition", ecs, { sensitivePatterns: [], ignoreProperties: ["containerDefinitions.*.PUBLIC_*"] }))
            .toEqual(["containerDefinitions.web.environment.DB_PASSWORD"]);
    });

    it("a value in a JSON document is located at the document property, the smallest thing that can be secret", () => {
        const [v] = findSensitiveValues("aws:ecs/taskDefinition:TaskDefinition",
            { containerDefinitions: JSON.stringify([{ name: "web", environment: [{ name: "DB_PASSWORD", value: `${PLAIN}-2` }] }]) }, NO_OPTIONS);
        expect(v).toMatchObject({ location: ["containerDefinitions"], documentParts: 1 });
        const [pair] = findSensitiveValues("aws:elasticbeanstalk/environment:Environment",
            { settings: [{ namespace: "ns", name: "Region", value: "x" }, { namespace: "ns", name: "API_KEY", value: `${PLAIN}-3` }] }, NO_OPTIONS);
        expect(pair.location).toEqual(["settings", 1, "value"]);
    });

    // pulumi-cdk sends CDK's functions and task definitions as aws-native resources: their
    // environments are read as the classic types' are (names count there), the rest of the
    // resource as another provider's. CDK's `SecretValue.secretsManager` is a CloudFormation
    // dynamic reference, which pulumi-cdk resolves into a Pulumi secret (pulumi/pulumi-cdk#202);
    // the reference text itself (`check` on a synthesized template) is a reference.
    describe("aws-native resources pulumi-cdk sends (environments and master passwords read as the classic types')", () => {
        const NATIVE_LAMBDA = "aws-native:lambda:Function";
        const NATIVE_ECS = "aws-native:ecs:TaskDefinition";
        const nativeFn = (variables: Record<string, unknown>) => ({ role: "arn:aws:iam::123456789012:role/api", runtime: "nodejs20.x", handler: "index.handler", environment: { variables } });
        // aws-native's containerDefinitions is a list of objects (TaskDefinitionContainerDefinitionArgs), not a JSON string.
        const nativeTask = (container: Record<string, unknown>) => ({ family: "orders", containerDefinitions: [{ name: "web", image: "nginx", essential: true, ...container }] });
        const DYNAMIC_REF = "{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-db-AbCdEf:SecretString:password::}}";
        const cases: [string, string, Record<string, unknown>, string[]][] = [
            // False alarms first: what CDK programs write.
            ["a Lambda variable from SecretValue.secretsManager (a dynamic reference) passes", NATIVE_LAMBDA, nativeFn({ DB_PASSWORD: DYNAMIC_REF, LOG_LEVEL: "info" }), []],
            ["a Lambda variable holding a secret's ARN, a TTL and a secret's name pass", NATIVE_LAMBDA,
                nativeFn({ DB_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-db-AbCdEf", TOKEN_TTL: "3600", SECRET_NAME: "orders-db" }), []],
            ["a Lambda variable unknown at preview passes", NATIVE_LAMBDA, nativeFn({ API_TOKEN: U }), []],
            ["ECS secrets (valueFrom) and a dynamic reference in environment pass", NATIVE_ECS,
                nativeTask({ environment: [{ name: "DB_PASSWORD", value: DYNAMIC_REF }, { name: "PORT", value: "80" }],
                    secrets: [{ name: "API_KEY", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-AbCdEf" }] }), []],
            ["an ECS pair whose name is unknown at preview passes", NATIVE_ECS, nativeTask({ environment: [{ name: U, value: `${PLAIN}-native-u` }] }), []],
            ["outside the environments names do not count, as for other providers", NATIVE_LAMBDA,
                { ...nativeFn({}), description: `${PLAIN}-native-d`, tags: [{ key: "api_token", value: `${PLAIN}-native-t` }] }, []],
            // Plaintext credentials, as the classic types report them.
            ["a Lambda variable named like a credential is reported", NATIVE_LAMBDA, nativeFn({ LOG_LEVEL: "info", DB_PASSWORD: `${PLAIN}-native-a` }), ["environment.variables.DB_PASSWORD"]],
            ["a Lambda URL with a password is reported", NATIVE_LAMBDA, nativeFn({ DATABASE_URL: `postgres://app:${PLAIN}@db:5432/orders` }), ["environment.variables.DATABASE_URL"]],
            ["an ECS environment pair named like a credential is reported", NATIVE_ECS,
                nativeTask({ environment: [{ name: "PORT", value: "80" }, { name: "DB_PASSWORD", value: `${PLAIN}-native-b` }] }), ["containerDefinitions.web.environment.DB_PASSWORD"]],
            // Databases' master passwords (aws-native's SDK marks none secret): CDK's generated
            // credentials are a dynamic reference; `manageMasterUserPassword` and the managed secret pass.
            ["an RDS instance's generated credentials (a dynamic reference) pass", "aws-native:rds:DbInstance",
                { engine: "postgres", dbInstanceClass: "db.t4g.micro", masterUsername: "{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:SecretString:username::}}", masterUserPassword: DYNAMIC_REF }, []],
            ["a cluster's managed master password passes", "aws-native:rds:DbCluster",
                { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true, masterUserSecret: { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" } }, []],
            ["a master password unknown at preview passes", "aws-native:redshift:Cluster", { clusterType: "single-node", nodeType: "ra3.large", masterUsername: "app", masterUserPassword: U }, []],
            ["an RDS instance's literal master password is reported", "aws-native:rds:DbInstance",
                { engine: "postgres", dbInstanceClass: "db.t4g.micro", masterUsername: "app", masterUserPassword: `${PLAIN}-native-db` }, ["masterUserPassword"]],
            ["Aurora's literal master password is reported", "aws-native:rds:DbCluster",
                { engine: "aurora-postgresql", masterUsername: "app", masterUserPassword: `${PLAIN}-native-cl` }, ["masterUserPassword"]],
            ["Redshift's literal master password is reported", "aws-native:redshift:Cluster",
                { clusterType: "single-node", nodeType: "ra3.large", masterUsername: "app", masterUserPassword: `${PLAIN}-native-rs` }, ["masterUserPassword"]],
            ["DocumentDB Elastic's literal admin password is reported", "aws-native:docdbelastic:Cluster",
                { clusterName: "orders", adminUserName: "app", authType: "PLAIN_TEXT", shardCapacity: 2, shardCount: 1, adminUserPassword: `${PLAIN}-native-dd` }, ["adminUserPassword"]],
        ];
        it.each(cases)("%s", (_label, type, props, expected) => {
            expect(paths(type, props)).toEqual(expected);
        });
    });

    // Other services' credentials in aws-native resources (aws-native 1.79.0 marks none secret): the
    // inputs the classic types hold them in, read by name (a reference or a setting passes).
    describe("aws-native credentials of other services (users, master users, environments, settings, user data)", () => {
        const DYNAMIC_REF = "{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:svc-AbCdEf:SecretString:password::}}";
        const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:svc-AbCdEf";
        const broker = (users: unknown[]) => ({ brokerName: "orders", engineType: "ACTIVEMQ", engineVersion: "5.18", hostInstanceType: "mq.t3.micro", deploymentMode: "SINGLE_INSTANCE", publiclyAccessible: false, users });
        const domain = (masterUserOptions: Record<string, unknown>) => ({ domainName: "search", engineVersion: "OpenSearch_2.17",
            advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: true, masterUserOptions } });
        const appRunner = (runtimeEnvironmentVariables: unknown[], runtimeEnvironmentSecrets: unknown[] = []) => ({
            sourceConfiguration: { imageRepository: { imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest", imageRepositoryType: "ECR_PUBLIC",
                imageConfiguration: { port: "8000", runtimeEnvironmentVariables, runtimeEnvironmentSecrets } } },
        });
        const model = (environment: Record<string, string>) => ({ executionRoleArn: "arn:aws:iam::123456789012:role/sm", primaryContainer: { image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1", environment } });
        const batchJob = (environment: unknown[], secrets: unknown[] = []) => ({ type: "container", containerProperties: { image: "public.ecr.aws/amazonlinux/amazonlinux:2023", environment, secrets } });
        const glue = (connectionProperties: Record<string, string>) => ({ catalogId: "123456789012", connectionInput: { name: "orders-jdbc", connectionType: "JDBC", connectionProperties } });
        const beanstalk = (optionSettings: unknown[]) => ({ applicationName: "orders", solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", optionSettings });
        const b64 = (s: string) => Buffer.from(s).toString("base64");
        const glueJob = (defaultArguments: unknown, nonOverridableArguments?: unknown) => ({ name: "orders-etl", role: "arn:aws:iam::123456789012:role/glue",
            command: { name: "glueetl", scriptLocation: "s3://acme-glue/etl.py" }, defaultArguments, ...(nonOverridableArguments ? { nonOverridableArguments } : {}) });
        const airflow = (airflowConfigurationOptions: unknown) => ({ name: "analytics", executionRoleArn: "arn:aws:iam::123456789012:role/mwaa", airflowConfigurationOptions });
        const cases: [string, string, Record<string, unknown>, string[]][] = [
            // False alarms first: references, generated credentials, settings, unknowns, other names.
            ["an MQ user's password from Secrets Manager (a dynamic reference) passes", "aws-native:amazonmq:Broker", broker([{ username: "app", password: DYNAMIC_REF, consoleAccess: false }]), []],
            ["an MQ user's password unknown at preview passes", "aws-native:amazonmq:Broker", broker([{ username: "app", password: U }]), []],
            ["an OpenSearch master user by ARN, and CDK's generated master password, pass", "aws-native:opensearchservice:Domain",
                domain({ masterUserName: "admin", masterUserPassword: DYNAMIC_REF }), []],
            ["an IAM user's password from SecretValue.ssmSecure (a dynamic reference) passes", "aws-native:iam:User",
                { userName: "ops", loginProfile: { password: "{{resolve:ssm-secure:secure-parameter:1}}", passwordResetRequired: true } }, []],
            ["App Runner secrets and plain settings pass", "aws-native:apprunner:Service",
                appRunner([{ name: "PORT", value: "8000" }, { name: "DB_SECRET_ARN", value: SECRET_ARN }], [{ name: "DB_PASSWORD", value: SECRET_ARN }]), []],
            ["a SageMaker model's settings pass", "aws-native:sagemaker:Model", model({ HF_MODEL_ID: "distilbert-base-uncased", SAGEMAKER_PROGRAM: "inference.py", HF_TASK: "text-classification" }), []],
            ["Batch secrets and plain settings pass", "aws-native:batch:JobDefinition",
                batchJob([{ name: "AWS_REGION", value: "us-east-1" }, { name: "TOKEN_TTL", value: "3600" }], [{ name: "DB_PASSWORD", valueFrom: SECRET_ARN }]), []],
            ["a Glue connection by Secrets Manager (SECRET_ID) passes", "aws-native:glue:Connection",
                glue({ JDBC_CONNECTION_URL: "jdbc:postgresql://orders.example.internal:5432/orders", SECRET_ID: "orders-db", JDBC_ENFORCE_SSL: "true" }), []],
            ["a DMS endpoint through Secrets Manager passes", "aws-native:dms:Endpoint",
                { endpointType: "source", engineName: "postgres", databaseName: "orders", postgreSqlSettings: { secretsManagerSecretId: SECRET_ARN, secretsManagerAccessRoleArn: "arn:aws:iam::123456789012:role/dms-secrets" } }, []],
            ["an ElastiCache user's passwords unknown at preview pass", "aws-native:elasticache:User",
                { userId: "app", userName: "app", engine: "redis", accessString: "on ~* +@all", authenticationMode: { type: "password", passwords: [U] } }, []],
            ["Beanstalk settings (a key pair's name, an instance profile, a setting) pass", "aws-native:elasticbeanstalk:Environment",
                beanstalk([{ namespace: "aws:autoscaling:launchconfiguration", optionName: "EC2KeyName", value: "orders-keypair" },
                    { namespace: "aws:autoscaling:launchconfiguration", optionName: "IamInstanceProfile", value: "aws-elasticbeanstalk-ec2-role" },
                    { namespace: "aws:elasticbeanstalk:application:environment", optionName: "NODE_ENV", value: "production" }]), []],
            ["a String parameter that is no credential passes", "aws-native:ssm:Parameter", { name: "/get-aws-ssm-parameter/test", type: "String", value: "test" }, []],
            // Helper 133: objects where the classic types take maps (CDK's CfnJob and CfnEnvironment).
            ["a Glue job's settings and a secret's name pass", "aws-native:glue:Job", glueJob({ "--secret_name": "glue/orders/jdbc", "--enable-glue-datacatalog": "true", "--db_password": U }), []],
            ["Airflow options naming a secrets backend pass", "aws-native:mwaa:Environment", airflow({ "core.dag_concurrency": "16", "smtp.smtp_user": "airflow", "smtp.smtp_password": U,
                "secrets.backend_kwargs": JSON.stringify({ connections_prefix: "airflow/connections", variables_prefix: "airflow/variables" }) }), []],
            ["a Glue job's or its options unknown at preview pass", "aws-native:glue:Job", { name: "orders-etl", defaultArguments: U, nonOverridableArguments: U }, []],
            ["a String parameter holding a secret's ARN passes", "aws-native:ssm:Parameter", { name: "/orders/db_password_arn", type: "String", value: SECRET_ARN }, []],
            // Helper 144: an EMR step's arguments, a canary's environment, DataSync locations' credentials.
            ["an EMR step's settings, a secret's ARN and unknown arguments pass", "aws-native:emr:Step",
                { name: "load", jobFlowId: "j-2AXXXXXXGAPLF", actionOnFailure: "CONTINUE", hadoopJarStep: { jar: "command-runner.jar",
                    args: ["spark-submit", "--conf", "spark.authenticate=true", "--password-secret-arn", SECRET_ARN, "--db-password", U, "s3://acme-emr/etl.py"] } }, []],
            ["a Firehose HTTP endpoint's access key unknown at preview or a CloudFormation reference passes", "aws-native:kinesisfirehose:DeliveryStream",
                { deliveryStreamType: "DirectPut", httpEndpointDestinationConfiguration: { endpointConfiguration: { url: "https://http-intake.logs.partner.example/api/v2/logs", accessKey: U } },
                    splunkDestinationConfiguration: { hecToken: "{{resolve:secretsmanager:firehose/splunk:SecretString:token}}" } }, []],
            ["an EMR step's arguments unknown at preview pass", "aws-native:emr:Step", { name: "load", jobFlowId: "j-2AXXXXXXGAPLF", hadoopJarStep: { jar: "command-runner.jar", args: U } }, []],
            ["a canary's settings, a secret's name and an unknown key pass", "aws-native:synthetics:Canary",
                { name: "login", runConfig: { environmentVariables: { TARGET_URL: "https://app.acme.example/login", LOGIN_SECRET_NAME: "canary/login", API_KEY: U } } }, []],
            // Helper 145: a canary's inline script, AppSync code, templates and environment, a user pool identity provider's details.
            ["a canary script typing a password from its environment or a secret, and an unknown script, pass", "aws-native:synthetics:Canary",
                { name: "login", code: { handler: "index.handler", script: "exports.handler = async () => {\n  await page.type('#username', 'canary@acme.example');\n" +
                    "  await page.type('#password', process.env.LOGIN_PASSWORD);\n  const password = JSON.parse(secret.SecretString).password;\n};\n" } }, []],
            ["a canary's form field selectors kept in constants pass (Puppeteer's recorder writes them so)", "aws-native:synthetics:Canary",
                { name: "login", code: { handler: "index.handler", script: "const PASSWORD_SELECTOR = '#password';\nconst passwordInput = 'input[name=\"password\"]';\n" +
                    "exports.handler = async () => {\n  await page.type(PASSWORD_SELECTOR, process.env.LOGIN_PASSWORD);\n};\n" } }, []],
            ["a canary's unknown script passes", "aws-native:synthetics:Canary", { name: "login", code: { handler: "index.handler", script: U } }, []],
            ["a Python canary reading its password from the environment passes", "aws-native:synthetics:Canary",
                { name: "login", runtimeVersion: "syn-python-selenium-5.1", code: { handler: "login.handler", script: "import os\nPASSWORD = os.environ[\"LOGIN_PASSWORD\"]\n" } }, []],
            ["an AppSync resolver reading its key from ctx.env, a forwarded header and an unknown template pass", "aws-native:appsync:Resolver",
                { apiId: "a1b2c3", typeName: "Query", fieldName: "orders", runtime: { name: "APPSYNC_JS", runtimeVersion: "1.0.0" },
                    code: "export function request(ctx) {\n  return { method: 'GET', params: { headers: { 'x-api-key': ctx.env.PARTNER_API_KEY } } };\n}\n",
                    requestMappingTemplate: "{ \"params\": { \"headers\": { \"Authorization\": \"$ctx.request.headers.authorization\" } } }", responseMappingTemplate: U }, []],
            ["an Event API's handlers reading ctx.env and unknown handlers pass", "aws-native:appsync:ChannelNamespace",
                { apiId: "a1b2c3", name: "orders", codeHandlers: "export const onPublish = { request(ctx) { return { params: { headers: { 'x-api-key': ctx.env.KEY } } }; } };\n" }, []],
            ["a GraphQL API's settings, a secret's ARN and an unknown key pass", "aws-native:appsync:GraphQlApi",
                { name: "orders", authenticationType: "API_KEY", environmentVariables: { TABLE_NAME: "orders", KEY_SECRET_ARN: SECRET_ARN, PARTNER_API_KEY: U } }, []],
            ["a user pool identity provider's client id, SAML metadata and an unknown secret pass", "aws-native:cognito:UserPoolIdentityProvider",
                { userPoolId: "us-east-1_AbCdEf123", providerName: "Okta", providerType: "OIDC", providerDetails: { client_id: "0oa1b2c3d4e5f6g7h8i9", client_secret: U,
                    oidc_issuer: "https://acme.okta.com", authorize_scopes: "openid email" } }, []],
            ["DataSync credentials unknown at preview and an object store's user name pass", "aws-native:datasync:LocationObjectStorage",
                { serverHostname: "minio.corp.acme.example", bucketName: "exports", accessKey: "datasync-reader", secretKey: U }, []],
            ["user data that fetches its secret passes", "aws-native:ec2:Instance",
                { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", userData: b64("#!/bin/bash\nexport DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id orders-db --query SecretString --output text)\n") }, []],
            ["a Glue connection's authentication by a secret, a key, a token URL and a client ID passes", "aws-native:glue:Connection",
                { catalogId: "123456789012", connectionInput: { name: "sfdc", connectionType: "SALESFORCE", connectionProperties: { INSTANCE_URL: "https://acme.my.salesforce.com" },
                    authenticationConfiguration: { authenticationType: "OAUTH2", secretArn: SECRET_ARN, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1",
                        oAuth2Properties: { oAuth2GrantType: "CLIENT_CREDENTIALS", tokenUrl: "https://login.salesforce.com/services/oauth2/token",
                            oAuth2ClientApplication: { userManagedClientApplicationClientId: "3MVG9d8..z.hDcPJZPIqn" } } } } }, []],
            ["an Amplify app's token from SecretValue.secretsManager and its generated basic auth pass", "aws-native:amplify:App",
                { name: "site", repository: "https://github.com/acme/site", oauthToken: "{{resolve:secretsmanager:my-github-token:SecretString:::}}",
                    basicAuthConfig: { enableBasicAuth: true, username: "preview", password: DYNAMIC_REF } }, []],
            ["a secret generated by Secrets Manager, and one whose JSON holds no credential, pass", "aws-native:secretsmanager:Secret",
                { name: "orders-db", generateSecretString: { secretStringTemplate: "{\"username\":\"admin\"}", generateStringKey: "password", excludePunctuation: true, passwordLength: 32 } }, []],
            ["a secret's value from another resource, unknown at preview, passes", "aws-native:secretsmanager:Secret", { name: "ci-user-key", secretString: U }, []],
            ["a secret's JSON without a credential passes", "aws-native:secretsmanager:Secret",
                { name: "orders-endpoint", secretString: JSON.stringify({ host: "orders.cluster-c1a2b3.us-east-1.rds.amazonaws.com", port: "5432", username: "app" }) }, []],
            ["CodeBuild GitHub credentials from Secrets Manager (a dynamic reference) pass", "aws-native:codebuild:SourceCredential",
                { serverType: "GITHUB", authType: "PERSONAL_ACCESS_TOKEN", token: "{{resolve:secretsmanager:my-token:SecretString:::}}" }, []],
            ["an EventBridge connection's API key from Secrets Manager passes", "aws-native:events:Connection",
                { authorizationType: "API_KEY", authParameters: { apiKeyAuthParameters: { apiKeyName: "x-api-key", apiKeyValue: "{{resolve:secretsmanager:ApiSecretName:SecretString:::}}" },
                    invocationHttpParameters: { headerParameters: [{ key: "Content-Type", value: "application/json", isValueSecret: false }] } } }, []],
            ["a state machine fetching its secret, and its settings, pass", "aws-native:stepfunctions:StateMachine",
                { roleArn: "arn:aws:iam::123456789012:role/sfn", definitionString: JSON.stringify({ StartAt: "Get", States: { Get: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue",
                    Parameters: { SecretId: SECRET_ARN }, ResultPath: "$.secret", End: true } } }) }, []],
            ["an ECS container's command reading its password from the environment passes", "aws-native:ecs:TaskDefinition",
                { family: "cache", containerDefinitions: [{ name: "redis", image: "redis:7", essential: true, command: ["sh", "-c", "redis-server --requirepass \"$REDIS_PASSWORD\""],
                    secrets: [{ name: "REDIS_PASSWORD", valueFrom: SECRET_ARN }] }] }, []],
            ["a Firehose HTTP endpoint and Splunk stream through Secrets Manager pass", "aws-native:kinesisfirehose:DeliveryStream",
                { deliveryStreamType: "DirectPut", httpEndpointDestinationConfiguration: { endpointConfiguration: { url: "https://aws-kinesis-http-intake.logs.datadoghq.com/v1/input", name: "datadog" },
                    secretsManagerConfiguration: { enabled: true, secretArn: SECRET_ARN, roleArn: "arn:aws:iam::123456789012:role/firehose" } } }, []],
            ["outside the listed inputs names do not count", "aws-native:amazonmq:Broker",
                { ...broker([{ username: "app", password: DYNAMIC_REF }]), tags: [{ key: "api_token", value: `${PLAIN}-native-mq-t` }] }, []],
            // Plaintext credentials, as the classic types report them.
            ["an MQ user's literal password is reported", "aws-native:amazonmq:Broker", broker([{ username: "app", password: `${PLAIN}-native-mq` }]), ["users.0.password"]],
            ["an OpenSearch literal master password is reported", "aws-native:opensearchservice:Domain",
                domain({ masterUserName: "admin", masterUserPassword: `${PLAIN}-native-os` }), ["advancedSecurityOptions.masterUserOptions.masterUserPassword"]],
            ["an IAM user's literal console password is reported", "aws-native:iam:User", { userName: "ops", loginProfile: { password: `${PLAIN}-native-iam` } }, ["loginProfile.password"]],
            ["an App Runner variable named like a credential is reported", "aws-native:apprunner:Service",
                appRunner([{ name: "PORT", value: "8000" }, { name: "DB_PASSWORD", value: `${PLAIN}-native-ar` }]),
                ["sourceConfiguration.imageRepository.imageConfiguration.runtimeEnvironmentVariables.DB_PASSWORD"]],
            ["a SageMaker model variable named like a credential is reported", "aws-native:sagemaker:Model",
                model({ HF_MODEL_ID: "meta-llama/Llama-3-8B", HF_API_TOKEN: `${PLAIN}-native-sm` }), ["primaryContainer.environment.HF_API_TOKEN"]],
            ["a Batch variable named like a credential is reported", "aws-native:batch:JobDefinition",
                batchJob([{ name: "AWS_REGION", value: "us-east-1" }, { name: "DB_PASSWORD", value: `${PLAIN}-native-batch` }]), ["containerProperties.environment.DB_PASSWORD"]],
            ["a Batch ECS container's variable is reported", "aws-native:batch:JobDefinition",
                { type: "container", platformCapabilities: ["FARGATE"], ecsProperties: { taskProperties: [{ containers: [{ name: "main", image: "busybox", environment: [{ name: "API_KEY", value: `${PLAIN}-native-becs` }] }] }] } },
                ["ecsProperties.taskProperties.0.containers.main.environment.API_KEY"]],
            ["a Batch EKS container's variable is reported", "aws-native:batch:JobDefinition",
                { type: "container", eksProperties: { podProperties: { containers: [{ name: "main", image: "busybox", env: [{ name: "DB_PASSWORD", value: `${PLAIN}-native-beks` }] }] } } },
                ["eksProperties.podProperties.containers.main.env.DB_PASSWORD"]],
            ["a multi-node Batch job's ECS container variable is reported", "aws-native:batch:JobDefinition",
                { type: "multinode", nodeProperties: { mainNode: 0, numNodes: 2, nodeRangeProperties: [{ targetNodes: "0:",
                    ecsProperties: { taskProperties: [{ containers: [{ name: "mpi", image: "busybox", environment: [{ name: "DB_PASSWORD", value: `${PLAIN}-native-bnode` }] }] }] } }] } },
                ["nodeProperties.nodeRangeProperties.0.ecsProperties.taskProperties.0.containers.mpi.environment.DB_PASSWORD"]],
            ["a Glue connection's OAuth client secret is reported", "aws-native:glue:Connection",
                { catalogId: "123456789012", connectionInput: { name: "sfdc", connectionType: "SALESFORCE",
                    authenticationConfiguration: { authenticationType: "OAUTH2", oAuth2Properties: { oAuth2GrantType: "CLIENT_CREDENTIALS",
                        oAuth2Credentials: { userManagedClientApplicationClientSecret: `${PLAIN}-native-glue-oauth` } } } } },
                ["connectionInput.authenticationConfiguration.oAuth2Properties.oAuth2Credentials.userManagedClientApplicationClientSecret"]],
            ["a Glue connection's literal PASSWORD is reported", "aws-native:glue:Connection",
                glue({ JDBC_CONNECTION_URL: "jdbc:postgresql://orders.example.internal:5432/orders", USERNAME: "etl", PASSWORD: `${PLAIN}-native-glue` }), ["connectionInput.connectionProperties.PASSWORD"]],
            ["a DMS endpoint's literal password is reported, at the top and in its settings", "aws-native:dms:Endpoint",
                { endpointType: "source", engineName: "mongodb", username: "dms", password: `${PLAIN}-native-dms`, serverName: "mongo.internal", port: 27017,
                    mongoDbSettings: { authType: "password", password: `${PLAIN}-native-dms-m` }, kafkaSettings: { saslUserName: "dms", saslPassword: `${PLAIN}-native-dms-k` } },
                ["password", "mongoDbSettings.password", "kafkaSettings.saslPassword"]],
            ["an ElastiCache user's literal password is reported", "aws-native:elasticache:User",
                { userId: "app", userName: "app", engine: "redis", accessString: "on ~* +@all", passwords: [`${PLAIN}-native-ec-passw0rd`] }, ["passwords.0"]],
            ["a MemoryDB user's literal password is reported", "aws-native:memorydb:User",
                { userName: "app", accessString: "on ~* &* +@all", authenticationMode: { type: "password", passwords: [`${PLAIN}-native-mdb-passw0rd`] } }, ["authenticationMode.passwords.0"]],
            ["an Amplify app's basic auth password and credential variable are reported", "aws-native:amplify:App",
                { name: "site", basicAuthConfig: { enableBasicAuth: true, username: "preview", password: `${PLAIN}-native-amp` },
                    environmentVariables: [{ name: "AMPLIFY_MONOREPO_APP_ROOT", value: "frontend" }, { name: "API_SECRET", value: `${PLAIN}-native-amp-v` }] },
                ["basicAuthConfig.password", "environmentVariables.API_SECRET"]],
            ["a Beanstalk environment variable named like a credential is reported", "aws-native:elasticbeanstalk:Environment",
                beanstalk([{ namespace: "aws:elasticbeanstalk:application:environment", optionName: "NODE_ENV", value: "production" },
                    { namespace: "aws:elasticbeanstalk:application:environment", optionName: "DB_PASSWORD", value: `${PLAIN}-native-eb` }]), ["optionSettings.DB_PASSWORD"]],
            ["a String parameter named like a credential holding a literal is reported", "aws-native:ssm:Parameter",
                { name: "/orders/prod/db_password", type: "String", value: `${PLAIN}-native-ssm` }, ["value"]],
            ["a secret's literal value (SecretValue.unsafePlainText) is reported", "aws-native:secretsmanager:Secret",
                { name: "api", secretString: `${PLAIN}-native-sm-value` }, ["secretString"]],
            ["a secret's JSON with a literal password is reported at the string", "aws-native:secretsmanager:Secret",
                { name: "orders-db", secretString: JSON.stringify({ username: "app", password: `${PLAIN}-native-sm-json` }) }, ["secretString.password"]],
            ["a CodeBuild source credential's literal token is reported", "aws-native:codebuild:SourceCredential",
                { serverType: "BITBUCKET", authType: "BASIC_AUTH", username: "ci", token: `${PLAIN}-native-cb` }, ["token"]],
            ["an EventBridge connection's literal API key, password and client secret are reported", "aws-native:events:Connection",
                { authorizationType: "OAUTH_CLIENT_CREDENTIALS", authParameters: {
                    apiKeyAuthParameters: { apiKeyName: "x-api-key", apiKeyValue: `${PLAIN}-native-ev-k` },
                    basicAuthParameters: { username: "hook", password: `${PLAIN}-native-ev-p` },
                    oAuthParameters: { authorizationEndpoint: "https://auth.example.com/oauth2/token", httpMethod: "POST", clientParameters: { clientId: "orders", clientSecret: `${PLAIN}-native-ev-c` } },
                    invocationHttpParameters: { headerParameters: [{ key: "Content-Type", value: "application/json" }, { key: "x-functions-key", value: `${PLAIN}-native-ev-h`, isValueSecret: false }] } } },
                ["authParameters.apiKeyAuthParameters.apiKeyValue", "authParameters.basicAuthParameters.password", "authParameters.oAuthParameters.clientParameters.clientSecret",
                    "authParameters.invocationHttpParameters.headerParameters.x-functions-key"]],
            ["a state machine's ECS override with a literal password is reported", "aws-native:stepfunctions:StateMachine",
                { roleArn: "arn:aws:iam::123456789012:role/sfn", definitionString: JSON.stringify({ StartAt: "Run", States: { Run: { Type: "Task", Resource: "arn:aws:states:::ecs:runTask.sync",
                    Parameters: { Cluster: "orders", TaskDefinition: "migrate", Overrides: { ContainerOverrides: [{ Name: "migrate", Environment: [{ Name: "DB_PASSWORD", Value: `${PLAIN}-native-sfn` }] }] } }, End: true } } }) },
                ["definitionString.States.Run.Parameters.Overrides.ContainerOverrides.migrate.Environment.DB_PASSWORD"]],
            ["an ECS container's command with a literal password flag is reported", "aws-native:ecs:TaskDefinition",
                { family: "cache", containerDefinitions: [{ name: "redis", image: "redis:7", essential: true, command: ["redis-server", "--requirepass", `${PLAIN}-native-cmd`] }] },
                ["containerDefinitions.redis.command.2"]],
            ["a Batch command with a literal password flag is reported", "aws-native:batch:JobDefinition",
                { type: "container", containerProperties: { image: "mongo:7", command: ["mongodump", "--username", "app", "--password", `${PLAIN}-native-bcmd`] } },
                ["containerProperties.command.4"]],
            ["Firehose's literal Splunk HEC token and Redshift password are reported", "aws-native:kinesisfirehose:DeliveryStream",
                { deliveryStreamType: "DirectPut",
                    splunkDestinationConfiguration: { hecEndpoint: "https://http-inputs-firehose-acme.splunkcloud.com:443", hecEndpointType: "Raw", hecToken: `${PLAIN}-native-hec` },
                    redshiftDestinationConfiguration: { clusterJdbcurl: "jdbc:redshift://dw.example.us-east-1.redshift.amazonaws.com:5439/dev", username: "firehose", password: `${PLAIN}-native-fh-rs` } },
                ["splunkDestinationConfiguration.hecToken", "redshiftDestinationConfiguration.password"]],
            ["a Glue job's literal password argument is reported", "aws-native:glue:Job",
                glueJob({ "--db_user": "etl", "--db_password": `${PLAIN}-native-glue` }, { "--api_token": `${PLAIN}-native-glue-fixed` }), ["defaultArguments.--db_password", "nonOverridableArguments.--api_token"]],
            ["Airflow's literal SMTP password is reported", "aws-native:mwaa:Environment", airflow({ "smtp.smtp_user": "airflow", "smtp.smtp_password": `${PLAIN}-native-mwaa` }),
                ["airflowConfigurationOptions.smtp.smtp_password"]],
            ["an EMR step's literal password argument is reported", "aws-native:emr:Step",
                { name: "load", jobFlowId: "j-2AXXXXXXGAPLF", hadoopJarStep: { jar: "command-runner.jar", args: ["spark-submit", "s3://acme-emr/etl.py", "--db-password", `${PLAIN}-native-emr`] } },
                ["hadoopJarStep.args.3"]],
            ["a Firehose HTTP endpoint's literal access key is reported", "aws-native:kinesisfirehose:DeliveryStream",
                { deliveryStreamType: "DirectPut", httpEndpointDestinationConfiguration: { endpointConfiguration: { url: "https://http-intake.logs.partner.example/api/v2/logs", accessKey: `${PLAIN}-native-fh-http` } } },
                ["httpEndpointDestinationConfiguration.endpointConfiguration.accessKey"]],
            ["a canary's literal password is reported", "aws-native:synthetics:Canary",
                { name: "login", runConfig: { environmentVariables: { LOGIN_USER: "canary@acme.example", LOGIN_PASSWORD: `${PLAIN}-native-canary` } } }, ["runConfig.environmentVariables.LOGIN_PASSWORD"]],
            // Helper 145.
            ["a canary script typing a literal password is reported", "aws-native:synthetics:Canary",
                { name: "login", code: { handler: "index.handler", script: `exports.handler = async () => {\n  await page.type('#password', '${PLAIN}-native-canary-script');\n};\n` } }, ["code.script"]],
            ["a Selenium canary sending a literal password is reported", "aws-native:synthetics:Canary",
                { name: "login", runtimeVersion: "syn-python-selenium-5.1", code: { handler: "login.handler",
                    script: `def login(browser):\n    browser.find_element(By.ID, "password").send_keys("${PLAIN}-native-canary-py")\n` } }, ["code.script"]],
            ["a multi-checks canary's literal password is reported", "aws-native:synthetics:Canary",
                { name: "health", code: { blueprintTypes: ["multi-checks"], script: JSON.stringify({ version: "1.0", checks: [{ id: "1", type: "HTTP",
                    request: { url: "https://api.acme.example", method: "GET", authentication: { type: "BASIC", username: "canary", password: `${PLAIN}-native-multichecks` } } }] }) } },
                ["code.script.checks.0.request.authentication.password"]],
            ["an AppSync resolver's literal API key in code and template is reported", "aws-native:appsync:Resolver",
                { apiId: "a1b2c3", typeName: "Query", fieldName: "orders", runtime: { name: "APPSYNC_JS", runtimeVersion: "1.0.0" },
                    code: `export function request(ctx) {\n  return { method: 'GET', params: { headers: { 'x-api-key': '${PLAIN}-native-resolver' } } };\n}\n`,
                    requestMappingTemplate: `#set($apiKey = "${PLAIN}-native-vtl")\n{ "params": { "headers": { "x-api-key": "$apiKey" } } }` }, ["code", "requestMappingTemplate"]],
            ["an AppSync function's literal token is reported", "aws-native:appsync:FunctionConfiguration",
                { apiId: "a1b2c3", name: "fetch", dataSourceName: "partner", code: `export function request(ctx) {\n  const token = '${PLAIN}-native-function';\n  return {};\n}\n` }, ["code"]],
            ["an aws-native Event API's handlers with a literal key are reported", "aws-native:appsync:ChannelNamespace",
                { apiId: "a1b2c3", name: "orders", codeHandlers: `export const onPublish = { request(ctx) { return { params: { headers: { 'x-api-key': '${PLAIN}-native-ns' } } }; } };\n` }, ["codeHandlers"]],
            ["a classic Event API's handlers with a literal key are reported", "aws:appsync/channelNamespace:ChannelNamespace",
                { apiId: "a1b2c3", name: "orders", codeHandlers: `export const onPublish = { request(ctx) { return { params: { headers: { 'x-api-key': '${PLAIN}-classic-ns' } } }; } };\n` }, ["codeHandlers"]],
            ["a GraphQL API's literal API key variable is reported", "aws-native:appsync:GraphQlApi",
                { name: "orders", authenticationType: "API_KEY", environmentVariables: { TABLE_NAME: "orders", PARTNER_API_KEY: `${PLAIN}-native-graphql` } }, ["environmentVariables.PARTNER_API_KEY"]],
            ["a user pool identity provider's literal client secret is reported", "aws-native:cognito:UserPoolIdentityProvider",
                { userPoolId: "us-east-1_AbCdEf123", providerName: "Okta", providerType: "OIDC", providerDetails: { client_id: "0oa1b2c3d4e5f6g7h8i9", client_secret: `${PLAIN}-native-idp`,
                    oidc_issuer: "https://acme.okta.com" } }, ["providerDetails.client_secret"]],
            ["a DataSync SMB literal password is reported", "aws-native:datasync:LocationSmb",
                { serverHostname: "fs.corp.acme.example", subdirectory: "/exports", user: "svc-datasync", password: `${PLAIN}-native-smb` }, ["password"]],
            ["a DataSync object store's literal secret key is reported", "aws-native:datasync:LocationObjectStorage",
                { serverHostname: "minio.corp.acme.example", bucketName: "exports", accessKey: "datasync-reader", secretKey: `${PLAIN}-native-os` }, ["secretKey"]],
            ["a DataSync FSx for ONTAP literal SMB password is reported", "aws-native:datasync:LocationFSxOntap",
                { storageVirtualMachineArn: "arn:aws:fsx:us-east-1:123456789012:storage-virtual-machine/fs-0123456789abcdef0/svm-0123456789abcdef0",
                    protocol: { smb: { domain: "CORP", user: "svc-datasync", password: `${PLAIN}-native-ontap`, mountOptions: { version: "SMB3" } } } }, ["protocol.smb.password"]],
            ["a DataSync FSx for Windows literal password is reported", "aws-native:datasync:LocationFSxWindows",
                { fsxFilesystemArn: "arn:aws:fsx:us-east-1:123456789012:file-system/fs-0123456789abcdef0", user: "svc-datasync", password: `${PLAIN}-native-fsxw` }, ["password"]],
            ["a DataSync Azure Blob literal SAS token is reported", "aws-native:datasync:LocationAzureBlob",
                { azureBlobContainerUrl: "https://acmeprod.blob.core.windows.net/exports", azureBlobAuthenticationType: "SAS", azureBlobSasConfiguration: { azureBlobSasToken: `sp=r&st=2026-01-01&se=2027-01-01&sig=${PLAIN}-native-sas` } },
                ["azureBlobSasConfiguration.azureBlobSasToken"]],
            ["user data exporting a literal password is reported", "aws-native:ec2:Instance",
                { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", userData: b64(`#!/bin/bash\nexport DB_PASSWORD=${PLAIN}-native-ud\n`) }, ["userData"]],
            ["a launch template's user data exporting a literal password is reported", "aws-native:ec2:LaunchTemplate",
                { launchTemplateName: "web", launchTemplateData: { imageId: "ami-0123456789abcdef0", userData: b64(`#!/bin/bash\nexport API_TOKEN=${PLAIN}-native-lt\n`) } }, ["launchTemplateData.userData"]],
        ];
        it.each(cases)("%s", (_label, type, props, expected) => {
            expect(paths(type, props)).toEqual(expected);
        });
    });

    // Helper 98: EventBridge's API requires authorization parameters even where the target checks none; public programs fill
    // them with a word saying so (gemyago/aws-messaging-boilerplate-go: `Authorization: Bearer NOT-USED`). `dummy` is still
    // reported: it is what a target that checks a key checks (`SECRET_KEY_BASE=dummy bin/rails server`, decision 4).
    describe("a value that says it is not used (an EventBridge connection's required key)", () => {
        const CONNECTION = "aws:cloudwatch/eventConnection:EventConnection";
        const apiKey = (key: string, value: unknown) => ({ name: "hook", authorizationType: "API_KEY", authParameters: { apiKey: { key, value } } });
        const API_KEY = "authParameters.apiKey.value";
        it.each([
            ["unused", "unused"], ["UNUSED", "UNUSED"], ["not-used", "not-used"], ["not_used", "not_used"], ["Not Used", "Not Used"],
            ["NOT-USED after a Bearer scheme", "Bearer NOT-USED"], ["unused after a Basic scheme", "Basic unused"],
        ])("%s is no credential", (_label, value) => {
            expect(isUnusable(value)).toBe(true);
            expect(paths(CONNECTION, apiKey("Authorization", value))).toEqual([]);
        });
        it("in every auth block, classic and aws-native, and under a credential's name in an environment", () => {
            expect(paths(CONNECTION, { name: "erp", authorizationType: "BASIC", authParameters: { basic: { username: "unused", password: "unused" } } })).toEqual([]);
            expect(paths(CONNECTION, { name: "crm", authorizationType: "OAUTH_CLIENT_CREDENTIALS", authParameters: { oauth: { authorizationEndpoint: "https://auth.crm.example/oauth2/token",
                httpMethod: "POST", clientParameters: { clientId: "eventbridge", clientSecret: "not-used" } } } })).toEqual([]);
            expect(paths("aws-native:events:Connection", { authorizationType: "BASIC", authParameters: { basicAuthParameters: { username: "unused", password: "unused" } } })).toEqual([]);
            expect(paths("aws:lambda/function:Function", { environment: { variables: { GITHUB_TOKEN: "unused" } } })).toEqual([]);
        });
        it("a dummy, a one-character value, a scheme before a real token, and a word before a generated one are still reported", () => {
            for (const value of ["dummy", "Bearer dummy", "x", "1234", `Bearer ${PLAIN}-eb-bearer-0a1B2c3D4e5F`, `unused-${PLAIN}-eb-0a1B2c3D4e5F6g7H`]) {
                expect(paths(CONNECTION, apiKey("Authorization", value)), value.includes(PLAIN) ? "a generated value" : value).toEqual([API_KEY]);
            }
            expect(paths("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: JSON.stringify([{ name: "web", image: "rails:7", command: ["bin/rails", "server"],
                environment: [{ name: "SECRET_KEY_BASE", value: "dummy" }] }]) })).toEqual(["containerDefinitions.web.environment.SECRET_KEY_BASE"]);
        });
        it("a key unknown at preview passes", () => {
            expect(paths(CONNECTION, apiKey("Authorization", U))).toEqual([]);
        });
    });

    // Helper 105's replay. Teams' Workflows webhooks are Power Automate trigger URLs whose `sig` is a shared access
    // signature ("The SAS signature", Logic Apps' WorkflowTriggerCallbackUrl); PostgreSQL's SCRAM verifier, as pgbouncer's
    // auth_file takes it, is a verifier (decision 3), as bcrypt and Argon2 hashes are.
    describe("a Power Automate webhook's signature, a SCRAM verifier", () => {
        const LAMBDA = "aws:lambda/function:Function";
        const ECS = "aws:ecs/taskDefinition:TaskDefinition";
        const trigger = "https://prod-27.westeurope.logic.azure.com:443/workflows/0a1b2c3d4e5f60718293a4b5c6d7e8f9/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=";
        const sig = `${PLAIN}-pa-Xk3_9vQ2LmT8wR5zN1yB7cD4fH6jK0sA`;
        const scram = "SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0c2FsdA==$" + "dGhpcyBpcyBhIHN0b3JlZCBrZXkgb2Ygc2NyYW0gc2hhMjU=" + ":" + "dGhpcyBpcyBhIHNlcnZlciBrZXkgb2Ygc2NyYW0gc2hhMjU=";
        const task = (environment: unknown) => ({ family: "pgbouncer", containerDefinitions: JSON.stringify([{ name: "pgbouncer", image: "bitnami/pgbouncer:1.23.1", environment }]) });
        it("a trigger URL is reported under any name, in a container's environment and in a script too", () => {
            expect(paths(LAMBDA, { environment: { variables: { TEAMS_WEBHOOK_URL: trigger + sig, LOG_LEVEL: "info" } } })).toEqual(["environment.variables.TEAMS_WEBHOOK_URL"]);
            expect(paths(ECS, task([{ name: "NOTIFY", value: trigger + sig }]))).toEqual(["containerDefinitions.pgbouncer.environment.NOTIFY"]);
            expect(paths("aws:ec2/instance:Instance", { userData: `#!/bin/bash\ncurl -X POST -H 'Content-Type: application/json' -d @/tmp/card.json '${trigger}${sig}'\n` })).toEqual(["userData"]);
        });
        it("a masked signature, a URL without one and one unknown at preview pass", () => {
            for (const url of [trigger + "X".repeat(43), trigger + "<signature>", trigger.replace(/&sv=.*$/, ""), U]) {
                expect(paths(LAMBDA, { environment: { variables: { TEAMS_WEBHOOK_URL: url } } }), url.slice(-20)).toEqual([]);
            }
        });
        it("a SCRAM verifier under a password's name passes, as bcrypt's does; a password there, or a SCRAM prefix before one, is reported", () => {
            expect(paths(ECS, task([{ name: "PGBOUNCER_USER_PASSWORD", value: scram }, { name: "ADMIN_PASSWORD", value: fake.bcrypt("scram-neighbour") }]))).toEqual([]);
            expect(paths(ECS, task([{ name: "PGBOUNCER_USER_PASSWORD", value: `${PLAIN}-pgb-0a1B2c3D4e5F` }, { name: "DB_PASSWORD", value: `SCRAM-SHA-256$4096:${PLAIN}-pgb-0a1B2c3D4e5F` }])))
                .toEqual(["containerDefinitions.pgbouncer.environment.PGBOUNCER_USER_PASSWORD", "containerDefinitions.pgbouncer.environment.DB_PASSWORD"]);
            expect(paths(ECS, task([{ name: "PGBOUNCER_USER_PASSWORD", value: U }]))).toEqual([]);
        });
    });

    // Helper 118: other secret scanners' false alarms and misses, put in AWS resources.
    describe("other scanners' cases (TruffleHog, checkov, gitleaks)", () => {
        const LAMBDA = "aws:lambda/function:Function";
        const env = (variables: Record<string, unknown>) => paths(LAMBDA, { environment: { variables: { LOG_LEVEL: "info", ...variables } } });
        const NIL_UUID = "00000000-0000-0000-0000-000000000000";
        const MAX_UUID = "ffffffff-ffff-ffff-ffff-ffffffffffff";
        // trufflehog#2838: the Nil UUID (RFC 9562 §5.9, all bits zero) under an API key's name, a placeholder no service issues.
        it("the Nil and Max UUIDs are placeholders under a credential's name; a random UUID there is reported", () => {
            for (const value of [NIL_UUID, MAX_UUID, MAX_UUID.toUpperCase()]) {
                expect(isUnusable(value)).toBe(true);
                expect(env({ MAKE_API_KEY: value }), value).toEqual([]);
            }
            expect(env({ MAKE_API_KEY: "3f9c2a71-5b8e-4d0f-9a6c-1e2b3c4d5e6f" })).toEqual(["environment.variables.MAKE_API_KEY"]);
            expect(env({ MAKE_API_KEY: U })).toEqual([]);
        });
        // Vault's AppRole: "SecretID is a credential that is required by default for any login"; a RoleID is its user name.
        it("Vault's AppRole SecretID is a credential; its references, its RoleID and AWS's SecretId stay names", () => {
            for (const name of ["VAULT_SECRET_ID", "VAULT_APPROLE_SECRET_ID", "APPROLE_SECRET_ID", "vaultSecretId", "vault_approle_secret_id"]) {
                expect(nameLooksSensitive(name), name).toBe(true);
                expect(env({ [name]: "5e2c8a4f-1b7d-4c3e-9f0a-6d8b2e4c1a7f" }), name).toEqual([`environment.variables.${name}`]);
            }
            for (const name of ["VAULT_SECRET_ID_FILE", "VAULT_SECRET_ID_KEY", "VAULT_ROLE_ID", "SECRET_ID", "DB_SECRET_ID", "VAULT_SECRET_ID_TTL"]) {
                expect(nameLooksSensitive(name), name).toBe(false);
            }
            expect(env({ VAULT_SECRET_ID: "/run/secrets/vault-secret-id", VAULT_ROLE_ID: "5e2c8a4f-1b7d-4c3e-9f0a-6d8b2e4c1a7f", SECRET_ID: "prod/orders/db",
                DB_SECRET_ID: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-Ab12Cd", VAULT_SECRET_ID_KEY: "inf-vsqt-01-secret-id" })).toEqual([]);
            expect(env({ VAULT_SECRET_ID: U })).toEqual([]);
        });
        // Helper 124: the SecretID spelled as one word, as public programs and Spring Cloud Vault's relaxed binding write it.
        it("Vault's AppRole SecretID spelled joined is a credential; its file, TTL and RoleID stay names", () => {
            for (const name of ["APPROLESECRETID", "VAULT_APPROLE_SECRETID", "KAS_APPROLE_SECRETID", "SPRING_CLOUD_VAULT_APPROLE_SECRETID", "AppRoleSecretID", "VAULTSECRETID"]) {
                expect(nameLooksSensitive(name), name).toBe(true);
                expect(env({ [name]: "5e2c8a4f-1b7d-4c3e-9f0a-6d8b2e4c1a7f" }), name).toEqual([`environment.variables.${name}`]);
                expect(env({ [name]: U }), name).toEqual([]);
            }
            for (const name of ["APPROLE_SECRETID_FILE", "VAULT_APPROLE_SECRETID_TTL", "APPROLE_ROLEID", "SECRETID", "ROLE_SECRET_ID"]) {
                expect(nameLooksSensitive(name), name).toBe(false);
            }
            expect(env({ APPROLE_SECRETID_FILE: "/run/secrets/approle-secret-id", VAULT_APPROLE_SECRETID_TTL: "24h", APPROLE_ROLEID: "5e2c8a4f-1b7d-4c3e-9f0a-6d8b2e4c1a7f",
                SECRETID: "prod/orders/db" })).toEqual([]);
        });
        // checkov#5469: `sm_name_secrets = "my-custom-resource-name"`, a slug that says it is a name (decision 2).
        it("a slug that says it is a name passes under a secret's name; a passphrase-like slug without such a word is reported", () => {
            expect(env({ SM_NAME_SECRETS: "my-custom-resource-name", APP_SECRET: "orders-db-names" })).toEqual([]);
            expect(env({ APP_SECRET: "correct-horse-battery-staple", SM_NAME_SECRETS: "my-custom-resource" }))
                .toEqual(["environment.variables.APP_SECRET", "environment.variables.SM_NAME_SECRETS"]);
        });
    });

});

// ---------------------------------------------------------------- secretness and the rule

describe("secretness on the remediation path (pure)", () => {
    const lambda = (env: unknown) => ({ runtime: "nodejs20.x", environment: env });

    it("a value is covered by its own Secret or by an enclosing one", () => {
        const own = collectSecretLocations(lambda({ variables: { DB_PASSWORD: new Secret(`${SECRET}-1`) } }));
        const whole = collectSecretLocations(lambda(new Secret({ variables: { DB_PASSWORD: `${SECRET}-2` } })));
        const none = collectSecretLocations(lambda({ variables: { DB_PASSWORD: `${PLAIN}-4` } }));
        const at = ["environment", "variables", "DB_PASSWORD"];
        expect(own.covers(at)).toBe(true);
        expect(whole.covers(at)).toBe(true);
        expect(none.covers(at)).toBe(false);
        expect(own.covers(["environment", "variables", "OTHER"])).toBe(false);
    });

    it("the walk looks through Secrets, so both paths find the same values", () => {
        const raw = lambda(new Secret({ variables: { DB_PASSWORD: `${SECRET}-3`, TOKEN: new Secret(`${SECRET}-4`) } }));
        expect(paths("aws:lambda/function:Function", raw)).toEqual(["environment.variables.DB_PASSWORD", "environment.variables.TOKEN"]);
    });

    it("a value named by another field looks through Secrets for that name (the remediation path)", () => {
        const compared = "the header it is compared with";
        const rule = { conditions: [{ httpHeader: { httpHeaderName: new Secret("X-Origin-Verify"), values: [`${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc8`] } }] };
        expect(findSensitiveValues("aws:lb/listenerRule:ListenerRule", rule, NO_OPTIONS).map((v) => [v.path, v.namedBy])).toEqual([["conditions.0.httpHeader.values.0", compared]]);
        const waf = { statement: { byteMatchStatement: { fieldToMatch: { singleHeader: new Secret({ name: new Secret("x-origin-verify") }) }, searchString: `${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc9` } } };
        expect(findSensitiveValues("aws:wafv2/ruleGroup:RuleGroup", waf, NO_OPTIONS).map((v) => [v.path, v.namedBy])).toEqual([["statement.byteMatchStatement.searchString", compared]]);
        const uri = { byteMatchTuples: [{ fieldToMatch: { type: new Secret("URI"), data: "x-api-key" }, targetString: `${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vd0` }] };
        expect(findSensitiveValues("aws:wafregional/byteMatchSet:ByteMatchSet", uri, NO_OPTIONS)).toEqual([]);
        const kvs = { keyValueStoreArn: "arn:aws:cloudfront::123456789012:key-value-store/8562a61f", key: new Secret("basic-auth"), value: `${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vd1` };
        expect(findSensitiveValues("aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey", kvs, NO_OPTIONS).map((v) => [v.path, v.namedBy])).toEqual([["value", "the key it is stored under"]]);
    });

    const config = { sensitivePatterns: [], ignoreProperties: [] };
    const fn = (env: Record<string, unknown>) => resource("aws:lambda/function:Function", lambda({ variables: env }), { name: "api" });

    it("judges against the observation: only values no Secret covered are findings", () => {
        const observed = fn({ DB_PASSWORD: `${PLAIN}-5`, API_TOKEN: new Secret(`${SECRET}-5`) });
        const observation = collectSecretLocations(observed.props);
        const plain = fn({ DB_PASSWORD: `${PLAIN}-5`, API_TOKEN: `${SECRET}-5` }); // what Analyze sees
        const findings = findPlaintextSensitiveValues(plain, config, observation);
        produced.push(...findings.map((f) => f.message));
        expect(findings).toHaveLength(1);
        expect(findings[0].message).toMatch(/^aws:lambda\/function:Function "api": `environment\.variables\.DB_PASSWORD` is plaintext but its name marks a credential/);
        expect(findings[0].message).toContain("pulumi.secret(value)");
        expect(findings[0].message).toContain("config.requireSecret");
    });

    it("an object JSON Web Key is reported at its private member, which a Secret covers; an unknown one passes", () => {
        const jwk = (d: unknown) => resource("kubernetes:acme.io/v1:SigningKey", { spec: { key: { kty: "EC", crv: "P-256", x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", d } } }, { name: "signer" });
        const d = `${PLAIN}_jpsQnnGQmL-YBIffH1136cspYG6`;
        const plain = findPlaintextSensitiveValues(jwk(d), config, new SecretLocations());
        produced.push(...plain.map((f) => f.message));
        expect(plain.map((f) => f.message)).toEqual([expect.stringContaining("`spec.key.d` is plaintext but holds a private JSON Web Key")]);
        const observation = collectSecretLocations(jwk(new Secret(d)).props);
        expect(findPlaintextSensitiveValues(jwk(d), config, observation)).toEqual([]);
        expect(wrapPlaintextSensitiveValues(jwk(new Secret(d)), config)).toEqual([]);
        expect(findPlaintextSensitiveValues(jwk(UNKNOWN_SENTINELS.string), config, new SecretLocations())).toEqual([]);
    });

    it("without knowing secretness (an SDK the pack cannot read it from), says so instead of guessing", () => {
        const findings = findPlaintextSensitiveValues(fn({ DB_PASSWORD: `${PLAIN}-6`, LOG_LEVEL: "info" }), config, undefined);
        produced.push(...findings.map((f) => f.message));
        expect(findings).toHaveLength(1);
        expect(findings[0].message).toContain("could not tell whether `environment.variables.DB_PASSWORD` is secret");
        expect(findings[0].message).toContain("the installed @pulumi/policy is not a version this pack can read secretness from");
        // Nothing sensitive, nothing to say.
        expect(findPlaintextSensitiveValues(fn({ LOG_LEVEL: "info" }), config, undefined)).toEqual([]);
    });

    it("messages say how to fix per kind: managed passwords, JSON documents, provider config", () => {
        const rds = findPlaintextSensitiveValues(resource("aws:rds/instance:Instance", { password: `${PLAIN}-7` }, { name: "db" }), config, new SecretLocations());
        const ecs = findPlaintextSensitiveValues(resource("aws:ecs/taskDefinition:TaskDefinition",
            { containerDefinitions: JSON.stringify([{ name: "web", environment: [{ name: "DB_PASSWORD", value: `${PLAIN}-8` }] }]) }, { name: "task" }), config, new SecretLocations());
        const provider = findPlaintextSensitiveValues(resource("pulumi:providers:aws", { region: "us-east-1", secretKey: `${PLAIN}-9` }, { name: "default" }), config, new SecretLocations());
        produced.push(...[...rds, ...ecs, ...provider].map((f) => f.message));
        expect(rds[0].message).toContain("`password` is plaintext but is a database master password");
        expect(rds[0].message).toContain("`manageMasterUserPassword: true`");
        expect(ecs[0].message).toContain("`containerDefinitions.web.environment.DB_PASSWORD` is plaintext");
        expect(ecs[0].message).toContain("the container's `secrets` (`valueFrom`)");
        expect(ecs[0].message).toContain("make the whole `containerDefinitions` a secret");
        expect(provider[0].message).toContain("`pulumi config set --secret aws:secretKey ...`");
    });

    it("a value found by its shape is named by the shape, never quoted; each kind says how to fix it", () => {
        const pem = ["-----BEGIN RSA PRIVATE KEY-----", ...Array.from({ length: 6 }, (_, i) => `${PLAIN}${"A".repeat(58)}${i}`), "-----END RSA PRIVATE KEY-----"].join("\n");
        const cases: [PlainResource, string[]][] = [
            [resource("aws:lambda/function:Function", { environment: { variables: { SIGNER: pem } } }, { name: "f1" }), ["`environment.variables.SIGNER` is plaintext but holds a PEM private key"]],
            [resource("aws:lambda/function:Function", { environment: { variables: { LEGACY: `Server=db;Database=app;User Id=app;Password=${PLAIN}-cs;` } } }, { name: "f2" }),
                ["`environment.variables.LEGACY` is plaintext but holds a connection string with a password"]],
            [resource("aws:ec2/vpnConnection:VpnConnection", { tunnel1PresharedKey: `${PLAIN}_psk.1234` }, { name: "vpn" }), ["`tunnel1PresharedKey` is plaintext but is a VPN tunnel pre-shared key"]],
            [resource("aws:ec2/instance:Instance", { userData: `#!/bin/bash\nmysql -u root -p${PLAIN}x -e 'select 1'\n` }, { name: "i" }),
                ["`userData` is plaintext but passes a credential in `mysql -p`", "Read it at run time instead", "make the whole `userData` a secret"]],
            [resource("aws:lambda/function:Function", { environment: { variables: { STRIPE_KEY: `${PLAIN}Ab3dE6gH9jK2mN5pQ8` } } }, { name: "f3" }),
                ["`environment.variables.STRIPE_KEY` is plaintext but its name and its random-looking value mark a credential"]],
            [resource("aws:sfn/stateMachine:StateMachine", { definition: JSON.stringify({ States: { A: { Parameters: { Headers: { Authorization: `Bearer ${PLAIN}0123456789abcdef` } } } } }) }, { name: "sfn" }),
                ["`definition.States.A.Parameters.Headers.Authorization` is plaintext but holds a bearer token", "Keep it out of the document", "make the whole `definition` a secret"]],
            // A private JWK is one credential: a variable that is the key is a plain value; a key in a key set is inside a document.
            [resource("aws:lambda/function:Function", { environment: { variables: { SIGNING_JWK: JSON.stringify({ kty: "EC", crv: "P-256", x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", d: `${PLAIN}_jpsQnnGQmL-YBIffH1136cspYG6` }) } } }, { name: "f4" }),
                ["`environment.variables.SIGNING_JWK` is plaintext but holds a private JSON Web Key", "Pass it as a secret"]],
            [resource("aws:lambda/function:Function", { environment: { variables: { AUTH_KEYS: JSON.stringify({ keys: [{ kty: "oct", k: `${PLAIN}-GawgguFyGrWKav7AX4VKUg` }] }) } } }, { name: "f5" }),
                ["`environment.variables.AUTH_KEYS.keys.0` is plaintext but holds a private JSON Web Key", "Keep it out of the document", "make the whole `environment.variables.AUTH_KEYS` a secret"]],
        ];
        for (const [r, expected] of cases) {
            const messages = findPlaintextSensitiveValues(r, config, new SecretLocations()).map((f) => f.message);
            produced.push(...messages);
            expect(messages, r.name).toHaveLength(1);
            for (const e of expected) expect(messages[0], r.name).toContain(e);
        }
    });

    it("remediation wraps only the plaintext values, in place, keeping other secrets as they were", () => {
        const stripe = new Secret(`${SECRET}-6`);
        const r = fn({ DB_PASSWORD: `${PLAIN}-10`, STRIPE_API_KEY: stripe, LOG_LEVEL: "info" });
        const wrapped = wrapPlaintextSensitiveValues(r, config);
        expect(wrapped.map((v) => v.path)).toEqual(["environment.variables.DB_PASSWORD"]);
        const vars = (r.props.environment as any).variables;
        expect(vars.DB_PASSWORD).toBeInstanceOf(Secret);
        expect(vars.DB_PASSWORD.value).toBe(`${PLAIN}-10`);
        expect(vars.STRIPE_API_KEY).toBe(stripe);
        expect(vars.LOG_LEVEL).toBe("info");
        expect(wrapPlaintextSensitiveValues(r, config)).toEqual([]);
    });

    it("remediation makes a JSON document property secret as a whole", () => {
        const defs = JSON.stringify([{ name: "web", environment: [{ name: "DB_PASSWORD", value: `${PLAIN}-11` }, { name: "API_KEY", value: `${PLAIN}-12` }] }]);
        const r = resource("aws:ecs/taskDefinition:TaskDefinition", { family: "web", containerDefinitions: defs });
        expect(wrapPlaintextSensitiveValues(r, config)).toHaveLength(2);
        expect(r.props.containerDefinitions).toBeInstanceOf(Secret);
        expect((r.props.containerDefinitions as Secret).value).toBe(defs);
        expect(r.props.family).toBe("web");
    });

    it("no message ever contains the value, for any value (property-based)", () => {
        // Any content after the marker: quotes, newlines, JSON, URLs, scripts... but not an elided
        // value (`Pl41n...`), which is never a credential, even in a provider-marked input (tier 0).
        const value = fc.string().map((s) => `${PLAIN}${s}`).filter((v) => !isUnusable(v));
        fc.assert(fc.property(value, fc.constantFrom("DB_PASSWORD", "apiKey", "GITHUB_TOKEN", "userData"), (v, key) => {
            // A provider-marked input is reported whatever its value; a variable unless the value is a setting.
            const db = resource("aws:rds/instance:Instance", { engine: "postgres", password: v });
            const fn = resource("aws:lambda/function:Function", { environment: { variables: { [key]: v, [`${key}_2`]: `${v} --password ${v}` } } });
            const texts = [db, fn].flatMap((r) => [
                ...findPlaintextSensitiveValues(r, config, new SecretLocations()),
                ...findPlaintextSensitiveValues(r, config, undefined),
            ]).map((f) => f.message);
            return texts.length >= 2 && texts.every((t) => !t.includes(PLAIN));
        }), { numRuns: 300 });
    });
});

// ---------------------------------------------------------------- engine path

type Level = "advisory" | "mandatory" | "remediate" | "disabled";

function levels(spec: Record<string, Level>): PolicyPackConfig {
    return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, { enforcementLevel: v }]));
}

/** [resource name, level, "plaintext" | "unobserved"] for each diagnostic of the policy. */
function verdicts(run: EngineRun): [string, string, string][] {
    const nameOf = new Map(run.resources.map((r) => [r.urn, r.name]));
    return run.of(POLICY).map((d) => [
        nameOf.get(d.urn) ?? d.urn,
        d.enforcementLevel,
        /could not tell whether/.test(d.message) ? "unobserved" : /is plaintext but/.test(d.message) ? "plaintext" : d.message,
    ]);
}

describe("secret-sensitive-props through the engine path", () => {
    const engine = useEngine();
    const analyze = async (input: object, config?: PolicyPackConfig): Promise<EngineRun> => {
        const run = await engine.run(input, { config });
        produced.push(...run.diagnostics.map((d) => d.message), ...run.remediations.map((r) => r.diagnostic), ...run.logs.map((l) => l.message));
        return run;
    };

    const fn = (name: string, variables: unknown) => ({
        type: "aws:lambda/function:Function",
        name,
        props: { role: "arn:aws:iam::123456789012:role/api", runtime: "nodejs20.x", handler: "index.handler", code: ARCHIVE, environment: { variables } },
    });
    const db = (name: string, password: unknown) => ({
        type: "aws:rds/instance:Instance",
        name,
        props: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", password, deletionProtection: true },
    });
    const stack = {
        resources: [
            db("db-plain", `${PLAIN}-engine-db`),
            db("db-secret", { $secret: `${SECRET}-engine-db` }),
            { type: "aws:s3/bucketV2:BucketV2", name: "assets", props: { bucket: "shop-assets" } },
        ],
    };

    it("a Firebase web config under a neutral name passes; an apiKey without its fields is reported", async () => {
        const webConfig = { apiKey: fake.googleApiKey("engine-firebase"), authDomain: "acme-app.firebaseapp.com", projectId: "acme-app", appId: "1:123456789012:web:0a1b2c3d4e5f6a7b" };
        const run = await analyze({
            resources: [
                fn("fn-web-config", { APP_CONFIG: JSON.stringify(webConfig) }),
                fn("fn-bare-api-key", { APP_CONFIG: JSON.stringify({ apiKey: webConfig.apiKey }) }),
            ],
        });
        expect(verdicts(run)).toEqual([["fn-bare-api-key", "mandatory", "plaintext"]]);
    });

    it("EventBridge connections: a key that says it is not used passes, as does a secret or unknown one; a dummy and a literal key are reported", async () => {
        const connection = (name: string, value: unknown) => ({ type: "aws:cloudwatch/eventConnection:EventConnection", name,
            props: { name, authorizationType: "API_KEY", authParameters: { apiKey: { key: "Authorization", value } } } });
        const run = await analyze({
            resources: [
                connection("eb-not-used", "Bearer NOT-USED"),
                connection("eb-unused", "unused"),
                connection("eb-secret", { $secret: `${SECRET}-eb-key-0a1B2c3D4e5F6g7H` }),
                connection("eb-unknown", { $unknown: "string" }),
                connection("eb-dummy", "dummy"),
                connection("eb-literal", `${PLAIN}-eb-key-0a1B2c3D4e5F6g7H`),
                { type: "aws-native:events:Connection", name: "eb-native-unused", props: { authorizationType: "BASIC", authParameters: { basicAuthParameters: { username: "unused", password: "unused" } } } },
                fn("fn-token-unused", { GITHUB_TOKEN: "unused", LOG_LEVEL: "info" }),
            ],
        });
        expect(verdicts(run)).toEqual([["eb-dummy", "mandatory", "plaintext"], ["eb-literal", "mandatory", "plaintext"]]);
        expect(run.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
    });

    it("a Power Automate webhook's signature is reported, a masked or unknown one passes; a SCRAM verifier passes, a password is reported", async () => {
        const trigger = "https://prod-27.westeurope.logic.azure.com:443/workflows/0a1b2c3d4e5f60718293a4b5c6d7e8f9/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=";
        const scram = "SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0c2FsdA==$" + "dGhpcyBpcyBhIHN0b3JlZCBrZXkgb2Ygc2NyYW0gc2hhMjU=" + ":" + "dGhpcyBpcyBhIHNlcnZlciBrZXkgb2Ygc2NyYW0gc2hhMjU=";
        const task = (name: string, value: unknown) => ({ type: "aws:ecs/taskDefinition:TaskDefinition", name,
            props: { family: name, containerDefinitions: typeof value === "string" ? JSON.stringify([{ name: "pgbouncer", image: "bitnami/pgbouncer:1.23.1", environment: [{ name: "PGBOUNCER_USER_PASSWORD", value }] }]) : value } });
        const run = await analyze({
            resources: [
                fn("fn-teams-workflow", { TEAMS_WEBHOOK_URL: `${trigger}${PLAIN}-pa-Xk3_9vQ2LmT8wR5zN1yB7cD4fH6jK0sA`, LOG_LEVEL: "info" }),
                fn("fn-teams-workflow-masked", { TEAMS_WEBHOOK_URL: trigger + "X".repeat(43) }),
                fn("fn-teams-workflow-secret", { TEAMS_WEBHOOK_URL: { $secret: `${trigger}${SECRET}-pa-Xk3_9vQ2LmT8wR5zN1yB7cD4fH6jK0sA` } }),
                fn("fn-teams-workflow-unknown", { TEAMS_WEBHOOK_URL: { $unknown: "string" } }),
                task("pgb-scram", scram),
                task("pgb-password", `${PLAIN}-pgb-0a1B2c3D4e5F`),
                task("pgb-unknown", { $unknown: "string" }),
            ],
        });
        expect(verdicts(run)).toEqual([["fn-teams-workflow", "mandatory", "plaintext"], ["pgb-password", "mandatory", "plaintext"]]);
        expect(run.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
    });

    it("a browser key exported to a public name in user data passes, as that variable in a map does; a server-side one is reported", async () => {
        const instance = (name: string, userData: string) => ({ type: "aws:ec2/instance:Instance", name, props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData } });
        const run = await analyze({
            resources: [
                instance("vm-public-maps-key", `#!/bin/bash\nexport NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=${fake.googleApiKey("engine-maps-public")}\nnpm run build\n`),
                instance("vm-server-maps-key", `#!/bin/bash\nexport GOOGLE_MAPS_API_KEY=${fake.googleApiKey("engine-maps-server")}\n`),
                fn("fn-public-maps-key", { NEXT_PUBLIC_GOOGLE_MAPS_API_KEY: fake.googleApiKey("engine-maps-public") }),
            ],
        });
        expect(verdicts(run)).toEqual([["vm-server-maps-key", "mandatory", "plaintext"]]);
    });

    it("printf in user data: a literal password it writes is reported, a browser key under a public name is not", async () => {
        const instance = (name: string, userData: string) => ({ type: "aws:ec2/instance:Instance", name, props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData } });
        const run = await analyze({
            resources: [
                instance("vm-printf-password", `#!/bin/bash\nprintf 'DB_PASSWORD=%s\\n' '${fake.password("engine-printf-db")}' >> /opt/app/.env\n`),
                instance("vm-printf-variable", `#!/bin/bash\nprintf 'DB_PASSWORD=%s\\n' "$DB_PASSWORD" >> /opt/app/.env\n`),
                instance("vm-printf-public-key", `#!/bin/bash\nprintf 'NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=%s\\n' '${fake.googleApiKey("engine-printf-maps")}' >> .env.production\nnpm run build\n`),
            ],
        });
        expect(verdicts(run)).toEqual([["vm-printf-password", "mandatory", "plaintext"]]);
    });

    it("AWS's documentation key pair passes in user data and under a credential's name; a generated secret beside it is reported", async () => {
        const instance = (name: string, userData: string) => ({ type: "aws:ec2/instance:Instance", name, props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData } });
        const run = await analyze({
            resources: [
                instance("vm-aws-doc-keys", `#!/bin/bash\naws configure set aws_access_key_id ${"AK" + "IAIOSFODNN7EXAMPLE"}\naws configure set aws_secret_access_key ${"wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY"}\n`),
                fn("fn-aws-doc-keys", { AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY" }),
                fn("fn-aws-generated-key", { AWS_SECRET_ACCESS_KEY: fake.awsSecretKey("engine-generated-key") }),
            ],
        });
        expect(verdicts(run)).toEqual([["fn-aws-generated-key", "mandatory", "plaintext"]]);
    });

    it("the same resource gets a violation only when the value is plaintext, not when it (or what encloses it) is secret", async () => {
        const ecs = (name: string, defs: unknown) => ({ type: "aws:ecs/taskDefinition:TaskDefinition", name, props: { family: name, containerDefinitions: defs } });
        const defs = JSON.stringify([{ name: "web", image: "nginx", environment: [{ name: "DB_PASSWORD", value: `${PLAIN}-engine-ecs` }] }]);
        const refs = JSON.stringify([{ name: "web", image: "nginx", secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }] }]);
        const run = await analyze({
            resources: [
                fn("fn-plain", { LOG_LEVEL: "info", DB_PASSWORD: `${PLAIN}-engine-fn` }),
                fn("fn-secret", { LOG_LEVEL: "info", DB_PASSWORD: { $secret: `${SECRET}-engine-fn` } }),
                { ...fn("fn-env-secret", {}), props: { ...fn("x", {}).props, environment: { $secret: { variables: { DB_PASSWORD: `${SECRET}-engine-env` } } } } },
                ...stack.resources,
                ecs("task-plain", defs),
                ecs("task-secret", { $secret: defs }),
                ecs("task-refs", refs),
                { type: "aws:ssm/parameter:Parameter", name: "param-plain", props: { name: "/k", type: "SecureString", value: `${PLAIN}-engine-ssm` } },
                { type: "aws:ssm/parameter:Parameter", name: "param-secret", props: { name: "/k", type: "SecureString", value: { $secret: `${SECRET}-engine-ssm` } } },
                { type: "aws:ssm/parameter:Parameter", name: "param-string", props: { name: "/region", type: "String", value: "us-east-1" } },
            ],
        });
        expect(verdicts(run)).toEqual([
            ["fn-plain", "mandatory", "plaintext"],
            ["db-plain", "mandatory", "plaintext"],
            ["task-plain", "mandatory", "plaintext"],
            ["param-plain", "mandatory", "plaintext"],
        ]);
        expect(run.of(POLICY)[0].message).toContain("`environment.variables.DB_PASSWORD`");
        expect(run.of(POLICY)[2].message).toContain("`containerDefinitions.web.environment.DB_PASSWORD`");
        expect(run.of(POLICY)[3].message).toContain("`value` is plaintext but is the value of a SecureString parameter");
        // Judging changes nothing.
        expect(run.remediations).toEqual([]);
    });

    // pulumi-cdk sends CDK's functions and task definitions as aws-native resources; a
    // SecretValue.secretsManager arrives as a Pulumi secret (pulumi/pulumi-cdk#202), or unknown at preview.
    it("aws-native functions, task definitions and databases (pulumi-cdk): plaintext reported, secret or unknown passes", async () => {
        const nativeFn = (name: string, variables: unknown) => ({
            type: "aws-native:lambda:Function", name,
            props: { role: "arn:aws:iam::123456789012:role/api", runtime: "nodejs20.x", handler: "index.handler", environment: { variables } },
        });
        const nativeTask = (name: string, environment: unknown) => ({
            type: "aws-native:ecs:TaskDefinition", name, props: { family: name, containerDefinitions: [{ name: "web", image: "nginx", essential: true, environment }] },
        });
        const nativeDb = (name: string, masterUserPassword: unknown) => ({
            type: "aws-native:rds:DbInstance", name, props: { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20", masterUsername: "app", masterUserPassword },
        });
        const run = await analyze({
            resources: [
                nativeFn("native-fn-plain", { LOG_LEVEL: "info", DB_PASSWORD: `${PLAIN}-engine-native-fn` }),
                nativeFn("native-fn-secret", { LOG_LEVEL: "info", DB_PASSWORD: { $secret: `${SECRET}-engine-native-fn` } }),
                nativeFn("native-fn-unknown", { LOG_LEVEL: "info", DB_PASSWORD: { $unknown: "string" } }),
                nativeTask("native-task-plain", [{ name: "DB_PASSWORD", value: `${PLAIN}-engine-native-ecs` }]),
                nativeTask("native-task-secret", { $secret: [{ name: "DB_PASSWORD", value: `${SECRET}-engine-native-ecs` }] }),
                nativeTask("native-task-unknown", [{ name: "DB_PASSWORD", value: { $unknown: "string" } }]),
                nativeDb("native-db-plain", `${PLAIN}-engine-native-db`),
                nativeDb("native-db-secret", { $secret: `${SECRET}-engine-native-db` }),
                nativeDb("native-db-unknown", { $unknown: "string" }),
            ],
        });
        expect(verdicts(run)).toEqual([
            ["native-fn-plain", "mandatory", "plaintext"],
            ["native-task-plain", "mandatory", "plaintext"],
            ["native-db-plain", "mandatory", "plaintext"],
        ]);
        expect(run.of(POLICY)[0].message).toContain("`environment.variables.DB_PASSWORD`");
        expect(run.of(POLICY)[1].message).toContain("`containerDefinitions.web.environment.DB_PASSWORD`");
        expect(run.of(POLICY)[2].message).toContain("`masterUserPassword`");
    });

    it("aws-native users, option settings and parameters of other services: plaintext reported, secret or unknown passes", async () => {
        const broker = (name: string, password: unknown) => ({
            type: "aws-native:amazonmq:Broker", name,
            props: { brokerName: name, engineType: "RABBITMQ", engineVersion: "3.13", hostInstanceType: "mq.t3.micro", deploymentMode: "SINGLE_INSTANCE", publiclyAccessible: false,
                users: [{ username: "app", password }] },
        });
        const beanstalk = (name: string, value: unknown) => ({
            type: "aws-native:elasticbeanstalk:Environment", name,
            props: { applicationName: "orders", solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20",
                optionSettings: [{ namespace: "aws:autoscaling:launchconfiguration", optionName: "EC2KeyName", value: "orders-keypair" },
                    { namespace: "aws:elasticbeanstalk:application:environment", optionName: "DB_PASSWORD", value }] },
        });
        const parameter = (name: string, value: unknown) => ({ type: "aws-native:ssm:Parameter", name, props: { name: "/orders/prod/db_password", type: "String", value } });
        const secret = (name: string, secretString: unknown) => ({ type: "aws-native:secretsmanager:Secret", name, props: { name, secretString } });
        const run = await analyze({
            resources: [
                broker("native-mq-plain", `${PLAIN}-engine-native-mq`),
                broker("native-mq-secret", { $secret: `${SECRET}-engine-native-mq` }),
                broker("native-mq-unknown", { $unknown: "string" }),
                beanstalk("native-eb-plain", `${PLAIN}-engine-native-eb`),
                beanstalk("native-eb-secret", { $secret: `${SECRET}-engine-native-eb` }),
                beanstalk("native-eb-unknown", { $unknown: "string" }),
                parameter("native-ssm-plain", `${PLAIN}-engine-native-ssm`),
                parameter("native-ssm-unknown", { $unknown: "string" }),
                secret("native-secret-plain", JSON.stringify({ username: "app", password: `${PLAIN}-engine-native-sm` })),
                secret("native-secret-secret", { $secret: JSON.stringify({ username: "app", password: `${SECRET}-engine-native-sm` }) }),
                secret("native-secret-unknown", { $unknown: "string" }),
            ],
        });
        expect(verdicts(run)).toEqual([
            ["native-mq-plain", "mandatory", "plaintext"],
            ["native-eb-plain", "mandatory", "plaintext"],
            ["native-ssm-plain", "mandatory", "plaintext"],
            ["native-secret-plain", "mandatory", "plaintext"],
        ]);
        expect(run.of(POLICY)[0].message).toContain("`users.0.password`");
        expect(run.of(POLICY)[1].message).toContain("`optionSettings.DB_PASSWORD`");
        expect(run.of(POLICY)[2].message).toContain("`value`");
        expect(run.of(POLICY)[3].message).toContain("`secretString`");
    });

    // Every config a user can write, with what the policy must then do.
    const combos: [string, Record<string, Level>, [string, string, string][], string[]][] = [
        ["defaults", {}, [["db-plain", "mandatory", "plaintext"]], []],
        ["policy advisory", { [POLICY]: "advisory" }, [["db-plain", "advisory", "plaintext"]], []],
        // Secretness is read in Analyze itself: no level of any other policy can hide it (the old `all` trap).
        ["all: advisory", { all: "advisory" }, [["db-plain", "advisory", "plaintext"]], []],
        ["all: mandatory", { all: "mandatory" }, [["db-plain", "mandatory", "plaintext"]], []],
        ["all: remediate", { all: "remediate" }, [], ["db-plain"]],
        ["all: remediate, policy mandatory", { all: "remediate", [POLICY]: "mandatory" }, [["db-plain", "mandatory", "plaintext"]], []],
        ["policy remediate", { [POLICY]: "remediate" }, [], ["db-plain"]],
        // A config written for 0.1 still works: the helper it names no longer exists, and the CLI passes unknown names on.
        ["0.1's helper named in the config", { all: "advisory", "secret-sensitive-props-observer": "disabled" }, [["db-plain", "advisory", "plaintext"]], []],
        ["policy disabled", { [POLICY]: "disabled" }, [], []],
        ["all: disabled", { all: "disabled" }, [], []],
    ];
    it.each(combos)("config %s", async (_label, spec, expected, remediated) => {
        const run = await analyze(stack, levels(spec));
        expect(verdicts(run)).toEqual(expected);
        const nameOf = new Map(run.resources.map((r) => [r.urn, r.name]));
        expect(run.remediations.map((r) => [nameOf.get(r.urn), r.policyName])).toEqual(remediated.map((n) => [n, POLICY]));
    });

    // Secretness is read in Analyze itself, for every tier of the detection: the README's own
    // `{"all": ...}` examples never blind the policy (the 0.1 `all` trap).
    const tiers = {
        resources: [
            db("tier-provider", `${PLAIN}-tier-db`),
            fn("tier-format", { LEGACY_DSN: `Server=db;Database=app;User Id=app;Password=${PLAIN}-tier-cs;` }),
            fn("tier-name", { DB_PASS: `${PLAIN}-tier-name` }),
            { type: "aws:ec2/instance:Instance", name: "tier-script", props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData: `#!/bin/bash\nsshpass -p ${PLAIN}-tier-script scp host:/a /b\n` } },
            { type: "aws:ecs/taskDefinition:TaskDefinition", name: "tier-argument", props: { family: "t", containerDefinitions: JSON.stringify([{ name: "app", image: "acme/app:1", command: ["./app", "--api-key", `${PLAIN}-tier-arg`] }]) } },
            fn("tier-secret", { DB_PASS: { $secret: `${SECRET}-tier-name` }, LEGACY_DSN: { $secret: `Password=${SECRET}-x;Server=db` } }),
        ],
    };
    const tierNames = ["tier-provider", "tier-format", "tier-name", "tier-script", "tier-argument"];
    it.each(["advisory", "mandatory"] as const)("all: %s judges every tier in Analyze itself", async (level) => {
        const run = await analyze(tiers, levels({ all: level }));
        expect(verdicts(run)).toEqual(tierNames.map((n) => [n, level, "plaintext"]));
    });
    it("all: remediate wraps every tier's value and reports nothing", async () => {
        const run = await analyze(tiers, levels({ all: "remediate" }));
        expect(verdicts(run)).toEqual([]);
        const nameOf = new Map(run.resources.map((r) => [r.urn, r.name]));
        expect(run.remediations.map((r) => nameOf.get(r.urn))).toEqual(tierNames);
    });

    // A value a rule compares by a header's name (CloudFront's X-Origin-Verify, checked by an ALB
    // rule or a WAF byte match): plaintext is reported at the value, a secret or unknown one passes.
    it("header matches are judged by the header's name: plaintext reported, secret and unknown values pass", async () => {
        const rule = (name: string, header: unknown, value: unknown) => ({
            type: "aws:lb/listenerRule:ListenerRule", name,
            props: { listenerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2", priority: 1,
                actions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067" }],
                conditions: [{ pathPattern: { values: ["/api/*"] } }, { httpHeader: { httpHeaderName: header, values: [value] } }] },
        });
        const waf = (name: string, header: unknown, value: unknown) => ({
            type: "aws:wafv2/webAcl:WebAcl", name,
            props: { scope: "REGIONAL", defaultAction: { block: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
                rules: [{ name: "origin", priority: 0, action: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "origin", sampledRequestsEnabled: true },
                    statement: { byteMatchStatement: { fieldToMatch: { singleHeader: { name: header } }, positionalConstraint: "EXACTLY", searchString: value, textTransformations: [{ priority: 0, type: "NONE" }] } } }] },
        });
        const input = { resources: [
            rule("rule-plain", "X-Origin-Verify", `${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc6`),
            rule("rule-secret", "X-Origin-Verify", { $secret: `${SECRET}q7Kx9fP2qLm7Zt4Rw8Nb3Vc6` }),
            rule("rule-unknown", "X-Origin-Verify", U),
            rule("rule-pattern", "Authorization", "Bearer *"),
            // A header's name sits where values do: never quoted, secret or not.
            rule("rule-secret-header", { $secret: `${SECRET}-Origin-Verify` }, `${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc7`),
            waf("waf-plain", "x-origin-verify", `${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6`),
            waf("waf-unknown-header", U, `${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6`),
            waf("waf-scheme", "authorization", "Bearer "),
        ] };
        const run = await analyze(input);
        expect(verdicts(run)).toEqual([["rule-plain", "mandatory", "plaintext"], ["rule-secret-header", "mandatory", "plaintext"], ["waf-plain", "mandatory", "plaintext"]]);
        const [rulePlain, secretHeader, wafPlain] = run.of(POLICY).map((d) => d.message);
        const because = "is plaintext but the name of the header it is compared with and its random-looking value mark a credential";
        expect(rulePlain).toContain(`\`conditions.1.httpHeader.values.0\` ${because}`);
        expect(secretHeader).toContain(`\`conditions.1.httpHeader.values.0\` ${because}`);
        expect(wafPlain).toContain(`\`rules.origin.statement.byteMatchStatement.searchString\` ${because}`);
        for (const message of [rulePlain, wafPlain]) expect(message.toLowerCase()).not.toContain("x-origin-verify");

        const original = parseInput(input, "test").resources.find((r) => r.name === "rule-plain")!;
        const remediated = await analyze({ resources: [input.resources[0]] }, levels({ [POLICY]: "remediate" }));
        const expected = structuredClone(original.inputs) as any;
        expected.conditions[1].httpHeader.values[0] = secret(`${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc6`);
        expect(remediated.remediations.map((r) => r.properties)).toEqual([expected]);
    });

    // A CloudFront KeyValueStore entry is named by its key (basic-auth credentials a CloudFront Function reads).
    it("KeyValueStore entries are judged by their keys: plaintext reported, secret, unknown and redirect entries pass", async () => {
        const arn = "arn:aws:cloudfront::123456789012:key-value-store/8562a61f-caba-4845-9d99-b97d1ae5d3c1";
        const entry = (name: string, key: unknown, value: unknown) => ({ type: "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey", name, props: { keyValueStoreArn: arn, key, value } });
        const input = { resources: [
            entry("kvs-plain", "basic-auth", Buffer.from(`admin:${PLAIN}-kvs-1`).toString("base64")),
            entry("kvs-secret", "basic-auth", { $secret: `${SECRET}-kvs-2` }),
            entry("kvs-unknown-key", U, `${PLAIN}q7Kx9fP2qLm7Zt4Rw8Nb3Vc6`),
            entry("kvs-redirect", "/old-pricing", "/pricing"),
            { type: "aws:cloudfront/keyvaluestoreKeysExclusive:KeyvaluestoreKeysExclusive", name: "kvs-all", props: { keyValueStoreArn: arn,
                resourceKeyValuePairs: [{ key: "/blog", value: "/news" }, { key: "origin-api-key", value: `${PLAIN}Zx8Kq2Lm5Vn7Rt9Wb3Yp4Hs6` }] } },
        ] };
        const run = await analyze(input);
        expect(verdicts(run)).toEqual([["kvs-plain", "mandatory", "plaintext"], ["kvs-all", "mandatory", "plaintext"]]);
        const [plain, all] = run.of(POLICY).map((d) => d.message);
        expect(plain).toContain("`value` is plaintext but the name of the key it is stored under marks a credential");
        expect(plain).not.toContain("basic-auth");
        expect(all).toContain("`resourceKeyValuePairs.origin-api-key` is plaintext");
    });

    // Helper 43's held-out scan: AWS's SES guide for Postfix, the AWS CLI's credential_process, Jenkins's agent
    // command and WP-CLI, in user data; plaintext reported, secret and unknown user data pass.
    it("documented commands in user data: guides' commands pass, their literal credentials are reported", async () => {
        const instance = (name: string, userData: unknown) => ({ type: "aws:ec2/instance:Instance", name, props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData } });
        const guides = "#!/bin/bash\npostconf -e \"relayhost = [email-smtp.us-west-2.amazonaws.com]:587\" \"smtp_sasl_auth_enable = yes\" \"smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\"\n" +
            "echo \"[email-smtp.us-west-2.amazonaws.com]:587 $SMTP_USER:$SMTP_PASS\" > /etc/postfix/sasl_passwd\n" +
            "printf '[profile ci]\\ncredential_process = /opt/bin/awscreds-custom --username helen\\n' > /root/.aws/config\n" +
            "java -jar agent.jar -url http://jenkins:8080/ -secret @secret-file -name agent1\n";
        const sasl = `#!/bin/bash\necho "[email-smtp.us-west-2.amazonaws.com]:587 AKIAQ3ZJX7T2LMN4PW6R:${PLAIN}BHk8Zq2Lm5Vn7Rt9Wb3Yp4Hs6Qx1" > /etc/postfix/sasl_passwd\n`;
        const wp = `#!/bin/bash\nwp core install --url=blog.acme.example --title=Blog --admin_user=admin --admin_password=${PLAIN}Wn7#pQ2mXv9L --admin_email=a@acme.example\n`;
        const run = await analyze({ resources: [
            instance("guides", guides),
            instance("sasl-plain", sasl),
            instance("sasl-secret", { $secret: sasl.replace(PLAIN, SECRET) }),
            instance("sasl-unknown", U),
            instance("wp-plain", wp),
        ] });
        expect(verdicts(run)).toEqual([["sasl-plain", "mandatory", "plaintext"], ["wp-plain", "mandatory", "plaintext"]]);
        const [saslMessage, wpMessage] = run.of(POLICY).map((d) => d.message);
        expect(saslMessage).toContain("`userData` is plaintext but passes a credential in a Postfix sasl_passwd entry");
        expect(wpMessage).toContain("`userData` is plaintext but passes a credential in a command-line flag's value");
    });

    // helper 39: an Azure account key as -D, an ecs.config decoded from base64 in a launch template, an APPSYNC_JS
    // resolver's header: plaintext reported at the string that holds them; secret and unknown strings, and look-alikes, pass.
    it("an Azure account key as -D, a decoded ecs.config and a resolver's header: plaintext reported, secret, unknown and look-alikes pass", async () => {
        const b64 = (text: string) => Buffer.from(text).toString("base64");
        const javaOpts = (name: string, options: unknown) => fn(name, { JAVA_TOOL_OPTIONS: options });
        const ecsConfig = (password: string) => `ECS_CLUSTER=orders\nECS_ENGINE_AUTH_TYPE=docker\nECS_ENGINE_AUTH_DATA=${JSON.stringify({ "https://index.docker.io/v1/": { username: "acmeci", password } })}\n`;
        const template = (name: string, userData: unknown) => ({ type: "aws:ec2/launchTemplate:LaunchTemplate", name, props: { namePrefix: "ecs-", imageId: "ami-0abcdef1234567890", userData } });
        const decoding = (password: string) => b64(`#!/bin/bash\necho ${b64(ecsConfig(password))} | base64 -d >> /etc/ecs/ecs.config\n`);
        const resolver = (name: string, code: unknown) => ({ type: "aws:appsync/resolver:Resolver", name,
            props: { apiId: "abcdefghijklmnopqrstuvwxyz", type: "Query", field: "weather", dataSource: "weather_api", runtime: { name: "APPSYNC_JS", runtimeVersion: "1.0.0" }, code } });
        const request = (key: string) => `export function request(ctx) {\n  return { method: 'GET', resourcePath: '/v1', params: { headers: { 'x-api-key': ${key} } } };\n}\n`;
        const azureKey = `-Dfs.azure.account.key.acmelake.dfs.core.windows.net=${PLAIN}q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7K8l9Z0x1C2v3B4n5M6q7W8e9R0t1Y2u3I4o5P6a7S8d9F0g1H2j3K4==`;
        const run = await analyze({ resources: [
            javaOpts("opts-plain", `-Xmx1g ${azureKey}`),
            javaOpts("opts-secret", { $secret: `-Xmx1g ${azureKey.replace(PLAIN, SECRET)}` }),
            javaOpts("opts-unknown", U),
            javaOpts("opts-provider", "-Dfs.azure.account.keyprovider.acmelake.blob.core.windows.net=org.apache.hadoop.fs.azure.ShellDecryptionKeyProvider -Dfs.azure.account.auth.type.acmelake.dfs.core.windows.net=OAuth"),
            template("lt-plain", decoding(`${PLAIN}Ec5Rg7Pw`)),
            template("lt-secret", { $secret: decoding(`${SECRET}Ec5Rg7Pw`) }),
            template("lt-unknown", U),
            template("lt-variable", decoding("$DOCKER_HUB_PASSWORD")),
            resolver("resolver-plain", request(`'${PLAIN}9c2f7a1e4b8d3f6a0e5c9b2d'`)),
            resolver("resolver-secret", { $secret: request(`'${SECRET}9c2f7a1e4b8d3f6a0e5c9b2d'`) }),
            resolver("resolver-unknown", U),
            resolver("resolver-stash", request("ctx.stash.apiKey")),
        ] });
        expect(verdicts(run)).toEqual([["opts-plain", "mandatory", "plaintext"], ["lt-plain", "mandatory", "plaintext"], ["resolver-plain", "mandatory", "plaintext"]]);
        const [opts, lt, resolverMessage] = run.of(POLICY).map((d) => d.message);
        expect(opts).toContain("`environment.variables.JAVA_TOOL_OPTIONS`");
        expect(opts).toContain("a JVM system property (`-D`)");
        expect(lt).toContain("`userData`");
        expect(lt).toContain("a JSON member decoded from base64");
        expect(resolverMessage).toContain("`code`");
        expect(resolverMessage).toContain("a JavaScript object member given a literal");
    });

    // helper 46: a parameter a script writes, Airflow's backend keys and a VTL template's key: plaintext reported at the
    // string that holds them; secret and unknown strings, and their look-alikes, pass.
    it("put-parameter in user data, Airflow's _SECRET variables and a VTL template's key: plaintext reported, secret, unknown and look-alikes pass", async () => {
        const literal = `${PLAIN}${fake.password("h46-engine")}`;
        const instance = (name: string, userData: unknown) => ({ type: "aws:ec2/instance:Instance", name, props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData } });
        const putParameter = (value: string) => `#!/bin/bash\naws ssm put-parameter --name /app/prod/db_password --type SecureString --value '${value}' --overwrite\n`;
        const resolver = (name: string, requestTemplate: unknown) => ({ type: "aws:appsync/resolver:Resolver", name,
            props: { apiId: "abcdefghijklmnopqrstuvwxyz", type: "Mutation", field: "analyze", dataSource: "vision_http", requestTemplate, responseTemplate: "$util.toJson($ctx.result.body)" } });
        const vtl = (set: string) => `#set($apiKey = ${set})\n{\n  "version": "2018-05-29",\n  "method": "POST",\n  "resourcePath": "/analyze",\n` +
            "  \"params\": { \"headers\": { \"Ocp-Apim-Subscription-Key\": \"$apiKey\" }, \"body\": $util.toJson($ctx.args.input) }\n}";
        const run = await analyze({ resources: [
            instance("ssm-plain", putParameter(literal)),
            instance("ssm-secret", { $secret: putParameter(literal.replace(PLAIN, SECRET)) }),
            instance("ssm-unknown", U),
            instance("ssm-file", "#!/bin/bash\naws ssm put-parameter --name /app/prod/db_password --type SecureString --value file://db_password.txt\n"),
            fn("airflow-backend-keys", { AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_SECRET: "sql_alchemy_conn", AIRFLOW__WEBSERVER__SECRET_KEY_CMD: "cat /run/secrets/webserver_secret_key" }),
            fn("airflow-plain", { AIRFLOW__WEBSERVER__SECRET_KEY_SECRET: `${PLAIN}${fake.alnum("h46-engine-af", 32)}` }),
            resolver("vtl-plain", vtl(`"${PLAIN}${fake.hex("h46-engine-vtl", 32)}"`)),
            resolver("vtl-secret", { $secret: vtl(`"${SECRET}${fake.hex("h46-engine-vtl", 32)}"`) }),
            resolver("vtl-unknown", U),
            resolver("vtl-stash", vtl("$ctx.stash.apiKey")),
        ] });
        expect(verdicts(run)).toEqual([["ssm-plain", "mandatory", "plaintext"], ["airflow-plain", "mandatory", "plaintext"], ["vtl-plain", "mandatory", "plaintext"]]);
        const [ssm, airflow, template] = run.of(POLICY).map((d) => d.message);
        expect(ssm).toContain("`userData` is plaintext but passes a credential in `aws ssm put-parameter`");
        expect(airflow).toContain("`environment.variables.AIRFLOW__WEBSERVER__SECRET_KEY_SECRET`");
        expect(template).toContain("`requestTemplate` is plaintext but passes a credential in a mapping template variable given a literal");
    });

    it("an SSM parameter a CloudFormation template writes is judged under its name: plaintext reported, secret, unknown and settings pass", async () => {
        const stack = (name: string, templateBody: unknown) => ({ type: "aws:cloudformation/stack:Stack", name, props: { name, templateBody } });
        const template = (parameter: string, value: string) => JSON.stringify({ Resources: { Param: { Type: "AWS::SSM::Parameter", Properties: { Name: parameter, Type: "String", Value: value } } } });
        const literal = `${PLAIN}${fake.password("h46-engine-cfn")}`;
        const run = await analyze({ resources: [
            stack("cfn-plain", template("/app/prod/db_password", literal)),
            stack("cfn-secret", { $secret: template("/app/prod/db_password", literal.replace(PLAIN, SECRET)) }),
            stack("cfn-unknown", U),
            stack("cfn-setting", template("/app/prod/db_host", "db.internal.acme.example")),
        ] });
        expect(verdicts(run)).toEqual([["cfn-plain", "mandatory", "plaintext"]]);
        expect(run.of(POLICY)[0].message).toContain("`templateBody.Resources.Param.Properties.Value`");
    });

    it("YAML add-on configuration values, Ansible's extra variables, a task's commands and a remote script's command line: plaintext reported, secret, unknown and settings pass", async () => {
        const addon = (name: string, configurationValues: unknown) => ({ type: "aws:eks/addon:Addon", name, props: { clusterName: "prod", addonName: "datadog_operator", configurationValues } });
        const values = (key: string) => `datadog:\n  site: datadoghq.com\n  apiKey: ${key}\n`;
        const association = (name: string, ExtraVariables: unknown) => ({ type: "aws:ssm/association:Association", name,
            props: { name: "AWS-ApplyAnsiblePlaybooks", targets: [{ key: "tag:Role", values: ["web"] }], parameters: { PlaybookFile: "site.yml", ExtraVariables } } });
        const task = (name: string, command: unknown) => ({ type: "aws:ssm/maintenanceWindowTask:MaintenanceWindowTask", name,
            props: { windowId: "mw-0123456789abcdef0", taskType: "RUN_COMMAND", taskArn: "AWS-RunShellScript",
                taskInvocationParameters: { runCommandParameters: { parameters: [{ name: "commands", values: ["cd /opt/app", command] }] } } } });
        const remote = (name: string, commandLine: unknown) => ({ type: "aws:ssm/association:Association", name,
            props: { name: "AWS-RunRemoteScript", parameters: { sourceType: "S3", sourceInfo: JSON.stringify({ path: "https://s3.amazonaws.com/acme-scripts/db.sh" }), commandLine } } });
        const key = fake.datadogApi("h53-engine");
        const literal = fake.password("h53-engine");
        const run = await analyze({ resources: [
            addon("addon-plain", values(`${PLAIN}${key}`)),
            addon("addon-secret", { $secret: values(`${SECRET}${key}`) }),
            addon("addon-unknown", U),
            addon("addon-settings", "datadog:\n  site: datadoghq.com\n  apiKeyExistingSecret: datadog-secret\n"),
            association("ansible-plain", `SSM=True db_password=${PLAIN}${literal}`),
            association("ansible-secret", { $secret: `SSM=True db_password=${SECRET}${literal}` }),
            association("ansible-unknown", U),
            association("ansible-settings", "SSM=True env=prod token_ttl=3600"),
            task("task-plain", `mysql -u admin -p${PLAIN}${literal} -e 'FLUSH LOGS'`),
            task("task-secret", { $secret: `mysql -u admin -p${SECRET}${literal} -e 'FLUSH LOGS'` }),
            task("task-unknown", U),
            task("task-runtime", "mysql -u admin -p\"$DB_PASSWORD\" -e 'FLUSH LOGS'"),
            remote("remote-plain", `db.sh --db-password ${PLAIN}${literal}`),
            remote("remote-secret", { $secret: `db.sh --db-password ${SECRET}${literal}` }),
            remote("remote-unknown", U),
            remote("remote-settings", "db.sh --env prod --db-password-file /run/secrets/db"),
        ] });
        expect(verdicts(run)).toEqual([["addon-plain", "mandatory", "plaintext"], ["ansible-plain", "mandatory", "plaintext"], ["task-plain", "mandatory", "plaintext"],
            ["remote-plain", "mandatory", "plaintext"]]);
        const [addonMessage, ansibleMessage, taskMessage, remoteMessage] = run.of(POLICY).map((d) => d.message);
        expect(remoteMessage).toContain("`parameters.commandLine` is plaintext but passes a credential in");
        expect(addonMessage).toContain("`configurationValues.datadog.apiKey`");
        expect(ansibleMessage).toContain("`parameters.ExtraVariables` is plaintext but passes a credential in");
        expect(taskMessage).toContain("`taskInvocationParameters.runCommandParameters.parameters.commands.1`");
    });

    it("New Relic's add-on values naming the key in a Kubernetes secret pass; the license key itself, a random value in its place and a secret or unknown value behave as elsewhere", async () => {
        const addon = (name: string, configurationValues: unknown) => ({ type: "aws:eks/addon:Addon", name, props: { clusterName: "prod", addonName: "new-relic_kubernetes-integration", configurationValues } });
        const global = (values: Record<string, string>) => JSON.stringify({ global: { cluster: "prod", ...values } });
        const license = fake.newrelicLicense("h92-engine");
        const run = await analyze({ resources: [
            addon("nr-secret-key-name", global({ customSecretName: "newrelic-license", customSecretLicenseKey: "license" })),
            addon("nr-secret-key-names-yaml", "global:\n  customSecretName: newrelic-license\n  customSecretLicenseKey: licenseKey\n  customUserKeySecretKey: userKey\n"),
            addon("nr-license-plain", global({ licenseKey: `${PLAIN}${license}` })),
            addon("nr-random-in-key-name", global({ customSecretLicenseKey: `${PLAIN}${fake.hex("h92-engine-misplaced", 40)}` })),
            addon("nr-license-secret", { $secret: global({ licenseKey: `${SECRET}${license}` }) }),
            addon("nr-unknown", U),
        ] });
        expect(verdicts(run)).toEqual([["nr-license-plain", "mandatory", "plaintext"], ["nr-random-in-key-name", "mandatory", "plaintext"]]);
        expect(run.of(POLICY)[0].message).toContain("`configurationValues.global.licenseKey`");
        expect(run.of(POLICY)[1].message).toContain("`configurationValues.global.customSecretLicenseKey`");
    });

    it("Kubernetes manifests applied from user data: a Secret's plaintext is reported, a SealedSecret's ciphertext, a secret and an unknown pass", async () => {
        const instance = (name: string, userData: unknown) => ({ type: "aws:ec2/instance:Instance", name, props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData } });
        const applied = (manifest: string) => `#!/bin/bash\nkubectl apply -f - <<'EOF'\n${manifest}EOF\n`;
        const secret = (password: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: basic-auth\nstringData:\n  password: ${password}\n`;
        const sealed = (password: string) => `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: basic-auth\nspec:\n  encryptedData:\n    password: ${password}\n`;
        const password = fake.password("h92-engine-k8s");
        const run = await analyze({ resources: [
            instance("secret-plain", applied(secret(`${PLAIN}${password}`))),
            instance("secret-secret", { $secret: applied(secret(`${SECRET}${password}`)) }),
            instance("secret-unknown", U),
            instance("sealed", applied(sealed(fake.sealedSecret("h92-engine-sealed")))),
        ] });
        expect(verdicts(run)).toEqual([["secret-plain", "mandatory", "plaintext"]]);
        expect(run.of(POLICY)[0].message).toContain("`userData`");
    });

    it("remediation wraps the plaintext value and changes nothing else: other secrets and the code archive survive", async () => {
        const input = { resources: [fn("api", { LOG_LEVEL: "info", DB_PASSWORD: `${PLAIN}-remediate-fn`, STRIPE_API_KEY: { $secret: `${SECRET}-remediate` } })] };
        const original = parseInput(input, "test").resources.find((r) => r.name === "api")!;
        const run = await analyze(input, levels({ [POLICY]: "remediate" }));
        expect(run.remediations).toHaveLength(1);
        const expected = structuredClone(original.inputs) as any;
        expected.environment.variables.DB_PASSWORD = secret(`${PLAIN}-remediate-fn`);
        expect(run.remediations[0].properties).toEqual(expected);
        expect(run.remediations[0].diagnostic).toBe("");
        expect(verdicts(run)).toEqual([]);
    });

    // `new pulumi.asset.StringAsset("")` arrives as its hash alone (Go's Asset.Serialize omits the
    // empty text); a refreshed asset may too, with another hash (pulumi/pulumi#18926). @pulumi/policy
    // 1.21 throws "Invalid asset" on both: Analyze failed every policy, Remediate never answered.
    describe("assets without contents (the SDK patch, 6.)", () => {
        const EMPTY = { [SIG_KEY]: SIG.asset, hash: EMPTY_TEXT_ASSET_HASH };
        const UNREAD = { [SIG_KEY]: SIG.asset, hash: "9d19c5664746dacd091a0b016973eb023b8bdea8716e2b223b9153e8699e4c29" };
        const withCode = <R extends { props: object }>(r: R, archive: object) => ({ ...r, props: { ...r.props, code: archive } });
        const code = (member: object) => ({ [SIG_KEY]: SIG.archive, assets: { "index.js": ARCHIVE.assets["index.js"], "data/.keep": member } });
        const resources = (member: object) => [
            withCode(fn("sorter", { DB_PASSWORD: `${PLAIN}-contentless` }), code(member)),
            { type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "incoming", props: { bucket: "shop-uploads", key: "incoming/", source: member } },
        ];

        it.each([["of empty text", EMPTY], ["whose contents a refresh could not read", UNREAD]])("an asset %s: Analyze judges the resource, nothing fails", async (_label, member) => {
            const run = await analyze({ resources: resources(member) });
            expect(verdicts(run)).toEqual([["sorter", "mandatory", "plaintext"]]);
            expect(run.diagnostics.map((d) => d.message).filter((m) => /Invalid asset|Internal error|Error validating/.test(m))).toEqual([]);
        });

        it.each([["of empty text", EMPTY], ["whose contents a refresh could not read", UNREAD]])("an asset %s: Remediate answers, and the remediated archive sends it back as the engine reads it", async (_label, member) => {
            const run = await analyze({ resources: resources(member) }, levels({ [POLICY]: "remediate" }));
            expect(run.remediations).toHaveLength(1);
            const props = run.remediations[0].properties as any;
            expect(props.environment.variables.DB_PASSWORD).toEqual(secret(`${PLAIN}-contentless`));
            // Empty text as the SDK serializes a StringAsset(""); an unread asset as it came.
            expect(props.code.assets["data/.keep"]).toEqual(member === EMPTY ? { [SIG_KEY]: SIG.asset, text: "" } : member);
            expect(props.code.assets["index.js"]).toEqual(ARCHIVE.assets["index.js"]);
            expect(verdicts(run)).toEqual([]);
        });
    });

    it("remediation makes the whole containerDefinitions secret", async () => {
        const defs = JSON.stringify([{ name: "web", image: "nginx", environment: [{ name: "API_TOKEN", value: `${PLAIN}-remediate-ecs` }] }]);
        const run = await analyze({ resources: [{ type: "aws:ecs/taskDefinition:TaskDefinition", name: "task", props: { family: "task", cpu: "256", containerDefinitions: defs } }] },
            levels({ all: "remediate" }));
        expect(run.remediations.map((r) => r.properties)).toEqual([{ family: "task", cpu: "256", containerDefinitions: secret(defs) }]);
        expect(verdicts(run)).toEqual([]);
    });

    // Helper 111: what remediation wraps is what Analyze reports, at the smallest thing that can be secret:
    // a list pair's `value` (its `name` and `type` stay as they were), a whole JSON string, an aws-native
    // container's argument; a secret or unknown sibling comes back exactly as it came.
    it("remediation wraps exactly what Analyze reports, at the smallest part that can be secret", async () => {
        const build = (name: string, environmentVariables: unknown) => ({ type: "aws:codebuild/project:Project", name, props: {
            name, serviceRole: "arn:aws:iam::123456789012:role/codebuild", artifacts: { type: "NO_ARTIFACTS" }, source: { type: "GITHUB", location: "https://github.com/acme/orders.git" },
            environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER", environmentVariables } } });
        const input = { resources: [
            build("build", [{ name: "DB_PASSWORD", value: { $secret: `${SECRET}-pair` }, type: "PLAINTEXT" }, { name: "API_KEY", value: `${PLAIN}-pair`, type: "PLAINTEXT" }, { name: "NODE_ENV", value: "production", type: "PLAINTEXT" }]),
            fn("config", { APP_CONFIG: JSON.stringify({ db: { host: "db.internal", password: `${PLAIN}-json` } }), SECRET_CONFIG: { $secret: JSON.stringify({ password: `${SECRET}-json` }) }, DB_HOST: U, TOKEN: { $secret: U } }),
            { type: "aws-native:ecs:TaskDefinition", name: "native", props: { family: "native", containerDefinitions: [{ name: "web", image: "nginx",
                environment: [{ name: "LOG_LEVEL", value: "info" }], command: ["./app", "--api-key", `${PLAIN}-native-arg`] }] } },
        ] };
        const reported = await analyze(input);
        expect(reported.of(POLICY).map((d) => d.message.split("\n")[1].split(" is plaintext")[0])).toEqual([
            'aws:codebuild/project:Project "build": `environment.environmentVariables.API_KEY`',
            'aws:lambda/function:Function "config": `environment.variables.APP_CONFIG.db.password`',
            'aws-native:ecs:TaskDefinition "native": `containerDefinitions.web.command.2`',
        ]);
        const run = await analyze(input, levels({ [POLICY]: "remediate" }));
        const inputs = new Map(parseInput(input, "test").resources.map((r) => [r.name, r.inputs as any]));
        const expected = structuredClone([inputs.get("build"), inputs.get("config"), inputs.get("native")]);
        expected[0].environment.environmentVariables[1].value = secret(`${PLAIN}-pair`);
        expected[1].environment.variables.APP_CONFIG = secret(expected[1].environment.variables.APP_CONFIG);
        expected[2].containerDefinitions[0].command[2] = secret(`${PLAIN}-native-arg`);
        expect(run.remediations.map((r) => r.properties)).toEqual(expected);
        expect(verdicts(run)).toEqual([]);
        expect(run.logs).toEqual([]);
    });

    // Other providers' credentials beside an AWS program: a default provider configured without `--secret`,
    // a GitHub Actions secret from Pulumi YAML or a stack export. Reported where plaintext, fixed by remediation.
    it("other providers' marked credentials: plaintext reported and wrapped, secret and unknown pass", async () => {
        const datadog = (name: string, apiKey: unknown) => ({ type: "pulumi:providers:datadog", name, props: { apiKey, appKey: { $secret: `${SECRET}-dd-app` }, apiUrl: "https://api.datadoghq.eu/", version: "4.51.0" } });
        const ghSecret = (name: string, plaintextValue: unknown) => ({ type: "github:index/actionsSecret:ActionsSecret", name, props: { repository: "orders", secretName: "DB_PASSWORD", plaintextValue } });
        const input = { resources: [
            datadog("default_4_51_0", `${PLAIN}3f1c2b7a9e4d8f60a5b1c2d3`),
            datadog("dd-secret", { $secret: `${SECRET}-dd-api` }),
            datadog("dd-unknown", U),
            ghSecret("gh-plain", `${PLAIN}-gh-actions`),
            ghSecret("gh-secret", { $secret: `${SECRET}-gh-actions` }),
            ghSecret("gh-unknown", U),
            { type: "github:index/actionsVariable:ActionsVariable", name: "gh-variable", props: { repository: "orders", variableName: "DEPLOY_TOKEN_TTL", value: "3600" } },
        ] };
        const run = await analyze(input);
        expect(verdicts(run)).toEqual([["default_4_51_0", "mandatory", "plaintext"], ["gh-plain", "mandatory", "plaintext"]]);
        const [dd, gh] = run.of(POLICY).map((d) => d.message);
        expect(dd).toContain("`apiKey` is plaintext but is a Datadog API key");
        expect(dd).toContain("`pulumi config set --secret datadog:apiKey ...`");
        expect(gh).toContain("`plaintextValue` is plaintext but is the plaintext value of a GitHub secret");

        const remediated = await analyze({ resources: [input.resources[0], input.resources[3]] }, levels({ [POLICY]: "remediate" }));
        const inputs = new Map(parseInput(input, "test").resources.map((r) => [r.name, r.inputs as any]));
        const expected = structuredClone([inputs.get("default_4_51_0"), inputs.get("gh-plain")]);
        expected[0].apiKey = secret(`${PLAIN}3f1c2b7a9e4d8f60a5b1c2d3`);
        expected[1].plaintextValue = secret(`${PLAIN}-gh-actions`);
        expect(remediated.remediations.map((r) => r.properties)).toEqual(expected);
        expect(verdicts(remediated)).toEqual([]);
    });

    // Helper 115's held-out replay: more providers' marks (Vault, Snowflake, MongoDB Atlas, Auth0, Okta, Confluent,
    // PostgreSQL, MySQL, Kafka, Docker, PagerDuty) and the command provider's `environment`, judged as a Lambda
    // function's variables. Plaintext reported and wrapped; secret, unknown and settings pass.
    it("more providers' credentials and a command's environment: plaintext reported and wrapped, secret, unknown and settings pass", async () => {
        const command = (name: string, environment: unknown) => ({ type: "command:local:Command", name, props: { create: "npm run migrate", environment } });
        const vault = (name: string, dataJson: unknown) => ({ type: "vault:kv/secretV2:SecretV2", name, props: { mount: "kvv2", name: "orders/db", dataJson } });
        const registry = (name: string, registryAuth: unknown) => ({ type: "pulumi:providers:docker", name, props: { registryAuth } });
        const input = { resources: [
            command("cmd-plain", { AWS_REGION: "us-east-1", DB_PASSWORD: `${PLAIN}-cmd-db`, DB_PASSWORD_FILE: "/run/secrets/db" }),
            command("cmd-secret", { AWS_REGION: "us-east-1", DB_PASSWORD: { $secret: `${SECRET}-cmd-db` } }),
            command("cmd-unknown", { AWS_REGION: "us-east-1", DB_PASSWORD: U }),
            command("cmd-unknown-map", U),
            command("cmd-settings", { AWS_REGION: "us-east-1", DB_PASSWORD: "${DB_PASSWORD}", TOKEN_TTL: "3600", DB_SECRET_ID: "prod/orders/db" }),
            { type: "command:local:Command", name: "cmd-script", props: { create: `PGPASSWORD=${PLAIN}-cmd-line psql -h orders.internal -f schema.sql` } },
            { type: "command:local:Command", name: "cmd-script-unknown", props: { create: U, environment: { DB_PASSWORD: "${DB_PASSWORD}" } } },
            vault("vault-plain", JSON.stringify({ password: `${PLAIN}-vault` })),
            vault("vault-secret", { $secret: JSON.stringify({ password: `${SECRET}-vault` }) }),
            vault("vault-unknown", U),
            registry("default_4_5_0", JSON.stringify([{ address: "registry.acme.example", username: "ci", password: `${PLAIN}-registry` }])),
            registry("docker-config-file", JSON.stringify([{ address: "123456789012.dkr.ecr.us-east-1.amazonaws.com", configFile: "~/.docker/config.json" }])),
            registry("docker-unknown", U),
            { type: "mongodbatlas:index/databaseUser:DatabaseUser", name: "atlas-user", props: { projectId: "6123456789abcdef01234567", username: "orders", password: `${PLAIN}-atlas`, authDatabaseName: "admin" } },
            { type: "snowflake:index/serviceUser:ServiceUser", name: "snowflake-keys", props: { name: "ORDERS_ETL", loginName: "orders_etl", rsaPublicKey: "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw1kHUlKxpAZXb4Pz0X2mJ" } },
        ] };
        const run = await analyze(input);
        expect(verdicts(run)).toEqual([
            ["cmd-plain", "mandatory", "plaintext"], ["cmd-script", "mandatory", "plaintext"], ["vault-plain", "mandatory", "plaintext"], ["default_4_5_0", "mandatory", "plaintext"], ["atlas-user", "mandatory", "plaintext"],
        ]);
        const [cmd, script, kv, docker, atlas] = run.of(POLICY).map((d) => d.message);
        expect(script).toContain("`create` is plaintext but passes a credential in a variable assignment");
        expect(cmd).toContain("`environment.DB_PASSWORD` is plaintext but its name marks a credential");
        expect(kv).toContain("`dataJson` is plaintext but is a Vault secret's data");
        expect(docker).toContain("`registryAuth.0.password` is plaintext");
        expect(atlas).toContain("`password` is plaintext but is a database user's password");
        for (const message of run.of(POLICY).map((d) => d.message)) expect(message).not.toContain(PLAIN);

        const remediated = await analyze({ resources: [input.resources[0], input.resources[7], input.resources[10]] }, levels({ [POLICY]: "remediate" }));
        const inputs = new Map(parseInput(input, "test").resources.map((r) => [r.name, r.inputs as any]));
        const expected = structuredClone([inputs.get("cmd-plain"), inputs.get("vault-plain"), inputs.get("default_4_5_0")]);
        expected[0].environment.DB_PASSWORD = secret(`${PLAIN}-cmd-db`);
        expected[1].dataJson = secret(expected[1].dataJson);
        expected[2].registryAuth = secret(expected[2].registryAuth);
        expect(remediated.remediations.map((r) => r.properties)).toEqual(expected);
        expect(verdicts(remediated)).toEqual([]);
    });

    it("unknown values at preview pass quietly, secret or not, even when secretness cannot be observed", async () => {
        const input = { resources: [
            db("db-unknown", { $unknown: true }),
            db("db-secret-unknown", { $secret: { $unknown: true } }),
            fn("fn-unknown", { DB_PASSWORD: { $unknown: true } }),
            { type: "aws:ecs/taskDefinition:TaskDefinition", name: "task-unknown", props: { family: "t", containerDefinitions: { $unknown: true } } },
        ] };
        expect(verdicts(await analyze(input))).toEqual([]);
        expect(verdicts(await analyze(input, levels({ all: "advisory" })))).toEqual([]);
        expect((await analyze(input, levels({ all: "remediate" }))).remediations).toEqual([]);
    });

    it("exempt resources are neither reported nor remediated", async () => {
        const exemptions = [{ name: "db-plain", reason: "Throw-away database for load tests" }];
        const reported = await analyze(stack, { [POLICY]: { properties: { exemptions } } });
        expect(verdicts(reported)).toEqual([]);
        const remediated = await analyze(stack, { [POLICY]: { enforcementLevel: "remediate", properties: { exemptions } } });
        expect(remediated.remediations).toEqual([]);
    });

    it("sensitivePatterns and ignoreProperties from the policy pack config", async () => {
        const input = { resources: [fn("api", { WEBHOOK_SIGNING_SEED: `${PLAIN}-pattern`, PUBLIC_API_KEY: `${PLAIN}-ignored` })] };
        const run = await analyze(input, { [POLICY]: { properties: { sensitivePatterns: ["*SIGNING_SEED"], ignoreProperties: ["environment.variables.PUBLIC_*"] } } });
        expect(run.of(POLICY).map((d) => d.message.split("\n")[1].split(" is plaintext")[0])).toEqual([
            'aws:lambda/function:Function "api": `environment.variables.WEBHOOK_SIGNING_SEED`',
        ]);
        // Reported once, on the stack, not on every resource.
        const bad = await analyze(input, { [POLICY]: { properties: { sensitivePatterns: ["*{SEED"] } } });
        expect(bad.of(POLICY).map((d) => [d.urn.split("::").pop(), d.enforcementLevel])).toEqual([["project-dev", "mandatory"]]);
        expect(bad.of(POLICY)[0].message).toContain('sensitivePatterns.0 unclosed "{"');
    });

    it("the fixtures: insecure.json has four violations, secure.json none", async () => {
        const insecure = await engine.run(loadInputFile(path.join(FIXTURE_DIR, "insecure.json")));
        const secure = await engine.run(loadInputFile(path.join(FIXTURE_DIR, "secure.json")));
        produced.push(...[...insecure.diagnostics, ...secure.diagnostics].map((d) => d.message), ...insecure.logs.map((l) => l.message));
        expect(verdicts(insecure)).toEqual([
            ["orders-api", "mandatory", "plaintext"],
            ["orders-worker", "mandatory", "plaintext"],
            ["orders-db", "mandatory", "plaintext"],
            ["webhook-signing-key", "mandatory", "plaintext"],
        ]);
        expect(verdicts(secure)).toEqual([]);
    });

    it("check on a stack export: ciphertext secrets count as secret, a plaintext credential does not", async () => {
        const loaded = loadInputFile(path.join(FIXTURE_DIR, "stack-export.json"));
        const run = await engine.run(loaded);
        produced.push(...run.diagnostics.map((d) => d.message), ...run.logs.map((l) => l.message));
        expect(verdicts(run)).toEqual([["orders-api", "mandatory", "plaintext"]]);
        expect(run.of(POLICY)[0].message).toContain("`environment.variables.DB_PASSWORD`");
    });

    it("the fixture corpus: every fixture, stack export and preview through the engine path, reported only where meant to be", async () => {
        const files: string[] = [];
        const visit = (dir: string) => {
            for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, e.name);
                if (e.isDirectory()) {
                    if (e.name !== "programs" && e.name !== "evaluation") visit(full);
                } else if (e.name.endsWith(".json")) files.push(full);
            }
        };
        visit(FIXTURES);
        const reported: string[] = [];
        const refused: string[] = [];
        for (const file of files.sort()) {
            let input: ReturnType<typeof loadInputFile>;
            try {
                input = loadInputFile(file);
            } catch (e) {
                // A sample of what the CLI itself refuses (check.test.ts asserts the message).
                if (!(e instanceof InputError)) throw e;
                refused.push(path.relative(FIXTURES, file));
                continue;
            }
            const run = await engine.run(input);
            produced.push(...run.diagnostics.map((d) => d.message));
            for (const [name, , verdict] of verdicts(run)) reported.push(`${path.relative(FIXTURES, file)}: ${name} (${verdict})`);
        }
        expect(reported).toEqual([
            // The demo stack generated from the examples marked `demo`: one of each kind.
            "insecure-stack.json: orders-api (plaintext)",
            "insecure-stack.json: orders-worker (plaintext)",
            "insecure-stack.json: orders-broker (plaintext)",
            "insecure-stack.json: search (plaintext)",
            "secret-sensitive-props/insecure.json: orders-api (plaintext)",
            "secret-sensitive-props/insecure.json: orders-worker (plaintext)",
            "secret-sensitive-props/insecure.json: orders-db (plaintext)",
            "secret-sensitive-props/insecure.json: webhook-signing-key (plaintext)",
            "secret-sensitive-props/stack-export.json: orders-api (plaintext)",
        ]);
        expect(refused).toEqual(["samples/stack-export-byte-string.json"]);
    });

    // A public program's user data (asteroid-earth/mwi-demo-infra ansible/init-scripts.ts) writes a tbot
    // configuration joining with the `iam` method: its `token` names the provision token, no secret.
    it("Teleport: a delegated join's token name passes, the static `token` method's token is reported", async () => {
        const instance = (name: string, userData: string) => ({ type: "aws:ec2/instance:Instance", name, props: { ami: "ami-0abcdef1234567890", instanceType: "t3.micro", userData } });
        const tbot = (method: string, token: string) => `#!/bin/bash\ncat << EOF > /etc/tbot.yaml\nversion: v2\nauth_server: teleport.example.com:443\nonboarding:\n  join_method: ${method}\n  token: ${token}\nEOF\n`;
        const run = await analyze({
            resources: [
                instance("bot-iam", tbot("iam", "ansible-bot")),
                instance("bot-cli-iam", "#!/bin/bash\ntbot start --join-method=iam --token=ansible-bot --proxy-server=teleport.example.com:443\n"),
                instance("bot-static", tbot("token", `${PLAIN}9c2f7a1e4b8d3f6a0e5c9b2d`)),
                instance("bot-cli-static", `#!/bin/bash\ntbot start --join-method=token --token=${PLAIN}9c2f7a1e4b8d3f6a0e5c9b2d\n`),
            ],
        });
        expect(verdicts(run)).toEqual([["bot-static", "mandatory", "plaintext"], ["bot-cli-static", "mandatory", "plaintext"]]);
    });

    // Helper 118: trufflehog#2838 (the Nil UUID as an API key), Vault's AppRole SecretID, checkov#5469 (a slug naming a thing).
    it("other scanners' cases: a Nil UUID and a slug saying `name` pass; a Vault AppRole SecretID is reported, unless secret or unknown", async () => {
        const task = (name: string, environment: { name: string; value: string }[]) => ({ type: "aws:ecs/taskDefinition:TaskDefinition", name,
            props: { family: name, containerDefinitions: JSON.stringify([{ name: "app", image: "hashicorp/vault-agent:1.17", environment }]) } });
        const run = await analyze({
            resources: [
                task("make-nil-uuid", [{ name: "MAKE_API_KEY", value: "00000000-0000-0000-0000-000000000000" }]),
                fn("fn-sm-name-secrets", { SM_NAME_SECRETS: "my-custom-resource-name" }),
                fn("fn-vault-secret-id-file", { VAULT_SECRET_ID: "/run/secrets/vault-secret-id", VAULT_ROLE_ID: "5e2c8a4f-1b7d-4c3e-9f0a-6d8b2e4c1a7f" }),
                fn("fn-vault-secret-id-secret", { VAULT_SECRET_ID: { $secret: "5e2c8a4f-1b7d-4c3e-9f0a-6d8b2e4c1a7f" } }),
                fn("fn-vault-secret-id-unknown", { VAULT_SECRET_ID: { $unknown: "string" } }),
                fn("fn-vault-secret-id-plain", { VAULT_SECRET_ID: "5e2c8a4f-1b7d-4c3e-9f0a-6d8b2e4c1a7f" }),
            ],
        });
        expect(verdicts(run)).toEqual([["fn-vault-secret-id-plain", "mandatory", "plaintext"]]);
        expect(run.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
        for (const d of run.of(POLICY)) expect(d.message.includes("5e2c8a4f")).toBe(false);
    });

    // Helper 124: the SecretID's joined spellings, a Vault database connection's password and a PagerDuty integration key.
    it("a joined AppRole SecretID, a Vault database password and a PagerDuty integration key are reported, unless secret or unknown", async () => {
        const connection = (name: string, postgresql: Record<string, unknown>) => ({ type: "vault:database/secretBackendConnection:SecretBackendConnection", name,
            props: { backend: "postgres", name, allowedRoles: ["dev"], postgresql: { connectionUrl: "postgres://{{username}}:{{password}}@orders.internal:5432/orders", username: "vault", ...postgresql } } });
        const mount = (name: string, password: unknown) => ({ type: "vault:database/secretsMount:SecretsMount", name,
            props: { path: name, postgresqls: [{ name: "orders", username: "postgres", password, connectionUrl: "postgresql://{{username}}:{{password}}@orders.internal:5432/postgres" }] } });
        const integration = (name: string, integrationKey?: unknown) => ({ type: "pagerduty:index/serviceIntegration:ServiceIntegration", name,
            props: { service: "PABCDEF", type: "events_api_v2_inbound_integration", name: "CloudWatch", ...(integrationKey === undefined ? {} : { integrationKey }) } });
        const run = await analyze({
            resources: [
                fn("fn-approle-joined-plain", { APPROLESECRETID: `${PLAIN}-5e2c8a4f-1b7d-4c3e-9f0a` }),
                fn("fn-approle-joined-secret", { VAULT_APPROLE_SECRETID: { $secret: `${SECRET}-5e2c8a4f-1b7d-4c3e-9f0a` } }),
                fn("fn-approle-joined-unknown", { VAULT_APPROLE_SECRETID: { $unknown: "string" } }),
                fn("fn-approle-joined-file", { APPROLE_SECRETID_FILE: "/run/secrets/approle-secret-id" }),
                connection("vault-db-plain", { password: `${PLAIN}-vault-db` }),
                connection("vault-db-secret", { password: { $secret: `${SECRET}-vault-db` } }),
                connection("vault-db-unknown", { password: { $unknown: "string" } }),
                connection("vault-db-block-unknown", {}),
                { ...connection("vault-db-data-plain", {}), props: { ...connection("x", {}).props, data: { password: `${PLAIN}-vault-data` } } },
                mount("vault-mount-plain", `${PLAIN}-vault-mount`),
                mount("vault-mount-secret", { $secret: `${SECRET}-vault-mount` }),
                { type: "vault:database/secretsMount:SecretsMount", name: "vault-mount-unknown", props: { path: "db", postgresqls: { $unknown: "array" } } },
                integration("pd-key-plain", `${PLAIN}0a1b2c3d4e5f60718293a4b5c6d7e`),
                integration("pd-key-secret", { $secret: `${SECRET}0a1b2c3d4e5f60718293a4b5c` }),
                integration("pd-key-unknown", { $unknown: "string" }),
                integration("pd-key-absent"),
            ],
        });
        expect(verdicts(run)).toEqual([
            ["fn-approle-joined-plain", "mandatory", "plaintext"], ["vault-db-plain", "mandatory", "plaintext"], ["vault-db-data-plain", "mandatory", "plaintext"],
            ["vault-mount-plain", "mandatory", "plaintext"], ["pd-key-plain", "mandatory", "plaintext"],
        ]);
        expect(run.of(POLICY).find((d) => d.urn.endsWith("::vault-mount-plain"))?.message).toContain("`postgresqls.orders.password`");
        expect(run.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
    });

    // Helper 133: CDK's CfnJob and CfnEnvironment take objects where the classic types take maps; Vault's
    // schema marks a connection's whole `data` map and ElastiCache's access key ID.
    it("aws-native Glue arguments and Airflow options, a Vault connection's data and ElastiCache key ID: plaintext reported, secret, unknown and names pass", async () => {
        const glueJob = (name: string, value: unknown) => ({ type: "aws-native:glue:Job", name,
            props: { name, role: "arn:aws:iam::123456789012:role/glue", command: { name: "glueetl", scriptLocation: "s3://acme-glue/etl.py" }, defaultArguments: { "--db_user": "etl", "--db_password": value } } });
        const airflow = (name: string, value: unknown) => ({ type: "aws-native:mwaa:Environment", name,
            props: { name, executionRoleArn: "arn:aws:iam::123456789012:role/mwaa", airflowConfigurationOptions: { "core.dag_concurrency": "16", "smtp.smtp_password": value } } });
        const connection = (name: string, extra: Record<string, unknown>) => ({ type: "vault:database/secretBackendConnection:SecretBackendConnection", name,
            props: { backend: "db", name, postgresql: { connectionUrl: "postgres://{{username}}:{{password}}@orders.internal:5432/orders" }, ...extra } });
        const cache = (name: string, username: unknown) => connection(name, { redisElasticache: { url: "orders.abc123.clustercfg.use1.cache.amazonaws.com:6379", username, password: { $secret: `${SECRET}-vault-ec-key` } } });
        const run = await analyze({
            resources: [
                glueJob("native-glue-plain", `${PLAIN}-engine-native-glue`),
                glueJob("native-glue-secret", { $secret: `${SECRET}-engine-native-glue` }),
                glueJob("native-glue-unknown", { $unknown: "string" }),
                { ...glueJob("native-glue-args-unknown", ""), props: { name: "etl", defaultArguments: { $unknown: "object" } } },
                airflow("native-mwaa-plain", `${PLAIN}-engine-native-mwaa`),
                airflow("native-mwaa-secret", { $secret: `${SECRET}-engine-native-mwaa` }),
                airflow("native-mwaa-unknown", { $unknown: "string" }),
                connection("vault-data-username", { data: { username: "vault" } }),
                connection("vault-data-both-plain", { data: { username: "vault", password: `${PLAIN}-vault-data-both` } }),
                connection("vault-data-secret", { data: { $secret: { username: "vault", password: `${SECRET}-vault-data-both` } } }),
                connection("vault-data-unknown", { data: { username: "vault", password: { $unknown: "string" } } }),
                cache("vault-ec-id-plain", `${PLAIN}-vault-ec-id`),
                cache("vault-ec-id-secret", { $secret: `${SECRET}-vault-ec-id` }),
                cache("vault-ec-id-unknown", { $unknown: "string" }),
            ],
        });
        expect(verdicts(run)).toEqual([
            ["native-glue-plain", "mandatory", "plaintext"], ["native-mwaa-plain", "mandatory", "plaintext"],
            ["vault-data-both-plain", "mandatory", "plaintext"], ["vault-ec-id-plain", "mandatory", "plaintext"],
        ]);
        const message = (name: string) => run.of(POLICY).filter((d) => d.urn.endsWith(`::${name}`)).map((d) => d.message).join("\n");
        expect(message("native-glue-plain")).toContain("`defaultArguments.--db_password`");
        expect(message("native-mwaa-plain")).toContain("`airflowConfigurationOptions.smtp.smtp_password`");
        expect(message("vault-data-both-plain")).toContain("`data.password`");
        expect(message("vault-data-both-plain")).not.toContain("`data.username`");
        expect(message("vault-ec-id-plain")).toContain("`redisElasticache.username`");
        expect(run.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
    });

    // Helper 144: an aws-native EMR step's arguments, a canary's environment and a DataSync location's password,
    // read as the classic cluster's steps, canary's environment and location's marked password are.
    it("aws-native EMR step arguments, canary environment, DataSync passwords and Firehose HTTP access key: plaintext reported, secret, unknown and references pass", async () => {
        const step = (name: string, value: unknown) => ({ type: "aws-native:emr:Step", name,
            props: { name, jobFlowId: "j-2AXXXXXXGAPLF", actionOnFailure: "CONTINUE", hadoopJarStep: { jar: "command-runner.jar", args: ["spark-submit", "s3://acme-emr/etl.py", "--db-password", value] } } });
        const canary = (name: string, value: unknown) => ({ type: "aws-native:synthetics:Canary", name,
            props: { name, runtimeVersion: "syn-nodejs-puppeteer-9.1", runConfig: { timeoutInSeconds: 60, environmentVariables: { LOGIN_USER: "canary@acme.example", LOGIN_PASSWORD: value } } } });
        const smb = (name: string, value: unknown) => ({ type: "aws-native:datasync:LocationSmb", name,
            props: { serverHostname: "fs.corp.acme.example", subdirectory: "/exports", user: "svc-datasync", agentArns: ["arn:aws:datasync:us-east-1:123456789012:agent/agent-0123456789abcdef0"], password: value } });
        const firehose = (name: string, value: unknown) => ({ type: "aws-native:kinesisfirehose:DeliveryStream", name,
            props: { deliveryStreamType: "DirectPut", httpEndpointDestinationConfiguration: { endpointConfiguration: { url: "https://http-intake.logs.partner.example/api/v2/logs", accessKey: value } } } });
        const run = await analyze({
            resources: [
                step("native-step-plain", `${PLAIN}-engine-native-step`),
                step("native-step-secret", { $secret: `${SECRET}-engine-native-step` }),
                step("native-step-unknown", { $unknown: "string" }),
                step("native-step-secret-arn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:etl/db-Ab12Cd"),
                { ...step("native-step-args-unknown", ""), props: { name: "load", jobFlowId: "j-2AXXXXXXGAPLF", hadoopJarStep: { $unknown: "object" } } },
                canary("native-canary-plain", `${PLAIN}-engine-native-canary`),
                canary("native-canary-secret", { $secret: `${SECRET}-engine-native-canary` }),
                canary("native-canary-unknown", { $unknown: "string" }),
                smb("native-smb-plain", `${PLAIN}-engine-native-smb`),
                smb("native-smb-secret", { $secret: `${SECRET}-engine-native-smb` }),
                smb("native-smb-unknown", { $unknown: "string" }),
                firehose("native-fh-plain", `${PLAIN}-engine-native-fh`),
                firehose("native-fh-secret", { $secret: `${SECRET}-engine-native-fh` }),
                firehose("native-fh-unknown", { $unknown: "string" }),
            ],
        });
        expect(verdicts(run)).toEqual([
            ["native-step-plain", "mandatory", "plaintext"], ["native-canary-plain", "mandatory", "plaintext"], ["native-smb-plain", "mandatory", "plaintext"],
            ["native-fh-plain", "mandatory", "plaintext"],
        ]);
        const message = (name: string) => run.of(POLICY).filter((d) => d.urn.endsWith(`::${name}`)).map((d) => d.message).join("\n");
        expect(message("native-step-plain")).toContain("`hadoopJarStep.args.3`");
        expect(message("native-canary-plain")).toContain("`runConfig.environmentVariables.LOGIN_PASSWORD`");
        expect(message("native-smb-plain")).toContain("`password`");
        expect(message("native-fh-plain")).toContain("`httpEndpointDestinationConfiguration.endpointConfiguration.accessKey`");
        expect(run.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
    });

    // Helper 145: an aws-native canary's inline script read as program source (the JavaScript reader: literals given to
    // names and typed into form fields), aws-native AppSync code and environment, a user pool identity provider's details.
    it("aws-native canary scripts, AppSync code and environment, identity provider details: plaintext reported, secret, unknown and run-time values pass", async () => {
        const script = (password: string) => `exports.handler = async () => {\n  await page.type('#username', 'canary@acme.example');\n  await page.type('#password', ${password});\n};\n`;
        const canary = (name: string, value: unknown) => ({ type: "aws-native:synthetics:Canary", name,
            props: { name, runtimeVersion: "syn-nodejs-puppeteer-9.1", code: { handler: "index.handler", script: value } } });
        const resolver = (name: string, value: unknown) => ({ type: "aws-native:appsync:Resolver", name,
            props: { apiId: "a1b2c3", typeName: "Query", fieldName: "orders", runtime: { name: "APPSYNC_JS", runtimeVersion: "1.0.0" }, code: value } });
        const resolverCode = (key: string) => `export function request(ctx) {\n  return { method: 'GET', params: { headers: { 'x-api-key': ${key} } } };\n}\n`;
        const graphql = (name: string, value: unknown) => ({ type: "aws-native:appsync:GraphQlApi", name,
            props: { name, authenticationType: "API_KEY", environmentVariables: { TABLE_NAME: "orders", PARTNER_API_KEY: value } } });
        const idp = (name: string, value: unknown) => ({ type: "aws-native:cognito:UserPoolIdentityProvider", name,
            props: { userPoolId: "us-east-1_AbCdEf123", providerName: name, providerType: "OIDC", providerDetails: { client_id: "0oa1b2c3d4e5f6g7h8i9", client_secret: value, oidc_issuer: "https://acme.okta.com" } } });
        const run = await analyze({
            resources: [
                canary("native-canary-script-plain", script(`'${PLAIN}-engine-canary-script'`)),
                canary("native-canary-script-secret", { $secret: script(`'${SECRET}-engine-canary-script'`) }),
                canary("native-canary-script-unknown", { $unknown: "string" }),
                canary("native-canary-script-env", script("process.env.LOGIN_PASSWORD")),
                resolver("native-resolver-plain", resolverCode(`'${PLAIN}-engine-resolver'`)),
                resolver("native-resolver-secret", { $secret: resolverCode(`'${SECRET}-engine-resolver'`) }),
                resolver("native-resolver-unknown", { $unknown: "string" }),
                resolver("native-resolver-env", resolverCode("ctx.env.PARTNER_API_KEY")),
                graphql("native-graphql-plain", `${PLAIN}-engine-graphql`),
                graphql("native-graphql-secret", { $secret: `${SECRET}-engine-graphql` }),
                graphql("native-graphql-unknown", { $unknown: "string" }),
                idp("native-idp-plain", `${PLAIN}-engine-idp`),
                idp("native-idp-secret", { $secret: `${SECRET}-engine-idp` }),
                idp("native-idp-unknown", { $unknown: "string" }),
            ],
        });
        expect(verdicts(run)).toEqual([
            ["native-canary-script-plain", "mandatory", "plaintext"], ["native-resolver-plain", "mandatory", "plaintext"],
            ["native-graphql-plain", "mandatory", "plaintext"], ["native-idp-plain", "mandatory", "plaintext"],
        ]);
        const message = (name: string) => run.of(POLICY).filter((d) => d.urn.endsWith(`::${name}`)).map((d) => d.message).join("\n");
        expect(message("native-canary-script-plain")).toContain("`code.script`");
        expect(message("native-resolver-plain")).toContain("`code`");
        expect(message("native-graphql-plain")).toContain("`environmentVariables.PARTNER_API_KEY`");
        expect(message("native-idp-plain")).toContain("`providerDetails.client_secret`");
        expect(run.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
    });

    it("no diagnostic, remediation diagnostic or log shows any value used in these tests, not even a prefix", () => {
        expect(produced.length).toBeGreaterThan(30);
        for (const text of produced) assertNotShown(text, VALUE_MARKERS, "a diagnostic or log");
    });
});
