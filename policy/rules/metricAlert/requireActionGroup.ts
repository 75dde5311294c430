import * as monitor from "@pulumi/azure-native/monitor";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected, has } from "../../lib/values";

/** Unset fails: an alert without an action group fires into the portal only. */
export const metricAlertRequireActionGroup: ResourceValidationPolicy = {
    name: "metric-alert-require-action-group",
    description:
        "Metric alerts should notify someone: without an action group an alert only changes state in the portal.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(monitor.MetricAlert, (a, _args, report) => {
        const actions = a.actions ?? [];
        if (!actions.some((x) => has(x, "actionGroupId"))) {
            report(
                expected(
                    "actions[].actionGroupId",
                    "at least one action group id",
                    a.actions,
                    "add actions: [{ actionGroupId: actionGroup.id }] (monitoring.alertEmails in the stack config)",
                ),
            );
        }
    }),
};
