// Which resource inputs hold credentials, and where secrets sit in them: the one home for
// sensitive-value detection. The judgement, in order of trust (docs/policies/secret-sensitive-props.md):
//   0. a value that cannot be a credential (empty, unknown, a reference, template, placeholder,
//      mask) is never one;
//   1. what the provider marks sensitive (./credentials/provider.ts), whatever the value;
//   2. a credential format (./credentials/formats.ts), under any name, on any provider;
//   3. a credential name (./credentials/names.ts) with a value that is not a setting
//      (./credentials/shapes.ts), or a name that may hold one with a random-looking value;
//   4. credentials inside strings: JSON and YAML documents are walked like inputs; scripts
//      and argument lists are read for assignments and flags (./credentials/scripts.ts).
// Resources of other providers get tiers 0-2 only: never names alone.
//
// Works on raw property data (see ./values.ts). On the remediation path the data still
// holds `Secret` instances; the walk looks through them, so the same walk finds the same
// sensitive values on both paths, and `collectSecretLocations` says which of them a
// secret covers.
import { Secret } from "@pulumi/policy";
import { DOCKER_CONFIG_AUTH, findFormat, isDockerAuth, FormatMatch, isAwsSecretKeyShape, isPublicMaterial, JWK_PRIVATE_KEY, privateJwkMember } from "./credentials/formats";
import { isGenericChildKey, judgeChildName, judgeName, NameJudgement, parameterLeaf } from "./credentials/names";
import { CompiledMark, knowledgeOf, SECURE_STRING } from "./credentials/provider";
import {
    base64DecodedInScript, findCredentialInArguments, findCredentialInHeaderList, findCredentialInJavaScript, findCredentialInOptions, findCredentialInScript, findCredentialInTemplate, findPasswordInSql,
    withoutPublicAssignments,
} from "./credentials/scripts";
import {
    base64Text, isAuthMechanism, isAwsAccessKeyId, isCredentialsMode, isEmulatorDummy, isKmsKeyId, isPublishableKey, isSettingShaped, isTemplated, isUnusable, isUnusableLiterally, isUuid, looksRandom, pointsAtLocalEmulator,
} from "./credentials/shapes";
import { parseYamlText } from "./files";
import { compileGlob, matchesAny } from "./glob";
import * as t from "./tokens";
import { isRecord, isSecretWrapper, isUnknown } from "./values";
import { childrenOf, walk } from "./walk";
import { isWireSecret, signatureOf } from "./wire";

export { nameLooksSensitive, nameWords } from "./credentials/names";

export type Segment = string | number;

export type SensitiveReason =
    /** The provider marks the input sensitive. */
    | { kind: "provider"; what: string }
    /** The value has a credential's format. */
    | { kind: "format"; what: string }
    | { kind: "pattern"; pattern: string }
    /** The name says it holds a credential. */
    | { kind: "name" }
    /** The name may hold a credential and the value looks random. */
    | { kind: "name-and-value" }
    /** A script or argument list passes a credential. */
    | { kind: "script"; what: string };

export interface SensitiveValue {
    /**
     * How messages print it and `ignoreProperties` matches it: dot notation, list elements
     * by their `name` when they have one (so `environment.DB_PASSWORD` for an ECS
     * name/value pair), else by index (`users.0.password`).
     */
    path: string;
    /** The segments of `path`. */
    parts: string[];
    /**
     * The parts of `path` that are a list element's `name` (of a name/value pair, or of an
     * ECS container), with where that name sits. Unlike keys, a name is a value and may itself
     * be a secret, so messages show it only where it was observed not to be one (`shownPath`).
     */
    pairNames: PairName[];
    /**
     * Keys and indexes to the smallest value that can be made secret: the value itself,
     * or the string (a JSON or YAML document, a script) it sits in.
     */
    location: Segment[];
    /** Set when the value sits inside a document string: how many parts of `path` name that string. */
    documentParts?: number;
    /** Set when the value is a script or an argument list's element. */
    script?: boolean;
    /**
     * Set when the name that judged the value is another field's value, not its key: what that
     * field is ("the header it is compared with"). Messages say so without quoting the name: it
     * sits where values do.
     */
    namedBy?: string;
    reason: SensitiveReason;
}

export interface PairName {
    /** Index into `parts`. */
    part: number;
    /** The element's index in its list, shown instead of a name that may be secret. */
    index: number;
    location: Segment[];
}

export interface SensitiveOptions {
    /** Globs matched case-insensitively against every property key. */
    sensitivePatterns: readonly string[];
    /** Globs matched against `SensitiveValue.path`. */
    ignoreProperties: readonly string[];
}

// ------------------------------------------------------------------ where values sit

/** The AWS provider's resources and the provider itself get the full judgement; others tiers 0-2. */
export function isAwsType(type: string): boolean {
    return type.startsWith("aws:") || type === "pulumi:providers:aws";
}

// The inputs of @pulumi/aws-native types (pulumi-cdk sends CDK's resources as these) that hold what
// the classic types' full judgement reads: environments, settings and user data, where names say
// what a value is, and the passwords, tokens and keys the classic provider marks sensitive but
// aws-native's SDK does not (1.79.0 marks no input secret: so they are judged by name, and a
// setting or a reference still passes). The rest of such a resource gets tiers 0-2, as another
// provider's. Paths as the provider marks': `*` is a list element. aws-native's containerDefinitions
// is a list of objects (not a JSON string) and its environments, App Runner's, Batch's and
// Amplify's are name/value pairs (`*KeyValuePairArgs`, `*EnvironmentArgs`); Lambda's variables and
// SageMaker's container environment are maps. aws-native 1.79.0 has no CodeBuild Project nor
// DocumentDB cluster, and Neptune's DbCluster takes no password (IAM authentication).
// test/secret-sensitive-props.eval.test.ts checks that the classic ECS, Batch, Step Functions and SSM
// evaluation cases, sent as these types, are reported at the same paths.
export const NATIVE_FULL_INPUTS: Readonly<Record<string, readonly string[]>> = {
    [t.NATIVE_LAMBDA_FUNCTION]: ["environment.variables"],
    // Containers as the classic JSON string is read: environments, argument lists (`--requirepass X`), log
    // driver options (FireLens' `apikey`), Docker labels (Datadog's autodiscovery `instances`).
    [t.NATIVE_ECS_TASK_DEFINITION]: ["containerDefinitions"],
    [t.NATIVE_RDS_DB_INSTANCE]: ["masterUserPassword", "tdeCredentialPassword"],
    [t.NATIVE_RDS_DB_CLUSTER]: ["masterUserPassword"],
    [t.NATIVE_REDSHIFT_CLUSTER]: ["masterUserPassword"],
    [t.NATIVE_DOCDB_ELASTIC_CLUSTER]: ["adminUserPassword"],
    [t.NATIVE_AMAZONMQ_BROKER]: ["users.*.password", "ldapServerMetadata.serviceAccountPassword"],
    [t.NATIVE_OPENSEARCH_DOMAIN]: ["advancedSecurityOptions.masterUserOptions.masterUserPassword"],
    [t.NATIVE_IAM_USER]: ["loginProfile.password"],
    [t.NATIVE_ELASTICACHE_USER]: ["passwords", "authenticationMode.passwords"],
    [t.NATIVE_MEMORYDB_USER]: ["authenticationMode.passwords"],
    [t.NATIVE_DMS_ENDPOINT]: [
        "password", "gcpMySqlSettings.password", "microsoftSqlServerSettings.password", "mongoDbSettings.password",
        "kafkaSettings.saslPassword", "kafkaSettings.sslClientKeyPassword", "redisSettings.authPassword", "oracleSettings.asmPassword",
    ],
    // Glue's connection properties (PASSWORD beside USERNAME) and its authentication (basic, custom, OAuth).
    [t.NATIVE_GLUE_CONNECTION]: ["connectionInput.connectionProperties", "connectionInput.athenaProperties", "connectionInput.authenticationConfiguration"],
    [t.NATIVE_APPRUNNER_SERVICE]: [
        "sourceConfiguration.imageRepository.imageConfiguration.runtimeEnvironmentVariables",
        "sourceConfiguration.codeRepository.codeConfiguration.codeConfigurationValues.runtimeEnvironmentVariables",
    ],
    [t.NATIVE_SAGEMAKER_MODEL]: ["primaryContainer.environment", "containers.*.environment"],
    // Objects where the classic types take maps too: a Glue job's arguments, Airflow's options (`"smtp.smtp_password"`).
    [t.NATIVE_GLUE_JOB]: ["defaultArguments", "nonOverridableArguments"],
    [t.NATIVE_MWAA_ENVIRONMENT]: ["airflowConfigurationOptions"],
    // An EMR step's arguments (`--db-password X`, `--conf spark.hadoop.fs.s3a.secret.key=X`), as the classic cluster's `steps`;
    // a canary's environment, as the classic canary's `runConfig.environmentVariables`, and its inline script (JS_SOURCES).
    [t.NATIVE_EMR_STEP]: ["hadoopJarStep"],
    [t.NATIVE_SYNTHETICS_CANARY]: ["runConfig.environmentVariables", "code.script"],
    // AppSync as the classic types are read: resolver and function code (APPSYNC_JS) and VTL templates, an Event API's
    // handlers, a GraphQL API's environment variables (which its resolvers read as `ctx.env`).
    [t.NATIVE_APPSYNC_RESOLVER]: ["code", "requestMappingTemplate", "responseMappingTemplate"],
    [t.NATIVE_APPSYNC_FUNCTION_CONFIGURATION]: ["code", "requestMappingTemplate", "responseMappingTemplate"],
    [t.NATIVE_APPSYNC_CHANNEL_NAMESPACE]: ["codeHandlers"],
    [t.NATIVE_APPSYNC_GRAPHQL_API]: ["environmentVariables"],
    // A user pool identity provider's details: `client_id` beside `client_secret` (OIDC, Google, Facebook), Apple's `private_key`.
    [t.NATIVE_COGNITO_USER_POOL_IDENTITY_PROVIDER]: ["providerDetails"],
    // DataSync locations' credentials, which the classic provider marks (an object store's `accessKey` is its user name).
    [t.NATIVE_DATASYNC_LOCATION_OBJECT_STORAGE]: ["secretKey"],
    [t.NATIVE_DATASYNC_LOCATION_SMB]: ["password"],
    [t.NATIVE_DATASYNC_LOCATION_FSX_WINDOWS]: ["password"],
    [t.NATIVE_DATASYNC_LOCATION_FSX_ONTAP]: ["protocol.smb.password"],
    [t.NATIVE_DATASYNC_LOCATION_AZURE_BLOB]: ["azureBlobSasConfiguration.azureBlobSasToken"],
    // The classic JSON strings' content, as objects (containers, ECS tasks, EKS pods, node ranges).
    [t.NATIVE_BATCH_JOB_DEFINITION]: ["containerProperties", "ecsProperties", "eksProperties", "nodeProperties"],
    [t.NATIVE_AMPLIFY_APP]: [
        "accessToken", "oauthToken", "basicAuthConfig", "environmentVariables", "autoBranchCreationConfig.basicAuthConfig", "autoBranchCreationConfig.environmentVariables",
    ],
    [t.NATIVE_AMPLIFY_BRANCH]: ["basicAuthConfig", "environmentVariables"],
    // Option settings are {namespace, optionName, value}: environment variables and, say, aws:rds:dbinstance DBPassword.
    [t.NATIVE_BEANSTALK_ENVIRONMENT]: ["optionSettings"],
    [t.NATIVE_BEANSTALK_CONFIGURATION_TEMPLATE]: ["optionSettings"],
    // A String parameter's value, judged by the parameter's name as the classic one's (CloudFormation creates no SecureString).
    [t.NATIVE_SSM_PARAMETER]: ["value"],
    [t.NATIVE_EC2_INSTANCE]: ["userData"],
    [t.NATIVE_EC2_LAUNCH_TEMPLATE]: ["launchTemplateData.userData"],
    // The secret's value when given (CDK's secretStringValue, secretObjectValue: a JSON document), as a SecretVersion's.
    [t.NATIVE_SECRETSMANAGER_SECRET]: ["secretString"],
    [t.NATIVE_CODEBUILD_SOURCE_CREDENTIAL]: ["token"],
    // The credentials, not their blocks: under a name that describes a credential (`apiKeyAuthParameters`) names do not count.
    [t.NATIVE_EVENTS_CONNECTION]: [
        "authParameters.apiKeyAuthParameters.apiKeyValue", "authParameters.basicAuthParameters.password", "authParameters.oAuthParameters.clientParameters.clientSecret",
        "authParameters.invocationHttpParameters", "authParameters.oAuthParameters.oAuthHttpParameters",
    ],
    // A definition (a JSON string, or an object) is read as the classic `definition`: a task's parameters and overrides.
    [t.NATIVE_SFN_STATE_MACHINE]: ["definitionString", "definition"],
    // The HTTP endpoint's `accessKey` is in NATIVE_MARKED: its name says nothing.
    [t.NATIVE_FIREHOSE_DELIVERY_STREAM]: [
        "splunkDestinationConfiguration.hecToken", "redshiftDestinationConfiguration.password",
        "snowflakeDestinationConfiguration.privateKey", "snowflakeDestinationConfiguration.keyPassphrase",
    ],
};
// aws-native inputs the classic provider marks whose names cannot judge them, reported as marked inputs are (a
// reference, a secret or an unknown passes): a Firehose HTTP endpoint's `accessKey` is the endpoint's only credential
// (CloudFormation: "the access key required for Kinesis Data Firehose to authenticate with the HTTP endpoint").
const NATIVE_MARKED: ReadonlyMap<string, readonly CompiledMark[]> = new Map([
    [t.NATIVE_FIREHOSE_DELIVERY_STREAM, [{ segments: ["httpEndpointDestinationConfiguration", "endpointConfiguration", "accessKey"], what: "an HTTP endpoint access key" }]],
]);
// Other providers' inputs read in full as well: the command provider's `environment` is the process's
// environment, judged by name and value as a Lambda function's variables are (`DB_PASSWORD_FILE`, `${X}` and
// settings pass), and its command lines are scripts (COMMAND_SCRIPTS); the Docker provider's `registryAuth`, a
// JSON string (`pulumi.output(args?.registryAuth).apply(JSON.stringify)`), holds each registry's `password`
// beside its address or `configFile`. A Vault database connection's `data` (`{username, password}` for a templated
// connection URL) is judged as an environment: Vault's schema marks the whole map.
export const OTHER_FULL_INPUTS: Readonly<Record<string, readonly string[]>> = {
    "command:local:Command": ["environment", "create", "update", "delete"],
    "command:remote:Command": ["environment", "create", "update", "delete"],
    "pulumi:providers:docker": ["registryAuth"],
    "vault:database/secretBackendConnection:SecretBackendConnection": ["data"],
    "vault:database/secretsMount:SecretsMount": ["*.*.data"],
};
const FULL_MARKS: ReadonlyMap<string, readonly CompiledMark[]> = new Map(
    Object.entries({ ...NATIVE_FULL_INPUTS, ...OTHER_FULL_INPUTS }).map(([type, paths]) => [type, paths.map((p) => ({ segments: p.split("."), what: "" }))]),
);

// Name/value pairs in lists: ECS and Batch environments, CodeBuild variables, Beanstalk
// settings, CloudFormation-cased container definitions and Step Functions overrides, header
// lists, CloudFormation parameters.
// A CodePipeline variable is named by `name` and given `defaultValue`; a maintenance window task's
// document parameter by `name` and given `values` (`{name: "commands", values: [...]}`, as an
// association's `parameters` map gives them).
// An aws-native Beanstalk option setting is named by `optionName`.
const PAIRS: readonly (readonly [string, string])[] = [
    ["name", "value"], ["Name", "Value"], ["key", "value"], ["Key", "Value"], ["ParameterKey", "ParameterValue"], ["name", "defaultValue"], ["name", "values"],
    ["optionName", "value"],
];
// Lists whose elements are named (ECS containers): `containerDefinitions.web...`.
const ELEMENT_NAMES = ["name", "Name"];
/** The keys whose string a list element is named by in paths (shown unless it is a secret). */
export const ELEMENT_NAME_KEYS: ReadonlySet<string> = new Set([...PAIRS.map(([name]) => name), ...ELEMENT_NAMES]);
// Tags are labels, not configuration: only credential formats count there.
const TAG_KEYS = new Set(["tags", "tagsall", "defaulttags", "tagspecifications", "propagatetags"]);
// Maps whose values name where secrets live (a CodeBuild buildspec's `env`).
const REFERENCE_CONTAINERS = new Set(["parameter-store", "secrets-manager", "exported-variables", "secretoptions", "runtimeenvironmentsecrets"]);
// Argument lists: a credential flag's next element is a credential.
const ARGUMENT_KEYS = new Set(["command", "entrypoint", "args", "arguments"]);
// A resource's own `commands` that is a container's argument list, run without a shell (Lightsail's
// "launch command for the container", Lambda's image `commands` and `entryPoints`, an EKS job's
// container `commands`, a pipe's container overrides, an ECS Express service's container): a flag
// and its value are two elements (`["redis-server", "--requirepass", "x"]`). Elsewhere, as in
// buildspecs, SSM documents and CodePipeline's Commands action, `commands` are shell lines.
const ARGUMENT_LISTS: Readonly<Record<string, ReadonlySet<string>>> = {
    [t.LIGHTSAIL_CONTAINER_DEPLOYMENT]: new Set(["commands"]),
    [t.LAMBDA_FUNCTION]: new Set(["commands", "entrypoints"]),
    [t.BATCH_JOB_DEFINITION]: new Set(["commands"]),
    [t.PIPES_PIPE]: new Set(["commands"]),
    [t.ECS_EXPRESS_GATEWAY_SERVICE]: new Set(["commands"]),
};
// Strings that are scripts: read for assignments and flags (App Runner's `buildCommand` and
// `startCommand` are shell command lines, as is AWS-RunRemoteScript's `commandLine`, what runs the
// downloaded script: "helloWorld.sh argument-1 argument-2" in AWS's example).
const SCRIPT_KEYS = new Set(["userdata", "userdatabase64", "script", "scripts", "commands", "runcommand", "inlinescript", "startupscript", "bootstrapscript", "buildcommand", "startcommand", "commandline"]);
const USER_DATA_KEYS = new Set(["userdata", "userdatabase64"]);
// A resource's own inputs that are shell command lines, read as user data is: the command provider's
// `create`, `update` and `delete`, which it runs with `/bin/sh -c` (locally or over SSH).
const COMMAND_SCRIPTS: Readonly<Record<string, ReadonlySet<string>>> = {
    "command:local:Command": new Set(["create", "update", "delete"]),
    "command:remote:Command": new Set(["create", "update", "delete"]),
};
// VTL mapping templates (a JSON one is a document): AppSync's resolver and function templates, and the
// templates API Gateway keys by content type or selection expression (REST, HTTP and WebSocket APIs, OpenAPI bodies).
const TEMPLATE_KEYS = new Set(["requesttemplate", "responsetemplate", "requestmappingtemplate", "responsemappingtemplate"]);
const TEMPLATE_MAPS = new Set(["requesttemplates", "responsetemplates"]);
// Program source, where only literals given to names count: JavaScript in CloudFront Functions' `code`, AppSync
// resolvers' and functions' `code` (APPSYNC_JS) and Event API channel namespaces' `codeHandlers`, of both providers;
// a Synthetics canary's inline `code.script` (Node.js or Python; read before scripts: it is no shell script).
const JS_SOURCES: Readonly<Record<string, ReadonlySet<string>>> = {
    [t.CLOUDFRONT_FUNCTION]: new Set(["code"]),
    [t.APPSYNC_RESOLVER]: new Set(["code"]),
    [t.APPSYNC_FUNCTION]: new Set(["code"]),
    [t.APPSYNC_CHANNEL_NAMESPACE]: new Set(["codehandlers"]),
    [t.NATIVE_APPSYNC_RESOLVER]: new Set(["code"]),
    [t.NATIVE_APPSYNC_FUNCTION_CONFIGURATION]: new Set(["code"]),
    [t.NATIVE_APPSYNC_CHANNEL_NAMESPACE]: new Set(["codehandlers"]),
    [t.NATIVE_SYNTHETICS_CANARY]: new Set(["script"]),
};
// Scripts an input takes base64-encoded, as userData may be: SageMaker's lifecycle scripts ("A
// shell script (base64-encoded)", "This content must be base64 encoded").
const BASE64_SCRIPTS: Readonly<Record<string, ReadonlySet<string>>> = {
    [t.SAGEMAKER_NOTEBOOK_LIFECYCLE_CONFIGURATION]: new Set(["oncreate", "onstart"]),
    [t.SAGEMAKER_STUDIO_LIFECYCLE_CONFIG]: new Set(["studiolifecycleconfigcontent"]),
};
// Records whose value is named by another of their fields, and where that name is: a value
// compared with one header, as an ALB listener rule's `httpHeader` condition (CloudFront's
// X-Origin-Verify shared secret, checked at the origin), a WAFv2 byte match on a single header,
// a classic WAF byte match tuple and their CloudFormation casings in templates and `ruleJson`;
// and a CloudFront KeyValueStore key (a CloudFront Function's basic-auth credentials, read at
// the edge). An ALB header value is a pattern (`*` and `?` match any text): its literal text is judged.
interface NamedValue {
    /** The key of the named value. */
    value: string;
    /** Where its name is, from the record. */
    nameAt: readonly string[];
    /** What that name is, for messages. */
    namedBy: string;
    /** Whether the record names the value at all (a classic WAF tuple may match a URI). */
    when?: (record: Record<string, unknown>) => boolean;
    wildcards?: true;
    /** The name is a parameter's path: the value is judged under its last segment. */
    leaf?: true;
}
const COMPARED = "the header it is compared with";
const NAMED_BY_FIELD: readonly NamedValue[] = [
    { value: "values", nameAt: ["httpHeaderName"], namedBy: COMPARED, wildcards: true },
    { value: "Values", nameAt: ["HttpHeaderName"], namedBy: COMPARED, wildcards: true },
    { value: "searchString", nameAt: ["fieldToMatch", "singleHeader", "name"], namedBy: COMPARED },
    { value: "SearchString", nameAt: ["FieldToMatch", "SingleHeader", "Name"], namedBy: COMPARED },
    { value: "targetString", nameAt: ["fieldToMatch", "data"], namedBy: COMPARED, when: (r) => unwrappedAt(r, ["fieldToMatch", "type"]) === "HEADER" },
    { value: "value", nameAt: ["key"], namedBy: "the key it is stored under", when: (r) => "keyValueStoreArn" in r },
    // An SSM parameter written by a document, as an aws.ssm.Parameter (decision 8): CloudFormation's
    // AWS::SSM::Parameter properties, a Step Functions `aws-sdk:ssm:putParameter` task's parameters.
    { value: "Value", nameAt: ["Name"], namedBy: "the parameter", when: (r) => SSM_PARAMETER_TYPES.has(unwrappedAt(r, ["Type"]) as string), leaf: true },
];
const SSM_PARAMETER_TYPES: ReadonlySet<unknown> = new Set(["String", "StringList", "SecureString"]);

/** The value at `path`, through `Secret` wrappers (the remediation path still has them), unlike values.ts' `valueAt`. */
function unwrappedAt(record: Record<string, unknown>, path: readonly string[]): unknown {
    let v: unknown = record;
    for (const key of path) {
        const r = unwrapSecrets(v);
        if (!isRecord(r)) return undefined;
        v = r[key];
    }
    return unwrapSecrets(v);
}

/** The name another field of a record gives one of its values, when the record has one. */
function namedValue(record: Record<string, unknown>): { match: NamedValue; name: string } | undefined {
    for (const match of NAMED_BY_FIELD) {
        if (!(match.value in record) || (match.when && !match.when(record))) continue;
        const named = unwrappedAt(record, match.nameAt);
        // An unknown name passes: which header or key this is is not known yet (preview).
        const name = typeof named === "string" && !isUnknown(named) ? (match.leaf ? parameterLeaf(named) : named) : undefined;
        if (name !== undefined && name !== "") return { match, name };
    }
    return undefined;
}

/** A list of wildcard patterns with each known plain pattern cut to its longest literal text (`Bearer *` → `Bearer `). */
function literalTexts(list: unknown): unknown {
    // A secret list or element stays as it is: it is judged secret whatever it holds.
    if (!Array.isArray(list)) return list;
    return list.map((e) => (typeof e === "string" && !isUnknown(e) ? e.split(/[*?]+/).reduce((a, b) => (b.length > a.length ? b : a), "") : e));
}

// Header lists read header by header: OTEL_EXPORTER_OTLP_HEADERS and its per-signal forms (..._TRACES_HEADERS, ...).
const OTLP_HEADERS = /^OTEL_EXPORTER_OTLP_(?:(?:TRACES|METRICS|LOGS)_)?HEADERS$/i;
// Option strings read option by option: JAVA_OPTS, JAVA_TOOL_OPTIONS, CATALINA_OPTS, JVM_ARGS, KUBELET_EXTRA_ARGS...;
// Spark's and Hadoop's dotted properties of JVM options (`spark.driver.extraJavaOptions`,
// `mapreduce.map.java.opts` in EMR configurations); a Glue job's `--conf` argument, the
// `key=value --conf key=value` list Glue passes to spark-submit; and the Ansible documents'
// extra variables (AWS-ApplyAnsiblePlaybooks' `ExtraVariables`, the deprecated
// AWS-RunAnsiblePlaybook's `extravars`: "key/value pairs separated by a space", ansible-playbook's `-e`).
const OPTION_STRINGS = /(?:^|[_.-]|Java)(?:OPTS|OPTIONS|ARGS)$|^--conf$|^extra_?var(?:iable)?s$/i;
// Strings that may be YAML documents (JSON is recognized anywhere); AOT_CONFIG_CONTENT is the whole
// configuration of the ADOT collector sidecar, often given inline in a container's environment; an
// EKS add-on's `configurationValues` is JSON or YAML (public programs pass `yamlencode(...)`).
const YAML_KEYS = new Set(["buildspec", "templatebody", "content", "template", "definition", "spec", "config", "configuration", "data", "document", "aot_config_content", "configurationvalues"]);

/** How deep marks are followed: past the deepest curated mark (MediaLive's static HLS key, 9 segments). */
export const MAX_MARK_DEPTH = 10;
const MAX_DOCUMENT = 1 << 20;
const MAX_YAML = 256 << 10;
const MAX_DOCUMENT_NESTING = 3;

// ------------------------------------------------------------------ provider marks, followed along the walk

interface Pending {
    mark: CompiledMark;
    at: number;
    /** What reaching the mark's end does: the value is sensitive, names stop counting, or names count. */
    effect: "sensitive" | "namesOff" | "namesOn";
}

interface MarkState {
    pending: readonly Pending[];
    /** What the mark that covers this value calls it. */
    hit?: string;
    /** A path the provider says is not a credential: names do not count. */
    namesOff: boolean;
    /** An aws-native input read as the classic types' (NATIVE_FULL_INPUTS), or another provider's (OTHER_FULL_INPUTS): names count from here down. */
    namesOn?: true;
}

const NO_MARKS: MarkState = { pending: [], namesOff: false };

function advance(state: MarkState, segment: string, holder: Record<string, unknown> | undefined): MarkState {
    if (state.pending.length === 0) return state;
    const pending: Pending[] = [];
    let hit = state.hit;
    let namesOff = state.namesOff;
    let namesOn = false;
    for (const p of state.pending) {
        const want = p.mark.segments[p.at];
        if (want !== "*" && want !== segment) continue;
        if (p.at + 1 < p.mark.segments.length) pending.push({ ...p, at: p.at + 1 });
        else if (p.effect === "namesOff") namesOff = true;
        else if (p.effect === "namesOn") namesOn = true;
        else if (!p.mark.when || (holder !== undefined && p.mark.when(holder))) hit ??= p.mark.what;
    }
    return namesOn ? { pending, hit, namesOff, namesOn } : { pending, hit, namesOff };
}

// ------------------------------------------------------------------ the walk

/** A path as a linked list, so that deep inputs cost no copying; materialized when needed. */
interface Chain<T> {
    head: T;
    rest?: Chain<T>;
}

/** `chain` with `head` (and then `next`) added. */
function at<T>(chain: Chain<T> | undefined, head: T, next?: T): Chain<T> {
    const c = { head, rest: chain };
    return next === undefined ? c : { head: next, rest: c };
}

function toList<T>(chain: Chain<T> | undefined): T[] {
    const out: T[] = [];
    for (let c = chain; c; c = c.rest) out.push(c.head);
    return out.reverse();
}

/**
 * Every field is required (undefined where it does not apply): the contexts built field by
 * field, which keep one shape for the engine, cannot leave one out.
 */
interface WalkContext {
    path: Chain<string> | undefined;
    depth: number;
    location: Chain<Segment> | undefined;
    /** The key (property, map key, or name of a name/value pair) the value sits under. */
    key: string | undefined;
    /** What that key says. */
    name: NameJudgement | undefined;
    /** A credential-holding key above a generic child (`apiKey: {key, value}`): the child's value holds it. */
    heldBy: string | undefined;
    /** Under a key describing a credential (tokenValidityUnits): names do not count. */
    describing: boolean;
    /** Full judgement; false: credential formats only (other providers, policy documents, tags). */
    full: boolean;
    /** Under a map of references (a buildspec's `parameter-store`): names do not count. */
    references: boolean;
    marks: MarkState;
    /** Inside a document string: how many path parts name it, and how deep documents nest. */
    documentParts: number | undefined;
    documents: number;
    /** Facts about the siblings of the value (the enclosing record's other values). */
    siblings: Siblings;
    /** As `SensitiveValue.pairNames`, locations still chains (materialized only for what is found). */
    pairNames: Chain<Omit<PairName, "location"> & { location?: Chain<Segment> }> | undefined;
    /** As `SensitiveValue.namedBy`. */
    namedBy: string | undefined;
}

interface Siblings {
    /** A sibling is an AWS access key ID: a 40-character random sibling is its secret. */
    awsKeyId: boolean;
    /** A sibling points at a local emulator (LocalStack), or may (unknown): dummy credentials are not reported. */
    emulator: boolean;
}

const NO_SIBLINGS: Siblings = { awsKeyId: false, emulator: false };

// Keys (or pair names) of values that may point at an emulator.
const ENDPOINT_NAME = /endpoint|url|uri|host|server|address/i;

function judgeSibling(facts: { awsKeyId: boolean; emulator: boolean }, name: string, raw: unknown): void {
    const v = unwrapSecrets(raw);
    if (typeof v !== "string") return;
    if (isUnknown(v)) {
        // It might point at an emulator once known.
        if (ENDPOINT_NAME.test(name)) facts.emulator = true;
        return;
    }
    if (!facts.awsKeyId && isAwsAccessKeyId(v)) facts.awsKeyId = true;
    // Only where an unknown could point there too: an endpoint's name, not any value.
    if (!facts.emulator && ENDPOINT_NAME.test(name) && pointsAtLocalEmulator(v)) facts.emulator = true;
}

function siblingsOf(record: Record<string, unknown>): Siblings {
    const facts = { awsKeyId: false, emulator: false };
    for (const key in record) judgeSibling(facts, key, record[key]);
    return facts.awsKeyId || facts.emulator ? facts : NO_SIBLINGS;
}

/** The siblings of a list's name/value pairs' values (an environment): the other pairs' values. */
function siblingsOfPairs(list: readonly unknown[]): Siblings {
    const facts = { awsKeyId: false, emulator: false };
    for (const raw of list) {
        const element = unwrapSecrets(raw);
        if (!isRecord(element)) continue;
        const pair = PAIRS.find(([n, v]) => n in element && v in element);
        if (!pair) continue;
        const name = unwrapSecrets(element[pair[0]]);
        // An unknown name might be an endpoint's.
        judgeSibling(facts, typeof name === "string" && !isUnknown(name) ? name : "endpoint", element[pair[1]]);
    }
    return facts.awsKeyId || facts.emulator ? facts : NO_SIBLINGS;
}

const lower = (key: string | undefined) => (key === undefined ? "" : key.toLowerCase());

/**
 * A number of six digits or more under a name ending in a password word is a password
 * (DB_PASSWORD: "12345678"), though numbers are settings under other credential names
 * (TOKEN_TTL, a port, a length) and after a qualifier (PASSWORD_ITERATIONS: "600000").
 */
function isNumericPassword(name: NameJudgement, value: string): boolean {
    return name.password === true && /^\d{6,}$/.test(value.trim());
}

/**
 * Every known, non-empty string input that holds a credential, with where it is, in
 * document order. Unknown values (preview) are left out: they pass quietly.
 */
export function findSensitiveValues(type: string, props: Record<string, unknown>, options: SensitiveOptions): SensitiveValue[] {
    const found: SensitiveValue[] = [];
    const reportedPaths = new Set<string>();
    const knowledge = knowledgeOf(type);
    const marks: Pending[] = [
        ...knowledge.sensitive.map((mark): Pending => ({ mark, at: 0, effect: "sensitive" })),
        ...knowledge.notCredentials.map((mark): Pending => ({ mark, at: 0, effect: "namesOff" })),
        ...(FULL_MARKS.get(type) ?? []).map((mark): Pending => ({ mark, at: 0, effect: "namesOn" })),
        ...(NATIVE_MARKED.get(type) ?? []).map((mark): Pending => ({ mark, at: 0, effect: "sensitive" })),
    ];
    if (type === t.SSM_PARAMETER && unwrapSecrets(props.type) === "SecureString") marks.push(...SECURE_STRING.map((mark): Pending => ({ mark, at: 0, effect: "sensitive" })));
    const patterns = options.sensitivePatterns.map((p) => ({ pattern: p, matches: compileGlob(p, { ignoreCase: true }) }));

    const report = (ctx: WalkContext, reason: SensitiveReason, extra: { index?: number; script?: boolean } = {}) => {
        let parts = toList(ctx.path);
        let location = toList(ctx.location);
        if (extra.index !== undefined) {
            parts = [...parts, String(extra.index)];
            if (ctx.documentParts === undefined) location = [...location, extra.index];
        }
        const path = parts.join(".");
        if (reportedPaths.has(path) || matchesAny(path, options.ignoreProperties)) return;
        reportedPaths.add(path);
        found.push({
            path, parts, pairNames: toList(ctx.pairNames).map((n) => ({ ...n, location: toList(n.location) })), location,
            ...(ctx.documentParts !== undefined ? { documentParts: ctx.documentParts } : {}), ...(extra.script ? { script: true } : {}),
            ...(ctx.namedBy !== undefined ? { namedBy: ctx.namedBy } : {}), reason,
        });
    };

    const patternFor = (key: string | undefined) => (key === undefined ? undefined : patterns.find((p) => p.matches(key))?.pattern);
    const base64Scripts = BASE64_SCRIPTS[type];
    const commandScripts = COMMAND_SCRIPTS[type];
    const argumentLists = ARGUMENT_LISTS[type];
    const isArgumentList = (key: string, ctx: WalkContext) => ARGUMENT_KEYS.has(key) || (ctx.documents === 0 && argumentLists?.has(key) === true);

    /** Tier 3 for a name and a value (also what scripts use for their variables and flags). */
    const nameReason = (name: NameJudgement | undefined, value: string, ctx: WalkContext): SensitiveReason | undefined => {
        if (!name || name.public || isPublishableKey(value) || isPublicMaterial(value)) return undefined;
        if (ctx.siblings.emulator && isEmulatorDummy(value)) return undefined;
        if (name.kind === "credential") return (isSettingShaped(value) && !isNumericPassword(name, value)) || isTemplated(value) || (name.auth && isAuthMechanism(value))
            || (name.credentialsMode && isCredentialsMode(value)) || (name.encryptionKey && isKmsKeyId(value)) ? undefined : { kind: "name" };
        if (name.kind === "weak") return looksRandom(value) && !isUuid(value) && !isSettingShaped(value) && !isTemplated(value) ? { kind: "name-and-value" } : undefined;
        return undefined;
    };
    // A value in a script is judged by its name, and by its format where only a whole value has
    // one (a recovery phrase, a DER key): the scan of the whole script finds the others.
    const scriptJudge = (ctx: WalkContext) => (name: string, value: string): boolean =>
        !isUnusable(value) && (patternFor(name) !== undefined || nameReason(judgeName(name), value, ctx) !== undefined || findFormat(value)?.class === "unmistakable");

    // Where a string may be a YAML document: under YAML_KEYS, and an SSM parameter's value (the ADOT
    // collector's configuration, which its AOT_CONFIG_CONTENT reads from the parameter with
    // `valueFrom`, is stored there as AWS's guide shows).
    const mayBeYaml = (ctx: WalkContext) => (ctx.key !== undefined && YAML_KEYS.has(ctx.key.toLowerCase()))
        || (SSM_PARAMETERS.has(type) && ctx.depth === 1 && ctx.key !== undefined && SSM_VALUE_KEYS.has(ctx.key));
    const judge = (value: string, ctx: WalkContext, schedule: (child: unknown, c: WalkContext) => void) => {
        if (ctx.marks.hit ? isUnusableLiterally(value) : isUnusable(value)) return;
        const dummy = ctx.siblings.emulator && isEmulatorDummy(value);
        if (ctx.marks.hit) {
            if (!dummy) report(ctx, { kind: "provider", what: ctx.marks.hit });
            return;
        }
        if (isPolicyText(value)) return;
        const document = ctx.full && ctx.documents < MAX_DOCUMENT_NESTING && value.length <= MAX_DOCUMENT ? parseDocument(value, mayBeYaml(ctx)) : undefined;
        if (document !== undefined) {
            schedule(document, {
                ...ctx, marks: NO_MARKS, documentParts: ctx.documentParts ?? depthOf(ctx.path), documents: ctx.documents + 1, describing: false,
                heldBy: ctx.name?.kind === "credential" ? ctx.key : ctx.heldBy,
            });
            return;
        }
        const key = lower(ctx.key);
        const base64Script = base64Scripts?.has(key) === true;
        const text = USER_DATA_KEYS.has(key) || base64Script ? decodeUserData(value) : value;
        const scriptOfType = base64Script || (ctx.depth === 1 && commandScripts?.has(key) === true);
        let format = formatIn(text, ctx);
        // A script or command line assigning a format that vendors hand to browsers to a public name
        // (`export NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=...`) passes it, as that name in a map does; the rest is still scanned.
        if (format?.class === "public-capable" && (isArgumentList(key, ctx) || isScriptText(key, scriptOfType, text))) {
            format = formatIn(withoutPublicAssignments(text, isPublicAssignment), ctx);
        }
        // A generic key (`value`) under a credential-holding one (`apiKey`) holds that credential.
        const name = ctx.heldBy !== undefined && (ctx.name?.kind ?? "none") === "none" ? judgeName(ctx.heldBy) : ctx.name;
        if (format && (format.class === "unmistakable" || !(name?.public ?? false))) {
            report(ctx, { kind: "format", what: format.what });
            return;
        }
        const pattern = patternFor(ctx.key);
        if (pattern !== undefined) {
            report(ctx, { kind: "pattern", pattern });
            return;
        }
        if (!ctx.full || ctx.references || ctx.marks.namesOff || dummy) return;
        const byName = ctx.describing ? undefined : nameReason(name, value, ctx);
        if (byName) {
            report(ctx, byName);
            return;
        }
        if (JS_SOURCES[type]?.has(key)) {
            const inSource = findCredentialInJavaScript(text, scriptJudge(ctx));
            if (inSource) report(ctx, { kind: "script", what: inSource.what });
        } else if (isScriptText(key, scriptOfType, text)) {
            const inScript = findCredentialInScript(text, scriptJudge(ctx));
            if (inScript) report(ctx, { kind: "script", what: inScript.what }, { script: true });
        } else if (TEMPLATE_KEYS.has(key) || TEMPLATE_MAPS.has(lower(ctx.path?.rest?.head))) {
            const inTemplate = findCredentialInTemplate(text, scriptJudge(ctx));
            if (inTemplate) report(ctx, { kind: "script", what: inTemplate.what });
        } else if (key === "sql") {
            // A statement (a Redshift Data API one): only a user's literal password, as `password = 'x'` may compare.
            const inSql = findPasswordInSql(text, scriptJudge(ctx));
            if (inSql) report(ctx, { kind: "script", what: inSql.what });
        } else if (OTLP_HEADERS.test(ctx.key ?? "")) {
            const inHeaders = findCredentialInHeaderList(text, scriptJudge(ctx));
            if (inHeaders) report(ctx, { kind: "script", what: inHeaders.what });
        } else if (OPTION_STRINGS.test(ctx.key ?? "")) {
            const inOptions = findCredentialInOptions(text, scriptJudge(ctx));
            if (inOptions) report(ctx, { kind: "script", what: inOptions.what });
        }
    };

    // Every field present from the root on, in one order: the contexts share one shape.
    const root: WalkContext = {
        path: undefined, depth: 0, location: undefined, key: undefined, name: undefined, heldBy: undefined, describing: false, full: isAwsType(type),
        references: false, marks: marks.length > 0 ? { pending: marks, namesOff: false } : NO_MARKS, documentParts: undefined, documents: 0,
        siblings: NO_SIBLINGS, pairNames: undefined, namedBy: undefined,
    };
    walk<WalkContext>(props, root, (raw, ctx, schedule) => {
        const value = unwrapSecrets(raw);
        if (isUnknown(value)) return;
        if (typeof value === "string") {
            judge(value, ctx, schedule);
        } else if (Array.isArray(value)) {
            const listKey = lower(ctx.key);
            if (ctx.full && !ctx.references && isArgumentList(listKey, ctx) && value.length > 0) {
                // Unknown or non-string elements are values resolved later: never credentials.
                const args = value.map((e) => {
                    const v = unwrapSecrets(e);
                    return typeof v === "string" && !isUnknown(v) ? v : "";
                });
                const hit = findCredentialInArguments(args, scriptJudge(ctx));
                if (hit) report(ctx, { kind: "script", what: hit.finding.what }, { index: hit.index, script: true });
            }
            const full = ctx.full && !TAG_KEYS.has(listKey);
            const listSiblings = siblingsOfPairs(value);
            value.forEach((rawElement, i) => {
                const element = unwrapSecrets(rawElement);
                const named = (nameKey: string) => at(ctx.pairNames, { part: ctx.depth, index: i, location: within(ctx, i, nameKey) });
                if (isRecord(element)) {
                    const pair = PAIRS.find(([n, v]) => n in element && v in element);
                    if (pair) {
                        const name = unwrapSecrets(element[pair[0]]);
                        if (isUnknown(name)) return; // which element this is is not known yet (preview)
                        if (typeof name === "string") {
                            // A name/value pair: judged by its name, which is a value and may be a secret.
                            if (isReferenceType(element.type)) return;
                            const marksHere = deeper(ctx, deeper(ctx, ctx.marks, "*", element), pair[1], element);
                            const pairFull = full || marksHere.namesOn === true;
                            schedule(element[pair[1]], {
                                ...ctx, full: pairFull, path: at(ctx.path, name), depth: ctx.depth + 1, location: within(ctx, i, pair[1]), key: name,
                                name: pairFull ? judgeName(name) : undefined, heldBy: undefined, marks: marksHere, siblings: listSiblings, pairNames: named(pair[0]),
                                namedBy: undefined,
                            });
                            return;
                        }
                    }
                    const nameKey = ELEMENT_NAMES.find((k) => typeof unwrapSecrets(element[k]) === "string");
                    if (nameKey !== undefined) {
                        const name = unwrapSecrets(element[nameKey]) as string;
                        if (isUnknown(name)) return;
                        // A named element (an ECS container): `containerDefinitions.web.environment...`.
                        const elementMarks = deeper(ctx, ctx.marks, "*", element);
                        schedule(element, {
                            ...ctx, full: full || elementMarks.namesOn === true, path: at(ctx.path, name), depth: ctx.depth + 1, location: within(ctx, i), key: undefined, name: undefined,
                            marks: elementMarks, pairNames: named(nameKey), namedBy: undefined,
                        });
                        return;
                    }
                }
                // A list of strings inherits the list's key (ElastiCache `passwords`).
                const elementMarks = deeper(ctx, ctx.marks, "*");
                schedule(element, { ...ctx, full: full || elementMarks.namesOn === true, path: at(ctx.path, String(i)), depth: ctx.depth + 1, location: within(ctx, i), marks: elementMarks });
            });
        } else if (isRecord(value)) {
            if (signatureOf(value) !== undefined) return; // an asset or archive: code, not configuration
            if (isPolicyDocument(value)) return; // see isPolicyText
            // A JSON Web Key is one credential. In a document (a string) the key is reported, and a
            // document that is the key is a plain value; an object key is reported at its private
            // member, the value a program makes secret (and which may already be).
            const jwkMember = ctx.marks.hit ? undefined : privateJwkMember(value, unwrapSecrets);
            if (jwkMember !== undefined) {
                const reason: SensitiveReason = { kind: "format", what: JWK_PRIVATE_KEY };
                if (ctx.documentParts === undefined) {
                    report({ ...ctx, path: at(ctx.path, jwkMember), depth: ctx.depth + 1, location: within(ctx, jwkMember), key: jwkMember }, reason);
                } else report(ctx.documentParts === ctx.depth ? { ...ctx, documentParts: undefined } : ctx, reason);
                return;
            }
            const siblings = siblingsOf(value);
            const full = ctx.full;
            const holding = ctx.name?.kind === "credential" ? ctx.key : ctx.heldBy;
            const fieldName = namedValue(value);
            const parameter = ctx.depth === 0 && SSM_PARAMETERS.has(type) ? parameterNameOf(value) : undefined;
            for (const [key, child] of Object.entries(value)) {
                const keyLower = key.toLowerCase();
                const marks = deeper(ctx, ctx.marks, key, value);
                const childFull = (full || marks.namesOn === true) && !TAG_KEYS.has(keyLower);
                // A value another field names is judged by that name, as a pair's is.
                const byField = fieldName?.match.value === key ? fieldName : undefined;
                const parameterValue = parameter !== undefined && SSM_VALUE_KEYS.has(key);
                const nameKey = byField ? byField.name : key;
                const name = childFull ? (byField ? undefined : judgeChildName(ctx.key, key, value)) ?? judgeName(nameKey) : undefined;
                // Every field written out, in the root's order (the most frequent context: no spread).
                schedule(byField?.match.wildcards ? literalTexts(child) : child, {
                    path: at(ctx.path, key),
                    depth: ctx.depth + 1,
                    location: within(ctx, key),
                    key: nameKey,
                    name,
                    heldBy: parameterValue ? parameter
                        : holding !== undefined && isGenericChildKey(key) ? holding : undefined,
                    describing: ctx.describing || name?.kind === "describing",
                    full: childFull,
                    references: ctx.references || REFERENCE_CONTAINERS.has(keyLower),
                    marks,
                    documentParts: ctx.documentParts,
                    documents: ctx.documents,
                    siblings,
                    pairNames: ctx.pairNames,
                    namedBy: parameterValue ? "the parameter" : byField?.match.namedBy,
                });
            }
        }
    });
    return found;
}

function depthOf(chain: Chain<unknown> | undefined): number {
    let n = 0;
    for (let c = chain; c; c = c.rest) n++;
    return n;
}

/** A child's location: it stops growing inside a document (only the whole string can be secret). */
function within(ctx: WalkContext, segment: Segment, next?: Segment): Chain<Segment> | undefined {
    return ctx.documentParts !== undefined ? ctx.location : at(ctx.location, segment, next);
}

/** The marks that follow a child, as far down as they are followed. */
function deeper(ctx: WalkContext, state: MarkState, segment: string, holder?: Record<string, unknown>): MarkState {
    return ctx.depth < MAX_MARK_DEPTH ? advance(state, segment, holder) : state.hit ? { pending: [], hit: state.hit, namesOff: state.namesOff } : NO_MARKS;
}

// SSM parameters whose value is judged by their name: the classic one's and aws-native's (same `name` and `value`).
const SSM_PARAMETERS: ReadonlySet<string> = new Set([t.SSM_PARAMETER, t.NATIVE_SSM_PARAMETER]);
// An SSM parameter's value, in its two inputs (`insecureValue` is the value not marked secret).
const SSM_VALUE_KEYS: ReadonlySet<string> = new Set(["value", "insecureValue"]);

/**
 * The name an SSM parameter gives its value, the last segment of its path (`/app/prod/db_password`):
 * AWS's Parameter Store reference keeps passwords and license keys in a `SecureString`, so a `String`
 * named like one that holds a literal is a plaintext credential (a setting or a reference still passes).
 */
function parameterNameOf(record: Record<string, unknown>): string | undefined {
    const name = unwrapSecrets(record.name);
    return typeof name !== "string" || isUnknown(name) ? undefined : parameterLeaf(name);
}

/** A string's credential format: its own, a secret beside an access key id, a Docker auth, a decoded one. */
function formatIn(text: string, ctx: WalkContext): FormatMatch | undefined {
    return findFormat(text) ?? awsSecretBesideKeyId(text, ctx) ?? dockerAuthIn(text, ctx) ?? formatDecodedIn(text);
}

/** Whether a string is read as a script: by its key, as base64 user data, by its first line, or as a key=value file. */
function isScriptText(key: string, scriptOfType: boolean, text: string): boolean {
    return SCRIPT_KEYS.has(key) || scriptOfType || /^\s*(?:#!|#cloud-config|<powershell>|<script>)/.test(text) || (key === "content" && isKeyValueFile(text));
}

/** A script's assignment of a public-capable value to a public name (not of a format no vendor hands out). */
function isPublicAssignment(name: string, value: string): boolean {
    return judgeName(name).public && findFormat(value)?.class !== "unmistakable";
}

/** An AWS secret access key beside its key ID (`{AccessKeyId, SecretAccessKey}`-like records under any names). */
function awsSecretBesideKeyId(value: string, ctx: WalkContext): FormatMatch | undefined {
    return ctx.siblings.awsKeyId && isAwsSecretKeyShape(value.trim()) && looksRandom(value)
        ? { id: "aws-secret-access-key", what: "an AWS secret access key", class: "unmistakable" }
        : undefined;
}

/**
 * A registry's `auth` in a Docker config (`auths.<registry>.auth`), as GitLab's DOCKER_AUTH_CONFIG
 * variable holds one, or in the legacy `.dockercfg` format, keyed by the registry alone
 * (`{"https://index.docker.io/v1/": {"auth": ..., "email": ...}}`: the ECS agent's
 * `ECS_ENGINE_AUTH_DATA` of the `dockercfg` type).
 */
function dockerAuthIn(value: string, ctx: WalkContext): FormatMatch | undefined {
    return ctx.key === "auth" && (ctx.path?.rest?.rest?.head === "auths" || isRegistryKey(ctx.path?.rest?.head)) && isDockerAuth(value)
        ? DOCKER_CONFIG_AUTH
        : undefined;
}

/**
 * A credential format in what a script decodes from a base64 literal: a Docker config.json written
 * by `echo X | base64 -d > ~/.docker/config.json` (public user data and CI setup scripts do this) holds
 * the registry's password as plainly as the JSON would; a placeholder `auth` still passes.
 */
function formatDecodedIn(text: string): FormatMatch | undefined {
    for (const decoded of base64DecodedInScript(text)) {
        const format = findFormat(decoded);
        if (format) return format;
    }
    return undefined;
}

/** A registry as a Docker config names it: a host with a dot or a port, or its URL (`https://index.docker.io/v1/`). */
function isRegistryKey(key: string | undefined): boolean {
    return key !== undefined && key.length <= 256 && /^(?:https?:\/\/)?(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost)(?::\d{1,5})?(?:\/[\w./-]*)?$/i.test(key);
}

// A whole Docker config.json in base64, as Kaniko's and envbuilder's DOCKER_CONFIG_BASE64 hold one (`{"`
// and `{\n` encode to `ey` and `ew`; standard base64 only: a JWT is base64url parts joined by dots).
// Only a config with `auths` is read as its document: other base64 JSON is judged as the value it is.
const BASE64_JSON = /^e[wy][A-Za-z0-9+/]{14,}={0,2}$/;

/** The Docker config.json a base64 value encodes, parsed; undefined when it encodes anything else. */
function base64DockerConfig(value: string): Record<string, unknown> | undefined {
    if (!BASE64_JSON.test(value)) return undefined;
    const text = base64Text(value);
    if (text === undefined || !/^\{[\s\S]*\}\s*$/.test(text) || !text.includes('"auths"')) return undefined;
    try {
        const parsed: unknown = JSON.parse(text);
        return isRecord(parsed) && isRecord(parsed.auths) ? parsed : undefined;
    } catch {
        return undefined;
    }
}

/** A JSON document (any string that is one, or a base64 Docker config.json) or a YAML document (where it may be one), parsed. */
function parseDocument(value: string, yaml: boolean): unknown {
    const dockerConfig = base64DockerConfig(value);
    if (dockerConfig !== undefined) return dockerConfig;
    const trimmed = value.trimStart();
    const first = trimmed[0];
    if (first === "{" || first === "[") {
        try {
            const parsed = JSON.parse(value);
            return typeof parsed === "object" && parsed !== null ? parsed : undefined;
        } catch {
            // Malformed documents are the provider's to reject; the string is judged as it is.
            return undefined;
        }
    }
    if (yaml && value.length <= MAX_YAML && /^[\w"'-][\w .'"-]{0,64}:(?:\s|$)/m.test(value) && value.includes("\n")) {
        const parsed = parseYamlText(value, CLOUDFORMATION_TAGS);
        return isRecord(parsed) ? parsed : undefined;
    }
    return undefined;
}

// CloudFormation's short-form intrinsic functions: `MasterUserPassword: !Ref DbPassword` is a reference, not the password "DbPassword".
const CLOUDFORMATION_TAGS: Readonly<Record<string, string>> = Object.fromEntries(
    ["Ref", "Condition", "Sub", "GetAtt", "Join", "If", "ImportValue", "FindInMap", "Select", "Split", "Base64", "Cidr", "GetAZs", "Equals", "Not", "And", "Or", "Transform"]
        .map((f) => [`!${f}`, f === "Ref" || f === "Condition" ? f : `Fn::${f}`]),
);

/**
 * An IAM-grammar policy document: a Version, or its Statement a list or one statement with an
 * Effect (a WAF rule's Statement is none of these).
 */
function isPolicyDocument(record: Record<string, unknown>): boolean {
    if (!("Statement" in record)) return false;
    const statement = unwrapSecrets(record.Statement);
    return "Version" in record || Array.isArray(statement) || isUnknown(statement) || (isRecord(statement) && "Effect" in statement);
}

/**
 * IAM, KMS and resource policies, as strings or objects, are not judged: they hold actions,
 * principals, ARNs and conditions, never a credential format, and on a realistic stack they
 * are most of the text (scanning them would cost more than everything else together).
 */
function isPolicyText(value: string): boolean {
    return /^\s*\{\s*"(?:Version|Statement|Id)"\s*:/.test(value.slice(0, 64)) && value.includes('"Statement"');
}

const KEY_VALUE_LINE = /^(?:export\s{1,8})?[A-Za-z_][\w.-]{0,127}\s{0,8}[=:]/;

/**
 * A file of `NAME=value` lines, as an object's `content` holds a `.env` or `.properties` file:
 * every line an assignment, a comment or blank. Read as a script's lines are, name by name.
 */
function isKeyValueFile(text: string): boolean {
    if (text.length > MAX_DOCUMENT) return false;
    let assignments = 0;
    for (const raw of text.split("\n")) {
        const line = raw.trim();
        if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
        if (!KEY_VALUE_LINE.test(line)) return false;
        assignments++;
    }
    return assignments > 0;
}

/** EC2 user data as the program wrote it: base64 (`userDataBase64`, launch templates) decoded when it decodes to text. */
function decodeUserData(value: string): string {
    if (value.length < 8 || value.length > MAX_DOCUMENT || !/^[A-Za-z0-9+/=\r\n]+$/.test(value)) return value;
    return base64Text(value) ?? value;
}

// CodeBuild environment variables of these types hold a parameter name or secret ARN; an
// unknown type (preview) might be one of them.
function isReferenceType(type: unknown): boolean {
    const v = unwrapSecrets(type);
    return v === "PARAMETER_STORE" || v === "SECRETS_MANAGER" || isUnknown(v);
}

function unwrapSecrets(value: unknown): unknown {
    let v = value;
    while (isSecretWrapper(v)) v = v.value;
    return v;
}

// ------------------------------------------------------------------ secretness

interface LocationNode {
    secret: boolean;
    children: Map<Segment, LocationNode>;
}

/**
 * Where values were `Secret`s, as a tree of segments: whether a location, or one enclosing
 * it, is secret costs the location's length (a set of whole paths cost its square, which
 * thousands of nesting levels make minutes).
 */
export class SecretLocations {
    private readonly root: LocationNode = { secret: false, children: new Map() };
    private count = 0;

    static of(locations: Iterable<readonly Segment[]>): SecretLocations {
        const out = new SecretLocations();
        for (const location of locations) out.add(location);
        return out;
    }

    get size(): number {
        return this.count;
    }

    add(location: readonly Segment[]): void {
        let node = this.root;
        for (const segment of location) {
            let child = node.children.get(segment);
            if (!child) node.children.set(segment, (child = { secret: false, children: new Map() }));
            node = child;
        }
        if (!node.secret) this.count++;
        node.secret = true;
    }

    /** True when the value at `location`, or a value enclosing it, was a secret. */
    covers(location: readonly Segment[]): boolean {
        let node: LocationNode | undefined = this.root;
        for (const segment of location) {
            if (node.secret) return true;
            node = node.children.get(segment);
            if (!node) return false;
        }
        return node.secret;
    }
}

/**
 * Where values are secrets: `Secret`s in raw (remediation-path) props, or secret signatures
 * in the engine's wire form (./sdk-patch.ts). What is inside one is covered by it.
 */
export function collectSecretLocations(props: unknown): SecretLocations {
    const found = new SecretLocations();
    walk<Chain<Segment> | undefined>(props, undefined, (value, location, schedule) => {
        if (isSecretWrapper(value) || isWireSecret(value)) found.add(toList(location));
        else if (Array.isArray(value) || isRecord(value)) for (const [k, e] of childrenOf(value)) schedule(e, { head: k, rest: location });
    });
    return found;
}

/**
 * The value's path as messages may show it: a list element's name appears only where
 * `secrets` shows it was not a secret; otherwise (or with no observation) its index.
 */
export function shownPath(value: SensitiveValue, secrets: SecretLocations | undefined): string {
    if (value.pairNames.length === 0) return value.path;
    return shownParts(value, secrets).join(".");
}

/** The path of the document string the value sits in, shown as `shownPath` shows paths. */
export function shownDocumentPath(value: SensitiveValue, secrets: SecretLocations | undefined): string | undefined {
    return value.documentParts === undefined ? undefined : shownParts(value, secrets).slice(0, value.documentParts).join(".");
}

function shownParts(value: SensitiveValue, secrets: SecretLocations | undefined): string[] {
    const parts = [...value.parts];
    for (const name of value.pairNames) if (!secrets || secrets.covers(name.location)) parts[name.part] = String(name.index);
    return parts;
}

/**
 * Wraps the value at `location` of the raw props in a `Secret`, in place, so that
 * everything else (other secrets included) stays exactly as it was.
 */
export function wrapAsSecret(props: Record<string, unknown>, location: readonly Segment[]): void {
    if (location.length === 0) return;
    let parent: any = props;
    for (const segment of location.slice(0, -1)) {
        parent = unwrapSecrets(parent[segment]);
        if (parent === null || typeof parent !== "object") return;
    }
    const last = location[location.length - 1];
    if (!isSecretWrapper(parent[last])) parent[last] = new Secret(parent[last]);
}
