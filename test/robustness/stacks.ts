// Generated stacks for stack rules: resources of the rule's types (and others), joined the
// ways real stacks join them: parents (also broken and cyclic chains), dependencies, and a
// configuring resource's `bucket` naming a bucket by name or, unknown, by propertyDependencies.
import fc from "fast-check";
import type { PlainResource } from "../../policies/lib/rule";
import * as t from "../../policies/lib/tokens";
import { UNKNOWN_SENTINELS } from "../../policies/lib/wire";
import { resource } from "../helpers/resources";
import { MutationOptions, propsFor } from "./arbitraries";

export const OTHER_TYPES: readonly string[] = [
    t.STACK, "pulumi:providers:aws", "shop:storage:DataStore", "aws:ec2/securityGroup:SecurityGroup", t.RDS_INSTANCE, t.S3_BUCKET_V2, t.KMS_KEY, t.IAM_ROLE,
];

interface Entry {
    type: string;
    props: Record<string, unknown>;
    protect: boolean;
    parent: number | null | "missing";
    /** Index of the resource whose name (or, unknown, dependency) `bucket` takes. */
    join: number | null;
    joinUnknown: boolean;
}

function entry(types: readonly string[], o: MutationOptions): fc.Arbitrary<Entry> {
    return fc
        .oneof({ weight: 3, arbitrary: fc.constantFrom(...types) }, fc.constantFrom(...OTHER_TYPES))
        .chain((type) => fc.record({
            type: fc.constant(type),
            props: propsFor([type], o),
            protect: fc.boolean(),
            parent: fc.oneof(fc.constant(null), fc.nat(), fc.constant("missing" as const)),
            join: fc.option(fc.nat(), { nil: null }),
            joinUnknown: fc.boolean(),
        }));
}

export function stackOf(types: readonly string[], o: MutationOptions, maxLength = 12): fc.Arbitrary<PlainResource[]> {
    return fc.array(entry(types, o), { maxLength }).map((entries) => {
        const resources = entries.map((e, i) => resource(e.type, e.props, { name: `r${i}`, protect: e.protect }));
        entries.forEach((e, i) => {
            const r = resources[i];
            if (e.parent === "missing") r.parent = "urn:pulumi:dev::project::shop:storage:DataStore::gone";
            else if (e.parent !== null) r.parent = resources[e.parent % resources.length].urn; // self and cycles included
            if (e.join !== null) {
                const target = resources[e.join % resources.length];
                const name = target.props.bucket;
                if (e.joinUnknown || typeof name !== "string") {
                    r.props = { ...r.props, bucket: UNKNOWN_SENTINELS.string };
                    r.propertyDependencies = { bucket: [target.urn] };
                } else {
                    r.props = { ...r.props, bucket: name };
                }
                r.dependencies = [target.urn];
            }
        });
        return resources;
    });
}
