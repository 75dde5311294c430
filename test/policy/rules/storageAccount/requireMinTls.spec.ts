import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/storageAccount/requireMinTls.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("storage-account-require-min-tls", {
        graph,
        pass: ["dl-account", "st-variants"],
        fail: ["st-bad"],
        unset: { fail: ["st-unset"] },
        messages: { "st-bad": [/minimumTlsVersion: expected "TLS1_2" or "TLS1_3", got "TLS1_0"/, /Fix: /] },
    });
});
