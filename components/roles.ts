import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

/**
 * Built-in roles Event Grid's managed identity needs on destinations and dead-letter storage
 * (https://learn.microsoft.com/azure/event-grid/add-identity-roles).
 */
export const BuiltInRoles = {
    StorageQueueDataMessageSender: "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a",
    StorageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    StorageBlobDataOwner: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    StorageQueueDataContributor: "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
    StorageTableDataContributor: "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
    ServiceBusDataSender: "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
    EventHubsDataSender: "2b629674-e913-4c01-ae53-ef4638d8f975",
    /** ACS "Communication and Email Service Owner"-style data action is not built in; Contributor on the ACS resource lets an identity send email. */
    Contributor: "b24988ac-6180-42a8-9fcd-b4a8d95f5c6d",
} as const;

/** Full role definition id for a built-in role GUID, in the subscription that holds `scope`. */
export function roleDefinitionId(scope: pulumi.Input<string>, roleGuid: string): pulumi.Output<string> {
    return pulumi.output(scope).apply((s) => `/subscriptions/${s.split("/")[2]}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`);
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
    return new authorization.RoleAssignment(name, {
        principalId,
        principalType: "ServicePrincipal",
        roleDefinitionId: roleDefinitionId(scope, roleGuid),
        scope,
        roleAssignmentName: pulumi.all([scope, principalId]).apply(([s, p]) => stableGuid(s, p, roleGuid)),
    }, { parent, ...opts });
}
