import * as fs from "node:fs";
import * as path from "node:path";
import { Graph } from "../harness/graph";
import { PROJECT_ROOT } from "../harness/runStack";
import { PolicyPackConfig } from "@pulumi/policy";
import { loadPackConfig } from "../policy/config";
import { evaluateGraph, Finding } from "../policy/evaluate";
import { PlanSection } from "./planSections";

/**
 * The pack config the plan applies: `--policy-config <file>` if given, else `policy/config.<stack>.json` when
 * it exists (so `prod` can raise levels), else none. The same file goes to `pulumi preview --policy-pack-config`.
 */
export function policyConfigFile(stack: string, explicit?: string): string | undefined {
    if (explicit) return explicit;
    const perStack = path.join(PROJECT_ROOT, "policy", `config.${stack}.json`);
    return fs.existsSync(perStack) ? perStack : undefined;
}

/**
 * A stack that references an existing ACS resource (communication.existingId) declares that id as the topic's
 * source on purpose: the plan lists it in system-topic-require-source-in-stack's externalSources, as the README
 * tells users to do in the config file they pass to `pulumi preview --policy-pack-config`.
 */
export function withReferencedSources(graph: Graph, config: PolicyPackConfig): PolicyPackConfig {
    const ids = graph.resources
        .filter(
            (r) =>
                r.type === "acs-event-handling:index:CommunicationService" && typeof r.inputs.existingId === "string",
        )
        .map((r) => r.inputs.existingId as string);
    if (ids.length === 0) return config;
    const rule = "system-topic-require-source-in-stack";
    const own = config[rule];
    const entry = typeof own === "string" ? { enforcementLevel: own } : { ...(own ?? {}) };
    const external = [...((entry as any).externalSources ?? []), ...ids];
    return { ...config, [rule]: { ...entry, externalSources: [...new Set(external)] } as any };
}

export async function policySection(graph: Graph, configFile: string | undefined): Promise<PlanSection> {
    const config = withReferencedSources(graph, configFile ? loadPackConfig(configFile) : {});
    const findings = await evaluateGraph(graph, { config });
    const mandatory = findings.filter((f) => f.level === "mandatory").length;
    const withConfig = configFile ? `; config ${path.relative(PROJECT_ROOT, configFile)}` : "";
    const title = `Policy report (${mandatory} mandatory, ${findings.length - mandatory} advisory${withConfig})`;
    return {
        title,
        lines: findings.length ? groupByResource(findings) : ["no violations"],
        failed: mandatory > 0,
        data: findings,
    };
}

/** Violations grouped by resource, mandatory first, each with its fix hint. */
function groupByResource(findings: readonly Finding[]): string[] {
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
        const key = f.resourceName ? `${f.resourceType} ${f.resourceName}` : "(stack)";
        groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const rank = (fs: Finding[]) => (fs.some((f) => f.level === "mandatory") ? 0 : 1);
    return [...groups]
        .sort((a, b) => rank(a[1]) - rank(b[1]) || a[0].localeCompare(b[0]))
        .flatMap(([resource, fs]) => [
            resource,
            ...fs.flatMap((f) => [
                `  [${f.level}] ${f.policy}: ${f.message}`,
                ...(f.fix && !f.message.includes("Fix:") ? [`      fix: ${f.fix}`] : []),
            ]),
        ]);
}
