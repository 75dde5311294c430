import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { LIMITS } from "../../../validation/limits";
import { ofType, topicOf } from "../../lib/stack";
import { T } from "../../lib/types";

export interface SubscriptionLimitConfig {
    /** At most this many subscriptions per topic in this stack; lower than 500 to leave room for other stacks. */
    maxSubscriptions: number;
}

/**
 * Graph rule: "Event subscriptions per topic: 500", a fixed limit
 * (https://learn.microsoft.com/azure/event-grid/quotas-limits), so the 501st subscription fails to deploy. Counted per
 * topic in the stack, and for an adopted topic per `systemTopicName` (reported on its first subscription by name).
 * `maxSubscriptions` lowers the ceiling, e.g. to leave room for subscriptions other stacks put on an adopted topic;
 * values above 500 are capped at 500.
 */
export const systemTopicLimitSubscriptions: StackValidationPolicy = {
    name: "system-topic-limit-subscriptions",
    description:
        "A system topic holds at most 500 event subscriptions (a fixed Event Grid limit); beyond it the " +
        "deployment fails.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            maxSubscriptions: {
                type: "integer",
                minimum: 1,
                maximum: LIMITS.subscriptionsPerTopic,
                default: LIMITS.subscriptionsPerTopic,
            },
        },
    },
    validateStack: (args, report) => {
        const max = Math.min(
            args.getConfig<Partial<SubscriptionLimitConfig>>().maxSubscriptions ?? LIMITS.subscriptionsPerTopic,
            LIMITS.subscriptionsPerTopic,
        );
        const groups = new Map<string, { topic?: PolicyResource; subs: PolicyResource[] }>();
        for (const sub of ofType(args.resources, T.Subscription)) {
            const topic = topicOf(sub, args.resources);
            const key = topic?.urn ?? `name:${String(sub.props.systemTopicName)}`;
            const g = groups.get(key) ?? { topic, subs: [] };
            g.subs.push(sub);
            groups.set(key, g);
        }
        for (const { topic, subs } of groups.values()) {
            if (subs.length <= max) continue;
            const at = topic?.urn ?? [...subs].sort((a, b) => a.name.localeCompare(b.name))[0].urn;
            const which = topic ? `topic ${topic.name}` : `adopted topic ${String(subs[0].props.systemTopicName)}`;
            const configured =
                max < LIMITS.subscriptionsPerTopic
                    ? ` (configured; Event Grid allows ${LIMITS.subscriptionsPerTopic})`
                    : "";
            report(
                `event subscriptions on ${which}: expected at most ${max}${configured}, ` +
                    `got ${subs.length}. Fix: merge subscriptions that share a handler (one subscription can ` +
                    "list many event types), or split the routes across ACS resources",
                at,
            );
        }
    },
};
