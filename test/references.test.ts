// policies/lib/references.ts: which resources of the stack a property names, by a known key
// or, while the reference is unknown (preview), through propertyDependencies.
import { describe, expect, it } from "vitest";
import { indexReferences } from "../policies/lib/references";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { resource } from "./helpers/resources";

const SECRET = "aws:secretsmanager/secret:Secret";
const U = UNKNOWN_SENTINELS.string;
const ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/db-AbCdEf";

describe("indexReferences", () => {
    const db = resource(SECRET, { name: "orders/db", arn: ARN, id: ARN }, { name: "db" });
    const api = resource(SECRET, { name: U, arn: U, id: U }, { name: "api" });
    const twin = resource(SECRET, { name: "orders/db" }, { name: "twin" });
    const other = resource("aws:ssm/parameter:Parameter", { name: "orders/db" }, { name: "param" });
    const index = indexReferences([db, api, other, twin], (r) => r.type === SECRET, ["id", "arn", "name"]);

    it("keeps the targets in stack order and leaves other types out", () => {
        expect(index.targets).toEqual([db, api, twin]);
    });

    it("finds a known reference by any key, every target sharing it, and nothing for a key of no target", () => {
        expect(index.lookup(ARN, undefined)).toEqual([db]);
        expect(index.lookup("orders/db", undefined)).toEqual([db, twin]);
        expect(index.lookup("orders/other", [db.urn])).toEqual([]);
        expect(index.withKey("orders/db")).toBe(index.withKey("orders/db"));
        expect(index.withKey("orders/other")).toBeUndefined();
    });

    it("an unknown key is never a key; an unknown reference is found through its dependencies, once each", () => {
        expect(index.withKey(U)).toBeUndefined();
        expect(index.lookup(U, [api.urn, other.urn, api.urn])).toEqual([api]);
        expect(index.lookup(U, undefined)).toEqual([]);
        expect(index.lookup(undefined, [db.urn])).toEqual([db]);
    });

    it("at preview, an unknown reference that names no target was built from its dependencies, and may name the targets of unknown keys built from them", () => {
        const SUFFIX = "urn:pulumi:dev::project::random:index/randomId:RandomId::suffix";
        const OTHER = "urn:pulumi:dev::project::random:index/randomId:RandomId::other";
        const fresh = resource(SECRET, { name: U, arn: U, id: U }, { name: "fresh", propertyDependencies: { name: [SUFFIX] } });
        const elsewhere = resource(SECRET, { name: U, arn: U, id: U }, { name: "elsewhere", propertyDependencies: { name: [OTHER] } });
        // A known key names what it names, whatever it was built from.
        const known = resource(SECRET, { name: "orders/known", arn: U, id: U }, { name: "known", propertyDependencies: { name: [SUFFIX] } });
        const built = indexReferences([db, fresh, elsewhere, known], (r) => r.type === SECRET, ["id", "arn", "name"]);
        expect(built.unresolvedSources(U, [SUFFIX])).toEqual([SUFFIX]);
        expect(built.builtFrom(built.unresolvedSources(U, [SUFFIX]))).toEqual([fresh]);
        expect(built.builtFrom([SUFFIX, OTHER])).toEqual([fresh, elsewhere]);
        // Known, or found through a dependency: resolved.
        expect(built.unresolvedSources("orders/other", [SUFFIX])).toEqual([]);
        expect(built.unresolvedSources(U, [fresh.urn, SUFFIX])).toEqual([]);
        expect(built.unresolvedSources(U, undefined)).toEqual([]);
    });

    it("reads a nested key by its dotted path; an unknown or absent block on the way gives no key", () => {
        const MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint";
        const named = resource(MRAP, { details: { name: "orders", regions: [{ bucket: "orders-eu" }] } }, { name: "named" });
        const fresh = resource(MRAP, { details: UNKNOWN_SENTINELS.object }, { name: "fresh" });
        const bare = resource(MRAP, { details: "orders" }, { name: "bare" });
        const nested = indexReferences([named, fresh, bare], (r) => r.type === MRAP, ["details.name"]);
        expect(nested.lookup("orders", undefined)).toEqual([named]);
        expect(nested.withKey(UNKNOWN_SENTINELS.object)).toBeUndefined();
        expect(nested.lookup(U, [fresh.urn])).toEqual([fresh]);
    });
});
