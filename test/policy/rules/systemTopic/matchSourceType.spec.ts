import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/matchSourceType.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("system-topic-match-source-type", {
        graph,
        pass: ["golden-topic", "foreign-topic"],
        fail: ["wrongtype-topic"],
        unset: { fail: ["nosource-topic"] },
        messages: {
            "wrongtype-topic": [
                joinRe(
                    /topicType: expected "Microsoft\.Communication\.CommunicationServices", got/,
                    / "Microsoft\.Storage\.StorageAccounts"/,
                ),
            ],
        },
    });
});
