// The evaluation set of secret-sensitive-props (fixtures/secret-sensitive-props/evaluation):
// the detection meets its targets (deterministic: no timing), the figures on the policy's page
// are current, and every case, of every class of issue 18, behaves the same through the
// engine path: reported where labelled, passing otherwise, passing once its values are
// secrets, and never showing a value.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { CATEGORIES, Category, EVALUATION, EvalCase } from "../fixtures/secret-sensitive-props/evaluation";
import { evaluate, EVALUATION_BLOCK, evaluationBlock, precision, recall, report, reported, TARGETS } from "../tools/eval-secrets";
import { EngineRun, PACK_DIR, useEngine } from "./helpers/engine";
import { assertNotShown } from "./helpers/secrets";

const POLICY = "secret-sensitive-props";
const PAGE = path.join(PACK_DIR, "docs/policies/secret-sensitive-props.md");

describe("the evaluation set", () => {
    it("has at least 400 cases with unique ids, both classes, every category", () => {
        expect(EVALUATION.length).toBeGreaterThanOrEqual(400);
        expect(new Set(EVALUATION.map((c) => c.id)).size).toBe(EVALUATION.length);
        for (const category of Object.keys(CATEGORIES) as Category[]) {
            const cases = EVALUATION.filter((c) => c.category === category);
            expect(cases.length, category).toBeGreaterThanOrEqual(8);
            // P categories hold credentials, N categories must pass.
            expect(cases.every((c) => (category.startsWith("P") ? c.expect.length > 0 : c.expect.length === 0)), category).toBe(true);
        }
    });

    it(`meets the targets: precision >= ${TARGETS.precision}, recall >= ${TARGETS.recall}`, () => {
        const result = evaluate();
        const message = report(result);
        expect(precision(result.overall)!, message).toBeGreaterThanOrEqual(TARGETS.precision);
        expect(recall(result.overall)!, message).toBeGreaterThanOrEqual(TARGETS.recall);
    });

    it("the figures on the policy's page are current (npm run eval:secrets -- --write)", () => {
        const page = fs.readFileSync(PAGE, "utf8");
        const start = page.indexOf(EVALUATION_BLOCK.begin);
        const end = page.indexOf(EVALUATION_BLOCK.end);
        expect(start >= 0 && end > start, "the page has the evaluation block").toBe(true);
        expect(page.slice(start, end + EVALUATION_BLOCK.end.length)).toBe(evaluationBlock(evaluate()));
    });
});

// pulumi-cdk sends CDK's task definitions, job definitions, state machines and parameters as
// aws-native types, whose container and job properties are objects where the classic types take
// JSON strings: every evaluation case of the classic type, sent as aws-native's, is reported at the
// same paths (NATIVE_FULL_INPUTS reads what the classic documents hold).
describe("aws-native types as their classic counterparts on the evaluation set", () => {
    const parsed = (props: Record<string, unknown>, keys: string[]): Record<string, unknown> | undefined => {
        const out = { ...props };
        for (const k of keys) {
            if (typeof props[k] !== "string") continue;
            try {
                out[k] = JSON.parse(props[k] as string);
            } catch {
                return undefined; // a malformed document: the classic judges a string, aws-native cannot have one
            }
        }
        return out;
    };
    const paths = (type: string, props: Record<string, unknown>) => reported({ id: "", category: "N3", type, props, expect: [], source: "" });
    const COUNTERPARTS: [string, string, (props: Record<string, unknown>) => Record<string, unknown> | undefined, (path: string) => string][] = [
        ["aws:ecs/taskDefinition:TaskDefinition", "aws-native:ecs:TaskDefinition", (p) => parsed(p, ["containerDefinitions"]), (x) => x],
        ["aws:batch/jobDefinition:JobDefinition", "aws-native:batch:JobDefinition", (p) => parsed(p, ["containerProperties", "ecsProperties", "nodeProperties"]), (x) => x],
        ["aws:sfn/stateMachine:StateMachine", "aws-native:stepfunctions:StateMachine",
            (p) => (typeof p.definition === "string" ? { roleArn: p.roleArn, definitionString: p.definition } : undefined), (x) => x.replace(/^definition(?=\.|$)/, "definitionString")],
        ["aws:ssm/parameter:Parameter", "aws-native:ssm:Parameter",
            (p) => (p.type !== "SecureString" && "value" in p ? { name: p.name, type: p.type ?? "String", value: p.value } : undefined), (x) => x],
    ];
    it.each(COUNTERPARTS)("%s as %s", (classic, native, toNative, nativePath) => {
        const cases = EVALUATION.filter((c) => c.type === classic).flatMap((c) => {
            const props = toNative(c.props);
            return props === undefined ? [] : [{ c, props }];
        });
        expect(cases.length).toBeGreaterThan(0);
        const differ = cases.filter(({ c, props }) => JSON.stringify(reported(c).map(nativePath)) !== JSON.stringify(paths(native, props))).map(({ c }) => c.id);
        expect(differ).toEqual([]);
    });
});

// ---------------------------------------------------------------- engine path

/** String leaves of a case's props that stand for credentials: every leaf that is neither a key nor a pair's name. */
function valuesOf(props: unknown): string[] {
    const keys = new Set<string>();
    const leaves: string[] = [];
    const visit = (v: unknown, key?: string) => {
        if (typeof v === "string") {
            if (key && /^(?:name|Name|key|Key|ParameterKey)$/.test(key)) keys.add(v);
            else leaves.push(v);
        } else if (Array.isArray(v)) v.forEach((e) => visit(e, key));
        else if (typeof v === "object" && v !== null) {
            for (const [k, e] of Object.entries(v)) {
                keys.add(k);
                visit(e, k);
            }
        }
    };
    visit(props);
    // Credential-like leaves (enum values such as "SecureString" appear in the description).
    return leaves.filter((l) => l.length >= 10 && /\d/.test(l) && /[A-Za-z]/.test(l) && !keys.has(l) && ![...keys].some((k) => k.includes(l)));
}

/** The case with every top-level input that holds a labelled path made a secret. */
function withSecrets(c: EvalCase): Record<string, unknown> {
    const secretTops = new Set(c.expect.map((p) => Object.keys(c.props).filter((k) => p === k || p.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0]));
    return Object.fromEntries(Object.entries(c.props).map(([k, v]) => [k, secretTops.has(k) ? { $secret: v } : v]));
}

describe("the evaluation set through the engine path", () => {
    const engine = useEngine();
    let plain: EngineRun;
    let secret: EngineRun;

    it("reports exactly the cases labelled credential, at their paths, without showing a value", async () => {
        plain = await engine.run({ resources: EVALUATION.map((c) => ({ type: c.type, name: c.id, props: c.props })) });
        const reported = new Set(plain.of(POLICY).map((d) => d.urn.split("::").pop()));
        const problems: string[] = [];
        for (const c of EVALUATION) {
            const messages = plain.of(POLICY).filter((d) => d.urn.endsWith(`::${c.id}`)).map((d) => d.message);
            if ((c.expect.length > 0) !== reported.has(c.id)) problems.push(`${c.id}: ${c.expect.length > 0 ? "not reported" : "reported"}`);
            for (const p of c.expect) if (!messages.some((m) => m.includes(`\`${p}\``))) problems.push(`${c.id}: no message names ${p}`);
            for (const m of messages) assertNotShown(m, valuesOf(c.props), `the message on ${c.id}`);
        }
        expect(problems).toEqual([]);
        expect(plain.diagnostics.filter((d) => d.message.includes("Internal error"))).toEqual([]);
    });

    it("passes every case once the inputs holding its credentials are secrets", async () => {
        const positives = EVALUATION.filter((c) => c.expect.length > 0);
        secret = await engine.run({ resources: positives.map((c) => ({ type: c.type, name: c.id, props: withSecrets(c) })) });
        expect(secret.of(POLICY).map((d) => d.urn.split("::").pop())).toEqual([]);
    });
});
