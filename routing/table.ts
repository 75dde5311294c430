/**
 * Routing tables: which subscriptions of one topic receive an event, and why each other one does not.
 *
 * IndexedRouter keys subscriptions by their included event types (lower-cased, so a case-only match still
 * reaches the evaluator and is reported as U1), plus one bucket for subscriptions that take every type and one
 * for U2/U12 lists; within the buckets of a type, by lower-cased subject prefix (prefixIndex.ts). route() finds
 * the matches through both indexes, without evaluating or allocating for the subscriptions the prefix rules
 * out, and words the non-matches of the type's buckets only when `nonMatches` is read. So the cost of routing
 * grows neither with subscriptions for other types nor with those for other subjects. ScanRouter evaluates
 * every subscription: the reference for tests and the baseline for the benchmark. Both compile every filter up
 * front and throw InvalidFilterError (naming the subscription) for filters Event Grid would reject.
 */
import { describeEventTypeProblem } from "../catalog";
import { CompiledFilter, compileFilter } from "./compile";
import { detectSchema, EventView, eventTypeOf, isRecord, subjectOf, viewEvent } from "./envelope";
import { evaluateCompiled } from "./evaluate";
import { FastFilter, PrefixTrie } from "./prefixIndex";
import { Clause, FilterOutcome, FilterSpec, UndocumentedId } from "./types";

/** One subscription in a table: its filter, and the handler it delivers to (a name, for reports). */
export interface RoutedSubscription extends FilterSpec {
    readonly name: string;
    readonly handler?: string;
}

export interface RouteMatch {
    readonly subscription: RoutedSubscription;
    readonly handler: string | undefined;
}

export interface RouteNonMatch extends RouteMatch {
    readonly clause: Clause;
    readonly reason: string;
}

export interface RouteUndocumented extends RouteNonMatch {
    readonly id: UndocumentedId;
}

export interface RouteResult {
    readonly eventType: string | undefined;
    /** Set when the event's own type is not a current ACS type (legacy, wrong case, unknown): what to use instead. */
    readonly eventTypeProblem?: string;
    /** Subscriptions that receive the event, in table order. */
    readonly matches: readonly RouteMatch[];
    /** Subscriptions whose answer depends on undocumented Event Grid behaviour, in table order. */
    readonly undocumented: readonly RouteUndocumented[];
    /**
     * Evaluated subscriptions that do not receive the event, each with its first failed clause, in table order.
     * An indexed route() computes it when first read (a getter), from the event as it is then: read it before
     * changing the event, and read it or JSON.stringify the result rather than spreading the result.
     */
    readonly nonMatches: readonly RouteNonMatch[];
    /** Subscriptions the index ruled out unevaluated (their types exclude the event's); 0 for a scan. */
    readonly skipped: number;
}

export interface Router {
    readonly subscriptions: readonly RoutedSubscription[];
    /** Route one event. An indexed router leaves unrelated subscriptions out of `nonMatches` (see `skipped`). */
    route(event: unknown): RouteResult;
    /** Route one event and explain every subscription, including the ones an index would skip. */
    routeWithAllReasons(event: unknown): RouteResult;
}

interface Entry {
    readonly order: number;
    readonly subscription: RoutedSubscription;
    readonly filter: CompiledFilter;
}

function compileEntries(subscriptions: readonly RoutedSubscription[]): Entry[] {
    return subscriptions.map((subscription, order) => ({
        order,
        subscription,
        filter: compileFilter(subscription, subscription.name),
    }));
}

/**
 * A non-match that reads its clause and reason from the outcome when asked: the reason of a subject miss is worded
 * only then (evaluate.ts, SubjectMiss), so routing many events pays for the wording of the misses someone reads.
 * Getters, not fields: spread or JSON-encode a RouteNonMatch through its fields (as cli/route.ts does).
 */
class NonMatch implements RouteNonMatch {
    readonly #outcome: Extract<FilterOutcome, { outcome: "noMatch" }>;
    constructor(
        readonly subscription: RoutedSubscription,
        readonly handler: string | undefined,
        outcome: Extract<FilterOutcome, { outcome: "noMatch" }>,
    ) {
        this.#outcome = outcome;
    }
    get clause(): Clause {
        return this.#outcome.clause;
    }
    get reason(): string {
        return this.#outcome.reason;
    }
}

/** Evaluate the given entries (already in table order) and sort them into the three result lists. */
function collect(view: EventView, entries: readonly Entry[], skipped: number): RouteResult {
    const matches: RouteMatch[] = [];
    const undocumented: RouteUndocumented[] = [];
    const nonMatches: RouteNonMatch[] = [];
    // Plain literals, no spreads: a scan builds one entry per subscription per event.
    for (const { subscription, filter } of entries) {
        const o = evaluateCompiled(filter, view);
        const handler = subscription.handler;
        if (o.outcome === "match") matches.push({ subscription, handler });
        else if (o.outcome === "undocumented")
            undocumented.push({ subscription, handler, id: o.id, clause: o.clause, reason: o.reason });
        else nonMatches.push(new NonMatch(subscription, handler, o));
    }
    const problem = view.eventType === undefined ? undefined : describeEventTypeProblem(view.eventType);
    return {
        eventType: view.eventType,
        ...(problem ? { eventTypeProblem: problem } : {}),
        matches,
        undocumented,
        nonMatches,
        skipped,
    };
}

/** Full scan: every subscription is evaluated for every event. */
export class ScanRouter implements Router {
    private readonly entries: readonly Entry[];

    constructor(readonly subscriptions: readonly RoutedSubscription[]) {
        this.entries = compileEntries(subscriptions);
    }

    route(event: unknown): RouteResult {
        return collect(viewEvent(event), this.entries, 0);
    }

    routeWithAllReasons(event: unknown): RouteResult {
        return this.route(event);
    }
}

/** An entry of the indexed router: also its fast check, and the match it reports (shared, read-only). */
interface IndexedEntry extends Entry {
    readonly fast: FastFilter;
    readonly match: RouteMatch;
}

/** The subscriptions an event type can concern. */
interface TypeRoute {
    /** Its bucket and the all-types bucket, in table order: what route() explains in `nonMatches`. */
    readonly candidates: readonly IndexedEntry[];
    /** The same, keyed by lower-cased subject prefix. */
    readonly trie: PrefixTrie<IndexedEntry>;
}

/** What route() needs per event type as written, looked up once per event. */
interface TypeInfo {
    readonly route: TypeRoute;
    readonly problem: string | undefined;
}

/** Distinct event types remembered per router: ACS has about a hundred; more is hostile input, handled uncached. */
const MAX_TYPES_REMEMBERED = 1024;
const NONE: readonly never[] = Object.freeze([] as never[]);

/** Event-type and subject-prefix index: see the file comment. */
export class IndexedRouter implements Router {
    private readonly entries: readonly IndexedEntry[];
    private readonly byType = new Map<string, IndexedEntry[]>();
    /** Subscriptions evaluated for every event: all types, or a U2/U12 list whose outcome never depends on the type. */
    private readonly always: IndexedEntry[] = [];
    /** Lower-cased type → its route; types no subscription lists take `alwaysRoute`. */
    private readonly routes = new Map<string, TypeRoute>();
    private readonly alwaysRoute: TypeRoute;
    private readonly types = new Map<string, TypeInfo>();
    private readonly noType: TypeInfo;
    /** The subscriptions the index yields for the current event, in [0, n); reused, so route() allocates none. */
    private readonly survivors: IndexedEntry[] = [];

    constructor(readonly subscriptions: readonly RoutedSubscription[]) {
        this.entries = compileEntries(subscriptions).map((e) => ({
            ...e,
            fast: new FastFilter(e.filter),
            match: Object.freeze({ subscription: e.subscription, handler: e.subscription.handler }),
        }));
        for (const e of this.entries) this.index(e);
        for (const [lower, typed] of this.byType) this.routes.set(lower, typeRoute(this.withAlways(typed)));
        this.alwaysRoute = typeRoute(this.always);
        this.noType = { route: this.alwaysRoute, problem: undefined };
    }

    private index(e: IndexedEntry): void {
        const types = e.filter.types;
        if (types.kind !== "list") {
            this.always.push(e);
            return;
        }
        for (const lower of types.lower.keys()) {
            const bucket = this.byType.get(lower) ?? [];
            bucket.push(e);
            this.byType.set(lower, bucket);
        }
    }

    /** The subscriptions worth evaluating for an event type, in table order. */
    candidates(eventType: string | undefined): RoutedSubscription[] {
        return this.candidateEntries(eventType).map((e) => e.subscription);
    }

    private candidateEntries(eventType: string | undefined): IndexedEntry[] {
        return this.withAlways(eventType === undefined ? [] : (this.byType.get(eventType.toLowerCase()) ?? []));
    }

    private withAlways(typed: IndexedEntry[]): IndexedEntry[] {
        if (this.always.length === 0) return typed;
        if (typed.length === 0) return this.always;
        return mergeByOrder(typed, this.always);
    }

    private typeInfo(eventType: string | undefined): TypeInfo {
        if (eventType === undefined) return this.noType;
        let info = this.types.get(eventType);
        if (info === undefined) {
            const route = this.routes.get(eventType.toLowerCase()) ?? this.alwaysRoute;
            info = { route, problem: describeEventTypeProblem(eventType) };
            if (this.types.size < MAX_TYPES_REMEMBERED) this.types.set(eventType, info);
        }
        return info;
    }

    /**
     * The same answer as evaluating the type's candidates (its bucket and the all-types bucket), without
     * evaluating those the subject prefix rules out: the fast check (prefixIndex.ts FastFilter) settles the
     * others, the evaluator only what it cannot. Nothing is allocated but the result, unless the evaluator is
     * needed (advanced filters, U1, U2, U12): then the event's view, once.
     */
    route(event: unknown): RouteResult {
        if (!isRecord(event)) return this.routeWithAllReasons(event); // viewEvent() throws its TypeError
        const schema = detectSchema(event);
        const cloudEvent = schema === "CloudEventSchemaV1_0";
        const eventType = eventTypeOf(event, schema);
        const subject = subjectOf(event);
        const info = this.typeInfo(eventType);
        const survivors = this.survivors;
        const found = info.route.trie.collect(subject, survivors);
        if (info.route.trie.lastCollectMixed) sortByOrder(survivors, found);
        let matches: RouteMatch[] | undefined;
        let undocumented: RouteUndocumented[] | undefined;
        let view: EventView | undefined;
        for (let i = 0; i < found; i++) {
            const e = survivors[i];
            const quick = e.fast.outcome(cloudEvent, eventType, subject);
            if (quick === "noMatch") continue;
            if (quick === "match") {
                // A literal on the first match: `[]` then push() would reserve room for 17.
                if (matches === undefined) matches = [e.match];
                else matches.push(e.match);
                continue;
            }
            view ??= viewEvent(event);
            const o = evaluateCompiled(e.filter, view);
            if (o.outcome === "match") {
                if (matches === undefined) matches = [e.match];
                else matches.push(e.match);
            } else if (o.outcome === "undocumented") {
                const { subscription } = e;
                const u = { subscription, handler: subscription.handler, id: o.id, clause: o.clause, reason: o.reason };
                if (undocumented === undefined) undocumented = [u];
                else undocumented.push(u);
            }
        }
        const candidates = info.route.candidates;
        return new IndexedRouteResult(
            eventType,
            info.problem,
            matches ?? NONE,
            undocumented ?? NONE,
            this.entries.length - candidates.length,
            event,
            view,
            candidates,
        );
    }

    routeWithAllReasons(event: unknown): RouteResult {
        return collect(viewEvent(event), this.entries, 0);
    }
}

/**
 * A result of IndexedRouter.route(): `nonMatches` evaluated when first read (see RouteResult), from the event,
 * its view if route() made one, and the type's candidates, which it keeps until then.
 */
class IndexedRouteResult implements RouteResult {
    declare readonly eventTypeProblem?: string;
    #event: Readonly<Record<string, unknown>> | undefined;
    #view: EventView | undefined;
    #candidates: readonly Entry[];
    #nonMatches: readonly RouteNonMatch[] | undefined;

    constructor(
        readonly eventType: string | undefined,
        problem: string | undefined,
        readonly matches: readonly RouteMatch[],
        readonly undocumented: readonly RouteUndocumented[],
        readonly skipped: number,
        event: Readonly<Record<string, unknown>>,
        view: EventView | undefined,
        candidates: readonly Entry[],
    ) {
        // Present only when set, as in a scan's plain result.
        if (problem !== undefined) (this as { eventTypeProblem?: string }).eventTypeProblem = problem;
        this.#event = event;
        this.#view = view;
        this.#candidates = candidates;
    }

    get nonMatches(): readonly RouteNonMatch[] {
        if (this.#nonMatches === undefined) {
            const view = this.#view ?? viewEvent(this.#event);
            this.#nonMatches = collect(view, this.#candidates, 0).nonMatches;
            this.#event = this.#view = undefined;
            this.#candidates = NONE;
        }
        return this.#nonMatches;
    }

    /** The fields in a scan result's order, so JSON output does not depend on the strategy. */
    toJSON(): Record<string, unknown> {
        return {
            eventType: this.eventType,
            ...(this.eventTypeProblem !== undefined ? { eventTypeProblem: this.eventTypeProblem } : {}),
            matches: this.matches,
            undocumented: this.undocumented,
            nonMatches: this.nonMatches,
            skipped: this.skipped,
        };
    }
}

function typeRoute(candidates: readonly IndexedEntry[]): TypeRoute {
    const trie = new PrefixTrie<IndexedEntry>();
    for (const e of candidates) trie.add(e.fast.trieKey, e);
    return { candidates, trie };
}

/** Insertion sort of xs[0, n) by table order: the list is short and made of a few runs already in order. */
function sortByOrder(xs: IndexedEntry[], n: number): void {
    for (let i = 1; i < n; i++) {
        const x = xs[i];
        let j = i - 1;
        while (j >= 0 && xs[j].order > x.order) {
            xs[j + 1] = xs[j];
            j--;
        }
        xs[j + 1] = x;
    }
}

/** Merge two lists each sorted by table order (a subscription is in at most one of them). */
function mergeByOrder<T extends Entry>(a: readonly T[], b: readonly T[]): T[] {
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (j >= b.length || (i < a.length && a[i].order < b[j].order)) out.push(a[i++]);
        else out.push(b[j++]);
    }
    return out;
}

export type RouterStrategy = "indexed" | "scan";

/** Build a router; "indexed" unless a full scan is wanted (tests, benchmark baseline). */
export function buildRouter(
    subscriptions: readonly RoutedSubscription[],
    strategy: RouterStrategy = "indexed",
): Router {
    return strategy === "indexed" ? new IndexedRouter(subscriptions) : new ScanRouter(subscriptions);
}
