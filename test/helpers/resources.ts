// The one way tests build a resource as rules see it (policies/lib/rule.ts PlainResource).
import type { PlainResource } from "../../policies/lib/rule";
import { UNKNOWN_SENTINELS } from "../../policies/lib/wire";

export interface ResourceOptions extends Partial<Omit<PlainResource, "type" | "props">> {
    stack?: string;
    project?: string;
}

/** A resource of `type` named `name` (default "r") in stack dev of project "project". */
export function resource(type: string, props: Record<string, unknown> = {}, options: ResourceOptions = {}): PlainResource {
    const { stack = "dev", project = "project", name = "r", ...rest } = options;
    return {
        type, name, urn: `urn:pulumi:${stack}::${project}::${type}::${name}`, props,
        protect: false, dependencies: [], propertyDependencies: {}, ...rest,
    };
}

/**
 * A pure-rule value with UNKNOWN_SENTINELS strings (what rules see at preview) in the wire form
 * engine inputs take (`{ $unknown: "string" }`), so one table of rows drives both paths.
 */
export function sentinelsToWire(value: unknown): unknown {
    if (typeof value === "string") {
        const kind = Object.entries(UNKNOWN_SENTINELS).find(([, sentinel]) => sentinel === value)?.[0];
        return kind ? { $unknown: kind } : value;
    }
    if (Array.isArray(value)) return value.map(sentinelsToWire);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sentinelsToWire(v)]));
    return value;
}
