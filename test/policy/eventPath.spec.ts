import * as assert from "node:assert";
import { Finding } from "../../policy/evaluate";
import { accountName } from "./fixtures/eventPath";
import { PATHS } from "./fixtures/paths";
import { findingsOf, tuples } from "./support/findings";
import { sharedGraph } from "./support/fixtures";

/** What each broken link must fail, exactly (one mutation per link), as (policy, resource, level). */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
    golden: [],
    foreign: ["system-topic-require-source-in-stack foreign-topic mandatory"],
    othersub: ["system-topic-require-source-in-stack othersub-topic mandatory"],
    nosource: [
        "system-topic-match-source-type nosource-topic mandatory",
        "system-topic-require-source-in-stack nosource-topic mandatory",
    ],
    regional: ["system-topic-require-global-location regional-topic mandatory"],
    nolocation: ["system-topic-require-global-location nolocation-topic mandatory"],
    wrongtype: ["system-topic-match-source-type wrongtype-topic mandatory"],
    // The second topic has no monitoring of its own and no subscription using its identity, hence the advisories.
    twotopics: [
        "system-topic-limit-one-per-source twotopics-topic mandatory",
        "system-topic-limit-one-per-source twotopics-topic2 mandatory",
        "system-topic-avoid-unused-identity twotopics-topic2 advisory",
        "system-topic-require-delivery-alerts twotopics-topic2 advisory",
        "system-topic-require-diagnostics twotopics-topic2 advisory",
    ],
    // Delivery and dead letter both use the missing identity: one finding per use, on topic and subscription.
    noidentity: [
        "event-subscription-require-identity-role noidentity-sub mandatory",
        "event-subscription-require-identity-role noidentity-sub mandatory",
        "system-topic-require-identity noidentity-topic mandatory",
        "system-topic-require-identity noidentity-topic mandatory",
    ],
    uai: ["system-topic-require-identity uai-topic mandatory"],
    norole: ["event-subscription-require-identity-role norole-sub mandatory"],
    wrongrole: ["event-subscription-require-identity-role wrongrole-sub mandatory"],
    sibling: ["event-subscription-require-identity-role sibling-sub mandatory"],
    nodep: ["event-subscription-require-identity-role nodep-sub mandatory"],
    nocontainer: ["event-subscription-require-private-dead-letter-container nocontainer-sub mandatory"],
    publiccontainer: [
        "blob-container-deny-public-access stpubliccontainer-container advisory",
        "event-subscription-require-private-dead-letter-container publiccontainer-sub mandatory",
    ],
    nobypass: [
        "event-subscription-require-reachable-storage nobypass-sub mandatory",
        "storage-account-allow-trusted-services stnobypass advisory",
    ],
    lrs: ["storage-account-require-dead-letter-geo-replication stlrs advisory"],
    keyless: [
        "event-subscription-require-reachable-storage keyless-sub mandatory",
        "storage-account-require-firewall stkeyless advisory",
    ],
    opendl: [
        "storage-account-disable-shared-key stopendl advisory",
        "storage-account-require-firewall stopendl advisory",
    ],
    nodeadletter: ["event-subscription-require-dead-letter nodeadletter-sub mandatory"],
    duplicate: ["event-subscription-avoid-duplicate-delivery duplicate-sub-duplicate mandatory"],
    fanout: [],
    alertsfirst: ["system-topic-require-delivery-alerts alertsfirst-topic advisory"],
    nomonitoring: [
        "communication-service-require-feature-logs nomonitoring-acs advisory",
        "system-topic-require-delivery-alerts nomonitoring-topic advisory",
        "system-topic-require-diagnostics nomonitoring-topic advisory",
    ],
    auditonly: ["system-topic-require-diagnostics auditonly-topic advisory"],
    typo: ["event-subscription-require-known-event-types typo-sub mandatory"],
    noslash: ["event-subscription-require-matchable-subject noslash-sub mandatory"],
};

const belongsTo = (p: string, f: Finding) =>
    f.resourceName.startsWith(`${p}-`) ||
    f.resourceName === accountName(p) ||
    f.resourceName.startsWith(`${accountName(p)}-`);

/**
 * The golden event path and one copy per broken link, in one fixture of raw azure-native resources (each path
 * has its own ACS resource, topic, queue and dead-letter account, so paths cannot affect each other). The graph is
 * the one the rule specs share; each rule's own pass/fail/unset cases on it are in test/policy/rules/.
 */
describe("policy: the event path, golden and broken link by link", () => {
    let all: Finding[];
    before(async () => {
        all = await findingsOf(await sharedGraph("eventPath"));
    });

    it("has an expectation for every path of the fixture", () => {
        assert.deepStrictEqual(Object.keys(EXPECTED).sort(), Object.keys(PATHS).sort());
    });

    it("finds nothing on the golden path", () => {
        assert.deepStrictEqual(tuples(all.filter((f) => belongsTo("golden", f))), []);
    });

    for (const [path, expected] of Object.entries(EXPECTED)) {
        if (path === "golden") continue;
        it(`${path}: fails exactly ${
            expected.length
                ? expected
                      .map((e) => e.split(" ")[0])
                      .filter((x, i, a) => a.indexOf(x) === i)
                      .join(", ")
                : "nothing"
        }`, () => {
            assert.deepStrictEqual(tuples(all.filter((f) => belongsTo(path, f))), [...expected].sort());
        });
    }

    it("reports nothing outside the paths", () => {
        assert.deepStrictEqual(
            all.filter((f) => !Object.keys(PATHS).some((p) => belongsTo(p, f))).map((f) => f.resourceName),
            [],
        );
    });
});
