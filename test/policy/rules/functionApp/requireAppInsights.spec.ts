import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/requireAppInsights.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    // App settings inline (fa-good, the real handler) or in a web.WebAppApplicationSettings child (fa-variant).
    ruleCases("function-app-require-app-insights", {
        graph,
        pass: ["fa-good", "fa-variant", "fn-app"],
        fail: ["fa-bad"],
        unset: { fail: ["fa-unset"] },
        outOfScope,
        messages: {
            "fa-bad": [/expected APPLICATIONINSIGHTS_CONNECTION_STRING .*got only FUNCTIONS_WORKER_RUNTIME/],
        },
    });
});
