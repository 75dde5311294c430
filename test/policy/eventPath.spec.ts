import * as assert from "node:assert";
import { Graph } from "../../harness/graph";
import { Finding } from "../../policy/evaluate";
import { accountName, eventPathsProgram } from "./fixtures/eventPath";
import { PATHS } from "./fixtures/paths";
import { fixtureMocks } from "./fixtures/raw";
import { findingsOf, fixture, ruleCases, tuples } from "./support/findings";

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
 * has its own ACS resource, topic, queue and dead-letter account, so paths cannot affect each other).
 */
describe("policy: the event path, golden and broken link by link", () => {
    let g: Graph;
    let all: Finding[];
    before(async () => {
        g = await fixture(eventPathsProgram(PATHS), { mocks: fixtureMocks });
        all = await findingsOf(g);
    });
    const graph = () => g;

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

    describe("system topic rules", () => {
        ruleCases("system-topic-require-global-location", {
            graph,
            pass: ["golden-topic"],
            fail: ["regional-topic"],
            unset: { fail: ["nolocation-topic"] },
        });
        ruleCases("system-topic-match-source-type", {
            graph,
            pass: ["golden-topic", "foreign-topic"],
            fail: ["wrongtype-topic"],
            unset: { fail: ["nosource-topic"] },
            messages: {
                "wrongtype-topic": [
                    /topicType: expected "Microsoft\.Communication\.CommunicationServices", got "Microsoft\.Storage\.StorageAccounts"/,
                ],
            },
        });
        ruleCases("system-topic-require-source-in-stack", {
            graph,
            pass: ["golden-topic"],
            fail: ["foreign-topic", "othersub-topic"],
            unset: { fail: ["nosource-topic"] },
            messages: {
                "foreign-topic": [
                    /source: expected the id of a communication\.CommunicationService in this stack/,
                    /Fix: build source from the ACS resource/,
                ],
            },
        });
        ruleCases("system-topic-require-source-in-stack", {
            graph,
            config: {
                "system-topic-require-source-in-stack": {
                    externalSources: [
                        "/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/ELSEWHERE",
                    ],
                },
            },
            pass: ["golden-topic"],
            fail: ["foreign-topic", "othersub-topic"],
            unset: { fail: ["nosource-topic"] },
            messages: {
                "othersub-topic": [
                    /an ACS resource in the topic's Azure subscription 00000000-0000-0000-0000-000000000000/,
                ],
            },
        });
        // A topic without a source joins no group: its problem is reported by the two rules above.
        ruleCases("system-topic-limit-one-per-source", {
            graph,
            pass: ["golden-topic"],
            fail: ["twotopics-topic", "twotopics-topic2"],
            unset: { pass: ["nosource-topic"] },
            messages: { "twotopics-topic": [/expected one system topic per source, got 2 .*also: twotopics-topic2/] },
        });
        ruleCases("system-topic-require-identity", {
            graph,
            pass: ["golden-topic"],
            fail: ["uai-topic"],
            unset: { fail: ["noidentity-topic", "noidentity-topic"] },
            messages: { "uai-topic": [/expected the user-assigned identity .*uai-uai on the topic/] },
        });
        ruleCases("system-topic-require-diagnostics", {
            graph,
            pass: ["golden-topic"],
            fail: ["auditonly-topic"],
            unset: { fail: ["nomonitoring-topic", "twotopics-topic2"] },
        });
        ruleCases("system-topic-require-delivery-alerts", {
            graph,
            pass: ["golden-topic", "fanout-topic"],
            fail: ["alertsfirst-topic"],
            unset: { fail: ["nomonitoring-topic", "twotopics-topic2"] },
            messages: {
                "alertsfirst-topic": [/missing DeliveryAttemptFailCount, DeadLetteredCount, DroppedEventCount/],
            },
        });
    });

    describe("delivery and dead-letter rules", () => {
        ruleCases("event-subscription-require-private-dead-letter-container", {
            graph,
            pass: ["golden-sub"],
            fail: ["publiccontainer-sub"],
            unset: { fail: ["nocontainer-sub"] },
            messages: {
                "publiccontainer-sub": [/publicAccess: expected "None", got "Blob"/],
                "nocontainer-sub": [
                    /expected a storage\.BlobContainer of the dead-letter account in this stack, got "deadletters"/,
                ],
            },
        });
        ruleCases("event-subscription-require-identity-role", {
            graph,
            pass: ["golden-sub", "uai-sub"],
            fail: ["norole-sub", "wrongrole-sub", "sibling-sub", "nodep-sub"],
            unset: { fail: ["noidentity-sub", "noidentity-sub"] },
            messages: {
                "wrongrole-sub": [
                    /expected a RoleAssignment of Azure Service Bus Data Sender \(69a216fc-b8fb-44d8-bc22-1f3c2cd27a39\).*got wrongrole-sb-sender \(role 2b629674/,
                ],
                "sibling-sub": [
                    /got sibling-sb-sender \(role 69a216fc-b8fb-44d8-bc22-1f3c2cd27a39 at .*sibling-sbns-other\)/,
                ],
                "nodep-sub": [
                    /RoleAssignment nodep-sb-sender grants Azure Service Bus Data Sender, but the subscription does not depend on it/,
                ],
            },
        });
        ruleCases("event-subscription-require-reachable-storage", {
            graph,
            pass: ["golden-sub"],
            fail: ["nobypass-sub", "keyless-sub"],
            unset: { pass: ["opendl-sub"] },
            messages: {
                "nobypass-sub": [/bypass is "None"/],
                "keyless-sub": [/allowSharedKeyAccess: false, so Event Grid cannot use an account key/],
            },
        });
        // sku is required: the reviewed "unset" case is an account no subscription dead-letters to (out of scope).
        ruleCases("storage-account-require-dead-letter-geo-replication", {
            graph,
            pass: ["stgolden"],
            fail: ["stlrs"],
            unset: { pass: ["stnodeadletter"] },
        });
        ruleCases("event-subscription-avoid-duplicate-delivery", {
            graph,
            pass: ["golden-sub", "fanout-sub-chat"],
            fail: ["duplicate-sub-duplicate"],
            unset: { pass: ["duplicate-sub"] },
            messages: {
                "duplicate-sub-duplicate": [
                    /overlaps subscription duplicate-sub, which delivers to the same handler: an event such as Microsoft\.Communication\.SMSReceived/,
                ],
            },
        });
    });
});
