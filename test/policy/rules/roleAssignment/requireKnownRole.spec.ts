import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";
import { OUTSIDE_ROLE } from "../../fixtures/roles";

describe("policy/rules/roleAssignment/requireKnownRole.ts", () => {
    const graph = useSharedGraph("roles");

    // Published built-ins and the stack's own role pass; the mistyped "Contributor" and an unlisted outside role fail.
    ruleCases("role-assignment-require-known-role", {
        graph,
        pass: ["ra-app-blob", "ra-custom", "ra-app-contributor"],
        fail: ["ra-typo", "ra-outside"],
        unset: { pass: ["ra-blank"] },
        messages: {
            "ra-typo": [
                joinRe(
                    /^roleDefinitionId: expected a built-in role from/,
                    / https:\/\/learn\.microsoft\.com\/azure\/role-based-access-control\/built-in-roles, .*got/,
                    / b24988ac-6180-42a8-9fcd-b4a8d95f5c6d/,
                ),
            ],
        },
    });

    ruleCases("role-assignment-require-known-role", {
        graph,
        config: { "role-assignment-require-known-role": { knownRoleIds: [OUTSIDE_ROLE] } },
        pass: ["ra-outside", "ra-custom"],
        fail: ["ra-typo"],
        unset: { pass: ["ra-blank"] },
    });
});
