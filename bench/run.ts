/**
 * `npm run bench`: every figure of issue 14's table, each as a ratio against its reference measured in the same
 * run, so a loaded or slower machine changes the absolute numbers but not the comparison. Wall time suffers most
 * from other processes on the machine; CPU time (user + system) is printed beside it and is the steadier figure.
 *
 * 1. `npm run plan` (compiled, build/) of dev against the floor: a bare node process that only loads
 *    @pulumi/pulumi and the azure-native submodules we use. Median of BENCH_REPS runs (default 3), interleaved.
 * 2. The plan of a 500-subscription stack (Azure's per-topic maximum) against the same floor, and the cost per
 *    resource: (500-stack − dev) / (their difference in resources).
 * 3. Routing 100,000 events × 500 subscriptions: the indexed router against a naive scan and against
 *    `JSON.parse` of the same events.
 * 4. With BENCH_TESTS=1, the whole test suite's wall time against the 60 s target.
 * BENCH_ONLY=routing runs section 3 alone.
 * Speed is only measured here, never asserted in the unit tests.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as yaml from "js-yaml";
import * as os from "node:os";
import * as path from "node:path";
import { routedSubscriptions } from "../cli/stackRoutes";
import { PROJECT_ROOT, runStack } from "../harness/runStack";
import { flattenConfig } from "../harness/stackConfig";
import { buildRouter, RoutedSubscription, Router } from "../routing";
import { loadSampleEvents } from "../samples";
import { BENCH_TYPES, generateStackConfig, subjectMatching } from "./generateStack";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const SUBSCRIPTIONS = 500;
const SUBMODULES = [
    "communication",
    "eventgrid",
    "storage",
    "servicebus",
    "eventhub",
    "authorization",
    "web",
    "logic",
    "resources",
    "operationalinsights",
    "applicationinsights",
    "monitor",
];
const PLAN_JS = path.join(PROJECT_ROOT, "build", "cli", "plan.js");

/**
 * Sample events (Event Grid schema), cycled. Every other event gets a subject that one subscription of its type
 * matches (round robin over those subscriptions); the rest keep the sample's subject and match nothing, as
 * unrouted traffic does.
 */
function eventStream(n: number, subscriptions: number): unknown[] {
    const samples = loadSampleEvents()
        .filter((s) => !s.file.endsWith(".cloudevents.json"))
        .map((s) => s.event as any);
    const subsOfType = new Map<string, number[]>();
    for (let i = 0; i < subscriptions; i++) {
        const t = BENCH_TYPES[i % BENCH_TYPES.length].type;
        subsOfType.set(t, [...(subsOfType.get(t) ?? []), i]);
    }
    return Array.from({ length: n }, (_, i) => {
        const e = samples[i % samples.length];
        const targets = subsOfType.get(e.eventType) ?? [];
        if (i % 2 === 1 || targets.length === 0 || typeof e.subject !== "string") return e;
        return { ...e, subject: subjectMatching(targets[(i >> 1) % targets.length], e.subject) };
    });
}

function timeRouting(router: Router, events: unknown[]): { ms: number; matches: number } {
    let matches = 0;
    const t = process.hrtime.bigint();
    for (const e of events) matches += router.route(e).matches.length;
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, matches };
}

function timeParse(texts: string[]): number {
    let n = 0;
    const t = process.hrtime.bigint();
    for (const s of texts) n += (JSON.parse(s) as { id?: unknown }).id === undefined ? 0 : 1;
    if (n < 0) throw new Error("unreachable");
    return Number(process.hrtime.bigint() - t) / 1e6;
}

interface Run {
    ms: number;
    cpuMs: number;
    rssMb: number;
    typescript: boolean;
    status: number | null;
}

function measureProcess(args: string[]): Run {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["--require", path.join(__dirname, "peakRss.cjs"), ...args], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        maxBuffer: 512 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const m = /BENCH_MAX_RSS_KB=(\d+) BENCH_CPU_US=(\d+) BENCH_TS=(\d)/.exec(r.stderr ?? "");
    if (r.status !== 0) process.stderr.write(r.stderr.slice(-4000));
    return {
        ms,
        cpuMs: Number(m?.[2] ?? NaN) / 1000,
        rssMb: Number(m?.[1] ?? NaN) / 1024,
        typescript: m?.[3] === "1",
        status: r.status,
    };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function medianRun(runs: Run[]): Run {
    return {
        ms: median(runs.map((r) => r.ms)),
        cpuMs: median(runs.map((r) => r.cpuMs)),
        rssMb: median(runs.map((r) => r.rssMb)),
        typescript: runs.some((r) => r.typescript),
        status: runs.find((r) => r.status !== 0)?.status ?? 0,
    };
}

const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (v: number) => `${v.toFixed(0)} MB`;

/** 3: routing in this process, on the routing table of the generated stack's graph. */
function routingSection(subs: RoutedSubscription[]): string[] {
    const events = eventStream(EVENTS, SUBSCRIPTIONS);
    const texts = events.map((e) => JSON.stringify(e));
    const indexed = buildRouter(subs, "indexed");
    const scan = buildRouter(subs, "scan");
    timeRouting(indexed, events.slice(0, 5000)); // warm up the JIT for all three
    timeRouting(scan, events.slice(0, 5000));
    timeParse(texts.slice(0, 5000));
    // Interleaved repetitions, each ratio taken within one repetition, medians reported.
    const reps = Array.from({ length: REPS }, () => {
        const a = timeRouting(indexed, events);
        const b = timeRouting(scan, events);
        const parseMs = timeParse(texts);
        if (a.matches !== b.matches) throw new Error(`index and scan disagree: ${a.matches} vs ${b.matches} matches`);
        return { indexMs: a.ms, scanMs: b.ms, parseMs, matches: a.matches };
    });
    const indexMs = median(reps.map((r) => r.indexMs));
    const scanMs = median(reps.map((r) => r.scanMs));
    const parseMs = median(reps.map((r) => r.parseMs));
    const vsScan = median(reps.map((r) => r.scanMs / r.indexMs));
    const vsParse = median(reps.map((r) => r.indexMs / r.parseMs));
    const rate = (ms: number) => Math.round(EVENTS / (ms / 1000)).toLocaleString("en-US");
    return [
        `3. routing ${EVENTS.toLocaleString("en-US")} events × ${subs.length} subscriptions ` +
            `(${reps[0].matches} deliveries, median of ${REPS} interleaved runs)     ` +
            "target ≥ 250k events/s, ≥ 10× the scan, ≤ 2× JSON.parse",
        `   indexed ${rate(indexMs)} events/s (${indexMs.toFixed(0)} ms)   ` +
            `naive scan ${rate(scanMs)} events/s: index ${vsScan.toFixed(2)}× faster   ` +
            `JSON.parse of the same events ${parseMs.toFixed(0)} ms: routing costs ${vsParse.toFixed(2)}× parsing`,
    ];
}

const machine = () =>
    `Machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
    `Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`;

/** BENCH_ONLY=routing: only section 3 (no plan processes), e.g. to profile the router with `node --cpu-prof`. */
async function routingOnly(): Promise<void> {
    const graph = await runStack({
        stack: "bench",
        config: flattenConfig("acs-event-handling", generateStackConfig(SUBSCRIPTIONS)),
    });
    const lines = routingSection(routedSubscriptions(graph));
    process.stdout.write(`${[machine(), "", ...lines].join("\n")}\n`);
}

async function main(): Promise<void> {
    if (process.env.BENCH_ONLY === "routing") return routingOnly();
    if (!fs.existsSync(PLAN_JS)) throw new Error(`${PLAN_JS} not found: run \`npm run build:tools\` (npm ci does)`);
    const raw = generateStackConfig(SUBSCRIPTIONS);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acs-bench-")), "Pulumi.bench.yaml");
    fs.writeFileSync(file, yaml.dump({ config: raw }));

    // 1 and 2: separate processes, interleaved so that a burst of load hits all three alike.
    const floorArgs = [
        "-e",
        `require("@pulumi/pulumi"); ${SUBMODULES.map((m) => `require("@pulumi/azure-native/${m}")`).join("; ")}`,
    ];
    const runs = { floor: [] as Run[], dev: [] as Run[], big: [] as Run[] };
    for (let i = 0; i < REPS; i++) {
        runs.floor.push(measureProcess(floorArgs));
        runs.dev.push(measureProcess([PLAN_JS, "--stack", "dev"]));
        runs.big.push(measureProcess([PLAN_JS, "--config-file", file, "--stack", "bench", "--json"]));
    }
    const [floor, dev, big] = [medianRun(runs.floor), medianRun(runs.dev), medianRun(runs.big)];

    // 3: in this process. The graph is built with the same program, for the routing table and resource counts.
    const graph = await runStack({ stack: "bench", config: flattenConfig("acs-event-handling", raw) });
    const devCount = (await runStack({ stack: "dev" })).resources.length;
    const subs = routedSubscriptions(graph);
    const routing = routingSection(subs);

    const perResource = (v: (r: Run) => number) => (v(big) - v(dev)) / (graph.resources.length - devCount);
    const lines = [
        machine(),
        `Processes: median of ${REPS} interleaved runs each. Ratios are against the reference measured in this run.`,
        "",
        `1. npm run plan (dev, ${devCount} resources) vs the floor ` +
            `(node + @pulumi/pulumi + ${SUBMODULES.length} azure-native submodules)` +
            "     target ≤ 1.5× wall, ≤ 1.5× memory",
        `   wall ${s(dev.ms)} vs ${s(floor.ms)} = ${x(dev.ms, floor.ms)}` +
            `   CPU ${s(dev.cpuMs)} vs ${s(floor.cpuMs)} = ${x(dev.cpuMs, floor.cpuMs)}` +
            `   peak RSS ${mb(dev.rssMb)} vs ${mb(floor.rssMb)} = ${x(dev.rssMb, floor.rssMb)}`,
        `   TypeScript loaded: plan ${dev.typescript ? "yes" : "no"}, floor ${floor.typescript ? "yes" : "no"}` +
            " (the SDK loads it eagerly; the plan defers it)",
        `2. plan of a ${subs.length}-subscription stack (${graph.resources.length} resources, --json) vs the floor` +
            "     target ≤ 6 s, ≤ 450 MB",
        `   wall ${s(big.ms)} = ${x(big.ms, floor.ms)}   CPU ${s(big.cpuMs)} = ${x(big.cpuMs, floor.cpuMs)}` +
            `   peak RSS ${mb(big.rssMb)} = ${x(big.rssMb, floor.rssMb)}   (exit ${big.status})`,
        `   per resource beyond dev: ${perResource((r) => r.ms).toFixed(1)} ms wall, ` +
            `${perResource((r) => r.cpuMs).toFixed(1)} ms CPU, ` +
            `${(perResource((r) => r.rssMb) * 1024).toFixed(0)} KB peak RSS`,
        ...routing,
    ];
    if (process.env.BENCH_TESTS === "1") {
        const t = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "node_modules/mocha/bin/mocha.js")], {
            cwd: PROJECT_ROOT,
            encoding: "utf8",
            maxBuffer: 256 * 1024 * 1024,
        });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        const summary = (r.stdout.match(/\d+ passing[^\n]*|\d+ failing|\d+ pending/g) ?? []).join(", ");
        lines.push(`4. npm test: ${s(ms)} = ${x(ms, 60_000)} the 60 s target (${summary}; exit ${r.status})`);
    } else {
        lines.push("4. npm test: not measured (BENCH_TESTS=1 runs the whole suite)");
    }
    process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((err) => {
    process.stderr.write(`bench failed: ${err?.stack ?? err}\n`);
    process.exit(1);
});
