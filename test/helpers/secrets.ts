// "This text shows no secret", with a failure message that shows none either: it names
// where the secret appeared and prints the surrounding text with every secret masked.

/** The text with each of the secrets replaced by `<secret>`. */
export function redact(text: string, secrets: readonly string[]): string {
    let out = text;
    // Longest first, so that a secret containing another is masked whole.
    for (const s of [...secrets].sort((a, b) => b.length - a.length)) if (s !== "") out = out.split(s).join("<secret>");
    return out;
}

export function assertNotShown(text: string, secrets: readonly string[], where: string): void {
    if (!secrets.some((s) => s !== "" && text.includes(s))) return;
    const masked = redact(text, secrets);
    const at = masked.indexOf("<secret>");
    throw new Error(`${where} shows a secret value: ...${masked.slice(Math.max(0, at - 300), at + 300)}...`);
}
