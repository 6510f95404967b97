// Settings under credential-sounding names (an authentication mechanism, a credentials
// profile, a variable given to one command), and the credentials under the same names.
import { describe, expect, it } from "vitest";
import { findSensitiveValues, SensitiveOptions } from "../policies/lib/sensitive";
import { judgeName } from "../policies/lib/credentials/names";
import { fake } from "../fixtures/secret-sensitive-props/evaluation/fake";

const NO_OPTIONS: SensitiveOptions = { sensitivePatterns: [], ignoreProperties: [] };
const LAMBDA = "aws:lambda/function:Function";
const env = (variables: Record<string, string>) => findSensitiveValues(LAMBDA, { role: "arn:aws:iam::123456789012:role/f", runtime: "nodejs20.x", handler: "index.handler", environment: { variables } }, NO_OPTIONS).map((v) => v.path);
const userData = (script: string) => findSensitiveValues("aws:ec2/instance:Instance", { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", userData: `#!/bin/bash\n${script}\n` }, NO_OPTIONS).map((v) => v.path);
const dotenv = (text: string) => findSensitiveValues("aws:s3/bucketObjectv2:BucketObjectv2", { bucket: "acme-config", key: "app/.env", content: text }, NO_OPTIONS).map((v) => v.path);

describe("an authentication mechanism under a name ending in `auth`", () => {
    it.each(["login", "LOGIN", "plain", "PLAIN", "cram-md5", "CRAM_MD5", "digest-md5", "xoauth2", "OAUTHBEARER", "gssapi", "auto"])("SMTP_AUTH=%s is a setting", (value) => {
        expect(env({ SMTP_AUTH: value, TFE_SMTP_AUTH: value })).toEqual([]);
        expect(userData(`export SMTP_AUTH=${value}`)).toEqual([]);
    });
    it("marks only names whose credential word is `auth`", () => {
        expect(judgeName("SMTP_AUTH").auth).toBe(true);
        expect(judgeName("REDIS_AUTH").auth).toBe(true);
        expect(judgeName("SMTP_PASSWORD").auth).toBeUndefined();
        expect(judgeName("AUTH_TOKEN").auth).toBeUndefined();
    });
    it("still reports a credential under such a name, and a mechanism's name under a password name", () => {
        expect(env({ REDIS_AUTH: "Xq9vT2mLp4Rz8WbN6cYh3KdF" })).toEqual(["environment.variables.REDIS_AUTH"]);
        expect(env({ SMTP_AUTH: "Winter2024!" })).toEqual(["environment.variables.SMTP_AUTH"]);
        expect(env({ SMTP_PASSWORD: "login" })).toEqual(["environment.variables.SMTP_PASSWORD"]);
        expect(env({ API_TOKEN: "plain" })).toEqual(["environment.variables.API_TOKEN"]);
    });
});

describe("a credentials file's profile", () => {
    it("is a name", () => {
        expect(judgeName("AWS_CREDENTIALS_PROFILE").kind).toBe("describing");
        expect(env({ AWS_CREDENTIALS_PROFILE: "default", CREDENTIALS_PROFILE: "ops-readonly", credentialsProfiles: "dev,prod" })).toEqual([]);
    });
    it("leaves the credentials themselves reported", () => {
        expect(env({ AWS_CREDENTIALS: "Tr0ub4dor&3xample" })).toEqual(["environment.variables.AWS_CREDENTIALS"]);
    });
});

describe("a variable given to one command", () => {
    it("is judged by its own value, not the command after it", () => {
        expect(userData("SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile")).toEqual([]);
        expect(userData("SECRET_KEY_BASE_DUMMY=1 bundle exec rails assets:precompile")).toEqual([]);
        expect(userData("TOKEN_REFRESH=true node sync.js --all")).toEqual([]);
    });
    it("still reports a literal credential given to the command", () => {
        expect(userData("DB_PASSWORD=Hunter2xyz9 node migrate.js")).toEqual(["userData"]);
        expect(userData("PGPASSWORD=Pl41nPw9x psql -h db -U app")).toEqual(["userData"]);
    });
    it("still reads a .env file's value with spaces as one value", () => {
        expect(dotenv("LOG_LEVEL=info\nAPI_TOKEN=1 2xK9pQ7vL3mN8bR4tW6yZ\n")).toEqual(["content"]);
        expect(dotenv("LOG_LEVEL=info\nSESSION_SECRET=correct horse battery staple\n")).toEqual(["content"]);
    });
});

describe("a variable given to one command, in files", () => {
    it("judges a .env value with spaces by its format, and a line written by echo by its name", () => {
        const phrase = fake.mnemonic("h21-dotenv");
        expect(dotenv(`LOG_LEVEL=info\nWALLET=${phrase}\n`)).toEqual(["content"]);
        expect(userData(`echo "SESSION_SECRET=1 two three four" >> /opt/app/.env`)).toEqual(["userData"]);
    });
});
