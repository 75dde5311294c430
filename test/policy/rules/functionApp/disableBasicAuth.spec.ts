import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/functionApp/disableBasicAuth.ts", () => {
    const graph = useSharedGraph("baseline");
    const outOfScope = ["web-app", "la-standard"];

    // Graph rules: a missing WebAppFtpAllowed/WebAppScmAllowed child leaves basic auth on (one finding per child).
    ruleCases("function-app-disable-basic-auth", {
        graph,
        pass: ["fa-good", "fa-variant", "fn-app"],
        fail: ["fa-bad", "fa-bad"],
        unset: { fail: ["fa-unset", "fa-unset"] },
        outOfScope,
        messages: {
            "fa-bad": [
                /web\.WebAppFtpAllowed\(name = fa-bad\)\.allow: expected false \(FTP basic auth off\), got true/,
            ],
            "fa-unset": [/no such resource, so basic auth stays on/],
        },
    });
});
