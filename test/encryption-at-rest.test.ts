import * as path from "path";
import { describe, expect, it } from "vitest";
import { loadInputFile } from "../cli/inputs";
import { EncryptionAtRestConfig, encryptionAtRest, findEbsVolumesUnencrypted, findMethodCachesUnencrypted, findUnencryptedDataStores } from "../policies/encryption-at-rest";
import type { PlainResource } from "../policies/lib/rule";
import * as t from "../policies/lib/tokens";
import { UNKNOWN_SENTINELS } from "../policies/lib/wire";
import { EngineRun, FIXTURES, useEngine } from "./helpers/engine";
import { resource } from "./helpers/resources";
import { assertNotShown } from "./helpers/secrets";

const POLICY = "encryption-at-rest";
const DIR = path.join(FIXTURES, POLICY);
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const U = UNKNOWN_SENTINELS.string;
const UB = UNKNOWN_SENTINELS.boolean;
/** Engine options that turn requireCustomerManagedKey on. */
const CMK_RUN = { config: { [POLICY]: { properties: { requireCustomerManagedKey: true } } } };
/** Each finding of the policy as [resource name, the message's verdict up to its first parenthesis]. */
const byName = (run: EngineRun) =>
    run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()!.split(" (")[0].split(": ")[1]]);
/** The policy's findings and any internal error of a run: none is expected where an unknown wins. */
const findingsOrErrors = (run: EngineRun) => run.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"));
/** An unknown input as the engine sends it at preview, and a key created in the same update that inputs wait for (`fromKey`). */
const ENGINE_UNKNOWN = { $unknown: "string" };
/** The registry's container recipe, with a build volume mapped (`encrypted` is a string in v7). */
const CONTAINER_RECIPE = (ebs: Record<string, unknown>) => ({
    name: "example", version: "1.0.0", containerType: "DOCKER", parentImage: "arn:aws:imagebuilder:eu-central-1:aws:image/amazon-linux-x86-latest/x.x.x",
    components: [{ componentArn: "arn:aws:imagebuilder:eu-central-1:aws:component/update-linux/x.x.x" }],
    targetRepository: { service: "ECR", repositoryName: "app" }, dockerfileTemplateData: "FROM {{{ imagebuilder:parentImage }}}\n{{{ imagebuilder:environments }}}\n{{{ imagebuilder:components }}}",
    instanceConfiguration: { blockDeviceMappings: [{ deviceName: "/dev/xvdb", ebs }] },
});
const PREVIEW_KEY = { type: t.KMS_KEY, name: "k", props: { description: "k", enableKeyRotation: true } };
const fromKey = (property: string) => ({ propertyDependencies: { [property]: ["k"] } });

/**
 * The engine-path tests of stores judged only under requireCustomerManagedKey: `resources` give no
 * finding by default and exactly `expected` ([name, verdict]) with the setting; at preview,
 * `previewResources`, whose keys or flags are still unknown, give none.
 */
function cmkThroughEngine(cases: { resources: object[]; reports: string; expected: [string, string][]; preview: string; previewResources: object[] }): void {
    describe("through the engine path", () => {
        const engine = useEngine();

        it(cases.reports, async () => {
            expect((await engine.run({ resources: cases.resources })).of(POLICY)).toEqual([]);
            expect(byName(await engine.run({ resources: cases.resources }, CMK_RUN))).toEqual(cases.expected);
        });

        it(cases.preview, async () => {
            expect(findingsOrErrors(await engine.run({ preview: true, resources: cases.previewResources }, CMK_RUN))).toEqual([]);
        });
    });
}

/**
 * Stores judged only under requireCustomerManagedKey, each [label, type, props, what the finding
 * says]: exactly that finding, whose fix names `fix`, with the setting; none without it.
 */
function reportedOnlyUnderCmk(misses: [string, string, Record<string, unknown>, string][], fix = "requireCustomerManagedKey is true"): void {
    it.each(misses)("reported under requireCustomerManagedKey: %s", (_label, type, props, says) => {
        const found = judge(type, props, CMK).map((f) => f.message);
        expect(found).toEqual([expect.stringContaining(says)]);
        expect(found[0]).toContain(fix);
        expect(judge(type, props)).toEqual([]);
    });
}

const AMI = "ami-0abcdef1234567890";
/** An AMI copy as the registry's example declares it (the provider sends its default, `encrypted: false`, when unset). */
const AMI_COPY = { name: "base-copy", sourceAmiId: "ami-0abcdef1234567890", sourceAmiRegion: "us-west-1" };
const SNAPSHOT_IMPORT = { diskContainer: { format: "VHD", userBucket: { s3Bucket: "disk-images", s3Key: "source.vhd" } }, roleName: "disk-image-import" };
/** A feature group as the registry's example declares it (online store on). */
const FEATURE_GROUP = {
    featureGroupName: "orders", recordIdentifierFeatureName: "order_id", eventTimeFeatureName: "event_time", roleArn: "arn:aws:iam::111122223333:role/feature-store",
    featureDefinitions: [{ featureName: "order_id", featureType: "String" }, { featureName: "event_time", featureType: "String" }],
};
const AGENT = { agentName: "support-agent", agentResourceRoleArn: "arn:aws:iam::111122223333:role/bedrock-agent", foundationModel: "anthropic.claude-3-haiku-20240307-v1:0" };
const WORKSPACE = { directoryId: "d-9067a1b2c3", bundleId: "wsb-bh8rsxt14", userName: "jane.doe", workspaceProperties: { computeTypeName: "STANDARD", runningMode: "AUTO_STOP" } };

const DEFAULTS: EncryptionAtRestConfig = { requireCustomerManagedKey: false, ebsEncryptionByDefault: false };
/** A Spot Fleet request of provider v7 with one launch specification (the legacy API's instance-like devices). */
const FLEET = (ebsBlockDevices: Record<string, unknown>[], rootBlockDevices?: Record<string, unknown>[]) => ({
    iamFleetRole: "arn:aws:iam::111122223333:role/spot-fleet", targetCapacity: 2, spotPrice: "0.05", allocationStrategy: "lowestPrice",
    launchSpecifications: [{ ami: "ami-0abcdef1234567890", instanceType: "m5.large", ebsBlockDevices, ...(rootBlockDevices ? { rootBlockDevices } : {}) }],
});
const CMK: EncryptionAtRestConfig = { ...DEFAULTS, requireCustomerManagedKey: true };
const EBS_DEFAULT: EncryptionAtRestConfig = { ...DEFAULTS, ebsEncryptionByDefault: true };

/** Both parts on a stack of one resource: the policy's verdict on it (`check` of a fixture, outputs = inputs). */
/**
 * An Elastic Beanstalk environment as public Terraform programs declare it: a platform of AWS's
 * and a resized gp3 root volume (RootVolumeType, RootVolumeSize: no option encrypts it).
 */
const BEANSTALK_OPTION = (name: string, value: unknown) => ({ namespace: "aws:autoscaling:launchconfiguration", name, value });
const BEANSTALK = {
    application: "shop", solutionStackName: "64bit Amazon Linux 2023 v6.6.0 running Node.js 20",
    settings: [BEANSTALK_OPTION("RootVolumeType", "gp3"), BEANSTALK_OPTION("RootVolumeSize", "10"), { namespace: "aws:ec2:instances", name: "InstanceTypes", value: "t3.small" }],
};
const NODE_GROUP = {
    clusterName: "example", nodeGroupName: "example", nodeRoleArn: "arn:aws:iam::111122223333:role/eks-nodes", subnetIds: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"],
    scalingConfig: { desiredSize: 1, maxSize: 2, minSize: 1 }, updateConfig: { maxUnavailable: 1 },
};
/** An AWS Batch managed compute environment of provider v7 (`computeResources` omitted: an unmanaged one). */
const BATCH = (computeResources?: Record<string, unknown>) => ({
    name: "jobs", type: "MANAGED", serviceRole: "arn:aws:iam::111122223333:role/aws-batch", ...(computeResources ? { computeResources } : {}),
});
const BATCH_EC2 = {
    type: "EC2", allocationStrategy: "BEST_FIT_PROGRESSIVE", maxVcpus: 16, minVcpus: 0, instanceTypes: ["optimal"],
    instanceRole: "arn:aws:iam::111122223333:instance-profile/ecsInstanceRole", subnets: ["subnet-0a1b2c3d"], securityGroupIds: ["sg-0123456789abcdef0"],
};
const BATCH_FARGATE = { type: "FARGATE", maxVcpus: 16, subnets: ["subnet-0a1b2c3d"], securityGroupIds: ["sg-0123456789abcdef0"] };
const judge = (type: string, props: Record<string, unknown>, config = DEFAULTS) => {
    const store = resource(type, props, { name: "store" });
    return [...findUnencryptedDataStores(store, config), ...findEbsVolumesUnencrypted([store], config, { dryRun: false }), ...findMethodCachesUnencrypted([store], { dryRun: false })];
};

type Case = [label: string, type: string, props: Record<string, unknown>, config?: EncryptionAtRestConfig];

/** A Glue security configuration's three modes, each with the key when given. */
const glueModes = (s3: string, cloudwatch: string, bookmarks: string, kmsKeyArn?: string) => ({
    s3Encryption: { s3EncryptionMode: s3, kmsKeyArn },
    cloudwatchEncryption: { cloudwatchEncryptionMode: cloudwatch, kmsKeyArn },
    jobBookmarksEncryption: { jobBookmarksEncryptionMode: bookmarks, kmsKeyArn },
});

describe("encryption-at-rest: no false alarms (pure rule)", () => {
    const cases: Case[] = [
        // Replicas and restores inherit their source's encryption.
        ["RDS read replica, nothing declared", t.RDS_INSTANCE, { replicateSourceDb: "orders-db", instanceClass: "db.t4g.micro" }],
        ["RDS read replica with storageEncrypted false (ignored by the provider)", t.RDS_INSTANCE, { replicateSourceDb: "orders-db", storageEncrypted: false }],
        ["RDS cross-region replica with a key, under CMK", t.RDS_INSTANCE, { replicateSourceDb: "arn:aws:rds:us-east-1:111122223333:db:orders", storageEncrypted: true, kmsKeyId: KEY }, CMK],
        ["RDS replica under CMK without a key", t.RDS_INSTANCE, { replicateSourceDb: "orders-db" }, CMK],
        ["RDS snapshot restore", t.RDS_INSTANCE, { snapshotIdentifier: "rds:orders-2026-01-01-00-00", instanceClass: "db.t4g.micro" }],
        ["RDS point-in-time restore", t.RDS_INSTANCE, { restoreToPointInTime: { sourceDbInstanceIdentifier: "orders", useLatestRestorableTime: true } }],
        ["Aurora cluster snapshot restore", t.RDS_CLUSTER, { engine: "aurora-postgresql", snapshotIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:x" }],
        ["Multi-AZ cluster point-in-time restore", t.RDS_CLUSTER, { engine: "postgres", restoreToPointInTime: { sourceClusterIdentifier: "reporting", useLatestRestorableTime: true } }],
        ["Aurora cross-region replica cluster", t.RDS_CLUSTER, { engine: "aurora-mysql", replicationSourceIdentifier: "arn:aws:rds:us-west-2:111122223333:cluster:src", sourceRegion: "us-west-2" }],
        ["Multi-AZ cluster joining a global database", t.RDS_CLUSTER, { engine: "postgres", globalClusterIdentifier: "orders" }],
        ["Aurora global cluster without storageEncrypted (its clusters are Aurora clusters, encrypted by default)", t.RDS_GLOBAL_CLUSTER, { globalClusterIdentifier: "g", engine: "aurora-postgresql", engineVersion: "16.4" }],
        ["global cluster from a source cluster", t.RDS_GLOBAL_CLUSTER, { globalClusterIdentifier: "g", sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:primary" }],
        ["DocumentDB snapshot restore", t.DOCDB_CLUSTER, { engine: "docdb", snapshotIdentifier: "docs-2026-01-01" }],
        ["DocumentDB secondary of a global cluster", t.DOCDB_CLUSTER, { engine: "docdb", globalClusterIdentifier: "docs" }],
        ["Neptune read replica cluster", t.NEPTUNE_CLUSTER, { engine: "neptune", replicationSourceIdentifier: "arn:aws:rds:us-west-2:111122223333:cluster:graph" }],
        ["Redshift snapshot restore with encrypted false", t.REDSHIFT_CLUSTER, { clusterIdentifier: "dw", snapshotIdentifier: "dw-2026", encrypted: "false" }],
        // Aurora encryption lives on the cluster; new clusters are encrypted by default.
        ["Aurora cluster without storageEncrypted", t.RDS_CLUSTER, { engine: "aurora-postgresql", engineVersion: "16.4", masterUsername: "app", manageMasterUserPassword: true }],
        ["Aurora Serverless v1 cluster", t.RDS_CLUSTER, { engine: "aurora-mysql", engineMode: "serverless" }],
        // SNS keeps messages on encrypted disks; a KMS key only adds a layer (requireCustomerManagedKey asks for it).
        ["SNS topic without a key", t.SNS_TOPIC, { name: "alerts" }],
        ["SNS topic with an empty key (what KICS flags)", t.SNS_TOPIC, { name: "alerts", kmsMasterKeyId: "" }],
        ["Aurora cluster instance (its cluster decides)", t.RDS_CLUSTER_INSTANCE, { clusterIdentifier: "orders", instanceClass: "db.serverless", engine: "aurora-postgresql" }],
        ["an rds.Instance with an Aurora engine (AWS rejects it; the cluster decides)", t.RDS_INSTANCE, { engine: "aurora-postgresql", instanceClass: "db.r6g.large" }],
        ["RDS Custom instance (always encrypted)", t.RDS_INSTANCE, { engine: "custom-oracle-ee", instanceClass: "db.m5.large" }],
        // EC2: the AMI and the account default decide the root volume; snapshots decide devices.
        ["instance without rootBlockDevice", t.EC2_INSTANCE, { ami: AMI, instanceType: "t3.micro" }],
        ["instance with a rootBlockDevice that only sizes the volume", t.EC2_INSTANCE, { ami: AMI, instanceType: "t3.micro", rootBlockDevice: { volumeSize: 20, volumeType: "gp3" } }],
        ["instance device from a snapshot", t.EC2_INSTANCE, { ami: AMI, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-0123456789abcdef0" }] }],
        ["instance store devices are not EBS", t.EC2_INSTANCE, { ami: AMI, ephemeralBlockDevices: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }] }],
        ["instance launched from a template (the template is judged)", t.EC2_INSTANCE, { launchTemplate: { id: "lt-0123456789abcdef0", version: "$Latest" } }],
        ["volume from a snapshot", t.EBS_VOLUME, { availabilityZone: "eu-west-1a", snapshotId: "snap-0123456789abcdef0" }],
        ["launch template: encrypted \"true\" (the v7 string type)", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", deleteOnTermination: "true" } }] }],
        ["launch template: encrypted true (a boolean from JS/Python)", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }],
        ["launch template: instance store and suppressed mappings", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }, { deviceName: "/dev/sdc", noDevice: "" }] }],
        ["launch template: mapping from a snapshot", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: "snap-0123456789abcdef0" } }] }],
        ["launch template without mappings", t.EC2_LAUNCH_TEMPLATE, { imageId: AMI, instanceType: "t3.micro" }],
        ["launch configuration without devices", t.EC2_LAUNCH_CONFIGURATION, { imageId: AMI, instanceType: "t3.micro" }],
        // Account-level EBS encryption by default.
        ["volume without encrypted, account default on", t.EBS_VOLUME, { availabilityZone: "eu-west-1a", size: 10 }, EBS_DEFAULT],
        ["instance device without encrypted, account default on", t.EC2_INSTANCE, { ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 10 }] }, EBS_DEFAULT],
        ["launch template mapping without encrypted, account default on", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] }, EBS_DEFAULT],
        // An EKS managed node group with a launch template: the template decides (and is judged).
        ["EKS node group with a launch template", t.EKS_NODE_GROUP, { ...NODE_GROUP, launchTemplate: { id: "lt-0123456789abcdef0", version: "3" } }],
        ["EKS node group without a launch template, account default on", t.EKS_NODE_GROUP, NODE_GROUP, EBS_DEFAULT],
        // Services that always encrypt.
        ["SQS queue with nothing declared (SSE-SQS by default)", t.SQS_QUEUE, { name: "jobs" }],
        ["SQS queue with SSE-SQS", t.SQS_QUEUE, { sqsManagedSseEnabled: true }],
        ["SQS queue with a KMS key and SSE-SQS off", t.SQS_QUEUE, { sqsManagedSseEnabled: false, kmsMasterKeyId: "alias/aws/sqs" }],
        ["DynamoDB without a serverSideEncryption block", t.DYNAMODB_TABLE, { hashKey: "pk", attributes: [{ name: "pk", type: "S" }] }],
        ["DynamoDB with enabled false (an AWS owned key)", t.DYNAMODB_TABLE, { serverSideEncryption: { enabled: false } }],
        ["Redshift without encrypted (default true since 2025)", t.REDSHIFT_CLUSTER, { clusterIdentifier: "dw", nodeType: "ra3.xlplus" }],
        ["Redshift with encrypted \"true\"", t.REDSHIFT_CLUSTER, { encrypted: "true" }],
        ["Redshift with encrypted true (a boolean in a string field)", t.REDSHIFT_CLUSTER, { encrypted: true }],
        ["Valkey replication group without atRestEncryptionEnabled", t.ELASTICACHE_REPLICATION_GROUP, { description: "c", engine: "valkey" }],
        ["Valkey with a capitalised engine name", t.ELASTICACHE_REPLICATION_GROUP, { description: "c", engine: "Valkey" }],
        ["Redis replication group with data tiering (always encrypted)", t.ELASTICACHE_REPLICATION_GROUP, { description: "c", engine: "redis", nodeType: "cache.r6gd.xlarge", dataTieringEnabled: true }],
        ["secondary of a global datastore", t.ELASTICACHE_REPLICATION_GROUP, { description: "c", globalReplicationGroupId: "ldgnf-shop" }],
        ["Firehose reading from Kinesis (the stream's encryption)", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { destination: "extended_s3", kinesisSourceConfiguration: { kinesisStreamArn: "arn:aws:kinesis:eu-west-1:111122223333:stream/s", roleArn: "arn:aws:iam::111122223333:role/r" } }],
        ["Firehose reading from MSK", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { destination: "extended_s3", mskSourceConfiguration: { mskClusterArn: "arn:aws:kafka:eu-west-1:111122223333:cluster/c/x", topicName: "t", authenticationConfiguration: { connectivity: "PRIVATE", roleArn: "arn:aws:iam::111122223333:role/r" } } }],
        ["log group without a key", t.CLOUDWATCH_LOG_GROUP, { name: "/x" }],
        ["secret without a key", t.SECRETS_MANAGER_SECRET, { name: "x" }],
        ["ECR without encryptionConfigurations (AES256)", t.ECR_REPOSITORY, { name: "x" }],
        ["ECR with AES256", t.ECR_REPOSITORY, { name: "x", encryptionConfigurations: [{ encryptionType: "AES256" }] }],
        ["MSK cluster without a key", t.MSK_CLUSTER, { clusterName: "x", kafkaVersion: "3.6.0" }],
        ["MSK Serverless (no key input; not read)", t.MSK_SERVERLESS_CLUSTER, { clusterName: "x" }, CMK],
        ["DAX encrypted (no key input, so CMK does not apply)", t.DAX_CLUSTER, { serverSideEncryption: { enabled: true } }, CMK],
        // Services that always encrypt, with nothing declared: judged only for their key.
        ["FSx for Windows without a key", t.FSX_WINDOWS_FILE_SYSTEM, { storageCapacity: 32, subnetIds: ["subnet-1"], throughputCapacity: 32 }],
        ["persistent Lustre without a key", t.FSX_LUSTRE_FILE_SYSTEM, { storageCapacity: 1200, subnetIds: ["subnet-1"], deploymentType: "PERSISTENT_2", perUnitStorageThroughput: 125 }],
        ["scratch Lustre under CMK (no key input)", t.FSX_LUSTRE_FILE_SYSTEM, { storageCapacity: 1200, subnetIds: ["subnet-1"], deploymentType: "SCRATCH_2" }, CMK],
        ["Lustre with the default deployment type (scratch) under CMK", t.FSX_LUSTRE_FILE_SYSTEM, { storageCapacity: 1200, subnetIds: ["subnet-1"] }, CMK],
        ["Lustre with an unknown deployment type under CMK", t.FSX_LUSTRE_FILE_SYSTEM, { storageCapacity: 1200, subnetIds: ["subnet-1"], deploymentType: U }, CMK],
        ["Timestream database without a key", t.TIMESTREAM_DATABASE, { databaseName: "metrics" }],
        ["CloudTrail trail without a key", t.CLOUDTRAIL_TRAIL, { s3BucketName: "org-trail-logs", isMultiRegionTrail: true }],
        ["SageMaker notebook without a key", t.SAGEMAKER_NOTEBOOK_INSTANCE, { instanceType: "ml.t3.medium", roleArn: "arn:aws:iam::111122223333:role/sm" }],
        ["MQ broker with its AWS owned key", t.MQ_BROKER, { brokerName: "orders", engineType: "RabbitMQ", hostInstanceType: "mq.m7g.large" }],
        // Amazon MQ's encryption options do not apply to RabbitMQ brokers: no key to ask for.
        ["EFS replica without a key (always encrypted)", t.EFS_REPLICATION_CONFIGURATION, { sourceFileSystemId: "fs-0123456789abcdef0", destination: { region: "us-west-2" } }],
        ["CMK: an EFS replica with a key", t.EFS_REPLICATION_CONFIGURATION, { sourceFileSystemId: "fs-0123456789abcdef0", destination: { region: "us-west-2", kmsKeyId: KEY } }, CMK],
        ["CMK: replication to an existing file system (judged as that file system)", t.EFS_REPLICATION_CONFIGURATION,
            { sourceFileSystemId: "fs-0123456789abcdef0", destination: { fileSystemId: "fs-0fedcba9876543210", region: "us-west-2" } }, CMK],
        // Always encrypted: only requireCustomerManagedKey judges their keys, and only the stores a feature group has.
        ["a Bedrock agent without a key", t.BEDROCK_AGENT, AGENT],
        ["a feature group's online store without a key", t.SAGEMAKER_FEATURE_GROUP, { ...FEATURE_GROUP, onlineStoreConfig: { enableOnlineStore: true } }],
        ["CMK: a Bedrock agent with a key", t.BEDROCK_AGENT, { ...AGENT, customerEncryptionKeyArn: KEY }, CMK],
        ["CMK: a feature group whose online and offline stores name keys", t.SAGEMAKER_FEATURE_GROUP, {
            ...FEATURE_GROUP, onlineStoreConfig: { enableOnlineStore: true, securityConfig: { kmsKeyId: KEY } },
            offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://feature-store-offline/orders", kmsKeyId: KEY } },
        }, CMK],
        ["CMK: a feature group without an online store (off by default) or an offline store", t.SAGEMAKER_FEATURE_GROUP, { ...FEATURE_GROUP, onlineStoreConfig: { enableOnlineStore: false } }, CMK],
        ["CMK: a RabbitMQ broker (AWS owned keys only)", t.MQ_BROKER, { brokerName: "orders", engineType: "RabbitMQ", engineVersion: "3.13", hostInstanceType: "mq.m7g.large" }, CMK],
        ["CMK: a broker whose engine is unknown (preview)", t.MQ_BROKER, { brokerName: "orders", engineType: UNKNOWN_SENTINELS.string, hostInstanceType: "mq.m7g.large" }, CMK],
        ["CMK: a String parameter (no ciphertext, no key)", t.SSM_PARAMETER, { name: "/orders/queue-url", type: "String", value: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders" }, CMK],
        ["CMK: a SecureString parameter with a customer managed key", t.SSM_PARAMETER, { name: "/orders/db-password", type: "SecureString", keyId: KEY }, CMK],
        ["CMK: a parameter whose type is unknown at preview", t.SSM_PARAMETER, { name: "/orders/x", type: U }, CMK],
        ["a SecureString parameter with the default key (no CMK asked)", t.SSM_PARAMETER, { name: "/orders/db-password", type: "SecureString" }],
        ["Keyspaces table without an encryption block", t.KEYSPACES_TABLE, { keyspaceName: "k", tableName: "t" }],
        ["CMK: Keyspaces table with a customer managed key", t.KEYSPACES_TABLE, { keyspaceName: "k", tableName: "t", encryptionSpecification: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyIdentifier: KEY } }, CMK],
        ["CMK: FSx for ONTAP with a key", t.FSX_ONTAP_FILE_SYSTEM, { deploymentType: "MULTI_AZ_2", kmsKeyId: KEY }, CMK],
        ["CMK: CloudTrail with a key", t.CLOUDTRAIL_TRAIL, { s3BucketName: "org-trail-logs", kmsKeyId: KEY }, CMK],
        ["CMK: MQ broker with a key", t.MQ_BROKER, { brokerName: "orders", encryptionOptions: { kmsKeyId: KEY, useAwsOwnedKey: false } }, CMK],
        // EKS (1.28 and later envelope-encrypts all API data), DMS and Managed Prometheus always encrypt.
        ["EKS cluster without encryptionConfig", t.EKS_CLUSTER, { name: "shop", roleArn: "arn:aws:iam::111122223333:role/eks", vpcConfig: { subnetIds: ["subnet-1", "subnet-2"] } }],
        ["CMK: an encrypted RDS instance without Performance Insights", t.RDS_INSTANCE, { engine: "postgres", instanceClass: "db.t4g.micro", storageEncrypted: true, kmsKeyId: KEY }, CMK],
        ["CMK: Performance Insights with a customer managed key", t.RDS_INSTANCE, { engine: "postgres", storageEncrypted: true, kmsKeyId: KEY, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY }, CMK],
        ["CMK: an Aurora instance whose Performance Insights flag is unknown at preview", t.RDS_CLUSTER_INSTANCE, { engine: "aurora-postgresql", instanceClass: "db.r6g.large", performanceInsightsEnabled: UB }, CMK],
        ["an Aurora instance with Performance Insights and aws/rds (no CMK asked)", t.RDS_CLUSTER_INSTANCE, { engine: "aurora-postgresql", instanceClass: "db.r6g.large", performanceInsightsEnabled: true }],
        ["CMK: EKS cluster with a customer managed key for secrets", t.EKS_CLUSTER, { name: "shop", encryptionConfig: { provider: { keyArn: KEY }, resources: ["secrets"] } }, CMK],
        ["CMK: EKS cluster whose key is unknown at preview", t.EKS_CLUSTER, { name: "shop", encryptionConfig: { provider: { keyArn: U }, resources: ["secrets"] } }, CMK],
        ["DMS replication instance without a key", t.DMS_REPLICATION_INSTANCE, { replicationInstanceId: "m", replicationInstanceClass: "dms.t3.medium", allocatedStorage: 50 }],
        ["CMK: DMS replication instance with a key", t.DMS_REPLICATION_INSTANCE, { replicationInstanceId: "m", replicationInstanceClass: "dms.t3.medium", kmsKeyArn: KEY }, CMK],
        ["CMK: DMS Serverless replication with a key", t.DMS_REPLICATION_CONFIG, { replicationConfigIdentifier: "m", computeConfig: { replicationSubnetGroupId: "g", maxCapacityUnits: 16, kmsKeyId: KEY } }, CMK],
        ["Managed Prometheus workspace without a key", t.AMP_WORKSPACE, { alias: "metrics" }],
        ["CodeCommit repository without a key", t.CODECOMMIT_REPOSITORY, { repositoryName: "infra" }],
        ["CMK: CodeCommit repository with a key", t.CODECOMMIT_REPOSITORY, { repositoryName: "infra", kmsKeyId: KEY }, CMK],
        ["CodeArtifact domain without a key", t.CODEARTIFACT_DOMAIN, { domain: "packages" }],
        ["CMK: CodeArtifact domain with a key", t.CODEARTIFACT_DOMAIN, { domain: "packages", encryptionKey: KEY }, CMK],
        ["Storage Gateway stored volume with S3-managed keys", t.STORAGEGATEWAY_STORED_VOLUME, { gatewayArn: "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-1", targetName: "v", diskId: "d", preserveExistingData: false, networkInterfaceId: "10.0.0.5" }],
        ["CMK: Storage Gateway stored volume with a key", t.STORAGEGATEWAY_STORED_VOLUME, { gatewayArn: "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-1", targetName: "v", diskId: "d", preserveExistingData: false, networkInterfaceId: "10.0.0.5", kmsEncrypted: true, kmsKey: KEY }, CMK],
        ["CMK: Storage Gateway SMB share with an unknown key at preview", t.STORAGEGATEWAY_SMB_FILE_SHARE, { gatewayArn: "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-1", kmsEncrypted: true, kmsKeyArn: U, locationArn: "arn:aws:s3:::b", roleArn: "arn:aws:iam::111122223333:role/sgw" }, CMK],
        ["Aurora DSQL cluster with nothing declared", t.DSQL_CLUSTER, { deletionProtectionEnabled: true }],
        ["Aurora DSQL cluster with the AWS owned key named", t.DSQL_CLUSTER, { kmsEncryptionKey: "AWS_OWNED_KMS_KEY" }],
        ["CMK: Aurora DSQL cluster with a key", t.DSQL_CLUSTER, { kmsEncryptionKey: KEY }, CMK],
        ["S3 table bucket with nothing declared (SSE-S3)", t.S3TABLES_TABLE_BUCKET, { name: "analytics" }],
        ["S3 table bucket with AES256", t.S3TABLES_TABLE_BUCKET, { name: "analytics", encryptionConfiguration: { sseAlgorithm: "AES256", kmsKeyArn: "" } }],
        ["CMK: S3 table bucket with aws:kms and a key", t.S3TABLES_TABLE_BUCKET, { name: "analytics", encryptionConfiguration: { sseAlgorithm: "aws:kms", kmsKeyArn: KEY } }, CMK],
        ["CMK: S3 table bucket whose algorithm is unknown", t.S3TABLES_TABLE_BUCKET, { name: "analytics", encryptionConfiguration: { sseAlgorithm: U, kmsKeyArn: U } }, CMK],
        ["CMK: Managed Prometheus workspace with a key", t.AMP_WORKSPACE, { alias: "metrics", kmsKeyArn: KEY }, CMK],
        // Image Builder container recipes (docs: not judged): the build instance's volumes are temporary, the image goes to
        // ECR (judged there), and `kmsKeyId` encrypts the Dockerfile template (the CreateContainerRecipe API).
        ["container recipe whose build volume leaves encrypted unset", t.IMAGEBUILDER_CONTAINER_RECIPE, CONTAINER_RECIPE({ volumeSize: 100, volumeType: "gp3" })],
        ["CMK: container recipe without kmsKeyId and a build volume encrypted \"false\"", t.IMAGEBUILDER_CONTAINER_RECIPE, CONTAINER_RECIPE({ volumeSize: 100, encrypted: "false" }), CMK],
        ["CMK: CDK CfnContainerRecipe without kmsKeyId", t.NATIVE_IMAGEBUILDER_CONTAINER_RECIPE, {
            name: "app", version: "1.0.0", containerType: "DOCKER", parentImage: "amazonlinux:latest", components: [{ componentArn: "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x" }],
            targetRepository: { service: "ECR", repositoryName: "app" }, instanceConfiguration: { blockDeviceMappings: [{ deviceName: "/dev/xvdb", ebs: { volumeSize: 100 } }] },
        }, CMK],
        // A Glue Data Catalog is encrypted in either SSE-KMS mode; without a key, with aws/glue.
        ["Glue Data Catalog with SSE-KMS and the AWS managed key", t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, { dataCatalogEncryptionSettings: { encryptionAtRest: { catalogEncryptionMode: "SSE-KMS" } } }],
        ["Glue Data Catalog whose mode is unknown at preview", t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, { dataCatalogEncryptionSettings: { encryptionAtRest: { catalogEncryptionMode: U } } }, CMK],
        ["Glue Data Catalog whose settings block is unknown at preview", t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, { dataCatalogEncryptionSettings: UNKNOWN_SENTINELS.object }, CMK],
        ["Glue security configuration with every mode DISABLED (each store keeps its own encryption)", t.GLUE_SECURITY_CONFIGURATION, { name: "g", encryptionConfiguration: glueModes("DISABLED", "DISABLED", "DISABLED") }],
        ["Glue security configuration without modes (DISABLED by default)", t.GLUE_SECURITY_CONFIGURATION, { name: "g", encryptionConfiguration: { s3Encryption: {}, cloudwatchEncryption: {}, jobBookmarksEncryption: {} } }],
        ["CMK: Glue security configuration with every mode on KMS and a key", t.GLUE_SECURITY_CONFIGURATION, { name: "g", encryptionConfiguration: glueModes("SSE-KMS", "SSE-KMS", "CSE-KMS", KEY) }, CMK],
        ["CMK: Glue security configuration whose modes are unknown at preview", t.GLUE_SECURITY_CONFIGURATION, { name: "g", encryptionConfiguration: glueModes(U, U, U, KEY) }, CMK],
        ["CMK: Glue security configuration whose keys are unknown at preview", t.GLUE_SECURITY_CONFIGURATION, { name: "g", encryptionConfiguration: glueModes("SSE-KMS", "SSE-KMS", "CSE-KMS", U) }, CMK],
        ["CMK: Glue Data Catalog with SSE-KMS and a customer managed key", t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, { dataCatalogEncryptionSettings: { encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: KEY } } }, CMK],
        ["WorkSpace with both volumes encrypted by the AWS managed key", t.WORKSPACES_WORKSPACE, { ...WORKSPACE, rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/aws/workspaces" }],
        ["WorkSpace encrypted with a customer managed key", t.WORKSPACES_WORKSPACE, { ...WORKSPACE, rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: KEY }, CMK],
        ["WorkSpace: flags unknown at preview", t.WORKSPACES_WORKSPACE, { ...WORKSPACE, rootVolumeEncryptionEnabled: UB, userVolumeEncryptionEnabled: UB, volumeEncryptionKey: U }, CMK],
        ["launch configuration device encrypted under CMK (no key input)", t.EC2_LAUNCH_CONFIGURATION, { ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }, CMK],
        // Customer managed keys in every form.
        ["CMK: key ARN", t.SNS_TOPIC, { kmsMasterKeyId: KEY }, CMK],
        ["CMK: key id", t.SNS_TOPIC, { kmsMasterKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }, CMK],
        ["CMK: multi-Region key id", t.SQS_QUEUE, { kmsMasterKeyId: "mrk-1234abcd12ab34cd56ef1234567890ab" }, CMK],
        ["CMK: custom alias", t.KINESIS_STREAM, { encryptionType: "KMS", kmsKeyId: "alias/shop-events" }, CMK],
        ["CMK: custom alias ARN", t.SECRETS_MANAGER_SECRET, { kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/shop-secrets" }, CMK],
        ["CMK: alias named like a service but not under alias/aws/", t.CLOUDWATCH_LOG_GROUP, { kmsKeyId: "alias/awslogs" }, CMK],
        ["CMK: Aurora with a key", t.RDS_CLUSTER, { engine: "aurora-postgresql", storageEncrypted: true, kmsKeyId: KEY }, CMK],
        ["CMK: DynamoDB with a key and keyed replicas", t.DYNAMODB_TABLE, { serverSideEncryption: { enabled: true, kmsKeyArn: KEY }, replicas: [{ regionName: "us-west-2", kmsKeyArn: KEY }] }, CMK],
        ["CMK: Firehose with a customer managed key", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { destination: "extended_s3", serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: KEY } }, CMK],
        ["CMK: ECR with KMS_DSSE and a key", t.ECR_REPOSITORY, { encryptionConfigurations: [{ encryptionType: "KMS_DSSE", kmsKey: KEY }] }, CMK],
        ["CMK: instance root and device with keys", t.EC2_INSTANCE, { rootBlockDevice: { encrypted: true, kmsKeyId: KEY }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: KEY }] }, CMK],
        ["CMK: launch template with a key", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY } }] }, CMK],
        ["spot fleet: devices encrypted, root left to the AMI", t.EC2_SPOT_FLEET_REQUEST, FLEET([{ deviceName: "/dev/sdf", volumeSize: 100, encrypted: true }], [{ volumeSize: 20 }])],
        ["spot fleet: a data device from a snapshot", t.EC2_SPOT_FLEET_REQUEST, FLEET([{ deviceName: "/dev/sdf", snapshotId: "snap-0123456789abcdef0" }])],
        ["spot fleet: data devices unset, the account default on (config)", t.EC2_SPOT_FLEET_REQUEST, FLEET([{ deviceName: "/dev/sdf", volumeSize: 100 }]), EBS_DEFAULT],
        ["spot fleet: launch templates instead of specifications (judged as launch templates)", t.EC2_SPOT_FLEET_REQUEST, {
            iamFleetRole: "arn:aws:iam::111122223333:role/spot-fleet", targetCapacity: 2,
            launchTemplateConfigs: [{ launchTemplateSpecification: { id: "lt-0123456789abcdef0", version: "$Latest" } }],
        }],
        ["CMK: spot fleet devices with keys", t.EC2_SPOT_FLEET_REQUEST, FLEET([{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: KEY }], [{ encrypted: true, kmsKeyId: KEY }]), CMK],
        // An AMI copy or snapshot import that asks for encryption (amrigo/aws-terraform exercise_2/ami_copy.tf), or is credited by config.
        ["an AMI copy with encrypted true", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: true }],
        ["CMK: an AMI copy with encrypted true and a key", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: true, kmsKeyId: KEY }, CMK],
        ["an AMI copy left unset, the account default on (config)", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: false }, EBS_DEFAULT],
        ["after an update: an AMI copy whose block devices report encrypted (its source was)", t.EC2_AMI_COPY,
            { ...AMI_COPY, encrypted: false, ebsBlockDevices: [{ deviceName: "/dev/xvda", encrypted: true, snapshotId: "snap-0123456789abcdef0" }] }],
        ["a snapshot import with encrypted true", t.EBS_SNAPSHOT_IMPORT, { ...SNAPSHOT_IMPORT, encrypted: true }],
        // A snapshot copy keeps its source's encryption, as a read replica does: the source volume is judged.
        ["an EBS snapshot copy (its source decides)", t.EBS_SNAPSHOT_COPY, { sourceSnapshotId: "snap-0123456789abcdef0", sourceRegion: "us-west-2" }],
        ["other types are not read", t.S3_BUCKET_V2, {}, CMK],
    ];
    it.each(cases)("%s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });
});

describe("encryption-at-rest: violations (pure rule)", () => {
    const cases: [...Case, string][] = [
        ["EBS volume with nothing declared", t.EBS_VOLUME, { availabilityZone: "eu-west-1a", size: 10 }, DEFAULTS, "encrypted is not set"],
        ["EBS volume encrypted false, even with the account default on (AWS would override it, the program says otherwise)", t.EBS_VOLUME, { encrypted: false }, EBS_DEFAULT, "encrypted is false"],
        ["instance root declared unencrypted", t.EC2_INSTANCE, { rootBlockDevice: { volumeSize: 20, encrypted: false } }, DEFAULTS, "rootBlockDevice.encrypted is false"],
        ["instance device unset", t.EC2_INSTANCE, { ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100 }] }, DEFAULTS, "ebsBlockDevices[0].encrypted is not set"],
        ["second device unset, first from a snapshot", t.EC2_INSTANCE, { ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-1" }, { deviceName: "/dev/sdg", volumeSize: 5 }] }, DEFAULTS, "ebsBlockDevices[1].encrypted"],
        ["spot request device unset", t.EC2_SPOT_INSTANCE_REQUEST, { ebsBlockDevices: [{ deviceName: "/dev/sdf" }] }, DEFAULTS, "ebsBlockDevices[0].encrypted is not set"],
        ["spot fleet: a launch specification's data device unset", t.EC2_SPOT_FLEET_REQUEST, FLEET([{ deviceName: "/dev/sdf", volumeSize: 100 }]), DEFAULTS,
            "launchSpecifications[0].ebsBlockDevices[0].encrypted is not set"],
        ["spot fleet: a launch specification's root declared unencrypted", t.EC2_SPOT_FLEET_REQUEST, FLEET([], [{ volumeSize: 20, encrypted: false }]), DEFAULTS,
            "launchSpecifications[0].rootBlockDevices[0].encrypted is false"],
        ["CMK: a spot fleet root device without a key", t.EC2_SPOT_FLEET_REQUEST, FLEET([], [{ encrypted: true }]), CMK,
            "launchSpecifications[0].rootBlockDevices[0].kmsKeyId is not set"],
        ["CMK: a spot fleet data device without a key", t.EC2_SPOT_FLEET_REQUEST, FLEET([{ deviceName: "/dev/sdf", encrypted: true }]), CMK,
            "launchSpecifications[0].ebsBlockDevices[0].kmsKeyId is not set"],
        ["launch configuration device declared unencrypted", t.EC2_LAUNCH_CONFIGURATION, { ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }] }, DEFAULTS, "encrypted is false"],
        ["launch template \"false\"", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ ebs: { encrypted: "false" } }] }, DEFAULTS, 'ebs.encrypted is "false"'],
        ["launch template false (a boolean)", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ ebs: { encrypted: false } }] }, DEFAULTS, "ebs.encrypted is false"],
        // A copy of a public AMI's root mapping (its snapshot, unencrypted) declared unencrypted (wri/gfw-aws-core-infrastructure).
        ["launch template \"false\" on a mapping from a snapshot", t.EC2_LAUNCH_TEMPLATE,
            { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { snapshotId: "snap-0b0fa8a4e2cbdeed2", encrypted: "false", volumeSize: 256, deleteOnTermination: "true" } }] }, DEFAULTS,
            'blockDeviceMappings[0].ebs.encrypted is "false"'],
        ["launch configuration device from a snapshot declared unencrypted", t.EC2_LAUNCH_CONFIGURATION,
            { ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-0123456789abcdef0", encrypted: false }] }, DEFAULTS, "ebsBlockDevices[0].encrypted is false"],
        ["launch template empty string (what the provider sends for unset)", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ ebs: { encrypted: "", volumeSize: 20 } }] }, DEFAULTS, "ebs.encrypted is not set"],
        ["launch template mapping only sizes the volume (@pulumi/eks default)", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, deleteOnTermination: true } }] }, DEFAULTS, "nodeRootVolumeEncrypted"],
        // EKS builds the template from a public EKS-optimized AMI (aws/containers-roadmap#1774).
        // A copy of an unencrypted AMI stays unencrypted (fortunecloudsolutions/Terraform-modules aws/modules/ami/ami-copy; Checkov CKV_AWS_235).
        ["an AMI copy that leaves encrypted unset", t.EC2_AMI_COPY, AMI_COPY, DEFAULTS,
            "encrypted is not set (the copy keeps the source AMI's encryption, and public AMIs are unencrypted; EBS creates the volume unencrypted"],
        ["an AMI copy with encrypted false (the provider's default)", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: false }, DEFAULTS, "encrypted is false"],
        ["a snapshot import that leaves encrypted unset (the registry's example)", t.EBS_SNAPSHOT_IMPORT, SNAPSHOT_IMPORT, DEFAULTS,
            "encrypted is not set (VM Import/Export imports the disk image into an unencrypted snapshot"],
        ["CMK: an encrypted AMI copy without a key", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: true }, CMK, "kmsKeyId is not set (EBS uses the region's default EBS key"],
        ["EKS managed node group without a launch template (the registry's example)", t.EKS_NODE_GROUP, { ...NODE_GROUP, diskSize: 40 }, DEFAULTS,
            "launchTemplate is not set (EKS then builds one whose nodes' root volumes nothing encrypts; EBS creates the volume unencrypted unless encryption by default is on"],
        ["RDS instance unset", t.RDS_INSTANCE, { engine: "postgres", instanceClass: "db.t4g.micro" }, DEFAULTS, "storageEncrypted is not set (RDS creates the instance unencrypted)"],
        ["RDS instance false", t.RDS_INSTANCE, { engine: "mysql", storageEncrypted: false }, DEFAULTS, "storageEncrypted is false"],
        ["RDS instance: string \"true\" is not the boolean the provider takes", t.RDS_INSTANCE, { engine: "mysql", storageEncrypted: "true" }, DEFAULTS, "is a string, not the boolean true"],
        ["Aurora cluster false", t.RDS_CLUSTER, { engine: "aurora-mysql", storageEncrypted: false }, DEFAULTS, "storageEncrypted is false"],
        ["Multi-AZ cluster unset", t.RDS_CLUSTER, { engine: "mysql", dbClusterInstanceClass: "db.m6gd.large" }, DEFAULTS, "Multi-AZ DB clusters unencrypted"],
        ["Aurora global cluster false", t.RDS_GLOBAL_CLUSTER, { globalClusterIdentifier: "g", engine: "aurora-mysql", storageEncrypted: false }, DEFAULTS, "or remove it (Aurora encrypts new clusters by default)"],
        ["DocumentDB unset", t.DOCDB_CLUSTER, { engine: "docdb" }, DEFAULTS, "DocumentDB creates the cluster unencrypted"],
        ["DocumentDB global unset", t.DOCDB_GLOBAL_CLUSTER, { globalClusterIdentifier: "g", engine: "docdb" }, DEFAULTS, "storageEncrypted is not set"],
        ["Neptune unset", t.NEPTUNE_CLUSTER, { engine: "neptune" }, DEFAULTS, "kmsKeyArn"],
        ["Neptune global false", t.NEPTUNE_GLOBAL_CLUSTER, { globalClusterIdentifier: "g", storageEncrypted: false }, DEFAULTS, "storageEncrypted is false"],
        ["Redshift \"false\"", t.REDSHIFT_CLUSTER, { encrypted: "false" }, DEFAULTS, 'encrypted is "false"'],
        ["Redshift false (a boolean)", t.REDSHIFT_CLUSTER, { encrypted: false }, DEFAULTS, "encrypted is false"],
        ["EFS unset", t.EFS_FILE_SYSTEM, {}, DEFAULTS, "encrypted is not set"],
        ["SQS: SSE-SQS turned off without a KMS key", t.SQS_QUEUE, { name: "jobs", sqsManagedSseEnabled: false }, DEFAULTS, "sqsManagedSseEnabled is false"],
        ["Kinesis unset", t.KINESIS_STREAM, { shardCount: 1 }, DEFAULTS, "encryptionType is not set (Kinesis Data Streams defaults it to NONE)"],
        ["Kinesis NONE (filled in by the provider)", t.KINESIS_STREAM, { encryptionType: "NONE" }, DEFAULTS, 'encryptionType is "NONE"'],
        ["Firehose Direct PUT without SSE", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { destination: "extended_s3" }, DEFAULTS, "serverSideEncryption.enabled is not set"],
        ["Firehose SSE disabled", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { serverSideEncryption: { enabled: false, keyType: "AWS_OWNED_CMK" } }, DEFAULTS, "serverSideEncryption.enabled is false"],
        ["Redis replication group, engine unset (the provider's default, redis)", t.ELASTICACHE_REPLICATION_GROUP, { description: "c" }, DEFAULTS, "defaults it to false for the redis engine"],
        ["Valkey with at-rest encryption off", t.ELASTICACHE_REPLICATION_GROUP, { description: "c", engine: "valkey", atRestEncryptionEnabled: false }, DEFAULTS, "atRestEncryptionEnabled is false"],
        ["OpenSearch unset", t.OPENSEARCH_DOMAIN, { domainName: "s" }, DEFAULTS, "encryptAtRest.enabled is not set"],
        ["Elasticsearch disabled", t.ELASTICSEARCH_DOMAIN, { encryptAtRest: { enabled: false } }, DEFAULTS, "encryptAtRest.enabled is false"],
        ["DAX unset", t.DAX_CLUSTER, { clusterName: "d" }, DEFAULTS, "serverSideEncryption.enabled is not set"],
        ["WorkSpace with only the user volume encrypted", t.WORKSPACES_WORKSPACE, { ...WORKSPACE, userVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/aws/workspaces" }, DEFAULTS,
            "rootVolumeEncryptionEnabled is not set (WorkSpaces creates the root volume unencrypted)"],
        ["WorkSpace with only the root volume encrypted", t.WORKSPACES_WORKSPACE, { ...WORKSPACE, rootVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/aws/workspaces" }, DEFAULTS, "userVolumeEncryptionEnabled is not set (WorkSpaces creates the user volume unencrypted)"],
        ["WorkSpace user volume turned off", t.WORKSPACES_WORKSPACE, { ...WORKSPACE, rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: false, volumeEncryptionKey: "alias/aws/workspaces" }, DEFAULTS, "userVolumeEncryptionEnabled is false"],
        // requireCustomerManagedKey
        ["CMK: EBS volume encrypted with the default key", t.EBS_VOLUME, { encrypted: true }, CMK, "kmsKeyId is not set (EBS uses the region's default EBS key"],
        ["CMK: EBS volume with the AWS managed alias", t.EBS_VOLUME, { encrypted: true, kmsKeyId: "alias/aws/ebs" }, CMK, "names the AWS managed key aws/ebs"],
        ["CMK: alias ARN of an AWS managed key (another partition)", t.EBS_VOLUME, { encrypted: true, kmsKeyId: "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/ebs" }, CMK, "aws/ebs"],
        ["CMK: account default on, volume names no key", t.EBS_VOLUME, { size: 10 }, { ...CMK, ebsEncryptionByDefault: true }, "kmsKeyId is not set"],
        ["CMK: instance without rootBlockDevice", t.EC2_INSTANCE, { ami: AMI }, CMK, "rootBlockDevice.kmsKeyId is not set"],
        ["CMK: launch template encrypted without a key", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ ebs: { encrypted: "true" } }] }, CMK, "blockDeviceMappings[0].ebs.kmsKeyId is not set"],
        ["CMK: RDS instance with the default key", t.RDS_INSTANCE, { engine: "postgres", storageEncrypted: true }, CMK, "aws/rds"],
        ["CMK: RDS Custom without a key", t.RDS_INSTANCE, { engine: "custom-sqlserver-ee" }, CMK, "kmsKeyId is not set"],
        ["CMK: Aurora left to its AWS owned default", t.RDS_CLUSTER, { engine: "aurora-postgresql" }, CMK, "AWS owned key"],
        ["CMK: DocumentDB with the AWS managed key", t.DOCDB_CLUSTER, { storageEncrypted: true, kmsKeyId: "alias/aws/rds" }, CMK, "aws/rds"],
        ["CMK: DocumentDB elastic cluster", t.DOCDB_ELASTIC_CLUSTER, { name: "e" }, CMK, "kmsKeyId is not set"],
        ["CMK: Neptune without kmsKeyArn", t.NEPTUNE_CLUSTER, { storageEncrypted: true }, CMK, "kmsKeyArn is not set"],
        ["CMK: Redshift with nothing declared (AWS owned key)", t.REDSHIFT_CLUSTER, { clusterIdentifier: "dw" }, CMK, "AWS owned key"],
        ["CMK: Redshift Serverless", t.REDSHIFT_SERVERLESS_NAMESPACE, { namespaceName: "n" }, CMK, "kmsKeyId is not set"],
        ["CMK: EFS with the default key", t.EFS_FILE_SYSTEM, { encrypted: true }, CMK, "aws/elasticfilesystem"],
        ["CMK: DynamoDB without a block (AWS owned key)", t.DYNAMODB_TABLE, { hashKey: "pk" }, CMK, "serverSideEncryption.enabled is not set"],
        ["CMK: DynamoDB enabled false", t.DYNAMODB_TABLE, { serverSideEncryption: { enabled: false } }, CMK, "AWS owned key"],
        ["CMK: DynamoDB AWS managed key", t.DYNAMODB_TABLE, { serverSideEncryption: { enabled: true } }, CMK, "aws/dynamodb"],
        ["CMK: SQS with SSE-SQS by default", t.SQS_QUEUE, { name: "q" }, CMK, "SQS-owned keys"],
        ["CMK: SQS with alias/aws/sqs", t.SQS_QUEUE, { kmsMasterKeyId: "alias/aws/sqs" }, CMK, "aws/sqs"],
        ["CMK: SNS with alias/aws/sns", t.SNS_TOPIC, { kmsMasterKeyId: "alias/aws/sns" }, CMK, "aws/sns"],
        ["CMK: SecureString parameter with the default key", t.SSM_PARAMETER, { name: "/orders/db-password", type: "SecureString", value: "x" }, CMK, "keyId is not set (Parameter Store uses the AWS managed key aws/ssm)"],
        ["CMK: SecureString parameter with alias/aws/ssm", t.SSM_PARAMETER, { name: "/orders/db-password", type: "SecureString", keyId: "alias/aws/ssm" }, CMK, "names the AWS managed key aws/ssm"],
        ["CMK: Kinesis video stream without a key", t.KINESIS_VIDEO_STREAM, { name: "cam", dataRetentionInHours: 24 }, CMK, "aws/kinesisvideo"],
        ["CMK: Keyspaces table with its AWS owned key", t.KEYSPACES_TABLE, { keyspaceName: "k", tableName: "t", encryptionSpecification: { type: "AWS_OWNED_KMS_KEY" } }, CMK,
            'encryptionSpecification.kmsKeyIdentifier is not set (Keyspaces uses an AWS owned key). requireCustomerManagedKey is true: set `kmsKeyIdentifier` to a customer managed KMS key (e.g. `key.arn`, with `type: "CUSTOMER_MANAGED_KMS_KEY"`)'],
        ["CMK: FSx for OpenZFS without a key", t.FSX_OPENZFS_FILE_SYSTEM, { deploymentType: "SINGLE_AZ_2", storageCapacity: 64 }, CMK, "kmsKeyId is not set (FSx uses the AWS managed key aws/fsx)"],
        ["CMK: persistent Lustre with aws/fsx", t.FSX_LUSTRE_FILE_SYSTEM, { deploymentType: "PERSISTENT_1", kmsKeyId: "alias/aws/fsx" }, CMK, "names the AWS managed key aws/fsx"],
        ["CMK: Timestream database without a key", t.TIMESTREAM_DATABASE, { databaseName: "metrics" }, CMK, "aws/timestream"],
        ["CMK: CloudTrail without a key", t.CLOUDTRAIL_TRAIL, { s3BucketName: "org-trail-logs" }, CMK, "kmsKeyId is not set (CloudTrail log files get the bucket's encryption"],
        ["CMK: SageMaker notebook without a key", t.SAGEMAKER_NOTEBOOK_INSTANCE, { instanceType: "ml.t3.medium" }, CMK, "kmsKeyId is not set"],
        ["CMK: an Aurora instance with Performance Insights and no key", t.RDS_CLUSTER_INSTANCE, { engine: "aurora-postgresql", instanceClass: "db.r6g.large", performanceInsightsEnabled: true }, CMK,
            "performanceInsightsKmsKeyId is not set (Performance Insights uses the AWS managed key aws/rds)"],
        ["CMK: a Multi-AZ DB cluster's Performance Insights with aws/rds", t.RDS_CLUSTER, { engine: "postgres", storageEncrypted: true, kmsKeyId: KEY, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: "alias/aws/rds" }, CMK,
            "performanceInsightsKmsKeyId names the AWS managed key aws/rds"],
        ["CMK: EKS cluster without encryptionConfig", t.EKS_CLUSTER, { name: "shop", roleArn: "arn:aws:iam::111122223333:role/eks" }, CMK,
            'encryptionConfig.provider.keyArn is not set (EKS envelope-encrypts Kubernetes API data with an AWS owned key). requireCustomerManagedKey is true: set `keyArn` to a customer managed KMS key (e.g. `key.arn`, with `resources: ["secrets"]`; @pulumi/eks: `encryptionConfigKeyArn`)'],
        ["CMK: DMS replication instance without a key", t.DMS_REPLICATION_INSTANCE, { replicationInstanceId: "m", replicationInstanceClass: "dms.t3.medium" }, CMK, "kmsKeyArn is not set (DMS uses the AWS managed key aws/dms)"],
        ["CMK: DMS replication instance with aws/dms", t.DMS_REPLICATION_INSTANCE, { replicationInstanceId: "m", kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/aws/dms" }, CMK, "names the AWS managed key aws/dms"],
        ["CMK: DMS Serverless replication without a key", t.DMS_REPLICATION_CONFIG, { replicationConfigIdentifier: "m", computeConfig: { replicationSubnetGroupId: "g", maxCapacityUnits: 16 } }, CMK, "computeConfig.kmsKeyId is not set"],
        ["CMK: CodeCommit repository with aws/codecommit", t.CODECOMMIT_REPOSITORY, { repositoryName: "infra", kmsKeyId: "alias/aws/codecommit" }, CMK, "kmsKeyId names the AWS managed key aws/codecommit"],
        ["CMK: CodeArtifact domain without a key", t.CODEARTIFACT_DOMAIN, { domain: "packages" }, CMK, "encryptionKey is not set (CodeArtifact uses the AWS managed key aws/codeartifact)"],
        ["CMK: Storage Gateway cached volume without a key", t.STORAGEGATEWAY_CACHED_VOLUME, { gatewayArn: "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-1", targetName: "v", volumeSizeInBytes: 1073741824, networkInterfaceId: "10.0.0.5" }, CMK,
            "kmsKey is not set (Storage Gateway stores the volume in S3 with S3-managed keys)"],
        ["CMK: Storage Gateway NFS share with kmsEncrypted false", t.STORAGEGATEWAY_NFS_FILE_SHARE, { gatewayArn: "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-1", kmsEncrypted: false, locationArn: "arn:aws:s3:::b", roleArn: "arn:aws:iam::111122223333:role/sgw" }, CMK,
            "kmsKeyArn is not set (Storage Gateway writes the share's objects with S3-managed keys)"],
        ["CMK: Storage Gateway SMB share naming the AWS managed key", t.STORAGEGATEWAY_SMB_FILE_SHARE, { gatewayArn: "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-1", kmsEncrypted: true, kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3", locationArn: "arn:aws:s3:::b", roleArn: "arn:aws:iam::111122223333:role/sgw" }, CMK,
            "kmsKeyArn"],
        ["CMK: Aurora DSQL cluster without a key", t.DSQL_CLUSTER, { deletionProtectionEnabled: true }, CMK, "kmsEncryptionKey is not set (Aurora DSQL uses an AWS owned key)"],
        ["CMK: Aurora DSQL cluster with the AWS owned key", t.DSQL_CLUSTER, { kmsEncryptionKey: "AWS_OWNED_KMS_KEY" }, CMK, 'kmsEncryptionKey is "AWS_OWNED_KMS_KEY", an AWS owned key'],
        ["CMK: S3 table bucket with nothing declared", t.S3TABLES_TABLE_BUCKET, { name: "analytics" }, CMK, "encryptionConfiguration.sseAlgorithm is not set (S3 Tables encrypts with SSE-S3, keys S3 owns)"],
        ["CMK: S3 table bucket with AES256", t.S3TABLES_TABLE_BUCKET, { name: "analytics", encryptionConfiguration: { sseAlgorithm: "AES256", kmsKeyArn: "" } }, CMK, 'encryptionConfiguration.sseAlgorithm is "AES256"'],
        ["CMK: S3 table bucket with aws:kms and the AWS managed key", t.S3TABLES_TABLE_BUCKET,
            { name: "analytics", encryptionConfiguration: { sseAlgorithm: "aws:kms", kmsKeyArn: "alias/aws/s3" } }, CMK, "encryptionConfiguration.kmsKeyArn names the AWS managed key aws/s3"],
        ["CMK: Managed Prometheus workspace without a key", t.AMP_WORKSPACE, { alias: "metrics" }, CMK, "kmsKeyArn is not set (Amazon Managed Service for Prometheus uses an AWS owned key)"],
        ["CMK: Glue security configuration writing S3 data with SSE-S3", t.GLUE_SECURITY_CONFIGURATION, { name: "g", encryptionConfiguration: glueModes("SSE-S3", "SSE-KMS", "CSE-KMS", KEY) }, CMK,
            'encryptionConfiguration.s3Encryption.s3EncryptionMode is "SSE-S3". requireCustomerManagedKey is true: set `s3EncryptionMode: "SSE-KMS"` with `kmsKeyArn: key.arn`'],
        ["CMK: Glue security configuration without a job bookmarks mode", t.GLUE_SECURITY_CONFIGURATION, { name: "g", encryptionConfiguration: { ...glueModes("SSE-KMS", "SSE-KMS", "CSE-KMS", KEY), jobBookmarksEncryption: {} } }, CMK,
            "jobBookmarksEncryption.jobBookmarksEncryptionMode is not set (Glue defaults it to DISABLED: Glue keeps job bookmarks without a key of the account's)"],
        ["CMK: Glue security configuration with CloudWatch on KMS but no key", t.GLUE_SECURITY_CONFIGURATION, { name: "g", encryptionConfiguration: { ...glueModes("SSE-KMS", "SSE-KMS", "CSE-KMS", KEY), cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS" } } }, CMK,
            "cloudwatchEncryption.kmsKeyArn is not set (no key is named)"],
        ["Glue Data Catalog with encryption at rest DISABLED", t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, { dataCatalogEncryptionSettings: { encryptionAtRest: { catalogEncryptionMode: "DISABLED" } } },
            DEFAULTS, 'dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode is "DISABLED". Set `catalogEncryptionMode: "SSE-KMS"`'],
        ["Glue Data Catalog with a mode in the wrong case (AWS's enum is upper case)", t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, { dataCatalogEncryptionSettings: { encryptionAtRest: { catalogEncryptionMode: "sse-kms" } } },
            DEFAULTS, 'catalogEncryptionMode is a string, not "SSE-KMS" or "SSE-KMS-WITH-SERVICE-ROLE"'],
        ["CMK: Glue Data Catalog with the AWS managed key", t.GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS, { dataCatalogEncryptionSettings: { encryptionAtRest: { catalogEncryptionMode: "SSE-KMS-WITH-SERVICE-ROLE", catalogEncryptionServiceRole: "arn:aws:iam::111122223333:role/g" } } },
            CMK, "sseAwsKmsKeyId is not set (Glue uses the AWS managed key aws/glue)"],
        ["CMK: MQ broker with aws/mq", t.MQ_BROKER, { brokerName: "orders", encryptionOptions: { useAwsOwnedKey: false } }, CMK, "with `useAwsOwnedKey: false`"],
        ["CMK: an EFS replica without a key", t.EFS_REPLICATION_CONFIGURATION, { sourceFileSystemId: "fs-0123456789abcdef0", destination: { region: "us-west-2" } }, CMK,
            "destination.kmsKeyId is not set (the replica EFS creates uses the AWS managed key aws/elasticfilesystem)"],
        ["CMK: an ActiveMQ broker with its AWS owned key", t.MQ_BROKER, { brokerName: "orders", engineType: "ActiveMQ", engineVersion: "5.18", hostInstanceType: "mq.m5.large" }, CMK, "encryptionOptions.kmsKeyId is not set"],
        ["CMK: WorkSpace with the AWS managed key", t.WORKSPACES_WORKSPACE, { ...WORKSPACE, rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/aws/workspaces" }, CMK, "names the AWS managed key aws/workspaces"],
        ["CMK: Kinesis with the bare aws/kinesis form", t.KINESIS_STREAM, { encryptionType: "KMS", kmsKeyId: "aws/kinesis" }, CMK, "aws/kinesis"],
        ["CMK: Firehose with an AWS owned key", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { serverSideEncryption: { enabled: true } }, CMK, "AWS owned key"],
        ["CMK: Firehose keyType AWS_OWNED_CMK", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" } }, CMK, '"AWS_OWNED_CMK"'],
        ["CMK: ElastiCache Valkey with the service key", t.ELASTICACHE_REPLICATION_GROUP, { description: "c", engine: "valkey" }, CMK, "kmsKeyId is not set"],
        ["CMK: ElastiCache serverless", t.ELASTICACHE_SERVERLESS_CACHE, { engine: "redis" }, CMK, "kmsKeyId is not set"],
        // Checkov CKV_AWS_373's failing example; the registry's feature group with an online store.
        ["CMK: a Bedrock agent without a key", t.BEDROCK_AGENT, AGENT, CMK, "customerEncryptionKeyArn is not set (Bedrock encrypts the agent with an AWS managed key)"],
        ["CMK: a feature group's online store without a key", t.SAGEMAKER_FEATURE_GROUP, { ...FEATURE_GROUP, onlineStoreConfig: { enableOnlineStore: true } }, CMK,
            "onlineStoreConfig.securityConfig.kmsKeyId is not set (SageMaker encrypts the online store with an AWS owned key)"],
        ["CMK: a feature group's offline store without a key", t.SAGEMAKER_FEATURE_GROUP, { ...FEATURE_GROUP, offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://feature-store-offline/orders" } } }, CMK,
            "offlineStoreConfig.s3StorageConfig.kmsKeyId is not set (SageMaker encrypts the offline store with an AWS managed key)"],
        ["CMK: MemoryDB", t.MEMORYDB_CLUSTER, { aclName: "a" }, CMK, "kmsKeyArn is not set"],
        ["CMK: OpenSearch with aws/es", t.OPENSEARCH_DOMAIN, { encryptAtRest: { enabled: true, kmsKeyId: "alias/aws/es" } }, CMK, "aws/es"],
        ["CMK: MSK with aws/kafka", t.MSK_CLUSTER, { encryptionInfo: { encryptionAtRestKmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/aws/kafka" } }, CMK, "aws/kafka"],
        ["CMK: log group", t.CLOUDWATCH_LOG_GROUP, { name: "/x" }, CMK, "kmsKeyId is not set"],
        // A Delivery class log group keeps events for a day or two and takes a key (aws/aws-cdk#34338: KmsKeyId accepted).
        ["CMK: Delivery class log group", t.CLOUDWATCH_LOG_GROUP, { name: "/aws/lambda/orders", logGroupClass: "DELIVERY" }, CMK, "kmsKeyId is not set"],
        ["CMK: ECR without configuration", t.ECR_REPOSITORY, { name: "x" }, CMK, "encryptionConfigurations is not set"],
        ["CMK: ECR empty list", t.ECR_REPOSITORY, { encryptionConfigurations: [] }, CMK, "is an empty list"],
        ["CMK: ECR KMS with the AWS managed key", t.ECR_REPOSITORY, { encryptionConfigurations: [{ encryptionType: "KMS" }] }, CMK, "aws/ecr"],
        ["CMK: secret replica without its key", t.SECRETS_MANAGER_SECRET, { kmsKeyId: KEY, replicas: [{ region: "us-east-1" }] }, CMK, "replicas[0].kmsKeyId"],
        ["CMK: backup vault", t.BACKUP_VAULT, { name: "v" }, CMK, "aws/backup"],
        ["CMK: logically air-gapped vault", t.BACKUP_LOGICALLY_AIR_GAPPED_VAULT, { name: "v" }, CMK, "encryptionKeyArn is not set"],
        ["CMK: the AWS owned sentinel", t.REDSHIFT_SERVERLESS_NAMESPACE, { kmsKeyId: "AWS_OWNED_KMS_KEY" }, CMK, "an AWS owned key"],
        ["CMK: a key of the wrong type", t.SNS_TOPIC, { kmsMasterKeyId: 42 }, CMK, "kmsMasterKeyId is 42"],
        ["CMK: a key of the wrong kind", t.SNS_TOPIC, { kmsMasterKeyId: { id: "k" } }, CMK, "is an object, not a customer managed KMS key"],
    ];
    it.each(cases)("%s", (_label, type, props, config = DEFAULTS, expected) => {
        const findings = judge(type, props, config);
        expect(findings.length, findings.map((f) => f.message).join(" | ")).toBe(1);
        expect(findings[0].message).toContain(expected);
        expect(findings[0].message).toContain(`${type} "store": `);
    });

    it("reports every unencrypted device of an instance, each by its path", () => {
        const findings = judge(t.EC2_INSTANCE, {
            rootBlockDevice: { encrypted: false },
            ebsBlockDevices: [{ deviceName: "/dev/sdf" }, { deviceName: "/dev/sdg", encrypted: true }, { deviceName: "/dev/sdh", encrypted: false }],
        });
        expect(findings.map((f) => f.message.split(": ")[1].split(" is ")[0]).sort()).toEqual(["ebsBlockDevices[0].encrypted", "ebsBlockDevices[2].encrypted", "rootBlockDevice.encrypted"]);
    });

    it("judges the key only where encryption is on: an unencrypted store gets one finding, not two", () => {
        expect(judge(t.EBS_VOLUME, { size: 1 }, CMK).map((f) => f.message)).toEqual([expect.stringContaining("encrypted is not set")]);
        expect(judge(t.RDS_INSTANCE, { engine: "postgres", storageEncrypted: false }, CMK)).toHaveLength(1);
        expect(judge(t.SQS_QUEUE, { sqsManagedSseEnabled: false }, CMK).map((f) => f.message)).toEqual([expect.stringContaining("sqsManagedSseEnabled is false")]);
    });

    // A queue without a key is reported under requireCustomerManagedKey whatever its SSE-SQS flag;
    // while the flag is unknown the message must not claim SSE-SQS encrypts it (false turns it off).
    const SSE_SQS_OR_NONE = "kmsMasterKeyId is not set (the queue is encrypted with SQS-owned keys (SSE-SQS), or not at all if sqsManagedSseEnabled, unknown until the update, is false)";
    it.each([t.SQS_QUEUE, t.NATIVE_SQS_QUEUE])("%s without a key whose SSE-SQS flag is unknown at preview: the note names both outcomes", (type) => {
        expect(judge(type, { sqsManagedSseEnabled: UB }, CMK).map((f) => f.message)).toEqual([expect.stringContaining(SSE_SQS_OR_NONE)]);
        expect(judge(type, { sqsManagedSseEnabled: true }, CMK).map((f) => f.message)).toEqual([expect.stringContaining("kmsMasterKeyId is not set (the queue is encrypted with SQS-owned keys (SSE-SQS)).")]);
        expect(judge(type, { sqsManagedSseEnabled: UB })).toEqual([]);
    });

    describe("through the engine path", () => {
        const engine = useEngine();
        it("an SQS queue whose SSE-SQS flag is unknown at preview: one finding under requireCustomerManagedKey, naming both outcomes", async () => {
            const resources = [
                { type: t.SSM_PARAMETER, name: "flag", props: { name: "/queues/sse", type: "String", value: "true" } },
                { type: t.SQS_QUEUE, name: "jobs", propertyDependencies: { sqsManagedSseEnabled: ["flag"] }, props: { name: "jobs", sqsManagedSseEnabled: { $unknown: "boolean" } } },
            ];
            expect(findingsOrErrors(await engine.run({ preview: true, resources }))).toEqual([]);
            const found = (await engine.run({ preview: true, resources }, CMK_RUN)).of(POLICY).map((d) => d.message);
            expect(found).toEqual([expect.stringContaining(SSE_SQS_OR_NONE)]);
        });
    });

    it("never quotes a key reference beyond the AWS service alias, nor a value of the wrong type", () => {
        const secret = "SECRET_kq83nd7slw02mdk1";
        for (const props of [
            { kmsMasterKeyId: `alias/aws/${secret}` },
            { kmsMasterKeyId: `arn:aws:kms:eu-west-1:111122223333:alias/aws/${secret}` },
            { kmsMasterKeyId: { nested: secret } },
        ]) {
            const findings = judge(t.SNS_TOPIC, props, CMK);
            expect(findings).toHaveLength(1);
            assertNotShown(findings[0].message, [secret, "kq83nd7slw02mdk1"], "the finding");
        }
        expect(judge(t.SNS_TOPIC, { kmsMasterKeyId: "alias/aws/unheard-of" }, CMK)[0].message).toContain("names an AWS managed key (alias/aws/...)");
        const odd = judge(t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ ebs: { encrypted: secret } }] });
        expect(odd[0].message).toContain('is a string, not true or "true"');
        assertNotShown(odd[0].message, [secret], "the finding");
    });
});

describe("encryption-at-rest: unknown values at preview are never judged", () => {
    const cases: Case[] = [
        ["an unknown key id under CMK", t.EBS_VOLUME, { encrypted: true, kmsKeyId: U }, CMK],
        ["an unknown key in an instance device under CMK", t.EC2_INSTANCE, { rootBlockDevice: { encrypted: true, kmsKeyId: U }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: U }] }, CMK],
        ["an unknown encrypted flag", t.EBS_VOLUME, { encrypted: UB }, CMK],
        ["an unknown snapshotId", t.EBS_VOLUME, { snapshotId: U }],
        ["an unknown AMI copy flag", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: UB }, CMK],
        ["an unknown online store flag", t.SAGEMAKER_FEATURE_GROUP, { ...FEATURE_GROUP, onlineStoreConfig: { enableOnlineStore: UB } }, CMK],
        ["an unknown offline store block", t.SAGEMAKER_FEATURE_GROUP, { ...FEATURE_GROUP, offlineStoreConfig: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown device list", t.EC2_INSTANCE, { ebsBlockDevices: UNKNOWN_SENTINELS.array }],
        ["an unknown device", t.EC2_INSTANCE, { ebsBlockDevices: [UNKNOWN_SENTINELS.object] }],
        ["an unknown snapshotId on a device", t.EC2_INSTANCE, { ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: U }] }],
        ["an unknown launch template flag", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ ebs: { encrypted: U } }] }, CMK],
        ["an unknown replica source", t.RDS_INSTANCE, { replicateSourceDb: U }],
        ["an unknown engine (Aurora or not)", t.RDS_INSTANCE, { engine: U }],
        ["an unknown storageEncrypted on a Multi-AZ cluster", t.RDS_CLUSTER, { engine: "postgres", storageEncrypted: UB }, CMK],
        ["an unknown cluster engine", t.RDS_CLUSTER, { engine: U }],
        ["an unknown global cluster membership", t.DOCDB_CLUSTER, { globalClusterIdentifier: U }],
        ["an unknown Redshift flag", t.REDSHIFT_CLUSTER, { encrypted: U }, CMK],
        ["an unknown SQS key with SSE-SQS off", t.SQS_QUEUE, { sqsManagedSseEnabled: false, kmsMasterKeyId: U }, CMK],
        ["an unknown SNS key", t.SNS_TOPIC, { kmsMasterKeyId: U }, CMK],
        ["an unknown ElastiCache engine", t.ELASTICACHE_REPLICATION_GROUP, { description: "c", engine: U }, CMK],
        ["an unknown data tiering flag", t.ELASTICACHE_REPLICATION_GROUP, { description: "c", dataTieringEnabled: UB }],
        ["an unknown Firehose source", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { kinesisSourceConfiguration: UNKNOWN_SENTINELS.object }],
        ["an unknown Firehose keyType", t.KINESIS_FIREHOSE_DELIVERY_STREAM, { serverSideEncryption: { enabled: true, keyType: U } }, CMK],
        ["an unknown Kinesis encryption type", t.KINESIS_STREAM, { encryptionType: U }, CMK],
        ["an unknown DynamoDB block", t.DYNAMODB_TABLE, { serverSideEncryption: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown OpenSearch flag", t.OPENSEARCH_DOMAIN, { encryptAtRest: { enabled: UB } }, CMK],
        ["an unknown ECR encryption type", t.ECR_REPOSITORY, { encryptionConfigurations: [{ encryptionType: U }] }, CMK],
        ["an unknown MSK key", t.MSK_CLUSTER, { encryptionInfo: { encryptionAtRestKmsKeyArn: U } }, CMK],
    ];
    it.each(cases)("%s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });
});

// ---------------------------------------------------------------- CDK's databases through pulumi-cdk (aws-native)

// CloudFormation's AWS::RDS::DBInstance and DBCluster as pulumi-cdk sends a CDK app's
// databases. CDK's rds.DatabaseInstance and DatabaseCluster set storageEncrypted only when asked
// (or given a storageEncryptionKey: aws-cdk-lib aws-rds instance.ts and cluster.ts); a
// DatabaseCluster creates its instances with dbClusterIdentifier; read replicas and snapshot
// restores name their source.
const NATIVE_INSTANCE = { engine: "postgres", engineVersion: "16.4", dbInstanceClass: "db.t4g.micro", allocatedStorage: "100", storageType: "gp2", publiclyAccessible: false, copyTagsToSnapshot: true };
const NATIVE_AURORA = { engine: "aurora-postgresql", engineVersion: "16.4", masterUsername: "postgres", manageMasterUserPassword: true, copyTagsToSnapshot: true };
const NATIVE_MULTI_AZ = { engine: "postgres", dbClusterInstanceClass: "db.m6gd.large", storageType: "io1", iops: 1000, allocatedStorage: 100, masterUsername: "app", manageMasterUserPassword: true };

describe("encryption-at-rest: CDK's RDS databases and EFS file systems as aws-native resources (pure rule)", () => {
    const cases: [...Case, string | undefined][] = [
        ["CDK DatabaseInstance without storageEncrypted (CDK's default)", t.NATIVE_RDS_DB_INSTANCE, NATIVE_INSTANCE, DEFAULTS, "storageEncrypted is not set (RDS creates the instance unencrypted)"],
        ["CDK DatabaseInstance with storageEncrypted false", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, storageEncrypted: false }, DEFAULTS, "storageEncrypted is false"],
        ["CDK DatabaseInstance with storageEncrypted true", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, storageEncrypted: true }, DEFAULTS, undefined],
        ["CDK DatabaseInstance with a storageEncryptionKey, under CMK", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, storageEncrypted: true, kmsKeyId: KEY }, CMK, undefined],
        ["CMK: CDK DatabaseInstance encrypted with aws/rds", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, storageEncrypted: true }, CMK, "kmsKeyId is not set (RDS uses the AWS managed key aws/rds)"],
        ["CMK: Performance Insights (enablePerformanceInsights) without a key", t.NATIVE_RDS_DB_INSTANCE,
            { ...NATIVE_INSTANCE, storageEncrypted: true, kmsKeyId: KEY, enablePerformanceInsights: true }, CMK, "performanceInsightsKmsKeyId is not set"],
        ["CDK DatabaseInstanceReadReplica (its source decides)", t.NATIVE_RDS_DB_INSTANCE,
            { sourceDbInstanceIdentifier: "arn:aws:rds:eu-west-1:111122223333:db:orders", dbInstanceClass: "db.t4g.micro" }, DEFAULTS, undefined],
        ["CDK DatabaseInstanceFromSnapshot (its snapshot decides)", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, dbSnapshotIdentifier: "orders-final" }, DEFAULTS, undefined],
        ["a point-in-time restore (sourceDbiResourceId)", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, sourceDbiResourceId: "db-ABCDEFGHIJKLMNOP", useLatestRestorableTime: true }, DEFAULTS, undefined],
        ["an instance of CDK's DatabaseCluster (the cluster decides)", t.NATIVE_RDS_DB_INSTANCE,
            { engine: "aurora-postgresql", dbInstanceClass: "db.r6g.large", dbClusterIdentifier: "orders-cluster", publiclyAccessible: false }, CMK, undefined],
        ["CDK DatabaseCluster with storageEncrypted true", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_AURORA, storageEncrypted: true }, DEFAULTS, undefined],
        ["CDK DatabaseCluster without storageEncrypted (CDK's default; Aurora encrypts new clusters)", t.NATIVE_RDS_DB_CLUSTER, NATIVE_AURORA, DEFAULTS, undefined],
        ["CDK DatabaseCluster with storageEncrypted false", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_AURORA, storageEncrypted: false }, DEFAULTS, "storageEncrypted is false"],
        ["CMK: CDK DatabaseCluster without a storageEncryptionKey", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_AURORA, storageEncrypted: true }, CMK, "kmsKeyId is not set (RDS uses the AWS managed key aws/rds)"],
        ["CMK: CDK DatabaseCluster with a key", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_AURORA, storageEncrypted: true, kmsKeyId: KEY }, CMK, undefined],
        ["a Multi-AZ DB cluster without storageEncrypted", t.NATIVE_RDS_DB_CLUSTER, NATIVE_MULTI_AZ, DEFAULTS, "storageEncrypted is not set (RDS creates Multi-AZ DB clusters unencrypted)"],
        ["CDK DatabaseClusterFromSnapshot (its snapshot decides)", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_MULTI_AZ, snapshotIdentifier: "orders-final" }, DEFAULTS, undefined],
        ["a point-in-time restore of a cluster (sourceDbClusterIdentifier)", t.NATIVE_RDS_DB_CLUSTER,
            { ...NATIVE_MULTI_AZ, sourceDbClusterIdentifier: "orders", restoreType: "copy-on-write", useLatestRestorableTime: true }, DEFAULTS, undefined],
        ["an Aurora Serverless v1 cluster (engineMode serverless)", t.NATIVE_RDS_DB_CLUSTER, { engine: "aurora-mysql", engineMode: "serverless" }, DEFAULTS, undefined],
        // CDK v2's efs.FileSystem sends encrypted: true unless told otherwise (@aws-cdk/aws-efs:defaultEncryptionAtRest, on in v2).
        ["CDK efs.FileSystem (encrypted: true, CDK v2's default)", t.NATIVE_EFS_FILE_SYSTEM, { encrypted: true, performanceMode: "generalPurpose", throughputMode: "bursting" }, DEFAULTS, undefined],
        ["CDK efs.FileSystem with encrypted false", t.NATIVE_EFS_FILE_SYSTEM, { encrypted: false, performanceMode: "generalPurpose" }, DEFAULTS, "encrypted is false"],
        ["an aws-native EFS file system without encrypted", t.NATIVE_EFS_FILE_SYSTEM, { performanceMode: "generalPurpose" }, DEFAULTS, "encrypted is not set (EFS creates the file system unencrypted through the API)"],
        ["CMK: CDK efs.FileSystem without a kmsKey", t.NATIVE_EFS_FILE_SYSTEM, { encrypted: true }, CMK, "kmsKeyId is not set (EFS uses the AWS managed key aws/elasticfilesystem)"],
        ["CMK: CDK efs.FileSystem with a kmsKey", t.NATIVE_EFS_FILE_SYSTEM, { encrypted: true, kmsKeyId: KEY }, CMK, undefined],
    ];
    it.each(cases)("%s", (_label, type, props, config = DEFAULTS, expected) => {
        const messages = judge(type, props, config).map((f) => f.message);
        if (expected === undefined) expect(messages).toEqual([]);
        else expect(messages).toEqual([expect.stringContaining(expected)]);
    });

    const unknowns: Case[] = [
        ["an unknown storageEncrypted", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, storageEncrypted: UB }, CMK],
        ["an unknown engine", t.NATIVE_RDS_DB_INSTANCE, { engine: U, dbInstanceClass: "db.t4g.micro" }],
        ["an unknown replica source", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, sourceDbInstanceIdentifier: U }],
        ["an unknown snapshot", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, dbSnapshotIdentifier: U }],
        ["an unknown cluster of an instance (its new cluster's identifier)", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, dbClusterIdentifier: U }, CMK],
        ["an unknown key under CMK", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, storageEncrypted: true, kmsKeyId: U }, CMK],
        ["an unknown enablePerformanceInsights under CMK", t.NATIVE_RDS_DB_INSTANCE, { ...NATIVE_INSTANCE, storageEncrypted: true, kmsKeyId: KEY, enablePerformanceInsights: UB }, CMK],
        ["an unknown cluster engine", t.NATIVE_RDS_DB_CLUSTER, { engine: U }],
        ["an unknown cluster storageEncrypted", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_MULTI_AZ, storageEncrypted: UB }, CMK],
        ["an unknown point-in-time source", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_MULTI_AZ, sourceDbClusterIdentifier: U }],
        ["an unknown cluster snapshot", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_MULTI_AZ, snapshotIdentifier: U }],
        ["an unknown global cluster membership under CMK", t.NATIVE_RDS_DB_CLUSTER, { ...NATIVE_AURORA, globalClusterIdentifier: U }, CMK],
        ["an unknown EFS encrypted flag", t.NATIVE_EFS_FILE_SYSTEM, { encrypted: UB }, CMK],
        ["an unknown EFS key", t.NATIVE_EFS_FILE_SYSTEM, { encrypted: true, kmsKeyId: U }, CMK],
    ];
    it.each(unknowns)("unknown at preview: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });
});

describe("encryption-at-rest through the engine path: CDK's RDS databases (aws-native)", () => {
    const engine = useEngine();

    it("reports the unencrypted standalone instance and Multi-AZ cluster, not CDK's Aurora cluster (encrypted by default), its instances, a replica or unknowns", async () => {
        const run = await engine.run({
            resources: [
                { type: t.NATIVE_RDS_DB_INSTANCE, name: "ReportsDb", props: NATIVE_INSTANCE },
                { type: t.NATIVE_RDS_DB_INSTANCE, name: "ReportsReplica", props: { sourceDbInstanceIdentifier: { $unknown: "string" }, dbInstanceClass: "db.t4g.micro" } },
                { type: t.NATIVE_RDS_DB_CLUSTER, name: "OrdersCluster", props: NATIVE_AURORA },
                { type: t.NATIVE_RDS_DB_INSTANCE, name: "OrdersClusterWriter", props: { engine: "aurora-postgresql", dbInstanceClass: "db.r6g.large", dbClusterIdentifier: { $unknown: "string" } } },
                { type: t.NATIVE_RDS_DB_CLUSTER, name: "LedgerCluster", props: NATIVE_MULTI_AZ },
                { type: t.NATIVE_RDS_DB_INSTANCE, name: "AuditDb", props: { ...NATIVE_INSTANCE, storageEncrypted: { $unknown: "boolean" } } },
                { type: t.NATIVE_EFS_FILE_SYSTEM, name: "SharedFs", props: { encrypted: true, performanceMode: "generalPurpose" } },
                { type: t.NATIVE_EFS_FILE_SYSTEM, name: "ScratchFs", props: { encrypted: false, performanceMode: "generalPurpose" } },
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()!.split(" (")[0]])).toEqual([
            ["ReportsDb", 'aws-native:rds:DbInstance "ReportsDb": storageEncrypted is not set'],
            ["LedgerCluster", 'aws-native:rds:DbCluster "LedgerCluster": storageEncrypted is not set'],
            ["ScratchFs", 'aws-native:efs:FileSystem "ScratchFs": encrypted is false. Set `encrypted: true`'],
        ]);
    });
});

// ---------------------------------------------------------------- the stack part: EBS and the account default

const PROVIDER = "urn:pulumi:dev::project::pulumi:providers:aws::default_7_48_0";
const provider = (name: string, region: unknown) => resource(t.AWS_PROVIDER, region === undefined ? {} : { region }, { name });
const DEFAULT_PROVIDER = provider("default_7_48_0", "us-east-1");
const ebsDefault = (name: string, props: Record<string, unknown> = { enabled: true }, options: Partial<PlainResource> = {}) =>
    resource(t.EBS_ENCRYPTION_BY_DEFAULT, props, { name, provider: PROVIDER, ...options });
const on = (name: string, type: string, props: Record<string, unknown>, options: Partial<PlainResource> = {}) =>
    resource(type, props, { name, provider: PROVIDER, ...options });
const VOLUME = { availabilityZone: "us-east-1a", size: 10 };
const DEVICES = { ami: AMI, instanceType: "t3.micro", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 10 }] };
const MAPPINGS = { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] };
const dependsOn = (...rs: PlainResource[]) => ({ dependencies: rs.map((r) => r.urn) });

/** The whole policy on a stack: the resource part on each resource, then the stack part. */
function judgeStack(resources: PlainResource[], config = DEFAULTS, dryRun = false): string[] {
    const all = [DEFAULT_PROVIDER, ...resources];
    return [
        ...all.flatMap((r) => findUnencryptedDataStores(r, config)),
        ...findEbsVolumesUnencrypted(all, config, { dryRun }),
    ].map((f) => f.message);
}

describe("encryption-at-rest: the account's EBS encryption by default in the stack (stack part)", () => {
    const D = ebsDefault("ebs-default");
    type StackCase = [label: string, resources: PlainResource[], config?: EncryptionAtRestConfig, dryRun?: boolean];
    const passes: StackCase[] = [
        ["a volume that depends on it (default provider)", [D, on("v", t.EBS_VOLUME, VOLUME, dependsOn(D))]],
        ["enabled unset (the provider's default, true)", [ebsDefault("d", {}), on("v", t.EBS_VOLUME, VOLUME, dependsOn(ebsDefault("d", {})))]],
        ["a dependency through a property (propertyDependencies)", [D, on("v", t.EBS_VOLUME, VOLUME, { propertyDependencies: { tags: [D.urn] } })]],
        ["instance, spot request and fleet, launch configuration and template devices that depend on it", [
            D, on("i", t.EC2_INSTANCE, DEVICES, dependsOn(D)), on("s", t.EC2_SPOT_INSTANCE_REQUEST, DEVICES, dependsOn(D)),
            on("f", t.EC2_SPOT_FLEET_REQUEST, FLEET([{ deviceName: "/dev/sdf", volumeSize: 10 }]), dependsOn(D)),
            on("lc", t.EC2_LAUNCH_CONFIGURATION, DEVICES, dependsOn(D)), on("lt", t.EC2_LAUNCH_TEMPLATE, MAPPINGS, dependsOn(D)),
        ]],
        ["an explicit provider of the same region on either side", (() => {
            const east = provider("east", "us-east-1");
            const d = ebsDefault("d", { enabled: true }, { provider: east.urn });
            return [east, d, on("v", t.EBS_VOLUME, VOLUME, dependsOn(d))];
        })()],
        ["the same explicit provider without a region (both from the environment)", (() => {
            const env = provider("env", undefined);
            const d = ebsDefault("d", { enabled: true }, { provider: env.urn });
            return [env, d, on("v", t.EBS_VOLUME, VOLUME, { provider: env.urn, ...dependsOn(d) })];
        })()],
        ["its own region equal to the volume's provider region", [ebsDefault("d", { enabled: true, region: "us-east-1" }), on("v", t.EBS_VOLUME, VOLUME, dependsOn(ebsDefault("d", { enabled: true, region: "us-east-1" })))]],
        ["one of two defaults applies", [D, ebsDefault("west", { enabled: true, region: "us-west-2" }), on("v", t.EBS_VOLUME, VOLUME, dependsOn(D, ebsDefault("west")))]],
        ["an EKS node group without a template that depends on it", [D, on("ng", t.EKS_NODE_GROUP, NODE_GROUP, dependsOn(D))]],
        ["a copy to another region of an AMI copy of the stack that encrypts (sourceAmiId from it)", [
            on("encrypted-base", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: true, kmsKeyId: KEY }),
            on("dr-copy", t.EC2_AMI_COPY, { ...AMI_COPY, sourceAmiId: "ami-0fedcba9876543210", sourceAmiRegion: "us-east-1", encrypted: false }, {
                propertyDependencies: { sourceAmiId: ["urn:pulumi:dev::project::aws:ec2/amiCopy:AmiCopy::encrypted-base"] } }),
        ]],
        ["an AMI copy and a snapshot import that depend on it", [
            D, on("copy", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: false }, dependsOn(D)), on("import", t.EBS_SNAPSHOT_IMPORT, SNAPSHOT_IMPORT, dependsOn(D)),
        ]],
        // What Pulumi does: a component's dependsOn (@pulumi/eks's ManagedNodeGroup) holds for the node group it creates.
        ["an EKS node group whose component depends on it", [D, on("ng", t.EKS_NODE_GROUP, NODE_GROUP, { parent: "urn:pulumi:dev::project::eks:index:ManagedNodeGroup::ng", ancestorDependencies: [D.urn] })]],
        ["an EKS node group whose template sets volumes, or is outside the stack", [
            on("lt", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 40, encrypted: "true" } }] }),
            on("ng", t.EKS_NODE_GROUP, { ...NODE_GROUP, launchTemplate: { name: "lt-name", version: "1" } }, {
                propertyDependencies: { launchTemplate: ["urn:pulumi:dev::project::aws:ec2/launchTemplate:LaunchTemplate::lt"] } }),
            on("ng2", t.EKS_NODE_GROUP, { ...NODE_GROUP, launchTemplate: { id: "lt-0fedcba9876543210", version: "$Latest" } }),
        ]],
        // Pulumi creates a resource after its dependencies, and they after theirs: a dependency through other resources counts.
        ["a node group that takes its cluster's name, the cluster's component depending on it (@pulumi/eks)", [
            D,
            on("prod-eksCluster", t.EKS_CLUSTER, { name: "prod", roleArn: "arn:aws:iam::111122223333:role/eks", vpcConfig: { subnetIds: ["subnet-0a1b2c3d"] } }, {
                parent: "urn:pulumi:dev::project::eks:index:Cluster::prod", ancestorDependencies: [D.urn] }),
            on("ng", t.EKS_NODE_GROUP, NODE_GROUP, { parent: "urn:pulumi:dev::project::eks:index:ManagedNodeGroup::ng",
                propertyDependencies: { clusterName: ["urn:pulumi:dev::project::aws:eks/cluster:Cluster::prod-eksCluster"] } }),
        ]],
        ["a launch template that depends on the region's default KMS key, set after it (as Terraform's aws_ebs_default_kms_key examples order them)", (() => {
            const key = on("ebs-key", "aws:ebs/defaultKmsKey:DefaultKmsKey", { keyArn: KEY }, dependsOn(D));
            return [D, key, on("lt", t.EC2_LAUNCH_TEMPLATE, MAPPINGS, dependsOn(key))];
        })()],
        ["preview: an EKS node group's whole launchTemplate unknown", [on("ng", t.EKS_NODE_GROUP, { ...NODE_GROUP, launchTemplate: U, region: U })], DEFAULTS, true],
        ["preview: an EKS node group's template taken from another output", [
            on("ng", t.EKS_NODE_GROUP, { ...NODE_GROUP, launchTemplate: U, region: U }, { propertyDependencies: { launchTemplate: [D.urn] } }),
        ], DEFAULTS, true],
        // AWS Batch: Fargate has no EBS volumes; an unmanaged environment launches nothing; a custom AMI's snapshots decide, as an instance's root volume.
        ["Batch: Fargate and Fargate Spot compute environments, and an unmanaged one", [
            on("fargate", t.BATCH_COMPUTE_ENVIRONMENT, BATCH(BATCH_FARGATE)), on("fargate-spot", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_FARGATE, type: "FARGATE_SPOT" })),
            on("unmanaged", t.BATCH_COMPUTE_ENVIRONMENT, { name: "own-fleet", type: "UNMANAGED" }),
        ]],
        ["Batch: an EC2 compute environment that depends on it", [D, on("ce", t.BATCH_COMPUTE_ENVIRONMENT, BATCH(BATCH_EC2), dependsOn(D))]],
        ["Batch: an EC2 compute environment covered by config", [on("ce", t.BATCH_COMPUTE_ENVIRONMENT, BATCH(BATCH_EC2))], EBS_DEFAULT],
        ["Batch: EC2 and Spot compute environments with a custom AMI (imageId, or an ec2Configurations imageIdOverride)", [
            on("ami", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, imageId: AMI })),
            on("override", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, type: "SPOT", bidPercentage: 60, ec2Configurations: [{ imageType: "ECS_AL2023", imageIdOverride: AMI }] })),
        ]],
        ["Batch: a compute environment whose template of the stack encrypts its root volume, or is outside the stack", [
            on("lt", t.EC2_LAUNCH_TEMPLATE, { name: "batch-nodes", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 100, volumeType: "gp3", encrypted: "true" } }] }),
            on("ce", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, launchTemplate: { launchTemplateName: "batch-nodes", version: "$Latest" } })),
            on("ce-by-id", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, launchTemplate: { launchTemplateId: U, version: U } }), {
                propertyDependencies: { computeResources: ["urn:pulumi:dev::project::aws:ec2/launchTemplate:LaunchTemplate::lt", "urn:pulumi:dev::project::aws:ec2/subnet:Subnet::a"] } }),
            on("ce-elsewhere", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, launchTemplate: { launchTemplateId: "lt-0fedcba9876543210" } })),
        ]],
        ["preview: a Batch compute environment's type, AMI or template unknown", [
            on("type", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, type: U, region: U })),
            on("ami", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, imageId: U })),
            on("override", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, ec2Configurations: [{ imageType: "ECS_AL2023", imageIdOverride: U }] }), {
                propertyDependencies: { computeResources: ["urn:pulumi:dev::project::aws:imagebuilder/image:Image::batch-ami"] } }),
            on("from-output", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, ec2Configurations: UNKNOWN_SENTINELS.array }), { propertyDependencies: { computeResources: ["urn:pulumi:dev::project::aws:imagebuilder/image:Image::batch-ami"] } }),
            on("template", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, launchTemplate: UNKNOWN_SENTINELS.object })),
            on("whole", t.BATCH_COMPUTE_ENVIRONMENT, { ...BATCH(), computeResources: UNKNOWN_SENTINELS.object }),
        ], DEFAULTS, true],
        // Elastic Beanstalk: the platform's public AMI, unless a custom AMI, a saved configuration or a custom platform says otherwise.
        ["Elastic Beanstalk: an environment that depends on it", [D, on("web", t.BEANSTALK_ENVIRONMENT, BEANSTALK, dependsOn(D))]],
        ["Elastic Beanstalk: the same under requireCustomerManagedKey (EB takes no key: the default EBS key)", [D, on("web", t.BEANSTALK_ENVIRONMENT, BEANSTALK, dependsOn(D))], CMK],
        ["Elastic Beanstalk: an environment covered by config", [on("web", t.BEANSTALK_ENVIRONMENT, BEANSTALK)], EBS_DEFAULT],
        ["Elastic Beanstalk: a custom AMI (ImageId), a saved configuration (templateName) or a custom platform (its ARN names an account)", [
            on("ami", t.BEANSTALK_ENVIRONMENT, { ...BEANSTALK, settings: [...BEANSTALK.settings, BEANSTALK_OPTION("ImageId", AMI)] }),
            on("saved", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: "prod-config" }),
            on("custom", t.BEANSTALK_ENVIRONMENT, { application: "shop", platformArn: "arn:aws:elasticbeanstalk:us-east-1:111122223333:platform/hardened-node/1.0.0" }),
        ]],
        // A saved configuration of the stack is read with its environment: here it names a custom AMI, or cannot be read
        // (copied from an environment, of another application, or two of one name).
        ["Elastic Beanstalk: a saved configuration of the stack that names a custom AMI, is copied from an environment, or is not the environment's", [
            on("ami-config", t.BEANSTALK_CONFIGURATION_TEMPLATE, { application: "shop", name: "with-ami", settings: [BEANSTALK_OPTION("ImageId", AMI)] }),
            on("ami", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: "with-ami" }),
            on("copied-config", t.BEANSTALK_CONFIGURATION_TEMPLATE, { application: "shop", name: "copied", environmentId: "e-abcdef1234" }),
            on("copied", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: "copied" }),
            on("other-config", t.BEANSTALK_CONFIGURATION_TEMPLATE, { application: "admin", name: "other", settings: BEANSTALK.settings }),
            on("other", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: "other" }),
        ]],
        ["preview: an Elastic Beanstalk environment's saved configuration of the stack with settings, an option or an application unknown", [
            on("settings-config", t.BEANSTALK_CONFIGURATION_TEMPLATE, { application: "shop", name: "settings", settings: UNKNOWN_SENTINELS.array }),
            on("settings", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: "settings" }),
            on("option-config", t.BEANSTALK_CONFIGURATION_TEMPLATE, { application: "shop", name: "option", settings: [{ namespace: U, name: U, value: U }] }),
            on("option", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: "option" }),
            on("app", t.BEANSTALK_ENVIRONMENT, { application: U, templateName: "option" }),
            // A name not known yet is no name: the stack's template of unknown name need not be the one it names.
            on("unnamed-config", t.BEANSTALK_CONFIGURATION_TEMPLATE, { application: "shop", name: U, settings: BEANSTALK.settings }),
            on("unnamed", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: U }),
        ], DEFAULTS, true],
        ["preview: an Elastic Beanstalk environment's settings, AMI, saved configuration or platform unknown", [
            on("settings", t.BEANSTALK_ENVIRONMENT, { ...BEANSTALK, settings: UNKNOWN_SENTINELS.array, region: U }),
            on("ami", t.BEANSTALK_ENVIRONMENT, { ...BEANSTALK, settings: [BEANSTALK_OPTION("ImageId", U)] }, { propertyDependencies: { settings: ["urn:pulumi:dev::project::aws:imagebuilder/image:Image::web-ami"] } }),
            on("option", t.BEANSTALK_ENVIRONMENT, { ...BEANSTALK, settings: [{ namespace: U, name: U, value: U }] }),
            on("saved", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: U }),
            on("platform", t.BEANSTALK_ENVIRONMENT, { application: "shop", platformArn: U }),
        ], DEFAULTS, true],
        ["config credits volumes without any default in the stack", [on("v", t.EBS_VOLUME, VOLUME), on("i", t.EC2_INSTANCE, DEVICES)], EBS_DEFAULT],
        ["after an update: the outputs say encrypted (no default in the stack)", [on("v", t.EBS_VOLUME, { ...VOLUME, encrypted: true, kmsKeyId: KEY })]],
        ["a volume from a snapshot", [on("v", t.EBS_VOLUME, { ...VOLUME, snapshotId: "snap-0123456789abcdef0" })]],
        // Unknowns: not judged.
        ["an unknown enabled", [ebsDefault("d", { enabled: UB }), on("v", t.EBS_VOLUME, VOLUME, dependsOn(ebsDefault("d")))]],
        ["an unknown region of the default", [ebsDefault("d", { enabled: true, region: U }), on("v", t.EBS_VOLUME, VOLUME, dependsOn(ebsDefault("d")))]],
        ["an unknown region of the volume", [D, on("v", t.EBS_VOLUME, { ...VOLUME, region: U }, dependsOn(D))]],
        ["an unknown region of another provider", (() => {
            const other = provider("other", U);
            const d = ebsDefault("d", { enabled: true }, { provider: other.urn });
            return [other, d, on("v", t.EBS_VOLUME, VOLUME, dependsOn(d))];
        })()],
        ["preview: an unknown encrypted taken from another output", [on("v", t.EBS_VOLUME, { ...VOLUME, encrypted: UB }, { propertyDependencies: { encrypted: [D.urn] } })], DEFAULTS, true],
        ["preview: computed values unknown on a volume and devices after the default", [
            ebsDefault("ebs-default", { enabled: true, region: U }),
            on("v", t.EBS_VOLUME, { ...VOLUME, encrypted: UB, kmsKeyId: U, snapshotId: U, region: U }, dependsOn(D)),
            on("i", t.EC2_INSTANCE, { ...DEVICES, region: U, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: UB, kmsKeyId: U, snapshotId: U }] }, dependsOn(D)),
        ], DEFAULTS, true],
    ];
    it.each(passes)("passes: %s", (_label, resources, config = DEFAULTS, dryRun = false) => {
        expect(judgeStack(resources, config, dryRun)).toEqual([]);
    });

    it("preview: a copy of an AMI copy whose encrypted comes from another resource's output is not judged until it is known", () => {
        const dr = (source: PlainResource) => on("dr-copy", t.EC2_AMI_COPY, { ...AMI_COPY, sourceAmiId: U, sourceAmiRegion: "us-east-1", encrypted: false }, {
            propertyDependencies: { sourceAmiId: [source.urn] } });
        const fromOutput = on("base", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: UB }, { propertyDependencies: { encrypted: ["urn:pulumi:dev::project::aws:ssm/parameter:Parameter::cfg"] } });
        expect(judgeStack([fromOutput, dr(fromOutput)], DEFAULTS, true)).toEqual([]);
        // Control: an unknown without dependencies is the computed default (not set), so both copies are reported.
        const computed = on("base", t.EC2_AMI_COPY, { ...AMI_COPY, encrypted: UB });
        expect(judgeStack([computed, dr(computed)], DEFAULTS, true).map((m) => m.split(": ")[1].split(" (")[0])).toEqual([
            "encrypted is not set", "encrypted is false",
        ]);
    });

    const fails: [...StackCase, string[]][] = [
        ["no default in the stack", [on("v", t.EBS_VOLUME, VOLUME)], DEFAULTS, false, [
            'aws:ebs/volume:Volume "v": encrypted is not set (EBS creates the volume unencrypted unless encryption by default is on for the account in its region). ' +
            "Set `encrypted: true` (with `kmsKeyId` for a customer managed key), or turn EBS encryption by default on before the volume is created: with an " +
            "aws.ebs.EncryptionByDefault in this stack that the volume depends on (`dependsOn`), or, if it is on in every account and region this stack deploys to, " +
            "with ebsEncryptionByDefault: true in this policy's config.",
        ]],
        ["a default the volume does not depend on", [D, on("v", t.EBS_VOLUME, VOLUME)], DEFAULTS, false, [
            'aws:ebs/volume:Volume "v": encrypted is not set (EBS creates the volume unencrypted unless encryption by default is on for the account in its region; ' +
            'the volume does not depend on aws.ebs.EncryptionByDefault "ebs-default" of this stack, which may then be created after it). ' +
            "Add it to the volume's `dependsOn` (e.g. `dependsOn: [ebsDefault]`), or set `encrypted: true` (with `kmsKeyId` for a customer managed key).",
        ]],
        // Look-alike of the chain that passes: the default KMS key does not wait for the default, so nothing orders the template after it.
        ["a launch template that depends on a default KMS key that does not depend on the default", (() => {
            const key = on("ebs-key", "aws:ebs/defaultKmsKey:DefaultKmsKey", { keyArn: KEY });
            return [D, key, on("lt", t.EC2_LAUNCH_TEMPLATE, MAPPINGS, dependsOn(key))];
        })(), DEFAULTS, false, [
            expect.stringContaining('the launch template does not depend on aws.ebs.EncryptionByDefault "ebs-default" of this stack'),
        ]],
        ["a default that turns it off, which the launch template does not depend on", [ebsDefault("off", { enabled: false }), on("lt", t.EC2_LAUNCH_TEMPLATE, MAPPINGS)], DEFAULTS, false, [
            'aws:ec2/launchTemplate:LaunchTemplate "lt": blockDeviceMappings[0].ebs.encrypted is not set (EBS creates the volume unencrypted unless encryption by default ' +
            'is on for the account in its region; aws.ebs.EncryptionByDefault "off" of this stack turns it off). Set `enabled: true` on aws.ebs.EncryptionByDefault "off" ' +
            "and add it to the launch template's `dependsOn` (e.g. `dependsOn: [off]`), or set `encrypted: \"true\"` in the mapping's `ebs` block (@pulumi/eks self-managed node groups: `nodeRootVolumeEncrypted: true`).",
        ]],
        ["another provider without a region", (() => {
            const env = provider("env", undefined);
            const d = ebsDefault("d", { enabled: true }, { provider: env.urn });
            return [env, d, on("i", t.EC2_INSTANCE, DEVICES, dependsOn(d))];
        })(), DEFAULTS, false, [
            'aws:ec2/instance:Instance "i": ebsBlockDevices[0].encrypted is not set (EBS creates the volume unencrypted unless encryption by default is on for the account ' +
            'in its region; aws.ebs.EncryptionByDefault "d" of this stack has another provider or `region`, not known to be the instance\'s region). ' +
            "Set `encrypted: true` on the device (with `kmsKeyId` for a customer managed key), or make the instance depend (`dependsOn`) on an aws.ebs.EncryptionByDefault " +
            "of its own region: the same provider, no other `region`.",
        ]],
        ["an EKS node group without a template, and no default in the stack", [on("ng", t.EKS_NODE_GROUP, NODE_GROUP)], DEFAULTS, false, [
            'aws:eks/nodeGroup:NodeGroup "ng": launchTemplate is not set (EKS then builds one whose nodes\' root volumes nothing encrypts; EBS creates the volume ' +
            "unencrypted unless encryption by default is on for the account in its region). Give the node group a launch template with a root device mapping that sets " +
            "`ebs.encrypted: \"true\"` (with @pulumi/eks's ManagedNodeGroup, a `launchTemplate` of your own), or turn EBS encryption by default on before the node group " +
            "is created: with an aws.ebs.EncryptionByDefault in this stack " +
            "that the node group depends on (`dependsOn`), or, if it is on in every account and region this stack deploys to, with ebsEncryptionByDefault: true in this policy's config.",
        ]],
        ["an Elastic Beanstalk environment on its platform's AMI (resized, not encrypted), and no default in the stack", [on("web", t.BEANSTALK_ENVIRONMENT, BEANSTALK)], DEFAULTS, false, [
            'aws:elasticbeanstalk/environment:Environment "web": no `aws:autoscaling:launchconfiguration` option setting names an `ImageId` (Elastic Beanstalk then ' +
            "launches the instances from the platform's public AMI, and no option of the environment encrypts their root volume; EBS creates the volume unencrypted unless " +
            "encryption by default is on for the account in its region). Give the environment a custom AMI whose snapshots are encrypted (the `ImageId` option of " +
            "`aws:autoscaling:launchconfiguration`), or turn EBS encryption by default on before the environment is created: with an aws.ebs.EncryptionByDefault in this " +
            "stack that the environment depends on (`dependsOn`), or, if it is on in every account and region this stack deploys to, with ebsEncryptionByDefault: true in this policy's config.",
        ]],
        // Public programs write the settings on a ConfigurationTemplate and give the environment its name (a public
        // multi-region Elastic Beanstalk program): no custom AMI there either.
        ["an Elastic Beanstalk environment whose saved configuration of the stack names no custom AMI, and no default in the stack", [
            on("web-config", t.BEANSTALK_CONFIGURATION_TEMPLATE, { application: "shop", name: "web-config", solutionStackName: BEANSTALK.solutionStackName, settings: BEANSTALK.settings }),
            on("web", t.BEANSTALK_ENVIRONMENT, { application: "shop", templateName: "web-config", tier: "WebServer" }),
        ], DEFAULTS, false, [
            expect.stringContaining('aws:elasticbeanstalk/environment:Environment "web": no `aws:autoscaling:launchconfiguration` option setting of the environment or of its saved ' +
                'configuration (aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate "web-config") names an `ImageId` (Elastic Beanstalk then launches'),
        ]],
        ["Elastic Beanstalk: a worker environment, an ImageId outside aws:autoscaling:launchconfiguration, and one that does not depend on the stack's default", [
            D,
            on("worker", t.BEANSTALK_ENVIRONMENT, { ...BEANSTALK, tier: "Worker" }),
            on("misplaced", t.BEANSTALK_ENVIRONMENT, { ...BEANSTALK, settings: [{ namespace: "aws:ec2:instances", name: "ImageId", value: AMI }] }),
        ], DEFAULTS, false, [
            expect.stringContaining('"worker": no `aws:autoscaling:launchconfiguration` option setting names an `ImageId`'),
            expect.stringContaining('"misplaced": no `aws:autoscaling:launchconfiguration` option setting names an `ImageId`'),
        ]],
        ["a Batch EC2 compute environment without a launch template, and no default in the stack", [on("ce", t.BATCH_COMPUTE_ENVIRONMENT, BATCH(BATCH_EC2))], DEFAULTS, false, [
            'aws:batch/computeEnvironment:ComputeEnvironment "ce": computeResources.launchTemplate is not set (AWS Batch then launches its instances from a public ECS- or ' +
            "EKS-optimized AMI, whose root volume nothing encrypts; EBS creates the volume unencrypted unless encryption by default is on for the account in its region). " +
            "Give the compute environment a launch template with a root device mapping that sets `ebs.encrypted: \"true\"` (`computeResources.launchTemplate`), or turn EBS " +
            "encryption by default on before the compute environment is created: with an aws.ebs.EncryptionByDefault in this stack that the compute environment depends on " +
            "(`dependsOn`), or, if it is on in every account and region this stack deploys to, with ebsEncryptionByDefault: true in this policy's config.",
        ]],
        ["a Batch Spot compute environment (AL2023, EKS) that does not depend on the stack's default", [
            D, on("ce", t.BATCH_COMPUTE_ENVIRONMENT, { ...BATCH({ ...BATCH_EC2, type: "SPOT", ec2Configurations: [{ imageType: "EKS_AL2023", imageIdOverride: "" }] }),
                eksConfiguration: { eksClusterArn: "arn:aws:eks:us-east-1:111122223333:cluster/jobs", kubernetesNamespace: "batch" } }),
        ], DEFAULTS, false, [
            expect.stringContaining('"ce": computeResources.launchTemplate is not set (AWS Batch then launches its instances from a public ECS- or EKS-optimized AMI, ' +
                'whose root volume nothing encrypts; EBS creates the volume unencrypted unless encryption by default is on for the account in its region; the compute ' +
                'environment does not depend on aws.ebs.EncryptionByDefault "ebs-default" of this stack'),
        ]],
        ["a Batch compute environment whose template of the stack sets only user data (found by name, and by dependency while its id is unknown)", [
            on("lt", t.EC2_LAUNCH_TEMPLATE, { name: "batch-nodes", userData: "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo=" }),
            on("ce", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, launchTemplate: { launchTemplateName: "batch-nodes" } })),
            on("ce-by-id", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, launchTemplate: { launchTemplateId: U } }), {
                propertyDependencies: { computeResources: ["urn:pulumi:dev::project::aws:ec2/launchTemplate:LaunchTemplate::lt"] } }),
        ], DEFAULTS, true, [
            expect.stringContaining('"ce": computeResources.launchTemplate is aws:ec2/launchTemplate:LaunchTemplate "lt", which sets no imageId and maps no EBS volume ' +
                "(AWS Batch then gives the instances the root volume of a public ECS- or EKS-optimized AMI"),
            expect.stringContaining('"ce-by-id": computeResources.launchTemplate is aws:ec2/launchTemplate:LaunchTemplate "lt"'),
        ]],
        ["preview: a Batch compute environment whose computed ec2Configurations is unknown (the program set none)", [
            on("ce", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, ec2Configurations: UNKNOWN_SENTINELS.array, desiredVcpus: UNKNOWN_SENTINELS.number })),
            on("al2023", t.BATCH_COMPUTE_ENVIRONMENT, BATCH({ ...BATCH_EC2, ec2Configurations: [{ imageType: "ECS_AL2023", imageIdOverride: U }] })),
        ], DEFAULTS, true, [expect.stringContaining('"ce": computeResources.launchTemplate is not set'), expect.stringContaining('"al2023": computeResources.launchTemplate is not set')]],
        // A template without an image or an EBS mapping (@pulumi/eks's, for IMDSv2 or kubelet flags): EKS's AMI and its unencrypted root.
        ["an EKS node group whose template of the stack maps no volume", [
            on("lt", t.EC2_LAUNCH_TEMPLATE, { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } }),
            on("ng", t.EKS_NODE_GROUP, { ...NODE_GROUP, launchTemplate: { id: "lt-0123456789abcdef0", version: "1" } }, {
                propertyDependencies: { launchTemplate: ["urn:pulumi:dev::project::aws:ec2/launchTemplate:LaunchTemplate::lt"] } }),
        ], DEFAULTS, false, [
            expect.stringContaining('"ng": launchTemplate is aws:ec2/launchTemplate:LaunchTemplate "lt", which sets no imageId and maps no EBS volume (EKS then gives the nodes'),
        ]],
        ["a volume of its own region elsewhere", [D, on("v", t.EBS_VOLUME, { ...VOLUME, region: "eu-west-1" }, dependsOn(D))], DEFAULTS, false, [
            expect.stringContaining('"ebs-default" of this stack is for another region (us-east-1; the volume is in eu-west-1)'),
        ]],
        ["a region that is not a region name is never quoted", [D, on("v", t.EBS_VOLUME, { ...VOLUME, region: "SECRET_x9" }, dependsOn(D))], DEFAULTS, false, [
            expect.stringContaining('"ebs-default" of this stack is for another region). Set'),
        ]],
        ["an explicit false, even with the default on (the program says otherwise)", [D, on("v", t.EBS_VOLUME, { ...VOLUME, encrypted: false }, dependsOn(D))], EBS_DEFAULT, false, [
            'aws:ebs/volume:Volume "v": encrypted is false. Set `encrypted: true` (with `kmsKeyId` for a customer managed key); an existing volume is replaced, so copy its data first.',
        ]],
        ["preview: a new volume's computed encrypted, without a default", [on("v", t.EBS_VOLUME, { ...VOLUME, encrypted: UB, kmsKeyId: U, snapshotId: U, region: U })], DEFAULTS, true, [
            expect.stringContaining('"v": encrypted is not set (EBS creates the volume unencrypted'),
        ]],
        ["preview: a new instance's computed device values, without a default", [on("i", t.EC2_INSTANCE, { ...DEVICES, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: UB, snapshotId: U }] })], DEFAULTS, true, [
            expect.stringContaining('"i": ebsBlockDevices[0].encrypted is not set'),
        ]],
        ["CMK: volumes the stack's default encrypts with the default EBS key", [
            D, on("v", t.EBS_VOLUME, VOLUME, dependsOn(D)), on("lt", t.EC2_LAUNCH_TEMPLATE, MAPPINGS, dependsOn(D)),
            on("i", t.EC2_INSTANCE, { ...DEVICES, rootBlockDevice: { encrypted: true, kmsKeyId: KEY } }, dependsOn(D)),
        ], CMK, false, [
            expect.stringMatching(/^aws:ebs\/volume:Volume "v": kmsKeyId is not set \(EBS uses the region's default EBS key/),
            expect.stringMatching(/^aws:ec2\/launchTemplate:LaunchTemplate "lt": blockDeviceMappings\[0\]\.ebs\.kmsKeyId is not set/),
            expect.stringMatching(/^aws:ec2\/instance:Instance "i": ebsBlockDevices\[0\]\.kmsKeyId is not set/),
        ]],
        ["CMK and config: the key is the resource part's, once", [on("v", t.EBS_VOLUME, VOLUME)], { ...CMK, ebsEncryptionByDefault: true }, false, [
            expect.stringMatching(/"v": kmsKeyId is not set/),
        ]],
    ];
    it.each(fails)("fails: %s", (_label, resources, config = DEFAULTS, dryRun = false, expected) => {
        expect(judgeStack(resources, config, dryRun)).toEqual(expected);
    });

    it("never reports a property twice across the two parts, whatever the flag, config, default and phase", () => {
        const flags: unknown[] = [undefined, true, false, "true", "false", "", UB, 7];
        const keys: unknown[] = [undefined, KEY, "alias/aws/ebs", U];
        for (const config of [DEFAULTS, CMK, EBS_DEFAULT, { ...CMK, ebsEncryptionByDefault: true }]) {
            for (const withDefault of [false, true]) {
                for (const dryRun of [false, true]) {
                    for (const encrypted of flags) {
                        for (const kmsKeyId of keys) {
                            const block = { deviceName: "/dev/sdf", ...(encrypted === undefined ? {} : { encrypted }), ...(kmsKeyId === undefined ? {} : { kmsKeyId }) };
                            const resources = [
                                on("v", t.EBS_VOLUME, { ...VOLUME, ...block }, withDefault ? dependsOn(D) : {}),
                                on("i", t.EC2_INSTANCE, { ami: AMI, ebsBlockDevices: [block] }, withDefault ? dependsOn(D) : {}),
                                on("lt", t.EC2_LAUNCH_TEMPLATE, { blockDeviceMappings: [{ ebs: block }] }, withDefault ? dependsOn(D) : {}),
                                ...(withDefault ? [D] : []),
                            ];
                            const messages = judgeStack(resources, config, dryRun);
                            // One finding per volume at most (a resource, and the block holding the flag): the flag, or the key.
                            const subjects = messages.map((m) => {
                                const at = m.indexOf('": ');
                                return `${m.slice(0, at)} ${m.slice(at + 3).split(" ")[0].replace(/\.?(encrypted|kmsKeyId)$/, "")}`;
                            });
                            expect(new Set(subjects).size, messages.join("\n")).toBe(subjects.length);
                        }
                    }
                }
            }
        }
    });

    it("reports each resource of the stack part by its URN, and reads only its types", () => {
        const findings = findEbsVolumesUnencrypted([DEFAULT_PROVIDER, on("v", t.EBS_VOLUME, VOLUME), resource(t.RDS_INSTANCE, { engine: "postgres" })], DEFAULTS, { dryRun: false });
        expect(findings.map((f) => f.resource)).toEqual([{ urn: "urn:pulumi:dev::project::aws:ebs/volume:Volume::v", type: t.EBS_VOLUME, name: "v" }]);
        expect(encryptionAtRest.stack?.resourceTypes).toEqual([
            t.EBS_VOLUME, t.NATIVE_EC2_VOLUME, t.NATIVE_WORKSPACESINSTANCES_VOLUME, t.EC2_INSTANCE, t.EC2_SPOT_INSTANCE_REQUEST, t.EC2_LAUNCH_CONFIGURATION, t.EC2_SPOT_FLEET_REQUEST, t.EC2_LAUNCH_TEMPLATE,
            t.NATIVE_EC2_LAUNCH_TEMPLATE, t.NATIVE_EC2_INSTANCE, t.NATIVE_AUTOSCALING_LAUNCH_CONFIGURATION, t.NATIVE_EC2_SPOT_FLEET, t.IMAGEBUILDER_IMAGE_RECIPE,
            t.NATIVE_IMAGEBUILDER_IMAGE_RECIPE, t.EKS_NODE_GROUP, t.NATIVE_EKS_NODEGROUP, t.BATCH_COMPUTE_ENVIRONMENT, t.NATIVE_BATCH_COMPUTE_ENVIRONMENT, t.EMR_CLUSTER, t.EC2_AMI_COPY,
            t.EBS_SNAPSHOT_IMPORT, t.BEANSTALK_ENVIRONMENT, t.NATIVE_BEANSTALK_ENVIRONMENT, t.BEANSTALK_CONFIGURATION_TEMPLATE, t.EBS_ENCRYPTION_BY_DEFAULT, t.AWS_PROVIDER, t.NATIVE_PROVIDER, t.IMAGEBUILDER_IMAGE_PIPELINE, t.IMAGEBUILDER_IMAGE,
            t.NATIVE_IMAGEBUILDER_IMAGE_PIPELINE, t.NATIVE_IMAGEBUILDER_IMAGE, t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, t.NATIVE_IMAGEBUILDER_DISTRIBUTION_CONFIGURATION,
            t.APIGATEWAY_STAGE, t.APIGATEWAY_METHOD_SETTINGS, t.APIGATEWAY_DEPLOYMENT,
        ]);
    });
});

describe("encryption-at-rest: API Gateway method caches (stack part)", () => {
    const API = "a1b2c3d4e5";
    const stage = (name: string, props: Record<string, unknown> = {}, options = {}) =>
        resource(t.APIGATEWAY_STAGE, { restApi: API, deployment: "dpl123", stageName: "prod", cacheClusterEnabled: true, cacheClusterSize: "0.5", ...props }, { name, ...options });
    const settings = (name: string, methodPath: string, values: Record<string, unknown>, props: Record<string, unknown> = {}, options = {}) =>
        resource(t.APIGATEWAY_METHOD_SETTINGS, { restApi: API, stageName: "prod", methodPath, settings: values, ...props }, { name, ...options });
    const CACHED = { cachingEnabled: true, cacheTtlInSeconds: 300 };
    const COMPUTED = { cachingEnabled: UB, cacheDataEncrypted: UB };
    const fromApi = (api: string) => ({ propertyDependencies: { restApi: [`urn:pulumi:dev::project::${t.APIGATEWAY_REST_API}::${api}`] } });
    const found = (resources: PlainResource[], dryRun = false) =>
        [...findMethodCachesUnencrypted(resources, { dryRun }), ...resources.flatMap((r) => findUnencryptedDataStores(r, DEFAULTS))].map((f) => [f.resource?.name, f.message]);

    type Case = [label: string, resources: PlainResource[], dryRun?: boolean];
    const passes: Case[] = [
        // A cluster caches nothing until method settings turn caching on (the API's own words).
        ["a stage with a cache cluster and no method settings", [stage("prod")]],
        ["stage-wide settings for logging and metrics only (tfsec's failing example)", [stage("prod"), settings("all", "*/*", { metricsEnabled: true, loggingLevel: "INFO" })]],
        ["caching off with cacheDataEncrypted false (Checkov's failing example)", [stage("prod"), settings("get", "path1/GET", { cachingEnabled: false, cacheDataEncrypted: false })]],
        ["stage-wide caching, encrypted", [stage("prod"), settings("all", "*/*", { ...CACHED, cacheDataEncrypted: true })]],
        ["one method cached, encrypted by the stage-wide settings", [stage("prod"), settings("all", "*/*", { cacheDataEncrypted: true }), settings("items", "items/GET", CACHED)]],
        ["one method cached and encrypted on its own", [stage("prod"), settings("items", "items/GET", { ...CACHED, cacheDataEncrypted: true })]],
        ["caching on, but the stage of the stack has no cache cluster", [stage("prod", { cacheClusterEnabled: false }), settings("all", "*/*", CACHED)]],
        ["caching on, the stage's cacheClusterEnabled not set", [stage("prod", { cacheClusterEnabled: undefined }), settings("items", "items/GET", { ...CACHED, cacheDataEncrypted: false })]],
        ["a stack export of provider v6: the stage a Deployment created (no cache cluster)", [
            resource(t.APIGATEWAY_DEPLOYMENT, { restApi: API, stageName: "prod" }, { name: "deployment" }), settings("all", "*/*", CACHED),
        ]],
        ["after an update: AWS reports the method encrypted", [stage("prod"), settings("items", "items/GET", { ...CACHED, cacheDataEncrypted: true, metricsEnabled: false })]],
        // Unknowns: not judged.
        ["preview: encryption from another resource's output", [stage("prod"), settings("all", "*/*", { ...CACHED, cacheDataEncrypted: UB }, {}, { propertyDependencies: { settings: ["flag"] } })], true],
        ["preview: caching from another resource's output", [stage("prod"), settings("all", "*/*", { cachingEnabled: UB, cacheDataEncrypted: UB }, {}, { propertyDependencies: { settings: ["flag"] } })], true],
        ["an unknown settings block", [stage("prod"), settings("all", "*/*", U as never)]],
        ["an unknown cacheClusterEnabled", [stage("prod", { cacheClusterEnabled: UB }), settings("all", "*/*", CACHED)]],
        ["an unknown method path with encryption unset", [stage("prod"), settings("m", U, CACHED)]],
        ["stage-wide settings whose stage name is unknown may encrypt it", [stage("prod"), settings("all", "*/*", { cacheDataEncrypted: true }, { stageName: U }), settings("items", "items/GET", CACHED)]],
        ["preview: the same RestApi (propertyDependencies) encrypts stage-wide", [
            stage("prod", { restApi: U }, fromApi("shop")), settings("all", "*/*", { cacheDataEncrypted: true }, { restApi: U }, fromApi("shop")),
            settings("items", "items/GET", CACHED, { restApi: U }, fromApi("shop")),
        ], true],
        ["preview: the only stage of that name belongs to another API and has no cluster; an unknown API id may be it", [
            stage("prod", { restApi: U, cacheClusterEnabled: false }), settings("all", "*/*", CACHED, { restApi: U }, fromApi("shop")),
        ], true],
    ];
    it.each(passes)("passes: %s", (_label, resources, dryRun) => {
        expect(found(resources, dryRun)).toEqual([]);
    });

    it("reports settings that cache unencrypted, once each, on the settings", () => {
        const resources = [
            stage("prod"),
            settings("all", "*/*", CACHED),
            settings("items", "items/GET", { ...CACHED, cacheDataEncrypted: false }),
            settings("orders", "orders/GET", CACHED),
        ];
        expect(found(resources)).toEqual([
            ["all", 'aws:apigateway/methodSettings:MethodSettings "all": settings.cachingEnabled is true and settings.cacheDataEncrypted is not set ' +
                "(API Gateway's default: unencrypted), so the stage's cache holds these responses unencrypted. Set `cacheDataEncrypted: true` beside " +
                '`cachingEnabled: true` (or in the stage\'s "*/*" method settings, which methods that leave it unset take).'],
            ["items", expect.stringContaining("settings.cacheDataEncrypted is false, so the stage's cache")],
            ["orders", expect.stringContaining('settings.cacheDataEncrypted is not set, nor set by the stage\'s "*/*" method settings in this stack')],
        ]);
    });

    type Fail = [label: string, resources: PlainResource[], reported: string[], dryRun?: boolean];
    const failures: Fail[] = [
        ["no stage in the stack (its cluster may be on)", [settings("all", "*/*", CACHED)], ["all"]],
        ["stage-wide encryption of another stage of the API does not count", [
            stage("prod"), stage("dev", { stageName: "dev" }), settings("dev-all", "*/*", { cacheDataEncrypted: true }, { stageName: "dev" }), settings("items", "items/GET", CACHED),
        ], ["items"]],
        ["stage-wide encryption of another API's stage does not count", [
            stage("prod"), settings("other", "*/*", { cacheDataEncrypted: true }, { restApi: "z9y8x7w6v5" }), settings("items", "items/GET", CACHED),
        ], ["items"]],
        ["a stage-wide cachingEnabled with encryption false does not encrypt one method", [
            stage("prod"), settings("all", "*/*", { cacheDataEncrypted: false }), settings("items", "items/GET", CACHED),
        ], ["items"]],
        ["preview: stage-wide settings that do not set it (computed unknowns read as not set)", [
            stage("prod"), settings("all", "*/*", { ...COMPUTED, metricsEnabled: true }), settings("items", "items/GET", { ...CACHED, cacheDataEncrypted: UB }),
        ], ["items"], true],
        ["preview: the stage of another RestApi (propertyDependencies) has no cluster; this one's is outside the stack", [
            stage("prod", { restApi: U, cacheClusterEnabled: false }, fromApi("admin")), settings("all", "*/*", CACHED, { restApi: U }, fromApi("shop")),
        ], ["all"], true],
        ["one of two stages of the name has a cluster, the other not", [
            stage("prod"), stage("other-prod", { restApi: "z9y8x7w6v5", cacheClusterEnabled: false }), settings("all", "*/*", CACHED),
        ], ["all"]],
    ];
    it.each(failures)("reports: %s", (_label, resources, reported, dryRun) => {
        expect(found(resources, dryRun).map(([name]) => name)).toEqual(reported);
    });

    it("never quotes a value: a string where a boolean belongs is named by its kind", () => {
        const [{ message }] = findMethodCachesUnencrypted([stage("prod"), settings("all", "*/*", { ...CACHED, cacheDataEncrypted: "sk_live_51HqLyjWDarjtT1zdp7dc" })], { dryRun: false });
        expect(message).toContain("settings.cacheDataEncrypted is a string, not the boolean true");
        assertNotShown(message, ["sk_live_51HqLyjWDarjtT1zdp7dc"], "the finding");
    });
});

describe("encryption-at-rest at preview, through the engine path", () => {
    const engine = useEngine({ dryRun: true });

    it("a new volume's unknown `encrypted` is not set: reported without a default, credited after the stack's default", async () => {
        const computed = { encrypted: { $unknown: "boolean" }, kmsKeyId: { $unknown: "string" }, snapshotId: { $unknown: "string" }, region: { $unknown: "string" } };
        const stack = (dependencies: string[]) => ({
            resources: [
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true }, outputs: { enabled: true, region: { $unknown: "string" } } },
                { type: t.EBS_VOLUME, name: "data", props: VOLUME, outputs: { ...VOLUME, ...computed }, dependencies },
                // From another resource's output: not known yet, not judged.
                { type: t.EBS_VOLUME, name: "copy", props: { ...VOLUME, encrypted: { $unknown: "boolean" } }, propertyDependencies: { encrypted: ["data"] } },
            ],
        });
        const without = await engine.run(stack([]));
        expect(without.of(POLICY).map((d) => [without.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()!.split(". Add")[0]])).toEqual([
            ["data", 'aws:ebs/volume:Volume "data": encrypted is not set (EBS creates the volume unencrypted unless encryption by default is on for the account in its region; ' +
                'the volume does not depend on aws.ebs.EncryptionByDefault "ebs-default" of this stack, which may then be created after it)'],
        ]);
        expect((await engine.run(stack(["ebs-default"]))).of(POLICY)).toEqual([]);
    });

    it("an AMI copy that asks nothing (the provider's `encrypted: false`) is reported unless it depends on the stack's default", async () => {
        const copy = (name: string, dependencies: string[] = []) => ({
            type: t.EC2_AMI_COPY, name, dependencies, props: { ...AMI_COPY, encrypted: false },
            outputs: { ...AMI_COPY, encrypted: false, kmsKeyId: { $unknown: "string" }, ebsBlockDevices: { $unknown: "array" }, region: { $unknown: "string" } },
        });
        const run = await engine.run({
            resources: [
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true }, outputs: { enabled: true, region: { $unknown: "string" } } },
                copy("golden"), copy("covered", ["ebs-default"]),
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(" (")[0]])).toEqual([
            ["golden", "mandatory", 'aws:ec2/amiCopy:AmiCopy "golden": encrypted is false'],
        ]);
    });

    it("a Spot Fleet's launch specifications: a data device's unknown `encrypted` is not set, a root declared false is reported", async () => {
        const device = { deviceName: "/dev/sdf", volumeSize: 100, volumeType: "gp3" };
        const fleet = (name: string, root: Record<string, unknown>, dependencies: string[] = []) => ({
            type: t.EC2_SPOT_FLEET_REQUEST, name, dependencies, props: FLEET([device], [root]),
            outputs: { ...FLEET([{ ...device, encrypted: { $unknown: "boolean" }, kmsKeyId: { $unknown: "string" }, snapshotId: { $unknown: "string" } }], [root]), region: { $unknown: "string" } },
        });
        const run = await engine.run({
            resources: [
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true }, outputs: { enabled: true, region: { $unknown: "string" } } },
                fleet("batch", { volumeSize: 20 }), fleet("render", { volumeSize: 20, encrypted: false }, ["ebs-default"]),
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(" (")[0]])).toEqual([
            ["render", "mandatory", 'aws:ec2/spotFleetRequest:SpotFleetRequest "render": launchSpecifications[0].rootBlockDevices[0].encrypted is false. ' +
                "Set `encrypted: true` on the launch specification's root block device"],
            ["batch", "mandatory", 'aws:ec2/spotFleetRequest:SpotFleetRequest "batch": launchSpecifications[0].ebsBlockDevices[0].encrypted is not set'],
        ]);
    });
    it("the stack's default counts through resources the stack part does not judge (a cluster, a default KMS key), as the engine orders them", async () => {
        const group = (name: string, extra: Record<string, unknown> = {}) => ({
            type: t.EKS_NODE_GROUP, name, props: NODE_GROUP, outputs: { ...NODE_GROUP, region: { $unknown: "string" } }, ...extra,
        });
        const run = await engine.run({
            resources: [
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true }, outputs: { enabled: true, region: { $unknown: "string" } } },
                // The node group takes its cluster's name; the cluster waits for the default, through the key.
                { type: "aws:ebs/defaultKmsKey:DefaultKmsKey", name: "ebs-key", props: { keyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }, dependencies: ["ebs-default"] },
                { type: "aws:eks/cluster:Cluster", name: "prod", props: { roleArn: "arn:aws:iam::111122223333:role/eks" }, dependencies: ["ebs-key"] },
                group("covered", { propertyDependencies: { clusterName: ["prod"] } }),
                // A cluster that waits for nothing orders nothing.
                { type: "aws:eks/cluster:Cluster", name: "dev", props: { roleArn: "arn:aws:iam::111122223333:role/eks" } },
                group("uncovered", { propertyDependencies: { clusterName: ["dev"] } }),
            ],
        });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["uncovered"]);
    });

    it("an Elastic Beanstalk environment on its platform's public AMI is reported unless it depends on the stack's default or names a custom AMI; unknown settings at preview are not judged", async () => {
        const environment = (name: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
            type: t.BEANSTALK_ENVIRONMENT, name, props, outputs: { ...props, region: { $unknown: "string" } }, ...extra,
        });
        const resources = [
            { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true }, outputs: { enabled: true, region: { $unknown: "string" } } },
            environment("web", BEANSTALK),
            environment("covered", BEANSTALK, { dependencies: ["ebs-default"] }),
            environment("custom-ami", { ...BEANSTALK, settings: [BEANSTALK_OPTION("ImageId", AMI)] }),
            // Its settings on a saved configuration of the stack, which names no custom AMI either.
            { type: t.BEANSTALK_CONFIGURATION_TEMPLATE, name: "web-config", props: { application: "shop", name: "web-config", settings: BEANSTALK.settings } },
            environment("saved", { application: "shop", templateName: "web-config" }),
        ];
        const byNameAndState = (run: Awaited<ReturnType<typeof engine.run>>) =>
            run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(" (")[0]]);
        const expected = [
            ["web", "mandatory", 'aws:elasticbeanstalk/environment:Environment "web": no `aws:autoscaling:launchconfiguration` option setting names an `ImageId`'],
            ["saved", "mandatory", 'aws:elasticbeanstalk/environment:Environment "saved": no `aws:autoscaling:launchconfiguration` option setting of the environment or of its saved configuration'],
        ];
        expect(byNameAndState(await engine.run({ resources }))).toEqual(expected);
        expect(byNameAndState(await engine.run({ preview: true, resources }))).toEqual(expected);
        const pending = await engine.run({
            preview: true,
            resources: [
                { type: "aws:imagebuilder/image:Image", name: "web-ami", props: { imageRecipeArn: "arn:aws:imagebuilder:us-east-1:111122223333:image-recipe/web/1.0.0" } },
                environment("from-image", { ...BEANSTALK, settings: [BEANSTALK_OPTION("ImageId", { $unknown: "string" })] }, { propertyDependencies: { settings: ["web-ami"] } }),
                environment("settings-pending", { ...BEANSTALK, settings: { $unknown: "array" } }, { propertyDependencies: { settings: ["web-ami"] } }),
                { type: t.BEANSTALK_CONFIGURATION_TEMPLATE, name: "pending-config", props: { application: "shop", name: "pending-config", settings: { $unknown: "array" } } },
                environment("saved-pending", { application: "shop", templateName: "pending-config" }),
                environment("name-pending", { application: "shop", templateName: { $unknown: "string" } }),
                { type: t.BEANSTALK_CONFIGURATION_TEMPLATE, name: "unnamed-config", props: { application: "shop", name: { $unknown: "string" }, settings: BEANSTALK.settings } },
            ],
        });
        expect(pending.diagnostics.filter((d) => d.policyName === POLICY || d.message.includes("Internal error"))).toEqual([]);
    });

    it("an EKS managed node group without a launch template, or with one of the stack that maps no volume, is reported unless it or its component depends on the stack's default", async () => {
        const group = (name: string, props: Record<string, unknown>, dependencies: string[] = []) => ({
            type: t.EKS_NODE_GROUP, name, props, outputs: { ...props, region: { $unknown: "string" } }, dependencies,
        });
        const run = await engine.run({
            resources: [
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true }, outputs: { enabled: true, region: { $unknown: "string" } } },
                group("general", { ...NODE_GROUP, instanceTypes: ["m6i.large"], diskSize: 40 }),
                group("covered", NODE_GROUP, ["ebs-default"]),
                group("templated", { ...NODE_GROUP, launchTemplate: { name: "eks-nodes", version: "1" } }),
                // @pulumi/eks's ManagedNodeGroup: the component's dependsOn holds for the node group it creates.
                { type: "eks:index:ManagedNodeGroup", name: "managed", custom: false, dependencies: ["ebs-default"] },
                { ...group("managed-ng", NODE_GROUP), parent: "managed" },
                // Its template for IMDSv2 sets no image and maps no volume: EKS's AMI decides the root volume.
                { type: t.EC2_LAUNCH_TEMPLATE, name: "imds", props: { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } } },
                { ...group("imds-ng", { ...NODE_GROUP, launchTemplate: { id: { $unknown: "string" }, version: { $unknown: "string" } } }), propertyDependencies: { launchTemplate: ["imds"] } },
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(" (")[0]])).toEqual([
            ["general", "mandatory", 'aws:eks/nodeGroup:NodeGroup "general": launchTemplate is not set'],
            ["imds-ng", "mandatory", 'aws:eks/nodeGroup:NodeGroup "imds-ng": launchTemplate is aws:ec2/launchTemplate:LaunchTemplate "imds", which sets no imageId and maps no EBS volume'],
        ]);
    });

    it("an AWS Batch EC2 compute environment without a launch template is reported unless it depends on the stack's default; Fargate and an encrypting template pass", async () => {
        // At preview the provider computes ec2Configurations and desiredVcpus: unknown in the outputs of a new environment.
        const environment = (name: string, computeResources: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
            type: t.BATCH_COMPUTE_ENVIRONMENT, name, props: BATCH(computeResources),
            outputs: { ...BATCH({ ...computeResources, ec2Configurations: { $unknown: "array" }, desiredVcpus: { $unknown: "number" } }), region: { $unknown: "string" } },
            ...extra,
        });
        const run = await engine.run({
            resources: [
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true }, outputs: { enabled: true, region: { $unknown: "string" } } },
                environment("jobs", BATCH_EC2),
                environment("covered", BATCH_EC2, { dependencies: ["ebs-default"] }),
                environment("serverless", BATCH_FARGATE),
                {
                    type: t.EC2_LAUNCH_TEMPLATE, name: "batch-nodes",
                    props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 100, volumeType: "gp3", encrypted: "true" } }] },
                },
                environment("templated", { ...BATCH_EC2, launchTemplate: { launchTemplateId: { $unknown: "string" }, version: "$Latest" } }, {
                    propertyDependencies: { computeResources: ["batch-nodes"] },
                }),
            ],
        });
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(" (")[0]])).toEqual([
            ["jobs", "mandatory", 'aws:batch/computeEnvironment:ComputeEnvironment "jobs": computeResources.launchTemplate is not set'],
        ]);
    });
});

describe("encryption-at-rest through the engine path", () => {
    const engine = useEngine();

    it("reports every unencrypted store of a realistic stack, mandatory by default, one message each", async () => {
        const run = await engine.run(loadInputFile(path.join(DIR, "insecure.json")));
        const found = run.of(POLICY);
        const names = found.map((d) => run.resources.find((r) => r.urn === d.urn)?.name);
        // Analyze reports per resource; AnalyzeStack, the EBS flags (the stack part), at the end.
        expect(names).toEqual([
            "batch-worker", "legacy-mysql", "reporting", "catalog", "recommendations", "shared-home", "events", "events-archive",
            "sessions-cache", "search", "orders-dlq", "warehouse", "orders-global", "product-cache", "scratch-volume", "batch-worker", "eks-nodes",
        ]);
        expect(new Set(found.map((d) => d.enforcementLevel))).toEqual(new Set(["mandatory"]));
        // The engine prefixes the policy's description; the finding is the last line.
        for (const d of found) expect(d.message.split("\n").pop()).toMatch(/^aws:[^ ]+ "[^"]+": [A-Za-z[\].0-9]+ is .+\. .+\.$/);
    });

    it("an SNS topic without a key passes (SNS encrypts its disks) and is reported only under requireCustomerManagedKey", async () => {
        const input = loadInputFile(path.join(DIR, "insecure.json"));
        const alerts = input.resources.find((r) => r.name === "alerts");
        expect(alerts?.type).toBe(t.SNS_TOPIC);
        expect(alerts?.inputs.kmsMasterKeyId).toBeUndefined();
        const run = await engine.run(input, CMK_RUN);
        const messages = run.of(POLICY).filter((d) => d.urn === alerts?.urn).map((d) => d.message.split("\n").pop());
        expect(messages).toEqual([expect.stringContaining("kmsMasterKeyId is not set (SNS stores messages with its own disk encryption). requireCustomerManagedKey is true")]);
    });

    it("passes the same stack encrypted, including inherited and always-encrypted stores, with and without requireCustomerManagedKey", async () => {
        const input = loadInputFile(path.join(DIR, "secure.json"));
        expect((await engine.run(input)).of(POLICY).map((d) => d.message)).toEqual([]);
        expect((await engine.run(input, CMK_RUN)).of(POLICY).map((d) => d.message)).toEqual([]);
    });

    it("a first preview with every key unknown shows no diagnostic, even with requireCustomerManagedKey", async () => {
        const input = loadInputFile(path.join(DIR, "preview.json"));
        expect(input.preview).toBe(true);
        expect((await engine.run(input)).of(POLICY).map((d) => d.message)).toEqual([]);
        expect((await engine.run(input, CMK_RUN)).of(POLICY).map((d) => d.message)).toEqual([]);
    });

    it("judges a stack export's inputs: provider-filled defaults count, a replica does not, SSE-SQS and DynamoDB pass", async () => {
        const run = await engine.run(loadInputFile(path.join(DIR, "stack-export.json")));
        const found = run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split(": ")[1].split(" (")[0].split(".")[0]]);
        expect(found).toEqual([
            ["orders-db", "storageEncrypted is not set"],
            ["uploads-fs", "encrypted is not set"],
            ["clicks", 'encryptionType is "NONE"'],
        ]);
    });

    it("credits an aws.ebs.EncryptionByDefault of the stack only in its region and for what depends on it; ebsEncryptionByDefault credits all", async () => {
        const stack = {
            resources: [
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true } },
                { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default-us-west", props: { enabled: true, region: "us-west-2" } },
                { type: t.EBS_VOLUME, name: "data", props: { availabilityZone: "us-east-1a", size: 10 }, dependencies: ["ebs-default"] },
                { type: t.EBS_VOLUME, name: "archive", props: { availabilityZone: "us-east-1a", size: 10 }, dependencies: ["ebs-default-us-west"] },
                { type: t.EC2_INSTANCE, name: "worker", props: { ami: AMI, instanceType: "t3.micro", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 10 }] } },
            ],
        };
        const run = await engine.run(stack);
        const found = run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()]);
        expect(found.map(([name]) => name)).toEqual(["archive", "worker"]);
        // Of the two, the closest: one of its region that it should depend on.
        expect(found[0][1]).toContain("Add it to the volume's `dependsOn` (e.g. `dependsOn: [ebsDefault]`)");
        expect(found[1][1]).toContain('the instance does not depend on aws.ebs.EncryptionByDefault "ebs-default" of this stack, which may then be created after it). ' +
            "Add it to the instance's `dependsOn` (e.g. `dependsOn: [ebsDefault]`), or set `encrypted: true` on the device");
        const credited = await engine.run(stack, { config: { [POLICY]: { properties: { ebsEncryptionByDefault: true } } } });
        expect(credited.of(POLICY)).toEqual([]);
    });

    it("reads a stack export's outputs for EBS: what AWS reports decides, an existing volume created before the default stays reported", async () => {
        const run = await engine.run(loadInputFile(path.join(DIR, "ebs-stack-export.json")));
        const found = run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()!.split(": ")[1].split(". ")[0]]);
        expect(found).toEqual([
            ["scratch-volume", "encrypted is false"],
            ["batch-worker", "ebsBlockDevices[0].encrypted is false"],
        ]);
    });

    it("honours exemptions and expired exemptions on the stack part's findings, and reports a bad config once", async () => {
        const stack = {
            resources: [
                { type: t.EBS_VOLUME, name: "scratch-data", props: { availabilityZone: "us-east-1a", size: 10 } },
                { type: t.EBS_VOLUME, name: "old-data", props: { availabilityZone: "us-east-1a", size: 10 } },
                { type: t.EBS_VOLUME, name: "data", props: { availabilityZone: "us-east-1a", size: 10 } },
            ],
        };
        const exemptions = [
            { name: "scratch-*", reason: "throw-away CI volumes" },
            { name: "old-data", reason: "migrated in Q1", expires: "2020-01-31" },
        ];
        const run = await engine.run(stack, { config: { [POLICY]: { properties: { exemptions } } } });
        const found = run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message]);
        expect(found.map(([name]) => name)).toEqual(["old-data", "data"]);
        expect(found[0][1]).toContain("2020-01-31");
        // A typo: the resource part reports it on the stack and on each volume; the stack part does not repeat it.
        const bad = await engine.run(stack, { config: { [POLICY]: { properties: { ebsEncryptionByDefualt: true } } } });
        expect(bad.of(POLICY).map((d) => d.urn.split("::").pop())).toEqual(["project-dev", "scratch-data", "old-data", "data"]);
        for (const d of bad.of(POLICY)) expect(d.message).toContain('unknown configuration key "ebsEncryptionByDefualt" (did you mean "ebsEncryptionByDefault"?)');
    });

    it("with requireCustomerManagedKey, reads a Bedrock agent and a feature group's stores", async () => {
        const run = await engine.run({
            resources: [
                { type: t.BEDROCK_AGENT, name: "support", props: AGENT },
                { type: t.SAGEMAKER_FEATURE_GROUP, name: "orders", props: { ...FEATURE_GROUP, onlineStoreConfig: { enableOnlineStore: true, securityConfig: { kmsKeyId: KEY } } } },
            ],
        }, CMK_RUN);
        expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.message.split("\n").pop()!.split(" (")[0]])).toEqual([
            ["support", 'aws:bedrock/agentAgent:AgentAgent "support": customerEncryptionKeyArn is not set'],
        ]);
    });

    it("an unknown key id under requireCustomerManagedKey gives no diagnostic at all, on any resource", async () => {
        const run = await engine.run({
            preview: true,
            resources: [
                { type: t.KMS_KEY, name: "k", props: { description: "k", enableKeyRotation: true } },
                { type: t.SNS_TOPIC, name: "topic", props: { kmsMasterKeyId: { $unknown: "string" } }, propertyDependencies: { kmsMasterKeyId: ["k"] } },
                { type: t.RDS_INSTANCE, name: "db", props: { engine: "postgres", storageEncrypted: true, kmsKeyId: { $unknown: "string" }, deletionProtection: true } },
            ],
        }, CMK_RUN);
        expect(findingsOrErrors(run)).toEqual([]);
    });

    it("honours exemptions, and shows no secret input", async () => {
        const secret = "hunter2-not-a-real-password";
        const run = await engine.run({
            resources: [
                { type: t.RDS_INSTANCE, name: "legacy", props: { engine: "mysql", password: { $secret: secret }, storageEncrypted: false } },
                { type: t.RDS_INSTANCE, name: "scratch-db", props: { engine: "mysql", password: { $secret: secret } } },
            ],
        }, { config: { [POLICY]: { properties: { exemptions: [{ name: "scratch-*", reason: "throw-away CI databases" }] } } } });
        expect(run.of(POLICY).map((d) => run.resources.find((r) => r.urn === d.urn)?.name)).toEqual(["legacy"]);
        for (const d of run.diagnostics) assertNotShown(d.message, [secret], "a diagnostic");
    });

    it("serves its metadata: mandatory, medium, with both config keys", () => {
        expect(encryptionAtRest.enforcementLevel).toBe("mandatory");
        expect(encryptionAtRest.severity).toBe("medium");
        expect(Object.keys(encryptionAtRest.configSchema.properties).sort()).toEqual(["ebsEncryptionByDefault", "requireCustomerManagedKey"]);
        expect(encryptionAtRest.strictConfig).toEqual({ requireCustomerManagedKey: true });
    });
});

describe("stores AWS always encrypts, judged only for their key under requireCustomerManagedKey (pure rule)", () => {
    // [type, key input, minimal inputs, the default the message names]
    const stores: [string, string, Record<string, unknown>, string][] = [
        [t.CLOUDTRAIL_EVENT_DATA_STORE, "kmsKeyId", { name: "org-events" }, "CloudTrail Lake encrypts the event data store with a key CloudTrail owns"],
        [t.EVENTBRIDGE_ARCHIVE, "kmsKeyIdentifier", { name: "orders", eventSourceArn: "arn:aws:events:eu-west-1:111122223333:event-bus/orders" }, "EventBridge encrypts archived events with an AWS owned key"],
        [t.MWAA_ENVIRONMENT, "kmsKey", { name: "etl", dagS3Path: "dags/" }, "Amazon MWAA uses the AWS managed key aws/airflow"],
        [t.NEPTUNE_GRAPH, "kmsKeyIdentifier", { graphName: "fraud", provisionedMemory: 16 }, "Neptune Analytics uses an AWS owned key"],
        [t.FSX_FILE_CACHE, "kmsKeyId", { fileCacheType: "LUSTRE", storageCapacity: 1200 }, "FSx uses the AWS managed key aws/fsx"],
        [t.LOCATION_TRACKER, "kmsKeyId", { trackerName: "fleet" }, "Amazon Location uses an AWS owned key"],
        [t.LOCATION_GEOFENCE_COLLECTION, "kmsKeyId", { collectionName: "depots" }, "Amazon Location uses an AWS owned key"],
        [t.SAGEMAKER_DOMAIN, "kmsKeyId", { domainName: "research", authMode: "IAM" }, "SageMaker encrypts the domain's EFS home directories with an AWS managed key"],
        [t.MAILMANAGER_ARCHIVE, "kmsKeyArn", { archiveName: "compliance" }, "Mail Manager encrypts the archived mail with a key of AWS's"],
        [t.WORKMAIL_ORGANIZATION, "kmsKeyArn", { organizationAlias: "acme-mail" }, "WorkMail encrypts the mailboxes with an AWS managed key"],
        [t.BEDROCK_AGENTCORE_MEMORY, "encryptionKeyArn", { name: "support_memory", eventExpiryDuration: 30 }, "AgentCore encrypts the memory with a key of AWS's"],
        [t.GRAFANA_WORKSPACE, "kmsKeyId", { accountAccessType: "CURRENT_ACCOUNT", permissionType: "SERVICE_MANAGED" }, "Managed Grafana encrypts the workspace's data with a key of AWS's"],
        [t.DYNAMODB_TABLE_REPLICA, "kmsKeyArn", { globalTableArn: "arn:aws:dynamodb:us-east-1:111122223333:table/orders" }, "the replica uses the AWS managed key aws/dynamodb of its region"],
        [t.DATAZONE_DOMAIN, "kmsKeyIdentifier", { name: "analytics" }, "DataZone encrypts the domain's metadata with a key of AWS's"],
        // AWS: "By default, SNS stores messages and files using disk encryption" (Security Hub SNS.1,
        // retired from the Foundational Security Best Practices in April 2024).
        [t.SNS_TOPIC, "kmsMasterKeyId", { name: "alerts" }, "SNS stores messages with its own disk encryption"],
    ];
    it.each(stores)("%s: passes by default and with a customer managed key; reports no key or an AWS managed one under requireCustomerManagedKey", (type, property, props, note) => {
        expect(judge(type, props)).toEqual([]);
        expect(judge(type, { ...props, [property]: KEY }, CMK)).toEqual([]);
        expect(judge(type, { ...props, [property]: U }, CMK)).toEqual([]);
        expect(judge(type, props, CMK).map((f) => f.message)).toEqual([expect.stringContaining(`${property} is not set (${note})`)]);
        expect(judge(type, { ...props, [property]: "alias/aws/s3" }, CMK)).toHaveLength(1);
    });
});

// Athena query results, CodeBuild artifacts, S3 vectors, Step Functions data and Lambda
// environment variables are always encrypted (the output bucket's default or an
// encryptionConfiguration, aws/s3, SSE-S3, an AWS owned key, a key of AWS's): only
// requireCustomerManagedKey judges them, each through its own shape of key input.
const WORKGROUP = (configuration?: Record<string, unknown>) => ({ name: "analytics", ...(configuration ? { configuration } : {}) });
const RESULTS = (encryptionConfiguration?: Record<string, unknown>) => ({
    enforceWorkgroupConfiguration: true, publishCloudwatchMetricsEnabled: true,
    resultConfiguration: { outputLocation: "s3://acme-athena-results/output/", ...(encryptionConfiguration ? { encryptionConfiguration } : {}) },
});
const MANAGED_RESULTS = (encryptionConfiguration?: Record<string, unknown>) => ({
    managedQueryResultsConfiguration: { enabled: true, ...(encryptionConfiguration ? { encryptionConfiguration } : {}) },
});
const BUILD = {
    name: "orders-ci", serviceRole: "arn:aws:iam::111122223333:role/codebuild", artifacts: { type: "NO_ARTIFACTS" },
    environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/amazonlinux2-x86_64-standard:5.0", type: "LINUX_CONTAINER" },
    source: { type: "GITHUB", location: "https://github.com/acme/orders.git" },
};
const VECTOR_BUCKET = { vectorBucketName: "product-embeddings" };
const VECTOR_INDEX = { vectorBucketName: "product-embeddings", indexName: "products", dataType: "float32", dimension: 1024, distanceMetric: "cosine" };
const STATE_MACHINE = { name: "orders", roleArn: "arn:aws:iam::111122223333:role/sfn", definition: JSON.stringify({ StartAt: "Done", States: { Done: { Type: "Succeed" } } }) };
const ACTIVITY = { name: "approve-order" };
const FUNCTION = { name: "orders", role: "arn:aws:iam::111122223333:role/lambda", runtime: "nodejs20.x", handler: "index.handler", s3Bucket: "acme-lambda-code", s3Key: "orders.zip" };
const WITH_VARIABLES = { ...FUNCTION, environment: { variables: { TABLE_NAME: "orders", LOG_LEVEL: "info" } } };

/** An S3 Tables table (its bucket's encryption unless it declares its own, "overridden at the table level"). */
const TABLE = { name: "orders", namespace: "sales", tableBucketArn: "arn:aws:s3tables:us-east-1:111122223333:bucket/analytics", format: "ICEBERG" };

describe("Athena, CodeBuild, S3 Vectors, Step Functions and Lambda: judged only under requireCustomerManagedKey (pure rule)", () => {
    const passes: Case[] = [
        // Without requireCustomerManagedKey none is judged, whatever it declares.
        ["a workgroup that declares no encryption (the output bucket's default encrypts)", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS())],
        ["a workgroup without configuration", t.ATHENA_WORKGROUP, WORKGROUP()],
        ["a workgroup with SSE_S3", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS({ encryptionOption: "SSE_S3" }))],
        ["a CodeBuild project without a key (aws/s3)", t.CODEBUILD_PROJECT, BUILD],
        ["a vector bucket without encryption configuration (SSE-S3)", t.S3_VECTORS_BUCKET, VECTOR_BUCKET],
        ["a vector bucket with AES256", t.S3_VECTORS_BUCKET, { ...VECTOR_BUCKET, encryptionConfigurations: [{ sseType: "AES256" }] }],
        ["a state machine without encryption configuration (an AWS owned key)", t.SFN_STATE_MACHINE, STATE_MACHINE],
        ["a state machine with AWS_OWNED_KEY", t.SFN_STATE_MACHINE, { ...STATE_MACHINE, encryptionConfiguration: { type: "AWS_OWNED_KEY" } }],
        ["an activity without encryption configuration", t.SFN_ACTIVITY, ACTIVITY],
        ["a function with environment variables and no key", t.LAMBDA_FUNCTION, WITH_VARIABLES],
        // Under requireCustomerManagedKey: what names a customer managed key, and what has nothing to encrypt with one.
        ["a workgroup with SSE_KMS and a key", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS({ encryptionOption: "SSE_KMS", kmsKeyArn: KEY })), CMK],
        ["a workgroup with CSE_KMS and a key", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS({ encryptionOption: "CSE_KMS", kmsKeyArn: KEY })), CMK],
        ["a workgroup with managed query results and a key", t.ATHENA_WORKGROUP, WORKGROUP(MANAGED_RESULTS({ kmsKey: KEY })), CMK],
        ["a CodeBuild project with a key", t.CODEBUILD_PROJECT, { ...BUILD, encryptionKey: KEY }, CMK],
        ["a vector bucket with aws:kms and a key", t.S3_VECTORS_BUCKET, { ...VECTOR_BUCKET, encryptionConfigurations: [{ sseType: "aws:kms", kmsKeyArn: KEY }] }, CMK],
        ["a vector index without encryption configuration (it takes its bucket's)", t.S3_VECTORS_INDEX, VECTOR_INDEX, CMK],
        ["a vector index with aws:kms and a key", t.S3_VECTORS_INDEX, { ...VECTOR_INDEX, encryptionConfigurations: [{ sseType: "aws:kms", kmsKeyArn: KEY }] }, CMK],
        ["an S3 table without encryption configuration (it takes its bucket's)", t.S3TABLES_TABLE, TABLE, CMK],
        ["an S3 table with aws:kms and a key", t.S3TABLES_TABLE, { ...TABLE, encryptionConfiguration: { sseAlgorithm: "aws:kms", kmsKeyArn: KEY } }, CMK],
        ["an S3 table with AES256, by default", t.S3TABLES_TABLE, { ...TABLE, encryptionConfiguration: { sseAlgorithm: "AES256", kmsKeyArn: "" } }],
        ["a state machine with a customer managed key", t.SFN_STATE_MACHINE, { ...STATE_MACHINE, encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: KEY, kmsDataKeyReusePeriodSeconds: 300 } }, CMK],
        ["an activity with a customer managed key", t.SFN_ACTIVITY, { ...ACTIVITY, encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: "alias/orders-sfn" } }, CMK],
        ["a function without environment variables (nothing to encrypt with a key)", t.LAMBDA_FUNCTION, FUNCTION, CMK],
        ["a function with an empty environment block", t.LAMBDA_FUNCTION, { ...FUNCTION, environment: {} }, CMK],
        ["a function with no variables in its environment", t.LAMBDA_FUNCTION, { ...FUNCTION, environment: { variables: {} } }, CMK],
        ["a function with SnapStart off", t.LAMBDA_FUNCTION, { ...FUNCTION, runtime: "java21", snapStart: { applyOn: "None" } }, CMK],
        ["a function with environment variables and a key", t.LAMBDA_FUNCTION, { ...WITH_VARIABLES, kmsKeyArn: KEY }, CMK],
        // Unknown at preview: never judged.
        ["an unknown workgroup configuration", t.ATHENA_WORKGROUP, WORKGROUP(UNKNOWN_SENTINELS.object as unknown as Record<string, unknown>), CMK],
        ["an unknown result configuration", t.ATHENA_WORKGROUP, WORKGROUP({ resultConfiguration: UNKNOWN_SENTINELS.object }), CMK],
        ["an unknown encryption option", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS({ encryptionOption: U })), CMK],
        ["an unknown workgroup key", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS({ encryptionOption: "SSE_KMS", kmsKeyArn: U })), CMK],
        ["an unknown managed results flag", t.ATHENA_WORKGROUP, WORKGROUP({ managedQueryResultsConfiguration: { enabled: UB } }), CMK],
        ["an unknown managed results key", t.ATHENA_WORKGROUP, WORKGROUP(MANAGED_RESULTS({ kmsKey: U })), CMK],
        ["an unknown CodeBuild key", t.CODEBUILD_PROJECT, { ...BUILD, encryptionKey: U }, CMK],
        ["an unknown vector encryption list", t.S3_VECTORS_BUCKET, { ...VECTOR_BUCKET, encryptionConfigurations: UNKNOWN_SENTINELS.array }, CMK],
        ["an unknown vector encryption element", t.S3_VECTORS_BUCKET, { ...VECTOR_BUCKET, encryptionConfigurations: [UNKNOWN_SENTINELS.object] }, CMK],
        ["an unknown vector sseType", t.S3_VECTORS_INDEX, { ...VECTOR_INDEX, encryptionConfigurations: [{ sseType: U, kmsKeyArn: U }] }, CMK],
        ["an unknown S3 table encryption block", t.S3TABLES_TABLE, { ...TABLE, encryptionConfiguration: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown S3 table key", t.S3TABLES_TABLE, { ...TABLE, encryptionConfiguration: { sseAlgorithm: "aws:kms", kmsKeyArn: U } }, CMK],
        ["an unknown state machine encryption block", t.SFN_STATE_MACHINE, { ...STATE_MACHINE, encryptionConfiguration: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown state machine encryption type", t.SFN_STATE_MACHINE, { ...STATE_MACHINE, encryptionConfiguration: { type: U, kmsKeyId: U } }, CMK],
        ["an unknown activity key", t.SFN_ACTIVITY, { ...ACTIVITY, encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: U } }, CMK],
        ["an unknown environment", t.LAMBDA_FUNCTION, { ...FUNCTION, environment: UNKNOWN_SENTINELS.object }, CMK],
        ["unknown variables", t.LAMBDA_FUNCTION, { ...FUNCTION, environment: { variables: UNKNOWN_SENTINELS.object } }, CMK],
        ["an unknown SnapStart block", t.LAMBDA_FUNCTION, { ...FUNCTION, snapStart: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown function key", t.LAMBDA_FUNCTION, { ...WITH_VARIABLES, kmsKeyArn: U }, CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    // [label, type, props, what the one finding says]
    const misses: [string, string, Record<string, unknown>, string][] = [
        ["a workgroup without configuration", t.ATHENA_WORKGROUP, WORKGROUP(),
            "configuration.resultConfiguration.encryptionConfiguration.encryptionOption is not set (Athena writes query results with the output bucket's default encryption"],
        ["a workgroup that declares no encryption", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS()), "encryptionConfiguration.encryptionOption is not set"],
        ["a workgroup with SSE_S3", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS({ encryptionOption: "SSE_S3" })), 'encryptionConfiguration.encryptionOption is "SSE_S3"'],
        ["a workgroup with SSE_KMS and no key", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS({ encryptionOption: "SSE_KMS" })), "encryptionConfiguration.kmsKeyArn is not set"],
        ["a workgroup with SSE_KMS and the AWS managed key", t.ATHENA_WORKGROUP, WORKGROUP(RESULTS({ encryptionOption: "SSE_KMS", kmsKeyArn: "alias/aws/s3" })), "encryptionConfiguration.kmsKeyArn"],
        ["a workgroup with managed query results and no key", t.ATHENA_WORKGROUP, WORKGROUP(MANAGED_RESULTS()),
            "configuration.managedQueryResultsConfiguration.encryptionConfiguration.kmsKey is not set (Athena encrypts managed query results with a key of its own"],
        ["a CodeBuild project without a key", t.CODEBUILD_PROJECT, BUILD, "encryptionKey is not set (CodeBuild encrypts build artifacts with the AWS managed key aws/s3"],
        ["a CodeBuild project with aws/s3", t.CODEBUILD_PROJECT, { ...BUILD, encryptionKey: "alias/aws/s3" }, "encryptionKey"],
        ["a vector bucket without encryption configuration", t.S3_VECTORS_BUCKET, VECTOR_BUCKET, "encryptionConfigurations is not set (S3 Vectors encrypts the vectors with SSE-S3"],
        ["a vector bucket with AES256", t.S3_VECTORS_BUCKET, { ...VECTOR_BUCKET, encryptionConfigurations: [{ sseType: "AES256" }] }, 'encryptionConfigurations[0].sseType is "AES256"'],
        ["a vector index with AES256", t.S3_VECTORS_INDEX, { ...VECTOR_INDEX, encryptionConfigurations: [{ sseType: "AES256" }] }, 'encryptionConfigurations[0].sseType is "AES256"'],
        ["an S3 table that declares AES256 (SSE-S3, whatever its bucket's)", t.S3TABLES_TABLE, { ...TABLE, encryptionConfiguration: { sseAlgorithm: "AES256", kmsKeyArn: "" } },
            'encryptionConfiguration.sseAlgorithm is "AES256"'],
        ["an S3 table with aws:kms and the AWS managed key", t.S3TABLES_TABLE, { ...TABLE, encryptionConfiguration: { sseAlgorithm: "aws:kms", kmsKeyArn: "alias/aws/s3" } },
            "encryptionConfiguration.kmsKeyArn"],
        ["a state machine without encryption configuration", t.SFN_STATE_MACHINE, STATE_MACHINE, "encryptionConfiguration.type is not set (Step Functions encrypts with an AWS owned key"],
        ["a state machine with AWS_OWNED_KEY", t.SFN_STATE_MACHINE, { ...STATE_MACHINE, encryptionConfiguration: { type: "AWS_OWNED_KEY" } }, 'encryptionConfiguration.type is "AWS_OWNED_KEY"'],
        ["a state machine with a customer managed type and no key", t.SFN_STATE_MACHINE, { ...STATE_MACHINE, encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY" } }, "encryptionConfiguration.kmsKeyId is not set"],
        ["an activity without encryption configuration", t.SFN_ACTIVITY, ACTIVITY, "encryptionConfiguration.type is not set"],
        ["a function with environment variables and no key", t.LAMBDA_FUNCTION, WITH_VARIABLES,
            "kmsKeyArn is not set (Lambda encrypts the function's environment variables with a key of AWS's"],
        ["a function with environment variables and aws/lambda", t.LAMBDA_FUNCTION, { ...WITH_VARIABLES, kmsKeyArn: "alias/aws/lambda" }, "kmsKeyArn"],
        ["a function with SnapStart on published versions and no key", t.LAMBDA_FUNCTION, { ...FUNCTION, runtime: "java21", snapStart: { applyOn: "PublishedVersions" } },
            "kmsKeyArn is not set (Lambda encrypts the function's SnapStart snapshots with a key of AWS's"],
    ];
    reportedOnlyUnderCmk(misses);

    cmkThroughEngine({
        resources: [
            { type: t.ATHENA_WORKGROUP, name: "analytics", props: WORKGROUP(RESULTS({ encryptionOption: "SSE_S3" })) },
            { type: t.ATHENA_WORKGROUP, name: "managed", props: WORKGROUP(MANAGED_RESULTS()) },
            { type: t.CODEBUILD_PROJECT, name: "orders-ci", props: BUILD },
            { type: t.S3_VECTORS_BUCKET, name: "embeddings", props: VECTOR_BUCKET },
            { type: t.S3_VECTORS_INDEX, name: "products", props: VECTOR_INDEX },
            { type: t.S3TABLES_TABLE, name: "orders-table", props: { ...TABLE, encryptionConfiguration: { sseAlgorithm: "AES256", kmsKeyArn: "" } } },
            { type: t.S3TABLES_TABLE, name: "events-table", props: TABLE },
            { type: t.SFN_STATE_MACHINE, name: "order-flow", props: STATE_MACHINE },
            { type: t.SFN_ACTIVITY, name: "approve-order", props: { ...ACTIVITY, encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY" } } },
            { type: t.LAMBDA_FUNCTION, name: "orders-api", props: WITH_VARIABLES },
            { type: t.LAMBDA_FUNCTION, name: "thumbnailer", props: FUNCTION },
        ],
        reports: "reports each store without a customer managed key only under requireCustomerManagedKey; a function without variables and an index are not judged",
        expected: [
            ["analytics", 'configuration.resultConfiguration.encryptionConfiguration.encryptionOption is "SSE_S3". requireCustomerManagedKey is true'],
            ["managed", "configuration.managedQueryResultsConfiguration.encryptionConfiguration.kmsKey is not set"],
            ["orders-ci", "encryptionKey is not set"],
            ["embeddings", "encryptionConfigurations is not set"],
            ["orders-table", 'encryptionConfiguration.sseAlgorithm is "AES256". requireCustomerManagedKey is true'],
            ["order-flow", "encryptionConfiguration.type is not set"],
            ["approve-order", "encryptionConfiguration.kmsKeyId is not set"],
            ["orders-api", "kmsKeyArn is not set"],
        ],
        preview: "preview: keys and blocks from a key created in the same update are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.ATHENA_WORKGROUP, name: "analytics", ...fromKey("configuration"), props: WORKGROUP(RESULTS({ encryptionOption: "SSE_KMS", kmsKeyArn: ENGINE_UNKNOWN })) },
            { type: t.CODEBUILD_PROJECT, name: "orders-ci", ...fromKey("encryptionKey"), props: { ...BUILD, encryptionKey: ENGINE_UNKNOWN } },
            { type: t.S3_VECTORS_BUCKET, name: "embeddings", ...fromKey("encryptionConfigurations"), props: { ...VECTOR_BUCKET, encryptionConfigurations: [{ sseType: "aws:kms", kmsKeyArn: ENGINE_UNKNOWN }] } },
            { type: t.S3TABLES_TABLE, name: "orders-table", ...fromKey("encryptionConfiguration"), props: { ...TABLE, encryptionConfiguration: { sseAlgorithm: "aws:kms", kmsKeyArn: ENGINE_UNKNOWN } } },
            { type: t.SFN_STATE_MACHINE, name: "order-flow", ...fromKey("encryptionConfiguration"), props: { ...STATE_MACHINE, encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: ENGINE_UNKNOWN } } },
            { type: t.LAMBDA_FUNCTION, name: "orders-api", ...fromKey("kmsKeyArn"), props: { ...WITH_VARIABLES, kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.LAMBDA_FUNCTION, name: "reports", props: { ...FUNCTION, environment: { variables: { $unknown: "object" } } } },
        ],
    });

    it("never quotes a Lambda function's environment variables", () => {
        const secret = "not-a-real-token-7f3a9c";
        const found = judge(t.LAMBDA_FUNCTION, { ...FUNCTION, environment: { variables: { API_TOKEN: secret } } }, CMK);
        expect(found).toHaveLength(1);
        assertNotShown(found[0].message, [secret], "a finding");
    });
});

// What a customer managed key of a workgroup or a project does not cover: results a client may
// write with its own settings (Athena's enforceWorkgroupConfiguration: false), artifacts and S3
// logs CodeBuild writes without its key (encryptionDisabled: true). S3 encrypts every object
// since January 2023, so only requireCustomerManagedKey judges them.
const S3_ARTIFACTS = { type: "S3", location: "acme-build-artifacts", packaging: "ZIP" };
const S3_LOGS = (s3Logs: Record<string, unknown>) => ({ logsConfig: { cloudwatchLogs: { status: "ENABLED" }, s3Logs } });
const KEYED_BUILD = { ...BUILD, encryptionKey: KEY };
const KMS_RESULTS = RESULTS({ encryptionOption: "SSE_KMS", kmsKeyArn: KEY });

describe("Athena client overrides and CodeBuild outputs without the project's key (pure rule)", () => {
    const passes: Case[] = [
        // Default config: S3 encrypts the objects (JamesWoolfenden/full-fast-fail athena.tf; Trivy AVD-AWS-0018's and prowler's failing examples).
        ["a workgroup that lets clients override its settings", t.ATHENA_WORKGROUP, WORKGROUP({ ...KMS_RESULTS, enforceWorkgroupConfiguration: false })],
        ["S3 artifacts with encryption disabled", t.CODEBUILD_PROJECT, { ...BUILD, artifacts: { ...S3_ARTIFACTS, encryptionDisabled: true } }],
        ["S3 logs with encryption disabled", t.CODEBUILD_PROJECT, { ...BUILD, ...S3_LOGS({ status: "ENABLED", location: "acme-build-logs/ci", encryptionDisabled: true }) }],
        // requireCustomerManagedKey: the workgroup's settings hold (the provider's default is true), or the project's key covers its outputs.
        ["a workgroup that enforces its settings (tfsec's good example)", t.ATHENA_WORKGROUP, WORKGROUP(KMS_RESULTS), CMK],
        ["a workgroup that leaves enforcement to the provider's default (true)", t.ATHENA_WORKGROUP,
            WORKGROUP({ resultConfiguration: { outputLocation: "s3://acme-athena-results/", encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: KEY } } }), CMK],
        ["managed query results with a key and enforcement off (no client-side result settings)", t.ATHENA_WORKGROUP,
            WORKGROUP({ ...MANAGED_RESULTS({ kmsKey: KEY }), enforceWorkgroupConfiguration: false }), CMK],
        ["S3 artifacts encrypted with the project's key (branedev2/for-pull-req's compliant example)", t.CODEBUILD_PROJECT,
            { ...KEYED_BUILD, artifacts: { ...S3_ARTIFACTS, encryptionDisabled: false } }, CMK],
        ["S3 logs left to the project's key (the registry's example)", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, ...S3_LOGS({ status: "ENABLED", location: "acme-build-logs/ci" }) }, CMK],
        ["no artifacts: the flag is ignored", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, artifacts: { type: "NO_ARTIFACTS", encryptionDisabled: true } }, CMK],
        ["CodePipeline artifacts: the pipeline's artifact store encrypts them", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, artifacts: { type: "CODEPIPELINE", encryptionDisabled: true } }, CMK],
        ["S3 logs off, with encryption disabled", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, ...S3_LOGS({ status: "DISABLED", encryptionDisabled: true }) }, CMK],
        ["S3 logs without a status (DISABLED by default)", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, ...S3_LOGS({ encryptionDisabled: true }) }, CMK],
        // Unknown at preview.
        ["an unknown enforcement flag", t.ATHENA_WORKGROUP, WORKGROUP({ ...KMS_RESULTS, enforceWorkgroupConfiguration: UB }), CMK],
        ["an unknown managed results flag with enforcement off", t.ATHENA_WORKGROUP,
            WORKGROUP({ ...KMS_RESULTS, enforceWorkgroupConfiguration: false, managedQueryResultsConfiguration: { enabled: UB } }), CMK],
        ["an unknown encryptionDisabled (a module variable)", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, artifacts: { ...S3_ARTIFACTS, encryptionDisabled: UB } }, CMK],
        ["an unknown artifacts type", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, artifacts: { type: U, encryptionDisabled: true } }, CMK],
        ["unknown artifacts", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, artifacts: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown secondary artifact", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, secondaryArtifacts: [UNKNOWN_SENTINELS.object] }, CMK],
        ["an unknown S3 logs status", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, ...S3_LOGS({ status: U, encryptionDisabled: true }) }, CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    const misses: [string, string, Record<string, unknown>, string][] = [
        // tfsec aws-athena-no-encryption-override's bad example (Checkov CKV_AWS_82): clients' settings override the workgroup's.
        ["a workgroup with SSE_KMS and a key that lets clients override it", t.ATHENA_WORKGROUP, WORKGROUP({ ...KMS_RESULTS, enforceWorkgroupConfiguration: false }),
            "configuration.enforceWorkgroupConfiguration is false (queries may then set their own result encryption and key"],
        ["S3 artifacts with encryption disabled", t.CODEBUILD_PROJECT, { ...KEYED_BUILD, artifacts: { ...S3_ARTIFACTS, encryptionDisabled: true } },
            "artifacts.encryptionDisabled is true (CodeBuild then writes them without the project's key"],
        ["a secondary S3 artifact with encryption disabled", t.CODEBUILD_PROJECT,
            { ...KEYED_BUILD, secondaryArtifacts: [{ ...S3_ARTIFACTS, artifactIdentifier: "reports", encryptionDisabled: false }, { ...S3_ARTIFACTS, artifactIdentifier: "site", encryptionDisabled: true }] },
            "secondaryArtifacts[1].encryptionDisabled is true"],
        ["S3 logs with encryption disabled (Security Hub CodeBuild.3)", t.CODEBUILD_PROJECT,
            { ...KEYED_BUILD, ...S3_LOGS({ status: "ENABLED", location: "acme-build-logs/ci", encryptionDisabled: true }) }, "logsConfig.s3Logs.encryptionDisabled is true"],
    ];
    reportedOnlyUnderCmk(misses);

    const fromConfig = (property: string) => ({ propertyDependencies: { [property]: ["cfg"] } });
    cmkThroughEngine({
        resources: [
            { type: t.ATHENA_WORKGROUP, name: "adhoc", props: WORKGROUP({ ...KMS_RESULTS, enforceWorkgroupConfiguration: false }) },
            { type: t.ATHENA_WORKGROUP, name: "reports", props: WORKGROUP(KMS_RESULTS) },
            { type: t.CODEBUILD_PROJECT, name: "site-build", props: { ...KEYED_BUILD, artifacts: { ...S3_ARTIFACTS, encryptionDisabled: true }, ...S3_LOGS({ status: "ENABLED", encryptionDisabled: true }) } },
            { type: t.CODEBUILD_PROJECT, name: "tests", props: { ...KEYED_BUILD, ...S3_LOGS({ status: "ENABLED" }) } },
        ],
        reports: "reports client overrides and outputs without the project's key only under requireCustomerManagedKey",
        expected: [
            ["adhoc", "configuration.enforceWorkgroupConfiguration is false"],
            ["site-build", "artifacts.encryptionDisabled is true"],
            ["site-build", "logsConfig.s3Logs.encryptionDisabled is true"],
        ],
        preview: "preview: flags from another resource's output are not judged",
        previewResources: [
            { type: "aws:ssm/parameter:Parameter", name: "cfg", props: { name: "/ci/flags", type: "String", value: "false" } },
            { type: t.ATHENA_WORKGROUP, name: "adhoc", ...fromConfig("configuration"), props: WORKGROUP({ ...KMS_RESULTS, enforceWorkgroupConfiguration: UB }) },
            { type: t.CODEBUILD_PROJECT, name: "site-build", ...fromConfig("artifacts"), props: { ...KEYED_BUILD, artifacts: { ...S3_ARTIFACTS, encryptionDisabled: UB } } },
        ],
    });
});

// Search indexes, assistants' indexes and ingestion buffers AWS always encrypts (an AWS owned
// key by default): only requireCustomerManagedKey judges them. Shapes of the registry's examples.
const KENDRA_INDEX = { name: "docs-search", edition: "DEVELOPER_EDITION", roleArn: "arn:aws:iam::111122223333:role/kendra" };
const Q_APPLICATION = {
    displayName: "example-app", iamServiceRoleArn: "arn:aws:iam::111122223333:role/qbusiness",
    identityCenterInstanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", attachmentsConfiguration: { attachmentsControlMode: "ENABLED" },
};
const PIPELINE = {
    pipelineName: "logs", minUnits: 1, maxUnits: 1,
    pipelineConfigurationBody: 'version: "2"\nlogs-pipeline:\n  source:\n    http:\n      path: "/logs"\n  sink:\n    - stdout: {}\n',
};
const BUFFERED = { ...PIPELINE, bufferOptions: { persistentBufferEnabled: true } };
/** An S3 Files file system as the registry's example declares it. */
const FILE_SYSTEM = { bucket: "arn:aws:s3:::acme-shared-data", roleArn: "arn:aws:iam::111122223333:role/s3-files" };

describe("Kendra indexes, Q Business applications, OpenSearch Ingestion buffers and S3 Files file systems: judged only under requireCustomerManagedKey (pure rule)", () => {
    const passes: Case[] = [
        ["an index without encryption configuration (an AWS owned key)", t.KENDRA_INDEX, KENDRA_INDEX],
        ["an application without encryption configuration", t.QBUSINESS_APPLICATION, Q_APPLICATION],
        ["a pipeline with a persistent buffer and no key", t.OPENSEARCHINGEST_PIPELINE, BUFFERED],
        ["an S3 Files file system without a key (the registry's example)", t.S3_FILES_FILE_SYSTEM, FILE_SYSTEM],
        // Checkov CKV_AWS_262's passing example; the registry's and the CLI's keyed forms.
        ["an index with a customer managed key", t.KENDRA_INDEX, { ...KENDRA_INDEX, serverSideEncryptionConfiguration: { kmsKeyId: KEY } }, CMK],
        ["an application with a customer managed key", t.QBUSINESS_APPLICATION, { ...Q_APPLICATION, encryptionConfiguration: { kmsKeyId: KEY } }, CMK],
        ["a buffered pipeline with a customer managed key", t.OPENSEARCHINGEST_PIPELINE, { ...BUFFERED, encryptionAtRestOptions: { kmsKeyArn: KEY } }, CMK],
        ["an S3 Files file system with a customer managed key", t.S3_FILES_FILE_SYSTEM, { ...FILE_SYSTEM, kmsKeyId: KEY }, CMK],
        // A pipeline without a persistent buffer keeps no data at rest (the registry's basic example).
        ["a pipeline without buffer options", t.OPENSEARCHINGEST_PIPELINE, PIPELINE, CMK],
        ["a pipeline whose persistent buffer is off", t.OPENSEARCHINGEST_PIPELINE, { ...PIPELINE, bufferOptions: { persistentBufferEnabled: false } }, CMK],
        // Unknown at preview.
        ["an unknown index key", t.KENDRA_INDEX, { ...KENDRA_INDEX, serverSideEncryptionConfiguration: { kmsKeyId: U } }, CMK],
        ["an unknown index encryption block", t.KENDRA_INDEX, { ...KENDRA_INDEX, serverSideEncryptionConfiguration: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown application key", t.QBUSINESS_APPLICATION, { ...Q_APPLICATION, encryptionConfiguration: { kmsKeyId: U } }, CMK],
        ["an unknown buffer flag (a module variable)", t.OPENSEARCHINGEST_PIPELINE, { ...PIPELINE, bufferOptions: { persistentBufferEnabled: UB } }, CMK],
        ["unknown buffer options", t.OPENSEARCHINGEST_PIPELINE, { ...PIPELINE, bufferOptions: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown buffer key", t.OPENSEARCHINGEST_PIPELINE, { ...BUFFERED, encryptionAtRestOptions: { kmsKeyArn: U } }, CMK],
        ["an unknown S3 Files key", t.S3_FILES_FILE_SYSTEM, { ...FILE_SYSTEM, kmsKeyId: U }, CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    const misses: [string, string, Record<string, unknown>, string][] = [
        // Checkov CKV_AWS_262's failing example.
        ["an index without encryption configuration", t.KENDRA_INDEX, KENDRA_INDEX, "serverSideEncryptionConfiguration.kmsKeyId is not set (Kendra encrypts the index with an AWS owned key"],
        ["an index with the AWS managed key", t.KENDRA_INDEX, { ...KENDRA_INDEX, serverSideEncryptionConfiguration: { kmsKeyId: "alias/aws/kendra" } },
            "serverSideEncryptionConfiguration.kmsKeyId names an AWS managed key"],
        ["an application without encryption configuration (the registry's example)", t.QBUSINESS_APPLICATION, Q_APPLICATION,
            "encryptionConfiguration.kmsKeyId is not set (Amazon Q Business encrypts the application's index, conversations and uploads with an AWS owned key"],
        ["a pipeline with a persistent buffer and no key", t.OPENSEARCHINGEST_PIPELINE, BUFFERED,
            "encryptionAtRestOptions.kmsKeyArn is not set (OpenSearch Ingestion encrypts the persistent buffer with an AWS owned key"],
        ["an S3 Files file system without a key", t.S3_FILES_FILE_SYSTEM, FILE_SYSTEM, "kmsKeyId is not set (S3 Files encrypts the file system's data and metadata with an AWS owned key"],
    ];
    reportedOnlyUnderCmk(misses);

    cmkThroughEngine({
        resources: [
            { type: t.KENDRA_INDEX, name: "docs-search", props: KENDRA_INDEX },
            { type: t.QBUSINESS_APPLICATION, name: "assistant", props: { ...Q_APPLICATION, encryptionConfiguration: { kmsKeyId: KEY } } },
            { type: t.OPENSEARCHINGEST_PIPELINE, name: "buffered", props: BUFFERED },
            { type: t.OPENSEARCHINGEST_PIPELINE, name: "direct", props: PIPELINE },
            { type: t.S3_FILES_FILE_SYSTEM, name: "shared", props: FILE_SYSTEM },
        ],
        reports: "reports each store without a customer managed key only under requireCustomerManagedKey",
        expected: [
            ["docs-search", "serverSideEncryptionConfiguration.kmsKeyId is not set"],
            ["buffered", "encryptionAtRestOptions.kmsKeyArn is not set"],
            ["shared", "kmsKeyId is not set"],
        ],
        preview: "preview: keys from a key created in the same update are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.KENDRA_INDEX, name: "docs-search", ...fromKey("serverSideEncryptionConfiguration"), props: { ...KENDRA_INDEX, serverSideEncryptionConfiguration: { kmsKeyId: ENGINE_UNKNOWN } } },
            { type: t.QBUSINESS_APPLICATION, name: "assistant", ...fromKey("encryptionConfiguration"), props: { ...Q_APPLICATION, encryptionConfiguration: { kmsKeyId: ENGINE_UNKNOWN } } },
            { type: t.OPENSEARCHINGEST_PIPELINE, name: "buffered", ...fromKey("encryptionAtRestOptions"), props: { ...BUFFERED, encryptionAtRestOptions: { kmsKeyArn: ENGINE_UNKNOWN } } },
            { type: t.S3_FILES_FILE_SYSTEM, name: "shared", ...fromKey("kmsKeyId"), props: { ...FILE_SYSTEM, kmsKeyId: ENGINE_UNKNOWN } },
        ],
    });
});

// Contact-center recordings and transcripts, fine-tuned models and customer profiles: each AWS
// always encrypts (the bucket's default, a key of AWS's), so only requireCustomerManagedKey judges them.
const CONNECT_STORAGE = (resourceType: string, storageConfig: Record<string, unknown>) => ({ instanceId: "aaaaaaaa-bbbb-cccc-dddd-111111111111", resourceType, storageConfig });
const S3_STORAGE = (encryptionConfig?: Record<string, unknown>) => ({
    storageType: "S3", s3Config: { bucketName: "acme-connect-recordings", bucketPrefix: "audio/", ...(encryptionConfig ? { encryptionConfig } : {}) },
});
const VIDEO_STORAGE = (keyId: unknown, retentionPeriodHours: unknown = 3) => ({
    storageType: "KINESIS_VIDEO_STREAM", kinesisVideoStreamConfig: { prefix: "example", retentionPeriodHours, encryptionConfig: { encryptionType: "KMS", keyId } },
});
const CUSTOM_MODEL = {
    customModelName: "example-model", jobName: "example-job-1", baseModelIdentifier: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
    roleArn: "arn:aws:iam::111122223333:role/bedrock-customization", hyperparameters: { epochCount: "1", batchSize: "1", learningRate: "0.005", learningRateWarmupSteps: "0" },
    outputDataConfig: { s3Uri: "s3://bedrock-output-data/data/" }, trainingDataConfig: { s3Uri: "s3://bedrock-training-data/data/train.jsonl" },
};
const PROFILES_DOMAIN = { domainName: "example", defaultExpirationDays: 365 };
/** sum41k/ecc-aws-rulepack's ecc-aws-399 "red" flow: S3 to S3, no kmsArn (AppFlow's managed key). */
const APPFLOW_FLOW = {
    name: "399-appflow-red", triggerConfig: { triggerType: "OnDemand" },
    sourceFlowConfig: { connectorType: "S3", sourceConnectorProperties: { s3: { bucketName: "appflow-src", bucketPrefix: "source" } } },
    destinationFlowConfigs: [{ connectorType: "S3", destinationConnectorProperties: { s3: { bucketName: "appflow-dst", bucketPrefix: "destination", s3OutputFormatConfig: { fileType: "JSON" } } } }],
    tasks: [{ sourceFields: ["title1"], taskType: "Map", destinationField: "title1", connectorOperators: [{ s3: "NO_OP" }] }],
};
/** The registry's Redshift connector profile (credentials AppFlow keeps under kmsArn's key, aws/appflow otherwise). */
const APPFLOW_PROFILE = {
    name: "example_profile", connectorType: "Redshift", connectionMode: "Public",
    connectorProfileConfig: {
        connectorProfileCredentials: { redshift: { username: "appflow", password: UNKNOWN_SENTINELS.string } },
        connectorProfileProperties: { redshift: { bucketName: "appflow-staging", databaseUrl: "jdbc:redshift://example:5439/dev", roleArn: "arn:aws:iam::111122223333:role/appflow" } },
    },
};

/** An EventBridge connection to an API destination, its API key from config (the registry's API_KEY example). */
const EVENT_CONNECTION = { name: "partner-api", authorizationType: "API_KEY", authParameters: { apiKey: { key: "x-api-key", value: UNKNOWN_SENTINELS.string } } };

describe("Connect storage, AppFlow, Bedrock custom models and Customer Profiles domains: judged only under requireCustomerManagedKey (pure rule)", () => {
    const passes: Case[] = [
        ["an AppFlow flow without a key (AppFlow's managed key)", t.APPFLOW_FLOW, APPFLOW_FLOW],
        ["an AppFlow flow with a customer managed key", t.APPFLOW_FLOW, { ...APPFLOW_FLOW, kmsArn: KEY }, CMK],
        ["an AppFlow connector profile with a customer managed key", t.APPFLOW_CONNECTOR_PROFILE, { ...APPFLOW_PROFILE, kmsArn: KEY }, CMK],
        ["an EventBridge connection without a key (an AWS owned key)", t.EVENTBRIDGE_CONNECTION, EVENT_CONNECTION],
        ["an EventBridge connection with a customer managed key", t.EVENTBRIDGE_CONNECTION, { ...EVENT_CONNECTION, kmsKeyIdentifier: KEY }, CMK],
        ["an aws-native EventBridge connection with a customer managed key", t.NATIVE_EVENTS_CONNECTION, { ...EVENT_CONNECTION, kmsKeyIdentifier: "alias/partner-api" }, CMK],
        ["an unknown EventBridge connection key", t.EVENTBRIDGE_CONNECTION, { ...EVENT_CONNECTION, kmsKeyIdentifier: U }, CMK],
        ["an unknown AppFlow flow key", t.APPFLOW_FLOW, { ...APPFLOW_FLOW, kmsArn: U }, CMK],
        ["call recordings in S3 without an encryption configuration (the bucket's default encrypts)", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("CALL_RECORDINGS", S3_STORAGE())],
        ["a custom model without a key", t.BEDROCK_CUSTOM_MODEL, CUSTOM_MODEL],
        ["a profiles domain without a key (the registry's example)", t.CUSTOMERPROFILES_DOMAIN, PROFILES_DOMAIN],
        // edm0cha/call-center-serverless-ai-demo's recordings; the registry's video stream example; its DLQ-and-KMS domain.
        ["call recordings in S3 with a customer managed key", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("CALL_RECORDINGS", S3_STORAGE({ encryptionType: "KMS", keyId: KEY })), CMK],
        ["media streams in Kinesis Video Streams with a customer managed key", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("MEDIA_STREAMS", VIDEO_STORAGE(KEY)), CMK],
        // A retention of 0 hours: "the stream does not persist data" (Connect's KinesisVideoStreamConfig).
        ["media streams kept in no data store (retention 0) with the AWS managed key", t.CONNECT_INSTANCE_STORAGE_CONFIG,
            CONNECT_STORAGE("MEDIA_STREAMS", VIDEO_STORAGE("alias/aws/kinesisvideo", 0)), CMK],
        ["media streams with an unknown retention", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("MEDIA_STREAMS", VIDEO_STORAGE("alias/aws/kinesisvideo", U)), CMK],
        ["a video stream that persists no data (dataRetentionInHours unset: 0)", t.KINESIS_VIDEO_STREAM, { name: "doorbell", mediaType: "video/h264" }, CMK],
        ["a video stream with dataRetentionInHours: 0", t.KINESIS_VIDEO_STREAM, { name: "doorbell", dataRetentionInHours: 0 }, CMK],
        ["a video stream with an unknown retention", t.KINESIS_VIDEO_STREAM, { name: "doorbell", dataRetentionInHours: UNKNOWN_SENTINELS.number }, CMK],
        ["contact trace records sent to Firehose (the stream is judged as such)", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("CONTACT_TRACE_RECORDS", {
            storageType: "KINESIS_FIREHOSE", kinesisFirehoseConfig: { firehoseArn: "arn:aws:firehose:us-east-1:111122223333:deliverystream/ctr" } }), CMK],
        ["a custom model with a customer managed key", t.BEDROCK_CUSTOM_MODEL, { ...CUSTOM_MODEL, customModelKmsKeyId: KEY }, CMK],
        ["a profiles domain with a customer managed key", t.CUSTOMERPROFILES_DOMAIN, { ...PROFILES_DOMAIN, defaultEncryptionKey: KEY, deadLetterQueueUrl: "https://sqs.us-east-1.amazonaws.com/111122223333/dlq" }, CMK],
        // Unknown at preview.
        ["an unknown S3 storage key", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("CALL_RECORDINGS", S3_STORAGE({ encryptionType: "KMS", keyId: U })), CMK],
        ["an unknown S3 config", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("CALL_RECORDINGS", { storageType: "S3", s3Config: UNKNOWN_SENTINELS.object }), CMK],
        ["an unknown storage config", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("CALL_RECORDINGS", UNKNOWN_SENTINELS.object as unknown as Record<string, unknown>), CMK],
        ["an unknown video stream key", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("MEDIA_STREAMS", VIDEO_STORAGE(U)), CMK],
        ["an unknown custom model key", t.BEDROCK_CUSTOM_MODEL, { ...CUSTOM_MODEL, customModelKmsKeyId: U }, CMK],
        ["an unknown profiles domain key", t.CUSTOMERPROFILES_DOMAIN, { ...PROFILES_DOMAIN, defaultEncryptionKey: U }, CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    const misses: [string, string, Record<string, unknown>, string][] = [
        ["chat transcripts in S3 without an encryption configuration", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("CHAT_TRANSCRIPTS", S3_STORAGE()),
            "storageConfig.s3Config.encryptionConfig.keyId is not set (Amazon Connect writes the objects with the bucket's default encryption"],
        ["media streams with the AWS managed key", t.CONNECT_INSTANCE_STORAGE_CONFIG, CONNECT_STORAGE("MEDIA_STREAMS", VIDEO_STORAGE("alias/aws/kinesisvideo")),
            "storageConfig.kinesisVideoStreamConfig.encryptionConfig.keyId names the AWS managed key aws/kinesisvideo"],
        ["an AppFlow flow without a key (ecc-aws-399's red flow)", t.APPFLOW_FLOW, APPFLOW_FLOW,
            "kmsArn is not set (AppFlow encrypts the flow's data with the AWS managed key aws/appflow"],
        ["an AppFlow flow with the AWS managed key", t.APPFLOW_FLOW, { ...APPFLOW_FLOW, kmsArn: "arn:aws:kms:us-east-1:111122223333:alias/aws/appflow" },
            "kmsArn names an AWS managed key"],
        ["an AppFlow connector profile without a key", t.APPFLOW_CONNECTOR_PROFILE, APPFLOW_PROFILE,
            "kmsArn is not set (AppFlow encrypts the connector profile's credentials with the AWS managed key aws/appflow"],
        ["an EventBridge connection without a key", t.EVENTBRIDGE_CONNECTION, EVENT_CONNECTION,
            "kmsKeyIdentifier is not set (EventBridge encrypts the connection's authorization parameters, kept in a Secrets Manager secret, with an AWS owned key"],
        ["an aws-native EventBridge connection without a key", t.NATIVE_EVENTS_CONNECTION, EVENT_CONNECTION, "kmsKeyIdentifier is not set"],
        ["a custom model without a key (the registry's example)", t.BEDROCK_CUSTOM_MODEL, CUSTOM_MODEL,
            "customModelKmsKeyId is not set (Bedrock encrypts the custom model, which can replay its training data, with a key of AWS's"],
        ["a profiles domain without a key", t.CUSTOMERPROFILES_DOMAIN, PROFILES_DOMAIN,
            "defaultEncryptionKey is not set (Customer Profiles encrypts the domain's profiles with a key of AWS's"],
    ];
    reportedOnlyUnderCmk(misses);

    cmkThroughEngine({
        resources: [
            { type: t.CONNECT_INSTANCE_STORAGE_CONFIG, name: "transcripts", props: CONNECT_STORAGE("CHAT_TRANSCRIPTS", S3_STORAGE()) },
            { type: t.CONNECT_INSTANCE_STORAGE_CONFIG, name: "recordings", props: CONNECT_STORAGE("CALL_RECORDINGS", S3_STORAGE({ encryptionType: "KMS", keyId: KEY })) },
            { type: t.APPFLOW_FLOW, name: "export", props: APPFLOW_FLOW },
            { type: t.EVENTBRIDGE_CONNECTION, name: "partner-api", props: EVENT_CONNECTION },
            { type: t.BEDROCK_CUSTOM_MODEL, name: "tuned", props: CUSTOM_MODEL },
            { type: t.CUSTOMERPROFILES_DOMAIN, name: "profiles", props: PROFILES_DOMAIN },
            // Nothing at rest: Kinesis Video Streams keeps no media without a retention.
            { type: t.CONNECT_INSTANCE_STORAGE_CONFIG, name: "live-media", props: CONNECT_STORAGE("MEDIA_STREAMS", VIDEO_STORAGE("alias/aws/kinesisvideo", 0)) },
            { type: t.KINESIS_VIDEO_STREAM, name: "doorbell", props: { name: "doorbell", mediaType: "video/h264" } },
        ],
        reports: "reports each store without a customer managed key only under requireCustomerManagedKey",
        expected: [
            ["transcripts", "storageConfig.s3Config.encryptionConfig.keyId is not set"],
            ["export", "kmsArn is not set"],
            ["partner-api", "kmsKeyIdentifier is not set"],
            ["tuned", "customModelKmsKeyId is not set"],
            ["profiles", "defaultEncryptionKey is not set"],
        ],
        preview: "preview: keys from a key created in the same update are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.CONNECT_INSTANCE_STORAGE_CONFIG, name: "recordings", ...fromKey("storageConfig"),
                props: CONNECT_STORAGE("CALL_RECORDINGS", S3_STORAGE({ encryptionType: "KMS", keyId: ENGINE_UNKNOWN })) },
            { type: t.APPFLOW_FLOW, name: "export", ...fromKey("kmsArn"), props: { ...APPFLOW_FLOW, kmsArn: ENGINE_UNKNOWN } },
            { type: t.EVENTBRIDGE_CONNECTION, name: "partner-api", ...fromKey("kmsKeyIdentifier"), props: { ...EVENT_CONNECTION, kmsKeyIdentifier: ENGINE_UNKNOWN } },
            { type: t.BEDROCK_CUSTOM_MODEL, name: "tuned", ...fromKey("customModelKmsKeyId"), props: { ...CUSTOM_MODEL, customModelKmsKeyId: ENGINE_UNKNOWN } },
            { type: t.CUSTOMERPROFILES_DOMAIN, name: "profiles", ...fromKey("defaultEncryptionKey"), props: { ...PROFILES_DOMAIN, defaultEncryptionKey: ENGINE_UNKNOWN } },
        ],
    });
});

// A Comprehend custom model stays in Comprehend after training, under a key of AWS's unless
// `modelKmsKeyId` names one; `volumeKmsKeyId` is the training job's scratch volume (not judged).
// An ECR repository creation template sets the encryption of every repository ECR creates from it
// (pull through cache, replication, create on push): AES256 unless it says KMS.
/** The registry's document classifier: training documents in S3, no keys. */
const CLASSIFIER = {
    name: "example", languageCode: "en", dataAccessRoleArn: "arn:aws:iam::111122223333:role/comprehend",
    inputDataConfig: { s3Uri: "s3://comprehend-training/documents.csv" },
};
/** The registry's entity recognizer: entity types with documents and a list of entities. */
const RECOGNIZER = {
    name: "example", languageCode: "en", dataAccessRoleArn: "arn:aws:iam::111122223333:role/comprehend",
    inputDataConfig: { entityTypes: [{ type: "ENTITY_1" }, { type: "ENTITY_2" }], documents: { s3Uri: "s3://comprehend-training/documents.txt" },
        entityList: { s3Uri: "s3://comprehend-training/entitylist.csv" } },
};
/** An aws-native Comprehend flywheel for a new document classifier (CloudFormation's AWS::Comprehend::Flywheel example). */
const FLYWHEEL = {
    flywheelName: "tickets", dataAccessRoleArn: "arn:aws:iam::111122223333:role/comprehend", dataLakeS3Uri: "s3://comprehend-flywheel/tickets/",
    modelType: "DOCUMENT_CLASSIFIER", taskConfig: { languageCode: "en", documentClassificationConfig: { mode: "MULTI_CLASS", labels: ["billing", "shipping"] } },
};
/** A pull-through-cache template as the registry's example declares it (a KMS key named). */
const ECR_TEMPLATE = { prefix: "ecr-public", appliedFors: ["PULL_THROUGH_CACHE"], imageTagMutability: "MUTABLE" };
const NATIVE_ECR_TEMPLATE = { prefix: "ecr-public", appliedFor: ["PULL_THROUGH_CACHE", "REPLICATION"], imageTagMutability: "IMMUTABLE" };

describe("Comprehend models and ECR repository creation templates: judged only under requireCustomerManagedKey (pure rule)", () => {
    const passes: Case[] = [
        ["a document classifier without a key", t.COMPREHEND_DOCUMENT_CLASSIFIER, CLASSIFIER],
        ["an entity recognizer without a key", t.COMPREHEND_ENTITY_RECOGNIZER, RECOGNIZER],
        ["a creation template without encryption (AES256)", t.ECR_REPOSITORY_CREATION_TEMPLATE, ECR_TEMPLATE],
        ["an aws-native creation template without encryption", t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE, NATIVE_ECR_TEMPLATE],
        ["a document classifier with a customer managed key", t.COMPREHEND_DOCUMENT_CLASSIFIER, { ...CLASSIFIER, modelKmsKeyId: KEY }, CMK],
        // The scratch volume's key is not judged: a model key alone is enough.
        ["an entity recognizer with a model key and no volume key", t.COMPREHEND_ENTITY_RECOGNIZER, { ...RECOGNIZER, modelKmsKeyId: "alias/comprehend-models" }, CMK],
        ["an aws-native document classifier with a customer managed key", t.NATIVE_COMPREHEND_DOCUMENT_CLASSIFIER,
            { documentClassifierName: "example", languageCode: "en", dataAccessRoleArn: "arn:aws:iam::111122223333:role/comprehend",
                inputDataConfig: { s3Uri: "s3://comprehend-training/documents.csv" }, modelKmsKeyId: KEY }, CMK],
        ["an aws-native flywheel with a model key", t.NATIVE_COMPREHEND_FLYWHEEL, { ...FLYWHEEL, dataSecurityConfig: { modelKmsKeyId: KEY } }, CMK],
        ["an aws-native flywheel without a key (default config)", t.NATIVE_COMPREHEND_FLYWHEEL, FLYWHEEL],
        ["a creation template with KMS and a key (the registry's example)", t.ECR_REPOSITORY_CREATION_TEMPLATE,
            { ...ECR_TEMPLATE, encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }] }, CMK],
        ["an aws-native creation template with KMS_DSSE and a key", t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE,
            { ...NATIVE_ECR_TEMPLATE, encryptionConfiguration: { encryptionType: "KMS_DSSE", kmsKey: KEY } }, CMK],
        // Unknown at preview.
        ["an unknown model key", t.COMPREHEND_DOCUMENT_CLASSIFIER, { ...CLASSIFIER, modelKmsKeyId: U }, CMK],
        ["an unknown flywheel model key", t.NATIVE_COMPREHEND_FLYWHEEL, { ...FLYWHEEL, dataSecurityConfig: { modelKmsKeyId: U } }, CMK],
        ["an unknown flywheel data security config", t.NATIVE_COMPREHEND_FLYWHEEL, { ...FLYWHEEL, dataSecurityConfig: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown template key", t.ECR_REPOSITORY_CREATION_TEMPLATE, { ...ECR_TEMPLATE, encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: U }] }, CMK],
        ["an unknown template encryption type", t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE, { ...NATIVE_ECR_TEMPLATE, encryptionConfiguration: { encryptionType: U } }, CMK],
        ["an unknown template encryption list", t.ECR_REPOSITORY_CREATION_TEMPLATE, { ...ECR_TEMPLATE, encryptionConfigurations: UNKNOWN_SENTINELS.object }, CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    reportedOnlyUnderCmk([
        ["a document classifier without a key (the registry's example)", t.COMPREHEND_DOCUMENT_CLASSIFIER, CLASSIFIER,
            "modelKmsKeyId is not set (Comprehend encrypts the trained model with a key of AWS's"],
        ["an entity recognizer with only a volume key", t.COMPREHEND_ENTITY_RECOGNIZER, { ...RECOGNIZER, volumeKmsKeyId: KEY }, "modelKmsKeyId is not set"],
        ["an aws-native document classifier without a key", t.NATIVE_COMPREHEND_DOCUMENT_CLASSIFIER,
            { documentClassifierName: "example", languageCode: "en", dataAccessRoleArn: "arn:aws:iam::111122223333:role/comprehend", inputDataConfig: { s3Uri: "s3://comprehend-training/documents.csv" } },
            "modelKmsKeyId is not set"],
        // A flywheel's iterations train new model versions, kept under its model key (CreateFlywheel's DataSecurityConfig).
        ["an aws-native flywheel without a data security config", t.NATIVE_COMPREHEND_FLYWHEEL, FLYWHEEL,
            "dataSecurityConfig.modelKmsKeyId is not set (Comprehend encrypts the model versions the flywheel trains with a key of AWS's"],
        ["an aws-native flywheel with only data lake and volume keys", t.NATIVE_COMPREHEND_FLYWHEEL,
            { ...FLYWHEEL, dataSecurityConfig: { dataLakeKmsKeyId: KEY, volumeKmsKeyId: KEY } }, "dataSecurityConfig.modelKmsKeyId is not set"],
        ["an aws-native flywheel of an existing model without a key", t.NATIVE_COMPREHEND_FLYWHEEL,
            { flywheelName: "tickets", dataAccessRoleArn: "arn:aws:iam::111122223333:role/comprehend", dataLakeS3Uri: "s3://comprehend-flywheel/tickets/",
                activeModelArn: "arn:aws:comprehend:eu-west-1:111122223333:document-classifier/tickets/version/v1" }, "dataSecurityConfig.modelKmsKeyId is not set"],
        ["a creation template without encryption", t.ECR_REPOSITORY_CREATION_TEMPLATE, ECR_TEMPLATE, "encryptionConfigurations is not set"],
        ["a creation template with AES256", t.ECR_REPOSITORY_CREATION_TEMPLATE, { ...ECR_TEMPLATE, encryptionConfigurations: [{ encryptionType: "AES256" }] },
            "encryptionConfigurations[0].encryptionType is \"AES256\""],
        ["a creation template with KMS and no key (aws/ecr)", t.ECR_REPOSITORY_CREATION_TEMPLATE, { ...ECR_TEMPLATE, encryptionConfigurations: [{ encryptionType: "KMS" }] },
            "encryptionConfigurations[0].kmsKey is not set (ECR uses the AWS managed key aws/ecr"],
        ["an aws-native creation template without encryption", t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE, NATIVE_ECR_TEMPLATE,
            "encryptionConfiguration.encryptionType is not set (ECR defaults it to AES256"],
    ]);

    cmkThroughEngine({
        resources: [
            { type: t.COMPREHEND_DOCUMENT_CLASSIFIER, name: "tickets", props: CLASSIFIER },
            { type: t.COMPREHEND_ENTITY_RECOGNIZER, name: "entities", props: { ...RECOGNIZER, modelKmsKeyId: KEY } },
            { type: t.ECR_REPOSITORY_CREATION_TEMPLATE, name: "pull-through", props: ECR_TEMPLATE },
            { type: t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE, name: "replicas", props: { ...NATIVE_ECR_TEMPLATE, encryptionConfiguration: { encryptionType: "KMS", kmsKey: KEY } } },
            { type: t.NATIVE_COMPREHEND_FLYWHEEL, name: "tickets-flywheel", props: { ...FLYWHEEL, dataSecurityConfig: { volumeKmsKeyId: KEY } } },
            { type: t.NATIVE_COMPREHEND_FLYWHEEL, name: "orders-flywheel", props: { ...FLYWHEEL, flywheelName: "orders", dataSecurityConfig: { modelKmsKeyId: KEY } } },
        ],
        reports: "reports a model, a flywheel and a template without a customer managed key only under requireCustomerManagedKey",
        expected: [
            ["tickets", "modelKmsKeyId is not set"],
            ["pull-through", "encryptionConfigurations is not set"],
            ["tickets-flywheel", "dataSecurityConfig.modelKmsKeyId is not set"],
        ],
        preview: "preview: keys from a key created in the same update are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.COMPREHEND_DOCUMENT_CLASSIFIER, name: "tickets", ...fromKey("modelKmsKeyId"), props: { ...CLASSIFIER, modelKmsKeyId: ENGINE_UNKNOWN } },
            { type: t.ECR_REPOSITORY_CREATION_TEMPLATE, name: "pull-through", ...fromKey("encryptionConfigurations"),
                props: { ...ECR_TEMPLATE, encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: ENGINE_UNKNOWN }] } },
            { type: t.NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE, name: "replicas", ...fromKey("encryptionConfiguration"),
                props: { ...NATIVE_ECR_TEMPLATE, encryptionConfiguration: { encryptionType: "KMS", kmsKey: ENGINE_UNKNOWN } } },
            { type: t.NATIVE_COMPREHEND_FLYWHEEL, name: "tickets-flywheel", ...fromKey("dataSecurityConfig"),
                props: { ...FLYWHEEL, dataSecurityConfig: { modelKmsKeyId: ENGINE_UNKNOWN } } },
            { type: t.NATIVE_COMPREHEND_FLYWHEEL, name: "orders-flywheel", ...fromKey("dataSecurityConfig"),
                props: { ...FLYWHEEL, flywheelName: "orders", dataSecurityConfig: { $unknown: "object" } } },
        ],
    });
});

// Stores both providers have with a key input that AWS always encrypts (helper 119's replay, labelled
// before running): Bedrock guardrails, prompts and flows, CloudWatch Logs anomaly detectors, Verified
// Access, OpenSearch Serverless collections' own settings and aws-native's encryption policies,
// HealthImaging, EventBridge Scheduler, AppConfig's hosted store. And stores with no key to judge: AppSync caches, Timestream for InfluxDB, MSK
// Serverless, a Bedrock knowledge base (its vectors are in the store it names).
/** An AppSync API cache as the registry's example declares it (a type no policy reads). */
const APPSYNC_API_CACHE = "aws:appsync/apiCache:ApiCache";
const APPSYNC_CACHE = { apiId: "abc123", apiCachingBehavior: "FULL_REQUEST_CACHING", type: "SMALL", ttl: 3600 };
/** A guardrail as hashicorp's test template declares it (classic), and as the awscc example does (aws-native). */
const GUARDRAIL = {
    name: "support", blockedInputMessaging: "Blocked", blockedOutputsMessaging: "Blocked", description: "support chat",
    contentPolicyConfig: { filtersConfigs: [{ inputStrength: "HIGH", outputStrength: "HIGH", type: "VIOLENCE" }] },
};
const NATIVE_GUARDRAIL = {
    name: "support", blockedInputMessaging: "Blocked", blockedOutputsMessaging: "Blocked",
    contentPolicyConfig: { filtersConfig: [{ inputStrength: "MEDIUM", outputStrength: "MEDIUM", type: "HATE" }] },
};
const DETECTOR = { detectorName: "app", logGroupArnLists: ["arn:aws:logs:eu-west-1:111122223333:log-group:/app"], evaluationFrequency: "FIFTEEN_MIN", enabled: true };
const NATIVE_DETECTOR = { detectorName: "app", logGroupArnList: ["arn:aws:logs:eu-west-1:111122223333:log-group:/app"], evaluationFrequency: "FIFTEEN_MIN" };
/** The registry's trust provider, and an endpoint of a group. */
const TRUST_PROVIDER = { policyReferenceName: "idc", trustProviderType: "user", userTrustProviderType: "iam-identity-center" };
const VA_ENDPOINT = {
    applicationDomain: "app.example.com", attachmentType: "vpc", domainCertificateArn: "arn:aws:acm:eu-west-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab",
    endpointDomainPrefix: "app", endpointType: "load-balancer", verifiedAccessGroupId: "vagr-0123456789abcdef0",
};
const VA_GROUP = { verifiedaccessInstanceId: "vai-0123456789abcdef0" };
/** The registry's schedule (an SQS target with an input), and AppConfig profiles of the hosted store and of SSM. */
const SCHEDULE = {
    name: "nightly", scheduleExpression: "rate(1 day)", flexibleTimeWindow: { mode: "OFF" },
    target: { arn: "arn:aws:sqs:eu-west-1:111122223333:jobs", roleArn: "arn:aws:iam::111122223333:role/scheduler", input: JSON.stringify({ job: "report" }) },
};
const HOSTED_PROFILE = { applicationId: "abc1234", name: "flags", locationUri: "hosted", type: "AWS.AppConfig.FeatureFlags" };
const SSM_PROFILE = { applicationId: "abc1234", name: "params", locationUri: "ssm-parameter://app-config", retrievalRoleArn: "arn:aws:iam::111122223333:role/appconfig" };
const SERVERLESS_POLICY = (document: Record<string, unknown>) => ({
    name: "search", type: "encryption", policy: JSON.stringify({ Rules: [{ Resource: ["collection/search"], ResourceType: "collection" }], ...document }),
});

describe("Bedrock guardrails, prompts and flows, anomaly detectors, Verified Access, serverless collections, HealthImaging, schedules and AppConfig profiles: judged only under requireCustomerManagedKey (pure rule)", () => {
    const passes: Case[] = [
        // False alarms first: always encrypted, whatever the program says.
        ["an AppSync API cache without atRestEncryptionEnabled", APPSYNC_API_CACHE, APPSYNC_CACHE],
        ["an AppSync API cache with atRestEncryptionEnabled: false (AppSync encrypts every cache since 2026)", APPSYNC_API_CACHE, { ...APPSYNC_CACHE, atRestEncryptionEnabled: false }],
        ["an AppSync API cache with atRestEncryptionEnabled: false, under requireCustomerManagedKey (no key to choose)", APPSYNC_API_CACHE, { ...APPSYNC_CACHE, atRestEncryptionEnabled: false }, CMK],
        ["a guardrail without a key", t.BEDROCK_GUARDRAIL, GUARDRAIL],
        ["an aws-native guardrail without a key", t.NATIVE_BEDROCK_GUARDRAIL, NATIVE_GUARDRAIL],
        ["a prompt without a key", t.BEDROCK_PROMPT, { name: "summarise", defaultVariant: "v1" }],
        ["an anomaly detector without a key", t.CLOUDWATCH_LOG_ANOMALY_DETECTOR, DETECTOR],
        ["an aws-native anomaly detector without a key", t.NATIVE_LOGS_LOG_ANOMALY_DETECTOR, NATIVE_DETECTOR],
        ["a trust provider without sseSpecification", t.VERIFIEDACCESS_TRUST_PROVIDER, TRUST_PROVIDER],
        ["an aws-native group with customerManagedKeyEnabled: false", t.NATIVE_EC2_VERIFIED_ACCESS_GROUP,
            { verifiedAccessInstanceId: "vai-0123456789abcdef0", sseSpecification: { customerManagedKeyEnabled: false } }],
        ["a collection with an AWS owned key", t.OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", encryptionConfigs: [{ awsOwnedKey: true }] }],
        ["an aws-native collection with an AWS owned key", t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", encryptionConfig: { awsOwnedKey: true } }],
        ["an aws-native encryption policy with an AWS owned key", t.NATIVE_OPENSEARCH_SERVERLESS_SECURITY_POLICY, SERVERLESS_POLICY({ AWSOwnedKey: true })],
        ["a HealthImaging data store without a key", t.NATIVE_HEALTHIMAGING_DATASTORE, { datastoreName: "radiology" }],
        ["a schedule without a key", t.SCHEDULER_SCHEDULE, SCHEDULE],
        ["a hosted AppConfig profile without a key", t.APPCONFIG_CONFIGURATION_PROFILE, HOSTED_PROFILE],
        // No key input: nothing to judge, even under requireCustomerManagedKey.
        ["a Timestream for InfluxDB instance (always encrypted, no key input)", "aws:timestreaminfluxdb/dbInstance:DbInstance",
            { name: "metrics", allocatedStorage: 20, dbInstanceType: "db.influx.medium", username: "admin", organization: "org", bucket: "b", vpcSubnetIds: ["subnet-0a1b2c3d"], vpcSecurityGroupIds: ["sg-0123456789abcdef0"] }, CMK],
        ["an MSK Serverless cluster (no key input)", "aws:msk/serverlessCluster:ServerlessCluster",
            { clusterName: "events", vpcConfigs: [{ subnetIds: ["subnet-0a1b2c3d"] }], clientAuthentication: { sasl: { iam: { enabled: true } } } }, CMK],
        ["a Bedrock knowledge base (its vectors are in the store it names)", "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
            { name: "kb", roleArn: "arn:aws:iam::111122223333:role/kb", knowledgeBaseConfiguration: { type: "VECTOR" }, storageConfiguration: { type: "OPENSEARCH_SERVERLESS" } }, CMK],
        // A profile of another store (the key is for hosted configurations only), and a deployment (the profile's data).
        ["an AppConfig profile of an SSM parameter", t.APPCONFIG_CONFIGURATION_PROFILE, SSM_PROFILE, CMK],
        ["an AppConfig deployment without a key", "aws:appconfig/deployment:Deployment",
            { applicationId: "abc1234", configurationProfileId: "prof123", configurationVersion: "1", deploymentStrategyId: "AppConfig.AllAtOnce", environmentId: "env123" }, CMK],
        // A collection without settings of its own: the encryption policy matching its name decides.
        ["a collection without encryptionConfigs", t.OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", type: "SEARCH" }, CMK],
        ["an aws-native collection without encryptionConfig", t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", type: "VECTORSEARCH" }, CMK],
        // Customer managed keys.
        ["a guardrail with a customer managed key", t.BEDROCK_GUARDRAIL, { ...GUARDRAIL, kmsKeyArn: KEY }, CMK],
        ["an aws-native prompt with a customer managed key", t.NATIVE_BEDROCK_PROMPT, { name: "summarise", customerEncryptionKeyArn: KEY }, CMK],
        ["an aws-native anomaly detector with a customer managed key", t.NATIVE_LOGS_LOG_ANOMALY_DETECTOR, { ...NATIVE_DETECTOR, kmsKeyId: KEY }, CMK],
        ["an endpoint with the flag and a customer managed key", t.VERIFIEDACCESS_ENDPOINT, { ...VA_ENDPOINT, sseSpecification: { customerManagedKeyEnabled: true, kmsKeyArn: KEY } }, CMK],
        ["a collection with a customer managed key (the registry's example)", t.OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", encryptionConfigs: [{ kmsKeyArn: KEY }] }, CMK],
        ["a collection with awsOwnedKey: false and a customer managed key", t.OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", encryptionConfigs: [{ awsOwnedKey: false, kmsKeyArn: KEY }] }, CMK],
        ["an aws-native encryption policy with a customer managed key", t.NATIVE_OPENSEARCH_SERVERLESS_SECURITY_POLICY, SERVERLESS_POLICY({ AWSOwnedKey: false, KmsARN: KEY }), CMK],
        ["an aws-native network policy", t.NATIVE_OPENSEARCH_SERVERLESS_SECURITY_POLICY,
            { name: "search", type: "network", policy: JSON.stringify([{ Rules: [{ ResourceType: "collection", Resource: ["collection/search"] }], AllowFromPublic: true }]) }, CMK],
        ["a HealthImaging data store with a customer managed key", t.NATIVE_HEALTHIMAGING_DATASTORE, { datastoreName: "radiology", kmsKeyArn: KEY }, CMK],
        ["an aws-native schedule with a customer managed key", t.NATIVE_SCHEDULER_SCHEDULE, { ...SCHEDULE, kmsKeyArn: KEY }, CMK],
        ["an aws-native hosted profile with a customer managed key", t.NATIVE_APPCONFIG_CONFIGURATION_PROFILE, { ...HOSTED_PROFILE, kmsKeyIdentifier: KEY }, CMK],
        // Unknown at preview.
        ["an unknown guardrail key", t.BEDROCK_GUARDRAIL, { ...GUARDRAIL, kmsKeyArn: U }, CMK],
        ["an unknown trust provider encryption block", t.VERIFIEDACCESS_TRUST_PROVIDER, { ...TRUST_PROVIDER, sseSpecification: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown flag with a customer managed key", t.VERIFIEDACCESS_TRUST_PROVIDER, { ...TRUST_PROVIDER, sseSpecification: { customerManagedKeyEnabled: UB, kmsKeyArn: KEY } }, CMK],
        ["an unknown group key", t.VERIFIEDACCESS_GROUP, { ...VA_GROUP, sseConfiguration: { customerManagedKeyEnabled: true, kmsKeyArn: U } }, CMK],
        ["an unknown collection encryption list", t.OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", encryptionConfigs: UNKNOWN_SENTINELS.object }, CMK],
        ["an unknown awsOwnedKey with a customer managed key", t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", encryptionConfig: { awsOwnedKey: UB, kmsKeyArn: KEY } }, CMK],
        ["an unknown aws-native encryption policy", t.NATIVE_OPENSEARCH_SERVERLESS_SECURITY_POLICY, { name: "search", type: "encryption", policy: U }, CMK],
        ["an unknown schedule key", t.SCHEDULER_SCHEDULE, { ...SCHEDULE, kmsKeyArn: U }, CMK],
        ["an unknown AppConfig location", t.APPCONFIG_CONFIGURATION_PROFILE, { ...HOSTED_PROFILE, locationUri: U }, CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    reportedOnlyUnderCmk([
        ["a guardrail without a key (hashicorp's test template)", t.BEDROCK_GUARDRAIL, GUARDRAIL, "kmsKeyArn is not set (Bedrock encrypts the guardrail with a key of AWS's)"],
        ["an aws-native guardrail without a key", t.NATIVE_BEDROCK_GUARDRAIL, NATIVE_GUARDRAIL, "kmsKeyArn is not set"],
        ["a prompt without a key", t.BEDROCK_PROMPT, { name: "summarise", defaultVariant: "v1" }, "customerEncryptionKeyArn is not set (Bedrock encrypts the prompt with an AWS managed key)"],
        ["an aws-native flow without a key", t.NATIVE_BEDROCK_FLOW, { name: "triage", executionRoleArn: "arn:aws:iam::111122223333:role/flow" },
            "customerEncryptionKeyArn is not set (Bedrock encrypts the flow with an AWS managed key)"],
        ["an anomaly detector without a key", t.CLOUDWATCH_LOG_ANOMALY_DETECTOR, DETECTOR,
            "kmsKeyId is not set (CloudWatch Logs encrypts the anomalies and the detector's model with its own service key)"],
        ["an aws-native anomaly detector with the AWS managed logs alias", t.NATIVE_LOGS_LOG_ANOMALY_DETECTOR, { ...NATIVE_DETECTOR, kmsKeyId: "alias/aws/logs" }, "kmsKeyId names the AWS managed key aws/logs"],
        ["a trust provider without sseSpecification (the registry's example)", t.VERIFIEDACCESS_TRUST_PROVIDER, TRUST_PROVIDER,
            "sseSpecification.customerManagedKeyEnabled is not set (Verified Access encrypts with an AWS owned key)"],
        ["a group with the flag and no key", t.VERIFIEDACCESS_GROUP, { ...VA_GROUP, sseConfiguration: { customerManagedKeyEnabled: true } }, "sseConfiguration.kmsKeyArn is not set"],
        ["an aws-native trust provider with a key but the flag off", t.NATIVE_EC2_VERIFIED_ACCESS_TRUST_PROVIDER,
            { ...TRUST_PROVIDER, sseSpecification: { customerManagedKeyEnabled: false, kmsKeyArn: KEY } },
            "sseSpecification.customerManagedKeyEnabled is false (Verified Access then encrypts with an AWS owned key)"],
        ["an aws-native endpoint without sseSpecification", t.NATIVE_EC2_VERIFIED_ACCESS_ENDPOINT, VA_ENDPOINT, "sseSpecification.customerManagedKeyEnabled is not set"],
        ["a collection with an AWS owned key", t.OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", encryptionConfigs: [{ awsOwnedKey: true }] },
            "encryptionConfigs[0].awsOwnedKey is true (the collection is encrypted with an AWS owned key)"],
        ["an aws-native collection with an AWS owned key", t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION, { name: "search", encryptionConfig: { awsOwnedKey: true } },
            "encryptionConfig.awsOwnedKey is true"],
        ["an aws-native collection with the AWS managed OpenSearch alias", t.NATIVE_OPENSEARCH_SERVERLESS_COLLECTION,
            { name: "search", encryptionConfig: { kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/aws/es" } }, "encryptionConfig.kmsKeyArn names the AWS managed key aws/es"],
        ["an aws-native encryption policy with an AWS owned key", t.NATIVE_OPENSEARCH_SERVERLESS_SECURITY_POLICY, SERVERLESS_POLICY({ AWSOwnedKey: true }),
            "policy: AWSOwnedKey is true (the collections it matches are encrypted with an AWS owned key)"],
        ["a HealthImaging data store without a key", t.NATIVE_HEALTHIMAGING_DATASTORE, { datastoreName: "radiology" },
            "kmsKeyArn is not set (HealthImaging encrypts the data store's images with an AWS owned key)"],
        ["a schedule without a key (the registry's example)", t.SCHEDULER_SCHEDULE, SCHEDULE,
            "kmsKeyArn is not set (EventBridge Scheduler encrypts the schedule's target input with an AWS owned key)"],
        ["an aws-native schedule without a key", t.NATIVE_SCHEDULER_SCHEDULE, SCHEDULE, "kmsKeyArn is not set"],
        ["a hosted AppConfig profile without a key", t.APPCONFIG_CONFIGURATION_PROFILE, HOSTED_PROFILE,
            "kmsKeyIdentifier is not set (AppConfig encrypts the hosted configuration's versions with a key of AWS's)"],
        ["an aws-native hosted profile without a key", t.NATIVE_APPCONFIG_CONFIGURATION_PROFILE, HOSTED_PROFILE, "kmsKeyIdentifier is not set"],
    ]);

    cmkThroughEngine({
        resources: [
            { type: APPSYNC_API_CACHE, name: "api-cache", props: { ...APPSYNC_CACHE, atRestEncryptionEnabled: false } },
            { type: t.BEDROCK_GUARDRAIL, name: "support-guardrail", props: GUARDRAIL },
            { type: t.NATIVE_BEDROCK_GUARDRAIL, name: "keyed-guardrail", props: { ...NATIVE_GUARDRAIL, kmsKeyArn: KEY } },
            { type: t.CLOUDWATCH_LOG_ANOMALY_DETECTOR, name: "app-anomalies", props: DETECTOR },
            { type: t.VERIFIEDACCESS_TRUST_PROVIDER, name: "idc", props: TRUST_PROVIDER },
            { type: t.VERIFIEDACCESS_ENDPOINT, name: "app-endpoint", props: { ...VA_ENDPOINT, sseSpecification: { customerManagedKeyEnabled: true, kmsKeyArn: KEY } } },
            { type: t.OPENSEARCH_SERVERLESS_COLLECTION, name: "owned-search", props: { name: "owned", encryptionConfigs: [{ awsOwnedKey: true }] } },
            { type: t.OPENSEARCH_SERVERLESS_COLLECTION, name: "policy-search", props: { name: "by-policy" } },
            { type: t.NATIVE_OPENSEARCH_SERVERLESS_SECURITY_POLICY, name: "search-encryption", props: SERVERLESS_POLICY({ AWSOwnedKey: true }) },
            { type: t.NATIVE_HEALTHIMAGING_DATASTORE, name: "radiology", props: { datastoreName: "radiology" } },
            { type: t.SCHEDULER_SCHEDULE, name: "nightly", props: SCHEDULE },
            { type: t.APPCONFIG_CONFIGURATION_PROFILE, name: "flags", props: HOSTED_PROFILE },
            { type: t.APPCONFIG_CONFIGURATION_PROFILE, name: "params", props: SSM_PROFILE },
        ],
        reports: "reports guardrails, detectors, Verified Access, collections, encryption policies, data stores, schedules and hosted profiles without a customer managed key only under requireCustomerManagedKey",
        expected: [
            ["support-guardrail", "kmsKeyArn is not set"],
            ["app-anomalies", "kmsKeyId is not set"],
            ["idc", "sseSpecification.customerManagedKeyEnabled is not set"],
            ["owned-search", "encryptionConfigs[0].awsOwnedKey is true"],
            // byName keeps the message up to its second ": " (here, the setting's name).
            ["search-encryption", "policy"],
            ["radiology", "kmsKeyArn is not set"],
            ["nightly", "kmsKeyArn is not set"],
            ["flags", "kmsKeyIdentifier is not set"],
        ],
        preview: "preview: keys from a key created in the same update are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.BEDROCK_GUARDRAIL, name: "support-guardrail", ...fromKey("kmsKeyArn"), props: { ...GUARDRAIL, kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.NATIVE_LOGS_LOG_ANOMALY_DETECTOR, name: "app-anomalies", ...fromKey("kmsKeyId"), props: { ...NATIVE_DETECTOR, kmsKeyId: ENGINE_UNKNOWN } },
            { type: t.VERIFIEDACCESS_TRUST_PROVIDER, name: "idc", ...fromKey("sseSpecification"),
                props: { ...TRUST_PROVIDER, sseSpecification: { customerManagedKeyEnabled: true, kmsKeyArn: ENGINE_UNKNOWN } } },
            { type: t.NATIVE_EC2_VERIFIED_ACCESS_GROUP, name: "apps", ...fromKey("sseSpecification"), props: { verifiedAccessInstanceId: "vai-0123456789abcdef0", sseSpecification: { $unknown: "object" } } },
            { type: t.OPENSEARCH_SERVERLESS_COLLECTION, name: "keyed-search", ...fromKey("encryptionConfigs"), props: { name: "keyed", encryptionConfigs: [{ awsOwnedKey: false, kmsKeyArn: ENGINE_UNKNOWN }] } },
            { type: t.NATIVE_OPENSEARCH_SERVERLESS_SECURITY_POLICY, name: "search-encryption", ...fromKey("policy"), props: { name: "search", type: "encryption", policy: ENGINE_UNKNOWN } },
            { type: t.NATIVE_HEALTHIMAGING_DATASTORE, name: "radiology", ...fromKey("kmsKeyArn"), props: { datastoreName: "radiology", kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.NATIVE_SCHEDULER_SCHEDULE, name: "nightly", ...fromKey("kmsKeyArn"), props: { ...SCHEDULE, kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.APPCONFIG_CONFIGURATION_PROFILE, name: "flags", ...fromKey("kmsKeyIdentifier"), props: { ...HOSTED_PROFILE, kmsKeyIdentifier: ENGINE_UNKNOWN } },
        ],
    });
});

// Helper 121's stores (labels written before running). An event bus keeps "event payloads, event
// metadata, subscriber filters, and subscriber target configuration" under an AWS owned key unless
// it names one (EventBridge guide, "Encrypting events on a custom event bus").
const LAKE_ROLE = "arn:aws:iam::111122223333:role/AmazonSecurityLakeMetaStoreManager";
const LAKE = (encryptionConfigurations?: unknown) => ({
    metaStoreManagerRoleArn: LAKE_ROLE,
    configuration: { region: "eu-west-1", ...(encryptionConfigurations === undefined ? {} : { encryptionConfigurations }), lifecycleConfiguration: { expiration: { days: 365 } } },
});
const ASSISTANT = { name: "support", type: "AGENT" };
const WISDOM_KB = { name: "articles", knowledgeBaseType: "EXTERNAL", sourceConfiguration: { appIntegrations: { appIntegrationArn: "arn:aws:app-integrations:eu-west-1:111122223333:data-integration/abc" } } };
const CANARY = (s3Encryption: Record<string, unknown>) => ({
    name: "home-page", artifactS3Location: "s3://canary-artifacts/home", executionRoleArn: "arn:aws:iam::111122223333:role/canary", handler: "index.handler",
    runtimeVersion: "syn-nodejs-puppeteer-9.1", schedule: { expression: "rate(5 minutes)" }, zipFile: "canary.zip", artifactConfig: { s3Encryption },
});
const NATIVE_CANARY = (s3Encryption: Record<string, unknown>) => ({
    name: "home-page", artifactS3Location: "s3://canary-artifacts/home", executionRoleArn: "arn:aws:iam::111122223333:role/canary",
    code: { handler: "index.handler", script: "exports.handler = async () => {};" }, runtimeVersion: "syn-nodejs-puppeteer-9.1", schedule: { expression: "rate(5 minutes)" },
    artifactConfig: { s3Encryption },
});

describe("event buses, Amazon Q in Connect, Personalize and Security Lake: judged only under requireCustomerManagedKey (pure rule)", () => {
    const passes: Case[] = [
        // False alarms first: AWS encrypts each of them, whatever the program says.
        ["an event bus without a key", t.CLOUDWATCH_EVENT_BUS, { name: "orders" }],
        ["an aws-native event bus without a key", t.NATIVE_EVENTS_EVENT_BUS, { name: "orders" }],
        ["a Q in Connect assistant without a key", t.NATIVE_WISDOM_ASSISTANT, ASSISTANT],
        ["a Q in Connect knowledge base without a key", t.NATIVE_WISDOM_KNOWLEDGE_BASE, WISDOM_KB],
        ["a Personalize dataset group without a key", t.NATIVE_PERSONALIZE_DATASET_GROUP, { name: "retail" }],
        ["a Security Lake data lake with S3_MANAGED_KEY (the registry's example)", t.SECURITYLAKE_DATA_LAKE, LAKE([{ kmsKeyId: "S3_MANAGED_KEY" }])],
        ["an aws-native data lake without encryptionConfiguration", t.NATIVE_SECURITYLAKE_DATA_LAKE, { metaStoreManagerRoleArn: LAKE_ROLE }],
        ["a canary whose artifacts are SSE_S3", t.SYNTHETICS_CANARY, CANARY({ encryptionMode: "SSE_S3" })],
        ["a canary without artifactConfig", t.SYNTHETICS_CANARY, { ...CANARY({}), artifactConfig: undefined }],
        ["a canary with SSE_KMS and a customer managed key, under requireCustomerManagedKey", t.SYNTHETICS_CANARY, CANARY({ encryptionMode: "SSE_KMS", kmsKeyArn: KEY }), CMK],
        ["an aws-native canary with SSE_KMS and no key, under requireCustomerManagedKey", t.NATIVE_SYNTHETICS_CANARY, NATIVE_CANARY({ encryptionMode: "SSE_KMS" }), CMK],
        ["an unknown canary encryption mode, under requireCustomerManagedKey", t.NATIVE_SYNTHETICS_CANARY, NATIVE_CANARY({ encryptionMode: U }), CMK],
        ["an unknown canary s3Encryption, under requireCustomerManagedKey", t.SYNTHETICS_CANARY, { ...CANARY({}), artifactConfig: { s3Encryption: UNKNOWN_SENTINELS.object } }, CMK],
        // Customer managed keys.
        ["an event bus with a customer managed key", t.CLOUDWATCH_EVENT_BUS, { name: "orders", kmsKeyIdentifier: KEY }, CMK],
        ["a Q in Connect assistant with a customer managed key", t.NATIVE_WISDOM_ASSISTANT, { ...ASSISTANT, serverSideEncryptionConfiguration: { kmsKeyId: KEY } }, CMK],
        ["a Personalize dataset group with a customer managed key", t.NATIVE_PERSONALIZE_DATASET_GROUP, { name: "retail", kmsKeyArn: KEY }, CMK],
        ["a Security Lake data lake with a customer managed key", t.SECURITYLAKE_DATA_LAKE, LAKE([{ kmsKeyId: KEY }]), CMK],
        ["an aws-native data lake with a customer managed key", t.NATIVE_SECURITYLAKE_DATA_LAKE, { metaStoreManagerRoleArn: LAKE_ROLE, encryptionConfiguration: { kmsKeyId: KEY } }, CMK],
        // Unknown at preview.
        ["an unknown event bus key", t.NATIVE_EVENTS_EVENT_BUS, { name: "orders", kmsKeyIdentifier: U }, CMK],
        ["an unknown data lake key", t.SECURITYLAKE_DATA_LAKE, LAKE([{ kmsKeyId: U }]), CMK],
        ["an unknown data lake encryption list", t.SECURITYLAKE_DATA_LAKE, LAKE(UNKNOWN_SENTINELS.object), CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    reportedOnlyUnderCmk([
        ["an event bus without a key", t.CLOUDWATCH_EVENT_BUS, { name: "orders" },
            "kmsKeyIdentifier is not set (EventBridge encrypts the events the bus keeps, with their rules' patterns and targets, with an AWS owned key)"],
        ["an aws-native event bus without a key", t.NATIVE_EVENTS_EVENT_BUS, { name: "orders" }, "kmsKeyIdentifier is not set"],
        ["a Q in Connect assistant without a key", t.NATIVE_WISDOM_ASSISTANT, ASSISTANT,
            "serverSideEncryptionConfiguration.kmsKeyId is not set (Amazon Q in Connect encrypts the assistant's sessions with an AWS owned key)"],
        ["a Q in Connect knowledge base without a key", t.NATIVE_WISDOM_KNOWLEDGE_BASE, WISDOM_KB,
            "serverSideEncryptionConfiguration.kmsKeyId is not set (Amazon Q in Connect encrypts the knowledge base's content with an AWS owned key)"],
        ["a Personalize dataset group without a key", t.NATIVE_PERSONALIZE_DATASET_GROUP, { name: "retail" },
            "kmsKeyArn is not set (Personalize encrypts the group's datasets with a key of AWS's)"],
        ["a Security Lake data lake with S3_MANAGED_KEY", t.SECURITYLAKE_DATA_LAKE, LAKE([{ kmsKeyId: "S3_MANAGED_KEY" }]),
            'configuration.encryptionConfigurations[0].kmsKeyId is "S3_MANAGED_KEY", S3-managed keys (SSE-S3)'],
        ["a Security Lake data lake without encryptionConfigurations", t.SECURITYLAKE_DATA_LAKE, LAKE(),
            "configuration.encryptionConfigurations is not set (Security Lake encrypts the lake's objects with S3-managed keys, SSE-S3)"],
        ["an aws-native data lake without encryptionConfiguration", t.NATIVE_SECURITYLAKE_DATA_LAKE, { metaStoreManagerRoleArn: LAKE_ROLE },
            "encryptionConfiguration.kmsKeyId is not set (Security Lake encrypts the lake's objects with S3-managed keys, SSE-S3)"],
        // SSE_S3 is the canary's own choice for each upload ("To use SSE-S3 encryption, you specify SSE_S3 as the
        // encryption mode", Synthetics' "Encrypting canary artifacts"): a bucket's default key does not override it.
        ["a canary whose artifacts are SSE_S3", t.SYNTHETICS_CANARY, CANARY({ encryptionMode: "SSE_S3" }), 'artifactConfig.s3Encryption.encryptionMode is "SSE_S3"'],
        ["an aws-native canary whose artifacts are SSE_S3", t.NATIVE_SYNTHETICS_CANARY, NATIVE_CANARY({ encryptionMode: "SSE_S3" }), 'artifactConfig.s3Encryption.encryptionMode is "SSE_S3"'],
        // An unset mode is not the bucket's key either: "If you omit this parameter, an AWS-managed AWS KMS key
        // is used" (Synthetics' S3EncryptionConfig).
        ["a canary without artifactConfig", t.SYNTHETICS_CANARY, { ...CANARY({}), artifactConfig: undefined },
            "artifactConfig.s3Encryption.encryptionMode is not set (Synthetics encrypts the artifacts with an AWS managed key)"],
        ["a canary without an encryption mode", t.SYNTHETICS_CANARY, CANARY({}), "artifactConfig.s3Encryption.encryptionMode is not set"],
        ["an aws-native canary without artifactConfig", t.NATIVE_SYNTHETICS_CANARY, { ...NATIVE_CANARY({}), artifactConfig: undefined }, "artifactConfig.s3Encryption.encryptionMode is not set"],
    ]);

    cmkThroughEngine({
        resources: [
            { type: t.CLOUDWATCH_EVENT_BUS, name: "orders", props: { name: "orders" } },
            { type: t.NATIVE_EVENTS_EVENT_BUS, name: "keyed-bus", props: { name: "keyed", kmsKeyIdentifier: KEY } },
            { type: t.NATIVE_WISDOM_ASSISTANT, name: "support", props: ASSISTANT },
            { type: t.NATIVE_PERSONALIZE_DATASET_GROUP, name: "retail", props: { name: "retail" } },
            { type: t.SECURITYLAKE_DATA_LAKE, name: "lake", props: LAKE([{ kmsKeyId: "S3_MANAGED_KEY" }]) },
            { type: t.SYNTHETICS_CANARY, name: "home-page", props: CANARY({ encryptionMode: "SSE_S3" }) },
            { type: t.NATIVE_SYNTHETICS_CANARY, name: "status-page", props: NATIVE_CANARY({}) },
        ],
        reports: "reports event buses, assistants, dataset groups, data lakes and canaries (SSE_S3 or no mode) without a customer managed key only under requireCustomerManagedKey",
        expected: [
            ["orders", "kmsKeyIdentifier is not set"],
            ["support", "serverSideEncryptionConfiguration.kmsKeyId is not set"],
            ["retail", "kmsKeyArn is not set"],
            ["lake", 'configuration.encryptionConfigurations[0].kmsKeyId is "S3_MANAGED_KEY", S3-managed keys'],
            ["home-page", 'artifactConfig.s3Encryption.encryptionMode is "SSE_S3". requireCustomerManagedKey is true'],
            ["status-page", "artifactConfig.s3Encryption.encryptionMode is not set"],
        ],
        preview: "preview: keys from a key created in the same update are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.CLOUDWATCH_EVENT_BUS, name: "orders", ...fromKey("kmsKeyIdentifier"), props: { name: "orders", kmsKeyIdentifier: ENGINE_UNKNOWN } },
            { type: t.NATIVE_WISDOM_KNOWLEDGE_BASE, name: "articles", ...fromKey("serverSideEncryptionConfiguration"),
                props: { ...WISDOM_KB, serverSideEncryptionConfiguration: { kmsKeyId: ENGINE_UNKNOWN } } },
            { type: t.NATIVE_PERSONALIZE_DATASET_GROUP, name: "retail", ...fromKey("kmsKeyArn"), props: { name: "retail", kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.SECURITYLAKE_DATA_LAKE, name: "lake", ...fromKey("configuration"), props: LAKE([{ kmsKeyId: ENGINE_UNKNOWN }]) },
            { type: t.NATIVE_SECURITYLAKE_DATA_LAKE, name: "native-lake", ...fromKey("encryptionConfiguration"), props: { metaStoreManagerRoleArn: LAKE_ROLE, encryptionConfiguration: { $unknown: "object" } } },
            { type: t.NATIVE_SYNTHETICS_CANARY, name: "home-page", props: NATIVE_CANARY({ encryptionMode: { $unknown: "string" } }) },
        ],
    });
});

const GATEWAY = { name: "tools", protocolType: "MCP", authorizerType: "AWS_IAM", roleArn: "arn:aws:iam::111122223333:role/agentcore-gateway" };
const CONNECTOR = { name: "jira-connector", connectorProvider: { jiraCloud: { projectKey: "SEC" } } };
const NATIVE_CONNECTOR = { name: "jira-connector", provider: { jiraCloud: { projectKey: "SEC" } } };
const DMS_ROLE = "arn:aws:iam::111122223333:role/dms-s3";
const DMS_S3 = (extra: Record<string, unknown>) => ({ endpointId: "orders-s3", endpointType: "target", bucketName: "orders-export", serviceAccessRoleArn: DMS_ROLE, ...extra });
const NATIVE_DMS_S3 = (s3Settings: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    endpointType: "target", engineName: "s3", s3Settings: { bucketName: "orders-export", serviceAccessRoleArn: DMS_ROLE, ...s3Settings }, ...extra,
});

// Helper 130's replay of helper 127's Left: stores AWS always encrypts, with a key of AWS's unless
// given one (AgentCore, Deadline Cloud and Secure Browser guides; Security Hub's connectors), and a
// DMS S3 target asking for S3-managed keys itself.
describe("AgentCore gateways, Deadline Cloud farms, Secure Browser portals, Security Hub connectors and DMS S3 targets (pure rule)", () => {
    const passes: Case[] = [
        // False alarms first: AWS encrypts each of them; a key is asked for only under requireCustomerManagedKey.
        ["an AgentCore gateway without a key", t.BEDROCK_AGENTCORE_GATEWAY, GATEWAY],
        ["a Deadline Cloud farm without a key", t.NATIVE_DEADLINE_FARM, { displayName: "render" }],
        ["a Secure Browser portal without a key", t.WORKSPACESWEB_PORTAL, { displayName: "contractors" }],
        ["a Security Hub connector without a key", t.SECURITYHUB_CONNECTOR_V2, CONNECTOR],
        ["a DMS S3 target with SSE_S3", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: "SSE_S3" })],
        // A source endpoint reads the bucket ("only SSE_S3 encryptionMode is valid"); an unset mode is left to the bucket.
        ["a DMS S3 source with SSE_S3, under requireCustomerManagedKey", t.DMS_S3_ENDPOINT, DMS_S3({ endpointType: "source", encryptionMode: "SSE_S3" }), CMK],
        ["an aws-native DMS S3 source with SSE_S3, under requireCustomerManagedKey", t.NATIVE_DMS_ENDPOINT, NATIVE_DMS_S3({ encryptionMode: "SSE_S3" }, { endpointType: "source" }), CMK],
        ["a DMS S3 target without a mode", t.DMS_S3_ENDPOINT, DMS_S3({})],
        ["an aws-native DMS endpoint of another engine, under requireCustomerManagedKey", t.NATIVE_DMS_ENDPOINT, { endpointType: "target", engineName: "postgres", databaseName: "orders" }, CMK],
        // Customer managed keys.
        ["an AgentCore gateway with a customer managed key", t.BEDROCK_AGENTCORE_GATEWAY, { ...GATEWAY, kmsKeyArn: KEY }, CMK],
        ["an aws-native AgentCore gateway with a customer managed key", t.NATIVE_BEDROCKAGENTCORE_GATEWAY, { ...GATEWAY, kmsKeyArn: KEY }, CMK],
        ["a Deadline Cloud farm with a customer managed key", t.NATIVE_DEADLINE_FARM, { displayName: "render", kmsKeyArn: KEY }, CMK],
        ["a Secure Browser portal with a customer managed key", t.NATIVE_WORKSPACESWEB_PORTAL, { displayName: "contractors", customerManagedKey: KEY }, CMK],
        ["a Security Hub connector with a customer managed key", t.NATIVE_SECURITYHUB_CONNECTOR_V2, { ...NATIVE_CONNECTOR, kmsKeyArn: KEY }, CMK],
        ["a DMS S3 target with SSE_KMS and a key", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: "SSE_KMS", serverSideEncryptionKmsKeyId: KEY }), CMK],
        ["an aws-native DMS S3 target with SSE_KMS and a key", t.NATIVE_DMS_ENDPOINT, NATIVE_DMS_S3({ encryptionMode: "SSE_KMS", serverSideEncryptionKmsKeyId: KEY }), CMK],
        // Unknown at preview.
        ["an unknown gateway key", t.BEDROCK_AGENTCORE_GATEWAY, { ...GATEWAY, kmsKeyArn: U }, CMK],
        ["an unknown farm key", t.NATIVE_DEADLINE_FARM, { displayName: "render", kmsKeyArn: U }, CMK],
        ["an unknown portal key", t.WORKSPACESWEB_PORTAL, { displayName: "contractors", customerManagedKey: U }, CMK],
        ["an unknown connector key", t.SECURITYHUB_CONNECTOR_V2, { ...CONNECTOR, kmsKeyArn: U }, CMK],
        ["an unknown DMS S3 mode", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: U }), CMK],
        ["an unknown DMS endpoint type", t.DMS_S3_ENDPOINT, DMS_S3({ endpointType: U, encryptionMode: "SSE_S3" }), CMK],
        ["an unknown aws-native DMS engine", t.NATIVE_DMS_ENDPOINT, NATIVE_DMS_S3({ encryptionMode: "SSE_S3" }, { engineName: U }), CMK],
        ["unknown aws-native DMS s3Settings", t.NATIVE_DMS_ENDPOINT, { endpointType: "target", engineName: "s3", s3Settings: UNKNOWN_SENTINELS.object }, CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    reportedOnlyUnderCmk([
        ["an AgentCore gateway without a key", t.BEDROCK_AGENTCORE_GATEWAY, GATEWAY, "kmsKeyArn is not set (AgentCore encrypts the gateway's data with a key of AWS's)"],
        ["an aws-native AgentCore gateway without a key", t.NATIVE_BEDROCKAGENTCORE_GATEWAY, GATEWAY, "kmsKeyArn is not set"],
        ["an AgentCore gateway with an AWS managed alias", t.BEDROCK_AGENTCORE_GATEWAY, { ...GATEWAY, kmsKeyArn: "alias/aws/bedrock" }, "kmsKeyArn names an AWS managed key"],
        ["a Deadline Cloud farm without a key", t.NATIVE_DEADLINE_FARM, { displayName: "render" }, "kmsKeyArn is not set (Deadline Cloud encrypts the farm's data with an AWS owned key)"],
        ["a Secure Browser portal without a key", t.WORKSPACESWEB_PORTAL, { displayName: "contractors" },
            "customerManagedKey is not set (WorkSpaces Secure Browser encrypts the portal's data with an AWS owned key)"],
        ["an aws-native Secure Browser portal without a key", t.NATIVE_WORKSPACESWEB_PORTAL, { displayName: "contractors" }, "customerManagedKey is not set"],
        ["a Security Hub connector without a key", t.SECURITYHUB_CONNECTOR_V2, CONNECTOR, "kmsKeyArn is not set (Security Hub encrypts the connector's credentials with an AWS owned key)"],
        ["an aws-native Security Hub connector without a key", t.NATIVE_SECURITYHUB_CONNECTOR_V2, NATIVE_CONNECTOR, "kmsKeyArn is not set"],
        // SSE_S3 is DMS's own request for each file, as a canary's: the bucket's default key does not override it.
        ["a DMS S3 target with SSE_S3", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: "SSE_S3" }), 'encryptionMode is "SSE_S3"'],
        ["an aws-native DMS S3 target with SSE_S3", t.NATIVE_DMS_ENDPOINT, NATIVE_DMS_S3({ encryptionMode: "SSE_S3" }), 's3Settings.encryptionMode is "SSE_S3"'],
    ]);

    cmkThroughEngine({
        resources: [
            { type: t.BEDROCK_AGENTCORE_GATEWAY, name: "tools", props: GATEWAY },
            { type: t.NATIVE_DEADLINE_FARM, name: "render", props: { displayName: "render" } },
            { type: t.NATIVE_DEADLINE_FARM, name: "keyed-farm", props: { displayName: "keyed", kmsKeyArn: KEY } },
            { type: t.WORKSPACESWEB_PORTAL, name: "contractors", props: { displayName: "contractors" } },
            { type: t.NATIVE_SECURITYHUB_CONNECTOR_V2, name: "jira", props: NATIVE_CONNECTOR },
            { type: t.DMS_S3_ENDPOINT, name: "orders-s3", props: DMS_S3({ encryptionMode: "SSE_S3" }) },
            { type: t.DMS_S3_ENDPOINT, name: "orders-source", props: DMS_S3({ endpointType: "source", encryptionMode: "SSE_S3" }) },
        ],
        reports: "reports gateways, farms, portals, connectors and SSE_S3 DMS targets without a customer managed key only under requireCustomerManagedKey",
        expected: [
            ["tools", "kmsKeyArn is not set"],
            ["render", "kmsKeyArn is not set"],
            ["contractors", "customerManagedKey is not set"],
            ["jira", "kmsKeyArn is not set"],
            ["orders-s3", 'encryptionMode is "SSE_S3". requireCustomerManagedKey is true'],
        ],
        preview: "preview: keys from a key created in the same update and unknown DMS settings are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.NATIVE_BEDROCKAGENTCORE_GATEWAY, name: "tools", ...fromKey("kmsKeyArn"), props: { ...GATEWAY, kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.NATIVE_DEADLINE_FARM, name: "render", ...fromKey("kmsKeyArn"), props: { displayName: "render", kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.NATIVE_WORKSPACESWEB_PORTAL, name: "contractors", ...fromKey("customerManagedKey"), props: { displayName: "contractors", customerManagedKey: ENGINE_UNKNOWN } },
            { type: t.SECURITYHUB_CONNECTOR_V2, name: "jira", ...fromKey("kmsKeyArn"), props: { ...CONNECTOR, kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.DMS_S3_ENDPOINT, name: "orders-s3", props: DMS_S3({ encryptionMode: { $unknown: "string" } }) },
            { type: t.NATIVE_DMS_ENDPOINT, name: "native-s3", props: NATIVE_DMS_S3({ encryptionMode: "SSE_S3" }, { engineName: { $unknown: "string" } }) },
        ],
    });
});

// Helper 134's replay of the sixteenth run's Left: DMS S3 targets without a mode ("SSE_S3 (the
// default)") or with SSE_KMS and no key, DataBrew jobs' outputs, Secure Browser's other resources
// with a key, AgentCore evaluators, policy engines, configuration bundles and the token vault.
const DATABREW_JOB = (extra: Record<string, unknown> = {}) => ({
    name: "clean-orders", type: "RECIPE", roleArn: "arn:aws:iam::111122223333:role/databrew", projectName: "orders",
    outputs: [{ location: { bucket: "orders-clean", key: "cleaned/" }, format: "PARQUET" }], ...extra,
});
const USER_SETTINGS = { copyAllowed: "Enabled", downloadAllowed: "Enabled", pasteAllowed: "Enabled", printAllowed: "Disabled", uploadAllowed: "Enabled" };
const IP_ACCESS = { displayName: "office", ipRules: [{ ipRange: "203.0.113.0/24", description: "office" }] };
const SESSION_LOGGER = { displayName: "audit", eventFilter: { all: {} }, logConfiguration: { s3: { bucket: "browser-logs", folderStructure: "Flat", logFileFormat: "Json" } } };
const EVALUATOR = { evaluatorName: "helpfulness", level: "SESSION", evaluatorConfig: { llmAsAJudge: { instructions: "Rate the answer", modelConfig: { bedrockEvaluatorModelConfig: { modelId: "anthropic.claude-3-haiku-20240307-v1:0" } } } } };
const TOKEN_VAULT = (kmsConfiguration: unknown) => ({ kmsConfiguration });

describe("DMS S3 targets' modes, DataBrew jobs, Secure Browser settings and AgentCore evaluators, policy engines, bundles and the token vault (pure rule)", () => {
    const passes: Case[] = [
        // False alarms first: by default none of them is judged; a source endpoint and a job without a mode are left to the bucket.
        ["a DMS S3 target with SSE_KMS and no key", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: "SSE_KMS" })],
        ["a DataBrew job with SSE-S3", t.NATIVE_DATABREW_JOB, DATABREW_JOB({ encryptionMode: "SSE-S3" })],
        ["Secure Browser user settings without a key", t.WORKSPACESWEB_USER_SETTINGS, USER_SETTINGS],
        ["an AgentCore evaluator without a key", t.BEDROCK_AGENTCORE_EVALUATOR, EVALUATOR],
        ["the AgentCore token vault with ServiceManagedKey", t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK, TOKEN_VAULT({ keyType: "ServiceManagedKey" })],
        ["a DMS S3 source without a mode, under requireCustomerManagedKey", t.DMS_S3_ENDPOINT, DMS_S3({ endpointType: "source" }), CMK],
        ["an aws-native DMS S3 source without a mode, under requireCustomerManagedKey", t.NATIVE_DMS_ENDPOINT, NATIVE_DMS_S3({}, { endpointType: "source" }), CMK],
        ["a DataBrew job without a mode, under requireCustomerManagedKey", t.NATIVE_DATABREW_JOB, DATABREW_JOB(), CMK],
        // Customer managed keys.
        ["a DMS S3 target with SSE_KMS and a key", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: "SSE_KMS", serverSideEncryptionKmsKeyId: KEY }), CMK],
        ["a DataBrew job with SSE-KMS and a key", t.NATIVE_DATABREW_JOB, DATABREW_JOB({ encryptionMode: "SSE-KMS", encryptionKeyArn: KEY }), CMK],
        ["Secure Browser browser settings with a key", t.WORKSPACESWEB_BROWSER_SETTINGS, { browserPolicy: "{}", customerManagedKey: KEY }, CMK],
        ["aws-native Secure Browser IP access settings with a key", t.NATIVE_WORKSPACESWEB_IP_ACCESS_SETTINGS, { ...IP_ACCESS, customerManagedKey: KEY }, CMK],
        ["an AgentCore evaluator with a key", t.BEDROCK_AGENTCORE_EVALUATOR, { ...EVALUATOR, kmsKeyArn: KEY }, CMK],
        ["an aws-native AgentCore policy engine with a key", t.NATIVE_BEDROCKAGENTCORE_POLICY_ENGINE, { name: "refunds", encryptionKeyArn: KEY }, CMK],
        ["the AgentCore token vault with a customer managed key", t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK, TOKEN_VAULT({ keyType: "CustomerManagedKey", kmsKeyArn: KEY }), CMK],
        // Unknown at preview.
        ["an unknown DMS key under SSE_KMS", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: "SSE_KMS", serverSideEncryptionKmsKeyId: U }), CMK],
        ["an unknown aws-native DMS key under SSE_KMS", t.NATIVE_DMS_ENDPOINT, NATIVE_DMS_S3({ encryptionMode: "SSE_KMS", serverSideEncryptionKmsKeyId: U }), CMK],
        ["a DMS target without a mode and an unknown endpoint type", t.DMS_S3_ENDPOINT, DMS_S3({ endpointType: U }), CMK],
        ["an unknown DataBrew mode", t.NATIVE_DATABREW_JOB, DATABREW_JOB({ encryptionMode: U }), CMK],
        ["an unknown DataBrew key under SSE-KMS", t.NATIVE_DATABREW_JOB, DATABREW_JOB({ encryptionMode: "SSE-KMS", encryptionKeyArn: U }), CMK],
        ["an unknown Secure Browser key", t.WORKSPACESWEB_SESSION_LOGGER, { ...SESSION_LOGGER, customerManagedKey: U }, CMK],
        ["an unknown evaluator key", t.NATIVE_BEDROCKAGENTCORE_EVALUATOR, { ...EVALUATOR, kmsKeyArn: U }, CMK],
        ["an unknown token vault configuration", t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK, TOKEN_VAULT(UNKNOWN_SENTINELS.object), CMK],
        ["an unknown token vault key", t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK, TOKEN_VAULT({ keyType: "CustomerManagedKey", kmsKeyArn: U }), CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    reportedOnlyUnderCmk([
        ["a DMS S3 target without a mode", t.DMS_S3_ENDPOINT, DMS_S3({}), "encryptionMode is not set (DMS defaults it to SSE_S3"],
        ["an aws-native DMS S3 target without a mode", t.NATIVE_DMS_ENDPOINT, NATIVE_DMS_S3({}), "s3Settings.encryptionMode is not set (DMS defaults it to SSE_S3"],
        ["a DMS S3 target with SSE_KMS and no key", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: "SSE_KMS" }), "serverSideEncryptionKmsKeyId is not set"],
        ["an aws-native DMS S3 target with SSE_KMS and no key", t.NATIVE_DMS_ENDPOINT, NATIVE_DMS_S3({ encryptionMode: "SSE_KMS" }), "s3Settings.serverSideEncryptionKmsKeyId is not set"],
        ["a DMS S3 target with SSE_KMS and aws/s3", t.DMS_S3_ENDPOINT, DMS_S3({ encryptionMode: "SSE_KMS", serverSideEncryptionKmsKeyId: "alias/aws/s3" }),
            "serverSideEncryptionKmsKeyId names the AWS managed key aws/s3"],
        ["a DataBrew job with SSE-S3", t.NATIVE_DATABREW_JOB, DATABREW_JOB({ encryptionMode: "SSE-S3" }), 'encryptionMode is "SSE-S3"'],
        ["a DataBrew job with SSE-KMS and no key", t.NATIVE_DATABREW_JOB, DATABREW_JOB({ encryptionMode: "SSE-KMS" }), "encryptionKeyArn is not set"],
        ["Secure Browser browser settings without a key", t.WORKSPACESWEB_BROWSER_SETTINGS, { browserPolicy: "{}" },
            "customerManagedKey is not set (WorkSpaces Secure Browser encrypts the browser policy with an AWS owned key)"],
        ["Secure Browser data protection settings without a key", t.WORKSPACESWEB_DATA_PROTECTION_SETTINGS, { displayName: "pii" }, "encrypts the data protection settings"],
        ["Secure Browser IP access settings without a key", t.WORKSPACESWEB_IP_ACCESS_SETTINGS, IP_ACCESS, "encrypts the IP access settings"],
        ["a Secure Browser session logger without a key", t.WORKSPACESWEB_SESSION_LOGGER, SESSION_LOGGER, "encrypts the session logger's configuration"],
        ["Secure Browser user settings without a key", t.WORKSPACESWEB_USER_SETTINGS, USER_SETTINGS, "encrypts the user settings"],
        ["aws-native Secure Browser user settings without a key", t.NATIVE_WORKSPACESWEB_USER_SETTINGS, USER_SETTINGS, "customerManagedKey is not set"],
        ["an AgentCore evaluator without a key", t.BEDROCK_AGENTCORE_EVALUATOR, EVALUATOR, "kmsKeyArn is not set (AgentCore encrypts the evaluator's data with a key of AWS's)"],
        ["an aws-native AgentCore evaluator without a key", t.NATIVE_BEDROCKAGENTCORE_EVALUATOR, EVALUATOR, "kmsKeyArn is not set"],
        ["an AgentCore policy engine without a key", t.BEDROCK_AGENTCORE_POLICY_ENGINE, { name: "refunds" }, "encryptionKeyArn is not set (AgentCore encrypts the policy engine's data with an AWS managed key)"],
        ["an aws-native AgentCore configuration bundle without a key", t.NATIVE_BEDROCKAGENTCORE_CONFIGURATION_BUNDLE, { bundleName: "support", components: {} }, "kmsKeyArn is not set"],
        ["the AgentCore token vault with ServiceManagedKey", t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK, TOKEN_VAULT({ keyType: "ServiceManagedKey" }), 'kmsConfiguration.keyType is "ServiceManagedKey"'],
        ["the AgentCore token vault with CustomerManagedKey and no key", t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK, TOKEN_VAULT({ keyType: "CustomerManagedKey" }), "kmsConfiguration.kmsKeyArn is not set"],
    ]);

    cmkThroughEngine({
        resources: [
            { type: t.DMS_S3_ENDPOINT, name: "orders-s3", props: DMS_S3({}) },
            { type: t.NATIVE_DMS_ENDPOINT, name: "orders-native", props: NATIVE_DMS_S3({ encryptionMode: "SSE_KMS" }) },
            { type: t.DMS_S3_ENDPOINT, name: "orders-source", props: DMS_S3({ endpointType: "source" }) },
            { type: t.NATIVE_DATABREW_JOB, name: "clean-orders", props: DATABREW_JOB({ encryptionMode: "SSE-S3" }) },
            { type: t.NATIVE_DATABREW_JOB, name: "profile-orders", props: DATABREW_JOB() },
            { type: t.WORKSPACESWEB_USER_SETTINGS, name: "contractors", props: USER_SETTINGS },
            { type: t.BEDROCK_AGENTCORE_POLICY_ENGINE, name: "refunds", props: { name: "refunds" } },
            { type: t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK, name: "vault", props: TOKEN_VAULT({ keyType: "ServiceManagedKey" }) },
        ],
        reports: "reports DMS targets, DataBrew jobs, Secure Browser settings, AgentCore policy engines and the token vault without a customer managed key only under requireCustomerManagedKey",
        expected: [
            ["orders-s3", "encryptionMode is not set"],
            ["orders-native", "s3Settings.serverSideEncryptionKmsKeyId is not set"],
            ["clean-orders", 'encryptionMode is "SSE-S3". requireCustomerManagedKey is true'],
            ["contractors", "customerManagedKey is not set"],
            ["refunds", "encryptionKeyArn is not set"],
            ["vault", 'kmsConfiguration.keyType is "ServiceManagedKey". requireCustomerManagedKey is true'],
        ],
        preview: "preview: keys from a key created in the same update and unknown modes are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.DMS_S3_ENDPOINT, name: "orders-s3", ...fromKey("serverSideEncryptionKmsKeyId"), props: DMS_S3({ encryptionMode: "SSE_KMS", serverSideEncryptionKmsKeyId: ENGINE_UNKNOWN }) },
            { type: t.NATIVE_DMS_ENDPOINT, name: "orders-native", props: NATIVE_DMS_S3({ encryptionMode: { $unknown: "string" } }) },
            { type: t.NATIVE_DATABREW_JOB, name: "clean-orders", ...fromKey("encryptionKeyArn"), props: DATABREW_JOB({ encryptionMode: "SSE-KMS", encryptionKeyArn: ENGINE_UNKNOWN }) },
            { type: t.NATIVE_WORKSPACESWEB_USER_SETTINGS, name: "contractors", ...fromKey("customerManagedKey"), props: { ...USER_SETTINGS, customerManagedKey: ENGINE_UNKNOWN } },
            { type: t.NATIVE_BEDROCKAGENTCORE_EVALUATOR, name: "helpfulness", ...fromKey("kmsKeyArn"), props: { ...EVALUATOR, kmsKeyArn: ENGINE_UNKNOWN } },
            { type: t.BEDROCK_AGENTCORE_TOKEN_VAULT_CMK, name: "vault", ...fromKey("kmsConfiguration"), props: TOKEN_VAULT({ keyType: "CustomerManagedKey", kmsKeyArn: ENGINE_UNKNOWN }) },
        ],
    });
});

// Elastic Disaster Recovery's staging volumes hold a replicated copy of each source server's disks,
// always encrypted: with `ebsEncryptionKeyArn`, else the region's default EBS key.
const DRS_TEMPLATE = (ebsEncryption: unknown, ebsEncryptionKeyArn?: unknown) => ({
    associateDefaultSecurityGroup: false, bandwidthThrottling: 12, createPublicIp: false, dataPlaneRouting: "PRIVATE_IP", defaultLargeStagingDiskType: "GP3",
    ebsEncryption, ...(ebsEncryptionKeyArn === undefined ? {} : { ebsEncryptionKeyArn }),
    replicationServerInstanceType: "t3.small", replicationServersSecurityGroupsIds: ["sg-0123456789abcdef0"], stagingAreaSubnetId: "subnet-0a1b2c3d",
    useDedicatedReplicationServer: false, stagingAreaTags: { Project: "drs" },
    pitPolicies: [
        { enabled: true, interval: 10, retentionDuration: 60, units: "MINUTE", ruleId: 1 },
        { enabled: true, interval: 1, retentionDuration: 24, units: "HOUR", ruleId: 2 },
        { enabled: true, interval: 1, retentionDuration: 3, units: "DAY", ruleId: 3 },
    ],
});

describe("DRS replication configuration templates: judged only under requireCustomerManagedKey (pure rule)", () => {
    const DRS = t.DRS_REPLICATION_CONFIGURATION_TEMPLATE;
    const passes: Case[] = [
        ["the default EBS key (always encrypted)", DRS, DRS_TEMPLATE("DEFAULT")],
        ["a custom key", DRS, DRS_TEMPLATE("CUSTOM", KEY)],
        ["a custom customer managed key", DRS, DRS_TEMPLATE("CUSTOM", KEY), CMK],
        ["a custom multi-Region key id", DRS, DRS_TEMPLATE("CUSTOM", "mrk-1234abcd12ab34cd56ef1234567890ab"), CMK],
        // The registry's example and thinhlh/aws-dr-101 pair "DEFAULT" with a key: the key is judged, not the mode.
        ["DEFAULT with a customer managed key", DRS, DRS_TEMPLATE("DEFAULT", KEY), CMK],
        // Unknown at preview.
        ["an unknown custom key", DRS, DRS_TEMPLATE("CUSTOM", U), CMK],
        ["an unknown mode with a customer managed key", DRS, DRS_TEMPLATE(U, KEY), CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    const misses: [string, Record<string, unknown>, string][] = [
        ["the default EBS key", DRS_TEMPLATE("DEFAULT"), "ebsEncryptionKeyArn is not set (DRS encrypts the staging volumes and snapshots with the region's default EBS key"],
        ["CUSTOM with the AWS managed EBS key", DRS_TEMPLATE("CUSTOM", "arn:aws:kms:us-east-1:111122223333:alias/aws/ebs"), "ebsEncryptionKeyArn names the AWS managed key aws/ebs"],
    ];
    reportedOnlyUnderCmk(misses.map(([label, props, says]) => [label, DRS, props, says]),
        'requireCustomerManagedKey is true: set `ebsEncryptionKeyArn` to a customer managed KMS key (e.g. `key.arn`, with `ebsEncryption: "CUSTOM"`)');

    cmkThroughEngine({
        resources: [
            { type: DRS, name: "default-key", props: DRS_TEMPLATE("DEFAULT") },
            { type: DRS, name: "custom-key", props: DRS_TEMPLATE("CUSTOM", KEY) },
        ],
        reports: "reports a template on the default EBS key only under requireCustomerManagedKey",
        expected: [["default-key", "ebsEncryptionKeyArn is not set"]],
        preview: "preview: a key created in the same update is not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: DRS, name: "custom-key", ...fromKey("ebsEncryptionKeyArn"), props: DRS_TEMPLATE("CUSTOM", ENGINE_UNKNOWN) },
        ],
    });
});

// The EBS volumes ECS creates for a service's tasks: the provider sends `encrypted: true` when unset.
const ECS_SERVICE = (managedEbsVolume: Record<string, unknown> | unknown) => ({
    name: "ingest", cluster: "arn:aws:ecs:us-east-1:111122223333:cluster/jobs", taskDefinition: "ingest:3", desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { subnets: ["subnet-0a1b2c3d"], assignPublicIp: false },
    volumeConfiguration: { name: "scratch", managedEbsVolume },
});
const ECS_ROLE = "arn:aws:iam::111122223333:role/ecsInfrastructureRole";

describe("ECS services' task EBS volumes (pure rule)", () => {
    const passes: Case[] = [
        ["encrypted as the provider sends its default", t.ECS_SERVICE, ECS_SERVICE({ roleArn: ECS_ROLE, sizeInGb: 100, encrypted: true })],
        ["a customer managed key", t.ECS_SERVICE, ECS_SERVICE({ roleArn: ECS_ROLE, sizeInGb: 100, encrypted: true, kmsKeyId: KEY })],
        ["encrypted left unset (tuxpower/wiz's passing test writes it true)", t.ECS_SERVICE, ECS_SERVICE({ roleArn: ECS_ROLE, sizeInGb: 100 })],
        ["a service without volumes", t.ECS_SERVICE, { name: "web", cluster: "jobs", taskDefinition: "web:1", desiredCount: 2 }],
        ["encrypted unknown at preview", t.ECS_SERVICE, ECS_SERVICE({ roleArn: ECS_ROLE, sizeInGb: 100, encrypted: UB })],
        ["the volume block unknown at preview", t.ECS_SERVICE, ECS_SERVICE(UNKNOWN_SENTINELS.object)],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    it("reports a declared false (tuxpower/wiz's failing test), also where the account default would override it", () => {
        const props = ECS_SERVICE({ roleArn: ECS_ROLE, sizeInGb: 100, encrypted: false });
        const says = 'aws:ecs/service:Service "store": volumeConfiguration.managedEbsVolume.encrypted is false. Remove `encrypted: false`';
        expect(judge(t.ECS_SERVICE, props).map((f) => f.message)).toEqual([expect.stringContaining(says)]);
        expect(judge(t.ECS_SERVICE, props, EBS_DEFAULT).map((f) => f.message)).toEqual([expect.stringContaining(says)]);
    });

    describe("through the engine path", () => {
        const engine = useEngine();
        it("reports the declared false only, and nothing at preview while the flag is unknown", async () => {
            const run = await engine.run({ resources: [
                { type: t.ECS_SERVICE, name: "ingest", props: ECS_SERVICE({ roleArn: ECS_ROLE, sizeInGb: 100, encrypted: false }) },
                { type: t.ECS_SERVICE, name: "reports", props: ECS_SERVICE({ roleArn: ECS_ROLE, sizeInGb: 100, encrypted: true }) },
            ] });
            expect(byName(run)).toEqual([["ingest", "volumeConfiguration.managedEbsVolume.encrypted is false. Remove `encrypted"]]);
            const preview = await engine.run({ preview: true, resources: [
                { type: t.ECS_SERVICE, name: "ingest", props: ECS_SERVICE({ roleArn: ECS_ROLE, sizeInGb: 100, encrypted: { $unknown: "boolean" } }) },
            ] });
            expect(findingsOrErrors(preview)).toEqual([]);
        });
    });
});

describe("EMR security configurations (pure rule)", () => {
    const EMR = t.EMR_SECURITY_CONFIGURATION;
    const sc = (encryption: unknown) => resource(EMR, { name: "sc", configuration: typeof encryption === "string" ? encryption : JSON.stringify({ EncryptionConfiguration: encryption }) }, { name: "sc" });
    const localKms = (key: unknown) => ({ EncryptionKeyProviderType: "AwsKms", AwsKmsKey: key, EnableEbsEncryption: true });
    const messages = (r: PlainResource, config = DEFAULTS) => findUnencryptedDataStores(r, config).map((f) => f.message);

    it.each([
        ["local disks with an AWS managed key", { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { LocalDiskEncryptionConfiguration: localKms("alias/aws/elasticmapreduce") } }, DEFAULTS],
        ["local disks with a customer managed key, S3 with SSE-KMS", { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: {
            LocalDiskEncryptionConfiguration: localKms(KEY), S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: KEY } } }, CMK],
        ["a custom key provider (the customer's own keys)", { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: {
            LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "Custom", S3Object: "s3://acme/provider.jar", EncryptionKeyProviderClass: "com.acme.KeyProvider" } } }, CMK],
        ["an unknown configuration", U, CMK],
    ])("passes: %s", (_title, encryption, config) => {
        expect(messages(sc(encryption), config as typeof DEFAULTS)).toEqual([]);
    });

    it.each([
        ["in-transit encryption only", { EnableInTransitEncryption: true, EnableAtRestEncryption: false }, DEFAULTS, "EncryptionConfiguration.EnableAtRestEncryption is false (EMR leaves the cluster's local disks unencrypted)"],
        ["no EncryptionConfiguration", "{}", DEFAULTS, "EnableAtRestEncryption is not set"],
        ["a string \"true\"", { EnableAtRestEncryption: "true" }, DEFAULTS, "is a string, not the boolean true"],
        ["S3 data only", { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" } } }, DEFAULTS,
            "LocalDiskEncryptionConfiguration is not set, so the cluster's local disks stay unencrypted"],
        ["not JSON", "{ EncryptionConfiguration: ", DEFAULTS, "configuration is not valid JSON"],
        ["CMK: local disks with the AWS managed key", { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { LocalDiskEncryptionConfiguration: localKms("alias/aws/elasticmapreduce") } }, CMK,
            "LocalDiskEncryptionConfiguration.AwsKmsKey names an AWS managed key"],
        // Worded as every other key finding of the policy (the same state and fix).
        ["CMK: local disks on AwsKms without a key", { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { LocalDiskEncryptionConfiguration: localKms(undefined) } }, CMK,
            "LocalDiskEncryptionConfiguration.AwsKmsKey is not set (AWS rejects AwsKms without a key). requireCustomerManagedKey is true: set `AwsKmsKey` to a customer managed KMS key (e.g. `key.arn`), or set requireCustomerManagedKey to false"],
        ["CMK: S3 with SSE-KMS and a key of the wrong type", { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { LocalDiskEncryptionConfiguration: localKms(KEY), S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: ["k"] } } }, CMK,
            "S3EncryptionConfiguration.AwsKmsKey is a list, not a customer managed KMS key."],
        ["CMK: S3 with SSE-S3", { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { LocalDiskEncryptionConfiguration: localKms(KEY), S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" } } }, CMK,
            'S3EncryptionConfiguration.EncryptionMode is "SSE-S3"'],
    ])("reports: %s", (_title, encryption, config, expected) => {
        const found = messages(sc(encryption), config as typeof DEFAULTS);
        expect(found).toHaveLength(1);
        expect(found[0]).toContain(expected);
        expect(found[0]).toMatch(/^aws:emr\/securityConfiguration:SecurityConfiguration "sc": configuration/);
    });

    it("never quotes what the configuration holds", () => {
        const secretish = "sk_live_not-a-key-but-never-shown";
        const found = messages(sc({ EnableAtRestEncryption: secretish }), DEFAULTS).concat(
            messages(sc({ EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { LocalDiskEncryptionConfiguration: localKms(`alias/aws/${secretish}`) } }), CMK));
        expect(found).toHaveLength(2);
        for (const m of found) expect(m).not.toContain(secretish);
    });
});

describe("OpenSearch Serverless encryption policies (pure rule)", () => {
    const rules = [{ Resource: ["collection/search-*"], ResourceType: "collection" }];
    const policy = (document: unknown, type: unknown = "encryption") =>
        resource(t.OPENSEARCH_SERVERLESS_SECURITY_POLICY, { name: "search", type, policy: typeof document === "string" ? document : JSON.stringify(document) }, { name: "search" });
    const found = (r: PlainResource, config = CMK) => findUnencryptedDataStores(r, config).map((f) => f.message);

    it.each([
        ["an AWS owned key without requireCustomerManagedKey (always encrypted)", policy({ Rules: rules, AWSOwnedKey: true }), DEFAULTS],
        ["a customer managed key", policy({ Rules: rules, AWSOwnedKey: false, KmsARN: KEY }), CMK],
        ["a network policy (no encryption in it)", policy([{ Rules: [{ ResourceType: "collection", Resource: ["collection/search-*"] }], AllowFromPublic: true }], "network"), CMK],
        ["a policy unknown at preview", resource(t.OPENSEARCH_SERVERLESS_SECURITY_POLICY, { name: "search", type: "encryption", policy: U }, { name: "search" }), CMK],
        ["a policy type unknown at preview", policy({ Rules: rules, AWSOwnedKey: true }, U), CMK],
        ["not JSON, without requireCustomerManagedKey (not judged)", policy("{ Rules: "), DEFAULTS],
    ] as const)("passes: %s", (_title, r, config) => {
        expect(found(r, config)).toEqual([]);
    });

    it.each([
        ["an AWS owned key", { Rules: rules, AWSOwnedKey: true },
            'policy: AWSOwnedKey is true (the collections it matches are encrypted with an AWS owned key). requireCustomerManagedKey is true: set `KmsARN` to a customer managed KMS key (e.g. `key.arn`, with `AWSOwnedKey: false`)'],
        ["an AWS managed alias", { Rules: rules, AWSOwnedKey: false, KmsARN: "arn:aws:kms:eu-west-1:111122223333:alias/aws/es" }, "policy: KmsARN names the AWS managed key aws/es"],
        ["neither", { Rules: rules }, "policy: KmsARN is not set (AWS rejects an encryption policy with neither AWSOwnedKey nor KmsARN)"],
        ["a key of the wrong type", { Rules: rules, AWSOwnedKey: false, KmsARN: 42 }, "policy: KmsARN is 42"],
        ["not JSON", "{ Rules: ", "policy is not valid JSON, so AWS rejects it"],
    ])("reports under requireCustomerManagedKey: %s", (_title, document, expected) => {
        const messages = found(policy(document));
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain(`${t.OPENSEARCH_SERVERLESS_SECURITY_POLICY} "search": ${expected}`);
    });

    it("never quotes what the policy holds", () => {
        const secretish = "sk_live_not-a-key-but-never-shown";
        const messages = found(policy({ Rules: rules, AWSOwnedKey: false, KmsARN: `alias/aws/${secretish}` })).concat(found(policy(`{"Rules": "${secretish}`)));
        expect(messages).toHaveLength(2);
        for (const m of messages) expect(m).not.toContain(secretish);
    });
});

describe("encryption-at-rest: EMR clusters without a security configuration and Image Builder recipes (stack part)", () => {
    const D = ebsDefault("ebs-default");
    const EMR = {
        name: "analytics", releaseLabel: "emr-7.2.0", applications: ["Spark", "Hadoop"], serviceRole: "arn:aws:iam::111122223333:role/emr-service",
        ec2Attributes: { instanceProfile: "arn:aws:iam::111122223333:instance-profile/emr-nodes", subnetId: "subnet-0a1b2c3d" },
        masterInstanceGroup: { instanceType: "m5.xlarge" },
        coreInstanceGroup: { instanceType: "m5.xlarge", instanceCount: 2, ebsConfigs: [{ size: 64, type: "gp3", volumesPerInstance: 1 }] },
    };
    const atRest = (name: string) => on(name, t.EMR_SECURITY_CONFIGURATION, {
        name, configuration: JSON.stringify({ EncryptionConfiguration: { EnableInTransitEncryption: false, EnableAtRestEncryption: true, AtRestEncryptionConfiguration: {
            S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" }, LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: KEY, EnableEbsEncryption: true },
        } } }),
    });
    const RECIPE = (blockDeviceMappings?: unknown[]) => ({
        name: "golden", version: "1.0.0", parentImage: "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x",
        components: [{ componentArn: "arn:aws:imagebuilder:us-east-1:aws:component/aws-cli-version-2-linux/1.0.4/1" }],
        ...(blockDeviceMappings ? { blockDeviceMappings } : {}),
    });
    const DATA = (ebs: Record<string, unknown>) => [{ deviceName: "/dev/xvdb", ebs: { deleteOnTermination: "true", volumeSize: 100, volumeType: "gp3", ...ebs } }];
    const distribution = (name: string, kmsKeyIds: (string | undefined)[]) => on(name, t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, {
        name, distributions: kmsKeyIds.map((kmsKeyId, i) => ({ region: ["us-east-1", "eu-west-1"][i], amiDistributionConfiguration: { name: "golden-{{ imagebuilder:buildDate }}", ...(kmsKeyId ? { kmsKeyId } : {}) } })),
    });
    /** An image pipeline (or image) building `recipe`, distributed by `dist` of the stack, or by an ARN from outside it. */
    const builder = (name: string, recipe: PlainResource, dist?: PlainResource | string, type = t.IMAGEBUILDER_IMAGE_PIPELINE) => on(name, type, {
        name, imageRecipeArn: `arn:aws:imagebuilder:us-east-1:111122223333:image-recipe/golden/1.0.0`,
        infrastructureConfigurationArn: "arn:aws:imagebuilder:us-east-1:111122223333:infrastructure-configuration/builders",
        ...(dist === undefined ? {} : { distributionConfigurationArn: typeof dist === "string" ? dist : `arn:aws:imagebuilder:us-east-1:111122223333:distribution-configuration/${dist.name}` }),
    }, { propertyDependencies: { imageRecipeArn: [recipe.urn], ...(dist === undefined || typeof dist === "string" ? {} : { distributionConfigurationArn: [dist.urn] }) } });

    type StackCase = [label: string, resources: PlainResource[], config?: EncryptionAtRestConfig, dryRun?: boolean];
    const passes: StackCase[] = [
        ["an EMR cluster with a security configuration of the stack that encrypts local disks", (() => {
            const sc = atRest("at-rest");
            return [sc, on("c", t.EMR_CLUSTER, { ...EMR, securityConfiguration: "at-rest" }, { propertyDependencies: { securityConfiguration: [sc.urn] } })];
        })()],
        ["an EMR cluster naming a security configuration outside the stack", [on("c", t.EMR_CLUSTER, { ...EMR, securityConfiguration: "emr-baseline" })]],
        ["an EMR cluster without one that depends on the stack's EBS default", [D, on("c", t.EMR_CLUSTER, EMR, dependsOn(D))]],
        ["an EMR cluster without one, ebsEncryptionByDefault in config", [on("c", t.EMR_CLUSTER, EMR)], EBS_DEFAULT],
        ["preview: an EMR cluster's securityConfiguration taken from another output", [
            on("c", t.EMR_CLUSTER, { ...EMR, securityConfiguration: U }, { propertyDependencies: { securityConfiguration: ["urn:pulumi:dev::project::aws:emr/securityConfiguration:SecurityConfiguration::sc"] } }),
        ], DEFAULTS, true],
        ["a recipe without mappings (the parent image's, as an instance's root volume)", [on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE())]],
        ["a recipe whose mapping is encrypted (string and boolean), from a snapshot, or removed", [on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE([
            ...DATA({ encrypted: "true", kmsKeyId: KEY }), { deviceName: "/dev/xvdc", ebs: { encrypted: true, volumeSize: 10 } },
            { deviceName: "/dev/xvdd", ebs: { snapshotId: "snap-0123456789abcdef0" } }, { deviceName: "/dev/xvde", noDevice: true }, { deviceName: "/dev/xvdf", virtualName: "ephemeral0" },
        ]))]],
        ["a recipe with an unset mapping that depends on the stack's EBS default", [D, on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({})), dependsOn(D))]],
        ["a recipe with an unset mapping whose pipeline and image distribute it with a KMS key in every region", (() => {
            const r = on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({})));
            const d = distribution("encrypted", [KEY, "alias/golden-ami"]);
            return [r, d, builder("nightly", r, d), builder("first", r, d, t.IMAGEBUILDER_IMAGE)];
        })()],
        ["a recipe with an unset mapping whose pipeline's distribution is outside the stack", (() => {
            const r = on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({})));
            return [r, builder("nightly", r, "arn:aws:imagebuilder:us-east-1:111122223333:distribution-configuration/shared")];
        })()],
        ["preview: a recipe with an unset mapping whose distribution's key is unknown", (() => {
            const r = on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({})));
            const d = on("d", t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, { name: "d", distributions: [{ region: "us-east-1", amiDistributionConfiguration: { kmsKeyId: U } }] });
            return [r, d, builder("nightly", r, d)];
        })(), DEFAULTS, true],
        ["a recipe with an unset mapping, ebsEncryptionByDefault in config", [on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({})))], EBS_DEFAULT],
        ["preview: a recipe's encrypted taken from another output", [
            on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({ encrypted: U })), { propertyDependencies: { blockDeviceMappings: [D.urn] } }),
        ], DEFAULTS, true],
        // A container recipe's build instance is temporary; the image it builds goes to ECR (always encrypted).
        ["a container recipe's instance mappings", [on("cr", "aws:imagebuilder/containerRecipe:ContainerRecipe", {
            name: "app", version: "1.0.0", containerType: "DOCKER", parentImage: "amazonlinux:latest", targetRepository: { repositoryName: "app", service: "ECR" },
            instanceConfiguration: { blockDeviceMappings: DATA({}) },
        })]],
    ];
    it.each(passes)("passes: %s", (_label, resources, config = DEFAULTS, dryRun = false) => {
        expect(judgeStack(resources, config, dryRun)).toEqual([]);
    });

    const fails: [...StackCase, string[]][] = [
        ["an EMR cluster without a security configuration", [on("c", t.EMR_CLUSTER, EMR)], DEFAULTS, false, [
            'aws:emr/cluster:Cluster "c": securityConfiguration is not set (EMR encrypts the cluster\'s local disks only through a security configuration; ' +
            "EBS creates the volume unencrypted unless encryption by default is on for the account in its region). Give the cluster an aws.emr.SecurityConfiguration " +
            "with `EncryptionConfiguration.EnableAtRestEncryption: true` and a `LocalDiskEncryptionConfiguration` (`securityConfiguration: config.name`; a running " +
            "cluster is replaced), or turn EBS encryption by default on before the cluster is created: with an aws.ebs.EncryptionByDefault in this stack that the " +
            "cluster depends on (`dependsOn`), or, if it is on in every account and region this stack deploys to, with ebsEncryptionByDefault: true in this policy's config.",
        ]],
        ["an EMR cluster without one, beside the stack's EBS default it does not depend on (an empty name is not one)", [D, on("c", t.EMR_CLUSTER, { ...EMR, securityConfiguration: "" })], DEFAULTS, false, [
            expect.stringContaining("the cluster does not depend on aws.ebs.EncryptionByDefault \"ebs-default\" of this stack, which may then be created after it). " +
                "Add it to the cluster's `dependsOn` (e.g. `dependsOn: [ebsDefault]`), or give the cluster an aws.emr.SecurityConfiguration"),
        ]],
        ["a cluster naming a configuration of the stack that leaves local disks unencrypted: the configuration is reported, once", (() => {
            const sc = on("transit", t.EMR_SECURITY_CONFIGURATION, { name: "transit", configuration: JSON.stringify({ EncryptionConfiguration: { EnableInTransitEncryption: true, EnableAtRestEncryption: false } }) });
            return [sc, on("c", t.EMR_CLUSTER, { ...EMR, securityConfiguration: "transit" }, { propertyDependencies: { securityConfiguration: [sc.urn] } })];
        })(), DEFAULTS, false, [expect.stringMatching(/^aws:emr\/securityConfiguration:SecurityConfiguration "transit": configuration: EncryptionConfiguration.EnableAtRestEncryption is false/)]],
        ["a recipe's data volume left unset (the Terraform registry's example)", [on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({})))], DEFAULTS, false, [
            'aws:imagebuilder/imageRecipe:ImageRecipe "r": blockDeviceMappings[0].ebs.encrypted is not set (EBS creates the volume unencrypted unless encryption by ' +
            "default is on for the account in its region). Set `encrypted: \"true\"` in the mapping's `ebs` block, or a `kmsKeyId` in every `amiDistributionConfiguration` " +
            "of the distribution configuration of the pipelines that build the recipe, or turn EBS encryption by default on before the image recipe is created: with an " +
            "aws.ebs.EncryptionByDefault in this stack that the image recipe depends on (`dependsOn`), or, if it is on in every account and region this stack deploys to, " +
            "with ebsEncryptionByDefault: true in this policy's config.",
        ]],
        ["a recipe's root volume declared unencrypted, even with the account default", [D, on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE([
            { deviceName: "/dev/sda1", ebs: { deleteOnTermination: "true", encrypted: "false", volumeSize: 30, volumeType: "gp2" } },
        ]), dependsOn(D))], DEFAULTS, false, [
            'aws:imagebuilder/imageRecipe:ImageRecipe "r": blockDeviceMappings[0].ebs.encrypted is "false". Set `encrypted: "true"` in the mapping\'s `ebs` block ' +
            "(the recipe is a new version: recipes cannot change in place).",
        ]],
        ["a recipe with an unset mapping, one of whose pipelines distributes it without a key in one region", (() => {
            const r = on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({})));
            const keyed = distribution("keyed", [KEY]);
            const partly = distribution("partly", [KEY, undefined]);
            return [r, keyed, partly, builder("a", r, keyed), builder("b", r, partly)];
        })(), DEFAULTS, false, [expect.stringContaining('ImageRecipe "r": blockDeviceMappings[0].ebs.encrypted is not set')]],
        ["a recipe with an unset mapping whose image has no distribution configuration", (() => {
            const r = on("r", t.IMAGEBUILDER_IMAGE_RECIPE, RECIPE(DATA({})));
            return [r, builder("first", r, undefined, t.IMAGEBUILDER_IMAGE)];
        })(), DEFAULTS, false, [expect.stringContaining('ImageRecipe "r": blockDeviceMappings[0].ebs.encrypted is not set')]],
    ];
    it.each(fails)("fails: %s", (_label, resources, config = DEFAULTS, dryRun = false, expected) => {
        expect(judgeStack(resources, config, dryRun)).toEqual(expected);
    });

    describe("through the engine path", () => {
        const engine = useEngine({ dryRun: true });
        it("reports an EMR cluster without a security configuration and a recipe's unset volume at preview; credits a distribution's key and the stack's EBS default", async () => {
            const props = (p: Record<string, unknown>) => ({ props: p, outputs: { ...p, region: { $unknown: "string" } } });
            const run = await engine.run({
                resources: [
                    { type: t.EBS_ENCRYPTION_BY_DEFAULT, name: "ebs-default", props: { enabled: true }, outputs: { enabled: true, region: { $unknown: "string" } } },
                    { type: t.EMR_CLUSTER, name: "adhoc", ...props(EMR) },
                    { type: t.EMR_CLUSTER, name: "covered", ...props(EMR), dependencies: ["ebs-default"] },
                    { type: t.IMAGEBUILDER_IMAGE_RECIPE, name: "plain", ...props(RECIPE(DATA({}))) },
                    { type: t.IMAGEBUILDER_IMAGE_RECIPE, name: "distributed", ...props(RECIPE(DATA({}))) },
                    { type: t.IMAGEBUILDER_DISTRIBUTION_CONFIGURATION, name: "keyed", props: { name: "keyed", distributions: [{ region: "us-east-1", amiDistributionConfiguration: { kmsKeyId: KEY } }] } },
                    {
                        type: t.IMAGEBUILDER_IMAGE_PIPELINE, name: "nightly",
                        props: { name: "nightly", imageRecipeArn: { $unknown: "string" }, distributionConfigurationArn: { $unknown: "string" }, infrastructureConfigurationArn: "arn:aws:imagebuilder:us-east-1:111122223333:infrastructure-configuration/builders" },
                        propertyDependencies: { imageRecipeArn: ["distributed"], distributionConfigurationArn: ["keyed"] },
                    },
                ],
            });
            expect(run.of(POLICY).map((d) => [run.resources.find((r) => r.urn === d.urn)?.name, d.enforcementLevel, d.message.split("\n").pop()!.split(" (")[0]])).toEqual([
                ["adhoc", "mandatory", 'aws:emr/cluster:Cluster "adhoc": securityConfiguration is not set'],
                ["plain", "mandatory", 'aws:imagebuilder/imageRecipe:ImageRecipe "plain": blockDeviceMappings[0].ebs.encrypted is not set'],
            ]);
        });
    });
});

// Helper 127's stores (labels written before running): pipes, X-Ray and IoT Core encryption
// settings and DocumentDB Performance Insights, judged only under requireCustomerManagedKey.
const PIPE = (key?: unknown) => ({
    roleArn: "arn:aws:iam::111122223333:role/pipe", source: "arn:aws:sqs:eu-west-1:111122223333:orders", target: "arn:aws:sqs:eu-west-1:111122223333:billing",
    ...(key === undefined ? {} : { kmsKeyIdentifier: key }),
});
const DOCDB_INSTANCE = { clusterIdentifier: "docs", instanceClass: "db.r6g.large" };
const IOT_ROLE = "arn:aws:iam::111122223333:role/iot-kms";

describe("pipes, X-Ray, IoT Core and DocumentDB Performance Insights: judged only under requireCustomerManagedKey (pure rule)", () => {
    const passes: Case[] = [
        // False alarms first: each is encrypted, with a key of AWS's, whatever the program says.
        ["a pipe without a key", t.PIPES_PIPE, PIPE()],
        ["an aws-native pipe without a key", t.NATIVE_PIPES_PIPE, PIPE()],
        ["X-Ray's default encryption", t.XRAY_ENCRYPTION_CONFIG, { type: "NONE" }],
        ["IoT Core's AWS owned key", t.NATIVE_IOT_ENCRYPTION_CONFIGURATION, { encryptionType: "AWS_OWNED_KMS_KEY" }],
        ["a DocumentDB instance with Performance Insights and no key", t.DOCDB_CLUSTER_INSTANCE, { ...DOCDB_INSTANCE, enablePerformanceInsights: true }],
        ["a DocumentDB instance without Performance Insights, under requireCustomerManagedKey", t.DOCDB_CLUSTER_INSTANCE, DOCDB_INSTANCE, CMK],
        // Customer managed keys.
        ["a pipe with a customer managed key", t.PIPES_PIPE, PIPE(KEY), CMK],
        ["X-Ray with a customer managed key", t.XRAY_ENCRYPTION_CONFIG, { type: "KMS", keyId: KEY }, CMK],
        ["IoT Core with a customer managed key", t.NATIVE_IOT_ENCRYPTION_CONFIGURATION, { encryptionType: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyArn: KEY, kmsAccessRoleArn: IOT_ROLE }, CMK],
        ["a DocumentDB instance's Performance Insights with a customer managed key", t.DOCDB_CLUSTER_INSTANCE,
            { ...DOCDB_INSTANCE, enablePerformanceInsights: true, performanceInsightsKmsKeyId: KEY }, CMK],
        // Unknown at preview.
        ["an unknown pipe key", t.NATIVE_PIPES_PIPE, PIPE(U), CMK],
        ["an unknown X-Ray type", t.XRAY_ENCRYPTION_CONFIG, { type: U, keyId: KEY }, CMK],
        ["an unknown X-Ray key", t.XRAY_ENCRYPTION_CONFIG, { type: "KMS", keyId: U }, CMK],
        ["an unknown IoT encryption type", t.NATIVE_IOT_ENCRYPTION_CONFIGURATION, { encryptionType: U }, CMK],
        ["an unknown IoT key", t.NATIVE_IOT_ENCRYPTION_CONFIGURATION, { encryptionType: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyArn: U }, CMK],
        ["an unknown Performance Insights flag", t.DOCDB_CLUSTER_INSTANCE, { ...DOCDB_INSTANCE, enablePerformanceInsights: UB }, CMK],
        ["an unknown Performance Insights key", t.DOCDB_CLUSTER_INSTANCE, { ...DOCDB_INSTANCE, enablePerformanceInsights: true, performanceInsightsKmsKeyId: U }, CMK],
    ];
    it.each(passes)("no finding: %s", (_label, type, props, config = DEFAULTS) => {
        expect(judge(type, props, config).map((f) => f.message)).toEqual([]);
    });

    reportedOnlyUnderCmk([
        ["a pipe without a key", t.PIPES_PIPE, PIPE(), "kmsKeyIdentifier is not set (EventBridge Pipes encrypts the pipe's data with an AWS owned key)"],
        ["an aws-native pipe without a key", t.NATIVE_PIPES_PIPE, PIPE(), "kmsKeyIdentifier is not set"],
        ["a pipe with EventBridge's AWS managed alias", t.PIPES_PIPE, PIPE("alias/aws/events"), "kmsKeyIdentifier names an AWS managed key"],
        ["X-Ray's default encryption", t.XRAY_ENCRYPTION_CONFIG, { type: "NONE" }, 'type is "NONE"'],
        ["X-Ray with its AWS managed key", t.XRAY_ENCRYPTION_CONFIG, { type: "KMS", keyId: "alias/aws/xray" }, "keyId names the AWS managed key aws/xray"],
        ["IoT Core's AWS owned key", t.NATIVE_IOT_ENCRYPTION_CONFIGURATION, { encryptionType: "AWS_OWNED_KMS_KEY" }, 'encryptionType is "AWS_OWNED_KMS_KEY"'],
        ["a DocumentDB instance with Performance Insights and no key", t.DOCDB_CLUSTER_INSTANCE, { ...DOCDB_INSTANCE, enablePerformanceInsights: true },
            "performanceInsightsKmsKeyId is not set (Performance Insights uses the AWS managed key aws/rds)"],
    ]);

    cmkThroughEngine({
        resources: [
            { type: t.PIPES_PIPE, name: "orders-to-billing", props: PIPE() },
            { type: t.NATIVE_PIPES_PIPE, name: "keyed-pipe", props: PIPE(KEY) },
            { type: t.XRAY_ENCRYPTION_CONFIG, name: "traces", props: { type: "NONE" } },
            { type: t.NATIVE_IOT_ENCRYPTION_CONFIGURATION, name: "iot", props: { encryptionType: "AWS_OWNED_KMS_KEY" } },
            { type: t.DOCDB_CLUSTER_INSTANCE, name: "docs-1", props: { ...DOCDB_INSTANCE, enablePerformanceInsights: true } },
        ],
        reports: "reports pipes, X-Ray's and IoT Core's settings and DocumentDB Performance Insights without a customer managed key only under requireCustomerManagedKey",
        expected: [
            ["orders-to-billing", "kmsKeyIdentifier is not set"],
            ["traces", 'type is "NONE". requireCustomerManagedKey is true'],
            ["iot", 'encryptionType is "AWS_OWNED_KMS_KEY". requireCustomerManagedKey is true'],
            ["docs-1", "performanceInsightsKmsKeyId is not set"],
        ],
        preview: "preview: keys from a key created in the same update are not judged",
        previewResources: [
            PREVIEW_KEY,
            { type: t.PIPES_PIPE, name: "orders-to-billing", ...fromKey("kmsKeyIdentifier"), props: PIPE(ENGINE_UNKNOWN) },
            { type: t.XRAY_ENCRYPTION_CONFIG, name: "traces", ...fromKey("keyId"), props: { type: "KMS", keyId: ENGINE_UNKNOWN } },
            { type: t.NATIVE_IOT_ENCRYPTION_CONFIGURATION, name: "iot", ...fromKey("kmsKeyArn"),
                props: { encryptionType: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyArn: ENGINE_UNKNOWN, kmsAccessRoleArn: IOT_ROLE } },
            { type: t.DOCDB_CLUSTER_INSTANCE, name: "docs-1", ...fromKey("performanceInsightsKmsKeyId"),
                props: { ...DOCDB_INSTANCE, enablePerformanceInsights: true, performanceInsightsKmsKeyId: ENGINE_UNKNOWN } },
        ],
    });
});
