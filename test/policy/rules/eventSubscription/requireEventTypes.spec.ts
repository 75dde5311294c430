import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireEventTypes.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-require-event-types", {
        graph,
        pass: ["f-good", "f-legacy"],
        fail: ["f-all", "f-empty"],
        unset: { fail: ["f-notypes"] },
        messages: {
            "f-notypes": [
                /filter\.includedEventTypes: expected a non-empty list of event types, got nothing \(unset\)/,
            ],
            "f-all": [/instead of "All"/],
        },
    });
});
