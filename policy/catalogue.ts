/**
 * The rule catalogue: every policy of the pack with its anchors (PSRule, Checkov, Azure Policy ids and public URLs),
 * pillar, unset decision and fix. `policies.ts` builds the pack from it, `evaluate.ts` runs it offline and
 * `scripts/gen-policy-docs.ts` turns it into docs/policies.md. Order = order in the docs.
 */
import { HarnessCheck, RuleEntry } from "./lib/rule";
import { appInsightsDisableLocalAuth } from "./rules/appInsights/disableLocalAuth";
import { appInsightsRequireWorkspace } from "./rules/appInsights/requireWorkspace";
import { communicationServiceKeepEventPathInGeography } from "./rules/communicationService/keepEventPathInGeography";
import { communicationServiceRequireFeatureLogs } from "./rules/communicationService/requireFeatureLogs";
import { communicationServiceFitEmailQuota } from "./rules/communicationService/fitEmailQuota";
import { eventSubscriptionAvoidNearExpiration } from "./rules/eventSubscription/avoidNearExpiration";
import { eventSubscriptionAvoidPastExpiration } from "./rules/eventSubscription/avoidPastExpiration";
import { eventSubscriptionLimitDeliveryHeaders } from "./rules/eventSubscription/limitDeliveryHeaders";
import { eventSubscriptionLimitPushBatch } from "./rules/eventSubscription/limitPushBatch";
import { eventSubscriptionRequireIdentityDelivery } from "./rules/eventSubscription/requireIdentityDelivery";
import { eventSubscriptionRequireReachableNamespace } from "./rules/eventSubscription/requireReachableNamespace";
import { eventSubscriptionRequireServiceBusEntity } from "./rules/eventSubscription/requireServiceBusEntity";
import { eventSubscriptionRequireSessionIdMapping } from "./rules/eventSubscription/requireSessionIdMapping";
import { eventSubscriptionSetQueueMessageTtl } from "./rules/eventSubscription/setQueueMessageTtl";
import { functionAppDisableBasicAuth } from "./rules/functionApp/disableBasicAuth";
import { functionAppEnableHttp2 } from "./rules/functionApp/enableHttp2";
import { functionAppFlexSiteConfig } from "./rules/functionApp/flexSiteConfig";
import { functionAppRequireAppInsights } from "./rules/functionApp/requireAppInsights";
import { functionAppRequireSupportedRuntime } from "./rules/functionApp/requireSupportedRuntime";
import { functionAppRestrictCors } from "./rules/functionApp/restrictCors";
import { logAnalyticsWorkspaceDisableLocalAuth } from "./rules/logAnalyticsWorkspace/disableLocalAuth";
import { logicWorkflowRequireDiagnostics } from "./rules/logicWorkflow/requireDiagnostics";
import { resourceRequireTags } from "./rules/resource/requireTags";
import { roleAssignmentDenyBroadHandlerRole } from "./rules/roleAssignment/denyBroadHandlerRole";
import { roleAssignmentRequireKnownRole } from "./rules/roleAssignment/requireKnownRole";
import { resourceRestrictLocations } from "./rules/resource/restrictLocations";
import { serviceBusTopicRequireStandardTier } from "./rules/serviceBusTopic/requireStandardTier";
import { storageAccountReportSharedKeyExemption } from "./rules/storageAccount/reportSharedKeyExemption";
import { systemTopicAvoidUnusedIdentity } from "./rules/systemTopic/avoidUnusedIdentity";
import { systemTopicLimitSubscriptions } from "./rules/systemTopic/limitSubscriptions";
import { blobContainerDenyPublicAccess } from "./rules/blobContainer/denyPublicAccess";
import { communicationServiceDisableLocalAuth } from "./rules/communicationService/disableLocalAuth";
import { communicationServiceRequireGlobalLocation } from "./rules/communicationService/requireGlobalLocation";
import { communicationServiceRequireIdentity } from "./rules/communicationService/requireIdentity";
import { communicationServiceRestrictDataLocation } from "./rules/communicationService/restrictDataLocation";
import { eventHubNamespaceDisableLocalAuth } from "./rules/eventHubNamespace/disableLocalAuth";
import { eventHubNamespaceRequireMinTls } from "./rules/eventHubNamespace/requireMinTls";
import { eventSubscriptionAvoidDuplicateDelivery } from "./rules/eventSubscription/avoidDuplicateDelivery";
import { eventSubscriptionAvoidNeverMatch } from "./rules/eventSubscription/avoidNeverMatch";
import { eventSubscriptionFitRetryBudget } from "./rules/eventSubscription/fitRetryBudget";
import { eventSubscriptionGuardNotInMissingKey } from "./rules/eventSubscription/guardNotInMissingKey";
import { eventSubscriptionKeepEndpointUrlSecret } from "./rules/eventSubscription/keepEndpointUrlSecret";
import { eventSubscriptionKeepHeaderSecret } from "./rules/eventSubscription/keepHeaderSecret";
import { eventSubscriptionLimitAdvancedFilters } from "./rules/eventSubscription/limitAdvancedFilters";
import { eventSubscriptionLimitRetryRange, range } from "./rules/eventSubscription/limitRetryRange";
import { eventSubscriptionAvoidArrayItemKeys } from "./rules/eventSubscription/avoidArrayItemKeys";
import { eventSubscriptionMatchKeyCase } from "./rules/eventSubscription/matchKeyCase";
import { eventSubscriptionMatchSchemaKeys } from "./rules/eventSubscription/matchSchemaKeys";
import { eventSubscriptionRecommendEntraWebhook } from "./rules/eventSubscription/recommendEntraWebhook";
import { eventSubscriptionReportOverlappingRoutes } from "./rules/eventSubscription/reportOverlappingRoutes";
import { eventSubscriptionRequireArrayFiltering } from "./rules/eventSubscription/requireArrayFiltering";
import { eventSubscriptionRequireDeadLetter } from "./rules/eventSubscription/requireDeadLetter";
import { eventSubscriptionRequireEventTypes } from "./rules/eventSubscription/requireEventTypes";
import { eventSubscriptionRequireExclusiveDestination } from "./rules/eventSubscription/requireExclusiveDestination";
import { eventSubscriptionRequireFunctionDeployment } from "./rules/eventSubscription/requireFunctionDeployment";
import { eventSubscriptionRequireHttpsWebhook } from "./rules/eventSubscription/requireHttpsWebhook";
import { eventSubscriptionRequireIdentityRole } from "./rules/eventSubscription/requireIdentityRole";
import { eventSubscriptionRequireKnownEventTypes } from "./rules/eventSubscription/requireKnownEventTypes";
import { eventSubscriptionRequireKnownFilterKeys } from "./rules/eventSubscription/requireKnownFilterKeys";
import { eventSubscriptionRequireMatchableSubject } from "./rules/eventSubscription/requireMatchableSubject";
// biome-ignore format: Biome keeps a one-name import on one line, and this one would pass 120 characters
import {
    eventSubscriptionRequirePrivateDeadLetterContainer,
} from "./rules/eventSubscription/requirePrivateDeadLetterContainer";
import { eventSubscriptionRequireReachableStorage } from "./rules/eventSubscription/requireReachableStorage";
import { eventSubscriptionRequireSecretAuthHeader } from "./rules/eventSubscription/requireSecretAuthHeader";
import { eventSubscriptionRequireWebhookTls } from "./rules/eventSubscription/requireWebhookTls";
import { functionAppAllowEventGridAuth } from "./rules/functionApp/allowEventGridAuth";
import { functionAppAllowPushDelivery } from "./rules/functionApp/allowPushDelivery";
import { functionAppDisableFtp } from "./rules/functionApp/disableFtp";
import { functionAppDisableRemoteDebug } from "./rules/functionApp/disableRemoteDebug";
import { functionAppRequireHttps } from "./rules/functionApp/requireHttps";
import { functionAppRequireIdentity } from "./rules/functionApp/requireIdentity";
import { functionAppRequireMinTls } from "./rules/functionApp/requireMinTls";
import { functionAppRestrictPublicNetwork } from "./rules/functionApp/restrictPublicNetwork";
import { logicWorkflowRequireEnabledState } from "./rules/logicWorkflow/requireEnabledState";
import { metricAlertEnableAutoMitigate } from "./rules/metricAlert/enableAutoMitigate";
import { metricAlertRequireActionGroup } from "./rules/metricAlert/requireActionGroup";
import { serviceBusNamespaceDisableLocalAuth } from "./rules/serviceBusNamespace/disableLocalAuth";
import { serviceBusNamespaceRequireMinTls } from "./rules/serviceBusNamespace/requireMinTls";
import { storageAccountAllowTrustedServices } from "./rules/storageAccount/allowTrustedServices";
import { storageAccountDenyPublicBlobAccess } from "./rules/storageAccount/denyPublicBlobAccess";
import { storageAccountDisableSharedKey } from "./rules/storageAccount/disableSharedKey";
import { storageAccountRequireBlobSoftDelete } from "./rules/storageAccount/requireBlobSoftDelete";
import { storageAccountRequireDeadLetterGeoReplication } from "./rules/storageAccount/requireDeadLetterGeoReplication";
import { storageAccountRequireFirewall } from "./rules/storageAccount/requireFirewall";
import { storageAccountRequireHttps } from "./rules/storageAccount/requireHttps";
import { storageAccountRequireMinTls } from "./rules/storageAccount/requireMinTls";
import { systemTopicLimitOnePerSource } from "./rules/systemTopic/limitOnePerSource";
import { systemTopicMatchSourceType } from "./rules/systemTopic/matchSourceType";
import { systemTopicRequireDeliveryAlerts } from "./rules/systemTopic/requireDeliveryAlerts";
import { systemTopicRequireDiagnostics } from "./rules/systemTopic/requireDiagnostics";
import { systemTopicRequireGlobalLocation } from "./rules/systemTopic/requireGlobalLocation";
import { systemTopicRequireIdentity } from "./rules/systemTopic/requireIdentity";
import { systemTopicRequireSourceInStack } from "./rules/systemTopic/requireSourceInStack";

export const PACK_NAME = "acs-event-handling";

const HYGIENE = "hygiene: nothing breaks at deploy or delivery time";
const DEPLOY = "ARM rejects the deployment";
const DELIVERY = "the deployment succeeds but events are lost, duplicated or never match";
const MONITORING = "for now: monitoring is new in the components; raise it once every stack has it";
const CONFLICT = "every push delivery to the app fails; this resolves a conflict between rule sets (see Decisions)";

export const CATALOGUE: readonly RuleEntry[] = [
    // Storage (dead-letter storage, queue targets)
    {
        policy: storageAccountRequireHttps,
        anchors: [
            "PSR Azure.Storage.SecureTransfer (AZR-000196)",
            "CKV_AZURE_3",
            "POL 404c3081-a854-4457-ae30-26a93ef643f9",
        ],
        pillar: "security",
        unset: "pass",
        fix: "enableHttpsTrafficOnly: true (ARM default since API 2019-04-01)",
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts an account that allows HTTP; mandatory in prod by our choice because Azure then " +
            "serves dead letters, queued events and SAS-signed requests over unencrypted HTTP " +
            "(https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer), per Azure " +
            "Policy 404c3081 and PSRule Azure.Storage.SecureTransfer",
    },
    {
        policy: storageAccountRequireMinTls,
        anchors: ["PSR Azure.Storage.MinTLS (AZR-000200)", "CKV_AZURE_44", "POL fe83a0eb-a853-422d-aac2-1bffd182c5d0"],
        pillar: "security",
        unset: "fail",
        fix: 'minimumTlsVersion: "TLS1_2"',
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts TLS 1.0/1.1 clients when minimumTlsVersion allows them; mandatory in prod by our " +
            "choice because those versions are deprecated (https://learn.microsoft.com/azure/storage/common/" +
            "transport-layer-security-configure-minimum-version), per Azure Policy fe83a0eb",
    },
    {
        policy: storageAccountDenyPublicBlobAccess,
        anchors: [
            "PSR Azure.Storage.BlobPublicAccess (AZR-000198)",
            "CKV_AZURE_190 (TF)",
            "CKV2_AZURE_47 (TF)",
            "POL 4fa4b6c0-31ca-4c0d-b10d-24b96f62a751",
        ],
        pillar: "security",
        unset: "fail",
        fix: "allowBlobPublicAccess: false",
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts it and then lets any container be switched to anonymous read " +
            "(https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent); mandatory in prod by " +
            "our choice because dead letters hold phone numbers and message text, per Azure Policy 4fa4b6c0",
    },
    {
        policy: storageAccountDisableSharedKey,
        anchors: [
            "PSR Azure.Storage.LocalAuth (AZR-000497)",
            "CKV2_AZURE_40 (TF)",
            "POL 8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54",
            "https://learn.microsoft.com/azure/event-grid/consume-private-endpoints",
        ],
        pillar: "security",
        unset: "fail",
        fix:
            "allowSharedKeyAccess: false, with data-plane roles for every writer; or the reason keys must stay " +
            "in tag acs-event-handling:shared-key-reason",
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts shared-key access, which grants full access to whoever holds an account key " +
            "(https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent); mandatory " +
            "in prod by our choice (Entra ID only), per Azure Policy 8c6a50c6",
    },
    {
        policy: storageAccountReportSharedKeyExemption,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/consume-private-endpoints",
            "https://github.com/pulumi/pulumi-azure-native/issues/2015",
        ],
        pillar: "security",
        unset: "n/a",
        fix: "nothing while the recorded reason holds; remove the tag and the keys when it no longer does",
        why: "information: a documented exemption is listed in every plan instead of passing silently",
    },
    {
        policy: storageAccountRequireFirewall,
        anchors: [
            "PSR Azure.Storage.Firewall (AZR-000202)",
            "CKV_AZURE_35",
            "POL 34c877ad-507e-4c82-993e-3452a6e0ad3c",
        ],
        pillar: "security",
        unset: "fail",
        fix: 'networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" }',
        why: HYGIENE,
    },
    {
        policy: storageAccountAllowTrustedServices,
        anchors: ["CKV_AZURE_36", "POL c9d007d0-c057-4772-b18c-01e546713bcd"],
        pillar: "security",
        unset: "pass",
        fix:
            'networkRuleSet.bypass includes "AzureServices" whenever defaultAction is "Deny" (azure-native sends ' +
            '"AzureServices" when bypass is omitted: networkRuleSetArgsProvideDefaults in ' +
            "@pulumi/azure-native/types/input.js)",
        why: `${HYGIENE}; the Event Grid path is enforced as mandatory by event-subscription-require-reachable-storage`,
        azureBehaviour:
            "Azure accepts a firewall without the AzureServices bypass, and then Event Grid, a trusted service, " +
            "cannot reach the account (https://learn.microsoft.com/azure/event-grid/consume-private-endpoints); " +
            "mandatory in prod by our choice for the non-Event Grid writers, since " +
            "event-subscription-require-reachable-storage already covers Event Grid",
    },
    {
        policy: storageAccountRequireBlobSoftDelete,
        anchors: [
            "PSR Azure.Storage.SoftDelete (AZR-000197)",
            "PSR Azure.Storage.ContainerSoftDelete (AZR-000289)",
            "CKV2_AZURE_38 (TF)",
            "POL 9fbd64e3-67b8-489b-98e5-fa0007d17e76",
        ],
        pillar: "reliability",
        unset: "fail",
        fix:
            "storage.BlobServiceProperties with deleteRetentionPolicy and containerDeleteRetentionPolicy { " +
            "enabled: true, days: 7 }",
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts an account without soft delete, and a deleted blob or container is then gone for good " +
            "(https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview); mandatory in prod by our " +
            "choice because dead letters are the only copy of undelivered events, per Azure Policy 9fbd64e3",
    },
    {
        policy: storageAccountRequireDeadLetterGeoReplication,
        anchors: [
            "PSR Azure.Storage.UseReplication (AZR-000195)",
            "CKV_AZURE_206",
            "POL bf045164-79ba-4215-8f95-f8048dc1780b",
            "WAF Event Grid reliability",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: 'sku.name: "Standard_GRS" (or RAGRS/GZRS/RAGZRS) on the dead-letter account',
        why: `${HYGIENE}; dev keeps LRS on purpose`,
        azureBehaviour:
            "Azure accepts LRS, which keeps every copy in one datacenter and loses the data if the region is lost " +
            "(https://learn.microsoft.com/azure/storage/common/storage-redundancy); mandatory in prod by our choice " +
            "because dead letters are the only copy of undelivered events, per Azure Policy bf045164",
    },
    {
        policy: blobContainerDenyPublicAccess,
        anchors: ["PSR Azure.Storage.BlobAccessType (AZR-000199)", "CKV_AZURE_34"],
        pillar: "security",
        unset: "pass",
        fix: 'publicAccess: "None"',
        why:
            `${HYGIENE}; dead-letter containers are enforced as mandatory by ` +
            "event-subscription-require-private-dead-letter-container",
        azureBehaviour:
            "Azure serves a container with publicAccess Blob or Container to anyone without credentials " +
            "(https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure); mandatory in " +
            "prod by our choice, per PSRule Azure.Storage.BlobAccessType and CKV_AZURE_34",
    },

    // Service Bus and Event Hubs (queue/hub targets)
    {
        policy: serviceBusNamespaceDisableLocalAuth,
        anchors: [
            "PSR Azure.ServiceBus.DisableLocalAuth (AZR-000178)",
            "CKV_AZURE_203 (TF)",
            "POL cfb11c26-f069-4c14-8e36-56c394dae5af",
        ],
        pillar: "security",
        unset: "fail",
        fix: "disableLocalAuth: true",
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts SAS keys unless disableLocalAuth is set " +
            "(https://learn.microsoft.com/azure/service-bus-messaging/disable-local-authentication); mandatory in " +
            "prod by our choice (Entra ID only, Event Grid delivers with its identity), per Azure Policy cfb11c26",
    },
    {
        policy: serviceBusNamespaceRequireMinTls,
        anchors: ["PSR Azure.ServiceBus.MinTLS (AZR-000315)", "CKV_AZURE_205 (TF)"],
        pillar: "security",
        unset: "fail",
        fix: 'minimumTlsVersion: "1.2"',
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts TLS 1.0/1.1 clients when minimumTlsVersion allows them " +
            "(https://learn.microsoft.com/azure/service-bus-messaging/" +
            "transport-layer-security-configure-minimum-version); mandatory in prod by our choice because " +
            "those versions are deprecated, per PSRule Azure.ServiceBus.MinTLS",
    },
    {
        policy: eventHubNamespaceDisableLocalAuth,
        anchors: ["PSR Azure.EventHub.DisableLocalAuth (AZR-000102)", "POL 5d4e3c65-4873-47be-94f3-6f8b953a3598"],
        pillar: "security",
        unset: "fail",
        fix: "disableLocalAuth: true",
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts SAS keys unless disableLocalAuth is set " +
            "(https://learn.microsoft.com/azure/event-hubs/authenticate-shared-access-signature); mandatory in prod " +
            "by our choice (Entra ID only, Event Grid delivers with its identity), per Azure Policy 5d4e3c65",
    },
    {
        policy: eventHubNamespaceRequireMinTls,
        anchors: ["PSR Azure.EventHub.MinTLS (AZR-000356)", "CKV_AZURE_223"],
        pillar: "security",
        unset: "fail",
        fix: 'minimumTlsVersion: "1.2"',
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts TLS 1.0/1.1 clients when minimumTlsVersion allows them " +
            "(https://learn.microsoft.com/azure/event-hubs/transport-layer-security-configure-minimum-version); " +
            "mandatory in prod by our choice because those versions are deprecated, per PSRule Azure.EventHub.MinTLS",
    },
    {
        policy: serviceBusTopicRequireStandardTier,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "https://azure.microsoft.com/pricing/details/service-bus/",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "sku Standard or Premium on a namespace that holds topics (or deliver to a queue)",
        why: DEPLOY,
        azureBehaviour:
            "The Basic tier of Service Bus has queues but no topics " +
            "(https://azure.microsoft.com/pricing/details/service-bus/), so ARM refuses to create a topic in " +
            "a Basic namespace",
    },

    // Azure Communication Services
    {
        policy: communicationServiceDisableLocalAuth,
        anchors: ["POL fc264132-db9c-4302-bb7d-3994c36461fe", "POL 145408bc-d134-468a-ae3b-1eaf3b9e5ac7 (Modify)"],
        pillar: "security",
        unset: "fail",
        fix: "disableLocalAuth: true (API >= 2025-05-01; pinned 2026-03-18)",
        why: `${HYGIENE}; dev keeps keys on for SDK samples`,
        azureBehaviour:
            "Azure accepts access-key authentication unless disableLocalAuth is set, and a key can send SMS " +
            "and email as the resource " +
            "(https://learn.microsoft.com/azure/communication-services/concepts/authentication); mandatory " +
            "in prod by our choice, per Azure Policy fc264132",
    },
    {
        policy: communicationServiceRequireIdentity,
        anchors: ["POL bcff6755-335b-484d-b435-d1161db39cdc"],
        pillar: "security",
        unset: "fail",
        fix: 'identity: { type: "SystemAssigned" } (API >= 2023-04-01)',
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts a resource without identity; mandatory in prod by our choice so that ACS reaches " +
            "other resources (e.g. recording storage) without secrets " +
            "(https://learn.microsoft.com/azure/communication-services/how-tos/managed-identity), per Azure " +
            "Policy bcff6755",
    },
    {
        policy: communicationServiceRequireGlobalLocation,
        anchors: ["ours (ACS is a global resource)", "https://github.com/MicrosoftDocs/azure-docs/issues/87683"],
        pillar: "reliability",
        unset: "fail",
        fix: 'location: "global" set explicitly',
        why: DEPLOY,
        azureBehaviour:
            "Microsoft.Communication/communicationServices exists only in location global, and ARM refuses " +
            "any other location (https://github.com/MicrosoftDocs/azure-docs/issues/87683)",
    },
    {
        policy: communicationServiceRestrictDataLocation,
        anchors: ["POL 93c45b74-42a1-4967-b25d-82c4dc630921"],
        pillar: "security",
        unset: "n/a",
        fix: "dataLocation from the allowedDataLocations config (default: every valid ACS geography)",
        why:
            "although nothing breaks: dataLocation cannot be changed after creation, so a wrong value must never " +
            "reach Azure",
        azureBehaviour:
            "Azure accepts any valid dataLocation but cannot change it after creation " +
            "(https://learn.microsoft.com/azure/communication-services/concepts/privacy); mandatory by our choice " +
            "because a wrong geography could only be fixed by recreating the resource, per Azure Policy 93c45b74",
    },
    {
        policy: communicationServiceKeepEventPathInGeography,
        anchors: [
            "https://learn.microsoft.com/azure/communication-services/concepts/privacy",
            "POL 93c45b74-42a1-4967-b25d-82c4dc630921 (dataLocation only)",
            "policy/lib/geography.ts",
        ],
        pillar: "security",
        unset: "pass",
        fix:
            "handlers, dead-letter account and workspaces in a region of the ACS dataLocation's geography " +
            "(geographies config overrides the map)",
        why: "residency is organisational policy; nothing breaks",
        azureBehaviour:
            "Azure accepts handlers and storage in any region, and then event data leaves the geography the ACS " +
            "dataLocation promises (https://learn.microsoft.com/azure/communication-services/concepts/privacy); " +
            "mandatory in prod by our choice (data residency is organisational policy)",
    },
    {
        policy: communicationServiceRequireFeatureLogs,
        anchors: [
            "https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics",
            "POL acbb9698-46bd-4800-89da-e3473c4ab10d",
            "https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics",
        ],
        pillar: "operations",
        unset: "fail",
        fix:
            "monitor.DiagnosticSetting on the ACS resource with SMSOperational / EmailSendMailOperational + " +
            "EmailStatusUpdateOperational / ChatOperational for the routed features (or allLogs)",
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts it: ACS logs are off until a diagnostic setting exports them " +
            "(https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics); mandatory " +
            "in prod by our choice so routed SMS, Email and Chat operations can be traced, per Azure Policy acbb9698",
    },
    {
        policy: communicationServiceFitEmailQuota,
        anchors: [
            "ours (the plan's email quota section)",
            "https://learn.microsoft.com/azure/communication-services/concepts/service-limits",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix:
            'emailDomain.kind "custom" with a verified domain for production (30/min, 100/h, raisable), or fewer ' +
            "email-sending routes",
        why: "the deployment works; emails over the quota are throttled (429), which matters only at production rates",
    },

    // Event Grid system topic
    {
        policy: systemTopicRequireGlobalLocation,
        anchors: [
            "ours (https://learn.microsoft.com/azure/event-grid/system-topics)",
            "https://github.com/MicrosoftDocs/azure-docs/issues/87683",
            "https://github.com/MicrosoftDocs/azure-docs/issues/87683",
        ],
        pillar: "reliability",
        unset: "fail",
        fix: 'location: "global" on the ACS system topic',
        why: DEPLOY,
        azureBehaviour:
            "A system topic must be in the location of its source, and an ACS source is global, so ARM refuses the " +
            "topic in any other location (https://learn.microsoft.com/azure/event-grid/system-topics, " +
            "https://github.com/MicrosoftDocs/azure-docs/issues/87683)",
    },
    {
        policy: systemTopicMatchSourceType,
        anchors: ["ours (https://learn.microsoft.com/azure/event-grid/system-topics)", "BT eventgrid 2025-02-15"],
        pillar: "reliability",
        unset: "fail",
        fix: 'topicType: "Microsoft.Communication.CommunicationServices" with source = the ACS id',
        why: DEPLOY,
        azureBehaviour:
            "Event Grid creates a system topic only when topicType is the type of its source resource " +
            "(https://learn.microsoft.com/azure/event-grid/system-topics); ARM refuses a topicType that does " +
            "not match the source",
    },
    {
        policy: systemTopicRequireSourceInStack,
        anchors: [
            "ours (https://learn.microsoft.com/azure/event-grid/system-topics)",
            "https://github.com/MicrosoftDocs/azure-docs/issues/85317",
            "https://github.com/MicrosoftDocs/azure-docs/issues/85317",
        ],
        pillar: "reliability",
        unset: "fail",
        fix: "source: acs.id (adopted ACS resources: list the id in externalSources)",
        why: DEPLOY,
        azureBehaviour:
            "Event Grid refuses a system topic whose source is in another Azure subscription " +
            "(https://github.com/MicrosoftDocs/azure-docs/issues/85317); requiring the source to be this " +
            "stack's ACS resource (or a declared external one) is our own choice, so the topic cannot listen " +
            "to the wrong resource",
    },
    {
        policy: systemTopicLimitOnePerSource,
        anchors: [
            "ours (https://learn.microsoft.com/azure/event-grid/system-topics)",
            "https://github.com/MicrosoftDocs/azure-docs/pull/97986",
            "https://learn.microsoft.com/azure/event-grid/system-topics",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "one SystemTopic per ACS resource; adopt an existing one with systemTopic.existingName",
        why: DEPLOY,
        azureBehaviour:
            'Event Grid allows one system topic per source and refuses a second with "Only one system topic ' +
            'is allowed per source" (https://learn.microsoft.com/azure/event-grid/system-topics, ' +
            "https://github.com/MicrosoftDocs/azure-docs/pull/97986)",
    },
    {
        policy: systemTopicLimitSubscriptions,
        anchors: [
            "ours (cheap to add)",
            "https://learn.microsoft.com/azure/event-grid/quotas-limits",
            "validation/limits.ts subscriptionsPerTopic",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "at most 500 subscriptions per topic (maxSubscriptions lowers it): merge routes that share a handler",
        why: DEPLOY,
        azureBehaviour:
            "Event Grid allows at most 500 event subscriptions per topic and refuses more " +
            "(https://learn.microsoft.com/azure/event-grid/quotas-limits)",
    },
    {
        policy: systemTopicRequireIdentity,
        anchors: [
            "PSR Azure.EventGrid.ManagedIdentity (AZR-000099, skips global topics)",
            "https://learn.microsoft.com/azure/event-grid/enable-identity-system-topics",
            "https://github.com/Azure/azure-cli/issues/18002",
        ],
        pillar: "security",
        unset: "fail",
        fix: 'identity: { type: "SystemAssigned" } on the topic whenever a subscription uses resource identity',
        why: DEPLOY,
        azureBehaviour:
            "A subscription that delivers or dead-letters with the topic's managed identity cannot be " +
            "created when the system topic has no identity " +
            "(https://learn.microsoft.com/azure/event-grid/enable-identity-system-topics, " +
            "https://github.com/Azure/azure-cli/issues/18002)",
    },
    {
        policy: systemTopicAvoidUnusedIdentity,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/managed-service-identity",
            "PSR Azure.EventGrid.ManagedIdentity (AZR-000099, existence only)",
        ],
        pillar: "security",
        unset: "pass",
        fix: "deliver or dead-letter with the topic identity, or remove it and its role assignments",
        why: HYGIENE,
    },
    {
        policy: systemTopicRequireDiagnostics,
        anchors: [
            "POL 0fff3e39-f422-45b0-b497-33a05b996d3e",
            "APRL 54c3191b-b535-1946-bba9-b754f44060f6",
            "https://learn.microsoft.com/azure/event-grid/monitor-push-reference",
            "WAF Event Grid operational excellence",
        ],
        pillar: "operations",
        unset: "fail",
        fix: "monitor.DiagnosticSetting on the topic with DeliveryFailures (or allLogs) to a workspace",
        why: MONITORING,
        azureBehaviour:
            "Azure accepts a topic without diagnostics, and delivery failures are then recorded nowhere " +
            "(DeliveryFailures log, https://learn.microsoft.com/azure/event-grid/monitor-push-reference); " +
            "mandatory in prod by our choice, per Azure Policy 0fff3e39",
    },
    {
        policy: systemTopicRequireDeliveryAlerts,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/monitor-push-reference",
            "WAF Event Grid (dead-letter alerting)",
            "https://learn.microsoft.com/azure/event-grid/monitor-push-reference",
        ],
        pillar: "operations",
        unset: "fail",
        fix:
            "monitor.MetricAlert on the topic for DeliveryAttemptFailCount, DeadLetteredCount, DroppedEventCount " +
            '(EventSubscriptionName "*")',
        why: MONITORING,
        azureBehaviour:
            "Azure accepts a topic without alerts, and failed, dead-lettered and dropped deliveries only show in " +
            "metrics nobody watches (https://learn.microsoft.com/azure/event-grid/monitor-push-reference); mandatory " +
            "in prod by our choice (operational excellence)",
    },

    // Event subscriptions: filters and routing (https://learn.microsoft.com/azure/event-grid/event-filtering)
    {
        policy: eventSubscriptionRequireEventTypes,
        anchors: [
            "WAF Event Grid (subscription filters)",
            "https://learn.microsoft.com/azure/event-grid/event-filtering",
            "BT eventgrid 2025-02-15",
        ],
        pillar: "reliability",
        unset: "fail",
        fix: "filter.includedEventTypes: the full names the handler processes",
        why: DELIVERY,
        azureBehaviour:
            "Azure accepts a subscription without includedEventTypes and then delivers every event type of " +
            "the source (https://learn.microsoft.com/azure/event-grid/event-filtering); mandatory by our " +
            "choice because a handler written for a few types gets all of them",
    },
    {
        policy: eventSubscriptionRequireKnownEventTypes,
        anchors: [
            "https://github.com/Azure/azure-rest-api-specs/tree/main/specification/eventgrid/data-plane/" +
                "Microsoft.Communication",
            "https://github.com/hashicorp/terraform-provider-azurerm/issues/33369",
            "https://learn.microsoft.com/azure/event-grid/event-schema-communication-services",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "current ACS event type names, exactly as in docs/event-catalog.md",
        why: DELIVERY,
        azureBehaviour:
            "Event Grid delivers only events whose type is in includedEventTypes, and an ACS system topic " +
            "publishes only the types listed at " +
            "https://learn.microsoft.com/azure/event-grid/event-schema-communication-services (the same " +
            "names as @azure/eventgrid's SystemEventNameToEventData), so any other name never matches",
    },
    {
        policy: eventSubscriptionRequireMatchableSubject,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/event-schema-communication-services",
            "BT (wildcards not supported)",
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
        ],
        pillar: "reliability",
        unset: "pass",
        fix: 'literal subject prefixes that fit the types\' subjects, e.g. "/phonenumber/1604"',
        why: DELIVERY,
        azureBehaviour:
            "subjectBeginsWith/subjectEndsWith are literal prefix/suffix comparisons without wildcards " +
            "(https://learn.microsoft.com/azure/event-grid/event-filtering), and ACS subjects follow the " +
            "shapes of Microsoft's example events (catalog/eventTypes.ts), so a prefix or suffix no such " +
            "subject can have never matches",
    },
    {
        policy: eventSubscriptionLimitAdvancedFilters,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/event-filtering",
            "https://learn.microsoft.com/azure/event-grid/event-filtering",
        ],
        pillar: "reliability",
        unset: "pass",
        fix: "at most 25 filters and 25 values, 512 characters per string, the operand each operator takes",
        why: DEPLOY,
        azureBehaviour:
            "Event Grid refuses a subscription with more than 25 advanced filters or 25 filter values across " +
            "them, string values over 512 characters, or an operand its operator does not take " +
            "(https://learn.microsoft.com/azure/event-grid/event-filtering)",
    },
    {
        policy: eventSubscriptionRequireArrayFiltering,
        anchors: ["https://learn.microsoft.com/azure/event-grid/event-filtering", "routing/README.md U4"],
        pillar: "reliability",
        unset: "fail",
        fix: "filter.enableAdvancedFilteringOnArrays: true when a key is an array",
        why: DELIVERY,
        azureBehaviour:
            "Event Grid evaluates advanced filters against an array value only when enableAdvancedFilteringOnArrays " +
            "is true (the filtering docs say the flag is needed to use this feature); without it a positive operator " +
            "on an array key does not match. Source: https://learn.microsoft.com/azure/event-grid/event-filtering; " +
            "array keys from the @azure/eventgrid models (catalog/payloads.generated.ts)",
    },
    {
        policy: eventSubscriptionGuardNotInMissingKey,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/event-filtering",
            "https://learn.microsoft.com/azure/event-grid/event-filtering, U3",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "add IsNotNull on the same key, or split the subscription by event type",
        why: "the subscription delivers, only more than intended",
    },
    {
        policy: eventSubscriptionRequireKnownFilterKeys,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/event-filtering",
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/eventgrid/" +
                "Azure.Messaging.EventGrid.SystemEvents/Microsoft.Communication/AzureCommunicationServices.tsp, U6",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "data.<key> as the payload spells it (camelCase)",
        why: DELIVERY,
        azureBehaviour:
            "ACS never sends the key (it is in no included type's payload as defined by @azure/eventgrid and " +
            "the Azure/azure-rest-api-specs swagger, open maps accepting any sub-key), and an advanced " +
            "filter on a key absent from the event fails for positive operators and passes for NotIn " +
            "operators (https://learn.microsoft.com/azure/event-grid/event-filtering), so the subscription " +
            "never (or always) matches",
    },
    {
        policy: eventSubscriptionAvoidArrayItemKeys,
        anchors: ["https://learn.microsoft.com/azure/event-grid/event-filtering"],
        pillar: "reliability",
        unset: "n/a",
        fix: "a scalar key, or the array itself with enableAdvancedFilteringOnArrays: true",
        why:
            "Event Grid documents arrays of values, not keys through arrays of objects; the outcome is unknown, " +
            "not impossible",
    },
    {
        policy: eventSubscriptionMatchKeyCase,
        anchors: [
            "https://learn.microsoft.com/azure/communication-services/concepts/call-automation/" +
                "incoming-call-notification",
            "https://github.com/microsoft/call-center-ai",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "data.<key> in the payload's letter case",
        why:
            "Event Grid's key-case handling is undocumented, and Microsoft's own IncomingCall examples (docs and " +
            "call-center-ai) filter on data.to.PhoneNumber.Value, evidence that keys compare case-insensitively",
    },
    {
        policy: eventSubscriptionMatchSchemaKeys,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/event-filtering",
            "https://learn.microsoft.com/azure/event-grid/event-filtering, U10",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "Event Grid schema keys (eventType, subject, data.…) even when delivering CloudEvents",
        why: DELIVERY,
        azureBehaviour:
            "a system topic receives ACS events in the Event Grid schema and filters them before converting them to " +
            "the subscription's delivery schema, so CloudEvents attribute names are absent from the filtered event " +
            "(https://learn.microsoft.com/azure/event-grid/event-schema-communication-services, " +
            "https://learn.microsoft.com/azure/event-grid/cloud-event-schema)",
    },
    {
        policy: eventSubscriptionAvoidNeverMatch,
        anchors: ["https://learn.microsoft.com/azure/event-grid/event-filtering", "routing/satisfiability.ts"],
        pillar: "reliability",
        unset: "n/a",
        fix: "remove the contradicting condition",
        why: DELIVERY,
        azureBehaviour:
            "Event Grid ANDs the filter conditions of a subscription " +
            "(https://learn.microsoft.com/azure/event-grid/event-filtering), so conditions that contradict each " +
            "other match no event; Azure accepts the subscription and its handler never receives anything",
    },
    {
        policy: eventSubscriptionAvoidDuplicateDelivery,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "one subscription per handler and event, or disjoint filters",
        why: DELIVERY,
        azureBehaviour:
            "Event Grid delivers each event once to every matching subscription " +
            "(https://learn.microsoft.com/azure/event-grid/delivery-and-retry), so two subscriptions to one " +
            "handler deliver the event twice; Azure accepts it, mandatory by our choice because no handler " +
            "here is written for that",
    },
    {
        policy: eventSubscriptionReportOverlappingRoutes,
        anchors: ["https://learn.microsoft.com/azure/event-grid/delivery-and-retry"],
        pillar: "operations",
        unset: "n/a",
        fix: "nothing if the fan-out is intended",
        why: "fan-out to different handlers is often intended",
    },

    // Event subscriptions: delivery, retry, dead letter
    // (https://learn.microsoft.com/azure/event-grid/delivery-and-retry)
    {
        policy: eventSubscriptionRequireExclusiveDestination,
        anchors: [
            "https://github.com/Azure/bicep-registry-modules/issues/705, " +
                "https://github.com/hashicorp/terraform-provider-azurerm/pull/9935",
            "https://github.com/Azure/bicep-registry-modules/issues/705",
        ],
        pillar: "reliability",
        unset: "fail",
        fix: "exactly one of destination / deliveryWithResourceIdentity, each complete",
        why: DEPLOY,
        azureBehaviour:
            "ARM refuses a subscription that sets both destination and deliveryWithResourceIdentity (or both " +
            "dead-letter forms), or an identity block without its destination " +
            "(https://github.com/Azure/bicep-registry-modules/issues/705, " +
            "https://github.com/hashicorp/terraform-provider-azurerm/pull/9935)",
    },
    {
        policy: eventSubscriptionRequireDeadLetter,
        anchors: [
            "APRL 92162eb5-4323-3145-8a6c-525ce2f0700e",
            "WAF Event Grid reliability",
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
        ],
        pillar: "reliability",
        unset: "fail",
        fix: "deadLetterWithResourceIdentity to a private container",
        why: DELIVERY,
        azureBehaviour:
            "Without a dead-letter destination Event Grid drops events it cannot deliver (expired, out of attempts, " +
            "or answered 400/413) (https://learn.microsoft.com/azure/event-grid/delivery-and-retry); Azure accepts " +
            "the subscription, mandatory because those events are lost",
    },
    {
        policy: eventSubscriptionRequirePrivateDeadLetterContainer,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "PSR Azure.Storage.BlobAccessType (AZR-000199)",
            "CKV_AZURE_34",
        ],
        pillar: "reliability",
        unset: "fail",
        fix: 'a storage.BlobContainer with publicAccess "None" in the dead-letter account',
        why: "a missing container drops dead letters; a public one publishes them (irreversible exposure)",
        azureBehaviour:
            "Event Grid drops dead-lettered events when the dead-letter destination is not found " +
            "(https://learn.microsoft.com/azure/event-grid/delivery-and-retry); the private part is our " +
            "choice, since Azure serves a public container to anyone " +
            "(https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure)",
    },
    {
        policy: eventSubscriptionRequireIdentityRole,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/add-identity-roles",
            "https://github.com/Azure/bicep-registry-modules/issues/5205, " +
                "https://github.com/MicrosoftDocs/azure-docs/issues/98216",
            "https://learn.microsoft.com/azure/event-grid/add-identity-roles",
        ],
        pillar: "security",
        unset: "fail",
        fix: "RoleAssignment of the data role to the topic principal at the destination, and dependsOn it",
        why: DEPLOY,
        azureBehaviour:
            "Event Grid checks the topic identity's data role on the destination when the subscription is " +
            'created and fails with "Managed Identity Authorization Error" without it ' +
            "(https://learn.microsoft.com/azure/event-grid/add-identity-roles, " +
            "https://github.com/Azure/bicep-registry-modules/issues/5205, " +
            "https://github.com/MicrosoftDocs/azure-docs/issues/98216)",
    },
    {
        policy: eventSubscriptionRequireIdentityDelivery,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/managed-service-identity",
            "WAF Event Grid security (managed identities)",
            "https://learn.microsoft.com/azure/event-grid/security-authentication",
        ],
        pillar: "security",
        unset: "fail",
        fix:
            "deliveryWithResourceIdentity { identity: SystemAssigned } for ServiceBusQueue/Topic, EventHub and " +
            "StorageQueue destinations",
        why:
            `${HYGIENE}: without identity Event Grid delivers with access keys its own service principal ` +
            "fetches; key-less targets, where delivery breaks, are mandatory in " +
            "event-subscription-require-reachable-namespace and -storage",
        azureBehaviour:
            "Azure accepts key-based delivery, which Event Grid performs with access keys it fetches itself " +
            "(https://learn.microsoft.com/azure/event-grid/managed-service-identity); mandatory in prod by " +
            "our choice so targets can turn keys off and attribute writes",
    },
    {
        policy: eventSubscriptionRequireReachableNamespace,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/managed-service-identity",
            "https://learn.microsoft.com/azure/event-grid/security-authentication",
            "https://github.com/Azure/telescope/pull/446",
        ],
        pillar: "reliability",
        unset: "pass",
        fix: "deliveryWithResourceIdentity with the Data Sender role for namespaces with disableLocalAuth: true",
        why: DELIVERY,
        azureBehaviour:
            "Without deliveryWithResourceIdentity Event Grid writes to Service Bus and Event Hubs with " +
            "access keys, which a namespace with disableLocalAuth refuses, so every delivery fails " +
            "(https://learn.microsoft.com/azure/event-grid/managed-service-identity, " +
            "https://github.com/Azure/telescope/pull/446)",
    },
    {
        policy: eventSubscriptionRequireServiceBusEntity,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry (outcome NotFound)",
        ],
        pillar: "reliability",
        unset: "fail",
        fix:
            "resourceId built from a servicebus.Queue/Topic of this stack matching endpointType, or listed in " +
            "externalEntities",
        why: DELIVERY,
        azureBehaviour:
            "Event Grid cannot deliver to a Service Bus queue or topic that does not exist or is of the other kind; " +
            "the delivery fails with NotFound (https://learn.microsoft.com/azure/event-grid/delivery-and-retry); " +
            "requiring it to be in the stack or declared external is our way to check that offline",
    },
    {
        policy: eventSubscriptionRequireSessionIdMapping,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "https://learn.microsoft.com/azure/event-grid/delivery-properties",
            "DR outcome SessionQueueNotSupported",
        ],
        pillar: "reliability",
        unset: "pass",
        fix:
            "a SessionId delivery property (static or dynamic, not together with MessageId) for session-enabled " +
            "queues",
        why: DELIVERY,
        azureBehaviour:
            "Service Bus refuses messages without a SessionId on a session-enabled queue, and Event Grid reports the " +
            "delivery as SessionQueueNotSupported (https://learn.microsoft.com/azure/event-grid/delivery-and-retry, " +
            "https://learn.microsoft.com/azure/event-grid/delivery-properties)",
    },
    {
        policy: eventSubscriptionRequireReachableStorage,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/consume-private-endpoints",
            "https://github.com/MicrosoftDocs/azure-docs/issues/84665",
            "https://learn.microsoft.com/azure/event-grid/consume-private-endpoints",
        ],
        pillar: "reliability",
        unset: "n/a",
        fix: "bypass AzureServices and SystemAssigned identity for firewalled accounts; identity for key-less accounts",
        why: DELIVERY,
        azureBehaviour:
            "Event Grid reaches a firewalled storage account only as a trusted service, which needs the " +
            "AzureServices bypass and the topic's system-assigned identity " +
            "(https://learn.microsoft.com/azure/event-grid/consume-private-endpoints, " +
            "https://github.com/MicrosoftDocs/azure-docs/issues/84665); a key-less account refuses key-based delivery",
    },
    {
        policy: eventSubscriptionSetQueueMessageTtl,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "https://learn.microsoft.com/azure/event-grid/delivery-properties",
            "BT eventgrid 2025-02-15 (queueMessageTimeToLiveInSeconds)",
        ],
        pillar: "reliability",
        unset: "fail",
        fix: "queueMessageTimeToLiveInSeconds: -1 (never) or at least minimumSeconds (default 86400)",
        why:
            "the queue keeps messages for the 7-day default; the question is whether that covers the consumer, " +
            "which only its owner can answer",
        azureBehaviour:
            "Azure accepts the default, and Storage deletes a queue message when its time-to-live (7 days by " +
            "default) ends, without a dead letter " +
            "(https://learn.microsoft.com/rest/api/storageservices/put-message); mandatory in prod by our " +
            "choice so the queue's owner sets it",
    },
    {
        policy: eventSubscriptionLimitRetryRange,
        anchors: ["https://learn.microsoft.com/azure/event-grid/delivery-and-retry", "BT eventgrid 2025-02-15"],
        pillar: "reliability",
        unset: "pass",
        fix:
            `maxDeliveryAttempts ${range("maxDeliveryAttempts")}, ` +
            `eventTimeToLiveInMinutes ${range("eventTimeToLiveInMinutes")}`,
        why: DEPLOY,
        azureBehaviour:
            `Event Grid refuses maxDeliveryAttempts outside ${range("maxDeliveryAttempts")} and ` +
            `eventTimeToLiveInMinutes outside ${range("eventTimeToLiveInMinutes")} ` +
            "(https://learn.microsoft.com/azure/event-grid/delivery-and-retry)",
    },
    {
        policy: eventSubscriptionFitRetryBudget,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "validation/limits.ts attemptsWithinTtl",
        ],
        pillar: "reliability",
        unset: "pass",
        fix: "maxDeliveryAttempts no higher than the schedule fits into the TTL (or 30)",
        why: "the setting has no effect, nothing breaks",
    },
    {
        policy: eventSubscriptionAvoidPastExpiration,
        anchors: [
            "https://github.com/Azure/bicep-types-az/blob/main/generated/eventgrid/microsoft.eventgrid/" +
                "2025-02-15/types.md",
            "BT eventgrid 2025-02-15 (expirationTimeUtc)",
        ],
        pillar: "reliability",
        unset: "pass",
        fix: "a future ISO 8601 expirationTimeUtc, or none",
        why: DELIVERY,
        azureBehaviour:
            "expirationTimeUtc is the time at which Event Grid expires the subscription and stops delivering to it " +
            "(https://github.com/Azure/bicep-types-az/blob/main/generated/eventgrid/microsoft.eventgrid/2025-02-15/" +
            "types.md), so a past or invalid date leaves the handler without events",
    },
    {
        policy: eventSubscriptionAvoidNearExpiration,
        anchors: [
            "https://github.com/Azure/bicep-types-az/blob/main/generated/eventgrid/microsoft.eventgrid/" +
                "2025-02-15/types.md",
        ],
        pillar: "reliability",
        unset: "pass",
        fix: "expirationTimeUtc beyond horizonDays (default 30), or none",
        why: "delivery works until the date; a planned end date is legitimate",
    },
    {
        policy: eventSubscriptionLimitPushBatch,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry",
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry (30 s response, batches all or none)",
        ],
        pillar: "performance",
        unset: "pass",
        fix:
            "maxEventsPerBatch at most the configured ceiling (default 100), or what the handler answers well " +
            "within 30 s",
        why: "a timed-out batch is retried, not lost; the right size depends on the handler",
    },
    {
        policy: eventSubscriptionLimitDeliveryHeaders,
        anchors: ["ours (cheap to add)", "https://learn.microsoft.com/azure/event-grid/delivery-properties"],
        pillar: "reliability",
        unset: "pass",
        fix: "at most 10 deliveryAttributeMappings, none named aeg-*",
        why: DEPLOY,
        azureBehaviour:
            "Event Grid allows up to 10 delivery headers per subscription " +
            "(https://learn.microsoft.com/azure/event-grid/delivery-properties); refusing names starting " +
            "with aeg- is our choice, to avoid colliding with Event Grid's own aeg-* headers " +
            "(https://learn.microsoft.com/azure/event-grid/delivery-and-retry)",
    },
    {
        policy: eventSubscriptionRequireHttpsWebhook,
        anchors: ["https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery", "azurerm IsURLWithHTTPS"],
        pillar: "security",
        unset: "fail",
        fix: "an https:// endpoint URL",
        why: DEPLOY,
        azureBehaviour:
            "Event Grid supports only HTTPS webhook endpoints and refuses other schemes " +
            "(https://learn.microsoft.com/azure/event-grid/event-handlers)",
    },
    {
        policy: eventSubscriptionRequireWebhookTls,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery",
            "WAF Event Grid security (TLS 1.2)",
        ],
        pillar: "security",
        unset: "fail",
        fix: 'minimumTlsVersionAllowed: "1.2"',
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts a webhook subscription whose minimumTlsVersionAllowed permits TLS 1.0/1.1 " +
            "(https://github.com/Azure/bicep-types-az/blob/main/generated/eventgrid/microsoft.eventgrid/" +
            "2025-02-15/types.md); mandatory in prod by our choice because those versions are deprecated " +
            "(https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery)",
    },
    {
        policy: eventSubscriptionRecommendEntraWebhook,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery",
            "https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery",
        ],
        pillar: "security",
        unset: "fail",
        fix: "azureActiveDirectoryTenantId + azureActiveDirectoryApplicationIdOrUri",
        why: "recommended only; a secret Authorization header is an accepted alternative",
    },
    {
        policy: eventSubscriptionRequireSecretAuthHeader,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery",
            "https://learn.microsoft.com/azure/event-grid/delivery-properties",
        ],
        pillar: "security",
        unset: "fail",
        fix: "delivery.headers[].secret: true (ARM isSecret) on static credential headers",
        why: "a credential returned in clear by ARM reads cannot be taken back, only rotated",
        azureBehaviour:
            "Azure accepts a credential in a non-secret delivery header and returns its value to anyone who " +
            "can read the subscription; only isSecret hides it " +
            "(https://learn.microsoft.com/azure/event-grid/delivery-properties); mandatory by our choice " +
            "because a leaked credential can only be rotated",
    },
    {
        policy: eventSubscriptionRequireFunctionDeployment,
        anchors: [
            "https://github.com/Azure/bicep/issues/11656",
            "https://github.com/Azure/bicep/issues/11656",
            "https://github.com/Azure/bicep/issues/11656",
        ],
        pillar: "reliability",
        unset: "fail",
        fix: "resourceId <app id>/functions/<name> of a function app here, dependsOn the code deployment",
        why: DEPLOY,
        azureBehaviour:
            "Event Grid refuses to create an AzureFunction subscription whose function does not exist yet, " +
            'failing with "Destination endpoint not found" (https://github.com/Azure/bicep/issues/11656)',
    },

    // Function apps (web.WebApp kind functionapp) and Logic Apps
    {
        policy: functionAppRequireHttps,
        anchors: [
            "PSR Azure.AppService.UseHTTPS (AZR-000084)",
            "CKV_AZURE_14",
            "CKV_AZURE_70",
            "POL 6d555dd1-86f2-4f1c-8ed7-5abae7c6cbab",
        ],
        pillar: "security",
        unset: "fail",
        fix: "httpsOnly: true",
        why: HYGIENE,
    },
    {
        policy: functionAppRequireMinTls,
        anchors: [
            "PSR Azure.AppService.MinTLS (AZR-000073)",
            "CKV_AZURE_145",
            "POL f9d614c5-c173-4d56-95a7-b4437057d193",
        ],
        pillar: "security",
        unset: "fail",
        fix:
            'siteConfig.minTlsVersion: "1.2" (a Flex Consumption app sends no siteConfig and passes unset: new ' +
            "apps get TLS 1.2)",
        why: HYGIENE,
    },
    {
        policy: functionAppDisableFtp,
        anchors: [
            "PSR Azure.AppService.WebSecureFtp (AZR-000081)",
            "CKV_AZURE_78",
            "POL 399b2637-a50f-4f95-96f8-3a145476eb15",
        ],
        pillar: "security",
        unset: "fail",
        fix:
            'siteConfig.ftpsState: "Disabled" (a Flex Consumption app sends no siteConfig and is not judged ' +
            "unset; function-app-disable-basic-auth keeps FTP off)",
        why: HYGIENE,
    },
    {
        policy: functionAppRequireIdentity,
        anchors: [
            "PSR Azure.AppService.ManagedIdentity (AZR-000082)",
            "CKV_AZURE_16",
            "CKV_AZURE_71",
            "POL 0da106f2-4ca3-48e8-bc85-c638fe6aea8f",
        ],
        pillar: "security",
        unset: "fail",
        fix: 'identity: { type: "SystemAssigned" }',
        why: HYGIENE,
    },
    {
        policy: functionAppDisableRemoteDebug,
        anchors: [
            "PSR Azure.AppService.RemoteDebug (AZR-000074)",
            "CKV_AZURE_72",
            "POL 0e60b895-3786-45da-8377-9c6b4b6ac5f9",
        ],
        pillar: "security",
        unset: "pass",
        fix: "siteConfig.remoteDebuggingEnabled: false",
        why: HYGIENE,
    },
    {
        policy: functionAppEnableHttp2,
        anchors: [
            "PSR Azure.AppService.HTTP2 (AZR-000078)",
            "CKV_AZURE_18",
            "CKV_AZURE_67",
            "POL e2c1c086-2d84-4019-bff3-c44ccd95113c",
        ],
        pillar: "performance",
        unset: "fail",
        fix: "siteConfig.http20Enabled: true (a Flex Consumption app sends no siteConfig and is not judged unset)",
        why: HYGIENE,
    },
    {
        policy: functionAppDisableBasicAuth,
        anchors: [
            "POL 871b205b-57cf-4e1e-a234-492616998bf7 (FTP)",
            "POL aede300b-d67f-480a-ae26-4b3dfb1a1fdc (SCM)",
            "https://learn.microsoft.com/azure/app-service/configure-basic-auth-disable",
        ],
        pillar: "security",
        unset: "fail",
        fix: "web.WebAppFtpAllowed and web.WebAppScmAllowed with allow: false for the app",
        why: HYGIENE,
    },
    {
        policy: functionAppRestrictCors,
        anchors: ["CKV_AZURE_57", "CKV_AZURE_62", "POL 0820b7b9-23aa-4725-a1ce-ae4558f718e5"],
        pillar: "security",
        unset: "pass",
        fix: 'siteConfig.cors.allowedOrigins without "*"',
        why: HYGIENE,
    },
    {
        policy: functionAppRequireSupportedRuntime,
        anchors: ["PSR Azure.AppService.NodeJsVersion (AZR-000428)", "PSR Azure.AppService.NETVersion (AZR-000075)"],
        pillar: "security",
        unset: "fail",
        fix:
            'functionAppConfig.runtime { name: "node", version: "22" } or later (siteConfig.linuxFxVersion ' +
            '"NODE|22"); .NET 8 or later',
        why: HYGIENE,
    },
    {
        policy: functionAppFlexSiteConfig,
        anchors: [
            "ARM error 51021",
            "https://github.com/pulumi/pulumi-azure-native/issues/4168",
            "https://github.com/microsoft/azure-pipelines-tasks/issues/21032",
            "https://github.com/Azure/terraform-azurerm-avm-res-web-site/issues/360",
        ],
        pillar: "reliability",
        unset: "pass",
        fix:
            "no siteConfig on a Flex app: app settings in web.WebAppApplicationSettings, runtime and scale in " +
            "functionAppConfig",
        why: DEPLOY,
        azureBehaviour:
            "ARM refuses a Flex Consumption app whose siteConfig carries properties Flex does not support, " +
            "with error 51021 (https://github.com/pulumi/pulumi-azure-native/issues/4168, " +
            "https://github.com/Azure/terraform-azurerm-avm-res-web-site/issues/360)",
    },
    {
        policy: functionAppRequireAppInsights,
        anchors: [
            "CKV_AZURE_159 (TF)",
            "WAF Azure Functions operational excellence",
            "https://learn.microsoft.com/azure/azure-functions/functions-monitoring",
        ],
        pillar: "operations",
        unset: "fail",
        fix: "APPLICATIONINSIGHTS_CONNECTION_STRING app setting (inline or web.WebAppApplicationSettings)",
        why: HYGIENE,
    },
    {
        policy: functionAppAllowPushDelivery,
        anchors: [
            "https://learn.microsoft.com/azure/event-grid/consume-private-endpoints",
            "POL 969ac98b-88a8-449f-883c-2e9adb123127 (conflict)",
            "CKV_AZURE_221 (TF)",
            "CKV_AZURE_222 (conflict)",
        ],
        pillar: "reliability",
        unset: "pass",
        fix: "public access with authenticated deliveries, or a queue hop; exemptApps with a reason",
        why: CONFLICT,
        azureBehaviour:
            "Event Grid push delivery cannot use private endpoints, so it cannot reach an app with public " +
            "network access disabled and every delivery fails " +
            "(https://learn.microsoft.com/azure/event-grid/consume-private-endpoints)",
    },
    {
        policy: functionAppAllowEventGridAuth,
        anchors: [
            "https://github.com/Azure/azure-functions-eventgrid-extension/issues/103",
            "CKV_AZURE_56 (conflict)",
            "POL c75248c1-ea1d-4a9c-8fc9-29a6aabd5da8 (conflict)",
        ],
        pillar: "reliability",
        unset: "pass",
        fix: "globalValidation.excludedPaths includes /runtime/webhooks/eventgrid, or a queue hop",
        why: CONFLICT,
        azureBehaviour:
            "App Service authentication answers Event Grid's pushes to /runtime/webhooks/eventgrid, which " +
            "carry no Entra token, with 401, so every delivery fails " +
            "(https://github.com/Azure/azure-functions-eventgrid-extension/issues/103, " +
            "https://learn.microsoft.com/azure/event-grid/delivery-and-retry)",
    },
    {
        policy: functionAppRestrictPublicNetwork,
        anchors: ["POL 969ac98b-88a8-449f-883c-2e9adb123127", "CKV_AZURE_221 (TF)", "CKV_AZURE_222"],
        pillar: "security",
        unset: "fail",
        fix: 'publicNetworkAccess: "Disabled" with a private endpoint, for apps nothing pushes to',
        why: `${HYGIENE}; scoped by decision 10.1 in docs/policies.md`,
    },
    {
        policy: roleAssignmentDenyBroadHandlerRole,
        anchors: [
            "ours (least privilege for handler identities)",
            "https://learn.microsoft.com/azure/communication-services/quickstarts/email/send-email-smtp/" +
                "smtp-authentication",
            "https://learn.microsoft.com/azure/role-based-access-control/" +
                "best-practices#only-grant-the-access-users-need",
        ],
        pillar: "security",
        unset: "pass",
        fix:
            "the narrowest role the handler uses: for email the ACS email sender custom role " +
            "(components/roles.ts), for storage its data roles",
        why:
            "a handler identity with Owner/Contributor can read the ACS access keys and so undo " +
            "disableLocalAuth; no handler needs it, so it is never accepted",
        azureBehaviour:
            "Azure accepts the assignment, and Owner or Contributor can list the ACS access keys " +
            "(https://learn.microsoft.com/azure/role-based-access-control/built-in-roles); mandatory by our " +
            "choice (least privilege), per https://learn.microsoft.com/azure/role-based-access-control/" +
            "best-practices#only-grant-the-access-users-need",
    },
    {
        policy: roleAssignmentRequireKnownRole,
        anchors: [
            "ours",
            "https://learn.microsoft.com/azure/role-based-access-control/built-in-roles",
            "catalog/builtInRoles.snapshot.json",
        ],
        pillar: "reliability",
        unset: "pass",
        fix:
            "the published GUID of the built-in role (catalog/azureRoles.ts), a RoleDefinition of the stack, or " +
            "the custom role's GUID in knownRoleIds",
        why: DEPLOY,
        azureBehaviour:
            "ARM refuses a role assignment whose roleDefinitionId names no existing role definition " +
            "(RoleDefinitionDoesNotExist); the ids of the built-in roles are the published ones " +
            "(https://learn.microsoft.com/azure/role-based-access-control/built-in-roles)",
    },
    {
        policy: logicWorkflowRequireEnabledState,
        anchors: ["ours"],
        pillar: "reliability",
        unset: "pass",
        fix: 'state: "Enabled"',
        why:
            "advisory: a Disabled workflow starts no run (the state property of " +
            "https://learn.microsoft.com/rest/api/logic/workflows/create-or-update), but what its Request " +
            "trigger answers Event Grid is undocumented, so that deliveries fail is inferred",
    },
    {
        policy: logicWorkflowRequireDiagnostics,
        anchors: [
            "POL 34f95f76-5386-4de7-b824-0d8478470c9d",
            "https://learn.microsoft.com/azure/logic-apps/monitor-workflows-collect-diagnostic-data",
        ],
        pillar: "operations",
        unset: "fail",
        fix: "monitor.DiagnosticSetting on the workflow with WorkflowRuntime (or allLogs) to a workspace",
        why: HYGIENE,
    },

    // Monitoring resources
    {
        policy: metricAlertRequireActionGroup,
        anchors: [
            "ours (WAF operational excellence)",
            "https://learn.microsoft.com/azure/event-grid/monitor-push-reference",
        ],
        pillar: "operations",
        unset: "fail",
        fix: "actions: [{ actionGroupId }]",
        why: MONITORING,
        azureBehaviour:
            "Azure accepts an alert without action groups, and a fired alert then only changes state in the " +
            "portal (https://learn.microsoft.com/azure/azure-monitor/alerts/action-groups); mandatory in " +
            "prod by our choice (operational excellence)",
    },
    {
        policy: metricAlertEnableAutoMitigate,
        anchors: ["PSR Azure.Alert.MetricAutoMitigate (AZR-000491)"],
        pillar: "cost",
        unset: "fail",
        fix: "autoMitigate: true",
        why: MONITORING,
        azureBehaviour:
            "Azure accepts autoMitigate false, and a fired alert then stays fired until closed by hand " +
            "(https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-metric-overview); mandatory in " +
            "prod by our choice, per PSRule Azure.Alert.MetricAutoMitigate",
    },
    {
        policy: logAnalyticsWorkspaceDisableLocalAuth,
        anchors: ["POL e15effd4-2278-4c65-a0da-4d6f6d1890e2"],
        pillar: "security",
        unset: "fail",
        fix: "features.disableLocalAuth: true",
        why: HYGIENE,
        azureBehaviour:
            "Azure accepts workspace keys unless local auth is disabled, and they let anyone holding them write log " +
            "data (https://learn.microsoft.com/azure/azure-monitor/logs/azure-ad-authentication-logs); mandatory in " +
            "prod by our choice, per Azure Policy e15effd4",
    },
    {
        policy: appInsightsRequireWorkspace,
        anchors: ["PSR Azure.AppInsights.Workspace (AZR-000069)", "POL d550e854-df1a-4de9-bf44-cd894b39a95e"],
        pillar: "operations",
        unset: "fail",
        fix: "workspaceResourceId: workspace.id",
        why: HYGIENE,
    },
    {
        policy: appInsightsDisableLocalAuth,
        anchors: ["PSR Azure.AppInsights.LocalAuth (AZR-000484)", "POL 199d5677-e4d9-4264-9465-efe1839c06bd"],
        pillar: "security",
        unset: "fail",
        fix: "disableLocalAuth: true, senders with Monitoring Metrics Publisher",
        why: HYGIENE,
    },

    // Every resource (organisation policy: not applicable until configured)
    {
        policy: resourceRequireTags,
        anchors: ["PSR Azure.Resource.UseTags (AZR-000166)", "PSR Azure.Resource.RequiredTags (AZR-000477)"],
        pillar: "operations",
        unset: "fail",
        fix: "the configured requiredTags on every taggable resource (acs-event-handling:tags applies them)",
        why: `${HYGIENE}; not applicable until requiredTags is configured`,
    },
    {
        policy: resourceRestrictLocations,
        anchors: ["PSR Azure.Resource.AllowedRegions (AZR-000167)"],
        pillar: "security",
        unset: "pass",
        fix: "locations from the configured allowedLocations (global for ACS, email, the system topic, alerts)",
        why: `${HYGIENE}; not applicable until allowedLocations is configured`,
    },
];

/** Checks CrossGuard cannot do (secretness); run by evaluate.ts with the same finding shape and config. */
export const HARNESS_CHECKS: readonly HarnessCheck[] = [
    eventSubscriptionKeepEndpointUrlSecret,
    eventSubscriptionKeepHeaderSecret,
];
