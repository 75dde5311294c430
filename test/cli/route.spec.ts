import * as assert from "assert";
import * as path from "path";
import { bufferIo } from "../../cli/io";
import { describeRoute, main, RoutedEvent } from "../../cli/route";
import { routedSubscriptions } from "../../cli/stackRoutes";
import { stackGraph } from "../support/sharedGraphs";
import { buildRouter } from "../../routing";
import { loadSampleEvents, SAMPLE_EVENTS_DIR } from "../../samples";

describe("routing the sample events through the dev stack", () => {
    const routed = new Map<string, RoutedEvent>();
    before(async () => {
        const router = buildRouter(routedSubscriptions(await stackGraph("dev")));
        for (const s of loadSampleEvents()) routed.set(s.file, describeRoute(s, router.routeWithAllReasons(s.event)));
    });
    const get = (file: string) => { const r = routed.get(file); assert.ok(r, `no sample ${file}`); return r; };
    const handlers = (r: RoutedEvent) => r.delivered.map((d) => d.handler).sort();

    it("sends an SMS to a 604-area number to the queue (and the function and the Logic App)", () => {
        assert.deepStrictEqual(handlers(get("sms/SMSReceived.to-1604.eventgrid.json")), ["sms-function", "sms-logic-app", "sms-queue"]);
    });

    it("sends a 206-area SMS to nothing, saying which clause failed", () => {
        const r = get("sms/SMSReceived.to-1206.eventgrid.json");
        assert.deepStrictEqual(r.delivered, []);
        const miss = r.missed.find((m) => m.subscription === "sms-604");
        assert.strictEqual(miss?.reason, 'subject "/phonenumber/12065551234" does not begin with "/phonenumber/1604"');
    });

    it("sends user-level chat messages to the webhook, thread-level ones to nothing", () => {
        for (const e of ["Received", "Edited", "Deleted"]) {
            assert.deepStrictEqual(handlers(get(`chatUser/ChatMessage${e}.eventgrid.json`)), ["chat-webhook"], e);
            assert.deepStrictEqual(handlers(get(`chatThread/ChatMessage${e}InThread.eventgrid.json`)), [], `${e}InThread`);
        }
    });

    it("matches none of the preview-era instant-message samples, naming the current type", () => {
        for (const [e, current] of [["Received", "ChatMessageReceived"], ["Edited", "ChatMessageEdited"], ["Deleted", "ChatMessageDeleted"]]) {
            const r = get(`early-preview/InstantMessage${e}.json`);
            assert.deepStrictEqual(r.delivered, []);
            assert.match(r.eventTypeProblem ?? "", new RegExp(`legacy name .* use "Microsoft.Communication.${current}"`));
            assert.ok(r.missed.every((m) => m.reason.includes(`Microsoft.Communication.${current}`)), "every miss says what to use");
        }
    });

    it("routes the early SMS sample by type but not by subject (its subject is a placeholder)", () => {
        const r = get("early-preview/SMSReceived.json");
        assert.deepStrictEqual(r.delivered, []);
        assert.match(r.missed.find((m) => m.subscription === "sms-604")?.reason ?? "", /^subject "SMS Event Test" does not begin with "\/phonenumber\/1604"/);
    });
});

describe("npm run route (CLI)", () => {
    it("prints the routing of one event file and exits 0", async () => {
        const io = bufferIo();
        const status = await main(["--stack", "dev", "--json", path.join(SAMPLE_EVENTS_DIR, "sms/SMSReceived.to-1604.eventgrid.json")], io);
        assert.strictEqual(status, 0, io.err);
        const parsed = JSON.parse(io.out);
        assert.strictEqual(parsed.events.length, 1);
        assert.deepStrictEqual(parsed.events[0].delivered.map((d: any) => d.handler).sort(), ["sms-function", "sms-logic-app", "sms-queue"]);
    });
});
