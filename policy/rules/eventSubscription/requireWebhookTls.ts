import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { deliveryOf } from "../../lib/subscription";
import { expected, tlsAtLeast12 } from "../../lib/values";

/** Unset fails: the service default lets Event Grid negotiate TLS 1.0/1.1 with a weak receiver. */
export const eventSubscriptionRequireWebhookTls: ResourceValidationPolicy = {
    name: "event-subscription-require-webhook-tls",
    description:
        "WebHook deliveries should require TLS 1.2: a lower floor lets Event Grid push events over a " +
        "deprecated protocol version.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const e = deliveryOf(s);
        if (e?.destination?.endpointType !== "WebHook") return;
        const tls = e.destination.minimumTlsVersionAllowed;
        if (!tlsAtLeast12(tls)) {
            report(
                expected(
                    `${e.path}.minimumTlsVersionAllowed`,
                    '"1.2"',
                    tls,
                    'set minimumTlsVersionAllowed: "1.2" (webhook.minimumTlsVersion in the stack config)',
                ),
            );
        }
    }),
};
