/**
 * Typical wall time, in seconds, for Azure to CREATE one resource of each type (the ARM PUT until it reports
 * Succeeded, as `pulumi up` waits for it). Used only for the plan's estimate of a first deployment's critical
 * path (criticalPath.ts), never to decide anything.
 *
 * Azure publishes no SLA for creation times. Each row says where its figure comes from: a public source, or
 * "estimate" (a typical figure for a long-running ARM operation of that kind; treat it as an order of magnitude).
 * Creation only: RBAC propagation (up to 30 minutes per the Microsoft Q&A answer cited below) and Event Grid's
 * webhook validation window are not creation time and are left out.
 */
export interface ProvisioningTime {
    readonly seconds: number;
    /** A public URL and what it says, or "estimate: <why>". */
    readonly basis: string;
}

const estimate = (seconds: number, why: string): ProvisioningTime => ({ seconds, basis: `estimate: ${why}` });

export const PROVISIONING_TIMES: Readonly<Record<string, ProvisioningTime>> = {
    "azure-native:resources:ResourceGroup": estimate(2, "a synchronous ARM PUT, no long-running operation"),
    "azure-native:communication:CommunicationService": estimate(40, "a long-running create (global resource)"),
    "azure-native:communication:EmailService": estimate(20, "a long-running create"),
    "azure-native:communication:Domain": estimate(
        90,
        "an Azure-managed email domain is provisioned with its DNS records",
    ),
    "azure-native:eventgrid:SystemTopic": estimate(20, "a long-running create"),
    "azure-native:eventgrid:SystemTopicEventSubscription": {
        seconds: 30,
        basis:
            "Event Grid validates the destination at create time; a webhook or function endpoint must answer the " +
            "validation request (https://github.com/Azure/azure-sdk-for-net/issues/51014: 10 s per attempt); 30 " +
            "s is an estimate including that handshake",
    },
    "azure-native:storage:StorageAccount": estimate(25, "a long-running create"),
    "azure-native:storage:BlobServiceProperties": estimate(2, "a synchronous PUT on an existing account"),
    "azure-native:storage:BlobContainer": estimate(2, "a synchronous PUT on an existing account"),
    "azure-native:storage:Queue": estimate(2, "a synchronous PUT on an existing account"),
    "azure-native:storage:Table": estimate(2, "a synchronous PUT on an existing account"),
    "azure-native:storage:Blob": estimate(3, "a data-plane upload of a small package"),
    "azure-native:servicebus:Namespace": estimate(60, "a long-running create"),
    "azure-native:servicebus:Queue": estimate(5, "a PUT on an existing namespace"),
    "azure-native:servicebus:Topic": estimate(5, "a PUT on an existing namespace"),
    "azure-native:eventhub:Namespace": estimate(60, "a long-running create"),
    "azure-native:eventhub:EventHub": estimate(5, "a PUT on an existing namespace"),
    "azure-native:web:AppServicePlan": estimate(15, "a long-running create"),
    "azure-native:web:WebApp": {
        seconds: 60,
        basis:
            "a function app is not usable for some time after ARM reports it created " +
            "(https://github.com/Azure/azure-functions-core-tools/issues/1616: 10-20 s more before publishing " +
            "finds it; https://github.com/serverless/serverless-azure-functions/pull/283: first deployments need " +
            "longer waits); 60 s is an estimate",
    },
    "azure-native:web:WebAppFtpAllowed": estimate(3, "a PUT on an existing site"),
    "azure-native:web:WebAppScmAllowed": estimate(3, "a PUT on an existing site"),
    "azure-native:web:WebAppApplicationSettings": estimate(5, "a PUT on an existing site (restarts it)"),
    "azure-native:logic:Workflow": estimate(10, "a synchronous create of a Consumption workflow"),
    "azure-native:operationalinsights:Workspace": estimate(20, "a long-running create"),
    "azure-native:applicationinsights:Component": estimate(10, "a create on an existing workspace"),
    "azure-native:monitor:ActionGroup": estimate(5, "a synchronous create"),
    "azure-native:monitor:MetricAlert": estimate(10, "a synchronous create"),
    "azure-native:monitor:DiagnosticSetting": estimate(5, "a synchronous create"),
    "azure-native:authorization:RoleAssignment": {
        seconds: 5,
        basis:
            "the ARM PUT only (estimate); propagation can take up to 30 minutes " +
            "(https://learn.microsoft.com/en-us/answers/questions/524792/azure-rbac-replication-latency.html) " +
            "and is not counted",
    },
    "azure-native:authorization:RoleDefinition": estimate(5, "a synchronous PUT of a custom role"),
    "azure-native:managedidentity:UserAssignedIdentity": estimate(5, "a synchronous create"),
    // The Function handler's deployment steps (components/handlers/functionDeploy.ts): dynamic resources that call ARM.
    "pulumi-nodejs:dynamic/acs-event-handling:FunctionPackagePublish": estimate(
        60,
        "one deploy of a small package to a Flex app (upload, extract, restart), retried while a new role propagates",
    ),
    "pulumi-nodejs:dynamic/acs-event-handling:FunctionRegistered": estimate(
        30,
        "the host starts and indexes its functions before ARM lists them",
    ),
    "azure-native:authorization:ManagementLockByScope": estimate(3, "a synchronous PUT"),
};

/** Types with no row (providers, components, a type added later): counted as this, and listed by the plan. */
export const UNKNOWN_TYPE_SECONDS = 10;
