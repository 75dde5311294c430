import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/reportOverlappingRoutes.ts", () => {
    const graph = useSharedGraph("apps");

    // r-a/r-b: same SMS to two handlers (reported on the later name); r-c disjoint; r-d (no type list) overlaps all.
    ruleCases("event-subscription-report-overlapping-routes", {
        graph,
        pass: ["r-a", "r-c"],
        fail: ["r-b"],
        unset: { fail: ["r-d", "r-d", "r-d"] },
        messages: {
            "r-b": [
                joinRe(
                    /overlaps subscription r-a \(a different handler\): an event such as/,
                    / Microsoft\.Communication\.SMSReceived/,
                ),
            ],
        },
    });
});
