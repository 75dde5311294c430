import * as logic from "@pulumi/azure-native/logic";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { eqi, expected } from "../../lib/values";

/**
 * Unset passes: a workflow is created Enabled. Advisory, not mandatory: a Disabled workflow starts no run, but what
 * its Request trigger answers Event Grid is undocumented, so that deliveries fail is inferred, not shown
 * (https://learn.microsoft.com/rest/api/logic/workflows/create-or-update, `state`).
 */
export const logicWorkflowRequireEnabledState: ResourceValidationPolicy = {
    name: "logic-workflow-require-enabled-state",
    description:
        "A Logic App workflow that handles events should be Enabled: a disabled workflow starts no run, so " +
        "its events are most likely retried and dead-lettered (what its trigger answers is undocumented).",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateResourceOfType(logic.Workflow, (w, _args, report) => {
        if (w.state !== undefined && !eqi(w.state, "Enabled")) {
            report(expected("state", '"Enabled"', w.state, 'set state: "Enabled" (or omit it)'));
        }
    }),
};
