import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/disableSharedKey.ts", () => {
    const graph = useSharedGraph("baseline");

    // Functions host storage gets the reason and the order of the fix; an exemption recorded in the tag passes here
    // (the real function handler's account) and is listed by storage-account-report-shared-key-exemption instead.
    ruleCases("storage-account-disable-shared-key", {
        graph,
        pass: ["dl-account", "st-variants", "fn-storage"],
        fail: ["st-bad", "st-hostkey", "st-hostid"],
        unset: { fail: ["st-unset"] },
        messages: {
            "st-hostkey": [
                /function app fa-hostkey connects with an account key \(AzureWebJobsStorage\), so keys cannot go first/,
            ],
            "st-hostid": [
                joinRe(
                    /function app fa-hostid already reaches this host storage with its identity .*set/,
                    / allowSharedKeyAccess: false, or record why keys must stay in tag/,
                    / acs-event-handling:shared-key-reason/,
                ),
            ],
        },
    });
});
