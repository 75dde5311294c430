/**
 * A deployable Event Grid webhook receiver for ACS events — the stack's `webhook` handler ("your own HTTP
 * listener"). Framework-free: `handle()` takes method, headers and body text; `nodeListener()` adapts it to
 * `http.createServer`, `azureFunctionHandler()` to an Azure Functions v4 HTTP trigger.
 *
 * Per request (https://learn.microsoft.com/azure/event-grid/webhook-event-delivery,
 * https://learn.microsoft.com/azure/event-grid/delivery-and-retry):
 * 1. OPTIONS: the CloudEvents abuse-protection handshake — consent with `WebHook-Allowed-Origin` for allowed origins.
 * 2. POST: authenticate first (Entra ID bearer token, when configured), then check `aeg-subscription-name`
 *    against the allow-list (case-insensitive), then parse.
 * 3. A SubscriptionValidationEvent → 200 `{validationResponse: <code>}`; SubscriptionDeletion → 200.
 * 4. Notifications: each event once (dedupe by event type + id), handed to user code with its typed ACS payload.
 * Status codes say what Event Grid should do next: 200 done; 400 malformed or PermanentEventError (dead-lettered
 * at once, never retried); 401/403 not Event Grid (not retried); 500 anything else (retried on Event Grid's
 * schedule). Batches are all or nothing for Event Grid, so events a failing batch already handled are remembered
 * and skipped on redelivery.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { MalformedEventError, toTypedEvent, TypedAcsEvent } from "./acsEvents";
import { EntraAuthOptions, tokenValidator } from "./auth";
import { DedupeStore, MemoryDedupe } from "./dedupe";

export type { TypedAcsEvent, KnownAcsEvent, UnknownAcsEvent, AcsEventDataMap } from "./acsEvents";
export { EVENT_GRID_APP_ID, EVENT_GRID_ROLE } from "./auth";
export type { EntraAuthOptions } from "./auth";
export { MemoryDedupe } from "./dedupe";
export type { DedupeStore } from "./dedupe";

/** Throw from user code when retrying can never help (bad content): the event is dead-lettered at once (400). */
export class PermanentEventError extends Error {}

export interface DeliveryContext {
    /** `aeg-delivery-count`: 0 on the first attempt. */
    readonly deliveryCount: number;
    readonly subscriptionName?: string;
}

export interface ReceiverOptions {
    readonly onEvent: (event: TypedAcsEvent, context: DeliveryContext) => Promise<void> | void;
    /** Secured webhook: validate Event Grid's Entra ID token on every POST. Strongly recommended in production. */
    readonly entra?: EntraAuthOptions;
    /** Accept only these event subscriptions (`aeg-subscription-name`, compared case-insensitively). */
    readonly subscriptions?: readonly string[];
    /** Origins allowed by the CloudEvents handshake; default Event Grid's `eventgrid.azure.net`. */
    readonly allowedOrigins?: readonly string[];
    /** Where handled event keys are remembered; default in memory (use a durable store when scaled out). */
    readonly dedupe?: DedupeStore;
    /** Largest body accepted; Event Grid batches go up to 1 MB plus overhead. Default 2 MiB. */
    readonly maxBodyBytes?: number;
    /** Called with one line per notable outcome (rejections, failures). Default: nothing. */
    readonly log?: (line: string) => void;
}

export interface ReceiverRequest {
    readonly method: string;
    /** Header lookup, case-insensitive. */
    readonly header: (name: string) => string | undefined;
    readonly body: string;
}

export interface ReceiverResponse {
    readonly status: number;
    readonly headers?: Record<string, string>;
    readonly body?: string;
}

const VALIDATION = "Microsoft.EventGrid.SubscriptionValidationEvent";
const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

export interface Receiver {
    handle(request: ReceiverRequest): Promise<ReceiverResponse>;
    nodeListener(): RequestListener;
}

export function createReceiver(o: ReceiverOptions): Receiver {
    const verify = o.entra ? tokenValidator(o.entra) : undefined;
    const allowedSubs = o.subscriptions?.map((s) => s.toLowerCase());
    const origins = (o.allowedOrigins ?? ["eventgrid.azure.net"]).map((s) => s.toLowerCase());
    const dedupe = o.dedupe ?? new MemoryDedupe();
    const log = o.log ?? (() => undefined);

    async function handle(req: ReceiverRequest): Promise<ReceiverResponse> {
        if (req.method === "OPTIONS") return abuseProtection(req, origins);
        if (req.method !== "POST") return { status: 405, headers: { allow: "POST, OPTIONS" } };
        if (verify) {
            try {
                await verify(req.header("authorization"));
            } catch (e) {
                log(`rejected: ${(e as Error).message}`);
                return text(401, "unauthorized");
            }
        }
        const subscriptionName = req.header("aeg-subscription-name");
        if (allowedSubs && !allowedSubs.includes((subscriptionName ?? "").toLowerCase())) {
            log(`rejected: event subscription ${JSON.stringify(subscriptionName ?? null)} is not allowed`);
            return text(403, "subscription not allowed");
        }
        let items: unknown[];
        try {
            const parsed = JSON.parse(req.body);
            items = Array.isArray(parsed) ? parsed : [parsed];
        } catch {
            return text(400, "body is not JSON");
        }
        const first = items[0] as Record<string, any> | undefined;
        if (first?.eventType === VALIDATION || req.header("aeg-event-type") === "SubscriptionValidation") {
            const code = first?.data?.validationCode;
            return typeof code === "string"
                ? json(200, { validationResponse: code })
                : text(400, "validation event without validationCode");
        }
        if (req.header("aeg-event-type") === "SubscriptionDeletion") return text(200, "ok");
        let events: TypedAcsEvent[];
        try {
            events = items.map(toTypedEvent);
        } catch (e) {
            if (e instanceof MalformedEventError) return text(400, e.message);
            throw e;
        }
        const context: DeliveryContext = {
            deliveryCount: Number(req.header("aeg-delivery-count") ?? 0) || 0,
            subscriptionName,
        };
        for (const event of events) {
            const key = `${event.eventType}|${event.id}`;
            if (await dedupe.seen(key)) continue;
            try {
                await o.onEvent(event, context);
            } catch (e) {
                if (e instanceof PermanentEventError) {
                    log(`event ${event.id} refused permanently (400, dead-lettered): ${e.message}`);
                    return text(400, e.message);
                }
                log(
                    `event ${event.id} failed (500, Event Grid retries): ${e instanceof Error ? e.message : String(e)}`,
                );
                return text(500, "handler failed; retry");
            }
            await dedupe.remember(key);
        }
        return text(200, "ok");
    }

    return {
        handle,
        nodeListener: () => async (req: IncomingMessage, res: ServerResponse) => {
            let response: ReceiverResponse;
            try {
                const body = await readLimited(req, o.maxBodyBytes ?? DEFAULT_MAX_BODY);
                response =
                    body === undefined
                        ? text(413, "body too large")
                        : await handle({
                              method: req.method ?? "GET",
                              header: (n) => first(req.headers[n.toLowerCase()]),
                              body,
                          });
            } catch (e) {
                log(`receiver error: ${e instanceof Error ? e.message : String(e)}`);
                response = text(500, "receiver error");
            }
            res.writeHead(response.status, response.headers);
            res.end(response.body ?? "");
        },
    };
}

/** The minimal shape of an Azure Functions v4 HttpRequest this adapter needs (no @azure/functions import). */
export interface FunctionsHttpRequest {
    readonly method: string;
    readonly headers: { get(name: string): string | null };
    text(): Promise<string>;
}

/**
 * An Azure Functions v4 HTTP-trigger handler: `app.http("acsEvents", { methods: ["POST", "OPTIONS"],
 * authLevel: "anonymous", handler: azureFunctionHandler(receiver) })`. An HTTP trigger (not the Event Grid
 * trigger) is what lets the receiver choose its status code and check Entra tokens.
 */
export function azureFunctionHandler(
    receiver: Receiver,
): (request: FunctionsHttpRequest) => Promise<{ status: number; headers?: Record<string, string>; body?: string }> {
    return async (request) =>
        receiver.handle({
            method: request.method,
            header: (n) => request.headers.get(n) ?? undefined,
            body: await request.text(),
        });
}

/**
 * CloudEvents webhook abuse protection
 * (https://github.com/cloudevents/spec/blob/v1.0/http-webhook.md#4-abuse-protection): grant an allowed
 * `WebHook-Request-Origin` with `WebHook-Allowed-Origin`, and any requested rate.
 */
function abuseProtection(req: ReceiverRequest, origins: readonly string[]): ReceiverResponse {
    const origin = req.header("webhook-request-origin");
    if (!origin || !origins.includes(origin.toLowerCase())) return text(403, "origin not allowed");
    return {
        status: 200,
        headers: {
            "WebHook-Allowed-Origin": origin,
            Allow: "POST",
            ...(req.header("webhook-request-rate") ? { "WebHook-Allowed-Rate": "*" } : {}),
        },
    };
}

function text(status: number, body: string): ReceiverResponse {
    return { status, headers: { "content-type": "text/plain; charset=utf-8" }, body };
}

function json(status: number, body: unknown): ReceiverResponse {
    return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function first(v: string | string[] | undefined): string | undefined {
    return Array.isArray(v) ? v[0] : v;
}

/** The body as text, or undefined when it exceeds `limit` bytes (answered 413, which Event Grid does not retry). */
function readLimited(req: IncomingMessage, limit: number): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let over = false;
        req.on("data", (c: Buffer) => {
            size += c.length;
            if (size > limit) over = true;
            else chunks.push(c);
        });
        req.on("end", () => resolve(over ? undefined : Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}
