/**
 * Plain-words explanations of why a clause failed or is undocumented. Each shows the event's actual value next
 * to what the filter asked for, and points at the current event type when an old name is involved.
 */
import {
    classifyEventType,
    describeEventTypeProblem,
    findEventType,
    subjectCanBeginWith,
    subjectCanEndWith,
} from "../catalog";
import { CompiledAdvancedFilter } from "./compile";
import { Lookup } from "./keys";
import { fitsShape } from "./subjectShapes";
import { OPERATORS, Verdict } from "./operators";

const MAX_VALUE_TEXT = 80;

/** A value as JSON, shortened so a reason stays one readable line. */
export function showValue(v: unknown): string {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

export const showList = (items: readonly unknown[]): string => `[${items.map((i) => showValue(i)).join(", ")}]`;

/** The operand as the user wrote it (original letter case), e.g. `["1604", "1206"]` or `5`. */
export function showOperand(f: CompiledAdvancedFilter): string {
    const kind = f.operand.kind;
    if (kind === "none") return "";
    if (kind === "number" || kind === "boolean") return showValue(f.source.value);
    return showList(f.source.values ?? []);
}

const opText = (f: CompiledAdvancedFilter): string =>
    `${f.operator}${f.operand.kind === "none" ? "" : ` ${showOperand(f)}`}`;

/** Why an advanced filter did not give a definite "pass". Not called for passes. */
export function advancedReason(f: CompiledAdvancedFilter, v: Verdict): string {
    const key = f.key.text;
    const spec = OPERATORS[f.operator];
    switch (v.kind) {
        case "fail":
            return (
                `${key} ${showValue(v.value)} ${spec.failPhrase}` +
                `${f.operand.kind === "none" ? "" : ` ${showOperand(f)}`}`
            );
        case "missing":
            return `${key} is ${v.isNull ? "null" : "missing"}, so ${opText(f)} cannot match`;
        case "missingUndocumented":
            return (
                `${key} is ${v.isNull ? "null" : "missing"}; ${f.operator} on a missing key is undocumented (U3): ` +
                "add IsNotNull on the same key"
            );
        case "arrayFail":
            return v.offending === undefined
                ? `no ${spec.family} element of ${key} ${showValue(v.array)} satisfies ${opText(f)}`
                : `element ${showValue(v.offending)} of ${key} ${spec.failPhrase} ${showOperand(f)}`;
        case "arraysOff":
            return (
                `${key} is an array ${showValue(v.array)} but enableAdvancedFilteringOnArrays is off; ` +
                "Event Grid's behaviour is undocumented (U4)"
            );
        case "arraysOffNoMatch":
            return (
                `${key} is an array ${showValue(v.array)} and enableAdvancedFilteringOnArrays is off, ` +
                `so ${opText(f)} does not match (the flag is needed to filter arrays)`
            );
        case "nullValue":
            return (
                `${key} is present with null; ${f.operator} on a null value is undocumented (U13): ` +
                "add IsNotNull on the same key"
            );
        case "emptyOperand":
            return (
                `${key} ${showValue(v.value)} meets ${opText(f)} only through the empty string "", ` +
                'whose meaning is undocumented (U14): drop "" from the values'
            );
        case "wrongType":
            return (
                `${key} is ${describeType(v.value)} ${showValue(v.value)} but ${f.operator} compares ` +
                `${spec.family} values; Event Grid's behaviour is undocumented (U5)`
            );
        case "pass":
            return `${key} satisfies ${opText(f)}`;
    }
}

function describeType(v: unknown): string {
    if (typeof v === "object") return "an object";
    return typeof v === "number" ? "a number" : typeof v === "boolean" ? "a boolean" : `a ${typeof v}`;
}

const lookupText = (l: Lookup): string => (l.found ? showValue(l.value) : "nothing");

export function keyCaseReason(f: CompiledAdvancedFilter, exact: Lookup, loose: Lookup): string {
    return (
        `${f.key.text} finds ${lookupText(exact)} when key case must match and ${lookupText(loose)} ` +
        "when it is ignored, " +
        `and ${f.operator} answers differently for the two; key-name case inside data is undocumented (U6)`
    );
}

/** The includedEventTypes failure, naming the current type when the event or the filter uses an old name. */
export function eventTypeReason(eventType: string | undefined, listed: readonly string[]): string {
    if (eventType === undefined)
        return `the event has no event type, so it cannot be one of includedEventTypes ${showList(listed)}`;
    let reason = `event type ${showValue(eventType)} is not in includedEventTypes ${showList(listed)}`;
    // An event type longer than any real one gets no spelling advice (and no edit-distance work on it).
    const ownProblem = eventType.length <= MAX_VALUE_TEXT ? describeEventTypeProblem(eventType) : undefined;
    if (ownProblem) reason += `; ${ownProblem}`;
    const stale = listed.filter((t) => replacementsOf(t).includes(eventType));
    if (stale.length)
        reason += `; the subscription lists ${stale.map((t) => `"${t}"`).join(" and ")} where it means "${eventType}"`;
    return reason;
}

function replacementsOf(listedType: string): string[] {
    const v = classifyEventType(listedType);
    return v.status === "legacy" || v.status === "wrongCase" ? v.useInstead : [];
}

export function caseOnlyTypeReason(eventType: string, listedAs: string): string {
    return (
        `event type ${showValue(eventType)} equals includedEventTypes entry "${listedAs}" ` +
        "only when letter case is ignored; " +
        `whether Event Grid ignores case here is undocumented (U1): write "${eventType}"`
    );
}

export type SubjectSide = "begin" | "end";

/** The subject failure, with a hint when the filter value can fit no subject of the event's type. */
export function subjectReason(
    side: SubjectSide,
    subject: string | undefined,
    wanted: string,
    caseSensitive: boolean,
    eventType: string | undefined,
): string {
    const verb = side === "begin" ? "begin with" : "end with";
    const cs = caseSensitive ? " (case-sensitive)" : "";
    if (subject === undefined) return `the event has no subject, so it cannot ${verb} "${wanted}"`;
    return (
        `subject ${showValue(subject)} does not ${verb} "${wanted}"${cs}` +
        `${shapeHint(side, subject, wanted, caseSensitive, eventType)}`
    );
}

/**
 * Point at the published subject shape when it explains the failure: either the filter value fits no subject
 * of the event's type (a filter bug), or the event's subject is not one ACS sends (a copied placeholder).
 */
function shapeHint(
    side: SubjectSide,
    subject: string,
    wanted: string,
    caseSensitive: boolean,
    eventType: string | undefined,
): string {
    const shapes = eventType === undefined ? [] : (findEventType(eventType)?.subjects ?? []);
    if (shapes.length === 0) return "";
    const looks = `they look like ${shapes.map((s) => `"${s}"`).join(" or ")}`;
    if (!filterValueFits(side, wanted, caseSensitive, eventType as string, shapes))
        return `; no "${eventType}" subject can (${looks})`;
    const real = shapes.some((s) => fitsShape(s, subject));
    return real ? "" : `; ${showValue(subject)} is not a subject ACS sends for "${eventType}" (${looks})`;
}

/** Cached: the answer depends only on the filter and the event type, and the shape walk is the costly part. */
const FITS = new Map<string, boolean>();
const MAX_FITS = 4096;

function filterValueFits(
    side: SubjectSide,
    wanted: string,
    caseSensitive: boolean,
    eventType: string,
    shapes: readonly string[],
): boolean {
    const key = `${side}\u0000${caseSensitive}\u0000${eventType}\u0000${wanted}`;
    let fits = FITS.get(key);
    if (fits === undefined) {
        const test = side === "begin" ? subjectCanBeginWith : subjectCanEndWith;
        fits = shapes.some((s) => test(s, wanted, caseSensitive));
        if (FITS.size < MAX_FITS) FITS.set(key, fits);
    }
    return fits;
}

export const CLOUD_EVENTS_TO_EVENT_GRID_REASON =
    "the event is in CloudEvents 1.0 schema and the subscription delivers EventGridSchema; " +
    "Event Grid cannot convert CloudEvents input to Event Grid schema, so it never delivers it here";
