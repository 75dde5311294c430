import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { currentTypes } from "../../lib/eventTypes";
import { dataPath, keyedFilters, shortType, typesLacking } from "../../lib/filterKeys";
import { eventTypesOf } from "../../lib/subscription";

/** Operators whose answer on a missing key is "match" (documented) or undocumented (U3, ranges). */
const MISSING_KEY_OUTCOME: Record<string, string> = {
    NumberNotIn: "matches them (a missing key makes NotIn true)",
    StringNotIn: "matches them (a missing key makes NotIn true)",
    NumberInRange: "has an undocumented outcome on them (U3)",
    NumberNotInRange: "has an undocumented outcome on them (U3)",
};

/**
 * An exclusion that meets a key some included types do not carry lets those events through (EF). The safe
 * pattern (https://learn.microsoft.com/azure/event-grid/event-filtering) adds `IsNotNull` on the same key, which this
 * rule accepts. Advisory: the subscription works, it just delivers more than the author meant.
 */
export const eventSubscriptionGuardNotInMissingKey: ResourceValidationPolicy = {
    name: "event-subscription-guard-not-in-missing-key",
    description:
        "NumberNotIn/StringNotIn (and the range operators) on a key some included event types lack let every " +
        "such event through; guard the key with IsNotNull.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const types = currentTypes(eventTypesOf(s) ?? []);
        const filters = keyedFilters(s.filter?.advancedFilters);
        const guarded = new Set(filters.filter((f) => f.operatorType === "IsNotNull").map((f) => f.key.toLowerCase()));
        for (const f of filters) {
            const outcome = MISSING_KEY_OUTCOME[f.operatorType];
            const path = dataPath(f.key);
            if (!outcome || !path || guarded.has(f.key.toLowerCase())) continue;
            const lacking = typesLacking(types, path);
            if (lacking.length === 0) continue;
            report(
                `filter.advancedFilters[${f.index}]: ${f.operatorType} on "${f.key}" ${outcome}: ` +
                    `${lacking.map((t) => shortType(t.type)).join(", ")} payloads have no "${path}". Fix: add { ` +
                    `operatorType: "IsNotNull", key: "${f.key}" } to the advanced filters, or move those event ` +
                    "types to another subscription",
            );
        }
    }),
};
