import { Graph } from "../harness/graph";
import { formatCoverage, routingCoverage } from "./coverage";
import { PlanOptions } from "./planReport";
import { routedSubscriptions } from "./stackRoutes";

/** A titled block of the plan (policy report, routing coverage, diagram); `failed` makes the plan exit 1. */
export interface PlanSection {
    title: string;
    lines: string[];
    failed: boolean;
    data?: unknown;
}

/** Sections contributed by the policy pack and the routing simulator. */
export async function optionalSections(graph: Graph, _options: PlanOptions): Promise<PlanSection[]> {
    const coverage = routingCoverage(routedSubscriptions(graph));
    return [
        { title: "Routing coverage (event type → subscriptions; type filters only)", lines: formatCoverage(coverage), failed: false, data: coverage },
    ];
}
