import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/denyPublicBlobAccess.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("storage-account-deny-public-blob-access", {
        graph,
        pass: ["dl-account", "st-nobypass"],
        fail: ["st-bad"],
        unset: { fail: ["st-unset"] },
    });
});
