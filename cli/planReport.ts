import { Graph } from "../harness/graph";
import { countByType, formatRouteLine, renderTree, routeLines, RouteLine } from "../render/tree";
import { planSections, PlanSection } from "./planSections";
import { redactSecrets } from "./redact";

export interface PlanReport {
    stack: string;
    resourceCount: number;
    counts: Record<string, number>;
    routes: RouteLine[];
    sections: PlanSection[];
    graph: Graph;
    exitCode: number;
}

export interface PlanOptions {
    diagram?: string;
    mermaid?: boolean;
    policyConfigFile?: string;
}

export async function buildPlanReport(graph: Graph, options: PlanOptions): Promise<PlanReport> {
    const sections = await planSections(graph, options);
    return {
        stack: graph.stack,
        resourceCount: graph.resources.length,
        counts: Object.fromEntries(countByType(graph)),
        routes: routeLines(graph),
        sections,
        graph: redactSecrets(graph),
        exitCode: sections.some((s) => s.failed) ? 1 : 0,
    };
}

/** The report as the text `npm run plan` prints. */
export function formatPlanReport(r: PlanReport): string {
    const out: string[] = [];
    out.push(`Plan for stack "${r.stack}" (offline, Pulumi mock runtime): ${r.resourceCount} resources`, "");
    out.push(renderTree(r.graph), "");
    out.push("Resources by type:");
    for (const [t, n] of Object.entries(r.counts)) out.push(`  ${String(n).padStart(3)}  ${t}`);
    out.push("", "Routes (filter → handler):");
    for (const l of r.routes) out.push(`  ${formatRouteLine(l)}`);
    for (const s of r.sections) out.push("", `${s.title}:`, ...s.lines.map((l) => `  ${l}`));
    out.push("", r.exitCode === 0 ? "Plan OK." : "Plan FAILED: see the sections above.");
    return `${out.join("\n")}\n`;
}
