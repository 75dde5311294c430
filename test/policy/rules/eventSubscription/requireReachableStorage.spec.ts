import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireReachableStorage.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("event-subscription-require-reachable-storage", {
        graph,
        pass: ["golden-sub"],
        fail: ["nobypass-sub", "keyless-sub"],
        unset: { pass: ["opendl-sub"] },
        messages: {
            "nobypass-sub": [/bypass is "None"/],
            "keyless-sub": [/allowSharedKeyAccess: false, so Event Grid cannot use an account key/],
        },
    });
});
