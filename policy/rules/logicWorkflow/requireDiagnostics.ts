import { StackValidationPolicy } from "@pulumi/policy";
import { ofType } from "../../lib/stack";
import { DIAGNOSTIC_DESTINATIONS, diagnosticSettingsOn } from "../../lib/targets";
import { T } from "../../lib/types";
import { has, list } from "../../lib/values";

/**
 * Graph rule (POL 34f95f76-5386-4de7-b824-0d8478470c9d,
 * https://learn.microsoft.com/azure/logic-apps/monitor-workflows-collect-diagnostic-data): a workflow's run history
 * ages out and is per resource; WorkflowRuntime logs in a workspace are what tells why a run triggered by an event
 * failed. Any enabled log category (or group) with a destination counts. Advisory.
 */
export const logicWorkflowRequireDiagnostics: StackValidationPolicy = {
    name: "logic-workflow-require-diagnostics",
    description:
        "Logic App workflows should export their logs (e.g. WorkflowRuntime or allLogs) through a diagnostic " +
        "setting; run history alone ages out and cannot be alerted on.",
    enforcementLevel: "advisory",
    severity: "low",
    validateStack: (args, report) => {
        for (const wf of ofType(args.resources, T.Workflow)) {
            const settings = diagnosticSettingsOn(wf, args.resources);
            const ok = settings.some(
                (d) =>
                    DIAGNOSTIC_DESTINATIONS.some((k) => has(d.props, k)) &&
                    list(d.props.logs).some((l) => l?.enabled === true),
            );
            if (ok) continue;
            const got = settings.length
                ? `${settings.map((s) => s.name).join(", ")}, without an enabled log or a destination`
                : "no diagnostic setting";
            report(
                "monitor.DiagnosticSetting(resourceUri = workflow id).logs: expected an enabled log " +
                    `(category "WorkflowRuntime" or categoryGroup "allLogs") with workspaceId set, got ${got}. ` +
                    "Fix: add a DiagnosticSetting on the workflow that sends WorkflowRuntime to the Log " +
                    "Analytics workspace",
                wf.urn,
            );
        }
    },
};
