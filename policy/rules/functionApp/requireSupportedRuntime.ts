import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFunctionAppKind } from "../../lib/functionApps";
import { list, show } from "../../lib/values";

export interface RuntimeConfig {
    minimumNodeVersion: number;
    minimumDotnetVersion: number;
}

/**
 * The oldest versions Azure Functions still supports, from its language support table
 * (https://learn.microsoft.com/azure/azure-functions/functions-versions#languages and
 * https://learn.microsoft.com/azure/azure-functions/supported-languages): Node.js 20 support ended on 2026-04-30,
 * so Node.js 22. The .NET minimum is not re-derived here (no .NET handler in this project).
 */
const DEFAULTS: RuntimeConfig = { minimumNodeVersion: 22, minimumDotnetVersion: 8 };

/**
 * Where the app names its runtime: Flex `functionAppConfig.runtime`, Linux `linuxFxVersion`, Windows
 * `WEBSITE_NODE_DEFAULT_VERSION`.
 */
function runtimeOf(app: any): { name: string; version: string; path: string } | undefined {
    const rt = app.functionAppConfig?.runtime;
    if (typeof rt?.name === "string")
        return { name: rt.name.toLowerCase(), version: String(rt.version ?? ""), path: "functionAppConfig.runtime" };
    const fx = app.siteConfig?.linuxFxVersion;
    const m = typeof fx === "string" ? /^([a-z-]+)\|(.*)$/i.exec(fx) : null;
    if (m) return { name: m[1].toLowerCase(), version: m[2], path: "siteConfig.linuxFxVersion" };
    const node = list(app.siteConfig?.appSettings).find((s) => s?.name === "WEBSITE_NODE_DEFAULT_VERSION");
    if (node)
        return {
            name: "node",
            version: String(node.value ?? ""),
            path: "siteConfig.appSettings.WEBSITE_NODE_DEFAULT_VERSION",
        };
    return undefined;
}

/** Major version of "20", "~20", "20-lts", "8.0". */
const major = (v: string) => Number(/(\d+)/.exec(v)?.[1] ?? NaN);

/**
 * PSR Azure.AppService.NodeJsVersion (AZR-000428), NETVersion (AZR-000075): runtimes past end of support get no
 * security fixes. Node and .NET are judged (minimums configurable); other languages pass. Unset fails: an app
 * that names no runtime gets the platform default, which changes under it.
 */
export const functionAppRequireSupportedRuntime: ResourceValidationPolicy = {
    name: "function-app-require-supported-runtime",
    description:
        "Function apps should name a supported language runtime (Node.js 22 or later, .NET 8 or later); an " +
        "old or unnamed runtime misses security fixes or changes with the platform default.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            minimumNodeVersion: { type: "integer", minimum: 1, default: DEFAULTS.minimumNodeVersion },
            minimumDotnetVersion: { type: "integer", minimum: 1, default: DEFAULTS.minimumDotnetVersion },
        },
    },
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        const cfg = { ...DEFAULTS, ...args.getConfig<Partial<RuntimeConfig>>() };
        const rt = runtimeOf(app);
        if (!rt) {
            report(
                'functionAppConfig.runtime: expected a runtime such as { name: "node", version: ' +
                    `"${cfg.minimumNodeVersion}" } (or siteConfig.linuxFxVersion ` +
                    `"NODE|${cfg.minimumNodeVersion}"), got nothing (unset). Fix: name the runtime and version ` +
                    "explicitly",
            );
            return;
        }
        const min =
            rt.name === "node"
                ? cfg.minimumNodeVersion
                : rt.name === "dotnet" || rt.name === "dotnet-isolated"
                  ? cfg.minimumDotnetVersion
                  : undefined;
        if (min === undefined) return; // other languages: not judged
        if (!(major(rt.version) >= min)) {
            report(
                `${rt.path}: expected ${rt.name} ${min} or later, got ${show(`${rt.name} ${rt.version}`)}. ` +
                    `Fix: move the app to ${rt.name} ${min}+ (functionAppConfig.runtime.version) and test the ` +
                    "functions on it",
            );
        }
    }),
};
