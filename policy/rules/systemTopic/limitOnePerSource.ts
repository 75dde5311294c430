import { StackValidationPolicy } from "@pulumi/policy";
import { ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { normId, show } from "../../lib/values";

/** "Only one system topic is allowed per source" (https://learn.microsoft.com/azure/event-grid/system-topics, F16). */
export const systemTopicLimitOnePerSource: StackValidationPolicy = {
    name: "system-topic-limit-one-per-source",
    description: "Azure allows one system topic per source: a second topic on the same Communication Services resource fails with \"Only one system topic is allowed per source\".",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        const bySource = new Map<string, typeof args.resources[number][]>();
        for (const t of ofType(args.resources, T.SystemTopic)) {
            const key = normId(t.props.source);
            if (key) bySource.set(key, [...(bySource.get(key) ?? []), t]);
        }
        for (const topics of bySource.values()) {
            if (topics.length < 2) continue;
            for (const t of topics) {
                const others = topics.filter((o) => o !== t).map((o) => o.name).join(", ");
                report(`source: expected one system topic per source, got ${topics.length} on ${show(t.props.source)} (also: ${others}). Fix: keep one topic and put every subscription on it; adopt an existing topic with systemTopic.existingName`, t.urn);
            }
        }
    },
};
