/**
 * Check a filter once and turn it into what evaluation needs (lower-cased operands, parsed keys, type sets),
 * so a routing table pays for validation at build time and not per event. Problems Event Grid would reject at
 * creation throw InvalidFilterError; configurations Event Grid accepts but does not document (U2, U12) compile
 * to a marker the evaluator reports as `undocumented`.
 */
import { checkAdvancedFilter } from "../validation/filters";
import { formatIssue, Issue, issue, redactIssue } from "../validation/issue";
import { InvalidFilterError } from "./errors";
import { CompiledKey, compileKey } from "./keys";
import { isOperatorType, Operand, OPERATORS } from "./operators";
import { AdvancedFilter, Clause, EventDeliverySchema, FilterSpec, OperatorType, SubscriptionFilter } from "./types";

export type CompiledTypes =
    | { readonly kind: "all" }
    /** `lower` maps each lower-cased entry to the entries as written, to spot case-only matches (U1). */
    | {
          readonly kind: "list";
          readonly listed: readonly string[];
          readonly exact: ReadonlySet<string>;
          readonly lower: ReadonlyMap<string, string>;
      }
    | { readonly kind: "undocumented"; readonly id: "U2" | "U12"; readonly reason: string };

export interface CompiledAdvancedFilter {
    readonly index: number;
    readonly source: AdvancedFilter;
    /** The clause an outcome names, built once. */
    readonly clause: Clause;
    readonly operator: OperatorType;
    readonly key: CompiledKey;
    readonly operand: Operand;
}

export interface CompiledFilter {
    readonly spec: FilterSpec;
    readonly deliverySchema: EventDeliverySchema;
    readonly types: CompiledTypes;
    /** Empty strings are dropped: an empty prefix or suffix matches everything. */
    readonly subjectBeginsWith?: string;
    readonly subjectEndsWith?: string;
    /** The same, lower-cased once for case-insensitive matching. */
    readonly subjectBeginsWithLower?: string;
    readonly subjectEndsWithLower?: string;
    readonly caseSensitive: boolean;
    readonly arraysEnabled: boolean;
    readonly advanced: readonly CompiledAdvancedFilter[];
}

const DELIVERY_SCHEMAS: readonly string[] = ["EventGridSchema", "CloudEventSchemaV1_0"];

/** Compile, or throw InvalidFilterError listing every problem (with the subscription name when given). */
export function compileFilter(spec: FilterSpec, subscriptionName?: string): CompiledFilter {
    const problems: string[] = [];
    const filter: SubscriptionFilter = spec.filter ?? {};
    const schema = spec.eventDeliverySchema ?? "EventGridSchema";
    if (!DELIVERY_SCHEMAS.includes(schema)) {
        problems.push(
            `eventDeliverySchema "${schema}" is not one of ${DELIVERY_SCHEMAS.join(", ")} ` +
                "(ACS publishes Event Grid schema, which cannot be converted to CustomInputSchema)",
        );
    }
    const types = compileTypes(filter.includedEventTypes, problems);
    const subjectBeginsWith = optionalString(filter.subjectBeginsWith, "subjectBeginsWith", problems);
    const subjectEndsWith = optionalString(filter.subjectEndsWith, "subjectEndsWith", problems);
    const caseSensitive = optionalBoolean(filter.isSubjectCaseSensitive, "isSubjectCaseSensitive", problems);
    const arraysEnabled = optionalBoolean(
        filter.enableAdvancedFilteringOnArrays,
        "enableAdvancedFilteringOnArrays",
        problems,
    );
    const advanced = compileAdvancedFilters(filter.advancedFilters, problems);
    if (problems.length) throw new InvalidFilterError(problems, subscriptionName);
    return {
        spec,
        deliverySchema: schema as EventDeliverySchema,
        types,
        caseSensitive,
        arraysEnabled,
        advanced,
        ...(subjectBeginsWith ? { subjectBeginsWith, subjectBeginsWithLower: subjectBeginsWith.toLowerCase() } : {}),
        ...(subjectEndsWith ? { subjectEndsWith, subjectEndsWithLower: subjectEndsWith.toLowerCase() } : {}),
    };
}

/** Absent/null or exactly ["All"] = every type; [] is U2; "All" in any other form is U12 (routing/README.md). */
function compileTypes(raw: unknown, problems: string[]): CompiledTypes {
    if (raw === undefined || raw === null) return { kind: "all" };
    if (!Array.isArray(raw) || raw.some((t) => typeof t !== "string")) {
        problems.push("includedEventTypes must be a list of strings");
        return { kind: "all" };
    }
    const listed = raw as string[];
    if (listed.length === 0) {
        return {
            kind: "undocumented",
            id: "U2",
            reason:
                "includedEventTypes is an empty list, which Event Grid does not document (U2); " +
                "list the event types explicitly, or omit it for all types",
        };
    }
    if (listed.length === 1 && listed[0] === "All") return { kind: "all" };
    const all = listed.find((t) => t.toLowerCase() === "all");
    if (all !== undefined) {
        return {
            kind: "undocumented",
            id: "U12",
            reason:
                `includedEventTypes uses "${all}" ` +
                `${listed.length > 1 ? "together with other entries" : "in another letter case"}; ` +
                'only ["All"] alone is documented to mean all types (U12)',
        };
    }
    const lower = new Map<string, string>();
    for (const t of listed) if (!lower.has(t.toLowerCase())) lower.set(t.toLowerCase(), t);
    return { kind: "list", listed, exact: new Set(listed), lower };
}

function optionalString(v: unknown, name: string, problems: string[]): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") problems.push(`${name} must be a string`);
    return typeof v === "string" && v.length > 0 ? v : undefined;
}

function optionalBoolean(v: unknown, name: string, problems: string[]): boolean {
    if (v === undefined || v === null) return false;
    if (typeof v !== "boolean") problems.push(`${name} must be true or false`);
    return v === true;
}

function compileAdvancedFilters(raw: unknown, problems: string[]): CompiledAdvancedFilter[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
        problems.push("advancedFilters must be a list");
        return [];
    }
    const out: CompiledAdvancedFilter[] = [];
    raw.forEach((f: unknown, index) => {
        const compiled = compileAdvancedFilter(f, index, problems);
        if (compiled) out.push(compiled);
    });
    return out;
}

/**
 * Whether a filter is one Event Grid takes is validation's check (validation/filters.ts), the one the config uses;
 * routing adds only the key parsing it needs (compileKey) and converts the checked operand.
 */
function compileAdvancedFilter(raw: unknown, index: number, problems: string[]): CompiledAdvancedFilter | undefined {
    const at = ["advancedFilters", index];
    const { issues } = checkAdvancedFilter(raw, at);
    problems.push(...issues.map(problemText));
    const f = raw as AdvancedFilter;
    if (!f || typeof f !== "object" || !isOperatorType(f.operatorType)) return undefined;
    const key = compileKey(f.key);
    const keyReported = issues.some((i) => i.path[at.length] === "key");
    if (typeof key === "string" && !keyReported) problems.push(problemText(issue([...at, "key"], f.key, key)));
    if (issues.length || typeof key === "string") return undefined;
    return {
        index,
        source: f,
        clause: { kind: "advancedFilter", index, filter: f },
        operator: f.operatorType,
        key,
        operand: toOperand(f.operatorType, f),
    };
}

/** `<key path>: <reason> (got <value>)`, redacted as every printed config value is. */
const problemText = (i: Issue): string => formatIssue("", redactIssue(i));

/** The operand in the form OPERATORS[op].operand expects; checkAdvancedFilter has already checked its shape. */
function toOperand(op: OperatorType, f: AdvancedFilter): Operand {
    const kind = OPERATORS[op].operand;
    switch (kind) {
        case "none":
            return { kind };
        case "number":
            return { kind, value: f.value as number };
        case "boolean":
            return { kind, value: f.value as boolean };
        case "numbers":
            return { kind, values: f.values as number[] };
        case "strings":
            return { kind, values: (f.values as string[]).map((v) => v.toLowerCase()) };
        // A reversed range ([5, 1]) is accepted: it simply contains nothing; satisfiability reports it.
        case "ranges":
            return { kind, values: (f.values as number[][]).map((r) => [r[0], r[1]] as const) };
    }
}
