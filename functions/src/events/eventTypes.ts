/**
 * The event types this app acts on. Full strings, compared exactly: Event Grid delivers the canonical spelling and
 * the subscription filter already selected them
 * (https://learn.microsoft.com/azure/event-grid/event-schema-communication-services). Everything else is logged and
 * ignored.
 */
export const SMS_RECEIVED = "Microsoft.Communication.SMSReceived";
export const SMS_DELIVERY_REPORT_RECEIVED = "Microsoft.Communication.SMSDeliveryReportReceived";

/** Event Grid control event; the Functions Event Grid trigger answers it itself, but a replayed body may carry it. */
export const SUBSCRIPTION_VALIDATION = "Microsoft.EventGrid.SubscriptionValidationEvent";

export const HANDLED_EVENT_TYPES = [SMS_RECEIVED, SMS_DELIVERY_REPORT_RECEIVED] as const;
export type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];

export function isHandledEventType(type: string): type is HandledEventType {
    return (HANDLED_EVENT_TYPES as readonly string[]).includes(type);
}
