import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/matchSchemaKeys.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-match-schema-keys", {
        graph,
        pass: ["f-good", "f-egkey", "f-typefilter"],
        fail: ["f-cekey", "f-nodata"],
        unset: { pass: ["f-nosubject"] },
        messages: {
            "f-cekey": [/"type" is a CloudEvents attribute.*Fix: write key: "eventType"/],
            "f-nodata": [/Fix: write key: "data\.to"/],
        },
    });
});
