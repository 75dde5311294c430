import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/serviceBusNamespace/requireMinTls.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("servicebus-namespace-require-min-tls", {
        graph,
        pass: ["sbq-namespace", "sb-tls13"],
        fail: ["sb-bad"],
        unset: { fail: ["sb-unset"] },
        messages: { "sb-bad": [/got "1\.0"/] },
    });
});
