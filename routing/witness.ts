/**
 * Search for one concrete Event Grid-schema event, of a kind ACS really sends (a current type, a subject that
 * fits the type's published shape, every envelope field a string), that every given filter matches.
 * Candidates for each field are built from the filters' own operands (prefix completions, listed values, the
 * constants of number conditions and the points between them, absent) and from the catalog's subject shapes;
 * combinations are tried until the budget runs out. Finding one proves the filters can match together; not
 * finding one proves nothing.
 */
import { EVENT_TYPES, exampleSubject, findEventType } from "../catalog";
import { CompiledAdvancedFilter, CompiledFilter } from "./compile";
import { numberRepresentatives } from "./constraints";
import { viewEvent } from "./envelope";
import { evaluateCompiled } from "./evaluate";
import { completeWithPrefix, completeWithSuffix, fitsShape } from "./subjectShapes";

export const WITNESS_TOPIC =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-acs-dev" +
    "/providers/Microsoft.Communication/communicationServices/acs-events-dev";
const DEFAULT_BUDGET = 5000;
const MAX_CANDIDATES = 12;
const ABSENT = Symbol("absent");
type Candidate = unknown | typeof ABSENT;

/** A field the search fills: the event type, the subject, another envelope field, or a data path. */
interface Slot {
    readonly path: readonly string[];
    readonly candidates: readonly Candidate[];
}

export function findCommonEvent(
    filters: readonly CompiledFilter[],
    budget = DEFAULT_BUDGET,
): Record<string, unknown> | undefined {
    const rest = [...envelopeSlots(filters), ...dataSlots(filters)];
    const counter = { left: budget };
    for (const type of candidateTypes(filters)) {
        const slots = [
            { path: ["eventType"], candidates: [type] },
            { path: ["subject"], candidates: subjectCandidates(filters, type) },
            ...rest,
        ];
        const found = search(filters, slots, [], counter);
        if (found || counter.left <= 0) return found;
    }
    return undefined;
}

/** Depth-first over the slots' candidates; each complete event costs one unit of budget. */
function search(
    filters: readonly CompiledFilter[],
    slots: readonly Slot[],
    chosen: Candidate[],
    counter: { left: number },
): Record<string, unknown> | undefined {
    const i = chosen.length;
    if (i === slots.length) {
        counter.left--;
        const event = buildEvent(slots, chosen);
        const view = viewEvent(event);
        return filters.every((f) => evaluateCompiled(f, view).outcome === "match") ? event : undefined;
    }
    for (const c of slots[i].candidates) {
        if (counter.left <= 0) return undefined;
        const found = search(filters, slots, [...chosen, c], counter);
        if (found) return found;
    }
    return undefined;
}

function buildEvent(slots: readonly Slot[], chosen: readonly Candidate[]): Record<string, unknown> {
    const event: Record<string, unknown> = {
        id: "00000000-0000-0000-0000-0000000000aa",
        topic: WITNESS_TOPIC,
        eventTime: "2024-01-01T00:00:00Z",
        dataVersion: "1.0",
        metadataVersion: "1",
        data: {},
    };
    slots.forEach((slot, i) => setPath(event, slot.path, chosen[i]));
    return event;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: Candidate): void {
    let node = target;
    for (const segment of path.slice(0, -1)) {
        const next = node[segment];
        node =
            typeof next === "object" && next !== null && !Array.isArray(next)
                ? (next as Record<string, unknown>)
                : ((node[segment] = {}) as Record<string, unknown>);
    }
    const last = path[path.length - 1];
    if (value === ABSENT) delete node[last];
    else node[last] = value;
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)].slice(0, MAX_CANDIDATES);

/**
 * Current ACS types every listing filter includes, or every catalog type when none lists any. Legacy and
 * unknown names are left out: ACS never sends them, so a witness using one would prove nothing.
 */
function candidateTypes(filters: readonly CompiledFilter[]): string[] {
    const lists = filters.map((f) => f.types).flatMap((t) => (t.kind === "list" ? [t.listed] : []));
    const pool = lists.length
        ? lists[0].filter((t) => lists.every((l) => l.includes(t)))
        : EVENT_TYPES.map((e) => e.type);
    return pool.filter((t) => findEventType(t) !== undefined);
}

function stringValues(a: CompiledAdvancedFilter): string[] {
    return (a.source.values ?? []).filter((v): v is string => typeof v === "string");
}

/**
 * Subjects ACS could send for `type` (a whole fit of one of its shapes, when it has any) that the filters'
 * subject conditions suggest: listed values, shape completions of each prefix and suffix, prefix+suffix joins
 * and a plain shape example.
 */
function subjectCandidates(filters: readonly CompiledFilter[], type: string): Candidate[] {
    const onSubject = (op: string) =>
        filters
            .flatMap((f) => f.advanced.filter((a) => a.operator === op && a.key.text.toLowerCase() === "subject"))
            .flatMap(stringValues);
    const prefixes = [
        ...filters.flatMap((f) => (f.subjectBeginsWith ? [f.subjectBeginsWith] : [])),
        ...onSubject("StringBeginsWith"),
    ];
    const suffixes = [
        ...filters.flatMap((f) => (f.subjectEndsWith ? [f.subjectEndsWith] : [])),
        ...onSubject("StringEndsWith"),
    ];
    const shapes = findEventType(type)?.subjects ?? [];
    const joined = ["", ...prefixes].flatMap((p) =>
        ["", ...suffixes].flatMap((s) => (p + s ? [p + s, `${p}5550100${s}`] : [])),
    );
    const completed = shapes
        .flatMap((shape) => [
            ...prefixes.map((p) => completeWithPrefix(shape, p)),
            ...suffixes.map((s) => completeWithSuffix(shape, s)),
            exampleSubject(shape),
        ])
        .filter((s): s is string => s !== undefined);
    const all = [...onSubject("StringIn"), ...joined.sort((a, b) => b.length - a.length), ...completed, "x"];
    const real = shapes.length ? all.filter((s) => shapes.some((shape) => fitsShape(shape, s))) : all;
    return [...new Set(real)].slice(0, 3 * MAX_CANDIDATES);
}

/** id, topic and dataVersion when a filter names them (defaults are already in the event). */
function envelopeSlots(filters: readonly CompiledFilter[]): Slot[] {
    const fields: Record<string, string> = { id: "id", topic: "topic", dataversion: "dataVersion" };
    const out: Slot[] = [];
    for (const [lower, field] of Object.entries(fields)) {
        const conds = filters.flatMap((f) =>
            f.advanced.filter((a) => a.key.kind === "envelope" && a.key.text.toLowerCase() === lower),
        );
        if (conds.length)
            out.push({
                path: [field],
                candidates: uniq([...conds.flatMap(stringValues).flatMap(stringVariants), "1.0", WITNESS_TOPIC]),
            });
    }
    return out;
}

function dataSlots(filters: readonly CompiledFilter[]): Slot[] {
    const byPath = new Map<string, CompiledAdvancedFilter[]>();
    for (const a of filters.flatMap((f) => f.advanced)) {
        if (a.key.kind !== "data" || a.key.path.length === 0) continue;
        const id = a.key.path.join(".");
        byPath.set(id, [...(byPath.get(id) ?? []), a]);
    }
    return [...byPath.values()].map((conds) => ({
        path: ["data", ...(conds[0].key as { path: readonly string[] }).path],
        candidates: dataCandidates(conds),
    }));
}

/** Listed values first, then the decisive numbers, booleans and "absent", then near-misses of the strings. */
function dataCandidates(conds: readonly CompiledAdvancedFilter[]): Candidate[] {
    const strings = conds.flatMap(stringValues);
    const numbers = conds.some(isNumeric) ? numberRepresentatives(conds.map((c) => c.operand)) : [];
    const booleans = conds.some((c) => c.operator === "BoolEquals") ? [true, false] : [];
    const nearMisses = strings.flatMap((v) => [`${v}x`, `x${v}`]);
    return [...new Set<Candidate>([...strings, ...numbers, ...booleans, ABSENT, ...nearMisses, "zz"])].slice(
        0,
        2 * MAX_CANDIDATES,
    );
}

const isNumeric = (a: CompiledAdvancedFilter): boolean => a.operator.startsWith("Number");
const stringVariants = (v: string): string[] => [v, `${v}x`, `x${v}`];
