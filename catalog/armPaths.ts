/**
 * Where each azure-native resource lives in ARM: its resource type, the inputs azure-native puts into the request
 * URL (parents in URL order, or the `scope` it is an extension of) and the input holding its own name (the last URL
 * segment). One table for the resource ids of the mock runtime (harness/armIds.ts) and the URL/body split of the
 * contract check (contract/resourceTable.ts). Paths as in the ARM REST API reference
 * (https://learn.microsoft.com/rest/api/azure/) and the azure-native inputs that fill them.
 */
export interface ArmPath {
    /** ARM resource type, e.g. `Microsoft.Storage/storageAccounts/queueServices/queues`. */
    readonly armType: string;
    /** Inputs that are URL path (or query) parameters, not body properties. */
    readonly pathInputs: readonly string[];
    /** Input that holds the resource name (the last URL segment); absent for fixed-name singletons. */
    readonly nameInput?: string;
    /** Name the API requires (singleton child resources); used when `nameInput` is absent or unset. */
    readonly fixedName?: string;
    /** ARM answers the id in subscription form whatever scope the resource was created at (custom role definitions). */
    readonly idAtSubscription?: boolean;
}

const RG = "resourceGroupName";

export const ARM_PATHS: Readonly<Record<string, ArmPath>> = {
    "azure-native:eventgrid:SystemTopic": {
        armType: "Microsoft.EventGrid/systemTopics",
        nameInput: "systemTopicName",
        pathInputs: [RG],
    },
    "azure-native:eventgrid:SystemTopicEventSubscription": {
        armType: "Microsoft.EventGrid/systemTopics/eventSubscriptions",
        nameInput: "eventSubscriptionName",
        pathInputs: [RG, "systemTopicName"],
    },
    "azure-native:storage:StorageAccount": {
        armType: "Microsoft.Storage/storageAccounts",
        nameInput: "accountName",
        pathInputs: [RG],
    },
    // Optional input whose only legal value is "default"; the provider fills it when unset.
    "azure-native:storage:BlobServiceProperties": {
        armType: "Microsoft.Storage/storageAccounts/blobServices",
        nameInput: "blobServicesName",
        fixedName: "default",
        pathInputs: [RG, "accountName"],
    },
    "azure-native:storage:BlobContainer": {
        armType: "Microsoft.Storage/storageAccounts/blobServices/containers",
        nameInput: "containerName",
        pathInputs: [RG, "accountName"],
    },
    "azure-native:storage:Queue": {
        armType: "Microsoft.Storage/storageAccounts/queueServices/queues",
        nameInput: "queueName",
        pathInputs: [RG, "accountName"],
    },
    "azure-native:storage:Table": {
        armType: "Microsoft.Storage/storageAccounts/tableServices/tables",
        nameInput: "tableName",
        pathInputs: [RG, "accountName"],
    },
    "azure-native:communication:CommunicationService": {
        armType: "Microsoft.Communication/communicationServices",
        nameInput: "communicationServiceName",
        pathInputs: [RG],
    },
    "azure-native:communication:EmailService": {
        armType: "Microsoft.Communication/emailServices",
        nameInput: "emailServiceName",
        pathInputs: [RG],
    },
    "azure-native:communication:Domain": {
        armType: "Microsoft.Communication/emailServices/domains",
        nameInput: "domainName",
        pathInputs: [RG, "emailServiceName"],
    },
    // `senderUsername` is the URL segment; `username` (required) is a body property.
    "azure-native:communication:SenderUsername": {
        armType: "Microsoft.Communication/emailServices/domains/senderUsernames",
        nameInput: "senderUsername",
        pathInputs: [RG, "emailServiceName", "domainName"],
    },
    "azure-native:servicebus:Namespace": {
        armType: "Microsoft.ServiceBus/namespaces",
        nameInput: "namespaceName",
        pathInputs: [RG],
    },
    "azure-native:servicebus:Queue": {
        armType: "Microsoft.ServiceBus/namespaces/queues",
        nameInput: "queueName",
        pathInputs: [RG, "namespaceName"],
    },
    "azure-native:servicebus:Topic": {
        armType: "Microsoft.ServiceBus/namespaces/topics",
        nameInput: "topicName",
        pathInputs: [RG, "namespaceName"],
    },
    "azure-native:eventhub:Namespace": {
        armType: "Microsoft.EventHub/namespaces",
        nameInput: "namespaceName",
        pathInputs: [RG],
    },
    "azure-native:eventhub:EventHub": {
        armType: "Microsoft.EventHub/namespaces/eventhubs",
        nameInput: "eventHubName",
        pathInputs: [RG, "namespaceName"],
    },
    "azure-native:managedidentity:UserAssignedIdentity": {
        armType: "Microsoft.ManagedIdentity/userAssignedIdentities",
        nameInput: "resourceName",
        pathInputs: [RG],
    },
    "azure-native:authorization:RoleDefinition": {
        armType: "Microsoft.Authorization/roleDefinitions",
        nameInput: "roleDefinitionId",
        pathInputs: ["scope"],
        idAtSubscription: true,
    },
    "azure-native:authorization:RoleAssignment": {
        armType: "Microsoft.Authorization/roleAssignments",
        nameInput: "roleAssignmentName",
        pathInputs: ["scope"],
    },
    // The target resource is addressed by five URL segments; `apiVersion` is that resource's api-version query
    // parameter, which azure-native exposes as an input. None of them is a body property.
    "azure-native:authorization:ManagementLockAtResourceLevel": {
        armType: "Microsoft.Authorization/locks",
        nameInput: "lockName",
        pathInputs: [
            RG,
            "resourceProviderNamespace",
            "parentResourcePath",
            "resourceType",
            "resourceName",
            "apiVersion",
        ],
    },
    "azure-native:authorization:ManagementLockByScope": {
        armType: "Microsoft.Authorization/locks",
        nameInput: "lockName",
        pathInputs: ["scope"],
    },
    "azure-native:monitor:MetricAlert": {
        armType: "Microsoft.Insights/metricAlerts",
        nameInput: "ruleName",
        pathInputs: [RG],
    },
    "azure-native:monitor:DiagnosticSetting": {
        armType: "Microsoft.Insights/diagnosticSettings",
        nameInput: "name",
        pathInputs: ["resourceUri"],
    },
    "azure-native:monitor:ActionGroup": {
        armType: "Microsoft.Insights/actionGroups",
        nameInput: "actionGroupName",
        pathInputs: [RG],
    },
    "azure-native:operationalinsights:Workspace": {
        armType: "Microsoft.OperationalInsights/workspaces",
        nameInput: "workspaceName",
        pathInputs: [RG],
    },
    "azure-native:applicationinsights:Component": {
        armType: "Microsoft.Insights/components",
        nameInput: "resourceName",
        pathInputs: [RG],
    },
    // Here `resourceGroupName` is the resource's own name, not a path parameter of a parent.
    "azure-native:resources:ResourceGroup": {
        armType: "Microsoft.Resources/resourceGroups",
        nameInput: "resourceGroupName",
        pathInputs: [],
    },
    "azure-native:web:AppServicePlan": { armType: "Microsoft.Web/serverfarms", nameInput: "name", pathInputs: [RG] },
    "azure-native:web:WebApp": { armType: "Microsoft.Web/sites", nameInput: "name", pathInputs: [RG] },
    // `name` is the site (parent) name.
    "azure-native:web:WebAppFunction": {
        armType: "Microsoft.Web/sites/functions",
        nameInput: "functionName",
        pathInputs: [RG, "name"],
    },
    "azure-native:web:WebAppFtpAllowed": {
        armType: "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
        fixedName: "ftp",
        pathInputs: [RG, "name"],
    },
    "azure-native:web:WebAppScmAllowed": {
        armType: "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
        fixedName: "scm",
        pathInputs: [RG, "name"],
    },
    "azure-native:web:WebAppApplicationSettings": {
        armType: "Microsoft.Web/sites/config",
        fixedName: "appsettings",
        pathInputs: [RG, "name"],
    },
    "azure-native:logic:Workflow": {
        armType: "Microsoft.Logic/workflows",
        nameInput: "workflowName",
        pathInputs: [RG],
    },
};

/**
 * The resource id ARM gives a resource of `token` with these inputs; `logicalName` stands in for a name input left
 * to autonaming. Parent segments without an input are singletons named `default` (blobServices, queueServices,
 * tableServices). undefined for tokens outside the table and for resource-level locks (addressed by five inputs).
 */
export function armResourceId(
    token: string,
    logicalName: string,
    inputs: Record<string, any>,
    subscriptionId: string,
): string | undefined {
    const p = ARM_PATHS[token];
    if (!p || p.pathInputs.includes("resourceProviderNamespace")) return undefined;
    const name = (p.nameInput && inputs[p.nameInput]) ?? p.fixedName ?? logicalName;
    if (p.armType === "Microsoft.Resources/resourceGroups")
        return `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
    const scope = p.pathInputs.find((k) => k === "scope" || k === "resourceUri");
    if (scope && p.idAtSubscription) {
        const sub = String(inputs[scope] ?? "").split("/")[2] || subscriptionId;
        return `/subscriptions/${sub}/providers/${p.armType}/${name}`;
    }
    if (scope) return `${inputs[scope]}/providers/${p.armType}/${name}`;
    const [namespace, ...types] = p.armType.split("/");
    const parents = p.pathInputs.filter((k) => k !== RG).map((k) => inputs[k] ?? logicalName);
    const segments = types.flatMap((type, i) => [type, i === types.length - 1 ? name : (parents[i] ?? "default")]);
    return (
        `/subscriptions/${subscriptionId}/resourceGroups/${inputs[RG] ?? "rg"}/providers/${namespace}/` +
        `${segments.join("/")}`
    );
}
