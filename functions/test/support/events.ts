/**
 * Event builders for the tests: current payload shapes from AzureCommunicationServices.tsp of
 * https://github.com/Azure/azure-rest-api-specs, folder
 * specification/eventgrid/Azure.Messaging.EventGrid.SystemEvents/Microsoft.Communication,
 * https://learn.microsoft.com/azure/event-grid/cloud-event-schema, and the 2020 samples copied byte for byte from the
 * first ACS preview docs (the tests must not depend on a folder outside the repository).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const ACS_TOPIC =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Communication/" +
    "communicationServices/acs-demo";

export function smsReceived(id: string, data: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        id,
        topic: ACS_TOPIC,
        subject: "/phonenumber/15555555555",
        eventType: "Microsoft.Communication.SMSReceived",
        eventTime: "2026-11-20T10:00:01Z",
        dataVersion: "1.0",
        metadataVersion: "1",
        data: {
            messageId: `Incoming_${id}`,
            from: "15551230000",
            to: "15555555555",
            message: "Hello from the test",
            receivedTimestamp: "2026-11-20T10:00:00Z",
            segmentCount: 1,
            ...data,
        },
    };
}

export function deliveryReport(
    id: string,
    messageId: string,
    data: Record<string, unknown> = {},
): Record<string, unknown> {
    return {
        id,
        topic: ACS_TOPIC,
        subject: "/phonenumber/15555555555",
        eventType: "Microsoft.Communication.SMSDeliveryReportReceived",
        eventTime: "2026-11-20T10:05:01Z",
        dataVersion: "1.0",
        metadataVersion: "1",
        data: {
            messageId,
            from: "15555555555",
            to: "+15551230000",
            deliveryStatus: "Delivered",
            deliveryStatusDetails: "No error.",
            deliveryAttempts: [{ timestamp: "2026-11-20T10:05:00Z", segmentsSucceeded: 1, segmentsFailed: 0 }],
            receivedTimestamp: "2026-11-20T10:05:00Z",
            tag: "campaign-7",
            ...data,
        },
    };
}

export function chatMessageReceived(id: string): Record<string, unknown> {
    return {
        id,
        topic: ACS_TOPIC,
        subject: "thread/19:abc@thread.v2/sender/8:acs:1/recipient/8:acs:2",
        eventType: "Microsoft.Communication.ChatMessageReceived",
        eventTime: "2026-11-20T10:00:01Z",
        dataVersion: "1.0",
        metadataVersion: "1",
        data: { messageBody: "hi", messageId: "1600000000000", threadId: "19:abc@thread.v2" },
    };
}

/** The same SMS as CloudEvents 1.0 output (source = topic, type = eventType, time = eventTime). */
export function asCloudEvent(event: Record<string, unknown>): Record<string, unknown> {
    return {
        id: event.id,
        source: event.topic,
        subject: event.subject,
        type: event.eventType,
        time: event.eventTime,
        specversion: "1.0",
        datacontenttype: "application/json",
        data: event.data,
    };
}

/** Deep copy with every object key's first letter upper-cased, like the PascalCase doc samples. */
export function pascalCase(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(pascalCase);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), pascalCase(v)]));
}

export function earlySample(name: string): unknown[] {
    return JSON.parse(
        readFileSync(join(__dirname, "..", "fixtures", "early-preview", `${name}.json`), "utf8"),
    ) as unknown[];
}
