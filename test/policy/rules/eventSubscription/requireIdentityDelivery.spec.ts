import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireIdentityDelivery.ts", () => {
    const graph = useSharedGraph("delivery");
    const webhooks = ["batch-1", "exp-far"];

    // A plain destination works with access keys (advisory); an identity block without a type is the unset case.
    ruleCases("event-subscription-require-identity-delivery", {
        graph,
        pass: ["id-sbq", "id-eh", "ttl-never"],
        fail: ["key-sbq-keys", "key-sbq-locked", "key-eh-locked", "key-sbq-unsetauth", "key-storagequeue"],
        unset: { fail: ["id-noidentity"] },
        outOfScope: webhooks,
        messages: {
            "key-eh-locked": [
                joinRe(
                    /^destination: expected deliveryWithResourceIdentity for this EventHub destination, got a plain/,
                    / destination.*Azure Event Hubs Data Sender/,
                ),
            ],
        },
    });
});
