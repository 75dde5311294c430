import { StackValidationPolicy } from "@pulumi/policy";
import { belongsToSite, functionApps } from "../../lib/functionApps";
import { ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { list } from "../../lib/values";

const SETTING = "APPLICATIONINSIGHTS_CONNECTION_STRING";

/**
 * Graph rule (CKV_AZURE_159 (TF); WAF Azure Functions operational excellence): without Application Insights a
 * failing function leaves no trace, and Event Grid only sees the status code. App settings come from
 * `siteConfig.appSettings` and from web.WebAppApplicationSettings children; both are merged. The
 * instrumentation-key setting is not accepted: key-based ingestion is retired.
 */
export const functionAppRequireAppInsights: StackValidationPolicy = {
    name: "function-app-require-app-insights",
    description:
        "Function apps should send telemetry to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING " +
        "app setting); otherwise failing invocations leave no logs.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        const extra = ofType(args.resources, T.WebAppApplicationSettings);
        for (const app of functionApps(args.resources)) {
            const inline = list(app.props.siteConfig?.appSettings).map((s) => s?.name);
            const children = extra
                .filter((s) => belongsToSite(s, app))
                .flatMap((s) => Object.keys(s.props.properties ?? {}));
            if ([...inline, ...children].includes(SETTING)) continue;
            const got =
                inline.length + children.length ? `only ${[...inline, ...children].join(", ")}` : "no app settings";
            report(
                `siteConfig.appSettings: expected ${SETTING} (inline or in web.WebAppApplicationSettings), ` +
                    `got ${got}. Fix: create an applicationinsights.Component (workspace-based, disableLocalAuth) ` +
                    `and set ${SETTING} to its connectionString, with APPLICATIONINSIGHTS_AUTHENTICATION_STRING ` +
                    '"Authorization=AAD"',
                app.urn,
            );
        }
    },
};
