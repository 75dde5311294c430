/** checkGraph's contract with its callers: coverage reporting, skipping without contract files, lazy loading. */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as servicebus from "@pulumi/azure-native/servicebus";
import * as pulumi from "@pulumi/pulumi";
import * as storage from "@pulumi/azure-native/storage";
import type { Graph } from "../../harness/graph";
import { checkGraph, findArmTypesDir, loadedContractFileCount, SKIPPED_NO_CONTRACT } from "../../contract";
import { captureGraph, only } from "./support/captureGraph";
import { RG, valid } from "./support/validResources";

const ARM_TYPES = findArmTypesDir();

describe("checkGraph", () => {
    describe("coverage", () => {
        before(function () {
            if (!ARM_TYPES) this.skip(); // no ../shared/arm-types: nothing is checked, so nothing is covered
        });

        it("lists an azure-native type it has no contract for as uncovered (and still checks the others)", async () => {
            const graph = await captureGraph(() => {
                new managedidentity.UserAssignedIdentity("delivery-identity", {
                    resourceGroupName: RG,
                    resourceName: "id-acs-delivery",
                });
                new storage.StorageAccount("account", valid.storageAccount());
            });
            const result = checkGraph(graph);
            assert.deepStrictEqual(result.uncovered, ["azure-native:managedidentity:UserAssignedIdentity"]);
            assert.strictEqual(result.checked, 1);
            assert.deepStrictEqual(result.violations, []);
        });

        it("ignores component resources and other providers' types: they have no ARM body", async () => {
            const graph = await captureGraph(() => {
                const parent = new pulumi.ComponentResource("acs-event-handling:index:DeadLetterStore", "store");
                new storage.StorageAccount("account", valid.storageAccount(), { parent });
            });
            const withComponent: Graph = {
                ...graph,
                resources: [
                    ...graph.resources,
                    {
                        ...graph.resources[0],
                        urn: "urn:c",
                        type: "acs-event-handling:index:DeadLetterStore",
                        custom: false,
                    },
                    { ...graph.resources[0], urn: "urn:r", type: "random:index:RandomUuid", custom: true },
                ],
            };
            const result = checkGraph(withComponent);
            assert.deepStrictEqual(result.uncovered, []);
            assert.strictEqual(result.checked, 1);
        });
    });

    describe("preview graphs", () => {
        before(function () {
            if (!ARM_TYPES) this.skip();
        });

        // In a preview, outputs of resources not yet created are unknown; the harness records them as Pulumi's
        // unknown sentinel. An unknown name, number or discriminator cannot be judged, so it must not be reported.
        it("does not report values that are unknown until deployment", async () => {
            const graph = await captureGraph(() => {
                new eventgrid.SystemTopicEventSubscription("sub", valid.subscription());
                new servicebus.Queue("queue", valid.serviceBusQueue());
            });
            const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
            const sub = only(graph, "azure-native:eventgrid:SystemTopicEventSubscription");
            const queue = only(graph, "azure-native:servicebus:Queue");
            const preview: Graph = {
                ...graph,
                resources: [
                    {
                        ...sub,
                        inputs: {
                            ...sub.inputs,
                            eventSubscriptionName: unknown,
                            destination: { endpointType: unknown, resourceId: unknown },
                        },
                    },
                    {
                        ...queue,
                        inputs: {
                            ...queue.inputs,
                            queueName: unknown,
                            maxDeliveryCount: unknown,
                            lockDuration: unknown,
                        },
                    },
                ],
            };
            assert.deepStrictEqual(checkGraph(preview).violations, []);
        });
    });

    describe("without contract files", () => {
        it("returns a skipped result (not an exception) when the contract directory does not exist", () => {
            const graph: Graph = { project: "p", stack: "s", resources: [], stackOutputs: {} };
            const result = checkGraph(graph, { armTypesDir: path.join(os.tmpdir(), "no-such-arm-types") });
            assert.deepStrictEqual(result, { skipped: SKIPPED_NO_CONTRACT, checked: 0, violations: [], uncovered: [] });
            assert.strictEqual(SKIPPED_NO_CONTRACT, "skipped: ../shared/arm-types not found");
        });

        it("finds ../shared/arm-types beside the project root, and nothing when it is absent", () => {
            const root = fs.mkdtempSync(path.join(os.tmpdir(), "contract-"));
            const project = path.join(root, "project");
            fs.mkdirSync(path.join(project, "deep", "er"), { recursive: true });
            fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
            assert.strictEqual(findArmTypesDir(path.join(project, "deep", "er")), undefined);
            fs.mkdirSync(path.join(root, "shared", "arm-types"), { recursive: true });
            assert.strictEqual(
                findArmTypesDir(path.join(project, "deep", "er")),
                path.join(root, "shared", "arm-types"),
            );
            fs.rmSync(root, { recursive: true, force: true });
        });
    });

    describe("cost", () => {
        before(function () {
            if (!ARM_TYPES) this.skip();
        });

        it("parses each contract file at most once per process, and only files a resource needs", async () => {
            const graph = await captureGraph(() => new storage.StorageAccount("account", valid.storageAccount()));
            const before = loadedContractFileCount();
            checkGraph(graph);
            const afterFirst = loadedContractFileCount();
            assert.ok(afterFirst - before <= 1, "one storage resource needs at most the storage file");
            checkGraph(graph);
            assert.strictEqual(loadedContractFileCount(), afterFirst, "a second check reuses the parsed file");
        });
    });
});
