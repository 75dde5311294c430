import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/serviceBusNamespace/disableLocalAuth.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("servicebus-namespace-disable-local-auth", {
        graph,
        pass: ["sbq-namespace", "sb-tls13"],
        fail: ["sb-bad"],
        unset: { fail: ["sb-unset"] },
    });
});
