/**
 * Handles one delivery (a batch of events): parse → plan → run the plan's steps under a durable, per-event claim.
 *
 * Exactly-once effects on top of at-least-once delivery
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry,
 * https://learn.microsoft.com/azure/event-grid/event-schema):
 * 1. The ledger row for `(eventType, id)` lives in Table Storage, so dedupe survives restarts and scale-out
 *    (an in-memory set would not: two instances can receive the same event).
 * 2. A delivery must CLAIM the row (insert-if-absent, or an ETag-conditional takeover of an expired lease) before
 *    doing anything; a concurrent duplicate sees the lease and backs off ("inFlight" → retried later by Event Grid).
 * 3. Steps run in a fixed order (record → ticket → email) and each one's completion is written to the ledger with an
 *    ETag-conditional merge before the next starts. A retry after a crash resumes at the first unfinished step, so
 *    the ticket and the email are never lost. The ticket can be duplicated only by a crash between its enqueue and
 *    its ledger write: tickets carry the event id for consumer-side dedupe. The email cannot be recalled, so its
 *    send is recorded on the ledger BEFORE it is made, and a retry that finds a recorded send asks ACS about it
 *    instead of sending again (`sendEmailOnce`).
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
import {
    Claim,
    EventLedger,
    LedgerKey,
    Logger,
    NOT_FOUND,
    NotificationResult,
    Notifier,
    RecordStore,
    StepName,
    STEPS,
    TicketQueue,
} from "./ports";

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
    if (!parsed.ok)
        return logged(deps.log, {
            id: parsed.id,
            eventType: parsed.eventType,
            status: "rejected",
            reason: parsed.reason,
        });
    const { event } = parsed;
    const planned = planEvent(event);
    if (planned.kind !== "plan") {
        return logged(deps.log, {
            id: event.id,
            eventType: event.eventType,
            status: planned.kind,
            reason: planned.reason,
        });
    }
    try {
        return logged(deps.log, await runPlan(event, planned.plan, deps, owner));
    } catch (e) {
        return logged(deps.log, {
            id: event.id,
            eventType: event.eventType,
            status: "failed",
            reason: errorMessage(e),
        });
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
            let details: Record<string, string>;
            if (step !== "emailed") details = await runStep(step, plan, deps);
            else if (claim.emailOperationId) details = await sendEmailOnce(plan, claim, key, deps, now());
            else {
                // The send is recorded before it is made (see sendEmailOnce); the claim keeps the new ETag for release.
                claim = await deps.ledger.recordEmailAttempt(claim, operationIdFor(key), now());
                details = emailDetails(await deps.notifier.send(plan.notification, operationIdFor(key)), key, deps.log);
            }
            claim = await deps.ledger.markDone(claim, step, now(), details);
            performed.push(step);
        }
    } catch (e) {
        await deps.ledger.release(claim).catch(() => undefined);
        throw e;
    }
    return { ...base, status: "processed", steps: performed };
}

/** Runs the side effect of a step other than the email; returns details worth keeping on the ledger row. */
async function runStep(
    step: Exclude<StepName, "emailed">,
    plan: EventPlan,
    deps: HandlerDeps,
): Promise<Record<string, string>> {
    switch (step) {
        case "recorded": {
            const write = plan.record;
            const result =
                write.kind === "inbound"
                    ? deps.records.recordInbound(write.record)
                    : deps.records.applyDeliveryReport(write.update);
            return { recordUpdate: await result };
        }
        case "ticketed":
            await deps.tickets.enqueue(plan.ticket);
            return {};
    }
}

/**
 * ACS has answered 404 for an operation it had accepted, right after the send (Azure/azure-sdk-for-python#35849),
 * so a 404 counts as "never arrived" only this long after the send was recorded. 90 s: Event Grid's 4th attempt
 * (about 1 min 40 s after the first) is the first to resend, with a margin for Event Grid's randomised retry times.
 */
export const NOT_FOUND_TRUSTED_AFTER_MS = 90_000;

/**
 * At most one email per event, never none. runPlan records the send on the ledger (with its deterministic operation
 * id, idempotency.ts) before making it. A delivery that finds a recorded send asks ACS about that operation: if ACS
 * knows it (accepted, running, succeeded or failed), the step is done without sending; only when ACS does not know
 * it (404, trusted after NOT_FOUND_TRUSTED_AFTER_MS: the send never reached ACS) is it sent again, under the same id.
 * We never rely on ACS collapsing two sends with one operation id: nothing documents that it does.
 *
 * "Failed" (or "Canceled") is ACS's terminal answer for an email it accepted, e.g. a rejected recipient: the event
 * completes with that status on its ledger row and an error in the log, and we do NOT send again under a new id —
 * a retry rarely fixes such a failure, and for several recipients it could reach some of them twice.
 */
async function sendEmailOnce(
    plan: EventPlan,
    claim: Claim,
    key: LedgerKey,
    deps: HandlerDeps,
    now: Date,
): Promise<Record<string, string>> {
    const operationId = claim.emailOperationId!;
    const seen = await deps.notifier.status(operationId);
    if (seen.status !== NOT_FOUND) return emailDetails(seen, key, deps.log);
    const age = claim.emailAttemptAt ? now.getTime() - Date.parse(claim.emailAttemptAt) : Infinity;
    if (age < NOT_FOUND_TRUSTED_AFTER_MS) {
        const sent = `sent ${Math.round(age / 1000)} s ago`;
        throw new Error(
            `ACS does not know email operation ${operationId} yet (${sent}); retrying later rather than ` +
                "risking a second email",
        );
    }
    return emailDetails(await deps.notifier.send(plan.notification, operationId), key, deps.log);
}

function emailDetails(result: NotificationResult, key: LedgerKey, log: Logger): Record<string, string> {
    if (result.status === "Failed" || result.status === "Canceled") {
        // Accepted but not delivered: an operator can act on it, a resend would not help (see sendEmailOnce).
        log.error(`ACS reports the notification for event ${key.eventId} as ${result.status}; it is not sent again`, {
            ...result,
        });
    }
    return { emailOperationId: result.operationId, emailStatus: result.status };
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
    const counts: Record<OutcomeStatus, number> = {
        processed: 0,
        duplicate: 0,
        ignored: 0,
        rejected: 0,
        inFlight: 0,
        failed: 0,
    };
    for (const o of outcomes) counts[o.status]++;
    return { outcomes, counts, retry: counts.failed + counts.inFlight > 0 };
}

function errorMessage(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}
