/**
 * Built-in Azure role definition GUIDs the event path grants or accepts, in one place for the components (which
 * grant them) and the policy pack (which checks them). Sources:
 * https://learn.microsoft.com/azure/event-grid/add-identity-roles and
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles.
 */
export const AzureRoles = {
    /** Event Grid → Service Bus queue/topic (identity delivery). */
    ServiceBusDataSender: "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
    ServiceBusDataOwner: "090c5cfd-751d-490a-894a-3ce6f1109419",
    /** Event Grid → Event Hubs (identity delivery). */
    EventHubsDataSender: "2b629674-e913-4c01-ae53-ef4638d8f975",
    EventHubsDataOwner: "f526a384-b230-433a-b45c-95f59c4a2dec",
    /** Event Grid → Storage Queue (identity delivery). */
    StorageQueueDataMessageSender: "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a",
    StorageQueueDataContributor: "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
    /** Event Grid → dead-letter container. */
    StorageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    StorageBlobDataOwner: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    StorageTableDataContributor: "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
    /** App Insights ingestion with Entra ID (local auth off). */
    MonitoringMetricsPublisher: "3913510d-42f4-4e42-8a64-420c390055eb",
    /** Sending email through an ACS resource with a managed identity (no narrower built-in role is used yet). */
    Contributor: "b24988ac-6180-42a8-9fcd-b4a8d95f5c6d",
} as const;
