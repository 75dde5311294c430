import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireWebhookTls.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-require-webhook-tls", {
        graph,
        pass: ["f-good"],
        fail: ["d-tls11"],
        unset: { fail: ["d-tls-unset"] },
    });
});
