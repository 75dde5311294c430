import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { LIMITS } from "../../../validation/limits";
import { deliveryOf } from "../../lib/subscription";

export interface PushBatchConfig {
    /** Largest batch a push handler is expected to answer within Event Grid's 30 s window. */
    maxEventsPerBatch: number;
}

const DEFAULT_CEILING = 100;

/**
 * https://learn.microsoft.com/azure/event-grid/delivery-and-retry. Event Grid waits 30 s for a push endpoint's answer
 * and a batch succeeds or fails as a whole (https://learn.microsoft.com/azure/event-grid/delivery-and-retry), so a
 * large batch turns one slow event into a timed-out retry of all of them. The ceiling (default 100: 300 ms per event
 * fills the window) is configurable per organisation; raise it for handlers measured to be faster. Unset passes: the
 * SDK fills 1.
 */
export const eventSubscriptionLimitPushBatch: ResourceValidationPolicy = {
    name: "event-subscription-limit-push-batch",
    description:
        "WebHook and AzureFunction destinations should not batch more events than the handler can answer " +
        "within Event Grid's 30-second response window; a timed-out batch is retried as a whole.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            maxEventsPerBatch: {
                type: "integer",
                minimum: LIMITS.maxEventsPerBatch.min,
                maximum: LIMITS.maxEventsPerBatch.max,
                default: DEFAULT_CEILING,
            },
        },
    },
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, args, report) => {
        const e = deliveryOf(s);
        const type = e?.destination?.endpointType;
        if (!e || (type !== "WebHook" && type !== "AzureFunction")) return;
        const ceiling = args.getConfig<Partial<PushBatchConfig>>().maxEventsPerBatch ?? DEFAULT_CEILING;
        const batch = e.destination.maxEventsPerBatch;
        if (typeof batch === "number" && batch > ceiling) {
            report(
                `${e.path}.maxEventsPerBatch: expected at most ${ceiling} events per batch for a push ` +
                    `handler (Event Grid waits 30 s for the whole batch), got ${batch}. Fix: lower ` +
                    "delivery.batching.maxEventsPerBatch to what the handler answers in well under 30 s, or raise " +
                    "this policy's maxEventsPerBatch after measuring it",
            );
        }
    }),
};
