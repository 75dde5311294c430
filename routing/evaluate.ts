/**
 * Does an event match a subscription filter, as Event Grid decides it (fact sheet §D)?
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
    advancedReason, caseOnlyTypeReason, CLOUD_EVENTS_TO_EVENT_GRID_REASON, eventTypeReason, keyCaseReason, subjectReason,
} from "./reasons";
import { Clause, FilterOutcome, FilterSpec, UndocumentedId } from "./types";

type ClauseResult =
    | { readonly kind: "pass" }
    | { readonly kind: "fail"; readonly reason: string }
    | { readonly kind: "undocumented"; readonly id: UndocumentedId; readonly reason: string };

const PASS: ClauseResult = { kind: "pass" };
const MATCH: FilterOutcome = { outcome: "match" };

/** Evaluate one event (Event Grid schema or CloudEvents 1.0) against one subscription's filter. */
export function evaluate(spec: FilterSpec, event: unknown): FilterOutcome {
    return evaluateCompiled(compileFilter(spec), viewEvent(event));
}

/** The same, for a filter compiled once and an event read once (what routing tables use). */
export function evaluateCompiled(f: CompiledFilter, view: EventView): FilterOutcome {
    if (f.types.kind === "undocumented") {
        return { outcome: "undocumented", id: f.types.id, clause: { kind: "includedEventTypes" }, reason: f.types.reason };
    }
    let firstUndocumented: FilterOutcome | undefined;
    for (const [clause, check] of clauseChecks(f, view)) {
        const r = check();
        if (r.kind === "fail") return { outcome: "noMatch", clause, reason: r.reason };
        if (r.kind === "undocumented" && !firstUndocumented) {
            firstUndocumented = { outcome: "undocumented", id: r.id, clause, reason: r.reason };
        }
    }
    return firstUndocumented ?? MATCH;
}

function* clauseChecks(f: CompiledFilter, view: EventView): Generator<[Clause, () => ClauseResult]> {
    yield [{ kind: "eventDeliverySchema" }, () => checkSchema(f, view)];
    yield [{ kind: "includedEventTypes" }, () => checkEventType(f, view)];
    if (f.subjectBeginsWith !== undefined) yield [{ kind: "subjectBeginsWith" }, () => checkSubject(f, view, "begin")];
    if (f.subjectEndsWith !== undefined) yield [{ kind: "subjectEndsWith" }, () => checkSubject(f, view, "end")];
    for (const a of f.advanced) {
        yield [{ kind: "advancedFilter", index: a.index, filter: a.source }, () => checkAdvanced(a, view, f.arraysEnabled)];
    }
}

/** Event Grid converts Event Grid schema to CloudEvents, never the reverse (§C). */
function checkSchema(f: CompiledFilter, view: EventView): ClauseResult {
    const impossible = view.schema === "CloudEventSchemaV1_0" && f.deliverySchema === "EventGridSchema";
    return impossible ? { kind: "fail", reason: CLOUD_EVENTS_TO_EVENT_GRID_REASON } : PASS;
}

/** Exact match (the SDK's guard is exact); a match only when case is ignored is U1. */
function checkEventType(f: CompiledFilter, view: EventView): ClauseResult {
    const types = f.types;
    if (types.kind !== "list") return PASS;
    const t = view.eventType;
    if (t !== undefined && types.exact.has(t)) return PASS;
    const caseOnly = t === undefined ? undefined : types.lower.get(t.toLowerCase());
    if (t !== undefined && caseOnly !== undefined) return { kind: "undocumented", id: "U1", reason: caseOnlyTypeReason(t, caseOnly) };
    return { kind: "fail", reason: eventTypeReason(t, types.listed) };
}

function checkSubject(f: CompiledFilter, view: EventView, side: "begin" | "end"): ClauseResult {
    const wanted = (side === "begin" ? f.subjectBeginsWith : f.subjectEndsWith) as string;
    const subject = view.subject;
    if (subject !== undefined && subjectHas(subject, wanted, side, f.caseSensitive)) return PASS;
    return { kind: "fail", reason: subjectReason(side, subject, wanted, f.caseSensitive, view.eventType) };
}

/** Literal prefix/suffix test; wildcards are not special (Event Grid has none). */
export function subjectHas(subject: string, wanted: string, side: "begin" | "end", caseSensitive: boolean): boolean {
    const s = caseSensitive ? subject : subject.toLowerCase();
    const w = caseSensitive ? wanted : wanted.toLowerCase();
    return side === "begin" ? s.startsWith(w) : s.endsWith(w);
}

/** U6: when exact and case-insensitive key lookups reach different values that the operator judges differently. */
function checkAdvanced(a: CompiledAdvancedFilter, view: EventView, arraysEnabled: boolean): ClauseResult {
    const kv = resolveKey(view, a.key);
    const exact = applyOperator(a.operator, a.operand, kv.exact, arraysEnabled);
    if (kv.caseInsensitive === undefined) return fromVerdict(a, exact);
    const loose = applyOperator(a.operator, a.operand, kv.caseInsensitive, arraysEnabled);
    if (verdictClass(exact) === verdictClass(loose)) return fromVerdict(a, exact);
    return { kind: "undocumented", id: "U6", reason: keyCaseReason(a, kv.exact, kv.caseInsensitive) };
}

function fromVerdict(a: CompiledAdvancedFilter, v: Verdict): ClauseResult {
    const c = verdictClass(v);
    if (c === "pass") return PASS;
    if (c === "fail") return { kind: "fail", reason: advancedReason(a, v) };
    return { kind: "undocumented", id: c, reason: advancedReason(a, v) };
}

/** Collapse a verdict to what decides the outcome: pass, fail, or which undocumented case. */
function verdictClass(v: Verdict): "pass" | "fail" | "U3" | "U4" | "U5" {
    switch (v.kind) {
        case "pass": return "pass";
        case "missing": return v.pass ? "pass" : "fail";
        case "missingUndocumented": return "U3";
        case "arraysOff": return "U4";
        case "wrongType": return "U5";
        default: return "fail";
    }
}
