// The Analyzer requests the engine sends a pack per resource and per stack, encoded straight
// to protobuf bytes (../../policies/lib/protobuf.ts): google-protobuf's message objects cost
// the harness more CPU and memory than the pack's own work on a large stack. Field numbers
// and encodings are those of pulumi/proto/analyzer.proto (AnalyzeRequest, AnalyzerResource,
// AnalyzerResourceOptions, AnalyzerProviderResource, AnalyzeStackRequest), as
// @pulumi/pulumi's generated analyzer_pb.js writes them; test/requests.test.ts decodes what
// is written here with those classes.
import { Writer, writePropertiesWithoutInternalKeys, writeStructEntry, writeStructFields } from "../../policies/lib/protobuf";
import { EngineResource } from "./model";

/** Where the engine drops `__` keys: not for Remediate, for Analyze and AnalyzeStack (analyzer_plugin.go). */
export type PropertiesFor = "remediate" | "analyze";

// Tags: field number << 3 | wire type (2: length-delimited, 0: varint).
const enum Tag {
    Type = 0x0a, Properties = 0x12, Urn = 0x1a, Name = 0x22, Options = 0x2a, Provider = 0x32, Parent = 0x3a, Dependencies = 0x42, PropertyDependencies = 0x4a,
}

/** One writer per encoder: its buffer grows to the largest request and is reused. */
export class RequestEncoder {
    private readonly providers = new WeakMap<EngineResource, Buffer>();
    private readonly writer = new Writer(64 * 1024);
    private readonly entries = new Writer(1024);

    /**
     * The Remediate and the Analyze request of `r`, encoded once: they differ only in the
     * `__` keys the engine drops for Analyze, which are (in state) top-level keys such as
     * `__defaults`, added to the Analyze bytes for Remediate. The same buffer when there are none.
     */
    resourceRequests(r: EngineResource, provider: EngineResource | undefined): { remediate: Buffer; analyze: Buffer } {
        const w = this.startRequest(r, provider);
        const mark = w.length;
        const internal = writePropertiesWithoutInternalKeys(w, r.inputs);
        const propsLength = w.length - mark;
        w.lengthPrefix(Tag.Properties, mark);
        const propsField = w.length - mark;
        w.string(Tag.Type, r.type);
        const analyze = w.copy();
        if (internal.top.length === 0 && !internal.deeper) return { remediate: analyze, analyze };
        if (internal.deeper) return { remediate: this.analyzeRequest(r, provider, "remediate").bytes, analyze };
        const e = this.entries;
        e.reset();
        for (let i = internal.top.length - 1; i >= 0; i--) writeStructEntry(e, internal.top[i], r.inputs[internal.top[i]], false);
        const added = e.copy();
        e.reset();
        e.varint(propsLength + added.length);
        e.byte(Tag.Properties);
        const typeField = analyze.length - mark - propsField;
        const remediate = Buffer.concat([analyze.subarray(0, typeField), e.copy(), added, analyze.subarray(typeField + propsField - propsLength)]);
        return { remediate, analyze };
    }

    /**
     * An AnalyzeRequest (Analyze and Remediate) for `r`. `internalKeys` says whether the
     * properties held a `__` key, so a caller can reuse a Remediate encoding for Analyze.
     */
    analyzeRequest(r: EngineResource, provider: EngineResource | undefined, forCall: PropertiesFor): { bytes: Buffer; internalKeys: boolean } {
        const w = this.startRequest(r, provider);
        const mark = w.length;
        const internalKeys = writeStructFields(w, r.inputs, forCall === "analyze");
        w.lengthPrefix(Tag.Properties, mark);
        w.string(Tag.Type, r.type);
        return { bytes: w.copy(), internalKeys };
    }

    /** The shared writer, reset, with an AnalyzeRequest's fields after `properties` (written back to front). */
    private startRequest(r: EngineResource, provider: EngineResource | undefined): Writer {
        const w = this.writer;
        w.reset();
        if (provider) this.writeProvider(w, provider);
        this.writeOptions(w, r);
        w.string(Tag.Name, r.name);
        w.string(Tag.Urn, r.urn);
        return w;
    }

    /**
     * One element of AnalyzeStackRequest.resources, with its field tag and length: requests
     * concatenate them. The bytes are a view of the shared buffer, valid until the next
     * encoding: StackRequest copies them at once.
     */
    stackEntry(r: EngineResource, provider: EngineResource | undefined): Buffer {
        const w = this.writer;
        w.reset();
        const entry = w.length;
        const deps = Object.entries(r.propertyDependencies);
        for (let i = deps.length - 1; i >= 0; i--) {
            const [key, urns] = deps[i];
            if (!urns.length) continue;
            const mapEntry = w.length;
            const value = w.length;
            for (let j = urns.length - 1; j >= 0; j--) w.string(0x0a, urns[j]);
            w.lengthPrefix(0x12, value);
            w.string(0x0a, key);
            w.lengthPrefix(Tag.PropertyDependencies, mapEntry);
        }
        for (let i = r.dependencies.length - 1; i >= 0; i--) w.string(Tag.Dependencies, r.dependencies[i]);
        if (r.parent) w.string(Tag.Parent, r.parent);
        if (provider) this.writeProvider(w, provider);
        this.writeOptions(w, r);
        w.string(Tag.Name, r.name);
        w.string(Tag.Urn, r.urn);
        // The engine hands stack policies each resource's outputs (at preview: inputs plus unknowns).
        const mark = w.length;
        writeStructFields(w, r.outputs ?? r.inputs, true);
        w.lengthPrefix(Tag.Properties, mark);
        w.string(Tag.Type, r.type);
        w.lengthPrefix(0x0a, entry);
        return w.finish();
    }

    /** AnalyzerResourceOptions: proto3 leaves out defaults (false, "", empty lists). */
    private writeOptions(w: Writer, r: EngineResource): void {
        const mark = w.length;
        if (r.parent) w.string(0x42, r.parent);
        w.byte(0); // customTimeouts: an empty message, as the harness always sent
        w.byte(0x3a);
        strings(w, 0x32, r.aliases);
        strings(w, 0x2a, r.additionalSecretOutputs);
        if (r.deleteBeforeReplace !== undefined) {
            w.byte(1);
            w.byte(0x20); // deleteBeforeReplaceDefined
            if (r.deleteBeforeReplace) { w.byte(1); w.byte(0x18); }
        }
        strings(w, 0x12, r.ignoreChanges);
        if (r.protect) { w.byte(1); w.byte(0x08); }
        w.lengthPrefix(Tag.Options, mark);
    }

    /** AnalyzerProviderResource (properties without `__` keys), encoded once per provider. */
    private writeProvider(w: Writer, provider: EngineResource): void {
        let bytes = this.providers.get(provider);
        if (!bytes) {
            const p = new Writer(256);
            p.string(Tag.Name, provider.name);
            p.string(Tag.Urn, provider.urn);
            const mark = p.length;
            writeStructFields(p, provider.inputs, true);
            p.lengthPrefix(Tag.Properties, mark);
            p.string(Tag.Type, provider.type);
            bytes = Buffer.from(p.finish());
            this.providers.set(provider, bytes);
        }
        const mark = w.length;
        w.raw(bytes);
        w.lengthPrefix(Tag.Provider, mark);
    }
}

function strings(w: Writer, tag: number, list: readonly string[] | undefined): void {
    if (!list) return;
    for (let i = list.length - 1; i >= 0; i--) w.string(tag, list[i]);
}
