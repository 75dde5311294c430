/**
 * The contract check of every graph the suite builds. Every graph `runProgram` captures in a test process (runStack,
 * component, policy and render fixtures, CLIs run in process, partial graphs of failing programs) is checked
 * against Azure's API contract (contract/) when it is built; on a finding `runProgram` rejects with it, so the test
 * or hook that built the graph fails, in any run mode: `npm test`, a `--no-config` subset, `--parallel`.
 *
 * - Installed once per process by importing this module. The test support that builds graphs imports it
 *   (program.ts, sharedGraphs.ts, policy/support/findings.ts, render/tinyStack.ts), and so does every spec that
 *   builds graphs with the harness or a CLI directly; test/contract/everyGraph.spec.ts fails when a spec that can
 *   reach harness/runProgram.ts does not import it.
 * - Identical graphs are checked once: the key is a hash of the azure-native resources' URN, type, name and inputs
 *   (everything `checkGraph` reads), so dev built thirty times costs one check; a second build of a bad graph
 *   fails too.
 * - The builder is the first spec file in the stack of the `runProgram` call (async callers included); a finding
 *   is a contract violation or an azure-native type without a contract row, unless that file is allowed to build
 *   it by test/contract/everyGraph.allowlist.ts. Stale entries are found by `npm run test:allowlist` (a test of
 *   everyGraph.spec.ts): it runs the allow-listed files' before hooks in a child mocha with CONTRACT_ALLOWLIST_USED
 *   set, and this module logs there the entries it used.
 * - Without ../shared/arm-types it checks nothing and prints the skip reason once, at the first graph.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    checkGraph,
    type ContractCheckResult,
    findArmTypesDir,
    renderViolation,
    SKIPPED_NO_CONTRACT,
    type Violation,
} from "../../contract";
import { isAzureNativeToken } from "../../contract/resourceTable";
import type { Graph } from "../../harness/graph";
import { type GraphListener, onGraphCaptured } from "../../harness/runProgram";
import { ALLOW_LIST, type AllowListEntry } from "../contract/everyGraph.allowlist";

const PROJECT_ROOT = path.resolve(__dirname, "../..");
export const LABEL = "contract check of every graph";

/** Who built a graph: the spec file (relative to the project root, `/`-separated) and where in it. */
export interface GraphOrigin {
    readonly file: string;
    /** `file:line:column` of the first frame in that file, and the lines of its later frames (its callers). */
    readonly at: string;
}

export const UNKNOWN_ORIGIN: GraphOrigin = { file: "(no spec file in the stack)", at: "(no spec file in the stack)" };

export interface CheckerOptions {
    /** Contract directory; default `findArmTypesDir()`. When it does not exist the checker only reports the skip. */
    readonly armTypesDir?: string;
    readonly allowList?: readonly AllowListEntry[];
    /** The check (tests count its calls); default `checkGraph`. */
    readonly check?: (graph: Graph, armTypesDir: string) => ContractCheckResult;
    /** Called with each allow-list entry the first time it allows a finding. */
    readonly onUsed?: (entry: AllowListEntry) => void;
}

export interface Checker {
    /** The skip reason when the contract files are absent (then `check` does nothing). */
    readonly skipped?: string;
    /**
     * Check a graph built by `origin` (the first time its key is seen) and return its findings this origin is not
     * allowed to build, rendered with the origin; undefined when there are none.
     */
    check(graph: Graph, origin: GraphOrigin): string | undefined;
    /** The allow-list entries that allowed a finding so far. */
    readonly used: ReadonlySet<AllowListEntry>;
    /** Graphs checked, distinct graphs among them. */
    readonly counts: { readonly built: number; readonly distinct: number };
}

/**
 * The dedupe key: a hash of what `checkGraph` reads, the azure-native custom resources' URN (reported), type,
 * name (autonames are checked) and inputs, in registration order. Components, providers and outputs do not count.
 */
export function graphKey(graph: Graph): string {
    const hash = createHash("sha1");
    for (const r of graph.resources) {
        if (!r.custom || !isAzureNativeToken(r.type)) continue;
        hash.update(JSON.stringify([r.urn, r.type, r.name, r.inputs]));
        hash.update("\n");
    }
    return hash.digest("hex");
}

export const FIX_HINT =
    "fix the component or fixture, or allow-list a deliberately invalid fixture in " +
    "test/contract/everyGraph.allowlist.ts with its reason";

export function createChecker(options: CheckerOptions = {}): Checker {
    const dir = options.armTypesDir ?? findArmTypesDir();
    const skipped = !dir || !fs.existsSync(dir) ? SKIPPED_NO_CONTRACT : undefined;
    const allowList = options.allowList ?? ALLOW_LIST;
    const check = options.check ?? ((graph: Graph, d: string) => checkGraph(graph, { armTypesDir: d }));
    const results = new Map<string, Violation[]>();
    const used = new Set<AllowListEntry>();
    let built = 0;

    /** True when no allow-list entry covers the finding for this origin (and marks the entries that do as used). */
    const unallowed = (v: Violation, o: GraphOrigin): boolean => {
        const entries = allowList.filter((e) => allows(e, o, v));
        for (const e of entries) {
            if (!used.has(e)) options.onUsed?.(e);
            used.add(e);
        }
        return entries.length === 0;
    };

    return {
        skipped,
        get counts() {
            return { built, distinct: results.size };
        },
        check(graph, origin) {
            if (skipped) return undefined;
            built++;
            const key = graphKey(graph);
            let problems = results.get(key);
            if (!problems) {
                problems = problemsOf(() => check(graph, dir!));
                results.set(key, problems);
            }
            const failing = problems.filter((v) => unallowed(v, origin));
            if (failing.length === 0) return undefined;
            return (
                `${LABEL}: ${failing.length} finding(s) in the graph built at ${origin.at} (${FIX_HINT}):\n` +
                failing.map((v) => `  ${renderViolation(v)}`).join("\n")
            );
        },
        used,
    };
}

/**
 * The entries of `allowList` that allowed no finding although every test of their file ran (`ran`), rendered;
 * undefined when there are none. A file that did not run, or ran in part (`--grep`), judges none of its entries.
 */
export function staleEntries(
    allowList: readonly AllowListEntry[],
    used: ReadonlySet<AllowListEntry>,
    ran: ReadonlySet<string>,
): string | undefined {
    const lines = allowList
        .filter((e) => !used.has(e) && ran.has(e.file))
        .map(
            (e) =>
                `  stale allow-list entry in test/contract/everyGraph.allowlist.ts: ${renderEntry(e)} ` +
                "matched no finding although the whole file ran; remove or narrow it",
        );
    return lines.length > 0 ? `${LABEL}: ${lines.length} stale allow-list entries:\n${lines.join("\n")}` : undefined;
}

/** Violations, one finding per resource of an uncovered type, and a check that threw. */
function problemsOf(run: () => ContractCheckResult): Violation[] {
    let result: ContractCheckResult;
    try {
        result = run();
    } catch (err) {
        const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
        return [{ resource: "(graph)", path: "$", message: `checkGraph threw: ${error}` }];
    }
    return [
        ...result.violations,
        ...result.uncovered.map((type) => ({
            resource: type,
            path: "$",
            message:
                "azure-native type with no row in contract/resourceTable.ts (nor contract/dataPlane.ts): not checked",
        })),
    ];
}

function allows(e: AllowListEntry, o: GraphOrigin, v: Violation): boolean {
    return (
        e.file === o.file &&
        (!e.resource || e.resource.test(v.resource)) &&
        (!e.finding || e.finding.test(`${v.path}: ${v.message}`))
    );
}

export function renderEntry(e: AllowListEntry): string {
    return [e.file, e.resource && `resource ${e.resource}`, e.finding && `finding ${e.finding}`]
        .filter(Boolean)
        .join(" ");
}

/**
 * A stack frame in a spec file, in a `*.fixture.ts` file that a spec runs in a child mocha, or in the builder of
 * the shared policy fixtures (test/policy/support/fixtures.ts): those are built once per process by whichever spec
 * asks first (in parallel runs, any rule spec), so the builder, not that spec, is who built them.
 */
const SEP = String.raw`[/\\]`;
const SHARED_BUILDER = `${SEP}test${SEP}policy${SEP}support${SEP}fixtures\\.[cm]?[jt]s`;
const ORIGIN_FILE = String.raw`[^()\s]+?(?:\.(?:spec|fixture)\.[cm]?[jt]s|${SHARED_BUILDER})`;
const FRAME = new RegExp(String.raw`\(?((?:\/|[A-Za-z]:\\)${ORIGIN_FILE}):(\d+):(\d+)\)?$`);

/**
 * The first spec (or fixture) file of this project in a stack trace, skipping node_modules, as a GraphOrigin; the
 * lines of later frames in the same file (the test that called a helper of its file) are added.
 */
export function originOf(stack: string | undefined): GraphOrigin {
    let origin: GraphOrigin | undefined;
    const callers: string[] = [];
    for (const line of (stack ?? "").split("\n")) {
        const m = FRAME.exec(line.trim());
        if (!m || m[1].includes(`${path.sep}node_modules${path.sep}`)) continue;
        const rel = path.relative(PROJECT_ROOT, m[1]);
        if (rel.startsWith("..")) continue;
        const file = rel.split(path.sep).join("/");
        if (!origin) origin = { file, at: `${file}:${m[2]}:${m[3]}` };
        else if (file === origin.file && !callers.includes(m[2])) callers.push(m[2]);
    }
    if (!origin) return UNKNOWN_ORIGIN;
    return callers.length === 0 ? origin : { ...origin, at: `${origin.at} (called from line ${callers.join(", ")})` };
}

/** The list is the message; a trace into the harness adds nothing. */
export function contractError(failure: string): Error {
    const err = new Error(failure);
    err.name = "ContractCheckError";
    err.stack = `${err.name}: ${failure}`;
    return err;
}

/**
 * Subscribe the process-wide check once: runStack evicts this repository's modules from require's cache, so a
 * later import gets a fresh copy of this module, which must not subscribe a second time.
 */
const INSTALLED = Symbol.for("acs-event-handling/test/contractCheck");

/**
 * The listener that applies `checker` to each captured graph: throws the findings (so `runProgram` rejects in the
 * test that built the graph), or logs the skip reason once when the contract files are absent.
 */
export function contractListener(checker: Checker, log: (line: string) => void = console.log): GraphListener {
    let told = false;
    return (graph, info) => {
        if (checker.skipped) {
            if (!told) log(`\n  ${LABEL}: ${checker.skipped}\n`);
            told = true;
            return;
        }
        const failure = checker.check(graph, originOf(info.calledFrom));
        if (failure) throw contractError(failure);
    };
}

function install(): void {
    const g = globalThis as Record<symbol, unknown>;
    if (g[INSTALLED]) return;
    const usedLog = process.env.CONTRACT_ALLOWLIST_USED;
    const checker = createChecker({
        onUsed: usedLog ? (e) => fs.appendFileSync(usedLog, `${ALLOW_LIST.indexOf(e)}\n`) : undefined,
    });
    g[INSTALLED] = { checker, unsubscribe: onGraphCaptured(contractListener(checker)) };
}

/** The process's checker (the one installed by the first import). */
export function installedChecker(): Checker {
    return ((globalThis as Record<symbol, unknown>)[INSTALLED] as { checker: Checker }).checker;
}

install();
