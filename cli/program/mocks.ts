// The fake cloud a program runs against: what @pulumi/pulumi's mocks answer when the program
// creates a resource or calls a data source (invoke). Runs in the program's child process.
//
// Preview: a new resource's computed outputs (its class's output-only properties, and its
// id) are unknown, as the engine reports them before anything exists. Update: plausible
// values (autonamed physical names, ids, ARNs), deterministic so saved fixtures are stable.
// Data sources get plausible answers, getPolicyDocument the real JSON; anything else must
// come from the answers file, never from a guess.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { UNKNOWN_SENTINELS, wireSecret } from "../../policies/lib/wire";
import { buildPolicyDocument, PolicyDocumentError } from "./policy-document";

const UNKNOWN = UNKNOWN_SENTINELS.string;
export const PLACEHOLDER_ACCOUNT_ID = "123456789012";
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";
const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
const AMPLIFY_BRANCH = "aws:amplify/branch:Branch";
const EC2_INSTANCE = "aws:ec2/instance:Instance";
const NETWORK_INTERFACE = "aws:ec2/networkInterface:NetworkInterface";
const REST_API = "aws:apigateway/restApi:RestApi";
const REST_API_RESOURCE = "aws:apigateway/resource:Resource";
const GET_NETWORK_INTERFACE = "aws:ec2/getNetworkInterface:getNetworkInterface";

/** What the SDK's MockMonitor hands `newResource` (runtime/mocks.js). */
export interface MockResourceArgs {
    type: string;
    name: string;
    inputs: Record<string, any>;
    provider?: string;
    id?: string;
    custom?: boolean;
}

export interface MockCallArgs {
    token: string;
    inputs: Record<string, any>;
    provider?: string;
}

export interface MockContext {
    preview: boolean;
    region: string;
    /** The answers file: invoke token → result; "pulumi:pulumi:StackReference" → {stack name: outputs}. */
    answers: Record<string, unknown>;
    /** Tokens the program needed and nobody answered (reported instead of guessing). */
    unanswered: Set<string>;
    /** The resource class's properties, when its file can be found. */
    shapeOf(type: string): ResourceShape | undefined;
}

export interface ResourceShape {
    /** Every property the class declares. */
    properties: string[];
    /** Properties only the provider sets (`/*out*\/` in the generated class). */
    outputOnly: string[];
}

export class UnansweredError extends Error {}

/** What update mode leaves undefined (see DERIVED_OUTPUTS), and what to do about it. */
export function unfilledOutputHint(which: string): string {
    return "in update mode check gives created resources a name, an id, an ARN and only the most used other outputs (an RDS endpoint, " +
        `a load balancer's DNS name), so ${which}: run with --preview, where outputs are unknown as in a real preview`;
}

export function createMocks(ctx: MockContext) {
    const regions = providerRegions();
    // Where a resource or a data source call lives: the stack's region unless its provider (or,
    // for a resource of provider v7, its own `region`) says otherwise.
    const placed = (region: string | undefined): MockContext => region === undefined || region === ctx.region ? ctx : { ...ctx, region };
    const placedResource = (args: MockResourceArgs) =>
        placed((args.type.startsWith("aws:") ? knownString(args.inputs.region) : undefined) ?? regions.of(args.provider));
    const ids = customResourceIds();
    const zones = hostedZoneNames();
    const facts = stackFacts();
    const created = (args: MockResourceArgs, existingId?: string) => {
        const resolved = ids.resolved(args);
        return facts.note(resolved, ids.register(args, zones.named(args, createdState(placedResource(args), resolved, facts, existingId))));
    };
    return {
        newResource(args: MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
            if (args.type === STACK_REFERENCE_TYPE) return stackReference(ctx, args);
            if (args.custom === false) return { id: undefined, state: args.inputs };
            if (args.id) {
                // `Resource.get(name, id)` or the `import` option: something that exists already, which
                // the engine reads from the provider, at preview too. Its outputs are known then: an
                // imported bucket's ARN, which the program's bucket policy names.
                return created(args, args.id);
            }
            if (args.type.startsWith("pulumi:providers:")) {
                regions.register(args);
                return { id: ctx.preview ? undefined : fakeUuid(`${args.type}::${args.name}`), state: args.inputs };
            }
            return ctx.preview ? previewState(ctx, args) : created(args);
        },

        call(args: MockCallArgs): Record<string, unknown> {
            if (Object.prototype.hasOwnProperty.call(ctx.answers, args.token)) {
                const answer = answered(ctx.answers[args.token]) as Record<string, unknown>;
                if (args.token === GET_ZONE) zones.found(answer);
                if (args.token === GET_NETWORK_INTERFACE) facts.interfaceFound(answer);
                return answer;
            }
            const answer = BUILT_IN_ANSWERS[args.token];
            if (answer) {
                try {
                    return answer(args.inputs ?? {}, placed(regions.of(args.provider)));
                } catch (e) {
                    // The SDK rethrows a failed invoke as `new Error(err.details)` (runtime/invoke.js), as for a gRPC error.
                    if (e instanceof Error) {
                        const unfilled = !ctx.preview && e instanceof PolicyDocumentError && e.missing;
                        Object.assign(e, { details: unfilled ? `${e.message}; ${unfilledOutputHint("an output it leaves out is undefined, as this value may be")}` : e.message });
                    }
                    throw e;
                }
            }
            ctx.unanswered.add(args.token);
            throw new UnansweredError(`check cannot answer ${args.token} offline`);
        },
    };
}

/**
 * The region each explicit provider was given (`new aws.Provider("use1", { region: "us-east-1" })`,
 * known once its inputs are): what it creates lives there, ARNs and addresses included, and a data
 * source called through it answers for that region. The SDK names a provider `<urn>::<id>`, and a
 * URN ends in the provider's type and name; two providers of one type and name (under parents of
 * different types) with different regions are not told apart, and take the stack's region.
 */
function providerRegions() {
    const byName = new Map<string, string | undefined>();
    return {
        register(args: MockResourceArgs): void {
            const key = `${args.type}::${args.name}`;
            const region = knownString(args.inputs.region);
            byName.set(key, byName.has(key) && byName.get(key) !== region ? undefined : region);
        },
        of(reference: string | undefined): string | undefined {
            const parts = reference?.split("::") ?? [];
            if (parts.length < 5) return undefined; // "" for the default provider
            const type = parts[2].split("$").pop()!;
            return byName.get(`${type}::${parts.slice(3, -1).join("::")}`);
        },
    };
}

/**
 * The ids the mocks gave custom resources, by type and name. A program may pass a resource itself
 * where the provider takes its id (`bucket: siteBucket`, `restApi: api`); the SDK hands the mocks
 * that resource (a reference), and the provider sees, and echoes as an output, its id: what an
 * object's ARN, a stage's URLs and the outputs built from them are made of.
 */
function customResourceIds() {
    const byName = new Map<string, string>();
    const key = (type: string, name: string) => `${type}::${name}`;
    const idOf = (value: unknown): unknown => {
        const r = value as { __pulumiCustomResource?: unknown; __pulumiType?: unknown; __name?: unknown } | null;
        if (typeof r !== "object" || r === null || r.__pulumiCustomResource !== true) return value;
        return typeof r.__pulumiType === "string" && typeof r.__name === "string" ? byName.get(key(r.__pulumiType, r.__name)) ?? value : value;
    };
    return {
        register<T extends { id: string | undefined }>(args: MockResourceArgs, created: T): T {
            if (created.id !== undefined) byName.set(key(args.type, args.name), created.id);
            return created;
        },
        /** The inputs with each resource passed itself, alone or in a list, replaced by its id. */
        resolved(args: MockResourceArgs): MockResourceArgs {
            const inputs: Record<string, any> = {};
            for (const [k, v] of Object.entries(args.inputs)) inputs[k] = Array.isArray(v) ? v.map(idOf) : idOf(v);
            return { ...args, inputs };
        },
    };
}

/**
 * The names of the hosted zones the program created or looked up (`aws.route53.getZone`, from
 * `--invoke-answers`), by zone id: a record's `fqdn` is its name under its zone's.
 */
function hostedZoneNames() {
    const byId = new Map<string, string>();
    const note = (zoneId: unknown, name: unknown) => {
        if (typeof zoneId === "string" && typeof name === "string") byId.set(zoneId, name);
    };
    return {
        found(answer: Record<string, unknown>): void {
            note(answer.zoneId ?? answer.id, answer.name);
        },
        named<T extends { id: string | undefined; state: Record<string, any> }>(args: MockResourceArgs, created: T): T {
            if (args.type === ROUTE53_ZONE) note(created.state.zoneId, created.state.name);
            if (args.type !== ROUTE53_RECORD) return created;
            const names = recordNames(created.state, typeof created.state.zoneId === "string" ? byId.get(created.state.zoneId) : undefined);
            if (!names) return created;
            // An imported record keeps the id it was imported by.
            const id = args.id ? created.id : names.id;
            return { ...created, id, state: { ...created.state, fqdn: created.state.fqdn ?? names.fqdn, id } };
        },
    };
}

/**
 * What the stack's other resources say about a new one: the subnet it is placed in, the network
 * interface it is placed on, the private address of what an Elastic IP is associated with, whether
 * its bucket keeps versions.
 */
export interface StackFacts {
    subnet(id: unknown): { cidrBlock?: string; mapPublicIpOnLaunch?: boolean; availabilityZone?: string } | undefined;
    networkInterface(id: unknown): { subnetId?: string; privateIp?: string } | undefined;
    /** The primary private address of a network interface or an instance the program created. */
    privateIpOf(id: unknown): string | undefined;
    versioned(bucket: unknown): boolean;
    /** Whether the program created this API Gateway API (by id) as a WebSocket API. */
    webSocketApi(id: unknown): boolean;
    /** The path of a REST API resource the program created, by id ("/" for an API's root resource). */
    apiResourcePath(id: unknown): string | undefined;
}

/**
 * The subnets, network interfaces and instances the program created (by id), the interfaces it
 * read, the WebSocket APIs it created, and the buckets it versions: a bucket's inline `versioning`/`versionings` block, or a `BucketVersioning(V2)` with
 * status "Enabled". As registered so far: a versioning resource registered after an object leaves
 * that object unversioned here.
 */
function stackFacts(): StackFacts & {
    note<T extends { id: string | undefined; state: Record<string, any> }>(args: MockResourceArgs, created: T): T;
    interfaceFound(answer: Record<string, unknown>): void;
} {
    const subnets = new Map<string, { cidrBlock?: string; mapPublicIpOnLaunch?: boolean; availabilityZone?: string }>();
    const interfaces = new Map<string, { subnetId?: string; privateIp?: string }>();
    const instanceIps = new Map<string, string>();
    const versioned = new Set<string>();
    const webSocketApis = new Set<string>();
    const apiResourcePaths = new Map<string, string>();
    const enabled = (block: unknown) => typeof block === "object" && block !== null && (block as { enabled?: unknown }).enabled === true;
    return {
        subnet: (id) => typeof id === "string" ? subnets.get(id) : undefined,
        networkInterface: (id) => typeof id === "string" ? interfaces.get(id) : undefined,
        privateIpOf: (id) => typeof id === "string" ? interfaces.get(id)?.privateIp ?? instanceIps.get(id) : undefined,
        versioned: (bucket) => typeof bucket === "string" && versioned.has(bucket),
        webSocketApi: (id) => typeof id === "string" && webSocketApis.has(id),
        apiResourcePath: (id) => typeof id === "string" ? apiResourcePaths.get(id) : undefined,
        // An interface from outside the program, read with `aws.ec2.getNetworkInterface` (answered
        // from --invoke-answers): an instance placed on it takes its subnet and address too.
        interfaceFound(answer) {
            const id = knownString(answer?.id);
            if (id) interfaces.set(id, { subnetId: knownString(answer.subnetId), privateIp: knownString(answer.privateIp) });
        },
        note(args, created) {
            const { inputs } = args;
            if (args.type === "aws:ec2/subnet:Subnet" && created.id !== undefined) {
                subnets.set(created.id, {
                    cidrBlock: knownString(inputs.cidrBlock), mapPublicIpOnLaunch: inputs.mapPublicIpOnLaunch === true, availabilityZone: knownString(inputs.availabilityZone),
                });
            }
            if (args.type === NETWORK_INTERFACE && created.id !== undefined) {
                interfaces.set(created.id, { subnetId: knownString(inputs.subnetId), privateIp: knownString(created.state.privateIp) });
            }
            if (args.type === "aws:apigatewayv2/api:Api" && inputs.protocolType === "WEBSOCKET" && created.id !== undefined) webSocketApis.add(created.id);
            if (args.type === REST_API && knownString(created.state.rootResourceId)) apiResourcePaths.set(created.state.rootResourceId, "/");
            if (args.type === REST_API_RESOURCE && created.id !== undefined && knownString(created.state.path)) apiResourcePaths.set(created.id, created.state.path);
            const instanceIp = knownString(created.state.privateIp);
            if (args.type === EC2_INSTANCE && created.id !== undefined && instanceIp) instanceIps.set(created.id, instanceIp);
            const bucketVersioned = (args.type === "aws:s3/bucket:Bucket" && enabled(inputs.versioning))
                || (args.type === "aws:s3/bucketV2:BucketV2" && Array.isArray(inputs.versionings) && inputs.versionings.some(enabled));
            if (bucketVersioned && typeof created.state.bucket === "string") versioned.add(created.state.bucket);
            if ((args.type === "aws:s3/bucketVersioningV2:BucketVersioningV2" || args.type === "aws:s3/bucketVersioning:BucketVersioning")
                && inputs.versioningConfiguration?.status === "Enabled" && typeof inputs.bucket === "string") versioned.add(inputs.bucket);
            return created;
        },
    };
}

function knownString(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && value !== UNKNOWN ? value : undefined;
}

/**
 * An answer as the provider would send it: `{"$secret": v}` (the fixtures' marker) is a secret on
 * the wire, as a data source's sensitive attribute is (`getSecretVersionOutput(...).secretString`):
 * the SDK keeps it secret in an Output-form invoke and drops the mark in a promise-form one.
 */
function answered(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(answered);
    if (typeof value !== "object" || value === null) return value;
    if ("$secret" in value) return wireSecret(answered((value as { $secret: unknown }).$secret));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, answered(v)]));
}

/**
 * Before creation: inputs as sent with the name the provider's Check proposes (see
 * checkedAutoname), every output-only property, the ARN and the id unknown.
 */
function previewState(ctx: MockContext, args: MockResourceArgs) {
    const state: Record<string, any> = { ...args.inputs, id: UNKNOWN };
    const shape = ctx.shapeOf(args.type);
    const autonamed = checkedAutoname(args, shape);
    if (autonamed) state[autonamed.property] = autonamed.name;
    for (const p of shape?.outputOnly ?? []) if (!(p in state)) state[p] = UNKNOWN;
    // Some classes take `arn` as an optional input too (a Kinesis stream): still the provider's to set.
    if (shape?.properties.includes("arn") && state.arn === undefined) state.arn = UNKNOWN;
    for (const p of COMPUTED_INPUTS[args.type] ?? []) if (state[p] === undefined) state[p] = UNKNOWN;
    return { id: undefined, state };
}

// Optional inputs the provider computes when the program leaves them out: unknown at preview, as
// outputs are (`${instance.privateIp}/32` is unknown there, not "undefined/32"; an instance placed
// on a network interface has that interface's subnet and zone, a `networkInterfaceId` route its address).
const COMPUTED_INPUTS: Record<string, string[]> = {
    [EC2_INSTANCE]: ["privateIp", "subnetId", "availabilityZone"],
    "aws:ec2/natGateway:NatGateway": ["privateIp"],
    [NETWORK_INTERFACE]: ["privateIp", "privateIps", "privateIpLists", "privateIpsCount"],
};

/**
 * After creation: the physical name the provider would pick, an id and an ARN. A resource that
 * exists already (`existingId`: imported or read) keeps its id, which is its ARN for the types
 * whose id is their ARN, its key id for a KMS key and its name for most others.
 */
function createdState(ctx: MockContext, args: MockResourceArgs, facts: StackFacts, existingId?: string) {
    const native = NATIVE_RESOURCES[args.type];
    if (native) return createdNativeState(ctx, args, native, existingId);
    const shape = ctx.shapeOf(args.type);
    const state: Record<string, any> = { ...args.inputs };
    const nameProperty = namePropertyOf(args.type, shape);
    let physical = nameProperty && typeof state[nameProperty] === "string" ? state[nameProperty] : undefined;
    // An OIDC provider is known by its issuer (…:oidc-provider/token.actions.githubusercontent.com), as trust policies name it.
    if (args.type === OIDC_PROVIDER && typeof state.url === "string") physical = state.url.replace(/^https:\/\//, "").replace(/\/$/, "");
    const existingArn = existingId?.startsWith("arn:") ? existingId : undefined;
    // A queue is imported or read by its URL, whose last segment is its name.
    const existingUrl = existingId?.startsWith("https://") ? existingId : undefined;
    if (!physical) {
        physical = existingId === undefined ? checkedAutoname(args, shape)?.name ?? createdName(args)
            : existingArn ? existingArn.split(/[:/]/).pop()! : existingUrl ? existingUrl.replace(/\/+$/, "").split("/").pop()! : existingId;
        if (nameProperty) state[nameProperty] = physical;
    }
    // A KMS key is known by a generated key id, a hosted zone by its zone id (`Z…`, its id and ARN), not by a name.
    const keyId = args.type === KMS_KEY ? (existingId !== undefined && !existingArn ? existingId : fakeUuid(physical)) : undefined;
    const zoneId = args.type === ROUTE53_ZONE ? existingId ?? hostedZoneId(physical) : undefined;
    // EC2 things and CloudFront distributions are known by a generated id (`sg-…`, `E…`), which their ARNs end in.
    const generatedId = GENERATED_IDS[args.type] ? existingArn ? existingArn.split("/").pop()! : existingId ?? GENERATED_IDS[args.type].id(`${args.type}::${physical}`) : undefined;
    const arn = existingArn ?? ARNS_FROM_INPUTS[args.type]?.(args.inputs, ctx.region, generatedId ?? physical) ?? plausibleArn(args.type, keyId ?? zoneId ?? generatedId ?? physical, ctx.region);
    if (shape?.properties.includes("arn") && state.arn === undefined) state.arn = arn;
    if (keyId && shape?.outputOnly.includes("keyId")) state.keyId = keyId;
    const partition = partitionOf(ctx.region);
    // An SQS queue's id is its URL (the provider's `id` and `url`), which programs pass as a
    // QueuePolicy's or RedrivePolicy's `queueUrl` and parse.
    const id = existingId ?? (ID_IS_ARN.has(args.type) ? arn
        : args.type === SQS_QUEUE ? queueUrl(ctx.region, partition.dnsSuffix, physical) : keyId ?? zoneId ?? generatedId ?? idFromInputs(args) ?? physical);
    state.id = id;
    const created: Created = { arn: state.arn ?? arn, id, physical, inputs: args.inputs, region: ctx.region, ...partition, facts };
    for (const [property, derive] of Object.entries(DERIVED_ARNS)) {
        if (!shape?.outputOnly.includes(property) || state[property] !== undefined) continue;
        const value = derive(created);
        if (value !== undefined) state[property] = value;
    }
    for (const [property, value] of Object.entries(DERIVED_OUTPUTS[args.type]?.(created) ?? {})) {
        if (shape?.properties.includes(property) && state[property] === undefined) state[property] = value;
    }
    return { id, state };
}

/** A new function's version: its first published one, else the unpublished `$LATEST`. */
function lambdaVersion(r: Created): string {
    return r.inputs.publish === true ? "1" : "$LATEST";
}

interface Created { arn: string; id: string; physical: string; inputs: Record<string, any>; region: string; partition: string; dnsSuffix: string; facts: StackFacts }

// Output-only ARNs other than `arn` that programs hand on, mostly as the `sourceArn` of a
// Lambda permission: left undefined, they would read as a permission pinned to nothing.
const DERIVED_ARNS: Record<string, (r: Created) => string | undefined> = {
    // API Gateway REST and HTTP APIs (`<api id>`), and their stages (`<api id>/<stage name>`).
    executionArn: (r) => {
        const stage = apiStage(r.inputs);
        if (stage === null) return `arn:${r.partition}:execute-api:${r.region}:${PLACEHOLDER_ACCOUNT_ID}:${r.id}`;
        return stage && `arn:${r.partition}:execute-api:${r.region}:${PLACEHOLDER_ACCOUNT_ID}:${stage.api}/${stage.name}`;
    },
    // DynamoDB: only a table with streams on has one.
    streamArn: (r) => r.inputs.streamEnabled === true ? `${r.arn}/stream/2026-01-01T00:00:00.000` : undefined,
    // Lambda functions and aliases.
    invokeArn: (r) => `arn:${r.partition}:apigateway:${r.region}:lambda:path/2015-03-31/functions/${r.arn}/invocations`,
    qualifiedInvokeArn: (r) => `arn:${r.partition}:apigateway:${r.region}:lambda:path/2015-03-31/functions/${r.arn}:${lambdaVersion(r)}/invocations`,
    qualifiedArn: (r) => `${r.arn}:${lambdaVersion(r)}`,
    // A CloudFront origin access identity, as bucket policies name it.
    iamArn: (r) => `arn:${r.partition}:iam::cloudfront:user/CloudFront Origin Access Identity ${r.id}`,
};

// The other outputs programs most often compute with: an RDS endpoint split into host and port,
// the records of a certificate's DNS validation, a load balancer's DNS name for an alias, an
// image pushed to a repository's URL. Left undefined, `db.endpoint.apply((e) => e.split(":"))`
// throws; values of their AWS format let the program run on as it does against AWS. Never over a
// value the program set.
const DERIVED_OUTPUTS: Record<string, (r: Created) => Record<string, unknown>> = {
    "aws:rds/instance:Instance": (r) => {
        const port = r.inputs.port ?? defaultDatabasePort(r.inputs.engine);
        const address = `${r.physical}.${RDS_HOST_ID}.${r.region}.rds.${r.dnsSuffix}`;
        return { address, port, endpoint: `${address}:${port}` };
    },
    "aws:rds/cluster:Cluster": (r) => ({
        port: r.inputs.port ?? defaultDatabasePort(r.inputs.engine),
        endpoint: `${r.physical}.cluster-${RDS_HOST_ID}.${r.region}.rds.${r.dnsSuffix}`,
        readerEndpoint: `${r.physical}.cluster-ro-${RDS_HOST_ID}.${r.region}.rds.${r.dnsSuffix}`,
    }),
    // `arnSuffix` (`app/<name>/<id>`, `targetgroup/<name>/<id>`) is what CloudWatch alarm dimensions take.
    "aws:lb/loadBalancer:LoadBalancer": (r) => ({ ...loadBalancerAddress(r), arnSuffix: r.arn.split(":loadbalancer/")[1] }),
    "aws:alb/loadBalancer:LoadBalancer": (r) => ({ ...loadBalancerAddress(r), arnSuffix: r.arn.split(":loadbalancer/")[1] }),
    "aws:lb/targetGroup:TargetGroup": (r) => ({ arnSuffix: r.arn.split(":").pop() }),
    "aws:alb/targetGroup:TargetGroup": (r) => ({ arnSuffix: r.arn.split(":").pop() }),
    "aws:ec2/launchTemplate:LaunchTemplate": () => ({ latestVersion: 1, defaultVersion: 1 }),
    "aws:amplify/app:App": (r) => ({ defaultDomain: `${r.id}.amplifyapp.com` }),
    // A new task definition is its family's revision 1.
    [TASK_DEFINITION]: (r) => ({ revision: 1, arnWithoutRevision: r.arn.replace(/:\d+$/, "") }),
    "aws:acm/certificate:Certificate": (r) => {
        // Only DNS validation has records (the provider: "Only set if DNS-validation was used"); an
        // email-validated, imported or private certificate has an empty list, which programs loop over.
        if (r.inputs.validationMethod !== "DNS") return { domainValidationOptions: [] };
        if (typeof r.inputs.domainName !== "string") return {};
        const names = [...new Set([r.inputs.domainName, ...(Array.isArray(r.inputs.subjectAlternativeNames) ? r.inputs.subjectAlternativeNames : [])])];
        // A wildcard name validates with the record of its base name, as ACM answers.
        return {
            domainValidationOptions: names.filter((n): n is string => typeof n === "string").map((domainName) => {
                const base = domainName.replace(/^\*\./, "");
                return {
                    domainName,
                    resourceRecordName: `_${shortHash(`name::${base}`)}.${base}.`,
                    resourceRecordType: "CNAME",
                    resourceRecordValue: `_${shortHash(`value::${base}`)}.acm-validations.aws.`,
                };
            }),
        };
    },
    "aws:ecr/repository:Repository": (r) => ({
        registryId: PLACEHOLDER_ACCOUNT_ID,
        repositoryUrl: `${PLACEHOLDER_ACCOUNT_ID}.dkr.ecr.${r.region}.${r.dnsSuffix}/${r.physical}`,
    }),
    // The provider's `url` (the queue's id in AWS): `https://sqs.<region>.<dns suffix>/<account>/<name>`, which programs hand to their code.
    "aws:sqs/queue:Queue": (r) => ({ url: queueUrl(r.region, r.dnsSuffix, r.physical) }),
    // What an alias's `functionVersion` and provisioned concurrency's `qualifier` are given.
    "aws:lambda/function:Function": (r) => ({ version: lambdaVersion(r) }),
    "aws:lambda/layerVersion:LayerVersion": (r) => typeof r.inputs.layerName === "string" ? { layerArn: layerArn(r.inputs.layerName, r.region), version: "1" } : {},
    "aws:lambda/eventSourceMapping:EventSourceMapping": (r) => ({ uuid: r.arn.split(":").pop() }),
    "aws:s3/bucket:Bucket": (r) => ({ ...bucketAddresses(r), ...(hasWebsite(r.inputs.website) ? websiteAddresses(r.physical, r) : {}) }),
    "aws:s3/bucketV2:BucketV2": (r) => ({
        ...bucketAddresses(r),
        ...(Array.isArray(r.inputs.websites) && r.inputs.websites.some(hasWebsite) ? websiteAddresses(r.physical, r) : {}),
    }),
    // A website's endpoint, which programs hand to CloudFront as a custom origin (often with the
    // "http://" cut off) or to a Route 53 alias.
    "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration": (r) => typeof r.inputs.bucket === "string" ? websiteAddresses(r.inputs.bucket, r) : {},
    "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2": (r) => typeof r.inputs.bucket === "string" ? websiteAddresses(r.inputs.bucket, r) : {},
    // What a distribution's S3 origin and the bucket policy that admits it name.
    "aws:cloudfront/originAccessIdentity:OriginAccessIdentity": (r) => ({
        cloudfrontAccessIdentityPath: `origin-access-identity/cloudfront/${r.id}`,
        s3CanonicalUserId: createHash("sha256").update(r.physical).digest("hex"),
    }),
    "aws:cloudfront/distribution:Distribution": (r) => ({ domainName: `d${shortHash(r.physical)}example.cloudfront.net`, hostedZoneId: "Z2FDTNDATAQYW2" }),
    // What a parent zone's NS record delegates to (`records: zone.nameServers`) and a record names as its zone.
    "aws:route53/zone:Zone": (r) => {
        const nameServers = awsDnsNameServers(r.id);
        return { zoneId: r.id, nameServers, primaryNameServer: nameServers[0] };
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": (r) => ({
        primaryEndpointAddress: `master.${r.physical}.${shortHash(r.physical)}.${zoneIdPrefix(r.region)}.cache.${r.dnsSuffix}`,
        readerEndpointAddress: `replica.${r.physical}.${shortHash(r.physical)}.${zoneIdPrefix(r.region)}.cache.${r.dnsSuffix}`,
    }),
    "aws:elasticache/cluster:Cluster": (r) => ({
        cacheNodes: [{
            id: "0001",
            address: `${r.physical}.${shortHash(r.physical)}.0001.${zoneIdPrefix(r.region)}.cache.${r.dnsSuffix}`,
            port: r.inputs.port ?? (r.inputs.engine === "memcached" ? 11211 : 6379),
            availabilityZone: `${r.region}a`,
        }],
    }),
    // What a kubeconfig and IAM roles for service accounts are written from (a classic cluster's
    // endpoint, CA and OIDC issuer, which share the cluster's 32-hex id, as EKS answers).
    "aws:eks/cluster:Cluster": (r) => {
        const id = createHash("sha256").update(`eks::${r.region}::${r.physical}`).digest("hex").slice(0, 32).toUpperCase();
        const certificate = `-----BEGIN CERTIFICATE-----\nMIIC${Buffer.from(`check placeholder CA of ${r.physical}`).toString("base64")}\n-----END CERTIFICATE-----\n`;
        return {
            endpoint: `https://${id}.gr7.${r.region}.eks.${r.dnsSuffix}`,
            certificateAuthority: { data: Buffer.from(certificate).toString("base64") },
            identities: [{ oidcs: [{ issuer: `https://oidc.eks.${r.region}.${r.dnsSuffix}/id/${id}` }] }],
        };
    },
    // The root resource ("/") API Gateway creates with a REST API, which programs hang their resources under (`parentId`).
    [REST_API]: (r) => ({ rootResourceId: createHash("sha256").update(`root::${r.id}`).digest("hex").slice(0, 10) }),
    // A resource's full path, its parent's and its pathPart, as API Gateway builds it (`/orders/{id}`), which programs
    // pin a Lambda permission to (`${api.executionArn}/*/GET${item.path}`); none under a parent from outside the program.
    [REST_API_RESOURCE]: (r) => {
        const parent = r.facts.apiResourcePath(r.inputs.parentId);
        const part = knownString(r.inputs.pathPart);
        return parent !== undefined && part ? { path: `${parent === "/" ? "" : parent}/${part}` } : {};
    },
    "aws:apigatewayv2/api:Api": (r) => ({
        apiEndpoint: `${r.inputs.protocolType === "WEBSOCKET" ? "wss" : "https"}://${r.id}.execute-api.${r.region}.${r.dnsSuffix}`,
    }),
    "aws:lambda/functionUrl:FunctionUrl": (r) => ({ functionUrl: `https://${shortHash(r.physical)}example.lambda-url.${r.region}.on.aws/`, urlId: `${shortHash(r.physical)}example` }),
    // The provider's `https://<rest api id>.execute-api.<region>.<dns suffix>/<stage name>`, which
    // programs split for a CloudFront origin's domain and path.
    "aws:apigateway/stage:Stage": (r) => typeof r.inputs.restApi === "string" && typeof r.inputs.stageName === "string"
        ? { invokeUrl: `https://${r.inputs.restApi}.execute-api.${r.region}.${r.dnsSuffix}/${r.inputs.stageName}` } : {},
    // An HTTP or WebSocket API stage's: its API's endpoint (wss:// for WebSocket) and the stage name, none for `$default`.
    "aws:apigatewayv2/stage:Stage": (r) => {
        const api = knownString(r.inputs.apiId);
        const name = knownString(r.inputs.name);
        return api && name ? { invokeUrl: `${r.facts.webSocketApi(api) ? "wss" : "https"}://${api}.execute-api.${r.region}.${r.dnsSuffix}/${name === "$default" ? "" : name}` } : {};
    },
    // What a NAT gateway takes (`allocationId: eip.allocationId`, or `eip.id`, the same) and a
    // security group admits as `${eip.publicIp}/32`; a placeholder address of RFC 5737's documentation range.
    // Associated with an interface or an instance, the private address it maps to (theirs, unless the
    // program names one) and the association's id.
    "aws:ec2/eip:Eip": (r) => {
        const publicIp = elasticIpAddress(r.id);
        const target = knownString(r.inputs.networkInterface) ?? knownString(r.inputs.instance);
        const privateIp = target === undefined ? undefined : knownString(r.inputs.associateWithPrivateIp) ?? r.facts.privateIpOf(target);
        return {
            allocationId: r.id, publicIp, publicDns: ec2DnsNames(r, privateIp, publicIp).publicDns,
            ...(target === undefined ? {} : { associationId: EIP_ASSOCIATION_ID.id(`association::${r.id}`) }),
            ...(privateIp === undefined ? {} : { privateIp, privateDns: ec2DnsNames(r, privateIp, "").privateDns }),
        };
    },
    // A NAT gateway's addresses: its Elastic IP's (a private one has none: the provider's ""), and one of its subnet's.
    "aws:ec2/natGateway:NatGateway": (r) => ({
        publicIp: r.inputs.connectivityType === "private" ? "" : typeof r.inputs.allocationId === "string" ? elasticIpAddress(r.inputs.allocationId) : undefined,
        privateIp: r.inputs.privateIp ?? privateAddress(r, r.inputs.subnetId),
    }),
    [EC2_INSTANCE]: (r) => instanceAddresses(r),
    // A default VPC is 172.31.0.0/16, with a /20 default subnet in each zone (AWS's "Default VPCs").
    "aws:ec2/defaultVpc:DefaultVpc": () => ({ cidrBlock: "172.31.0.0/16", ownerId: PLACEHOLDER_ACCOUNT_ID }),
    "aws:ec2/defaultSubnet:DefaultSubnet": (r) => {
        const zone = knownString(r.inputs.availabilityZone);
        const index = zone === undefined ? 0 : Math.max(0, zone.charCodeAt(zone.length - 1) - "a".charCodeAt(0)) % 16;
        return { cidrBlock: `172.31.${index * 16}.0/20`, ownerId: PLACEHOLDER_ACCOUNT_ID };
    },
    // An interface's addresses, primary first: the ordered `privateIpLists` when `privateIpListEnabled`,
    // else the `privateIps` set, else one of its subnet (EC2 always assigns one); `privateIpsCount`
    // asks EC2 for that many secondaries ("the total number of private IPs will be 1 + privateIpsCount").
    // The provider exports all three forms, whichever the program set.
    [NETWORK_INTERFACE]: (r) => {
        const listed = (v: unknown) => Array.isArray(v) ? v.map(knownString).filter((ip): ip is string => ip !== undefined) : [];
        const given = r.inputs.privateIpListEnabled === true ? listed(r.inputs.privateIpLists) : listed(r.inputs.privateIps);
        const privateIp = knownString(r.inputs.privateIp) ?? given[0] ?? privateAddress(r, r.inputs.subnetId);
        const addresses = [privateIp, ...given.filter((ip) => ip !== privateIp)];
        const secondaries = Number(r.inputs.privateIpsCount);
        for (let i = 1; Number.isInteger(secondaries) && addresses.length < 1 + Math.min(secondaries, 49); i++) {
            const address = privateAddress(r, r.inputs.subnetId, `secondary-${i}`);
            if (!addresses.includes(address)) addresses.push(address);
        }
        const mac = createHash("sha256").update(`mac::${r.id}`).digest().subarray(0, 5);
        return {
            privateIp, privateIps: addresses, privateIpLists: addresses, privateIpsCount: addresses.length - 1,
            privateDnsName: ec2DnsNames(r, privateIp, "").privateDns, ownerId: PLACEHOLDER_ACCOUNT_ID,
            macAddress: ["02", ...[...mac].map((b) => b.toString(16).padStart(2, "0"))].join(":"),
        };
    },
    "aws:ec2/securityGroupRule:SecurityGroupRule": (r) => ({ securityGroupRuleId: SECURITY_GROUP_RULE_ID.id(`rule::${r.id}`) }),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (r) => ({ securityGroupRuleId: r.id }),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (r) => ({ securityGroupRuleId: r.id }),
    // An object's ETag: the MD5 of its bytes when written from `content` (and not under SSE-KMS, whose ETag is not the MD5).
    "aws:s3/bucketObject:BucketObject": (r) => ({ etag: objectEtag(r.inputs), versionId: objectVersionId(r) }),
    "aws:s3/bucketObjectv2:BucketObjectv2": (r) => ({ etag: objectEtag(r.inputs), versionId: objectVersionId(r) }),
    // SES answers three DKIM tokens (32 lowercase characters each), one CNAME record apiece.
    "aws:ses/domainDkim:DomainDkim": (r) => ({
        dkimTokens: [0, 1, 2].map((i) => createHash("sha256").update(`dkim::${r.inputs.domain}::${i}`).digest("hex").slice(0, 32)),
    }),
};

/**
 * S3's version id (32 URL-safe characters) of an object written to a versioned bucket; in an
 * unversioned one S3 answers none, and the provider's `versionId` is "".
 */
function objectVersionId(r: Created): string {
    if (!r.facts.versioned(r.inputs.bucket)) return "";
    return createHash("sha256").update(`version::${r.inputs.bucket}/${r.inputs.key}`).digest("base64url").slice(0, 32);
}

/** An Elastic IP's address (the documentation range 203.0.113.0/24, RFC 5737), also the NAT gateway's that takes it. */
function elasticIpAddress(allocationId: string): string {
    return documentationAddress("203.0.113", allocationId);
}

/** A host of a /24 of RFC 5737's documentation ranges (`203.0.113`, `198.51.100`), fixed per seed. */
function documentationAddress(network: string, seed: string): string {
    return `${network}.${createHash("sha256").update(seed).digest()[0] % 254 + 1}`;
}

/**
 * An address in the resource's subnet when the program created it (AWS keeps a subnet's first
 * four and its last address), else in the default VPC's 172.31.0.0/16.
 */
function privateAddress(r: Created, subnetId: unknown, which = ""): string {
    const h = createHash("sha256").update(`private::${r.id}${which && `::${which}`}`).digest();
    const cidr = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(r.facts.subnet(subnetId)?.cidrBlock ?? "172.31.0.0/16");
    const bits = Math.min(Math.max(Number(cidr![5]), 16), 28);
    const base = cidr!.slice(1, 5).reduce((n, octet) => n * 256 + Number(octet), 0) & ~((2 ** (32 - bits)) - 1);
    const address = (base >>> 0) + 4 + h.readUInt32BE(0) % (2 ** (32 - bits) - 5);
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join(".");
}

/**
 * An instance's placement, addresses and DNS names, as EC2 gives them. Placed on a network
 * interface of the program (`networkInterfaces`, device index 0): that interface's subnet and
 * primary address, and no public address, as EC2 assigns one only to a new interface (the API's
 * AssociatePublicIpAddress: "can only be assigned to a new network interface, not an existing
 * one"). Else a private address of its subnet, and a public one (198.51.100.0/24, RFC 5737) when it
 * asks for one or its subnet maps one on launch (a subnet outside the program, or none, the
 * default VPC's, is taken to); else the provider's "". The primary interface is that one, or the
 * one EC2 creates for the instance (`eni-...`); the zone is its subnet's.
 */
function instanceAddresses(r: Created): Record<string, unknown> {
    const primary = primaryInterfaceId(r.inputs.networkInterfaces);
    const attached = r.facts.networkInterface(primary);
    const subnetId = knownString(r.inputs.subnetId) ?? attached?.subnetId;
    const subnet = r.facts.subnet(subnetId);
    const privateIp = knownString(r.inputs.privateIp) ?? attached?.privateIp ?? privateAddress(r, subnetId);
    const mapsPublic = primary !== undefined ? false : r.inputs.associatePublicIpAddress ?? (subnet ? subnet.mapPublicIpOnLaunch === true : true);
    const publicIp = mapsPublic === true ? documentationAddress("198.51.100", `public::${r.id}`) : "";
    return {
        ...(subnetId === undefined ? {} : { subnetId }),
        availabilityZone: subnet?.availabilityZone ?? `${r.region}a`,
        primaryNetworkInterfaceId: primary ?? GENERATED_IDS[NETWORK_INTERFACE].id(`primary::${r.id}`),
        privateIp,
        publicIp,
        ...ec2DnsNames(r, privateIp, publicIp),
    };
}

/** The interface a program attaches at device index 0 (`networkInterfaces: [{ networkInterfaceId: eni.id, deviceIndex: 0 }]`). */
function primaryInterfaceId(attachments: unknown): string | undefined {
    if (!Array.isArray(attachments)) return undefined;
    const primary = attachments.find((a) => typeof a === "object" && a !== null && Number((a as { deviceIndex?: unknown }).deviceIndex) === 0);
    return knownString(primary?.networkInterfaceId);
}

/** EC2's DNS names of a private and a public address (`ip-10-0-1-5.ec2.internal`, `ec2-198-51-100-7.compute-1.amazonaws.com`); "" for no public address. */
function ec2DnsNames(r: Created, privateIp: string | undefined, publicIp: string): { privateDns?: string; publicDns: string } {
    const dashed = (ip: string) => ip.replace(/\./g, "-");
    const east = r.region === "us-east-1";
    return {
        ...(privateIp === undefined ? {} : { privateDns: `ip-${dashed(privateIp)}.${east ? "ec2.internal" : `${r.region}.compute.internal`}` }),
        publicDns: publicIp === "" ? "" : `ec2-${dashed(publicIp)}.${east ? "compute-1" : `${r.region}.compute`}.${r.dnsSuffix}`,
    };
}

function objectEtag(inputs: Record<string, any>): string {
    const bytes = typeof inputs.content === "string" && inputs.serverSideEncryption !== "aws:kms" ? inputs.content : `object::${inputs.bucket}/${inputs.key}`;
    return createHash("md5").update(bytes).digest("hex");
}

/** The instance part of an RDS host name (`<identifier>.<this>.<region>.rds.amazonaws.com`), fixed per account and region. */
const RDS_HOST_ID = "c0example0ab";

function defaultDatabasePort(engine: unknown): number {
    const e = typeof engine === "string" ? engine : "";
    if (e.includes("postgres")) return 5432;
    if (e.startsWith("oracle")) return 1521;
    if (e.startsWith("sqlserver")) return 1433;
    if (e.startsWith("db2")) return 50000;
    return 3306;
}

function loadBalancerAddress(r: Created): Record<string, unknown> {
    const network = r.inputs.loadBalancerType === "network" || r.inputs.loadBalancerType === "gateway";
    const internal = r.inputs.internal === true ? "internal-" : "";
    return {
        dnsName: network
            ? `${r.physical}-${shortHash(r.physical)}.elb.${r.region}.${r.dnsSuffix}`
            : `${internal}${r.physical}-1234567890.${r.region}.elb.${r.dnsSuffix}`,
        zoneId: "Z35SXDOTRQ7X7K",
    };
}

function bucketAddresses(r: Created): Record<string, unknown> {
    return { bucketDomainName: `${r.physical}.s3.${r.dnsSuffix}`, bucketRegionalDomainName: `${r.physical}.s3.${r.region}.${r.dnsSuffix}`, region: r.region };
}

/** A bucket's inline website block that makes a website (an index document or a redirect), as the provider reads it. */
function hasWebsite(block: unknown): boolean {
    return typeof block === "object" && block !== null && ["indexDocument", "redirectAllRequestsTo"].some((k) => (block as Record<string, unknown>)[k] !== undefined);
}

// The regions whose website endpoints keep the dash form (`s3-website-us-east-1.amazonaws.com`);
// the others have `s3-website.<region>.<dns suffix>` (terraform-provider-aws's
// `WebsiteDomainUrl`/`isOldRegion`, after AWS's "Website endpoints" table).
const DASHED_WEBSITE_REGIONS = new Set(["ap-northeast-1", "ap-southeast-1", "ap-southeast-2", "eu-west-1", "sa-east-1", "us-east-1", "us-gov-west-1", "us-west-1", "us-west-2"]);

function websiteAddresses(bucket: string, r: Created): Record<string, unknown> {
    const websiteDomain = DASHED_WEBSITE_REGIONS.has(r.region) ? `s3-website-${r.region}.amazonaws.com` : `s3-website.${r.region}.${r.dnsSuffix}`;
    return { websiteDomain, websiteEndpoint: `${bucket}.${websiteDomain}` };
}

function stackReference(ctx: MockContext, args: MockResourceArgs) {
    const refs = ctx.answers[STACK_REFERENCE_TYPE];
    const stackName = String(args.inputs.name ?? args.name);
    const outputs = typeof refs === "object" && refs !== null ? (refs as Record<string, unknown>)[stackName] : undefined;
    if (typeof outputs !== "object" || outputs === null) {
        ctx.unanswered.add(`${STACK_REFERENCE_TYPE} "${stackName}"`);
        throw new UnansweredError(`check cannot read stack "${stackName}" offline`);
    }
    return { id: stackName, state: { name: stackName, outputs, secretOutputNames: [] } };
}

// ---------------------------------------------------------------- aws-native

interface NativeCreated { physical: string; name: string; type: string; inputs: Record<string, any>; region: string; partition: string; dnsSuffix: string }

/**
 * An aws-native (Cloud Control) type, as pulumi-cdk creates a CDK app's resources: the property
 * aws-native autonames when the program leaves it unset (the provider's autoNamingSpec, with its
 * maxLength), the read-only outputs CloudFormation returns for the type ("Return values", in AWS's
 * formats) and the resource's id, Cloud Control's primary identifier (several joined by "|"), when
 * it is not the name. pulumi-cdk hands a CDK `Ref` the named property and a `Fn::GetAtt` the output
 * (`role.arn`): left undefined, a Function arrives without its role and a Permission without its
 * sourceArn, and a `Ref` to a bucket stops the program. The @pulumi/aws-native 1.79 metadata
 * (autoNamingSpec, readOnly, primaryIdentifier) is the source of each row.
 */
interface NativeResource {
    name?: string;
    maxLength?: number;
    outputs?: (r: NativeCreated) => Record<string, unknown>;
    id?: (r: NativeCreated, state: Record<string, any>) => string;
}

const nativeArn = (r: NativeCreated, service: string, resource: string) => `arn:${r.partition}:${service}:${r.region}:${PLACEHOLDER_ACCOUNT_ID}:${resource}`;
/** IAM names sit under their path (default "/"): `role/service-role/<name>`. */
const iamArn = (r: NativeCreated, kind: string) => `arn:${r.partition}:iam::${PLACEHOLDER_ACCOUNT_ID}:${kind}${typeof r.inputs.path === "string" ? r.inputs.path : "/"}${r.physical}`;
const hashOf = (r: NativeCreated, what: string) => createHash("sha256").update(`${what}::${r.type}::${r.physical}`).digest("hex");
/** A generated identifier of the resource (an event source mapping's, a subscription's, a key's), stable across runs. */
const uuidOf = (r: NativeCreated) => fakeUuid(`${r.type}::${r.physical}`);
const lastSegment = (v: unknown) => typeof v === "string" ? v.split(/[:/]/).pop()! : undefined;

const NATIVE_RESOURCES: Record<string, NativeResource> = {
    "aws-native:s3:Bucket": {
        name: "bucketName",
        outputs: (r) => ({
            arn: `arn:${r.partition}:s3:::${r.physical}`,
            domainName: `${r.physical}.s3.${r.dnsSuffix}`,
            regionalDomainName: `${r.physical}.s3.${r.region}.${r.dnsSuffix}`,
            dualStackDomainName: `${r.physical}.s3.dualstack.${r.region}.${r.dnsSuffix}`,
            websiteUrl: `http://${r.physical}.s3-website-${r.region}.${r.dnsSuffix}`,
        }),
    },
    "aws-native:s3:AccessPoint": {
        name: "name", maxLength: 50,
        outputs: (r) => ({ arn: nativeArn(r, "s3", `accesspoint/${r.physical}`), alias: `${r.physical}-${hashOf(r, "alias").slice(0, 26)}-s3alias`, networkOrigin: r.inputs.vpcConfiguration ? "VPC" : "Internet" }),
    },
    "aws-native:s3objectlambda:AccessPoint": {
        name: "name", maxLength: 45,
        outputs: (r) => ({ arn: nativeArn(r, "s3-object-lambda", `accesspoint/${r.physical}`), alias: { status: "READY", value: `${r.physical}-${hashOf(r, "alias").slice(0, 26)}--ol-s3` } }),
    },
    "aws-native:iam:Role": { name: "roleName", maxLength: 64, outputs: (r) => ({ arn: iamArn(r, "role"), roleId: `AROA${hashOf(r, "id").slice(0, 17).toUpperCase()}` }) },
    "aws-native:iam:User": { name: "userName", outputs: (r) => ({ arn: iamArn(r, "user") }) },
    "aws-native:iam:InstanceProfile": { name: "instanceProfileName", outputs: (r) => ({ arn: iamArn(r, "instance-profile") }) },
    "aws-native:iam:ManagedPolicy": {
        name: "managedPolicyName",
        outputs: (r) => ({ policyArn: iamArn(r, "policy"), policyId: `ANPA${hashOf(r, "id").slice(0, 17).toUpperCase()}`, defaultVersionId: "v1", isAttachable: true }),
        id: (_r, state) => state.policyArn,
    },
    "aws-native:iam:RolePolicy": { name: "policyName", id: (r) => `${r.physical}|${r.inputs.roleName}` },
    "aws-native:lambda:Function": { name: "functionName", maxLength: 64, outputs: (r) => ({ arn: nativeArn(r, "lambda", `function:${r.physical}`) }) },
    // The permission's statement id (`Id`, awsId in the SDK), with the function it is on.
    "aws-native:lambda:Permission": { outputs: (r) => ({ awsId: r.physical }), id: (r) => `${r.inputs.functionName}|${r.physical}` },
    "aws-native:lambda:Url": {
        outputs: (r) => ({
            functionArn: typeof r.inputs.qualifier === "string" ? `${r.inputs.targetFunctionArn}:${r.inputs.qualifier}` : r.inputs.targetFunctionArn,
            functionUrl: `https://${hashOf(r, "url").slice(0, 32)}.lambda-url.${r.region}.on.aws/`,
        }),
        id: (_r, state) => state.functionArn,
    },
    "aws-native:lambda:EventSourceMapping": {
        outputs: (r) => ({ awsId: uuidOf(r), eventSourceMappingArn: nativeArn(r, "lambda", `event-source-mapping:${uuidOf(r)}`) }),
        id: (_r, state) => state.awsId,
    },
    // A rule on another bus than the default one is `rule/<bus>/<name>`; its id is its ARN.
    "aws-native:events:Rule": {
        name: "name",
        outputs: (r) => {
            const bus = lastSegment(r.inputs.eventBusName);
            return { arn: nativeArn(r, "events", `rule/${bus && bus !== "default" ? `${bus}/` : ""}${r.physical}`) };
        },
        id: (_r, state) => state.arn,
    },
    "aws-native:events:EventBus": { name: "name", outputs: (r) => ({ arn: nativeArn(r, "events", `event-bus/${r.physical}`) }) },
    // A FIFO queue's generated name ends in ".fifo" (the autoNamingSpec's trivia); its id is its URL.
    "aws-native:sqs:Queue": {
        name: "queueName",
        outputs: (r) => ({ arn: nativeArn(r, "sqs", r.physical), queueUrl: queueUrl(r.region, r.dnsSuffix, r.physical) }),
        id: (_r, state) => state.queueUrl,
    },
    "aws-native:sns:Topic": { name: "topicName", outputs: (r) => ({ topicArn: nativeArn(r, "sns", r.physical) }), id: (_r, state) => state.topicArn },
    "aws-native:sns:Subscription": {
        outputs: (r) => ({ arn: `${r.inputs.topicArn}:${uuidOf(r)}` }),
        id: (_r, state) => state.arn,
    },
    // A key has no name: it is known by a generated key id.
    "aws-native:kms:Key": {
        outputs: (r) => {
            const keyId = /^[0-9a-f]{8}-/.test(r.physical) ? r.physical : uuidOf(r);
            return { keyId, arn: nativeArn(r, "kms", `key/${keyId}`) };
        },
        id: (_r, state) => state.keyId,
    },
    "aws-native:dynamodb:Table": {
        name: "tableName",
        outputs: (r) => {
            const arn = nativeArn(r, "dynamodb", `table/${r.physical}`);
            return { arn, ...(r.inputs.streamSpecification ? { streamArn: `${arn}/stream/2026-01-01T00:00:00.000` } : {}) };
        },
    },
    // CloudFormation's log group ARN ends in ":*" (the classic provider's does not).
    "aws-native:logs:LogGroup": { name: "logGroupName", maxLength: 512, outputs: (r) => ({ arn: nativeArn(r, "logs", `log-group:${r.physical}:*`) }) },
    "aws-native:kinesis:Stream": { name: "name", maxLength: 128, outputs: (r) => ({ arn: nativeArn(r, "kinesis", `stream/${r.physical}`) }) },
    "aws-native:stepfunctions:StateMachine": {
        name: "stateMachineName", maxLength: 80,
        outputs: (r) => ({ arn: nativeArn(r, "states", `stateMachine:${r.physical}`), name: r.physical }),
        id: (_r, state) => state.arn,
    },
    "aws-native:ecr:Repository": {
        name: "repositoryName", maxLength: 256,
        outputs: (r) => ({ arn: nativeArn(r, "ecr", `repository/${r.physical}`), repositoryUri: `${PLACEHOLDER_ACCOUNT_ID}.dkr.ecr.${r.region}.${r.dnsSuffix}/${r.physical}` }),
    },
    // The secret's id is its ARN, whose name gets the six random characters AWS appends.
    "aws-native:secretsmanager:Secret": {
        name: "name",
        outputs: (r) => ({ awsId: nativeArn(r, "secretsmanager", `secret:${r.physical}-${hashOf(r, "suffix").slice(0, 6)}`) }),
        id: (_r, state) => state.awsId,
    },
    "aws-native:ec2:SecurityGroup": {
        name: "groupName",
        outputs: (r) => { const groupId = `sg-${hashOf(r, "id").slice(0, 17)}`; return { groupId, awsId: groupId }; },
        id: (_r, state) => state.groupId,
    },
    "aws-native:apigateway:RestApi": {
        name: "name",
        outputs: (r) => ({ restApiId: hashOf(r, "id").slice(0, 10), rootResourceId: hashOf(r, "root").slice(0, 10) }),
        id: (_r, state) => state.restApiId,
    },
};

/**
 * After creation (or a read, `existingId`), an aws-native resource: the name it was given or
 * aws-native's `<resource name>-<7 random hex>` (the random part shortened to the type's
 * maxLength, as aws-native does; a name still too long is cut in the middle, as its `autoTrim`
 * option does, where aws-native without it would ask for a name), its read-only outputs, its id.
 */
function createdNativeState(ctx: MockContext, args: MockResourceArgs, native: NativeResource, existingId?: string) {
    const state: Record<string, any> = { ...args.inputs };
    let physical = native.name && typeof state[native.name] === "string" ? state[native.name] as string : undefined;
    if (physical === undefined) {
        physical = existingId !== undefined ? (existingId.startsWith("arn:") ? lastSegment(existingId)! : existingId) : nativeName(args, native);
        if (native.name) state[native.name] = physical;
    }
    const { partition, dnsSuffix } = partitionOf(ctx.region);
    const r: NativeCreated = { physical, name: args.name, type: args.type, inputs: args.inputs, region: ctx.region, partition, dnsSuffix };
    for (const [property, value] of Object.entries(native.outputs?.(r) ?? {})) if (state[property] === undefined) state[property] = value;
    const id = existingId ?? native.id?.(r, state) ?? physical;
    state.id = id;
    return { id, state };
}

function nativeName(args: MockResourceArgs, native: NativeResource): string {
    // SQS's trivia: a FIFO queue's name must end in ".fifo".
    const suffix = args.type === "aws-native:sqs:Queue" && args.inputs.fifoQueue === true ? ".fifo" : "";
    let prefix = `${args.name}-`;
    let random = autonameSuffix(args);
    if (native.maxLength !== undefined) {
        const room = native.maxLength - suffix.length;
        if (prefix.length + 1 > room) {
            const half = Math.floor((room - 1) / 2);
            prefix = prefix.slice(0, half) + prefix.slice(prefix.length - (room - 1 - half));
        }
        random = random.slice(0, Math.max(1, room - prefix.length));
    }
    return `${prefix}${random}${suffix}`;
}

// ---------------------------------------------------------------- autonaming

/**
 * The name a provider's Check gives a new resource whose name property the program leaves
 * unset: pulumi-terraform-bridge's AutoName (`<logical name>-<7 random hex>`, with pulumi-aws's
 * per-type options, AUTONAME_OPTIONS) and aws-native's autoNamingSpec (nativeName). Check runs
 * before the analyzers at preview as at an update, so a real preview already knows the name: in
 * the analyzed inputs, and in the outputs the program reads (`bucket.bucket`). A prefix the
 * program sets instead (`namePrefix`, `bucketPrefix`) leaves the name to the provider at creation:
 * unknown at preview, as no name is proposed. Resources that exist already (`import`, `.get`)
 * keep their own. A logical name too long for the type fails Check (AutonameError), as the bridge does.
 */
export function checkedAutoname(args: MockResourceArgs, shape: ResourceShape | undefined): { property: string; name: string } | undefined {
    if (args.custom === false || args.id || args.type.startsWith("pulumi:")) return undefined;
    const native = NATIVE_RESOURCES[args.type];
    const property = native ? native.name : namePropertyOf(args.type, shape);
    if (!property || args.inputs[property] !== undefined || args.inputs[`${property}Prefix`] !== undefined) return undefined;
    if (!native && AUTONAME_OPTIONS[args.type]?.notProposed) return undefined;
    return { property, name: native ? nativeName(args, native) : bridgeAutoname(args) };
}

/** What pulumi-terraform-bridge's Check answers for a name too long for its type. */
export class AutonameError extends Error {}

/**
 * pulumi-aws 7's autonaming options where they differ from its default (every input called
 * `name`: maximum 255, separator "-", 7 random hex; provider/autonaming.go). Sources:
 * pulumi/pulumi-aws provider/resource_overrides.go (aws_iam_role, aws_lambda_function,
 * aws_cloudwatch_event_rule, aws_sqs_queue, aws_sns_topic, aws_kms_alias, aws_s3_bucket,
 * aws_db_instance, aws_elasticache_*, aws_elasticsearch_domain, aws_opensearch_domain,
 * aws_elastic_beanstalk_environment) and provider/aliases.go (aws_lb_target_group).
 */
interface AutonameOptions {
    /** The autonamed property, where it is not `name`. */
    property?: string;
    maxLength?: number;
    separator?: string;
    randomLength?: number;
    /** The bridge's Transform: strings.ToLower on the logical name. */
    lowercase?: boolean;
    /** The bridge's PostTransform, on the finished name. */
    finish?: (name: string, inputs: Record<string, any>) => string;
    /** RDS instances: SQL Server identifiers are capped at 15 characters, with 3 random characters. */
    byInputs?: (inputs: Record<string, any>) => AutonameOptions;
    /** The provider's physical name, which pulumi-aws 7 does not autoname: the provider picks it at creation. */
    notProposed?: boolean;
}

const fifo = (flag: string) => (name: string, inputs: Record<string, any>) => inputs[flag] === true ? `${name}.fifo` : name;

const AUTONAME_OPTIONS: Record<string, AutonameOptions> = {
    "aws:s3/bucket:Bucket": { property: "bucket", maxLength: 63, lowercase: true },
    "aws:s3/bucketV2:BucketV2": { property: "bucket", maxLength: 63, lowercase: true },
    "aws:iam/role:Role": { maxLength: 64 },
    "aws:lambda/function:Function": { maxLength: 64 },
    "aws:cloudwatch/eventRule:EventRule": { maxLength: 64 },
    "aws:sqs/queue:Queue": { maxLength: 80, finish: fifo("fifoQueue") },
    "aws:sns/topic:Topic": { maxLength: 80, finish: fifo("fifoTopic") },
    "aws:kms/alias:Alias": { maxLength: 238, finish: (name) => name.startsWith("alias/") ? name : `alias/${name}` },
    "aws:lb/targetGroup:TargetGroup": { maxLength: 32 },
    "aws:elasticbeanstalk/environment:Environment": { maxLength: 40 },
    // No separator; the SQL Server engines (`sqlserver-ex`, ...) take 3 random characters within 15.
    "aws:rds/instance:Instance": {
        property: "identifier", separator: "",
        byInputs: (inputs) => typeof inputs.engine === "string" && inputs.engine !== UNKNOWN && inputs.engine.toLowerCase().includes("sqlserver")
            ? { randomLength: 3, maxLength: 15 } : {},
    },
    // Not autonamed in pulumi-aws 7 (only `name` inputs and the overrides are): AWS-side default.
    "aws:rds/cluster:Cluster": { property: "clusterIdentifier", notProposed: true },
    "aws:elasticache/cluster:Cluster": { property: "clusterId", maxLength: 50, lowercase: true },
    "aws:elasticache/replicationGroup:ReplicationGroup": { property: "replicationGroupId", maxLength: 40, lowercase: true },
    "aws:elasticsearch/domain:Domain": { property: "domainName", maxLength: 28, lowercase: true },
    "aws:opensearch/domain:Domain": { property: "domainName" },
};

function namePropertyOf(type: string, shape: ResourceShape | undefined): string | undefined {
    return AUTONAME_OPTIONS[type]?.property ?? (shape?.properties.includes("name") ? "name" : undefined);
}

/** The random part, deterministic here so that preview, update and saved fixtures agree. */
function autonameSuffix(args: MockResourceArgs): string {
    return shortHash(`${args.type}::${args.name}`);
}

/** pulumi-terraform-bridge's ComputeAutoNameDefault with the type's options (its NewUniqueName refuses a name over the maximum). */
function bridgeAutoname(args: MockResourceArgs): string {
    const base = AUTONAME_OPTIONS[args.type] ?? {};
    const options = { ...base, ...base.byInputs?.(args.inputs) };
    const { maxLength = 255, separator = "-", randomLength = 7 } = options;
    const prefix = `${options.lowercase ? args.name.toLowerCase() : args.name}${separator}`;
    if (prefix.length + randomLength > maxLength) {
        throw new AutonameError(`could not make instance of '${args.type}': name '${prefix}' plus ${randomLength} random chars is longer than maximum length ${maxLength}`);
    }
    const name = prefix + autonameSuffix(args).slice(0, randomLength);
    return options.finish ? options.finish(name, args.inputs) : name;
}

/** A physical name in update mode for a name the provider picks at creation (after a prefix, or one pulumi-aws does not autoname). */
function createdName(args: MockResourceArgs): string {
    const options = AUTONAME_OPTIONS[args.type];
    const name = `${args.name}-${autonameSuffix(args)}`;
    return options?.lowercase ? name.toLowerCase() : name;
}

// ---------------------------------------------------------------- plausible values

const KMS_KEY = "aws:kms/key:Key";
const OIDC_PROVIDER = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
const SQS_QUEUE = "aws:sqs/queue:Queue";
const ROUTE53_ZONE = "aws:route53/zone:Zone";
const ROUTE53_RECORD = "aws:route53/record:Record";
const GET_ZONE = "aws:route53/getZone:getZone";

/** A hosted zone's id, as Route 53 gives one: `Z` and 20 upper-case letters and digits. */
function hostedZoneId(name: string): string {
    return `Z${createHash("sha256").update(`zone::${name}`).digest("hex").toUpperCase().slice(0, 20)}`;
}

/** The four name servers Route 53 gives a zone (`ns-1234.awsdns-12.org`, one of each top-level domain). */
function awsDnsNameServers(zoneId: string): string[] {
    const h = createHash("sha256").update(`ns::${zoneId}`).digest();
    return ["com", "net", "org", "co.uk"].map((tld, i) => `ns-${h.readUInt16BE(2 * i) % 2048}.awsdns-${String(h[8 + i] % 64).padStart(2, "0")}.${tld}`);
}

/**
 * A record's `fqdn` and id as the provider sets them: its name under its zone's name unless it
 * ends with it already (`www` in `shop.example.com`), without a trailing dot; the id
 * `<zone id>_<fqdn>_<type>[_<set identifier>]`. `zoneName` is undefined for a zone the program
 * neither created nor looked up: the name then stands for itself.
 */
export function recordNames(inputs: Record<string, any>, zoneName: string | undefined): { fqdn: string; id: string } | undefined {
    const name = typeof inputs.name === "string" ? (inputs.name === "." ? "." : inputs.name.replace(/\.$/, "")) : undefined;
    const zone = zoneName?.replace(/\.$/, "");
    if (name === undefined || typeof inputs.zoneId !== "string" || typeof inputs.type !== "string") return undefined;
    const fqdn = name === "" ? zone ?? "" : zone === undefined || name.endsWith(zone) ? name : `${name}.${zone}`;
    const set = typeof inputs.setIdentifier === "string" && inputs.setIdentifier !== "" ? `_${inputs.setIdentifier}` : "";
    return { fqdn, id: `${inputs.zoneId}_${fqdn.toLowerCase()}_${inputs.type}${set}` };
}

/** `https://sqs.<region>.<dns suffix>/<account>/<name>`: a queue's URL, as SQS and the provider give it. */
function queueUrl(region: string, dnsSuffix: string, name: string): string {
    return `https://sqs.${region}.${dnsSuffix}/${PLACEHOLDER_ACCOUNT_ID}/${name}`;
}

/**
 * Types known by an id AWS generates rather than by their name: EC2's `<prefix>-<17 hex>`
 * (`sg-0123456789abcdef0`; AWS's "Resource IDs": 17 characters after the prefix), whose ARNs
 * are `arn:aws:ec2:<region>:<account>:<kind>/<id>` (the Service Authorization Reference's EC2
 * resource types, also for EBS volumes and the `vpc` module's security group rules), a
 * `SecurityGroupRule`'s provider id `sgrule-<digits>`, and CloudFront's `E` and 13 upper-case
 * letters and digits. Programs pass them on (`allocationId: eip.id`) and parse them.
 */
const ec2Id = (prefix: string, ec2Kind?: string) => ({ id: (seed: string) => `${prefix}-${createHash("sha256").update(seed).digest("hex").slice(0, 17)}`, ec2Kind });
const SECURITY_GROUP_RULE_ID = ec2Id("sgr", "security-group-rule");
const EIP_ASSOCIATION_ID = ec2Id("eipassoc");
// API Gateway's ids: lower-case letters and digits it generates (10 for an API, 6 for a REST API's
// resources, deployments and authorizers, 7 for an HTTP or WebSocket API's routes, integrations,
// authorizers and deployments), which programs put in paths (`integrations/${integration.id}`,
// `${api.executionArn}/authorizers/${authorizer.id}`).
const apiGatewayIdOf = (length: number) => ({ id: (seed: string) => createHash("sha256").update(seed).digest("hex").slice(0, length) });
const apiGatewayId = apiGatewayIdOf(10);
const cloudFrontId = { id: (seed: string) => `E${createHash("sha256").update(seed).digest("hex").toUpperCase().slice(0, 13)}` };
const GENERATED_IDS: Record<string, { id: (seed: string) => string; ec2Kind?: string }> = {
    "aws:ec2/vpc:Vpc": ec2Id("vpc", "vpc"),
    "aws:ec2/subnet:Subnet": ec2Id("subnet", "subnet"),
    "aws:ec2/securityGroup:SecurityGroup": ec2Id("sg", "security-group"),
    // The default VPC and what comes with it, which the provider adopts rather than creates: EC2's ids all the same.
    "aws:ec2/defaultVpc:DefaultVpc": ec2Id("vpc", "vpc"),
    "aws:ec2/defaultSubnet:DefaultSubnet": ec2Id("subnet", "subnet"),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": ec2Id("sg", "security-group"),
    "aws:ec2/defaultRouteTable:DefaultRouteTable": ec2Id("rtb", "route-table"),
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": ec2Id("acl", "network-acl"),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": SECURITY_GROUP_RULE_ID,
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": SECURITY_GROUP_RULE_ID,
    "aws:ec2/securityGroupRule:SecurityGroupRule": { id: (seed) => `sgrule-${createHash("sha256").update(seed).digest().readUInt32BE(0)}` },
    "aws:ec2/routeTable:RouteTable": ec2Id("rtb", "route-table"),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": ec2Id("rtbassoc"),
    "aws:ec2/internetGateway:InternetGateway": ec2Id("igw", "internet-gateway"),
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": ec2Id("eigw", "egress-only-internet-gateway"),
    "aws:ec2/natGateway:NatGateway": ec2Id("nat", "natgateway"),
    "aws:ec2/eip:Eip": ec2Id("eipalloc", "elastic-ip"),
    [NETWORK_INTERFACE]: ec2Id("eni", "network-interface"),
    "aws:ec2/networkAcl:NetworkAcl": ec2Id("acl", "network-acl"),
    [EC2_INSTANCE]: ec2Id("i", "instance"),
    "aws:ec2/launchTemplate:LaunchTemplate": ec2Id("lt", "launch-template"),
    "aws:ec2/vpcEndpoint:VpcEndpoint": ec2Id("vpce", "vpc-endpoint"),
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": ec2Id("pcx", "vpc-peering-connection"),
    "aws:ec2/flowLog:FlowLog": ec2Id("fl", "vpc-flow-log"),
    "aws:ebs/volume:Volume": ec2Id("vol", "volume"),
    "aws:ec2transitgateway/transitGateway:TransitGateway": ec2Id("tgw", "transit-gateway"),
    // API Gateway's REST, HTTP and WebSocket APIs: 10 lower-case letters and digits, in their ARNs, execution ARNs and URLs.
    [REST_API]: apiGatewayId,
    "aws:apigatewayv2/api:Api": apiGatewayId,
    [REST_API_RESOURCE]: apiGatewayIdOf(6),
    "aws:apigateway/deployment:Deployment": apiGatewayIdOf(6),
    "aws:apigateway/authorizer:Authorizer": apiGatewayIdOf(6),
    "aws:apigatewayv2/route:Route": apiGatewayIdOf(7),
    "aws:apigatewayv2/integration:Integration": apiGatewayIdOf(7),
    "aws:apigatewayv2/authorizer:Authorizer": apiGatewayIdOf(7),
    "aws:apigatewayv2/deployment:Deployment": apiGatewayIdOf(7),
    // An Amplify app's id (`d` and 13 lower-case letters and digits), which its branches and domain name.
    "aws:amplify/app:App": { id: (seed: string) => `d${createHash("sha256").update(seed).digest("hex").slice(0, 13)}` },
    "aws:cloudfront/distribution:Distribution": cloudFrontId,
    "aws:cloudfront/originAccessIdentity:OriginAccessIdentity": cloudFrontId,
    "aws:cloudfront/originAccessControl:OriginAccessControl": cloudFrontId,
};

/**
 * An S3 object's provider id is its key, an ECS task definition's its family, an Amplify branch's `<app id>/<branch name>`;
 * a REST API stage's `ags-<api id>-<stage name>`, a method's `agm-<api id>-<resource id>-<HTTP method>` and an integration's `agi-…` (the provider's).
 */
function idFromInputs(args: MockResourceArgs): string | undefined {
    const restApiPrefix = REST_API_IDS[args.type];
    if (restApiPrefix) {
        const { restApi, resourceId, httpMethod, stageName } = args.inputs;
        const parts = args.type === REST_API_STAGE ? [restApi, stageName] : [restApi, resourceId, httpMethod];
        return parts.every((p) => knownString(p)) ? [restApiPrefix, ...parts].join("-") : undefined;
    }
    if (args.type === TASK_DEFINITION) return typeof args.inputs.family === "string" ? args.inputs.family : undefined;
    if (args.type === AMPLIFY_BRANCH) return typeof args.inputs.appId === "string" && typeof args.inputs.branchName === "string" ? `${args.inputs.appId}/${args.inputs.branchName}` : undefined;
    return (args.type === "aws:s3/bucketObject:BucketObject" || args.type === "aws:s3/bucketObjectv2:BucketObjectv2") && typeof args.inputs.key === "string" ? args.inputs.key : undefined;
}

const REST_API_STAGE = "aws:apigateway/stage:Stage";
const REST_API_IDS: Record<string, string> = { [REST_API_STAGE]: "ags", "aws:apigateway/method:Method": "agm", "aws:apigateway/integration:Integration": "agi" };

/** Types whose id is their ARN rather than their name (the provider's `id` of a secret, a state machine, an ECS cluster and service is the ARN too). */
const ID_IS_ARN = new Set(["aws:iam/policy:Policy", "aws:sns/topic:Topic", "aws:secretsmanager/secret:Secret", "aws:sfn/stateMachine:StateMachine",
    "aws:ecs/cluster:Cluster", "aws:ecs/service:Service", "aws:acm/certificate:Certificate",
    // Elastic Load Balancing (v2): programs pass `alb.id` as a listener's `loadBalancerArn`.
    "aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup",
    "aws:lb/listener:Listener", "aws:alb/listener:Listener", "aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"]);

/**
 * Types whose ARN names another service than their provider module or joins the name otherwise
 * (AWS's Service Authorization Reference, "Resource types defined by ..."): a log group is
 * `logs:...:log-group:<name>`, not `cloudwatch:...:log-group/<name>`. A rule is on the default bus
 * (`rule/<bus>/<name>` on another); a secret's name gets the six random characters AWS appends.
 */
const ARN_FORMATS: Record<string, (region: string, account: string, physical: string) => string> = {
    "aws:cloudwatch/logGroup:LogGroup": (r, a, n) => `logs:${r}:${a}:log-group:${n}`,
    "aws:cloudwatch/eventRule:EventRule": (r, a, n) => `events:${r}:${a}:rule/${n}`,
    "aws:cloudwatch/eventBus:EventBus": (r, a, n) => `events:${r}:${a}:event-bus/${n}`,
    "aws:cloudwatch/metricAlarm:MetricAlarm": (r, a, n) => `cloudwatch:${r}:${a}:alarm:${n}`,
    "aws:sfn/stateMachine:StateMachine": (r, a, n) => `states:${r}:${a}:stateMachine:${n}`,
    "aws:sfn/activity:Activity": (r, a, n) => `states:${r}:${a}:activity:${n}`,
    "aws:efs/fileSystem:FileSystem": (r, a, n) => `elasticfilesystem:${r}:${a}:file-system/${n}`,
    "aws:secretsmanager/secret:Secret": (r, a, n) => `secretsmanager:${r}:${a}:secret:${n}-${shortHash(n).slice(0, 6)}`,
    // An alias's name already starts with "alias/".
    "aws:kms/alias:Alias": (r, a, n) => `kms:${r}:${a}:${n.startsWith("alias/") ? n : `alias/${n}`}`,
    "aws:amplify/app:App": (r, a, id) => `amplify:${r}:${a}:apps/${id}`,
};

/**
 * ARNs built from other inputs than the name (AWS's Service Authorization Reference): an S3
 * object's is its bucket's with the key, an access point's carries the Region and account, a
 * layer version's names the layer and its version, an event source mapping's its UUID.
 */
const ARNS_FROM_INPUTS: Record<string, (inputs: Record<string, any>, region: string, physical: string) => string | undefined> = {
    // API Gateway's ARNs name no account and take a path (`arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>`,
    // the Service Authorization Reference), which WAF associations and tag policies are given.
    [REST_API]: (_i, r, n) => apiGatewayArn(r, `/restapis/${n}`),
    "aws:apigateway/authorizer:Authorizer": (i, r, n) => typeof i.restApi === "string" ? apiGatewayArn(r, `/restapis/${i.restApi}/authorizers/${n}`) : undefined,
    "aws:apigateway/stage:Stage": (i, r) => { const s = apiStage(i); return s ? apiGatewayArn(r, `/restapis/${s.api}/stages/${s.name}`) : undefined; },
    "aws:apigatewayv2/api:Api": (_i, r, n) => apiGatewayArn(r, `/apis/${n}`),
    "aws:apigatewayv2/stage:Stage": (i, r) => { const s = apiStage(i); return s ? apiGatewayArn(r, `/apis/${s.api}/stages/${s.name}`) : undefined; },
    "aws:s3/bucketObject:BucketObject": (i, r) => objectArn(i, r),
    "aws:s3/bucketObjectv2:BucketObjectv2": (i, r) => objectArn(i, r),
    // ECS's long ARN format (every account's since 2021): a service under its cluster's name (the
    // `cluster` input is its ARN or name; none is the "default" cluster), a task definition by family and revision.
    "aws:ecs/service:Service": (i, r, n) => typeof (i.cluster ?? "default") === "string"
        ? regionalArn("ecs", r, `service/${String(i.cluster ?? "default").split(":cluster/").pop()}/${n}`) : undefined,
    [TASK_DEFINITION]: (i, r) => typeof i.family === "string" ? regionalArn("ecs", r, `task-definition/${i.family}:1`) : undefined,
    "aws:acm/certificate:Certificate": (_i, r, n) => regionalArn("acm", r, `certificate/${fakeUuid(`acm::${n}`)}`),
    // Amplify: `apps/<app id>/branches/<branch name>`.
    [AMPLIFY_BRANCH]: (i, r) => typeof i.appId === "string" && typeof i.branchName === "string"
        ? regionalArn("amplify", r, `apps/${i.appId}/branches/${i.branchName}`) : undefined,
    "aws:s3/accessPoint:AccessPoint": (_i, r, n) => regionalArn("s3", r, `accesspoint/${n}`),
    "aws:lambda/layerVersion:LayerVersion": (i, r) => typeof i.layerName === "string" ? `${layerArn(i.layerName, r)}:1` : undefined,
    "aws:lambda/eventSourceMapping:EventSourceMapping": (_i, r, n) => regionalArn("lambda", r, `event-source-mapping:${fakeUuid(n)}`),
    // Elastic Load Balancing (v2): `loadbalancer/app|net|gwy/<name>/<id>`, `targetgroup/<name>/<id>`, and listeners
    // and rules under their load balancer's path (the provider's module is `lb`, the service `elasticloadbalancing`).
    "aws:lb/loadBalancer:LoadBalancer": (i, r, n) => elbArn(r, `loadbalancer/${elbKind(i)}/${n}/${elbId(n)}`),
    "aws:alb/loadBalancer:LoadBalancer": (i, r, n) => elbArn(r, `loadbalancer/${elbKind(i)}/${n}/${elbId(n)}`),
    "aws:lb/targetGroup:TargetGroup": (_i, r, n) => elbArn(r, `targetgroup/${n}/${elbId(n)}`),
    "aws:alb/targetGroup:TargetGroup": (_i, r, n) => elbArn(r, `targetgroup/${n}/${elbId(n)}`),
    "aws:lb/listener:Listener": (i, r, n) => underElb(i.loadBalancerArn, ":loadbalancer/", (path) => elbArn(r, `listener/${path}/${elbId(n)}`)),
    "aws:alb/listener:Listener": (i, r, n) => underElb(i.loadBalancerArn, ":loadbalancer/", (path) => elbArn(r, `listener/${path}/${elbId(n)}`)),
    "aws:lb/listenerRule:ListenerRule": (i, r, n) => underElb(i.listenerArn, ":listener/", (path) => elbArn(r, `listener-rule/${path}/${elbId(n)}`)),
    "aws:alb/listenerRule:ListenerRule": (i, r, n) => underElb(i.listenerArn, ":listener/", (path) => elbArn(r, `listener-rule/${path}/${elbId(n)}`)),
};

/** `arn:<partition>:<service>:<region>:<account>:<resource>`, in the placeholder account. */
function regionalArn(service: string, region: string, resource: string): string {
    return `arn:${partitionOf(region).partition}:${service}:${region}:${PLACEHOLDER_ACCOUNT_ID}:${resource}`;
}

function apiGatewayArn(region: string, path: string): string {
    return `arn:${partitionOf(region).partition}:apigateway:${region}::${path}`;
}

/**
 * A stage's API and name (a REST API stage's `restApi` and `stageName`, an HTTP or WebSocket
 * API stage's `apiId` and `name`); null for a resource that is not a stage, undefined while
 * either is not a string.
 */
function apiStage(inputs: Record<string, any>): { api: string; name: string } | undefined | null {
    const api = inputs.restApi ?? inputs.apiId;
    if (api === undefined) return null;
    const name = inputs.restApi !== undefined ? inputs.stageName : inputs.name;
    return typeof api === "string" && typeof name === "string" ? { api, name } : undefined;
}

function elbArn(region: string, resource: string): string {
    return regionalArn("elasticloadbalancing", region, resource);
}

function elbKind(inputs: Record<string, any>): string {
    return inputs.loadBalancerType === "network" ? "net" : inputs.loadBalancerType === "gateway" ? "gwy" : "app";
}

/** The 16 hex characters ELB appends to a load balancer's, target group's or listener's ARN. */
function elbId(physical: string): string {
    return createHash("sha256").update(`elb::${physical}`).digest("hex").slice(0, 16);
}

function underElb(parentArn: unknown, marker: string, arn: (path: string) => string): string | undefined {
    const at = typeof parentArn === "string" ? parentArn.indexOf(marker) : -1;
    return at < 0 ? undefined : arn((parentArn as string).slice(at + marker.length));
}

function objectArn(inputs: Record<string, any>, region: string): string | undefined {
    return typeof inputs.bucket === "string" && typeof inputs.key === "string" ? `arn:${partitionOf(region).partition}:s3:::${inputs.bucket}/${inputs.key}` : undefined;
}

function layerArn(layerName: string, region: string): string {
    return regionalArn("lambda", region, `layer:${layerName}`);
}

const ROUTE53_ARN_KINDS: Record<string, string> = { "zone": "hostedzone", "health-check": "healthcheck", "delegation-set": "delegationset" };

/** ARN formats differ per service; these are the shapes of the common ones. */
export function plausibleArn(type: string, physical: string, region: string): string {
    const m = /^aws:([^/]+)\/([^:]+):/.exec(type);
    const partition = partitionOf(region).partition;
    if (!m) return `arn:${partition}:unknown:${region}:${PLACEHOLDER_ACCOUNT_ID}:${physical}`;
    const format = ARN_FORMATS[type];
    if (format) return `arn:${partition}:${format(region, PLACEHOLDER_ACCOUNT_ID, physical)}`;
    const ec2Kind = GENERATED_IDS[type]?.ec2Kind;
    if (ec2Kind) return `arn:${partition}:ec2:${region}:${PLACEHOLDER_ACCOUNT_ID}:${ec2Kind}/${physical}`;
    const [, service, resource] = m;
    const kind = resource.replace(/V\d+$/, "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    switch (service) {
        case "s3":
            return `arn:${partition}:s3:::${physical}`;
        // Global services: no Region in their ARNs (`arn:aws:cloudfront::123456789012:distribution/EDFDVBD632BHDS5`,
        // the provider's docs), and none for Route 53, nor an account (`arn:aws:route53:::hostedzone/<id>`, AWS's
        // Service Authorization Reference).
        case "cloudfront":
            return `arn:${partition}:cloudfront::${PLACEHOLDER_ACCOUNT_ID}:${kind}/${physical}`;
        case "route53":
            return `arn:${partition}:route53:::${ROUTE53_ARN_KINDS[kind] ?? kind}/${physical}`;
        case "iam":
            return `arn:${partition}:iam::${PLACEHOLDER_ACCOUNT_ID}:${kind === "open-id-connect-provider" ? "oidc-provider" : kind}/${physical}`;
        case "lambda":
            return `arn:${partition}:lambda:${region}:${PLACEHOLDER_ACCOUNT_ID}:function:${physical}`;
        case "rds":
            return `arn:${partition}:rds:${region}:${PLACEHOLDER_ACCOUNT_ID}:${kind === "instance" ? "db" : kind}:${physical}`;
        case "sns":
        case "sqs":
            return `arn:${partition}:${service}:${region}:${PLACEHOLDER_ACCOUNT_ID}:${physical}`;
        case "kms":
            return `arn:${partition}:kms:${region}:${PLACEHOLDER_ACCOUNT_ID}:${kind}/${physical}`;
        default:
            return `arn:${partition}:${service}:${region}:${PLACEHOLDER_ACCOUNT_ID}:${kind}/${physical}`;
    }
}

function shortHash(seed: string): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, 7);
}

export function fakeUuid(seed: string): string {
    const h = createHash("sha256").update(seed).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------- data sources

type Answer = (inputs: Record<string, any>, ctx: MockContext) => Record<string, unknown>;

function partitionOf(region: string) {
    if (region.startsWith("cn-")) return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
    if (region.startsWith("us-gov-")) return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
    return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}

/** us-east-1 → use1, eu-central-1 → euc1, ap-southeast-2 → apse2 (the AZ id prefix). */
function zoneIdPrefix(region: string): string {
    const [geo, direction = "", number = ""] = region.split("-").slice(-3);
    const dir = direction.replace(/(north|south|east|west|central)/g, (w) => w[0]);
    return `${geo}${dir}${number}`;
}

const BUILT_IN_ANSWERS: Record<string, Answer> = {
    "aws:index/getCallerIdentity:getCallerIdentity": (_inputs, ctx) => ({
        accountId: PLACEHOLDER_ACCOUNT_ID,
        arn: `arn:${partitionOf(ctx.region).partition}:iam::${PLACEHOLDER_ACCOUNT_ID}:user/pulumi-check`,
        id: PLACEHOLDER_ACCOUNT_ID,
        userId: "AIDAPULUMICHECKOFFLINE",
    }),
    "aws:index/getRegion:getRegion": (inputs, ctx) => {
        const region = typeof inputs.region === "string" ? inputs.region : typeof inputs.name === "string" ? inputs.name : ctx.region;
        return { ...inputs, id: region, name: region, region, description: region, endpoint: `ec2.${region}.${partitionOf(region).dnsSuffix}` };
    },
    "aws:index/getPartition:getPartition": (inputs, ctx) => {
        const p = partitionOf(ctx.region);
        return { ...inputs, id: p.partition, ...p };
    },
    "aws:index/getAvailabilityZones:getAvailabilityZones": (inputs, ctx) => {
        const region = typeof inputs.region === "string" ? inputs.region : ctx.region;
        const excluded = new Set<string>([...(inputs.excludeNames ?? []), ...(inputs.excludeZoneIds ?? [])]);
        const zones = ["a", "b", "c"]
            .map((letter, i) => ({ name: `${region}${letter}`, zoneId: `${zoneIdPrefix(region)}-az${i + 1}` }))
            .filter((z) => !excluded.has(z.name) && !excluded.has(z.zoneId));
        return { ...inputs, id: region, region, names: zones.map((z) => z.name), zoneIds: zones.map((z) => z.zoneId), groupNames: zones.map(() => region) };
    },
    "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => buildPolicyDocument(inputs),
    // pulumi-cdk resolves every CDK app's account, region, partition and URL suffix (the
    // CloudFormation pseudo parameters) through these, before it registers a resource.
    "aws-native:index:getAccountId": () => ({ accountId: PLACEHOLDER_ACCOUNT_ID }),
    "aws-native:index:getRegion": (_inputs, ctx) => ({ region: ctx.region }),
    "aws-native:index:getPartition": (_inputs, ctx) => ({ partition: partitionOf(ctx.region).partition }),
    "aws-native:index:getUrlSuffix": (_inputs, ctx) => ({ urlSuffix: partitionOf(ctx.region).dnsSuffix }),
};

// ---------------------------------------------------------------- resource classes

/**
 * A resource's properties, read from its generated class (`<pkg>/<module>/<name>.js` in
 * every Pulumi-generated Node.js SDK): the create branch marks output-only ones `/*out*\/`.
 * Reading text keeps us from loading the class (or the whole provider SDK).
 */
export function resourceShapeReader(programDir: string): (type: string) => ResourceShape | undefined {
    const cache = new Map<string, ResourceShape | undefined>();
    return (type) => {
        if (cache.has(type)) return cache.get(type);
        const shape = readShape(programDir, type);
        cache.set(type, shape);
        return shape;
    };
}

function readShape(programDir: string, type: string): ResourceShape | undefined {
    const m = /^([^:]+):([^/:]+)\/([^:]+):[^:]+$/.exec(type);
    if (!m) return undefined;
    const [, pkg, module, file] = m;
    let pkgDir: string;
    try {
        pkgDir = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [programDir] }));
    } catch {
        return undefined;
    }
    let text: string;
    try {
        text = fs.readFileSync(path.join(pkgDir, module === "index" ? "" : module, `${file}.js`), "utf8");
    } catch {
        return undefined;
    }
    const properties = new Set<string>();
    const outputOnly = new Set<string>();
    for (const match of text.matchAll(/resourceInputs\["([^"]+)"\] = ([^;\n]*);/g)) {
        properties.add(match[1]);
        if (/^undefined\s*\/\*out\*\/$/.test(match[2].trim())) outputOnly.add(match[1]);
    }
    return { properties: [...properties], outputOnly: [...outputOnly] };
}
