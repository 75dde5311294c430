import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as pulumi from "@pulumi/pulumi";
import { ACS_TOPIC_TYPE } from "../catalog/eventTypes";
import { childName } from "./naming";
import { protectedResourceOptions } from "./protection";
import { DeliveryIdentityKind } from "./types";

export interface AcsSystemTopicArgs {
    /** Required. Resource group of the topic (must be the ACS resource's subscription). */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Resource ID of the ACS resource: the topic's source. */
    sourceId: pulumi.Input<string>;
    /** Optional. Topic name, 3–128 letters, digits or hyphens. Default: `<component name>-topic`. */
    name?: pulumi.Input<string>;
    /**
     * Optional. Adopt the existing system topic with this name instead of creating one. Azure allows only one
     * system topic per source; a topic made in the portal blocks a second one.
     */
    existingName?: pulumi.Input<string>;
    /** Optional. Protect from deletion (Pulumi protect + CanNotDelete lock). Default: false. */
    protect?: boolean;
    /** Optional. Add a CanNotDelete lock. Default: same as protect. */
    lock?: boolean;
    /**
     * Optional. Identity the topic delivers and dead-letters with: "systemAssigned" (the topic's own) or
     * "userAssigned" (created here, granted its roles before the topic exists; not through storage firewalls).
     * Default: "systemAssigned". Ignored when adopting.
     */
    deliveryIdentity?: DeliveryIdentityKind;
    /**
     * Conditional. Region of the user-assigned identity (a regional resource). Required when deliveryIdentity is
     * "userAssigned".
     */
    location?: pulumi.Input<string>;
    /** Optional. Name of the user-assigned identity. Default: `<topic name>-identity`. */
    identityName?: pulumi.Input<string>;
    /** Optional. Tags for the topic. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

const TOPICS = new WeakMap<AcsSystemTopic, eventgrid.SystemTopic>();

/** What ARM says about an existing system topic, as far as adopting it goes. */
export interface ExistingTopicFacts {
    readonly source?: string;
    readonly topicType?: string;
}

/**
 * Why an existing system topic cannot carry the events of the ACS resource `sourceId`, or undefined: its topic
 * type must be the ACS one and its source that resource (ARM ids compare case-insensitively).
 */
export function adoptedTopicProblem(topic: ExistingTopicFacts, sourceId: string): string | undefined {
    if ((topic.topicType ?? "").toLowerCase() !== ACS_TOPIC_TYPE.toLowerCase()) {
        return `its topic type is "${topic.topicType ?? "(none)"}", expected "${ACS_TOPIC_TYPE}"`;
    }
    if ((topic.source ?? "").toLowerCase() !== sourceId.toLowerCase()) {
        return `its source is ${topic.source ?? "(none)"}, expected the ACS resource ${sourceId}`;
    }
    return undefined;
}

/**
 * The Event Grid system topic of an ACS resource: location `global` (a system topic must share its source's
 * location, and ACS is global), topic type `Microsoft.Communication.CommunicationServices`, and a
 * system-assigned identity that delivers to queues, Service Bus and Event Hubs and writes dead letters.
 */
export class AcsSystemTopic extends pulumi.ComponentResource {
    public readonly id: pulumi.Output<string>;
    public readonly topicName: pulumi.Output<string>;
    /** Principal ID of the identity the topic delivers with: the one granted roles on destinations. */
    public readonly principalId: pulumi.Output<string>;
    /** Resource ID of the user-assigned delivery identity; empty with the system-assigned one. */
    public readonly userAssignedIdentityId: pulumi.Output<string>;
    /** The created topic, for dependencies; undefined when adopted. */
    // A getter, not a field: Pulumi's schema inference turns every class field into a component output, and
    // this one would make every generated SDK depend on azure-native just to return a TypeScript-only handle.
    public get topic(): eventgrid.SystemTopic | undefined {
        return TOPICS.get(this);
    }

    constructor(name: string, args: AcsSystemTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:AcsSystemTopic", name, args, opts);
        if (args.existingName !== undefined) {
            // Looked up once the source is known, and checked against it: a topic of another resource (or another
            // type) would take the subscriptions and never carry this ACS resource's events.
            const existing = pulumi.output(args.sourceId).apply((sourceId) =>
                eventgrid
                    .getSystemTopicOutput(
                        { resourceGroupName: args.resourceGroupName, systemTopicName: args.existingName! },
                        { parent: this },
                    )
                    .apply((t) => {
                        const problem = adoptedTopicProblem(t, sourceId);
                        if (problem) {
                            throw new Error(
                                `AcsSystemTopic "${name}": the existing system topic "${t.name}" cannot be adopted: ` +
                                    `${problem}. Fix: set systemTopic.existingName to the system topic whose source ` +
                                    `is ${sourceId} (Azure allows one per source), or leave it unset to create one`,
                            );
                        }
                        return t;
                    }),
            );
            this.id = existing.id;
            this.topicName = existing.name;
            this.userAssignedIdentityId = pulumi.output("");
            // Dead letters and queue/Service Bus/Event Hubs delivery use the topic's identity: without one every
            // role assignment would name an empty principal and fail late, at `pulumi up`.
            this.principalId = existing.apply((t) => {
                if (!t.identity?.principalId) {
                    throw new Error(
                        `AcsSystemTopic "${name}": the existing system topic "${t.name}" has no system-assigned ` +
                            "identity; enable it on the topic (identity type SystemAssigned) or let this stack " +
                            "create the topic",
                    );
                }
                return t.identity.principalId;
            });
        } else {
            const kind = args.deliveryIdentity ?? DeliveryIdentityKind.SystemAssigned;
            if (kind !== DeliveryIdentityKind.UserAssigned && kind !== DeliveryIdentityKind.SystemAssigned) {
                throw new Error(
                    `AcsSystemTopic "${name}": deliveryIdentity "${kind}" is not one of userAssigned, systemAssigned`,
                );
            }
            if (kind === DeliveryIdentityKind.UserAssigned && args.location === undefined) {
                throw new Error(
                    `AcsSystemTopic "${name}": deliveryIdentity "userAssigned" needs location ` +
                        "(the identity is a regional resource)",
                );
            }
            const topicName = args.name ?? childName(name, "topic");
            // Created from the resource group alone, so it (and every role granted to it) runs beside the ACS
            // resource and the topic instead of after them.
            const uai =
                kind === DeliveryIdentityKind.UserAssigned
                    ? new managedidentity.UserAssignedIdentity(
                          childName(name, "identity"),
                          {
                              resourceGroupName: args.resourceGroupName,
                              location: args.location!,
                              resourceName: args.identityName ?? pulumi.interpolate`${topicName}-identity`,
                              tags: args.tags,
                          },
                          { parent: this },
                      )
                    : undefined;
            const topic = new eventgrid.SystemTopic(
                childName(name, "topic"),
                {
                    resourceGroupName: args.resourceGroupName,
                    systemTopicName: topicName,
                    location: "global",
                    source: args.sourceId,
                    topicType: ACS_TOPIC_TYPE,
                    identity: uai
                        ? { type: "UserAssigned", userAssignedIdentities: uai.id.apply((id) => ({ [id]: {} })) }
                        : { type: "SystemAssigned" },
                    tags: args.tags,
                },
                { parent: this, protect: args.protect ?? false },
            );
            protectedResourceOptions(
                this,
                name,
                topic,
                args.lock ?? args.protect ?? false,
                "deleting the system topic deletes every event subscription on it",
            );
            TOPICS.set(this, topic);
            this.id = topic.id;
            this.topicName = topic.name;
            this.principalId = uai ? uai.principalId : topic.identity.apply((i) => i?.principalId ?? "");
            this.userAssignedIdentityId = uai ? uai.id : pulumi.output("");
        }
        this.registerOutputs({
            id: this.id,
            topicName: this.topicName,
            principalId: this.principalId,
            userAssignedIdentityId: this.userAssignedIdentityId,
        });
    }
}
