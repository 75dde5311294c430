import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/enableHttp2.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    ruleCases("function-app-enable-http2", {
        graph,
        pass: ["fa-good", "fa-variant", "fn-app"],
        fail: ["fa-bad"],
        unset: { fail: ["fa-unset"] },
        outOfScope,
        messages: { "fa-bad": [/siteConfig\.http20Enabled: expected true, got false/] },
    });
});
