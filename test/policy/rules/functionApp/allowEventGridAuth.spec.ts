import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/allowEventGridAuth.ts", () => {
    const graph = useSharedGraph("apps");

    ruleCases("function-app-allow-event-grid-auth", {
        graph,
        pass: ["app-auth-excluded", "app-auth-anon", "app-ok"],
        fail: ["app-auth-blocked"],
        unset: { pass: ["app-auth-unset"] },
        messages: {
            "app-auth-blocked": [
                joinRe(
                    /app-auth-blocked-auth\.globalValidation\.excludedPaths: expected to include/,
                    / "\/runtime\/webhooks\/eventgrid"/,
                ),
            ],
        },
    });
});
