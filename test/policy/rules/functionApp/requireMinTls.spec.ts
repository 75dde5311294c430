import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/requireMinTls.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    ruleCases("function-app-require-min-tls", {
        graph,
        pass: ["fa-good", "fa-variant"],
        fail: ["fa-bad"],
        unset: { fail: ["fa-unset"] },
        outOfScope,
        messages: { "fa-bad": [/siteConfig\.minTlsVersion: expected "1\.2" or "1\.3", got "1\.0"/] },
    });
});
