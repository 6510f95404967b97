// Symmetric encryption keys the program creates rotate their key material automatically, at
// most every maxRotationPeriodDays. KMS keeps the old material, so rotation needs no
// re-encryption and breaks nothing; it bounds how much data one piece of material protects.
//
// Only symmetric encryption keys with KMS-generated material can rotate automatically: not
// asymmetric or HMAC keys, not imported material (aws.kms.ExternalKey), not keys in a custom
// key store (CloudHSM or external). Those are never judged, nor are replica keys, which share
// their primary's rotation (AWS KMS API, EnableKeyRotation). The provider's Check fills in
// `enableKeyRotation: false`, `customerMasterKeySpec: "SYMMETRIC_DEFAULT"`,
// `keyUsage: "ENCRYPT_DECRYPT"` and `isEnabled: true` when the program leaves them out.
// aws-native's kms.Key (CloudFormation's schema, as pulumi-cdk sends CDK's keys) is judged alike.
//
// A disabled single-Region key (`isEnabled: false`, aws-native `enabled: false`) is not judged
// either: KMS does not rotate it and refuses to change its rotation settings until it is enabled
// again (KMS Developer Guide, "Enable automatic key rotation"; EnableKeyRotation answers
// DisabledException), so the provider cannot follow the fix in place; re-enabling it in the
// program judges it again. A disabled multi-Region primary stays judged: its replicas have their
// own key state and share the rotation it sets (KMS API, ReplicateKey).
import { all, Decided } from "./lib/decided";
import { PropertyCheck, propertyRule } from "./lib/property-rule";
import { Finding, PlainResource, PolicyExample, resourcePolicy } from "./lib/rule";
import * as t from "./lib/tokens";
import { isUnknown } from "./lib/values";

export interface KmsKeyRotationConfig {
    maxRotationPeriodDays: number;
}

/** What KMS rotates when rotation is on and rotationPeriodInDays is not set. */
export const AWS_DEFAULT_ROTATION_DAYS = 365;

/** Unset or one of the accepted values; undefined while unknown. */
function unsetOr(value: unknown, ...accepted: string[]): Decided {
    if (isUnknown(value)) return undefined;
    return value === undefined || value === null || value === "" || (typeof value === "string" && accepted.includes(value));
}

/**
 * Per key type, the inputs that decide whether KMS can rotate the key automatically, each with
 * the values besides unset that allow it.
 */
export const ROTATION_INPUTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
    [t.KMS_KEY]: { customerMasterKeySpec: ["SYMMETRIC_DEFAULT"], keyUsage: ["ENCRYPT_DECRYPT"], customKeyStoreId: [], xksKeyId: [] },
    // CloudFormation's AWS::KMS::Key (pulumi-cdk's keys): `origin: "EXTERNAL"` is imported material;
    // CloudFormation creates no key in a custom key store. Its enableKeyRotation also defaults to false.
    [t.NATIVE_KMS_KEY]: { keySpec: ["SYMMETRIC_DEFAULT"], keyUsage: ["ENCRYPT_DECRYPT"], origin: ["AWS_KMS"] },
};

/** A key KMS can rotate automatically: a symmetric encryption key with KMS-generated material. */
export function canRotateAutomatically(key: PlainResource): Decided {
    const inputs = ROTATION_INPUTS[key.type];
    if (!inputs) return false;
    return all(...Object.entries(inputs).map(([input, accepted]) => unsetOr(key.props[input], ...accepted)));
}

const KEY_TYPES = Object.keys(ROTATION_INPUTS);

/** Per key type, the input that disables the key (both default to enabled). */
const ENABLED_INPUT: Readonly<Record<string, string>> = { [t.KMS_KEY]: "isEnabled", [t.NATIVE_KMS_KEY]: "enabled" };

/** A key in use whose rotation the program can set: enabled, or a multi-Region primary (its replicas may be). */
export function isRotationSettable(key: PlainResource): Decided {
    const enabled = key.props[ENABLED_INPUT[key.type] ?? "isEnabled"];
    if (isUnknown(enabled)) return undefined;
    if (enabled !== false) return true;
    const multiRegion = key.props.multiRegion;
    return isUnknown(multiRegion) ? undefined : multiRegion === true;
}

/** The keys this policy judges. */
function isJudged(key: PlainResource): Decided {
    return all(canRotateAutomatically(key), isRotationSettable(key));
}

const checks: PropertyCheck<KmsKeyRotationConfig>[] = [
    {
        types: KEY_TYPES,
        property: "enableKeyRotation",
        accepts: (v) => v === true,
        expected: "the boolean true",
        unset: { value: false, note: "KMS does not rotate a key unless asked" },
        appliesTo: isJudged,
        fix: (config) => `Set \`enableKeyRotation: true\`${config.maxRotationPeriodDays < AWS_DEFAULT_ROTATION_DAYS ? ` with \`rotationPeriodInDays: ${config.maxRotationPeriodDays}\`` : ""}; ` +
            "KMS keeps the old key material, so nothing needs re-encrypting.",
    },
    {
        types: KEY_TYPES,
        property: "rotationPeriodInDays",
        accepts: (v, config) => typeof v === "number" && Number.isFinite(v) && v <= config.maxRotationPeriodDays,
        expected: "a number of days",
        unset: { value: AWS_DEFAULT_ROTATION_DAYS, note: `KMS then rotates every ${AWS_DEFAULT_ROTATION_DAYS} days` },
        appliesTo: (key) => {
            const rotatable = isJudged(key);
            const enabled = key.props.enableKeyRotation;
            if (rotatable === false || enabled === false) return false;
            return rotatable === true && enabled === true ? true : undefined;
        },
        fix: (config) => `Set \`rotationPeriodInDays\` to at most ${config.maxRotationPeriodDays} (maxRotationPeriodDays in this policy's config; KMS accepts 90 to 2560).`,
    },
];

const rule = propertyRule(checks);

/** The pure rule. */
export function findKeysWithoutRotation(resource: PlainResource, config: KmsKeyRotationConfig): Finding[] {
    return rule.check(resource, config);
}

export const kmsKeyRotation = resourcePolicy<KmsKeyRotationConfig>({
    name: "kms-key-rotation",
    displayName: "KMS keys rotate automatically",
    description: "Symmetric encryption KMS keys created by the program have automatic key rotation on, with a period no longer than maxRotationPeriodDays; " +
        "keys that cannot rotate automatically (asymmetric, HMAC, imported material, custom key stores) and replica keys are not judged.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Set `enableKeyRotation: true` on the aws.kms.Key or aws-native kms.Key (and `rotationPeriodInDays` no longer than maxRotationPeriodDays if set).",
    tags: ["aws", "kms", "encryption"],
    framework: {
        name: "AWS Foundational Security Best Practices",
        version: "1.0.0",
        reference: "KMS.4",
        specification: "AWS KMS key rotation should be enabled.",
    },
    configSchema: {
        properties: {
            maxRotationPeriodDays: {
                type: "integer",
                minimum: 90,
                maximum: 2560,
                default: AWS_DEFAULT_ROTATION_DAYS,
                description: "The longest rotation period accepted, in days (KMS accepts 90 to 2560; it rotates every 365 days when rotationPeriodInDays is not set).",
            },
        },
    },
    resourceTypes: rule.resourceTypes,
    check: findKeysWithoutRotation,
    examples: examples(),
});

function examples(): PolicyExample[] {
    return [
        {
            title: "a symmetric key that leaves rotation off (the provider fills in false)",
            verdict: "fail",
            demo: true,
            resources: [{
                type: t.KMS_KEY, name: "billing-key",
                props: { description: "billing data", enableKeyRotation: false, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", isEnabled: true },
            }],
            messageIncludes: "enableKeyRotation",
        },
        {
            title: "a symmetric key that rotates yearly, and keys that cannot rotate automatically",
            verdict: "pass",
            demo: true,
            resources: [
                {
                    type: t.KMS_KEY, name: "billing-key", protect: true,
                    props: { description: "billing data", enableKeyRotation: true, rotationPeriodInDays: 365, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" },
                },
                {
                    type: t.KMS_KEY, name: "signing-key", protect: true,
                    props: { description: "release signing", customerMasterKeySpec: "RSA_3072", keyUsage: "SIGN_VERIFY", enableKeyRotation: false },
                },
                {
                    type: t.KMS_KEY, name: "webhook-mac-key", protect: true,
                    props: { description: "webhook MACs", customerMasterKeySpec: "HMAC_384", keyUsage: "GENERATE_VERIFY_MAC", enableKeyRotation: false },
                },
            ],
            note: "Asymmetric and HMAC keys cannot rotate automatically; neither can imported key material (aws.kms.ExternalKey) nor keys in a custom key store.",
        },
        {
            title: "aws-native keys, as pulumi-cdk sends a CDK app's `kms.Key`: one without `enableKeyRotation` (CDK's default), one that rotates, and an asymmetric signing key",
            verdict: "fail",
            resources: [
                { type: t.NATIVE_KMS_KEY, name: "OrdersKey", props: { description: "orders data" } },
                { type: t.NATIVE_KMS_KEY, name: "AuditKey", props: { description: "audit logs", enableKeyRotation: true } },
                { type: t.NATIVE_KMS_KEY, name: "ReleaseSigningKey", props: { description: "release signing", keySpec: "ECC_NIST_P256", keyUsage: "SIGN_VERIFY" } },
            ],
            reported: ["OrdersKey"],
            messageIncludes: "enableKeyRotation is not set",
        },
        {
            title: "a rotation period longer than maxRotationPeriodDays",
            verdict: "fail",
            resources: [{ type: t.KMS_KEY, name: "archive-key", props: { description: "archive", enableKeyRotation: true, rotationPeriodInDays: 730 } }],
            messageIncludes: "rotationPeriodInDays is 730",
        },
        {
            title: "with maxRotationPeriodDays: 180, a key that relies on the yearly default",
            verdict: "fail",
            config: { maxRotationPeriodDays: 180 },
            docs: false,
            resources: [{ type: t.KMS_KEY, name: "archive-key", props: { description: "archive", enableKeyRotation: true } }],
            messageIncludes: "rotates every 365 days",
        },
        {
            title: "keys in a custom key store, imported key material and a replica key",
            verdict: "pass",
            docs: false,
            resources: [
                { type: t.KMS_KEY, name: "hsm-key", props: { description: "CloudHSM", customKeyStoreId: "cks-1234567890abcdef0", enableKeyRotation: false } },
                { type: t.KMS_KEY, name: "xks-key", props: { description: "external", customKeyStoreId: "cks-1234567890abcdef1", xksKeyId: "ext-key-1", enableKeyRotation: false } },
                { type: t.KMS_EXTERNAL_KEY, name: "byok-key", props: { description: "imported", keySpec: "SYMMETRIC_DEFAULT", keyMaterialBase64: { $secret: "bm90LXJlYWwta2V5LW1hdGVyaWFs" } } },
                { type: t.KMS_REPLICA_KEY, name: "orders-key-replica", props: { description: "replica", primaryKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab" } },
            ],
        },
        {
            title: "a key spec computed from another output during a preview",
            verdict: "pass",
            preview: true,
            docs: false,
            resources: [{ type: t.KMS_KEY, name: "k", props: { description: "computed", customerMasterKeySpec: { $unknown: "string" }, enableKeyRotation: false } }],
        },
    ];
}
