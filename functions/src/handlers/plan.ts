/**
 * What handling one event means, as data: the record write, the ticket and the notification. Handlers build a plan
 * from a parsed event without I/O; processBatch.ts runs it step by step under the ledger's claim.
 */
import { DeliveryUpdate, InboundRecord, Notification, Ticket } from "../ports";

export type RecordWrite =
    | { readonly kind: "inbound"; readonly record: InboundRecord }
    | { readonly kind: "deliveryReport"; readonly update: DeliveryUpdate };

export interface EventPlan {
    readonly record: RecordWrite;
    readonly ticket: Ticket;
    readonly notification: Notification;
}
