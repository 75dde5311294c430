import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/serviceBusTopic/requireStandardTier.ts", () => {
    const graph = useSharedGraph("delivery");

    ruleCases("servicebus-topic-require-standard-tier", {
        graph,
        pass: ["dlv-sbt"],
        fail: ["dlv-sbt-basic"],
        unset: { pass: ["dlv-sbt-nosku"] },
        messages: { "dlv-sbt-basic": [/got "Basic"/] },
    });
});
