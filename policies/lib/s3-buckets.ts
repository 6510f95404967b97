// S3 configures a bucket largely through separate resources (encryption, versioning, public
// access block, logging, ...), each naming its bucket in a `bucket` property. A stack policy
// joins them to their buckets here, one way for every policy, on the shared reference index
// (./references.ts).
import type { Decided } from "./decided";
import { indexReferences, ReferenceIndex } from "./references";
import type { PlainResource } from "./rule";
import * as t from "./tokens";
import { isRecord, isUnknown } from "./values";

/** The classic provider's buckets. */
export const BUCKET_TYPES: ReadonlySet<string> = new Set([t.S3_BUCKET, t.S3_BUCKET_V2]);
/**
 * The bucket of @pulumi/aws-native (CloudFormation's AWS::S3::Bucket, as pulumi-cdk sends a CDK
 * bucket), which holds its encryption, logging, website and public access block inline and is
 * named by `bucketName`. Indexed with the classic buckets; a policy sees it only if it reads it.
 */
export const NATIVE_BUCKET = t.NATIVE_S3_BUCKET;
/**
 * S3 Express One Zone directory buckets, the classic provider's (named by `bucket`, configured by
 * the same separate resources) and aws-native's (CloudFormation's AWS::S3Express::DirectoryBucket,
 * `bucketName`, its encryption inline). Indexed only for a policy that asks for them.
 */
export const DIRECTORY_BUCKET_TYPES: ReadonlySet<string> = new Set([t.S3_DIRECTORY_BUCKET, t.NATIVE_S3EXPRESS_DIRECTORY_BUCKET]);

/** Bucket policies (the classic provider's and aws-native's) and the input that holds the document. */
export const BUCKET_POLICY_DOCUMENT: Readonly<Record<string, string>> = { [t.S3_BUCKET_POLICY]: "policy", [t.NATIVE_S3_BUCKET_POLICY]: "policyDocument" };

export interface BucketIndex extends Pick<ReferenceIndex, "unresolvedSources" | "builtFrom"> {
    /** The stack's buckets, in stack order. */
    readonly buckets: readonly PlainResource[];
    /** The buckets a bucket-configuring resource's `bucket` property refers to (a list the index keeps: read it only). */
    targetsOf(configuring: PlainResource): readonly PlainResource[];
    /**
     * The buckets a reference names: by name when it is known, otherwise (unknown at preview)
     * the buckets among `dependencies`, the URNs the SDK recorded for the property it came from.
     */
    lookup(ref: unknown, dependencies: readonly string[] | undefined): readonly PlainResource[];
    /**
     * For each targeted bucket, the configuring resources that target it, in stack order.
     * Buckets that share a name share one list (the same array), so a caller can judge that
     * list once for all of them: thousands of buckets and configurations sharing one name
     * cost linear time, not a bucket-by-configuration product.
     */
    configurationsOf(configuring: readonly PlainResource[]): Map<PlainResource, readonly PlainResource[]>;
}

// The names a configuration's `bucket` may carry (see indexBuckets).
const BUCKET_KEYS = ["bucket", "id", "bucketName"];

/**
 * Indexes the stack's buckets by URN and by the names the `bucket` property of a configuring
 * resource can carry: the bucket's physical name (`bucket`; aws-native's `bucketName`) and its
 * `id` (the same name for both classic bucket types in provider v7, but state written by older
 * versions may differ). `also`: more bucket types to index (DIRECTORY_BUCKET_TYPES).
 */
export function indexBuckets(resources: readonly PlainResource[], also: ReadonlySet<string> = new Set()): BucketIndex {
    const index = indexReferences(resources, (r) => BUCKET_TYPES.has(r.type) || r.type === NATIVE_BUCKET || also.has(r.type), BUCKET_KEYS);
    const buckets = index.targets;
    return {
        buckets,
        targetsOf(configuring) {
            return index.lookup(configuring.props.bucket, configuring.propertyDependencies.bucket);
        },
        lookup: index.lookup,
        unresolvedSources: index.unresolvedSources,
        builtFrom: index.builtFrom,
        configurationsOf(configuring) {
            const position = new Map<PlainResource, number>();
            const byRef = new Map<string, PlainResource[]>();
            const byBucket = new Map<PlainResource, PlainResource[]>();
            configuring.forEach((c, i) => {
                position.set(c, i);
                const ref = c.props.bucket;
                if (typeof ref === "string" && !isUnknown(ref)) {
                    if (index.withKey(ref) === undefined) return;
                    const list = byRef.get(ref);
                    if (list) list.push(c);
                    else byRef.set(ref, [c]);
                    return;
                }
                for (const bucket of this.targetsOf(c)) {
                    const list = byBucket.get(bucket);
                    if (list) list.push(c);
                    else byBucket.set(bucket, [c]);
                }
            });
            const out = new Map<PlainResource, readonly PlainResource[]>();
            for (const bucket of buckets) {
                const lists: PlainResource[][] = [];
                const add = (list: PlainResource[] | undefined) => { if (list && !lists.includes(list)) lists.push(list); };
                for (const key of BUCKET_KEYS) {
                    const name = bucket.props[key];
                    if (typeof name === "string") add(byRef.get(name));
                }
                add(byBucket.get(bucket));
                if (lists.length === 1) out.set(bucket, lists[0]);
                // Rare (a bucket targeted by name and by id, or by name and by dependency): merged in stack order.
                else if (lists.length > 1) out.set(bucket, [...new Set(lists.flat())].sort((a, b) => position.get(a)! - position.get(b)!));
            }
            return out;
        },
    };
}

/**
 * The buckets that configuring resources may target at preview though `targetsOf` finds none:
 * their `bucket` is unknown and depends on no bucket, as when the program built one name from
 * another output (a random suffix) and passed it to the bucket and to them alike. Those are the
 * buckets whose own name is unknown too and depends on one of the same resources; which of them
 * each one names is known at apply.
 */
export function unresolvedTargets(configuring: readonly PlainResource[], index: BucketIndex): ReadonlySet<PlainResource> {
    return new Set(unresolvedConfigurationsOf(configuring, index).keys());
}

/**
 * What a configuring resource's `bucket` was built from at preview when it is unknown and joins no
 * bucket of the stack (a name made from another output, a random suffix): the resources it depends
 * on. None otherwise. Two such resources that share a source may name the same bucket.
 */
export function unresolvedSources(configuring: PlainResource, index: BucketIndex): readonly string[] {
    return index.unresolvedSources(configuring.props.bucket, configuring.propertyDependencies.bucket);
}

/**
 * The buckets a reference names (BucketIndex.lookup) or, at preview, while it is unknown and names
 * none, the buckets whose own name was built from the same sources: it may name one of them
 * (unresolvedSources). For a destination judged as "may be one" until the name is known.
 */
export function mayName(index: BucketIndex, ref: unknown, dependencies: readonly string[] | undefined): readonly PlainResource[] {
    const found = index.lookup(ref, dependencies);
    return found.length > 0 ? found : index.builtFrom(index.unresolvedSources(ref, dependencies));
}

/**
 * For each bucket of unknown name, the configuring resources that may target it at preview
 * (unresolvedTargets), in stack order. Buckets built from the same sources share one list
 * (judgeListsOnce), so many of them built from one suffix cost linear time.
 */
export function unresolvedConfigurationsOf(configuring: readonly PlainResource[], index: BucketIndex): Map<PlainResource, readonly PlainResource[]> {
    const bySource = new Map<string, PlainResource[]>();
    configuring.forEach((c) => {
        for (const urn of unresolvedSources(c, index)) {
            const list = bySource.get(urn);
            if (!list) bySource.set(urn, [c]);
            else if (list[list.length - 1] !== c) list.push(c);
        }
    });
    const out = new Map<PlainResource, readonly PlainResource[]>();
    if (bySource.size === 0) return out;
    const position = new Map(configuring.map((c, i) => [c, i]));
    const shared = new Map<string, readonly PlainResource[]>();
    for (const bucket of index.builtFrom(bySource.keys())) {
        const sources = [...new Set(BUCKET_KEYS.flatMap((key) => bucket.propertyDependencies[key] ?? []))].filter((urn) => bySource.has(urn)).sort();
        const key = sources.join(" ");
        let list = shared.get(key);
        if (!list) shared.set(key, (list = [...new Set(sources.flatMap((urn) => bySource.get(urn)!))].sort((a, b) => position.get(a)! - position.get(b)!)));
        out.set(bucket, list);
    }
    return out;
}

/**
 * The classic bucket inputs the provider computes (Optional and Computed in pulumi-aws 7's schema:
 * the deprecated inline blocks, `policy`, `acl`, `grants` and Object Lock): a new bucket that does
 * not set one reports it unknown at preview. The one list every bucket-reading policy (and the
 * robustness suite) uses. aws-native leaves an unset input out of its preview outputs (only
 * read-only ones are unknown: pulumi-aws-native's previewResourceOutputs), and a directory bucket
 * has none of these, so there an unknown is always built from another output.
 */
export const PREVIEW_COMPUTED: Readonly<Record<string, ReadonlySet<string>>> = {
    [t.S3_BUCKET]: new Set(["serverSideEncryptionConfiguration", "website", "logging", "versioning", "policy", "acl", "grants", "objectLockEnabled", "objectLockConfiguration"]),
    [t.S3_BUCKET_V2]: new Set(["serverSideEncryptionConfigurations", "websites", "loggings", "versionings", "policy", "acl", "grants", "objectLockEnabled", "objectLockConfiguration"]),
};

/**
 * Whether an unknown input of a bucket is the provider's computed value, i.e. not set: at preview
 * a new bucket that does not set a computed input (PREVIEW_COMPUTED) reports it unknown. Only a
 * program that builds it from another resource's output (so that propertyDependencies records the
 * source) has a declaration we cannot see yet. Outside preview an unknown is a secret `check`
 * could not decrypt, never a computed default.
 */
export function computedAtPreview(bucket: PlainResource, property: string, dryRun: boolean): boolean {
    return dryRun && PREVIEW_COMPUTED[bucket.type]?.has(property) === true && (bucket.propertyDependencies[property] ?? []).length === 0;
}

/**
 * Judges each list once: buckets that share a name share their configurations' list, and
 * references naming one name share their targets (see BucketIndex), so thousands of them
 * sharing a name cost linear time, not a product.
 */
export function judgeListsOnce<T = PlainResource>(): (list: readonly T[], judge: (list: readonly T[]) => Decided) => Decided {
    const judged = new Map<readonly T[], Decided>();
    return (list, judge) => {
        // An unknown verdict is undefined too: `has`, not `get`, tells a judged list.
        if (!judged.has(list)) judged.set(list, judge(list));
        return judged.get(list);
    };
}

/**
 * Each bucket's public access block settings: the props of the BucketPublicAccessBlocks that
 * target it, and an aws-native bucket's inline `publicAccessBlockConfiguration` (an object, or
 * unknown at preview). A bucket without any is not in the map: S3 gives a bucket created since
 * April 2023 a block with every setting on. Buckets that share their BucketPublicAccessBlocks
 * share one list (judgeListsOnce). Read a setting with `fieldOf(block, setting, ...)`.
 */
export function publicAccessBlocksOf(resources: readonly PlainResource[], index: BucketIndex): Map<PlainResource, readonly unknown[]> {
    return settingsPerBucket(resources, index, t.S3_BUCKET_PUBLIC_ACCESS_BLOCK, (block) => block.props, (bucket) => {
        const inline = bucket.props.publicAccessBlockConfiguration;
        return inline === undefined || inline === null ? [] : [inline];
    });
}

/**
 * Each bucket's Object Ownership rules: the `rule` of the BucketOwnershipControls that target it,
 * and an aws-native bucket's inline `ownershipControls.rules` (the same S3 setting, CloudFormation's
 * AWS::S3::Bucket OwnershipControls; a rule, the rules or the whole block may be unknown at
 * preview). A bucket without any is not in the map: S3 gives a bucket created since April 2023
 * BucketOwnerEnforced (ACLs off). Buckets that share their BucketOwnershipControls share one list
 * (judgeListsOnce). Read a rule with `fieldOf(rule, "objectOwnership", ...)`.
 */
export function ownershipRulesOf(resources: readonly PlainResource[], index: BucketIndex): Map<PlainResource, readonly unknown[]> {
    return settingsPerBucket(resources, index, t.S3_BUCKET_OWNERSHIP_CONTROLS, (controls) => controls.props.rule, (bucket) => {
        const inline = bucket.props.ownershipControls;
        const listed = isUnknown(inline) ? inline : isRecord(inline) ? inline.rules : undefined;
        return isUnknown(listed) ? [listed] : Array.isArray(listed) ? listed : [];
    });
}

/**
 * One bucket-level S3 setting per bucket, from both providers: `separate(r)` of each resource of
 * `type` that targets the bucket (one list shared by the buckets that share those resources, for
 * judgeListsOnce), then `inline(bucket)` of an aws-native bucket. A bucket with neither is not in
 * the map.
 */
function settingsPerBucket(
    resources: readonly PlainResource[], index: BucketIndex, type: string,
    separate: (r: PlainResource) => unknown, inline: (bucket: PlainResource) => readonly unknown[],
): Map<PlainResource, readonly unknown[]> {
    const targeting = index.configurationsOf(resources.filter((r) => r.type === type));
    const shared = new Map<readonly PlainResource[], readonly unknown[]>();
    const out = new Map<PlainResource, readonly unknown[]>();
    for (const [bucket, those] of targeting) {
        let list = shared.get(those);
        if (!list) shared.set(those, (list = those.map(separate)));
        out.set(bucket, list);
    }
    for (const bucket of index.buckets) {
        if (bucket.type !== NATIVE_BUCKET) continue;
        const own = inline(bucket);
        if (own.length > 0) out.set(bucket, [...(out.get(bucket) ?? []), ...own]);
    }
    return out;
}
