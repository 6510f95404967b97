// What providers say is sensitive, by resource type and input path: the AWS provider's own
// marks (generated from the installed @pulumi/aws, ./aws-secret-inputs.ts) minus its
// over-broad ones, plus the nested inputs its schema marks (the Node SDK wraps only
// top-level inputs, and the package ships no schema), plus what it says is NOT a credential
// despite the name. Paths are input keys joined by dots; `*` matches one key or list element.
// test/secret-sensitive-props.provider.test.ts checks every path against the provider's types.
import { AWS_SECRET_INPUTS } from "./aws-secret-inputs";

export interface ProviderMark {
    /** Dotted path from the resource's inputs; the mark covers everything under it. */
    path: string;
    /** What messages call it ("a database master password"); default: marked sensitive by the provider. */
    what?: string;
    /** For conditional marks: decides on the record that holds the last key (EventBridge `isValueSecret`). */
    when?(holder: Record<string, unknown>): boolean;
}

/** Marks of the generated list that are not credentials (TF `Sensitive` on identifiers, public certificates, banners). */
export const OVER_BROAD: Readonly<Record<string, readonly string[]>> = {
    "aws:pinpoint/apnsChannel:ApnsChannel": ["bundleId", "teamId", "tokenKeyId", "certificate"],
    "aws:pinpoint/apnsSandboxChannel:ApnsSandboxChannel": ["bundleId", "teamId", "tokenKeyId", "certificate"],
    "aws:pinpoint/apnsVoipChannel:ApnsVoipChannel": ["bundleId", "teamId", "tokenKeyId", "certificate"],
    "aws:pinpoint/apnsVoipSandboxChannel:ApnsVoipSandboxChannel": ["bundleId", "teamId", "tokenKeyId", "certificate"],
    "aws:pinpoint/admChannel:AdmChannel": ["clientId"],
    "aws:redshiftserverless/namespace:Namespace": ["adminUsername"],
    "aws:transfer/server:Server": ["preAuthenticationLoginBanner", "postAuthenticationLoginBanner"],
    "aws:transfer/certificate:Certificate": ["certificate", "certificateChain"],
    "aws:iot/certificate:Certificate": ["certificatePem", "caPem"],
    "aws:iot/caCertificate:CaCertificate": ["caCertificatePem", "verificationCertificatePem"],
    "aws:iot/authorizer:Authorizer": ["tokenSigningPublicKeys"],
    "aws:dms/certificate:Certificate": ["certificatePem"],
    "aws:s3/objectCopy:ObjectCopy": ["kmsKeyId", "kmsEncryptionContext"],
    "aws:cloudcontrol/resource:Resource": ["schema"],
    "aws:directoryservice/sharedDirectory:SharedDirectory": ["notes"],
    "aws:sns/platformApplication:PlatformApplication": ["platformPrincipal"],
    // A String or StringList parameter is configuration; SecureString values are marked below (SECURE_STRING).
    "aws:ssm/parameter:Parameter": ["value", "valueWo"],
    // Whole maps and documents: a plaintext `"core.dag_concurrency": "16"` is no credential;
    // what they hold is judged by name and value like any map.
    "aws:mwaa/environment:Environment": ["airflowConfigurationOptions"],
    "aws:glue/connection:Connection": ["connectionProperties", "athenaProperties"],
    "aws:bedrock/agentcoreHarness:AgentcoreHarness": ["environmentVariables"],
    "aws:appconfig/hostedConfigurationVersion:HostedConfigurationVersion": ["content"],
};

const DB_MASTER = "a database master password";
/** How messages describe the commonest marked inputs. */
const DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    "aws:secretsmanager/secretVersion:SecretVersion": { secretString: "a Secrets Manager secret value", secretStringWo: "a Secrets Manager secret value", secretBinary: "a Secrets Manager secret value" },
    "aws:rds/instance:Instance": { password: DB_MASTER, passwordWo: DB_MASTER },
    "aws:rds/cluster:Cluster": { masterPassword: DB_MASTER, masterPasswordWo: DB_MASTER },
    "aws:docdb/cluster:Cluster": { masterPassword: DB_MASTER, masterPasswordWo: DB_MASTER },
    "aws:redshift/cluster:Cluster": { masterPassword: DB_MASTER, masterPasswordWo: DB_MASTER },
    "aws:redshiftserverless/namespace:Namespace": { adminUserPassword: "a database admin password", adminUserPasswordWo: "a database admin password" },
    "aws:lightsail/database:Database": { masterPassword: DB_MASTER },
    "aws:elasticache/replicationGroup:ReplicationGroup": { authToken: "a Redis/Valkey AUTH token", authTokenWo: "a Redis/Valkey AUTH token" },
    "aws:elasticache/user:User": { passwords: "an ElastiCache user password", passwordsWo: "an ElastiCache user password" },
    "aws:dms/endpoint:Endpoint": { password: "a DMS endpoint database password" },
    "aws:directoryservice/directory:Directory": { password: "a directory administrator password" },
    "aws:acm/certificate:Certificate": { privateKey: "a certificate's private key", privateKeyWo: "a certificate's private key" },
    "aws:iam/serverCertificate:ServerCertificate": { privateKey: "a certificate's private key" },
    "aws:ec2/vpnConnection:VpnConnection": { tunnel1PresharedKey: "a VPN tunnel pre-shared key", tunnel2PresharedKey: "a VPN tunnel pre-shared key" },
    "aws:apigateway/apiKey:ApiKey": { value: "an API Gateway API key" },
    "aws:kms/ciphertext:Ciphertext": { plaintext: "the plaintext to encrypt", plaintextWo: "the plaintext to encrypt" },
    "pulumi:providers:aws": { accessKey: "an AWS access key", secretKey: "an AWS secret access key", token: "an AWS session token" },
};

/** Nested inputs the provider schema marks secret (the .NET SDK's Output.CreateSecret setters), and a few it misses. */
export const NESTED: Readonly<Record<string, readonly ProviderMark[]>> = {
    "aws:opensearch/domain:Domain": [{ path: "advancedSecurityOptions.masterUserOptions.masterUserPassword", what: "an OpenSearch master user password" }],
    "aws:elasticsearch/domain:Domain": [{ path: "advancedSecurityOptions.masterUserOptions.masterUserPassword", what: "an OpenSearch master user password" }],
    "aws:mq/broker:Broker": [{ path: "users.*.password", what: "an Amazon MQ broker user password" }, { path: "ldapServerMetadata.serviceAccountPassword" }],
    "aws:elasticache/user:User": [{ path: "authenticationMode.passwords", what: "an ElastiCache user password" }],
    "aws:memorydb/user:User": [{ path: "authenticationMode.passwords", what: "a MemoryDB user password" }],
    "aws:dms/endpoint:Endpoint": [
        { path: "kafkaSettings.saslPassword" }, { path: "kafkaSettings.sslClientKeyPassword" }, { path: "redisSettings.authPassword" },
        { path: "oracleSettings.asmPassword" },
        // Oracle TDE: "the transparent data encryption (TDE) password required by AWM DMS".
        { path: "oracleSettings.securityDbEncryption", what: "an Oracle TDE password" },
    ],
    "aws:emr/cluster:Cluster": [
        { path: "kerberosAttributes.kdcAdminPassword" }, { path: "kerberosAttributes.crossRealmTrustPrincipalPassword" }, { path: "kerberosAttributes.adDomainJoinPassword" },
    ],
    "aws:lb/listener:Listener": [{ path: "defaultActions.*.authenticateOidc.clientSecret", what: "an OIDC client secret" }],
    "aws:alb/listener:Listener": [{ path: "defaultActions.*.authenticateOidc.clientSecret", what: "an OIDC client secret" }],
    "aws:lb/listenerRule:ListenerRule": [{ path: "actions.*.authenticateOidc.clientSecret", what: "an OIDC client secret" }],
    "aws:alb/listenerRule:ListenerRule": [{ path: "actions.*.authenticateOidc.clientSecret", what: "an OIDC client secret" }],
    "aws:cloudwatch/eventConnection:EventConnection": [
        { path: "authParameters.apiKey.value", what: "an EventBridge connection API key" },
        { path: "authParameters.basic.password" },
        { path: "authParameters.oauth.clientParameters.clientSecret", what: "an OAuth client secret" },
        ...["invocationHttpParameters", "oauth.oauthHttpParameters"].flatMap((at) => ["headers", "bodies", "queryStrings"].map((list) => ({
            path: `authParameters.${at}.${list}.*.value`, what: "a parameter marked `isValueSecret`", when: (holder: Record<string, unknown>) => holder.isValueSecret === true,
        }))),
    ],
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": [
        { path: "httpEndpointConfiguration.accessKey", what: "an HTTP endpoint access key" },
        { path: "splunkConfiguration.hecToken", what: "a Splunk HEC token" },
        { path: "redshiftConfiguration.password" },
        { path: "snowflakeConfiguration.privateKey", what: "a Snowflake private key" },
        { path: "snowflakeConfiguration.keyPassphrase" },
    ],
    "aws:codepipeline/webhook:Webhook": [{ path: "authenticationConfiguration.secretToken" }],
    "aws:securitylake/subscriberNotification:SubscriberNotification": [{ path: "configuration.httpsNotificationConfiguration.authorizationApiKeyValue" }],
    "aws:sesv2/emailIdentity:EmailIdentity": [{ path: "dkimSigningAttributes.domainSigningPrivateKey", what: "a DKIM signing private key" }],
    "aws:kms/customKeyStore:CustomKeyStore": [{ path: "xksProxyAuthenticationCredential.rawSecretAccessKey", what: "an XKS proxy secret access key" }],
    "aws:fsx/windowsFileSystem:WindowsFileSystem": [{ path: "selfManagedActiveDirectory.password" }],
    "aws:fsx/ontapStorageVirtualMachine:OntapStorageVirtualMachine": [{ path: "activeDirectoryConfiguration.selfManagedActiveDirectoryConfiguration.password" }],
    "aws:storagegateway/gateway:Gateway": [{ path: "smbActiveDirectorySettings.password" }],
    "aws:quicksight/dataSource:DataSource": [{ path: "credentials.credentialPair.password" }],
    "aws:appstream/directoryConfig:DirectoryConfig": [{ path: "serviceAccountCredentials.accountPassword" }],
    // Per connector (`datadog.apiKey`), and in a connector's blocks (`salesforce.oauthRequest.authCode`, `customConnector.custom.credentialsMap`).
    // Infor Nexus's `datakey` is "the encryption keys used to encrypt data" (AppFlow API, InforNexusConnectorProfileCredentials).
    "aws:appflow/connectorProfile:ConnectorProfile": [
        ...["password", "clientSecret", "apiKey", "apiSecretKey", "secretKey", "secretAccessKey", "applicationKey", "accessToken", "refreshToken", "jwtToken", "datakey"].map((leaf) => `*.${leaf}`),
        ...["password", "clientSecret", "apiSecretKey", "accessToken", "refreshToken", "authCode", "credentialsMap"].map((leaf) => `*.*.${leaf}`),
    ].map((leaf) => ({ path: `connectorProfileConfig.connectorProfileCredentials.${leaf}`, what: "a connector credential" })),
    "aws:verifiedaccess/trustProvider:TrustProvider": [{ path: "oidcOptions.clientSecret", what: "an OIDC client secret" }],
    "aws:sagemaker/workforce:Workforce": [{ path: "oidcConfig.clientSecret", what: "an OIDC client secret" }],
    "aws:amplify/app:App": [{ path: "autoBranchCreationConfig.basicAuthCredentials" }],
    // "Map of custom authentication credentials": every value, whatever its key is called (as AppFlow's credentialsMap).
    "aws:glue/connection:Connection": [{ path: "authenticationConfiguration.customAuthenticationCredentials", what: "a Glue connection's custom credentials" }],
    // The AES-128 key that decrypts the channel's HLS output ("Static key value as a 32 character hexadecimal string").
    "aws:medialive/channel:Channel": [{
        path: "encoderSettings.outputGroups.*.outputGroupSettings.hlsGroupSettings.keyProviderSettings.staticKeySettings.*.staticKeyValue", what: "an HLS encryption key",
    }],
    // A keytab holds the principal's long-term keys: whoever has it signs in as that principal.
    "aws:datasync/locationHdfs:LocationHdfs": [{ path: "kerberosKeytab", what: "a Kerberos keytab" }, { path: "kerberosKeytabBase64", what: "a Kerberos keytab" }],
};

/** Inputs that are settings or references despite a credential-ish name: the name rule is off there (formats still apply). */
export const NOT_CREDENTIALS: Readonly<Record<string, readonly string[]>> = {
    "aws:lambda/permission:Permission": ["eventSourceToken"], // an Alexa skill ID
    ...Object.fromEntries([
        "aws:rds/parameterGroup:ParameterGroup", "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws:redshift/parameterGroup:ParameterGroup",
        "aws:docdb/clusterParameterGroup:ClusterParameterGroup", "aws:neptune/parameterGroup:ParameterGroup", "aws:neptune/clusterParameterGroup:ClusterParameterGroup",
        "aws:elasticache/parameterGroup:ParameterGroup", "aws:memorydb/parameterGroup:ParameterGroup", "aws:dax/parameterGroup:ParameterGroup",
    ].map((type) => [type, ["parameters"]])), // engine settings: password_encryption, default_password_lifetime
    "aws:medialive/input:Input": ["sources.*.passwordParam"],
    "aws:storagegateway/gateway:Gateway": ["activationKey"], // single use, expires within 30 minutes
    "aws:eks/nodeGroup:NodeGroup": ["remoteAccess.ec2SshKey"], // an EC2 key pair's name
    // "ARN or name of credentials created using AWS Secrets Manager": never the credential itself.
    "aws:codebuild/project:Project": ["environment.registryCredential.credential"],
    // IMDS settings: "optional", "required" or "no-preference".
    "aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults": ["httpTokens"],
    ...Object.fromEntries([
        "aws:ec2/instance:Instance", "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/launchConfiguration:LaunchConfiguration", "aws:ec2/spotInstanceRequest:SpotInstanceRequest",
    ].map((type) => [type, ["metadataOptions.httpTokens"]])),
    "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration": ["instanceMetadataOptions.httpTokens"],
    "aws:apigateway/method:Method": ["authorization"], // NONE, CUSTOM, AWS_IAM, COGNITO_USER_POOLS
    "aws:cognito/userPoolClient:UserPoolClient": ["explicitAuthFlows", "tokenValidityUnits"],
    "pulumi:providers:aws": ["tokenBucketRateLimiterCapacity", "skipCredentialsValidation", "sharedCredentialsFiles", "sharedConfigFiles"],
};

// The value of a GitHub Actions, Dependabot or Codespaces secret before GitHub encrypts it (`encryptedValue` is
// already sealed to the repository's public key: ciphertext, not a credential).
const GITHUB_SECRET_VALUE: readonly ProviderMark[] = [{ path: "plaintextValue", what: "the plaintext value of a GitHub secret" }];

/**
 * Other providers' marks the pack knows without their packages: the Kubernetes provider marks Secret data
 * secret; the providers a Pulumi AWS program commonly configures beside it mark their credentials (Sensitive
 * in the Terraform providers they bridge). Their SDKs wrap these in programs; a default provider's inputs come
 * from the stack config as set, plaintext after a `pulumi config set` without `--secret`.
 */
const OTHER_PROVIDERS: Readonly<Record<string, readonly ProviderMark[]>> = {
    "kubernetes:core/v1:Secret": [{ path: "data", what: "Kubernetes Secret data" }, { path: "stringData", what: "Kubernetes Secret data" }],
    "pulumi:providers:datadog": [{ path: "apiKey", what: "a Datadog API key" }, { path: "appKey", what: "a Datadog application key" }],
    "pulumi:providers:cloudflare": [{ path: "apiToken", what: "a Cloudflare API token" }, { path: "apiKey", what: "a Cloudflare API key" }, { path: "apiUserServiceKey", what: "a Cloudflare origin CA key" }],
    "pulumi:providers:newrelic": [{ path: "apiKey", what: "a New Relic API key" }, { path: "adminApiKey", what: "a New Relic admin API key" }, { path: "insightsInsertKey", what: "a New Relic insert key" }],
    "pulumi:providers:github": [{ path: "token", what: "a GitHub token" }],
    ...Object.fromEntries([
        "github:index/actionsSecret:ActionsSecret", "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret", "github:index/actionsOrganizationSecret:ActionsOrganizationSecret",
        "github:index/dependabotSecret:DependabotSecret", "github:index/dependabotOrganizationSecret:DependabotOrganizationSecret",
        "github:index/codespacesSecret:CodespacesSecret", "github:index/codespacesOrganizationSecret:CodespacesOrganizationSecret",
    ].map((type) => [type, GITHUB_SECRET_VALUE])),
};

export interface CompiledMark {
    segments: readonly string[];
    what: string;
    when?: ProviderMark["when"];
}

export interface TypeKnowledge {
    sensitive: readonly CompiledMark[];
    notCredentials: readonly CompiledMark[];
}

const compile = (mark: ProviderMark, fallback: string): CompiledMark => ({ segments: mark.path.split("."), what: mark.what ?? fallback, ...(mark.when ? { when: mark.when } : {}) });
const MARKED = "marked sensitive by the AWS provider";

function build(): Map<string, TypeKnowledge> {
    const out = new Map<string, { sensitive: CompiledMark[]; notCredentials: CompiledMark[] }>();
    const of = (type: string) => out.get(type) ?? out.set(type, { sensitive: [], notCredentials: [] }).get(type)!;
    for (const [type, inputs] of Object.entries(AWS_SECRET_INPUTS)) {
        const excluded = new Set(OVER_BROAD[type] ?? []);
        for (const input of inputs) {
            if (!excluded.has(input)) of(type).sensitive.push(compile({ path: input, what: DESCRIPTIONS[type]?.[input] }, MARKED));
        }
    }
    for (const [type, marks] of Object.entries(NESTED)) for (const m of marks) of(type).sensitive.push(compile(m, MARKED));
    for (const [type, marks] of Object.entries(OTHER_PROVIDERS)) for (const m of marks) of(type).sensitive.push(compile(m, "marked sensitive by its provider"));
    for (const [type, paths] of Object.entries(NOT_CREDENTIALS)) for (const p of paths) of(type).notCredentials.push(compile({ path: p }, ""));
    return out;
}

const KNOWLEDGE = build();
const NONE: TypeKnowledge = { sensitive: [], notCredentials: [] };

/** What the providers say about a type's inputs. */
export function knowledgeOf(type: string): TypeKnowledge {
    return KNOWLEDGE.get(type) ?? NONE;
}

/** Every type with provider knowledge (for the robustness targets and the docs). */
export const KNOWN_TYPES: readonly string[] = [...KNOWLEDGE.keys()].sort();

/** SSM parameter values are credentials when the parameter is a SecureString. */
export const SECURE_STRING: CompiledMark[] = [
    { segments: ["value"], what: "the value of a SecureString parameter" },
    { segments: ["valueWo"], what: "the value of a SecureString parameter" },
];
