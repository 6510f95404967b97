// Every type token the pack names must exist in the installed AWS provider (v7): a typo
// would make a policy silently skip the resources it is meant to check.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import * as tokens from "../policies/lib/tokens";

const awsDir = path.dirname(require.resolve("@pulumi/aws/package.json"));

function providerTokens(): Set<string> {
    const found = new Set<string>();
    for (const dir of fs.readdirSync(awsDir, { withFileTypes: true })) {
        if (!dir.isDirectory() || dir.name === "node_modules") continue;
        for (const f of fs.readdirSync(path.join(awsDir, dir.name))) {
            if (!f.endsWith(".js")) continue;
            const m = /__pulumiType = '([^']+)'/.exec(fs.readFileSync(path.join(awsDir, dir.name, f), "utf8"));
            if (m) found.add(m[1]);
        }
    }
    return found;
}

describe("type tokens", () => {
    const known = providerTokens();
    const ours = Object.entries(tokens).filter(([, v]) => typeof v === "string" && (v as string).startsWith("aws:"));
    it.each(ours)("%s exists in @pulumi/aws", (_name, token) => {
        expect(known.has(token as string)).toBe(true);
    });
});
