import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { distance } from "fastest-levenshtein";
import { EventTypeInfo } from "../../../catalog";
import { bareKey, currentTypes } from "../../lib/eventTypes";
import { dataPath, keyedFilters, shortType, typesLacking } from "../../lib/filterKeys";
import { eventTypesOf } from "../../lib/subscription";

/** Why a `data.` path reaches nothing in any included type, with the key to write instead; undefined when fine. */
function pathProblem(path: string, types: readonly EventTypeInfo[]): { why: string; instead?: string } | undefined {
    if (typesLacking(types, path).length < types.length) {
        const throughArray = types.some((t) => t.dataKeys.some((k) => k.includes("[].") && bareKey(k) === path));
        return throughArray ? { why: `"${path}" is a field of objects inside an array, which Event Grid cannot filter on` } : undefined;
    }
    const all = [...new Set(types.flatMap((t) => t.dataKeys.map(bareKey)))];
    const cased = all.find((k) => k.toLowerCase() === path.toLowerCase());
    if (cased) return { why: `payload keys are camelCase and key-name case inside data is undocumented (U6): the payload has "${cased}"`, instead: cased };
    const near = all.map((k) => ({ k, d: distance(k.toLowerCase(), path.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
    const instead = near && near.d <= Math.max(2, Math.floor(path.length / 3)) ? near.k : undefined;
    return { why: `none of ${types.map((t) => shortType(t.type)).join(", ")} has "${path}" in its data`, instead };
}

/**
 * A `data.` key that no included type carries makes the filter never match (positive operators) or always
 * match (NotIn): either way the author wrote the wrong key. Keys are checked against the catalog's wire names.
 */
export const eventSubscriptionRequireKnownFilterKeys: ResourceValidationPolicy = {
    name: "event-subscription-require-known-filter-keys",
    description: "Advanced-filter data keys must exist, spelled exactly, in the payload of at least one included event type; otherwise the filter never matches (or, for NotIn, always does).",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const types = currentTypes(eventTypesOf(s) ?? []);
        if (types.length === 0) return;
        for (const f of keyedFilters(s.filter?.advancedFilters)) {
            const path = dataPath(f.key);
            const problem = path === undefined ? undefined : pathProblem(path, types);
            if (!problem) continue;
            const fix = problem.instead ? `write key: "data.${problem.instead}"` : "use a key from the event's data (docs/event-catalog.md lists them per type)";
            report(`filter.advancedFilters[${f.index}].key: "${f.key}": ${problem.why}. Fix: ${fix}`);
        }
    }),
};
