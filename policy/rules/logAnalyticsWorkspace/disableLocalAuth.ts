import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Unset fails: workspace keys (shared keys for agents and the Data Collector API) are on unless disabled. */
export const logAnalyticsWorkspaceDisableLocalAuth: ResourceValidationPolicy = {
    name: "log-analytics-workspace-disable-local-auth",
    description:
        "Log Analytics workspaces should accept Entra ID only: workspace keys let anyone holding them write " +
        "(forge) log data and cannot be attributed.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(operationalinsights.Workspace, (w, _args, report) => {
        const v = w.features?.disableLocalAuth;
        if (v !== true)
            report(
                expected(
                    "features.disableLocalAuth",
                    "true",
                    v,
                    "set features: { disableLocalAuth: true } (diagnostic settings and Azure Monitor agents " +
                        "use Entra ID)",
                ),
            );
    }),
};
