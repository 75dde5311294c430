import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/limitRetryRange.ts", () => {
    const graph = useSharedGraph("subscriptions");

    // Boundaries 30/31 attempts and 1440/1441 minutes; unset = the service defaults.
    ruleCases("event-subscription-limit-retry-range", {
        graph,
        pass: ["f-good", "d-budget"],
        fail: ["d-retry-31", "d-ttl-1441"],
        unset: { pass: ["d-noretry"] },
    });
});
