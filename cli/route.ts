/**
 * `npm run route -- --stack <name> [event files…] [--json]`: which handler receives each event, and why every
 * other subscription does not, with Event Grid's filter semantics (routing/). No files: every sample event.
 */
import "./deferTypescript"; // first: before anything loads @pulumi/pulumi
import { Command, CommanderError } from "commander";
import * as fs from "node:fs";
import * as path from "node:path";
import { ProgramError } from "../harness/runProgram";
import { runStack } from "../harness/runStack";
import { buildRouter, RouteResult, Router } from "../routing";
import { isRecord, toEventGridInput } from "../routing/envelope";
import { loadSampleEvents, SampleEvent } from "../samples";
import { InputFileError } from "../harness/yamlFile";
import { redactUrl, ValidationError } from "../validation/issue";
import { CliIo, processIo, runAsBin } from "./io";
import { routedSubscriptions } from "./stackRoutes";

export interface RoutedEvent {
    file: string;
    id: unknown;
    eventType: string | undefined;
    subject: unknown;
    eventTypeProblem?: string;
    delivered: { subscription: string; handler?: string }[];
    undocumented: { subscription: string; id: string; reason: string }[];
    missed: { subscription: string; handler?: string; reason: string }[];
}

/**
 * ACS publishes in the Event Grid schema, so that is what reaches the filters; the `.cloudevents.json` samples
 * show what a CloudEvents subscription delivers to a handler, and are routed only when named explicitly. A
 * CloudEvents event is routed as the Event Grid-schema event the system topic filtered (toEventGridInput).
 */
function readEvents(files: string[]): SampleEvent[] {
    if (files.length === 0) return loadSampleEvents().filter((s) => !s.file.endsWith(".cloudevents.json"));
    return files.flatMap((f) => {
        const content = JSON.parse(fs.readFileSync(f, "utf8"));
        return (Array.isArray(content) ? content : [content]).map((event: any) => ({
            file: path.relative(process.cwd(), f),
            event,
        }));
    });
}

/** Route one event as the system topic filters it (Event Grid schema, whatever envelope the file holds). */
export function routeSample(router: Router, sample: SampleEvent): RoutedEvent {
    const input = isRecord(sample.event) ? toEventGridInput(sample.event) : sample.event;
    return describeRoute(sample, router.routeWithAllReasons(input));
}

export function describeRoute(sample: SampleEvent, r: RouteResult): RoutedEvent {
    const e = sample.event as any;
    return {
        file: sample.file,
        id: e.id,
        eventType: r.eventType,
        subject: e.subject,
        ...(r.eventTypeProblem ? { eventTypeProblem: r.eventTypeProblem } : {}),
        delivered: r.matches.map((m) => ({ subscription: m.subscription.name, handler: m.handler })),
        undocumented: r.undocumented.map((u) => ({ subscription: u.subscription.name, id: u.id, reason: u.reason })),
        missed: r.nonMatches.map((m) => ({ subscription: m.subscription.name, handler: m.handler, reason: m.reason })),
    };
}

export function formatRoutedEvent(r: RoutedEvent): string {
    const lines = [`${r.file}  ${r.eventType ?? "(no event type)"}  subject ${JSON.stringify(r.subject)}`];
    if (r.eventTypeProblem) lines.push(`  ! ${r.eventTypeProblem}`);
    if (r.delivered.length === 0) lines.push("  → reaches no handler");
    for (const d of r.delivered) lines.push(`  → ${d.handler ?? "?"} (subscription ${d.subscription})`);
    for (const u of r.undocumented)
        lines.push(`  ? ${u.subscription}: depends on undocumented Event Grid behaviour ${u.id}: ${u.reason}`);
    for (const m of r.missed) lines.push(`  ✗ ${m.subscription} (${m.handler ?? "?"}): ${m.reason}`);
    return lines.join("\n");
}

/** `argv`: the user's arguments only. Resolves to the exit code; importing this file runs nothing. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
    const cmd = new Command("route")
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .description("Route events through a stack's subscriptions offline")
        .argument(
            "[events...]",
            "event JSON files (an event or an array); default: every Event Grid-schema sample under samples/events",
        )
        .option("-s, --stack <name>", "stack (reads Pulumi.<name>.yaml)", "dev")
        .option("--json", "print the routing as JSON");
    try {
        cmd.parse(argv, { from: "user" });
    } catch (err) {
        if (err instanceof CommanderError) return err.exitCode;
        throw err;
    }
    const o = cmd.opts<{ stack: string; json?: boolean }>();
    try {
        const graph = await runStack({ stack: o.stack });
        const router = buildRouter(routedSubscriptions(graph));
        const results = readEvents(cmd.args).map((s) => routeSample(router, s));
        if (o.json) io.stdout(`${JSON.stringify({ stack: o.stack, events: results }, null, 2)}\n`);
        else
            io.stdout(
                `Routing on stack "${o.stack}" (${router.subscriptions.length} subscriptions):\n\n` +
                    `${results.map(formatRoutedEvent).join("\n\n")}\n`,
            );
        return 0;
    } catch (err) {
        const cause = err instanceof ProgramError ? err.cause : err;
        // Bad input (config, stack file, event file) exits 1; anything else is ours (2). Never a stack trace.
        const input =
            ValidationError.is(cause) ||
            InputFileError.is(cause) ||
            cause instanceof SyntaxError ||
            (cause as NodeJS.ErrnoException)?.code === "ENOENT";
        io.stderr(
            ValidationError.is(cause)
                ? `Pulumi.${o.stack}.yaml: ${cause.message}\n`
                : `route failed: ${redactUrl(cause instanceof Error ? cause.message : String(cause))}\n`,
        );
        return input ? 1 : 2;
    }
}

if (require.main === module) runAsBin(main);
