/**
 * The handler under faults, against Azurite and the real ACS Email client over a fault-injecting transport:
 * status checks that fail or report "Failed", sends whose answer is lost, refused sends, and hard crashes (no lease
 * release) before and after the send. The promise checked everywhere: exactly one record, one ticket and one
 * accepted email per event — every accepted POST counts as an email, even a repeat of the same operation id.
 */
import assert from "node:assert/strict";
import { decodeTicket } from "../src/adapters/queueTickets";
import { operationIdFor } from "../src/idempotency";
import { LedgerKey, Ticket } from "../src/ports";
import { HandlerDeps, processBatch } from "../src/processBatch";
import { Azurite, startAzurite } from "../../local/azurite";
import { CrashInjector, CrashPoint, seededRandom } from "./support/crashes";
import { deliveryReport, smsReceived } from "./support/events";
import { createHarness, Harness } from "./support/harness";

const SMS = "Microsoft.Communication.SMSReceived";
const _REPORT = "Microsoft.Communication.SMSDeliveryReportReceived";
const T0 = new Date("2026-11-20T10:00:00Z");
/** Past the ledger's 6-minute lease: what Event Grid's 5th attempt (10 s + 30 s + 1 min + 5 min) sees. */
const AFTER_LEASE_MS = 7 * 60_000;

describe("functions: faults in the email send, crashes and redelivery (Azurite + fault-injecting ACS Email)", () => {
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

    const key = (id: string, eventType = SMS): LedgerKey => ({ eventType, eventId: id });
    const at = (ms: number): HandlerDeps => ({ ...h.deps, now: () => new Date(T0.getTime() + ms) });

    it(
        "counts an accepted send as sent when every status check fails: one email, " + "done in the same delivery",
        async () => {
            h.email.inject({ random: () => 0, statusCheckFailure: 1 });
            const first = await processBatch([smsReceived("e1")], at(0));

            assert.equal(first.outcomes[0].status, "processed");
            assert.equal(h.email.sends.length, 1);
            const [row] = await h.ledgerRows();
            assert.deepEqual([row.emailStatus, row.emailOperationId], ["Accepted", operationIdFor(key("e1"))]);
            const again = await processBatch([smsReceived("e1")], at(10_000));
            assert.equal(again.outcomes[0].status, "duplicate");
            assert.equal(h.email.sends.length, 1);
        },
    );

    it("counts an accepted send as sent when the status check right after it answers 404", async () => {
        h.email.inject({ random: () => 0, notYetKnown: 1 });
        const first = await processBatch([smsReceived("e7")], at(0));

        assert.equal(first.outcomes[0].status, "processed");
        assert.equal(h.email.sends.length, 1);
        const [row] = await h.ledgerRows();
        assert.equal(row.emailStatus, "Accepted");
    });

    it(
        "completes the event with status Failed when the first status check reports " + "Failed, and never resends",
        async () => {
            h.email.inject({ random: () => 0, operationFailure: 1 });
            const first = await processBatch([smsReceived("e2")], at(0));

            assert.equal(first.outcomes[0].status, "processed");
            assert.equal(first.retry, false, "a terminal Failed is recorded, not retried");
            const [row] = await h.ledgerRows();
            assert.equal(row.emailStatus, "Failed");
            assert.ok(row.completedAt);
            assert.ok(h.logs.some((l) => l.level === "error" && /as Failed; it is not sent again/.test(l.message)));
            await processBatch([smsReceived("e2")], at(10_000));
            assert.equal(h.email.sends.length, 1);
        },
    );

    it("asks ACS after a send whose answer was lost, and does not send again", async () => {
        h.email.inject({ random: () => 0, lostAnswer: 1 });
        const first = await processBatch([smsReceived("e3")], at(0));
        assert.equal(first.outcomes[0].status, "failed", "acceptance unknown: the delivery asks for a retry");
        assert.equal(h.email.sends.length, 1, "ACS accepted it nonetheless");

        h.email.inject(undefined);
        const retry = await processBatch([smsReceived("e3")], at(10_000));
        assert.deepEqual(retry.outcomes[0].steps, ["emailed"]);
        assert.equal(h.email.sends.length, 1);
        const [row] = await h.ledgerRows();
        assert.equal(row.emailStatus, "Succeeded");
        const polls = h.email.requests.filter((r) => r.method === "GET" && r.url.includes(operationIdFor(key("e3"))));
        assert.equal(polls.length, 1, "the retry checked the recorded operation once");
        assert.match(polls[0].url, /\?api-version=/, "the status check carries the client's api-version");
    });

    it("retries a redelivery whose status check fails, and sends nothing until ACS answers", async () => {
        h.email.inject({ random: () => 0, lostAnswer: 1 });
        await processBatch([smsReceived("e4")], at(0));
        h.email.inject({ random: () => 0, statusCheckFailure: 1 });
        const blind = await processBatch([smsReceived("e4")], at(10_000));
        assert.equal(blind.outcomes[0].status, "failed");
        assert.equal(blind.retry, true);

        h.email.inject(undefined);
        const seeing = await processBatch([smsReceived("e4")], at(40_000));
        assert.equal(seeing.outcomes[0].status, "processed");
        assert.equal(h.email.sends.length, 1);
    });

    it("does not trust ACS's 404 for a recorded send until 90 s later, then sends once", async () => {
        h.email.failSends(1);
        const refused = await processBatch([smsReceived("e6")], at(0));
        assert.equal(refused.outcomes[0].status, "failed");

        const soon = await processBatch([smsReceived("e6")], at(40_000));
        assert.equal(soon.outcomes[0].status, "failed", "Event Grid's 3rd attempt: a 404 so soon may be ACS lagging");
        assert.match(soon.outcomes[0].reason ?? "", /does not know email operation .* yet \(sent 40 s ago\)/);
        assert.equal(h.email.sends.length, 0);

        const later = await processBatch([smsReceived("e6")], at(100_000));
        assert.deepEqual(later.outcomes[0].steps, ["emailed"]);
        assert.equal(h.email.sends.length, 1);
    });

    const crashCases = [
        ["beforeSend", "finds no operation at ACS and sends once"],
        ["afterSend", "finds the accepted operation and does not send again"],
    ] as const;
    for (const [point, polls] of crashCases) {
        it(
            `after a hard crash ${point === "beforeSend" ? "before" : "after"} the send, waits for the lease, ` +
                `then ${polls}`,
            async () => {
                const crashes = new CrashInjector();
                crashes.plan(key("e5"), point as CrashPoint);
                const crashing = {
                    ...at(0),
                    notifier: crashes.notifier(h.deps.notifier),
                    ledger: crashes.ledger(h.deps.ledger),
                };
                const died = await processBatch([smsReceived("e5")], crashing);
                assert.equal(died.outcomes[0].status, "failed");
                assert.equal(h.email.sends.length, point === "beforeSend" ? 0 : 1);

                const early = await processBatch([smsReceived("e5")], at(100_000));
                assert.equal(
                    early.outcomes[0].status,
                    "inFlight",
                    "the 4th Event Grid attempt (1 min 40 s) still sees the lease",
                );

                const late = await processBatch([smsReceived("e5")], at(AFTER_LEASE_MS));
                assert.deepEqual(late.outcomes[0].steps, ["emailed"]);
                assert.deepEqual([...h.email.sendsPerOperation().values()], [1]);
                assert.equal((await tickets(h)).length, 1);
            },
        );
    }

    it(
        "gives exactly one record, ticket and email per event under 200 events with redeliveries, faults and " +
            "crashes",
        async function () {
            this.timeout(120_000);
            const random = seededRandom(12);
            const n = 200;
            h.email.inject({
                random,
                statusCheckFailure: 0.1,
                operationFailure: 0.05,
                lostAnswer: 0.03,
                refusedSend: 0.03,
            });
            const crashes = new CrashInjector();
            const events = Array.from({ length: n }, (_, i) =>
                i % 3 === 2
                    ? deliveryReport(`r${i}`, `Outgoing_${i}`, {
                          receivedTimestamp: `2026-11-20T10:05:${pad2(i % 60)}Z`,
                      })
                    : smsReceived(`s${i}`, { messageId: `Incoming_${i}` }),
            );
            const keyOf = (e: Record<string, unknown>) => key(e.id as string, e.eventType as string);
            for (const e of events) {
                const r = random();
                if (r < 0.04) crashes.plan(keyOf(e), "beforeSend");
                else if (r < 0.08) crashes.plan(keyOf(e), "afterSend");
            }
            const deps = (round: number): HandlerDeps => ({
                ...at(round * AFTER_LEASE_MS),
                notifier: crashes.notifier(h.deps.notifier),
                ledger: crashes.ledger(h.deps.ledger),
            });

            // Round 0: every event once, 30% of them a second time concurrently (Event Grid's at-least-once).
            // Each later round is Event Grid retrying what asked for a retry, after the lease of a crashed
            // delivery ran out.
            let pending = events.flatMap((e) => (random() < 0.3 ? [e, e] : [e]));
            const deliveries = pending.length;
            let rounds = 0;
            while (pending.length > 0) {
                assert.ok(rounds < 12, `${pending.length} deliveries still failing after ${rounds} rounds`);
                const outcomes = await pool(pending, 8, async (e) => ({
                    e,
                    summary: await processBatch([e], deps(rounds)),
                }));
                pending = [...new Map(outcomes.filter((o) => o.summary.retry).map((o) => [o.e.id, o.e])).values()];
                rounds++;
            }
            // A late duplicate of every event: all finished, nothing is sent again.
            const late = await pool(events, 8, (e) => processBatch([e], deps(rounds)));
            assert.ok(late.every((s) => s.outcomes[0].status === "duplicate"));

            const perOperation = h.email.sendsPerOperation();
            const expected = events.map((e) => operationIdFor(keyOf(e))).sort();
            assert.deepEqual([...perOperation.keys()].sort(), expected, "one operation per event, no other");
            assert.deepEqual([...new Set(perOperation.values())], [1], "every event's email accepted exactly once");
            const records = await h.records();
            assert.equal(records.length, n);
            assert.deepEqual(records.map((r) => r.eventId).sort(), events.map((e) => e.id).sort());
            const ticketIds = (await tickets(h)).map((t) => t.eventId).sort();
            assert.deepEqual(ticketIds, events.map((e) => e.id as string).sort());
            const ledger = await h.ledgerRows();
            assert.equal(ledger.filter((l) => l.completedAt && l.emailed).length, n);

            // The faults did happen, in the planned proportions (the seed is fixed; these guard against a
            // silent no-op).
            const failed = ledger.filter((l) => l.emailStatus === "Failed").length;
            assert.ok(failed > 3 && failed < 25, `${failed} failed operations`);
            assert.ok(crashes.happened.length > 6, `${crashes.happened.length} crashes`);
            assert.ok(deliveries > n * 1.2 && rounds > 1, `${deliveries} deliveries in ${rounds} rounds`);
            assert.ok(h.email.requests.length > n * 1.5);
        },
    );

    describe("record status whatever the order of arrival", () => {
        const sms = (id: string, row: string, at: string) => smsReceived(id, { messageId: row, receivedTimestamp: at });
        const report = (id: string, row: string, at: string, deliveryStatus = "Delivered") =>
            deliveryReport(id, row, {
                deliveryStatus,
                receivedTimestamp: at,
                deliveryAttempts: [{ timestamp: at, segmentsSucceeded: 1, segmentsFailed: 0 }],
            });
        const row = async (rowKey: string) => (await h.records()).find((r) => r.rowKey === rowKey)!;

        for (const arrival of ["SMS first", "report first", "concurrently"] as const) {
            it(`keeps the later write when a report and an SMS of one row arrive ${arrival}`, async () => {
                const events = [
                    sms("in-1", "m1", "2026-11-20T10:00:00Z"),
                    report("rep-1", "m1", "2026-11-20T10:05:00Z"),
                ];
                if (arrival === "report first") events.reverse();
                if (arrival === "concurrently") await Promise.all(events.map((e) => processBatch([e], h.deps)));
                else for (const e of events) await processBatch([e], h.deps);

                const r = await row("m1");
                assert.deepEqual(
                    [r.status, r.direction, r.statusAt, r.eventId],
                    ["delivered", "outbound", "2026-11-20T10:05:00Z", "rep-1"],
                );
                const updates = Object.fromEntries((await h.ledgerRows()).map((l) => [l.eventId, l.recordUpdate]));
                if (arrival === "report first") assert.deepEqual(updates, { "rep-1": "applied", "in-1": "stale" });
            });
        }

        it(
            "breaks a tie of equal times the same way in both orders (delivered beats received, then the event " +
                "id)",
            async () => {
                const same = "2026-11-20T10:00:00Z";
                for (const [rowKey, first, second] of [
                    ["t1", "sms", "report"],
                    ["t2", "report", "sms"],
                ]) {
                    const make = (kind: string) =>
                        kind === "sms" ? sms(`${rowKey}-in`, rowKey, same) : report(`${rowKey}-rep`, rowKey, same);
                    await processBatch([make(first)], h.deps);
                    await processBatch([make(second)], h.deps);
                }
                assert.deepEqual([(await row("t1")).status, (await row("t2")).status], ["delivered", "delivered"]);
            },
        );

        it(
            "ends every row in its latest status when SMS and reports for 12 rows " + "race in a shuffled order",
            async () => {
                const random = seededRandom(7);
                const statuses = ["Failed", "Delivered", "Failed", "Delivered", "Failed"];
                const events = Array.from({ length: 12 }, (_, rowNo) => [
                    sms(`in-${rowNo}`, `row-${rowNo}`, "2026-11-20T10:00:00Z"),
                    ...statuses.map((st, i) =>
                        report(`rep-${rowNo}-${i}`, `row-${rowNo}`, `2026-11-20T10:0${i + 1}:00Z`, st),
                    ),
                ]).flat();
                // Fisher-Yates with the seeded source, then all at once, 8 in flight.
                for (let i = events.length - 1; i > 0; i--) {
                    const j = Math.floor(random() * (i + 1));
                    [events[i], events[j]] = [events[j], events[i]];
                }
                const results = await pool(events, 8, (e) => processBatch([e], h.deps));
                assert.ok(results.every((s) => s.outcomes[0].status === "processed"));

                const records = await h.records();
                assert.equal(records.length, 12);
                for (const r of records) {
                    const latest = `rep-${String(r.rowKey).slice(4)}-4`;
                    assert.deepEqual(
                        [r.status, r.statusAt, r.eventId],
                        ["failed", "2026-11-20T10:05:00Z", latest],
                        String(r.rowKey),
                    );
                }
            },
        );
    });
});

function pad2(n: number): string {
    return String(n).padStart(2, "0");
}

/** Every ticket on the queue (peek shows at most 32): received under a long visibility timeout, then counted. */
async function tickets(h: Harness): Promise<Ticket[]> {
    const out: Ticket[] = [];
    for (;;) {
        const batch = await h.clients.queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 600 });
        if (batch.receivedMessageItems.length === 0) return out;
        out.push(...batch.receivedMessageItems.map((m) => decodeTicket(m.messageText)));
    }
}

async function pool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await work(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
    return results;
}
