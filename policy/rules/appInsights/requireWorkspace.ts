import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { eqi, expected, has } from "../../lib/values";

/**
 * Unset fails: a classic (workspace-less) component is retired; its data cannot be queried with the other logs.
 * An explicit classic `ingestionMode` fails too. The workspace id is checked for presence only: it is unknown in
 * a preview of a new workspace, and any value makes the component workspace-based.
 */
export const appInsightsRequireWorkspace: ResourceValidationPolicy = {
    name: "app-insights-require-workspace",
    description:
        "Application Insights components should be workspace-based (workspaceResourceId set, ingestionMode " +
        "LogAnalytics): classic components are retired, and telemetry belongs next to the other logs with " +
        "one retention and access model.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(applicationinsights.Component, (c, _args, report) => {
        const fix = 'set workspaceResourceId: workspace.id and ingestionMode: "LogAnalytics"';
        if (!has(c, "workspaceResourceId"))
            report(expected("workspaceResourceId", "the id of a Log Analytics workspace", undefined, fix));
        if (c.ingestionMode !== undefined && !eqi(c.ingestionMode, "LogAnalytics"))
            report(expected("ingestionMode", '"LogAnalytics"', c.ingestionMode, fix));
    }),
};
