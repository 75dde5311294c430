import { StackValidationPolicy } from "@pulumi/policy";
import * as snapshot from "../../../catalog/builtInRoles.snapshot.json";
import { ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { roleGuidOf } from "../../lib/values";

interface Config {
    /** GUIDs of custom roles defined outside the stack that assignments may name. */
    knownRoleIds: string[];
}

const PUBLISHED = new Set(Object.values(snapshot.roles).map((id) => id.toLowerCase()));

/**
 * Graph rule: a role assignment must name a role that exists, or ARM rejects it at create time
 * (RoleDefinitionDoesNotExist): a built-in role from Microsoft's list (catalog/builtInRoles.snapshot.json, with its
 * source), a role definition of this stack, or a custom role listed in knownRoleIds. A mistyped GUID, such as the
 * "Contributor" b24988ac-6180-42a8-… this project once granted, fails here instead of at `pulumi up`.
 */
export const roleAssignmentRequireKnownRole: StackValidationPolicy = {
    name: "role-assignment-require-known-role",
    description:
        "Role assignments must name an existing role: a published built-in role, a role definition of the stack, or " +
        "a configured custom role; otherwise ARM rejects the assignment (RoleDefinitionDoesNotExist).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: { properties: { knownRoleIds: { type: "array", items: { type: "string" }, default: [] } } },
    validateStack: (args, report) => {
        const known = new Set([
            ...ofType(args.resources, T.RoleDefinition).map((d) =>
                String(d.props.roleDefinitionId ?? roleGuidOf(d.props.id)).toLowerCase(),
            ),
            ...args.getConfig<Config>().knownRoleIds.map((id) => id.toLowerCase()),
        ]);
        for (const ra of ofType(args.resources, T.RoleAssignment)) {
            const role = roleGuidOf(ra.props.roleDefinitionId);
            if (!role || PUBLISHED.has(role) || known.has(role)) continue;
            report(
                `roleDefinitionId: expected a built-in role from ${snapshot.publishedAt}, a RoleDefinition ` +
                    `of this stack or a knownRoleIds entry, got ${role}, which is none of them. Fix: use the ` +
                    "role's published GUID (catalog/azureRoles.ts keeps each beside its name), or list the " +
                    "custom role in knownRoleIds",
                ra.urn,
            );
        }
    },
};
