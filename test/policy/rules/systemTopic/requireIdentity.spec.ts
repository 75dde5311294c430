import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/requireIdentity.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("system-topic-require-identity", {
        graph,
        pass: ["golden-topic"],
        fail: ["uai-topic"],
        unset: { fail: ["noidentity-topic", "noidentity-topic"] },
        messages: { "uai-topic": [/expected the user-assigned identity .*uai-uai on the topic/] },
    });
});
