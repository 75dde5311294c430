import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/requireDeliveryAlerts.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("system-topic-require-delivery-alerts", {
        graph,
        pass: ["golden-topic", "fanout-topic"],
        fail: ["alertsfirst-topic"],
        unset: { fail: ["nomonitoring-topic", "twotopics-topic2"] },
        messages: {
            "alertsfirst-topic": [/missing DeliveryAttemptFailCount, DeadLetteredCount, DroppedEventCount/],
        },
    });
});
