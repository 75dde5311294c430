import * as pulumi from "@pulumi/pulumi";
import { Graph, GraphResource } from "./graph";
import { setOfflineHarness } from "../components/offline";
import { planMocks } from "./mocks";
import { plainify } from "./plainValues";
import { observeRegistrations, processGlobal, Registration, waitForRegistrations } from "./pulumiInternals";
import { leanMockRun } from "./pulumiInternals";

/** The protobuf Structs behind a recorded resource, kept for the policy analyzer (it takes exactly these). */
export interface RawStructs {
    inputs: any;
    outputs: any;
}
/** Process-wide, like the listeners below: a policy module loaded after runStack evicted ours reads the same map. */
const RAW = processGlobal("harness/runProgram/rawStructs", () => new WeakMap<GraphResource, RawStructs>());
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
    constructor(
        readonly cause: unknown,
        readonly partial: Graph,
    ) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = "ProgramError";
    }
}

/**
 * Runs are serialised through one queue per process (the Pulumi runtime is process-global). Kept process-wide
 * for the same reason as the listeners below: a fresh copy of this module must queue behind the old one's runs.
 */
const runQueue = () =>
    processGlobal<{ tail: Promise<unknown> }>("harness/runProgram/queue", () => ({ tail: Promise.resolve() }));

/** What a graph listener learns about the run besides the graph. */
export interface GraphCapturedInfo {
    /** The options the run was started with (project, stack, config, preview, ...). */
    readonly options: RunProgramOptions;
    /** Set when the program failed; the graph is then the partial one `ProgramError.partial` carries. */
    readonly error?: unknown;
    /**
     * The stack where `runProgram` was called (async callers included), so a listener can say who built the graph:
     * the test support's contract check names the spec file. Captured only while a listener is subscribed.
     */
    readonly calledFrom?: string;
}
export type GraphListener = (graph: Graph, info: GraphCapturedInfo) => void;

/**
 * Process-wide, not per module instance: runStack evicts this repository's modules from require's cache before each
 * run, so a file that requires the harness later gets a fresh copy of this module; its runs must reach the same
 * listeners.
 */
const listeners = processGlobal("harness/runProgram/graphListeners", () => new Set<GraphListener>());

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
    return () => {
        listeners.delete(subscription);
    };
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
 * function to return (outputs-dependent resources register later; @pulumi/pulumi runtime/mocks.js).
 */
export function runProgram(options: RunProgramOptions): Promise<Graph> {
    const q = runQueue();
    const calledFrom = listeners.size > 0 ? callerStack() : undefined;
    const run = q.tail.then(() => runExclusive(options, calledFrom));
    q.tail = run.catch(() => undefined);
    return run;
}

/** The caller's stack, deep enough to pass the test support and CLI frames between a spec and `runProgram`. */
function callerStack(): string {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    try {
        return new Error("runProgram called").stack ?? "";
    } finally {
        Error.stackTraceLimit = limit;
    }
}

async function runExclusive(o: RunProgramOptions, calledFrom?: string): Promise<Graph> {
    // Nothing is deployed under mocks: components skip checks that only matter for a real upload.
    setOfflineHarness(true);
    await pulumi.runtime.setMocks(o.mocks ?? planMocks, o.project, o.stack, o.preview ?? false);
    pulumi.runtime.setAllConfig(o.config ?? {}, o.secretKeys ?? []);
    const records: GraphResource[] = [];
    const componentOutputs = new Map<string, { outputs: any; secretPaths: string[] }>();
    observeRegistrations({
        resource: (r) => records.push(toRecord(r)),
        outputs: (urn, outputs) => {
            const secretPaths: string[] = [];
            componentOutputs.set(urn, { outputs: plainify(outputs, secretPaths), secretPaths });
        },
    });
    let stackOutputs: Record<string, any> = {};
    let failure: unknown;
    // The failure is caught inside the stack's init: were it to reject there, the Stack resource's `outputs` (an
    // Output built on that promise, with derived promises nobody awaits) would reject unhandled a moment later and
    // kill the process or the next run. An output that fails later (an apply that throws) rejects the stack's
    // outputs instead, and is caught here.
    try {
        stackOutputs = (await pulumi.runtime.runInPulumiStack(async () => {
            leanMockRun();
            try {
                return await o.program();
            } catch (err) {
                failure = err ?? new Error(String(err));
                return {};
            }
        })) as Record<string, any>;
    } catch (err) {
        failure ??= err;
    }
    await waitForRegistrations();
    const resources = records.map((r) => {
        const registered = componentOutputs.get(r.urn);
        return registered
            ? { ...r, componentOutputs: registered.outputs, componentOutputSecretPaths: registered.secretPaths }
            : r;
    });
    records.forEach((r, i) => {
        const raw = RAW.get(r);
        if (raw) RAW.set(resources[i], raw);
    });
    const graph: Graph = {
        project: o.project,
        stack: o.stack,
        resources,
        stackOutputs: plainify(stackOutputs ?? {}, []),
    };
    notify(graph, { options: o, calledFrom, ...(failure === undefined ? {} : { error: failure }) });
    if (failure !== undefined) throw new ProgramError(failure, graph);
    return graph;
}

/** A registration as a graph record (plain values, secret paths); its Structs are kept for the policy analyzer. */
function toRecord(r: Registration): GraphResource {
    const secretPaths: string[] = [];
    const record: GraphResource = {
        urn: r.urn,
        type: r.type,
        name: r.name,
        custom: r.custom,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        inputs: plainify(r.inputs?.toJavaScript() ?? {}, secretPaths),
        outputs: plainify(r.outputs?.toJavaScript() ?? {}, []),
        secretPaths,
        id: r.id,
        protect: r.protect,
        ignoreChanges: r.ignoreChanges,
        additionalSecretOutputs: r.additionalSecretOutputs,
    };
    RAW.set(record, { inputs: r.inputs, outputs: r.outputs });
    return record;
}
