import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/requireBlobSoftDelete.ts", () => {
    const graph = useSharedGraph("baseline");

    // Accounts without containers are out of scope; a missing BlobServiceProperties is the unset case.
    ruleCases("storage-account-require-blob-soft-delete", {
        graph,
        pass: ["dl-account"],
        fail: ["st-variants", "st-variants"],
        unset: { fail: ["st-bad"] },
        outOfScope: ["st-unset", "st-nobypass"],
        messages: {
            "st-variants": [
                /deleteRetentionPolicy: expected \{ enabled: true, days: >= 1 \}/,
                /containerDeleteRetentionPolicy/,
            ],
            "st-bad": [/BlobServiceProperties/],
        },
    });
});
