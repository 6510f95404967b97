// `npm run generate:aws-native -- <dir>`: writes tools/aws-native-inputs.json, the type tokens
// and top-level inputs of the @pulumi/aws-native modules that hold what the policies judge
// (identities and keys, resource policies, data stores, environments and credentials), whether
// a policy reads them yet or not, from an unpacked copy of the package:
//   npm pack @pulumi/aws-native && tar xzf pulumi-aws-native-*.tgz   (then <dir> is ./package)
// The pack does not depend on @pulumi/aws-native (it stays lean, and reads resources by their
// type strings); test/tokens.test.ts checks the pack's aws-native tokens and the inputs it
// reads against this list, with no network.
import * as fs from "fs";
import * as path from "path";

// Same rule as ./examples.ts REPO_DIR, without loading the engine it imports.
const REPO_DIR = path.resolve(__dirname, "..").replace(/[\\/]\.tools[\\/]build$/, "");
export const OUTPUT = path.join(REPO_DIR, "tools/aws-native-inputs.json");
const MODULES = [
    "acmpca", "amazonmq", "amplify", "apigateway", "appconfig", "appflow", "apprunner", "appsync", "aps", "athena", "autoscaling", "backup", "batch", "bedrock",
    "bedrockagentcore", "budgets", "cassandra", "cloudfront", "cloudtrail", "codeartifact", "codebuild", "codecommit", "cognito", "comprehend", "connect", "customerprofiles",
    "databrew", "datasync", "datazone", "dax", "deadline", "directoryservice", "dms", "docdb", "docdbelastic", "dsql", "dynamodb", "ec2", "ecr", "ecs", "efs", "eks",
    "elasticache", "elasticbeanstalk", "emr", "events", "eventschemas", "fsx", "glue", "healthimaging", "healthlake", "iam", "imagebuilder", "iot", "kendra",
    "kinesis", "kinesisfirehose", "kinesisvideo", "kms", "lambda", "lex", "lightsail", "location", "logs", "mediapackagev2", "mediatailor",
    "memorydb", "msk", "mwaa", "neptune", "neptunegraph", "oam", "omics", "opensearchserverless", "opensearchservice", "organizations", "osis",
    "paymentcryptography", "personalize", "pipes", "qbusiness", "quicksight", "rds", "redshift", "redshiftserverless", "route53", "rum", "s3", "s3express", "s3files",
    "s3objectlambda", "s3outposts", "s3tables", "s3vectors", "sagemaker", "secretsmanager", "scheduler", "securityhub", "securitylake", "ses", "smsvoice", "sns", "sqs", "ssm", "sso",
    "stepfunctions", "synthetics", "timestream", "transfer", "vpclattice", "wisdom", "workspaces", "workspacesinstances", "workspacesweb", "xray",
];

const TYPE = /static __pulumiType = '([^']+)'/;
const INPUT = /resourceInputs\["(\w+)"\] = args\?\.\1;/g;

export interface NativeInputs {
    packageVersion: string;
    /** Type token → its inputs, sorted. */
    types: Record<string, string[]>;
}

export function scanNativeInputs(packageDir: string): NativeInputs {
    const types: Record<string, string[]> = {};
    for (const module of MODULES) {
        for (const file of fs.readdirSync(path.join(packageDir, module)).sort()) {
            if (!file.endsWith(".js")) continue;
            const text = fs.readFileSync(path.join(packageDir, module, file), "utf8");
            const type = TYPE.exec(text)?.[1];
            if (type) types[type] = [...new Set([...text.matchAll(INPUT)].map((m) => m[1]))].sort();
        }
    }
    const packageVersion = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version;
    return { packageVersion, types };
}

if (require.main === module) {
    const dir = process.argv[2];
    if (!dir) throw new Error("usage: npm run generate:aws-native -- <unpacked @pulumi/aws-native package directory>");
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    fs.writeFileSync(OUTPUT, JSON.stringify(scanNativeInputs(dir), null, 2) + "\n");
}
