import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/communicationService/requireGlobalLocation.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("communication-service-require-global-location", {
        graph,
        pass: ["acsc-acs", "acs-variant"],
        fail: ["acs-bad"],
        unset: { fail: ["acs-unset"] },
        messages: { "acs-unset": [/location: expected "global", got nothing \(unset\)/] },
    });
});
