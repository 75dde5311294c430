import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/requireSupportedRuntime.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    // Flex functionAppConfig.runtime (fa-good, the real handler) and linuxFxVersion in any case (fa-variant).
    ruleCases("function-app-require-supported-runtime", {
        graph,
        pass: ["fa-good", "fa-variant", "fn-app"],
        fail: ["fa-bad"],
        unset: { fail: ["fa-unset"] },
        outOfScope,
        messages: {
            "fa-bad": [/siteConfig\.linuxFxVersion: expected node 22 or later, got "node 18"/],
            "fa-unset": [/got nothing \(unset\)/],
        },
    });

    ruleCases("function-app-require-supported-runtime", {
        graph,
        config: { "function-app-require-supported-runtime": { minimumNodeVersion: 24 } },
        pass: ["fa-variant"],
        fail: ["fa-good", "fa-bad", "fn-app", "fa-hostkey", "fa-hostid"],
        unset: { fail: ["fa-unset"] },
        outOfScope,
    });
});
