// The one way tests build a resource as rules see it (policies/lib/rule.ts PlainResource).
import type { PlainResource } from "../../policies/lib/rule";

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
