import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/limitPushBatch.ts", () => {
    const graph = useSharedGraph("delivery");

    // Boundary 100/101; the SDK fills maxEventsPerBatch 1 when it is omitted.
    ruleCases("event-subscription-limit-push-batch", {
        graph,
        pass: ["batch-1", "batch-100"],
        fail: ["batch-101", "batch-fn-500"],
        unset: { pass: ["batch-unset"] },
        outOfScope: ["id-sbq", "ttl-week"],
        messages: { "batch-101": [/maxEventsPerBatch: expected at most 100 events per batch .*got 101/] },
    });

    ruleCases("event-subscription-limit-push-batch", {
        graph,
        config: { "event-subscription-limit-push-batch": { maxEventsPerBatch: 200 } },
        pass: ["batch-100", "batch-101"],
        fail: ["batch-fn-500"],
        unset: { pass: ["batch-unset"] },
    });
});
