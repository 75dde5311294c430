import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as pulumi from "@pulumi/pulumi";
import {
    frequencyFor,
    isoMinutes,
    shiftSeverity,
    shortNameFor,
    SUBSCRIPTION_DIMENSION,
    SYSTEM_TOPIC_METRIC_NAMESPACE,
    TOPIC_ALERTS,
    TopicAlertSpec,
} from "./monitoring/alerts";
import { acsLogCategoriesFor } from "./monitoring/logCategories";
import { MONITORING_DEFAULTS, monitoringIssues } from "../validation/monitoring";
import { childName } from "./naming";
import { issue, ValidationError } from "../validation/issue";

/** When an alert fires: a metric's total over the window reaches the threshold (whole numbers, at least 1). */
export interface MonitoringThresholdsArgs {
    /** Optional. Failed delivery attempts of one subscription (DeliveryAttemptFailCount). Default: 1. */
    deliveryFailures?: number;
    /** Optional. Dead-lettered events of one subscription (DeadLetteredCount). Default: 1. */
    deadLettered?: number;
    /** Optional. Dropped events of one subscription (DroppedEventCount). Default: 1. */
    dropped?: number;
    /** Optional. Events on the topic that matched no subscription (UnmatchedEventCount). Default: 1. */
    unmatched?: number;
}

/** The monitoring knobs: where logs go, who is told, and when. */
export interface MonitoringSettings {
    /**
     * Optional. Prefix of the physical names: workspace `<prefix>-logs`, action group `<prefix>-alerts`, alert
     * rules `<prefix>-<alert>`, diagnostic settings `<prefix>-diagnostics`. Default: the component name
     * (AcsEventHandling passes the ACS resource name, so each environment gets its own names).
     */
    namePrefix?: pulumi.Input<string>;
    /**
     * Optional. Name of a new Log Analytics workspace, 4–63 letters, digits or hyphens. Default: `<namePrefix>-logs`.
     */
    workspaceName?: pulumi.Input<string>;
    /** Optional. Send logs to this existing Log Analytics workspace (resource ID) instead of creating one. */
    existingWorkspaceId?: pulumi.Input<string>;
    /** Optional. Retention of a new workspace in days, 30–730. Default: 30. */
    retentionInDays?: pulumi.Input<number>;
    /**
     * Optional. Email addresses the action group notifies, e.g. an operations distribution list. Default: none
     * (alerts show in Azure Monitor only).
     */
    alertEmails?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Optional. Action group short name shown in notifications, at most 12 characters. Default: derived from
     * namePrefix.
     */
    actionGroupShortName?: pulumi.Input<string>;
    /**
     * Optional. Severity 0 (critical) to 4 (verbose) of the delivery alerts; the unmatched-events alert is one level
     * lower. Default: 2.
     */
    severity?: number;
    /** Optional. Alert thresholds. Default: every threshold 1. */
    thresholds?: MonitoringThresholdsArgs;
    /** Optional. Alert window in minutes: 5, 15, 30 or 60. Default: 15. */
    windowMinutes?: number;
}

/** Monitoring as AcsEventHandling takes it: the settings plus an off switch. */
export interface AcsMonitoringArgs extends MonitoringSettings {
    /** Optional. Create the monitoring resources. Default: true when the monitoring block is given. */
    enabled?: boolean;
}

export interface MonitoringArgs extends MonitoringSettings {
    /** Required. Resource group of the workspace, action group and alert rules. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Region of a new Log Analytics workspace. */
    location: pulumi.Input<string>;
    /**
     * Required. Resource ID of the ACS system topic: it gets the DeliveryFailures diagnostic setting and is the scope
     * of every alert.
     */
    systemTopicId: pulumi.Input<string>;
    /**
     * Optional. Resource ID of the ACS resource: it gets a diagnostic setting with the log categories of the
     * subscribed features.
     */
    communicationServiceId?: pulumi.Input<string>;
    /**
     * Required. Azure names of the event subscriptions on the topic: the EventSubscriptionName dimension of the
     * per-subscription alerts.
     */
    subscriptionNames: pulumi.Input<pulumi.Input<string>[]>;
    /** Optional. Event types the subscriptions include; they decide the ACS log categories. */
    subscribedEventTypes?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Optional. A handler sends email through the ACS resource: enable the email send and status logs even when no
     * email event is routed. Default: false.
     */
    sendsEmail?: pulumi.Input<boolean>;
    /**
     * Optional. Resource IDs of Logic App workflows that handle events: each gets a diagnostic setting with
     * WorkflowRuntime logs, since a failed run is otherwise invisible.
     */
    workflowIds?: pulumi.Input<string>[];
    /** Optional. Tags for the workspace, action group and alert rules. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Operations view of the event path: a Log Analytics workspace (or an existing one) with local auth off, the
 * system topic's DeliveryFailures log, the ACS logs of the features the stack routes, and metric alerts on
 * the topic per subscription (failed attempts, dead-lettered, dropped) plus unmatched events, all sent to one
 * action group. Alerts auto-resolve when the condition clears.
 */
export class Monitoring extends pulumi.ComponentResource {
    /** Resource ID of the Log Analytics workspace the diagnostic settings write to. */
    public readonly workspaceId: pulumi.Output<string>;
    /** Resource ID of the action group every alert notifies. */
    public readonly actionGroupId: pulumi.Output<string>;
    /** Resource IDs of the metric alert rules. */
    public readonly alertRuleIds: pulumi.Output<string[]>;
    /** ACS log categories enabled on the Communication Service (empty without communicationServiceId). */
    public readonly acsLogCategories: pulumi.Output<string[]>;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:Monitoring", name, checkedMonitoringArgs(name, args), opts);
        const prefix = pulumi.output(args.namePrefix ?? name);
        this.workspaceId = workspace(this, name, prefix, args);
        this.acsLogCategories = diagnosticSettings(this, name, prefix, this.workspaceId, args);
        this.actionGroupId = actionGroup(this, name, prefix, args).id;
        this.alertRuleIds = pulumi.all(
            TOPIC_ALERTS.map((spec) => topicAlert(this, name, prefix, this.actionGroupId, spec, args).id),
        );
        this.registerOutputs({
            workspaceId: this.workspaceId,
            actionGroupId: this.actionGroupId,
            alertRuleIds: this.alertRuleIds,
            acsLogCategories: this.acsLogCategories,
        });
    }
}

/** Reject bad settings before `super()`, so a bad config registers nothing, not even the component. */
function checkedMonitoringArgs(name: string, args: MonitoringArgs): MonitoringArgs {
    if (!args || typeof args !== "object")
        throw new ValidationError(
            [
                issue(
                    [],
                    args,
                    "arguments required: { resourceGroupName, location, systemTopicId, subscriptionNames, … }",
                ),
            ],
            "",
            `Monitoring "${name}": invalid arguments`,
        );
    checkMonitoringArgs(name, args);
    return args;
}

/** Reject bad settings before any child exists, so a bad config registers nothing; every problem at once. */
export function checkMonitoringArgs(name: string, args: MonitoringSettings): void {
    const issues = monitoringIssues(args as Record<string, unknown>);
    if (issues.length) throw new ValidationError(issues, "", `Monitoring "${name}": invalid arguments`);
}

function workspace(
    parent: pulumi.Resource,
    name: string,
    prefix: pulumi.Output<string>,
    args: MonitoringArgs,
): pulumi.Output<string> {
    if (args.existingWorkspaceId !== undefined) return pulumi.output(args.existingWorkspaceId);
    return new operationalinsights.Workspace(
        childName(name, "workspace"),
        {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            workspaceName: args.workspaceName ?? pulumi.interpolate`${prefix}-logs`,
            sku: { name: "PerGB2018" },
            retentionInDays: args.retentionInDays ?? MONITORING_DEFAULTS.retentionInDays,
            // Entra ID only (Azure Policy e15effd4); resource-context access lets teams read their resources' logs.
            features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
            // Explicit: Disabled needs an Azure Monitor Private Link Scope, which this stack does not create.
            publicNetworkAccessForIngestion: "Enabled",
            publicNetworkAccessForQuery: "Enabled",
            tags: args.tags,
        },
        { parent },
    ).id;
}

/** Topic and ACS diagnostic settings; returns the ACS log categories enabled. */
function diagnosticSettings(
    parent: pulumi.Resource,
    name: string,
    prefix: pulumi.Output<string>,
    workspaceId: pulumi.Output<string>,
    args: MonitoringArgs,
): pulumi.Output<string[]> {
    const settingName = pulumi.interpolate`${prefix}-diagnostics`;
    // DeliveryFailures is the only log category of a system topic; resource-specific ("Dedicated") tables
    // are what ACS supports and are cheaper to query than AzureDiagnostics.
    new monitor.DiagnosticSetting(
        childName(name, "topic-diagnostics"),
        {
            resourceUri: args.systemTopicId,
            name: settingName,
            workspaceId,
            logAnalyticsDestinationType: "Dedicated",
            logs: [{ category: "DeliveryFailures", enabled: true }],
            metrics: [{ category: "AllMetrics", enabled: true }],
        },
        { parent },
    );
    (args.workflowIds ?? []).forEach(
        (resourceUri, i) =>
            new monitor.DiagnosticSetting(
                childName(name, `workflow-${i}-diagnostics`),
                {
                    resourceUri,
                    name: settingName,
                    workspaceId,
                    logAnalyticsDestinationType: "Dedicated",
                    logs: [{ category: "WorkflowRuntime", enabled: true }],
                    metrics: [{ category: "AllMetrics", enabled: true }],
                },
                { parent },
            ),
    );
    if (args.communicationServiceId === undefined) return pulumi.output([]);
    const categories = pulumi
        .all([args.subscribedEventTypes ?? [], args.sendsEmail ?? false])
        .apply(([types, email]) => acsLogCategoriesFor(types, email));
    new monitor.DiagnosticSetting(
        childName(name, "acs-diagnostics"),
        {
            resourceUri: args.communicationServiceId,
            name: settingName,
            workspaceId,
            logAnalyticsDestinationType: "Dedicated",
            logs: categories.apply((cs) => cs.map((category) => ({ category, enabled: true }))),
            metrics: [{ category: "AllMetrics", enabled: true }],
        },
        { parent },
    );
    return categories;
}

function actionGroup(
    parent: pulumi.Resource,
    name: string,
    prefix: pulumi.Output<string>,
    args: MonitoringArgs,
): monitor.ActionGroup {
    const receivers = pulumi.output(args.alertEmails ?? []).apply((emails) =>
        emails.map((emailAddress, i) => ({
            name: `email-${i + 1}`,
            emailAddress,
            useCommonAlertSchema: true,
        })),
    );
    return new monitor.ActionGroup(
        childName(name, "action-group"),
        {
            resourceGroupName: args.resourceGroupName,
            actionGroupName: pulumi.interpolate`${prefix}-alerts`,
            groupShortName: args.actionGroupShortName ?? prefix.apply(shortNameFor),
            location: "Global",
            enabled: true,
            emailReceivers: receivers,
            tags: args.tags,
        },
        { parent },
    );
}

function topicAlert(
    parent: pulumi.Resource,
    name: string,
    prefix: pulumi.Output<string>,
    actionGroupId: pulumi.Output<string>,
    spec: TopicAlertSpec,
    args: MonitoringArgs,
): monitor.MetricAlert {
    const windowMinutes = args.windowMinutes ?? MONITORING_DEFAULTS.windowMinutes;
    // One rule per metric, split by subscription name: Azure evaluates each subscription as its own time series.
    // "*" (all current and future values) instead of the literal names: Event Grid documents the dimension
    // (https://learn.microsoft.com/azure/event-grid/monitor-push-reference) but not the casing it reports names
    // in, and an Include list that misses by case watches nothing; "*" still splits per value
    // (https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-metric-multiple-time-series-single-rule).
    const dimensions = spec.perSubscription
        ? [{ name: SUBSCRIPTION_DIMENSION, operator: "Include", values: ["*"] }]
        : [];
    return new monitor.MetricAlert(
        childName(name, `alert-${spec.role}`),
        {
            resourceGroupName: args.resourceGroupName,
            ruleName: pulumi.interpolate`${prefix}-${spec.role}`,
            location: "global",
            description: spec.description,
            enabled: true,
            autoMitigate: true,
            severity: shiftSeverity(args.severity ?? MONITORING_DEFAULTS.severity, spec.severityOffset),
            scopes: [args.systemTopicId],
            windowSize: isoMinutes(windowMinutes),
            evaluationFrequency: frequencyFor(windowMinutes),
            criteria: {
                odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                allOf: [
                    {
                        criterionType: "StaticThresholdCriterion",
                        name: spec.metricName,
                        metricName: spec.metricName,
                        metricNamespace: SYSTEM_TOPIC_METRIC_NAMESPACE,
                        operator: "GreaterThanOrEqual",
                        threshold: args.thresholds?.[spec.key] ?? MONITORING_DEFAULTS.thresholds[spec.key],
                        timeAggregation: "Total",
                        dimensions,
                    },
                ],
            },
            actions: [{ actionGroupId }],
            tags: args.tags,
        },
        { parent },
    );
}
