import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireSessionIdMapping.ts", () => {
    const graph = useSharedGraph("delivery");

    ruleCases("event-subscription-require-session-id-mapping", {
        graph,
        pass: ["sess-ok", "key-sbq-keys"],
        fail: ["sess-missing", "sess-both"],
        unset: { pass: ["id-sbq"] },
        messages: {
            "sess-missing": [
                joinRe(
                    /expected a SessionId mapping because queue dlv-q-session has requiresSession: true, got/,
                    / "CorrelationId"/,
                ),
            ],
            "sess-both": [/got both/],
        },
    });
});
