// Key policies are the primary control on a KMS key: a grant there needs no IAM policy
// for principals of the key's account. So a key policy must not hand wildcard actions to
// anyone but the account root, nor open the key to every principal without pinning the
// caller's account or organization.
//
// Key policies always say `Resource: "*"` (the key itself), so Resource is never judged.
// A statement whose only principal is the account root is AWS's default "Enable IAM User
// Permissions" statement: it delegates to IAM policies rather than granting anything. Roots
// of two accounts granted wildcards mean one is another account's: that is a grant. The keys of
// aws-native (pulumi-cdk's) are read from the same table as the provider's.
import { globList } from "./lib/config";
import { Decided } from "./lib/decided";
import { GlobMatcher } from "./lib/glob";
import { Finding, PlainResource, PolicyExample, resourcePolicy } from "./lib/rule";
import {
    anyoneClause, audienceOf, compileAllowedActions, describeDocument, describeProblem, describeStatement, DocumentLocation, exceptsResourceTags, fencedByDenies, KEY_USE_WILDCARDS, PolicyStatement,
    mayExceptResourceTags, pinsCaller, quoteList, readPolicyDocument, rootAccount, unacceptedWildcardActions,
} from "./lib/policy-document";
import { indexReferences, ReferenceIndex } from "./lib/references";
import { declaredTagsOf, tagsOf, tagsOfNamed } from "./lib/tags";
import * as t from "./lib/tokens";

export interface KmsNoWildcardActionsConfig {
    allowedActions: string[];
}

interface KeyPolicyInput {
    property: string;
    /** Unset (or "") means AWS applies the default key policy, which only trusts the account root. */
    optional: boolean;
}

/** The key-policy input per key type (provider v7 and aws-native); each also has `bypassPolicyLockoutSafetyCheck` but the replicas of aws-native. */
export const KEY_POLICY_INPUTS: Readonly<Record<string, KeyPolicyInput>> = {
    [t.KMS_KEY]: { property: "policy", optional: true },
    [t.KMS_KEY_POLICY]: { property: "policy", optional: false },
    [t.KMS_REPLICA_KEY]: { property: "policy", optional: true },
    [t.KMS_EXTERNAL_KEY]: { property: "policy", optional: true },
    [t.KMS_REPLICA_EXTERNAL_KEY]: { property: "policy", optional: true },
    // CloudFormation's AWS::KMS::Key and ReplicaKey, as pulumi-cdk sends CDK's keys (a replica
    // requires its policy).
    [t.NATIVE_KMS_KEY]: { property: "keyPolicy", optional: true },
    [t.NATIVE_KMS_REPLICA_KEY]: { property: "keyPolicy", optional: false },
};

export const KEY_POLICY_TYPES: readonly string[] = Object.keys(KEY_POLICY_INPUTS);

/**
 * Why a key-policy statement is too broad (none when fine, or not decidable at preview). `fenced`
 * says whether a Deny of the same policy keeps all but pinned callers away from what it grants
 * (undefined while a statement unknown at preview may).
 */
export function keyStatementProblems(statement: PolicyStatement, allowed: readonly GlobMatcher[], fenced: Decided): string[] {
    if (statement.effect !== "Allow") return [];
    const audience = audienceOf(statement);
    const problems: string[] = [];
    // With only root known and some principals unknown, the unknown ones may be root too: skip.
    if (audience.anyone || audience.others) {
        if (statement.notAction) {
            problems.push(
                "allows NotAction, which grants every key action except those listed, to principals other than the account root. " +
                    "Replace NotAction with an Action list naming the KMS actions those principals need.",
            );
        } else {
            const wildcards = unacceptedWildcardActions(statement.action, allowed);
            if (wildcards.length > 0) {
                problems.push(
                    `grants wildcard actions ${quoteList(wildcards)} to principals other than the account root. ` +
                        'Name the KMS actions those principals need (e.g. "kms:Decrypt", "kms:GenerateDataKey"), ' +
                        "or accept the pattern in this policy's allowedActions config.",
                );
            }
        }
    }
    // An unknown condition entry, or a Deny, may be the pin: skip until it is known. What pins and
    // fences is shared with resource-policy-no-wildcards (lib/policy-document.ts pinsCaller, fencedByDenies).
    if (audience.anyone && !pinsCaller(statement.condition) && statement.condition?.incomplete !== true && fenced === false) {
        problems.push(
            `${anyoneClause(statement)} without a condition pinning the caller. Name the principals, ` +
                "or add a StringEquals condition on kms:CallerAccount, aws:PrincipalAccount or aws:PrincipalOrgID with concrete values.",
        );
    }
    return problems;
}

export function findKeyPolicyWildcards(resource: PlainResource, config: KmsNoWildcardActionsConfig): Finding[] {
    const input = KEY_POLICY_INPUTS[resource.type];
    if (!input) return [];
    const findings: Finding[] = [];
    if (resource.props.bypassPolicyLockoutSafetyCheck === true) {
        findings.push({
            message: `${resource.type} "${resource.name}": bypassPolicyLockoutSafetyCheck is true. Remove it (it defaults to false) ` +
                "so AWS refuses a key policy that would leave the key unmanageable.",
        });
    }
    const at: DocumentLocation = { type: resource.type, name: resource.name, path: input.property };
    const reading = readPolicyDocument(resource.props[input.property], { blankIsAbsent: input.optional });
    if (reading.kind !== "document") return findings;
    const allowed = compileAllowedActions(config.allowedActions);
    for (const problem of reading.problems) findings.push({ message: describeProblem(at, problem) });
    for (const statement of reading.statements) {
        const principal = statement.principal;
        if (!statement.notPrincipal && (!principal || (principal.entries.length === 0 && !principal.incomplete))) {
            // AWS rejects key-policy statements without a principal.
            findings.push({ message: describeProblem(at, { where: statement.label, what: "names no Principal; every key policy statement must name one" }) });
            continue;
        }
        // A Deny on kms:CallerAccount (or the organization) for everyone fences an Allow for anyone, unless
        // it excepts keys by a tag this key carries; a statement unknown at preview may be that Deny.
        const fenced = reading.incomplete ? undefined : fencedByDenies(reading.statements, statement, "everyone", declaredTagsOf(resource.props));
        for (const problem of keyStatementProblems(statement, allowed, fenced)) {
            findings.push({ message: `${describeStatement(at, statement)} ${problem}` });
        }
    }
    const roots = rootsGrantedWildcards(reading.statements, allowed);
    if (roots.size > 1) {
        const listed = [...roots].map(([account, label]) => `${account} (${label})`).join(", ");
        findings.push({
            message: `${describeDocument(at)} grants wildcard actions to the roots of accounts ${listed}. A key belongs to one account; ` +
                "for any other the root statement is no default but a cross-account grant of every key-use and grant action " +
                '(kms:CreateGrant lets that account pass the key on). Grant other accounts the actions they use ("kms:Encrypt", ' +
                '"kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey").',
        });
    }
    return findings;
}

/**
 * The stack part: key policy statements open to anyone only because the key carries a tag its Deny excepts where the resource
 * part cannot see it (a separate KeyPolicy's key, a default tag in a key's tagsAll) and reads such a Deny as fencing; what
 * the resource part reports stays its own.
 */
export function findTaggedKeyGrants(resources: readonly PlainResource[], config: KmsNoWildcardActionsConfig): Finding[] {
    let keys: ReferenceIndex | undefined;
    const index = () => (keys ??= indexReferences(resources, (r) => r.type === t.KMS_KEY, ["keyId", "arn", "id"]));
    const allowed = compileAllowedActions(config.allowedActions);
    const findings: Finding[] = [];
    for (const r of resources) {
        // A key's own policy: the resource part read its inputs' `tags`; the outputs' tagsAll add the provider's defaultTags.
        if (r.type !== t.KMS_KEY_POLICY && r.type !== t.KMS_KEY) continue;
        const separate = r.type === t.KMS_KEY_POLICY;
        if (!mayExceptResourceTags(r.props.policy)) continue;
        const reading = readPolicyDocument(r.props.policy, { blankIsAbsent: !separate });
        if (reading.kind !== "document" || reading.incomplete || !exceptsResourceTags(reading.statements)) continue;
        const tags = separate ? tagsOfNamed(index, r.props.keyId, r.propertyDependencies.keyId) : tagsOf(r.props);
        const judged = separate ? undefined : declaredTagsOf(r.props);
        const at: DocumentLocation = { type: r.type, name: r.name, path: "policy" };
        for (const statement of reading.statements) {
            const own = new Set(keyStatementProblems(statement, allowed, fencedByDenies(reading.statements, statement, "everyone", judged)));
            for (const problem of keyStatementProblems(statement, allowed, fencedByDenies(reading.statements, statement, "everyone", tags))) {
                if (!own.has(problem)) findings.push({ message: `${describeStatement(at, statement)} ${problem} ${TAGGED_KEY_HINT}`, resource: { urn: r.urn, type: r.type, name: r.name } });
            }
        }
    }
    return findings;
}

const TAGGED_KEY_HINT = "(A Deny of this policy excepts keys carrying a tag, and the key carries it, maybe from the provider's defaultTags: the Deny keeps no caller out. " +
    "Remove the tag from the key, or the exception from the Deny.)";

/**
 * The accounts whose root an Allow statement grants wildcard actions (or NotAction), with the
 * first such statement's label. The root exemption stands for AWS's default statement for the
 * key's own account; roots of two accounts mean one of them is another account.
 */
function rootsGrantedWildcards(statements: readonly PolicyStatement[], allowed: readonly GlobMatcher[]): Map<string, string> {
    const roots = new Map<string, string>();
    for (const statement of statements) {
        if (statement.effect !== "Allow" || statement.notPrincipal) continue;
        if (!statement.notAction && unacceptedWildcardActions(statement.action, allowed).length === 0) continue;
        for (const p of statement.principal?.entries ?? []) {
            const account = p.type === "AWS" ? rootAccount(p.id) : undefined;
            if (account && !roots.has(account)) roots.set(account, statement.label);
        }
    }
    return roots;
}

export const kmsNoWildcardActions = resourcePolicy<KmsNoWildcardActionsConfig>({
    name: "kms-no-wildcard-actions",
    displayName: "KMS key policies grant named actions to named principals",
    description:
        "KMS key policies must not grant wildcard actions to principals other than the account root, nor allow any principal " +
        "without pinning the caller's account or organization; bypassPolicyLockoutSafetyCheck must stay off.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Grant roles and services the exact KMS actions they use (kms:Decrypt, kms:GenerateDataKey, ...) instead of kms:* or " +
        "kms:Encrypt*; name principals instead of \"*\" or pin the caller with a StringEquals condition on kms:CallerAccount, " +
        "aws:PrincipalAccount or aws:PrincipalOrgID; remove bypassPolicyLockoutSafetyCheck.",
    tags: ["aws", "kms", "least-privilege"],
    configSchema: {
        properties: {
            allowedActions: globList(
                "Actions or globs (case-insensitive, * matches any characters) accepted even though they contain wildcards. The default " +
                    "accepts the key-use wildcards of AWS's default key policy (kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, " +
                    "kms:GenerateDataKey*, kms:Describe*); a list given here replaces it, and [] accepts none.",
                KEY_USE_WILDCARDS,
            ),
        },
    },
    strictConfig: { allowedActions: [] },
    resourceTypes: KEY_POLICY_TYPES,
    check: findKeyPolicyWildcards,
    stack: {
        judges: "key policies whose Deny excepts keys carrying a tag (AWS's data-perimeter `aws:ResourceTag/dp:exclude:*`), with the tags of the key they name " +
            "(a separate KeyPolicy) or the key's tagsAll (the provider's defaultTags)",
        resourceTypes: [t.KMS_KEY_POLICY, t.KMS_KEY],
        check: (resources, config) => findTaggedKeyGrants(resources, config),
    },
    examples: examples(),
});

function examples(): PolicyExample[] {
    const account = "111122223333";
    const root = { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" };
    const keyPolicy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: [root, ...statements] });
    const keyUsePolicy = () => keyPolicy(
        {
            Sid: "Allow use of the key", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:role/app` },
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], Resource: "*",
        },
        {
            Sid: "Allow CloudWatch Logs", Effect: "Allow", Principal: { Service: "logs.eu-west-1.amazonaws.com" },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${account}:log-group:/app/*` } },
        },
    );
    const keyUseKey = () => [{ type: t.KMS_KEY, name: "app-logs", protect: true, props: { enableKeyRotation: true, deletionWindowInDays: 30, policy: keyUsePolicy() } }];
    return [
        {
            title: "`kms:*` for an application role, the console's wildcard key-administrator statement, and `Principal: \"*\"` without a pinning condition",
            verdict: "fail",
            demo: true,
            resources: [
                {
                    type: t.KMS_KEY, name: "orders-data",
                    props: {
                        enableKeyRotation: true, deletionWindowInDays: 30,
                        policy: keyPolicy(
                            { Sid: "OrdersRole", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:role/orders-fn-role` }, Action: "kms:*", Resource: "*" },
                            {
                                Sid: "KeyAdministrators", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:role/KeyAdmin` },
                                Action: ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:Put*", "kms:Update*", "kms:Disable*"], Resource: "*",
                            },
                        ),
                    },
                },
                {
                    type: t.KMS_KEY_POLICY, name: "shared",
                    propertyDependencies: { keyId: ["orders-data"] },
                    props: {
                        keyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
                        policy: JSON.stringify({
                            Version: "2012-10-17",
                            Statement: [{ Sid: "AnyoneDecrypt", Effect: "Allow", Principal: "*", Action: ["kms:Decrypt"], Resource: "*" }],
                        }),
                    },
                },
            ],
            reported: ["orders-data", "shared"],
        },
        {
            title: "the root statement, named actions for the role, `Principal: \"*\"` pinned to the organization; and a key that keeps the default key policy",
            verdict: "pass",
            demo: true,
            resources: [
                {
                    type: t.KMS_KEY, name: "orders-data", protect: true,
                    props: {
                        enableKeyRotation: true, deletionWindowInDays: 30,
                        policy: keyPolicy(
                            {
                                Sid: "OrdersRole", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:role/orders-fn-role` },
                                Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: "*",
                            },
                            {
                                Sid: "OrgDecrypt", Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*",
                                Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
                            },
                        ),
                    },
                },
                { type: t.KMS_KEY, name: "scratch", protect: true, props: { enableKeyRotation: true, deletionWindowInDays: 30 } },
            ],
        },
        {
            title: "AWS's default \"Allow use of the key\" statement for a role, and the CloudWatch Logs statement of AWS's guide: " +
                "their key-use wildcards (`kms:ReEncrypt*`, `kms:GenerateDataKey*`, ...) are accepted by default",
            verdict: "pass",
            resources: keyUseKey(),
        },
        {
            title: "aws-native keys, as pulumi-cdk sends a CDK app's `kms.Key`: CDK's default key policy, and a key granted to CloudWatch Logs with `grantEncryptDecrypt`",
            verdict: "pass",
            resources: [
                {
                    type: t.NATIVE_KMS_KEY, name: "DataKey", protect: true,
                    props: {
                        enableKeyRotation: true,
                        keyPolicy: { Statement: [{ Action: "kms:*", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Resource: "*" }], Version: "2012-10-17" },
                    },
                },
                {
                    type: t.NATIVE_KMS_KEY, name: "LogsKey", protect: true,
                    props: {
                        enableKeyRotation: true,
                        keyPolicy: {
                            Statement: [
                                { Action: "kms:*", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Resource: "*" },
                                { Action: ["kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], Effect: "Allow", Principal: { Service: "logs.eu-west-1.amazonaws.com" }, Resource: "*" },
                            ],
                            Version: "2012-10-17",
                        },
                    },
                },
            ],
        },
        {
            title: "the same key under `allowedActions: []` (the strict preset), which accepts no wildcard",
            verdict: "fail",
            config: { allowedActions: [] },
            resources: keyUseKey(),
            messageIncludes: '"kms:ReEncrypt*", "kms:GenerateDataKey*"',
        },
        {
            title: "a key that disables the policy lockout safety check",
            verdict: "fail",
            resources: [{ type: t.KMS_KEY, name: "locked", props: { enableKeyRotation: true, bypassPolicyLockoutSafetyCheck: true } }],
            messageIncludes: "bypassPolicyLockoutSafetyCheck is true",
        },
        {
            title: "a key policy built from outputs that are unknown during a preview",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [{ type: t.KMS_KEY, name: "preview-key", props: { enableKeyRotation: true, policy: { $unknown: "string" } } }],
        },
    ];
}
