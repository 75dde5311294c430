import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { deliveryOf } from "../../lib/subscription";
import { list } from "../../lib/values";

/** Header names that carry credentials. */
export const CREDENTIAL_HEADER = new RegExp(
    "^(authorization|proxy-authorization|api-key|x-api-key|x-functions-key|ocp-apim-subscription-key" +
        "|x-[a-z0-9-]*(key|token|secret))$",
    "i",
);

/**
 * Mandatory although delivery works either way: a static mapping with `isSecret: false` is returned in clear
 * by every ARM read of the subscription (portal, CLI, exports), so the credential leaks to anyone with Reader.
 * The SDK fills `isSecret: false` when it is omitted, so omitted fails too.
 */
export const eventSubscriptionRequireSecretAuthHeader: ResourceValidationPolicy = {
    name: "event-subscription-require-secret-auth-header",
    description:
        "Static delivery headers that carry credentials (Authorization, API keys) must be marked isSecret: " +
        "otherwise ARM returns the value in clear to anyone who can read the subscription.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const e = deliveryOf(s);
        list(e?.destination?.deliveryAttributeMappings).forEach((m, i) => {
            if (
                m?.type !== "Static" ||
                typeof m.name !== "string" ||
                !CREDENTIAL_HEADER.test(m.name) ||
                m.isSecret === true
            )
                return;
            report(
                `${e!.path}.deliveryAttributeMappings[${i}].isSecret: expected true for credential header ` +
                    `"${m.name}", got ${JSON.stringify(m.isSecret)}. Fix: set isSecret: true ` +
                    "(delivery.headers[].secret: true in the stack config) and pass the value as a Pulumi secret",
            );
        });
    }),
};
