/**
 * A rule may be mandatory only where Azure or the payload make the configuration impossible, and then it says
 * which Azure behaviour that is, with a public source. The rules built on event facts (types, subjects, payload
 * keys) are checked by name; every other rule that is mandatory in the pack default or in policy/config.prod.json
 * must state its behaviour too, and say "mandatory by our choice" where Azure accepts the configuration. Advisory
 * rules carry their evidence in `why` instead.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../harness/runStack";
import { CATALOGUE } from "../../policy/catalogue";

/** Rules a shipped config raises to mandatory: they must name the Azure behaviour (or say it is our choice) too. */
function raisedToMandatory(configFile: string): Set<string> {
    const config = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, configFile), "utf8")) as Record<string, unknown>;
    return new Set(
        Object.entries(config)
            .filter(
                ([, v]) =>
                    v === "mandatory" ||
                    (typeof v === "object" &&
                        (v as { enforcementLevel?: unknown } | null)?.enforcementLevel === "mandatory"),
            )
            .map(([k]) => k),
    );
}

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

    describe("every rule that is mandatory in the pack default or in policy/config.prod.json", () => {
        const prod = raisedToMandatory("policy/config.prod.json");
        const mandatory = CATALOGUE.filter((e) => e.policy.enforcementLevel === "mandatory" || prod.has(e.policy.name));

        it("covers the pack's mandatory rules and every rule the prod config raises", () => {
            const names = new Set(CATALOGUE.map((e) => e.policy.name));
            for (const name of prod) assert.ok(names.has(name), `config.prod.json names an unknown rule: ${name}`);
            assert.ok(mandatory.length >= 40, `only ${mandatory.length} mandatory rules found`);
        });

        for (const e of mandatory) {
            it(`${e.policy.name} states the Azure behaviour behind its level, with a public URL`, () => {
                const behaviour = e.azureBehaviour ?? "";
                assert.ok(behaviour.length > 60, `${e.policy.name}: azureBehaviour missing or too short`);
                assert.match(behaviour, /https:\/\/[\w.-]+\.(?:com|net|org)\/\S+/, `${e.policy.name}: no public URL`);
                assert.doesNotMatch(behaviour, /\bU\d+\b/, `${e.policy.name}: cites an undocumented-case id`);
            });
        }
    });
});
