/**
 * Does an event match a subscription filter, as Event Grid decides it
 * (https://learn.microsoft.com/azure/event-grid/event-filtering)?
 *
 * Clauses are checked in a fixed order: delivery schema, includedEventTypes, subjectBeginsWith,
 * subjectEndsWith, then the advanced filters in their order. All clauses are ANDed (U9, U11), so the first
 * clause that definitely fails decides `noMatch` even when an earlier clause was undocumented; only when none
 * fails does an undocumented clause make the whole answer `undocumented` (the first such clause is reported).
 * A U2/U12 event-type list is a configuration Event Grid does not document at all, so it is reported before
 * anything else.
 */
import { CompiledAdvancedFilter, CompiledFilter, compileFilter } from "./compile";
import { EventView, viewEvent } from "./envelope";
import { resolveKey } from "./keys";
import { applyOperator, Verdict } from "./operators";
import {
    advancedReason,
    caseOnlyTypeReason,
    CLOUD_EVENTS_TO_EVENT_GRID_REASON,
    eventTypeReason,
    keyCaseReason,
    subjectReason,
} from "./reasons";
import { Clause, FilterOutcome, FilterSpec, UndocumentedId } from "./types";

type ClauseResult =
    | { readonly kind: "pass" }
    | { readonly kind: "fail"; readonly reason: string }
    | { readonly kind: "undocumented"; readonly id: UndocumentedId; readonly reason: string };

const PASS: ClauseResult = { kind: "pass" };
const MATCH: FilterOutcome = { outcome: "match" };
const SCHEMA: Clause = { kind: "eventDeliverySchema" };
const TYPES: Clause = { kind: "includedEventTypes" };
const BEGINS: Clause = { kind: "subjectBeginsWith" };
const ENDS: Clause = { kind: "subjectEndsWith" };

/** Evaluate one event (Event Grid schema or CloudEvents 1.0) against one subscription's filter. */
export function evaluate(spec: FilterSpec, event: unknown): FilterOutcome {
    const o = evaluateCompiled(compileFilter(spec), viewEvent(event));
    // A plain object, with the reason written out (a subject miss words it only when read; see SubjectMiss).
    return o instanceof SubjectMiss ? { outcome: o.outcome, clause: o.clause, reason: o.reason } : o;
}

/**
 * A failed subject clause whose reason is worded only when read. Wording a miss (which part of the subject
 * differs, whether the value fits the event type's subject shape) costs more than the whole test, and a routing
 * table reports a miss for most subscriptions of an event's type that nobody reads in a benchmark or a bulk run.
 */
class SubjectMiss {
    readonly outcome = "noMatch";
    readonly #f: CompiledFilter;
    readonly #view: EventView;
    #reason: string | undefined;
    constructor(
        readonly clause: Clause,
        f: CompiledFilter,
        view: EventView,
    ) {
        this.#f = f;
        this.#view = view;
    }
    get reason(): string {
        const side = this.clause === BEGINS ? "begin" : "end";
        const wanted = (side === "begin" ? this.#f.subjectBeginsWith : this.#f.subjectEndsWith) as string;
        return (this.#reason ??= subjectReason(
            side,
            this.#view.subject,
            wanted,
            this.#f.caseSensitive,
            this.#view.eventType,
        ));
    }
}

/**
 * The same, for a filter compiled once and an event read once (what routing tables use). Written as a flat
 * sequence without per-call closures: a scan router calls this for every subscription and every event.
 */
export function evaluateCompiled(f: CompiledFilter, view: EventView): FilterOutcome {
    if (f.types.kind === "undocumented") {
        return { outcome: "undocumented", id: f.types.id, clause: TYPES, reason: f.types.reason };
    }
    let first: FilterOutcome | undefined;
    const schema = checkSchema(f, view);
    if (schema.kind === "fail") return { outcome: "noMatch", clause: SCHEMA, reason: schema.reason };
    const types = checkEventType(f, view);
    if (types.kind === "fail") return { outcome: "noMatch", clause: TYPES, reason: types.reason };
    if (types.kind === "undocumented")
        first = { outcome: "undocumented", id: types.id, clause: TYPES, reason: types.reason };
    if (f.subjectBeginsWith !== undefined && !subjectFits(f, view, "begin"))
        return new SubjectMiss(BEGINS, f, view) as FilterOutcome;
    if (f.subjectEndsWith !== undefined && !subjectFits(f, view, "end"))
        return new SubjectMiss(ENDS, f, view) as FilterOutcome;
    for (const a of f.advanced) {
        const r = checkAdvanced(a, view, f.arraysEnabled);
        if (r.kind === "fail") return { outcome: "noMatch", clause: a.clause, reason: r.reason };
        if (r.kind === "undocumented")
            first ??= { outcome: "undocumented", id: r.id, clause: a.clause, reason: r.reason };
    }
    return first ?? MATCH;
}

/**
 * Event Grid converts Event Grid schema to CloudEvents, never the reverse
 * (https://learn.microsoft.com/azure/event-grid/cloud-event-schema).
 */
function checkSchema(f: CompiledFilter, view: EventView): ClauseResult {
    const impossible = view.schema === "CloudEventSchemaV1_0" && f.deliverySchema === "EventGridSchema";
    return impossible ? SCHEMA_FAIL : PASS;
}

const SCHEMA_FAIL: ClauseResult = { kind: "fail", reason: CLOUD_EVENTS_TO_EVENT_GRID_REASON };

/**
 * Exact match (the SDK's guard is exact); a match only when case is ignored is U1. The failure wording is
 * cached per filter and event type: in a scan almost every subscription fails here, for the same few types.
 */
function checkEventType(f: CompiledFilter, view: EventView): ClauseResult {
    const types = f.types;
    if (types.kind !== "list") return PASS;
    const t = view.eventType;
    if (t !== undefined && types.exact.has(t)) return PASS;
    const caseOnly = view.eventTypeLower === undefined ? undefined : types.lower.get(view.eventTypeLower);
    if (t !== undefined && caseOnly !== undefined)
        return { kind: "undocumented", id: "U1", reason: caseOnlyTypeReason(t, caseOnly) };
    return typeFailure(types, t);
}

const TYPE_FAILURES = new WeakMap<object, Map<string | undefined, ClauseResult>>();
const MAX_CACHED_TYPES = 512;

function typeFailure(types: Extract<CompiledFilter["types"], { kind: "list" }>, t: string | undefined): ClauseResult {
    let cache = TYPE_FAILURES.get(types);
    if (!cache) TYPE_FAILURES.set(types, (cache = new Map()));
    let r = cache.get(t);
    if (!r) {
        r = { kind: "fail", reason: eventTypeReason(t, types.listed) };
        if (cache.size < MAX_CACHED_TYPES) cache.set(t, r);
    }
    return r;
}

/** The subject clause, on the strings lower-cased once (the event's in viewEvent, the filter's in compileFilter). */
function subjectFits(f: CompiledFilter, view: EventView, side: "begin" | "end"): boolean {
    if (view.subject === undefined) return false;
    if (f.caseSensitive)
        return side === "begin"
            ? view.subject.startsWith(f.subjectBeginsWith!)
            : view.subject.endsWith(f.subjectEndsWith!);
    const s = view.subjectLower!;
    return side === "begin" ? s.startsWith(f.subjectBeginsWithLower!) : s.endsWith(f.subjectEndsWithLower!);
}

/** U6: when exact and case-insensitive key lookups reach different values that the operator judges differently. */
function checkAdvanced(a: CompiledAdvancedFilter, view: EventView, arraysEnabled: boolean): ClauseResult {
    const kv = resolveKey(view, a.key);
    const exact = applyOperator(a.operator, a.operand, kv.exact, arraysEnabled);
    const loose = kv.caseInsensitive;
    if (loose === undefined) return fromVerdict(a, exact);
    const other = applyOperator(a.operator, a.operand, loose, arraysEnabled);
    if (verdictClass(exact) === verdictClass(other)) return fromVerdict(a, exact);
    return { kind: "undocumented", id: "U6", reason: keyCaseReason(a, kv.exact, loose) };
}

function fromVerdict(a: CompiledAdvancedFilter, v: Verdict): ClauseResult {
    const c = verdictClass(v);
    if (c === "pass") return PASS;
    if (c === "fail") return { kind: "fail", reason: advancedReason(a, v) };
    return { kind: "undocumented", id: c, reason: advancedReason(a, v) };
}

/** Collapse a verdict to what decides the outcome: pass, fail, or which undocumented case. */
function verdictClass(v: Verdict): "pass" | "fail" | "U3" | "U4" | "U5" | "U13" | "U14" {
    switch (v.kind) {
        case "pass":
            return "pass";
        case "missing":
            return v.pass ? "pass" : "fail";
        case "missingUndocumented":
            return "U3";
        case "arraysOff":
            return "U4";
        case "wrongType":
            return "U5";
        case "nullValue":
            return "U13";
        case "emptyOperand":
            return "U14";
        default:
            return "fail";
    }
}
