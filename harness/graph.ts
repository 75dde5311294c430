/**
 * The resource graph one program run produces under Pulumi's mock runtime: what `pulumi preview` would send to
 * the engine, captured per resource. Everything downstream (policies, renderers, the contract check, the routing
 * coverage) reads this shape and nothing else.
 */
export interface GraphResource {
    /** Full URN, as the CLI would write it. */
    readonly urn: string;
    /**
     * Type token, e.g. `azure-native:eventgrid:SystemTopicEventSubscription` or
     * `acs-event-handling:index:EventSubscription`.
     */
    readonly type: string;
    /** Logical (Pulumi) name. */
    readonly name: string;
    /** false for component resources (and the Stack). */
    readonly custom: boolean;
    /** URN of the parent, undefined only for the Stack. */
    readonly parent?: string;
    /** URNs this resource depends on (explicit dependsOn plus those implied by inputs). */
    readonly dependencies: readonly string[];
    /** Input key → URNs of the resources whose outputs built it. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** Inputs as plain JSON (secrets unwrapped; see secretPaths). */
    readonly inputs: Record<string, any>;
    /** State the mock returned (inputs plus computed outputs such as id, principalId). */
    readonly outputs: Record<string, any>;
    /** Dotted paths of inputs that were Pulumi secrets, e.g. `destination.endpointUrl`. */
    readonly secretPaths: readonly string[];
    /** ARM-like id the mock assigned (custom resources only). */
    readonly id?: string;
    readonly protect: boolean;
    readonly ignoreChanges: readonly string[];
    readonly additionalSecretOutputs: readonly string[];
    /** Outputs a component registered with registerOutputs (components only). */
    readonly componentOutputs?: Record<string, any>;
    /** Dotted paths of componentOutputs that were secrets; on the Stack these are the secret stack outputs. */
    readonly componentOutputSecretPaths?: readonly string[];
}

export interface Graph {
    readonly project: string;
    readonly stack: string;
    readonly resources: readonly GraphResource[];
    /** Stack outputs (what `pulumi stack output` would list), secrets unwrapped. */
    readonly stackOutputs: Record<string, any>;
}

/** Resources of one type token, in registration order. */
export function ofType(graph: Graph, type: string): GraphResource[] {
    return graph.resources.filter((r) => r.type === type);
}

export function byUrn(graph: Graph): Map<string, GraphResource> {
    return new Map(graph.resources.map((r) => [r.urn, r]));
}
