// Small statistics helpers for the benchmark report.

export interface Summary {
    median: number;
    min: number;
    max: number;
    n: number;
}

export function quantile(sorted: readonly number[], q: number): number {
    if (sorted.length === 0) return NaN;
    const i = (sorted.length - 1) * q;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

export function summarize(values: readonly number[]): Summary {
    const sorted = [...values].sort((a, b) => a - b);
    return { median: quantile(sorted, 0.5), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, n: sorted.length };
}

export interface Percentiles {
    p50: number;
    p95: number;
    p99: number;
    max: number;
    mean: number;
    n: number;
}

export function percentiles(values: readonly number[]): Percentiles {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
    return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN, mean, n: sorted.length };
}

/** "123 (118–131)" with a sensible number of digits for the magnitude. */
export function fmt(s: Summary | undefined, unit = ""): string {
    if (!s || Number.isNaN(s.median)) return "—";
    return s.n > 1 ? `${num(s.median)}${unit} (${num(s.min)}–${num(s.max)})` : `${num(s.median)}${unit}`;
}

export function num(v: number): string {
    if (!Number.isFinite(v)) return "—";
    const a = Math.abs(v);
    if (a >= 100) return v.toFixed(0);
    if (a >= 10) return v.toFixed(1);
    if (a >= 1) return v.toFixed(2);
    return v.toFixed(3);
}

export function ratio(a: number | undefined, b: number | undefined): number | undefined {
    return a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? undefined : a / b;
}
