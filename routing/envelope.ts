/**
 * The two envelopes an event can arrive in (https://learn.microsoft.com/azure/event-grid/cloud-event-schema) and the
 * one-way conversion Event Grid performs.
 * ACS publishes in the Event Grid schema; a subscription may re-emit it as CloudEvents 1.0.
 */

export type EventSchema = "EventGridSchema" | "CloudEventSchemaV1_0";

/** The fields filtering needs, read once per event so every subscription reuses them. */
export interface EventView {
    readonly schema: EventSchema;
    /** The event object itself (top-level attributes for CloudEvents). */
    readonly raw: Readonly<Record<string, unknown>>;
    /** `eventType` (Event Grid) or `type` (CloudEvents); undefined when absent or not a string. */
    readonly eventType: string | undefined;
    /** eventType lower-cased once, for the case-insensitive lookups every subscription does. */
    readonly eventTypeLower: string | undefined;
    readonly subject: string | undefined;
    /** subject lower-cased once, for the case-insensitive subject clauses every subscription tests. */
    readonly subjectLower: string | undefined;
    readonly data: unknown;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * CloudEvents are recognised by their mandatory `specversion` attribute, the only field the two envelopes never share.
 */
export function detectSchema(event: Readonly<Record<string, unknown>>): EventSchema {
    return "specversion" in event ? "CloudEventSchemaV1_0" : "EventGridSchema";
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** `eventType` (Event Grid) or `type` (CloudEvents), when a string. */
export const eventTypeOf = (event: Readonly<Record<string, unknown>>, schema: EventSchema): string | undefined =>
    str(schema === "EventGridSchema" ? event.eventType : event.type);

/** `subject`, when a string (both envelopes name it so). */
export const subjectOf = (event: Readonly<Record<string, unknown>>): string | undefined => str(event.subject);

/** Read an event once. Throws on a non-object, since nothing about it could be filtered. */
export function viewEvent(event: unknown): EventView {
    if (!isRecord(event))
        throw new TypeError(`an event must be a JSON object, got ${Array.isArray(event) ? "an array" : typeof event}`);
    const schema = detectSchema(event);
    const eventType = eventTypeOf(event, schema);
    const subject = subjectOf(event);
    return {
        schema,
        raw: event,
        eventType,
        eventTypeLower: eventType?.toLowerCase(),
        subject,
        subjectLower: subject?.toLowerCase(),
        data: event.data,
    };
}

/**
 * The Event Grid-schema event a system topic filtered, for a CloudEvents 1.0 delivery of an ACS event: the
 * inverse of toCloudEvent(). A system topic publishes in the Event Grid schema and converts only on delivery
 * (https://learn.microsoft.com/azure/event-grid/cloud-event-schema); ACS events carry dataVersion "1.0" and
 * metadataVersion "1" (every Event Grid-schema example in Azure/azure-rest-api-specs,
 * specification/eventgrid/data-plane/Microsoft.Communication/stable/2018-01-01/examples/event-grid-schema).
 * Event Grid-schema input comes back unchanged.
 */
export function toEventGridInput(event: Readonly<Record<string, unknown>>): Record<string, unknown> {
    if (detectSchema(event) === "EventGridSchema") return { ...event };
    return {
        id: event.id,
        topic: event.source,
        subject: event.subject,
        data: event.data,
        eventType: event.type,
        dataVersion: typeof event.dataversion === "string" ? event.dataversion : "1.0",
        metadataVersion: "1",
        eventTime: event.time,
    };
}

/**
 * The CloudEvents 1.0 form Event Grid delivers for an Event Grid-schema event
 * (https://learn.microsoft.com/azure/event-grid/cloud-event-schema mapping: `source` = topic,
 * `type` = eventType, `time` = eventTime; `id`, `subject` and `data` unchanged). There is no reverse: Event Grid
 * cannot turn CloudEvents input into Event Grid schema output.
 */
export function toCloudEvent(event: Readonly<Record<string, unknown>>): Record<string, unknown> {
    if (detectSchema(event) === "CloudEventSchemaV1_0") return { ...event };
    return {
        id: event.id,
        source: event.topic,
        specversion: "1.0",
        type: event.eventType,
        subject: event.subject,
        time: event.eventTime,
        data: event.data,
    };
}
