import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { deliveryOf } from "../../lib/subscription";
import { IDENTITY_ENDPOINTS, ROLE_NAMES, ROLES_FOR_ENDPOINT } from "../../lib/types";
import { hasIdentity } from "../../lib/values";

/**
 * https://learn.microsoft.com/azure/event-grid/managed-service-identity, WAF Event Grid security (managed identities to
 * handlers). Without `deliveryWithResourceIdentity`, Event Grid fetches the destination's access keys with its own
 * service principal (granted when the resource provider is registered:
 * https://learn.microsoft.com/azure/event-grid/security-authentication), so delivery works as long as the target
 * accepts keys: hygiene, advisory. Where the target refuses keys, delivery breaks:
 * event-subscription-require-reachable-namespace and event-subscription-require-reachable-storage (mandatory). An
 * identity block without an identity type is the unset case.
 */
export const eventSubscriptionRequireIdentityDelivery: ResourceValidationPolicy = {
    name: "event-subscription-require-identity-delivery",
    description:
        "Service Bus, Event Hubs and Storage Queue destinations should be delivered with the topic's managed " +
        "identity (deliveryWithResourceIdentity); otherwise Event Grid writes with access keys, which the " +
        "target must keep enabled and cannot attribute.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const e = deliveryOf(s);
        const type = e?.destination?.endpointType;
        if (!e || !(IDENTITY_ENDPOINTS as readonly string[]).includes(type)) return;
        const role = ROLE_NAMES[ROLES_FOR_ENDPOINT[type][0]];
        const fix =
            'move the destination into deliveryWithResourceIdentity: { identity: { type: "SystemAssigned" }, ' +
            `destination }, give the topic a system-assigned identity and grant it ${role} on the ` +
            `${type === "StorageQueue" ? "account" : "entity"}`;
        if (e.path === "destination") {
            report(
                `destination: expected deliveryWithResourceIdentity for this ${type} destination, got a ` +
                    `plain destination (Event Grid then writes with the target's access keys). Fix: ${fix}`,
            );
        } else if (!hasIdentity(e.identity)) {
            report(
                'deliveryWithResourceIdentity.identity.type: expected "SystemAssigned" or "UserAssigned", ' +
                    `got ${JSON.stringify(e.identity?.type ?? null)}. Fix: ${fix}`,
            );
        }
    }),
};
