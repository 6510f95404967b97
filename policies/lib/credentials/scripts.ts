// Credentials on command lines and in scripts: assignments (`export DB_PASSWORD=...`,
// `$env:TOKEN = "..."`), config lines written by heredocs (`aws_secret_access_key = ...`,
// `password: ...`), credential flags (`--password x`, `--api-key=x`), the few commands whose
// short flags take a password (`mysql -pX`, `docker login -p X`, `curl -u user:pass`,
// `sshpass -p`, `redis-cli -a`, `htpasswd -b`), literals piped to `--password-stdin`,
// `chpasswd` lines, `.netrc` entries, and the same in text written by `echo` or `printf`
// (`echo "DB_PASSWORD=..." >> .env`).
// Names are judged by the caller (./names.ts and ./shapes.ts), so the same rules decide for
// a variable in a script as for a variable in a map. A value taken from elsewhere at run
// time (`$VAR`, `${VAR}`, `$(cmd)`, `` `cmd` ``) is never a finding. Also OpenTelemetry
// exporters' header lists (`OTEL_EXPORTER_OTLP_HEADERS`), header by header.
import { decodeURIComponentSafe } from "./formats";

/** Decides whether `name` holding `value` is a credential (tiers 3 of the detection). */
export type NameJudge = (name: string, value: string) => boolean;

export interface ScriptFinding {
    /** What messages call it, from a fixed vocabulary (never text of the script). */
    what: string;
}

const MAX_SCRIPT = 1 << 20;
const MAX_LINE = 16384;

/** Strips one level of quotes. */
function unquote(v: string): string {
    if (v.length >= 2 && ((v[0] === '"' && v[v.length - 1] === '"') || (v[0] === "'" && v[v.length - 1] === "'"))) return v.slice(1, -1);
    return v;
}

/** A value resolved at run time, or nothing at all. */
function isRuntime(v: string): boolean {
    return v === "" || v.startsWith("$") || v.startsWith("`") || v.includes("$(") || v.includes("${") || v.startsWith("-");
}

// NAME=value, export NAME=value, declare -x NAME=value, ENV NAME=value; PowerShell $env:NAME = "value".
const ASSIGNMENT = /(?:^|[\s;&|(])(?:export\s{1,8}|declare\s{1,8}(?:-x\s{1,8})?|readonly\s{1,8}|local\s{1,8}|setx\s{1,8}|ENV\s{1,8}|\$env:)?([A-Za-z_][A-Za-z0-9_.]{0,127})\s{0,4}=\s{0,4}("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|[^\s;&|'"`)]{1,4096})/g;
// Config lines written to files: `key = value`, `key: value`, `"key": "value"`.
const CONFIG_LINE = /^\s{0,64}["']?([A-Za-z_][\w.-]{0,127})["']?\s{0,8}[:=]\s{0,8}(.{1,4096}?)\s{0,8},?$/;
// Text written by echo or printf (`echo "DB_PASSWORD=..." >> .env`): a line of the file written.
const ECHOED = /(?:^|[\s;&|(])(?:echo|printf)\s{1,8}(?:-[neE]{1,3}\s{1,8})?("[^"\n]{1,4096}"|'[^'\n]{1,4096}')/g;
// echo 'TOKEN' | docker login -u ci --password-stdin (gh auth login --with-token): a literal fed to a
// command that reads its credential from stdin. printf's optional format comes first ('%s').
const PIPED_TO_STDIN = /(?:^|[\s;&(])(?:echo(?:\s{1,8}-[neE]{1,3})?|printf(?:\s{1,8}(?:'%s(?:\\n)?'|"%s(?:\\n)?"))?)\s{1,8}("[^"\n]{1,1024}"|'[^'\n]{1,1024}'|[^\s;&|'"`]{1,1024})\s{0,8}\|[^|\n]{0,512}?\s(?:--password-stdin|--with-token)(?![\w-])/;
// --flag value, --flag=value.
const LONG_FLAG = /(?:^|\s)--([A-Za-z][A-Za-z0-9-]{1,63})(?:=|\s{1,8})("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|[^\s;&|'"`]{1,4096})/g;

const WORD = String.raw`("[^"\n]{1,256}"|'[^'\n]{1,256}'|[^\s;&|'"\x60]{1,256})`;
const after = (flag: string, separator = String.raw`\s{1,8}`) => {
    const re = new RegExp(String.raw`(?:^|\s)${flag}${separator}${WORD}`);
    return (t: string) => re.exec(t)?.[1];
};
const MYSQL_ATTACHED = new RegExp(String.raw`(?:^|\s)-p("[^"\n]{1,256}"|'[^'\n]{1,256}'|[^\s'"\x60]{1,256})`);
const CURL_USER = after("(?:-u|--user)", String.raw`(?:\s{1,8}|=)`);

/**
 * Commands whose short flags take a password, and how to read it from the text after the
 * command: attached (`mysql -pSECRET`; a separate word after `-p` is mysql's database name)
 * or as the next word.
 */
const SHORT_PASSWORD_FLAGS: readonly { command: RegExp; password(after: string): string | undefined; what: string }[] = [
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
            const command = t.split(/[|;&]/)[0].trim().split(/\s+/);
            return command.some((w) => /^-[a-zA-Z]*b/.test(w)) && command.length >= 3 ? command[command.length - 1] : undefined;
        },
    },
];

/** The password a command line passes with a short flag, if any. */
function shortFlagPassword(line: string): string | undefined {
    for (const rule of SHORT_PASSWORD_FLAGS) {
        const m = rule.command.exec(line);
        if (!m) continue;
        const raw = rule.password(line.slice(m.index + m[0].length));
        if (raw === undefined) continue;
        const password = unquote(raw);
        // Ports (`-p3306:3306`) and run-time values are not passwords.
        if (password !== "" && !isRuntime(password) && !/^\d+(?::\d+)*$/.test(password)) return rule.what;
    }
    return undefined;
}

/**
 * Judges one line of shell (or config text written by it). Returns what it found, if
 * anything. `judge` decides names; placeholders and run-time values never count.
 */
function judgeLine(line: string, judge: NameJudge, echoed = false): ScriptFinding | undefined {
    if (line.length > MAX_LINE) line = line.slice(0, MAX_LINE);
    ASSIGNMENT.lastIndex = 0;
    for (let m = ASSIGNMENT.exec(line); m; m = ASSIGNMENT.exec(line)) {
        const value = unquote(m[2]);
        if (!isRuntime(value) && judge(m[1], value)) return { what: "a variable assignment" };
    }
    LONG_FLAG.lastIndex = 0;
    for (let m = LONG_FLAG.exec(line); m; m = LONG_FLAG.exec(line)) {
        const value = unquote(m[2]);
        if (!isRuntime(value) && judge(m[1], value)) return { what: "a command-line flag's value" };
    }
    const short = shortFlagPassword(line);
    if (short) return { what: short };
    // aws configure set aws_secret_access_key VALUE
    const configure = /\baws\s{1,8}configure\s{1,8}set\s{1,8}([\w.]{1,64})\s{1,8}("[^"\n]{1,1024}"|'[^'\n]{1,1024}'|\S{1,1024})/.exec(line);
    if (configure && !isRuntime(unquote(configure[2])) && judge(configure[1], unquote(configure[2]))) return { what: "`aws configure set`" };
    // .netrc: machine host login user password SECRET
    const netrc = /\bmachine\s{1,8}\S{1,256}\s{1,8}login\s{1,8}\S{1,256}\s{1,8}password\s{1,8}(\S{1,256})/.exec(line);
    if (netrc && !isRuntime(netrc[1])) return { what: "a .netrc entry" };
    // echo 'user:password' | chpasswd
    const chpasswd = /\becho\s{1,8}(?:-e\s{1,8})?["']?[\w.-]{1,64}:([^\s'":|]{1,256})["']?\s{0,8}\|\s{0,8}(?:sudo\s{1,8})?chpasswd\b/.exec(line);
    if (chpasswd && !isRuntime(chpasswd[1])) return { what: "a line piped to `chpasswd`" };
    const piped = PIPED_TO_STDIN.exec(line);
    if (piped && !isRuntime(unquote(piped[1])) && judge("password", unquote(piped[1]))) return { what: "a value piped to `--password-stdin`" };
    const config = CONFIG_LINE.exec(line);
    if (config) {
        const value = unquote(config[2].trim());
        if (!/^[|>&*!{[]/.test(value) && !isRuntime(value) && judge(config[1], value)) return { what: "a configuration line" };
    }
    if (echoed) return undefined;
    // The quoted text is judged as the lines it writes (`echo -e` and printf's `\n` end a line).
    ECHOED.lastIndex = 0;
    for (let m = ECHOED.exec(line); m; m = ECHOED.exec(line)) {
        for (const written of unquote(m[1]).split("\\n")) {
            const found = judgeLine(written, judge, true);
            if (found) return found;
        }
    }
    return undefined;
}

/** Judges a script (userData, a `sh -c` argument, a buildspec command): the first credential found. */
export function findCredentialInScript(text: string, judge: NameJudge): ScriptFinding | undefined {
    const script = text.length > MAX_SCRIPT ? text.slice(0, MAX_SCRIPT) : text;
    // Line continuations join a command's lines.
    const lines = script.replace(/\\\r?\n/g, " ").split(/\r?\n/);
    let chpasswdIndent = -1;
    for (const line of lines) {
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
                if (entry && !/^(?:RANDOM|R)$/.test(entry[1]) && !isRuntime(entry[1]) && !/^\$\d?\$/.test(entry[1])) return { what: "a cloud-init `chpasswd` list" };
            }
        }
        const found = judgeLine(line, judge);
        if (found) return found;
    }
    return undefined;
}

// Headers that carry a vendor's API key under a name that does not say so.
const KEY_HEADERS: ReadonlySet<string> = new Set(["x-honeycomb-team"]);

/**
 * Judges the header list an OpenTelemetry exporter reads (`OTEL_EXPORTER_OTLP_HEADERS`:
 * `key=value,key2=value2`, values URL-encoded): each header as a name and its value.
 */
export function findCredentialInHeaderList(text: string, judge: NameJudge): ScriptFinding | undefined {
    if (text.length > MAX_LINE || !/^\s*[^=,\s]+\s*=[^,]*(?:,\s*[^=,\s]+\s*=[^,]*)*$/.test(text)) return undefined;
    for (const pair of text.split(",")) {
        const at = pair.indexOf("=");
        const name = decodeURIComponentSafe(pair.slice(0, at)).trim();
        const value = decodeURIComponentSafe(pair.slice(at + 1)).trim();
        if (value === "" || isRuntime(value)) continue;
        if (judge(KEY_HEADERS.has(name.toLowerCase()) ? "api_key" : name, value)) return { what: "an OpenTelemetry header list" };
    }
    return undefined;
}

/**
 * Judges an argument list (an ECS `command` or `entryPoint`, EKS `args`): a credential flag's
 * next element or `=` part, a command's password flag, `NAME=value` elements, and `sh -c`
 * scripts. Returns the index of the element holding the credential.
 */
export function findCredentialInArguments(args: readonly string[], judge: NameJudge): { index: number; finding: ScriptFinding } | undefined {
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg.length > MAX_SCRIPT) continue;
        const flag = /^--?([A-Za-z][A-Za-z0-9-]{1,63})(?:=([\s\S]*))?$/.exec(arg);
        if (flag && flag[1].length > 1) {
            const inline = flag[2];
            const value = inline ?? args[i + 1];
            if (value !== undefined && !isRuntime(value) && judge(flag[1], value)) {
                return { index: inline !== undefined ? i : i + 1, finding: { what: "a command-line flag's value" } };
            }
        }
        const assignment = /^([A-Za-z_][A-Za-z0-9_.]{0,127})=([\s\S]*)$/.exec(arg);
        if (assignment && !isRuntime(assignment[2]) && judge(assignment[1], assignment[2])) return { index: i, finding: { what: "a variable assignment" } };
        if (/\s/.test(arg)) {
            const found = findCredentialInScript(arg, judge);
            if (found) return { index: i, finding: found };
        }
    }
    // Short password flags, on the command line the elements make: reported at the last
    // element that changes the verdict (the one holding the password).
    if (args.length > 256) return undefined;
    const usable = args.map((a) => (a.length <= MAX_LINE ? a : ""));
    const short = shortFlagPassword(usable.join(" "));
    if (short) {
        for (let n = 1; n <= usable.length; n++) if (shortFlagPassword(usable.slice(0, n).join(" "))) return { index: n - 1, finding: { what: short } };
    }
    return undefined;
}
