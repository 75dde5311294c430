/**
 * Static analysis for the policy pack: every "never" must be a proof, every "overlap" must come with an event
 * that really matches both filters. The property tests check both promises against the evaluator itself.
 */
import * as assert from "node:assert";
import { AcsEventTypes } from "../../catalog";
import {
    canBothMatch,
    canNeverMatch,
    evaluate,
    FilterSpec,
    findMatchingEvent,
    NeverMatchCode,
    SubscriptionFilter,
} from "../../routing";
import { randomEvent, randomFilter, rng } from "./generators";

const T = AcsEventTypes;
const SMS_604: SubscriptionFilter = {
    includedEventTypes: [T.SmsReceived, T.SmsDeliveryReportReceived],
    subjectBeginsWith: "/phonenumber/1604",
};
const codes = (filter: SubscriptionFilter): NeverMatchCode[] => canNeverMatch({ filter }).map((f) => f.code);
const adv = (operatorType: string, key: string, operand: { value?: unknown; values?: unknown[] } = {}) => ({
    operatorType,
    key,
    ...operand,
});

describe("routing/satisfiability: canNeverMatch", () => {
    const never: [string, SubscriptionFilter, NeverMatchCode][] = [
        [
            "subjectBeginsWith disjoint from StringBeginsWith on subject",
            {
                ...SMS_604,
                advancedFilters: [
                    adv("StringBeginsWith", "subject", { values: ["/phonenumber/1206", "/phonenumber/1425"] }),
                ],
            },
            "contradictoryConditions",
        ],
        [
            "includedEventTypes disjoint from a StringIn on eventType",
            {
                includedEventTypes: [T.SmsReceived],
                advancedFilters: [adv("StringIn", "EventType", { values: [T.ChatMessageReceived] })],
            },
            "eventTypeFilterExcludesAll",
        ],
        [
            "StringNotBeginsWith on eventType excluding every included type",
            {
                includedEventTypes: [T.SmsReceived, T.SmsDeliveryReportReceived],
                advancedFilters: [adv("StringNotBeginsWith", "eventType", { values: ["microsoft.communication.sms"] })],
            },
            "eventTypeFilterExcludesAll",
        ],
        [
            "subject prefix without the leading slash of SMS subjects",
            { includedEventTypes: [T.SmsReceived], subjectBeginsWith: "phonenumber/604" },
            "subjectFitsNoShape",
        ],
        [
            "chat prefix on an SMS subscription",
            { includedEventTypes: [T.SmsReceived], subjectBeginsWith: "thread/" },
            "subjectFitsNoShape",
        ],
        [
            "case-sensitive camelCase segment where per-thread subjects are lower case",
            {
                includedEventTypes: ["Microsoft.Communication.ChatThreadParticipantAdded"],
                isSubjectCaseSensitive: true,
                subjectEndsWith: "participantAdded/x",
            },
            "subjectFitsNoShape",
        ],
        [
            "only legacy type names",
            { includedEventTypes: ["Microsoft.Communication.InstantMessageReceived"] },
            "noDeliverableEventType",
        ],
        [
            "only case-mangled type names (at best U1)",
            { includedEventTypes: [T.SmsReceived.toUpperCase()] },
            "noDeliverableEventType",
        ],
        ["empty includedEventTypes (U2)", { includedEventTypes: [] }, "undocumentedEventTypes"],
        [
            "number range contradiction on a scalar data key",
            {
                advancedFilters: [
                    adv("NumberGreaterThan", "data.segmentCount", { value: 5 }),
                    adv("NumberLessThanOrEquals", "data.segmentCount", { value: 5 }),
                ],
            },
            "contradictoryConditions",
        ],
        [
            "reversed range",
            { advancedFilters: [adv("NumberInRange", "data.segmentCount", { values: [[5, 1]] })] },
            "contradictoryConditions",
        ],
        [
            "a key required to be both a string and a number",
            {
                advancedFilters: [
                    adv("StringIn", "data.to", { values: ["1604"] }),
                    adv("NumberIn", "data.to", { values: [1604] }),
                ],
            },
            "contradictoryConditions",
        ],
        [
            "IsNullOrUndefined together with a presence-requiring operator",
            {
                advancedFilters: [
                    adv("IsNullOrUndefined", "data.tag"),
                    adv("StringContains", "data.tag", { values: ["x"] }),
                ],
            },
            "contradictoryConditions",
        ],
        [
            "IsNullOrUndefined on subject (always present in ACS events)",
            { advancedFilters: [adv("IsNullOrUndefined", "subject")] },
            "contradictoryConditions",
        ],
        [
            "StringIn values all excluded by StringNotIn",
            {
                advancedFilters: [
                    adv("StringIn", "data.status", { values: ["Failed", "Bounced"] }),
                    adv("StringNotIn", "data.status", { values: ["failed", "BOUNCED"] }),
                ],
            },
            "contradictoryConditions",
        ],
        [
            "a required prefix inside an excluded shorter prefix",
            { ...SMS_604, advancedFilters: [adv("StringNotBeginsWith", "subject", { values: ["/PHONENUMBER/16"] })] },
            "contradictoryConditions",
        ],
        [
            "a required suffix inside an excluded substring",
            {
                includedEventTypes: [T.SmsReceived],
                subjectEndsWith: "5551234",
                advancedFilters: [adv("StringNotContains", "subject", { values: ["551"] })],
            },
            "contradictoryConditions",
        ],
        [
            "BoolEquals true and false",
            {
                advancedFilters: [
                    adv("BoolEquals", "data.flag", { value: true }),
                    adv("BoolEquals", "data.flag", { value: false }),
                ],
            },
            "contradictoryConditions",
        ],
    ];
    for (const [name, filter, code] of never) {
        it(`proves never: ${name}`, () => {
            assert.ok(codes(filter).includes(code), JSON.stringify(canNeverMatch({ filter })));
            assert.strictEqual(findMatchingEvent({ filter }), undefined, "a witness contradicts the proof");
        });
    }

    const possible: [string, SubscriptionFilter][] = [
        ["the corrected 604 filter", SMS_604],
        [
            "compatible prefixes",
            { ...SMS_604, advancedFilters: [adv("StringBeginsWith", "subject", { values: ["/phonenumber/16045"] })] },
        ],
        [
            "a prefix with a longer excluded prefix",
            {
                includedEventTypes: [T.SmsReceived],
                subjectBeginsWith: "/phonenumber/",
                advancedFilters: [adv("StringNotBeginsWith", "subject", { values: ["/phonenumber/1604"] })],
            },
        ],
        [
            "StringNotIn alone (a missing key matches)",
            { advancedFilters: [adv("StringNotIn", "data.tag", { values: ["x"] })] },
        ],
        [
            "number conditions with a gap",
            {
                advancedFilters: [
                    adv("NumberGreaterThan", "data.n", { value: 5 }),
                    adv("NumberLessThan", "data.n", { value: 6 }),
                ],
            },
        ],
        ["all types with a subject prefix of some ACS type", { subjectBeginsWith: "thread/" }],
        [
            "per-user chat camelCase segment, case-sensitive",
            {
                includedEventTypes: ["Microsoft.Communication.ChatParticipantAddedToThreadWithUser"],
                isSubjectCaseSensitive: true,
                subjectBeginsWith: "thread/",
            },
        ],
    ];
    for (const [name, filter] of possible) {
        it(`finds no proof and a matching event: ${name}`, () => {
            assert.deepStrictEqual(canNeverMatch({ filter }), []);
            const witness = findMatchingEvent({ filter });
            assert.ok(witness, "expected the search to find a matching event");
            assert.strictEqual(evaluate({ filter }, witness).outcome, "match");
        });
    }

    it("does not claim contradictions across elements when array filtering is on", () => {
        const filter: SubscriptionFilter = {
            enableAdvancedFilteringOnArrays: true,
            advancedFilters: [
                adv("NumberGreaterThan", "data.n", { value: 5 }),
                adv("NumberLessThan", "data.n", { value: 3 }),
            ],
        };
        assert.deepStrictEqual(canNeverMatch({ filter }), []);
        const event = {
            id: "1",
            topic: "/t",
            subject: "s",
            eventType: T.SmsReceived,
            dataVersion: "1.0",
            data: { n: [1, 10] },
        };
        assert.strictEqual(
            evaluate({ filter }, event).outcome,
            "match",
            "elements 1 and 10 satisfy one condition each",
        );
    });

    it("explains the early-doc filter's problems in words", () => {
        const [f] = canNeverMatch({
            filter: { includedEventTypes: [T.SmsReceived], subjectBeginsWith: "phonenumber/604" },
        });
        assert.strictEqual(
            f.message,
            `subjectBeginsWith "phonenumber/604" fits no subject of ${T.SmsReceived} (they look like ` +
                `"/phonenumber/{digits}")`,
        );
    });
});

describe("routing/satisfiability: canBothMatch", () => {
    const overlapping: [string, SubscriptionFilter, SubscriptionFilter][] = [
        [
            "same types, nested prefixes",
            SMS_604,
            { includedEventTypes: [T.SmsReceived], subjectBeginsWith: "/phonenumber/160455" },
        ],
        [
            "a catch-all and a typed filter",
            {},
            {
                includedEventTypes: [T.IncomingCall],
                advancedFilters: [adv("StringEndsWith", "data.to.phoneNumber.value", { values: ["16045551234"] })],
            },
        ],
        [
            "subject filter and equivalent advanced filter",
            SMS_604,
            {
                includedEventTypes: [T.SmsReceived],
                advancedFilters: [adv("StringBeginsWith", "data.to", { values: ["1604"] })],
            },
        ],
    ];
    for (const [name, a, b] of overlapping) {
        it(`finds a shared event: ${name}`, () => {
            const o = canBothMatch({ filter: a }, { filter: b });
            assert.strictEqual(o.verdict, "overlap", JSON.stringify(o));
            if (o.verdict !== "overlap") return;
            assert.strictEqual(evaluate({ filter: a }, o.witness).outcome, "match");
            assert.strictEqual(evaluate({ filter: b }, o.witness).outcome, "match");
        });
    }

    const disjoint: [string, SubscriptionFilter, SubscriptionFilter, NeverMatchCode][] = [
        ["no common type", SMS_604, { includedEventTypes: [T.ChatMessageReceived] }, "disjointEventTypes"],
        [
            "different area codes",
            SMS_604,
            { includedEventTypes: [T.SmsReceived], subjectBeginsWith: "/phonenumber/1206" },
            "contradictoryConditions",
        ],
        [
            "prefix versus excluded prefix",
            SMS_604,
            { advancedFilters: [adv("StringNotBeginsWith", "subject", { values: ["/phonenumber/1604"] })] },
            "contradictoryConditions",
        ],
    ];
    for (const [name, a, b, code] of disjoint) {
        it(`proves disjoint: ${name}`, () => {
            const o = canBothMatch({ filter: a }, { filter: b });
            assert.ok(o.verdict === "disjoint" && o.findings.some((f) => f.code === code), JSON.stringify(o));
        });
    }

    it("labels which filter each condition comes from", () => {
        const o = canBothMatch(
            { filter: SMS_604 },
            { filter: { includedEventTypes: [T.SmsReceived], subjectBeginsWith: "/phonenumber/1206" } },
        );
        assert.ok(o.verdict === "disjoint");
        assert.strictEqual(
            o.findings[0].message,
            'subject: A: subjectBeginsWith "/phonenumber/1604" and B: subjectBeginsWith ' +
                '"/phonenumber/1206" cannot all hold for one value',
        );
    });
});

describe("routing/satisfiability: proofs hold against the evaluator (random filters, ACS-like events)", () => {
    const r = rng(42);
    const filters: FilterSpec[] = Array.from({ length: 150 }, () => ({ filter: randomFilter(r) }));
    const events = Array.from({ length: 400 }, () => randomEvent(r, true));

    it("no event matches a filter proven never to match; every witness matches", () => {
        let proofs = 0;
        let witnesses = 0;
        for (const spec of filters) {
            const never = canNeverMatch(spec).length > 0;
            proofs += never ? 1 : 0;
            if (never)
                for (const e of events)
                    assert.notStrictEqual(evaluate(spec, e).outcome, "match", JSON.stringify({ spec, e }));
            const w = findMatchingEvent(spec, 500);
            if (w) {
                witnesses++;
                assert.ok(!never, `witness for a filter proven never to match: ${JSON.stringify(spec)}`);
                assert.strictEqual(evaluate(spec, w).outcome, "match");
            }
        }
        assert.ok(proofs > 5 && witnesses > 5, `too few cases exercised (${proofs} proofs, ${witnesses} witnesses)`);
    });

    it("no event matches two filters proven disjoint; every overlap witness matches both", () => {
        let disjoint = 0;
        let overlap = 0;
        for (let i = 0; i + 1 < filters.length; i += 2) {
            const [a, b] = [filters[i], filters[i + 1]];
            const o = canBothMatch(a, b, 500);
            if (o.verdict === "disjoint") {
                disjoint++;
                for (const e of events)
                    assert.ok(
                        evaluate(a, e).outcome !== "match" || evaluate(b, e).outcome !== "match",
                        JSON.stringify({ a, b, e }),
                    );
            } else if (o.verdict === "overlap") {
                overlap++;
                assert.strictEqual(evaluate(a, o.witness).outcome, "match");
                assert.strictEqual(evaluate(b, o.witness).outcome, "match");
            }
        }
        assert.ok(
            disjoint > 5 && overlap > 2,
            `too few cases exercised (${disjoint} disjoint, ${overlap} overlapping)`,
        );
    });
});
