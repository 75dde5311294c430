/**
 * A loopback stand-in for the ACS Email REST API, so the Function's real `@azure/communication-email` client and
 * the Logic App stand-in have somewhere to send: it records each accepted send instead of emailing anyone.
 *   POST /emails:send               → 202, `operation-location`, body {id, status: "Running"}
 *   GET  /emails/operations/{id}    → 200, body {id, status: "Succeeded"}
 * (the GA 2023-03-31 API: https://learn.microsoft.com/rest/api/communication/dataplane/email/send).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { listenLoopback, readBody, sendJson } from "./http";

export interface RecordedEmail {
    readonly operationId: string;
    /** Who sent it: the Function's SDK client or the Logic App stand-in. */
    readonly via: string;
    readonly senderAddress: string;
    readonly to: readonly string[];
    readonly subject: string;
    readonly plainText?: string;
}

export interface AcsEmailStandIn {
    readonly endpoint: string;
    /** A connection string the SDK accepts; the key is random (nothing checks it). */
    readonly connectionString: string;
    readonly sent: RecordedEmail[];
    close(): Promise<void>;
}

export async function startAcsEmail(
    onSend: (email: RecordedEmail) => void = () => undefined,
): Promise<AcsEmailStandIn> {
    const sent: RecordedEmail[] = [];
    const server = await listenLoopback(async (req, res) => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        if (req.method === "POST" && url.pathname === "/emails:send") {
            const body = JSON.parse(await readBody(req));
            const operationId = String(req.headers["operation-id"] ?? randomUUID());
            const email: RecordedEmail = {
                operationId,
                via: req.headers["x-local-sender"] === "logicApp" ? "Logic App stand-in" : "ACS Email SDK",
                senderAddress: body.senderAddress,
                to: (body.recipients?.to ?? []).map((r: { address: string }) => r.address),
                subject: body.content?.subject,
                plainText: body.content?.plainText,
            };
            sent.push(email);
            onSend(email);
            const location = `http://${req.headers.host}/emails/operations/${operationId}?${url.searchParams}`;
            return sendJson(
                res,
                202,
                { id: operationId, status: "Running" },
                { "operation-location": location, "retry-after": "0" },
            );
        }
        const poll = /^\/emails\/operations\/([^/]+)$/.exec(url.pathname);
        if (req.method === "GET" && poll)
            return sendJson(res, 200, { id: decodeURIComponent(poll[1]), status: "Succeeded" });
        sendJson(res, 404, { error: { code: "NotFound", message: `${req.method} ${url.pathname}` } });
    });
    const endpoint = server.url;
    return {
        endpoint,
        connectionString: `endpoint=${endpoint}/;accesskey=${randomBytes(32).toString("base64")}`,
        sent,
        close: () => server.close(),
    };
}
