/**
 * The contract check of every graph the suite builds (test/support/contractCheck.ts) and the harness hook it listens
 * on (`onGraphCaptured` in harness/runProgram.ts). Graphs built here through runProgram are valid, because the
 * installed check rejects invalid ones, except the one test that shows that rejection; the other invalid graphs are
 * hand-made and given to a checker of their own. Child mocha runs show the check in a `--no-config` run
 * (everyGraph.fixture.ts) and find stale allow-list entries (the allow-listed files).
 */
import * as assert from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as resources from "@pulumi/azure-native/resources";
import type { Graph, GraphResource } from "../../harness/graph";
import { GraphCapturedInfo, onGraphCaptured, ProgramError, runProgram } from "../../harness/runProgram";
import { checkGraph, findArmTypesDir, SKIPPED_NO_CONTRACT, type ContractCheckResult } from "../../contract";
import {
    contractListener,
    createChecker,
    graphKey,
    installedChecker,
    originOf,
    staleEntries,
    UNKNOWN_ORIGIN,
    type GraphOrigin,
} from "../support/contractCheck";
import { ALLOW_LIST, type AllowListEntry, BUILDER_SPECS } from "./everyGraph.allowlist";
import { valid } from "./support/validResources";

const PROJECT_ROOT = path.resolve(__dirname, "../..");
const TOPIC_SOURCE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs";
/** A system topic's URN type part, under the stack. */
const TOPIC_TYPE = "pulumi:pulumi:Stack$azure-native:eventgrid:SystemTopic";
const ARM_TYPES = findArmTypesDir();

const validProgram = () => {
    new resources.ResourceGroup("rg", valid.resourceGroup());
};

describe("contract check of every graph: the harness hook", () => {
    it(
        "shows every graph runProgram returns to each listener, " + "with the run's options, until unsubscribed",
        async () => {
            const seen: Array<[Graph, GraphCapturedInfo]> = [];
            const unsubscribe = onGraphCaptured((graph, info) => seen.push([graph, info]));
            const twice = onGraphCaptured((graph, info) => seen.push([graph, info]));
            let graph: Graph;
            try {
                graph = await runProgram({
                    project: "acs-event-handling",
                    stack: "every-graph",
                    program: validProgram,
                });
            } finally {
                unsubscribe();
            }
            assert.strictEqual(seen.length, 2);
            for (const [g, info] of seen) {
                assert.strictEqual(g, graph);
                assert.strictEqual(info.options.stack, "every-graph");
                assert.strictEqual(info.error, undefined);
                assert.match(
                    info.calledFrom ?? "",
                    /test\/contract\/everyGraph\.spec\.ts:\d+:\d+/,
                    "the caller's stack",
                );
            }
            assert.ok(graph.resources.some((r) => r.type === "azure-native:resources:ResourceGroup"));
            twice();
            await runProgram({ project: "acs-event-handling", stack: "every-graph", program: validProgram });
            assert.strictEqual(seen.length, 2, "unsubscribed listeners are not called");
        },
    );

    it("shows the partial graph of a failing program, with the error, before runProgram rejects", async () => {
        const seen: Array<[Graph, GraphCapturedInfo]> = [];
        const unsubscribe = onGraphCaptured((graph, info) => seen.push([graph, info]));
        let err: unknown;
        try {
            await runProgram({
                project: "acs-event-handling",
                stack: "every-graph",
                program: () => {
                    validProgram();
                    throw new Error("fails after one resource");
                },
            });
        } catch (e) {
            err = e;
        } finally {
            unsubscribe();
        }
        assert.ok(err instanceof ProgramError);
        assert.strictEqual(seen.length, 1);
        const [graph, info] = seen[0];
        assert.strictEqual(graph, err.partial);
        assert.strictEqual((info.error as Error).message, "fails after one resource");
        assert.deepStrictEqual(
            graph.resources.filter((r) => r.custom).map((r) => r.name),
            ["rg"],
        );
    });

    it(
        "reaches listeners from a fresh copy of the harness module " + "(runStack evicts this repository's modules)",
        async () => {
            const file = require.resolve("../../harness/runProgram");
            const cached = require.cache[file];
            delete require.cache[file];
            let fresh: typeof import("../../harness/runProgram");
            try {
                fresh = require(file);
            } finally {
                if (cached) require.cache[file] = cached;
            }
            assert.notStrictEqual(fresh.runProgram, runProgram);
            const stacks: string[] = [];
            const unsubscribe = onGraphCaptured((graph) => stacks.push(graph.stack));
            try {
                await fresh.runProgram({ project: "acs-event-handling", stack: "fresh-copy", program: validProgram });
            } finally {
                unsubscribe();
            }
            assert.deepStrictEqual(stacks, ["fresh-copy"]);
        },
    );
});

// ---- checker: hand-made graphs, so that invalid ones never reach the installed check ----

const STACK_URN = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
function resource(type: string, name: string, inputs: Record<string, unknown>, custom = true): GraphResource {
    return {
        urn: `urn:pulumi:s::p::pulumi:pulumi:Stack$${type}::${name}`,
        type,
        name,
        custom,
        parent: STACK_URN,
        dependencies: [],
        propertyDependencies: {},
        inputs,
        outputs: { ...inputs, id: `/id/${name}` },
        secretPaths: [],
        protect: false,
        ignoreChanges: [],
        additionalSecretOutputs: [],
    };
}
const graphOf = (...rs: GraphResource[]): Graph => ({ project: "p", stack: "s", resources: rs, stackOutputs: {} });
const topic = (systemTopicName: string) =>
    resource("azure-native:eventgrid:SystemTopic", "topic", {
        resourceGroupName: "rg",
        systemTopicName,
        location: "global",
        topicType: "Microsoft.Communication.CommunicationServices",
        source: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs",
    });
const A: GraphOrigin = { file: "test/a.spec.ts", at: "test/a.spec.ts:10:5" };
const B: GraphOrigin = { file: "test/b.spec.ts", at: "test/b.spec.ts:20:9" };
const C: GraphOrigin = { file: "test/c.spec.ts", at: "test/c.spec.ts:30:7" };
const HEAD = (n: number, o: GraphOrigin) =>
    `contract check of every graph: ${n} finding(s) in the graph built at ${o.at} (fix the component or fixture, ` +
    "or allow-list a deliberately invalid fixture in test/contract/everyGraph.allowlist.ts with its reason):";

/** A check that reports every resource named `bad*` and counts its calls. */
function fakeCheck() {
    const calls: Graph[] = [];
    const check = (graph: Graph): ContractCheckResult => {
        calls.push(graph);
        const bad = graph.resources.filter((r) => r.name.startsWith("bad"));
        return {
            checked: graph.resources.length,
            violations: bad.map((r) => ({ resource: r.urn, path: "$.name", message: `bad name '${r.name}'` })),
            uncovered: [],
        };
    };
    return { calls, check };
}

describe("contract check of every graph: the checker", () => {
    it("checks identical graphs once and keys only on the azure-native resources' urn, type, name and inputs", () => {
        const { calls, check } = fakeCheck();
        const c = createChecker({ armTypesDir: PROJECT_ROOT, allowList: [], check });
        const component = resource("acs-event-handling:index:Thing", "thing", { a: 1 }, false);
        assert.strictEqual(c.check(graphOf(topic("acs-topic"), component), A), undefined);
        c.check(graphOf(topic("acs-topic"), { ...component, inputs: { a: 2 } }), B);
        c.check(graphOf({ ...topic("acs-topic"), outputs: { other: true } }), C);
        assert.deepStrictEqual(c.counts, { built: 3, distinct: 1 });
        assert.strictEqual(calls.length, 1);
        c.check(graphOf(topic("acs-topic-2")), A);
        c.check(graphOf({ ...topic("acs-topic"), name: "topic-renamed" }), A);
        assert.deepStrictEqual(c.counts, { built: 5, distinct: 3 });
        assert.strictEqual(graphKey(graphOf(topic("x"))), graphKey(graphOf(topic("x"))));
        assert.notStrictEqual(graphKey(graphOf(topic("x"))), graphKey(graphOf(topic("y"))));
    });

    it("gives the builder its findings as `<resource> <json path>: <message>` and where it built them", () => {
        const { calls, check } = fakeCheck();
        const c = createChecker({ armTypesDir: PROJECT_ROOT, allowList: [], check });
        const bad = resource("azure-native:eventgrid:SystemTopic", "bad-topic", {});
        assert.strictEqual(c.check(graphOf(bad), A), `${HEAD(1, A)}\n  ${bad.urn} $.name: bad name 'bad-topic'`);
        assert.strictEqual(
            c.check(graphOf(bad), B),
            `${HEAD(1, B)}\n  ${bad.urn} $.name: bad name 'bad-topic'`,
            "the second test that builds the same graph fails too",
        );
        assert.strictEqual(calls.length, 1, "without a second check");
        assert.strictEqual(
            c.check(graphOf(resource("azure-native:eventgrid:SystemTopic", "good", {})), C),
            undefined,
            "a valid graph has no finding",
        );
        assert.deepStrictEqual(c.counts, { built: 3, distinct: 2 });
    });

    it("reports uncovered azure-native types and a check that throws", () => {
        const c = createChecker({
            armTypesDir: PROJECT_ROOT,
            allowList: [],
            check: (g) => {
                if (g.stack === "throws") throw new Error("boom");
                return { checked: 0, violations: [], uncovered: ["azure-native:foo:Bar"] };
            },
        });
        assert.strictEqual(
            c.check(graphOf(resource("azure-native:foo:Bar", "bar", {})), A),
            `${HEAD(1, A)}\n  azure-native:foo:Bar $: azure-native type with no row in contract/resourceTable.ts ` +
                "(nor contract/dataPlane.ts): not checked",
        );
        const threw = c.check({ ...graphOf(resource("azure-native:foo:Baz", "baz", {})), stack: "throws" }, C) ?? "";
        assert.match(threw, /\n {2}\(graph\) \$: checkGraph threw: Error: boom/);
    });

    it("allows findings of allow-listed files by resource and finding pattern only, and marks the entries used", () => {
        const { check } = fakeCheck();
        const entry = {
            file: A.file,
            resource: /::bad-fixture$/,
            finding: /^\$\.name: bad name/,
            reason: "on purpose",
        };
        const unused = { file: A.file, resource: /::bad-other$/, reason: "deliberately bad, elsewhere" };
        const c = createChecker({ armTypesDir: PROJECT_ROOT, allowList: [entry, unused], check });
        const both = graphOf(
            resource("azure-native:eventgrid:SystemTopic", "bad-fixture", {}),
            resource("azure-native:eventgrid:SystemTopic", "bad-valid-fixture", {}),
        );
        assert.strictEqual(
            c.check(both, A),
            `${HEAD(1, A)}\n  urn:pulumi:s::p::pulumi:pulumi:Stack$azure-native:eventgrid:SystemTopic::` +
                "bad-valid-fixture " +
                "$.name: bad name 'bad-valid-fixture'",
            "a valid fixture of an allow-listed file is still checked",
        );
        const alone = graphOf(resource("azure-native:eventgrid:SystemTopic", "bad-fixture", {}));
        assert.strictEqual(c.check(alone, A), undefined, "an allowed finding does not fail its file");
        assert.match(c.check(alone, B) ?? "", /::bad-fixture \$\.name: bad name 'bad-fixture'$/, "another file fails");
        assert.deepStrictEqual([...c.used], [entry]);
    });

    it("reports an allow-list entry that matched nothing as stale, but only when its whole file ran", () => {
        const { check } = fakeCheck();
        const allowList = [
            { file: A.file, resource: /::bad-gone$/, reason: "was deliberately bad" },
            { file: A.file, resource: /::bad-fixture$/, reason: "deliberately bad" },
        ];
        const c = createChecker({ armTypesDir: PROJECT_ROOT, allowList, check });
        c.check(graphOf(resource("azure-native:eventgrid:SystemTopic", "bad-fixture", {})), A);
        assert.strictEqual(
            staleEntries(allowList, c.used, new Set([A.file])),
            "contract check of every graph: 1 stale allow-list entries:\n" +
                "  stale allow-list entry in test/contract/everyGraph.allowlist.ts: test/a.spec.ts resource " +
                "/::bad-gone$/ matched no finding although the whole file ran; remove or narrow it",
        );
        assert.strictEqual(staleEntries(allowList, c.used, new Set([B.file])), undefined, "file A did not run");
    });

    it("checks nothing and logs the skip reason once when the contract files are absent", () => {
        const { calls, check } = fakeCheck();
        const c = createChecker({ armTypesDir: path.join(PROJECT_ROOT, "no-such-arm-types"), allowList: [], check });
        assert.strictEqual(c.skipped, SKIPPED_NO_CONTRACT);
        const logged: string[] = [];
        const listener = contractListener(c, (line) => logged.push(line));
        const bad = graphOf(resource("azure-native:eventgrid:SystemTopic", "bad", {}));
        listener(bad, { options: { project: "p", stack: "s", program: () => {} } });
        listener(bad, { options: { project: "p", stack: "s", program: () => {} } });
        assert.deepStrictEqual(logged, [`\n  contract check of every graph: ${SKIPPED_NO_CONTRACT}\n`]);
        assert.strictEqual(calls.length, 0);
        assert.deepStrictEqual(c.counts, { built: 0, distinct: 0 });
    });

    it("throws the findings from the listener, naming the spec file and line that led to runProgram", () => {
        const { check } = fakeCheck();
        const c = createChecker({ armTypesDir: PROJECT_ROOT, allowList: [], check });
        const listener = contractListener(c, () => assert.fail("nothing to log"));
        const calledFrom = [
            "Error: runProgram called",
            `    at runProgram (${PROJECT_ROOT}/harness/runProgram.ts:1:1)`,
            `    at async Context.<anonymous> (${PROJECT_ROOT}/test/x/y.spec.ts:12:34)`,
        ].join("\n");
        const bad = graphOf(resource("azure-native:eventgrid:SystemTopic", "bad", {}));
        assert.throws(
            () => listener(bad, { options: { project: "p", stack: "s", program: () => {} }, calledFrom }),
            (err: Error) =>
                err.name === "ContractCheckError" &&
                err.stack === `ContractCheckError: ${err.message}` &&
                err.message.startsWith(HEAD(1, { file: "test/x/y.spec.ts", at: "test/x/y.spec.ts:12:34" })),
        );
    });

    (ARM_TYPES ? it : it.skip)("renders real checkGraph findings in the same form", () => {
        const c = createChecker({ armTypesDir: ARM_TYPES, allowList: [] });
        const failure = c.check(graphOf(topic("t")), A);
        const result = checkGraph(graphOf(topic("t")), { armTypesDir: ARM_TYPES });
        assert.strictEqual(result.violations.length, 1);
        const [v] = result.violations;
        assert.strictEqual(failure, `${HEAD(1, A)}\n  ${v.resource} ${v.path}: ${v.message}`);
    });
});

describe("contract check of every graph: who built a graph", () => {
    it("names the first spec (or child-run fixture) file of the project in the caller's stack, and its lines", () => {
        const stack = [
            "Error: runProgram called",
            `    at runProgram (${PROJECT_ROOT}/harness/runProgram.ts:100:20)`,
            `    at runComponents (${PROJECT_ROOT}/test/support/program.ts:6:12)`,
            `    at Object.<anonymous> (${PROJECT_ROOT}/node_modules/x/y.spec.ts:1:1)`,
            `    at Context.<anonymous> (${PROJECT_ROOT}/test/x/y.spec.ts:12:34)`,
            `    at ${PROJECT_ROOT}/test/z.spec.ts:1:2`,
            `    at async Context.<anonymous> (${PROJECT_ROOT}/test/x/y.spec.ts:40:9)`,
        ].join("\n");
        assert.deepStrictEqual(originOf(stack), {
            file: "test/x/y.spec.ts",
            at: "test/x/y.spec.ts:12:34 (called from line 40)",
        });
        assert.deepStrictEqual(originOf(`    at async ${PROJECT_ROOT}/test/contract/e.fixture.ts:3:4`), {
            file: "test/contract/e.fixture.ts",
            at: "test/contract/e.fixture.ts:3:4",
        });
        assert.deepStrictEqual(
            originOf(`    at f (${path.resolve(PROJECT_ROOT, "..")}/other/a.spec.ts:1:1)`),
            UNKNOWN_ORIGIN,
        );
        assert.deepStrictEqual(originOf(undefined), UNKNOWN_ORIGIN);
    });

    it("names the shared policy fixtures' builder, not the spec that happened to ask first", () => {
        const stack = [
            `    at fixture (${PROJECT_ROOT}/test/policy/support/findings.ts:20:5)`,
            `    at baseline (${PROJECT_ROOT}/test/policy/support/fixtures.ts:33:25)`,
            `    at Context.<anonymous> (${PROJECT_ROOT}/test/policy/rules/a/b.spec.ts:7:1)`,
        ].join("\n");
        assert.deepStrictEqual(originOf(stack), {
            file: "test/policy/support/fixtures.ts",
            at: "test/policy/support/fixtures.ts:33:25",
        });
    });
});

const IMPORTS = new Map<string, string[]>();

/** Relative modules a TypeScript file imports (static, side-effect, `import()`, `require()`), resolved. */
function importsOf(file: string): string[] {
    let found = IMPORTS.get(file);
    if (!found) IMPORTS.set(file, (found = readImports(file)));
    return found;
}

function readImports(file: string): string[] {
    const source = fs.readFileSync(file, "utf8");
    const statement = String.raw`\bimport\s*(?:([^"'();]*?)\s*from\s*)?|\bexport\s*[^"'();]*?\s*from\s*`;
    const call = String.raw`\b(?:import|require)\s*\(\s*`;
    const re = new RegExp(String.raw`(?:${statement}|${call})["'](\.{1,2}\/[^"']*)["']`, "g");
    return [...source.matchAll(re)].flatMap((m) => {
        // Importing PROJECT_ROOT alone (a path constant) builds no graph; do not follow it into the harness.
        if (m[1] && /^\{\s*PROJECT_ROOT\s*\}$/.test(m[1].trim())) return [];
        const base = path.resolve(path.dirname(file), m[2]);
        const hit = [base, `${base}.ts`, path.join(base, "index.ts")].find(
            (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
        );
        return hit ? [hit] : [];
    });
}

function reaches(file: string, target: string): boolean {
    const seen = new Set<string>();
    const todo = [file];
    while (todo.length > 0) {
        const f = todo.pop()!;
        if (f === target) return true;
        if (seen.has(f)) continue;
        seen.add(f);
        todo.push(...importsOf(f));
    }
    return false;
}

function specFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : specFiles(p);
        return e.name.endsWith(".spec.ts") ? [p] : [];
    });
}

describe("contract check of every graph: installed wherever graphs are built", () => {
    it("is imported by every spec that can build a graph (reaches harness/runProgram.ts)", () => {
        const runProgramFile = path.join(PROJECT_ROOT, "harness/runProgram.ts");
        const check = path.join(PROJECT_ROOT, "test/support/contractCheck.ts");
        const specs = [
            ...specFiles(path.join(PROJECT_ROOT, "test")),
            ...specFiles(path.join(PROJECT_ROOT, "functions/test")),
        ];
        const builders = specs.filter((f) => reaches(f, runProgramFile));
        assert.ok(builders.length > 20, `found only ${builders.length} specs that build graphs`);
        const missing = builders.filter((f) => !reaches(f, check)).map((f) => path.relative(PROJECT_ROOT, f));
        assert.deepStrictEqual(missing, [], 'add `import "../support/contractCheck";` (path relative to the spec)');
    });

    it("rejects runProgram in the test that built a bad graph, naming resource, path, line", async function () {
        if (!ARM_TYPES) this.skip();
        const before = installedChecker().counts;
        const bad = () =>
            runProgram({
                project: "acs-event-handling",
                stack: "every-graph",
                program: () => {
                    new eventgrid.SystemTopic("short-name", {
                        resourceGroupName: "rg",
                        systemTopicName: "t",
                        location: "global",
                        topicType: "Microsoft.Communication.CommunicationServices",
                        source: TOPIC_SOURCE,
                    });
                },
            });
        const urn = `urn:pulumi:every-graph::acs-event-handling::${TOPIC_TYPE}::short-name`;
        for (let i = 0; i < 2; i++) {
            await assert.rejects(bad(), (err: Error) => {
                assert.strictEqual(err.name, "ContractCheckError");
                const built = "contract check of every graph: 1 finding(s) in the graph built at ";
                assert.ok(err.message.startsWith(`${built}test/contract/everyGraph.spec.ts:`), err.message);
                assert.ok(err.message.includes(`\n  ${urn} $.name: `), err.message);
                return true;
            });
        }
        const after = installedChecker().counts;
        assert.deepStrictEqual(
            [after.built - before.built, after.distinct - before.distinct],
            [2, 1],
            "the second build is not checked again",
        );
    });
});

describe("contract check of every graph: the allow-list", () => {
    it("every allow-list entry names an existing spec file (or a listed builder) and gives a reason", () => {
        const exists = (f: string) => fs.existsSync(path.join(PROJECT_ROOT, f));
        for (const [builder, specs] of Object.entries(BUILDER_SPECS))
            assert.ok(exists(builder) && specs.every((f) => exists(f) && f.endsWith(".spec.ts")), builder);
        for (const e of ALLOW_LIST) {
            assert.ok(exists(e.file) && (e.file.endsWith(".spec.ts") || e.file in BUILDER_SPECS), e.file);
            assert.ok(e.reason.length > 10, `${e.file}: give the reason`);
            assert.ok(e.resource || e.finding, `${e.file}: narrow the entry to a resource or a finding`);
        }
    });

    // A child mocha over the allow-listed files costs about half a minute of CPU, a third of the suite's budget
    // (issue 14): `npm run test:allowlist` runs it (CI does, after `npm test`); `npm test` lists it as pending.
    const audit = process.env.CONTRACT_ALLOWLIST_AUDIT === "1" ? it : it.skip;
    audit(
        "has no stale entry: each allows a finding when its file's before hooks build (npm run test:allowlist)",
        function () {
            if (!ARM_TYPES) this.skip();
            this.timeout(600000);
            const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acs-allowlist-")), "used.txt");
            fs.writeFileSync(log, "");
            const files = [...new Set(ALLOW_LIST.map((e) => e.file))];
            const specs = [...new Set(files.flatMap((f) => BUILDER_SPECS[f] ?? [f]))];
            const probe = ["-r", "./test/contract/support/allowListProbe.ts", ...specs];
            const r = childMocha(probe, { CONTRACT_ALLOWLIST_USED: log }, 600000);
            assert.strictEqual(r.status, 0, `the allow-listed files' hooks must pass:\n${r.stdout}${r.stderr}`);
            const used = new Set<AllowListEntry>(
                fs
                    .readFileSync(log, "utf8")
                    .split("\n")
                    .filter(Boolean)
                    .map((i) => ALLOW_LIST[Number(i)]),
            );
            fs.rmSync(path.dirname(log), { recursive: true, force: true });
            assert.strictEqual(staleEntries(ALLOW_LIST, used, new Set(files)), undefined);
        },
    );
});

/** Mocha in a child process, as a subset run does it: no .mocharc.json, so no root hook of any kind. */
function childMocha(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 60000) {
    return spawnSync(
        process.execPath,
        [
            path.join(PROJECT_ROOT, "node_modules/mocha/bin/mocha.js"),
            "--no-config",
            // Plain text whatever the environment: with CI set, mocha colours even a piped reporter.
            "--no-color",
            "-r",
            "tsx/cjs",
            "--timeout",
            String(timeoutMs),
            ...args,
        ],
        { cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, ...env } },
    );
}

describe("contract check of every graph: end to end", () => {
    it("in a --no-config child mocha, fails the test or hook that built a bad graph, and the run goes on", function () {
        this.timeout(60000);
        const r = childMocha(["test/contract/everyGraph.fixture.ts"]);
        const out = r.stdout;
        if (!ARM_TYPES) {
            assert.strictEqual(r.status, 0, out + r.stderr);
            assert.ok(out.includes(`\n  contract check of every graph: ${SKIPPED_NO_CONTRACT}\n`), out);
            return;
        }
        assert.strictEqual(r.status, 3, out + r.stderr);
        assert.match(out, /\n {6}✔ builds a valid graph twice/, "the run goes on after a failure");
        assert.match(out, /\n {2}1 passing \(\d+m?s\)\n {2}3 failing\n/);
        const [, inHook, inTest, afterHook] = out.slice(out.indexOf("  1 passing")).split(/\n {2}[123]\) /);
        const urn = (name: string) => `urn:pulumi:every-graph-fixture::acs-event-handling::${TOPIC_TYPE}::${name}`;
        const finding = (name: string, got: string) =>
            new RegExp(
                "contract check of every graph: 1 finding\\(s\\) in the graph built at " +
                    `test/contract/everyGraph\\.fixture\\.ts:\\d+:\\d+ [^\n]*\n {2}${escape(urn(name))} ` +
                    `\\$\\.name: [^\n]*\\(got '${got}'\\)`,
            );
        assert.match(inHook, /^every-graph fixture\n {7}a bad graph in a before hook\n {9}"before all" hook/);
        assert.match(inHook, finding("hook-topic", "t"));
        assert.match(inTest, /^every-graph fixture\n {7}tests\n {9}builds a failing program's partial graph:\n/);
        assert.match(inTest, finding("partial-topic", "p"));
        assert.match(afterHook, /^every-graph fixture\n {7}tests\n {9}"after all" hook/);
        assert.match(afterHook, finding("after-topic", "a"));
        assert.doesNotMatch(out, /::rg /, "the valid graph has no finding");
    });
});

function escape(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
