/**
 * Built-in Azure roles the event path grants, accepts or flags, each GUID beside the role's name, in one place for
 * the components (which grant them) and the policy pack (which checks them). Sources:
 * https://learn.microsoft.com/azure/event-grid/add-identity-roles and
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles. Not its own proof:
 * test/catalog/azureRoles.spec.ts checks every entry against catalog/builtInRoles.snapshot.json, a copy of
 * Microsoft's published table with its source and date.
 */
const BUILT_IN = {
    /** Event Grid → Service Bus queue/topic (identity delivery). */
    ServiceBusDataSender: { name: "Azure Service Bus Data Sender", id: "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39" },
    ServiceBusDataOwner: { name: "Azure Service Bus Data Owner", id: "090c5cfd-751d-490a-894a-3ce6f1109419" },
    /** Event Grid → Event Hubs (identity delivery). */
    EventHubsDataSender: { name: "Azure Event Hubs Data Sender", id: "2b629674-e913-4c01-ae53-ef4638d8f975" },
    EventHubsDataOwner: { name: "Azure Event Hubs Data Owner", id: "f526a384-b230-433a-b45c-95f59c4a2dec" },
    /** Event Grid → Storage Queue (identity delivery). */
    StorageQueueDataMessageSender: {
        name: "Storage Queue Data Message Sender",
        id: "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a",
    },
    StorageQueueDataContributor: { name: "Storage Queue Data Contributor", id: "974c5e8b-45b9-4653-ba55-5f855dd0fb88" },
    /** Event Grid → dead-letter container. */
    StorageBlobDataContributor: { name: "Storage Blob Data Contributor", id: "ba92f5b4-2d11-453d-a403-e96b0029c9fe" },
    StorageBlobDataOwner: { name: "Storage Blob Data Owner", id: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b" },
    StorageTableDataContributor: { name: "Storage Table Data Contributor", id: "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3" },
    /** App Insights ingestion with Entra ID (local auth off). */
    MonitoringMetricsPublisher: { name: "Monitoring Metrics Publisher", id: "3913510d-42f4-4e42-8a64-420c390055eb" },
    /** Never granted: the policy pack flags these on a handler identity (they include listing ACS access keys). */
    Owner: { name: "Owner", id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" },
    Contributor: { name: "Contributor", id: "b24988ac-6180-42a0-ab88-20f7382dd24c" },
    UserAccessAdministrator: { name: "User Access Administrator", id: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9" },
} as const;

type BuiltIn = typeof BUILT_IN;

/** Role key → { name, id } as Microsoft publishes them. */
export const AZURE_BUILT_IN_ROLES: {
    readonly [K in keyof BuiltIn]: { readonly name: BuiltIn[K]["name"]; readonly id: BuiltIn[K]["id"] };
} = BUILT_IN;

/** Role key → GUID, for role assignments. */
export const AzureRoles = Object.fromEntries(Object.entries(BUILT_IN).map(([k, r]) => [k, r.id])) as {
    readonly [K in keyof BuiltIn]: BuiltIn[K]["id"];
};

/** GUID → role name, for messages. */
export const AZURE_ROLE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
    Object.values(BUILT_IN).map((r) => [r.id, r.name]),
);

/** Roles that must not be granted to a handler's identity: each can read the ACS resource's keys, and more. */
export const BROAD_ROLES: readonly string[] = [
    BUILT_IN.Owner.id,
    BUILT_IN.Contributor.id,
    BUILT_IN.UserAccessAdministrator.id,
];

/**
 * The actions of the custom role that sends email through ACS with Entra ID, as Microsoft documents the
 * narrowest role for it ("Use a custom role to limit permissions": CommunicationServices Read and Write and
 * EmailServices write, assigned on the Communication Services resource):
 * https://learn.microsoft.com/azure/communication-services/quickstarts/email/send-email-smtp/smtp-authentication
 * (MicrosoftDocs/azure-docs articles/communication-services/quickstarts/email/send-email-smtp/smtp-authentication.md,
 * tab "Custom role"). The page's built-in alternative, "Communication and Email Service Owner", can also list keys.
 */
export const ACS_EMAIL_SENDER_ACTIONS = [
    "Microsoft.Communication/CommunicationServices/Read",
    "Microsoft.Communication/CommunicationServices/Write",
    "Microsoft.Communication/EmailServices/write",
] as const;
