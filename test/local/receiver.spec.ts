/**
 * The deployable webhook receiver (receiver/): handshakes, Entra ID token checks against a locally generated key
 * set, dedupe, typed payloads and the status codes that steer Event Grid — and, through the local loop, a secured
 * webhook subscription whose tokens the receiver accepts.
 */
import assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { createReceiver, PermanentEventError, ReceiverRequest, TypedAcsEvent } from "../../receiver";
import { azureFunctionHandler, EVENT_GRID_APP_ID, EVENT_GRID_ROLE } from "../../receiver";
import { localEntra, LocalEntra } from "../../local/entra";
import { loadSampleFile } from "../../samples";

const TENANT = "3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b";
const AUDIENCE = "api://acs-chat-receiver";
const CHAT = loadSampleFile("chatUser/ChatMessageReceived.eventgrid.json");

function post(body: unknown, headers: Record<string, string> = {}): ReceiverRequest {
    const h = Object.fromEntries(
        Object.entries({ "aeg-event-type": "Notification", ...headers }).map(([k, v]) => [k.toLowerCase(), v]),
    );
    return {
        method: "POST",
        header: (n) => h[n.toLowerCase()],
        body: typeof body === "string" ? body : JSON.stringify(body),
    };
}

describe("webhook receiver (receiver/)", () => {
    let entra: LocalEntra;
    before(async () => {
        entra = await localEntra();
    });

    describe("Entra ID bearer token", () => {
        const secured = (seen: TypedAcsEvent[] = []) =>
            createReceiver({
                entra: { tenantId: TENANT, audience: AUDIENCE, keys: entra.jwks },
                onEvent: (e) => void seen.push(e),
            });

        it("accepts Event Grid's token and hands over the typed payload", async () => {
            const seen: TypedAcsEvent[] = [];
            const r = await secured(seen).handle(
                post(CHAT, { authorization: `Bearer ${await entra.token(TENANT, AUDIENCE)}` }),
            );
            assert.equal(r.status, 200);
            const [e] = seen;
            assert.ok(e.known && e.eventType === "Microsoft.Communication.ChatMessageReceived");
            if (e.known && e.eventType === "Microsoft.Communication.ChatMessageReceived")
                assert.equal(e.data.messageBody, (CHAT[0].data as any).messageBody);
        });

        it(
            "rejects a request without a token, an unsigned token, a wrong audience, a wrong issuer and a " +
                "foreign key",
            async () => {
                const foreign = await generateKeyPair("RS256");
                const claims = { roles: [EVENT_GRID_ROLE], azp: EVENT_GRID_APP_ID };
                const sign = (aud: string, iss: string, key = foreign.privateKey) =>
                    new SignJWT(claims)
                        .setProtectedHeader({ alg: "RS256", kid: "local-event-grid-key" })
                        .setIssuer(iss)
                        .setAudience(aud)
                        .setExpirationTime("1h")
                        .sign(key);
                const cases: Record<string, string | undefined> = {
                    "no token": undefined,
                    unsigned: new UnsecuredJWT(claims)
                        .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
                        .setAudience(AUDIENCE)
                        .setExpirationTime("1h")
                        .encode(),
                    "wrong audience": await entra.token(TENANT, "api://someone-else"),
                    "wrong issuer (other tenant)": await entra.token("99999999-2222-3333-4444-555555555555", AUDIENCE),
                    "signed by a key not in the tenant's set": await sign(
                        AUDIENCE,
                        `https://login.microsoftonline.com/${TENANT}/v2.0`,
                    ),
                };
                for (const [name, token] of Object.entries(cases)) {
                    const seen: TypedAcsEvent[] = [];
                    const r = await secured(seen).handle(post(CHAT, token ? { authorization: `Bearer ${token}` } : {}));
                    assert.equal(r.status, 401, name);
                    assert.equal(seen.length, 0, `${name}: user code must not run`);
                }
            },
        );

        it("rejects a correctly signed token without Event Grid's role or not issued to Event Grid", async () => {
            for (const [name, claims] of Object.entries({
                "no role": { roles: [] },
                "another app": { azp: "00000000-0000-0000-0000-000000000001" },
            })) {
                const r = await secured().handle(
                    post(CHAT, { authorization: `Bearer ${await entra.token(TENANT, AUDIENCE, claims)}` }),
                );
                assert.equal(r.status, 401, name);
            }
        });
    });

    describe("handshakes", () => {
        const receiver = createReceiver({ onEvent: () => undefined, subscriptions: ["chat-messages"] });

        it("echoes the validation code", async () => {
            const r = await receiver.handle(
                post(
                    [
                        {
                            id: "v",
                            eventType: "Microsoft.EventGrid.SubscriptionValidationEvent",
                            data: { validationCode: "abc" },
                        },
                    ],
                    {
                        "aeg-event-type": "SubscriptionValidation",
                        "aeg-subscription-name": "CHAT-MESSAGES",
                    },
                ),
            );
            assert.equal(r.status, 200);
            assert.deepEqual(JSON.parse(r.body!), { validationResponse: "abc" });
        });

        it("grants Event Grid's origin in the CloudEvents OPTIONS handshake, and only that origin", async () => {
            const ok = await receiver.handle({
                method: "OPTIONS",
                header: (n) => (({ "webhook-request-origin": "eventgrid.azure.net" }) as any)[n],
                body: "",
            });
            assert.equal(ok.status, 200);
            assert.equal(ok.headers?.["WebHook-Allowed-Origin"], "eventgrid.azure.net");
            const other = await receiver.handle({
                method: "OPTIONS",
                header: (n) => (({ "webhook-request-origin": "evil.example" }) as any)[n],
                body: "",
            });
            assert.equal(other.status, 403);
        });

        it("refuses an event subscription it does not serve (403)", async () => {
            assert.equal((await receiver.handle(post(CHAT, { "aeg-subscription-name": "SOMEONE-ELSE" }))).status, 403);
        });
    });

    describe("events and status codes", () => {
        it("hands each event to user code once, however often Event Grid redelivers it", async () => {
            const seen: string[] = [];
            const r = createReceiver({ onEvent: (e) => void seen.push(e.id) });
            assert.equal((await r.handle(post(CHAT))).status, 200);
            assert.equal((await r.handle(post(CHAT, { "aeg-delivery-count": "1" }))).status, 200);
            assert.deepEqual(seen, [CHAT[0].id]);
        });

        it("normalises PascalCase data keys to the typed camelCase payload", async () => {
            const seen: TypedAcsEvent[] = [];
            const sms = loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0] as any;
            const pascal = {
                ...sms,
                data: Object.fromEntries(
                    Object.entries(sms.data).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), v]),
                ),
            };
            await createReceiver({ onEvent: (e) => void seen.push(e) }).handle(post([pascal]));
            const [e] = seen;
            assert.ok(e.known && e.eventType === "Microsoft.Communication.SMSReceived");
            if (e.known && e.eventType === "Microsoft.Communication.SMSReceived")
                assert.equal(e.data.message, sms.data.message);
        });

        it(
            "answers 400 (dead-lettered at once) for malformed input and PermanentEventError, 500 (retried) " +
                "for other failures",
            async () => {
                const ok = createReceiver({ onEvent: () => undefined });
                assert.equal((await ok.handle(post("not json"))).status, 400);
                assert.equal((await ok.handle(post([{ data: {} }]))).status, 400);
                const permanent = createReceiver({
                    onEvent: () => {
                        throw new PermanentEventError("bad content");
                    },
                });
                assert.equal((await permanent.handle(post(CHAT))).status, 400);
                const transient = createReceiver({
                    onEvent: () => {
                        throw new Error("database down");
                    },
                });
                assert.equal((await transient.handle(post(CHAT))).status, 500);
            },
        );

        it("skips, on redelivery, the events of a failed batch that were already handled", async () => {
            const seen: string[] = [];
            let failOnce = true;
            const r = createReceiver({
                onEvent: (e) => {
                    if (e.id === "b" && failOnce) {
                        failOnce = false;
                        throw new Error("transient");
                    }
                    seen.push(e.id);
                },
            });
            const batch = ["a", "b"].map((id) => ({ ...CHAT[0], id }));
            assert.equal((await r.handle(post(batch))).status, 500);
            assert.equal((await r.handle(post(batch))).status, 200);
            assert.deepEqual(seen, ["a", "b"]);
        });

        it("works as an Azure Functions HTTP trigger handler", async () => {
            const seen: string[] = [];
            const handler = azureFunctionHandler(createReceiver({ onEvent: (e) => void seen.push(e.id) }));
            const headers = new Map([["aeg-event-type", "Notification"]]);
            const res = await handler({
                method: "POST",
                headers: { get: (n) => headers.get(n.toLowerCase()) ?? null },
                text: async () => JSON.stringify(CHAT),
            });
            assert.equal(res.status, 200);
            assert.deepEqual(seen, [CHAT[0].id]);
        });

        it(
            "answers 413 to a body over maxBodyBytes as a Node listener, " + "without handing anything to user code",
            async () => {
                const seen: string[] = [];
                const listener = createReceiver({
                    onEvent: (e) => void seen.push(e.id),
                    maxBodyBytes: 1024,
                }).nodeListener();
                const server = http.createServer(listener);
                await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
                try {
                    const { port } = server.address() as AddressInfo;
                    const res = await fetch(`http://127.0.0.1:${port}/`, {
                        method: "POST",
                        headers: { "aeg-event-type": "Notification", "content-type": "application/json" },
                        body: JSON.stringify([{ ...CHAT[0], data: { pad: "x".repeat(4096) } }]),
                    });
                    assert.equal(res.status, 413);
                    assert.deepEqual(seen, []);
                } finally {
                    await new Promise<void>((resolve) => server.close(() => resolve()));
                }
            },
        );
    });
});
