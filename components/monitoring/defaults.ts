/**
 * Monitoring defaults, shared by the component (its documented defaults) and the stack config schema (what an
 * unset key becomes), so the two cannot drift apart. Reasons for each value are in docs/operations.md.
 */
export const MONITORING_DEFAULTS = {
    /** Log Analytics keeps 30 days at no extra retention charge. */
    retentionInDays: 30,
    /** Azure Monitor severity 2 ("Warning"): undelivered events need attention, not a page at night. */
    severity: 2,
    /** Evaluation window; see frequencyFor for how often each window is evaluated. */
    windowMinutes: 15,
    /**
     * An alert fires when a metric's total over the window reaches the threshold. 1 = any occurrence: every
     * dead-lettered or dropped event is an event a handler never saw.
     */
    thresholds: { deliveryFailures: 1, deadLettered: 1, dropped: 1, unmatched: 1 },
} as const;

/** Windows Azure Monitor accepts for metric alerts that we offer (minutes). */
export const ALERT_WINDOWS = [5, 15, 30, 60] as const;

/** Action group short names appear in SMS and email subjects; Azure caps them at 12 characters. */
export const ACTION_GROUP_SHORT_NAME_MAX = 12;
