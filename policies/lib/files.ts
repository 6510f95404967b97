// The one reader of JSON and YAML files (policy pack config, inputs, stack and project files),
// with one error shape: `<file>: cannot read <what> (<why>)`, `<file>: <what> is not valid
// JSON` / `YAML (line N)`. Never the parser's message: it quotes the file, and the files hold
// secrets (encrypted config, credentials in inputs). The YAML parser loads on first use.
import * as fs from "fs";

export type DataFile = { ok: true; text: string; value: unknown } | { ok: false; problem: string };

/** Reads and parses a file; an empty (or blank) file parses to `undefined`. */
export function readDataFile(file: string, what: string, format: "json" | "yaml"): DataFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e: any) {
        const why = e?.code === "ENOENT" ? "no such file" : e?.code === "EISDIR" ? "it is a directory" : e?.code ?? "unreadable";
        return { ok: false, problem: `${file}: cannot read ${what} (${why})` };
    }
    if (text.trim() === "") return { ok: true, text, value: undefined };
    if (format === "json") {
        try {
            return { ok: true, text, value: JSON.parse(text) };
        } catch {
            return { ok: false, problem: `${file}: ${what} is not valid JSON` };
        }
    }
    const { parseDocument } = require("yaml") as typeof import("yaml");
    try {
        const doc = parseDocument(text);
        if (doc.errors.length > 0) {
            const line = doc.errors[0].linePos?.[0].line;
            return { ok: false, problem: `${file}: ${what} is not valid YAML${line ? ` (line ${line})` : ""}` };
        }
        return { ok: true, text, value: doc.toJS() ?? undefined };
    } catch {
        return { ok: false, problem: `${file}: ${what} is not valid YAML` };
    }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * YAML text held in a value (a buildspec, a CloudFormation template), parsed; undefined when it
 * is not valid YAML. `functionTags` maps a local tag to the key of an object standing for it
 * (`{"!Ref": "Ref"}`: `!Ref Pw` becomes `{Ref: "Pw"}`, not the string "Pw"); other unknown
 * tags keep their plain values. Nothing is logged.
 */
export function parseYamlText(text: string, functionTags: Readonly<Record<string, string>> = {}): unknown {
    const yaml = require("yaml") as typeof import("yaml");
    const customTags = Object.entries(functionTags).flatMap(([tag, key]) => [
        { tag, resolve: (value: string) => ({ [key]: value }) },
        { tag, collection: "seq" as const, nodeClass: yaml.YAMLSeq, resolve: (seq: import("yaml").YAMLSeq) => ({ [key]: seq.toJSON() }) },
        { tag, collection: "map" as const, nodeClass: yaml.YAMLMap, resolve: (map: import("yaml").YAMLMap) => ({ [key]: map.toJSON() }) },
    ]);
    try {
        const doc = yaml.parseDocument(text, { logLevel: "silent", uniqueKeys: false, customTags: customTags as any });
        return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
    } catch {
        return undefined;
    }
}
