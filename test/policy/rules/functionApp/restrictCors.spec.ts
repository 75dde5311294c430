import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/restrictCors.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    ruleCases("function-app-restrict-cors", {
        graph,
        pass: ["fa-good", "fa-variant"],
        fail: ["fa-bad"],
        unset: { pass: ["fa-unset"] },
        outOfScope,
        messages: { "fa-bad": [/siteConfig\.cors\.allowedOrigins: expected explicit origins \(no "\*"\)/] },
    });
});
