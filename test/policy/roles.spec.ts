import { Graph } from "../../harness/graph";
import { emailQuotaProgram } from "./fixtures/emailQuota";
import { OUTSIDE_ROLE, rolesProgram } from "./fixtures/roles";
import { fixtureMocks } from "./fixtures/raw";
import { fixture, ruleCases } from "./support/findings";

/** Least privilege for handler identities (issue 10 point 4). */
describe("policy: roles granted to handler identities", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(rolesProgram, { mocks: fixtureMocks });
    });
    const graph = () => g;

    // A data role passes; Contributor/Owner/User Access Administrator to a site, a workflow or a workflow's
    // user-assigned identity fail; the topic's identity is not a handler's; a site without identity has no principal to judge.
    ruleCases("role-assignment-deny-broad-handler-role", {
        graph,
        pass: ["ra-app-blob"],
        fail: ["ra-app-contributor", "ra-wf-owner", "ra-uai-uaa"],
        unset: { pass: ["ra-noid-contributor"] },
        outOfScope: ["ra-topic-contributor"],
        messages: {
            "ra-app-contributor": [
                /^roleDefinitionId: expected a narrow role for role-app's identity, got Contributor \(b24988ac-6180-42a0-ab88-20f7382dd24c\)/,
            ],
            "ra-uai-uaa": [/role-wf-uai's identity, got User Access Administrator/],
        },
    });

    // Published built-ins and the stack's own role pass; the mistyped "Contributor" and an unlisted outside role fail.
    ruleCases("role-assignment-require-known-role", {
        graph,
        pass: ["ra-app-blob", "ra-custom", "ra-app-contributor"],
        fail: ["ra-typo", "ra-outside"],
        unset: { pass: ["ra-blank"] },
        messages: {
            "ra-typo": [
                /^roleDefinitionId: expected a built-in role from https:\/\/learn\.microsoft\.com\/azure\/role-based-access-control\/built-in-roles, .*got b24988ac-6180-42a8-9fcd-b4a8d95f5c6d/,
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

/** Email quota of the linked domain against the routes that email (issue 10 point 12). */
describe("policy: ACS email quota", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(emailQuotaProgram, { mocks: fixtureMocks });
    });
    const graph = () => g;

    // Routes on the Azure-managed sandbox domain can always outrun 10 emails an hour; a custom domain is judged
    // only against a configured rate; no linked domain, nothing to judge.
    ruleCases("communication-service-fit-email-quota", {
        graph,
        pass: ["eq-custom"],
        fail: ["eq-managed"],
        unset: { pass: ["eq-nodomain"] },
        messages: {
            "eq-managed": [
                /^linkedDomains: the AzureManaged domain allows 5 emails a minute and 10 an hour per subscription; routes eq-managed-sub → eq-managed-app send up to 1 email\(s\) per event, so more than 5 matching events a minute or 10 an hour are throttled/,
            ],
        },
    });
    ruleCases("communication-service-fit-email-quota", {
        graph,
        config: { "communication-service-fit-email-quota": { eventsPerHour: 150 } },
        pass: ["eq-nodomain"],
        fail: ["eq-managed", "eq-custom"],
        unset: { pass: ["eq-nodomain"] },
        messages: {
            "eq-custom": [/CustomerManaged domain allows 30 emails a minute and 100 an hour.*\(expected 150 an hour\)/],
        },
    });
});
