/**
 * What a publisher posts to an Event Grid topic, checked the way the topic checks it: a JSON array of Event Grid
 * schema events, each with `id`, `subject`, `eventType`, `eventTime`, `data` and `dataVersion`
 * (https://learn.microsoft.com/azure/event-grid/event-schema), at most 1 MB per event
 * (https://learn.microsoft.com/azure/event-grid/quotas-limits). Every problem is reported at once.
 * Also builds the realistic SMS the interactive shortcut sends.
 */
import { randomUUID } from "node:crypto";
import * as http from "node:http";
import { Engine } from "./engine";
import { BodyTooLarge, listenLoopback, LoopbackServer, readBody, sendJson } from "./http";

export class InputError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(problems.join("\n"));
    }
}

const REQUIRED: Readonly<Record<string, string>> = {
    id: "string",
    subject: "string",
    eventType: "string",
    eventTime: "string",
    dataVersion: "string",
};
const MAX_EVENT_BYTES = 1024 * 1024;

/** The events of a publisher's body; an object alone is accepted as a one-event array (as sample files hold). */
export function checkEvents(content: unknown, where: string): Record<string, unknown>[] {
    const items = Array.isArray(content) ? content : [content];
    const problems: string[] = [];
    if (items.length === 0) problems.push(`${where}: the array holds no events`);
    items.forEach((item, i) => {
        const at = `${where}${Array.isArray(content) ? `[${i}]` : ""}`;
        if (typeof item !== "object" || item === null || Array.isArray(item))
            return void problems.push(
                `${at}: an event must be a JSON object, got ${JSON.stringify(item)?.slice(0, 40)}`,
            );
        const e = item as Record<string, unknown>;
        if ("specversion" in e)
            return void problems.push(
                `${at}: this is a CloudEvent; ACS system topics publish in the Event Grid schema (post Event ` +
                    "Grid schema events)",
            );
        for (const [k, type] of Object.entries(REQUIRED)) {
            // The subject may be empty (the validation event's is); the other fields may not.
            if (typeof e[k] !== type || (e[k] === "" && k !== "subject"))
                problems.push(`${at}: "${k}" must be a ${k === "subject" ? "" : "non-empty "}${type}`);
        }
        if (!("data" in e)) problems.push(`${at}: "data" is missing`);
        if (typeof e.eventTime === "string" && Number.isNaN(Date.parse(e.eventTime)))
            problems.push(`${at}: "eventTime" ${JSON.stringify(e.eventTime)} is not a date-time`);
        if (Buffer.byteLength(JSON.stringify(e)) > MAX_EVENT_BYTES)
            problems.push(`${at}: larger than Event Grid's 1 MB event limit`);
    });
    if (problems.length) throw new InputError(problems);
    return items as Record<string, unknown>[];
}

/** Parses a file's text as events, with a clear message for bad JSON. */
export function parseEvents(text: string, where: string): Record<string, unknown>[] {
    let content: unknown;
    try {
        content = JSON.parse(text);
    } catch (e) {
        throw new InputError([`${where}: not valid JSON (${(e as Error).message})`]);
    }
    return checkEvents(content, where);
}

/**
 * The loop's publisher endpoint: `POST /api/events` with an Event Grid schema array (200, or 400 listing the
 * problems, as a topic answers), and `GET /validate/<id>?code=…` — the validation URL a webhook handshake hands out.
 */
export async function startIngest(engine: () => Engine | undefined): Promise<LoopbackServer> {
    return listenLoopback(async (req: http.IncomingMessage, res: http.ServerResponse) => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const e = engine();
        if (!e) return sendJson(res, 503, { error: "the local loop is starting" });
        const validate = /^\/validate\/([\w-]+)$/.exec(url.pathname);
        if (req.method === "GET" && validate) {
            const ok = e.validateManually(validate[1], url.searchParams.get("code"));
            return sendJson(
                res,
                ok ? 200 : 404,
                ok ? { validated: true } : { error: "unknown or expired validation link" },
            );
        }
        if (req.method !== "POST" || url.pathname !== "/api/events")
            return sendJson(res, 404, { error: "POST /api/events with an Event Grid schema array" });
        try {
            const events = parseEvents(await readBody(req, MAX_EVENT_BYTES), "body");
            e.publish(events);
            sendJson(res, 200, { accepted: events.length });
        } catch (err) {
            if (err instanceof InputError)
                return sendJson(res, 400, { error: { code: "BadRequest", details: err.problems } });
            if (err instanceof BodyTooLarge)
                return sendJson(res, 413, { error: { code: "PayloadTooLarge", message: err.message } });
            sendJson(res, 500, { error: String(err) });
        }
    });
}

/**
 * A realistic SMSReceived, shaped like the seed's sample (samples/events/sms): numbers as digits with the country
 * code, subject `/phonenumber/<to>`, message id `Incoming_<timestamp><guid>`, topic = the stack's ACS resource id.
 */
export function fabricateSms(o: {
    from: string;
    to: string;
    message: string;
    topic: string;
    now: Date;
}): Record<string, unknown> {
    const digits = (n: string) => n.replace(/\D/g, "");
    const stamp = o.now.toISOString().replace(/\D/g, "").slice(0, 14);
    const id = `Incoming_${stamp}${randomUUID()}`;
    return {
        id,
        topic: o.topic,
        subject: `/phonenumber/${digits(o.to)}`,
        data: {
            messageId: id,
            from: digits(o.from),
            to: digits(o.to),
            message: o.message,
            receivedTimestamp: o.now.toISOString(),
            segmentCount: 1,
        },
        eventType: "Microsoft.Communication.SMSReceived",
        dataVersion: "1.0",
        metadataVersion: "1",
        eventTime: o.now.toISOString(),
    };
}
