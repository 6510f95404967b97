// Credentials on command lines and in scripts: assignments (`export DB_PASSWORD=...`,
// `$env:TOKEN = "..."`, PowerShell's `$AdminPassword = "..."`), config lines written by
// heredocs (`aws_secret_access_key = ...`, `password: ...`), credential flags (`--password x`, `--api-key=x`), JVM system properties
// (`-Dspring.datasource.password=x`), request headers given to HTTP clients (`curl -H
// "X-Api-Key: x"`), the few commands whose arguments take a password (`mysql -pX`, `docker
// login -p X`, `curl -u user:pass`, `sshpass -p`, `redis-cli -a`, `htpasswd -b`, Windows'
// `net user name X` and `ConvertTo-SecureString "X" -AsPlainText`), literals piped to
// `--password-stdin`, `chpasswd` lines, `.netrc` entries, and the same in text written by
// `echo` or `printf` (`echo "DB_PASSWORD=..." >> .env`); JSON members on a line (`"password":"..."`);
// SQL giving a user a literal password (`CREATE USER app WITH PASSWORD '...'`); a parameter a script
// writes (`aws ssm put-parameter`), judged under the parameter's name; literals in VTL mapping templates.
// Names are judged by the caller (./names.ts and ./shapes.ts), so the same rules decide for
// a variable in a script as for a variable in a map. A value taken from elsewhere at run
// time (`$VAR`, `${VAR}`, `$(cmd)`, `` `cmd` ``, PowerShell's `(Get-...)`) is never a
// finding. Also OpenTelemetry exporters' header lists (`OTEL_EXPORTER_OTLP_HEADERS`), header
// by header, and option strings (`JAVA_TOOL_OPTIONS`), option by option.
import { decodeURIComponentSafe } from "./formats";
import { parameterLeaf, withoutAzureAccountEndpoint } from "./names";
import { base64Text, looksRandom } from "./shapes";

/** Decides whether `name` holding `value` is a credential (tiers 3 of the detection). */
export type NameJudge = (name: string, value: string) => boolean;

export interface ScriptFinding {
    /** What messages call it, from a fixed vocabulary (never text of the script). */
    what: string;
}

const MAX_SCRIPT = 1 << 20;
/** The part of a script, statement or source that is read: its first MAX_SCRIPT characters. */
const bounded = (text: string) => (text.length > MAX_SCRIPT ? text.slice(0, MAX_SCRIPT) : text);
const MAX_LINE = 16384;

/** Strips one level of quotes. */
function unquote(v: string): string {
    if (v.length >= 2 && ((v[0] === '"' && v[v.length - 1] === '"') || (v[0] === "'" && v[v.length - 1] === "'"))) return v.slice(1, -1);
    return v;
}

/**
 * A value resolved at run time, or nothing at all. `(`: a PowerShell expression (`(Get-SSMParameter ...).Value`);
 * `@path`: a file the command reads it from (a Jenkins agent's `-secret @/home/jenkins/secret-file`, curl's `-d @body.json`,
 * and a file of the working directory named by a slug: Jenkins's own agent command is `-secret @secret-file`);
 * `<%`: an ERB or EJS template's expression; `%{env:X}`: dovecot's and logstash's expansion; `{{`: a template's
 * expression, cut at its first space by a command's words (an SSM document's `{{ Password }}`, Jinja's `-p{{ db_pass }}`).
 */
function isRuntime(v: string): boolean {
    return v === "" || v.startsWith("$") || v.startsWith("`") || v.startsWith("(") || v.includes("$(") || v.includes("${") || v.startsWith("-") || v.includes("<%") || v.startsWith("%{") || v.includes("{{") ||
        /^@(?:\.{0,2}\/|~\/|[\w.-]{1,128}\/|[\w-]{1,128}\.[A-Za-z]{1,8}$|[a-z][a-z0-9]{0,63}(?:[-_][a-z0-9]{1,64}){1,7}$)/.test(v);
}

// NAME=value, export NAME=value, declare -x NAME=value, ENV NAME=value; PowerShell $env:NAME = "value";
// quoted (`docker run -e "NAME=value"`), given to a flag (`--from-literal=password=value`, terraform's
// `-var="name=value"`), to a systemd unit's `Environment=` (`Environment="DB_PASSWORD=value"`, systemd.exec(5))
// or in the AWS CLI's shorthand maps (`Variables={DB_USER=app,DB_PASSWORD=value}`).
const ASSIGNMENT = /(?:^|[\s;&|({,]["']?|(?<=\s--?[A-Za-z][\w-]{0,63}=["']?)|(?<=^\s{0,64}Environment=["']?))(?:export\s{1,8}|declare\s{1,8}(?:-x\s{1,8})?|readonly\s{1,8}|local\s{1,8}|ENV\s{1,8}|\$env:)?([A-Za-z_][A-Za-z0-9_.]{0,127})\s{0,4}=\s{0,4}("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|[^\s;&|'"`)]{1,4096})/g;
// Windows' persistent variables: `setx NAME value [/m]` (no `=`: Microsoft's setx syntax; a `/switch` is no value) and
// .NET's `[Environment]::SetEnvironmentVariable("NAME", "value", "Machine")`.
const SETX = /(?:^|[\s;&|(])setx(?:\.exe)?\s{1,8}([A-Za-z_]\w{0,127})\s{1,8}("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|[^\s;&|'"`/][^\s;&|'"`]{0,4095})/gi;
const SET_ENVIRONMENT_VARIABLE = /\bSetEnvironmentVariable\(\s{0,8}["']([A-Za-z_]\w{0,127})["']\s{0,8},\s{0,8}("[^"\n]{0,4096}"|'[^'\n]{0,4096}')/g;
// PowerShell variables given a quoted literal: $AdminPassword = "..." (a command or an expression is run time).
const POWERSHELL_ASSIGNMENT = /(?:^|[\s;(])\$([A-Za-z_][A-Za-z0-9_]{0,127})\s{0,4}=\s{0,4}("[^"$`\n]{1,4096}"|'[^'\n]{1,4096}')\s{0,8}(?:$|[;#)|])/g;
// Config lines written to files: `key = value`, `key: value`, `"key": "value"`.
const CONFIG_LINE = /^\s{0,64}["']?([A-Za-z_][\w.-]{0,127})["']?\s{0,8}[:=]\s{0,8}(.{1,4096}?)\s{0,8},?$/;
// printf with a format that takes arguments (`printf 'DB_PASSWORD=%s\n' "$X" >> .env`): the text it writes is
// the format with each `%s` (`%b`, `%d`, `%q`) replaced by the next argument, the format reused while arguments
// remain (bash's printf builtin); `%%` is a percent sign.
const PRINTF_WITH_ARGUMENTS = /(^|[\s;&|(])printf\s{1,8}(?:-v\s{1,8}[A-Za-z_]\w{0,63}\s{1,8})?("[^"\n]{1,4096}"|'[^'\n]{1,4096}')((?:\s{1,8}(?:"[^"\n]{0,4096}"|'[^'\n]{0,4096}'|(?:\$\([^()\n]{0,1024}\)|[^\s;&|<>'"`()]){1,4096})){1,16})/g;
const PRINTF_SPECIFIER = /%%|%[-+ 0#]{0,4}\d{0,3}(?:\.\d{1,3})?[sbdq]/g;
const SHELL_WORD = /"[^"\n]{0,4096}"|'[^'\n]{0,4096}'|(?:\$\([^()\n]{0,1024}\)|[^\s"'])+/g;

/**
 * The script with each printf that takes arguments written as the text it prints (`printf "DB_PASSWORD=x\n"`), so
 * that one reader judges what printf and echo write, and a public assignment is seen whole; unchanged when the
 * result would need both kinds of quote.
 */
export function expandPrintf(script: string): string {
    if (!script.includes("printf")) return script;
    return script.replace(PRINTF_WITH_ARGUMENTS, (whole: string, lead: string, format: string, rest: string) => {
        const fmt = unquote(format);
        if (!/%[-+ 0#]{0,4}\d{0,3}(?:\.\d{1,3})?[sbdq]/.test(fmt)) return whole;
        const args = (rest.match(SHELL_WORD) ?? []).map(unquote);
        let written = "";
        let next = 0;
        do {
            written += fmt.replace(PRINTF_SPECIFIER, (spec) => (spec === "%%" ? "%" : next < args.length ? args[next++] : ""));
        } while (next < args.length && written.length < 8192);
        const quote = !written.includes('"') ? '"' : !written.includes("'") ? "'" : undefined;
        return quote === undefined ? whole : `${lead}printf ${quote}${written}${quote}`;
    });
}

// Text written by echo or printf (`echo "DB_PASSWORD=..." >> .env`): a line of the file written.
const ECHOED = /(?:^|[\s;&|(])(?:echo|printf)\s{1,8}(?:-[neE]{1,3}\s{1,8})?("[^"\n]{1,4096}"|'[^'\n]{1,4096}')/g;
// echo 'TOKEN' | docker login -u ci --password-stdin (gh auth login --with-token, passwd --stdin): a literal fed to a
// command that reads its credential from stdin. printf's optional format comes first ('%s').
const PIPED_TO_STDIN = /(?:^|[\s;&(])(?:echo(?:\s{1,8}-[neE]{1,3})?|printf(?:\s{1,8}(?:'%s(?:\\n)?'|"%s(?:\\n)?"))?)\s{1,8}("[^"\n]{1,1024}"|'[^'\n]{1,1024}'|[^\s;&|'"`]{1,1024})\s{0,8}\|[^|\n]{0,512}?\s(?:--password-stdin|--with-token|passwd\s{1,8}--stdin)(?![\w-])/;
// --flag value, --flag=value; Spring Boot's dotted properties too (--spring.datasource.password=x), and
// snake_case flags (WP-CLI's `wp core install --admin_password=x`, `wp user create --user_pass=x`).
const LONG_FLAG = /(?:^|\s)--([A-Za-z][\w.-]{1,63})(?:=|\s{1,8})((?:[^\s;&|'"`]|"[^"\n]{0,4096}"|'[^'\n]{0,4096}'){1,4096})/g;
// -flag value, -flag=value, a word long (keytool -storepass, a Jenkins agent's -secret); one letter is too short to judge.
const SINGLE_DASH_FLAG = /(?:^|\s)-([A-Za-z][A-Za-z0-9_]{3,63})(?:=|\s{1,8})((?:[^\s;&|'"`]|"[^"\n]{0,4096}"|'[^'\n]{0,4096}'){1,4096})/g;
// The AWS CLI's shorthand pair, judged by its name: --tags Key=Name,Value=web, --parameters ParameterKey=DbPassword,ParameterValue=x,
// an ECS override's {name=DB_PASSWORD,value=x}. ParameterKey=x,UsePreviousValue=true resends nothing.
const SHORTHAND_PAIR = /(?:^|[\s,{"'])(?:[Kk]ey|[Nn]ame|ParameterKey)=([^\s,="']{1,128}),(?:[Vv]alues?|ParameterValue)=("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|[^\s,;&|'"`)}\]]{1,4096})/g;
const isShorthandPair = (m: RegExpExecArray) => /^(?:[Kk]ey|[Nn]ame|ParameterKey)$/.test(m[1]) && /^[^\s,=]{1,128},(?:[Vv]alues?|ParameterValue|UsePreviousValue|ResolvedValue)=/.test(m[2]);
// PHP constants (WordPress's wp-config.php: define( 'DB_PASSWORD', 'x' );).
const PHP_DEFINE = /\bdefine\(\s{0,8}['"]([A-Za-z_]\w{0,127})['"]\s{0,8},\s{0,8}("[^"\n]{0,4096}"|'[^'\n]{0,4096}')\s{0,8}\)/g;
// An XML element holding a value (Maven's settings.xml `<password>x</password>`).
const XML_ELEMENT = /<([A-Za-z_][\w.-]{0,63})>([^<>\n]{1,4096})<\/\1>/g;
// XML naming a value by an attribute: .NET's `<add key="SmtpPassword" value="x"/>`, Hibernate's
// `<property name="hibernate.connection.password">x</property>`.
const XML_KEY_VALUE = /<[\w:.-]{1,64}\s[^<>\n]{0,512}?\b(?:key|name)\s{0,4}=\s{0,4}"([^"\n]{1,128})"[^<>\n]{0,512}?\bvalue\s{0,4}=\s{0,4}("[^"\n]{0,4096}")/g;
const XML_NAMED_ELEMENT = /<[\w:.-]{1,64}\s[^<>\n]{0,512}?\bname\s{0,4}=\s{0,4}"([^"\n]{1,128})"[^<>\n]{0,512}?>([^<\n]{1,4096})<\//g;
// A Hadoop configuration property (hive-site.xml's `<name>javax.jdo.option.ConnectionPassword</name>
// <value>x</value>`), judged by its whole name; a property written on two lines is joined first.
const HADOOP_PROPERTY = /<name>\s{0,8}([A-Za-z_][\w.:-]{0,127})\s{0,8}<\/name>\s{0,8}<value>([^<>\n]{1,4096})<\/value>/g;
// An object member with a bare key (MongoDB's `db.createUser({user: "admin", pwd: "x"})`, a YAML flow mapping).
const BARE_MEMBER = /[{,]\s{0,8}([A-Za-z_]\w{0,63})\s{0,8}:\s{0,8}("[^"\n]{1,4096}"|'[^'\n]{1,4096}')/g;
// A setting keyed by a quoted name (GitLab's gitlab.rb `gitlab_rails['initial_root_password'] = 'x'`, a Python dict).
const KEYED_SETTING = /\[\s{0,8}['"]([A-Za-z_][\w.-]{0,127})['"]\s{0,8}\]\s{0,8}=\s{0,8}("[^"\n]{1,4096}"|'[^'\n]{1,4096}')/g;
// redis.conf: `requirepass x`, `masterauth x` (a directive and its value, no `=`).
const REDIS_DIRECTIVE = /^\s{0,64}(requirepass|masterauth)\s{1,8}("[^"\n]{1,1024}"|'[^'\n]{1,1024}'|[^\s'"]{1,1024})\s{0,8}$/g;
// A JVM system property, -Dname=value (java, JAVA_OPTS, Maven, Sonar): on a line, and as one argument.
const SYSTEM_PROPERTY = String.raw`-D([A-Za-z_][\w.-]{0,127})=`;
const SYSTEM_PROPERTY_IN_LINE = new RegExp(String.raw`(?:^|\s)${SYSTEM_PROPERTY}("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|[^\s;&|'"\x60]{1,4096})`, "g");
const SYSTEM_PROPERTY_ARGUMENT = new RegExp(String.raw`^${SYSTEM_PROPERTY}([\s\S]*)$`);
// A request header given to an HTTP client: curl/grpcurl -H, wget --header.
const HTTP_CLIENT = /\b(?:curl|wget|grpcurl)(?=\s)/;
const HEADER_FLAG = /\s(?:-H|--header)(?:\s{1,8}|=)("[^"\n]{1,4096}"|'[^'\n]{1,4096}'|[^\s;&|'"`]{1,4096})/g;
const HEADER = /^([A-Za-z0-9][\w-]{0,127})\s{0,8}:\s{0,8}([\s\S]*)$/;

// A JSON member given a string on a line (`ECS_ENGINE_AUTH_DATA={"registry":{"username":"ci","password":"x"}}`,
// `curl -d '{"password":"x"}'`), its quotes escaped or not.
const JSON_MEMBER = /\\?"([A-Za-z_][\w.-]{0,127})\\?"\s{0,8}:\s{0,8}\\?"([^"\\\n]{1,4096})\\?"/g;

// An .npmrc line scoped to a registry: //npm.acme.example/:_authToken=x (also _auth, _password).
const NPMRC_AUTH = /(?:^|[\s:'"])(_authToken|_auth|_password)\s{0,4}=\s{0,4}("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|[^\s;&|'"`)]{1,4096})/g;

// CREATE/ALTER USER ... [WITH] PASSWORD 'x' (PostgreSQL, Redshift), IDENTIFIED [WITH plugin] BY 'x' (MySQL, Oracle);
// not `password = 'x'`, which compares.
const SQL_PASSWORD = /\b(?:PASSWORD|IDENTIFIED\s{1,8}(?:WITH\s{1,8}\w{1,64}\s{1,8})?BY(?:\s{1,8}PASSWORD)?)\s{1,8}'([^'\n]{1,256})'/gi;
// Redshift's 'md5' + MD5 hash and 'sha256|digest|salt' (its 'sha256|password' is the password,
// hashed by Redshift), PostgreSQL's SCRAM verifier.
const SQL_PASSWORD_HASH = /^(?:md5[0-9a-f]{32}|sha256\|[0-9a-f]{64}\|[0-9a-f]{1,128}|SCRAM-SHA-256\$.+)$/i;

// Rails' asset build (`rails assets:precompile`, `rake assets:precompile`) boots the app, which needs a
// SECRET_KEY_BASE (and often a DATABASE_URL) to be set but uses none of them: the variables given on its
// line are dummies (`SECRET_KEY_BASE=dummy`; Rails 7.1 added SECRET_KEY_BASE_DUMMY=1 for this). A value
// that looks generated may be the real key copied there, and is still judged.
const ASSET_BUILD = /\bassets:precompile\b/;

// A command line where `changeit` is the JDK's published default: keytool, the cacerts truststore.
const JDK_TRUSTSTORE = /\bkeytool\b|(?:^|[\s/"'])-?cacerts\b/;

/**
 * `changeit`, the JDK truststore's published default password (`cacerts` holds public certificates), where it is that
 * default: under a trust store's name (`-Djavax.net.ssl.trustStorePassword=changeit`, `<trustStorePassword>`), or on a
 * command line that `line` gives naming keytool or cacerts (`keytool -importcert -cacerts -storepass changeit`). A key
 * store's `changeit` is a password like any other.
 */
function isJdkTruststoreDefault(value: string, where: { name?: string; line?: () => string }): boolean {
    return value === "changeit" && ((where.name !== undefined && /trust/i.test(where.name)) || (where.line !== undefined && JDK_TRUSTSTORE.test(where.line())));
}

/**
 * The literal a flag's value gives, quotes spliced out (`pass:"$X"` is `pass:$X`); undefined where
 * it names a source, not a value: a redirection (`gh auth login --with-token < token.txt`),
 * openssl's pass phrase sources (`env:`, `file:`, `fd:`, `stdin`; after `pass:` the literal
 * follows), a BuildKit secret spec (`--secret id=npmrc,src=$HOME/.npmrc`, what Docker advises
 * instead of build args), and the JDK truststore's published default (keytool's `-storepass
 * changeit`: `cacerts` holds public certificates). `context` gives the command line, read only for that.
 */
function flagValue(raw: string, context: () => string): string | undefined {
    const v = raw.replace(/"([^"]*)"|'([^']*)'/g, "$1$2");
    if (/^[<>]/.test(v) || /^(?:stdin$|env:|file:|fd:)/.test(v)) return undefined;
    if (/(?:^|,)id=/.test(v) && /(?:^|,)(?:src|source|env)=/.test(v)) return undefined;
    if (isJdkTruststoreDefault(v, { line: context })) return undefined;
    return v.startsWith("pass:") ? v.slice(5) : v;
}

/**
 * `-Dname=value` is judged as an assignment of the property's own name, the last dotted segment
 * (`keyStorePassword`); a last segment `key` alone says nothing, so it is judged with the segment
 * before it, which says what key: Hadoop's S3A connector takes its secret as `fs.s3a.secret.key`
 * (per bucket `fs.s3a.bucket.<name>.secret.key`), while `fs.s3a.access.key` is the key's ID
 * (hadoop-aws's documentation, "Authenticating with S3"). Its `fs.s3a.encryption.key` and
 * `server-side-encryption.key` name the KMS key of SSE-KMS (an ARN, a key ID or an alias), so an
 * encryption key keeps the weak name. A Hadoop Azure setting scoped to a storage account is judged without the
 * account's endpoint (`-Dfs.azure.account.key.<account>.dfs.core.windows.net`, the account's access key: ./names.ts).
 */
const propertyName = (property: string) => {
    const name = withoutAzureAccountEndpoint(property);
    const last = name.lastIndexOf(".");
    const qualified = name.slice(name.lastIndexOf(".", last - 1) + 1);
    return /^key$/i.test(name.slice(last + 1)) && !/encryption\.key$/i.test(qualified) ? qualified : name.slice(last + 1);
};

function isCredentialProperty(name: string, rawValue: string, judge: NameJudge): boolean {
    const value = unquote(rawValue);
    return !isRuntime(value) && !isJdkTruststoreDefault(value, { name }) && judge(propertyName(name), value);
}

/**
 * Names given values on a line, each regex matching (name, value): judged in this order, the
 * value unquoted and, unless the regex admits only literals, skipped when read at run time.
 */
const NAMED_VALUES: readonly { re: RegExp; what: string; name?(matched: string): string; literal?: boolean; skip?(m: RegExpExecArray): boolean; flag?: true }[] = [
    { re: ASSIGNMENT, what: "a variable assignment", skip: isShorthandPair },
    { re: SHORTHAND_PAIR, what: "an AWS CLI name/value pair" },
    // Quoted literals only: PowerShell expands nothing in single quotes, and `$` in double quotes is not matched.
    { re: POWERSHELL_ASSIGNMENT, what: "a variable assignment", literal: true },
    { re: SETX, what: "a variable assignment" },
    { re: SET_ENVIRONMENT_VARIABLE, what: "a variable assignment" },
    { re: LONG_FLAG, what: "a command-line flag's value", flag: true },
    { re: SYSTEM_PROPERTY_IN_LINE, what: "a JVM system property (`-D`)", name: propertyName },
    { re: JSON_MEMBER, what: "a JSON member" },
    { re: NPMRC_AUTH, what: "an .npmrc registry credential" },
    { re: SINGLE_DASH_FLAG, what: "a command-line flag's value", flag: true },
    { re: PHP_DEFINE, what: "a PHP constant" },
    { re: REDIS_DIRECTIVE, what: "a redis.conf directive" },
    { re: XML_ELEMENT, what: "an XML element" },
    { re: XML_KEY_VALUE, what: "an XML element" },
    { re: XML_NAMED_ELEMENT, what: "an XML element" },
    { re: HADOOP_PROPERTY, what: "a Hadoop configuration property" },
    { re: BARE_MEMBER, what: "an object member" },
    { re: KEYED_SETTING, what: "a keyed setting" },
];

const WORD = String.raw`("[^"\n]{1,256}"|'[^'\n]{1,256}'|[^\s;&|'"\x60]{1,256})`;
const after = (flag: string, separator = String.raw`\s{1,8}`) => {
    const re = new RegExp(String.raw`(?:^|\s)${flag}${separator}${WORD}`);
    return (t: string) => re.exec(t)?.[1];
};
const MYSQL_ATTACHED = new RegExp(String.raw`(?:^|\s)-p("[^"\n]{1,256}"|'[^'\n]{1,256}'|[^\s'"\x60]{1,256})`);
const CURL_USER = after("(?:-u|--user)", String.raw`(?:\s{1,8}|=)`);

// A redirection (`>nul`, `2>nul`, `> C:\logs\drives.txt`, `< in.txt`): its file is no argument of the command
// (`<your-password>` is a placeholder, not a redirection).
const REDIRECTION = /^\d?(?:>>?|<(?![^<>]*>$))/;

/**
 * The words of the command that starts `text` (up to `;`, `|`, `&` or a closing parenthesis), quotes kept;
 * a template's expression is one word (`{{ Password }}`), redirections and their files are left out
 * (batch files' `net use Z: /delete /y >nul 2>&1`).
 */
function commandWords(text: string, max = 16): string[] {
    const words: string[] = [];
    const word = /\s{0,8}("[^"\n]{1,256}"|'[^'\n]{1,256}'|(?:\{\{[^{}\n]{0,256}\}\}|[^\s;&|'"\x60)]){1,256})/y;
    let fileNext = false;
    for (let m = word.exec(text); m && words.length < max; m = word.exec(text)) {
        const redirection = REDIRECTION.exec(m[1]);
        if (redirection) fileNext = redirection[0].length === m[1].length;
        else if (fileNext) fileNext = false;
        else words.push(m[1]);
    }
    return words;
}

const isQuoted = (word: string) => word !== unquote(word);

/** The values of a command's options named in `options` (`--name x`, `--name=x`, PowerShell's `-Name x`), case aside. */
function optionValues(text: string, options: readonly string[]): Map<string, string> {
    const words = commandWords(text, 32);
    const values = new Map<string, string>();
    for (let i = 0; i < words.length; i++) {
        const option = /^--?([A-Za-z]{1,32})(?:=([\s\S]*))?$/.exec(words[i]);
        const name = option?.[1].toLowerCase();
        if (name === undefined || !options.includes(name)) continue;
        // `--value="x"` is two words: `--value=` and the quoted literal.
        const value = option![2] || words[++i];
        if (value !== undefined && !values.has(name)) values.set(name, value);
    }
    return values;
}

/**
 * A parameter a script writes (the AWS CLI's `aws ssm put-parameter --name /app/prod/db_password
 * --value X`, AWS Tools for PowerShell's `Write-SSMParameter -Name ... -Value X`): the value and
 * the name it is judged under, the parameter path's last segment, as an `aws.ssm.Parameter`'s
 * value is, whatever its `--type`: the literal is in the script either way. A value the CLI
 * reads from a file (`file://`, `fileb://`) is none; a name not known until run time names nothing.
 */
function parameterWritten(after: string): { name: string; value: string } | undefined {
    const options = optionValues(after, ["name", "value"]);
    const [path, value] = [options.get("name"), options.get("value")];
    const name = path === undefined ? undefined : parameterLeaf(unquote(path));
    if (name === undefined || value === undefined || isRuntime(name) || /^["']?fileb?:\/\//i.test(value)) return undefined;
    return { name, value };
}

/**
 * Commands whose arguments take a password, and how to read it from the text after the
 * command (and before it, for a pipe): attached (`mysql -pSECRET`; a separate word after `-p`
 * is mysql's database name), as the next word, or by position. A value another argument
 * names (a parameter's path) is judged under that name (`name`), else as a password.
 */
const PASSWORD_ARGUMENTS: readonly { command: RegExp; password(after: string, before: string): string | undefined; name?(after: string): string | undefined; what: string }[] = [
    {
        // `ssm put-parameter` alone too: a container of the AWS CLI's image has `aws` as its entry point.
        command: /\b(?:ssm\s{1,8}put-parameter|Write-SSMParameter)(?=\s)/i, what: "`aws ssm put-parameter`",
        password: (t) => parameterWritten(t)?.value, name: (t) => parameterWritten(t)?.name,
    },
    { command: /\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)(?=\s)/, password: (t) => MYSQL_ATTACHED.exec(t)?.[1], what: "`mysql -p`" },
    { command: /\b(?:docker|podman|buildah|skopeo|helm|oras|nerdctl)\s{1,8}(?:registry\s{1,8})?login(?=\s)/, password: after("(?:-p|--password)", String.raw`(?:\s{1,8}|=)`), what: "`docker login -p`" },
    { command: /\bsshpass(?=\s)/, password: after("-p", String.raw`\s{0,8}`), what: "`sshpass -p`" },
    { command: /\bredis-cli(?=\s)/, password: after("-a"), what: "`redis-cli -a`" },
    { command: /\b(?:sqlcmd|bcp)(?=\s)/, password: after("-P"), what: "`sqlcmd -P`" },
    { command: /\b(?:mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport)(?=\s)/, password: after("-p"), what: "`mongosh -p`" },
    {
        command: /\b(?:curl|wget|http)(?=\s)/, what: "`curl -u user:password`",
        password: (t) => {
            const userPass = CURL_USER(t);
            if (!userPass) return undefined;
            const v = unquote(userPass);
            return v.includes(":") ? v.slice(v.indexOf(":") + 1) : undefined;
        },
    },
    {
        command: /\bhtpasswd(?=\s)/, what: "`htpasswd -b`",
        password: (t) => {
            const words = commandWords(t);
            return words.some((w) => /^-[a-zA-Z]*b/.test(w)) && words.length >= 3 ? words[words.length - 1] : undefined;
        },
    },
    { command: /\brabbitmqctl\s{1,8}(?:add_user|change_password)(?=\s)/, password: (t) => commandWords(t, 2)[1], what: "`rabbitmqctl add_user`" },
    // openssl's pass phrase arguments: -passout pass:x, -passin pass:x, -pass pass:x (env:, file: and fd: name where it is).
    { command: /\bopenssl(?=\s)/, password: (t) => /\s-pass(?:in|out)?\s{1,8}["']?pass:([^\s"']{1,256})/.exec(t)?.[1], what: "`openssl -passout pass:`" },
    {
        // `net user NAME PASSWORD [/add]`; `*` prompts, `/options` set flags. Only where a command
        // starts: prose ("use net user to ...") is not a command.
        command: /(?:^|[;&|(]|\bcmd(?:\.exe)?\s{1,8}\/c)\s{0,8}net(?:\.exe)?\s{1,8}user(?=\s)/i, what: "`net user`",
        password: (t) => {
            const [name, password] = commandWords(t, 2);
            return name !== undefined && !name.startsWith("/") && password !== undefined && !password.startsWith("/") && password !== "*" ? password : undefined;
        },
    },
    {
        // `net use [X: | *] [\\\\server\\share [password | *]] [/user:name]` (Microsoft's syntax): the word after
        // the share, /switches aside (the password may follow /user:), whatever the share looks like
        // (`"%~dp0."`, `$share`). `*` prompts.
        command: /(?:^|[;&|(]|\bcmd(?:\.exe)?\s{1,8}\/c)\s{0,8}net(?:\.exe)?\s{1,8}use(?=\s)/i, what: "`net use`",
        password: (t) => {
            const words = commandWords(t).filter((w) => !unquote(w).startsWith("/"));
            const password = words[/^(?:[A-Za-z]:|\*|LPT\d:)$/i.test(words[0] ?? "") ? 2 : 1];
            return password === "*" ? undefined : password;
        },
    },
    {
        // SQL*Plus and Data Pump logons: `sqlplus -s user/password@db`, `expdp userid=user/password@db`
        // (`/nolog`, `/ as sysdba` and a wallet's `/@alias` carry none; `user@db` prompts).
        command: /\b(?:sqlplus|expdp|impdp)(?=\s)/, what: "`sqlplus user/password@db`",
        password: (t) => {
            const words = commandWords(t);
            const logon = words.find((w, i) => !w.startsWith("-") && !/^-[RMC]$/i.test(words[i - 1] ?? ""));
            return logon === undefined ? undefined : /^(?:userid=)?[^/@\s"']{1,128}\/([^@\s"']{1,256})(?:@|\s|$)/i.exec(unquote(logon))?.[1];
        },
    },
    {
        // A quoted literal made a SecureString: positional, `-String`, or piped in. Without
        // -AsPlainText the input is an encrypted standard string, not a password.
        command: /\bConvertTo-SecureString(?=\s)/i, what: "`ConvertTo-SecureString -AsPlainText`",
        password: (t, before) => {
            const words = commandWords(t);
            if (!words.some((w) => /^-AsPlainText$/i.test(w))) return undefined;
            const named = words.findIndex((w) => /^-String$/i.test(w));
            const piped = /("[^"\n]{1,256}"|'[^'\n]{1,256}')\s{0,8}\|\s{0,8}$/.exec(before.slice(-300));
            const literal = named >= 0 ? words[named + 1] : words.find((w) => !w.startsWith("-")) ?? piped?.[1];
            return literal !== undefined && isQuoted(literal) ? literal : undefined;
        },
    },
];

/** The options of a mount command (`mount -t cifs ... -o username=u,password=x`) or an fstab line of a network file system. */
function mountOptions(line: string): { index: number; options: string } | undefined {
    const m = /\bmount\b[^\n]{0,256}?\s-o\s{1,8}("[^"\n]{1,1024}"|'[^'\n]{1,1024}'|[^\s;&|]{1,1024})/.exec(line)
        ?? /^\s{0,64}(?:(?:sudo\s{1,8})?(?:echo|printf)\s{1,8}(?:-e\s{1,8})?["'])?[^\s"']{1,1024}\s{1,8}\/[^\s"']{0,1024}\s{1,8}(?:cifs|smb3|smbfs|nfs4?|davfs)\s{1,8}([^\s"']{1,1024})/.exec(line);
    return m ? { index: m.index + m[0].length - m[1].length, options: m[1] } : undefined;
}

/** The password a command line passes in a command's arguments, if any: judged as a password. */
function argumentPassword(line: string, judge: NameJudge): string | undefined {
    for (const rule of PASSWORD_ARGUMENTS) {
        const m = rule.command.exec(line);
        if (!m) continue;
        const after = line.slice(m.index + m[0].length);
        const raw = rule.password(after, line.slice(0, m.index));
        if (raw === undefined) continue;
        const password = unquote(raw);
        const name = rule.name ? rule.name(after) : "password";
        // Ports (`-p3306:3306`) and run-time values are not passwords.
        if (name !== undefined && password !== "" && !isRuntime(password) && !/^\d+(?::\d+)*$/.test(password) && judge(name, password)) return rule.what;
    }
    return undefined;
}

/**
 * Judges one line of shell (or config text written by it). Returns what it found, if
 * anything. `judge` decides names; placeholders and run-time values never count.
 */
function judgeLine(line: string, judge: NameJudge, echoed = false, mentioned: ReadonlySet<LinePassword> = NONE): ScriptFinding | undefined {
    if (line.length > MAX_LINE) line = line.slice(0, MAX_LINE);
    const mount = mountOptions(line);
    if (mount) {
        for (const option of unquote(mount.options).split(",")) {
            const at = option.indexOf("=");
            const [name, value] = [option.slice(0, at), option.slice(at + 1)];
            if (/^pass(?:word)?$/i.test(name) && !isRuntime(value) && judge("password", value)) return { what: "a mount option" };
        }
        // Its other options name files and settings (`credentials=/root/.smbcreds`, what mount.cifs advises).
        line = line.slice(0, mount.index) + " ".repeat(mount.options.length) + line.slice(mount.index + mount.options.length);
    }
    for (const reader of NAMED_VALUES) {
        reader.re.lastIndex = 0;
        for (let m = reader.re.exec(line); m; m = reader.re.exec(line)) {
            // A flag without a value, followed by the next flag: read that one from its start; a
            // map's assignments (`Variables={DB_USER=app,DB_PASSWORD=x}`) and a systemd unit's
            // `Environment="DB_PASSWORD=x" "B=y"` from inside it.
            const valueAt = m.index + m[0].length - m[2].length;
            if (m[2].startsWith("-") || m[2].startsWith("{") || (reader.re === ASSIGNMENT && m[1] === "Environment")) {
                reader.re.lastIndex = m[2].startsWith("-") ? valueAt - 1 : valueAt;
                continue;
            }
            if (reader.skip?.(m)) continue;
            // `a=1,DB_PASSWORD=x` (a shorthand map's entries): this value ends at the comma, the next is read from it.
            const next = reader.flag || isQuoted(m[2]) ? -1 : m[2].search(/,[A-Za-z_][\w.]{0,127}=/);
            if (next >= 0) reader.re.lastIndex = valueAt + next;
            const value = reader.flag ? flagValue(m[2], () => line) : unquote(next >= 0 ? m[2].slice(0, next) : m[2]);
            // Only quotes: a shell splicing a variable into a quoted string (`pwd: "'"$PASSWORD"'"`);
            // the JDK truststore's published default under a trust store's name.
            if (value === undefined || /^["']*$/.test(value) || isJdkTruststoreDefault(value, { name: m[1] })) continue;
            if (reader.re === ASSIGNMENT && ASSET_BUILD.test(line) && !looksRandom(value)) continue;
            if ((reader.literal || !isRuntime(value)) && judge(reader.name?.(m[1]) ?? m[1], value)) return { what: reader.what };
        }
    }
    const client = HTTP_CLIENT.exec(line);
    if (client) {
        const rest = line.slice(client.index);
        HEADER_FLAG.lastIndex = 0;
        for (let m = HEADER_FLAG.exec(rest); m; m = HEADER_FLAG.exec(rest)) {
            const header = HEADER.exec(unquote(m[1]));
            if (header && isCredentialHeader(header[1], header[2], judge)) return { what: "a request header (`curl -H`)" };
        }
    }
    const password = argumentPassword(line, judge);
    if (password) return { what: password };
    // aws configure set aws_secret_access_key VALUE
    const configure = /\baws\s{1,8}configure\s{1,8}set\s{1,8}([\w.]{1,64})\s{1,8}("[^"\n]{1,1024}"|'[^'\n]{1,1024}'|\S{1,1024})/.exec(line);
    if (configure && !isRuntime(unquote(configure[2])) && judge(configure[1], unquote(configure[2]))) return { what: "`aws configure set`" };
    // .netrc: machine host login user password SECRET
    const netrc = /\bmachine\s{1,8}\S{1,256}\s{1,8}login\s{1,8}\S{1,256}\s{1,8}password\s{1,8}(\S{1,256})/.exec(line);
    if (netrc && !isRuntime(netrc[1])) return { what: "a .netrc entry" };
    // Lines that give a password by their shape alone, judged as one (placeholders and hashes pass).
    for (const reader of LINE_PASSWORDS) {
        if (reader.onlyIn && !mentioned.has(reader)) continue;
        const m = reader.re.exec(line);
        const value = m ? reader.value(m) : undefined;
        if (value !== undefined && !isRuntime(value) && judge(reader.name ?? "password", value)) return { what: reader.what };
    }
    const sql = findPasswordInSql(line, judge);
    if (sql) return sql;
    const piped = PIPED_TO_STDIN.exec(line);
    if (piped && !isRuntime(unquote(piped[1])) && judge("password", unquote(piped[1]))) return { what: "a value piped to `--password-stdin`" };
    const config = CONFIG_LINE.exec(line);
    if (config) {
        const value = unquote(config[2].trim());
        // `PGPASSWORD="$DB_PASSWORD" psql ...`: a command run with a variable taken at run time.
        const first = /^("[^"\n]*"|'[^'\n]*'|[^\s"']+)\s+\S/.exec(config[2].trim());
        const prefixed = first !== null && isRuntime(unquote(first[1]));
        // `SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile` (Rails' Dockerfile; `bin/rails` too): a shell variable
        // given to one command, whose value the assignment reader above judged by its name; the
        // command after it is no value of that name (a `.env` value with spaces still has its format
        // judged, and a line written by `echo` is a file's line).
        const commandPrefix = !echoed && first !== null && /^[A-Za-z_]\w*=[^\s"']/.test(line.trimStart())
            && /^(?:\.{0,2}\/[\w./-]+|[a-z][a-z0-9._-]*(?:\/[\w.-]+)*)(?:\s|$)/.test(config[2].trim().slice(first[1].length).trimStart());
        if (!prefixed && !/^[|>&*!{[]/.test(value) && !isRuntime(value) && judge(commandPrefix ? "value" : config[1], value)) return { what: "a configuration line" };
    }
    if (echoed) return undefined;
    // The quoted text is judged as the lines it writes (`echo -e` and printf's `\n` end a line).
    ECHOED.lastIndex = 0;
    for (let m = ECHOED.exec(line); m; m = ECHOED.exec(line)) {
        for (const written of unquote(m[1]).split("\\n")) {
            const found = judgeLine(written, judge, true, mentioned);
            if (found) return found;
        }
    }
    return undefined;
}

// The quotes may be a shell's, escaped (`echo ": PSK \\"x\\""`) or spliced (`echo "ip : PSK "x""`).
const IPSEC_PSK = /(?:^|[\s"'\w.%])\s{0,8}:\s{0,8}PSK\s{1,8}(?:\\?"([^"\\\n]{1,256})\\?"|'([^'\n]{1,256})'|(0[sx][A-Za-z0-9+/=]{8,1024}))/;
// hostname:port:database:username:password (libpq's password file); `*` matches any in the first four.
const PGPASS_LINE = /^\s{0,64}["']?[\w.*-]{1,253}:(?:\d{1,5}|\*):[^\s:"']{1,128}:[^\s:"']{1,128}:((?:\\.|[^\s:"'\\]){1,256})["']?\s{0,8}(?:[>|].*)?$/;

// Postfix's sasl_passwd: a relay (`[host]` skips the MX lookup), its port, then `user:password`.
const SASL_PASSWD_LINE = /^\s{0,64}(?:\[[\w.-]{1,253}\]|[\w.-]{1,253})(?::\d{1,5})?\s{1,8}[^\s:"']{1,256}:([^\s"']{1,256})\s{0,8}$/;

/**
 * Lines that give a password by their shape: the value a match gives (undefined: none), judged
 * under `name` (a password unless said). In this order; a reader with `onlyIn` only in a script
 * that mentions what reads the line (a .pgpass line where a .pgpass is written, a debconf answer
 * where debconf is given it: prose such as "the admin/root password is ..." has its shape).
 */
interface LinePassword { what: string; re: RegExp; value(m: RegExpExecArray): string | undefined; name?: string; onlyIn?: RegExp }
const NONE: ReadonlySet<LinePassword> = new Set();
const LINE_PASSWORDS: readonly LinePassword[] = [
    // echo 'user:password' | chpasswd
    { what: "a line piped to `chpasswd`", re: /\becho\s{1,8}(?:-e\s{1,8})?["']?[\w.-]{1,64}:([^\s'":|]{1,256})["']?\s{0,8}\|\s{0,8}(?:sudo\s{1,8})?chpasswd\b/, value: (m) => m[1] },
    // useradd -p "$(openssl passwd -6 'password')": the hash is made on the host, from the literal.
    {
        what: "`openssl passwd`",
        re: /\bopenssl\s{1,8}passwd((?:\s{1,8}-(?:1|5|6|apr1|aixmd5|crypt|quiet|noverify|salt\s{1,8}(?:"[^"\n]{0,128}"|'[^'\n]{0,128}'|\$\([^)\n]{0,128}\)|[^\s"'$]{1,64})))*)\s{1,8}("[^"\n]{1,256}"|'[^'\n]{1,256}'|[^\s"'`;|&)]{1,256})/,
        value: (m) => (m[2].startsWith("-") ? undefined : unquote(m[2])),
    },
    // ipsec.secrets (strongSwan, Libreswan): `[selectors] : PSK "x"`, also hex or base64 (0x..., 0s...).
    { what: "an ipsec.secrets pre-shared key", re: IPSEC_PSK, value: (m) => m[1] ?? m[2] ?? m[3], name: "psk" },
    // A .pgpass line (host:port:database:user:password).
    { what: "a .pgpass entry", re: PGPASS_LINE, value: (m) => m[1], onlyIn: /pgpass/i },
    // Postfix's SASL password map, `[relay]:port user:password` (AWS's SES guide, "Integrating Amazon SES with
    // Postfix": `[email-smtp.us-west-2.amazonaws.com]:587 SMTPUSERNAME:SMTPPASSWORD`), where a sasl_passwd is written.
    { what: "a Postfix sasl_passwd entry", re: SASL_PASSWD_LINE, value: (m) => m[1], onlyIn: /sasl_passwd/ },
    // debconf-set-selections answers (cloud-init's debconf_selections): `<package> <question> password <value>`.
    { what: "a debconf answer", re: /(?:^|["'\s])[\w.-]{1,64}\s{1,8}[\w.-]{1,64}\/[\w./-]{0,128}\s{1,8}password\s{1,8}([^\s"'|]{1,256})/, value: (m) => m[1], onlyIn: /debconf/i },
    // SQL*Plus's and RMAN's CONNECT on a line of the script they read (a heredoc): `connect user/password[@db]
    // [as sysdba]`, `conn`, RMAN's `connect target|catalog|auxiliary`. A substitution variable (`&1`) is filled
    // at run time; `/ as sysdba`, a wallet's `/@alias` and `user@db` (which prompts) carry none.
    {
        what: "a SQL*Plus `connect user/password`",
        re: /^\s{0,64}conn(?:ect)?\s{1,8}(?:(?:target|catalog|auxiliary)\s{1,8})?[A-Za-z][\w$#]{0,127}\/("[^"\n]{1,256}"|[^\s@"'&;]{1,256})(?:@[^\s;]{1,512})?(?:\s{1,8}as\s{1,8}sys\w{2,8})?\s{0,8};?\s{0,8}$/i,
        value: (m) => unquote(m[1]),
    },
    // WordPress's sample config edited in place: sed -i "s/password_here/x/" wp-config.php.
    { what: "a `sed` edit of wp-config.php", re: /\bs([/|#])password_here\1([^/|#\n]{1,256})\1/, value: (m) => m[2].replace(/["']/g, "") },
    // redis.conf's password directive written by sed, as a substitution's replacement or an inserted
    // line (`sed -i 's/# requirepass foobared/requirepass X/'`, `sed -i '1i requirepass X' redis.conf`);
    // the pattern it replaces is no value (public user data: maoyong1999/shell haproxy/3.sh, xanf-code/tf-iac-po userdata.tpl).
    { what: "a redis.conf directive", re: /\bsed\s[^\n]{0,2048}?(?:requirepass|masterauth)\s/, value: (m) => sedRedisPassword(m.input), name: "requirepass" },
];

/** The text a sed command writes: each substitution's replacement and each a/i/c command's text. */
const SED_SUBSTITUTION = /(?:^|[\s'";])s([/|:#,@])((?:\\.|(?!\1)[^\\\n]){0,1024})\1((?:\\.|(?!\1)[^\\\n]){0,1024})\1/g;
const SED_TEXT = /(?:^|['"\s;])(?:\d{1,9}|\$)?[aic]\\?\s?((?:\\.|[^\\'"\n]){1,2048})/g;
const REDIS_DIRECTIVE_TEXT = /^\s{0,64}(?:requirepass|masterauth)\s{1,8}([^\s'"]{1,1024})\s{0,8}$/;

function sedRedisPassword(line: string): string | undefined {
    const sed = line.slice(line.search(/\bsed\s/));
    const written: string[] = [];
    for (const re of [SED_SUBSTITUTION, SED_TEXT]) {
        re.lastIndex = 0;
        for (let m = re.exec(sed); m; m = re.exec(sed)) written.push(re === SED_SUBSTITUTION ? m[3] : m[1]);
    }
    for (const text of written) {
        for (const part of text.split("\\n")) {
            const m = REDIS_DIRECTIVE_TEXT.exec(part);
            if (m) return m[1];
        }
    }
    return undefined;
}

/** SQL giving a user a literal password (`psql -c`, a Redshift Data statement); a stored hash is a verifier. */
export function findPasswordInSql(text: string, judge: NameJudge): ScriptFinding | undefined {
    const statements = bounded(text);
    SQL_PASSWORD.lastIndex = 0;
    for (let m = SQL_PASSWORD.exec(statements); m; m = SQL_PASSWORD.exec(statements)) {
        if (!SQL_PASSWORD_HASH.test(m[1]) && !isRuntime(m[1]) && judge("password", m[1])) return { what: "a SQL password literal" };
    }
    return undefined;
}

// A JavaScript declaration given a string literal: `var API_KEY = '...'`, `const token = "..."`.
// Only literals: any other expression (`headers['x-api-key'].value`) is computed at run time.
const JS_DECLARATION = /\b(?:var|let|const)\s{1,8}([A-Za-z_$][\w$]{0,127})\s{0,8}=\s{0,8}(?:"([^"\\\n]{1,4096})"|'([^'\\\n]{1,4096})')/g;

// An object literal's member given a string literal: an APPSYNC_JS resolver's HTTP request (`params: { headers:
// { "x-api-key": "..." } }`), a CloudFront Function's header object (`'x-origin-verify': { value: '...' }`). A key
// naming a DynamoDB expression's placeholder (`'#token': 'token'`, `':token': ...`) is no name of the value.
const JS_MEMBER = /[{,]\s{0,64}(?:"([A-Za-z_$][\w$.-]{0,127})"|'([A-Za-z_$][\w$.-]{0,127})'|([A-Za-z_$][\w$]{0,127}))\s{0,8}:\s{0,8}(?:\{\s{0,64}value\s{0,8}:\s{0,8})?(?:"([^"\\\n]{1,4096})"|'([^'\\\n]{1,4096})')/g;
/** A pattern of a name given a literal, and how to read both from its match. */
interface LiteralReader { re: RegExp; what: string; name(m: RegExpExecArray): string; value(m: RegExpExecArray): string }

/** The first literal the readers find that `judge` calls a credential by its name; a value holding `filled` is filled at run time. */
function findNamedLiteral(text: string, readers: readonly LiteralReader[], filled: string, judge: NameJudge): ScriptFinding | undefined {
    const source = bounded(text);
    for (const reader of readers) {
        reader.re.lastIndex = 0;
        for (let m = reader.re.exec(source); m; m = reader.re.exec(source)) {
            const value = reader.value(m);
            if (!value.includes(filled) && judge(reader.name(m), value)) return { what: reader.what };
        }
    }
    return undefined;
}

// A whole line assigning a literal to a name without a keyword: JavaScript's `password = '...'`, and Python's
// (a Synthetics canary's `syn-python-selenium` script: `PASSWORD = "..."`); `==` and other expressions do not match.
const LINE_ASSIGNMENT = /^[ \t]{0,64}([A-Za-z_$][\w$]{0,127})[ \t]{0,8}=[ \t]{0,8}(?:"([^"\\\n]{1,4096})"|'([^'\\\n]{1,4096})')[ \t]{0,8};?[ \t]{0,8}(?:(?:#|\/\/).{0,1024})?$/gm;
// A browser-automation call typing a literal into a form field chosen by a selector, named by that selector (a
// canary logging in): Puppeteer's and Playwright's `page.type('#password', '...')` and `page.fill(...)`, Playwright's
// locators (`page.getByLabel('Password').fill('...')`), Selenium's `find_element(By.ID, "password").send_keys("...")`.
const SELECTOR = String.raw`(?:"([^"\\\n]{1,256})"|'([^'\\\n]{1,256})'|\x60([^\x60\\$\n]{1,256})\x60)`;
const TYPED = String.raw`(?:"([^"\\\n]{1,4096})"|'([^'\\\n]{1,4096})')`;
const TYPED_INTO = new RegExp(String.raw`\.(?:type|fill)\(\s{0,8}${SELECTOR}\s{0,8},\s{0,8}${TYPED}`, "g");
const TYPED_INTO_ELEMENT = new RegExp(
    String.raw`(?:\bfind_element\w{0,32}|\blocator|\bgetBy(?:Label|Placeholder|TestId)|\$)\(\s{0,8}(?:By\.\w{1,32}\s{0,8},\s{0,8})?${SELECTOR}\s{0,8}(?:,\s{0,8}\{[^{}]{0,256}\}\s{0,8})?\)\s{0,8}\.(?:fill|type|pressSequentially|send_keys)\(\s{0,8}${TYPED}`,
    "g",
);
/** The words of a selector (`input[name="password"]` → `input_name_password`), judged as a name. */
const selectorName = (m: RegExpExecArray) => (m[1] ?? m[2] ?? m[3]).replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "");

const JS_LITERALS: readonly LiteralReader[] = [
    { re: JS_DECLARATION, what: "a JavaScript variable given a literal", name: (m) => m[1], value: (m) => m[2] ?? m[3] },
    { re: JS_MEMBER, what: "a JavaScript object member given a literal", name: (m) => m[1] ?? m[2] ?? m[3], value: (m) => m[4] ?? m[5] },
    { re: LINE_ASSIGNMENT, what: "a variable given a literal", name: (m) => m[1], value: (m) => m[2] ?? m[3] },
    { re: TYPED_INTO, what: "a literal typed into a form field", name: selectorName, value: (m) => m[4] ?? m[5] },
    { re: TYPED_INTO_ELEMENT, what: "a literal typed into a form field", name: selectorName, value: (m) => m[4] ?? m[5] },
];

/**
 * Judges program source where only literals can be credentials (a CloudFront Function, an AppSync resolver, a
 * Synthetics canary's inline script in Node.js or Python): declarations, assignments, object members and form
 * fields given a literal, by name.
 */
export function findCredentialInJavaScript(text: string, judge: NameJudge): ScriptFinding | undefined {
    return findNamedLiteral(text, JS_LITERALS, "${", (name, value) => !isFieldSelector(value) && judge(name, value));
}

// A CSS selector of a form field, as canary scripts keep them in constants (Puppeteer's recorder writes
// `const PASSWORD_SELECTOR = '#password'`): ids, classes and attribute tests, with a word a login form's field has.
const COMPOUND_SELECTOR = String.raw`[a-z]{0,16}(?:[#.][a-z][a-z0-9_-]{0,63}|\[[\w-]{1,32}(?:[~|^$*]?=\s{0,4}(?:"[^"\]]{0,64}"|'[^'\]]{0,64}'|[^"'\]\s]{0,64}))?\]){1,4}`;
const CSS_SELECTOR = new RegExp(String.raw`^${COMPOUND_SELECTOR}(?:\s{0,4}[>+~]?\s{0,4}${COMPOUND_SELECTOR}){0,3}$`);
const FIELD_WORD = /pass|pwd|secret|token|key|otp|pin|user|login|email|auth/i;

/** Whether a literal is a CSS selector of a login form's field (`#password`, `input[name="password"]`), not a value. */
function isFieldSelector(value: string): boolean {
    return value.length <= 256 && FIELD_WORD.test(value) && CSS_SELECTOR.test(value);
}

// A VTL mapping template's variable set to a literal: `#set($apiKey = "x")`, `#set(${token} = 'x')`.
const VTL_SET = /#set\(\s{0,8}\$!?\{?([A-Za-z_]\w{0,127})\}?\s{0,8}=\s{0,8}(?:"([^"\n]{1,4096})"|'([^'\n]{1,4096})')\s{0,8}\)/g;
const TEMPLATE_LITERALS: readonly LiteralReader[] = [
    { re: VTL_SET, what: "a mapping template variable given a literal", name: (m) => m[1], value: (m) => m[2] ?? m[3] },
    { re: JSON_MEMBER, what: "a mapping template member given a literal", name: (m) => m[1], value: (m) => m[2] },
];

/**
 * Judges a mapping template in VTL that is not JSON (`$input.json('$')`, `#set` and `#foreach` make most of them
 * so): API Gateway's request and response templates, AppSync's resolver templates. A variable set to a
 * literal and a JSON member given one on a line, by name: public AppSync resolvers set an API key so
 * (`#set($apiKey = "...")`, then `"Ocp-Apim-Subscription-Key": "$apiKey"`). VTL expands references inside
 * a string, so a value holding `$` is filled per request.
 */
export function findCredentialInTemplate(text: string, judge: NameJudge): ScriptFinding | undefined {
    return findNamedLiteral(text, TEMPLATE_LITERALS, "$", judge);
}

// A literal a script decodes from base64 (`echo X | base64 -d > ~/.docker/config.json`, `printf '%s' X |
// base64 --decode`, `base64 -d <<< X`): the file it writes is in the script, only encoded.
const BASE64_BODY = String.raw`("[A-Za-z0-9+/]{16,16384}={0,2}"|'[A-Za-z0-9+/]{16,16384}={0,2}'|[A-Za-z0-9+/]{16,16384}={0,2})`;
const BASE64_DECODE = String.raw`(?:sudo\s{1,8})?base64\s{1,8}(?:-d|-D|--decode)\b`;
const DECODED_LITERALS = [
    new RegExp(String.raw`(?:^|[\s;&(])(?:echo(?:\s{1,8}-[neE]{1,3})?|printf(?:\s{1,8}(?:'%s'|"%s"))?)\s{1,8}${BASE64_BODY}\s{0,8}\|\s{0,8}${BASE64_DECODE}`, "g"),
    new RegExp(String.raw`${BASE64_DECODE}\s{0,8}<<<\s{0,8}${BASE64_BODY}`, "g"),
];

/** The texts a script decodes from base64 literals (printable text only). */
export function base64DecodedInScript(text: string): string[] {
    if (!text.includes("base64")) return [];
    const script = bounded(text);
    const decoded: string[] = [];
    for (const re of DECODED_LITERALS) {
        re.lastIndex = 0;
        for (let m = re.exec(script); m; m = re.exec(script)) {
            const plain = base64Text(unquote(m[1]));
            if (plain) decoded.push(plain);
        }
    }
    return decoded;
}

// Teleport's delegated join methods prove the joining host or bot by a document its platform signs
// (an STS identity for `iam`, a GitHub or Kubernetes token, ...): the `token` they give names the
// provision token and is no secret ("join the cluster without the exchange of a long-lived secret",
// Teleport's "Deploying tbot on AWS"; its "Join Methods and Tokens" reference). Only the `token`
// method's token is one, and is still judged.
const TELEPORT_DELEGATED_JOIN = "(?:iam|ec2|azure|azure_devops|gcp|github|gitlab|circleci|kubernetes|spacelift|tpm|terraform_cloud|bitbucket|oracle|env0|bound_keypair)";
const TELEPORT_JOIN_KEY = new RegExp(`^\\s*join_method\\s*:\\s*["']?${TELEPORT_DELEGATED_JOIN}["']?\\s*(?:#.*)?$`);
const TELEPORT_JOIN_FLAG = new RegExp(`--join-method(?:=|\\s+)["']?${TELEPORT_DELEGATED_JOIN}["']?(?:\\s|$)`);
const TELEPORT_TOKEN_FLAG = /--token(?:=|\s+)(?:"[^"\n]*"|'[^'\n]*'|\S+)/g;

/** Lines `token: <name>` of a tbot configuration mapping whose `join_method` is delegated (in either order). */
function teleportTokenNames(lines: readonly string[]): Set<number> {
    const names = new Set<number>();
    lines.forEach((line, i) => {
        const token = /^(\s*)token\s*:\s*\S/.exec(line);
        if (!token) return;
        const indent = token[1].length;
        // The mapping's other keys: the lines of the same indent, up to a shallower one either way.
        for (const step of [-1, 1]) {
            for (let j = i + step; j >= 0 && j < lines.length; j += step) {
                const at = lines[j].search(/\S/);
                if (at < 0 || lines[j].trimStart().startsWith("#") || at > indent) continue;
                if (at < indent) break;
                if (TELEPORT_JOIN_KEY.test(lines[j])) {
                    names.add(i);
                    return;
                }
            }
        }
    });
    return names;
}

/** Judges a script (userData, a `sh -c` argument, a buildspec command): the first credential found. */
export function findCredentialInScript(text: string, judge: NameJudge): ScriptFinding | undefined {
    const script = bounded(text);
    // Line continuations join a command's lines; printf's arguments are written into its format.
    const lines = expandPrintf(script.replace(/\\\r?\n/g, " ")).split(/\r?\n/);
    let chpasswdIndent = -1;
    const mentioned: ReadonlySet<LinePassword> = new Set(LINE_PASSWORDS.filter((reader) => reader.onlyIn?.test(script)));
    const teleportNames = teleportTokenNames(lines);
    let hadoopName: string | undefined;
    for (const [index, raw] of lines.entries()) {
        if (teleportNames.has(index)) continue;
        // `tbot start --join-method=iam --token=<name>`: the rest of the command is judged.
        const line = TELEPORT_JOIN_FLAG.test(raw) ? raw.replace(TELEPORT_TOKEN_FLAG, "") : raw;
        // A Hadoop property's <name> line and its <value> line, judged as one line.
        if (hadoopName !== undefined && /^\s*<value>[^<>]*<\/value>\s*$/.test(line)) {
            const found = judgeLine(hadoopName + line.trim(), judge);
            if (found) return found;
        }
        hadoopName = /^\s*<name>[^<>]{1,128}<\/name>\s*$/.test(line) ? line.trim() : undefined;
        // cloud-init `chpasswd: { list: | user:password ... }`.
        const indent = line.search(/\S/);
        if (/^\s*chpasswd\s*:/.test(line)) {
            chpasswdIndent = indent;
            continue;
        }
        if (chpasswdIndent >= 0) {
            if (indent >= 0 && indent <= chpasswdIndent) chpasswdIndent = -1;
            else {
                const entry = /^\s*-?\s*[\w.-]{1,64}:([^\s:]{1,256})\s*$/.exec(line);
                if (entry && !/^(?:RANDOM|R)$/.test(entry[1]) && !isRuntime(entry[1]) && !/^\$\d?\$/.test(entry[1]) && judge("password", entry[1])) {
                    return { what: "a cloud-init `chpasswd` list" };
                }
            }
        }
        const found = judgeLine(line, judge, false, mentioned);
        if (found) return found;
    }
    // A file the script writes from a base64 literal (`echo X | base64 -d >> /etc/ecs/ecs.config`) is judged as its lines would be.
    for (const decoded of base64DecodedInScript(script)) {
        const found = findCredentialInScript(decoded, judge);
        if (found) return { what: `${found.what} decoded from base64` };
    }
    return undefined;
}

/**
 * The script without the values its assignments give to public names (`export NEXT_PUBLIC_GOOGLE_MAPS_API_KEY=...`,
 * `echo "VITE_FIREBASE_API_KEY=..." >> .env`, `REACT_APP_X=... npm run build`), as `isPublic` judges a name and its
 * value: a key its vendor hands to browsers is public in a script as under the same name in a map, and the rest
 * of the script is still scanned for formats.
 */
export function withoutPublicAssignments(text: string, isPublic: (name: string, value: string) => boolean): string {
    const script = expandPrintf(bounded(text));
    let kept = "";
    let from = 0;
    ASSIGNMENT.lastIndex = 0;
    for (let m = ASSIGNMENT.exec(script); m; m = ASSIGNMENT.exec(script)) {
        if (!isPublic(m[1], unquote(m[2]))) continue;
        const valueAt = m.index + m[0].length - m[2].length;
        kept += script.slice(from, valueAt);
        from = valueAt + m[2].length;
    }
    return kept + script.slice(from);
}

/** Judges one header as a name and its value; after an auth scheme (`Bearer $TOKEN`) the credential is the last word. */
function isCredentialHeader(name: string, rawValue: string, judge: NameJudge): boolean {
    const value = rawValue.trim().replace(/^[A-Za-z][\w-]{0,31}\s{1,8}(?=\S+$)/, "");
    return !isRuntime(value) && judge(name, value);
}

/**
 * Judges the header list an OpenTelemetry exporter reads (`OTEL_EXPORTER_OTLP_HEADERS`:
 * `key=value,key2=value2`, values URL-encoded): each header as a name and its value.
 */
export function findCredentialInHeaderList(text: string, judge: NameJudge): ScriptFinding | undefined {
    if (text.length > MAX_LINE || !/^\s*[^=,\s]+\s*=[^,]*(?:,\s*[^=,\s]+\s*=[^,]*)*$/.test(text)) return undefined;
    for (const pair of text.split(",")) {
        const at = pair.indexOf("=");
        const name = decodeURIComponentSafe(pair.slice(0, at)).trim();
        if (isCredentialHeader(name, decodeURIComponentSafe(pair.slice(at + 1)), judge)) return { what: "an OpenTelemetry header list" };
    }
    return undefined;
}

/**
 * Judges an argument list (an ECS `command` or `entryPoint`, EKS `args`): a credential flag's
 * next element or `=` part, a command's password flag, `NAME=value` elements, and `sh -c`
 * scripts. Returns the index of the element holding the credential.
 */
export function findCredentialInArguments(args: readonly string[], judge: NameJudge): { index: number; finding: ScriptFinding } | undefined {
    let line: string | undefined;
    const context = () => (line ??= args.join(" "));
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg.length > MAX_SCRIPT) continue;
        const property = SYSTEM_PROPERTY_ARGUMENT.exec(arg);
        if (property) {
            if (isCredentialProperty(property[1], property[2], judge)) return { index: i, finding: { what: "a JVM system property (`-D`)" } };
            continue;
        }
        const flag = /^--?([A-Za-z][\w.-]{1,63})(?:=([\s\S]*))?$/.exec(arg);
        if (flag && flag[1].length > 1) {
            const inline = flag[2];
            const raw = inline ?? args[i + 1];
            const value = raw === undefined ? undefined : flagValue(raw, context);
            if (value !== undefined && !isRuntime(value) && judge(flag[1], value)) {
                return { index: inline !== undefined ? i : i + 1, finding: { what: "a command-line flag's value" } };
            }
        }
        // NAME=value, alone or given to a flag as one element (`--from-literal=password=x`, spark-submit's `--conf=name=x`).
        // An element with spaces that is not a flag's is a script (`sh -c "NAME=value cmd ..."`): its
        // assignments are read below, a line at a time, where a variable given to a command is told from
        // the command (`SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile`).
        const assignment = flag || !/\s/.test(arg) ? /^([A-Za-z_][A-Za-z0-9_.]{0,127})=([\s\S]*)$/.exec(flag?.[2] ?? arg) : null;
        if (assignment && !isRuntime(assignment[2]) && judge(assignment[1], assignment[2])) return { index: i, finding: { what: "a variable assignment" } };
        if (/\s/.test(arg)) {
            const found = findCredentialInScript(arg, judge);
            if (found) return { index: i, finding: found };
        }
    }
    // Password arguments, on the command line the elements make: reported at the last
    // element that changes the verdict (the one holding the password).
    if (args.length > 256) return undefined;
    const usable = args.map((a) => (a.length <= MAX_LINE ? a : ""));
    const password = argumentPassword(usable.join(" "), judge);
    if (password) {
        for (let n = 1; n <= usable.length; n++) if (argumentPassword(usable.slice(0, n).join(" "), judge)) return { index: n - 1, finding: { what: password } };
    }
    return undefined;
}

/**
 * Judges an option string (`JAVA_TOOL_OPTIONS`, `JAVA_OPTS`: `-Xmx512m -Dname=value ...`) as
 * the argument list its words make.
 */
export function findCredentialInOptions(text: string, judge: NameJudge): ScriptFinding | undefined {
    if (text.length > MAX_LINE) return undefined;
    return findCredentialInArguments(text.trim().split(/\s+/), judge)?.finding;
}
