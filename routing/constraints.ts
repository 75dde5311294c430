/**
 * Per-key contradiction finding for the satisfiability analysis: can the conditions a set of filters put on
 * one key all hold for a single value? Only answers "no" when that is proven; "maybe" otherwise.
 *
 * Soundness rules:
 * - A data key is analysed only when no filter touching it enables array filtering: with arrays, different
 *   elements can satisfy different conditions. Without it, an array is U4 (never a definite match), so only
 *   scalars count.
 * - String comparisons are all treated as case-insensitive here, even a case-sensitive subject filter: that
 *   only widens what is possible, so a "no" stays true.
 * - Envelope keys Event Grid documents (id, topic, subject, eventType, dataVersion) are always present strings
 *   in an ACS event; other envelope names are not analysed.
 */
import { CompiledAdvancedFilter, CompiledFilter } from "./compile";
import { holds, Operand, OPERATORS } from "./operators";
import { OperatorType } from "./types";
import { showOperand } from "./reasons";

type State = "absent" | "number" | "string" | "boolean" | "other";
const ALL_STATES: readonly State[] = ["absent", "number", "string", "boolean", "other"];

/** One condition on a key, from an advanced filter or (for `subject`) a subject filter. */
export interface KeyCondition {
    readonly operator: OperatorType;
    readonly operand: Operand;
    /** How the condition reads in messages, e.g. `A: subjectBeginsWith "/phonenumber/1604"`. */
    readonly text: string;
    readonly arraysEnabled: boolean;
    /** String operands in their original case, and whether they compare case-sensitively (subject filters only). */
    readonly raw: readonly string[];
    readonly caseSensitive: boolean;
}

const ENVELOPE_KEYS = new Set(["id", "topic", "subject", "eventtype", "dataversion"]);

/** Group every condition of the given filters by key; `labels[i]` prefixes texts of filter i ("" for none). */
export function conditionsByKey(
    filters: readonly CompiledFilter[],
    labels: readonly string[],
): Map<string, KeyCondition[]> {
    const out = new Map<string, KeyCondition[]>();
    const add = (key: string, c: KeyCondition) => out.set(key, [...(out.get(key) ?? []), c]);
    filters.forEach((f, i) => {
        const label = labels[i] ? `${labels[i]}: ` : "";
        for (const side of ["subjectBeginsWith", "subjectEndsWith"] as const) {
            const v = f[side];
            if (v === undefined) continue;
            const operator = side === "subjectBeginsWith" ? "StringBeginsWith" : "StringEndsWith";
            add("subject", {
                operator,
                operand: { kind: "strings", values: [v.toLowerCase()] },
                text: `${label}${side} "${v}"`,
                arraysEnabled: false,
                raw: [v],
                caseSensitive: f.caseSensitive,
            });
        }
        for (const a of f.advanced) {
            const key = canonicalKey(a);
            if (key !== undefined) add(key, fromAdvanced(a, label, f.arraysEnabled));
        }
    });
    return out;
}

/** Envelope keys compare case-insensitively; data paths are kept as written (their case handling is U6). */
function canonicalKey(a: CompiledAdvancedFilter): string | undefined {
    if (a.key.kind === "data") return ["data", ...a.key.path].join(".");
    const lower = a.key.text.toLowerCase();
    return ENVELOPE_KEYS.has(lower) ? lower : undefined;
}

function fromAdvanced(a: CompiledAdvancedFilter, label: string, arraysEnabled: boolean): KeyCondition {
    const operand = a.operand.kind === "none" ? "" : ` ${showOperand(a)}`;
    const raw = (a.source.values ?? []).filter((v): v is string => typeof v === "string");
    return {
        operator: a.operator,
        operand: a.operand,
        text: `${label}${a.operator} ${a.key.text}${operand}`,
        arraysEnabled,
        raw,
        caseSensitive: false,
    };
}

/** The states of a value under which an operator can definitely match (null counts as absent). */
function allowedStates(op: OperatorType): readonly State[] {
    if (op === "IsNullOrUndefined") return ["absent"];
    if (op === "IsNotNull") return ["number", "string", "boolean", "other"];
    const s = OPERATORS[op];
    const family = s.family as "number" | "string" | "boolean";
    return s.onMissing === "match" ? ["absent", family] : [family];
}

/**
 * Why the conditions on `key` cannot all hold, or undefined when they might. One condition can be enough:
 * NumberInRange [[5, 1]] holds for nothing, and IsNullOrUndefined on `subject` never holds for an ACS event.
 */
export function contradiction(key: string, conditions: readonly KeyCondition[]): string | undefined {
    if (!key.startsWith("data.") && !ENVELOPE_KEYS.has(key)) return undefined;
    if (key.startsWith("data.") && conditions.some((c) => c.arraysEnabled)) return undefined;
    const start: readonly State[] = key.startsWith("data.") ? ALL_STATES : ["string"];
    const states = conditions.reduce((acc, c) => acc.filter((s) => allowedStates(c.operator).includes(s)), start);
    if (states.some((s) => stateFeasible(s, conditions))) return undefined;
    return `${key}: ${conditions.map((c) => c.text).join(" and ")} cannot all hold for one value`;
}

function stateFeasible(state: State, conditions: readonly KeyCondition[]): boolean {
    const typed = conditions.filter((c) => OPERATORS[c.operator].family === state);
    switch (state) {
        case "absent":
        case "other":
            return true;
        case "boolean":
            return new Set(typed.map((c) => (c.operand as { value: boolean }).value)).size <= 1;
        case "number":
            return numberFeasible(typed);
        case "string":
            return stringFeasible(typed);
    }
}

export const satisfies = (c: KeyCondition, x: number | string): boolean =>
    holds(c.operator, c.operand, x) !== OPERATORS[c.operator].negated;

/**
 * Number conditions only compare against constants, so the number line splits into the constants and the
 * open intervals between them, and every point of one piece behaves the same. Testing one point per piece
 * is therefore a complete check.
 */
function numberFeasible(conditions: readonly KeyCondition[]): boolean {
    return numberRepresentatives(conditions.map((c) => c.operand)).some((x) =>
        conditions.every((c) => satisfies(c, x)),
    );
}

export function numberRepresentatives(operands: readonly Operand[]): number[] {
    const constants = [...new Set(operands.flatMap(numberConstants))].sort((a, b) => a - b);
    if (constants.length === 0) return [0];
    const mids = constants.slice(1).map((c, i) => (constants[i] + c) / 2);
    return [constants[0] - 1, ...constants, ...mids, constants[constants.length - 1] + 1];
}

function numberConstants(o: Operand): number[] {
    if (o.kind === "numbers") return [...o.values];
    if (o.kind === "number") return [o.value];
    if (o.kind === "ranges") return o.values.flat();
    return [];
}

/** Sound but incomplete: proves impossibility for StringIn lists and for prefix/suffix/contains clashes. */
function stringFeasible(conditions: readonly KeyCondition[]): boolean {
    const lists = conditions.filter((c) => c.operator === "StringIn");
    if (lists.length) {
        const candidates = (lists[0].operand as { values: readonly string[] }).values;
        return candidates.some((x) => conditions.every((c) => satisfies(c, x)));
    }
    return (
        !affixesClash(conditions, "StringBeginsWith", "StringNotBeginsWith", (a, b) => a.startsWith(b)) &&
        !affixesClash(conditions, "StringEndsWith", "StringNotEndsWith", (a, b) => a.endsWith(b)) &&
        !containsClash(conditions)
    );
}

const valuesOf = (c: KeyCondition): readonly string[] => (c.operand as { values: readonly string[] }).values;

/**
 * Two prefix conditions clash when no alternative of one is compatible with any of the other (neither is a
 * prefix of the other); a prefix condition clashes with a negated one when each of its alternatives already
 * starts with an excluded prefix. Suffixes alike, with `has` = endsWith.
 */
function affixesClash(
    conditions: readonly KeyCondition[],
    positive: OperatorType,
    negative: OperatorType,
    has: (s: string, affix: string) => boolean,
): boolean {
    const pos = conditions.filter((c) => c.operator === positive).map(valuesOf);
    const neg = conditions.filter((c) => c.operator === negative).flatMap(valuesOf);
    const compatible = (a: string, b: string) => has(a, b) || has(b, a);
    for (let i = 0; i < pos.length; i++) {
        if (pos[i].every((a) => neg.some((n) => has(a, n)))) return true;
        for (let j = i + 1; j < pos.length; j++) {
            if (!pos[i].some((a) => pos[j].some((b) => compatible(a, b)))) return true;
        }
    }
    return false;
}

/** A required substring (or prefix/suffix) that already contains an excluded substring. */
function containsClash(conditions: readonly KeyCondition[]): boolean {
    const banned = conditions.filter((c) => c.operator === "StringNotContains").flatMap(valuesOf);
    if (banned.length === 0) return false;
    const required = conditions.filter((c) =>
        ["StringContains", "StringBeginsWith", "StringEndsWith"].includes(c.operator),
    );
    return required.some((c) => valuesOf(c).every((v) => banned.some((b) => v.includes(b))));
}
