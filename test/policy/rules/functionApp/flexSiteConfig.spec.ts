import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/flexSiteConfig.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    // Flex apps (functionAppConfig) with any siteConfig get netFrameworkVersion from azure-native; the handler sends
    // none.
    ruleCases("function-app-flex-site-config", {
        graph,
        pass: ["fn-app"],
        fail: ["fa-good", "fa-good", "fa-hostkey", "fa-hostkey", "fa-hostid", "fa-hostid"],
        unset: { pass: ["fn-app"] },
        outOfScope: [...outOfScope, "fa-variant", "fa-bad", "fa-unset"],
        messages: {
            "fa-good": [
                joinRe(
                    /^siteConfig\.netFrameworkVersion: Flex Consumption rejects this property with ARM error 51021,/,
                    / got "v4\.6" \(azure-native adds it/,
                ),
                /^siteConfig\.ftpsState: .*got "Disabled"/,
            ],
        },
    });
});
