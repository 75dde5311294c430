/**
 * Fake ARM resource ids for the mock runtime. Policies and the routing picture parse ids (a destination's
 * account, a function's app, a role assignment's scope), so the ids must have Azure's real shape: children
 * under their parent, provider namespaces and resource-type segments as Azure writes them.
 */
export const MOCK_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const MOCK_TENANT_ID = "11111111-1111-1111-1111-111111111111";

type IdBuilder = (inputs: Record<string, any>, name: string) => string;

const rg = (i: Record<string, any>) => `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${i.resourceGroupName ?? "rg"}`;
const prov = (ns: string, path: string): IdBuilder => (i, n) => `${rg(i)}/providers/${ns}/${path.replace(/\{(\w+)\}/g, (_m, k) => (k === "$name" ? n : String(i[k] ?? n)))}`;
const named = (ns: string, type: string, nameKey: string): IdBuilder => (i, n) => `${rg(i)}/providers/${ns}/${type}/${i[nameKey] ?? n}`;

const BUILDERS: Record<string, IdBuilder> = {
    "azure-native:resources:ResourceGroup": (i, n) => `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${i.resourceGroupName ?? n}`,
    "azure-native:communication:CommunicationService": named("Microsoft.Communication", "communicationServices", "communicationServiceName"),
    "azure-native:communication:EmailService": named("Microsoft.Communication", "emailServices", "emailServiceName"),
    "azure-native:communication:Domain": (i, n) => `${rg(i)}/providers/Microsoft.Communication/emailServices/${i.emailServiceName}/domains/${i.domainName ?? n}`,
    "azure-native:communication:SenderUsername": (i, n) => `${rg(i)}/providers/Microsoft.Communication/emailServices/${i.emailServiceName}/domains/${i.domainName}/senderUsernames/${i.senderUsername ?? n}`,
    "azure-native:eventgrid:SystemTopic": named("Microsoft.EventGrid", "systemTopics", "systemTopicName"),
    "azure-native:eventgrid:SystemTopicEventSubscription": prov("Microsoft.EventGrid", "systemTopics/{systemTopicName}/eventSubscriptions/{eventSubscriptionName}"),
    "azure-native:storage:StorageAccount": named("Microsoft.Storage", "storageAccounts", "accountName"),
    "azure-native:storage:BlobServiceProperties": prov("Microsoft.Storage", "storageAccounts/{accountName}/blobServices/default"),
    "azure-native:storage:BlobContainer": prov("Microsoft.Storage", "storageAccounts/{accountName}/blobServices/default/containers/{containerName}"),
    "azure-native:storage:Queue": prov("Microsoft.Storage", "storageAccounts/{accountName}/queueServices/default/queues/{queueName}"),
    "azure-native:storage:Table": prov("Microsoft.Storage", "storageAccounts/{accountName}/tableServices/default/tables/{tableName}"),
    "azure-native:storage:Blob": prov("Microsoft.Storage", "storageAccounts/{accountName}/blobServices/default/containers/{containerName}/blobs/{blobName}"),
    "azure-native:servicebus:Namespace": named("Microsoft.ServiceBus", "namespaces", "namespaceName"),
    "azure-native:servicebus:Queue": prov("Microsoft.ServiceBus", "namespaces/{namespaceName}/queues/{queueName}"),
    "azure-native:servicebus:Topic": prov("Microsoft.ServiceBus", "namespaces/{namespaceName}/topics/{topicName}"),
    "azure-native:eventhub:Namespace": named("Microsoft.EventHub", "namespaces", "namespaceName"),
    "azure-native:eventhub:EventHub": prov("Microsoft.EventHub", "namespaces/{namespaceName}/eventhubs/{eventHubName}"),
    "azure-native:managedidentity:UserAssignedIdentity": named("Microsoft.ManagedIdentity", "userAssignedIdentities", "resourceName"),
    "azure-native:web:AppServicePlan": named("Microsoft.Web", "serverfarms", "name"),
    "azure-native:web:WebApp": named("Microsoft.Web", "sites", "name"),
    "azure-native:web:WebAppFunction": prov("Microsoft.Web", "sites/{name}/functions/{functionName}"),
    "azure-native:web:WebAppFtpAllowed": prov("Microsoft.Web", "sites/{name}/basicPublishingCredentialsPolicies/ftp"),
    "azure-native:web:WebAppScmAllowed": prov("Microsoft.Web", "sites/{name}/basicPublishingCredentialsPolicies/scm"),
    "azure-native:web:WebAppApplicationSettings": prov("Microsoft.Web", "sites/{name}/config/appsettings"),
    "azure-native:logic:Workflow": named("Microsoft.Logic", "workflows", "workflowName"),
    "azure-native:operationalinsights:Workspace": named("Microsoft.OperationalInsights", "workspaces", "workspaceName"),
    "azure-native:applicationinsights:Component": named("Microsoft.Insights", "components", "resourceName"),
    "azure-native:monitor:ActionGroup": named("Microsoft.Insights", "actionGroups", "actionGroupName"),
    "azure-native:monitor:MetricAlert": named("Microsoft.Insights", "metricAlerts", "ruleName"),
    "azure-native:monitor:DiagnosticSetting": (i, n) => `${i.resourceUri}/providers/Microsoft.Insights/diagnosticSettings/${i.name ?? n}`,
    "azure-native:authorization:RoleAssignment": (i, n) => `${i.scope}/providers/Microsoft.Authorization/roleAssignments/${i.roleAssignmentName ?? n}`,
    // ARM answers a custom role's id in subscription form whatever scope it was created at.
    "azure-native:authorization:RoleDefinition": (i, n) => `/subscriptions/${String(i.scope ?? "").split("/")[2] || MOCK_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${i.roleDefinitionId ?? n}`,
    "azure-native:authorization:ManagementLockByScope": (i, n) => `${i.scope}/providers/Microsoft.Authorization/locks/${i.lockName ?? n}`,
};

export function mockArmId(type: string, name: string, inputs: Record<string, any>): string {
    const build = BUILDERS[type];
    if (build) return build(inputs, name);
    const [, mod, cls] = type.split(":");
    return `${rg(inputs)}/providers/Mock.${mod}/${cls}/${name}`;
}
