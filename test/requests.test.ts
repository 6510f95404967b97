// The engine path's requests (cli/engine/requests.ts) are what the harness sent when it built
// them with @pulumi/pulumi's message classes, field for field: checked here by decoding them
// with those classes, against requests built the old way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineResource } from "../cli/engine/model";
import { providerUrn, StackRequest } from "../cli/engine/pack-process";
import { RequestEncoder } from "../cli/engine/requests";
import { loadInputFile } from "../cli/inputs";
import { fcParams } from "./robustness/arbitraries";
import { FIXTURES } from "./helpers/engine";
import { hasInternalKey, withoutInternalKeys } from "./helpers/internal-keys";
import * as path from "path";

const pb = require("@pulumi/pulumi/proto/analyzer_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

// ---------------------------------------------------------------- the harness's former request building

function struct(props: Record<string, unknown>, skipInternalKeys: boolean) {
    return Struct.fromJavaScript(skipInternalKeys ? withoutInternalKeys(props) : props);
}

function options(r: EngineResource) {
    const o = new pb.AnalyzerResourceOptions();
    o.setProtect(r.protect);
    o.setIgnorechangesList(r.ignoreChanges ?? []);
    o.setAdditionalsecretoutputsList(r.additionalSecretOutputs ?? []);
    o.setAliasesList(r.aliases ?? []);
    if (r.deleteBeforeReplace !== undefined) {
        o.setDeletebeforereplacedefined(true);
        o.setDeletebeforereplace(r.deleteBeforeReplace);
    }
    o.setCustomtimeouts(new pb.AnalyzerResourceOptions.CustomTimeouts());
    o.setParent(r.parent ?? "");
    return o;
}

function providerMessage(provider: EngineResource) {
    const m = new pb.AnalyzerProviderResource();
    m.setType(provider.type);
    m.setUrn(provider.urn);
    m.setName(provider.name);
    m.setProperties(struct(provider.inputs, true));
    return m;
}

function oldAnalyzeRequest(r: EngineResource, provider: EngineResource | undefined, skipInternalKeys: boolean) {
    const req = new pb.AnalyzeRequest();
    req.setType(r.type);
    req.setUrn(r.urn);
    req.setName(r.name);
    req.setProperties(struct(r.inputs, skipInternalKeys));
    req.setOptions(options(r));
    if (provider) req.setProvider(providerMessage(provider));
    return req;
}

function oldStackRequest(resources: EngineResource[], providers: Map<string, EngineResource>) {
    const req = new pb.AnalyzeStackRequest();
    req.setResourcesList(resources.map((r) => {
        const ar = new pb.AnalyzerResource();
        ar.setUrn(r.urn);
        ar.setType(r.type);
        ar.setName(r.name);
        ar.setProperties(struct(r.outputs ?? r.inputs, true));
        ar.setOptions(options(r));
        const provider = r.provider ? providers.get(providerUrn(r.provider)) : undefined;
        if (provider) ar.setProvider(providerMessage(provider));
        ar.setParent(r.parent ?? "");
        ar.setDependenciesList(r.dependencies);
        const deps = ar.getPropertydependenciesMap();
        for (const [k, urns] of Object.entries(r.propertyDependencies)) {
            if (!urns.length) continue;
            const d = new pb.AnalyzerPropertyDependencies();
            d.setUrnsList(urns);
            deps.set(k, d);
        }
        return ar;
    }));
    return req;
}

// ---------------------------------------------------------------- comparisons

/** What the pack reads of a message: every field, Structs as JavaScript values, maps as sorted entries. */
function view(message: any): unknown {
    return JSON.parse(JSON.stringify(message.toObject(), (_k, v) => (v instanceof Uint8Array ? Array.from(v) : v)));
}

const inputs = [
    path.join(FIXTURES, "samples/stack-export.json"),
    path.join(FIXTURES, "samples/preview.json"),
    path.join(FIXTURES, "insecure-stack.json"),
    path.join(FIXTURES, "secure-stack.json"),
].map((f) => loadInputFile(f));

function providersOf(resources: EngineResource[]) {
    return new Map(resources.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => [r.urn, r]));
}

describe("requests encoded by the engine path", () => {
    it("Analyze and Remediate: every field as the message classes write it, internal keys left out for Analyze only", () => {
        const encoder = new RequestEncoder();
        for (const input of inputs) {
            const providers = providersOf(input.resources);
            for (const r of input.resources) {
                const provider = r.provider ? providers.get(providerUrn(r.provider)) : undefined;
                for (const forCall of ["remediate", "analyze"] as const) {
                    const { bytes, internalKeys } = encoder.analyzeRequest(r, provider, forCall);
                    expect(view(pb.AnalyzeRequest.deserializeBinary(bytes)), `${r.urn} ${forCall}`).toEqual(view(oldAnalyzeRequest(r, provider, forCall === "analyze")));
                    expect(internalKeys).toBe(hasInternalKey(r.inputs));
                }
                // Both at once, the Remediate request derived from the Analyze one.
                const both = encoder.resourceRequests(r, provider);
                expect(view(pb.AnalyzeRequest.deserializeBinary(both.remediate)), `${r.urn} remediate`).toEqual(view(oldAnalyzeRequest(r, provider, false)));
                expect(view(pb.AnalyzeRequest.deserializeBinary(both.analyze)), `${r.urn} analyze`).toEqual(view(oldAnalyzeRequest(r, provider, true)));
            }
        }
    });

    it("AnalyzeStack: the entries, added in any order, make the request the message classes write", () => {
        for (const input of inputs) {
            const providers = providersOf(input.resources);
            const request = new StackRequest(new RequestEncoder());
            const order = input.resources.map((_, i) => i).reverse();
            for (const i of order) {
                const r = input.resources[i];
                request.add(i, r, r.provider ? providers.get(providerUrn(r.provider)) : undefined);
            }
            const bytes = Buffer.concat(request.finish());
            expect(view(pb.AnalyzeStackRequest.deserializeBinary(bytes))).toEqual(view(oldStackRequest(input.resources, providers)));
        }
    });

    it("random resource options and property dependencies", () => {
        const list = fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 });
        const resource = fc.record({
            protect: fc.boolean(),
            ignoreChanges: fc.option(list, { nil: undefined }),
            additionalSecretOutputs: fc.option(list, { nil: undefined }),
            aliases: fc.option(list, { nil: undefined }),
            deleteBeforeReplace: fc.option(fc.boolean(), { nil: undefined }),
            parent: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
            dependencies: list,
            propertyDependencies: fc.dictionary(fc.string({ maxLength: 6 }), list, { maxKeys: 3 }),
            inputs: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("__defaults", "__internal", "__x")), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ __nested: 1, a: [{ __deep: true }] })), { maxKeys: 4 }),
            outputs: fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }), { nil: undefined }),
        });
        fc.assert(fc.property(resource, (extra) => {
            const r = { urn: "urn:pulumi:s::p::a:b:C::x", type: "a:b:C", name: "x", custom: true, ...extra } as EngineResource;
            const encoder = new RequestEncoder();
            expect(view(pb.AnalyzeRequest.deserializeBinary(encoder.analyzeRequest(r, undefined, "analyze").bytes))).toEqual(view(oldAnalyzeRequest(r, undefined, true)));
            const both = encoder.resourceRequests(r, undefined);
            expect(view(pb.AnalyzeRequest.deserializeBinary(both.remediate))).toEqual(view(oldAnalyzeRequest(r, undefined, false)));
            expect(view(pb.AnalyzeRequest.deserializeBinary(both.analyze))).toEqual(view(oldAnalyzeRequest(r, undefined, true)));
            const request = new StackRequest(encoder);
            request.add(0, r, undefined);
            expect(view(pb.AnalyzeStackRequest.deserializeBinary(Buffer.concat(request.finish())))).toEqual(view(oldStackRequest([r], new Map())));
        }), fcParams(300));
    });

    it("refuses to send an AnalyzeStack request with a resource missing", () => {
        const request = new StackRequest(new RequestEncoder());
        request.add(1, inputs[0].resources[1], undefined);
        expect(() => request.finish()).toThrow(/resource 0 was never added/);
    });
});
