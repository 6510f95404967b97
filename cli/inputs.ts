// The inputs `check` understands, auto-detected, all turned into what the engine would
// hand an analyzer (see fixtures/README.md for the fixture format):
//   1. this project's fixture format: {"resources": [{"type", "name", "props", ...}]}
//   2. `pulumi stack export`: {"version": 3, "deployment": {"resources": [...]}}
//   3. `pulumi preview --json`: {"steps": [{"op", "urn", "newState": {...}}]}
//
// Files are read as a stream of resources (./json-scan.ts): a stack export or preview of any
// size is scanned once before anything runs (its structure, its providers), then read
// resource by resource while the pack analyzes it, so neither the file nor its resources are
// ever held whole, and each resource is parsed once. A resource that is not JSON, or not a
// resource, is found when it is read: the run fails with the message a whole-file reading
// gave.
import * as fs from "fs";
import { oneLine } from "../policies/lib/describe";
import { readDataFile } from "../policies/lib/files";
import { childrenOf, walk } from "../policies/lib/walk";
import { contentlessAsSent, isWireSecret, SIG, SIG_KEY, UNKNOWN_SENTINELS, wireSecret } from "../policies/lib/wire";
import { EngineResource, isProviderType, makeUrn, ResourceStream, StackInput, urnName, urnQualifiedType, urnStackProject, urnType } from "./engine/model";
import { JsonSyntaxError, readRanges, Scan, ScannedArray, scanJson } from "./json-scan";
import { urnLineOffset } from "./report";

/**
 * The file cannot be checked; the message is one line of stderr. Names, keys and references
 * quoted from the file may hold line breaks and other control characters: they are escaped.
 */
export class InputError extends Error {
    constructor(message: string) {
        super(oneLine(message));
    }
}

export type InputFormat = "fixture" | "stack-export" | "preview-json";

export interface LoadedInput extends StackInput {
    format: InputFormat;
    /** Whether the source describes a preview (unknowns allowed). */
    preview: boolean;
    /**
     * The resources left out because the stack only reads them (isRead), by URN (a
     * read-replacement and the replace that follows it are one): their types. A stream fills it
     * as it is read.
     */
    reads?: ReadonlyMap<string, string>;
    /**
     * A preview's unchanged resources: the `same` steps it lists, and how many its
     * `changeSummary` counts. `pulumi preview --json` lists them only with `--show-sames`. A
     * stream counts them as it is read.
     */
    sames?: { listed: number; counted?: number };
    /** A preview's diagnostics of severity `error` (previewFailure): the engine stopped there. */
    failure?: PreviewFailure;
    /** A stack export's `pending_operations` (see pendingOperations). */
    pending?: PendingOperation[];
}

export interface LoadOptions {
    stack?: string;
    project?: string;
}

const DEFAULT_STACK = "dev";
const DEFAULT_PROJECT = "project";
const AWS_PROVIDER_VERSION = "7.48.0";
/** The id of every provider of a fixture (a provider reference is `<urn>::<id>`). */
const PROVIDER_ID = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A stack export or preview read as it is analyzed (see ResourceStream); fixtures are loaded whole. */
export interface StreamedInput extends Omit<LoadedInput, "resources"> {
    resources: ResourceStream & {
        /** The line that declares each resource read so far (its `"urn"`): where a report points. */
        lines: ReadonlyMap<string, number>;
    };
}

/** Reads a file into resources; a stack export or preview of any size. */
export function loadInputFile(file: string, options: LoadOptions = {}): LoadedInput {
    const input = openInputFile(file, options);
    return Array.isArray(input.resources) ? (input as LoadedInput) : { ...input, resources: [...input.resources.resources()] };
}

/**
 * Checks a file through (every error `loadInputFile` would raise is raised here) and returns
 * its resources: a list for a fixture, a stream for a stack export or preview, which reads
 * the file again resource by resource.
 */
export function openInputFile(file: string, options: LoadOptions = {}): LoadedInput | StreamedInput {
    let scanned: ReturnType<typeof scanInputFile>;
    try {
        scanned = scanInputFile(file);
    } catch (e) {
        if (!(e instanceof JsonSyntaxError) && !isFsError(e)) throw e;
        // Unreadable or not JSON: the whole-file reader words the problem (an empty file, a
        // directory, ...); beyond the longest string it can read, it is plainly invalid.
        if (!isFsError(e) && isUtf16(file)) {
            throw new InputError(`${file}: the file is UTF-16 text (Windows PowerShell 5.1's \`>\` writes UTF-16), not the UTF-8 JSON the Pulumi CLI writes: ` +
                "write it with `pulumi stack export --file <file>`, or pipe `pulumi preview --json` through `Out-File -Encoding utf8 <file>`");
        }
        if (!isFsError(e) && isEventLog(file)) {
            throw new InputError(`${file}: this is an engine event log (one JSON event per line, as \`--event-log\` writes), not a stack export: ` +
                "check reads `pulumi stack export` files and `pulumi preview --json` output");
        }
        if (!isFsError(e) && fileSize(file) > WHOLE_FILE_LIMIT) throw new InputError(`${file}: input ${NOT_JSON}`);
        readWholeFile(file);
        throw new InputError(`${file}: input ${NOT_JSON}`);
    }
    const { scan, streams, fixtures } = scanned;
    let read: { input: LoadedInput | StreamedInput; analyzed?: ArrayStream };
    try {
        read = inputOf(file, scan, streams, fixtures, options);
    } catch (e) {
        if (e instanceof InputError && !allElementsParse(file, [...streams.values()])) throw new InputError(`${file}: input ${NOT_JSON}`);
        throw e;
    }
    // Lists the document does not analyze are part of the file all the same (an analyzed one is parsed as it is read).
    if (!allElementsParse(file, [...streams.values()].filter((s) => s !== read.analyzed))) throw new InputError(`${file}: input ${NOT_JSON}`);
    return read.input;
}

function inputOf(file: string, scan: Scan, streams: Map<string, ArrayStream>, fixtures: Map<string, unknown[]>, options: LoadOptions): { input: LoadedInput | StreamedInput; analyzed?: ArrayStream } {
    if (scan.document === undefined) throw new InputError(`${file}: ${EMPTY}`);
    const json = scan.document;
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
        throw new InputError(`${file}: unknown input shape: expected a JSON object`);
    }
    if (scan.maxDepth > MAX_NESTING) {
        throw new InputError(`${file}: values are nested more than ${MAX_NESTING} levels deep, deeper than the engine can send a policy pack`);
    }
    const o = json as Record<string, unknown>;
    const streamOf = (v: unknown) => (typeof v === "string" ? streams.get(v) : undefined);
    if ("deployment" in o) {
        const dep = deploymentOf(o, file);
        const stream = streamOf(dep.resources);
        if (!stream) return { input: fromStackExport(o, file, options) }; // no resources, or not a list: as a whole
        return { input: { ...streamedInput(file, "stack-export", false, stream, options, secretsProviderUrl(dep.secrets_providers)), pending: pendingOperations(dep, file) }, analyzed: stream };
    }
    const steps = streamOf(o.steps);
    if (steps) return { input: { ...streamedInput(file, "preview-json", true, steps, options, undefined, sameCount(o.changeSummary)), failure: previewFailure(o.diagnostics) }, analyzed: steps };
    const fixture = typeof o.resources === "string" ? fixtures.get(o.resources) : undefined;
    if (fixture) return { input: fromFixture({ ...o, resources: fixture }, file, options) };
    return { input: parseInput(o, file, options) };
}

/** What a stack's pack is booted with, known from the start of its file. */
export interface StackIdentity {
    stack?: string;
    project?: string;
    preview: boolean;
    secretsProvider?: string;
}

/**
 * The identity `openInputFile` will find for a stack export or preview, read from the start
 * of the file only (up to its first resource), so that its pack can boot while the rest is
 * scanned. Undefined when the start does not settle it: the first resource is not the root
 * stack (another resource could be), or the file is a fixture, broken or of no known shape
 * (`openInputFile` then says why). The caller still compares it with what `openInputFile`
 * returns: a key the document gives after its resources, say, would differ.
 */
export function peekStackIdentity(file: string, options: LoadOptions = {}): StackIdentity | undefined {
    try {
        const { scan, streams, fixtures } = scanInputFile(file, true);
        if (!scan.stopped) return undefined;
        const { input, analyzed } = inputOf(file, scan, streams, fixtures, options);
        const named = analyzed?.rootUrn !== undefined || (options.stack !== undefined && options.project !== undefined);
        if (!analyzed || !named) return undefined;
        return { stack: input.stack, project: input.project, preview: input.preview, secretsProvider: input.secretsProvider };
    } catch {
        return undefined;
    }
}

/** Whether every element of these lists is JSON (the scan only located them). */
function allElementsParse(file: string, lists: ArrayStream[]): boolean {
    if (lists.length === 0) return true;
    const fd = fs.openSync(file, "r");
    try {
        return lists.every((s) => allParse(fd, s.array.ranges, 0));
    } finally {
        fs.closeSync(fd);
    }
}

const EMPTY = "the file is empty; expected JSON (a fixture, a stack export or preview --json output)";
const NOT_JSON = "is not valid JSON; expected a fixture, a `pulumi stack export` file or `pulumi preview --json` output";

/** What one JSON.parse of a file can take (V8's longest string is ~512 MiB of one-byte text). */
const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;

function isFsError(e: unknown): boolean {
    return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && !(e instanceof InputError);
}

function fileSize(file: string): number {
    try {
        return fs.statSync(file).size;
    } catch {
        return 0;
    }
}

/** The resources of a stack export or preview, located (not read) while scanning. */
interface ArrayStream {
    kind: "stack-export" | "preview-json";
    array: ScannedArray;
    providers: Map<string, EngineResource>;
    /** URNs that name the stack: the first root stack resource's, else the first resource's. */
    rootUrn?: string;
    firstUrn?: string;
    /** A resource could not be converted: the stack is not looked for further (reading it fails). */
    stopped?: boolean;
}

// The elements the scan reads, found by their bytes: a type that is a provider's or the root
// stack's (a URN holds these types too, but never right after a quote).
const PROVIDER_TYPE = Buffer.from('"pulumi:providers:');
const STACK_TYPE = Buffer.from('"pulumi:pulumi:Stack"');

/**
 * Scans a file: fixture entries are kept; of a stack export or preview, only what must be
 * known before the first resource is analyzed is read (the providers, and the URNs that name
 * the stack), the rest when it is analyzed (streamedInput). A `peek` stops after the first
 * resource (peekStackIdentity).
 */
function scanInputFile(file: string, peek = false) {
    const streams = new Map<string, ArrayStream>();
    const fixtures = new Map<string, unknown[]>();
    /** Where a peek stops: after the first resource of any list (or the one that cannot be read). */
    const firstResourceRead = (array: ScannedArray): boolean => {
        const s = streams.get(array.marker);
        return fixtures.has(array.marker) || s?.firstUrn !== undefined || s?.stopped === true;
    };
    const fd = fs.openSync(file, "r");
    try {
        const scan = scanJson(fd, isResourceList, (array, index, element) => {
            if (array.path.length === 1 && array.path[0] === "resources") {
                let list = fixtures.get(array.marker);
                if (!list) fixtures.set(array.marker, (list = []));
                list.push(parseElement(element.text()));
                return;
            }
            let s = streams.get(array.marker);
            if (!s) streams.set(array.marker, (s = newStream(array)));
            if (s.stopped) return;
            if (s.firstUrn !== undefined && !element.includes(PROVIDER_TYPE) && (s.rootUrn !== undefined || !element.includes(STACK_TYPE))) return;
            try {
                // Its index among the analyzed resources is not known yet: only the reading that fails says it.
                const r = s.kind === "stack-export" ? exportResource(parseElement(element.text()), index, file, true) : previewResource(parseElement(element.text()), index, file, true);
                if (!r) return;
                if (isProviderType(r.type)) s.providers.set(r.urn, r);
                s.firstUrn ??= r.urn;
                if (r.type === "pulumi:pulumi:Stack") s.rootUrn ??= r.urn;
            } catch (e) {
                if (!(e instanceof InputError)) throw e;
                s.stopped = true;
            }
        }, peek ? firstResourceRead : undefined);
        // Empty lists too.
        for (const array of scan.arrays) {
            if (array.path.length === 1 && array.path[0] === "resources") {
                if (!fixtures.has(array.marker)) fixtures.set(array.marker, []);
            } else if (!streams.has(array.marker)) {
                streams.set(array.marker, newStream(array));
            }
        }
        return { scan, streams, fixtures };
    } finally {
        fs.closeSync(fd);
    }
}

function newStream(array: ScannedArray): ArrayStream {
    return { kind: array.path[0] === "steps" ? "preview-json" : "stack-export", array, providers: new Map() };
}

function parseElement(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        throw new JsonSyntaxError();
    }
}

function isResourceList(path: readonly string[]): boolean {
    return path.length === 1 ? path[0] === "resources" || path[0] === "steps" : path.length === 2 && path[0] === "deployment" && path[1] === "resources";
}

/** The first `bytes` bytes of a file (fewer if it is shorter), or undefined if it cannot be read. */
function readHead(file: string, bytes: number): Buffer | undefined {
    let fd: number | undefined;
    try {
        fd = fs.openSync(file, "r");
        const head = Buffer.alloc(bytes);
        return head.subarray(0, fs.readSync(fd, head, 0, bytes, 0));
    } catch {
        return undefined;
    } finally {
        if (fd !== undefined) fs.closeSync(fd);
    }
}

/** A file that starts with a UTF-16 byte order mark (pulumi/pulumi#4561: `pulumi stack export > stack.json` in Windows PowerShell 5.1). */
function isUtf16(file: string): boolean {
    const head = readHead(file, 2);
    return head !== undefined && head.length === 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
}

/** A file whose first line is an engine event (`{"sequence": 1, "timestamp": ..., "preludeEvent": ...}`). */
function isEventLog(file: string): boolean {
    const text = readHead(file, 1 << 16)?.toString("utf8");
    if (text === undefined) return false;
    const newline = text.indexOf("\n");
    try {
        const event: unknown = JSON.parse(newline < 0 ? text : text.slice(0, newline));
        return typeof event === "object" && event !== null && typeof (event as Record<string, unknown>).sequence === "number" &&
            Object.keys(event).some((k) => k.endsWith("Event"));
    } catch {
        return false;
    }
}

/** The legacy whole-file reading, for its wording of unusable files (it throws for them). */
function readWholeFile(file: string): void {
    const read = readDataFile(file, "input", "json");
    if (!read.ok) {
        throw new InputError(read.problem.endsWith("is not valid JSON") ? `${file}: input ${NOT_JSON}` : read.problem);
    }
    if (read.value === undefined) throw new InputError(`${file}: ${EMPTY}`);
}

function streamedInput(file: string, format: "stack-export" | "preview-json", preview: boolean, s: ArrayStream, options: LoadOptions, secretsProvider: string | undefined, counted?: number): StreamedInput {
    const id = s.rootUrn ?? s.firstUrn;
    const identity = id ? urnStackProject(id) : undefined;
    const stat = fs.statSync(file);
    const { ranges, lines: startLines } = s.array;
    const convert = format === "stack-export" ? exportResource : previewResource;
    const lines = new Map<string, number>();
    const reads = new Map<string, string>();
    const sames = format === "preview-json" ? { listed: 0, counted } : undefined;
    return {
        format, preview,
        stack: options.stack ?? identity?.stack,
        project: options.project ?? identity?.project,
        secretsProvider,
        reads,
        sames,
        resources: {
            count: ranges.length / 2,
            providers: s.providers,
            lines,
            *resources() {
                const fd = fs.openSync(file, "r");
                try {
                    const now = fs.fstatSync(fd);
                    if (now.size !== stat.size || now.mtimeMs !== stat.mtimeMs) throw new InputError(`${file}: the file changed while it was being checked`);
                    let index = 0;
                    let kept = 0;
                    const once = format === "preview-json" ? oncePerUrn() : undefined;
                    if (sames) sames.listed = 0;
                    for (const text of readRanges(fd, ranges)) {
                        let r: EngineResource | undefined;
                        try {
                            const element = parseElement(text);
                            r = convert(element, format === "stack-export" ? kept : index, file, true);
                            if (!r) noteRead(reads, format, element);
                            else if (once && !once(r)) r = undefined;
                            if (sames && isSameStep(element)) sames.listed++;
                        } catch (e) {
                            // A file that is not JSON says so, whatever comes before the place it breaks.
                            if (e instanceof JsonSyntaxError || (e instanceof InputError && !allParse(fd, ranges, index + 1))) throw new InputError(`${file}: input ${NOT_JSON}`);
                            throw e;
                        }
                        if (r) {
                            kept++;
                            if (!lines.has(r.urn)) lines.set(r.urn, startLines[index] + urnLineOffset(text, r.urn));
                            yield r;
                        }
                        index++;
                    }
                } finally {
                    fs.closeSync(fd);
                }
            },
        },
    };
}

/** Whether the elements at `ranges` from the `from`-th on are all JSON. */
function allParse(fd: number, ranges: readonly number[], from: number): boolean {
    try {
        for (const text of readRanges(fd, ranges.slice(from * 2))) JSON.parse(text);
        return true;
    } catch {
        return false;
    }
}

export function parseInput(json: unknown, label: string, options: LoadOptions = {}): LoadedInput {
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
        throw new InputError(`${label}: unknown input shape: expected a JSON object`);
    }
    if (exceedsNesting(json, MAX_NESTING)) {
        throw new InputError(`${label}: values are nested more than ${MAX_NESTING} levels deep, deeper than the engine can send a policy pack`);
    }
    const o = json as Record<string, unknown>;
    if ("deployment" in o) return fromStackExport(o, label, options);
    if (Array.isArray(o.steps)) return fromPreviewJson(o, label, options);
    if (Array.isArray(o.resources)) return fromFixture(o, label, options);
    failedBeforeAnyStep(o, label);
    // A self-managed backend's state file (.pulumi/stacks/<project>/<stack>.json): its deployment sits
    // under checkpoint.latest (under latest beside target in the first layout), in the backend's own
    // layout, which the CLI converts when it exports.
    if ("checkpoint" in o || ("target" in o && "latest" in o)) {
        throw new InputError(`${label}: this is a self-managed backend's state file, not a stack export: ` +
            "log in to that backend (`pulumi login file://...` or `s3://...`) and check the output of `pulumi stack export --stack <stack>`");
    }
    throw new InputError(`${label}: unknown input shape: expected "resources" (fixture), "deployment" (stack export) or "steps" (preview --json)`);
}

/**
 * Deeper values never reach a policy pack: decoding the Analyze request in the pack fails
 * from about 1,400 levels (gRPC "Error deserializing request"), and marshalling recurses.
 */
export const MAX_NESTING = 1000;

function exceedsNesting(root: unknown, max: number): boolean {
    let exceeded = false;
    walk(root, 0, (value, depth, schedule) => {
        if (exceeded || typeof value !== "object" || value === null) return;
        if (depth >= max) exceeded = true;
        else for (const [, child] of childrenOf(value)) schedule(child, depth + 1);
    });
    return exceeded;
}

// ---------------------------------------------------------------- fixtures

const UNKNOWN_KINDS: Record<string, string> = UNKNOWN_SENTINELS;

/** Fixture markers: {"$secret": v} and {"$unknown": true | "<kind>"}. */
function fixtureValue(v: unknown, where: string): unknown {
    if (Array.isArray(v)) return v.map((e, i) => fixtureValue(e, `${where}[${i}]`));
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    if (SIG_KEY in o && o[SIG_KEY] !== SIG.secret) return signatureValue(o, where, fixtureValue);
    // A secret written as the engine sends one needs its value: the pack's SDK throws on one
    // without, outside its error handling, and the call never answers.
    if (SIG_KEY in o) {
        if (!("value" in o)) throw new InputError(`${where}: a secret (signature ${SIG.secret}) without its "value"; write a secret as {"$secret": <value>}`);
        return wireSecret(fixtureValue(o.value, where));
    }
    if ("$secret" in o) return wireSecret(fixtureValue(o.$secret, where));
    if ("$unknown" in o) {
        const kind = o.$unknown === true ? "string" : String(o.$unknown);
        const sentinel = UNKNOWN_KINDS[kind];
        if (!sentinel) throw new InputError(`${where}: "$unknown" must be true or one of ${Object.keys(UNKNOWN_KINDS).join(", ")}`);
        return sentinel;
    }
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(o)) out[k] = fixtureValue(e, `${where}.${k}`);
    return out;
}

function fromFixture(o: Record<string, unknown>, label: string, options: LoadOptions): LoadedInput {
    const stack = options.stack ?? str(o.stack) ?? DEFAULT_STACK;
    const project = options.project ?? str(o.project) ?? DEFAULT_PROJECT;
    const raw = o.resources as unknown[];
    const stackUrn = makeUrn(stack, project, "pulumi:pulumi:Stack", `${project}-${stack}`);
    const root: EngineResource = {
        urn: stackUrn, type: "pulumi:pulumi:Stack", name: `${project}-${stack}`, custom: false,
        inputs: {}, protect: false, dependencies: [], propertyDependencies: {},
    };
    const providerName = `default_${AWS_PROVIDER_VERSION.replace(/\./g, "_")}`;
    const providerUrn = makeUrn(stack, project, "pulumi:providers:aws", providerName);
    const providerRef = `${providerUrn}::${PROVIDER_ID}`;
    const provider: EngineResource = {
        urn: providerUrn, type: "pulumi:providers:aws", name: providerName, custom: true,
        inputs: { region: "us-east-1", skipCredentialsValidation: "false", version: AWS_PROVIDER_VERSION },
        protect: false, dependencies: [], propertyDependencies: {},
    };

    const entries = raw.map((r, i) => {
        const where = `${label}: resources[${i}]`;
        if (typeof r !== "object" || r === null || Array.isArray(r)) throw new InputError(`${where}: expected an object with "type" and "name"`);
        const e = r as Record<string, unknown>;
        if (typeof e.type !== "string" || !e.type.includes(":")) throw new InputError(`${where}: "type" must be a type token such as "aws:s3/bucketV2:BucketV2"`);
        if (typeof e.name !== "string" || e.name === "") throw new InputError(`${where} (${e.type}): "name" must be a non-empty string`);
        if (e.props !== undefined && (typeof e.props !== "object" || e.props === null || Array.isArray(e.props))) {
            throw new InputError(`${where} (${e.type} "${e.name}"): "props" must be an object`);
        }
        return { e, where };
    });
    const byName = new Map<string, Record<string, unknown>>();
    for (const { e } of entries) byName.set(e.name as string, e);

    const urns = new Map<string, string>();
    const ancestors = new Map<string, number>();
    const missing = (ref: string, where: string) => new InputError(`${label}: ${where} names "${ref}", which is not a resource in this fixture`);
    // A URN carries its parent's type chain, so URNs grow with depth: a chain thousands deep
    // would take gigabytes (and recursion would overflow the stack), hence MAX_NESTING here too.
    const urnOf = (name: string): string => {
        const chain: string[] = [];
        const onChain = new Set<string>();
        let parentUrn: string | undefined;
        let above = 0;
        for (let current = name; ; ) {
            const known = urns.get(current);
            if (known) {
                parentUrn = known;
                above = ancestors.get(current)! + 1;
                break;
            }
            if (chain.length > MAX_NESTING + 1) throw new InputError(`${label}: "${name}" has more than ${MAX_NESTING} ancestors`);
            if (onChain.has(current)) throw new InputError(`${label}: "${current}" is its own ancestor`);
            onChain.add(current);
            chain.push(current);
            const parent = byName.get(current)!.parent;
            if (typeof parent !== "string") break;
            if (parent.startsWith("urn:pulumi:")) {
                parentUrn = parent;
                break;
            }
            if (!byName.has(parent)) throw missing(parent, `${current}.parent`);
            current = parent;
        }
        if (chain.length - 1 + above > MAX_NESTING) throw new InputError(`${label}: "${name}" has more than ${MAX_NESTING} ancestors`);
        for (let i = chain.length - 1; i >= 0; i--) {
            const e = byName.get(chain[i])!;
            parentUrn = makeUrn(stack, project, e.type as string, chain[i], typeof e.parent === "string" ? urnQualifiedType(parentUrn!) : undefined);
            urns.set(chain[i], parentUrn);
            ancestors.set(chain[i], chain.length - 1 - i + above);
        }
        return urns.get(name)!;
    };
    const resolveRef = (ref: string, where: string): string => {
        if (ref.startsWith("urn:pulumi:")) return ref;
        if (!byName.has(ref)) throw missing(ref, where);
        return urnOf(ref);
    };

    const resources: EngineResource[] = [root, provider];
    for (const { e, where } of entries) {
        const name = e.name as string;
        const type = e.type as string;
        const refs = (v: unknown, w: string): string[] => {
            if (v === undefined) return [];
            if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new InputError(`${where} (${type} "${name}"): ${w} must be a list of resource names or URNs`);
            return v.map((x) => resolveRef(x, `${name}.${w}`));
        };
        const propertyDependencies: Record<string, string[]> = {};
        if (e.propertyDependencies !== undefined) {
            if (typeof e.propertyDependencies !== "object" || e.propertyDependencies === null) throw new InputError(`${where}: propertyDependencies must be an object`);
            for (const [k, v] of Object.entries(e.propertyDependencies)) propertyDependencies[k] = refs(v, `propertyDependencies.${k}`);
        }
        const dependencies = [...new Set([...refs(e.dependencies, "dependencies"), ...Object.values(propertyDependencies).flat()])];
        const isComponent = e.custom === false;
        // An explicit provider: a provider resource of the fixture (providers have none themselves).
        let providerOf: string | undefined = isComponent || isProviderType(type) ? undefined : providerRef;
        if (e.provider !== undefined) {
            const urn = typeof e.provider === "string" ? resolveRef(e.provider, `${name}.provider`) : "";
            if (!isProviderType(urnType(urn))) {
                throw new InputError(`${where} (${type} "${name}"): "provider" must name a provider resource (type pulumi:providers:...) of this fixture`);
            }
            providerOf = `${urn}::${PROVIDER_ID}`;
        }
        resources.push({
            urn: urnOf(name),
            type,
            name,
            custom: !isComponent,
            inputs: propertyMap(fixtureValue(e.props ?? {}, `${label}: ${name}.props`), `${where} (${type} "${name}"): "props"`),
            outputs: e.outputs === undefined ? undefined : propertyMap(fixtureValue(e.outputs, `${label}: ${name}.outputs`), `${where} (${type} "${name}"): "outputs"`),
            parent: typeof e.parent === "string" ? resolveRef(e.parent, `${name}.parent`) : stackUrn,
            protect: e.protect === true,
            provider: providerOf,
            dependencies,
            propertyDependencies,
        });
    }
    return { format: "fixture", preview: o.preview === true, stack, project, secretsProvider: str(o.secretsProvider), resources };
}

/** The engine always sends a resource's properties as a map of names to values. */
function propertyMap(value: unknown, where: string): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value) || SIG_KEY in value) {
        throw new InputError(`${where} must be an object of properties, not a secret, unknown or other special value`);
    }
    return value as Record<string, unknown>;
}

// ---------------------------------------------------------------- values with a signature

/**
 * An asset, archive, resource reference or output value (not a secret) as the engine sends
 * it to an analyzer. The engine marshals analyzer requests without KeepResources or
 * KeepOutputValues (analyzer_plugin.go), so a reference arrives as the resource's ID (URN
 * for a component) and an output value as its value. An asset or archive without contents
 * arrives as the engine sends it, without its empty fields (Go's Asset.Serialize): an asset
 * of empty text (`new pulumi.asset.StringAsset("")`) as the hash of empty text. This pack
 * reads it (policies/lib/sdk-patch.ts, 6.); @pulumi/policy 1.21 alone throws on it. Any
 * other signature the SDK throws on, and in Remediate outside its error handling, so the
 * call never answers: such input is refused here.
 */
function signatureValue(o: Record<string, unknown>, where: string, convert: (v: unknown, where: string) => unknown): unknown {
    const sig = o[SIG_KEY];
    if (sig === SIG.asset) return contentlessAsSent(o) ?? o;
    if (sig === SIG.archive) {
        const assets = o.assets;
        if (typeof assets === "object" && assets !== null && !Array.isArray(assets)) {
            let members: Record<string, unknown> | undefined;
            for (const [name, member] of Object.entries(assets)) {
                const memberSig = typeof member === "object" && member !== null ? (member as Record<string, unknown>)[SIG_KEY] : undefined;
                if (memberSig !== SIG.asset && memberSig !== SIG.archive) throw new InputError(`${where}.assets["${name}"]: an archive member must be an asset or an archive`);
                const sent = signatureValue(member as Record<string, unknown>, `${where}.assets["${name}"]`, convert);
                if (sent !== member) (members ??= { ...(assets as Record<string, unknown>) })[name] = sent;
            }
            return members ? { ...o, assets: members } : o;
        }
        return contentlessAsSent(o) ?? o;
    }
    if (sig === SIG.resourceReference) {
        if (typeof o.id === "string" && o.id !== "") return o.id;
        return typeof o.urn === "string" ? o.urn : UNKNOWN_SENTINELS.string;
    }
    if (sig === SIG.outputValue) {
        const value = "value" in o ? convert(o.value, where) : UNKNOWN_SENTINELS.string;
        return o.secret === true ? wireSecret(value) : value;
    }
    throw new InputError(`${where}: a value with an unrecognized signature, which policy packs cannot read`);
}

// ---------------------------------------------------------------- stack export / preview

/**
 * Signatures only the state holds (pulumi/pulumi's pkg/resource/stack/deployment.go): the CLI
 * reads them back into plain values before an analyzer sees them. A string whose bytes are not
 * UTF-8 is written as their base64 (`byteString`, with that feature, since v3.254), a NaN or
 * infinite number as its IEEE 754 bits in hexadecimal.
 */
const STATE_SIG = { byteString: "803fd3297a5875dc03ca845dda5d2a98", float: "8ad145fe-0d11-4827-bfd7-1abcbf086f5c" } as const;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The value of a state-only signature, as the CLI reads it (DeserializePropertyValue), or
 * undefined for another signature. A string that is not UTF-8 is refused: the CLI marshals an
 * analyzer's request without KeepByteString (analyzer_plugin.go), so it stops the run with "the
 * value of property ... contains non-UTF8 bytes, which the receiver does not support". The
 * message names where it is, never the bytes (they may be a secret's).
 */
function stateSignatureValue(o: Record<string, unknown>, where: string): { value: unknown } | undefined {
    const sig = o[SIG_KEY];
    if (sig === STATE_SIG.byteString) {
        // Go's StdEncoding skips line breaks and needs the padding.
        const encoded = typeof o.value === "string" ? o.value.replace(/[\r\n]/g, "") : undefined;
        if (encoded === undefined) throw new InputError(`${where}: malformed byte string (its "value" must be a string), which the Pulumi CLI refuses to read`);
        if (!BASE64.test(encoded)) throw new InputError(`${where}: malformed byte string (its "value" is not base64), which the Pulumi CLI refuses to read`);
        try {
            return { value: UTF8.decode(Buffer.from(encoded, "base64")) };
        } catch {
            throw new InputError(`${where} holds bytes that are not UTF-8 (the export's byteString feature): the Pulumi CLI does not send such a string to a policy pack ` +
                "and stops the preview or update, so check cannot judge this stack either");
        }
    }
    if (sig === STATE_SIG.float) {
        // Go's ParseUint(hex, 16, 64): 1 to 16 hexadecimal digits, no prefix.
        if (typeof o.value !== "string" || !/^[0-9a-fA-F]{1,16}$/.test(o.value)) {
            throw new InputError(`${where}: malformed float value (its "value" must be the number's 64 bits in hexadecimal), which the Pulumi CLI refuses to read`);
        }
        const bits = Buffer.alloc(8);
        bits.writeBigUInt64BE(BigInt(`0x${o.value}`));
        return { value: bits.readDoubleBE(0) };
    }
    return undefined;
}

/**
 * Secrets in an export are ciphertext we cannot (and must not) decrypt; `--show-secrets`
 * exports carry `plaintext` (JSON-encoded). A ciphertext secret becomes a secret whose
 * value is unknown: secret for policies judging secretness, skipped by rules reading values.
 * A plaintext is read as the CLI reads it: what it refuses there is refused.
 */
function stateValue(v: unknown, where: string): unknown {
    if (Array.isArray(v)) return v.map((e, i) => stateValue(e, `${where}[${i}]`));
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    if (isWireSecret(o) && !("value" in o)) {
        if (typeof o.plaintext !== "string") return wireSecret(UNKNOWN_SENTINELS.string);
        let plain: unknown;
        try {
            plain = JSON.parse(o.plaintext);
        } catch {
            return wireSecret(UNKNOWN_SENTINELS.string);
        }
        return wireSecret(stateValue(plain, where));
    }
    const stateOnly = stateSignatureValue(o, where);
    if (stateOnly) return stateOnly.value;
    if (SIG_KEY in o) return isWireSecret(o) ? o : signatureValue(o, where, stateValue);
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(o)) out[k] = stateValue(e, `${where}.${k}`);
    return out;
}

/**
 * stateValue (or previewValue) on a value freshly parsed from the file, which nobody else
 * holds: converted in place, without copying every object of a 700 MB export. Objects with a
 * signature, and any with an own `__proto__` key (which a copy turns into a prototype), go
 * through the copying converter, so the result is the same. `path` is only read to word an error.
 */
function convertInPlace(v: unknown, label: string, path: (string | number)[], preview: boolean): unknown {
    if (preview && v === "[secret]") return wireSecret(UNKNOWN_SENTINELS.string);
    if (typeof v !== "object" || v === null) return v;
    if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
            const e = v[i];
            if ((typeof e === "object" && e !== null) || (preview && e === "[secret]")) {
                path.push(i);
                v[i] = convertInPlace(e, label, path, preview);
                path.pop();
            }
        }
        return v;
    }
    const o = v as Record<string, unknown>;
    if (SIG_KEY in o || Object.prototype.hasOwnProperty.call(o, "__proto__")) {
        const where = label + path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("");
        return preview ? previewValue(o, where) : stateValue(o, where);
    }
    for (const k in o) {
        const e = o[k];
        if ((typeof e === "object" && e !== null) || (preview && e === "[secret]")) {
            path.push(k);
            o[k] = convertInPlace(e, label, path, preview);
            path.pop();
        }
    }
    return o;
}

const stateInPlace = (v: unknown, where: string) => convertInPlace(v, where, [], false);
const previewInPlace = (v: unknown, where: string) => convertInPlace(v, where, [], true);

/** `pulumi preview --json` blinds secrets to the string "[secret]". */
function previewValue(v: unknown, where: string): unknown {
    if (v === "[secret]") return wireSecret(UNKNOWN_SENTINELS.string);
    if (Array.isArray(v)) return v.map((e, i) => previewValue(e, `${where}[${i}]`));
    if (typeof v !== "object" || v === null || SIG_KEY in v) return stateValue(v, where);
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) out[k] = previewValue(e, `${where}.${k}`);
    return out;
}

function fromState(s: Record<string, unknown>, where: string, convert: (v: unknown, where: string) => unknown): EngineResource {
    if (typeof s.urn !== "string" || typeof s.type !== "string") throw new InputError(`${where}: each resource needs "urn" and "type" strings`);
    const obj = (v: unknown, field: string) => {
        if (v === undefined || v === null) return {}; // the CLI leaves empty maps out, or writes null
        // The CLI writes a property map; anything else is no state it wrote, and reading it as empty could invent a finding.
        if (typeof v !== "object" || Array.isArray(v)) throw new InputError(`${where}: "${field}" of ${s.urn} must be an object (a property map), not ${Array.isArray(v) ? "a list" : typeof v}`);
        // A value is named by its resource's URN and its path (where the file holds it, for a message about the map itself).
        return propertyMap(convert(v, `${where}: ${s.urn}: ${field}`), `${where}.${field}`);
    };
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    const propertyDependencies: Record<string, string[]> = {};
    if (typeof s.propertyDependencies === "object" && s.propertyDependencies !== null) {
        for (const [k, v] of Object.entries(s.propertyDependencies)) propertyDependencies[k] = list(v);
    }
    return {
        urn: s.urn,
        type: s.type,
        name: urnName(s.urn),
        custom: s.custom === true,
        inputs: obj(s.inputs, "inputs"),
        outputs: s.outputs === undefined ? undefined : obj(s.outputs, "outputs"),
        parent: typeof s.parent === "string" && s.parent ? s.parent : undefined,
        protect: s.protect === true,
        provider: typeof s.provider === "string" && s.provider ? s.provider : undefined,
        dependencies: list(s.dependencies),
        propertyDependencies,
        ignoreChanges: list(s.ignoreChanges),
        additionalSecretOutputs: list(s.additionalSecretOutputs),
    };
}

function stackIdentity(resources: EngineResource[], options: LoadOptions) {
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? resources[0];
    const id = root ? urnStackProject(root.urn) : undefined;
    return { stack: options.stack ?? id?.stack, project: options.project ?? id?.project };
}

function fromStackExport(o: Record<string, unknown>, label: string, options: LoadOptions): LoadedInput {
    const dep = deploymentOf(o, label);
    const raw = dep.resources ?? [];
    if (!Array.isArray(raw)) throw new InputError(`${label}: deployment.resources must be a list`);
    const resources = raw.filter(isAnalyzed).map((r, i) => exportResource(r, i, label)!);
    const reads = new Map<string, string>();
    for (const r of raw) noteRead(reads, "stack-export", r);
    return { format: "stack-export", preview: false, ...stackIdentity(resources, options), secretsProvider: secretsProviderUrl(dep.secrets_providers), resources, reads, pending: pendingOperations(dep, label) };
}

/** A stack export's `deployment`, once the export is one the Pulumi CLI would read (checkDeploymentVersion). */
function deploymentOf(o: Record<string, unknown>, label: string): Record<string, unknown> {
    const d = o.deployment;
    if (typeof d !== "object" || d === null) throw new InputError(`${label}: "deployment" must be an object (is this a \`pulumi stack export\` file?)`);
    checkDeploymentVersion(o, label);
    return d as Record<string, unknown>;
}

/** The deployment versions the Pulumi CLI reads (pulumi/pulumi's UnmarshalUntypedDeployment: 1 to 4, older ones migrated). */
const DEPLOYMENT_VERSIONS = { oldest: 1, latest: 4 };

/**
 * The `features` a version 4 export may declare, those the Pulumi CLI supports (pulumi/pulumi's
 * pkg/resource/stack/deployment.go, supportedFeatures). A feature changes what the state means
 * (the CLI refuses a stack with one it does not know), so check cannot read one it does not know either.
 */
const DEPLOYMENT_FEATURES = new Set(["refreshBeforeUpdate", "views", "hooks", "taint", "replaceWith", "snippets", "snippets-prototype", "extensionParameterization", "byteString"]);

/**
 * Refuses a stack export the Pulumi CLI would refuse to import for its `version` or
 * `features`. An export without a `version` (trimmed by hand) is read as version 3.
 */
function checkDeploymentVersion(o: Record<string, unknown>, label: string): void {
    const v = o.version;
    if (v === undefined) return;
    const { oldest, latest } = DEPLOYMENT_VERSIONS;
    if (typeof v !== "number" || !Number.isInteger(v)) throw new InputError(`${label}: "version" must be a whole number (the deployment version, ${oldest} to ${latest}, as \`pulumi stack export\` writes it)`);
    if (v > latest) {
        throw new InputError(`${label}: deployment version ${v} is newer than check understands (versions ${oldest} to ${latest}, as the Pulumi CLI it was written for reads them): ` +
            "update this policy pack, or export the stack with the Pulumi CLI version that deploys it");
    }
    if (v < oldest) throw new InputError(`${label}: deployment version ${v} is too old: the Pulumi CLI reads versions ${oldest} to ${latest}`);
    if (v < 4 || o.features === undefined || o.features === null) return; // the CLI reads features from version 4 on
    if (!Array.isArray(o.features)) throw new InputError(`${label}: "features" must be a list of feature names`);
    const unknown = o.features.filter((f) => typeof f !== "string" || !DEPLOYMENT_FEATURES.has(f)).map((f) => (typeof f === "string" ? f : JSON.stringify(f)));
    if (unknown.length > 0) {
        throw new InputError(`${label}: the stack uses features that check does not support: ${unknown.join(", ")} ` +
            "(the Pulumi CLI refuses a stack with features it does not know; update this policy pack)");
    }
}

/** An operation the engine had started on a resource when the CLI stopped (deployment.pending_operations). */
export interface PendingOperation {
    urn: string;
    type: string;
    /** `creating`, `updating`, `deleting`, `importing`, ... */
    op: string;
}

/**
 * deployment.pending_operations, but reads (a read is judged where it is managed). The state of
 * these resources is unknown: the engine warns about them before an update and `pulumi refresh`
 * clears them (pulumi/pulumi's deployment_executor.go). Only URNs and operation types are
 * kept: a pending resource's inputs may hold secrets in plaintext.
 */
function pendingOperations(dep: Record<string, unknown>, label: string): PendingOperation[] | undefined {
    const ops = dep.pending_operations;
    if (ops === undefined || ops === null) return undefined;
    if (!Array.isArray(ops)) throw new InputError(`${label}: deployment.pending_operations must be a list`);
    const pending: PendingOperation[] = [];
    ops.forEach((op, i) => {
        const o = typeof op === "object" && op !== null ? (op as Record<string, unknown>) : {};
        const r = typeof o.resource === "object" && o.resource !== null ? (o.resource as Record<string, unknown>) : {};
        if (typeof r.urn !== "string" || typeof o.type !== "string") throw new InputError(`${label}: deployment.pending_operations[${i}] needs a "type" and a resource with a "urn"`);
        if (o.type === "reading" || isRead(r)) return;
        pending.push({ urn: r.urn, type: typeof r.type === "string" ? r.type : urnType(r.urn), op: o.type });
    });
    return pending.length > 0 ? pending : undefined;
}

/**
 * The note `check` writes on stderr for a stack export with pending operations, else
 * undefined: the CLI was interrupted while it changed these resources, so a pending create
 * is in no list `check` analyzes, and a pending update's resource is analyzed as it was before.
 */
export function pendingNote(pending: readonly PendingOperation[] | undefined): string | undefined {
    if (!pending?.length) return undefined;
    const n = pending.length;
    const named = pending.slice(0, READS_NAMED).map((p) => `${p.type} "${urnName(p.urn)}" (interrupted while ${p.op})`);
    return `the stack has ${n} pending operation${n === 1 ? "" : "s"} (the Pulumi CLI was interrupted while changing ${n === 1 ? "it" : "them"}): ` +
        `${named.join(", ")}${n > READS_NAMED ? ", ..." : ""}; their state is unknown${pending.some((p) => p.op === "creating") ? " and a resource being created is not analyzed" : ""}: ` +
        "confirm them with the provider, run `pulumi refresh`, and export the stack again";
}

/** Pending deletions are not analyzed, nor are reads. */
function isAnalyzed(r: unknown): boolean {
    return !(r && typeof r === "object" && (r as Record<string, unknown>).delete === true) && !isRead(r);
}

/**
 * A resource the stack reads rather than manages (`Resource.get(...)`, a StackReference): its
 * state is `external`. The engine sends an analyzer only the resources the program registers
 * (Remediate and Analyze as the step generator handles a registration; AnalyzeStack over
 * `deployment.news`, where a read never goes: pulumi/pulumi's step_executor.go and
 * step_generator.go, pulumi/pulumi#3950), so a read is judged in the stack that manages it.
 * An imported resource (`import` option, `pulumi import`) is managed: not external.
 */
function isRead(state: unknown): boolean {
    return typeof state === "object" && state !== null && (state as Record<string, unknown>).external === true;
}

/** How many reads `readsNote` names; the rest are counted. */
const READS_NAMED = 3;

/**
 * The note `check` writes on stderr for an input that had reads, else undefined: a read is
 * judged in the stack that manages it, as `pulumi preview` judges it, but the user should know
 * that this run did not look at it.
 */
export function readsNote(reads: ReadonlyMap<string, string> | undefined): string | undefined {
    if (!reads?.size) return undefined;
    const named = [...reads].slice(0, READS_NAMED).map(([urn, type]) => `${type} "${urnName(urn)}"`);
    return `left out ${reads.size} resource${reads.size === 1 ? "" : "s"} the stack only reads (external), as \`pulumi preview\` does: ` +
        `${named.join(", ")}${reads.size > READS_NAMED ? ", ..." : ""}`;
}

/**
 * Records an element of deployment.resources, or a step of a preview, that is left out because
 * the stack only reads it (what `check` tells the user it left out). A pending deletion, or a
 * step the engine does not analyze (a `read-discard`, a `refresh`), is no read of this run.
 */
function noteRead(reads: Map<string, string>, format: "stack-export" | "preview-json", element: unknown): void {
    if (typeof element !== "object" || element === null) return;
    const e = element as Record<string, unknown>;
    const state = format === "stack-export" ? (e.delete === true ? undefined : e) : typeof e.op === "string" && NOT_ANALYZED_OPS.has(e.op) ? undefined : e.newState;
    if (!isRead(state)) return;
    const { urn, type } = state as Record<string, unknown>;
    if (typeof urn === "string" && !reads.has(urn)) reads.set(urn, typeof type === "string" ? type : urnType(urn));
}

/**
 * An element of deployment.resources; `index` counts the analyzed ones. Undefined for a
 * pending deletion or a read. `owned`: the element was just parsed for this, and may be converted in place.
 */
function exportResource(r: unknown, index: number, label: string, owned = false): EngineResource | undefined {
    if (!isAnalyzed(r)) return undefined;
    if (typeof r !== "object" || r === null) throw new InputError(`${label}: deployment.resources[${index}] must be an object`);
    return fromState(r as Record<string, unknown>, `${label}: deployment.resources[${index}]`, owned ? stateInPlace : stateValue);
}

/** deployment.secrets_providers: {type: "cloud", state: {url}} | {type: "passphrase"} | {type: "service"} */
export function secretsProviderUrl(sp: unknown): string | undefined {
    if (typeof sp !== "object" || sp === null) return undefined;
    const { type, state } = sp as { type?: unknown; state?: { url?: unknown } };
    if (type === "cloud" && typeof state?.url === "string") return state.url;
    if (type === "passphrase" || type === "service") return type;
    return typeof type === "string" ? type : undefined;
}

const NOT_ANALYZED_OPS = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace", "refresh", "read-discard"]);

function fromPreviewJson(o: Record<string, unknown>, label: string, options: LoadOptions): LoadedInput {
    const resources: EngineResource[] = [];
    const reads = new Map<string, string>();
    const once = oncePerUrn();
    const steps = o.steps as unknown[];
    steps.forEach((step, i) => {
        const r = previewResource(step, i, label);
        if (!r) noteRead(reads, "preview-json", step);
        else if (once(r)) resources.push(r);
    });
    const sames = { listed: steps.filter(isSameStep).length, counted: sameCount(o.changeSummary) };
    return { format: "preview-json", preview: true, ...stackIdentity(resources, options), resources, reads, sames, failure: previewFailure(o.diagnostics) };
}

/** Errors of a preview: how many, and the resource the first one names (the root stack's is the program's own). */
export interface PreviewFailure {
    errors: number;
    first?: string;
}

/**
 * The errors among a preview's `diagnostics` (`{urn, message, severity}`; pulumi/pulumi's
 * display/json.go keeps them, and the steps the engine took before it stopped). Undefined if
 * none. Their messages are never read: a provider quotes the inputs it refused.
 */
function previewFailure(diagnostics: unknown): PreviewFailure | undefined {
    if (!Array.isArray(diagnostics)) return undefined;
    const errors = diagnostics.filter((d): d is Record<string, unknown> => typeof d === "object" && d !== null && (d as Record<string, unknown>).severity === "error");
    if (errors.length === 0) return undefined;
    const urn = errors.map((d) => d.urn).find((u): u is string => typeof u === "string" && u.startsWith("urn:pulumi:"));
    const type = urn && urnType(urn);
    return { errors: errors.length, first: urn && type !== "pulumi:pulumi:Stack" ? `${type} "${urnName(urn)}"` : undefined };
}

/** A preview that failed before its first step lists none (`steps` is left out): there is nothing to check. */
function failedBeforeAnyStep(o: Record<string, unknown>, label: string): void {
    const failure = o.steps === undefined ? previewFailure(o.diagnostics) : undefined;
    if (failure) throw new InputError(`${label}: this \`pulumi preview --json\` output failed before its first step (${failure.errors} error${failure.errors === 1 ? "" : "s"} in its diagnostics): ` +
        "there is nothing to check; fix the error and run the preview again");
}

/**
 * The note `check` writes on stderr for a preview that failed, else undefined: the engine
 * stops at the first error (unless `--continue-on-error`), so the preview lists only the steps
 * it took before, and a resource the program registers after is not analyzed. `pulumi preview
 * --policy-pack` would not have run the stack policies at all.
 */
export function failureNote(failure: PreviewFailure | undefined): string | undefined {
    if (!failure) return undefined;
    const n = failure.errors;
    return `the preview failed (${n} error${n === 1 ? "" : "s"} in its diagnostics${failure.first ? `, the first on ${failure.first}` : ""}): ` +
        "it lists only the steps the engine took before it stopped, so resources registered after are not analyzed and a stack policy sees part of the stack; " +
        "fix the error and run `pulumi preview --json --show-sames` again";
}

function isSameStep(step: unknown): boolean {
    return typeof step === "object" && step !== null && (step as Record<string, unknown>).op === "same";
}

/** The unchanged resources a preview's `changeSummary` counts (every step the engine took, whatever the display showed). */
function sameCount(summary: unknown): number | undefined {
    const n = typeof summary === "object" && summary !== null ? (summary as Record<string, unknown>).same : undefined;
    return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The note `check` writes on stderr for a preview that leaves unchanged resources out (written
 * without `--show-sames`; `pulumi preview --json` lists, of the unchanged, only the root
 * stack), else undefined. They are not analyzed, and a policy that looks at the stack's other
 * resources does not see them: the engine analyzes every resource the program registers, so
 * `pulumi preview --policy-pack` would see them.
 */
export function samesNote(sames: LoadedInput["sames"]): string | undefined {
    if (sames?.counted === undefined || sames.counted <= sames.listed) return undefined;
    const n = sames.counted - sames.listed;
    return `the preview leaves out ${n} unchanged resource${n === 1 ? "" : "s"} (it was written without --show-sames): ${n === 1 ? "it is" : "they are"} not analyzed, ` +
        "and a finding that depends on another resource of the stack (a bucket's encryption configuration, say) may be wrong; " +
        "run `pulumi preview --json --show-sames`";
}

/**
 * Whether a resource of a preview is the first of its URN. With `--show-replacement-steps` a
 * replacement is listed as `create-replacement` (or `import-replacement`), `replace` and
 * `delete-replaced`, the first two with the same new state (pulumi/pulumi's display/json.go
 * shows every step then; by default only the logical `replace`). The engine analyzes the
 * registration once, and a stack holds one resource per URN.
 */
function oncePerUrn(): (r: EngineResource) => boolean {
    const seen = new Set<string>();
    return (r) => !seen.has(r.urn) && !!seen.add(r.urn);
}

/** The new state of a step of `pulumi preview --json`, if the engine would analyze it (`owned`: see exportResource). */
function previewResource(step: unknown, index: number, label: string, owned = false): EngineResource | undefined {
    if (typeof step !== "object" || step === null) throw new InputError(`${label}: steps[${index}] must be an object`);
    const s = step as Record<string, unknown>;
    if (typeof s.op === "string" && NOT_ANALYZED_OPS.has(s.op)) return undefined;
    const state = s.newState;
    // A read (`read`, `read-replacement`, and the `replace` that follows a read-replacement) has an external new state.
    if (typeof state !== "object" || state === null || isRead(state)) return undefined;
    return fromState(state as Record<string, unknown>, `${label}: steps[${index}].newState`, owned ? previewInPlace : previewValue);
}

function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" ? v : undefined;
}
