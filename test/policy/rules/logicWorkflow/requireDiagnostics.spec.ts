import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/logicWorkflow/requireDiagnostics.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("logic-workflow-require-diagnostics", {
        graph,
        pass: ["wf-enabled"],
        fail: ["wf-disabled"],
        unset: { fail: ["wf-unset"] },
        messages: { "wf-disabled": [/wf-disabled-diagnostics, without an enabled log or a destination/] },
    });
});
