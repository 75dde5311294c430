import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/disableFtp.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    ruleCases("function-app-disable-ftp", {
        graph,
        pass: ["fa-good", "fa-variant"],
        fail: ["fa-bad"],
        unset: { fail: ["fa-unset"] },
        outOfScope,
    });
});
