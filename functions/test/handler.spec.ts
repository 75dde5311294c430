/**
 * Behaviour of the smsEvents handler against real Table and Queue clients (Azurite) and the real ACS Email client
 * (recording transport). Azurite is started once for the file and stopped in `after`, which mocha runs even when
 * tests fail.
 */
import assert from "node:assert/strict";
import { operationIdFor } from "../src/idempotency";
import { BatchSummary, HandlerDeps, processBatch } from "../src/processBatch";
import { Azurite, startAzurite } from "../../local/azurite";
import { asCloudEvent, chatMessageReceived, deliveryReport, earlySample, smsReceived } from "./support/events";
import { createHarness, Harness, RECIPIENTS, SENDER } from "./support/harness";

const SMS = "Microsoft.Communication.SMSReceived";

describe("functions: smsEvents handler (Azurite + ACS Email transport)", () => {
    let azurite: Azurite | undefined;
    let h: Harness;

    before(async function () {
        this.timeout(30_000);
        azurite = await startAzurite();
    });

    after(async () => {
        await azurite?.stop();
    });

    beforeEach(async () => {
        h = await createHarness(azurite!);
    });

    async function counts(): Promise<{ records: number; tickets: number; emails: number }> {
        return {
            records: (await h.records()).length,
            tickets: (await h.tickets()).length,
            emails: h.email.sends.length,
        };
    }

    it("turns one SMS into one record, one ticket and one email", async () => {
        const summary = await processBatch([smsReceived("evt-1")], h.deps);

        assert.deepEqual(summary.counts, {
            processed: 1,
            duplicate: 0,
            ignored: 0,
            rejected: 0,
            inFlight: 0,
            failed: 0,
        });
        assert.deepEqual(summary.outcomes[0].steps, ["recorded", "ticketed", "emailed"]);
        assert.equal(summary.retry, false);

        const [record] = await h.records();
        assert.equal(record.partitionKey, "15555555555");
        assert.equal(record.rowKey, "Incoming_evt-1");
        assert.equal(record.direction, "inbound");
        assert.equal(record.message, "Hello from the test");
        assert.equal(record.from, "15551230000");

        const [ticket] = await h.tickets();
        assert.equal(ticket.eventId, "evt-1");
        assert.deepEqual(ticket.record, { partitionKey: "15555555555", rowKey: "Incoming_evt-1" });

        assert.equal(h.email.sends.length, 1);
        const [send] = h.email.sends;
        assert.equal(send.body.senderAddress, SENDER);
        assert.deepEqual(
            send.body.recipients.to.map((r) => r.address),
            RECIPIENTS,
        );
        assert.match(send.body.content.subject, /SMS received: SMS from 15551230000 to 15555555555/);
        assert.match(send.body.content.plainText ?? "", /Hello from the test/);
        assert.equal(send.operationId, operationIdFor({ eventType: SMS, eventId: "evt-1" }));
        assert.match(send.headers.authorization, /^HMAC-SHA256 /, "the SDK signed the request with the access key");
        assert.ok(
            h.email.requests.some((r) => r.method === "GET"),
            "the SDK polled the operation to completion",
        );

        const [ledger] = await h.ledgerRows();
        assert.equal(ledger.emailStatus, "Succeeded");
        assert.ok(ledger.completedAt);
    });

    it("handles a redelivered event once: one record, one ticket, one email", async () => {
        await processBatch([smsReceived("evt-1")], h.deps);
        const again = await processBatch([smsReceived("evt-1")], h.deps);

        assert.equal(again.outcomes[0].status, "duplicate");
        assert.equal(again.retry, false);
        assert.deepEqual(await counts(), { records: 1, tickets: 1, emails: 1 });
    });

    it("handles the same event delivered concurrently once, and the losers' retries are duplicates", async () => {
        const deliveries = ["a", "b", "c", "d"].map((owner) =>
            processBatch([smsReceived("evt-c")], { ...h.deps, owner }),
        );
        const statuses = (await Promise.all(deliveries)).map((s) => s.outcomes[0].status);

        assert.equal(statuses.filter((s) => s === "processed").length, 1, `statuses: ${statuses}`);
        assert.ok(
            statuses.every((s) => ["processed", "duplicate", "inFlight"].includes(s)),
            `statuses: ${statuses}`,
        );
        assert.deepEqual(await counts(), { records: 1, tickets: 1, emails: 1 });

        // Event Grid redelivers the deliveries that asked for a retry: the event is finished by then.
        const retried = await processBatch([smsReceived("evt-c")], h.deps);
        assert.equal(retried.outcomes[0].status, "duplicate");
        assert.deepEqual(await counts(), { records: 1, tickets: 1, emails: 1 });
    });

    it("updates the record's status from delivery reports, ignoring an older report that arrives late", async () => {
        // The sending side wrote the outbound message; the report must merge into it, not replace it.
        await h.clients.table.createEntity({
            partitionKey: "15555555555",
            rowKey: "Outgoing_m1",
            direction: "outbound",
            message: "Your code is 1234",
        });
        const failedFirst = deliveryReport("rep-1", "Outgoing_m1", {
            deliveryStatus: "Failed",
            deliveryAttempts: [{ timestamp: "2026-11-20T10:05:00Z", segmentsSucceeded: 0, segmentsFailed: 1 }],
            receivedTimestamp: "2026-11-20T10:05:00Z",
        });
        const deliveredLater = deliveryReport("rep-2", "Outgoing_m1", {
            deliveryAttempts: [
                { timestamp: "2026-11-20T10:05:00Z", segmentsSucceeded: 0, segmentsFailed: 1 },
                { timestamp: "2026-11-20T10:06:00Z", segmentsSucceeded: 1, segmentsFailed: 0 },
            ],
            receivedTimestamp: "2026-11-20T10:06:00Z",
        });

        await processBatch([failedFirst], h.deps);
        let [record] = await h.records();
        assert.equal(record.status, "failed");
        assert.equal(record.attempts, 1);

        await processBatch([deliveredLater], h.deps);
        // The older "Failed" report again, re-sent under a new event id: it must not roll the status back.
        const late = await processBatch([{ ...failedFirst, id: "rep-1-late" }], h.deps);
        assert.equal(late.outcomes[0].status, "processed");

        [record] = await h.records();
        assert.equal(record.status, "delivered");
        assert.equal(record.rawStatus, "Delivered");
        assert.equal(record.attempts, 2);
        assert.equal(record.message, "Your code is 1234", "merge keeps what the sender stored");
        assert.equal(record.tag, "campaign-7");
        const ledger = await h.ledgerRows();
        assert.deepEqual(ledger.map((l) => l.recordUpdate).sort(), ["applied", "applied", "stale"]);
        assert.deepEqual(await counts(), { records: 1, tickets: 3, emails: 3 });
    });

    it("rejects a malformed event with its id and reason while the rest of the batch succeeds", async () => {
        const { id: _missing, ...noId } = smsReceived("evt-x");
        const batch = [
            smsReceived("evt-a"),
            noId,
            smsReceived("evt-bad", { messageId: 7 }),
            "not an event",
            chatMessageReceived("chat-1"),
            smsReceived("evt-b"),
        ];

        const summary: BatchSummary = await processBatch(batch, h.deps);

        assert.deepEqual(summary.counts, {
            processed: 2,
            duplicate: 0,
            ignored: 1,
            rejected: 3,
            inFlight: 0,
            failed: 0,
        });
        assert.equal(summary.retry, false, "malformed input is not retried: a retry cannot fix it");
        const bad = summary.outcomes[2];
        assert.deepEqual(
            [bad.id, bad.status, bad.reason],
            ["evt-bad", "rejected", "data.messageId is number 7, expected a non-empty string"],
        );
        assert.equal(summary.outcomes[1].reason, "id is missing");
        assert.equal(summary.outcomes[4].status, "ignored");

        const errors = h.logs.filter((l) => l.level === "error");
        assert.equal(errors.length, 3);
        assert.ok(errors.some((e) => e.fields?.eventId === "evt-bad" && /data\.messageId is number 7/.test(e.message)));
        assert.deepEqual(await counts(), { records: 2, tickets: 2, emails: 2 });
    });

    it("processes the 2020 early-preview SMS samples end to end", async () => {
        const summary = await processBatch(
            [...earlySample("SMSReceived"), ...earlySample("SMSDeliveryReportReceived")],
            h.deps,
        );

        assert.deepEqual(
            summary.outcomes.map((o) => o.status),
            ["processed", "processed"],
        );
        const records = await h.records();
        const inbound = records.find((r) => r.rowKey === "917c9ec0-a50a-4515-a626-16825d8318e1");
        assert.equal(inbound?.partitionKey, "14259991234");
        assert.equal(inbound?.segmentCount, undefined);
        const report = records.find((r) => r.rowKey === "1021620f-7174-4ef7-b9b8-f55cd3a945b1");
        assert.equal(report?.partitionKey, "19991234567");
        assert.equal(report?.status, "delivered");
        assert.equal(h.email.sends.length, 2);
    });

    it("processes a CloudEvents delivery, and dedupes it against the same event in Event Grid schema", async () => {
        const cloud = await processBatch(asCloudEvent(smsReceived("evt-ce")), h.deps);
        assert.equal(cloud.outcomes[0].status, "processed");
        const [record] = await h.records();
        assert.equal(record.rowKey, "Incoming_evt-ce");

        const eventGrid = await processBatch([smsReceived("evt-ce")], h.deps);
        assert.equal(eventGrid.outcomes[0].status, "duplicate");
        assert.deepEqual(await counts(), { records: 1, tickets: 1, emails: 1 });
    });

    it("resumes after a failed email without a second ticket", async () => {
        h.email.failSends(1);
        const t0 = Date.parse("2026-11-20T10:00:00Z");
        const first = await processBatch([smsReceived("evt-f")], { ...h.deps, now: () => new Date(t0) });
        assert.equal(first.outcomes[0].status, "failed");
        assert.match(first.outcomes[0].reason ?? "", /try again|503|ServiceUnavailable/i);
        assert.equal(first.retry, true, "the trigger must fail so Event Grid redelivers");
        const [ledger] = await h.ledgerRows();
        assert.deepEqual([ledger.recorded, ledger.ticketed, ledger.emailed], [true, true, false]);

        // Event Grid's 4th attempt: ACS's 404 for the recorded send is trusted by then (processBatch.ts).
        const retry = await processBatch([smsReceived("evt-f")], { ...h.deps, now: () => new Date(t0 + 100_000) });
        assert.deepEqual(
            retry.outcomes[0].steps,
            ["emailed"],
            "the lease was released, the retry runs only the missing step",
        );
        assert.deepEqual(await counts(), { records: 1, tickets: 1, emails: 1 });
    });

    it(
        "after a crash that kept the lease, waits for the lease to expire, then " + "finishes the missing steps",
        async () => {
            const t0 = new Date("2026-11-20T10:00:00Z");
            // A process that dies after the ticket: the email never goes out and the lease is never released.
            const ledger = h.deps.ledger;
            const crashing: HandlerDeps = {
                ...h.deps,
                now: () => t0,
                notifier: {
                    send: () => Promise.reject(new Error("process killed")),
                    status: (id) => h.deps.notifier.status(id),
                },
                ledger: {
                    claim: (...a) => ledger.claim(...a),
                    markDone: (...a) => ledger.markDone(...a),
                    recordEmailAttempt: (...a) => ledger.recordEmailAttempt(...a),
                    release: () => Promise.resolve(),
                },
            };
            await processBatch([smsReceived("evt-k")], crashing);

            const tooEarly = await processBatch([smsReceived("evt-k")], {
                ...h.deps,
                now: () => new Date(t0.getTime() + 60_000),
            });
            assert.equal(tooEarly.outcomes[0].status, "inFlight");
            assert.equal(tooEarly.retry, true);

            const afterLease = await processBatch([smsReceived("evt-k")], {
                ...h.deps,
                now: () => new Date(t0.getTime() + 7 * 60_000),
            });
            assert.equal(afterLease.outcomes[0].status, "processed");
            assert.deepEqual(afterLease.outcomes[0].steps, ["emailed"]);
            assert.deepEqual(await counts(), { records: 1, tickets: 1, emails: 1 });
            const [row] = await h.ledgerRows();
            assert.equal(row.deliveries, 2);
        },
    );
});
