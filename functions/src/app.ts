/**
 * Binding shim: registers the Event Grid trigger and wires the real clients. No logic lives here
 * (processBatch.ts has it); this file only adapts the Functions host to the handler's ports.
 */
import { app, InvocationContext } from "@azure/functions";
import { SMS_EVENTS_FUNCTION_NAME } from "../../components/handlers/functionContract";
import { createClients, createDeps } from "./clients";
import { Logger } from "./ports";
import { processBatch } from "./processBatch";
import { readSettings } from "./settings";

type Wiring = { settings: ReturnType<typeof readSettings>; clients: ReturnType<typeof createClients> };
let wiring: Wiring | undefined;

/**
 * Settings are read on the first invocation, not at import: a missing setting must not stop the host from
 * indexing the function (Event Grid refuses to create a subscription to a function it cannot find), and the
 * invocation error then names the setting in the logs while Event Grid keeps retrying.
 */
function wire(): Wiring {
    if (!wiring) {
        const settings = readSettings(process.env);
        wiring = { settings, clients: createClients(settings) };
    }
    return wiring;
}

app.eventGrid<unknown>(SMS_EVENTS_FUNCTION_NAME, {
    handler: async (event: unknown, context: InvocationContext) => {
        const { settings, clients } = wire();
        const summary = await processBatch([event], createDeps(settings, clients, contextLogger(context)));
        // Throwing fails the invocation, which makes Event Grid redeliver later (its retry schedule,
        // https://learn.microsoft.com/azure/event-grid/delivery-and-retry).
        if (summary.retry) {
            const reasons = summary.outcomes.filter((o) => o.status === "failed" || o.status === "inFlight");
            throw new Error(`retry requested: ${reasons.map((o) => `${o.id}: ${o.reason}`).join("; ")}`);
        }
    },
});

function contextLogger(context: InvocationContext): Logger {
    const line = (message: string, fields?: Record<string, unknown>) =>
        fields ? `${message} ${JSON.stringify(fields)}` : message;
    return {
        info: (m, f) => context.log(line(m, f)),
        warn: (m, f) => context.warn(line(m, f)),
        error: (m, f) => context.error(line(m, f)),
    };
}
