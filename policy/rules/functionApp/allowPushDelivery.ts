import { StackValidationPolicy } from "@pulumi/policy";
import { functionApps, pushersOf } from "../../lib/functionApps";
import { eqi } from "../../lib/values";

export interface ExemptionConfig {
    /** Function app names (the `name` input) exempted, e.g. because their private endpoint path is tested. */
    exemptApps: string[];
}

/**
 * Conflict 10.1 (docs/policies.md), decided: Event Grid push (AzureFunction/WebHook) cannot use private endpoints, so
 * an app that receives pushes must stay publicly reachable (it still authenticates the caller). Apps that need to be
 * private receive through a Service Bus / Storage queue hop with managed identity instead; exempt an app only with a
 * recorded reason (`exemptApps`). POL 969ac98b / CKV_AZURE_221/222 parity lives in
 * function-app-restrict-public-network, for apps that receive no pushes.
 */
export const functionAppAllowPushDelivery: StackValidationPolicy = {
    name: "function-app-allow-push-delivery",
    description:
        "A function app that receives Event Grid push deliveries must not disable public network access: " +
        "push delivery cannot use private endpoints, so every event would fail and be dead-lettered.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: { properties: { exemptApps: { type: "array", items: { type: "string" }, default: [] } } },
    validateStack: (args, report) => {
        const exempt = args.getConfig<Partial<ExemptionConfig>>().exemptApps ?? [];
        for (const app of functionApps(args.resources)) {
            if (!eqi(app.props.publicNetworkAccess, "Disabled") || exempt.includes(app.props.name)) continue;
            const pushers = pushersOf(app, args.resources);
            if (pushers.length === 0) continue;
            report(
                'publicNetworkAccess: expected "Enabled" because subscription(s) ' +
                    `${pushers.map((s) => s.name).join(", ")} push to this app and push delivery cannot use ` +
                    'private endpoints, got "Disabled". Fix: keep public access (authenticate deliveries), or ' +
                    "route events through a Service Bus/Storage queue with identity delivery; exempt the app in " +
                    "exemptApps only with a tested private path",
                app.urn,
            );
        }
    },
};
