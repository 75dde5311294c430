import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireDeadLetter.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-require-dead-letter", {
        graph,
        pass: ["f-good", "d-dl-both"],
        fail: ["d-dl-incomplete", "d-dl-nodest"],
        unset: { fail: ["d-nodl"] },
        messages: {
            "d-dl-incomplete": [
                joinRe(
                    /deadLetterWithResourceIdentity\.deadLetterDestination\.blobContainerName: expected a container/,
                    / name, got nothing/,
                ),
            ],
        },
    });
});
