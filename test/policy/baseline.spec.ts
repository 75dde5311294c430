import { Graph } from "../../harness/graph";
import { baselineProgram } from "./fixtures/baseline";
import { fixture, ruleCases } from "./support/findings";

/**
 * Resource-level baseline parity (policy-rules.md §1–§6, §9): one shared fixture, each rule with its compliant
 * resource, explicit bad value, omitted attribute (the reviewed unset decision) and spelling variants.
 */
describe("policy: baseline rules per resource type", () => {
    let g: Graph;
    before(async () => { g = await fixture(baselineProgram); });
    const graph = () => g;

    describe("storage accounts and containers", () => {
        ruleCases("storage-account-require-https", { graph, pass: ["dl-account", "st-variants"], fail: ["st-bad"], unset: { pass: ["st-unset"] }, messages: { "st-bad": [/enableHttpsTrafficOnly: expected true, got false/] } });
        ruleCases("storage-account-require-min-tls", { graph, pass: ["dl-account", "st-variants"], fail: ["st-bad"], unset: { fail: ["st-unset"] }, messages: { "st-bad": [/minimumTlsVersion: expected "TLS1_2" or "TLS1_3", got "TLS1_0"/, /Fix: /] } });
        ruleCases("storage-account-deny-public-blob-access", { graph, pass: ["dl-account", "st-nobypass"], fail: ["st-bad"], unset: { fail: ["st-unset"] } });
        ruleCases("storage-account-disable-shared-key", { graph, pass: ["dl-account", "st-variants"], fail: ["st-bad"], unset: { fail: ["st-unset"] } });
        ruleCases("storage-account-require-firewall", { graph, pass: ["dl-account", "st-nobypass", "st-variants"], fail: ["st-bad"], unset: { fail: ["st-unset"] } });
        // Only firewalled accounts need the bypass; a comma list containing AzureServices is accepted (§10.10).
        ruleCases("storage-account-allow-trusted-services", {
            graph, pass: ["dl-account", "st-variants"], fail: ["st-nobypass"], unset: { pass: ["st-unset"] }, outOfScope: ["st-bad"],
            messages: { "st-nobypass": [/networkRuleSet\.bypass: expected a list containing "AzureServices", got "None"/] },
        });
        // Accounts without containers are out of scope; a missing BlobServiceProperties is the unset case.
        ruleCases("storage-account-require-blob-soft-delete", {
            graph, pass: ["dl-account"], fail: ["st-variants", "st-variants"], unset: { fail: ["st-bad"] }, outOfScope: ["st-unset", "st-nobypass"],
            messages: { "st-variants": [/deleteRetentionPolicy: expected \{ enabled: true, days: >= 1 \}/, /containerDeleteRetentionPolicy/], "st-bad": [/BlobServiceProperties/] },
        });
        ruleCases("blob-container-deny-public-access", { graph, pass: ["dl-container"], fail: ["c-public"], unset: { pass: ["c-unset"] } });
    });

    describe("Service Bus and Event Hubs namespaces", () => {
        ruleCases("servicebus-namespace-disable-local-auth", { graph, pass: ["sbq-namespace", "sb-tls13"], fail: ["sb-bad"], unset: { fail: ["sb-unset"] } });
        ruleCases("servicebus-namespace-require-min-tls", { graph, pass: ["sbq-namespace", "sb-tls13"], fail: ["sb-bad"], unset: { fail: ["sb-unset"] }, messages: { "sb-bad": [/got "1\.0"/] } });
        ruleCases("eventhub-namespace-disable-local-auth", { graph, pass: ["ehq-namespace"], fail: ["eh-bad"], unset: { fail: ["eh-unset"] } });
        ruleCases("eventhub-namespace-require-min-tls", { graph, pass: ["ehq-namespace"], fail: ["eh-bad"], unset: { fail: ["eh-unset"] }, messages: { "eh-bad": [/got "1\.1"/] } });
    });

    describe("Communication Services", () => {
        ruleCases("communication-service-disable-local-auth", { graph, pass: ["acsc-acs", "acs-variant"], fail: ["acs-bad"], unset: { fail: ["acs-unset"] } });
        ruleCases("communication-service-require-identity", { graph, pass: ["acsc-acs", "acs-variant"], fail: ["acs-bad"], unset: { fail: ["acs-unset"] }, messages: { "acs-bad": [/identity\.type: .* got "None"/] } });
        ruleCases("communication-service-require-global-location", { graph, pass: ["acsc-acs", "acs-variant"], fail: ["acs-bad"], unset: { fail: ["acs-unset"] }, messages: { "acs-unset": [/location: expected "global", got nothing \(unset\)/] } });
        // dataLocation is required by the API, so "unset" is n/a: the reviewed case is a valid value outside a narrowed list.
        ruleCases("communication-service-restrict-data-location", { graph, pass: ["acsc-acs", "acs-variant", "acs-unset"], fail: ["acs-bad"], unset: { pass: ["acs-unset"] }, messages: { "acs-bad": [/dataLocation: expected one of .*"Europe".*got "West Europe"/] } });
        ruleCases("communication-service-restrict-data-location", {
            graph, config: { "communication-service-restrict-data-location": { allowedDataLocations: ["Europe", "UK"] } },
            pass: ["acsc-acs", "acs-variant"], fail: ["acs-bad"], unset: { fail: ["acs-unset"] }, messages: { "acs-unset": [/expected one of "Europe", "UK", got "United States"/] },
        });
    });

    describe("function apps and Logic Apps", () => {
        const outOfScope = ["web-app", "la-standard"];
        ruleCases("function-app-require-https", { graph, pass: ["fa-good", "fa-variant"], fail: ["fa-bad"], unset: { fail: ["fa-unset"] }, outOfScope });
        ruleCases("function-app-require-min-tls", { graph, pass: ["fa-good", "fa-variant"], fail: ["fa-bad"], unset: { fail: ["fa-unset"] }, outOfScope, messages: { "fa-bad": [/siteConfig\.minTlsVersion: expected "1\.2" or "1\.3", got "1\.0"/] } });
        ruleCases("function-app-disable-ftp", { graph, pass: ["fa-good", "fa-variant"], fail: ["fa-bad"], unset: { fail: ["fa-unset"] }, outOfScope });
        ruleCases("function-app-require-identity", { graph, pass: ["fa-good", "fa-variant"], fail: ["fa-bad"], unset: { fail: ["fa-unset"] }, outOfScope });
        ruleCases("function-app-disable-remote-debug", { graph, pass: ["fa-good"], fail: ["fa-bad"], unset: { pass: ["fa-unset", "fa-variant"] }, outOfScope });
        ruleCases("logic-workflow-require-enabled-state", { graph, pass: ["wf-enabled"], fail: ["wf-disabled"], unset: { pass: ["wf-unset"] } });
    });

    describe("metric alerts", () => {
        ruleCases("metric-alert-require-action-group", { graph, pass: ["alert-good"], fail: ["alert-bad"], unset: { fail: ["alert-unset"] } });
        ruleCases("metric-alert-enable-auto-mitigate", { graph, pass: ["alert-good"], fail: ["alert-bad"], unset: { fail: ["alert-unset"] } });
    });
});
