import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
    anyoneClause, audienceOf, compileAllowedActions, ConditionTest, delegatesToAccessPoints, describeProblem, exceptsResourceTags, fencedByDenies, isAccountPinnedArn, isPinningTest,
    isWildcardAction, mayExceptResourceTags, negatedPinningTest, PolicyDocumentReading, PolicyStatement, quoteList, readPolicyDocument, unacceptedWildcardActions,
} from "../policies/lib/policy-document";
import { declaredTagsOf, tagsOf, tagsOfAny } from "../policies/lib/tags";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { assertNotShown } from "./helpers/secrets";

const U = UNKNOWN_SENTINELS;
const V = "2012-10-17";

function doc(statement: unknown): Record<string, unknown> {
    return { Version: V, Statement: statement };
}

/** The document read as an object and as the JSON string a program would pass. */
function bothForms(value: Record<string, unknown>): [string, unknown][] {
    return [["object", value], ["string", JSON.stringify(value)]];
}

function statementsOf(reading: PolicyDocumentReading): PolicyStatement[] {
    if (reading.kind !== "document") throw new Error(`expected a document, got ${reading.kind}`);
    return reading.statements;
}

function problemsOf(reading: PolicyDocumentReading): string[] {
    if (reading.kind !== "document") throw new Error(`expected a document, got ${reading.kind}`);
    return reading.problems.map((p) => (p.where ? `${p.where} ${p.what}` : p.what));
}

describe("readPolicyDocument: whole documents", () => {
    const cases: [string, unknown, PolicyDocumentReading["kind"], string[]][] = [
        ["undefined is absent", undefined, "absent", []],
        ["null is absent", null, "absent", []],
        ["an unknown string is skipped", U.string, "unknown", []],
        ["an unknown object is skipped", U.object, "unknown", []],
        ["an unknown Statement list is skipped", { Version: V, Statement: U.array }, "unknown", []],
        ["empty string", "", "document", ["is an empty string; it must be a JSON policy document"]],
        ["blank string", "  \n", "document", ["is an empty string; it must be a JSON policy document"]],
        ["invalid JSON", '{"Version": "2012-10-17", "Statement": [', "document", [
            "is not valid JSON; build it with JSON.stringify({...}) or aws.iam.getPolicyDocument(...).json",
        ]],
        ["a JSON list", "[]", "document", ["must be a JSON object with a Statement list, not a list"]],
        ["a JSON number", "42", "document", ["must be a JSON object with a Statement list, not a number"]],
        ["a JSON string", '"s3:*"', "document", ["must be a JSON object with a Statement list, not a string"]],
        ["JSON null", "null", "document", ["must be a JSON object with a Statement list, not null"]],
        ["a number", 7, "document", ["must be a JSON object with a Statement list, not a number"]],
        ["a boolean", true, "document", ["must be a JSON object with a Statement list, not a boolean"]],
        ["a list object", [{ Effect: "Allow" }], "document", ["must be a JSON object with a Statement list, not a list"]],
        ["no Statement", { Version: V }, "document", ["has no Statement; add a Statement list"]],
        ["Statement is a string", { Statement: "Allow" }, "document", ["has a Statement that is a string; it must be an object or a list of objects"]],
        ["Statement is null", { Statement: null }, "document", ["has a Statement that is null; it must be an object or a list of objects"]],
        ["an empty Statement list grants nothing", doc([]), "document", []],
    ];
    it.each(cases)("%s", (_label, input, kind, problems) => {
        const reading = readPolicyDocument(input);
        expect(reading.kind).toBe(kind);
        if (reading.kind === "document") {
            expect(problemsOf(reading)).toEqual(problems);
            if (problems.length) expect(reading.statements).toEqual([]);
        }
    });

    it("treats a blank string as absent when asked (optional inputs)", () => {
        expect(readPolicyDocument("", { blankIsAbsent: true })).toEqual({ kind: "absent" });
        expect(readPolicyDocument(undefined, { blankIsAbsent: true })).toEqual({ kind: "absent" });
        expect(readPolicyDocument("{", { blankIsAbsent: true }).kind).toBe("document");
    });

    it("never quotes the document text in a problem (Node's JSON.parse errors do)", () => {
        const text = '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "hunter2-secret-value"';
        const reading = readPolicyDocument(text);
        const message = describeProblem({ type: "aws:iam/policy:Policy", name: "p", path: "policy" }, (reading as any).problems[0]);
        expect(message).toBe('aws:iam/policy:Policy "p": policy is not valid JSON; build it with JSON.stringify({...}) or ' +
            "aws.iam.getPolicyDocument(...).json. The document could not be checked until it is fixed.");
        assertNotShown(message, ["hunter2"], "the problem");
    });
});

describe("readPolicyDocument: statements, in object and string form", () => {
    const allowS3 = { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" };

    describe.each(bothForms(doc(allowS3)))("a single Statement object (%s)", (_form, input) => {
        it("reads as a list of one, labelled by Sid", () => {
            expect(statementsOf(readPolicyDocument(input))).toEqual([{
                index: 0, label: 'statement "Read"', effect: "Allow",
                action: { values: ["s3:GetObject"], incomplete: false }, notAction: undefined,
                resource: { values: ["arn:aws:s3:::b/*"], incomplete: false }, notResource: undefined,
                principal: undefined, notPrincipal: undefined, condition: undefined,
            }]);
        });
    });

    describe.each(bothForms(doc([
        { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"] },
        { Sid: "", Effect: "Deny", NotAction: "iam:*", NotResource: "arn:aws:iam::111122223333:role/x" },
    ])))("a Statement list (%s)", (_form, input) => {
        it("reads string-or-list fields as lists and labels Sid-less statements by index", () => {
            const [first, second] = statementsOf(readPolicyDocument(input));
            expect(first.label).toBe("Statement[0]");
            expect(first.action).toEqual({ values: ["s3:GetObject", "s3:PutObject"], incomplete: false });
            expect(first.resource?.values).toEqual(["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]);
            expect(second).toMatchObject({
                index: 1, label: "Statement[1]", effect: "Deny", action: undefined,
                notAction: { values: ["iam:*"], incomplete: false },
                notResource: { values: ["arn:aws:iam::111122223333:role/x"], incomplete: false },
            });
        });
    });

    const principalCases: [string, unknown, { type: string; id: string }[]][] = [
        ['"*"', "*", [{ type: "*", id: "*" }]],
        ['{"AWS": "*"}', { AWS: "*" }, [{ type: "AWS", id: "*" }]],
        ["AWS string", { AWS: "arn:aws:iam::111122223333:root" }, [{ type: "AWS", id: "arn:aws:iam::111122223333:root" }]],
        ["AWS list", { AWS: ["111122223333", "arn:aws:iam::444455556666:role/r"] }, [
            { type: "AWS", id: "111122223333" }, { type: "AWS", id: "arn:aws:iam::444455556666:role/r" },
        ]],
        ["Service", { Service: ["logs.amazonaws.com"] }, [{ type: "Service", id: "logs.amazonaws.com" }]],
        ["Federated", { Federated: "cognito-identity.amazonaws.com" }, [{ type: "Federated", id: "cognito-identity.amazonaws.com" }]],
        ["mixed", { AWS: "111122223333", Service: "s3.amazonaws.com" }, [
            { type: "AWS", id: "111122223333" }, { type: "Service", id: "s3.amazonaws.com" },
        ]],
    ];
    describe.each(principalCases)("Principal %s", (_label, principal, entries) => {
        it.each(bothForms(doc({ Effect: "Allow", Principal: principal, Action: "kms:Decrypt", Resource: "*" })))("(%s)", (_form, input) => {
            expect(statementsOf(readPolicyDocument(input))[0].principal).toEqual({ entries, incomplete: false });
        });
    });

    it("reads NotPrincipal like Principal", () => {
        const [s] = statementsOf(readPolicyDocument(doc({ Effect: "Deny", NotPrincipal: { AWS: "111122223333" }, Action: "kms:*", Resource: "*" })));
        expect(s.notPrincipal).toEqual({ entries: [{ type: "AWS", id: "111122223333" }], incomplete: false });
    });

    it.each(bothForms(doc({
        Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*",
        Condition: {
            StringEquals: { "kms:CallerAccount": "111122223333", "kms:ViaService": ["s3.eu-west-1.amazonaws.com", "s3.eu-west-2.amazonaws.com"] },
            Bool: { "aws:SecureTransport": true },
            NumericLessThan: { "s3:max-keys": 10 },
        },
    })))("reads Condition blocks, booleans and numbers as strings (%s)", (_form, input) => {
        expect(statementsOf(readPolicyDocument(input))[0].condition).toEqual({
            incomplete: false,
            tests: [
                { operator: "StringEquals", key: "kms:CallerAccount", values: { values: ["111122223333"], incomplete: false } },
                { operator: "StringEquals", key: "kms:ViaService", values: { values: ["s3.eu-west-1.amazonaws.com", "s3.eu-west-2.amazonaws.com"], incomplete: false } },
                { operator: "Bool", key: "aws:SecureTransport", values: { values: ["true"], incomplete: false } },
                { operator: "NumericLessThan", key: "s3:max-keys", values: { values: ["10"], incomplete: false } },
            ],
        });
    });
});

describe("readPolicyDocument: statements of the wrong shape", () => {
    const base = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
    const cases: [string, unknown, string][] = [
        ["a string statement", "s3:*", "Statement[0] is a string; each statement must be an object"],
        ["a null statement", null, "Statement[0] is null; each statement must be an object"],
        ["a list statement", [base], "Statement[0] is a list; each statement must be an object"],
        ["no Effect", { Action: "s3:*", Resource: "*" }, 'Statement[0] has no Effect; set "Allow" or "Deny"'],
        ["lower-case effect", { ...base, Effect: "allow" }, 'Statement[0] has an Effect other than "Allow" or "Deny" (case-sensitive)'],
        ["Effect is a boolean", { ...base, Effect: true }, 'Statement[0] has an Effect other than "Allow" or "Deny" (case-sensitive)'],
        ["neither Action nor NotAction", { Effect: "Allow", Resource: "*" }, "Statement[0] has neither Action nor NotAction; every statement needs one"],
        ["lower-case action key", { Effect: "Allow", action: "s3:*", Resource: "*" }, "Statement[0] has neither Action nor NotAction; every statement needs one"],
        ["both Action and NotAction", { ...base, NotAction: "iam:*" }, "Statement[0] has both Action and NotAction; use exactly one"],
        ["Action is a number", { ...base, Action: 3 }, "Statement[0] has an Action that is a number; it must be a string or a list of strings"],
        ["Action is an object", { ...base, Action: { s3: "*" } }, "Statement[0] has an Action that is an object; it must be a string or a list of strings"],
        ["Action entry is null", { ...base, Action: ["s3:GetObject", null] }, "Statement[0] has an Action entry that is null; entries must be strings"],
        ["NotAction is null", { Effect: "Deny", NotAction: null, Resource: "*" }, "Statement[0] has a NotAction that is null; it must be a string or a list of strings"],
        ["Resource is an object", { ...base, Resource: { arn: "x" } }, "Statement[0] has a Resource that is an object; it must be a string or a list of strings"],
        ["Principal is an ARN string", { ...base, Principal: "arn:aws:iam::111122223333:root" },
            'Statement[0] has a Principal that is a string; it must be "*" or an object such as {"AWS": [...]} or {"Service": ...}'],
        ["Principal list", { ...base, Principal: ["*"] },
            'Statement[0] has a Principal that is a list; it must be "*" or an object such as {"AWS": [...]} or {"Service": ...}'],
        ["Principal.AWS is a number", { ...base, Principal: { AWS: 111122223333 } },
            "Statement[0] has a Principal.AWS that is a number; it must be a string or a list of strings"],
        ["Condition is a list", { ...base, Condition: [] }, "Statement[0] has a Condition that is a list; it must be an object of operators"],
        ["Condition operator is a string", { ...base, Condition: { StringEquals: "x" } },
            "Statement[0] has a Condition.StringEquals that is a string; it must be an object of condition keys"],
        ["Condition value is an object", { ...base, Condition: { StringEquals: { "aws:PrincipalOrgID": { id: "o-1" } } } },
            "Statement[0] has a Condition.StringEquals value that is an object; values must be strings, numbers or booleans"],
        ["a Sid names the statement", { Sid: "Broken", Effect: "Permit", Action: "s3:*" },
            'statement "Broken" has an Effect other than "Allow" or "Deny" (case-sensitive)'],
    ];
    it.each(cases)("%s", (_label, statement, problem) => {
        for (const [, input] of bothForms(doc([statement]))) {
            const reading = readPolicyDocument(input);
            expect(problemsOf(reading)).toEqual([problem]);
            expect(statementsOf(reading)).toEqual([]);
        }
    });

    it("keeps the well-formed statements next to a malformed one", () => {
        const reading = readPolicyDocument(doc([{ Effect: "Allow", Action: "s3:*", Resource: "*" }, 42, { Sid: "Ok", Effect: "Deny", Action: "iam:*", Resource: "*" }]));
        expect(problemsOf(reading)).toEqual(["Statement[1] is a number; each statement must be an object"]);
        expect(statementsOf(reading).map((s) => s.label)).toEqual(["Statement[0]", 'statement "Ok"']);
    });
});

describe("readPolicyDocument: unknowns at preview (object form)", () => {
    it("skips an unknown statement and says the document is incomplete", () => {
        const reading = readPolicyDocument(doc([{ Effect: "Allow", Action: "s3:*", Resource: "*" }, U.object]));
        expect(reading).toMatchObject({ kind: "document", incomplete: true, problems: [] });
        expect(statementsOf(reading)).toHaveLength(1);
    });

    it("marks unknown fields and entries incomplete without failing the statement", () => {
        const [s] = statementsOf(readPolicyDocument(doc({
            Sid: U.string, Effect: U.string, Action: ["s3:*", U.string], Resource: U.array,
            Principal: { AWS: [U.string, "111122223333"], Service: U.array }, Condition: { StringEquals: { "aws:PrincipalOrgID": U.string }, Bool: U.object },
        })));
        expect(s.label).toBe("Statement[0]");
        expect(s.effect).toBe("unknown");
        expect(s.action).toEqual({ values: ["s3:*"], incomplete: true });
        expect(s.resource).toEqual({ values: [], incomplete: true });
        expect(s.principal).toEqual({ entries: [{ type: "AWS", id: "111122223333" }], incomplete: true });
        expect(s.condition).toEqual({
            incomplete: true,
            tests: [{ operator: "StringEquals", key: "aws:PrincipalOrgID", values: { values: [], incomplete: true } }],
        });
    });

    it("treats a wholly unknown Principal or Condition as incomplete", () => {
        const [s] = statementsOf(readPolicyDocument(doc({ Effect: "Allow", Principal: U.object, Action: "kms:*", Resource: "*", Condition: U.object })));
        expect(s.principal).toEqual({ entries: [], incomplete: true, unknown: true });
        expect(s.condition).toEqual({ tests: [], incomplete: true });
    });
});

describe("readPolicyDocument never throws", () => {
    it("on any JSON value, as an object or as a string", () => {
        fc.assert(fc.property(fc.jsonValue(), (value) => {
            readPolicyDocument(value);
            readPolicyDocument(JSON.stringify(value));
        }), { numRuns: 500 });
    });

    it("on statement-shaped objects with arbitrary field values", () => {
        const field = fc.oneof(fc.jsonValue(), fc.constantFrom(...Object.values(U)), fc.constant(undefined));
        const statement = fc.record({
            Sid: field, Effect: fc.oneof(fc.constantFrom("Allow", "Deny"), field), Action: field, NotAction: field,
            Resource: field, Principal: field, NotPrincipal: field, Condition: field,
        }, { requiredKeys: [] });
        fc.assert(fc.property(fc.oneof(statement, fc.array(fc.oneof(statement, field))), (s) => {
            const reading = readPolicyDocument({ Version: V, Statement: s });
            expect(["document", "unknown"]).toContain(reading.kind);
        }), { numRuns: 500 });
    });

    it("on a text that merely looks like a document", () => {
        fc.assert(fc.property(fc.string(), (text) => {
            readPolicyDocument(`{"Statement": ${text}`);
        }), { numRuns: 300 });
    });
});

describe("wildcard actions", () => {
    const cases: [string, boolean][] = [
        ["*", true], ["s3:*", true], ["s3:Get*", true], ["iam:?etRole", true], ["kms:GenerateDataKey*", true],
        ["s3:GetObject", false], ["kms:Decrypt", false], ["", false],
    ];
    it.each(cases)("%s → %s", (action, wildcard) => {
        expect(isWildcardAction(action)).toBe(wildcard);
    });

    const accepted: [string, string[], string[], string[]][] = [
        ["nothing accepted", [], ["s3:Get*", "s3:GetObject", "*"], ["s3:Get*", "*"]],
        ["exact pattern", ["s3:Get*"], ["s3:Get*", "s3:List*"], ["s3:List*"]],
        ["case-insensitive", ["S3:GET*"], ["s3:Get*", "s3:get*"], []],
        ["glob over actions", ["s3:*"], ["s3:Get*", "s3:*", "ec2:Describe*"], ["ec2:Describe*"]],
        ["alternatives", ["{s3,sqs}:Get*"], ["s3:Get*", "sqs:Get*", "sns:Get*"], ["sns:Get*"]],
        ["a narrower pattern does not accept a broader action", ["s3:GetObject*"], ["s3:Get*"], ["s3:Get*"]],
    ];
    it.each(accepted)("allowedActions: %s", (_label, patterns, actions, left) => {
        expect(unacceptedWildcardActions({ values: actions, incomplete: false }, compileAllowedActions(patterns))).toEqual(left);
    });

    it("quotes at most ten actions", () => {
        const many = Array.from({ length: 12 }, (_, i) => `s3:A${i}*`);
        expect(quoteList(many)).toBe(`${many.slice(0, 10).map((a) => `"${a}"`).join(", ")} and 2 more`);
        expect(quoteList(["s3:*"])).toBe('"s3:*"');
        // A wildcard service is an action pattern too; free text is counted, in words that read as a list.
        expect(quoteList(["*:*"])).toBe('"*:*"');
        expect(quoteList(["not an action"])).toBe("(1 entry that is not an action name, not shown)");
        expect(quoteList(["s3:*", "x y", "z w"])).toBe('"s3:*" and 2 entries that are not action names (not shown)');
    });
});

describe("emptyObjectIsAbsent", () => {
    it.each([["{}"], [" { } "], [{}]])("%j is no policy", (value) => {
        expect(readPolicyDocument(value, { emptyObjectIsAbsent: true })).toEqual({ kind: "absent" });
    });
    it("an object whose only entries are unknown may still become {}: not known yet (a robustness counterexample)", () => {
        expect(readPolicyDocument({ layerName: UNKNOWN_SENTINELS.archive }, { emptyObjectIsAbsent: true })).toEqual({ kind: "unknown" });
        expect(problemsOf(readPolicyDocument({ layerName: "aws:kms:dsse" }, { emptyObjectIsAbsent: true }))).toEqual(["has no Statement; add a Statement list"]);
    });
    it("without the option, {} is a document without Statement", () => {
        expect(problemsOf(readPolicyDocument("{}"))).toEqual(["has no Statement; add a Statement list"]);
    });
});

describe("who a statement's principals are", () => {
    const audience = (statement: Record<string, unknown>) => audienceOf(statementsOf(readPolicyDocument(doc([{ Effect: "Allow", Action: "s3:GetObject", ...statement }])))[0]);
    it.each([
        [{ Principal: "*" }, { anyone: true, others: false, incomplete: false }],
        [{ Principal: { AWS: "*" } }, { anyone: true, others: false, incomplete: false }],
        [{ Principal: { CanonicalUser: "*" } }, { anyone: true, others: false, incomplete: false }],
        [{ Principal: { AWS: "arn:aws:iam::*:root" } }, { anyone: true, others: false, incomplete: false }],
        [{ NotPrincipal: { AWS: "arn:aws:iam::111122223333:role/a" } }, { anyone: true, others: false, incomplete: false }],
        [{ Principal: { AWS: ["arn:aws:iam::111122223333:root", "444455556666"] } }, { anyone: false, others: false, incomplete: false }],
        [{ Principal: { AWS: "arn:aws:iam::111122223333:role/a" } }, { anyone: false, others: true, incomplete: false }],
        [{ Principal: { Service: "sns.amazonaws.com" } }, { anyone: false, others: true, incomplete: false }],
        [{ Principal: { AWS: ["arn:aws:iam::111122223333:root", U.string] } }, { anyone: false, others: false, incomplete: true }],
    ])("%j", (statement, expected) => {
        expect(audience(statement)).toEqual(expected);
    });

    it("messages say how a statement is open to anyone, showing a principal only when it is an ARN or an account id", () => {
        const clause = (statement: Record<string, unknown>) => anyoneClause(statementsOf(readPolicyDocument(doc([{ Effect: "Allow", Action: "s3:GetObject", ...statement }])))[0]);
        expect(clause({ Principal: "*" })).toBe('allows any principal (Principal "*")');
        expect(clause({ Principal: { AWS: ["arn:aws:iam::111122223333:role/a", "*"] } })).toBe('allows any principal (Principal "*")');
        expect(clause({ NotPrincipal: { AWS: "arn:aws:iam::111122223333:role/a" } })).toBe("allows every principal but those in NotPrincipal");
        expect(clause({ Principal: { AWS: "arn:aws:iam::*:root" } })).toMatch(/^names principal "arn:aws:iam::\*:root", read as any principal \(IAM rejects a wildcard inside/);
        expect(clause({ Principal: { AWS: "1111*" } })).toMatch(/^names principal "1111\*", /);
        const odd = clause({ Principal: { AWS: "hunter2 *secret" } });
        expect(odd).toMatch(/^names a principal with a wildcard inside, /);
        assertNotShown(odd, ["hunter2"], "the clause");
    });
});

describe("conditions that pin the caller", () => {
    const test = (operator: string, key: string, ...values: string[]): ConditionTest => ({ operator, key, values: { values, incomplete: false } });
    const pinning: ConditionTest[] = [
        test("StringEquals", "aws:SourceAccount", "111122223333"),
        test("StringEquals", "AWS:SourceOwner", "111122223333"),
        test("StringEqualsIgnoreCase", "aws:principalaccount", "111122223333"),
        test("StringLike", "aws:PrincipalOrgID", "o-a1b2c3d4e5"),
        test("ForAnyValue:StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"),
        test("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-a1b2c3d4e5/r-ab12/*"),
        test("StringEquals", "aws:SourceOrgID", "o-a1b2c3d4e5"),
        test("ArnLike", "aws:SourceArn", "arn:aws:sns:*:111122223333:*"),
        test("ArnEquals", "aws:SourceArn", "arn:aws:s3:::shop-uploads"),
        test("StringEquals", "aws:SourceArn", "arn:aws:cloudfront::111122223333:distribution/E1"),
        test("ArnLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/*"),
        test("StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d", "vpce-2b3c4d5e"),
        test("StringEquals", "aws:SourceVpc", "vpc-111bbb22"),
        test("IpAddress", "aws:SourceIp", "203.0.113.0/24", "198.51.100.7", "2001:db8::/32"),
        test("StringEquals", "kms:CallerAccount", "111122223333"),
        test("StringEquals", "s3:DataAccessPointAccount", "111122223333"),
        // AWS's blog pattern: one role's sessions and the account's root (S3: a fixed aws:userid is not public).
        test("StringLike", "aws:userid", "AROAEXAMPLEID:*", "111122223333"),
        test("StringEquals", "aws:userid", "AIDAJQABLZS4A3QDU576Q"),
        // The network-perimeter keys of August 2025: requests through VPC endpoints owned by an account, an organization or its OUs.
        test("StringEquals", "aws:VpceAccount", "111122223333"),
        test("StringEquals", "aws:VpceOrgID", "o-a1b2c3d4e5"),
        test("ForAnyValue:StringLike", "aws:VpceOrgPaths", "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"),
        test("ArnEquals", "aws:SourceVpcArn", "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0a1b2c3d4e5f60001"),
        // S3's "meaning of public": a fixed KMS key for SSE-KMS uploads admits only callers that key's policy lets use it.
        test("StringEquals", "s3:x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        // Variables AWS fills from the resource's own account or organization (IAM Identity Center's baseline key policy).
        test("StringEquals", "aws:PrincipalOrgID", "${aws:ResourceOrgID}"),
        test("StringEquals", "aws:SourceOrgID", "${aws:resourceorgid}"),
        test("StringEquals", "aws:PrincipalAccount", "${aws:ResourceAccount}"),
        test("StringEquals", "kms:CallerAccount", "${aws:ResourceAccount}"),
    ];
    it.each(pinning.map((t) => [`${t.operator} ${t.key} ${t.values.values.join(",")}`, t] as const))("%s pins", (_label, t) => {
        expect(isPinningTest(t)).toBe(true);
    });
    const open: ConditionTest[] = [
        test("ForAllValues:StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"),
        test("StringEqualsIfExists", "aws:SourceAccount", "111122223333"),
        test("ForAnyValue:StringEqualsIfExists", "aws:SourceAccount", "111122223333"),
        test("StringNotEquals", "aws:SourceAccount", "111122223333"),
        test("Null", "aws:SourceArn", "false"),
        test("stringequals", "aws:SourceAccount", "111122223333"),
        test("StringEquals", "aws:ResourceAccount", "111122223333"),
        test("StringEquals", "aws:SourceAccount", "111122223333", "*"),
        test("StringLike", "aws:SourceAccount", "1111????3333"),
        test("StringEquals", "aws:SourceAccount", "${aws:PrincipalAccount}"),
        // The caller's own organization, or a resource variable of the wrong kind, pins nothing.
        test("StringEquals", "aws:PrincipalOrgID", "${aws:PrincipalOrgID}"),
        test("StringEquals", "aws:PrincipalAccount", "${aws:ResourceOrgID}"),
        test("StringEquals", "aws:PrincipalOrgID", "${aws:ResourceAccount}"),
        test("StringLike", "aws:PrincipalOrgPaths", "${aws:ResourceOrgPaths}"),
        test("StringEquals", "aws:PrincipalAccount", "${aws:ResourceAccount}-x"),
        test("StringEquals", "aws:SourceAccount", ""),
        test("StringEquals", "aws:SourceAccount"),
        test("StringLike", "aws:PrincipalOrgPaths", "o-*"),
        test("ArnLike", "aws:SourceArn", "arn:aws:sns:eu-west-1:*:topic"),
        test("ArnLike", "aws:SourceArn", "arn:aws:s3:::*"),
        test("ArnLike", "aws:SourceArn", "*"),
        test("ArnEquals", "aws:SourceAccount", "111122223333"),
        test("StringEquals", "aws:SourceIp", "203.0.113.0/24"),
        test("IpAddress", "aws:SourceIp", "0.0.0.0/0"),
        test("IpAddress", "aws:SourceIp", "203.0.113.0/24", "10.0.0.0/7"),
        test("IpAddress", "aws:SourceIp", "::/0"),
        test("IpAddress", "aws:SourceIp", "300.0.0.0/24"),
        test("StringLike", "aws:userid", "*:alice"),
        test("StringLike", "aws:userid", "AROA*"),
        test("StringEquals", "aws:userid", "anonymous"),
        test("StringLike", "aws:VpceAccount", "*"),
        test("StringLike", "aws:VpceOrgPaths", "o-*"),
        test("ArnLike", "aws:SourceVpcArn", "arn:aws:ec2:*:*:vpc/*"),
        // A private address says nothing of whose VPC it is in: every account has a 10.0.0.0/8.
        test("IpAddress", "aws:VpcSourceIp", "10.0.0.0/16"),
        test("StringLike", "s3:x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:*:*:key/*"),
        test("StringEquals", "s3:x-amz-server-side-encryption", "aws:kms"),
    ];
    it.each(open.map((t) => [`${t.operator} ${t.key} ${JSON.stringify(t.values.values)}`, t] as const))("%s does not pin", (_label, t) => {
        expect(isPinningTest(t)).toBe(false);
    });
    it("an unknown value does not pin (the caller skips the verdict)", () => {
        expect(isPinningTest({ operator: "StringEquals", key: "aws:SourceAccount", values: { values: [], incomplete: true } })).toBe(false);
    });

    it.each<[ConditionTest, boolean | undefined]>([
        [test("StringNotEquals", "aws:SourceVpce", "vpce-1"), true],
        [test("StringNotEqualsIfExists", "aws:SourceVpce", "vpce-1"), true],
        [test("ForAllValues:StringNotEquals", "aws:SourceVpce", "vpce-1"), true],
        [test("ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/*"), true],
        [test("NotIpAddress", "aws:SourceIp", "203.0.113.0/24"), true],
        [test("ForAnyValue:StringNotEquals", "aws:SourceVpce", "vpce-1"), false],
        [test("StringEquals", "aws:SourceVpce", "vpce-1"), false],
        [test("StringNotEquals", "aws:SourceVpce", "vpce-*"), false],
        [test("Bool", "aws:SecureTransport", "false"), false],
        // AWS's data perimeter: deny callers outside the resource's own organization.
        [test("StringNotEqualsIfExists", "aws:PrincipalOrgID", "${aws:ResourceOrgID}"), true],
        [{ operator: "StringNotEquals", key: "aws:SourceVpce", values: { values: [], incomplete: true } }, undefined],
    ])("negated in a Deny: %j → %s", (t, expected) => {
        expect(negatedPinningTest(t)).toBe(expected);
    });

    it.each([
        ["arn:aws:sqs:eu-west-1:111122223333:q", true], ["arn:aws-us-gov:sns:*:111122223333:*", true], ["arn:aws:s3:::bucket/*", true],
        ["arn:aws:s3:::bucket", true], ["arn:aws:s3:::buck*", false], ["arn:aws:sns:eu-west-1:*:t", false], ["arn:aws:sns:eu-west-1:1111:t", false],
        ["arn:aws:s3:::", false], ["arn:aws:sqs", false], ["nope:aws:s3:::b", false],
        // AWS's S3 notification examples write a bucket with wildcard region and account: still that one bucket.
        ["arn:aws:s3:*:*:shop-uploads", true], ["arn:aws:s3:*:*:*", false], ["arn:aws:s3:*:*:shop-*", false], ["arn:aws:s3:*:*:accesspoint/*", false],
        ["arn:aws:s3:*:111122223333:accesspoint/uploads", true],
        // Accountless ARNs of other services: a whole concrete resource, not a resource type of every account.
        ["arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ", true], ["arn:aws:route53:::hostedzone/*", false], ["arn:aws:route53:::healthcheck/*", false],
        ["arn:aws:ssm:*::document/*", false],
    ] as const)("isAccountPinnedArn(%j) → %s", (arn, expected) => {
        expect(isAccountPinnedArn(arn)).toBe(expected);
    });

    it("access-point delegation is a pin on s3:DataAccessPointAccount or s3:DataAccessPointArn", () => {
        const conditions = (t: ConditionTest) => ({ tests: [t], incomplete: false });
        expect(delegatesToAccessPoints(conditions(test("StringEquals", "s3:DataAccessPointAccount", "111122223333")))).toBe(true);
        expect(delegatesToAccessPoints(conditions(test("ArnLike", "s3:dataaccesspointarn", "arn:aws:s3:eu-west-1:111122223333:accesspoint/*")))).toBe(true);
        expect(delegatesToAccessPoints(conditions(test("StringEquals", "aws:SourceAccount", "111122223333")))).toBe(false);
        expect(delegatesToAccessPoints(conditions(test("StringLike", "s3:DataAccessPointAccount", "*")))).toBe(false);
    });
});

describe("Deny statements that fence an Allow", () => {
    const read = (...statements: unknown[]) => statementsOf(readPolicyDocument(doc(statements)));
    const allow = { Effect: "Allow", Principal: "*", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::b/*" };
    const vpce = { StringNotEquals: { "aws:SourceVpce": "vpce-1" } };
    const fence = (deny: Record<string, unknown>) => {
        const [a, d] = read(allow, { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: vpce, ...deny });
        return fencedByDenies([a, d], a);
    };
    it.each([
        ["a Deny of s3:* on * unless the VPC endpoint", {}, true],
        ["{AWS: *}", { Principal: { AWS: "*" } }, true],
        ["the same actions and resource", { Action: ["S3:GetObject", "s3:putobject"], Resource: "arn:aws:s3:::b/*" }, true],
        ["a resource prefix", { Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] }, true],
        ["Action *", { Action: "*" }, true],
        ["an Allow", { Effect: "Allow" }, false],
        ["named principals", { Principal: { AWS: "arn:aws:iam::111122223333:role/a" } }, false],
        // With Deny, NotPrincipal denies "all principals except for the ones specified" (IAM User Guide).
        ["NotPrincipal sparing a role", { Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:role/a" } }, true],
        ["NotPrincipal sparing a role, without condition", { Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:role/a" }, Condition: undefined }, true],
        ["NotPrincipal sparing an account and a canonical user", { Principal: undefined, NotPrincipal: { AWS: "111122223333", CanonicalUser: "79a59df900b949e55d96a1e698fbaced" } }, true],
        ["NotPrincipal sparing a service (it acts for every account)", { Principal: undefined, NotPrincipal: { Service: "cloudtrail.amazonaws.com" } }, false],
        ["NotPrincipal sparing a federated provider", { Principal: undefined, NotPrincipal: { Federated: "cognito-identity.amazonaws.com" } }, false],
        ["NotPrincipal sparing everyone", { Principal: undefined, NotPrincipal: { AWS: "*" } }, false],
        ["NotPrincipal sparing a role, with another test", { Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:role/a" }, Condition: { Bool: { "aws:SecureTransport": "false" } } }, false],
        ["NotPrincipal unknown at preview", { Principal: undefined, NotPrincipal: U.object }, undefined],
        ["fewer actions", { Action: "s3:GetObject" }, false],
        ["NotAction", { Action: undefined, NotAction: "s3:GetObject" }, false],
        ["another resource", { Resource: "arn:aws:s3:::other/*" }, false],
        ["resources matched by a pattern other than a prefix", { Resource: "arn:aws:s3:::*/x" }, false],
        ["NotResource", { Resource: undefined, NotResource: "arn:aws:s3:::b/private/*" }, false],
        ["no condition", { Condition: undefined }, false],
        ["another test beside the pin", { Condition: { ...vpce, Bool: { "aws:SecureTransport": "false" } } }, false],
        ["a positive test", { Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }, false],
        ["an unknown Effect", { Effect: U.string }, undefined],
        ["an unknown principal", { Principal: U.object }, undefined],
        ["unknown actions", { Action: U.array }, undefined],
        ["an unknown condition block", { Condition: { ...vpce, Bool: U.object } }, undefined],
        ["an unknown condition value", { Condition: { StringNotEquals: { "aws:SourceVpce": U.string } } }, undefined],
        ["an unknown condition, but another resource", { Condition: U.object, Resource: "arn:aws:s3:::other/*" }, false],
    ] as const)("%s → %s", (_label, deny, expected) => {
        expect(fence(deny as Record<string, unknown>)).toBe(expected);
    });

    // AWS's data perimeter: an identity perimeter sparing services, and a confused-deputy perimeter for them.
    const IDENTITY = { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } };
    const DEPUTY = { StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5" }, Bool: { "aws:PrincipalIsAWSService": "true" } };
    // The confused-deputy perimeter as AWS's resource control policy writes it: only where aws:SourceAccount is present.
    const DEPUTY_WITH_SOURCE = { ...DEPUTY, Null: { "aws:SourceAccount": "false" } };
    const EXCLUDED = { "aws:ResourceTag/dp:exclude:identity": "true" };
    const RCP_IDENTITY = { ...IDENTITY, StringNotEqualsIfExists: { ...IDENTITY.StringNotEqualsIfExists, ...EXCLUDED } };
    const RCP_DEPUTY = { ...DEPUTY_WITH_SOURCE, StringNotEqualsIfExists: { ...DEPUTY.StringNotEqualsIfExists, ...EXCLUDED } };
    const perimeter = (callers: "everyone" | "services", ...conditions: unknown[]) => {
        const [a, ...denies] = read(allow, ...conditions.map((Condition) => ({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition })));
        return [denies.map((d) => fencedByDenies([a, d], a, callers)), fencedByDenies([a, ...denies], a, callers)];
    };
    it.each([
        ["the identity and confused-deputy perimeters together", [IDENTITY, DEPUTY], [false, false], true],
        ["the identity perimeter alone spares services of every account", [IDENTITY], [false], false],
        ["the confused-deputy perimeter alone spares principals of every account", [DEPUTY], [false], false],
        ["the identity perimeter and a Deny of every service", [IDENTITY, { Bool: { "aws:PrincipalIsAWSService": "true" } }], [false, false], true],
        ["Bool false leaves anonymous callers (no key) to a Deny with IfExists", [{ StringNotEqualsIfExists: IDENTITY.StringNotEqualsIfExists, Bool: { "aws:PrincipalIsAWSService": "false" } }, DEPUTY], [false, false], false],
        // aws:SourceAccount is present only when a service acts for a resource: AWS's data perimeter RCP denies there.
        ["the confused-deputy perimeter only where aws:SourceAccount is present (Null false), with the identity perimeter", [IDENTITY, DEPUTY_WITH_SOURCE], [false, false], true],
        ["the same without the aws:PrincipalIsAWSService test (only services carry aws:SourceAccount)", [IDENTITY, { StringNotEqualsIfExists: { "aws:SourceAccount": "111122223333" }, Null: { "aws:SourceAccount": "false" } }], [false, false], true],
        ["the confused-deputy perimeter with Null false alone spares principals of every account", [DEPUTY_WITH_SOURCE], [false], false],
        ["Null aws:SourceAccount true denies only services without a source", [IDENTITY, { ...DEPUTY, Null: { "aws:SourceAccount": "true" } }], [false, false], false],
        ["Null aws:SourceOrgID false spares sources outside any organization", [IDENTITY, { ...DEPUTY, Null: { "aws:SourceOrgID": "false" } }], [false, false], false],
        ["Null aws:SourceArn false spares services that set only aws:SourceAccount", [IDENTITY, { ...DEPUTY, Null: { "aws:SourceArn": "false" } }], [false, false], false],
        ["one Deny unless the VPC endpoint fences alone", [vpce], [true], true],
        ["a perimeter whose organization is unknown at preview", [IDENTITY, { ...DEPUTY, StringNotEqualsIfExists: { "aws:SourceOrgID": U.string } }], [false, false], undefined],
        ["a perimeter whose aws:PrincipalIsAWSService value is unknown at preview", [IDENTITY, { ...DEPUTY, Bool: { "aws:PrincipalIsAWSService": U.string } }], [false, undefined], undefined],
        ["the identity perimeter alone, beside a Deny whose aws:PrincipalIsAWSService value is unknown", [IDENTITY, { Bool: { "aws:PrincipalIsAWSService": U.string } }], [false, undefined], undefined],
        ["a perimeter whose Null aws:SourceAccount value is unknown at preview", [IDENTITY, { ...DEPUTY, Null: { "aws:SourceAccount": U.string } }], [false, undefined], undefined],
        ["a perimeter whose organization is unknown, only where aws:SourceAccount is present", [IDENTITY, { ...DEPUTY_WITH_SOURCE, StringNotEqualsIfExists: { "aws:SourceOrgID": U.string } }], [false, false], undefined],
        // AWS's identity_perimeter_rcp.json excepts resources tagged dp:exclude:identity: only the owner tags its resource, and
        // a caller the Deny reaches cannot (the Deny covers what the Allow grants). A principal's or a request's tag is the caller's.
        ["both perimeters excepting resources tagged dp:exclude:identity (AWS's RCP)", [RCP_IDENTITY, RCP_DEPUTY], [false, false], true],
        ["the RCP's identity perimeter alone spares services of every account", [RCP_IDENTITY], [false], false],
        ["a Deny of everyone but resources tagged so", [{ StringNotEqualsIfExists: EXCLUDED }], [true], true],
        ["StringNotLike aws:ResourceTag without IfExists", [{ StringNotLike: { "aws:ResourceTag/dp:exclude:identity": "t*" }, ...vpce }], [true], true],
        ["both perimeters excepting principals tagged dp:exclude:identity (any account tags its own)", [{ ...IDENTITY, StringNotEqualsIfExists: { ...IDENTITY.StringNotEqualsIfExists, "aws:PrincipalTag/dp:exclude:identity": "true" } }, DEPUTY], [false, false], false],
        ["a perimeter excepting requests tagged so", [{ ...IDENTITY, StringNotEqualsIfExists: { ...IDENTITY.StringNotEqualsIfExists, "aws:RequestTag/dp:exclude": "true" } }, DEPUTY], [false, false], false],
        ["a Deny reaching only resources tagged dp:include (StringEquals)", [{ ...vpce, StringEquals: { "aws:ResourceTag/dp:include": "true" } }], [false], false],
        ["a Deny reaching only resources carrying a tag (Null false)", [{ ...vpce, Null: { "aws:ResourceTag/dp:include": "false" } }], [false], false],
        // Any value would do; an unknown one waits, as every unknown in a Deny's condition does.
        ["both RCP perimeters whose resource-tag value is unknown at preview", [
            { ...RCP_IDENTITY, StringNotEqualsIfExists: { ...IDENTITY.StringNotEqualsIfExists, "aws:ResourceTag/dp:exclude:identity": U.string } }, RCP_DEPUTY], [false, false], undefined],
        ["both RCP perimeters whose organization is unknown at preview", [
            { ...RCP_IDENTITY, StringNotEqualsIfExists: { ...RCP_IDENTITY.StringNotEqualsIfExists, "aws:PrincipalOrgID": U.string } }, RCP_DEPUTY], [false, false], undefined],
        ["the ec2-infrastructure role of every account spared by the identity perimeter", [{ ...IDENTITY, ArnNotLikeIfExists: { "aws:PrincipalArn": "arn:aws:iam::*:role/aws:ec2-infrastructure" } }, DEPUTY], [false, false], false],
    ] as const)("%s", (_label, conditions, single, expected) => {
        expect(perimeter("everyone", ...conditions)).toEqual([single, expected]);
    });

    // Where the stack shows the guarded resource's tags: one carrying a value the exception names is skipped by the Deny.
    const tagged = (tags: Record<string, unknown>, ...conditions: unknown[]) => {
        const [a, ...denies] = read(allow, ...conditions.map((Condition) => ({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition })));
        return fencedByDenies([a, ...denies], a, "everyone", tagsOf({ tags }));
    };
    it.each([
        ["the resource carries the tag AWS's RCP excepts", { "dp:exclude:identity": "true" }, [RCP_IDENTITY, RCP_DEPUTY], false],
        ["its key in another case (IAM compares tag keys ignoring case)", { "DP:Exclude:Identity": "true" }, [RCP_IDENTITY, RCP_DEPUTY], false],
        ["another value", { "dp:exclude:identity": "false" }, [RCP_IDENTITY, RCP_DEPUTY], true],
        ["the value in another case, StringNotEquals (case-sensitive)", { "dp:exclude:identity": "TRUE" }, [RCP_IDENTITY, RCP_DEPUTY], true],
        ["the value in another case, StringNotEqualsIgnoreCase", { "dp:exclude:identity": "TRUE" }, [{ StringNotEqualsIgnoreCase: EXCLUDED }], false],
        ["a value StringNotLike's pattern matches", { "dp:exclude:identity": "team-a" }, [{ StringNotLike: { "aws:ResourceTag/dp:exclude:identity": "team-*" }, ...vpce }], false],
        ["a value it does not match", { "dp:exclude:identity": "ops" }, [{ StringNotLike: { "aws:ResourceTag/dp:exclude:identity": "team-*" }, ...vpce }], true],
        ["no such tag (IfExists: the Deny applies)", { team: "shop" }, [RCP_IDENTITY, RCP_DEPUTY], true],
        ["no tags at all", {}, [RCP_IDENTITY, RCP_DEPUTY], true],
        ["the tag's value unknown at preview", { "dp:exclude:identity": U.string }, [RCP_IDENTITY, RCP_DEPUTY], undefined],
        ["the tag carried, the exception's value unknown at preview", { "dp:exclude:identity": "true" },
            [{ ...RCP_IDENTITY, StringNotEqualsIfExists: { ...IDENTITY.StringNotEqualsIfExists, "aws:ResourceTag/dp:exclude:identity": U.string } }, DEPUTY], undefined],
        // The confused-deputy Deny skips the tagged resource: services of every account pass, whatever the other says.
        ["the tag carried, the identity exception's value unknown, the deputy's known", { "dp:exclude:identity": "true" },
            [{ ...RCP_IDENTITY, StringNotEqualsIfExists: { ...IDENTITY.StringNotEqualsIfExists, "aws:ResourceTag/dp:exclude:identity": U.string } }, RCP_DEPUTY], false],
        ["the tag carried, a Deny without the exception", { "dp:exclude:identity": "true" }, [IDENTITY, DEPUTY], true],
        ["the tag carried, only one of the two Denies excepts it", { "dp:exclude:identity": "true" }, [IDENTITY, RCP_DEPUTY], false],
    ] as const)("with the resource's tags: %s", (_label, tags, conditions, expected) => {
        expect(tagged(tags, ...conditions)).toBe(expected);
    });
    it("reads tags as the providers send them: a map, aws-native's list, tagsAll beside tags, unknowns at preview", () => {
        expect(tagsOf({ tags: [{ key: "a", value: "1" }, { key: "B", value: "2" }] })("b")).toBe("2");
        expect(tagsOf({ tags: [{ key: "a", value: "1" }] })("b")).toBe(undefined);
        expect(tagsOf({ tags: [{ key: "a", value: "1" }, U.object] })("b")).toBe(U.object);
        expect(tagsOf({ tags: [{ key: U.string, value: "1" }] })("b")).toBe(U.string);
        expect(tagsOf({ tags: U.object })("b")).toBe(U.object);
        expect(tagsOf({ tags: { b: "own" }, tagsAll: { b: "default" } })("b")).toBe("own");
        expect(tagsOf({ tags: { a: "1" }, tagsAll: { a: "1", b: "default" } })("b")).toBe("default");
        expect(tagsOf({ tags: { a: "1" }, tagsAll: U.object })("b")).toBe(U.object);
        expect(tagsOf({})("b")).toBe(undefined);
        // The resource part's view: what the program declared, never the provider's defaults.
        expect(declaredTagsOf({ tags: { a: "1" }, tagsAll: { a: "1", b: "default" } })("b")).toBe(undefined);
        expect(declaredTagsOf({ tags: { b: "own" } })("B")).toBe("own");
        expect(tagsOfAny([{ props: { tags: { b: "1" } } }, { props: { tags: { b: "1" } } }])("b")).toBe("1");
        expect(tagsOfAny([{ props: { tags: { b: "1" } } }, { props: { tags: {} } }])("b")).toBe(U.string);
        expect(tagsOfAny([], true)("b")).toBe(undefined);
        expect(tagsOfAny([{ props: { tags: { b: "1" } } }], true)("b")).toBe(U.string);
    });

    // The stack parts re-judge only documents whose Deny excepts resources by tag: which ones they may skip unparsed.
    it("tells which documents hold a Deny excepting resources by tag, before and after parsing", () => {
        const statements = (doc: unknown) => { const r = readPolicyDocument(doc); return r.kind === "document" ? r.statements : []; };
        const deny = (operator: string, key: string) => ({ Version: "2012-10-17", Statement: [
            { Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" },
            { Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: "*", Condition: { [operator]: { [key]: "true" } } }] });
        expect(exceptsResourceTags(statements(deny("StringNotEqualsIfExists", "aws:ResourceTag/dp:exclude:identity")))).toBe(true);
        expect(exceptsResourceTags(statements(deny("StringNotEquals", "AWS:RESOURCETAG/Owner")))).toBe(true);
        // A matching operator narrows the Deny to tagged resources; a principal's tag is the caller's own.
        expect(exceptsResourceTags(statements(deny("StringEquals", "aws:ResourceTag/dp:exclude:identity")))).toBe(false);
        expect(exceptsResourceTags(statements(deny("StringNotEqualsIfExists", "aws:PrincipalTag/dp:exclude:identity")))).toBe(false);
        expect(mayExceptResourceTags(JSON.stringify(deny("StringNotEqualsIfExists", "aws:ResourceTag/dp:exclude:identity")))).toBe(true);
        expect(mayExceptResourceTags(JSON.stringify(deny("StringNotEqualsIfExists", "aws:PrincipalTag/dp:exclude:identity")))).toBe(false);
        // Objects and values unknown at preview are parsed: they may hold one.
        expect(mayExceptResourceTags(deny("StringNotEquals", "aws:PrincipalOrgID"))).toBe(true);
        expect(mayExceptResourceTags(U.string)).toBe(true);
    });

    // An Allow naming only services (a CloudFront origin access control, S3 notifications): a Deny need fence only them.
    it.each([
        ["the confused-deputy perimeter", [DEPUTY], [true], true],
        ["the confused-deputy perimeter only where aws:SourceAccount is present", [DEPUTY_WITH_SOURCE], [true], true],
        ["the identity perimeter spares them", [IDENTITY], [false], false],
        ["Null aws:SourceAccount true spares services acting for a resource", [{ ...DEPUTY, Null: { "aws:SourceAccount": "true" } }], [false], false],
        ["a Null aws:SourceAccount value unknown at preview", [{ ...DEPUTY, Null: { "aws:SourceAccount": U.string } }], [undefined], undefined],
    ] as const)("for services only: %s", (_label, conditions, single, expected) => {
        expect(perimeter("services", ...conditions)).toEqual([single, expected]);
    });

    it("a Deny naming the Allow's services (not every principal) fences them alone", () => {
        const service = { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*" };
        const denyOf = (principal: unknown) => ({ Effect: "Deny", Principal: principal, Action: "sqs:*", Resource: "*", Condition: { StringNotEquals: { "aws:SourceAccount": "111122223333" } } });
        const fenced = (allowed: unknown, principal: unknown, callers: "everyone" | "services") => {
            const [a, d] = read(allowed, denyOf(principal));
            return fencedByDenies([a, d], a, callers);
        };
        expect(fenced(service, { Service: "S3.amazonaws.com" }, "services")).toBe(true);
        expect(fenced(service, { Service: ["sns.amazonaws.com", "s3.amazonaws.com"] }, "services")).toBe(true);
        expect(fenced(service, { Service: "sns.amazonaws.com" }, "services")).toBe(false);
        expect(fenced({ ...service, Principal: { Service: ["s3.amazonaws.com", "sns.amazonaws.com"] } }, { Service: "s3.amazonaws.com" }, "services")).toBe(false);
        expect(fenced(service, { Service: U.string }, "services")).toBe(undefined);
        // Everyone else is not denied: an Allow for anyone stays open.
        expect(fenced({ ...service, Principal: "*" }, { Service: "s3.amazonaws.com" }, "everyone")).toBe(false);
    });

    it("an Allow with unknown actions is fenced by a Deny of every action, maybe by another", () => {
        const [a, all, some] = read({ ...allow, Action: U.array }, { Effect: "Deny", Principal: "*", Action: "*", Resource: "*", Condition: vpce },
            { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: vpce });
        expect(fencedByDenies([a, all], a)).toBe(true);
        expect(fencedByDenies([a, some], a)).toBe(undefined);
    });
});
