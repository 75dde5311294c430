import { ACTION_GROUP_SHORT_NAME_MAX } from "../../validation/monitoring";

/**
 * The metric alerts on the system topic (https://learn.microsoft.com/azure/event-grid/monitor-push-reference; metric
 * names from
 * https://learn.microsoft.com/azure/event-grid/monitor-push-reference). DeliveryAttemptFailCount cannot be
 * exported through diagnostic settings, so an alert is the only way to see it.
 */
export const SYSTEM_TOPIC_METRIC_NAMESPACE = "Microsoft.EventGrid/systemTopics";
export const SUBSCRIPTION_DIMENSION = "EventSubscriptionName";

export type ThresholdKey = "deliveryFailures" | "deadLettered" | "dropped" | "unmatched";

export interface TopicAlertSpec {
    /** Key in the thresholds config and suffix of the rule name. */
    readonly key: ThresholdKey;
    readonly role: string;
    readonly metricName: string;
    /** Split by EventSubscriptionName, so each subscription is its own time series (fires per subscription). */
    readonly perSubscription: boolean;
    /** Severity relative to the configured one: unmatched events are a coverage question, not lost deliveries. */
    readonly severityOffset: number;
    readonly description: string;
}

export const TOPIC_ALERTS: readonly TopicAlertSpec[] = [
    {
        key: "deliveryFailures",
        role: "delivery-failures",
        metricName: "DeliveryAttemptFailCount",
        perSubscription: true,
        severityOffset: 0,
        description:
            "Event Grid failed to deliver to a subscription's handler (it retries until the TTL or attempt limit). " +
            "Check the handler and the DeliveryFailures log.",
    },
    {
        key: "deadLettered",
        role: "dead-lettered",
        metricName: "DeadLetteredCount",
        perSubscription: true,
        severityOffset: 0,
        description:
            "Events were dead-lettered: the handler never processed them. " +
            "Inspect the dead-letter container and replay.",
    },
    {
        key: "dropped",
        role: "dropped",
        metricName: "DroppedEventCount",
        perSubscription: true,
        severityOffset: 0,
        description: "Events were dropped (retries exhausted without a usable dead-letter destination): they are lost.",
    },
    {
        key: "unmatched",
        role: "unmatched",
        metricName: "UnmatchedEventCount",
        perSubscription: false,
        severityOffset: 1,
        description:
            "ACS published events that no subscription matched. Expected for features or numbers you do not route; " +
            "otherwise a filter is too narrow.",
    },
];

/** ISO 8601 duration of a window in minutes. */
export function isoMinutes(minutes: number): string {
    return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

/**
 * How often Azure evaluates the rule: often enough to alert within a fraction of the window, at the finest
 * frequency each window supports (frequency must not exceed the window).
 */
export function frequencyFor(windowMinutes: number): string {
    return isoMinutes(windowMinutes <= 5 ? 1 : windowMinutes <= 30 ? 5 : 15);
}

/** Severity 0 (critical) … 4 (verbose), shifted and clamped. */
export function shiftSeverity(severity: number, offset: number): number {
    return Math.min(4, Math.max(0, severity + offset));
}

/**
 * Default action group short name from the name prefix: kept when it fits, else without hyphens, then cut.
 * "acs-events-dev" → "acseventsdev".
 */
export function shortNameFor(prefix: string): string {
    if (prefix.length <= ACTION_GROUP_SHORT_NAME_MAX) return prefix;
    return prefix.replace(/[^A-Za-z0-9]/g, "").slice(0, ACTION_GROUP_SHORT_NAME_MAX);
}
