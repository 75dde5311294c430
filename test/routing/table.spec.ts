/**
 * Routing tables: the event-type index must give exactly the scan's answers while evaluating only the
 * subscriptions that can concern the event.
 */
import * as assert from "node:assert";
import { AcsEventTypes, EVENT_TYPES } from "../../catalog";
import { buildRouter, IndexedRouter, InvalidFilterError, RoutedSubscription, RouteResult } from "../../routing";
import { loadSampleEvents, loadSampleFile } from "../../samples";
import { maybeCloudEvent, randomEvent, randomSubscription, rng } from "./generators";

const T = AcsEventTypes;
const names = (xs: readonly { subscription: RoutedSubscription }[]) => xs.map((x) => x.subscription.name);

/** Comparable form of a result: names, clauses, reasons and U#s, in result order. */
function summary(r: RouteResult) {
    return {
        eventType: r.eventType,
        eventTypeProblem: r.eventTypeProblem,
        matches: names(r.matches),
        undocumented: r.undocumented.map((u) => [u.subscription.name, u.id, u.reason]),
        nonMatches: r.nonMatches.map((n) => [n.subscription.name, n.clause.kind, n.reason]),
    };
}

const DEV_LIKE: RoutedSubscription[] = [
    {
        name: "sms-604",
        handler: "sms-queue",
        filter: {
            includedEventTypes: [T.SmsReceived, T.SmsDeliveryReportReceived],
            subjectBeginsWith: "/phonenumber/1604",
        },
    },
    {
        name: "sms-206",
        handler: "sms-webhook",
        filter: { includedEventTypes: [T.SmsReceived], subjectBeginsWith: "/phonenumber/1206" },
    },
    { name: "audit-all", handler: "audit-hub", filter: {} },
    {
        name: "chat",
        handler: "chat-fn",
        filter: { includedEventTypes: [T.ChatMessageReceived, T.ChatMessageReceivedInThread] },
        eventDeliverySchema: "CloudEventSchemaV1_0",
    },
    {
        name: "calls-604",
        handler: "calls-fn",
        filter: {
            includedEventTypes: [T.IncomingCall],
            advancedFilters: [
                { operatorType: "StringEndsWith", key: "data.to.phoneNumber.value", values: ["16045551234"] },
            ],
        },
    },
    {
        name: "email-failures",
        handler: "ops-mail",
        filter: {
            includedEventTypes: [T.EmailDeliveryReportReceived],
            advancedFilters: [{ operatorType: "StringIn", key: "data.status", values: ["Failed", "Bounced"] }],
        },
    },
];

describe("routing/table: routing the sample events", () => {
    const router = buildRouter(DEV_LIKE);

    it("sends the 604 SMS to the 604 handler and the catch-all, in table order", () => {
        const r = router.route(loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0]);
        assert.deepStrictEqual(names(r.matches), ["sms-604", "audit-all"]);
        assert.deepStrictEqual(
            r.matches.map((m) => m.handler),
            ["sms-queue", "audit-hub"],
        );
        assert.deepStrictEqual(
            r.nonMatches.map((n) => [n.subscription.name, n.reason]),
            [["sms-206", 'subject "/phonenumber/16045551234" does not begin with "/phonenumber/1206"']],
        );
    });

    it("evaluates only the event's type bucket and the all-types bucket, and counts the rest as skipped", () => {
        const r = router.route(loadSampleFile("calling/IncomingCall.eventgrid.json")[0]);
        assert.deepStrictEqual(names(r.matches), ["audit-all", "calls-604"]);
        assert.strictEqual(r.nonMatches.length, 0);
        assert.strictEqual(r.skipped, DEV_LIKE.length - 2);
    });

    it("explains the skipped subscriptions on request", () => {
        const r = router.routeWithAllReasons(loadSampleFile("calling/IncomingCall.eventgrid.json")[0]);
        assert.strictEqual(r.skipped, 0);
        assert.deepStrictEqual(
            r.nonMatches.map((n) => n.clause.kind),
            ["includedEventTypes", "includedEventTypes", "includedEventTypes", "includedEventTypes"],
        );
    });

    it("agrees with a full scan on every sample event", () => {
        const scan = buildRouter(DEV_LIKE, "scan");
        for (const { file, event } of loadSampleEvents()) {
            assert.deepStrictEqual(summary(router.routeWithAllReasons(event)), summary(scan.route(event)), file);
            assert.deepStrictEqual(names(router.route(event).matches), names(scan.route(event).matches), file);
        }
    });

    it("flags a legacy event type with what to use instead", () => {
        const r = router.route(loadSampleFile("early-preview/InstantMessageEdited.json")[0]);
        assert.match(r.eventTypeProblem ?? "", new RegExp(`use "${T.ChatMessageEdited.replace(/\./g, "\\.")}"`));
        assert.deepStrictEqual(names(r.matches), ["audit-all"]);
    });

    it("names the subscription whose filter Event Grid would reject", () => {
        const broken = [
            ...DEV_LIKE,
            { name: "broken", filter: { advancedFilters: [{ operatorType: "StringIn", key: "data.x" }] } },
        ];
        assert.throws(
            () => buildRouter(broken),
            (e: unknown) => e instanceof InvalidFilterError && /subscription "broken"/.test(e.message),
        );
    });
});

describe("routing/table: index cost does not grow with unrelated subscriptions", () => {
    it("evaluates the same candidates however many router-job subscriptions are added", () => {
        const routerTypes = EVENT_TYPES.filter((e) => e.type.includes(".Router")).map((e) => e.type);
        const unrelated = Array.from(
            { length: 500 },
            (_, i): RoutedSubscription => ({
                name: `job-${i}`,
                filter: { includedEventTypes: [routerTypes[i % routerTypes.length]] },
            }),
        );
        const router = new IndexedRouter([...unrelated, ...DEV_LIKE]);
        const sms = loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0];
        assert.deepStrictEqual(
            router.candidates(T.SmsReceived).map((s) => s.name),
            ["sms-604", "sms-206", "audit-all"],
        );
        assert.strictEqual(router.route(sms).skipped, 500 + DEV_LIKE.length - 3);
    });

    it("keeps case-only type entries reachable so U1 is reported, not silently skipped", () => {
        const router = new IndexedRouter([
            { name: "lower", filter: { includedEventTypes: [T.SmsReceived.toLowerCase()] } },
        ]);
        const r = router.route(loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0]);
        assert.deepStrictEqual(
            r.undocumented.map((u) => u.id),
            ["U1"],
        );
    });

    it("evaluates U2/U12 subscriptions for every event", () => {
        const router = new IndexedRouter([
            { name: "empty", filter: { includedEventTypes: [] } },
            { name: "all-mixed", filter: { includedEventTypes: ["All", T.IncomingCall] } },
        ]);
        const r = router.route(loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0]);
        assert.deepStrictEqual(
            r.undocumented.map((u) => u.id),
            ["U2", "U12"],
        );
    });
});

/** The subscription lists event types and none equals the event's, even ignoring case. */
function excludesType(s: RoutedSubscription, event: Record<string, unknown>): boolean {
    const type = String(event.eventType ?? event.type).toLowerCase();
    const listed = s.filter?.includedEventTypes;
    return (
        Array.isArray(listed) &&
        listed.length > 0 &&
        !listed.some((t) => t.toLowerCase() === type || t.toLowerCase() === "all")
    );
}

describe("routing/table: index and scan agree on random tables and events", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
        it(`seed ${seed}: 80 subscriptions × 300 events`, () => {
            const r = rng(seed);
            const subscriptions = Array.from({ length: 80 }, (_, i) => randomSubscription(r, i));
            const indexed = buildRouter(subscriptions, "indexed");
            const scan = buildRouter(subscriptions, "scan");
            let matched = 0;
            for (let i = 0; i < 300; i++) {
                const event = maybeCloudEvent(r, randomEvent(r, true));
                const full = scan.route(event);
                const fast = indexed.route(event);
                assert.deepStrictEqual(summary(indexed.routeWithAllReasons(event)), summary(full));
                assert.deepStrictEqual(names(fast.matches), names(full.matches));
                assert.deepStrictEqual(names(fast.undocumented), names(full.undocumented));
                assert.strictEqual(
                    fast.skipped + fast.matches.length + fast.undocumented.length + fast.nonMatches.length,
                    subscriptions.length,
                );
                const skipped = full.nonMatches.filter((n) => !names(fast.nonMatches).includes(n.subscription.name));
                assert.ok(
                    skipped.every((n) => excludesType(n.subscription, event)),
                    "the index may only skip subscriptions whose types exclude the event's",
                );
                matched += full.matches.length;
            }
            assert.ok(matched > 0, "the generator should produce some matches, or this test proves nothing");
        });
    }
});
