import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { belongsToSite, functionApps, pushersOf } from "../../lib/functionApps";
import { ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { eqi, list } from "../../lib/values";
import { ExemptionConfig } from "./allowPushDelivery";

/** The Event Grid extension's webhook path, which Easy Auth must let through for AzureFunction deliveries. */
export const EVENT_GRID_PATH = "/runtime/webhooks/eventgrid";

/** Easy Auth would answer Event Grid's unauthenticated POST with 401/302 unless it lets the request through. */
function blocksEventGrid(auth: PolicyResource): boolean {
    const p = auth.props;
    if (p.platform?.enabled !== true) return false;
    const gv = p.globalValidation ?? {};
    if (eqi(gv.unauthenticatedClientAction, "AllowAnonymous")) return false;
    return !list<string>(gv.excludedPaths).some(
        (x) => typeof x === "string" && x.toLowerCase().startsWith(EVENT_GRID_PATH),
    );
}

/**
 * Conflict 10.2 (docs/policies.md), decided: CKV_AZURE_56 / POL c75248c1 want App Service authentication on, but
 * deliveries to an Easy-Auth app are reported failing with `outcome=Unauthorized`
 * (https://github.com/Azure/azure-functions-eventgrid-extension/issues/103, unconfirmed by Microsoft). We do not
 * require Easy Auth; where it is on for an app that receives pushes, the Event Grid webhook path must be excluded
 * (`globalValidation.excludedPaths`, verify on first deployment) or the app exempted.
 */
export const functionAppAllowEventGridAuth: StackValidationPolicy = {
    name: "function-app-allow-event-grid-auth",
    description:
        "A function app with App Service authentication (Easy Auth) that receives Event Grid pushes must " +
        "exclude the Event Grid webhook path; otherwise deliveries are answered 401 and end up dead-lettered.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: { properties: { exemptApps: { type: "array", items: { type: "string" }, default: [] } } },
    validateStack: (args, report) => {
        const exempt = args.getConfig<Partial<ExemptionConfig>>().exemptApps ?? [];
        const settings = ofType(args.resources, T.WebAppAuthSettingsV2);
        for (const app of functionApps(args.resources)) {
            if (exempt.includes(app.props.name)) continue;
            const auth = settings.find((s) => belongsToSite(s, app));
            const pushers = auth && blocksEventGrid(auth) ? pushersOf(app, args.resources) : [];
            if (!auth || pushers.length === 0) continue;
            report(
                `${auth.name}.globalValidation.excludedPaths: expected to include "${EVENT_GRID_PATH}" ` +
                    `because subscription(s) ${pushers.map((s) => s.name).join(", ")} push to this app, got ` +
                    `${JSON.stringify(auth.props.globalValidation?.excludedPaths ?? null)}. Fix: add ` +
                    `"${EVENT_GRID_PATH}" to excludedPaths (the extension checks the system key), or deliver ` +
                    "through a queue",
                app.urn,
            );
        }
    },
};
