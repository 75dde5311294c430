import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/disableRemoteDebug.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    ruleCases("function-app-disable-remote-debug", {
        graph,
        pass: ["fa-good"],
        fail: ["fa-bad"],
        unset: { pass: ["fa-unset", "fa-variant"] },
        outOfScope,
    });
});
