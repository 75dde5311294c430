/**
 * `npm run local` — the stack's routes end to end on a laptop: Azurite in memory + a local Event Grid delivery
 * loop built from the stack's own subscriptions. Interactive by default; `npm run local -- send <file|sample>`
 * publishes, waits for every delivery to end, prints what landed where, and stops.
 */
import { Command, CommanderError } from "commander";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { ProgramError } from "../harness/runProgram";
import { SAMPLE_EVENTS_DIR } from "../samples";
import { ValidationError } from "../validation/issue";
import { LocalRun, LocalSetupError, startLocal } from "./environment";
import { fabricateSms, InputError, parseEvents } from "./ingest";

export interface CliIo {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    /** Lines typed by the user (interactive mode); without it, interactive mode reads nothing and stops. */
    readonly stdin?: NodeJS.ReadableStream;
}

interface Opts {
    stack: string;
    speed: string;
    webhook: string[];
    fail: string[];
}

const collect = (v: string, all: string[]) => [...all, v];

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
    type Action = { kind: "interactive" } | { kind: "send"; files: string[] };
    let action = { kind: "interactive" } as Action;
    const program = new Command("local")
        .description("Run the stack's Event Grid routes locally: Azurite + a delivery loop with Event Grid's semantics")
        .option("-s, --stack <name>", "stack whose subscriptions to run (reads Pulumi.<name>.yaml)", "dev")
        .option("--speed <factor>", "virtual seconds per real second (600: a 10-minute retry wait takes 1 s)", "1")
        .option(
            "--webhook <handler=url>",
            "deliver a webhook handler's events to this loopback URL (repeatable)",
            collect,
            [],
        )
        .option(
            "--fail <handler=status>",
            "make the local receiver of a webhook handler answer 500 (retried) or 400 (dead-lettered) (repeatable)",
            collect,
            [],
        )
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .action(() => undefined); // no command: interactive
    program
        .command("send")
        .description(
            "publish the events of files (a JSON event or array; a path, or a sample under samples/events), " +
                "wait for every delivery, report, stop",
        )
        .argument("<files...>")
        .action((files: string[]) => void (action = { kind: "send", files }));
    try {
        await program.parseAsync([...argv], { from: "user" });
    } catch (e) {
        if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
        throw e;
    }
    const o = program.opts<Opts>();
    let parsed: {
        speed: number;
        webhooks: Record<string, string>;
        failures: Record<string, number>;
        events: Record<string, unknown>[][];
    };
    try {
        parsed = {
            speed: parseSpeed(o.speed),
            webhooks: pairs(o.webhook, "--webhook"),
            failures: Object.fromEntries(Object.entries(pairs(o.fail, "--fail")).map(([k, v]) => [k, Number(v)])),
            // Input is read before anything starts: a bad file costs no Azurite start.
            events: action.kind === "send" ? readAll(action.files) : [],
        };
    } catch (e) {
        if (e instanceof InputError) return fail(io, e.message, 1);
        throw e;
    }
    let run: LocalRun;
    try {
        run = await startLocal({
            stack: o.stack,
            speed: parsed.speed,
            webhooks: parsed.webhooks,
            failures: parsed.failures,
            log: (l) => io.stdout(`${l}\n`),
        });
    } catch (e) {
        return fail(io, setupMessage(e, o.stack), 2);
    }
    try {
        if (action.kind === "send") {
            for (const events of parsed.events) run.engine.publish(events);
            await run.engine.idle();
            io.stdout(await report(run));
            return run.engine.deliveries.every((d) => d.outcome === "delivered") ? 0 : 3;
        }
        await interactive(run, io);
        return 0;
    } finally {
        await run.stop();
        io.stdout("Stopped: Azurite and every local server are shut down (in-memory data is gone).\n");
    }
}

function fail(io: CliIo, message: string, code: number): number {
    io.stderr(`local: ${message}\n`);
    return code;
}

function setupMessage(e: unknown, stack: string): string {
    const cause = e instanceof ProgramError ? e.cause : e;
    if (ValidationError.is(cause)) return `Pulumi.${stack}.yaml: ${cause.message}`;
    if (e instanceof LocalSetupError) return e.message;
    return cause instanceof Error ? cause.message : String(cause);
}

function parseSpeed(v: string): number {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 1)
        throw new InputError([
            `--speed ${JSON.stringify(v)}: a number ≥ 1 (1 = real time, 600 = ten minutes per second)`,
        ]);
    return n;
}

function pairs(values: readonly string[], flag: string): Record<string, string> {
    const out: Record<string, string> = {};
    const problems: string[] = [];
    for (const v of values) {
        const i = v.indexOf("=");
        if (i <= 0) problems.push(`${flag} ${JSON.stringify(v)}: expected <handler>=<value>`);
        else out[v.slice(0, i)] = v.slice(i + 1);
    }
    if (problems.length) throw new InputError(problems);
    return out;
}

/** Every file's events, or one InputError listing the problems of all files. */
function readAll(files: readonly string[]): Record<string, unknown>[][] {
    const problems: string[] = [];
    const out = files.map((f) => {
        try {
            return readEventFile(f);
        } catch (e) {
            if (!(e instanceof InputError)) throw e;
            problems.push(...e.problems);
            return [];
        }
    });
    if (problems.length) throw new InputError(problems);
    return out;
}

/** A path (absolute or from the current directory), else a sample path under samples/events. */
function readEventFile(file: string): Record<string, unknown>[] {
    const candidates = [path.resolve(file), path.join(SAMPLE_EVENTS_DIR, file)];
    const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (!found) throw new InputError([`${file}: no such file (nor a sample under samples/events)`]);
    return parseEvents(fs.readFileSync(found, "utf8"), file);
}

/** What the loop left in Azurite and the recorders, for the user to inspect. */
async function report(run: LocalRun): Promise<string> {
    const lines = ["", `Outcome:${run.engine.deliveries.length ? "" : " (no delivery has finished yet)"}`];
    for (const d of run.engine.deliveries) {
        lines.push(
            `  ${d.subscription}: ${d.outcome} after ${d.attempts} ` +
                `attempt(s)${d.deadLetterReason ? ` (${d.deadLetterReason})` : ""}${d.blob ? ` → ${d.blob}` : ""}`,
        );
    }
    lines.push("Azurite holds:");
    for (const sub of run.subscriptions.filter((s) => s.endpointType === "StorageQueue")) {
        const msgs = await run.storage.peekQueue(sub.destination.queueName);
        lines.push(
            `  queue ${sub.destination.queueName}: ${msgs.length} ` +
                `message(s)${msgs.length ? `, e.g. ${JSON.stringify(msgs[0]).slice(0, 160)}…` : ""}`,
        );
    }
    const fn = run.functionSettings;
    if (fn) {
        const tickets = await run.storage.peekQueue(fn.TICKETS_QUEUE_NAME ?? "tickets").catch(() => []);
        lines.push(
            `  function: table ${fn.RECORDS_TABLE_NAME ?? "smsrecords"}: ` +
                `${await run.storage.countRows(fn.RECORDS_TABLE_NAME ?? "smsrecords")} row(s) (records + ` +
                `ledger); queue ${fn.TICKETS_QUEUE_NAME ?? "tickets"}: ${tickets.length} ticket(s)`,
        );
    }
    for (const container of new Set(
        run.subscriptions.map((s) => s.deadLetterContainer).filter((c): c is string => !!c),
    )) {
        for (const name of await run.storage.listBlobs(container))
            lines.push(
                `  dead letter ${container}/${name}: ` +
                    `${JSON.stringify(await run.storage.readBlob(container, name)).slice(0, 200)}…`,
            );
    }
    const emails = run.email.sent.map((e) => `\n  ${e.via} → ${e.to.join(", ")}: ${e.subject}`).join("");
    lines.push(`Emails recorded (not sent): ${run.email.sent.length}${emails}`);
    if (run.engine.sink.length)
        lines.push(
            "Service Bus / Event Hubs deliveries recorded (not sent): " +
                `${run.engine.sink.map((s) => `\n  ${s.destination}: ${JSON.stringify(s).slice(0, 200)}`).join("")}`,
        );
    return `${lines.join("\n")}\n`;
}

const HELP = [
    "Commands:",
    "  sms [to] [from] [text…]  fabricate an SMSReceived to an ACS number (default +16045550100, from " +
        "+14255550123) and publish it",
    "  send <file|sample> publish the events of a file, e.g. send sms/SMSReceived.to-1604.eventgrid.json",
    "  samples            list the sample event files",
    "  status             deliveries so far and what Azurite holds",
    "  quit               stop everything",
].join("\n");

async function interactive(run: LocalRun, io: CliIo): Promise<void> {
    io.stdout(`\nReady. Publishers can POST Event Grid schema arrays to ${run.ingestUrl}\n${HELP}\n`);
    if (!io.stdin) return;
    const rl = readline.createInterface({ input: io.stdin, terminal: false });
    const topic = String(
        run.graph.resources.find((r) => r.type === "azure-native:communication:CommunicationService")?.id ??
            "/local/acs",
    );
    let onSigint: () => void = () => undefined;
    const stopSignal = new Promise<void>((resolve) => {
        onSigint = resolve;
        process.once("SIGINT", onSigint);
        rl.once("close", resolve);
    });
    rl.on(
        "line",
        (line) =>
            void command(line.trim(), run, io, topic)
                .then((quit) => quit && rl.close())
                .catch((e) => io.stderr(`${e instanceof Error ? e.message : e}\n`)),
    );
    await stopSignal;
    process.removeListener("SIGINT", onSigint);
    rl.close();
    await run.engine.idle().catch(() => undefined);
}

async function command(line: string, run: LocalRun, io: CliIo, topic: string): Promise<boolean> {
    const [verb, ...rest] = line.split(/\s+/);
    switch (verb) {
        case "":
            return false;
        case "quit":
        case "exit":
            return true;
        case "sms": {
            const isNumber = (v?: string) => !!v && /^\+?\d{7,15}$/.test(v);
            const to = isNumber(rest[0]) ? rest.shift()! : "+16045550100";
            const from = isNumber(rest[0]) ? rest.shift()! : "+14255550123";
            const message = rest.join(" ") || "Hello from the local loop";
            run.engine.publish([fabricateSms({ from, to, message, topic, now: new Date() })]);
            return false;
        }
        case "send":
            try {
                for (const f of rest) run.engine.publish(readEventFile(f));
            } catch (e) {
                if (!(e instanceof InputError)) throw e;
                io.stderr(`${e.message}\n`);
            }
            return false;
        case "samples":
            io.stdout(`${listSamples().join("\n")}\n`);
            return false;
        case "status":
            io.stdout(await report(run));
            return false;
        default:
            io.stdout(`${HELP}\n`);
            return false;
    }
}

function listSamples(dir = SAMPLE_EVENTS_DIR, prefix = ""): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((e) =>
            e.isDirectory()
                ? listSamples(path.join(dir, e.name), `${prefix}${e.name}/`)
                : e.name.endsWith(".json")
                  ? [`${prefix}${e.name}`]
                  : [],
        );
}

if (require.main === module) {
    main(process.argv.slice(2), {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        stdin: process.stdin,
    }).then((code) => process.stdout.write("", () => process.exit(code)));
}
