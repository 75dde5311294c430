import { Graph } from "../harness/graph";
import { RoutedSubscription } from "../routing";

const SUB = "azure-native:eventgrid:SystemTopicEventSubscription";

/**
 * The stack's subscriptions as routing-table entries: the azure-native inputs are a FilterSpec as they are;
 * the handler name comes from the EventSubscription component that parents each one.
 */
export function routedSubscriptions(graph: Graph): RoutedSubscription[] {
    const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
    return graph.resources
        .filter((r) => r.type === SUB)
        .map((r) => {
            const parent = r.parent ? byUrn.get(r.parent) : undefined;
            return {
                name: r.inputs.eventSubscriptionName ?? r.name,
                handler: parent?.inputs?.handler,
                filter: r.inputs.filter,
                eventDeliverySchema: r.inputs.eventDeliverySchema,
            };
        });
}
