/**
 * Every use of Pulumi SDK internals, in one module: what is not in the public `.d.ts` of @pulumi/pulumi 3.248.0 and
 * @pulumi/policy 1.21.0 (both pinned exactly), or depends on how they are implemented. After an SDK upgrade,
 * recheck this file; test/harness/pulumiInternals.spec.ts exercises each item and says which one broke.
 *
 * 1. `runtime.waitForRPCs` (runtime/settings.js, marked @internal): settles when every registration RPC has
 *    finished. `runInPulumiStack` returns before resources created inside `apply` callbacks register.
 * 2. The mock monitor (`runtime.getMonitor()`, a MockMonitor after `setMocks`): its `registerResource` and
 *    `registerResourceOutputs` are wrapped to record what the engine would see, read through the protobuf getters
 *    of proto/resource_pb's RegisterResourceRequest/Response.
 * 3. The policy SDK's analyzer handlers (`@pulumi/policy/server` makeAnalyzeRpcFun / makeAnalyzeStackRpcFun,
 *    untyped) fed with proto/analyzer_pb messages, so the pack runs exactly as under `pulumi preview --policy-pack`.
 * 4. Reloading a program: it registers its resources only when its module is loaded, so our own modules are
 *    evicted from require's cache before a run (never node_modules: a second @pulumi/pulumi would have its own
 *    runtime store and ignore the mocks). State that must outlive such a reload lives on globalThis.
 * 5. What a mock run leaves out because only a real engine reads it (we record neither): the parent of the
 *    API-version type aliases azure-native adds to each resource (`{ type: "azure-native:eventgrid/v2020…:…" }`,
 *    14 on a SystemTopicEventSubscription, there to match state an older API version wrote; offline there is no
 *    state), and the creation stack `Resource.callsites` (private) captures for every resource with an unlimited
 *    `new Error().stack`, for source positions. About a third of the peak memory of a 500-subscription plan.
 * 6. `runtime.isConfigSecret` (runtime/config.js, marked @internal): which config keys are secret. The program
 *    itself needs it, so it lives in components/pulumiInternals.ts, below the harness.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

// Untyped internal entry points (empty or partial .d.ts); pinned exactly in package.json for this reason.
const policyServer = require("@pulumi/policy/server");
const analyzerpb = require("@pulumi/pulumi/proto/analyzer_pb");

/** 1. Settles when every registration the program started (including those inside `apply`) has finished. */
export function waitForRegistrations(): Promise<void> {
    return (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** A successful registration as the engine sees it; `inputs`/`outputs` are the protobuf Structs themselves. */
export interface Registration {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly parent?: string;
    readonly dependencies: string[];
    readonly propertyDependencies: Record<string, string[]>;
    readonly inputs: any;
    readonly outputs: any;
    readonly id?: string;
    readonly protect: boolean;
    readonly ignoreChanges: string[];
    readonly additionalSecretOutputs: string[];
}

export interface RegistrationObserver {
    resource(r: Registration): void;
    /** A component's `registerOutputs`, as plain JS (secrets still wrapped). */
    outputs(urn: string, outputs: Record<string, unknown>): void;
}

/** 2. Observe every registration of the current mock runtime (call after `setMocks`, before the program runs). */
export function observeRegistrations(observer: RegistrationObserver): void {
    const monitor = pulumi.runtime.getMonitor() as any;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, resp: any) => void) =>
        register(req, (err: unknown, resp: any) => {
            if (!err && resp) observer.resource(registration(req, resp));
            callback(err, resp);
        });
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: (err: unknown, resp: any) => void) => {
        observer.outputs(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        return registerOutputs(req, callback);
    };
}

function registration(req: any, resp: any): Registration {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    return {
        urn: resp.getUrn(),
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: req.getParent() || undefined,
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        inputs: convertedOnce(req.getObject()),
        outputs: convertedOnce(resp.getObject()),
        id: resp.getId() || undefined,
        protect: req.getProtect?.() ?? false,
        ignoreChanges: req.getIgnorechangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    };
}

/**
 * A recorded Struct converts to JS once: the graph recorder and the policy analyzer (once per policy and resource,
 * @pulumi/policy deserialize.js) call `toJavaScript()`. Both copy what it returns, so sharing it is safe.
 */
function convertedOnce(struct: any): any {
    if (!struct) return struct;
    const convert = struct.toJavaScript.bind(struct);
    let converted: unknown;
    struct.toJavaScript = () => {
        converted ??= convert();
        return converted;
    };
    return struct;
}

/** What the analyzer is told about one resource (its Structs come from a Registration). */
export interface AnalyzedResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly properties: any;
    readonly parent?: string;
    readonly protect: boolean;
    readonly ignoreChanges: readonly string[];
    readonly additionalSecretOutputs: readonly string[];
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

/** A policy diagnostic, read out of its protobuf message. `enforcementLevel`: 0 advisory, 1 mandatory, 3 remediate. */
export interface Diagnostic {
    readonly policyName: string;
    readonly message: string;
    readonly enforcementLevel: number;
    readonly urn: string;
}

export interface Analyzer {
    /** The resource pass: one resource, its inputs as `properties`. */
    analyze(r: AnalyzedResource): Promise<Diagnostic[]>;
    /** The stack pass: every resource, outputs as `properties`. */
    analyzeStack(resources: readonly AnalyzedResource[]): Promise<Diagnostic[]>;
}

/** 3. The policy SDK's own analyzer for these (already configured) policies. */
export function policyAnalyzer(packName: string, packVersion: string, policies: readonly unknown[]): Analyzer {
    const analyze = policyServer.makeAnalyzeRpcFun(packName, packVersion, "advisory", policies);
    const analyzeStack = policyServer.makeAnalyzeStackRpcFun(packName, packVersion, "advisory", policies);
    return {
        analyze: (r) => invoke(analyze, resourceRequest(r)),
        analyzeStack: (resources) => invoke(analyzeStack, stackRequest(resources)),
    };
}

function invoke(
    handler: (call: unknown, cb: (err: unknown, resp: any) => void) => unknown,
    request: unknown,
): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
        handler({ request }, (err, resp) => (err ? reject(err) : resolve(resp.getDiagnosticsList().map(diagnostic))));
    });
}

function diagnostic(d: any): Diagnostic {
    return {
        policyName: d.getPolicyname(),
        message: d.getMessage(),
        enforcementLevel: d.getEnforcementlevel(),
        urn: d.getUrn() ?? "",
    };
}

function resourceOptions(r: AnalyzedResource): any {
    const o = new analyzerpb.AnalyzerResourceOptions();
    if (r.parent) o.setParent(r.parent);
    o.setProtect(r.protect);
    o.setIgnorechangesList([...r.ignoreChanges]);
    o.setAdditionalsecretoutputsList([...r.additionalSecretOutputs]);
    return o;
}

function resourceRequest(r: AnalyzedResource): any {
    const req = new analyzerpb.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(r.properties);
    req.setOptions(resourceOptions(r));
    return req;
}

function stackRequest(resources: readonly AnalyzedResource[]): any {
    const req = new analyzerpb.AnalyzeStackRequest();
    req.setResourcesList(
        resources.map((r) => {
            const a = new analyzerpb.AnalyzerResource();
            a.setType(r.type);
            a.setName(r.name);
            a.setUrn(r.urn);
            a.setProperties(r.properties);
            a.setOptions(resourceOptions(r));
            if (r.parent) a.setParent(r.parent);
            a.setDependenciesList([...r.dependencies]);
            const deps = a.getPropertydependenciesMap();
            for (const [key, urns] of Object.entries(r.propertyDependencies)) {
                const d = new analyzerpb.AnalyzerPropertyDependencies();
                d.setUrnsList([...urns]);
                deps.set(key, d);
            }
            return a;
        }),
    );
    return req;
}

/**
 * The alias without the parent it inherits: its URN no longer waits for the parent's URN through a chain of
 * Outputs, which held every resource's 14 pending chains in memory until its parent registered. The alias is
 * kept, not dropped: the SDK awaits a resource's aliases one after the other (runtime/resource.js
 * prepareResource), so their number decides when each resource registers, and that order is what the plan prints.
 */
function unparented(a: unknown): pulumi.Alias {
    return { type: (a as { type: string }).type, parent: undefined };
}

/** An azure-native API-version alias: `{ type: "azure-native:<module>/v<date>:<Type>" }` and nothing else. */
function isApiVersionAlias(a: unknown): boolean {
    if (typeof a !== "object" || a === null) return false;
    const keys = Object.keys(a);
    const type = (a as { type?: unknown }).type;
    return keys.length === 1 && typeof type === "string" && /^azure-native:[^:/]+\/v\d[^:]*:/.test(type);
}

/**
 * 5. Call inside the stack (`runInPulumiStack`), before the program: every resource it constructs skips the
 * creation stack, and its API-version aliases their parent. Other aliases (a program's own renames) are kept.
 */
export function leanMockRun(): void {
    const resource = pulumi.Resource as unknown as { callsites(): unknown[]; leanMockRun?: true };
    if (!resource.leanMockRun) {
        resource.callsites = () => [];
        resource.leanMockRun = true;
    }
    pulumi.runtime.registerStackTransformation(({ props, opts }) =>
        opts.aliases?.some(isApiVersionAlias)
            ? { props, opts: { ...opts, aliases: opts.aliases.map((a) => (isApiVersionAlias(a) ? unparented(a) : a)) } }
            : undefined,
    );
}

/** 4. Forget our own modules under `dir` (never node_modules), so the next require runs them again. */
export function evictModulesUnder(dir: string, keep: readonly string[] = []): void {
    for (const key of Object.keys(require.cache)) {
        if (
            key.startsWith(dir) &&
            !keep.some((k) => key.startsWith(k)) &&
            !key.includes(`${path.sep}node_modules${path.sep}`)
        )
            delete require.cache[key];
    }
}

/** 4. One value per process under `name`, shared by every reloaded copy of the module that asks for it. */
export function processGlobal<T>(name: string, init: () => T): T {
    const store = globalThis as Record<symbol, unknown>;
    const key = Symbol.for(`acs-event-handling/${name}`);
    if (!(key in store)) store[key] = init();
    return store[key] as T;
}
