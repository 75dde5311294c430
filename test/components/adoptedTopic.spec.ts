import * as assert from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { AcsSystemTopic, adoptedTopicProblem } from "../../components/systemTopic";
import { ofType } from "../../harness/graph";
import { planMocks } from "../../harness/mocks";
import { ProgramError, runProgram } from "../../harness/runProgram";
import { runStack } from "../../harness/runStack";
import "../support/contractCheck";
import { joinRe } from "../support/regex";

const ACS_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers" +
    "/Microsoft.Communication/communicationServices/acs-shared";
const OTHER_ACS = ACS_ID.replace("acs-shared", "acs-other");
const ACS_TYPE = "Microsoft.Communication.CommunicationServices";

/** The plan's mocks, with ARM's answer for the adopted topic replaced by `topic`. */
function mocksAnswering(topic: Record<string, unknown>): pulumi.runtime.Mocks {
    return {
        newResource: planMocks.newResource,
        call: async (args) =>
            args.token === "azure-native:eventgrid:getSystemTopic"
                ? { ...(await planMocks.call(args)), ...topic }
                : planMocks.call(args),
    };
}

async function adoptWith(topic: Record<string, unknown>): Promise<unknown> {
    try {
        await runProgram({
            project: "acs-event-handling",
            stack: "test",
            mocks: mocksAnswering(topic),
            program: () => ({
                p: new AcsSystemTopic("topic", {
                    resourceGroupName: "rg-shared",
                    sourceId: ACS_ID,
                    existingName: "acs-shared-topic",
                }).principalId,
            }),
        });
    } catch (err) {
        if (err instanceof ProgramError) return err;
        throw err;
    }
    return undefined;
}

describe("adopting an existing system topic (systemTopic.existingName)", () => {
    it("accepts the ACS topic of our ACS resource, ids compared case-insensitively", async () => {
        assert.strictEqual(await adoptWith({ source: ACS_ID.toUpperCase(), topicType: ACS_TYPE }), undefined);
    });

    it("fails with a clear error when the topic's source is another resource", async () => {
        const err = (await adoptWith({ source: OTHER_ACS, topicType: ACS_TYPE })) as ProgramError;
        assert.ok(err, "expected the program to fail");
        assert.match(
            err.message,
            joinRe(
                /AcsSystemTopic "topic": the existing system topic "acs-shared-topic" cannot be adopted: /,
                /its source is .*acs-other, expected the ACS resource .*acs-shared\. Fix: set /,
                /systemTopic\.existingName/,
            ),
        );
    });

    it("fails with a clear error when the topic is not an ACS topic", async () => {
        const storage =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers" +
            "/Microsoft.Storage/storageAccounts/st";
        const err = (await adoptWith({
            source: storage,
            topicType: "Microsoft.Storage.StorageAccounts",
        })) as ProgramError;
        assert.ok(err, "expected the program to fail");
        assert.match(
            err.message,
            joinRe(
                /cannot be adopted: its topic type is "Microsoft\.Storage\.StorageAccounts", expected /,
                /"Microsoft\.Communication\.CommunicationServices"/,
            ),
        );
    });

    it("reports a missing source or type as such", () => {
        assert.match(adoptedTopicProblem({ topicType: ACS_TYPE }, ACS_ID) ?? "", /its source is \(none\)/);
        assert.match(adoptedTopicProblem({ source: ACS_ID }, ACS_ID) ?? "", /its topic type is "\(none\)"/);
    });

    it(
        "the dev stack with an adopted topic plans: " + "the mock cloud answers with the stack's own ACS resource",
        async () => {
            const g = await runStack({
                stack: "dev",
                overrides: { systemTopic: { existingName: "acs-events-dev-portal" } },
            });
            assert.strictEqual(ofType(g, "azure-native:eventgrid:SystemTopic").length, 0);
            assert.ok(
                ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription").every(
                    (s) => s.inputs.systemTopicName === "acs-events-dev-portal",
                ),
            );
        },
    );
});
