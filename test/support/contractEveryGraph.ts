/**
 * Mocha root-hook plugin (registered in .mocharc.json after tsx/cjs): every graph the suite builds through
 * harness/runProgram.ts (runStack, component and policy fixtures, render programs, partial graphs of failing
 * programs) is checked against Azure's API contract (contract/), not just dev and prod.
 *
 * - Each graph is recorded with the test file and test title that built it. The current runnable is followed for
 *   tests (root `beforeEach`) and for hooks (`before`/`beforeEach`/`after` of any suite, whose graphs belong to that
 *   suite's file); a graph built outside any test or hook is reported as built by "(outside any test)".
 * - Identical graphs are checked once: the key is a hash of the azure-native resources' URN, type, name and inputs
 *   (everything `checkGraph` reads), so dev built thirty times costs one check.
 * - A finding fails the test that built the graph, right after its body passed, naming the resource, the JSON path
 *   and who built it; graphs built in the file's `before`/`beforeEach` hooks are reported by the test they ran for.
 *   A finding is a contract violation or an azure-native type without a contract row, unless the building file is
 *   allowed to by test/contract/everyGraph.allowlist.ts. A test that builds an already-seen bad graph fails too.
 * - The root `afterAll` fails with what no test reported (graphs built in `after` hooks, outside any test, or by a
 *   test that failed on its own) and with stale allow-list entries: an entry that matched nothing although its whole
 *   file ran.
 * - It prints one summary line at the end, or the skip reason when ../shared/arm-types is absent (then nothing is
 *   recorded and nothing fails).
 *
 * A subset run with `npx mocha --no-config -r tsx/cjs <files>` does not load the plugin; add
 * `-r ./test/support/contractEveryGraph.ts` to include it.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Graph } from "../../harness/graph";
import { onGraphCaptured } from "../../harness/runProgram";
import {
    checkGraph,
    findArmTypesDir,
    renderViolation,
    SKIPPED_NO_CONTRACT,
    type ContractCheckResult,
    type Violation,
} from "../../contract";
import { isAzureNativeToken } from "../../contract/resourceTable";
import { ALLOW_LIST, type AllowListEntry } from "../contract/everyGraph.allowlist";

const PROJECT_ROOT = path.resolve(__dirname, "../..");
const LABEL = "contract check of every graph";

/** Who built a graph: a test file (relative to the project root, `/`-separated) and the test or hook title. */
export interface GraphOrigin {
    readonly file: string;
    readonly title: string;
}

export const OUTSIDE_ANY_TEST: GraphOrigin = { file: "(unknown file)", title: "(outside any test)" };

/** One distinct graph (by `graphKey`), the result of its check and everyone who built it. */
interface Distinct {
    readonly result: ContractCheckResult | { readonly error: string };
    readonly origins: GraphOrigin[];
}

/** A violation, an uncovered resource or a check that threw, before the allow-list is applied. */
interface Problem {
    readonly violation: Violation;
    readonly origins: readonly GraphOrigin[];
}

export interface RecorderOptions {
    /** Contract directory; default `findArmTypesDir()`. When it does not exist the recorder only reports the skip. */
    readonly armTypesDir?: string;
    readonly allowList?: readonly AllowListEntry[];
    /** The check (tests count its calls); default `checkGraph`. */
    readonly check?: (graph: Graph, armTypesDir: string) => ContractCheckResult;
}

export interface Outcome {
    /** One line: counts, or the skip reason. */
    readonly summary: string;
    /** Set when the run must fail at its end: findings no test reported, and stale allow-list entries, rendered. */
    readonly failure?: string;
}

export interface RunState {
    /**
     * Files whose every test ran (stale allow-list entries are judged only for these, so `--grep` or a subset of
     * files never reports an entry as stale).
     */
    readonly completeFiles: ReadonlySet<string>;
}

export interface Recorder {
    /**
     * Record (and, the first time its key is seen, check) a graph built by `origin`. Its unallowed findings wait
     * for `take`, or for `finish` if nobody takes them.
     */
    record(graph: Graph, origin: GraphOrigin): void;
    /** Remove and render the waiting findings of the origins `select` picks; undefined when there are none. */
    take(select: (origin: GraphOrigin) => boolean): string | undefined;
    /** The summary, and the findings nobody took plus the stale allow-list entries. */
    finish(state: RunState): Outcome;
    /** Graphs recorded, distinct graphs checked. */
    readonly counts: { readonly built: number; readonly distinct: number };
}

/** An unallowed finding waiting to be reported, with everyone who built it so far. */
interface Waiting {
    readonly violation: Violation;
    readonly origins: GraphOrigin[];
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

const FIX_HINT =
    "fix the component or fixture, or allow-list a deliberately invalid fixture in " +
    "test/contract/everyGraph.allowlist.ts with its reason";

export function createRecorder(options: RecorderOptions = {}): Recorder {
    const dir = options.armTypesDir ?? findArmTypesDir();
    const skipped = !dir || !fs.existsSync(dir) ? SKIPPED_NO_CONTRACT : undefined;
    const allowList = options.allowList ?? ALLOW_LIST;
    const check = options.check ?? ((graph: Graph, d: string) => checkGraph(graph, { armTypesDir: d }));
    const distinct = new Map<string, Distinct>();
    const used = new Set<AllowListEntry>();
    let waiting: Waiting[] = [];
    let built = 0;

    /** Queue the findings `origin` is not allowed to build; a finding already waiting gains the origin. */
    const queue = (d: Distinct, origin: GraphOrigin) => {
        for (const p of problemsOf(d)) {
            if (!unallowed(p.violation, origin)) continue;
            const line = renderViolation(p.violation);
            const w = waiting.find((x) => renderViolation(x.violation) === line);
            if (!w) waiting.push({ violation: p.violation, origins: [origin] });
            else if (!w.origins.some((o) => sameOrigin(o, origin))) w.origins.push(origin);
        }
    };
    /** True when no allow-list entry covers the finding for this origin (and marks the entries that do as used). */
    const unallowed = (v: Violation, o: GraphOrigin): boolean => {
        const entries = allowList.filter((e) => allows(e, o, v));
        entries.forEach((e) => used.add(e));
        return entries.length === 0;
    };

    return {
        get counts() {
            return { built, distinct: distinct.size };
        },
        record(graph, origin) {
            if (skipped) return;
            built++;
            const key = graphKey(graph);
            let d = distinct.get(key);
            if (d) {
                if (!d.origins.some((o) => sameOrigin(o, origin))) d.origins.push(origin);
            } else {
                let result: Distinct["result"];
                try {
                    result = check(graph, dir!);
                } catch (err) {
                    result = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
                }
                d = { result, origins: [origin] };
                distinct.set(key, d);
            }
            queue(d, origin);
        },
        take(select) {
            const taken: Waiting[] = [];
            waiting = waiting.flatMap((w) => {
                const picked = w.origins.filter(select);
                if (picked.length > 0) taken.push({ violation: w.violation, origins: picked });
                const rest = w.origins.filter((o) => !select(o));
                return rest.length > 0 ? [{ violation: w.violation, origins: rest }] : [];
            });
            if (taken.length === 0) return undefined;
            return `${LABEL}: ${taken.length} finding(s) in graphs this test or its before hooks built (${FIX_HINT}):\n${renderWaiting(taken)}`;
        },
        finish(state) {
            if (skipped) return { summary: `${LABEL}: ${skipped}` };
            const problems = [...distinct.values()].flatMap(problemsOf);
            const allowed = problems.filter((p) => p.origins.every((o) => !unallowed(p.violation, o))).length;
            const failing = problems.length - allowed;
            const stale = allowList
                .filter((e) => !used.has(e) && state.completeFiles.has(e.file))
                .map(
                    (e) =>
                        `  stale allow-list entry in test/contract/everyGraph.allowlist.ts: ${renderEntry(e)} matched no finding although the whole file ran; remove or narrow it`,
                );
            const checked = [...distinct.values()].reduce(
                (n, d) => n + ("checked" in d.result ? d.result.checked : 0),
                0,
            );
            const files = new Set(allowList.filter((e) => used.has(e)).map((e) => e.file)).size;
            const summary =
                `${LABEL}: ${built} graphs built, ${distinct.size} distinct checked, ${checked} resources checked, ` +
                `${allowed} findings allow-listed (${files} files), ${failing + stale.length} failing`;
            const left = waiting.length + stale.length;
            if (left === 0) return { summary };
            const lines = [...(waiting.length > 0 ? [renderWaiting(waiting)] : []), ...stale];
            return {
                summary,
                failure:
                    `${LABEL}: ${left} finding(s) left for the end of the run ` +
                    `(built in after hooks, outside tests or by a test that failed on its own; or stale) (${FIX_HINT}):\n` +
                    lines.join("\n"),
            };
        },
    };
}

function sameOrigin(a: GraphOrigin, b: GraphOrigin): boolean {
    return a.file === b.file && a.title === b.title;
}

function renderWaiting(ws: readonly Waiting[]): string {
    return ws.map((w) => `  ${renderViolation(w.violation)}\n    built by ${renderOrigins(w.origins)}`).join("\n");
}

/** Violations, one finding per resource of an uncovered type, and a check that threw. */
function problemsOf(d: Distinct): Problem[] {
    if ("error" in d.result) {
        return [
            {
                violation: { resource: "(graph)", path: "$", message: `checkGraph threw: ${d.result.error}` },
                origins: d.origins,
            },
        ];
    }
    return [
        ...d.result.violations.map((violation) => ({ violation, origins: d.origins })),
        ...d.result.uncovered.map((type) => ({
            violation: {
                resource: type,
                path: "$",
                message: `azure-native type with no row in contract/resourceTable.ts (nor contract/dataPlane.ts): not checked`,
            },
            origins: d.origins,
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

function renderOrigins(origins: readonly GraphOrigin[]): string {
    const [first, ...more] = origins;
    return `${first.file}: ${first.title}${
        more.length
            ? ` (and ${more.length} more: ${more
                  .slice(0, 3)
                  .map((o) => `${o.file}: ${o.title}`)
                  .join("; ")}${more.length > 3 ? "; ..." : ""})`
            : ""
    }`;
}

function renderEntry(e: AllowListEntry): string {
    return [e.file, e.resource && `resource ${e.resource}`, e.finding && `finding ${e.finding}`]
        .filter(Boolean)
        .join(" ");
}

/** A mocha test or hook, as far as this plugin reads it. */
interface RunnableLike {
    readonly file?: string;
    readonly parent?: SuiteLike;
    fullTitle(): string;
}
interface SuiteLike {
    readonly file?: string;
    readonly suites: readonly SuiteLike[];
    readonly tests: ReadonlyArray<{
        readonly file?: string;
        readonly state?: string;
        readonly pending?: boolean;
        isPending?(): boolean;
    }>;
}

export function originOf(r: RunnableLike | undefined): GraphOrigin {
    const file = r?.file ?? r?.parent?.file;
    if (!r || !file) return OUTSIDE_ANY_TEST;
    return { file: path.relative(PROJECT_ROOT, file).split(path.sep).join("/"), title: r.fullTitle() };
}

/** Files (relative, `/`-separated) whose every test has passed, failed or is pending. */
export function completeFiles(root: SuiteLike): Set<string> {
    const ran = new Map<string, boolean>();
    const walk = (s: SuiteLike) => {
        for (const t of s.tests) {
            if (!t.file) continue;
            const file = path.relative(PROJECT_ROOT, t.file).split(path.sep).join("/");
            const done = t.state === "passed" || t.state === "failed" || (t.isPending?.() ?? t.pending === true);
            ran.set(file, (ran.get(file) ?? true) && done);
        }
        s.suites.forEach(walk);
    };
    walk(root);
    return new Set([...ran].filter(([, done]) => done).map(([file]) => file));
}

/**
 * Follow the runnable mocha is running. Every test and hook calls `ctx.runnable(itself)` before its function runs,
 * and every suite's context inherits from the root one, so a wrapper set on the root context sees hooks of every
 * suite too. Root `beforeEach`/`afterEach` set and clear the current test through mocha's public hook API as well,
 * so if this wrapper ever stops being called, tests are still attributed and graphs built in hooks are reported as
 * built outside any test rather than by the wrong file.
 */
function followRunnables(rootCtx: any, onRunnable: (r: RunnableLike) => void): void {
    const inherited = rootCtx?.runnable;
    if (typeof inherited !== "function" || Object.hasOwn(rootCtx, "runnable")) return;
    rootCtx.runnable = function (this: unknown, ...args: unknown[]) {
        if (args.length > 0 && args[0]) onRunnable(args[0] as RunnableLike);
        return inherited.apply(this, args);
    };
}

/** A mocha test, as far as `reportInTest` reads and replaces it. */
interface TestLike extends RunnableLike {
    fn?: (this: unknown, ...args: unknown[]) => unknown;
    readonly async?: unknown;
}

const WRAPPED = Symbol("contractEveryGraph.wrapped");
const BEFORE_HOOK = /"before (all|each)" hook/;

/** The origins a test answers for: itself and the `before`/`beforeEach` hooks of its file, which ran for it. */
export function builtFor(test: RunnableLike): (o: GraphOrigin) => boolean {
    const { file, title } = originOf(test);
    return (o) => o.file === file && (o.title === title || BEFORE_HOOK.test(o.title));
}

/**
 * Make the test itself fail, after its body passed, with the findings of the graphs it (or its file's before hooks)
 * built. Not a root `afterEach` that throws: mocha has already reported the test as passed by then, and a failing
 * root hook aborts the rest of the whole run. The body keeps its sync or promise form (so `this.skip()` behaves
 * as before); a test with a `done` callback (the suite has none) is left as is and its findings wait for the end.
 */
function reportInTest(test: TestLike | undefined, take: (test: RunnableLike) => string | undefined): void {
    const body = test?.fn;
    if (!test || typeof body !== "function" || test.async || WRAPPED in body) return;
    const report = () => {
        const failure = take(test);
        if (failure) throw failureError(failure);
    };
    const wrapped = function (this: unknown) {
        const result = body.call(this);
        if (!isThenable(result)) return report();
        return Promise.resolve(result).then(report);
    };
    test.fn = Object.assign(wrapped, { [WRAPPED]: true });
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
    return typeof (x as PromiseLike<unknown> | undefined)?.then === "function";
}

/** The list is the message; a trace into this plugin adds nothing. */
function failureError(failure: string): Error {
    const err = new Error(failure);
    err.stack = `Error: ${failure}`;
    return err;
}

let recorder: Recorder | undefined;
let unsubscribe: (() => void) | undefined;
let current: RunnableLike | undefined;
let spentNs = 0n;

export const mochaHooks = {
    beforeAll(this: Mocha.Context) {
        recorder = createRecorder();
        unsubscribe = onGraphCaptured((graph) => {
            const start = process.hrtime.bigint();
            recorder!.record(graph, originOf(current));
            spentNs += process.hrtime.bigint() - start;
        });
        followRunnables(this, (r) => {
            current = r.file || r.parent?.file ? r : undefined;
        });
    },
    beforeEach(this: Mocha.Context) {
        current = this.currentTest as RunnableLike | undefined;
        reportInTest(this.currentTest as unknown as TestLike | undefined, (test) => recorder?.take(builtFor(test)));
    },
    afterEach() {
        current = undefined;
    },
    afterAll(this: Mocha.Context) {
        unsubscribe?.();
        if (!recorder) return;
        const root = (this.test as unknown as RunnableLike | undefined)?.parent;
        const outcome = recorder.finish({ completeFiles: root ? completeFiles(root) : new Set() });
        const took = recorder.counts.built > 0 ? ` in ${Number(spentNs / 1_000_000n)} ms` : "";
        recorder = undefined;
        console.log(`\n  ${outcome.summary}${took}`);
        if (outcome.failure) throw failureError(outcome.failure);
    },
};
