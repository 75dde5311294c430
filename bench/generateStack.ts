import { EVENT_TYPES } from "../catalog";

/**
 * A stack config with `count` subscriptions (500 = the per-topic maximum) spread over every catalog event type
 * that has a published subject shape, with realistic subject prefixes and a few advanced filters, so routing and
 * planning are measured on a topic as full as Azure allows.
 */
/** Event types the generated subscriptions use, in order: subscription i takes BENCH_TYPES[i % length]. */
export const BENCH_TYPES = EVENT_TYPES.filter((t) => t.subjects.length > 0);

/** A subject that subscription `i` matches, built from a sample subject of its type. */
export function subjectMatching(i: number, sampleSubject: string): string {
    const suffix = String(i).padStart(3, "0");
    return sampleSubject.startsWith("/phonenumber/")
        ? `/phonenumber/1${200 + (i % 800)}555${suffix}`
        : `${sampleSubject}-${suffix}`;
}

export function generateStackConfig(count: number): Record<string, unknown> {
    const types = BENCH_TYPES;
    const handlers = {
        "bench-queue": { kind: "storageQueue", storageQueue: { accountName: "stbenchqueue", queueName: "events" } },
        "bench-bus": {
            kind: "serviceBusQueue",
            serviceBusQueue: { namespaceName: "sb-bench-events", queueName: "events" },
        },
        "bench-hook": { kind: "webhook", webhook: { url: "https://bench.example.com/events" } },
    };
    const names = Object.keys(handlers);
    const subscriptions: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
        const t = types[i % types.length];
        subscriptions[`bench-${String(i).padStart(3, "0")}`] = {
            handler: names[i % names.length],
            filter: {
                eventTypes: [t.type],
                ...subjectFor(t.subjects[0], i),
                ...(i % 5 === 0 ? { advancedFilters: [{ operatorType: "IsNotNull", key: "data" }] } : {}),
            },
        };
    }
    return {
        "azure-native:location": "westeurope",
        "acs-event-handling:resourceGroup": { name: "rg-bench" },
        "acs-event-handling:communication": { name: "acs-bench", dataLocation: "Europe" },
        "acs-event-handling:deadLetter": { accountName: "stbenchdeadletter" },
        "acs-event-handling:handlers": handlers,
        "acs-event-handling:subscriptions": subscriptions,
    };
}

/**
 * SMS subscriptions get an area-code prefix; others take their family's literal prefix. Every subscription also
 * gets a distinct fixed-width suffix, so no two deliver the same event to the same handler (which the policy
 * pack rejects): the bench stack is a valid one.
 */
function subjectFor(shape: string, i: number): Record<string, unknown> {
    const suffix = String(i).padStart(3, "0");
    if (shape.startsWith("/phonenumber/"))
        return { subject: { beginsWith: `/phonenumber/1${200 + (i % 800)}`, endsWith: suffix } };
    const literal = shape.split("{")[0];
    return { subject: { ...(literal.length > 1 ? { beginsWith: literal } : {}), endsWith: `-${suffix}` } };
}
