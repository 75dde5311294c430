import * as assert from "node:assert";
import * as path from "node:path";
import { loadPackConfig } from "../../policy/config";
import { maxProgram, minimalProgram, wafAlignedProgram } from "./fixtures/trio";
import { findingsOf, fixture, tuples } from "./support/findings";

/**
 * The AcsEventHandling component in the three shapes (AVM's defaults / max / waf-aligned
 * e2e trio), each with its full finding list: what the defaults leave to the caller, what turning everything on
 * still costs, and that the Well-Architected shape is clean even under the prod pack config.
 */
describe("policy: the AcsEventHandling trio (minimal, max, WAF-aligned)", () => {
    it(
        "minimal: the defaults leave monitoring, " + "geo-redundant dead letters and the queue TTL to the caller",
        async () => {
            assert.deepStrictEqual(tuples(await findingsOf(await fixture(minimalProgram))), [
                "communication-service-require-feature-logs min-acs-acs advisory",
                "event-subscription-set-queue-message-ttl sms-subscription advisory",
                "storage-account-require-dead-letter-geo-replication min-deadletter-account advisory",
                "system-topic-require-delivery-alerts min-events-topic advisory",
                "system-topic-require-diagnostics min-events-topic advisory",
            ]);
        },
    );

    it(
        "max: every handler kind and option; left are the Logic App's key-in-URL trigger, the function's " +
            "host storage and the sandbox email quota",
        async () => {
            assert.deepStrictEqual(tuples(await findingsOf(await fixture(maxProgram))), [
                // The function and the Logic App email on the Azure-managed domain (5 a minute, 10 an hour).
                "communication-service-fit-email-quota max-acs-acs advisory",
                "event-subscription-recommend-entra-webhook sms-flow-subscription advisory",
                "storage-account-report-shared-key-exemption fn-storage advisory",
                "storage-account-require-firewall fn-storage advisory",
            ]);
        },
    );

    it(
        "WAF-aligned: no finding, not even with policy/config.prod.json " + "(tags, regions and residency raised)",
        async () => {
            const g = await fixture(wafAlignedProgram);
            assert.deepStrictEqual(tuples(await findingsOf(g)), []);
            assert.deepStrictEqual(
                tuples(await findingsOf(g, loadPackConfig(path.join(__dirname, "../../policy/config.prod.json")))),
                [],
            );
        },
    );
});
