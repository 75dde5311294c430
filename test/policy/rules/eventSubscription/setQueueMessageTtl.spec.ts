import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/setQueueMessageTtl.ts", () => {
    const graph = useSharedGraph("delivery");
    const webhooks = ["batch-1", "exp-far"];

    ruleCases("event-subscription-set-queue-message-ttl", {
        graph,
        pass: ["ttl-week", "ttl-never", "key-storagequeue"],
        fail: ["ttl-short"],
        unset: { fail: ["ttl-unset"] },
        outOfScope: ["id-sbq", ...webhooks],
        messages: {
            "ttl-short": [
                joinRe(
                    /queueMessageTimeToLiveInSeconds: expected -1 \(never expires\) or a whole number of seconds >=/,
                    / 86400, got 3600/,
                ),
            ],
        },
    });

    // A stricter minimum (more than the week ttl-week keeps): -1 still passes.
    ruleCases("event-subscription-set-queue-message-ttl", {
        graph,
        config: { "event-subscription-set-queue-message-ttl": { minimumSeconds: 700000 } },
        pass: ["ttl-never"],
        fail: ["ttl-week", "ttl-short"],
        unset: { fail: ["ttl-unset"] },
        messages: { "ttl-week": [/>= 700000, got 604800/] },
    });
});
