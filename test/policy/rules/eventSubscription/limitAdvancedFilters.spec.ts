import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/limitAdvancedFilters.ts", () => {
    const graph = useSharedGraph("subscriptions");

    // Boundaries: 25 values pass, 26 fail; 26 filters fail; 512/513 characters.
    ruleCases("event-subscription-limit-advanced-filters", {
        graph,
        pass: ["f-good", "f-25values"],
        fail: ["f-toomany", "f-26values", "f-operand", "f-longstring"],
        unset: { pass: ["f-nosubject"] },
        messages: {
            "f-toomany": [/at most 25 advanced filters/],
            "f-26values": [/at most 25 values in total/],
            "f-operand": [/filter\.advancedFilters\[0\]\.values\[0\]: NumberIn values must be numbers/],
        },
    });
});
