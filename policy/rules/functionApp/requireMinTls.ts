import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFlexApp, isFunctionAppKind } from "../../lib/functionApps";
import { expected, tlsAtLeast12 } from "../../lib/values";

/**
 * Unset fails (PSR; CKV_AZURE_145 would pass it, decision 10.3 in docs/policies.md). azure-native 3.28 has no
 * sites/config/web resource, so siteConfig is the only place. Logic App Standard (kind contains "workflowapp") and
 * plain web apps are out of scope. A Flex Consumption app that leaves it unset passes: it cannot send siteConfig
 * (azure-native adds netFrameworkVersion, which Flex rejects: function-app-flex-site-config), and new apps get TLS 1.2
 * as their minimum (https://learn.microsoft.com/azure/app-service/overview-tls#minimum-tls-version-enforcement).
 */
export const functionAppRequireMinTls: ResourceValidationPolicy = {
    name: "function-app-require-min-tls",
    description:
        "Function apps must refuse TLS 1.0/1.1 clients, deprecated protocol versions that weaken every connection.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        const tls = app.siteConfig?.minTlsVersion;
        if (tls === undefined && isFlexApp(app)) return;
        if (!tlsAtLeast12(tls))
            report(expected("siteConfig.minTlsVersion", '"1.2" or "1.3"', tls, 'set siteConfig.minTlsVersion: "1.2"'));
    }),
};
