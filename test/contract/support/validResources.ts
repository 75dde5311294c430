/**
 * One valid resource of every type the contract check covers, with the inputs our components use (or would use)
 * for each: explicit physical names, the renamed storage inputs, identity arrays, flattened destinations and
 * filters, a secret webhook URL. Every one of them must pass the check; each failing-case spec starts from one of
 * these and changes a single input.
 */
import * as pulumi from "@pulumi/pulumi";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as communication from "@pulumi/azure-native/communication";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as eventhub from "@pulumi/azure-native/eventhub";
import * as logic from "@pulumi/azure-native/logic";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import * as servicebus from "@pulumi/azure-native/servicebus";
import * as storage from "@pulumi/azure-native/storage";
import * as web from "@pulumi/azure-native/web";

export const RG = "rg-acs-contract";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const RG_ID = `${SUB}/resourceGroups/${RG}`;
export const IDS = {
    acs: `${RG_ID}/providers/Microsoft.Communication/communicationServices/acs-contract`,
    topic: `${RG_ID}/providers/Microsoft.EventGrid/systemTopics/acs-contract-topic`,
    account: `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stacscontract`,
    identity: `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-acs-contract`,
    site: `${RG_ID}/providers/Microsoft.Web/sites/func-acs-contract`,
    plan: `${RG_ID}/providers/Microsoft.Web/serverfarms/plan-acs-contract`,
    workspace: `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/law-acs-contract`,
    actionGroup: `${RG_ID}/providers/Microsoft.Insights/actionGroups/ag-acs-oncall`,
    sbQueue: `${RG_ID}/providers/Microsoft.ServiceBus/namespaces/sb-acs-contract/queues/chat-events`,
};
const ROLE_DEFINITIONS = `${SUB}/providers/Microsoft.Authorization/roleDefinitions`;
const BLOB_DATA_CONTRIBUTOR = `${ROLE_DEFINITIONS}/ba92f5b4-2d11-453d-a403-e96b0029c9fe`;

/** Inputs of each valid resource; specs spread one and change a field. */
export const valid = {
    resourceGroup: (): resources.ResourceGroupArgs => ({ resourceGroupName: RG, location: "westeurope" }),
    communicationService: (): communication.CommunicationServiceArgs => ({
        resourceGroupName: RG,
        communicationServiceName: "acs-contract",
        dataLocation: "Europe",
        location: "global",
        disableLocalAuth: true,
        publicNetworkAccess: "Enabled",
        identity: { type: "SystemAssigned" },
    }),
    storageAccount: (): storage.StorageAccountArgs => ({
        resourceGroupName: RG,
        accountName: "stacscontract",
        location: "westeurope",
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: "TLS1_2",
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: false,
        networkRuleSet: {
            defaultAction: "Deny",
            bypass: "AzureServices",
            ipRules: [{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }],
        },
        identity: { type: "UserAssigned", userAssignedIdentities: [IDS.identity] },
    }),
    subscription: (): eventgrid.SystemTopicEventSubscriptionArgs => ({
        resourceGroupName: RG,
        systemTopicName: "acs-contract-topic",
        eventSubscriptionName: "sms-to-function",
        destination: {
            endpointType: "AzureFunction",
            resourceId: `${IDS.site}/functions/smsReceived`,
            maxEventsPerBatch: 1,
            preferredBatchSizeInKilobytes: 64,
            deliveryAttributeMappings: [{ type: "Static", name: "x-source", value: "acs", isSecret: false }],
        },
        filter: {
            includedEventTypes: ["Microsoft.Communication.SMSReceived"],
            subjectBeginsWith: "/phonenumber/1604",
            advancedFilters: [
                { operatorType: "StringIn", key: "data.to", values: ["+16045550100"] },
                { operatorType: "NumberInRange", key: "data.segmentCount", values: [[1, 3]] },
            ],
        },
        retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 },
        deadLetterDestination: {
            endpointType: "StorageBlob",
            resourceId: IDS.account,
            blobContainerName: "deadletters",
        },
        eventDeliverySchema: "EventGridSchema",
    }),
    blobServiceProperties: (): storage.BlobServicePropertiesArgs => ({
        resourceGroupName: RG,
        accountName: "stacscontract",
        deleteRetentionPolicy: { enabled: true, days: 30 },
        containerDeleteRetentionPolicy: { enabled: true, days: 30 },
    }),
    blobContainer: (): storage.BlobContainerArgs => ({
        resourceGroupName: RG,
        accountName: "stacscontract",
        containerName: "deadletters",
        publicAccess: "None",
    }),
    blob: (): storage.BlobArgs => ({
        resourceGroupName: RG,
        accountName: "stacscontract",
        containerName: "app-package",
        blobName: "released-package.zip",
        contentType: "application/zip",
        source: new pulumi.asset.StringAsset("zip bytes"),
    }),
    serviceBusNamespace: (): servicebus.NamespaceArgs => ({
        resourceGroupName: RG,
        namespaceName: "sb-acs-contract",
        location: "westeurope",
        sku: { name: "Standard", tier: "Standard" },
        minimumTlsVersion: "1.2",
        disableLocalAuth: true,
    }),
    serviceBusQueue: (): servicebus.QueueArgs => ({
        resourceGroupName: RG,
        namespaceName: "sb-acs-contract",
        queueName: "chat-events",
        maxDeliveryCount: 10,
        lockDuration: "PT1M",
        deadLetteringOnMessageExpiration: true,
        requiresSession: false,
    }),
};

/** Registers one valid resource of every covered type (two event subscriptions: resource and webhook targets). */
export function createValidResources(): void {
    new resources.ResourceGroup("rg", valid.resourceGroup());
    createCommunication();
    createEventGrid();
    createStorage();
    createMessaging();
    createAuthorization();
    createMonitoring();
    createWeb();
    new logic.Workflow("email-workflow", {
        resourceGroupName: RG,
        workflowName: "la-acs-email",
        location: "westeurope",
        state: "Enabled",
        identity: { type: "SystemAssigned" },
        definition: {
            $schema:
                "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01" +
                "/workflowdefinition.json#",
            triggers: {},
            actions: {},
        },
    });
}

function createCommunication(): void {
    new communication.CommunicationService("acs", valid.communicationService());
    new communication.EmailService("email", {
        resourceGroupName: RG,
        emailServiceName: "email-acs-contract",
        dataLocation: "Europe",
        location: "global",
    });
    new communication.Domain("email-domain", {
        resourceGroupName: RG,
        emailServiceName: "email-acs-contract",
        domainName: "AzureManagedDomain",
        domainManagement: "AzureManaged",
        location: "global",
        userEngagementTracking: "Disabled",
    });
    new communication.SenderUsername("sender", {
        resourceGroupName: RG,
        emailServiceName: "email-acs-contract",
        domainName: "AzureManagedDomain",
        senderUsername: "donotreply",
        username: "DoNotReply",
        displayName: "Do not reply",
    });
}

function createEventGrid(): void {
    new eventgrid.SystemTopic("topic", {
        resourceGroupName: RG,
        systemTopicName: "acs-contract-topic",
        location: "global",
        source: IDS.acs,
        topicType: "Microsoft.Communication.CommunicationServices",
        identity: { type: "SystemAssigned" },
    });
    new eventgrid.SystemTopicEventSubscription("sms-subscription", valid.subscription());
    new eventgrid.SystemTopicEventSubscription("webhook-subscription", {
        resourceGroupName: RG,
        systemTopicName: "acs-contract-topic",
        eventSubscriptionName: "email-to-logic-app",
        destination: {
            endpointType: "WebHook",
            endpointUrl: pulumi.secret(
                "https://prod-00.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?sig=abc",
            ),
            minimumTlsVersionAllowed: "1.2",
        },
        filter: {
            includedEventTypes: ["Microsoft.Communication.EmailDeliveryReportReceived"],
            isSubjectCaseSensitive: false,
        },
        deadLetterWithResourceIdentity: {
            identity: { type: "SystemAssigned" },
            deadLetterDestination: {
                endpointType: "StorageBlob",
                resourceId: IDS.account,
                blobContainerName: "deadletters",
            },
        },
    });
}

function createStorage(): void {
    new storage.StorageAccount("account", valid.storageAccount());
    new storage.BlobServiceProperties("blob-service", valid.blobServiceProperties());
    new storage.BlobContainer("container", valid.blobContainer());
    new storage.Queue("queue", { resourceGroupName: RG, accountName: "stacscontract", queueName: "sms-events" });
    new storage.Table("table", { resourceGroupName: RG, accountName: "stacscontract", tableName: "smsrecords" });
    // A data-plane resource: only the account and container names it addresses are checked.
    new storage.Blob("package", valid.blob());
}

function createMessaging(): void {
    new servicebus.Namespace("bus", valid.serviceBusNamespace());
    new servicebus.Queue("bus-queue", valid.serviceBusQueue());
    new servicebus.Topic("bus-topic", {
        resourceGroupName: RG,
        namespaceName: "sb-acs-contract",
        topicName: "chat-fanout",
        defaultMessageTimeToLive: "P14D",
    });
    new eventhub.Namespace("hubs", {
        resourceGroupName: RG,
        namespaceName: "evh-acs-contract",
        location: "westeurope",
        sku: { name: "Standard", tier: "Standard", capacity: 1 },
        isAutoInflateEnabled: true,
        maximumThroughputUnits: 4,
        minimumTlsVersion: "1.2",
        disableLocalAuth: true,
    });
    new eventhub.EventHub("hub", {
        resourceGroupName: RG,
        namespaceName: "evh-acs-contract",
        eventHubName: "acs-events",
        partitionCount: 2,
        messageRetentionInDays: 1,
    });
}

function createAuthorization(): void {
    new authorization.RoleAssignment("dead-letter-writer", {
        scope: IDS.account,
        roleAssignmentName: "6f1b0a52-3c0e-5e1a-9d7a-2f0b8c1d4e5f",
        principalId: "a81372e1-9730-4206-a78c-5b2c0b23a957",
        principalType: "ServicePrincipal",
        roleDefinitionId: BLOB_DATA_CONTRIBUTOR,
    });
    new authorization.ManagementLockAtResourceLevel("acs-lock", {
        resourceGroupName: RG,
        resourceProviderNamespace: "Microsoft.Communication",
        parentResourcePath: "",
        resourceType: "communicationServices",
        resourceName: "acs-contract",
        apiVersion: "2026-03-18",
        lockName: "acs-no-delete",
        level: "CanNotDelete",
        notes: "The ACS resource holds phone numbers",
    });
    new authorization.RoleDefinition("email-sender-role", {
        scope: `${SUB}/resourceGroups/${RG}`,
        roleDefinitionId: "0d1c9a1e-5b2f-5c3d-8e4f-1a2b3c4d5e6f",
        roleName: "ACS email sender (contract)",
        description: "Send email through ACS",
        roleType: "CustomRole",
        permissions: [
            {
                actions: [
                    "Microsoft.Communication/CommunicationServices/Read",
                    "Microsoft.Communication/CommunicationServices/Write",
                    "Microsoft.Communication/EmailServices/write",
                ],
                notActions: [],
                dataActions: [],
                notDataActions: [],
            },
        ],
        assignableScopes: [`${SUB}/resourceGroups/${RG}`],
    });
    new authorization.ManagementLockByScope("rg-lock", {
        scope: `${SUB}/resourceGroups/${RG}`,
        lockName: "rg-no-delete",
        level: "CanNotDelete",
    });
}

function createMonitoring(): void {
    new operationalinsights.Workspace("logs", {
        resourceGroupName: RG,
        workspaceName: "law-acs-contract",
        location: "westeurope",
        sku: { name: "PerGB2018" },
        retentionInDays: 30,
    });
    new applicationinsights.Component("app-insights", {
        resourceGroupName: RG,
        resourceName: "appi-acs-contract",
        location: "westeurope",
        kind: "web",
        applicationType: "web",
        workspaceResourceId: IDS.workspace,
        ingestionMode: "LogAnalytics",
        disableLocalAuth: true,
    });
    new monitor.ActionGroup("oncall", {
        resourceGroupName: RG,
        actionGroupName: "ag-acs-oncall",
        groupShortName: "acsoncall",
        enabled: true,
        location: "global",
        emailReceivers: [{ name: "oncall", emailAddress: "oncall@example.com", useCommonAlertSchema: true }],
    });
    new monitor.MetricAlert("dead-letter-alert", {
        resourceGroupName: RG,
        ruleName: "acs-dead-letters",
        location: "global",
        description: "Events were dead-lettered",
        severity: 2,
        enabled: true,
        scopes: [IDS.topic],
        evaluationFrequency: "PT5M",
        windowSize: "PT15M",
        autoMitigate: true,
        criteria: {
            odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
            allOf: [
                {
                    criterionType: "StaticThresholdCriterion",
                    name: "dead-lettered",
                    metricName: "DeadLetteredCount",
                    metricNamespace: "Microsoft.EventGrid/systemTopics",
                    operator: "GreaterThan",
                    threshold: 0,
                    timeAggregation: "Total",
                },
            ],
        },
        actions: [{ actionGroupId: IDS.actionGroup }],
    });
    new monitor.DiagnosticSetting("topic-diagnostics", {
        resourceUri: IDS.topic,
        name: "to-log-analytics",
        workspaceId: IDS.workspace,
        logs: [{ categoryGroup: "allLogs", enabled: true }],
        metrics: [{ category: "AllMetrics", enabled: true }],
    });
}

function createWeb(): void {
    new web.AppServicePlan("plan", {
        resourceGroupName: RG,
        name: "plan-acs-contract",
        location: "westeurope",
        kind: "functionapp",
        reserved: true,
        sku: { name: "FC1", tier: "FlexConsumption" },
    });
    new web.WebApp("function-app", {
        resourceGroupName: RG,
        name: "func-acs-contract",
        location: "westeurope",
        kind: "functionapp,linux",
        serverFarmId: IDS.plan,
        httpsOnly: true,
        identity: { type: "SystemAssigned" },
        siteConfig: { minTlsVersion: "1.2", ftpsState: "Disabled", http20Enabled: true },
        functionAppConfig: {
            deployment: {
                storage: {
                    type: "blobContainer",
                    value: "https://stacscontract.blob.core.windows.net/deployments",
                    authentication: { type: "SystemAssignedIdentity" },
                },
            },
            runtime: { name: "node", version: "20" },
            scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 },
        },
    });
    new web.WebAppFunction("sms-function", {
        resourceGroupName: RG,
        name: "func-acs-contract",
        functionName: "smsReceived",
        isDisabled: false,
        language: "node",
    });
    new web.WebAppFtpAllowed("ftp", { resourceGroupName: RG, name: "func-acs-contract", allow: false });
    new web.WebAppScmAllowed("scm", { resourceGroupName: RG, name: "func-acs-contract", allow: false });
    new web.WebAppApplicationSettings("app-settings", {
        resourceGroupName: RG,
        name: "func-acs-contract",
        properties: { FUNCTIONS_EXTENSION_VERSION: "~4" },
    });
}
