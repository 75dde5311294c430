/**
 * The event topology of a stack, read from its captured Graph: ACS resource → system topic → each event
 * subscription (with its filter in words) → the handler it delivers to, plus the dead-letter store.
 *
 * Tolerant by design: a stack under construction, a preview with unknown outputs or a resource created outside
 * the stack still yields a picture, with what could not be linked listed in `warnings`.
 *
 * Never copies a webhook URL (it carries keys) or any input recorded as a secret.
 */
import { Graph, GraphResource } from "../harness/graph";
import { destinationOf, deadLetterOf, Endpoint } from "./endpoints";
import { filterLines } from "./filterSummary";

export const TYPES = {
    communicationService: "azure-native:communication:CommunicationService",
    systemTopic: "azure-native:eventgrid:SystemTopic",
    subscription: "azure-native:eventgrid:SystemTopicEventSubscription",
    subscriptionComponent: "acs-event-handling:index:EventSubscription",
    handlerComponent: "acs-event-handling:index:HandlerTarget",
} as const;

export interface AcsNode {
    /** URN in the graph, or `external:<resource id>` for a source outside the stack. */
    readonly key: string;
    readonly name: string;
    readonly external: boolean;
}

export interface TopicNode {
    readonly key: string;
    readonly name: string;
    /** Key of the ACS node this topic listens to, when known. */
    readonly source?: string;
}

export interface HandlerNode {
    /** `handler:<name>` for a named handler, `endpoint:<subscription urn>` for a destination without one. */
    readonly key: string;
    readonly name: string;
    /** The handler component's `kind` (e.g. "storageQueue") or the endpoint type. */
    readonly kind?: string;
    /** Where it receives, when no handler component describes it (never a URL). */
    readonly endpoint?: string;
}

export interface SubscriptionNode {
    readonly key: string;
    /** The Azure subscription name (eventSubscriptionName), else the logical name. */
    readonly name: string;
    readonly topic?: string;
    /** The filter in short lines, e.g. `types: SMSReceived`, `subject begins /phonenumber/1604`. */
    readonly filter: readonly string[];
    readonly destination: Endpoint;
    readonly handler: string;
    readonly deadLetter?: Endpoint;
}

export interface Topology {
    readonly project: string;
    readonly stack: string;
    readonly communicationServices: readonly AcsNode[];
    readonly systemTopics: readonly TopicNode[];
    readonly subscriptions: readonly SubscriptionNode[];
    readonly handlers: readonly HandlerNode[];
    /** What could not be linked, in words. */
    readonly warnings: readonly string[];
}

const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const ofType = (g: Graph, t: string) => g.resources.filter((r) => r.type === t);

/** Build the topology; never throws on missing or unknown pieces. */
export function topologyFromGraph(graph: Graph): Topology {
    const warnings: string[] = [];
    const acs = ofType(graph, TYPES.communicationService).map(
        (r): AcsNode => ({ key: r.urn, name: str(r.inputs.communicationServiceName) ?? r.name, external: false }),
    );
    const externals = new Map<string, AcsNode>();
    const topics = ofType(graph, TYPES.systemTopic).map((r) => topicNode(graph, r, acs, externals, warnings));
    const ctx: Context = {
        graph,
        byUrn: new Map(graph.resources.map((x) => [x.urn, x])),
        handlers: new Map(),
        warnings,
    };
    const subscriptions = ofType(graph, TYPES.subscription).map((r) => subscriptionNode(ctx, r, topics));
    const handlers = ctx.handlers;
    return {
        project: graph.project,
        stack: graph.stack,
        communicationServices: [...acs, ...externals.values()],
        systemTopics: topics.map((t) => t.node),
        subscriptions,
        handlers: [...handlers.values()],
        warnings,
    };
}

interface TopicEntry {
    readonly node: TopicNode;
    readonly resource: GraphResource;
}

/** What linking subscriptions needs, built once per graph. */
interface Context {
    readonly graph: Graph;
    readonly byUrn: ReadonlyMap<string, GraphResource>;
    readonly handlers: Map<string, HandlerNode>;
    readonly warnings: string[];
}

/** Link a topic to its source: by resource id, then by the URN the `source` input was built from. */
function topicNode(
    graph: Graph,
    r: GraphResource,
    acs: readonly AcsNode[],
    externals: Map<string, AcsNode>,
    warnings: string[],
): TopicEntry {
    const name = str(r.inputs.systemTopicName) ?? r.name;
    const source = lower(r.inputs.source);
    const byId = graph.resources.find(
        (a) => a.type === TYPES.communicationService && source !== undefined && lower(a.id ?? a.outputs.id) === source,
    );
    const byDep = (r.propertyDependencies.source ?? []).find((u) => acs.some((a) => a.key === u));
    let key = byId?.urn ?? byDep;
    if (!key && typeof r.inputs.source === "string") {
        key = `external:${source}`;
        externals.set(key, { key, name: r.inputs.source.split("/").pop() || r.inputs.source, external: true });
    }
    if (!key) warnings.push(`system topic "${name}": its source is unknown`);
    return { resource: r, node: { key: r.urn, name, ...(key ? { source: key } : {}) } };
}

function subscriptionNode(ctx: Context, r: GraphResource, topics: readonly TopicEntry[]): SubscriptionNode {
    const name = str(r.inputs.eventSubscriptionName) ?? r.name;
    const topic = topicOf(r, topics);
    if (!topic)
        ctx.warnings.push(
            `subscription "${name}": system topic "${String(r.inputs.systemTopicName ?? "?")}" is not in the stack`,
        );
    const destination = destinationOf(r);
    const handler = handlerOf(ctx, r, destination);
    const deadLetter = deadLetterOf(r);
    if (!deadLetter) ctx.warnings.push(`subscription "${name}": no dead-letter destination`);
    return {
        key: r.urn,
        name,
        filter: filterLines(r.inputs.filter, r.inputs.eventDeliverySchema),
        destination,
        handler,
        ...(topic ? { topic } : {}),
        ...(deadLetter ? { deadLetter } : {}),
    };
}

/** By topic name (case-insensitive, as Azure compares names), then by the URN the name input came from. */
function topicOf(r: GraphResource, topics: readonly TopicEntry[]): string | undefined {
    const wanted = lower(r.inputs.systemTopicName);
    const byName = topics.find(
        (t) =>
            wanted !== undefined &&
            (lower(t.resource.inputs.systemTopicName) === wanted || lower(t.resource.outputs.name) === wanted),
    );
    const deps = r.propertyDependencies.systemTopicName ?? [];
    return byName?.node.key ?? topics.find((t) => deps.includes(t.resource.urn))?.node.key;
}

/**
 * The handler a subscription delivers to: the `handler` input of its EventSubscription component ancestor,
 * described by the HandlerTarget of that name; else a HandlerTarget whose resourceId is the destination's;
 * else the destination itself.
 */
function handlerOf(ctx: Context, r: GraphResource, destination: Endpoint): string {
    const named = str(componentAncestor(ctx, r)?.inputs.handler) ?? handlerByResourceId(ctx.graph, destination)?.name;
    if (named) {
        const key = `handler:${named}`;
        if (!ctx.handlers.has(key)) {
            const target = ctx.graph.resources.find((h) => h.type === TYPES.handlerComponent && h.name === named);
            const kind = str(target?.inputs.kind);
            if (!target) ctx.warnings.push(`handler "${named}": no HandlerTarget of that name in the stack`);
            ctx.handlers.set(key, { key, name: named, ...(kind ? { kind } : {}) });
        }
        return key;
    }
    const key = `endpoint:${r.urn}`;
    ctx.handlers.set(key, {
        key,
        name: destination.endpointType,
        kind: destination.endpointType,
        endpoint: destination.label,
    });
    return key;
}

function componentAncestor(ctx: Context, r: GraphResource): GraphResource | undefined {
    const byUrn = ctx.byUrn;
    for (let p = r.parent ? byUrn.get(r.parent) : undefined; p; p = p.parent ? byUrn.get(p.parent) : undefined) {
        if (p.type === TYPES.subscriptionComponent) return p;
    }
    return undefined;
}

function handlerByResourceId(graph: Graph, destination: Endpoint): GraphResource | undefined {
    const id = lower(destination.resourceId);
    if (!id) return undefined;
    return graph.resources.find(
        (h) => h.type === TYPES.handlerComponent && lower(h.componentOutputs?.resourceId) === id,
    );
}
