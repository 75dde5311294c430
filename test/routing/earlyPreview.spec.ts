/**
 * The 2020 preview documentation, as users still copy it: its five sample events must not reach correctly
 * written subscriptions, and its "604 area code" filter must never match a real 604 SMS, while the corrected
 * filter does. Expected replacement names come from the catalog, not from this file.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { AcsEventTypes, classifyEventType } from "../../catalog";
import { buildRouter, canNeverMatch, evaluate, RoutedSubscription, SubscriptionFilter } from "../../routing";
import { loadSampleEvents, loadSampleFile, SAMPLE_EVENTS_DIR } from "../../samples";

const T = AcsEventTypes;
const CORRECTED: SubscriptionFilter = {
    includedEventTypes: [T.SmsReceived, T.SmsDeliveryReportReceived],
    subjectBeginsWith: "/phonenumber/1604",
};
const SUBSCRIPTIONS: RoutedSubscription[] = [
    { name: "sms-604", handler: "sms-handler", filter: CORRECTED },
    {
        name: "chat-user",
        handler: "chat-handler",
        filter: { includedEventTypes: [T.ChatMessageReceived, T.ChatMessageEdited, T.ChatMessageDeleted] },
    },
    {
        name: "chat-thread",
        handler: "chat-archive",
        filter: {
            includedEventTypes: [
                T.ChatMessageReceivedInThread,
                T.ChatMessageEditedInThread,
                T.ChatMessageDeletedInThread,
            ],
        },
    },
];

/**
 * The doc's filter text is not JSON (trailing comma, a bare `"filter":` member): read it the way a user would fix it.
 */
function earlyDocFilter(): SubscriptionFilter {
    const text = fs.readFileSync(path.join(SAMPLE_EVENTS_DIR, "early-preview", "filter-example.txt"), "utf8");
    const json = `{${text}}`.replace(/,(\s*[}\]])/g, "$1");
    return (JSON.parse(json) as { filter: SubscriptionFilter }).filter;
}

const early = loadSampleEvents().filter((s) => s.file.startsWith("early-preview/"));

describe("routing: the 2020 preview samples against today's SMS and chat subscriptions", () => {
    const router = buildRouter(SUBSCRIPTIONS);

    it("has all five samples", () => {
        assert.strictEqual(early.length, 5);
    });

    for (const { file, event } of early) {
        describe(file, () => {
            const result = router.routeWithAllReasons(event);
            const type = String(event.eventType);
            const verdict = classifyEventType(type);

            it("matches no subscription and needs no undocumented behaviour", () => {
                assert.deepStrictEqual(result.matches, []);
                assert.deepStrictEqual(result.undocumented, []);
                assert.strictEqual(result.nonMatches.length, SUBSCRIPTIONS.length);
            });

            it("gives reasons that name the current event type", () => {
                const current = verdict.status === "legacy" ? verdict.useInstead : [type];
                for (const n of result.nonMatches) {
                    assert.ok(
                        current.every((c) => n.reason.includes(`"${c}"`)),
                        `${n.subscription.name}: ${n.reason}`,
                    );
                }
            });

            if (verdict.status === "current") {
                it("fails the SMS subscription on its placeholder subject, showing the real subject shape", () => {
                    const sms = result.nonMatches.find((n) => n.subscription.name === "sms-604");
                    assert.ok(sms && sms.clause.kind === "subjectBeginsWith", JSON.stringify(sms));
                    assert.ok(
                        sms.reason.includes(`subject "${String(event.subject)}"`) &&
                            sms.reason.includes("/phonenumber/{digits}"),
                        sms.reason,
                    );
                });
            } else {
                it("is flagged as a legacy type by the router", () => {
                    assert.match(result.eventTypeProblem ?? "", /legacy name/);
                });
            }
        });
    }
});

describe("routing: the preview doc's 604 filter versus the corrected one", () => {
    const sms604 = loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0];
    const sms206 = loadSampleFile("sms/SMSReceived.to-1206.eventgrid.json")[0];
    const report604 = loadSampleFile("sms/SMSDeliveryReportReceived.eventgrid.json")[0];
    const chat = loadSampleFile("chatUser/ChatMessageReceived.eventgrid.json")[0];

    it("reads the published filter (legacy names, no leading slash)", () => {
        assert.deepStrictEqual(earlyDocFilter().includedEventTypes, [
            "Microsoft.Resources.SMSReceived",
            "Microsoft.Resources.SMSDeliveryReport",
        ]);
        assert.strictEqual(earlyDocFilter().subjectBeginsWith, "phonenumber/604");
    });

    it("never matches a real 604 SMS or its delivery report, and says which names to use", () => {
        for (const event of [sms604, report604]) {
            const o = evaluate({ filter: earlyDocFilter() }, event);
            assert.strictEqual(o.outcome, "noMatch");
            assert.ok(
                o.outcome === "noMatch" && o.reason.includes(`where it means "${String(event.eventType)}"`),
                JSON.stringify(o),
            );
        }
    });

    it("still never matches once only the type names are fixed: the subject prefix fits no SMS subject", () => {
        const typesFixed = { ...earlyDocFilter(), includedEventTypes: CORRECTED.includedEventTypes };
        for (const event of [sms604, report604])
            assert.strictEqual(evaluate({ filter: typesFixed }, event).outcome, "noMatch");
        assert.deepStrictEqual(
            canNeverMatch({ filter: typesFixed }).map((f) => f.code),
            ["subjectFitsNoShape"],
        );
    });

    it("is proven never to match by the static analysis", () => {
        assert.deepStrictEqual(
            canNeverMatch({ filter: earlyDocFilter() }).map((f) => f.code),
            ["noDeliverableEventType"],
        );
    });

    it("corrected: matches the 604 SMS and its delivery report, and nothing else", () => {
        assert.strictEqual(evaluate({ filter: CORRECTED }, sms604).outcome, "match");
        assert.strictEqual(evaluate({ filter: CORRECTED }, report604).outcome, "match");
        assert.strictEqual(evaluate({ filter: CORRECTED }, sms206).outcome, "noMatch");
        assert.strictEqual(evaluate({ filter: CORRECTED }, chat).outcome, "noMatch");
        assert.deepStrictEqual(canNeverMatch({ filter: CORRECTED }), []);
    });

    it("corrected, with CloudEvents delivery: the CloudEvents copies route the same way", () => {
        const spec = { filter: CORRECTED, eventDeliverySchema: "CloudEventSchemaV1_0" };
        const ce = (f: string) => loadSampleFile(f.replace(".eventgrid.", ".cloudevents."))[0];
        assert.strictEqual(evaluate(spec, ce("sms/SMSReceived.to-1604.eventgrid.json")).outcome, "match");
        assert.strictEqual(evaluate(spec, ce("sms/SMSDeliveryReportReceived.eventgrid.json")).outcome, "match");
        assert.strictEqual(evaluate(spec, ce("sms/SMSReceived.to-1206.eventgrid.json")).outcome, "noMatch");
    });
});
