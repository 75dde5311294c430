/**
 * Not a spec (the suite's glob is *.spec.ts): everyGraph.spec.ts runs this file in a child mocha with
 * `--no-config` (no root hook, no mocha config) and reads what mocha prints. Builds one contract-invalid graph in
 * a `before` hook (that hook fails), one as the partial graph of a failing program (that test fails), one valid
 * graph twice (passes, after the failures), and one invalid graph in an `after` hook (that hook fails).
 */
import * as assert from "node:assert";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as resources from "@pulumi/azure-native/resources";
import { ProgramError, runProgram } from "../../harness/runProgram";
import "../support/contractCheck";
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
    describe("a bad graph in a before hook", () => {
        before(async () => {
            await run(() => {
                new eventgrid.SystemTopic("hook-topic", { ...TOPIC, systemTopicName: "t" });
            });
        });

        it("is not reached", () => {});
    });

    describe("tests", () => {
        after(async () => {
            await run(() => {
                new eventgrid.SystemTopic("after-topic", { ...TOPIC, systemTopicName: "a" });
            });
        });

        it("builds a failing program's partial graph", async () => {
            // Rejects with the contract finding instead of the program's own error.
            await assert.rejects(
                run(() => {
                    new eventgrid.SystemTopic("partial-topic", { ...TOPIC, systemTopicName: "p" });
                    throw new Error("the program fails after registering a topic");
                }),
                ProgramError,
            );
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
});
