import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFlexApp, isFunctionAppKind } from "../../lib/functionApps";
import { show } from "../../lib/values";

/**
 * Site-config properties a Flex Consumption site rejects with ARM error 51021 ("The following site configuration
 * property (Site.SiteConfig.X) for Flex Consumption sites is invalid"), each with where it was reported verbatim:
 * FtpsState, Use32BitWorkerProcess, NetFrameworkVersion, FunctionsRuntimeScaleMonitoringEnabled
 * (https://github.com/microsoft/azure-pipelines-tasks/issues/21032), NetFrameworkVersion from a Pulumi WebApp
 * (https://github.com/pulumi/pulumi-azure-native/issues/4168), LinuxFxVersion
 * (https://github.com/Azure/terraform-azurerm-avm-res-web-site/issues/283); AlwaysOn, WindowsFxVersion and
 * PreWarmedInstanceCount are omitted for Flex by the AVM module
 * (https://github.com/Azure/terraform-azurerm-avm-res-web-site/pull/345, issue #360). The runtime lives in
 * functionAppConfig.runtime and scaling in functionAppConfig.scaleAndConcurrency.
 */
export const FLEX_REJECTED_SITE_CONFIG = [
    "netFrameworkVersion",
    "ftpsState",
    "use32BitWorkerProcess",
    "functionsRuntimeScaleMonitoringEnabled",
    "linuxFxVersion",
    "windowsFxVersion",
    "alwaysOn",
    "preWarmedInstanceCount",
] as const;

/**
 * Reads the inputs as the SDK sends them, defaults included: azure-native 3.28 fills `netFrameworkVersion: "v4.6"`
 * into any `siteConfig` it is given (`siteConfigArgsProvideDefaults`), so a Flex app with any siteConfig at all fails.
 */
export const functionAppFlexSiteConfig: ResourceValidationPolicy = {
    name: "function-app-flex-site-config",
    description:
        "A Flex Consumption function app must not send site-config properties Flex rejects (ARM error " +
        "51021): netFrameworkVersion (which azure-native adds to any siteConfig), ftpsState, " +
        "use32BitWorkerProcess, linuxFxVersion and the like.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind) || !isFlexApp(app)) args.notApplicable("not a Flex Consumption function app");
        const config = (app.siteConfig ?? {}) as Record<string, unknown>;
        for (const key of FLEX_REJECTED_SITE_CONFIG) {
            if (config[key] === undefined) continue;
            const injected = key === "netFrameworkVersion" ? " (azure-native adds it to every siteConfig)" : "";
            report(
                `siteConfig.${key}: Flex Consumption rejects this property with ARM error 51021, got ` +
                    `${show(config[key])}${injected}. Fix: send no siteConfig on a Flex app: app settings in ` +
                    "web.WebAppApplicationSettings, runtime and scale in functionAppConfig, FTP off through " +
                    "web.WebAppFtpAllowed",
            );
        }
    }),
};
