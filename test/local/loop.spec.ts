/**
 * The local Event Grid loop end to end, in process: the dev stack's real subscriptions (program under mocks), the
 * routing/ evaluator, Azurite (one instance for the file, stopped in `after`, which mocha runs even when tests
 * fail), the Function's real code, the Logic App stand-in and loopback webhooks. Each run is stopped in a
 * `finally`. Retries run at a compressed speed; assertions read the delivery's virtual timeline.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import * as yaml from "js-yaml";
import { Azurite, startAzurite } from "../../local/azurite";
import { Graph } from "../../harness/graph";
import { runStack } from "../../harness/runStack";
import { LocalOptions, LocalRun, startLocal } from "../../local/environment";
import { listenLoopback, LoopbackServer, readBody } from "../../local/http";
import { RETRY_SCHEDULE_MS } from "../../local/retryPolicy";
import "../support/contractCheck";
import { stackGraph } from "../support/sharedGraphs";
import { loadSampleFile } from "../../samples";

const SMS_SAMPLE = "sms/SMSReceived.to-1604.eventgrid.json";
const CHAT_SAMPLE = "chatUser/ChatMessageReceived.eventgrid.json";
/** Fast enough that 107 virtual minutes of retries take ~0.6 s, slow enough for timers to stay ordered. */
const SPEED = 10_000;

interface Hit {
    readonly method: string;
    readonly headers: http.IncomingHttpHeaders;
    readonly body: string;
}

/** A loopback webhook that records every request and answers with `answer`. */
async function webhook(
    answer: (hit: Hit) => { status: number; body?: unknown },
): Promise<LoopbackServer & { hits: Hit[] }> {
    const hits: Hit[] = [];
    const server = await listenLoopback(async (req, res) => {
        const hit = { method: req.method ?? "", headers: req.headers, body: await readBody(req) };
        hits.push(hit);
        const a = answer(hit);
        res.writeHead(a.status, { "content-type": "application/json" });
        res.end(a.body === undefined ? "" : JSON.stringify(a.body));
    });
    return Object.assign(server, { hits });
}

/** Echoes the validation code, then answers notifications with `status`. */
const echoThen = (status: number) => (hit: Hit) => {
    const [first] = JSON.parse(hit.body || "[]");
    return hit.headers["aeg-event-type"] === "SubscriptionValidation"
        ? { status: 200, body: { validationResponse: first.data.validationCode } }
        : { status };
};

describe("local Event Grid loop (npm run local)", function () {
    this.timeout(120_000);
    let azurite: Azurite | undefined;
    let graph: Graph;
    const logs: string[] = [];

    before(async () => {
        azurite = await startAzurite();
        graph = await stackGraph("dev");
    });

    after(async () => {
        await azurite?.stop();
    });

    async function withRun<T>(o: Partial<LocalOptions>, body: (run: LocalRun) => Promise<T>): Promise<T> {
        const run = await startLocal({ stack: "dev", graph, azurite, speed: SPEED, log: (l) => logs.push(l), ...o });
        try {
            return await body(run);
        } finally {
            await run.stop();
        }
    }

    it(
        "delivers the seed's SMS to the queue (base64 JSON, TTL), the Function's record/ticket/email and the " +
            "Logic App's email",
        async () => {
            await withRun({}, async (run) => {
                const [sample] = loadSampleFile(SMS_SAMPLE);
                run.engine.publish([sample]);
                await run.engine.idle();

                const bySub = Object.fromEntries(run.engine.deliveries.map((d) => [d.subscription, d]));
                assert.deepEqual(Object.keys(bySub).sort(), ["sms-604", "sms-email", "sms-records"]);
                for (const d of Object.values(bySub))
                    assert.equal(d.outcome, "delivered", `${d.subscription}: ${d.outcome}`);

                assert.deepEqual(
                    await run.storage.peekQueue("sms-events"),
                    [sample],
                    "one message: the event, base64-encoded JSON",
                );
                assert.ok(
                    logs.some((l) => /queue "sms-events".*TTL 604800 s/.test(l)),
                    "the stack's message TTL is applied",
                );

                const fn = run.functionSettings!;
                assert.equal(
                    await run.storage.countRows(fn.RECORDS_TABLE_NAME),
                    2,
                    "the SMS record and its ledger row",
                );
                const tickets = (await run.storage.peekQueue(fn.TICKETS_QUEUE_NAME)) as {
                    eventId: string;
                    kind: string;
                }[];
                assert.deepEqual(
                    tickets.map((t) => [t.eventId, t.kind]),
                    [[sample.id, "smsReceived"]],
                );
                assert.ok(
                    logs.some((l) => /Processed event Incoming_.*recorded, ticketed, emailed/.test(l)),
                    "the Function did its three steps",
                );

                const emails = run.email.sent.map((e) => `${e.via}|${e.to.join(",")}|${e.subject}`).sort();
                assert.deepEqual(emails, [
                    "ACS Email SDK|sms-desk@example.com|SMS received: SMS from 14255550123 to 16045551234",
                    "Logic App stand-in|sms-desk@example.com|SMS received from 14255550123",
                ]);
                assert.match(
                    run.email.sent.find((e) => e.via === "Logic App stand-in")!.plainText ?? "",
                    /Is the Vancouver office open on Saturday\?/,
                );
            });
        },
    );

    it("retries a webhook answering 500 on Event Grid's schedule, then dead-letters it into Azurite", async () => {
        const hook = await webhook(echoThen(500));
        try {
            await withRun({ webhooks: { "chat-webhook": `${hook.url}/hook` } }, async (run) => {
                run.engine.publish(loadSampleFile(CHAT_SAMPLE));
                await run.engine.idle();

                const [d] = run.engine.deliveries;
                assert.equal(d.outcome, "deadLettered");
                assert.equal(d.attempts, 8, "dev's chat-messages route allows 8 attempts");
                const gaps = d.attemptTimes!.slice(1).map((t, i) => t - d.attemptTimes![i]);
                gaps.forEach((gap, i) =>
                    assert.ok(
                        gap >= RETRY_SCHEDULE_MS[i] && gap < RETRY_SCHEDULE_MS[i] + 5_000,
                        `wait ${i + 1}: ${gap} ms vs ${RETRY_SCHEDULE_MS[i]} ms`,
                    ),
                );

                const notifications = hook.hits.filter((h) => h.headers["aeg-event-type"] === "Notification");
                assert.deepEqual(
                    notifications.map((h) => h.headers["aeg-delivery-count"]),
                    ["0", "1", "2", "3", "4", "5", "6", "7"],
                );
                assert.equal(notifications[0].headers["aeg-subscription-name"], "CHAT-MESSAGES");

                assert.match(
                    d.blob!,
                    /^deadletters\/CHAT-MESSAGES\/\d{4}\/\d{1,2}\/\d{1,2}\/\d{1,2}\/[0-9a-f-]{36}\.json$/,
                );
                const [dead] = (await run.storage.readBlob(
                    "deadletters",
                    d.blob!.slice("deadletters/".length),
                )) as Record<string, unknown>[];
                assert.equal(dead.id, loadSampleFile(CHAT_SAMPLE)[0].id);
                assert.equal(dead.deadLetterReason, "MaxDeliveryAttemptsExceeded");
                assert.equal(dead.deliveryAttempts, 8);
                assert.equal(dead.lastDeliveryOutcome, "Busy");
                assert.equal(dead.lastHttpStatusCode, 500);
                assert.ok(
                    Date.parse(String(dead.lastDeliveryAttemptTime)) - Date.parse(String(dead.publishTime)) >=
                        6_400_000,
                    "attempt times follow the schedule",
                );
            });
        } finally {
            await hook.close();
        }
    });

    it("dead-letters a 400 at once, without retrying", async () => {
        const hook = await webhook(echoThen(400));
        try {
            await withRun({ webhooks: { "chat-webhook": `${hook.url}/hook` } }, async (run) => {
                run.engine.publish(loadSampleFile(CHAT_SAMPLE));
                await run.engine.idle();
                const [d] = run.engine.deliveries;
                assert.equal(d.outcome, "deadLettered");
                assert.equal(d.attempts, 1);
                const [dead] = (await run.storage.readBlob(
                    "deadletters",
                    d.blob!.slice("deadletters/".length),
                )) as Record<string, unknown>[];
                assert.equal(dead.lastDeliveryOutcome, "BadRequest");
                assert.equal(dead.deliveryAttempts, 1);
            });
        } finally {
            await hook.close();
        }
    });

    it(
        "leaves a subscription unvalidated after a wrong validation answer (then Failed after 10 minutes), " +
            "and delivers nothing",
        async () => {
            const hook = await webhook(() => ({ status: 200, body: { validationResponse: "not-the-code" } }));
            try {
                // At 600× the 10-minute window lasts 1 s: time to look at the state before it fails.
                await withRun({ webhooks: { "chat-webhook": `${hook.url}/hook` }, speed: 600 }, async (run) => {
                    // A 200 without the right code validates nothing; only a GET of the validation URL still could.
                    assert.equal(run.engine.validationState("chat-messages"), "AwaitingManualAction");
                    run.engine.publish(loadSampleFile(CHAT_SAMPLE));
                    await run.engine.idle();
                    assert.equal(run.engine.validationState("chat-messages"), "Failed");
                    assert.deepEqual(
                        run.engine.deliveries.map((d) => d.outcome),
                        ["notValidated"],
                    );
                    assert.deepEqual(
                        hook.hits.map((h) => h.headers["aeg-event-type"]),
                        ["SubscriptionValidation"],
                        "only the handshake reached the endpoint",
                    );
                });
            } finally {
                await hook.close();
            }
        },
    );

    it("validates through a GET of the validation URL when the endpoint answers 200 without the code", async () => {
        let validationUrl = "";
        const hook = await webhook((hit) => {
            if (hit.headers["aeg-event-type"] === "SubscriptionValidation")
                validationUrl = JSON.parse(hit.body)[0].data.validationUrl;
            return { status: 200 };
        });
        try {
            await withRun({ webhooks: { "chat-webhook": `${hook.url}/hook` }, speed: 1 }, async (run) => {
                assert.equal(run.engine.validationState("chat-messages"), "AwaitingManualAction");
                assert.equal((await fetch(validationUrl)).status, 200);
                assert.equal(run.engine.validationState("chat-messages"), "Validated");
                run.engine.publish(loadSampleFile(CHAT_SAMPLE));
                await run.engine.idle();
                assert.deepEqual(
                    run.engine.deliveries.map((d) => d.outcome),
                    ["delivered"],
                );
            });
        } finally {
            await hook.close();
        }
    });

    it(
        "accepts publisher posts on its HTTP endpoint and " + "refuses malformed ones with every problem listed",
        async () => {
            await withRun({}, async (run) => {
                const bad = await fetch(run.ingestUrl, { method: "POST", body: JSON.stringify([{ id: "x" }, 3]) });
                assert.equal(bad.status, 400);
                const details: string[] = ((await bad.json()) as any).error.details;
                assert.ok(details.includes('body[0]: "eventType" must be a non-empty string'), details.join("\n"));
                assert.ok(details.some((d) => d.startsWith("body[1]: an event must be a JSON object")));

                const ok = await fetch(run.ingestUrl, {
                    method: "POST",
                    body: JSON.stringify(loadSampleFile(CHAT_SAMPLE)),
                });
                assert.equal(ok.status, 200);
                await run.engine.idle();
                assert.deepEqual(
                    run.engine.deliveries.map((d) => [d.subscription, d.outcome]),
                    [["chat-messages", "delivered"]],
                );
                assert.ok(
                    logs.some((l) => /✗ sms-604 \(sms-queue\): .*ChatMessageReceived/.test(l)),
                    "each miss is explained by the evaluator",
                );
            });
        },
    );

    it("counts no answer within the response window as TimedOut and retries it", async () => {
        const hanging = await listenLoopback(async (req, res) => {
            const body = await readBody(req);
            if (req.headers["aeg-event-type"] !== "SubscriptionValidation") return; // never answers a notification
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify({ validationResponse: JSON.parse(body)[0].data.validationCode }));
        });
        try {
            await withRun(
                { webhooks: { "chat-webhook": `${hanging.url}/hook` }, responseTimeoutMs: 150 },
                async (run) => {
                    run.engine.publish(loadSampleFile(CHAT_SAMPLE));
                    await run.engine.idle();
                    const [d] = run.engine.deliveries;
                    assert.equal(d.outcome, "deadLettered");
                    assert.equal(d.attempts, 8);
                    const [dead] = (await run.storage.readBlob(
                        "deadletters",
                        d.blob!.slice("deadletters/".length),
                    )) as Record<string, unknown>[];
                    assert.equal(dead.lastDeliveryOutcome, "TimedOut");
                    assert.equal(dead.lastHttpStatusCode, undefined);
                },
            );
        } finally {
            await hanging.close();
        }
    });

    it("records what a Service Bus queue would receive (prod stack), saying it was not sent", async () => {
        const prod = await stackGraph("prod");
        const run = await startLocal({ stack: "prod", graph: prod, azurite, speed: SPEED, log: (l) => logs.push(l) });
        try {
            run.engine.publish(loadSampleFile(CHAT_SAMPLE));
            await run.engine.idle();
            assert.deepEqual(
                run.engine.deliveries.map((d) => [d.subscription, d.outcome]),
                [["chat-messages", "delivered"]],
            );
            const [rec] = run.engine.sink;
            assert.deepEqual(rec.body, loadSampleFile(CHAT_SAMPLE)[0]);
            assert.match(rec.destination, /^ServiceBusQueue .*chat-events$/);
            assert.ok(logs.some((l) => /NOT sent \(no Service Bus\/Event Hubs emulator offline\)/.test(l)));
        } finally {
            await run.stop();
        }
    });

    describe("a secured CloudEvents webhook with batching and delivery headers (dev, changed)", () => {
        let secured: Graph;
        const TENANT = "3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b";
        const APP = "api://acs-chat-receiver";

        before(async () => {
            const dev = (yaml.load(fs.readFileSync("Pulumi.dev.yaml", "utf8")) as any).config;
            const handlers = structuredClone(dev["acs-event-handling:handlers"]);
            handlers["chat-webhook"].webhook = {
                ...handlers["chat-webhook"].webhook,
                entraTenantId: TENANT,
                entraApplicationIdOrUri: APP,
            };
            const subscriptions = structuredClone(dev["acs-event-handling:subscriptions"]);
            subscriptions["chat-messages"] = {
                ...subscriptions["chat-messages"],
                delivery: {
                    schema: "CloudEventSchemaV1_0",
                    batching: { maxEventsPerBatch: 2, preferredBatchSizeInKilobytes: 64 },
                    headers: [
                        { name: "X-Route", kind: "static", value: "chat" },
                        { name: "X-Thread", kind: "dynamic", sourceField: "data.threadId" },
                    ],
                },
            };
            secured = await runStack({ stack: "dev", overrides: { handlers, subscriptions } });
        });

        const events = () => ["c1", "c2", "c3"].map((id) => ({ ...loadSampleFile(CHAT_SAMPLE)[0], id }));

        it("the local receiver accepts the loop's Entra tokens after the OPTIONS handshake", async () => {
            const run = await startLocal({
                stack: "dev",
                graph: secured,
                azurite,
                speed: SPEED,
                log: (l) => logs.push(l),
            });
            try {
                assert.equal(run.engine.validationState("chat-messages"), "Validated");
                run.engine.publish(events());
                await run.engine.idle();
                assert.deepEqual(run.engine.deliveries.map((d) => [d.eventIds.length, d.outcome]).sort(), [
                    [1, "delivered"],
                    [2, "delivered"],
                ]);
            } finally {
                await run.stop();
            }
        });

        it(
            "sends the abuse-protection OPTIONS, bearer tokens, batches of maxEventsPerBatch and the " +
                "delivery headers",
            async () => {
                // Answers OPTIONS with consent (WebHook-Allowed-Origin) and everything else 200, recording all of it.
                const hits: Hit[] = [];
                const consenting = await listenLoopback(async (req, res) => {
                    hits.push({ method: req.method ?? "", headers: req.headers, body: await readBody(req) });
                    res.writeHead(
                        200,
                        req.method === "OPTIONS"
                            ? { "WebHook-Allowed-Origin": String(req.headers["webhook-request-origin"]) }
                            : {},
                    );
                    res.end();
                });
                try {
                    await withRunOn(
                        secured,
                        { webhooks: { "chat-webhook": `${consenting.url}/hook` } },
                        async (run) => {
                            run.engine.publish(events());
                            await run.engine.idle();
                        },
                    );
                    assert.equal(hits[0].method, "OPTIONS");
                    assert.equal(hits[0].headers["webhook-request-origin"], "eventgrid.azure.net");
                    // Batches go out concurrently, so compare them in id order.
                    const posts = hits
                        .filter((h) => h.method === "POST")
                        .sort((a, b) => JSON.parse(a.body)[0].id.localeCompare(JSON.parse(b.body)[0].id));
                    assert.deepEqual(
                        posts.map((p) => JSON.parse(p.body).map((e: any) => e.id)),
                        [["c1", "c2"], ["c3"]],
                    );
                    assert.equal(JSON.parse(posts[0].body)[0].specversion, "1.0", "CloudEvents output");
                    assert.match(String(posts[0].headers["content-type"]), /^application\/cloudevents-batch\+json/);
                    assert.match(String(posts[0].headers.authorization), /^Bearer ey/);
                    assert.equal(posts[0].headers["x-route"], "chat");
                    assert.equal(posts[0].headers["x-thread"], (loadSampleFile(CHAT_SAMPLE)[0].data as any).threadId);
                } finally {
                    await consenting.close();
                }
            },
        );

        async function withRunOn(
            g: Graph,
            o: Partial<LocalOptions>,
            body: (run: LocalRun) => Promise<void>,
        ): Promise<void> {
            const run = await startLocal({
                stack: "dev",
                graph: g,
                azurite,
                speed: SPEED,
                log: (l) => logs.push(l),
                ...o,
            });
            try {
                await body(run);
            } finally {
                await run.stop();
            }
        }
    });
});
