// policies/lib/s3-buckets.ts joins bucket-configuring resources to their buckets in linear
// time, also when thousands of buckets share one name (a product of buckets and
// configurations took minutes on 10,000 resources).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlainResource } from "../policies/lib/rule";
import { computedAtPreview, indexBuckets, mayName, ownershipRulesOf, unresolvedConfigurationsOf, unresolvedTargets } from "../policies/lib/s3-buckets";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { DEFAULT_ALLOWED_ALGORITHMS, findUnencryptedBuckets } from "../policies/s3-bucket-encryption";
import { readCounter } from "./helpers/reads";
import { resource } from "./helpers/resources";
import { fcParams } from "./robustness/arbitraries";

const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const U = UNKNOWN_SENTINELS.string;

const bucket = (name: string, physical: unknown, id: unknown = physical) => resource(BUCKET, { bucket: physical, id }, { name, project: "shop" });
const sse = (name: string, ref: unknown, deps: string[] = [], algorithm = "aws:kms") =>
    resource(SSE, { bucket: ref, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm } }] }, { name, project: "shop", dependencies: deps, propertyDependencies: { bucket: deps } });

/** The definition: each configuring resource, in order, added to each bucket it targets. */
function pairwise(buckets: readonly PlainResource[], configuring: readonly PlainResource[]): Map<PlainResource, PlainResource[]> {
    const index = indexBuckets(buckets);
    const out = new Map<PlainResource, PlainResource[]>();
    for (const c of configuring) for (const b of index.targetsOf(c)) out.set(b, [...(out.get(b) ?? []), c]);
    return out;
}

describe("configurationsOf", () => {
    it("is each bucket's targeting configurations in stack order, as one pass per configuration would list them", () => {
        const names = fc.constantFrom("a", "b", "c", U, 7, undefined);
        const stack = fc.tuple(
            fc.array(fc.tuple(names, names), { minLength: 1, maxLength: 8 }),
            fc.array(fc.tuple(names, fc.array(fc.nat(9), { maxLength: 3 })), { maxLength: 10 }),
        ).map(([bs, cs]) => {
            const buckets = bs.map(([physical, id], i) => bucket(`b${i}`, physical, id));
            const configuring = cs.map(([ref, deps], i) => sse(`s${i}`, ref, deps.filter((d) => d < buckets.length).map((d) => buckets[d].urn)));
            return { buckets, configuring };
        });
        fc.assert(fc.property(stack, ({ buckets, configuring }) => {
            const got = indexBuckets(buckets).configurationsOf(configuring);
            const want = pairwise(buckets, configuring);
            expect(new Map([...got].map(([b, cs]) => [b.name, cs.map((c) => c.name)]))).toEqual(new Map([...want].map(([b, cs]) => [b.name, cs.map((c) => c.name)])));
        }), fcParams(300));
    });

    it("gives buckets that share a name one shared list", () => {
        const buckets = [bucket("b1", "shared"), bucket("b2", "shared"), bucket("b3", "own")];
        const got = indexBuckets(buckets).configurationsOf([sse("s1", "shared"), sse("s2", "shared"), sse("s3", "own")]);
        expect(got.get(buckets[0])).toBe(got.get(buckets[1]));
        expect(got.get(buckets[0])!.map((c) => c.name)).toEqual(["s1", "s2"]);
        expect(got.get(buckets[2])!.map((c) => c.name)).toEqual(["s3"]);
    });
});

describe("s3-bucket-encryption on buckets sharing a name", () => {
    it("reads each resource a bounded number of times, with 3,000 buckets and configurations on one name", () => {
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const resources: PlainResource[] = [];
        for (let i = 0; i < n; i++) resources.push(wrap(bucket(`b${i}`, "acme-shared")), wrap(sse(`s${i}`, "acme-shared")));
        expect(findUnencryptedBuckets(resources, { allowedAlgorithms: DEFAULT_ALLOWED_ALGORITHMS, requireCustomerManagedKey: false })).toEqual([]);
        expect(reads() / (2 * n)).toBeLessThan(50);
    });
});

describe("computedAtPreview", () => {
    const at = (type: string, property: string, deps: string[] = []) =>
        resource(type, { [property]: U }, { name: "b", project: "shop", propertyDependencies: { [property]: deps } });

    it("reads a classic bucket's unknown computed input as not set at preview, unless built from another output", () => {
        for (const type of [BUCKET, "aws:s3/bucketV2:BucketV2"]) {
            for (const property of ["policy", "acl", "grants", "objectLockEnabled", "objectLockConfiguration"]) {
                expect(computedAtPreview(at(type, property), property, true)).toBe(true);
                expect(computedAtPreview(at(type, property, ["urn:pulumi:dev::shop::aws:iam/role:Role::r"]), property, true)).toBe(false);
                expect(computedAtPreview(at(type, property), property, false)).toBe(false);
            }
        }
        expect(computedAtPreview(at(BUCKET, "versioning"), "versioning", true)).toBe(true);
        expect(computedAtPreview(at("aws:s3/bucketV2:BucketV2", "versionings"), "versionings", true)).toBe(true);
    });

    // A type's own inputs only: a directory bucket computes none of these, aws-native leaves unset inputs out
    // of its preview, and an input the provider does not compute (tags, bucketPrefix) is unknown only when built.
    it("never reads an unknown of a type or input the provider does not compute as not set", () => {
        expect(computedAtPreview(at("aws:s3/directoryBucket:DirectoryBucket", "policy"), "policy", true)).toBe(false);
        expect(computedAtPreview(at("aws-native:s3:Bucket", "bucketEncryption"), "bucketEncryption", true)).toBe(false);
        expect(computedAtPreview(at(BUCKET, "tags"), "tags", true)).toBe(false);
        expect(computedAtPreview(at(BUCKET, "versionings"), "versionings", true)).toBe(false);
    });
});

describe("ownershipRulesOf", () => {
    const OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    const NATIVE = "aws-native:s3:Bucket";
    const controls = (name: string, ref: unknown, objectOwnership: unknown) => resource(OWNERSHIP, { bucket: ref, rule: { objectOwnership } }, { name, project: "shop" });
    const native = (name: string, ownershipControls?: unknown) =>
        resource(NATIVE, { bucketName: name, ...(ownershipControls === undefined ? {} : { ownershipControls }) }, { name, project: "shop" });

    it("joins a BucketOwnershipControls' rule and an aws-native bucket's inline rules: one list per bucket, none without either", () => {
        const a = bucket("a", "shared");
        const b = bucket("b", "shared");
        const plain = bucket("plain", "plain-1");
        const writer = native("writer", { rules: [{ objectOwnership: "ObjectWriter" }] });
        const both = native("both", { rules: [{ objectOwnership: "ObjectWriter" }] });
        const unknownRules = native("unknown-rules", { rules: UNKNOWN_SENTINELS.array });
        const unknownBlock = native("unknown-block", UNKNOWN_SENTINELS.object);
        const bare = native("bare");
        const empty = native("empty", {});
        const resources = [a, b, plain, writer, both, unknownRules, unknownBlock, bare, empty,
            controls("c1", "shared", "BucketOwnerPreferred"), controls("c2", "both", "BucketOwnerEnforced")];
        const rules = ownershipRulesOf(resources, indexBuckets(resources));
        expect(rules.get(a)).toEqual([{ objectOwnership: "BucketOwnerPreferred" }]);
        expect(rules.get(a)).toBe(rules.get(b));
        expect(rules.get(writer)).toEqual([{ objectOwnership: "ObjectWriter" }]);
        expect(rules.get(both)).toEqual([{ objectOwnership: "BucketOwnerEnforced" }, { objectOwnership: "ObjectWriter" }]);
        expect(rules.get(unknownRules)).toEqual([UNKNOWN_SENTINELS.array]);
        expect(rules.get(unknownBlock)).toEqual([UNKNOWN_SENTINELS.object]);
        for (const none of [plain, bare, empty]) expect(rules.has(none)).toBe(false);
    });
});

describe("joins at the first preview, when a name built from a random suffix is passed to a bucket and its configurations alike", () => {
    const SUFFIX = "urn:pulumi:dev::shop::random:index/randomId:RandomId::suffix";
    const OTHER = "urn:pulumi:dev::shop::random:index/randomId:RandomId::other";
    const built = (name: string, source: string) => resource(BUCKET, { bucket: U, id: U }, { name, project: "shop", propertyDependencies: { bucket: [source] } });

    it("gives each bucket built from a source the configurations of unknown bucket built from it, one list shared by the buckets of one source", () => {
        const logs = built("logs", SUFFIX);
        const data = built("data", SUFFIX);
        const scratch = built("scratch", OTHER);
        const named = bucket("named", "named-1");
        const configuring = [sse("s1", U, [SUFFIX]), sse("s2", U, [OTHER]), sse("s3", "named-1"), sse("s4", U, [SUFFIX])];
        const index = indexBuckets([logs, data, scratch, named]);
        const pending = unresolvedConfigurationsOf(configuring, index);
        expect(pending.get(logs)!.map((c) => c.name)).toEqual(["s1", "s4"]);
        expect(pending.get(logs)).toBe(pending.get(data));
        expect(pending.get(scratch)!.map((c) => c.name)).toEqual(["s2"]);
        expect(pending.has(named)).toBe(false);
        expect([...unresolvedTargets(configuring, index)]).toEqual([...pending.keys()]);
    });

    it("mayName: the buckets a reference names, else those an unknown one built from the same source may name", () => {
        const logs = built("logs", SUFFIX);
        const scratch = built("scratch", OTHER);
        const named = bucket("named", "named-1");
        const index = indexBuckets([logs, scratch, named]);
        expect(mayName(index, "named-1", [SUFFIX])).toEqual([named]);
        expect(mayName(index, U, [SUFFIX])).toEqual([logs]);
        expect(mayName(index, U, [scratch.urn, SUFFIX])).toEqual([scratch]);
        expect(mayName(index, "outside-1", [SUFFIX])).toEqual([]);
    });

    it("stays linear with 3,000 buckets and configurations built from one suffix", () => {
        const { wrap, reads } = readCounter();
        const n = 3_000;
        const buckets: PlainResource[] = [];
        const configuring: PlainResource[] = [];
        for (let i = 0; i < n; i++) buckets.push(wrap(built(`b${i}`, SUFFIX))), configuring.push(wrap(sse(`s${i}`, U, [SUFFIX])));
        const pending = unresolvedConfigurationsOf(configuring, indexBuckets(buckets));
        expect(pending.get(buckets[0])).toBe(pending.get(buckets[n - 1]));
        expect(reads() / (2 * n)).toBeLessThan(50);
    });
});
