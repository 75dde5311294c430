import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ACS_GEOGRAPHIES, normRegion, regionsOf } from "../../lib/geography";
import { accountFor, byId, linked, ofType, subscriptionsOf } from "../../lib/stack";
import { deadLetterOf, deliveryOf, rootKey } from "../../lib/subscription";
import { diagnosticSettingsOn, entityFor, functionAppFor, namespaceOf, webhookTargets } from "../../lib/targets";
import { T } from "../../lib/types";
import { has, show } from "../../lib/values";

export interface GeographyConfig {
    /** dataLocation → allowed regions (ARM names). Default: ACS_GEOGRAPHIES (policy/lib/geography.ts). */
    geographies: Record<string, string[]>;
}

/** Every resource that stores or processes the events of `topic`, with the role it plays (for messages). */
function eventPath(
    acs: PolicyResource,
    topic: PolicyResource,
    resources: readonly PolicyResource[],
): Map<PolicyResource, string[]> {
    const out = new Map<PolicyResource, string[]>();
    const add = (r: PolicyResource | undefined, role: string) => {
        if (r) out.set(r, [...(out.get(r) ?? []), role]);
    };
    for (const sub of subscriptionsOf(topic, resources)) {
        const e = deliveryOf(sub.props);
        const type = e?.destination?.endpointType;
        if (e && type === "StorageQueue")
            add(accountFor(sub, rootKey(e), e.destination, resources), `queue handler of ${sub.name}`);
        else if (e && (type === "ServiceBusQueue" || type === "ServiceBusTopic" || type === "EventHub")) {
            const entity = entityFor(sub, e, resources);
            add(entity && namespaceOf(entity, resources), `handler namespace of ${sub.name}`);
        } else if (e && type === "AzureFunction") {
            const app = functionAppFor(sub, e, resources);
            add(app, `function handler of ${sub.name}`);
            // The app's telemetry (Application Insights named in its settings, and the workspace behind it).
            for (const ai of app ? linked(app, "siteConfig", T.AppInsights) : []) {
                add(ai, `telemetry of ${app!.name}`);
                add(linked(ai, "workspaceResourceId", T.Workspace)[0], `telemetry workspace of ${app!.name}`);
            }
        } else if (e && type === "WebHook")
            for (const t of webhookTargets(sub, e)) add(t, `webhook handler of ${sub.name}`);
        const dl = deadLetterOf(sub.props);
        if (dl?.destination)
            add(accountFor(sub, rootKey(dl), dl.destination, resources), `dead letters of ${sub.name}`);
    }
    for (const source of [acs, topic]) {
        for (const d of diagnosticSettingsOn(source, resources)) {
            add(
                linked(d, "workspaceId", T.Workspace)[0] ??
                    (has(d.props, "workspaceId") ? byId(resources, T.Workspace, d.props.workspaceId) : undefined),
                `logs of ${source.name}`,
            );
        }
    }
    return out;
}

/**
 * Graph rule (https://learn.microsoft.com/azure/communication-services/concepts/privacy; POL 93c45b74 checks
 * dataLocation only): ACS keeps data at rest in its dataLocation, but the events (phone numbers, message text) also
 * land in the handlers, the dead-letter account and the Log Analytics workspaces. Each of those with an explicit
 * location must be in a region of that geography (policy/lib/geography.ts, overridable with `geographies`). A resource
 * without location (azure-native then uses the resource group's region) and a dataLocation the map does not know are
 * not judged. Advisory: residency is an organisational requirement, nothing breaks.
 */
export const communicationServiceKeepEventPathInGeography: StackValidationPolicy = {
    name: "communication-service-keep-event-path-in-geography",
    description:
        "Handlers, dead-letter storage and Log Analytics workspaces that receive a Communication Services " +
        "resource's events should be in the geography of its dataLocation, or event data leaves the " +
        "residency the ACS resource promises.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            geographies: {
                type: "object",
                default: ACS_GEOGRAPHIES,
                description:
                    "ACS dataLocation → ARM region names; the default is ACS_GEOGRAPHIES in " +
                    "policy/lib/geography.ts (Europe = EU and EFTA regions), a configured map replaces it",
            },
        },
    },
    validateStack: (args, report) => {
        const map = args.getConfig<Partial<GeographyConfig>>().geographies ?? ACS_GEOGRAPHIES;
        for (const topic of ofType(args.resources, T.SystemTopic)) {
            const acs = linked(topic, "source", T.CommunicationService)[0];
            const regions = acs && regionsOf(acs.props.dataLocation, map);
            if (!acs || !regions) continue;
            const shown = `${regions.slice(0, 4).join(", ")}${regions.length > 4 ? ", …" : ""}`;
            for (const [r, roles] of eventPath(acs, topic, args.resources)) {
                const where = normRegion(r.props.location);
                if (where === "" || where === "global" || regions.includes(where)) continue;
                report(
                    `location: expected a region of ACS ${acs.name}'s data location ` +
                        `${show(acs.props.dataLocation)} (${shown}) for the ${roles.join(", ")}, got ` +
                        `${show(r.props.location)}. Fix: create this resource in a region of that geography, or ` +
                        "add the region to this policy's geographies config if your residency rules allow it",
                    r.urn,
                );
            }
        }
    },
};
