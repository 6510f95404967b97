// `check --program <dir>`: Pulumi programs run offline against @pulumi/pulumi's mocks, their
// registrations captured as the engine hands them to analyzers, then analyzed like any input.
// The example programs live in fixtures/programs/<example>/ and resolve @pulumi/* from the
// repository's node_modules.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { afterAll, describe, expect, it } from "vitest";
import { EngineResource } from "../cli/engine/model";
import { EMPTY_TEXT_ASSET_HASH, isWireSecret, SIG, SIG_KEY } from "../policies/lib/wire";
import { analyzeWith } from "../cli/engine/run";
import { parseInput } from "../cli/inputs";
import { providerConfigFrom, Registration, toEngineResources, engineValue } from "../cli/program/capture";
import { markers, toFixture } from "../cli/program/fixture";
import { describeError } from "../cli/program/child";
import { AutonameError, checkedAutoname, createMocks, plausibleArn, resourceShapeReader, ResourceShape, UnansweredError } from "../cli/program/mocks";
import { buildPolicyDocument, PolicyDocumentError } from "../cli/program/policy-document";
import { ProgramSyntaxError, typeCheck } from "../cli/program/typescript";
import { loadProject, ProgramError, SECRET_PLACEHOLDER } from "../cli/program/project";
import { crashLine, ProgramCapture, readAnswers, runProgram } from "../cli/program/run-program";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { execFileSync } from "child_process";
import { runCheck } from "./helpers/check";
import { githubSarifProblems, sarifSchemaErrors } from "./helpers/sarif-schema";
import { assertNotShown } from "./helpers/secrets";
import { FIXTURES, PACK_DIR, useEngine, withLookups } from "./helpers/engine";

const PROGRAMS = path.join(FIXTURES, "programs");
// The example programs run transpile-only, as Pulumi runs them with this variable: type-checking
// one against @pulumi/aws's declarations costs 10 s or more, and the type-check has its own tests
// (which run without it).
process.env.PULUMI_NODEJS_TRANSPILE_ONLY = "true";
const TYPE_CHECKED_ENV = (() => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (k !== "PULUMI_NODEJS_TRANSPILE_ONLY" && k !== "INIT_CWD" && !k.startsWith("npm_")) env[k] = v;
    return env;
})();
const UNKNOWN = UNKNOWN_SENTINELS.string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-program-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Each example runs once per mode for the whole file. */
const captures = new Map<string, Promise<ProgramCapture>>();
function capture(example: string, mode: "preview" | "update"): Promise<ProgramCapture> {
    const key = `${example}:${mode}`;
    if (!captures.has(key)) captures.set(key, runProgram({ dir: path.join(PROGRAMS, example), preview: mode === "preview" }));
    return captures.get(key)!;
}

function named(c: { resources: EngineResource[] }, name: string): EngineResource {
    const found = c.resources.filter((r) => r.name === name);
    expect(found, `one resource named ${name}`).toHaveLength(1);
    return found[0];
}

const check = (...args: string[]) => runCheck(args);

function writeTmp(name: string, content: string): string {
    const file = path.join(tmp, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
}

const ALL_ADVISORY = writeTmp("all-advisory.json", JSON.stringify({ all: "advisory" }));

// ---------------------------------------------------------------- getPolicyDocument

describe("getPolicyDocument answered with the provider's JSON (pure)", () => {
    const json = (args: Record<string, unknown>) => JSON.parse(buildPolicyDocument(args).json);
    const cases: [string, Record<string, unknown>, unknown][] = [
        ["one action and one resource become strings; Effect defaults to Allow",
            { statements: [{ actions: ["s3:GetObject"], resources: ["*"] }] },
            { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }],
        ["set-typed lists are de-duplicated and sorted in reverse",
            { statements: [{ sid: "Read", actions: ["s3:GetObject", "s3:ListBucket", "s3:GetObject"], notResources: ["arn:aws:s3:::a", "arn:aws:s3:::a/*"] }] },
            { Version: "2012-10-17", Statement: [{ Sid: "Read", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObject"], NotResource: ["arn:aws:s3:::a/*", "arn:aws:s3:::a"] }] }],
        ["notActions, Deny, and the lone {type: *, identifiers: [*]} principal as \"*\"",
            { statements: [{ effect: "Deny", notActions: ["iam:*"], resources: ["*"], principals: [{ type: "*", identifiers: ["*"] }] }] },
            { Version: "2012-10-17", Statement: [{ Effect: "Deny", NotAction: "iam:*", Resource: "*", Principal: "*" }] }],
        ["principals grouped by type, keys sorted, same type merged",
            { statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }, { type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }, { type: "AWS", identifiers: ["arn:aws:iam::444455556666:root"] }] }] },
            { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"], Service: "lambda.amazonaws.com" } }] }],
        ["conditions keyed by test then variable, list order kept, one value flattened",
            { statements: [{ actions: ["s3:PutObject"], resources: ["*"], conditions: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["private", "bucket-owner-full-control"] }, { test: "Bool", variable: "aws:SecureTransport", values: ["true"] }] }] },
            { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "true" }, StringEquals: { "s3:x-amz-acl": ["private", "bucket-owner-full-control"] } } }] }],
        ["&{...} becomes an IAM policy variable",
            { statements: [{ actions: ["s3:*"], resources: ["arn:aws:s3:::home/&{aws:username}/*"] }] },
            { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::home/${aws:username}/*" }] }],
        ["policyId and version",
            { policyId: "key-policy", version: "2008-10-17", statements: [{ actions: ["kms:Decrypt"], resources: ["*"] }] },
            { Version: "2008-10-17", Id: "key-policy", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] }],
        ["source documents first, statements replace by Sid, overrides last",
            {
                sourcePolicyDocuments: [JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Action: "s3:*", Resource: "*" }, { Sid: "B", Effect: "Allow", Action: "ec2:*", Resource: "*" }] })],
                statements: [{ sid: "A", actions: ["s3:GetObject"], resources: ["*"] }],
                overridePolicyDocuments: [JSON.stringify({ Statement: { Sid: "B", Effect: "Deny", Action: "ec2:*", Resource: "*" } })],
            },
            { Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, { Sid: "B", Effect: "Deny", Action: "ec2:*", Resource: "*" }] }],
        ["no statements: just the version", {}, { Version: "2012-10-17" }],
        // JavaScript checks no argument names, and the bridge maps a name no Pulumi name claims to its snake_case form.
        ["a statement's keys by their Terraform names: condition, not_actions, not_resources, not_principals",
            { statements: [
                { sid: "Owner", actions: ["sns:Publish"], principals: [{ type: "AWS", identifiers: ["*"] }], condition: [{ test: "StringEquals", variable: "AWS:SourceOwner", values: ["111122223333"] }] },
                { sid: "Fence", effect: "Deny", not_actions: ["sns:Publish"], not_resources: ["arn:aws:sns:us-east-1:111122223333:alarms"], not_principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }] },
            ] },
            { Version: "2012-10-17", Statement: [
                { Sid: "Owner", Effect: "Allow", Action: "sns:Publish", Principal: { AWS: "*" }, Condition: { StringEquals: { "AWS:SourceOwner": "111122223333" } } },
                { Sid: "Fence", Effect: "Deny", NotAction: "sns:Publish", NotResource: "arn:aws:sns:us-east-1:111122223333:alarms", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } },
            ] }],
        ["the Pulumi name wins when a statement has both",
            { statements: [{ actions: ["s3:GetObject"], resources: ["*"], conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["true"] }], condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] }] },
            { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } }] }],
    ];
    it.each(cases)("%s", (_label, args, expected) => {
        expect(json(args)).toEqual(expected);
    });

    it("writes Go's MarshalIndent text, a minified copy and the hash-code id", () => {
        const result = buildPolicyDocument({ statements: [{ sid: "X", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::a<b>&c"] }] });
        expect(result.json).toBe([
            "{",
            '  "Version": "2012-10-17",',
            '  "Statement": [',
            "    {",
            '      "Sid": "X",',
            '      "Effect": "Allow",',
            '      "Action": "s3:GetObject",',
            '      "Resource": "arn:aws:s3:::a\\u003cb\\u003e\\u0026c"',
            "    }",
            "  ]",
            "}",
        ].join("\n"));
        expect(result.minifiedJson).toBe('{"Version":"2012-10-17","Statement":[{"Sid":"X","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a\\u003cb\\u003e\\u0026c"}]}');
        expect(result.id).toBe(String(zlib.crc32(result.json)));
    });

    const errors: [string, Record<string, unknown>, RegExp][] = [
        ["an effect AWS does not know", { statements: [{ effect: "allow", actions: ["*"] }] }, /statements\[0\]\.effect must be "Allow" or "Deny"/],
        ["two statements with one Sid", { statements: [{ sid: "S", actions: ["a:b"] }, { sid: "S", actions: ["c:d"] }] }, /duplicate sid \(S\)/],
        ["a principal without a type", { statements: [{ principals: [{ identifiers: ["*"] }] }] }, /principals\[0\]\.type is required/],
        ["a list where a string belongs", { statements: [{ actions: [["s3:*"]] }] }, /actions\[0\] must be a string/],
        ["an undefined value (sent as null)", { statements: [{ actions: ["s3:GetObject"], resources: [null] }] }, /statements\[0\]\.resources\[0\] is undefined$/],
        ["a malformed condition under its Terraform name, named as written", { statements: [{ actions: ["s3:*"], condition: [{ test: "Bool" }] }] }, /statements\[0\]\.condition\[0\] needs test/],
    ];
    it.each(errors)("rejects %s with a clear message", (_label, args, message) => {
        expect(() => buildPolicyDocument(args)).toThrow(PolicyDocumentError);
        expect(() => buildPolicyDocument(args)).toThrow(message);
    });

    it("never quotes a malformed source document", () => {
        const secretish = '{"Statement": "sk_live_abc123"';
        expect(() => buildPolicyDocument({ sourcePolicyDocuments: [secretish] })).toThrow("sourcePolicyDocuments[0] is not valid JSON");
        try {
            buildPolicyDocument({ sourcePolicyDocuments: [secretish] });
        } catch (e) {
            expect((e as Error).message).not.toContain("sk_live");
        }
    });
});

// ---------------------------------------------------------------- pure conversions

const PROJECT = "shop";
const STACK = "dev";
const urn = (qualifiedType: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::${qualifiedType}::${name}`;
const STACK_URN = urn("pulumi:pulumi:Stack", "shop-dev");

function registration(r: Partial<Registration> & Pick<Registration, "type" | "name" | "urn">): Registration {
    return {
        kind: "register", parent: STACK_URN, custom: true, remote: false, protect: false, provider: "", version: "7.48.0",
        dependencies: [], propertyDependencies: {}, inputs: {}, ignoreChanges: [], additionalSecretOutputs: [], aliases: [], ...r,
    };
}

describe("registrations become engine resources (pure)", () => {
    const ctx = (preview: boolean) => ({
        stack: STACK, project: PROJECT, preview,
        providerConfig: (pkg: string) => providerConfigFrom({ "aws:region": "eu-west-1", "aws:secretKey": "x", "shop:name": "n" }, ["aws:secretKey"], pkg),
    });
    const registrations: Registration[] = [
        registration({ type: "pulumi:pulumi:Stack", name: "shop-dev", urn: STACK_URN, parent: "", custom: false, version: "" }),
        registration({ type: "acme:web:Site", name: "site", urn: urn("acme:web:Site", "site"), custom: false, version: "", remote: true }),
        registration({ type: "aws:s3/bucketV2:BucketV2", name: "a", urn: urn("aws:s3/bucketV2:BucketV2", "a") }),
        registration({ type: "aws:s3/bucketV2:BucketV2", name: "b", urn: urn("aws:s3/bucketV2:BucketV2", "b"), propertyDependencies: { bucket: [], tags: [urn("aws:s3/bucketV2:BucketV2", "a")] } }),
        registration({ kind: "read", type: "aws:ec2/vpc:Vpc", name: "shared", urn: urn("aws:ec2/vpc:Vpc", "shared") }),
    ];

    it("adds the package's default provider once, before its first resource, with the stack's aws config and version", () => {
        const { resources } = toEngineResources(registrations, ctx(false));
        expect(resources.map((r) => r.name)).toEqual(["shop-dev", "site", "default_7_48_0", "a", "b"]);
        const provider = named({ resources }, "default_7_48_0");
        expect(provider.urn).toBe(urn("pulumi:providers:aws", "default_7_48_0"));
        expect(provider.inputs).toEqual({ region: "eu-west-1", secretKey: { [SIG_KEY]: SIG.secret, value: "x" }, version: "7.48.0" });
        expect(named({ resources }, "a").provider).toMatch(new RegExp(`^${provider.urn.replace(/[$.*]/g, "\\$&")}::[0-9a-f]{8}-[0-9a-f]{4}-`));
        expect(named({ resources }, "site").provider).toBeUndefined();
    });

    it("references the default provider with an unknown id at preview, as for a provider not created yet", () => {
        const { resources } = toEngineResources(registrations, ctx(true));
        expect(named({ resources }, "a").provider).toBe(`${urn("pulumi:providers:aws", "default_7_48_0")}::${UNKNOWN}`);
    });

    it("drops empty property dependencies, leaves reads out and says why", () => {
        const { resources, notes } = toEngineResources(registrations, ctx(false));
        expect(named({ resources }, "b").propertyDependencies).toEqual({ tags: [urn("aws:s3/bucketV2:BucketV2", "a")] });
        expect(resources.some((r) => r.name === "shared")).toBe(false);
        expect(notes).toEqual([
            'acme:web:Site "site" is a multi-language component: its children are created by its provider, which check does not run, so they are not analyzed',
            '1 resource read with .get() (aws:ec2/vpc:Vpc "shared") exists outside this stack and is not analyzed',
        ]);
    });

    it("reduces resource references as the engine marshals them for an analyzer", () => {
        const ref = (extra: Record<string, unknown>) => ({ [SIG_KEY]: SIG.resourceReference, urn: urn("aws:kms/key:Key", "k"), ...extra });
        expect(engineValue({
            custom: ref({ id: "key-1234" }),
            unknownId: ref({ id: UNKNOWN }),
            component: ref({}),
            nested: [{ key: ref({ id: "" }) }],
            asset: { [SIG_KEY]: SIG.asset, __pulumiAsset: true, text: "x" },
        })).toEqual({
            custom: "key-1234",
            unknownId: UNKNOWN,
            component: urn("aws:kms/key:Key", "k"),
            nested: [{ key: UNKNOWN }],
            asset: { [SIG_KEY]: SIG.asset, text: "x" },
        });
    });

    it("writes fixture markers for secrets and each kind of unknown", () => {
        expect(markers({ a: { [SIG_KEY]: SIG.secret, value: "p" }, b: UNKNOWN, c: [UNKNOWN_SENTINELS.boolean], d: { [SIG_KEY]: SIG.secret, value: UNKNOWN } }))
            .toEqual({ a: { $secret: "p" }, b: { $unknown: true }, c: [{ $unknown: "boolean" }], d: { $secret: { $unknown: true } } });
    });
});

describe("the fake cloud's answers (pure)", () => {
    const mocks = (answers: Record<string, unknown> = {}) => {
        const unanswered = new Set<string>();
        return { unanswered, mocks: createMocks({ preview: false, region: "eu-central-1", answers, unanswered, shapeOf: () => undefined }) };
    };
    const calls: [string, Record<string, unknown>, Record<string, unknown>][] = [
        ["aws:index/getCallerIdentity:getCallerIdentity", {}, { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/pulumi-check" }],
        ["aws:index/getRegion:getRegion", {}, { name: "eu-central-1", region: "eu-central-1", id: "eu-central-1" }],
        ["aws:index/getRegion:getRegion", { region: "us-west-2" }, { name: "us-west-2", endpoint: "ec2.us-west-2.amazonaws.com" }],
        ["aws:index/getPartition:getPartition", {}, { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }],
        ["aws:index/getAvailabilityZones:getAvailabilityZones", { excludeNames: ["eu-central-1b"] },
            { names: ["eu-central-1a", "eu-central-1c"], zoneIds: ["euc1-az1", "euc1-az3"], region: "eu-central-1" }],
        // What pulumi-cdk asks for every CDK app (its pseudo parameters), as @pulumi/aws-native answers.
        ["aws-native:index:getAccountId", {}, { accountId: "123456789012" }],
        ["aws-native:index:getRegion", {}, { region: "eu-central-1" }],
        ["aws-native:index:getPartition", {}, { partition: "aws" }],
        ["aws-native:index:getUrlSuffix", {}, { urlSuffix: "amazonaws.com" }],
        ["aws:iam/getPolicyDocument:getPolicyDocument", { statements: [{ actions: ["*"], resources: ["*"] }] },
            { minifiedJson: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' }],
    ];
    it.each(calls)("%s %j", (token, inputs, expected) => {
        expect(mocks().mocks.call({ token, inputs })).toMatchObject(expected);
    });

    it("answers from the answers file first, and records what nobody can answer", () => {
        const { mocks: m, unanswered } = mocks({ "aws:index/getCallerIdentity:getCallerIdentity": { accountId: "210987654321" } });
        expect(m.call({ token: "aws:index/getCallerIdentity:getCallerIdentity", inputs: {} })).toEqual({ accountId: "210987654321" });
        expect(() => m.call({ token: "aws:ec2/getVpc:getVpc", inputs: { default: true } })).toThrow(UnansweredError);
        expect([...unanswered]).toEqual(["aws:ec2/getVpc:getVpc"]);
    });

    it("sends an answer's {\"$secret\": ...} values as secrets, as the provider sends a data source's sensitive attribute", () => {
        const { mocks: m } = mocks({ "aws:ssm/getParameter:getParameter": { name: "/shop/db", value: { $secret: "v" }, tags: [{ $secret: ["a"] }] } });
        const answer = m.call({ token: "aws:ssm/getParameter:getParameter", inputs: {} }) as Record<string, any>;
        expect(answer.name).toBe("/shop/db");
        expect(answer.value).toEqual({ [SIG_KEY]: SIG.secret, value: "v" });
        expect(answer.tags).toEqual([{ [SIG_KEY]: SIG.secret, value: ["a"] }]);
    });

    // The SDK rethrows a failed invoke as `new Error(err.details)`: without details the program's
    // error read `error serializing property "assumeRolePolicy": ` and stopped there.
    it("says why getPolicyDocument failed, and in update mode that an undefined value may be an output it does not fill in", () => {
        const token = "aws:iam/getPolicyDocument:getPolicyDocument";
        // An @pulumi/eks cluster's oidcProviderArn: its component runs in a provider check does not run.
        const inputs = { statements: [{ actions: ["sts:AssumeRoleWithWebIdentity"], principals: [{ type: "Federated", identifiers: [null] }] }] };
        const failure = (preview: boolean, args: Record<string, unknown>) => {
            const m = createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: () => undefined });
            try {
                m.call({ token, inputs: args });
            } catch (e) {
                return { message: (e as Error).message, details: (e as { details?: string }).details };
            }
            throw new Error("the call did not fail");
        };
        expect(failure(false, inputs)).toEqual({
            message: "statements[0].principals[0].identifiers[0] is undefined",
            details: "statements[0].principals[0].identifiers[0] is undefined; in update mode check gives created resources a name, an id, an ARN and only " +
                "the most used other outputs (an RDS endpoint, a load balancer's DNS name), so an output it leaves out is undefined, as this value may be: " +
                "run with --preview, where outputs are unknown as in a real preview",
        });
        expect(failure(true, inputs).details).toBe("statements[0].principals[0].identifiers[0] is undefined");
        expect(failure(false, { statements: [{ effect: "allow" }] }).details).toBe('statements[0].effect must be "Allow" or "Deny", not "allow"');
    });

    it("fills in the ARNs programs hand on (a Lambda permission's sourceArn), at preview as unknowns", () => {
        const shapes: Record<string, ResourceShape> = {
            "aws:kinesis/stream:Stream": { properties: ["arn", "name", "shardCount"], outputOnly: [] },
            "aws:dynamodb/table:Table": { properties: ["arn", "name", "streamArn", "streamEnabled"], outputOnly: ["arn", "streamArn"] },
            "aws:apigateway/restApi:RestApi": { properties: ["arn", "name", "executionArn"], outputOnly: ["arn", "executionArn"] },
            "aws:lambda/function:Function": { properties: ["arn", "name", "invokeArn", "qualifiedArn", "publish"], outputOnly: ["arn", "invokeArn", "qualifiedArn"] },
        };
        const fake = (preview: boolean) => createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: (type) => shapes[type] });
        const create = (preview: boolean, type: string, name: string, inputs: Record<string, unknown> = {}) =>
            fake(preview).newResource({ type, name, inputs, custom: true }).state;
        expect(create(false, "aws:kinesis/stream:Stream", "events", { name: "events", shardCount: 1 }).arn).toBe("arn:aws:kinesis:eu-west-1:123456789012:stream/events");
        expect(create(false, "aws:kinesis/stream:Stream", "events", { name: "events", arn: "arn:aws:kinesis:eu-west-1:210987654321:stream/x" }).arn)
            .toBe("arn:aws:kinesis:eu-west-1:210987654321:stream/x");
        expect(create(false, "aws:dynamodb/table:Table", "music", { name: "music", streamEnabled: true }).streamArn)
            .toBe("arn:aws:dynamodb:eu-west-1:123456789012:table/music/stream/2026-01-01T00:00:00.000");
        expect(create(false, "aws:dynamodb/table:Table", "music", { name: "music" }).streamArn).toBeUndefined();
        expect(create(false, "aws:apigateway/restApi:RestApi", "api", { name: "shop" }).executionArn).toMatch(/^arn:aws:execute-api:eu-west-1:123456789012:[0-9a-z]{10}$/);
        const fn = create(false, "aws:lambda/function:Function", "fn", { name: "handler" });
        expect([fn.invokeArn, fn.qualifiedArn]).toEqual([
            "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:handler/invocations",
            "arn:aws:lambda:eu-west-1:123456789012:function:handler:$LATEST",
        ]);
        expect(create(true, "aws:kinesis/stream:Stream", "events", { name: "events" }).arn).toBe(UNKNOWN);
        expect(create(true, "aws:apigateway/restApi:RestApi", "api", { name: "shop" }).executionArn).toBe(UNKNOWN);
    });

    it("fills in the other outputs programs most often compute with, in their AWS formats, never over the program's values; at preview unknowns", () => {
        const fake = (preview: boolean) => createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const create = (type: string, name: string, inputs: Record<string, unknown> = {}, preview = false) =>
            fake(preview).newResource({ type, name, inputs, custom: true }).state;
        const db = create("aws:rds/instance:Instance", "orders", { engine: "postgres", instanceClass: "db.t4g.micro" });
        expect(db.identifier).toMatch(/^orders[0-9a-f]{7}$/);
        expect(db).toMatchObject({ port: 5432, address: `${db.identifier}.c0example0ab.eu-west-1.rds.amazonaws.com`, endpoint: `${db.identifier}.c0example0ab.eu-west-1.rds.amazonaws.com:5432` });
        expect(create("aws:rds/instance:Instance", "legacy", { engine: "mysql", identifier: "legacy-db", port: 3307 })).toMatchObject({ identifier: "legacy-db", endpoint: "legacy-db.c0example0ab.eu-west-1.rds.amazonaws.com:3307" });
        expect(create("aws:rds/cluster:Cluster", "reports", { engine: "aurora-postgresql", clusterIdentifier: "reports" })).toMatchObject({
            port: 5432, endpoint: "reports.cluster-c0example0ab.eu-west-1.rds.amazonaws.com", readerEndpoint: "reports.cluster-ro-c0example0ab.eu-west-1.rds.amazonaws.com",
        });
        expect(create("aws:lb/loadBalancer:LoadBalancer", "web", { name: "web" }).dnsName).toBe("web-1234567890.eu-west-1.elb.amazonaws.com");
        expect(create("aws:lb/loadBalancer:LoadBalancer", "ingress", { name: "ingress", loadBalancerType: "network" }).dnsName).toMatch(/^ingress-[0-9a-f]{7}\.elb\.eu-west-1\.amazonaws\.com$/);
        expect(create("aws:ec2/launchTemplate:LaunchTemplate", "web", {})).toMatchObject({ latestVersion: 1, defaultVersion: 1 });
        const cert = create("aws:acm/certificate:Certificate", "site", { domainName: "example.com", subjectAlternativeNames: ["*.example.com", "example.com"], validationMethod: "DNS" });
        expect(cert.domainValidationOptions.map((o: any) => o.domainName)).toEqual(["example.com", "*.example.com"]);
        // The wildcard validates with its base name's record, as ACM answers.
        expect(cert.domainValidationOptions[1]).toEqual({ ...cert.domainValidationOptions[0], domainName: "*.example.com" });
        expect(cert.domainValidationOptions[0]).toMatchObject({ resourceRecordType: "CNAME", resourceRecordName: expect.stringMatching(/^_[0-9a-f]{7}\.example\.com\.$/) });
        // Without DNS validation the provider's list is empty (email validation, an imported or a private certificate).
        expect(create("aws:acm/certificate:Certificate", "imported", { privateKey: "x", certificateBody: "y" }).domainValidationOptions).toEqual([]);
        expect(create("aws:acm/certificate:Certificate", "mail", { domainName: "mail.example.com", validationMethod: "EMAIL" }).domainValidationOptions).toEqual([]);
        expect(create("aws:acm/certificate:Certificate", "unset", { domainName: "example.org", subjectAlternativeNames: ["*.example.org"] }).domainValidationOptions).toEqual([]);
        expect(create("aws:acm/certificate:Certificate", "mail", { domainName: "mail.example.com", validationMethod: "EMAIL" }, true).domainValidationOptions).toBe(UNKNOWN);
        expect(create("aws:ecr/repository:Repository", "app", { name: "shop/app" }).repositoryUrl).toBe("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/app");
        expect(create("aws:s3/bucketV2:BucketV2", "site", { bucket: "site-assets" })).toMatchObject({ bucketRegionalDomainName: "site-assets.s3.eu-west-1.amazonaws.com" });
        const oai = create("aws:cloudfront/originAccessIdentity:OriginAccessIdentity", "assets-oai", { comment: "assets" });
        expect(oai.cloudfrontAccessIdentityPath).toBe(`origin-access-identity/cloudfront/${oai.id}`);
        expect(oai.s3CanonicalUserId).toMatch(/^[0-9a-f]{64}$/);
        expect(create("aws:elasticache/cluster:Cluster", "cache", { engine: "redis", clusterId: "cache" }).cacheNodes).toEqual([expect.objectContaining({ port: 6379, address: expect.stringMatching(/^cache\.[0-9a-f]{7}\.0001\.euw1\.cache\.amazonaws\.com$/) })]);
        expect(create("aws:rds/instance:Instance", "orders", { engine: "postgres" }, true)).toMatchObject({ endpoint: UNKNOWN, address: UNKNOWN });
        // A REST API stage's invoke URL, as the provider builds it; SES's three DKIM tokens.
        expect(create("aws:apigateway/stage:Stage", "live", { restApi: "shop-api", stageName: "live", deployment: "d0example" }).invokeUrl)
            .toBe("https://shop-api.execute-api.eu-west-1.amazonaws.com/live");
        const tokens = create("aws:ses/domainDkim:DomainDkim", "dkim", { domain: "shop.example.com" }).dkimTokens;
        expect(tokens).toHaveLength(3);
        expect(new Set(tokens).size).toBe(3);
        for (const token of tokens) expect(token).toMatch(/^[0-9a-z]{32}$/);
        expect(create("aws:ses/domainDkim:DomainDkim", "dkim", { domain: "shop.example.com" }, true).dkimTokens).toBe(UNKNOWN);
        expect(create("aws:apigateway/stage:Stage", "live", { restApi: "shop-api", stageName: "live" }, true).invokeUrl).toBe(UNKNOWN);
        // An OIDC provider's ARN names its issuer, as the trust policies that reference it do.
        expect(create("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "github", { url: "https://token.actions.githubusercontent.com", clientIdLists: ["sts.amazonaws.com"] }).arn)
            .toBe("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
    });

    // Programs hand a website's endpoint to CloudFront as a custom origin (`websiteEndpoint.apply((e) =>
    // e.replace("http://", ""))`, NamseEnt/namvas): left undefined, the program stopped in update mode.
    it("fills in an S3 website's endpoint and domain in the region's form, only for a bucket that is a website; at preview unknowns", () => {
        const create = (region: string, type: string, name: string, inputs: Record<string, unknown>, preview = false) =>
            createMocks({ preview, region, answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) }).newResource({ type, name, inputs, custom: true }).state;
        // Regions of before 2014 keep the dashed form, the others a dot (AWS's "Website endpoints" table).
        expect(create("us-east-1", "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", "site", { bucket: "shop-site", indexDocument: { suffix: "index.html" } }))
            .toMatchObject({ websiteEndpoint: "shop-site.s3-website-us-east-1.amazonaws.com", websiteDomain: "s3-website-us-east-1.amazonaws.com" });
        expect(create("ap-northeast-2", "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2", "site", { bucket: "namvas-frontend-1a2b3c", indexDocument: { suffix: "index.html" } }))
            .toMatchObject({ websiteEndpoint: "namvas-frontend-1a2b3c.s3-website.ap-northeast-2.amazonaws.com", websiteDomain: "s3-website.ap-northeast-2.amazonaws.com" });
        expect(create("cn-north-1", "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", "site", { bucket: "docs", indexDocument: { suffix: "index.html" } }).websiteEndpoint)
            .toBe("docs.s3-website.cn-north-1.amazonaws.com.cn");
        // A bucket's inline website block (deprecated) gives the bucket the same outputs; a bucket without one has none.
        expect(create("eu-west-1", "aws:s3/bucket:Bucket", "legacy", { bucket: "legacy-site", website: { indexDocument: "index.html" } }).websiteEndpoint)
            .toBe("legacy-site.s3-website-eu-west-1.amazonaws.com");
        expect(create("eu-central-1", "aws:s3/bucketV2:BucketV2", "legacy", { bucket: "legacy-v2", websites: [{ redirectAllRequestsTo: "https://example.com" }] }).websiteEndpoint)
            .toBe("legacy-v2.s3-website.eu-central-1.amazonaws.com");
        const plain = create("eu-west-1", "aws:s3/bucket:Bucket", "data", { bucket: "data" });
        expect(plain.websiteEndpoint).toBeUndefined();
        expect(plain.websiteDomain).toBeUndefined();
        expect(create("eu-west-1", "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", "site", { bucket: "shop-site" }, true).websiteEndpoint).toBe(UNKNOWN);
    });

    // NamseEnt/namvas's layer, event source mappings, objects and queues had a function's or a bucket's ARN.
    it("gives objects, access points, layer versions, event source mappings and load balancers ARNs of their own formats, and a queue its URL", () => {
        const create = (type: string, name: string, inputs: Record<string, unknown>, preview = false) =>
            createMocks({ preview, region: "ap-northeast-2", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) }).newResource({ type, name, inputs, custom: true }).state;
        for (const type of ["aws:s3/bucketObject:BucketObject", "aws:s3/bucketObjectv2:BucketObjectv2"]) {
            expect(create(type, "magick", { bucket: "assets-1a2b3c", key: "bin/magick-arm64" }).arn).toBe("arn:aws:s3:::assets-1a2b3c/bin/magick-arm64");
        }
        expect(create("aws:s3/accessPoint:AccessPoint", "partner", { bucket: "assets", name: "partner-reads" }).arn).toBe("arn:aws:s3:ap-northeast-2:123456789012:accesspoint/partner-reads");
        expect(create("aws:lambda/layerVersion:LayerVersion", "llrt", { layerName: "llrt-layer", compatibleRuntimes: ["provided.al2023"] })).toMatchObject({
            arn: "arn:aws:lambda:ap-northeast-2:123456789012:layer:llrt-layer:1", layerArn: "arn:aws:lambda:ap-northeast-2:123456789012:layer:llrt-layer", version: "1",
        });
        const mapping = create("aws:lambda/eventSourceMapping:EventSourceMapping", "orders-trigger", { eventSourceArn: "arn:aws:sqs:ap-northeast-2:123456789012:orders", functionName: "worker" });
        expect(mapping.arn).toMatch(/^arn:aws:lambda:ap-northeast-2:123456789012:event-source-mapping:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(mapping.uuid).toBe(mapping.arn.split(":").pop());
        expect(create("aws:sqs/queue:Queue", "orders", { name: "orders" }).url).toBe("https://sqs.ap-northeast-2.amazonaws.com/123456789012/orders");
        // Elastic Load Balancing's ARNs (the service is not the provider's module, `lb`), listeners and rules under their load balancer.
        const alb = create("aws:lb/loadBalancer:LoadBalancer", "web", { name: "web" });
        expect(alb.arn).toMatch(/^arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer\/app\/web\/[0-9a-f]{16}$/);
        expect(alb.arnSuffix).toBe(alb.arn.split(":loadbalancer/")[1]);
        expect(create("aws:alb/loadBalancer:LoadBalancer", "ingress", { name: "ingress", loadBalancerType: "network" }).arn).toMatch(/:loadbalancer\/net\/ingress\/[0-9a-f]{16}$/);
        const group = create("aws:lb/targetGroup:TargetGroup", "api", { name: "api", port: 80, protocol: "HTTP" });
        expect(group).toMatchObject({ arn: expect.stringMatching(/^arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup\/api\/[0-9a-f]{16}$/), arnSuffix: group.arn.split(":").pop() });
        const listener = create("aws:lb/listener:Listener", "https", { loadBalancerArn: alb.arn, port: 443 });
        expect(listener.arn).toMatch(new RegExp(`^arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:listener/${alb.arnSuffix}/[0-9a-f]{16}$`));
        expect(create("aws:lb/listenerRule:ListenerRule", "api", { listenerArn: listener.arn, priority: 100 }).arn)
            .toMatch(new RegExp(`^arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:listener-rule/${listener.arn.split(":listener/")[1]}/[0-9a-f]{16}$`));
        // A function keeps its own format; at preview all of these are unknown.
        expect(create("aws:lambda/function:Function", "worker", { name: "worker" }).arn).toBe("arn:aws:lambda:ap-northeast-2:123456789012:function:worker");
        expect(create("aws:lambda/layerVersion:LayerVersion", "llrt", { layerName: "llrt-layer" }, true).arn).toBe(UNKNOWN);
        expect(create("aws:sqs/queue:Queue", "orders", { name: "orders" }, true).url).toBe(UNKNOWN);
    });

    // slikk66/eks-pulumi gives its queue policy `queueUrl: queue.id`; the provider's id of a queue is its URL.
    it("gives EC2 things, EBS volumes and CloudFront distributions the ids AWS generates, and ARNs that end in them; an S3 object its key", () => {
        const mocks = createMocks({ preview: false, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const create = (type: string, name: string, inputs: Record<string, unknown> = {}) => mocks.newResource({ type, name, inputs, custom: true });
        const ec2: [string, string, string][] = [
            ["aws:ec2/vpc:Vpc", "vpc", "vpc"], ["aws:ec2/subnet:Subnet", "subnet", "subnet"], ["aws:ec2/securityGroup:SecurityGroup", "sg", "security-group"],
            ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sgr", "security-group-rule"], ["aws:ec2/routeTable:RouteTable", "rtb", "route-table"],
            ["aws:ec2/internetGateway:InternetGateway", "igw", "internet-gateway"], ["aws:ec2/eip:Eip", "eipalloc", "elastic-ip"],
            ["aws:ec2/networkInterface:NetworkInterface", "eni", "network-interface"], ["aws:ec2/instance:Instance", "i", "instance"],
            ["aws:ec2/launchTemplate:LaunchTemplate", "lt", "launch-template"], ["aws:ec2/vpcEndpoint:VpcEndpoint", "vpce", "vpc-endpoint"],
            ["aws:ebs/volume:Volume", "vol", "volume"],
        ];
        for (const [type, prefix, kind] of ec2) {
            const { id, state } = create(type, "web", { name: "web" });
            expect(id, type).toMatch(new RegExp(`^${prefix}-[0-9a-f]{17}$`));
            expect(state.arn, type).toBe(`arn:aws:ec2:eu-west-1:123456789012:${kind}/${id}`);
        }
        // A NAT gateway (no ARN in the provider) and a route table association get ids too.
        expect(create("aws:ec2/natGateway:NatGateway", "nat").id).toMatch(/^nat-[0-9a-f]{17}$/);
        expect(create("aws:ec2/routeTableAssociation:RouteTableAssociation", "public").id).toMatch(/^rtbassoc-[0-9a-f]{17}$/);
        const eip = create("aws:ec2/eip:Eip", "nat", { domain: "vpc" });
        expect(eip.state).toMatchObject({ allocationId: eip.id, publicIp: expect.stringMatching(/^203\.0\.113\.\d{1,3}$/) });
        const rule = create("aws:ec2/securityGroupRule:SecurityGroupRule", "https", { type: "ingress", securityGroupId: "sg-0123456789abcdef0" });
        expect(rule.id).toMatch(/^sgrule-\d+$/);
        expect(rule.state.securityGroupRuleId).toMatch(/^sgr-[0-9a-f]{17}$/);
        const ingress = create("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https");
        expect(ingress.state.securityGroupRuleId).toBe(ingress.id);
        const cdn = create("aws:cloudfront/distribution:Distribution", "site");
        expect(cdn.id).toMatch(/^E[0-9A-Z]{13}$/);
        expect(cdn.state.arn).toBe(`arn:aws:cloudfront::123456789012:distribution/${cdn.id}`);
        const oai = create("aws:cloudfront/originAccessIdentity:OriginAccessIdentity", "site");
        expect(oai.state).toMatchObject({ cloudfrontAccessIdentityPath: `origin-access-identity/cloudfront/${oai.id}`, iamArn: `arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ${oai.id}` });
        expect(oai.id).toMatch(/^E[0-9A-Z]{13}$/);
        // An object's id is its key; its ETag the MD5 of what `content` wrote.
        const object = create("aws:s3/bucketObjectv2:BucketObjectv2", "index", { bucket: "site", key: "latest/index.html", content: "<h1>hi</h1>" });
        expect(object.id).toBe("latest/index.html");
        expect(object.state).toMatchObject({ id: "latest/index.html", arn: "arn:aws:s3:::site/latest/index.html", etag: createHash("md5").update("<h1>hi</h1>").digest("hex") });
        expect(create("aws:s3/bucketObject:BucketObject", "logo", { bucket: "site", key: "logo.png", etag: "given" }).state).toMatchObject({ id: "logo.png", etag: "given" });
        // What exists already keeps its id, and its ARN ends in it.
        const shared = mocks.newResource({ type: "aws:ec2/securityGroup:SecurityGroup", name: "shared", inputs: {}, id: "sg-0a1b2c3d4e5f60718", custom: true });
        expect(shared).toMatchObject({ id: "sg-0a1b2c3d4e5f60718", state: { arn: "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1b2c3d4e5f60718" } });
        // At preview the id and ARN are unknown.
        const preview = createMocks({ preview: true, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const group = preview.newResource({ type: "aws:ec2/securityGroup:SecurityGroup", name: "web", inputs: {}, custom: true });
        expect(group.id).toBeUndefined();
        expect(group.state).toMatchObject({ id: UNKNOWN, arn: UNKNOWN });
        expect(preview.newResource({ type: "aws:ec2/eip:Eip", name: "nat", inputs: {}, custom: true }).state).toMatchObject({ allocationId: UNKNOWN, publicIp: UNKNOWN });
    });

    // The fourteenth run left these undefined: `${instance.privateIp}/32` read "undefined/32" (at
    // preview too, as `privateIp` is an input the provider computes), a service ARN lacked its cluster.
    it("gives instances and NAT gateways their addresses, objects a version id only in a versioned bucket, ECS its long ARNs and ids", () => {
        const fake = (preview: boolean, region = "us-east-1") => createMocks({ preview, region, answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const mocks = fake(false);
        const create = (type: string, name: string, inputs: Record<string, unknown> = {}) => mocks.newResource({ type, name, inputs, custom: true });
        const subnet = create("aws:ec2/subnet:Subnet", "private", { cidrBlock: "10.0.2.0/24" });
        const publicSubnet = create("aws:ec2/subnet:Subnet", "public", { cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: true });
        const app = create("aws:ec2/instance:Instance", "app", { subnetId: subnet.id });
        expect(app.state).toMatchObject({ privateIp: expect.stringMatching(/^10\.0\.2\.\d{1,3}$/), publicIp: "", publicDns: "" });
        expect(Number(app.state.privateIp.split(".")[3])).toBeGreaterThanOrEqual(4);
        expect(app.state.privateDns).toBe(`ip-${app.state.privateIp.replace(/\./g, "-")}.ec2.internal`);
        const bastion = create("aws:ec2/instance:Instance", "bastion", { subnetId: publicSubnet.id });
        expect(bastion.state).toMatchObject({ privateIp: expect.stringMatching(/^10\.0\.1\.\d{1,3}$/), publicIp: expect.stringMatching(/^198\.51\.100\.\d{1,3}$/) });
        expect(bastion.state.publicDns).toBe(`ec2-${bastion.state.publicIp.replace(/\./g, "-")}.compute-1.amazonaws.com`);
        // The program's own address and choice win; no subnet is the default VPC's, which maps public addresses.
        expect(create("aws:ec2/instance:Instance", "pinned", { subnetId: publicSubnet.id, privateIp: "10.0.1.10", associatePublicIpAddress: false }).state)
            .toMatchObject({ privateIp: "10.0.1.10", publicIp: "", publicDns: "" });
        expect(create("aws:ec2/instance:Instance", "default-vpc").state).toMatchObject({ privateIp: expect.stringMatching(/^172\.31\./), publicIp: expect.stringMatching(/^198\.51\.100\./) });
        const west = fake(false, "eu-west-1").newResource({ type: "aws:ec2/instance:Instance", name: "w", inputs: {}, custom: true });
        expect(west.state.publicDns).toBe(`ec2-${west.state.publicIp.replace(/\./g, "-")}.eu-west-1.compute.amazonaws.com`);
        expect(west.state.privateDns).toMatch(/^ip-172-31-\d+-\d+\.eu-west-1\.compute\.internal$/);
        // A NAT gateway's public address is its Elastic IP's; a private one has none.
        const eip = create("aws:ec2/eip:Eip", "nat", { domain: "vpc" });
        expect(create("aws:ec2/natGateway:NatGateway", "nat", { allocationId: eip.id, subnetId: publicSubnet.id }).state)
            .toMatchObject({ publicIp: eip.state.publicIp, privateIp: expect.stringMatching(/^10\.0\.1\.\d{1,3}$/) });
        expect(create("aws:ec2/natGateway:NatGateway", "inner", { connectivityType: "private", subnetId: subnet.id }).state.publicIp).toBe("");
        // S3 answers a version id only for an object in a versioned bucket.
        create("aws:s3/bucketV2:BucketV2", "kept", { bucket: "kept" });
        create("aws:s3/bucketVersioningV2:BucketVersioningV2", "kept", { bucket: "kept", versioningConfiguration: { status: "Enabled" } });
        create("aws:s3/bucket:Bucket", "legacy", { bucket: "legacy", versioning: { enabled: true } });
        create("aws:s3/bucketVersioningV2:BucketVersioningV2", "paused", { bucket: "paused", versioningConfiguration: { status: "Suspended" } });
        expect(create("aws:s3/bucketObjectv2:BucketObjectv2", "a", { bucket: "kept", key: "code.zip" }).state.versionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
        expect(create("aws:s3/bucketObject:BucketObject", "b", { bucket: "legacy", key: "code.zip" }).state.versionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
        expect(create("aws:s3/bucketObjectv2:BucketObjectv2", "c", { bucket: "paused", key: "code.zip" }).state.versionId).toBe("");
        expect(create("aws:s3/bucketObjectv2:BucketObjectv2", "d", { bucket: "elsewhere", key: "code.zip" }).state.versionId).toBe("");
        // ECS: a cluster's and a service's id is the ARN, a service's names its cluster; a task definition is its family's revision 1.
        const cluster = create("aws:ecs/cluster:Cluster", "main", { name: "main" });
        expect(cluster).toMatchObject({ id: "arn:aws:ecs:us-east-1:123456789012:cluster/main", state: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/main" } });
        const service = create("aws:ecs/service:Service", "web", { name: "web", cluster: cluster.id });
        expect(service).toMatchObject({ id: "arn:aws:ecs:us-east-1:123456789012:service/main/web", state: { arn: "arn:aws:ecs:us-east-1:123456789012:service/main/web" } });
        expect(create("aws:ecs/service:Service", "worker", { name: "worker", cluster: "jobs" }).id).toBe("arn:aws:ecs:us-east-1:123456789012:service/jobs/worker");
        const task = create("aws:ecs/taskDefinition:TaskDefinition", "web", { family: "web-app", containerDefinitions: "[]" });
        expect(task).toMatchObject({ id: "web-app", state: { arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web-app:1", revision: 1,
            arnWithoutRevision: "arn:aws:ecs:us-east-1:123456789012:task-definition/web-app" } });
        // Load balancers, target groups, listeners and certificates are known by their ARNs (`loadBalancerArn: alb.id`).
        const alb = create("aws:lb/loadBalancer:LoadBalancer", "web", { name: "web" });
        expect(alb.id).toBe(alb.state.arn);
        const listener = create("aws:lb/listener:Listener", "http", { loadBalancerArn: alb.id, port: 80 });
        expect(listener.id).toMatch(new RegExp(`^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/[0-9a-f]{16}/[0-9a-f]{16}$`));
        expect(create("aws:lb/targetGroup:TargetGroup", "web", { name: "web" }).id).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/web\/[0-9a-f]{16}$/);
        const certificate = create("aws:acm/certificate:Certificate", "site", { domainName: "example.com", validationMethod: "DNS" });
        expect(certificate.id).toMatch(/^arn:aws:acm:us-east-1:123456789012:certificate\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(certificate.state.arn).toBe(certificate.id);
        // Amplify: an app's generated id, its domain, and branches under it.
        const amplify = create("aws:amplify/app:App", "site", { name: "site" });
        expect(amplify.id).toMatch(/^d[0-9a-z]{13}$/);
        expect(amplify.state).toMatchObject({ arn: `arn:aws:amplify:us-east-1:123456789012:apps/${amplify.id}`, defaultDomain: `${amplify.id}.amplifyapp.com` });
        expect(create("aws:amplify/branch:Branch", "main", { appId: amplify.id, branchName: "main" }))
            .toMatchObject({ id: `${amplify.id}/main`, state: { arn: `arn:aws:amplify:us-east-1:123456789012:apps/${amplify.id}/branches/main` } });
        // At preview: unknown, the private address too.
        const preview = fake(true);
        expect(preview.newResource({ type: "aws:ec2/instance:Instance", name: "app", inputs: {}, custom: true }).state)
            .toMatchObject({ privateIp: UNKNOWN, publicIp: UNKNOWN, publicDns: UNKNOWN, privateDns: UNKNOWN });
        expect(preview.newResource({ type: "aws:ec2/instance:Instance", name: "fixed", inputs: { privateIp: "10.0.1.10" }, custom: true }).state.privateIp).toBe("10.0.1.10");
        expect(preview.newResource({ type: "aws:ec2/natGateway:NatGateway", name: "nat", inputs: {}, custom: true }).state).toMatchObject({ privateIp: UNKNOWN, publicIp: UNKNOWN });
        expect(preview.newResource({ type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "o", inputs: { bucket: "kept", key: "k" }, custom: true }).state.versionId).toBe(UNKNOWN);
        expect(preview.newResource({ type: "aws:ecs/service:Service", name: "web", inputs: { name: "web" }, custom: true }).state.arn).toBe(UNKNOWN);
    });

    // The fourteenth run's left item: an instance placed on a network interface of the program had the
    // default VPC's address, a public one, no subnet and no primary interface (a route through it had no target).
    it("places an instance given a network interface on that interface: its subnet, its address, no public address; the interface an address of its subnet; the default VPC EC2's ids", () => {
        const fake = (preview: boolean) => createMocks({ preview, region: "us-east-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const mocks = fake(false);
        const create = (type: string, name: string, inputs: Record<string, unknown> = {}) => mocks.newResource({ type, name, inputs, custom: true });
        const subnet = create("aws:ec2/subnet:Subnet", "app", { cidrBlock: "172.16.10.0/24", availabilityZone: "us-east-1b" });
        const publicSubnet = create("aws:ec2/subnet:Subnet", "public", { cidrBlock: "172.16.20.0/24", mapPublicIpOnLaunch: true });
        // The registry's example: an interface with a fixed address, attached at device index 0.
        const fixed = create("aws:ec2/networkInterface:NetworkInterface", "fixed", { subnetId: subnet.id, privateIps: ["172.16.10.100"] });
        expect(fixed.state).toMatchObject({ privateIp: "172.16.10.100", privateIps: ["172.16.10.100"], privateDnsName: "ip-172-16-10-100.ec2.internal", ownerId: "123456789012" });
        expect(fixed.state.macAddress).toMatch(/^02(:[0-9a-f]{2}){5}$/);
        const licence = create("aws:ec2/instance:Instance", "licence", { networkInterfaces: [{ networkInterfaceId: fixed.id, deviceIndex: 0 }] });
        expect(licence.state).toMatchObject({
            subnetId: subnet.id, availabilityZone: "us-east-1b", primaryNetworkInterfaceId: fixed.id,
            privateIp: "172.16.10.100", privateDns: "ip-172-16-10-100.ec2.internal", publicIp: "", publicDns: "",
        });
        // An existing interface gets no public address, even in a subnet that maps one; its address is one of that subnet.
        const natEni = create("aws:ec2/networkInterface:NetworkInterface", "nat", { subnetId: publicSubnet.id, sourceDestCheck: false });
        expect(natEni.state.privateIp).toMatch(/^172\.16\.20\.\d{1,3}$/);
        const nat = create("aws:ec2/instance:Instance", "nat", { networkInterfaces: [{ networkInterfaceId: natEni.id, deviceIndex: 0 }] });
        expect(nat.state).toMatchObject({ subnetId: publicSubnet.id, privateIp: natEni.state.privateIp, primaryNetworkInterfaceId: natEni.id, publicIp: "" });
        // Secondary addresses: `privateIpsCount` more of the subnet; with `privateIpListEnabled`, the ordered
        // `privateIpLists`, its first the primary; a `privateIps` set whole. The provider exports every form.
        const pool = create("aws:ec2/networkInterface:NetworkInterface", "pool", { subnetId: subnet.id, privateIpsCount: 2 });
        expect(pool.state.privateIps).toHaveLength(3);
        expect(new Set(pool.state.privateIps).size).toBe(3);
        for (const ip of pool.state.privateIps) expect(ip).toMatch(/^172\.16\.10\.\d{1,3}$/);
        expect(pool.state).toMatchObject({ privateIp: pool.state.privateIps[0], privateIpLists: pool.state.privateIps, privateIpsCount: 2 });
        const ordered = create("aws:ec2/networkInterface:NetworkInterface", "ordered",
            { subnetId: subnet.id, privateIpListEnabled: true, privateIpLists: ["172.16.10.20", "172.16.10.21"] });
        expect(ordered.state).toMatchObject({ privateIp: "172.16.10.20", privateIps: ["172.16.10.20", "172.16.10.21"], privateIpLists: ["172.16.10.20", "172.16.10.21"], privateIpsCount: 1 });
        expect(create("aws:ec2/instance:Instance", "ordered", { networkInterfaces: [{ networkInterfaceId: ordered.id, deviceIndex: 0 }] }).state.privateIp).toBe("172.16.10.20");
        expect(create("aws:ec2/networkInterface:NetworkInterface", "set", { subnetId: subnet.id, privateIps: ["172.16.10.30", "172.16.10.31"] }).state)
            .toMatchObject({ privateIp: "172.16.10.30", privateIps: ["172.16.10.30", "172.16.10.31"], privateIpsCount: 1 });
        // An interface from outside the program (an id from config): its id, no public address, no subnet invented.
        const outside = create("aws:ec2/instance:Instance", "outside", { networkInterfaces: [{ networkInterfaceId: "eni-0123456789abcdef0", deviceIndex: 0 }] });
        expect(outside.state).toMatchObject({ primaryNetworkInterfaceId: "eni-0123456789abcdef0", publicIp: "", publicDns: "" });
        expect(outside.state).not.toHaveProperty("subnetId");
        // One read with aws.ec2.getNetworkInterface (answered): the instance takes its subnet and address.
        const reading = createMocks({ preview: false, region: "us-east-1", unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR),
            answers: { "aws:ec2/getNetworkInterface:getNetworkInterface": { id: "eni-0fedcba9876543210", subnetId: "subnet-0aaaabbbbccccdddd", privateIp: "10.20.1.15" } } });
        const read = reading.call({ token: "aws:ec2/getNetworkInterface:getNetworkInterface", inputs: { id: "eni-0fedcba9876543210" } } as any);
        expect(reading.newResource({ type: "aws:ec2/instance:Instance", name: "licence", inputs: { networkInterfaces: [{ networkInterfaceId: read.id, deviceIndex: 0 }] }, custom: true }).state)
            .toMatchObject({ subnetId: "subnet-0aaaabbbbccccdddd", privateIp: "10.20.1.15", privateDns: "ip-10-20-1-15.ec2.internal", primaryNetworkInterfaceId: "eni-0fedcba9876543210", publicIp: "" });
        // An Elastic IP on the interface maps to its address; one on nothing has none.
        const eip = create("aws:ec2/eip:Eip", "nat", { domain: "vpc", networkInterface: natEni.id });
        expect(eip.state).toMatchObject({ privateIp: natEni.state.privateIp, associationId: expect.stringMatching(/^eipassoc-[0-9a-f]{17}$/),
            publicDns: `ec2-${eip.state.publicIp.replace(/\./g, "-")}.compute-1.amazonaws.com` });
        expect(create("aws:ec2/eip:Eip", "spare", { domain: "vpc" }).state).not.toHaveProperty("associationId");
        expect(create("aws:ec2/eip:Eip", "web", { domain: "vpc", instance: licence.id }).state.privateIp).toBe("172.16.10.100");
        // An instance in a subnet has the interface EC2 creates for it, and the subnet's zone.
        const web = create("aws:ec2/instance:Instance", "web", { subnetId: publicSubnet.id });
        expect(web.state).toMatchObject({ subnetId: publicSubnet.id, availabilityZone: "us-east-1a", primaryNetworkInterfaceId: expect.stringMatching(/^eni-[0-9a-f]{17}$/) });
        expect(web.state.publicIp).toMatch(/^198\.51\.100\./);
        // The default VPC and its subnets, which programs adopt (`aws.ec2.DefaultVpc`), have EC2's ids and AWS's ranges.
        expect(create("aws:ec2/defaultVpc:DefaultVpc", "default", { enableDnsHostnames: true }))
            .toMatchObject({ id: expect.stringMatching(/^vpc-[0-9a-f]{17}$/), state: { cidrBlock: "172.31.0.0/16", arn: expect.stringMatching(/:vpc\/vpc-[0-9a-f]{17}$/) } });
        expect(create("aws:ec2/defaultSubnet:DefaultSubnet", "default-b", { availabilityZone: "us-east-1b" }))
            .toMatchObject({ id: expect.stringMatching(/^subnet-[0-9a-f]{17}$/), state: { cidrBlock: "172.31.16.0/20" } });
        expect(create("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default").id).toMatch(/^sg-[0-9a-f]{17}$/);
        // At preview: the subnet, the zone and the addresses the provider computes are unknown, not undefined.
        const preview = fake(true);
        expect(preview.newResource({ type: "aws:ec2/instance:Instance", name: "licence", inputs: { networkInterfaces: [{ networkInterfaceId: UNKNOWN, deviceIndex: 0 }] }, custom: true }).state)
            .toMatchObject({ subnetId: UNKNOWN, availabilityZone: UNKNOWN, privateIp: UNKNOWN, primaryNetworkInterfaceId: UNKNOWN, publicIp: UNKNOWN });
        expect(preview.newResource({ type: "aws:ec2/networkInterface:NetworkInterface", name: "nat", inputs: { subnetId: UNKNOWN }, custom: true }).state)
            .toMatchObject({ privateIp: UNKNOWN, privateIps: UNKNOWN, privateIpLists: UNKNOWN, privateIpsCount: UNKNOWN, privateDnsName: UNKNOWN });
    });

    it("gives a queue its URL as its id, also one imported or read by its URL; at preview no id", () => {
        const fake = (preview: boolean) => createMocks({ preview, region: "us-west-2", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const created = fake(false).newResource({ type: "aws:sqs/queue:Queue", name: "interruption", inputs: { name: "karpenter-interruption" }, custom: true });
        expect(created.id).toBe("https://sqs.us-west-2.amazonaws.com/123456789012/karpenter-interruption");
        expect(created.state).toMatchObject({ id: created.id, url: created.id, name: "karpenter-interruption", arn: "arn:aws:sqs:us-west-2:123456789012:karpenter-interruption" });
        const autonamed = fake(false).newResource({ type: "aws:sqs/queue:Queue", name: "jobs", inputs: {}, custom: true });
        expect(autonamed.id).toBe(`https://sqs.us-west-2.amazonaws.com/123456789012/${autonamed.state.name}`);
        const url = "https://sqs.us-west-2.amazonaws.com/123456789012/legacy-jobs";
        const imported = fake(false).newResource({ type: "aws:sqs/queue:Queue", name: "legacy", inputs: {}, custom: true, id: url });
        expect(imported).toEqual({ id: url, state: expect.objectContaining({ name: "legacy-jobs", url, arn: "arn:aws:sqs:us-west-2:123456789012:legacy-jobs" }) });
        expect(fake(true).newResource({ type: "aws:sqs/queue:Queue", name: "jobs", inputs: {}, custom: true }).id).toBeUndefined();
        // Other types keep their name as their id.
        expect(fake(false).newResource({ type: "aws:sns/topic:Topic", name: "alerts", inputs: { name: "alerts" }, custom: true }).id).toBe("arn:aws:sns:us-west-2:123456789012:alerts");
        expect(fake(false).newResource({ type: "aws:s3/bucket:Bucket", name: "data", inputs: { bucket: "data" }, custom: true }).id).toBe("data");
    });

    // A program delegates a subdomain with `records: zone.nameServers` and computes with `record.fqdn`: undefined, both stopped it.
    it("gives a hosted zone its zone id, ARN and name servers, and a record its fqdn and id under its zone's name; at preview unknowns", () => {
        const answers = { "aws:route53/getZone:getZone": { zoneId: "Z0123456789ABCDEFGHIJ", name: "corp.example.org." } };
        const fake = (preview: boolean) => createMocks({ preview, region: "eu-west-1", answers, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const mocks = fake(false);
        const zone = mocks.newResource({ type: "aws:route53/zone:Zone", name: "shop", inputs: { name: "shop.example.com" }, custom: true });
        expect(zone.id).toMatch(/^Z[0-9A-Z]{20}$/);
        expect(zone.state).toMatchObject({ zoneId: zone.id, arn: `arn:aws:route53:::hostedzone/${zone.id}`, primaryNameServer: zone.state.nameServers[0] });
        expect(zone.state.nameServers).toEqual([
            expect.stringMatching(/^ns-\d+\.awsdns-\d{2}\.com$/), expect.stringMatching(/^ns-\d+\.awsdns-\d{2}\.net$/),
            expect.stringMatching(/^ns-\d+\.awsdns-\d{2}\.org$/), expect.stringMatching(/^ns-\d+\.awsdns-\d{2}\.co\.uk$/),
        ]);
        const record = (name: string, inputs: Record<string, unknown>) => mocks.newResource({ type: "aws:route53/record:Record", name, inputs, custom: true });
        // A relative name is under the zone's; a name that ends with it, with or without the trailing dot, is its own.
        expect(record("www", { zoneId: zone.id, name: "www", type: "A" })).toEqual({ id: `${zone.id}_www.shop.example.com_A`, state: expect.objectContaining({ fqdn: "www.shop.example.com" }) });
        expect(record("api", { zoneId: zone.id, name: "API.shop.example.com.", type: "CNAME", setIdentifier: "blue" }))
            .toEqual({ id: `${zone.id}_api.shop.example.com_CNAME_blue`, state: expect.objectContaining({ fqdn: "API.shop.example.com" }) });
        // A zone looked up by getZone (its answer's name), and one neither created nor looked up (the name stands for itself).
        mocks.call({ token: "aws:route53/getZone:getZone", inputs: { name: "corp.example.org" } });
        expect(record("app", { zoneId: "Z0123456789ABCDEFGHIJ", name: "app", type: "CNAME" }).state.fqdn).toBe("app.corp.example.org");
        expect(record("other", { zoneId: "Z9ZZZZZZZZZZZZZZZZZZZ", name: "x.other.net", type: "TXT" }).state.fqdn).toBe("x.other.net");
        // An imported zone and record keep the ids they were imported by.
        expect(mocks.newResource({ type: "aws:route53/zone:Zone", name: "old", inputs: { name: "old.example.com" }, custom: true, id: "Z0LDZONE000000000000" }).state)
            .toMatchObject({ zoneId: "Z0LDZONE000000000000", arn: "arn:aws:route53:::hostedzone/Z0LDZONE000000000000" });
        const importedId = "Z0LDZONE000000000000_mail.old.example.com_MX";
        expect(mocks.newResource({ type: "aws:route53/record:Record", name: "mx", inputs: { zoneId: "Z0LDZONE000000000000", name: "mail", type: "MX" }, custom: true, id: importedId }))
            .toEqual({ id: importedId, state: expect.objectContaining({ fqdn: "mail.old.example.com", id: importedId }) });
        // At preview the zone's id, name servers and the record's fqdn are unknown.
        const preview = fake(true);
        expect(preview.newResource({ type: "aws:route53/zone:Zone", name: "shop", inputs: { name: "shop.example.com" }, custom: true }).state)
            .toMatchObject({ zoneId: UNKNOWN, nameServers: UNKNOWN });
        expect(preview.newResource({ type: "aws:route53/record:Record", name: "www", inputs: { zoneId: UNKNOWN, name: "www", type: "A" }, custom: true }).state.fqdn).toBe(UNKNOWN);
    });

    // flo-kn/pulumi-ts-static-website passes its bucket itself to its objects, Harshil-Modi's API to its stage:
    // the provider sees their ids, which the object's ARN and the stage's URLs are made of.
    it("reads a resource passed itself as its id, for the outputs made of it", () => {
        const mocks = createMocks({ preview: false, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const ref = (type: string, name: string) => ({ __pulumiCustomResource: true, __pulumiType: type, __name: name });
        mocks.newResource({ type: "aws:s3/bucket:Bucket", name: "site", inputs: { bucket: "site-bucket" }, custom: true });
        const object = mocks.newResource({ type: "aws:s3/bucketObject:BucketObject", name: "index", inputs: { bucket: ref("aws:s3/bucket:Bucket", "site"), key: "index.html" }, custom: true });
        expect(object.state).toMatchObject({ bucket: "site-bucket", arn: "arn:aws:s3:::site-bucket/index.html" });
        const api = mocks.newResource({ type: "aws:apigateway/restApi:RestApi", name: "orders", inputs: {}, custom: true });
        const stage = mocks.newResource({ type: "aws:apigateway/stage:Stage", name: "prod", inputs: { restApi: ref("aws:apigateway/restApi:RestApi", "orders"), stageName: "prod" }, custom: true });
        expect(stage.state).toMatchObject({
            restApi: api.id,
            invokeUrl: `https://${api.id}.execute-api.eu-west-1.amazonaws.com/prod`,
            executionArn: `arn:aws:execute-api:eu-west-1:123456789012:${api.id}/prod`,
        });
        // Lists of resources too; a resource the mocks never created stays as it was.
        const group = mocks.newResource({ type: "aws:ec2/securityGroup:SecurityGroup", name: "web", inputs: { name: "web" }, custom: true });
        const stranger = ref("aws:s3/bucket:Bucket", "elsewhere");
        const lb = mocks.newResource({ type: "aws:lb/loadBalancer:LoadBalancer", name: "web", inputs: { name: "web", securityGroups: [ref("aws:ec2/securityGroup:SecurityGroup", "web")], accessLogs: stranger }, custom: true });
        expect(lb.state.securityGroups).toEqual([group.id]);
        expect(lb.state.accessLogs).toBe(stranger);
    });

    // A stage's execution ARN is `<api id>/<stage name>` (programs pin a Lambda permission with
    // `${stage.executionArn}/*/*`); API Gateway's ARNs take a path and no account.
    it("gives API Gateway APIs and stages their AWS ARN formats and a stage its execution ARN; at preview unknowns", () => {
        const create = (type: string, name: string, inputs: Record<string, unknown>, preview = false) =>
            createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) }).newResource({ type, name, inputs, custom: true }).state;
        // An API's id is API Gateway's 10 lower-case letters and digits, not its name; its root resource's id too.
        const api = create("aws:apigateway/restApi:RestApi", "orders", { name: "orders-api" });
        expect(api.id).toMatch(/^[0-9a-z]{10}$/);
        expect(api).toMatchObject({ arn: `arn:aws:apigateway:eu-west-1::/restapis/${api.id}`, executionArn: `arn:aws:execute-api:eu-west-1:123456789012:${api.id}`,
            rootResourceId: expect.stringMatching(/^[0-9a-z]{10}$/) });
        expect(create("aws:apigateway/stage:Stage", "prod", { restApi: "orders-api", deployment: "d1", stageName: "prod" })).toMatchObject({
            arn: "arn:aws:apigateway:eu-west-1::/restapis/orders-api/stages/prod",
            executionArn: "arn:aws:execute-api:eu-west-1:123456789012:orders-api/prod",
            invokeUrl: "https://orders-api.execute-api.eu-west-1.amazonaws.com/prod",
        });
        const http = create("aws:apigatewayv2/api:Api", "http", { name: "http-api", protocolType: "HTTP" });
        expect(http.id).toMatch(/^[0-9a-z]{10}$/);
        expect(http).toMatchObject({ arn: `arn:aws:apigateway:eu-west-1::/apis/${http.id}`, executionArn: `arn:aws:execute-api:eu-west-1:123456789012:${http.id}`,
            apiEndpoint: `https://${http.id}.execute-api.eu-west-1.amazonaws.com` });
        // A function's version, which an alias's `functionVersion` and provisioned concurrency's `qualifier` are given.
        const published = create("aws:lambda/function:Function", "handler", { name: "handler", publish: true });
        expect(published).toMatchObject({ version: "1", qualifiedArn: `${published.arn}:1`,
            qualifiedInvokeArn: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${published.arn}:1/invocations` });
        expect(create("aws:lambda/function:Function", "draft", { name: "draft" }).version).toBe("$LATEST");
        expect(create("aws:apigatewayv2/stage:Stage", "default", { apiId: "http-api", name: "$default", autoDeploy: true })).toMatchObject({
            arn: "arn:aws:apigateway:eu-west-1::/apis/http-api/stages/$default",
            executionArn: "arn:aws:execute-api:eu-west-1:123456789012:http-api/$default",
        });
        // A stage whose API is not a string yet names no execution ARN rather than a wrong one.
        expect(create("aws:apigateway/stage:Stage", "prod", { restApi: { ref: "x" }, stageName: "prod" }).executionArn).toBeUndefined();
        const preview = create("aws:apigateway/stage:Stage", "prod", { restApi: "orders-api", stageName: "prod" }, true);
        expect([preview.arn, preview.executionArn]).toEqual([UNKNOWN, UNKNOWN]);
    });

    // The provider's ids (pulumi-aws wraps terraform-provider-aws: a REST API stage `ags-<api>-<stage>`, a method
    // `agm-<api>-<resource>-<method>`, an integration `agi-…`, an HTTP API stage its name) and API Gateway's generated
    // ones, which programs put in paths: `integrations/${integration.id}`, `${api.executionArn}/authorizers/${auth.id}`.
    it("gives API Gateway's stages, methods, integrations, deployments, resources, authorizers and routes the ids AWS and the provider give them, an HTTP or WebSocket stage its invoke URL; at preview unknowns", () => {
        const mocks = (preview: boolean) => createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const update = mocks(false);
        const create = (type: string, name: string, inputs: Record<string, unknown>) => update.newResource({ type, name, inputs, custom: true }).state;
        const api = create("aws:apigateway/restApi:RestApi", "orders", {}).id;
        const resource = create("aws:apigateway/resource:Resource", "items", { restApi: api, parentId: "r00tr00t00", pathPart: "items" }).id;
        expect(resource).toMatch(/^[0-9a-z]{6}$/);
        expect(create("aws:apigateway/method:Method", "get", { restApi: api, resourceId: resource, httpMethod: "GET", authorization: "NONE" }).id).toBe(`agm-${api}-${resource}-GET`);
        expect(create("aws:apigateway/integration:Integration", "get", { restApi: api, resourceId: resource, httpMethod: "GET", type: "AWS_PROXY" }).id).toBe(`agi-${api}-${resource}-GET`);
        expect(create("aws:apigateway/deployment:Deployment", "v1", { restApi: api }).id).toMatch(/^[0-9a-z]{6}$/);
        expect(create("aws:apigateway/stage:Stage", "prod", { restApi: api, deployment: "d1", stageName: "prod" }).id).toBe(`ags-${api}-prod`);
        const auth = create("aws:apigateway/authorizer:Authorizer", "token", { restApi: api, authorizerUri: "arn:aws:apigateway:eu-west-1:lambda:path/x", type: "TOKEN" });
        expect(auth.id).toMatch(/^[0-9a-z]{6}$/);
        expect(auth.arn).toBe(`arn:aws:apigateway:eu-west-1::/restapis/${api}/authorizers/${auth.id}`);
        const http = create("aws:apigatewayv2/api:Api", "http", { protocolType: "HTTP" }).id;
        for (const type of ["aws:apigatewayv2/integration:Integration", "aws:apigatewayv2/route:Route", "aws:apigatewayv2/authorizer:Authorizer", "aws:apigatewayv2/deployment:Deployment"]) {
            expect(create(type, "x", { apiId: http }).id).toMatch(/^[0-9a-z]{7}$/);
        }
        expect(create("aws:apigatewayv2/stage:Stage", "dev", { apiId: http, name: "dev" })).toMatchObject({ id: "dev", invokeUrl: `https://${http}.execute-api.eu-west-1.amazonaws.com/dev` });
        expect(create("aws:apigatewayv2/stage:Stage", "default", { apiId: http, name: "$default" }).invokeUrl).toBe(`https://${http}.execute-api.eu-west-1.amazonaws.com/`);
        const ws = create("aws:apigatewayv2/api:Api", "chat", { protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" }).id;
        expect(create("aws:apigatewayv2/stage:Stage", "live", { apiId: ws, name: "live" }).invokeUrl).toBe(`wss://${ws}.execute-api.eu-west-1.amazonaws.com/live`);
        // Inputs not known yet (another resource's output at preview) give no made-up id or URL.
        expect(create("aws:apigateway/stage:Stage", "later", { restApi: UNKNOWN, stageName: "prod" }).id).not.toMatch(/^ags-/);
        expect(create("aws:apigatewayv2/stage:Stage", "later", { apiId: UNKNOWN, name: "dev" }).invokeUrl).toBeUndefined();
        const preview = mocks(true);
        for (const [type, inputs] of [["aws:apigateway/stage:Stage", { restApi: UNKNOWN, stageName: "prod" }], ["aws:apigatewayv2/route:Route", { apiId: UNKNOWN, routeKey: "$default" }],
            ["aws:apigatewayv2/stage:Stage", { apiId: UNKNOWN, name: "dev" }], ["aws:apigateway/method:Method", { restApi: UNKNOWN, resourceId: UNKNOWN, httpMethod: "GET" }]] as const) {
            const state = preview.newResource({ type, name: "p", inputs, custom: true }).state;
            expect(state.id).toBe(UNKNOWN);
            if (type.endsWith("stage:Stage")) expect(state.invokeUrl).toBe(UNKNOWN);
        }
    });

    // A REST API resource's `path` is its parent's and its own pathPart, as API Gateway builds it (`/orders/{id}`;
    // the root resource's is "/"): programs pin a Lambda permission with `${api.executionArn}/*/GET${item.path}`.
    it("gives an API Gateway REST API resource the full path of its parents; none under a parent it does not know; at preview unknown", () => {
        const mocks = (preview: boolean) => createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const update = mocks(false);
        const create = (type: string, name: string, inputs: Record<string, unknown>) => update.newResource({ type, name, inputs, custom: true }).state;
        const api = create("aws:apigateway/restApi:RestApi", "orders", {});
        const orders = create("aws:apigateway/resource:Resource", "orders", { restApi: api.id, parentId: api.rootResourceId, pathPart: "orders" });
        expect(orders.path).toBe("/orders");
        const item = create("aws:apigateway/resource:Resource", "item", { restApi: api.id, parentId: orders.id, pathPart: "{id}" });
        expect(item.path).toBe("/orders/{id}");
        expect(create("aws:apigateway/resource:Resource", "proxy", { restApi: api.id, parentId: item.id, pathPart: "{proxy+}" }).path).toBe("/orders/{id}/{proxy+}");
        // A parent from outside the program (an imported API's resource), or a pathPart not known: no made-up path.
        expect(create("aws:apigateway/resource:Resource", "stranger", { restApi: "abcdef1234", parentId: "zz9zz9", pathPart: "x" }).path).toBeUndefined();
        expect(create("aws:apigateway/resource:Resource", "later", { restApi: api.id, parentId: orders.id, pathPart: UNKNOWN }).path).toBeUndefined();
        const preview = mocks(true).newResource({ type: "aws:apigateway/resource:Resource", name: "p", inputs: { restApi: UNKNOWN, parentId: UNKNOWN, pathPart: "orders" }, custom: true }).state;
        expect(preview.path).toBe(UNKNOWN);
    });

    // The provider's Check proposes an unset name before the analyzers run (pulumi-terraform-bridge's
    // AutoName, pulumi-aws's lowercased S3 `bucket`, aws-native's autoNamingSpec): a real preview knows it.
    it("gives a new resource the name the provider's Check proposes, at preview as after an update, unless the program names it or gives a prefix", () => {
        const fake = (preview: boolean) => createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const create = (preview: boolean, type: string, name: string, inputs: Record<string, unknown> = {}, options: { id?: string } = {}) =>
            fake(preview).newResource({ type, name, inputs, custom: true, ...options }).state;
        for (const preview of [true, false]) {
            const bucket = create(preview, "aws:s3/bucketV2:BucketV2", "SiteBucket");
            expect(bucket.bucket).toMatch(/^sitebucket-[0-9a-f]{7}$/);
            expect(bucket.bucket).toBe(checkedAutoname({ type: "aws:s3/bucketV2:BucketV2", name: "SiteBucket", inputs: {}, custom: true }, undefined)?.name);
            expect(create(preview, "aws:sqs/queue:Queue", "Orders").name).toMatch(/^Orders-[0-9a-f]{7}$/);
            expect(create(preview, "aws:rds/instance:Instance", "orders", { engine: "postgres" }).identifier).toMatch(/^orders[0-9a-f]{7}$/);
            expect(create(preview, "aws:s3/bucketV2:BucketV2", "named", { bucket: "acme-named" }).bucket).toBe("acme-named");
            expect(create(preview, "aws-native:sqs:Queue", "jobs", { fifoQueue: true }).queueName).toMatch(/^jobs-[0-9a-f]{7}\.fifo$/);
        }
        expect(create(true, "aws:s3/bucketV2:BucketV2", "site").bucket).toBe(create(false, "aws:s3/bucketV2:BucketV2", "site").bucket);
        // A prefix is completed by the provider when it creates the resource: nothing to know at preview.
        expect(create(true, "aws:s3/bucketV2:BucketV2", "logs", { bucketPrefix: "acme-logs-" })).not.toHaveProperty("bucket");
        expect(create(true, "aws:sqs/queue:Queue", "jobs", { namePrefix: "jobs-" })).not.toHaveProperty("name");
        // An unknown name is the program's, unknown until it resolves; an existing resource keeps its own.
        expect(create(true, "aws:s3/bucketV2:BucketV2", "later", { bucket: UNKNOWN }).bucket).toBe(UNKNOWN);
        expect(create(true, "aws:s3/bucketV2:BucketV2", "backups", {}, { id: "acme-backups-0123" }).bucket).toBe("acme-backups-0123");
        expect(checkedAutoname({ type: "aws:s3/bucketV2:BucketV2", name: "backups", inputs: {}, custom: true, id: "acme-backups-0123" }, undefined)).toBeUndefined();
        expect(checkedAutoname({ type: "acme:storage:Store", name: "orders", inputs: {}, custom: false }, { properties: ["name"], outputOnly: [] })).toBeUndefined();
    });

    // pulumi-aws 7's per-type options (provider/resource_overrides.go, provider/aliases.go; the
    // default for every `name` input in provider/autonaming.go) and the bridge's NewUniqueName,
    // which refuses a name over the maximum.
    it("follows pulumi-aws's autonaming options per type: maximum length, separator, lowercase, the FIFO suffix, the alias prefix", () => {
        const shapeOf = resourceShapeReader(PACK_DIR);
        const named = (type: string, name: string, inputs: Record<string, unknown> = {}) => checkedAutoname({ type, name, inputs, custom: true }, shapeOf(type))?.name;
        expect(named("aws:sqs/queue:Queue", "Jobs", { fifoQueue: true })).toMatch(/^Jobs-[0-9a-f]{7}\.fifo$/);
        expect(named("aws:sqs/queue:Queue", "Jobs", { fifoQueue: false })).toMatch(/^Jobs-[0-9a-f]{7}$/);
        expect(named("aws:sns/topic:Topic", "events", { fifoTopic: true })).toMatch(/^events-[0-9a-f]{7}\.fifo$/);
        expect(named("aws:kms/alias:Alias", "data")).toMatch(/^alias\/data-[0-9a-f]{7}$/);
        expect(named("aws:rds/instance:Instance", "orders", { engine: "postgres" })).toMatch(/^orders[0-9a-f]{7}$/);
        expect(named("aws:rds/instance:Instance", "reports", { engine: "sqlserver-ex" })).toMatch(/^reports[0-9a-f]{3}$/);
        // An unknown engine is no SQL Server engine (the bridge reads only a known string).
        expect(named("aws:rds/instance:Instance", "orders", { engine: UNKNOWN })).toMatch(/^orders[0-9a-f]{7}$/);
        expect(named("aws:elasticache/replicationGroup:ReplicationGroup", "SessionCache")).toMatch(/^sessioncache-[0-9a-f]{7}$/);
        expect(named("aws:elasticache/cluster:Cluster", "Cache")).toMatch(/^cache-[0-9a-f]{7}$/);
        expect(named("aws:elasticsearch/domain:Domain", "Logs")).toMatch(/^logs-[0-9a-f]{7}$/);
        expect(named("aws:opensearch/domain:Domain", "Search")).toMatch(/^Search-[0-9a-f]{7}$/);
        // pulumi-aws 7 leaves an RDS cluster's identifier to the provider at creation: no name at preview.
        expect(named("aws:rds/cluster:Cluster", "orders")).toBeUndefined();
        // The longest logical names each type takes; one more character and Check fails.
        const longest: [string, number][] = [
            ["aws:iam/role:Role", 64], ["aws:lambda/function:Function", 64], ["aws:cloudwatch/eventRule:EventRule", 64],
            ["aws:sqs/queue:Queue", 80], ["aws:sns/topic:Topic", 80], ["aws:lb/targetGroup:TargetGroup", 32],
            ["aws:s3/bucketV2:BucketV2", 63], ["aws:elasticache/replicationGroup:ReplicationGroup", 40], ["aws:iam/policy:Policy", 255],
        ];
        for (const [type, max] of longest) {
            expect(named(type, "a".repeat(max - 8))).toHaveLength(max);
            expect(() => named(type, "a".repeat(max - 7)), type)
                .toThrow(new AutonameError(`could not make instance of '${type}': name '${"a".repeat(max - 7)}-' plus 7 random chars is longer than maximum length ${max}`));
        }
        // The load balancer's own name has pulumi-aws's default (its ALB-module target group too).
        expect(named("aws:lb/loadBalancer:LoadBalancer", "a".repeat(40))).toHaveLength(48);
        expect(named("aws:alb/targetGroup:TargetGroup", "a".repeat(40))).toHaveLength(48);
    });

    it("gives update-mode resources the proposed names, an alias ARN with a single alias/, and an RDS cluster a name only after creation", () => {
        const fake = (preview: boolean) => createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const create = (preview: boolean, type: string, name: string, inputs: Record<string, unknown> = {}) =>
            fake(preview).newResource({ type, name, inputs, custom: true }).state;
        const queue = create(false, "aws:sqs/queue:Queue", "orders", { fifoQueue: true });
        expect(queue.name).toMatch(/^orders-[0-9a-f]{7}\.fifo$/);
        expect(queue.arn).toBe(`arn:aws:sqs:eu-west-1:123456789012:${queue.name}`);
        const alias = create(false, "aws:kms/alias:Alias", "data", { targetKeyId: "k" });
        expect(alias.arn).toBe(`arn:aws:kms:eu-west-1:123456789012:${alias.name}`);
        expect(create(false, "aws:kms/alias:Alias", "named", { name: "alias/orders", targetKeyId: "k" }).arn).toBe("arn:aws:kms:eu-west-1:123456789012:alias/orders");
        expect(create(true, "aws:rds/cluster:Cluster", "orders", { engine: "aurora-postgresql" })).not.toHaveProperty("clusterIdentifier");
        expect(create(false, "aws:rds/cluster:Cluster", "orders", { engine: "aurora-postgresql" }).clusterIdentifier).toMatch(/^orders-[0-9a-f]{7}$/);
        // A logical name too long fails at preview as after an update.
        for (const preview of [true, false]) expect(() => create(preview, "aws:iam/role:Role", "r".repeat(60))).toThrow(AutonameError);
    });

    it("gives a resource that exists already (the import option, a read) its own id and a known ARN, at preview too", () => {
        for (const preview of [false, true]) {
            const m = createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
            const read = (type: string, name: string, id: string, inputs: Record<string, unknown> = {}) => m.newResource({ type, name, inputs, id, custom: true });
            expect(read("aws:s3/bucketV2:BucketV2", "backups", "acme-backups-0123")).toEqual({
                id: "acme-backups-0123",
                state: expect.objectContaining({ id: "acme-backups-0123", bucket: "acme-backups-0123", arn: "arn:aws:s3:::acme-backups-0123" }),
            });
            // The name the program gives wins over the id; a key is imported by its key id, a secret by its ARN.
            expect(read("aws:iam/role:Role", "ci", "ci-deploy", { name: "ci-deploy" }).state.arn).toBe("arn:aws:iam::123456789012:role/ci-deploy");
            const key = read("aws:kms/key:Key", "archive", "1234abcd-12ab-34cd-56ef-1234567890ab").state;
            expect([key.id, key.keyId, key.arn]).toEqual(["1234abcd-12ab-34cd-56ef-1234567890ab", "1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]);
            const secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db-AbCdEf";
            expect(read("aws:secretsmanager/secret:Secret", "db", secretArn, { name: "orders/db" }).state).toMatchObject({ id: secretArn, arn: secretArn, name: "orders/db" });
        }
    });

    // NS2-Arena/ns2arena deploys the same function, state machine and security group to each compute
    // region through a provider per region: update mode gave all of them the stack's region, so the
    // two functions shared one ARN and the us-east-1 state machine's role named the eu-west-2 function.
    it("places what an explicit provider creates, or provider v7's own `region` input, in that region; data sources called through it answer for it", () => {
        const m = createMocks({ preview: false, region: "eu-west-2", answers: {}, unanswered: new Set(), shapeOf: resourceShapeReader(PACK_DIR) });
        const stackUrn = "urn:pulumi:dev::regional::";
        const provider = (name: string, inputs: Record<string, unknown>, parentType = "") => {
            const { id } = m.newResource({ type: "pulumi:providers:aws", name, inputs, custom: true });
            return `${stackUrn}${parentType}pulumi:providers:aws::${name}::${id}`;
        };
        const create = (type: string, name: string, inputs: Record<string, unknown>, ref = "") => m.newResource({ type, name, inputs, provider: ref, custom: true }).state;
        const use1 = provider("use1", { region: "us-east-1" });
        expect(create("aws:lambda/function:Function", "records-use1", { name: "records" }, use1).arn).toBe("arn:aws:lambda:us-east-1:123456789012:function:records");
        expect(create("aws:lambda/function:Function", "records", { name: "records" }).arn).toBe("arn:aws:lambda:eu-west-2:123456789012:function:records");
        expect(create("aws:ecr/repository:Repository", "images", { name: "images" }, use1).repositoryUrl).toBe("123456789012.dkr.ecr.us-east-1.amazonaws.com/images");
        // A provider under a component (its URN's type is qualified by the parent's), and a resource's own region over its provider's.
        const apse2 = provider("apse2", { region: "ap-southeast-2" }, "acme:Compute$");
        expect(create("aws:sqs/queue:Queue", "jobs", { name: "jobs" }, apse2).arn).toBe("arn:aws:sqs:ap-southeast-2:123456789012:jobs");
        expect(create("aws:sqs/queue:Queue", "audit", { name: "audit", region: "eu-central-1" }, use1).arn).toBe("arn:aws:sqs:eu-central-1:123456789012:audit");
        // A provider without a region, and two of one type and name in different regions, keep the stack's.
        const bare = provider("bare", {});
        expect(create("aws:sqs/queue:Queue", "q1", { name: "q1" }, bare).arn).toBe("arn:aws:sqs:eu-west-2:123456789012:q1");
        const first = provider("twin", { region: "us-west-2" });
        provider("twin", { region: "sa-east-1" }, "acme:Other$");
        expect(create("aws:sqs/queue:Queue", "q2", { name: "q2" }, first).arn).toBe("arn:aws:sqs:eu-west-2:123456789012:q2");
        // Data sources called through the provider.
        expect(m.call({ token: "aws:index/getRegion:getRegion", inputs: {}, provider: use1 })).toMatchObject({ region: "us-east-1" });
        expect(m.call({ token: "aws:index/getAvailabilityZones:getAvailabilityZones", inputs: {}, provider: use1 })).toMatchObject({ names: ["us-east-1a", "us-east-1b", "us-east-1c"] });
        expect(m.call({ token: "aws:index/getRegion:getRegion", inputs: {}, provider: "" })).toMatchObject({ region: "eu-west-2" });
        // At preview a provider's region may be unknown: the stack's then.
        const p = createMocks({ preview: true, region: "eu-west-2", answers: {}, unanswered: new Set(), shapeOf: () => undefined });
        p.newResource({ type: "pulumi:providers:aws", name: "later", inputs: { region: UNKNOWN }, custom: true });
        expect(p.call({ token: "aws:index/getRegion:getRegion", inputs: {}, provider: `${stackUrn}pulumi:providers:aws::later::${UNKNOWN}` })).toMatchObject({ region: "eu-west-2" });
    });

    it("gives global services' ARNs no Region (CloudFront) and no account either (Route 53)", () => {
        expect([
            plausibleArn("aws:cloudfront/distribution:Distribution", "E2QWRUHAPOMQZL", "eu-west-1"),
            plausibleArn("aws:cloudfront/originAccessControl:OriginAccessControl", "E1ABCDEF", "eu-west-1"),
            plausibleArn("aws:cloudfront/function:Function", "rewrite", "eu-west-1"),
            plausibleArn("aws:route53/zone:Zone", "Z0123456789ABC", "eu-west-1"),
            plausibleArn("aws:route53/healthCheck:HealthCheck", "abcdef", "us-gov-west-1"),
        ]).toEqual([
            "arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL",
            "arn:aws:cloudfront::123456789012:origin-access-control/E1ABCDEF",
            "arn:aws:cloudfront::123456789012:function/rewrite",
            "arn:aws:route53:::hostedzone/Z0123456789ABC",
            "arn:aws-us-gov:route53:::healthcheck/abcdef",
        ]);
    });

    it("gives each service's ARN its own shape", () => {
        expect([
            plausibleArn("aws:s3/bucketV2:BucketV2", "logs-1a2b3c4", "eu-west-1"),
            plausibleArn("aws:iam/role:Role", "app", "eu-west-1"),
            plausibleArn("aws:iam/instanceProfile:InstanceProfile", "app", "eu-west-1"),
            plausibleArn("aws:lambda/function:Function", "fn", "eu-west-1"),
            plausibleArn("aws:rds/instance:Instance", "db", "cn-north-1"),
            plausibleArn("aws:dynamodb/table:Table", "t", "eu-west-1"),
        ]).toEqual([
            "arn:aws:s3:::logs-1a2b3c4",
            "arn:aws:iam::123456789012:role/app",
            "arn:aws:iam::123456789012:instance-profile/app",
            "arn:aws:lambda:eu-west-1:123456789012:function:fn",
            "arn:aws-cn:rds:cn-north-1:123456789012:db:db",
            "arn:aws:dynamodb:eu-west-1:123456789012:table/t",
        ]);
    });

    it("names the ARN's own service where it differs from the provider module (a log group is logs:, not cloudwatch:)", () => {
        expect([
            plausibleArn("aws:cloudwatch/logGroup:LogGroup", "/aws/lambda/fn", "eu-west-1"),
            plausibleArn("aws:cloudwatch/eventRule:EventRule", "nightly", "eu-west-1"),
            plausibleArn("aws:cloudwatch/eventBus:EventBus", "orders", "eu-west-1"),
            plausibleArn("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu-high", "eu-west-1"),
            plausibleArn("aws:sfn/stateMachine:StateMachine", "flow", "us-gov-west-1"),
            plausibleArn("aws:sfn/activity:Activity", "approve", "eu-west-1"),
            plausibleArn("aws:efs/fileSystem:FileSystem", "data-1a2b3c4", "eu-west-1"),
        ]).toEqual([
            "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/fn",
            "arn:aws:events:eu-west-1:123456789012:rule/nightly",
            "arn:aws:events:eu-west-1:123456789012:event-bus/orders",
            "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cpu-high",
            "arn:aws-us-gov:states:us-gov-west-1:123456789012:stateMachine:flow",
            "arn:aws:states:eu-west-1:123456789012:activity:approve",
            "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/data-1a2b3c4",
        ]);
        // Secrets Manager appends six random characters to the name.
        expect(plausibleArn("aws:secretsmanager/secret:Secret", "db-password", "eu-west-1"))
            .toMatch(/^arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password-[0-9a-f]{6}$/);
    });

    // pulumi-cdk registers a CDK app's resources as aws-native ones: a `Fn::GetAtt` reads their outputs, a
    // `Ref` their name. Update mode once gave them only an id: a Function without its role, a Permission
    // without its sourceArn, and a `Ref` to a bucket stopped the program (pulumi-cdk examples/s3-object-lambda).
    it("gives aws-native resources aws-native's generated names, their ARNs and other read-only outputs in AWS's formats, and Cloud Control's ids", () => {
        const fake = (preview: boolean) => createMocks({ preview, region: "eu-west-1", answers: {}, unanswered: new Set(), shapeOf: () => undefined });
        const create = (type: string, name: string, inputs: Record<string, unknown> = {}, preview = false) => fake(preview).newResource({ type, name, inputs, custom: true });
        const bucket = create("aws-native:s3:Bucket", "examplebucketc9dfa43e", { bucketEncryption: {} });
        expect(bucket.state.bucketName).toMatch(/^examplebucketc9dfa43e-[0-9a-f]{7}$/);
        const name = bucket.state.bucketName;
        expect(bucket).toEqual({ id: name, state: expect.objectContaining({
            bucketEncryption: {}, arn: `arn:aws:s3:::${name}`, domainName: `${name}.s3.amazonaws.com`, regionalDomainName: `${name}.s3.eu-west-1.amazonaws.com`,
        }) });
        // A name the program (or CDK) gives wins; IAM names sit under their path.
        expect(create("aws-native:iam:Role", "deploy", { roleName: "ci-deploy", path: "/service-role/" }).state).toMatchObject({
            roleName: "ci-deploy", arn: "arn:aws:iam::123456789012:role/service-role/ci-deploy", roleId: expect.stringMatching(/^AROA[0-9A-F]{17}$/),
        });
        const role = create("aws-native:iam:Role", "lambdaServiceRole").state;
        expect(role.arn).toBe(`arn:aws:iam::123456789012:role/${role.roleName}`);
        const fn = create("aws-native:lambda:Function", "lambda", { role: role.arn });
        expect(fn).toEqual({ id: fn.state.functionName, state: expect.objectContaining({ role: role.arn, arn: `arn:aws:lambda:eu-west-1:123456789012:function:${fn.state.functionName}` }) });
        // A rule's id is its ARN, which names its bus when it is not the default one.
        const rule = create("aws-native:events:Rule", "rule", { scheduleExpression: "rate(1 hour)" });
        expect(rule).toEqual({ id: rule.state.arn, state: expect.objectContaining({ arn: `arn:aws:events:eu-west-1:123456789012:rule/${rule.state.name}` }) });
        expect(create("aws-native:events:Rule", "orders", { name: "orders", eventBusName: "arn:aws:events:eu-west-1:123456789012:event-bus/shop" }).state.arn)
            .toBe("arn:aws:events:eu-west-1:123456789012:rule/shop/orders");
        // A FIFO queue's generated name ends in ".fifo"; its id is its URL.
        const queue = create("aws-native:sqs:Queue", "ordersQueue", { fifoQueue: true });
        expect(queue.state.queueName).toMatch(/^ordersQueue-[0-9a-f]{7}\.fifo$/);
        expect(queue).toEqual({ id: `https://sqs.eu-west-1.amazonaws.com/123456789012/${queue.state.queueName}`, state: expect.objectContaining({
            arn: `arn:aws:sqs:eu-west-1:123456789012:${queue.state.queueName}`, queueUrl: `https://sqs.eu-west-1.amazonaws.com/123456789012/${queue.state.queueName}`,
        }) });
        expect(create("aws-native:sns:Topic", "alerts", { topicName: "alerts" })).toEqual({ id: "arn:aws:sns:eu-west-1:123456789012:alerts", state: expect.objectContaining({ topicArn: "arn:aws:sns:eu-west-1:123456789012:alerts" }) });
        const key = create("aws-native:kms:Key", "queueKey");
        expect(key).toEqual({ id: key.state.keyId, state: expect.objectContaining({ arn: `arn:aws:kms:eu-west-1:123456789012:key/${key.state.keyId}` }) });
        expect(key.state.keyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
        // CloudFormation's log group ARN ends in ":*"; a table has a stream ARN only with a stream.
        expect(create("aws-native:logs:LogGroup", "logs", { logGroupName: "/aws/lambda/fn" }).state.arn).toBe("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/fn:*");
        expect(create("aws-native:dynamodb:Table", "orders", { tableName: "orders" }).state).toEqual(expect.not.objectContaining({ streamArn: expect.anything() }));
        expect(create("aws-native:dynamodb:Table", "orders", { tableName: "orders", streamSpecification: { streamViewType: "NEW_IMAGE" } }).state)
            .toMatchObject({ arn: "arn:aws:dynamodb:eu-west-1:123456789012:table/orders", streamArn: expect.stringMatching(/^arn:aws:dynamodb:eu-west-1:123456789012:table\/orders\/stream\//) });
        // A permission's id is its function and statement id.
        const permission = create("aws-native:lambda:Permission", "allowEvents", { functionName: fn.state.arn, principal: "events.amazonaws.com", sourceArn: rule.state.arn });
        expect(permission.id).toBe(`${fn.state.arn}|${permission.state.awsId}`);
        expect(create("aws-native:s3objectlambda:AccessPoint", "olap", { name: "s3-object-lambda-ap" }).state).toMatchObject({
            arn: "arn:aws:s3-object-lambda:eu-west-1:123456789012:accesspoint/s3-object-lambda-ap",
            alias: { status: "READY", value: expect.stringMatching(/^s3-object-lambda-ap-[0-9a-f]{26}--ol-s3$/) },
        });
        // A long name fits the type's maxLength (64 for a function): a shorter random part (aws-native's rule), then the middle cut.
        expect(create("aws-native:lambda:Function", "CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D9018").state.functionName)
            .toMatch(/^CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D9018-[0-9a-f]{3}$/);
        const long = create("aws-native:lambda:Function", "AppStackCustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F").state.functionName;
        expect(long).toMatch(/^AppStackCustomS3AutoDeleteObjec.*ProviderHandler9D90184F-[0-9a-f]$/);
        expect(long.length).toBe(64);
        // At preview aws-native's outputs stay unknown, as before anything exists, but for the name its Check proposes.
        expect(create("aws-native:s3:Bucket", "examplebucket", {}, true).state).toEqual({ id: UNKNOWN, bucketName: create("aws-native:s3:Bucket", "examplebucket").state.bucketName });
    });
});

// Pulumi compiles with the `typescript` its own package resolves (tsutils.js), else the 3.8.3 it vendors,
// never with a copy only the policy pack has: a project without typescript is checked by TypeScript 3.8.
describe("the compiler Pulumi would use", () => {
    it("uses @pulumi/pulumi's vendored TypeScript 3.8.3 when the program's @pulumi/pulumi finds no typescript", () => {
        const roots: string[] = [];
        const project = (withTypescript: boolean) => {
            const root = fs.mkdtempSync(path.join(os.tmpdir(), "check-program-nots-"));
            roots.push(root);
            const pulumiDir = path.join(root, "node_modules", "@pulumi", "pulumi");
            fs.mkdirSync(path.join(pulumiDir, "vendor"), { recursive: true });
            fs.symlinkSync(path.join(PACK_DIR, "node_modules", "@pulumi", "pulumi", "vendor", "typescript@3.8.3"), path.join(pulumiDir, "vendor", "typescript@3.8.3"), "dir");
            if (withTypescript) fs.symlinkSync(path.join(PACK_DIR, "node_modules", "typescript"), path.join(root, "node_modules", "typescript"), "dir");
            // `??=` is TypeScript 4.0 syntax: TypeScript 3.8 does not parse it.
            fs.writeFileSync(path.join(root, "index.ts"), 'let name: string | undefined;\nname ??= "orders";\nexport const table = name;\n');
            return () => typeCheck(root, path.join(root, "index.ts"), false, pulumiDir, {});
        };
        try {
            expect(project(false)).toThrow(new ProgramSyntaxError("index.ts:2:8: Expression expected."));
            // Where @pulumi/pulumi finds a current typescript, the same program type-checks.
            expect(project(true)).not.toThrow();
        } finally {
            for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
        }
    }, 60_000);
});

describe("reading the project directory", () => {
    function project(files: Record<string, string>): string {
        const dir = fs.mkdtempSync(path.join(tmp, "project-"));
        for (const [name, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), text);
        }
        return dir;
    }
    const PULUMI_YAML = "name: shop\nruntime: nodejs\n";

    it("turns stack config into what the program reads: strings, JSON for objects, placeholders for secure values", () => {
        const dir = project({
            "Pulumi.yaml": PULUMI_YAML + "config:\n  tier:\n    default: small\n  shop:owner: platform\n",
            "index.ts": "",
            "Pulumi.prod.yaml": [
                "secretsprovider: awskms://alias/pulumi?region=eu-west-1",
                "config:",
                "  aws:region: eu-west-1",
                "  shop:replicas: 3",
                "  shop:public: false",
                "  tags:",
                "    team: web",
                "  shop:dbPassword:",
                "    secure: v1:abc:def==",
                "  shop:db:",
                "    user: app",
                "    password:",
                "      secure: v1:ghi:jkl==",
            ].join("\n"),
        });
        const p = loadProject(dir);
        expect(p.stack).toBe("prod");
        expect(p.config).toEqual({
            "shop:tier": "small",
            "shop:owner": "platform",
            "aws:region": "eu-west-1",
            "shop:replicas": "3",
            "shop:public": "false",
            "shop:tags": '{"team":"web"}',
            "shop:dbPassword": SECRET_PLACEHOLDER,
            "shop:db": JSON.stringify({ user: "app", password: SECRET_PLACEHOLDER }),
        });
        expect(p.secretKeys.sort()).toEqual(["shop:db", "shop:dbPassword"]);
        expect(p.secretsProvider).toBe("awskms://alias/pulumi?region=eu-west-1");
        expect(p.entry).toBe(dir);
        expect(p.typescript).toBe(true);
    });

    it("reads stack files from a string `config` (stackConfigDir's former name, which the CLI still reads so)", () => {
        const dir = project({
            "Pulumi.yaml": PULUMI_YAML + "config: stacks\n",
            "index.ts": "",
            "stacks/Pulumi.prod.yaml": "secretsprovider: awskms://alias/pulumi?region=eu-west-1\nconfig:\n  aws:region: eu-west-1\n",
        });
        const p = loadProject(dir);
        expect(p.stack).toBe("prod");
        expect(p.config).toEqual({ "aws:region": "eu-west-1" });
        expect(p.secretsProvider).toBe("awskms://alias/pulumi?region=eu-west-1");
    });

    it("defaults the stack to dev and notes a named stack without a stack file", () => {
        const dir = project({ "Pulumi.yaml": PULUMI_YAML, "index.js": "" });
        expect(loadProject(dir).stack).toBe("dev");
        expect(loadProject(dir, "qa").notes[0]).toMatch(/^no Pulumi\.qa\.yaml in .*: the program runs without stack config$/);
    });

    it("takes the entry point from Pulumi.yaml main, else package.json main", () => {
        const dir = project({ "Pulumi.yaml": PULUMI_YAML + "main: src/\n", "package.json": '{"main": "index.ts"}', "index.ts": "" });
        fs.mkdirSync(path.join(dir, "src"));
        fs.writeFileSync(path.join(dir, "src", "index.ts"), "");
        expect(loadProject(dir).entry).toBe(path.join(dir, "src"));
        const other = project({ "Pulumi.yaml": PULUMI_YAML, "package.json": '{"main": "app.js"}', "app.js": "" });
        expect(loadProject(other).entry).toBe(path.join(other, "app.js"));
    });

    it("loads an ES module program (package.json \"type\": \"module\") with import(), TypeScript too", () => {
        const ts = project({ "Pulumi.yaml": PULUMI_YAML, "package.json": '{"type": "module"}', "index.ts": "" });
        expect(loadProject(ts)).toMatchObject({ entry: path.join(ts, "index.ts"), esm: true, typescript: true });
        const mts = project({ "Pulumi.yaml": PULUMI_YAML + "main: infra.mts\n", "package.json": '{"type": "module"}', "infra.mts": "" });
        expect(loadProject(mts)).toMatchObject({ entry: path.join(mts, "infra.mts"), esm: true });
    });

    it("reads a package.json that starts with a byte order mark, as Node.js does", () => {
        const dir = project({ "Pulumi.yaml": PULUMI_YAML, "package.json": '\uFEFF{"main": "app.js"}', "app.js": "" });
        expect(loadProject(dir).entry).toBe(path.join(dir, "app.js"));
    });

    const bad: [string, Record<string, string>, RegExp][] = [
        ["no Pulumi.yaml", {}, /: no Pulumi\.yaml \(--program takes the directory holding Pulumi\.yaml\)$/],
        ["an empty Pulumi.yaml", { "Pulumi.yaml": "" }, /Pulumi\.yaml: no project `name` \(the project file names its project: `name: <project>`\)$/],
        ["a name that is not a string", { "Pulumi.yaml": "name: 5\nruntime: nodejs\n" }, /Pulumi\.yaml: `name` must be a string, the project's name$/],
        ["another runtime", { "Pulumi.yaml": "name: shop\nruntime: python\n" }, /runtime is "python"; check --program runs Node\.js \(TypeScript\/JavaScript\) programs only$/],
        ["a missing main", { "Pulumi.yaml": PULUMI_YAML + "main: dist/index.js\n" }, /Pulumi\.yaml main "dist\/index\.js" does not exist/],
        ["a package.json main that is not built yet", { "Pulumi.yaml": PULUMI_YAML, "package.json": '{"main": "dist/index.js"}', "README.md": "" },
            /: package\.json main "dist\/index\.js" does not exist, nor does an index\.ts or index\.js \(a program compiled to JavaScript needs its build first\); or set `main` in Pulumi\.yaml to the program's file$/],
        // Node would say it cannot find the directory itself.
        ["no program file", { "Pulumi.yaml": PULUMI_YAML, "package.json": '{"name": "shop"}', "README.md": "" }, /no entry point in \S+ \(index\.ts or index\.js\); set `main` in Pulumi\.yaml to the program's file$/],
        // Node.js refuses to load a program whose package.json is not JSON, so a real preview fails too.
        ["a package.json with a trailing comma", { "Pulumi.yaml": PULUMI_YAML, "index.ts": "",
            "package.json": '{\n  "name": "shop",\n  "dependencies": {\n    "@pulumi/aws": "^7.0.0",\n  }\n}\n' },
            /\/package\.json: not valid JSON \(line 5\), so Node\.js cannot load the program; fix it and run again$/],
        ["an empty package.json", { "Pulumi.yaml": PULUMI_YAML, "index.ts": "", "package.json": "\n" }, /\/package\.json: not valid JSON \(the file is empty\), so Node\.js/],
        ["a package.json that is not JSON", { "Pulumi.yaml": PULUMI_YAML, "index.ts": "", "package.json": '{"main": sk_live_123}' }, /\/package\.json: not valid JSON, so Node\.js/],
        ["a stack file that is not YAML", { "Pulumi.yaml": PULUMI_YAML, "Pulumi.dev.yaml": "config:\n  shop:key: [sk_live_123\n" }, /Pulumi\.dev\.yaml: the stack file is not valid YAML \(line \d+\)$/],
    ];
    it.each(bad)("rejects %s with one line", (_label, files, message) => {
        const dir = project(files);
        expect(() => loadProject(dir)).toThrow(ProgramError);
        expect(() => loadProject(dir)).toThrow(message);
        try {
            loadProject(dir);
        } catch (e) {
            expect((e as Error).message).not.toContain("sk_live");
        }
    });

    it("explains a program that crashed before check's handlers ran by the error's line, not Node.js's version line", () => {
        const fatal = ["node:internal/modules/package_json_reader:93", "        throw error;", "        ^", "",
            "SyntaxError: Error parsing /p/package.json: Unexpected end of JSON input", "    at parse (<anonymous>)",
            "    at [eval]:8:1 {", "  path: '/p/package.json'", "}", "", "Node.js v20.20.2", ""].join("\n");
        expect(crashLine(fatal)).toBe("SyntaxError: Error parsing /p/package.json: Unexpected end of JSON input");
        expect(crashLine("Error [ERR_REQUIRE_ESM]: require() of ES Module /p/x.js not supported.\n")).toBe("Error [ERR_REQUIRE_ESM]: require() of ES Module /p/x.js not supported.");
        expect(crashLine("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n\nNode.js v22.23.5\n"))
            .toBe("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory");
        expect(crashLine("")).toBeUndefined();
    });

    it("names the package to install when a program imports a file of it, and the file when the package is there", () => {
        const dir = project({ "Pulumi.yaml": PULUMI_YAML, "index.ts": "" });
        fs.mkdirSync(path.join(dir, "node_modules", "@acme", "ui"), { recursive: true });
        fs.writeFileSync(path.join(dir, "node_modules", "@acme", "ui", "package.json"), '{"name": "@acme/ui"}');
        const notFound = (request: string) => Object.assign(new Error(`Cannot find module '${request}'\nRequire stack:\n- ${dir}/index.ts`),
            { code: "MODULE_NOT_FOUND", requireStack: [path.join(dir, "index.ts")] });
        const job = { programDir: dir, stack: "dev", preview: false };
        expect(describeError(notFound("validator/lib/isEmail"), job))
            .toBe(`the program needs the package 'validator' (for 'validator/lib/isEmail') (from index.ts), which is not installed: run npm install in ${dir}`);
        expect(describeError(notFound("@slack/client"), job)).toBe(`the program needs the package '@slack/client' (from index.ts), which is not installed: run npm install in ${dir}`);
        expect(describeError(notFound("@acme/ui/button"), job))
            .toBe("the program imports '@acme/ui/button' (from index.ts), which the installed package '@acme/ui' does not have: install the version the program was written for");
    });

    it("names the stack file a missing config value belongs in, or says there is none", () => {
        const missing = new Error("Missing required configuration variable 'orders:dbPassword'\n\tplease set a value using the command `pulumi config set --secret orders:dbPassword <value>`");
        const job = { programDir: "/p", stack: "prod", preview: false };
        expect(describeError(missing, { ...job, stackFile: "Pulumi.prod.yml" }))
            .toBe("the program requires config orders:dbPassword, which Pulumi.prod.yml does not set: add it under `config:` (with `secure:` for a secret)");
        expect(describeError(missing, job))
            .toBe("the program requires config orders:dbPassword, and there is no Pulumi.prod.yaml: write one that sets it under `config:` (with `secure:` for a secret)");
    });

    it("says a program calling AWS itself finds no credentials offline, and how to get past it", () => {
        const e = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
        e.stack = `CredentialsProviderError: ${e.message}\n    at /p/node_modules/@smithy/property-provider/dist-cjs/index.js:1:1`;
        expect(describeError(e, { programDir: "/p", stack: "dev", preview: false })).toBe(
            "the program failed: CredentialsProviderError: Could not load credentials from any providers; the program calls AWS itself through the AWS SDK, " +
                "which check, offline and without credentials, does not do: if the call is in an output's callback, run with --preview, where outputs are unknown and such callbacks do not run",
        );
        expect(describeError(e, { programDir: "/p", stack: "dev", preview: true }))
            .toBe("the program failed: CredentialsProviderError: Could not load credentials from any providers; the program calls AWS itself through the AWS SDK, which check, offline and without credentials, does not do");
    });

    it("gives the cause of an output that failed, without the SDK's chain of properties that awaited it", () => {
        const e = new TypeError('error serializing property "requestTemplates": error serializing property "policyArn": aws.ec2.getSubnetIds is not a function');
        e.stack = `TypeError: ${e.message}\n    at /p/network.ts:12:25`;
        expect(describeError(e, { programDir: "/p", stack: "dev", preview: true }))
            .toBe("the program failed: TypeError: aws.ec2.getSubnetIds is not a function (at network.ts:12)");
    });

    it("reads an answers file and rejects one that is not a map of results", () => {
        expect(readAnswers(path.join(PROGRAMS, "needs-answers/answers.json"))["aws:ec2/getAmi:getAmi"]).toMatchObject({ id: "ami-0abcdef1234567890" });
        expect(() => readAnswers(writeTmp("bad-answers.json", '{"aws:ec2/getAmi:getAmi": "ami-1"}'))).toThrow("the answer for aws:ec2/getAmi:getAmi must be a JSON object (the invoke's result)");
        expect(() => readAnswers(writeTmp("broken-answers.json", "{"))).toThrow("the invoke answers file is not valid JSON");
    });
});

// ---------------------------------------------------------------- captured shapes

describe("what a program registers, captured as the engine would hand it to an analyzer", () => {
    it("roots the stack: the pulumi:pulumi:Stack resource first, top-level resources parented to it, stack outputs recorded", async () => {
        const c = await capture("split-bucket-encryption", "update");
        const root = c.resources[0];
        expect(root).toMatchObject({ type: "pulumi:pulumi:Stack", name: "split-bucket-encryption-dev", custom: false, parent: undefined });
        expect(root.urn).toBe("urn:pulumi:dev::split-bucket-encryption::pulumi:pulumi:Stack::split-bucket-encryption-dev");
        expect(named(c, "logs").parent).toBe(root.urn);
        expect(named(c, "logs").urn).toBe("urn:pulumi:dev::split-bucket-encryption::aws:s3/bucketV2:BucketV2::logs");
        expect(root.outputs).toEqual({ dataBucket: named(c, "data").outputs?.bucket, logsBucket: named(c, "logs").outputs?.bucket });
        expect(c.resources.filter((r) => r.type === "pulumi:providers:aws").map((r) => [r.name, r.inputs])).toEqual([["default_7_48_0", { region: "us-east-1", version: "7.48.0" }]]);
    });

    it("preview: outputs of resources not created yet are unknown, and references survive only as property dependencies", async () => {
        const c = await capture("split-bucket-encryption", "preview");
        const data = named(c, "data");
        const sse = named(c, "data-encryption");
        expect(sse.inputs.bucket).toBe(UNKNOWN);
        expect(sse.inputs.rules).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN }, bucketKeyEnabled: true }]);
        expect(sse.propertyDependencies).toEqual({ bucket: [data.urn], rules: [named(c, "data-key").urn] });
        expect(sse.dependencies.sort()).toEqual([data.urn, named(c, "data-key").urn].sort());
        // With the name the provider's Check proposes, as a real preview analyzes it.
        expect(data.inputs).toEqual({ tags: { team: "storage" }, bucket: expect.stringMatching(/^data-[0-9a-f]{7}$/) });
        // Output-only properties of the BucketV2 class, and the id.
        expect(data.outputs).toMatchObject({ id: UNKNOWN, arn: UNKNOWN, bucketDomainName: UNKNOWN, tags: { team: "storage" } });
        // Optional inputs the program did not set stay absent (not every computed property is known to check).
        expect(data.outputs).not.toHaveProperty("serverSideEncryptionConfigurations");
        expect(data.provider).toBe(`urn:pulumi:dev::split-bucket-encryption::pulumi:providers:aws::default_7_48_0::${UNKNOWN}`);
    });

    it("update: plausible physical names, ids and ARNs flow into the resources that use them", async () => {
        const c = await capture("split-bucket-encryption", "update");
        const data = named(c, "data");
        expect(data.outputs).toMatchObject({ bucket: expect.stringMatching(/^data-[0-9a-f]{7}$/), arn: expect.stringMatching(/^arn:aws:s3:::data-[0-9a-f]{7}$/) });
        expect(data.outputs?.id).toBe(data.outputs?.bucket);
        const sse = named(c, "data-encryption");
        expect(sse.inputs.bucket).toBe(data.outputs?.id);
        const key = named(c, "data-key");
        expect(key.outputs?.arn).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/);
        expect((sse.inputs.rules as any)[0].applyServerSideEncryptionByDefault.kmsMasterKeyId).toBe(key.outputs?.arn);
        // Deterministic, so saved fixtures do not churn.
        const again = await runProgram({ dir: path.join(PROGRAMS, "split-bucket-encryption"), preview: false });
        expect(named(again, "data").outputs).toEqual(data.outputs);
    });

    it("records where the program constructs each resource: the .ts or .js line and column, a component's children at its constructor", async () => {
        const lineOf = (example: string, file: string, text: string) => fs.readFileSync(path.join(PROGRAMS, example, file), "utf8").split("\n").findIndex((l) => l.includes(text)) + 1;
        const at = (c: ProgramCapture, name: string) => c.sources[named(c, name).urn];
        const split = await capture("split-bucket-encryption", "update");
        const index = path.join(PROGRAMS, "split-bucket-encryption", "index.ts");
        expect(at(split, "logs")).toEqual({ file: index, line: lineOf("split-bucket-encryption", "index.ts", 'new aws.s3.BucketV2("logs"'), column: 14 });
        expect(at(split, "data-encryption")).toEqual({ file: index, line: lineOf("split-bucket-encryption", "index.ts", "new aws.s3.BucketServerSideEncryptionConfigurationV2("), column: 1 });
        // Not the SDK's own frames: the root stack is registered by the harness, not the program.
        expect(split.sources[split.resources[0].urn]).toBeUndefined();
        expect(split.projectFile).toBe(path.join(PROGRAMS, "split-bucket-encryption", "Pulumi.yaml"));
        const lambda = await capture("lambda-env", "preview");
        expect(at(lambda, "handler")).toMatchObject({ file: path.join(PROGRAMS, "lambda-env", "index.js"), line: lineOf("lambda-env", "index.js", 'new aws.lambda.Function("handler"') });
        const components = await capture("component-protect", "preview");
        expect(at(components, "orders-audit-events").line).toBe(lineOf("component-protect", "index.ts", "this.table = new aws.dynamodb.Table("));
        expect(at(components, "orders").line).toBe(lineOf("component-protect", "index.ts", 'new Store("orders"'));
    });

    it("locates an ES module JavaScript program's top-level resources (frames without a function name) and those made in its functions", async () => {
        const dir = path.join(PROGRAMS, "esm-javascript");
        const lineOf = (text: string) => fs.readFileSync(path.join(dir, "index.js"), "utf8").split("\n").findIndex((l) => l.includes(text)) + 1;
        const c = await capture("esm-javascript", "preview");
        expect(c.sources[named(c, "uploads").urn]).toMatchObject({ file: path.join(dir, "index.js"), line: lineOf('new aws.s3.BucketV2("uploads"') });
        expect(c.sources[named(c, "jobs").urn]).toMatchObject({ file: path.join(dir, "index.js"), line: lineOf("return new aws.sqs.Queue(name") });
    });

    it("runs an ES module TypeScript program: top-level await, `./bucket.js` for bucket.ts, locations on the TypeScript lines, exports as outputs", async () => {
        for (const mode of ["preview", "update"] as const) {
            const c = await capture("esm-typescript", mode);
            const lineOf = (file: string, text: string) => fs.readFileSync(path.join(PROGRAMS, "esm-typescript", file), "utf8").split("\n").findIndex((l) => l.includes(text)) + 1;
            const dir = path.join(PROGRAMS, "esm-typescript");
            expect(c.sources[named(c, "data").urn]).toMatchObject({ file: path.join(dir, "bucket.ts"), line: lineOf("bucket.ts", "new aws.s3.BucketV2(name") });
            expect(c.sources[named(c, "logs").urn]).toMatchObject({ file: path.join(dir, "index.ts"), line: lineOf("index.ts", 'new aws.s3.BucketV2("logs"') });
            expect(named(c, "data-key").inputs.description).toBe("Data of account 123456789012");
            expect(Object.keys(c.resources[0].outputs ?? {}).sort()).toEqual(["dataBucket", "logsBucket"]);
        }
    });

    it("a resource built in an anonymous callback lands on the program line that ran the callback", async () => {
        const dir = fs.mkdtempSync(path.join(tmp, "anonymous-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: anonymous\nruntime: nodejs\n");
        fs.writeFileSync(path.join(dir, "index.js"), [
            'const aws = require("@pulumi/aws");',
            '["a", "b"].forEach((name) => new aws.sqs.Queue(name));',
            "",
        ].join("\n"));
        fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
        const c = await runProgram({ dir, preview: true });
        expect(c.sources[named(c, "a").urn]).toMatchObject({ file: path.join(dir, "index.js"), line: 2 });
    });

    it("hands a program the ARNs of log groups, rules, state machines and secrets in their services' formats, and a secret's and a state machine's ARN as their id", async () => {
        const dir = fs.mkdtempSync(path.join(tmp, "arns-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: arns\nruntime: nodejs\n");
        fs.writeFileSync(path.join(dir, "index.js"), [
            'const aws = require("@pulumi/aws");',
            'const logs = new aws.cloudwatch.LogGroup("logs", { name: "/aws/lambda/orders" });',
            'const rule = new aws.cloudwatch.EventRule("nightly", { scheduleExpression: "rate(1 day)" });',
            'const flow = new aws.sfn.StateMachine("flow", { roleArn: "arn:aws:iam::123456789012:role/flow", definition: "{}" });',
            'const secret = new aws.secretsmanager.Secret("db", { name: "orders/db" });',
            'new aws.secretsmanager.SecretVersion("db-value", { secretId: secret.id, secretString: "x" });',
            'new aws.iam.Policy("reader", { policy: aws.iam.getPolicyDocumentOutput({ statements: [',
            '    { actions: ["logs:PutLogEvents"], resources: [logs.arn.apply((a) => `${a}:*`)] },',
            '    { actions: ["secretsmanager:GetSecretValue"], resources: [secret.arn] },',
            '    { actions: ["states:StartExecution"], resources: [flow.id] },',
            '    { actions: ["events:PutRule"], resources: [rule.arn] },',
            '] }).json });',
            "",
        ].join("\n"));
        fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
        const c = await runProgram({ dir, preview: false });
        const statements = JSON.parse(named(c, "reader").inputs.policy as string).Statement;
        expect(statements.map((s: any) => s.Resource)).toEqual([
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:*",
            expect.stringMatching(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:orders\/db-[0-9a-f]{6}$/),
            expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:stateMachine:flow-[0-9a-f]{7}$/),
            expect.stringMatching(/^arn:aws:events:us-east-1:123456789012:rule\/nightly-[0-9a-f]{7}$/),
        ]);
        // The provider's id of a secret is its ARN, which a SecretVersion's secretId then carries.
        expect(named(c, "db-value").inputs.secretId).toBe(statements[1].Resource);
    });

    // pulumi/examples aws-ts-apigatewayv2-http-api's shape, with a REST API's authorizer: the program puts
    // API Gateway's ids in paths and splits a stage's URL, as it does against AWS.
    it("hands a program API Gateway's ids and an HTTP API stage's invoke URL, to build a route target, an authorizer's source ARN and a host; unknown at preview", async () => {
        const dir = fs.mkdtempSync(path.join(tmp, "apigw-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: apigw\nruntime: nodejs\n");
        fs.writeFileSync(path.join(dir, "index.js"), [
            'const aws = require("@pulumi/aws");',
            'const pulumi = require("@pulumi/pulumi");',
            'const http = new aws.apigatewayv2.Api("http", { protocolType: "HTTP" });',
            'const integration = new aws.apigatewayv2.Integration("fn", { apiId: http.id, integrationType: "AWS_PROXY", integrationUri: "arn:aws:lambda:us-east-1:123456789012:function:fn" });',
            'new aws.apigatewayv2.Route("all", { apiId: http.id, routeKey: "$default", target: pulumi.interpolate`integrations/${integration.id}` });',
            'const stage = new aws.apigatewayv2.Stage("dev", { apiId: http.id, name: "dev", autoDeploy: true });',
            'new aws.sqs.Queue("host", { tags: { origin: stage.invokeUrl.apply((u) => new URL(u).host) } });',
            'const rest = new aws.apigateway.RestApi("rest", {});',
            'const auth = new aws.apigateway.Authorizer("token", { restApi: rest.id, authorizerUri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations" });',
            'new aws.lambda.Permission("auth", { action: "lambda:InvokeFunction", function: "auth", principal: "apigateway.amazonaws.com", sourceArn: pulumi.interpolate`${rest.executionArn}/authorizers/${auth.id}` });',
            "",
        ].join("\n"));
        fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
        const c = await runProgram({ dir, preview: false });
        const [httpId, restId] = [named(c, "http").outputs?.id, named(c, "rest").outputs?.id];
        expect(named(c, "all").inputs.target).toMatch(/^integrations\/[0-9a-z]{7}$/);
        expect(named(c, "host").inputs.tags).toEqual({ origin: `${httpId}.execute-api.us-east-1.amazonaws.com` });
        expect(named(c, "auth").inputs.sourceArn).toMatch(new RegExp(`^arn:aws:execute-api:us-east-1:123456789012:${restId}/authorizers/[0-9a-z]{6}$`));
        const preview = await runProgram({ dir, preview: true });
        expect([named(preview, "all").inputs.target, named(preview, "host").inputs.tags, named(preview, "auth").inputs.sourceArn]).toEqual([UNKNOWN, { origin: UNKNOWN }, UNKNOWN]);
    }, 180_000);

    it("builds URNs with the whole parent type chain and records each parent", async () => {
        const c = await capture("component-protect", "preview");
        const store = named(c, "orders");
        const audit = named(c, "orders-audit");
        const table = named(c, "orders-audit-events");
        expect(store.urn).toBe("urn:pulumi:dev::component-protect::acme:storage:Store::orders");
        expect(audit.urn).toBe("urn:pulumi:dev::component-protect::acme:storage:Store$acme:storage:AuditTrail::orders-audit");
        expect(table.urn).toBe("urn:pulumi:dev::component-protect::acme:storage:Store$acme:storage:AuditTrail$aws:dynamodb/table:Table::orders-audit-events");
        expect([store.parent, audit.parent, table.parent]).toEqual([c.resources[0].urn, store.urn, audit.urn]);
        expect([store.custom, audit.custom, table.custom]).toEqual([false, false, true]);
        expect(store.provider).toBeUndefined();
        // registerOutputs of a component: the table's name, which the provider's Check proposes at preview too.
        expect(audit.outputs).toEqual({ tableName: table.inputs.name });
        expect(table.inputs.name).toMatch(/^orders-audit-events-[0-9a-f]{7}$/);
    });

    it("records protect as the SDK sends it: inherited from a protected component by every descendant", async () => {
        const c = await capture("component-protect", "update");
        const protectedNames = c.resources.filter((r) => r.protect).map((r) => r.name).sort();
        expect(protectedNames).toEqual(["orders", "orders-audit", "orders-audit-events", "orders-objects", "orders-objects-encryption"]);
        expect(named(c, "scratch-objects").protect).toBe(false);
    });

    it("keeps secrets as signature objects: secret config, and a secret nested among plaintext values", async () => {
        const db = named(await capture("secret-config", "update"), "orders-db");
        expect(db.inputs.password).toEqual({ [SIG_KEY]: SIG.secret, value: SECRET_PLACEHOLDER });
        expect(db.inputs.username).toBe("orders_app");
        expect(named(await capture("secret-config", "update"), "default_7_48_0").inputs).toEqual({ region: "eu-west-1", version: "7.48.0" });

        const fn = named(await capture("lambda-env", "preview"), "handler");
        const variables = (fn.inputs.environment as any).variables;
        expect(variables.API_TOKEN).toBe("tok_live_4f9a8c7e6d5b4a3f2e1d");
        expect(variables.LOG_LEVEL).toBe("info");
        expect(isWireSecret(variables.SIGNING_KEY)).toBe(true);
        expect(fn.inputs.role).toBe(UNKNOWN);
        expect(fn.propertyDependencies.role).toEqual([named(await capture("lambda-env", "preview"), "handler-role").urn]);
        // An archive as the engine keeps it, without the SDK's marker keys.
        expect(fn.inputs.code).toEqual({
            [SIG_KEY]: SIG.archive,
            assets: { "index.js": { [SIG_KEY]: SIG.asset, text: "exports.handler = async () => ({ statusCode: 200 });" } },
        });
    });

    it("runs a program with empty assets (the SDK's mock monitor refuses them), and keeps them as the engine sends them: their hash alone", async () => {
        const EMPTY = { [SIG_KEY]: SIG.asset, hash: EMPTY_TEXT_ASSET_HASH };
        for (const mode of ["update", "preview"] as const) {
            const c = await capture("s3-folder-markers", mode);
            expect(named(c, "uploads-incoming").inputs.source).toEqual(EMPTY);
            expect(named(c, "uploads-processed").inputs.source).toEqual(EMPTY);
            expect((named(c, "sorter").inputs.code as any).assets).toEqual({
                "index.js": { [SIG_KEY]: SIG.asset, text: "exports.handler = async () => {};" },
                "data/.keep": EMPTY,
            });
        }
        // The fake cloud echoes the inputs: the outputs hold the empty asset too, not the text the SDK's mock was given instead.
        expect(named(await capture("s3-folder-markers", "update"), "uploads-incoming").outputs?.source).toEqual(EMPTY);
    });

    it("update mode fills in the outputs programs compute with (an RDS endpoint split, ACM's validation records, a load balancer alias, SES's DKIM tokens, a stage's invoke URL, an EKS cluster's CA and OIDC issuer, an S3 website's endpoint, a queue's URL, a layer version's ARN)", async () => {
        const update = await capture("computed-outputs", "update");
        const db = named(update, "orders").outputs!;
        expect(db.endpoint).toBe(`${db.address}:5432`);
        const records = update.resources.filter((r) => r.type === "aws:route53/record:Record");
        // The wildcard shares its base name's record, so the loop creates one.
        // The email-validated certificate's list is empty (not undefined): its loop runs and creates none.
        expect(records.map((r) => r.name).sort()).toEqual(["apps-delegation", "dkim-0", "dkim-1", "dkim-2", "status-page", "validation-shop.example.com", "www"]);
        // A delegated zone's four name servers, and a record's fqdn under its zone's name (the program stopped on both before).
        const apps = named(update, "apps-zone").outputs!;
        expect(apps.zoneId).toMatch(/^Z[0-9A-Z]{20}$/);
        expect(apps.arn).toBe(`arn:aws:route53:::hostedzone/${apps.zoneId}`);
        expect(named(update, "apps-delegation").inputs.records).toEqual(apps.nameServers);
        expect(update.resources[0].outputs?.appsNameServers).toMatch(/^ns-\d+\.awsdns-\d{2}\.com\. ns-\d+\.awsdns-\d{2}\.net\. ns-\d+\.awsdns-\d{2}\.org\. ns-\d+\.awsdns-\d{2}\.co\.uk\.$/);
        expect(update.resources[0].outputs?.statusUrl).toBe("https://status.apps.shop.example.com/");
        expect(named(update, "status-page").outputs).toMatchObject({ fqdn: "status.apps.shop.example.com", id: `${apps.zoneId}_status.apps.shop.example.com_CNAME` });
        expect(named(update, "dkim-0").inputs).toMatchObject({ type: "CNAME", name: expect.stringMatching(/^[0-9a-z]{32}\._domainkey\.shop\.example\.com$/) });
        // The stage's invoke URL splits into a CloudFront origin's domain and path, as programs do.
        expect(update.resources[0].outputs?.apiOrigin).toEqual({ domainName: `${named(update, "shop-api").outputs!.id}.execute-api.us-east-1.amazonaws.com`, originPath: "/live" });
        expect(named(update, "mail-tls").outputs!.domainValidationOptions).toEqual([]);
        // A website's endpoint, as a CloudFront custom origin takes it (the program stopped here before).
        expect(update.resources[0].outputs?.siteOrigin).toBe(`${named(update, "shop-site").outputs!.bucket}.s3-website-us-east-1.amazonaws.com`);
        // A queue's URL (its last segment the queue's name) and a layer version's ARN, as the function takes them.
        expect(named(update, "jobs-worker").inputs).toMatchObject({
            environment: { variables: { QUEUE_NAME: "jobs" } }, layers: ["arn:aws:lambda:us-east-1:123456789012:layer:runtime:1"],
        });
        expect(named(update, "validation-shop.example.com").inputs).toMatchObject({ type: "CNAME", name: expect.stringMatching(/^_[0-9a-f]{7}\.shop\.example\.com\.$/) });
        expect((named(update, "www").inputs.aliases as any[])[0]).toMatchObject({ name: named(update, "web").outputs!.dnsName, zoneId: "Z35SXDOTRQ7X7K" });
        expect(named(update, "web").outputs!.arn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web-[0-9a-f]{7}\/[0-9a-f]{16}$/);
        // A classic EKS cluster's endpoint, CA and OIDC issuer (one 32-hex id, as EKS gives them): the kubeconfig's CA
        // decodes, and the service account's role trusts the issuer (the program stopped here before they were filled in).
        const cluster = named(update, "apps").outputs!;
        const id = /^https:\/\/([0-9A-F]{32})\.gr7\.us-east-1\.eks\.amazonaws\.com$/.exec(cluster.endpoint as string)![1];
        expect(cluster.identities).toEqual([{ oidcs: [{ issuer: `https://oidc.eks.us-east-1.amazonaws.com/id/${id}` }] }]);
        expect(update.resources[0].outputs?.clusterCa).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=]+\n-----END CERTIFICATE-----\n$/);
        expect(JSON.parse(named(update, "apps-load-balancer-controller").inputs.assumeRolePolicy as string).Statement[0]).toMatchObject({
            Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/${id}` },
            Condition: { StringEquals: { [`oidc.eks.us-east-1.amazonaws.com/id/${id}:sub`]: "system:serviceaccount:kube-system:aws-load-balancer-controller" } },
        });
        // At preview those outputs are unknown: the loop's callback does not run, the alias is unknown.
        const preview = await capture("computed-outputs", "preview");
        expect(preview.resources.filter((r) => r.type === "aws:route53/record:Record").map((r) => r.name).sort()).toEqual(["apps-delegation", "status-page", "www"]);
        expect(named(preview, "status-page").outputs?.fqdn).toBe(UNKNOWN);
        expect((named(preview, "www").inputs.aliases as any[])[0].name).toBe(UNKNOWN);
    });

    it("hands a program the ids AWS generates: a NAT gateway takes its Elastic IP's allocation id, a bucket policy its address; an object's id is its key", async () => {
        const update = await capture("ec2-ids", "update");
        const eip = update.resources.find((r) => r.type === "aws:ec2/eip:Eip")!;
        expect(eip.outputs).toMatchObject({ id: expect.stringMatching(/^eipalloc-[0-9a-f]{17}$/), allocationId: eip.outputs!.id });
        const nat = update.resources.find((r) => r.type === "aws:ec2/natGateway:NatGateway")!;
        expect(nat.inputs).toMatchObject({ allocationId: eip.outputs!.id, subnetId: expect.stringMatching(/^subnet-[0-9a-f]{17}$/) });
        const policy = JSON.parse(update.resources.find((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy")!.inputs.policy as string);
        expect(policy.Statement[0].Condition).toEqual({ IpAddress: { "aws:SourceIp": `${eip.outputs!.publicIp}/32` } });
        const stack = update.resources[0].outputs!;
        expect(stack.pageUrl).toMatch(/^https:\/\/reports-[0-9a-f]{7}\.s3\.us-east-1\.amazonaws\.com\/latest\/index\.html$/);
        expect(stack.groupArn).toMatch(/^arn:aws:ec2:us-east-1:123456789012:security-group\/sg-[0-9a-f]{17}$/);
        expect(stack.ruleId).toMatch(/^sgr-[0-9a-f]{17}$/);
        expect(stack.pageEtag).toMatch(/^[0-9a-f]{32}$/);
        // At preview the address is unknown, and so is the document: nothing to judge yet.
        const preview = await capture("ec2-ids", "preview");
        expect(preview.resources.find((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy")!.inputs.policy).toBe(UNKNOWN);
        expect(preview.resources.find((r) => r.type === "aws:ec2/natGateway:NatGateway")!.inputs.allocationId).toBe(UNKNOWN);
    });

    it("hands a program an instance's addresses, an object's version id and ECS's long ARNs; at preview unknowns, never \"undefined\"", async () => {
        const update = await capture("instance-addresses", "update");
        const byName = (type: string, name: string) => update.resources.find((r) => r.type === type && r.name === name)!;
        const bastion = byName("aws:ec2/instance:Instance", "bastion").outputs!;
        expect(bastion).toMatchObject({ privateIp: expect.stringMatching(/^10\.0\.1\.\d+$/), publicIp: expect.stringMatching(/^198\.51\.100\.\d+$/) });
        expect(byName("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh-from-bastion").inputs.cidrIpv4).toBe(`${bastion.privateIp}/32`);
        const policy = JSON.parse(byName("aws:s3/bucketPolicy:BucketPolicy", "artifacts").inputs.policy as string);
        expect(policy.Statement[0].Condition).toEqual({ IpAddress: { "aws:SourceIp": `${bastion.publicIp}/32` } });
        const stack = update.resources[0].outputs!;
        expect(stack).toMatchObject({
            appAddress: expect.stringMatching(/^10\.0\.2\.\d+$/), appHasPublicIp: false, bastionDns: expect.stringMatching(/^ec2-198-51-100-\d+\.compute-1\.amazonaws\.com$/),
            bundleVersion: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), scalingResourceId: "service/apps/web", taskFamilyRevision: "web:1",
        });
        const preview = await capture("instance-addresses", "preview");
        const previewOf = (type: string, name: string) => preview.resources.find((r) => r.type === type && r.name === name)!;
        expect(previewOf("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh-from-bastion").inputs.cidrIpv4).toBe(UNKNOWN);
        expect(previewOf("aws:s3/bucketPolicy:BucketPolicy", "artifacts").inputs.policy).toBe(UNKNOWN);
    });

    it("runs a program whose instances sit on its network interfaces: their subnets, addresses and primary interfaces, unknown at preview", async () => {
        const update = await capture("eni-instance", "update");
        const byName = (c: ProgramCapture, type: string, name: string) => c.resources.find((r) => r.type === type && r.name === name)!;
        const natEni = byName(update, "aws:ec2/networkInterface:NetworkInterface", "nat").outputs!;
        expect(natEni.privateIp).toMatch(/^172\.16\.20\.\d{1,3}$/);
        // The route goes through the NAT instance's interface; the rules admit addresses of the program's subnets.
        expect(byName(update, "aws:ec2/route:Route", "private-default").inputs.networkInterfaceId).toBe(natEni.id);
        expect(byName(update, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "from-nat").inputs.cidrIpv4).toBe(`${natEni.privateIp}/32`);
        expect(byName(update, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "licence-clients").inputs.cidrIpv4).toBe("172.16.10.0/24");
        expect(byName(update, "aws:ebs/volume:Volume", "licence-data").inputs.availabilityZone).toBe("us-east-1b");
        expect(update.resources[0].outputs).toMatchObject({
            licenceAddress: "172.16.10.100", licenceSubnet: expect.stringMatching(/^subnet-[0-9a-f]{17}$/), licenceHasPublicIp: false, natEipPrivateIp: natEni.privateIp,
        });
        const preview = await capture("eni-instance", "preview");
        for (const [type, name, property] of [
            ["aws:ec2/route:Route", "private-default", "networkInterfaceId"],
            ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "from-nat", "cidrIpv4"],
            ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "licence-clients", "cidrIpv4"],
            ["aws:ebs/volume:Volume", "licence-data", "availabilityZone"],
        ]) expect(byName(preview, type, name).inputs[property], `${name}.${property}`).toBe(UNKNOWN);
    });

    // A real preview analyzes the inputs the provider's Check returns, with the name it proposes, and
    // the program reads that name from `bucket.bucket`. check once left it unknown at preview: the
    // public bucket policy the program writes from it was unknown, and nothing was reported.
    it("proposes the provider's names at preview as a real preview does, so documents written from them are judged in both modes", async () => {
        const preview = await capture("autonamed-buckets", "preview");
        const update = await capture("autonamed-buckets", "update");
        const site = named(preview, "SiteBucket");
        expect(site.inputs.bucket).toMatch(/^sitebucket-[0-9a-f]{7}$/);
        expect(site.outputs?.bucket).toBe(site.inputs.bucket);
        expect(named(update, "SiteBucket").inputs.bucket).toBe(site.inputs.bucket);
        for (const name of ["site-sse", "site-access", "site-public-read"]) expect(named(preview, name).inputs.bucket).toBe(site.inputs.bucket);
        expect(JSON.parse(named(preview, "site-public-read").inputs.policy as string).Statement[0].Resource).toBe(`arn:aws:s3:::${site.inputs.bucket}/*`);
        expect(named(preview, "site-public-read").inputs.policy).toBe(named(update, "site-public-read").inputs.policy);
        // An output-form invoke that depends on a bucket not created yet stays unknown at preview, as the engine gates it.
        expect(named(preview, "data-tls-only").inputs.policy).toBe(UNKNOWN);
        // A prefix leaves the name to the provider at creation.
        expect(named(preview, "logs").inputs).toEqual({ bucketPrefix: "acme-logs-" });
        expect(preview.resources[0].outputs?.logsBucket).toBe(UNKNOWN);
        expect(preview.resources[0].outputs?.siteBucket).toBe(site.inputs.bucket);
    });

    // The engine reads an imported resource from the provider, at preview too: its ARN is known. Update
    // mode once left it undefined, and the bucket policy written from it held a null Resource, which
    // resource-policy-no-wildcards reported as a document it could not check.
    it("hands a program the ARN of a resource it imports, in both modes, so a policy written from it is checked as written", async () => {
        for (const mode of ["update", "preview"] as const) {
            const c = await capture("imported-bucket", mode);
            expect(JSON.parse(named(c, "backups-tls-only").inputs.policy as string).Statement[0].Resource)
                .toEqual(["arn:aws:s3:::acme-backups-0123", "arn:aws:s3:::acme-backups-0123/*"]);
            expect(c.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs).toEqual({
                keyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-AbCdEf",
            });
        }
        // Through the pack, in update mode (where the document held null): only the stack's secrets provider.
        const run = check("--program", path.join(PROGRAMS, "imported-bucket"), "--format", "json");
        expect(run.stderr).toBe("");
        expect(JSON.parse(run.stdout).violations.map((v: any) => v.policy)).toEqual(["secrets-provider-allowlist"]);
    });

    // pulumi-cdk registers a CDK app's resources as aws-native ones (pulumi/pulumi-cdk examples/cron-lambda,
    // s3-object-lambda). Update mode once gave them only an id: the Lambda permission arrived without its
    // sourceArn (reported as open to any rule of any account) and the `Ref` to the bucket stopped the program.
    it("runs a CDK-shaped aws-native program in update mode with aws-native's names and ARNs, so the pack judges the references as written", async () => {
        const update = await capture("cdk-native", "update");
        const role = named(update, "lambdaServiceRole").outputs!;
        expect(role.arn).toMatch(/^arn:aws:iam::123456789012:role\/lambdaServiceRole-[0-9a-f]{7}$/);
        const fn = named(update, "lambda");
        expect(fn.inputs.role).toBe(role.arn);
        const rule = named(update, "rule");
        expect(rule.inputs.targets).toEqual([{ arn: fn.outputs!.arn, id: "Target0" }]);
        expect(named(update, "ruleAllowEventRulecronlambdaFDB29C62").inputs).toMatchObject({
            functionName: `arn:aws:lambda:us-east-1:123456789012:function:${fn.outputs!.functionName}`,
            sourceArn: `arn:aws:events:us-east-1:123456789012:rule/${rule.outputs!.name}`,
        });
        const bucket = named(update, "examplebucketc9dfa43e").outputs!;
        expect(named(update, "examplebucketap").inputs.bucket).toBe(bucket.bucketName);
        expect((named(update, "s3ObjectLambdaAP").inputs.objectLambdaConfiguration as any).supportingAccessPoint)
            .toBe("arn:aws:s3:us-east-1:123456789012:accesspoint/example-test-ap");
        const queue = named(update, "ordersQueue").outputs!;
        expect(named(update, "ordersQueue").inputs.kmsMasterKeyId).toBe(named(update, "queueKey").outputs!.arn);
        expect(update.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs).toMatchObject({
            bucketArn: `arn:aws:s3:::${bucket.bucketName}`,
            objectLambdaAccessPointArn: "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/s3-object-lambda-ap",
            queueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/${queue.queueName}`,
        });
        // At preview the same references are unknown.
        const preview = await capture("cdk-native", "preview");
        expect(named(preview, "ruleAllowEventRulecronlambdaFDB29C62").inputs.sourceArn).toBe(UNKNOWN);
        // Through the pack, in update mode: the permission pinned to its rule passes; what is left is the stack's secrets
        // provider and resource-protect's advisories on the app's key and bucket (pulumi-cdk never sets `protect`).
        const run = check("--program", path.join(PROGRAMS, "cdk-native"), "--format", "json");
        expect(run.stderr).toBe("");
        expect(JSON.parse(run.stdout).violations.map((v: any) => [v.policy, v.enforcementLevel, v.message.split(" is ")[0]])).toEqual([
            ["secrets-provider-allowlist", "mandatory", expect.any(String)],
            ["resource-protect", "advisory", 'aws-native:kms:Key "queueKey"'],
            ["resource-protect", "advisory", 'aws-native:s3:Bucket "examplebucketc9dfa43e"'],
        ]);
    });

    it("answers getPolicyDocument with the real JSON, unknown at preview when a statement uses an unknown output", async () => {
        const update = await capture("iam-policy-document", "update");
        expect(named(update, "ops-admin").inputs.policy).toBe(
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "OpsEverything",\n      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]\n}',
        );
        const bucketArn = named(update, "reports").outputs?.arn;
        expect(JSON.parse(named(update, "reports-reader").inputs.policy as string)).toEqual({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "ReadReports", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObject"], Resource: [`${bucketArn}/*`, bucketArn],
                    Condition: { StringEquals: { "aws:ResourceAccount": "123456789012" } },
                },
                { Sid: "DenyInsecureTransport", Effect: "Deny", Action: "s3:*", Resource: "*", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ],
        });
        const preview = await capture("iam-policy-document", "preview");
        expect(named(preview, "ops-admin").inputs.policy).toBe(named(update, "ops-admin").inputs.policy);
        expect(named(preview, "reports-reader").inputs.policy).toBe(UNKNOWN);
        // As in a real preview: @pulumi/pulumi (runtime/invoke.js) skips an invoke whose arguments are
        // unknown and returns an unknown result WITHOUT dependencies, so nothing links the policy to the bucket.
        expect(named(preview, "reports-reader").propertyDependencies.policy).toBeUndefined();
        expect(named(update, "reports-reader").propertyDependencies.policy).toEqual([named(update, "reports").urn]);
    });

    it("--save-fixture: the fixture loads back to the same URNs, parents, protect flags, inputs and dependencies", async () => {
        for (const [example, mode] of [["component-protect", "preview"], ["split-bucket-encryption", "update"], ["lambda-env", "preview"]] as const) {
            const c = await capture(example, mode);
            const { fixture, notes } = toFixture(c);
            expect(notes).toEqual([]);
            expect(fixture).toMatchObject({ stack: "dev", project: example, preview: mode === "preview" });
            const loaded = parseInput(JSON.parse(JSON.stringify(fixture)), "saved fixture");
            const shape = (r: EngineResource) => ({
                urn: r.urn, parent: r.parent, protect: r.protect, custom: r.custom, inputs: r.inputs, outputs: r.outputs ?? r.inputs,
                dependencies: [...r.dependencies].sort(), propertyDependencies: r.propertyDependencies,
            });
            const byName = (rs: EngineResource[]) => Object.fromEntries(rs.filter((r) => !r.type.startsWith("pulumi:providers:")).map((r) => [r.name, shape(r)]));
            const expected = byName(c.resources);
            // The loader builds the root stack itself, with no outputs.
            delete expected[c.resources[0].name];
            const actual = byName(loaded.resources);
            delete actual[loaded.resources[0].name];
            expect(actual).toEqual(expected);
        }
    });
});

// ---------------------------------------------------------------- findings, both modes

interface Expected {
    example: string;
    /** policy → the resources it must report, exactly. */
    findings: Record<string, string[]>;
}

const EXPECTED: Expected[] = [
    {
        example: "split-bucket-encryption",
        findings: { "s3-bucket-encryption": ["logs"], "resource-protect": ["data", "data-key", "logs"] },
    },
    {
        example: "iam-policy-document",
        findings: { "iam-no-wildcard-actions": ["ops-admin"] },
    },
    {
        example: "component-protect",
        findings: {
            "resource-protect": ["scratch-audit-events", "scratch-objects"],
            "rds-deletion-protection": ["orders-audit-events", "scratch-audit-events"],
            "s3-bucket-encryption": [],
        },
    },
    {
        example: "secret-config",
        // The password comes from secret config: a secret, not a plaintext credential.
        findings: { "rds-deletion-protection": ["orders-db"], "secret-sensitive-props": [] },
    },
    {
        example: "lambda-env",
        findings: { "secret-sensitive-props": ["handler", "notifier"] },
    },
    {
        // Buckets CloudFront reads through an origin access identity, or an ALB logs to, can only have SSE-S3.
        example: "cloudfront-alb-logs",
        findings: { "s3-bucket-encryption": ["uploads"] },
    },
    {
        // Policies written from `bucket.bucket`, the name the provider's Check proposes: known at preview too.
        example: "autonamed-buckets",
        findings: { "resource-policy-no-wildcards": ["site-public-read"], "s3-bucket-encryption": ["logs"] },
    },
    {
        // Outputs update mode fills in; an IAM role for a service account trusting an EKS cluster's issuer is no finding.
        example: "computed-outputs",
        findings: { "resource-policy-no-wildcards": [], "secret-sensitive-props": [], "resource-protect": ["shop"] },
    },
    {
        // Resources in other regions than the stack's; a bucket policy pinned to a distribution's (global) ARN.
        example: "regional-providers",
        findings: { "resource-policy-no-wildcards": [], "s3-bucket-encryption": [], "resource-protect": ["site", "site-zone"] },
    },
    {
        // A queue policy given the queue's id (its URL), for EventBridge; a permission pinned by a stage's execution ARN.
        example: "queue-url-stage-arns",
        findings: { "resource-policy-no-wildcards": [], "iam-no-wildcard-actions": [], "encryption-at-rest": [], "s3-bucket-encryption": [] },
    },
    {
        // A bucket read only from the NAT gateway's Elastic IP (`${eip.publicIp}/32`): update mode left
        // the address undefined ("undefined/32" pins nothing) and reported the bucket policy as public.
        example: "ec2-ids",
        findings: { "resource-policy-no-wildcards": [], "s3-bucket-encryption": [], "resource-protect": ["reports"] },
    },
    {
        // A bucket read only from an instance's public address (`${bastion.publicIp}/32`): update mode
        // left it undefined ("undefined/32" pins nothing) and reported the bucket policy as public.
        example: "instance-addresses",
        findings: { "resource-policy-no-wildcards": [], "s3-bucket-encryption": [], "encryption-at-rest": [] },
    },
    {
        // Instances on network interfaces of the program: update mode gave the interfaces no address, and
        // the program's rule built from one stopped it; a bucket read only from the NAT instance's Elastic IP.
        example: "eni-instance",
        findings: { "resource-policy-no-wildcards": [], "s3-bucket-encryption": [], "encryption-at-rest": [], "resource-protect": ["licence-data", "reports"] },
    },
    {
        // An ES module, loaded through module hooks; "data" is encrypted from a module of its own.
        example: "esm-typescript",
        findings: { "s3-bucket-encryption": ["logs"], "kms-key-rotation": [] },
    },
];

for (const mode of ["preview", "update"] as const) {
    describe(`findings on the example programs through the engine path (${mode})`, () => {
        const engine = useEngine({ dryRun: mode === "preview" });
        const analyze = async (example: string) => {
            const c = await capture(example, mode);
            return withLookups(await analyzeWith(engine.pack, { packDir: PACK_DIR, resources: c.resources }));
        };

        it.each(EXPECTED)("$example", async ({ example, findings }) => {
            const run = await analyze(example);
            const nameOf = new Map(run.resources.map((r) => [r.urn, r.name]));
            for (const [policy, names] of Object.entries(findings)) {
                expect(run.of(policy).map((d) => nameOf.get(d.urn)).sort(), policy).toEqual(names);
            }
            // Placeholders stand for secrets: no message may show one.
            for (const d of run.diagnostics) assertNotShown(d.message, [SECRET_PLACEHOLDER], `${d.policyName}'s message`);
        });

        it("queue-subscription: the permission @pulumi/aws's queue.onEvent creates (lambda:* for SQS, pinned to the queue) is no finding", async () => {
            const run = await analyze("queue-subscription");
            const permission = run.resources.find((r) => r.type === "aws:lambda/permission:Permission")!;
            expect(permission.inputs).toMatchObject({ action: "lambda:*", principal: "sqs.amazonaws.com" });
            if (mode === "preview") expect(permission.inputs.sourceArn).toBe(UNKNOWN);
            else expect(permission.inputs.sourceArn).toMatch(/^arn:aws:sqs:us-east-1:\d{12}:orders/);
            expect(run.of("resource-policy-no-wildcards")).toEqual([]);
        });

        it("topic-policy-document: a condition written under its Terraform name (`condition`) pins as `conditions` does", async () => {
            const run = await analyze("topic-policy-document");
            const policies = run.resources.filter((r) => r.type === "aws:sns/topicPolicy:TopicPolicy");
            expect(policies.map((r) => r.name).sort()).toEqual(["alarms", "alarms-open"]);
            if (mode === "preview") {
                // Both documents are built from the topics' ARNs: unknown, so nothing to judge yet.
                for (const r of policies) expect(r.inputs.policy).toBe(UNKNOWN);
                expect(run.of("resource-policy-no-wildcards")).toEqual([]);
                return;
            }
            const pinned = JSON.parse(policies.find((r) => r.name === "alarms")!.inputs.policy as string);
            expect(pinned.Statement[0].Condition).toEqual({ StringEquals: { "AWS:SourceOwner": "123456789012" } });
            const nameOf = new Map(run.resources.map((r) => [r.urn, r.name]));
            expect(run.of("resource-policy-no-wildcards").map((d) => nameOf.get(d.urn))).toEqual(["alarms-open"]);
        });

        it("regional-providers: what a regional provider creates carries its region; CloudFront's ARNs none", async () => {
            const run = await analyze("regional-providers");
            const byName = new Map(run.resources.map((r) => [r.name, r]));
            const functions = ["records-eu-west-2", "records-us-east-1"].map((name) => byName.get(name)!);
            if (mode === "preview") {
                for (const fn of functions) expect(fn.outputs?.arn).toBe(UNKNOWN);
            } else {
                expect(functions.map((fn) => fn.outputs?.arn)).toEqual([
                    "arn:aws:lambda:eu-west-2:123456789012:function:server-record-management",
                    "arn:aws:lambda:us-east-1:123456789012:function:server-record-management",
                ]);
                // The zone named by a data source called through each provider.
                expect(functions.map((fn) => (fn.inputs.environment as any).variables.ZONE)).toEqual(["eu-west-2a", "us-east-1a"]);
                expect(byName.get("audit")!.outputs?.arn).toMatch(/^arn:aws:sqs:ap-southeast-2:123456789012:audit-[0-9a-f]{7}$/);
                const policy = JSON.parse(byName.get("site-policy")!.inputs.policy as string);
                expect(policy.Statement[0].Condition.StringEquals["AWS:SourceArn"]).toMatch(/^arn:aws:cloudfront::123456789012:distribution\/E[0-9A-F]{13}$/);
                expect(byName.get("site-zone")!.outputs?.arn).toMatch(/^arn:aws:route53:::hostedzone\/Z[0-9A-Z]{20}$/);
            }
            expect(run.of("resource-policy-no-wildcards")).toEqual([]);
        });

        // The program reads the queue's host from its id: with the queue's name as its id, it stopped (Invalid URL).
        it("queue-url-stage-arns: a queue's id is its URL, a stage's ARNs name its API and stage", async () => {
            const run = await analyze("queue-url-stage-arns");
            const byName = new Map(run.resources.map((r) => [`${r.type.split(":")[1]}:${r.name}`, r]));
            const policy = byName.get("sqs/queuePolicy:interruption-policy")!;
            const permission = byName.get("lambda/permission:orders-invoke")!;
            const association = byName.get("wafv2/webAclAssociation:orders")!;
            if (mode === "preview") {
                expect([policy.inputs.queueUrl, permission.inputs.sourceArn, association.inputs.resourceArn]).toEqual([UNKNOWN, UNKNOWN, UNKNOWN]);
            } else {
                const queue = byName.get("sqs/queue:interruption")!;
                expect(policy.inputs.queueUrl).toMatch(/^https:\/\/sqs\.us-west-2\.amazonaws\.com\/123456789012\/interruption-[0-9a-f]{7}$/);
                expect(queue.outputs?.url).toBe(policy.inputs.queueUrl);
                expect((byName.get("lambda/function:worker")!.inputs.environment as any).variables.SQS_ENDPOINT).toBe("https://sqs.us-west-2.amazonaws.com");
                const api = byName.get("apigateway/restApi:orders")!.outputs?.id as string;
                expect(permission.inputs.sourceArn).toBe(`arn:aws:execute-api:us-west-2:123456789012:${api}/prod/*/*`);
                expect(association.inputs.resourceArn).toBe(`arn:aws:apigateway:us-west-2::/restapis/${api}/stages/prod`);
                // The API and the bucket were passed themselves: their ids make the stage's URL and the object's ARN.
                expect(byName.get("apigateway/stage:prod")!.outputs?.invokeUrl).toBe(`https://${api}.execute-api.us-west-2.amazonaws.com/prod`);
                expect(byName.get("s3/bucketObjectv2:index")!.outputs).toMatchObject({ arn: "arn:aws:s3:::orders-site/index.html", bucket: "orders-site" });
            }
            expect(run.of("resource-policy-no-wildcards")).toEqual([]);
        });

        it("lambda-env: the plaintext variable is named, the secret one is not, and no value is echoed", async () => {
            const run = await analyze("lambda-env");
            const nameOf = new Map(run.resources.map((r) => [r.urn, r.name]));
            const messages = Object.fromEntries(run.of("secret-sensitive-props").map((d) => [nameOf.get(d.urn), d.message]));
            expect(Object.keys(messages).sort()).toEqual(["handler", "notifier"]);
            expect(messages.handler).toContain("API_TOKEN");
            expect(messages.handler).not.toContain("SIGNING_KEY");
            // Secret config read with config.require: a plain string, plaintext in the state.
            expect(messages.notifier).toContain("WEBHOOK_SECRET");
            expect(messages.notifier).not.toContain("WEBHOOK_URL");
            for (const d of run.diagnostics) assertNotShown(d.message, ["tok_live_4f9a8c7e6d5b4a3f2e1d", SECRET_PLACEHOLDER], `${d.policyName}'s message`);
        });
    });
}

// ---------------------------------------------------------------- the check command

// `pulumi preview` loads an ES module TypeScript program through ts-node's hooks only with ts-node 10.3 or later
// (cmd/run/run.js, hooks.js); without, Node.js 20 refuses the .ts file and 22.18 on strips its types (no type-check).
describe("ES module TypeScript programs, as Pulumi loads them on this Node.js", () => {
    const stripsTypes = !!(process.features as { typescript?: unknown }).typescript;
    const BUCKET = 'import * as aws from "@pulumi/aws";\nconst name: string = "orders";\nexport const bucket = new aws.s3.BucketV2(name).id;\n';
    function esmProgram(files: Record<string, string>, tsNode?: string): string {
        // The pack's packages above the program, the program's own ts-node (if any) in its node_modules.
        const root = fs.mkdtempSync(path.join(tmp, "esm-ts-"));
        fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(root, "node_modules"), "dir");
        const dir = path.join(root, "app");
        const all: Record<string, string> = { "Pulumi.yaml": "name: esm\nruntime: nodejs\n", "package.json": '{"type": "module"}', ...files };
        if (tsNode) {
            all["node_modules/ts-node/package.json"] = JSON.stringify({ name: "ts-node", version: tsNode, exports: { "./esm": "./esm.mjs", "./package.json": "./package.json" } });
            all["node_modules/ts-node/esm.mjs"] = "";
        }
        for (const [name, text] of Object.entries(all)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), text);
        }
        return dir;
    }
    // Transpile-only where the type-check is not the point.
    async function run(dir: string, transpileOnly = "true"): Promise<ProgramCapture | ProgramError> {
        const saved = process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
        if (transpileOnly) process.env.PULUMI_NODEJS_TRANSPILE_ONLY = transpileOnly;
        else delete process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
        try {
            return await runProgram({ dir, preview: true });
        } catch (e) {
            if (e instanceof ProgramError) return e;
            throw e;
        } finally {
            if (saved === undefined) delete process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
            else process.env.PULUMI_NODEJS_TRANSPILE_ONLY = saved;
        }
    }
    const refusal = (dir: string, file: string) =>
        `${dir}: ${file}: \`pulumi preview\` cannot load an ES module TypeScript program on Node.js ${process.version} (Unknown file extension "${path.extname(file)}"): ` +
        "install ts-node 10.3 or later (npm install --save-dev ts-node), run on Node.js 22.18 or later (no type-check), or make the program CommonJS";

    it(`without ts-node: ${stripsTypes ? "runs it as Node.js strips it, untype-checked" : "refuses it, as a preview on this Node.js does"}`, async () => {
        const dir = esmProgram({ "index.ts": BUCKET });
        const r = await run(dir);
        if (stripsTypes) expect((r as ProgramCapture).resources.map((x) => x.name)).toContain("orders");
        else expect((r as ProgramError).message).toBe(refusal(dir, "index.ts"));
        // An .mts entry the same way.
        const mts = esmProgram({ "Pulumi.yaml": "name: esm\nruntime: nodejs\nmain: infra.mts\n", "infra.mts": BUCKET });
        const m = await run(mts);
        if (stripsTypes) expect((m as ProgramCapture).resources.map((x) => x.name)).toContain("orders");
        else expect((m as ProgramError).message).toBe(refusal(mts, "infra.mts"));
    }, 120_000);

    it(`without ts-node, a program that does not type-check: ${stripsTypes ? "runs (Node.js does not type-check)" : "refused for loading, not for its types"}`, async () => {
        const dir = esmProgram({ "index.ts": BUCKET + "export const size: number = \"large\";\n" });
        const r = await run(dir, "");
        if (stripsTypes) expect((r as ProgramCapture).resources.map((x) => x.name)).toContain("orders");
        else expect((r as ProgramError).message).toBe(refusal(dir, "index.ts"));
    }, 120_000);

    it("without ts-node, what Node.js's type stripping refuses is refused: an enum, ./bucket.js for bucket.ts", async () => {
        const enumDir = esmProgram({ "index.ts": BUCKET + "export enum Tier { Small, Large }\n" });
        const e = await run(enumDir);
        expect(e).toBeInstanceOf(ProgramError);
        if (stripsTypes) expect((e as ProgramError).message).toMatch(/TypeScript enum is not supported in strip-only mode/);
        const jsDir = esmProgram({ "index.ts": 'export { bucket } from "./bucket.js";\n', "bucket.ts": BUCKET });
        const j = await run(jsDir);
        expect(j).toBeInstanceOf(ProgramError);
        if (stripsTypes) expect((j as ProgramError).message).toBe(`${jsDir}: the program imports bucket.js (from index.ts), which does not exist`);
        // Importing bucket.ts by its own name is what Node.js loads.
        const tsDir = esmProgram({ "index.ts": 'export { bucket } from "./bucket.ts";\n', "bucket.ts": BUCKET });
        const t = await run(tsDir);
        if (stripsTypes) expect((t as ProgramCapture).resources.map((x) => x.name)).toContain("orders");
        else expect((t as ProgramError).message).toBe(refusal(tsDir, "index.ts"));
    }, 120_000);

    it("with ts-node 10.3 or later: loads it through ts-node's hooks (./bucket.js for bucket.ts; type-checked: the esm-typescript fixture) on any Node.js", async () => {
        const dir = esmProgram({ "index.ts": 'export { bucket } from "./bucket.js";\n', "bucket.ts": BUCKET }, "10.9.2");
        expect(((await run(dir)) as ProgramCapture).resources.map((x) => x.name)).toContain("orders");
    }, 120_000);

    it("with a ts-node older than 10.3 (ts-node/esm, but no createEsmHooks): refused as Pulumi's hooks fail", async () => {
        const dir = esmProgram({ "index.ts": BUCKET }, "10.2.1");
        expect(((await run(dir)) as ProgramError).message).toBe(
            `${dir}: index.ts: the program's ts-node 10.2.1 has no createEsmHooks, which Pulumi's ES module mode calls; install ts-node 10.3 or later`);
    }, 60_000);
});

describe("check --program (the built CLI)", () => {
    it("reports the program's violations in the usual report and exits 1 on a mandatory one", () => {
        const r = check("--program", path.join(PROGRAMS, "split-bucket-encryption"));
        expect(r.stderr).toBe("");
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(`${path.join(PROGRAMS, "split-bucket-encryption")}  (stack dev, 6 resources)`);
        // Each resource with the program line that constructs it.
        expect(r.stdout).toMatch(/aws:s3\/bucketV2:BucketV2 "logs"  fixtures\/programs\/split-bucket-encryption\/index\.ts:22\n\s+urn:pulumi:dev::split-bucket-encryption::aws:s3\/bucketV2:BucketV2::logs\n\s+mandatory\s+s3-bucket-encryption/);
        expect(r.stdout).not.toMatch(/BucketV2 "data"\n[^\n]*\n\s+mandatory/);
    });

    it("exits 0 without mandatory violations, in preview too, and writes --save-fixture for check to load again", () => {
        const fixture = path.join(tmp, "saved", "component-protect.json");
        fs.mkdirSync(path.dirname(fixture), { recursive: true });
        const r = check("--program", path.join(PROGRAMS, "component-protect"), "--preview", "--config", ALL_ADVISORY, "--format", "json", "--save-fixture", fixture);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const report = JSON.parse(r.stdout);
        expect(report.violations.filter((v: any) => v.policy === "resource-protect").map((v: any) => v.name).sort()).toEqual(["scratch-audit-events", "scratch-objects"]);
        const saved = JSON.parse(fs.readFileSync(fixture, "utf8"));
        expect(saved).toMatchObject({ stack: "dev", project: "component-protect", preview: true, secretsProvider: "awskms://alias/pulumi-secrets?region=us-east-1" });
        expect(saved.resources.find((x: any) => x.name === "orders-audit-events")).toMatchObject({ parent: "orders-audit", protect: true });
        const again = check(fixture, "--config", ALL_ADVISORY, "--format", "json");
        expect(again.code).toBe(0);
        // The fixture loader adds a default provider of its own making: compare the program's resources.
        const onResources = (violations: any[]) => violations.filter((v) => !v.urn.includes("::pulumi:providers:")).map((v) => [v.policy, v.urn]).sort();
        expect(onResources(JSON.parse(again.stdout).violations)).toEqual(onResources(report.violations));
    });

    it("reads Pulumi.<stack>.yaml for --stack, and the secrets-provider policy sees the same file", () => {
        const dev = check("--program", path.join(PROGRAMS, "secret-config"), "--format", "json");
        expect(dev.stderr).toBe("");
        expect(JSON.parse(dev.stdout).violations.map((v: any) => v.policy)).not.toContain("secrets-provider-allowlist");
        const staging = check("--program", path.join(PROGRAMS, "secret-config"), "--stack", "staging", "--format", "json");
        expect(staging.code).toBe(1);
        const found = JSON.parse(staging.stdout).violations.filter((v: any) => v.policy === "secrets-provider-allowlist");
        expect(found.map((v: any) => [v.urn, v.enforcementLevel])).toEqual([["urn:pulumi:staging::secret-config::pulumi:pulumi:Stack::secret-config-staging", "mandatory"]]);
        expect(found[0].message).toContain("passphrase");
    });

    it("asks for the data sources it cannot answer, and runs once they are supplied with --invoke-answers", () => {
        const dir = path.join(PROGRAMS, "needs-answers");
        const without = check("--program", dir);
        expect(without.code).toBe(2);
        expect(without.stdout).toBe("");
        expect(without.stderr).toBe(
            `check: ${dir}: the program needs aws:ec2/getAmi:getAmi, pulumi:pulumi:StackReference "acme/network/prod", which check cannot answer offline; ` +
                'put the results in a JSON file ({"<invoke token>": {<result>}}, see docs/check-program.md) and pass it with --invoke-answers <file>\n',
        );
        const withAnswers = check("--program", dir, "--invoke-answers", path.join(dir, "answers.json"), "--config", ALL_ADVISORY, "--format", "json", "--save-fixture", path.join(tmp, "web.json"));
        expect(withAnswers.code).toBe(0);
        const web = JSON.parse(fs.readFileSync(path.join(tmp, "web.json"), "utf8")).resources.find((x: any) => x.name === "web");
        expect(web.props).toMatchObject({ ami: "ami-0abcdef1234567890", subnetId: "subnet-0123456789abcdef0", instanceType: "t3.micro" });
        expect(withAnswers.stderr).toBe("");
    });

    // answers.json marks getSecretVersion's secretString {"$secret": ...}: the Output form keeps it a
    // secret, the promise form drops the mark (@pulumi/pulumi runtime/invoke.js), as against AWS.
    it("keeps an answer's secret a secret through an Output-form data source, and not through its promise form", async () => {
        const dir = path.join(PROGRAMS, "secret-answers");
        const answers = path.join(dir, "answers.json");
        const answer = readAnswers(answers)["aws:secretsmanager/getSecretVersion:getSecretVersion"] as { secretString: { $secret: string } };
        const run = check("--program", dir, "--invoke-answers", answers, "--format", "json");
        expect(run.stderr).toBe("");
        const found = JSON.parse(run.stdout).violations.filter((v: any) => v.policy === "secret-sensitive-props");
        expect(found.map((v: any) => [v.name, v.message.split(" is plaintext")[0]])).toEqual([
            ["unwrapped", 'aws:lambda/function:Function "unwrapped": `environment.variables.API_TOKEN`'],
        ]);
        assertNotShown(run.stdout, [answer.secretString.$secret], "secret-answers report");
        // At preview too: the data source is answered, so both values are known.
        const preview = await runProgram({ dir, preview: true, invokeAnswersFile: answers });
        const variable = (name: string) => (named(preview, name).inputs.environment as any).variables.API_TOKEN;
        expect(isWireSecret(variable("kept-secret"))).toBe(true);
        expect(variable("unwrapped")).toBe(answer.secretString.$secret);
    });

    it("asks for a component method's result by its token, and runs once answers.json gives it", () => {
        const dir = path.join(PROGRAMS, "component-method");
        for (const mode of [[], ["--preview"]]) {
            const without = check("--program", dir, ...mode);
            expect(without.code).toBe(2);
            expect(without.stderr).toBe(
                `check: ${dir}: the program needs acme:index:Cluster/getKubeconfig, which check cannot answer offline; ` +
                    'put the results in a JSON file ({"<invoke token>": {<result>}}, see docs/check-program.md) and pass it with --invoke-answers <file>\n',
            );
        }
        const fixture = path.join(tmp, "component-method.json");
        const withAnswers = check("--program", dir, "--invoke-answers", path.join(dir, "answers.json"), "--config", ALL_ADVISORY, "--format", "json", "--save-fixture", fixture);
        expect(withAnswers.code).toBe(0);
        expect(withAnswers.stderr).toBe(`check: ${dir}: note: acme:index:Cluster "platform" is a multi-language component: its children are created by its provider, which check does not run, so they are not analyzed\n`);
        // The method's result reaches the parameter (a SecureString value, which the SDK makes secret).
        const parameter = JSON.parse(fs.readFileSync(fixture, "utf8")).resources.find((x: any) => x.name === "kubeconfig");
        expect(parameter.props.value).toEqual({ $secret: "apiVersion: v1\nkind: Config\nclusters: []\n" });
    });

    // `pulumi preview` of a TypeScript program stops at ts-node's type-check (unless the project
    // opts out): a program that does not type-check creates nothing, so check judges nothing.
    describe("type-checks TypeScript programs as Pulumi does", () => {
        const typeChecked = (dir: string, env: NodeJS.ProcessEnv = {}) => runCheck(["--program", dir, "--config", ALL_ADVISORY], { env: { ...TYPE_CHECKED_ENV, ...env } });
        function linked(files: Record<string, string>): string {
            const dir = fs.mkdtempSync(path.join(tmp, "typed-"));
            for (const [name, text] of Object.entries(files)) writeTmp(path.join(path.basename(dir), name), text);
            fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
            return dir;
        }
        const YAML = "name: typed\nruntime: nodejs\n";
        // A number that is an output: the type-check refuses it, a transpiled run exports it.
        const WRONG = 'import * as pulumi from "@pulumi/pulumi";\n' +
            'const name: pulumi.Output<string> = pulumi.output("orders");\n' +
            'export const size: number = name.length;\n';
        const RIGHT = 'import * as pulumi from "@pulumi/pulumi";\nexport const name = pulumi.output("orders");\n';

        it("refuses a program written for an older @pulumi/aws, naming the file, line and error", () => {
            const r = typeChecked(path.join(PROGRAMS, "bad-old-api"));
            expect(r.code).toBe(2);
            expect(r.stdout).toBe("");
            expect(r.stderr).toMatch(/^check: \S+bad-old-api: the program does not type-check \(`pulumi preview` stops there too\): index\.ts:11:24: Property 'ManagedPolicies' does not exist on type .*Did you mean 'ManagedPolicy'\?; to run it anyway, as Pulumi would, set PULUMI_NODEJS_TRANSPILE_ONLY=true or `noCheck` in tsconfig\.json\n$/);
        }, 180_000);

        it("names an error in a file the entry point imports, and runs what type-checks", () => {
            const wrong = typeChecked(linked({ "Pulumi.yaml": YAML, "index.ts": 'export * from "./outputs";\n', "outputs.ts": WRONG }));
            expect(wrong.code).toBe(2);
            expect(wrong.stderr).toMatch(/: the program does not type-check \(`pulumi preview` stops there too\): outputs\.ts:3:14: Type 'OutputInstance<number>' is not assignable to type 'number'\./);
            // A file nothing imports is not loaded, so ts-node never checks it.
            const right = typeChecked(linked({ "Pulumi.yaml": YAML, "index.ts": RIGHT, "unused.ts": WRONG }));
            expect(right.stderr).toBe("");
            expect(right.code).toBe(0);
        }, 180_000);

        it.each([
            ["PULUMI_NODEJS_TRANSPILE_ONLY=true", { "index.ts": WRONG }, { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }],
            ["tsconfig noCheck", { "index.ts": WRONG, "tsconfig.json": '{"compilerOptions": {"noCheck": true}}' }, {}],
            // Only TypeScript is type-checked (ts-node compiles no .js file unless allowJs).
            ["a JavaScript entry point", { "index.js": "exports.size = [].lenght;\n" }, {}],
        ] as [string, Record<string, string>, NodeJS.ProcessEnv][])("runs a program that does not type-check under %s, as Pulumi does", (_label, files, env) => {
            const r = typeChecked(linked({ "Pulumi.yaml": YAML, ...files }), env);
            expect(r.stderr).toBe("");
            expect(r.code).toBe(0);
        }, 180_000);

        // The tsconfig Pulumi hands ts-node (run.js reads its `noCheck` too): Pulumi.yaml's runtime.options.tsconfig,
        // which the language host passes as PULUMI_NODEJS_TSCONFIG_PATH over the one in pulumi's environment.
        const NAMED = { "index.ts": WRONG, "tsconfig.json": '{"compilerOptions": {"strict": true}}', "tsconfig.pulumi.json": '{"compilerOptions": {"noCheck": true}}' };
        const NAMED_YAML = "name: typed\nruntime:\n  name: nodejs\n  options:\n    tsconfig: tsconfig.pulumi.json\n";
        it.each([
            ["runtime.options.tsconfig", NAMED_YAML, {}],
            ["PULUMI_NODEJS_TSCONFIG_PATH", YAML, { PULUMI_NODEJS_TSCONFIG_PATH: "tsconfig.pulumi.json" }],
            ["runtime.options.tsconfig over PULUMI_NODEJS_TSCONFIG_PATH", NAMED_YAML, { PULUMI_NODEJS_TSCONFIG_PATH: "tsconfig.json" }],
        ] as [string, string, NodeJS.ProcessEnv][])("reads the tsconfig named by %s", (_label, yaml, env) => {
            const r = typeChecked(linked({ "Pulumi.yaml": yaml, ...NAMED }), env);
            expect(r.stderr).toBe("");
            expect(r.code).toBe(0);
        }, 180_000);

        it("type-checks with the tsconfig PULUMI_NODEJS_TSCONFIG_PATH names by its absolute path, not tsconfig.json's noCheck", () => {
            const dir = linked({ "Pulumi.yaml": YAML, "index.ts": WRONG, "tsconfig.json": '{"compilerOptions": {"noCheck": true}}', "tsconfig.pulumi.json": '{"compilerOptions": {"strict": true}}' });
            const r = typeChecked(dir, { PULUMI_NODEJS_TSCONFIG_PATH: path.join(dir, "tsconfig.pulumi.json") });
            expect(r.code).toBe(2);
            expect(r.stderr).toMatch(/: the program does not type-check \(`pulumi preview` stops there too\): index\.ts:3:14: /);
        }, 180_000);

        // Pulumi's ts-node (vendored 7.0.1) reads TS_NODE_* from the environment, except the options Pulumi passes
        // itself (compiler, project, compilerOptions and transpileOnly, even when unset).
        it("ignores the diagnostics TS_NODE_IGNORE_DIAGNOSTICS names, and sees the tsconfig's files under TS_NODE_FILES", () => {
            const ignored = typeChecked(linked({ "Pulumi.yaml": YAML, "index.ts": WRONG }), { TS_NODE_IGNORE_DIAGNOSTICS: "2322" });
            expect(ignored.stderr).toBe("");
            expect(ignored.code).toBe(0);
            // A global interface in a declaration file only the tsconfig includes (ts-node's "missing types").
            const files = linked({
                "Pulumi.yaml": YAML, "tsconfig.json": '{"compilerOptions": {"strict": true}, "include": ["*.ts"]}',
                "globals.d.ts": "interface ServiceSettings { name: string }\n",
                "index.ts": 'const settings: ServiceSettings = { name: "orders" };\nexport const name = settings.name;\n',
            });
            expect(typeChecked(files).stderr).toMatch(/: index\.ts:1:17: Cannot find name 'ServiceSettings'\./);
            const withFiles = typeChecked(files, { TS_NODE_FILES: "true" });
            expect(withFiles.stderr).toBe("");
            expect(withFiles.code).toBe(0);
        }, 180_000);

        it.each([
            ["TS_NODE_TYPE_CHECK=true over PULUMI_NODEJS_TRANSPILE_ONLY=true", { TS_NODE_TYPE_CHECK: "true", PULUMI_NODEJS_TRANSPILE_ONLY: "true" }],
            ["TS_NODE_TRANSPILE_ONLY=true (Pulumi passes its own transpileOnly)", { TS_NODE_TRANSPILE_ONLY: "true" }],
        ] as [string, NodeJS.ProcessEnv][])("still type-checks under %s", (_label, env) => {
            const r = typeChecked(linked({ "Pulumi.yaml": YAML, "index.ts": WRONG }), env);
            expect(r.code).toBe(2);
            expect(r.stderr).toMatch(/: the program does not type-check \(`pulumi preview` stops there too\): index\.ts:3:14: /);
        }, 180_000);

        // Pulumi registers ts-node with target ES2020 and module/moduleResolution nodenext under the tsconfig's own
        // compilerOptions (cmd/run/run.js; pulumi/pulumi#22363), and ts-node checks only the files it loads.
        it.each([
            // No tsconfig: nodenext lets a CommonJS module be default-imported (and the run gets module.exports).
            ["no tsconfig.json and a default import of a CommonJS module", {
                "index.ts": 'import path from "path";\nimport * as pulumi from "@pulumi/pulumi";\nexport const file = pulumi.output(path.basename("/srv/site/index.html"));\n',
            }],
            // A tsconfig without `target`: Pulumi's ES2020, not TypeScript's ES5.
            ["a tsconfig.json without target", {
                "tsconfig.json": '{"compilerOptions": {"strict": true, "outDir": "bin"}}',
                "index.ts": 'const sizes = new Map<string, number>([["orders", 60]]);\nexport const names: string[] = [];\nfor (const [name] of sizes) names.push(name);\n',
            }],
            // Only an interface is used from types.ts: the import is elided, so ts-node never loads (nor checks) it.
            ["an error in a file imported only for its types", {
                "index.ts": 'import { Settings } from "./types";\nconst settings: Settings = { name: "orders" };\nexport const name = settings.name;\n',
                "types.ts": 'export interface Settings { name: string }\nexport const DEFAULT_NAME: number = "orders";\n',
            }],
        ] as [string, Record<string, string>][])("runs what a real preview type-checks: %s", (_label, files) => {
            const r = typeChecked(linked({ "Pulumi.yaml": YAML, ...files }));
            expect(r.stderr).toBe("");
            expect(r.code).toBe(0);
        }, 180_000);

        it("refuses a tsconfig.json whose options ts-node refuses under Pulumi's defaults (module commonjs with its nodenext resolution)", () => {
            const r = typeChecked(linked({ "Pulumi.yaml": YAML, "tsconfig.json": '{"compilerOptions": {"module": "commonjs", "strict": true}}', "index.ts": RIGHT }));
            expect(r.code).toBe(2);
            expect(r.stderr).toMatch(/: the program does not type-check \(`pulumi preview` stops there too\): Option 'module' must be set to 'NodeNext' when option 'moduleResolution' is set to 'NodeNext'\. \(Pulumi's ts-node takes tsconfig\.json's compilerOptions over its defaults: target ES2020, ES2022 for an ES module, module and moduleResolution nodenext\); to run it anyway/);
        }, 180_000);

        it("still names a missing package as one to install, and a syntax error as one", () => {
            const missing = typeChecked(linked({ "Pulumi.yaml": YAML, "index.ts": 'import * as random from "@pulumi/random";\nexport const id = new random.RandomId("id", { byteLength: 4 }).hex;\n' }));
            expect(missing.stderr).toMatch(/: the program needs the package '@pulumi\/random' \(from index\.ts\), which is not installed/);
            const syntax = typeChecked(path.join(PROGRAMS, "bad-syntax"));
            expect(syntax.stderr).toMatch(/: the program does not compile: index\.ts:7:14: ':' expected\.\n$/);
        }, 180_000);

        it("type-checks an ES module program with Pulumi's NodeNext defaults (top-level await, ./x.js for x.ts)", () => {
            const r = typeChecked(path.join(PROGRAMS, "esm-typescript"));
            expect(r.stderr).toBe("");
            expect(r.code).not.toBe(2);
        }, 180_000);
    });

    const broken: [string, string[], RegExp][] = [
        ["a syntax error", ["bad-syntax"], /^check: \S+bad-syntax: the program does not compile: index\.ts:7:14: ':' expected\.\n$/],
        ["a missing dependency", ["bad-missing-dependency"], /^check: \S+bad-missing-dependency: the program needs the package '@pulumi\/random' \(from index\.ts\), which is not installed: run npm install in \S+\n$/],
        ["throwing code", ["bad-throws"], /^check: \S+bad-throws: the program failed: no retention policy defined for environment "prod" \(at index\.ts:6\)\n$/],
        ["an output check cannot know in update mode", ["bad-reads-output"],
            /^check: \S+bad-reads-output: the program failed: TypeError: Cannot read properties of undefined \(reading 'replace'\) \(at index\.ts:18\); in update mode check gives created resources a name, an id, an ARN and only the most used other outputs \(an RDS endpoint, a load balancer's DNS name\), so this output is undefined: run with --preview, where outputs are unknown as in a real preview\n$/],
        ["a loop over an output check cannot know in update mode", ["bad-iterates-output"],
            /^check: \S+bad-iterates-output: the program failed: TypeError: endpoints is not iterable \(at index\.ts:10\); in update mode check gives created resources a name, an id, an ARN and only the most used other outputs \(an RDS endpoint, a load balancer's DNS name\), so this output is undefined: run with --preview, where outputs are unknown as in a real preview\n$/],
        // A TypeError outside an output's callback is the program's own (here an API of an older SDK): no --preview hint.
        ["a syntax error in an ES module TypeScript program", ["bad-esm-syntax"], /^check: \S+bad-esm-syntax: the program does not compile: logs\.ts:5:5: ',' expected\.\n$/],
        ["a program written for an older @pulumi/aws", ["bad-old-api"],
            /^check: \S+bad-old-api: the program failed: TypeError: Cannot read properties of undefined \(reading 'AWSLambdaBasicExecutionRole'\) \(at index\.ts:11\)\n$/],
        // The SDK lets a non-string name through; the engine would get an empty one.
        ["a resource given an object as its name", ["bad-resource-name"],
            /^check: \S+bad-resource-name: the program failed: the aws:sqs\/queue:Queue resource at index\.js:8 is given an object as its name: pass a string as the constructor's first argument \(the logical name in the resource's URN\)\n$/],
        // pulumi-aws's Check refuses a role name over 64 characters; the real preview fails the same way.
        ["a logical name too long for the name the provider derives", ["bad-long-name"],
            /^check: \S+bad-long-name: the program failed: the aws:iam\/role:Role resource at index\.ts:5 gets no name from the provider's Check \(could not make instance of 'aws:iam\/role:Role': name 'order-processing-service-lambda-execution-role-production-eu-' plus 7 random chars is longer than maximum length 64\): give it a shorter logical name or set its name\n$/],
        ["process.exit", ["bad-exits"], /^check: \S+bad-exits: the program called process\.exit\(3\) before it finished\n$/],
        ["a hang", ["bad-hangs", "--program-timeout", "2"], /^check: \S+bad-hangs: the program did not finish within 2 s \(does it wait for something that never happens\?\); raise the limit with --program-timeout <seconds>\n$/],
        // There is no Pulumi.prod.yaml: the message says so rather than naming a file that is not there.
        ["missing config", ["secret-config", "--stack", "prod"], /^check: \S+secret-config: the program requires config secret-config:dbPassword, and there is no Pulumi\.prod\.yaml: write one that sets it under `config:` \(with `secure:` for a secret\)\n$/],
        ["a directory without Pulumi.yaml", [".."], /^check: \S+: no Pulumi\.yaml \(--program takes the directory holding Pulumi\.yaml\)\n$/],
    ];
    it.each(broken)("exits 2 with one clear line for %s, never a stack trace", (_label, [example, ...flags], message) => {
        const started = Date.now();
        const r = check("--program", path.join(PROGRAMS, example), ...flags);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(Date.now() - started).toBeLessThan(30_000);
    });

    it("runs with --preview a program that reads an output check cannot know in update mode", () => {
        const r = check("--program", path.join(PROGRAMS, "bad-reads-output"), "--preview", "--config", ALL_ADVISORY, "--format", "json");
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).summary.resources).toBeGreaterThan(1);
    });

    it("SARIF from a git checkout: valid for GitHub, annotated on the constructing line, the same fingerprints in two checkouts at different paths", () => {
        const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=check", "-c", "user.email=check@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, stdio: "pipe" });
        const origin = path.join(tmp, "origin");
        fs.cpSync(path.join(PROGRAMS, "split-bucket-encryption"), path.join(origin, "infra"), { recursive: true });
        git(origin, "init", "-q");
        git(origin, "add", ".");
        git(origin, "commit", "-qm", "program");
        const checkouts = [path.join(tmp, "ci", "work", "repo"), path.join(tmp, "elsewhere", "clone")];
        const logs = checkouts.map((checkout, i) => {
            fs.mkdirSync(path.dirname(checkout), { recursive: true });
            git(path.dirname(checkout), "clone", "-q", origin, checkout);
            // As `npm ci` would, outside the repository's files.
            fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(checkout, "node_modules"), "dir");
            const config = path.join(checkout, "..", `levels-${i}.json`);
            fs.writeFileSync(config, JSON.stringify({ all: "advisory", "s3-bucket-encryption": "mandatory" }));
            // The first from the checkout's root; the second as `npm run check` runs it: in the pack's directory, INIT_CWD the caller's.
            const r = i === 0
                ? runCheck(["--program", "infra", "--format", "sarif", "--output", "policy.sarif", "--config", config], { cwd: checkout })
                : runCheck(["--program", "infra", "--format", "sarif", "--output", "policy.sarif", "--config", config],
                    { cwd: PACK_DIR, env: { ...process.env, INIT_CWD: checkout, npm_package_json: path.join(PACK_DIR, "package.json") } });
            expect([r.code, r.stderr]).toEqual([1, ""]);
            return JSON.parse(fs.readFileSync(path.join(checkout, "policy.sarif"), "utf8"));
        });
        for (const log of logs) {
            expect(sarifSchemaErrors(log)).toEqual([]);
            expect(githubSarifProblems(log)).toEqual([]);
        }
        const results = logs.map((log) => log.runs[0].results);
        const logsBucket = results[0].find((x: any) => x.ruleId === "s3-bucket-encryption");
        const line = fs.readFileSync(path.join(checkouts[0], "infra/index.ts"), "utf8").split("\n").findIndex((l) => l.includes('new aws.s3.BucketV2("logs"')) + 1;
        expect(logsBucket.level).toBe("error");
        expect(logsBucket.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "infra/index.ts", uriBaseId: "%SRCROOT%", index: 0 }, region: { startLine: line, startColumn: 14 } });
        expect(results[1].map((x: any) => x.partialFingerprints)).toEqual(results[0].map((x: any) => x.partialFingerprints));
        expect(JSON.stringify(logs[1])).toBe(JSON.stringify(logs[0]));
        expect(JSON.stringify(logs[0])).not.toContain(tmp);
    });

    it("rejects program-only options without --program", () => {
        const r = check("--save-fixture", path.join(tmp, "x.json"), path.join(FIXTURES, "secure-stack.json"));
        expect(r.code).toBe(2);
        expect(r.stderr).toBe("check: --save-fixture needs --program <dir>\n");
    });
});
