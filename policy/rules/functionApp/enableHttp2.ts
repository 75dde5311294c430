import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFunctionAppKind } from "../../lib/functionApps";
import { expected } from "../../lib/values";

/** Unset fails (the platform default is HTTP/1.1). Logic App Standard (kind contains "workflowapp") and plain web apps are out of scope. */
export const functionAppEnableHttp2: ResourceValidationPolicy = {
    name: "function-app-enable-http2",
    description: "Function apps should accept HTTP/2, which multiplexes requests over one connection and cuts latency for clients that support it.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        const h2 = app.siteConfig?.http20Enabled;
        if (h2 !== true) report(expected("siteConfig.http20Enabled", "true", h2, "set siteConfig.http20Enabled: true"));
    }),
};
