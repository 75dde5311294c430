/**
 * The topology picture of a stack: built from graphs captured by running Pulumi programs under mocks (a tiny
 * program written for these tests, and the real `dev` stack), never from hand-written Graph objects.
 */
import * as assert from "node:assert";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as pulumi from "@pulumi/pulumi";
import { Graph } from "../../harness/graph";
import { runProgram } from "../../harness/runProgram";
import { stackGraph } from "../support/sharedGraphs";
import { topologyFromGraph, toMermaid, Topology } from "../../render";
import { tinyStackGraph, WEBHOOK_URL } from "./tinyStack";

const TINY_MERMAID =
    `flowchart LR
  acs0["ACS<br/>acs-render"]
  topic0["System topic<br/>acs-render-topic"]
  acs0 --> topic0
  handler0(["AzureFunction<br/>func-calls/onIncomingCall"])
  handler1(["Handler sms-queue<br/>storageQueue"])
  handler2(["Handler chat-hook<br/>webhook"])
  sub0["calls-604<br/>types: IncomingCall<br/>data.count NumberInRange 1..5"]
  topic0 --> sub0
  sub0 -->|"AzureFunction"| handler0
  sub1["sms-604<br/>types: SMSReceived, SMSDeliveryReportReceived<br/>subject begins /phonenumber/1604"]
  topic0 --> sub1
  sub1 -->|"StorageQueue via identity"| handler1
  deadletter0[("Dead letters<br/>stdeadletters/deadletters")]
  sub1 -.->|dead letter| deadletter0
  sub2["chat-messages<br/>types: ChatMessageReceived, ⚠InstantMessageReceived<br/>data.metadata.team StringIn ` +
    `'ops'⟧ or ‹b›a¦b‹/b› or x＃quot;y<br/>delivered as CloudEvents 1.0"]
  topic0 --> sub2
  sub2 -->|"WebHook"| handler2
  sub2 -.->|dead letter| deadletter0
  %% subscription 'calls-604': no dead-letter destination
`;

describe("render/topology: a tiny stack under mocks", () => {
    let graph: Graph;
    let topology: Topology;
    before(async () => {
        graph = await tinyStackGraph();
        topology = topologyFromGraph(graph);
    });

    it("links ACS → topic → every subscription", () => {
        const [acs] = topology.communicationServices;
        assert.deepStrictEqual(
            topology.systemTopics.map((t) => [t.name, t.source]),
            [["acs-render-topic", acs.key]],
        );
        assert.deepStrictEqual(
            topology.subscriptions.map((s) => [s.name, s.topic]),
            [
                ["calls-604", topology.systemTopics[0].key],
                ["sms-604", topology.systemTopics[0].key],
                ["chat-messages", topology.systemTopics[0].key],
            ],
        );
    });

    it("finds each handler through the EventSubscription component's `handler`, else shows the destination", () => {
        const handlerOf = (name: string) =>
            topology.handlers.find((h) => h.key === topology.subscriptions.find((s) => s.name === name)?.handler);
        assert.deepStrictEqual(handlerOf("sms-604"), {
            key: "handler:sms-queue",
            name: "sms-queue",
            kind: "storageQueue",
        });
        assert.deepStrictEqual(handlerOf("chat-messages"), {
            key: "handler:chat-hook",
            name: "chat-hook",
            kind: "webhook",
        });
        assert.strictEqual(handlerOf("calls-604")?.endpoint, "func-calls/onIncomingCall");
    });

    it("reads destinations and dead letters written with and without the topic's identity", () => {
        const sms = topology.subscriptions.find((s) => s.name === "sms-604");
        assert.deepStrictEqual(
            [
                sms?.destination.label,
                sms?.destination.viaIdentity,
                sms?.deadLetter?.label,
                sms?.deadLetter?.viaIdentity,
            ],
            ["stsmsqueue/sms-in", true, "stdeadletters/deadletters", true],
        );
    });

    it("warns about what it could not draw", () => {
        assert.deepStrictEqual(topology.warnings, ['subscription "calls-604": no dead-letter destination']);
    });

    it("renders the expected Mermaid flowchart", () => {
        assert.strictEqual(toMermaid(topology), TINY_MERMAID);
    });

    it("never carries the webhook URL or its key, even though the graph holds it", () => {
        assert.ok(JSON.stringify(graph).includes("SUPERSECRETKEY123"), "the test must hold a URL to hide");
        const shown = JSON.stringify(topology) + toMermaid(topology);
        for (const part of [WEBHOOK_URL, "hooks.example.net", "SUPERSECRETKEY123", "code="])
            assert.ok(!shown.includes(part), part);
    });
});

/** A HandlerTarget stand-in that, like the real one, registers the destination it receives on. */
class FunctionHandler extends pulumi.ComponentResource {
    constructor(name: string, resourceId: string) {
        super("acs-event-handling:index:HandlerTarget", name, { kind: "function" });
        this.registerOutputs({ resourceId });
    }
}

describe("render/topology: incomplete stacks still draw", () => {
    it("draws a subscription whose topic and ACS are outside the stack, and says so", async () => {
        const graph = await runProgram({
            project: "render-test",
            stack: "partial",
            program: () => {
                new eventgrid.SystemTopicEventSubscription("orphan", {
                    resourceGroupName: "rg",
                    systemTopicName: "elsewhere-topic",
                    eventSubscriptionName: "orphan",
                    destination: {
                        endpointType: "StorageQueue",
                        resourceId:
                            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stq",
                        queueName: "q",
                    },
                });
            },
        });
        const t = topologyFromGraph(graph);
        assert.deepStrictEqual(t.warnings, [
            'subscription "orphan": system topic "elsewhere-topic" is not in the stack',
            'subscription "orphan": no dead-letter destination',
        ]);
        assert.match(toMermaid(t), /sub0\["orphan<br\/>types: all"\]\n {2}sub0 -->\|"StorageQueue"\| handler0/);
    });

    it("draws an ACS source given as a plain resource id as a node outside the stack", async () => {
        const acsId =
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs-shared";
        const graph = await runProgram({
            project: "render-test",
            stack: "external",
            program: () => {
                new eventgrid.SystemTopic("topic", {
                    resourceGroupName: "rg",
                    systemTopicName: "acs-shared-topic",
                    source: acsId,
                    topicType: "Microsoft.Communication.CommunicationServices",
                    location: "global",
                });
            },
        });
        assert.match(
            toMermaid(topologyFromGraph(graph)),
            /acs0\["ACS \(outside this stack\)<br\/>acs-shared"\][^]*acs0 --> topic0/,
        );
    });

    it("matches a subscription to a HandlerTarget by destination resource id when no component names it", async () => {
        const fn = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/func-x/functions/run";
        const graph = await runProgram({
            project: "render-test",
            stack: "by-id",
            program: () => {
                new FunctionHandler("x-handler", fn);
                new eventgrid.SystemTopicEventSubscription("s", {
                    resourceGroupName: "rg",
                    systemTopicName: "t",
                    destination: { endpointType: "AzureFunction", resourceId: fn },
                });
            },
        });
        assert.deepStrictEqual(topologyFromGraph(graph).handlers, [
            { key: "handler:x-handler", name: "x-handler", kind: "function" },
        ]);
    });

    it("draws an empty graph as an empty flowchart", async () => {
        const graph = await runProgram({ project: "render-test", stack: "empty", program: () => undefined });
        assert.strictEqual(toMermaid(topologyFromGraph(graph)), "flowchart LR\n");
    });
});

describe("render/topology: the dev stack", () => {
    let graph: Graph;
    before(async () => {
        graph = await stackGraph("dev");
    });

    it("draws every Azure subscription of the stack with its handler", () => {
        const t = topologyFromGraph(graph);
        const azure = graph.resources.filter((r) => r.type === "azure-native:eventgrid:SystemTopicEventSubscription");
        assert.ok(azure.length > 0);
        assert.deepStrictEqual(
            t.subscriptions.map((s) => s.name).sort(),
            azure.map((r) => r.inputs.eventSubscriptionName).sort(),
        );
        for (const s of t.subscriptions) assert.ok(s.handler.startsWith("handler:"), `${s.name} has no named handler`);
        assert.deepStrictEqual(t.warnings, []);
    });

    it("shows no URL at all", () => {
        assert.ok(!/https?:\/\//.test(toMermaid(topologyFromGraph(graph))));
    });
});
