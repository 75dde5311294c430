/**
 * Offline evaluation of the pack on a recorded graph (tests and `npm run plan`). Every policy runs through the
 * policy SDK's own analyzer handlers (through harness/pulumiInternals.ts), so proxies,
 * not-applicable handling and the "can't run … during preview" advisory behave exactly as under the CLI:
 *  - resource pass: one `AnalyzeRequest` per resource with its recorded **inputs** Struct and options;
 *  - stack pass: one `AnalyzeStackRequest` with every resource's **outputs** Struct, parent, dependencies and
 *    property dependencies. `pulumi:pulumi:Stack` is skipped, as the engine never analyzes it.
 * The pack config is the JSON `--policy-pack-config` takes (see ./config.ts). Harness checks (secretness,
 * which CrossGuard cannot see) are reported in the same shape.
 */
import {
    EnforcementLevel,
    PolicyPackConfig,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { Graph, GraphResource } from "../harness/graph";
import { AnalyzedResource, Diagnostic, policyAnalyzer } from "../harness/pulumiInternals";
import { rawStructsOf } from "../harness/runProgram";
import { CATALOGUE, HARNESS_CHECKS, PACK_NAME } from "./catalogue";
import { checkPackConfig, levelFor, propertiesFor } from "./config";
import { HarnessCheck, isStackPolicy, RuleEntry } from "./lib/rule";

// An import, not a require, so the compiled plan (build/, tsconfig.tools.json) gets the file too.
import { version as PACK_VERSION } from "./package.json";

export type FindingLevel = "advisory" | "mandatory";

export interface Finding {
    /** Policy (or harness check) name. */
    readonly policy: string;
    readonly level: FindingLevel;
    /** URN of the offending resource ("" for stack-wide findings without one). */
    readonly urn: string;
    readonly resourceType: string;
    /** Logical (Pulumi) name of the resource. */
    readonly resourceName: string;
    /** The violation itself (the policy description is not repeated). */
    readonly message: string;
    /** General fix from the catalogue. */
    readonly fix?: string;
}

export interface EvaluateOptions {
    /** Pack config, as `--policy-pack-config` takes it. Default: none (every policy at its own level). */
    readonly config?: PolicyPackConfig;
    /** Rules to run. Default: the whole catalogue. */
    readonly rules?: readonly RuleEntry[];
    /** Harness checks to run. Default: all of them. */
    readonly checks?: readonly HarnessCheck[];
}

/** Run the pack (and the harness checks) on a graph; findings sorted mandatory first, then by policy and name. */
export async function evaluateGraph(graph: Graph, options: EvaluateOptions = {}): Promise<Finding[]> {
    const rules = options.rules ?? CATALOGUE;
    const checks = options.checks ?? HARNESS_CHECKS;
    const config = options.config ?? {};
    checkPackConfig(config, [...CATALOGUE.map((e) => e.policy.name), ...HARNESS_CHECKS.map((c) => c.name)]);
    const policies = rules
        .map((e) => configured(e, config))
        .filter((p): p is ResourceValidationPolicy | StackValidationPolicy => !!p);
    const resources = graph.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
    const analyzer = policyAnalyzer(PACK_NAME, PACK_VERSION, policies);
    // A resource-pass diagnostic carries no URN (the engine attaches the resource it analyzed): we do the same.
    const diagnostics: { d: Diagnostic; urn: string }[] = [];
    for (const r of resources) {
        for (const d of await analyzer.analyze(analyzed(r, "inputs"))) diagnostics.push({ d, urn: d.urn || r.urn });
    }
    for (const d of await analyzer.analyzeStack(resources.map((r) => analyzed(r, "outputs"))))
        diagnostics.push({ d, urn: d.urn });
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const fixes = new Map(rules.map((e) => [e.policy.name, e.fix]));
    const descriptions = new Map(rules.map((e) => [e.policy.name, e.policy.description]));
    const findings = diagnostics.map(({ d, urn }) => toFinding(d, urn, byUrn, fixes, descriptions));
    findings.push(...checks.flatMap((c) => runCheck(c, graph, config)));
    return sortFindings(findings);
}

/** Only the mandatory findings (what fails a deployment). */
export function mandatory(findings: readonly Finding[]): Finding[] {
    return findings.filter((f) => f.level === "mandatory");
}

/** One line per finding, for logs and the plan. */
export function formatFinding(f: Finding): string {
    return `[${f.level}] ${f.policy} ${f.resourceType ? `${f.resourceType} ` : ""}${f.resourceName}: ${f.message}`;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
    const rank = (l: FindingLevel) => (l === "mandatory" ? 0 : 1);
    return [...findings].sort(
        (a, b) =>
            rank(a.level) - rank(b.level) ||
            a.policy.localeCompare(b.policy) ||
            a.resourceName.localeCompare(b.resourceName) ||
            a.urn.localeCompare(b.urn) ||
            a.message.localeCompare(b.message),
    );
}

/**
 * The policy as the engine would run it under this config: the resolved level (the SDK reads the
 * module-level config only the `configure` RPC sets, so we resolve it here) and `getConfig()` returning
 * schema defaults + file properties. Disabled policies are dropped.
 */
function configured(
    e: RuleEntry,
    config: PolicyPackConfig,
): ResourceValidationPolicy | StackValidationPolicy | undefined {
    const p = e.policy;
    const level = levelFor(p.name, p.enforcementLevel, config);
    if (level === "disabled") return undefined;
    const props = propertiesFor(p, config);
    if (isStackPolicy(p)) {
        const validateStack = (args: StackValidationArgs, report: ReportViolation) =>
            p.validateStack({ ...args, getConfig: <T>() => props as T }, report);
        return { ...p, enforcementLevel: level, validateStack: keepType(validateStack, p.validateStack) };
    }
    const fns =
        p.validateResource === undefined
            ? []
            : Array.isArray(p.validateResource)
              ? p.validateResource
              : [p.validateResource];
    const wrapped = fns.map((fn) =>
        keepType(
            (args: ResourceValidationArgs, report: ReportViolation) =>
                fn({ ...args, getConfig: <T>() => props as T }, report),
            fn,
        ),
    );
    return { ...p, enforcementLevel: level, validateResource: wrapped.length === 1 ? wrapped[0] : wrapped };
}

/** Keep the SDK's `__pulumiType` fast path (type filter) on a wrapped validation function. */
function keepType<F extends object>(wrapped: F, original: object): F {
    const t = (original as { __pulumiType?: string }).__pulumiType;
    if (t) (wrapped as { __pulumiType?: string }).__pulumiType = t;
    return wrapped;
}

/** A recorded resource as the analyzer sees it: the resource pass reads inputs, the stack pass outputs. */
function analyzed(r: GraphResource, properties: "inputs" | "outputs"): AnalyzedResource {
    const raw = rawStructsOf(r);
    if (!raw) throw new Error(`resource ${r.urn} has no recorded Structs; graphs must come from harness/runProgram`);
    return { ...r, properties: raw[properties] };
}

const LEVEL_OF: Record<number, FindingLevel> = { 0: "advisory", 1: "mandatory", 3: "mandatory" };

function toFinding(
    d: Diagnostic,
    urn: string,
    byUrn: Map<string, GraphResource>,
    fixes: Map<string, string>,
    descriptions: Map<string, string>,
): Finding {
    const policy = d.policyName;
    const r = byUrn.get(urn);
    const description = descriptions.get(policy) ?? "";
    const raw = d.message;
    const message = description && raw.startsWith(`${description}\n`) ? raw.slice(description.length + 1) : raw;
    const level = LEVEL_OF[d.enforcementLevel];
    if (!level) throw new Error(`policy ${policy}: unexpected enforcement level ${d.enforcementLevel} in a diagnostic`);
    return {
        policy,
        level,
        urn,
        resourceType: r?.type ?? "",
        resourceName: r?.name ?? "",
        message,
        fix: fixes.get(policy),
    };
}

function runCheck(c: HarnessCheck, graph: Graph, config: PolicyPackConfig): Finding[] {
    const level: EnforcementLevel = levelFor(c.name, c.enforcementLevel, config);
    if (level === "disabled") return [];
    // An unknown value gives the SDK's answer for unknowns: an advisory "can't run", never a pass or a failure.
    return c.check(graph).map((v) => ({
        policy: c.name,
        level: v.unknown || level === "advisory" ? "advisory" : "mandatory",
        urn: v.resource.urn,
        resourceType: v.resource.type,
        resourceName: v.resource.name,
        fix: c.fix,
        message: v.unknown
            ? `can't run harness check '${c.name}' from policy pack '${PACK_NAME}@v${PACK_VERSION}' during ` +
              `preview: ${v.message}`
            : v.message,
    }));
}
