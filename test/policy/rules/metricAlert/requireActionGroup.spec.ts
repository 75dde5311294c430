import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/metricAlert/requireActionGroup.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("metric-alert-require-action-group", {
        graph,
        pass: ["alert-good"],
        fail: ["alert-bad"],
        unset: { fail: ["alert-unset"] },
    });
});
