import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { reach } from "../../../catalog";
import { currentTypes } from "../../lib/eventTypes";
import { dataPath, keyedFilters, shortType } from "../../lib/filterKeys";
import { eventTypesOf } from "../../lib/subscription";

/**
 * A `data.` key that names a field of the objects inside an array (`data.deliveryAttempts.timestamp`).
 * Advisory: https://learn.microsoft.com/azure/event-grid/event-filtering documents filtering on arrays of values
 * (with enableAdvancedFilteringOnArrays) but says nothing about keys that pass through an array of objects, so
 * the routing simulator reads them as missing and the filter may never match; Azure may still accept it.
 */
export const eventSubscriptionAvoidArrayItemKeys: ResourceValidationPolicy = {
    name: "event-subscription-avoid-array-item-keys",
    description:
        "Advanced-filter data keys that pass through an array of objects have undocumented behaviour in " +
        "Event Grid; the filter may never match.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const types = currentTypes(eventTypesOf(s) ?? []);
        for (const f of keyedFilters(s.filter?.advancedFilters)) {
            const path = dataPath(f.key);
            if (path === undefined) continue;
            const hits = types.map((t) => ({ t, r: reach(t.payloadKeys, path, false) }));
            if (hits.some((h) => h.r && h.r.kind !== "inArray")) continue;
            const inArray = hits.flatMap((h) =>
                h.r?.kind === "inArray" ? [{ type: h.t.type, array: h.r.array }] : [],
            );
            if (inArray.length === 0) continue;
            const array = inArray[0].array;
            report(
                `filter.advancedFilters[${f.index}].key: "${f.key}" is a field of the objects inside the ` +
                    `array "data.${array}" of ${inArray.map((h) => shortType(h.type)).join(", ")}; Event Grid ` +
                    "does not document filtering through arrays of objects, so the filter may never match. Fix: " +
                    "filter on a scalar key, or on the array itself with enableAdvancedFilteringOnArrays: true",
            );
        }
    }),
};
