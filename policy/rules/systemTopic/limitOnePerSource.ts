import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { linked, ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { normId, show } from "../../lib/values";

/**
 * What a topic listens to: the ACS resource's URN when the source was built from it (known in preview), else the id.
 */
function sourceKey(t: PolicyResource): { key: string; label: string } {
    const acs = linked(t, "source", T.CommunicationService)[0];
    return acs ? { key: acs.urn, label: acs.name } : { key: normId(t.props.source), label: show(t.props.source) };
}

/**
 * "Only one system topic is allowed per source" (https://learn.microsoft.com/azure/event-grid/system-topics,
 * https://github.com/MicrosoftDocs/azure-docs/pull/97986).
 */
export const systemTopicLimitOnePerSource: StackValidationPolicy = {
    name: "system-topic-limit-one-per-source",
    description:
        "Azure allows one system topic per source: a second topic on the same Communication Services " +
        'resource fails with "Only one system topic is allowed per source".',
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        const bySource = new Map<string, { label: string; topics: PolicyResource[] }>();
        for (const t of ofType(args.resources, T.SystemTopic)) {
            const { key, label } = sourceKey(t);
            if (key) bySource.set(key, { label, topics: [...(bySource.get(key)?.topics ?? []), t] });
        }
        for (const { label, topics } of bySource.values()) {
            if (topics.length < 2) continue;
            for (const t of topics) {
                const others = topics
                    .filter((o) => o !== t)
                    .map((o) => o.name)
                    .join(", ");
                report(
                    `source: expected one system topic per source, got ${topics.length} on ${label} (also: ` +
                        `${others}). Fix: keep one topic and put every subscription on it; adopt an existing ` +
                        "topic with systemTopic.existingName",
                    t.urn,
                );
            }
        }
    },
};
