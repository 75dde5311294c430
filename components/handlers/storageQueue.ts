import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { BuiltInRoles, grantRole } from "../roles";
import { hardenedStorageAccount } from "../storageAccount";
import { EndpointType } from "../types";
import { HandlerEndpoint } from "./endpoint";

export interface StorageQueueTargetArgs {
    /** Required. Queue name: 3–63 lower-case letters, digits and single hyphens. */
    queueName: pulumi.Input<string>;
    /** Conditional. New storage account name. Required unless existingAccountId is set. */
    accountName?: pulumi.Input<string>;
    /** Optional. Existing storage account ID; the queue is created in it. */
    existingAccountId?: pulumi.Input<string>;
    /** Optional. Message time-to-live in seconds; -1 never expires. Default: Azure's 7 days. */
    messageTimeToLiveSeconds?: pulumi.Input<number>;
}

export interface TargetContext {
    name: string;
    parent: pulumi.Resource;
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** The system topic's identity, granted the sender role on the target. */
    senderPrincipalId?: pulumi.Input<string>;
}

export function storageQueueEndpoint(ctx: TargetContext, args: StorageQueueTargetArgs): HandlerEndpoint {
    const accountId =
        args.existingAccountId !== undefined
            ? pulumi.output(args.existingAccountId)
            : hardenedStorageAccount(childName(ctx.name, "account"), ctx.parent, {
                  resourceGroupName: ctx.resourceGroupName,
                  location: ctx.location,
                  accountName: requireName(ctx, args.accountName),
                  sku: "Standard_LRS",
                  tags: ctx.tags,
              }).id;
    const accountName = accountId.apply((id) => id.split("/").pop()!);
    const queue = new storage.Queue(
        childName(ctx.name, "queue"),
        {
            resourceGroupName: accountId.apply((id) => id.split("/")[4]),
            accountName,
            queueName: args.queueName,
        },
        { parent: ctx.parent },
    );
    // Event Grid's identity sends to the queue; the role sits on the account because the destination's
    // resourceId is the account (Event Grid names the queue separately).
    const role =
        ctx.senderPrincipalId !== undefined
            ? [
                  grantRole(
                      childName(ctx.name, "sender-role"),
                      ctx.parent,
                      ctx.senderPrincipalId,
                      accountId,
                      BuiltInRoles.StorageQueueDataMessageSender,
                  ),
              ]
            : [];
    return {
        endpointType: EndpointType.StorageQueue,
        resourceId: accountId,
        queueName: queue.name,
        queueMessageTimeToLiveInSeconds: args.messageTimeToLiveSeconds,
        useTopicIdentity: true,
        readiness: role,
    };
}

function requireName(ctx: TargetContext, v: pulumi.Input<string> | undefined): pulumi.Input<string> {
    if (v === undefined)
        throw new Error(`handler "${ctx.name}": accountName is required unless existingAccountId is set`);
    return v;
}
