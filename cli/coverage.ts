import { EVENT_TYPES, EventFamily } from "../catalog";
import { RoutedSubscription } from "../routing";

export interface Coverage {
    /** Event type → subscriptions (with handler) whose type filter includes it. */
    routed: { eventType: string; subscriptions: { name: string; handler?: string }[] }[];
    /** Catalog event types no subscription includes, by family. */
    unrouted: Partial<Record<EventFamily, string[]>>;
}

const includesAll = (s: RoutedSubscription) => {
    const t = s.filter?.includedEventTypes;
    return t === undefined || t === null || (t.length === 1 && t[0] === "All");
};

/**
 * Which ACS event types a stack can deliver and to whom. Only the type filter is considered: a type listed here
 * may still be narrowed by subject or advanced filters (use `npm run route` for concrete events).
 */
export function routingCoverage(subs: readonly RoutedSubscription[]): Coverage {
    const routed: Coverage["routed"] = [];
    const unrouted: Coverage["unrouted"] = {};
    for (const info of EVENT_TYPES) {
        const hits = subs.filter((s) => includesAll(s) || (s.filter?.includedEventTypes ?? []).includes(info.type));
        if (hits.length)
            routed.push({
                eventType: info.type,
                subscriptions: hits.map((s) => ({ name: s.name, handler: s.handler })),
            });
        else (unrouted[info.family] ??= []).push(info.type);
    }
    return { routed, unrouted };
}

export function formatCoverage(c: Coverage): string[] {
    const short = (t: string) => t.replace(/^Microsoft\.Communication\./, "");
    const lines = c.routed.map(
        (r) => `${short(r.eventType)} → ${r.subscriptions.map((s) => `${s.name} (${s.handler ?? "?"})`).join(", ")}`,
    );
    const unroutedCount = Object.values(c.unrouted).reduce((n, l) => n + (l?.length ?? 0), 0);
    lines.push(`${unroutedCount} catalog event types reach no handler:`);
    for (const [family, types] of Object.entries(c.unrouted))
        lines.push(`  ${family}: ${types!.map(short).join(", ")}`);
    return lines;
}
