import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { EventFamily } from "../../../catalog";
import { effectiveTypes } from "../../lib/eventTypes";
import { ofType, refersTo, subscriptionsOf } from "../../lib/stack";
import { eventTypesOf } from "../../lib/subscription";
import { DIAGNOSTIC_DESTINATIONS, diagnosticSettingsOn } from "../../lib/targets";
import { T } from "../../lib/types";
import { eqi, has, list, sameId } from "../../lib/values";

/**
 * Feature → the ACS log categories that explain its events
 * (https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics).
 */
const CATEGORIES: Partial<Record<EventFamily, readonly string[]>> = {
    [EventFamily.Sms]: ["SMSOperational"],
    [EventFamily.Email]: ["EmailSendMailOperational", "EmailStatusUpdateOperational"],
    [EventFamily.ChatUser]: ["ChatOperational"],
    [EventFamily.ChatThread]: ["ChatOperational"],
};

/** Whether one diagnostic setting exports `category` (by name or through categoryGroup allLogs) somewhere. */
function exportsCategory(d: PolicyResource, category: string): boolean {
    if (!DIAGNOSTIC_DESTINATIONS.some((k) => has(d.props, k))) return false;
    return list(d.props.logs).some(
        (l) => l?.enabled === true && (eqi(l.category, category) || eqi(l.categoryGroup, "allLogs")),
    );
}

/**
 * Graph rule (https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics): ACS logging
 * is off by default (https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics), and
 * why an SMS failed or an email bounced is only in the log category of that feature. Every feature the stack routes
 * events of (SMS, Email, Chat) needs its category in a diagnostic setting on the ACS resource. ACS resources outside
 * the stack and features without a mapped category (calling, job router, …) are not judged. The Monitoring component
 * derives the same categories (components/monitoring/logCategories.ts).
 */
export const communicationServiceRequireFeatureLogs: StackValidationPolicy = {
    name: "communication-service-require-feature-logs",
    description:
        "A Communication Services resource whose SMS, Email or Chat events are routed should export that " +
        "feature's log category (SMSOperational, EmailSendMailOperational/EmailStatusUpdateOperational, " +
        "ChatOperational); ACS logging is off by default.",
    enforcementLevel: "advisory",
    severity: "low",
    validateStack: (args, report) => {
        const topics = ofType(args.resources, T.SystemTopic);
        for (const acs of ofType(args.resources, T.CommunicationService)) {
            const mine = topics.filter((t) => refersTo(t, "source", acs, () => sameId(t.props.source, acs.props.id)));
            const needed = new Map<string, Set<string>>(); // category → subscriptions needing it
            for (const sub of mine.flatMap((t) => subscriptionsOf(t, args.resources))) {
                for (const info of effectiveTypes(eventTypesOf(sub.props) ?? [])) {
                    for (const c of CATEGORIES[info.family] ?? [])
                        needed.set(c, new Set([...(needed.get(c) ?? []), sub.name]));
                }
            }
            const settings = diagnosticSettingsOn(acs, args.resources);
            const missing = [...needed.keys()].filter((c) => !settings.some((d) => exportsCategory(d, c)));
            if (missing.length === 0) continue;
            const why = missing.map((c) => `${c} (for ${[...needed.get(c)!].sort().join(", ")})`).join(", ");
            const got = settings.length
                ? `settings ${settings.map((s) => s.name).join(", ")} without them`
                : "no diagnostic setting on the resource";
            report(
                `monitor.DiagnosticSetting(resourceUri = ACS id).logs: expected enabled categories ${why} ` +
                    `with a destination, got ${got}. Fix: enable monitoring (acs-event-handling:monitoring), ` +
                    "which derives the categories from the routed event types, or add them (or categoryGroup " +
                    '"allLogs") to a DiagnosticSetting on the ACS resource',
                acs.urn,
            );
        }
    },
};
