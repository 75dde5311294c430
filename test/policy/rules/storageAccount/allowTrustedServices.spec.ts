import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/allowTrustedServices.ts", () => {
    const graph = useSharedGraph("baseline");

    // Only firewalled accounts need the bypass; a comma list containing AzureServices is accepted (decision 10.10 in
    // docs/policies.md).
    ruleCases("storage-account-allow-trusted-services", {
        graph,
        pass: ["dl-account", "st-variants"],
        fail: ["st-nobypass"],
        unset: { pass: ["st-unset"] },
        outOfScope: ["st-bad"],
        messages: {
            "st-nobypass": [/networkRuleSet\.bypass: expected a list containing "AzureServices", got "None"/],
        },
    });
});
