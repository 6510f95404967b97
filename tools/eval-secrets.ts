// `npm run eval:secrets`: precision and recall of secret-sensitive-props' detection on the
// evaluation set (fixtures/secret-sensitive-props/evaluation), per category and overall.
// Scored per (case, path): a labelled path reported is a true positive, a labelled path not
// reported a miss, a reported path not labelled a false alarm. Prints ids and paths, never a
// value. test/secret-sensitive-props.eval.test.ts asserts the targets.
import * as fs from "fs";
import * as path from "path";
import { CATEGORIES, Category, EVALUATION, EvalCase } from "../fixtures/secret-sensitive-props/evaluation";
import { findSensitiveValues } from "../policies/lib/sensitive";

export const TARGETS = { precision: 0.99, recall: 0.97 };

export interface Score {
    cases: number;
    tp: number;
    fp: number;
    fn: number;
    misses: string[];
    falseAlarms: string[];
}

export interface Evaluation {
    overall: Score;
    byCategory: Record<Category, Score>;
}

const empty = (): Score => ({ cases: 0, tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] });

export const precision = (s: Score): number | undefined => (s.tp + s.fp === 0 ? undefined : s.tp / (s.tp + s.fp));
export const recall = (s: Score): number | undefined => (s.tp + s.fn === 0 ? undefined : s.tp / (s.tp + s.fn));

/** The paths the detection reports for a case, as messages print them. */
export function reported(c: EvalCase): string[] {
    return [...new Set(findSensitiveValues(c.type, c.props, { sensitivePatterns: [], ignoreProperties: [] }).map((v) => v.path))];
}

export function evaluate(cases: readonly EvalCase[] = EVALUATION): Evaluation {
    const overall = empty();
    const byCategory = Object.fromEntries(Object.keys(CATEGORIES).map((k) => [k, empty()])) as Record<Category, Score>;
    for (const c of cases) {
        const got = new Set(reported(c));
        const want = new Set(c.expect);
        for (const score of [overall, byCategory[c.category]]) {
            score.cases++;
            for (const p of want) {
                if (got.has(p)) score.tp++;
                else {
                    score.fn++;
                    score.misses.push(`${c.id}: ${p}`);
                }
            }
            for (const p of got) {
                if (!want.has(p)) {
                    score.fp++;
                    score.falseAlarms.push(`${c.id}: ${p}`);
                }
            }
        }
    }
    return { overall, byCategory };
}

const pct = (v: number | undefined) => (v === undefined ? "   –  " : v.toFixed(3).padStart(6));

export function report(result: Evaluation): string {
    const lines = ["category  cases   tp   fp   fn  precision  recall  what", "--------  -----  ---  ---  ---  ---------  ------  ----"];
    const row = (name: string, s: Score, what: string) =>
        `${name.padEnd(8)}  ${String(s.cases).padStart(5)}  ${String(s.tp).padStart(3)}  ${String(s.fp).padStart(3)}  ${String(s.fn).padStart(3)}  ${pct(precision(s)).padStart(9)}  ${pct(recall(s))}  ${what}`;
    for (const [k, what] of Object.entries(CATEGORIES)) lines.push(row(k, result.byCategory[k as Category], what));
    lines.push(row("overall", result.overall, `targets: precision >= ${TARGETS.precision}, recall >= ${TARGETS.recall}`));
    if (result.overall.misses.length) lines.push("", "misses:", ...result.overall.misses.map((m) => `  ${m}`));
    if (result.overall.falseAlarms.length) lines.push("", "false alarms:", ...result.overall.falseAlarms.map((m) => `  ${m}`));
    return lines.join("\n");
}

/** The block of the policy's page that holds the figures (`--write` updates it). */
export const EVALUATION_BLOCK = { begin: "<!-- BEGIN evaluation -->", end: "<!-- END evaluation -->" };

/** The figures as the policy's page shows them. */
export function evaluationBlock(result: Evaluation): string {
    const f = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(3));
    const rows = Object.entries(CATEGORIES).map(([k, what]) => {
        const s = result.byCategory[k as Category];
        return `| ${k} | ${what} | ${s.cases} | ${s.tp} | ${s.fp} | ${s.fn} | ${f(precision(s))} | ${f(recall(s))} |`;
    });
    const o = result.overall;
    return [
        EVALUATION_BLOCK.begin,
        "| | category | cases | found | false alarms | missed | precision | recall |",
        "|---|---|---|---|---|---|---|---|",
        ...rows,
        `| **all** | | **${o.cases}** | **${o.tp}** | **${o.fp}** | **${o.fn}** | **${f(precision(o))}** | **${f(recall(o))}** |`,
        EVALUATION_BLOCK.end,
    ].join("\n");
}

const PAGE = path.join(path.resolve(__dirname, "..").replace(/[\\/]\.tools[\\/]build$/, ""), "docs/policies/secret-sensitive-props.md");

if (require.main === module) {
    const result = evaluate();
    console.log(report(result));
    if (process.argv.includes("--write")) {
        const page = fs.readFileSync(PAGE, "utf8");
        const start = page.indexOf(EVALUATION_BLOCK.begin);
        const end = page.indexOf(EVALUATION_BLOCK.end);
        if (start < 0 || end < start) throw new Error(`${PAGE}: no evaluation block`);
        fs.writeFileSync(PAGE, page.slice(0, start) + evaluationBlock(result) + page.slice(end + EVALUATION_BLOCK.end.length));
        console.log(`\nwrote the figures to ${path.relative(process.cwd(), PAGE)}`);
    }
    const p = precision(result.overall) ?? 1;
    const r = recall(result.overall) ?? 1;
    if (p < TARGETS.precision || r < TARGETS.recall) process.exitCode = 1;
}
