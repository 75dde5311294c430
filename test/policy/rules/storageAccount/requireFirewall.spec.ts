import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/requireFirewall.ts", () => {
    const graph = useSharedGraph("baseline");

    // The function handler's host storage allows every network on purpose (its runtime is not a trusted service).
    ruleCases("storage-account-require-firewall", {
        graph,
        pass: ["dl-account", "st-nobypass", "st-variants"],
        fail: ["st-bad", "fn-storage"],
        unset: { fail: ["st-unset"] },
    });
});
