import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/requireHttps.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("storage-account-require-https", {
        graph,
        pass: ["dl-account", "st-variants"],
        fail: ["st-bad"],
        unset: { pass: ["st-unset"] },
        messages: { "st-bad": [/enableHttpsTrafficOnly: expected true, got false/] },
    });
});
