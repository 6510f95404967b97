// Resources name other resources of the stack in a property (a bucket configuration's
// `bucket`, a SecretVersion's `secretId`): by a name, an id or an ARN once known, and at
// preview, while those are unknown, through propertyDependencies (the URNs the SDK recorded
// for the property). One index for every such join, in linear time: stacks with 10,000
// resources must not pay for a nested loop.
import type { PlainResource } from "./rule";
import { isUnknown, valueAt } from "./values";

export interface ReferenceIndex {
    /** The indexed resources, in stack order. */
    readonly targets: readonly PlainResource[];
    /**
     * The targets a reference names: by a known key, even when the program built it from
     * another resource's output (a dependency alone could point at the wrong one); while it is
     * unknown, the targets among `dependencies`. A list the index keeps: read it only.
     */
    lookup(ref: unknown, dependencies: readonly string[] | undefined): readonly PlainResource[];
    /** The targets with `key` as one of their keys (the same array for every caller), if any. */
    withKey(key: string): readonly PlainResource[] | undefined;
    /**
     * What an unknown reference that names no target was built from at preview: its
     * dependencies (a name made from another output, a random suffix, passed to the target and
     * to the reference alike). None otherwise. Two references that share a source may name the
     * same target.
     */
    unresolvedSources(ref: unknown, dependencies: readonly string[] | undefined): readonly string[];
    /**
     * The targets such a reference may name: those whose keys are all unknown and were built
     * from one of its sources. Which of them it names is known at apply.
     */
    builtFrom(sources: Iterable<string>): readonly PlainResource[];
}

const NONE: readonly PlainResource[] = Object.freeze([]);

/** Indexes the resources `isTarget` picks by URN and by the string values of their `keys` properties (dotted for nested ones: "details.name"). */
export function indexReferences(resources: readonly PlainResource[], isTarget: (r: PlainResource) => boolean, keys: readonly string[]): ReferenceIndex {
    const targets: PlainResource[] = [];
    const byUrn = new Map<string, PlainResource>();
    const byKey = new Map<string, PlainResource[]>();
    for (const r of resources) {
        if (!isTarget(r)) continue;
        targets.push(r);
        byUrn.set(r.urn, r);
        for (const k of keys) {
            const key = k.includes(".") ? valueAt(r.props, k) : r.props[k];
            if (!isKey(key)) continue;
            const list = byKey.get(key);
            // Keys are added resource by resource: a repeat can only be the last one added.
            if (!list) byKey.set(key, [r]);
            else if (list[list.length - 1] !== r) list.push(r);
        }
    }
    // Source URN -> the targets with no known key built from it (see builtFrom), made when first asked.
    let bySource: Map<string, PlainResource[]> | undefined;
    const unnamedBySource = () => {
        if (bySource) return bySource;
        bySource = new Map();
        for (const r of targets) {
            if (keys.some((k) => isKey(k.includes(".") ? valueAt(r.props, k) : r.props[k]))) continue;
            for (const k of keys) {
                for (const urn of r.propertyDependencies[k.split(".")[0]] ?? []) {
                    const list = bySource.get(urn);
                    if (!list) bySource.set(urn, [r]);
                    else if (list[list.length - 1] !== r) list.push(r);
                }
            }
        }
        return bySource;
    };
    const index: ReferenceIndex = {
        targets,
        lookup(ref, dependencies) {
            if (typeof ref === "string" && !isUnknown(ref)) return byKey.get(ref) ?? NONE;
            const found: PlainResource[] = [];
            for (const urn of dependencies ?? []) {
                const target = byUrn.get(urn);
                if (target && !found.includes(target)) found.push(target);
            }
            return found;
        },
        withKey: (key) => byKey.get(key),
        unresolvedSources: (ref, dependencies) => (isUnknown(ref) && index.lookup(ref, dependencies).length === 0 ? dependencies ?? [] : []),
        builtFrom(sources) {
            const found = new Set<PlainResource>();
            for (const urn of sources) for (const r of unnamedBySource().get(urn) ?? []) found.add(r);
            return [...found];
        },
    };
    return index;
}

/** A known, non-empty key: an unknown is the same sentinel string for every resource, never a key. */
function isKey(key: unknown): key is string {
    return typeof key === "string" && key !== "" && !isUnknown(key);
}
