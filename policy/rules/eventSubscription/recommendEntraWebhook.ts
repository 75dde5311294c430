import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { deliveryOf } from "../../lib/subscription";
import { list } from "../../lib/values";

/**
 * Advisory (recommended, https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery): with Entra
 * delivery Event Grid sends a token the receiver can validate. A secret static Authorization header is accepted
 * as the alternative; a key in the URL is not (URLs end up in logs and portal views).
 */
export const eventSubscriptionRecommendEntraWebhook: ResourceValidationPolicy = {
    name: "event-subscription-recommend-entra-webhook",
    description:
        "WebHook deliveries should be authenticated with Entra ID (or at least a secret Authorization " +
        "header), so the receiver can reject requests that do not come from your subscription.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const e = deliveryOf(s);
        const d = e?.destination;
        if (!e || d?.endpointType !== "WebHook") return;
        if (d.azureActiveDirectoryTenantId && d.azureActiveDirectoryApplicationIdOrUri) return;
        const secretAuth = list(d.deliveryAttributeMappings).some(
            (m) => m?.type === "Static" && String(m.name).toLowerCase() === "authorization" && m.isSecret === true,
        );
        if (secretAuth) return;
        report(
            `${e.path}.azureActiveDirectoryTenantId/azureActiveDirectoryApplicationIdOrUri: expected both ` +
                "set (or a secret static Authorization header), got " +
                `${JSON.stringify(d.azureActiveDirectoryTenantId ?? null)}/` +
                `${JSON.stringify(d.azureActiveDirectoryApplicationIdOrUri ?? null)}. Fix: set ` +
                "webhook.entraTenantId and webhook.entraApplicationIdOrUri and validate the token in the receiver",
        );
    }),
};
