import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { currentTypes } from "../../lib/eventTypes";
import { dataPath, keyedFilters, shortType } from "../../lib/filterKeys";
import { eventTypesOf } from "../../lib/subscription";

/**
 * A key that is an array in an included type's payload (catalog keys ending `[]`) needs
 * `enableAdvancedFilteringOnArrays: true`; without it the outcome is undocumented (U4), so the filter may never
 * match. Unset counts as false (the SDK does not fill it).
 */
export const eventSubscriptionRequireArrayFiltering: ResourceValidationPolicy = {
    name: "event-subscription-require-array-filtering",
    description:
        "Advanced filters on array-valued payload keys need enableAdvancedFilteringOnArrays: true; otherwise " +
        "Event Grid's behaviour is undocumented and the filter may never match.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        if (s.filter?.enableAdvancedFilteringOnArrays === true) return;
        const types = currentTypes(eventTypesOf(s) ?? []);
        for (const f of keyedFilters(s.filter?.advancedFilters)) {
            const path = dataPath(f.key);
            // Positive operators on an array without the flag do not match
            // (https://learn.microsoft.com/azure/event-grid/event-filtering).
            const arrays = path ? types.filter((t) => t.dataKeys.includes(`${path}[]`)) : [];
            if (arrays.length === 0) continue;
            report(
                "filter.enableAdvancedFilteringOnArrays: expected true because " +
                    `filter.advancedFilters[${f.index}].key "${f.key}" is an array in ` +
                    `${arrays.map((t) => shortType(t.type)).join(", ")} payloads, got ` +
                    `${JSON.stringify(s.filter?.enableAdvancedFilteringOnArrays)}. Fix: set ` +
                    "filter.enableAdvancedFilteringOnArrays: true",
            );
        }
    }),
};
