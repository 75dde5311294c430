import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/communicationService/requireIdentity.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("communication-service-require-identity", {
        graph,
        pass: ["acsc-acs", "acs-variant"],
        fail: ["acs-bad"],
        unset: { fail: ["acs-unset"] },
        messages: { "acs-bad": [/identity\.type: .* got "None"/] },
    });
});
