import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { deliveryOf } from "../../lib/subscription";
import { expected } from "../../lib/values";
import { redactUrl } from "../../../validation/issue";
import { isHttpsUrl } from "../../../validation/webhook";

/** The URL carries a key (the value shown is cut before the query). */
const redact = (url: unknown) => (typeof url === "string" ? redactUrl(url) : url);

/** Unset fails: a WebHook destination without endpointUrl cannot be created. */
export const eventSubscriptionRequireHttpsWebhook: ResourceValidationPolicy = {
    name: "event-subscription-require-https-webhook",
    description:
        "WebHook destinations must use https://: Event Grid refuses other schemes, and the events and the " +
        "URL's key would travel in clear text.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const e = deliveryOf(s);
        if (e?.destination?.endpointType !== "WebHook") return;
        const url = e.destination.endpointUrl;
        if (!isHttpsUrl(url)) {
            report(
                expected(
                    `${e.path}.endpointUrl`,
                    "an https:// URL",
                    redact(url),
                    "serve the receiver over HTTPS with a certificate from a public CA (self-signed " +
                        "certificates are refused)",
                ),
            );
        }
    }),
};
