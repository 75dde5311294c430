/**
 * The ports the handler logic talks to. Production wires Table Storage, Queue Storage and ACS Email adapters
 * (src/adapters/); tests wire the same adapters against Azurite and a recording HTTP transport. The logic never
 * imports an Azure SDK, so it can be read and tested as plain functions.
 */

export interface Logger {
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
    error(message: string, fields?: Record<string, unknown>): void;
}

/** One row per SMS message, partitioned by the ACS phone number (digits), keyed by the ACS message id. */
export interface RecordKey {
    readonly partitionKey: string;
    readonly rowKey: string;
}

/** An SMS received by one of our ACS numbers. */
export interface InboundRecord extends RecordKey {
    readonly direction: "inbound";
    readonly status: "received";
    readonly from: string;
    readonly to: string;
    readonly message: string;
    readonly receivedAt?: string;
    /** Orders this write against a delivery report for the same row, like `DeliveryUpdate.statusAt`. */
    readonly statusAt: string;
    readonly segmentCount?: number;
    readonly eventId: string;
}

/** The delivery state of an SMS we sent, as the latest delivery report tells it. */
export interface DeliveryUpdate extends RecordKey {
    readonly direction: "outbound";
    readonly status: "delivered" | "failed" | "unknown";
    readonly rawStatus?: string;
    readonly statusDetails?: string;
    readonly attempts: number;
    readonly segmentsSucceeded: number;
    readonly segmentsFailed: number;
    readonly lastAttemptAt?: string;
    /** When this status became true; an older report never overwrites a newer one (delivery is unordered). */
    readonly statusAt: string;
    readonly from: string;
    readonly to: string;
    readonly tag?: string;
    readonly eventId: string;
}

/**
 * Both writes are idempotent and order-independent: a row keeps the latest write by `statusAt` (ties broken by a
 * fixed order, see tableRecords.ts), and "stale" means a later write is already stored, so this one changed nothing.
 */
export interface RecordStore {
    recordInbound(record: InboundRecord): Promise<"applied" | "stale">;
    applyDeliveryReport(update: DeliveryUpdate): Promise<"applied" | "stale">;
}

/** The work item a downstream worker picks up. Carries the event id so a consumer can drop a rare duplicate. */
export interface Ticket {
    readonly ticketVersion: 1;
    readonly eventId: string;
    readonly eventType: string;
    readonly kind: "smsReceived" | "smsDeliveryReport";
    readonly record: RecordKey;
    readonly acsNumber: string;
    readonly messageId: string;
    readonly summary: string;
    readonly occurredAt?: string;
}

export interface TicketQueue {
    enqueue(ticket: Ticket): Promise<void>;
}

export interface Notification {
    readonly subject: string;
    readonly plainText: string;
}

export interface NotificationResult {
    /** ACS operation id (we choose it, see idempotency.ts). */
    readonly operationId: string;
    /**
     * Final ACS status when known ("Succeeded", "Failed", "Canceled"), else "Accepted"; `status()` also answers
     * NOT_FOUND when ACS has no operation with that id (the send never reached it).
     */
    readonly status: string;
}

export const NOT_FOUND = "NotFound";

export interface Notifier {
    /**
     * Sends one notification. Resolves once ACS has accepted the send (with the status seen so far); rejects when
     * it was not accepted OR when we cannot tell (the answer was lost), so a caller must ask `status` before sending
     * the same notification again.
     */
    send(notification: Notification, operationId: string): Promise<NotificationResult>;
    /** Asks ACS about an earlier send, without sending anything. */
    status(operationId: string): Promise<NotificationResult>;
}

/** The steps of handling one event, in the order they run. */
export const STEPS = ["recorded", "ticketed", "emailed"] as const;
export type StepName = (typeof STEPS)[number];
export type StepFlags = Readonly<Record<StepName, boolean>>;

/**
 * Dedupe key: Event Grid ids are unique per event type and publisher
 * (https://learn.microsoft.com/azure/event-grid/event-schema item 4).
 */
export interface LedgerKey {
    readonly eventType: string;
    readonly eventId: string;
}

/** Exclusive, time-limited right to run the remaining steps of one event; `etag` guards every write. */
export interface Claim {
    readonly key: LedgerKey;
    readonly owner: string;
    readonly etag: string;
    readonly steps: StepFlags;
    /** How many deliveries have claimed this event, this one included. */
    readonly deliveries: number;
    /**
     * Set once an email send was recorded (before it was made): a later delivery asks ACS about it, never resends
     * blindly.
     */
    readonly emailOperationId?: string;
    /** When that send was recorded (ISO 8601). */
    readonly emailAttemptAt?: string;
}

export type ClaimResult =
    | { readonly state: "claimed"; readonly claim: Claim }
    | { readonly state: "done" }
    | { readonly state: "busy"; readonly leaseUntil: string };

export interface EventLedger {
    claim(key: LedgerKey, owner: string, now: Date): Promise<ClaimResult>;
    /** Records that `step` is done; rejects with LeaseLostError if another delivery took the claim meanwhile. */
    markDone(claim: Claim, step: StepName, now: Date, details?: Record<string, string>): Promise<Claim>;
    /** Records, before the email is sent, that it is about to be sent under `operationId`; rejects like markDone. */
    recordEmailAttempt(claim: Claim, operationId: string, now: Date): Promise<Claim>;
    /** Gives the lease up after a failure so the retry does not have to wait for it to expire. Best effort. */
    release(claim: Claim): Promise<void>;
}

export class LeaseLostError extends Error {
    constructor(key: LedgerKey) {
        super(`another delivery took over event ${key.eventId} (${key.eventType}) while this one was running`);
    }
}
