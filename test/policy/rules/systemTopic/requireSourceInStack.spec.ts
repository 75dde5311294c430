import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/requireSourceInStack.ts", () => {
    const graph = useSharedGraph("eventPath");

    ruleCases("system-topic-require-source-in-stack", {
        graph,
        pass: ["golden-topic"],
        fail: ["foreign-topic", "othersub-topic"],
        unset: { fail: ["nosource-topic"] },
        messages: {
            "foreign-topic": [
                /source: expected the id of a communication\.CommunicationService in this stack/,
                /Fix: build source from the ACS resource/,
            ],
        },
    });

    ruleCases("system-topic-require-source-in-stack", {
        graph,
        config: {
            "system-topic-require-source-in-stack": {
                externalSources: [
                    "/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/rg/providers/" +
                        "Microsoft.Communication/communicationServices/ELSEWHERE",
                ],
            },
        },
        pass: ["golden-topic"],
        fail: ["foreign-topic", "othersub-topic"],
        unset: { fail: ["nosource-topic"] },
        messages: {
            "othersub-topic": [
                /an ACS resource in the topic's Azure subscription 00000000-0000-0000-0000-000000000000/,
            ],
        },
    });
});
