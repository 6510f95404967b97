// What a program's registrations become: the resources as the engine would hand them to an
// analyzer. The child process records each RegisterResourceRequest the SDK sends (wire
// form: secrets as signature objects, unknowns as sentinels); this turns them into
// EngineResource[] the way the engine does — default providers added, resource references
// reduced to ids/URNs (MarshalOptions without KeepResources), empty property dependencies
// dropped. Pure: no SDK, no I/O.
import { EngineResource, isProviderType, makeUrn } from "../engine/model";
import { contentlessAsSent, SIG, SIG_KEY, UNKNOWN_SENTINELS, wireSecret } from "../../policies/lib/wire";
import { fakeUuid } from "./mocks";

/** One RegisterResource (or ReadResource) call, as the child recorded it. */
export interface Registration {
    kind: "register" | "read";
    type: string;
    name: string;
    urn: string;
    /** The parent's URN; "" for the root stack. */
    parent: string;
    custom: boolean;
    /** A multi-language component: its provider would construct the children. */
    remote: boolean;
    protect: boolean;
    /** `<provider urn>::<id>`, "" for the package's default provider. */
    provider: string;
    version: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    inputs: Record<string, unknown>;
    /** What the mocks answered (custom) or registerOutputs recorded (components). */
    outputs?: Record<string, unknown>;
    ignoreChanges: string[];
    additionalSecretOutputs: string[];
    aliases: string[];
    deleteBeforeReplace?: boolean;
    importId?: string;
    retainOnDelete?: boolean;
    replaceOnChanges?: string[];
    deletedWith?: string;
    customTimeouts?: { create?: string; update?: string; delete?: string };
    /** Where the program constructs it, as the SDK recorded it (engine-side only: analyzers never see it). */
    source?: SourceLocation;
}

/** A position in a program file: absolute path, 1-based line and column. */
export interface SourceLocation {
    file: string;
    line: number;
    column?: number;
}

export interface CaptureContext {
    stack: string;
    project: string;
    preview: boolean;
    /** A package's default-provider inputs: its namespace of the stack config. */
    providerConfig(pkg: string): Record<string, unknown>;
}

export interface Captured {
    resources: EngineResource[];
    notes: string[];
}


export function toEngineResources(registrations: readonly Registration[], ctx: CaptureContext): Captured {
    const resources: EngineResource[] = [];
    const notes: string[] = [];
    const defaultProviders = new Map<string, string>();
    const reads: string[] = [];

    const defaultProviderRef = (type: string, version: string): string => {
        const pkg = type.split(":")[0];
        const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
        const key = `${pkg}::${name}`;
        const known = defaultProviders.get(key);
        if (known) return known;
        // The engine registers a package's default provider just before its first resource.
        const urn = makeUrn(ctx.stack, ctx.project, `pulumi:providers:${pkg}`, name);
        const inputs: Record<string, unknown> = { ...ctx.providerConfig(pkg) };
        if (version) inputs.version = version;
        resources.push({ urn, type: `pulumi:providers:${pkg}`, name, custom: true, inputs, protect: false, dependencies: [], propertyDependencies: {} });
        const ref = `${urn}::${ctx.preview ? UNKNOWN_SENTINELS.string : fakeUuid(urn)}`;
        defaultProviders.set(key, ref);
        return ref;
    };

    for (const r of registrations) {
        if (r.kind === "read") {
            // A StackReference is a read too, but of another stack's outputs, not of a cloud resource.
            if (r.type !== "pulumi:pulumi:StackReference") reads.push(`${r.type} "${r.name}"`);
            continue;
        }
        let provider = r.provider || undefined;
        if (r.custom && !provider && !isProviderType(r.type)) provider = defaultProviderRef(r.type, r.version);
        const propertyDependencies: Record<string, string[]> = {};
        for (const [k, urns] of Object.entries(r.propertyDependencies)) if (urns.length) propertyDependencies[k] = [...urns];
        const resource: EngineResource = {
            urn: r.urn,
            type: r.type,
            name: r.name,
            custom: r.custom,
            inputs: engineValue(r.inputs) as Record<string, unknown>,
            parent: r.parent || undefined,
            protect: r.protect,
            provider,
            dependencies: [...r.dependencies],
            propertyDependencies,
            ignoreChanges: [...r.ignoreChanges],
            additionalSecretOutputs: [...r.additionalSecretOutputs],
            aliases: [...r.aliases],
        };
        if (r.outputs !== undefined) resource.outputs = engineValue(r.outputs) as Record<string, unknown>;
        if (r.deleteBeforeReplace !== undefined) resource.deleteBeforeReplace = r.deleteBeforeReplace;
        resources.push(resource);
        if (r.remote) {
            notes.push(`${r.type} "${r.name}" is a multi-language component: its children are created by its provider, which check does not run, so they are not analyzed`);
        }
    }
    if (reads.length) {
        const one = reads.length === 1;
        notes.push(`${reads.length} resource${one ? "" : "s"} read with .get() (${reads.slice(0, 3).join(", ")}${reads.length > 3 ? ", ..." : ""}) ` +
            `${one ? "exists" : "exist"} outside this stack and ${one ? "is" : "are"} not analyzed`);
    }
    return { resources, notes };
}

/**
 * A property value as the engine holds it. A resource reference becomes what an analyzer
 * receives: the engine marshals without KeepResources, so a custom resource becomes its id
 * (unknown at preview) and a component its URN (sdk/go/common/resource/plugin/rpc.go).
 * Assets and archives lose the SDK's `__pulumiAsset`/`__pulumiArchive` markers, which the
 * engine does not keep when it deserializes them, and an asset of empty text is sent as the
 * engine sends it: its hash alone (Go's Asset.Serialize omits the empty text).
 */
export function engineValue(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(engineValue);
    if (typeof value !== "object" || value === null) return value;
    const o = value as Record<string, unknown>;
    if (o[SIG_KEY] === SIG.resourceReference) {
        if (typeof o.id === "string") return o.id === "" ? UNKNOWN_SENTINELS.string : o.id;
        return typeof o.urn === "string" ? o.urn : UNKNOWN_SENTINELS.string;
    }
    const isAsset = o[SIG_KEY] === SIG.asset || o[SIG_KEY] === SIG.archive;
    const sent = isAsset ? contentlessAsSent(o) : undefined;
    if (sent) return sent;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
        if (isAsset && (k === "__pulumiAsset" || k === "__pulumiArchive")) continue;
        out[k] = engineValue(v);
    }
    return out;
}

/** The stack config as the program sees it, for a provider: `aws:region` → `region`. */
export function providerConfigFrom(config: Record<string, string>, secretKeys: readonly string[], pkg: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) {
        if (!key.startsWith(`${pkg}:`)) continue;
        const name = key.slice(pkg.length + 1);
        out[name] = secretKeys.includes(key) ? wireSecret(value) : value;
    }
    return out;
}
