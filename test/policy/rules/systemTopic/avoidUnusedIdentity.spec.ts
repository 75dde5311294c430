import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/avoidUnusedIdentity.ts", () => {
    const graph = useSharedGraph("delivery");

    ruleCases("system-topic-avoid-unused-identity", {
        graph,
        pass: ["dlv-topic"],
        fail: ["idle-topic", "uai-idle-topic"],
        unset: { pass: ["noid-topic"] },
        messages: {
            "idle-topic": [/got the system-assigned identity unused/],
            "uai-idle-topic": [/got the user-assigned identity .*userAssignedIdentities\/spare unused/],
        },
    });
});
