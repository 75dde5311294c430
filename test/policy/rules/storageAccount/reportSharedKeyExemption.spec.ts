import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/reportSharedKeyExemption.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("storage-account-report-shared-key-exemption", {
        graph,
        pass: ["dl-account", "st-bad"],
        fail: ["fn-storage", "st-stale"],
        unset: { pass: ["st-unset"] },
        messages: {
            "fn-storage": [
                joinRe(
                    /documented exemption: "pulumi storage\.Blob uploads the function package with account keys/,
                    / \(pulumi\/pulumi-azure-native#2015\)/,
                ),
            ],
            "st-stale": [/remove the stale tag/],
        },
    });
});
