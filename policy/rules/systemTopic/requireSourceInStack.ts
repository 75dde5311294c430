import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { byId, isAcsTopic, linked, ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { expected, normId, subscriptionOf } from "../../lib/values";

export interface SourceConfig {
    /** Ids of ACS resources this stack adopts but does not create (AcsEventHandling `communication.existingId`). */
    externalSources: string[];
}

function sourceProblem(
    topic: PolicyResource,
    resources: readonly PolicyResource[],
    external: readonly string[],
): string | undefined {
    const linkedAcs = linked(topic, "source", T.CommunicationService)[0];
    // Built from the stack's ACS resource with the same provider: same Azure subscription, no ids needed.
    if (linkedAcs && linkedAcs.provider?.urn === topic.provider?.urn) return undefined;
    const source = topic.props.source;
    const acs = linkedAcs ?? byId(resources, T.CommunicationService, source);
    if (!acs && !external.map(normId).includes(normId(source))) {
        return expected(
            "source",
            "the id of a communication.CommunicationService in this stack (or an id listed in externalSources)",
            source,
            "build source from the ACS resource (source: acs.id); for an adopted ACS resource, list its id " +
                "in this policy's externalSources config",
        );
    }
    const topicSub = subscriptionOf(topic.props.id);
    const sourceSub = subscriptionOf(source);
    if (topicSub && sourceSub && topicSub !== sourceSub) {
        return expected(
            "source",
            `an ACS resource in the topic's Azure subscription ${topicSub}`,
            source,
            "create the system topic with the same provider (subscription) as the ACS resource: Event Grid " +
                "refuses cross-subscription sources",
        );
    }
    return undefined;
}

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/system-topics): the topic's source is the ACS resource this
 * stack manages, in the same Azure subscription. Reads ids, so in a real preview it reports "can't run" until they are
 * known.
 */
export const systemTopicRequireSourceInStack: StackValidationPolicy = {
    name: "system-topic-require-source-in-stack",
    description:
        "The ACS system topic's source must be the Communication Services resource of this stack, in the " +
        "same Azure subscription; otherwise the topic is refused or listens to the wrong resource.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: { externalSources: { type: "array", items: { type: "string" }, default: [] } },
    },
    validateStack: (args, report) => {
        const external = args.getConfig<Partial<SourceConfig>>().externalSources ?? [];
        for (const topic of ofType(args.resources, T.SystemTopic).filter(isAcsTopic)) {
            const problem = sourceProblem(topic, args.resources, external);
            if (problem) report(problem, topic.urn);
        }
    },
};
