import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { BROAD_ROLES } from "../../../catalog/azureRoles";
import { byId, ofType } from "../../lib/stack";
import { ROLE_NAMES, T } from "../../lib/types";
import { roleGuidOf } from "../../lib/values";

/** Principal ids of a handler's identities: its system-assigned one and the user-assigned ones in the stack. */
function principalsOf(handler: PolicyResource, resources: readonly PolicyResource[]): string[] {
    const identity = handler.props.identity;
    const assigned = Object.keys(identity?.userAssignedIdentities ?? {}).map(
        (id) => byId(resources, T.UserAssignedIdentity, id)?.props.principalId,
    );
    return [identity?.principalId, ...assigned].filter((p): p is string => typeof p === "string" && p.length > 0);
}

/**
 * Graph rule (least privilege for email): a Function or Logic App handler runs event-driven code with its
 * identity; Owner, Contributor or User Access Administrator on anything would let that code list the ACS access
 * keys (Microsoft.Communication/CommunicationServices/ListKeys/action) or grant itself more. Sending email needs
 * only the custom role of
 * https://learn.microsoft.com/azure/communication-services/quickstarts/email/send-email-smtp/smtp-authentication
 * (catalog/azureRoles.ts ACS_EMAIL_SENDER_ACTIONS).
 */
export const roleAssignmentDenyBroadHandlerRole: StackValidationPolicy = {
    name: "role-assignment-deny-broad-handler-role",
    description:
        "Handler identities (Function Apps, Logic Apps) must not hold Owner, Contributor or User Access " +
        "Administrator: those include reading the ACS access keys and granting roles. Grant the narrowest " +
        "role the handler needs.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        const handlers = [...ofType(args.resources, T.WebApp), ...ofType(args.resources, T.Workflow)];
        const owner = new Map(handlers.flatMap((h) => principalsOf(h, args.resources).map((p) => [p, h] as const)));
        for (const ra of ofType(args.resources, T.RoleAssignment)) {
            const role = roleGuidOf(ra.props.roleDefinitionId);
            const handler = owner.get(ra.props.principalId);
            if (!handler || !BROAD_ROLES.includes(role)) continue;
            report(
                `roleDefinitionId: expected a narrow role for ${handler.name}'s identity, got ` +
                    `${ROLE_NAMES[role]} (${role}) at ${ra.props.scope}. Fix: grant only what the handler uses ` +
                    "(for email, the ACS email sender custom role; for storage, its data roles)",
                ra.urn,
            );
        }
    },
};
