/**
 * Static questions about filters, for the policy pack's can-never-match and duplicate-delivery rules:
 *
 * - canNeverMatch(spec): proofs that no ACS event can ever get a definite `match` from one subscription.
 * - canBothMatch(a, b): can one event match two subscriptions (and so be delivered twice)? "disjoint" comes
 *   with proofs, "overlap" with a concrete witness event both filters match, "unknown" when neither was found.
 * - findMatchingEvent(spec): a concrete event a filter matches, when the bounded search finds one.
 *
 * Every "never" is a proof under the evaluator's own semantics (evaluate.ts), never a heuristic, so a policy
 * can report it as an error. The analysis assumes ACS events: Event Grid-schema input whose envelope fields are
 * always present strings. All functions throw InvalidFilterError for filters Event Grid would reject.
 */
import {
    classifyEventType,
    describeEventTypeProblem,
    findEventType,
    subjectCanBeginWith,
    subjectCanEndWith,
} from "../catalog";
import { CompiledFilter, compileFilter } from "./compile";
import { conditionsByKey, contradiction, KeyCondition, satisfies } from "./constraints";
import { showList } from "./reasons";
import { FilterSpec } from "./types";
import { findCommonEvent } from "./witness";

export type NeverMatchCode =
    /** includedEventTypes is [] (U2) or misuses "All" (U12): the best Event Grid could answer is undocumented. */
    | "undocumentedEventTypes"
    /** Two filters include no event type in common. */
    | "disjointEventTypes"
    /** Every included type is legacy, misspelt or never delivered to a system topic. */
    | "noDeliverableEventType"
    /** An advanced filter on `eventType` rejects every included type. */
    | "eventTypeFilterExcludesAll"
    /** The subject conditions fit no published subject shape of any included type. */
    | "subjectFitsNoShape"
    /** Conditions on one key (subject filters and advanced filters) cannot all hold for one value. */
    | "contradictoryConditions";

export interface NeverMatchFinding {
    readonly code: NeverMatchCode;
    readonly message: string;
}

export type Overlap =
    | { readonly verdict: "disjoint"; readonly findings: readonly NeverMatchFinding[] }
    | { readonly verdict: "overlap"; readonly witness: Readonly<Record<string, unknown>> }
    | { readonly verdict: "unknown" };

/** Proofs that `spec` can never definitely match an ACS event; empty when none was found. */
export function canNeverMatch(spec: FilterSpec): NeverMatchFinding[] {
    return analyse([compileFilter(spec)], [""]);
}

/** Whether one event can match both subscriptions; see Overlap. `budget` bounds the witness search. */
export function canBothMatch(a: FilterSpec, b: FilterSpec, budget?: number): Overlap {
    const filters = [compileFilter(a), compileFilter(b)];
    const findings = analyse(filters, ["A", "B"]);
    if (findings.length) return { verdict: "disjoint", findings };
    const witness = findCommonEvent(filters, budget);
    return witness ? { verdict: "overlap", witness } : { verdict: "unknown" };
}

/** A concrete Event Grid-schema event the filter matches, or undefined when the bounded search finds none. */
export function findMatchingEvent(spec: FilterSpec, budget?: number): Record<string, unknown> | undefined {
    return findCommonEvent([compileFilter(spec)], budget);
}

/** The conjunction of `filters` (labelled for messages) can never definitely match: why. */
function analyse(filters: readonly CompiledFilter[], labels: readonly string[]): NeverMatchFinding[] {
    const undocumented = filters.flatMap((f, i) =>
        f.types.kind === "undocumented" ? [finding("undocumentedEventTypes", labels[i], f.types.reason)] : [],
    );
    if (undocumented.length) return undocumented;
    const byKey = conditionsByKey(filters, labels);
    const typeFindings = checkEventTypes(filters, labels, byKey.get("eventtype") ?? []);
    if (typeFindings.findings.length) return typeFindings.findings;
    const out: NeverMatchFinding[] = [];
    const shape = subjectShapeProblem(typeFindings.types, byKey.get("subject") ?? []);
    if (shape) out.push({ code: "subjectFitsNoShape", message: shape });
    for (const [key, conditions] of byKey) {
        const why = contradiction(key, conditions);
        if (why) out.push({ code: "contradictoryConditions", message: why });
    }
    return out;
}

function finding(code: NeverMatchCode, label: string, message: string): NeverMatchFinding {
    return { code, message: label ? `${label}: ${message}` : message };
}

/** The event types every filter admits (undefined = any type), and proofs that there are none usable. */
function checkEventTypes(
    filters: readonly CompiledFilter[],
    labels: readonly string[],
    onType: readonly KeyCondition[],
): { types?: string[]; findings: NeverMatchFinding[] } {
    const lists = filters.flatMap((f, i) =>
        f.types.kind === "list" ? [{ label: labels[i], listed: f.types.listed }] : [],
    );
    if (lists.length === 0) return { findings: [] };
    const types = lists[0].listed.filter((t) => lists.every((l) => l.listed.includes(t)));
    if (types.length === 0) {
        const each = lists.map((l) => `${l.label} includes ${showList(l.listed)}`).join(", ");
        return { findings: [{ code: "disjointEventTypes", message: `${each}: no event type is in both` }] };
    }
    const current = types.filter((t) => classifyEventType(t).status === "current");
    if (current.length === 0) {
        const problems = types.map((t) => describeEventTypeProblem(t)).join("; ");
        return {
            findings: [
                {
                    code: "noDeliverableEventType",
                    message: `no included event type is ever delivered by ACS: ${problems}`,
                },
            ],
        };
    }
    const passing = current.filter((t) => onType.every((c) => satisfies(c, t)));
    if (passing.length === 0) {
        const message =
            `${onType.map((c) => c.text).join(" and ")} rejects every included event type ` + `${showList(current)}`;
        return { findings: [{ code: "eventTypeFilterExcludesAll", message }] };
    }
    return { types: passing, findings: [] };
}

/**
 * Which subject conditions fit no published subject of any candidate type. Only decided when every candidate
 * type has a published shape (catalog); the shapes are indicative, so this is as strong as the catalog.
 */
function subjectShapeProblem(
    types: readonly string[] | undefined,
    conditions: readonly KeyCondition[],
): string | undefined {
    const checked = conditions.filter((c) => SHAPE_TESTS[c.operator] !== undefined);
    if (!types || checked.length === 0) return undefined;
    const shapes = types.flatMap((t) => findEventType(t)?.subjects ?? []);
    if (types.some((t) => (findEventType(t)?.subjects.length ?? 0) === 0)) return undefined;
    if (shapes.some((shape) => checked.every((c) => fitsShape(c, shape)))) return undefined;
    const alone = checked.filter((c) => !shapes.some((shape) => fitsShape(c, shape)));
    const culprits = (alone.length ? alone : checked).map((c) => c.text).join(alone.length ? ", " : " together with ");
    const looks = [...new Set(shapes)].map((s) => `"${s}"`).join(" or ");
    return `${culprits} fits no subject of ${types.join(", ")} (they look like ${looks})`;
}

type ShapeTest = (shape: string, value: string, caseSensitive: boolean) => boolean;

/** A listed value must be able to begin and end a subject of the shape: a necessary condition for a full fit. */
const SHAPE_TESTS: Readonly<Partial<Record<KeyCondition["operator"], ShapeTest>>> = {
    StringBeginsWith: subjectCanBeginWith,
    StringEndsWith: subjectCanEndWith,
    StringIn: (shape, v, cs) => subjectCanBeginWith(shape, v, cs) && subjectCanEndWith(shape, v, cs),
};

function fitsShape(c: KeyCondition, shape: string): boolean {
    const test = SHAPE_TESTS[c.operator] as ShapeTest;
    return c.raw.some((v) => test(shape, v, c.caseSensitive));
}
