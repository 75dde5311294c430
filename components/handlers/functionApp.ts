import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as storage from "@pulumi/azure-native/storage";
import * as web from "@pulumi/azure-native/web";
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import { APP_SETTINGS, DEFAULT_RECORDS_TABLE_NAME, DEFAULT_TICKETS_QUEUE_NAME } from "../../functions/src/settings";
import { SMS_EVENTS_FUNCTION_NAME } from "../../functions/src/functionName";
import { childName } from "../naming";
import { BuiltInRoles, grantRole } from "../roles";
import { emailSenderGrants } from "./emailRole";
import { hardenedStorageAccount } from "../storageAccount";
import { EndpointType } from "../types";
import { HandlerEndpoint } from "./endpoint";
import { TargetContext } from "./storageQueue";

/** Function App handler: Flex Consumption, Event Grid trigger, code from this repository. */
export interface FunctionTargetArgs {
    /** Required. Function App name (2–60 letters, digits, hyphens; globally unique). */
    appName: pulumi.Input<string>;
    /** Required. Storage account for host storage, the code package, the records table and the tickets queue. */
    storageAccountName: pulumi.Input<string>;
    /** Optional. Function name inside the app. Default: "smsEvents" (the name functions/src registers). */
    functionName?: pulumi.Input<string>;
    /** Optional. Email addresses notified for each SMS. */
    notifyRecipients?: pulumi.Input<pulumi.Input<string>[]>;
    /** Optional. Instance memory in MB: 512, 2048 or 4096. Default: 2048. */
    instanceMemoryMB?: pulumi.Input<number>;
    /** Optional. Maximum instances. Default: 40. */
    maximumInstanceCount?: pulumi.Input<number>;
    /** Optional. Built code package (zip). Default: functions/dist/package.zip, built by `npm run build:functions`. */
    packagePath?: string;
}

/** Where the app sends email from and through; set by AcsEventHandling from the ACS resource and its email domain. */
export interface EmailContext {
    communicationServiceId?: pulumi.Input<string>;
    /** Full id of the email sender custom role (components/roles.ts emailSenderRoleDefinition). */
    emailRoleDefinitionId?: pulumi.Input<string>;
    communicationEndpoint?: pulumi.Input<string>;
    emailSender?: pulumi.Input<string>;
}

export const DEFAULT_PACKAGE_PATH = path.join("functions", "dist", "package.zip");

/** Set by the offline harness (plan, tests): nothing is uploaded there, so the package need not be built. */
export const OFFLINE_ENV = "ACS_EVENT_HANDLING_OFFLINE";

/**
 * The code package must exist before `pulumi up` uploads it; say how to build it instead of letting the upload
 * fail with a bare "no such file".
 */
function packageFile(handler: string, given: string | undefined): string {
    const file = given ?? DEFAULT_PACKAGE_PATH;
    if (process.env[OFFLINE_ENV] !== "1" && !fs.existsSync(file)) {
        throw new Error(`handler "${handler}": the function package ${file} does not exist; run \`npm run build:functions\` before \`pulumi up\` (or set function.packagePath)`);
    }
    return file;
}

/** Tag the policy pack reads for a documented shared-key exemption (policy/rules/storageAccount/disableSharedKey.ts). */
export const SHARED_KEY_REASON_TAG = "acs-event-handling:shared-key-reason";
/** Why the function account keeps shared keys (at most 256 characters, Azure's tag value limit). */
export const SHARED_KEY_REASON = "pulumi storage.Blob uploads the function package with account keys (pulumi/pulumi-azure-native#2015); the app uses its identity";

/**
 * The Function App the classic ACS scenario needs: Flex Consumption (Microsoft's recommended plan for new
 * Node.js apps), storage reached with the app's managed identity, Application Insights with Entra auth, HTTPS
 * only, TLS 1.2, FTP and basic publishing credentials off. The code package is uploaded by Pulumi before the app
 * is created, so the app starts with the function present; the subscription waits for both (Event Grid refuses an
 * AzureFunction destination whose function does not exist yet, field-notes F5).
 */
export function functionEndpoint(ctx: TargetContext, args: FunctionTargetArgs, email: EmailContext): HandlerEndpoint {
    const n = (role: string) => childName(ctx.name, role);
    const opts = { parent: ctx.parent };
    const account = hardenedStorageAccount(n("storage"), ctx.parent, {
        resourceGroupName: ctx.resourceGroupName, location: ctx.location, accountName: args.storageAccountName, sku: "Standard_LRS",
        networkDefaultAction: "Allow", allowSharedKeyAccess: true,
        // The app itself is identity-based; the keys are for the package upload. Recorded on the resource so the
        // policy pack lists the exemption with its reason instead of asking to turn keys off (docs/policies.md).
        tags: pulumi.output(ctx.tags ?? {}).apply((t) => ({ ...t, "resource-usage": "azure-functions", [SHARED_KEY_REASON_TAG]: SHARED_KEY_REASON })),
    });
    const storageArgs = { resourceGroupName: ctx.resourceGroupName, accountName: account.name };
    new storage.BlobServiceProperties(n("blob-service"), {
        ...storageArgs, blobServicesName: "default",
        deleteRetentionPolicy: { enabled: true, days: 7 }, containerDeleteRetentionPolicy: { enabled: true, days: 7 },
    }, opts);
    const packages = new storage.BlobContainer(n("packages"), { ...storageArgs, containerName: "app-package", publicAccess: "None" }, opts);
    const table = new storage.Table(n("records"), { ...storageArgs, tableName: DEFAULT_RECORDS_TABLE_NAME }, opts);
    const tickets = new storage.Queue(n("tickets"), { ...storageArgs, queueName: DEFAULT_TICKETS_QUEUE_NAME }, opts);
    const code = new storage.Blob(n("code"), {
        ...storageArgs, containerName: packages.name, blobName: "released-package.zip", type: "Block", contentType: "application/zip",
        source: new pulumi.asset.FileAsset(packageFile(ctx.name, args.packagePath)),
    }, opts);
    const insights = appInsights(ctx, args.appName);
    const plan = new web.AppServicePlan(n("plan"), {
        resourceGroupName: ctx.resourceGroupName, location: ctx.location, name: pulumi.interpolate`${args.appName}-plan`,
        kind: "functionapp", reserved: true, sku: { name: "FC1", tier: "FlexConsumption" }, tags: ctx.tags,
    }, opts);
    const app = new web.WebApp(n("app"), {
        resourceGroupName: ctx.resourceGroupName, location: ctx.location, name: args.appName, kind: "functionapp,linux",
        serverFarmId: plan.id, httpsOnly: true, clientCertEnabled: false, publicNetworkAccess: "Enabled",
        identity: { type: "SystemAssigned" },
        siteConfig: {
            minTlsVersion: "1.2", scmMinTlsVersion: "1.2", ftpsState: "Disabled", http20Enabled: true, remoteDebuggingEnabled: false,
            appSettings: appSettings(account.name, table.name, tickets.name, insights.connectionString, email, args.notifyRecipients),
        },
        functionAppConfig: {
            deployment: { storage: { type: "blobContainer", value: pulumi.interpolate`${account.primaryEndpoints.blob}app-package`, authentication: { type: "SystemAssignedIdentity" } } },
            runtime: { name: "node", version: "20" },
            scaleAndConcurrency: { instanceMemoryMB: args.instanceMemoryMB ?? 2048, maximumInstanceCount: args.maximumInstanceCount ?? 40 },
        },
        tags: ctx.tags,
    }, { ...opts, dependsOn: [code] });
    new web.WebAppFtpAllowed(n("ftp-off"), { resourceGroupName: ctx.resourceGroupName, name: app.name, allow: false }, opts);
    new web.WebAppScmAllowed(n("scm-basic-auth-off"), { resourceGroupName: ctx.resourceGroupName, name: app.name, allow: false }, opts);
    const principal = app.identity.apply((i) => i?.principalId ?? "");
    const roles = [
        grantRole(n("blob-role"), ctx.parent, principal, account.id, BuiltInRoles.StorageBlobDataOwner),
        grantRole(n("queue-role"), ctx.parent, principal, account.id, BuiltInRoles.StorageQueueDataContributor),
        grantRole(n("table-role"), ctx.parent, principal, account.id, BuiltInRoles.StorageTableDataContributor),
        grantRole(n("telemetry-role"), ctx.parent, principal, insights.id, BuiltInRoles.MonitoringMetricsPublisher),
        ...emailSenderGrants(n("email-role"), ctx.parent, principal, email),
    ];
    return {
        endpointType: EndpointType.AzureFunction,
        resourceId: pulumi.interpolate`${app.id}/functions/${args.functionName ?? SMS_EVENTS_FUNCTION_NAME}`,
        useTopicIdentity: false,
        readiness: [code, app, ...roles],
    };
}

function appInsights(ctx: TargetContext, appName: pulumi.Input<string>): applicationinsights.Component {
    const workspace = new operationalinsights.Workspace(childName(ctx.name, "logs"), {
        resourceGroupName: ctx.resourceGroupName, location: ctx.location, workspaceName: pulumi.interpolate`${appName}-logs`,
        sku: { name: "PerGB2018" }, retentionInDays: 30, features: { disableLocalAuth: true }, tags: ctx.tags,
    }, { parent: ctx.parent });
    return new applicationinsights.Component(childName(ctx.name, "insights"), {
        resourceGroupName: ctx.resourceGroupName, location: ctx.location, resourceName: pulumi.interpolate`${appName}-insights`,
        kind: "web", applicationType: "web", workspaceResourceId: workspace.id, ingestionMode: "LogAnalytics", disableLocalAuth: true, tags: ctx.tags,
    }, { parent: ctx.parent });
}

/** Only identity-based settings: no account keys or connection strings reach the app. */
function appSettings(account: pulumi.Input<string>, table: pulumi.Input<string>, queue: pulumi.Input<string>, insights: pulumi.Input<string>,
    email: EmailContext, recipients: pulumi.Input<pulumi.Input<string>[]> | undefined) {
    return [
        { name: APP_SETTINGS.storageAccountName, value: account },
        { name: APP_SETTINGS.recordsTableName, value: table },
        { name: APP_SETTINGS.ticketsQueueName, value: queue },
        { name: APP_SETTINGS.acsEndpoint, value: email.communicationEndpoint ?? "" },
        { name: APP_SETTINGS.emailSender, value: email.emailSender ?? "" },
        { name: APP_SETTINGS.notifyRecipients, value: pulumi.output(recipients ?? []).apply((r) => r.join(",")) },
        { name: "APPLICATIONINSIGHTS_CONNECTION_STRING", value: insights },
        { name: "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", value: "Authorization=AAD" },
    ];
}
