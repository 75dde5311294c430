import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireKnownEventTypes.ts", () => {
    const graph = useSharedGraph("subscriptions");

    // Non-ACS topics are out of scope; a missing list is event-subscription-require-event-types' case.
    ruleCases("event-subscription-require-known-event-types", {
        graph,
        pass: ["f-good", "f-all"],
        fail: ["f-legacy", "f-typo", "f-short"],
        unset: { pass: ["f-notypes"] },
        outOfScope: ["f-storage"],
        messages: {
            "f-legacy": [
                /legacy name .* use "Microsoft\.Communication\.SMSDeliveryReportReceived"/,
                /Fix: write "Microsoft\.Communication\.SMSDeliveryReportReceived"/,
            ],
            "f-typo": [
                joinRe(
                    /did you mean "Microsoft\.Communication\.SMSReceived"\? Fix: write/,
                    / "Microsoft\.Communication\.SMSReceived"/,
                ),
            ],
            "f-short": [/Fix: write "Microsoft\.Communication\.SMSReceived"/],
        },
    });
});
