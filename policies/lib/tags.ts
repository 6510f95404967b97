// A resource's tags as AWS holds them, for conditions on aws:ResourceTag. Providers send them in two
// shapes: the classic provider's `tags` map (and, in outputs, `tagsAll`: `tags` merged with the
// provider's defaultTags), aws-native's `tags` list of {key, value}.
import type { Decided } from "./decided";
import type { ReferenceIndex } from "./references";
import { isRecord, isUnknown } from "./values";
import { UNKNOWN_SENTINELS } from "./wire";

/**
 * A tag's value on the resource: the value, undefined when the resource does not carry the key, or
 * the unknown sentinel while it may (at preview). Keys are compared ignoring case, as IAM reads the
 * tag key of a condition key (`aws:ResourceTag/Owner` and `aws:ResourceTag/owner` are one key).
 */
export type ResourceTags = (key: string) => unknown;

/** The tags of a resource's properties (its inputs in the resource part, its outputs in the stack part). */
export function tagsOf(props: Record<string, unknown>): ResourceTags {
    return (key) => {
        const own = tagValue(props.tags, key);
        const all = props.tagsAll;
        // `tags` win over the provider's defaults; a default missing from `tags` is only in tagsAll,
        // unknown at preview where the provider computes it.
        if (own !== undefined || all === undefined) return own;
        return tagValue(all, key);
    };
}

/**
 * The tags the program declared (`tags` alone): what the resource part judges with, whatever the engine sends. The
 * provider's defaultTags reach AWS through `tagsAll`, which the stack part reads in the outputs (tagsOf).
 */
export function declaredTagsOf(props: Record<string, unknown>): ResourceTags {
    return (key) => tagValue(props.tags, key);
}

function tagValue(tags: unknown, key: string): unknown {
    if (isUnknown(tags)) return tags;
    const wanted = key.toLowerCase();
    if (Array.isArray(tags)) {
        // aws-native: [{key, value}]; an element unknown at preview may be the tag.
        let value: unknown;
        for (const tag of tags) {
            if (isUnknown(tag)) value ??= tag;
            else if (isRecord(tag) && isUnknown(tag.key)) value ??= tag.key;
            else if (isRecord(tag) && typeof tag.key === "string" && tag.key.toLowerCase() === wanted) return tag.value;
        }
        return value;
    }
    if (!isRecord(tags)) return undefined;
    const found = Object.keys(tags).find((k) => k.toLowerCase() === wanted);
    return found === undefined ? undefined : tags[found];
}

/**
 * The tags of whichever of these resources a reference names (a separate policy's target): a tag's value when
 * every one agrees, unknown while they differ (at preview, which one is named is known at apply), absent when
 * none carries it. `mayNameNone`: the reference may name none of them (then an absent tag is one possibility).
 */
export function tagsOfAny(resources: readonly { props: Record<string, unknown> }[], mayNameNone = false): ResourceTags {
    return (key) => {
        const values = resources.map((r) => tagsOf(r.props)(key));
        if (mayNameNone) values.push(undefined);
        if (values.length === 0) return undefined;
        return values.every((v) => v === values[0]) ? values[0] : UNKNOWN_SENTINELS.string;
    };
}

/**
 * Whether a name unknown at preview, built from a target's outputs, may name another resource than the target, one that carries
 * none of its tags (a DynamoDB table's stream ARN: streams do not inherit their table's tags).
 */
export type NamesOther = (target: { props: Record<string, unknown> }) => boolean;

/**
 * The tags of the resource a separate policy names by `ref` (its property's value and dependencies), joined when
 * first asked. At preview an unknown name built from a random suffix may name a resource whose own name comes from
 * it, or none of the stack; a resource outside the stack shows no tags (the Deny applies, as far as the stack shows).
 */
export function tagsOfNamed(
    index: () => Pick<ReferenceIndex, "lookup" | "unresolvedSources" | "builtFrom">, ref: unknown, dependencies: readonly string[] | undefined, namesOther?: NamesOther,
): ResourceTags {
    let tags: ResourceTags | undefined;
    const join = (): ResourceTags => {
        const found = index().lookup(ref, dependencies);
        return found.length > 0 ? tagsOfAny(found, unknownMayNameOther(ref, found, namesOther))
            : tagsOfAny(index().builtFrom(index().unresolvedSources(ref, dependencies)), true);
    };
    return (key) => (tags ??= join())(key);
}

const unknownMayNameOther = (ref: unknown, found: readonly { props: Record<string, unknown> }[], namesOther: NamesOther | undefined): boolean =>
    namesOther !== undefined && (typeof ref !== "string" || isUnknown(ref)) && found.some(namesOther);

/** Where a resource is named: a property's value and the dependencies recorded for it. */
export interface Naming { ref: unknown; dependencies: readonly string[] | undefined }

/**
 * Whether two namings name one resource: through the stack's targets they name (`index`), or, for a resource outside the
 * stack, by equal known names; while one is unknown at preview, a shared dependency (both built from one output, such as an
 * RDS cluster's managed secret) may, and so may a target an unknown name may name besides another (`namesOther`). Different
 * known names of a resource outside the stack (a name and an ARN) count as two.
 */
export function nameSame(index: Pick<ReferenceIndex, "lookup">, a: Naming, b: Naming, namesOther?: NamesOther): Decided {
    const inA = index.lookup(a.ref, a.dependencies);
    const inB = index.lookup(b.ref, b.dependencies);
    if (inA.length > 0 || inB.length > 0) {
        if (!inA.some((r) => inB.includes(r))) return false;
        const other = unknownMayNameOther(a.ref, inA, namesOther) || unknownMayNameOther(b.ref, inB, namesOther);
        return inA.length === 1 && inB.length === 1 && !other ? true : undefined;
    }
    const known = (ref: unknown) => typeof ref === "string" && !isUnknown(ref);
    if (known(a.ref) && known(b.ref)) return a.ref === b.ref;
    return (a.dependencies ?? []).some((urn) => (b.dependencies ?? []).includes(urn)) ? undefined : false;
}

/**
 * A resource's tags with those separate tagging resources put on it (provider v7's `aws.secretsmanager.Tag` and
 * `aws.dynamodb.Tag`: one `key` and `value`; `names` says whether one tags this resource). Such a tag wins over the resource's own: it is applied after the
 * resource, whose `tags` the provider's docs tell to ignore. One that may tag it, or whose key is unknown, leaves the value
 * unknown.
 */
export function withSeparateTags(tags: ResourceTags, separate: readonly { props: Record<string, unknown> }[], names: (tag: { props: Record<string, unknown> }) => Decided): ResourceTags {
    return (key) => {
        const wanted = key.toLowerCase();
        let pending = false;
        for (const tag of separate) {
            const tagKey = tag.props.key;
            const keyKnown = typeof tagKey === "string" && !isUnknown(tagKey);
            if (keyKnown && tagKey.toLowerCase() !== wanted) continue;
            const named = names(tag);
            if (named === false) continue;
            if (named === true && keyKnown) return tag.props.value;
            pending = true;
        }
        return pending ? UNKNOWN_SENTINELS.string : tags(key);
    };
}
