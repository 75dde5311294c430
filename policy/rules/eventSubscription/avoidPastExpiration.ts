import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Milliseconds since the epoch of an ISO 8601 timestamp, or NaN. */
export function expiryOf(v: unknown): number {
    return typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : NaN;
}

/**
 * https://github.com/Azure/bicep-types-az/blob/main/generated/eventgrid/microsoft.eventgrid/2025-02-15/types.md. Event
 * Grid deletes a subscription when it expires (BT: "Expiration time of the event subscription"), so one that expires
 * before it is created is refused or gone at once, and an unparsable value is refused. Judged against the clock when
 * the policy runs. Unset passes: the subscription never expires.
 */
export const eventSubscriptionAvoidPastExpiration: ResourceValidationPolicy = {
    name: "event-subscription-avoid-past-expiration",
    description:
        "expirationTimeUtc must be a valid ISO 8601 time in the future: an expired subscription is deleted, " +
        "so its handler stops receiving events.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const v = s.expirationTimeUtc;
        if (v === undefined) return;
        const at = expiryOf(v);
        const fix =
            'set expirationTimeUtc to a future ISO 8601 UTC time (e.g. "2027-01-01T00:00:00Z") or remove it ' +
            "so the subscription never expires";
        if (Number.isNaN(at))
            report(expected("expirationTimeUtc", 'an ISO 8601 UTC time such as "2027-01-01T00:00:00Z"', v, fix));
        else if (at <= Date.now())
            report(expected("expirationTimeUtc", `a time after now (${new Date().toISOString()})`, v, fix));
    }),
};
