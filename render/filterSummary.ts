/**
 * A subscription filter in a few short lines for diagrams: event types (the `Microsoft.Communication.` prefix
 * dropped, anything that is not a current ACS type marked ⚠), subject filters, advanced filters, the arrays
 * flag and a CloudEvents delivery schema. Works on raw captured inputs, so anything odd is shown, not checked.
 */
import { classifyEventType } from "../catalog";

const PREFIX = "Microsoft.Communication.";
const MAX_LINE = 70;
const MAX_LINES = 8;

type Json = Record<string, any>;

export function filterLines(filter: unknown, eventDeliverySchema?: unknown): string[] {
    const f: Json = typeof filter === "object" && filter !== null ? (filter as Json) : {};
    const lines = [typesLine(f.includedEventTypes), ...subjectLines(f), ...advancedLines(f.advancedFilters)];
    if (f.enableAdvancedFilteringOnArrays === true) lines.push("arrays filtered element-wise");
    if (eventDeliverySchema === "CloudEventSchemaV1_0") lines.push("delivered as CloudEvents 1.0");
    const shown = lines.map(shorten);
    return shown.length > MAX_LINES
        ? [...shown.slice(0, MAX_LINES - 1), `… ${shown.length - MAX_LINES + 1} more`]
        : shown;
}

function typesLine(types: unknown): string {
    if (types === undefined || types === null) return "types: all";
    if (!Array.isArray(types)) return "types: ?";
    if (types.length === 0) return "types: none listed (undocumented, U2)";
    if (types.length === 1 && types[0] === "All") return "types: all";
    return `types: ${types.map(typeName).join(", ")}`;
}

function typeName(t: unknown): string {
    const s = String(t);
    const short = s.startsWith(PREFIX) ? s.slice(PREFIX.length) : s;
    return classifyEventType(s).status === "current" ? short : `⚠${short}`;
}

function subjectLines(f: Json): string[] {
    const cs = f.isSubjectCaseSensitive === true ? " (case-sensitive)" : "";
    const out: string[] = [];
    if (typeof f.subjectBeginsWith === "string" && f.subjectBeginsWith)
        out.push(`subject begins ${f.subjectBeginsWith}${cs}`);
    if (typeof f.subjectEndsWith === "string" && f.subjectEndsWith) out.push(`subject ends ${f.subjectEndsWith}${cs}`);
    return out;
}

function advancedLines(filters: unknown): string[] {
    if (!Array.isArray(filters)) return [];
    return filters.map((a: Json) => {
        const values = Array.isArray(a?.values)
            ? a.values.map(operandText).join(" or ")
            : a?.value !== undefined
              ? operandText(a.value)
              : "";
        return `${String(a?.key ?? "?")} ${String(a?.operatorType ?? "?")}${values ? ` ${values}` : ""}`;
    });
}

/** Ranges read `1..5`; everything else as written. */
const operandText = (v: unknown): string => (Array.isArray(v) ? v.join("..") : String(v));

const shorten = (line: string): string => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line);
