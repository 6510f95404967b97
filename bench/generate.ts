// A realistic resource mix for the benchmark, in the fixture format (fixtures/README.md).
//
// Resources come in "units" as programs create them: a bucket with its encryption
// configuration, public-access block and policy; a service component with its role,
// policies, function and log group; a database with its KMS key; an ECS task. Property
// names and shapes follow the AWS provider v7 SDK (node_modules/@pulumi/aws/**/*.d.ts).
// References only point backwards, so cutting the list at any length stays valid.
// Deterministic: the same seed gives the same stack.

export interface FixtureResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    protect?: boolean;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    custom?: boolean;
}

export interface FixtureStack {
    description: string;
    stack: string;
    project: string;
    preview: boolean;
    resources: FixtureResource[];
}

export interface MixOptions {
    /** PRNG seed; default 1. */
    seed?: number;
    /** Statements per standalone IAM policy document: [min, max]. Default [100, 300]. */
    iamPolicyStatements?: [number, number];
    /** Variables per Lambda environment: [min, max]. Default [40, 160]. */
    lambdaEnvVars?: [number, number];
    /** Share of units whose cross-resource references are still unknown (a preview). Default 0.3. */
    unknownShare?: number;
}

const ACCOUNT = "123456789012";
const REGIONS = ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"];
const SERVICES: Record<string, string[]> = {
    s3: ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetObjectVersion", "GetBucketLocation", "PutObjectTagging"],
    dynamodb: ["GetItem", "PutItem", "Query", "Scan", "UpdateItem", "BatchWriteItem", "DescribeTable"],
    sqs: ["SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes", "ChangeMessageVisibility"],
    sns: ["Publish", "Subscribe", "GetTopicAttributes"],
    kms: ["Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "ReEncryptFrom", "ReEncryptTo"],
    logs: ["CreateLogGroup", "CreateLogStream", "PutLogEvents", "DescribeLogStreams"],
    secretsmanager: ["GetSecretValue", "DescribeSecret"],
    ssm: ["GetParameter", "GetParameters", "GetParametersByPath"],
    ecr: ["GetAuthorizationToken", "BatchGetImage", "GetDownloadUrlForLayer", "BatchCheckLayerAvailability"],
    xray: ["PutTraceSegments", "PutTelemetryRecords"],
    cloudwatch: ["PutMetricData", "GetMetricData"],
    events: ["PutEvents"],
    states: ["StartExecution", "DescribeExecution"],
    lambda: ["InvokeFunction", "GetFunction"],
};
const SERVICE_NAMES = Object.keys(SERVICES);

/** mulberry32: small, fast, good enough for shaping test data. */
function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

class Gen {
    readonly random: () => number;
    constructor(seed: number, readonly options: Required<MixOptions>) {
        this.random = prng(seed);
    }
    int(min: number, max: number): number {
        return min + Math.floor(this.random() * (max - min + 1));
    }
    chance(p: number): boolean {
        return this.random() < p;
    }
    pick<T>(xs: readonly T[]): T {
        return xs[Math.floor(this.random() * xs.length)];
    }
    hex(n: number): string {
        let s = "";
        for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(this.random() * 16)];
        return s;
    }
    uuid(): string {
        return `${this.hex(8)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(12)}`;
    }
}

/** One IAM statement as programs write them; `wildcard` makes it grant too much. */
function statement(g: Gen, i: number, wildcard: boolean): Record<string, unknown> {
    const service = g.pick(SERVICE_NAMES);
    const actions = SERVICES[service];
    const n = g.int(1, Math.min(6, actions.length));
    const start = g.int(0, actions.length - n);
    const action = wildcard ? (g.chance(0.5) ? "*" : `${service}:*`) : actions.slice(start, start + n).map((a) => `${service}:${a}`);
    const region = g.pick(REGIONS);
    const resource = g.chance(0.15)
        ? "*"
        : Array.from({ length: g.int(1, 4) }, (_, k) => `arn:aws:${service}:${region}:${ACCOUNT}:${service}-resource-${i}-${k}/*`);
    const s: Record<string, unknown> = { Sid: `Stmt${i}`, Effect: g.chance(0.93) ? "Allow" : "Deny", Action: n === 1 && !wildcard && g.chance(0.5) ? (action as string[])[0] : action, Resource: resource };
    if (g.chance(0.25)) s.Condition = { StringEquals: { "aws:RequestedRegion": region, "aws:PrincipalTag/team": `team-${g.int(1, 40)}` } };
    return s;
}

function policyDocument(g: Gen, statements: number, wildcardShare: number): Record<string, unknown> {
    const wild = g.chance(wildcardShare) ? g.int(0, statements - 1) : -1;
    return { Version: "2012-10-17", Statement: Array.from({ length: statements }, (_, i) => statement(g, i, i === wild)) };
}

function trustPolicy(service: string): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: `${service}.amazonaws.com` }, Action: "sts:AssumeRole" }] });
}

function keyPolicy(g: Gen, roleArn: string): string {
    const statements: Record<string, unknown>[] = [
        { Sid: "EnableRootAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
        {
            Sid: "KeyAdministrators", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/key-admin` },
            Action: ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
            Resource: "*",
        },
    ];
    for (let i = 0, n = g.int(3, 12); i < n; i++) {
        statements.push({
            Sid: `KeyUser${i}`, Effect: "Allow", Principal: { AWS: g.chance(0.95) ? roleArn : "*" },
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], Resource: "*",
            Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": `s3.${g.pick(REGIONS)}.amazonaws.com` } },
        });
    }
    return JSON.stringify({ Version: "2012-10-17", Id: "key-policy", Statement: statements });
}

const UNKNOWN = { $unknown: true };

interface Unit {
    unknown: boolean;
    out: FixtureResource[];
}

function bucketUnit(g: Gen, id: string, u: Unit): void {
    const bucketName = `acme-${id}-${g.hex(6)}`;
    const v2 = g.chance(0.15);
    const inline = !v2 && g.chance(0.25);
    const props: Record<string, unknown> = {
        bucket: bucketName,
        forceDestroy: false,
        tags: { team: `team-${g.int(1, 40)}`, env: g.pick(["dev", "staging", "prod"]), costCenter: String(g.int(1000, 9999)) },
    };
    if (v2) props.versionings = [{ enabled: true }];
    else props.versioning = { enabled: g.chance(0.8) };
    if (inline) {
        props.serverSideEncryptionConfiguration = {
            rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: g.chance(0.6) ? "aws:kms" : "AES256" }, bucketKeyEnabled: true },
        };
    }
    const type = v2 ? "aws:s3/bucketV2:BucketV2" : "aws:s3/bucket:Bucket";
    const arn = `arn:aws:s3:::${bucketName}`;
    u.out.push({ type, name: id, props, outputs: { ...props, id: bucketName, arn, region: "us-east-1", bucketDomainName: `${bucketName}.s3.amazonaws.com` } });
    const ref = u.unknown ? UNKNOWN : bucketName;
    // 10% of buckets get no encryption configuration at all (a finding for the stack policy).
    if (!inline && g.chance(0.9)) {
        const sse = {
            bucket: ref,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: u.unknown ? UNKNOWN : `arn:aws:kms:us-east-1:${ACCOUNT}:key/${g.uuid()}` }, bucketKeyEnabled: true }],
        };
        u.out.push({
            type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            name: `${id}-sse`, props: sse, outputs: { ...sse, bucket: bucketName, id: bucketName },
            dependencies: [id], propertyDependencies: { bucket: [id] },
        });
    }
    if (g.chance(0.6)) {
        const pab = { bucket: ref, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: g.chance(0.9) };
        u.out.push({ type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: `${id}-pab`, props: pab, outputs: { ...pab, bucket: bucketName, id: bucketName }, dependencies: [id], propertyDependencies: { bucket: [id] } });
    }
    if (g.chance(0.35)) {
        const doc = {
            Version: "2012-10-17",
            Statement: [
                { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
                ...Array.from({ length: g.int(1, 6) }, (_, i) => ({
                    Sid: `ReadAccess${i}`, Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/reader-${i}` },
                    Action: ["s3:GetObject", "s3:ListBucket"], Resource: [arn, `${arn}/*`],
                })),
            ],
        };
        const policy = u.unknown ? UNKNOWN : JSON.stringify(doc);
        u.out.push({ type: "aws:s3/bucketPolicy:BucketPolicy", name: `${id}-policy`, props: { bucket: ref, policy }, outputs: { bucket: bucketName, policy: JSON.stringify(doc), id: bucketName }, dependencies: [id], propertyDependencies: { bucket: [id], policy: [id] } });
    }
}

function serviceUnit(g: Gen, id: string, u: Unit): void {
    const component = `${id}`;
    u.out.push({ type: "acme:app:Service", name: component, props: {}, custom: false });
    const roleName = `${id}-role`;
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/${roleName}-${g.hex(7)}`;
    const inline = Array.from({ length: g.int(0, 3) }, (_, i) => ({
        name: `${id}-inline-${i}`,
        policy: JSON.stringify(policyDocument(g, g.int(10, 40), 0.05)),
    }));
    const role: Record<string, unknown> = {
        name: `${roleName}-${g.hex(7)}`,
        assumeRolePolicy: trustPolicy(g.chance(0.7) ? "lambda" : "ecs-tasks"),
        managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
        maxSessionDuration: 3600,
        forceDetachPolicies: false,
        tags: { service: id },
    };
    if (inline.length) role.inlinePolicies = inline;
    u.out.push({ type: "aws:iam/role:Role", name: roleName, props: role, outputs: { ...role, arn: roleArn, id: role.name, uniqueId: `AROA${g.hex(16).toUpperCase()}` }, parent: component });
    const roleRef = u.unknown ? UNKNOWN : role.name;
    // Standalone managed policies carry the large documents: hundreds of statements, as a
    // JSON string (JSON.stringify / getPolicyDocument) or as a PolicyDocument object.
    const [min, max] = g.options.iamPolicyStatements;
    const doc = policyDocument(g, g.int(min, max), 0.1);
    const policyName = `${id}-policy`;
    const policyArn = `arn:aws:iam::${ACCOUNT}:policy/${policyName}`;
    const policyProps = { name: policyName, path: "/", description: `Access for ${id}`, policy: g.chance(0.5) ? JSON.stringify(doc) : doc };
    u.out.push({ type: "aws:iam/policy:Policy", name: policyName, props: policyProps, outputs: { ...policyProps, policy: JSON.stringify(doc), arn: policyArn, id: policyArn }, parent: component });
    u.out.push({
        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: `${id}-attach`, parent: component,
        props: { role: roleRef, policyArn: u.unknown ? UNKNOWN : policyArn },
        dependencies: [roleName, policyName], propertyDependencies: { role: [roleName], policyArn: [policyName] },
    });
    if (g.chance(0.5)) {
        const rp = policyDocument(g, g.int(20, 60), 0.08);
        const props = { name: `${id}-extra`, role: roleRef, policy: g.chance(0.5) ? JSON.stringify(rp) : rp };
        u.out.push({ type: "aws:iam/rolePolicy:RolePolicy", name: `${id}-extra`, props, outputs: { ...props, role: role.name, policy: JSON.stringify(rp) }, parent: component, dependencies: [roleName], propertyDependencies: { role: [roleName] } });
    }
    const [vmin, vmax] = g.options.lambdaEnvVars;
    const variables: Record<string, unknown> = {};
    for (let i = 0, n = g.int(vmin, vmax); i < n; i++) {
        variables[`FEATURE_${i}_${g.pick(["URL", "ENABLED", "TIMEOUT_MS", "QUEUE", "TABLE", "MODE"])}`] = g.chance(0.1) ? `https://svc-${i}.internal.acme.io/v1` : g.hex(g.int(4, 24));
    }
    variables.DB_HOST = `db-${g.hex(6)}.cluster-${g.hex(12)}.us-east-1.rds.amazonaws.com`;
    // Mostly secret-wrapped credentials, sometimes a plaintext one (a finding).
    variables.DB_PASSWORD = g.chance(0.85) ? { $secret: g.hex(24) } : g.hex(24);
    variables.API_TOKEN = { $secret: g.hex(40) };
    const fn: Record<string, unknown> = {
        name: `${id}-fn-${g.hex(7)}`,
        role: u.unknown ? UNKNOWN : roleArn,
        runtime: g.pick(["nodejs20.x", "nodejs22.x", "python3.12", "java21"]),
        handler: "index.handler",
        s3Bucket: `acme-artifacts-${g.hex(6)}`,
        s3Key: `${id}/${g.hex(40)}.zip`,
        memorySize: g.pick([128, 256, 512, 1024, 2048]),
        timeout: g.pick([3, 10, 30, 60, 900]),
        architectures: ["arm64"],
        environment: { variables },
        tracingConfig: { mode: "Active" },
        kmsKeyArn: g.chance(0.5) ? `arn:aws:kms:us-east-1:${ACCOUNT}:key/${g.uuid()}` : undefined,
        tags: { service: id },
    };
    if (fn.kmsKeyArn === undefined) delete fn.kmsKeyArn;
    u.out.push({ type: "aws:lambda/function:Function", name: `${id}-fn`, props: fn, outputs: { ...fn, arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${fn.name}`, role: roleArn }, parent: component, dependencies: [roleName], propertyDependencies: { role: [roleName] } });
    const lg = { name: `/aws/lambda/${fn.name}`, retentionInDays: g.pick([7, 30, 90, 365]), kmsKeyId: g.chance(0.4) ? `arn:aws:kms:us-east-1:${ACCOUNT}:key/${g.uuid()}` : undefined };
    if (lg.kmsKeyId === undefined) delete lg.kmsKeyId;
    u.out.push({ type: "aws:cloudwatch/logGroup:LogGroup", name: `${id}-logs`, props: lg, parent: component });
}

function databaseUnit(g: Gen, id: string, u: Unit): void {
    const keyName = `${id}-key`;
    const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${g.uuid()}`;
    const key = {
        description: `Encryption key for ${id}`,
        enableKeyRotation: g.chance(0.9),
        deletionWindowInDays: 30,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        policy: keyPolicy(g, `arn:aws:iam::${ACCOUNT}:role/${id}-app`),
        tags: { database: id },
    };
    u.out.push({ type: "aws:kms/key:Key", name: keyName, props: key, outputs: { ...key, arn: keyArn, keyId: keyArn.split("/")[1], id: keyArn.split("/")[1] }, protect: g.chance(0.8) });
    u.out.push({ type: "aws:kms/alias:Alias", name: `${id}-alias`, props: { name: `alias/${id}`, targetKeyId: u.unknown ? UNKNOWN : keyArn.split("/")[1] }, dependencies: [keyName], propertyDependencies: { targetKeyId: [keyName] } });
    const kmsRef = u.unknown ? UNKNOWN : keyArn;
    const password = g.chance(0.85) ? { $secret: g.hex(32) } : g.hex(32);
    const sg = {
        description: `Database access for ${id}`,
        vpcId: `vpc-${g.hex(17)}`,
        ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"], description: "app subnets" }],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        revokeRulesOnDelete: false,
    };
    u.out.push({ type: "aws:ec2/securityGroup:SecurityGroup", name: `${id}-sg`, props: sg });
    const sgRef = u.unknown ? UNKNOWN : `sg-${g.hex(17)}`;
    if (g.chance(0.6)) {
        const db = {
            identifier: `${id}-${g.hex(5)}`,
            engine: "postgres",
            engineVersion: "16.3",
            instanceClass: g.pick(["db.t4g.medium", "db.r6g.large", "db.r6g.xlarge"]),
            allocatedStorage: g.pick([20, 100, 500]),
            storageType: "gp3",
            storageEncrypted: g.chance(0.9),
            kmsKeyId: kmsRef,
            dbName: "app",
            username: "app_admin",
            password,
            multiAz: g.chance(0.5),
            backupRetentionPeriod: 14,
            deletionProtection: g.chance(0.85),
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${id}-final`,
            publiclyAccessible: false,
            vpcSecurityGroupIds: [sgRef],
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
            tags: { database: id },
        };
        u.out.push({ type: "aws:rds/instance:Instance", name: `${id}-db`, props: db, protect: g.chance(0.8), dependencies: [keyName, `${id}-sg`], propertyDependencies: { kmsKeyId: [keyName], vpcSecurityGroupIds: [`${id}-sg`] } });
    } else {
        const cluster = {
            clusterIdentifier: `${id}-${g.hex(5)}`,
            engine: "aurora-postgresql",
            engineVersion: "16.2",
            databaseName: "app",
            masterUsername: "app_admin",
            masterPassword: password,
            storageEncrypted: g.chance(0.9),
            kmsKeyId: kmsRef,
            backupRetentionPeriod: 14,
            deletionProtection: g.chance(0.85),
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${id}-final`,
            vpcSecurityGroupIds: [sgRef],
            tags: { database: id },
        };
        u.out.push({ type: "aws:rds/cluster:Cluster", name: `${id}-cluster`, props: cluster, protect: g.chance(0.8), dependencies: [keyName, `${id}-sg`], propertyDependencies: { kmsKeyId: [keyName], vpcSecurityGroupIds: [`${id}-sg`] } });
    }
}

function taskUnit(g: Gen, id: string, u: Unit): void {
    const containers = Array.from({ length: g.int(1, 4) }, (_, c) => ({
        name: c === 0 ? "app" : `sidecar-${c}`,
        image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${id}:${g.hex(12)}`,
        cpu: 256,
        memory: 512,
        essential: c === 0,
        portMappings: c === 0 ? [{ containerPort: 8080, hostPort: 8080, protocol: "tcp" }] : [],
        environment: Array.from({ length: g.int(20, 60) }, (_, i) => ({ name: `SETTING_${i}`, value: g.hex(g.int(4, 32)) })),
        secrets: [
            { name: "DB_PASSWORD", valueFrom: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${id}/db-${g.hex(6)}` },
            { name: "API_TOKEN", valueFrom: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/${id}/token` },
        ],
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": `/ecs/${id}`, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" } },
        healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], interval: 30, timeout: 5, retries: 3 },
    }));
    const td = {
        family: id,
        containerDefinitions: JSON.stringify(containers),
        cpu: "1024",
        memory: "2048",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        executionRoleArn: u.unknown ? UNKNOWN : `arn:aws:iam::${ACCOUNT}:role/${id}-exec`,
        taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${id}-task`,
        runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" },
        tags: { service: id },
    };
    u.out.push({ type: "aws:ecs/taskDefinition:TaskDefinition", name: `${id}-task`, props: td });
}

const UNITS: [number, (g: Gen, id: string, u: Unit) => void, string][] = [
    [0.38, bucketUnit, "bucket"],
    [0.30, serviceUnit, "svc"],
    [0.17, databaseUnit, "db"],
    [0.15, taskUnit, "task"],
];

/** A stack of exactly `count` resources (plus the stack and provider the loader adds). */
export function generateStack(count: number, options: MixOptions = {}): FixtureStack {
    return {
        description: `benchmark mix: ${count} resources, seed ${options.seed ?? 1}`,
        stack: "bench",
        project: "acme",
        preview: true,
        resources: [...generateResources(count, options)],
    };
}

/** The resources of `generateStack`, one by one (a 50,000-resource stack need not be held at once). */
export function* generateResources(count: number, options: MixOptions = {}): Generator<FixtureResource> {
    const opts: Required<MixOptions> = {
        seed: options.seed ?? 1,
        iamPolicyStatements: options.iamPolicyStatements ?? [100, 300],
        lambdaEnvVars: options.lambdaEnvVars ?? [40, 160],
        unknownShare: options.unknownShare ?? 0.3,
    };
    const g = new Gen(opts.seed, opts);
    let produced = 0;
    for (let n = 0; produced < count; n++) {
        let r = g.random();
        let make = UNITS[UNITS.length - 1];
        for (const unit of UNITS) {
            if (r < unit[0]) { make = unit; break; }
            r -= unit[0];
        }
        const unit: Unit = { unknown: g.chance(opts.unknownShare), out: [] };
        make[1](g, `${make[2]}${n}`, unit);
        for (const resource of unit.out) {
            if (produced++ === count) return;
            yield resource;
        }
    }
}

/**
 * `count` resources of buckets and their encryption configurations; every fourth bucket also
 * has a public access block and a public-read bucket policy. With `shared`, every bucket has
 * the same physical name and every configuration names it (a template applied many times, or
 * names computed alike): each configuration then targets every bucket. Without, each bucket
 * has its own name and configurations.
 */
export function bucketStack(count: number, shared: boolean): FixtureStack {
    const resources: FixtureResource[] = [];
    for (let i = 0; resources.length < count; i++) {
        const name = shared ? "acme-shared-assets" : `acme-assets-${i}`;
        const props = { bucket: name, forceDestroy: false, tags: { team: `team-${i % 40}` } };
        resources.push({ type: "aws:s3/bucketV2:BucketV2", name: `assets-${i}`, props, outputs: { ...props, id: name, arn: `arn:aws:s3:::${name}` } });
        const sse = { bucket: name, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] };
        resources.push({
            type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: `assets-${i}-sse`,
            props: sse, outputs: { ...sse, id: name }, dependencies: [`assets-${i}`], propertyDependencies: { bucket: [`assets-${i}`] },
        });
        if (i % 4 !== 0) continue;
        const block = { bucket: name, blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false };
        const policy = {
            bucket: name,
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${name}/*` }] }),
        };
        for (const [type, suffix, p] of [["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", block], ["aws:s3/bucketPolicy:BucketPolicy", "policy", policy]] as const) {
            resources.push({ type, name: `assets-${i}-${suffix}`, props: p, outputs: { ...p, id: name }, dependencies: [`assets-${i}`], propertyDependencies: { bucket: [`assets-${i}`] } });
        }
    }
    resources.length = count;
    return { description: `${count} buckets and configurations, ${shared ? "one shared name" : "unique names"}`, stack: "bench", project: "acme", preview: false, resources };
}

/** Resource count per type token, for reports. */
export function typeHistogram(stack: FixtureStack): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of stack.resources) out[r.type] = (out[r.type] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

// ---------------------------------------------------------------- stack exports

export interface ExportOptions extends MixOptions {
    /** Stack name (default "bench"). */
    stack?: string;
    /** Secrets-provider URL recorded in the export (default: an AWS KMS key, which the pack's default config allows). */
    secretsProvider?: string;
}

/**
 * The same mix as `pulumi stack export` would write it after an update: `version: 3`, the
 * root stack and the default aws provider first (as in every snapshot), inputs with
 * `__defaults`, outputs, ids, provider references, dependencies and property dependencies,
 * secrets as ciphertext, no unknowns (state holds known values). Written resource by
 * resource (an export of 50,000 resources is larger than the longest string V8 allows).
 */
export function writeStackExport(file: string, count: number, options: ExportOptions = {}): { bytes: number; resources: number } {
    const fs = require("fs") as typeof import("fs");
    const s = options.stack ?? "bench";
    const p = "acme";
    const urnOf = new Map<string, string>();
    const typeOf = new Map<string, string>();
    const stackUrn = `urn:pulumi:${s}::${p}::pulumi:pulumi:Stack::${p}-${s}`;
    const providerUrn = `urn:pulumi:${s}::${p}::pulumi:providers:aws::default_7_48_0`;
    const providerRef = `${providerUrn}::8c3a7f1e-2b4d-4e6f-9a1b-3c5d7e9f1a2b`;
    const stamp = "2026-11-20T13:01:09.137Z";
    let n = 0;
    const ciphertext = () => `v1:${(++n).toString(36).padStart(16, "0")}:${"c2VjcmV0LWNpcGhlcnRleHQ".repeat(2)}`;
    const SIG_KEY = "4dabf18193072939515e22adb298388d";
    const SECRET = "1b47061264138c4ac30d75fd1eb44270";
    const state = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(state);
        if (typeof v !== "object" || v === null) return v;
        if ("$secret" in v) return { [SIG_KEY]: SECRET, ciphertext: ciphertext() };
        return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, state(e)]));
    };
    const fd = fs.openSync(file, "w");
    let bytes = 0;
    const write = (text: string) => { bytes += fs.writeSync(fd, text); };
    try {
        const head = {
            manifest: { time: stamp, magic: "0".repeat(64), version: "v3.270.0" },
            secrets_providers: { type: "cloud", state: { url: options.secretsProvider ?? "awskms://alias/pulumi-state?region=us-east-1" } },
        };
        write(`{"version":3,"deployment":${JSON.stringify(head).slice(0, -1)},"resources":[\n`);
        write(JSON.stringify({ urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack", created: stamp, modified: stamp }));
        const providerInputs = { region: "us-east-1", skipCredentialsValidation: "false", skipRegionValidation: "true", version: "7.48.0" };
        write(",\n" + JSON.stringify({
            urn: providerUrn, custom: true, id: providerRef.split("::").pop(), type: "pulumi:providers:aws",
            inputs: { __internal: {}, ...providerInputs }, outputs: providerInputs, created: stamp, modified: stamp,
        }));
        for (const r of generateResources(count, { ...options, unknownShare: 0 })) {
            const parentUrn = r.parent ? urnOf.get(r.parent)! : stackUrn;
            const parentType = r.parent ? typeOf.get(r.parent) : undefined;
            const urn = `urn:pulumi:${s}::${p}::${parentType ? `${parentType}$` : ""}${r.type}::${r.name}`;
            urnOf.set(r.name, urn);
            typeOf.set(r.name, parentType ? `${parentType}$${r.type}` : r.type);
            const custom = r.custom !== false;
            const inputs = state(r.props) as Record<string, unknown>;
            const outputs = state(r.outputs ?? r.props) as Record<string, unknown>;
            const id = typeof outputs.id === "string" ? outputs.id : `${r.name}-${(urn.length * 7919).toString(16)}`;
            const entry: Record<string, unknown> = {
                urn, custom, type: r.type,
                ...(custom ? { id, inputs: { __defaults: [], ...inputs }, outputs: { ...outputs, id } } : { outputs: {} }),
                parent: parentUrn,
            };
            if (r.protect) entry.protect = true;
            if (custom) entry.provider = providerRef;
            const deps = (r.dependencies ?? []).map((d) => urnOf.get(d)!);
            if (deps.length) entry.dependencies = deps;
            const propertyDependencies = Object.fromEntries(Object.keys(r.props).map((k) => [k, (r.propertyDependencies?.[k] ?? []).map((d) => urnOf.get(d)!)]));
            if (custom) entry.propertyDependencies = propertyDependencies;
            entry.created = stamp;
            entry.modified = stamp;
            write(",\n" + JSON.stringify(entry));
        }
        write("\n]}}\n");
    } finally {
        fs.closeSync(fd);
    }
    return { bytes, resources: count + 2 };
}
