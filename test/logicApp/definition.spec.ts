/**
 * The Logic App workflow, tested for what can be known offline without a home-grown copy of Azure's engine:
 * - structure: the trigger, the parameters and the run-after graph (every predecessor exists, no cycle, one
 *   Response per branch, the notification 200 only after every email succeeded);
 * - expressions: every `@…` string is well formed, calls only documented workflow functions
 *   (https://learn.microsoft.com/azure/logic-apps/workflow-definition-language-functions-reference) and refers to
 *   declared parameters, actions that ran before it and its enclosing loop;
 * - the handshake branch against the documented request and response
 *   (https://learn.microsoft.com/azure/event-grid/webhook-event-delivery): POST of an array holding one
 *   Microsoft.EventGrid.SubscriptionValidationEvent, answered synchronously with 200 and
 *   `{"validationResponse": "<data.validationCode>"}`.
 * The SMS fields are checked against a recorded SMSReceived delivery (samples/events).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import {
    ACS_AUDIENCE,
    ACS_EMAIL_API_VERSION,
    EMAIL_CALL_TIMEOUT,
    logicAppDefinition,
    logicAppParameters,
    RETRY_LATER_STATUS,
    WORKFLOW_SCHEMA,
} from "../../components/handlers/logicAppDefinition";
import { loadSampleFile } from "../../samples";
import { joinRe } from "../support/regex";

type Action = Record<string, any>;
type Actions = Record<string, Action>;

const PARAMS = {
    acsEndpoint: "https://acs-demo.unitedstates.communication.azure.com",
    sender: "DoNotReply@notify.contoso.example",
    recipients: ["oncall@contoso.example", "lead@contoso.example"],
};

/** The documented validation request body (webhook-event-delivery, "Validation details"), and its answer. */
const VALIDATION_REQUEST = [
    {
        id: "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
        topic: "/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
        subject: "",
        data: {
            validationCode: "512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
            validationUrl:
                "https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/myeventsub" +
                "/validate?id=0000000000-0000-0000-0000-00000000000000&t=2022-10-28T04:23:35.1981776Z" +
                "&apiVersion=2018-05-01-preview&token=1A1A1A1A",
        },
        eventType: "Microsoft.EventGrid.SubscriptionValidationEvent",
        eventTime: "2022-10-28T04:23:35.1981776Z",
        metadataVersion: "1",
        dataVersion: "1",
    },
];
const VALIDATION_RESPONSE = { validationResponse: "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" };

const SMS = loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0] as {
    eventType: string;
    data: Record<string, unknown>;
};

/** Workflow functions the definition may call (all documented in the functions reference above). */
const DOCUMENTED_FUNCTIONS = new Set(["body", "coalesce", "first", "item", "items", "parameters", "triggerBody"]);

const def = logicAppDefinition();
const actions = def.actions as Actions;
const condition = actions.Is_subscription_validation;
const notify = condition.else.actions as Actions;
const loopName = Object.keys(notify).find((n) => notify[n].type === "Foreach")!;
const loop = notify[loopName];
const smsCondition = Object.values(loop.actions as Actions).find((a) => a.type === "If")!;
const sendEmail = Object.values(smsCondition.actions as Actions).find((a) => a.type === "Http")!;

interface Located {
    readonly name: string;
    readonly action: Action;
    readonly scope: Actions;
    /** The If/Foreach actions around this one, outermost first, each with its own scope. */
    readonly containers: readonly { readonly name: string; readonly action: Action; readonly scope: Actions }[];
}

/** Every action, with the action map it sits in and the actions around it. */
function allActions(scope: Actions, containers: Located["containers"] = []): Located[] {
    return Object.entries(scope).flatMap(([name, action]) => {
        const inner = [...containers, { name, action, scope }];
        const nested = [action.actions, action.else?.actions]
            .filter(Boolean)
            .flatMap((a: Actions) => allActions(a, inner));
        return [{ name, action, scope, containers }, ...nested];
    });
}

const loopsAround = (l: Located) => l.containers.filter((c) => c.action.type === "Foreach").map((c) => c.name);

/** Actions that have finished when `l` starts: its predecessors and those of every action around it. */
const finishedBefore = (l: Located) => [l, ...l.containers].flatMap((x) => [...upstream(x.name, x.scope)]);

/** The expressions in a value: whole-string `@expr`, and each `@{expr}` inside a string; `@@` is a literal @. */
function expressionsIn(value: unknown): string[] {
    if (typeof value === "string") {
        if (value.startsWith("@@")) return [];
        if (value.includes("@{")) return [...value.matchAll(/@\{((?:[^{}']|'(?:[^']|'')*')*)\}/g)].map((m) => m[1]);
        return value.startsWith("@") ? [value.slice(1)] : [];
    }
    if (Array.isArray(value)) return value.flatMap(expressionsIn);
    if (value && typeof value === "object") return Object.values(value).flatMap(expressionsIn);
    return [];
}

/** Own expressions of an action (nested actions excluded: they are visited on their own). */
function ownExpressions(action: Action): string[] {
    const { actions: _a, else: _e, ...own } = action;
    return expressionsIn(own);
}

/** Function names called outside string literals, or a reason the expression is malformed. */
function callsIn(expr: string): string[] {
    const code = expr.replace(/'(?:[^']|'')*'/g, "''");
    assert.ok(!code.includes("'") || /^(?:[^']|'')*$/.test(code), `unterminated string in ${expr}`);
    let depth = 0;
    for (const c of code) {
        depth += c === "(" || c === "[" ? 1 : c === ")" || c === "]" ? -1 : 0;
        assert.ok(depth >= 0, `unbalanced brackets in ${expr}`);
    }
    assert.equal(depth, 0, `unbalanced brackets in ${expr}`);
    return [...code.matchAll(/([A-Za-z]+)\(/g)].map((m) => m[1]);
}

/** Arguments of `fn('…')` calls in an expression. */
const argsOf = (fn: string, expr: string) =>
    [...expr.matchAll(new RegExp(`\\b${fn}\\('([^']*)'\\)`, "g"))].map((m) => m[1]);

/** Names an action runs after, directly or through its predecessors, within its own action map. */
function upstream(name: string, scope: Actions, seen = new Set<string>()): Set<string> {
    for (const before of Object.keys(scope[name]?.runAfter ?? {})) {
        if (!seen.has(before)) upstream(before, scope, seen.add(before));
    }
    return seen;
}

/**
 * The property path of an accessor expression over the trigger body, e.g. `first(triggerBody())?['data']?['x']`
 * → [0, "data", "x"]; undefined for any other form (such expressions are not read by this test).
 */
function triggerPath(expr: string): (string | number)[] | undefined {
    const m = /^first\(triggerBody\(\)\)((?:\?\['[^']+'\])*)$/.exec(expr.replace(/^@/, ""));
    return m ? [0, ...[...m[1].matchAll(/\['([^']+)'\]/g)].map((k) => k[1])] : undefined;
}

const read = (value: unknown, path: readonly (string | number)[]) => path.reduce<any>((v, k) => v?.[k], value);

describe("Logic App workflow definition: structure", () => {
    it(
        "is a Consumption workflow with the HTTP Request trigger 'manual' taking a POSTed array, and three " +
            "parameters",
        () => {
            assert.equal(def.$schema, WORKFLOW_SCHEMA);
            const triggers = def.triggers as Actions;
            assert.deepEqual(Object.keys(triggers), ["manual"]);
            assert.deepEqual(
                [
                    triggers.manual.type,
                    triggers.manual.kind,
                    triggers.manual.inputs.method,
                    triggers.manual.inputs.schema.type,
                ],
                ["Request", "Http", "POST", "array"],
            );
            assert.deepEqual(Object.keys(def.parameters as object).sort(), ["acsEndpoint", "recipients", "sender"]);
        },
    );

    it("uses no API connections (no OAuth connector to consent to)", () => {
        assert.doesNotMatch(JSON.stringify(def), /"ApiConnection|\$connections|"connection"/);
    });

    it("runs every action after actions of its own scope, without a cycle", () => {
        for (const { name, action, scope } of allActions(actions)) {
            for (const [before, statuses] of Object.entries(action.runAfter ?? {})) {
                assert.ok(before in scope, `${name} runs after ${before}, which is not in its scope`);
                assert.ok(
                    (statuses as string[]).every((s) => ["Succeeded", "Failed", "Skipped", "TimedOut"].includes(s)),
                    `${name}: ${statuses}`,
                );
            }
            assert.ok(!upstream(name, scope).has(name), `${name} runs after itself`);
        }
    });

    it(
        "has its Responses outside the loop: the validation answer, and the notification answers (done / " +
            "retry later)",
        () => {
            const responses = allActions(actions).filter((a) => a.action.type === "Response");
            assert.deepEqual(
                responses.map((r) => [r.name, loopsAround(r).length]),
                [
                    ["Validation_response", 0],
                    ["Notification_response", 0],
                    ["Retry_later_response", 0],
                ],
            );
        },
    );

    it("answers notifications 200 only after the loop succeeded, so a failed email makes Event Grid redeliver", () => {
        assert.deepEqual(notify.Notification_response.runAfter, { [loopName]: ["Succeeded"] });
        assert.equal(notify.Notification_response.inputs.statusCode, 200);
    });
});

describe("Logic App workflow definition: expressions", () => {
    const located = allActions(actions).flatMap((l) => ownExpressions(l.action).map((expr) => ({ ...l, expr })));

    it("are well formed and call only documented workflow functions", () => {
        assert.ok(located.length >= 10, `only ${located.length} expressions found`);
        for (const { name, expr } of located) {
            const unknown = callsIn(expr).filter((f) => !DOCUMENTED_FUNCTIONS.has(f));
            assert.deepEqual(unknown, [], `${name}: ${expr}`);
        }
    });

    it("refer only to declared parameters, actions that ran before, and the enclosing loop", () => {
        const declared = Object.keys(def.parameters as object);
        for (const l of located) {
            for (const p of argsOf("parameters", l.expr))
                assert.ok(declared.includes(p), `${l.name}: parameter ${p} is not declared`);
            for (const loopRef of argsOf("items", l.expr))
                assert.ok(loopsAround(l).includes(loopRef), `${l.name}: items('${loopRef}') outside that loop`);
            for (const a of argsOf("body", l.expr))
                assert.ok(finishedBefore(l).includes(a), `${l.name}: body('${a}') has not run before it`);
        }
    });

    it(
        "reads every SMS field in camelCase and PascalCase, and the camelCase keys exist in a recorded " +
            "SMSReceived",
        () => {
            const text = JSON.stringify(sendEmail.inputs.body);
            const reads = [
                ...text.matchAll(
                    /coalesce\(items\('\w+'\)\?\['data'\]\?\['(\w+)'\], items\('\w+'\)\?\['data'\]\?\['(\w+)'\]\)/g,
                ),
            ];
            assert.ok(reads.length >= 5, text);
            assert.equal(
                reads.length,
                (text.match(/\['data'\]/g) ?? []).length / 2,
                "every data read is a camelCase/PascalCase pair",
            );
            for (const [r, camel, pascal] of reads) {
                assert.equal(pascal, camel[0].toUpperCase() + camel.slice(1), r);
                assert.ok(camel in SMS.data, `${camel} is not a key of the recorded SMSReceived data`);
            }
        },
    );
});

describe("Logic App workflow definition: the Event Grid handshake (documented request and response)", () => {
    it("recognises the documented validation request by the event type of its first event", () => {
        const [[left, right]] = condition.expression.and.map((c: Action) => c.equals);
        assert.equal(read(VALIDATION_REQUEST, triggerPath(left)!), right);
        assert.equal(right, VALIDATION_REQUEST[0].eventType);
        assert.notEqual(read([SMS], triggerPath(left)!), right, "an SMS delivery must take the other branch");
    });

    it("answers it synchronously with 200 and the documented body, before any email is sent", () => {
        const answer = condition.actions.Validation_response;
        assert.deepEqual(
            [answer.type, answer.kind, answer.inputs.statusCode, answer.runAfter],
            ["Response", "Http", 200, {}],
        );
        const body = Object.fromEntries(
            Object.entries(answer.inputs.body).map(([k, v]) => [
                k,
                read(VALIDATION_REQUEST, triggerPath(v as string)!),
            ]),
        );
        assert.deepEqual(body, VALIDATION_RESPONSE);
        assert.deepEqual(
            Object.keys(condition.actions),
            ["Validation_response"],
            "nothing else runs on the validation branch",
        );
        assert.deepEqual(Object.keys(condition.runAfter), ["Recipient_addresses"]);
        assert.equal(actions.Recipient_addresses.type, "Select", "only a local Select runs before the answer");
    });
});

describe("Logic App workflow definition: notifications", () => {
    it("loops over the whole delivered batch and emails only SMSReceived events", () => {
        assert.equal(loop.foreach, "@triggerBody()");
        const [[left, right]] = smsCondition.expression.and.map((c: Action) => c.equals);
        assert.equal(left, `@items('${loopName}')?['eventType']`);
        assert.equal(right, SMS.eventType);
        assert.deepEqual(smsCondition.else.actions, {}, "other event types: nothing to do");
    });

    it("sends the email through the ACS Email REST API with the workflow's managed identity", () => {
        assert.equal(sendEmail.inputs.method, "POST");
        assert.equal(
            sendEmail.inputs.uri,
            `@{parameters('acsEndpoint')}/emails:send?api-version=${ACS_EMAIL_API_VERSION}`,
        );
        assert.equal(sendEmail.inputs.authentication.type, "ManagedServiceIdentity");
        assert.equal(sendEmail.inputs.authentication.audience, ACS_AUDIENCE);
        assert.equal(sendEmail.inputs.body.senderAddress, "@parameters('sender')");
        assert.equal(sendEmail.inputs.body.recipients.to, "@body('Recipient_addresses')");
        assert.deepEqual(actions.Recipient_addresses.inputs, {
            from: "@parameters('recipients')",
            select: { address: "@item()" },
        });
    });

    it("checks its parameters: trailing slash removed, non-https endpoint and bad addresses rejected", () => {
        assert.equal(
            logicAppParameters({ ...PARAMS, acsEndpoint: `${PARAMS.acsEndpoint}/` }).acsEndpoint.value,
            PARAMS.acsEndpoint,
        );
        assert.throws(
            () => logicAppParameters({ acsEndpoint: "http://acs", sender: "nobody", recipients: ["a@b.example", "x"] }),
            joinRe(
                /acsEndpoint "http:\/\/acs" is not an https:\/\/ origin; sender "nobody" is not an email /,
                /address; recipient "x" is not an email address/,
            ),
        );
    });
});

/**
 * Event Grid waits 30 s for an answer, then redelivers while the first run goes on
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry); a Logic App action's default retry policy
 * retries up to 4 times (https://learn.microsoft.com/azure/logic-apps/logic-apps-exception-handling).
 */
describe("Logic App workflow answers within Event Grid's deadline", () => {
    it("bounds the run: one outbound call, no retry policy, a timeout well under 30 s", () => {
        const text = JSON.stringify(def);
        assert.equal([...text.matchAll(/"type":"Http"/g)].length, 1, "one outbound call per event");
        assert.deepEqual(sendEmail.inputs.retryPolicy, { type: "none" });
        assert.equal(sendEmail.limit?.timeout, EMAIL_CALL_TIMEOUT);
        const seconds = Number(/^PT(\d+)S$/.exec(EMAIL_CALL_TIMEOUT)?.[1]);
        assert.ok(seconds > 0 && seconds <= 20, `${EMAIL_CALL_TIMEOUT} leaves time to answer within 30 s`);
    });

    it(
        "answers 200 only after every email succeeded, and a status Event Grid retries when one failed or " +
            "timed out",
        () => {
            const responses = Object.values(notify).filter((a) => a.type === "Response");
            const ok = responses.find((r) => r.inputs.statusCode === 200);
            const later = responses.find((r) => r.inputs.statusCode === RETRY_LATER_STATUS);
            assert.deepEqual(ok?.runAfter, { [loopName]: ["Succeeded"] });
            assert.deepEqual(later?.runAfter, { [loopName]: ["Failed", "TimedOut"] });
            // 503 is retried by Event Grid; 400/413 (and 401/403 for webhooks) would be dead-lettered at once.
            assert.equal(RETRY_LATER_STATUS, 503);
        },
    );

    it(
        "requests the ACS token for the audience the Azure SDKs use (scope " +
            "https://communication.azure.com//.default)",
        () => {
            assert.deepEqual(sendEmail.inputs.authentication, {
                type: "ManagedServiceIdentity",
                audience: ACS_AUDIENCE,
            });
            assert.equal(ACS_AUDIENCE, "https://communication.azure.com/");
            // Second source: the installed @azure/communication-common builds its scope as <audience>/.default.
            const policy = fs.readFileSync(
                require
                    .resolve("@azure/communication-common")
                    .replace(/index\.js$/, "credential/communicationAuthPolicy.js"),
                "utf8",
            );
            assert.ok(
                policy.includes(`"${ACS_AUDIENCE}/.default"`),
                "communicationAuthPolicy.js requests <audience>/.default",
            );
        },
    );
});
