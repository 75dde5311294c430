/**
 * Decisions the pack takes where the trusted rule sets disagree or where Event Grid forces a choice
 * (numbered as in the research notes they came from). Data, so docs/policies.md is generated from the same source the
 * rules cite.
 */
export interface Decision {
    readonly id: string;
    readonly title: string;
    /** The conflict or question, with its evidence. */
    readonly conflict: string;
    /** What the pack does. */
    readonly decision: string;
    /** Policies that implement it. */
    readonly policies: readonly string[];
}

export const LEVEL_POLICY =
    "A rule is **mandatory** when violating it breaks the deployment (ARM rejects it) or the delivery (events are " +
    "lost, duplicated or never match), and **advisory** when it is hygiene. Three exceptions are mandatory although " +
    "nothing breaks, because the damage cannot be undone later: a public dead-letter container (publishes event " +
    "data), a credential header not marked secret (leaks the credential to every reader) and the ACS data location " +
    "(fixed at creation). Every level can be changed per policy through the pack config.";

export const DECISIONS: readonly Decision[] = [
    {
        id: "10.1",
        title: "Public network access on a push target",
        conflict:
            "CKV_AZURE_221/222 and Azure Policy 969ac98b want function apps to disable public network access; Event " +
            "Grid push delivery (AzureFunction, WebHook) cannot use private endpoints " +
            "(https://learn.microsoft.com/azure/event-grid/consume-private-endpoints).",
        decision:
            "An app that receives Event Grid pushes must keep public access (deliveries are still authenticated: " +
            "system key for AzureFunction, Entra or a key for WebHook); violating that is mandatory, because every " +
            "delivery would fail. An app that must be private receives events through a Service Bus or Storage queue " +
            "with identity delivery instead, or is listed in `exemptApps` with a tested private path. Parity with " +
            "969ac98b is kept, scoped: apps nothing pushes to are asked (advisory) to disable public access.",
        policies: ["function-app-allow-push-delivery", "function-app-restrict-public-network"],
    },
    {
        id: "10.2",
        title: "Easy Auth in front of a Function",
        conflict:
            "CKV_AZURE_56 and Azure Policy c75248c1 want App Service authentication on; deliveries to an Easy-Auth " +
            "app are reported failing with outcome=Unauthorized " +
            "(https://github.com/Azure/azure-functions-eventgrid-extension/issues/103, unconfirmed by Microsoft).",
        decision:
            "The pack does not require Easy Auth (no parity rule for CKV_AZURE_56 / c75248c1). Where Easy Auth is on " +
            "for an app that receives pushes, `globalValidation.excludedPaths` must contain " +
            "`/runtime/webhooks/eventgrid` (the Event Grid extension checks its system key itself), or " +
            "unauthenticated requests must be allowed through, or the app is listed in `exemptApps`; otherwise " +
            "mandatory. Verify the exclusion on the first real deployment.",
        policies: ["function-app-allow-event-grid-auth"],
    },
    {
        id: "10.3",
        title: "Unset properties",
        conflict:
            "PSRule fails on missing values except where it codes a default, Checkov's negative checks pass on " +
            "missing, Azure Policy treats missing as non-compliant.",
        decision:
            "Fail on unset unless the pinned API guarantees the secure default; each rule's table row says which " +
            "(column Unset). Unknown values during preview are never a pass: the SDK reports \"can't run … during " +
            'preview". Links between resources are followed by URN whenever an input has property dependencies, so ' +
            "only rules that truly need ids wait for them.",
        policies: [],
    },
    {
        id: "10.4",
        title: "API-version-dependent ACS properties",
        conflict: "`disableLocalAuth` and `publicNetworkAccess` exist from API 2025-05-01, `identity` from 2023-04-01.",
        decision:
            "azure-native 3.28 sends 2026-03-18, so they are required. policy/lib/apiVersions.ts records the pinned " +
            'version; if it ever drops below a rule\'s minimum, the rule reports "upgrade to enforce" instead. A ' +
            "test fails when the installed azure-native sends a different version than recorded.",
        policies: ["communication-service-disable-local-auth", "communication-service-require-identity"],
    },
    {
        id: "10.6",
        title: "Storage lockdown vs Event Grid",
        conflict:
            "Checkov/PSRule want the storage firewall on (Deny); Event Grid then reaches dead-letter and queue " +
            "accounts only as a trusted service with the topic's system-assigned identity.",
        decision:
            "The firewall rules stay advisory; the Event Grid path is checked separately and is mandatory (bypass " +
            "AzureServices, SystemAssigned identity, identity-based access when shared keys are off).",
        policies: [
            "storage-account-require-firewall",
            "storage-account-allow-trusted-services",
            "event-subscription-require-reachable-storage",
        ],
    },
    {
        id: "10.6 (host storage)",
        title: "Shared keys on Functions host storage",
        conflict:
            "The storage rule sets ask to exempt Functions host storage from storage-account-disable-shared-key when " +
            "the app uses identity-based AzureWebJobsStorage__* settings and the account is tagged resource-usage: " +
            "azure-functions. But an identity-based host needs no keys at all, so that exemption would hide keys " +
            "nothing on the host side uses. Our own function account shows it: the app is identity-based, yet the " +
            "account keeps keys because Pulumi's storage.Blob uploads the code package with account keys " +
            "(https://github.com/pulumi/pulumi-azure-native/issues/2015).",
        decision:
            "No silent exemption, and the resource-usage tag is not a reason. For host storage the rule names the " +
            "app and the way out: with a key-based AzureWebJobsStorage connection string, move the app to identity " +
            "settings first; with identity settings, keys can go now. An account that must keep keys records why in " +
            "the tag `acs-event-handling:shared-key-reason` (on the resource, visible in Azure); it then passes the " +
            "rule and is listed, with the reason, by storage-account-report-shared-key-exemption in every plan (a " +
            "stale tag on a key-less account is reported too). The rule can therefore be raised to mandatory without " +
            "blocking documented exceptions. The function handler tags its account this way; remove the tag when " +
            "azure-native uploads blobs with Entra ID.",
        policies: ["storage-account-disable-shared-key", "storage-account-report-shared-key-exemption"],
    },
    {
        id: "10.7",
        title: "Geo-replication scope",
        conflict: "CKV_AZURE_206 wants every account geo-redundant; PSRule exempts host/monitoring accounts.",
        decision:
            "Only the dead-letter account (the one copy of undeliverable events) must be geo-redundant; advisory, " +
            "since dev keeps LRS on purpose.",
        policies: ["storage-account-require-dead-letter-geo-replication"],
    },
    {
        id: "10.8",
        title: "Managed identity on the global ACS system topic",
        conflict:
            "PSRule's AZR-000099 skips global topics (a 2021 limitation); current docs support identity on " +
            "global sources.",
        decision: "Required whenever a subscription delivers or dead-letters with the topic's identity; mandatory.",
        policies: ["system-topic-require-identity", "event-subscription-require-identity-role"],
    },
    {
        id: "11 #13",
        title: "Identity delivery to queues, Service Bus and Event Hubs",
        conflict:
            "WAF and https://learn.microsoft.com/azure/event-grid/managed-service-identity want " +
            "deliveryWithResourceIdentity for resource destinations. Without it Event Grid does not need connection " +
            "information: it fetches the destination's access keys with its own service principal " +
            "(https://learn.microsoft.com/azure/event-grid/security-authentication), so keyed delivery works as long " +
            "as the target accepts keys.",
        decision:
            "Advisory where it is hygiene (the target accepts keys), mandatory where delivery breaks: a Service Bus " +
            "or Event Hubs namespace with disableLocalAuth: true refuses keys " +
            "(event-subscription-require-reachable-namespace; reported for Event Hubs in " +
            "https://github.com/Azure/telescope/pull/446), and a key-less storage account is already " +
            "event-subscription-require-reachable-storage. A topic identity no subscription uses is reported " +
            "(advisory).",
        policies: [
            "event-subscription-require-identity-delivery",
            "event-subscription-require-reachable-namespace",
            "system-topic-avoid-unused-identity",
        ],
    },
    {
        id: "11 #31",
        title: "Data residency along the event path",
        conflict:
            "Azure Policy 93c45b74 checks only the ACS dataLocation; the events (phone numbers, message text) also " +
            'land in handlers, dead letters and workspaces. "Europe" is ambiguous: Azure\'s Europe geography is ' +
            "North and West Europe only, while residency rules usually mean EU/EFTA regions.",
        decision:
            "A small map in policy/lib/geography.ts from each ACS data location to ARM regions, with Europe = EU and " +
            "EFTA regions (UK, Switzerland and Norway are also data locations of their own); the `geographies` " +
            "config replaces it (e.g. the strict Azure reading). Resources without a location and unknown data " +
            "locations are not judged. Advisory.",
        policies: ["communication-service-keep-event-path-in-geography"],
    },
    {
        id: "retry",
        title: "Retry budget",
        conflict:
            "Event Grid's schedule fits only so many attempts into a TTL (11 in the default 24 h), so an attempts " +
            "value above that does nothing.",
        decision:
            "Reported (advisory) when a subscription sets fewer than 30 attempts but more than the schedule fits; " +
            '30, the maximum, means "let the TTL decide" and is not reported.',
        policies: ["event-subscription-fit-retry-budget"],
    },
];
