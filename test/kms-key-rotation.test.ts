import * as path from "path";
import { describe, expect, it } from "vitest";
import { loadInputFile } from "../cli/inputs";
import { canRotateAutomatically, findKeysWithoutRotation, isRotationSettable, KmsKeyRotationConfig, kmsKeyRotation } from "../policies/kms-key-rotation";
import * as t from "../policies/lib/tokens";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { FIXTURES, useEngine } from "./helpers/engine";
import { resource, sentinelsToWire } from "./helpers/resources";

const POLICY = "kms-key-rotation";
const DEFAULTS: KmsKeyRotationConfig = { maxRotationPeriodDays: 365 };
const U = UNKNOWN_SENTINELS.string;

const judge = (props: Record<string, unknown>, config = DEFAULTS, type = t.KMS_KEY) => findKeysWithoutRotation(resource(type, props, { name: "key" }), config);

describe("kms-key-rotation: keys that cannot rotate automatically are never flagged (pure rule)", () => {
    const cases: [string, Record<string, unknown>, string?][] = [
        ["RSA signing key (the SDK's own asymmetric example)", { customerMasterKeySpec: "RSA_3072", keyUsage: "SIGN_VERIFY", enableKeyRotation: false }],
        ["RSA encryption key", { customerMasterKeySpec: "RSA_4096", keyUsage: "ENCRYPT_DECRYPT", enableKeyRotation: false }],
        ["ECC signing key", { customerMasterKeySpec: "ECC_NIST_P384", keyUsage: "SIGN_VERIFY" }],
        ["ML-DSA key", { customerMasterKeySpec: "ML_DSA_87", keyUsage: "SIGN_VERIFY" }],
        ["SM2 key (China Regions)", { customerMasterKeySpec: "SM2", keyUsage: "ENCRYPT_DECRYPT" }],
        ["HMAC key", { customerMasterKeySpec: "HMAC_384", keyUsage: "GENERATE_VERIFY_MAC" }],
        ["ECC key-agreement key", { customerMasterKeySpec: "ECC_NIST_P384", keyUsage: "KEY_AGREEMENT", enableKeyRotation: false }],
        ["HMAC spec alone", { customerMasterKeySpec: "HMAC_512" }],
        ["CloudHSM key store", { customKeyStoreId: "cks-1234567890abcdef0", enableKeyRotation: false }],
        ["external key store", { customKeyStoreId: "cks-1234567890abcdef0", xksKeyId: "ext-key-1" }],
        ["imported key material (ExternalKey)", { keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" }, t.KMS_EXTERNAL_KEY],
        ["replica key (follows its primary)", { primaryKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/mrk-1" }, t.KMS_REPLICA_KEY],
        ["replica of imported material", { primaryKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/mrk-2" }, t.KMS_REPLICA_EXTERNAL_KEY],
        ["symmetric key rotating with the default period", { enableKeyRotation: true }],
        ["symmetric key rotating every 365 days, Check-filled defaults", { enableKeyRotation: true, rotationPeriodInDays: 365, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" }],
        ["multi-Region primary rotating every 90 days", { enableKeyRotation: true, rotationPeriodInDays: 90, multiRegion: true }],
        ["empty custom key store id (the provider's computed default in outputs)", { enableKeyRotation: true, customKeyStoreId: "", xksKeyId: "" }],
        // KMS does not rotate a disabled key nor change its rotation settings until it is enabled
        ["disabled key with rotation off (Check-filled defaults)", { enableKeyRotation: false, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", isEnabled: false }],
        ["disabled key that says nothing of rotation", { isEnabled: false }],
        ["disabled key rotating with a period longer than the maximum", { isEnabled: false, enableKeyRotation: true, rotationPeriodInDays: 2560 }],
        ["disabled single-Region key (multiRegion false in outputs)", { isEnabled: false, multiRegion: false, enableKeyRotation: false }],
        // unknowns at preview
        ["unknown enabled state", { isEnabled: UNKNOWN_SENTINELS.boolean, enableKeyRotation: false }],
        ["disabled key, unknown multi-Region", { isEnabled: false, multiRegion: UNKNOWN_SENTINELS.boolean, enableKeyRotation: false }],
        ["unknown key spec", { customerMasterKeySpec: U, enableKeyRotation: false }],
        ["unknown key usage", { keyUsage: U }],
        ["unknown custom key store", { customKeyStoreId: U }],
        ["unknown rotation flag", { enableKeyRotation: UNKNOWN_SENTINELS.boolean }],
        ["unknown period", { enableKeyRotation: true, rotationPeriodInDays: UNKNOWN_SENTINELS.number }],
    ];
    it.each(cases)("%s", (_label, props, type = t.KMS_KEY) => {
        expect(judge(props, DEFAULTS, type).map((f) => f.message)).toEqual([]);
    });
});

describe("kms-key-rotation: violations (pure rule)", () => {
    const cases: [string, Record<string, unknown>, KmsKeyRotationConfig, string][] = [
        ["rotation unset (a program that says nothing)", { description: "app data" }, DEFAULTS, "enableKeyRotation is not set (KMS does not rotate a key unless asked)"],
        ["rotation false (what Check fills in)", { description: "app data", enableKeyRotation: false, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", isEnabled: true }, DEFAULTS, "enableKeyRotation is false"],
        ["a period alone does not turn rotation on", { rotationPeriodInDays: 90 }, DEFAULTS, "enableKeyRotation is not set"],
        ["a multi-Region primary without rotation", { multiRegion: true }, DEFAULTS, "enableKeyRotation is not set"],
        ["an enabled key without rotation", { isEnabled: true, enableKeyRotation: false }, DEFAULTS, "enableKeyRotation is false"],
        ["isEnabled null (the provider's default, enabled)", { isEnabled: null, enableKeyRotation: false }, DEFAULTS, "enableKeyRotation is false"],
        ["a disabled multi-Region primary (its replicas have their own state and share its rotation)", { isEnabled: false, multiRegion: true }, DEFAULTS, "enableKeyRotation is not set"],
        ["a disabled multi-Region primary rotating too rarely", { isEnabled: false, multiRegion: true, enableKeyRotation: true, rotationPeriodInDays: 730 }, DEFAULTS, "rotationPeriodInDays is 730"],
        ["period longer than the maximum", { enableKeyRotation: true, rotationPeriodInDays: 2560 }, DEFAULTS, "rotationPeriodInDays is 2560"],
        ["period longer than a configured maximum", { enableKeyRotation: true, rotationPeriodInDays: 365 }, { maxRotationPeriodDays: 180 }, "at most 180"],
        ["default period longer than a configured maximum", { enableKeyRotation: true }, { maxRotationPeriodDays: 90 }, "rotationPeriodInDays is not set (KMS then rotates every 365 days)"],
        ["period of the wrong type", { enableKeyRotation: true, rotationPeriodInDays: "365" }, DEFAULTS, "is a string, not a number of days"],
    ];
    it.each(cases)("%s", (_label, props, config, expected) => {
        const findings = judge(props, config);
        expect(findings.length, findings.map((f) => f.message).join(" | ")).toBe(1);
        expect(findings[0].message).toContain(expected);
        expect(findings[0].message).toContain(`${t.KMS_KEY} "key": `);
    });

    it("suggests the configured period in the fix when it is shorter than KMS's default", () => {
        expect(judge({}, { maxRotationPeriodDays: 180 })[0].message).toContain("`enableKeyRotation: true` with `rotationPeriodInDays: 180`");
        expect(judge({}, DEFAULTS)[0].message).not.toContain("rotationPeriodInDays");
    });

    it("canRotateAutomatically: true only for symmetric encryption keys with KMS-generated material; undefined while unknown", () => {
        const key = (props: Record<string, unknown>) => resource(t.KMS_KEY, props);
        expect(canRotateAutomatically(key({}))).toBe(true);
        expect(canRotateAutomatically(key({ customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" }))).toBe(true);
        expect(canRotateAutomatically(key({ customerMasterKeySpec: "RSA_2048" }))).toBe(false);
        expect(canRotateAutomatically(key({ customerMasterKeySpec: U, keyUsage: "SIGN_VERIFY" }))).toBe(false);
        expect(canRotateAutomatically(key({ customerMasterKeySpec: U }))).toBeUndefined();
    });

    it("isRotationSettable: enabled keys and multi-Region primaries; undefined while unknown", () => {
        const key = (props: Record<string, unknown>) => resource(t.KMS_KEY, props);
        expect(isRotationSettable(key({}))).toBe(true);
        expect(isRotationSettable(key({ isEnabled: true }))).toBe(true);
        expect(isRotationSettable(key({ isEnabled: false }))).toBe(false);
        expect(isRotationSettable(key({ isEnabled: false, multiRegion: true }))).toBe(true);
        expect(isRotationSettable(key({ isEnabled: UNKNOWN_SENTINELS.boolean }))).toBeUndefined();
        expect(isRotationSettable(key({ isEnabled: false, multiRegion: UNKNOWN_SENTINELS.boolean }))).toBeUndefined();
    });
});

describe("kms-key-rotation: aws-native keys, as pulumi-cdk sends CDK's keys (pure rule)", () => {
    // CloudFormation's AWS::KMS::Key: keySpec (not customerMasterKeySpec), origin, enabled; nothing
    // filled in by the provider. CDK's kms.Key leaves EnableKeyRotation unset unless asked.
    const native = (props: Record<string, unknown>, config = DEFAULTS) => judge(props, config, t.NATIVE_KMS_KEY).map((f) => f.message);
    const passes: [string, Record<string, unknown>][] = [
        ["CDK's kms.Key with enableKeyRotation: true", { enableKeyRotation: true, keyPolicy: {}, description: "orders" }],
        ["a 90-day period", { enableKeyRotation: true, rotationPeriodInDays: 90 }],
        ["CDK's asymmetric signing key (KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY)", { keySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }],
        ["an HMAC key", { keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC", enableKeyRotation: false }],
        ["an ECC key-agreement key", { keySpec: "ECC_NIST_P256", keyUsage: "KEY_AGREEMENT" }],
        ["imported key material (origin EXTERNAL)", { origin: "EXTERNAL" }],
        ["unknown keySpec (preview)", { keySpec: U }],
        ["unknown origin (preview)", { origin: U, enableKeyRotation: false }],
        ["unknown rotation flag (preview)", { enableKeyRotation: UNKNOWN_SENTINELS.boolean }],
        ["unknown period (preview)", { enableKeyRotation: true, rotationPeriodInDays: UNKNOWN_SENTINELS.number }],
        ["a disabled single-Region key, as for the provider's keys", { enabled: false }],
        ["unknown enabled state (preview)", { enabled: UNKNOWN_SENTINELS.boolean }],
    ];
    it.each(passes)("passes %s", (_label, props) => {
        expect(native(props)).toEqual([]);
    });

    const fails: [string, Record<string, unknown>, string][] = [
        ["CDK's kms.Key without enableKeyRotation", { keyPolicy: {}, description: "orders" }, "enableKeyRotation is not set (KMS does not rotate a key unless asked)"],
        ["an explicit symmetric key with rotation false", { keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", enableKeyRotation: false }, "enableKeyRotation is false"],
        ["a disabled multi-Region primary, as for the provider's keys", { enabled: false, multiRegion: true }, "enableKeyRotation is not set"],
        ["a period longer than the maximum", { enableKeyRotation: true, rotationPeriodInDays: 730 }, "rotationPeriodInDays is 730"],
    ];
    it.each(fails)("reports %s", (_label, props, expected) => {
        const messages = native(props);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain(`${t.NATIVE_KMS_KEY} "key": `);
        expect(messages[0]).toContain(expected);
    });

    it("reads keySpec, not the provider's customerMasterKeySpec", () => {
        expect(canRotateAutomatically(resource(t.NATIVE_KMS_KEY, { keySpec: "RSA_4096" }))).toBe(false);
        expect(canRotateAutomatically(resource(t.NATIVE_KMS_KEY, { keySpec: U }))).toBeUndefined();
        expect(canRotateAutomatically(resource(t.NATIVE_KMS_KEY, {}))).toBe(true);
        expect(canRotateAutomatically(resource(t.KMS_REPLICA_KEY, {}))).toBe(false);
    });
});

describe("kms-key-rotation through the engine path", () => {
    const engine = useEngine();

    it("flags only the symmetric keys that do not rotate as asked, advisory by default", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "keys.json")));
        const found = run.of(POLICY);
        expect(found.map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel])).toEqual([
            ["orders-key", "advisory"],
            ["archive-key", "advisory"],
        ]);
        expect(found[0].message).toContain("enableKeyRotation is false");
        expect(found[1].message).toContain("rotationPeriodInDays is 2560");
    });

    it("takes maxRotationPeriodDays and the enforcement level from config", async () => {
        const run = await engine.run(loadInputFile(path.join(FIXTURES, POLICY, "keys.json")), {
            config: { [POLICY]: { enforcementLevel: "mandatory", properties: { maxRotationPeriodDays: 90 } } },
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel])).toEqual([
            ["orders-key", "mandatory"],
            ["archive-key", "mandatory"],
        ]);
    });

    it("rejects a period KMS would not accept in config, as the CLI does", async () => {
        await expect(engine.run({ resources: [{ type: t.KMS_KEY, name: "k", props: {} }] }, { config: { [POLICY]: { properties: { maxRotationPeriodDays: 30 } } } }))
            .rejects.toThrow("kms-key-rotation: maxRotationPeriodDays: must be >= 90");
    });

    it("a disabled key is not judged; a disabled multi-Region primary and a key enabled again are", async () => {
        const key = (name: string, props: Record<string, unknown>) => ({ type: t.KMS_KEY, name, props: { enableKeyRotation: false, customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", ...props } });
        const run = await engine.run({
            resources: [
                key("retired-key", { isEnabled: false }),
                key("retired-mrk", { isEnabled: false, multiRegion: true }),
                key("restored-key", { isEnabled: true }),
                { type: t.NATIVE_KMS_KEY, name: "RetiredNativeKey", props: { enabled: false } },
                { type: t.NATIVE_KMS_KEY, name: "RetiredNativeMrk", props: { enabled: false, multiRegion: true } },
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["retired-mrk", "restored-key", "RetiredNativeMrk"]);
        const preview = await engine.run({ preview: true, resources: [key("k", { isEnabled: { $unknown: "boolean" } })] });
        expect(preview.of(POLICY)).toEqual([]);
    });

    it("an unknown key spec or flag at preview gives no diagnostic", async () => {
        const run = await engine.run({
            preview: true,
            resources: [
                { type: t.KMS_KEY, name: "a", props: { customerMasterKeySpec: { $unknown: "string" }, enableKeyRotation: false } },
                { type: t.KMS_KEY, name: "b", props: { enableKeyRotation: { $unknown: "boolean" } } },
            ],
        });
        expect(run.of(POLICY)).toEqual([]);
    });

    it("aws-native keys (pulumi-cdk): CDK's default key without rotation is reported, a rotating one and a signing key pass; unknowns at preview give nothing", async () => {
        const keys = (spec: unknown, rotation: unknown) => [
            { type: t.NATIVE_KMS_KEY, name: "OrdersKey", props: { description: "orders", keyPolicy: { Statement: [], Version: "2012-10-17" } } },
            { type: t.NATIVE_KMS_KEY, name: "RotatingKey", props: { enableKeyRotation: rotation } },
            { type: t.NATIVE_KMS_KEY, name: "SigningKey", props: { keySpec: spec, keyUsage: "SIGN_VERIFY" } },
        ];
        const run = await engine.run({ resources: keys("ECC_NIST_P256", true) });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n")[1].replace(/\. .*$/s, "")])).toEqual([
            ["OrdersKey", "advisory", 'aws-native:kms:Key "OrdersKey": enableKeyRotation is not set (KMS does not rotate a key unless asked)'],
        ]);
        const preview = await engine.run({ preview: true, resources: keys({ $unknown: "string" }, { $unknown: "boolean" }).slice(1) });
        expect(preview.of(POLICY)).toEqual([]);
    });

    // Tenth held-out replay: shapes of public programs (Terraform modules passing customKeyStoreId "",
    // EKS and PGP keys, CDK keys through pulumi-cdk), labelled from the KMS Developer Guide before
    // running: automatic rotation exists only for symmetric encryption keys with KMS-generated material
    // (not asymmetric, HMAC, imported or custom-key-store keys); replicas share their primary's rotation;
    // periods are 90 to 2560 days, 365 when unset.
    it("held-out keys: reports only symmetric KMS-material keys that do not rotate as asked", async () => {
        const sym = { customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", isEnabled: true, multiRegion: false };
        const key = (name: string, props: Record<string, unknown>) => ({ type: t.KMS_KEY, name, props: { ...sym, enableKeyRotation: false, ...props } });
        const native = (name: string, props: Record<string, unknown>) => ({ type: t.NATIVE_KMS_KEY, name, props });
        const mrk = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";
        const run = await engine.run({
            resources: [
                key("tf-module-key", { customKeyStoreId: "" }),
                key("eks-secrets-key", { enableKeyRotation: true }),
                key("pgp-key", { customerMasterKeySpec: "RSA_4096" }),
                key("secp256k1-signer", { customerMasterKeySpec: "ECC_SECG_P256K1", keyUsage: "SIGN_VERIFY" }),
                key("mldsa-signer", { customerMasterKeySpec: "ML_DSA_44", keyUsage: "SIGN_VERIFY" }),
                key("webhook-hmac", { customerMasterKeySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" }),
                key("hsm-key", { customKeyStoreId: "cks-1234567890abcdef0", xksKeyId: "" }),
                key("mrk-primary", { multiRegion: true }),
                key("mrk-primary-slow", { multiRegion: true, enableKeyRotation: true, rotationPeriodInDays: 2560 }),
                key("quarterly-key", { enableKeyRotation: true, rotationPeriodInDays: 90 }),
                key("just-over-a-year", { enableKeyRotation: true, rotationPeriodInDays: 366 }),
                { type: t.KMS_EXTERNAL_KEY, name: "byok-key", props: { keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", enabled: true } },
                { type: t.KMS_REPLICA_KEY, name: "mrk-replica", props: { primaryKeyArn: mrk, enabled: true } },
                { type: t.KMS_REPLICA_EXTERNAL_KEY, name: "byok-replica", props: { primaryKeyArn: mrk, enabled: true } },
                native("CdkDefaultKey", {}),
                native("ImportedKey", { origin: "EXTERNAL", keySpec: "SYMMETRIC_DEFAULT" }),
                native("ExplicitKmsOrigin", { origin: "AWS_KMS", keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", enableKeyRotation: false }),
                native("HmacKey", { keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" }),
                native("RsaEncryptKey", { keySpec: "RSA_2048", keyUsage: "ENCRYPT_DECRYPT" }),
                native("Sm2Key", { keySpec: "SM2", keyUsage: "SIGN_VERIFY" }),
                native("LongPeriodKey", { enableKeyRotation: true, rotationPeriodInDays: 1000 }),
                native("PeriodWithoutRotation", { rotationPeriodInDays: 90 }),
                native("DisabledMrkThatRotates", { multiRegion: true, enabled: false, enableKeyRotation: true }),
                { type: t.NATIVE_KMS_REPLICA_KEY, name: "NativeReplica", props: { primaryKeyId: mrk, keyPolicy: {} } },
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n")[1].replace(/^[^"]*"[^"]*": /, "").replace(/( \(|\. ).*$/s, "")])).toEqual([
            ["tf-module-key", "enableKeyRotation is false"],
            ["mrk-primary", "enableKeyRotation is false"],
            ["mrk-primary-slow", "rotationPeriodInDays is 2560"],
            ["just-over-a-year", "rotationPeriodInDays is 366"],
            ["CdkDefaultKey", "enableKeyRotation is not set"],
            ["ExplicitKmsOrigin", "enableKeyRotation is false"],
            ["LongPeriodKey", "rotationPeriodInDays is 1000"],
            ["PeriodWithoutRotation", "enableKeyRotation is not set"],
        ]);
        const unknown = (type: string) => ({ $unknown: type });
        const preview = await engine.run({
            preview: true,
            resources: [
                key("period-pending", { enableKeyRotation: true, rotationPeriodInDays: unknown("number") }),
                key("usage-pending", { keyUsage: unknown("string") }),
                key("store-pending", { customKeyStoreId: unknown("string") }),
                native("OriginPending", { origin: unknown("string") }),
                native("EnabledPending", { enabled: unknown("boolean"), multiRegion: false }),
                native("NativePeriodPending", { enableKeyRotation: true, rotationPeriodInDays: unknown("number") }),
                // Enabled, so whether it is multi-Region changes nothing: reported as either value would be.
                key("region-pending", { multiRegion: unknown("boolean") }),
            ],
        });
        expect(preview.of(POLICY).map((d) => preview.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["region-pending"]);
    });

    it("serves its metadata: advisory, medium", () => {
        expect(kmsKeyRotation.enforcementLevel).toBe("advisory");
        expect(kmsKeyRotation.severity).toBe("medium");
        expect(kmsKeyRotation.resourceTypes).toEqual([t.KMS_KEY, t.NATIVE_KMS_KEY]);
    });
});

// Thirteenth held-out replay (helper 100), labelled before running from the KMS Developer Guide
// ("Rotate AWS KMS keys": automatic rotation only for symmetric encryption keys with KMS-generated
// material; periods 90 to 2560 days, 365 by default; multi-Region keys rotate from the primary), the
// CloudFormation AWS::KMS::Key page ("For asymmetric KMS keys, HMAC KMS keys, and KMS keys with Origin
// EXTERNAL, omit the EnableKeyRotation property or set it to false") and other tools' false alarms
// (checkov#4475 CKV_AWS_7 on asymmetric keys, kics#5335 and #7337, ScoutSuite#1636, prowler#742).
// [label, type, props, expected: finding or not, config]
describe("kms-key-rotation: held-out keys (thirteenth replay)", () => {
    const sym = { customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", isEnabled: true, enableKeyRotation: false };
    const mrk = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";
    const cases: [string, string, Record<string, unknown>, boolean, KmsKeyRotationConfig?][] = [
        ["K1 symmetric key, Check-filled defaults", t.KMS_KEY, { ...sym }, true],
        ["K2 rotation on", t.KMS_KEY, { ...sym, enableKeyRotation: true }, false],
        ["K3 rotation every 90 days (the minimum)", t.KMS_KEY, { ...sym, enableKeyRotation: true, rotationPeriodInDays: 90 }, false],
        ["K4 rotation every 2560 days (the maximum)", t.KMS_KEY, { ...sym, enableKeyRotation: true, rotationPeriodInDays: 2560 }, true],
        ["K5 RSA encryption key (checkov#4475)", t.KMS_KEY, { ...sym, customerMasterKeySpec: "RSA_2048" }, false],
        ["K6 ECC signing key", t.KMS_KEY, { ...sym, customerMasterKeySpec: "ECC_NIST_P521", keyUsage: "SIGN_VERIFY" }, false],
        ["K7 HMAC key", t.KMS_KEY, { ...sym, customerMasterKeySpec: "HMAC_224", keyUsage: "GENERATE_VERIFY_MAC" }, false],
        ["K8 CloudHSM key store", t.KMS_KEY, { ...sym, customKeyStoreId: "cks-1234567890abcdef0" }, false],
        ["K9 external key store", t.KMS_KEY, { ...sym, customKeyStoreId: "cks-1234567890abcdef0", xksKeyId: "bb8562717f809024" }, false],
        ["K10 ExternalKey (imported material)", t.KMS_EXTERNAL_KEY, { keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", enabled: true }, false],
        ["K11 ReplicaKey", t.KMS_REPLICA_KEY, { primaryKeyArn: mrk, enabled: true }, false],
        ["K12 ReplicaExternalKey", t.KMS_REPLICA_EXTERNAL_KEY, { primaryKeyArn: mrk, enabled: true }, false],
        ["K13 multi-Region primary without rotation", t.KMS_KEY, { ...sym, multiRegion: true }, true],
        ["K14 multi-Region primary rotating every 180 days", t.KMS_KEY, { ...sym, multiRegion: true, enableKeyRotation: true, rotationPeriodInDays: 180 }, false],
        ["K15 disabled single-Region key", t.KMS_KEY, { ...sym, isEnabled: false, multiRegion: false }, false],
        ["K16 disabled multi-Region primary without rotation", t.KMS_KEY, { ...sym, isEnabled: false, multiRegion: true }, true],
        ["K17 aws-native key, CDK's default", t.NATIVE_KMS_KEY, { keyPolicy: { Version: "2012-10-17", Statement: [] } }, true],
        ["K18 aws-native key rotating", t.NATIVE_KMS_KEY, { enableKeyRotation: true }, false],
        ["K19 aws-native RSA_4096 key", t.NATIVE_KMS_KEY, { keySpec: "RSA_4096", keyUsage: "ENCRYPT_DECRYPT" }, false],
        ["K20 aws-native HMAC_512 key", t.NATIVE_KMS_KEY, { keySpec: "HMAC_512", keyUsage: "GENERATE_VERIFY_MAC" }, false],
        ["K21 aws-native origin EXTERNAL (kics#7337)", t.NATIVE_KMS_KEY, { origin: "EXTERNAL", enableKeyRotation: false }, false],
        ["K22 aws-native multi-Region primary rotating yearly", t.NATIVE_KMS_KEY, { multiRegion: true, enableKeyRotation: true, rotationPeriodInDays: 365 }, false],
        ["K23 aws-native ReplicaKey", t.NATIVE_KMS_REPLICA_KEY, { primaryKeyId: mrk, keyPolicy: {} }, false],
        ["K24 aws-native rotation every 730 days", t.NATIVE_KMS_KEY, { enableKeyRotation: true, rotationPeriodInDays: 730 }, true],
        ["K25 key spec unknown at preview", t.KMS_KEY, { ...sym, customerMasterKeySpec: U }, false],
        ["K26 rotation flag unknown at preview", t.KMS_KEY, { ...sym, enableKeyRotation: UNKNOWN_SENTINELS.boolean }, false],
        ["K27 SM2 key (China Regions)", t.KMS_KEY, { ...sym, customerMasterKeySpec: "SM2" }, false],
        ["K28 ML-DSA signing key", t.KMS_KEY, { ...sym, customerMasterKeySpec: "ML_DSA_65", keyUsage: "SIGN_VERIFY" }, false],
        ["K29 aws-native ECC key-agreement key", t.NATIVE_KMS_KEY, { keySpec: "ECC_NIST_P256", keyUsage: "KEY_AGREEMENT" }, false],
        ["K30 default period under maxRotationPeriodDays 180", t.KMS_KEY, { ...sym, enableKeyRotation: true }, true, { maxRotationPeriodDays: 180 }],
        ["K31 disabled key rotating with a long period", t.KMS_KEY, { ...sym, isEnabled: false, enableKeyRotation: true, rotationPeriodInDays: 2000 }, false],
        ["K32 aws-native explicit symmetric key with rotation off", t.NATIVE_KMS_KEY, { keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", enableKeyRotation: false }, true],
        ["K33 key usage unknown at preview", t.KMS_KEY, { ...sym, keyUsage: U }, false],
        ["K34 aws-native origin unknown at preview", t.NATIVE_KMS_KEY, { origin: U }, false],
        ["K35 period unknown at preview, rotation on", t.NATIVE_KMS_KEY, { enableKeyRotation: true, rotationPeriodInDays: UNKNOWN_SENTINELS.number }, false],
        ["K36 rotation every 730 days under maxRotationPeriodDays 2560", t.KMS_KEY, { ...sym, enableKeyRotation: true, rotationPeriodInDays: 730 }, false, { maxRotationPeriodDays: 2560 }],
    ];
    it.each(cases)("%s", (_label, type, props, expected, config) => {
        expect(findKeysWithoutRotation(resource(type, props, { name: "key" }), config ?? DEFAULTS).length > 0).toBe(expected);
    });

    const engine = useEngine();
    it("the same rows through the engine path, unknowns sent as at preview", async () => {
        const id = (label: string) => label.split(" ")[0];
        const groups = new Map<number, typeof cases>();
        for (const row of cases) groups.set(row[4]?.maxRotationPeriodDays ?? 365, [...(groups.get(row[4]?.maxRotationPeriodDays ?? 365) ?? []), row]);
        for (const [days, rows] of groups) {
            const run = await engine.run(
                { resources: rows.map(([label, type, props]) => ({ type, name: id(label), props: sentinelsToWire(props) })) },
                { config: { [POLICY]: { properties: { maxRotationPeriodDays: days } } } },
            );
            expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(rows.filter(([, , , expected]) => expected).map(([label]) => id(label)));
        }
    });
});
