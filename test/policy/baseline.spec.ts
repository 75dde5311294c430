import { Graph } from "../../harness/graph";
import { baselineProgram } from "./fixtures/baseline";
import { fixture, ruleCases } from "./support/findings";

/**
 * Resource-level baseline parity (PSRule, Checkov and Azure Policy ids in policy/catalogue.ts): one shared fixture, each rule with its compliant
 * resource, explicit bad value, omitted attribute (the reviewed unset decision) and spelling variants.
 */
describe("policy: baseline rules per resource type", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(baselineProgram);
    });
    const graph = () => g;

    describe("storage accounts and containers", () => {
        ruleCases("storage-account-require-https", {
            graph,
            pass: ["dl-account", "st-variants"],
            fail: ["st-bad"],
            unset: { pass: ["st-unset"] },
            messages: { "st-bad": [/enableHttpsTrafficOnly: expected true, got false/] },
        });
        ruleCases("storage-account-require-min-tls", {
            graph,
            pass: ["dl-account", "st-variants"],
            fail: ["st-bad"],
            unset: { fail: ["st-unset"] },
            messages: { "st-bad": [/minimumTlsVersion: expected "TLS1_2" or "TLS1_3", got "TLS1_0"/, /Fix: /] },
        });
        ruleCases("storage-account-deny-public-blob-access", {
            graph,
            pass: ["dl-account", "st-nobypass"],
            fail: ["st-bad"],
            unset: { fail: ["st-unset"] },
        });
        // Functions host storage gets the reason and the order of the fix; an exemption recorded in the tag passes here
        // (the real function handler's account) and is listed by storage-account-report-shared-key-exemption instead.
        ruleCases("storage-account-disable-shared-key", {
            graph,
            pass: ["dl-account", "st-variants", "fn-storage"],
            fail: ["st-bad", "st-hostkey", "st-hostid"],
            unset: { fail: ["st-unset"] },
            messages: {
                "st-hostkey": [
                    /function app fa-hostkey connects with an account key \(AzureWebJobsStorage\), so keys cannot go first/,
                ],
                "st-hostid": [
                    /function app fa-hostid already reaches this host storage with its identity .*set allowSharedKeyAccess: false, or record why keys must stay in tag acs-event-handling:shared-key-reason/,
                ],
            },
        });
        ruleCases("storage-account-report-shared-key-exemption", {
            graph,
            pass: ["dl-account", "st-bad"],
            fail: ["fn-storage", "st-stale"],
            unset: { pass: ["st-unset"] },
            messages: {
                "fn-storage": [
                    /documented exemption: "pulumi storage\.Blob uploads the function package with account keys \(pulumi\/pulumi-azure-native#2015\)/,
                ],
                "st-stale": [/remove the stale tag/],
            },
        });
        // The function handler's host storage allows every network on purpose (its runtime is not a trusted service).
        ruleCases("storage-account-require-firewall", {
            graph,
            pass: ["dl-account", "st-nobypass", "st-variants"],
            fail: ["st-bad", "fn-storage"],
            unset: { fail: ["st-unset"] },
        });
        // Only firewalled accounts need the bypass; a comma list containing AzureServices is accepted (decision 10.10 in docs/policies.md).
        ruleCases("storage-account-allow-trusted-services", {
            graph,
            pass: ["dl-account", "st-variants"],
            fail: ["st-nobypass"],
            unset: { pass: ["st-unset"] },
            outOfScope: ["st-bad"],
            messages: {
                "st-nobypass": [/networkRuleSet\.bypass: expected a list containing "AzureServices", got "None"/],
            },
        });
        // Accounts without containers are out of scope; a missing BlobServiceProperties is the unset case.
        ruleCases("storage-account-require-blob-soft-delete", {
            graph,
            pass: ["dl-account"],
            fail: ["st-variants", "st-variants"],
            unset: { fail: ["st-bad"] },
            outOfScope: ["st-unset", "st-nobypass"],
            messages: {
                "st-variants": [
                    /deleteRetentionPolicy: expected \{ enabled: true, days: >= 1 \}/,
                    /containerDeleteRetentionPolicy/,
                ],
                "st-bad": [/BlobServiceProperties/],
            },
        });
        ruleCases("blob-container-deny-public-access", {
            graph,
            pass: ["dl-container"],
            fail: ["c-public"],
            unset: { pass: ["c-unset"] },
        });
    });

    describe("Service Bus and Event Hubs namespaces", () => {
        ruleCases("servicebus-namespace-disable-local-auth", {
            graph,
            pass: ["sbq-namespace", "sb-tls13"],
            fail: ["sb-bad"],
            unset: { fail: ["sb-unset"] },
        });
        ruleCases("servicebus-namespace-require-min-tls", {
            graph,
            pass: ["sbq-namespace", "sb-tls13"],
            fail: ["sb-bad"],
            unset: { fail: ["sb-unset"] },
            messages: { "sb-bad": [/got "1\.0"/] },
        });
        ruleCases("eventhub-namespace-disable-local-auth", {
            graph,
            pass: ["ehq-namespace"],
            fail: ["eh-bad"],
            unset: { fail: ["eh-unset"] },
        });
        ruleCases("eventhub-namespace-require-min-tls", {
            graph,
            pass: ["ehq-namespace"],
            fail: ["eh-bad"],
            unset: { fail: ["eh-unset"] },
            messages: { "eh-bad": [/got "1\.1"/] },
        });
    });

    describe("Communication Services", () => {
        ruleCases("communication-service-disable-local-auth", {
            graph,
            pass: ["acsc-acs", "acs-variant"],
            fail: ["acs-bad"],
            unset: { fail: ["acs-unset"] },
        });
        ruleCases("communication-service-require-identity", {
            graph,
            pass: ["acsc-acs", "acs-variant"],
            fail: ["acs-bad"],
            unset: { fail: ["acs-unset"] },
            messages: { "acs-bad": [/identity\.type: .* got "None"/] },
        });
        ruleCases("communication-service-require-global-location", {
            graph,
            pass: ["acsc-acs", "acs-variant"],
            fail: ["acs-bad"],
            unset: { fail: ["acs-unset"] },
            messages: { "acs-unset": [/location: expected "global", got nothing \(unset\)/] },
        });
        // dataLocation is required by the API, so "unset" is n/a: the reviewed case is a valid value outside a narrowed list.
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

    describe("function apps and Logic Apps", () => {
        const outOfScope = ["web-app", "la-standard"];
        ruleCases("function-app-require-https", {
            graph,
            pass: ["fa-good", "fa-variant"],
            fail: ["fa-bad"],
            unset: { fail: ["fa-unset"] },
            outOfScope,
        });
        ruleCases("function-app-require-min-tls", {
            graph,
            pass: ["fa-good", "fa-variant"],
            fail: ["fa-bad"],
            unset: { fail: ["fa-unset"] },
            outOfScope,
            messages: { "fa-bad": [/siteConfig\.minTlsVersion: expected "1\.2" or "1\.3", got "1\.0"/] },
        });
        ruleCases("function-app-disable-ftp", {
            graph,
            pass: ["fa-good", "fa-variant"],
            fail: ["fa-bad"],
            unset: { fail: ["fa-unset"] },
            outOfScope,
        });
        ruleCases("function-app-require-identity", {
            graph,
            pass: ["fa-good", "fa-variant"],
            fail: ["fa-bad"],
            unset: { fail: ["fa-unset"] },
            outOfScope,
        });
        ruleCases("function-app-disable-remote-debug", {
            graph,
            pass: ["fa-good"],
            fail: ["fa-bad"],
            unset: { pass: ["fa-unset", "fa-variant"] },
            outOfScope,
        });
        ruleCases("function-app-enable-http2", {
            graph,
            pass: ["fa-good", "fa-variant", "fn-app"],
            fail: ["fa-bad"],
            unset: { fail: ["fa-unset"] },
            outOfScope,
            messages: { "fa-bad": [/siteConfig\.http20Enabled: expected true, got false/] },
        });
        ruleCases("function-app-restrict-cors", {
            graph,
            pass: ["fa-good", "fa-variant"],
            fail: ["fa-bad"],
            unset: { pass: ["fa-unset"] },
            outOfScope,
            messages: { "fa-bad": [/siteConfig\.cors\.allowedOrigins: expected explicit origins \(no "\*"\)/] },
        });
        // Flex functionAppConfig.runtime (fa-good, the real handler) and linuxFxVersion in any case (fa-variant).
        ruleCases("function-app-require-supported-runtime", {
            graph,
            pass: ["fa-good", "fa-variant", "fn-app"],
            fail: ["fa-bad"],
            unset: { fail: ["fa-unset"] },
            outOfScope,
            messages: {
                "fa-bad": [/siteConfig\.linuxFxVersion: expected node 22 or later, got "node 18"/],
                "fa-unset": [/got nothing \(unset\)/],
            },
        });
        ruleCases("function-app-require-supported-runtime", {
            graph,
            config: { "function-app-require-supported-runtime": { minimumNodeVersion: 24 } },
            pass: ["fa-variant"],
            fail: ["fa-good", "fa-bad", "fn-app", "fa-hostkey", "fa-hostid"],
            unset: { fail: ["fa-unset"] },
            outOfScope,
        });
        // Flex apps (functionAppConfig) with any siteConfig get netFrameworkVersion from azure-native; the handler sends none.
        ruleCases("function-app-flex-site-config", {
            graph,
            pass: ["fn-app"],
            fail: ["fa-good", "fa-good", "fa-hostkey", "fa-hostkey", "fa-hostid", "fa-hostid"],
            unset: { pass: ["fn-app"] },
            outOfScope: [...outOfScope, "fa-variant", "fa-bad", "fa-unset"],
            messages: {
                "fa-good": [
                    /^siteConfig\.netFrameworkVersion: Flex Consumption rejects this property with ARM error 51021, got "v4\.6" \(azure-native adds it/,
                    /^siteConfig\.ftpsState: .*got "Disabled"/,
                ],
            },
        });
        // Graph rules: a missing WebAppFtpAllowed/WebAppScmAllowed child leaves basic auth on (one finding per child).
        ruleCases("function-app-disable-basic-auth", {
            graph,
            pass: ["fa-good", "fa-variant", "fn-app"],
            fail: ["fa-bad", "fa-bad"],
            unset: { fail: ["fa-unset", "fa-unset"] },
            outOfScope,
            messages: {
                "fa-bad": [
                    /web\.WebAppFtpAllowed\(name = fa-bad\)\.allow: expected false \(FTP basic auth off\), got true/,
                ],
                "fa-unset": [/no such resource, so basic auth stays on/],
            },
        });
        // App settings inline (fa-good, the real handler) or in a web.WebAppApplicationSettings child (fa-variant).
        ruleCases("function-app-require-app-insights", {
            graph,
            pass: ["fa-good", "fa-variant", "fn-app"],
            fail: ["fa-bad"],
            unset: { fail: ["fa-unset"] },
            outOfScope,
            messages: {
                "fa-bad": [/expected APPLICATIONINSIGHTS_CONNECTION_STRING .*got only FUNCTIONS_WORKER_RUNTIME/],
            },
        });
        ruleCases("logic-workflow-require-enabled-state", {
            graph,
            pass: ["wf-enabled"],
            fail: ["wf-disabled"],
            unset: { pass: ["wf-unset"] },
        });
        ruleCases("logic-workflow-require-diagnostics", {
            graph,
            pass: ["wf-enabled"],
            fail: ["wf-disabled"],
            unset: { fail: ["wf-unset"] },
            messages: { "wf-disabled": [/wf-disabled-diagnostics, without an enabled log or a destination/] },
        });
    });

    describe("metric alerts", () => {
        ruleCases("metric-alert-require-action-group", {
            graph,
            pass: ["alert-good"],
            fail: ["alert-bad"],
            unset: { fail: ["alert-unset"] },
        });
        ruleCases("metric-alert-enable-auto-mitigate", {
            graph,
            pass: ["alert-good"],
            fail: ["alert-bad"],
            unset: { fail: ["alert-unset"] },
        });
    });

    describe("Log Analytics and Application Insights", () => {
        ruleCases("log-analytics-workspace-disable-local-auth", {
            graph,
            pass: ["law-good", "fn-logs"],
            fail: ["law-bad"],
            unset: { fail: ["law-unset"] },
            messages: { "law-bad": [/features\.disableLocalAuth: expected true, got false/] },
        });
        ruleCases("app-insights-require-workspace", {
            graph,
            pass: ["ai-good", "fn-insights"],
            fail: ["ai-bad"],
            unset: { fail: ["ai-unset"] },
            messages: { "ai-bad": [/ingestionMode: expected "LogAnalytics", got "ApplicationInsights"/] },
        });
        ruleCases("app-insights-disable-local-auth", {
            graph,
            pass: ["ai-good", "fn-insights"],
            fail: ["ai-bad"],
            unset: { fail: ["ai-unset"] },
        });
    });
});
