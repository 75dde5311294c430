/**
 * `Microsoft.Communication.SMSDeliveryReportReceived`: ACS tells us whether an SMS we sent reached the handset. The
 * report updates that message's row (status, attempts), and a ticket plus an email let someone follow up on it.
 */
import { AcsEvent } from "../events/envelope";
import { SmsDeliveryReport } from "../events/sms";
import { EventPlan } from "./plan";

export function planSmsDeliveryReport(event: AcsEvent, report: SmsDeliveryReport): EventPlan {
    // The report's own time orders competing reports; the envelope time is the fallback for 2020 payloads.
    const statusAt = report.receivedAt ?? report.lastAttemptAt ?? event.eventTime ?? new Date(0).toISOString();
    const update = {
        partitionKey: report.acsNumber,
        rowKey: report.messageId,
        direction: "outbound" as const,
        status: report.status,
        rawStatus: report.rawStatus,
        statusDetails: report.statusDetails,
        attempts: report.attempts,
        segmentsSucceeded: report.segmentsSucceeded,
        segmentsFailed: report.segmentsFailed,
        lastAttemptAt: report.lastAttemptAt,
        statusAt,
        from: report.from,
        to: report.to,
        tag: report.tag,
        eventId: event.id,
    };
    const summary = `SMS from ${report.from} to ${report.to}: ${report.status}`;
    const details = report.statusDetails ? ` (${report.statusDetails})` : "";
    return {
        record: { kind: "deliveryReport", update },
        ticket: {
            ticketVersion: 1,
            eventId: event.id,
            eventType: event.eventType,
            kind: "smsDeliveryReport",
            record: { partitionKey: update.partitionKey, rowKey: update.rowKey },
            acsNumber: report.acsNumber,
            messageId: report.messageId,
            summary,
            occurredAt: statusAt,
        },
        notification: {
            subject: `SMS delivery report: ${summary}`,
            plainText: [
                summary,
                `Status from ACS: ${report.rawStatus ?? "not given"}${details}`,
                `Attempts: ${report.attempts}, segments succeeded ${report.segmentsSucceeded}, failed ` +
                    `${report.segmentsFailed}`,
                `Message id: ${report.messageId}`,
                report.tag ? `Tag: ${report.tag}` : "",
            ]
                .filter((line) => line !== "")
                .join("\n"),
        },
    };
}
