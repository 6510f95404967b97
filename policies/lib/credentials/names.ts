// What a property, variable, header or flag name says about its value: it holds a
// credential (DB_PASSWORD, SIGNING_KEY, REDIS_AUTH), it may hold one if the value looks
// random (STRIPE_KEY, X-Origin-Verify), it only describes or references one
// (PASSWORD_MIN_LENGTH, SESSION_TOKENS_TABLE, secretArn), or it says nothing.
// Names are split into lower-case words (camelCase, snake_case, kebab-case, dots).

export type NameKind = "credential" | "weak" | "describing" | "none";

export interface NameJudgement {
    kind: NameKind;
    /** The name says the value is public by design (NEXT_PUBLIC_*, publishable, anon, site key, browser key). */
    public: boolean;
    /**
     * A credential name that ends in a password word (DB_PASSWORD, adminPass, MYSQL_PWD,
     * ADMIN_PASSCODE, DB_PASSWORD_PROD): a number there is the password. A word after it
     * makes a number a setting (PASSWORD_ITERATIONS, PASSWD_MAXAGE, OTP_PASSWORD_WINDOW).
     */
    password?: boolean;
    /**
     * A credential name whose credential word is `auth` as the last word (REDIS_AUTH, SMTP_AUTH):
     * an authentication mechanism's name there is a setting (SMTP_AUTH=login).
     */
    auth?: boolean;
    /**
     * A credential name whose credential word is `credentials` as the last word (FETCH_CREDENTIALS):
     * the Fetch standard's credentials mode there is a setting (`omit`, `same-origin`, `include`).
     */
    credentialsMode?: boolean;
    /**
     * A credential name for an encryption key (ENCRYPTION_KEY, fs.s3a.encryption.key, KMS_ENCRYPTION_KEY):
     * a KMS key's id there names the key, which AWS keeps (Hadoop's S3A takes "the specific KMS key id").
     */
    encryptionKey?: boolean;
}

/** Splits a key into lower-case words: `masterUserPassword`, `DB_PASSWORD`, `x-api-key`, `APIKey`. */
export function nameWords(key: string): string[] {
    // One pass over char codes, slicing words out: keys come from programs and may be huge.
    const words: string[] = [];
    let start = -1;
    for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (!isAlnum(c)) {
            if (start >= 0) words.push(key.slice(start, i).toLowerCase());
            start = -1;
        } else if (start < 0) {
            start = i;
        } else if (isUpper(c)) {
            // dbPassword, v2Token | APIKey (an acronym ends before the capital that starts a word)
            const prev = key.charCodeAt(i - 1);
            if (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(key.charCodeAt(i + 1)))) {
                words.push(key.slice(start, i).toLowerCase());
                start = i;
            }
        }
    }
    if (start >= 0) words.push(key.slice(start).toLowerCase());
    return words;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isUpper(c) || isLower(c) || isDigit(c);

// Words that name a credential by themselves.
const CREDENTIAL_WORDS = new Set([
    "password", "passwords", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "secrets", "token", "tokens",
    "credential", "credentials", "creds", "apikey", "apikeys", "privatekey", "connectionstring", "psk", "htpasswd", "authorization",
    // Redis's password directives (redis.conf, redis-server --requirepass).
    "requirepass", "masterauth",
    // erl -setcookie <cookie>.
    "setcookie",
]);
// One-word spellings: DBPASSWORD, authtoken, clientsecret, SECRETKEY.
const CREDENTIAL_SUFFIXES = ["password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "secretkey", "credentials"];
// `pass` ends a one-word name only after these (adminpass, dbpass), never in bypass, compass.
const PASS_PREFIXES = [
    "admin", "user", "root", "db", "replication", "keystore", "truststore", "master", "smtp", "mail", "ldap", "mysql", "pg", "redis", "app", "api", "svc", "service",
    // keytool's -storepass, -keypass, -srcstorepass, -deststorepass, -srckeypass, -destkeypass.
    "store", "key", "srcstore", "deststore", "srckey", "destkey",
];

// `<qualifier> key` holds a credential (ENCRYPTION_KEY, SIGNING_KEY, DD_APP_KEY, LICENSE_KEY).
const STRONG_KEY_QUALIFIERS = new Set([
    "api", "app", "application", "secret", "private", "encryption", "encrypt", "enc", "signing", "sign", "hmac", "master", "license",
    "licence", "auth", "service", "account", "db", "database", "client", "root", "admin", "session", "cookie", "jwt", "crypto", "cipher",
    "aes", "shared", "preshared", "sas", "storage", "webhook", "ingest", "insert", "write", "deploy", "integration", "role", "consumer",
    "subscription", "management", "jws", "jwe", "hec", "sse",
]);
// Qualifiers of an encryption key, whose value may be a KMS key's id.
const ENCRYPTION_KEY_WORDS = new Set(["encryption", "encrypt", "enc", "sse"]);
// `<qualifier> key` that names a key of something else (a table, an object, a cache entry) or a public key.
const NOT_KEY_QUALIFIERS = new Set([
    "partition", "sort", "hash", "range", "s3", "object", "cache", "idempotency", "idempotent", "kms", "cmk", "public", "pub", "foreign",
    "dedup", "deduplication", "group", "message", "lookup", "metric", "dimension", "tag", "label", "prefix", "cursor", "shard", "row",
    "column", "index", "config", "feature", "translation", "locale", "hot", "map", "primary", "unique", "composite", "natural", "surrogate",
    "password", "passwords", "pass", "asset", "file", "bucket", "route", "registry", "env", "i18n", "item", "lock", "pgp", "gpg", "key", "keys",
    // gpg --recv-keys <fingerprint>: public keys fetched from a key server.
    "recv", "receive",
    // S3-compatible APIs (MinIO, DataSync, Ceph) call the key ID the "access key"; its secret is the "secret key".
    "access",
]);
// Last words that make a name a weak credential name: the value decides (X-Origin-Verify, a
// header CloudFront sends the origin as a shared secret).
const WEAK_LAST_WORDS = new Set(["verify", "verification"]);
// `key value <noun>` names a data structure, not a key: keyValuePairs, KeyValueStore (whose
// entries are then judged by their own names).
const KEY_VALUE_NOUNS = new Set(["pair", "pairs", "store", "stores", "map", "maps", "list", "lists"]);

// A word after the credential word makes the name about the credential, not the credential
// itself: secretArn, passwordLength, TOKEN_TTL, SESSION_TOKENS_TABLE, SECRETS_BACKEND.
const REFERENCE_WORDS = new Set([
    "arn", "arns", "id", "ids", "identifier", "name", "names", "length", "policy", "policies", "type", "types", "kind", "version", "versions",
    "stage", "stages", "status", "rotation", "rotated", "url", "urls", "uri", "uris", "endpoint", "endpoints", "path", "paths", "prefix",
    "suffix", "ref", "refs", "reference", "source", "sources", "location", "field", "fields", "header", "headers", "enabled", "enable", "disabled", "required",
    "require", "count", "ttl", "validity", "units", "expiration", "expiry", "expires", "expire", "date", "time", "timestamp", "strategy",
    "mode", "method", "methods", "algorithm", "alg", "format", "encoding", "label", "labels", "description", "issuer", "host", "hostname",
    "domain", "domains", "selection", "expression", "generation", "provider", "providers", "param", "params", "parameter", "parameters",
    "file", "files", "filename", "dir", "directory", "folder", "mount", "volume", "alias", "role", "kms", "public", "list", "lists", "scope",
    "scopes", "validation", "table", "tables", "queue", "queues", "topic", "topics", "bucket", "stream", "template", "templates", "store",
    "backend", "backends", "kwargs", "audience", "aud", "hash", "hashed", "digest", "sha1", "sha256", "sha512", "md5", "bcrypt", "checksum", "fingerprint", "capacity", "size", "port",
    "millis", "ms", "seconds", "secs", "sec", "minutes", "mins", "min", "hours", "days", "weeks", "level", "limit", "limits", "lifetime", "max",
    "timeout", "interval", "rounds", "retries", "attempts", "duration", "age", "changed", "updated", "created", "last", "stdin", "env",
    "prompt", "reset", "regex", "pattern", "mask", "manager", "extension", "layer", "handler", "function", "lambda", "service", "cookie",
    "claims", "claim", "query", "complexity", "strength", "history", "reuse", "rule", "rules", "requirements", "usage", "user", "username",
    "users", "owner", "region", "cache", "config", "configuration", "settings", "setting", "options", "server", "flow", "flows", "grant",
    "chars", "charset", "enforcement", "check", "auth", "authentication", "mfa", "lock", "locked", "refresh", "exchange", "revocation",
    "introspection", "storage", "vault", "spec", "pair", "pairs",
    // A named profile of a credentials file (AWS_CREDENTIALS_PROFILE=default): a name, as AWS_PROFILE is.
    "profile", "profiles",
    // A blockchain token's public identity (TOKEN_ADDRESS, TOKEN_MINT) and what a setting is about (TOKEN_MODEL, SECRET_ENGINE).
    "address", "addresses", "addr", "contract", "contracts", "mint", "symbol", "decimals", "network", "chain", "model", "engine", "placement",
    // How a credential is carried, checked or talked about: TOKEN_SCHEME=Bearer, PASSWORD_HINT.
    "scheme", "transport", "audiences", "validator", "validators", "characters", "symbols", "delimiter", "separator", "locale", "lang",
    "language", "hint", "hints", "message", "messages", "msg", "error", "errors",
    // The policy around a credential: PASSWORD_GENERATOR=diceware, TOKEN_RATE, PASSWORD_BLOCKLIST. Not
    // words a credential itself is named with (value, data, content, default, fallback, salt, pepper,
    // test, admin, base as in Rails' SECRET_KEY_BASE), nor what it may be scoped to (SCOPE_WORDS).
    "class", "impl", "factory", "context", "state", "states", "step", "steps", "flag", "flags", "option", "filter", "filters", "matcher",
    "schema", "shape", "redirect", "view", "page", "screen", "form", "button", "link", "subject", "generator", "rotator", "renewal", "debug",
    "verbose", "color", "theme", "icon", "logo", "width", "height", "visibility", "visible", "toggle", "feature", "features", "experiment",
    "ratio", "percent", "percentage", "weight", "priority", "threshold", "quota", "budget", "rate", "frequency", "period", "window", "delay",
    "backoff", "jitter", "cooldown", "grace", "leeway", "skew", "tolerance", "score", "entropy", "bits", "bytes", "digits", "letters",
    "uppercase", "lowercase", "numbers", "numeric", "special", "alphabet", "dictionary", "wordlist", "blacklist", "blocklist", "denylist",
    "allowlist", "whitelist", "breached", "pwned", "meter", "checker", "iterations", "iteration", "cost", "factor", "memory", "parallelism",
    "threads", "concurrency", "batch", "cron", "schedule", "cleanup", "purge", "lifespan", "maxage", "issued", "category", "tier", "plan",
    "tags", "note", "notes", "comment", "title", "summary", "help", "info", "details", "health", "question", "reminder", "recovery",
    "forgot", "change", "update", "generate", "span", "revoke",
    // Cognito's token_use claim (TOKEN_USE=access).
    "use",
    // The command that produces one: the AWS CLI's and SDKs' `credential_process` in ~/.aws/config ("Sourcing
    // credentials with an external process": `credential_process = /opt/bin/awscreds-custom --username helen`),
    // Airflow's `AIRFLOW__{SECTION}__{KEY}_CMD` (`AIRFLOW__WEBSERVER__SECRET_KEY_CMD`: "execute the command the key is pointing to").
    "process", "cmd", "command",
]);
// Words after the credential word that may name what the credential is scoped to or used by
// (API_KEY_PROJECT, SLACK_TOKEN_CHANNEL, DD_API_KEY_LOGS) or what it is about (SECRET_PROJECT=acme-prod,
// SECRET_NAMESPACE=production, AUTH_TOKEN_DRIVER=database): the value decides, as for a weak name.
const SCOPE_WORDS = new Set([
    "project", "org", "organization", "tenant", "team", "group", "groups", "zone", "namespace", "worker", "workers", "job", "task", "plugin",
    "module", "package", "library", "lib", "driver", "adapter", "sync", "event", "events", "hook", "hooks", "listener", "trigger", "callback",
    "router", "route", "channel", "sink", "destination", "monitor", "audit", "log", "logs", "logging", "metrics", "tracing", "email", "mail",
    "sender", "recipient",
]);
// Words before the credential word that make it a non-credential: public keys, values already
// encrypted or hashed, a reference to a secret that exists elsewhere.
const NOT_SECRET_BEFORE = new Set(["public", "encrypted", "existing", "hashed", "forgot"]);
// Words before "token" for the AWS and application "tokens" that are idempotency or paging
// handles (clientToken, nextToken), DNS records (dkimTokens), enums (httpTokens), counters
// (MAX_TOKENS) or per-request values (CSRF tokens).
const NOT_SECRET_BEFORE_TOKEN = new Set([
    "client", "creation", "lock", "update", "version", "offer", "policy", "idempotency", "continuation", "next", "pagination", "page",
    "paging", "dkim", "grant", "view", "software", "pre", "max", "csrf", "xsrf", "bucket", "id", "cancel", "cancellation", "sync",
    "input", "output", "completion", "prompt", "context", "push", "device", "hardware", "validation", "mfa",
]);
// A verification token is per-request (an e-mail link) or a webhook's shared secret (Slack's,
// Zoom's): only a random-looking value is reported.
const WEAK_BEFORE_TOKEN = new Set(["verification"]);
// Public by design: build-time prefixes of front-end frameworks and words that say so.
const PUBLIC_FIRST_WORDS: readonly (readonly string[])[] = [["next", "public"], ["vite"], ["react", "app"], ["expo", "public"], ["gatsby"], ["nuxt", "public"], ["public"], ["storybook"], ["mix"]];
const PUBLIC_WORDS = new Set(["publishable", "anon", "browser"]);
// Keys their vendors hand to browsers by design, named by the vendor and the key's kind; the
// same vendors' secrets (ALGOLIA_ADMIN_API_KEY, PUSHER_APP_SECRET, AMPLITUDE_SECRET_KEY,
// MIXPANEL_API_SECRET) are other names. [vendor word, the words the name must also hold, its last word]
const PUBLIC_VENDOR_KEYS: readonly (readonly [string, readonly string[], string])[] = [
    ["firebase", ["api"], "key"], // Firebase: "API keys for Firebase services are not secret"
    ["algolia", ["search"], "key"], // the search-only key, for frontend code
    ["pusher", [], "key"], // the app key the client library connects with
    ["braintree", ["tokenization"], "key"], // the client-side tokenization key (the private key is another)
    ["segment", ["write"], "key"], // the write key of every page's analytics.js snippet
    ["amplitude", ["api"], "key"], // the browser SDK's key (the secret key is another)
    ["mixpanel", [], "token"], // the project token (the API secret is another)
    ["unleash", ["frontend"], "token"], // the frontend token, made for client-side code (the API token is another)
    ["openreplay", ["project"], "key"], // the project key of every page's tracker snippet
];
// A client-side ID or key is for browsers (LaunchDarkly's), but a client-side encryption key is a secret.
const NOT_CLIENT_SIDE_PUBLIC = ["encryption", "encrypt", "enc", "master", "private", "secret", "signing", "sign", "cse"];
const isClientSide = (words: readonly string[]) => words.some((w, i) => w === "client" && words[i + 1] === "side")
    && !NOT_CLIENT_SIDE_PUBLIC.some((w) => words.includes(w));
const NOT_PUBLIC_VENDOR_WORDS = ["secret", "admin", "private", "service", "account", "personal", "management", "master"];
const isPublicVendorKey = (words: readonly string[]) => !NOT_PUBLIC_VENDOR_WORDS.some((w) => words.includes(w))
    && PUBLIC_VENDOR_KEYS.some(([vendor, also, last]) => words.includes(vendor) && also.every((w) => words.includes(w)) && words[words.length - 1] === last);

const PASSWORD_WORDS = new Set(["password", "passwords", "pass", "passwd"]);
// A credential word that says password: a number there is one (DB_PASSWORD: "12345678").
const PASSWORD_WORD = /(?:pass(?:word|wd|phrase|code)?s?|pwd)$/;
// What may follow it and still leave the password: a number or an environment (PASSWORD_2, DB_PASSWORD_PROD).
const AFTER_PASSWORD = /^(?:\d+|v\d+|prod|production|dev|development|staging|stg|test|qa|uat|local|default|new|old|current|previous)$/;

interface Mention {
    start: number;
    end: number;
    weak: boolean;
}

function mentions(words: readonly string[]): Mention[] {
    const found: Mention[] = [];
    const last = words.length - 1;
    words.forEach((w, i) => {
        if (CREDENTIAL_WORDS.has(w)) {
            // PASS alone, after a word, or before one: DB_PASS, PASS_PHRASE; not PASS_THROUGH (a one-word name anyway).
            found.push({ start: i, end: i + 1, weak: false });
        } else if (w === "string" && words[i - 1] === "connection") {
            found.push({ start: i - 1, end: i + 1, weak: false }); // connectionString
        } else if (w === "auth" && i === last && i > 0) {
            found.push({ start: i, end: i + 1, weak: false }); // REDIS_AUTH, BASIC_AUTH
        } else if ((w === "pat" || w === "pw") && i === last && i > 0) {
            found.push({ start: i, end: i + 1, weak: false }); // GH_PAT, DB_PW
        } else if (w === "cookie" && i === last && ERLANG_COOKIE_QUALIFIERS.has(words[i - 1])) {
            found.push({ start: i, end: i + 1, weak: false }); // RABBITMQ_ERLANG_COOKIE, RELEASE_COOKIE, EMQX_NODE__COOKIE: Erlang distribution's shared secret
        } else if (w === "key" || w === "keys") {
            if (words[i + 1] === "value" && KEY_VALUE_NOUNS.has(words[i + 2])) return;
            // `key` alone names an entry (an S3 object's, a KeyValueStore's, a map's), not a key.
            if (words.length === 1) return;
            const q = words[i - 1];
            if (q !== undefined && STRONG_KEY_QUALIFIERS.has(q)) found.push({ start: i - 1, end: i + 1, weak: false });
            else if (q === undefined || !NOT_KEY_QUALIFIERS.has(q)) found.push({ start: i, end: i + 1, weak: true });
        } else if (WEAK_LAST_WORDS.has(w) && i === last) {
            found.push({ start: i, end: i + 1, weak: true });
        } else if (CREDENTIAL_SUFFIXES.some((s) => w.length > s.length && w.endsWith(s))) {
            found.push({ start: i, end: i + 1, weak: false });
        } else if (w.length > 4 && w.endsWith("pass") && PASS_PREFIXES.includes(w.slice(0, -4))) {
            found.push({ start: i, end: i + 1, weak: false });
        } else if (w.length > 3 && w.endsWith("pwd") && i > 0) {
            found.push({ start: i, end: i + 1, weak: false }); // DBPWD
        }
    });
    return found;
}

/** Names already judged (short ones): a stack repeats its property and variable names thousands of times. */
const judged = new Map<string, NameJudgement>();
const JUDGED_MAX = 50_000;
const JUDGED_KEY_MAX = 256;

/** Judges a name: does it hold a credential, maybe hold one, only describe one, or say nothing? */
export function judgeName(key: string): NameJudgement {
    if (key.length > JUDGED_KEY_MAX) return judgeNameWords(key);
    let judgement = judged.get(key);
    if (judgement === undefined) {
        if (judged.size >= JUDGED_MAX) judged.clear();
        judgement = Object.freeze(judgeNameWords(key));
        judged.set(key, judgement);
    }
    return judgement;
}

// Words before `cookie` that make it Erlang distribution's shared secret.
const ERLANG_COOKIE_QUALIFIERS = new Set(["erlang", "erl", "release", "node"]);
// One-word spellings of several words: HONEYCOMB_WRITEKEY, SEGMENT_WRITEKEY; Vault's AppRole SecretID joined
// (VAULT_APPROLE_SECRETID, SPRING_CLOUD_VAULT_APPROLE_SECRETID, APPROLESECRETID), as SECRETID is SECRET_ID.
const SPLIT_WORDS: Readonly<Record<string, readonly string[]>> = {
    writekey: ["write", "key"], secretid: ["secret", "id"], approlesecretid: ["approle", "secret", "id"], vaultsecretid: ["vault", "secret", "id"],
};

// Bundler's credentials for a gem source, named by its host (gems.contribsys.com:
// BUNDLE_GEMS__CONTRIBSYS__COM=user:password); BUNDLE_BUILD__<gem>, BUNDLE_MIRROR__<url>,
// BUNDLE_LOCAL__<gem> and BUNDLE_GEM__<option> are settings.
const BUNDLER_SOURCE = /^BUNDLE_(?!(?:BUILD|MIRROR|LOCAL|GEM)__)[A-Z0-9_]{1,200}__[A-Z0-9]{2,63}$/i;

// WordPress's eight authentication keys and salts (wp-config.php's AUTH_KEY ... NONCE_SALT, which
// api.wordpress.org/secret-key/1.1/salt/ generates): together they key the HMAC of its login cookies,
// so a salt is as secret as a key. As the official image's WORDPRESS_* variables, Bedrock's .env and
// wp-config.php's constants name them; bare LOGGED_IN_KEY and NONCE_KEY may name other things and stay
// names that may hold one (a random value), as AUTH_KEY already holds one. Other salts (HASHIDS_SALT,
// WP_CACHE_KEY_SALT) are not credentials.
const WORDPRESS_KEY = /^(?:(?:WORDPRESS_|WP_)(?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_KEY|(?:WORDPRESS_|WP_)?(?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_SALT)$/i;

// Headers that carry a vendor's API key under a name that does not say so (Honeycomb's team
// header), in a request, an OpenTelemetry header list or a collector's `headers:` map.
const KEY_HEADERS: ReadonlySet<string> = new Set(["x-honeycomb-team"]);

// Hadoop's Azure connectors scope a setting to one storage account by its endpoint after the name (hadoop-azure's
// `fs.azure.account.key.<account>.blob.core.windows.net`, the account's access key; Cloudera's ABFS guide: "add the
// following suffix to the key: .<Account>.dfs.core.windows.net"): the name before the endpoint says what the setting
// is. Account names are 3 to 24 small letters and digits; the endpoints of Azure's national clouds too.
const AZURE_ACCOUNT_ENDPOINT = /\.[a-z0-9]{3,24}\.(?:blob|dfs)\.core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net|cloudapi\.de)$/i;

// Airflow's `AIRFLOW__{SECTION}__{KEY}_SECRET` names the key its secrets backend holds the option under
// ("retrieve the secret from the configured secrets backend"), for the options Airflow reads so (its
// environment variable reference lists sql_alchemy_conn, fernet_key, broker_url, flower_basic_auth,
// result_backend, password, smtp_password and secret_key): a name (`sql_alchemy_conn`,
// `airflow/config/sql_alchemy_conn`), so only a random value there may be the secret itself. Its
// `_CMD` form names a command ("execute the command the key is pointing to"), as `process` does.
const AIRFLOW_SECRET_OPTION = /^AIRFLOW__[A-Z0-9_]{1,64}?__(?:SQL_ALCHEMY_CONN|FERNET_KEY|BROKER_URL|FLOWER_BASIC_AUTH|RESULT_BACKEND|PASSWORD|SMTP_PASSWORD|SECRET_KEY)_SECRET$/i;

/**
 * The name an SSM parameter gives its value, its path's last segment (`/app/prod/db_password` →
 * `db_password`); none for a path ending in `/`.
 */
export function parameterLeaf(path: string): string | undefined {
    const last = path.slice(path.lastIndexOf("/") + 1);
    return last === "" ? undefined : last;
}

/** A Hadoop Azure setting's name without the storage account it is scoped to (`fs.azure.account.key.acme.dfs.core.windows.net` → `fs.azure.account.key`). */
export function withoutAzureAccountEndpoint(name: string): string {
    return name.includes("fs.azure.") ? name.replace(AZURE_ACCOUNT_ENDPOINT, "") : name;
}

// New Relic's charts (their common library, as in its EKS add-on's values) name the Kubernetes Secret that holds a key
// and the key in that Secret: customSecretName, customSecretLicenseKey ("Key in the Secret object where the license key is
// stored"), customUserKeySecretKey, customInsightsKeySecretKey. The value is a key's name (`license`, `licenseKey`), so only
// a random-looking value there may be the key itself. A custom secret, a custom secret key and AWS's, a JWT's or an app's
// secret key are still credentials.
function namesKeyInSecret(words: readonly string[]): boolean {
    const last = words.length - 1;
    if (words[last] !== "key") return false;
    const custom = words.indexOf("custom");
    return (custom >= 0 && words[custom + 1] === "secret" && custom + 2 < last) || (last >= 3 && words[last - 1] === "secret" && words[last - 2] === "key");
}

// Vault's AppRole SecretID is the login's password ("a credential that is required by default for any login"), not
// an identifier as AWS's SecretId is: VAULT_SECRET_ID, APPROLE_SECRET_ID, AppRoleSecretID (its RoleID is the user name;
// _FILE, _TTL stay names).
function isAppRoleSecretId(words: readonly string[]): boolean {
    const last = words.length - 1;
    return last >= 2 && words[last - 1] === "secret" && words[last] === "id"
        && words.some((w, i) => w === "vault" || w === "approle" || (w === "app" && words[i + 1] === "role"));
}

function judgeNameWords(name: string): NameJudgement {
    const key = withoutAzureAccountEndpoint(name);
    if (BUNDLER_SOURCE.test(key) || WORDPRESS_KEY.test(key) || KEY_HEADERS.has(key.toLowerCase())) return { kind: "credential", public: false };
    if (AIRFLOW_SECRET_OPTION.test(key)) return { kind: "weak", public: false };
    const words = nameWords(key).flatMap((w) => SPLIT_WORDS[w] ?? [w]);
    const isPublic = PUBLIC_FIRST_WORDS.some((prefix) => prefix.every((p, j) => words[j] === p))
        || words.some((w, i) => PUBLIC_WORDS.has(w) || (w === "site" && words[i + 1] === "key") || (w === "public" && i > 0))
        || (words.includes("search") && words.includes("only")) || isClientSide(words) || isPublicVendorKey(words);
    if (isAppRoleSecretId(words)) return { kind: "credential", public: isPublic };
    const found = mentions(words);
    if (found.length === 0) return { kind: "none", public: isPublic };
    if (namesKeyInSecret(words)) return { kind: "weak", public: isPublic };
    // referenceAfter[i]: a reference word at i or later; notSecretBefore[i]: such a word before i.
    const referenceAfter = new Array<boolean>(words.length + 1).fill(false);
    for (let i = words.length - 1; i >= 0; i--) referenceAfter[i] = referenceAfter[i + 1] || REFERENCE_WORDS.has(words[i]);
    const notSecretBefore = new Array<boolean>(words.length + 1).fill(false);
    for (let i = 0; i < words.length; i++) notSecretBefore[i + 1] = notSecretBefore[i] || NOT_SECRET_BEFORE.has(words[i]);
    let weak = false;
    for (const m of found) {
        if (referenceAfter[m.end] || notSecretBefore[m.start]) continue;
        if (words.slice(m.end).some((w) => SCOPE_WORDS.has(w))) {
            weak = true;
            continue;
        }
        const w = words[m.start];
        const beforeToken = (w === "token" || w === "tokens") && m.start > 0 ? words[m.start - 1] : undefined;
        if (beforeToken !== undefined && NOT_SECRET_BEFORE_TOKEN.has(beforeToken)) continue;
        if (beforeToken !== undefined && WEAK_BEFORE_TOKEN.has(beforeToken)) {
            weak = true;
            continue;
        }
        // The key a password sits under in a secret (adminPasswordKey: "postgres-password").
        if (PASSWORD_WORDS.has(w) && (words[m.end] === "key" || words[m.end] === "keys")) continue;
        if (!m.weak) {
            const password = PASSWORD_WORD.test(w) && words.slice(m.end).every((after) => AFTER_PASSWORD.test(after));
            return {
                kind: "credential", public: isPublic, ...(password ? { password: true } : {}), ...(w === "auth" ? { auth: true } : {}),
                ...((w === "credentials" || w === "credential") && m.end === words.length ? { credentialsMode: true } : {}),
                ...(ENCRYPTION_KEY_WORDS.has(w) || words.includes("kms") ? { encryptionKey: true } : {}),
            };
        }
        weak = true;
    }
    return { kind: weak ? "weak" : "describing", public: isPublic };
}

/** True when a name says it holds a credential (password, apiKey, DB_TOKEN...). */
export function nameLooksSensitive(key: string): boolean {
    return judgeName(key).kind === "credential";
}

// Child keys too generic to say anything: under a credential-holding parent they hold it
// (`apiKey: {key: "x-api-key", value: ...}`, cloud-init `chpasswd: {list: ...}`).
const GENERIC_CHILD_KEYS = new Set(["value", "values", "data", "text", "string", "plaintext", "content", "contents", "body", "list", "default", "current", "raw"]);

/**
 * A `key` whose parent is an API (`api: {key, site}`, the OpenTelemetry collector's Datadog
 * exporter; `datadog_api: {key}`) may hold its API key, as `STRIPE_KEY` may: a random-looking
 * value is reported, a header name (`x-api-key`), a path or a reference is not. `key` under any
 * other parent names an entry (an S3 object, a tag, a KeyValueStore item) and is not judged.
 * A vendor's browser key under a parent naming the vendor is public.
 */
export function judgeChildName(parent: string | undefined, key: string, siblings: Readonly<Record<string, unknown>>): NameJudgement | undefined {
    if (parent === undefined) return undefined;
    const words = nameWords(parent);
    if (key.toLowerCase() === "key") return words[words.length - 1] === "api" ? API_CHILD_KEY : undefined;
    // A key its vendor hands to browsers, named by its parent: a Firebase web config's `apiKey`
    // (`FIREBASE_CONFIG: {"apiKey": ...}`), public as FIREBASE_API_KEY is; or known by the config's
    // own fields under any parent (`APP_CONFIG`, `web_app_config`).
    const firebaseWebConfig = key === "apiKey" && isFirebaseWebConfig(siblings) && !NOT_PUBLIC_VENDOR_WORDS.some((w) => words.includes(w));
    return isPublicVendorKey([...words, ...nameWords(key)]) || firebaseWebConfig
        ? { ...judgeName(key), public: true } : undefined;
}

/**
 * The fields of a Firebase web app's config object (`firebase.initializeApp({apiKey, authDomain,
 * projectId, ...})`, also Identity Platform's): its `apiKey` is the browser key Firebase's docs call
 * "not secret", served to every visitor. Keys, not values: an unknown value changes nothing.
 */
function isFirebaseWebConfig(record: Readonly<Record<string, unknown>>): boolean {
    return "apiKey" in record && "authDomain" in record && "projectId" in record;
}
const API_CHILD_KEY: NameJudgement = Object.freeze({ kind: "weak", public: false });

export function isGenericChildKey(key: string): boolean {
    return GENERIC_CHILD_KEYS.has(key.toLowerCase());
}
