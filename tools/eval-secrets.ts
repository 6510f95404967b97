// `npm run eval:secrets`: precision and recall of secret-sensitive-props' detection on the
// evaluation set (fixtures/secret-sensitive-props/evaluation), per category and overall.
// Scored per (case, path): a labelled path reported is a true positive, a labelled path not
// reported a miss, a reported path not labelled a false alarm. Prints ids and paths, never a
// value. test/secret-sensitive-props.eval.test.ts asserts the targets.
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

if (require.main === module) {
    const result = evaluate();
    console.log(report(result));
    const p = precision(result.overall) ?? 1;
    const r = recall(result.overall) ?? 1;
    if (p < TARGETS.precision || r < TARGETS.recall) process.exitCode = 1;
}
