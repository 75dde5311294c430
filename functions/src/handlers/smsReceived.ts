/**
 * `Microsoft.Communication.SMSReceived`: someone texted one of our ACS numbers. We keep the message (one row per
 * message id under the receiving number), open a ticket for whoever answers it, and tell the on-call inbox.
 */
import { AcsEvent } from "../events/envelope";
import { SmsReceived } from "../events/sms";
import { EventPlan } from "./plan";

export function planSmsReceived(event: AcsEvent, sms: SmsReceived): EventPlan {
    const receivedAt = sms.receivedAt ?? event.eventTime;
    const record = {
        partitionKey: sms.acsNumber,
        rowKey: sms.messageId,
        direction: "inbound" as const,
        status: "received" as const,
        from: sms.from,
        to: sms.to,
        message: sms.message,
        receivedAt,
        statusAt: receivedAt ?? new Date(0).toISOString(),
        segmentCount: sms.segmentCount,
        eventId: event.id,
    };
    const summary = `SMS from ${sms.from} to ${sms.to}`;
    return {
        record: { kind: "inbound", record },
        ticket: {
            ticketVersion: 1,
            eventId: event.id,
            eventType: event.eventType,
            kind: "smsReceived",
            record: { partitionKey: record.partitionKey, rowKey: record.rowKey },
            acsNumber: sms.acsNumber,
            messageId: sms.messageId,
            summary,
            occurredAt: record.receivedAt,
        },
        notification: {
            subject: `SMS received: ${summary}`,
            plainText: [
                summary,
                `Received: ${record.receivedAt ?? "unknown"}`,
                `Message id: ${sms.messageId}`,
                "",
                sms.message,
            ].join("\n"),
        },
    };
}
