import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { byId, dependsOn, ofType, topicOf } from "../../lib/stack";
import { dataTargetId, deadLetterOf, deliveryOf, Endpoint } from "../../lib/subscription";
import { ROLE_NAMES, ROLES_FOR_ENDPOINT, T } from "../../lib/types";
import { identityIncludes, roleGuidOf, scopeContains } from "../../lib/values";

/** The principal Event Grid authenticates as for this endpoint: the topic's system identity or a user-assigned one. */
function principalOf(topic: PolicyResource, e: Endpoint, resources: readonly PolicyResource[]): string | undefined {
    if (identityIncludes(e.identity?.type, "UserAssigned")) {
        return byId(resources, T.UserAssignedIdentity, e.identity?.userAssignedIdentity)?.props.principalId;
    }
    return identityIncludes(topic.props.identity?.type, "SystemAssigned")
        ? topic.props.identity?.principalId
        : undefined;
}

/** What is wrong with the wiring of one identity endpoint, or undefined when role and ordering are in place. */
function wiringProblem(
    sub: PolicyResource,
    topic: PolicyResource,
    e: Endpoint,
    resources: readonly PolicyResource[],
): string | undefined {
    const d = e.destination;
    const roles = ROLES_FOR_ENDPOINT[d?.endpointType];
    const target = dataTargetId(d);
    if (!roles || !target) return undefined;
    const role = ROLE_NAMES[roles[0]];
    const principal = principalOf(topic, e, resources);
    if (!principal) {
        return (
            `${e.path}: the topic has no ${e.identity?.type ?? "managed"} identity to grant ${role} to. Fix: ` +
            `give the topic the identity, grant it ${role} on ${target}, and make the subscription depend on ` +
            "that role assignment"
        );
    }
    const assignments = ofType(resources, T.RoleAssignment).filter((r) => r.props.principalId === principal);
    const granted = assignments.find(
        (r) => roles.includes(roleGuidOf(r.props.roleDefinitionId)) && scopeContains(r.props.scope, target),
    );
    if (!granted) {
        const near = assignments
            .map((r) => `${r.name} (role ${roleGuidOf(r.props.roleDefinitionId)} at ${r.props.scope})`)
            .join("; ");
        return (
            `${e.path}: expected a RoleAssignment of ${role} (${roles[0]}) for principal ${principal} at a scope ` +
            `containing ${target}, got ${near || "none for that principal"}. Fix: grant ${role} to the topic ` +
            "identity on the destination (or its account/namespace) and make the subscription depend on it"
        );
    }
    if (!dependsOn(sub, granted)) {
        return (
            `${e.path}: RoleAssignment ${granted.name} grants ${role}, but the subscription does not depend on ` +
            "it, so Event Grid can validate the destination before the role exists " +
            "(https://github.com/Azure/bicep-registry-modules/issues/5205). Fix: add dependsOn: [<that role " +
            "assignment>] to the subscription"
        );
    }
    return undefined;
}

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/add-identity-roles,
 * https://github.com/Azure/bicep-registry-modules/issues/5205,
 * https://github.com/MicrosoftDocs/azure-docs/issues/98216): identity delivery and identity dead-lettering work only
 * when the topic has the identity, a role assignment for that principal with the right role GUID covers the destination
 * (queue ⊂ account/namespace ⊂ resource group ⊂ subscription), and the subscription is created after it.
 */
export const eventSubscriptionRequireIdentityRole: StackValidationPolicy = {
    name: "event-subscription-require-identity-role",
    description:
        "A subscription that delivers or dead-letters with the topic's identity needs that identity to hold " +
        "the data role on the destination, granted before the subscription is created; otherwise creation " +
        'fails with "Managed Identity Authorization Error" or dead letters are refused.',
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const sub of ofType(args.resources, T.Subscription)) {
            const topic = topicOf(sub, args.resources);
            if (!topic) continue; // an adopted topic: its identity is not in this stack
            for (const e of [deliveryOf(sub.props), deadLetterOf(sub.props)]) {
                const problem = e?.identity ? wiringProblem(sub, topic, e, args.resources) : undefined;
                if (problem) report(problem, sub.urn);
            }
        }
    },
};
