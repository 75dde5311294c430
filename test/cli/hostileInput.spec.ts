/**
 * The CLIs on hostile input (issue 12): exit 1 with one message per problem, never a stack trace, never a key.
 * The first case runs in a child process, as a user runs the CLI (its bin entry, exit code and streams); the others
 * call the same `main(argv, io)` in process (a child costs seconds of start-up each); the cases themselves are
 * covered in test/config.
 */
import * as assert from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bufferIo } from "../../cli/io";
import { main as plan } from "../../cli/plan";
import { main as route } from "../../cli/route";
import { PROJECT_ROOT } from "../../harness/runStack";
import "../support/contractCheck";

const KEY = "CliS3cretKey";

/** The CLI in a child process, as a user runs it. */
function spawnCli(cli: string, args: string[]): { status: number | null; out: string } {
    const r = spawnSync(process.execPath, ["--require", "tsx/cjs", cli, ...args], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
    });
    return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** The CLI's `main` in process, with what it prints captured. */
async function inProcess(main: typeof plan, args: string[]): Promise<{ status: number | null; out: string }> {
    const io = bufferIo();
    const status = await main(args, io);
    return { status, out: `${io.out}\n${io.err}` };
}

function assertClean(r: { status: number | null; out: string }, expected: RegExp): void {
    assert.strictEqual(r.status, 1, r.out);
    assert.match(r.out, expected);
    assert.doesNotMatch(r.out, /\n\s+at .+[:(]\d+:\d+/, "no stack trace");
    assert.ok(!r.out.includes(KEY), "no key");
}

describe("the CLIs on hostile input", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-cli-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, content: string) => {
        const p = path.join(dir, name);
        fs.writeFileSync(p, content);
        return p;
    };

    it("plan: broken YAML, with a key on the offending line", () => {
        const p = file(
            "dup.yaml",
            "config:\n  acs-event-handling:tags: {a: b}\n" +
                `  acs-event-handling:tags: {url: "https://h.example.com/?code=${KEY}"}\n`,
        );
        assertClean(
            spawnCli("cli/plan.ts", ["--config-file", p]),
            /dup\.yaml: not valid YAML: line 3, column 3: Map keys must be unique/,
        );
    });

    it("plan: a missing --config-file", async () => {
        assertClean(await inProcess(plan, ["--config-file", path.join(dir, "nope.yaml")]), /nope\.yaml: no such file/);
    });

    it("plan: a top-level key holding a non-JSON string and a webhook key in userinfo", async () => {
        const dev = fs
            .readFileSync(path.join(PROJECT_ROOT, "Pulumi.dev.yaml"), "utf8")
            .replace(
                "url: https://chat-hooks.dev.example.com/api/acs-chat-events",
                `url: http://hook:${KEY}@chat-hooks.dev.example.com/api`,
            )
            .replace(
                "acs-event-handling:resourceGroup:\n    name: rg-acs-events-dev",
                "acs-event-handling:resourceGroup: fuzz",
            );
        const r = await inProcess(plan, ["--config-file", file("Pulumi.test.yaml", dev)]);
        assertClean(r, /acs-event-handling:resourceGroup: must be an object \(got "fuzz"\)/);
        assert.match(
            r.out,
            /webhook\.url: must use https:\/\/ .*\(got "http:\/\/…@chat-hooks\.dev\.example\.com\/api"\)/,
        );
    });

    it("route: an event file that is not JSON", async () => {
        assertClean(
            await inProcess(route, [
                "--stack",
                "prod",
                file("bad.json", `{"url": "https://h.example.com/?code=${KEY}"`),
            ]),
            /route failed: /,
        );
    });
});
