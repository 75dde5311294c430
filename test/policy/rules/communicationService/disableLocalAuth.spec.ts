import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/communicationService/disableLocalAuth.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("communication-service-disable-local-auth", {
        graph,
        pass: ["acsc-acs", "acs-variant"],
        fail: ["acs-bad"],
        unset: { fail: ["acs-unset"] },
    });
});
