/**
 * The event types an Azure Communication Services resource publishes to its Event Grid system topic today,
 * with the subject shapes each one carries. Types and subjects:
 * https://learn.microsoft.com/azure/event-grid/event-schema-communication-services, the per-feature pages, and the
 * example events of Azure/azure-rest-api-specs (samples/events/SPEC-EXAMPLES.md); every subject of those examples fits
 * its type's shapes (test/catalog/payloads.spec.ts). Payload keys are generated from Microsoft's definitions
 * (catalog/payloads.ts), never written here.
 *
 * Subject shapes are written with placeholders: `{digits}` is one or more decimal digits (E.164 without `+`),
 * `{id}` is one or more characters other than `/`. They are indicative (copied from published samples), which
 * is why the policy pack only uses them to reject prefixes that can match nothing.
 */

import { payloadKeysOf } from "./payloads";
import type { PayloadKey } from "./payloadTypes";

/** The system topic type of an ACS resource. */
export const ACS_TOPIC_TYPE = "Microsoft.Communication.CommunicationServices";

/** Event families, used for grouping in reports and for diagnostic log categories. */
export enum EventFamily {
    Sms = "sms",
    ChatUser = "chatUser",
    ChatThread = "chatThread",
    Presence = "presence",
    Calling = "calling",
    Recording = "recording",
    Email = "email",
    AdvancedMessaging = "advancedMessaging",
    JobRouter = "jobRouter",
}

export interface EventTypeInfo {
    /** The full event type string, exactly as Event Grid compares it. */
    readonly type: string;
    readonly family: EventFamily;
    /** Published subject shapes; empty when Microsoft has not published one. */
    readonly subjects: readonly string[];
    /** Where Microsoft's sources disagree on the subject: which form comes from where (all are accepted). */
    readonly subjectNote?: string;
    /**
     * Top-level and nested `data` keys (wire names) the payload carries: `a.b` nesting, arrays end in `[]` (their
     * items' fields follow as `a[].b`), open string maps end in `.*` (any sub-key). Generated, see payloads.ts.
     */
    readonly dataKeys: readonly string[];
    /** The same keys with their value type and whether the model requires them. */
    readonly payloadKeys: readonly PayloadKey[];
}

const P = "Microsoft.Communication.";

const THREAD_USER = "thread/{id}/sender/{id}/recipient/{id}";
const THREAD = "thread/{id}/sender/{id}";
/**
 * The subject of Microsoft's example ChatTypingIndicatorReceivedInThread event (Event Grid schema) and of the
 * CloudEvents call_* examples in Azure/azure-rest-api-specs (specification/eventgrid/data-plane/
 * Microsoft.Communication/stable/2018-01-01/examples/). For the call events it looks copied from chat, but it is
 * what Microsoft documents, so we accept it rather than block a filter written from it.
 */
const THREAD_RAW_IDS = "thread/{id}/senderCommunicationIdentifierRawId/{id}/recipientCommunicationIdentifierRawId/{id}";
const JOB = "job/{id}/channel/{id}";

function t(type: string, family: EventFamily, subjects: string[], subjectNote?: string): EventTypeInfo {
    const keys = payloadKeysOf(P + type);
    return {
        type: P + type,
        family,
        subjects,
        ...(subjectNote ? { subjectNote } : {}),
        dataKeys: keys.map(([k]) => k),
        payloadKeys: keys,
    };
}

const CALL_NOTE =
    "Microsoft's Event Grid example uses call/…; its CloudEvents example carries a chat-style subject " +
    "(thread/…/senderCommunicationIdentifierRawId/…); both forms are accepted";

/**
 * Every current event type (54). Order follows
 * https://learn.microsoft.com/azure/event-grid/event-schema-communication-services.
 */
export const EVENT_TYPES: readonly EventTypeInfo[] = [
    t("SMSReceived", EventFamily.Sms, ["/phonenumber/{digits}"]),
    t("SMSDeliveryReportReceived", EventFamily.Sms, ["/phonenumber/{digits}"]),

    t("ChatMessageReceived", EventFamily.ChatUser, [THREAD_USER]),
    t("ChatMessageEdited", EventFamily.ChatUser, [THREAD_USER]),
    t("ChatMessageDeleted", EventFamily.ChatUser, [THREAD_USER]),
    t("ChatThreadCreatedWithUser", EventFamily.ChatUser, ["thread/{id}/createdBy/{id}/recipient/{id}"]),
    t("ChatThreadWithUserDeleted", EventFamily.ChatUser, ["thread/{id}/deletedBy/{id}/recipient/{id}"]),
    t("ChatThreadPropertiesUpdatedPerUser", EventFamily.ChatUser, ["thread/{id}/editedBy/{id}/recipient/{id}"]),
    t("ChatParticipantAddedToThreadWithUser", EventFamily.ChatUser, [
        "thread/{id}/participantAdded/{id}/recipient/{id}",
    ]),
    t("ChatParticipantRemovedFromThreadWithUser", EventFamily.ChatUser, [
        "thread/{id}/participantRemoved/{id}/recipient/{id}",
    ]),

    t("ChatThreadCreated", EventFamily.ChatThread, ["thread/{id}/createdBy/{id}"]),
    t("ChatThreadDeleted", EventFamily.ChatThread, ["thread/{id}/deletedBy/{id}"]),
    t("ChatThreadParticipantAdded", EventFamily.ChatThread, ["thread/{id}/participantadded/{id}"]),
    t("ChatThreadParticipantRemoved", EventFamily.ChatThread, ["thread/{id}/participantremoved/{id}"]),
    t("ChatThreadPropertiesUpdated", EventFamily.ChatThread, ["thread/{id}/editedBy/{id}"]),
    t("ChatMessageReceivedInThread", EventFamily.ChatThread, [THREAD]),
    t("ChatMessageEditedInThread", EventFamily.ChatThread, [THREAD]),
    t("ChatMessageDeletedInThread", EventFamily.ChatThread, [THREAD]),
    // The CloudEvents example uses the sender/recipient form, the Event Grid one the *RawId form: both accepted.
    t(
        "ChatTypingIndicatorReceivedInThread",
        EventFamily.ChatThread,
        [THREAD_USER, THREAD_RAW_IDS],
        "Microsoft's CloudEvents example uses thread/…/sender/…/recipient/…, its Event Grid example " +
            "thread/…/senderCommunicationIdentifierRawId/…/recipientCommunicationIdentifierRawId/…; both are accepted",
    ),
    t("ChatAzureBotCommandReceivedInThread", EventFamily.ChatThread, [THREAD_USER]),

    t("UserDisconnected", EventFamily.Presence, ["user/{id}"]),
    t("IncomingCall", EventFamily.Calling, ["/caller/{id}/recipient/{id}"]),
    t("CallStarted", EventFamily.Calling, ["call/{id}/startedBy/{id}", THREAD_RAW_IDS], CALL_NOTE),
    t("CallEnded", EventFamily.Calling, ["call/{id}", THREAD_RAW_IDS], CALL_NOTE),
    t(
        "CallParticipantAdded",
        EventFamily.Calling,
        ["call/{id}/participant/{id}", THREAD_USER, THREAD_RAW_IDS],
        CALL_NOTE,
    ),
    t("CallParticipantRemoved", EventFamily.Calling, ["call/{id}/participant/{id}", THREAD_RAW_IDS], CALL_NOTE),
    t("RecordingFileStatusUpdated", EventFamily.Recording, [
        "/recording/call/{id}/serverCallId/{id}/recordingId/{id}",
        "/recording/call/{id}/recordingId/{id}",
    ]),

    t("EmailDeliveryReportReceived", EventFamily.Email, ["sender/{id}/message/{id}"]),
    t("EmailEngagementTrackingReportReceived", EventFamily.Email, ["sender/{id}/message/{id}"]),

    t("AdvancedMessageReceived", EventFamily.AdvancedMessaging, ["advancedMessage/sender/{id}/recipient/{id}"]),
    t("AdvancedMessageDeliveryStatusUpdated", EventFamily.AdvancedMessaging, ["advancedMessage/{id}/status/{id}"]),
    // learn.microsoft.com/azure/event-grid/communication-services-advanced-messaging-events documents
    // `advancedMessage/sender/…`; Microsoft's example event uses `advanceMessageAnalysis/sender/…`. Both accepted.
    t(
        "AdvancedMessageAnalysisCompleted",
        EventFamily.AdvancedMessaging,
        ["advancedMessage/sender/{id}/recipient/{id}", "advanceMessageAnalysis/sender/{id}/recipient/{id}"],
        "the docs write advancedMessage/sender/…, Microsoft's example events " +
            "advanceMessageAnalysis/sender/…; both are accepted",
    ),

    ...["RouterJobReceived", "RouterJobWaitingForActivation", "RouterJobSchedulingFailed", "RouterJobDeleted"].map(
        (n) => t(n, EventFamily.JobRouter, [JOB]),
    ),
    ...["RouterJobClassified", "RouterJobQueued", "RouterJobWorkerSelectorsExpired"].map((n) =>
        t(n, EventFamily.JobRouter, [`${JOB}/queue/{id}`]),
    ),
    t("RouterJobClassificationFailed", EventFamily.JobRouter, [`${JOB}/classificationpolicy/{id}`]),
    ...["RouterJobCompleted", "RouterJobClosed", "RouterJobUnassigned"].map((n) =>
        t(n, EventFamily.JobRouter, [`${JOB}/assignment/{id}`]),
    ),
    t("RouterJobCancelled", EventFamily.JobRouter, [`${JOB}/disposition/{id}`]),
    t("RouterJobExceptionTriggered", EventFamily.JobRouter, [`${JOB}/exceptionrule/{id}`]),
    ...[
        "RouterWorkerOfferIssued",
        "RouterWorkerOfferAccepted",
        "RouterWorkerOfferDeclined",
        "RouterWorkerOfferRevoked",
        "RouterWorkerOfferExpired",
    ].map((n) => t(n, EventFamily.JobRouter, ["worker/{id}/job/{id}"])),
    ...["RouterWorkerRegistered", "RouterWorkerDeregistered", "RouterWorkerDeleted", "RouterWorkerUpdated"].map((n) =>
        t(n, EventFamily.JobRouter, ["worker/{id}"]),
    ),
];

const BY_TYPE = new Map(EVENT_TYPES.map((e) => [e.type, e]));

/** The catalog entry for an exact (case-sensitive) event type, or undefined. */
export function findEventType(type: string): EventTypeInfo | undefined {
    return BY_TYPE.get(type);
}

/** Well-known current event types, for code that names them. */
export const AcsEventTypes = {
    SmsReceived: `${P}SMSReceived`,
    SmsDeliveryReportReceived: `${P}SMSDeliveryReportReceived`,
    ChatMessageReceived: `${P}ChatMessageReceived`,
    ChatMessageEdited: `${P}ChatMessageEdited`,
    ChatMessageDeleted: `${P}ChatMessageDeleted`,
    ChatMessageReceivedInThread: `${P}ChatMessageReceivedInThread`,
    ChatMessageEditedInThread: `${P}ChatMessageEditedInThread`,
    ChatMessageDeletedInThread: `${P}ChatMessageDeletedInThread`,
    EmailDeliveryReportReceived: `${P}EmailDeliveryReportReceived`,
    IncomingCall: `${P}IncomingCall`,
    RecordingFileStatusUpdated: `${P}RecordingFileStatusUpdated`,
} as const;
