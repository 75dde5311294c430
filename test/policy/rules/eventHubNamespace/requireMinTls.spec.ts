import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventHubNamespace/requireMinTls.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("eventhub-namespace-require-min-tls", {
        graph,
        pass: ["ehq-namespace"],
        fail: ["eh-bad"],
        unset: { fail: ["eh-unset"] },
        messages: { "eh-bad": [/got "1\.1"/] },
    });
});
