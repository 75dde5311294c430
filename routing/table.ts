/**
 * Routing tables: which subscriptions of one topic receive an event, and why each other one does not.
 *
 * IndexedRouter keys subscriptions by their included event types (lower-cased, so a case-only match still
 * reaches the evaluator and is reported as U1), plus one bucket for subscriptions that take every type and one
 * for U2/U12 lists. An event is evaluated only against its type's bucket and those two, so the cost of routing
 * does not grow with subscriptions for other types. ScanRouter evaluates every subscription: the reference for
 * tests and the baseline for the benchmark. Both compile every filter up front and throw InvalidFilterError
 * (naming the subscription) for filters Event Grid would reject.
 */
import { describeEventTypeProblem } from "../catalog";
import { CompiledFilter, compileFilter } from "./compile";
import { EventView, viewEvent } from "./envelope";
import { evaluateCompiled } from "./evaluate";
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
    /** Evaluated subscriptions that do not receive the event, each with its first failed clause, in table order. */
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

/** Event-type index: see the file comment. */
export class IndexedRouter implements Router {
    private readonly entries: readonly Entry[];
    private readonly byType = new Map<string, Entry[]>();
    /** Subscriptions evaluated for every event: all types, or a U2/U12 list whose outcome never depends on the type. */
    private readonly always: Entry[] = [];

    constructor(readonly subscriptions: readonly RoutedSubscription[]) {
        this.entries = compileEntries(subscriptions);
        for (const e of this.entries) this.index(e);
    }

    private index(e: Entry): void {
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

    private candidateEntries(eventType: string | undefined): Entry[] {
        const typed = eventType === undefined ? [] : (this.byType.get(eventType.toLowerCase()) ?? []);
        if (this.always.length === 0) return typed;
        if (typed.length === 0) return this.always;
        return mergeByOrder(typed, this.always);
    }

    route(event: unknown): RouteResult {
        const view = viewEvent(event);
        const candidates = this.candidateEntries(view.eventType);
        return collect(view, candidates, this.entries.length - candidates.length);
    }

    routeWithAllReasons(event: unknown): RouteResult {
        return collect(viewEvent(event), this.entries, 0);
    }
}

/** Merge two lists each sorted by table order (a subscription is in at most one of them). */
function mergeByOrder(a: readonly Entry[], b: readonly Entry[]): Entry[] {
    const out: Entry[] = [];
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
