import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { canNeverMatch, InvalidFilterError, NeverMatchCode } from "../../../routing";
import { checkSubjectFilter } from "../../../validation/filters";
import { effectiveTypes } from "../../lib/eventTypes";
import { eventTypesOf } from "../../lib/subscription";
import { plain } from "../../lib/values";

/**
 * Codes other rules already report with a sharper message: bad type lists (require-event-types,
 * require-known-event-types), invalid filters (limit-advanced-filters).
 */
const REPORTED_ELSEWHERE: readonly NeverMatchCode[] = ["undocumentedEventTypes", "noDeliverableEventType"];

/**
 * Proofs from the routing simulator (routing/satisfiability.ts) that no ACS event can match: an advanced filter
 * on eventType that excludes every included type, subject conditions that fit no subject shape, or conditions
 * on one key that cannot all hold (e.g. subjectBeginsWith vs an advanced StringBeginsWith on subject).
 */
export const eventSubscriptionAvoidNeverMatch: ResourceValidationPolicy = {
    name: "event-subscription-avoid-never-match",
    description:
        "A subscription whose filter conditions contradict each other can never match an event: it deploys " +
        "and its handler never receives anything.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const spec = { filter: plain(s.filter), eventDeliverySchema: plain(s.eventDeliverySchema) };
        let findings: ReturnType<typeof canNeverMatch>;
        try {
            findings = canNeverMatch(spec);
        } catch (err) {
            if (err instanceof InvalidFilterError) return; // event-subscription-limit-advanced-filters reports it
            throw err;
        }
        const subjectReported = subjectRuleFires(spec.filter ?? {}, eventTypesOf(s) ?? []);
        for (const f of findings) {
            if (REPORTED_ELSEWHERE.includes(f.code) || (f.code === "subjectFitsNoShape" && subjectReported)) continue;
            report(
                `filter: ${f.message}, so the subscription can never match (${f.code}). Fix: remove or ` +
                    "correct the contradicting condition",
            );
        }
    }),
};

/** Whether event-subscription-require-matchable-subject already reports the plain subject filters. */
function subjectRuleFires(filter: any, types: readonly string[]): boolean {
    const effective = effectiveTypes(types).map((t) => t.type);
    return (
        checkSubjectFilter(
            {
                beginsWith: filter.subjectBeginsWith,
                endsWith: filter.subjectEndsWith,
                caseSensitive: filter.isSubjectCaseSensitive,
            },
            effective,
            [],
        ).length > 0
    );
}
