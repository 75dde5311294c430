/**
 * The contract-every-graph plugin (test/support/contractEveryGraph.ts) and the harness hook it listens on
 * (`onGraphCaptured` in harness/runProgram.ts). Graphs built here through runProgram are valid, because the plugin
 * checks them too when the suite runs; the invalid ones are hand-made graphs given to a recorder of its own, and the
 * end-to-end run uses everyGraph.fixture.ts in a child mocha.
 */
import * as assert from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as resources from "@pulumi/azure-native/resources";
import type { Graph, GraphResource } from "../../harness/graph";
import { GraphCapturedInfo, onGraphCaptured, ProgramError, runProgram } from "../../harness/runProgram";
import { checkGraph, findArmTypesDir, SKIPPED_NO_CONTRACT, type ContractCheckResult } from "../../contract";
import {
    builtFor,
    completeFiles,
    createRecorder,
    graphKey,
    originOf,
    OUTSIDE_ANY_TEST,
    type GraphOrigin,
} from "../support/contractEveryGraph";
import { ALLOW_LIST } from "./everyGraph.allowlist";
import { valid } from "./support/validResources";

const PROJECT_ROOT = path.resolve(__dirname, "../..");
const ARM_TYPES = findArmTypesDir();

const validProgram = () => {
    new resources.ResourceGroup("rg", valid.resourceGroup());
};

describe("contract check of every graph: the harness hook", () => {
    it("shows every graph runProgram returns to each listener, with the run's options, until unsubscribed", async () => {
        const seen: Array<[Graph, GraphCapturedInfo]> = [];
        const unsubscribe = onGraphCaptured((graph, info) => seen.push([graph, info]));
        const twice = onGraphCaptured((graph, info) => seen.push([graph, info]));
        let graph: Graph;
        try {
            graph = await runProgram({ project: "acs-event-handling", stack: "every-graph", program: validProgram });
        } finally {
            unsubscribe();
        }
        assert.strictEqual(seen.length, 2);
        for (const [g, info] of seen) {
            assert.strictEqual(g, graph);
            assert.strictEqual(info.options.stack, "every-graph");
            assert.strictEqual(info.error, undefined);
        }
        assert.ok(graph.resources.some((r) => r.type === "azure-native:resources:ResourceGroup"));
        twice();
        await runProgram({ project: "acs-event-handling", stack: "every-graph", program: validProgram });
        assert.strictEqual(seen.length, 2, "unsubscribed listeners are not called");
    });

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

    it("reaches listeners from a fresh copy of the harness module (runStack evicts this repository's modules)", async () => {
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
    });
});

// ---- recorder: hand-made graphs, so that invalid ones never reach the suite-wide plugin ----

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
const A: GraphOrigin = { file: "test/a.spec.ts", title: "suite a builds" };
const B: GraphOrigin = { file: "test/b.spec.ts", title: 'suite b "before all" hook in "suite b"' };
const C: GraphOrigin = { file: "test/c.spec.ts", title: "suite c builds" };
const ALL_RAN = { completeFiles: new Set([A.file, B.file, C.file]) };

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

describe("contract check of every graph: the recorder", () => {
    it("checks identical graphs once and keys only on the azure-native resources' urn, type, name and inputs", () => {
        const { calls, check } = fakeCheck();
        const r = createRecorder({ armTypesDir: PROJECT_ROOT, allowList: [], check });
        const component = resource("acs-event-handling:index:Thing", "thing", { a: 1 }, false);
        r.record(graphOf(topic("acs-topic"), component), A);
        r.record(graphOf(topic("acs-topic"), { ...component, inputs: { a: 2 } }), B);
        r.record(graphOf({ ...topic("acs-topic"), outputs: { other: true } }), C);
        assert.deepStrictEqual(r.counts, { built: 3, distinct: 1 });
        assert.strictEqual(calls.length, 1);
        r.record(graphOf(topic("acs-topic-2")), A);
        r.record(graphOf({ ...topic("acs-topic"), name: "topic-renamed" }), A);
        assert.deepStrictEqual(r.counts, { built: 5, distinct: 3 });
        assert.strictEqual(graphKey(graphOf(topic("x"))), graphKey(graphOf(topic("x"))));
        assert.notStrictEqual(graphKey(graphOf(topic("x"))), graphKey(graphOf(topic("y"))));
        assert.strictEqual(r.finish(ALL_RAN).failure, undefined);
    });

    it("hands the building test its findings as `<resource> <json path>: <message>` and who built it, once", () => {
        const { calls, check } = fakeCheck();
        const r = createRecorder({ armTypesDir: PROJECT_ROOT, allowList: [], check });
        const bad = resource("azure-native:eventgrid:SystemTopic", "bad-topic", {});
        const forFile = (o: GraphOrigin) => (x: GraphOrigin) => x.file === o.file;
        r.record(graphOf(bad), A);
        assert.strictEqual(
            r.take(forFile(A)),
            "contract check of every graph: 1 finding(s) in graphs this test or its before hooks built (fix the component or fixture, or allow-list a deliberately invalid fixture in test/contract/everyGraph.allowlist.ts with its reason):\n" +
                `  ${bad.urn} $.name: bad name 'bad-topic'\n` +
                "    built by test/a.spec.ts: suite a builds",
        );
        assert.strictEqual(r.take(forFile(A)), undefined, "a finding is handed over once");
        r.record(graphOf(bad), B);
        assert.match(
            r.take(forFile(B)) ?? "",
            /\n {4}built by test\/b\.spec\.ts: suite b "before all" hook in "suite b"$/,
        );
        assert.strictEqual(
            calls.length,
            1,
            "the second test that builds the same graph fails too, without a second check",
        );
        r.record(graphOf(resource("azure-native:eventgrid:SystemTopic", "good", {})), C);
        assert.strictEqual(r.take(forFile(C)), undefined, "a valid graph has nothing to hand over");
        assert.deepStrictEqual(r.finish(ALL_RAN), {
            summary:
                "contract check of every graph: 3 graphs built, 2 distinct checked, 2 resources checked, 0 findings allow-listed (0 files), 1 failing",
        });
    });

    it("fails at the end with what no test took, with every origin that built it, and prints one summary line", () => {
        const { check } = fakeCheck();
        const r = createRecorder({ armTypesDir: PROJECT_ROOT, allowList: [], check });
        const bad = resource("azure-native:eventgrid:SystemTopic", "bad-topic", {});
        r.record(graphOf(bad), A);
        r.record(graphOf(bad), B);
        r.record(graphOf(bad), A);
        r.record(graphOf(resource("azure-native:eventgrid:SystemTopic", "good", {})), C);
        assert.strictEqual(
            r.take((o) => o.file === C.file),
            undefined,
            "another file's findings are not taken",
        );
        const outcome = r.finish(ALL_RAN);
        assert.strictEqual(
            outcome.summary,
            "contract check of every graph: 4 graphs built, 2 distinct checked, 2 resources checked, 0 findings allow-listed (0 files), 1 failing",
        );
        assert.strictEqual(
            outcome.failure,
            "contract check of every graph: 1 finding(s) left for the end of the run (built in after hooks, outside tests or by a test that failed on its own; or stale) (fix the component or fixture, or allow-list a deliberately invalid fixture in test/contract/everyGraph.allowlist.ts with its reason):\n" +
                `  ${bad.urn} $.name: bad name 'bad-topic'\n` +
                `    built by test/a.spec.ts: suite a builds (and 1 more: test/b.spec.ts: suite b "before all" hook in "suite b")`,
        );
    });

    it("reports uncovered azure-native types and a check that throws", () => {
        const r = createRecorder({
            armTypesDir: PROJECT_ROOT,
            allowList: [],
            check: (g) => {
                if (g.stack === "throws") throw new Error("boom");
                return { checked: 0, violations: [], uncovered: ["azure-native:foo:Bar"] };
            },
        });
        r.record(graphOf(resource("azure-native:foo:Bar", "bar", {})), A);
        r.record({ ...graphOf(resource("azure-native:foo:Baz", "baz", {})), stack: "throws" }, C);
        const failure = r.finish(ALL_RAN).failure ?? "";
        assert.match(
            failure,
            /\n {2}azure-native:foo:Bar \$: azure-native type with no row in contract\/resourceTable\.ts .*\n {4}built by test\/a\.spec\.ts: suite a builds/,
        );
        assert.match(failure, /\n {2}\(graph\) \$: checkGraph threw: Error: boom/);
    });

    it("allows findings of allow-listed files by resource and finding pattern only, and still counts them", () => {
        const { check } = fakeCheck();
        const allowList = [
            { file: A.file, resource: /::bad-fixture$/, finding: /^\$\.name: bad name/, reason: "deliberately bad" },
        ];
        const r = createRecorder({ armTypesDir: PROJECT_ROOT, allowList, check });
        r.record(
            graphOf(
                resource("azure-native:eventgrid:SystemTopic", "bad-fixture", {}),
                resource("azure-native:eventgrid:SystemTopic", "bad-valid-fixture", {}),
            ),
            A,
        );
        r.record(graphOf(resource("azure-native:eventgrid:SystemTopic", "bad-fixture", {})), B);
        const outcome = r.finish(ALL_RAN);
        assert.match(outcome.summary, /, 1 findings allow-listed \(1 files\), 2 failing$/);
        const lines = (outcome.failure ?? "").split("\n").slice(1);
        assert.deepStrictEqual(lines, [
            "  urn:pulumi:s::p::pulumi:pulumi:Stack$azure-native:eventgrid:SystemTopic::bad-valid-fixture $.name: bad name 'bad-valid-fixture'",
            "    built by test/a.spec.ts: suite a builds",
            "  urn:pulumi:s::p::pulumi:pulumi:Stack$azure-native:eventgrid:SystemTopic::bad-fixture $.name: bad name 'bad-fixture'",
            `    built by ${B.file}: ${B.title}`,
        ]);
    });

    it("does not hand a test a finding its file is allowed to build", () => {
        const { check } = fakeCheck();
        const allowList = [{ file: A.file, resource: /::bad-fixture$/, reason: "deliberately bad" }];
        const r = createRecorder({ armTypesDir: PROJECT_ROOT, allowList, check });
        r.record(graphOf(resource("azure-native:eventgrid:SystemTopic", "bad-fixture", {})), A);
        assert.strictEqual(
            r.take(() => true),
            undefined,
        );
        assert.deepStrictEqual(r.finish(ALL_RAN).failure, undefined, "used, so not stale");
    });

    it("fails on an allow-list entry that matched nothing, but only when its whole file ran", () => {
        const { check } = fakeCheck();
        const allowList = [{ file: A.file, resource: /::bad-gone$/, reason: "was deliberately bad" }];
        const stale = createRecorder({ armTypesDir: PROJECT_ROOT, allowList, check });
        stale.record(graphOf(resource("azure-native:eventgrid:SystemTopic", "fixed", {})), A);
        assert.match(
            stale.finish(ALL_RAN).failure ?? "",
            /\n {2}stale allow-list entry in test\/contract\/everyGraph\.allowlist\.ts: test\/a\.spec\.ts resource \/::bad-gone\$\/ matched no finding although the whole file ran/,
        );
        const partial = createRecorder({ armTypesDir: PROJECT_ROOT, allowList, check });
        partial.record(graphOf(resource("azure-native:eventgrid:SystemTopic", "fixed", {})), A);
        assert.strictEqual(partial.finish({ completeFiles: new Set([B.file]) }).failure, undefined);
    });

    it("records nothing and prints the skip reason when the contract files are absent", () => {
        const { calls, check } = fakeCheck();
        const r = createRecorder({ armTypesDir: path.join(PROJECT_ROOT, "no-such-arm-types"), allowList: [], check });
        r.record(graphOf(resource("azure-native:eventgrid:SystemTopic", "bad", {})), A);
        assert.deepStrictEqual(r.finish(ALL_RAN), { summary: `contract check of every graph: ${SKIPPED_NO_CONTRACT}` });
        assert.strictEqual(calls.length, 0);
    });

    (ARM_TYPES ? it : it.skip)("renders real checkGraph findings in the same form", () => {
        const r = createRecorder({ armTypesDir: ARM_TYPES, allowList: [] });
        r.record(graphOf(topic("t")), A);
        const result = checkGraph(graphOf(topic("t")), { armTypesDir: ARM_TYPES });
        assert.strictEqual(result.violations.length, 1);
        const [v] = result.violations;
        assert.match(
            r.finish(ALL_RAN).failure ?? "",
            new RegExp(
                `\n  ${escape(`${v.resource} ${v.path}: ${v.message}`)}\n    built by test/a\\.spec\\.ts: suite a builds$`,
            ),
        );
    });
});

describe("contract check of every graph: who built a graph", () => {
    it("names a test or hook by its file relative to the project root and its full title", () => {
        const hook = {
            file: path.join(PROJECT_ROOT, "test/x/y.spec.ts"),
            fullTitle: () => 'y "before all" hook in "y"',
        };
        assert.deepStrictEqual(originOf(hook), { file: "test/x/y.spec.ts", title: 'y "before all" hook in "y"' });
        const inherited = {
            parent: { file: path.join(PROJECT_ROOT, "test/z.spec.ts"), suites: [], tests: [] },
            fullTitle: () => "z t",
        };
        assert.deepStrictEqual(originOf(inherited), { file: "test/z.spec.ts", title: "z t" });
        assert.deepStrictEqual(originOf(undefined), OUTSIDE_ANY_TEST);
        assert.deepStrictEqual(originOf({ fullTitle: () => "root hook" }), OUTSIDE_ANY_TEST);
    });

    it("hands a test the findings of its own graphs and its file's before hooks, not after hooks' or others'", () => {
        const mine = builtFor({ file: path.join(PROJECT_ROOT, "test/x.spec.ts"), fullTitle: () => "x t1" });
        assert.ok(mine({ file: "test/x.spec.ts", title: "x t1" }));
        assert.ok(mine({ file: "test/x.spec.ts", title: 'x "before all" hook for "t1"' }));
        assert.ok(mine({ file: "test/x.spec.ts", title: 'x "before each" hook: setup for "t1"' }));
        assert.ok(!mine({ file: "test/x.spec.ts", title: "x t2" }));
        assert.ok(!mine({ file: "test/x.spec.ts", title: 'x "after all" hook for "t1"' }));
        assert.ok(!mine({ file: "test/y.spec.ts", title: "x t1" }));
        assert.ok(!mine(OUTSIDE_ANY_TEST));
    });

    it("counts a file as complete only when every one of its tests ran or is pending", () => {
        const f = (name: string) => path.join(PROJECT_ROOT, name);
        const root = {
            suites: [
                {
                    suites: [],
                    tests: [
                        { file: f("test/done.spec.ts"), state: "passed" },
                        { file: f("test/done.spec.ts"), state: "failed" },
                        { file: f("test/done.spec.ts"), pending: true },
                    ],
                },
                {
                    suites: [{ suites: [], tests: [{ file: f("test/half.spec.ts") }] }],
                    tests: [{ file: f("test/half.spec.ts"), state: "passed" }],
                },
            ],
            tests: [],
        };
        assert.deepStrictEqual([...completeFiles(root)], ["test/done.spec.ts"]);
    });

    it("every allow-list entry names an existing spec file and gives a reason", () => {
        for (const e of ALLOW_LIST) {
            assert.ok(
                require("node:fs").existsSync(path.join(PROJECT_ROOT, e.file)) && e.file.endsWith(".spec.ts"),
                e.file,
            );
            assert.ok(e.reason.length > 10, `${e.file}: give the reason`);
            assert.ok(e.resource || e.finding, `${e.file}: narrow the entry to a resource or a finding`);
        }
    });

    it("end to end in a child mocha: fails the test that built a bad graph (its before hook's too), after hooks' at the end", function () {
        this.timeout(60000);
        const r = spawnSync(
            process.execPath,
            [
                path.join(PROJECT_ROOT, "node_modules/mocha/bin/mocha.js"),
                "--no-config",
                // Plain text whatever the environment: with CI set, mocha colours even a piped reporter.
                "--no-color",
                "-r",
                "tsx/cjs",
                "-r",
                "./test/support/contractEveryGraph.ts",
                "--timeout",
                "60000",
                "test/contract/everyGraph.fixture.ts",
            ],
            { cwd: PROJECT_ROOT, encoding: "utf8" },
        );
        const out = r.stdout;
        if (!ARM_TYPES) {
            assert.strictEqual(r.status, 0, out + r.stderr);
            assert.ok(out.includes(`\n  contract check of every graph: ${SKIPPED_NO_CONTRACT}\n`), out);
            return;
        }
        assert.strictEqual(r.status, 2, out + r.stderr);
        assert.match(
            out,
            /\n {2}contract check of every graph: 5 graphs built, 4 distinct checked, 4 resources checked, 0 findings allow-listed \(0 files\), 3 failing in \d+ ms\n/,
        );
        assert.match(out, /\n {4}✔ builds a valid graph twice/, "the run goes on after a test failed on a finding");
        assert.match(out, /\n {2}1 passing \(\d+m?s\)\n {2}2 failing\n/);
        const [, inTest, atEnd] = out.slice(out.indexOf("  1 passing")).split(/\n {2}[12]\) /);
        assert.match(
            inTest,
            /^every-graph fixture\n {7}builds a failing program's partial graph:\n {5}Error: contract check of every graph: 2 finding\(s\) in graphs this test or its before hooks built /,
        );
        assert.match(
            atEnd,
            /^"after all" hook: afterAll in "\{root\}":\n {5}Error: contract check of every graph: 1 finding\(s\) left for the end of the run /,
        );
        const urn = (name: string) =>
            `urn:pulumi:every-graph-fixture::acs-event-handling::pulumi:pulumi:Stack$azure-native:eventgrid:SystemTopic::${name}`;
        const fixture = "test/contract/everyGraph\\.fixture\\.ts: every-graph fixture";
        const finding = (name: string, got: string, builtBy: string) =>
            new RegExp(
                `\n  ${escape(urn(name))} \\$\\.name: [^\n]*\\(got '${got}'\\)\n    built by ${fixture} ${builtBy}\n`,
            );
        assert.match(
            inTest,
            finding("hook-topic", "t", `"before all" hook for "builds a failing program's partial graph"`),
        );
        assert.match(inTest, finding("partial-topic", "p", "builds a failing program's partial graph"));
        assert.match(atEnd, finding("after-topic", "a", `"after all" hook for "builds a valid graph twice"`));
        assert.doesNotMatch(atEnd, /hook-topic|partial-topic/, "a finding reported by its test is not reported again");
        assert.doesNotMatch(out, /::rg /, "the valid graph has no finding");
    });
});

function escape(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
