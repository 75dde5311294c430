import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/restrictPublicNetwork.ts", () => {
    const graph = useSharedGraph("apps");

    // Parity with POL 969ac98b, but only for apps nothing pushes to (the pushed ones are out of scope).
    ruleCases("function-app-restrict-public-network", {
        graph,
        pass: ["app-idle-private"],
        fail: ["app-idle-public"],
        unset: { fail: ["app-idle-unset"] },
        outOfScope: ["app-ok", "app-flex", "app-private-push"],
    });
});
