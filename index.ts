/**
 * The Pulumi program: stack config → components. No logic lives here: the config is validated as a whole
 * (every problem at once, before any resource is registered), then handed to AcsEventHandling.
 */
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import { AcsEventHandling } from "./components";
import { configKeyIsSecret as isSecret } from "./components/pulumiInternals";
import { settingsFromConfigMap } from "./config/load";

const settings = settingsFromConfigMap(pulumi.runtime.allConfig(), isSecret);

const resourceGroupName: pulumi.Input<string> = settings.resourceGroup.existing
    ? settings.resourceGroup.name
    : new resources.ResourceGroup("rg", {
          resourceGroupName: settings.resourceGroup.name,
          location: settings.location,
          tags: settings.tags,
      }).name;

const events = new AcsEventHandling("acs", {
    resourceGroupName,
    location: settings.location,
    communication: settings.communication,
    systemTopic: settings.systemTopic,
    deadLetter: settings.deadLetter,
    emailDomain: settings.emailDomain,
    handlers: settings.handlers,
    subscriptions: settings.subscriptions,
    monitoring: settings.monitoring.enabled ? settings.monitoring : undefined,
    tags: settings.tags,
});

export const communicationServiceId = events.communicationServiceId;
export const communicationEndpoint = events.communicationEndpoint;
export const systemTopicId = events.systemTopicId;
export const subscriptions = events.subscriptionIds;
export const handlers = events.handlerEndpoints;
