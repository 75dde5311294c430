/**
 * The resources behind a subscription's destination: the Service Bus / Event Hubs entity and its namespace, the
 * function app of an AzureFunction destination, the app or workflow a WebHook was built from. URN links first
 * (the destination input was built from the resource: known even in a real preview), ids only where the graph
 * has no URN link.
 */
import { PolicyResource } from "@pulumi/policy";
import { FUNCTION_ID } from "./functionApps";
import { byId, linked, ofType, refersTo } from "./stack";
import { Endpoint, rootKey } from "./subscription";
import { ENTITY_TYPE, T } from "./types";
import { sameId } from "./values";

/** The Service Bus queue/topic or event hub the destination names, if it is in the stack. */
export function entityFor(
    sub: PolicyResource,
    e: Endpoint,
    resources: readonly PolicyResource[],
): PolicyResource | undefined {
    const type = ENTITY_TYPE[e.destination?.endpointType];
    if (!type) return undefined;
    const byUrn = linked(sub, rootKey(e), type);
    if (byUrn.length === 1) return byUrn[0];
    const id = e.destination?.resourceId; // read only now: unknown in preview for new entities
    return byUrn.find((r) => sameId(r.props.id, id)) ?? byId(resources, type, id);
}

/**
 * The namespace that holds a Service Bus / Event Hubs entity: the one its namespaceName was built from, else by name.
 */
export function namespaceOf(entity: PolicyResource, resources: readonly PolicyResource[]): PolicyResource | undefined {
    const type = entity.type.startsWith("azure-native:servicebus:") ? T.ServiceBusNamespace : T.EventHubNamespace;
    const byUrn = linked(entity, "namespaceName", type);
    if (byUrn.length === 1) return byUrn[0];
    const name = entity.props.namespaceName;
    return ofType(resources, type).find((n) =>
        refersTo(entity, "namespaceName", n, () => n.props.namespaceName === name || n.props.name === name),
    );
}

/** The web.WebApp an AzureFunction destination points into (by URN, else by the app id before /functions/). */
export function functionAppFor(
    sub: PolicyResource,
    e: Endpoint,
    resources: readonly PolicyResource[],
): PolicyResource | undefined {
    const byUrn = linked(sub, rootKey(e), T.WebApp);
    if (byUrn.length === 1) return byUrn[0];
    const m = typeof e.destination?.resourceId === "string" ? FUNCTION_ID.exec(e.destination.resourceId) : null;
    return m ? byId(resources, T.WebApp, m[1]) : undefined;
}

/** Apps and workflows of this stack a WebHook URL was built from (a Logic App callback URL, an app's host name). */
export function webhookTargets(sub: PolicyResource, e: Endpoint): PolicyResource[] {
    return [...linked(sub, rootKey(e), T.Workflow), ...linked(sub, rootKey(e), T.WebApp)];
}

/** Diagnostic settings on `target`: by URN (`resourceUri: target.id`), else by id. */
export function diagnosticSettingsOn(target: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    return ofType(resources, T.DiagnosticSetting).filter((d) =>
        refersTo(d, "resourceUri", target, () => sameId(d.props.resourceUri, target.props.id)),
    );
}

/** Destination keys of a diagnostic setting; one of them must be set for the setting to export anything. */
export const DIAGNOSTIC_DESTINATIONS = [
    "workspaceId",
    "storageAccountId",
    "eventHubAuthorizationRuleId",
    "marketplacePartnerId",
];
