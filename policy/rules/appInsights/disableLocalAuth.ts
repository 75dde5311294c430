import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Unset fails: ingestion with the instrumentation key alone is allowed unless local auth is off. */
export const appInsightsDisableLocalAuth: ResourceValidationPolicy = {
    name: "app-insights-disable-local-auth",
    description:
        "Application Insights components should require Entra ID for ingestion: with local auth on, anyone " +
        "who reads the connection string can send (forge) telemetry.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(applicationinsights.Component, (c, _args, report) => {
        if (c.disableLocalAuth !== true)
            report(
                expected(
                    "disableLocalAuth",
                    "true",
                    c.disableLocalAuth,
                    "set disableLocalAuth: true and give senders Monitoring Metrics Publisher " +
                        '(APPLICATIONINSIGHTS_AUTHENTICATION_STRING "Authorization=AAD" in function apps)',
                ),
            );
    }),
};
