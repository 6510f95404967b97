// Renders a policy example (fixture-format data) as the TypeScript program that registers it,
// for the docs pages: `new aws.rds.Instance("orders-db", {...}, { protect: true })`.
import { variableName } from "../policies/lib/describe";
import type { ExampleResource, PolicyExample } from "../policies/lib/rule";
import { SIG, signatureOf } from "../policies/lib/wire";

const INDENT = "    ";
const MAX_INLINE = 100;

/** `aws:rds/instance:Instance` → `aws.rds.Instance`, `aws-native:iam:Role` → `awsnative.iam.Role`; undefined for other packages. */
export function className(type: string): string | undefined {
    if (type === "pulumi:providers:aws") return "aws.Provider";
    const m = /^aws:([A-Za-z0-9]+)\/[A-Za-z0-9]+:([A-Za-z0-9]+)$/.exec(type);
    if (m) return `aws.${m[1]}.${m[2]}`;
    const native = /^aws-native:([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(type);
    return native ? `awsnative.${native[1]}.${native[2]}` : undefined;
}

interface Context {
    /** Resources referenced by others, by name: their variable. */
    referenced: Set<string>;
    usesPulumi: boolean;
}

export function renderExample(example: PolicyExample): string {
    const ctx: Context = { referenced: new Set(), usesPulumi: false };
    for (const r of example.resources) {
        if (r.parent) ctx.referenced.add(r.parent);
        if (r.provider) ctx.referenced.add(r.provider);
        for (const d of r.dependencies ?? []) ctx.referenced.add(d);
        for (const deps of Object.values(r.propertyDependencies ?? {})) for (const d of deps) ctx.referenced.add(d);
    }
    const statements = example.resources.map((r) => renderResource(r, ctx));
    const packages = new Set(example.resources.map((r) => className(r.type)?.split(".")[0]));
    const imports: string[] = [];
    if (packages.has("aws") || !packages.has("awsnative")) imports.push('import * as aws from "@pulumi/aws";');
    if (packages.has("awsnative")) imports.push('import * as awsnative from "@pulumi/aws-native";');
    if (ctx.usesPulumi) imports.push('import * as pulumi from "@pulumi/pulumi";');
    return `${imports.join("\n")}\n\n${statements.join("\n\n")}\n`;
}

function renderResource(r: ExampleResource, ctx: Context): string {
    const cls = r.custom === false ? undefined : className(r.type);
    const options: string[] = [];
    if (r.parent) options.push(`parent: ${variableName(r.parent)}`);
    if (r.provider) options.push(`provider: ${variableName(r.provider)}`);
    if (r.dependencies?.length) options.push(`dependsOn: [${r.dependencies.map(variableName).join(", ")}]`);
    if (r.protect !== undefined) options.push(`protect: ${r.protect}`);
    const opts = options.length ? `, { ${options.join(", ")} }` : "";
    // What shares the first line with the arguments: `const x = new aws.s3.Bucket("name", ` ... `, { protect: true });`
    const around = (ctx.referenced.has(r.name) ? `const ${variableName(r.name)} = ` : "").length +
        `new ${cls ?? "pulumi.ComponentResource"}(${JSON.stringify(r.name)}, `.length + opts.length + 2;
    const args = renderValue(r.props ?? {}, 0, ctx, undefined, r, around);
    let call: string;
    if (cls) call = `new ${cls}(${JSON.stringify(r.name)}, ${args}${opts});`;
    else {
        ctx.usesPulumi = true;
        call = `new pulumi.ComponentResource(${JSON.stringify(r.type)}, ${JSON.stringify(r.name)}, {}${opts});`;
    }
    return ctx.referenced.has(r.name) ? `const ${variableName(r.name)} = ${call}` : call;
}

/** A reference to another resource's output, for a property whose value came from it. */
function reference(resource: ExampleResource, key: string | undefined, value: unknown): string | undefined {
    if (key === undefined) return undefined;
    const from = resource.propertyDependencies?.[key];
    // A block built from another resource's output (`accessLogs: {bucket: logs.id, ...}`) is shown whole.
    const block = typeof value === "object" && value !== null && !("$unknown" in value) && !("$secret" in value);
    if (!from || from.length !== 1 || block) return undefined;
    const output = typeof value === "string" && value.startsWith("arn:") ? "arn"
        : ["role", "user", "group"].includes(key) ? "name"
        : "id";
    return `${variableName(from[0])}.${output}`;
}

function renderValue(value: unknown, depth: number, ctx: Context, key: string | undefined, owner: ExampleResource | undefined, around = 0): string {
    const ref = depth === 1 && owner ? reference(owner, key, value) : undefined;
    if (ref) return ref;
    if (value === null || typeof value !== "object") {
        if (typeof value === "string") {
            const parsed = jsonDocument(value);
            if (parsed !== undefined) return `JSON.stringify(${renderValue(parsed, depth, ctx, undefined, undefined)})`;
        }
        return JSON.stringify(value);
    }
    if (Array.isArray(value)) return layout("[", "]", value.map((v) => renderValue(v, depth + 1, ctx, undefined, undefined)), depth);
    const o = value as Record<string, unknown>;
    if ("$secret" in o) {
        ctx.usesPulumi = true;
        return `pulumi.secret(${renderValue(o.$secret, depth, ctx, undefined, undefined)})`;
    }
    if ("$unknown" in o) return "someOutput /* known after apply */";
    const sig = signatureOf(o);
    if (sig) return renderSignature(o, sig, depth, ctx);
    const entries = Object.entries(o).map(([k, v]) => `${propertyKey(k)}: ${renderValue(v, depth + 1, ctx, k, owner)}`);
    return layout("{", "}", entries, depth, true, around);
}

function renderSignature(o: Record<string, unknown>, sig: string, depth: number, ctx: Context): string {
    ctx.usesPulumi = true;
    if (sig === SIG.asset) {
        if (typeof o.text === "string") return `new pulumi.asset.StringAsset(${JSON.stringify(o.text)})`;
        if (typeof o.path === "string") return `new pulumi.asset.FileAsset(${JSON.stringify(o.path)})`;
        return `new pulumi.asset.RemoteAsset(${JSON.stringify(o.uri)})`;
    }
    if (sig === SIG.archive) {
        if (typeof o.assets === "object" && o.assets !== null) {
            const members = Object.entries(o.assets).map(([k, v]) => `${JSON.stringify(k)}: ${renderValue(v, depth + 1, ctx, undefined, undefined)}`);
            return `new pulumi.asset.AssetArchive(${layout("{", "}", members, depth, true)})`;
        }
        if (typeof o.path === "string") return `new pulumi.asset.FileArchive(${JSON.stringify(o.path)})`;
        return `new pulumi.asset.RemoteArchive(${JSON.stringify(o.uri)})`;
    }
    return JSON.stringify(o);
}

function layout(open: string, close: string, items: string[], depth: number, spaced = false, around = 0): string {
    if (items.length === 0) return `${open}${close}`;
    const inline = spaced ? `${open} ${items.join(", ")} ${close}` : `${open}${items.join(", ")}${close}`;
    if (around + inline.length + (depth + 1) * INDENT.length <= MAX_INLINE && !inline.includes("\n")) return inline;
    const pad = INDENT.repeat(depth + 1);
    return `${open}\n${items.map((i) => `${pad}${i},`).join("\n")}\n${INDENT.repeat(depth)}${close}`;
}

function propertyKey(key: string): string {
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** A string that holds a JSON object or list (a policy document, container definitions). */
function jsonDocument(value: string): unknown {
    const t = value.trim();
    if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) return undefined;
    try {
        const parsed = JSON.parse(t);
        return typeof parsed === "object" && parsed !== null ? parsed : undefined;
    } catch {
        return undefined;
    }
}
