import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFlexApp, isFunctionAppKind } from "../../lib/functionApps";
import { expected } from "../../lib/values";

/**
 * Unset fails (the platform default is HTTP/1.1). Logic App Standard (kind contains "workflowapp") and plain web apps
 * are out of scope, and so are Flex Consumption apps that leave it unset: a Flex app sends no siteConfig (azure-native
 * would add netFrameworkVersion, which Flex rejects) and the portal offers no HTTP version for Flex
 * (https://github.com/Azure/azure-functions-ux/pull/7660).
 */
export const functionAppEnableHttp2: ResourceValidationPolicy = {
    name: "function-app-enable-http2",
    description:
        "Function apps should accept HTTP/2, which multiplexes requests over one connection and cuts latency " +
        "for clients that support it.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        const h2 = app.siteConfig?.http20Enabled;
        if (h2 === undefined && isFlexApp(app)) args.notApplicable("Flex Consumption: no siteConfig is sent");
        if (h2 !== true) report(expected("siteConfig.http20Enabled", "true", h2, "set siteConfig.http20Enabled: true"));
    }),
};
