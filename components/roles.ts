import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { AzureRoles } from "../catalog/azureRoles";

/** Built-in role GUIDs (one table, shared with the policy pack: catalog/azureRoles.ts). */
export const BuiltInRoles = AzureRoles;

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
