/**
 * azure-native type token → the ARM resource it PUTs, the contract file that describes it, and how the azure-native
 * inputs split into URL path parameters, the resource name and the request body.
 *
 * API versions are the ones the installed `@pulumi/azure-native` declares in each class's `.d.ts` ("Uses Azure REST
 * API version …"), read by `apiVersions.ts`; the drift-guard test fails when one no longer matches the row's
 * contract file. Path parameters are the inputs azure-native puts into the request URL (its `resourceGroupName`, parent
 * names, `scope`); they are dropped from the body. The name input is the last URL segment and becomes `name`.
 */

import { installedApiVersion } from "./apiVersions";

/** How azure-native fills the name when the name input is not set (provider `Check`, which mocks do not run). */
export type AutonameStrategy =
    /** `<logical name>` + random suffix (see `resourceName.ts` for the two suffix styles). */
    | "random"
    /** A random UUID (role assignments; https://github.com/pulumi/pulumi-azure-native/issues/582). */
    | "uuid"
    /** The name is fixed by the API (singletons such as `blobServices/default`); never autonamed. */
    | "fixed";

export interface ResourceContract {
    /** azure-native type token, e.g. `azure-native:storage:StorageAccount`. */
    readonly token: string;
    /** ARM resource type, e.g. `Microsoft.Storage/storageAccounts`. */
    readonly armType: string;
    /** The API version the installed azure-native uses for this resource (read from its `.d.ts`). */
    readonly apiVersion: string;
    /** `types.json` file (without `.types.json`) of https://github.com/Azure/bicep-types-az, found in `../shared/arm-types/`. */
    readonly contractFile: string;
    /** API version of the contract file; equals `apiVersion` unless listed in CONTRACT_SUBSTITUTIONS. */
    readonly contractApiVersion: string;
    /** Input that holds the resource name (the last URL segment); absent for fixed-name singletons. */
    readonly nameInput?: string;
    /** Name the API requires (singleton child resources); used when `nameInput` is absent or unset. */
    readonly fixedName?: string;
    /** Inputs that are URL path (or query) parameters, not body properties. */
    readonly pathInputs: readonly string[];
    readonly autoname: AutonameStrategy;
}

/**
 * Where no contract file exists for the version azure-native uses, the nearest published one is used instead; each
 * substitution is recorded here so the drift-guard test can allow exactly these and nothing else.
 * `newerProperties` (`<contract object>.<property>`) exist in the version azure-native sends but not in the
 * substitute contract: they are accepted without validation instead of being reported as unknown.
 */
export interface ContractSubstitution {
    readonly uses: string;
    readonly reason: string;
    readonly newerProperties: readonly string[];
}

export const CONTRACT_SUBSTITUTIONS: Readonly<Record<string, ContractSubstitution>> = {
    "Microsoft.Web@2025-05-01": {
        uses: "2025-03-01",
        reason: "bicep-types-az publishes no Microsoft.Web 2025-05-01 types; 2025-03-01 is the nearest (https://github.com/Azure/bicep-types-az/tree/main/generated/web/microsoft.web)",
        // Found by contract/tools/findRenames.ts: in web.WebApp's 3.28.0 inputs, absent from 2025-03-01.
        newerProperties: ["FunctionAppConfig.siteUpdateStrategy"],
    },
};

/** The substitution that applies to a row, if its contract file is not the version azure-native uses. */
export function substitutionFor(contract: ResourceContract): ContractSubstitution | undefined {
    if (contract.contractApiVersion === contract.apiVersion) return undefined;
    return CONTRACT_SUBSTITUTIONS[`${contract.armType.split("/")[0]}@${contract.apiVersion}`];
}

const RG = "resourceGroupName";

// Contract files, one per provider/version (https://github.com/Azure/bicep-types-az/tree/main/generated).
const F = {
    communication: "communication_microsoft.communication_2026-03-18",
    eventgrid: "eventgrid_microsoft.eventgrid_2025-02-15",
    storage: "storage_microsoft.storage_2024-01-01",
    web: "web_microsoft.web_2025-03-01",
    logic: "logic_microsoft.logic_2019-05-01",
    servicebus: "servicebus_microsoft.servicebus_2026-01-01",
    eventhub: "eventhub_microsoft.eventhub_2024-01-01",
    roleAssignments: "authorization_microsoft.authorization_2022-04-01",
    locks: "resources_0_microsoft.authorization_2020-05-01",
    metricAlerts: "monitor_1_microsoft.insights_2018-03-01",
    diagnosticSettings: "monitor_1_microsoft.insights_2021-05-01-preview",
    actionGroups: "monitor_1_microsoft.insights_2024-10-01-preview",
    workspaces: "operationalinsights_microsoft.operationalinsights_2023-09-01",
    components: "applicationinsights_microsoft.insights_2020-02-02",
    resourceGroups: "resources_11_microsoft.resources_2024-03-01",
} as const;

type Row = Omit<ResourceContract, "apiVersion" | "contractApiVersion" | "autoname"> & { readonly autoname?: AutonameStrategy };

/** The API version is the one the installed SDK declares for the token (./apiVersions.ts), never typed by hand. */
function row(r: Row): ResourceContract {
    const version = /_(\d{4}-\d{2}-\d{2}(?:-preview)?)$/.exec(r.contractFile)?.[1];
    if (!version) throw new Error(`contract file name without API version: ${r.contractFile}`);
    const autoname = r.autoname ?? (r.nameInput ? "random" : "fixed");
    return { ...r, apiVersion: installedApiVersion(r.token) ?? version, contractApiVersion: version, autoname };
}

export const RESOURCE_CONTRACTS: readonly ResourceContract[] = [
    // Event Grid
    row({
        token: "azure-native:eventgrid:SystemTopic",
        armType: "Microsoft.EventGrid/systemTopics",
        contractFile: F.eventgrid,
        nameInput: "systemTopicName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:eventgrid:SystemTopicEventSubscription",
        armType: "Microsoft.EventGrid/systemTopics/eventSubscriptions",
        contractFile: F.eventgrid,
        nameInput: "eventSubscriptionName",
        pathInputs: [RG, "systemTopicName"],
    }),
    // Storage
    row({
        token: "azure-native:storage:StorageAccount",
        armType: "Microsoft.Storage/storageAccounts",
        contractFile: F.storage,
        nameInput: "accountName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:storage:BlobServiceProperties",
        armType: "Microsoft.Storage/storageAccounts/blobServices",
        contractFile: F.storage,
        // Optional input whose only legal value is "default"; the provider fills it when unset.
        nameInput: "blobServicesName",
        fixedName: "default",
        pathInputs: [RG, "accountName"],
        autoname: "fixed",
    }),
    row({
        token: "azure-native:storage:BlobContainer",
        armType: "Microsoft.Storage/storageAccounts/blobServices/containers",
        contractFile: F.storage,
        nameInput: "containerName",
        pathInputs: [RG, "accountName"],
    }),
    row({
        token: "azure-native:storage:Queue",
        armType: "Microsoft.Storage/storageAccounts/queueServices/queues",
        contractFile: F.storage,
        nameInput: "queueName",
        pathInputs: [RG, "accountName"],
    }),
    row({
        token: "azure-native:storage:Table",
        armType: "Microsoft.Storage/storageAccounts/tableServices/tables",
        contractFile: F.storage,
        nameInput: "tableName",
        pathInputs: [RG, "accountName"],
    }),
    // Communication
    row({
        token: "azure-native:communication:CommunicationService",
        armType: "Microsoft.Communication/communicationServices",
        contractFile: F.communication,
        nameInput: "communicationServiceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:communication:EmailService",
        armType: "Microsoft.Communication/emailServices",
        contractFile: F.communication,
        nameInput: "emailServiceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:communication:Domain",
        armType: "Microsoft.Communication/emailServices/domains",
        contractFile: F.communication,
        nameInput: "domainName",
        pathInputs: [RG, "emailServiceName"],
    }),
    row({
        token: "azure-native:communication:SenderUsername",
        armType: "Microsoft.Communication/emailServices/domains/senderUsernames",
        contractFile: F.communication,
        // `senderUsername` is the URL segment; `username` (required) is a body property.
        nameInput: "senderUsername",
        pathInputs: [RG, "emailServiceName", "domainName"],
    }),
    // Service Bus
    row({
        token: "azure-native:servicebus:Namespace",
        armType: "Microsoft.ServiceBus/namespaces",
        contractFile: F.servicebus,
        nameInput: "namespaceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:servicebus:Queue",
        armType: "Microsoft.ServiceBus/namespaces/queues",
        contractFile: F.servicebus,
        nameInput: "queueName",
        pathInputs: [RG, "namespaceName"],
    }),
    row({
        token: "azure-native:servicebus:Topic",
        armType: "Microsoft.ServiceBus/namespaces/topics",
        contractFile: F.servicebus,
        nameInput: "topicName",
        pathInputs: [RG, "namespaceName"],
    }),
    // Event Hubs
    row({
        token: "azure-native:eventhub:Namespace",
        armType: "Microsoft.EventHub/namespaces",
        contractFile: F.eventhub,
        nameInput: "namespaceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:eventhub:EventHub",
        armType: "Microsoft.EventHub/namespaces/eventhubs",
        contractFile: F.eventhub,
        nameInput: "eventHubName",
        pathInputs: [RG, "namespaceName"],
    }),
    // Authorization
    row({
        token: "azure-native:authorization:RoleAssignment",
        armType: "Microsoft.Authorization/roleAssignments",
        contractFile: F.roleAssignments,
        nameInput: "roleAssignmentName",
        pathInputs: ["scope"],
        autoname: "uuid",
    }),
    row({
        token: "azure-native:authorization:ManagementLockAtResourceLevel",
        armType: "Microsoft.Authorization/locks",
        contractFile: F.locks,
        nameInput: "lockName",
        // The target resource is addressed by five URL segments; `apiVersion` is that resource's api-version query
        // parameter, which azure-native exposes as an input. None of them is a body property.
        pathInputs: [RG, "resourceProviderNamespace", "parentResourcePath", "resourceType", "resourceName", "apiVersion"],
    }),
    row({
        token: "azure-native:authorization:ManagementLockByScope",
        armType: "Microsoft.Authorization/locks",
        contractFile: F.locks,
        nameInput: "lockName",
        pathInputs: ["scope"],
    }),
    // Monitoring
    row({
        token: "azure-native:monitor:MetricAlert",
        armType: "Microsoft.Insights/metricAlerts",
        contractFile: F.metricAlerts,
        nameInput: "ruleName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:monitor:DiagnosticSetting",
        armType: "Microsoft.Insights/diagnosticSettings",
        contractFile: F.diagnosticSettings,
        nameInput: "name",
        pathInputs: ["resourceUri"],
    }),
    row({
        token: "azure-native:monitor:ActionGroup",
        armType: "Microsoft.Insights/actionGroups",
        contractFile: F.actionGroups,
        nameInput: "actionGroupName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:operationalinsights:Workspace",
        armType: "Microsoft.OperationalInsights/workspaces",
        contractFile: F.workspaces,
        nameInput: "workspaceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:applicationinsights:Component",
        armType: "Microsoft.Insights/components",
        contractFile: F.components,
        nameInput: "resourceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:resources:ResourceGroup",
        armType: "Microsoft.Resources/resourceGroups",
        contractFile: F.resourceGroups,
        // Here `resourceGroupName` is the resource's own name, not a path parameter of a parent.
        nameInput: "resourceGroupName",
        pathInputs: [],
    }),
    // App Service / Functions
    row({
        token: "azure-native:web:AppServicePlan",
        armType: "Microsoft.Web/serverfarms",
        contractFile: F.web,
        nameInput: "name",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:web:WebApp",
        armType: "Microsoft.Web/sites",
        contractFile: F.web,
        nameInput: "name",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:web:WebAppFunction",
        armType: "Microsoft.Web/sites/functions",
        contractFile: F.web,
        nameInput: "functionName",
        // `name` is the site (parent) name.
        pathInputs: [RG, "name"],
    }),
    row({
        token: "azure-native:web:WebAppFtpAllowed",
        armType: "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
        contractFile: F.web,
        fixedName: "ftp",
        pathInputs: [RG, "name"],
    }),
    row({
        token: "azure-native:web:WebAppScmAllowed",
        armType: "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
        contractFile: F.web,
        fixedName: "scm",
        pathInputs: [RG, "name"],
    }),
    row({
        token: "azure-native:web:WebAppApplicationSettings",
        armType: "Microsoft.Web/sites/config",
        contractFile: F.web,
        fixedName: "appsettings",
        pathInputs: [RG, "name"],
    }),
    row({
        token: "azure-native:logic:Workflow",
        armType: "Microsoft.Logic/workflows",
        contractFile: F.logic,
        nameInput: "workflowName",
        pathInputs: [RG],
    }),
];

const byToken = new Map(RESOURCE_CONTRACTS.map((c) => [c.token, c]));

export function contractFor(token: string): ResourceContract | undefined {
    return byToken.get(token);
}

/** azure-native tokens only; component and other-provider resources are outside this check. */
export function isAzureNativeToken(token: string): boolean {
    return token.startsWith("azure-native:");
}
