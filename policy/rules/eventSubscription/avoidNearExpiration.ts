import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expiryOf } from "./avoidPastExpiration";

export interface ExpirationHorizonConfig {
    /** Subscriptions that expire sooner than this many days from now are reported. */
    horizonDays: number;
}

const DEFAULT_HORIZON_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * https://github.com/Azure/bicep-types-az/blob/main/generated/eventgrid/microsoft.eventgrid/2025-02-15/types.md, the
 * configured horizon: a subscription that expires within `horizonDays` (default 30) stops delivering soon after this
 * deployment, silently (nothing alerts on an expired subscription). Advisory: an intended short-lived route is
 * legitimate. Past and unparsable values are event-subscription-avoid-past-expiration's.
 */
export const eventSubscriptionAvoidNearExpiration: ResourceValidationPolicy = {
    name: "event-subscription-avoid-near-expiration",
    description:
        "A subscription whose expirationTimeUtc falls within the configured horizon will soon be deleted by " +
        "Event Grid, and its handler silently stops receiving events.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: { properties: { horizonDays: { type: "integer", minimum: 1, default: DEFAULT_HORIZON_DAYS } } },
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, args, report) => {
        const at = expiryOf(s.expirationTimeUtc);
        const days = args.getConfig<Partial<ExpirationHorizonConfig>>().horizonDays ?? DEFAULT_HORIZON_DAYS;
        const now = Date.now();
        if (Number.isNaN(at) || at <= now || at > now + days * DAY_MS) return;
        report(
            `expirationTimeUtc: expected a time more than ${days} days ahead, got "${s.expirationTimeUtc}" ` +
                `(expires in ${Math.ceil((at - now) / DAY_MS)} days). Fix: move expirationTimeUtc further out or ` +
                "remove it; if the route is meant to end, plan its removal instead of letting it lapse",
        );
    }),
};
