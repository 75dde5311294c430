import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/communicationService/restrictDataLocation.ts", () => {
    const graph = useSharedGraph("baseline");

    // dataLocation is required by the API, so "unset" is n/a: the reviewed case is a valid value outside a narrowed
    // list.
    ruleCases("communication-service-restrict-data-location", {
        graph,
        pass: ["acsc-acs", "acs-variant", "acs-unset"],
        fail: ["acs-bad"],
        unset: { pass: ["acs-unset"] },
        messages: { "acs-bad": [/dataLocation: expected one of .*"Europe".*got "West Europe"/] },
    });

    ruleCases("communication-service-restrict-data-location", {
        graph,
        config: { "communication-service-restrict-data-location": { allowedDataLocations: ["Europe", "UK"] } },
        pass: ["acsc-acs", "acs-variant"],
        fail: ["acs-bad"],
        unset: { fail: ["acs-unset"] },
        messages: { "acs-unset": [/expected one of "Europe", "UK", got "United States"/] },
    });
});
