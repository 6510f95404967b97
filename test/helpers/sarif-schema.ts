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

/**
 * What GitHub code scanning requires beyond the schema, or needs to display results well
 * (docs.github.com, "SARIF support for code scanning" and its limits): required properties
 * present and not empty, text lengths, counts, levels, security-severity in (0, 10] on
 * `security` rules, every result located in a file by a relative path with a start line,
 * a primaryLocationLineHash (the only fingerprint GitHub reads), results naming their rule.
 */
export function githubSarifProblems(log: any): string[] {
    const problems: string[] = [];
    const nonEmpty = (v: unknown) => typeof v === "string" && v.trim() !== "";
    const check = (ok: unknown, what: string) => { if (!ok) problems.push(what); };
    check(nonEmpty(log?.$schema), "$schema is required");
    check(log?.version === "2.1.0", "version must be 2.1.0");
    check(Array.isArray(log?.runs) && log.runs.length >= 1 && log.runs.length <= 20, "1 to 20 runs");
    for (const [r, run] of (log?.runs ?? []).entries()) {
        const driver = run?.tool?.driver;
        check(nonEmpty(driver?.name), `runs[${r}].tool.driver.name is required`);
        const rules: any[] = driver?.rules ?? [];
        check(Array.isArray(driver?.rules) && rules.length <= 25_000, `runs[${r}]: rules is required, at most 25,000`);
        for (const [i, rule] of rules.entries()) {
            const at = `rule ${rule?.id ?? i}`;
            check(nonEmpty(rule?.id), `${at}: id is required`);
            for (const k of ["shortDescription", "fullDescription"]) check(nonEmpty(rule?.[k]?.text) && rule[k].text.length <= 1024, `${at}: ${k}.text is required, at most 1024 characters`);
            check(nonEmpty(rule?.help?.text), `${at}: help.text is required`);
            check(rule?.name === undefined || (nonEmpty(rule.name) && rule.name.length <= 255), `${at}: name at most 255 characters`);
            check(rule?.defaultConfiguration?.level === undefined || ["note", "warning", "error"].includes(rule.defaultConfiguration.level), `${at}: defaultConfiguration.level`);
            const tags = rule?.properties?.tags ?? [];
            check(Array.isArray(tags) && tags.length <= 10, `${at}: at most 10 tags (GitHub shows 10 of at most 20)`);
            const score = rule?.properties?.["security-severity"];
            if (score !== undefined) {
                check(typeof score === "string" && Number(score) > 0 && Number(score) <= 10, `${at}: security-severity must be a string score in (0, 10]`);
                check(tags.includes("security"), `${at}: security-severity is read only on rules tagged "security"`);
            }
        }
        const results: any[] = run?.results ?? [];
        check(Array.isArray(run?.results) && results.length <= 25_000, `runs[${r}]: results is required, at most 25,000`);
        for (const [i, result] of results.entries()) {
            const at = `result ${i} (${result?.ruleId})`;
            check(nonEmpty(result?.message?.text), `${at}: message.text is required`);
            check(rules.some((x) => x.id === result?.ruleId), `${at}: ruleId names no rule`);
            check(result?.ruleIndex === undefined || rules[result.ruleIndex]?.id === result.ruleId, `${at}: ruleIndex does not match ruleId`);
            check(result?.level === undefined || ["none", "note", "warning", "error"].includes(result.level), `${at}: level`);
            check(Array.isArray(result?.locations) && result.locations.length >= 1 && result.locations.length <= 10, `${at}: 1 to 10 locations`);
            const physical = result?.locations?.[0]?.physicalLocation;
            const uri = physical?.artifactLocation?.uri;
            check(nonEmpty(uri) && !/^[a-z]+:/i.test(uri) && !uri.startsWith("/"), `${at}: a relative artifactLocation.uri (from the repository root) is required, got ${JSON.stringify(uri)}`);
            check(Number.isInteger(physical?.region?.startLine) && physical.region.startLine >= 1, `${at}: region.startLine is required`);
            check(nonEmpty(result?.partialFingerprints?.primaryLocationLineHash), `${at}: partialFingerprints.primaryLocationLineHash is required`);
        }
    }
    return problems;
}
