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

/** The same marks on several types. */
const each = (types: readonly string[], marks: readonly ProviderMark[]) => Object.fromEntries(types.map((type) => [type, marks]));
/** Marks that a provider's messages call one thing. */
const marked = (what: string, ...paths: string[]): ProviderMark[] => paths.map((path) => ({ path, what }));

// Confluent Cloud's resources that call its APIs with a cluster's or Schema Registry's API key and secret
// (`credentials {key, secret}`, secret in its schema as the AWS provider's accessKey and secretKey are);
// those with more marks (catalog integrations, Flink statements, schema exporters) have entries of their own.
const CONFLUENT_CREDENTIALS = [
    "businessMetadata:BusinessMetadata", "businessMetadataBinding:BusinessMetadataBinding", "catalogEntityAttributes:CatalogEntityAttributes",
    "flinkConnection:FlinkConnection", "flinkMaterializedTable:FlinkMaterializedTable", "kafkaAcl:KafkaAcl", "kafkaClusterConfig:KafkaClusterConfig",
    "kafkaTopic:KafkaTopic", "schema:Schema", "schemaRegistryClusterConfig:SchemaRegistryClusterConfig", "schemaRegistryClusterMode:SchemaRegistryClusterMode",
    "schemaRegistryDek:SchemaRegistryDek", "schemaRegistryKek:SchemaRegistryKek", "subjectConfig:SubjectConfig", "subjectMode:SubjectMode", "tableflowTopic:TableflowTopic", "tag:Tag", "tagBinding:TagBinding",
].map((t) => `confluentcloud:index/${t}`);
const CONFLUENT_KEY = "a Confluent Cloud API key and secret";

// What Vault's database secrets engine signs in to a database with (the Vault schema marks them secret).
const VAULT_DATABASE = "a Vault database connection's credential";
const VAULT_DATABASE_LEAVES = ["password", "passwordWo", "privateKey", "privateKeyWo", "serviceAccountJson"];

// A command run over SSH: its connection's password and keys (secret in the command provider's schema).
const SSH_CONNECTION = marked("an SSH connection's credentials", ...["", "proxy."].flatMap((at) => ["password", "privateKey", "privateKeyPassword"].map((leaf) => `connection.${at}${leaf}`)));

/**
 * Other providers' marks the pack knows without their packages: the Kubernetes provider marks Secret data
 * secret; the providers a Pulumi AWS program commonly configures beside it mark their credentials (`secret` in
 * their Pulumi schemas, which their SDKs wrap: Sensitive in the Terraform providers they bridge), minus what is
 * not a credential (Snowflake's login names and e-mails, client IDs, public certificates), plus the provider
 * credentials a schema leaves unmarked (said where). Their SDKs wrap these in programs; a default provider's
 * inputs come from the stack config as set, plaintext after a `pulumi config set` without `--secret`.
 */
const OTHER_PROVIDERS: Readonly<Record<string, readonly ProviderMark[]>> = {
    "kubernetes:core/v1:Secret": [{ path: "data", what: "Kubernetes Secret data" }, { path: "stringData", what: "Kubernetes Secret data" }],
    "pulumi:providers:datadog": [{ path: "apiKey", what: "a Datadog API key" }, { path: "appKey", what: "a Datadog application key" }],
    "pulumi:providers:cloudflare": [{ path: "apiToken", what: "a Cloudflare API token" }, { path: "apiKey", what: "a Cloudflare API key" }, { path: "apiUserServiceKey", what: "a Cloudflare origin CA key" }],
    "pulumi:providers:newrelic": [{ path: "apiKey", what: "a New Relic API key" }, { path: "adminApiKey", what: "a New Relic admin API key" }, { path: "insightsInsertKey", what: "a New Relic insert key" }],
    "pulumi:providers:github": [{ path: "token", what: "a GitHub token" }],
    ...each([
        "github:index/actionsSecret:ActionsSecret", "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret", "github:index/actionsOrganizationSecret:ActionsOrganizationSecret",
        "github:index/dependabotSecret:DependabotSecret", "github:index/dependabotOrganizationSecret:DependabotOrganizationSecret",
        "github:index/codespacesSecret:CodespacesSecret", "github:index/codespacesOrganizationSecret:CodespacesOrganizationSecret",
    ], GITHUB_SECRET_VALUE),
    // HashiCorp Vault: what a program writes to Vault is a secret whatever it holds, as a Secrets Manager secret's value.
    ...each(["vault:generic/secret:Secret", "vault:generic/endpoint:Endpoint", "vault:kv/secret:Secret", "vault:kv/secretV2:SecretV2"], marked("a Vault secret's data", "dataJson", "dataJsonWo")),
    ...each(["vault:aws/secretBackend:SecretBackend", "vault:aws/authBackendClient:AuthBackendClient"], [
        { path: "accessKey", what: "an AWS access key" }, ...marked("an AWS secret access key", "secretKey", "secretKeyWo"),
    ]),
    "vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId": marked("an AppRole secret ID", "secretId", "secretIdWo"),
    "pulumi:providers:vault": [{ path: "token", what: "a Vault token" }],
    // The database secrets engine's connections: the credentials Vault signs in to the database with, per plugin block
    // (`postgresql: {...}`; a mount's lists, `postgresqls: [{...}]`), and ElastiCache's `username`, the AWS access key ID
    // (`Sensitive` in Vault's schema, as the AWS backend's `access_key`: decision 1). Not the blocks' certificate bundles
    // (`pemBundle`, `tlsCertificateKey`: "or just a CA certificate"; Couchbase's `base64Pem` is its CA), whose private keys
    // their format finds. `data`, "a map of sensitive data" for templated connection URLs, is judged by name as an
    // environment is (OTHER_FULL_INPUTS): the schema marks the whole map, the username beside the password too.
    "vault:database/secretBackendConnection:SecretBackendConnection": [
        ...marked(VAULT_DATABASE, ...VAULT_DATABASE_LEAVES.map((leaf) => `*.${leaf}`)), { path: "redisElasticache.username", what: "an AWS access key" },
    ],
    "vault:database/secretsMount:SecretsMount": [
        ...marked(VAULT_DATABASE, ...VAULT_DATABASE_LEAVES.map((leaf) => `*.*.${leaf}`)), { path: "redisElasticaches.*.username", what: "an AWS access key" },
    ],
    // Snowflake (the SDK also wraps names, e-mails and OAuth endpoints, which are no credentials).
    "pulumi:providers:snowflake": [
        ...marked("a Snowflake password", "password", "passcode", "proxyPassword"), { path: "privateKey", what: "a Snowflake private key" },
        { path: "privateKeyPassphrase" }, { path: "token", what: "a Snowflake token" }, { path: "oauthClientSecret", what: "an OAuth client secret" },
    ],
    ...each(["snowflake:index/user:User", "snowflake:index/legacyServiceUser:LegacyServiceUser"], marked("a Snowflake user's password", "password")),
    "snowflake:index/secretWithBasicAuthentication:SecretWithBasicAuthentication": marked("a Snowflake secret's password", "password"),
    "snowflake:index/secretWithGenericString:SecretWithGenericString": marked("a Snowflake secret's value", "secretString"),
    "snowflake:index/secretWithAuthorizationCodeGrant:SecretWithAuthorizationCodeGrant": marked("an OAuth refresh token", "oauthRefreshToken"),
    // MongoDB Atlas: a programmatic API key's private key (its public key names it); the SDK leaves clientSecret unwrapped.
    "pulumi:providers:mongodbatlas": [{ path: "privateKey", what: "an Atlas API private key" }, { path: "clientSecret", what: "an Atlas service account secret" }],
    "mongodbatlas:index/databaseUser:DatabaseUser": marked("a database user's password", "password", "passwordWo"),
    "mongodbatlas:index/thirdPartyIntegration:ThirdPartyIntegration": marked("an integration's credential", "apiKey", "password", "routingKey", "secret", "serviceKey", "microsoftTeamsWebhookUrl"),
    // Auth0: the Management API client's secret and token (not marked by the schema), and what its schema marks.
    "pulumi:providers:auth0": [
        { path: "clientSecret", what: "an Auth0 client secret" }, { path: "apiToken", what: "an Auth0 Management API token" }, { path: "clientAssertionPrivateKey", what: "an Auth0 client assertion private key" },
    ],
    "auth0:index/clientCredentials:ClientCredentials": marked("an Auth0 client secret", "clientSecret", "clientSecretWo"),
    "auth0:index/user:User": marked("an Auth0 user's password", "password"),
    ...each(["auth0:index/action:Action", "auth0:index/actionModule:ActionModule"], marked("an Auth0 Action's secret", "secrets.*.value", "secretsWos.*.value")),
    "auth0:index/hook:Hook": marked("an Auth0 Hook's secret", "secrets"),
    "auth0:index/ruleConfig:RuleConfig": marked("an Auth0 rule's configuration value", "value"),
    "auth0:index/connection:Connection": marked("a connection's credential", "options.clientSecret", "options.configuration", "options.gatewayAuthentication.secret", "options.twilioToken"),
    "auth0:index/client:Client": marked("a client add-on's credential", ...[
        "azureBlob.storageAccessKey", "azureSb.sasKey", "firebase.privateKey", "firebase.secret", "layer.privateKey", "sapApi.servicePassword", "wams.masterKey",
    ].map((leaf) => `addons.${leaf}`)),
    "auth0:index/emailProvider:EmailProvider": marked("an e-mail provider's credential", ...["accessKeyId", "apiKey", "azureCsConnectionString", "ms365ClientSecret", "secretAccessKey", "smtpPass"].map((leaf) => `credentials.${leaf}`)),
    "auth0:index/phoneProvider:PhoneProvider": marked("a phone provider's token", "credentials.authToken"),
    "auth0:index/eventStream:EventStream": marked("a webhook's authorization", ...["headerValue", "headerValueWo", "password", "passwordWo", "token", "tokenWo"].map((leaf) => `webhookConfiguration.webhookAuthorization.${leaf}`)),
    "auth0:index/logStream:LogStream": marked("a log stream's credential", ...["datadogApiKey", "datadogApiKeyWo", "httpAuthorization", "mixpanelServiceAccountPassword", "segmentWriteKey", "splunkToken"].map((leaf) => `sink.${leaf}`)),
    "auth0:index/guardian:Guardian": marked("a multi-factor provider's credential", "duo.secretKey", "phone.options.authToken", "push.amazonSns.awsSecretAccessKey", "push.directApns.p12", "push.directFcm.serverKey"),
    "auth0:index/attackProtection:AttackProtection": marked("a CAPTCHA provider's secret", ...["arkose", "friendlyCaptcha", "hcaptcha", "recaptchaV2"].map((p) => `captcha.${p}.secret`), "captcha.recaptchaEnterprise.apiKey"),
    // Okta.
    "pulumi:providers:okta": [{ path: "apiToken", what: "an Okta API token" }, { path: "accessToken", what: "an Okta access token" }, { path: "privateKey", what: "an Okta private key" }],
    "okta:user/user:User": marked("an Okta user's credential", "password", "oldPassword", "recoveryAnswer"),
    "okta:app/user:User": marked("an application user's password", "password"),
    "okta:app/oAuth:OAuth": marked("an OAuth client secret", "clientBasicSecret", "clientBasicSecretWo"),
    "okta:app/connection:Connection": marked("a provisioning connection's credential", "profile.token", "profile.settings.adminPassword"),
    "okta:idp/oidc:Oidc": marked("an OIDC client secret", "clientSecret", "clientSecretWo"),
    "okta:idp/social:Social": [...marked("an OAuth client secret", "clientSecret", "clientSecretWo"), { path: "applePrivateKey", what: "a Sign in with Apple private key" }],
    "okta:index/authenticator:Authenticator": marked("a RADIUS shared secret", "providerSharedSecret"),
    "okta:index/captcha:Captcha": marked("a CAPTCHA secret key", "secretKey"),
    "okta:index/logStream:LogStream": marked("a log stream's token", "settings.token"),
    "okta:index/userFactorQuestion:UserFactorQuestion": marked("a security question's answer", "answer"),
    "okta:index/pushProvider:PushProvider": marked("a push provider's key", "configuration.apnsConfiguration.tokenSigningKey", "configuration.fcmConfiguration.serviceAccountJson.privateKey"),
    // Confluent Cloud.
    "pulumi:providers:confluentcloud": marked(CONFLUENT_KEY, ...["cloud", "flink", "kafka", "schemaRegistry", "tableflow"].flatMap((api) => [`${api}ApiKey`, `${api}ApiSecret`])),
    ...each(CONFLUENT_CREDENTIALS, marked(CONFLUENT_KEY, "credentials")),
    "confluentcloud:index/clusterLink:ClusterLink": marked(CONFLUENT_KEY, ...["destination", "local", "remote", "source"].map((at) => `${at}KafkaCluster.credentials`)),
    "confluentcloud:index/kafkaMirrorTopic:KafkaMirrorTopic": marked(CONFLUENT_KEY, "kafkaCluster.credentials"),
    "confluentcloud:index/schemaExporter:SchemaExporter": marked(CONFLUENT_KEY, "credentials", "destinationSchemaRegistryCluster.credentials"),
    "confluentcloud:index/connector:Connector": marked("a connector's sensitive configuration", "configSensitive"),
    "confluentcloud:index/flinkStatement:FlinkStatement": [...marked(CONFLUENT_KEY, "credentials"), { path: "propertiesSensitive", what: "a statement's sensitive properties" }],
    "confluentcloud:index/catalogIntegration:CatalogIntegration": [...marked(CONFLUENT_KEY, "credentials"), ...marked("an OAuth client secret", "snowflake.clientSecret", "unity.clientSecret")],
    // PostgreSQL and MySQL (the MySQL schema leaves the provider's password unmarked), Kafka (its schema marks none of the provider's).
    "pulumi:providers:postgresql": marked("a database password", "password"),
    "postgresql:index/role:Role": marked("a database role's password", "password", "passwordWo"),
    "postgresql:index/subscription:Subscription": marked("a replication connection string", "conninfo"),
    "pulumi:providers:mysql": marked("a database password", "password"),
    "mysql:index/user:User": marked("a database user's password", "password", "plaintextPassword"),
    "pulumi:providers:kafka": [
        ...marked("a Kafka SASL password", "saslPassword"), ...marked("an AWS secret access key", "saslAwsSecretKey"), ...marked("an AWS session token", "saslAwsToken"),
        ...marked("a Kafka client's private key", "clientKey", "clientKeyPassphrase"),
    ],
    "kafka:index/userScramCredential:UserScramCredential": marked("a SCRAM password", "password", "passwordWo"),
    // Docker registries (the provider's `registryAuth`, a JSON string, is read in full: see OTHER_FULL_INPUTS in ../sensitive.ts).
    "docker:index/image:Image": marked("a registry password", "registry.password"),
    "docker:index/registryImage:RegistryImage": marked("a registry password", "authConfig.password"),
    "docker:index/service:Service": marked("a registry password", "auth.password"),
    "docker:index/secret:Secret": marked("a Docker secret's data", "data"),
    // PagerDuty: the provider's REST API keys (not marked by its schema) and what its schema marks.
    "pulumi:providers:pagerduty": marked("a PagerDuty API key", "token", "userToken"),
    "pagerduty:index/extensionServiceNow:ExtensionServiceNow": [{ path: "snowPassword", what: "a ServiceNow password" }, { path: "endpointUrl" }],
    "pagerduty:index/extension:Extension": [{ path: "endpointUrl" }],
    "pagerduty:index/automationActionsRunner:AutomationActionsRunner": marked("a runner's API key", "runbookApiKey"),
    // The deprecated input of the Events API routing key (read-only in the API, usually an output): whoever has it
    // triggers incidents, as with Atlas's PagerDuty `serviceKey`. The schema does not mark it.
    "pagerduty:index/serviceIntegration:ServiceIntegration": marked("a PagerDuty integration key", "integrationKey"),
    "pulumi:providers:sentry": marked("a Sentry auth token", "token"),
    ...each(["command:remote:Command", "command:remote:CopyFile", "command:remote:CopyToRemote"], SSH_CONNECTION),
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
