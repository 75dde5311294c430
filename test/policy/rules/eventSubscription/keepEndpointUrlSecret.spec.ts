import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/keepEndpointUrlSecret.ts", () => {
    const graph = useSharedGraph("subscriptions");

    // Harness checks (secretness in the Pulumi state, invisible to CrossGuard).
    ruleCases("event-subscription-keep-endpoint-url-secret", {
        graph,
        pass: ["f-good"],
        fail: ["d-plainurl"],
        unset: { pass: ["d-nourl"] },
    });
});
