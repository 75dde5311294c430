/**
 * The event types an Azure Communication Services resource publishes to its Event Grid system topic today,
 * with the subject shape each one carries. Source: https://learn.microsoft.com/azure/event-grid/event-schema-communication-services, which cites
 * https://learn.microsoft.com/azure/event-grid/event-schema-communication-services and the per-feature pages.
 *
 * Subject shapes are written with placeholders: `{digits}` is one or more decimal digits (E.164 without `+`),
 * `{id}` is one or more characters other than `/`. They are indicative (copied from published samples), which
 * is why the policy pack only uses them to reject prefixes that can match nothing.
 */

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
    /** Top-level and nested `data` keys (wire names, camelCase) the payload carries; arrays end in `[]`. */
    readonly dataKeys: readonly string[];
}

const P = "Microsoft.Communication.";

const SMS_RECEIVED_KEYS = ["messageId", "from", "to", "message", "receivedTimestamp", "segmentCount"];
const SMS_REPORT_KEYS = [
    "messageId", "from", "to", "deliveryStatus", "deliveryStatusDetails", "deliveryAttempts[]",
    "deliveryAttempts[].timestamp", "deliveryAttempts[].segmentsSucceeded", "deliveryAttempts[].segmentsFailed",
    "receivedTimestamp", "tag",
];
const IDENTIFIER = (k: string) => [
    k, `${k}.rawId`, `${k}.kind`, `${k}.communicationUser.id`, `${k}.phoneNumber.value`,
    `${k}.microsoftTeamsUser.userId`, `${k}.microsoftTeamsUser.isAnonymous`, `${k}.microsoftTeamsUser.cloud`,
    `${k}.microsoftTeamsApp.appId`, `${k}.microsoftTeamsApp.cloud`,
];
const CHAT_BASE = [
    "transactionId", "threadId", "messageId", ...IDENTIFIER("senderCommunicationIdentifier"), "senderDisplayName",
    "composeTime", "type", "version",
];
const CHAT_USER_BASE = [...CHAT_BASE, ...IDENTIFIER("recipientCommunicationIdentifier")];
const CHAT_THREAD_KEYS = [
    "transactionId", "threadId", "version", "createTime", ...IDENTIFIER("createdByCommunicationIdentifier"),
    "properties", "metadata", "participants[]",
];
const THREAD_USER = "thread/{id}/sender/{id}/recipient/{id}";
const THREAD = "thread/{id}/sender/{id}";
const ROUTER_JOB = ["jobId", "channelReference", "channelId", "queueId", "labels", "tags"];
const ROUTER_WORKER = ["workerId", "jobId", "channelReference", "channelId", "queueId", "offerId"];

function t(type: string, family: EventFamily, subjects: string[], dataKeys: string[]): EventTypeInfo {
    return { type: P + type, family, subjects, dataKeys };
}

/** Every current event type (54). Order follows https://learn.microsoft.com/azure/event-grid/event-schema-communication-services. */
export const EVENT_TYPES: readonly EventTypeInfo[] = [
    t("SMSReceived", EventFamily.Sms, ["/phonenumber/{digits}"], SMS_RECEIVED_KEYS),
    t("SMSDeliveryReportReceived", EventFamily.Sms, ["/phonenumber/{digits}"], SMS_REPORT_KEYS),

    t("ChatMessageReceived", EventFamily.ChatUser, [THREAD_USER], [...CHAT_USER_BASE, "messageBody", "metadata"]),
    t("ChatMessageEdited", EventFamily.ChatUser, [THREAD_USER], [...CHAT_USER_BASE, "messageBody", "metadata", "editTime"]),
    t("ChatMessageDeleted", EventFamily.ChatUser, [THREAD_USER], [...CHAT_USER_BASE, "deleteTime"]),
    t("ChatThreadCreatedWithUser", EventFamily.ChatUser, ["thread/{id}/createdBy/{id}/recipient/{id}"],
        [...CHAT_THREAD_KEYS, ...IDENTIFIER("recipientCommunicationIdentifier")]),
    t("ChatThreadWithUserDeleted", EventFamily.ChatUser, ["thread/{id}/deletedBy/{id}/recipient/{id}"],
        ["transactionId", "threadId", "version", "createTime", "deleteTime", ...IDENTIFIER("deletedByCommunicationIdentifier"), ...IDENTIFIER("recipientCommunicationIdentifier")]),
    t("ChatThreadPropertiesUpdatedPerUser", EventFamily.ChatUser, ["thread/{id}/editedBy/{id}/recipient/{id}"],
        ["transactionId", "threadId", "version", "createTime", "editTime", "properties", "metadata", ...IDENTIFIER("editedByCommunicationIdentifier"), ...IDENTIFIER("recipientCommunicationIdentifier")]),
    t("ChatParticipantAddedToThreadWithUser", EventFamily.ChatUser, ["thread/{id}/participantAdded/{id}/recipient/{id}"],
        ["transactionId", "threadId", "version", "createTime", "time", "participantAdded", ...IDENTIFIER("addedByCommunicationIdentifier"), ...IDENTIFIER("recipientCommunicationIdentifier")]),
    t("ChatParticipantRemovedFromThreadWithUser", EventFamily.ChatUser, ["thread/{id}/participantRemoved/{id}/recipient/{id}"],
        ["transactionId", "threadId", "version", "createTime", "time", "participantRemoved", ...IDENTIFIER("removedByCommunicationIdentifier"), ...IDENTIFIER("recipientCommunicationIdentifier")]),

    t("ChatThreadCreated", EventFamily.ChatThread, ["thread/{id}/createdBy/{id}"], CHAT_THREAD_KEYS),
    t("ChatThreadDeleted", EventFamily.ChatThread, ["thread/{id}/deletedBy/{id}"],
        ["transactionId", "threadId", "version", "createTime", "deleteTime", ...IDENTIFIER("deletedByCommunicationIdentifier")]),
    t("ChatThreadParticipantAdded", EventFamily.ChatThread, ["thread/{id}/participantadded/{id}"],
        ["transactionId", "threadId", "version", "createTime", "time", "participantAdded", ...IDENTIFIER("addedByCommunicationIdentifier")]),
    t("ChatThreadParticipantRemoved", EventFamily.ChatThread, ["thread/{id}/participantremoved/{id}"],
        ["transactionId", "threadId", "version", "createTime", "time", "participantRemoved", ...IDENTIFIER("removedByCommunicationIdentifier")]),
    t("ChatThreadPropertiesUpdated", EventFamily.ChatThread, ["thread/{id}/editedBy/{id}"],
        ["transactionId", "threadId", "version", "createTime", "editTime", "properties", "metadata", ...IDENTIFIER("editedByCommunicationIdentifier")]),
    t("ChatMessageReceivedInThread", EventFamily.ChatThread, [THREAD], [...CHAT_BASE, "messageBody", "metadata"]),
    t("ChatMessageEditedInThread", EventFamily.ChatThread, [THREAD], [...CHAT_BASE, "messageBody", "metadata", "editTime"]),
    t("ChatMessageDeletedInThread", EventFamily.ChatThread, [THREAD], [...CHAT_BASE, "deleteTime"]),
    t("ChatTypingIndicatorReceivedInThread", EventFamily.ChatThread, [THREAD_USER], [...CHAT_BASE, "messageBody", "metadata"]),
    t("ChatAzureBotCommandReceivedInThread", EventFamily.ChatThread, [], [...CHAT_BASE, "messageBody", "metadata"]),

    t("UserDisconnected", EventFamily.Presence, ["user/{id}"], [...IDENTIFIER("userCommunicationIdentifier")]),
    t("IncomingCall", EventFamily.Calling, ["/caller/{id}/recipient/{id}"],
        [...IDENTIFIER("to"), ...IDENTIFIER("from"), "serverCallId", "callerDisplayName", "customContext",
            "customContext.sipHeaders", "customContext.voipHeaders", "incomingCallContext", "onBehalfOfCallee", "correlationId"]),
    t("CallStarted", EventFamily.Calling, ["call/{id}/startedBy/{id}"],
        ["startedBy", "serverCallId", "group", "room", "isTwoParty", "correlationId", "isRoomsCall"]),
    t("CallEnded", EventFamily.Calling, ["call/{id}"],
        ["endedBy", "reason", "callDurationInSeconds", "serverCallId", "group", "room", "isTwoParty", "correlationId", "isRoomsCall"]),
    t("CallParticipantAdded", EventFamily.Calling, ["call/{id}/participant/{id}"],
        ["user", "displayName", "participantId", "userAgent", "startedBy", "serverCallId", "group", "room", "isTwoParty", "correlationId", "isRoomsCall"]),
    t("CallParticipantRemoved", EventFamily.Calling, ["call/{id}/participant/{id}"],
        ["user", "displayName", "participantId", "userAgent", "startedBy", "serverCallId", "group", "room", "isTwoParty", "correlationId", "isRoomsCall"]),
    t("RecordingFileStatusUpdated", EventFamily.Recording,
        ["/recording/call/{id}/serverCallId/{id}/recordingId/{id}", "/recording/call/{id}/recordingId/{id}"],
        ["recordingStorageInfo", "recordingStorageInfo.recordingChunks", "recordingStartTime", "recordingDurationMs",
            "recordingContentType", "recordingChannelType", "recordingFormatType", "sessionEndReason"]),

    t("EmailDeliveryReportReceived", EventFamily.Email, ["sender/{id}/message/{id}"],
        ["sender", "recipient", "internetMessageId", "messageId", "status", "deliveryStatusDetails",
            "deliveryStatusDetails.statusMessage", "deliveryStatusDetails.recipientMailServerHostName", "deliveryAttemptTimestamp"]),
    t("EmailEngagementTrackingReportReceived", EventFamily.Email, ["sender/{id}/message/{id}"],
        ["sender", "recipient", "messageId", "userActionTimestamp", "engagementContext", "userAgent", "engagementType"]),

    t("AdvancedMessageReceived", EventFamily.AdvancedMessaging, ["advancedMessage/sender/{id}/recipient/{id}"],
        ["content", "channelType", "media", "context", "button", "interactive", "from", "to", "receivedTimestamp", "error"]),
    t("AdvancedMessageDeliveryStatusUpdated", EventFamily.AdvancedMessaging, ["advancedMessage/{id}/status/{id}"],
        ["messageId", "status", "channelType", "from", "to", "receivedTimestamp", "error"]),
    t("AdvancedMessageAnalysisCompleted", EventFamily.AdvancedMessaging, ["advanceMessageAnalysis/sender/{id}/recipient/{id}"],
        ["channelType", "from", "to", "receivedTimestamp", "originalMessage", "intentAnalysis", "languageDetection", "extractedKeyPhrases[]"]),

    ...["RouterJobReceived", "RouterJobWaitingForActivation", "RouterJobSchedulingFailed", "RouterJobDeleted"].map(
        (n) => t(n, EventFamily.JobRouter, ["job/{id}/channel/{id}"], ROUTER_JOB)),
    ...["RouterJobClassified", "RouterJobQueued", "RouterJobWorkerSelectorsExpired"].map(
        (n) => t(n, EventFamily.JobRouter, ["job/{id}/channel/{id}/queue/{id}"], ROUTER_JOB)),
    t("RouterJobClassificationFailed", EventFamily.JobRouter, ["job/{id}/channel/{id}/classificationpolicy/{id}"], ROUTER_JOB),
    ...["RouterJobCompleted", "RouterJobClosed", "RouterJobUnassigned"].map(
        (n) => t(n, EventFamily.JobRouter, ["job/{id}/channel/{id}/assignment/{id}"], ROUTER_JOB)),
    t("RouterJobCancelled", EventFamily.JobRouter, ["job/{id}/channel/{id}/disposition/{id}"], ROUTER_JOB),
    t("RouterJobExceptionTriggered", EventFamily.JobRouter, ["job/{id}/channel/{id}/exceptionrule/{id}"], ROUTER_JOB),
    ...["RouterWorkerOfferIssued", "RouterWorkerOfferAccepted", "RouterWorkerOfferDeclined", "RouterWorkerOfferRevoked",
        "RouterWorkerOfferExpired"].map((n) => t(n, EventFamily.JobRouter, ["worker/{id}/job/{id}"], ROUTER_WORKER)),
    ...["RouterWorkerRegistered", "RouterWorkerDeregistered", "RouterWorkerDeleted"].map(
        (n) => t(n, EventFamily.JobRouter, ["worker/{id}"], ROUTER_WORKER)),
    t("RouterWorkerUpdated", EventFamily.JobRouter, [], ROUTER_WORKER),
];

const BY_TYPE = new Map(EVENT_TYPES.map((e) => [e.type, e]));

/** The catalog entry for an exact (case-sensitive) event type, or undefined. */
export function findEventType(type: string): EventTypeInfo | undefined {
    return BY_TYPE.get(type);
}

/** Well-known current event types, for code that names them. */
export const AcsEventTypes = {
    SmsReceived: P + "SMSReceived",
    SmsDeliveryReportReceived: P + "SMSDeliveryReportReceived",
    ChatMessageReceived: P + "ChatMessageReceived",
    ChatMessageEdited: P + "ChatMessageEdited",
    ChatMessageDeleted: P + "ChatMessageDeleted",
    ChatMessageReceivedInThread: P + "ChatMessageReceivedInThread",
    ChatMessageEditedInThread: P + "ChatMessageEditedInThread",
    ChatMessageDeletedInThread: P + "ChatMessageDeletedInThread",
    EmailDeliveryReportReceived: P + "EmailDeliveryReportReceived",
    IncomingCall: P + "IncomingCall",
    RecordingFileStatusUpdated: P + "RecordingFileStatusUpdated",
} as const;
