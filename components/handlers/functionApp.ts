import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as storage from "@pulumi/azure-native/storage";
import * as web from "@pulumi/azure-native/web";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    APP_SETTINGS,
    DEFAULT_RECORDS_TABLE_NAME,
    DEFAULT_TICKETS_QUEUE_NAME,
    SMS_EVENTS_FUNCTION_NAME,
} from "./functionContract";
import { childName } from "../naming";
import { isOfflineHarness } from "../offline";
import { BuiltInRoles, grantRole } from "../roles";
import { emailSenderGrants } from "./emailRole";
import { hardenedStorageAccount } from "../storageAccount";
import { EndpointType } from "../types";
import { HandlerEndpoint } from "./endpoint";
import { functionPackagePublish, functionRegistered } from "./functionDeploy";
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
    /**
     * Optional. Instance memory in MB: 2048 or 4096 (FLEX_INSTANCE_MEMORY_MB in validation/limits.ts says why not
     * 512). Default: 2048.
     */
    instanceMemoryMB?: pulumi.Input<number>;
    /** Optional. Maximum instances. Default: 40. */
    maximumInstanceCount?: pulumi.Input<number>;
    /**
     * Optional. Built code package (zip); a relative path is taken from the working directory. Default: this
     * package's functions/dist/package.zip, built by `npm run build:functions`.
     */
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

/**
 * This package's root: the nearest directory above this module holding a package.json (components/handlers when run
 * from source, dist/components/handlers when built), so the default package does not depend on the working directory.
 */
function packageRoot(from = __dirname): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json"))) return dir;
        if (path.dirname(dir) === dir) return from;
    }
}

export const DEFAULT_PACKAGE_PATH = path.join(packageRoot(), "functions", "dist", "package.zip");

/** Flex Consumption runtime for the deployed app: Node.js 22 (Node.js 20 support ended 2026-04-30,
 * https://learn.microsoft.com/azure/azure-functions/functions-versions#languages). The bundle targets the same
 * version (functions/scripts/build.ts). */
export const FUNCTION_RUNTIME = { name: "node", version: "22" } as const;

/**
 * The code package must exist before `pulumi up` uploads it; say how to build it instead of letting the upload
 * fail with a bare "no such file".
 */
function packageFile(handler: string, given: string | undefined): string {
    const file = given ?? DEFAULT_PACKAGE_PATH;
    if (!isOfflineHarness() && !fs.existsSync(file)) {
        throw new Error(
            `handler "${handler}": the function package ${file} does not exist; ` +
                "run `npm run build:functions` before `pulumi up` (or set function.packagePath)",
        );
    }
    return file;
}

/**
 * The app's deployment container, and the blob we upload the package to: not released-package.zip, the blob Flex's
 * own deployments write there.
 */
const PACKAGE_CONTAINER = "app-package";
const UPLOAD_BLOB = "upload/package.zip";

/** SHA-256 of the package, so a rebuilt package is published again; a fixed marker where it is not built (offline). */
function packageHash(file: string): string {
    return fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : "not-built";
}

/**
 * Tag the policy pack reads for a documented shared-key exemption (policy/rules/storageAccount/disableSharedKey.ts).
 */
export const SHARED_KEY_REASON_TAG = "acs-event-handling:shared-key-reason";
/** Why the function account keeps shared keys (at most 256 characters, Azure's tag value limit). */
export const SHARED_KEY_REASON =
    "pulumi storage.Blob uploads the function package with account keys (pulumi/pulumi-azure-native#2015); " +
    "the app uses its identity";

/**
 * The Function App the classic ACS scenario needs: Flex Consumption (Microsoft's recommended plan for new
 * Node.js apps), storage reached with the app's managed identity, Application Insights with Entra auth, HTTPS
 * only, FTP and basic publishing credentials off.
 *
 * The site body carries no `siteConfig`: azure-native fills defaults into any siteConfig it is given
 * (`netFrameworkVersion: "v4.6"`, see `siteConfigArgsProvideDefaults` in @pulumi/azure-native/types/input.js), and
 * Flex Consumption rejects that and other site-config properties with ARM error 51021
 * (https://github.com/pulumi/pulumi-azure-native/issues/4168,
 * https://github.com/microsoft/azure-pipelines-tasks/issues/21032,
 * https://github.com/Azure/terraform-azurerm-avm-res-web-site/issues/360). So the app settings go in the
 * `config/appsettings` child (https://learn.microsoft.com/azure/templates/microsoft.web/sites/config-appsettings),
 * the runtime and scale in `functionAppConfig`, and FTP
 * stays off through the basic publishing credentials policies (Flex offers no FTP state setting; TLS 1.2 is the
 * platform minimum for new apps). The policy rule function-app-flex-site-config keeps it so.
 *
 * Order (functionDeploy.ts says why): package uploaded and the app's identity granted on the account →
 * one deploy of the package → function registered with an Event Grid trigger → subscription.
 */
export function functionEndpoint(ctx: TargetContext, args: FunctionTargetArgs, email: EmailContext): HandlerEndpoint {
    const n = (role: string) => childName(ctx.name, role);
    const opts = { parent: ctx.parent };
    const account = hardenedStorageAccount(n("storage"), ctx.parent, {
        resourceGroupName: ctx.resourceGroupName,
        location: ctx.location,
        accountName: args.storageAccountName,
        sku: "Standard_LRS",
        networkDefaultAction: "Allow",
        allowSharedKeyAccess: true,
        // The app itself is identity-based; the keys are for the package upload. Recorded on the resource so the
        // policy pack lists the exemption with its reason instead of asking to turn keys off (docs/policies.md).
        tags: pulumi
            .output(ctx.tags ?? {})
            .apply((t) => ({ ...t, "resource-usage": "azure-functions", [SHARED_KEY_REASON_TAG]: SHARED_KEY_REASON })),
    });
    const storageArgs = { resourceGroupName: ctx.resourceGroupName, accountName: account.name };
    new storage.BlobServiceProperties(
        n("blob-service"),
        {
            ...storageArgs,
            blobServicesName: "default",
            deleteRetentionPolicy: { enabled: true, days: 7 },
            containerDeleteRetentionPolicy: { enabled: true, days: 7 },
        },
        opts,
    );
    const packages = new storage.BlobContainer(
        n("packages"),
        { ...storageArgs, containerName: PACKAGE_CONTAINER, publicAccess: "None" },
        opts,
    );
    const table = new storage.Table(n("records"), { ...storageArgs, tableName: DEFAULT_RECORDS_TABLE_NAME }, opts);
    const tickets = new storage.Queue(n("tickets"), { ...storageArgs, queueName: DEFAULT_TICKETS_QUEUE_NAME }, opts);
    const file = packageFile(ctx.name, args.packagePath);
    const code = new storage.Blob(
        n("code"),
        {
            ...storageArgs,
            containerName: packages.name,
            blobName: UPLOAD_BLOB,
            type: "Block",
            contentType: "application/zip",
            source: new pulumi.asset.FileAsset(file),
        },
        opts,
    );
    const insights = appInsights(ctx, args.appName);
    const plan = new web.AppServicePlan(
        n("plan"),
        {
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            name: pulumi.interpolate`${args.appName}-plan`,
            kind: "functionapp",
            reserved: true,
            sku: { name: "FC1", tier: "FlexConsumption" },
            tags: ctx.tags,
        },
        opts,
    );
    const app = new web.WebApp(
        n("app"),
        {
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            name: args.appName,
            kind: "functionapp,linux",
            serverFarmId: plan.id,
            httpsOnly: true,
            clientCertEnabled: false,
            publicNetworkAccess: "Enabled",
            identity: { type: "SystemAssigned" },
            functionAppConfig: {
                deployment: {
                    storage: {
                        type: "blobContainer",
                        value: pulumi.interpolate`${account.primaryEndpoints.blob}${PACKAGE_CONTAINER}`,
                        authentication: { type: "SystemAssignedIdentity" },
                    },
                },
                runtime: { ...FUNCTION_RUNTIME },
                scaleAndConcurrency: {
                    instanceMemoryMB: args.instanceMemoryMB ?? 2048,
                    maximumInstanceCount: args.maximumInstanceCount ?? 40,
                },
            },
            tags: ctx.tags,
        },
        opts,
    );
    const settings = new web.WebAppApplicationSettings(
        n("settings"),
        {
            resourceGroupName: ctx.resourceGroupName,
            name: app.name,
            properties: appSettings(
                account.name,
                table.name,
                tickets.name,
                insights.connectionString,
                email,
                args.notifyRecipients,
            ),
        },
        opts,
    );
    new web.WebAppFtpAllowed(
        n("ftp-off"),
        { resourceGroupName: ctx.resourceGroupName, name: app.name, allow: false },
        opts,
    );
    new web.WebAppScmAllowed(
        n("scm-basic-auth-off"),
        { resourceGroupName: ctx.resourceGroupName, name: app.name, allow: false },
        opts,
    );
    const principal = app.identity.apply((i) => i?.principalId ?? "");
    // The host's storage roles: it reads its package and keeps its state in this account through the identity.
    const hostRoles = [
        grantRole(n("blob-role"), ctx.parent, principal, account.id, BuiltInRoles.StorageBlobDataOwner),
        grantRole(n("queue-role"), ctx.parent, principal, account.id, BuiltInRoles.StorageQueueDataContributor),
        grantRole(n("table-role"), ctx.parent, principal, account.id, BuiltInRoles.StorageTableDataContributor),
    ];
    // Used only once events flow (telemetry, email): the subscription waits for them, the code publish does not.
    const roles = [
        ...hostRoles,
        grantRole(n("telemetry-role"), ctx.parent, principal, insights.id, BuiltInRoles.MonitoringMetricsPublisher),
        ...emailSenderGrants(n("email-role"), ctx.parent, principal, email),
    ];
    const functionName = args.functionName ?? SMS_EVENTS_FUNCTION_NAME;
    const step = {
        appId: app.id,
        packageUri: pulumi.interpolate`${account.primaryEndpoints.blob}${PACKAGE_CONTAINER}/${UPLOAD_BLOB}`,
        packageHash: packageHash(file),
        functionName,
        // The provider's own login (same credentials as azure-native):
        // https://www.pulumi.com/registry/packages/azure-native/api-docs/authorization/getclienttoken/
        token: authorization.getClientTokenOutput({}, opts).token,
    };
    // The host needs its settings and its storage roles before the code starts; the package is read by the app's
    // identity. Waiting for the email role too would put the email domain's provisioning on the critical path.
    const publish = functionPackagePublish(n("publish"), step, {
        ...opts,
        dependsOn: [code, settings, ...hostRoles],
    });
    const registered = functionRegistered(n("registered"), step, { ...opts, dependsOn: [publish] });
    return {
        endpointType: EndpointType.AzureFunction,
        resourceId: pulumi.interpolate`${app.id}/functions/${functionName}`,
        useTopicIdentity: false,
        readiness: [registered, ...roles],
    };
}

function appInsights(ctx: TargetContext, appName: pulumi.Input<string>): applicationinsights.Component {
    const workspace = new operationalinsights.Workspace(
        childName(ctx.name, "logs"),
        {
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            workspaceName: pulumi.interpolate`${appName}-logs`,
            sku: { name: "PerGB2018" },
            retentionInDays: 30,
            features: { disableLocalAuth: true },
            tags: ctx.tags,
        },
        { parent: ctx.parent },
    );
    return new applicationinsights.Component(
        childName(ctx.name, "insights"),
        {
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            resourceName: pulumi.interpolate`${appName}-insights`,
            kind: "web",
            applicationType: "web",
            workspaceResourceId: workspace.id,
            ingestionMode: "LogAnalytics",
            disableLocalAuth: true,
            tags: ctx.tags,
        },
        { parent: ctx.parent },
    );
}

/** Only identity-based settings: no account keys or connection strings reach the app. */
function appSettings(
    account: pulumi.Input<string>,
    table: pulumi.Input<string>,
    queue: pulumi.Input<string>,
    insights: pulumi.Input<string>,
    email: EmailContext,
    recipients: pulumi.Input<pulumi.Input<string>[]> | undefined,
) {
    return {
        [APP_SETTINGS.storageAccountName]: account,
        [APP_SETTINGS.recordsTableName]: table,
        [APP_SETTINGS.ticketsQueueName]: queue,
        [APP_SETTINGS.acsEndpoint]: email.communicationEndpoint ?? "",
        [APP_SETTINGS.emailSender]: email.emailSender ?? "",
        [APP_SETTINGS.notifyRecipients]: pulumi.output(recipients ?? []).apply((r) => r.join(",")),
        APPLICATIONINSIGHTS_CONNECTION_STRING: insights,
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: "Authorization=AAD",
    };
}
