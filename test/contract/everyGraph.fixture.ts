/**
 * Not a spec (the suite's glob is *.spec.ts): everyGraph.spec.ts runs this file in a child mocha with the
 * contract-every-graph plugin and reads what the plugin prints. Builds one contract-invalid graph in a `before`
 * hook and one as the partial graph of a failing program (both reported by that test), one valid graph twice, and
 * one invalid graph in an `after` hook (reported at the end of the run).
 */
import * as assert from "node:assert";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as resources from "@pulumi/azure-native/resources";
import { ProgramError, runProgram } from "../../harness/runProgram";
import { valid } from "./support/validResources";

const TOPIC = {
    resourceGroupName: "rg",
    source: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs",
    topicType: "Microsoft.Communication.CommunicationServices",
    location: "global",
};
const run = (program: () => void) =>
    runProgram({ project: "acs-event-handling", stack: "every-graph-fixture", program });

describe("every-graph fixture", () => {
    before(async () => {
        await run(() => {
            new eventgrid.SystemTopic("hook-topic", { ...TOPIC, systemTopicName: "t" });
        });
    });

    after(async () => {
        await run(() => {
            new eventgrid.SystemTopic("after-topic", { ...TOPIC, systemTopicName: "a" });
        });
    });

    it("builds a failing program's partial graph", async () => {
        const err = await run(() => {
            new eventgrid.SystemTopic("partial-topic", { ...TOPIC, systemTopicName: "p" });
            throw new Error("the program fails after registering a topic");
        }).then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.ok(err instanceof ProgramError);
    });

    it("builds a valid graph twice", async () => {
        await run(() => {
            new resources.ResourceGroup("rg", valid.resourceGroup());
        });
        await run(() => {
            new resources.ResourceGroup("rg", valid.resourceGroup());
        });
    });
});
