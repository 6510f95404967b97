// The engine's wire form of special values, in one place for the pack, the engine path,
// `check` and the tests. No imports: `check` uses it without loading the SDK.
//
// Values from @pulumi/pulumi runtime/rpc.js (specialSigKey, special*Sig) and the
// preview sentinels of @pulumi/policy proxy.js; test/wire.test.ts checks them against the
// installed SDKs.

/** The key of a signature object: `{[SIG_KEY]: <sig>, ...}`. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";

export const SIG = {
    secret: "1b47061264138c4ac30d75fd1eb44270",
    asset: "c44067f5952c0a294b673a41bacd8c17",
    archive: "0def7320c3a5731c473e5ecbe6d01bc7",
    resourceReference: "5cf8f73096256a8f31e491e813e4eb8e",
    outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
} as const;

/**
 * The hash the engine gives an asset of empty text (SHA-256 of no bytes; Go's asset.FromText):
 * with the empty text omitted, it is all the engine sends of `new pulumi.asset.StringAsset("")`.
 */
export const EMPTY_TEXT_ASSET_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * An asset (or archive) without contents as the engine sends it: the engine sends only the
 * fields that are not empty (Go's Asset.Serialize), so a `path`, `uri`, `text` (or `assets`)
 * that is missing or not a non-empty string leaves the signature and the hash, the hash of
 * empty text for an asset whose text is "". Undefined when it has contents.
 */
export function contentlessAsSent(o: Record<string, unknown>): Record<string, unknown> | undefined {
    const has = (key: string) => typeof o[key] === "string" && o[key] !== "";
    const sig = o[SIG_KEY];
    if (has("path") || has("uri") || (sig === SIG.asset ? has("text") : isObject(o.assets))) return undefined;
    const hash = has("hash") ? o.hash : sig === SIG.asset && o.text === "" ? EMPTY_TEXT_ASSET_HASH : undefined;
    return hash === undefined ? { [SIG_KEY]: sig } : { [SIG_KEY]: sig, hash };
}

function isObject(value: unknown): boolean {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The sentinels for values not known during preview, one per kind. */
export const UNKNOWN_SENTINELS = {
    boolean: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    asset: "030794c1-ac77-496b-92df-f27374a8bd58",
    archive: "e48ece36-62e2-4504-bad9-02848725956a",
    object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;

const unknownSet: ReadonlySet<unknown> = new Set(Object.values(UNKNOWN_SENTINELS));
const SENTINEL_LENGTH = UNKNOWN_SENTINELS.string.length;

/** True when the value is not known yet (preview). */
export function isUnknown(value: unknown): boolean {
    // Rules ask this of every value: most are not 36-character strings, and need no hashing.
    return typeof value === "string" && value.length === SENTINEL_LENGTH && unknownSet.has(value);
}

/** The signature of a wire-form special value, if it is one. */
export function signatureOf(value: unknown): string | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const sig = (value as Record<string, unknown>)[SIG_KEY];
    return typeof sig === "string" ? sig : undefined;
}

/** A secret in wire form. */
export function wireSecret(value: unknown): Record<string, unknown> {
    return { [SIG_KEY]: SIG.secret, value };
}

export function isWireSecret(value: unknown): value is Record<string, unknown> {
    return signatureOf(value) === SIG.secret;
}
