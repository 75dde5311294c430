import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireExclusiveDestination.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-require-exclusive-destination", {
        graph,
        pass: ["f-good", "d-dl-incomplete"],
        fail: ["d-both", "d-id-nodest", "d-dl-both", "d-dl-nodest"],
        unset: { fail: ["d-neither"] },
        messages: {
            "d-both": [/expected exactly one, got both/],
            "d-dl-nodest": [/an identity without a destination does nothing/],
        },
    });
});
