/**
 * Runs the Function App's real code (functions/src/app.ts) the way the Functions host does: app.ts registers its
 * Event Grid trigger with `@azure/functions`, which hands the registration to the worker's `@azure/functions-core`
 * module. Here a stand-in core module captures that registration, and each delivered event is passed to the
 * captured handler with an InvocationContext, one event per invocation (the trigger's cardinality is one). A
 * handler that throws fails the invocation, which the host answers with an error status so Event Grid retries
 * (https://learn.microsoft.com/azure/azure-functions/functions-bindings-event-grid-trigger).
 *
 * app.ts reads its settings from process.env on the first invocation, so the settings the stack gives the app
 * are applied to process.env while the host runs and restored by `stop()`; one host per process at a time.
 */
import Module from "node:module";
import * as path from "node:path";
import { SMS_EVENTS_FUNCTION_NAME } from "../components/handlers/functionContract";

const APP_ENTRY = path.resolve(__dirname, "../functions/src/app.ts");
const CORE = "@azure/functions-core";

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

export type FunctionLog = (level: string, message: string) => void;

export interface FunctionHost {
    readonly functionName: string;
    /** Invokes the trigger once per event; rejects with the handler's error (→ HTTP 500 to Event Grid). */
    invoke(events: readonly unknown[]): Promise<void>;
    stop(): void;
}

let running = false;

export function startFunctionHost(env: Record<string, string>, log: FunctionLog): FunctionHost {
    if (running) throw new Error("a local Function host is already running in this process");
    running = true;
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
        const { handlers, functions } = loadApp();
        const handler = handlers.get(SMS_EVENTS_FUNCTION_NAME);
        if (!handler)
            throw new Error(`functions/src/app.ts registered no Event Grid function "${SMS_EVENTS_FUNCTION_NAME}"`);
        let invocation = 0;
        return {
            functionName: SMS_EVENTS_FUNCTION_NAME,
            async invoke(events) {
                for (const event of events) {
                    const context = new functions.InvocationContext({
                        invocationId: `local-${++invocation}`,
                        functionName: SMS_EVENTS_FUNCTION_NAME,
                        logHandler: (level: string, ...args: unknown[]) => log(level, args.map(String).join(" ")),
                    });
                    await handler(event, context);
                }
            },
            stop() {
                for (const [k, v] of Object.entries(saved)) {
                    if (v === undefined) delete process.env[k];
                    else process.env[k] = v;
                }
                running = false;
            },
        };
    } catch (e) {
        for (const [k, v] of Object.entries(saved))
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        running = false;
        throw e;
    }
}

/**
 * Loads a fresh copy of app.ts and of `@azure/functions` (which caches "no core module" once it has looked), with
 * `@azure/functions-core` resolving to the capturing stand-in; the previous module cache entries are restored.
 */
function loadApp(): { handlers: Map<string, Handler>; functions: any } {
    const handlers = new Map<string, Handler>();
    const core = {
        setProgrammingModel: () => undefined,
        registerFunction: (metadata: { name: string }, handler: Handler) => {
            handlers.set(metadata.name, handler);
            return { dispose: () => undefined };
        },
        registerHook: () => ({ dispose: () => undefined }),
    };
    const coreId = path.join(__dirname, "__functions-core-stand-in__.js");
    const appDir = path.dirname(APP_ENTRY);
    const fnId = require.resolve("@azure/functions", { paths: [appDir] }); // the copy app.ts itself gets
    const saved = new Map(Object.entries(require.cache).filter(([k]) => k === fnId || k.startsWith(appDir)));
    for (const k of saved.keys()) delete require.cache[k];
    const m = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const resolve = m._resolveFilename;
    m._resolveFilename = function (request: string, ...rest: unknown[]) {
        return request === CORE ? coreId : resolve.call(this, request, ...rest);
    };
    require.cache[coreId] = { id: coreId, filename: coreId, loaded: true, exports: core } as NodeJS.Module;
    try {
        require(APP_ENTRY);
        return { handlers, functions: require(fnId) };
    } finally {
        m._resolveFilename = resolve;
        delete require.cache[coreId];
        for (const k of Object.keys(require.cache)) if (k === fnId || k.startsWith(appDir)) delete require.cache[k];
        for (const [k, v] of saved) require.cache[k] = v;
    }
}
