/**
 * Pairs of subscriptions on one topic that one event can reach both of, decided by the routing simulator
 * (routing/satisfiability.ts canBothMatch: "overlap" comes with a witness event, "disjoint" with a proof).
 */
import { PolicyResource } from "@pulumi/policy";
import { canBothMatch, InvalidFilterError, Overlap } from "../../routing";
import { acsSubscriptions } from "./stack";
import { dataTargetId, deliveryOf, rootKey } from "./subscription";
import { normId, plain } from "./values";

export interface RoutePair {
    readonly first: PolicyResource;
    readonly second: PolicyResource;
    readonly overlap: Exclude<Overlap, { verdict: "disjoint" }>;
    readonly sameHandler: boolean;
}

/**
 * Where a subscription delivers, as a comparable key: endpoint type + the entity it writes to (the queue, not
 * just the account), or the webhook URL without its query (keys differ, the receiver does not).
 */
export function handlerKey(sub: PolicyResource): string {
    const e = deliveryOf(sub.props);
    const d = e?.destination;
    if (!e || !d) return `none:${sub.urn}`;
    // Built from resources of the stack: the URNs name the handler (known in preview, unlike ids and URLs).
    const urns = (sub.propertyDependencies[rootKey(e)] ?? []).map((r) => r.urn).sort();
    if (urns.length) return `${d.endpointType}:${urns.join(",")}`;
    if (d.endpointType === "WebHook") {
        const url =
            typeof d.endpointUrl === "string" ? d.endpointUrl.split("?")[0].replace(/\/+$/, "").toLowerCase() : "";
        return `WebHook:${url}`;
    }
    return `${d.endpointType}:${normId(dataTargetId(d))}`;
}

function specOf(sub: PolicyResource): { filter: any; eventDeliverySchema: any } {
    return { filter: plain(sub.props.filter), eventDeliverySchema: plain(sub.props.eventDeliverySchema) };
}

/**
 * canBothMatch results by filter pair. The duplicate and overlap rules ask the same O(n²) questions, and the SDK
 * runs each stack policy on fresh resource objects, so the cache is keyed by the filters themselves.
 */
const OVERLAPS = new Map<string, Overlap | undefined>();
const CACHE_LIMIT = 20000;

/** Explicit type lists with nothing in common: disjoint without asking the simulator (the common case). */
function typesDisjoint(a: { filter: any }, b: { filter: any }): boolean {
    const ta = a.filter?.includedEventTypes;
    const tb = b.filter?.includedEventTypes;
    return (
        Array.isArray(ta) &&
        Array.isArray(tb) &&
        ta.length > 0 &&
        tb.length > 0 &&
        !ta.some((t: unknown) => tb.includes(t))
    );
}

type Spec = ReturnType<typeof specOf> & { readonly key: string };

function overlapOf(sa: Spec, sb: Spec): Overlap | undefined {
    if (typesDisjoint(sa, sb)) return undefined;
    const key = `${sa.key}|${sb.key}`;
    if (!OVERLAPS.has(key)) {
        if (OVERLAPS.size >= CACHE_LIMIT) OVERLAPS.clear();
        OVERLAPS.set(key, compute(sa, sb));
    }
    return OVERLAPS.get(key);
}

function compute(a: Spec, b: Spec): Overlap | undefined {
    try {
        return canBothMatch(a, b);
    } catch (err) {
        // reported by event-subscription-limit-advanced-filters
        if (err instanceof InvalidFilterError) return undefined;
        throw err;
    }
}

/** Every pair of ACS subscriptions on the same topic whose filters are not provably disjoint. */
export function overlappingRoutes(resources: readonly PolicyResource[]): RoutePair[] {
    const byTopic = new Map<string, PolicyResource[]>();
    for (const { sub, topic } of acsSubscriptions(resources)) {
        const key = topic?.urn ?? `name:${String(sub.props.systemTopicName)}`;
        byTopic.set(key, [...(byTopic.get(key) ?? []), sub]);
    }
    const pairs: RoutePair[] = [];
    for (const unsorted of byTopic.values()) {
        // By name, so "the later subscription" (where a pair is reported) does not depend on registration order.
        const subs = [...unsorted].sort((a, b) => a.name.localeCompare(b.name));
        const specs = subs.map((s): Spec => {
            const spec = specOf(s);
            return { ...spec, key: JSON.stringify(spec) };
        });
        for (const [i, js] of candidatePairs(specs)) {
            for (const j of js) {
                const [first, second] = [subs[i], subs[j]];
                const overlap = overlapOf(specs[i], specs[j]);
                if (overlap !== undefined && overlap.verdict !== "disjoint")
                    pairs.push({ first, second, overlap, sameHandler: handlerKey(first) === handlerKey(second) });
            }
        }
    }
    return pairs;
}

/**
 * The pairs (i < j, in that order) that `typesDisjoint` does not rule out, found through an index by event type
 * instead of trying all n²/2 pairs: 500 subscriptions spread over 40 types share a type in a few thousand pairs.
 * A subscription without an explicit non-empty type list can overlap anything and pairs with every other one.
 */
function candidatePairs(specs: readonly { filter: any }[]): Map<number, number[]> {
    const byType = new Map<unknown, number[]>();
    const open: number[] = [];
    specs.forEach((s, i) => {
        const types = s.filter?.includedEventTypes;
        if (!Array.isArray(types) || types.length === 0) open.push(i);
        else for (const t of new Set(types)) (byType.get(t) ?? byType.set(t, []).get(t)!).push(i);
    });
    const partners = specs.map(() => new Set<number>());
    const link = (a: number, b: number) => {
        if (a !== b) partners[Math.min(a, b)].add(Math.max(a, b));
    };
    for (const group of byType.values()) group.forEach((a, k) => group.slice(k + 1).forEach((b) => link(a, b)));
    for (const a of open) specs.forEach((_s, b) => link(a, b));
    const out = new Map<number, number[]>();
    partners.forEach((js, i) => {
        if (js.size)
            out.set(
                i,
                [...js].sort((x, y) => x - y),
            );
    });
    return out;
}

/** "an event such as <type> with subject <s>" from a witness, for messages. */
export function describeWitness(o: RoutePair["overlap"]): string {
    if (o.verdict !== "overlap") return "the simulator could not prove the filters disjoint";
    const w = o.witness as { eventType?: unknown; subject?: unknown };
    return `an event such as ${String(w.eventType)} with subject "${String(w.subject)}" matches both`;
}
