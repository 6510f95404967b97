// Every AWS data store is encrypted at rest: declared in the program, or guaranteed by the
// service. Several services now encrypt everything (DynamoDB, SQS since 2022, SNS on its own
// encrypted disks, CloudWatch Logs, Secrets Manager, MSK, MemoryDB, Redshift since 2025, new
// Aurora clusters since 2026-02-18): those pass unless requireCustomerManagedKey asks for the
// customer's own key. The others (EBS, RDS instances and Multi-AZ clusters, DocumentDB,
// Neptune, EFS, Kinesis, Firehose Direct PUT, ElastiCache Redis OSS, OpenSearch, DAX,
// WorkSpaces volumes, EMR security configurations and clusters without one, Image Builder
// recipes' volumes, EKS node groups and Batch compute environments on a public AMI, API
// Gateway method caches) must say so.
//
// A resource policy: it judges what the program declares (inputs after the provider's Check),
// which is what AWS will be asked for. A stack policy would see outputs, where AWS's own view
// of an existing resource replaces the declaration (an Aurora cluster encrypted by default
// can read back storageEncrypted: false), and an unset value at preview is an unknown.
// With two exceptions, its stack part: EBS volumes whose encryption may come from the
// account's EBS encryption by default, which another resource of the stack turns on (see
// "EBS" below), and API Gateway method caches, which take the stage's settings. There
// outputs help: an unset value is unknown at preview only on a new resource, and afterwards
// it is what AWS did.
//
// What never counts as unencrypted (traps other tools fell into): read replicas and snapshot
// or point-in-time restores (their source decides), Aurora/DocumentDB/Neptune instances (their
// cluster decides), an instance's root volume without `encrypted` (the AMI and the account's
// EBS default decide), devices built from a snapshot, SSE-SQS, DynamoDB's AWS owned key, an
// AppSync API cache's `atRestEncryptionEnabled: false` (AppSync encrypts every cache since 2026:
// Security Hub retired AppSync.1 on 2026-03-09; there is no key to choose, so it is not judged).
import { all, any, Decided, fieldOf, negate, whenKnown } from "./lib/decided";
import { kindOf, variableName } from "./lib/describe";
import { isCustomerManagedKey, describeKeyReference } from "./lib/kms-keys";
import { Block, describeState, PropertyCheck, propertyRule, UnsetDefault } from "./lib/property-rule";
import { indexReferences, ReferenceIndex } from "./lib/references";
import { Finding, PlainResource, PolicyExample, resourcePolicy, StackContext } from "./lib/rule";
import * as t from "./lib/tokens";
import { isOn, isRecord, isUnknown } from "./lib/values";

export interface EncryptionAtRestConfig {
    requireCustomerManagedKey: boolean;
    ebsEncryptionByDefault: boolean;
}

type Check = PropertyCheck<EncryptionAtRestConfig>;

// ---------------------------------------------------------------- reading values

function isUnset(value: unknown): boolean {
    return value === undefined || value === null || value === "";
}

/** Whether a value names something (a source, a block): undefined while unknown. */
function present(value: unknown): Decided {
    if (isUnknown(value)) return undefined;
    return !isUnset(value) && value !== false;
}

/** True when none of the values names something; undefined when that depends on an unknown. */
function noneOf(...values: unknown[]): Decided {
    let open = false;
    for (const v of values) {
        const p = present(v);
        if (p === true) return false;
        if (p === undefined) open = true;
    }
    return open ? undefined : true;
}

/** Encryption declared on (true), off or odd (false), or not known yet; `unsetMeans` when not set. */
function declaredOn(value: unknown, unsetMeans: Decided): Decided {
    if (isUnknown(value)) return undefined;
    if (isUnset(value)) return unsetMeans;
    return isOn(value);
}

function blockOf(value: unknown): Record<string, unknown> | undefined {
    return isRecord(value) ? value : undefined;
}

function lower(value: unknown): string | undefined {
    return typeof value === "string" && !isUnknown(value) ? value.toLowerCase() : undefined;
}

// ---------------------------------------------------------------- check builders

const ACCEPTS_TRUE = { accepts: (v: unknown) => v === true, expected: "the boolean true" };
const ACCEPTS_TRUE_STRING = {
    accepts: isOn,
    expected: 'true or "true"',
    shownStrings: ["false"],
    blankIsUnset: true,
};

const CONFIG_HINT = "set requireCustomerManagedKey to false in this policy's config if the service's own key is acceptable";

/** How a key check names what it wants and words a key reference (never beyond an AWS service alias). */
const KEY_EXPECTED = { expected: "a customer managed KMS key", describe: describeKeyReference };

/** The fix of a key finding: name a customer managed key in `setting`. */
const keyFix = (setting: string, alsoSet?: string) =>
    `requireCustomerManagedKey is true: set \`${setting}\` to a customer managed KMS key (e.g. \`key.arn\`${alsoSet ? `, with ${alsoSet}` : ""}), or ${CONFIG_HINT}.`;

/** Under requireCustomerManagedKey, `property` must name a customer managed key. */
function keyCheck<C extends EncryptionAtRestConfig = EncryptionAtRestConfig>(
    types: readonly string[],
    property: string,
    unsetNote: string | ((resource: PlainResource, block: Block) => string),
    options: Pick<PropertyCheck<C>, "appliesTo" | "appliesAt"> & { alsoSet?: string } = {},
): PropertyCheck<C> {
    const setting = property.replace(/\[\]/g, "").split(".").pop() ?? property;
    return {
        types,
        property,
        unset: (resource, _config, block) => ({ value: undefined, note: typeof unsetNote === "string" ? unsetNote : unsetNote(resource, block) }),
        accepts: isCustomerManagedKey,
        ...KEY_EXPECTED,
        blankIsUnset: true,
        appliesTo: (resource, config) => (config.requireCustomerManagedKey ? (options.appliesTo ? options.appliesTo(resource, config) : true) : false),
        appliesAt: options.appliesAt,
        fix: keyFix(setting, options.alsoSet),
    };
}

/**
 * Under requireCustomerManagedKey, a service's own S3 uploads: `SSE_S3` asks S3 for S3-managed keys
 * on each request, which a bucket's default key does not override. `unset` where AWS documents
 * what an unset mode uses; else an unset mode is left to the bucket.
 */
function s3UploadModeCheck(
    types: readonly string[],
    property: string,
    fix: string,
    options: Pick<Check, "appliesTo" | "unset"> = {},
): Check {
    return {
        types,
        property,
        accepts: (v) => v !== undefined && v !== "SSE_S3",
        expected: '"SSE_KMS"',
        shownStrings: ["SSE_S3", "SSE_KMS"],
        unset: options.unset,
        appliesTo: (resource, config) => (config.requireCustomerManagedKey ? (options.appliesTo ? options.appliesTo(resource, config) : true) : false),
        fix: `requireCustomerManagedKey is true: ${fix}, or ${CONFIG_HINT}.`,
    };
}

/** Whether an input, compared without case, is one of the values; undefined while unknown. */
const namedAs = (value: unknown, wanted: string): Decided => whenKnown(value, (v) => typeof v === "string" && v.toLowerCase() === wanted);

/**
 * Kinesis Video Streams keeps a stream's media at rest only with a retention: at 0 (the
 * default) "the stream does not persist data", and consumers read fragments from a host buffer
 * held for at most 5 minutes (the CreateStream API; Connect's KinesisVideoStreamConfig alike).
 */
const retainsMedia = (hours: unknown): boolean => Number(hours ?? 0) !== 0;

/**
 * Amazon Connect's instance storage configuration, per type: the block that holds its `s3Config`
 * and `kinesisVideoStreamConfig` (CloudFormation's AWS::Connect::InstanceStorageConfig, aws-native,
 * has them top-level).
 */
const CONNECT_STORAGE: Readonly<Record<string, string | undefined>> = {
    [t.CONNECT_INSTANCE_STORAGE_CONFIG]: "storageConfig",
    [t.NATIVE_CONNECT_INSTANCE_STORAGE_CONFIG]: undefined,
};

/** One of a Connect storage configuration's blocks; unknown while it or its holder is. */
function connectStorage(r: PlainResource, name: string): unknown {
    const key = CONNECT_STORAGE[r.type];
    const holder = key === undefined ? r.props : r.props[key];
    return isRecord(holder) ? holder[name] : isUnknown(holder) ? holder : undefined;
}

/**
 * Under requireCustomerManagedKey, an encryption block's `mode` (the resource's own with `block` "") must be one of its KMS modes
 * (`kms`, the first named in the fix) and its `key` a customer managed key; another mode is the
 * mode check's finding, an unset one too unless `unset` is undefined (left to the destination). `appliesTo` limits both to the resources the block encrypts.
 */
function kmsModeChecks(
    types: readonly string[], block: string, mode: string, kms: string | readonly string[], unset: Check["unset"], shownStrings: readonly string[],
    options: { key?: string; appliesTo?: Check["appliesTo"] } = {},
): Check[] {
    const modes = typeof kms === "string" ? [kms] : kms;
    const key = options.key ?? "kmsKeyArn";
    const isKms = (v: unknown) => modes.includes(v as string);
    const at = (input: string) => (block === "" ? input : `${block}.${input}`);
    return [
        {
            types,
            property: at(mode),
            accepts: isKms,
            expected: modes.map((m) => `"${m}"`).join(" or "),
            shownStrings,
            blankIsUnset: true,
            appliesTo: (r, config) => (config.requireCustomerManagedKey ? (options.appliesTo ? options.appliesTo(r, config) : true) : false),
            unset,
            fix: `requireCustomerManagedKey is true: set \`${mode}: "${modes[0]}"\` with \`${key}: key.arn\`, or ${CONFIG_HINT}.`,
        },
        keyCheck(types, at(key), "no key is named", { appliesTo: options.appliesTo, appliesAt: (b) => whenKnown(b?.[mode], isKms) }),
    ];
}

/**
 * Under requireCustomerManagedKey, a list of encryption configurations must be declared: without
 * one (or with an empty one) the service uses its own keys. Its elements are judged apart.
 */
function encryptionListCheck(type: string, property: string, unset: UnsetDefault, example: string): Check {
    return {
        types: [type],
        property,
        accepts: (v) => Array.isArray(v) && v.length > 0,
        expected: "a list with one encryption configuration",
        describe: (v) => (Array.isArray(v) && v.length === 0 ? "is an empty list" : undefined),
        appliesTo: (_r, config) => config.requireCustomerManagedKey,
        unset,
        fix: `requireCustomerManagedKey is true: set \`${property}: [${example}]\`, or ${CONFIG_HINT}.`,
    };
}

// ---------------------------------------------------------------- EBS: volumes, instances, launch templates
//
// Whether a volume is encrypted when `encrypted` is not set depends on the account's EBS
// encryption by default in its region, which an aws.ebs.EncryptionByDefault of the same stack
// may turn on: only the whole stack shows that, with the volume's dependencies and provider.
// So `encrypted` of volumes, devices and launch template mappings is judged by the stack part
// (below), set or not: judged once, it cannot be reported twice, and after an update the
// stack part reads what AWS reports. The resource part keeps what the default does not
// decide: root volumes and the keys of volumes declared encrypted (or credited by config).

const EBS_UNSET_NOTE = "EBS creates the volume unencrypted unless encryption by default is on for the account in its region";
const EBS_KEY_NOTE = "EBS uses the region's default EBS key, the AWS managed aws/ebs unless aws.ebs.DefaultKmsKey changed it";

/** Not built from a snapshot (whose encryption it inherits). */
const notFromSnapshot = (block: Block): Decided => noneOf(block?.snapshotId);

/**
 * The `encrypted` flag of a volume or device as its check reads it: "off" is any value the check
 * rejects (its finding); undefined while unknown. Launch templates type it as a string (`textFlag`):
 * "true" is on and "" is not set; elsewhere only the boolean true is on, and "" is a wrong value.
 */
function flagOf(value: unknown, textFlag: boolean): "on" | "off" | "unset" | undefined {
    if (isUnknown(value)) return undefined;
    if (value === undefined || value === null || (textFlag && value === "")) return "unset";
    return (textFlag ? isOn(value) : value === true) ? "on" : "off";
}

/** An EBS device or volume that will be encrypted with the region's default key unless it names one (as far as config says). */
function ebsEncrypted(block: Block, config: EncryptionAtRestConfig, textFlag = false): Decided {
    const flag = flagOf(block?.encrypted, textFlag);
    if (flag === undefined) return undefined;
    return flag === "unset" ? all(config.ebsEncryptionByDefault, notFromSnapshot(block)) : flag === "on";
}

const INSTANCE_TYPES = [t.EC2_INSTANCE, t.EC2_SPOT_INSTANCE_REQUEST];
/** Copies and imports whose snapshots are encrypted only when they ask (`encrypted`) or the account default is on. */
const IMAGE_COPY_TYPES = [t.EC2_AMI_COPY, t.EBS_SNAPSHOT_IMPORT];
const DEVICE_TYPES = [...INSTANCE_TYPES, t.EC2_LAUNCH_CONFIGURATION];

/** A device the instance has: not suppressed. */
const deviceExists = (block: Block): Decided => noneOf(block?.noDevice);
/** A device the instance creates from nothing: not from a snapshot, not suppressed. */
const isNewDevice = (block: Block): Decided => all(notFromSnapshot(block), deviceExists(block));
/** A launch template mapping with an EBS volume not built from a snapshot (without `ebs`: instance store, or suppressed). */
const isNewTemplateVolume = (block: Block): Decided => (block === undefined ? false : notFromSnapshot(block));
// Where a root or data device's key is judged (instances, spot requests and Spot Fleet launch
// specifications alike): a root device not declared unencrypted (a declared false is the flag
// check's finding), a data device that ends up encrypted, and, in the stack part, a new data
// device whose flag is left to the account's default.
const rootKeyApplies = (block: Block): Decided => whenKnown(block?.encrypted, (v) => isUnset(v) || isOn(v));
const deviceKeyApplies = (block: Block, _r: PlainResource, config: EncryptionAtRestConfig): Decided => ebsEncrypted(block, config);
const unsetNewDevice = (block: Block): Decided => all(flagUnset(block?.encrypted), isNewDevice(block));

// CloudFormation's AWS::EC2::Volume (aws-native; CDK's ec2.Volume sets `encrypted` only when
// asked) has the classic volume's inputs and the same default: the account's.
// A WorkSpaces Instances volume (aws-native only) is an EBS volume of the account, CreateVolume's
// inputs, with the same default: the managed instances are "launched directly into the customer's
// AWS account" (WorkSpaces Core, "Architecture"), where the account's EBS default applies.
const VOLUME_TYPES = [t.EBS_VOLUME, t.NATIVE_EC2_VOLUME, t.NATIVE_WORKSPACESINSTANCES_VOLUME];

/** Where a service's ECS managed EBS volumes are, per type (CloudFormation's AWS::ECS::Service, aws-native, lists them). */
export const ECS_MANAGED_VOLUMES: Readonly<Record<string, string>> = {
    [t.ECS_SERVICE]: "volumeConfiguration.managedEbsVolume",
    [t.NATIVE_ECS_SERVICE]: "volumeConfigurations[].managedEbsVolume",
};

/** An EBS device mapping, per type: where its `ebs` blocks are and how they are read. */
interface DeviceMappings {
    ebs: string;
    /** `encrypted` is typed as a string (the classic provider's v7). */
    textFlag: boolean;
    declare: string;
    /** The root device is one of the mappings, told only by the AMI's root device name. */
    rootAmong?: boolean;
    /** The `ebs` block takes no `kmsKeyId`. */
    keyless?: boolean;
    /** A launch template: its data block (where `imageId` is) and its name input. */
    template?: { data?: string; name: string };
}

const NATIVE_DEVICE_DECLARE = "Set `encrypted: true` in the mapping's `ebs` block (CDK: `BlockDeviceVolume.ebs(size, {encrypted: true})`)";

/**
 * EBS device mappings, per type. A launch template's: CloudFormation's AWS::EC2::LaunchTemplate
 * (aws-native) nests them in `launchTemplateData`, with a boolean flag; CDK's ec2.LaunchTemplate
 * sets it only when asked (`BlockDeviceVolume.ebs(size, {encrypted: true})`). CloudFormation's
 * instances, launch configurations and Spot Fleet launch specifications (aws-native; CDK's
 * ec2.Instance and a launch configuration's AutoScalingGroup map `blockDevices` so) list the root
 * device among the data devices, where the classic types have a `rootBlockDevice` of its own:
 * a mapping named as a root device (the EC2 User Guide's "/dev/sda1" or "/dev/xvda") that leaves
 * `encrypted` unset is the AMI's root volume, which the AMI's snapshot and the account default
 * decide (not judged, as a classic root device); any other is a data device, as `ebsBlockDevices`.
 */
export const DEVICE_MAPPINGS: Readonly<Record<string, DeviceMappings>> = {
    [t.EC2_LAUNCH_TEMPLATE]: {
        ebs: "blockDeviceMappings[].ebs", textFlag: true, template: { name: "name" },
        declare: "Set `encrypted: \"true\"` in the mapping's `ebs` block (@pulumi/eks self-managed node groups: `nodeRootVolumeEncrypted: true`)",
    },
    [t.NATIVE_EC2_LAUNCH_TEMPLATE]: {
        ebs: "launchTemplateData.blockDeviceMappings[].ebs", textFlag: false, template: { data: "launchTemplateData", name: "launchTemplateName" },
        declare: NATIVE_DEVICE_DECLARE,
    },
    [t.NATIVE_EC2_INSTANCE]: { ebs: "blockDeviceMappings[].ebs", textFlag: false, rootAmong: true, declare: NATIVE_DEVICE_DECLARE },
    [t.NATIVE_AUTOSCALING_LAUNCH_CONFIGURATION]: { ebs: "blockDeviceMappings[].ebs", textFlag: false, rootAmong: true, keyless: true, declare: NATIVE_DEVICE_DECLARE },
    [t.NATIVE_EC2_SPOT_FLEET]: {
        ebs: "spotFleetRequestConfigData.launchSpecifications[].blockDeviceMappings[].ebs", textFlag: false, rootAmong: true, keyless: true,
        declare: "Set `encrypted: true` in the launch specification's mapping's `ebs` block",
    },
};

/**
 * Image Builder recipes, per type: whether `encrypted` is a string (the classic provider's v7).
 * CloudFormation's AWS::ImageBuilder::ImageRecipe, ImagePipeline, Image and
 * DistributionConfiguration (aws-native; CDK's CfnImageRecipe and the others) have the classic
 * inputs: `blockDeviceMappings`, `imageRecipeArn`, `distributionConfigurationArn`,
 * `distributions[].amiDistributionConfiguration.kmsKeyId`.
 */
const IMAGE_RECIPES: Readonly<Record<string, boolean>> = { [t.IMAGEBUILDER_IMAGE_RECIPE]: true, [t.NATIVE_IMAGEBUILDER_IMAGE_RECIPE]: false };
/** What builds a recipe into AMIs, and what distributes them. */
const IMAGE_BUILDERS: readonly string[] = [t.IMAGEBUILDER_IMAGE_PIPELINE, t.IMAGEBUILDER_IMAGE, t.NATIVE_IMAGEBUILDER_IMAGE_PIPELINE, t.NATIVE_IMAGEBUILDER_IMAGE];
const IMAGE_DISTRIBUTIONS: readonly string[] = [t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, t.NATIVE_IMAGEBUILDER_DISTRIBUTION_CONFIGURATION];

const ROOT_DEVICE_NAME = /^(\/dev\/)?(sda1?|xvda)$/;

/**
 * Whether an `ebs` block's mapping (its holder) is named as a root device, where the root device
 * is among the mappings (false elsewhere); undefined while its name is unknown.
 */
function rootNamed(mappings: DeviceMappings, holders: readonly Record<string, unknown>[]): Decided {
    if (!mappings.rootAmong) return false;
    const name = holders[holders.length - 2]?.deviceName;
    return isUnknown(name) ? undefined : typeof name === "string" && ROOT_DEVICE_NAME.test(name);
}

/** A mapping whose unset flag is the account default's to decide: an EBS volume not from a snapshot, not named as a root device. */
const newMappedVolume = (mappings: DeviceMappings, block: Block, holders: readonly Record<string, unknown>[]): Decided =>
    all(isNewTemplateVolume(block), negate(rootNamed(mappings, holders)));

const ebsChecks: Check[] = [
    keyCheck(VOLUME_TYPES, "kmsKeyId", EBS_KEY_NOTE, { appliesTo: (r, config) => ebsEncrypted(r.props, config) }),
    {
        // Without `encrypted` the root volume is what the AMI's snapshot and the account's EBS
        // default make it: only a declared value is judged.
        types: DEVICE_TYPES,
        property: "rootBlockDevice.encrypted",
        ...ACCEPTS_TRUE,
        fix: "Set `rootBlockDevice.encrypted: true` (this replaces the instance's root volume, and the instance).",
    },
    // A mapping named as a root device is judged as a classic `rootBlockDevice` is: its declared
    // flag, in the resource part (after an update, AWS reports the root volume's encryption, which
    // the AMI decides when the program leaves it unset); the stack part judges the data devices.
    ...Object.entries(DEVICE_MAPPINGS).filter(([, m]) => m.rootAmong).map(([type, mappings]): Check => ({
        types: [type],
        property: `${mappings.ebs}.encrypted`,
        ...ACCEPTS_TRUE,
        appliesAt: (_block, _r, _c, holders) => rootNamed(mappings, holders),
        fix: "Set `encrypted: true` in the root device mapping's `ebs` block (this replaces the root volume, and the instances).",
    })),
    // The EBS volumes ECS creates for a service's tasks: `encrypted` maps to CreateVolume's
    // Encrypted, and "if no value is specified, encryption is turned on by default" (the ECS API's
    // ServiceManagedEBSVolumeConfiguration; the classic provider sends true). Only a declared
    // false leaves them to the account default.
    ...Object.entries(ECS_MANAGED_VOLUMES).map(([type, block]): Check => ({
        types: [type],
        property: `${block}.encrypted`,
        ...ACCEPTS_TRUE,
        fix: "Remove `encrypted: false` from `managedEbsVolume` (unset, ECS encrypts the volumes) or set it to true; the tasks' new volumes are then encrypted.",
    })),
    // An AMI copy or imported snapshot asked to be encrypted gets the region's default EBS key unless it names one.
    keyCheck(IMAGE_COPY_TYPES, "kmsKeyId", EBS_KEY_NOTE, { appliesTo: (r) => whenKnown(r.props.encrypted, (v) => v === true) }),
    keyCheck(INSTANCE_TYPES, "rootBlockDevice.kmsKeyId", "the root volume keeps the AMI's encryption or gets the region's default EBS key", { appliesAt: rootKeyApplies }),
    keyCheck(INSTANCE_TYPES, "ebsBlockDevices[].kmsKeyId", EBS_KEY_NOTE, { appliesAt: deviceKeyApplies }),
    // A Spot Fleet's launch specifications declare their instances' devices as an instance does
    // (the legacy request API; an EC2 Fleet's launch templates are judged as launch templates).
    {
        types: [t.EC2_SPOT_FLEET_REQUEST],
        property: "launchSpecifications[].rootBlockDevices[].encrypted",
        ...ACCEPTS_TRUE,
        fix: "Set `encrypted: true` on the launch specification's root block device (the fleet's instances are replaced).",
    },
    keyCheck([t.EC2_SPOT_FLEET_REQUEST], "launchSpecifications[].rootBlockDevices[].kmsKeyId", "the root volume keeps the AMI's encryption or gets the region's default EBS key", {
        appliesAt: rootKeyApplies,
    }),
    keyCheck([t.EC2_SPOT_FLEET_REQUEST], "launchSpecifications[].ebsBlockDevices[].kmsKeyId", EBS_KEY_NOTE, { appliesAt: deviceKeyApplies }),
    // A mapping named as a root device: as a classic root device's key (rootKeyApplies).
    ...Object.entries(DEVICE_MAPPINGS).filter(([, m]) => !m.keyless).map(([type, mappings]) => keyCheck([type], `${mappings.ebs}.kmsKeyId`, EBS_KEY_NOTE, {
        appliesAt: (block, _r, config, holders) => (block === undefined ? false
            : any(ebsEncrypted(block, config, mappings.textFlag), all(rootNamed(mappings, holders), rootKeyApplies(block)))),
    })),
];

// ---------------------------------------------------------------- EBS: the stack part

/** Why an aws.ebs.EncryptionByDefault of the stack does not cover a resource's new volumes, worst first. */
type Miss = "other-region" | "unclear-region" | "off" | "not-a-dependency";
const MISS_ORDER: readonly Miss[] = ["other-region", "unclear-region", "off", "not-a-dependency"];

/** How close an aws.ebs.EncryptionByDefault comes to counting: the least bad worst miss, then one depended on. */
const closeness = (c: { miss: Miss; depends: boolean }) => MISS_ORDER.indexOf(c.miss) * 2 + (c.depends ? 1 : 0);

/** Whether EBS encryption by default covers the volumes a resource creates. */
type AccountDefault =
    /** By config, or by an aws.ebs.EncryptionByDefault of the stack. */
    | { on: true }
    /** It depends on values not known yet. */
    | { on: undefined }
    /** `closest`: the stack's aws.ebs.EncryptionByDefault that came closest, and why it does not count. */
    | { on: false; closest?: { resource: PlainResource; miss: Miss; depends: boolean; regions: [unknown, unknown] } };

/** What the stack part's checks see: the config, and the account default per resource. */
interface EbsJudgement extends EncryptionAtRestConfig {
    defaultFor(resource: PlainResource): AccountDefault;
    /** The stack's launch templates, by name (indexed when first asked). */
    launchTemplates(): ReferenceIndex;
}

type EbsCheck = PropertyCheck<EbsJudgement>;

/** A resource's region: its own `region` (v7), else its provider's; undefined while unknown. */
interface Placement {
    own: boolean;
    region?: string;
    /** The provider's region is unknown. */
    regionUnknown?: boolean;
    provider?: string;
}

function placementOf(r: PlainResource, providers: ReadonlyMap<string, PlainResource>): Placement | undefined {
    const own = r.props.region;
    if (isUnknown(own)) return undefined;
    if (typeof own === "string" && own !== "") return { own: true, region: own };
    const region = r.provider === undefined ? undefined : providers.get(r.provider)?.props.region;
    if (isUnknown(region)) return { own: false, regionUnknown: true, provider: r.provider };
    return { own: false, region: typeof region === "string" && region !== "" ? region : undefined, provider: r.provider };
}

/**
 * True when two resources are in the same region: under the same provider (default providers
 * share a URN) without a `region` of their own, or with the same known region.
 */
function sameRegion(a: Placement | undefined, b: Placement | undefined): true | "other-region" | "unclear-region" | undefined {
    if (!a || !b) return undefined;
    if (!a.own && !b.own && a.provider === b.provider) return true;
    if (a.region !== undefined && b.region !== undefined) return a.region === b.region ? true : "other-region";
    if (a.regionUnknown || b.regionUnknown) return undefined;
    return "unclear-region";
}

/** `enabled` of an aws.ebs.EncryptionByDefault: true when unset (the provider's default). */
function enabledOf(ebsDefault: PlainResource): Decided {
    const enabled = ebsDefault.props.enabled;
    if (isUnknown(enabled)) return undefined;
    return isUnset(enabled) || isOn(enabled);
}

/** What a resource waits for directly: its own dependencies and its ancestors' (a component's `dependsOn`, as @pulumi/eks's ManagedNodeGroup takes it). */
function directDependenciesOf(r: PlainResource): string[] {
    return [...r.dependencies, ...Object.values(r.propertyDependencies).flat(), ...(r.ancestorDependencies ?? [])];
}

/**
 * The resources that wait for a given one, through the stack's resources: Pulumi creates a
 * resource after its dependencies, and they after theirs, so a node group that takes its
 * cluster's name waits for what the cluster depends on (an aws.ebs.DefaultKmsKey that depends on
 * the EncryptionByDefault, a KMS module that depends on it: public Terraform and Pulumi stacks
 * order the account setting that way). The walk goes through every resource of the stack, also
 * those the stack part does not read (a cluster, a default KMS key): `stack` gives them when
 * first asked. One walk of the reversed dependencies per target: linear in the stack, however
 * many resources ask.
 */
function waitingFor(stack: () => readonly PlainResource[]): (target: string) => ReadonlySet<string> {
    let dependents: Map<string, string[]> | undefined;
    const memo = new Map<string, Set<string>>();
    return (target) => {
        const cached = memo.get(target);
        if (cached) return cached;
        if (!dependents) {
            dependents = new Map();
            for (const r of stack()) {
                for (const dep of directDependenciesOf(r)) {
                    const list = dependents.get(dep);
                    if (list) list.push(r.urn);
                    else dependents.set(dep, [r.urn]);
                }
            }
        }
        const found = new Set<string>();
        const pending = [...(dependents.get(target) ?? [])];
        for (let urn = pending.pop(); urn !== undefined; urn = pending.pop()) {
            if (found.has(urn)) continue;
            found.add(urn);
            pending.push(...(dependents.get(urn) ?? []));
        }
        memo.set(target, found);
        return found;
    };
}

/**
 * EBS encryption by default credits a resource's new volumes when config says it is on
 * everywhere, or when an aws.ebs.EncryptionByDefault of the stack turns it on in the
 * resource's region and is created before it: the resource (or a component above it) depends
 * on it, directly or through other resources of the stack. (Had it existed before, a dependency would change nothing; the engine's data cannot
 * tell, so it is required.)
 */
function accountDefault(
    r: PlainResource,
    config: EncryptionAtRestConfig,
    defaults: readonly PlainResource[],
    providers: ReadonlyMap<string, PlainResource>,
    waiting: (target: string) => ReadonlySet<string>,
): AccountDefault {
    if (config.ebsEncryptionByDefault) return { on: true };
    if (defaults.length === 0) return { on: false };
    const here = placementOf(r, providers);
    let open = false;
    let closest: Extract<AccountDefault, { on: false }>["closest"];
    for (const d of defaults) {
        const depends = waiting(d.urn).has(r.urn);
        const there = placementOf(d, providers);
        const region = sameRegion(here, there);
        const enabled = enabledOf(d);
        const misses: Miss[] = [];
        if (region === "other-region" || region === "unclear-region") misses.push(region);
        if (enabled === false) misses.push("off");
        if (!depends) misses.push("not-a-dependency");
        if (misses.length === 0) {
            if (region === true && enabled === true) return { on: true };
            open = true;
            continue;
        }
        const miss = MISS_ORDER.find((m) => misses.includes(m))!;
        if (!closest || closeness({ miss, depends }) > closeness(closest)) {
            closest = { resource: d, miss, depends, regions: [here?.region, there?.region] };
        }
    }
    return open ? { on: undefined } : { on: false, closest };
}

const NOUNS: Readonly<Record<string, string>> = {
    [t.EBS_VOLUME]: "the volume",
    [t.NATIVE_EC2_VOLUME]: "the volume",
    [t.NATIVE_WORKSPACESINSTANCES_VOLUME]: "the volume",
    [t.EC2_INSTANCE]: "the instance",
    [t.EC2_SPOT_INSTANCE_REQUEST]: "the spot request",
    [t.EC2_SPOT_FLEET_REQUEST]: "the spot fleet request",
    [t.EC2_LAUNCH_CONFIGURATION]: "the launch configuration",
    [t.EC2_LAUNCH_TEMPLATE]: "the launch template",
    [t.NATIVE_EC2_LAUNCH_TEMPLATE]: "the launch template",
    [t.NATIVE_EC2_INSTANCE]: "the instance",
    [t.NATIVE_AUTOSCALING_LAUNCH_CONFIGURATION]: "the launch configuration",
    [t.NATIVE_EC2_SPOT_FLEET]: "the spot fleet",
    [t.EKS_NODE_GROUP]: "the node group",
    [t.NATIVE_EKS_NODEGROUP]: "the node group",
    [t.BATCH_COMPUTE_ENVIRONMENT]: "the compute environment",
    [t.NATIVE_BATCH_COMPUTE_ENVIRONMENT]: "the compute environment",
    [t.EMR_CLUSTER]: "the cluster",
    [t.IMAGEBUILDER_IMAGE_RECIPE]: "the image recipe",
    [t.NATIVE_IMAGEBUILDER_IMAGE_RECIPE]: "the image recipe",
    [t.EC2_AMI_COPY]: "the AMI copy",
    [t.EBS_SNAPSHOT_IMPORT]: "the snapshot import",
    [t.BEANSTALK_ENVIRONMENT]: "the environment",
    [t.NATIVE_BEANSTALK_ENVIRONMENT]: "the environment",
};

const EBS_DEFAULT_TYPE = "aws.ebs.EncryptionByDefault";
const regionName = (v: unknown) => (typeof v === "string" && /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(v) ? v : undefined);

/** The note of an unset flag: EBS's default, and why the stack's aws.ebs.EncryptionByDefault does not count. */
function unsetNote(r: PlainResource, d: AccountDefault): string {
    const closest = d.on === false ? d.closest : undefined;
    if (!closest) return EBS_UNSET_NOTE;
    const noun = NOUNS[r.type] ?? "the resource";
    const ebsDefault = `${EBS_DEFAULT_TYPE} "${closest.resource.name}"`;
    switch (closest.miss) {
        case "not-a-dependency": return `${EBS_UNSET_NOTE}; ${noun} does not depend on ${ebsDefault} of this stack, which may then be created after it`;
        case "off": return `${EBS_UNSET_NOTE}; ${ebsDefault} of this stack turns it off`;
        case "other-region": {
            const [mine, its] = closest.regions.map(regionName);
            return `${EBS_UNSET_NOTE}; ${ebsDefault} of this stack is for another region${mine && its ? ` (${its}; ${noun} is in ${mine})` : ""}`;
        }
        case "unclear-region": return `${EBS_UNSET_NOTE}; ${ebsDefault} of this stack has another provider or \`region\`, not known to be ${noun}'s region`;
    }
}

/** The fix of an unset flag: declare it, or make the account default count. */
function unsetFix(declare: string, r: PlainResource, d: AccountDefault): string {
    const noun = NOUNS[r.type] ?? "the resource";
    const closest = d.on === false ? d.closest : undefined;
    if (!closest) {
        return `${declare}, or turn EBS encryption by default on before ${noun} is created: with an ${EBS_DEFAULT_TYPE} in this stack that ${noun} ` +
            "depends on (`dependsOn`), or, if it is on in every account and region this stack deploys to, with ebsEncryptionByDefault: true in this policy's config.";
    }
    // The variable's name is a guess from the resource's: an example, not an instruction.
    const dependsOn = `it to ${noun}'s \`dependsOn\` (e.g. \`dependsOn: [${variableName(closest.resource.name)}]\`)`;
    const lower = declare[0].toLowerCase() + declare.slice(1);
    switch (closest.miss) {
        case "not-a-dependency": return `Add ${dependsOn}, or ${lower}.`;
        case "off": return `Set \`enabled: true\` on ${EBS_DEFAULT_TYPE} "${closest.resource.name}"${closest.depends ? "" : ` and add ${dependsOn}`}, or ${lower}.`;
        default: return `${declare}, or make ${noun} depend (\`dependsOn\`) on an ${EBS_DEFAULT_TYPE} of its own region: the same provider, no other \`region\`.`;
    }
}

/** Set by `unset` for a flag the account default does not cover; never a real value. */
const NOT_ENCRYPTED = Symbol("not encrypted");

/**
 * The two checks of an EBS encryption flag: its declared (or, after an update, reported)
 * value wherever the device exists (a declared false fails even from a snapshot: a public
 * AMI's root snapshot is unencrypted), and, when it is not set, the account default where
 * the device is new (`appliesAt`).
 */
function flagChecks(
    types: readonly string[],
    property: string,
    accepted: Pick<EbsCheck, "accepts" | "expected" | "describe" | "blankIsUnset">,
    declare: string,
    declaredFix: string,
    appliesAt?: EbsCheck["appliesAt"],
    declaredAt: EbsCheck["appliesAt"] = appliesAt,
): EbsCheck[] {
    return [
        { types, property, ...accepted, appliesAt: declaredAt, fix: declaredFix },
        {
            types,
            property,
            accepts: (v) => v !== NOT_ENCRYPTED,
            expected: accepted.expected,
            blankIsUnset: accepted.blankIsUnset,
            appliesAt,
            unset: (r, j, block) => {
                if (notFromSnapshot(block) !== true) return undefined;
                const d = j.defaultFor(r);
                return d.on === false ? { value: NOT_ENCRYPTED, note: unsetNote(r, d) } : undefined;
            },
            fix: (j, r) => unsetFix(declare, r, j.defaultFor(r)),
        },
    ];
}

/** Not set (so the account default decides); undefined while unknown. */
function flagUnset(value: unknown, textFlag = false): Decided {
    const flag = flagOf(value, textFlag);
    return flag === undefined ? undefined : flag === "unset";
}

/** The stack's aws.ebs.EncryptionByDefault, not config, encrypts it: then requireCustomerManagedKey judges its key. */
const creditedByStack = (r: PlainResource, j: EbsJudgement): Decided => (j.ebsEncryptionByDefault ? false : j.defaultFor(r).on);

const ebsStackChecks: EbsCheck[] = [
    ...flagChecks(
        VOLUME_TYPES, "encrypted", ACCEPTS_TRUE, "Set `encrypted: true` (with `kmsKeyId` for a customer managed key)",
        "Set `encrypted: true` (with `kmsKeyId` for a customer managed key); an existing volume is replaced, so copy its data first.",
    ),
    ...flagChecks(
        DEVICE_TYPES, "ebsBlockDevices[].encrypted", ACCEPTS_TRUE, "Set `encrypted: true` on the device (with `kmsKeyId` for a customer managed key)",
        "Set `encrypted: true` on the device (with `kmsKeyId` for a customer managed key).",
        // A device from a snapshot inherits its encryption (the provider rejects `encrypted` with `snapshotId`).
        isNewDevice,
        deviceExists,
    ),
    ...flagChecks(
        [t.EC2_SPOT_FLEET_REQUEST], "launchSpecifications[].ebsBlockDevices[].encrypted", ACCEPTS_TRUE,
        "Set `encrypted: true` on the launch specification's device (with `kmsKeyId` for a customer managed key)",
        "Set `encrypted: true` on the launch specification's device (with `kmsKeyId` for a customer managed key).",
        isNewDevice,
        deviceExists,
    ),
    // The v7 type of a classic template's `encrypted` is a string; programs pass "true" and true alike.
    ...Object.entries(DEVICE_MAPPINGS).flatMap(([type, mappings]) => flagChecks(
        [type], `${mappings.ebs}.encrypted`, mappings.textFlag ? ACCEPTS_TRUE_STRING : ACCEPTS_TRUE, mappings.declare, `${mappings.declare}.`,
        (block, _r, _j, holders) => newMappedVolume(mappings, block, holders),
        (block, _r, _j, holders) => all(block !== undefined, negate(rootNamed(mappings, holders))),
    )),
    // An Image Builder recipe's mappings are the build instance's, and so the output AMI's
    // snapshots; `encrypted` is a string in v7, as in launch templates. Unset, the parent
    // image's snapshot decides a mapping it shares (public parent images are unencrypted),
    // and a distribution's kmsKeyId re-encrypts the AMI it distributes (see imageOutputEncrypted).
    ...Object.entries(IMAGE_RECIPES).flatMap(([type, textFlag]) => {
        const set = `Set \`encrypted: ${textFlag ? '"true"' : "true"}\` in the mapping's \`ebs\` block`;
        return flagChecks(
            [type], "blockDeviceMappings[].ebs.encrypted", textFlag ? ACCEPTS_TRUE_STRING : ACCEPTS_TRUE,
            `${set}, or a \`kmsKeyId\` in every \`amiDistributionConfiguration\` of the distribution configuration of the pipelines that build the recipe`,
            `${set} (the recipe is a new version: recipes cannot change in place).`,
            isNewTemplateVolume,
            (block) => block !== undefined,
        );
    }),
    keyCheck<EbsJudgement>(VOLUME_TYPES, "kmsKeyId", EBS_KEY_NOTE, {
        appliesTo: (r, j) => all(flagUnset(r.props.encrypted), notFromSnapshot(r.props), creditedByStack(r, j)),
    }),
    keyCheck<EbsJudgement>(INSTANCE_TYPES, "ebsBlockDevices[].kmsKeyId", EBS_KEY_NOTE, {
        appliesTo: creditedByStack,
        appliesAt: unsetNewDevice,
    }),
    keyCheck<EbsJudgement>([t.EC2_SPOT_FLEET_REQUEST], "launchSpecifications[].ebsBlockDevices[].kmsKeyId", EBS_KEY_NOTE, {
        appliesTo: creditedByStack,
        appliesAt: unsetNewDevice,
    }),
    ...Object.entries(DEVICE_MAPPINGS).filter(([, m]) => !m.keyless).map(([type, mappings]) => keyCheck<EbsJudgement>([type], `${mappings.ebs}.kmsKeyId`, EBS_KEY_NOTE, {
        appliesTo: creditedByStack,
        appliesAt: (block, _r, _j, holders) => all(flagUnset(block?.encrypted, mappings.textFlag), newMappedVolume(mappings, block, holders)),
    })),
];

const ebsStackRule = propertyRule(ebsStackChecks);

/** Resources judged whole rather than field by field: whether only the account default would encrypt their volumes. */
const WHOLE_RESOURCE_FINDINGS: Readonly<Record<string, (r: PlainResource, stack: readonly PlainResource[], j: EbsJudgement) => string | undefined>> = {
    [t.EKS_NODE_GROUP]: (r, _stack, j) => nodeGroupFinding(r, j),
    [t.NATIVE_EKS_NODEGROUP]: (r, _stack, j) => nodeGroupFinding(r, j),
    [t.BATCH_COMPUTE_ENVIRONMENT]: (r, _stack, j) => computeEnvironmentFinding(r, j),
    [t.NATIVE_BATCH_COMPUTE_ENVIRONMENT]: (r, _stack, j) => computeEnvironmentFinding(r, j),
    [t.EMR_CLUSTER]: (r, _stack, j) => emrClusterFinding(r, j),
    [t.EC2_AMI_COPY]: imageCopyFinding,
    [t.EBS_SNAPSHOT_IMPORT]: imageCopyFinding,
    [t.BEANSTALK_ENVIRONMENT]: beanstalkFinding,
    [t.NATIVE_BEANSTALK_ENVIRONMENT]: beanstalkFinding,
};
const EBS_STACK_TYPES = new Set([...ebsStackRule.resourceTypes, ...Object.keys(WHOLE_RESOURCE_FINDINGS)]);
/** The inputs that name a launch template of the stack (a classic template's `name`, aws-native's `launchTemplateName`). */
const TEMPLATE_NAMES = [...new Set(Object.values(DEVICE_MAPPINGS).flatMap((m) => (m.template ? [m.template.name] : [])))];

/**
 * How to fix a service that launches instances whose root volume only the account default
 * encrypts, per type. CloudFormation's AWS::EKS::Nodegroup and AWS::Batch::ComputeEnvironment
 * (aws-native) take the classic inputs (a Batch environment's `ec2Configuration` is the classic
 * `ec2Configurations`). CDK's eks.Nodegroup sends a `launchTemplate` only with
 * `launchTemplateSpec`, its Batch environments only with `launchTemplate` (by id).
 */
const LAUNCHER_FIXES: Readonly<Record<string, string>> = {
    [t.EKS_NODE_GROUP]: "`ebs.encrypted: \"true\"` (with @pulumi/eks's ManagedNodeGroup, a `launchTemplate` of your own)",
    [t.NATIVE_EKS_NODEGROUP]: "`ebs.encrypted: true` (CDK: `launchTemplateSpec`, with `BlockDeviceVolume.ebs(size, {encrypted: true})` for the root device)",
    [t.BATCH_COMPUTE_ENVIRONMENT]: "`ebs.encrypted: \"true\"` (`computeResources.launchTemplate`)",
    [t.NATIVE_BATCH_COMPUTE_ENVIRONMENT]: "`ebs.encrypted: true` (`computeResources.launchTemplate`; CDK: `launchTemplate`)",
};
export const BATCH_EC2_CONFIGURATIONS: Readonly<Record<string, string>> = {
    [t.BATCH_COMPUTE_ENVIRONMENT]: "ec2Configurations",
    [t.NATIVE_BATCH_COMPUTE_ENVIRONMENT]: "ec2Configuration",
};

/**
 * Whether a launch template gives the instances an EKS managed node group or an AWS Batch compute
 * environment launches their root volume: with an `imageId` (its AMI's mappings) or any EBS
 * mapping, the template's own checks judge it; without either, the service merges its public
 * EKS- or ECS-optimized AMI, whose root volume nothing encrypts.
 */
function templateSetsVolumes(template: PlainResource): Decided {
    const data = DEVICE_MAPPINGS[template.type]?.template?.data;
    const holder = data === undefined ? template.props : template.props[data];
    if (isUnknown(holder)) return undefined;
    const { imageId, blockDeviceMappings } = isRecord(holder) ? holder : {};
    if (isUnknown(imageId) || isUnknown(blockDeviceMappings)) return undefined;
    if (typeof imageId === "string" && imageId !== "") return true;
    if (!Array.isArray(blockDeviceMappings)) return false;
    return blockDeviceMappings.some((m) => isUnknown(m) || (isRecord(m) && (isUnknown(m.ebs) || isRecord(m.ebs))));
}

/**
 * The launch template a service that launches instances is given (`named`, a block with the
 * template's name at `nameKey`), when it leaves their root volume to the service's public AMI:
 * "unset" without one, the template when it is of the stack and sets no image and no EBS
 * volume; undefined when it sets volumes (judged itself), is outside the stack, or is not known
 * yet. The template is the one its known name names, or else one the property depends on (an
 * id, unknown at preview for a new template, or a name that names no template of the stack).
 */
function templateLeavingRoot(named: unknown, nameKey: string, dependencies: readonly string[] | undefined, j: EbsJudgement): "unset" | PlainResource | undefined {
    if (isUnknown(named)) return undefined;
    if (named === undefined || named === null) return "unset";
    if (!isRecord(named)) return undefined;
    const ref = typeof named[nameKey] === "string" && named[nameKey] !== "" ? named[nameKey] : undefined;
    const templates = j.launchTemplates();
    const template = templates.lookup(ref, dependencies)[0] ?? (ref === undefined ? undefined : templates.lookup(undefined, dependencies)[0]);
    return template !== undefined && templateSetsVolumes(template) === false ? template : undefined;
}

/**
 * An EKS managed node group's root volumes, where nothing but the account default encrypts
 * them: without a launch template EKS builds one from a public EKS-optimized AMI
 * (aws/containers-roadmap#1774, open); a template of the stack that sets no image and maps no
 * EBS volume leaves them as EKS makes them. A template outside the stack is judged where it is.
 */
function nodeGroupFinding(r: PlainResource, j: EbsJudgement): string | undefined {
    const template = templateLeavingRoot(r.props.launchTemplate, "name", r.propertyDependencies.launchTemplate, j);
    if (template === undefined) return undefined;
    const state = template === "unset" ? "is not set (EKS then builds one whose nodes' root volumes nothing encrypts"
        : `is ${template.type} "${template.name}", which sets no imageId and maps no EBS volume (EKS then gives the nodes the root volume of a public EKS-optimized AMI`;
    return uncreditedFinding(r, j, `launchTemplate ${state}`, `Give the node group a launch template with a root device mapping that sets ${LAUNCHER_FIXES[r.type]}`);
}

/**
 * An AWS Batch EC2 or Spot compute environment's instances, as EKS managed node groups: Batch
 * launches them from a public ECS-optimized AMI (EKS-optimized for an EKS compute environment),
 * whose root volume (container images and the jobs' scratch data) only the account default or
 * a launch template's mapping encrypts, as the AWS Batch User Guide's own launch template
 * example does ("Use Amazon EC2 launch templates with AWS Batch"). Fargate has no EBS volume,
 * an unmanaged environment launches nothing, and a custom AMI (`imageId`, an `imageIdOverride`)
 * decides as an instance's root volume does: not judged.
 */
function computeEnvironmentFinding(r: PlainResource, j: EbsJudgement): string | undefined {
    const resources = r.props.computeResources;
    if (!isRecord(resources)) return undefined;
    const type = lower(resources.type);
    if (type !== "ec2" && type !== "spot") return undefined;
    const configurations = resources[BATCH_EC2_CONFIGURATIONS[r.type]];
    if (present(resources.imageId) !== false || isUnknown(configurations)) return undefined;
    if (Array.isArray(configurations) && configurations.some((c) => !isRecord(c) || present(c.imageIdOverride) !== false)) return undefined;
    const template = templateLeavingRoot(resources.launchTemplate, "launchTemplateName", r.propertyDependencies.computeResources, j);
    if (template === undefined) return undefined;
    const ami = "a public ECS- or EKS-optimized AMI";
    const state = template === "unset" ? `is not set (AWS Batch then launches its instances from ${ami}, whose root volume nothing encrypts`
        : `is ${template.type} "${template.name}", which sets no imageId and maps no EBS volume (AWS Batch then gives the instances the root volume of ${ami}`;
    return uncreditedFinding(r, j, `computeResources.launchTemplate ${state}`,
        `Give the compute environment a launch template with a root device mapping that sets ${LAUNCHER_FIXES[r.type]}`);
}

/**
 * An EMR cluster without a security configuration: EMR encrypts its local disks (EBS volumes,
 * instance store) only through one (Security Hub EMR.3 judges the configurations; cfn_nag W63
 * and Checkov's issue #1424 the clusters without one), so only the account default encrypts its
 * EBS volumes. A cluster naming a configuration is not judged here: a configuration of the
 * stack is judged where it is declared (findEmrAtRestGaps), one outside the stack is unknown.
 */
function emrClusterFinding(r: PlainResource, j: EbsJudgement): string | undefined {
    const named = r.props.securityConfiguration;
    if (isUnknown(named) || (typeof named === "string" && named !== "")) return undefined;
    return uncreditedFinding(r, j, "securityConfiguration is not set (EMR encrypts the cluster's local disks only through a security configuration",
        "Give the cluster an aws.emr.SecurityConfiguration with `EncryptionConfiguration.EnableAtRestEncryption: true` and a " +
        "`LocalDiskEncryptionConfiguration` (`securityConfiguration: config.name`; a running cluster is replaced)");
}

/**
 * Elastic Beanstalk environments' option settings, per type: the list, and the key of an option's
 * name (CloudFormation's AWS::ElasticBeanstalk::Environment, aws-native, calls it `optionName`).
 */
const BEANSTALK_SETTINGS: Readonly<Record<string, { list: string; name: string }>> = {
    [t.BEANSTALK_ENVIRONMENT]: { list: "settings", name: "name" },
    [t.NATIVE_BEANSTALK_ENVIRONMENT]: { list: "optionSettings", name: "optionName" },
};
const BEANSTALK_LAUNCH = "aws:autoscaling:launchconfiguration";
/** A custom platform's ARN names its account; AWS's platforms' ARNs have none. */
const CUSTOM_PLATFORM = /^arn:[^:]+:elasticbeanstalk:[^:]*:\d{12}:platform\//;

/**
 * An Elastic Beanstalk environment on its platform's AMI: EB launches every instance (web server
 * and worker tiers alike) from the platform's public AMI and builds the launch template itself, and
 * none of its options encrypts their volumes (aws:autoscaling:launchconfiguration has RootVolumeType,
 * RootVolumeSize, RootVolumeIOPS and a BlockDeviceMappings format without an encryption field, the
 * EB developer guide's "General options for all environments"): only a custom AMI (its `ImageId`
 * option) or the account default encrypts the root volume. A saved configuration of the stack
 * (`templateName` naming an aws.elasticbeanstalk.ConfigurationTemplate of the same application) is
 * read with the environment: its settings are the environment's too. Not judged with a saved
 * configuration outside the stack or copied from an environment (either may name an AMI), a custom
 * platform, or settings not known yet.
 */
function beanstalkFinding(r: PlainResource, stack: readonly PlainResource[], j: EbsJudgement): string | undefined {
    const { list, name } = BEANSTALK_SETTINGS[r.type];
    const { templateName, platformArn } = r.props;
    if (isUnknown(platformArn) || (typeof platformArn === "string" && CUSTOM_PLATFORM.test(platformArn))) return undefined;
    const saved = present(templateName) === false ? undefined : savedConfiguration(r, stack);
    if (saved === null) return undefined;
    if (namesImage(r.props[list], name) !== false || (saved !== undefined && namesImage(saved.props.settings, "name") !== false)) return undefined;
    const where = saved === undefined ? "" : ` of the environment or of its saved configuration (${saved.type} "${saved.name}")`;
    return uncreditedFinding(r, j, `no \`${BEANSTALK_LAUNCH}\` option setting${where} names an \`ImageId\` (Elastic Beanstalk then launches the instances from the ` +
        "platform's public AMI, and no option of the environment encrypts their root volume",
    `Give the environment a custom AMI whose snapshots are encrypted (the \`ImageId\` option of \`${BEANSTALK_LAUNCH}\`)`);
}

/** Whether option settings name a custom AMI; undefined while the list or an option is not known. */
function namesImage(settings: unknown, name: string): Decided {
    if (isUnknown(settings)) return undefined;
    for (const setting of Array.isArray(settings) ? settings : []) {
        if (isUnknown(setting) || !isRecord(setting) || isUnknown(setting.namespace) || isUnknown(setting[name])) return undefined;
        if (setting.namespace === BEANSTALK_LAUNCH && setting[name] === "ImageId" && present(setting.value) !== false) return true;
    }
    return false;
}

/**
 * The classic environment's saved configuration when it is of the stack: the one template of its
 * name and application, not copied from an environment (`environmentId`, whose settings are not
 * in the program). null when it cannot be told: outside the stack, an aws-native environment (its
 * template's name is generated), or a name, an application or a source not known yet.
 */
function savedConfiguration(r: PlainResource, stack: readonly PlainResource[]): PlainResource | null {
    const { templateName, application } = r.props;
    // An unknown is one sentinel string for every resource: it would match any template of unknown name.
    if (r.type !== t.BEANSTALK_ENVIRONMENT || typeof templateName !== "string" || typeof application !== "string" || isUnknown(templateName) || isUnknown(application)) return null;
    const matches = stack.filter((s) => s.type === t.BEANSTALK_CONFIGURATION_TEMPLATE && s.props.name === templateName && s.props.application === application);
    if (matches.length !== 1 || present(matches[0].props.environmentId) !== false) return null;
    return matches[0];
}

/**
 * An AMI copy or an imported disk image that does not ask for encryption. CopyImage "preserves
 * the encryption status of source snapshots" (the EC2 User Guide; `encrypted: false`, the
 * provider's default, asks nothing either): a copy of an unencrypted AMI (every public one, and
 * images built without encryption) stays unencrypted unless the account default is on, and
 * VM Import/Export imports a disk image unencrypted the same way. Checkov's CKV_AWS_235 asks
 * AMI copies for `encrypted`. A copy of an AMI copy of the stack that sets `encrypted: true`
 * (encrypt, then copy to another region) is encrypted; so, after an update, is a copy whose
 * every block device reports encrypted.
 */
function imageCopyFinding(r: PlainResource, stack: readonly PlainResource[], j: EbsJudgement): string | undefined {
    const flag = r.props.encrypted;
    const devices = r.props.ebsBlockDevices;
    if (isUnknown(flag) || flag === true) return undefined;
    if (Array.isArray(devices) && devices.length > 0 && devices.every((d) => isRecord(d) && d.encrypted === true)) return undefined;
    const sources = new Set(r.propertyDependencies.sourceAmiId ?? []);
    if (stack.some((s) => sources.has(s.urn) && s.type === t.EC2_AMI_COPY && mayEncrypt(s))) return undefined;
    const state = `encrypted is ${flag === false ? "false" : "not set"}`;
    return r.type === t.EC2_AMI_COPY
        ? uncreditedFinding(r, j, `${state} (the copy keeps the source AMI's encryption, and public AMIs are unencrypted`,
            "Set `encrypted: true` with `kmsKeyId` (without one the copy gets the region's default EBS key)")
        : uncreditedFinding(r, j, `${state} (VM Import/Export imports the disk image into an unencrypted snapshot`,
            "Set `encrypted: true` (with `kmsKeyId` for a customer managed key)");
}

/**
 * Whether a source AMI copy encrypts, or may: `encrypted: true`, or unknown at preview because it
 * comes from another resource's output (propertyDependencies; without them an unknown is the
 * computed default, see PREVIEW_COMPUTED), which may be true.
 */
function mayEncrypt(source: PlainResource): boolean {
    const flag = source.props.encrypted;
    return flag === true || (isUnknown(flag) && (source.propertyDependencies.encrypted ?? []).length > 0);
}

/**
 * The finding of a resource whose volumes only the account default could encrypt, unless the
 * default covers it: `what` opens the parenthesis the account default's note closes.
 */
function uncreditedFinding(r: PlainResource, j: EbsJudgement, what: string, declare: string): string | undefined {
    const d = j.defaultFor(r);
    if (d.on !== false) return undefined;
    return `${r.type} "${r.name}": ${what}; ${unsetNote(r, d)}). ${unsetFix(declare, r, d)}`;
}

/**
 * Whether the AMIs built from an Image Builder recipe are encrypted by their distribution: true
 * when every pipeline or image of the stack that builds it distributes it with a
 * distribution configuration of the stack whose every `amiDistributionConfiguration` names a
 * `kmsKeyId` (Image Builder copies the AMI encrypted with it); false when one builds it without
 * a distribution configuration or with one that names no key, or when nothing in the stack
 * builds it (judged as a launch template is); undefined when a distribution configuration is
 * outside the stack or not known yet.
 */
function imageOutputEncrypted(recipe: PlainResource, builders: readonly PlainResource[], distributions: ReadonlyMap<string, PlainResource>): Decided {
    const verdicts = builders
        .filter((b) => (b.propertyDependencies.imageRecipeArn ?? []).includes(recipe.urn))
        .map((b): Decided => {
            const distribution = (b.propertyDependencies.distributionConfigurationArn ?? []).map((urn) => distributions.get(urn)).find((d) => d !== undefined);
            if (distribution) return distributionEncrypts(distribution);
            const arn = b.props.distributionConfigurationArn;
            return isUnknown(arn) || !isUnset(arn) ? undefined : false;
        });
    if (verdicts.length === 0 || verdicts.includes(false)) return false;
    return verdicts.includes(undefined) ? undefined : true;
}

/** Every AMI distribution of an Image Builder distribution configuration names a KMS key. */
function distributionEncrypts(distribution: PlainResource): Decided {
    const entries = distribution.props.distributions;
    if (isUnknown(entries)) return undefined;
    if (!Array.isArray(entries) || entries.length === 0) return false;
    return all(...entries.map((e): Decided => {
        if (isUnknown(e)) return undefined;
        const ami = isRecord(e) ? e.amiDistributionConfiguration : undefined;
        if (isUnknown(ami)) return undefined;
        const key = isRecord(ami) ? ami.kmsKeyId : undefined;
        return isUnknown(key) ? undefined : !isUnset(key);
    }));
}

/**
 * Computed properties the stack part reads, per type (`[]`: each element): at preview, a new
 * resource reports them unknown when the program does not set them. An unknown there without
 * propertyDependencies is therefore "not set", as the program declared it (as
 * s3-bucket-encryption reads a bucket's inline block).
 */
export const PREVIEW_COMPUTED: Readonly<Record<string, readonly string[]>> = {
    [t.EBS_VOLUME]: ["encrypted", "kmsKeyId", "snapshotId", "region"],
    [t.EC2_INSTANCE]: ["ebsBlockDevices[].encrypted", "ebsBlockDevices[].kmsKeyId", "ebsBlockDevices[].snapshotId", "region"],
    [t.EC2_SPOT_INSTANCE_REQUEST]: ["ebsBlockDevices[].encrypted", "ebsBlockDevices[].kmsKeyId", "ebsBlockDevices[].snapshotId", "region"],
    [t.EC2_LAUNCH_CONFIGURATION]: ["ebsBlockDevices[].encrypted", "ebsBlockDevices[].snapshotId", "region"],
    [t.EC2_SPOT_FLEET_REQUEST]: [
        "launchSpecifications[].ebsBlockDevices[].encrypted", "launchSpecifications[].ebsBlockDevices[].kmsKeyId", "launchSpecifications[].ebsBlockDevices[].snapshotId", "region",
    ],
    [t.EC2_LAUNCH_TEMPLATE]: ["region"],
    [t.EKS_NODE_GROUP]: ["region"],
    [t.BATCH_COMPUTE_ENVIRONMENT]: ["computeResources.ec2Configurations", "computeResources.ec2Configurations[].imageIdOverride", "region"],
    [t.EMR_CLUSTER]: ["region"],
    [t.IMAGEBUILDER_IMAGE_RECIPE]: ["region"],
    [t.EC2_AMI_COPY]: ["encrypted", "ebsBlockDevices", "region"],
    [t.EBS_SNAPSHOT_IMPORT]: ["encrypted", "region"],
    [t.BEANSTALK_ENVIRONMENT]: ["region"],
    [t.EBS_ENCRYPTION_BY_DEFAULT]: ["region"],
    [t.APIGATEWAY_METHOD_SETTINGS]: ["settings.cachingEnabled", "settings.cacheDataEncrypted"],
};

/** The resource as its program declared it, at preview: computed unknowns (above) read as not set. */
function asDeclared(r: PlainResource, dryRun: boolean): PlainResource {
    const paths = dryRun ? PREVIEW_COMPUTED[r.type] : undefined;
    if (!paths) return r;
    let props = r.props;
    for (const path of paths) {
        const segments = path.split(".");
        const top = segments[0].replace(/\[\]$/, "");
        if ((r.propertyDependencies[top] ?? []).length > 0) continue; // from another resource's output: unknown for now
        props = withoutUnknownAt(props, segments) as Record<string, unknown>;
    }
    // The adapter's ancestorDependencies is read lazily (not enumerable): carried over by hand.
    return props === r.props ? r : { ...r, props, ancestorDependencies: r.ancestorDependencies };
}

/** `value` with the unknown at `segments` removed; the same object when there is none. */
function withoutUnknownAt(value: unknown, segments: readonly string[]): unknown {
    if (!isRecord(value)) return value;
    const each = segments[0].endsWith("[]");
    const key = each ? segments[0].slice(0, -2) : segments[0];
    const child = value[key];
    let updated: unknown;
    if (segments.length === 1) updated = isUnknown(child) ? undefined : child;
    else if (!each) updated = withoutUnknownAt(child, segments.slice(1));
    else if (Array.isArray(child)) {
        const elements = child.map((e) => withoutUnknownAt(e, segments.slice(1)));
        updated = elements.some((e, i) => e !== child[i]) ? elements : child;
    } else updated = child;
    if (updated === child) return value;
    const copy = { ...value };
    if (updated === undefined) delete copy[key];
    else copy[key] = updated;
    return copy;
}

/**
 * The stack part: EBS encryption flags of volumes, instance and launch configuration devices,
 * launch template and Image Builder recipe mappings, EKS node groups without a template and EMR
 * clusters without a security configuration, with the account default the stack turns on. It
 * reads outputs: at preview what the program declared (computed values unknown), after an
 * update what AWS reports (`encrypted: true` is encrypted, whatever the account setting was).
 */
export function findEbsVolumesUnencrypted(resources: readonly PlainResource[], config: EncryptionAtRestConfig, context: Pick<StackContext, "dryRun" | "everyResource">): Finding[] {
    const providers = new Map<string, PlainResource>();
    const defaults: PlainResource[] = [];
    const builders: PlainResource[] = [];
    const distributions = new Map<string, PlainResource>();
    for (const r of resources) {
        // An aws-native resource's region is its provider's (it has no `region` input).
        if (r.type === t.AWS_PROVIDER || r.type === t.NATIVE_PROVIDER) providers.set(r.urn, r);
        else if (r.type === t.EBS_ENCRYPTION_BY_DEFAULT) defaults.push(asDeclared(r, context.dryRun));
        else if (IMAGE_BUILDERS.includes(r.type)) builders.push(r);
        else if (IMAGE_DISTRIBUTIONS.includes(r.type)) distributions.set(r.urn, r);
    }
    const known = new Map<PlainResource, AccountDefault>();
    const waiting = waitingFor(() => context.everyResource?.() ?? resources);
    let templates: ReferenceIndex | undefined;
    const judgement: EbsJudgement = {
        ...config,
        launchTemplates: () => (templates ??= indexReferences(resources, (r) => DEVICE_MAPPINGS[r.type]?.template !== undefined, TEMPLATE_NAMES)),
        defaultFor: (r) => {
            const cached = known.get(r);
            if (cached) return cached;
            // A recipe's AMIs may be encrypted by their distribution instead.
            const distributed = r.type in IMAGE_RECIPES && !config.ebsEncryptionByDefault ? imageOutputEncrypted(r, builders, distributions) : false;
            const d: AccountDefault = distributed === false ? accountDefault(r, config, defaults, providers, waiting) : { on: distributed };
            known.set(r, d);
            return d;
        },
    };
    const findings: Finding[] = [];
    for (const r of resources) {
        if (!EBS_STACK_TYPES.has(r.type)) continue;
        const declared = asDeclared(r, context.dryRun);
        const whole = WHOLE_RESOURCE_FINDINGS[r.type];
        const messages = whole ? [whole(declared, resources, judgement)] : ebsStackRule.check(declared, judgement).map((f) => f.message);
        for (const message of messages) if (message !== undefined) findings.push({ message, resource: { urn: r.urn, type: r.type, name: r.name } });
    }
    return findings;
}

// ---------------------------------------------------------------- relational and document databases

const RDS_KEY_NOTE = "RDS uses the AWS managed key aws/rds";

/** An Aurora engine (encryption of new clusters is on by default since 2026-02-18). */
function isAurora(engine: unknown): Decided {
    const e = lower(engine);
    return e === undefined ? (isUnknown(engine) ? undefined : false) : e.startsWith("aurora");
}

/**
 * The inputs, per RDS type, that make a database a copy of another (a read replica, a snapshot
 * or point-in-time restore: its source decides its encryption) or, for an instance, a member of
 * a cluster (the cluster decides). CloudFormation's AWS::RDS::DBInstance and DBCluster (aws-native,
 * as pulumi-cdk sends CDK's databases) say not to set StorageEncrypted with any of theirs.
 */
export const RDS_SOURCE_INPUTS: Readonly<Record<string, readonly string[]>> = {
    [t.RDS_INSTANCE]: ["replicateSourceDb", "snapshotIdentifier", "restoreToPointInTime"],
    [t.NATIVE_RDS_DB_INSTANCE]: [
        "sourceDbInstanceIdentifier", "sourceDbiResourceId", "sourceDbInstanceAutomatedBackupsArn", "sourceDbClusterIdentifier",
        "dbSnapshotIdentifier", "dbClusterSnapshotIdentifier", "dbClusterIdentifier",
    ],
    [t.RDS_CLUSTER]: ["replicationSourceIdentifier", "snapshotIdentifier", "restoreToPointInTime"],
    [t.NATIVE_RDS_DB_CLUSTER]: ["replicationSourceIdentifier", "snapshotIdentifier", "sourceDbClusterIdentifier", "sourceDbClusterResourceId"],
};

/** The input that turns Performance Insights on, per RDS type. */
export const PERFORMANCE_INSIGHTS_INPUT: Readonly<Record<string, string>> = {
    [t.RDS_INSTANCE]: "performanceInsightsEnabled",
    [t.RDS_CLUSTER]: "performanceInsightsEnabled",
    [t.RDS_CLUSTER_INSTANCE]: "performanceInsightsEnabled",
    [t.DOCDB_CLUSTER_INSTANCE]: "enablePerformanceInsights",
    [t.NATIVE_RDS_DB_INSTANCE]: "enablePerformanceInsights",
    [t.NATIVE_RDS_DB_CLUSTER]: "performanceInsightsEnabled",
};

const RDS_INSTANCE_TYPES = [t.RDS_INSTANCE, t.NATIVE_RDS_DB_INSTANCE];
const EFS_FILE_SYSTEM_TYPES = [t.EFS_FILE_SYSTEM, t.NATIVE_EFS_FILE_SYSTEM];
const RDS_CLUSTER_TYPES = [t.RDS_CLUSTER, t.NATIVE_RDS_DB_CLUSTER];

/** Created from nothing: no source (true), one (false), undefined while one is unknown. */
const rdsFromNothing = (r: PlainResource) => noneOf(...(RDS_SOURCE_INPUTS[r.type] ?? []).map((input) => r.props[input]));

/** A standalone RDS instance: not a replica or restore (they inherit), not an Aurora engine (its cluster decides). */
function rdsInstanceApplies(r: PlainResource): Decided {
    const aurora = isAurora(r.props.engine);
    return all(rdsFromNothing(r), aurora === undefined ? undefined : !aurora);
}

/** RDS Custom instances are always encrypted ("either enable this setting or leave it unset"). */
const isRdsCustom = (r: PlainResource) => lower(r.props.engine)?.startsWith("custom-") === true;

const AURORA_GLOBAL_TYPES = [t.RDS_GLOBAL_CLUSTER, t.NATIVE_RDS_GLOBAL_CLUSTER];
const GLOBAL_CLUSTER_TYPES = [...AURORA_GLOBAL_TYPES, t.DOCDB_GLOBAL_CLUSTER, t.NATIVE_DOCDB_GLOBAL_CLUSTER, t.NEPTUNE_GLOBAL_CLUSTER, t.NATIVE_NEPTUNE_GLOBAL_CLUSTER];
const CLUSTER_FIX = "Encryption cannot be turned on for an existing cluster: restore a snapshot into a new one with `kmsKeyId`.";

const GLUE_CATALOG_TYPES = [t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, t.NATIVE_GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS];
const GLUE_CATALOG_MODE = "dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode";
const isGlueCatalogEncrypted = (mode: unknown) => mode === "SSE-KMS" || mode === "SSE-KMS-WITH-SERVICE-ROLE";

/**
 * A Neptune cluster's key input and the inputs that make it a copy (a replica, a snapshot or
 * point-in-time restore: its source decides), per type. CloudFormation's AWS::Neptune::DBCluster
 * (aws-native) has no replicas and says not to set StorageEncrypted on a restore.
 */
export const NEPTUNE_INPUTS: Readonly<Record<string, { key: string; sources: readonly string[] }>> = {
    [t.NEPTUNE_CLUSTER]: { key: "kmsKeyArn", sources: ["replicationSourceIdentifier", "snapshotIdentifier"] },
    [t.NATIVE_NEPTUNE_DB_CLUSTER]: { key: "kmsKeyId", sources: ["snapshotIdentifier", "sourceDbClusterIdentifier"] },
};

/**
 * DynamoDB's encryption block and where a table's (or replica's) customer managed key goes, per
 * type. CloudFormation's AWS::DynamoDB::GlobalTable (aws-native; CDK's TableV2) names each
 * replica's key in the replica's own `sseSpecification`, the local region's replica included.
 */
export const DYNAMODB_ENCRYPTION: Readonly<Record<string, { block: string; enabled: string; keys: readonly string[]; example: string }>> = {
    [t.DYNAMODB_TABLE]: {
        block: "serverSideEncryption", enabled: "enabled", keys: ["serverSideEncryption.kmsKeyArn", "replicas[].kmsKeyArn"],
        example: "`serverSideEncryption: {enabled: true, kmsKeyArn: key.arn}`",
    },
    [t.NATIVE_DYNAMODB_TABLE]: {
        block: "sseSpecification", enabled: "sseEnabled", keys: ["sseSpecification.kmsMasterKeyId"],
        example: '`sseSpecification: {sseEnabled: true, sseType: "KMS", kmsMasterKeyId: key.arn}`',
    },
    [t.NATIVE_DYNAMODB_GLOBAL_TABLE]: {
        block: "sseSpecification", enabled: "sseEnabled", keys: ["replicas[].sseSpecification.kmsMasterKeyId"],
        example: '`sseSpecification: {sseEnabled: true, sseType: "KMS"}` with each replica\'s `sseSpecification: {kmsMasterKeyId: key.arn}` (CDK: TableEncryptionV2.customerManagedKey)',
    },
};

/** The inputs that restore a Redshift cluster from a snapshot (which decides its encryption), per type. */
export const REDSHIFT_SNAPSHOT_INPUTS: Readonly<Record<string, readonly string[]>> = {
    [t.REDSHIFT_CLUSTER]: ["snapshotIdentifier", "snapshotArn"],
    [t.NATIVE_REDSHIFT_CLUSTER]: ["snapshotIdentifier"],
};
const REDSHIFT_CLUSTER_TYPES = Object.keys(REDSHIFT_SNAPSHOT_INPUTS);
const redshiftFromNothing = (r: PlainResource) => noneOf(...REDSHIFT_SNAPSHOT_INPUTS[r.type].map((input) => r.props[input]));

const databaseChecks: Check[] = [
    {
        types: RDS_INSTANCE_TYPES,
        property: "storageEncrypted",
        ...ACCEPTS_TRUE,
        appliesTo: rdsInstanceApplies,
        unset: (r) => (isRdsCustom(r) ? undefined : { value: false, note: "RDS creates the instance unencrypted" }),
        fix: "Set `storageEncrypted: true` (with `kmsKeyId` for a customer managed key). An existing instance cannot be encrypted in place: " +
            "restore an encrypted copy of a snapshot.",
    },
    keyCheck(RDS_INSTANCE_TYPES, "kmsKeyId", RDS_KEY_NOTE, {
        appliesTo: (r) => all(rdsInstanceApplies(r), declaredOn(r.props.storageEncrypted, isRdsCustom(r))),
    }),
    {
        // Aurora: AWS encrypts new clusters by default (AWS owned key) since 2026-02-18, so only a
        // declared false is judged. Multi-AZ DB clusters (mysql, postgres) are still unencrypted by
        // default. A cluster joining a global database follows the global cluster.
        types: RDS_CLUSTER_TYPES,
        property: "storageEncrypted",
        ...ACCEPTS_TRUE,
        appliesTo: rdsFromNothing,
        unset: (r) => {
            const aurora = isAurora(r.props.engine);
            if (aurora !== false || lower(r.props.engineMode) === "serverless" || present(r.props.globalClusterIdentifier) !== false) return undefined;
            return { value: false, note: "RDS creates Multi-AZ DB clusters unencrypted" };
        },
        fix: (_config, r) => `Set \`storageEncrypted: true\` (with \`kmsKeyId\` for a customer managed key)` +
            `${isAurora(r.props.engine) === true ? ", or remove it: Aurora encrypts new clusters by default" : ""}. ${CLUSTER_FIX}`,
    },
    keyCheck(RDS_CLUSTER_TYPES, "kmsKeyId", (r) => (isUnset(r.props.storageEncrypted) ? "Aurora encrypts a new cluster with an AWS owned key" : RDS_KEY_NOTE), {
        appliesTo: (r) => all(
            rdsFromNothing(r), noneOf(r.props.globalClusterIdentifier),
            declaredOn(r.props.storageEncrypted, isAurora(r.props.engine)),
        ),
    }),
    // Performance Insights keeps the database's SQL text and wait events apart from it, under a
    // key of its own (aws/rds unless one is named), which cannot change once set.
    keyCheck(Object.keys(PERFORMANCE_INSIGHTS_INPUT), "performanceInsightsKmsKeyId", "Performance Insights uses the AWS managed key aws/rds", {
        appliesTo: (r) => declaredOn(r.props[PERFORMANCE_INSIGHTS_INPUT[r.type]], false),
    }),
    {
        // A global database has no key of its own (keys are regional, on each member cluster).
        // Aurora global databases hold their data in Aurora clusters, which AWS encrypts since
        // 2026-02-18 when the program says nothing, as it does standalone clusters: only a
        // declared false is judged. DocumentDB and Neptune still create them unencrypted.
        // CloudFormation's GlobalCluster types (aws-native) have the same inputs.
        types: GLOBAL_CLUSTER_TYPES,
        property: "storageEncrypted",
        ...ACCEPTS_TRUE,
        appliesTo: (r) => noneOf(r.props.sourceDbClusterIdentifier),
        unset: (r) => (AURORA_GLOBAL_TYPES.includes(r.type) ? undefined : { value: false, note: "the global database is created unencrypted, and the clusters that join it follow it" }),
        fix: (_config, r) => "Set `storageEncrypted: true`" +
            `${AURORA_GLOBAL_TYPES.includes(r.type) ? " or remove it (Aurora encrypts new clusters by default)" : ""}, or create the global database from an encrypted cluster with \`sourceDbClusterIdentifier\`.`,
    },
    {
        types: [t.DOCDB_CLUSTER],
        property: "storageEncrypted",
        ...ACCEPTS_TRUE,
        appliesTo: (r) => noneOf(r.props.snapshotIdentifier, r.props.restoreToPointInTime),
        unset: (r) => (present(r.props.globalClusterIdentifier) !== false ? undefined : { value: false, note: "DocumentDB creates the cluster unencrypted" }),
        fix: `Set \`storageEncrypted: true\` (with \`kmsKeyId\` for a customer managed key). ${CLUSTER_FIX}`,
    },
    keyCheck([t.DOCDB_CLUSTER], "kmsKeyId", RDS_KEY_NOTE, {
        appliesTo: (r) => all(noneOf(r.props.snapshotIdentifier, r.props.restoreToPointInTime, r.props.globalClusterIdentifier), declaredOn(r.props.storageEncrypted, false)),
    }),
    keyCheck([t.DOCDB_ELASTIC_CLUSTER, t.NATIVE_DOCDB_ELASTIC_CLUSTER], "kmsKeyId", "DocumentDB elastic clusters use an AWS managed key"),
    ...Object.entries(NEPTUNE_INPUTS).flatMap(([type, { key, sources }]): Check[] => {
        const fromNothing = (r: PlainResource) => noneOf(...sources.map((input) => r.props[input]));
        return [
            {
                types: [type],
                property: "storageEncrypted",
                ...ACCEPTS_TRUE,
                appliesTo: fromNothing,
                unset: (r) => (present(r.props.globalClusterIdentifier) !== false ? undefined : { value: false, note: "Neptune creates the cluster unencrypted through the API" }),
                fix: `Set \`storageEncrypted: true\` (with \`${key}\` for a customer managed key). Encryption cannot be turned on for an existing cluster: ` +
                    `restore a snapshot into a new one with \`${key}\`.`,
            },
            keyCheck([type], key, "Neptune uses the AWS managed key aws/rds", {
                appliesTo: (r) => all(fromNothing(r), noneOf(r.props.globalClusterIdentifier), declaredOn(r.props.storageEncrypted, false)),
            }),
        ];
    }),
    {
        // Redshift encrypts new clusters by default since 2025-01-10; `encrypted` (a string in v7)
        // now defaults to "true", and "false" can still decrypt an existing cluster. CloudFormation's
        // AWS::Redshift::Cluster (aws-native) types it as a boolean.
        types: REDSHIFT_CLUSTER_TYPES,
        property: "encrypted",
        ...ACCEPTS_TRUE_STRING,
        appliesTo: redshiftFromNothing,
        fix: (_config, r) => `Remove \`encrypted\` (Redshift encrypts new clusters by default) or set it to ${r.type === t.REDSHIFT_CLUSTER ? '"true"' : "true"}.`,
    },
    keyCheck(REDSHIFT_CLUSTER_TYPES, "kmsKeyId", "Redshift uses an AWS owned key", {
        appliesTo: (r) => all(redshiftFromNothing(r), declaredOn(r.props.encrypted, true)),
    }),
    keyCheck([t.REDSHIFT_SERVERLESS_NAMESPACE, t.NATIVE_REDSHIFT_SERVERLESS_NAMESPACE], "kmsKeyId", "Redshift Serverless uses an AWS owned key"),
    ...Object.entries(DYNAMODB_ENCRYPTION).flatMap(([type, { block, enabled, keys, example }]): Check[] => {
        const enabledDeclared = (r: PlainResource) => (isUnknown(r.props[block]) ? undefined : declaredOn(blockOf(r.props[block])?.[enabled], false));
        return [
            {
                types: [type],
                // DynamoDB encrypts every table: `enabled: false` or no block means an AWS owned key
                // (CDK's TableV2 default, TableEncryptionV2.dynamoOwnedKey()).
                property: `${block}.${enabled}`,
                ...ACCEPTS_TRUE,
                describe: (v) => (v === false ? "is false (DynamoDB then encrypts with an AWS owned key)" : undefined),
                appliesTo: (_r, config) => config.requireCustomerManagedKey,
                unset: { value: false, note: "DynamoDB encrypts with an AWS owned key" },
                fix: `requireCustomerManagedKey is true: set ${example}, or ${CONFIG_HINT}.`,
            },
            ...keys.map((key) => keyCheck([type], key,
                key.startsWith("replicas") ? "the replica uses the AWS managed key aws/dynamodb of its region" : "DynamoDB uses the AWS managed key aws/dynamodb",
                { appliesTo: enabledDeclared })),
        ];
    }),
    keyCheck([t.DYNAMODB_TABLE_REPLICA], "kmsKeyArn", "the replica uses the AWS managed key aws/dynamodb of its region"),
    {
        // The Data Catalog's metadata (databases, tables, partitions, their schemas and
        // locations) is encrypted only when the account's catalog settings say so; the
        // provider requires a mode, so a program that declares the settings chooses one.
        // CloudFormation's AWS::Glue::DataCatalogEncryptionSettings (aws-native) nests it alike.
        types: GLUE_CATALOG_TYPES,
        property: GLUE_CATALOG_MODE,
        accepts: isGlueCatalogEncrypted,
        expected: '"SSE-KMS" or "SSE-KMS-WITH-SERVICE-ROLE"',
        shownStrings: ["DISABLED"],
        fix: 'Set `catalogEncryptionMode: "SSE-KMS"` with `sseAwsKmsKeyId` (without a key Glue uses the AWS managed key aws/glue).',
    },
    keyCheck(GLUE_CATALOG_TYPES, "dataCatalogEncryptionSettings.encryptionAtRest.sseAwsKmsKeyId", "Glue uses the AWS managed key aws/glue", {
        // DISABLED is the mode check's finding.
        appliesAt: (block) => whenKnown(block?.catalogEncryptionMode, isGlueCatalogEncrypted),
    }),
];

// ---------------------------------------------------------------- files, messaging, streams

/**
 * An Athena workgroup's configuration block, its override flag and its result key, per type:
 * CloudFormation's AWS::Athena::WorkGroup (aws-native; CDK has only CfnWorkGroup) spells them
 * `workGroupConfiguration`, `enforceWorkGroupConfiguration` and `kmsKey`.
 */
export const ATHENA_INPUTS: Readonly<Record<string, { configuration: string; enforce: string; resultKey: string }>> = {
    [t.ATHENA_WORKGROUP]: { configuration: "configuration", enforce: "enforceWorkgroupConfiguration", resultKey: "kmsKeyArn" },
    [t.NATIVE_ATHENA_WORKGROUP]: { configuration: "workGroupConfiguration", enforce: "enforceWorkGroupConfiguration", resultKey: "kmsKey" },
};

/** Whether an Athena workgroup keeps query results in Athena's managed storage; undefined while unknown. */
function athenaManagedResults(r: PlainResource): Decided {
    const configuration = r.props[ATHENA_INPUTS[r.type].configuration];
    if (isUnknown(configuration)) return undefined;
    return fieldOf(blockOf(configuration)?.managedQueryResultsConfiguration, "enabled", (v) => v === true);
}

/**
 * What a Lambda function's `kmsKeyArn` encrypts (the API reference): its environment variables,
 * when it has some, and its SnapStart snapshots, when SnapStart is on. Without either, a key
 * has nothing of the function's configuration to encrypt. It also encrypts Lambda's working
 * copy of the code (an image function's optimized image; with sourceKmsKeyArn, the unzipped
 * package): code is the program's artefact, not data the function keeps, and is not judged.
 */
const LAMBDA_KEY_USES: readonly [string, (r: PlainResource) => Decided][] = [
    ["environment variables", (r) => (isUnknown(r.props.environment) ? undefined
        : fieldOf(r.props.environment, "variables", (v) => isRecord(v) && Object.keys(v).length > 0))],
    ["SnapStart snapshots", (r) => fieldOf(r.props.snapStart, "applyOn", (v) => v === "PublishedVersions")],
];
const lambdaKeyUses = (r: PlainResource) => LAMBDA_KEY_USES.filter(([, uses]) => uses(r) === true).map(([what]) => what);

/** Where a CodeBuild project writes to S3 with its `encryptionDisabled` flag, and when that flag counts. */
const isS3Artifact = (block: Block): Decided => whenKnown(block?.type, (v) => v === "S3");
const CODEBUILD_S3_OUTPUTS: readonly [string, (block: Block) => Decided][] = [
    ["artifacts.encryptionDisabled", isS3Artifact],
    ["secondaryArtifacts[].encryptionDisabled", isS3Artifact],
    ["logsConfig.s3Logs.encryptionDisabled", (block) => whenKnown(block?.status, (v) => v === "ENABLED")],
];

const NATIVE_FIREHOSE_ENCRYPTION = "deliveryStreamEncryptionConfigurationInput";
/** The inputs that tell an aws-native delivery stream's source: only a Direct PUT stream (the default) is Firehose's to encrypt. */
export const NATIVE_FIREHOSE_SOURCES = ["kinesisStreamSourceConfiguration", "mskSourceConfiguration", "databaseSourceConfiguration"];
const nativeDirectPut = (r: PlainResource): Decided =>
    all(whenKnown(r.props.deliveryStreamType, (v) => isUnset(v) || v === "DirectPut"), noneOf(...NATIVE_FIREHOSE_SOURCES.map((input) => r.props[input])));
const EFS_REPLICA_NOTE = "the replica EFS creates uses the AWS managed key aws/elasticfilesystem";
const SQS_QUEUE_TYPES = [t.SQS_QUEUE, t.NATIVE_SQS_QUEUE];
const SECRET_TYPES = [t.SECRETS_MANAGER_SECRET, t.NATIVE_SECRETSMANAGER_SECRET];
const SECRET_REPLICA_NOTE = "the replica uses the AWS managed key aws/secretsmanager of its region";
const FEATURE_GROUP_TYPES = [t.SAGEMAKER_FEATURE_GROUP, t.NATIVE_SAGEMAKER_FEATURE_GROUP];
const EKS_NOTE = "EKS envelope-encrypts Kubernetes API data with an AWS owned key";
const OMICS_STORE_TYPES = [t.NATIVE_OMICS_SEQUENCE_STORE, t.NATIVE_OMICS_REFERENCE_STORE, t.NATIVE_OMICS_VARIANT_STORE, t.NATIVE_OMICS_ANNOTATION_STORE];
const SECURITY_LAKE_DEFAULT = "Security Lake encrypts the lake's objects with S3-managed keys, SSE-S3";
const S3_VECTORS_DEFAULT = { value: "AES256", note: "S3 Vectors defaults it to AES256, SSE-S3" };
const S3_TABLES_DEFAULT = { value: "AES256", note: "S3 Tables encrypts with SSE-S3, keys S3 owns" };

/**
 * Kinesis Data Streams' encryption inputs, per type: CloudFormation's AWS::Kinesis::Stream
 * (aws-native) nests them in `streamEncryption`, without which the stream is not encrypted; CDK's
 * kinesis.Stream sends `{encryptionType: "KMS", keyId: "alias/aws/kinesis"}` unless told otherwise
 * (outside the China regions: an Fn::If on the region, unknown until pulumi-cdk resolves it).
 */
export const KINESIS_ENCRYPTION: Readonly<Record<string, { type: string; key: string }>> = {
    [t.KINESIS_STREAM]: { type: "encryptionType", key: "kmsKeyId" },
    [t.NATIVE_KINESIS_STREAM]: { type: "streamEncryption.encryptionType", key: "streamEncryption.keyId" },
};

/** Where a repository's (or a creation template's) encryption settings are, per type (a list in the classic provider). */
export const ECR_ENCRYPTION: Readonly<Record<string, string>> = {
    [t.ECR_REPOSITORY]: "encryptionConfigurations[]",
    [t.NATIVE_ECR_REPOSITORY]: "encryptionConfiguration",
    [t.ECR_REPOSITORY_CREATION_TEMPLATE]: "encryptionConfigurations[]",
    [t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE]: "encryptionConfiguration",
};
const isEcrKms = (v: unknown) => v === "KMS" || v === "KMS_DSSE";

/** A DMS S3 target's mode when not set: "SSE_S3 (the default)". */
const DMS_S3_DEFAULT = { value: "SSE_S3", note: "DMS defaults it to SSE_S3, keys S3 manages" };

/**
 * WorkSpaces Secure Browser's resources with a key, per type, and what the key encrypts ("By
 * default, WorkSpaces Secure Browser enables encryption with an AWS-owned key").
 */
const SECURE_BROWSER_DATA: Readonly<Record<string, string>> = {
    [t.WORKSPACESWEB_PORTAL]: "portal's data",
    [t.NATIVE_WORKSPACESWEB_PORTAL]: "portal's data",
    [t.WORKSPACESWEB_BROWSER_SETTINGS]: "browser policy",
    [t.NATIVE_WORKSPACESWEB_BROWSER_SETTINGS]: "browser policy",
    [t.WORKSPACESWEB_DATA_PROTECTION_SETTINGS]: "data protection settings",
    [t.NATIVE_WORKSPACESWEB_DATA_PROTECTION_SETTINGS]: "data protection settings",
    [t.WORKSPACESWEB_IP_ACCESS_SETTINGS]: "IP access settings",
    [t.NATIVE_WORKSPACESWEB_IP_ACCESS_SETTINGS]: "IP access settings",
    [t.WORKSPACESWEB_SESSION_LOGGER]: "session logger's configuration",
    [t.NATIVE_WORKSPACESWEB_SESSION_LOGGER]: "session logger's configuration",
    [t.WORKSPACESWEB_USER_SETTINGS]: "user settings",
    [t.NATIVE_WORKSPACESWEB_USER_SETTINGS]: "user settings",
};

const messagingChecks: Check[] = [
    {
        // CloudFormation's AWS::EFS::FileSystem (aws-native) has the same inputs; CDK v2's
        // efs.FileSystem sends encrypted: true unless told otherwise (@aws-cdk/aws-efs:defaultEncryptionAtRest).
        types: EFS_FILE_SYSTEM_TYPES,
        property: "encrypted",
        ...ACCEPTS_TRUE,
        unset: { value: false, note: "EFS creates the file system unencrypted through the API" },
        fix: "Set `encrypted: true` (with `kmsKeyId` for a customer managed key). An existing file system cannot be encrypted: " +
            "create an encrypted one and copy the data (e.g. with AWS DataSync).",
    },
    keyCheck(EFS_FILE_SYSTEM_TYPES, "kmsKeyId", "EFS uses the AWS managed key aws/elasticfilesystem", {
        appliesTo: (r) => declaredOn(r.props.encrypted, false),
    }),
    // The replica EFS creates is always encrypted; an existing file system named as the
    // destination keeps its own key (judged as that file system).
    keyCheck([t.EFS_REPLICATION_CONFIGURATION], "destination.kmsKeyId", EFS_REPLICA_NOTE, {
        appliesTo: (r) => (isUnknown(r.props.destination) ? undefined : noneOf(blockOf(r.props.destination)?.fileSystemId)),
    }),
    // CloudFormation declares the replication on the file system (one destination).
    keyCheck([t.NATIVE_EFS_FILE_SYSTEM], "replicationConfiguration.destinations[].kmsKeyId", EFS_REPLICA_NOTE, {
        appliesAt: (block) => (block === undefined ? false : noneOf(block.fileSystemId)),
    }),
    {
        // SQS encrypts new queues with SQS-owned keys (SSE-SQS) by default since 2022; only turning
        // that off without a KMS key leaves messages unencrypted.
        // CloudFormation's AWS::SQS::Queue (aws-native) alike: CDK's sqs.Queue sends neither input
        // ("By default queues are encrypted using SSE-SQS", the aws-cdk-lib aws_sqs README).
        types: SQS_QUEUE_TYPES,
        property: "sqsManagedSseEnabled",
        accepts: (v) => v !== false,
        expected: "true or unset",
        appliesTo: (r) => noneOf(r.props.kmsMasterKeyId),
        fix: "Remove `sqsManagedSseEnabled: false` (SQS then encrypts with SQS-owned keys), or set `kmsMasterKeyId` to a KMS key.",
    },
    // A flag unknown at preview may still turn SSE-SQS off: the note then names both outcomes.
    keyCheck(SQS_QUEUE_TYPES, "kmsMasterKeyId", (r) => (isUnknown(r.props.sqsManagedSseEnabled)
        ? "the queue is encrypted with SQS-owned keys (SSE-SQS), or not at all if sqsManagedSseEnabled, unknown until the update, is false"
        : "the queue is encrypted with SQS-owned keys (SSE-SQS)"), {
        appliesTo: (r) => (r.props.sqsManagedSseEnabled === false ? present(r.props.kmsMasterKeyId) : true),
    }),
    // "By default, SNS stores messages and files using disk encryption" (AWS, Security Hub SNS.1,
    // which left the Foundational Security Best Practices in April 2024): a KMS key adds a layer.
    keyCheck([t.SNS_TOPIC, t.NATIVE_SNS_TOPIC], "kmsMasterKeyId", "SNS stores messages with its own disk encryption", {
        alsoSet: "a key policy that lets the publishing services use it",
    }),
    ...Object.entries(KINESIS_ENCRYPTION).flatMap(([type, { type: encryptionType, key }]): Check[] => [
        {
            types: [type],
            property: encryptionType,
            accepts: (v) => v === "KMS",
            expected: '"KMS"',
            shownStrings: ["NONE"],
            unset: { value: "NONE", note: "Kinesis Data Streams defaults it to NONE" },
            fix: type === t.KINESIS_STREAM
                ? 'Set `encryptionType: "KMS"` with `kmsKeyId` ("alias/aws/kinesis" or a customer managed key).'
                : 'Set `streamEncryption: {encryptionType: "KMS", keyId: "alias/aws/kinesis"}` (or a customer managed key); CDK\'s kinesis.Stream does so by default.',
        },
        keyCheck([type], key, "no key is named", { appliesAt: (block) => whenKnown(block?.[encryptionType.split(".").pop()!], (v) => v === "KMS") }),
    ]),
    {
        // Only a Direct PUT stream can be encrypted by Firehose; a Kinesis source keeps the
        // stream's encryption, and MSK always encrypts.
        types: [t.KINESIS_FIREHOSE_DELIVERY_STREAM],
        property: "serverSideEncryption.enabled",
        ...ACCEPTS_TRUE,
        appliesTo: (r) => noneOf(r.props.kinesisSourceConfiguration, r.props.mskSourceConfiguration),
        unset: { value: false, note: "Firehose does not encrypt a Direct PUT stream's data at rest unless asked" },
        fix: "Set `serverSideEncryption: {enabled: true}` (with `keyType: \"CUSTOMER_MANAGED_CMK\"` and `keyArn` for your own key).",
    },
    {
        types: [t.KINESIS_FIREHOSE_DELIVERY_STREAM],
        property: "serverSideEncryption.keyType",
        accepts: (v) => v === "CUSTOMER_MANAGED_CMK",
        expected: '"CUSTOMER_MANAGED_CMK"',
        shownStrings: ["AWS_OWNED_CMK"],
        appliesTo: (r, config) => all(
            config.requireCustomerManagedKey,
            noneOf(r.props.kinesisSourceConfiguration, r.props.mskSourceConfiguration),
            declaredOn(blockOf(r.props.serverSideEncryption)?.enabled, false),
        ),
        unset: { value: "AWS_OWNED_CMK", note: "Firehose uses an AWS owned key" },
        fix: `requireCustomerManagedKey is true: set \`keyType: "CUSTOMER_MANAGED_CMK"\` and \`keyArn: key.arn\`, or ${CONFIG_HINT}.`,
    },
    keyCheck([t.KINESIS_FIREHOSE_DELIVERY_STREAM], "serverSideEncryption.keyArn", "no key is named", {
        appliesTo: (r) => all(
            noneOf(r.props.kinesisSourceConfiguration, r.props.mskSourceConfiguration),
            declaredOn(blockOf(r.props.serverSideEncryption)?.enabled, false),
        ),
        appliesAt: (block) => whenKnown(block?.keyType, (v) => v === "CUSTOMER_MANAGED_CMK"),
    }),
    // CloudFormation's AWS::KinesisFirehose::DeliveryStream (aws-native) encrypts when it has a
    // `deliveryStreamEncryptionConfigurationInput` (its `keyType` required); CDK's DeliveryStream
    // sends none unless `encryption` is given. Only a Direct PUT stream takes one (StartDeliveryStreamEncryption).
    {
        types: [t.NATIVE_FIREHOSE_DELIVERY_STREAM],
        property: `${NATIVE_FIREHOSE_ENCRYPTION}.keyType`,
        accepts: (v) => v === "AWS_OWNED_CMK" || v === "CUSTOMER_MANAGED_CMK",
        expected: '"AWS_OWNED_CMK" or "CUSTOMER_MANAGED_CMK"',
        appliesTo: nativeDirectPut,
        unset: { value: undefined, note: "Firehose does not encrypt a Direct PUT stream's data at rest unless asked" },
        fix: `Set \`${NATIVE_FIREHOSE_ENCRYPTION}: {keyType: "AWS_OWNED_CMK"}\` (or \`"CUSTOMER_MANAGED_CMK"\` with \`keyArn\`; ` +
            "CDK: `encryption: StreamEncryption.awsOwnedKey()` or `.customerManagedKey(key)`).",
    },
    {
        types: [t.NATIVE_FIREHOSE_DELIVERY_STREAM],
        property: `${NATIVE_FIREHOSE_ENCRYPTION}.keyType`,
        accepts: (v) => v === "CUSTOMER_MANAGED_CMK",
        expected: '"CUSTOMER_MANAGED_CMK"',
        shownStrings: ["AWS_OWNED_CMK"],
        // Without the block, the check above reports the stream.
        appliesTo: (r, config) => all(config.requireCustomerManagedKey, nativeDirectPut(r), present(r.props[NATIVE_FIREHOSE_ENCRYPTION])),
        fix: `requireCustomerManagedKey is true: set \`keyType: "CUSTOMER_MANAGED_CMK"\` and \`keyArn: key.arn\`, or ${CONFIG_HINT}.`,
    },
    keyCheck([t.NATIVE_FIREHOSE_DELIVERY_STREAM], `${NATIVE_FIREHOSE_ENCRYPTION}.keyArn`, "no key is named", {
        appliesTo: nativeDirectPut,
        appliesAt: (block) => whenKnown(block?.keyType, (v) => v === "CUSTOMER_MANAGED_CMK"),
    }),
    keyCheck([t.CLOUDWATCH_LOG_GROUP, t.NATIVE_LOGS_LOG_GROUP], "kmsKeyId", "CloudWatch Logs encrypts with its own service key"),
    // An anomaly detector keeps the anomalies it finds (with samples of the log events) and its
    // model: "if a key is assigned, the anomalies found and the model ... are encrypted at rest
    // with the key" (CreateLogAnomalyDetector); otherwise as log groups are.
    keyCheck([t.CLOUDWATCH_LOG_ANOMALY_DETECTOR, t.NATIVE_LOGS_LOG_ANOMALY_DETECTOR], "kmsKeyId",
        "CloudWatch Logs encrypts the anomalies and the detector's model with its own service key"),
    keyCheck(SECRET_TYPES, "kmsKeyId", "Secrets Manager uses the AWS managed key aws/secretsmanager"),
    keyCheck([t.SECRETS_MANAGER_SECRET], "replicas[].kmsKeyId", SECRET_REPLICA_NOTE),
    keyCheck([t.NATIVE_SECRETSMANAGER_SECRET], "replicaRegions[].kmsKeyId", SECRET_REPLICA_NOTE),
    // A SecureString parameter is a secret store like Secrets Manager; String parameters hold no ciphertext.
    keyCheck([t.SSM_PARAMETER], "keyId", "Parameter Store uses the AWS managed key aws/ssm", {
        appliesTo: (r) => whenKnown(r.props.type, (v) => v === "SecureString"),
    }),
    keyCheck([t.BACKUP_VAULT], "kmsKeyArn", "AWS Backup uses the AWS managed key aws/backup"),
    // CloudFormation's AWS::Backup::BackupVault (aws-native) names its key `encryptionKeyArn`.
    keyCheck([t.NATIVE_BACKUP_VAULT], "encryptionKeyArn", "AWS Backup uses the AWS managed key aws/backup"),
    keyCheck([t.BACKUP_LOGICALLY_AIR_GAPPED_VAULT, t.NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT], "encryptionKeyArn", "AWS Backup uses an AWS owned key"),
    // File systems, ledgers of events, notebooks and brokers AWS always encrypts: only their key is judged.
    keyCheck([t.FSX_WINDOWS_FILE_SYSTEM, t.FSX_ONTAP_FILE_SYSTEM, t.FSX_OPENZFS_FILE_SYSTEM], "kmsKeyId", "FSx uses the AWS managed key aws/fsx"),
    // Scratch Lustre file systems take no key (FSx's own); persistent ones take one.
    keyCheck([t.FSX_LUSTRE_FILE_SYSTEM], "kmsKeyId", "FSx uses the AWS managed key aws/fsx", {
        appliesTo: (r) => whenKnown(r.props.deploymentType, (v) => typeof v === "string" && v.startsWith("PERSISTENT")),
    }),
    keyCheck([t.TIMESTREAM_DATABASE, t.NATIVE_TIMESTREAM_DATABASE], "kmsKeyId", "Timestream uses the AWS managed key aws/timestream"),
    keyCheck([t.CLOUDTRAIL_TRAIL, t.NATIVE_CLOUDTRAIL_TRAIL], "kmsKeyId", "CloudTrail log files get the bucket's encryption, SSE-S3 unless it says otherwise"),
    keyCheck([t.SAGEMAKER_NOTEBOOK_INSTANCE, t.NATIVE_SAGEMAKER_NOTEBOOK_INSTANCE], "kmsKeyId", "SageMaker encrypts the notebook's storage volume with a key AWS manages"),
    keyCheck([t.KINESIS_VIDEO_STREAM, t.NATIVE_KINESISVIDEO_STREAM], "kmsKeyId", "Kinesis Video Streams uses the AWS managed key aws/kinesisvideo", {
        appliesTo: (r) => whenKnown(r.props.dataRetentionInHours, retainsMedia),
    }),
    keyCheck([t.KEYSPACES_TABLE, t.NATIVE_CASSANDRA_TABLE], "encryptionSpecification.kmsKeyIdentifier", "Keyspaces uses an AWS owned key", {
        alsoSet: '`type: "CUSTOMER_MANAGED_KMS_KEY"`',
    }),
    keyCheck([t.MQ_BROKER, t.NATIVE_AMAZONMQ_BROKER], "encryptionOptions.kmsKeyId", "Amazon MQ uses an AWS owned key, or aws/mq with `useAwsOwnedKey: false`", {
        alsoSet: "`useAwsOwnedKey: false`",
        // Amazon MQ's encryption options "do not apply to RabbitMQ brokers": AWS owned keys only.
        appliesTo: (r) => (isUnknown(r.props.engineType) ? undefined : lower(r.props.engineType) !== "rabbitmq"),
    }),
    // EKS envelope-encrypts all Kubernetes API data (Secrets, ConfigMaps) on 1.28 and later;
    // Security Hub's EKS.3 asks for a KMS key of the account's.
    keyCheck([t.EKS_CLUSTER], "encryptionConfig.provider.keyArn", EKS_NOTE, {
        alsoSet: '`resources: ["secrets"]`; @pulumi/eks: `encryptionConfigKeyArn`',
    }),
    // CloudFormation's AWS::EKS::Cluster (aws-native) takes a list of them, as the EKS API does;
    // without one, the AWS owned key. (aws-cdk-lib's eks.Cluster is a custom resource, not this type.)
    encryptionListCheck(t.NATIVE_EKS_CLUSTER, "encryptionConfig", { value: undefined, note: EKS_NOTE }, '{provider: {keyArn: key.arn}, resources: ["secrets"]}'),
    keyCheck([t.NATIVE_EKS_CLUSTER], "encryptionConfig[].provider.keyArn", EKS_NOTE, { alsoSet: '`resources: ["secrets"]`' }),
    keyCheck([t.DMS_REPLICATION_INSTANCE], "kmsKeyArn", "DMS uses the AWS managed key aws/dms"),
    keyCheck([t.DMS_REPLICATION_CONFIG, t.NATIVE_DMS_REPLICATION_CONFIG], "computeConfig.kmsKeyId", "DMS Serverless uses the AWS managed key aws/dms"),
    keyCheck([t.AMP_WORKSPACE, t.NATIVE_APS_WORKSPACE], "kmsKeyArn", "Amazon Managed Service for Prometheus uses an AWS owned key"),
    // Source and package stores.
    keyCheck([t.CODECOMMIT_REPOSITORY, t.NATIVE_CODECOMMIT_REPOSITORY], "kmsKeyId", "CodeCommit uses the AWS managed key aws/codecommit"),
    keyCheck([t.CODEARTIFACT_DOMAIN, t.NATIVE_CODEARTIFACT_DOMAIN], "encryptionKey", "CodeArtifact uses the AWS managed key aws/codeartifact"),
    // Stores of events, workflows, graphs, locations, mail, agent memory and metadata that AWS
    // always encrypts: only their key is judged.
    keyCheck([t.CLOUDTRAIL_EVENT_DATA_STORE, t.NATIVE_CLOUDTRAIL_EVENT_DATA_STORE], "kmsKeyId", "CloudTrail Lake encrypts the event data store with a key CloudTrail owns"),
    keyCheck([t.EVENTBRIDGE_ARCHIVE, t.NATIVE_EVENTS_ARCHIVE], "kmsKeyIdentifier", "EventBridge encrypts archived events with an AWS owned key"),
    keyCheck([t.MWAA_ENVIRONMENT, t.NATIVE_MWAA_ENVIRONMENT], "kmsKey", "Amazon MWAA uses the AWS managed key aws/airflow"),
    keyCheck([t.NEPTUNE_GRAPH, t.NATIVE_NEPTUNEGRAPH_GRAPH], "kmsKeyIdentifier", "Neptune Analytics uses an AWS owned key"),
    keyCheck([t.FSX_FILE_CACHE], "kmsKeyId", "FSx uses the AWS managed key aws/fsx"),
    keyCheck([t.LOCATION_TRACKER, t.LOCATION_GEOFENCE_COLLECTION, t.NATIVE_LOCATION_TRACKER, t.NATIVE_LOCATION_GEOFENCE_COLLECTION], "kmsKeyId", "Amazon Location uses an AWS owned key"),
    keyCheck([t.SAGEMAKER_DOMAIN, t.NATIVE_SAGEMAKER_DOMAIN], "kmsKeyId", "SageMaker encrypts the domain's EFS home directories with an AWS managed key"),
    keyCheck([t.MAILMANAGER_ARCHIVE, t.NATIVE_MAILMANAGER_ARCHIVE], "kmsKeyArn", "Mail Manager encrypts the archived mail with a key of AWS's"),
    keyCheck([t.WORKMAIL_ORGANIZATION], "kmsKeyArn", "WorkMail encrypts the mailboxes with an AWS managed key"),
    keyCheck([t.BEDROCK_AGENTCORE_MEMORY, t.NATIVE_BEDROCKAGENTCORE_MEMORY], "encryptionKeyArn", "AgentCore encrypts the memory with a key of AWS's"),
    // An AgentCore evaluator's data, a policy engine's policies ("If not set, AWS uses an AWS managed
    // key") and a configuration bundle's component configurations; the account's token vault (the
    // credential providers' API keys and OAuth secrets) with `ServiceManagedKey`.
    keyCheck([t.BEDROCK_AGENTCORE_EVALUATOR, t.NATIVE_BEDROCKAGENTCORE_EVALUATOR], "kmsKeyArn", "AgentCore encrypts the evaluator's data with a key of AWS's"),
    keyCheck([t.BEDROCK_AGENTCORE_POLICY_ENGINE, t.NATIVE_BEDROCKAGENTCORE_POLICY_ENGINE], "encryptionKeyArn", "AgentCore encrypts the policy engine's data with an AWS managed key"),
    keyCheck([t.NATIVE_BEDROCKAGENTCORE_CONFIGURATION_BUNDLE], "kmsKeyArn", "AgentCore encrypts the bundle's configurations with a key of AWS's"),
    ...kmsModeChecks([t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK], "kmsConfiguration", "keyType", "CustomerManagedKey",
        { value: undefined, note: "AgentCore encrypts the token vault with a key of AWS's" }, ["ServiceManagedKey", "CustomerManagedKey"]),
    // An AgentCore gateway ("By default, Gateway encrypts your data at rest using a service-managed
    // AWS Key Management Service key"), a Deadline Cloud farm ("AWS owned KMS key – Default encryption
    // type"), a Secure Browser portal's policies, user names and logs ("By default, WorkSpaces Secure
    // Browser enables encryption with an AWS-owned key") and a Security Hub connector's ticketing
    // credentials (an AWS owned key or a customer managed one, Security Hub's guide).
    keyCheck([t.BEDROCK_AGENTCORE_GATEWAY, t.NATIVE_BEDROCKAGENTCORE_GATEWAY], "kmsKeyArn", "AgentCore encrypts the gateway's data with a key of AWS's"),
    keyCheck([t.NATIVE_DEADLINE_FARM], "kmsKeyArn", "Deadline Cloud encrypts the farm's data with an AWS owned key"),
    keyCheck(Object.keys(SECURE_BROWSER_DATA), "customerManagedKey",
        (r) => `WorkSpaces Secure Browser encrypts the ${SECURE_BROWSER_DATA[r.type]} with an AWS owned key`),
    keyCheck([t.SECURITYHUB_CONNECTOR_V2, t.NATIVE_SECURITYHUB_CONNECTOR_V2], "kmsKeyArn", "Security Hub encrypts the connector's credentials with an AWS owned key"),
    // A Bedrock agent's configuration and session data (Checkov CKV_AWS_373), and a SageMaker
    // feature group's online store (an AWS owned key) and offline store (an AWS managed key:
    // "Feature Store security and access control"), each where the group has one.
    keyCheck([t.BEDROCK_AGENT, t.NATIVE_BEDROCK_AGENT], "customerEncryptionKeyArn", "Bedrock encrypts the agent with an AWS managed key"),
    // A guardrail's denied topics, word lists and sensitive-information patterns, a prompt's
    // templates and a flow's definition: "Amazon Bedrock encrypts your data at rest. By default
    // ... using an AWS managed key" (the Bedrock guide, "Encryption of Amazon Bedrock Flows
    // resources"; guardrails and prompts alike, each with an optional key of the account's).
    keyCheck([t.BEDROCK_GUARDRAIL, t.NATIVE_BEDROCK_GUARDRAIL], "kmsKeyArn", "Bedrock encrypts the guardrail with a key of AWS's"),
    keyCheck([t.BEDROCK_PROMPT, t.NATIVE_BEDROCK_PROMPT], "customerEncryptionKeyArn", "Bedrock encrypts the prompt with an AWS managed key"),
    keyCheck([t.BEDROCK_FLOW, t.NATIVE_BEDROCK_FLOW], "customerEncryptionKeyArn", "Bedrock encrypts the flow with an AWS managed key"),
    keyCheck(FEATURE_GROUP_TYPES, "onlineStoreConfig.securityConfig.kmsKeyId", "SageMaker encrypts the online store with an AWS owned key", {
        appliesTo: (r) => (isUnknown(r.props.onlineStoreConfig) ? undefined : declaredOn(blockOf(r.props.onlineStoreConfig)?.enableOnlineStore, false)),
    }),
    keyCheck(FEATURE_GROUP_TYPES, "offlineStoreConfig.s3StorageConfig.kmsKeyId", "SageMaker encrypts the offline store with an AWS managed key", {
        appliesTo: (r) => present(r.props.offlineStoreConfig),
    }),
    keyCheck([t.GRAFANA_WORKSPACE], "kmsKeyId", "Managed Grafana encrypts the workspace's data with a key of AWS's"),
    keyCheck([t.DATAZONE_DOMAIN, t.NATIVE_DATAZONE_DOMAIN], "kmsKeyIdentifier", "DataZone encrypts the domain's metadata with a key of AWS's"),
    // Storage Gateway keeps volumes, and writes file shares' objects, in S3 under S3-managed keys unless `kmsEncrypted`.
    keyCheck([t.STORAGEGATEWAY_CACHED_VOLUME, t.STORAGEGATEWAY_STORED_VOLUME], "kmsKey", "Storage Gateway stores the volume in S3 with S3-managed keys", {
        alsoSet: "`kmsEncrypted: true`",
    }),
    keyCheck([t.STORAGEGATEWAY_NFS_FILE_SHARE, t.STORAGEGATEWAY_SMB_FILE_SHARE], "kmsKeyArn", "Storage Gateway writes the share's objects with S3-managed keys", {
        alsoSet: "`kmsEncrypted: true`",
    }),
    // Elastic Disaster Recovery keeps a continuously replicated copy of each source server's disks
    // on staging EBS volumes and their point-in-time snapshots, always encrypted (the API's
    // `ebsEncryption` is "DEFAULT" or "CUSTOM"): with the key `ebsEncryptionKeyArn` names, else
    // the region's default EBS key, aws/ebs unless aws.ebs.DefaultKmsKey changed it (not
    // credited, as for EBS volumes).
    keyCheck([t.DRS_REPLICATION_CONFIGURATION_TEMPLATE], "ebsEncryptionKeyArn",
        "DRS encrypts the staging volumes and snapshots with the region's default EBS key, the AWS managed aws/ebs unless aws.ebs.DefaultKmsKey changed it", {
            alsoSet: '`ebsEncryption: "CUSTOM"`',
        }),
    // Databases and table stores AWS always encrypts.
    keyCheck([t.DSQL_CLUSTER, t.NATIVE_DSQL_CLUSTER], "kmsEncryptionKey", "Aurora DSQL uses an AWS owned key"),
    // A table bucket's tables take its encryption: SSE-S3 unless it says aws:kms.
    ...kmsModeChecks([t.S3TABLES_TABLE_BUCKET, t.NATIVE_S3TABLES_TABLE_BUCKET], "encryptionConfiguration", "sseAlgorithm", "aws:kms",
        S3_TABLES_DEFAULT, ["AES256"]),
    // A table's own configuration overrides its bucket's (the bucket's applies to its tables
    // "unless overridden at the table level", the CreateTableBucket API): judged only when declared.
    ...kmsModeChecks([t.S3TABLES_TABLE], "encryptionConfiguration", "sseAlgorithm", "aws:kms",
        S3_TABLES_DEFAULT, ["AES256"], { appliesTo: (r) => present(r.props.encryptionConfiguration) }),
    // Health records (FHIR) and genomic data: "HealthLake provides encryption by default ... by
    // using a service owned AWS KMS key" and HealthOmics "provides encryption by default using a
    // service-owned AWS KMS key" (their guides, "Encryption at rest"); a store's key cannot change
    // once created. An Omics store's `sseConfig` has one type, KMS, whose key is optional.
    ...kmsModeChecks([t.NATIVE_HEALTHLAKE_FHIR_DATASTORE], "sseConfiguration.kmsEncryptionConfig", "cmkType", "CUSTOMER_MANAGED_KMS_KEY",
        { value: "AWS_OWNED_KMS_KEY", note: "HealthLake encrypts the data store with an AWS owned key" }, ["AWS_OWNED_KMS_KEY"], { key: "kmsKeyId" }),
    keyCheck(OMICS_STORE_TYPES, "sseConfig.keyArn", "HealthOmics encrypts the store with an AWS owned key", { alsoSet: '`type: "KMS"`' }),
    // Medical images (DICOM): HealthImaging uses AWS owned keys "by default to automatically encrypt
    // ... Private Health Information (PHI) data at rest" (its guide, "Key management").
    keyCheck([t.NATIVE_HEALTHIMAGING_DATASTORE], "kmsKeyArn", "HealthImaging encrypts the data store's images with an AWS owned key"),
    // Query results, build artifacts, vectors, workflow data and function settings AWS always
    // encrypts: only their key is judged. Athena writes query results to S3 with the
    // workgroup's encryption or else the output bucket's default (CloudTrail log files alike);
    // managed query results stay in Athena's storage, under its key unless one is named.
    ...Object.entries(ATHENA_INPUTS).flatMap(([type, { configuration, enforce, resultKey }]): Check[] => [
        ...kmsModeChecks([type], `${configuration}.resultConfiguration.encryptionConfiguration`, "encryptionOption", ["SSE_KMS", "CSE_KMS"],
            { value: "SSE_S3", note: "Athena writes query results with the output bucket's default encryption, SSE-S3 unless the bucket says otherwise" }, ["SSE_S3"],
            { key: resultKey, appliesTo: (r) => negate(athenaManagedResults(r)) }),
        keyCheck([type], `${configuration}.managedQueryResultsConfiguration.encryptionConfiguration.kmsKey`,
            "Athena encrypts managed query results with a key of its own", { appliesTo: athenaManagedResults }),
        {
            // Unless the workgroup overrides client-side settings, "Athena uses the client's settings
            // for all queries ... including encryption" (Athena guide, "Override client-side
            // settings"; Checkov CKV_AWS_82, tfsec aws-athena-no-encryption-override): its key is
            // then a default, not a guarantee. S3 encrypts every object anyway, so only
            // requireCustomerManagedKey judges it.
            types: [type],
            property: `${configuration}.${enforce}`,
            accepts: (v) => v !== false,
            expected: "true or unset",
            describe: (v) => (v === false ? "is false (queries may then set their own result encryption and key, or none beyond the bucket's default)" : undefined),
            appliesTo: (r, config) => (config.requireCustomerManagedKey ? negate(athenaManagedResults(r)) : false),
            fix: `requireCustomerManagedKey is true: remove \`${enforce}: false\` (the default is true) so that the workgroup's encryption applies to every query, or ${CONFIG_HINT}.`,
        },
    ]),
    keyCheck([t.CODEBUILD_PROJECT], "encryptionKey", "CodeBuild encrypts build artifacts with the AWS managed key aws/s3"),
    // An output CodeBuild writes to S3 with `encryptionDisabled: true` gets no key of the
    // project's, only the bucket's default encryption (S3 encrypts every object since 2023, so
    // only requireCustomerManagedKey judges it; Security Hub CodeBuild.3 for S3 logs). The flag
    // applies to S3 artifacts only, and to S3 logs only when they are on.
    ...CODEBUILD_S3_OUTPUTS.map(([property, appliesAt]): Check => ({
        types: [t.CODEBUILD_PROJECT],
        property,
        accepts: (v) => v !== true,
        expected: "false or unset",
        describe: (v) => (v === true ? "is true (CodeBuild then writes them without the project's key, with the bucket's default encryption only)" : undefined),
        appliesTo: (_r, config) => config.requireCustomerManagedKey,
        appliesAt,
        fix: `requireCustomerManagedKey is true: remove \`encryptionDisabled: true\` so that CodeBuild encrypts them with the project's \`encryptionKey\`, or ${CONFIG_HINT}.`,
    })),
    // A vector index without a configuration of its own takes its bucket's.
    encryptionListCheck(t.S3_VECTORS_BUCKET, "encryptionConfigurations", { value: undefined, note: "S3 Vectors encrypts the vectors with SSE-S3, keys S3 owns" },
        '{sseType: "aws:kms", kmsKeyArn: key.arn}'),
    ...kmsModeChecks([t.S3_VECTORS_BUCKET, t.S3_VECTORS_INDEX], "encryptionConfigurations[]", "sseType", "aws:kms", S3_VECTORS_DEFAULT, ["AES256"]),
    // CloudFormation's AWS::S3Vectors::VectorBucket and Index (aws-native) have one
    // `encryptionConfiguration` block: without it a bucket is SSE-S3 and an index takes its bucket's.
    ...kmsModeChecks([t.NATIVE_S3VECTORS_VECTOR_BUCKET], "encryptionConfiguration", "sseType", "aws:kms", S3_VECTORS_DEFAULT, ["AES256"]),
    ...kmsModeChecks([t.NATIVE_S3VECTORS_INDEX], "encryptionConfiguration", "sseType", "aws:kms", S3_VECTORS_DEFAULT, ["AES256"],
        { appliesTo: (r) => present(r.props.encryptionConfiguration) }),
    // A state machine's definition and execution history, an activity's inputs.
    ...kmsModeChecks([t.SFN_STATE_MACHINE, t.SFN_ACTIVITY, t.NATIVE_SFN_STATE_MACHINE, t.NATIVE_SFN_ACTIVITY], "encryptionConfiguration", "type", "CUSTOMER_MANAGED_KMS_KEY",
        { value: "AWS_OWNED_KEY", note: "Step Functions encrypts with an AWS owned key" }, ["AWS_OWNED_KEY", "AWS_KMS_KEY"], { key: "kmsKeyId" }),
    keyCheck([t.LAMBDA_FUNCTION, t.NATIVE_LAMBDA_FUNCTION], "kmsKeyArn", (r) => `Lambda encrypts the function's ${lambdaKeyUses(r).join(" and ")} with a key of AWS's`, {
        appliesTo: (r) => any(...LAMBDA_KEY_USES.map(([, uses]) => uses(r))),
    }),
    // Search and assistant indexes of the customer's documents, and an ingestion pipeline's
    // persistent buffer of the events it carries (without one a pipeline keeps nothing at
    // rest): each AWS owned by default (Kendra and Q Business guides, "Key management"; the
    // OSIS API's EncryptionAtRestOptions; Checkov CKV_AWS_262 for Kendra).
    keyCheck([t.KENDRA_INDEX, t.NATIVE_KENDRA_INDEX], "serverSideEncryptionConfiguration.kmsKeyId", "Kendra encrypts the index with an AWS owned key"),
    keyCheck([t.QBUSINESS_APPLICATION, t.NATIVE_QBUSINESS_APPLICATION], "encryptionConfiguration.kmsKeyId",
        "Amazon Q Business encrypts the application's index, conversations and uploads with an AWS owned key"),
    keyCheck([t.OPENSEARCHINGEST_PIPELINE, t.NATIVE_OSIS_PIPELINE], "encryptionAtRestOptions.kmsKeyArn", "OpenSearch Ingestion encrypts the persistent buffer with an AWS owned key", {
        appliesTo: (r) => fieldOf(r.props.bufferOptions, "persistentBufferEnabled", (v) => v === true),
    }),
    // An S3 Files file system keeps the bucket's files, data and metadata, under an AWS owned
    // key unless it names one (S3 guide, "S3 Files encryption"); the bucket is judged as such.
    keyCheck([t.S3_FILES_FILE_SYSTEM, t.NATIVE_S3FILES_FILE_SYSTEM], "kmsKeyId", "S3 Files encrypts the file system's data and metadata with an AWS owned key"),
    // Amazon Connect's call recordings, chat transcripts and reports in S3 (with the bucket's
    // default encryption unless an `encryptionConfig` names a key) and media streams in Kinesis
    // Video Streams; a fine-tuned model, which "can replay some of the fine tuning data" (the
    // Bedrock guide, "Encryption of custom models"); a Customer Profiles domain, "a container
    // for all customer data" (the CreateDomain API). Streams Connect writes to are judged as such.
    ...Object.entries(CONNECT_STORAGE).flatMap(([type, holder]): Check[] => {
        const at = holder === undefined ? "" : `${holder}.`;
        return [
            keyCheck([type], `${at}s3Config.encryptionConfig.keyId`, "Amazon Connect writes the objects with the bucket's default encryption", {
                alsoSet: '`encryptionType: "KMS"`',
                appliesTo: (r) => whenKnown(connectStorage(r, "s3Config"), isRecord),
            }),
            keyCheck([type], `${at}kinesisVideoStreamConfig.encryptionConfig.keyId`, "Kinesis Video Streams uses the AWS managed key aws/kinesisvideo", {
                appliesTo: (r) => fieldOf(connectStorage(r, "kinesisVideoStreamConfig"), "retentionPeriodHours", retainsMedia),
            }),
        ];
    }),
    // An AppFlow flow's data while AppFlow moves it, and a connector profile's credentials
    // (which AppFlow keeps in Secrets Manager): "if you don't provide anything here, Amazon
    // AppFlow uses the Amazon AppFlow-managed KMS key" (the CreateFlow and
    // CreateConnectorProfile APIs; Steampipe's appflow_flow_encrypted_with_kms_cmk).
    keyCheck([t.APPFLOW_FLOW, t.NATIVE_APPFLOW_FLOW], "kmsArn", "AppFlow encrypts the flow's data with the AWS managed key aws/appflow"),
    keyCheck([t.APPFLOW_CONNECTOR_PROFILE, t.NATIVE_APPFLOW_CONNECTOR_PROFILE], "kmsArn", "AppFlow encrypts the connector profile's credentials with the AWS managed key aws/appflow"),
    // An EventBridge connection's authorization parameters (API keys, OAuth client secrets), which
    // EventBridge keeps in a Secrets Manager secret: "by default, EventBridge uses an AWS owned key
    // to encrypt and decrypt this secret" (the EventBridge guide, "Encrypting EventBridge connection
    // authorization with AWS KMS keys").
    keyCheck([t.EVENTBRIDGE_CONNECTION, t.NATIVE_EVENTS_CONNECTION], "kmsKeyIdentifier",
        "EventBridge encrypts the connection's authorization parameters, kept in a Secrets Manager secret, with an AWS owned key"),
    // A schedule keeps its target's input (up to 256 KB) for every run: "by default, EventBridge
    // Scheduler encrypts and decrypts all of your data using an AWS owned key" (its guide,
    // "Encryption at rest"). An AppConfig profile's key encrypts "new configuration data versions
    // in the AppConfig hosted configuration store", and is "only used for hosted configuration
    // types" (the CreateConfigurationProfile API): other stores (SSM, S3) are judged as such.
    keyCheck([t.SCHEDULER_SCHEDULE, t.NATIVE_SCHEDULER_SCHEDULE], "kmsKeyArn", "EventBridge Scheduler encrypts the schedule's target input with an AWS owned key"),
    keyCheck([t.APPCONFIG_CONFIGURATION_PROFILE, t.NATIVE_APPCONFIG_CONFIGURATION_PROFILE], "kmsKeyIdentifier",
        "AppConfig encrypts the hosted configuration's versions with a key of AWS's", { appliesTo: (r) => whenKnown(r.props.locationUri, (v) => v === "hosted") }),
    // An event bus keeps "event payloads, event metadata, subscriber filters, and subscriber
    // target configuration", under an AWS owned key unless it names one (EventBridge guide,
    // "Encrypting events on a custom event bus"); its archives are judged apart.
    keyCheck([t.CLOUDWATCH_EVENT_BUS, t.NATIVE_EVENTS_EVENT_BUS], "kmsKeyIdentifier",
        "EventBridge encrypts the events the bus keeps, with their rules' patterns and targets, with an AWS owned key"),
    // A pipe keeps its source parameters, filters, enrichment and target parameters (event data
    // they quote included): "If not set, EventBridge uses an AWS owned key to encrypt pipe data".
    keyCheck([t.PIPES_PIPE, t.NATIVE_PIPES_PIPE], "kmsKeyIdentifier", "EventBridge Pipes encrypts the pipe's data with an AWS owned key"),
    // Canary artifacts (screenshots, HAR files, reports): "If you omit this parameter, an AWS-managed
    // AWS KMS key is used" (Synthetics' S3EncryptionConfig), and `SSE_S3` asks for S3-managed keys
    // ("To use SSE-S3 encryption, you specify SSE_S3 as the encryption mode"): neither is the bucket's key.
    s3UploadModeCheck([t.SYNTHETICS_CANARY, t.NATIVE_SYNTHETICS_CANARY], "artifactConfig.s3Encryption.encryptionMode",
        'set `artifactConfig: {s3Encryption: {encryptionMode: "SSE_KMS", kmsKeyArn: key.arn}}`',
        { unset: { value: undefined, note: "Synthetics encrypts the artifacts with an AWS managed key" } }),
    // A DMS S3 target's files: "SSE_S3 (the default) or SSE_KMS" (S3Settings), so an unset mode is
    // SSE_S3, DMS's own request for each file as a canary's; SSE_KMS wants its key named
    // (`serverSideEncryptionKmsKeyId`). Source endpoints read (only SSE_S3 is valid there).
    ...kmsModeChecks([t.DMS_S3_ENDPOINT], "", "encryptionMode", "SSE_KMS", DMS_S3_DEFAULT, ["SSE_S3", "SSE_KMS"],
        { key: "serverSideEncryptionKmsKeyId", appliesTo: (r) => namedAs(r.props.endpointType, "target") }),
    ...kmsModeChecks([t.NATIVE_DMS_ENDPOINT], "s3Settings", "encryptionMode", "SSE_KMS", DMS_S3_DEFAULT, ["SSE_S3", "SSE_KMS"],
        { key: "serverSideEncryptionKmsKeyId", appliesTo: (r) => all(namedAs(r.props.engineName, "s3"), namedAs(r.props.endpointType, "target")) }),
    // A DataBrew job's outputs: a declared SSE-S3 is DataBrew's request for each object (the bucket's
    // default key does not override it), SSE-KMS wants its key named; an unset mode (no default
    // documented, no header sent) is left to the bucket.
    ...kmsModeChecks([t.NATIVE_DATABREW_JOB], "", "encryptionMode", "SSE-KMS", undefined, ["SSE-S3", "SSE-KMS"], { key: "encryptionKeyArn" }),
    // The account's X-Ray traces and IoT Core data: `NONE` ("default encryption") and
    // `AWS_OWNED_KMS_KEY` are keys of AWS's; each resource exists only to choose.
    ...kmsModeChecks([t.XRAY_ENCRYPTION_CONFIG], "", "type", "KMS", { value: undefined, note: "X-Ray encrypts traces with a key of AWS's" }, ["NONE", "KMS"],
        { key: "keyId" }),
    ...kmsModeChecks([t.NATIVE_IOT_ENCRYPTION_CONFIGURATION], "", "encryptionType", "CUSTOMER_MANAGED_KMS_KEY",
        { value: undefined, note: "IoT Core encrypts the account's data with an AWS owned key" }, ["AWS_OWNED_KMS_KEY", "CUSTOMER_MANAGED_KMS_KEY"]),
    // Amazon Q in Connect (CloudFormation's AWS::Wisdom) keeps an assistant's sessions and a
    // knowledge base's content; a Personalize dataset group, its datasets ("the KMS key used to
    // encrypt the datasets"). Both use a key of AWS's unless given one.
    keyCheck([t.NATIVE_WISDOM_ASSISTANT], "serverSideEncryptionConfiguration.kmsKeyId", "Amazon Q in Connect encrypts the assistant's sessions with an AWS owned key"),
    keyCheck([t.NATIVE_WISDOM_KNOWLEDGE_BASE], "serverSideEncryptionConfiguration.kmsKeyId", "Amazon Q in Connect encrypts the knowledge base's content with an AWS owned key"),
    keyCheck([t.NATIVE_PERSONALIZE_DATASET_GROUP], "kmsKeyArn", "Personalize encrypts the group's datasets with a key of AWS's"),
    // A Security Lake data lake is the bucket Security Lake creates and writes (no bucket of the
    // program's judges it): `S3_MANAGED_KEY`, the provider's default, is SSE-S3.
    encryptionListCheck(t.SECURITYLAKE_DATA_LAKE, "configuration.encryptionConfigurations", { value: undefined, note: SECURITY_LAKE_DEFAULT },
        "{kmsKeyId: key.arn}"),
    keyCheck([t.SECURITYLAKE_DATA_LAKE], "configuration.encryptionConfigurations[].kmsKeyId", SECURITY_LAKE_DEFAULT),
    keyCheck([t.NATIVE_SECURITYLAKE_DATA_LAKE], "encryptionConfiguration.kmsKeyId", SECURITY_LAKE_DEFAULT),
    keyCheck([t.BEDROCK_CUSTOM_MODEL], "customModelKmsKeyId", "Bedrock encrypts the custom model, which can replay its training data, with a key of AWS's"),
    // A Comprehend custom model, which Comprehend keeps after training ("the KMS key that Amazon
    // Comprehend uses to encrypt trained custom models", DataSecurityConfig), as Bedrock's. Its
    // `volumeKmsKeyId` encrypts the training instances' scratch volumes, gone with the job: not judged.
    keyCheck([t.COMPREHEND_DOCUMENT_CLASSIFIER, t.COMPREHEND_ENTITY_RECOGNIZER, t.NATIVE_COMPREHEND_DOCUMENT_CLASSIFIER], "modelKmsKeyId",
        "Comprehend encrypts the trained model with a key of AWS's"),
    // A flywheel (aws-native only) trains new versions of its model, kept the same way, under its
    // `dataSecurityConfig.modelKmsKeyId`. Its `dataLakeKmsKeyId` encrypts the data lake's objects in
    // the program's own bucket (the bucket's default encryption otherwise, judged by s3-bucket-encryption),
    // and its `volumeKmsKeyId` the training volumes: neither is judged.
    keyCheck([t.NATIVE_COMPREHEND_FLYWHEEL], "dataSecurityConfig.modelKmsKeyId", "Comprehend encrypts the model versions the flywheel trains with a key of AWS's"),
    keyCheck([t.CUSTOMERPROFILES_DOMAIN, t.NATIVE_CUSTOMERPROFILES_DOMAIN], "defaultEncryptionKey", "Customer Profiles encrypts the domain's profiles with a key of AWS's"),
    // ECR encrypts every repository (AES256 by default), and so every repository a creation
    // template makes for pull through cache, replication or create on push: the template is the
    // only place a stack sets those repositories' encryption, which cannot change once created.
    ...[t.ECR_REPOSITORY, t.ECR_REPOSITORY_CREATION_TEMPLATE].map((type) =>
        encryptionListCheck(type, "encryptionConfigurations", { value: undefined, note: "ECR encrypts with AES256, S3-managed keys" },
            '{encryptionType: "KMS", kmsKey: key.arn}')),
    // CloudFormation's AWS::ECR::Repository (aws-native; pulumi-cdk sends CDK's repositories as
    // it) has one `encryptionConfiguration` block: without it, AES256.
    ...Object.entries(ECR_ENCRYPTION).flatMap(([type, block]): Check[] => [
        {
            types: [type],
            property: `${block}.encryptionType`,
            accepts: isEcrKms,
            expected: '"KMS" or "KMS_DSSE"',
            shownStrings: ["AES256"],
            appliesTo: (_r, config) => config.requireCustomerManagedKey,
            unset: { value: "AES256", note: "ECR defaults it to AES256" },
            fix: `requireCustomerManagedKey is true: set \`encryptionType: "KMS"\` with \`kmsKey: key.arn\`, or ${CONFIG_HINT}.`,
        },
        keyCheck([type], `${block}.kmsKey`, "ECR uses the AWS managed key aws/ecr", { appliesAt: (b) => whenKnown(b?.encryptionType, isEcrKms) }),
    ]),
];

// ---------------------------------------------------------------- caches, search, Kafka

const REPLICATION_GROUP_TYPES = [t.ELASTICACHE_REPLICATION_GROUP, t.NATIVE_ELASTICACHE_REPLICATION_GROUP];
const MEMORYDB_NOTE = "MemoryDB uses its service-managed key";
const MSK_NOTE = "MSK uses the AWS managed key aws/kafka";
/**
 * An OpenSearch domain's encryption-at-rest block, per type: CloudFormation's
 * AWS::OpenSearchService::Domain (aws-native) calls it `encryptionAtRestOptions`; CDK's Domain
 * sends `{enabled: false}` unless asked (or fine-grained access control needs it).
 */
export const OPENSEARCH_ENCRYPTION: Readonly<Record<string, string>> = {
    [t.OPENSEARCH_DOMAIN]: "encryptAtRest",
    [t.ELASTICSEARCH_DOMAIN]: "encryptAtRest",
    [t.NATIVE_OPENSEARCH_DOMAIN]: "encryptionAtRestOptions",
};

/**
 * Verified Access's encryption block, per type: a trust provider's settings (an OIDC provider's
 * client secret), a group's and an endpoint's access policies. "Verified Access provides server
 * side encryption by default to data at rest using AWS-owned KMS keys" (the EC2 API's
 * VerifiedAccessSseSpecificationRequest): a key of the account's needs the flag and the key.
 * CloudFormation's types (aws-native) call every block `sseSpecification`.
 */
export const VERIFIED_ACCESS_SSE: Readonly<Record<string, string>> = {
    [t.VERIFIEDACCESS_TRUST_PROVIDER]: "sseSpecification",
    [t.VERIFIEDACCESS_ENDPOINT]: "sseSpecification",
    [t.VERIFIEDACCESS_GROUP]: "sseConfiguration",
    [t.NATIVE_EC2_VERIFIED_ACCESS_TRUST_PROVIDER]: "sseSpecification",
    [t.NATIVE_EC2_VERIFIED_ACCESS_ENDPOINT]: "sseSpecification",
    [t.NATIVE_EC2_VERIFIED_ACCESS_GROUP]: "sseSpecification",
};

/**
 * An OpenSearch Serverless collection's own encryption settings, per type (a list in the classic
 * provider). Without them, the encryption policy that matches the collection's name decides
 * (judged as such, below); with them, `awsOwnedKey` or `kmsKeyArn` (the API's EncryptionConfig).
 */
export const SERVERLESS_COLLECTION_ENCRYPTION: Readonly<Record<string, string>> = {
    [t.OPENSEARCH_SERVERLESS_COLLECTION]: "encryptionConfigs[]",
    [t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION]: "encryptionConfig",
};

const cacheChecks: Check[] = [
    {
        // The default depends on the engine: false for redis (the provider's default engine), true
        // for valkey; data tiering clusters are always encrypted. A secondary of a global
        // datastore takes the primary's settings. CloudFormation's AWS::ElastiCache::ReplicationGroup
        // (aws-native) has the same inputs and defaults.
        types: REPLICATION_GROUP_TYPES,
        property: "atRestEncryptionEnabled",
        ...ACCEPTS_TRUE,
        appliesTo: (r) => noneOf(r.props.globalReplicationGroupId),
        unset: (r) => (elasticacheEncryptsByDefault(r) !== false ? undefined : { value: false, note: "ElastiCache defaults it to false for the redis engine" }),
        fix: (_config, r) => (lower(r.props.engine) === "valkey"
            ? "Remove `atRestEncryptionEnabled: false` (Valkey encrypts by default) or set it to true."
            : "Set `atRestEncryptionEnabled: true` (or use `engine: \"valkey\"`, encrypted by default).") +
            " It cannot change after creation: the replication group is replaced.",
    },
    keyCheck(REPLICATION_GROUP_TYPES, "kmsKeyId", "ElastiCache uses its service-managed key", {
        appliesTo: (r) => all(noneOf(r.props.globalReplicationGroupId), declaredOn(r.props.atRestEncryptionEnabled, elasticacheEncryptsByDefault(r))),
    }),
    keyCheck([t.ELASTICACHE_SERVERLESS_CACHE, t.NATIVE_ELASTICACHE_SERVERLESS_CACHE], "kmsKeyId", "ElastiCache uses its service-managed key"),
    keyCheck([t.MEMORYDB_CLUSTER], "kmsKeyArn", MEMORYDB_NOTE),
    keyCheck([t.NATIVE_MEMORYDB_CLUSTER], "kmsKeyId", MEMORYDB_NOTE),
    ...Object.entries(OPENSEARCH_ENCRYPTION).flatMap(([type, block]): Check[] => [
        {
            types: [type],
            property: `${block}.enabled`,
            ...ACCEPTS_TRUE,
            unset: { value: false, note: "OpenSearch Service creates the domain without encryption at rest" },
            fix: `Set \`${block}: {enabled: true}\` (with \`kmsKeyId\` for a customer managed key; needs OpenSearch, or Elasticsearch 5.1 or later` +
                `${type === t.NATIVE_OPENSEARCH_DOMAIN ? "; CDK: `encryptionAtRest: {enabled: true}`" : ""}).`,
        },
        keyCheck([type], `${block}.kmsKeyId`, "OpenSearch Service uses the AWS managed key aws/es", {
            appliesTo: (r) => (isUnknown(r.props[block]) ? undefined : declaredOn(blockOf(r.props[block])?.enabled, false)),
        }),
    ]),
    keyCheck([t.MSK_CLUSTER], "encryptionInfo.encryptionAtRestKmsKeyArn", MSK_NOTE),
    ...Object.entries(VERIFIED_ACCESS_SSE).flatMap(([type, block]): Check[] => [
        {
            types: [type],
            property: `${block}.customerManagedKeyEnabled`,
            ...ACCEPTS_TRUE,
            describe: (v) => (v === false ? "is false (Verified Access then encrypts with an AWS owned key)" : undefined),
            appliesTo: (_r, config) => config.requireCustomerManagedKey,
            unset: { value: false, note: "Verified Access encrypts with an AWS owned key" },
            fix: `requireCustomerManagedKey is true: set \`${block}: {customerManagedKeyEnabled: true, kmsKeyArn: key.arn}\`, or ${CONFIG_HINT}.`,
        },
        // A key without the flag is the flag check's finding.
        keyCheck([type], `${block}.kmsKeyArn`, "no key is named", { appliesAt: (b) => whenKnown(b?.customerManagedKeyEnabled, (v) => v === true) }),
    ]),
    ...Object.entries(SERVERLESS_COLLECTION_ENCRYPTION).flatMap(([type, block]): Check[] => [
        {
            types: [type],
            property: `${block}.awsOwnedKey`,
            accepts: (v) => v !== true,
            expected: "false or unset",
            describe: (v) => (v === true ? "is true (the collection is encrypted with an AWS owned key)" : undefined),
            appliesTo: (_r, config) => config.requireCustomerManagedKey,
            fix: `requireCustomerManagedKey is true: set \`kmsKeyArn: key.arn\` with \`awsOwnedKey: false\`, or ${CONFIG_HINT}.`,
        },
        keyCheck([type], `${block}.kmsKeyArn`, "no key is named", {
            alsoSet: "`awsOwnedKey: false`",
            // Only where the settings are declared (else the encryption policy decides) and name no AWS owned key.
            appliesAt: (b) => (b === undefined ? false : whenKnown(b.awsOwnedKey, (v) => v !== true)),
        }),
    ]),
    keyCheck([t.NATIVE_MSK_CLUSTER], "encryptionInfo.encryptionAtRest.dataVolumeKmsKeyId", MSK_NOTE),
    {
        // DAX has no key input: a service key, so requireCustomerManagedKey does not apply.
        types: [t.DAX_CLUSTER],
        property: "serverSideEncryption.enabled",
        ...ACCEPTS_TRUE,
        unset: { value: false, note: "DAX creates the cluster without encryption at rest" },
        fix: "Set `serverSideEncryption: {enabled: true}` (it can only be set at creation: the cluster is replaced).",
    },
];

// ---------------------------------------------------------------- API Gateway stage caches
//
// A REST API stage's cache cluster caches nothing until method settings turn caching on
// (`cachingEnabled`), and then holds those responses unencrypted unless the settings say
// `cacheDataEncrypted` (Security Hub APIGateway.5). So method settings that turn caching on
// are judged, not stages (a cluster alone holds no data) nor settings that leave caching alone
// (tfsec's and Checkov's examples report those: nothing is cached). Settings for one method
// that leave `cacheDataEncrypted` unset take the stage-wide settings' (method path "*" "/" "*"),
// another resource, and a stage whose cluster is off caches nothing: so this is the stack part's.
const STAGE_WIDE = "*/*";

/** Whether two resources name the same REST API stage: undefined while unknown values leave it open. */
function sameStage(a: PlainResource, b: PlainResource): Decided {
    const [x, y] = [a.props.stageName, b.props.stageName];
    const name: Decided = isUnknown(x) || isUnknown(y) ? undefined : x === y;
    const [api, other] = [a.props.restApi, b.props.restApi];
    if (!isUnknown(api) && !isUnknown(other)) return all(name, api === other);
    // At preview a new API's id is unknown: the RestApi resource each took it from tells.
    const [da, db] = [a.propertyDependencies.restApi ?? [], b.propertyDependencies.restApi ?? []];
    return all(name, da.length > 0 && db.length > 0 ? da.some((urn) => db.includes(urn)) : undefined);
}

/**
 * The resources that may belong to a resource's stage, looked up by stage name and API id, so
 * settings meet only their stage's (10,000 of them must not pay for a nested loop). Those with
 * an unknown name or id stay candidates; sameStage() then decides.
 */
function byStage(resources: readonly PlainResource[]): (of: PlainResource) => PlainResource[] {
    const known = (v: unknown): v is string => typeof v === "string" && !isUnknown(v);
    const byPair = new Map<string, PlainResource[]>(); // name and API id known
    const byName = new Map<string, PlainResource[]>(); // name known, whatever the id
    const anyApi = new Map<string, PlainResource[]>(); // name known, id not
    const anyName: PlainResource[] = [];
    const add = (map: Map<string, PlainResource[]>, key: string, r: PlainResource) => {
        const list = map.get(key);
        if (list) list.push(r);
        else map.set(key, [r]);
    };
    for (const r of resources) {
        const { stageName: name, restApi: api } = r.props;
        if (!known(name)) anyName.push(r);
        else {
            add(byName, name, r);
            if (known(api)) add(byPair, `${api}/${name}`, r);
            else add(anyApi, name, r);
        }
    }
    return (of) => {
        const { stageName: name, restApi: api } = of.props;
        const found = !known(name) ? resources
            : known(api) ? [...(byPair.get(`${api}/${name}`) ?? []), ...(anyApi.get(name) ?? []), ...anyName]
            : [...(byName.get(name) ?? []), ...anyName];
        return found.filter((r) => r !== of);
    };
}

/** `cacheDataEncrypted: true` in settings; undefined while unknown. */
const encryptsCache = (r: PlainResource): Decided =>
    isUnknown(r.props.settings) ? undefined : whenKnown(blockOf(r.props.settings)?.cacheDataEncrypted, (e) => e === true);

/**
 * The stack part for API Gateway: method settings that turn caching on without encrypting the
 * cache, on a stage whose cache cluster is on (or outside the stack: it may be). Reads outputs:
 * at preview what the program declared, after an update what AWS reports. An unknown never reports.
 */
/**
 * How a caching method setting's `cacheDataEncrypted` reads, or undefined when it is no finding: a
 * declared value that is not true; unset on the stage-wide entry (API Gateway's default); unset on a
 * method's entry, which takes the stage-wide entry's, unless that may encrypt or whether the entry is
 * the stage-wide one is unknown. Shared by the classic MethodSettings and aws-native's inline settings.
 */
function cacheEncryptionState(encrypted: unknown, isStageWide: Decided, stageWideEncrypts: () => Decided, stageWide: string): string | undefined {
    if (!isUnset(encrypted)) return describeState({ path: "", value: encrypted, set: true }, ACCEPTS_TRUE);
    if (isStageWide === true) return "is not set (API Gateway's default: unencrypted)";
    if (isStageWide === undefined || stageWideEncrypts() !== false) return undefined;
    return `is not set, nor set by ${stageWide} (API Gateway's default: unencrypted)`;
}

export function findMethodCachesUnencrypted(resources: readonly PlainResource[], context: Pick<StackContext, "dryRun">): Finding[] {
    const settings = resources.filter((r) => r.type === t.APIGATEWAY_METHOD_SETTINGS).map((r) => asDeclared(r, context.dryRun));
    const caching = settings.filter((m) => blockOf(m.props.settings)?.cachingEnabled === true && encryptsCache(m) === false);
    if (caching.length === 0) return [];
    // Provider v6 deployments could create their `stageName` stage, without a cache cluster.
    const stagesOf = byStage(resources.filter((r) => r.type === t.APIGATEWAY_STAGE || (r.type === t.APIGATEWAY_DEPLOYMENT && present(r.props.stageName) !== false)));
    const stageWideOf = byStage(settings.filter((w) => w.props.methodPath === STAGE_WIDE || isUnknown(w.props.methodPath)));
    const findings: Finding[] = [];
    for (const m of caching) {
        // Its stages in the stack (none: outside it, the cluster may be on) must have the cluster on.
        const stages = stagesOf(m).map((s) => [sameStage(m, s), whenKnown(s.props.cacheClusterEnabled, (v) => v === true)] as const).filter(([same]) => same !== false);
        if (stages.length > 0 && any(...stages.map(([same, on]) => all(same, on))) !== true) continue;
        const state = cacheEncryptionState(blockOf(m.props.settings)?.cacheDataEncrypted, whenKnown(m.props.methodPath, (p) => p === STAGE_WIDE),
            () => any(...stageWideOf(m).map((w) => all(whenKnown(w.props.methodPath, (p) => p === STAGE_WIDE), sameStage(m, w), encryptsCache(w)))),
            "the stage's \"*/*\" method settings in this stack");
        if (state === undefined) continue;
        findings.push({
            message: `${m.type} "${m.name}": settings.cachingEnabled is true and settings.cacheDataEncrypted ${state}, so the stage's cache holds these responses unencrypted. ` +
                "Set `cacheDataEncrypted: true` beside `cachingEnabled: true` (or in the stage's \"*/*\" method settings, which methods that leave it unset take).",
            resource: { urn: m.urn, type: m.type, name: m.name },
        });
    }
    return findings;
}

/**
 * CloudFormation's AWS::ApiGateway::Stage (aws-native) holds its method settings inline, so one
 * resource shows what the classic stack part joins: a cache cluster (`cacheClusterEnabled`) and
 * settings that turn caching on without `cacheDataEncrypted`, read as the classic method settings
 * are (a method's unset flag takes the stage-wide "/*" "*" settings'). CDK's RestApi sends
 * `deployOptions: {cachingEnabled: true}` as such a stage-wide entry, cacheDataEncrypted unset,
 * and turns the cluster on (aws-cdk-lib stage.ts). An unknown never reports.
 */
export function findNativeStageCachesUnencrypted(resource: PlainResource): Finding[] {
    const settings = resource.props.methodSettings;
    if (resource.props.cacheClusterEnabled !== true || !Array.isArray(settings)) return [];
    const stageWide = (s: Block): Decided => all(whenKnown(s?.resourcePath, (p) => p === "/*"), whenKnown(s?.httpMethod, (m) => m === "*"));
    const encrypts = (s: Block): Decided => whenKnown(s?.cacheDataEncrypted, (e) => e === true);
    const findings: Finding[] = [];
    settings.forEach((value, i) => {
        const s = blockOf(value);
        if (isUnknown(value) || s?.cachingEnabled !== true || encrypts(s) !== false) return;
        const state = cacheEncryptionState(s.cacheDataEncrypted, stageWide(s),
            () => any(...settings.map((w) => (isUnknown(w) ? undefined : all(stageWide(blockOf(w)), encrypts(blockOf(w)))))),
            'the stage-wide ("/*", "*") method settings');
        if (state === undefined) return;
        findings.push({
            message: `${resource.type} "${resource.name}": methodSettings[${i}].cachingEnabled is true and methodSettings[${i}].cacheDataEncrypted ${state}, ` +
                "so the stage's cache holds these responses unencrypted. Set `cacheDataEncrypted: true` beside `cachingEnabled: true` " +
                "(or in the stage-wide settings, which methods that leave it unset take; CDK: `deployOptions: {cacheDataEncrypted: true}`).",
        });
    });
    return findings;
}

// ---------------------------------------------------------------- virtual desktops

// A WorkSpace's root (C: or /) and user (D: or /home) volumes are unencrypted unless the program
// asks at launch (Security Hub WorkSpaces.1 and .2); encryption cannot be added or removed later.
// CloudFormation's AWS::WorkSpaces::Workspace (aws-native) has the same inputs.
const WORKSPACE_TYPES = [t.WORKSPACES_WORKSPACE, t.NATIVE_WORKSPACES_WORKSPACE];
const WORKSPACE_VOLUMES: readonly [string, string][] = [["rootVolumeEncryptionEnabled", "root"], ["userVolumeEncryptionEnabled", "user"]];

const desktopChecks: Check[] = [
    ...WORKSPACE_VOLUMES.map(([property, volume]): Check => ({
        types: WORKSPACE_TYPES,
        property,
        ...ACCEPTS_TRUE,
        unset: { value: false, note: `WorkSpaces creates the ${volume} volume unencrypted` },
        fix: `Set \`${property}: true\` with \`volumeEncryptionKey\` (the AWS managed "alias/aws/workspaces" or a customer managed key). ` +
            "It can only be set at launch: the WorkSpace is rebuilt, so keep its user's data elsewhere first.",
    })),
    keyCheck(WORKSPACE_TYPES, "volumeEncryptionKey", "WorkSpaces needs a key to encrypt a volume", {
        appliesTo: (r) => any(...WORKSPACE_VOLUMES.map(([property]) => declaredOn(r.props[property], false))),
    }),
];

// ---------------------------------------------------------------- Glue security configurations
//
// A Glue security configuration says how jobs, crawlers and development endpoints encrypt what
// they write. Left DISABLED (the default), each kind still gets its store's own encryption (the
// bucket's default, CloudWatch Logs' service key, Glue's own), so only requireCustomerManagedKey
// judges them: each must use its KMS mode with a key of the account's.
const GLUE_S3_NOTE = "jobs write to S3 with the bucket's default encryption";
const GLUE_CLOUDWATCH_NOTE = "CloudWatch Logs encrypts with its own service key";
const GLUE_BOOKMARKS_NOTE = "Glue keeps job bookmarks without a key of the account's";
/**
 * Each kind's block, per type. CloudFormation's AWS::Glue::SecurityConfiguration (aws-native;
 * CDK's CfnSecurityConfiguration and glue-alpha's SecurityConfiguration) lists the S3
 * encryptions (`s3Encryptions`) and spells CloudWatch's block `cloudWatchEncryption`.
 */
const GLUE_ENCRYPTIONS: Readonly<Record<string, readonly { block: string; mode: string; kms: string; note: string }[]>> = {
    [t.GLUE_SECURITY_CONFIGURATION]: [
        { block: "s3Encryption", mode: "s3EncryptionMode", kms: "SSE-KMS", note: GLUE_S3_NOTE },
        { block: "cloudwatchEncryption", mode: "cloudwatchEncryptionMode", kms: "SSE-KMS", note: GLUE_CLOUDWATCH_NOTE },
        { block: "jobBookmarksEncryption", mode: "jobBookmarksEncryptionMode", kms: "CSE-KMS", note: GLUE_BOOKMARKS_NOTE },
    ],
    [t.NATIVE_GLUE_SECURITY_CONFIGURATION]: [
        { block: "s3Encryptions[]", mode: "s3EncryptionMode", kms: "SSE-KMS", note: GLUE_S3_NOTE },
        { block: "cloudWatchEncryption", mode: "cloudWatchEncryptionMode", kms: "SSE-KMS", note: GLUE_CLOUDWATCH_NOTE },
        { block: "jobBookmarksEncryption", mode: "jobBookmarksEncryptionMode", kms: "CSE-KMS", note: GLUE_BOOKMARKS_NOTE },
    ],
};

const glueChecks: Check[] = [
    ...Object.entries(GLUE_ENCRYPTIONS).flatMap(([type, encryptions]) => encryptions.flatMap(({ block, mode, kms, note }) => kmsModeChecks(
        [type], `encryptionConfiguration.${block}`, mode, kms, { value: "DISABLED", note: `Glue defaults it to DISABLED: ${note}` }, ["DISABLED", "SSE-S3"],
    ))),
    // Without an S3 encryption in the list, S3's mode is DISABLED too.
    encryptionListCheck(t.NATIVE_GLUE_SECURITY_CONFIGURATION, "encryptionConfiguration.s3Encryptions", { value: undefined, note: `Glue defaults S3's mode to DISABLED: ${GLUE_S3_NOTE}` },
        '{s3EncryptionMode: "SSE-KMS", kmsKeyArn: key.arn}'),
];

/** ElastiCache's default for a replication group: true for valkey and data tiering, false for redis; undefined while unknown. */
function elasticacheEncryptsByDefault(r: PlainResource): Decided {
    const engine = r.props.engine;
    const tiering = r.props.dataTieringEnabled;
    if (isUnknown(engine) || isUnknown(tiering)) return undefined;
    if (tiering === true) return true;
    return lower(engine) === "valkey";
}

// ---------------------------------------------------------------- settings written as JSON documents

/**
 * A setting the service takes as a JSON document: the document, or the finding that it cannot be
 * read (AWS rejects it too). Nothing while it is unknown at preview or absent (AWS requires it).
 * aws-native takes CloudFormation's Json inputs as objects too (CDK sends them so).
 */
function readJsonSetting(resource: PlainResource, property: string, example: string): { document: unknown } | { findings: Finding[] } {
    const text = resource.props[property];
    if (isRecord(text)) return { document: text };
    if (typeof text !== "string" || isUnknown(text)) return { findings: [] };
    try {
        return { document: JSON.parse(text) };
    } catch {
        const message = `${resource.type} "${resource.name}": ${property} is not valid JSON, so AWS rejects it and its encryption cannot be read. Build it with \`${example}\`.`;
        return { findings: [{ message }] };
    }
}

/** A finding on a key named inside a JSON setting (`path` within it), worded as every key finding; none for a customer managed key. */
function documentKeyFindings(at: string, path: string, key: unknown, unsetNote: string, fix: string): Finding[] {
    // A document given as an object may hold a key unknown at preview (an Output of a key of the stack).
    if (isCustomerManagedKey(key) || isUnknown(key)) return [];
    const state = describeState({ path, value: key, set: !isUnset(key) }, { ...KEY_EXPECTED, unset: { value: undefined, note: unsetNote } });
    return [{ message: `${at}: ${path} ${state}. ${fix}` }];
}

// ---------------------------------------------------------------- EMR security configurations
//
// An EMR cluster's local disks (HDFS, spill, EBS volumes) are encrypted at rest only when its
// security configuration says so (Security Hub EMR.3); EMRFS data in S3 gets S3's default
// encryption otherwise. `configuration` is a JSON document; aws-native's `securityConfiguration`
// (AWS::EMR::SecurityConfiguration, CDK's CfnSecurityConfiguration) the same document, also as an
// object, whose parts may be unknown at preview.

const EMR_FIX = "Set `EncryptionConfiguration.EnableAtRestEncryption: true` with an `AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration` " +
    '(`EncryptionKeyProviderType: "AwsKms"` with `AwsKmsKey`; `EnableEbsEncryption: true` encrypts the EBS root volume too). A running cluster keeps the configuration it was launched with.';

/** The findings of an EMR security configuration: at-rest encryption of local disks, and under requireCustomerManagedKey its keys. */
export function findEmrAtRestGaps(resource: PlainResource, config: EncryptionAtRestConfig): Finding[] {
    const property = resource.type === t.NATIVE_EMR_SECURITY_CONFIGURATION ? "securityConfiguration" : "configuration";
    const read = readJsonSetting(resource, property, "JSON.stringify({ EncryptionConfiguration: ... })");
    if (!("document" in read)) return read.findings;
    const document = read.document;
    const at = `${resource.type} "${resource.name}": ${property}`;
    const encryption = isRecord(document) ? document.EncryptionConfiguration : undefined;
    const enabled = isRecord(encryption) ? encryption.EnableAtRestEncryption : undefined;
    if (isUnknown(encryption) || isUnknown(enabled)) return [];
    if (enabled !== true) {
        const state = enabled === undefined ? "is not set" : enabled === false ? "is false" : `is ${kindOf(enabled)}, not the boolean true`;
        return [{ message: `${at}: EncryptionConfiguration.EnableAtRestEncryption ${state} (EMR leaves the cluster's local disks unencrypted). ${EMR_FIX}` }];
    }
    const atRest = isRecord(encryption) ? blockOf(encryption.AtRestEncryptionConfiguration) : undefined;
    const localDisk = blockOf(atRest?.LocalDiskEncryptionConfiguration);
    if (isRecord(encryption) && (isUnknown(encryption.AtRestEncryptionConfiguration) || isUnknown(atRest?.LocalDiskEncryptionConfiguration))) return [];
    if (!localDisk) {
        return [{ message: `${at}: AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration is not set, so the cluster's local disks stay unencrypted. ${EMR_FIX}` }];
    }
    if (!config.requireCustomerManagedKey) return [];
    const findings: Finding[] = [];
    const keyFinding = (path: string, key: unknown, note: string) => findings.push(...documentKeyFindings(at, path, key, note, keyFix("AwsKmsKey")));
    // A custom key provider (a JAR of the customer's) holds the customer's own keys.
    if (localDisk.EncryptionKeyProviderType === "AwsKms") keyFinding("LocalDiskEncryptionConfiguration.AwsKmsKey", localDisk.AwsKmsKey, "AWS rejects AwsKms without a key");
    const s3 = blockOf(atRest?.S3EncryptionConfiguration);
    if (s3 && (s3.EncryptionMode === "SSE-KMS" || s3.EncryptionMode === "CSE-KMS")) keyFinding("S3EncryptionConfiguration.AwsKmsKey", s3.AwsKmsKey, "AWS rejects a KMS mode without a key");
    else if (s3 && s3.EncryptionMode === "SSE-S3") {
        findings.push({ message: `${at}: S3EncryptionConfiguration.EncryptionMode is "SSE-S3" (S3 managed keys). requireCustomerManagedKey is true: use "SSE-KMS" with a customer managed \`AwsKmsKey\`, or ${CONFIG_HINT}.` });
    }
    return findings;
}

// ---------------------------------------------------------------- OpenSearch Serverless encryption policies
//
// OpenSearch Serverless always encrypts a collection, with the key of the encryption policy that
// matches its name: an AWS owned key (`AWSOwnedKey: true`) or the key in `KmsARN`. Only
// requireCustomerManagedKey judges the policy (a JSON document).

const SERVERLESS_KEY_FIX = keyFix("KmsARN", "`AWSOwnedKey: false`");

/** Under requireCustomerManagedKey, an OpenSearch Serverless encryption policy must name a customer managed key. */
export function findServerlessKeyGaps(resource: PlainResource, config: EncryptionAtRestConfig): Finding[] {
    if (!config.requireCustomerManagedKey || resource.props.type !== "encryption") return [];
    const read = readJsonSetting(resource, "policy", "JSON.stringify({ Rules: [...], AWSOwnedKey: false, KmsARN: key.arn })");
    if (!("document" in read)) return read.findings;
    const document = blockOf(read.document);
    const at = `${resource.type} "${resource.name}": policy`;
    if (document?.AWSOwnedKey === true) {
        return [{ message: `${at}: AWSOwnedKey is true (the collections it matches are encrypted with an AWS owned key). ${SERVERLESS_KEY_FIX}` }];
    }
    return documentKeyFindings(at, "KmsARN", document?.KmsARN, "AWS rejects an encryption policy with neither AWSOwnedKey nor KmsARN", SERVERLESS_KEY_FIX);
}

/** Resources whose encryption the property checks cannot read: JSON documents, a stage's inline method settings. */
const DOCUMENT_FINDERS: Readonly<Record<string, (resource: PlainResource, config: EncryptionAtRestConfig) => Finding[]>> = {
    [t.EMR_SECURITY_CONFIGURATION]: findEmrAtRestGaps,
    [t.NATIVE_EMR_SECURITY_CONFIGURATION]: findEmrAtRestGaps,
    [t.OPENSEARCH_SERVERLESS_SECURITY_POLICY]: findServerlessKeyGaps,
    // CloudFormation's AWS::OpenSearchServerless::SecurityPolicy (aws-native) has the same inputs.
    [t.NATIVE_OPENSEARCH_SERVERLESS_SECURITY_POLICY]: findServerlessKeyGaps,
    [t.NATIVE_APIGATEWAY_STAGE]: findNativeStageCachesUnencrypted,
};

export const ENCRYPTION_CHECKS: readonly Check[] = [...ebsChecks, ...databaseChecks, ...messagingChecks, ...cacheChecks, ...desktopChecks, ...glueChecks];

const rule = propertyRule(ENCRYPTION_CHECKS);

/** The pure rule. */
export function findUnencryptedDataStores(resource: PlainResource, config: EncryptionAtRestConfig): Finding[] {
    const finder = DOCUMENT_FINDERS[resource.type];
    return finder ? finder(resource, config) : rule.check(resource, config);
}

export const encryptionAtRest = resourcePolicy<EncryptionAtRestConfig>({
    name: "encryption-at-rest",
    displayName: "AWS data stores are encrypted at rest",
    description:
        "Every AWS data store (EBS, RDS and Aurora, DocumentDB, Neptune, Redshift, EFS, DynamoDB, SQS, SNS, Kinesis, Firehose, " +
        "ElastiCache, MemoryDB, OpenSearch, MSK, CloudWatch Logs, ECR, Secrets Manager, Backup, DAX, WorkSpaces, EMR, Glue Data Catalog, API Gateway caches) is encrypted at rest, " +
        "declared in the program or guaranteed by the service; optionally with customer managed KMS keys.",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps:
        "Turn encryption on where the service leaves it off (`encrypted: true`, `storageEncrypted: true`, `kmsMasterKeyId`, " +
        '`encryptionType: "KMS"`, `encryptAtRest: {enabled: true}`, ...); with requireCustomerManagedKey, name your own KMS key ' +
        "(`kmsKeyId: key.arn`). The message names the property for each resource.",
    tags: ["aws", "encryption", "kms", "data-protection"],
    framework: {
        name: "AWS Foundational Security Best Practices",
        version: "1.0.0",
        reference: "EC2.3",
        specification: "Attached Amazon EBS volumes should be encrypted at-rest; also RDS.3 and RDS.27 (RDS instances and clusters), " +
            "DocumentDB.1, Neptune.1, EFS.1, Kinesis.1, Opensearch.1, ES.1, WorkSpaces.1, WorkSpaces.2, EMR.3 and APIGateway.5 (the same for those services); " +
            "with requireCustomerManagedKey, EKS.3 and SNS.1 (retired from the standard in April 2024: SNS encrypts its disks).",
    },
    configSchema: {
        properties: {
            requireCustomerManagedKey: {
                type: "boolean",
                default: false,
                description: "Require every data store whose service accepts a KMS key to name a customer managed key " +
                    "(an alias/aws/... AWS managed key or an AWS owned key does not count).",
            },
            ebsEncryptionByDefault: {
                type: "boolean",
                default: false,
                description: "EBS encryption by default is on in every account and region this stack deploys to, so EBS volumes and " +
                    "block devices that do not set `encrypted` are encrypted. Without it, an aws.ebs.EncryptionByDefault of the stack " +
                    "counts for the volumes in its region that depend on it.",
            },
        },
    },
    strictConfig: { requireCustomerManagedKey: true },
    resourceTypes: [...rule.resourceTypes, ...Object.keys(DOCUMENT_FINDERS)],
    check: findUnencryptedDataStores,
    stack: {
        judges: "EBS volumes and block devices (with EKS managed node groups and AWS Batch compute environments that leave their instances' root volume to a public AMI, " +
            "EMR clusters without a security configuration, Elastic Beanstalk environments on their platform's public AMI, Image Builder recipes, whose AMIs " +
            "their distribution may encrypt, and AMI copies and snapshot imports), whose encryption may come from the EBS encryption by default the stack turns on, " +
            "and API Gateway method caches, which take the encryption of the stage's other method settings and cache only on a stage with a cache cluster",
        resourceTypes: [
            ...EBS_STACK_TYPES, t.BEANSTALK_CONFIGURATION_TEMPLATE, t.EBS_ENCRYPTION_BY_DEFAULT, t.AWS_PROVIDER, t.NATIVE_PROVIDER, ...IMAGE_BUILDERS, ...IMAGE_DISTRIBUTIONS, t.APIGATEWAY_STAGE, t.APIGATEWAY_METHOD_SETTINGS, t.APIGATEWAY_DEPLOYMENT,
        ],
        check: (resources, config, context) => [...findEbsVolumesUnencrypted(resources, config, context), ...findMethodCachesUnencrypted(resources, context)],
    },
    examples: examples(),
});

// ---------------------------------------------------------------- examples

function examples(): PolicyExample[] {
    const key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const cmk = { requireCustomerManagedKey: true };
    const ami = "ami-0abcdef1234567890";
    const keyDep = (...props: string[]) => Object.fromEntries(props.map((p) => [p, ["orders-key"]]));
    const orderKey = { type: t.KMS_KEY, name: "orders-key", props: { description: "orders data", enableKeyRotation: true } };
    const ebsDefault = { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true } };
    const alwaysEncrypted: PolicyExample["resources"] = [
        { type: t.FSX_LUSTRE_FILE_SYSTEM, name: "training-data", props: { storageCapacity: 1200, subnetIds: ["subnet-0a1b2c3d"], deploymentType: "PERSISTENT_2", perUnitStorageThroughput: 250 } },
        { type: t.FSX_WINDOWS_FILE_SYSTEM, name: "shares", props: { storageCapacity: 300, subnetIds: ["subnet-0a1b2c3d"], throughputCapacity: 32, activeDirectoryId: "d-9067a1b2c3" } },
        { type: t.TIMESTREAM_DATABASE, name: "metrics", props: { databaseName: "metrics" } },
        { type: t.CLOUDTRAIL_TRAIL, name: "org-trail", props: { s3BucketName: "acme-org-trail", isMultiRegionTrail: true, isOrganizationTrail: true, enableLogFileValidation: true } },
        { type: t.SAGEMAKER_NOTEBOOK_INSTANCE, name: "research", props: { instanceType: "ml.t3.medium", roleArn: "arn:aws:iam::111122223333:role/sagemaker" } },
        { type: t.MQ_BROKER, name: "orders-broker", props: { brokerName: "orders", engineType: "ActiveMQ", engineVersion: "5.18", hostInstanceType: "mq.m5.large", autoMinorVersionUpgrade: true } },
        { type: t.EFS_REPLICATION_CONFIGURATION, name: "shared-replica", props: { sourceFileSystemId: "fs-0123456789abcdef0", destination: { region: "us-west-2" } } },
        { type: t.SSM_PARAMETER, name: "api-token", props: { name: "/orders/api-token", type: "SecureString", tier: "Standard" } },
        { type: t.KINESIS_VIDEO_STREAM, name: "doorbell", props: { name: "doorbell", dataRetentionInHours: 24, mediaType: "video/h264" } },
        {
            type: t.KEYSPACES_TABLE, name: "events",
            props: { keyspaceName: "shop", tableName: "events", schemaDefinition: { columns: [{ name: "id", type: "text" }], partitionKeys: [{ name: "id" }] } },
        },
        {
            type: t.EKS_CLUSTER, name: "shop-cluster",
            props: {
                name: "shop", version: "1.33", roleArn: "arn:aws:iam::111122223333:role/shop-eks-cluster",
                vpcConfig: { subnetIds: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], endpointPrivateAccess: true, endpointPublicAccess: false },
                accessConfig: { authenticationMode: "API" },
            },
        },
        {
            type: t.DMS_REPLICATION_INSTANCE, name: "orders-migration",
            props: { replicationInstanceId: "orders-migration", replicationInstanceClass: "dms.t3.medium", allocatedStorage: 50, publiclyAccessible: false },
        },
        {
            type: t.DMS_REPLICATION_CONFIG, name: "orders-cdc",
            props: {
                replicationConfigIdentifier: "orders-cdc", replicationType: "full-load-and-cdc",
                sourceEndpointArn: "arn:aws:dms:eu-west-1:111122223333:endpoint:SOURCE", targetEndpointArn: "arn:aws:dms:eu-west-1:111122223333:endpoint:TARGET",
                tableMappings: JSON.stringify({ rules: [{ "rule-type": "selection", "rule-id": "1", "rule-name": "1", "object-locator": { "schema-name": "orders", "table-name": "%" }, "rule-action": "include" }] }),
                computeConfig: { replicationSubnetGroupId: "orders-dms", minCapacityUnits: 2, maxCapacityUnits: 16 },
            },
        },
        { type: t.AMP_WORKSPACE, name: "shop-metrics", props: { alias: "shop-metrics" } },
        { type: t.CODECOMMIT_REPOSITORY, name: "shop-infra", props: { repositoryName: "shop-infra", description: "Infrastructure code of the shop", defaultBranch: "main" } },
        { type: t.CODEARTIFACT_DOMAIN, name: "packages", props: { domain: "shop-packages" } },
        { type: t.DSQL_CLUSTER, name: "ledger", props: { deletionProtectionEnabled: true } },
        { type: t.S3TABLES_TABLE_BUCKET, name: "analytics-tables", props: { name: "shop-analytics" } },
    ];
    // Stores AWS always encrypts, with the key input of each (judged only under requireCustomerManagedKey).
    const serviceStores = (kmsKey?: string): PolicyExample["resources"] => {
        const withKey = (property: string, props: Record<string, unknown>) => (kmsKey ? { ...props, [property]: kmsKey } : props);
        const role = "arn:aws:iam::111122223333:role/service";
        const subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"];
        return [
            { type: t.CLOUDTRAIL_EVENT_DATA_STORE, name: "org-events", props: withKey("kmsKeyId", { name: "org-events", retentionPeriod: 365, multiRegionEnabled: true, terminationProtectionEnabled: true }) },
            { type: t.EVENTBRIDGE_ARCHIVE, name: "orders-archive", props: withKey("kmsKeyIdentifier", { name: "orders-archive", eventSourceArn: "arn:aws:events:eu-west-1:111122223333:event-bus/orders", retentionDays: 30 }) },
            {
                type: t.MWAA_ENVIRONMENT, name: "etl",
                props: withKey("kmsKey", {
                    name: "etl", dagS3Path: "dags/", executionRoleArn: role, sourceBucketArn: "arn:aws:s3:::acme-airflow",
                    networkConfiguration: { securityGroupIds: ["sg-0a1b2c3d"], subnetIds: subnets },
                }),
            },
            { type: t.NEPTUNE_GRAPH, name: "fraud-graph", props: withKey("kmsKeyIdentifier", { graphName: "fraud", provisionedMemory: 16, deletionProtection: true }) },
            {
                type: t.FSX_FILE_CACHE, name: "render-cache",
                props: withKey("kmsKeyId", { fileCacheType: "LUSTRE", fileCacheTypeVersion: "2.12", storageCapacity: 1200, subnetIds: [subnets[0]] }),
            },
            { type: t.LOCATION_TRACKER, name: "fleet", props: withKey("kmsKeyId", { trackerName: "fleet", positionFiltering: "TimeBased" }) },
            { type: t.LOCATION_GEOFENCE_COLLECTION, name: "depots", props: withKey("kmsKeyId", { collectionName: "depots" }) },
            {
                type: t.SAGEMAKER_DOMAIN, name: "research",
                props: withKey("kmsKeyId", { domainName: "research", authMode: "IAM", vpcId: "vpc-0a1b2c3d", subnetIds: subnets, defaultUserSettings: { executionRole: role } }),
            },
            { type: t.MAILMANAGER_ARCHIVE, name: "compliance-mail", props: withKey("kmsKeyArn", { archiveName: "compliance-mail" }) },
            { type: t.WORKMAIL_ORGANIZATION, name: "mail", props: withKey("kmsKeyArn", { organizationAlias: "acme-mail" }) },
            { type: t.BEDROCK_AGENTCORE_MEMORY, name: "support-memory", props: withKey("encryptionKeyArn", { name: "support_memory", eventExpiryDuration: 30 }) },
            {
                type: t.GRAFANA_WORKSPACE, name: "ops-dashboards",
                props: withKey("kmsKeyId", { accountAccessType: "CURRENT_ACCOUNT", authenticationProviders: ["AWS_SSO"], permissionType: "SERVICE_MANAGED" }),
            },
            { type: t.DATAZONE_DOMAIN, name: "analytics", props: withKey("kmsKeyIdentifier", { name: "analytics", domainExecutionRole: role }) },
            {
                type: t.CODEBUILD_PROJECT, name: "orders-ci",
                props: withKey("encryptionKey", {
                    name: "orders-ci", serviceRole: role, artifacts: { type: "NO_ARTIFACTS" }, source: { type: "GITHUB", location: "https://github.com/acme/orders.git" },
                    environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/amazonlinux2-x86_64-standard:5.0", type: "LINUX_CONTAINER" },
                }),
            },
            {
                type: t.LAMBDA_FUNCTION, name: "orders-api",
                props: withKey("kmsKeyArn", {
                    name: "orders-api", role, runtime: "nodejs20.x", handler: "index.handler", s3Bucket: "acme-lambda-code", s3Key: "orders-api.zip",
                    environment: { variables: { TABLE_NAME: "orders" } },
                }),
            },
            // Keys inside an encryption block, each with the mode that takes a key.
            {
                type: t.ATHENA_WORKGROUP, name: "analytics",
                props: {
                    name: "analytics",
                    configuration: {
                        enforceWorkgroupConfiguration: true,
                        resultConfiguration: { outputLocation: "s3://acme-athena-results/output/", ...(kmsKey ? { encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: kmsKey } } : {}) },
                    },
                },
            },
            { type: t.S3_VECTORS_BUCKET, name: "embeddings", props: { vectorBucketName: "product-embeddings", ...(kmsKey ? { encryptionConfigurations: [{ sseType: "aws:kms", kmsKeyArn: kmsKey }] } : {}) } },
            {
                type: t.SFN_STATE_MACHINE, name: "order-flow",
                props: {
                    name: "order-flow", roleArn: role, definition: JSON.stringify({ StartAt: "Done", States: { Done: { Type: "Succeed" } } }),
                    ...(kmsKey ? { encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: kmsKey, kmsDataKeyReusePeriodSeconds: 300 } } : {}),
                },
            },
            { type: t.SFN_ACTIVITY, name: "approve-order", props: { name: "approve-order", ...(kmsKey ? { encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: kmsKey } } : {}) } },
        ];
    };
    const gateway = "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-12A3456B";
    const gatewayStores = (kmsKey?: string): PolicyExample["resources"] => {
        // Storage Gateway takes a key only with `kmsEncrypted: true`.
        const encryption = (property: string) => (kmsKey ? { kmsEncrypted: true, [property]: kmsKey } : {});
        return [
            {
                type: t.STORAGEGATEWAY_CACHED_VOLUME, name: "archive-volume",
                props: { gatewayArn: gateway, networkInterfaceId: "10.0.1.25", targetName: "archive", volumeSizeInBytes: 107374182400, ...encryption("kmsKey") },
            },
            {
                type: t.STORAGEGATEWAY_STORED_VOLUME, name: "ledger-volume",
                props: { gatewayArn: gateway, networkInterfaceId: "10.0.1.25", targetName: "ledger", diskId: "pci-0000:03:00.0-scsi-0:0:0:0", preserveExistingData: false, ...encryption("kmsKey") },
            },
            {
                type: t.STORAGEGATEWAY_NFS_FILE_SHARE, name: "scans-share",
                props: { gatewayArn: gateway, clientLists: ["10.0.0.0/16"], locationArn: "arn:aws:s3:::acme-scans", roleArn: "arn:aws:iam::111122223333:role/storage-gateway", ...encryption("kmsKeyArn") },
            },
            {
                type: t.STORAGEGATEWAY_SMB_FILE_SHARE, name: "office-share",
                props: { gatewayArn: gateway, authentication: "ActiveDirectory", locationArn: "arn:aws:s3:::acme-office", roleArn: "arn:aws:iam::111122223333:role/storage-gateway", ...encryption("kmsKeyArn") },
            },
        ];
    };
    const glueSecurity = (s3: string, cloudwatch: string, bookmarks: string, kmsKeyArn?: string) => ({
        type: t.GLUE_SECURITY_CONFIGURATION, name: "etl-security",
        props: {
            name: "etl-security",
            encryptionConfiguration: {
                s3Encryption: { s3EncryptionMode: s3, ...(s3 === "SSE-KMS" ? { kmsKeyArn } : {}) },
                cloudwatchEncryption: { cloudwatchEncryptionMode: cloudwatch, ...(cloudwatch === "SSE-KMS" ? { kmsKeyArn } : {}) },
                jobBookmarksEncryption: { jobBookmarksEncryptionMode: bookmarks, ...(bookmarks === "CSE-KMS" ? { kmsKeyArn } : {}) },
            },
        },
    });
    const searchEncryption = (keys: Record<string, unknown>) => ({
        type: t.OPENSEARCH_SERVERLESS_SECURITY_POLICY, name: "products-encryption",
        props: { name: "products-encryption", type: "encryption", policy: JSON.stringify({ Rules: [{ Resource: ["collection/products"], ResourceType: "collection" }], ...keys }) },
    });
    const auroraInstance = (props: Record<string, unknown>) => ({
        type: t.RDS_CLUSTER_INSTANCE, name: "orders-db-1",
        props: { clusterIdentifier: "orders-db", engine: "aurora-postgresql", instanceClass: "db.r6g.large", performanceInsightsEnabled: true, performanceInsightsRetentionPeriod: 7, ...props },
    });
    const glueCatalog = (encryptionAtRest: Record<string, unknown>) => ({
        type: t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, name: "data-catalog",
        props: { dataCatalogEncryptionSettings: { encryptionAtRest, connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true } } },
    });
    const workspace = { directoryId: "d-9067a1b2c3", bundleId: "wsb-bh8rsxt14", userName: "jane.doe", workspaceProperties: { computeTypeName: "STANDARD", runningMode: "AUTO_STOP", runningModeAutoStopTimeoutInMinutes: 60 } };
    // What a new volume's (or device's) outputs hold at preview for what the program does not set.
    const computedDevice = { encrypted: { $unknown: "boolean" }, kmsKeyId: { $unknown: "string" }, snapshotId: { $unknown: "string" } };
    const computedEbs = { ...computedDevice, region: { $unknown: "string" } };
    const pass = (title: string, resources: PolicyExample["resources"], extra: Partial<PolicyExample> = {}): PolicyExample =>
        ({ title, verdict: "pass", docs: false, resources, ...extra });
    const fail = (title: string, resources: PolicyExample["resources"], extra: Partial<PolicyExample> = {}): PolicyExample =>
        ({ title, verdict: "fail", docs: false, resources, ...extra });
    return [
        {
            title: "an EBS volume, an RDS instance and a Kinesis stream that leave encryption off, and a queue that turns SSE-SQS off",
            verdict: "fail",
            demo: true,
            resources: [
                { type: t.EBS_VOLUME, name: "orders-volume", props: { availabilityZone: "eu-west-1a", size: 100, type: "gp3" } },
                {
                    type: t.RDS_INSTANCE, name: "reports-db",
                    props: { engine: "postgres", engineVersion: "16.4", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true },
                },
                { type: t.KINESIS_STREAM, name: "clickstream", props: { name: "clickstream", shardCount: 1, encryptionType: "NONE" } },
                { type: t.SQS_QUEUE, name: "fulfilment", props: { name: "fulfilment", sqsManagedSseEnabled: false } },
            ],
            note: "Each message names the property, AWS's default and the fix.",
        },
        {
            title: "the same stores encrypted: declared where AWS leaves it off, the service's default where it always encrypts",
            verdict: "pass",
            demo: true,
            resources: [
                {
                    type: t.KMS_KEY, name: "shop-data-key", protect: true,
                    props: { description: "shop data at rest", enableKeyRotation: true, rotationPeriodInDays: 365, deletionWindowInDays: 30 },
                },
                {
                    type: t.EBS_VOLUME, name: "orders-volume", protect: true,
                    propertyDependencies: { kmsKeyId: ["shop-data-key"] },
                    props: { availabilityZone: "eu-west-1a", size: 100, type: "gp3", encrypted: true, kmsKeyId: key },
                },
                {
                    type: t.RDS_INSTANCE, name: "reports-db", protect: true,
                    propertyDependencies: { kmsKeyId: ["shop-data-key"] },
                    props: {
                        engine: "postgres", engineVersion: "16.4", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app",
                        manageMasterUserPassword: true, deletionProtection: true, storageEncrypted: true, kmsKeyId: key, backupRetentionPeriod: 7,
                    },
                },
                { type: t.SNS_TOPIC, name: "order-events", props: { name: "order-events" } },
                { type: t.KINESIS_STREAM, name: "clickstream", props: { name: "clickstream", shardCount: 1, encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" } },
                { type: t.SQS_QUEUE, name: "fulfilment", props: { name: "fulfilment" } },
            ],
            note: "The topic and the queue set nothing: SNS keeps messages on encrypted disks, and SQS encrypts new queues with SQS-owned keys (SSE-SQS) by default.",
        },
        {
            title: "with requireCustomerManagedKey, stores that use an AWS managed or AWS owned key",
            verdict: "fail",
            config: cmk,
            resources: [
                { type: t.SNS_TOPIC, name: "order-events", props: { name: "order-events", kmsMasterKeyId: "alias/aws/sns" } },
                {
                    type: t.DYNAMODB_TABLE, name: "carts",
                    props: { billingMode: "PAY_PER_REQUEST", hashKey: "cartId", attributes: [{ name: "cartId", type: "S" }], serverSideEncryption: { enabled: true } },
                },
                { type: t.CLOUDWATCH_LOG_GROUP, name: "api-logs", props: { name: "/shop/api", retentionInDays: 30 } },
            ],
            messageIncludes: "requireCustomerManagedKey is true",
        },
        {
            title: "with requireCustomerManagedKey, the same stores naming a customer managed key",
            verdict: "pass",
            config: cmk,
            resources: [
                orderKey,
                { type: t.SNS_TOPIC, name: "order-events", propertyDependencies: keyDep("kmsMasterKeyId"), props: { name: "order-events", kmsMasterKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } },
                {
                    type: t.DYNAMODB_TABLE, name: "carts", propertyDependencies: keyDep("serverSideEncryption"),
                    props: {
                        billingMode: "PAY_PER_REQUEST", hashKey: "cartId", attributes: [{ name: "cartId", type: "S" }],
                        serverSideEncryption: { enabled: true, kmsKeyArn: key },
                    },
                },
                { type: t.CLOUDWATCH_LOG_GROUP, name: "api-logs", propertyDependencies: keyDep("kmsKeyId"), props: { name: "/shop/api", retentionInDays: 30, kmsKeyId: key } },
            ],
            note: "A CloudWatch Logs key's policy must allow the logs.<region>.amazonaws.com service principal.",
        },
        {
            title: "inherited encryption: a read replica, a snapshot restore, an Aurora cluster instance, an EBS device built from a snapshot, and an instance whose root volume the AMI decides",
            verdict: "pass",
            resources: [
                { type: t.RDS_INSTANCE, name: "orders-replica", props: { replicateSourceDb: "orders-db", instanceClass: "db.t4g.micro" } },
                { type: t.RDS_INSTANCE, name: "orders-restored", props: { snapshotIdentifier: "rds:orders-db-2026-01-01-00-00", instanceClass: "db.t4g.micro" } },
                {
                    type: t.RDS_CLUSTER_INSTANCE, name: "orders-aurora-1",
                    props: { clusterIdentifier: "orders-aurora", instanceClass: "db.serverless", engine: "aurora-postgresql", engineVersion: "16.4" },
                },
                {
                    type: t.EC2_INSTANCE, name: "bastion",
                    props: { ami, instanceType: "t3.micro", rootBlockDevice: { volumeSize: 20, volumeType: "gp3" }, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-0123456789abcdef0" }] },
                },
            ],
            note: "Replicas, restores and devices from snapshots take their source's encryption; the root volume is what the AMI and the account's EBS default make it.",
        },
        {
            title: "services that always encrypt, with nothing declared: Aurora, Redshift, DynamoDB, a Valkey cache, log group, secret, ECR repository, MSK cluster",
            verdict: "pass",
            resources: [
                { type: t.RDS_CLUSTER, name: "orders-aurora", props: { engine: "aurora-postgresql", engineVersion: "16.4", masterUsername: "app", manageMasterUserPassword: true } },
                { type: t.REDSHIFT_CLUSTER, name: "warehouse", props: { clusterIdentifier: "warehouse", nodeType: "ra3.xlplus", masterUsername: "admin", manageMasterPassword: true } },
                { type: t.DYNAMODB_TABLE, name: "sessions", props: { billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }] } },
                { type: t.ELASTICACHE_REPLICATION_GROUP, name: "cache", props: { description: "sessions", engine: "valkey", nodeType: "cache.t4g.micro", numCacheClusters: 2 } },
                { type: t.CLOUDWATCH_LOG_GROUP, name: "api-logs", props: { name: "/shop/api", retentionInDays: 30 } },
                { type: t.SECRETS_MANAGER_SECRET, name: "api-token", props: { name: "shop/api-token" } },
                { type: t.ECR_REPOSITORY, name: "api", props: { name: "shop/api", imageTagMutability: "IMMUTABLE" } },
                { type: t.MSK_CLUSTER, name: "events", props: mskProps() },
            ],
            note: "New Aurora clusters are encrypted by default since 2026-02-18 (AWS owned key), Redshift clusters since 2025-01-10.",
        },
        {
            title: "an explicit false where the service would encrypt: an Aurora cluster, a Redshift cluster (a string in v7) and a Valkey cache",
            verdict: "fail",
            resources: [
                { type: t.RDS_CLUSTER, name: "orders-aurora", props: { engine: "aurora-mysql", masterUsername: "app", manageMasterUserPassword: true, storageEncrypted: false } },
                { type: t.REDSHIFT_CLUSTER, name: "warehouse", props: { clusterIdentifier: "warehouse", nodeType: "ra3.xlplus", masterUsername: "admin", manageMasterPassword: true, encrypted: "false" } },
                { type: t.ELASTICACHE_REPLICATION_GROUP, name: "cache", props: { description: "sessions", engine: "valkey", nodeType: "cache.t4g.micro", atRestEncryptionEnabled: false } },
            ],
        },
        {
            title: "EC2: a root volume declared unencrypted, a data device left unset, and a launch template mapping without encryption",
            verdict: "fail",
            resources: [
                {
                    type: t.EC2_INSTANCE, name: "worker",
                    props: { ami, instanceType: "t3.micro", rootBlockDevice: { volumeSize: 20, encrypted: false }, ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100 }] },
                },
                {
                    type: t.EC2_LAUNCH_TEMPLATE, name: "nodes",
                    props: {
                        imageId: ami, instanceType: "t3.large",
                        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, volumeType: "gp3", deleteOnTermination: true } }],
                    },
                },
            ],
        },
        {
            title: "EC2 encrypted: a string \"true\" in a launch template (the v7 type) and booleans on an instance",
            verdict: "pass",
            resources: [
                {
                    type: t.EC2_INSTANCE, name: "worker",
                    props: { ami, instanceType: "t3.micro", rootBlockDevice: { volumeSize: 20, encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100, encrypted: true }] },
                },
                {
                    type: t.EC2_LAUNCH_TEMPLATE, name: "nodes",
                    props: {
                        imageId: ami, instanceType: "t3.large",
                        blockDeviceMappings: [
                            { deviceName: "/dev/xvda", ebs: { volumeSize: 20, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
                            { deviceName: "/dev/sdb", virtualName: "ephemeral0" },
                        ],
                    },
                },
            ],
        },
        {
            title: "EBS encryption by default turned on by the same stack, before the volumes: each depends on it",
            verdict: "pass",
            resources: [
                ebsDefault,
                { type: t.EBS_VOLUME, name: "orders-volume", props: { availabilityZone: "us-east-1a", size: 100, type: "gp3" }, dependencies: ["ebs-default"] },
                {
                    type: t.EC2_INSTANCE, name: "worker", dependencies: ["ebs-default"],
                    props: { ami, instanceType: "t3.micro", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100 }] },
                },
                {
                    type: t.EC2_LAUNCH_TEMPLATE, name: "nodes", dependencies: ["ebs-default"],
                    props: { imageId: ami, instanceType: "t3.large", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, volumeType: "gp3" } }] },
                },
            ],
            note: "The setting is per account and region, and not retroactive: it counts for the resources of its region (same provider, no other " +
                "`region`) that depend on it, so that Pulumi creates them after it.",
        },
        {
            title: "an aws.ebs.EncryptionByDefault of the same stack that the volume does not depend on",
            verdict: "fail",
            resources: [ebsDefault, { type: t.EBS_VOLUME, name: "orders-volume", props: { availabilityZone: "us-east-1a", size: 100, type: "gp3" } }],
            reported: ["orders-volume"],
            messageIncludes: "(e.g. `dependsOn: [ebsDefault]`)",
            note: "Without the dependency Pulumi may create the volume first, while the account default is still off; the volume stays unencrypted.",
        },
        {
            title: "EBS encryption by default for another region: through another provider, or its own `region`",
            verdict: "fail",
            resources: [
                { type: t.AWS_PROVIDER, name: "eu-central", props: { region: "eu-central-1" } },
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default-eu-central", props: { enabled: true }, provider: "eu-central" },
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default-us-west", props: { enabled: true, region: "us-west-2" } },
                { type: t.EBS_VOLUME, name: "orders-volume", props: { availabilityZone: "us-east-1a", size: 100, type: "gp3" }, dependencies: ["ebs-default-eu-central"] },
                { type: t.EBS_VOLUME, name: "archive-volume", props: { availabilityZone: "us-east-1a", size: 500, type: "sc1" }, dependencies: ["ebs-default-us-west"] },
            ],
            reported: ["orders-volume", "archive-volume"],
            messageIncludes: "of this stack is for another region",
            note: "The volumes are in the default provider's region (here us-east-1): each setting turns the default on somewhere else.",
        },
        {
            title: "EBS encryption by default on for the account (ebsEncryptionByDefault): volumes and devices that leave `encrypted` unset",
            verdict: "pass",
            config: { ebsEncryptionByDefault: true },
            resources: [
                { type: t.EBS_VOLUME, name: "orders-volume", props: { availabilityZone: "eu-west-1a", size: 100, type: "gp3" } },
                { type: t.EC2_INSTANCE, name: "worker", props: { ami, instanceType: "t3.micro", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100 }] } },
                {
                    type: t.EC2_LAUNCH_TEMPLATE, name: "nodes",
                    props: { imageId: ami, instanceType: "t3.large", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, volumeType: "gp3" } }] },
                },
            ],
            note: "For accounts where another stack, a landing zone or a person turned it on: the setting is per account and region, and not " +
                "retroactive, so set this only when it is on everywhere this stack deploys, and was before its volumes were created.",
        },
        {
            title: "a key created in the same update, unknown during the preview, under requireCustomerManagedKey",
            verdict: "pass",
            preview: true,
            config: cmk,
            resources: [
                orderKey,
                {
                    type: t.EBS_VOLUME, name: "orders-volume", propertyDependencies: keyDep("kmsKeyId"),
                    props: { availabilityZone: "eu-west-1a", size: 100, encrypted: true, kmsKeyId: { $unknown: "string" } },
                },
                {
                    type: t.RDS_CLUSTER, name: "orders-aurora", propertyDependencies: keyDep("kmsKeyId"),
                    props: { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true, storageEncrypted: true, kmsKeyId: { $unknown: "string" } },
                },
                {
                    type: t.SQS_QUEUE, name: "fulfilment", propertyDependencies: keyDep("kmsMasterKeyId"),
                    props: { name: "fulfilment", kmsMasterKeyId: { $unknown: "string" } },
                },
            ],
            note: "A key that does not exist yet is declared but not judged: the preview shows no diagnostic.",
        },
        // ---- EBS encryption by default in the stack, as the engine sends it (test-only: docs: false)
        fail("preview: a new volume that does not set `encrypted` (unknown in its outputs until AWS creates it)", [
            { type: t.EBS_VOLUME, name: "v", props: { availabilityZone: "us-east-1a", size: 10 }, outputs: { availabilityZone: "us-east-1a", size: 10, ...computedEbs } },
        ], { preview: true, messageIncludes: "encrypted is not set" }),
        pass("preview: a new volume that does not set `encrypted`, after the stack's EncryptionByDefault (each computed value unknown)", [
            { ...ebsDefault, outputs: { enabled: true, region: { $unknown: "string" } } },
            {
                type: t.EBS_VOLUME, name: "v", dependencies: ["ebs-default"],
                props: { availabilityZone: "us-east-1a", size: 10 }, outputs: { availabilityZone: "us-east-1a", size: 10, ...computedEbs },
            },
            {
                type: t.EC2_INSTANCE, name: "worker", dependencies: ["ebs-default"],
                props: { ami, instanceType: "t3.micro", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100 }] },
                outputs: { ami, instanceType: "t3.micro", region: { $unknown: "string" }, ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100, ...computedDevice }] },
            },
        ], { preview: true }),
        pass("after an update: the volume's outputs say AWS encrypted it (the account default was on)", [
            {
                type: t.EBS_VOLUME, name: "v", props: { availabilityZone: "us-east-1a", size: 10 },
                outputs: { availabilityZone: "us-east-1a", size: 10, encrypted: true, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", region: "us-east-1" },
            },
        ]),
        fail("after an update: the volume's outputs say it is unencrypted, created before the stack's EncryptionByDefault (not retroactive)", [
            ebsDefault,
            {
                type: t.EBS_VOLUME, name: "v", dependencies: ["ebs-default"], props: { availabilityZone: "us-east-1a", size: 10 },
                outputs: { availabilityZone: "us-east-1a", size: 10, encrypted: false, region: "us-east-1" },
            },
        ], { reported: ["v"], messageIncludes: "encrypted is false" }),
        fail("an EncryptionByDefault the volume depends on that turns it off", [
            { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: false } },
            { type: t.EC2_SPOT_INSTANCE_REQUEST, name: "spot", dependencies: ["ebs-default"], props: { ami, instanceType: "t3.micro", spotPrice: "0.01", ebsBlockDevices: [{ deviceName: "/dev/sdf" }] } },
        ], { reported: ["spot"], messageIncludes: "turns it off" }),
        pass("an EncryptionByDefault under an explicit provider of the same region, launch configuration and template depending on it", [
            { type: t.AWS_PROVIDER, name: "us-east", props: { region: "us-east-1" } },
            { ...ebsDefault, provider: "us-east" },
            { type: t.EC2_LAUNCH_CONFIGURATION, name: "lc", dependencies: ["ebs-default"], props: { imageId: ami, instanceType: "t3.micro", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50 }] } },
            { type: t.EC2_LAUNCH_TEMPLATE, name: "lt", provider: "us-east", dependencies: ["ebs-default"], props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "" } }] } },
        ]),
        fail("requireCustomerManagedKey: volumes the stack's EncryptionByDefault encrypts with the default EBS key", [
            ebsDefault,
            { type: t.EBS_VOLUME, name: "v", dependencies: ["ebs-default"], props: { availabilityZone: "us-east-1a", size: 10 } },
            {
                type: t.EC2_INSTANCE, name: "worker", dependencies: ["ebs-default"],
                props: { ami, instanceType: "t3.micro", rootBlockDevice: { encrypted: true, kmsKeyId: key }, ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100 }] },
            },
        ], { config: cmk, reported: ["v", "worker"], messageIncludes: "kmsKeyId is not set (EBS uses the region's default EBS key" }),
        // ---- one failing and one passing case per remaining type (test-only: docs: false)
        fail("EBS volume: encrypted false", [{ type: t.EBS_VOLUME, name: "v", props: { availabilityZone: "eu-west-1a", size: 10, encrypted: false } }]),
        pass("EBS volume from a snapshot", [{ type: t.EBS_VOLUME, name: "v", props: { availabilityZone: "eu-west-1a", snapshotId: "snap-0123456789abcdef0" } }]),
        fail("spot instance: data device unset", [{ type: t.EC2_SPOT_INSTANCE_REQUEST, name: "spot", props: { ami, instanceType: "t3.micro", spotPrice: "0.01", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50 }] } }]),
        pass("spot instance: no block devices", [{ type: t.EC2_SPOT_INSTANCE_REQUEST, name: "spot", props: { ami, instanceType: "t3.micro", spotPrice: "0.01" } }]),
        fail("launch configuration: root declared unencrypted", [{ type: t.EC2_LAUNCH_CONFIGURATION, name: "lc", props: { imageId: ami, instanceType: "t3.micro", rootBlockDevice: { volumeSize: 20, encrypted: false } } }]),
        pass("launch configuration: encrypted devices", [{
            type: t.EC2_LAUNCH_CONFIGURATION, name: "lc",
            props: { imageId: ami, instanceType: "t3.micro", rootBlockDevice: { volumeSize: 20, encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50, encrypted: true }] },
        }]),
        fail("launch template: encrypted \"false\"", [{ type: t.EC2_LAUNCH_TEMPLATE, name: "lt", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "false" } }] } }], { messageIncludes: 'is "false"' }),
        fail("Multi-AZ DB cluster without storageEncrypted", [{
            type: t.RDS_CLUSTER, name: "maz",
            props: { engine: "postgres", dbClusterInstanceClass: "db.m6gd.large", storageType: "io1", iops: 1000, allocatedStorage: 100, masterUsername: "app", manageMasterUserPassword: true },
        }]),
        pass("Multi-AZ DB cluster encrypted", [{
            type: t.RDS_CLUSTER, name: "maz",
            props: { engine: "postgres", dbClusterInstanceClass: "db.m6gd.large", storageType: "io1", iops: 1000, allocatedStorage: 100, masterUsername: "app", manageMasterUserPassword: true, storageEncrypted: true },
        }]),
        fail("RDS global cluster with storageEncrypted false", [{ type: t.RDS_GLOBAL_CLUSTER, name: "g", props: { globalClusterIdentifier: "orders", engine: "aurora-postgresql", engineVersion: "16.4", storageEncrypted: false } }]),
        pass("RDS global cluster encrypted, one leaving it to Aurora's default, and one created from a cluster", [
            { type: t.RDS_GLOBAL_CLUSTER, name: "g", props: { globalClusterIdentifier: "orders", engine: "aurora-postgresql", engineVersion: "16.4", storageEncrypted: true } },
            { type: t.RDS_GLOBAL_CLUSTER, name: "g3", props: { globalClusterIdentifier: "orders3", engine: "aurora-postgresql", engineVersion: "16.4" } },
            { type: t.RDS_GLOBAL_CLUSTER, name: "g2", props: { globalClusterIdentifier: "orders2", sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:orders" } },
        ]),
        fail("DocumentDB cluster and global cluster without storageEncrypted", [
            { type: t.DOCDB_CLUSTER, name: "docs", props: { engine: "docdb", masterUsername: "app", manageMasterUserPassword: true } },
            { type: t.DOCDB_GLOBAL_CLUSTER, name: "docs-global", props: { globalClusterIdentifier: "docs", engine: "docdb" } },
        ]),
        pass("DocumentDB cluster encrypted, and a restore", [
            { type: t.DOCDB_CLUSTER, name: "docs", props: { engine: "docdb", masterUsername: "app", manageMasterUserPassword: true, storageEncrypted: true, kmsKeyId: key } },
            { type: t.DOCDB_CLUSTER, name: "docs-restored", props: { engine: "docdb", snapshotIdentifier: "docs-2026-01-01" } },
            { type: t.DOCDB_GLOBAL_CLUSTER, name: "docs-global", props: { globalClusterIdentifier: "docs", engine: "docdb", storageEncrypted: true } },
        ]),
        fail("DocumentDB elastic cluster without a key, under requireCustomerManagedKey", [{
            type: t.DOCDB_ELASTIC_CLUSTER, name: "elastic",
            props: { name: "elastic", adminUserName: "app", adminUserPassword: { $secret: "not-a-real-password" }, authType: "PLAIN_TEXT", shardCapacity: 2, shardCount: 1 },
        }], { config: cmk }),
        pass("DocumentDB elastic cluster with nothing declared", [{
            type: t.DOCDB_ELASTIC_CLUSTER, name: "elastic",
            props: { name: "elastic", adminUserName: "app", adminUserPassword: { $secret: "not-a-real-password" }, authType: "PLAIN_TEXT", shardCapacity: 2, shardCount: 1 },
        }]),
        fail("Neptune cluster and global cluster without storageEncrypted", [
            { type: t.NEPTUNE_CLUSTER, name: "graph", props: { engine: "neptune", skipFinalSnapshot: true } },
            { type: t.NEPTUNE_GLOBAL_CLUSTER, name: "graph-global", props: { globalClusterIdentifier: "graph", engine: "neptune" } },
        ]),
        pass("Neptune cluster encrypted (kmsKeyArn), and a replica", [
            { type: t.NEPTUNE_CLUSTER, name: "graph", props: { engine: "neptune", storageEncrypted: true, kmsKeyArn: key } },
            { type: t.NEPTUNE_CLUSTER, name: "graph-replica", props: { engine: "neptune", replicationSourceIdentifier: "arn:aws:rds:us-west-2:111122223333:cluster:graph" } },
            { type: t.NEPTUNE_GLOBAL_CLUSTER, name: "graph-global", props: { globalClusterIdentifier: "graph", engine: "neptune", storageEncrypted: true } },
        ]),
        fail("Redshift Serverless namespace without a key, under requireCustomerManagedKey", [{ type: t.REDSHIFT_SERVERLESS_NAMESPACE, name: "analytics", props: { namespaceName: "analytics" } }], { config: cmk }),
        pass("Redshift Serverless namespace with a customer managed key, under requireCustomerManagedKey", [{ type: t.REDSHIFT_SERVERLESS_NAMESPACE, name: "analytics", props: { namespaceName: "analytics", kmsKeyId: key } }], { config: cmk }),
        fail("EFS file system without encryption", [{ type: t.EFS_FILE_SYSTEM, name: "shared", props: { performanceMode: "generalPurpose" } }]),
        pass("EFS file system encrypted", [{ type: t.EFS_FILE_SYSTEM, name: "shared", props: { performanceMode: "generalPurpose", encrypted: true, kmsKeyId: key } }]),
        pass("FSx, Timestream, CloudTrail, SageMaker, Amazon MQ, an EFS replica, a SecureString parameter, Kinesis Video, Keyspaces, EKS, DMS, Managed Prometheus, CodeCommit, CodeArtifact, Aurora DSQL and S3 Tables with their services' keys (always encrypted)", alwaysEncrypted),
        fail("the same under requireCustomerManagedKey (a scratch Lustre file system takes no key)", [
            ...alwaysEncrypted, { type: t.FSX_LUSTRE_FILE_SYSTEM, name: "scratch", props: { storageCapacity: 1200, subnetIds: ["subnet-0a1b2c3d"], deploymentType: "SCRATCH_2" } },
        ], { config: cmk, reported: alwaysEncrypted.map((r) => r.name) }),
        pass("CloudTrail Lake, EventBridge archives, MWAA, Neptune Analytics, FSx File Cache, Amazon Location, SageMaker domains, Mail Manager, WorkMail, " +
            "AgentCore memory, Managed Grafana, DataZone, CodeBuild, a Lambda function's environment variables, Athena query results, S3 vectors and " +
            "Step Functions with their services' keys (always encrypted)", serviceStores()),
        fail("the same under requireCustomerManagedKey", serviceStores(), {
            config: cmk, messageIncludes: "requireCustomerManagedKey is true", reported: serviceStores().map((r) => r.name),
        }),
        pass("the same with a customer managed key, under requireCustomerManagedKey", serviceStores(key), { config: cmk }),
        pass("Storage Gateway volumes and file shares under S3-managed keys (always encrypted)", gatewayStores()),
        fail("the same under requireCustomerManagedKey", gatewayStores(), { config: cmk, messageIncludes: "S3-managed keys" }),
        pass("Storage Gateway volumes and file shares with a customer managed key, under requireCustomerManagedKey", gatewayStores(key), { config: cmk }),
        pass("a Glue security configuration that leaves every mode DISABLED (each store keeps its own encryption)", [glueSecurity("DISABLED", "DISABLED", "DISABLED")]),
        fail("the same, and one with SSE-S3 for S3 data, under requireCustomerManagedKey", [
            glueSecurity("DISABLED", "DISABLED", "DISABLED"), { ...glueSecurity("SSE-S3", "SSE-KMS", "CSE-KMS", key), name: "etl-sse-s3" },
        ], { config: cmk, reported: ["etl-security", "etl-sse-s3"] }),
        pass("a Glue security configuration with every mode on KMS and a customer managed key, under requireCustomerManagedKey", [glueSecurity("SSE-KMS", "SSE-KMS", "CSE-KMS", key)], { config: cmk }),
        pass("an OpenSearch Serverless encryption policy with an AWS owned key (always encrypted)", [searchEncryption({ AWSOwnedKey: true })]),
        fail("the same under requireCustomerManagedKey", [searchEncryption({ AWSOwnedKey: true })], { config: cmk, messageIncludes: "AWSOwnedKey is true" }),
        pass("an OpenSearch Serverless encryption policy with a customer managed key, under requireCustomerManagedKey", [searchEncryption({ AWSOwnedKey: false, KmsARN: key })], { config: cmk }),
        pass("an Aurora instance with Performance Insights under the AWS managed key aws/rds", [auroraInstance({})]),
        fail("the same under requireCustomerManagedKey", [auroraInstance({})], { config: cmk, messageIncludes: "performanceInsightsKmsKeyId is not set" }),
        pass("an Aurora instance with Performance Insights under a customer managed key, under requireCustomerManagedKey", [auroraInstance({ performanceInsightsKmsKeyId: key })], { config: cmk }),
        fail("Glue Data Catalog encryption settings that turn encryption at rest off", [glueCatalog({ catalogEncryptionMode: "DISABLED" })], { messageIncludes: '"DISABLED"' }),
        pass("Glue Data Catalog encrypted with the AWS managed key aws/glue", [glueCatalog({ catalogEncryptionMode: "SSE-KMS" })]),
        fail("the same under requireCustomerManagedKey", [glueCatalog({ catalogEncryptionMode: "SSE-KMS" })], { config: cmk, messageIncludes: "aws/glue" }),
        pass("Glue Data Catalog encrypted with a customer managed key through a service role, under requireCustomerManagedKey", [glueCatalog({
            catalogEncryptionMode: "SSE-KMS-WITH-SERVICE-ROLE", sseAwsKmsKeyId: key, catalogEncryptionServiceRole: "arn:aws:iam::111122223333:role/glue-catalog-encryption",
        })], { config: cmk }),
        fail("EMR security configurations: one with in-transit encryption only, one that encrypts S3 data but not the local disks", [
            { type: t.EMR_SECURITY_CONFIGURATION, name: "transit-only", props: { name: "transit-only", configuration: JSON.stringify({ EncryptionConfiguration: {
                EnableInTransitEncryption: true, EnableAtRestEncryption: false,
                InTransitEncryptionConfiguration: { TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: "s3://acme-emr-certs/certs.zip" } },
            } }) } },
            { type: t.EMR_SECURITY_CONFIGURATION, name: "s3-only", props: { name: "s3-only", configuration: JSON.stringify({ EncryptionConfiguration: {
                EnableInTransitEncryption: false, EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" } },
            } }) } },
        ], { messageIncludes: "local disks" }),
        pass("EMR security configuration encrypting local disks (and EBS volumes) with a KMS key, built from the key's ARN", [
            { type: t.KMS_KEY, name: "emr-key", props: { description: "EMR local disks", enableKeyRotation: true } },
            { type: t.EMR_SECURITY_CONFIGURATION, name: "at-rest", propertyDependencies: { configuration: ["emr-key"] }, props: { name: "at-rest", configuration: JSON.stringify({ EncryptionConfiguration: {
                EnableInTransitEncryption: false, EnableAtRestEncryption: true,
                AtRestEncryptionConfiguration: {
                    S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: key },
                    LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: key, EnableEbsEncryption: true },
                },
            } }) } },
        ], { config: cmk }),
        pass("EMR security configuration unknown at preview (built from a key created in the same update)", [
            { type: t.KMS_KEY, name: "emr-key", props: { description: "EMR local disks", enableKeyRotation: true } },
            { type: t.EMR_SECURITY_CONFIGURATION, name: "at-rest", propertyDependencies: { configuration: ["emr-key"] }, props: { name: "at-rest", configuration: { $unknown: "string" } } },
        ], { preview: true, config: cmk }),
        fail("WorkSpace that leaves its root and user volumes unencrypted", [{ type: t.WORKSPACES_WORKSPACE, name: "analyst-desktop", props: workspace }],
            { messageIncludes: "WorkSpaces creates the" }),
        pass("WorkSpace with both volumes encrypted by the AWS managed key", [{
            type: t.WORKSPACES_WORKSPACE, name: "analyst-desktop",
            props: { ...workspace, rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/aws/workspaces" },
        }]),
        pass("WorkSpace encrypted with a key of the same stack, unknown at preview, under requireCustomerManagedKey", [
            { type: t.KMS_KEY, name: "desktops-key", props: { description: "WorkSpaces volumes", enableKeyRotation: true } },
            {
                type: t.WORKSPACES_WORKSPACE, name: "analyst-desktop", propertyDependencies: { volumeEncryptionKey: ["desktops-key"] },
                props: { ...workspace, rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: { $unknown: "string" } },
            },
        ], { config: cmk, preview: true }),
        fail("DynamoDB replicas without their own key, under requireCustomerManagedKey", [{
            type: t.DYNAMODB_TABLE, name: "carts",
            props: {
                billingMode: "PAY_PER_REQUEST", hashKey: "cartId", attributes: [{ name: "cartId", type: "S" }], streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES",
                serverSideEncryption: { enabled: true, kmsKeyArn: key }, replicas: [{ regionName: "us-west-2" }],
            },
        }], { config: cmk, messageIncludes: "replicas[0].kmsKeyArn" }),
        pass("DynamoDB with `enabled: false` (an AWS owned key)", [{
            type: t.DYNAMODB_TABLE, name: "carts",
            props: { billingMode: "PAY_PER_REQUEST", hashKey: "cartId", attributes: [{ name: "cartId", type: "S" }], serverSideEncryption: { enabled: false } },
        }]),
        pass("SQS queue with SSE-SQS explicit, and one with a KMS key", [
            { type: t.SQS_QUEUE, name: "jobs", props: { name: "jobs", sqsManagedSseEnabled: true } },
            { type: t.SQS_QUEUE, name: "jobs-kms", props: { name: "jobs-kms", kmsMasterKeyId: "alias/aws/sqs", kmsDataKeyReusePeriodSeconds: 300 } },
        ]),
        fail("SQS queue with SSE-SQS, under requireCustomerManagedKey", [{ type: t.SQS_QUEUE, name: "jobs", props: { name: "jobs", sqsManagedSseEnabled: true } }], { config: cmk }),
        fail("Kinesis stream with nothing declared", [{ type: t.KINESIS_STREAM, name: "events", props: { name: "events", streamModeDetails: { streamMode: "ON_DEMAND" } } }]),
        fail("Firehose Direct PUT stream without server-side encryption", [{ type: t.KINESIS_FIREHOSE_DELIVERY_STREAM, name: "to-s3", props: firehoseProps() }]),
        pass("Firehose: Direct PUT with SSE, and a stream reading from Kinesis", [
            { type: t.KINESIS_FIREHOSE_DELIVERY_STREAM, name: "to-s3", props: { ...firehoseProps(), serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: key } } },
            {
                type: t.KINESIS_FIREHOSE_DELIVERY_STREAM, name: "from-kinesis",
                props: { ...firehoseProps(), kinesisSourceConfiguration: { kinesisStreamArn: "arn:aws:kinesis:eu-west-1:111122223333:stream/events", roleArn: "arn:aws:iam::111122223333:role/firehose" } },
            },
        ]),
        fail("ElastiCache replication group with the default engine (redis)", [{ type: t.ELASTICACHE_REPLICATION_GROUP, name: "cache", props: { description: "sessions", nodeType: "cache.t4g.micro", numCacheClusters: 2 } }]),
        fail("ElastiCache serverless cache without a key, under requireCustomerManagedKey", [{ type: t.ELASTICACHE_SERVERLESS_CACHE, name: "cache", props: { name: "cache", engine: "valkey" } }], { config: cmk }),
        pass("ElastiCache serverless cache with nothing declared", [{ type: t.ELASTICACHE_SERVERLESS_CACHE, name: "cache", props: { name: "cache", engine: "valkey" } }]),
        fail("MemoryDB cluster without a key, under requireCustomerManagedKey", [{ type: t.MEMORYDB_CLUSTER, name: "mem", props: { aclName: "open-access", nodeType: "db.t4g.small" } }], { config: cmk }),
        pass("MemoryDB cluster with nothing declared", [{ type: t.MEMORYDB_CLUSTER, name: "mem", props: { aclName: "open-access", nodeType: "db.t4g.small" } }]),
        fail("OpenSearch and legacy Elasticsearch domains without encryptAtRest", [
            { type: t.OPENSEARCH_DOMAIN, name: "search", props: { domainName: "search", engineVersion: "OpenSearch_2.13", clusterConfig: { instanceType: "r6g.large.search" }, ebsOptions: { ebsEnabled: true, volumeSize: 20 } } },
            { type: t.ELASTICSEARCH_DOMAIN, name: "legacy-search", props: { domainName: "legacy", elasticsearchVersion: "7.10", encryptAtRest: { enabled: false } } },
        ]),
        pass("OpenSearch and legacy Elasticsearch domains encrypted", [
            {
                type: t.OPENSEARCH_DOMAIN, name: "search",
                props: { domainName: "search", engineVersion: "OpenSearch_2.13", clusterConfig: { instanceType: "r6g.large.search" }, ebsOptions: { ebsEnabled: true, volumeSize: 20 }, encryptAtRest: { enabled: true, kmsKeyId: key } },
            },
            { type: t.ELASTICSEARCH_DOMAIN, name: "legacy-search", props: { domainName: "legacy", elasticsearchVersion: "7.10", encryptAtRest: { enabled: true } } },
        ]),
        fail("MSK cluster without a key, under requireCustomerManagedKey", [{ type: t.MSK_CLUSTER, name: "events", props: mskProps() }], { config: cmk }),
        pass("MSK cluster with a customer managed key, under requireCustomerManagedKey", [{ type: t.MSK_CLUSTER, name: "events", props: { ...mskProps(), encryptionInfo: { encryptionAtRestKmsKeyArn: key } } }], { config: cmk }),
        fail("ECR repository with AES256, under requireCustomerManagedKey", [{ type: t.ECR_REPOSITORY, name: "api", props: { name: "shop/api", encryptionConfigurations: [{ encryptionType: "AES256" }] } }], { config: cmk }),
        pass("ECR repository with a customer managed key, under requireCustomerManagedKey", [{ type: t.ECR_REPOSITORY, name: "api", props: { name: "shop/api", encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key }] } }], { config: cmk }),
        fail("Secrets Manager secret with the AWS managed key, under requireCustomerManagedKey", [{ type: t.SECRETS_MANAGER_SECRET, name: "api-token", props: { name: "shop/api-token", kmsKeyId: "alias/aws/secretsmanager" } }], { config: cmk, messageIncludes: "aws/secretsmanager" }),
        pass("Secrets Manager secret with a key id, under requireCustomerManagedKey", [{ type: t.SECRETS_MANAGER_SECRET, name: "api-token", props: { name: "shop/api-token", kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } }], { config: cmk }),
        fail("Backup vaults without a key, under requireCustomerManagedKey", [
            { type: t.BACKUP_VAULT, name: "vault", props: { name: "shop" } },
            { type: t.BACKUP_LOGICALLY_AIR_GAPPED_VAULT, name: "air-gapped", props: { name: "shop-lag", minRetentionDays: 7, maxRetentionDays: 35 } },
        ], { config: cmk }),
        pass("Backup vaults with nothing declared", [
            { type: t.BACKUP_VAULT, name: "vault", props: { name: "shop" } },
            { type: t.BACKUP_LOGICALLY_AIR_GAPPED_VAULT, name: "air-gapped", props: { name: "shop-lag", minRetentionDays: 7, maxRetentionDays: 35 } },
        ]),
        // ---- AWS Batch compute environments (the stack part)
        fail("an AWS Batch EC2 compute environment without a launch template (the ECS-optimized AMI's root volume)", [
            { type: t.BATCH_COMPUTE_ENVIRONMENT, name: "jobs", props: batchProps({ type: "EC2" }) },
        ], { messageIncludes: "computeResources.launchTemplate is not set" }),
        pass("AWS Batch: a Fargate compute environment, and an EC2 one whose launch template encrypts the root volume", [
            { type: t.BATCH_COMPUTE_ENVIRONMENT, name: "serverless-jobs", props: batchProps({ type: "FARGATE" }) },
            {
                type: t.EC2_LAUNCH_TEMPLATE, name: "batch-nodes",
                props: { name: "batch-nodes", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 100, volumeType: "gp3", encrypted: "true" } }] },
            },
            { type: t.BATCH_COMPUTE_ENVIRONMENT, name: "jobs", props: batchProps({ type: "EC2", launchTemplate: { launchTemplateName: "batch-nodes", version: "$Latest" } }) },
        ]),
        // ---- API Gateway method caches (the stack part), as the engine sends them
        ...apiCacheExamples(pass, fail),
        fail("DAX cluster without server-side encryption", [{ type: t.DAX_CLUSTER, name: "dax", props: daxProps() }]),
        pass("DAX cluster encrypted", [{ type: t.DAX_CLUSTER, name: "dax", props: { ...daxProps(), serverSideEncryption: { enabled: true } } }]),
    ];
}

/** An AWS Batch managed compute environment whose `computeResources` add `resources` to a minimal set. */
function batchProps(resources: Record<string, unknown>): Record<string, unknown> {
    const ec2 = resources.type === "EC2" ? { instanceTypes: ["optimal"], instanceRole: "arn:aws:iam::111122223333:instance-profile/ecsInstanceRole", minVcpus: 0 } : {};
    return {
        name: "jobs", type: "MANAGED", serviceRole: "arn:aws:iam::111122223333:role/aws-batch",
        computeResources: { maxVcpus: 16, subnets: ["subnet-0a1b2c3d"], securityGroupIds: ["sg-0123456789abcdef0"], ...ec2, ...resources },
    };
}

function mskProps(): Record<string, unknown> {
    return {
        clusterName: "events", kafkaVersion: "3.6.0", numberOfBrokerNodes: 3,
        brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["subnet-0a1", "subnet-0b2", "subnet-0c3"], securityGroups: ["sg-0123456789abcdef0"] },
    };
}

function firehoseProps(): Record<string, unknown> {
    return {
        name: "orders-to-s3", destination: "extended_s3",
        extendedS3Configuration: { bucketArn: "arn:aws:s3:::shop-orders-archive", roleArn: "arn:aws:iam::111122223333:role/firehose" },
    };
}

/** A REST API's stage with a cache cluster and its method settings, at preview (ids unknown) and after an update. */
function apiCacheExamples(
    pass: (title: string, resources: PolicyExample["resources"], extra?: Partial<PolicyExample>) => PolicyExample,
    fail: (title: string, resources: PolicyExample["resources"], extra?: Partial<PolicyExample>) => PolicyExample,
): PolicyExample[] {
    const unknownId = { $unknown: "string" };
    const computed = { cachingEnabled: { $unknown: "boolean" }, cacheDataEncrypted: { $unknown: "boolean" }, metricsEnabled: { $unknown: "boolean" } };
    const fromApi = { restApi: ["shop-api"] };
    const api = { type: t.APIGATEWAY_REST_API, name: "shop-api", props: { name: "shop-api", endpointConfiguration: { types: "REGIONAL" } } };
    const stage = (cacheClusterEnabled: boolean) => ({
        type: t.APIGATEWAY_STAGE, name: "prod", propertyDependencies: fromApi,
        props: { restApi: unknownId, deployment: unknownId, stageName: "prod", cacheClusterEnabled, cacheClusterSize: "0.5" },
    });
    const settings = (name: string, methodPath: string, declared: Record<string, unknown>) => ({
        type: t.APIGATEWAY_METHOD_SETTINGS, name, propertyDependencies: fromApi,
        props: { restApi: unknownId, stageName: "prod", methodPath, settings: declared },
        outputs: { restApi: unknownId, stageName: "prod", methodPath, settings: { ...computed, ...declared } },
    });
    const throttling = { throttlingBurstLimit: 500, throttlingRateLimit: 100 };
    const cached = { cachingEnabled: true, cacheTtlInSeconds: 300 };
    return [
        fail("preview: a method cached on a stage with a cache cluster, its stage-wide settings only throttling (unset values unknown)", [
            api, stage(true), settings("all-methods", "*/*", throttling), settings("products", "products/GET", cached),
        ], { preview: true, reported: ["products"], messageIncludes: "settings.cacheDataEncrypted is not set" }),
        pass("preview: the same, with the stage-wide settings encrypting the cache", [
            api, stage(true), settings("all-methods", "*/*", { ...throttling, cacheDataEncrypted: true }), settings("products", "products/GET", cached),
        ], { preview: true }),
        pass("preview: caching on for a stage without a cache cluster (nothing is cached)", [
            api, stage(false), settings("all-methods", "*/*", { ...throttling, ...cached }),
        ], { preview: true }),
        fail("after an update: stage-wide caching that AWS reports unencrypted", [
            api, { ...stage(true), props: { ...stage(true).props, restApi: "a1b2c3d4e5", deployment: "dpl123" } },
            {
                ...settings("all-methods", "*/*", cached), props: { restApi: "a1b2c3d4e5", stageName: "prod", methodPath: "*/*", settings: cached },
                outputs: { restApi: "a1b2c3d4e5", stageName: "prod", methodPath: "*/*", settings: { ...cached, cacheDataEncrypted: false, metricsEnabled: false } },
            },
        ], { reported: ["all-methods"], messageIncludes: "settings.cacheDataEncrypted is false" }),
    ];
}

function daxProps(): Record<string, unknown> {
    return { clusterName: "sessions", iamRoleArn: "arn:aws:iam::111122223333:role/dax", nodeType: "dax.r5.large", replicationFactor: 3 };
}
