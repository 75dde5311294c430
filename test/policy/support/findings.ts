/**
 * Test support for the policy pack: run a fixture program under mocks, evaluate it once through the SDK
 * handlers (policy/evaluate.ts) and assert findings as exact (policy, resource name, level) tuples.
 */
import * as assert from "node:assert";
import { EnforcementLevel, PolicyPackConfig } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import { Graph } from "../../../harness/graph";
import * as path from "node:path";
import { evictModulesUnder } from "../../../harness/pulumiInternals";
import { runProgram } from "../../../harness/runProgram";
import "../../support/contractCheck";
import { PROJECT_ROOT } from "../../../harness/runStack";
import { readProject, readStackConfig } from "../../../harness/stackConfig";
import { CATALOGUE, HARNESS_CHECKS } from "../../../policy/catalogue";
import { levelFor } from "../../../policy/config";
import { evaluateGraph, Finding } from "../../../policy/evaluate";

export const PROJECT = "policy-fixtures";

/** Run a small program of real azure-native resources or components under the plan's mocks. */
export function fixture(
    program: () => unknown,
    options: { preview?: boolean; mocks?: Parameters<typeof runProgram>[0]["mocks"] } = {},
): Promise<Graph> {
    return runProgram({ project: PROJECT, stack: "test", program, ...options });
}

/**
 * Run the real program for a stack with custom mocks (runStack always uses the plan's): the program is required
 * afresh, as runStack does, so it registers its resources again.
 */
export function stackWithMocks(stack: string, mocks: pulumi.runtime.Mocks, preview: boolean): Promise<Graph> {
    const project = readProject(PROJECT_ROOT);
    const cfg = readStackConfig(project, stack);
    const entry = path.resolve(project.dir, project.main);
    return runProgram({
        project: project.name,
        stack,
        config: cfg.config,
        secretKeys: cfg.secretKeys,
        preview,
        mocks,
        program: () => {
            evictModulesUnder(project.dir);
            return require(entry);
        },
    });
}

const cache = new WeakMap<Graph, Map<string, Promise<Finding[]>>>();

/**
 * Findings of the whole pack on a graph, computed once per (graph, config); with `only`, of that one policy or
 * harness check (a configured variant of one rule need not re-run the other 80).
 */
export function findingsOf(graph: Graph, config: PolicyPackConfig = {}, only?: string): Promise<Finding[]> {
    const key = `${JSON.stringify(config)}|${only ?? ""}`;
    const byConfig = cache.get(graph) ?? new Map<string, Promise<Finding[]>>();
    cache.set(graph, byConfig);
    if (!byConfig.has(key)) {
        const scope =
            only === undefined
                ? {}
                : {
                      rules: CATALOGUE.filter((e) => e.policy.name === only),
                      checks: HARNESS_CHECKS.filter((c) => c.name === only),
                  };
        byConfig.set(key, evaluateGraph(graph, { config, ...scope }));
    }
    return byConfig.get(key)!;
}

/** "policy resource level" strings, sorted: easy to read in a failed deepStrictEqual. */
export function tuples(findings: readonly Finding[], policy?: string): string[] {
    return findings
        .filter((f) => !policy || f.policy === policy)
        .map((f) => `${f.policy} ${f.resourceName} ${f.level}`)
        .sort();
}

/** The level the catalogue gives a policy or harness check. */
export function levelOf(policy: string): string {
    const rule = CATALOGUE.find((e) => e.policy.name === policy);
    const level = rule ? rule.policy.enforcementLevel : HARNESS_CHECKS.find((c) => c.name === policy)?.enforcementLevel;
    if (!level) throw new Error(`no policy named ${policy}`);
    return level;
}

export interface RuleCases {
    /** The fixture graph (useSharedGraph in test/policy/support/fixtures.ts builds it once per process). */
    readonly graph: () => Graph;
    readonly config?: PolicyPackConfig;
    /** Compliant resources: must exist and must not be reported. */
    readonly pass: readonly string[];
    /** Resources with an explicit bad value: reported (a name twice = two findings). */
    readonly fail: readonly string[];
    /** The attribute-omitted case and its reviewed decision (10.3 in docs/policies.md). */
    readonly unset: { readonly pass: readonly string[] } | { readonly fail: readonly string[] };
    /** Resources the rule must ignore (wrong kind, non-ACS topic type): in neither set. */
    readonly outOfScope?: readonly string[];
    /** Patterns each finding's message must match, per resource name (path, expected value, fix). */
    readonly messages?: Readonly<Record<string, readonly RegExp[]>>;
}

/** Title of a configured variant: the rule's own config block (or the whole config when it names none). */
function variant(policy: string, config: PolicyPackConfig | undefined): string {
    if (!config) return "";
    return ` with config ${JSON.stringify(config[policy] ?? config)}`;
}

/** Rule specs import joinRe from here with ruleCases; it lives in test/support for the other specs too. */
export { joinRe } from "../../support/regex";

/**
 * The required cases of one rule on a shared fixture, one test each: pass (the compliant and out-of-scope
 * resources exist and are not reported, so a pass cannot be vacuous because the fixture lost the resource), fail
 * (the exact set of (policy, name, level) tuples for this policy equals fail + unset.fail, and every message names
 * the path, the expected value and the fix) and unset (the omitted attribute gives the reviewed decision).
 */
export function ruleCases(policy: string, c: RuleCases): void {
    const unsetFail = "fail" in c.unset ? c.unset.fail : [];
    const unsetPass = "pass" in c.unset ? c.unset.pass : [];
    /** This policy's findings; without config every rule shares one evaluation of the graph. */
    const mine = async () =>
        (await findingsOf(c.graph(), c.config, c.config ? policy : undefined)).filter((f) => f.policy === policy);
    const configured = () => levelFor(policy, levelOf(policy) as EnforcementLevel, c.config ?? {});
    const expected = (names: readonly string[]) => {
        const level = configured() === "remediate" ? "mandatory" : configured();
        return names.map((n) => `${policy} ${n} ${level}`).sort();
    };
    const assertExists = (names: readonly string[]) => {
        const all = new Set(c.graph().resources.map((r) => r.name));
        for (const n of names) assert.ok(all.has(n), `fixture has no resource ${n}`);
    };
    const explain = (findings: readonly Finding[]) => findings.map((f) => `${f.resourceName}: ${f.message}`).join("\n");
    const assertMessages = (findings: readonly Finding[], names: readonly string[]) => {
        for (const name of names) {
            const of = findings.filter((f) => f.resourceName === name);
            for (const p of c.messages?.[name] ?? [])
                assert.ok(
                    of.some((f) => p.test(f.message)),
                    `${name}: no message matches ${p}:\n${of.map((f) => f.message).join("\n")}`,
                );
        }
    };

    describe(`${policy}${variant(policy, c.config)}`, () => {
        const outOfScope = c.outOfScope ? `; out of scope: ${c.outOfScope.join(", ")}` : "";
        it(`pass: ${c.pass.join(", ")}${outOfScope}`, async () => {
            assert.ok(c.pass.length > 0, "a rule needs a passing case");
            const quiet = [...c.pass, ...(c.outOfScope ?? [])];
            assertExists(quiet);
            const findings = await mine();
            assert.deepStrictEqual(
                tuples(findings.filter((f) => quiet.includes(f.resourceName))),
                [],
                explain(findings),
            );
        });

        it(`fail: ${c.fail.join(", ")} (and nothing but fail + unset fail is reported)`, async () => {
            assert.ok(c.fail.length > 0, "a rule needs an explicitly failing case");
            assertExists(c.fail);
            const findings = await mine();
            assert.deepStrictEqual(tuples(findings), expected([...c.fail, ...unsetFail]), explain(findings));
            // Every message names where and what, and how to fix it.
            for (const f of findings)
                assert.match(
                    f.message,
                    /^\S[^:]*: .*Fix: \S/s,
                    `${f.resourceName}: message without path or fix: ${f.message}`,
                );
            assertMessages(findings, Object.keys(c.messages ?? {}));
        });

        const unsetNames = [...unsetFail, ...unsetPass];
        it(`unset ${unsetFail.length > 0 ? "fails" : "passes"}: ${unsetNames.join(", ")}`, async () => {
            assertExists(unsetNames);
            const findings = (await mine()).filter((f) => unsetNames.includes(f.resourceName));
            assert.deepStrictEqual(tuples(findings), expected(unsetFail), explain(findings));
            assertMessages(findings, unsetNames);
        });
    });
}
