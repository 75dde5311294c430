import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFunctionAppKind } from "../../lib/functionApps";
import { expected } from "../../lib/values";

/**
 * Unset fails (the platform default is false). Logic App Standard (kind contains "workflowapp") and plain web apps are
 * out of scope.
 */
export const functionAppRequireHttps: ResourceValidationPolicy = {
    name: "function-app-require-https",
    description:
        "Function apps must redirect HTTP to HTTPS: otherwise function keys and event payloads can be sent " +
        "in clear text.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        if (app.httpsOnly !== true) report(expected("httpsOnly", "true", app.httpsOnly, "set httpsOnly: true"));
    }),
};
