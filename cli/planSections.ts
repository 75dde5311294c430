import * as fs from "node:fs";
import { criticalPath, formatCriticalPath } from "../deploy/criticalPath";
import { Graph } from "../harness/graph";
import { toMermaid } from "../render/mermaid";
import { topologyFromGraph } from "../render/topology";
import { formatCoverage, routingCoverage } from "./coverage";
import { emailQuotaSection, resourceProvidersSection } from "./deploySections";
import { PlanOptions } from "./planReport";
import { routedSubscriptions } from "./stackRoutes";

/** A titled block of the plan (policy report, routing coverage, diagram); `failed` makes the plan exit 1. */
export interface PlanSection {
    title: string;
    lines: string[];
    failed: boolean;
    data?: unknown;
}

/**
 * The plan's sections after the tree and routes: policy report, contract check, topology, routing coverage.
 * The policy pack, the contract check and the SVG renderer are required here, when their section runs, not when
 * the CLI starts (they are most of what the plan loads besides the SDK). `require`, not `import()`: under tsx an
 * `import()` stays an ESM import, which does not resolve extensionless TypeScript paths.
 */
export async function planSections(graph: Graph, options: PlanOptions): Promise<PlanSection[]> {
    const coverage = routingCoverage(routedSubscriptions(graph));
    const { policyConfigFile, policySection } = require("./policySection") as typeof import("./policySection");
    return [
        await policySection(graph, policyConfigFile(graph.stack, options.policyConfigFile)),
        contractSection(graph),
        await diagramSection(graph, options.diagram, options.mermaid),
        {
            title: "Routing coverage (event type → subscriptions; type filters only)",
            lines: formatCoverage(coverage),
            failed: false,
            data: coverage,
        },
        criticalPathSection(graph),
        resourceProvidersSection(graph),
        emailQuotaSection(graph),
    ];
}

/** How long a first `pulumi up` should take, and which chain of resources decides it. */
function criticalPathSection(graph: Graph): PlanSection {
    const path = criticalPath(graph);
    return {
        title: "First deployment: critical path (estimate)",
        lines: formatCriticalPath(path),
        failed: false,
        data: path,
    };
}

/** Every azure-native resource against Azure's API contract (../shared/arm-types), as Azure would judge the request. */
function contractSection(graph: Graph): PlanSection {
    const { checkGraph, renderViolation } =
        require("../contract/checkGraph") as typeof import("../contract/checkGraph");
    const r = checkGraph(graph);
    if (r.skipped) return { title: "API contract check", lines: [r.skipped], failed: false, data: r };
    const lines = [
        ...r.violations.map(renderViolation),
        ...r.uncovered.map((t) => `${t}: no contract data for this type`),
    ];
    return {
        title: `API contract check (${r.checked} resources, ${r.violations.length} violations)`,
        lines: lines.length ? lines : ["every request body fits the contract"],
        failed: r.violations.length > 0,
        data: r,
    };
}

/** The topology as Mermaid text (printed with --mermaid) and, with --diagram <file>, as an SVG rendered offline. */
async function diagramSection(
    graph: Graph,
    svgFile: string | undefined,
    printMermaid: boolean | undefined,
): Promise<PlanSection> {
    const mermaid = toMermaid(topologyFromGraph(graph));
    const lines: string[] = [];
    if (svgFile) {
        const { toSvg } = require("../render/svg") as typeof import("../render/svg");
        fs.writeFileSync(svgFile, await toSvg(mermaid));
        lines.push(`SVG written to ${svgFile}`);
    }
    lines.push(
        ...(printMermaid
            ? ["```mermaid", ...mermaid.trimEnd().split("\n"), "```"]
            : ["(--mermaid prints it as Mermaid text, --diagram <file.svg> writes an SVG)"]),
    );
    return { title: "Topology", lines, failed: false, data: { mermaid } };
}
