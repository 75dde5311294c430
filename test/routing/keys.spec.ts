/**
 * Where advanced-filter keys point (https://learn.microsoft.com/azure/event-grid/event-filtering): Event Grid envelope
 * keys in any case, both CloudEvents key sets (U10), nested `data.` paths of any depth (U7), and the key-case ambiguity
 * inside data (U6).
 */
import * as assert from "node:assert";
import { evaluate, FilterOutcome, InvalidFilterError } from "../../routing";
import { loadSampleFile } from "../../samples";

const smsEg = loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0];
const smsCe = loadSampleFile("sms/SMSReceived.to-1604.cloudevents.json")[0];
const call = loadSampleFile("calling/IncomingCall.eventgrid.json")[0];

function run(
    key: string,
    operatorType: string,
    values: unknown[] | undefined,
    event: Record<string, unknown>,
    schema = "EventGridSchema",
): FilterOutcome {
    return evaluate(
        {
            eventDeliverySchema: schema,
            filter: { advancedFilters: [{ operatorType, key, ...(values ? { values } : {}) }] },
        },
        event,
    );
}
const kind = (o: FilterOutcome) => (o.outcome === "undocumented" ? o.id : o.outcome);
const str = (v: unknown) => String(v);

describe("routing/keys: Event Grid envelope keys", () => {
    for (const [key, field] of [
        ["ID", "id"],
        ["id", "id"],
        ["Topic", "topic"],
        ["TOPIC", "topic"],
        ["Subject", "subject"],
        ["subject", "subject"],
        ["EventType", "eventType"],
        ["eventtype", "eventType"],
        ["DataVersion", "dataVersion"],
    ] as const) {
        it(`${key} reads the event's ${field}, whatever the key's case`, () => {
            assert.strictEqual(kind(run(key, "StringIn", [str(smsEg[field])], smsEg)), "match");
            assert.strictEqual(kind(run(key, "StringIn", [`${str(smsEg[field])}-other`], smsEg)), "noMatch");
        });
    }

    it(
        "treats undocumented envelope names (eventTime, metadataVersion) and CloudEvents names (type, " +
            "source) as missing",
        () => {
            for (const key of ["eventTime", "metadataVersion", "type", "source"]) {
                assert.strictEqual(kind(run(key, "IsNullOrUndefined", undefined, smsEg)), "match", key);
                assert.strictEqual(
                    kind(run(key, "StringNotIn", ["anything"], smsEg)),
                    "match",
                    `${key}: missing key matches StringNotIn`,
                );
            }
        },
    );
});

describe("routing/keys: CloudEvents attribute keys (both documented sets)", () => {
    const cases: [string, string][] = [
        ["id", "id"],
        ["eventid", "id"],
        ["type", "type"],
        ["eventtype", "type"],
        ["EventType", "type"],
        ["source", "source"],
        ["subject", "subject"],
        ["specversion", "specversion"],
    ];
    for (const [key, attribute] of cases) {
        it(`${key} reads the ${attribute} attribute`, () => {
            assert.strictEqual(
                kind(run(key, "StringIn", [str(smsCe[attribute])], smsCe, "CloudEventSchemaV1_0")),
                "match",
            );
            assert.strictEqual(kind(run(key, "StringIn", ["nope"], smsCe, "CloudEventSchemaV1_0")), "noMatch");
        });
    }

    it(
        "reads eventtypeversion and extension attributes when the event has them, and reports them missing " +
            "otherwise",
        () => {
            const withExt = { ...smsCe, eventtypeversion: "1.0", tenant: "contoso" };
            assert.strictEqual(
                kind(run("eventtypeversion", "StringIn", ["1.0"], withExt, "CloudEventSchemaV1_0")),
                "match",
            );
            assert.strictEqual(kind(run("tenant", "StringIn", ["CONTOSO"], withExt, "CloudEventSchemaV1_0")), "match");
            assert.strictEqual(
                kind(run("eventtypeversion", "IsNullOrUndefined", undefined, smsCe, "CloudEventSchemaV1_0")),
                "match",
            );
        },
    );

    it("does not read Event Grid-only names on a CloudEvent", () => {
        assert.strictEqual(
            kind(run("Topic", "StringIn", [str(smsCe.source)], smsCe, "CloudEventSchemaV1_0")),
            "noMatch",
        );
    });
});

describe("routing/keys: data paths", () => {
    it("follows nested keys (data.to.phoneNumber.value on an incoming call)", () => {
        assert.strictEqual(kind(run("data.to.phoneNumber.value", "StringEndsWith", ["16045551234"], call)), "match");
        assert.strictEqual(
            kind(run("data.from.phoneNumber.value", "StringEndsWith", ["16045551234"], call)),
            "noMatch",
        );
    });

    it("has no depth limit (U7)", () => {
        const deep = { ...smsEg, data: { a: { b: { c: { d: { e: { f: 7 } } } } } } };
        assert.strictEqual(kind(run("data.a.b.c.d.e.f", "NumberIn", [7], deep)), "match");
    });

    it("does not walk into arrays of objects (not filterable)", () => {
        const report = loadSampleFile("sms/SMSDeliveryReportReceived.eventgrid.json")[0];
        assert.strictEqual(
            kind(run("data.deliveryAttempts.segmentsFailed", "IsNullOrUndefined", undefined, report)),
            "match",
        );
    });

    it("reads `data` itself as an object: a string operator cannot compare it (U5), IsNotNull holds", () => {
        assert.strictEqual(kind(run("data", "StringContains", ["1604"], smsEg)), "U5");
        assert.strictEqual(kind(run("Data", "IsNotNull", undefined, smsEg)), "match");
    });

    it("reads the data of CloudEvents the same way", () => {
        assert.strictEqual(kind(run("data.to", "StringBeginsWith", ["1604"], smsCe, "CloudEventSchemaV1_0")), "match");
    });
});

describe("routing/keys: key-name case inside data (U6)", () => {
    it("is undocumented when exact and case-insensitive lookups disagree on the answer", () => {
        const pascal = { ...smsEg, data: { To: "16045551234" } };
        const o = run("data.to", "StringBeginsWith", ["1604"], pascal);
        assert.strictEqual(kind(o), "U6");
        assert.match(o.outcome === "undocumented" ? o.reason : "", /data\.to finds nothing .* and "16045551234"/);
    });

    it("flags the public sample's data.to.PhoneNumber.Value against a camelCase payload", () => {
        assert.strictEqual(kind(run("data.to.PhoneNumber.Value", "StringEndsWith", ["16045551234"], call)), "U6");
    });

    it("is decided when both lookups give the same answer", () => {
        const pascal = { ...smsEg, data: { To: "12065551234" } };
        assert.strictEqual(kind(run("data.to", "StringBeginsWith", ["1604"], pascal)), "noMatch");
    });

    it("prefers the exact name when both spellings exist", () => {
        const both = { ...smsEg, data: { to: "16045551234", To: "12065551234" } };
        assert.strictEqual(kind(run("data.to", "StringBeginsWith", ["1604"], both)), "match");
        assert.strictEqual(kind(run("data.To", "StringBeginsWith", ["1604"], both)), "noMatch");
    });
});

describe("routing/keys: keys Event Grid rejects", () => {
    for (const key of ["", "data..to", "data.to.", undefined]) {
        it(`throws InvalidFilterError for key ${JSON.stringify(key)}`, () => {
            assert.throws(
                () => evaluate({ filter: { advancedFilters: [{ operatorType: "IsNotNull", key }] } }, smsEg),
                (e: unknown) => e instanceof InvalidFilterError && /advancedFilters\[0\]\.key: /.test(e.message),
            );
        });
    }
});
