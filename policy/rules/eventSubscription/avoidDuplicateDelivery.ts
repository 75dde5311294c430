import { StackValidationPolicy } from "@pulumi/policy";
import { describeWitness, overlappingRoutes } from "../../lib/routes";

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/delivery-and-retry): Event Grid delivers once per matching
 * subscription, so two subscriptions on one topic that can match the same event and point at the same handler deliver
 * it twice. Reported on the later subscription, only for proven overlaps (a witness event matches both).
 */
export const eventSubscriptionAvoidDuplicateDelivery: StackValidationPolicy = {
    name: "event-subscription-avoid-duplicate-delivery",
    description:
        "Two subscriptions on one topic must not deliver the same event to the same handler: Event Grid " +
        "delivers once per matching subscription, so the handler processes it twice.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const p of overlappingRoutes(args.resources)) {
            if (!p.sameHandler || p.overlap.verdict !== "overlap") continue;
            report(
                `filter: overlaps subscription ${p.first.name}, which delivers to the same handler: ` +
                    `${describeWitness(p.overlap)}. Fix: merge the two subscriptions, or make their event types ` +
                    "or subject filters disjoint",
                p.second.urn,
            );
        }
    },
};
