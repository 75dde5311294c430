import * as assert from "node:assert";
import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/allowTrustedServices.ts", () => {
    const graph = useSharedGraph("baseline");

    // Only firewalled accounts need the bypass; a comma list containing AzureServices is accepted (decision 10.10 in
    // docs/policies.md). Unset: no network rules (st-unset, not firewalled) or a firewall without bypass
    // (st-deny-default), which azure-native sends as "AzureServices".
    ruleCases("storage-account-allow-trusted-services", {
        graph,
        pass: ["dl-account", "st-variants"],
        fail: ["st-nobypass"],
        unset: { pass: ["st-unset", "st-deny-default"] },
        outOfScope: ["st-bad"],
        messages: {
            "st-nobypass": [/networkRuleSet\.bypass: expected a list containing "AzureServices", got "None"/],
        },
    });

    it("records the bypass azure-native fills in when a firewall omits it", () => {
        const account = graph().resources.find((r) => r.name === "st-deny-default");
        assert.deepStrictEqual(account?.inputs.networkRuleSet, { defaultAction: "Deny", bypass: "AzureServices" });
    });
});
