// What a string value looks like, apart from credential formats (./formats.ts): a value that
// cannot authenticate anything (a template, a placeholder, a masked value), a setting (a
// number, a duration, a path, an ARN, an enum, the name of a thing), a verifier (a password
// hash), or something random. Every test here is linear in the value's length.

const MAX_SHAPED = 4096;

// An Authorization header's scheme before its credential (`Bearer NOT-USED`).
const SCHEME_PREFIX = /^(?:bearer|basic|token|apikey)\s+(\S+)$/i;

/** A value that cannot be a credential whatever its name or input: empty, a whole-value reference, template, placeholder or mask. */
export function isUnusable(value: string): boolean {
    const v = value.trim();
    if (v === "") return true;
    if (v.length > MAX_SHAPED) return false;
    const afterScheme = SCHEME_PREFIX.exec(v)?.[1];
    if (afterScheme !== undefined && (MASKED.test(afterScheme) || PLACEHOLDER_WORDS.test(afterScheme))) return true;
    return WHOLE_PLACEHOLDER.test(v) || MASKED.test(v) || PLACEHOLDER_WORDS.test(v) || isPemPlaceholder(v) || isTokenPlaceholder(v) ||
        isAwsDocumentationKey(v) || NIL_OR_MAX_UUID.test(v) || v.endsWith("...") || v.endsWith("…");
}

// The UUID format's own placeholders, the Nil UUID (all bits zero) and the Max UUID (all bits one) of RFC 9562
// §5.9-5.10: sentinels no service issues as a key (TruffleHog#2838 reported `integromat_api_key = '00000000-...'`).
const NIL_OR_MAX_UUID = /^(?:0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i;

/**
 * AWS's documentation keys: a key ID or a 40-character secret access key that says EXAMPLE (the IAM user guide's
 * pair `AKIAIOSFODNN7EXAMPLE` and a secret ending in `EXAMPLEKEY`, "example access keys"), which
 * authenticate nothing; a token format's own prefix makes the others placeholders (isTokenPlaceholder).
 */
export function isAwsDocumentationKey(v: string): boolean {
    return v.includes("EXAMPLE") && /^(?:(?:AKIA|ASIA)[A-Z0-9]{16}|[A-Za-z0-9/+]{40})$/.test(v);
}

/**
 * One character makes up half of the text, or two characters two thirds of it, or one repeats
 * twelve times in a row (`sgp_5555555dAAAAA7777777CcccCFaaaaaaaaaaaaaa`): a dummy, not a random value.
 */
export function isDummy(text: string): boolean {
    if (/(.)\1{11}/s.test(text)) return true;
    const counts = charCounts(text);
    let first = 0;
    let second = 0;
    for (const n of counts.values()) {
        if (n > first) [first, second] = [n, first];
        else if (n > second) second = n;
    }
    return first * 2 >= text.length || (first + second) * 3 >= text.length * 2;
}

// Words that make a token-shaped text an example. AWS's documentation keys end in EXAMPLE
// (capitals: `dc=example` in an LDAP URL is a name).
const PLACEHOLDER_WORDS_INSIDE = /your[_-]?(?:[a-z0-9]{1,20}[_-]?)?(?:token|key|secret|password)|_here(?![a-z])|replace_?me|placeholder/i;

/** A token-shaped text that says it is an example (`sha256~XXXX_PUT_YOUR_TOKEN_HERE_XXXX`, `...EXAMPLE`). */
export function saysPlaceholder(text: string): boolean {
    return text.includes("EXAMPLE") || PLACEHOLDER_WORDS_INSIDE.test(text);
}

// A token format's placeholder, as documentation writes them: a short prefix and a body of 16
// characters or more that is a dummy or says it is one (`ghp_xxxx...`, `hvs.xxxx...`,
// `sk_live_xxxx...`, `glpat-XXXXXXXXXXX-XXXXXXXX`, `ghp_YOUR_TOKEN_HERE_0000`).
const TOKEN_PREFIX = /^[A-Za-z][A-Za-z0-9]{0,11}[_.~-]/;
function isTokenPlaceholder(v: string): boolean {
    const prefix = TOKEN_PREFIX.exec(v);
    if (prefix === null || v.length - prefix[0].length < 16) return false;
    const body = v.slice(prefix[0].length);
    return isDummy(body) || saysPlaceholder(body);
}

// ${X}, $X, $(cmd), `cmd`, {{ x }}, <your-token>, [SHARED_SECRET] (Google Cloud's documentation), %(x)s, %X%, #{x}, ${{ secrets.X }}, $.jsonpath,
// format fields ({password}, {0}, %s), a release pipeline's tokens (__DB_PASSWORD__), API Gateway
// mapping expressions ($context.authorizer.token, $request.header.x-api-key, $stageVariables.x)
// and AppSync's VTL references ($ctx.stash.apiKey, $!ctx.identity.claims.token),
// Step Functions intrinsic functions (States.Format(...)) and JSONata expressions ({% ... %}),
// @Microsoft.KeyVault(...), ARNs, CloudFormation dynamic references, AWS Batch parameter
// references (Ref::apiKey, filled from the job's parameters), Datadog secret handles or
// SOPS ciphertext (ENC[db_password], ENC[AES256_GCM,data:...]), Grafana's expansion of its
// options ($__file{/run/secrets/x}, $__env{X}, $__vault{...}) and the Datadog agent's template
// variables in Autodiscovery labels (%%env_PG_PASSWORD%%, %%host%%).
const SHELL_VARIABLE = /^\$[A-Za-z_][A-Za-z0-9_]*$/;
// A Velocity (VTL) reference with members or calls, as API Gateway mapping templates and AppSync
// resolvers write them: `$input.path('$.password')`, `$util.toJson($ctx.args.token)`,
// `$inputRoot.password`; filled per request. Arguments nest three deep at most, each level one
// character class, so the test stays linear. Braced (`$!{input.params('token')}`), a template everywhere, as `${X}` is.
const VTL_ARGS = String.raw`\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)`;
const VTL_MEMBER = String.raw`(?:\.[A-Za-z_]\w*(?:${VTL_ARGS})?|\[[^\][]*\])`;
const VTL_REFERENCE = new RegExp(String.raw`^\$!?[A-Za-z_]\w*${VTL_MEMBER}+$`);
const VTL_BRACED = String.raw`^\$!?\{[A-Za-z_]\w*${VTL_MEMBER}*\}$`;
// A format string's field or a release pipeline's token, filled in before use ({password}, {0},
// %s, __DB_PASSWORD__): a placeholder as a whole value, and in a URL's password position (./formats.ts).
const FILLED_LATER = /^(?:\{\w{0,64}\}|%[sdv]|__[A-Z][A-Z0-9_]{0,62}__)$/;
export function isFilledLater(value: string): boolean {
    return FILLED_LATER.test(value);
}
const WHOLE_PLACEHOLDER = new RegExp([
    String.raw`^\$\{[^{}]*\}$`, String.raw`^\$\{\{.*\}\}$`, SHELL_VARIABLE.source, String.raw`^\$\(.*\)$`, "^`.*`$",
    String.raw`^\{\{.*\}\}$`, String.raw`^<[^<>]*>$`, String.raw`^\[[A-Za-z][A-Za-z _-]{0,62}\]$`, String.raw`^%\(\w+\)s$`, String.raw`^%[A-Za-z_]\w*%$`, String.raw`^%%[A-Za-z_][\w.]*%%$`, String.raw`^#\{.*\}$`,
    String.raw`^\$\$?\.`, String.raw`^@Microsoft\.KeyVault\(`, String.raw`^arn:aws[a-z-]*:`, String.raw`^\{\{resolve:`,
    String.raw`^Ref::[A-Za-z0-9_]+$`, String.raw`^ENC\[[^\[\]]+\]$`, FILLED_LATER.source, String.raw`^\$__(?:env|file|vault)\{[^{}]+\}$`,
    String.raw`^\$!?(?:context|ctx|request|response|stageVariables)\.[\w.-]+$`, VTL_REFERENCE.source, VTL_BRACED, String.raw`^States\.[A-Za-z]+\(.*\)$`, String.raw`^\{%.*%\}$`,
].join("|"), "s");

/**
 * `$NAME` is a reference where a shell or a template expands it; in an input the provider
 * marks as a credential nothing does (an MQ user's password `$ecretPassw0rd9` is that string).
 */
export function isUnusableLiterally(value: string): boolean {
    const v = value.trim();
    return isUnusable(value) && !SHELL_VARIABLE.test(v) && !VTL_REFERENCE.test(v);
}
// Also the lock markers of a password field (shadow(5)): `usermod --password '*'`, `'!!'`, `*LK*`.
const MASKED = /^(?:[*•xX#]{3,}|[*!]{1,2}|\*LK\*|\[?(?:redacted|masked|hidden|secret|sensitive|removed)\]?|<redacted>|n\/a|-+|\.+)$/i;
// Instructions rather than values (decision: `changeme`, `password`, `test` are literal
// passwords people deploy, so they are not here).
// `fill_me_in`, `To Replace`, `set-in-console` (a SecureString whose value the program ignores) too.
// `unused`, `NOT-USED`: an input the API requires and the target ignores (a public EventBridge connection to an
// endpoint that checks no key: `Authorization: Bearer NOT-USED`), also after an auth scheme. Not `dummy`, which
// is the value a consumer that checks one checks (`SECRET_KEY_BASE=dummy bin/rails server`).
const PLACEHOLDER_WORDS = new RegExp("^(?:(?:your|insert|enter|put|paste|add)[-_ ][\\w -]*|replace[-_ ]?(?:me|this|with[\\w -]*)|todo|fixme|tbd|placeholder(?:[-_ ][\\w -]*)?|" +
    "none|null|nil|undefined|example|sample|dummy[-_]?value|un[-_]?used|not[-_ ]?used|fill[-_ ]?(?:me[-_ ]?)?in|to[-_ ]?(?:be[-_ ]?)?(?:replaced?|filled|set|changed|updated|provided)|" +
    "set[-_ ](?:in|via|from|by)[-_ ][\\w -]*|not[-_ ]?set)$", "i");

/** PEM armour around an elided body: `-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----`. */
function isPemPlaceholder(v: string): boolean {
    if (!v.startsWith("-----BEGIN ")) return false;
    const body = v.replace(/-----(?:BEGIN|END) [A-Z0-9 ]+-----/g, "").replace(/\\n|\s/g, "");
    return body.length < 32 || body.includes("...") || body.includes("…");
}

/** A value holding a template or expression anywhere (`prefix-${VAR}`, `{{ x }}/y`): resolved elsewhere, not a literal. */
export function isTemplated(value: string): boolean {
    return /\$\{[^}]{0,200}\}|\{\{[^}]{0,200}\}\}|\$\([^)]{0,200}\)|#\{[^}]{0,200}\}/.test(value.length > MAX_SHAPED ? value.slice(0, MAX_SHAPED) : value);
}

// ---------------------------------------------------------------- settings

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const BOOLEAN = /^(?:true|false|yes|no|on|off|y|n|enabled?|disabled?|required|optional|none|null|allow|deny|always|never)$/i;
const DURATION = /^\d+(?:\.\d+)?\s*(?:ns|us|µs|ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|years?)$|^P(?:\d+[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?$/i;
const SIZE = /^\d+(?:\.\d+)?\s*(?:b|kb|mb|gb|tb|k|m|g|t|ki|mi|gi|ti|kib|mib|gib|tib)$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const LOG_LEVEL = /^(?:trace|debug|info|information|notice|warn|warning|error|err|fatal|critical|crit|off|silent|verbose|all)$/i;
const EMAIL = /^[^\s@]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$/;
const URL_SHAPE = /^[a-z][a-z0-9+.-]{1,30}:\/\/\S+$/i;
// /var/secrets/key.json, ~/.aws/credentials, ./certs/ca.pem, C:\keys\app.pfx, SSM names /prod/db/password.
const ABSOLUTE_PATH = /^(?:\/|~\/|\.{1,2}\/|[A-Za-z]:\\)[\w .@{}$~%+,:=\\/-]*$/;
// prod/orders/db-credentials, assets/abc.zip, private_key.pem: names of files, objects and secrets.
const RELATIVE_PATH = /^[\w.@-]+(?:\/[\w.@-]+)+\/?$|^[\w@-]+(?:\.[\w-]+)*\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|pub|asc|gpg|json|ya?ml|txt|env|conf|cfg|ini|properties|xml|csv|sh|py|js|ts|jar|war|zip|tar|gz|tgz|log)$/i;
const HOSTNAME = /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}\.?(?::\d{1,5})?$/i;
const DOTTED_NAME = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*){2,}$/;
/**
 * A dotted passphrase (Blue42.Falcon.Ridge, Kx9mPq2vL7.prod), not a host or a dotted name: its
 * first label mixes small letters, capitals and digits, with a capital inside it or in a later
 * label. Hosts and names start in one case (db.t3.micro, com.acme.OAuth2Filter) or are a
 * capitalized word and a number before lower-case labels (Web01.corp.example).
 */
function isDottedPassphrase(v: string): boolean {
    const dot = v.indexOf(".");
    const first = v.slice(0, dot);
    return /[a-z]/.test(first) && /[A-Z]/.test(first) && /\d/.test(first) && (/[a-z][A-Z]/.test(first) || /[A-Z]/.test(v.slice(dot)));
}
const IP = /^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2}|:\d{1,5})?$/;
const UPPER_ENUM = /^[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*$/;
// Not PASSWORD or SECRET: under a credential-ish name those are as often an enum (a type, a mode).
const WEAK_PASSWORD = /^CHANGE[-_]?ME\d*$/;

/** How many separate runs of digits a value has: AES256 and TLSV1_2 have one or two, generated strings many. */
function digitRuns(v: string): number {
    return v.match(/\d+/g)?.length ?? 0;
}
// An HTTP authentication scheme alone (IANA's registry, and GitHub's `token`): how a header's
// credential is introduced (a WAF rule matching `Bearer `), not the credential.
const AUTH_SCHEME = /^(?:basic|bearer|digest|dpop|gnap|hoba|mutual|negotiate|ntlm|oauth|privatetoken|token|vapid)$/i;
// A SASL or SMTP authentication mechanism's name (IANA's SASL registry, and LOGIN, which mailers
// offer beside PLAIN): under a name ending in `auth` it is a setting (SMTP_AUTH=login, TFE_SMTP_AUTH=plain).
const AUTH_MECHANISM = /^(?:plain|login|cram[-_]md5|digest[-_]md5|xoauth2?|oauthbearer|gssapi|external|anonymous|ntlm|auto)$/i;

/** An authentication mechanism's name, a setting under a name ending in `auth` (SMTP_AUTH=login). */
export function isAuthMechanism(value: string): boolean {
    return AUTH_MECHANISM.test(value.trim());
}
// The credentials mode of a Fetch request (the Fetch standard's RequestCredentials: `omit`,
// `same-origin`, `include`): whether a browser sends cookies, not a credential (FETCH_CREDENTIALS=include).
const CREDENTIALS_MODE = /^(?:omit|same-origin|include)$/;

/** A Fetch request's credentials mode, a setting under a name ending in `credentials` (FETCH_CREDENTIALS=same-origin). */
export function isCredentialsMode(value: string): boolean {
    return CREDENTIALS_MODE.test(value.trim());
}
/** The text a base64 value decodes to, when it is text (printable characters of valid UTF-8); undefined when it is binary. */
export function base64Text(value: string): string | undefined {
    const text = Buffer.from(value, "base64").toString("utf8");
    return /^[\x09\x0a\x0d\x20-\x7e\u00a0-\uffef]*$/.test(text) ? text : undefined;
}

// A KMS key's id: a UUID, or `mrk-` and 32 hex digits for a multi-Region key. An encryption key
// proper is bytes (hex or base64), never one of these.
const KMS_KEY_ID = /^(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A KMS key's id (`1234abcd-12ab-34cd-56ef-1234567890ab`, `mrk-...`), under an encryption key's name a reference to the key. */
export function isKmsKeyId(value: string): boolean {
    return KMS_KEY_ID.test(value.trim());
}
const MIME = /^[a-z]+\/[a-z0-9.+-]+(?:;\s*[\w-]+=[\w-]+)?$/i;
// Hash, signature and cipher names: password_encryption=scram-sha-256, TOKEN_ALG=HS256.
const ALGORITHM = /^(?:md5|sha-?(?:1|224|256|384|512)|sha3-(?:224|256|384|512)|scram-sha-(?:1|256|512)|bcrypt|scrypt|argon2(?:id|i|d)?|pbkdf2(?:[-_]sha-?(?:1|256|512))?|[hrpe]s(?:256|384|512)|aes-?(?:128|192|256)(?:-(?:gcm|cbc|ctr))?|rsa-oaep(?:-256)?|ed25519)$/i;
// IAM condition keys: EventBridge's `condition: { key: "aws:PrincipalOrgID", ... }`.
const CONDITION_KEY = /^aws:[A-Za-z]+(?:\/[\w.:@+=-]{1,128})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// An Ethereum address (20 bytes), public on its chain: REWARD_TOKEN=0x6B17...; a private key has 32 bytes.
const ETHEREUM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// KMS ciphertext (base64 of a blob from Encrypt: Datadog's DD_KMS_API_KEY), useless without kms:Decrypt.
const KMS_CIPHERTEXT = /^AQ[EI][BCD]AH[A-Za-z0-9+/]{100,4000}={0,2}$/;
// A Sealed Secrets value, as a SealedSecret's encryptedData holds it (bitnami-labs/sealed-secrets pkg/crypto HybridEncrypt:
// base64 of the RSA-OAEP ciphertext's length in two bytes, that ciphertext, then the AES-GCM ciphertext and its 16-byte tag),
// sealed to the controller's public key: "safe to share publicly" (its README). RSA keys of 2048, 3072 or 4096 bits.
const SEALED_SECRET = /^A[QYg][A-D][A-Za-z0-9+/]{360,}={0,2}$/;
function isSealedSecret(v: string): boolean {
    if (!SEALED_SECRET.test(v)) return false;
    const rsaLength = Buffer.from(v.slice(0, 4), "base64").readUInt16BE(0);
    const decodedLength = (v.length / 4) * 3 - (v.length - v.replace(/=+$/, "").length);
    return [256, 384, 512].includes(rsaLength) && Number.isInteger(v.length / 4) && decodedLength >= 2 + rsaLength + 16;
}
// The secret RDS creates for a master user is named rds!db-<uuid> or rds!cluster-<uuid>.
const RDS_SECRET_NAME = /^rds!(?:db|cluster)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Slugs that name a secret or a thing: lasso-secrets-stage, app-session-tokens, pg-credentials, jwt_secret.
const SLUG = /^[a-z][a-z0-9]*(?:[-_.:/][a-z0-9]+){1,7}$/;
// A resource named after its account, as S3 bucket names are to be unique (my-artifacts-123456789012,
// tf-state-123456789012-us-east-1): words, a 12-digit account id, a region's digit; generated keys spell no words.
const ACCOUNT_SCOPED_NAME = /^(?=.{3,63}$)[a-z]+(?:[-.](?:[a-z]+\d?|\d))*[-.]\d{12}(?:[-.](?:[a-z]+\d?|\d))*$/;
// A slug that says it is a name is one too (checkov#5469: `sm_name_secrets = "my-custom-resource-name"`).
const THING_WORDS = /(?:^|[-_.:/])(?:secrets?|credentials?|creds|passwords?|tokens?|keys?|table|queue|topic|bucket|stream|template|role|store|backend|manager|vault|ssm|kms|params?|parameters?|cache|names?)(?=$|[-_.:/])/;

/**
 * Base64 that happens to hold a `/` and no `+` (about one AWS secret key in six): no `-`, `_` or
 * `.`, capitals, small letters and digits, and no part that is a plain word (`secrets/...`).
 */
function isBase64Key(v: string): boolean {
    if (v.length < 24 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v) || !/[A-Z]/.test(v) || !/[a-z]/.test(v) || !/\d/.test(v)) return false;
    return v.split("/").every((part) => part.length < 4 || [/[A-Z]/, /[a-z]/, /\d/].filter((c) => c.test(part)).length >= 2);
}

// A reference a runtime resolves from a secret store: Laconia's Lambda config (`ssm:/path`,
// `secretsManager:name`), Bank-Vaults' injection (`vault:secret/data/db#PASSWORD`), resolvers of
// `env:NAME` and `file:/run/secrets/db`, Bref's secrets loader on PHP Lambdas (`bref-ssm:/app/key`,
// and its fork's `bref-secretsmanager:` and `bref-secretsmanager-json:`), and Postfix's lookup tables kept in
// files (`smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd`, AWS's SES guide; Postfix's DATABASE_README:
// `type:name`; not `static:`, whose name is the value). What follows the scheme must name something (a path,
// a name), optionally with a `#key`: `vault:Tr0ub4dor&3x!` is a password.
const STORE_REFERENCE = /^(?:ssm|aws-?ssm|parameter-?store|aws-?parameter-?store|secrets?-?manager|aws-?secrets?-?manager|aws-?sm|vault|env|file|bref-ssm|bref-secretsmanager(?:-json)?|hash|btree|lmdb|cdb|dbm|sdbm|texthash):([^#\s]+)(?:#[A-Za-z_][\w.-]*)?$/i;

function isStoreReference(v: string): boolean {
    const ref = STORE_REFERENCE.exec(v)?.[1];
    return ref !== undefined && /^[\w./@-]+$/.test(ref) && isSettingShaped(ref);
}

/**
 * A value that is a setting or the name of a thing rather than a credential: under a
 * credential-ish name it is not reported (TOKEN_TTL=3600, DB_PASSWORD=/prod/db/password,
 * SECRET_STORE=aws-secrets-manager). Not consulted for provider-marked inputs or formats.
 */
export function isSettingShaped(value: string): boolean {
    const v = value.trim();
    // Before the length bound: a sealed value grows with what it seals (a TLS key).
    if (isSealedSecret(v)) return true;
    if (v.length > MAX_SHAPED) return false;
    // API Gateway's static values are quoted: `"'true'"` for Access-Control-Allow-Credentials, `"''"` to clear a header.
    const quoted = /^'([^']*)'$/.exec(v);
    if (quoted) return isUnusable(quoted[1]) || isSettingShaped(quoted[1]);
    if (NUMBER.test(v) || BOOLEAN.test(v) || DURATION.test(v) || SIZE.test(v) || TIMESTAMP.test(v) || LOG_LEVEL.test(v)) return true;
    if (isVerifier(v) || isAwsAccessKeyId(v) || KMS_CIPHERTEXT.test(v) || RDS_SECRET_NAME.test(v)) return true;
    if (/\s/.test(v)) return false;
    if ((DOTTED_NAME.test(v) || HOSTNAME.test(v)) && !isDottedPassphrase(v)) return true;
    if (EMAIL.test(v) || IP.test(v) || MIME.test(v) || ALGORITHM.test(v) || CONDITION_KEY.test(v) || ETHEREUM_ADDRESS.test(v) || AUTH_SCHEME.test(v)) return true;
    if (URL_SHAPE.test(v)) return true; // with a password or a secret in it, ./formats.ts reported it first
    if (isStoreReference(v)) return true;
    if ((ABSOLUTE_PATH.test(v) || RELATIVE_PATH.test(v)) && v.split(/[/\\]/).every((s) => s === "" || s === "." || s === ".." || /[A-Za-z0-9]/.test(s))
        && !looksRandom(v.replace(/^.*[/\\]/, "")) && !isBase64Key(v)) return true;
    // An enum value: ALLOW_USER_PASSWORD_AUTH, AWSCURRENT, SCRAM-SHA-256, CUSTOM, AES256. Not capitals
    // and digits that alternate again and again (a base32 TOTP seed, a generated K7QX9ZP2...), nor a
    // weak password in capitals (CHANGEME: decision 4).
    // Nor a run of 16 capitals or more (an Erlang cookie, RABBITMQ_ERLANG_COOKIE: 20 of them).
    if (UPPER_ENUM.test(v) && v.length <= 40 && (!/\d{3}/.test(v) || v.split(/[-_]/).length >= 3) && digitRuns(v) <= 2 && !WEAK_PASSWORD.test(v)
        && !/[A-Z0-9]{16}/.test(v)) return true;
    if (SLUG.test(v) && THING_WORDS.test(v) && !/\d{4}/.test(v)) return true;
    if (ACCOUNT_SCOPED_NAME.test(v)) return true;
    return false;
}

/**
 * A key its service hands to browsers by design, so public whatever it is called: Stripe's and
 * Clerk's publishable keys (`pk_live_`, `pk_test_`; their secret keys are `sk_`/`rk_`) and
 * PostHog's project keys (`phc_`; its personal keys are `phx_`). Never consulted for formats.
 */
export function isPublishableKey(value: string): boolean {
    return /^(?:pk_(?:live|test)_[A-Za-z0-9+/=$]{8,250}|phc_[A-Za-z0-9]{30,60})$/.test(value.trim());
}

/** A password verifier, not a password: bcrypt, crypt(3) and htpasswd hashes (decision: verifiers are not credentials). */
export function isVerifier(value: string): boolean {
    // PostgreSQL's md5 verifier too ('md5' + md5(password + user): gitlab-ctl pg-password-md5), and its SCRAM verifier,
    // `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>` (pg_authid's form, what pgbouncer's auth_file takes).
    return /^md5[0-9a-f]{32}$/.test(value) || SCRAM_VERIFIER.test(value) || /^(?:[\w.@-]{1,64}:)?(?:\$(?:2[abxy]?|1|5|6|y|gy|7|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?|apr1)\$[./A-Za-z0-9$=,+-]{8,}|\{(?:SHA|SSHA|SHA256|SSHA512|MD5|CRYPT)\}[A-Za-z0-9+/=.$]{8,})$/.test(value);
}

const SCRAM_VERIFIER = /^SCRAM-SHA-256\$\d{1,7}:[A-Za-z0-9+/]{8,128}={0,2}\$[A-Za-z0-9+/]{40,64}={0,2}:[A-Za-z0-9+/]{40,64}={0,2}$/;

export function isAwsAccessKeyId(value: string): boolean {
    return /^(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16}$/.test(value);
}

export function isUuid(value: string): boolean {
    return UUID.test(value);
}

// ---------------------------------------------------------------- randomness

/** How often each character occurs in the value (what `entropy` and `isDummy` read). */
function charCounts(value: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    return counts;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
    const counts = charCounts(value);
    let bits = 0;
    const n = value.length;
    for (const c of counts.values()) bits -= (c / n) * Math.log2(c / n);
    return bits;
}

/**
 * A value that looks generated rather than chosen: long enough, no spaces, mixed
 * characters or high entropy, and not a setting, an ID or a digest-shaped name of a thing.
 * Used only together with a name that may hold a credential (STRIPE_KEY, X-Origin-Verify).
 */
export function looksRandom(value: string): boolean {
    const v = value.trim();
    if (v.length < 16 || v.length > MAX_SHAPED || /\s/.test(v)) return false;
    let lower = 0;
    let upper = 0;
    let digit = 0;
    let other = 0;
    for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        if (c >= 97 && c <= 122) lower++;
        else if (c >= 65 && c <= 90) upper++;
        else if (c >= 48 && c <= 57) digit++;
        else other++;
    }
    // Words joined by separators (orders-session-cache-primary) are names, not keys.
    if (digit === 0 && upper === 0 && /^[a-z]+(?:[-_.][a-z]+)+$/.test(v)) return false;
    const classes = [lower, upper, digit, other].filter((n) => n > 0).length;
    // Hex keys (Datadog, Twilio, PagerDuty) have two classes and at most 4 bits per character.
    if (v.length >= 32 && digit > 0 && /^[0-9a-f]+$|^[0-9A-F]+$/.test(v)) return true;
    return (classes >= 3 && digit > 0) || entropy(v) >= 3.5;
}

// ---------------------------------------------------------------- LocalStack

/** A value pointing at a local emulator: siblings' dummy credentials are documented fakes there. */
export function pointsAtLocalEmulator(value: string): boolean {
    return /localhost|localstack|127\.0\.0\.1|:4566\b/i.test(value.length > MAX_SHAPED ? value.slice(0, MAX_SHAPED) : value);
}

/**
 * A credential for a local emulator that cannot be a real one. LocalStack and moto accept any
 * value, so programs set a word (their documented `test`, or `dev`, `local-secret-key`); a real
 * key looks generated (an AKIA... key ID, a random secret) and is still reported.
 */
export function isEmulatorDummy(value: string): boolean {
    const v = value.trim();
    return !isAwsAccessKeyId(v) && !looksRandom(v);
}
