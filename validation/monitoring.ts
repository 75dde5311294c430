import { Issue, issue } from "./issue";

/**
 * Monitoring defaults, accepted values and the check of them, shared by the Monitoring component and the stack
 * config schema so the two cannot drift apart. Reasons for each default are in docs/operations.md.
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

/**
 * Accepted ranges. Workspace names:
 * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftoperationalinsights;
 * retention: https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure; severity 0–4:
 * https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-overview.
 */
export const MONITORING_LIMITS = {
    workspaceName: /^[A-Za-z0-9][-A-Za-z0-9]{2,61}[A-Za-z0-9]$/,
    /** `<prefix>-logs` must still be a workspace name. */
    namePrefix: /^[A-Za-z0-9][-A-Za-z0-9]{0,57}$/,
    retentionInDays: { min: 30, max: 730 },
    severity: { min: 0, max: 4 },
    threshold: { min: 1, max: 1_000_000 },
} as const;

type Path = readonly (string | number)[];
type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => !!v && typeof v === "object" && !Array.isArray(v);

/** A new workspace or an existing one, not both (the schema cannot express "not both"). */
export function monitoringChoiceIssues(m: unknown, at: Path = []): Issue[] {
    if (!isObj(m) || m.workspaceName === undefined || m.existingWorkspaceId === undefined) return [];
    return [
        issue(
            at,
            { workspaceName: m.workspaceName, existingWorkspaceId: m.existingWorkspaceId },
            "set either workspaceName (create a Log Analytics workspace) or existingWorkspaceId " +
                "(send logs to an existing one), not both",
        ),
    ];
}

/**
 * Every monitoring setting against MONITORING_LIMITS, for callers without the zod schema (the component).
 * Values that are not plain yet (pulumi Outputs) are left to Azure.
 */
export function monitoringIssues(m: Raw, at: Path = []): Issue[] {
    const out = monitoringChoiceIssues(m, at);
    const L = MONITORING_LIMITS;
    if (typeof m.workspaceName === "string" && !L.workspaceName.test(m.workspaceName))
        out.push(issue([...at, "workspaceName"], m.workspaceName, "4–63 letters, digits or hyphens"));
    if (
        typeof m.namePrefix === "string" &&
        m.workspaceName === undefined &&
        m.existingWorkspaceId === undefined &&
        !L.namePrefix.test(m.namePrefix)
    ) {
        out.push(
            issue(
                [...at, "namePrefix"],
                m.namePrefix,
                "1–58 letters, digits or hyphens, starting with a letter or digit " +
                    "(the workspace is named <namePrefix>-logs); or set workspaceName",
            ),
        );
    }
    const range = (path: Path, v: unknown, r: { min: number; max: number }) => {
        if (
            v !== undefined &&
            typeof v !== "object" &&
            (!Number.isInteger(v) || (v as number) < r.min || (v as number) > r.max)
        ) {
            out.push(issue(path, v, `a whole number from ${r.min} to ${r.max}`));
        }
    };
    range([...at, "retentionInDays"], m.retentionInDays, L.retentionInDays);
    range([...at, "severity"], m.severity, L.severity);
    for (const [key, v] of Object.entries(isObj(m.thresholds) ? m.thresholds : {}))
        range([...at, "thresholds", key], v, L.threshold);
    if (m.windowMinutes !== undefined && !(ALERT_WINDOWS as readonly unknown[]).includes(m.windowMinutes)) {
        out.push(
            issue(
                [...at, "windowMinutes"],
                m.windowMinutes,
                `one of ${ALERT_WINDOWS.join(", ")} (the windows metric alerts offer)`,
            ),
        );
    }
    if (
        typeof m.actionGroupShortName === "string" &&
        (m.actionGroupShortName.length < 1 || m.actionGroupShortName.length > ACTION_GROUP_SHORT_NAME_MAX)
    ) {
        out.push(
            issue(
                [...at, "actionGroupShortName"],
                m.actionGroupShortName,
                `1–${ACTION_GROUP_SHORT_NAME_MAX} characters (shown in notifications)`,
            ),
        );
    }
    return out;
}
