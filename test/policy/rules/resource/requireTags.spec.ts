import * as assert from "node:assert";
import { findingsOf, ruleCases, tuples } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/resource/requireTags.ts", () => {
    const graph = useSharedGraph("organisation");
    const tags = { "resource-require-tags": { requiredTags: ["owner"] } };

    it("is not applicable until configured (default: no required tags)", async () => {
        const findings = (await findingsOf(graph())).filter((f) => f.policy === "resource-require-tags");
        assert.deepStrictEqual(tuples(findings), []);
    });

    // Tag names compare without case; a container is not taggable.
    ruleCases("resource-require-tags", {
        graph,
        config: tags,
        pass: ["org-ok", "org-case", "org-acs", "org-alerts"],
        fail: ["org-notag"],
        unset: { fail: ["org-untagged"] },
        outOfScope: ["org-container"],
        messages: {
            "org-notag": [/^tags: expected the keys "owner", got \["environment"\] \(missing owner\)/],
            "org-untagged": [/got nothing \(unset\)/],
        },
    });
});
