/** Function-app helpers: which web.WebApp is a function app, what deploys its code, who pushes to it. */
import { PolicyResource } from "@pulumi/policy";
import { ofType, refersTo } from "./stack";
import { deliveryOf, rootKey } from "./subscription";
import { T } from "./types";
import { list, normId, sameId, scopeContains } from "./values";

/** PSR Azure.AppService.IsFunctionApp: kind contains "functionapp" and not "workflowapp" (Logic App Standard). */
export function isFunctionAppKind(kind: unknown): boolean {
    const k = typeof kind === "string" ? kind.toLowerCase() : "";
    return k.includes("functionapp") && !k.includes("workflowapp");
}

/**
 * Flex Consumption: the only plan whose sites carry `functionAppConfig`
 * (https://learn.microsoft.com/azure/azure-functions/flex-consumption-how-to).
 */
export function isFlexApp(app: { functionAppConfig?: unknown }): boolean {
    return app.functionAppConfig !== undefined && app.functionAppConfig !== null;
}

export const FUNCTION_ID = /^(.*\/providers\/Microsoft\.Web\/sites\/[^/]+)\/functions\/([^/]+)$/i;

/** Resource types that put code on a site (linked to the app by URN or by id). */
const SITE_DEPLOYMENT_TYPES = [
    "azure-native:web:WebAppDeployment",
    "azure-native:web:WebAppSourceControl",
    "azure-native:web:WebAppSiteExtension",
];

/**
 * The components' dynamic resources (components/handlers/functionDeploy.ts): one deploy, and the wait for the function.
 */
const FUNCTION_STEP_TYPES = [
    "pulumi-nodejs:dynamic/acs-event-handling:FunctionPackagePublish",
    "pulumi-nodejs:dynamic/acs-event-handling:FunctionRegistered",
];

/** Whether child `r` belongs to site `app`: its `name` input was built from the app, or its id is under the app's. */
export function belongsToSite(r: PolicyResource, app: PolicyResource): boolean {
    return refersTo(r, "name", app, () => scopeContains(app.props.id, r.props.id));
}

/** "https://<account>.blob.core.windows.net/<container>[/<blob>]" → parts. */
function blobUrlParts(url: unknown): { account: string; container: string; blob?: string } | undefined {
    const m = typeof url === "string" ? /^https:\/\/([a-z0-9]+)\.blob\.[^/]+\/([^/?]+)(?:\/([^?]+))?/i.exec(url) : null;
    return m ? { account: m[1].toLowerCase(), container: m[2].toLowerCase(), blob: m[3] } : undefined;
}

/**
 * Blob URLs the app runs its code from: Flex `functionAppConfig.deployment.storage.value`, WEBSITE_RUN_FROM_PACKAGE.
 */
function packageUrls(app: PolicyResource): unknown[] {
    const flex = app.props.functionAppConfig?.deployment?.storage?.value;
    const runFrom = list(app.props.siteConfig?.appSettings)
        .filter((s) => s?.name === "WEBSITE_RUN_FROM_PACKAGE")
        .map((s) => s.value);
    return [flex, ...runFrom];
}

/** Resources in the stack that deploy the code of `functionId`'s app (and so the function itself). */
export function codeDeploymentsFor(
    app: PolicyResource,
    functionId: string,
    resources: readonly PolicyResource[],
): PolicyResource[] {
    const functions = ofType(resources, "azure-native:web:WebAppFunction").filter((f) =>
        sameId(f.props.id, functionId),
    );
    const sites = resources.filter((r) => SITE_DEPLOYMENT_TYPES.includes(r.type) && belongsToSite(r, app));
    const steps = resources.filter(
        (r) =>
            FUNCTION_STEP_TYPES.includes(r.type) &&
            refersTo(r, "appId", app, () => sameId(r.props.appId, app.props.id)),
    );
    const urls = packageUrls(app)
        .map(blobUrlParts)
        .filter((p): p is NonNullable<typeof p> => !!p);
    const blobs = ofType(resources, "azure-native:storage:Blob").filter((b) =>
        urls.some(
            (u) =>
                normId(b.props.accountName) === u.account &&
                normId(b.props.containerName) === u.container &&
                (!u.blob || u.blob === b.props.blobName),
        ),
    );
    return [...functions, ...sites, ...steps, ...blobs];
}

/** Subscriptions that push to `app`: AzureFunction destinations under it (by URN, else id), WebHooks to its host. */
export function pushersOf(app: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    return ofType(resources, T.Subscription).filter((s) => {
        const e = deliveryOf(s.props);
        const d = e?.destination;
        if (d?.endpointType === "AzureFunction")
            return refersTo(s, rootKey(e!), app, () => scopeContains(app.props.id, d.resourceId));
        // A URL may be built from other outputs (keys, secrets), so a URN link is sufficient but not necessary.
        if (d?.endpointType === "WebHook")
            return (
                (s.propertyDependencies[rootKey(e!)] ?? []).some((r) => r.urn === app.urn) ||
                webhookHits(app, d.endpointUrl)
            );
        return false;
    });
}

/** Whether a webhook URL points at the app's default host name. */
function webhookHits(app: PolicyResource, url: unknown): boolean {
    if (typeof url !== "string") return false;
    const host = normId(app.props.defaultHostName) || `${normId(app.props.name)}.azurewebsites.net`;
    return new RegExp(`^https?://${host.replace(/\./g, "\\.")}(/|:|\\?|$)`, "i").test(url);
}

/** The function apps in the stack. */
export function functionApps(resources: readonly PolicyResource[]): PolicyResource[] {
    return ofType(resources, T.WebApp).filter((a) => isFunctionAppKind(a.props.kind));
}
