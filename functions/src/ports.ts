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

export interface RecordStore {
    /** Idempotent: writing the same inbound record twice leaves one row with the same content. */
    recordInbound(record: InboundRecord): Promise<void>;
    /** Idempotent; returns "stale" when the stored status is newer than this report. */
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
    /** Final ACS status when polling finished in time ("Succeeded", "Failed"...), else "Accepted". */
    readonly status: string;
}

export interface Notifier {
    /**
     * Sends one notification. Resolves once ACS has accepted the send; rejects only when it was not accepted, so
     * a rejection is safe to retry without a duplicate email.
     */
    send(notification: Notification, operationId: string): Promise<NotificationResult>;
}

/** The steps of handling one event, in the order they run. */
export const STEPS = ["recorded", "ticketed", "emailed"] as const;
export type StepName = (typeof STEPS)[number];
export type StepFlags = Readonly<Record<StepName, boolean>>;

/** Dedupe key: Event Grid ids are unique per event type and publisher (https://learn.microsoft.com/azure/event-grid/event-schema item 4). */
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
}

export type ClaimResult =
    | { readonly state: "claimed"; readonly claim: Claim }
    | { readonly state: "done" }
    | { readonly state: "busy"; readonly leaseUntil: string };

export interface EventLedger {
    claim(key: LedgerKey, owner: string, now: Date): Promise<ClaimResult>;
    /** Records that `step` is done; rejects with LeaseLostError if another delivery took the claim meanwhile. */
    markDone(claim: Claim, step: StepName, now: Date, details?: Record<string, string>): Promise<Claim>;
    /** Gives the lease up after a failure so the retry does not have to wait for it to expire. Best effort. */
    release(claim: Claim): Promise<void>;
}

export class LeaseLostError extends Error {
    constructor(key: LedgerKey) {
        super(`another delivery took over event ${key.eventId} (${key.eventType}) while this one was running`);
    }
}
