import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventHubNamespace/disableLocalAuth.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("eventhub-namespace-disable-local-auth", {
        graph,
        pass: ["ehq-namespace"],
        fail: ["eh-bad"],
        unset: { fail: ["eh-unset"] },
    });
});
