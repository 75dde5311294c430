/**
 * Where an advanced filter's `key` points inside an event
 * (https://learn.microsoft.com/azure/event-grid/event-filtering).
 *
 * - Event Grid schema: `ID`, `Topic`, `Subject`, `EventType`, `DataVersion`, compared case-insensitively (the docs
 *   spell them in PascalCase over camelCase JSON, so Event Grid cannot be matching them exactly). Any other
 *   envelope name is undocumented as a key and reads as missing.
 * - CloudEvents 1.0: the docs list `eventid, source, eventtype, eventtypeversion` on one page and `id, source,
 *   type, specversion` on another (U10): we accept both sets, plus `subject` and any other top-level attribute
 *   (extension attributes are filterable).
 * - `data.a.b…`: a dotted path into the payload. Depth is unlimited (U7). Key-name case inside `data` is
 *   undocumented (U6), so a path is looked up both exactly and case-insensitively; the caller compares results.
 *
 * Keys follow the schema of the event as given (the input schema): Event Grid filters an event before it
 * converts it for delivery.
 */
import { EventView, isRecord } from "./envelope";

export type Lookup = { readonly found: false } | { readonly found: true; readonly value: unknown };

/** The value(s) a key reaches. `caseInsensitive` is set only when it differs from the exact lookup (U6). */
export interface KeyValue {
    readonly exact: Lookup;
    readonly caseInsensitive?: Lookup;
}

export type CompiledKey =
    | { readonly kind: "envelope"; readonly text: string; readonly eventGrid?: string; readonly cloudEvents: string }
    | { readonly kind: "data"; readonly text: string; readonly path: readonly string[] };

const MISSING: Lookup = { found: false };

/** Envelope keys of the Event Grid schema, lower-cased → JSON field. */
const EVENT_GRID_KEYS: Readonly<Record<string, string>> = {
    id: "id",
    topic: "topic",
    subject: "subject",
    eventtype: "eventType",
    dataversion: "dataVersion",
};

/** CloudEvents names from the older docs page → their CloudEvents 1.0 attribute. */
const CLOUD_EVENTS_ALIASES: Readonly<Record<string, string>> = { eventid: "id", eventtype: "type" };

/** Parse a key once. Returns a problem string for keys Event Grid would reject (empty, empty segment). */
export function compileKey(key: unknown): CompiledKey | string {
    if (typeof key !== "string" || key.length === 0) return "an advanced filter needs a non-empty string key";
    const segments = key.split(".");
    if (segments.some((s) => s.length === 0)) {
        return `key "${key}" has an empty segment (dots inside key names are not supported and cannot be escaped)`;
    }
    const first = segments[0].toLowerCase();
    if (first === "data") return { kind: "data", text: key, path: segments.slice(1) };
    if (segments.length > 1) return { kind: "envelope", text: key, cloudEvents: key.toLowerCase() };
    return {
        kind: "envelope",
        text: key,
        eventGrid: EVENT_GRID_KEYS[first],
        cloudEvents: CLOUD_EVENTS_ALIASES[first] ?? first,
    };
}

export function resolveKey(view: EventView, key: CompiledKey): KeyValue {
    if (key.kind === "envelope") return { exact: envelopeValue(view, key) };
    const exact = walk(view.data, key.path, false);
    const loose = walk(view.data, key.path, true);
    return sameLookup(exact, loose) ? { exact } : { exact, caseInsensitive: loose };
}

function envelopeValue(view: EventView, key: Extract<CompiledKey, { kind: "envelope" }>): Lookup {
    const field = view.schema === "EventGridSchema" ? key.eventGrid : key.cloudEvents;
    if (field === undefined || !Object.hasOwn(view.raw, field)) return MISSING;
    return { found: true, value: view.raw[field] };
}

/** Follow `path` from `root`. Arrays are not walked into: Event Grid does not filter on fields of objects in arrays. */
function walk(root: unknown, path: readonly string[], ignoreCase: boolean): Lookup {
    let current: unknown = root;
    for (const segment of path) {
        if (!isRecord(current)) return MISSING;
        const name = ignoreCase ? findKeyIgnoringCase(current, segment) : own(current, segment);
        if (name === undefined) return MISSING;
        current = current[name];
    }
    return { found: true, value: current };
}

const own = (o: Record<string, unknown>, k: string): string | undefined => (Object.hasOwn(o, k) ? k : undefined);

/** The exact name wins; otherwise the first name equal to `segment` ignoring case. */
function findKeyIgnoringCase(o: Record<string, unknown>, segment: string): string | undefined {
    if (own(o, segment) !== undefined) return segment;
    const lower = segment.toLowerCase();
    return Object.keys(o).find((k) => k.toLowerCase() === lower);
}

function sameLookup(a: Lookup, b: Lookup): boolean {
    if (!a.found || !b.found) return a.found === b.found;
    return a.value === b.value;
}
