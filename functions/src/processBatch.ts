/**
 * Handles one delivery (a batch of events): parse → plan → run the plan's steps under a durable, per-event claim.
 *
 * Exactly-once effects on top of at-least-once delivery (https://learn.microsoft.com/azure/event-grid/delivery-and-retry, https://learn.microsoft.com/azure/event-grid/event-schema):
 * 1. The ledger row for `(eventType, id)` lives in Table Storage, so dedupe survives restarts and scale-out
 *    (an in-memory set would not: two instances can receive the same event).
 * 2. A delivery must CLAIM the row (insert-if-absent, or an ETag-conditional takeover of an expired lease) before
 *    doing anything; a concurrent duplicate sees the lease and backs off ("inFlight" → retried later by Event Grid).
 * 3. Steps run in a fixed order (record → ticket → email) and each one's completion is written to the ledger with an
 *    ETag-conditional merge before the next starts. A retry after a crash resumes at the first unfinished step, so
 *    the ticket and the email are never lost. The only duplicates possible are in the gap between a step's side
 *    effect and its ledger write (crash exactly there): tickets carry the event id for consumer-side dedupe, and the
 *    email uses a deterministic ACS operation id (idempotency.ts).
 * 4. Order: the record is idempotent, so it goes first; the email cannot be recalled, so it goes last.
 *
 * A malformed or unhandled event never throws: it becomes an outcome, is logged with its id and reason, and the rest
 * of the batch proceeds. Only transient faults (storage, ACS, lease contention) ask for a retry (`summary.retry`).
 */
import { randomUUID } from "node:crypto";
import { AcsEvent, parseEnvelope, splitBatch } from "./events/envelope";
import { planEvent } from "./handlers";
import { EventPlan } from "./handlers/plan";
import { operationIdFor } from "./idempotency";
import { Claim, EventLedger, LedgerKey, Logger, Notifier, RecordStore, StepName, STEPS, TicketQueue } from "./ports";

export interface HandlerDeps {
    readonly ledger: EventLedger;
    readonly records: RecordStore;
    readonly tickets: TicketQueue;
    readonly notifier: Notifier;
    readonly log: Logger;
    readonly now?: () => Date;
    /** Identifies this delivery in the ledger lease; random per batch by default. */
    readonly owner?: string;
}

export type OutcomeStatus = "processed" | "duplicate" | "ignored" | "rejected" | "inFlight" | "failed";

export interface EventOutcome {
    /** The event id, when the item had one. */
    readonly id?: string;
    readonly eventType?: string;
    readonly status: OutcomeStatus;
    /** Why it was ignored, rejected, in flight or failed. */
    readonly reason?: string;
    /** Steps this delivery performed (a resumed event performs only the missing ones). */
    readonly steps?: readonly StepName[];
}

export interface BatchSummary {
    readonly outcomes: readonly EventOutcome[];
    readonly counts: Readonly<Record<OutcomeStatus, number>>;
    /** True when some event must be redelivered: the trigger should fail the invocation so Event Grid retries. */
    readonly retry: boolean;
}

export async function processBatch(body: unknown, deps: HandlerDeps): Promise<BatchSummary> {
    const owner = deps.owner ?? randomUUID();
    const outcomes: EventOutcome[] = [];
    // Sequential on purpose: a batch is small (the Functions trigger hands over one event), and ordering the
    // writes keeps two events of one batch from contending for the same record row.
    for (const item of splitBatch(body)) outcomes.push(await processItem(item, deps, owner));
    return summarise(outcomes);
}

async function processItem(raw: unknown, deps: HandlerDeps, owner: string): Promise<EventOutcome> {
    const parsed = parseEnvelope(raw);
    if (!parsed.ok) return logged(deps.log, { id: parsed.id, eventType: parsed.eventType, status: "rejected", reason: parsed.reason });
    const { event } = parsed;
    const planned = planEvent(event);
    if (planned.kind !== "plan") {
        return logged(deps.log, { id: event.id, eventType: event.eventType, status: planned.kind, reason: planned.reason });
    }
    try {
        return logged(deps.log, await runPlan(event, planned.plan, deps, owner));
    } catch (e) {
        return logged(deps.log, { id: event.id, eventType: event.eventType, status: "failed", reason: errorMessage(e) });
    }
}

async function runPlan(event: AcsEvent, plan: EventPlan, deps: HandlerDeps, owner: string): Promise<EventOutcome> {
    const now = deps.now ?? (() => new Date());
    const key: LedgerKey = { eventType: event.eventType, eventId: event.id };
    const base = { id: event.id, eventType: event.eventType };
    const claimed = await deps.ledger.claim(key, owner, now());
    if (claimed.state === "done") return { ...base, status: "duplicate" };
    if (claimed.state === "busy") {
        return { ...base, status: "inFlight", reason: `another delivery holds this event until ${claimed.leaseUntil}` };
    }
    let claim: Claim = claimed.claim;
    const performed: StepName[] = [];
    try {
        for (const step of STEPS) {
            if (claim.steps[step]) continue;
            const details = await runStep(step, plan, key, deps);
            claim = await deps.ledger.markDone(claim, step, now(), details);
            performed.push(step);
        }
    } catch (e) {
        await deps.ledger.release(claim).catch(() => undefined);
        throw e;
    }
    return { ...base, status: "processed", steps: performed };
}

/** Runs one step's side effect; returns details worth keeping on the ledger row. */
async function runStep(step: StepName, plan: EventPlan, key: LedgerKey, deps: HandlerDeps): Promise<Record<string, string>> {
    switch (step) {
        case "recorded": {
            if (plan.record.kind === "inbound") {
                await deps.records.recordInbound(plan.record.record);
                return {};
            }
            return { recordUpdate: await deps.records.applyDeliveryReport(plan.record.update) };
        }
        case "ticketed":
            await deps.tickets.enqueue(plan.ticket);
            return {};
        case "emailed": {
            const sent = await deps.notifier.send(plan.notification, operationIdFor(key));
            // Accepted but not delivered (bad recipient, suppression...): a retry would not help, an operator might.
            if (sent.status === "Failed") deps.log.warn(`ACS did not deliver the notification for event ${key.eventId}`, { ...sent });
            return { emailOperationId: sent.operationId, emailStatus: sent.status };
        }
    }
}

/** Every outcome except a clean first-time success is logged, with the event id and the reason. */
function logged(log: Logger, outcome: EventOutcome): EventOutcome {
    const fields = { eventId: outcome.id ?? "(none)", eventType: outcome.eventType, reason: outcome.reason };
    switch (outcome.status) {
        case "rejected":
            log.error(`Rejected malformed event ${outcome.id ?? "(no id)"}: ${outcome.reason}`, fields);
            break;
        case "failed":
            log.error(`Event ${outcome.id} failed and will be retried: ${outcome.reason}`, fields);
            break;
        case "inFlight":
            log.warn(`Event ${outcome.id} is being handled by another delivery; asking for a retry`, fields);
            break;
        case "ignored":
            log.info(`Ignored event ${outcome.id}: ${outcome.reason}`, fields);
            break;
        case "duplicate":
            log.info(`Duplicate delivery of event ${outcome.id} skipped`, fields);
            break;
        case "processed":
            log.info(`Processed event ${outcome.id} (${outcome.steps?.join(", ") || "nothing left to do"})`, fields);
            break;
    }
    return outcome;
}

function summarise(outcomes: EventOutcome[]): BatchSummary {
    const counts: Record<OutcomeStatus, number> = { processed: 0, duplicate: 0, ignored: 0, rejected: 0, inFlight: 0, failed: 0 };
    for (const o of outcomes) counts[o.status]++;
    return { outcomes, counts, retry: counts.failed + counts.inFlight > 0 };
}

function errorMessage(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}
