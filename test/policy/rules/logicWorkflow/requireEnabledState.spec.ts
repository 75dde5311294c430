import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/logicWorkflow/requireEnabledState.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("logic-workflow-require-enabled-state", {
        graph,
        pass: ["wf-enabled"],
        fail: ["wf-disabled"],
        unset: { pass: ["wf-unset"] },
    });
});
