import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireMatchableSubject.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-require-matchable-subject", {
        graph,
        pass: ["f-good", "f-egkey"],
        fail: ["f-noslash", "f-wildcard", "f-wrongshape", "f-case"],
        unset: { pass: ["f-nosubject"] },
        messages: {
            "f-noslash": [
                /^filter\.subjectBeginsWith: "phonenumber\/1604": /,
                /Fix: write filter\.subjectBeginsWith: "\/phonenumber\/1604"/,
            ],
            "f-wildcard": [/^filter\.subjectEndsWith: .*not wildcards.*Fix: drop "\*" and "\?"/],
            "f-case": [/"\/PhoneNumber\/1604"/],
        },
    });
});
