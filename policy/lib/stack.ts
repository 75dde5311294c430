/**
 * Graph helpers for stack policies. Links are followed by URN first (`propertyDependencies`, `dependencies`:
 * always known, even in a real preview) and by ARM id only where the graph has no URN link.
 */
import { PolicyResource } from "@pulumi/policy";
import { ACS_TOPIC_TYPE, T } from "./types";
import { eqi, sameId } from "./values";

export function ofType(resources: readonly PolicyResource[], type: string): PolicyResource[] {
    return resources.filter((r) => r.type === type);
}

/** Resources of `type` that built input `key` of `r` (e.g. the topic behind `systemTopicName`). */
export function linked(r: PolicyResource, key: string, type: string): PolicyResource[] {
    return (r.propertyDependencies[key] ?? []).filter((d) => d.type === type);
}

/** The resource of `type` whose output `id` equals `id` (case-insensitive). Reads ids: unknown in preview. */
export function byId(resources: readonly PolicyResource[], type: string, id: unknown): PolicyResource | undefined {
    return ofType(resources, type).find((r) => sameId(r.props.id, id));
}

/** The system topic a subscription lives on: by URN (`systemTopicName` built from `topic.name`), else by name. */
export function topicOf(sub: PolicyResource, resources: readonly PolicyResource[]): PolicyResource | undefined {
    const byUrn = linked(sub, "systemTopicName", T.SystemTopic)[0];
    if (byUrn) return byUrn;
    const name = sub.props.systemTopicName;
    return ofType(resources, T.SystemTopic).find((t) => t.props.systemTopicName === name || t.props.name === name);
}

/** Subscriptions on a topic. */
export function subscriptionsOf(topic: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    return ofType(resources, T.Subscription).filter((s) => topicOf(s, resources) === topic);
}

/** An ACS system topic: ACS topic type, or an ACS resource as source. */
export function isAcsTopic(topic: PolicyResource): boolean {
    return eqi(topic.props.topicType, ACS_TOPIC_TYPE) || isAcsId(topic.props.source);
}

export function isAcsId(id: unknown): boolean {
    return typeof id === "string" && /\/providers\/Microsoft\.Communication\/communicationServices\/[^/]+$/i.test(id);
}

/**
 * Subscriptions the ACS-specific rules apply to: those on an ACS topic, and those whose topic is not in the
 * stack (an adopted `existingSystemTopicName`; this project only adopts ACS topics). Subscriptions on other
 * topic types are out of scope: in neither the pass nor the fail set.
 */
export function acsSubscriptions(
    resources: readonly PolicyResource[],
): { sub: PolicyResource; topic?: PolicyResource }[] {
    return ofType(resources, T.Subscription)
        .map((sub) => ({ sub, topic: topicOf(sub, resources) }))
        .filter(({ topic }) => !topic || isAcsTopic(topic));
}

/** Whether `r` depends (explicitly or through an input) on `target`. */
export function dependsOn(r: PolicyResource, target: PolicyResource): boolean {
    return (
        r.dependencies.some((d) => d.urn === target.urn) ||
        Object.values(r.propertyDependencies).some((ds) => ds.some((d) => d.urn === target.urn))
    );
}

/**
 * Whether input `key` of `r` was built from `target`. When the input has property dependencies the URNs decide
 * (always known, even in a real preview); otherwise `fallback` compares values (ids, names).
 */
export function refersTo(r: PolicyResource, key: string, target: PolicyResource, fallback: () => boolean): boolean {
    const deps = r.propertyDependencies[key] ?? [];
    return deps.length > 0 ? deps.some((d) => d.urn === target.urn) : fallback();
}

/** Whether child resource `c` (container, blob service) belongs to storage account `a`: by URN, else by name. */
export function belongsToAccount(c: PolicyResource, a: PolicyResource): boolean {
    return refersTo(c, "accountName", a, () => {
        const name = c.props.accountName;
        return typeof name === "string" && (name === a.props.accountName || name === a.props.name);
    });
}

/**
 * The storage account in the stack that an endpoint's `resourceId` names: the one account the endpoint input was
 * built from (URN), else the account with that id.
 */
export function accountFor(
    sub: PolicyResource,
    key: string,
    destination: any,
    resources: readonly PolicyResource[],
): PolicyResource | undefined {
    const candidates = linked(sub, key, T.StorageAccount);
    if (candidates.length === 1) return candidates[0];
    const resourceId = destination?.resourceId; // read only now: unknown in preview for new accounts
    return candidates.find((a) => sameId(a.props.id, resourceId)) ?? byId(resources, T.StorageAccount, resourceId);
}
