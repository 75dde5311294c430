import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isAcsTopic, ofType } from "../../lib/stack";
import { diagnosticSettingsOn } from "../../lib/targets";
import { T } from "../../lib/types";
import { eqi, has, list } from "../../lib/values";

function exportsDeliveryFailures(d: PolicyResource): boolean {
    const p = d.props;
    const destination = ["workspaceId", "storageAccountId", "eventHubAuthorizationRuleId", "marketplacePartnerId"].some(
        (k) => has(p, k),
    );
    const logged = list(p.logs).some(
        (l) => l?.enabled === true && (eqi(l.category, "DeliveryFailures") || eqi(l.categoryGroup, "allLogs")),
    );
    return !!destination && logged;
}

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/monitor-push-reference; POL 0fff3e39 whose categoryGroup
 * defaults to `audit`, APRL 54c3191b). `DeliveryFailures` is the only log category of a system topic and says why a
 * delivery failed. Advisory for now (monitoring is being added to the components);
 * https://github.com/MicrosoftDocs/azure-docs/issues/59222 reports diagnostics on global topics failing in 2020: verify
 * on deploy.
 */
export const systemTopicRequireDiagnostics: StackValidationPolicy = {
    name: "system-topic-require-diagnostics",
    description:
        "The ACS system topic should export its DeliveryFailures log (category DeliveryFailures or group " +
        "allLogs) to a workspace; without it nobody can see why deliveries fail.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        for (const topic of ofType(args.resources, T.SystemTopic).filter(isAcsTopic)) {
            const settings = diagnosticSettingsOn(topic, args.resources);
            if (settings.some(exportsDeliveryFailures)) continue;
            const got = settings.length
                ? `${settings.map((s) => s.name).join(", ")}, which lack an enabled DeliveryFailures/allLogs ` +
                  "log or a destination"
                : "no diagnostic setting";
            report(
                "monitor.DiagnosticSetting(resourceUri = topic id).logs: expected { category: " +
                    '"DeliveryFailures", enabled: true } (or categoryGroup "allLogs") with workspaceId set, got ' +
                    `${got}. Fix: enable monitoring (acs-event-handling:monitoring) or add a DiagnosticSetting ` +
                    "on the topic",
                topic.urn,
            );
        }
    },
};
