import {
    classifyEventType,
    describeEventTypeProblem,
    exampleSubject,
    findEventType,
    subjectCanBeginWith,
    subjectCanEndWith,
} from "../catalog";
import { Issue, issue } from "./issue";
import { LIMITS } from "./limits";

type Path = readonly (string | number)[];

// The operator table is an Azure fact stated once, in catalog/filterOperators.ts.
import { OPERATOR_OPERANDS, OPERATOR_TYPES, OperatorType } from "../catalog/filterOperators";
export { OPERATOR_OPERANDS, OPERATOR_TYPES, OperatorType };

export interface AdvancedFilterInput {
    operatorType?: unknown;
    key?: unknown;
    value?: unknown;
    values?: unknown;
}

export function checkEventTypes(types: unknown, path: Path): Issue[] {
    if (!Array.isArray(types) || types.length === 0) {
        return [
            issue(
                path,
                types,
                "list at least one event type; without one the subscription receives every event the resource emits " +
                    '(e.g. ["Microsoft.Communication.SMSReceived"])',
            ),
        ];
    }
    const out: Issue[] = [];
    const seen = new Set<string>();
    types.forEach((t, i) => {
        if (typeof t !== "string") {
            out.push(issue([...path, i], t, "must be an event type string"));
            return;
        }
        if (t === "All") {
            out.push(
                issue([...path, i], t, '"All" subscribes to every event type; list the types the handler processes'),
            );
            return;
        }
        if (seen.has(t)) out.push(issue([...path, i], t, "is listed twice"));
        seen.add(t);
        const problem = describeEventTypeProblem(t);
        if (problem) out.push(issue([...path, i], t, problem));
    });
    return out;
}

/** Subject prefix/suffix: literal, no wildcards, and able to match a subject of at least one included type. */
export function checkSubjectFilter(
    subject: { beginsWith?: unknown; endsWith?: unknown; caseSensitive?: unknown } | undefined,
    eventTypes: readonly unknown[] | undefined,
    path: Path,
): Issue[] {
    if (!subject) return [];
    const out: Issue[] = [];
    const shapes = (eventTypes ?? []).flatMap((t) => (typeof t === "string" ? subjectShapesOf(t) : []));
    const cs = subject.caseSensitive === true;
    for (const [key, fits] of [
        ["beginsWith", subjectCanBeginWith],
        ["endsWith", subjectCanEndWith],
    ] as const) {
        const v = subject[key];
        if (v === undefined || v === "") continue;
        if (typeof v !== "string") {
            out.push(issue([...path, key], v, "must be a string"));
            continue;
        }
        if (/[*?]/.test(v)) {
            out.push(
                issue(
                    [...path, key],
                    v,
                    'Event Grid subject filters are literal: "*" and "?" are not wildcards; ' +
                        'write the literal prefix/suffix, e.g. "/phonenumber/1604"',
                ),
            );
            continue;
        }
        if (v.length > LIMITS.advancedFilterStringLength)
            out.push(issue([...path, key], v, `at most ${LIMITS.advancedFilterStringLength} characters`));
        if (shapes.length && !shapes.some((s) => fits(s, v, cs))) {
            out.push(issue([...path, key], v, subjectMismatchMessage(key, v, shapes) + subjectNotes(eventTypes ?? [])));
        }
    }
    return out;
}

/** Subject shapes of a type; for a legacy or mis-cased name, those of the type to use instead. */
export function subjectShapesOf(type: string): readonly string[] {
    const v = classifyEventType(type);
    if (v.status === "current") return v.info.subjects;
    if (v.status === "legacy" || v.status === "wrongCase")
        return v.useInstead.flatMap((t) => findEventType(t)?.subjects ?? []);
    return [];
}

/** Where Microsoft's sources disagree on an included type's subject, say which forms are accepted and why. */
function subjectNotes(eventTypes: readonly unknown[]): string {
    const notes = eventTypes.flatMap((t) => (typeof t === "string" ? (findEventType(t)?.subjectNote ?? []) : []));
    return [...new Set(notes)].map((n) => `; note: ${n}`).join("");
}

function subjectMismatchMessage(key: string, v: string, shapes: readonly string[]): string {
    const examples = [...new Set(shapes.map((s) => exampleSubject(s)))]
        .slice(0, 3)
        .map((s) => `"${s}"`)
        .join(", ");
    let hint = "";
    const phone = /^\/?phonenumber\/(\d+)$/i.exec(v);
    if (key === "beginsWith" && phone) {
        const digits = phone[1];
        const withCc = digits.length === 3 ? `1${digits}` : digits;
        hint =
            `; SMS subjects start with "/phonenumber/" and the E.164 country code, e.g. "/phonenumber/${withCc}"` +
            (digits.length === 3 ? ` for the ${digits} area code in North America` : "");
    } else if (key === "beginsWith" && !v.startsWith("/") && shapes.some((s) => subjectCanBeginWith(s, `/${v}`))) {
        hint = `; did you mean "/${v}"?`;
    }
    return (
        `no subject of the included event types can ${key === "beginsWith" ? "begin" : "end"} with this ` +
        `(their subjects look like ${examples})${hint}`
    );
}

/** Shape, operand types and Event Grid's limits for advanced filters. */
export function checkAdvancedFilters(filters: unknown, path: Path): Issue[] {
    if (filters === undefined) return [];
    if (!Array.isArray(filters)) return [issue(path, filters, "must be a list of {operatorType, key, value|values}")];
    const out: Issue[] = [];
    if (filters.length > LIMITS.advancedFiltersPerSubscription) {
        out.push(
            issue(
                path,
                `${filters.length} filters`,
                `at most ${LIMITS.advancedFiltersPerSubscription} advanced filters per subscription`,
            ),
        );
    }
    let totalValues = 0;
    filters.forEach((f: unknown, i) => {
        const { issues, count } = checkAdvancedFilter(f, [...path, i]);
        out.push(...issues, ...checkRangeOrder(f, [...path, i]));
        totalValues += count;
    });
    if (totalValues > LIMITS.advancedFilterValuesPerSubscription) {
        out.push(
            issue(
                path,
                `${totalValues} values`,
                `at most ${LIMITS.advancedFilterValuesPerSubscription} values in total across all advanced filters ` +
                    "of a subscription (a range pair counts 2)",
            ),
        );
    }
    return out;
}

/**
 * One advanced filter as Event Grid's API takes it: an object, one of the 19 operators, a non-empty key, and the
 * operand its operator takes (OPERATOR_OPERANDS) within Event Grid's string length. The routing simulator
 * (routing/compile.ts) validates with this too, so config and simulator agree on what a valid filter is.
 * `count` is how many values the filter adds to the per-subscription total (a range pair counts 2).
 */
export function checkAdvancedFilter(f: unknown, at: Path): { issues: Issue[]; count: number } {
    if (!f || typeof f !== "object")
        return { issues: [issue(at, f, "must be an object {operatorType, key, value|values}")], count: 0 };
    const filter = f as AdvancedFilterInput;
    const op = filter.operatorType as OperatorType;
    if (!OPERATOR_TYPES.includes(op)) {
        const allowed = `unknown operator; allowed: ${OPERATOR_TYPES.join(", ")}`;
        return { issues: [issue([...at, "operatorType"], filter.operatorType, allowed)], count: 0 };
    }
    const issues: Issue[] = [];
    if (typeof filter.key !== "string" || filter.key.length === 0)
        issues.push(issue([...at, "key"], filter.key, 'must be a key such as "data.to" or "subject"'));
    const operand = checkOperand(op, filter, at);
    return { issues: [...issues, ...operand.issues], count: operand.count };
}

/**
 * The config's policy, stricter than the filter shape: a reversed range ([5, 1]) contains nothing, so a config that
 * writes one is refused. The simulator accepts it and reports it as never matching (routing/README.md).
 */
function checkRangeOrder(f: unknown, at: Path): Issue[] {
    const { operatorType: op, values } = (f ?? {}) as AdvancedFilterInput;
    if (OPERATOR_OPERANDS[op as OperatorType] !== "ranges" || !Array.isArray(values)) return [];
    // A malformed pair is checkOperand's to report; only two numbers in the wrong order are reported here.
    const reversed = (v: unknown) =>
        Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "number" && v[0] > v[1];
    const message = `${op} values must be [low, high] pairs of numbers with low <= high`;
    return values.flatMap((v, j) => (reversed(v) ? [issue([...at, "values", j], v, message)] : []));
}

function checkOperand(op: OperatorType, f: AdvancedFilterInput, at: Path): { issues: Issue[]; count: number } {
    const kind = OPERATOR_OPERANDS[op];
    const expected = kind === "none" ? "no value" : kind === "number" || kind === "boolean" ? '"value"' : '"values"';
    const wrongField = (field: "value" | "values") =>
        f[field] !== undefined ? [issue([...at, field], f[field], `${op} takes ${expected}, not "${field}"`)] : [];
    switch (kind) {
        case "none":
            return { issues: [...wrongField("value"), ...wrongField("values")], count: 0 };
        case "number":
        case "boolean": {
            const ok =
                kind === "number"
                    ? typeof f.value === "number" && Number.isFinite(f.value)
                    : typeof f.value === "boolean";
            const issues = [...wrongField("values")];
            if (!ok) issues.push(issue([...at, "value"], f.value, `${op} needs "value": a ${kind}`));
            return { issues, count: 1 };
        }
        case "numbers":
        case "strings":
        case "ranges":
            return checkValues(op, kind, f, at, wrongField("value"));
    }
}

function checkValues(
    op: OperatorType,
    kind: "numbers" | "strings" | "ranges",
    f: AdvancedFilterInput,
    at: Path,
    issues: Issue[],
) {
    const values = f.values;
    const what =
        kind === "numbers"
            ? "a list of numbers"
            : kind === "strings"
              ? "a list of strings"
              : "a list of [low, high] number pairs";
    if (!Array.isArray(values) || values.length === 0) {
        issues.push(issue([...at, "values"], values, `${op} needs "values": ${what}`));
        return { issues, count: 0 };
    }
    values.forEach((v, j) => {
        const vp = [...at, "values", j];
        if (kind === "numbers" && !(typeof v === "number" && Number.isFinite(v)))
            issues.push(issue(vp, v, `${op} values must be numbers`));
        if (kind === "strings") {
            if (typeof v !== "string") issues.push(issue(vp, v, `${op} values must be strings`));
            else if (v.length > LIMITS.advancedFilterStringLength)
                issues.push(
                    issue(
                        vp,
                        `${v.slice(0, 20)}… (${v.length} chars)`,
                        `at most ${LIMITS.advancedFilterStringLength} characters per string value`,
                    ),
                );
        }
        if (kind === "ranges") {
            const ok =
                Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === "number" && Number.isFinite(n));
            if (!ok) issues.push(issue(vp, v, `${op} values must be [low, high] pairs of numbers`));
        }
    });
    return { issues, count: kind === "ranges" ? values.length * 2 : values.length };
}

export function checkRetry(
    retry: { maxDeliveryAttempts?: unknown; eventTimeToLiveInMinutes?: unknown } | undefined,
    path: Path,
): Issue[] {
    if (!retry) return [];
    return (["maxDeliveryAttempts", "eventTimeToLiveInMinutes"] as const).flatMap((key) =>
        checkWholeNumber(retry[key], [...path, key], LIMITS[key]),
    );
}

/** An optional whole number within one of LIMITS' ranges (retry, batching). */
export function checkWholeNumber(
    v: unknown,
    path: Path,
    range: { readonly min: number; readonly max: number },
): Issue[] {
    return v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= range.min && v <= range.max)
        ? []
        : [issue(path, v, `must be a whole number from ${range.min} to ${range.max} (Event Grid limit)`)];
}

/**
 * A static delivery header's value: at most 4,096 bytes (UTF-8). The value itself is never shown: it may be a
 * credential.
 */
export function checkHeaderValue(value: unknown, path: Path): Issue[] {
    if (typeof value !== "string") return [];
    const bytes = Buffer.byteLength(value, "utf8");
    return bytes > LIMITS.deliveryHeaderValueBytes
        ? [
              issue(
                  path,
                  `${bytes} bytes`,
                  `a delivery header value is at most ${LIMITS.deliveryHeaderValueBytes} bytes (Event Grid limit)`,
              ),
          ]
        : [];
}
