import * as assert from "node:assert";
import { Graph } from "../../harness/graph";
import { organisationProgram, residencyProgram } from "./fixtures/residency";
import { findingsOf, fixture, ruleCases, tuples } from "./support/findings";

/**
 * Where event data goes and what explains it (https://learn.microsoft.com/azure/communication-services/concepts/privacy, https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics), and the organisation-wide rules
 * (tags, regions), which are not applicable until configured.
 */
describe("policy: data residency and ACS feature logs", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(residencyProgram);
    });
    const graph = () => g;

    // Queue account, Service Bus namespace, function app (its telemetry stays in Europe), Logic App, dead-letter
    // account and a workspace receiving the ACS logs, each outside Europe once; a namespace without location is not judged.
    ruleCases("communication-service-keep-event-path-in-geography", {
        graph,
        pass: [
            "steuqueue",
            "steuqueuedisplay",
            "steudl",
            "eu-app-insights",
            "eu-app-logs",
            "eu-logs",
            "stusqueue",
            "stusdl",
        ],
        fail: ["steuqueueus", "eu-sbns-us", "eu-app-us", "eu-wf-us", "steudlus", "eu-logs-us"],
        unset: { pass: ["eu-sbns-noloc"] },
        outOfScope: ["stxxqueue"],
        messages: {
            steuqueueus: [
                /^location: expected a region of ACS eu-acs's data location "Europe" \(northeurope, westeurope, .*\) for the queue handler of eu-queue-us, got "eastus"/,
            ],
            "eu-app-us": [/function handler of eu-fn-us/],
            "eu-wf-us": [/webhook handler of eu-hook-wf/],
            steudlus: [/dead letters of eu-dl-us/],
            "eu-logs-us": [/logs of eu-acs/],
        },
    });
    // The map is configuration: a strict reading of "Europe" (Azure's Europe geography) and an allowance for eastus.
    ruleCases("communication-service-keep-event-path-in-geography", {
        graph,
        config: {
            "communication-service-keep-event-path-in-geography": {
                geographies: { Europe: ["westeurope", "northeurope", "eastus"], "United States": ["eastus"] },
            },
        },
        pass: ["steuqueue", "steuqueueus", "eu-app-us", "stusqueue"],
        fail: ["stusdl"],
        unset: { pass: ["eu-sbns-noloc"] },
    });

    // SMS, Email and Chat need their categories (allLogs covers all); calling has none mapped; an ACS resource without routes needs nothing.
    ruleCases("communication-service-require-feature-logs", {
        graph,
        pass: ["eu-acs", "logs-all-acs", "logs-calls-acs", "us-acs"],
        fail: ["logs-email-acs", "logs-nodest-acs", "logs-off-acs"],
        unset: { fail: ["logs-none-acs"] },
        outOfScope: ["logs-idle-acs"],
        messages: {
            "logs-email-acs": [
                /expected enabled categories EmailStatusUpdateOperational \(for logs-email-sub\) with a destination, got settings logs-email-diagnostics without them/,
            ],
            "logs-none-acs": [/SMSOperational \(for logs-none-sub\).*got no diagnostic setting on the resource/],
        },
    });
});

describe("policy: organisation rules (tags, regions)", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(organisationProgram);
    });
    const graph = () => g;
    const tags = { "resource-require-tags": { requiredTags: ["owner"] } };
    const regions = { "resource-restrict-locations": { allowedLocations: ["westeurope", "northeurope"] } };

    it("are not applicable until configured (default: no required tags, no region list)", async () => {
        const findings = (await findingsOf(g)).filter((f) => f.policy.startsWith("resource-"));
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
