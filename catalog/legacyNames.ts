/**
 * Names that users copy from old documentation and SDKs, which Azure never delivers today. Each maps to the
 * current type(s) to write instead. Source: articles/project-spool/concepts/event-handling.md of
 * https://github.com/MicrosoftDocs/azure-docs at commit c77630d3eede38d911fac381a48132f55a1ef9de, and
 * samples/events/early-preview/README.md.
 */
const P = "Microsoft.Communication.";

export interface LegacyName {
    readonly name: string;
    /** Where the name comes from, said in the error so users recognise their source. */
    readonly origin: string;
    /** Current event types to use instead (first one is the usual choice). */
    readonly useInstead: readonly string[];
}

export const LEGACY_NAMES: readonly LegacyName[] = [
    {
        name: `${P}InstantMessageReceived`,
        origin: "2020 ACS preview docs",
        useInstead: [`${P}ChatMessageReceived`, `${P}ChatMessageReceivedInThread`],
    },
    {
        name: `${P}InstantMessageEdited`,
        origin: "2020 ACS preview docs",
        useInstead: [`${P}ChatMessageEdited`, `${P}ChatMessageEditedInThread`],
    },
    {
        name: `${P}InstantMessageDeleted`,
        origin: "2020 ACS preview docs",
        useInstead: [`${P}ChatMessageDeleted`, `${P}ChatMessageDeletedInThread`],
    },
    {
        name: "Microsoft.CommunicationServices.InstantMessageDeleted",
        origin: "2020 ACS preview docs (event table)",
        useInstead: [`${P}ChatMessageDeleted`, `${P}ChatMessageDeletedInThread`],
    },
    {
        name: "Microsoft.CommunicationServices.SMSReceived",
        origin: "2020 ACS preview docs",
        useInstead: [`${P}SMSReceived`],
    },
    {
        name: "Microsoft.CommunicationServices.SMSDeliveryReport",
        origin: "2020 ACS preview docs",
        useInstead: [`${P}SMSDeliveryReportReceived`],
    },
    {
        name: "Microsoft.Storage.SMSReceived",
        origin: "2020 ACS preview sample (copy-paste error)",
        useInstead: [`${P}SMSReceived`],
    },
    {
        name: "Microsoft.Resources.SMSReceived",
        origin: "2020 ACS preview filter example",
        useInstead: [`${P}SMSReceived`],
    },
    {
        name: "Microsoft.Resources.SMSDeliveryReport",
        origin: "2020 ACS preview filter example",
        useInstead: [`${P}SMSDeliveryReportReceived`],
    },
    {
        name: `${P}SMSDeliveryReport`,
        origin: "shortened name from early docs",
        useInstead: [`${P}SMSDeliveryReportReceived`],
    },
    {
        name: `${P}ChatMemberAddedToThreadWithUser`,
        origin: "2021 REST example (Java SDK: 'This event does not exist')",
        useInstead: [`${P}ChatParticipantAddedToThreadWithUser`],
    },
    {
        name: `${P}ChatMemberRemovedFromThreadWithUser`,
        origin: "2021 REST example (Java SDK: 'This event does not exist')",
        useInstead: [`${P}ChatParticipantRemovedFromThreadWithUser`],
    },
    {
        name: `${P}ChatParticipantAddedToThread`,
        origin: "early JS/.NET SDK constant",
        useInstead: [`${P}ChatThreadParticipantAdded`],
    },
    {
        name: `${P}ChatParticipantRemovedFromThread`,
        origin: "early JS/.NET SDK constant",
        useInstead: [`${P}ChatThreadParticipantRemoved`],
    },
    {
        name: `${P}RouterJobWorkerSelectorsExpire`,
        origin: "@azure/eventgrid 5.12.0 typo",
        useInstead: [`${P}RouterJobWorkerSelectorsExpired`],
    },
];

/**
 * Types that look like ACS events but never come through the system topic: Call Automation mid-call events go
 * to the callback URI given when a call is answered; Event Grid control events are never filterable.
 */
export const NEVER_ON_SYSTEM_TOPIC: readonly { prefixOrName: string; why: string }[] = [
    {
        prefixOrName: "Microsoft.EventGrid.",
        why: "Event Grid control events (validation, deletion) reach a webhook without a filter and must not be listed",
    },
    ...[
        "CallConnected",
        "CallDisconnected",
        "CallTransferAccepted",
        "CallTransferFailed",
        "ParticipantsUpdated",
        "RecordingStateChanged",
        "PlayCompleted",
        "PlayFailed",
        "PlayCanceled",
        "RecognizeCompleted",
        "RecognizeFailed",
        "RecognizeCanceled",
        "AddParticipantSucceeded",
        "AddParticipantFailed",
        "RemoveParticipantSucceeded",
        "RemoveParticipantFailed",
        "ContinuousDtmfRecognitionToneReceived",
        "SendDtmfTonesCompleted",
        "CancelAddParticipantSucceeded",
    ].map((n) => ({
        prefixOrName: P + n,
        why: "Call Automation mid-call events are posted to the call's callback URI, never to Event Grid",
    })),
];

const LEGACY_BY_LOWER = new Map(LEGACY_NAMES.map((l) => [l.name.toLowerCase(), l]));

export function findLegacyName(name: string): LegacyName | undefined {
    return LEGACY_BY_LOWER.get(name.toLowerCase());
}
