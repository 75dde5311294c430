/**
 * Seeded random subscriptions and events for the property tests. Values come from small shared pools so that
 * random filters and random events actually meet (matches, near-misses, case variants, missing keys, arrays,
 * wrong types). Events are what ACS really emits: current types only, subjects in the catalog's shapes,
 * envelope fields always present; the static analysis promises nothing about other events.
 */
import { EVENT_TYPES, exampleSubject, findEventType } from "../../catalog";
import { AdvancedFilter, OperatorType, RoutedSubscription, SubscriptionFilter } from "../../routing";

/** mulberry32: tiny, fast, good enough to shuffle test inputs reproducibly. */
export function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rand, p: number): boolean => r() < p;

const P = "Microsoft.Communication.";
/** A few families with real shapes, so subject filters and subjects overlap often. */
export const TYPE_POOL = [
    "SMSReceived",
    "SMSDeliveryReportReceived",
    "ChatMessageReceived",
    "ChatMessageReceivedInThread",
    "IncomingCall",
    "EmailDeliveryReportReceived",
].map((t) => P + t);
const PREFIXES = [
    "/phonenumber/1604",
    "/phonenumber/1206",
    "/phonenumber/",
    "phonenumber/604",
    "thread/",
    "/caller/",
    "sender/",
    "/PhoneNumber/1604",
];
const SUFFIXES = ["1234", "5551234", "/recipient/x", "@contoso.com", "9"];
const STRINGS = ["16045551234", "12065551234", "+16045551234", "Delivered", "delivered", "Failed", "x", "1604"];
const NUMBERS = [0, 1, 2, 5, 10, 1.5];
const DATA_KEYS = ["data.to", "data.status", "data.count", "data.flag", "data.tags", "data.nested.value", "data.To"];

export function randomTypes(r: Rand): readonly string[] | null | undefined {
    const roll = r();
    if (roll < 0.15) return undefined;
    if (roll < 0.2) return null;
    if (roll < 0.24) return ["All"];
    if (roll < 0.26) return [];
    if (roll < 0.28) return ["All", pick(r, TYPE_POOL)];
    const types = TYPE_POOL.filter(() => chance(r, 0.3));
    if (types.length === 0) types.push(pick(r, TYPE_POOL));
    if (chance(r, 0.05)) types[0] = types[0].toLowerCase(); // case-only entry (U1)
    if (chance(r, 0.05)) types.push(`${P}InstantMessageReceived`); // legacy name
    return types;
}

function randomAdvanced(r: Rand): AdvancedFilter {
    const operatorType = pick(r, OPERATORS_FOR_TESTS);
    const key = chance(r, 0.15) ? pick(r, ["subject", "eventType", "Subject", "id"]) : pick(r, DATA_KEYS);
    if (operatorType.startsWith("String"))
        return {
            operatorType,
            key,
            values: [pick(r, STRINGS), ...(chance(r, 0.4) ? [pick(r, [...STRINGS, ...PREFIXES, ...TYPE_POOL])] : [])],
        };
    if (operatorType.endsWith("Range"))
        return { operatorType, key, values: [[pick(r, NUMBERS), pick(r, NUMBERS)].sort((a, b) => a - b)] };
    if (operatorType === "NumberIn" || operatorType === "NumberNotIn")
        return { operatorType, key, values: [pick(r, NUMBERS), pick(r, NUMBERS)] };
    if (operatorType.startsWith("Number")) return { operatorType, key, value: pick(r, NUMBERS) };
    if (operatorType === "BoolEquals") return { operatorType, key, value: chance(r, 0.5) };
    return { operatorType, key };
}

const OPERATORS_FOR_TESTS: readonly OperatorType[] = [
    "NumberIn",
    "NumberNotIn",
    "NumberLessThan",
    "NumberGreaterThan",
    "NumberLessThanOrEquals",
    "NumberGreaterThanOrEquals",
    "NumberInRange",
    "NumberNotInRange",
    "BoolEquals",
    "StringIn",
    "StringNotIn",
    "StringBeginsWith",
    "StringNotBeginsWith",
    "StringEndsWith",
    "StringNotEndsWith",
    "StringContains",
    "StringNotContains",
    "IsNullOrUndefined",
    "IsNotNull",
];

export function randomFilter(r: Rand): SubscriptionFilter {
    const advancedFilters = Array.from({ length: pick(r, [0, 0, 1, 1, 2, 3]) }, () => randomAdvanced(r));
    return {
        includedEventTypes: randomTypes(r),
        ...(chance(r, 0.4) ? { subjectBeginsWith: pick(r, PREFIXES) } : {}),
        ...(chance(r, 0.2) ? { subjectEndsWith: pick(r, SUFFIXES) } : {}),
        isSubjectCaseSensitive: chance(r, 0.2),
        enableAdvancedFilteringOnArrays: chance(r, 0.5),
        advancedFilters,
    };
}

export function randomSubscription(r: Rand, i: number): RoutedSubscription {
    return {
        name: `sub-${i}`,
        handler: `handler-${i % 7}`,
        filter: randomFilter(r),
        eventDeliverySchema: chance(r, 0.2) ? "CloudEventSchemaV1_0" : "EventGridSchema",
    };
}

function randomValue(r: Rand): unknown {
    const roll = r();
    if (roll < 0.35) return pick(r, STRINGS);
    if (roll < 0.55) return pick(r, NUMBERS);
    if (roll < 0.65) return chance(r, 0.5);
    if (roll < 0.7) return null;
    if (roll < 0.85) return [pick(r, STRINGS), pick(r, NUMBERS), pick(r, STRINGS)];
    return { value: pick(r, STRINGS) };
}

/** A subject of the type's published shape, with numbers and ids drawn from the pools. */
function subjectFor(r: Rand, type: string): string {
    const shapes = findEventType(type)?.subjects ?? [];
    if (shapes.length === 0) return `x/${pick(r, STRINGS)}`;
    const digits = pick(r, ["16045551234", "12065551234", "14255550123"]);
    return exampleSubject(pick(r, shapes), digits, pick(r, ["id", "1604", "x@contoso.com", "8:acs:1"]));
}

/** An ACS-like Event Grid-schema event; `anyType` also draws from every catalog type. */
export function randomEvent(r: Rand, anyType = false): Record<string, unknown> {
    const eventType = anyType && chance(r, 0.3) ? pick(r, EVENT_TYPES).type : pick(r, TYPE_POOL);
    const data: Record<string, unknown> = {};
    for (const key of ["to", "status", "count", "flag", "tags", "To"]) if (chance(r, 0.6)) data[key] = randomValue(r);
    if (chance(r, 0.5)) data.nested = { value: randomValue(r) };
    return {
        id: `evt-${Math.floor(r() * 1e9)}`,
        topic: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/communicationServices/acs",
        subject: subjectFor(r, eventType),
        eventType,
        eventTime: "2024-01-01T00:00:00Z",
        dataVersion: "1.0",
        metadataVersion: "1",
        data,
    };
}

/** Sometimes a CloudEvents-schema copy, so the delivery-schema clause is exercised too. */
export function maybeCloudEvent(r: Rand, e: Record<string, unknown>): Record<string, unknown> {
    if (!chance(r, 0.15)) return e;
    return {
        id: e.id,
        source: e.topic,
        specversion: "1.0",
        type: e.eventType,
        subject: e.subject,
        time: e.eventTime,
        data: e.data,
    };
}
