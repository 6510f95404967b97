// AWS provider v7 type tokens the pack names (shared by policies, and every type of
// resource-protect's default critical list). Strings, not classes: loading @pulumi/aws to
// read `__pulumiType` would cost every preview seconds of boot time. test/tokens.test.ts
// checks each against the installed provider.
export const RDS_INSTANCE = "aws:rds/instance:Instance";
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
export const RDS_GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
export const DOCDB_CLUSTER = "aws:docdb/cluster:Cluster";
export const DOCDB_GLOBAL_CLUSTER = "aws:docdb/globalCluster:GlobalCluster";
export const NEPTUNE_CLUSTER = "aws:neptune/cluster:Cluster";
export const NEPTUNE_GLOBAL_CLUSTER = "aws:neptune/globalCluster:GlobalCluster";
export const DSQL_CLUSTER = "aws:dsql/cluster:Cluster";
export const DYNAMODB_TABLE = "aws:dynamodb/table:Table";
export const DYNAMODB_TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";
export const S3_BUCKET = "aws:s3/bucket:Bucket";
export const S3_BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
export const STACK = "pulumi:pulumi:Stack";
export const AWS_PROVIDER = "pulumi:providers:aws";
export const NATIVE_PROVIDER = "pulumi:providers:aws-native";
export const IAM_POLICY = "aws:iam/policy:Policy";
export const IAM_ROLE = "aws:iam/role:Role";
export const IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const IAM_USER_POLICY = "aws:iam/userPolicy:UserPolicy";
export const IOT_POLICY = "aws:iot/policy:Policy";
export const IAM_GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";
export const SSOADMIN_PERMISSION_SET_INLINE_POLICY = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";
export const KMS_KEY = "aws:kms/key:Key";
export const KMS_KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
export const KMS_REPLICA_KEY = "aws:kms/replicaKey:ReplicaKey";
export const KMS_EXTERNAL_KEY = "aws:kms/externalKey:ExternalKey";
export const KMS_REPLICA_EXTERNAL_KEY = "aws:kms/replicaExternalKey:ReplicaExternalKey";
export const S3_BUCKET_SSE_CONFIGURATION = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
export const S3_BUCKET_SSE_CONFIGURATION_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
export const S3_BUCKET_WEBSITE_CONFIGURATION = "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration";
export const S3_BUCKET_WEBSITE_CONFIGURATION_V2 = "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2";
export const S3_BUCKET_VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
export const S3_BUCKET_VERSIONING_V2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
export const S3_BUCKET_LOGGING = "aws:s3/bucketLogging:BucketLogging";
export const S3_BUCKET_LOGGING_V2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";
export const S3_BUCKET_PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const S3_ACCOUNT_PUBLIC_ACCESS_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
export const LB_LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
export const ALB_LOAD_BALANCER = "aws:alb/loadBalancer:LoadBalancer";
export const ELB_LOAD_BALANCER = "aws:elb/loadBalancer:LoadBalancer";
export const CLOUDFRONT_DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
export const CLOUDFRONT_ORIGIN_ACCESS_IDENTITY = "aws:cloudfront/originAccessIdentity:OriginAccessIdentity";
export const EFS_FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
export const EFS_REPLICATION_CONFIGURATION = "aws:efs/replicationConfiguration:ReplicationConfiguration";
export const ELASTICACHE_REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
export const ELASTICACHE_GLOBAL_REPLICATION_GROUP = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";
export const ELASTICACHE_SERVERLESS_CACHE = "aws:elasticache/serverlessCache:ServerlessCache";
export const MEMORYDB_CLUSTER = "aws:memorydb/cluster:Cluster";
export const REDSHIFT_CLUSTER = "aws:redshift/cluster:Cluster";
export const REDSHIFT_LOGGING = "aws:redshift/logging:Logging";
export const REDSHIFT_SERVERLESS_NAMESPACE = "aws:redshiftserverless/namespace:Namespace";
export const DOCDB_ELASTIC_CLUSTER = "aws:docdb/elasticCluster:ElasticCluster";
export const OPENSEARCH_DOMAIN = "aws:opensearch/domain:Domain";
export const EBS_VOLUME = "aws:ebs/volume:Volume";
export const SECRETS_MANAGER_SECRET = "aws:secretsmanager/secret:Secret";
export const COGNITO_USER_POOL = "aws:cognito/userPool:UserPool";
export const ROUTE53_ZONE = "aws:route53/zone:Zone";
export const SSM_PARAMETER = "aws:ssm/parameter:Parameter";
export const SSM_DOCUMENT = "aws:ssm/document:Document";
export const SECRETS_MANAGER_SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
export const SECRETS_MANAGER_SECRET_ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
export const LIGHTSAIL_DATABASE = "aws:lightsail/database:Database";
export const ELASTICACHE_USER = "aws:elasticache/user:User";
export const MEMORYDB_USER = "aws:memorydb/user:User";
export const MQ_BROKER = "aws:mq/broker:Broker";
export const DMS_ENDPOINT = "aws:dms/endpoint:Endpoint";
export const DIRECTORY_SERVICE_DIRECTORY = "aws:directoryservice/directory:Directory";
export const ECS_SERVICE = "aws:ecs/service:Service";
export const ECS_TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
export const BATCH_JOB_DEFINITION = "aws:batch/jobDefinition:JobDefinition";
export const NEPTUNE_GRAPH = "aws:neptunegraph/graph:Graph";
export const KEYSPACES_KEYSPACE = "aws:keyspaces/keyspace:Keyspace";
export const KEYSPACES_TABLE = "aws:keyspaces/table:Table";
export const TIMESTREAM_DATABASE = "aws:timestreamwrite/database:Database";
export const TIMESTREAM_TABLE = "aws:timestreamwrite/table:Table";
export const TIMESTREAM_INFLUXDB_INSTANCE = "aws:timestreaminfluxdb/dbInstance:DbInstance";
export const TIMESTREAM_INFLUXDB_CLUSTER = "aws:timestreaminfluxdb/dbCluster:DbCluster";
export const ODB_CLOUD_VM_CLUSTER = "aws:odb/cloudVmCluster:CloudVmCluster";
export const ODB_CLOUD_AUTONOMOUS_VM_CLUSTER = "aws:odb/cloudAutonomousVmCluster:CloudAutonomousVmCluster";
export const FINSPACE_KX_DATABASE = "aws:finspace/kxDatabase:KxDatabase";
export const ELASTICACHE_CLUSTER = "aws:elasticache/cluster:Cluster";
export const ELASTICSEARCH_DOMAIN = "aws:elasticsearch/domain:Domain";
export const OPENSEARCH_SERVERLESS_COLLECTION = "aws:opensearch/serverlessCollection:ServerlessCollection";
export const FSX_LUSTRE_FILE_SYSTEM = "aws:fsx/lustreFileSystem:LustreFileSystem";
export const FSX_WINDOWS_FILE_SYSTEM = "aws:fsx/windowsFileSystem:WindowsFileSystem";
export const FSX_ONTAP_FILE_SYSTEM = "aws:fsx/ontapFileSystem:OntapFileSystem";
export const FSX_ONTAP_VOLUME = "aws:fsx/ontapVolume:OntapVolume";
export const FSX_OPENZFS_FILE_SYSTEM = "aws:fsx/openZfsFileSystem:OpenZfsFileSystem";
export const FSX_OPENZFS_VOLUME = "aws:fsx/openZfsVolume:OpenZfsVolume";
export const FSX_BACKUP = "aws:fsx/backup:Backup";
export const EBS_VOLUME_COPY = "aws:ebs/volumeCopy:VolumeCopy";
export const EBS_SNAPSHOT = "aws:ebs/snapshot:Snapshot";
export const EBS_SNAPSHOT_COPY = "aws:ebs/snapshotCopy:SnapshotCopy";
export const EBS_SNAPSHOT_IMPORT = "aws:ebs/snapshotImport:SnapshotImport";
export const EC2_AMI_COPY = "aws:ec2/amiCopy:AmiCopy";
export const LIGHTSAIL_DISK = "aws:lightsail/disk:Disk";
export const LIGHTSAIL_BUCKET = "aws:lightsail/bucket:Bucket";
export const LIGHTSAIL_DOMAIN = "aws:lightsail/domain:Domain";
export const WORKSPACES_WORKSPACE = "aws:workspaces/workspace:Workspace";
export const S3_DIRECTORY_BUCKET = "aws:s3/directoryBucket:DirectoryBucket";
export const S3TABLES_TABLE_BUCKET = "aws:s3tables/tableBucket:TableBucket";
export const S3TABLES_TABLE = "aws:s3tables/table:Table";
export const S3_VECTORS_BUCKET = "aws:s3/vectorsVectorBucket:VectorsVectorBucket";
export const S3_VECTORS_INDEX = "aws:s3/vectorsIndex:VectorsIndex";
export const CODECOMMIT_REPOSITORY = "aws:codecommit/repository:Repository";
export const CODECATALYST_SOURCE_REPOSITORY = "aws:codecatalyst/sourceRepository:SourceRepository";
export const ECR_REPOSITORY = "aws:ecr/repository:Repository";
export const ECR_PUBLIC_REPOSITORY = "aws:ecrpublic/repository:Repository";
export const BACKUP_VAULT = "aws:backup/vault:Vault";
export const BACKUP_PLAN = "aws:backup/plan:Plan";
export const RDS_SNAPSHOT = "aws:rds/snapshot:Snapshot";
export const RDS_SNAPSHOT_COPY = "aws:rds/snapshotCopy:SnapshotCopy";
export const RDS_CLUSTER_SNAPSHOT = "aws:rds/clusterSnapshot:ClusterSnapshot";
export const RDS_CLUSTER_SNAPSHOT_COPY = "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy";
export const DOCDB_CLUSTER_SNAPSHOT = "aws:docdb/clusterSnapshot:ClusterSnapshot";
export const NEPTUNE_CLUSTER_SNAPSHOT = "aws:neptune/clusterSnapshot:ClusterSnapshot";
export const REDSHIFT_CLUSTER_SNAPSHOT = "aws:redshift/clusterSnapshot:ClusterSnapshot";
export const REDSHIFT_SERVERLESS_SNAPSHOT = "aws:redshiftserverless/snapshot:Snapshot";
export const MEMORYDB_SNAPSHOT = "aws:memorydb/snapshot:Snapshot";
export const CLOUDHSM_CLUSTER = "aws:cloudhsmv2/cluster:Cluster";
export const PAYMENT_CRYPTOGRAPHY_KEY = "aws:paymentcryptography/key:Key";
export const ACMPCA_CERTIFICATE_AUTHORITY = "aws:acmpca/certificateAuthority:CertificateAuthority";
export const COGNITO_IDENTITY_POOL = "aws:cognito/identityPool:IdentityPool";
export const WORKMAIL_ORGANIZATION = "aws:workmail/organization:Organization";
export const ORGANIZATIONS_ACCOUNT = "aws:organizations/account:Account";
export const ROUTE53_DOMAINS_DOMAIN = "aws:route53domains/domain:Domain";
export const CLOUDTRAIL_EVENT_DATA_STORE = "aws:cloudtrail/eventDataStore:EventDataStore";
export const MAILMANAGER_ARCHIVE = "aws:mailmanager/archive:Archive";
export const CONNECT_INSTANCE = "aws:connect/instance:Instance";
export const SAGEMAKER_DOMAIN = "aws:sagemaker/domain:Domain";
export const EVENTBRIDGE_ARCHIVE = "aws:cloudwatch/eventArchive:EventArchive";
export const EVENTBRIDGE_CONNECTION = "aws:cloudwatch/eventConnection:EventConnection";
export const MWAA_ENVIRONMENT = "aws:mwaa/environment:Environment";
export const FSX_FILE_CACHE = "aws:fsx/fileCache:FileCache";
export const LOCATION_TRACKER = "aws:location/tracker:Tracker";
export const LOCATION_GEOFENCE_COLLECTION = "aws:location/geofenceCollection:GeofenceCollection";
export const BEDROCK_AGENTCORE_MEMORY = "aws:bedrock/agentcoreMemory:AgentcoreMemory";
export const BEDROCK_AGENT = "aws:bedrock/agentAgent:AgentAgent";
export const SAGEMAKER_FEATURE_GROUP = "aws:sagemaker/featureGroup:FeatureGroup";
export const GRAFANA_WORKSPACE = "aws:grafana/workspace:Workspace";
export const DATAZONE_DOMAIN = "aws:datazone/domain:Domain";
export const EC2_INSTANCE = "aws:ec2/instance:Instance";
export const EC2_SPOT_INSTANCE_REQUEST = "aws:ec2/spotInstanceRequest:SpotInstanceRequest";
export const EC2_SPOT_FLEET_REQUEST = "aws:ec2/spotFleetRequest:SpotFleetRequest";
export const EC2_LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
export const EC2_LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
export const EBS_ENCRYPTION_BY_DEFAULT = "aws:ebs/encryptionByDefault:EncryptionByDefault";
export const RDS_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
export const SQS_QUEUE = "aws:sqs/queue:Queue";
export const SNS_TOPIC = "aws:sns/topic:Topic";
export const KINESIS_STREAM = "aws:kinesis/stream:Stream";
export const KINESIS_FIREHOSE_DELIVERY_STREAM = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";
export const MSK_CLUSTER = "aws:msk/cluster:Cluster";
export const MSK_SERVERLESS_CLUSTER = "aws:msk/serverlessCluster:ServerlessCluster";
export const CLOUDWATCH_LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
export const BACKUP_LOGICALLY_AIR_GAPPED_VAULT = "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault";
export const DAX_CLUSTER = "aws:dax/cluster:Cluster";
// Resource-based policies (resource-policy-no-wildcards).
export const S3_BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const S3_ACCESS_POINT = "aws:s3/accessPoint:AccessPoint";
export const S3_VECTORS_BUCKET_POLICY = "aws:s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy";
export const DRS_REPLICATION_CONFIGURATION_TEMPLATE = "aws:drs/replicationConfigurationTemplate:ReplicationConfigurationTemplate";
export const S3_FILES_FILE_SYSTEM_POLICY = "aws:s3/filesFileSystemPolicy:FilesFileSystemPolicy";
export const S3CONTROL_ACCESS_POINT_POLICY = "aws:s3control/accessPointPolicy:AccessPointPolicy";
export const S3CONTROL_BUCKET_POLICY = "aws:s3control/bucketPolicy:BucketPolicy";
export const S3CONTROL_MULTI_REGION_ACCESS_POINT = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint";
export const S3CONTROL_MULTI_REGION_ACCESS_POINT_POLICY = "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy";
export const S3CONTROL_OBJECT_LAMBDA_ACCESS_POINT_POLICY = "aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy";
export const S3CONTROL_ACCESS_GRANTS_INSTANCE_RESOURCE_POLICY = "aws:s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy";
export const S3TABLES_TABLE_BUCKET_POLICY = "aws:s3tables/tableBucketPolicy:TableBucketPolicy";
export const S3TABLES_TABLE_POLICY = "aws:s3tables/tablePolicy:TablePolicy";
export const FSX_S3_ACCESS_POINT_ATTACHMENT = "aws:fsx/s3AccessPointAttachment:S3AccessPointAttachment";
export const SQS_QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
export const SNS_TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
export const ECR_REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";
export const ECR_REGISTRY_POLICY = "aws:ecr/registryPolicy:RegistryPolicy";
export const ECR_REPOSITORY_CREATION_TEMPLATE = "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate";
export const ECRPUBLIC_REPOSITORY_POLICY = "aws:ecrpublic/repositoryPolicy:RepositoryPolicy";
export const SECRETS_MANAGER_SECRET_POLICY = "aws:secretsmanager/secretPolicy:SecretPolicy";
export const OPENSEARCH_DOMAIN_POLICY = "aws:opensearch/domainPolicy:DomainPolicy";
export const ELASTICSEARCH_DOMAIN_POLICY = "aws:elasticsearch/domainPolicy:DomainPolicy";
export const GLACIER_VAULT = "aws:glacier/vault:Vault";
export const GLACIER_VAULT_LOCK = "aws:glacier/vaultLock:VaultLock";
export const LAMBDA_PERMISSION = "aws:lambda/permission:Permission";
export const LAMBDA_RESOURCE_POLICY = "aws:lambda/resourcePolicy:ResourcePolicy";
export const LAMBDA_LAYER_VERSION_PERMISSION = "aws:lambda/layerVersionPermission:LayerVersionPermission";
export const CLOUDWATCH_EVENT_BUS_POLICY = "aws:cloudwatch/eventBusPolicy:EventBusPolicy";
export const CLOUDWATCH_EVENT_PERMISSION = "aws:cloudwatch/eventPermission:EventPermission";
export const CLOUDWATCH_LOG_RESOURCE_POLICY = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
export const CLOUDWATCH_LOG_DESTINATION_POLICY = "aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy";
export const CLOUDWATCH_LOG_DELIVERY_DESTINATION_POLICY = "aws:cloudwatch/logDeliveryDestinationPolicy:LogDeliveryDestinationPolicy";
export const BACKUP_VAULT_POLICY = "aws:backup/vaultPolicy:VaultPolicy";
export const EFS_FILE_SYSTEM_POLICY = "aws:efs/fileSystemPolicy:FileSystemPolicy";
export const GLUE_RESOURCE_POLICY = "aws:glue/resourcePolicy:ResourcePolicy";
export const APIGATEWAY_REST_API = "aws:apigateway/restApi:RestApi";
export const APIGATEWAY_REST_API_POLICY = "aws:apigateway/restApiPolicy:RestApiPolicy";
export const APIGATEWAY_DOMAIN_NAME = "aws:apigateway/domainName:DomainName";
export const CODEARTIFACT_DOMAIN_PERMISSIONS = "aws:codeartifact/domainPermissions:DomainPermissions";
export const CODEARTIFACT_REPOSITORY_PERMISSIONS_POLICY = "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy";
export const CODEBUILD_RESOURCE_POLICY = "aws:codebuild/resourcePolicy:ResourcePolicy";
export const CODEBUILD_PROJECT = "aws:codebuild/project:Project";
export const DYNAMODB_RESOURCE_POLICY = "aws:dynamodb/resourcePolicy:ResourcePolicy";
export const KINESIS_RESOURCE_POLICY = "aws:kinesis/resourcePolicy:ResourcePolicy";
export const DSQL_CLUSTER_POLICY = "aws:dsql/clusterPolicy:ClusterPolicy";
export const MSK_CLUSTER_POLICY = "aws:msk/clusterPolicy:ClusterPolicy";
export const MEDIASTORE_CONTAINER_POLICY = "aws:mediastore/containerPolicy:ContainerPolicy";
export const NETWORKFIREWALL_RESOURCE_POLICY = "aws:networkfirewall/resourcePolicy:ResourcePolicy";
export const OAM_SINK_POLICY = "aws:oam/sinkPolicy:SinkPolicy";
export const ORGANIZATIONS_RESOURCE_POLICY = "aws:organizations/resourcePolicy:ResourcePolicy";
export const OPENSEARCHINGEST_RESOURCE_POLICY = "aws:opensearchingest/resourcePolicy:ResourcePolicy";
export const PINPOINT_SMSVOICEV2_RESOURCE_POLICY = "aws:pinpoint/smsvoicev2ResourcePolicy:Smsvoicev2ResourcePolicy";
export const REDSHIFT_RESOURCE_POLICY = "aws:redshift/resourcePolicy:ResourcePolicy";
export const REDSHIFTSERVERLESS_RESOURCE_POLICY = "aws:redshiftserverless/resourcePolicy:ResourcePolicy";
export const SAGEMAKER_MODEL_PACKAGE_GROUP_POLICY = "aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy";
export const SCHEMAS_REGISTRY_POLICY = "aws:schemas/registryPolicy:RegistryPolicy";
export const SES_IDENTITY_POLICY = "aws:ses/identityPolicy:IdentityPolicy";
export const SESV2_EMAIL_IDENTITY_POLICY = "aws:sesv2/emailIdentityPolicy:EmailIdentityPolicy";
export const ACMPCA_POLICY = "aws:acmpca/policy:Policy";
export const AMP_RESOURCE_POLICY = "aws:amp/resourcePolicy:ResourcePolicy";
export const BEDROCK_AGENTCORE_RESOURCE_POLICY = "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy";
export const CLOUDSEARCH_DOMAIN_SERVICE_ACCESS_POLICY = "aws:cloudsearch/domainServiceAccessPolicy:DomainServiceAccessPolicy";
export const XRAY_RESOURCE_POLICY = "aws:xray/resourcePolicy:ResourcePolicy";
export const VPCLATTICE_AUTH_POLICY = "aws:vpclattice/authPolicy:AuthPolicy";
export const VPCLATTICE_RESOURCE_POLICY = "aws:vpclattice/resourcePolicy:ResourcePolicy";
export const SIGNER_SIGNING_PROFILE_PERMISSION = "aws:signer/signingProfilePermission:SigningProfilePermission";
// Managed-policy attachments (iam-no-admin-managed-policies).
export const IAM_ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
export const IAM_USER_POLICY_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
export const IAM_GROUP_POLICY_ATTACHMENT = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment";
export const IAM_POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
export const IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
export const IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive";
export const IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive";
export const SSOADMIN_MANAGED_POLICY_ATTACHMENT = "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment";
export const SSOADMIN_MANAGED_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:ssoadmin/managedPolicyAttachmentsExclusive:ManagedPolicyAttachmentsExclusive";
export const CLOUDTRAIL_TRAIL = "aws:cloudtrail/trail:Trail";
export const SAGEMAKER_NOTEBOOK_INSTANCE = "aws:sagemaker/notebookInstance:NotebookInstance";
export const CLOUDFRONT_FUNCTION = "aws:cloudfront/function:Function";
export const APPSYNC_RESOLVER = "aws:appsync/resolver:Resolver";
export const APPSYNC_FUNCTION = "aws:appsync/function:Function";
export const SAGEMAKER_NOTEBOOK_LIFECYCLE_CONFIGURATION = "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";
export const SAGEMAKER_STUDIO_LIFECYCLE_CONFIG = "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig";
export const LIGHTSAIL_CONTAINER_DEPLOYMENT = "aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion";
export const LAMBDA_FUNCTION = "aws:lambda/function:Function";
export const ATHENA_WORKGROUP = "aws:athena/workgroup:Workgroup";
export const KENDRA_INDEX = "aws:kendra/index:Index";
export const QBUSINESS_APPLICATION = "aws:qbusiness/application:Application";
export const OPENSEARCHINGEST_PIPELINE = "aws:opensearchingest/pipeline:Pipeline";
export const CONNECT_INSTANCE_STORAGE_CONFIG = "aws:connect/instanceStorageConfig:InstanceStorageConfig";
export const APPFLOW_FLOW = "aws:appflow/flow:Flow";
export const APPFLOW_CONNECTOR_PROFILE = "aws:appflow/connectorProfile:ConnectorProfile";
export const BEDROCK_CUSTOM_MODEL = "aws:bedrock/customModel:CustomModel";
export const COMPREHEND_DOCUMENT_CLASSIFIER = "aws:comprehend/documentClassifier:DocumentClassifier";
export const COMPREHEND_ENTITY_RECOGNIZER = "aws:comprehend/entityRecognizer:EntityRecognizer";
export const CUSTOMERPROFILES_DOMAIN = "aws:customerprofiles/domain:Domain";
export const S3_FILES_FILE_SYSTEM = "aws:s3/filesFileSystem:FilesFileSystem";
export const SFN_STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";
export const SFN_ACTIVITY = "aws:sfn/activity:Activity";
export const BATCH_COMPUTE_ENVIRONMENT = "aws:batch/computeEnvironment:ComputeEnvironment";
export const PIPES_PIPE = "aws:pipes/pipe:Pipe";
export const ECS_EXPRESS_GATEWAY_SERVICE = "aws:ecs/expressGatewayService:ExpressGatewayService";
export const EMR_SECURITY_CONFIGURATION = "aws:emr/securityConfiguration:SecurityConfiguration";
export const EMR_CLUSTER = "aws:emr/cluster:Cluster";
export const KINESIS_VIDEO_STREAM = "aws:kinesis/videoStream:VideoStream";
export const EKS_CLUSTER = "aws:eks/cluster:Cluster";
export const EKS_NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
export const BEANSTALK_ENVIRONMENT = "aws:elasticbeanstalk/environment:Environment";
export const BEANSTALK_CONFIGURATION_TEMPLATE = "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate";
export const GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS = "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings";
export const DMS_REPLICATION_INSTANCE = "aws:dms/replicationInstance:ReplicationInstance";
export const DMS_REPLICATION_CONFIG = "aws:dms/replicationConfig:ReplicationConfig";
export const AMP_WORKSPACE = "aws:amp/workspace:Workspace";
export const GLUE_SECURITY_CONFIGURATION = "aws:glue/securityConfiguration:SecurityConfiguration";
export const OPENSEARCH_SERVERLESS_SECURITY_POLICY = "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy";
export const CODEARTIFACT_DOMAIN = "aws:codeartifact/domain:Domain";
export const STORAGEGATEWAY_CACHED_VOLUME = "aws:storagegateway/cachesIscsiVolume:CachesIscsiVolume";
export const STORAGEGATEWAY_STORED_VOLUME = "aws:storagegateway/storedIscsiVolume:StoredIscsiVolume";
export const STORAGEGATEWAY_NFS_FILE_SHARE = "aws:storagegateway/nfsFileShare:NfsFileShare";
export const STORAGEGATEWAY_SMB_FILE_SHARE = "aws:storagegateway/smbFileShare:SmbFileShare";
export const APIGATEWAY_STAGE = "aws:apigateway/stage:Stage";
export const APIGATEWAY_METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
export const APIGATEWAY_DEPLOYMENT = "aws:apigateway/deployment:Deployment";
export const EC2_AMI_LAUNCH_PERMISSION = "aws:ec2/amiLaunchPermission:AmiLaunchPermission";
export const IMAGEBUILDER_DISTRIBUTION_CONFIGURATION = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration";
export const IMAGEBUILDER_IMAGE_RECIPE = "aws:imagebuilder/imageRecipe:ImageRecipe";
export const IMAGEBUILDER_CONTAINER_RECIPE = "aws:imagebuilder/containerRecipe:ContainerRecipe";
export const IMAGEBUILDER_IMAGE_PIPELINE = "aws:imagebuilder/imagePipeline:ImagePipeline";
export const IMAGEBUILDER_IMAGE = "aws:imagebuilder/image:Image";
export const S3_BUCKET_ACL = "aws:s3/bucketAcl:BucketAcl";
export const S3_BUCKET_ACL_V2 = "aws:s3/bucketAclV2:BucketAclV2";
export const S3_BUCKET_OBJECT = "aws:s3/bucketObject:BucketObject";
export const S3_BUCKET_OBJECT_V2 = "aws:s3/bucketObjectv2:BucketObjectv2";
export const S3_OBJECT_COPY = "aws:s3/objectCopy:ObjectCopy";
export const S3_BUCKET_OWNERSHIP_CONTROLS = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
// @pulumi/aws-native type tokens: pulumi-cdk sends CDK's roles, managed and inline policies,
// keys, functions, task definitions, databases and tables as these (all CloudFormation types but
// the few it maps to the classic provider). The pack does not depend on @pulumi/aws-native:
// test/tokens.test.ts checks these, and the inputs the policies read, against
// tools/aws-native-inputs.json (npm run generate:aws-native).
export const NATIVE_IAM_ROLE = "aws-native:iam:Role";
export const NATIVE_IAM_USER = "aws-native:iam:User";
export const NATIVE_IAM_GROUP = "aws-native:iam:Group";
export const NATIVE_IAM_MANAGED_POLICY = "aws-native:iam:ManagedPolicy";
export const NATIVE_IAM_ROLE_POLICY = "aws-native:iam:RolePolicy";
export const NATIVE_IAM_USER_POLICY = "aws-native:iam:UserPolicy";
export const NATIVE_IAM_GROUP_POLICY = "aws-native:iam:GroupPolicy";
export const NATIVE_SSO_PERMISSION_SET = "aws-native:sso:PermissionSet";
export const NATIVE_IOT_POLICY = "aws-native:iot:Policy";
export const NATIVE_KMS_KEY = "aws-native:kms:Key";
export const NATIVE_KMS_REPLICA_KEY = "aws-native:kms:ReplicaKey";
export const NATIVE_LAMBDA_FUNCTION = "aws-native:lambda:Function";
export const NATIVE_ECS_TASK_DEFINITION = "aws-native:ecs:TaskDefinition";
export const NATIVE_RDS_DB_INSTANCE = "aws-native:rds:DbInstance";
export const NATIVE_RDS_DB_CLUSTER = "aws-native:rds:DbCluster";
export const NATIVE_REDSHIFT_CLUSTER = "aws-native:redshift:Cluster";
export const NATIVE_DOCDB_ELASTIC_CLUSTER = "aws-native:docdbelastic:Cluster";
export const NATIVE_AMAZONMQ_BROKER = "aws-native:amazonmq:Broker";
export const NATIVE_OPENSEARCH_DOMAIN = "aws-native:opensearchservice:Domain";
export const NATIVE_APPRUNNER_SERVICE = "aws-native:apprunner:Service";
export const NATIVE_SAGEMAKER_MODEL = "aws-native:sagemaker:Model";
export const NATIVE_BATCH_JOB_DEFINITION = "aws-native:batch:JobDefinition";
export const NATIVE_GLUE_CONNECTION = "aws-native:glue:Connection";
export const NATIVE_DMS_ENDPOINT = "aws-native:dms:Endpoint";
export const NATIVE_ELASTICACHE_USER = "aws-native:elasticache:User";
export const NATIVE_MEMORYDB_USER = "aws-native:memorydb:User";
export const NATIVE_AMPLIFY_APP = "aws-native:amplify:App";
export const NATIVE_AMPLIFY_BRANCH = "aws-native:amplify:Branch";
export const NATIVE_BEANSTALK_ENVIRONMENT = "aws-native:elasticbeanstalk:Environment";
export const NATIVE_BEANSTALK_CONFIGURATION_TEMPLATE = "aws-native:elasticbeanstalk:ConfigurationTemplate";
export const NATIVE_SSM_PARAMETER = "aws-native:ssm:Parameter";
export const NATIVE_EC2_INSTANCE = "aws-native:ec2:Instance";
export const NATIVE_EC2_LAUNCH_TEMPLATE = "aws-native:ec2:LaunchTemplate";
export const NATIVE_EC2_SPOT_FLEET = "aws-native:ec2:SpotFleet";
export const NATIVE_AUTOSCALING_LAUNCH_CONFIGURATION = "aws-native:autoscaling:LaunchConfiguration";
export const NATIVE_ECS_SERVICE = "aws-native:ecs:Service";
export const NATIVE_EKS_NODEGROUP = "aws-native:eks:Nodegroup";
export const NATIVE_BATCH_COMPUTE_ENVIRONMENT = "aws-native:batch:ComputeEnvironment";
export const NATIVE_IMAGEBUILDER_IMAGE_RECIPE = "aws-native:imagebuilder:ImageRecipe";
export const NATIVE_IMAGEBUILDER_CONTAINER_RECIPE = "aws-native:imagebuilder:ContainerRecipe";
export const NATIVE_IMAGEBUILDER_IMAGE_PIPELINE = "aws-native:imagebuilder:ImagePipeline";
export const NATIVE_IMAGEBUILDER_IMAGE = "aws-native:imagebuilder:Image";
export const NATIVE_IMAGEBUILDER_DISTRIBUTION_CONFIGURATION = "aws-native:imagebuilder:DistributionConfiguration";
export const NATIVE_SECRETSMANAGER_SECRET = "aws-native:secretsmanager:Secret";
export const NATIVE_CODEBUILD_SOURCE_CREDENTIAL = "aws-native:codebuild:SourceCredential";
export const NATIVE_EVENTS_CONNECTION = "aws-native:events:Connection";
export const NATIVE_SFN_STATE_MACHINE = "aws-native:stepfunctions:StateMachine";
export const NATIVE_FIREHOSE_DELIVERY_STREAM = "aws-native:kinesisfirehose:DeliveryStream";
export const NATIVE_DYNAMODB_TABLE = "aws-native:dynamodb:Table";
export const NATIVE_DYNAMODB_GLOBAL_TABLE = "aws-native:dynamodb:GlobalTable";
export const NATIVE_EFS_FILE_SYSTEM = "aws-native:efs:FileSystem";
export const NATIVE_S3_BUCKET = "aws-native:s3:Bucket";
export const NATIVE_S3_BUCKET_POLICY = "aws-native:s3:BucketPolicy";
export const NATIVE_S3_ACCESS_POINT = "aws-native:s3:AccessPoint";
export const NATIVE_CLOUDFRONT_DISTRIBUTION = "aws-native:cloudfront:Distribution";
export const NATIVE_EC2_VOLUME = "aws-native:ec2:Volume";
export const NATIVE_SQS_QUEUE = "aws-native:sqs:Queue";
export const NATIVE_SNS_TOPIC = "aws-native:sns:Topic";
export const NATIVE_KINESIS_STREAM = "aws-native:kinesis:Stream";
export const NATIVE_LOGS_LOG_GROUP = "aws-native:logs:LogGroup";
export const NATIVE_BACKUP_VAULT = "aws-native:backup:BackupVault";
export const NATIVE_ELASTICACHE_REPLICATION_GROUP = "aws-native:elasticache:ReplicationGroup";
export const NATIVE_ELASTICACHE_SERVERLESS_CACHE = "aws-native:elasticache:ServerlessCache";
// A standalone cache cluster (CloudFormation's CacheCluster has no replication group input): deletion-safeguards.
export const NATIVE_ELASTICACHE_CACHE_CLUSTER = "aws-native:elasticache:CacheCluster";
export const NATIVE_MEMORYDB_CLUSTER = "aws-native:memorydb:Cluster";
export const NATIVE_MSK_CLUSTER = "aws-native:msk:Cluster";
export const NATIVE_NEPTUNE_DB_CLUSTER = "aws-native:neptune:DbCluster";
// Global databases (rds-deletion-protection reads their flag and encryption-at-rest their storage
// encryption, as on the classic types; resource-protect leaves them out: AWS deletes one only once no
// cluster is a member).
export const NATIVE_RDS_GLOBAL_CLUSTER = "aws-native:rds:GlobalCluster";
export const NATIVE_DOCDB_GLOBAL_CLUSTER = "aws-native:docdb:GlobalCluster";
export const NATIVE_NEPTUNE_GLOBAL_CLUSTER = "aws-native:neptune:GlobalCluster";
export const NATIVE_ECR_REPOSITORY = "aws-native:ecr:Repository";
// More aws-native stores whose classic equivalents encryption-at-rest judges: WorkSpaces, the Glue
// Data Catalog's settings, REST API stages' method caches (and the global databases and
// NATIVE_FIREHOSE_DELIVERY_STREAM above).
export const NATIVE_WORKSPACES_WORKSPACE = "aws-native:workspaces:Workspace";
export const NATIVE_GLUE_DATA_CATALOG_ENCRYPTION_SETTINGS = "aws-native:glue:DataCatalogEncryptionSettings";
export const NATIVE_EMR_SECURITY_CONFIGURATION = "aws-native:emr:SecurityConfiguration";
export const NATIVE_APIGATEWAY_STAGE = "aws-native:apigateway:Stage";
// aws-native resource policies other than S3's (resource-policy-no-wildcards). pulumi-cdk sends
// CDK's queue, topic and event bus policies as the classic types; these are CDK's other
// resource policies (functions' permissions, secrets, buses, REST APIs; the repositories,
// file systems, vaults and domains above hold theirs inline) and what programs that write
// aws-native directly use.
export const NATIVE_SQS_QUEUE_INLINE_POLICY = "aws-native:sqs:QueueInlinePolicy";
export const NATIVE_SNS_TOPIC_POLICY = "aws-native:sns:TopicPolicy";
export const NATIVE_SNS_TOPIC_INLINE_POLICY = "aws-native:sns:TopicInlinePolicy";
export const NATIVE_LAMBDA_PERMISSION = "aws-native:lambda:Permission";
export const NATIVE_SECRETS_MANAGER_RESOURCE_POLICY = "aws-native:secretsmanager:ResourcePolicy";
export const NATIVE_EVENTS_EVENT_BUS = "aws-native:events:EventBus";
export const NATIVE_EVENTS_EVENT_BUS_POLICY = "aws-native:events:EventBusPolicy";
export const NATIVE_APIGATEWAY_REST_API = "aws-native:apigateway:RestApi";
// aws-native stateful types resource-protect lists beside their classic equivalents (with
// NATIVE_RDS_DB_INSTANCE, NATIVE_S3_BUCKET and the other data stores above): CDK's hosted
// zones, user pools, Redshift Serverless namespaces and CloudTrail Lake event data stores.
export const NATIVE_ROUTE53_HOSTED_ZONE = "aws-native:route53:HostedZone";
export const NATIVE_COGNITO_USER_POOL = "aws-native:cognito:UserPool";
export const NATIVE_REDSHIFT_SERVERLESS_NAMESPACE = "aws-native:redshiftserverless:Namespace";
export const NATIVE_CLOUDTRAIL_EVENT_DATA_STORE = "aws-native:cloudtrail:EventDataStore";
// S3 Tables (resource-protect lists a table; a table bucket AWS refuses to delete while it holds any).
export const NATIVE_S3TABLES_TABLE_BUCKET = "aws-native:s3tables:TableBucket";
export const NATIVE_S3TABLES_TABLE = "aws-native:s3tables:Table";
// S3 Express One Zone directory buckets (s3-bucket-encryption judges their default encryption).
export const NATIVE_S3EXPRESS_DIRECTORY_BUCKET = "aws-native:s3express:DirectoryBucket";
// More data stores on resource-protect's list as their classic types (Keyspaces, Timestream, OpenSearch
// Serverless, S3 Vectors, Cognito identity pools, private CAs).
export const NATIVE_CASSANDRA_KEYSPACE = "aws-native:cassandra:Keyspace";
export const NATIVE_CASSANDRA_TABLE = "aws-native:cassandra:Table";
export const NATIVE_TIMESTREAM_TABLE = "aws-native:timestream:Table";
export const NATIVE_TIMESTREAM_INFLUXDB_INSTANCE = "aws-native:timestream:InfluxDbInstance";
export const NATIVE_TIMESTREAM_INFLUXDB_CLUSTER = "aws-native:timestream:InfluxDbCluster";
export const NATIVE_OPENSEARCH_SERVERLESS_COLLECTION = "aws-native:opensearchserverless:Collection";
export const NATIVE_S3VECTORS_INDEX = "aws-native:s3vectors:Index";
export const NATIVE_COGNITO_IDENTITY_POOL = "aws-native:cognito:IdentityPool";
export const NATIVE_ACMPCA_CERTIFICATE_AUTHORITY = "aws-native:acmpca:CertificateAuthority";
export const NATIVE_SECRETSMANAGER_ROTATION_SCHEDULE = "aws-native:secretsmanager:RotationSchedule";
// And the volumes, WorkSpaces and snapshots resource-protect lists as their classic types.
export const NATIVE_FSX_VOLUME = "aws-native:fsx:Volume";
export const NATIVE_RDS_DB_SNAPSHOT = "aws-native:rds:DbSnapshot";
export const NATIVE_RDS_CLUSTER_SNAPSHOT = "aws-native:rds:ClusterSnapshot";
export const NATIVE_REDSHIFT_SERVERLESS_SNAPSHOT = "aws-native:redshiftserverless:Snapshot";
// More aws-native resource policies whose classic equivalents resource-policy-no-wildcards judges
// (CloudFormation's resources, for programs that write aws-native directly and CDK apps through
// pulumi-cdk): the registry, log, stream, cluster, function, model group and namespace policies,
// and layer version permissions. The tables and buckets above hold theirs inline.
export const NATIVE_ECR_REGISTRY_POLICY = "aws-native:ecr:RegistryPolicy";
export const NATIVE_ECR_REPOSITORY_CREATION_TEMPLATE = "aws-native:ecr:RepositoryCreationTemplate";
export const NATIVE_COMPREHEND_DOCUMENT_CLASSIFIER = "aws-native:comprehend:DocumentClassifier";
export const NATIVE_COMPREHEND_FLYWHEEL = "aws-native:comprehend:Flywheel";
export const NATIVE_LOGS_RESOURCE_POLICY = "aws-native:logs:ResourcePolicy";
export const NATIVE_LOGS_DESTINATION = "aws-native:logs:Destination";
export const NATIVE_LOGS_DELIVERY_DESTINATION = "aws-native:logs:DeliveryDestination";
export const NATIVE_KINESIS_RESOURCE_POLICY = "aws-native:kinesis:ResourcePolicy";
export const NATIVE_MSK_CLUSTER_POLICY = "aws-native:msk:ClusterPolicy";
export const NATIVE_LAMBDA_RESOURCE_POLICY = "aws-native:lambda:ResourcePolicy";
export const NATIVE_LAMBDA_LAYER_VERSION_PERMISSION = "aws-native:lambda:LayerVersionPermission";
export const NATIVE_SAGEMAKER_MODEL_PACKAGE_GROUP = "aws-native:sagemaker:ModelPackageGroup";
export const NATIVE_S3_MULTI_REGION_ACCESS_POINT = "aws-native:s3:MultiRegionAccessPoint";
export const NATIVE_S3_MULTI_REGION_ACCESS_POINT_POLICY = "aws-native:s3:MultiRegionAccessPointPolicy";
// aws-native's CodeArtifact domain and repository (their permissions policies inline), OAM sink
// (its policy inline), VPC Lattice auth and resource policies, S3 Tables' table bucket and table
// policies and S3 Express One Zone's directory bucket policy: judged as their classic equivalents.
export const NATIVE_CODEARTIFACT_DOMAIN = "aws-native:codeartifact:Domain";
export const NATIVE_CODEARTIFACT_REPOSITORY = "aws-native:codeartifact:Repository";
export const NATIVE_OAM_SINK = "aws-native:oam:Sink";
export const NATIVE_VPCLATTICE_AUTH_POLICY = "aws-native:vpclattice:AuthPolicy";
export const NATIVE_VPCLATTICE_RESOURCE_POLICY = "aws-native:vpclattice:ResourcePolicy";
export const NATIVE_S3TABLES_TABLE_BUCKET_POLICY = "aws-native:s3tables:TableBucketPolicy";
export const NATIVE_S3TABLES_TABLE_POLICY = "aws-native:s3tables:TablePolicy";
export const NATIVE_S3EXPRESS_BUCKET_POLICY = "aws-native:s3express:BucketPolicy";
// aws-native's other resource policies whose classic equivalents resource-policy-no-wildcards
// reads: X-Ray, Prometheus, EventBridge schema registry, SMS, S3 Vectors, S3 Files, AgentCore,
// Aurora DSQL (a cluster's policy inline), Object Lambda access point and S3 on Outposts policies.
export const NATIVE_XRAY_RESOURCE_POLICY = "aws-native:xray:ResourcePolicy";
export const NATIVE_APS_RESOURCE_POLICY = "aws-native:aps:ResourcePolicy";
export const NATIVE_EVENTSCHEMAS_REGISTRY_POLICY = "aws-native:eventschemas:RegistryPolicy";
export const NATIVE_SMSVOICE_RESOURCE_POLICY = "aws-native:smsvoice:ResourcePolicy";
export const NATIVE_S3VECTORS_VECTOR_BUCKET_POLICY = "aws-native:s3vectors:VectorBucketPolicy";
export const NATIVE_S3FILES_FILE_SYSTEM_POLICY = "aws-native:s3files:FileSystemPolicy";
export const NATIVE_BEDROCKAGENTCORE_RESOURCE_POLICY = "aws-native:bedrockagentcore:ResourcePolicy";
export const NATIVE_DSQL_CLUSTER = "aws-native:dsql:Cluster";
export const NATIVE_S3OBJECTLAMBDA_ACCESS_POINT_POLICY = "aws-native:s3objectlambda:AccessPointPolicy";
export const NATIVE_S3OUTPOSTS_BUCKET_POLICY = "aws-native:s3outposts:BucketPolicy";
// Carriers resource-policy-no-wildcards reads with their own rules: S3 Express One Zone and S3 on
// Outposts access points, and API Gateway's private custom domain names.
export const NATIVE_S3EXPRESS_ACCESS_POINT = "aws-native:s3express:AccessPoint";
export const NATIVE_S3OUTPOSTS_ACCESS_POINT = "aws-native:s3outposts:AccessPoint";
export const NATIVE_APIGATEWAY_DOMAIN_NAME_V2 = "aws-native:apigateway:DomainNameV2";
// aws-native's resource policies with no classic equivalent (CloudTrail Lake, Lex V2, SSM, Bedrock,
// MediaPackage v2, MediaTailor, OpenSearch Ingestion's inline one, CloudWatch RUM).
export const NATIVE_CLOUDTRAIL_RESOURCE_POLICY = "aws-native:cloudtrail:ResourcePolicy";
export const NATIVE_LEX_RESOURCE_POLICY = "aws-native:lex:ResourcePolicy";
export const NATIVE_SSM_RESOURCE_POLICY = "aws-native:ssm:ResourcePolicy";
export const NATIVE_BEDROCK_RESOURCE_POLICY = "aws-native:bedrock:ResourcePolicy";
export const NATIVE_MEDIAPACKAGEV2_CHANNEL_POLICY = "aws-native:mediapackagev2:ChannelPolicy";
export const NATIVE_MEDIAPACKAGEV2_ORIGIN_ENDPOINT_POLICY = "aws-native:mediapackagev2:OriginEndpointPolicy";
export const NATIVE_MEDIATAILOR_CHANNEL_POLICY = "aws-native:mediatailor:ChannelPolicy";
export const NATIVE_OSIS_PIPELINE = "aws-native:osis:Pipeline";
export const NATIVE_RUM_APP_MONITOR = "aws-native:rum:AppMonitor";
// encryption-at-rest: aws-native stores AWS always encrypts, judged (as their classic types) only
// under requireCustomerManagedKey; the others it reads are above (Lambda, Amazon MQ, Step Functions'
// state machines, DocumentDB elastic clusters, Redshift Serverless, CloudTrail Lake, S3 Tables,
// Keyspaces tables, CodeArtifact domains, Aurora DSQL, OpenSearch Ingestion).
export const NATIVE_EKS_CLUSTER = "aws-native:eks:Cluster";
export const NATIVE_SFN_ACTIVITY = "aws-native:stepfunctions:Activity";
export const NATIVE_ATHENA_WORKGROUP = "aws-native:athena:WorkGroup";
export const NATIVE_SAGEMAKER_NOTEBOOK_INSTANCE = "aws-native:sagemaker:NotebookInstance";
export const NATIVE_SAGEMAKER_DOMAIN = "aws-native:sagemaker:Domain";
export const NATIVE_SAGEMAKER_FEATURE_GROUP = "aws-native:sagemaker:FeatureGroup";
export const NATIVE_TIMESTREAM_DATABASE = "aws-native:timestream:Database";
export const NATIVE_CLOUDTRAIL_TRAIL = "aws-native:cloudtrail:Trail";
export const NATIVE_DMS_REPLICATION_CONFIG = "aws-native:dms:ReplicationConfig";
export const NATIVE_APS_WORKSPACE = "aws-native:aps:Workspace";
export const NATIVE_EVENTS_ARCHIVE = "aws-native:events:Archive";
export const NATIVE_BEDROCK_AGENT = "aws-native:bedrock:Agent";
export const NATIVE_BEDROCKAGENTCORE_MEMORY = "aws-native:bedrockagentcore:Memory";
export const NATIVE_S3FILES_FILE_SYSTEM = "aws-native:s3files:FileSystem";
export const NATIVE_BACKUP_LOGICALLY_AIR_GAPPED_VAULT = "aws-native:backup:LogicallyAirGappedBackupVault";
export const NATIVE_KINESISVIDEO_STREAM = "aws-native:kinesisvideo:Stream";
export const NATIVE_MWAA_ENVIRONMENT = "aws-native:mwaa:Environment";
export const NATIVE_LOCATION_TRACKER = "aws-native:location:Tracker";
export const NATIVE_LOCATION_GEOFENCE_COLLECTION = "aws-native:location:GeofenceCollection";
export const NATIVE_DATAZONE_DOMAIN = "aws-native:datazone:Domain";
export const NATIVE_KENDRA_INDEX = "aws-native:kendra:Index";
export const NATIVE_QBUSINESS_APPLICATION = "aws-native:qbusiness:Application";
export const NATIVE_CUSTOMERPROFILES_DOMAIN = "aws-native:customerprofiles:Domain";
export const NATIVE_CONNECT_INSTANCE_STORAGE_CONFIG = "aws-native:connect:InstanceStorageConfig";
export const NATIVE_APPFLOW_FLOW = "aws-native:appflow:Flow";
export const NATIVE_APPFLOW_CONNECTOR_PROFILE = "aws-native:appflow:ConnectorProfile";
export const NATIVE_GLUE_SECURITY_CONFIGURATION = "aws-native:glue:SecurityConfiguration";
export const NATIVE_NEPTUNEGRAPH_GRAPH = "aws-native:neptunegraph:Graph";
export const NATIVE_CODECOMMIT_REPOSITORY = "aws-native:codecommit:Repository";
export const NATIVE_MAILMANAGER_ARCHIVE = "aws-native:ses:MailManagerArchive";
export const NATIVE_S3VECTORS_VECTOR_BUCKET = "aws-native:s3vectors:VectorBucket";
// Health data stores encryption-at-rest judges under requireCustomerManagedKey (no classic types).
export const NATIVE_HEALTHLAKE_FHIR_DATASTORE = "aws-native:healthlake:FhirDatastore";
export const NATIVE_OMICS_SEQUENCE_STORE = "aws-native:omics:SequenceStore";
export const NATIVE_OMICS_REFERENCE_STORE = "aws-native:omics:ReferenceStore";
export const NATIVE_OMICS_VARIANT_STORE = "aws-native:omics:VariantStore";
export const NATIVE_OMICS_ANNOTATION_STORE = "aws-native:omics:AnnotationStore";
// The aws-native Backup plan deletion-safeguards judges as the classic plan, and the stores
// resource-protect lists as their classic types (a Simple AD directory, a payment key, a Connect
// instance, an account, a Neptune Analytics snapshot).
export const NATIVE_BACKUP_PLAN = "aws-native:backup:BackupPlan";
export const NATIVE_NEPTUNEGRAPH_GRAPH_SNAPSHOT = "aws-native:neptunegraph:GraphSnapshot";
export const NATIVE_DIRECTORYSERVICE_SIMPLE_AD = "aws-native:directoryservice:SimpleAd";
export const NATIVE_PAYMENTCRYPTOGRAPHY_KEY = "aws-native:paymentcryptography:Key";
export const NATIVE_CONNECT_INSTANCE = "aws-native:connect:Instance";
export const NATIVE_ORGANIZATIONS_ACCOUNT = "aws-native:organizations:Account";
// Lightsail's stores as CloudFormation has them: deletion-safeguards judges the database's backup
// retention as the classic one's, resource-protect lists them as the classic types (and the snapshots
// as RDS and EBS snapshots).
export const NATIVE_LIGHTSAIL_DATABASE = "aws-native:lightsail:Database";
export const NATIVE_LIGHTSAIL_DISK = "aws-native:lightsail:Disk";
export const NATIVE_LIGHTSAIL_BUCKET = "aws-native:lightsail:Bucket";
export const NATIVE_LIGHTSAIL_DATABASE_SNAPSHOT = "aws-native:lightsail:DatabaseSnapshot";
export const NATIVE_LIGHTSAIL_DISK_SNAPSHOT = "aws-native:lightsail:DiskSnapshot";
