// The engine's wire signatures (policies/lib/wire.ts) are the installed SDKs' own.
import { describe, expect, it } from "vitest";
import { SIG, SIG_KEY, UNKNOWN_SENTINELS } from "../policies/lib/wire";

describe("wire signatures", () => {
    it("match @pulumi/pulumi's runtime/rpc", () => {
        const rpc = require("@pulumi/pulumi/runtime/rpc");
        expect(SIG_KEY).toBe(rpc.specialSigKey);
        expect(SIG).toEqual({
            secret: rpc.specialSecretSig,
            asset: rpc.specialAssetSig,
            archive: rpc.specialArchiveSig,
            resourceReference: rpc.specialResourceSig,
            outputValue: rpc.specialOutputValueSig,
        });
        expect(UNKNOWN_SENTINELS.string).toBe(rpc.unknownValue);
    });

    it("the preview sentinels are @pulumi/policy's", () => {
        const proxy = require("fs").readFileSync(require.resolve("@pulumi/policy/proxy.js"), "utf8");
        for (const sentinel of Object.values(UNKNOWN_SENTINELS)) expect(proxy).toContain(sentinel);
        // isUnknown rejects other lengths without hashing.
        expect(new Set(Object.values(UNKNOWN_SENTINELS).map((s) => s.length)).size).toBe(1);
    });
});
