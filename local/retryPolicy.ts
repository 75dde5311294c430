/**
 * Event Grid's delivery decisions, as documented in "Event Grid message delivery and retry"
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry). Pure functions: the engine asks what to do
 * after each attempt and when to try again.
 */

import { LIMITS, RETRY_SCHEDULE_SECONDS, RETRY_THEN_EVERY_SECONDS } from "../validation/limits";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * Delay before retry n (index 0 = before the 2nd attempt): validation/limits.ts RETRY_SCHEDULE_SECONDS, the
 * current page's "10 seconds, 30 seconds, 1 minute, 5 minutes, 10 minutes, 30 minutes, 1 hour, 3 hours, 6 hours,
 * every 12 hours up to 24 hours"; older revisions said "1 hour, then hourly". Either way `maxDeliveryAttempts` and
 * `eventTimeToLiveInMinutes` (whichever comes first) end the retries. Azure also randomises the schedule slightly;
 * the local loop does not, so runs are reproducible.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = RETRY_SCHEDULE_SECONDS.map((s) => s * SECOND);
const THEN_EVERY_MS = RETRY_THEN_EVERY_SECONDS * SECOND;

/** Defaults of `retryPolicy` (same page, "Retry policy"), from validation/limits.ts. */
export const DEFAULT_MAX_DELIVERY_ATTEMPTS = LIMITS.maxDeliveryAttempts.default;
export const DEFAULT_EVENT_TTL_MINUTES = LIMITS.eventTimeToLiveInMinutes.default;

/** Event Grid waits 30 seconds for a response, then queues the message for retry (same page). */
export const RESPONSE_TIMEOUT_MS = 30 * SECOND;

export function retryDelayMs(failedAttempts: number): number {
    return RETRY_SCHEDULE_MS[failedAttempts - 1] ?? THEN_EVERY_MS;
}

/** `webhook` covers WebHook endpoints (incl. a Logic App trigger URL); `azure` every Azure resource destination. */
export type EndpointFamily = "webhook" | "azure";

export type AttemptVerdict =
    | { readonly kind: "delivered" }
    /** Not retried: dead-lettered at once, or dropped without a dead-letter destination. */
    | { readonly kind: "final"; readonly outcome: string }
    | { readonly kind: "retry"; readonly outcome: string; readonly minDelayMs: number };

/**
 * The page's tables: success is 200–204 only; "no retry" for 400 and 413 (Azure resources also 403; webhooks
 * also 401 and 403); otherwise a retry no sooner than the minimum delay for that status (404 and 401 at least
 * 5 minutes, 408 at least 2 minutes, 503 at least 30 seconds, anything else at least 10 seconds). `undefined`
 * status means no HTTP answer (timeout, refused connection).
 */
export function judgeAttempt(status: number | undefined, family: EndpointFamily, timedOut = false): AttemptVerdict {
    if (status !== undefined && status >= 200 && status <= 204) return { kind: "delivered" };
    if (status === undefined)
        return { kind: "retry", outcome: timedOut ? "TimedOut" : "SocketError", minDelayMs: 10 * SECOND };
    const noRetry = family === "webhook" ? [400, 401, 403, 413] : [400, 403, 413];
    if (noRetry.includes(status)) return { kind: "final", outcome: outcomeName(status) };
    return { kind: "retry", outcome: outcomeName(status), minDelayMs: MIN_DELAY_MS[status] ?? 10 * SECOND };
}

const MIN_DELAY_MS: Readonly<Record<number, number>> = {
    401: 5 * MINUTE,
    404: 5 * MINUTE,
    408: 2 * MINUTE,
    503: 30 * SECOND,
};

/**
 * `lastDeliveryOutcome` names (the page's dead-letter section lists NotFound, Unauthorized, BadRequest, TimedOut,
 * Busy, PayloadTooLarge, Forbidden, …). Other statuses have no documented name: we keep Azure's generic "Busy".
 */
function outcomeName(status: number): string {
    switch (status) {
        case 400:
            return "BadRequest";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "NotFound";
        case 408:
            return "TimedOut";
        case 413:
            return "PayloadTooLarge";
        default:
            return "Busy";
    }
}

export interface RetryPolicy {
    readonly maxDeliveryAttempts: number;
    readonly eventTimeToLiveInMinutes: number;
}

/**
 * When the next attempt happens, or why there is none. The next attempt waits for the later of the schedule and
 * the status' minimum delay; it is skipped if it would exceed the attempts or fall after the event's time to live
 * (TTL is measured from publish time and, per the page, checked when the next attempt is due).
 */
export function nextAttempt(
    attemptsSoFar: number,
    verdict: Extract<AttemptVerdict, { kind: "retry" }>,
    policy: RetryPolicy,
    publishedAtMs: number,
    nowMs: number,
): { readonly at: number } | { readonly deadLetterReason: string } {
    if (attemptsSoFar >= policy.maxDeliveryAttempts) return { deadLetterReason: "MaxDeliveryAttemptsExceeded" };
    const at = nowMs + Math.max(retryDelayMs(attemptsSoFar), verdict.minDelayMs);
    if (at > publishedAtMs + policy.eventTimeToLiveInMinutes * MINUTE)
        return { deadLetterReason: "TimeToLiveExceeded" };
    return { at };
}
