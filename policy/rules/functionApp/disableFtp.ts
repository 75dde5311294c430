import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFlexApp, isFunctionAppKind } from "../../lib/functionApps";
import { expected } from "../../lib/values";

/**
 * Unset fails (the platform default allows FTP and FTPS). The anchors also accept FtpsOnly; we require Disabled because
 * nothing here deploys over FTP. Logic App Standard (kind contains "workflowapp") and plain web apps are out of scope,
 * and so are Flex Consumption apps that leave it unset: Flex rejects ftpsState (function-app-flex-site-config) and has
 * no FTP state setting (https://github.com/Azure/azure-functions-ux/pull/7660); function-app-disable-basic-auth keeps
 * FTP off there.
 */
export const functionAppDisableFtp: ResourceValidationPolicy = {
    name: "function-app-disable-ftp",
    description:
        "Function apps should not accept FTP deployments: FTP carries publishing credentials and code in " +
        "clear text, and the functions deploy from a package anyway.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        const ftps = app.siteConfig?.ftpsState;
        if (ftps === undefined && isFlexApp(app)) args.notApplicable("Flex Consumption has no FTP state setting");
        if (ftps !== "Disabled")
            report(expected("siteConfig.ftpsState", '"Disabled"', ftps, 'set siteConfig.ftpsState: "Disabled"'));
    }),
};
