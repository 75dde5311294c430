/**
 * `npm run bench`: speed and memory of the routing simulator and of the offline plan, on a topic with 500
 * subscriptions (Azure's per-topic maximum). Numbers vary with the machine; the ratios are what to watch.
 *
 * 1. Route 100,000 events with the event-type index and with a naive scan of every subscription, same run.
 * 2. Time `plan` on that stack next to a bare node process that only loads @pulumi/pulumi and the azure-native
 *    submodules we use, so the plan's own overhead shows as a ratio.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as os from "os";
import * as path from "path";
import { routedSubscriptions } from "../cli/stackRoutes";
import { PROJECT_ROOT, runStack } from "../harness/runStack";
import { flattenConfig } from "../harness/stackConfig";
import { buildRouter, Router } from "../routing";
import { loadSampleEvents } from "../samples";
import { BENCH_TYPES, generateStackConfig, subjectMatching } from "./generateStack";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const SUBSCRIPTIONS = 500;
const SUBMODULES = ["communication", "eventgrid", "storage", "servicebus", "eventhub", "authorization", "web", "logic", "resources", "operationalinsights", "applicationinsights", "monitor"];

/**
 * Sample events (Event Grid schema), cycled. Every other event gets a subject that one subscription of its type
 * matches (round robin over those subscriptions); the rest keep the sample's subject and match nothing, as
 * unrouted traffic does.
 */
function eventStream(n: number, subscriptions: number): unknown[] {
    const samples = loadSampleEvents().filter((s) => !s.file.endsWith(".cloudevents.json")).map((s) => s.event as any);
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

function measureProcess(args: string[]): { ms: number; maxRssMb: number; status: number | null } {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["--require", path.join(__dirname, "peakRss.cjs"), ...args], { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const kb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr ?? "")?.[1] ?? NaN);
    if (r.status !== 0 && r.status !== 1) process.stderr.write(r.stderr);
    return { ms, maxRssMb: kb / 1024, status: r.status };
}

async function main(): Promise<void> {
    const raw = generateStackConfig(SUBSCRIPTIONS);
    const graph = await runStack({ stack: "bench", config: flattenConfig("acs-event-handling", raw) });
    const subs = routedSubscriptions(graph);
    const events = eventStream(EVENTS, SUBSCRIPTIONS);
    const indexed = buildRouter(subs, "indexed");
    const scan = buildRouter(subs, "scan");
    timeRouting(indexed, events.slice(0, 2000)); // warm up the JIT for both
    timeRouting(scan, events.slice(0, 2000));
    const heapBefore = process.memoryUsage().heapUsed;
    const a = timeRouting(indexed, events);
    const b = timeRouting(scan, events);
    if (a.matches !== b.matches) throw new Error(`index and scan disagree: ${a.matches} vs ${b.matches} matches`);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acs-bench-")), "Pulumi.bench.yaml");
    fs.writeFileSync(file, yaml.dump({ config: raw }));
    const plan = measureProcess(["--require", "tsx/cjs", "cli/plan.ts", "--config-file", file, "--stack", "bench", "--json"]);
    const bare = measureProcess(["-e", `require("@pulumi/pulumi"); ${SUBMODULES.map((m) => `require("@pulumi/azure-native/${m}")`).join("; ")}`]);

    const rate = (r: { ms: number }) => Math.round(EVENTS / (r.ms / 1000)).toLocaleString("en-US");
    const lines = [
        `Routing ${EVENTS.toLocaleString("en-US")} events against ${subs.length} subscriptions (${a.matches} deliveries)`,
        `  indexed by event type : ${a.ms.toFixed(0).padStart(7)} ms  ${rate(a).padStart(12)} events/s`,
        `  naive scan            : ${b.ms.toFixed(0).padStart(7)} ms  ${rate(b).padStart(12)} events/s   (index is ${(b.ms / a.ms).toFixed(1)}x faster)`,
        `  heap growth while routing: ${((process.memoryUsage().heapUsed - heapBefore) / 1048576).toFixed(1)} MB; process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
        "",
        `Offline plan of a ${subs.length}-subscription stack (${graph.resources.length} resources), separate processes`,
        `  npm run plan           : ${plan.ms.toFixed(0).padStart(7)} ms  peak RSS ${plan.maxRssMb.toFixed(0)} MB  (exit ${plan.status})`,
        `  bare node + SDK imports: ${bare.ms.toFixed(0).padStart(7)} ms  peak RSS ${bare.maxRssMb.toFixed(0)} MB`,
        `  plan / bare            : ${(plan.ms / bare.ms).toFixed(1)}x time, ${(plan.maxRssMb / bare.maxRssMb).toFixed(1)}x memory`,
    ];
    process.stdout.write(lines.join("\n") + "\n");
}

main().catch((err) => { process.stderr.write(`bench failed: ${err?.stack ?? err}\n`); process.exit(1); });
