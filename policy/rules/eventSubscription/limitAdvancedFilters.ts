import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { checkAdvancedFilters } from "../../../validation/filters";
import { formatIssue } from "../../../validation/issue";
import { plain } from "../../lib/values";

/**
 * Event Grid's limits and operand types (EF): at most 25 advanced filters and 25 values in total (a range pair
 * counts 2, the stricter reading U8), 512 characters per string, and the operand each operator takes. ARM
 * rejects violations at deploy time; the component validates plain values, this catches outputs and raw
 * resources.
 */
export const eventSubscriptionLimitAdvancedFilters: ResourceValidationPolicy = {
    name: "event-subscription-limit-advanced-filters",
    description:
        "Advanced filters must stay within Event Grid's limits (25 filters, 25 values in total, 512 " +
        "characters per string) and give each operator the operand it takes; otherwise the deployment fails.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const filters = plain(s.filter?.advancedFilters);
        for (const i of checkAdvancedFilters(filters, ["filter", "advancedFilters"])) {
            report(
                `${formatIssue("", i)}. Fix: correct the filter as described (limits: ` +
                    "https://learn.microsoft.com/azure/event-grid/event-filtering)",
            );
        }
    }),
};
