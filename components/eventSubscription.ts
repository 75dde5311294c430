import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as pulumi from "@pulumi/pulumi";
import type { eventgrid as arm } from "@pulumi/azure-native/types/input";
import { Issue, issue, ValidationError } from "../validation/issue";
import { LIMITS } from "../validation/limits";
import { RouteFit, routeEnumIssues, routeIssues, subscriptionNameIssues } from "../validation/route";
import { webhookUrlIssues } from "../validation/webhook";
import { childName } from "./naming";
import { DeliveryHeaderArgs, knownIssues, ROUTE_ENUMS, RouteSettingsArgs } from "./route";
import { DeliveryHeaderKind, DeliverySchema, EndpointType, isPushEndpoint } from "./types";

export { AdvancedFilterArgs, DeliveryHeaderArgs } from "./route";

export interface DestinationArgs {
    /** Required. Event Grid endpoint type. */
    endpointType: EndpointType;
    /**
     * Conditional. Destination resource ID; for StorageQueue the storage account ID. Required for resource
     * destinations.
     */
    resourceId?: pulumi.Input<string>;
    /** Conditional. Queue name (StorageQueue). */
    queueName?: pulumi.Input<string>;
    /** Optional. StorageQueue message TTL in seconds (-1 never expires). */
    queueMessageTimeToLiveInSeconds?: pulumi.Input<number>;
    /** Conditional. HTTPS URL (WebHook). Stored as a secret. */
    endpointUrl?: pulumi.Input<string>;
    /** Optional. Entra ID tenant for secured WebHook delivery (set with entraApplicationIdOrUri). */
    entraTenantId?: pulumi.Input<string>;
    /** Optional. Entra application ID or URI the WebHook delivery token is issued for. */
    entraApplicationIdOrUri?: pulumi.Input<string>;
    /** Optional. WebHook minimum TLS version. Default: "1.2". */
    minimumTlsVersion?: pulumi.Input<string>;
    /**
     * Optional. Deliver with the topic's system-assigned identity. Default: true for queues, Service Bus and Event
     * Hubs.
     */
    useTopicIdentity?: boolean;
}

export interface DeadLetterArgs {
    /** Required. Storage account ID that receives dead letters. */
    storageAccountId: pulumi.Input<string>;
    /** Required. Private blob container in that account. */
    containerName: pulumi.Input<string>;
    /** Optional. Write with the topic's identity (needed when shared keys are off). Default: true. */
    useTopicIdentity?: boolean;
}

/**
 * One route's settings (components/route.ts) and where it delivers. `name` is the Azure name (default: the component
 * name). The dead-letter target is `deadLetterDestination`, as in azure-native, not AcsRouteArgs' `deadLetter` opt-out.
 */
export interface EventSubscriptionArgs extends RouteSettingsArgs {
    /** Required. Resource group of the system topic. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Name of the system topic (an output of the topic, so the subscription waits for it). */
    systemTopicName: pulumi.Input<string>;
    /**
     * Optional. Resource ID of the topic's user-assigned identity: identity delivery and dead-lettering use it
     * (type UserAssigned). Unset: the topic's system-assigned identity.
     */
    userAssignedIdentityId?: pulumi.Input<string>;
    /** Optional. Name of the handler, recorded for plans and reports. */
    handler?: pulumi.Input<string>;
    /** Required. Where events go. */
    destination: DestinationArgs;
    /** Optional but strongly recommended: where undeliverable events go. */
    deadLetterDestination?: DeadLetterArgs;
}

/**
 * One filtered event subscription on the ACS system topic. Writes every default explicitly (retry 30/1440,
 * case-insensitive subject, batch 1/64 for push endpoints, schema) so nothing depends on server defaults, and
 * delivers and dead-letters with the topic's identity where Azure allows it.
 */
export class EventSubscription extends pulumi.ComponentResource {
    public readonly id: pulumi.Output<string>;
    public readonly subscriptionName: pulumi.Output<string>;

    constructor(name: string, args: EventSubscriptionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:EventSubscription", name, checkedSubscriptionArgs(name, args), opts);
        const f = args.filter;
        const sub = new eventgrid.SystemTopicEventSubscription(
            childName(name, "subscription"),
            {
                resourceGroupName: args.resourceGroupName,
                systemTopicName: args.systemTopicName,
                eventSubscriptionName: args.name ?? name,
                filter: {
                    includedEventTypes: f.eventTypes,
                    subjectBeginsWith: f.subject?.beginsWith,
                    subjectEndsWith: f.subject?.endsWith,
                    isSubjectCaseSensitive: f.subject?.caseSensitive ?? false,
                    enableAdvancedFilteringOnArrays: f.enableAdvancedFilteringOnArrays ?? false,
                    // operatorType is a string here (validated against Event Grid's 19 operators);
                    // azure-native types one literal per operator.
                    advancedFilters: f.advancedFilters as arm.EventSubscriptionFilterArgs["advancedFilters"],
                },
                retryPolicy: {
                    maxDeliveryAttempts: args.retry?.maxDeliveryAttempts ?? LIMITS.maxDeliveryAttempts.default,
                    eventTimeToLiveInMinutes:
                        args.retry?.eventTimeToLiveInMinutes ?? LIMITS.eventTimeToLiveInMinutes.default,
                },
                eventDeliverySchema: args.delivery?.schema ?? DeliverySchema.EventGridSchema,
                labels: args.labels,
                expirationTimeUtc: args.expirationTimeUtc,
                ...destinationInputs(args),
                ...deadLetterInputs(args.deadLetterDestination, topicIdentity(args)),
                // The component's dependsOn (role assignments, code deployment) must hold for the Azure resource
                // itself: a child does not inherit its parent's dependencies.
            },
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.id = sub.id;
        this.subscriptionName = sub.name;
        this.registerOutputs({ id: this.id, subscriptionName: this.subscriptionName });
    }
}

function usesIdentity(d: DestinationArgs): boolean {
    return (
        d.useTopicIdentity ?? (d.endpointType !== EndpointType.WebHook && d.endpointType !== EndpointType.AzureFunction)
    );
}

/** `destination` and `deliveryWithResourceIdentity` are mutually exclusive in ARM: emit exactly one. */
function destinationInputs(args: EventSubscriptionArgs): Partial<eventgrid.SystemTopicEventSubscriptionArgs> {
    const d = args.destination;
    const mappings = deliveryMappings(args.delivery?.headers);
    const batching = args.delivery?.batching;
    const push = isPushEndpoint(d.endpointType)
        ? {
              maxEventsPerBatch: batching?.maxEventsPerBatch ?? LIMITS.maxEventsPerBatch.default,
              preferredBatchSizeInKilobytes:
                  batching?.preferredBatchSizeInKilobytes ?? LIMITS.preferredBatchSizeInKilobytes.default,
          }
        : {};
    let destination: any;
    switch (d.endpointType) {
        case EndpointType.WebHook:
            destination = {
                endpointType: "WebHook",
                endpointUrl: pulumi.secret(d.endpointUrl!),
                minimumTlsVersionAllowed: d.minimumTlsVersion ?? "1.2",
                azureActiveDirectoryTenantId: d.entraTenantId,
                azureActiveDirectoryApplicationIdOrUri: d.entraApplicationIdOrUri,
                ...push,
            };
            break;
        case EndpointType.StorageQueue:
            destination = {
                endpointType: "StorageQueue",
                resourceId: d.resourceId,
                queueName: d.queueName,
                queueMessageTimeToLiveInSeconds: d.queueMessageTimeToLiveInSeconds,
            };
            break;
        default:
            destination = { endpointType: d.endpointType, resourceId: d.resourceId, ...push };
    }
    if (mappings && d.endpointType !== EndpointType.StorageQueue) destination.deliveryAttributeMappings = mappings;
    return usesIdentity(d)
        ? { deliveryWithResourceIdentity: { identity: topicIdentity(args), destination } }
        : { destination };
}

/** The identity block of deliveryWithResourceIdentity / deadLetterWithResourceIdentity. */
function topicIdentity(args: EventSubscriptionArgs): { type: string; userAssignedIdentity?: pulumi.Input<string> } {
    return args.userAssignedIdentityId !== undefined
        ? { type: "UserAssigned", userAssignedIdentity: args.userAssignedIdentityId }
        : { type: "SystemAssigned" };
}

function deliveryMappings(headers: DeliveryHeaderArgs[] | undefined): any[] | undefined {
    if (!headers?.length) return undefined;
    return headers.map((h) =>
        h.kind === DeliveryHeaderKind.Static
            ? {
                  type: "Static",
                  name: h.name,
                  value: h.secret ? pulumi.secret(h.value!) : h.value,
                  isSecret: h.secret ?? false,
              }
            : { type: "Dynamic", name: h.name, sourceField: h.sourceField },
    );
}

function deadLetterInputs(
    dl: DeadLetterArgs | undefined,
    identity: { type: string; userAssignedIdentity?: pulumi.Input<string> },
): Partial<eventgrid.SystemTopicEventSubscriptionArgs> {
    if (!dl) return {};
    const deadLetterDestination = {
        endpointType: "StorageBlob" as const,
        resourceId: dl.storageAccountId,
        blobContainerName: dl.containerName,
    };
    return (dl.useTopicIdentity ?? true)
        ? { deadLetterWithResourceIdentity: { identity, deadLetterDestination } }
        : { deadLetterDestination };
}

const plain = <T>(v: pulumi.Input<T> | undefined): T | undefined =>
    v === undefined || pulumi.Output.isInstance(v) || v instanceof Promise ? undefined : (v as T);

/** Throws before `super()`, so invalid args register nothing, not even the component itself. */
function checkedSubscriptionArgs(name: string, args: EventSubscriptionArgs): EventSubscriptionArgs {
    const issues = validateSubscriptionArgs(args);
    if (issues.length) throw new ValidationError(issues, `EventSubscription "${name}" `, "invalid event subscription");
    return args;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === "object" && !Array.isArray(v) && !pulumi.Output.isInstance(v);

/**
 * Validate what is known at construction time (plain values); outputs are checked by the policy pack. The route's
 * settings get the checks every route gets (validation/route.ts), judged against this destination.
 */
export function validateSubscriptionArgs(args: EventSubscriptionArgs): Issue[] {
    if (!isRecord(args))
        return [
            issue(
                [],
                args === null ? null : typeof args,
                "arguments required: { resourceGroupName, systemTopicName, filter, destination }",
            ),
        ];
    return [
        ...knownIssues(args, [
            ...routeEnumIssues(args, [], ROUTE_ENUMS),
            ...routeIssues(args, [], destinationFit(args.destination), SUBSCRIPTION_OWN_KEYS),
            ...subscriptionNameIssues(args.name, ["name"]),
            ...("deadLetter" in args
                ? [
                      issue(
                          ["deadLetter"],
                          "an object",
                          "moved to deadLetterDestination (the name azure-native gives it)",
                      ),
                  ]
                : []),
        ]),
        ...destinationIssues(args.destination),
    ];
}

/** EventSubscriptionArgs' keys beside the route settings (`deadLetter` is reported as moved, above). */
const SUBSCRIPTION_OWN_KEYS = [
    "resourceGroupName",
    "systemTopicName",
    "userAssignedIdentityId",
    "handler",
    "destination",
    "deadLetterDestination",
    "deadLetter",
];

/** What the destination takes: batching only on push endpoints; delivery headers on all but a storage queue. */
function destinationFit(d: unknown): RouteFit | undefined {
    if (!isRecord(d) || !Object.values(EndpointType).includes(d.endpointType as EndpointType)) return undefined;
    const t = d.endpointType as EndpointType;
    return { push: isPushEndpoint(t), headers: t !== EndpointType.StorageQueue, what: `this destination is ${t}` };
}

function destinationIssues(d: DestinationArgs | undefined): Issue[] {
    if (!isRecord(d)) return [issue(["destination"], d, "required: { endpointType, resourceId | endpointUrl, … }")];
    if (!Object.values(EndpointType).includes(d.endpointType))
        return [
            issue(["destination", "endpointType"], d.endpointType, `one of ${Object.values(EndpointType).join(", ")}`),
        ];
    if (d.endpointType === EndpointType.WebHook) {
        if (d.endpointUrl === undefined)
            return [issue(["destination", "endpointUrl"], undefined, "required for WebHook")];
        const url = plain(d.endpointUrl);
        return webhookUrlIssues(url, ["destination", "endpointUrl"]);
    }
    const out: Issue[] = [];
    if (d.resourceId === undefined)
        out.push(issue(["destination", "resourceId"], undefined, `required for ${d.endpointType}`));
    if (d.endpointType === EndpointType.StorageQueue && d.queueName === undefined)
        out.push(issue(["destination", "queueName"], undefined, "required for StorageQueue"));
    if (d.endpointType === EndpointType.AzureFunction) {
        const id = plain(d.resourceId);
        if (id !== undefined && !/\/providers\/Microsoft\.Web\/sites\/[^/]+\/functions\/[^/]+$/i.test(id)) {
            out.push(
                issue(
                    ["destination", "resourceId"],
                    id,
                    "an AzureFunction destination is <function app id>/functions/<function name>",
                ),
            );
        }
    }
    return out;
}
