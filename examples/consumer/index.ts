/**
 * A consumer of the packed library: it imports `acs-event-handling` (components), `acs-event-handling/catalog`
 * (event type names) and `acs-event-handling/config` (the monitoring schema and its defaults) exactly as
 * another repository would after `npm install acs-event-handling-<version>.tgz`, never the sources.
 *
 * Topology: the ACS resource of another team, referenced by ID (nothing is changed on it); our own system topic
 * on it; SMS events for one number range to a Service Bus queue delivered with the topic's identity;
 * dead letters in our storage account; monitoring with our own alert receivers.
 */
import * as pulumi from "@pulumi/pulumi";
import { AcsEventHandling, HandlerKind } from "acs-event-handling";
import { AcsEventTypes } from "acs-event-handling/catalog";
import { monitoringSchema } from "acs-event-handling/config";

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");

const events = new AcsEventHandling("billing", {
    resourceGroupName: config.require("resourceGroup"),
    location,
    communication: { existingId: config.require("acsId") },
    systemTopic: { name: "billing-acs-events" },
    deadLetter: { accountName: "stbillingdeadletters" },
    handlers: {
        "billing-bus": {
            kind: HandlerKind.ServiceBusQueue,
            serviceBusQueue: { namespaceName: "sb-billing-acs-events", queueName: "sms-usage" },
        },
    },
    subscriptions: {
        "billing-sms": {
            handler: "billing-bus",
            filter: {
                eventTypes: [AcsEventTypes.SmsReceived, AcsEventTypes.SmsDeliveryReportReceived],
                subject: { beginsWith: "/phonenumber/1800" },
            },
        },
    },
    // The library's schema validates and fills in the documented defaults, as the library's own stacks do.
    monitoring: monitoringSchema.parse({
        alertEmails: config.getObject<string[]>("alertEmails") ?? [],
        namePrefix: "billing-acs",
    }),
});

export const systemTopicId = events.systemTopicId;
export const subscriptions = events.subscriptionIds;
export const handlers = events.handlerEndpoints;
