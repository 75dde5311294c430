import { StackValidationPolicy } from "@pulumi/policy";
import { ofType } from "../../lib/stack";
import { deliveryOf } from "../../lib/subscription";
import { entityFor, namespaceOf } from "../../lib/targets";
import { ROLE_NAMES, ROLES_FOR_ENDPOINT, T } from "../../lib/types";

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/managed-service-identity, the Service Bus / Event Hubs twin
 * of event-subscription-require-reachable-storage): a plain `destination` makes Event Grid authenticate with the
 * namespace's access keys (SAS), which a namespace with `disableLocalAuth: true` refuses, so every delivery fails
 * (https://learn.microsoft.com/azure/event-grid/security-authentication; "Local auth needs to be enabled for the event
 * hubs namespace for delivery when delivery_identity for event subscription isn't set",
 * https://github.com/Azure/telescope/pull/446). Entities and namespaces outside the stack are not judged.
 */
export const eventSubscriptionRequireReachableNamespace: StackValidationPolicy = {
    name: "event-subscription-require-reachable-namespace",
    description:
        "A Service Bus or Event Hubs destination delivered without the topic's identity needs a namespace " +
        "that accepts access keys; with disableLocalAuth: true every delivery is refused.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const sub of ofType(args.resources, T.Subscription)) {
            const e = deliveryOf(sub.props);
            if (e?.path !== "destination") continue; // identity delivery needs no keys
            const entity = entityFor(sub, e, args.resources);
            const ns = entity && namespaceOf(entity, args.resources);
            if (ns?.props.disableLocalAuth !== true) continue;
            const role = ROLE_NAMES[ROLES_FOR_ENDPOINT[e.destination.endpointType][0]];
            report(
                `destination.resourceId: namespace ${ns.name} has disableLocalAuth: true, so Event Grid ` +
                    `cannot deliver to ${entity!.name} with access keys, got a plain destination (no identity). ` +
                    "Fix: use deliveryWithResourceIdentity with the topic's system-assigned identity and grant " +
                    `it ${role} (or enable local auth on the namespace)`,
                sub.urn,
            );
        }
    },
};
