import * as monitor from "@pulumi/azure-native/monitor";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Unset fails (PSR AZR-000491). */
export const metricAlertEnableAutoMitigate: ResourceValidationPolicy = {
    name: "metric-alert-enable-auto-mitigate",
    description:
        "Metric alerts should resolve themselves when the condition clears; otherwise fired alerts stay " +
        "open, and later incidents are missed among them.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateResourceOfType(monitor.MetricAlert, (a, _args, report) => {
        if (a.autoMitigate !== true) report(expected("autoMitigate", "true", a.autoMitigate, "set autoMitigate: true"));
    }),
};
