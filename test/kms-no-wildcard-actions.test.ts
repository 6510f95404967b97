import * as path from "path";
import { describe, expect, it } from "vitest";
import { loadInputFile } from "../cli/inputs";
import { findKeyPolicyWildcards, KEY_POLICY_TYPES } from "../policies/kms-no-wildcard-actions";
import { isAccountRoot, KEY_USE_WILDCARDS } from "../policies/lib/policy-document";
import { PlainResource } from "../policies/lib/rule";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { FIXTURES, useEngine } from "./helpers/engine";
import { resource } from "./helpers/resources";

const POLICY = "kms-no-wildcard-actions";
const U = UNKNOWN_SENTINELS;
const V = "2012-10-17";
const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/orders-fn-role`;

const key = (type: string, props: Record<string, unknown>): PlainResource => resource(type, props, { name: "k" });

function doc(statement: unknown): Record<string, unknown> {
    return { Version: V, Statement: statement };
}

const grant = (principal: unknown, action: unknown, extra: Record<string, unknown> = {}) =>
    ({ Effect: "Allow", Principal: principal, Action: action, Resource: "*", ...extra });
const ENABLE_IAM = { Sid: "Enable IAM User Permissions", ...grant({ AWS: ROOT }, "kms:*") };
const isUnknownInput = (value: unknown) => typeof value === "object" && value !== null && "$unknown" in value;
const pinned = (operator: string, key: string, value: unknown) => ({ Condition: { [operator]: { [key]: value } } });

function check(type: string, props: Record<string, unknown>, allowedActions: string[] = []): string[] {
    return findKeyPolicyWildcards(key(type, props), { allowedActions }).map((f) => f.message);
}

// What a finding says after `<type> "k": policy <statement> `, up to the first period.
const WILDCARD = (actions: string) => `grants wildcard actions ${actions} to principals other than the account root`;
const ANYONE = 'allows any principal (Principal "*") without a condition pinning the caller';
const ANYONE_BUT = 'allows every principal but those in NotPrincipal without a condition pinning the caller';
const ANYONE_INSIDE = (principal: string) => `names principal "${principal}", read as any principal (IAM rejects a wildcard inside a principal: only the whole principal may be "*"), without a condition pinning the caller`;
const NOT_ACTION = "allows NotAction, which grants every key action except those listed, to principals other than the account root";

describe("findKeyPolicyWildcards (pure rule): statements, as object and as JSON string", () => {
    // [label, statements, allowedActions, expected: [statement label, what]]
    const cases: [string, unknown[], string[], [string, string][]][] = [
        ["the default root statement", [ENABLE_IAM], [], []],
        ["root as a bare account id", [grant({ AWS: ACCOUNT }, "kms:*")], [], []],
        ["root in several forms", [grant({ AWS: [ROOT, ACCOUNT] }, ["kms:*", "*"])], [], []],
        ["root in another partition", [grant({ AWS: "arn:aws-us-gov:iam::111122223333:root" }, "kms:*")], [], []],
        ["root NotAction", [{ Effect: "Allow", Principal: { AWS: ROOT }, NotAction: "kms:ScheduleKeyDeletion", Resource: "*" }], [], []],
        ["a role granted kms:*", [ENABLE_IAM, grant({ AWS: ROLE }, "kms:*", { Sid: "Role" })], [], [['statement "Role"', WILDCARD('"kms:*"')]]],
        ["a role next to root", [grant({ AWS: [ROOT, ROLE] }, "kms:*")], [], [["Statement[0]", WILDCARD('"kms:*"')]]],
        ["a role granted *", [grant({ AWS: [ROLE] }, "*")], [], [["Statement[0]", WILDCARD('"*"')]]],
        ["a user that looks like root", [grant({ AWS: `arn:aws:iam::${ACCOUNT}:user/root` }, "kms:*")], [], [["Statement[0]", WILDCARD('"kms:*"')]]],
        ["key administrators", [grant({ AWS: ROLE }, ["kms:Create*", "kms:Describe*", "kms:ScheduleKeyDeletion"])], [],
            [["Statement[0]", WILDCARD('"kms:Create*", "kms:Describe*"')]]],
        ["a service principal", [grant({ Service: "logs.eu-west-1.amazonaws.com" }, ["kms:Encrypt*", "kms:GenerateDataKey*"])], [],
            [["Statement[0]", WILDCARD('"kms:Encrypt*", "kms:GenerateDataKey*"')]]],
        ["named actions for a role", [ENABLE_IAM, grant({ AWS: ROLE }, ["kms:Decrypt", "kms:GenerateDataKey"])], [], []],
        ["allowedActions accepts a pattern", [grant({ AWS: ROLE }, ["kms:Describe*", "kms:List*"])], ["KMS:describe*"],
            [["Statement[0]", WILDCARD('"kms:List*"')]]],
        ["allowedActions accepts all", [grant({ AWS: ROLE }, ["kms:Describe*", "kms:List*"])], ["kms:*"], []],
        ["NotAction for a role", [{ Effect: "Allow", Principal: { AWS: ROLE }, NotAction: "kms:ScheduleKeyDeletion", Resource: "*" }], ["*"],
            [["Statement[0]", NOT_ACTION]]],
        ["Principal * without condition", [ENABLE_IAM, grant("*", ["kms:Decrypt"], { Sid: "Anyone" })], [], [['statement "Anyone"', ANYONE]]],
        ['{"AWS": "*"} with kms:*', [grant({ AWS: "*" }, "kms:*")], [], [["Statement[0]", WILDCARD('"kms:*"')], ["Statement[0]", ANYONE]]],
        ["pinned by StringEquals kms:CallerAccount", [grant("*", "kms:Decrypt", pinned("StringEquals", "kms:CallerAccount", ACCOUNT))], [], []],
        ["pinned by StringEqualsIgnoreCase aws:PrincipalAccount", [grant({ AWS: "*" }, "kms:Decrypt", pinned("StringEqualsIgnoreCase", "aws:PrincipalAccount", [ACCOUNT]))], [], []],
        ["pinned by ForAnyValue:StringEquals aws:PrincipalOrgID", [grant("*", "kms:Decrypt", pinned("ForAnyValue:StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"))], [], []],
        // ForAllValues: is true when the key is absent (anonymous callers, callers outside any
        // organization): it pins nothing. Until issue 22 this policy accepted it.
        ["ForAllValues:StringEqualsIgnoreCase does not pin", [grant("*", "kms:Decrypt", pinned("ForAllValues:StringEqualsIgnoreCase", "aws:PrincipalOrgID", ["o-a1b2c3d4e5"]))], [],
            [["Statement[0]", ANYONE]]],
        ["ForAllValues:StringEquals on kms:CallerAccount does not pin", [grant({ AWS: "*" }, "kms:Decrypt", pinned("ForAllValues:StringEquals", "kms:CallerAccount", ACCOUNT))], [],
            [["Statement[0]", ANYONE]]],
        ["StringLike without a wildcard pins like StringEquals", [grant("*", "kms:Decrypt", pinned("StringLike", "aws:PrincipalOrgID", "o-a1b2c3d4e5"))], [], []],
        ["pinned by aws:SourceVpce (a VPC endpoint of the account)", [grant("*", "kms:Decrypt", pinned("StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d"))], [], []],
        ["pinned by ArnLike aws:PrincipalArn with a concrete account", [grant("*", "kms:Decrypt", pinned("ArnLike", "aws:PrincipalArn", `arn:aws:iam::${ACCOUNT}:role/*`))], [], []],
        ["ArnLike aws:PrincipalArn with any account does not pin", [grant("*", "kms:Decrypt", pinned("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/admin"))], [],
            [["Statement[0]", ANYONE]]],
        ["condition keys are case-insensitive", [grant("*", "kms:Decrypt", pinned("StringEquals", "AWS:PrincipalOrgId", "o-a1b2c3d4e5"))], [], []],
        ["pinned next to other conditions", [grant("*", "kms:Decrypt", { Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com", "kms:CallerAccount": ACCOUNT } } })], [], []],
        ["pinned, but kms:* is still a wildcard", [grant("*", "kms:*", pinned("StringEquals", "kms:CallerAccount", ACCOUNT))], [], [["Statement[0]", WILDCARD('"kms:*"')]]],
        ["StringLike does not pin", [grant("*", "kms:Decrypt", pinned("StringLike", "aws:PrincipalOrgID", "o-*"))], [], [["Statement[0]", ANYONE]]],
        ["...IfExists does not pin", [grant("*", "kms:Decrypt", pinned("StringEqualsIfExists", "kms:CallerAccount", ACCOUNT))], [], [["Statement[0]", ANYONE]]],
        ["StringNotEquals does not pin", [grant("*", "kms:Decrypt", pinned("StringNotEquals", "kms:CallerAccount", ACCOUNT))], [], [["Statement[0]", ANYONE]]],
        ["kms:ViaService alone does not pin", [grant("*", "kms:Decrypt", pinned("StringEquals", "kms:ViaService", "s3.eu-west-1.amazonaws.com"))], [], [["Statement[0]", ANYONE]]],
        ['"*" is not a concrete account', [grant("*", "kms:Decrypt", pinned("StringEquals", "kms:CallerAccount", "*"))], [], [["Statement[0]", ANYONE]]],
        ["a policy variable pins nothing", [grant("*", "kms:Decrypt", pinned("StringEquals", "kms:CallerAccount", "${aws:PrincipalAccount}"))], [], [["Statement[0]", ANYONE]]],
        ["an empty value pins nothing", [grant("*", "kms:Decrypt", pinned("StringEquals", "aws:PrincipalOrgID", ""))], [], [["Statement[0]", ANYONE]]],
        ["an empty list pins nothing", [grant("*", "kms:Decrypt", pinned("StringEquals", "aws:PrincipalOrgID", []))], [], [["Statement[0]", ANYONE]]],
        ["Allow with NotPrincipal", [{ Effect: "Allow", NotPrincipal: { AWS: ROLE }, Action: "kms:Decrypt", Resource: "*" }], [], [["Statement[0]", ANYONE_BUT]]],
        ["an account wildcard in a principal ARN", [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::*:root" }, Action: "kms:Decrypt", Resource: "*" }], [],
            [["Statement[0]", ANYONE_INSIDE("arn:aws:iam::*:root")]]],
        ["Deny is never a violation", [ENABLE_IAM, { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }], [], []],
        ["Deny NotPrincipal is fine", [{ Effect: "Deny", NotPrincipal: { AWS: ROOT }, Action: "kms:*", Resource: "*" }], [], []],
        // A Deny for everyone outside the account fences an Allow for anyone, as in resource policies
        // (lib/policy-document.ts fencedByDenies; run 14): StringNotEquals is true when the key is absent.
        ["Principal * fenced by a Deny on kms:CallerAccount", [ENABLE_IAM, grant("*", ["kms:Decrypt", "kms:DescribeKey"], { Sid: "Anyone" }),
            { Sid: "OnlyMyAccount", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", ...pinned("StringNotEquals", "kms:CallerAccount", ACCOUNT) }], [], []],
        ["Principal * fenced by a Deny outside the organization (IfExists)", [ENABLE_IAM, grant({ AWS: "*" }, "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: { AWS: "*" }, Action: ["kms:Decrypt"], Resource: "*", ...pinned("StringNotEqualsIfExists", "aws:PrincipalOrgID", "o-a1b2c3d4e5") }], [], []],
        ["Principal * fenced by a Deny sparing only the account (NotPrincipal)", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", NotPrincipal: { AWS: [ROOT, ROLE] }, Action: "kms:*", Resource: "*" }], [], []],
        ["a Deny on kms:CallerAccount for EBS only does not fence", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEquals: { "kms:CallerAccount": ACCOUNT }, StringEquals: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com" } } }], [],
            [['statement "Anyone"', ANYONE]]],
        // AWS's data perimeter key policy spares AWS services (BoolIfExists aws:PrincipalIsAWSService false): they act for every account.
        ["the data perimeter's identity Deny spares services of every account: no fence", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
                Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }], [],
            [['statement "Anyone"', ANYONE]]],
        ["the data perimeter's identity Deny with its confused-deputy Deny for services fences", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
                Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } },
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
                Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }], [], []],
        // AWS's resource control policy writes the confused-deputy Deny only where aws:SourceAccount is present
        // (Null false): a service carries it whenever it acts for a resource (data-perimeter-policy-examples).
        ["the data perimeter's identity Deny with its RCP confused-deputy Deny (Null aws:SourceAccount false) fences", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
                Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } },
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
                Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5" }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }], [], []],
        ["a confused-deputy Deny only where aws:SourceAccount is absent (Null true) does not fence", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
                Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } },
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
                Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5" }, Null: { "aws:SourceAccount": "true" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }], [],
            [['statement "Anyone"', ANYONE]]],
        // identity_perimeter_rcp.json excepts resources tagged dp:exclude:identity (only the key's owner tags it): still a fence.
        // Its network perimeter's exception for principals tagged dp:exclude:network is no fence: any account tags its own.
        ["AWS's RCP perimeters excepting keys tagged dp:exclude:identity fence", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: {
                StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5", "aws:ResourceTag/dp:exclude:identity": "true" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } },
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: {
                StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5", "aws:ResourceTag/dp:exclude:identity": "true" }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }], [], []],
        ["perimeters excepting principals tagged dp:exclude:identity do not fence", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: {
                StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5", "aws:PrincipalTag/dp:exclude:identity": "true" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } },
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: {
                StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5" }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } } }], [],
            [['statement "Anyone"', ANYONE]]],
        ["a Deny with a wildcard account does not fence", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", ...pinned("StringNotLike", "kms:CallerAccount", "*") }], [], [['statement "Anyone"', ANYONE]]],
        ["a Deny sparing a service does not fence", [ENABLE_IAM, grant("*", "kms:Decrypt", { Sid: "Anyone" }),
            { Effect: "Deny", NotPrincipal: { Service: "logs.eu-west-1.amazonaws.com" }, Action: "kms:*", Resource: "*" }], [], [['statement "Anyone"', ANYONE]]],
        ["a statement without Principal", [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }], [],
            [["Statement[0]", "names no Principal; every key policy statement must name one"]]],
        ["an empty Principal", [{ Effect: "Allow", Principal: {}, Action: "kms:*", Resource: "*" }], [],
            [["Statement[0]", "names no Principal; every key policy statement must name one"]]],
        ["a malformed statement", [ENABLE_IAM, { Sid: "Bad", Effect: "Allow", Principal: ROLE, Action: "kms:*" }], [],
            [['statement "Bad"', 'has a Principal that is a string; it must be "*" or an object such as {"AWS": [...]} or {"Service": ...}']]],
    ];
    for (const form of ["object", "string"] as const) {
        it.each(cases)(`${form}: %s`, (_label, statements, allowedActions, expected) => {
            const document = doc(statements);
            const messages = check(KEY, { policy: form === "object" ? document : JSON.stringify(document) }, allowedActions);
            expect(messages.map((m) => m.replace(/\. .*$/s, ""))).toEqual(expected.map(([where, what]) => `${KEY} "k": policy ${where} ${what}`));
        });
    }

    it("says how to fix, in full", () => {
        expect(check(KEY, { policy: JSON.stringify(doc([grant({ AWS: "*" }, "kms:*", { Sid: "Open" })])) })).toEqual([
            'aws:kms/key:Key "k": policy statement "Open" grants wildcard actions "kms:*" to principals other than the account root. ' +
                'Name the KMS actions those principals need (e.g. "kms:Decrypt", "kms:GenerateDataKey"), or accept the pattern in ' +
                "this policy's allowedActions config.",
            'aws:kms/key:Key "k": policy statement "Open" allows any principal (Principal "*") without a condition ' +
                "pinning the caller. Name the principals, or add a StringEquals condition on kms:CallerAccount, aws:PrincipalAccount " +
                "or aws:PrincipalOrgID with concrete values.",
        ]);
    });
});

describe("findKeyPolicyWildcards (pure rule): AWS's own key-use wildcards, accepted by default", () => {
    const LOGS = "logs.eu-west-1.amazonaws.com";
    const logsContext = { Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*` } } };
    // [label, statements, expected under the default]
    const cases: [string, unknown[], [string, string][]][] = [
        // The console's default key policy: its "Allow use of the key" statement.
        ["the console's key-user statement", [ENABLE_IAM, grant({ AWS: ROLE }, ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"])], []],
        // AWS's guide to encrypting log groups with KMS.
        ["CloudWatch Logs, as AWS's guide writes it", [grant({ Service: LOGS }, ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], logsContext)], []],
        ["CloudWatch alarms publishing to an encrypted SNS topic", [grant({ Service: "cloudwatch.amazonaws.com" }, ["kms:Decrypt", "kms:GenerateDataKey*"])], []],
        ["case-insensitive, like IAM", [grant({ AWS: ROLE }, ["KMS:generatedatakey*", "kms:reencrypt*"])], []],
        // Management wildcards stay violations: kms:Create* includes CreateGrant, kms:Put* PutKeyPolicy.
        ["the console's key-administrator statement", [grant({ AWS: ROLE }, ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*"])],
            [["Statement[0]", WILDCARD('"kms:Create*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*"')]]],
        ["kms:* for a service", [grant({ Service: LOGS }, "kms:*", logsContext)], [["Statement[0]", WILDCARD('"kms:*"')]]],
        ["a wider glob than the family", [grant({ AWS: ROLE }, ["kms:Generate*", "kms:*Encrypt*"])], [["Statement[0]", WILDCARD('"kms:Generate*", "kms:*Encrypt*"')]]],
        ["the family still needs a pinned caller for anyone", [grant("*", ["kms:Decrypt*", "kms:GenerateDataKey*"])], [["Statement[0]", ANYONE]]],
    ];
    it.each(cases)("%s", (_label, statements, expected) => {
        const messages = check(KEY, { policy: JSON.stringify(doc(statements)) }, [...KEY_USE_WILDCARDS]);
        expect(messages.map((m) => m.replace(/\. .*$/s, ""))).toEqual(expected.map(([where, what]) => `${KEY} "k": policy ${where} ${what}`));
    });

    it("the strict preset's allowedActions: [] reports them", () => {
        const statements = [grant({ Service: LOGS }, ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], logsContext)];
        expect(check(KEY, { policy: JSON.stringify(doc(statements)) }, []).map((m) => m.replace(/\. .*$/s, ""))).toEqual([
            `${KEY} "k": policy Statement[0] ${WILDCARD('"kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"')}`,
        ]);
    });
});

describe("findKeyPolicyWildcards (pure rule): unknowns at preview", () => {
    const cases: [string, unknown, string[]][] = [
        ["unknown policy", U.string, []],
        ["unknown Statement list", { Version: V, Statement: U.array }, []],
        ["unknown principal", doc([grant(U.object, "kms:*")]), []],
        ["unknown AWS principals", doc([grant({ AWS: U.array }, "kms:*")]), []],
        ["root next to an unknown principal (may be root too)", doc([grant({ AWS: [ROOT, U.string] }, "kms:*")]), []],
        ["a role next to an unknown principal", doc([grant({ AWS: [ROLE, U.string] }, "kms:*")]), [`Statement[0] ${WILDCARD('"kms:*"')}`]],
        ["* next to an unknown principal", doc([grant({ AWS: ["*", U.string] }, "kms:Decrypt")]), [`Statement[0] ${ANYONE}`]],
        ["unknown condition", doc([grant("*", "kms:Decrypt", { Condition: U.object })]), []],
        ["unknown pin value", doc([grant("*", "kms:Decrypt", pinned("StringEquals", "kms:CallerAccount", U.string))]), []],
        ["unknown operator block next to a non-pinning one", doc([grant("*", "kms:Decrypt", { Condition: { StringEquals: { "kms:ViaService": "s3.x" }, StringEqualsIgnoreCase: U.object } })]), []],
        ["known pin next to an unknown block", doc([grant("*", "kms:Decrypt", { Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT }, Bool: U.object } })]), []],
        ["unknown condition does not excuse kms:* to anyone", doc([grant("*", "kms:*", { Condition: U.object })]), [`Statement[0] ${WILDCARD('"kms:*"')}`]],
        ["unknown Effect", doc([{ Effect: U.string, Principal: "*", Action: "kms:*", Resource: "*" }]), []],
        ["unknown Action for a role", doc([grant({ AWS: ROLE }, U.array)]), []],
        ["unknown action next to kms:*", doc([grant({ AWS: ROLE }, ["kms:*", U.string])]), [`Statement[0] ${WILDCARD('"kms:*"')}`]],
        ["unknown Resource", doc([grant({ AWS: ROOT }, "kms:*", { Resource: U.string })]), []],
        ["Principal * next to an unknown statement (it may be a fencing Deny)", doc([grant("*", "kms:Decrypt"), U.object]), []],
        ["Principal * fenced by a Deny on an account unknown at preview", doc([grant("*", "kms:Decrypt"),
            { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", ...pinned("StringNotEquals", "kms:CallerAccount", U.string) }]), []],
        ["Principal * fenced by a Deny sparing principals unknown at preview", doc([grant("*", "kms:Decrypt"),
            { Effect: "Deny", NotPrincipal: { AWS: U.array }, Action: "kms:*", Resource: "*" }]), []],
        ["a Deny that cannot fence, whatever its unknown principal", doc([grant("*", "kms:Decrypt"),
            { Effect: "Deny", Principal: U.object, Action: "kms:*", Resource: "*", ...pinned("Bool", "aws:SecureTransport", "false") }]), [`Statement[0] ${ANYONE}`]],
    ];
    it.each(cases)("%s", (_label, policy, expected) => {
        expect(check(KEY, { policy }).map((m) => m.replace(/\. .*$/s, ""))).toEqual(expected.map((e) => `${KEY} "k": policy ${e}`));
    });
});

describe("findKeyPolicyWildcards (pure rule): key resources", () => {
    const rootOnly = JSON.stringify(doc([ENABLE_IAM]));
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["a key without a policy uses the default key policy", KEY, { description: "d" }, []],
        ['a key with policy "" too', KEY, { policy: "" }, []],
        ["a replica key without a policy", "aws:kms/replicaKey:ReplicaKey", { primaryKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/mrk-1" }, []],
        ['KeyPolicy requires a document: ""', KEY_POLICY, { keyId: "k-1", policy: "" }, [`${KEY_POLICY} "k": policy is an empty string; it must be a JSON policy document`]],
        ["invalid JSON", KEY, { policy: '{"Statement": [' }, [`${KEY} "k": policy is not valid JSON; build it with JSON.stringify({...}) or aws.iam.getPolicyDocument(...).json`]],
        ["a JSON list", KEY, { policy: "[]" }, [`${KEY} "k": policy must be a JSON object with a Statement list, not a list`]],
        ["bypass on a key", KEY, { bypassPolicyLockoutSafetyCheck: true }, [`${KEY} "k": bypassPolicyLockoutSafetyCheck is true`]],
        ["bypass false", KEY, { bypassPolicyLockoutSafetyCheck: false, policy: rootOnly }, []],
        ["bypass unknown", KEY, { bypassPolicyLockoutSafetyCheck: U.boolean, policy: rootOnly }, []],
        ["bypass on a key policy", KEY_POLICY, { keyId: "k-1", policy: rootOnly, bypassPolicyLockoutSafetyCheck: true }, [`${KEY_POLICY} "k": bypassPolicyLockoutSafetyCheck is true`]],
        ["bypass and a wide grant", "aws:kms/externalKey:ExternalKey", { bypassPolicyLockoutSafetyCheck: true, policy: JSON.stringify(doc([grant({ AWS: ROLE }, "kms:*")])) },
            ['aws:kms/externalKey:ExternalKey "k": bypassPolicyLockoutSafetyCheck is true', `aws:kms/externalKey:ExternalKey "k": policy Statement[0] ${WILDCARD('"kms:*"')}`]],
        ["replica external key", "aws:kms/replicaExternalKey:ReplicaExternalKey", { policy: JSON.stringify(doc(grant("*", "kms:Decrypt"))) },
            [`aws:kms/replicaExternalKey:ReplicaExternalKey "k": policy Statement[0] ${ANYONE}`]],
        ["other types are ignored", "aws:s3/bucketPolicy:BucketPolicy", { policy: JSON.stringify(doc(grant("*", "s3:*"))) }, []],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(check(type, props).map((m) => m.replace(/\. .*$/s, ""))).toEqual(expected);
    });

    it("covers every key type whose v7 or aws-native schema has a key policy", () => {
        expect([...KEY_POLICY_TYPES].sort()).toEqual([
            "aws-native:kms:Key", "aws-native:kms:ReplicaKey",
            "aws:kms/externalKey:ExternalKey", "aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy",
            "aws:kms/replicaExternalKey:ReplicaExternalKey", "aws:kms/replicaKey:ReplicaKey",
        ]);
    });

    const roots: [string, boolean][] = [
        [ROOT, true], [ACCOUNT, true], ["arn:aws-cn:iam::111122223333:root", true], ["arn:aws-iso-b:iam::111122223333:root", true],
        ["arn:aws:iam::111122223333:role/root", false], ["arn:aws:iam::11112222333:root", false], ["arn:aws:sts::111122223333:root", false],
        ["1111222233334", false], ["*", false], ["", false],
    ];
    it.each(roots)("isAccountRoot(%j) → %s", (principal, expected) => {
        expect(isAccountRoot(principal)).toBe(expected);
    });

    // The root exemption stands for AWS's default statement of the key's own account; a key belongs to one account.
    const PARTNER = "arn:aws:iam::444455556666:root";
    const TWO_ROOTS = 'grants wildcard actions to the roots of accounts 111122223333 (statement "Enable IAM User Permissions"), 444455556666 (statement "Partner")';
    const multiRoot: [string, unknown[], string[]][] = [
        ["another account's root with named actions", [ENABLE_IAM, { Sid: "Partner", ...grant({ AWS: PARTNER }, ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]) }], []],
        ["the own root twice, as an ARN and as a bare account id", [ENABLE_IAM, { Sid: "Again", ...grant({ AWS: ACCOUNT }, "kms:*") }], []],
        ["another account's root in a Deny", [ENABLE_IAM, { Sid: "Partner", Effect: "Deny", Principal: { AWS: PARTNER }, Action: "kms:*", Resource: "*" }], []],
        ["another account's root with kms:* beside the own root", [ENABLE_IAM, { Sid: "Partner", ...grant({ AWS: PARTNER }, "kms:*") }], [TWO_ROOTS]],
        ["both roots in one statement", [{ Sid: "Both", ...grant({ AWS: [ROOT, PARTNER] }, "kms:*") }],
            ['grants wildcard actions to the roots of accounts 111122223333 (statement "Both"), 444455556666 (statement "Both")']],
        ["another account's root with NotAction", [ENABLE_IAM, { Sid: "Partner", Effect: "Allow", Principal: { AWS: PARTNER }, NotAction: "kms:ScheduleKeyDeletion", Resource: "*" }], [TWO_ROOTS]],
    ];
    it.each(multiRoot)("roots of two accounts: %s", (_label, statements, expected) => {
        expect(check(KEY, { policy: JSON.stringify(doc(statements)) }, [...KEY_USE_WILDCARDS]).map((m) => m.replace(/^[^:]+:[^:]+:[^:]+: policy /, "").replace(/\. .*$/s, ""))).toEqual(expected);
    });

    it("names the way out for roots of two accounts, in full", () => {
        expect(check(KEY_POLICY, { keyId: "k", policy: doc([ENABLE_IAM, { Sid: "Partner", ...grant({ AWS: "arn:aws:iam::444455556666:root" }, "kms:*") }]) })).toEqual([
            `${KEY_POLICY} "k": policy grants wildcard actions to the roots of accounts 111122223333 (statement "Enable IAM User Permissions"), ` +
                '444455556666 (statement "Partner"). A key belongs to one account; for any other the root statement is no default but a cross-account ' +
                "grant of every key-use and grant action (kms:CreateGrant lets that account pass the key on). Grant other accounts the actions they use " +
                '("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey").',
        ]);
    });

    // Speed on large documents is measured by `npm run bench`, not asserted here.
    it("passes a clean key policy at AWS's 32 KB limit", () => {
        const statements = [ENABLE_IAM, ...Array.from({ length: 150 }, (_, i) =>
            grant({ AWS: [`arn:aws:iam::${ACCOUNT}:role/r${i}`, ROOT] }, ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"], { Sid: `S${i}` }))];
        statements.push(grant("*", "kms:Decrypt", pinned("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5")));
        const props = { policy: JSON.stringify(doc(statements)) };
        expect(props.policy.length).toBeGreaterThan(30_000);
        expect(check(KEY, props)).toEqual([]);
    });
});

describe("findKeyPolicyWildcards (pure rule): aws-native keys, as pulumi-cdk sends CDK's keys", () => {
    // CDK writes KeyPolicy as an object; pulumi-cdk resolves the account root's ARN (Fn::Join over
    // AWS::Partition and AWS::AccountId) or leaves it unknown at preview.
    const NATIVE_KEY = "aws-native:kms:Key";
    const NATIVE_REPLICA = "aws-native:kms:ReplicaKey";
    // aws-kms's default key policy under @aws-cdk/aws-kms:defaultKeyPolicies (on in new apps), and before it.
    const cdkDefault = doc([{ Action: "kms:*", Effect: "Allow", Principal: { AWS: ROOT }, Resource: "*" }]);
    const cdkLegacy = doc([{
        Action: ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*",
            "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:GenerateDataKey", "kms:TagResource", "kms:UntagResource"],
        Effect: "Allow", Principal: { AWS: ROOT }, Resource: "*",
    }]);
    // key.grantEncryptDecrypt(new ServicePrincipal("logs.eu-west-1.amazonaws.com")).
    const cdkLogsGrant = doc([
        { Action: "kms:*", Effect: "Allow", Principal: { AWS: ROOT }, Resource: "*" },
        { Action: ["kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], Effect: "Allow", Principal: { Service: "logs.eu-west-1.amazonaws.com" }, Resource: "*" },
    ]);
    const cases: [string, string, Record<string, unknown>, string[]][] = [
        ["CDK's default key policy", NATIVE_KEY, { enableKeyRotation: true, keyPolicy: cdkDefault }, []],
        ["CDK's legacy default key policy (account root only)", NATIVE_KEY, { keyPolicy: cdkLegacy }, []],
        ["CDK's grantEncryptDecrypt to a service", NATIVE_KEY, { keyPolicy: cdkLogsGrant }, []],
        ["a key without keyPolicy uses the default key policy", NATIVE_KEY, { description: "d" }, []],
        ["the root unknown at preview", NATIVE_KEY, { keyPolicy: doc([{ Action: "kms:*", Effect: "Allow", Principal: { AWS: U.string }, Resource: "*" }]) }, []],
        ["keyPolicy unknown at preview", NATIVE_KEY, { keyPolicy: U.object }, []],
        ["a replica key with CDK's default policy as a JSON string", NATIVE_REPLICA, { primaryKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/mrk-1", keyPolicy: JSON.stringify(cdkDefault) }, []],
        ["kms:* for a role", NATIVE_KEY, { keyPolicy: doc([ENABLE_IAM, grant({ AWS: ROLE }, "kms:*", { Sid: "App" })]) },
            [`${NATIVE_KEY} "k": keyPolicy statement "App" ${WILDCARD('"kms:*"')}`]],
        ["Principal \"*\" without a pin on a replica", NATIVE_REPLICA, { primaryKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/mrk-1", keyPolicy: doc([grant("*", "kms:Decrypt")]) },
            [`${NATIVE_REPLICA} "k": keyPolicy Statement[0] ${ANYONE}`]],
        ["a replica requires its keyPolicy: \"\"", NATIVE_REPLICA, { primaryKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/mrk-1", keyPolicy: "" },
            [`${NATIVE_REPLICA} "k": keyPolicy is an empty string; it must be a JSON policy document`]],
        ["bypass on a native key", NATIVE_KEY, { bypassPolicyLockoutSafetyCheck: true, keyPolicy: cdkDefault }, [`${NATIVE_KEY} "k": bypassPolicyLockoutSafetyCheck is true`]],
    ];
    it.each(cases)("%s", (_label, type, props, expected) => {
        expect(check(type, props, [...KEY_USE_WILDCARDS]).map((m) => m.replace(/\. .*$/s, ""))).toEqual(expected);
    });
});

describe("kms-no-wildcard-actions through the engine path", () => {
    const engine = useEngine();
    const nameOf = (run: { resources: { urn: string; name: string }[] }, urn: string) => run.resources.find((r) => r.urn === urn)?.name;

    it("reports every key type in the insecure fixture, mandatory by default", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "insecure.json")));
        const found = run.of(POLICY).map((d) => [nameOf(run, d.urn), d.enforcementLevel, d.message.split("\n")[1].replace(/\. .*$/s, "")]);
        expect(found).toEqual([
            ["orders-data", "mandatory", `${KEY} "orders-data": policy statement "Allow use by the orders role" ${WILDCARD('"kms:*"')}`],
            ["orders-data", "mandatory", `${KEY} "orders-data": policy statement "Allow access for Key Administrators" ` +
                WILDCARD('"kms:Create*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*"')],
            ["shared-key-policy", "mandatory", `${KEY_POLICY} "shared-key-policy": policy statement "AnyoneDecrypt" ${ANYONE}`],
            ["orders-data-replica", "mandatory", 'aws:kms/replicaKey:ReplicaKey "orders-data-replica": bypassPolicyLockoutSafetyCheck is true'],
            ["byok", "mandatory", `aws:kms/externalKey:ExternalKey "byok": policy statement "Everyone" ${WILDCARD('"kms:*"')}`],
            ["byok", "mandatory", `aws:kms/externalKey:ExternalKey "byok": policy statement "Everyone" ${ANYONE}`],
            ["byok-replica", "mandatory", `aws:kms/replicaExternalKey:ReplicaExternalKey "byok-replica": policy statement "CloudWatchLogs" ` +
                WILDCARD('"kms:*"')],
        ]);
        expect(run.of(POLICY)[0].message.split("\n")[0]).toBe(
            "KMS key policies must not grant wildcard actions to principals other than the account root, nor allow any principal " +
                "without pinning the caller's account or organization; bypassPolicyLockoutSafetyCheck must stay off.",
        );
    });

    it("passes the secure fixture (default key policy, named grants, pinned Principal \"*\", Deny)", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "secure.json")));
        expect(run.of(POLICY)).toEqual([]);
    });

    it("aws-native keys as pulumi-cdk sends them: CDK's default policy passes, kms:* for a role is reported, an unknown root at preview passes", async () => {
        const keys = (root: unknown) => ({
            resources: [
                { type: "aws-native:kms:Key", name: "DataKey", props: { enableKeyRotation: true, keyPolicy: doc([{ Action: "kms:*", Effect: "Allow", Principal: { AWS: root }, Resource: "*" }]) } },
                {
                    type: "aws-native:kms:Key", name: "WideKey",
                    props: { keyPolicy: doc([{ Action: "kms:*", Effect: "Allow", Principal: { AWS: root }, Resource: "*" }, { Sid: "App", ...grant({ AWS: ROLE }, "kms:*") }]) },
                },
            ],
        });
        const expected = [["WideKey", `aws-native:kms:Key "WideKey": keyPolicy statement "App" ${WILDCARD('"kms:*"')}`]];
        const found = (run: Awaited<ReturnType<typeof engine.run>>) => run.of(POLICY).map((d) => [nameOf(run, d.urn), d.message.split("\n")[1].replace(/\. .*$/s, "")]);
        expect(found(await engine.run(keys(ROOT)))).toEqual(expected);
        expect(found(await engine.run({ preview: true, ...keys({ $unknown: "string" }) }))).toEqual(expected);
    });

    it("reads documents passed as objects like JSON strings", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "object-documents.json")));
        expect(run.of(POLICY).map((d) => [nameOf(run, d.urn), d.message.split("\n")[1].replace(/\. .*$/s, "")])).toEqual([
            ["byok", `aws:kms/externalKey:ExternalKey "byok": policy statement "Everyone" ${WILDCARD('"kms:*"')}`],
            ["byok", `aws:kms/externalKey:ExternalKey "byok": policy statement "Everyone" ${ANYONE}`],
        ]);
    });

    it("accepts configured allowedActions", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "insecure.json")), {
            config: { [POLICY]: { properties: { allowedActions: ["kms:*crypt*", "kms:GenerateDataKey*", "kms:Describe*"] } } },
        });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["orders-data", "orders-data", "shared-key-policy", "orders-data-replica", "byok", "byok", "byok-replica"]);
    });

    it("accepts AWS's key-use wildcards by default, and reports them under allowedActions: [] (the strict preset)", async () => {
        const logs = { Sid: "Logs", ...grant({ Service: "logs.eu-west-1.amazonaws.com" }, ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]) };
        const input = { resources: [{ type: KEY, name: "logs-key", props: { enableKeyRotation: true, policy: JSON.stringify(doc([ENABLE_IAM, logs])) } }] };
        expect((await engine.run(input)).of(POLICY)).toEqual([]);
        const strict = await engine.run(input, { config: { [POLICY]: { properties: { allowedActions: [] } } } });
        expect(strict.of(POLICY).map((d) => d.message.split("\n")[1].replace(/\. .*$/s, ""))).toEqual([
            `${KEY} "logs-key": policy statement "Logs" ${WILDCARD('"kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"')}`,
        ]);
    });

    it("reports Principal \"*\" behind ForAllValues: (true when the key is absent), not behind ForAnyValue:", async () => {
        const run = await engine.run({
            resources: [
                { type: KEY_POLICY, name: "all-values", props: { keyId: "k", policy: JSON.stringify(doc([grant("*", "kms:Decrypt", pinned("ForAllValues:StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"))])) } },
                { type: KEY_POLICY, name: "any-value", props: { keyId: "k", policy: JSON.stringify(doc([grant("*", "kms:Decrypt", pinned("ForAnyValue:StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"))])) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOf(run, d.urn), d.message.split("\n")[1].replace(/\. .*$/s, "")])).toEqual([
            ["all-values", `${KEY_POLICY} "all-values": policy Statement[0] ${ANYONE}`],
        ]);
    });

    it("passes IAM Identity Center's baseline key policy: Principal \"*\" pinned to the key's own organization or account by ${aws:ResourceOrgID} and ${aws:ResourceAccount}", async () => {
        // AWS's "Baseline KMS key policy" for IAM Identity Center, its statements for org principals and managed applications.
        const identityCenter = [
            ENABLE_IAM,
            {
                Sid: "AllowOrgPrincipalsViaIdentityCenterAndIdentityStore", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*",
                Condition: {
                    StringEquals: { "aws:PrincipalOrgID": "${aws:ResourceOrgID}", "kms:EncryptionContextKeys": "aws:sso:instance-arn" },
                    StringLike: { "kms:ViaService": ["sso.*.amazonaws.com", "identitystore.*.amazonaws.com"] },
                },
            },
            {
                Sid: "AllowManagedApps", Effect: "Allow", Principal: "*", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*",
                Condition: { Bool: { "aws:PrincipalIsAWSService": "true" }, StringEquals: { "aws:SourceOrgID": "${aws:ResourceOrgID}" } },
            },
            { Sid: "SameAccountOnly", ...grant({ AWS: "*" }, "kms:Decrypt", pinned("StringEquals", "aws:PrincipalAccount", "${aws:ResourceAccount}")) },
        ];
        const callerSide = [{ Sid: "CallerSide", ...grant("*", "kms:Decrypt", pinned("StringEquals", "aws:PrincipalOrgID", "${aws:PrincipalOrgID}")) }];
        const run = await engine.run({
            resources: [
                { type: KEY, name: "identity-center", props: { enableKeyRotation: true, policy: JSON.stringify(doc(identityCenter)) } },
                { type: KEY_POLICY, name: "caller-side", props: { keyId: "k", policy: JSON.stringify(doc(callerSide)) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOf(run, d.urn), d.message.split("\n")[1].replace(/\. .*$/s, "")])).toEqual([
            ["caller-side", `${KEY_POLICY} "caller-side": policy statement "CallerSide" ${ANYONE}`],
        ]);
    });

    it("passes Principal \"*\" fenced by a Deny on kms:CallerAccount, sparing only named principals, or AWS's two perimeters (also in the RCP form, Null aws:SourceAccount false), not by a Deny that spares services; at preview an unknown fence passes", async () => {
        const open = { Sid: "Anyone", ...grant("*", ["kms:Decrypt", "kms:DescribeKey"]) };
        const fence = (extra: Record<string, unknown>) => ({ Sid: "Fence", Effect: "Deny", Action: "kms:*", Resource: "*", ...extra });
        const callerAccount = (account: unknown) => fence({ Principal: "*", ...pinned("StringNotEquals", "kms:CallerAccount", account) });
        const identity = { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } };
        // AWS's resource control policy form: the confused-deputy Deny only where aws:SourceAccount is present (Null false).
        const deputy = (present: unknown) =>
            ({ StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5" }, Null: { "aws:SourceAccount": present }, Bool: { "aws:PrincipalIsAWSService": "true" } });
        const rcpDeputy = (present: unknown) => fence({ Principal: "*", Condition: deputy(present) });
        // AWS's RCP adds `aws:ResourceTag/dp:exclude:identity` to the StringNotEqualsIfExists block of both.
        const excluding = (condition: Record<string, Record<string, unknown>>, key: string, value: unknown) =>
            ({ ...condition, StringNotEqualsIfExists: { ...condition.StringNotEqualsIfExists, [key]: value } });
        const policies: [string, unknown][] = [
            ["caller-account", JSON.stringify(doc([ENABLE_IAM, open, callerAccount(ACCOUNT)]))],
            ["named-only", doc([ENABLE_IAM, open, fence({ NotPrincipal: { AWS: [ROOT, ROLE] } })])],
            ["services-spared", JSON.stringify(doc([ENABLE_IAM, open, fence({ Principal: "*",
                Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } })]))],
            ["perimeter", JSON.stringify(doc([ENABLE_IAM, open,
                fence({ Principal: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } }),
                fence({ Principal: "*", Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5" }, Bool: { "aws:PrincipalIsAWSService": "true" } } })]))],
            ["rcp-perimeter", doc([ENABLE_IAM, open, fence({ Principal: "*", Condition: identity }), rcpDeputy("false")])],
            ["rcp-sourceless-only", JSON.stringify(doc([ENABLE_IAM, open, fence({ Principal: "*", Condition: identity }), rcpDeputy("true")]))],
            ["rcp-tag-excluded", JSON.stringify(doc([ENABLE_IAM, open, fence({ Principal: "*", Condition: excluding(identity, "aws:ResourceTag/dp:exclude:identity", "true") }),
                fence({ Principal: "*", Condition: excluding(deputy("false"), "aws:ResourceTag/dp:exclude:identity", "true") })]))],
            ["principal-tag-excluded", doc([ENABLE_IAM, open, fence({ Principal: "*", Condition: excluding(identity, "aws:PrincipalTag/dp:exclude:identity", "true") }), rcpDeputy("false")])],
        ];
        const run = await engine.run({ resources: policies.map(([name, policy]) => ({ type: KEY, name, props: { enableKeyRotation: true, policy } })) });
        expect(run.of(POLICY).map((d) => [nameOf(run, d.urn), d.message.split("\n")[1].replace(/\. .*$/s, "")])).toEqual([
            ["services-spared", `${KEY} "services-spared": policy statement "Anyone" ${ANYONE}`],
            ["rcp-sourceless-only", `${KEY} "rcp-sourceless-only": policy statement "Anyone" ${ANYONE}`],
            ["principal-tag-excluded", `${KEY} "principal-tag-excluded": policy statement "Anyone" ${ANYONE}`],
        ]);
        const preview = await engine.run({
            preview: true,
            resources: [
                { type: KEY_POLICY, name: "pending-account", props: { keyId: { $unknown: true }, policy: doc([ENABLE_IAM, open, callerAccount({ $unknown: "string" })]) } },
                { type: KEY_POLICY, name: "pending-statement", props: { keyId: "k", policy: doc([ENABLE_IAM, open, { $unknown: true }]) } },
                { type: KEY_POLICY, name: "pending-spared", props: { keyId: "k", policy: doc([ENABLE_IAM, open, fence({ NotPrincipal: { AWS: { $unknown: true } } })]) } },
                { type: KEY_POLICY, name: "pending-source", props: { keyId: "k", policy: doc([ENABLE_IAM, open, fence({ Principal: "*", Condition: identity }), rcpDeputy({ $unknown: "string" })]) } },
                { type: KEY_POLICY, name: "pending-tag-excluded", props: { keyId: "k", policy: doc([ENABLE_IAM, open,
                    fence({ Principal: "*", Condition: excluding(identity, "aws:ResourceTag/dp:exclude:identity", { $unknown: "string" }) }),
                    fence({ Principal: "*", Condition: excluding(deputy("false"), "aws:ResourceTag/dp:exclude:identity", "true") })]) } },
                { type: KEY_POLICY, name: "pending-org-tag-excluded", props: { keyId: "k", policy: doc([ENABLE_IAM, open,
                    fence({ Principal: "*", Condition: excluding(excluding(identity, "aws:ResourceTag/dp:exclude:identity", "true"), "aws:PrincipalOrgID", { $unknown: "string" }) }),
                    fence({ Principal: "*", Condition: excluding(deputy("false"), "aws:ResourceTag/dp:exclude:identity", "true") })]) } },
            ],
        });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("AWS's RCP perimeters excepting keys tagged dp:exclude:identity: a key carrying the tag (classic tags map, aws-native's tag list) is open to anyone; untagged or another value, fenced; at preview an unknown tag waits", async () => {
        const fence = (condition: Record<string, unknown>) => ({ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: condition });
        const exception = { "aws:ResourceTag/dp:exclude:identity": "true" };
        const policy = doc([ENABLE_IAM, { Sid: "Anyone", ...grant("*", "kms:Decrypt") },
            fence({ StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5", ...exception }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } }),
            fence({ StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5", ...exception }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } })]);
        const classic = (name: string, tags: unknown, form: unknown = JSON.stringify(policy)) => ({ type: KEY, name, props: { enableKeyRotation: true, policy: form, tags } });
        const native = (name: string, tags: unknown) => ({ type: "aws-native:kms:Key", name, props: { enableKeyRotation: true, keyPolicy: policy, tags } });
        const run = await engine.run({ resources: [
            classic("tagged", { "dp:exclude:identity": "true" }), classic("untagged", { team: "shop" }), classic("other-value", { "dp:exclude:identity": "false" }),
            native("native-tagged", [{ key: "team", value: "shop" }, { key: "dp:exclude:identity", value: "true" }]), native("native-untagged", [{ key: "team", value: "shop" }]),
        ] });
        expect(run.of(POLICY).map((d) => [nameOf(run, d.urn), d.enforcementLevel, d.message.split("\n")[1].replace(/\. .*$/s, "")])).toEqual([
            ["tagged", "mandatory", `${KEY} "tagged": policy statement "Anyone" ${ANYONE}`],
            ["native-tagged", "mandatory", `aws-native:kms:Key "native-tagged": keyPolicy statement "Anyone" ${ANYONE}`],
        ]);
        const preview = await engine.run({ preview: true, resources: [
            classic("pending-value", { "dp:exclude:identity": { $unknown: "string" } }, policy), classic("pending-tags", { $unknown: "object" }, policy),
            native("native-pending", [{ key: "team", value: "shop" }, { $unknown: "object" }]),
        ] });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("a separate KeyPolicy with AWS's RCP perimeters excepting tagged keys: the stack part reports it when the key it names carries the tag; untagged or outside the stack, fenced; at preview an unknown tag waits", async () => {
        const fence = (condition: Record<string, unknown>) => ({ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: condition });
        const exception = { "aws:ResourceTag/dp:exclude:identity": "true" };
        const policy = doc([ENABLE_IAM, { Sid: "Anyone", ...grant("*", "kms:Decrypt") },
            fence({ StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5", ...exception }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } }),
            fence({ StringNotEqualsIfExists: { "aws:SourceOrgID": "o-a1b2c3d4e5", ...exception }, Null: { "aws:SourceAccount": "false" }, Bool: { "aws:PrincipalIsAWSService": "true" } })]);
        const pair = (name: string, tags: unknown, keyId: unknown = `${name}-id`, form: unknown = JSON.stringify(policy)) => [
            { type: KEY, name, props: { enableKeyRotation: true, keyId: isUnknownInput(keyId) ? keyId : `${name}-id`, tags } },
            { type: KEY_POLICY, name: `${name}-policy`, props: { keyId, policy: form }, ...(isUnknownInput(keyId) ? { propertyDependencies: { keyId: [name] } } : {}) },
        ];
        const run = await engine.run({ resources: [
            ...pair("tagged", { "dp:exclude:identity": "true" }), ...pair("untagged", { team: "shop" }),
            { type: KEY_POLICY, name: "elsewhere-policy", props: { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab", policy: JSON.stringify(policy) } },
            // The tag only from the provider's defaultTags: in the outputs' tagsAll, which the resource part (inputs) does not see.
            { type: KEY, name: "default-tagged", props: { enableKeyRotation: true, policy: JSON.stringify(policy), tags: { team: "shop" }, tagsAll: { team: "shop", "dp:exclude:identity": "true" } } },
            { type: KEY, name: "default-untagged", props: { enableKeyRotation: true, policy: JSON.stringify(policy), tags: { team: "shop" }, tagsAll: { team: "shop" } } },
        ] });
        expect(run.of(POLICY).map((d) => [nameOf(run, d.urn), d.enforcementLevel, d.message.split("\n")[1].replace(/\. .*$/s, "")])).toEqual([
            ["tagged-policy", "mandatory", `${KEY_POLICY} "tagged-policy": policy statement "Anyone" ${ANYONE}`],
            ["default-tagged", "mandatory", `${KEY} "default-tagged": policy statement "Anyone" ${ANYONE}`],
        ]);
        const preview = await engine.run({ preview: true, resources: [
            ...pair("pending-value", { "dp:exclude:identity": { $unknown: "string" } }, { $unknown: "string" }, policy),
            ...pair("joined-tagged", { "dp:exclude:identity": "true" }, { $unknown: "string" }, policy),
            { type: KEY, name: "default-pending", props: { enableKeyRotation: true, policy, tags: { team: "shop" }, tagsAll: { $unknown: "object" } } },
        ] });
        expect(preview.of(POLICY).map((d) => nameOf(preview, d.urn))).toEqual(["joined-tagged-policy"]);
    });

    it("skips what preview does not know yet, but not a grant that is too wide regardless", async () => {
        const run = await engine.run({
            resources: [
                { type: KEY, name: "pending", props: { policy: { $unknown: true }, bypassPolicyLockoutSafetyCheck: { $unknown: "boolean" } } },
                { type: KEY_POLICY, name: "pending-principal", props: { keyId: { $unknown: true }, policy: doc([grant({ AWS: [ROOT, { $unknown: true }] }, "kms:*")]) } },
                { type: KEY_POLICY, name: "pending-condition", props: { keyId: "k", policy: doc([grant("*", "kms:Decrypt", pinned("StringEquals", "aws:PrincipalOrgID", { $unknown: true }))]) } },
                { type: KEY_POLICY, name: "role-and-pending", props: { keyId: "k", policy: doc([grant({ AWS: [ROLE, { $unknown: true }] }, "kms:*")]) } },
            ],
        });
        expect(run.of(POLICY).map((d) => nameOf(run, d.urn))).toEqual(["role-and-pending"]);
    });

    it("reports kms:* to the roots of two accounts (one is not the key's), not another account given named actions", async () => {
        const partner = "arn:aws:iam::444455556666:root";
        const run = await engine.run({
            resources: [
                { type: KEY, name: "shared-with-partner", props: { enableKeyRotation: true, policy: JSON.stringify(doc([ENABLE_IAM, { Sid: "Partner", ...grant({ AWS: partner }, "kms:*") }])) } },
                { type: KEY, name: "partner-uses", props: { enableKeyRotation: true, policy: JSON.stringify(doc([ENABLE_IAM, { Sid: "Partner", ...grant({ AWS: partner }, ["kms:Decrypt", "kms:DescribeKey"]) }])) } },
                { type: KEY_POLICY, name: "pending-partner", props: { keyId: "k", policy: doc([ENABLE_IAM, { Sid: "Partner", ...grant({ AWS: { $unknown: true } }, "kms:*") }]) } },
            ],
        });
        expect(run.of(POLICY).map((d) => [nameOf(run, d.urn), d.message.split("\n")[1].replace(/\. .*$/s, "")])).toEqual([
            ["shared-with-partner", `${KEY} "shared-with-partner": policy grants wildcard actions to the roots of accounts 111122223333 (statement "Enable IAM User Permissions"), 444455556666 (statement "Partner")`],
        ]);
    });
});
