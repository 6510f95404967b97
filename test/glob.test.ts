// The pack's one glob dialect (policies/lib/glob.ts), used by every config pattern.
import { describe, expect, it } from "vitest";
import { compileGlob, globError, matchesAny } from "../policies/lib/glob";

describe("glob dialect", () => {
    it.each([
        // `*` crosses `/` and `:` (type tokens, URNs, URLs).
        ["aws:rds/*", "aws:rds/instance:Instance", true],
        ["aws:rds/*", "aws:s3/bucket:Bucket", false],
        ["*Bucket*", "aws:s3/bucketV2:BucketV2", true],
        ["urn:pulumi:prod::*::aws:s3/bucket:Bucket::logs", "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::logs", true],
        ["awskms://alias/*?region=eu-west-1", "awskms://alias/pulumi?region=eu-west-1", true],
        ["*", "", true],
        ["**", "anything", true],
        ["s3:Get*", "s3:GetObject", true],
        ["s3:Get*", "s3:PutObject", false],
        ["iam:?etRole", "iam:GetRole", true],
        ["iam:?etRole", "iam:etRole", false],
        ["[sk]3:*", "k3:x", true],
        ["[a-c]x", "bx", true],
        ["[a-c]x", "dx", false],
        ["[!a]*", "b", true],
        ["[!a]*", "a", false],
        ["[^a]?", "ba", true],
        ["[a-]", "-", true],
        ["{s3,ec2}:List*", "ec2:ListBuckets", true],
        ["{s3,ec2}:List*", "kms:ListKeys", false],
        ["\\*", "*", true],
        ["\\*", "x", false],
        ["a\\", "a\\", true],
        ["environment.*", "environment.variables.DB_PASSWORD", true],
        ["*.password", "users.0.password", true],
        ["*.password", "password", false],
        ["a*b*c", "abc", true],
        ["a*b*c", "aXbYc", true],
        ["a*b*c", "acb", false],
        ["*ab", "aab", true],
        ["*aab", "aaab", true],
    ])("%s on %s: %s", (pattern, subject, expected) => {
        expect(compileGlob(pattern)(subject)).toBe(expected);
    });

    it("is case-sensitive unless asked, then folds case as regular expressions do", () => {
        expect(compileGlob("*key*")("apiKey")).toBe(false);
        expect(compileGlob("*key*", { ignoreCase: true })("apiKey")).toBe(true);
        expect(compileGlob("[a-c]x", { ignoreCase: true })("BX")).toBe(true);
        expect(compileGlob("[!a]x", { ignoreCase: true })("Ax")).toBe(false);
        expect(compileGlob("ß", { ignoreCase: true })("SS")).toBe(false);
        expect(compileGlob("k", { ignoreCase: true })("\u212A")).toBe(false);
        expect(matchesAny("kms:Decrypt", ["s3:*", "KMS:*"], { ignoreCase: true })).toBe(true);
        expect(matchesAny("kms:Decrypt", ["s3:*", "KMS:*"])).toBe(false);
    });

    it.each([
        // The subject is a pattern (an IAM action): accepted only if every name it stands for is.
        ["s3:GetObjec?", "s3:GetObject", true],
        ["s3:GetObjec?", "s3:GetObjec*", false],
        ["s3:GetObjec?", "s3:GetObjec?", true],
        ["iam:[!D]etRole", "iam:?etRole", false],
        ["iam:[!D]etRole", "iam:*etRole", false],
        ["iam:?etRole", "iam:?etRole", true],
        ["s3:Get*", "s3:Get*", true],
        ["s3:Get*", "s3:GetObject?", true],
        ["s3:*", "s3:*", true],
        ["s3:?*", "s3:*", false],
        ["s3:\\*", "s3:*", true],
        ["*", "*", true],
    ])("%s on the action %s: %s", (pattern, action, expected) => {
        expect(compileGlob(pattern, { ignoreCase: true, wildcardSubject: true })(action)).toBe(expected);
        // As a plain glob, `?` and a class take a literal `*` or `?` like any character.
        if (/^s3:GetObjec\?$|^iam:\[!D\]etRole$/.test(pattern)) expect(compileGlob(pattern, { ignoreCase: true })(action)).toBe(true);
    });

    it.each([
        [42, "a glob must be a string"],
        ["", "a glob must not be empty"],
        ["[abc", 'unclosed "[" in glob "[abc"'],
        ["{a,b", 'unclosed "{" in glob "{a,b"'],
        ["a}", 'unmatched "}" in glob "a}"'],
        ["[]x", 'empty "[]" in glob "[]x"'],
        ["[!]x", 'empty "[]" in glob "[!]x"'],
        ["[z-a]", 'range "z-a" out of order in glob "[z-a]"'],
    ])("refuses %j: %s", (pattern, message) => {
        expect(globError(pattern)).toBe(message);
        // An empty glob is a config error only; compiled, it matches the empty string.
        if (typeof pattern === "string" && pattern !== "") expect(() => compileGlob(pattern)).toThrow(message);
    });

    it("matches without backtracking: many stars against a megabyte (a regular expression took hours)", () => {
        const subject = "a".repeat(1 << 20);
        expect(compileGlob("*a*a*a*a*b*")(subject)).toBe(false);
        expect(compileGlob("*a*a*a*a*")(subject)).toBe(true);
        expect(compileGlob("*?*?*b", { ignoreCase: true })(subject)).toBe(false);
    });
});
