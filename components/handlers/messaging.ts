import * as eventhub from "@pulumi/azure-native/eventhub";
import * as servicebus from "@pulumi/azure-native/servicebus";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { BuiltInRoles, grantRole } from "../roles";
import { EndpointType } from "../types";
import { HandlerEndpoint } from "./endpoint";
import { TargetContext } from "./storageQueue";

export interface ServiceBusQueueTargetArgs {
    /** Required. Queue name. */
    queueName: pulumi.Input<string>;
    /** Conditional. New namespace name (6–50 characters). Required unless existingNamespaceId is set. */
    namespaceName?: pulumi.Input<string>;
    /** Optional. Existing namespace ID; the queue is created in it. */
    existingNamespaceId?: pulumi.Input<string>;
    /** Optional. Basic, Standard or Premium. Default: Standard. */
    sku?: pulumi.Input<string>;
}

export interface ServiceBusTopicTargetArgs {
    /** Required. Topic name. */
    topicName: pulumi.Input<string>;
    /** Conditional. New namespace name (6–50 characters). Required unless existingNamespaceId is set. */
    namespaceName?: pulumi.Input<string>;
    /** Optional. Existing namespace ID; the entity is created in it. */
    existingNamespaceId?: pulumi.Input<string>;
    /** Optional. Standard or Premium (topics need Standard+). Default: Standard. */
    sku?: pulumi.Input<string>;
}

export interface EventHubTargetArgs {
    /** Required. Event hub name. */
    eventHubName: pulumi.Input<string>;
    /** Conditional. New namespace name (6–50 characters). Required unless existingNamespaceId is set. */
    namespaceName?: pulumi.Input<string>;
    /** Optional. Existing namespace ID; the entity is created in it. */
    existingNamespaceId?: pulumi.Input<string>;
    /** Optional. Basic, Standard or Premium. Default: Standard. */
    sku?: pulumi.Input<string>;
    /** Optional. Partitions. Default: 2. */
    partitionCount?: pulumi.Input<number>;
}

const rgOf = (id: pulumi.Output<string>) => id.apply((i) => i.split("/")[4]);
const nameOf = (id: pulumi.Output<string>) => id.apply((i) => i.split("/").pop()!);

/**
 * The Service Bus namespace's ID: the existing one, or a new one locked down: Entra ID only (no SAS keys), TLS 1.2,
 * system identity.
 */
function serviceBusNamespace(
    ctx: TargetContext,
    args: {
        existingNamespaceId?: pulumi.Input<string>;
        namespaceName?: pulumi.Input<string>;
        sku?: pulumi.Input<string>;
    },
): pulumi.Output<string> {
    if (args.existingNamespaceId !== undefined) return pulumi.output(args.existingNamespaceId);
    const { namespaceName: name, sku } = args;
    if (name === undefined)
        throw new Error(`handler "${ctx.name}": namespaceName is required unless existingNamespaceId is set`);
    return new servicebus.Namespace(
        childName(ctx.name, "namespace"),
        {
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            namespaceName: name,
            sku: { name: (sku ?? "Standard") as any, tier: (sku ?? "Standard") as any },
            disableLocalAuth: true,
            minimumTlsVersion: "1.2",
            publicNetworkAccess: "Enabled",
            identity: { type: "SystemAssigned" },
            tags: ctx.tags,
        },
        { parent: ctx.parent },
    ).id;
}

function sender(ctx: TargetContext, scope: pulumi.Output<string>, role: string): pulumi.Resource[] {
    if (ctx.senderPrincipalId === undefined) return [];
    return [grantRole(childName(ctx.name, "sender-role"), ctx.parent, ctx.senderPrincipalId, scope, role)];
}

export function serviceBusQueueEndpoint(ctx: TargetContext, args: ServiceBusQueueTargetArgs): HandlerEndpoint {
    const ns = serviceBusNamespace(ctx, args);
    const queue = new servicebus.Queue(
        childName(ctx.name, "queue"),
        {
            resourceGroupName: rgOf(ns),
            namespaceName: nameOf(ns),
            queueName: args.queueName,
            maxDeliveryCount: 10,
            deadLetteringOnMessageExpiration: true,
            requiresSession: false,
        },
        { parent: ctx.parent },
    );
    return {
        endpointType: EndpointType.ServiceBusQueue,
        resourceId: queue.id,
        useTopicIdentity: true,
        readiness: sender(ctx, queue.id, BuiltInRoles.ServiceBusDataSender),
    };
}

export function serviceBusTopicEndpoint(ctx: TargetContext, args: ServiceBusTopicTargetArgs): HandlerEndpoint {
    const ns = serviceBusNamespace(ctx, args);
    const topic = new servicebus.Topic(
        childName(ctx.name, "topic"),
        {
            resourceGroupName: rgOf(ns),
            namespaceName: nameOf(ns),
            topicName: args.topicName,
        },
        { parent: ctx.parent },
    );
    return {
        endpointType: EndpointType.ServiceBusTopic,
        resourceId: topic.id,
        useTopicIdentity: true,
        readiness: sender(ctx, topic.id, BuiltInRoles.ServiceBusDataSender),
    };
}

export function eventHubEndpoint(ctx: TargetContext, args: EventHubTargetArgs): HandlerEndpoint {
    let ns: pulumi.Output<string>;
    if (args.existingNamespaceId !== undefined) ns = pulumi.output(args.existingNamespaceId);
    else {
        if (args.namespaceName === undefined)
            throw new Error(`handler "${ctx.name}": namespaceName is required unless existingNamespaceId is set`);
        ns = new eventhub.Namespace(
            childName(ctx.name, "namespace"),
            {
                resourceGroupName: ctx.resourceGroupName,
                location: ctx.location,
                namespaceName: args.namespaceName,
                sku: { name: args.sku ?? "Standard", tier: args.sku ?? "Standard", capacity: 1 },
                disableLocalAuth: true,
                minimumTlsVersion: "1.2",
                publicNetworkAccess: "Enabled",
                zoneRedundant: true,
                identity: { type: "SystemAssigned" },
                tags: ctx.tags,
            },
            { parent: ctx.parent },
        ).id;
    }
    const hub = new eventhub.EventHub(
        childName(ctx.name, "hub"),
        {
            resourceGroupName: rgOf(ns),
            namespaceName: nameOf(ns),
            eventHubName: args.eventHubName,
            partitionCount: args.partitionCount ?? 2,
        },
        { parent: ctx.parent },
    );
    return {
        endpointType: EndpointType.EventHub,
        resourceId: hub.id,
        useTopicIdentity: true,
        readiness: sender(ctx, hub.id, BuiltInRoles.EventHubsDataSender),
    };
}
