import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/metricAlert/enableAutoMitigate.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("metric-alert-enable-auto-mitigate", {
        graph,
        pass: ["alert-good"],
        fail: ["alert-bad"],
        unset: { fail: ["alert-unset"] },
    });
});
