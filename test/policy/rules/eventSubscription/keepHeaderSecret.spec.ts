import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/keepHeaderSecret.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-keep-header-secret", {
        graph,
        pass: ["d-authheader"],
        fail: ["d-header-notsecret"],
        unset: { pass: ["d-authheader-unset"] },
    });
});
