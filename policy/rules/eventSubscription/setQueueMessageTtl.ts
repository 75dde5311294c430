import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { LIMITS } from "../../../validation/limits";
import { deliveryOf } from "../../lib/subscription";
import { expected } from "../../lib/values";

export interface QueueTtlConfig {
    /** Shortest accepted message TTL in seconds (-1, never expires, is always accepted). */
    minimumSeconds: number;
}

/** Event Grid's own retention: a queue message should not expire before Event Grid would have given up. */
const DEFAULT_MINIMUM_SECONDS = LIMITS.eventTimeToLiveInMinutes.max * 60;

/**
 * https://learn.microsoft.com/azure/event-grid/delivery-and-retry. A Storage Queue expires messages silently (no dead
 * letter), so the message TTL must cover the consumer's longest outage. Unset fails: the service then applies 7 days, a
 * value nobody chose (https://learn.microsoft.com/azure/event-grid/delivery-properties). `-1` means never expires; 0
 * and other negatives, which ARM refuses ("cannot be zero or negative with the exception of using -1", BT 2025-02-15),
 * fail here too. The minimum defaults to 86400 s (Event Grid's own 24 h event TTL) and is configurable.
 */
export const eventSubscriptionSetQueueMessageTtl: ResourceValidationPolicy = {
    name: "event-subscription-set-queue-message-ttl",
    description:
        "Storage Queue destinations should set queueMessageTimeToLiveInSeconds explicitly (-1 = never expires) to at " +
        "least the consumer's recovery time: expired queue messages are deleted without a dead letter.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: { properties: { minimumSeconds: { type: "integer", minimum: 1, default: DEFAULT_MINIMUM_SECONDS } } },
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, args, report) => {
        const e = deliveryOf(s);
        const d = e?.destination;
        if (!e || d?.endpointType !== "StorageQueue") return;
        const min = args.getConfig<Partial<QueueTtlConfig>>().minimumSeconds ?? DEFAULT_MINIMUM_SECONDS;
        const ttl = d.queueMessageTimeToLiveInSeconds;
        const path = `${e.path}.queueMessageTimeToLiveInSeconds`;
        const want = `-1 (never expires) or a whole number of seconds >= ${min}`;
        const fix = `set storageQueue.messageTimeToLiveSeconds to the consumer's recovery time (at least ${min}) or -1`;
        if (ttl === -1 || (Number.isInteger(ttl) && ttl >= min)) return;
        report(expected(path, want, ttl, fix));
    }),
};
