/**
 * Event Grid's delivery decisions (local/retryPolicy.ts) and output batching (local/engine.ts), as pure functions,
 * against the values of https://learn.microsoft.com/azure/event-grid/delivery-and-retry.
 */
import assert from "node:assert/strict";
import { batches, deliveryHeaders } from "../../local/engine";
import { judgeAttempt, nextAttempt, retryDelayMs } from "../../local/retryPolicy";

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const policy = { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 };

describe("local Event Grid: retry policy and batching", () => {
    it("waits 10 s, 30 s, 1 min, 5 min, 10 min, 30 min, 1 h, 3 h, 6 h, then every 12 h", () => {
        assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(retryDelayMs), [
            10 * S,
            30 * S,
            M,
            5 * M,
            10 * M,
            30 * M,
            H,
            3 * H,
            6 * H,
            12 * H,
            12 * H,
        ]);
    });

    it("counts 200–204 as delivered and nothing else", () => {
        for (const s of [200, 201, 202, 203, 204])
            assert.equal(judgeAttempt(s, "webhook").kind, "delivered", String(s));
        for (const s of [205, 302, 429, 500]) assert.equal(judgeAttempt(s, "webhook").kind, "retry", String(s));
    });

    it("does not retry 400 and 413; webhooks also 401 and 403, Azure resources also 403", () => {
        for (const s of [400, 401, 403, 413]) assert.equal(judgeAttempt(s, "webhook").kind, "final", `webhook ${s}`);
        for (const s of [400, 403, 413]) assert.equal(judgeAttempt(s, "azure").kind, "final", `azure ${s}`);
        assert.equal(judgeAttempt(401, "azure").kind, "retry");
    });

    it("waits at least 5 min after 404, 2 min after 408, 30 s after 503, 10 s otherwise", () => {
        const wait = (status: number) => {
            const v = judgeAttempt(status, "webhook");
            assert.equal(v.kind, "retry");
            const next = nextAttempt(1, v as any, policy, 0, 0);
            return "at" in next ? next.at : NaN;
        };
        assert.deepEqual([404, 408, 503, 500].map(wait), [5 * M, 2 * M, 30 * S, 10 * S]);
        assert.equal(judgeAttempt(undefined, "webhook", true).kind, "retry", "no answer within 30 s is retried");
    });

    it("stops at maxDeliveryAttempts or when the next attempt would fall after the time to live", () => {
        const busy = judgeAttempt(500, "webhook") as Extract<ReturnType<typeof judgeAttempt>, { kind: "retry" }>;
        assert.deepEqual(nextAttempt(8, busy, { ...policy, maxDeliveryAttempts: 8 }, 0, 0), {
            deadLetterReason: "MaxDeliveryAttemptsExceeded",
        });
        assert.deepEqual(nextAttempt(7, busy, { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 60 }, 0, 50 * M), {
            deadLetterReason: "TimeToLiveExceeded",
        });
    });

    it(
        "batches up to maxEventsPerBatch and preferredBatchSizeInKilobytes; an oversized event goes alone; " +
            "queues never batch",
        () => {
            const ev = (id: string, bytes = 10) => ({ id, data: "x".repeat(bytes) });
            const ids = (bs: Record<string, unknown>[][]) => bs.map((b) => b.map((e) => e.id));
            const hook = { endpointType: "WebHook" as const, maxEventsPerBatch: 2, preferredBatchSizeInKilobytes: 1 };
            assert.deepEqual(ids(batches(hook, [ev("a"), ev("b"), ev("c")])), [["a", "b"], ["c"]]);
            assert.deepEqual(ids(batches(hook, [ev("a", 600), ev("b", 600), ev("c", 5000)])), [["a"], ["b"], ["c"]]);
            assert.deepEqual(ids(batches({ ...hook, endpointType: "StorageQueue" }, [ev("a"), ev("b")])), [
                ["a"],
                ["b"],
            ]);
        },
    );

    it("fills static and dynamic delivery headers from the event", () => {
        const sub = {
            deliveryAttributes: [
                { name: "X-Static", type: "Static" as const, value: "v" },
                { name: "X-From", type: "Dynamic" as const, sourceField: "data.from" },
                { name: "X-Missing", type: "Dynamic" as const, sourceField: "data.nope" },
            ],
        };
        assert.deepEqual(deliveryHeaders(sub, { data: { from: "14255550123" } }), {
            "X-Static": "v",
            "X-From": "14255550123",
        });
    });
});
