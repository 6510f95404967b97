// A resource as the engine holds it when it asks analyzers about it. Property values are
// in the engine's wire form (policies/lib/wire.ts): secrets as signature objects, unknowns
// as sentinel strings.

export interface EngineResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** What Analyze and Remediate see. */
    inputs: Record<string, unknown>;
    /** What AnalyzeStack sees; defaults to inputs. */
    outputs?: Record<string, unknown>;
    parent?: string;
    protect: boolean;
    /** Provider reference, `<provider urn>::<provider id>`. */
    provider?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    ignoreChanges?: string[];
    additionalSecretOutputs?: string[];
    aliases?: string[];
    deleteBeforeReplace?: boolean;
}

/** A stack to analyze, with what its source said about the stack itself. */
export interface StackInput {
    stack?: string;
    project?: string;
    /** Secrets-provider URL when the source records it (a stack export does). */
    secretsProvider?: string;
    resources: EngineResource[];
}

/**
 * A stack's resources read as they are analyzed (a stack export too large to hold as
 * objects), with what must be known before the first one: about how many, and the providers.
 */
export interface ResourceStream {
    /** The elements of the list: the resources, and any the engine would not analyze (pending deletions, resources the stack reads). */
    count: number;
    /** Provider resources by URN. */
    providers: Map<string, EngineResource>;
    /** The resources in stack order; each call reads them again. */
    resources(): Iterable<EngineResource>;
}

export function isProviderType(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

/** `urn:pulumi:<stack>::<project>::<parent types$...$type>::<name>` */
export function makeUrn(stack: string, project: string, type: string, name: string, parentType?: string): string {
    const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** The qualified type part of a URN (parent chain included), used to build children's URNs. */
export function urnQualifiedType(urn: string): string {
    const parts = urn.split("::");
    return parts.length >= 4 ? parts[2] : "";
}

/** The resource's own type: the last of its URN's qualified type chain. */
export function urnType(urn: string): string {
    return urnQualifiedType(urn).split("$").pop() ?? "";
}

export function urnName(urn: string): string {
    const parts = urn.split("::");
    return parts.slice(3).join("::");
}

export function urnStackProject(urn: string): { stack: string; project: string } | undefined {
    const m = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn);
    return m ? { stack: m[1], project: m[2] } : undefined;
}
