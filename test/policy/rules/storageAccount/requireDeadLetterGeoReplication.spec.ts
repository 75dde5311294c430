import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/requireDeadLetterGeoReplication.ts", () => {
    const graph = useSharedGraph("eventPath");

    // sku is required: the reviewed "unset" case is an account no subscription dead-letters to (out of scope).
    ruleCases("storage-account-require-dead-letter-geo-replication", {
        graph,
        pass: ["stgolden"],
        fail: ["stlrs"],
        unset: { pass: ["stnodeadletter"] },
    });
});
