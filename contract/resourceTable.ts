/**
 * azure-native type token → the ARM resource it PUTs, the contract file that describes it, and how the azure-native
 * inputs split into URL path parameters, the resource name and the request body.
 *
 * API versions are the ones the installed `@pulumi/azure-native` declares in each class's `.d.ts` ("Uses Azure REST
 * API version …"), read by `apiVersions.ts`; the drift-guard test fails when one no longer matches the row's
 * contract file. Path parameters are the inputs azure-native puts into the request URL (its `resourceGroupName`, parent
 * names, `scope`); they are dropped from the body. The name input is the last URL segment and becomes `name`.
 */

import { ARM_PATHS } from "../catalog/armPaths";
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
    /**
     * `types.json` file (without `.types.json`) of https://github.com/Azure/bicep-types-az, found in
     * `../shared/arm-types/`.
     */
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
        reason:
            "shared/arm-types holds Microsoft.Authorization 2022-04-01 (role assignments); its roleDefinitions " +
            "body is the one azure-native's 2022-05-01-preview sends, less read-only audit fields",
        newerProperties: [],
    },
    "Microsoft.Web@2025-05-01": {
        uses: "2025-03-01",
        reason:
            "bicep-types-az publishes no Microsoft.Web 2025-05-01 types; 2025-03-01 is the nearest " +
            "(https://github.com/Azure/bicep-types-az/tree/main/generated/web/microsoft.web)",
        // Found by contract/tools/findRenames.ts: in web.WebApp's 3.28.0 inputs, absent from 2025-03-01.
        newerProperties: ["FunctionAppConfig.siteUpdateStrategy"],
    },
};

/** The substitution that applies to a row, if its contract file is not the version azure-native uses. */
export function substitutionFor(contract: ResourceContract): ContractSubstitution | undefined {
    if (contract.contractApiVersion === contract.apiVersion) return undefined;
    return CONTRACT_SUBSTITUTIONS[`${contract.armType.split("/")[0]}@${contract.apiVersion}`];
}

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

type Row = Pick<ResourceContract, "token" | "contractFile"> & { readonly autoname?: AutonameStrategy };

/**
 * The ARM path (type, URL inputs, name input) comes from catalog/armPaths.ts and the API version from the installed
 * SDK (./apiVersions.ts); neither is typed here.
 */
function row(r: Row): ResourceContract {
    const version = /_(\d{4}-\d{2}-\d{2}(?:-preview)?)$/.exec(r.contractFile)?.[1];
    if (!version) throw new Error(`contract file name without API version: ${r.contractFile}`);
    const arm = ARM_PATHS[r.token];
    if (!arm) throw new Error(`no ARM path for ${r.token} in catalog/armPaths.ts`);
    const autoname = r.autoname ?? (arm.nameInput ? "random" : "fixed");
    return { ...r, ...arm, apiVersion: installedApiVersion(r.token) ?? version, contractApiVersion: version, autoname };
}

export const RESOURCE_CONTRACTS: readonly ResourceContract[] = [
    // Event Grid
    row({
        token: "azure-native:eventgrid:SystemTopic",
        contractFile: F.eventgrid,
    }),
    row({
        token: "azure-native:eventgrid:SystemTopicEventSubscription",
        contractFile: F.eventgrid,
    }),
    // Storage
    row({
        token: "azure-native:storage:StorageAccount",
        contractFile: F.storage,
    }),
    row({
        token: "azure-native:storage:BlobServiceProperties",
        contractFile: F.storage,
        autoname: "fixed",
    }),
    row({
        token: "azure-native:storage:BlobContainer",
        contractFile: F.storage,
    }),
    row({
        token: "azure-native:storage:Queue",
        contractFile: F.storage,
    }),
    row({
        token: "azure-native:storage:Table",
        contractFile: F.storage,
    }),
    // Communication
    row({
        token: "azure-native:communication:CommunicationService",
        contractFile: F.communication,
    }),
    row({
        token: "azure-native:communication:EmailService",
        contractFile: F.communication,
    }),
    row({
        token: "azure-native:communication:Domain",
        contractFile: F.communication,
    }),
    row({
        token: "azure-native:communication:SenderUsername",
        contractFile: F.communication,
    }),
    // Service Bus
    row({
        token: "azure-native:servicebus:Namespace",
        contractFile: F.servicebus,
    }),
    row({
        token: "azure-native:servicebus:Queue",
        contractFile: F.servicebus,
    }),
    row({
        token: "azure-native:servicebus:Topic",
        contractFile: F.servicebus,
    }),
    // Event Hubs
    row({
        token: "azure-native:eventhub:Namespace",
        contractFile: F.eventhub,
    }),
    row({
        token: "azure-native:eventhub:EventHub",
        contractFile: F.eventhub,
    }),
    // Authorization
    row({
        token: "azure-native:authorization:RoleAssignment",
        contractFile: F.roleAssignments,
        autoname: "uuid",
    }),
    row({
        // The email sender custom role (components/roles.ts).
        token: "azure-native:authorization:RoleDefinition",
        contractFile: F.roleAssignments,
        autoname: "uuid",
    }),
    row({
        token: "azure-native:authorization:ManagementLockAtResourceLevel",
        contractFile: F.locks,
    }),
    row({
        token: "azure-native:authorization:ManagementLockByScope",
        contractFile: F.locks,
    }),
    // Monitoring
    row({
        token: "azure-native:monitor:MetricAlert",
        contractFile: F.metricAlerts,
    }),
    row({
        token: "azure-native:monitor:DiagnosticSetting",
        contractFile: F.diagnosticSettings,
    }),
    row({
        token: "azure-native:monitor:ActionGroup",
        contractFile: F.actionGroups,
    }),
    row({
        token: "azure-native:operationalinsights:Workspace",
        contractFile: F.workspaces,
    }),
    row({
        token: "azure-native:applicationinsights:Component",
        contractFile: F.components,
    }),
    row({
        token: "azure-native:resources:ResourceGroup",
        contractFile: F.resourceGroups,
    }),
    // App Service / Functions
    row({
        token: "azure-native:web:AppServicePlan",
        contractFile: F.web,
    }),
    row({
        token: "azure-native:web:WebApp",
        contractFile: F.web,
    }),
    row({
        token: "azure-native:web:WebAppFunction",
        contractFile: F.web,
    }),
    row({
        token: "azure-native:web:WebAppFtpAllowed",
        contractFile: F.web,
    }),
    row({
        token: "azure-native:web:WebAppScmAllowed",
        contractFile: F.web,
    }),
    row({
        token: "azure-native:web:WebAppApplicationSettings",
        contractFile: F.web,
    }),
    row({
        token: "azure-native:logic:Workflow",
        contractFile: F.logic,
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
