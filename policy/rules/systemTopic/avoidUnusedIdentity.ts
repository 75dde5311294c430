import { StackValidationPolicy } from "@pulumi/policy";
import { ofType, subscriptionsOf } from "../../lib/stack";
import { deadLetterOf, deliveryOf } from "../../lib/subscription";
import { T } from "../../lib/types";
import { identityIncludes, normId } from "../../lib/values";

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/managed-service-identity, the other half): a system topic's
 * identity exists only to deliver and dead-letter
 * (https://learn.microsoft.com/azure/event-grid/enable-identity-system-topics). One that no subscription in the stack
 * uses is a principal with data roles and no purpose (PSR AZR-000099 only checks that one exists). Advisory: nothing
 * breaks. Subscriptions managed in other stacks are invisible here; disable the rule for topics shared that way.
 */
export const systemTopicAvoidUnusedIdentity: StackValidationPolicy = {
    name: "system-topic-avoid-unused-identity",
    description:
        "A system topic's managed identity that no subscription delivers or dead-letters with is an unused " +
        "principal, often still holding data roles; remove it or use it.",
    enforcementLevel: "advisory",
    severity: "low",
    validateStack: (args, report) => {
        for (const topic of ofType(args.resources, T.SystemTopic)) {
            const identity = topic.props.identity;
            const endpoints = subscriptionsOf(topic, args.resources)
                .flatMap((s) => [deliveryOf(s.props), deadLetterOf(s.props)])
                .filter((e) => e?.identity);
            const unused: string[] = [];
            if (
                identityIncludes(identity?.type, "SystemAssigned") &&
                !endpoints.some((e) => identityIncludes(e!.identity.type, "SystemAssigned"))
            )
                unused.push("the system-assigned identity");
            if (identityIncludes(identity?.type, "UserAssigned")) {
                const used = new Set(
                    endpoints
                        .filter((e) => identityIncludes(e!.identity.type, "UserAssigned"))
                        .map((e) => normId(e!.identity.userAssignedIdentity)),
                );
                for (const id of Object.keys(identity?.userAssignedIdentities ?? {}))
                    if (!used.has(normId(id))) unused.push(`the user-assigned identity ${id}`);
            }
            if (unused.length === 0) continue;
            report(
                "identity: expected every identity of the topic to be used by a subscription's " +
                    `deliveryWithResourceIdentity or deadLetterWithResourceIdentity, got ${unused.join(" and ")} ` +
                    "unused. Fix: deliver or dead-letter with it, or remove it from the topic (and its role " +
                    "assignments)",
                topic.urn,
            );
        }
    },
};
