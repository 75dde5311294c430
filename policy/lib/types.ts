/** Type tokens the pack knows, in one place so rules and tests agree. */
export const T = {
    CommunicationService: "azure-native:communication:CommunicationService",
    SystemTopic: "azure-native:eventgrid:SystemTopic",
    Subscription: "azure-native:eventgrid:SystemTopicEventSubscription",
    StorageAccount: "azure-native:storage:StorageAccount",
    BlobServiceProperties: "azure-native:storage:BlobServiceProperties",
    BlobContainer: "azure-native:storage:BlobContainer",
    RoleAssignment: "azure-native:authorization:RoleAssignment",
    RoleDefinition: "azure-native:authorization:RoleDefinition",
    UserAssignedIdentity: "azure-native:managedidentity:UserAssignedIdentity",
    WebApp: "azure-native:web:WebApp",
    WebAppAuthSettingsV2: "azure-native:web:WebAppAuthSettingsV2",
    Workflow: "azure-native:logic:Workflow",
    DiagnosticSetting: "azure-native:monitor:DiagnosticSetting",
    MetricAlert: "azure-native:monitor:MetricAlert",
    ActionGroup: "azure-native:monitor:ActionGroup",
    ServiceBusNamespace: "azure-native:servicebus:Namespace",
    ServiceBusQueue: "azure-native:servicebus:Queue",
    ServiceBusTopic: "azure-native:servicebus:Topic",
    EventHubNamespace: "azure-native:eventhub:Namespace",
    EventHub: "azure-native:eventhub:EventHub",
    WebAppFtpAllowed: "azure-native:web:WebAppFtpAllowed",
    WebAppScmAllowed: "azure-native:web:WebAppScmAllowed",
    WebAppApplicationSettings: "azure-native:web:WebAppApplicationSettings",
    Workspace: "azure-native:operationalinsights:Workspace",
    AppInsights: "azure-native:applicationinsights:Component",
    EmailService: "azure-native:communication:EmailService",
    EmailDomain: "azure-native:communication:Domain",
} as const;

/** Destination endpoint types Event Grid can deliver to with the topic's identity (and otherwise with access keys). */
export const IDENTITY_ENDPOINTS = ["ServiceBusQueue", "ServiceBusTopic", "EventHub", "StorageQueue"] as const;

/** The azure-native type of the entity a Service Bus / Event Hubs destination's resourceId names. */
export const ENTITY_TYPE: Readonly<Record<string, string>> = {
    ServiceBusQueue: T.ServiceBusQueue,
    ServiceBusTopic: T.ServiceBusTopic,
    EventHub: T.EventHub,
};

/** The system topic type of an ACS resource. */
export { ACS_TOPIC_TYPE } from "../../catalog/eventTypes";
import { AZURE_ROLE_NAMES, AzureRoles } from "../../catalog/azureRoles";

/**
 * Built-in roles the topic's identity needs (https://learn.microsoft.com/azure/event-grid/add-identity-roles),
 * plus the broader data roles that include the same data action, which we accept too.
 */
export const ROLE = AzureRoles;

/** Roles that let the topic identity deliver to an endpoint type (first = the one to grant). */
export const ROLES_FOR_ENDPOINT: Readonly<Record<string, readonly string[]>> = {
    ServiceBusQueue: [ROLE.ServiceBusDataSender, ROLE.ServiceBusDataOwner],
    ServiceBusTopic: [ROLE.ServiceBusDataSender, ROLE.ServiceBusDataOwner],
    EventHub: [ROLE.EventHubsDataSender, ROLE.EventHubsDataOwner],
    StorageQueue: [ROLE.StorageQueueDataMessageSender, ROLE.StorageQueueDataContributor],
    StorageBlob: [ROLE.StorageBlobDataContributor, ROLE.StorageBlobDataOwner],
};

/** Role GUID → name as Microsoft publishes it (catalog/azureRoles.ts). */
export const ROLE_NAMES: Readonly<Record<string, string>> = AZURE_ROLE_NAMES;

/** Tracked (location-bearing, taggable) azure-native types the components emit. */
export const TRACKED_TYPES: readonly string[] = [
    T.CommunicationService,
    T.EmailService,
    T.EmailDomain,
    T.SystemTopic,
    T.StorageAccount,
    T.ServiceBusNamespace,
    T.EventHubNamespace,
    T.WebApp,
    "azure-native:web:AppServicePlan",
    T.Workflow,
    T.Workspace,
    T.AppInsights,
    T.ActionGroup,
    T.MetricAlert,
    T.UserAssignedIdentity,
    "azure-native:resources:ResourceGroup",
];

/**
 * Types that may (and for ACS, email and the ACS system topic must) be in location `global`: also alerts and action
 * groups.
 */
export const GLOBAL_TYPES: readonly string[] = [
    T.CommunicationService,
    T.EmailService,
    T.EmailDomain,
    T.SystemTopic,
    T.MetricAlert,
    T.ActionGroup,
];
