import { distance } from "fastest-levenshtein";
import { EVENT_TYPES, EventTypeInfo, findEventType } from "./eventTypes";
import { findLegacyName, NEVER_ON_SYSTEM_TOPIC } from "./legacyNames";

/** What an `includedEventTypes` entry is, and what to write instead when it is wrong. */
export type EventTypeVerdict =
    | { status: "current"; info: EventTypeInfo }
    /** Same letters as a current type but different case: Event Grid's match is undocumented (U1), so we reject. */
    | { status: "wrongCase"; useInstead: string[] }
    | { status: "legacy"; origin: string; useInstead: string[] }
    | { status: "neverDelivered"; why: string }
    | { status: "unknown"; didYouMean: string[] };

const LOWER = new Map(EVENT_TYPES.map((e) => [e.type.toLowerCase(), e.type]));

export function classifyEventType(name: string): EventTypeVerdict {
    const info = findEventType(name);
    if (info) return { status: "current", info };
    const legacy = findLegacyName(name);
    if (legacy) return { status: "legacy", origin: legacy.origin, useInstead: [...legacy.useInstead] };
    const cased = LOWER.get(name.toLowerCase());
    if (cased) return { status: "wrongCase", useInstead: [cased] };
    const never = NEVER_ON_SYSTEM_TOPIC.find((n) =>
        n.prefixOrName.endsWith(".") ? name.startsWith(n.prefixOrName) : n.prefixOrName === name,
    );
    if (never) return { status: "neverDelivered", why: never.why };
    return { status: "unknown", didYouMean: nearestEventTypes(name) };
}

/**
 * Up to three current types closest to `name`. Short names (`SMSReceived`, a frequent mistake: Event Grid only
 * matches full `Provider.Resource.Event` strings) are compared on their last segment too.
 */
export function nearestEventTypes(name: string, max = 3): string[] {
    const lower = name.toLowerCase();
    const last = lower.split(".").pop() ?? lower;
    const scored = EVENT_TYPES.map((e) => {
        const full = e.type.toLowerCase();
        const short = full.split(".").pop() ?? full;
        const d = Math.min(distance(lower, full), distance(last, short));
        return { type: e.type, d, limit: Math.max(3, Math.floor(short.length / 3)) };
    }).filter((s) => s.d <= s.limit);
    scored.sort((a, b) => a.d - b.d || a.type.localeCompare(b.type));
    return scored.slice(0, max).map((s) => s.type);
}

/** One sentence that says why an event type is not usable and what to write instead; undefined when it is fine. */
export function describeEventTypeProblem(name: string): string | undefined {
    const v = classifyEventType(name);
    switch (v.status) {
        case "current":
            return undefined;
        case "wrongCase":
            return (
                `event type "${name}" differs from "${v.useInstead[0]}" only in letter case; Event Grid's case ` +
                `handling is undocumented, so write it exactly as "${v.useInstead[0]}"`
            );
        case "legacy":
            return (
                `event type "${name}" is a legacy name (${v.origin}) that Azure never delivers today; use ` +
                `${v.useInstead.map((u) => `"${u}"`).join(" or ")}`
            );
        case "neverDelivered":
            return `event type "${name}" never reaches an ACS system topic: ${v.why}`;
        case "unknown":
            return (
                `event type "${name}" is not emitted by Azure Communication Services` +
                (v.didYouMean.length
                    ? `; did you mean ${v.didYouMean.map((u) => `"${u}"`).join(" or ")}?`
                    : "; see the event catalog (docs/event-catalog.md)")
            );
    }
}
