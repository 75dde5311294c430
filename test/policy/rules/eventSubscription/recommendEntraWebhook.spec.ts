import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/recommendEntraWebhook.ts", () => {
    const graph = useSharedGraph("subscriptions");

    ruleCases("event-subscription-recommend-entra-webhook", {
        graph,
        pass: ["f-good", "d-authheader"],
        fail: ["d-halfentra"],
        unset: { fail: ["d-noentra"] },
    });
});
