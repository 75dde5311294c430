import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/communicationService/fitEmailQuota.ts", () => {
    const graph = useSharedGraph("emailQuota");

    // Routes on the Azure-managed sandbox domain can always outrun 10 emails an hour; a custom domain is judged
    // only against a configured rate; no linked domain, nothing to judge.
    ruleCases("communication-service-fit-email-quota", {
        graph,
        pass: ["eq-custom"],
        fail: ["eq-managed"],
        unset: { pass: ["eq-nodomain"] },
        messages: {
            "eq-managed": [
                joinRe(
                    /^linkedDomains: the AzureManaged domain allows 5 emails a minute and 10 an hour per/,
                    / subscription; routes eq-managed-sub → eq-managed-app send up to 1 email\(s\) per event, so more/,
                    / than 5 matching events a minute or 10 an hour are throttled/,
                ),
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
