/**
 * `npm run local` driven in process through `main(argv, io)`: bad input and an unknown stack end with a clear
 * message and an exit code, before anything starts; `send` runs the loop, reports what landed in Azurite, and stops.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../local/cli";
import "../support/contractCheck";

function capture(): {
    io: { stdout: (t: string) => void; stderr: (t: string) => void };
    out: () => string;
    err: () => string;
} {
    let out = "";
    let err = "";
    return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t) }, out: () => out, err: () => err };
}

describe("npm run local (local/cli.ts)", function () {
    this.timeout(120_000);
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "local-cli-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("refuses a malformed event file with every problem and no stack trace, starting nothing", async () => {
        const broken = path.join(dir, "broken.json");
        const shapeless = path.join(dir, "shapeless.json");
        fs.writeFileSync(broken, "[{ not json");
        fs.writeFileSync(shapeless, JSON.stringify([{ id: "e1", eventType: "Microsoft.Communication.SMSReceived" }]));
        const c = capture();
        assert.equal(await main(["send", broken, shapeless, "missing.json"], c.io), 1);
        assert.match(c.err(), /broken\.json: not valid JSON/);
        assert.match(c.err(), /shapeless\.json\[0\]: "eventTime" must be a non-empty string/);
        assert.match(c.err(), /shapeless\.json\[0\]: "data" is missing/);
        assert.match(c.err(), /missing\.json: no such file/);
        assert.doesNotMatch(c.err(), /\n\s+at /, "no stack trace");
        assert.equal(c.out(), "", "nothing started");
    });

    it("names the stacks that exist when the stack is unknown", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "staging", "send", "sms/SMSReceived.to-1604.eventgrid.json"], c.io), 2);
        assert.match(c.err(), /^local: Pulumi\.staging\.yaml: no stack "staging": .* \(stacks here: dev, prod\)\n$/);
    });

    it("refuses a non-loopback webhook override and a bad speed", async () => {
        const c = capture();
        assert.equal(await main(["--speed", "0", "send", "sms/SMSReceived.to-1604.eventgrid.json"], c.io), 1);
        assert.match(c.err(), /--speed "0": a number ≥ 1/);
        const d = capture();
        assert.equal(
            await main(
                [
                    "--webhook",
                    "chat-webhook=https://example.com/hook",
                    "send",
                    "sms/SMSReceived.to-1604.eventgrid.json",
                ],
                d.io,
            ),
            2,
        );
        assert.match(d.err(), /--webhook chat-webhook: https:\/\/example\.com\/hook is not a loopback http:\/\/ URL/);
    });

    it(
        "sends the seed's SMS sample, reports the queue, " + "the Function's effects and the emails, then stops",
        async () => {
            const c = capture();
            assert.equal(
                await main(["--speed", "600", "send", "sms/SMSReceived.to-1604.eventgrid.json"], c.io),
                0,
                c.err(),
            );
            const out = c.out();
            assert.match(out, /✓ sms-604 → sms-queue \(storageQueue\)/);
            assert.match(out, /✗ chat-messages \(chat-webhook\): /, "the miss is explained");
            assert.match(out, /queue sms-events: 1 message\(s\)/);
            assert.match(out, /table smsrecords: 2 row\(s\).*queue tickets: 1 ticket\(s\)/);
            assert.match(out, /Emails recorded \(not sent\): 2/);
            assert.match(out, /Stopped: Azurite and every local server are shut down/);
        },
    );
});
