import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/avoidArrayItemKeys.ts", () => {
    const graph = useSharedGraph("subscriptions");

    // Advisory: Event Grid documents arrays of values, not keys through arrays of objects.
    ruleCases("event-subscription-avoid-array-item-keys", {
        graph,
        pass: ["f-good", "f-array-on", "f-openmaps"],
        fail: ["f-arrayobj"],
        unset: { pass: ["f-nosubject"] },
        messages: { "f-arrayobj": [/inside the array "data\.deliveryAttempts" of SMSDeliveryReportReceived/] },
    });
});
