import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireReachableNamespace.ts", () => {
    const graph = useSharedGraph("delivery");

    // Keys against a namespace that refuses them: every delivery fails (mandatory). Unset disableLocalAuth = keys on.
    ruleCases("event-subscription-require-reachable-namespace", {
        graph,
        pass: ["id-sbq", "id-eh", "key-sbq-keys"],
        fail: ["key-sbq-locked", "key-eh-locked"],
        unset: { pass: ["key-sbq-unsetauth"] },
        messages: {
            "key-sbq-locked": [
                /namespace dlv-sbns has disableLocalAuth: true, so Event Grid cannot deliver to dlv-q with access keys/,
            ],
        },
    });
});
