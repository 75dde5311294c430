import * as logic from "@pulumi/azure-native/logic";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { eqi, expected } from "../../lib/values";

/** Unset passes: a workflow is created Enabled. Mandatory: a disabled trigger rejects every delivery. */
export const logicWorkflowRequireEnabledState: ResourceValidationPolicy = {
    name: "logic-workflow-require-enabled-state",
    description:
        "A Logic App workflow that handles events must be Enabled: a disabled workflow's trigger rejects every delivery, so events pile up in retries and dead letters.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(logic.Workflow, (w, _args, report) => {
        if (w.state !== undefined && !eqi(w.state, "Enabled")) {
            report(expected("state", '"Enabled"', w.state, 'set state: "Enabled" (or omit it)'));
        }
    }),
};
