import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/avoidNearExpiration.ts", () => {
    const graph = useSharedGraph("delivery");

    ruleCases("event-subscription-avoid-near-expiration", {
        graph,
        pass: ["exp-far", "exp-past"],
        fail: ["exp-near"],
        unset: { pass: ["id-sbq"] },
        messages: { "exp-near": [/expires in 5 days/] },
    });

    ruleCases("event-subscription-avoid-near-expiration", {
        graph,
        config: { "event-subscription-avoid-near-expiration": { horizonDays: 400 } },
        pass: ["exp-past", "exp-bad"],
        fail: ["exp-near", "exp-far"],
        unset: { pass: ["id-sbq"] },
    });
});
