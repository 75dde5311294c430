import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { checkSubjectFilter } from "../../../validation/filters";
import { effectiveTypes } from "../../lib/eventTypes";
import { eventTypesOf } from "../../lib/subscription";

const PATHS: Record<string, string> = { beginsWith: "filter.subjectBeginsWith", endsWith: "filter.subjectEndsWith" };

/**
 * Subject filters are literal prefixes/suffixes (no wildcards) compared with the subject shapes the included
 * types publish (catalog). SMS subjects start "/phonenumber/" with a leading slash, so the ACS docs' own
 * `phonenumber/1555` example never matches (decision 10.9 in docs/policies.md). Legacy type names are judged by their
 * replacement, so the message still says what to write.
 */
export const eventSubscriptionRequireMatchableSubject: ResourceValidationPolicy = {
    name: "event-subscription-require-matchable-subject",
    description:
        "subjectBeginsWith/subjectEndsWith must be literal and fit the subjects the included event types " +
        "carry; otherwise the subscription never matches.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const f = s.filter ?? {};
        const types = effectiveTypes(eventTypesOf(s) ?? []).map((i) => i.type);
        const issues = checkSubjectFilter(
            { beginsWith: f.subjectBeginsWith, endsWith: f.subjectEndsWith, caseSensitive: f.isSubjectCaseSensitive },
            types,
            [],
        );
        for (const i of issues) {
            const key = String(i.path[0]);
            report(`${PATHS[key] ?? key}: ${JSON.stringify(i.value)}: ${i.message}. Fix: ${fixFor(key, i.message)}`);
        }
    }),
};

function fixFor(key: string, message: string): string {
    if (/not wildcards/.test(message))
        return `drop "*" and "?" from ${PATHS[key]}: it is a literal ${key === "beginsWith" ? "prefix" : "suffix"}`;
    const suggestion = /e\.g\. "([^"]+)"|did you mean "([^"]+)"/.exec(message);
    if (suggestion) return `write ${PATHS[key]}: "${suggestion[1] ?? suggestion[2]}"`;
    return (
        `change ${PATHS[key]} to a literal that a subject of the included types can ` +
        `${key === "beginsWith" ? "begin" : "end"} with, or remove it`
    );
}
