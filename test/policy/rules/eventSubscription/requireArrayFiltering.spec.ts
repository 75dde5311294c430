import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireArrayFiltering.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-require-array-filtering", {
        graph,
        pass: ["f-good", "f-array-on"],
        fail: ["f-array"],
        unset: { fail: ["f-array-unset"] },
        messages: {
            "f-array": [
                joinRe(
                    /expected true because filter\.advancedFilters\[0\]\.key "data\.deliveryAttempts" is an array in/,
                    / SMSDeliveryReportReceived payloads, got false/,
                ),
            ],
        },
    });
});
