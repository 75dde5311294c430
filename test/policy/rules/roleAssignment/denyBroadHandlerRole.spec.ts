import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/roleAssignment/denyBroadHandlerRole.ts", () => {
    const graph = useSharedGraph("roles");

    // A data role passes; Contributor/Owner/User Access Administrator to a site, a workflow or a workflow's
    // user-assigned identity fail; the topic's identity is not a handler's; a site without identity has no principal to
    // judge.
    ruleCases("role-assignment-deny-broad-handler-role", {
        graph,
        pass: ["ra-app-blob"],
        fail: ["ra-app-contributor", "ra-wf-owner", "ra-uai-uaa"],
        unset: { pass: ["ra-noid-contributor"] },
        outOfScope: ["ra-topic-contributor"],
        messages: {
            "ra-app-contributor": [
                joinRe(
                    /^roleDefinitionId: expected a narrow role for role-app's identity, got Contributor/,
                    / \(b24988ac-6180-42a0-ab88-20f7382dd24c\)/,
                ),
            ],
            "ra-uai-uaa": [/role-wf-uai's identity, got User Access Administrator/],
        },
    });
});
