// AWS provider v7 type tokens used by more than one policy. Strings, not classes: loading
// @pulumi/aws to read `__pulumiType` would cost every preview seconds of boot time.
// test/tokens.test.ts checks each against the installed provider.
export const RDS_INSTANCE = "aws:rds/instance:Instance";
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
export const RDS_GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
export const DOCDB_CLUSTER = "aws:docdb/cluster:Cluster";
export const DOCDB_GLOBAL_CLUSTER = "aws:docdb/globalCluster:GlobalCluster";
export const NEPTUNE_CLUSTER = "aws:neptune/cluster:Cluster";
export const NEPTUNE_GLOBAL_CLUSTER = "aws:neptune/globalCluster:GlobalCluster";
export const DSQL_CLUSTER = "aws:dsql/cluster:Cluster";
export const DYNAMODB_TABLE = "aws:dynamodb/table:Table";
export const S3_BUCKET = "aws:s3/bucket:Bucket";
export const S3_BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
export const STACK = "pulumi:pulumi:Stack";
