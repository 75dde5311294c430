import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFunctionAppKind } from "../../lib/functionApps";
import { list } from "../../lib/values";

/**
 * Unset passes (no CORS origins: browsers get no cross-origin access). Logic App Standard and plain web apps are out of
 * scope.
 */
export const functionAppRestrictCors: ResourceValidationPolicy = {
    name: "function-app-restrict-cors",
    description:
        'Function apps must not allow every origin ("*") in CORS: any web page could then call the app\'s ' +
        "HTTP functions from a visitor's browser.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        const origins = list<string>(app.siteConfig?.cors?.allowedOrigins);
        if (origins.some((o) => typeof o === "string" && o.trim() === "*")) {
            report(
                'siteConfig.cors.allowedOrigins: expected explicit origins (no "*"), got ' +
                    `${JSON.stringify(origins)}. Fix: list the origins that call the app (Event Grid deliveries ` +
                    "need no CORS), or remove cors",
            );
        }
    }),
};
