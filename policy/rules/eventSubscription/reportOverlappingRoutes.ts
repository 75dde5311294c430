import { StackValidationPolicy } from "@pulumi/policy";
import { describeWitness, overlappingRoutes } from "../../lib/routes";

/**
 * Information (https://learn.microsoft.com/azure/event-grid/delivery-and-retry): overlapping subscriptions with
 * different handlers are often intended (fan-out: a queue records, a webhook notifies), but each handler then sees the
 * event, so it is worth knowing. Also lists pairs the simulator could neither prove disjoint nor overlapping.
 */
export const eventSubscriptionReportOverlappingRoutes: StackValidationPolicy = {
    name: "event-subscription-report-overlapping-routes",
    description:
        "Subscriptions on one topic that can match the same event deliver it to each of their handlers; with " +
        "different handlers that is fan-out, reported for information.",
    enforcementLevel: "advisory",
    severity: "low",
    validateStack: (args, report) => {
        for (const p of overlappingRoutes(args.resources)) {
            // reported by event-subscription-avoid-duplicate-delivery
            if (p.sameHandler && p.overlap.verdict === "overlap") continue;
            const what = p.sameHandler ? "the same handler" : "a different handler";
            report(
                `filter: overlaps subscription ${p.first.name} (${what}): ${describeWitness(p.overlap)}. ` +
                    "Fix: nothing if the fan-out is intended; otherwise make the filters disjoint",
                p.second.urn,
            );
        }
    },
};
