import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFunctionAppKind } from "../../lib/functionApps";
import { expected } from "../../lib/values";

/**
 * Unset passes (the platform default is off; PSR agrees). Logic App Standard (kind contains "workflowapp") and plain
 * web apps are out of scope.
 */
export const functionAppDisableRemoteDebug: ResourceValidationPolicy = {
    name: "function-app-disable-remote-debug",
    description:
        "Function apps must not leave remote debugging on: it opens extra ports and lets a debugger attach " +
        "to production code.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        const debug = app.siteConfig?.remoteDebuggingEnabled;
        if (debug === true)
            report(
                expected(
                    "siteConfig.remoteDebuggingEnabled",
                    "false",
                    debug,
                    "set siteConfig.remoteDebuggingEnabled: false (or leave it unset)",
                ),
            );
    }),
};
