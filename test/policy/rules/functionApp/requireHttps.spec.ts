import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/requireHttps.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    ruleCases("function-app-require-https", {
        graph,
        pass: ["fa-good", "fa-variant"],
        fail: ["fa-bad"],
        unset: { fail: ["fa-unset"] },
        outOfScope,
    });
});
