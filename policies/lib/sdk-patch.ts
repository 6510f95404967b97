// The one place the pack changes @pulumi/policy's behaviour, guarded by the SDK version it
// was verified against. test/sdk-patch.test.ts fails when an upgrade leaves the range or the
// SDK no longer calls what is patched, so an upgrade cannot change behaviour silently.
//
// 1. One decoding per request. @pulumi/policy 1.21 turns a resource's properties into
//    JavaScript once per policy, for every policy whatever its types (server.js
//    makeAnalyzeRpcFun, makeAnalyzeStackRpcFun): each Analyze decoded a large policy
//    document once per resource policy, each AnalyzeStack the whole stack once per stack
//    policy (see docs/benchmark.md). Validations never modify what they are given, so one
//    decoding per protobuf Struct serves them all. The remediation path, which edits props
//    in place, keeps its own copy per policy.
// 2. Secretness seen during Analyze. The SDK unwraps secrets before `validateResource`
//    (deserializeProperties(..., false)), so a validation sees a secret and a plaintext value
//    alike. The decoding remembers its Struct, whose wire form still marks the secrets:
//    `secretLocationsOf(props)` reads them when a rule asks (./rule.ts ResourceFacts).
// 3. Remediated archives. The SDK serializes an AssetArchive returned by a remediation as
//    the list of its asset names (deserialize.js serializeProperty), which then fails to
//    deserialize: a Lambda `code` archive would break the deployment. `withSerializableArchives`
//    gives such archives their wire form, which serializes unchanged.
// 4. Request decoding. google-protobuf decodes a request's property Structs into a message
//    object per value, which toJavaScript then converts again: most of the CPU and memory of
//    an Analyze with a large document, and of an AnalyzeStack (three times the bare SDK's
//    memory per value). The Analyze, Remediate and AnalyzeStack request decoders of the
//    service definition server.js registers decode the Structs straight to what toJavaScript
//    returns (./protobuf.ts), and google-protobuf the rest; a provider's Struct is decoded
//    once per AnalyzeStack, not once per resource. A self-check at boot compares the two
//    decodings and leaves the SDK's decoders in place if they differ.
// 5. The pack's description. GetAnalyzerInfo (protoutil.js makeAnalyzerInfo) converts every
//    policy's config schema to a google-protobuf Struct, a message object per value: the
//    first call cost the pack 80–96 ms of CPU (the bare SDK's: 3 ms), most of what the pack
//    added to a boot. While makeAnalyzerInfo runs, Struct.fromJavaScript encodes with
//    ./protobuf.ts instead (as Analyze requests are encoded), and those Structs serialize as
//    their bytes; test/sdk-patch.test.ts decodes the answer against the schemas.
// 6. Assets without contents. The engine sends an asset's fields only when they are not empty
//    (Go's Asset.Serialize), so `new pulumi.asset.StringAsset("")` (an S3 folder marker, an
//    empty file in a Lambda archive) arrives as its hash alone, and so does an asset or
//    archive whose contents a refresh could not read (pulumi/pulumi#18926). @pulumi/policy
//    1.21 throws "Invalid asset" on both: in Analyze every policy fails, and in Remediate it
//    throws outside its error handling, so the call never answers and `pulumi preview` hangs.
//    When the SDK throws that, `contentTolerant` decodes the props again as the SDK does, but
//    with an asset of empty text (no hash, or the hash of empty text; Go's Asset.IsText) as
//    StringAsset(""), and any other asset or archive without contents as the engine sent it.
import * as path from "path";
import { Secret } from "@pulumi/policy";
import { asset } from "@pulumi/pulumi";
import { decodeProperties, decodeStruct, Reader, SdkDeserialize, Writer, writeStructFields } from "./protobuf";
import { collectSecretLocations, SecretLocations } from "./sensitive";
import { isRecord, isSecretWrapper } from "./values";
import { walk } from "./walk";
import { EMPTY_TEXT_ASSET_HASH, SIG, SIG_KEY } from "./wire";

/** @pulumi/policy versions whose server.js and deserialize.js this patch was verified against. */
export const VERIFIED_POLICY_SDK = { major: 1, minMinor: 21, maxMinor: 21 } as const;

export type PatchStatus = { applied: true } | { applied: false; reason: string };

interface Struct {
    toJavaScript(): unknown;
}
type Deserialize = ((struct: Struct, proxySecrets: boolean) => unknown) & { shared?: true };

/**
 * The Struct decoded props came from, as a hidden property of the props (a WeakMap entry
 * per request cost more in garbage collection than the decoding).
 */
const STRUCT = Symbol("aws-security-baseline: decoded from");
let status: PatchStatus = { applied: false, reason: "not applied yet" };

/** Applies the patch once; later calls return the first outcome. */
export function applySdkPatch(): PatchStatus {
    if (status.applied || status.reason !== "not applied yet") return status;
    status = patch();
    if (status.applied) status = patchRequestDecoding();
    if (status.applied) status = patchAnalyzerInfo();
    return status;
}

function patch(): PatchStatus {
    let version: string;
    let sdk: { deserializeProperties?: Deserialize };
    try {
        version = String(require("@pulumi/policy/package.json").version).replace(/^v/, "");
        sdk = require("@pulumi/policy/deserialize");
    } catch {
        return { applied: false, reason: "@pulumi/policy/deserialize could not be loaded" };
    }
    const [major, minor] = version.split(".").map(Number);
    const v = VERIFIED_POLICY_SDK;
    if (major !== v.major || !(minor >= v.minMinor && minor <= v.maxMinor)) {
        return { applied: false, reason: `@pulumi/policy ${version} is not a version this pack was verified with (${v.major}.${v.minMinor}–${v.major}.${v.maxMinor})` };
    }
    const sdkOriginal = sdk.deserializeProperties;
    if (typeof sdkOriginal !== "function") return { applied: false, reason: "@pulumi/policy no longer exports deserializeProperties" };
    if (sdkOriginal.shared) return { applied: true };
    let preserveSecrets: (props: object) => object;
    try {
        preserveSecrets = require("@pulumi/policy/secret").secretsPreservingProxy;
    } catch {
        return { applied: false, reason: "@pulumi/policy/secret could not be loaded" };
    }
    if (typeof preserveSecrets !== "function") return { applied: false, reason: "@pulumi/policy no longer exports secretsPreservingProxy" };
    // The SDK's deserialization, and ours where it throws on an asset without contents (6. above).
    const original: Deserialize = (struct, proxySecrets) => {
        try {
            return sdkOriginal(struct, proxySecrets);
        } catch (e) {
            if (!isContentlessError(e)) throw e;
            // What goes back to the SDK holds no secret (an asset or archive with a source), so it needs no secret proxy.
            const props = contentTolerant(struct.toJavaScript() as Record<string, unknown>, proxySecrets, (wire) => sdkOriginal({ toJavaScript: () => ({ v: wire }) }, false) as { v: unknown });
            return proxySecrets ? preserveSecrets(props) : props;
        }
    };
    // Structs from google-protobuf (when the request decoding below is not applied).
    const decoded = new WeakMap<object, unknown>();
    // The SDK's own deserialization of a wire form, for what it must judge itself (see decodeProperties).
    const sdkDeserialize: SdkDeserialize = (wire) => original({ toJavaScript: () => wire }, false) as Record<string, unknown>;
    const shared: Deserialize = (struct, proxySecrets) => {
        if (proxySecrets && struct instanceof EncodedStruct && !struct.hasSignatures()) return lazily(() => original(struct, true) as object);
        // AnalyzeStack: the SDK decodes every resource for every stack policy; ours read a few types.
        if (!proxySecrets && struct instanceof EncodedStruct && struct.forStack) return (struct.props ??= lazily(() => struct.deserialize(sdkDeserialize)));
        if (proxySecrets || typeof struct !== "object" || struct === null) return original(struct, proxySecrets);
        const encoded = struct instanceof EncodedStruct;
        let props = encoded ? struct.props : decoded.get(struct);
        if (props === undefined) {
            props = encoded ? struct.deserialize(sdkDeserialize) : original(struct, false);
            if (encoded) struct.props = props;
            else decoded.set(struct, props);
            if (typeof props === "object" && props !== null) Object.defineProperty(props, STRUCT, { value: struct });
        }
        return props;
    };
    shared.shared = true;
    sdk.deserializeProperties = shared;
    return { applied: true };
}

// ---------------------------------------------------------------- 6. assets without contents

function isContentlessError(e: unknown): boolean {
    return e instanceof Error && /^Invalid (asset|archive) encountered when unmarshaling resource property$/.test(e.message);
}

/** An asset or archive whose contents the SDK cannot find (it tests these fields for truthiness). */
function isContentless(o: Record<string, unknown>): boolean {
    return !o.path && !o.uri && (o[SIG_KEY] === SIG.asset ? !o.text : !o.assets);
}

/**
 * deserializeProperties(wire, proxySecrets) as @pulumi/policy 1.21 does it (deserialize.js),
 * except for assets and archives without contents; whatever else has a signature goes to
 * `sdk`, so its values (and any other error) are the SDK's.
 */
export function contentTolerant(wire: Record<string, unknown>, proxySecrets: boolean, sdk: (wire: unknown) => { v: unknown }): Record<string, unknown> {
    const value = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(value);
        if (typeof v !== "object" || v === null) return v;
        const o = v as Record<string, unknown>;
        const sig = o[SIG_KEY];
        if (sig === SIG.asset && isContentless(o)) {
            const hash = o.hash;
            return hash === undefined || hash === "" || hash === EMPTY_TEXT_ASSET_HASH ? new asset.StringAsset("") : o;
        }
        if (sig === SIG.archive && isContentless(o)) return o;
        if (sig === SIG.archive && isRecord(o.assets)) {
            const members = Object.entries(o.assets).map(([name, member]) => [name, value(member)] as const);
            // A member without contents left as the engine sent it is no Asset: the SDK's
            // AssetArchive refuses it, so the archive stays as sent too (and a remediation sends it back unchanged).
            if (members.some(([, m]) => isRecord(m) && m[SIG_KEY] !== undefined && !asset.Asset.isInstance(m) && !asset.Archive.isInstance(m))) return o;
            if (members.some(([, m]) => !asset.Asset.isInstance(m) && !asset.Archive.isInstance(m))) return sdk(o).v;
            return new asset.AssetArchive(Object.fromEntries(members) as Record<string, asset.Asset | asset.Archive>);
        }
        if (sig === SIG.secret) {
            const inner = value(o.value);
            return proxySecrets ? new Secret(inner) : inner;
        }
        if (sig) return sdk(o).v;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(o)) out[k] = value(o[k]);
        return out;
    };
    const props: Record<string, unknown> = {};
    for (const k of Object.keys(wire)) if (wire[k] !== undefined) props[k] = value(wire[k]);
    return props;
}

/**
 * Where the engine sent secrets in the request these (unwrapped, decoded) props came from;
 * undefined when the patch is not applied or the props were not decoded through it.
 */
export function secretLocationsOf(props: object): SecretLocations | undefined {
    const struct = (props as { [STRUCT]?: Struct })[STRUCT];
    return struct ? collectSecretLocations(struct.toJavaScript()) : undefined;
}

/** Replaces each AssetArchive in remediated props by its wire form (see 3. above), in place. */
export async function withSerializableArchives(props: Record<string, unknown>): Promise<Record<string, unknown>> {
    const found: [Record<string | number, unknown>, string | number, asset.AssetArchive][] = [];
    walk(props, undefined, (value, _context, schedule) => {
        const keys: (string | number)[] = isSecretWrapper(value) ? ["value"]
            : Array.isArray(value) ? value.map((_, i) => i)
            : isRecord(value) && Object.getPrototypeOf(value) === Object.prototype ? Object.keys(value)
            : [];
        const parent = value as Record<string | number, unknown>;
        for (const key of keys) {
            const child = parent[key];
            if (child instanceof asset.AssetArchive) found.push([parent, key, child]);
            else schedule(child, undefined);
        }
    });
    for (const [parent, key, archive] of found) parent[key] = await archiveWireForm(archive);
    return props;
}

async function archiveWireForm(archive: asset.AssetArchive): Promise<Record<string, unknown>> {
    const assets: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(await archive.assets)) {
        assets[name] = member instanceof asset.AssetArchive ? await archiveWireForm(member) : member;
    }
    return { [SIG_KEY]: SIG.archive, assets };
}

// ---------------------------------------------------------------- 4. request decoding

/**
 * A request's Struct as bytes. `toJavaScript()` is google-protobuf's (the wire form, which
 * the remediation path and `secretLocationsOf` read); the shared decoding reads the bytes
 * straight into what deserializeProperties(struct, false) returns.
 */
class EncodedStruct implements Struct {
    /** What the shared decoding made of it. */
    props: unknown;

    /** `forStack`: a resource's properties in an AnalyzeStack request (decoded only if a stack policy reads them). */
    constructor(private readonly buf: Uint8Array, private readonly start: number, private readonly end: number, readonly forStack = false) {}

    toJavaScript(): Record<string, unknown> {
        return decodeStruct(this.buf, this.start, this.end);
    }

    deserialize(sdk: SdkDeserialize): Record<string, unknown> {
        return decodeProperties(this.buf, this.start, this.end, sdk);
    }

    /** Whether a secret, asset, archive or other signature object may be in it (its key is in the bytes). */
    hasSignatures(): boolean {
        return !Buffer.isBuffer(this.buf) || this.buf.subarray(this.start, this.end).indexOf(SIGNATURE_KEY_BYTES) >= 0;
    }
}

const SIGNATURE_KEY_BYTES = Buffer.from(SIG_KEY, "latin1");
// The SDK's proxy flags (@pulumi/policy proxy.js isSpecialProxy, getSpecialProxyTarget).
const SPECIAL_PROXY = "__isSpecialProxy";
const SPECIAL_PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * Props decoded on first use. The remediation path's (deserializeProperties(struct, true)):
 * the SDK decodes them for every Remediate, but only policies at `remediate` read them, and
 * most runs have none; only for props without signature objects, whose decoding cannot fail
 * (a malformed asset throws where the SDK has always thrown it). And the resources of an
 * AnalyzeStack request, of which the stack policies read a few types. The SDK's proxy asks
 * for the prototype first: a plain object's, answered without decoding. Like the SDK's own
 * proxies, it answers the flags that lead `unwrapProxy` (./values.ts) to the decoded object.
 */
function lazily(materialize: () => object): object {
    let real: object | undefined;
    const target = () => (real ??= materialize());
    return new Proxy({}, {
        get: (_t, key) => (key === SPECIAL_PROXY ? true : key === SPECIAL_PROXY_TARGET ? target() : Reflect.get(target(), key)),
        set: (_t, key, value) => Reflect.set(target(), key, value),
        has: (_t, key) => Reflect.has(target(), key),
        ownKeys: () => Reflect.ownKeys(target()),
        getOwnPropertyDescriptor: (_t, key) => {
            const d = Reflect.getOwnPropertyDescriptor(target(), key);
            return d && { ...d, configurable: true };
        },
        defineProperty: (_t, key, d) => Reflect.defineProperty(target(), key, d),
        deleteProperty: (_t, key) => Reflect.deleteProperty(target(), key),
        getPrototypeOf: () => Object.prototype,
    });
}

interface Message {
    getProperties(): Struct | undefined;
    getProvider?(): Message | undefined;
}
interface MessageClass {
    new (): any;
    deserializeBinary(bytes: Uint8Array): any;
}
interface Protos {
    AnalyzeRequest: MessageClass;
    AnalyzeStackRequest: MessageClass;
    AnalyzerResource: MessageClass;
    AnalyzerProviderResource: MessageClass;
}
interface ServiceMethod {
    path: string;
    requestDeserialize: (bytes: Buffer) => unknown;
}

/** Field tags (number << 3 | wire type 2) of the length-delimited fields decoded here. */
const PROPERTIES = 0x12; // AnalyzeRequest, AnalyzerResource, AnalyzerProviderResource: field 2
const PROVIDER = 0x32; // AnalyzeRequest, AnalyzerResource: field 6
const RESOURCES = 0x0a; // AnalyzeStackRequest: field 1

/**
 * Decodes a message whose Structs (and provider's Struct) are decoded here and the rest by
 * google-protobuf. `providers` shares one provider message per distinct encoding.
 */
function decodeMessage(pb: Protos, cls: MessageClass, buf: Uint8Array, start: number, end: number, providers: Map<string, Message> | undefined): Message {
    const r = new Reader(buf, start, end);
    const rest: Uint8Array[] = [];
    let properties: EncodedStruct | undefined;
    let provider: Message | undefined;
    while (r.pos < end) {
        const field = r.pos;
        const tag = r.varint();
        if (tag === PROPERTIES) {
            const s = r.span();
            properties = new EncodedStruct(buf, s, r.pos, cls === pb.AnalyzerResource);
        } else if (tag === PROVIDER && cls !== pb.AnalyzerProviderResource) {
            const s = r.span();
            const key = providers ? Buffer.from(buf.buffer, buf.byteOffset + s, r.pos - s).toString("latin1") : undefined;
            provider = key !== undefined ? providers!.get(key) : undefined;
            if (!provider) {
                provider = decodeMessage(pb, pb.AnalyzerProviderResource, buf, s, r.pos, undefined);
                if (key !== undefined) providers!.set(key, provider);
            }
        } else {
            r.skip(tag & 7);
            rest.push(buf.subarray(field, r.pos));
        }
    }
    const message = cls.deserializeBinary(rest.length === 1 ? rest[0] : Buffer.concat(rest));
    if (properties) message.getProperties = () => properties;
    if (provider) message.getProvider = () => provider;
    return message;
}

function requestDecoders(pb: Protos) {
    let lastProvider = new Map<string, Message>();
    return {
        analyze(bytes: Buffer): Message {
            // Consecutive requests mostly name the same provider: keep the last one.
            const providers = lastProvider.size > 1 ? (lastProvider = new Map()) : lastProvider;
            return decodeMessage(pb, pb.AnalyzeRequest, bytes, 0, bytes.length, providers);
        },
        analyzeStack(bytes: Buffer): unknown {
            const providers = new Map<string, Message>();
            const resources: Message[] = [];
            const r = new Reader(bytes);
            while (r.pos < bytes.length) {
                const tag = r.varint();
                if (tag !== RESOURCES) { r.skip(tag & 7); continue; }
                const s = r.span();
                resources.push(decodeMessage(pb, pb.AnalyzerResource, bytes, s, r.pos, providers));
            }
            const request = new pb.AnalyzeStackRequest();
            request.getResourcesList = () => resources;
            return request;
        },
    };
}

function patchRequestDecoding(): PatchStatus {
    let service: Record<string, ServiceMethod>;
    let pb: Protos;
    try {
        // The copies server.js itself loads.
        const from = path.dirname(require.resolve("@pulumi/policy/server.js"));
        const load = (m: string) => require(require.resolve(m, { paths: [from] }));
        service = load("@pulumi/pulumi/proto/analyzer_grpc_pb").AnalyzerService;
        pb = load("@pulumi/pulumi/proto/analyzer_pb");
    } catch {
        return { applied: false, reason: "@pulumi/pulumi's Analyzer protocol stubs could not be loaded" };
    }
    const expected: Record<string, string> = { analyze: "Analyze", remediate: "Remediate", analyzeStack: "AnalyzeStack" };
    for (const [method, name] of Object.entries(expected)) {
        if (service?.[method]?.path !== `/pulumirpc.Analyzer/${name}` || typeof service[method].requestDeserialize !== "function") {
            return { applied: false, reason: `the Analyzer service definition no longer has ${name} as verified` };
        }
    }
    const decoders = requestDecoders(pb);
    const problem = selfCheck(pb, service, decoders);
    if (problem) return { applied: false, reason: `request decoding self-check failed: ${problem}` };
    service.analyze.requestDeserialize = decoders.analyze;
    service.remediate.requestDeserialize = decoders.analyze;
    service.analyzeStack.requestDeserialize = decoders.analyzeStack;
    return { applied: true };
}

interface StructClass {
    new (): object;
    fromJavaScript(obj: unknown): object;
    serializeBinaryToWriter(message: object, writer: { writeSerializedMessage?(bytes: Uint8Array, start: number, end: number): void }): void;
}

function patchAnalyzerInfo(): PatchStatus {
    let protoutil: { makeAnalyzerInfo?: (...args: unknown[]) => unknown };
    let built: StructClass;
    let serialized: StructClass;
    let writerClass: { prototype?: { writeSerializedMessage?: unknown } } | undefined;
    try {
        // The copies protoutil.js builds the answer with, and analyzer_pb.js serializes it with.
        const policyDir = path.dirname(require.resolve("@pulumi/policy/server.js"));
        const protoDir = path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] }));
        protoutil = require(require.resolve("@pulumi/policy/protoutil", { paths: [policyDir] }));
        built = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [policyDir] })).Struct;
        serialized = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [protoDir] })).Struct;
        writerClass = require(require.resolve("google-protobuf", { paths: [protoDir] })).BinaryWriter;
    } catch {
        return { applied: false, reason: "@pulumi/policy's protoutil or google-protobuf's Struct could not be loaded" };
    }
    const make = protoutil.makeAnalyzerInfo;
    const fromJavaScript = built.fromJavaScript;
    const serialize = serialized.serializeBinaryToWriter;
    if (typeof make !== "function" || typeof fromJavaScript !== "function" || typeof serialize !== "function" || typeof writerClass?.prototype?.writeSerializedMessage !== "function") {
        return { applied: false, reason: "@pulumi/policy no longer builds GetAnalyzerInfo as verified" };
    }
    if ((make as { fast?: true }).fast) return { applied: true };
    const encoded = new WeakMap<object, Buffer>();
    const writer = new Writer(4096);
    const encode = (obj: unknown): object => {
        if (typeof obj !== "object" || obj === null) return fromJavaScript.call(built, obj);
        writer.reset();
        writeStructFields(writer, obj, false);
        const struct = new built();
        encoded.set(struct, writer.copy());
        return struct;
    };
    serialized.serializeBinaryToWriter = (message, w) => {
        const bytes = encoded.get(message);
        if (bytes) w.writeSerializedMessage!(bytes, 0, bytes.length);
        else serialize(message, w);
    };
    const fast = function (this: unknown, ...args: unknown[]): unknown {
        const current = built.fromJavaScript;
        built.fromJavaScript = encode;
        try {
            return make.apply(this, args);
        } finally {
            built.fromJavaScript = current;
        }
    };
    fast.fast = true as const;
    protoutil.makeAnalyzerInfo = fast;
    return { applied: true };
}

/** Decodes a sample of each request both ways; a difference names what differs. */
function selfCheck(pb: Protos, service: Record<string, ServiceMethod>, decoders: ReturnType<typeof requestDecoders>): string | undefined {
    const { Struct } = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [path.dirname(require.resolve("@pulumi/policy/server.js"))] }));
    const props = { b: [1, "x", true, null, { z: {}, a: [] }], a: "ü", "": 0.5 };
    const provider = new pb.AnalyzerProviderResource();
    provider.setType("pulumi:providers:aws");
    provider.setUrn("urn:p");
    provider.setName("p");
    provider.setProperties(Struct.fromJavaScript({ region: "us-east-1" }));
    const resource = (cls: MessageClass) => {
        const m = new cls();
        m.setType("t");
        m.setUrn("urn:r");
        m.setName("r");
        m.setProperties(Struct.fromJavaScript(props));
        m.setProvider(provider);
        return m;
    };
    const stack = new pb.AnalyzeStackRequest();
    stack.setResourcesList([resource(pb.AnalyzerResource), resource(pb.AnalyzerResource)]);
    const view = (m: any) => JSON.stringify([m.getType(), m.getUrn(), m.getName(), m.getProperties()?.toJavaScript(), m.getProvider?.()?.getProperties()?.toJavaScript(), m.getProvider?.()?.getUrn()]);
    const cases: [string, Buffer, (b: Buffer) => any, (b: Buffer) => any][] = [
        ["Analyze", Buffer.from(resource(pb.AnalyzeRequest).serializeBinary()), service.analyze.requestDeserialize, decoders.analyze],
        ["AnalyzeStack", Buffer.from(stack.serializeBinary()), service.analyzeStack.requestDeserialize, decoders.analyzeStack],
    ];
    for (const [name, bytes, theirs, ours] of cases) {
        const list = (m: any) => (typeof m.getResourcesList === "function" ? m.getResourcesList() : [m]);
        const a = list(theirs(bytes)).map(view).join();
        const b = list(ours(bytes)).map(view).join();
        if (a !== b) return `${name} decodes differently`;
    }
    return undefined;
}
