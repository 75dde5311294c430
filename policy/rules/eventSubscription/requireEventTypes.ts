import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/**
 * Unset fails: a missing (or null) list means "every event type the source emits" (BT), so a handler written
 * for SMS gets chat, calls, email… An empty list and "All" are undocumented (U2, U12).
 */
export const eventSubscriptionRequireEventTypes: ResourceValidationPolicy = {
    name: "event-subscription-require-event-types",
    description:
        'Every subscription must list the event types its handler processes: without a list (or with "All") ' +
        "Event Grid delivers every event the resource emits to a handler that expects a few.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const types = s.filter?.includedEventTypes;
        const fix =
            "list the full type names the handler processes, e.g. filter.includedEventTypes: " +
            '["Microsoft.Communication.SMSReceived"]';
        if (!Array.isArray(types) || types.length === 0) {
            report(expected("filter.includedEventTypes", "a non-empty list of event types", types, fix));
        } else if (types.some((t) => typeof t === "string" && t.toLowerCase() === "all")) {
            report(expected("filter.includedEventTypes", "explicit event types", types, `${fix} instead of "All"`));
        }
    }),
};
