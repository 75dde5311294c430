import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireHttpsWebhook.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-require-https-webhook", {
        graph,
        pass: ["f-good"],
        fail: ["d-http"],
        unset: { fail: ["d-nourl"] },
        messages: { "d-http": [/got "http:\/\/hooks\.example\.com\/d-http\?…"/] },
    });
});
