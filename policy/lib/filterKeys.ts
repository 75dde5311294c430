/** Advanced-filter key helpers shared by the key rules. */
import { EventTypeInfo, reach } from "../../catalog";

export interface KeyedFilter {
    readonly index: number;
    readonly operatorType: string;
    readonly key: string;
}

/** Advanced filters with a string key, with their position (for `filter.advancedFilters[i]` paths). */
export function keyedFilters(advancedFilters: unknown): KeyedFilter[] {
    if (!Array.isArray(advancedFilters)) return [];
    return advancedFilters.flatMap((f: any, index: number) =>
        f && typeof f.key === "string" && typeof f.operatorType === "string"
            ? [{ index, operatorType: f.operatorType, key: f.key }]
            : [],
    );
}

/** The payload path of a `data.` key (`data.to.phoneNumber.value` → `to.phoneNumber.value`), else undefined. */
export function dataPath(key: string): string | undefined {
    const m = /^data\.(.+)$/i.exec(key);
    return m ? m[1] : undefined;
}

/**
 * Event Grid schema envelope keys (ACS publishes Event Grid schema; filters read the input event,
 * https://learn.microsoft.com/azure/event-grid/event-filtering).
 */
export const EVENT_GRID_KEYS = ["id", "topic", "subject", "eventtype", "dataversion"];

/** CloudEvents attribute names (both doc variants, U10): never present on an ACS (Event Grid schema) input event. */
export const CLOUD_EVENTS_KEYS = [
    "type",
    "source",
    "specversion",
    "time",
    "datacontenttype",
    "dataschema",
    "eventid",
    "eventtypeversion",
];

/** Which included types have no value at payload path `path` (catalog data keys; any sub-key of an open map counts). */
export function typesLacking(types: readonly EventTypeInfo[], path: string): EventTypeInfo[] {
    return types.filter((t) => reach(t.payloadKeys, path) === undefined);
}

export const shortType = (t: string) => t.replace(/^Microsoft\.Communication\./, "");
