import assert from "node:assert/strict";
import { parseEnvelope, splitBatch } from "../src/events/envelope";
import { parseSmsDeliveryReport, parseSmsReceived } from "../src/events/sms";
import { planEvent } from "../src/handlers";
import { operationIdFor } from "../src/idempotency";
import { asCloudEvent, deliveryReport, earlySample, pascalCase, smsReceived } from "./support/events";

function parsed(raw: unknown) {
    const result = parseEnvelope(raw);
    if (!result.ok) assert.fail(`expected the event to parse, got: ${result.reason}`);
    return result.event;
}

function rejection(raw: unknown): string {
    const result = parseEnvelope(raw);
    if (result.ok) assert.fail("expected the envelope to be rejected");
    return result.reason;
}

describe("functions: event parsing", () => {
    describe("envelopes", () => {
        it("reads an Event Grid schema event", () => {
            const event = parsed(smsReceived("e1"));
            assert.equal(event.schema, "EventGridSchema");
            assert.equal(event.eventType, "Microsoft.Communication.SMSReceived");
            assert.equal(event.data.messageid, "Incoming_e1");
        });

        it("reads the same event as a CloudEvent, with source = topic and type = eventType", () => {
            const event = parsed(asCloudEvent(smsReceived("e1")));
            assert.equal(event.schema, "CloudEventSchemaV1_0");
            assert.equal(event.eventType, "Microsoft.Communication.SMSReceived");
            assert.match(event.source ?? "", /communicationServices\/acs-demo$/);
            assert.equal(event.eventTime, "2026-11-20T10:00:01Z");
        });

        it("decodes CloudEvents data_base64 and rejects data together with data_base64", () => {
            const cloud = asCloudEvent(smsReceived("e1"));
            const { data, ...rest } = cloud;
            const encoded = { ...rest, data_base64: Buffer.from(JSON.stringify(data)).toString("base64") };
            assert.equal(parsed(encoded).data.from, "15551230000");
            assert.equal(rejection({ ...encoded, data }), "has both data and data_base64");
        });

        it("accepts the REST example's misspelt specVersion, since keys are matched case-insensitively", () => {
            const { specversion, ...rest } = asCloudEvent(smsReceived("e1"));
            assert.equal(parsed({ ...rest, specVersion: specversion }).schema, "CloudEventSchemaV1_0");
        });

        it("normalises PascalCase envelope and data keys", () => {
            const event = parsed(pascalCase(smsReceived("e1")));
            assert.equal(event.id, "e1");
            const sms = parseSmsReceived(event);
            assert.ok(sms.ok);
            assert.equal(sms.value.messageId, "Incoming_e1");
            assert.equal(sms.value.receivedAt, "2026-11-20T10:00:00Z");
        });

        it("splits a body given as an array, a single object or JSON text", () => {
            assert.equal(splitBatch([1, 2]).length, 2);
            assert.equal(splitBatch({ id: "x" }).length, 1);
            assert.deepEqual(splitBatch('[{"id":"a"},{"id":"b"}]'), [{ id: "a" }, { id: "b" }]);
        });

        it("gives a reason for each malformed envelope", () => {
            assert.equal(rejection(42), "event is number 42, not a JSON object");
            assert.equal(
                rejection({ id: "x", data: {} }),
                "neither an Event Grid event (no eventType) nor a CloudEvent (no specversion)",
            );
            const { id: _id, ...noId } = smsReceived("e1");
            assert.equal(rejection(noId), "id is missing");
            assert.equal(rejection({ ...smsReceived("e1"), data: "text" }), 'data is "text", expected an object');
            assert.equal(
                rejection({ ...asCloudEvent(smsReceived("e1")), specversion: "0.3" }),
                'specversion is "0.3", expected "1.0"',
            );
            assert.equal(rejection({ ...smsReceived("e1"), id: "x".repeat(300) }), "id is longer than 256 characters");
        });

        it("rejects keys that differ only by case with different values, naming them", () => {
            const ambiguous = smsReceived("e1", { From: "15550000000" });
            const result = parseEnvelope(ambiguous);
            assert.ok(!result.ok);
            assert.equal(result.id, "e1");
            assert.match(
                result.reason,
                /event\.data has keys that differ only by case with different values: from, From/,
            );
        });
    });

    describe("SMS payloads", () => {
        it("parses the 2020 SMSReceived sample (placeholder subject, no segmentCount)", () => {
            const [raw] = earlySample("SMSReceived");
            const event = parsed(raw);
            assert.equal(event.subject, "SMS Event Test");
            const sms = parseSmsReceived(event);
            assert.ok(sms.ok, sms.ok ? "" : sms.reason);
            assert.equal(sms.value.acsNumber, "14259991234");
            assert.equal(sms.value.segmentCount, undefined);
            assert.equal(sms.value.message, "SMS Message");
        });

        it('parses the 2020 delivery report sample and maps "Success" to delivered', () => {
            const [raw] = earlySample("SMSDeliveryReportReceived");
            const report = parseSmsDeliveryReport(parsed(raw));
            assert.ok(report.ok, report.ok ? "" : report.reason);
            assert.equal(report.value.status, "delivered");
            assert.equal(report.value.rawStatus, "Success");
            assert.equal(report.value.acsNumber, "19991234567");
            assert.equal(report.value.attempts, 2);
            assert.equal(report.value.segmentsFailed, 2);
            assert.equal(report.value.lastAttemptAt, "2020-07-16T22:10:22.2250078Z");
        });

        it("reads the PascalCase Tag of the current report sample", () => {
            const { tag, ...data } = deliveryReport("r1", "Outgoing_1").data as Record<string, unknown>;
            const report = parseSmsDeliveryReport(
                parsed({ ...deliveryReport("r1", "Outgoing_1"), data: { ...data, Tag: tag } }),
            );
            assert.ok(report.ok);
            assert.equal(report.value.tag, "campaign-7");
        });

        it("rejects SMS data that cannot become a record, with the field and the value", () => {
            const reason = (raw: unknown) => {
                const result = planEvent(parsed(raw));
                assert.equal(result.kind, "rejected");
                return result.kind === "rejected" ? result.reason : "";
            };
            assert.equal(reason(smsReceived("e1", { messageId: undefined })), "data.messageId is missing");
            assert.equal(
                reason(smsReceived("e1", { messageId: "a/b" })),
                "data.messageId contains a character Table Storage forbids in keys (/ \\ # ? or a control character)",
            );
            assert.equal(
                reason(smsReceived("e1", { to: "our number" })),
                'data.to "our number" holds no phone number digits',
            );
            assert.equal(
                reason(smsReceived("e1", { segmentCount: "one" })),
                'data.segmentCount is "one", expected a count',
            );
            assert.equal(
                reason(deliveryReport("r1", "m1", { deliveryAttempts: {} })),
                "data.deliveryAttempts is an object, expected an array",
            );
        });
    });

    describe("routing", () => {
        it("ignores the 2020 InstantMessage samples and other event types", () => {
            for (const name of ["InstantMessageReceived", "InstantMessageEdited", "InstantMessageDeleted"]) {
                const [raw] = earlySample(name);
                const result = planEvent(parsed(raw));
                assert.equal(result.kind, "ignored", name);
            }
        });

        it("derives a stable UUID operation id per (eventType, id)", () => {
            const a = operationIdFor({ eventType: "T", eventId: "1" });
            assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
            assert.equal(operationIdFor({ eventType: "T", eventId: "1" }), a);
            assert.notEqual(operationIdFor({ eventType: "T", eventId: "2" }), a);
            assert.notEqual(operationIdFor({ eventType: "U", eventId: "1" }), a);
        });
    });
});
