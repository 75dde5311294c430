import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { CLOUD_EVENTS_KEYS, EVENT_GRID_KEYS, keyedFilters } from "../../lib/filterKeys";

const EG_NAME: Record<string, string> = { type: "eventType", source: "topic", eventid: "id" };

/**
 * Event Grid filters the event as published, before converting it for delivery (routing/keys.ts). ACS
 * publishes Event Grid schema, so CloudEvents attribute names (`type`, `source`, …) never exist on the input,
 * even when the subscription delivers CloudEventSchemaV1_0, where authors are most tempted to write them.
 * A key outside both envelopes and `data.` is a forgotten `data.` prefix.
 */
export const eventSubscriptionMatchSchemaKeys: ResourceValidationPolicy = {
    name: "event-subscription-match-schema-keys",
    description:
        "Advanced-filter keys must name Event Grid schema fields (id, topic, subject, eventType, dataVersion, " +
        'data.…): ACS events are filtered as published, so CloudEvents names such as "type" or "source" never match.',
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const schema = s.eventDeliverySchema ?? "EventGridSchema";
        for (const f of keyedFilters(s.filter?.advancedFilters)) {
            const first = f.key.split(".")[0].toLowerCase();
            if (first === "data" || EVENT_GRID_KEYS.includes(f.key.toLowerCase())) continue;
            const at = `filter.advancedFilters[${f.index}].key`;
            if (CLOUD_EVENTS_KEYS.includes(f.key.toLowerCase())) {
                const instead = EG_NAME[f.key.toLowerCase()];
                const fix = instead
                    ? `write key: "${instead}"`
                    : "filter on an Event Grid schema field or data.<field>";
                const better = instead === "eventType" ? " (or better, use filter.includedEventTypes)" : "";
                report(
                    `${at}: "${f.key}" is a CloudEvents attribute, but ACS publishes Event Grid schema and ` +
                        `filters run before conversion to ${schema}, so the key is never present. Fix: ${fix}${better}`,
                );
            } else {
                report(
                    `${at}: "${f.key}" is not an Event Grid schema field (id, topic, subject, eventType, ` +
                        `dataVersion) nor under data. Fix: write key: "data.${f.key}" if it is a payload field`,
                );
            }
        }
    }),
};
