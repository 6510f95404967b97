// The engine drops internal keys (`__defaults`, `__internal`, ...: any key starting with `__`,
// at every depth) when it marshals properties for Analyze and AnalyzeStack, but not for
// Remediate (MarshalOptions.SkipInternalKeys in analyzer_plugin.go). cli/engine/requests.ts
// does it while encoding; these plain-object versions are the tests' reference.

/** The value without its internal keys. */
export function withoutInternalKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutInternalKeys);
    if (typeof value !== "object" || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!k.startsWith("__")) out[k] = withoutInternalKeys(v);
    return out;
}

/** Whether `value` has an internal key at any depth (what withoutInternalKeys drops). */
export function hasInternalKey(value: unknown): boolean {
    if (Array.isArray(value)) return value.some(hasInternalKey);
    if (typeof value !== "object" || value === null) return false;
    return Object.entries(value).some(([k, v]) => k.startsWith("__") || hasInternalKey(v));
}
