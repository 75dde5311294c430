/**
 * The deployable package: built once into a temporary directory, read back with an independent ZIP reader, then
 * unpacked and loaded by plain Node with a stand-in for `@azure/functions-core` (the module the Functions worker
 * injects), to prove the bundle registers `smsEvents` as an Event Grid trigger and runs without node_modules.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { crc32, inflateRawSync } from "node:zlib";
import { buildFunctionApp, BuildResult, createZip } from "../scripts/build";
import { SMS_EVENTS_FUNCTION_NAME } from "../../components/handlers/functionContract";
import { TableClient } from "@azure/data-tables";
import { QueueClient } from "@azure/storage-queue";
import { Azurite, startAzurite } from "../../local/azurite";
import { chatMessageReceived, smsReceived } from "./support/events";
import { FakeAcsEmail } from "./support/fakeAcsEmail";

const run = promisify(execFile);

describe("functions: deployable package", function () {
    this.timeout(60_000);
    let work: string;
    let built: BuildResult;
    let azurite: Azurite | undefined;
    let acs: AcsOverHttp | undefined;

    before(async () => {
        work = mkdtempSync(join(tmpdir(), "fnpkg-"));
        // allSettled, so whatever did start is assigned (and stopped in `after`) even if another part failed.
        const started = await Promise.allSettled([
            buildFunctionApp(join(work, "dist")).then((b) => (built = b)),
            startAzurite().then((a) => (azurite = a)),
            serveAcsOverHttp().then((s) => (acs = s)),
        ]);
        const failure = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
        if (failure) throw failure.reason;
    });

    after(async () => {
        await Promise.all([azurite?.stop(), acs?.close()]);
        if (work) rmSync(work, { recursive: true, force: true });
    });

    it("holds exactly host.json, package.json and the bundle, with intact CRCs", () => {
        const entries = readZip(readFileSync(built.zipPath));
        assert.deepEqual([...entries.keys()], ["host.json", "package.json", "app.js"]);
        const host = JSON.parse(entries.get("host.json")!.toString());
        assert.deepEqual(host.extensionBundle, {
            id: "Microsoft.Azure.Functions.ExtensionBundle",
            version: "[4.*, 5.0.0)",
        });
        const pkg = JSON.parse(entries.get("package.json")!.toString());
        assert.equal(pkg.main, "app.js");
        assert.equal(pkg.dependencies, undefined, "the bundle is self-contained: nothing to npm install on the app");
        assert.ok(entries.get("app.js")!.equals(readFileSync(built.bundlePath)));
    });

    it("is byte-for-byte reproducible, so an unchanged app causes no redeploy", async () => {
        const again = await buildFunctionApp(join(work, "dist2"));
        assert.ok(readFileSync(again.zipPath).equals(readFileSync(built.zipPath)));
    });

    it("names bundled modules from functions/, so the bytes do not depend on the working directory", () => {
        const bundle = readFileSync(built.bundlePath, "utf8");
        // Run from the repository root (as the suite is), a cwd-relative bundle would say "functions/src/app.ts".
        assert.match(bundle, /^\/\/ src\/app\.ts$/m);
        assert.match(bundle, /^\/\/ \.\.\/components\/handlers\/functionContract\.ts$/m);
    });

    it("round-trips tiny and compressible entries through the ZIP writer", () => {
        const tiny = Buffer.from("{}");
        const text = Buffer.from("event ".repeat(1000));
        const entries = readZip(
            createZip([
                { name: "a.json", data: tiny },
                { name: "dir/b.txt", data: text },
            ]),
        );
        assert.ok(entries.get("a.json")!.equals(tiny));
        assert.ok(entries.get("dir/b.txt")!.equals(text));
    });

    it("registers smsEvents as an Event Grid trigger and handles events without node_modules", async () => {
        const appDir = join(work, "app");
        for (const [name, data] of readZip(readFileSync(built.zipPath))) writeFile(join(appDir, name), data);
        writeFile(join(appDir, "node_modules/@azure/functions-core/index.js"), Buffer.from(FAKE_CORE));
        writeFile(join(appDir, "run.js"), Buffer.from(RUNNER));
        const events = [chatMessageReceived("chat-1"), smsReceived("sms-1")];
        const settings = {
            AzureWebJobsStorage: azurite!.connectionString,
            RECORDS_TABLE_NAME: "smokerecords",
            ACS_CONNECTION_STRING: `endpoint=${acs!.url}/;accesskey=a2V5`,
            EMAIL_SENDER: "DoNotReply@notify.contoso.example",
            NOTIFY_RECIPIENTS: "oncall@contoso.example",
        };
        const table = TableClient.fromConnectionString(azurite!.connectionString, "smokerecords", {
            allowInsecureConnection: true,
        });
        await table.createTable();
        await new QueueClient(azurite!.connectionString, "tickets").create();

        const { stdout } = await run(process.execPath, ["run.js", JSON.stringify(events), JSON.stringify(settings)], {
            cwd: appDir,
            env: { PATH: process.env.PATH ?? "" },
        });
        const result = JSON.parse(stdout.trim().split("\n").pop()!);

        assert.equal(result.name, SMS_EVENTS_FUNCTION_NAME);
        assert.ok(
            result.bindings.some(
                (b: { type: string; direction: string }) => b.type === "eventGridTrigger" && b.direction === "in",
            ),
        );
        // Without settings the invocation fails (Event Grid retries), naming what is missing; the function stays
        // registered.
        assert.match(result.errors[0], /Invalid app settings[\s\S]*EMAIL_SENDER/);
        assert.deepEqual(result.errors.slice(1), [null, null], JSON.stringify(result.logs));
        assert.ok(
            result.logs.some((l: string[]) => /Ignored event chat-1/.test(l[1])),
            JSON.stringify(result.logs),
        );
        const record = await table.getEntity("15555555555", "Incoming_sms-1");
        assert.equal(record.message, "Hello from the test");
        assert.equal(acs!.fake.sends.length, 1);
    });
});

/** Stand-in for the worker-injected module: records what the app registers. */
const FAKE_CORE = `
globalThis.__registered = [];
module.exports = {
  setProgrammingModel() {},
  registerFunction(metadata, callback) {
    globalThis.__registered.push({ metadata, callback });
    return { dispose() {} };
  },
  registerHook() { return { dispose() {} }; },
  log() {},
};`;

/**
 * Loads the app as the worker would (package.json main), invokes the handler once without settings, then with
 * the given settings once per event, and prints what happened as JSON.
 */
const RUNNER = `
require("./" + require("./package.json").main);
const [fn] = globalThis.__registered;
const [events, settings] = process.argv.slice(2).map((a) => JSON.parse(a));
const logs = [];
const context = {
  log: (m) => logs.push(["log", m]),
  warn: (m) => logs.push(["warn", m]),
  error: (m) => logs.push(["error", m]),
};
const invoke = (event) => Promise.resolve(fn.callback(event, context)).then(() => null, (e) => e.message);
(async () => {
  const errors = [await invoke(events[0])];
  Object.assign(process.env, settings);
  for (const event of events) errors.push(await invoke(event));
  const bindings = Object.values(fn.metadata.bindings);
  console.log(JSON.stringify({ name: fn.metadata.name, bindings, errors, logs }));
})().catch((e) => { console.error(e); process.exit(1); });`;

interface AcsOverHttp {
    readonly url: string;
    readonly fake: FakeAcsEmail;
    close(): Promise<void>;
}

/** The recording ACS Email fake behind a real HTTP listener on 127.0.0.1, for the app running in a child process. */
async function serveAcsOverHttp(): Promise<AcsOverHttp> {
    const fake = new FakeAcsEmail();
    const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", async () => {
            const headers = new Map(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
            const request = {
                method: req.method,
                url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${req.url}`,
                headers: {
                    get: (n: string) => headers.get(n.toLowerCase()),
                    toJSON: () => Object.fromEntries(headers),
                },
                body: Buffer.concat(chunks).toString("utf8"),
            };
            const response = await fake.sendRequest(request as unknown as Parameters<FakeAcsEmail["sendRequest"]>[0]);
            res.writeHead(response.status, response.headers.toJSON());
            res.end(response.bodyAsText);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        fake,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
}

function writeFile(path: string, data: Buffer): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
}

/** Independent reader: walks the central directory, inflates each entry and checks its CRC-32. */
function readZip(zip: Buffer): Map<string, Buffer> {
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    assert.ok(eocd >= 0, "end of central directory not found");
    const count = zip.readUInt16LE(eocd + 10);
    let p = zip.readUInt32LE(eocd + 16);
    const entries = new Map<string, Buffer>();
    for (let i = 0; i < count; i++) {
        assert.equal(zip.readUInt32LE(p), 0x02014b50, "central directory header signature");
        const method = zip.readUInt16LE(p + 10);
        const crc = zip.readUInt32LE(p + 16);
        const compressed = zip.readUInt32LE(p + 20);
        const nameLength = zip.readUInt16LE(p + 28);
        const extraLength = zip.readUInt16LE(p + 30);
        const commentLength = zip.readUInt16LE(p + 32);
        const local = zip.readUInt32LE(p + 42);
        const name = zip.toString("utf8", p + 46, p + 46 + nameLength);
        assert.equal(zip.readUInt32LE(local), 0x04034b50, `local header signature of ${name}`);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(start, start + compressed);
        const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
        assert.equal(crc32(data), crc, `CRC of ${name}`);
        entries.set(name, data);
        p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
