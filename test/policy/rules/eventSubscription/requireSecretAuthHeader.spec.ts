import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireSecretAuthHeader.ts", () => {
    const graph = useSharedGraph("subscriptions");

    // The SDK fills isSecret: false when it is omitted, so omitted fails; dynamic headers are out of scope.
    ruleCases("event-subscription-require-secret-auth-header", {
        graph,
        pass: ["d-authheader", "d-header-notsecret"],
        fail: ["d-authheader-plain"],
        unset: { fail: ["d-authheader-unset"] },
        outOfScope: ["d-dynamic-header"],
        messages: {
            "d-authheader-plain": [
                /deliveryAttributeMappings\[0\]\.isSecret: expected true for credential header "x-api-key", got false/,
            ],
        },
    });
});
