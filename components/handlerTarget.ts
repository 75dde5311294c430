import * as pulumi from "@pulumi/pulumi";
import { HandlerEndpoint } from "./handlers/endpoint";
import {
    EventHubTargetArgs,
    eventHubEndpoint,
    ServiceBusQueueTargetArgs,
    serviceBusQueueEndpoint,
    ServiceBusTopicTargetArgs,
    serviceBusTopicEndpoint,
} from "./handlers/messaging";
import { StorageQueueTargetArgs, storageQueueEndpoint, TargetContext } from "./handlers/storageQueue";
import { WebhookTargetArgs, webhookEndpoint } from "./handlers/webhook";
import { FunctionTargetArgs, functionEndpoint, LogicAppTargetArgs, logicAppEndpoint } from "./handlers/apps";
import { withSecretWebhook } from "./secrets";
import { HandlerKind } from "./types";
import { handlerBlockIssues } from "../validation/handlerBlocks";
import { Issue, issue, ValidationError } from "../validation/issue";

/** A handler as the stack declares it: its kind and exactly the one block of that kind. */
export interface AcsHandlerArgs {
    /** Required. Which kind of handler; exactly the block with this name must be set. */
    kind: HandlerKind;
    /** Conditional. Required when kind is "webhook". */
    webhook?: WebhookTargetArgs;
    /** Conditional. Required when kind is "storageQueue". */
    storageQueue?: StorageQueueTargetArgs;
    /** Conditional. Required when kind is "serviceBusQueue". */
    serviceBusQueue?: ServiceBusQueueTargetArgs;
    /** Conditional. Required when kind is "serviceBusTopic". */
    serviceBusTopic?: ServiceBusTopicTargetArgs;
    /** Conditional. Required when kind is "eventHub". */
    eventHub?: EventHubTargetArgs;
    /** Conditional. Required when kind is "function". */
    function?: FunctionTargetArgs;
    /** Conditional. Required when kind is "logicApp". */
    logicApp?: LogicAppTargetArgs;
}

/** A handler plus where to create it and what it is wired to (AcsEventHandling fills these in). */
export interface HandlerTargetArgs extends AcsHandlerArgs {
    /** Required. Resource group for resources the handler creates. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Region for resources the handler creates. */
    location: pulumi.Input<string>;
    /**
     * Optional. Principal ID of the system topic's identity. When set, the handler grants it the sender role
     * Event Grid needs for identity-based delivery (queues, Service Bus, Event Hubs).
     */
    senderPrincipalId?: pulumi.Input<string>;
    /** Optional. ACS endpoint and resource ID, for handlers that send email through ACS (function, logicApp). */
    communicationServiceId?: pulumi.Input<string>;
    /**
     * Optional. Full id of the custom role that only sends email (AcsEventHandling creates it once per stack). Unset
     * while communicationServiceId is set: the handler defines its own copy of the role.
     */
    emailRoleDefinitionId?: pulumi.Input<string>;
    /** Optional. ACS endpoint (https://<name>.communication.azure.com) for handlers that send email. */
    communicationEndpoint?: pulumi.Input<string>;
    /** Optional. Verified sender address for notification email (from the ACS-linked email domain). */
    emailSender?: pulumi.Input<string>;
    /** Optional. Tags for the resources the handler creates. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

const BLOCKS = Object.values(HandlerKind);
const ENDPOINTS = new WeakMap<HandlerTarget, HandlerEndpoint>();

/**
 * One handler target: the resources an event subscription delivers to, created or referenced, and the role
 * assignments Event Grid needs before it can deliver there.
 */
export class HandlerTarget extends pulumi.ComponentResource {
    /** Event Grid endpoint type of this handler. */
    public readonly endpointType: pulumi.Output<string>;
    /** Destination resource ID (absent for webhooks). */
    public readonly resourceId: pulumi.Output<string | undefined>;
    /** Webhook URL, secret (absent for resource destinations). */
    public readonly endpointUrl: pulumi.Output<string | undefined>;
    /** How subscriptions deliver here; internal to the TypeScript API. */
    // A getter, not a field: Pulumi's schema inference turns every class field into a component output, and
    // this one is TypeScript-only wiring (resources and Outputs) that other languages cannot receive.
    public get endpoint(): HandlerEndpoint {
        return ENDPOINTS.get(this)!;
    }

    constructor(name: string, args: HandlerTargetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:HandlerTarget", name, withSecretWebhook(checkedHandlerArgs(name, args)), opts);
        const ctx: TargetContext = {
            name,
            parent: this,
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            senderPrincipalId: args.senderPrincipalId,
        };
        ENDPOINTS.set(this, createEndpoint(ctx, args));
        this.endpointType = pulumi.output(this.endpoint.endpointType);
        this.resourceId = pulumi.output(this.endpoint.resourceId);
        this.endpointUrl = this.endpoint.endpointUrl
            ? pulumi.secret(this.endpoint.endpointUrl)
            : pulumi.output(undefined);
        // Only outputs that exist for this kind: an undefined output shows as a warning in every preview.
        this.registerOutputs({
            endpointType: this.endpointType,
            ...(this.endpoint.resourceId ? { resourceId: this.resourceId } : {}),
            ...(this.endpoint.endpointUrl ? { endpointUrl: this.endpointUrl } : {}),
        });
    }
}

/** Throws before `super()`: a handler of an unknown kind or with the wrong block registers nothing. */
function checkedHandlerArgs(name: string, args: HandlerTargetArgs): HandlerTargetArgs {
    const issues = handlerArgIssues(args, []);
    if (issues.length) throw new ValidationError(issues, "", `handler "${name}": invalid arguments`);
    return args;
}

/**
 * A handler's kind and its one block, as a JavaScript or YAML caller may get them wrong; shared with AcsEventHandling.
 */
export function handlerArgIssues(args: unknown, at: (string | number)[]): Issue[] {
    if (!args || typeof args !== "object" || Array.isArray(args))
        return [
            issue(
                at,
                args === null ? null : typeof args,
                `a handler: { kind, <kind>: {…} } with kind one of ${BLOCKS.join(", ")}`,
            ),
        ];
    const h = args as Record<string, unknown>;
    const blockIssues = handlerBlockIssues(BLOCKS, h, at);
    if (blockIssues.length) return blockIssues;
    const block = h[h.kind as string];
    if (!block || typeof block !== "object" || Array.isArray(block))
        return [
            issue(
                [...at, h.kind as string],
                block === null ? null : typeof block,
                "an object with the settings of this kind",
            ),
        ];
    const b = block as Record<string, unknown>;
    const [create, ref] =
        h.kind === HandlerKind.StorageQueue
            ? ["accountName", "existingAccountId"]
            : ["namespaceName", "existingNamespaceId"];
    const needsTarget = [
        HandlerKind.StorageQueue,
        HandlerKind.ServiceBusQueue,
        HandlerKind.ServiceBusTopic,
        HandlerKind.EventHub,
    ].includes(h.kind as HandlerKind);
    if (needsTarget && b[create] === undefined && b[ref] === undefined)
        return [
            issue(
                [...at, h.kind as string, create],
                undefined,
                `required: ${create} to create one, or ${ref} to reference an existing one`,
            ),
        ];
    return [];
}

function createEndpoint(ctx: TargetContext, args: HandlerTargetArgs): HandlerEndpoint {
    switch (args.kind) {
        case HandlerKind.Webhook:
            return webhookEndpoint(args.webhook!);
        case HandlerKind.StorageQueue:
            return storageQueueEndpoint(ctx, args.storageQueue!);
        case HandlerKind.ServiceBusQueue:
            return serviceBusQueueEndpoint(ctx, args.serviceBusQueue!);
        case HandlerKind.ServiceBusTopic:
            return serviceBusTopicEndpoint(ctx, args.serviceBusTopic!);
        case HandlerKind.EventHub:
            return eventHubEndpoint(ctx, args.eventHub!);
        case HandlerKind.Function:
            return functionEndpoint(ctx, args.function!, args);
        case HandlerKind.LogicApp:
            return logicAppEndpoint(ctx, args.logicApp!, args);
    }
}
