import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { distance } from "fastest-levenshtein";
import { EventTypeInfo, reach } from "../../../catalog";
import { currentTypes } from "../../lib/eventTypes";
import { dataPath, keyedFilters, shortType } from "../../lib/filterKeys";
import { eventTypesOf } from "../../lib/subscription";

/** Payload keys a filter can name, written as Event Grid reads them (no `[]`, an open map as `labels.<key>`). */
function filterableKeys(types: readonly EventTypeInfo[]): string[] {
    return [
        ...new Set(
            types.flatMap((t) => t.dataKeys.filter((k) => !k.includes("[]")).map((k) => k.replace(/\.\*$/, ""))),
        ),
    ];
}

/**
 * Why a `data.` path reaches nothing in any included type, with the key to write instead; undefined when it
 * reaches a key (exactly, in a free sub-key of an open map, in another letter case or inside an array of
 * objects: those two are the advisory rules' findings, since Azure's behaviour there is undocumented).
 */
function pathProblem(path: string, types: readonly EventTypeInfo[]): { why: string; instead?: string } | undefined {
    // A field inside an array of objects is event-subscription-avoid-array-item-keys' (advisory) finding.
    if (types.some((t) => reach(t.payloadKeys, path, false) !== undefined)) return undefined;
    const near = filterableKeys(types)
        .map((k) => ({ k, d: distance(k.toLowerCase(), path.toLowerCase()) }))
        .sort((a, b) => a.d - b.d)[0];
    const instead = near && near.d <= Math.max(2, Math.floor(path.length / 3)) ? near.k : undefined;
    return { why: `none of ${types.map((t) => shortType(t.type)).join(", ")} has "${path}" in its data`, instead };
}

/**
 * A `data.` key that no included type carries makes the filter never match (positive operators) or always
 * match (NotIn): either way the author wrote the wrong key. Keys are checked against the generated catalog
 * (catalog/payloads.generated.ts, from @azure/eventgrid and the ACS swagger); open maps (`metadata`, `labels`,
 * `customContext.sipHeaders`) accept any sub-key.
 */
export const eventSubscriptionRequireKnownFilterKeys: ResourceValidationPolicy = {
    name: "event-subscription-require-known-filter-keys",
    description:
        "Advanced-filter data keys must exist in the payload of at least one included event type (any " +
        "sub-key of an open map such as data.metadata or data.labels counts); otherwise the filter never " +
        "matches (or, for NotIn, always does).",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const types = currentTypes(eventTypesOf(s) ?? []);
        if (types.length === 0) return;
        for (const f of keyedFilters(s.filter?.advancedFilters)) {
            const path = dataPath(f.key);
            const problem = path === undefined ? undefined : pathProblem(path, types);
            if (!problem) continue;
            const fix = problem.instead
                ? `write key: "data.${problem.instead}"`
                : "use a key from the event's data (docs/event-catalog.md lists them per type)";
            report(`filter.advancedFilters[${f.index}].key: "${f.key}": ${problem.why}. Fix: ${fix}`);
        }
    }),
};
