import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/blobContainer/denyPublicAccess.ts", () => {
    const graph = useSharedGraph("baseline");

    ruleCases("blob-container-deny-public-access", {
        graph,
        pass: ["dl-container"],
        fail: ["c-public"],
        unset: { pass: ["c-unset"] },
    });
});
