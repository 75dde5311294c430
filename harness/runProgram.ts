import * as pulumi from "@pulumi/pulumi";
import { Graph, GraphResource } from "./graph";
import { planMocks } from "./mocks";
import { plainify } from "./plainValues";

/** The protobuf Structs behind a recorded resource, kept for the policy analyzer (it takes exactly these). */
export interface RawStructs {
    inputs: any;
    outputs: any;
}
const RAW = new WeakMap<GraphResource, RawStructs>();
export function rawStructsOf(r: GraphResource): RawStructs | undefined {
    return RAW.get(r);
}

export interface RunProgramOptions {
    project: string;
    stack: string;
    /** Fully qualified config keys (`project:key`) to string values (objects JSON-encoded). */
    config?: Record<string, string>;
    /** Config keys whose values are secrets. */
    secretKeys?: string[];
    /** Run as a preview: outputs the mocks leave out become unknown. */
    preview?: boolean;
    /** The program: a function (its return value becomes the stack outputs). */
    program: () => unknown;
    mocks?: pulumi.runtime.Mocks;
}

/** Error thrown when the program itself fails; carries the partial graph for diagnostics. */
export class ProgramError extends Error {
    constructor(readonly cause: unknown, readonly partial: Graph) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = "ProgramError";
    }
}

/**
 * Runs are serialised through one queue per process (the Pulumi runtime is process-global). Kept on globalThis
 * for the same reason as the listeners below: a fresh copy of this module must queue behind the old one's runs.
 */
const QUEUE = Symbol.for("acs-event-handling/harness/runProgram/queue");
const runQueue = (): { tail: Promise<unknown> } =>
    ((globalThis as Record<symbol, unknown>)[QUEUE] as { tail: Promise<unknown> } | undefined)
    ?? ((globalThis as Record<symbol, unknown>)[QUEUE] = { tail: Promise.resolve() }) as { tail: Promise<unknown> };

/** What a graph listener learns about the run besides the graph. */
export interface GraphCapturedInfo {
    /** The options the run was started with (project, stack, config, preview, ...). */
    readonly options: RunProgramOptions;
    /** Set when the program failed; the graph is then the partial one `ProgramError.partial` carries. */
    readonly error?: unknown;
}
export type GraphListener = (graph: Graph, info: GraphCapturedInfo) => void;

/**
 * Process-wide, not per module instance: runStack evicts this repository's modules from require's cache before each
 * run, so a file that requires the harness later gets a fresh copy of this module; its runs must reach the same
 * listeners.
 */
const LISTENERS = Symbol.for("acs-event-handling/harness/runProgram/graphListeners");
const listeners: Set<GraphListener> = ((globalThis as Record<symbol, unknown>)[LISTENERS] as Set<GraphListener> | undefined)
    ?? ((globalThis as Record<symbol, unknown>)[LISTENERS] = new Set<GraphListener>());

/**
 * Observe every graph `runProgram` captures, for every caller (runStack, test fixtures, the CLIs): the listener is
 * called synchronously, once per run, after all registrations finished and before `runProgram` settles: with the
 * whole graph, or with the partial graph when the program fails. Returns the function that unsubscribes.
 * Listeners must treat the graph as read-only and should not throw: an exception is rethrown by `runProgram` (after
 * the other listeners ran) and fails the run that produced the graph. With no listener, runs do nothing extra.
 */
export function onGraphCaptured(listener: GraphListener): () => void {
    const subscription = (graph: Graph, info: GraphCapturedInfo) => listener(graph, info);
    listeners.add(subscription);
    return () => { listeners.delete(subscription); };
}

function notify(graph: Graph, info: GraphCapturedInfo): void {
    if (listeners.size === 0) return;
    const errors: unknown[] = [];
    for (const listener of [...listeners]) {
        try {
            listener(graph, info);
        } catch (err) {
            errors.push(err);
        }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, "graph listeners failed");
}

/**
 * Run a Pulumi program under the mock runtime and capture its whole graph. Runs are serialised: the Pulumi
 * runtime is process-global. The result is complete: we wait for every registration, not just for the program
 * function to return (outputs-dependent resources register later; pulumi-practices.md §3.2).
 */
export function runProgram(options: RunProgramOptions): Promise<Graph> {
    const q = runQueue();
    const run = q.tail.then(() => runExclusive(options));
    q.tail = run.catch(() => undefined);
    return run;
}

async function runExclusive(o: RunProgramOptions): Promise<Graph> {
    // Nothing is deployed under mocks: components skip checks that only matter for a real upload.
    process.env.ACS_EVENT_HANDLING_OFFLINE = "1";
    await pulumi.runtime.setMocks(o.mocks ?? planMocks, o.project, o.stack, o.preview ?? false);
    pulumi.runtime.setAllConfig(o.config ?? {}, o.secretKeys ?? []);
    const records: GraphResource[] = [];
    const componentOutputs = new Map<string, { outputs: any; secretPaths: string[] }>();
    recordInto(pulumi.runtime.getMonitor() as any, records, componentOutputs);
    let stackOutputs: Record<string, any> = {};
    let failure: unknown;
    // The failure is caught inside the stack's init: were it to reject there, the Stack resource's `outputs` (an
    // Output built on that promise, with derived promises nobody awaits) would reject unhandled a moment later and
    // kill the process or the next run.
    stackOutputs = await pulumi.runtime.runInPulumiStack(async () => {
        try {
            return await o.program();
        } catch (err) {
            failure = err ?? new Error(String(err));
            return {};
        }
    }) as Record<string, any>;
    await (pulumi.runtime as any).waitForRPCs();
    const resources = records.map((r) => {
        const registered = componentOutputs.get(r.urn);
        return registered ? { ...r, componentOutputs: registered.outputs, componentOutputSecretPaths: registered.secretPaths } : r;
    });
    records.forEach((r, i) => { const raw = RAW.get(r); if (raw) RAW.set(resources[i], raw); });
    const graph: Graph = { project: o.project, stack: o.stack, resources, stackOutputs: plainify(stackOutputs ?? {}, []) };
    notify(graph, failure === undefined ? { options: o } : { options: o, error: failure });
    if (failure !== undefined) throw new ProgramError(failure, graph);
    return graph;
}

/** Wrap the mock monitor so each successful registration is recorded with what the engine would see. */
function recordInto(monitor: any, records: GraphResource[], componentOutputs: Map<string, { outputs: any; secretPaths: string[] }>): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) =>
        register(req, (err: any, resp: any) => {
            if (!err && resp) records.push(toRecord(req, resp));
            callback(err, resp);
        });
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: (err: any, resp: any) => void) => {
        const secretPaths: string[] = [];
        const outputs = plainify(req.getOutputs()?.toJavaScript() ?? {}, secretPaths);
        componentOutputs.set(req.getUrn(), { outputs, secretPaths });
        return registerOutputs(req, callback);
    };
}

function toRecord(req: any, resp: any): GraphResource {
    const secretPaths: string[] = [];
    const inputStruct = req.getObject();
    const outputStruct = resp.getObject();
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    const record: GraphResource = {
        urn: resp.getUrn(),
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: req.getParent() || undefined,
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        inputs: plainify(inputStruct?.toJavaScript() ?? {}, secretPaths),
        outputs: plainify(outputStruct?.toJavaScript() ?? {}, []),
        secretPaths,
        id: resp.getId() || undefined,
        protect: req.getProtect?.() ?? false,
        ignoreChanges: req.getIgnorechangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    };
    RAW.set(record, { inputs: inputStruct, outputs: outputStruct });
    return record;
}
