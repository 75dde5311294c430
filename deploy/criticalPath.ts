/**
 * An estimate of a first `pulumi up`'s wall time: the engine creates a resource once everything it depends on
 * exists, and runs the rest in parallel, so the deployment takes as long as its longest dependency chain, each
 * resource weighted by how long Azure typically takes to create it (provisioningTimes.ts). Parallelism is taken as
 * unbounded (the stacks here have fewer resources than the engine's default parallelism would serialise much).
 */
import type { Graph, GraphResource } from "../harness/graph";
import { PROVISIONING_TIMES, ProvisioningTime, UNKNOWN_TYPE_SECONDS } from "./provisioningTimes";

export interface PathStep {
    readonly name: string;
    readonly type: string;
    readonly seconds: number;
    /** Seconds from the start of the deployment when this resource is created. */
    readonly doneAt: number;
}

export interface CriticalPath {
    /** Estimated wall time of a first deployment, in seconds. */
    readonly totalSeconds: number;
    /** The longest chain, first resource first. */
    readonly steps: readonly PathStep[];
    /** Azure resource types with no row in the table, counted as UNKNOWN_TYPE_SECONDS each. */
    readonly untimedTypes: readonly string[];
}

/** Resources the engine creates in Azure; components, the stack and providers take no time. */
const isAzureResource = (r: GraphResource) => r.custom && !r.type.startsWith("pulumi:");

export function criticalPath(
    graph: Graph,
    times: Readonly<Record<string, ProvisioningTime>> = PROVISIONING_TIMES,
): CriticalPath {
    const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
    const untimed = new Set<string>();
    const weight = (r: GraphResource): number => {
        if (!isAzureResource(r)) return 0;
        const row = times[r.type];
        if (!row) untimed.add(r.type);
        return row ? row.seconds : UNKNOWN_TYPE_SECONDS;
    };
    // Longest finish time per resource, with the dependency it waited for (memoised; the graph is acyclic).
    const done = new Map<string, { at: number; via?: string }>();
    const finish = (r: GraphResource): number => {
        const known = done.get(r.urn);
        if (known) return known.at;
        done.set(r.urn, { at: 0 }); // a cycle (impossible in a registered graph) cannot recurse forever
        let start = 0;
        let via: string | undefined;
        for (const d of r.dependencies) {
            const dep = byUrn.get(d);
            const at = dep ? finish(dep) : 0;
            if (at > start) [start, via] = [at, d];
        }
        const at = start + weight(r);
        done.set(r.urn, { at, via });
        return at;
    };
    let last: GraphResource | undefined;
    for (const r of graph.resources) if (!last || finish(r) > finish(last)) last = r;
    const steps: PathStep[] = [];
    for (let r = last; r; r = byUrn.get(done.get(r.urn)?.via ?? "")) {
        if (isAzureResource(r))
            steps.unshift({ name: r.name, type: r.type, seconds: weight(r), doneAt: done.get(r.urn)!.at });
    }
    return { totalSeconds: last ? finish(last) : 0, steps, untimedTypes: [...untimed].sort() };
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, "0")}`;

/** The plan's text: the estimate, then the path with each step's own time and when it is done. */
export function formatCriticalPath(p: CriticalPath): string[] {
    return [
        `about ${clock(p.totalSeconds)} (min:s): the longest dependency chain, weighted by typical creation ` +
            "times (deploy/provisioningTimes.ts, mostly estimates)",
        ...p.steps.map(
            (s) =>
                `${String(s.seconds).padStart(4)} s  done at ${clock(s.doneAt).padStart(5)}  ` +
                `${s.type.replace(/^azure-native:/, "")}  ${s.name}`,
        ),
        ...(p.untimedTypes.length
            ? [`no typical time for ${p.untimedTypes.join(", ")}: counted as ${UNKNOWN_TYPE_SECONDS} s each`]
            : []),
    ];
}
