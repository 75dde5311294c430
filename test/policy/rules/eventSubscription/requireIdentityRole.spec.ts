import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireIdentityRole.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("event-subscription-require-identity-role", {
        graph,
        pass: ["golden-sub", "uai-sub"],
        fail: ["norole-sub", "wrongrole-sub", "sibling-sub", "nodep-sub"],
        unset: { fail: ["noidentity-sub", "noidentity-sub"] },
        messages: {
            "wrongrole-sub": [
                joinRe(
                    /expected a RoleAssignment of Azure Service Bus Data Sender/,
                    / \(69a216fc-b8fb-44d8-bc22-1f3c2cd27a39\).*got wrongrole-sb-sender \(role 2b629674/,
                ),
            ],
            "sibling-sub": [
                /got sibling-sb-sender \(role 69a216fc-b8fb-44d8-bc22-1f3c2cd27a39 at .*sibling-sbns-other\)/,
            ],
            "nodep-sub": [
                joinRe(
                    /RoleAssignment nodep-sb-sender grants Azure Service Bus Data Sender, but the subscription does/,
                    / not depend on it/,
                ),
            ],
        },
    });
});
