import { EventFamily, findEventType } from "../../catalog/eventTypes";

/**
 * Which ACS diagnostic log categories to enable, derived from the event types the stack subscribes to: ACS
 * logging is off by default, and the logs that explain a routed event (why an SMS failed, why an email bounced)
 * live in the category of the feature that raised it
 * (https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics). Category names from
 */

/** Always on: Usage (billing-relevant counts) and AuthOperational (who called ACS, with what identity). */
export const BASELINE_ACS_LOG_CATEGORIES = ["Usage", "AuthOperational"] as const;

/** Feature → categories. Families missing here (presence, advanced messaging, job router) add only the baseline. */
const BY_FAMILY: Partial<Record<EventFamily, readonly string[]>> = {
    [EventFamily.Sms]: ["SMSOperational"],
    [EventFamily.ChatUser]: ["ChatOperational"],
    [EventFamily.ChatThread]: ["ChatOperational"],
    [EventFamily.Email]: ["EmailSendMailOperational", "EmailStatusUpdateOperational"],
    [EventFamily.Calling]: ["CallAutomationOperational"],
    [EventFamily.Recording]: ["CallAutomationOperational"],
};

/** Engagement reports (opens, clicks) are logged in their own category, only useful when they are routed. */
const BY_TYPE: Readonly<Record<string, readonly string[]>> = {
    "Microsoft.Communication.EmailEngagementTrackingReportReceived": ["EmailUserEngagementOperational"],
};

/**
 * What explains an email a handler sent (accepted, then delivered or bounced), whether or not email events are routed.
 */
export const EMAIL_SENDING_LOG_CATEGORIES = BY_FAMILY[EventFamily.Email]!;

/**
 * Log categories for a set of subscribed event types (and whether a handler sends email): the feature
 * categories in a stable order, then the baseline. Unknown event types contribute nothing (config validation
 * reports them).
 */
export function acsLogCategoriesFor(eventTypes: readonly string[], sendsEmail = false): string[] {
    const found = new Set<string>(sendsEmail ? EMAIL_SENDING_LOG_CATEGORIES : []);
    for (const type of eventTypes) {
        const family = findEventType(type)?.family;
        for (const c of (family && BY_FAMILY[family]) ?? []) found.add(c);
        for (const c of BY_TYPE[type] ?? []) found.add(c);
    }
    return [...[...found].sort(), ...BASELINE_ACS_LOG_CATEGORIES];
}
