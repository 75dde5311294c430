import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isAcsTopic, ofType, refersTo, subscriptionsOf } from "../../lib/stack";
import { T } from "../../lib/types";
import { eqi, list, sameId } from "../../lib/values";

export const DELIVERY_METRICS = ["DeliveryAttemptFailCount", "DeadLetteredCount", "DroppedEventCount"];
const DIMENSION = "EventSubscriptionName";

/** Enabled metric alerts scoped to `topic` (URN link or id in `scopes`). */
function alertsOn(topic: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    return ofType(resources, T.MetricAlert).filter(
        (a) =>
            a.props.enabled !== false &&
            refersTo(a, "scopes", topic, () => list(a.props.scopes).some((s) => sameId(s, topic.props.id))),
    );
}

/** Whether a criterion's EventSubscriptionName dimension (absent = all subscriptions) covers every name. */
function coversAll(criterion: any, names: readonly string[]): boolean {
    const dim = list(criterion?.dimensions).find((d) => eqi(d?.name, DIMENSION));
    if (!dim) return true;
    const values = list<string>(dim.values).map((v) => String(v).toLowerCase());
    if (eqi(dim.operator, "Exclude")) return names.every((n) => !values.includes(n.toLowerCase()));
    return values.includes("*") || names.every((n) => values.includes(n.toLowerCase()));
}

/** Metrics of DELIVERY_METRICS that no alert on the topic watches for every subscription. */
function unwatched(topic: PolicyResource, resources: readonly PolicyResource[]): string[] {
    const names = subscriptionsOf(topic, resources).map((s) => String(s.props.eventSubscriptionName ?? s.name));
    const criteria = alertsOn(topic, resources).flatMap((a) => list(a.props.criteria?.allOf));
    return DELIVERY_METRICS.filter((m) => !criteria.some((c) => eqi(c?.metricName, m) && coversAll(c, names)));
}

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/monitor-push-reference): DeliveryAttemptFailCount cannot be
 * exported through diagnostic settings, so a metric alert is the only way to notice failing deliveries; dead-lettered
 * and dropped events are events a handler never saw. The EventSubscriptionName dimension must cover every subscription
 * ("*", each name, or absent).
 */
export const systemTopicRequireDeliveryAlerts: StackValidationPolicy = {
    name: "system-topic-require-delivery-alerts",
    description:
        "The ACS system topic should have metric alerts on DeliveryAttemptFailCount, DeadLetteredCount and " +
        "DroppedEventCount covering every subscription; otherwise failed and lost deliveries go unnoticed.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        for (const topic of ofType(args.resources, T.SystemTopic).filter(isAcsTopic)) {
            const missing = unwatched(topic, args.resources);
            if (missing.length === 0) continue;
            report(
                "monitor.MetricAlert(scopes ∋ topic id).criteria.allOf[].metricName: expected alerts on " +
                    `${DELIVERY_METRICS.join(", ")} for every subscription (${DIMENSION} "*" or each name), ` +
                    `missing ${missing.join(", ")}. Fix: enable monitoring (acs-event-handling:monitoring) or ` +
                    "add metric alerts scoped to the topic",
                topic.urn,
            );
        }
    },
};
