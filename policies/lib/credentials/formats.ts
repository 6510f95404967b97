// Credential formats: values that are credentials by their shape, whatever they are called.
//
// Most token rules are adapted from gitleaks' config/gitleaks.toml (MIT License,
// Copyright (c) 2019 Zachary Rice; commit b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b),
// translated from Go RE2 to JavaScript by hand, with every unbounded repetition bounded so
// that a 1 MB input costs linear time, and checked on a positive and a negative example each
// (test/secret-sensitive-props.formats.test.ts). A few prefixed tokens gitleaks does not list
// (OpenRouter, Groq, Replicate, xAI, LangSmith, Pinecone, Supabase, Netlify, Buildkite, CircleCI,
// SonarQube) follow their vendors' published formats. Why vendored data and not a dependency:
// docs/policies/secret-sensitive-props.md ("Choices").
//
// Class "unmistakable": a credential under any name, on any provider. Class "public-capable":
// a credential format that some vendors hand out for browsers (JWTs, Google API keys,
// Laravel keys): a credential unless the name says it is public (NEXT_PUBLIC_*, anon).
import { createHash } from "crypto";
import { isUnknown } from "../values";
import { BIP39_ENGLISH } from "./bip39-english";
import { isAwsDocumentationKey, isDummy, isEmulatorDummy, isFilledLater, saysPlaceholder } from "./shapes";

export type FormatClass = "unmistakable" | "public-capable";

export interface FormatMatch {
    id: string;
    /** What messages call it: "a PEM private key", never the value. */
    what: string;
    class: FormatClass;
}

interface Rule extends FormatMatch {
    /** The rule's prefilter: literals one of which the value must contain (`ci`: lower-case, matched case-insensitively). */
    keywords?: readonly string[];
    ci?: readonly string[];
    /** For the few rules without a literal: a cheap condition on the whole value. */
    when?(value: string): boolean;
    test(value: string): boolean;
}

const MAX_SCANNED = 4 << 20;

/**
 * A regex rule whose match passes `check` and is no placeholder of the format, as documentation
 * and templates write them, never a real credential: a match one character makes half of, or two
 * characters two thirds of, or with a character twelve times in a row (`ghp_xxxx...`, `hvs.xxxx...`,
 * `xoxb-000000000000-...-xxxx`, `shippo_live_aaaa...`), or one that says it is an example
 * (`sha256~XXXX_PUT_YOUR_TOKEN_HERE_XXXX`, AWS's `...EXAMPLE` keys).
 */
function rx(re: RegExp, check?: (match: RegExpExecArray) => boolean): (value: string) => boolean {
    const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    return (value) => {
        global.lastIndex = 0;
        for (let m = global.exec(value); m; m = global.exec(value)) {
            if (m[0].length === 0) global.lastIndex++;
            else if (!isDummy(m[0]) && !saysPlaceholder(m[0]) && (!check || check(m))) return true;
        }
        return false;
    };
}

/**
 * The password position holds a literal, not `${X}`, `$X`, `{{x}}`, `<x>`, `%(x)s`, `***` or
 * `xxx`, nor a format string's field filled at run time (`{password}`, `{0}`, `%s`), a release
 * pipeline's token (`__DB_PASSWORD__`) or Octopus Deploy's `#{X}`.
 */
function literal(secret: string | undefined): boolean {
    if (!secret) return false;
    const value = decodeURIComponentSafe(secret);
    return !/^(?:\$\{|\$[A-Za-z_(]|\{\{|<|%\(|%\{|%[A-Za-z_]+%|\*{3,}|[xX]{3,}$|\.\.\.|…|#\{)/.test(value) && !isFilledLater(value);
}

/**
 * Tests `re` (not global) on each span of the value that starts at an occurrence of `keyword`
 * and ends before the next occurrence, a character of `stop`, or `max` characters: spans do not
 * overlap, so a rule that looks ahead of its keyword still costs linear time.
 */
function inSpans(keyword: string, max: number, stop: RegExp, re: RegExp, check?: (m: RegExpExecArray) => boolean): (value: string) => boolean {
    const ci = re.flags.includes("i");
    return (value) => {
        const haystack = ci ? value.toLowerCase() : value;
        const needle = ci ? keyword.toLowerCase() : keyword;
        for (let at = haystack.indexOf(needle); at >= 0;) {
            const next = haystack.indexOf(needle, at + needle.length);
            let end = Math.min(next < 0 ? value.length : next, at + max);
            const stopped = value.slice(at, end).search(stop);
            if (stopped >= 0) end = at + stopped;
            const m = re.exec(value.slice(at, end));
            if (m && (!check || check(m))) return true;
            at = next;
        }
        return false;
    };
}

/** A URL component decoded, or as it is when it is not valid percent-encoding. */
export function decodeURIComponentSafe(s: string): string {
    try {
        return decodeURIComponent(s);
    } catch {
        return s;
    }
}

function base64Bytes(b64: string, max: number): Buffer {
    return Buffer.from(b64.slice(0, Math.ceil((max * 4) / 3) + 4), "base64");
}

/** DER of a private key: SEQUENCE, then version 0 (PKCS#1 RSA, PKCS#8) or 1 (SEC1 EC); a certificate has a SEQUENCE there instead. */
export function isDerPrivateKey(bytes: Uint8Array): boolean {
    if (bytes.length < 8 || bytes[0] !== 0x30) return false;
    const lengthBytes = bytes[1] < 0x80 ? 0 : bytes[1] - 0x80;
    if (lengthBytes > 3) return false;
    const at = 2 + lengthBytes;
    return bytes[at] === 0x02 && bytes[at + 1] === 0x01 && (bytes[at + 2] === 0x00 || bytes[at + 2] === 0x01);
}

/**
 * Length and end of a DER element's header at `at` (definite lengths up to 3 bytes), or
 * undefined when the bytes are not one.
 */
function derHeader(bytes: Uint8Array, at: number): { content: number; end: number } | undefined {
    if (at + 2 > bytes.length) return undefined;
    const first = bytes[at + 1];
    if (first < 0x80) return { content: at + 2, end: at + 2 + first };
    const n = first - 0x80;
    if (n < 1 || n > 3 || at + 2 + n > bytes.length) return undefined;
    let length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[at + 2 + i];
    return { content: at + 2 + n, end: at + 2 + n + length };
}

/**
 * DER of public material: an X.509 certificate (SEQUENCE, SEQUENCE, then the explicit version
 * [0]) or a SubjectPublicKeyInfo (SEQUENCE, the algorithm's SEQUENCE starting with its OID,
 * then a BIT STRING). An encrypted private key has an OCTET STRING where the key's BIT STRING is.
 */
export function isDerPublicMaterial(bytes: Uint8Array): boolean {
    if (bytes[0] !== 0x30) return false;
    const outer = derHeader(bytes, 0);
    if (!outer || bytes[outer.content] !== 0x30) return false;
    const inner = derHeader(bytes, outer.content);
    if (!inner) return false;
    if (bytes[inner.content] === 0xa0) return true;
    return bytes[inner.content] === 0x06 && inner.end < bytes.length && bytes[inner.end] === 0x03;
}

// PEM labels of what is published by design (RFC 7468 and OpenPGP's armour).
const PUBLIC_PEM_LABEL = /^(?:CERTIFICATE|TRUSTED CERTIFICATE|X509 CRL|(?:NEW )?CERTIFICATE REQUEST|(?:RSA |EC |SSH2 )?PUBLIC KEY|PGP PUBLIC KEY BLOCK|PGP SIGNATURE)$/;
const SSH_PUBLIC_KEY = /^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) AAAA[A-Za-z0-9+/]{40,8192}={0,3}(?: [^\n]{0,256})?$/;
const MAX_PUBLIC_MATERIAL = 1 << 20;

/**
 * Public keys and certificates, which are published by design whatever a property calls them
 * (a `TOKEN_SIGNING_CERT`, a webhook's `VERIFICATION_KEY`): PEM whose every block is public
 * (certificates, public keys, CSRs, OpenPGP public keys), OpenSSH public key lines, and base64 of
 * either or of their DER. Private keys are formats, reported before this is asked.
 */
export function isPublicMaterial(value: string): boolean {
    const v = value.trim();
    if (v.length < 40 || v.length > MAX_PUBLIC_MATERIAL) return false;
    if (v.startsWith("-----BEGIN ")) return pemAllPublic(v);
    if (v.startsWith("ssh-") || v.startsWith("ecdsa-") || v.startsWith("sk-")) {
        const lines = v.split(/\r?\n|\\n/).map((l) => l.trim()).filter((l) => l !== "");
        return lines.length > 0 && lines.every((l) => SSH_PUBLIC_KEY.test(l));
    }
    const compact = v.replace(/\s|\\n/g, "");
    if (!/^[A-Za-z0-9+/]{40,}={0,2}$/.test(compact)) return false;
    if (compact.startsWith("LS0tLS1CRUdJTi")) return pemAllPublic(Buffer.from(compact, "base64").toString("latin1").trim());
    return compact.startsWith("M") && isDerPublicMaterial(base64Bytes(compact, 48));
}

/** Whitespace, or newlines escaped as in JSON and .env files. */
const blank = (text: string) => text.replace(/\\n/g, "").trim() === "";

/** Every PEM block's label is a public one (linear: one pass of indexOf). */
function pemAllPublic(value: string): boolean {
    let blocks = 0;
    for (let from = 0; ;) {
        const begin = value.indexOf("-----BEGIN ", from);
        if (begin < 0) return blocks > 0 && blank(value.slice(from));
        if (!blank(value.slice(from, begin))) return false;
        const headerEnd = value.indexOf("-----", begin + 11);
        if (headerEnd < 0) return false;
        const label = value.slice(begin + 11, headerEnd);
        if (label.length > 40 || !PUBLIC_PEM_LABEL.test(label)) return false;
        const endMarker = `-----END ${label}-----`;
        const end = value.indexOf(endMarker, headerEnd + 5);
        if (end < 0) return false;
        blocks++;
        from = end + endMarker.length;
    }
}

/** PEM blocks labelled PRIVATE KEY with a real body (not `...`), found in linear time; escaped newlines (`\n` in JSON, .env) allowed. */
function hasPemPrivateKey(value: string): boolean {
    let from = 0;
    for (;;) {
        const begin = value.indexOf("-----BEGIN ", from);
        if (begin < 0) return false;
        const headerEnd = value.indexOf("-----", begin + 11);
        if (headerEnd < 0) return false;
        const label = value.slice(begin + 11, headerEnd);
        from = headerEnd + 5;
        if (label.length > 40 || !/^(?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?$/.test(label)) continue;
        const end = value.indexOf("-----END ", from);
        if (end < 0) return false;
        const body = value.slice(from, Math.min(end, from + 65536));
        let base64Chars = 0;
        for (let i = 0; i < body.length && base64Chars < 32; i++) if (/[A-Za-z0-9+/]/.test(body[i]) && !(body[i] === "n" && body[i - 1] === "\\")) base64Chars++;
        if (base64Chars >= 32 && !body.includes("...") && !body.includes("…")) return true;
        from = end + 9;
    }
}

/** A JWT: three base64url parts whose first decodes to a JSON header with "alg". */
function isJwt(match: RegExpExecArray): boolean {
    try {
        const header = JSON.parse(Buffer.from(match[1], "base64url").toString("utf8"));
        return typeof header === "object" && header !== null && typeof header.alg === "string";
    } catch {
        return false;
    }
}

/** HTTP Basic credentials: base64 of `user:password`, printable, both parts present. */
/** A registry's credentials in a Docker config, found in its text or, once parsed, by its `auth` member. */
export const DOCKER_CONFIG_AUTH: FormatMatch = { id: "docker-config-auth", what: "Docker registry credentials", class: "unmistakable" };

/** A Docker config's `auth` member, parsed out of its document: base64 of `user:password`. */
export function isDockerAuth(value: string): boolean {
    const m = /^([A-Za-z0-9+/]{8,1024}={0,2})$/.exec(value.trim());
    return m !== null && isBasicCredentials(m);
}

function isBasicCredentials(match: RegExpExecArray): boolean {
    const text = Buffer.from(match[1], "base64").toString("latin1");
    const colon = text.indexOf(":");
    return colon > 0 && colon < text.length - 1 && /^[\x20-\x7e]+$/.test(text) && literal(text.slice(colon + 1));
}

/** Capitals, small letters and digits: a generated key's body, not a hash's hex. */
function mixedCase(body: string): boolean {
    return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
}

function randomish(token: string): boolean {
    return /[0-9]/.test(token) && /[a-z]/i.test(token) && !/^[a-z_.-]+$/i.test(token);
}

// JSON Web Keys (RFC 7517/7518): the private members are `d` (RSA, EC, OKP) and `k` (a
// symmetric "oct" key); a public key (`n`/`e`, `x`/`y`) has neither.
const JWK_PRIVATE_MEMBER: ReadonlyMap<string, string> = new Map([["RSA", "d"], ["EC", "d"], ["OKP", "d"], ["oct", "k"]]);

let bip39Index: Map<string, number> | undefined;
const MNEMONIC_SHAPE = /^[a-z]{3,8}(?: [a-z]{3,8}){11,23}$/;
// The phrases development chains publish (Ganache's --deterministic, Truffle's develop).
const DEVELOPMENT_MNEMONICS = new Set([
    "myth like bonus scare over problem client lizard pioneer submit female collect",
    "candy maple cake sugar pudding cream honey rich smooth crumble sweet treat",
]);

/**
 * A wallet's BIP-39 recovery phrase, the key to all its accounts: 12 to 24 words of the list
 * whose last bits are the SHA-256 checksum of the others (one chance in 16 to 256 for other
 * words). Test vectors and Hardhat's `test test ... junk` pass: a few words repeated, or
 * entropy of one repeated byte.
 */
export function isBip39Mnemonic(value: string): boolean {
    const text = value.trim().replace(/\s+/g, " ");
    if (!MNEMONIC_SHAPE.test(text) || DEVELOPMENT_MNEMONICS.has(text)) return false;
    const words = text.split(" ");
    if (words.length % 3 !== 0 || new Set(words).size <= words.length / 2) return false;
    bip39Index ??= new Map(BIP39_ENGLISH.split(" ").map((w, i) => [w, i]));
    let bits = "";
    for (const w of words) {
        const i = bip39Index.get(w);
        if (i === undefined) return false;
        bits += i.toString(2).padStart(11, "0");
    }
    const entropy = Buffer.alloc((bits.length * 32) / 33 / 8);
    for (let i = 0; i < entropy.length; i++) entropy[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
    if (entropy.every((b) => b === entropy[0])) return false;
    const checksum = createHash("sha256").update(entropy).digest()[0].toString(2).padStart(8, "0").slice(0, words.length / 3);
    return bits.slice(entropy.length * 8) === checksum;
}

export const JWK_PRIVATE_KEY = "a private JSON Web Key";

/**
 * The member holding a JSON Web Key's private or symmetric part (a real one: base64url, 16
 * characters or more), or undefined for any other record. `read` unwraps a member's value
 * (the remediation path still holds `Secret` wrappers).
 */
export function privateJwkMember(record: Record<string, unknown>, read: (value: unknown) => unknown = (v) => v): string | undefined {
    const kty = read(record.kty);
    const name = typeof kty === "string" ? JWK_PRIVATE_MEMBER.get(kty) : undefined;
    const member = name === undefined ? undefined : read(record[name]);
    return typeof member === "string" && !isUnknown(member) && /^[A-Za-z0-9_-]{16,}={0,2}$/.test(member) ? name : undefined;
}

// A flat JSON object (JWKs have no nested objects) holding "kty": each match stops at the next brace, so linear.
const FLAT_OBJECT = /\{[^{}]{0,16384}\}/g;

/** A JSON text (a key, or a key set) with a private JSON Web Key in it. */
function hasPrivateJwk(value: string): boolean {
    FLAT_OBJECT.lastIndex = 0;
    for (let m = FLAT_OBJECT.exec(value); m; m = FLAT_OBJECT.exec(value)) {
        if (!m[0].includes('"kty"')) continue;
        try {
            const parsed: unknown = JSON.parse(m[0]);
            if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) && privateJwkMember(parsed as Record<string, unknown>) !== undefined) return true;
        } catch {
            // not JSON (a template, a fragment): not a key
        }
    }
    return false;
}

/**
 * An AWS secret access key: 40 characters of base64 alphabet with mixed case and digits or symbols; not one of AWS's
 * documentation keys (./shapes.ts).
 */
export function isAwsSecretKeyShape(token: string): boolean {
    return /^[A-Za-z0-9/+]{40}$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9/+]/.test(token) && !/^[A-Za-z]+$/.test(token) && !isAwsDocumentationKey(token);
}

const AWS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/;
const AWS_SECRET_TOKEN = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const AWS_SECRET_ASSIGNED = /(?:aws_?secret_?access_?key|secret_?access_?key|aws_?secret_?key)["']?(?:\s{0,8}[:=]\s{0,8}|\s{1,8})["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;

const libpqPassword = rx(/(?:^|\s)password\s{0,8}=\s{0,8}('[^'\n]{1,256}'|[^\s'";=]{1,256})(?=\s|$|["'])/, (m) => literal(m[1].replace(/^'|'$/g, "")));

// scheme://user:password@host (the user may be empty: redis://:pw@cache; the host too: Airflow's aws://id:secret@/).
// At a loopback host a word (`postgres://user:pass@localhost/db`) is a sample or a local
// emulator's, as beside a LocalStack endpoint (decision 4; TruffleHog skips loopback hosts
// altogether); a generated password there may be a sidecar proxy's (pgbouncer) to the real
// database, so it is still reported.
const LOOPBACK_HOST = /^(?:localhost|localstack|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const urlPassword = rx(/\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s/?#@:'"]{0,256}:([^\s/?#@'"]{1,512})@(\[[0-9A-Fa-f:.]{2,64}\]|[^\s/?#:'"[\]]{0,253})/i,
    (m) => literal(m[1]) && !(LOOPBACK_HOST.test(m[2]) && isEmulatorDummy(decodeURIComponentSafe(m[1]))));

/** A URL's secret path segment, not a documentation dummy, and mixing letters and digits as generated ids do. */
const generatedId = (id: string) => randomish(id) && !isDummy(id);

/** Ascending or repeated characters, four in a row: a documentation run (123456, abcdefg, 0000), not a generated id. */
function hasRun(text: string): boolean {
    for (let i = 3; i < text.length; i++) {
        const step = text.charCodeAt(i - 2) - text.charCodeAt(i - 3);
        if ((step === 0 || step === 1) && text.charCodeAt(i - 1) - text.charCodeAt(i - 2) === step && text.charCodeAt(i) - text.charCodeAt(i - 1) === step) return true;
    }
    return false;
}

/**
 * A Zapier catch hook's id without a digit: its ids are 7 small letters and digits (`otichcc`, `u5dmyac`
 * in public programs), so about one in ten has none. Taken when the account number is not a
 * documentation run (`catch/123456/abcdefg`) and the id is neither a run nor a dummy.
 */
function isLettersOnlyZapierId(account: string, id: string): boolean {
    return /^[a-z]{7}$/.test(id) && account.length >= 5 && !hasRun(account) && !hasRun(id) && !isDummy(id);
}

const RULES: readonly Rule[] = [
    { id: "pem-private-key", what: "a PEM private key", class: "unmistakable", keywords: ["PRIVATE KEY"], test: hasPemPrivateKey },
    { id: "jwk-private-key", what: JWK_PRIVATE_KEY, class: "unmistakable", keywords: ['"kty"'], test: hasPrivateJwk },
    // OpenVPN's static key (tls-auth, tls-crypt, --secret): 2048 bits of hex that key the tunnel's HMAC or cipher.
    {
        id: "openvpn-static-key", what: "an OpenVPN static key", class: "unmistakable", keywords: ["OpenVPN Static key V1"],
        test: rx(/-----BEGIN OpenVPN Static key V1-----(?:\s|\\n){1,8}(?:[0-9a-fA-F]{16,64}(?:\s|\\n){1,8}){4,64}-----END OpenVPN Static key V1-----/),
    },
    { id: "putty-private-key", what: "a PuTTY private key", class: "unmistakable", keywords: ["PuTTY-User-Key-File-"], test: (v) => v.includes("Private-Lines:") },
    {
        id: "base64-pem-private-key", what: "a base64-encoded PEM private key", class: "unmistakable", keywords: ["LS0tLS1CRUdJTi"],
        test: rx(/LS0tLS1CRUdJTi[A-Za-z0-9+/=]{40,16384}/, (m) => /PRIVATE KEY-----/.test(Buffer.from(m[0].slice(0, 200), "base64").toString("latin1"))),
    },
    {
        id: "der-private-key", what: "a base64 DER private key", class: "unmistakable", when: (v) => v.length >= 60 && /^\s*M[IC]/.test(v),
        test: (v) => {
            const compact = v.length <= 65536 ? v.replace(/\s|\\n/g, "") : "";
            return /^M[IC][A-Za-z0-9+/]{60,}={0,2}$/.test(compact) && isDerPrivateKey(base64Bytes(compact, 12));
        },
    },
    {
        id: "aws-secret-access-key", what: "an AWS secret access key", class: "unmistakable", keywords: ["secret", "SECRET", "Secret", "AKIA", "ASIA"],
        test: (v) => {
            AWS_SECRET_ASSIGNED.lastIndex = 0;
            for (let m = AWS_SECRET_ASSIGNED.exec(v); m; m = AWS_SECRET_ASSIGNED.exec(v)) if (isAwsSecretKeyShape(m[1])) return true;
            // An access key pair in one text (a credentials file, a script, a URL).
            if (!AWS_KEY_ID.test(v)) return false;
            AWS_SECRET_TOKEN.lastIndex = 0;
            for (let m = AWS_SECRET_TOKEN.exec(v); m; m = AWS_SECRET_TOKEN.exec(v)) if (isAwsSecretKeyShape(m[0])) return true;
            return false;
        },
    },
    { id: "github-token", what: "a GitHub token", class: "unmistakable", keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], test: rx(/\bgh[pousr]_[A-Za-z0-9]{36,251}\b/) },
    { id: "github-fine-grained-pat", what: "a GitHub fine-grained token", class: "unmistakable", keywords: ["github_pat_"], test: rx(/\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b/) },
    { id: "gitlab-token", what: "a GitLab token", class: "unmistakable", keywords: ["glpat-", "glptt-", "gldt-", "glrt-", "glcbt-", "gloas-", "glsoat-", "glffct-", "glimt-", "glagent-", "glft-"], test: rx(/\bgl(?:pat|ptt|dt|rt|cbt|oas|soat|ffct|imt|agent|ft)-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])/) },
    { id: "slack-token", what: "a Slack token", class: "unmistakable", keywords: ["xox"], test: rx(/\bxox(?:b-\d{10,13}-\d{10,13}-[A-Za-z0-9]{20,34}|[pe](?:-\d{10,13}){3}-[A-Za-z0-9]{28,34}|[ars]-\d-[A-Za-z0-9-]{10,200})\b/) },
    { id: "slack-app-token", what: "a Slack app token", class: "unmistakable", keywords: ["xapp-"], test: rx(/\bxapp-\d-[A-Z0-9]{1,20}-\d{1,20}-[a-f0-9]{32,128}\b/) },
    { id: "slack-webhook", what: "a Slack webhook URL", class: "unmistakable", keywords: ["hooks.slack.com"], test: rx(/\bhttps?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56}/) },
    { id: "stripe-secret-key", what: "a Stripe secret key", class: "unmistakable", keywords: ["_live_", "_test_", "_prod_"], test: rx(/\b(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,247}\b/) },
    { id: "stripe-webhook-secret", what: "a Stripe webhook signing secret", class: "unmistakable", keywords: ["whsec_"], test: rx(/\bwhsec_[A-Za-z0-9+/=]{32,128}/) },
    { id: "sendgrid-api-key", what: "a SendGrid API key", class: "unmistakable", keywords: ["SG."], test: rx(/\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/) },
    { id: "docker-hub-token", what: "a Docker Hub access token", class: "unmistakable", keywords: ["dckr_pat_"], test: rx(/\bdckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/) },
    { id: "npm-token", what: "an npm token", class: "unmistakable", keywords: ["npm_"], test: rx(/\bnpm_[A-Za-z0-9]{36}\b/) },
    { id: "pypi-token", what: "a PyPI token", class: "unmistakable", keywords: ["pypi-AgEIcHlwaS5vcmc"], test: rx(/\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}/) },
    { id: "newrelic-user-key", what: "a New Relic user key", class: "unmistakable", keywords: ["NRAK-"], test: rx(/\bNRAK-[A-Z0-9]{27}\b/) },
    { id: "newrelic-license-key", what: "a New Relic license key", class: "unmistakable", keywords: ["NRAL"], test: rx(/\b[a-f0-9]{36}NRAL\b/) },
    { id: "newrelic-insert-key", what: "a New Relic insert key", class: "unmistakable", keywords: ["NRII-"], test: rx(/\bNRII-[A-Za-z0-9_-]{32}\b/) },
    { id: "sentry-auth-token", what: "a Sentry auth token", class: "unmistakable", keywords: ["sntrys_", "sntryu_"], test: rx(/\bsntry[us]_[A-Za-z0-9+/=_]{40,2000}/) },
    // Webhook URLs whose path is the secret: anyone holding one can post to it.
    // Sumo Logic's HTTP source URL embeds its token (help.sumologic.com, HTTP Logs and Metrics Source).
    {
        id: "sumologic-http-source", what: "a Sumo Logic HTTP source URL", class: "unmistakable", keywords: ["sumologic."],
        test: rx(/\bhttps:\/\/endpoint\d{0,2}\.collection\.(?:[a-z]{2,4}\d?\.)?sumologic\.(?:com|net)\/receiver\/v1\/[a-z]{2,16}\/([A-Za-z0-9_+%=-]{40,1024})/, (m) => !isDummy(m[1])),
    },
    // Mattermost's incoming webhook: /hooks/ and a 26-character id of its z-base-32 alphabet (no 0, 2, l, v).
    {
        id: "mattermost-webhook", what: "a Mattermost webhook URL", class: "unmistakable", keywords: ["/hooks/"],
        test: rx(/\bhttps?:\/\/[^\s/?#@'"]{1,253}(?:\/[^\s/?#'"]{1,64}){0,4}\/hooks\/([13-9a-km-uw-z]{26})(?![A-Za-z0-9_-])/, (m) => generatedId(m[1])),
    },
    {
        id: "zapier-webhook", what: "a Zapier webhook URL", class: "unmistakable", keywords: ["hooks.zapier.com"],
        test: rx(/\bhttps:\/\/hooks\.zapier\.com\/hooks\/catch\/(\d{3,12})\/([a-z0-9]{5,16})(?![A-Za-z0-9_-])/, (m) => generatedId(m[2]) || isLettersOnlyZapierId(m[1], m[2])),
    },
    { id: "discord-webhook", what: "a Discord webhook URL", class: "unmistakable", keywords: ["discord"], test: rx(/\bhttps:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,68}\b/) },
    { id: "discord-bot-token", what: "a Discord bot token", class: "unmistakable", when: (v) => v.length >= 58 && v.length < 100 && /^\s*[MNO]/.test(v), test: (v) => /^[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,38}$/.test(v.trim()) },
    {
        id: "bip39-mnemonic", what: "a wallet recovery phrase (BIP-39 mnemonic)", class: "unmistakable",
        when: (v) => v.length >= 47 && v.length <= 256 && /^\s*[a-z]{3,8}\s[a-z]/.test(v), test: isBip39Mnemonic,
    },
    // The Bot API puts the token in the path, glued to "bot": https://api.telegram.org/bot<token>/sendMessage.
    { id: "telegram-bot-token", what: "a Telegram bot token", class: "unmistakable", keywords: [":AA"], test: rx(/(?:\b|(?<=\/bot))\d{8,10}:AA[A-Za-z0-9_-]{33}\b/) },
    { id: "google-oauth-client-secret", what: "a Google OAuth client secret", class: "unmistakable", keywords: ["GOCSPX-"], test: rx(/\bGOCSPX-[A-Za-z0-9_-]{28}\b/) },
    // Google's OAuth 2.0 access tokens (ya29.), short-lived but valid for their scopes until they expire.
    { id: "google-oauth-access-token", what: "a Google OAuth access token", class: "unmistakable", keywords: ["ya29."], test: rx(/\bya29\.[A-Za-z0-9_-]{30,2048}(?![A-Za-z0-9_-])/, (m) => randomish(m[0].slice(5))) },
    { id: "google-api-key", what: "a Google API key", class: "public-capable", keywords: ["AIza"], test: rx(/\bAIza[0-9A-Za-z_-]{35}\b/) },
    { id: "openai-api-key", what: "an OpenAI API key", class: "unmistakable", keywords: ["T3BlbkFJ"], test: rx(/\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}/) },
    { id: "anthropic-api-key", what: "an Anthropic API key", class: "unmistakable", keywords: ["sk-ant-"], test: rx(/\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,120}AA\b/) },
    // Mapbox's public tokens are `pk.` and go to browsers; its secret ones are `sk.`.
    { id: "mapbox-secret-token", what: "a Mapbox secret token", class: "unmistakable", keywords: ["sk.eyJ"], test: rx(/\bsk\.eyJ[A-Za-z0-9_-]{10,300}\.[A-Za-z0-9_-]{20,40}(?![A-Za-z0-9_-])/) },
    // Dropbox's short-lived access tokens (sl., 4 hours); its long-lived ones carry no prefix.
    { id: "dropbox-short-lived-token", what: "a Dropbox access token", class: "unmistakable", keywords: ["sl."], test: rx(/\bsl\.(?:u\.)?[A-Za-z0-9_-]{130,2048}(?![A-Za-z0-9_-])/) },
    { id: "pulumi-access-token", what: "a Pulumi access token", class: "unmistakable", keywords: ["pul-"], test: rx(/\bpul-[a-f0-9]{40}\b/) },
    { id: "vault-token", what: "a HashiCorp Vault token", class: "unmistakable", keywords: ["hvs.", "hvb.", "hvr."], test: rx(/\bhv[sbr]\.[A-Za-z0-9_-]{24,500}/) },
    { id: "terraform-cloud-token", what: "a Terraform Cloud token", class: "unmistakable", keywords: [".atlasv1."], test: rx(/\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}\b/) },
    { id: "doppler-token", what: "a Doppler token", class: "unmistakable", keywords: ["dp."], test: rx(/\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}\b/) },
    { id: "digitalocean-token", what: "a DigitalOcean token", class: "unmistakable", keywords: ["_v1_"], test: rx(/\bdo[opr]_v1_[a-f0-9]{64}\b/) },
    // Hugging Face user tokens (hf_) and organization tokens (api_org_): mixed-case letters.
    {
        id: "huggingface-token", what: "a Hugging Face token", class: "unmistakable", keywords: ["hf_", "api_org_"],
        test: rx(/\b(?:hf|api_org)_([A-Za-z]{34})\b/, (m) => /[A-Z]/.test(m[1]) && /[a-z]/.test(m[1])),
    },
    { id: "databricks-token", what: "a Databricks token", class: "unmistakable", keywords: ["dapi"], test: rx(/\bdapi[a-f0-9]{32}(?:-\d)?\b/) },
    { id: "grafana-token", what: "a Grafana token", class: "unmistakable", keywords: ["glsa_", "glc_"], test: rx(/\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b|\bglc_[A-Za-z0-9+/]{32,400}={0,2}/) },
    { id: "shopify-token", what: "a Shopify access token", class: "unmistakable", keywords: ["shpat_", "shpca_", "shppa_", "shpss_"], test: rx(/\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/) },
    { id: "linear-api-key", what: "a Linear API key", class: "unmistakable", keywords: ["lin_api_"], test: rx(/\blin_api_[A-Za-z0-9]{40}\b/) },
    { id: "postman-api-key", what: "a Postman API key", class: "unmistakable", keywords: ["PMAK-"], test: rx(/\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b/) },
    { id: "dynatrace-token", what: "a Dynatrace token", class: "unmistakable", keywords: ["dt0c01."], test: rx(/\bdt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}\b/) },
    { id: "figma-token", what: "a Figma token", class: "unmistakable", keywords: ["figd_"], test: rx(/\bfigd_[A-Za-z0-9_-]{40}\b/) },
    { id: "tailscale-key", what: "a Tailscale key", class: "unmistakable", keywords: ["tskey-"], test: rx(/\btskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,60}\b/) },
    { id: "mailchimp-api-key", what: "a Mailchimp API key", class: "unmistakable", keywords: ["-us"], test: rx(/\b[0-9a-f]{32}-us\d{1,2}\b/) },
    { id: "square-token", what: "a Square access token", class: "unmistakable", keywords: ["EAAA", "sq0csp-", "sq0atp-"], test: rx(/\b(?:EAAA[A-Za-z0-9_-]{60}|sq0(?:csp|atp)-[A-Za-z0-9_-]{22,43})\b/) },
    { id: "azure-ad-client-secret", what: "an Azure AD client secret", class: "unmistakable", keywords: ["Q~"], test: rx(/(?:^|[^A-Za-z0-9_~.])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/) },
    { id: "azure-storage-key", what: "an Azure storage account key", class: "unmistakable", keywords: ["AccountKey="], test: rx(/\bAccountKey=[A-Za-z0-9+/]{86}==/) },
    { id: "azure-shared-access-key", what: "an Azure shared access key", class: "unmistakable", keywords: ["SharedAccessKey="], test: rx(/\bSharedAccessKey=[A-Za-z0-9+/]{42,44}=?(?=;|$|")/) },
    { id: "teams-webhook", what: "a Microsoft Teams webhook URL", class: "unmistakable", keywords: ["webhook.office.com"], test: rx(/\bhttps:\/\/[a-z0-9-]{1,64}\.webhook\.office\.com\/webhookb2\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[A-Za-z0-9]{32}\/[0-9a-f-]{36}/) },
    { id: "age-secret-key", what: "an age secret key", class: "unmistakable", keywords: ["AGE-SECRET-KEY-1"], test: rx(/\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b/) },
    // Prefixed tokens whose prefix and length say enough without a name around them (gitleaks, same commit).
    {
        id: "aws-bedrock-api-key", what: "an Amazon Bedrock API key", class: "unmistakable", keywords: ["ABSK", "bedrock-api-key-"],
        test: rx(/(?<![A-Za-z0-9+/])(?:ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{32,8192}={0,2})(?![A-Za-z0-9+/=])/),
    },
    { id: "atlassian-api-token", what: "an Atlassian API token", class: "unmistakable", keywords: ["ATATT3"], test: rx(/\bATATT3[A-Za-z0-9_=-]{186}(?![A-Za-z0-9_=-])/) },
    { id: "1password-service-account-token", what: "a 1Password service account token", class: "unmistakable", keywords: ["ops_eyJ"], test: rx(/\bops_eyJ[A-Za-z0-9+/]{250,8192}={0,3}/) },
    {
        id: "1password-secret-key", what: "a 1Password secret key", class: "unmistakable", keywords: ["A3-"],
        test: rx(/\bA3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\b/, (m) => randomish(m[0].slice(3))),
    },
    { id: "adobe-client-secret", what: "an Adobe client secret", class: "unmistakable", keywords: ["p8e-"], test: rx(/\bp8e-[A-Za-z0-9]{32}\b/, (m) => randomish(m[0].slice(4))) },
    { id: "artifactory-token", what: "a JFrog Artifactory token", class: "unmistakable", keywords: ["AKCp", "cmVmd"], test: rx(/(?<![A-Za-z0-9+/])(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})(?![A-Za-z0-9+/=])/) },
    { id: "clojars-token", what: "a Clojars deploy token", class: "unmistakable", ci: ["clojars_"], test: rx(/\bCLOJARS_[a-z0-9]{60}\b/i) },
    { id: "cloudflare-origin-ca-key", what: "a Cloudflare Origin CA key", class: "unmistakable", keywords: ["v1.0-"], test: rx(/\bv1\.0-[a-f0-9]{24}-[a-f0-9]{146}\b/) },
    { id: "duffel-token", what: "a Duffel access token", class: "unmistakable", keywords: ["duffel_"], test: rx(/\bduffel_(?:test|live)_[A-Za-z0-9_=-]{43}(?![A-Za-z0-9_=-])/) },
    { id: "easypost-api-key", what: "an EasyPost API key", class: "unmistakable", keywords: ["EZAK", "EZTK"], test: rx(/\bEZ[AT]K[A-Za-z0-9]{54}\b/) },
    { id: "facebook-access-token", what: "a Facebook access token", class: "unmistakable", keywords: ["EAAM", "EAAC"], test: rx(/\bEAA[MC][A-Za-z0-9]{100,1024}(?![A-Za-z0-9+/=])/) },
    { id: "flutterwave-secret-key", what: "a Flutterwave secret key", class: "unmistakable", keywords: ["FLWSECK"], test: rx(/\bFLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X\b/) },
    {
        id: "flyio-token", what: "a Fly.io token", class: "unmistakable", keywords: ["fo1_", "fm1", "fm2_"],
        test: rx(/\b(?:fo1_[\w-]{43}(?![\w-])|fm1[ar]_[A-Za-z0-9+/]{100,4096}|fm2_[A-Za-z0-9+/]{100,4096})/),
    },
    { id: "frameio-token", what: "a Frame.io token", class: "unmistakable", keywords: ["fio-u-"], test: rx(/\bfio-u-[A-Za-z0-9_=-]{64}(?![A-Za-z0-9_=-])/) },
    { id: "harness-token", what: "a Harness token", class: "unmistakable", keywords: ["pat.", "sat."], test: rx(/\b[ps]at\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}\b/) },
    { id: "heroku-api-key", what: "a Heroku API key", class: "unmistakable", keywords: ["HRKU-AA"], test: rx(/\bHRKU-AA[A-Za-z0-9_-]{58}(?![A-Za-z0-9_-])/) },
    // Mixed case: `video_box.ico-<md5>.png`, an asset's hashed name, is lower-case hex (gitleaks' false positive).
    { id: "infracost-token", what: "an Infracost API key", class: "unmistakable", keywords: ["ico-"], test: rx(/\bico-[A-Za-z0-9]{32}\b/, (m) => mixedCase(m[0].slice(4))) },
    { id: "notion-token", what: "a Notion integration token", class: "unmistakable", keywords: ["ntn_"], test: rx(/\bntn_[0-9]{11}[A-Za-z0-9]{35}\b/) },
    { id: "octopus-deploy-api-key", what: "an Octopus Deploy API key", class: "unmistakable", keywords: ["API-"], test: rx(/\bAPI-[A-Z0-9]{26}\b/, (m) => randomish(m[0].slice(4))) },
    { id: "openshift-token", what: "an OpenShift token", class: "unmistakable", keywords: ["sha256~"], test: rx(/\bsha256~[\w-]{43}(?![\w-])/) },
    { id: "perplexity-api-key", what: "a Perplexity API key", class: "unmistakable", keywords: ["pplx-"], test: rx(/\bpplx-[A-Za-z0-9]{48}\b/) },
    {
        id: "planetscale-token", what: "a PlanetScale token or password", class: "unmistakable", keywords: ["pscale_tkn_", "pscale_oauth_", "pscale_pw_"],
        test: rx(/\bpscale_(?:tkn|oauth|pw)_[\w=.-]{32,64}(?![\w=.-])/),
    },
    { id: "prefect-token", what: "a Prefect API key", class: "unmistakable", keywords: ["pnu_"], test: rx(/\bpnu_[A-Za-z0-9]{36}\b/) },
    { id: "readme-token", what: "a ReadMe API key", class: "unmistakable", keywords: ["rdme_"], test: rx(/\brdme_[a-z0-9]{70}\b/) },
    { id: "rubygems-token", what: "a RubyGems API key", class: "unmistakable", keywords: ["rubygems_"], test: rx(/\brubygems_[a-f0-9]{48}\b/) },
    { id: "scalingo-token", what: "a Scalingo API token", class: "unmistakable", keywords: ["tk-us-"], test: rx(/\btk-us-[\w-]{48}(?![\w-])/) },
    { id: "brevo-api-key", what: "a Brevo (Sendinblue) API key", class: "unmistakable", keywords: ["xkeysib-"], test: rx(/\bxkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}\b/) },
    { id: "shippo-token", what: "a Shippo API token", class: "unmistakable", keywords: ["shippo_"], test: rx(/\bshippo_(?:live|test)_[a-fA-F0-9]{40}\b/) },
    { id: "slack-config-token", what: "a Slack configuration token", class: "unmistakable", keywords: ["xoxe"], test: rx(/\bxoxe(?:\.xox[bp]-\d-[A-Za-z0-9]{163,166}|-\d-[A-Za-z0-9]{146})\b/) },
    { id: "sourcegraph-token", what: "a Sourcegraph access token", class: "unmistakable", keywords: ["sgp_"], test: rx(/\bsgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}\b/) },
    { id: "typeform-token", what: "a Typeform token", class: "unmistakable", keywords: ["tfp_"], test: rx(/\btfp_[A-Za-z0-9_.=-]{59}(?![A-Za-z0-9_.=-])/) },
    // Prefixed tokens gitleaks does not list, by their vendors' published formats.
    { id: "openrouter-api-key", what: "an OpenRouter API key", class: "unmistakable", keywords: ["sk-or-v1-"], test: rx(/\bsk-or-v1-[a-f0-9]{64}\b/) },
    { id: "groq-api-key", what: "a Groq API key", class: "unmistakable", keywords: ["gsk_"], test: rx(/\bgsk_[A-Za-z0-9]{52}\b/) },
    { id: "replicate-token", what: "a Replicate API token", class: "unmistakable", keywords: ["r8_"], test: rx(/\br8_[A-Za-z0-9_-]{37}(?![A-Za-z0-9_-])/, (m) => randomish(m[0].slice(3))) },
    { id: "xai-api-key", what: "an xAI API key", class: "unmistakable", keywords: ["xai-"], test: rx(/\bxai-[A-Za-z0-9_]{80}\b/) },
    { id: "langsmith-api-key", what: "a LangSmith API key", class: "unmistakable", keywords: ["lsv2_"], test: rx(/\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}\b/) },
    { id: "pinecone-api-key", what: "a Pinecone API key", class: "unmistakable", keywords: ["pcsk_"], test: rx(/\bpcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}\b/) },
    { id: "supabase-access-token", what: "a Supabase access token", class: "unmistakable", keywords: ["sbp_"], test: rx(/\bsbp_[a-z0-9]{40}\b/, (m) => randomish(m[0].slice(4))) },
    { id: "netlify-token", what: "a Netlify access token", class: "unmistakable", keywords: ["nfp_"], test: rx(/\bnfp_[A-Za-z0-9_]{36}\b/) },
    { id: "buildkite-token", what: "a Buildkite API token", class: "unmistakable", keywords: ["bkua_"], test: rx(/\bbkua_[a-z0-9]{40}\b/) },
    { id: "circleci-token", what: "a CircleCI personal token", class: "unmistakable", keywords: ["CCIPAT_"], test: rx(/\bCCIPAT_[A-Za-z0-9]{22}_[a-fA-F0-9]{40}\b/) },
    { id: "sonar-token", what: "a SonarQube or SonarCloud token", class: "unmistakable", keywords: ["squ_", "sqp_", "sqa_", "sqco_"], test: rx(/\bsq(?:[upa]_[a-f0-9]{40}|co_[A-Za-z0-9]{59})\b/) },
    { id: "jwt", what: "a JSON Web Token", class: "public-capable", keywords: ["eyJ"], test: rx(/\b(eyJ[A-Za-z0-9_-]{10,2000})\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{16,2000}/, isJwt) },
    { id: "laravel-app-key", what: "an application key (base64:)", class: "public-capable", keywords: ["base64:"], test: rx(/(?:^|[^A-Za-z0-9+/])base64:[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/) },
    {
        id: "url-password", what: "a URL with an embedded password", class: "unmistakable", keywords: ["://"],
        test: (v) => v.includes("@") && urlPassword(v),
    },
    {
        id: "jdbc-password", what: "a JDBC URL with a password", class: "unmistakable", ci: ["jdbc:"],
        test: inSpans("jdbc:", 4096, /[\s"']/, /^jdbc:[a-z0-9]{1,30}:(?:.*[?&;](?:password|pwd)=([^&;]+)|thin:[^/@:]{1,128}\/([^@]{1,256})@)/i, (m) => literal(m[1] ?? m[2])),
    },
    {
        // Go's MySQL driver: user:password@tcp(host:3306)/db (also unix(...)), a DSN with no scheme.
        id: "mysql-dsn-password", what: "a MySQL DSN with a password", class: "unmistakable", keywords: ["@tcp(", "@unix("],
        test: rx(/(?:^|[\s"'=])[\w.-]{1,64}:([^\s@:/'"]{1,256})@(?:tcp|unix)\(/, (m) => literal(m[1])),
    },
    {
        // libpq's key=value form: host=db user=app password=x dbname=app.
        id: "libpq-password", what: "a PostgreSQL connection string with a password", class: "unmistakable", ci: ["password"],
        test: (v) => v.split("\n").some((line) => /(?:^|\s)(?:host|hostaddr|dbname|user)\s{0,8}=\s{0,8}\S/.test(line) && libpqPassword(line)),
    },
    {
        id: "connection-string-password", what: "a connection string with a password", class: "unmistakable", ci: ["password", "pwd"],
        test: (v) => /(?:^|;)\s{0,8}(?:server|data source|host|hostname|address|addr|user id|uid|username|user|database|initial catalog|driver|dsn|endpoint)\s{0,8}=/i.test(v)
            && rx(/(?:^|;)\s{0,8}(?:password|pwd)\s{0,8}=\s{0,8}("[^"]{1,256}"|'[^']{1,256}'|[^;]{1,256})/i, (m) => literal(m[1].replace(/^["']|["']$/g, "").trim()))(v),
    },
    {
        id: "url-secret-query", what: "a URL with a secret in its query string", class: "unmistakable", ci: ["password=", "passwd=", "pwd=", "token=", "key=", "secret=", "signature="],
        test: rx(/[?&](?:password|passwd|pwd|access_token|api_?key|apikey|client_secret|secret|token|private_token|auth_token|x-amz-security-token|signature)=([^&#\s"']{6,2048})/i, (m) => literal(m[1]) && !/^\$|^\{|^%7B/i.test(m[1])),
    },
    {
        // Storage's SAS (sv=2022-11-02, base64 sig) and a Logic Apps or Power Automate trigger's callback URL (sv=1.0,
        // base64url sig: "The SAS signature", WorkflowTriggerCallbackUrl), which Teams' Workflows webhooks are; a masked sig passes.
        id: "azure-sas-url", what: "a URL with an Azure SAS signature", class: "unmistakable", keywords: ["sig="],
        test: inSpans("sv=", 4096, /[\s#"']/, /^sv=(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2})&(?:.*&)?sig=([A-Za-z0-9%+/=_-]{30,200})/, (m) => literal(m[1])),
    },
    { id: "s3-presigned-url", what: "a presigned URL", class: "unmistakable", ci: ["x-amz-signature="], test: inSpans("X-Amz-Credential=", 8192, /[\s#"']/, /^X-Amz-Credential=[^&]{1,512}&.*X-Amz-Signature=[a-f0-9]{64}/i) },
    {
        id: "kafka-jaas", what: "a JAAS login configuration with a password", class: "unmistakable", keywords: ["LoginModule"],
        test: inSpans("LoginModule", 2048, /;/, /^LoginModule\s{1,8}required\b.*\bpassword\s{0,8}=\s{0,8}"([^"]{1,256})"/s, (m) => literal(m[1])),
    },
    {
        // Quotes escaped too: `echo "{\"auths\":{...{\"auth\":\"...\"}}}" > ~/.docker/config.json`.
        ...DOCKER_CONFIG_AUTH, keywords: ['"auth"', '\\"auth\\"'],
        test: rx(/\\?"auth\\?"\s{0,4}:\s{0,4}\\?"([A-Za-z0-9+/]{8,1024}={0,2})\\?"/, isBasicCredentials),
    },
    { id: "basic-auth-header", what: "HTTP Basic credentials", class: "unmistakable", keywords: ["Basic "], test: rx(/\bBasic\s{1,4}([A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/, isBasicCredentials) },
    { id: "bearer-token", what: "a bearer token", class: "unmistakable", keywords: ["Bearer ", "Token "], test: rx(/\b(?:Bearer|Token)\s{1,4}([A-Za-z0-9._~+/-]{16,4096}=*)/, (m) => randomish(m[1])) },
];

const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CS_KEYWORDS = new Set(RULES.flatMap((r) => r.keywords ?? []));
const CI_KEYWORDS = new Set(RULES.flatMap((r) => r.ci ?? []));
const ALL_KEYWORDS = [...new Set([...CS_KEYWORDS, ...CI_KEYWORDS])].sort((a, b) => b.length - a.length);
// One case-insensitive pass over the value finds which keywords occur (longest first; a match
// also counts the keywords it contains), so a long value is scanned once, not once per keyword.
const SCAN = new RegExp(ALL_KEYWORDS.map(escape).join("|"), "gi");
const CONTAINED = new Map<string, string[]>();
function containedIn(match: string): string[] {
    let found = CONTAINED.get(match);
    if (!found) {
        const lower = match.toLowerCase();
        found = ALL_KEYWORDS.filter((k) => (CS_KEYWORDS.has(k) && match.includes(k)) || (CI_KEYWORDS.has(k) && lower.includes(k)));
        // Bounded: matches are keywords up to case, so few distinct strings.
        if (CONTAINED.size < 4096) CONTAINED.set(match, found);
    }
    return found;
}
const UNFILTERED = RULES.filter((r) => r.when);

/** The first credential format the value holds, if any. */
export function findFormat(value: string): FormatMatch | undefined {
    if (value.length < 8) return undefined;
    // Every format but a URL, a key=value string or a Basic header is 20 characters or more.
    if (value.length < 20 && !value.includes("://") && !value.includes("=") && !value.includes("Basic ")) return undefined;
    const text = value.length > MAX_SCANNED ? value.slice(0, MAX_SCANNED) : value;
    let keywords: Set<string> | undefined;
    SCAN.lastIndex = 0;
    for (let m = SCAN.exec(text); m; m = SCAN.exec(text)) for (const k of containedIn(m[0])) (keywords ??= new Set()).add(k);
    for (const rule of keywords ? RULES : UNFILTERED) {
        if (rule.when) {
            if (!rule.when(text)) continue;
        } else if (!(rule.keywords?.some((k) => keywords!.has(k)) || rule.ci?.some((k) => keywords!.has(k)))) {
            continue;
        }
        if (rule.test(text)) return { id: rule.id, what: rule.what, class: rule.class };
    }
    return undefined;
}

/** The ids of the rules, for tests. */
export const FORMAT_RULE_IDS: readonly string[] = RULES.map((r) => r.id);
