// Validates SARIF against the official SARIF 2.1.0 JSON schema (OASIS sarif-schema-2.1.0,
// rtm.5) as Microsoft's @microsoft/jest-sarif ships it. The schema is draft-04, which
// ajv 8 (the pack's own) no longer reads, so we use the ajv 6 that package depends on,
// exactly as its own matcher does (its matcher needs Jest's global `expect`).
import * as path from "path";

const packageDir = path.dirname(require.resolve("@microsoft/jest-sarif/package.json"));
const fromPackage = (id: string) => require(require.resolve(id, { paths: [packageDir] }));

let validate: ((data: unknown) => boolean) & { errors?: { dataPath: string; message?: string }[] | null };

/** Schema violations as "<path> <message>" lines; empty when the log is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
    if (!validate) {
        const Ajv = fromPackage("ajv");
        const ajv = new Ajv({ schemaId: "auto", allErrors: true });
        ajv.addMetaSchema(fromPackage("ajv/lib/refs/json-schema-draft-04.json"));
        validate = ajv.compile(require(path.join(packageDir, "lib/schemas/sarif-2.1.0-rtm.5.json")));
    }
    return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath || "(root)"} ${e.message ?? "is invalid"}`);
}
