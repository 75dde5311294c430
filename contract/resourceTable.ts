/**
 * azure-native type token → the ARM resource it PUTs, the contract file that describes it, and how the azure-native
 * inputs split into URL path parameters, the resource name and the request body.
 *
 * API versions are the ones `@pulumi/azure-native` 3.28.0 declares in each class's `.d.ts` ("Uses Azure REST API
 * version …"); `apiVersions.ts` reads them back from the installed package and the drift-guard test fails when one
 * changes. Path parameters are the inputs azure-native puts into the request URL (its `resourceGroupName`, parent
 * names, `scope`); they are dropped from the body. The name input is the last URL segment and becomes `name`.
 */

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
    /** The API version azure-native 3.28.0 uses for this resource. */
    readonly apiVersion: string;
    /** `types.json` file (without `.types.json`) under `../shared/arm-types/`. */
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
    "Microsoft.Authorization@2022-05-01-preview": {
        uses: "2022-04-01",
        reason: "shared/arm-types holds Microsoft.Authorization 2022-04-01 (role assignments); its roleDefinitions body is the one azure-native's 2022-05-01-preview sends, less read-only audit fields",
        newerProperties: [],
    },
    "Microsoft.Web@2025-05-01": {
        uses: "2025-03-01",
        reason: "bicep-types-az publishes no Microsoft.Web 2025-05-01 types; 2025-03-01 is the nearest (shared/arm-types/README.md)",
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

// Contract files, one per provider/version (see /work/shared/arm-types/README.md).
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

type Row = Omit<ResourceContract, "contractApiVersion" | "autoname"> & { readonly autoname?: AutonameStrategy };

function row(r: Row): ResourceContract {
    const version = /_(\d{4}-\d{2}-\d{2}(?:-preview)?)$/.exec(r.contractFile)?.[1];
    if (!version) throw new Error(`contract file name without API version: ${r.contractFile}`);
    const autoname = r.autoname ?? (r.nameInput ? "random" : "fixed");
    return { ...r, contractApiVersion: version, autoname };
}

export const RESOURCE_CONTRACTS: readonly ResourceContract[] = [
    // Event Grid
    row({
        token: "azure-native:eventgrid:SystemTopic",
        armType: "Microsoft.EventGrid/systemTopics",
        apiVersion: "2025-02-15",
        contractFile: F.eventgrid,
        nameInput: "systemTopicName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:eventgrid:SystemTopicEventSubscription",
        armType: "Microsoft.EventGrid/systemTopics/eventSubscriptions",
        apiVersion: "2025-02-15",
        contractFile: F.eventgrid,
        nameInput: "eventSubscriptionName",
        pathInputs: [RG, "systemTopicName"],
    }),
    // Storage
    row({
        token: "azure-native:storage:StorageAccount",
        armType: "Microsoft.Storage/storageAccounts",
        apiVersion: "2024-01-01",
        contractFile: F.storage,
        nameInput: "accountName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:storage:BlobServiceProperties",
        armType: "Microsoft.Storage/storageAccounts/blobServices",
        apiVersion: "2024-01-01",
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
        apiVersion: "2024-01-01",
        contractFile: F.storage,
        nameInput: "containerName",
        pathInputs: [RG, "accountName"],
    }),
    row({
        token: "azure-native:storage:Queue",
        armType: "Microsoft.Storage/storageAccounts/queueServices/queues",
        apiVersion: "2024-01-01",
        contractFile: F.storage,
        nameInput: "queueName",
        pathInputs: [RG, "accountName"],
    }),
    row({
        token: "azure-native:storage:Table",
        armType: "Microsoft.Storage/storageAccounts/tableServices/tables",
        apiVersion: "2024-01-01",
        contractFile: F.storage,
        nameInput: "tableName",
        pathInputs: [RG, "accountName"],
    }),
    // Communication
    row({
        token: "azure-native:communication:CommunicationService",
        armType: "Microsoft.Communication/communicationServices",
        apiVersion: "2026-03-18",
        contractFile: F.communication,
        nameInput: "communicationServiceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:communication:EmailService",
        armType: "Microsoft.Communication/emailServices",
        apiVersion: "2026-03-18",
        contractFile: F.communication,
        nameInput: "emailServiceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:communication:Domain",
        armType: "Microsoft.Communication/emailServices/domains",
        apiVersion: "2026-03-18",
        contractFile: F.communication,
        nameInput: "domainName",
        pathInputs: [RG, "emailServiceName"],
    }),
    row({
        token: "azure-native:communication:SenderUsername",
        armType: "Microsoft.Communication/emailServices/domains/senderUsernames",
        apiVersion: "2026-03-18",
        contractFile: F.communication,
        // `senderUsername` is the URL segment; `username` (required) is a body property.
        nameInput: "senderUsername",
        pathInputs: [RG, "emailServiceName", "domainName"],
    }),
    // Service Bus
    row({
        token: "azure-native:servicebus:Namespace",
        armType: "Microsoft.ServiceBus/namespaces",
        apiVersion: "2026-01-01",
        contractFile: F.servicebus,
        nameInput: "namespaceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:servicebus:Queue",
        armType: "Microsoft.ServiceBus/namespaces/queues",
        apiVersion: "2026-01-01",
        contractFile: F.servicebus,
        nameInput: "queueName",
        pathInputs: [RG, "namespaceName"],
    }),
    row({
        token: "azure-native:servicebus:Topic",
        armType: "Microsoft.ServiceBus/namespaces/topics",
        apiVersion: "2026-01-01",
        contractFile: F.servicebus,
        nameInput: "topicName",
        pathInputs: [RG, "namespaceName"],
    }),
    // Event Hubs
    row({
        token: "azure-native:eventhub:Namespace",
        armType: "Microsoft.EventHub/namespaces",
        apiVersion: "2024-01-01",
        contractFile: F.eventhub,
        nameInput: "namespaceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:eventhub:EventHub",
        armType: "Microsoft.EventHub/namespaces/eventhubs",
        apiVersion: "2024-01-01",
        contractFile: F.eventhub,
        nameInput: "eventHubName",
        pathInputs: [RG, "namespaceName"],
    }),
    // Authorization
    row({
        token: "azure-native:authorization:RoleAssignment",
        armType: "Microsoft.Authorization/roleAssignments",
        apiVersion: "2022-04-01",
        contractFile: F.roleAssignments,
        nameInput: "roleAssignmentName",
        pathInputs: ["scope"],
        autoname: "uuid",
    }),
    row({
        // The email sender custom role (components/roles.ts).
        token: "azure-native:authorization:RoleDefinition",
        armType: "Microsoft.Authorization/roleDefinitions",
        apiVersion: "2022-05-01-preview",
        contractFile: F.roleAssignments,
        nameInput: "roleDefinitionId",
        pathInputs: ["scope"],
        autoname: "uuid",
    }),
    row({
        token: "azure-native:authorization:ManagementLockAtResourceLevel",
        armType: "Microsoft.Authorization/locks",
        apiVersion: "2020-05-01",
        contractFile: F.locks,
        nameInput: "lockName",
        // The target resource is addressed by five URL segments; `apiVersion` is that resource's api-version query
        // parameter, which azure-native exposes as an input. None of them is a body property.
        pathInputs: [RG, "resourceProviderNamespace", "parentResourcePath", "resourceType", "resourceName", "apiVersion"],
    }),
    row({
        token: "azure-native:authorization:ManagementLockByScope",
        armType: "Microsoft.Authorization/locks",
        apiVersion: "2020-05-01",
        contractFile: F.locks,
        nameInput: "lockName",
        pathInputs: ["scope"],
    }),
    // Monitoring
    row({
        token: "azure-native:monitor:MetricAlert",
        armType: "Microsoft.Insights/metricAlerts",
        apiVersion: "2018-03-01",
        contractFile: F.metricAlerts,
        nameInput: "ruleName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:monitor:DiagnosticSetting",
        armType: "Microsoft.Insights/diagnosticSettings",
        apiVersion: "2021-05-01-preview",
        contractFile: F.diagnosticSettings,
        nameInput: "name",
        pathInputs: ["resourceUri"],
    }),
    row({
        token: "azure-native:monitor:ActionGroup",
        armType: "Microsoft.Insights/actionGroups",
        apiVersion: "2024-10-01-preview",
        contractFile: F.actionGroups,
        nameInput: "actionGroupName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:operationalinsights:Workspace",
        armType: "Microsoft.OperationalInsights/workspaces",
        apiVersion: "2023-09-01",
        contractFile: F.workspaces,
        nameInput: "workspaceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:applicationinsights:Component",
        armType: "Microsoft.Insights/components",
        apiVersion: "2020-02-02",
        contractFile: F.components,
        nameInput: "resourceName",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:resources:ResourceGroup",
        armType: "Microsoft.Resources/resourceGroups",
        apiVersion: "2024-03-01",
        contractFile: F.resourceGroups,
        // Here `resourceGroupName` is the resource's own name, not a path parameter of a parent.
        nameInput: "resourceGroupName",
        pathInputs: [],
    }),
    // App Service / Functions
    row({
        token: "azure-native:web:AppServicePlan",
        armType: "Microsoft.Web/serverfarms",
        apiVersion: "2025-05-01",
        contractFile: F.web,
        nameInput: "name",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:web:WebApp",
        armType: "Microsoft.Web/sites",
        apiVersion: "2025-05-01",
        contractFile: F.web,
        nameInput: "name",
        pathInputs: [RG],
    }),
    row({
        token: "azure-native:web:WebAppFunction",
        armType: "Microsoft.Web/sites/functions",
        apiVersion: "2025-05-01",
        contractFile: F.web,
        nameInput: "functionName",
        // `name` is the site (parent) name.
        pathInputs: [RG, "name"],
    }),
    row({
        token: "azure-native:web:WebAppFtpAllowed",
        armType: "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
        apiVersion: "2025-05-01",
        contractFile: F.web,
        fixedName: "ftp",
        pathInputs: [RG, "name"],
    }),
    row({
        token: "azure-native:web:WebAppScmAllowed",
        armType: "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
        apiVersion: "2025-05-01",
        contractFile: F.web,
        fixedName: "scm",
        pathInputs: [RG, "name"],
    }),
    row({
        token: "azure-native:web:WebAppApplicationSettings",
        armType: "Microsoft.Web/sites/config",
        apiVersion: "2025-05-01",
        contractFile: F.web,
        fixedName: "appsettings",
        pathInputs: [RG, "name"],
    }),
    row({
        token: "azure-native:logic:Workflow",
        armType: "Microsoft.Logic/workflows",
        apiVersion: "2019-05-01",
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
