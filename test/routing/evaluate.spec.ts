/**
 * Whole-filter evaluation: event types, subject filters, clause order, delivery schema, undocumented
 * configurations, and how reasons read (https://learn.microsoft.com/azure/event-grid/event-filtering,
 * routing/README.md).
 */
import * as assert from "node:assert";
import { AcsEventTypes } from "../../catalog";
import { evaluate, FilterOutcome, FilterSpec, InvalidFilterError, SubscriptionFilter } from "../../routing";
import { loadSampleFile } from "../../samples";

const sms604 = loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0];
const sms604Ce = loadSampleFile("sms/SMSReceived.to-1604.cloudevents.json")[0];
const chatThread = loadSampleFile("chatThread/ChatMessageReceivedInThread.eventgrid.json")[0];
const SMS = AcsEventTypes.SmsReceived;

const run = (filter: SubscriptionFilter, event = sms604, extra: Partial<FilterSpec> = {}) =>
    evaluate({ filter, ...extra }, event);
const kind = (o: FilterOutcome) => (o.outcome === "undocumented" ? o.id : o.outcome);
const reason = (o: FilterOutcome) => (o.outcome === "match" ? "" : o.reason);

describe("routing/evaluate: includedEventTypes", () => {
    it('takes every type when absent, null or exactly ["All"]', () => {
        for (const includedEventTypes of [undefined, null, ["All"]])
            assert.strictEqual(kind(run({ includedEventTypes })), "match");
    });

    it("matches a listed type exactly", () => {
        assert.strictEqual(kind(run({ includedEventTypes: [AcsEventTypes.ChatMessageReceived, SMS] })), "match");
    });

    it("names the event's type and the list when the type is not listed", () => {
        const o = run({ includedEventTypes: [AcsEventTypes.ChatMessageReceived] });
        assert.strictEqual(kind(o), "noMatch");
        assert.ok(
            reason(o).startsWith(
                `event type "${SMS}" is not in includedEventTypes ["${AcsEventTypes.ChatMessageReceived}"]`,
            ),
            reason(o),
        );
    });

    it("reports a match that exists only when case is ignored as U1, naming the exact spelling", () => {
        const o = run({ includedEventTypes: [SMS.toLowerCase()] });
        assert.strictEqual(kind(o), "U1");
        assert.match(reason(o), new RegExp(`write "${SMS.replace(/\./g, "\\.")}"`));
    });

    it('reports an empty list as U2 and any other use of "All" as U12', () => {
        assert.strictEqual(kind(run({ includedEventTypes: [] })), "U2");
        assert.strictEqual(kind(run({ includedEventTypes: ["all"] })), "U12");
        assert.strictEqual(kind(run({ includedEventTypes: ["All", SMS] })), "U12");
    });

    it("reports U2/U12 even when a later clause fails, since the configuration itself is undocumented", () => {
        assert.strictEqual(kind(run({ includedEventTypes: [], subjectBeginsWith: "thread/" })), "U2");
    });

    it("says which current type a legacy event type became", () => {
        const im = loadSampleFile("early-preview/InstantMessageReceived.json")[0];
        const r = reason(run({ includedEventTypes: [AcsEventTypes.ChatMessageReceived] }, im));
        assert.match(r, /InstantMessageReceived" is a legacy name/);
        assert.ok(
            r.includes(`use "${AcsEventTypes.ChatMessageReceived}" or "${AcsEventTypes.ChatMessageReceivedInThread}"`),
            r,
        );
    });

    it("says when the subscription lists an old name for the event's type", () => {
        const r = reason(run({ includedEventTypes: ["Microsoft.CommunicationServices.SMSReceived"] }));
        assert.ok(
            r.endsWith(`the subscription lists "Microsoft.CommunicationServices.SMSReceived" where it means "${SMS}"`),
            r,
        );
    });
});

describe("routing/evaluate: subject filters", () => {
    it("compares case-insensitively by default", () => {
        assert.strictEqual(kind(run({ subjectBeginsWith: "/PhoneNumber/1604" })), "match");
    });

    it("compares exactly with isSubjectCaseSensitive, and says so", () => {
        const o = run({ subjectBeginsWith: "/PhoneNumber/1604", isSubjectCaseSensitive: true });
        assert.strictEqual(kind(o), "noMatch");
        assert.ok(reason(o).includes("(case-sensitive)"), reason(o));
    });

    it("shows the actual subject and the wanted prefix when it fails", () => {
        const sms206 = loadSampleFile("sms/SMSReceived.to-1206.eventgrid.json")[0];
        const o = run({ subjectBeginsWith: "/phonenumber/1604" }, sms206);
        assert.strictEqual(reason(o), 'subject "/phonenumber/12065551234" does not begin with "/phonenumber/1604"');
    });

    it("adds the subject shape when the prefix cannot fit any subject of the event's type", () => {
        const r = reason(run({ subjectBeginsWith: "phonenumber/604" }));
        assert.ok(r.endsWith(`no "${SMS}" subject can (they look like "/phonenumber/{digits}")`), r);
    });

    it("requires both subjectBeginsWith and subjectEndsWith when both are set (U11)", () => {
        assert.strictEqual(kind(run({ subjectBeginsWith: "/phonenumber/1604", subjectEndsWith: "1234" })), "match");
        const o = run({ subjectBeginsWith: "/phonenumber/1604", subjectEndsWith: "9999" });
        assert.strictEqual(o.outcome === "noMatch" && o.clause.kind, "subjectEndsWith");
    });

    it("treats an empty prefix as no filter and wildcards as literal characters", () => {
        assert.strictEqual(kind(run({ subjectBeginsWith: "", subjectEndsWith: "" })), "match");
        assert.strictEqual(kind(run({ subjectBeginsWith: "/phonenumber/*" })), "noMatch");
    });

    it("fails a subject filter on an event without subject", () => {
        const { subject: _, ...noSubject } = sms604;
        assert.match(reason(run({ subjectEndsWith: "1234" }, noSubject)), /has no subject/);
    });

    it("distinguishes per-thread chat subjects (no recipient) from per-user ones", () => {
        assert.strictEqual(kind(run({ subjectEndsWith: "/recipient/" }, chatThread)), "noMatch");
        assert.strictEqual(kind(run({ subjectBeginsWith: "thread/" }, chatThread)), "match");
    });
});

describe("routing/evaluate: clause order and the undocumented outcome", () => {
    const u3 = { operatorType: "NumberInRange", key: "data.missing", values: [[1, 2]] };
    const failing = { operatorType: "StringBeginsWith", key: "data.to", values: ["1206"] };

    it("names the first failing clause in filter order", () => {
        const o = run({
            includedEventTypes: [SMS],
            subjectBeginsWith: "/phonenumber/1206",
            advancedFilters: [failing],
        });
        assert.strictEqual(o.outcome === "noMatch" && o.clause.kind, "subjectBeginsWith");
    });

    it("answers noMatch when a later clause fails after an undocumented one (AND is false either way)", () => {
        const o = run({ advancedFilters: [u3, failing] });
        assert.strictEqual(kind(o), "noMatch");
        assert.ok(o.outcome === "noMatch" && o.clause.kind === "advancedFilter" && o.clause.index === 1);
    });

    it("answers undocumented, with the first U#, when nothing fails", () => {
        // A negated operator on an array with the flag off is U4 (a positive one would be a definite noMatch).
        const arrays = { operatorType: "StringNotIn", key: "data.tags", values: ["y"] };
        const o = run({ advancedFilters: [u3, arrays] }, { ...sms604, data: { tags: ["x"] } });
        assert.strictEqual(kind(o), "U3");
        assert.match(reason(o), /add IsNotNull on the same key/);
    });
});

describe("routing/evaluate: where the filtering docs decide", () => {
    it("does not match a positive operator on an array when enableAdvancedFilteringOnArrays is off", () => {
        const o = run(
            { advancedFilters: [{ operatorType: "StringIn", key: "data.tags", values: ["x"] }] },
            { ...sms604, data: { tags: ["x"] } },
        );
        assert.strictEqual(kind(o), "noMatch");
        assert.match(reason(o), /enableAdvancedFilteringOnArrays is off/);
    });

    it("answers U13 for a key present with null, with a reason", () => {
        const o = run(
            { advancedFilters: [{ operatorType: "StringNotIn", key: "data.tag", values: ["x"] }] },
            { ...sms604, data: { tag: null } },
        );
        assert.strictEqual(kind(o), "U13");
        assert.match(reason(o), /null.*undocumented \(U13\)/);
    });

    it("keeps explanations short for a 1 MB subject", () => {
        const o = run({ subjectBeginsWith: "/phonenumber/1604" }, { ...sms604, subject: `/x/${"a".repeat(1 << 20)}` });
        assert.strictEqual(kind(o), "noMatch");
        assert.ok(reason(o).length < 1000, `reason is ${reason(o).length} characters`);
    });
});

describe("routing/evaluate: delivery schema", () => {
    const filter = { includedEventTypes: [SMS], subjectBeginsWith: "/phonenumber/1604" };

    it("filters an Event Grid event for either delivery schema", () => {
        assert.strictEqual(kind(run(filter, sms604, { eventDeliverySchema: "EventGridSchema" })), "match");
        assert.strictEqual(kind(run(filter, sms604, { eventDeliverySchema: "CloudEventSchemaV1_0" })), "match");
    });

    it("filters a CloudEvent with the same type and subject filters for CloudEvents delivery", () => {
        assert.strictEqual(kind(run(filter, sms604Ce, { eventDeliverySchema: "CloudEventSchemaV1_0" })), "match");
    });

    it("never delivers CloudEvents input as EventGridSchema (no such conversion)", () => {
        const o = run(filter, sms604Ce);
        assert.strictEqual(o.outcome === "noMatch" && o.clause.kind, "eventDeliverySchema");
    });
});

describe("routing/evaluate: filters Event Grid would reject", () => {
    const cases: [string, FilterSpec, RegExp][] = [
        [
            "unknown operator",
            { filter: { advancedFilters: [{ operatorType: "StringEquals", key: "data.to", values: ["x"] }] } },
            /advancedFilters\[0\]\.operatorType: unknown operator; allowed: .* \(got "StringEquals"\)/,
        ],
        [
            "list operator without values",
            { filter: { advancedFilters: [{ operatorType: "StringIn", key: "data.to" }] } },
            /advancedFilters\[0\]\.values: StringIn needs "values": a list of strings/,
        ],
        [
            "number operator with a string",
            { filter: { advancedFilters: [{ operatorType: "NumberLessThan", key: "data.n", value: "5" }] } },
            /advancedFilters\[0\]\.value: NumberLessThan needs "value": a number \(got "5"\)/,
        ],
        [
            "range that is not a pair",
            { filter: { advancedFilters: [{ operatorType: "NumberInRange", key: "data.n", values: [[1, 2, 3]] }] } },
            /advancedFilters\[0\]\.values\[0\]: NumberInRange values must be \[low, high\] pairs of numbers/,
        ],
        ["custom output schema", { eventDeliverySchema: "CustomInputSchema" }, /CustomInputSchema/],
        [
            "includedEventTypes not a list",
            { filter: { includedEventTypes: SMS as unknown as string[] } },
            /list of strings/,
        ],
    ];
    for (const [name, spec, message] of cases) {
        it(`throws InvalidFilterError for ${name}`, () => {
            assert.throws(
                () => evaluate(spec, sms604),
                (e: unknown) => e instanceof InvalidFilterError && message.test(e.message),
            );
        });
    }

    it("lists every problem at once", () => {
        const spec = {
            filter: {
                subjectBeginsWith: 5 as unknown as string,
                advancedFilters: [{ operatorType: "Nope", key: "k" }],
            },
        };
        assert.throws(
            () => evaluate(spec, sms604),
            (e: unknown) => e instanceof InvalidFilterError && e.problems.length === 2,
        );
    });

    it("throws a TypeError for an event that is not an object", () => {
        assert.throws(() => evaluate({}, [sms604]), TypeError);
    });
});
