import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/communicationService/requireFeatureLogs.ts", () => {
    const graph = useSharedGraph("residency");

    // SMS, Email and Chat need their categories (allLogs covers all); calling has none mapped; an ACS resource without
    // routes needs nothing.
    ruleCases("communication-service-require-feature-logs", {
        graph,
        pass: ["eu-acs", "logs-all-acs", "logs-calls-acs", "us-acs"],
        fail: ["logs-email-acs", "logs-nodest-acs", "logs-off-acs"],
        unset: { fail: ["logs-none-acs"] },
        outOfScope: ["logs-idle-acs"],
        messages: {
            "logs-email-acs": [
                joinRe(
                    /expected enabled categories EmailStatusUpdateOperational \(for logs-email-sub\) with a/,
                    / destination, got settings logs-email-diagnostics without them/,
                ),
            ],
            "logs-none-acs": [/SMSOperational \(for logs-none-sub\).*got no diagnostic setting on the resource/],
        },
    });
});
