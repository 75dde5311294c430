import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ACS_EMAIL_SENDER_ACTIONS, AZURE_BUILT_IN_ROLES, AzureRoles, BROAD_ROLES } from "../../catalog/azureRoles";
import { ofType } from "../../harness/graph";
import { stackGraph } from "../support/sharedGraphs";
import { joinRe } from "../support/regex";

/** Microsoft's published built-in roles (name → GUID), copied with source and date: the second source for our table. */
const SNAPSHOT = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "catalog", "builtInRoles.snapshot.json"), "utf8"),
) as {
    source: string;
    sourceDate: string;
    retrieved: string;
    roles: Record<string, string>;
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("built-in role GUIDs (catalog/azureRoles.ts) against Microsoft's published list", () => {
    it("the snapshot says where and when it was taken", () => {
        assert.match(
            SNAPSHOT.source,
            joinRe(
                /^https:\/\/github\.com\/MicrosoftDocs\/azure-docs\/blob\/[0-9a-f]{40}\/articles/,
                /\/role-based-access-control\/built-in-roles\.md$/,
            ),
        );
        assert.match(SNAPSHOT.sourceDate, /^\d{4}-\d{2}-\d{2}$/);
        assert.match(SNAPSHOT.retrieved, /^\d{4}-\d{2}-\d{2}$/);
        for (const [name, id] of Object.entries(SNAPSHOT.roles)) assert.match(id, GUID, name);
    });

    for (const [key, role] of Object.entries(AZURE_BUILT_IN_ROLES)) {
        it(`${key}: ${role.id} is Microsoft's "${role.name}"`, () => {
            assert.strictEqual(
                SNAPSHOT.roles[role.name],
                role.id,
                `the snapshot lists "${role.name}" as ${SNAPSHOT.roles[role.name] ?? "nothing"}`,
            );
            assert.strictEqual(AzureRoles[key as keyof typeof AzureRoles], role.id);
        });
    }

    it("fails on the GUID we once used for Contributor (not a built-in role)", () => {
        assert.ok(!Object.values(SNAPSHOT.roles).includes("b24988ac-6180-42a8-9fcd-b4a8d95f5c6d"));
        assert.ok(BROAD_ROLES.includes(SNAPSHOT.roles.Contributor) && BROAD_ROLES.includes(SNAPSHOT.roles.Owner));
    });

    for (const stack of ["dev", "prod"]) {
        it(
            `${stack}: every role the stack assigns is a published built-in role or the stack's own email ` +
                `sender role`,
            async () => {
                const g = await stackGraph(stack);
                const custom = new Set(
                    ofType(g, "azure-native:authorization:RoleDefinition").map((d) => d.inputs.roleDefinitionId),
                );
                const published = new Set(Object.values(SNAPSHOT.roles));
                const assigned = ofType(g, "azure-native:authorization:RoleAssignment").map(
                    (r) => String(r.inputs.roleDefinitionId).split("/").pop()!,
                );
                assert.ok(assigned.length > 0);
                assert.deepStrictEqual(
                    assigned.filter((id) => !published.has(id) && !custom.has(id)),
                    [],
                );
                assert.deepStrictEqual(
                    assigned.filter((id) => BROAD_ROLES.includes(id)),
                    [],
                    "no Owner/Contributor/User Access Administrator",
                );
            },
        );
    }
});

describe("the email sender custom role", () => {
    it(
        "has exactly the actions Microsoft documents, is assignable only in the ACS resource's group, and is " +
            "what both email handlers hold",
        async () => {
            const g = await stackGraph("dev");
            const [def] = ofType(g, "azure-native:authorization:RoleDefinition");
            const acs = ofType(g, "azure-native:communication:CommunicationService")[0];
            const group = acs.id!.split("/").slice(0, 5).join("/");
            assert.deepStrictEqual(def.inputs.permissions, [
                { actions: [...ACS_EMAIL_SENDER_ACTIONS], notActions: [], dataActions: [], notDataActions: [] },
            ]);
            assert.ok(
                !def.inputs.permissions[0].actions.some((a: string) => /ListKeys|\*/i.test(a)),
                "cannot list keys",
            );
            assert.strictEqual(def.inputs.scope, group);
            assert.deepStrictEqual(def.inputs.assignableScopes, [group]);
            assert.strictEqual(def.inputs.roleType, "CustomRole");
            assert.match(def.inputs.roleDefinitionId, GUID);
            const holders = ofType(g, "azure-native:authorization:RoleAssignment").filter((r) =>
                String(r.inputs.roleDefinitionId).endsWith(`/${def.inputs.roleDefinitionId}`),
            );
            const principals = new Set(holders.map((r) => r.inputs.principalId));
            const app = ofType(g, "azure-native:web:WebApp")[0];
            const wf = ofType(g, "azure-native:logic:Workflow")[0];
            assert.deepStrictEqual(
                [...principals].sort(),
                [app.outputs.identity.principalId, wf.outputs.identity.principalId].sort(),
            );
            for (const r of holders) {
                assert.strictEqual(r.inputs.scope, acs.id);
                assert.match(
                    r.inputs.roleDefinitionId,
                    /^\/subscriptions\/[^/]+\/providers\/Microsoft\.Authorization\/roleDefinitions\//,
                );
                assert.ok(
                    r.propertyDependencies.roleDefinitionId?.includes(def.urn),
                    "the assignment waits for the role definition",
                );
            }
        },
    );
});
