import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/limitDeliveryHeaders.ts", () => {
    const graph = useSharedGraph("delivery");

    ruleCases("event-subscription-limit-delivery-headers", {
        graph,
        pass: ["hdr-10", "sess-ok"],
        fail: ["hdr-11", "hdr-aeg"],
        unset: { pass: ["batch-1"] },
        messages: {
            "hdr-11": [/expected at most 10 delivery properties, got 11/],
            "hdr-aeg": [/deliveryAttributeMappings\[0\]\.name: expected a name without the reserved "aeg-" prefix/],
        },
    });
});
