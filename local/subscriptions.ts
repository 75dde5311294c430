/**
 * The stack's event subscriptions, read from the program's own resource graph (harness/runStack under Pulumi
 * mocks) — exactly what `pulumi up` would send — into what the local delivery loop needs: the filter (for the
 * routing/ evaluator), the destination, the retry policy, the dead-letter container and the handler's kind.
 */
import { routedSubscriptions } from "../cli/stackRoutes";
import { Graph } from "../harness/graph";
import { RoutedSubscription } from "../routing";
import { LIMITS } from "../validation/limits";
import { DEFAULT_EVENT_TTL_MINUTES, DEFAULT_MAX_DELIVERY_ATTEMPTS, RetryPolicy } from "./retryPolicy";

const SUBSCRIPTION = "azure-native:eventgrid:SystemTopicEventSubscription";
const HANDLER = "acs-event-handling:index:HandlerTarget";

/** The Event Grid destination kinds (`endpointType`). */
export type EndpointType =
    | "WebHook"
    | "AzureFunction"
    | "StorageQueue"
    | "ServiceBusQueue"
    | "ServiceBusTopic"
    | "EventHub"
    | "HybridConnection";

export interface DeliveryAttribute {
    readonly name: string;
    readonly type: "Static" | "Dynamic";
    readonly value?: string;
    readonly isSecret?: boolean;
    readonly sourceField?: string;
}

export interface LocalSubscription {
    /** Event subscription name (what `aeg-subscription-name` carries and dead-letter paths use). */
    readonly name: string;
    readonly topicName: string;
    /** Handler name from the stack config, and its kind (`webhook`, `logicApp`, `function`, `storageQueue`, …). */
    readonly handler: string;
    readonly handlerKind: string;
    readonly routed: RoutedSubscription;
    readonly schema: "EventGridSchema" | "CloudEventSchemaV1_0" | "CustomInputSchema";
    readonly endpointType: EndpointType;
    /** The destination's properties as the program set them (endpointUrl, queueName, resourceId, …). */
    readonly destination: Record<string, any>;
    /** True when the endpoint URL is a Pulumi secret (it carries a key): never print it. */
    readonly secretUrl: boolean;
    readonly retry: RetryPolicy;
    readonly maxEventsPerBatch: number;
    readonly preferredBatchSizeInKilobytes: number;
    readonly deliveryAttributes: readonly DeliveryAttribute[];
    /** Dead-letter blob container, when the subscription has a dead-letter destination. */
    readonly deadLetterContainer?: string;
}

export function localSubscriptions(graph: Graph): LocalSubscription[] {
    const routed = new Map(routedSubscriptions(graph).map((r) => [r.name, r]));
    const kinds = new Map(
        graph.resources.filter((r) => r.type === HANDLER).map((r) => [r.name, String(r.inputs.kind)]),
    );
    return graph.resources
        .filter((r) => r.type === SUBSCRIPTION)
        .map((r) => {
            const i = r.inputs;
            const name: string = i.eventSubscriptionName ?? r.name;
            const destination = { ...(i.destination ?? i.deliveryWithResourceIdentity?.destination ?? {}) };
            const routedSub = routed.get(name)!;
            const handler = routedSub.handler ?? name;
            const deadLetter = i.deadLetterWithResourceIdentity?.deadLetterDestination ?? i.deadLetterDestination;
            return {
                name,
                topicName: i.systemTopicName,
                handler,
                handlerKind: kinds.get(handler) ?? "unknown",
                routed: routedSub,
                schema: i.eventDeliverySchema ?? "EventGridSchema",
                endpointType: destination.endpointType,
                destination,
                secretUrl: r.secretPaths.some((p) => p.endsWith("endpointUrl")),
                retry: {
                    maxDeliveryAttempts: i.retryPolicy?.maxDeliveryAttempts ?? DEFAULT_MAX_DELIVERY_ATTEMPTS,
                    eventTimeToLiveInMinutes: i.retryPolicy?.eventTimeToLiveInMinutes ?? DEFAULT_EVENT_TTL_MINUTES,
                },
                // Event Grid's defaults, which EventSubscription also writes (validation/limits.ts)
                // (https://learn.microsoft.com/azure/event-grid/delivery-and-retry#output-batching).
                maxEventsPerBatch: destination.maxEventsPerBatch ?? LIMITS.maxEventsPerBatch.default,
                preferredBatchSizeInKilobytes:
                    destination.preferredBatchSizeInKilobytes ?? LIMITS.preferredBatchSizeInKilobytes.default,
                deliveryAttributes: destination.deliveryAttributeMappings ?? [],
                deadLetterContainer: deadLetter?.blobContainerName,
            };
        });
}
