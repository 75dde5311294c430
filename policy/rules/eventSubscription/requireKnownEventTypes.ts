import { StackValidationPolicy } from "@pulumi/policy";
import { describeEventTypeProblem } from "../../../catalog";
import { replacementFor } from "../../lib/eventTypes";
import { acsSubscriptions } from "../../lib/stack";
import { eventTypesOf } from "../../lib/subscription";

/**
 * Graph rule
 * (https://github.com/Azure/azure-rest-api-specs/tree/main/specification/eventgrid/data-plane/Microsoft.Communication):
 * it needs the topic's type, because the catalogue is the ACS catalogue. Subscriptions on non-ACS topics are out of
 * scope. A typo, a short name or a 2020 preview name never matches anything: the subscription deploys and silently
 * receives nothing (https://github.com/hashicorp/terraform-provider-azurerm/issues/33369).
 */
export const eventSubscriptionRequireKnownEventTypes: StackValidationPolicy = {
    name: "event-subscription-require-known-event-types",
    description:
        "Every included event type must be one Azure Communication Services emits today, spelled exactly; a " +
        "legacy, misspelt or short name makes the subscription silently receive nothing.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const { sub } of acsSubscriptions(args.resources)) {
            (eventTypesOf(sub.props) ?? []).forEach((t, i) => {
                if (t.toLowerCase() === "all") return; // event-subscription-require-event-types says why "All" is wrong
                const problem = describeEventTypeProblem(t);
                if (!problem) return;
                const instead = replacementFor(t);
                const fix = instead.length
                    ? `write ${instead.map((u) => `"${u}"`).join(" or ")}`
                    : "pick a type from docs/event-catalog.md";
                report(
                    `filter.includedEventTypes[${i}]: ${problem}${/[.?!]$/.test(problem) ? "" : "."} Fix: ${fix}`,
                    sub.urn,
                );
            });
        }
    },
};
