import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/avoidPastExpiration.ts", () => {
    const graph = useSharedGraph("delivery");

    ruleCases("event-subscription-avoid-past-expiration", {
        graph,
        pass: ["exp-near", "exp-far"],
        fail: ["exp-past", "exp-bad"],
        unset: { pass: ["id-sbq"] },
        messages: {
            "exp-past": [/expirationTimeUtc: expected a time after now .*got "2020-01-01T00:00:00Z"/],
            "exp-bad": [/expected an ISO 8601 UTC time/],
        },
    });
});
