import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { attemptsWithinTtl, LIMITS } from "../../../validation/limits";

/**
 * Event Grid stops at whichever limit comes first, and its schedule (10 s, 30 s, 1 m, 5 m, 10 m, 30 m, 1 h,
 * 3 h, 6 h, then every 12 h) fits only so many attempts into the TTL: "30 minutes TTL … max delivery
 * attempts to 10 … will have no impact" (DR). An attempts cap above that number is a setting that does nothing,
 * usually a sign the author expected more retries. 30 (the maximum) means "let the TTL decide" and is not
 * reported; unset passes (service defaults 30/1440).
 */
export const eventSubscriptionFitRetryBudget: ResourceValidationPolicy = {
    name: "event-subscription-fit-retry-budget",
    description:
        "maxDeliveryAttempts should not exceed the attempts Event Grid's retry schedule fits into " +
        "eventTimeToLiveInMinutes; the extra attempts never happen.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const attempts = s.retryPolicy?.maxDeliveryAttempts;
        const ttl = s.retryPolicy?.eventTimeToLiveInMinutes ?? LIMITS.eventTimeToLiveInMinutes.default;
        if (attempts === undefined || attempts >= LIMITS.maxDeliveryAttempts.max || !Number.isInteger(ttl) || ttl < 1)
            return;
        const fits = attemptsWithinTtl(ttl);
        if (attempts > fits) {
            report(
                `retryPolicy.maxDeliveryAttempts: ${attempts}, but the retry schedule fits only ${fits} ` +
                    `attempts into eventTimeToLiveInMinutes ${ttl}, so the TTL ends delivery first. Fix: set ` +
                    `maxDeliveryAttempts: ${fits}, or raise eventTimeToLiveInMinutes if ${attempts} attempts ` +
                    "were meant",
            );
        }
    }),
};
