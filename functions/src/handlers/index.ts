/**
 * Event type → plan. Only the two SMS types are acted on; anything else the subscription lets through is reported
 * as ignored (logged, never retried), because an unknown type is a filter question, not a processing failure.
 */
import { AcsEvent } from "../events/envelope";
import { SMS_DELIVERY_REPORT_RECEIVED, SMS_RECEIVED } from "../events/eventTypes";
import { parseSmsDeliveryReport, parseSmsReceived } from "../events/sms";
import { EventPlan } from "./plan";
import { planSmsDeliveryReport } from "./smsDeliveryReport";
import { planSmsReceived } from "./smsReceived";

export type PlanResult =
    | { readonly kind: "plan"; readonly plan: EventPlan }
    | { readonly kind: "ignored"; readonly reason: string }
    | { readonly kind: "rejected"; readonly reason: string };

export function planEvent(event: AcsEvent): PlanResult {
    switch (event.eventType) {
        case SMS_RECEIVED: {
            const sms = parseSmsReceived(event);
            return sms.ok
                ? { kind: "plan", plan: planSmsReceived(event, sms.value) }
                : { kind: "rejected", reason: sms.reason };
        }
        case SMS_DELIVERY_REPORT_RECEIVED: {
            const report = parseSmsDeliveryReport(event);
            return report.ok
                ? { kind: "plan", plan: planSmsDeliveryReport(event, report.value) }
                : { kind: "rejected", reason: report.reason };
        }
        default:
            return { kind: "ignored", reason: `event type ${event.eventType} is not handled by this app` };
    }
}
