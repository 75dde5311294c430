import * as pulumi from "@pulumi/pulumi";
import { EndpointType } from "../types";

/** What a subscription needs to know about a handler target to deliver to it. */
export interface HandlerEndpoint {
    endpointType: EndpointType;
    /**
     * Azure resource ID of the destination (storage account for StorageQueue; entity ID for Service Bus/Event Hubs;
     * `<app>/functions/<fn>` for AzureFunction).
     */
    resourceId?: pulumi.Output<string>;
    queueName?: pulumi.Output<string>;
    queueMessageTimeToLiveInSeconds?: pulumi.Input<number>;
    /** Webhook URL; always a secret (URLs carry keys). */
    endpointUrl?: pulumi.Output<string>;
    entraTenantId?: pulumi.Input<string>;
    entraApplicationIdOrUri?: pulumi.Input<string>;
    minimumTlsVersion?: pulumi.Input<string>;
    /** Deliver with the topic's managed identity (queues, Service Bus, Event Hubs). */
    useTopicIdentity: boolean;
    /** Logic App workflow ID, for its diagnostic setting (logicApp handlers only). */
    workflowId?: pulumi.Output<string>;
    /** Resources the subscription must wait for: role assignments, the function's code deployment, the receiver. */
    readiness: pulumi.Resource[];
}
