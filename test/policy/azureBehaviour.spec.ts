/**
 * A rule may be mandatory only where Azure or the payload make the configuration impossible, and then it says
 * which Azure behaviour that is, with a public source. Checked for the rules built on event facts (types,
 * subjects, payload keys), whose evidence the catalog generator provides; advisory rules carry their evidence
 * in `why` instead.
 */
import * as assert from "node:assert";
import { CATALOGUE } from "../../policy/catalogue";

const EVENT_FACT_RULES = [
    "event-subscription-require-known-event-types",
    "event-subscription-require-matchable-subject",
    "event-subscription-require-array-filtering",
    "event-subscription-require-known-filter-keys",
    "event-subscription-match-schema-keys",
];

describe("policy: mandatory rules name the Azure behaviour behind them", () => {
    for (const name of EVENT_FACT_RULES) {
        it(`${name} is mandatory and cites a public source for the behaviour`, () => {
            const e = CATALOGUE.find((c) => c.policy.name === name);
            assert.ok(e, name);
            assert.strictEqual(e.policy.enforcementLevel, "mandatory");
            assert.match(e.azureBehaviour ?? "", /https:\/\/(learn\.microsoft\.com|github\.com)\//);
            // No research-note codes: test/meta/citations.spec.ts checks every line of policy/catalogue.ts.
            assert.doesNotMatch(
                e.azureBehaviour ?? "",
                /\bU\d+\b/,
                "no undocumented-case ids: the behaviour is documented",
            );
        });
    }

    it("keeps the rules whose evidence is indirect advisory, with the evidence in why", () => {
        for (const name of ["event-subscription-match-key-case", "event-subscription-avoid-array-item-keys"]) {
            const e = CATALOGUE.find((c) => c.policy.name === name)!;
            assert.strictEqual(e.policy.enforcementLevel, "advisory", name);
            assert.ok(e.why.length > 40, name);
        }
        assert.match(
            CATALOGUE.find((c) => c.policy.name === "event-subscription-match-key-case")!.why,
            /call-center-ai/,
        );
    });
});
