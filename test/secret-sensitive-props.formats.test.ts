// The credential formats (policies/lib/credentials/formats.ts), the value shapes
// (shapes.ts) and the script reader (scripts.ts) of secret-sensitive-props, rule by rule: a
// positive and a negative example each, and linear time on 1 MB adversarial inputs.
import { describe, expect, it } from "vitest";
import { createHash } from "crypto";
import { B64, B64URL, b64text, derCertificate, derPrivateKey, fake, mnemonicOf, random } from "../fixtures/secret-sensitive-props/evaluation/fake";
import { BIP39_ENGLISH } from "../policies/lib/credentials/bip39-english";
import { findFormat, FORMAT_RULE_IDS, isBip39Mnemonic, isPublicMaterial } from "../policies/lib/credentials/formats";
import { judgeName } from "../policies/lib/credentials/names";
import { findCredentialInArguments, findCredentialInHeaderList, findCredentialInJavaScript, findCredentialInScript, findCredentialInTemplate, findPasswordInSql } from "../policies/lib/credentials/scripts";
import { isEmulatorDummy, isPublishableKey, isSettingShaped, isUnusable, isUnusableLiterally, isVerifier, looksRandom } from "../policies/lib/credentials/shapes";
import { findSensitiveValues } from "../policies/lib/sensitive";

const pw = random("formats-pw", 18);
// Mattermost's ids: 26 characters of z-base-32.
const ZBASE32 = "ybndrfg8ejkmcpqxot1uwisza345h769";
const openvpnKey = (seed: string) => `-----BEGIN OpenVPN Static key V1-----\n${Array.from({ length: 16 }, (_, i) => random(`${seed}-${i}`, 32, "0123456789abcdef")).join("\n")}\n-----END OpenVPN Static key V1-----\n`;

/** CPU milliseconds `work` takes on inputs of n characters (after a warm-up); CPU, not wall time: the machine is shared. */
function cpuMs(work: (n: number) => void, n: number): number {
    const start = process.cpuUsage();
    work(n);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
}

/** Linear: 4x the input costs about 4x the time (quadratic would be 16x). */
function expectLinear(work: (n: number) => void, floorMs: number): void {
    cpuMs(work, 1 << 16);
    const small = cpuMs(work, 1 << 18);
    const large = cpuMs(work, 1 << 20);
    expect(large).toBeLessThan(Math.max(10 * small, floorMs));
    expect(large).toBeLessThan(10_000);
}

// [rule, a value it must find, a look-alike it must not]
const EXAMPLES: [string, string, string][] = [
    ["pem-private-key", fake.rsaPem("f1"), "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"],
    ["putty-private-key", fake.putty("f2"), "PuTTY-User-Key-File-3: ssh-ed25519 (public part only)"],
    [
        "jwk-private-key", JSON.stringify({ keys: [{ kty: "OKP", crv: "Ed25519", x: random("jwk-x", 43, B64URL), d: random("jwk-d", 43, B64URL) }] }),
        JSON.stringify({ keys: [{ kty: "RSA", e: "AQAB", n: random("jwk-n", 342, B64URL), d: "<d>" }, { kty: "oct", alg: "HS256" }] }),
    ],
    ["base64-pem-private-key", b64text(fake.pkcs8Pem("f3")), b64text(fake.certificatePem("f3"))],
    ["der-private-key", derPrivateKey("f4", "rsa"), derCertificate("f4")],
    ["aws-secret-access-key", `aws_secret_access_key = ${fake.awsSecretKey("f5")}`, `aws_secret_access_key = ${"a".repeat(40)}`],
    ["github-token", fake.github("f6"), "ghp_short"],
    ["github-fine-grained-pat", fake.githubFine("f7"), "github_pat_tooshort"],
    ["gitlab-token", fake.gitlab("f8"), "glpat-"],
    ["slack-token", fake.slackBot("f9"), "xoxb-not-a-token"],
    ["slack-app-token", fake.slackApp("f10"), "xapp-1-X"],
    ["slack-webhook", fake.slackWebhook("f11"), "https://hooks.slack.com/services/"],
    ["stripe-secret-key", fake.stripeSecret("f12"), fake.stripePublishable("f12")],
    ["stripe-webhook-secret", fake.stripeWebhook("f13"), "whsec_short"],
    ["sendgrid-api-key", fake.sendgrid("f14"), "SG.abc.def"],
    ["docker-hub-token", fake.dockerHub("f63"), "dckr_pat_short"],
    ["npm-token", fake.npm("f15"), "npm_config_cache"],
    ["pypi-token", fake.pypi("f16"), "pypi-AgEIcHlwaS5vcmc"],
    ["newrelic-user-key", fake.newrelicUser("f17"), "NRAK-SHORT"],
    ["newrelic-license-key", fake.newrelicLicense("f18"), "NRAL"],
    ["newrelic-insert-key", fake.newrelicInsert("f19"), "NRII-SHORT"],
    ["sentry-auth-token", fake.sentryAuth("f20"), fake.sentryDsn("f20")],
    ["discord-webhook", fake.discordWebhook("f21"), "https://discord.com/api/webhooks/"],
    ["discord-bot-token", fake.discordBot("f22"), "M.not.a.token"],
    ["telegram-bot-token", fake.telegram("f23"), "123456789:AA"],
    ["google-oauth-client-secret", fake.googleOauthSecret("f24"), fake.googleClientId("f24")],
    ["google-api-key", fake.googleApiKey("f25"), "AIzaShort"],
    ["openai-api-key", fake.openai("f26"), "sk-..."],
    ["anthropic-api-key", fake.anthropic("f27"), "sk-ant-"],
    ["mapbox-secret-token", fake.mapboxSecret("f61"), fake.mapboxSecret("f61").replace(/^sk/, "pk")],
    ["pulumi-access-token", fake.pulumi("f28"), "pul-abc"],
    ["vault-token", fake.vault("f29"), "hvs."],
    ["terraform-cloud-token", random("f30", 14) + ".atlasv1." + random("f30b", 66), "app.atlasv1.short"],
    ["doppler-token", fake.doppler("f31"), "dp.pt.short"],
    ["digitalocean-token", fake.digitalocean("f32"), "dop_v1_short"],
    ["huggingface-token", fake.huggingface("f33"), "hf_transfer_enabled"],
    ["databricks-token", fake.databricks("f34"), "dapi"],
    ["grafana-token", fake.grafana("f35"), "glsa_short"],
    ["shopify-token", "shp" + "at_" + fake.hex("f36", 32), "shpat_short"],
    ["linear-api-key", "lin" + "_api_" + random("f37", 40), "lin_api_short"],
    ["postman-api-key", "PM" + "AK-" + fake.hex("f38", 24) + "-" + fake.hex("f38b", 34), "PMAK-short"],
    ["dynatrace-token", "dt0c01." + random("f39", 24, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + "." + random("f39b", 64, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), "dt0c01.short"],
    ["figma-token", "fig" + "d_" + random("f40", 40), "figd_short"],
    ["tailscale-key", "tskey-" + "auth-" + random("f41", 12) + "-" + random("f41b", 30), "tskey-auth-x"],
    ["mailchimp-api-key", fake.hex("f42", 32) + "-us" + "14", "orders-us-east-1"],
    ["square-token", "EA" + "AA" + random("f43", 60), "EAAA"],
    ["azure-ad-client-secret", fake.azureAdSecret("f44"), "Q~"],
    ["azure-storage-key", fake.azureStorage("f45"), "DefaultEndpointsProtocol=https;AccountName=acme;EndpointSuffix=core.windows.net"],
    ["azure-shared-access-key", fake.azureServiceBus("f46"), "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root"],
    ["teams-webhook", fake.teamsWebhook("f47"), "https://acme.webhook.office.com/webhookb2/"],
    ["age-secret-key", fake.age("f48"), "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq"],
    ["aws-bedrock-api-key", fake.bedrock("f64"), "AB" + "SKQmVkcm9ja0FQSUtleS1EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXM="],
    ["atlassian-api-token", fake.atlassian("f65"), "ATA" + "TT3xFfGF0"],
    ["1password-service-account-token", fake.onePasswordServiceAccount("f66"), "op" + "s_eyJ" + random("f66b", 40)],
    ["1password-secret-key", "A" + "3-" + random("f67", 6, "ABCDEFGHJKLMNPQRSTVWXYZ23456789") + "-" + random("f67b", 11, "ABCDEFGHJKLMNPQRSTVWXYZ23456789") + "-" + ["c", "d", "e"].map((s) => random("f67" + s, 5, "ABCDEFGHJKLMNPQRSTVWXYZ23456789")).join("-"), "A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX"],
    ["adobe-client-secret", "p8" + "e-" + random("f68", 32), "p8e-" + "x".repeat(32)],
    ["artifactory-token", "AK" + "Cp" + random("f69", 69), "AKCp" + random("f69b", 40)],
    ["clojars-token", "CLOJARS" + "_" + random("f70", 60, "abcdefghijklmnopqrstuvwxyz0123456789"), "CLOJARS_USERNAME"],
    ["cloudflare-origin-ca-key", "v1" + ".0-" + fake.hex("f71", 24) + "-" + fake.hex("f71b", 146), "v1.0-beta-release"],
    ["duffel-token", "duf" + "fel_live_" + random("f72", 43, B64URL), "duffel_live_short"],
    ["easypost-api-key", "EZ" + "AK" + random("f73", 54), "EZAK"],
    ["facebook-access-token", "EA" + "AC" + random("f74", 180), "EAACEdEose0cBA"],
    ["flutterwave-secret-key", "FLW" + "SECK-" + random("f75", 32, "abcdefgh0123456789") + "-X", "FLWSECK_TEST-" + "x".repeat(32) + "-X"],
    ["flyio-token", "FlyV1 " + "fm" + "2_" + random("f76", 300, B64), "fo1_short"],
    ["frameio-token", "fio" + "-u-" + random("f77", 64, B64URL), "fio-u-short"],
    ["harness-token", "pa" + "t." + random("f78", 22, B64URL) + "." + random("f78b", 24) + "." + random("f78c", 20), "pat.json"],
    ["heroku-api-key", fake.heroku("f79"), "HRKU-AA"],
    ["infracost-token", "ic" + "o-" + random("f80", 32), "ico-" + "abcdefghijklmnopqrstuvwxyzabcdef"],
    ["notion-token", fake.notion("f81"), "ntn_" + "12345"],
    ["octopus-deploy-api-key", "AP" + "I-" + random("f82", 26, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), "API-GATEWAYINTEGRATIONROLES"],
    ["openshift-token", "sha" + "256~" + random("f83", 43, B64URL), "sha256:" + fake.hex("f83b", 64)],
    ["perplexity-api-key", fake.perplexity("f84"), "pplx-api"],
    ["planetscale-token", fake.planetscalePassword("f85"), "pscale_pw_short"],
    ["prefect-token", "pn" + "u_" + random("f86", 36), "pnu_short"],
    ["readme-token", "rd" + "me_" + random("f87", 70, "abcdefghijklmnopqrstuvwxyz0123456789"), "rdme_short"],
    ["rubygems-token", "ruby" + "gems_" + fake.hex("f88", 48), "rubygems_api_key"],
    ["scalingo-token", "tk" + "-us-" + random("f89", 48, B64URL), "tk-us-short"],
    ["brevo-api-key", "xkey" + "sib-" + fake.hex("f90", 64) + "-" + random("f90b", 16), "xkeysib-short"],
    ["shippo-token", "ship" + "po_live_" + fake.hex("f91", 40), "shippo_live_short"],
    ["slack-config-token", "xo" + "xe.xoxp-1-" + random("f92", 164), "xoxe.xoxp-1-short"],
    ["sourcegraph-token", "sg" + "p_" + fake.hex("f93", 16) + "_" + fake.hex("f93b", 40), "sgp_local_short"],
    ["typeform-token", "tf" + "p_" + random("f94", 59, B64URL), "tfp_short"],
    ["openrouter-api-key", fake.openrouter("f95"), "sk-or-v1-short"],
    ["groq-api-key", fake.groq("f96"), "gsk_short"],
    ["replicate-token", "r" + "8_" + random("f97", 37), "r8_" + "a".repeat(37)],
    ["xai-api-key", fake.xai("f98"), "xai-short"],
    ["langsmith-api-key", fake.langsmith("f99"), "lsv2_pt_short"],
    ["pinecone-api-key", fake.pinecone("f100"), "pcsk_short"],
    ["supabase-access-token", "sb" + "p_" + fake.hex("f101", 40), "sbp_" + "a".repeat(40)],
    ["netlify-token", "nf" + "p_" + random("f102", 36), "nfp_short"],
    ["buildkite-token", "bk" + "ua_" + fake.hex("f103", 40), "bkua_short"],
    ["circleci-token", "CCI" + "PAT_" + random("f104", 22) + "_" + fake.hex("f104b", 40), "CCIPAT_short"],
    ["sonar-token", "sq" + "u_" + fake.hex("f105", 40), "squ_short"],
    // A header that is not a JOSE header (no "alg") is not a JWT.
    ["jwt", fake.jwt({ sub: "svc" }, "f49"), `${Buffer.from('{"typ":"example"}').toString("base64url")}.${Buffer.from('{"text":"not-a-jwt"}').toString("base64url")}.not-a-signature-at-all`],
    ["laravel-app-key", fake.laravelKey("f50"), "base64:short="],
    ["url-password", `postgres://app:${pw}@db.internal:5432/app`, "postgres://app:${DB_PASSWORD}@db.internal:5432/app"],
    ["jdbc-password", `jdbc:postgresql://db:5432/app?user=app&password=${pw}`, "jdbc:postgresql://db:5432/app?user=app&password=${PW}"],
    ["connection-string-password", `Server=db;Database=app;User Id=app;Password=${pw};`, "Server=db;Database=app;Integrated Security=true;"],
    // Go's MySQL driver and libpq's key=value form (a held-out replay, 2026-12-06).
    ["mysql-dsn-password", `app:${pw}@tcp(db.internal:3306)/orders?parseTime=true`, "app:${DB_PASSWORD}@tcp(db.internal:3306)/orders"],
    ["libpq-password", `host=db.internal port=5432 user=app password=${pw} dbname=orders sslmode=require`, "host=db.internal user=app password= dbname=orders"],
    ["url-secret-query", `https://api.example.com/v1?api_key=${pw}`, "https://example.com/?token=${TOKEN}"],
    ["azure-sas-url", fake.azureSasUrl("f55"), "https://acme.blob.core.windows.net/c/file?sv=2022-11-02"],
    ["s3-presigned-url", fake.s3Presigned("f56"), "https://bucket.s3.amazonaws.com/key?X-Amz-Algorithm=AWS4-HMAC-SHA256"],
    ["kafka-jaas", `org.apache.kafka.common.security.plain.PlainLoginModule required username="app" password="${pw}";`, 'org.apache.kafka.common.security.plain.PlainLoginModule required username="app" password="${KAFKA_PASSWORD}";'],
    ["docker-config-auth", JSON.stringify({ auths: { "registry.acme.example": { auth: b64text(`ci:${pw}`) } } }), JSON.stringify({ auths: { "registry.acme.example": { auth: "" } } })],
    ["basic-auth-header", fake.basic("ops", pw), 'Basic realm="api"'],
    ["bearer-token", fake.bearer("f59"), "Bearer ${TOKEN}"],
    ["bip39-mnemonic", fake.mnemonic("f106"), "test test test test test test test test test test test junk"],
    // Webhook URLs whose path is the secret, Google's and Dropbox's access tokens, OpenVPN's static key (helper 15).
    ["sumologic-http-source", "https://endpoint4.collection.us2." + "sumologic.com/receiver/v1/http/" + random("f107", 110, B64URL) + "==", "https://endpoint6.collection.us2.sumologic.com/receiver/v1/http/xxxxxxxxxx"],
    ["mattermost-webhook", "https://chat.acme.example/hooks/" + random("f108", 26, ZBASE32), "https://your-mattermost-server.com/hooks/xxx-generatedkey-xxx"],
    ["zapier-webhook", "https://hooks." + "zapier.com/hooks/catch/" + random("f109", 7, "123456789") + "/" + random("f109b", 5, "abcdefghijklmnopqrstuvwxyz") + "4q/", "https://hooks.zapier.com/hooks/catch/123456/abcdef/"],
    ["google-oauth-access-token", "ya" + "29.a0" + random("f110", 160, B64URL), "ya29.xxxxx"],
    ["dropbox-short-lived-token", "s" + "l.B" + random("f111", 138, B64URL), "sl.config.json"],
    ["openvpn-static-key", openvpnKey("f112"), "-----BEGIN OpenVPN Static key V1-----\n...\n-----END OpenVPN Static key V1-----"],
];

describe("credential formats", () => {
    it("every rule has examples here", () => {
        expect(EXAMPLES.map(([id]) => id).sort()).toEqual([...FORMAT_RULE_IDS].sort());
    });

    it.each(EXAMPLES)("%s: finds the format and not its look-alike", (id, positive, negative) => {
        expect(findFormat(positive)?.id).toBe(id);
        expect(findFormat(negative)?.id).not.toBe(id);
    });

    it("a Docker config's auth is found once its document is parsed (DOCKER_AUTH_CONFIG), not a variable's own auth", () => {
        const config = (auth: string) => ({ environment: { variables: { DOCKER_AUTH_CONFIG: JSON.stringify({ auths: { "registry.acme.example": { auth } } }) } } });
        const found = (props: Record<string, unknown>) => findSensitiveValues("aws:lambda/function:Function", props, { sensitivePatterns: [], ignoreProperties: [] }).map((v) => v.reason);
        expect(found(config(b64text(`ci:${pw}`)))).toEqual([{ kind: "format", what: "Docker registry credentials" }]);
        expect(found(config(b64text("ci:${CI_JOB_TOKEN}")))).toEqual([]);
        expect(found({ environment: { variables: { CONFIG: JSON.stringify({ proxy: { auth: b64text(`ci:${pw}`) } }) } } })).toEqual([]);
    });

    // Helper 22: the legacy .dockercfg format keys `auth` by the registry alone (the ECS agent's
    // ECS_ENGINE_AUTH_DATA of the `dockercfg` type, AWS's "Private registry authentication for
    // container instances"), and user data echoes config.json with its quotes escaped.
    it("a Docker config's auth is found in the legacy dockercfg format and with escaped quotes", () => {
        const found = (type: string, props: Record<string, unknown>) => findSensitiveValues(type, props, { sensitivePatterns: [], ignoreProperties: [] }).map((v) => v.path);
        const ssm = (value: string) => found("aws:ssm/parameter:Parameter", { name: "/ecs/engine-auth", type: "String", value });
        const dockercfg = (auth: string) => JSON.stringify({ "https://index.docker.io/v1/": { auth, email: "ci@acme.example" } });
        expect(ssm(dockercfg(b64text(`ci:${pw}`)))).toEqual(["value.https://index.docker.io/v1/.auth"]);
        expect(found("aws:lambda/function:Function", { environment: { variables: { ECS_ENGINE_AUTH_DATA: JSON.stringify({ "registry.acme.example:5000": { auth: b64text(`ci:${pw}`) } }) } } }))
            .toEqual(["environment.variables.ECS_ENGINE_AUTH_DATA.registry.acme.example:5000.auth"]);
        expect(ssm(dockercfg(b64text("ci:")))).toEqual([]);
        expect(ssm(dockercfg(b64text("ci:<password>")))).toEqual([]);
        expect(ssm(JSON.stringify({ credHelpers: { "123456789012.dkr.ecr.us-east-1.amazonaws.com": "ecr-login" }, credsStore: "ecr-login" }))).toEqual([]);
        const escaped = (auth: string) => `#!/bin/bash\nmkdir -p /root/.docker\necho "{\\"auths\\":{\\"registry.acme.example\\":{\\"auth\\":\\"${auth}\\"}}}" > /root/.docker/config.json\n`;
        expect(findFormat(escaped(b64text(`ci:${pw}`)))?.id).toBe("docker-config-auth");
        expect(findFormat(escaped("$AUTH"))).toBeUndefined();
        expect(findFormat(escaped(b64text("ci:")))).toBeUndefined();
    });

    it("finds formats inside longer text (a script, a JSON document, escaped newlines)", () => {
        expect(findFormat(`#!/bin/bash\necho "${fake.github("in-script")}" | gh auth login --with-token`)?.id).toBe("github-token");
        expect(findFormat(JSON.stringify({ key: fake.rsaPem("in-json") }))?.id).toBe("pem-private-key");
        expect(findFormat(`[default]\naws_access_key_id = ${fake.awsKeyId("pair")}\nx = ${fake.awsSecretKey("pair")}`)?.id).toBe("aws-secret-access-key");
        // The Bot API's URL form, as a Lambda variable or a curl in a script (hghtwr/minecraft-ecs-telegram).
        expect(findFormat(`https://api.telegram.org/bot${fake.telegram("in-url")}/sendMessage`)?.id).toBe("telegram-bot-token");
        expect(findFormat(`curl -s "https://api.telegram.org/bot${fake.telegram("in-curl")}/sendMessage?chat_id=42"`)?.id).toBe("telegram-bot-token");
        expect(findFormat("https://api.telegram.org/bot${TELEGRAM_TOKEN}/sendMessage")?.id).toBeUndefined();
        expect(findFormat(`robot${fake.telegram("glued")}`)?.id).toBeUndefined();
    });

    it("finds the newer prefixed tokens where programs put them", () => {
        const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        expect(findFormat("api" + "_org_" + random("hf-org", 34, letters))?.id).toBe("huggingface-token");
        expect(findFormat("api_org_" + "a".repeat(34))?.id).toBeUndefined();
        // AWS's guide sets the key in AWS_BEARER_TOKEN_BEDROCK; a short-lived key is a presigned URL behind a fixed prefix.
        expect(findFormat(`export AWS_BEARER_TOKEN_BEDROCK=${fake.bedrock("in-script")}\npython app.py`)?.id).toBe("aws-bedrock-api-key");
        expect(findFormat("bedrock" + "-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09" + random("short-lived", 600, B64))?.id).toBe("aws-bedrock-api-key");
        expect(findFormat("bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t")?.id).toBeUndefined();
        expect(findFormat(JSON.stringify({ llm: { provider: "openrouter", key: fake.openrouter("in-json") } }))?.id).toBe("openrouter-api-key");
        expect(findFormat(`docker run -e OP_SERVICE_ACCOUNT_TOKEN=${fake.onePasswordServiceAccount("in-cmd")} app`)?.id).toBe("1password-service-account-token");
        // gitleaks' false positive of its Infracost rule: an asset's hashed name.
        expect(findFormat("http://assets.r7.com/assets/media_box_tv_tres_colunas/video_box.ico-7a388b69018576d24b59331fd60aab0c.png")?.id).toBeUndefined();
        // Dummies of the right length (TruffleHog's tests use them as inactive tokens).
        expect(findFormat("ship" + "po_live_" + "a".repeat(40))?.id).toBeUndefined();
        expect(findFormat("duf" + "fel_test_" + "a".repeat(43))?.id).toBeUndefined();
        // A base64 blob that merely contains a prefix is not a token.
        expect(findFormat(random("blob", 40, B64) + "AB" + "SK" + random("blob2", 120))?.id).toBeUndefined();
    });

    it("a format's placeholder, as documentation and templates write it, is not a credential (one character makes half of it)", () => {
        const placeholders = [
            "gh" + "p_" + "x".repeat(36), "gl" + "pat-XXXXXXXXXXX-XXXXXXXX", "hv" + "s." + "x".repeat(90), "xo" + "xb-000000000000-000000000000-" + "x".repeat(24),
            "https://hooks." + "slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX", "gl" + "c_" + "1".repeat(42) + "=", "0".repeat(32) + "-us" + "1",
            "sk" + "_live_" + "x".repeat(24), "base" + "64:" + "A".repeat(43) + "=", "Bearer " + "x".repeat(40),
            // gitleaks' own false positives of its Sourcegraph and OpenShift rules: a run of one character, a placeholder that says so.
            "sg" + "p_5555555dAAAAA7777777CcccCFaaaaaaaaaaaaaa",
            "--set kraken.kubeconfig.token.token=\"sha" + "256~XXXXXXXXXX_PUT_YOUR_TOKEN_HERE_XXXXXXXXXXXX\"",
        ];
        for (const value of placeholders) expect(findFormat(value)?.id, value.slice(0, 12)).toBeUndefined();
        // A real token of the same rule still is one.
        expect(findFormat(fake.github("placeholder-sibling"))?.id).toBe("github-token");
    });

    it("a BIP-39 recovery phrase is the list's words with their checksum; test vectors and development phrases are not", () => {
        const list = BIP39_ENGLISH.split(" ");
        expect(list).toHaveLength(2048);
        expect(createHash("sha256").update(list.join("\n") + "\n").digest("hex")).toBe("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
        // The trezor/python-mnemonic vector of entropy 9e885d952ad362caeb4efe34a8e91bd2 (its published phrase).
        expect(mnemonicOf(Buffer.from("9e885d952ad362caeb4efe34a8e91bd2", "hex"))).toBe("ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic");
        for (const words of [12, 15, 18, 21, 24]) {
            const phrase = fake.mnemonic(`phrase-${words}`, words);
            expect(phrase.split(" ")).toHaveLength(words);
            expect(isBip39Mnemonic(phrase), `${words} words`).toBe(true);
            expect(isBip39Mnemonic(`\n  ${phrase.replace(/ /g, "  ")}\n`)).toBe(true);
        }
        const phrase = fake.mnemonic("phrase-negatives").split(" ");
        const other = list.find((w) => w !== phrase[11] && !isBip39Mnemonic([...phrase.slice(0, 11), w].join(" ")))!;
        const negatives = [
            [...phrase.slice(0, 11), other].join(" "), // the checksum is wrong
            phrase.slice(0, 11).join(" "), [...phrase, "abandon"].join(" "), // not a phrase's length
            [...phrase.slice(0, 11), "bitcoin"].join(" "), phrase.join(" ").toUpperCase(), phrase.join("-"),
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", // test vectors: entropy of one byte
            "legal winner thank year wave sausage worth useful legal winner thank yellow",
            "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
            "test test test test test test test test test test test junk", // Hardhat's
            "myth like bonus scare over problem client lizard pioneer submit female collect", // Ganache's --deterministic
            "candy maple cake sugar pudding cream honey rich smooth crumble sweet treat", // Truffle's develop
            "please remember to rotate the api key every ninety days or sooner",
        ];
        for (const value of negatives) expect(isBip39Mnemonic(value), value).toBe(false);
    });

    it("a URL's password at a loopback host: a word is a sample's or an emulator's (decision 4), a generated one is still reported", () => {
        for (const url of ["postgres://user:pass@localhost:5432/db", "postgresql://postgres:postgres@127.0.0.1:5432/test", "redis://:devpassword@localhost:6379/0",
            "mysql://root:Secr3t!@[::1]:3306/app", "amqp://guest:guest@localstack:5672/"]) {
            expect(findFormat(url)?.id, url).toBeUndefined();
        }
        for (const url of [`postgres://app:${pw}@localhost:6432/orders`, "postgres://user:pass@localhost.attacker.example:5432/db", "postgres://user:pass@db.internal:5432/db"]) {
            expect(findFormat(url)?.id, url).toBe("url-password");
        }
    });

    it("webhook look-alikes: documentation, words and ids without a digit are not secrets", () => {
        for (const value of ["https://ci.acme.example/hooks/github", "https://ci.acme.example/hooks/deployment-notifications", "https://hooks.zapier.com/hooks/catch",
            "https://hooks.zapier.com/hooks/catch/1234567/bqwxyzp/", "https://api.us2.sumologic.com/api/v1/collectors", "sl.core,sl.web,sl.admin",
            "https://docs.mattermost.com/hooks/" + "a".repeat(26)]) {
            expect(findFormat(value)?.id, value).toBeUndefined();
        }
        // A Mattermost URL with a channel after the id, behind a path prefix.
        expect(findFormat(`https://acme.example/mattermost/hooks/${random("mm-prefix", 26, ZBASE32)}/alerts`)?.id).toBe("mattermost-webhook");
        expect(findFormat(`curl -H "Authorization: Bearer ${"ya" + "29.a0" + random("ya29-curl", 150, B64URL)}" https://www.googleapis.com/drive/v3/files`)?.id).toBe("google-oauth-access-token");
    });

    it("a Logic Apps or Power Automate trigger URL (Teams' Workflows webhooks) holds a SAS signature; a masked or missing one does not", () => {
        const trigger = "https://prod-27.westeurope.logic.azure.com:443/workflows/" + fake.hex("la-wf", 32) + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=";
        const direct = "https://0a1b2c3d4e5f.6a.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/" + fake.hex("pa-wf", 32) +
            "/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=";
        for (const value of [trigger + random("la-sig", 43, B64URL), direct + random("pa-sig", 43, B64URL), `curl -X POST "${trigger}${random("la-curl", 43, B64URL)}" -d @card.json`]) {
            expect(findFormat(value)?.id, value.slice(0, 40)).toBe("azure-sas-url");
        }
        for (const value of [trigger + "X".repeat(43), trigger + "<signature>", trigger + "${SIG}", trigger.replace(/&sv=.*$/, ""), "https://api.acme.example/x?sv=1.0&sig=short",
            "https://acmeprod.blob.core.windows.net/exports/report.csv?sv=2022-11-02&sp=r&sig=" + "*".repeat(43)]) {
            expect(findFormat(value)?.id, value.slice(-50)).toBeUndefined();
        }
    });

    it("a Zapier catch hook id without a digit is taken at an account number that is not a documentation run", () => {
        const zap = "https://hooks." + "zapier.com/hooks/catch/";
        for (const value of [`${zap}4817263/qwvkrtz/`, `${zap}20931847/bmxeuhq`, `curl -X POST ${zap}7362514/vhtqjcn/`]) {
            expect(findFormat(value)?.id, value).toBe("zapier-webhook");
        }
        for (const value of [`${zap}123456/abcdefg/`, `${zap}12345678/qwvkrtz/`, `${zap}4817263/xxxxxxx/`, `${zap}4817263/abcdxyz/`, `${zap}4817263/bqwxyzpq/`,
            `${zap}1111111/qwvkrtz/`, `${zap}123/abc`, `${zap}your-webhook-id/`]) {
            expect(findFormat(value)?.id, value).toBeUndefined();
        }
    });

    it("names a value by its format, never by its text", () => {
        for (const [, positive] of EXAMPLES) expect(findFormat(positive)!.what).not.toContain(positive.slice(0, 12));
    });

    it("costs linear time on 1 MB adversarial inputs (every repetition is bounded)", () => {
        const shapes = (n: number) => [
            "a".repeat(n), "ghp_".repeat(n / 4), "-----BEGIN PRIVATE KEY-----".repeat(n / 27), "postgres://u:".repeat(n / 13), "Basic QUFBQUFBQUFB".repeat(n / 17),
            "eyJhbGciOiJIUzI1NiJ9.eyJ".repeat(n / 24), "password=".repeat(n / 9), "?api_key=".repeat(n / 9), "secret_access_key=".repeat(n / 18), `${"A".repeat(39)} `.repeat(n / 40),
            "jdbc:x:".repeat(n / 7), "LoginModule required ".repeat(n / 21), "\"auth\":\"".repeat(n / 8), "sk-".repeat(n / 3), "0123456789abcdef".repeat(n / 16) + "NRAL",
            "&X-Amz-Credential=a".repeat(n / 20) + "X-Amz-Signature=", "?sv=2020-01-01".repeat(n / 14),
            `{"kty":"EC","d":"${"a".repeat(n)}`, `{"kty":"oct"`.repeat(n / 12), `{"kty":"RSA","d":"${"a".repeat(60)}"}`.repeat(n / 40),
            "AB" + "SK".repeat(n / 2), "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t" + "A".repeat(n), "op" + "s_eyJ" + "A".repeat(n), "EAAC" + "a".repeat(n),
            "fm2_" + "A".repeat(n), "cmVmd" + "a".repeat(n), "pscale_pw_".repeat(n / 10), `pscale_pw_${"a".repeat(63)}`.repeat(n / 73),
            "xoxe.xoxp-1-" + "A".repeat(n), "sha256~".repeat(n / 7), "API-".repeat(n / 4), "pat.".repeat(n / 4),
            "a:b@tcp(".repeat(n / 8), "x:".repeat(n / 2) + "@tcp(", "host=a password=".repeat(n / 16), `host=a ${"password= ".repeat(n / 10)}`,
            `${"abandon ".repeat(n / 8)}`,
            "https://a/hooks/".repeat(n / 16), `https://a${"/b".repeat(n / 2)}/hooks/`, "https://hooks.zapier.com/hooks/catch/1/".repeat(n / 39), "ya29.".repeat(n / 5), "sl.".repeat(n / 3),
            "https://endpoint1.collection.sumologic.com/receiver/v1/http/".repeat(n / 59), `-----BEGIN OpenVPN Static key V1-----\n${"0123456789abcdef\n".repeat(n / 17)}`,
            "postgres://u:p@localhost".repeat(n / 24), `postgres://u:p@${"a".repeat(n)}`,
        ];
        expectLinear((n) => {
            for (const s of shapes(n)) findFormat(s);
        }, 200);
    });
});

describe("public material: published by design, whatever the name", () => {
    const cert = fake.certificatePem("pub-cert");
    it.each([
        ["a PEM certificate", cert],
        ["a certificate chain", cert + fake.certificatePem("pub-chain")],
        ["a chain with escaped newlines (JSON, .env)", (cert + fake.certificatePem("pub-chain-esc")).replace(/\n/g, "\\n")],
        ["a PEM public key", fake.publicKeyPem("pub-key")],
        ["a certificate request", fake.certificatePem("pub-csr").replace(/CERTIFICATE/g, "CERTIFICATE REQUEST")],
        ["an RSA SubjectPublicKeyInfo as base64 DER", fake.publicKeyDer("pub-der")],
        ["an EC P-256 one", fake.publicKeyDer("pub-der-ec", "ec")],
        ["a certificate as base64 DER", derCertificate("pub-der-cert")],
        ["base64 of a PEM public key", b64text(fake.publicKeyPem("pub-b64"))],
        ["an OpenSSH public key line", fake.sshPublic("pub-ssh")],
        ["authorized_keys lines", `${fake.sshRsaPublic("pub-ssh-1")}\n${fake.sshPublic("pub-ssh-2")}\n`],
    ])("%s", (_label, value) => expect(isPublicMaterial(value)).toBe(true));

    it.each([
        ["a certificate with its private key", cert + fake.pkcs8Pem("pub-with-key")],
        ["a PEM private key", fake.rsaPem("pub-rsa")],
        ["an encrypted PKCS#8 key as base64 DER (an OCTET STRING where a public key has its BIT STRING)", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI" + random("pub-enc", 1200, B64)],
        ["a PKCS#8 key as base64 DER", derPrivateKey("pub-pkcs8")],
        ["an EC key as base64 DER", derPrivateKey("pub-ec", "ec")],
        ["base64 of a PEM private key", b64text(fake.pkcs8Pem("pub-b64-priv"))],
        ["text before a certificate", "subject=CN=acme\n" + cert],
        ["an unterminated block", cert.slice(0, 200)],
        ["a random token starting with M", "M" + random("pub-random", 60, B64)],
        ["an SSH public key followed by a password", `${fake.sshPublic("pub-ssh-pw")}\nroot:${fake.password("pub-ssh-pw")}`],
        ["a short value", "MIIB"],
    ])("not %s", (_label, value) => expect(isPublicMaterial(value)).toBe(false));

    it("costs linear time on 1 MB adversarial inputs", () => {
        const shapes = (n: number) => ["-----BEGIN CERTIFICATE-----".repeat(n / 27), "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----".repeat(n / 50),
            `ssh-ed25519 AAAA${"A".repeat(60)}\n`.repeat(n / 80), "M" + "I".repeat(n), "LS0tLS1CRUdJTi" + "A".repeat(n)];
        expectLinear((n) => {
            for (const s of shapes(n)) isPublicMaterial(s);
        }, 200);
    });
});

describe("value shapes", () => {
    it.each([
        ["${DB_PASSWORD}"], ["$API_TOKEN"], ["$(cat /run/secrets/x)"], ["{{ token }}"], ["<your-token>"], ["%(api_key)s"], ["********"], ["REDACTED"],
        ["your_secret_key"], ["REPLACE_ME"], ["sk-..."], ["-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"], ["arn:aws:secretsmanager:us-east-1:123456789012:secret:x"],
        ["{{resolve:secretsmanager:prod/db:SecretString:password}}"], ["${{ secrets.TOKEN }}"], ["$.password"], [""], ["   "],
        ["Ref::apiKey"], ["ENC[db_password]"], ["ENC[AES256_GCM,data:Zm9v,iv:aXY=,tag:dGFn,type:str]"],
        ["gh" + "p_" + "x".repeat(36)], ["sk" + "_live_" + "x".repeat(24)], ["gl" + "pat-XXXXXXXXXXX-XXXXXXXX"], ["hv" + "s." + "0".repeat(24)],
        ["gh" + "p_YOUR_TOKEN_HERE_0123456789"],
        // Instructions for a value the program leaves to the console (ignoreChanges on a SecureString).
        // Google Cloud's documentation writes placeholders in capitals between brackets (kaysal/cloud-networking's `: PSK "[secret-key]"`).
        ["[secret-key]"], ["[SHARED_SECRET]"],
        ["fill_me_in"], ["FILL_ME_IN"], ["To Replace"], ["placeholder-replace-me"], ["set-in-console"], ["TO_BE_FILLED"], ["not-set"], ["to_replace"],
    ])("%j cannot be a credential", (v) => expect(isUnusable(v)).toBe(true));

    it("a token placeholder is a prefix and a dummy body, not any value with a prefix", () => {
        for (const v of ["app_Xq8Lp2Rt7Vn4Mz9Kd3", "Pass_wordwordwordword", "db-" + "a1b2c3d4e5f6g7h8", "x_" + "abc".repeat(3)]) expect(isUnusable(v), v).toBe(false);
    });

    it("`$NAME` is a reference, except in a provider-marked input, where nothing expands it", () => {
        expect(isUnusable("$ecretPassw0rd9")).toBe(true);
        expect(isUnusableLiterally("$ecretPassw0rd9")).toBe(false);
        for (const v of ["${DB_PASSWORD}", "$(cat /run/secrets/x)", "<your-token>", "Ref::apiKey", ""]) expect(isUnusableLiterally(v), v).toBe(true);
    });

    it("a VTL reference with members or calls is filled per request, except in a provider-marked input", () => {
        for (const v of ["$input.path('$.password')", "$util.escapeJavaScript($input.params('token'))", "$util.base64Decode($util.escapeJavaScript($input.json('$.secret')))",
            "$input.params().header.get('x-api-key')", "$inputRoot.password", "$ctx.args.input[0].token", "$!{input.path('$.password')}", "${ctx.stash.apiKey}"]) {
            expect(isUnusable(v), v).toBe(true);
        }
        expect(isUnusableLiterally("$Master.Passw0rd")).toBe(false);
        expect(isUnusableLiterally("$!{input.path('$.password')}")).toBe(true);
        // Not references: a literal with a `$` inside, an unbalanced call, a hash.
        for (const v of ["pa$word.Secret9", "$input.path('$.x'", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "$ecret.Passw0rd 2"]) {
            expect(isUnusable(v), v).toBe(false);
        }
    });

    it("VTL references are judged in linear time", () => {
        const started = Date.now();
        // Under the 4,096 characters a value is shaped up to (longer ones are never placeholders).
        for (const v of ["$a" + ".b(".repeat(1_300), "$a" + ".b(((".repeat(800) + ")", "$a" + ".b".repeat(2_000) + "(", "$!{a" + ".b(c)".repeat(800), "$a.b(" + "(x)".repeat(1_300)]) {
            expect(v.length).toBeLessThan(4096);
            expect(isUnusable(v)).toBe(false);
        }
        expect(Date.now() - started).toBeLessThan(5000);
    });

    it.each([
        [random("totp", 32, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")], ["K7QX9ZP2MWL4RT8B"], ["CHANGEME"], ["Rz8qLm3Xv9TbWc2NpKd7YhJf4Gs6Ae1Uo/Ix5QkT"], ["admin:S3cr3tP4ss"],
        // Dotted passphrases: a first label mixing small letters, capitals and digits is not a host's.
        ["Blue42.Falcon.Ridge"], ["Kx9mPq2vL7.prod"], ["S3cr3t.Passw0rd.2024"], ["Bearer Zx8Kq2Lm5Vn7Rt9Wb3Yp"], ["BearerToken42"],
        // A run of 16 capitals is random, not an enum (Erlang's generated cookies).
        ["QWERTYUIOPASDFGHJKLZ"],
    ])("%j is neither an enum, a path nor a host", (v) => expect(isSettingShaped(v)).toBe(false));

    it.each([["changeme"], ["password"], ["test"], ["hunter2-not-real"], [pw]])("%j can be one (decision: literal weak passwords count)", (v) => {
        expect(isUnusable(v)).toBe(false);
        expect(isSettingShaped(v)).toBe(false);
    });

    it.each([
        ["3600"], ["0.5"], ["true"], ["disabled"], ["15m"], ["PT5M"], ["64MiB"], ["2024-01-01T00:00:00Z"], ["debug"], ["/prod/db/password"], ["prod/orders/db-credentials"],
        ["private_key.pem"], ["https://auth.example.com/oauth2/token"], ["ops@acme.example"], ["db.internal.example"], ["AWSCURRENT"], ["SCRAM-SHA-256"],
        ["lasso-secrets-stage"], ["app-session-tokens"], ["jwt_secret"], [fake.bcrypt("v")], ["airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend"],
        ["scram-sha-256"], ["HS256"], ["argon2id"], ["aws:PrincipalOrgID"], ["aws:RequestTag/Environment"], ["AES256"], ["TLSV1_2"], ["secrets/OrdersDbCredentials/v1"],
        ["org.springframework.security.crypto.argon2.Argon2PasswordEncoder"], ["db.t3.micro"], ["EC2.INTERNAL"], ["ip-10-0-1-5.ec2.internal"], ["Web01.corp.example"],
        // An authentication scheme alone (a WAF rule matching `Bearer `), not what follows it.
        ["Bearer "], ["Basic"], ["token"], ["Negotiate"],
        // API Gateway's static empty value (a header cleared before the backend), and a dash.
        ["''"], ["'-'"],
        // KMS ciphertext (Datadog's DD_KMS_API_KEY: "the KMS-encrypted API Key"), the name of the secret RDS manages.
        // S3 bucket names carrying the account id (ARTIFACT_BUCKET_KEY, STATE_KEY), a region too.
        ["my-artifacts-123456789012"], ["tf-state-123456789012-us-east-1"], ["acme.logs.123456789012.eu-west-2"],
        ["AQICAHh" + random("kms-blob", 180, B64)], ["AQECAHh" + random("kms-blob-v1", 180, B64)], ["md5" + fake.hex("pg-md5", 32)], ["rds!db-0f2c4e6a-8b1d-4c3e-9f5a-7b6c5d4e3f2a"], ["rds!cluster-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"],
    ])("%j is a setting or the name of a thing", (v) => expect(isSettingShaped(v)).toBe(true));

    it("Sealed Secrets values are ciphertext sealed to the controller's public key (2048, 3072 and 4096-bit keys, long values too); their prefix without their shape is not", () => {
        for (const v of [fake.sealedSecret("sealed-4096"), fake.sealedSecret("sealed-2048", 256), fake.sealedSecret("sealed-3072", 384), fake.sealedSecret("sealed-empty", 512, 0),
            fake.sealedSecret("sealed-tls-key", 512, 3300)]) expect(isSettingShaped(v), v.slice(0, 8)).toBe(true);
        const short = fake.sealedSecret("sealed-short").slice(0, 600);
        for (const v of ["AgB" + random("sealed-prefix", 40, B64), short, fake.sealedSecret("sealed-odd-length", 500), fake.password("sealed-pw"), fake.awsSecretKey("sealed-aws")]) {
            expect(isSettingShaped(v), v.slice(0, 8)).toBe(false);
        }
    });

    it("publishable keys are public whatever their name; the same services' secret keys are not", () => {
        for (const v of [fake.stripePublishable("pub"), "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k", `phc_${random("ph", 43)}`]) expect(isPublishableKey(v)).toBe(true);
        for (const v of [fake.stripeSecret("sec"), `rk_live_${random("rk", 24)}`, `phx_${random("px", 43)}`, "pk_live_", `pk_prod_${random("pp", 24)}`]) expect(isPublishableKey(v)).toBe(false);
    });

    it("beside a local emulator, a word is a dummy credential; a generated-looking key is not", () => {
        for (const v of ["test", "dev", "localstack", "local-secret-key", "foobar"]) expect(isEmulatorDummy(v), v).toBe(true);
        for (const v of [fake.awsKeyId("emu"), fake.awsSecretKey("emu"), random("emu", 32)]) expect(isEmulatorDummy(v)).toBe(false);
    });

    it("verifiers are not credentials (decision)", () => {
        expect(isVerifier(fake.bcrypt("x"))).toBe(true);
        expect(isVerifier(fake.sha512crypt("x"))).toBe(true);
        expect(isVerifier("admin:$apr1$abcdefgh$ijklmnopqrstuvwxyz0123")).toBe(true);
        // PostgreSQL's SCRAM verifier (pg_authid, pgbouncer's auth_file): salt, StoredKey and ServerKey in base64.
        const scram = `SCRAM-SHA-256$4096:${random("scram-salt", 24, B64)}$${random("scram-stored", 43, B64)}=:${random("scram-server", 43, B64)}=`;
        expect(isVerifier(scram)).toBe(true);
        for (const v of [pw, "SCRAM-SHA-256", `SCRAM-SHA-256$4096:${pw}`, `SCRAM-SHA-256$${pw}`, `${scram}:${pw}`]) expect(isVerifier(v), v.slice(0, 20)).toBe(false);
    });

    it("random-looking values", () => {
        expect(looksRandom(fake.datadogApi("r"))).toBe(true);
        expect(looksRandom(random("r", 32))).toBe(true);
        expect(looksRandom("orders-session-cache-primary")).toBe(false);
        expect(looksRandom("short")).toBe(false);
        expect(looksRandom("has spaces in it, a sentence")).toBe(false);
    });
});

describe("names", () => {
    it.each([
        ["DB_PASSWORD", "credential"], ["STRIPE_KEY", "weak"], ["X-Origin-Verify", "weak"], ["PASSWORD_MIN_LENGTH", "describing"], ["LOG_LEVEL", "none"],
        ["NEXT_PUBLIC_SUPABASE_ANON_KEY", "describing"], ["AWS_SECRET_ACCESS_KEY", "credential"], ["AWS_ACCESS_KEY_ID", "none"],
        // Redis's directives, a password abbreviated after a qualifier, Honeycomb's write key; a token's use and keys fetched from a key server.
        ["requirepass", "credential"], ["masterauth", "credential"], ["DB_PW", "credential"], ["HONEYCOMB_WRITEKEY", "credential"],
        ["TOKEN_USE", "describing"], ["recv-keys", "none"], ["PW_TEST_HTML_REPORT_OPEN", "none"],
        // Erlang distribution's shared secret; a session cookie's name is not one.
        ["RELEASE_COOKIE", "credential"], ["RABBITMQ_ERLANG_COOKIE", "credential"], ["SESSION_COOKIE", "none"],
        ["RABBITMQ_ERL_COOKIE", "credential"], ["EMQX_NODE__COOKIE", "credential"], ["setcookie", "credential"],
        // `key` alone names an entry (an S3 object's, a KeyValueStore's), not a key.
        ["key", "none"], ["Key", "none"],
        // Bundler's credentials for a gem source, named by its host; its other settings are not (helper 15).
        ["BUNDLE_GEMS__CONTRIBSYS__COM", "credential"], ["BUNDLE_RUBYGEMS__PKG__GITHUB__COM", "credential"], ["bundle_enterprise__contribsys__com", "credential"],
        ["BUNDLE_PATH", "none"], ["BUNDLE_GEMFILE", "none"], ["BUNDLE_WITHOUT", "none"], ["BUNDLE_BUILD__NOKOGIRI", "none"], ["BUNDLE_LOCAL__RACK", "none"],
        ["BUNDLE_MIRROR__HTTPS://RUBYGEMS__ORG/", "none"], ["BUNDLE_GEM__TEST", "none"],
        // Airflow's `_SECRET` names a backend key (only a random value there may be the secret) and `_CMD` a command (helper 46);
        // its options themselves, and Airflow 3's jwt_secret, hold credentials.
        ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_SECRET", "weak"], ["AIRFLOW__WEBSERVER__SECRET_KEY_SECRET", "weak"], ["AIRFLOW__SMTP__SMTP_PASSWORD_SECRET", "weak"],
        ["AIRFLOW__CELERY__FLOWER_BASIC_AUTH_SECRET", "weak"], ["AIRFLOW__WEBSERVER__SECRET_KEY_CMD", "describing"], ["AIRFLOW__SMTP__SMTP_PASSWORD_CMD", "describing"],
        ["AIRFLOW__WEBSERVER__SECRET_KEY", "credential"], ["AIRFLOW__SMTP__SMTP_PASSWORD", "credential"], ["AIRFLOW__API_AUTH__JWT_SECRET", "credential"], ["CLIENT_SECRET", "credential"],
        // New Relic's charts name the key in a Kubernetes Secret that holds a key (only a random value there may be the key itself,
        // helper 92); the secret key of AWS, of a JWT or of an app, and a custom secret, are credentials.
        ["customSecretLicenseKey", "weak"], ["customUserKeySecretKey", "weak"], ["customInsightsKeySecretKey", "weak"], ["global.customSecretLicenseKey", "weak"],
        ["customSecretName", "describing"], ["customSecretKey", "credential"], ["CUSTOM_SECRET", "credential"], ["AWS_SECRET_KEY", "credential"], ["JWT_SECRET_KEY", "credential"],
        ["APP_SECRET_KEY", "credential"], ["CLIENT_SECRET_KEY", "credential"], ["TOKEN_SECRET_KEY", "credential"], ["SECRET_SIGNING_KEY", "credential"], ["licenseKey", "credential"],
    ])("%s: %s", (name, kind) => expect(judgeName(name).kind).toBe(kind));

    it("public-by-design names", () => {
        for (const n of ["NEXT_PUBLIC_FIREBASE_API_KEY", "VITE_MAPBOX_TOKEN", "REACT_APP_KEY", "STRIPE_PUBLISHABLE_KEY", "SUPABASE_ANON_KEY", "RECAPTCHA_SITE_KEY", "MIX_PUSHER_APP_KEY",
            "BRAINTREE_TOKENIZATION_KEY", "SEGMENT_WRITEKEY"]) {
            expect(judgeName(n).public, n).toBe(true);
        }
        expect(judgeName("STRIPE_SECRET_KEY").public).toBe(false);
    });
});

describe("scripts and argument lists", () => {
    // As policies/lib/sensitive.ts's scriptJudge, without provider patterns: placeholders never count.
    const judge = (name: string, value: string) => !isUnusable(value) && judgeName(name).kind === "credential" && !isSettingShaped(value);
    it.each([
        [`export DB_PASSWORD='${pw}'`, "a variable assignment"],
        [`$env:ADMIN_PASSWORD = "${pw}"`, "a variable assignment"],
        [`./app --password ${pw}`, "a command-line flag's value"],
        [`./app --api-key=${pw}`, "a command-line flag's value"],
        [`mysql -uroot -p${pw} -e "select 1"`, "`mysql -p`"],
        [`docker login -u ci -p ${pw} registry.example`, "`docker login -p`"],
        [`curl -u deploy:${pw} https://x`, "`curl -u user:password`"],
        [`sshpass -p '${pw}' ssh host`, "`sshpass -p`"],
        [`redis-cli -h cache -a ${pw} PING`, "`redis-cli -a`"],
        [`htpasswd -b -c /etc/nginx/.htpasswd admin ${pw}`, "`htpasswd -b`"],
        [`echo 'root:${pw}' | chpasswd`, "a line piped to `chpasswd`"],
        [`machine git.example login ci password ${pw}`, "a .netrc entry"],
        [`aws configure set aws_secret_access_key ${pw}`, "`aws configure set`"],
        [`chpasswd:\n  list: |\n    ec2-user:${pw}\n`, "a cloud-init `chpasswd` list"],
        [`  password: ${pw}`, "a configuration line"],
        // A .env or environment file written line by line, as course and demo programs' user data do.
        [`echo 'DB_PASSWORD = "${pw}"' >> .env`, "a variable assignment"],
        [`sudo echo "DB_PASSWORD=${pw}" >> /opt/app/.env`, "a variable assignment"],
        [`echo -e "DB_USER=app\\nDB_PASSWORD=${pw}" > .env`, "a variable assignment"],
        [`printf 'API_TOKEN=${pw}\\n' | sudo tee -a /etc/environment`, "a variable assignment"],
        [`echo "password: ${pw}" >> config.yml`, "a configuration line"],
        // A literal fed to a command that reads its credential from stdin (getnuvo/pipelines-selfhost's user data).
        [`echo '${pw}' | docker login -u 'acme' --password-stdin`, "a value piped to `--password-stdin`"],
        [`printf '%s' "${pw}" | sudo docker login registry.acme.example --username ci --password-stdin`, "a value piped to `--password-stdin`"],
        [`echo -n ${pw} | helm registry login ghcr.io -u acme --password-stdin`, "a value piped to `--password-stdin`"],
        [`echo ${pw} | gh auth login --with-token`, "a value piped to `--password-stdin`"],
        [`java -Xmx1g -Dspring.datasource.password=${pw} -jar app.jar`, "a JVM system property (`-D`)"],
        [`net user Administrator "${pw}"`, "`net user`"],
        [`NET USER svc ${pw} /add`, "`net user`"],
        [`$pw = ConvertTo-SecureString '${pw}' -AsPlainText -Force`, "`ConvertTo-SecureString -AsPlainText`"],
        [`curl -H "X-Api-Key: ${pw}" https://x`, "a request header (`curl -H`)"],
        [`$AdminPassword = "${pw}"`, "a variable assignment"],
        [`java -jar app.jar --spring.datasource.password=${pw}`, "a command-line flag's value"],
        // The ECS agent's registry credentials ("Private registry authentication for container instances"), quotes escaped or not.
        [`ECS_ENGINE_AUTH_DATA={"https://index.docker.io/v1/":{"username":"ci","password":"${pw}","email":"ci@acme.example"}}`, "a JSON member"],
        [`echo "ECS_ENGINE_AUTH_DATA={\\"registry.acme.example\\":{\\"username\\":\\"ci\\",\\"password\\":\\"${pw}\\"}}" >> /etc/ecs/ecs.config`, "a JSON member"],
        [`curl -s -X POST https://api.acme.example/login -d '{"user":"ops","password":"${pw}"}'`, "a JSON member"],
        [`psql -h db.internal -U postgres -c "CREATE USER app WITH PASSWORD '${pw}';"`, "a SQL password literal"],
        [`echo "//npm.acme.example/:_authToken=${pw}" >> /home/ec2-user/.npmrc`, "an .npmrc registry credential"],
        [`echo '//artifactory.acme.example/api/npm/npm/:_password=${Buffer.from(pw).toString("base64")}' >> ~/.npmrc`, "an .npmrc registry credential"],
        [`mysql -e "CREATE USER 'app'@'%' IDENTIFIED BY '${pw}';"`, "a SQL password literal"],
        // A local user's password hashed on the host from a literal.
        [`usermod --password $(openssl passwd -1 '${pw}') deploy`, "`openssl passwd`"],
        // A valueless flag before the credential flag (Splunk's documented --seed-passwd), one or three of them.
        [`app migrate --verbose --db-password ${pw}`, "a command-line flag's value"],
        [`splunk start --accept-license --answer-yes --no-prompt --seed-passwd ${pw}`, "a command-line flag's value"],
        [`redis-server --appendonly yes --requirepass ${pw}`, "a command-line flag's value"],
        // One dash, a word long: keytool, a Jenkins agent's secret.
        [`keytool -importkeystore -srckeystore c.p12 -srcstorepass ${pw} -destkeystore app.jks`, "a command-line flag's value"],
        [`java -jar agent.jar -url http://jenkins.internal:8080/ -secret ${fake.hex("jenkins", 64)} -name ec2-agent`, "a command-line flag's value"],
        [`docker run -d -e "POSTGRES_PASSWORD=${pw}" postgres:16`, "a variable assignment"],
        [`kubectl create secret generic db --from-literal=password=${pw}`, "a variable assignment"],
        [`aws cloudformation create-stack --stack-name app --parameters ParameterKey=DbPassword,ParameterValue=${pw}`, "an AWS CLI name/value pair"],
        [`echo "${pw}" | passwd --stdin ec2-user`, "a value piped to \`--password-stdin\`"],
        [`rabbitmqctl add_user admin ${pw}`, "\`rabbitmqctl add_user\`"],
        [`mysql -e "ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY '${pw}';"`, "a SQL password literal"],
        [`openssl pkcs12 -export -in c.pem -inkey k.pem -out c.p12 -passout pass:${pw}`, "\`openssl -passout pass:\`"],
        [`mount -t cifs //fs01/share /mnt/share -o username=svc,password=${pw},vers=3.0`, "a mount option"],
        [`echo "mysql-server mysql-server/root_password password ${pw}" | debconf-set-selections`, "a debconf answer"],
        [`#cloud-config\ndebconf_selections: |\n  mysql-server mysql-server/root_password password ${pw}\n`, "a debconf answer"],
        [`sed -i "s/password_here/${pw}/" wp-config.php`, "a \`sed\` edit of wp-config.php"],
        [`define( 'DB_PASSWORD', '${pw}' );`, "a PHP constant"],
        [`requirepass ${pw}`, "a redis.conf directive"],
        // helper 36: redis.conf's directive written by sed, as a replacement or an inserted line (public user data).
        [`sed -i 's/# requirepass foobared/requirepass ${pw}/g' /etc/redis.conf`, "a redis.conf directive"],
        [`sudo sed -i '1i bind 0.0.0.0\\nrequirepass ${pw}\\nport 6379' /etc/redis6/redis6.conf`, "a redis.conf directive"],
        [`mongosh admin --eval 'db.createUser({user: "admin", pwd: "${pw}", roles: ["root"]})'`, "an object member"],
        [`      <password>${pw}</password>`, "an XML element"],
        [`gitlab_rails['initial_root_password'] = '${pw}'`, "a keyed setting"],
        // terraform's -var="name=value", the AWS CLI's lower-case shorthand and maps, openssl's pass: source quoted.
        [`terraform apply -auto-approve -var="db_password=${pw}"`, "a variable assignment"],
        [`aws ecs run-task --overrides 'containerOverrides=[{name=app,environment=[{name=DB_PASSWORD,value=${pw}}]}]'`, "an AWS CLI name/value pair"],
        [`aws lambda update-function-configuration --function-name api --environment "Variables={DB_USER=app,DB_PASSWORD=${pw}}"`, "a variable assignment"],
        [`openssl enc -aes-256-cbc -d -in a.enc -out a -pass "pass:${pw}"`, "a command-line flag's value"],
        // XML naming a value by an attribute (.NET appSettings, Hibernate), Erlang's cookie on erl's command line (helper 13).
        [`<add key="SmtpPassword" value="${pw}" />`, "an XML element"],
        [`<property name="hibernate.connection.password">${pw}</property>`, "an XML element"],
        [`erl -name app@host -setcookie ${pw} -s app`, "a command-line flag's value"],
        [`useradd -m -p "$(openssl passwd -6 -salt x9 ${pw})" ops`, "`openssl passwd`"],
        // ipsec.secrets, a .pgpass written by the script, net use, SQL*Plus and Data Pump logons, Hadoop's properties (helper 15).
        [`echo "52.0.0.10 13.0.0.20: PSK "${pw}"" > /etc/ipsec.d/aws.secrets`, "an ipsec.secrets pre-shared key"],
        [`echo "%any : PSK \\"${pw}\\"" | sudo tee /etc/ipsec.secrets`, "an ipsec.secrets pre-shared key"],
        [`cat <<EOF > /etc/ipsec.secrets\n\${LOCAL_IP} \${REMOTE_IP} : PSK "${pw}"\nEOF`, "an ipsec.secrets pre-shared key"],
        [`echo ': PSK 0s${random("psk-b64", 44, B64)}' > /etc/ipsec.secrets`, "an ipsec.secrets pre-shared key"],
        [`cat > /root/.pgpass <<EOF\norders.cluster-abc.us-east-1.rds.amazonaws.com:5432:orders:app:${pw}\nEOF\nchmod 600 /root/.pgpass`, "a .pgpass entry"],
        [`echo "localhost:5432:*:postgres:${pw}" > ~/.pgpass`, "a .pgpass entry"],
        [`net use Z: \\\\fs01.corp.example\\share ${pw} /user:CORP\\svc_backup /persistent:yes`, "`net use`"],
        [`&net use Z: \\\\fs01\\data /user:svc_backup "${pw}"`, "`net use`"],
        [`sqlplus -s admin/${pw}@orcl.abc.us-east-1.rds.amazonaws.com:1521/ORCL @/tmp/init.sql`, "`sqlplus user/password@db`"],
        [`sqlplus sys/${pw}@localhost:1521/ORCLCDB as sysdba <<EOF`, "`sqlplus user/password@db`"],
        [`sqlplus -L "scott/${pw}@orcl as sysdba" @x.sql`, "`sqlplus user/password@db`"],
        [`expdp userid=system/${pw}@ORCL directory=DATA_PUMP_DIR dumpfile=full.dmp full=y`, "`sqlplus user/password@db`"],
        [`<property><name>javax.jdo.option.ConnectionPassword</name><value>${pw}</value></property>`, "a Hadoop configuration property"],
        [`cat > hive-site.xml <<EOF\n<property>\n  <name>javax.jdo.option.ConnectionPassword</name>\n  <value>${pw}</value>\n</property>\nEOF`, "a Hadoop configuration property"],
        [`<property>\n<name>fs.s3a.secret.key</name>\n<value>${random("s3a", 40, B64)}</value>\n</property>`, "a Hadoop configuration property"],
        // helper 28: SQL*Plus's and RMAN's CONNECT inside the heredoc they read; a generated key given to Rails' asset build,
        // and a word given to the server (decision 4: only the asset build's values are dummies).
        [`sqlplus /nolog <<EOF\nconnect app_owner/${pw}@ORCLPDB1\n@/opt/app/schema.sql\nEOF`, "a SQL*Plus `connect user/password`"],
        [`sqlplus -s /nolog << EOF\n  CONNECT system/${pw}@//db.internal:1521/ORCL;\nEOF`, "a SQL*Plus `connect user/password`"],
        [`sqlplus /nolog <<SQL\nconn hr/${pw}@XEPDB1\nSQL`, "a SQL*Plus `connect user/password`"],
        [`rman <<EOF\nconnect target sys/${pw}@PROD\nbackup database;\nEOF`, "a SQL*Plus `connect user/password`"],
        [`sqlplus /nolog <<EOF\nCONNECT sys/${pw} AS SYSDBA\nshutdown immediate\nEOF`, "a SQL*Plus `connect user/password`"],
        [`SECRET_KEY_BASE=${fake.hex("skb", 128)} bundle exec rails assets:precompile`, "a variable assignment"],
        ["export SECRET_KEY_BASE=dummy\nbundle exec puma -C config/puma.rb", "a variable assignment"],
        ["SECRET_KEY_BASE=dummy bin/rails server -b 0.0.0.0", "a variable assignment"],
        // helper 33: a password before a redirection (batch files' `>nul 2>&1`).
        [`net use Z: \\\\fs01\\share ${pw} /user:CORP\\svc >nul 2>&1`, "`net use`"], [`net user svc_backup ${pw} /add >nul`, "`net user`"],
        [`htpasswd -b -c /etc/nginx/.htpasswd admin ${pw} > /dev/null`, "`htpasswd -b`"],
    ])("%j", (script, what) => expect(findCredentialInScript(script, judge)?.what).toBe(what));

    it.each([
        ["TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token)"], ['export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)"'],
        ["docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com"], ["mysql -h db -u app -p orders < schema.sql"],
        ["docker run -p3306:3306 mysql:8"], ["./app --password-file /run/secrets/db --token-ttl 3600"], ["curl -u \"$USER:$PASS\" https://x"],
        ["mkdir -p /var/lib/mysql"], ["lock_passwd: false"], ["yum install -y nginx"],
        ['echo "DB_HOST=orders.c0example0ab.eu-west-1.rds.amazonaws.com" >> .env'], ['echo "DB_PASSWORD=$DB_PASSWORD" >> .env'],
        ["echo 'DB_PASSWORD=${DB_PASSWORD}' >> .env"], ['echo "Setting the database password"'], ["printf 'PASSWORD_MIN_LENGTH=12\\n' >> .env"],
        ['echo "export DB_PASSWORD=$(aws ssm get-parameter --name /app/db --with-decryption --query Parameter.Value --output text)" >> ~/.bashrc'],
        ['echo "$DOCKERHUB_TOKEN" | docker login -u acme --password-stdin'], ["echo ${{ secrets.GHCR_TOKEN }} | docker login ghcr.io -u acme --password-stdin"],
        ["printf '%s' \"${REGISTRY_PASSWORD}\" | docker login -u ci --password-stdin"], ["echo $(aws ecr get-login-password) | docker login -u AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com"],
        ["echo 'logging in' && docker login -u acme --password-stdin < /run/secrets/hub"], ["cat /run/secrets/hub | docker login -u acme --password-stdin"],
        ["java -Dspring.datasource.password=$DB_PASSWORD -Dkeystore.password=${KS_PASS} -jar app.jar"], ["mvn -B deploy -DskipTests -Dpassword.min-length=12"],
        ["net user Administrator $env:ADMIN_PASSWORD"], ["net user Guest /active:no"], ["net user ops *"],
        ["Write-Host 'Run net user admin to check the account'"], ["net user deploy (Get-SSMParameter -Name /a -WithDecryption $true).Value"],
        ["$s = ConvertTo-SecureString $pw -AsPlainText -Force"], ["$s = ConvertTo-SecureString -String (Get-SSMParameter -Name /a).Value -AsPlainText"],
        [`$s = ConvertTo-SecureString '${pw}'`], [`$s = ConvertTo-SecureString ${pw} -AsPlainText`],
        ['curl -H "Content-Type: application/json" -H "X-Request-Id: $(uuidgen)" -H "X-Api-Key: $API_KEY" https://x'],
        ['curl -H "Authorization: Bearer $TOKEN" -H "Authorization: token ${GH_TOKEN}" https://x'], [`grep -H "X-Api-Key: ${pw}" /var/log/app.log`],
        // chpasswd lines are judged as passwords, as the other password arguments: placeholders pass.
        ["echo 'ubuntu:<password>' | chpasswd"], ["echo 'ec2-user:REPLACE_ME' | sudo chpasswd"], ["chpasswd:\n  list: |\n    ec2-user:<your-password>\n    ops:RANDOM\n"],
        ['$AdminPassword = (Get-SSMParameter -Name /win/admin -WithDecryption $true).Value'], ['$DbPassword = "$env:DB_PASSWORD"'], ['$TokenUrl = "https://sts.acme.example/token"'],
        ["java -jar app.jar --spring.datasource.password=${DB_PASSWORD} --spring.datasource.username=app"],
        ['ECS_ENGINE_AUTH_DATA={"https://index.docker.io/v1/":{"username":"ci","password":"${DOCKER_PASSWORD}","email":"ci@acme.example"}}'],
        [`curl -d '{"user":"ops","password":"$(cat /run/secrets/pw)","passwordPolicy":"strict"}' https://x`], ['echo \'{"tokenType":"Bearer","secretName":"prod/api"}\' > /etc/app.json'],
        ['echo "//npm.acme.example/:_authToken=${NPM_TOKEN}" >> ~/.npmrc'], ["echo 'always-auth=true' >> ~/.npmrc"],
        [`psql -c "ALTER USER app WITH PASSWORD '$DB_PASSWORD';"`], [`psql -c "CREATE USER etl PASSWORD 'md5153c434b4b77c89e6b94f12c5393af5b';"`], [`psql -c "ALTER USER etl PASSWORD '<password>';"`],
        ["useradd -p $(openssl passwd -1 $PASSWORD) $USER_NAME"], ['useradd -p "$(openssl passwd -6 "$ADMIN_PW")" admin'], ['useradd -p "$(echo $PW | openssl passwd -6 -stdin)" admin'],
        ["HASH=$(openssl passwd -apr1 -in /run/secrets/pw)"],
        // AWS CLI tag shorthand, key server fingerprints, values read at run time or from files, mount.cifs's credentials file.
        ["aws ec2 create-tags --resources $INSTANCE_ID --tags Key=Name,Value=web-server-01 Key=Bootstrapped,Value=true"],
        ["apt-key adv --keyserver hkp://keyserver.ubuntu.com:80 --recv-keys 58118E89F3A912897C070ADBF76221572C52609D"],
        ['htpasswd -bc /etc/nginx/.htpasswd admin "$(openssl rand -base64 12)"'],
        ["mount -t cifs //fs01/share /mnt/share -o credentials=/root/.smbcreds,vers=3.0"],
        ['echo "//fs01/share /mnt/share cifs credentials=/root/.smbcreds,uid=1000,vers=3.0 0 0" >> /etc/fstab'],
        ["java -jar agent.jar -url http://jenkins.internal:8080/ -secret @/home/jenkins/secret-file -name ec2-agent"],
        ['echo "$ROOT_PW" | passwd --stdin root'], ['rabbitmqctl add_user admin "$RABBIT_PASSWORD"'], ["define( 'DB_PASSWORD', getenv('DB_PASSWORD') );"],
        // helper 36: sed's pattern is no value; a replacement filled at run time or a placeholder passes.
        ["sed -i 's/^requirepass .*/# requirepass foobared/' /etc/redis/redis.conf"], ['sed -i "s/# requirepass foobared/requirepass ${REDIS_PWD}/" /etc/redis/redis.conf'],
        ["sed -i 's|^# requirepass .*|requirepass REPLACE_ME|' /etc/redis/redis.conf"],
        ["requirepass $REDIS_PASSWORD"], ['kubectl create secret generic db --from-literal=password="$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)"'],
        ["echo \"postfix postfix/main_mailer_type string 'Internet Site'\" | debconf-set-selections"], ["openssl pkcs12 -export -in c.pem -out c.p12 -passout env:P12_PASS"],
        ["keytool -list -keystore app.jks -storepass:env STORE_PASS"],
        ["      <password>${env.NEXUS_PASSWORD}</password>"], ["<name>javax.jdo.option.ConnectionURL</name><value>jdbc:mysql://db/metastore</value>"],
        ["gitlab_rails['gitlab_shell_ssh_port'] = '2222'"],
        // A held-out replay of the readers above (helper 12): the JDK truststore's default, openssl's pass phrase sources,
        // shell quotes spliced around a variable, relative paths, a generated salt, resent parameters, redirections, BuildKit secrets.
        ["keytool -keystore /usr/lib/jvm/java-11/lib/security/cacerts -import -file /tmp/AmazonRootCA1.cer -alias AmazonRootCA1 -storepass changeit -noprompt"],
        ["DST_FP=$($JAVA_HOME/bin/keytool -list -keystore $KEYSTORE -storepass changeit -alias egress-ca 2>/dev/null | grep SHA-256)"],
        ['openssl enc -aes-256-cbc -salt -pass pass:"${SSL_PWD}" -d -in ${FILE} -out ${FILE}.decrypted'], ["openssl enc -d -aes256 -pass stdin -in a.enc"],
        ["openssl enc -d -aes256 -pass fd:3 -in a.enc"], ["openssl enc -d -aes256 -pass file:./enc.key -in a.enc"], ["apksigner sign --ks release.jks --ks-pass pass:$KEYSTORE_PASS app.apk"],
        [`sed -i 's/password_here/'"$MYSQL_PASSWORD"'/g' /var/www/wordpress/wp-config.php`],
        ["kubectl create secret generic db-user-pass --from-file=username=./username.txt --from-file=password=./password.txt"],
        ['USER_PASSWD="$(openssl passwd -1 -salt "$(openssl rand -base64 6)" "${USER_NAME}")"'],
        ["aws cloudformation update-stack --stack-name ci --use-previous-template --parameters ParameterKey=GitHubToken,UsePreviousValue=true"],
        ["gh auth login --with-token < mytoken.txt"], ["docker build --secret id=npmrc,src=$HOME/.npmrc -t app ."],
        // A variable-prefixed command, settings named by attributes, a spliced variable, the JDK default under a trust store's name, ERB, dovecot's expansion.
        ['PGPASSWORD="$DB_PASSWORD" psql -h db.internal -U app -f /opt/schema.sql'], ['<add key="webpages:Version" value="3.0.0.0" />'],
        ['<property name="hibernate.connection.url">jdbc:mysql://db:3306/app</property>'],
        [`mongosh admin --eval 'db.createUser({user: "admin", pwd: "'"\${PASSWORD}"'", roles: ["root"]})'`],
        ["<ssl><trustStore>/etc/pki/java/cacerts</trustStore><trustStorePassword>changeit</trustStorePassword></ssl>"],
        [`echo "{apiKey: '<%= ENV['API_KEY'] %>'}" > /opt/app/config.js`],
        // helper 15: placeholders and variables in ipsec.secrets, an RSA key's path; .pgpass lines of variables, a `*`
        // password, the same shape where no .pgpass is written, /etc/passwd; net use without a password; SQL*Plus
        // without one (/nolog, OS and wallet logons, a prompt); a Hadoop property read at run time or naming a path.
        ['echo "%any : PSK \\"[secret-key]\\"" | sudo tee /etc/ipsec.secrets'], ['echo "%any : PSK \\"$PSK\\"" > /etc/ipsec.secrets'], ['echo ": RSA /etc/ipsec.d/private/key.pem" > /etc/ipsec.secrets'],
        ["cat <<EOF >> /etc/ipsec.conf\nconn aws\n  authby=psk\n  leftauth=psk\nEOF"],
        ["cat > ~/.pgpass <<EOF\n*:*:${DB_NAME}:${DB_USER}:${DB_PW}\nEOF\nchmod 0600 ~/.pgpass"], ['echo "localhost:5432:*:postgres:*" > ~/.pgpass'],
        [`echo "db.internal:5432:*:postgres:${pw}" > /tmp/notes`], ['touch ~/.pgpass\necho "deploy:x:1001:1001::/home/deploy:/bin/bash" >> /etc/passwd'],
        ["chmod 600 ~/.pgpass\ndocker run -d -p 127.0.0.1:5432:5432 postgres:16"],
        ["net use x: \\\\server\\share /user:contoso\\user"], ["net use * /delete /y"], ["&net use Z: \\\\$MasterName\\Data /user:$UserName $Password /persistent:yes"],
        ["net use Z: \\\\fs01\\data * /user:admin"], ['net use Z: "\\\\fs01\\my share" /persistent:yes'], ["net use | Select-String -Pattern OK"], ['net use \\\\10.0.0.5\\ipc$ "" /user:""'],
        ['Write-Host "net use $c \\\\$svrip\\$netshare /user:$user $passwd"'],
        ["sqlplus /nolog <<EOF\n@sys.sql\nEOF"], ["sqlplus -S -L / as sysdba @/tmp/x.sql"], ["sqlplus '/ as sysdba' @${SQL_FILE}"], ["sqlplus admin@ORCL @/tmp/x.sql"],
        ["sqlplus sys/${DATABASE_SYS_PASSWORD}@${DATABASE_NAME} as sysdba"], ["sqlplus /@prod_wallet @/tmp/x.sql"], ["sqlplus -S @/tmp/x.sql"],
        ["<property>\n  <name>javax.jdo.option.ConnectionPassword</name>\n  <value>${HIVE_DB_PASSWORD}</value>\n</property>"],
        // helper 28: CONNECT without a literal (run-time values, OS and wallet logons, a prompt, a substitution variable),
        // a hierarchical query's CONNECT BY and prose; the dummies Rails' asset build is given.
        ["sqlplus /nolog << EOF\nconnect $username/$userpwd@$tns\nEOF"], ["sqlplus /nolog <<- ENDSQL\n\tCONNECT ${USER_PASS};\nENDSQL"],
        ["sqlplus /nolog <<EOF\nconnect / as sysdba\nEOF"], ["sqlplus /nolog <<EOF\nconnect app_owner@ORCLPDB1\nEOF"], ["sqlplus /nolog <<EOF\nconnect /@app_wallet\nEOF"],
        ["sqlplus -s /nolog @deploy.sql <<EOF\nconnect app_owner/&1@ORCL\nEOF"], ['sqlplus /nolog <<EOF\nconnect app_owner/"${DB_PW}"@ORCL\nEOF'],
        ["SELECT employee_id FROM employees\nSTART WITH manager_id IS NULL\nCONNECT BY PRIOR employee_id = manager_id;"], ["cat > /etc/motd <<EOF\nconnect TCP/IP\nEOF"],
        ["SECRET_KEY_BASE=dummy bundle exec rails assets:precompile"], ["bundle exec rake assets:precompile SECRET_KEY_BASE=dummy"],
        ["RAILS_ENV=production SECRET_KEY_BASE=dummy DATABASE_URL=postgresql://dummy:dummy@localhost/dummy bin/rails assets:precompile"],
        ["SECRET_KEY_BASE_DUMMY=1 bin/rails assets:precompile"],
        ["<property>\n<name>hadoop.security.credential.provider.path</name>\n<value>jceks://hdfs/user/admin/s3.jceks</value>\n</property>"], ["connect = host=db.internal dbname=mail user=dovecot password=%{env:DOVECOT_DB_PASSWORD}"], ['mongosh admin --eval \'db.createUser({user: "app", pwd: passwordPrompt(), roles: []})\''],
        // helper 33: redirections and their files (batch files' `net use Z: /delete /y >nul 2>&1`), a share of any shape,
        // a template's expression as one word (an SSM document's `{{ Password }}`, Jinja's `-p{{ db_pass }}`).
        ["net use Z: /delete /y >nul 2>&1"], ['net use Z: "%~dp0." >nul'], ["net use Z: >nul 2>&1 && net use Z: /delete /y >nul 2>&1"], ["net use > C:\\logs\\drives.txt"],
        ["cmd /c net use Z: \\\\fs01\\share 2>nul"], ["net user jenkins >nul 2>&1 || echo missing"],
        ['mysql -u {{ service.admin.user }} -p{{ service.admin.password }} -e "quit"'], ["net user {{ UserName }} {{ Password }} /add"],
        ["docker login -u ci -p {{ RegistryPassword }} registry.example.com"], ["sqlplus -s scott/{{ ora_pw }}@orcl @x.sql"], ["htpasswd -b -c /etc/nginx/.htpasswd admin <password>"],
        // helper 33: prose with a debconf answer's shape, where debconf is not given it.
        ['root_password="$(prompt_secret "MySQL root/admin password for $container_name" "")"'],
        ["# Expect script to supply root/admin password for remote ssh server and execute command."],
        ["# When `host.secrets` is set, the admin/root password is sourced from a pre-hashed file"],
    ])("%j passes", (script) => expect(findCredentialInScript(script, judge)).toBeUndefined());

    // Teleport's delegated join methods (iam, ec2, github, kubernetes, ...) name a provision token in
    // `token`; only the `token` method's is a secret (public program: asteroid-earth/mwi-demo-infra).
    const tbotYaml = (lines: string) => `cat << EOF > /etc/tbot.yaml\nversion: v2\n${lines}EOF\n`;
    it.each([
        tbotYaml("onboarding:\n  join_method: iam\n  token: mwi-demo-ansible\n"),
        tbotYaml("onboarding:\n  token: gha-deploy-bot\n  # GitHub Actions\n  join_method: \"github\"\n"),
        tbotYaml("onboarding:\n  join_method: kubernetes\n  token: argocd-bot\nstorage:\n  type: memory\n"),
        "tbot start --join-method=iam --token=example-bot --proxy-server=teleport.example.com:443",
        "tbot start --join-method ec2 --token example-bot --destination-dir=/opt/machine-id",
    ])("a Teleport delegated join's token name passes: %j", (script) => expect(findCredentialInScript(script, judge)).toBeUndefined());
    it.each([
        [tbotYaml(`onboarding:\n  join_method: token\n  token: ${fake.hex("h63-tbot", 32)}\n`), "a configuration line"],
        // Another mapping's token is judged on its own.
        [tbotYaml(`onboarding:\n  join_method: iam\n  token: ansible-bot\nexporter:\n  token: ${fake.hex("h63-other", 32)}\n`), "a configuration line"],
        [`tbot start --join-method=token --token=${fake.hex("h63-cli", 32)}`, "a command-line flag's value"],
        // The rest of a delegated join's command line is still read.
        [`tbot start --join-method=iam --token=ansible-bot --password=${pw}`, "a command-line flag's value"],
    ])("a Teleport secret token is reported: %j", (script, what) => expect(findCredentialInScript(script, judge)?.what).toBe(what));

    it("a `sh -c` script's variable given to a command is judged as the script's line, not as the whole element", () => {
        expect(findCredentialInArguments(["sh", "-c", "SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile && ./bin/rails server"], judge)).toBeUndefined();
        expect(findCredentialInArguments(["sh", "-c", "SECRET_KEY_BASE=dummy bin/rails assets:precompile && bin/rails server -b 0.0.0.0"], judge)).toBeUndefined();
        expect(findCredentialInArguments(["sh", "-c", `DB_PASSWORD=${pw} ./bin/migrate`], judge)).toEqual({ index: 2, finding: { what: "a variable assignment" } });
        expect(findCredentialInArguments(["env", `DB_PASSWORD=${pw}`, "./bin/migrate"], judge)).toEqual({ index: 1, finding: { what: "a variable assignment" } });
    });

    it("an argument list's flags are read as a line's: the JDK truststore's default passes, openssl's pass: literal does not", () => {
        expect(findCredentialInArguments(["keytool", "-importcert", "-cacerts", "-storepass", "changeit", "-file", "/tmp/ca.pem"], judge)).toBeUndefined();
        expect(findCredentialInArguments(["openssl", "pkcs12", "-export", "-passout", "env:P12_PASS"], judge)).toBeUndefined();
        expect(findCredentialInArguments(["openssl", "enc", "-d", "-pass", `pass:${pw}`], judge)?.index).toBe(4);
        // The JDK truststore's default as a -D argument, as on a line (helper 33); a key store's is not published.
        expect(findCredentialInArguments(["java", "-Djavax.net.ssl.trustStore=/usr/lib/jvm/java-17/lib/security/cacerts", "-Djavax.net.ssl.trustStorePassword=changeit", "-jar", "app.jar"], judge)).toBeUndefined();
        expect(findCredentialInArguments(["java", "-Djavax.net.ssl.keyStorePassword=changeit", "-jar", "app.jar"], judge)?.index).toBe(1);
    });

    it("argument lists report the element holding the credential", () => {
        expect(findCredentialInArguments(["./migrate", "--password", pw], judge)?.index).toBe(2);
        expect(findCredentialInArguments(["node", "x.js", `--api-key=${pw}`], judge)?.index).toBe(2);
        expect(findCredentialInArguments(["mysql", "-h", "db", `-p${pw}`], judge)?.index).toBe(3);
        expect(findCredentialInArguments(["sh", "-c", `export SECRET_KEY=${pw} && exec app`], judge)?.index).toBe(2);
        expect(findCredentialInArguments(["java", "-Xmx1g", `-Djavax.net.ssl.keyStorePassword=${pw}`, "-jar", "app.jar"], judge)?.index).toBe(2);
        expect(findCredentialInArguments(["java", "-Dspring.profiles.active=prod", "-Dx.password=${DB}", "-jar", "app.jar"], judge)).toBeUndefined();
        expect(findCredentialInArguments(["./migrate", "--password", "$(DB_PASSWORD)"], judge)).toBeUndefined();
        expect(findCredentialInArguments(["CMD-SHELL", "curl -f http://localhost/health || exit 1"], judge)).toBeUndefined();
    });

    it("OpenTelemetry header lists: each header judged by its name (Honeycomb's team header holds its key), values URL-decoded", () => {
        expect(findCredentialInHeaderList(`x-honeycomb-team=${pw},x-honeycomb-dataset=orders`, judge)?.what).toBe("an OpenTelemetry header list");
        expect(findCredentialInHeaderList(`Authorization=Basic%20${pw}`, judge)?.what).toBe("an OpenTelemetry header list");
        expect(findCredentialInHeaderList(`dd-api-key = ${pw}`, judge)?.what).toBe("an OpenTelemetry header list");
        for (const list of ["x-honeycomb-dataset=orders,x-scope-orgid=tenant-1", "Authorization=Bearer%20${OTEL_TOKEN}", "x-honeycomb-team=", "not a list", `x-honeycomb-team ${pw}`]) {
            expect(findCredentialInHeaderList(list, judge), list).toBeUndefined();
        }
    });

    it("JavaScript source: a declaration given a literal, by its name; expressions, placeholders and settings pass", () => {
        expect(findCredentialInJavaScript(`function handler(event) {\n  var API_KEY = '${pw}';\n  return event.request;\n}`, judge)?.what).toBe("a JavaScript variable given a literal");
        expect(findCredentialInJavaScript(`const clientSecret = "${pw}"`, judge)?.what).toBe("a JavaScript variable given a literal");
        for (const source of ["var apiKey = headers['x-api-key'] ? headers['x-api-key'].value : 'no-key'", 'var access_key="${access_key}"',
            "var SECRET_NAME = 'prod/api-key'; var TOKEN_HEADER = 'x-api-token';", "const token = 'Bearer';", `var password = input.value; // '${pw}'`]) {
            expect(findCredentialInJavaScript(source, judge), source).toBeUndefined();
        }
        expectLinear((n) => findCredentialInJavaScript("var a = '".repeat(n / 9) + "const ".repeat(n / 6), judge), 300);
    });

    it("JavaScript source: an object member given a literal, by its key (also a CloudFront header object's value); expressions and placeholders' keys pass", () => {
        const member = "a JavaScript object member given a literal";
        expect(findCredentialInJavaScript(`return { params: { headers: { "x-api-key": "${pw}" } } };`, judge)?.what).toBe(member);
        expect(findCredentialInJavaScript(`const q = {\n  city: ctx.args.city,\n  apiKey: '${pw}'\n};`, judge)?.what).toBe(member);
        expect(findCredentialInJavaScript(`Object.assign(h, { 'x-auth-token': { value: '${pw}' } })`, judge)?.what).toBe(member);
        for (const source of ["return { headers: { 'x-api-key': ctx.stash.apiKey, 'Content-Type': 'application/json' } };", "{ Authorization: `Bearer ${ctx.stash.token}` }",
            "{ expressionNames: { '#token': 'token', '#password': 'passwordHash' } }", "{ tokenHeader: 'x-api-token', authorizationType: 'AWS_IAM' }", "{ 'x-api-key': '<YOUR_API_KEY>' }"]) {
            expect(findCredentialInJavaScript(source, judge), source).toBeUndefined();
        }
        expectLinear((n) => findCredentialInJavaScript("{ a: '".repeat(n / 6) + "{ 'b".repeat(n / 4), judge), 300);
    });

    // Helper 145: a Synthetics canary's inline script (Node.js or Python) read as program source.
    it("program source: a whole-line assignment and a literal typed into a form field, by name; selectors, run-time values and comparisons pass", () => {
        expect(findCredentialInJavaScript(`API_TOKEN = "${pw}"\n\ndef handler(event, context):\n    pass\n`, judge)?.what).toBe("a variable given a literal");
        expect(findCredentialInJavaScript(`  password = '${pw}';`, judge)?.what).toBe("a variable given a literal");
        const typed = "a literal typed into a form field";
        for (const source of [`await page.type('#password', '${pw}');`, `await page.fill('input[name="password"]', "${pw}");`,
            `await page.getByLabel('Password').fill('${pw}');`, `await page.locator('#login-password').type('${pw}', { delay: 50 });`,
            `driver.find_element(By.ID, "password").send_keys("${pw}")`, `browser.find_element_by_name('passwd').send_keys('${pw}')`]) {
            expect(findCredentialInJavaScript(source, judge)?.what, source.slice(0, 40)).toBe(typed);
        }
        for (const source of ["PASSWORD = os.environ['LOGIN_PASSWORD']", "await page.type('#password', process.env.LOGIN_PASSWORD);", "if password == \"\":",
            "await page.type('#username', 'canary@acme.example');", "await page.type('#search', 'reset password');", "const PASSWORD_SELECTOR = '#password';",
            "password_input = 'input[type=\"password\"]'", "await page.fill('#password', `${process.env.PW}`);", "driver.find_element(By.ID, 'password').send_keys(pw)"]) {
            expect(findCredentialInJavaScript(source, judge), source).toBeUndefined();
        }
        expectLinear((n) => findCredentialInJavaScript("a = '".repeat(n / 5) + "\n", judge), 300);
        expectLinear((n) => findCredentialInJavaScript(".type('".repeat(n / 7) + "locator(' ".repeat(n / 10), judge), 300);
        expectLinear((n) => findCredentialInJavaScript(`const PASSWORD_SELECTOR = '#${"a-".repeat(n / 2)}';`, judge), 300);
    });

    it("a parameter a script writes is judged under its path's last segment (`aws ssm put-parameter`, `Write-SSMParameter`)", () => {
        const what = "`aws ssm put-parameter`";
        for (const line of [`aws ssm put-parameter --name /app/prod/db_password --type SecureString --value '${pw}'`,
            `aws ssm put-parameter --type String --value ${pw} --name /app/prod/db_password --overwrite`, `aws ssm put-parameter --name=/app/db_password --value="${pw}"`,
            `aws ssm put-parameter \\\n  --name "/app/prod/db_password" \\\n  --value "${pw}"`, `Write-SSMParameter -Name "/app/prod/db_password" -Type SecureString -Value '${pw}'`]) {
            expect(findCredentialInScript(line, judge)?.what, line.slice(0, 40)).toBe(what);
        }
        expect(findCredentialInArguments(["ssm", "put-parameter", "--name", "/app/prod/db_password", "--value", pw], judge)).toEqual({ index: 5, finding: { what } });
        for (const line of ["aws ssm put-parameter --name /app/prod/db_password --value file://pw.txt", "aws ssm put-parameter --name /app/prod/db_password --value fileb://pw.bin",
            "aws ssm put-parameter --name /app/prod/db_password --value \"$DB_PASSWORD\"", `aws ssm put-parameter --name "$NAME" --value ${pw}`,
            `aws ssm put-parameter --name /app/prod/db_host --value ${pw}`, "aws ssm put-parameter --name /app/prod/token_ttl --value 3600",
            "aws ssm put-parameter --name /app/db_password --value ''", "aws ssm get-parameter --name /app/prod/db_password --with-decryption",
            "Write-SSMParameter -Name /app/prod/db_password -Value $DbPassword", "Write-SSMParameter -Name /app/prod/db_password -Value (Get-Content pw.txt)"]) {
            expect(findCredentialInScript(line, judge), line).toBeUndefined();
        }
        expectLinear((n) => findCredentialInScript("ssm put-parameter --name ".repeat(n / 25), judge), 300);
    });

    it("a VTL mapping template that is not JSON: a variable set to a literal and a member given one, by name; references pass", () => {
        expect(findCredentialInTemplate(`#set($apiKey = "${pw}")\n{\n  "headers": { "Ocp-Apim-Subscription-Key": "$apiKey" },\n  "body": $util.toJson($ctx.args)\n}`, judge)?.what)
            .toBe("a mapping template variable given a literal");
        expect(findCredentialInTemplate(`{\n  "api_key": "${pw}",\n  "message": $input.json('$.message')\n}`, judge)?.what).toBe("a mapping template member given a literal");
        for (const template of ["#set($apiKey = $ctx.stash.apiKey)\n{ \"x-api-key\": \"$apiKey\" }", "{ \"Authorization\": \"Bearer $input.params('token')\", \"body\": $input.body }",
            "#set($token = \"$context.authorizer.token\")", "#set($mode = \"strict\")\n{ \"token_type\": \"Bearer\" }", "{ \"password\": \"<your-password>\", \"q\": $input.json('$.q') }",
            "Action=SendMessage&MessageBody=$input.body"]) {
            expect(findCredentialInTemplate(template, judge), template).toBeUndefined();
        }
        expectLinear((n) => findCredentialInTemplate("#set($a = \"".repeat(n / 11) + "\"k\": \"".repeat(n / 7), judge), 300);
    });

    it("a file a script decodes from a base64 literal is judged as its lines (an ecs.config's registry password)", () => {
        const config = `ECS_CLUSTER=orders\nECS_ENGINE_AUTH_TYPE=docker\nECS_ENGINE_AUTH_DATA={"https://index.docker.io/v1/":{"username":"acmeci","password":"${pw}"}}\n`;
        expect(findCredentialInScript(`#!/bin/bash\necho ${b64text(config)} | base64 -d >> /etc/ecs/ecs.config\n`, judge)?.what).toBe("a JSON member decoded from base64");
        expect(findCredentialInScript(`#!/bin/bash\necho ${b64text(config.replace(pw, "$HUB_PASSWORD"))} | base64 -d >> /etc/ecs/ecs.config\n`, judge)).toBeUndefined();
        expect(findCredentialInScript(`#!/bin/bash\necho ${b64text("ECS_CLUSTER=orders\nECS_ENABLE_TASK_IAM_ROLE=true\n")} | base64 -d >> /etc/ecs/ecs.config\n`, judge)).toBeUndefined();
    });

    it("a Hadoop Azure setting is judged without the storage account endpoint it is scoped to", () => {
        for (const name of ["fs.azure.account.key.acmelake.blob.core.windows.net", "spark.hadoop.fs.azure.account.key.acmelake.dfs.core.windows.net",
            "fs.azure.account.key.vault.dfs.core.usgovcloudapi.net", "fs.azure.account.oauth2.client.secret.acmelake.dfs.core.windows.net"]) {
            expect(judgeName(name).kind, name).toBe("credential");
        }
        for (const name of ["fs.azure.account.keyprovider.acmelake.blob.core.windows.net", "fs.azure.account.auth.type.acmelake.dfs.core.windows.net",
            "fs.azure.account.oauth2.client.id.acmelake.dfs.core.windows.net"]) {
            expect(judgeName(name).kind, name).toBe("none");
        }
        expect(findCredentialInArguments(["java", `-Dfs.azure.account.key.acmelake.blob.core.windows.net=${pw}`, "-jar", "etl.jar"], judge)?.index).toBe(1);
        expect(findCredentialInArguments(["java", "-Dfs.azure.account.keyprovider.acmelake.blob.core.windows.net=org.apache.hadoop.fs.azure.ShellDecryptionKeyProvider", "-jar", "etl.jar"], judge)).toBeUndefined();
    });

    it("SQL statements: a user's literal password, not a comparison, a stored hash or a run-time value", () => {
        expect(findPasswordInSql(`CREATE USER a PASSWORD '<password>'; CREATE USER etl PASSWORD '${pw}' CONNECTION LIMIT 4;`, judge)?.what).toBe("a SQL password literal");
        expect(findPasswordInSql(`ALTER ROLE app WITH LOGIN PASSWORD '${pw}'`, judge)?.what).toBe("a SQL password literal");
        // Redshift hashes the password of 'sha256|password' itself.
        expect(findPasswordInSql(`CREATE USER etl PASSWORD 'sha256|${pw}'`, judge)?.what).toBe("a SQL password literal");
        for (const sql of [`SELECT * FROM users WHERE password = '${pw}'`, "CREATE USER etl PASSWORD DISABLE", "CREATE GROUP analysts;",
            `CREATE USER etl PASSWORD 'sha256|${"ab12".repeat(16)}|${"9f".repeat(32)}'`,
            `CREATE USER etl PASSWORD 'SCRAM-SHA-256$4096:${pw}'`]) {
            expect(findPasswordInSql(sql, judge), sql).toBeUndefined();
        }
        expectLinear((n) => findPasswordInSql("PASSWORD '".repeat(n / 10) + "IDENTIFIED BY ".repeat(n / 14), judge), 300);
    });

    it("a value in a script that only a whole value can be (a recovery phrase) is judged by its format, whatever its name", () => {
        const phrase = fake.mnemonic("in-script");
        const found = (userData: string) => findSensitiveValues("aws:ec2/instance:Instance", { userData }, { sensitivePatterns: [], ignoreProperties: [] }).map((v) => v.reason);
        for (const line of [`export SEED="${phrase}"`, `echo "WALLET=${phrase}" >> /opt/app/.env`, `  words: ${phrase}`]) {
            expect(found(`#!/bin/bash\n${line}\n`), line.slice(0, 12)).toEqual([{ kind: "script", what: expect.any(String) }]);
        }
        expect(found(`#!/bin/bash\nexport MNEMONIC="test test test test test test test test test test test junk"\n`)).toEqual([]);
    });

    it("scripts of 1 MB are read in linear time", () => {
        const script = (n: number) => `#!/bin/bash\n${`export A${"B".repeat(100)}=x\n`.repeat(n / 106)}--password ${"x".repeat(n)}`;
        expectLinear((n) => findSensitiveValues("aws:ec2/instance:Instance", { userData: script(n) }, { sensitivePatterns: [], ignoreProperties: [] }), 300);
        // Pipes that never reach --password-stdin: every attempt is bounded by the longest word and command.
        const pipes = (n: number) => `echo ${"x".repeat(1000)} | ${"y".repeat(600)} `.repeat(n / 1610);
        expectLinear((n) => findCredentialInScript(pipes(n), judge), 300);
        // JSON members that never close: every attempt is bounded by the longest name and value.
        const members = (n: number) => `${'\\"a\\":\\"'.repeat(n / 8)}\n${`"${"k".repeat(120)}":`.repeat(n / 123)}\n"a":"${"v".repeat(n)}`;
        expectLinear((n) => findCredentialInScript(members(n), judge), 300);
        // Lines of flags, mount commands, device fields, shorthand pairs and PHP constants that never complete.
        const lines = (n: number) => ["-abcd ".repeat(n / 6), "mount ".repeat(n / 6), `echo "${"a".repeat(1000)} /${"b".repeat(1000)} `.repeat(n / 2010),
            "Key=a,".repeat(n / 6), "define('A',".repeat(n / 11), "x x/y ".repeat(n / 6), `openssl passwd${" -1".repeat(n / 3)}`,
            " : PSK \\\"".repeat(n / 9), "# ~/.pgpass", `a:1:b:c:${"\\:".repeat(n / 3)}`, "net use ".repeat(n / 8), "sqlplus a/".repeat(n / 10), "<name>a</name><value>".repeat(n / 21)].join("\n");
        expectLinear((n) => findCredentialInScript(lines(n), judge), 300);
    });
});
