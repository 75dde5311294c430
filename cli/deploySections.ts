/**
 * Plan sections about what a first deployment needs from the subscription: the resource providers the graph's
 * types belong to, and the ACS email quota the email-sending routes run into.
 */
import { EMAIL_QUOTA_SOURCE } from "../catalog/emailQuota";
import { dataPlaneFor } from "../contract/dataPlane";
import { contractFor, isAzureNativeToken } from "../contract/resourceTable";
import { Graph, GraphResource } from "../harness/graph";
import { EmailNode, emailQuotaViews, eventsWithinQuota } from "../policy/lib/email";
import type { PlanSection } from "./planSections";

/**
 * Namespaces Azure registers in every subscription, so a deployment never has to
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/azure-services-resource-providers,
 * "registered by default"); listed, but not as something to register.
 */
const REGISTERED_BY_DEFAULT = new Set(["Microsoft.Authorization", "Microsoft.Resources"]);

/** azure-native types with no contract row: their namespace, until a contract file for them exists. */
const NAMESPACE_WITHOUT_CONTRACT: Readonly<Record<string, string>> = {
    "azure-native:managedidentity:UserAssignedIdentity": "Microsoft.ManagedIdentity",
};

/**
 * The ARM namespace of an azure-native type: from its contract row (or, for data-plane types, the row of its
 * parent).
 */
export function namespaceOf(token: string): string | undefined {
    const arm =
        contractFor(token)?.armType ??
        Object.values<string>(dataPlaneFor(token)?.nameInputs ?? {})
            .map((t) => contractFor(t)?.armType)
            .find(Boolean);
    return arm?.split("/")[0] ?? NAMESPACE_WITHOUT_CONTRACT[token];
}

/** Namespace → the graph's types in it; types whose namespace is unknown under "?". */
export function resourceProviders(graph: Graph): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const t of new Set(graph.resources.map((r) => r.type).filter(isAzureNativeToken))) {
        const ns = namespaceOf(t) ?? "?";
        out.set(ns, [...(out.get(ns) ?? []), t]);
    }
    return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A new subscription has most providers unregistered and the first PUT of such a type fails with
 * MissingSubscriptionRegistration
 * (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider).
 * azure-native 3.28 has no resource that registers a provider (its features module registers preview features
 * only), so the plan lists the commands.
 */
export function resourceProvidersSection(graph: Graph): PlanSection {
    const providers = resourceProviders(graph);
    const toRegister = [...providers.keys()].filter((ns) => ns !== "?" && !REGISTERED_BY_DEFAULT.has(ns));
    const unknown = providers.get("?") ?? [];
    return {
        title: `Resource providers (register once per subscription before the first deployment: ${toRegister.length})`,
        lines: [
            ...toRegister.map(
                (ns) =>
                    `az provider register --namespace ${ns}   # ${providers
                        .get(ns)!
                        .map((t) => t.split(":")[2])
                        .join(", ")}`,
            ),
            ...[...REGISTERED_BY_DEFAULT].filter((ns) => providers.has(ns)).map((ns) => `${ns}: registered by default`),
            ...unknown.map(
                (t) => `${t}: namespace unknown (no contract row); find it in the type's REST API reference`,
            ),
        ],
        failed: false,
        data: {
            register: toRegister,
            registeredByDefault: [...REGISTERED_BY_DEFAULT].filter((ns) => providers.has(ns)),
            unknown,
        },
    };
}

function nodeOf(r: GraphResource): EmailNode {
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: { ...r.inputs, ...r.outputs },
        deps: [...r.dependencies, ...Object.values(r.propertyDependencies).flat()],
    };
}

/** The email quota in force for each ACS resource whose handlers send email, and what that means per event. */
export function emailQuotaSection(graph: Graph): PlanSection {
    const views = emailQuotaViews(graph.resources.filter((r) => r.custom).map(nodeOf));
    const lines = views.flatMap((v) => {
        const fit = eventsWithinQuota(v);
        return [
            `${v.acs.name}: ${v.domainKind} domain, ${v.quota.perMinute} emails a minute and ${v.quota.perHour} ` +
                `an hour per Azure subscription (${EMAIL_QUOTA_SOURCE})`,
            ...v.routes.map(
                (r) =>
                    `  ${r.subscription} delivers ${r.eventTypes.join(", ") || "every event"} to ${r.handler}, ` +
                    "which sends email",
            ),
            `  up to ${v.emailsPerEvent} email(s) per event: throttled (429) above ${fit.perMinute} ` +
                `matching events a minute or ${fit.perHour} an hour`,
        ];
    });
    return {
        title: "Email quota",
        lines: lines.length ? lines : ["no handler sends email"],
        failed: false,
        data: views.map((v) => ({
            acs: v.acs.name,
            domainKind: v.domainKind,
            quota: v.quota,
            routes: v.routes,
            emailsPerEvent: v.emailsPerEvent,
        })),
    };
}
