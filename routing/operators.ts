/**
 * The 19 advanced-filter operators as data: which value type each compares, whether it is a negation, what
 * it does with a missing key, and its predicate (https://learn.microsoft.com/azure/event-grid/event-filtering).
 * Evaluation against a looked-up value lives in applyOperator() so every operator shares one treatment of missing
 * keys, nulls, arrays and wrong types.
 */
import { OPERATOR_OPERANDS, OperandKind } from "../catalog/filterOperators";
import { Lookup } from "./keys";
import { OperatorType } from "./types";

export type ValueFamily = "number" | "string" | "boolean";
export type Scalar = number | string | boolean;

/**
 * What an operator does when the key is missing or null (https://learn.microsoft.com/azure/event-grid/event-filtering
 * "Key missing" column; U3 for the ranges).
 */
export type MissingRule = "match" | "noMatch" | "U3";

/**
 * The operand after validation: numbers, lower-cased strings, one number/boolean, or [low, high] ranges. Its `kind`
 * is the catalog's operand kind (catalog/filterOperators.ts); the assertion below keeps the two unions equal.
 */
export type Operand =
    | { readonly kind: "numbers"; readonly values: readonly number[] }
    | { readonly kind: "strings"; readonly values: readonly string[] }
    | { readonly kind: "number"; readonly value: number }
    | { readonly kind: "boolean"; readonly value: boolean }
    | { readonly kind: "ranges"; readonly values: readonly (readonly [number, number])[] }
    | { readonly kind: "none" };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const operandKindsAreTheCatalogs: Same<Operand["kind"], OperandKind> = true;
void operandKindsAreTheCatalogs;

export interface OperatorSpec {
    /** The value type compared; "presence" operators only ask whether a value exists. Follows from `operand`. */
    readonly family: ValueFamily | "presence";
    /** The catalog's operand kind (OPERATOR_OPERANDS), not restated here. */
    readonly operand: OperandKind;
    /** "Not" operators hold when their positive predicate holds for no value (element). */
    readonly negated: boolean;
    readonly onMissing: MissingRule;
    /** Plain-words phrase for a value that makes the operator fail, e.g. `does not begin with any of`. */
    readonly failPhrase: string;
}

/** The value type an operand kind compares: numbers, ranges and one number compare numbers, and so on. */
const FAMILY_OF_OPERAND: Readonly<Record<OperandKind, OperatorSpec["family"]>> = {
    numbers: "number",
    number: "number",
    ranges: "number",
    boolean: "boolean",
    strings: "string",
    none: "presence",
};

/** The routing-only facts of an operator; operand kind and family come from the catalog table. */
type RoutingFacts = Pick<OperatorSpec, "negated" | "onMissing" | "failPhrase">;

const facts = (negated: boolean, onMissing: MissingRule, failPhrase: string): RoutingFacts => ({
    negated,
    onMissing,
    failPhrase,
});

/**
 * Missing keys: only NumberNotIn, StringNotIn and IsNullOrUndefined match; the negated String* do not
 * (https://learn.microsoft.com/azure/event-grid/event-filtering).
 */
const ROUTING_FACTS: Readonly<Record<OperatorType, RoutingFacts>> = {
    NumberIn: facts(false, "noMatch", "is not in"),
    NumberNotIn: facts(true, "match", "is in"),
    NumberLessThan: facts(false, "noMatch", "is not less than"),
    NumberGreaterThan: facts(false, "noMatch", "is not greater than"),
    NumberLessThanOrEquals: facts(false, "noMatch", "is greater than"),
    NumberGreaterThanOrEquals: facts(false, "noMatch", "is less than"),
    NumberInRange: facts(false, "U3", "is in none of the ranges"),
    NumberNotInRange: facts(true, "U3", "is in one of the ranges"),
    BoolEquals: facts(false, "noMatch", "is not"),
    StringIn: facts(false, "noMatch", "is not one of"),
    StringNotIn: facts(true, "match", "is one of"),
    StringBeginsWith: facts(false, "noMatch", "does not begin with any of"),
    StringNotBeginsWith: facts(true, "noMatch", "begins with one of"),
    StringEndsWith: facts(false, "noMatch", "does not end with any of"),
    StringNotEndsWith: facts(true, "noMatch", "ends with one of"),
    StringContains: facts(false, "noMatch", "does not contain any of"),
    StringNotContains: facts(true, "noMatch", "contains one of"),
    IsNullOrUndefined: facts(false, "match", "is present"),
    IsNotNull: facts(false, "noMatch", "is null"),
};

/** Every operator's spec: the catalog's operand kind (and the family it implies) joined to the routing facts. */
export const OPERATORS: Readonly<Record<OperatorType, OperatorSpec>> = Object.fromEntries(
    (Object.keys(ROUTING_FACTS) as OperatorType[]).map((op) => {
        const operand = OPERATOR_OPERANDS[op];
        return [op, { family: FAMILY_OF_OPERAND[operand], operand, ...ROUTING_FACTS[op] }];
    }),
) as Record<OperatorType, OperatorSpec>;

export function isOperatorType(s: unknown): s is OperatorType {
    return typeof s === "string" && Object.hasOwn(OPERATORS, s);
}

/**
 * The positive predicate of a typed operator on one value of its family. Strings compare case-insensitively
 * (all Event Grid string comparisons do; the operand is lower-cased at compile time). Ranges are inclusive.
 * Negated operators use the predicate they negate (StringNotIn → "is in").
 */
export function holds(op: OperatorType, operand: Operand, x: Scalar): boolean {
    switch (operand.kind) {
        case "numbers":
            return operand.values.includes(x as number);
        case "number":
            return compareNumber(op, x as number, operand.value);
        case "boolean":
            return x === operand.value;
        case "ranges":
            return operand.values.some(([lo, hi]) => lo <= (x as number) && (x as number) <= hi);
        case "strings":
            return matchString(op, (x as string).toLowerCase(), operand.values);
        case "none":
            return true;
    }
}

function compareNumber(op: OperatorType, x: number, v: number): boolean {
    switch (op) {
        case "NumberLessThan":
            return x < v;
        case "NumberGreaterThan":
            return x > v;
        case "NumberLessThanOrEquals":
            return x <= v;
        default:
            return x >= v; // NumberGreaterThanOrEquals, the only other single-number operator
    }
}

function matchString(op: OperatorType, x: string, values: readonly string[]): boolean {
    switch (op) {
        case "StringBeginsWith":
        case "StringNotBeginsWith":
            return values.some((v) => x.startsWith(v));
        case "StringEndsWith":
        case "StringNotEndsWith":
            return values.some((v) => x.endsWith(v));
        case "StringContains":
        case "StringNotContains":
            return values.some((v) => x.includes(v));
        default:
            return values.includes(x); // StringIn, StringNotIn
    }
}

export function familyOf(x: unknown): ValueFamily | undefined {
    const t = typeof x;
    return t === "number" || t === "string" || t === "boolean" ? t : undefined;
}

/** One operator applied to one looked-up value, before any wording. */
export type Verdict =
    | { readonly kind: "pass" }
    | { readonly kind: "missing"; readonly isNull: boolean; readonly pass: boolean }
    | { readonly kind: "missingUndocumented"; readonly isNull: boolean }
    | { readonly kind: "fail"; readonly value: unknown }
    | { readonly kind: "arrayFail"; readonly array: readonly unknown[]; readonly offending?: Scalar }
    | { readonly kind: "arraysOff"; readonly array: readonly unknown[] }
    /** A positive typed operator on an array with the flag off: no match (the flag is needed "to use this feature"). */
    | { readonly kind: "arraysOffNoMatch"; readonly array: readonly unknown[] }
    | { readonly kind: "wrongType"; readonly value: unknown }
    /** U13: the key is present with `null`, for an operator other than the two presence operators. */
    | { readonly kind: "nullValue" }
    /** U14: an empty-string operand decides the answer (undocumented whether "" matches everything, nothing or ""). */
    | { readonly kind: "emptyOperand"; readonly value: unknown };

/**
 * Apply an operator. A missing key follows the documented missing-key rule
 * (https://learn.microsoft.com/azure/event-grid/event-filtering). A key present with `null` is documented only for the
 * presence operators (IsNullOrUndefined holds, IsNotNull does not); for the others it is U13. Arrays need the flag:
 * without it a positive typed operator does not match (https://learn.microsoft.com/azure/event-grid/event-filtering:
 * the flag is needed "to use this feature") and negated/presence operators stay U4; with it, elements of another type
 * are ignored, a positive operator needs one element to hold, a negated one needs none to. An empty-string
 * operand that changes the answer is U14.
 */
export function applyOperator(op: OperatorType, operand: Operand, lookup: Lookup, arraysEnabled: boolean): Verdict {
    const v = applyOnce(op, operand, lookup, arraysEnabled);
    if (operand.kind !== "strings" || !operand.values.includes("") || !lookup.found) return v;
    const without = applyOnce(
        op,
        { kind: "strings", values: operand.values.filter((x) => x !== "") },
        lookup,
        arraysEnabled,
    );
    return (v.kind === "pass") === (without.kind === "pass") ? v : { kind: "emptyOperand", value: lookup.value };
}

function applyOnce(op: OperatorType, operand: Operand, lookup: Lookup, arraysEnabled: boolean): Verdict {
    const s = OPERATORS[op];
    if (lookup.found && lookup.value === null && s.family !== "presence") return { kind: "nullValue" };
    if (!lookup.found || lookup.value === null) return onMissing(s, lookup);
    const value = lookup.value;
    if (Array.isArray(value)) return onArray(op, s, operand, value, arraysEnabled);
    if (s.family === "presence") return op === "IsNotNull" ? { kind: "pass" } : { kind: "fail", value };
    if (familyOf(value) !== s.family) return { kind: "wrongType", value };
    return holds(op, operand, value as Scalar) !== s.negated ? { kind: "pass" } : { kind: "fail", value };
}

function onMissing(s: OperatorSpec, lookup: Lookup): Verdict {
    const isNull = lookup.found;
    if (s.onMissing === "U3") return { kind: "missingUndocumented", isNull };
    return { kind: "missing", isNull, pass: s.onMissing === "match" };
}

function onArray(
    op: OperatorType,
    s: OperatorSpec,
    operand: Operand,
    array: readonly unknown[],
    arraysEnabled: boolean,
): Verdict {
    if (!arraysEnabled)
        return s.family !== "presence" && !s.negated
            ? { kind: "arraysOffNoMatch", array }
            : { kind: "arraysOff", array };
    // A present array is a value: IsNotNull holds, IsNullOrUndefined does not (our inferred reading).
    if (s.family === "presence") return op === "IsNotNull" ? { kind: "pass" } : { kind: "fail", value: array };
    const typed = array.filter((e): e is Scalar => familyOf(e) === s.family);
    const hit = typed.find((e) => holds(op, operand, e));
    if (s.negated) return hit === undefined ? { kind: "pass" } : { kind: "arrayFail", array, offending: hit };
    return hit !== undefined ? { kind: "pass" } : { kind: "arrayFail", array };
}
