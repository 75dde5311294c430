/**
 * A stand-in for the Logic App's Request trigger (functions/logicApp/definition.ts), NOT a workflow engine.
 *
 * Emulated, read from the definition itself: the handshake branch (when the first event's type equals the
 * definition's validation type, answer 200 with `validationResponse` = the event's `validationCode`), the loop's
 * event-type check, and the `Send_email` HTTP action's body — its `@{…}` templates of `coalesce(items(…)?['data']
 * ?['x'], …)`, `@parameters('…')` and `@body('Recipient_addresses')` — POSTed to the local ACS Email stand-in.
 *
 * Not emulated: managed-identity authentication of that call, the Workflow Definition Language in general (any
 * other expression is reported, never guessed), run history, runAfter failure paths and trigger schema checks.
 */
import { logicAppDefinition } from "../functions/logicApp/definition";
import { LoopbackServer, listenLoopback, readBody, sendJson } from "./http";

export interface LogicAppStandIn {
    readonly url: string;
    close(): Promise<void>;
}

export interface LogicAppParameters {
    readonly acsEndpoint: string;
    readonly sender: string;
    readonly recipients: readonly string[];
}

export async function startLogicApp(
    params: LogicAppParameters,
    note: (line: string) => void,
): Promise<LogicAppStandIn> {
    const shape = readDefinition(logicAppDefinition());
    const server: LoopbackServer = await listenLoopback(async (req, res) => {
        try {
            if (req.method !== "POST") return sendJson(res, 405);
            const body = JSON.parse(await readBody(req));
            if (!Array.isArray(body))
                return sendJson(res, 400, { error: "the Request trigger's schema expects an array" });
            if (body[0]?.eventType === shape.validationType) {
                return sendJson(res, 200, { validationResponse: body[0]?.data?.validationCode });
            }
            for (const event of body) {
                if (event?.eventType !== shape.handledType) continue;
                const email = render(shape.emailBody, event, params, shape.loop);
                const r = await fetch(`${params.acsEndpoint}/emails:send?api-version=2023-03-31`, {
                    method: "POST",
                    headers: { "content-type": "application/json", "x-local-sender": "logicApp" },
                    body: JSON.stringify(email),
                });
                // The workflow's Response runs only after every email succeeded; otherwise no 200 (see definition.ts).
                if (r.status !== 202) return sendJson(res, 502, { error: `ACS Email answered ${r.status}` });
            }
            sendJson(res, 200);
        } catch (e) {
            note(`Logic App stand-in: ${e instanceof Error ? e.message : String(e)}`);
            sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
        }
    });
    return { url: `${server.url}/workflows/local/triggers/manual/paths/invoke`, close: () => server.close() };
}

interface DefinitionShape {
    readonly validationType: string;
    readonly handledType: string;
    readonly loop: string;
    readonly emailBody: unknown;
}

/** The parts of the definition the stand-in relies on; a renamed action is a clear error, not a silent skip. */
function readDefinition(def: Record<string, any>): DefinitionShape {
    const branch = def.actions?.Is_subscription_validation;
    const loopName = Object.keys(branch?.else?.actions ?? {}).find((k) => branch.else.actions[k].type === "Foreach");
    const loop = loopName ? branch.else.actions[loopName] : undefined;
    const check = loop && Object.values<any>(loop.actions).find((a) => a.type === "If");
    const send = check?.actions?.Send_email;
    const validationType = branch?.expression?.and?.[0]?.equals?.[1];
    const handledType = check?.expression?.and?.[0]?.equals?.[1];
    if (!validationType || !handledType || !send?.inputs?.body || !loopName) {
        throw new Error(
            "functions/logicApp/definition.ts no longer has the shape the local stand-in reads " +
                "(Is_subscription_validation → Foreach → If → Send_email)",
        );
    }
    return { validationType, handledType, loop: loopName, emailBody: send.inputs.body };
}

/** Evaluates the few expression forms the Send_email body uses; anything else throws "not emulated". */
function render(template: unknown, event: any, params: LogicAppParameters, loop: string): unknown {
    if (Array.isArray(template)) return template.map((t) => render(t, event, params, loop));
    if (template && typeof template === "object") {
        return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, render(v, event, params, loop)]));
    }
    if (typeof template !== "string") return template;
    if (template === "@body('Recipient_addresses')") return params.recipients.map((address) => ({ address }));
    const whole = /^@parameters\('(\w+)'\)$/.exec(template);
    if (whole) return (params as any)[whole[1]];
    return template.replace(/@\{([^}]*)\}/g, (_, expr: string) => String(evaluate(expr, event, params, loop) ?? ""));
}

function evaluate(expr: string, event: any, params: LogicAppParameters, loop: string): unknown {
    const param = /^parameters\('(\w+)'\)$/.exec(expr);
    if (param) return (params as any)[param[1]];
    const coalesce = /^coalesce\((.*)\)$/.exec(expr);
    if (coalesce)
        return coalesce[1]
            .split(/,\s*/)
            .map((part) => dataField(part, event, loop))
            .find((v) => v !== undefined && v !== null);
    throw new Error(`expression "${expr}" is not emulated by the local Logic App stand-in`);
}

function dataField(part: string, event: any, loop: string): unknown {
    const m = new RegExp(`^items\\('${loop}'\\)\\?\\['data'\\]\\?\\['(\\w+)'\\]$`).exec(part.trim());
    if (!m) throw new Error(`expression "${part}" is not emulated by the local Logic App stand-in`);
    return event?.data?.[m[1]];
}
