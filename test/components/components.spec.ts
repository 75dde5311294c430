import * as assert from "node:assert";
import {
    AcsEventHandling,
    AcsSystemTopic,
    CommunicationService,
    EndpointType,
    EventSubscription,
    HandlerKind,
    HandlerTarget,
} from "../../components";
import * as pulumi from "@pulumi/pulumi";
import { ofType } from "../../harness/graph";
import { runStack } from "../../harness/runStack";
import { failingProgram, runComponents } from "../support/program";
import { joinRe } from "../support/regex";

const RG = "rg-test";
const SMS = "Microsoft.Communication.SMSReceived";
const ACS_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers" +
    "/Microsoft.Communication/communicationServices/acs-shared";

describe("EventSubscription component", () => {
    const queue = {
        endpointType: EndpointType.StorageQueue,
        resourceId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st",
        queueName: "q",
    };

    it("writes every Event Grid default explicitly", async () => {
        const g = await runComponents(
            () =>
                new EventSubscription("sms-in", {
                    resourceGroupName: RG,
                    systemTopicName: "topic",
                    filter: { eventTypes: [SMS] },
                    destination: { endpointType: EndpointType.WebHook, endpointUrl: "https://h.example.com/x" },
                }),
        );
        const s = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription")[0];
        assert.deepStrictEqual(s.inputs.retryPolicy, { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 });
        assert.strictEqual(s.inputs.eventDeliverySchema, "EventGridSchema");
        assert.strictEqual(s.inputs.filter.isSubjectCaseSensitive, false);
        assert.strictEqual(s.inputs.filter.enableAdvancedFilteringOnArrays, false);
        assert.strictEqual(s.inputs.destination.maxEventsPerBatch, 1);
        assert.strictEqual(s.inputs.destination.preferredBatchSizeInKilobytes, 64);
        assert.strictEqual(s.inputs.eventSubscriptionName, "sms-in");
        assert.ok(s.secretPaths.includes("destination.endpointUrl"));
    });

    it("uses the topic identity for queue delivery and never sends destination with it", async () => {
        const g = await runComponents(
            () =>
                new EventSubscription("sms-in", {
                    resourceGroupName: RG,
                    systemTopicName: "topic",
                    filter: { eventTypes: [SMS] },
                    destination: queue,
                    deadLetterDestination: { storageAccountId: "/x/storageAccounts/dl", containerName: "deadletters" },
                }),
        );
        const s = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription")[0];
        assert.strictEqual(s.inputs.destination, undefined);
        assert.deepStrictEqual(s.inputs.deliveryWithResourceIdentity.identity, { type: "SystemAssigned" });
        assert.strictEqual(
            s.inputs.deliveryWithResourceIdentity.destination.maxEventsPerBatch,
            undefined,
            "batching is for push endpoints only",
        );
        assert.strictEqual(s.inputs.deadLetterDestination, undefined);
        assert.strictEqual(
            s.inputs.deadLetterWithResourceIdentity.deadLetterDestination.blobContainerName,
            "deadletters",
        );
    });

    it("passes advanced filters and delivery headers through, with secret static headers", async () => {
        const g = await runComponents(
            () =>
                new EventSubscription("sms-in", {
                    resourceGroupName: RG,
                    systemTopicName: "topic",
                    filter: {
                        eventTypes: [SMS],
                        advancedFilters: [
                            { operatorType: "StringBeginsWith", key: "data.to", values: ["+1604"] },
                            { operatorType: "NumberInRange", key: "data.segmentCount", values: [[1, 3]] },
                        ],
                    },
                    delivery: {
                        headers: [
                            { name: "Authorization", kind: "static" as any, value: "Bearer t", secret: true },
                            { name: "x-to", kind: "dynamic" as any, sourceField: "data.to" },
                        ],
                    },
                    destination: { endpointType: EndpointType.WebHook, endpointUrl: "https://h.example.com/x" },
                }),
        );
        const s = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription")[0];
        assert.deepStrictEqual(s.inputs.filter.advancedFilters, [
            { operatorType: "StringBeginsWith", key: "data.to", values: ["+1604"] },
            { operatorType: "NumberInRange", key: "data.segmentCount", values: [[1, 3]] },
        ]);
        assert.deepStrictEqual(s.inputs.destination.deliveryAttributeMappings, [
            { type: "Static", name: "Authorization", value: "Bearer t", isSecret: true },
            { type: "Dynamic", name: "x-to", sourceField: "data.to" },
        ]);
        assert.ok(s.secretPaths.includes("destination.deliveryAttributeMappings[0].value"));
    });

    it("rejects bad arguments before creating anything, naming each", async () => {
        const err = await failingProgram(
            () =>
                new EventSubscription("x", {
                    resourceGroupName: RG,
                    systemTopicName: "t",
                    filter: {
                        eventTypes: ["Microsoft.Communication.InstantMessageReceived"],
                        subject: { beginsWith: "/phonenumber/1604*" },
                    },
                    retry: { maxDeliveryAttempts: 40 },
                    destination: { endpointType: EndpointType.WebHook, endpointUrl: "http://h.example.com/x?code=k" },
                }),
        );
        assert.match(
            err.message,
            /filter\.eventTypes\[0\]: event type "Microsoft.Communication.InstantMessageReceived" is a legacy name/,
        );
        assert.match(err.message, /filter\.subject\.beginsWith: Event Grid subject filters are literal/);
        assert.match(err.message, /retry.maxDeliveryAttempts: must be a whole number from 1 to 30/);
        assert.match(
            err.message,
            joinRe(
                /destination.endpointUrl: must use https:\/\/ \(Event Grid delivers only to HTTPS /,
                /endpoints.*\) \(got "http:\/\/h.example.com\/x\?…"\)/,
            ),
        );
        assert.doesNotMatch(err.message, /code=k/, "the key in the URL is never echoed");
        assert.deepStrictEqual(
            err.partial.resources.filter((r) => r.custom).map((r) => r.type),
            [],
        );
    });

    it("checks the AzureFunction destination id shape", async () => {
        const err = await failingProgram(
            () =>
                new EventSubscription("fn", {
                    resourceGroupName: RG,
                    systemTopicName: "t",
                    filter: { eventTypes: [SMS] },
                    destination: {
                        endpointType: EndpointType.AzureFunction,
                        resourceId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/app",
                    },
                }),
        );
        assert.match(
            err.message,
            /destination.resourceId: an AzureFunction destination is <function app id>\/functions\/<function name>/,
        );
    });
});

describe("HandlerTarget component", () => {
    it("requires exactly the block that matches kind", async () => {
        const err = await failingProgram(
            () =>
                new HandlerTarget("h", {
                    kind: HandlerKind.StorageQueue,
                    resourceGroupName: RG,
                    location: "westeurope",
                    webhook: { url: "https://x.example.com" },
                }),
        );
        assert.match(err.message, /handler "h": invalid arguments/);
        assert.match(err.message, /storageQueue: kind is "storageQueue", so a "storageQueue" block is required/);
        assert.match(err.message, /webhook: kind is "storageQueue"; remove the "webhook" block/);
    });

    it("creates a Service Bus queue in a keyless namespace and grants the sender role on the queue", async () => {
        const g = await runComponents(
            () =>
                new HandlerTarget("bus", {
                    kind: HandlerKind.ServiceBusQueue,
                    resourceGroupName: RG,
                    location: "westeurope",
                    senderPrincipalId: "p-1",
                    serviceBusQueue: { namespaceName: "sb-acs-events", queueName: "sms" },
                }),
        );
        const ns = ofType(g, "azure-native:servicebus:Namespace")[0];
        assert.strictEqual(ns.inputs.disableLocalAuth, true);
        assert.strictEqual(ns.inputs.minimumTlsVersion, "1.2");
        const q = ofType(g, "azure-native:servicebus:Queue")[0];
        const role = ofType(g, "azure-native:authorization:RoleAssignment")[0];
        assert.strictEqual(role.inputs.scope, q.id);
        assert.match(role.inputs.roleDefinitionId, /\/roleDefinitions\/69a216fc-b8fb-44d8-bc22-1f3c2cd27a39$/);
        assert.strictEqual(role.inputs.principalId, "p-1");
    });

    it("references existing resources without creating them", async () => {
        const nsId = "/subscriptions/0/resourceGroups/rg-msg/providers/Microsoft.EventHub/namespaces/eh-shared";
        const g = await runComponents(
            () =>
                new HandlerTarget("hub", {
                    kind: HandlerKind.EventHub,
                    resourceGroupName: RG,
                    location: "westeurope",
                    senderPrincipalId: "p-1",
                    eventHub: { existingNamespaceId: nsId, eventHubName: "acs" },
                }),
        );
        assert.strictEqual(ofType(g, "azure-native:eventhub:Namespace").length, 0);
        const hub = ofType(g, "azure-native:eventhub:EventHub")[0];
        assert.strictEqual(hub.inputs.namespaceName, "eh-shared");
        assert.strictEqual(hub.inputs.resourceGroupName, "rg-msg");
    });
});

describe("referencing existing ACS and topic", () => {
    it("adopts an existing ACS resource and system topic by name: creates neither", async () => {
        const g = await runComponents(() => {
            const acs = new CommunicationService("acs", { resourceGroupName: RG, existingId: ACS_ID });
            return {
                topic: new AcsSystemTopic("topic", {
                    resourceGroupName: "rg-shared",
                    sourceId: acs.id,
                    existingName: "acs-shared-topic",
                }).principalId,
            };
        });
        assert.strictEqual(ofType(g, "azure-native:communication:CommunicationService").length, 0);
        assert.strictEqual(ofType(g, "azure-native:eventgrid:SystemTopic").length, 0);
        assert.match(g.stackOutputs.topic, /^[0-9a-f-]{36}$/, "principal id read from the existing topic");
    });

    it("whole path on an existing ACS resource", async () => {
        const g = await runComponents(
            () =>
                new AcsEventHandling("events", {
                    resourceGroupName: RG,
                    location: "westeurope",
                    communication: { existingId: ACS_ID },
                    deadLetter: { accountName: "stdeadletters" },
                    handlers: {
                        bus: {
                            kind: HandlerKind.ServiceBusQueue,
                            serviceBusQueue: { namespaceName: "sb-acs-events", queueName: "sms" },
                        },
                    },
                    subscriptions: { "sms-in": { handler: "bus", filter: { eventTypes: [SMS] } } },
                }),
        );
        const topic = ofType(g, "azure-native:eventgrid:SystemTopic")[0];
        assert.strictEqual(topic.inputs.source, ACS_ID);
        assert.strictEqual(ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription").length, 1);
    });

    it("AcsEventHandling validates its arguments like the stack config", async () => {
        const err = await failingProgram(
            () =>
                new AcsEventHandling("events", {
                    resourceGroupName: RG,
                    location: "westeurope",
                    communication: { name: "acs-x" },
                    deadLetter: { accountName: "stdl" },
                    handlers: {},
                    subscriptions: {
                        "sms-in": { handler: "bus", filter: { eventTypes: ["Microsoft.Storage.SMSReceived"] } },
                    },
                }),
        );
        assert.match(err.message, /communication.dataLocation: required when creating the Communication Service/);
        assert.match(err.message, /subscriptions.sms-in.handler: no handler with this name; defined handlers: none/);
        assert.match(err.message, /use "Microsoft.Communication.SMSReceived"/);
        assert.deepStrictEqual(
            err.partial.resources.filter((r) => r.custom),
            [],
        );
    });
});

describe("a referenced ACS resource", () => {
    it("reads its real host name (with the geography) instead of guessing it", async () => {
        const g = await runComponents(() => ({
            endpoint: new CommunicationService("acs", { resourceGroupName: RG, existingId: ACS_ID }).endpoint,
        }));
        assert.strictEqual(g.stackOutputs.endpoint, "https://acs-shared.europe.communication.azure.com");
    });
});

describe("AcsEventHandling with values known only at deployment", () => {
    it("accepts Outputs where plain values are validated, and still builds the route", async () => {
        const g = await runComponents(
            () =>
                new AcsEventHandling("events", {
                    resourceGroupName: RG,
                    location: "westeurope",
                    communication: { existingId: ACS_ID },
                    deadLetter: { accountName: "stdeadletters" },
                    handlers: {
                        bus: {
                            kind: HandlerKind.ServiceBusQueue,
                            serviceBusQueue: { namespaceName: "sb-acs-events", queueName: "sms" },
                        },
                    },
                    subscriptions: {
                        "sms-in": {
                            handler: "bus",
                            filter: {
                                eventTypes: pulumi.output([SMS]),
                                subject: { beginsWith: pulumi.output("/phonenumber/1604") },
                            },
                        },
                    },
                }),
        );
        const s = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription")[0];
        assert.deepStrictEqual(s.inputs.filter.includedEventTypes, [SMS]);
        assert.strictEqual(s.inputs.filter.subjectBeginsWith, "/phonenumber/1604");
    });
});

describe("dead-lettering switched off stack-wide", () => {
    it("creates no dead-letter store and no dead-letter destination", async () => {
        const g = await runStack({ stack: "dev", overrides: { deadLetter: { enabled: false } } });
        assert.strictEqual(ofType(g, "acs-event-handling:index:DeadLetterStore").length, 0);
        for (const s of ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription")) {
            assert.strictEqual(s.inputs.deadLetterWithResourceIdentity, undefined, s.name);
            assert.strictEqual(s.inputs.deadLetterDestination, undefined, s.name);
        }
    });
});
