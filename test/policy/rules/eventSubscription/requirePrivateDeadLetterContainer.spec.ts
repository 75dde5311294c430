import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requirePrivateDeadLetterContainer.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("event-subscription-require-private-dead-letter-container", {
        graph,
        pass: ["golden-sub"],
        fail: ["publiccontainer-sub"],
        unset: { fail: ["nocontainer-sub"] },
        messages: {
            "publiccontainer-sub": [/publicAccess: expected "None", got "Blob"/],
            "nocontainer-sub": [
                /expected a storage\.BlobContainer of the dead-letter account in this stack, got "deadletters"/,
            ],
        },
    });
});
