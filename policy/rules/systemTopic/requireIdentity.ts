import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ofType, subscriptionsOf } from "../../lib/stack";
import { deadLetterOf, deliveryOf, Endpoint } from "../../lib/subscription";
import { T } from "../../lib/types";
import { expected, identityIncludes, normId } from "../../lib/values";

/** What a subscription endpoint asks of the topic's identity, in words; undefined when the topic provides it. */
export function identityGap(topic: PolicyResource, e: Endpoint): string | undefined {
    const wanted = e.identity?.type;
    if (wanted === undefined) return undefined; // shape problem: event-subscription-require-exclusive-destination
    const have = topic.props.identity?.type;
    if (identityIncludes(wanted, "SystemAssigned") && !identityIncludes(have, "SystemAssigned"))
        return "a system-assigned identity";
    if (identityIncludes(wanted, "UserAssigned")) {
        const uai = normId(e.identity?.userAssignedIdentity);
        const attached = Object.keys(topic.props.identity?.userAssignedIdentities ?? {}).map(normId);
        if (!identityIncludes(have, "UserAssigned") || !attached.includes(uai))
            return `the user-assigned identity ${e.identity?.userAssignedIdentity}`;
    }
    return undefined;
}

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/enable-identity-system-topics; PSR AZR-000099 skips `global`
 * topics, so this is the only check for ACS topics): a topic whose subscriptions deliver or dead-letter with its
 * identity must have that identity.
 */
export const systemTopicRequireIdentity: StackValidationPolicy = {
    name: "system-topic-require-identity",
    description:
        "A system topic whose subscriptions deliver or dead-letter with the topic's managed identity must " +
        "have that identity; otherwise Event Grid cannot authenticate and the subscription fails to create.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const topic of ofType(args.resources, T.SystemTopic)) {
            for (const sub of subscriptionsOf(topic, args.resources)) {
                for (const e of [deliveryOf(sub.props), deadLetterOf(sub.props)]) {
                    if (!e?.identity) continue;
                    const gap = identityGap(topic, e);
                    if (gap) {
                        report(
                            expected(
                                "identity",
                                `${gap} on the topic (subscription ${sub.name} uses it in ${e.path.split(".")[0]})`,
                                topic.props.identity,
                                'give the topic identity: { type: "SystemAssigned" } (or attach the ' +
                                    "user-assigned identity) and grant it the destination role",
                            ),
                            topic.urn,
                        );
                    }
                }
            }
        }
    },
};
