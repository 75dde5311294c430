import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { emailSenderRoleDefinition, grantRoleDefinition, roleDefinitionId } from "../roles";

/** What a handler needs to grant its identity the email sender role on the ACS resource. */
export interface EmailRoleContext {
    communicationServiceId?: pulumi.Input<string>;
    /** Full id of the email sender custom role; AcsEventHandling creates one per stack and passes it. */
    emailRoleDefinitionId?: pulumi.Input<string>;
}

/**
 * The role assignment that lets a handler's identity send email through ACS, and nothing more: the custom email
 * sender role (components/roles.ts), never Contributor, which can also list the resource's access keys. A handler
 * used on its own (no role passed in) defines its own copy of the role, keyed by the assignment's name.
 */
export function emailSenderGrants(
    name: string,
    parent: pulumi.Resource,
    principalId: pulumi.Input<string>,
    email: EmailRoleContext,
): authorization.RoleAssignment[] {
    if (!email.communicationServiceId) return [];
    const definition =
        email.emailRoleDefinitionId ??
        emailSenderRoleDefinition(
            childName(name, "definition"),
            parent,
            email.communicationServiceId,
            `acs-email-sender|${name}`,
        ).id;
    // The assignment names the role in the documented subscription form; the Output keeps the wait for the definition.
    const role = pulumi
        .all([email.communicationServiceId, definition])
        .apply(([scope, d]) => roleDefinitionId(scope, d.split("/").pop()!));
    return [grantRoleDefinition(name, parent, principalId, email.communicationServiceId, role, "acs-email-sender")];
}
