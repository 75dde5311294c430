/**
 * Typed ACS payloads for the events this project routes to webhooks. Field names and optionality follow Microsoft's
 * spec, Azure/azure-rest-api-specs `specification/eventgrid/data-plane/Microsoft.Communication/stable/2018-01-01/
 * AzureCommunicationServices.json` (definitions named next to each type). Unknown event types still reach user
 * code, untyped (`known: false`), because new types appear without notice.
 *
 * ACS has published `data` keys in camelCase and in PascalCase; `data` keys are normalised to camelCase here so
 * user code reads one spelling.
 */

/** CommunicationIdentifierModel (communication common.json): which kind is set depends on the participant. */
export interface CommunicationIdentifier {
    readonly rawId?: string;
    readonly kind?: string;
    readonly communicationUser?: { readonly id: string };
    readonly phoneNumber?: { readonly value: string };
    readonly microsoftTeamsUser?: { readonly userId: string; readonly isAnonymous?: boolean; readonly cloud?: string };
}

/** AcsSmsEventBaseProperties + AcsSmsReceivedEventData. */
export interface SmsReceivedData {
    readonly messageId?: string;
    readonly from?: string;
    readonly to?: string;
    readonly message: string;
    readonly receivedTimestamp?: string;
    readonly segmentCount: number;
}

/** AcsSmsDeliveryReportReceivedEventData (+ AcsSmsDeliveryAttemptProperties). */
export interface SmsDeliveryReportData {
    readonly messageId?: string;
    readonly from?: string;
    readonly to?: string;
    readonly deliveryStatus: string;
    readonly deliveryStatusDetails: string;
    readonly deliveryAttempts: readonly {
        readonly timestamp?: string;
        readonly segmentsSucceeded?: number;
        readonly segmentsFailed?: number;
    }[];
    readonly receivedTimestamp?: string;
    readonly tag?: string;
}

/** AcsChatEventBaseProperties + AcsChatMessageEventBaseProperties. */
export interface ChatMessageBase {
    readonly recipientCommunicationIdentifier?: CommunicationIdentifier;
    readonly transactionId?: string;
    readonly threadId?: string;
    readonly messageId?: string;
    readonly senderCommunicationIdentifier?: CommunicationIdentifier;
    readonly senderDisplayName?: string;
    readonly composeTime?: string;
    readonly type?: string;
    readonly version?: number;
}

/** AcsChatMessageReceivedEventData. */
export interface ChatMessageReceivedData extends ChatMessageBase {
    readonly messageBody?: string;
    readonly metadata?: Readonly<Record<string, string>>;
}

/** AcsChatMessageEditedEventData. */
export interface ChatMessageEditedData extends ChatMessageReceivedData {
    readonly editTime?: string;
}

/** AcsChatMessageDeletedEventData. */
export interface ChatMessageDeletedData extends ChatMessageBase {
    readonly deleteTime?: string;
}

/** AcsEmailDeliveryReportReceivedEventData. */
export interface EmailDeliveryReportData {
    readonly sender: string;
    readonly recipient: string;
    readonly internetMessageId: string;
    readonly messageId?: string;
    readonly status?: string;
    readonly deliveryStatusDetails: { readonly statusMessage?: string };
    readonly deliveryAttemptTimestamp?: string;
}

/** AcsIncomingCallEventData. */
export interface IncomingCallData {
    readonly to?: CommunicationIdentifier;
    readonly from?: CommunicationIdentifier;
    readonly serverCallId?: string;
    readonly callerDisplayName?: string;
    readonly incomingCallContext?: string;
    readonly correlationId?: string;
}

/** Event type → payload type. */
export interface AcsEventDataMap {
    "Microsoft.Communication.SMSReceived": SmsReceivedData;
    "Microsoft.Communication.SMSDeliveryReportReceived": SmsDeliveryReportData;
    "Microsoft.Communication.ChatMessageReceived": ChatMessageReceivedData;
    "Microsoft.Communication.ChatMessageEdited": ChatMessageEditedData;
    "Microsoft.Communication.ChatMessageDeleted": ChatMessageDeletedData;
    "Microsoft.Communication.EmailDeliveryReportReceived": EmailDeliveryReportData;
    "Microsoft.Communication.IncomingCall": IncomingCallData;
}

interface Envelope {
    readonly id: string;
    readonly subject: string;
    /** Event Grid `topic` or CloudEvents `source`: the ACS resource id. */
    readonly source: string;
    readonly eventTime: string;
    readonly schema: "EventGridSchema" | "CloudEventSchemaV1_0";
}

export type KnownAcsEvent = {
    [K in keyof AcsEventDataMap]: Envelope & {
        readonly known: true;
        readonly eventType: K;
        readonly data: AcsEventDataMap[K];
    };
}[keyof AcsEventDataMap];

export type UnknownAcsEvent = Envelope & {
    readonly known: false;
    readonly eventType: string;
    readonly data: Readonly<Record<string, unknown>>;
};

/** What user code receives: narrow on `known` and then `eventType` to get the typed payload. */
export type TypedAcsEvent = KnownAcsEvent | UnknownAcsEvent;

const KNOWN: ReadonlySet<string> = new Set<keyof AcsEventDataMap>([
    "Microsoft.Communication.SMSReceived",
    "Microsoft.Communication.SMSDeliveryReportReceived",
    "Microsoft.Communication.ChatMessageReceived",
    "Microsoft.Communication.ChatMessageEdited",
    "Microsoft.Communication.ChatMessageDeleted",
    "Microsoft.Communication.EmailDeliveryReportReceived",
    "Microsoft.Communication.IncomingCall",
]);

export class MalformedEventError extends Error {}

/**
 * One delivered item (Event Grid schema or CloudEvents 1.0) as a TypedAcsEvent; throws MalformedEventError naming
 * the missing envelope field. Payload fields are not checked beyond being an object: ACS owns them.
 */
export function toTypedEvent(raw: unknown): TypedAcsEvent {
    if (!raw || typeof raw !== "object" || Array.isArray(raw))
        throw new MalformedEventError("an event must be a JSON object");
    const e = raw as Record<string, unknown>;
    const cloud = "specversion" in e;
    const envelope = {
        id: e.id,
        eventType: cloud ? e.type : e.eventType,
        subject: e.subject ?? "",
        source: cloud ? e.source : e.topic,
        eventTime: cloud ? e.time : e.eventTime,
    };
    for (const [k, v] of Object.entries({ id: envelope.id, [cloud ? "type" : "eventType"]: envelope.eventType })) {
        if (typeof v !== "string" || v === "")
            throw new MalformedEventError(`event ${JSON.stringify(e.id ?? null)} has no ${k} string`);
    }
    const data = e.data ?? {};
    if (typeof data !== "object" || data === null || Array.isArray(data))
        throw new MalformedEventError(`event ${String(e.id)} has a data that is not an object`);
    const eventType = envelope.eventType as string;
    return {
        id: envelope.id as string,
        eventType,
        subject: String(envelope.subject),
        source: String(envelope.source ?? ""),
        eventTime: String(envelope.eventTime ?? ""),
        schema: cloud ? "CloudEventSchemaV1_0" : "EventGridSchema",
        known: KNOWN.has(eventType),
        data: camelKeys(data) as any,
    } as TypedAcsEvent;
}

function camelKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(camelKeys);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camelKeys(v)]),
    );
}
