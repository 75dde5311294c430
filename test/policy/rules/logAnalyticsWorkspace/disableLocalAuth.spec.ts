import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/logAnalyticsWorkspace/disableLocalAuth.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("log-analytics-workspace-disable-local-auth", {
        graph,
        pass: ["law-good", "fn-logs"],
        fail: ["law-bad"],
        unset: { fail: ["law-unset"] },
        messages: { "law-bad": [/features\.disableLocalAuth: expected true, got false/] },
    });
});
