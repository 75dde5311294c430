/**
 * The Logic App workflow, evaluated offline by functions/logicApp/interpreter.ts: the Event Grid handshake, one
 * email per SMS through the ACS Email REST API with managed identity, nothing for other events.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import {
    ACS_AUDIENCE,
    EMAIL_CALL_TIMEOUT,
    logicAppDefinition,
    logicAppParameters,
    WORKFLOW_SCHEMA,
} from "../../functions/logicApp/definition";
import { HttpCall, Json, runWorkflow } from "../../functions/logicApp/interpreter";

const PARAMS = {
    acsEndpoint: "https://acs-demo.unitedstates.communication.azure.com",
    sender: "DoNotReply@notify.contoso.example",
    recipients: ["oncall@contoso.example", "lead@contoso.example"],
};
const TOPIC = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs-demo";

function validationEvent(code: string): Json {
    return {
        id: "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
        topic: "/subscriptions/00000000-0000-0000-0000-000000000000",
        subject: "",
        eventType: "Microsoft.EventGrid.SubscriptionValidationEvent",
        eventTime: "2026-11-20T10:00:00Z",
        data: { validationCode: code, validationUrl: "https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/x/validate?id=1" },
        dataVersion: "1",
        metadataVersion: "1",
    };
}

function smsEvent(id: string, from = "15551230000", message = "Where is my order?"): Json {
    return {
        id,
        topic: TOPIC,
        subject: "/phonenumber/15555555555",
        eventType: "Microsoft.Communication.SMSReceived",
        eventTime: "2026-11-20T10:00:01Z",
        data: { messageId: `Incoming_${id}`, from, to: "15555555555", message, receivedTimestamp: "2026-11-20T10:00:00Z", segmentCount: 1 },
        dataVersion: "1.0",
        metadataVersion: "1",
    };
}

function chatEvent(id: string): Json {
    return {
        id,
        topic: TOPIC,
        subject: "thread/19:abc@thread.v2/sender/8:acs:1/recipient/8:acs:2",
        eventType: "Microsoft.Communication.ChatMessageReceived",
        eventTime: "2026-11-20T10:00:01Z",
        data: { messageBody: "hi", messageId: "1600000000000" },
        dataVersion: "1.0",
        metadataVersion: "1",
    };
}

function run(body: Json, http?: (call: HttpCall) => { statusCode: number; timedOut?: boolean }) {
    const parameters = Object.fromEntries(Object.entries(logicAppParameters(PARAMS)).map(([k, v]) => [k, v.value as Json]));
    return runWorkflow(logicAppDefinition(), { triggerBody: body, parameters, http });
}

type EmailBody = { senderAddress: string; recipients: { to: { address: string }[] }; content: { subject: string; plainText: string } };

describe("Logic App workflow definition", () => {
    it("is a Consumption workflow with the HTTP Request trigger 'manual' and the three parameters", () => {
        const def = logicAppDefinition();
        assert.equal(def.$schema, WORKFLOW_SCHEMA);
        const triggers = def.triggers as Record<string, { type: string; kind: string }>;
        assert.deepEqual(Object.keys(triggers), ["manual"]);
        assert.deepEqual([triggers.manual.type, triggers.manual.kind], ["Request", "Http"]);
        assert.deepEqual(Object.keys(def.parameters as object).sort(), ["acsEndpoint", "recipients", "sender"]);
    });

    it("uses no API connections (no OAuth connector to consent to)", () => {
        const text = JSON.stringify(logicAppDefinition());
        assert.doesNotMatch(text, /"ApiConnection|\$connections|"connection"/);
    });

    it("answers the subscription validation event with 200 and the code, and sends nothing", () => {
        const result = run([validationEvent("512d38b6-c7b8-40c8-89fe-f46f9e9622b6")]);
        assert.equal(result.response?.statusCode, 200);
        assert.deepEqual(result.response?.body, { validationResponse: "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" });
        assert.equal(result.httpCalls.length, 0);
    });

    it("sends exactly one email per SMS received through the ACS Email API with managed identity", () => {
        const result = run([smsEvent("sms-1")]);

        assert.equal(result.httpCalls.length, 1);
        const [call] = result.httpCalls;
        assert.equal(call.method, "POST");
        assert.equal(call.uri, "https://acs-demo.unitedstates.communication.azure.com/emails:send?api-version=2023-03-31");
        assert.deepEqual(call.authentication, { type: "ManagedServiceIdentity", audience: ACS_AUDIENCE });
        const body = call.body as EmailBody;
        assert.equal(body.senderAddress, PARAMS.sender);
        assert.deepEqual(body.recipients.to, [{ address: "oncall@contoso.example" }, { address: "lead@contoso.example" }]);
        assert.equal(body.content.subject, "SMS received from 15551230000");
        assert.match(body.content.plainText, /From: 15551230000\nTo: 15555555555\n[\s\S]*\n\nWhere is my order\?$/);
        assert.equal(result.response?.statusCode, 200);
    });

    it("sends no email for a chat event and still answers 200", () => {
        const result = run([chatEvent("chat-1")]);
        assert.equal(result.httpCalls.length, 0);
        assert.equal(result.response?.statusCode, 200);
        assert.equal(result.response?.body, undefined);
    });

    it("emails only the SMS events of a mixed batch, reading PascalCase data too", () => {
        const pascal = smsEvent("sms-3") as Record<string, Json>;
        const data = pascal.data as Record<string, Json>;
        pascal.data = { MessageId: data.messageId, From: "15557770000", To: data.to, Message: "Pascal", ReceivedTimestamp: data.receivedTimestamp };

        const result = run([smsEvent("sms-2", "15551112222"), chatEvent("chat-2"), pascal]);

        assert.deepEqual(result.httpCalls.map((c) => (c.body as EmailBody).content.subject), [
            "SMS received from 15551112222",
            "SMS received from 15557770000",
        ]);
        assert.match((result.httpCalls[1].body as EmailBody).content.plainText, /Pascal$/);
        assert.equal(result.response?.statusCode, 200);
    });

    it("answers 503 at once when the email API fails (no retries inside the run), so Event Grid redelivers later", () => {
        const result = run([smsEvent("sms-4")], () => ({ statusCode: 500 }));
        assert.equal(result.httpCalls.length, 1, "Azure's default policy would have called 5 times, 5–45 s apart");
        assert.equal(result.response?.statusCode, 503);
        assert.ok(result.trace.some((t) => t.action === "Notification_response" && t.status === "Skipped"));
    });

    it("answers 503 when the email call times out, throttled or not", () => {
        assert.equal(run([smsEvent("sms-5")], () => ({ statusCode: 0, timedOut: true })).response?.statusCode, 503);
        const throttled = run([smsEvent("sms-6")], () => ({ statusCode: 429 }));
        assert.equal(throttled.httpCalls.length, 1);
        assert.equal(throttled.response?.statusCode, 503);
    });

    it("bounds the run well inside Event Grid's 30 s: no retry policy, a timeout on the only outbound call", () => {
        const send = JSON.stringify(logicAppDefinition());
        const calls = [...send.matchAll(/"type":"Http"/g)].length;
        assert.equal(calls, 1, "one outbound call per event");
        const seconds = Number(/^PT(\d+)S$/.exec(EMAIL_CALL_TIMEOUT)?.[1]);
        assert.ok(seconds > 0 && seconds <= 20, `${EMAIL_CALL_TIMEOUT} leaves time to answer within 30 s`);
        assert.match(send, /"retryPolicy":\{"type":"none"\}\},"limit":\{"timeout":"PT10S"\}/);
    });

    it("requests the ACS token for the audience the Azure SDKs use (scope https://communication.azure.com//.default)", () => {
        assert.equal(ACS_AUDIENCE, "https://communication.azure.com/");
        // Second source: the installed @azure/communication-common builds its scope as <audience>/.default.
        const policy = fs.readFileSync(require.resolve("@azure/communication-common").replace(/index\.js$/, "credential/communicationAuthPolicy.js"), "utf8");
        assert.ok(policy.includes(`"${ACS_AUDIENCE}/.default"`), "communicationAuthPolicy.js requests <audience>/.default");
    });

    it("checks its parameters: trailing slash removed, non-https endpoint and bad addresses rejected", () => {
        assert.equal(logicAppParameters({ ...PARAMS, acsEndpoint: PARAMS.acsEndpoint + "/" }).acsEndpoint.value, PARAMS.acsEndpoint);
        assert.throws(
            () => logicAppParameters({ acsEndpoint: "http://acs", sender: "nobody", recipients: ["a@b.example", "x"] }),
            /acsEndpoint "http:\/\/acs" is not an https:\/\/ origin; sender "nobody" is not an email address; recipient "x" is not an email address/,
        );
    });
});
