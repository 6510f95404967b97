// Boots a policy pack exactly as the Pulumi CLI (>= 3.221) does for a Node.js pack and
// speaks the Analyzer protocol to it. See pkg/resource/plugin/analyzer_plugin.go in
// pulumi/pulumi: `node .../run-policy-pack/index.js <engineAddr> <packDir>`, cwd = pack
// dir, the stack passed in PULUMI_NODEJS_* env vars and stack config in PULUMI_CONFIG; the
// first stdout line is the port.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { GRPC_STATUS, GrpcDeadlineError, UnaryClient } from "./grpc-client";
import { EngineResource } from "./model";
import { EnforcementLevel, levelFromProto, loadProtocol, Protocol, Severity, severityFromProto } from "./protocol";
import { decodeAnalyzerInfo, encodeConfigureRequest } from "./analyzer-info";
import { RequestEncoder } from "./requests";

export interface BootOptions {
    packDir: string;
    stack?: string;
    project?: string;
    organization?: string;
    dryRun?: boolean;
    /** Stack config as the CLI passes it in PULUMI_CONFIG, e.g. {"aws:region": "us-east-1"}. */
    stackConfig?: Record<string, string>;
    /** Extra environment for the pack process (e.g. PWD, the directory `pulumi` ran in). */
    env?: Record<string, string | undefined>;
    /** Publish-style boot: no stack, no config (what `pulumi policy publish` does). */
    noStack?: boolean;
    bootTimeoutMs?: number;
    /**
     * Longest wait for one answer. @pulumi/policy never answers a Remediate whose properties
     * it cannot decode (it throws outside its error handling), so without a deadline a run
     * could wait forever. Default 10 minutes.
     */
    callTimeoutMs?: number;
}

export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity?: Severity;
    remediationSteps: string;
    url: string;
    tags: string[];
    framework?: { name: string; version: string; reference: string; specification: string };
    configSchema?: { properties: Record<string, any>; required: string[] };
    policyType: "resource" | "stack" | "unknown";
}

export interface AnalyzerInfo {
    name: string;
    version: string;
    description: string;
    supportsConfig: boolean;
    policies: PolicyInfo[];
    initialConfig: Record<string, { enforcementLevel?: EnforcementLevel; properties?: Record<string, unknown> }>;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity?: Severity;
    urn: string;
}

export interface Remediation {
    policyName: string;
    description: string;
    properties?: Record<string, unknown>;
    diagnostic: string;
}

export interface LogEntry {
    severity: string;
    message: string;
    urn: string;
}

export interface ReconciledPolicyConfig {
    [policy: string]: { enforcementLevel: EnforcementLevel; properties?: Record<string, unknown> };
}

export class PackBootError extends Error {}

/** The error a pack printed as it failed to start, in one line (its stack trace stays in `stderr`). */
function startupError(stderr: string): string | undefined {
    const lines = stderr.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((l) => l.trim()).filter((l) => l !== "");
    const error = lines.find((l) => /^[\w.]*(Error|Exception)\b.*:/.test(l)) ?? lines.find((l) => !l.startsWith("at "));
    return error && error.length > 500 ? `${error.slice(0, 500)}…` : error;
}

/** A call the pack never answered (a PackBootError, so `check` reports it in one line). */
export class PackCallTimeout extends PackBootError {}

/** A running pack plus the fake engine it logs to. One boot serves many resources. */
export class PackProcess {
    readonly logs: LogEntry[] = [];
    stderr = "";
    private child!: ChildProcess;
    private client: UnaryClient | undefined;
    private readonly encoder = new RequestEncoder();
    private engineServer: any;
    private readonly p: Protocol;

    private constructor(readonly options: BootOptions) {
        this.p = loadProtocol(options.packDir);
    }

    /**
     * Boots a pack; `onSpawn` is called once its process is started (it then boots on its
     * own), with the pack, which may be closed from then on.
     */
    static async boot(options: BootOptions, onSpawn?: (pack: PackProcess) => void): Promise<PackProcess> {
        const pack = new PackProcess(options);
        try {
            await pack.start(onSpawn);
        } catch (e) {
            // The caller gets no handle to close: stop the engine server and the pack here,
            // or their handles keep the process alive after the error.
            await pack.close();
            throw e;
        }
        return pack;
    }

    private async start(onSpawn?: (pack: PackProcess) => void): Promise<void> {
        const engineAddr = await this.startEngine();
        const o = this.options;
        const env: Record<string, string | undefined> = { ...process.env, PULUMI_NODEJS_TYPESCRIPT: "true", ...o.env };
        if (!o.noStack) {
            const stackEnv = {
                ORGANIZATION: o.organization ?? "organization",
                PROJECT: o.project ?? "project",
                STACK: o.stack ?? "dev",
                DRY_RUN: String(o.dryRun ?? false),
            };
            for (const [k, v] of Object.entries(stackEnv)) {
                env[`PULUMI_NODEJS_${k}`] = v;
                env[`PULUMI_${k}`] = v;
            }
            if (o.stackConfig && Object.keys(o.stackConfig).length) env.PULUMI_CONFIG = JSON.stringify(o.stackConfig);
        }
        const packDir = path.resolve(o.packDir);
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack/index.js", { paths: [packDir] });
        this.child = spawn(process.execPath, [runner, engineAddr, packDir], { cwd: packDir, env, stdio: ["ignore", "pipe", "pipe"] });
        this.child.stderr!.on("data", (d) => { this.stderr += d.toString(); });
        const reading = this.readPort(o.bootTimeoutMs ?? 120_000);
        onSpawn?.(this);
        const port = await reading;
        this.client = new UnaryClient("127.0.0.1", port, MAX_MESSAGE_BYTES);
    }

    private readPort(timeoutMs: number): Promise<number> {
        return new Promise((resolve, reject) => {
            let out = "";
            let settled = false;
            const fail = (why: string) => {
                settled = true;
                clearTimeout(timer);
                const cause = startupError(this.stderr);
                reject(new PackBootError(cause ? `${why}: ${cause}` : why));
            };
            // The caller may have been busy (scanning a large file) while the pack booted: a port
            // printed meanwhile is read first (poll phase), and clears the timer (setImmediate).
            const timer = setTimeout(() => setImmediate(() => {
                if (settled) return;
                this.child.kill();
                fail(`policy pack did not print its port within ${timeoutMs} ms`);
            }), timeoutMs);
            const onData = (d: Buffer) => {
                out += d.toString();
                const nl = out.indexOf("\n");
                if (nl < 0) return;
                const first = out.slice(0, nl).trim();
                this.child.stdout!.off("data", onData);
                clearTimeout(timer);
                // Anything else on stdout before the port breaks the CLI's handshake.
                if (!/^\d+$/.test(first)) return fail(`policy pack printed "${first.slice(0, 200)}" before its port`);
                this.child.stdout!.on("data", () => undefined);
                settled = true;
                resolve(Number(first));
            };
            this.child.stdout!.on("data", onData);
            this.child.once("exit", (code) => fail(`policy pack exited with code ${code} before printing its port`));
        });
    }

    private startEngine(): Promise<string> {
        const { grpc, engineGrpc, enginePb, emptyPb } = this.p;
        const server = new grpc.Server();
        const severities = Object.fromEntries(Object.entries(enginePb.LogSeverity).map(([k, v]) => [v, k.toLowerCase()]));
        server.addService(engineGrpc.EngineService, {
            log: (call: any, cb: any) => {
                const r = call.request;
                this.logs.push({ severity: severities[r.getSeverity()] ?? "info", message: r.getMessage(), urn: r.getUrn() });
                cb(null, new emptyPb.Empty());
            },
            getRootResource: (_call: any, cb: any) => cb(null, new enginePb.GetRootResourceResponse()),
            setRootResource: (_call: any, cb: any) => cb(null, new enginePb.SetRootResourceResponse()),
            startDebugging: (_call: any, cb: any) => cb(null, new emptyPb.Empty()),
            requirePulumiVersion: (_call: any, cb: any) => cb(null, new enginePb.RequirePulumiVersionResponse()),
        });
        this.engineServer = server;
        return new Promise((resolve, reject) => {
            server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, port: number) => {
                if (err) reject(err);
                else resolve(`127.0.0.1:${port}`);
            });
        });
    }

    /**
     * One unary call. `request` is a message object of the stubs, or the request's bytes
     * (chunks that together form the serialized message).
     */
    private async call<T>(method: string, request: unknown): Promise<T> {
        return this.p.analyzerGrpc.AnalyzerService[method].responseDeserialize(await this.callBytes(method, request));
    }

    /** One unary call; the answer's bytes. */
    private async callBytes(method: string, request: unknown): Promise<Buffer> {
        const timeoutMs = this.options.callTimeoutMs ?? 600_000;
        const def = this.p.analyzerGrpc.AnalyzerService[method];
        const chunks: Uint8Array[] = Array.isArray(request) ? request : request instanceof Uint8Array ? [request] : [def.requestSerialize(request)];
        if (!this.client) throw new PackBootError("the policy pack is not running");
        try {
            return await this.client.call(def.path, chunks, timeoutMs);
        } catch (e) {
            if (e instanceof GrpcDeadlineError) throw new PackCallTimeout(`the policy pack did not answer ${method} within ${Math.round(timeoutMs / 1000)} s`);
            throw e;
        }
    }

    /** Handshake; packs that predate it answer UNIMPLEMENTED, which the CLI tolerates. */
    async handshake(): Promise<boolean> {
        const req = new this.p.analyzerPb.AnalyzerHandshakeRequest();
        const dir = path.resolve(this.options.packDir);
        req.setEngineAddress("127.0.0.1:0");
        req.setRootDirectory(dir);
        req.setProgramDirectory(dir);
        return this.optional("handshake", req);
    }

    async configureStack(tags: Record<string, string> = {}): Promise<void> {
        const o = this.options;
        const req = new this.p.analyzerPb.AnalyzerStackConfigureRequest();
        req.setStack(o.stack ?? "dev");
        req.setProject(o.project ?? "project");
        req.setOrganization(o.organization ?? "organization");
        req.setDryRun(o.dryRun ?? false);
        for (const [k, v] of Object.entries(o.stackConfig ?? {})) req.getConfigMap().set(k, v);
        for (const [k, v] of Object.entries(tags)) req.getTagsMap().set(k, v);
        await this.call("configureStack", req);
    }

    async getPluginInfo(): Promise<string> {
        const resp: any = await this.call("getPluginInfo", new this.p.emptyPb.Empty());
        return resp.getVersion();
    }

    async getAnalyzerInfo(): Promise<AnalyzerInfo> {
        return decodeAnalyzerInfo(this.p, await this.callBytes("getAnalyzerInfo", new this.p.emptyPb.Empty()));
    }

    /** Sends the reconciled config; like the CLI, skipped when there is none. */
    async configure(config: ReconciledPolicyConfig): Promise<void> {
        if (Object.keys(config).length === 0) return;
        await this.call("configure", encodeConfigureRequest(this.p, config));
    }

    /** Remediate for one resource, its request encoded here. */
    remediate(r: EngineResource, provider?: EngineResource): Promise<Remediation[]> {
        return this.remediateBytes(this.encoder.analyzeRequest(r, provider, "remediate").bytes);
    }

    /** AnalyzeStack with a request built resource by resource. */
    async analyzeStackRequest(request: StackRequest): Promise<Diagnostic[]> {
        const resp: any = await this.call("analyzeStack", request.finish());
        return this.diagnostics(resp);
    }

    /** Remediate and Analyze with requests already encoded (see `encoder`). */
    async remediateBytes(bytes: Uint8Array): Promise<Remediation[]> {
        const resp: any = await this.call("remediate", bytes);
        return resp.getRemediationsList().map((m: any) => ({
            policyName: m.getPolicyname(),
            description: m.getDescription(),
            properties: m.getProperties()?.toJavaScript(),
            diagnostic: m.getDiagnostic(),
        }));
    }

    async analyzeBytes(bytes: Uint8Array): Promise<Diagnostic[]> {
        return this.diagnostics(await this.call("analyze", bytes));
    }

    /** Encodes requests for this pack (one encoder per pack: it caches provider encodings). */
    get requests(): RequestEncoder {
        return this.encoder;
    }

    /** Cancel; like Handshake, packs that predate it answer UNIMPLEMENTED, which the CLI tolerates. */
    async cancel(): Promise<boolean> {
        return this.optional("cancel", new this.p.emptyPb.Empty());
    }

    private async optional(method: string, request: unknown): Promise<boolean> {
        try {
            await this.call(method, request);
            return true;
        } catch (e: any) {
            if (e?.code === GRPC_STATUS.UNIMPLEMENTED) return false;
            throw e;
        }
    }

    /** Closes the connection and stops the pack process, as the CLI does when it is done. */
    async close(): Promise<void> {
        this.client?.close();
        this.client = undefined;
        if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
            const exited = new Promise((r) => this.child.once("exit", r));
            this.child.kill();
            await exited;
        }
        await new Promise<void>((r) => (this.engineServer ? this.engineServer.tryShutdown(() => r()) : r()));
    }

    get pid(): number | undefined {
        return this.child?.pid;
    }

    private diagnostics(resp: any): Diagnostic[] {
        return resp.getDiagnosticsList().map((d: any): Diagnostic => ({
            policyName: d.getPolicyname(),
            policyPackName: d.getPolicypackname(),
            policyPackVersion: d.getPolicypackversion(),
            description: d.getDescription(),
            message: d.getMessage(),
            enforcementLevel: levelFromProto(this.p, d.getEnforcementlevel()),
            severity: severityFromProto(this.p, d.getSeverity()),
            urn: d.getUrn(),
        }));
    }
}

/**
 * An AnalyzeStackRequest built resource by resource, in any order of completion: each
 * resource's entry is encoded when it is known (so the resources themselves need not be
 * kept), and the entries are kept in stack order in large blocks, sent as they are.
 */
export class StackRequest {
    private readonly blocks: Buffer[] = [];
    private block = Buffer.allocUnsafe(0);
    private used = 0;
    private next = 0;
    private readonly pending = new Map<number, Buffer>();

    constructor(private readonly encoder: RequestEncoder) {}

    /** The `index`-th resource of the stack (0-based; every index below the highest must be added). */
    add(index: number, r: EngineResource, provider: EngineResource | undefined): void {
        const entry = this.encoder.stackEntry(r, provider);
        if (index !== this.next) {
            this.pending.set(index, Buffer.from(entry));
            return;
        }
        this.append(entry);
        for (let e = this.pending.get(this.next); e; e = this.pending.get(this.next)) {
            this.pending.delete(this.next);
            this.append(e);
        }
    }

    private append(entry: Uint8Array): void {
        if (this.used + entry.length > this.block.length) {
            if (this.used > 0) this.blocks.push(this.block.subarray(0, this.used));
            this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, entry.length));
            this.used = 0;
        }
        this.block.set(entry, this.used);
        this.used += entry.length;
        this.next++;
    }

    /** The serialized request, as chunks. */
    finish(): Buffer[] {
        if (this.pending.size > 0) throw new Error(`AnalyzeStack request: resource ${this.next} was never added`);
        return this.used > 0 ? [...this.blocks, this.block.subarray(0, this.used)] : this.blocks;
    }
}

const BLOCK_BYTES = 16 * 1024 * 1024;

/** What the Pulumi CLI allows a message to the pack (and the pack's server allows): 400 MiB. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/** A provider reference is `<urn>::<id>`; the URN is everything before the last `::`. */
export function providerUrn(ref: string): string {
    const i = ref.lastIndexOf("::");
    return i > 0 && ref.slice(0, i).startsWith("urn:pulumi:") ? ref.slice(0, i) : ref;
}
