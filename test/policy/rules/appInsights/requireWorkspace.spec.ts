import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/appInsights/requireWorkspace.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("app-insights-require-workspace", {
        graph,
        pass: ["ai-good", "fn-insights"],
        fail: ["ai-bad"],
        unset: { fail: ["ai-unset"] },
        messages: { "ai-bad": [/ingestionMode: expected "LogAnalytics", got "ApplicationInsights"/] },
    });
});
