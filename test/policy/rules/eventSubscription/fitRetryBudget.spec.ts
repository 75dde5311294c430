import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/fitRetryBudget.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-fit-retry-budget", {
        graph,
        pass: ["f-good", "d-budget-ok", "d-budget-max"],
        fail: ["d-budget"],
        unset: { pass: ["d-noretry"] },
        messages: {
            "d-budget": [
                /maxDeliveryAttempts: 10, but the retry schedule fits only 7 attempts into eventTimeToLiveInMinutes 60/,
            ],
        },
    });
});
