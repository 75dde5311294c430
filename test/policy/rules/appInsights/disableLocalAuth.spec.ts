import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/appInsights/disableLocalAuth.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("app-insights-disable-local-auth", {
        graph,
        pass: ["ai-good", "fn-insights"],
        fail: ["ai-bad"],
        unset: { fail: ["ai-unset"] },
    });
});
