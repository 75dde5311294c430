/**
 * Envelope parsing: turns one raw delivered item into an `AcsEvent`, accepting both schemas an ACS system topic
 * subscription can output (https://learn.microsoft.com/azure/event-grid/cloud-event-schema):
 * - Event Grid schema: `id, topic, subject, eventType, eventTime, data, dataVersion, metadataVersion`;
 * - CloudEvents 1.0: `id, source, subject, type, time, specversion, data | data_base64`.
 * Keys are matched case-insensitively (so the REST example's misspelt `specVersion` is accepted) and unknown fields
 * are ignored, because schemas grow. Parsing never throws: a bad item becomes a `rejected` result with a reason.
 */
import { isPlainObject, KeyCaseConflictError, lowerCaseKeys, PlainObject } from "./normalise";

export type EnvelopeSchema = "EventGridSchema" | "CloudEventSchemaV1_0";

export interface AcsEvent {
    readonly id: string;
    readonly eventType: string;
    readonly subject?: string;
    /** Event Grid `topic` or CloudEvents `source`: the ACS resource id. */
    readonly source?: string;
    readonly eventTime?: string;
    /** `data` with every key lower-cased (see normalise.ts). */
    readonly data: PlainObject;
    readonly schema: EnvelopeSchema;
}

export type EnvelopeResult =
    | { readonly ok: true; readonly event: AcsEvent }
    | { readonly ok: false; readonly id?: string; readonly eventType?: string; readonly reason: string };

/** Longest event id we accept: the id becomes part of a Table Storage RowKey (1 KiB limit) after URI-encoding. */
export const MAX_EVENT_ID_LENGTH = 256;

/**
 * The items of one delivery. Event Grid always sends an array; CloudEvents receivers must also accept a single
 * object, and a body that arrives as a JSON string (some bindings hand over text) is parsed first.
 */
export function splitBatch(body: unknown): unknown[] {
    const value = typeof body === "string" ? tryParseJson(body) : body;
    return Array.isArray(value) ? value : [value];
}

export function parseEnvelope(raw: unknown): EnvelopeResult {
    const item = typeof raw === "string" ? tryParseJson(raw) : raw;
    if (!isPlainObject(item)) return { ok: false, reason: `event is ${describe(item)}, not a JSON object` };
    let event: PlainObject;
    try {
        event = lowerCaseKeys(item) as PlainObject;
    } catch (e) {
        if (e instanceof KeyCaseConflictError) return { ok: false, id: looseId(item), reason: e.message };
        throw e;
    }
    return "specversion" in event ? parseCloudEvent(event) : parseEventGridEvent(event);
}

function parseEventGridEvent(e: PlainObject): EnvelopeResult {
    if (!("eventtype" in e)) {
        return reject(e, "neither an Event Grid event (no eventType) nor a CloudEvent (no specversion)");
    }
    const problem = firstProblem(
        requireId(e.id),
        requireString(e.eventtype, "eventType"),
        optionalString(e.subject, "subject"),
        optionalString(e.topic, "topic"),
        optionalString(e.eventtime, "eventTime"),
        requireObject(e.data, "data"),
    );
    if (problem) return reject(e, problem, e.eventtype);
    return {
        ok: true,
        event: {
            id: e.id as string,
            eventType: e.eventtype as string,
            subject: e.subject as string | undefined,
            source: e.topic as string | undefined,
            eventTime: e.eventtime as string | undefined,
            data: e.data as PlainObject,
            schema: "EventGridSchema",
        },
    };
}

function parseCloudEvent(e: PlainObject): EnvelopeResult {
    const problem = firstProblem(
        e.specversion === "1.0" ? undefined : `specversion is ${describe(e.specversion)}, expected "1.0"`,
        requireId(e.id),
        requireString(e.type, "type"),
        requireString(e.source, "source"),
        optionalString(e.subject, "subject"),
        optionalString(e.time, "time"),
    );
    if (problem) return reject(e, problem, e.type);
    const data = cloudEventData(e);
    if (typeof data === "string") return reject(e, data, e.type);
    return {
        ok: true,
        event: {
            id: e.id as string,
            eventType: e.type as string,
            subject: e.subject as string | undefined,
            source: e.source as string,
            eventTime: e.time as string | undefined,
            data,
            schema: "CloudEventSchemaV1_0",
        },
    };
}

/** CloudEvents carry `data` (JSON) or `data_base64` (binary), never both; ACS data is always a JSON object. */
function cloudEventData(e: PlainObject): PlainObject | string {
    if ("data" in e && "data_base64" in e) return "has both data and data_base64";
    let data: unknown = e.data;
    if ("data_base64" in e) {
        if (typeof e.data_base64 !== "string") return "data_base64 is not a string";
        data = tryParseJson(Buffer.from(e.data_base64, "base64").toString("utf8"));
    } else if (typeof data === "string") {
        data = tryParseJson(data);
    }
    // Re-normalise: a decoded data_base64 / string payload was not lower-cased with the envelope.
    try {
        data = lowerCaseKeys(data, "data");
    } catch (err) {
        if (err instanceof KeyCaseConflictError) return err.message;
        throw err;
    }
    return requireObject(data, "data") ?? (data as PlainObject);
}

function reject(e: PlainObject, reason: string, eventType?: unknown): EnvelopeResult {
    return {
        ok: false,
        id: typeof e.id === "string" ? e.id : undefined,
        eventType: typeof eventType === "string" ? eventType : undefined,
        reason,
    };
}

/** The first problem of a list of field checks (each returns undefined when the field is fine). */
export function firstProblem(...problems: (string | undefined)[]): string | undefined {
    return problems.find((p) => p !== undefined);
}

function requireId(value: unknown): string | undefined {
    const problem = requireString(value, "id");
    if (problem) return problem;
    if ((value as string).length > MAX_EVENT_ID_LENGTH) return `id is longer than ${MAX_EVENT_ID_LENGTH} characters`;
    return undefined;
}

export function requireString(value: unknown, name: string): string | undefined {
    if (typeof value === "string" && value.trim() !== "") return undefined;
    return value === undefined ? `${name} is missing` : `${name} is ${describe(value)}, expected a non-empty string`;
}

export function optionalString(value: unknown, name: string): string | undefined {
    return value === undefined || value === null || typeof value === "string"
        ? undefined
        : `${name} is ${describe(value)}, expected a string`;
}

export function requireObject(value: unknown, name: string): string | undefined {
    if (isPlainObject(value)) return undefined;
    return value === undefined ? `${name} is missing` : `${name} is ${describe(value)}, expected an object`;
}

export function describe(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/** The id of an item we could not normalise, for the log line only. */
function looseId(item: PlainObject): string | undefined {
    const key = Object.keys(item).find((k) => k.toLowerCase() === "id");
    const id = key === undefined ? undefined : item[key];
    return typeof id === "string" ? id : undefined;
}

function tryParseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}
