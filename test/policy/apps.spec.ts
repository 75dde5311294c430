import { Graph } from "../../harness/graph";
import { appsProgram } from "./fixtures/apps";
import { fixture, ruleCases } from "./support/findings";

/**
 * Push targets and route overlaps: AzureFunction destinations and their code deployment (https://github.com/Azure/bicep/issues/11656), the two
 * documented conflicts (public network access decision 10.1 in docs/policies.md, Easy Auth decision 10.2 in docs/policies.md) and fan-out information (https://learn.microsoft.com/azure/event-grid/delivery-and-retry).
 */
describe("policy: function-app handlers and overlapping routes", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(appsProgram);
    });
    const graph = () => g;

    // fn-ok waits for web.WebAppFunction; fn-flex for the package blob its Flex app deploys from.
    ruleCases("event-subscription-require-function-deployment", {
        graph,
        pass: ["fn-ok", "fn-flex", "push-private"],
        fail: ["fn-nodep", "fn-nodeploy", "fn-badid", "fn-external", "fn-webapp"],
        unset: { fail: ["fn-noid"] },
        messages: {
            "fn-nodep": [
                /does not depend on app-nodep-code, which deploys app-nodep's code.*Destination endpoint not found/,
            ],
            "fn-badid": [/expected <function app id>\/functions\/<function name>/],
            "fn-webapp": [/app-web has kind "app"/],
        },
    });
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
    ruleCases("function-app-allow-event-grid-auth", {
        graph,
        pass: ["app-auth-excluded", "app-auth-anon", "app-ok"],
        fail: ["app-auth-blocked"],
        unset: { pass: ["app-auth-unset"] },
        messages: {
            "app-auth-blocked": [
                /app-auth-blocked-auth\.globalValidation\.excludedPaths: expected to include "\/runtime\/webhooks\/eventgrid"/,
            ],
        },
    });
    // Parity with POL 969ac98b, but only for apps nothing pushes to (the pushed ones are out of scope).
    ruleCases("function-app-restrict-public-network", {
        graph,
        pass: ["app-idle-private"],
        fail: ["app-idle-public"],
        unset: { fail: ["app-idle-unset"] },
        outOfScope: ["app-ok", "app-flex", "app-private-push"],
    });
    // r-a/r-b: same SMS to two handlers (reported on the later name); r-c disjoint; r-d (no type list) overlaps all.
    ruleCases("event-subscription-report-overlapping-routes", {
        graph,
        pass: ["r-a", "r-c"],
        fail: ["r-b"],
        unset: { fail: ["r-d", "r-d", "r-d"] },
        messages: {
            "r-b": [
                /overlaps subscription r-a \(a different handler\): an event such as Microsoft\.Communication\.SMSReceived/,
            ],
        },
    });
});
