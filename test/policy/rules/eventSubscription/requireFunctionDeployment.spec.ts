import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireFunctionDeployment.ts", () => {
    const graph = useSharedGraph("apps");

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
});
