import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/matchKeyCase.ts", () => {
    const graph = useSharedGraph("subscriptions");

    // Advisory only: Microsoft's IncomingCall examples (docs, call-center-ai) filter on data.to.PhoneNumber.Value.
    ruleCases("event-subscription-match-key-case", {
        graph,
        pass: ["f-good", "f-openmaps", "f-router"],
        fail: ["f-casekey", "f-casekey-ccai"],
        unset: { pass: ["f-nosubject"] },
        messages: {
            "f-casekey": [/Fix: write key: "data\.to"/],
            "f-casekey-ccai": [/call-center-ai|IncomingCall examples.*Fix: write key: "data\.to\.phoneNumber\.value"/],
        },
    });
});
