/**
 * Starts Azurite from the installed npm package as a child process, in memory, on random free ports of 127.0.0.1,
 * and stops it again. Port 0 lets the OS pick the ports (no race between "find a free port" and "bind it");
 * Azurite prints the address it actually bound, which we read from stdout.
 *
 * A separate process (not Azurite's classes in-process) so its global logger and memory limits cannot leak into
 * the test process, and so a hung server can always be killed. Azurite runs under a tiny watchdog that exits as
 * soon as its stdin pipe closes: the pipe closes when we stop it AND when the test process dies in any way (Ctrl-C,
 * SIGKILL, a crash in mocha), which a `process.on("exit")` handler alone would not cover. No orphaned servers.
 */
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Azurite's fixed development account (public, documented; not a secret). */
export const DEV_ACCOUNT = "devstoreaccount1";
const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface Azurite {
    readonly tableEndpoint: string;
    readonly queueEndpoint: string;
    readonly blobEndpoint: string;
    /** Account connection string with explicit table and queue endpoints. */
    readonly connectionString: string;
    stop(): Promise<void>;
}

/**
 * Runs Azurite in the same process (argv[1] is its entry, as if started as `node azurite.js ...`) and exits when
 * stdin ends. In-memory persistence means there is nothing to flush, so exiting at once is a clean stop.
 */
const WATCHDOG = [
    "process.stdin.on('end', () => process.exit(0));",
    "process.stdin.on('error', () => process.exit(0));",
    "process.stdin.resume();",
    "require(process.argv[1]);",
].join(" ");

const READY = /Azurite (Blob|Queue|Table) service is successfully listening at (http:\/\/\S+)/g;

export async function startAzurite(timeoutMs = 20_000): Promise<Azurite> {
    const workDir = mkdtempSync(join(tmpdir(), "azurite-"));
    const child = spawn(
        process.execPath,
        ["-e", WATCHDOG, require.resolve("azurite/dist/src/azurite.js"), ...azuriteArgs()],
        {
            cwd: workDir, // Azurite may create files in its working directory; keep them out of the repository.
            stdio: ["pipe", "pipe", "pipe"],
        },
    );
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    const stop = () => stopChild(child, killOnExit, workDir);
    try {
        const urls = await waitForReady(child, timeoutMs);
        return {
            tableEndpoint: urls.Table,
            queueEndpoint: urls.Queue,
            blobEndpoint: urls.Blob,
            connectionString: connectionString(urls),
            stop,
        };
    } catch (e) {
        await stop();
        throw e;
    }
}

function azuriteArgs(): string[] {
    const hostsAndPorts = ["blob", "queue", "table"].flatMap((s) => [`--${s}Host`, "127.0.0.1", `--${s}Port`, "0"]);
    return [
        ...hostsAndPorts,
        "--inMemoryPersistence",
        "--skipApiVersionCheck",
        "--loose",
        "--silent",
        "--disableTelemetry",
    ];
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
        const urls: Record<string, string> = {};
        let output = "";
        const timer = setTimeout(() => fail(`Azurite did not start within ${timeoutMs} ms`), timeoutMs);
        const fail = (why: string) => {
            clearTimeout(timer);
            reject(new Error(`${why}. Output:\n${output}`));
        };
        const onData = (chunk: Buffer) => {
            output += chunk.toString();
            for (const m of output.matchAll(READY)) urls[m[1]] = m[2];
            if (urls.Blob && urls.Queue && urls.Table) {
                clearTimeout(timer);
                resolve(urls);
            }
        };
        child.stdout?.on("data", onData);
        child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.once("error", (e) => fail(`Azurite could not be spawned: ${e.message}`));
        child.once("exit", (code) => fail(`Azurite exited with code ${code} before it was ready`));
    });
}

async function stopChild(child: ChildProcess, killOnExit: () => void, workDir: string): Promise<void> {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.stdin?.end(); // the watchdog exits; SIGKILL below only if it does not
        const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
        await exited;
        clearTimeout(timer);
    }
    rmSync(workDir, { recursive: true, force: true });
}

function connectionString(urls: Record<string, string>): string {
    return [
        "DefaultEndpointsProtocol=http",
        `AccountName=${DEV_ACCOUNT}`,
        `AccountKey=${DEV_KEY}`,
        `BlobEndpoint=${urls.Blob}/${DEV_ACCOUNT}`,
        `QueueEndpoint=${urls.Queue}/${DEV_ACCOUNT}`,
        `TableEndpoint=${urls.Table}/${DEV_ACCOUNT}`,
    ].join(";");
}
