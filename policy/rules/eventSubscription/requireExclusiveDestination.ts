import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { identityIncludes } from "../../lib/values";

function identityProblems(root: string, w: any, inner: string): string[] {
    const out: string[] = [];
    if (!w[inner])
        out.push(
            `${root}.${inner}: expected a destination, got nothing (unset). Fix: put the destination inside ` +
                `${root} (an identity without a destination does nothing: ` +
                "https://github.com/hashicorp/terraform-provider-azurerm/pull/9935)",
        );
    const type = w.identity?.type;
    if (!identityIncludes(type, "SystemAssigned") && !identityIncludes(type, "UserAssigned")) {
        out.push(
            `${root}.identity.type: expected "SystemAssigned" or "UserAssigned", got ` +
                `${JSON.stringify(type)}. Fix: set identity: { type: "SystemAssigned" }`,
        );
    } else if (identityIncludes(type, "UserAssigned") && !w.identity?.userAssignedIdentity) {
        out.push(
            `${root}.identity.userAssignedIdentity: expected the user-assigned identity's resource id, got ` +
                "nothing (unset). Fix: set userAssignedIdentity to an identity attached to the topic",
        );
    }
    return out;
}

/**
 * ARM rejects `destination` together with `deliveryWithResourceIdentity` ("cannot be set at the same time",
 * https://github.com/Azure/bicep-registry-modules/issues/705); azure-native accepts both. The same holds, by analogy,
 * for the two dead-letter forms; an identity block needs its destination and identity type
 * (https://github.com/hashicorp/terraform-provider-azurerm/pull/9935).
 */
export const eventSubscriptionRequireExclusiveDestination: ResourceValidationPolicy = {
    name: "event-subscription-require-exclusive-destination",
    description:
        "A subscription needs exactly one of destination / deliveryWithResourceIdentity (and at most one of " +
        "deadLetterDestination / deadLetterWithResourceIdentity), each complete; ARM rejects both at once " +
        "and an identity block without its destination.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        if (s.destination && s.deliveryWithResourceIdentity) {
            report(
                'destination/deliveryWithResourceIdentity: expected exactly one, got both (ARM: "Destination ' +
                    'and DeliveryWithResourceIdentity cannot be set at the same time"). Fix: keep ' +
                    "deliveryWithResourceIdentity for queue/Service Bus/Event Hubs destinations, destination for " +
                    "WebHook/AzureFunction",
            );
        }
        if (!s.destination && !s.deliveryWithResourceIdentity) {
            report(
                "destination/deliveryWithResourceIdentity: expected exactly one, got neither. Fix: set where " +
                    "the events go",
            );
        }
        if (s.deadLetterDestination && s.deadLetterWithResourceIdentity) {
            report(
                "deadLetterDestination/deadLetterWithResourceIdentity: expected at most one, got both. Fix: " +
                    "keep deadLetterWithResourceIdentity",
            );
        }
        const problems = [
            ...(s.deliveryWithResourceIdentity
                ? identityProblems("deliveryWithResourceIdentity", s.deliveryWithResourceIdentity, "destination")
                : []),
            ...(s.deadLetterWithResourceIdentity
                ? identityProblems(
                      "deadLetterWithResourceIdentity",
                      s.deadLetterWithResourceIdentity,
                      "deadLetterDestination",
                  )
                : []),
        ];
        problems.forEach((p) => report(p));
    }),
};
