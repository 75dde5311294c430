import { Graph } from "../harness/graph";
import { PlanOptions } from "./planReport";

/** A titled block of the plan (policy report, routing coverage, diagram); `failed` makes the plan exit 1. */
export interface PlanSection {
    title: string;
    lines: string[];
    failed: boolean;
    data?: unknown;
}

/** Sections contributed by the policy pack and the routing simulator. */
export async function optionalSections(_graph: Graph, _options: PlanOptions): Promise<PlanSection[]> {
    return [];
}
