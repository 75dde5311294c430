import * as assert from "node:assert";
import * as path from "node:path";
import { bufferIo } from "../../cli/io";
import { describeRoute, main, RoutedEvent, routeSample } from "../../cli/route";
import { routedSubscriptions } from "../../cli/stackRoutes";
import { buildRouter, Router } from "../../routing";
import { loadSampleEvents, SAMPLE_EVENTS_DIR } from "../../samples";
import { stackGraph } from "../support/sharedGraphs";

describe("routing the sample events through the dev stack", () => {
    const routed = new Map<string, RoutedEvent>();
    before(async () => {
        const router = buildRouter(routedSubscriptions(await stackGraph("dev")));
        for (const s of loadSampleEvents()) routed.set(s.file, describeRoute(s, router.routeWithAllReasons(s.event)));
    });
    const get = (file: string) => {
        const r = routed.get(file);
        assert.ok(r, `no sample ${file}`);
        return r;
    };
    const handlers = (r: RoutedEvent) => r.delivered.map((d) => d.handler).sort();

    it("sends an SMS to a 604-area number to the queue (and the function and the Logic App)", () => {
        assert.deepStrictEqual(handlers(get("sms/SMSReceived.to-1604.eventgrid.json")), [
            "sms-function",
            "sms-logic-app",
            "sms-queue",
        ]);
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
            assert.deepStrictEqual(
                handlers(get(`chatThread/ChatMessage${e}InThread.eventgrid.json`)),
                [],
                `${e}InThread`,
            );
        }
    });

    it("matches none of the preview-era instant-message samples, naming the current type", () => {
        for (const [e, current] of [
            ["Received", "ChatMessageReceived"],
            ["Edited", "ChatMessageEdited"],
            ["Deleted", "ChatMessageDeleted"],
        ]) {
            const r = get(`early-preview/InstantMessage${e}.json`);
            assert.deepStrictEqual(r.delivered, []);
            assert.match(
                r.eventTypeProblem ?? "",
                new RegExp(`legacy name .* use "Microsoft.Communication.${current}"`),
            );
            assert.ok(
                r.missed.every((m) => m.reason.includes(`Microsoft.Communication.${current}`)),
                "every miss says what to use",
            );
        }
    });

    it("routes the early SMS sample by type but not by subject (its subject is a placeholder)", () => {
        const r = get("early-preview/SMSReceived.json");
        assert.deepStrictEqual(r.delivered, []);
        assert.match(
            r.missed.find((m) => m.subscription === "sms-604")?.reason ?? "",
            /^subject "SMS Event Test" does not begin with "\/phonenumber\/1604"/,
        );
    });
});

describe("routing CloudEvents deliveries as the Event Grid events the system topic filtered", () => {
    let router: Router;
    before(async () => {
        router = buildRouter(routedSubscriptions(await stackGraph("dev")));
    });
    const samples = loadSampleEvents().filter((s) => !s.file.startsWith("early-preview/"));
    const handlers = (r: RoutedEvent) => r.delivered.map((d) => d.handler).sort();

    it("routes each CloudEvents sample exactly like its Event Grid twin", () => {
        let pairs = 0;
        for (const ce of samples.filter((s) => s.file.endsWith(".cloudevents.json") && !s.file.includes(".spec."))) {
            const eg = samples.find((s) => s.file === ce.file.replace(".cloudevents.", ".eventgrid."))!;
            assert.deepStrictEqual(handlers(routeSample(router, ce)), handlers(routeSample(router, eg)), ce.file);
            pairs++;
        }
        assert.ok(pairs >= 13, `${pairs} pairs`);
    });

    it("never misses a spec sample (54 types x 2 envelopes) because of its envelope", () => {
        const spec = samples.filter((s) => s.file.includes(".spec."));
        assert.strictEqual(spec.length, 108);
        for (const s of spec) {
            const r = routeSample(router, s);
            assert.strictEqual(r.eventTypeProblem, undefined, `${s.file}: ${r.eventTypeProblem}`);
            for (const m of r.missed)
                assert.doesNotMatch(
                    m.reason,
                    /CloudEvents|eventDeliverySchema|has no event type/,
                    `${s.file}: ${m.reason}`,
                );
        }
        const delivered = spec.filter((s) => routeSample(router, s).delivered.length > 0).map((s) => s.file);
        assert.ok(
            delivered.some((f) => f.endsWith(".cloudevents.json")),
            "some CloudEvents spec sample reaches a handler",
        );
    });
});

describe("npm run route (CLI)", () => {
    it("prints the routing of event files, CloudEvents included, and exits 0", async () => {
        const io = bufferIo();
        const files = ["sms/SMSReceived.to-1604.eventgrid.json", "sms/SMSReceived.to-1604.cloudevents.json"].map((f) =>
            path.join(SAMPLE_EVENTS_DIR, f),
        );
        const status = await main(["--stack", "dev", "--json", ...files], io);
        assert.strictEqual(status, 0, io.err);
        const parsed = JSON.parse(io.out);
        assert.strictEqual(parsed.events.length, 2);
        for (const e of parsed.events)
            assert.deepStrictEqual(
                e.delivered.map((d: any) => d.handler).sort(),
                ["sms-function", "sms-logic-app", "sms-queue"],
                e.file,
            );
    });
});
