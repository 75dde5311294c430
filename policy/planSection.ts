/**
 * The policy report as a section of the offline plan (cli/planSections.ts shape: title, lines, failed, data):
 * findings grouped by level, failing the plan on any mandatory one. The config file is the JSON
 * `--policy-pack-config` takes.
 */
import { Graph } from "../harness/graph";
import { loadPackConfig } from "./config";
import { evaluateGraph, Finding, formatFinding, mandatory } from "./evaluate";

export interface PolicySection {
    title: string;
    lines: string[];
    failed: boolean;
    data: Finding[];
}

export async function policySection(graph: Graph, configFile?: string): Promise<PolicySection> {
    const findings = await evaluateGraph(graph, { config: configFile ? loadPackConfig(configFile) : {} });
    const blocking = mandatory(findings).length;
    const lines = findings.length ? findings.map(formatFinding) : ["no violations"];
    return {
        title: `Policy pack (${blocking} mandatory, ${findings.length - blocking} advisory)`,
        lines,
        failed: blocking > 0,
        data: findings,
    };
}
