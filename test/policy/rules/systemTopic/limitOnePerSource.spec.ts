import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/limitOnePerSource.ts", () => {
    const graph = useSharedGraph("eventPath");

    // A topic without a source joins no group: its problem is reported by system-topic-match-source-type and
    // system-topic-require-source-in-stack.
    ruleCases("system-topic-limit-one-per-source", {
        graph,
        pass: ["golden-topic"],
        fail: ["twotopics-topic", "twotopics-topic2"],
        unset: { pass: ["nosource-topic"] },
        messages: { "twotopics-topic": [/expected one system topic per source, got 2 .*also: twotopics-topic2/] },
    });
});
