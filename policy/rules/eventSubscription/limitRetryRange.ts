import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { LIMITS } from "../../../validation/limits";
import { expected } from "../../lib/values";

/** "min–max" of a LIMITS range, for prose that states it. */
export const range = (key: "maxDeliveryAttempts" | "eventTimeToLiveInMinutes"): string =>
    `${LIMITS[key].min}–${LIMITS[key].max}`;

/** Unset passes: the service defaults are 30 and 1440, inside the ranges (the SDK fills them only with retryPolicy). */
export const eventSubscriptionLimitRetryRange: ResourceValidationPolicy = {
    name: "event-subscription-limit-retry-range",
    description:
        `retryPolicy must stay within Event Grid's ranges (maxDeliveryAttempts ${range("maxDeliveryAttempts")}, ` +
        `eventTimeToLiveInMinutes ${range("eventTimeToLiveInMinutes")}); ARM rejects anything else at deploy time.`,
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        for (const key of ["maxDeliveryAttempts", "eventTimeToLiveInMinutes"] as const) {
            const v = s.retryPolicy?.[key];
            const { min, max } = LIMITS[key];
            if (v !== undefined && !(Number.isInteger(v) && v >= min && v <= max)) {
                report(
                    expected(
                        `retryPolicy.${key}`,
                        `a whole number from ${min} to ${max}`,
                        v,
                        `set retryPolicy.${key} within ${min}–${max}`,
                    ),
                );
            }
        }
    }),
};
