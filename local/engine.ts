/**
 * The local delivery engine: routes each published event through the stack's subscriptions with the routing/
 * evaluator, then delivers to every match the way Event Grid does — validation handshakes first, batches,
 * `aeg-*` and delivery headers, the 30 s response window, the retry schedule on a compressible clock, and dead
 * letters into Azurite. Facts and their sources live in retryPolicy.ts, storage.ts and next to each step here.
 */
import { randomUUID } from "node:crypto";
import { buildRouter, Router, toCloudEvent } from "../routing";
import { Clock, ClockStopped } from "./clock";
import { FunctionHost } from "./functionHost";
import { AttemptVerdict, EndpointFamily, judgeAttempt, nextAttempt, RESPONSE_TIMEOUT_MS } from "./retryPolicy";
import { DEFAULT_QUEUE_MESSAGE_TTL_SECONDS, LocalStorage } from "./storage";
import { LocalSubscription } from "./subscriptions";

/** Where one subscription's deliveries go locally. */
export type Target =
    | { readonly kind: "webhook"; readonly url: string; readonly label: string }
    | { readonly kind: "function"; readonly host: FunctionHost }
    | { readonly kind: "storageQueue"; readonly queue: string; readonly ttlSeconds?: number }
    | { readonly kind: "sink"; readonly label: string };

/** What a Service Bus or Event Hubs destination would have received (no emulator runs offline). */
export interface SinkRecord {
    readonly subscription: string;
    readonly destination: string;
    readonly body: unknown;
    readonly properties: Readonly<Record<string, string>>;
    readonly sessionId?: string;
    readonly partitionKey?: string;
}

export type ValidationState = "NotRequired" | "Validated" | "AwaitingManualAction" | "Failed";

export type FinalOutcome = "delivered" | "deadLettered" | "dropped" | "notValidated" | "stopped";

export interface DeliveryRecord {
    readonly subscription: string;
    readonly eventIds: readonly string[];
    readonly outcome: FinalOutcome;
    readonly attempts: number;
    /** When each attempt ended on the delivery's virtual timeline, in ms after publishing. */
    readonly attemptTimes?: readonly number[];
    readonly lastStatus?: number;
    readonly deadLetterReason?: string;
    readonly blob?: string;
}

export interface EngineOptions {
    readonly subscriptions: readonly LocalSubscription[];
    readonly targets: ReadonlyMap<string, Target>;
    readonly storage: LocalStorage;
    readonly clock: Clock;
    readonly log: (line: string) => void;
    /** Base URL the engine serves validation links under (`GET <base>/validate/<id>?code=…`). */
    readonly validationBaseUrl?: string;
    /** Bearer token for a subscription secured with Entra ID (azureActiveDirectoryTenantId set). */
    readonly tokenFor?: (sub: LocalSubscription) => Promise<string>;
    /** Real-time response window; Event Grid's is 30 s (tests shorten it). */
    readonly responseTimeoutMs?: number;
}

const VALIDATION_EVENT = "Microsoft.EventGrid.SubscriptionValidationEvent";
/**
 * "within 10 minutes" to GET the validation URL (https://learn.microsoft.com/azure/event-grid/webhook-event-delivery).
 */
const MANUAL_VALIDATION_WINDOW_MS = 10 * 60_000;
/**
 * "a five-minute delay between the last attempt … and when it's delivered to the dead-letter location"
 * (delivery-and-retry).
 */
const DEAD_LETTER_DELAY_MS = 5 * 60_000;
/** The origin Event Grid names in the CloudEvents abuse-protection request. */
const EVENT_GRID_ORIGIN = "eventgrid.azure.net";

export class Engine {
    readonly router: Router;
    readonly deliveries: DeliveryRecord[] = [];
    readonly sink: SinkRecord[] = [];
    private readonly states = new Map<string, ValidationState>();
    private readonly manual = new Map<string, { sub: string; code: string; resolve: () => void }>();
    private readonly inFlight = new Set<Promise<unknown>>();
    private readonly byName: ReadonlyMap<string, LocalSubscription>;

    constructor(private readonly o: EngineOptions) {
        this.router = buildRouter(o.subscriptions.map((s) => s.routed));
        this.byName = new Map(o.subscriptions.map((s) => [s.name, s]));
    }

    validationState(subscription: string): ValidationState | undefined {
        return this.states.get(subscription);
    }

    /** Creates the queues and containers the stack declares, then runs each webhook's handshake. */
    async start(): Promise<void> {
        for (const sub of this.o.subscriptions) {
            const target = this.o.targets.get(sub.name);
            if (target?.kind === "storageQueue") await this.o.storage.ensureQueue(target.queue);
            if (sub.deadLetterContainer) await this.o.storage.ensureContainer(sub.deadLetterContainer);
        }
        await Promise.all(this.o.subscriptions.map((sub) => this.handshake(sub)));
    }

    /**
     * Routes and delivers a publisher's batch. Resolves once routing is logged; `idle()` waits for every delivery
     * (with its retries) to end.
     */
    publish(events: readonly Record<string, unknown>[]): void {
        const perSubscription = new Map<string, Record<string, unknown>[]>();
        const publishedAt = Date.now();
        for (const event of events) {
            const r = this.router.routeWithAllReasons(event);
            this.o.log(
                `→ event ${String(event.id)} ${r.eventType ?? "(no eventType)"} subject ` +
                    `${JSON.stringify(event.subject)}`,
            );
            if (r.eventTypeProblem) this.o.log(`  ! ${r.eventTypeProblem}`);
            for (const m of r.matches) {
                const sub = this.byName.get(m.subscription.name)!;
                this.o.log(`  ✓ ${sub.name} → ${sub.handler} (${sub.handlerKind})`);
                perSubscription.set(sub.name, [...(perSubscription.get(sub.name) ?? []), event]);
            }
            for (const u of r.undocumented)
                this.o.log(
                    `  ? ${u.subscription.name}: not delivered locally — depends on undocumented Event Grid ` +
                        `behaviour ${u.id}: ${u.reason}`,
                );
            for (const n of r.nonMatches) this.o.log(`  ✗ ${n.subscription.name} (${n.handler ?? "?"}): ${n.reason}`);
            if (r.matches.length === 0) this.o.log("  → reaches no handler");
        }
        for (const [name, matched] of perSubscription) {
            const sub = this.byName.get(name)!;
            for (const batch of batches(sub, matched)) this.track(this.deliver(sub, batch, publishedAt));
        }
    }

    /** Waits until every delivery started so far has ended (delivered, dead-lettered, dropped or stopped). */
    async idle(): Promise<void> {
        while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    }

    /** `GET <validationUrl>`: the manual validation path. Returns false for an unknown or expired link. */
    validateManually(id: string, code: string | null): boolean {
        const pending = this.manual.get(id);
        if (!pending || pending.code !== code) return false;
        pending.resolve();
        return true;
    }

    private track(p: Promise<unknown>): void {
        this.inFlight.add(p);
        const done = () => void this.inFlight.delete(p);
        p.then(done, (e) => {
            done();
            this.o.log(`! delivery aborted: ${e instanceof Error ? e.message : String(e)}`);
        });
    }

    // ---- validation handshakes -------------------------------------------------------------------------------

    private async handshake(sub: LocalSubscription): Promise<void> {
        const target = this.o.targets.get(sub.name);
        if (target?.kind !== "webhook") return void this.states.set(sub.name, "NotRequired");
        const state =
            sub.schema === "CloudEventSchemaV1_0"
                ? await this.optionsHandshake(sub, target.url)
                : await this.validationHandshake(sub, target.url);
        this.states.set(sub.name, state);
    }

    /**
     * Event Grid schema: POST a SubscriptionValidationEvent; only a 200 whose body echoes `validationResponse`
     * validates at once. A 200 without it leaves the subscription AwaitingManualAction until someone GETs the
     * `validationUrl` (https://learn.microsoft.com/azure/event-grid/webhook-event-delivery).
     */
    private async validationHandshake(sub: LocalSubscription, url: string): Promise<ValidationState> {
        const code = randomUUID();
        const id = randomUUID();
        const validationUrl = this.o.validationBaseUrl
            ? `${this.o.validationBaseUrl}/validate/${id}?code=${code}`
            : undefined;
        const event = {
            id,
            topic: sub.topicName,
            subject: "",
            eventType: VALIDATION_EVENT,
            eventTime: new Date().toISOString(),
            metadataVersion: "1",
            dataVersion: "1",
            data: { validationCode: code, ...(validationUrl ? { validationUrl } : {}) },
        };
        const answer = await this.post(sub, url, JSON.stringify([event]), "application/json", {
            "aeg-event-type": "SubscriptionValidation",
            "aeg-subscription-name": sub.name.toUpperCase(),
            "aeg-delivery-count": "0",
        });
        const echoed = answer.status === 200 && safeJson(answer.body)?.validationResponse === code;
        if (echoed) {
            this.o.log(`[${sub.name}] validation handshake: 200 echoing the code → subscription validated`);
            return "Validated";
        }
        if (answer.status !== 200 || !validationUrl) {
            this.o.log(
                `[${sub.name}] validation handshake: ${describe(answer)} without the validation code → ` +
                    "subscription NOT validated; nothing will be delivered",
            );
            return "Failed";
        }
        this.o.log(
            `[${sub.name}] validation handshake: 200 without the code → AwaitingManualAction; GET ` +
                `${validationUrl} within 10 minutes (virtual) to validate`,
        );
        this.track(this.awaitManual(sub, id, code));
        return "AwaitingManualAction";
    }

    private async awaitManual(sub: LocalSubscription, id: string, code: string): Promise<void> {
        const got = new Promise<"validated">((resolve) =>
            this.manual.set(id, { sub: sub.name, code, resolve: () => resolve("validated") }),
        );
        const expired = this.o.clock.sleep(MANUAL_VALIDATION_WINDOW_MS).then(
            () => "expired" as const,
            () => "stopped" as const,
        );
        const result = await Promise.race([got, expired]);
        this.manual.delete(id);
        if (result === "validated") {
            this.states.set(sub.name, "Validated");
            this.o.log(`[${sub.name}] validation URL visited → subscription validated`);
        } else if (result === "expired") {
            this.states.set(sub.name, "Failed");
            this.o.log(`[${sub.name}] validation URL not visited within 10 minutes → subscription creation failed`);
        }
    }

    /**
     * CloudEvents output: the CloudEvents webhook abuse-protection OPTIONS request; consent is a
     * `WebHook-Allowed-Origin` naming the origin (or `*`)
     * (https://learn.microsoft.com/azure/event-grid/cloudevents-schema#endpoint-validation-with-cloudevents-v10,
     * https://github.com/cloudevents/spec/blob/v1.0/http-webhook.md#4-abuse-protection).
     */
    private async optionsHandshake(sub: LocalSubscription, url: string): Promise<ValidationState> {
        const answer = await this.request(sub, url, {
            method: "OPTIONS",
            headers: { "WebHook-Request-Origin": EVENT_GRID_ORIGIN },
        });
        const allowed = answer.headers?.get("webhook-allowed-origin");
        const ok = answer.status === 200 && (allowed === "*" || allowed?.toLowerCase() === EVENT_GRID_ORIGIN);
        this.o.log(
            `[${sub.name}] CloudEvents OPTIONS handshake: ${describe(answer)}, WebHook-Allowed-Origin ` +
                `${allowed ?? "(missing)"} → ${ok ? "validated" : "NOT validated; nothing will be delivered"}`,
        );
        return ok ? "Validated" : "Failed";
    }

    // ---- delivery and retries -------------------------------------------------------------------------------

    private async deliver(
        sub: LocalSubscription,
        events: Record<string, unknown>[],
        publishedAt: number,
    ): Promise<void> {
        const ids = events.map((e) => String(e.id));
        const label = `[${sub.name}] ${ids.length > 1 ? `batch of ${ids.length}` : `event ${ids[0]}`}`;
        const state = this.states.get(sub.name);
        if (state === "AwaitingManualAction" || state === "Failed") {
            this.o.log(`${label}: not delivered — subscription is ${state} (not validated)`);
            return void this.deliveries.push({
                subscription: sub.name,
                eventIds: ids,
                outcome: "notValidated",
                attempts: 0,
            });
        }
        // The delivery's own timeline: real time spent in attempts counts as it is, waits count in full (the clock
        // only shortens them in real time). TTL, attempt times and dead-letter paths read this, so they do not
        // depend on --speed or on how busy the machine is.
        let t = publishedAt;
        let attempts = 0;
        const attemptTimes: number[] = [];
        try {
            for (;;) {
                attempts++;
                const began = Date.now();
                const result = await this.attempt(sub, events, attempts);
                t += Date.now() - began;
                attemptTimes.push(t - publishedAt);
                const verdict = judgeAttempt(result.status, familyOf(sub), result.timedOut);
                if (verdict.kind === "delivered") {
                    this.o.log(`${label} attempt ${attempts}: ${result.detail} → delivered`);
                    return void this.deliveries.push({
                        subscription: sub.name,
                        eventIds: ids,
                        outcome: "delivered",
                        attempts,
                        attemptTimes,
                        lastStatus: result.status,
                    });
                }
                const next =
                    verdict.kind === "retry" ? nextAttempt(attempts, verdict, sub.retry, publishedAt, t) : undefined;
                if (next && "at" in next) {
                    const wait = next.at - t;
                    const speed = this.o.clock.speed;
                    const real = speed > 1 ? ` (${human(wait / speed)} real at --speed ${speed})` : "";
                    this.o.log(
                        `${label} attempt ${attempts}: ${result.detail} → ${verdict.outcome}; ` +
                            `retry in ${human(wait)}${real}`,
                    );
                    await this.o.clock.sleep(wait);
                    t = next.at;
                    continue;
                }
                // Azure documents no deadLetterReason string for the no-retry case; ours is named for what happened,
                // and lastDeliveryOutcome (BadRequest, PayloadTooLarge, …) carries the documented detail.
                const reason = next ? next.deadLetterReason : "NonRetriableError";
                const outcome =
                    verdict.kind === "final" ? `${verdict.outcome}, not retried (${result.status})` : verdict.outcome;
                this.o.log(`${label} attempt ${attempts}: ${result.detail} → ${outcome}`);
                await this.deadLetter(sub, events, label, {
                    reason,
                    verdict,
                    attempts,
                    attemptTimes,
                    status: result.status,
                    publishedAt,
                    lastAt: t,
                });
                return;
            }
        } catch (e) {
            // Stopped mid-retry (the clock cancels waits), or a local server went away during shutdown.
            if (!(e instanceof ClockStopped))
                this.o.log(`${label}: aborted: ${e instanceof Error ? e.message : String(e)}`);
            this.deliveries.push({ subscription: sub.name, eventIds: ids, outcome: "stopped", attempts });
        }
    }

    /**
     * Dead-letter (after Event Grid's 5-minute delay) or, without a dead-letter destination, drop
     * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry#dead-letter-events).
     */
    private async deadLetter(
        sub: LocalSubscription,
        events: Record<string, unknown>[],
        label: string,
        d: {
            reason: string;
            verdict: Exclude<AttemptVerdict, { kind: "delivered" }>;
            attempts: number;
            attemptTimes: number[];
            status?: number;
            publishedAt: number;
            lastAt: number;
        },
    ): Promise<void> {
        const ids = events.map((e) => String(e.id));
        const base = {
            subscription: sub.name,
            eventIds: ids,
            attempts: d.attempts,
            attemptTimes: d.attemptTimes,
            lastStatus: d.status,
            deadLetterReason: d.reason,
        };
        if (!sub.deadLetterContainer) {
            this.o.log(`${label}: dropped (${d.reason}) — the subscription has no dead-letter destination`);
            return void this.deliveries.push({ ...base, outcome: "dropped" });
        }
        await this.o.clock.sleep(DEAD_LETTER_DELAY_MS);
        const blob = await this.o.storage.writeDeadLetter(
            sub.deadLetterContainer,
            sub.name,
            events,
            {
                deadLetterReason: d.reason,
                deliveryAttempts: d.attempts,
                lastDeliveryOutcome: d.verdict.outcome,
                lastHttpStatusCode: d.status,
                publishTime: d.publishedAt,
                lastDeliveryAttemptTime: d.lastAt,
            },
            d.lastAt + DEAD_LETTER_DELAY_MS,
        );
        this.o.log(
            `${label}: dead-lettered (${d.reason}, ${d.attempts} attempt${d.attempts > 1 ? "s" : ""}) → blob ` +
                `${blob} in Azurite`,
        );
        this.deliveries.push({ ...base, outcome: "deadLettered", blob });
    }

    private async attempt(
        sub: LocalSubscription,
        events: Record<string, unknown>[],
        attempt: number,
    ): Promise<Answer & { detail: string }> {
        const target = this.o.targets.get(sub.name)!;
        switch (target.kind) {
            case "webhook": {
                const cloud = sub.schema === "CloudEventSchemaV1_0";
                const body = cloud ? events.map(toCloudEvent) : events;
                // CloudEvents structured mode: one event as an object, a batch as an array (cloudevents-batch).
                const [payload, type] = cloud
                    ? sub.maxEventsPerBatch > 1
                        ? [body, "application/cloudevents-batch+json; charset=utf-8"]
                        : [body[0], "application/cloudevents+json; charset=utf-8"]
                    : [body, "application/json"];
                const answer = await this.post(sub, target.url, JSON.stringify(payload), type, {
                    ...aegHeaders(sub, events[0], attempt),
                    ...deliveryHeaders(sub, events[0]),
                });
                return { ...answer, detail: `POST ${target.label}: ${describe(answer)}` };
            }
            case "function":
                try {
                    // The trigger hands over the event in the subscription's output schema.
                    await target.host.invoke(sub.schema === "CloudEventSchemaV1_0" ? events.map(toCloudEvent) : events);
                    return {
                        status: 200,
                        detail: `function ${target.host.functionName} invoked (real code, storage in Azurite)`,
                    };
                } catch (e) {
                    // The Functions host answers a failed invocation with a server error; Event Grid retries it.
                    return {
                        status: 500,
                        detail:
                            `function ${target.host.functionName} failed: ` +
                            `${e instanceof Error ? e.message : String(e)}`,
                    };
                }
            case "storageQueue": {
                const ids: string[] = [];
                for (const e of events)
                    ids.push(
                        await this.o.storage.enqueue(
                            target.queue,
                            sub.schema === "CloudEventSchemaV1_0" ? toCloudEvent(e) : e,
                            target.ttlSeconds,
                        ),
                    );
                return {
                    status: 201,
                    detail:
                        `queue "${target.queue}" in Azurite: message ${ids.join(", ")} (base64 JSON, TTL ` +
                        `${target.ttlSeconds ?? DEFAULT_QUEUE_MESSAGE_TTL_SECONDS} s)`,
                };
            }
            case "sink": {
                for (const e of events) this.sink.push(sinkRecord(sub, target.label, e));
                return {
                    status: 200,
                    detail:
                        `${target.label}: NOT sent (no Service Bus/Event Hubs emulator offline) — recorded body, ` +
                        "properties and keys locally",
                };
            }
        }
    }

    private async post(
        sub: LocalSubscription,
        url: string,
        body: string,
        contentType: string,
        headers: Record<string, string>,
    ): Promise<Answer> {
        return this.request(sub, url, { method: "POST", body, headers: { "content-type": contentType, ...headers } });
    }

    /** One HTTP exchange within the response window; Entra-secured subscriptions carry a bearer token. */
    private async request(
        sub: LocalSubscription,
        url: string,
        init: { method: string; body?: string; headers: Record<string, string> },
    ): Promise<Answer> {
        const headers: Record<string, string> = { ...init.headers };
        if (sub.destination.azureActiveDirectoryTenantId && this.o.tokenFor)
            headers.authorization = `Bearer ${await this.o.tokenFor(sub)}`;
        const timeoutMs = this.o.responseTimeoutMs ?? RESPONSE_TIMEOUT_MS;
        try {
            const r = await fetch(url, {
                method: init.method,
                body: init.body,
                headers,
                signal: AbortSignal.timeout(timeoutMs),
            });
            return { status: r.status, body: await r.text(), headers: r.headers };
        } catch (e) {
            const timedOut = (e as Error)?.name === "TimeoutError";
            return {
                status: undefined,
                timedOut,
                error: timedOut ? `no answer within ${timeoutMs / 1000} s` : (e as Error).message,
            };
        }
    }
}

interface Answer {
    readonly status: number | undefined;
    readonly timedOut?: boolean;
    readonly body?: string;
    readonly headers?: Headers;
    readonly error?: string;
}

function describe(a: Answer): string {
    return a.status !== undefined ? `HTTP ${a.status}` : (a.error ?? "no answer");
}

/** Webhooks (incl. the Logic App trigger URL) vs Azure resource destinations: different no-retry codes. */
function familyOf(sub: LocalSubscription): EndpointFamily {
    return sub.endpointType === "WebHook" ? "webhook" : "azure";
}

/**
 * Output batching: at most `maxEventsPerBatch` events and, best effort, `preferredBatchSizeInKilobytes`; an event
 * larger than that goes alone (https://learn.microsoft.com/azure/event-grid/delivery-and-retry#output-batching).
 * Only WebHook and AzureFunction destinations batch; the others get one event per message.
 */
export function batches(
    sub: Pick<LocalSubscription, "endpointType" | "maxEventsPerBatch" | "preferredBatchSizeInKilobytes">,
    events: Record<string, unknown>[],
): Record<string, unknown>[][] {
    const batching = sub.endpointType === "WebHook" || sub.endpointType === "AzureFunction";
    const maxCount = batching ? sub.maxEventsPerBatch : 1;
    const maxBytes = sub.preferredBatchSizeInKilobytes * 1024;
    const out: Record<string, unknown>[][] = [];
    let current: Record<string, unknown>[] = [];
    let bytes = 2;
    for (const e of events) {
        const size = Buffer.byteLength(JSON.stringify(e)) + 1;
        if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
            out.push(current);
            current = [];
            bytes = 2;
        }
        current.push(e);
        bytes += size;
    }
    if (current.length > 0) out.push(current);
    return out;
}

/**
 * The `aeg-*` headers of a notification
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry#message-headers). `aeg-subscription-name` is sent in
 * upper case: the reference says to compare it case-insensitively, and a receiver that does not should fail here rather
 * than in Azure.
 */
function aegHeaders(sub: LocalSubscription, first: Record<string, unknown>, attempt: number): Record<string, string> {
    const cloud = sub.schema === "CloudEventSchemaV1_0";
    return {
        "aeg-event-type": "Notification",
        "aeg-subscription-name": sub.name.toUpperCase(),
        "aeg-delivery-count": String(attempt - 1),
        "aeg-metadata-version": cloud ? "1.0" : String(first.metadataVersion ?? "1"),
        ...(cloud ? {} : { "aeg-data-version": String(first.dataVersion ?? "") }),
        "aeg-output-event-id": String(first.id),
    };
}

/**
 * Delivery properties: `Static` values as they are, `Dynamic` ones read from the event at `sourceField`
 * (e.g. `data.from`) (https://learn.microsoft.com/azure/event-grid/delivery-properties).
 */
export function deliveryHeaders(
    sub: Pick<LocalSubscription, "deliveryAttributes">,
    event: Record<string, unknown>,
): Record<string, string> {
    const out: Record<string, string> = {};
    for (const a of sub.deliveryAttributes) {
        const value = a.type === "Static" ? a.value : readPath(event, a.sourceField ?? "");
        if (value !== undefined && value !== null) out[a.name] = String(value);
    }
    return out;
}

function readPath(event: Record<string, unknown>, path: string): unknown {
    return path
        .split(".")
        .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), event);
}

/**
 * Service Bus / Event Hubs: one message per event, the delivery properties as message properties; the reserved
 * names `SessionId` (Service Bus) and `PartitionKey` (both) set the message's keys
 * (https://learn.microsoft.com/azure/event-grid/delivery-properties#service-bus-and-event-hubs).
 */
function sinkRecord(sub: LocalSubscription, destination: string, event: Record<string, unknown>): SinkRecord {
    const properties = deliveryHeaders(sub, event);
    const { SessionId: sessionId, PartitionKey: partitionKey, ...rest } = properties;
    return {
        subscription: sub.name,
        destination,
        body: sub.schema === "CloudEventSchemaV1_0" ? toCloudEvent(event) : event,
        properties: rest,
        ...(sessionId !== undefined ? { sessionId } : {}),
        ...(partitionKey !== undefined ? { partitionKey } : {}),
    };
}

function safeJson(text: string | undefined): any {
    try {
        return text ? JSON.parse(text) : undefined;
    } catch {
        return undefined;
    }
}

function human(ms: number): string {
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
    if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)} min`;
    return `${+(ms / 3_600_000).toFixed(1)} h`;
}
