import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/avoidDuplicateDelivery.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("event-subscription-avoid-duplicate-delivery", {
        graph,
        pass: ["golden-sub", "fanout-sub-chat"],
        fail: ["duplicate-sub-duplicate"],
        unset: { pass: ["duplicate-sub"] },
        messages: {
            "duplicate-sub-duplicate": [
                joinRe(
                    /overlaps subscription duplicate-sub, which delivers to the same handler: an event such as/,
                    / Microsoft\.Communication\.SMSReceived/,
                ),
            ],
        },
    });
});
