import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { ACS_EMAIL_SENDER_ACTIONS, AzureRoles } from "../catalog/azureRoles";

/** Built-in role GUIDs (one table, shared with the policy pack: catalog/azureRoles.ts). */
export const BuiltInRoles = AzureRoles;

/** Full role definition id for a built-in role GUID, in the subscription that holds `scope`. */
export function roleDefinitionId(scope: pulumi.Input<string>, roleGuid: string): pulumi.Output<string> {
    return pulumi
        .output(scope)
        .apply(
            (s) => `/subscriptions/${s.split("/")[2]}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
        );
}

/**
 * Role assignment names must be GUIDs and stable across runs (a new name each run would re-create the
 * assignment); derive one from scope, principal and role.
 */
export function stableGuid(...parts: string[]): string {
    const h = createHash("sha256").update(parts.join("|").toLowerCase()).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function grantRole(
    name: string,
    parent: pulumi.Resource,
    principalId: pulumi.Input<string>,
    scope: pulumi.Input<string>,
    roleGuid: string,
    opts: pulumi.CustomResourceOptions = {},
): authorization.RoleAssignment {
    return grantRoleDefinition(name, parent, principalId, scope, roleDefinitionId(scope, roleGuid), roleGuid, opts);
}

/** Like grantRole, for a role definition given by its full id (a custom role this stack creates). */
export function grantRoleDefinition(
    name: string,
    parent: pulumi.Resource,
    principalId: pulumi.Input<string>,
    scope: pulumi.Input<string>,
    fullRoleDefinitionId: pulumi.Input<string>,
    roleKey: string,
    opts: pulumi.CustomResourceOptions = {},
): authorization.RoleAssignment {
    return new authorization.RoleAssignment(
        name,
        {
            principalId,
            principalType: "ServicePrincipal",
            roleDefinitionId: fullRoleDefinitionId,
            scope,
            roleAssignmentName: pulumi.all([scope, principalId]).apply(([s, p]) => stableGuid(s, p, roleKey)),
        },
        { parent, ...opts },
    );
}

/** The resource group id (`/subscriptions/<s>/resourceGroups/<g>`) of a resource id. */
export function resourceGroupIdOf(resourceId: string): string {
    return resourceId.split("/").slice(0, 5).join("/");
}

/**
 * The custom role that only sends email through ACS (catalog/azureRoles.ts ACS_EMAIL_SENDER_ACTIONS), defined in
 * the ACS resource's resource group and assignable there. Its id is a stable GUID of that group (and `key`), and
 * its name carries the group and that GUID, because custom role names must be unique in the tenant
 * (https://learn.microsoft.com/azure/role-based-access-control/custom-roles#custom-role-properties).
 */
export function emailSenderRoleDefinition(
    name: string,
    parent: pulumi.Resource,
    communicationServiceId: pulumi.Input<string>,
    key = "acs-email-sender",
): authorization.RoleDefinition {
    const group = pulumi.output(communicationServiceId).apply(resourceGroupIdOf);
    const guid = group.apply((g) => stableGuid(g, key));
    return new authorization.RoleDefinition(
        name,
        {
            scope: group,
            roleDefinitionId: guid,
            roleName: pulumi
                .all([group, guid])
                .apply(([g, id]) => `ACS email sender (${g.split("/")[4]}, ${id.slice(0, 8)})`),
            description:
                "Send email through Azure Communication Services with Entra ID, nothing else (no access keys). " +
                "Managed by acs-event-handling.",
            roleType: "CustomRole",
            permissions: [
                { actions: [...ACS_EMAIL_SENDER_ACTIONS], notActions: [], dataActions: [], notDataActions: [] },
            ],
            assignableScopes: [group],
        },
        { parent },
    );
}
