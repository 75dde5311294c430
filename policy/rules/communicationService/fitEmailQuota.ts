import { StackValidationPolicy } from "@pulumi/policy";
import { EMAIL_QUOTA_SOURCE } from "../../../catalog/emailQuota";
import { emailQuotaViews, eventsWithinQuota } from "../../lib/email";

interface Config {
    /**
     * Matching events an hour the routes must carry; 0 = unknown, so any email-sending route on the Azure-managed
     * domain is reported.
     */
    eventsPerHour: number;
}

/**
 * Graph rule: ACS limits email per subscription, by kind of sender domain (catalog/emailQuota.ts EMAIL_SEND_QUOTA,
 * with its source). A route that emails every SMS has no upper rate, so on the
 * Azure-managed sandbox domain it can always exceed the quota; with a custom domain it is judged against the
 * configured eventsPerHour. Over the quota ACS answers 429 and the emails are not sent.
 */
export const communicationServiceFitEmailQuota: StackValidationPolicy = {
    name: "communication-service-fit-email-quota",
    description:
        "Routes whose handlers email every matching event must fit the ACS email quota of the linked domain " +
        `(${EMAIL_QUOTA_SOURCE}); over it ACS throttles (429) and emails are lost or delayed.`,
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: { properties: { eventsPerHour: { type: "integer", minimum: 0, default: 0 } } },
    validateStack: (args, report) => {
        const { eventsPerHour } = args.getConfig<Config>();
        const nodes = args.resources.map((r) => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: r.props,
            deps: [...r.dependencies, ...Object.values(r.propertyDependencies).flat()].map((d) => d.urn),
        }));
        for (const v of emailQuotaViews(nodes)) {
            if (v.routes.length === 0) continue;
            const fit = eventsWithinQuota(v);
            const over =
                v.domainKind === "AzureManaged"
                    ? eventsPerHour === 0 || eventsPerHour > fit.perHour
                    : eventsPerHour > fit.perHour;
            if (!over) continue;
            const routes = v.routes.map((r) => `${r.subscription} → ${r.handler}`).join(", ");
            report(
                `linkedDomains: the ${v.domainKind} domain allows ${v.quota.perMinute} emails a minute and ` +
                    `${v.quota.perHour} an hour per subscription; routes ${routes} send up to ` +
                    `${v.emailsPerEvent} email(s) per event, so more than ${fit.perMinute} matching events a ` +
                    `minute or ${fit.perHour} an hour are ` +
                    `throttled${eventsPerHour ? ` (expected ${eventsPerHour} an hour)` : ""}. Fix: ` +
                    'emailDomain.kind "custom" with a verified domain (and a quota raise through Azure support), ' +
                    "or email fewer events",
                v.acs.urn,
            );
        }
    },
};
