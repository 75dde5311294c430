import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { byId, linked, ofType } from "../../lib/stack";
import { deliveryOf, Endpoint, rootKey } from "../../lib/subscription";
import { T } from "../../lib/types";
import { expected, has, sameId } from "../../lib/values";

export interface ServiceBusEntityConfig {
    /** Ids of queues/topics this stack delivers to but does not create (managed elsewhere). */
    externalEntities: string[];
}

const KIND = {
    ServiceBusQueue: { type: T.ServiceBusQueue, segment: "queues", word: "queue", other: T.ServiceBusTopic },
    ServiceBusTopic: { type: T.ServiceBusTopic, segment: "topics", word: "topic", other: T.ServiceBusQueue },
} as const;

function entityProblem(
    sub: PolicyResource,
    e: Endpoint,
    resources: readonly PolicyResource[],
    external: readonly string[],
): string | undefined {
    const k = KIND[e.destination.endpointType as keyof typeof KIND];
    const at = `${e.path}.resourceId`;
    // Built from an entity of this stack: the URN says which (known in preview, unlike the id).
    if (linked(sub, rootKey(e), k.type).length > 0) return undefined;
    const wrong = linked(sub, rootKey(e), k.other)[0];
    if (wrong)
        return (
            `${at}: built from ${wrong.type.split(":").pop()} ${wrong.name}, but endpointType is ` +
            `${e.destination.endpointType}. Fix: point a ${e.destination.endpointType} destination at a ` +
            `servicebus.${k.type.split(":").pop()}, or change endpointType`
        );
    const fix =
        `create the ${k.word} in this stack (servicebus.${k.type.split(":").pop()}) and build resourceId from ` +
        "it, or list its id in this policy's externalEntities config";
    if (!has(e.destination, "resourceId")) return expected(at, `the id of a Service Bus ${k.word}`, undefined, fix);
    const id = e.destination.resourceId;
    if (
        typeof id !== "string" ||
        !new RegExp(`/providers/Microsoft\\.ServiceBus/namespaces/[^/]+/${k.segment}/[^/]+$`, "i").test(id)
    ) {
        return expected(
            at,
            `a Service Bus ${k.word} id ` +
                `(…/providers/Microsoft.ServiceBus/namespaces/<namespace>/${k.segment}/<name>)`,
            id,
            fix,
        );
    }
    if (byId(resources, k.type, id) || external.some((x) => sameId(x, id))) return undefined;
    return expected(at, `a servicebus.${k.type.split(":").pop()} of this stack or an id in externalEntities`, id, fix);
}

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/delivery-and-retry): a Service Bus destination whose
 * queue/topic does not exist fails with outcome NotFound
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry), and a queue id under a ServiceBusTopic endpoint
 * type (or the reverse) is refused. The entity must be in the stack, or declared external.
 */
export const eventSubscriptionRequireServiceBusEntity: StackValidationPolicy = {
    name: "event-subscription-require-service-bus-entity",
    description:
        "A Service Bus destination must name a queue (ServiceBusQueue) or topic (ServiceBusTopic) that this stack " +
        "creates or declares external; a missing or mistyped entity makes every delivery fail with NotFound.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: { properties: { externalEntities: { type: "array", items: { type: "string" }, default: [] } } },
    validateStack: (args, report) => {
        const external = args.getConfig<Partial<ServiceBusEntityConfig>>().externalEntities ?? [];
        for (const sub of ofType(args.resources, T.Subscription)) {
            const e = deliveryOf(sub.props);
            if (!e || !(e.destination?.endpointType in KIND)) continue;
            const problem = entityProblem(sub, e, args.resources, external);
            if (problem) report(problem, sub.urn);
        }
    },
};
