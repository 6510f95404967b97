// Where the project lives on the web, for the links users follow: each policy's page
// (docs/policies/<name>.md: the policy URL the pack serves, SARIF's helpUri) and the project's
// home (SARIF's informationUri). Read once from this package's package.json (`homepage`,
// `repository`), so a fork that edits those links to itself. AWS_BASELINE_DOCS_URL overrides
// the base under which docs/policies/ lives, e.g. for docs served from another host or branch.
import * as fs from "fs";
import * as path from "path";

export const DOCS_URL_ENV = "AWS_BASELINE_DOCS_URL";

export interface ProjectLinks {
    /** The project's home page: `homepage`, else the repository's web page. */
    home?: string;
    /** The URL under which `docs/policies/<name>.md` is found. */
    docsBase?: string;
}

let cached: ProjectLinks | undefined;

/** The links of this package, read from its package.json on first use. */
export function projectLinks(): ProjectLinks {
    cached ??= linksFrom(readOwnPackageJson(), process.env[DOCS_URL_ENV]);
    return cached;
}

/** The policy's page, or "" when package.json names no repository and no override is set. */
export function policyDocUrl(policyName: string): string {
    const base = projectLinks().docsBase;
    return base ? `${base}/docs/policies/${policyName}.md` : "";
}

/** Pure: the links a package.json (`homepage`, `repository`) and the override give. */
export function linksFrom(pkg: Record<string, unknown> | undefined, override?: string): ProjectLinks {
    const repository = repositoryWebUrl(pkg?.repository);
    const homepage = typeof pkg?.homepage === "string" && /^https?:\/\//.test(pkg.homepage) ? stripSlash(pkg.homepage) : undefined;
    const docsBase = override?.trim() ? stripSlash(override.trim()) : repository && blobBase(repository.url, repository.directory);
    return { home: homepage ?? repository?.url ?? docsBase, docsBase };
}

/**
 * package.json `repository` as a web URL: the object or string forms npm accepts
 * (`git+https://…/x.git`, `git@host:owner/x.git`, `github:owner/x`, `owner/x`).
 */
function repositoryWebUrl(repository: unknown): { url: string; directory?: string } | undefined {
    const spec = typeof repository === "string" ? repository : isObject(repository) && typeof repository.url === "string" ? repository.url : undefined;
    if (!spec) return undefined;
    const directory = isObject(repository) && typeof repository.directory === "string" ? repository.directory.replace(/^\/+|\/+$/g, "") : undefined;
    const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(spec);
    let url: string | undefined;
    if (shorthand) {
        url = `https://${shorthand[1] === "gitlab" ? "gitlab.com" : shorthand[1] === "bitbucket" ? "bitbucket.org" : "github.com"}/${shorthand[2]}`;
    } else {
        const scp = /^(?:[\w.-]+@)?([\w-]+(?:\.[\w-]+)+):(?!\/\/)([\w.-]+\/[\w./-]+)$/.exec(spec);
        if (scp) url = `https://${scp[1]}/${scp[2]}`;
        else {
            const m = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+)$/.exec(spec);
            if (m) url = `https://${m[1]}/${m[2]}`;
        }
    }
    return url ? { url: stripSlash(url).replace(/\.git$/, ""), directory: directory || undefined } : undefined;
}

/** Files on the default branch: GitHub and most hosts use `/blob/HEAD/`, GitLab `/-/blob/HEAD/`. */
function blobBase(repository: string, directory: string | undefined): string {
    const blob = /^https:\/\/gitlab\./.test(repository) ? "-/blob/HEAD" : /^https:\/\/bitbucket\.org\//.test(repository) ? "src/HEAD" : "blob/HEAD";
    return [repository, blob, directory].filter(Boolean).join("/");
}

/** The nearest package.json above this module: the pack's, from sources and from dist/ alike. */
function readOwnPackageJson(): Record<string, unknown> | undefined {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            try {
                const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
                return isObject(json) ? json : undefined;
            } catch {
                // Links are a convenience: a broken package.json must not stop the pack.
                return undefined;
            }
        }
        if (path.dirname(dir) === dir) return undefined;
    }
}

function stripSlash(url: string): string {
    return url.replace(/\/+$/, "");
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
