import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/requireGlobalLocation.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("system-topic-require-global-location", {
        graph,
        pass: ["golden-topic"],
        fail: ["regional-topic"],
        unset: { fail: ["nolocation-topic"] },
    });
});
