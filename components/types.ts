/**
 * Enums shared by the components. String enums (not unions) so that Pulumi's schema inference can serve the
 * components to other languages (https://www.pulumi.com/docs/iac/concepts/components/).
 */

/** Where a subscription delivers. One optional block per kind in the handler args. */
export enum HandlerKind {
    Webhook = "webhook",
    StorageQueue = "storageQueue",
    ServiceBusQueue = "serviceBusQueue",
    ServiceBusTopic = "serviceBusTopic",
    EventHub = "eventHub",
    Function = "function",
    LogicApp = "logicApp",
}

/** Event Grid destination endpoint types we deliver to. */
export enum EndpointType {
    WebHook = "WebHook",
    StorageQueue = "StorageQueue",
    ServiceBusQueue = "ServiceBusQueue",
    ServiceBusTopic = "ServiceBusTopic",
    EventHub = "EventHub",
    AzureFunction = "AzureFunction",
}

/**
 * Which identity the system topic delivers and dead-letters with (docs/operations.md, "Delivery identity").
 * "systemAssigned" (default): the topic's own identity. It exists only once the topic does, so its role grants
 * start after the topic; but it is the only identity Event Grid can use through a storage firewall, and the
 * dead-letter account this stack creates is firewalled
 * (https://learn.microsoft.com/azure/event-grid/handler-storage-queues). "userAssigned": an identity created
 * beside the topic from the resource group alone, so its grants run in parallel with the ACS resource and the
 * topic, long before any subscription; for destinations and dead-letter accounts without a firewall.
 */
export enum DeliveryIdentityKind {
    UserAssigned = "userAssigned",
    SystemAssigned = "systemAssigned",
}

/** Which email domain handlers send from. */
export enum EmailDomainKind {
    /** `<guid>.azurecomm.net`, created by the stack: no DNS work, but a sandbox quota (catalog/emailQuota.ts). */
    AzureManaged = "azureManaged",
    /** Your own verified domain (created and DNS-verified outside the stack): production quotas. */
    Custom = "custom",
}

export enum DeliverySchema {
    EventGridSchema = "EventGridSchema",
    CloudEventSchemaV1_0 = "CloudEventSchemaV1_0",
}

export enum DeliveryHeaderKind {
    Static = "static",
    Dynamic = "dynamic",
}

/** Push endpoints (the only ones that take batching settings). */
export function isPushEndpoint(t: EndpointType): boolean {
    return t === EndpointType.WebHook || t === EndpointType.AzureFunction;
}
