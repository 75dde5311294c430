import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/avoidNeverMatch.ts", () => {
    const graph = useSharedGraph("subscriptions");

    // Contradictions only; a subject that fits no shape is event-subscription-require-matchable-subject's finding.
    ruleCases("event-subscription-avoid-never-match", {
        graph,
        pass: ["f-good", "f-noslash"],
        fail: ["f-contradict", "f-typefilter"],
        unset: { pass: ["f-nosubject"] },
        messages: {
            "f-contradict": [
                joinRe(
                    /subjectBeginsWith "\/phonenumber\/1604" and StringBeginsWith subject \["\/phonenumber\/1778"\]/,
                    / cannot all hold/,
                ),
            ],
            "f-typefilter": [/rejects every included event type/],
        },
    });
});
