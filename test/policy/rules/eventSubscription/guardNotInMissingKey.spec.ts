import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/guardNotInMissingKey.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-guard-not-in-missing-key", {
        graph,
        pass: ["f-good", "f-notin-guarded"],
        fail: ["f-notin", "f-range"],
        unset: { pass: ["f-nosubject"] },
        messages: {
            "f-notin": [
                joinRe(
                    /StringNotIn on "data\.deliveryStatus" matches them .*SMSReceived payloads have no/,
                    / "deliveryStatus".*IsNotNull/,
                ),
            ],
        },
    });
});
