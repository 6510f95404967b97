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
import { asset } from "@pulumi/pulumi";
import { collectSecretLocations, SecretLocations } from "./sensitive";
import { isRecord, isSecretWrapper } from "./values";
import { walk } from "./walk";
import { SIG, SIG_KEY } from "./wire";

/** @pulumi/policy versions whose server.js and deserialize.js this patch was verified against. */
export const VERIFIED_POLICY_SDK = { major: 1, minMinor: 21, maxMinor: 21 } as const;

export type PatchStatus = { applied: true } | { applied: false; reason: string };

interface Struct {
    toJavaScript(): unknown;
}
type Deserialize = ((struct: Struct, proxySecrets: boolean) => unknown) & { shared?: true };

const structOf = new WeakMap<object, Struct>();
let status: PatchStatus = { applied: false, reason: "not applied yet" };

/** Applies the patch once; later calls return the first outcome. */
export function applySdkPatch(): PatchStatus {
    if (status.applied || status.reason !== "not applied yet") return status;
    status = patch();
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
    const original = sdk.deserializeProperties;
    if (typeof original !== "function") return { applied: false, reason: "@pulumi/policy no longer exports deserializeProperties" };
    if (original.shared) return { applied: true };
    const decoded = new WeakMap<object, unknown>();
    const shared: Deserialize = (struct, proxySecrets) => {
        if (proxySecrets || typeof struct !== "object" || struct === null) return original(struct, proxySecrets);
        let props = decoded.get(struct);
        if (props === undefined) {
            props = original(struct, false);
            decoded.set(struct, props);
            if (typeof props === "object" && props !== null) structOf.set(props, struct);
        }
        return props;
    };
    shared.shared = true;
    sdk.deserializeProperties = shared;
    return { applied: true };
}

/**
 * Where the engine sent secrets in the request these (unwrapped, decoded) props came from;
 * undefined when the patch is not applied or the props were not decoded through it.
 */
export function secretLocationsOf(props: object): SecretLocations | undefined {
    const struct = structOf.get(props);
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
