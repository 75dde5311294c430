import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/allowPushDelivery.ts", () => {
    const graph = useSharedGraph("apps");

    // Pushed apps must stay reachable (AzureFunction and WebHook-to-host); unset publicNetworkAccess means Enabled.
    ruleCases("function-app-allow-push-delivery", {
        graph,
        pass: ["app-ok", "app-idle-private"],
        fail: ["app-private-push", "app-private-hook"],
        unset: { pass: ["app-flex"] },
        messages: { "app-private-hook": [/subscription\(s\) hook-private push to this app/] },
    });

    ruleCases("function-app-allow-push-delivery", {
        graph,
        config: { "function-app-allow-push-delivery": { exemptApps: ["app-private-push"] } },
        pass: ["app-ok", "app-private-push"],
        fail: ["app-private-hook"],
        unset: { pass: ["app-flex"] },
    });
});
