import * as assert from "node:assert";
import { findingsOf, ruleCases, tuples } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/resource/restrictLocations.ts", () => {
    const graph = useSharedGraph("organisation");
    const regions = { "resource-restrict-locations": { allowedLocations: ["westeurope", "northeurope"] } };

    it("is not applicable until configured (default: no region list)", async () => {
        const findings = (await findingsOf(graph())).filter((f) => f.policy === "resource-restrict-locations");
        assert.deepStrictEqual(tuples(findings), []);
    });

    // Display names are normalised; global is valid only for the global-only types.
    ruleCases("resource-restrict-locations", {
        graph,
        config: regions,
        pass: ["org-ok", "org-case", "org-acs", "org-alerts"],
        fail: ["org-eastus", "org-global"],
        unset: { pass: ["org-noloc"] },
        outOfScope: ["org-container"],
        messages: {
            "org-global": [/got "global"\. Fix: .*"global" is only valid for ACS/],
            "org-eastus": [/expected one of "westeurope", "northeurope", got "eastus"/],
        },
    });
});
