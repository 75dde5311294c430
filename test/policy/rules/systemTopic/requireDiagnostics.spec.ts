import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/requireDiagnostics.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("system-topic-require-diagnostics", {
        graph,
        pass: ["golden-topic"],
        fail: ["auditonly-topic"],
        unset: { fail: ["nomonitoring-topic", "twotopics-topic2"] },
    });
});
