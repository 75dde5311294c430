/**
 * A tiny Pulumi program, run under the mock runtime (harness/runProgram → pulumi.runtime.setMocks), whose
 * graph the render tests draw. It has one of each thing the picture must handle: identity delivery to a
 * queue handler, a webhook whose URL carries a key, a bare subscription outside any component, filter values
 * with Mermaid-hostile characters, and a subscription without a dead-letter store.
 */
import * as communication from "@pulumi/azure-native/communication";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as pulumi from "@pulumi/pulumi";
import { Graph } from "../../harness/graph";
import { runProgram } from "../../harness/runProgram";
import "../support/contractCheck";

export const WEBHOOK_URL = "https://hooks.example.net/api/chat?code=SUPERSECRETKEY123";
const RG = "rg-render";
const STORAGE =
    `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${RG}/providers/Microsoft.Storage` +
    `/storageAccounts`;
const FUNCTION =
    `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${RG}/providers/Microsoft.Web/sites` +
    `/func-calls/functions/onIncomingCall`;

function program(): void {
    const acs = new communication.CommunicationService("acs", {
        resourceGroupName: RG,
        communicationServiceName: "acs-render",
        location: "global",
        dataLocation: "Europe",
    });
    const topic = new eventgrid.SystemTopic("topic", {
        resourceGroupName: RG,
        systemTopicName: "acs-render-topic",
        location: "global",
        source: acs.id,
        topicType: "Microsoft.Communication.CommunicationServices",
        identity: { type: "SystemAssigned" },
    });
    new pulumi.ComponentResource("acs-event-handling:index:HandlerTarget", "sms-queue", { kind: "storageQueue" });
    new pulumi.ComponentResource("acs-event-handling:index:HandlerTarget", "chat-hook", { kind: "webhook" });
    const deadLetter = {
        endpointType: "StorageBlob" as const,
        resourceId: `${STORAGE}/stdeadletters`,
        blobContainerName: "deadletters",
    };

    const sms = new pulumi.ComponentResource("acs-event-handling:index:EventSubscription", "sms-604", {
        handler: "sms-queue",
    });
    new eventgrid.SystemTopicEventSubscription(
        "sms-604-subscription",
        {
            resourceGroupName: RG,
            systemTopicName: topic.name,
            eventSubscriptionName: "sms-604",
            filter: {
                includedEventTypes: [
                    "Microsoft.Communication.SMSReceived",
                    "Microsoft.Communication.SMSDeliveryReportReceived",
                ],
                subjectBeginsWith: "/phonenumber/1604",
            },
            deliveryWithResourceIdentity: {
                identity: { type: "SystemAssigned" },
                destination: { endpointType: "StorageQueue", resourceId: `${STORAGE}/stsmsqueue`, queueName: "sms-in" },
            },
            deadLetterWithResourceIdentity: { identity: { type: "SystemAssigned" }, deadLetterDestination: deadLetter },
        },
        { parent: sms },
    );

    const chat = new pulumi.ComponentResource("acs-event-handling:index:EventSubscription", "chat", {
        handler: "chat-hook",
    });
    new eventgrid.SystemTopicEventSubscription(
        "chat-subscription",
        {
            resourceGroupName: RG,
            systemTopicName: topic.name,
            eventSubscriptionName: "chat-messages",
            eventDeliverySchema: "CloudEventSchemaV1_0",
            filter: {
                includedEventTypes: [
                    "Microsoft.Communication.ChatMessageReceived",
                    "Microsoft.Communication.InstantMessageReceived",
                ],
                advancedFilters: [
                    {
                        operatorType: "StringIn",
                        key: "data.metadata.team",
                        values: ['"ops"]', "<b>a|b</b>", "x#quot;y"],
                    },
                ],
            },
            destination: { endpointType: "WebHook", endpointUrl: pulumi.secret(WEBHOOK_URL) },
            deadLetterDestination: deadLetter,
        },
        { parent: chat },
    );

    new eventgrid.SystemTopicEventSubscription("calls", {
        resourceGroupName: RG,
        systemTopicName: topic.name,
        eventSubscriptionName: "calls-604",
        filter: {
            includedEventTypes: ["Microsoft.Communication.IncomingCall"],
            advancedFilters: [{ operatorType: "NumberInRange", key: "data.count", values: [[1, 5]] }],
        },
        destination: { endpointType: "AzureFunction", resourceId: FUNCTION },
    });
}

/** The tiny program's graph, captured as `pulumi preview` would see it. */
export function tinyStackGraph(): Promise<Graph> {
    return runProgram({ project: "render-test", stack: "test", program });
}
