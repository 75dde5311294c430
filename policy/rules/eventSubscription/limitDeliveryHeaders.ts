import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { hasReservedHeaderPrefix, LIMITS } from "../../../validation/limits";
import { deliveryOf } from "../../lib/subscription";
import { list } from "../../lib/values";

/**
 * "You can set up to 10 headers" and "don't use the aeg- prefix as it's used by system properties"
 * (https://learn.microsoft.com/azure/event-grid/delivery-properties): ARM refuses more mappings, and an `aeg-`
 * name collides with Event Grid's own headers and message properties. Unset passes.
 */
export const eventSubscriptionLimitDeliveryHeaders: ResourceValidationPolicy = {
    name: "event-subscription-limit-delivery-headers",
    description:
        "A subscription may set at most 10 delivery properties (headers), none named with the reserved aeg- " +
        "prefix; otherwise the deployment is refused or the header collides with Event Grid's own.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const e = deliveryOf(s);
        const mappings = list(e?.destination?.deliveryAttributeMappings);
        const path = `${e?.path}.deliveryAttributeMappings`;
        if (mappings.length > LIMITS.deliveryAttributeMappings) {
            report(
                `${path}: expected at most ${LIMITS.deliveryAttributeMappings} delivery properties, got ` +
                    `${mappings.length}. Fix: drop the headers the handler does not read (delivery.headers in the ` +
                    "stack config)",
            );
        }
        mappings.forEach((m, i) => {
            if (typeof m?.name === "string" && hasReservedHeaderPrefix(m.name)) {
                report(
                    `${path}[${i}].name: expected a name without the reserved "aeg-" prefix, got ` +
                        `"${m.name}". Fix: rename the header (Event Grid sets aeg-* itself)`,
                );
            }
        });
    }),
};
