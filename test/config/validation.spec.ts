import * as assert from "node:assert";
import { parseStackSettings } from "../../config/load";
import { formatIssue, ValidationError } from "../../validation/issue";
import { rawStackConfig } from "../support/rawConfig";

/** Apply a mutation to the dev config and return every formatted error line. */
function errorsFor(mutate: (c: Record<string, any>) => void): string[] {
    const cfg = rawStackConfig("dev");
    mutate(cfg);
    try {
        parseStackSettings(cfg);
    } catch (err) {
        assert.ok(ValidationError.is(err), `expected a ValidationError, got ${err}`);
        return err.issues.map((i) => formatIssue("acs-event-handling:", i));
    }
    return [];
}

const sub = (c: Record<string, any>) => c.subscriptions["sms-604"];

/** [case, mutation, expected line (substring match, must name key path, value and what is allowed)] */
const CASES: [string, (c: Record<string, any>) => void, string][] = [
    [
        "legacy event type (early preview filter)",
        (c) => {
            sub(c).filter.eventTypes = ["Microsoft.Resources.SMSReceived"];
        },
        "acs-event-handling:subscriptions.sms-604.filter.eventTypes[0]: event type " +
            '"Microsoft.Resources.SMSReceived" is a legacy name (2020 ACS preview filter example) that Azure ' +
            'never delivers today; use "Microsoft.Communication.SMSReceived" (got ' +
            '"Microsoft.Resources.SMSReceived")',
    ],
    [
        "legacy delivery report name",
        (c) => {
            sub(c).filter.eventTypes = ["Microsoft.Resources.SMSDeliveryReport"];
        },
        'use "Microsoft.Communication.SMSDeliveryReportReceived" (got "Microsoft.Resources.SMSDeliveryReport")',
    ],
    [
        "preview instant message type",
        (c) => {
            c.subscriptions["chat-messages"].filter.eventTypes = ["Microsoft.Communication.InstantMessageReceived"];
        },
        "acs-event-handling:subscriptions.chat-messages.filter.eventTypes[0]: event type " +
            '"Microsoft.Communication.InstantMessageReceived" is a legacy name (2020 ACS preview docs) that ' +
            'Azure never delivers today; use "Microsoft.Communication.ChatMessageReceived" or ' +
            '"Microsoft.Communication.ChatMessageReceivedInThread"',
    ],
    [
        "wrong namespace from the preview table",
        (c) => {
            c.subscriptions["chat-messages"].filter.eventTypes = [
                "Microsoft.CommunicationServices.InstantMessageDeleted",
            ];
        },
        'use "Microsoft.Communication.ChatMessageDeleted" or "Microsoft.Communication.ChatMessageDeletedInThread"',
    ],
    [
        "typo gets a did-you-mean",
        (c) => {
            sub(c).filter.eventTypes = ["Microsoft.Communication.SMSRecieved"];
        },
        'event type "Microsoft.Communication.SMSRecieved" is not emitted by Azure Communication ' +
            'Services; did you mean "Microsoft.Communication.SMSReceived"?',
    ],
    [
        "short name",
        (c) => {
            sub(c).filter.eventTypes = ["SMSReceived"];
        },
        'did you mean "Microsoft.Communication.SMSReceived"?',
    ],
    [
        "empty event types",
        (c) => {
            sub(c).filter.eventTypes = [];
        },
        "acs-event-handling:subscriptions.sms-604.filter.eventTypes: list at least one event type; " +
            "without one the subscription receives every event the resource emits",
    ],
    [
        "missing event types",
        (c) => {
            delete sub(c).filter.eventTypes;
        },
        "acs-event-handling:subscriptions.sms-604.filter.eventTypes: list at least one event type; without one the " +
            "subscription receives every event the resource emits",
    ],
    [
        "Event Grid control event",
        (c) => {
            sub(c).filter.eventTypes = ["Microsoft.EventGrid.SubscriptionValidationEvent"];
        },
        "never reaches an ACS system topic",
    ],
    [
        "unknown handler",
        (c) => {
            sub(c).handler = "sms-queu";
        },
        "acs-event-handling:subscriptions.sms-604.handler: no handler with this name; defined handlers: " +
            'sms-queue, chat-webhook, sms-function, sms-logic-app (got "sms-queu")',
    ],
    [
        "http webhook",
        (c) => {
            c.handlers["chat-webhook"].webhook.url = "http://hooks.example.com/x?code=abc";
        },
        "acs-event-handling:handlers.chat-webhook.webhook.url: must use https:// (Event Grid delivers " +
            "only to HTTPS endpoints with a publicly trusted certificate) (got " +
            '"http://hooks.example.com/x?…")',
    ],
    [
        "retry attempts above 30",
        (c) => {
            sub(c).retry = { maxDeliveryAttempts: 31 };
        },
        "acs-event-handling:subscriptions.sms-604.retry.maxDeliveryAttempts: must be a whole number from " +
            "1 to 30 (Event Grid limit) (got 31)",
    ],
    [
        "retry attempts zero",
        (c) => {
            sub(c).retry = { maxDeliveryAttempts: 0 };
        },
        "from 1 to 30 (Event Grid limit) (got 0)",
    ],
    [
        "TTL above a day",
        (c) => {
            sub(c).retry = { eventTimeToLiveInMinutes: 1441 };
        },
        "acs-event-handling:subscriptions.sms-604.retry.eventTimeToLiveInMinutes: must be a whole number " +
            "from 1 to 1440 (Event Grid limit) (got 1441)",
    ],
    [
        "invalid subscription name",
        (c) => {
            c.subscriptions["sms_604!"] = c.subscriptions["sms-604"];
            delete c.subscriptions["sms-604"];
        },
        "acs-event-handling:subscriptions.sms_604!: subscription names are 3–64 letters, digits or " +
            'hyphens (got "sms_604!")',
    ],
    [
        "duplicated subscription name (case-insensitive)",
        (c) => {
            c.subscriptions["SMS-604"] = { ...c.subscriptions["sms-604"] };
        },
        'acs-event-handling:subscriptions.SMS-604: duplicates the name of subscription "sms-604" (Azure ' +
            'names are case-insensitive) (got "SMS-604")',
    ],
    [
        "duplicated Azure name through name:",
        (c) => {
            c.subscriptions["chat-messages"].name = "sms-604";
        },
        'acs-event-handling:subscriptions.chat-messages: duplicates the name of subscription "sms-604"',
    ],
    [
        "more than 500 subscriptions",
        (c) => {
            for (let i = 0; i < 500; i++)
                c.subscriptions[`extra-${i}`] = {
                    ...c.subscriptions["sms-604"],
                    filter: { ...sub(c).filter, subject: { beginsWith: `/phonenumber/1${i}` } },
                };
        },
        "acs-event-handling:subscriptions: at most 500 event subscriptions per system topic (Azure " +
            'limit) (got "504 subscriptions")',
    ],
    [
        "26 advanced filters",
        (c) => {
            sub(c).filter.advancedFilters = Array.from({ length: 26 }, () => ({
                operatorType: "IsNotNull",
                key: "data.to",
            }));
        },
        "acs-event-handling:subscriptions.sms-604.filter.advancedFilters: at most 25 advanced filters " +
            'per subscription (got "26 filters")',
    ],
    [
        "26 advanced filter values",
        (c) => {
            sub(c).filter.advancedFilters = [
                {
                    operatorType: "StringIn",
                    key: "data.to",
                    values: Array.from({ length: 26 }, (_, i) => `+1604555${i}`),
                },
            ];
        },
        "at most 25 values in total across all advanced filters of a subscription (a range pair counts " +
            '2) (got "26 values")',
    ],
    [
        "string value over 512 characters",
        (c) => {
            sub(c).filter.advancedFilters = [
                { operatorType: "StringContains", key: "data.message", values: ["x".repeat(513)] },
            ];
        },
        "acs-event-handling:subscriptions.sms-604.filter.advancedFilters[0].values[0]: at most 512 " +
            "characters per string value",
    ],
    [
        "value instead of values",
        (c) => {
            sub(c).filter.advancedFilters = [{ operatorType: "StringIn", key: "data.to", value: 5 }];
        },
        "acs-event-handling:subscriptions.sms-604.filter.advancedFilters[0].value: StringIn takes " +
            '"values", not "value" (got 5)',
    ],
    [
        "number operator with strings",
        (c) => {
            sub(c).filter.advancedFilters = [
                { operatorType: "NumberGreaterThan", key: "data.segmentCount", values: ["1"] },
            ];
        },
        "acs-event-handling:subscriptions.sms-604.filter.advancedFilters[0].value: NumberGreaterThan " +
            'needs "value": a number (got nothing)',
    ],
    [
        "range not a pair",
        (c) => {
            sub(c).filter.advancedFilters = [
                { operatorType: "NumberInRange", key: "data.segmentCount", values: [[5, 1]] },
            ];
        },
        "advancedFilters[0].values[0]: NumberInRange values must be [low, high] pairs of numbers with " +
            "low <= high (got [5,1])",
    ],
    [
        "unknown operator",
        (c) => {
            sub(c).filter.advancedFilters = [{ operatorType: "StringLike", key: "data.to", values: ["1"] }];
        },
        "advancedFilters[0].operatorType: unknown operator; allowed: NumberIn, NumberNotIn",
    ],
    [
        "missing dataLocation",
        (c) => {
            delete c.communication.dataLocation;
        },
        "acs-event-handling:communication.dataLocation: required when creating the Communication " +
            'Service: where ACS stores data at rest, e.g. "Europe", "United States", "UK" (got nothing)',
    ],
    [
        "wildcard in subject",
        (c) => {
            sub(c).filter.subject = { beginsWith: "/phonenumber/1604*" };
        },
        "acs-event-handling:subscriptions.sms-604.filter.subject.beginsWith: Event Grid subject filters " +
            'are literal: "*" and "?" are not wildcards',
    ],
    [
        "question mark in subject suffix",
        (c) => {
            sub(c).filter.subject = { endsWith: "555?" };
        },
        "subject.endsWith: Event Grid subject filters are literal",
    ],
    [
        "early-doc subject prefix without slash and country code",
        (c) => {
            sub(c).filter.subject = { beginsWith: "phonenumber/604" };
        },
        "acs-event-handling:subscriptions.sms-604.filter.subject.beginsWith: no subject of the included " +
            'event types can begin with this (their subjects look like "/phonenumber/15555555555"); SMS ' +
            'subjects start with "/phonenumber/" and the E.164 country code, e.g. "/phonenumber/1604" for ' +
            'the 604 area code in North America (got "phonenumber/604")',
    ],
    [
        "chat prefix on an SMS subscription",
        (c) => {
            sub(c).filter.subject = { beginsWith: "thread/" };
        },
        "no subject of the included event types can begin with this",
    ],
    [
        "unknown key lists the allowed ones",
        (c) => {
            sub(c).colour = "red";
        },
        "acs-event-handling:subscriptions.sms-604.colour: unknown key; allowed: name, filter, retry, delivery, " +
            "labels, expirationTimeUtc, handler, deadLetter",
    ],
    [
        "handler block does not match kind",
        (c) => {
            c.handlers["sms-queue"].kind = "serviceBusQueue";
        },
        'acs-event-handling:handlers.sms-queue.serviceBusQueue: kind is "serviceBusQueue", so a ' +
            '"serviceBusQueue" block is required (got nothing)',
    ],
    [
        "unknown handler kind",
        (c) => {
            c.handlers["sms-queue"].kind = "ftp";
        },
        'acs-event-handling:handlers.sms-queue.kind: must be one of "webhook", "storageQueue", ' +
            '"serviceBusQueue", "serviceBusTopic", "eventHub", "function", "logicApp" (got "ftp")',
    ],
    [
        "storage account name with an underscore",
        (c) => {
            c.deadLetter.accountName = "st_dead";
        },
        "acs-event-handling:deadLetter.accountName: 3–24 lower-case letters and digits (globally unique) " +
            '(got "st_dead")',
    ],
    [
        "missing region",
        (c) => {
            delete c.location;
        },
        "azure-native:location: required: the Azure region for regional resources, e.g. westeurope (got nothing)",
    ],
    [
        "Authorization header not secret",
        (c) => {
            c.subscriptions["chat-messages"].delivery = {
                headers: [{ name: "Authorization", kind: "static", value: "Bearer x" }],
            };
        },
        "delivery.headers[0].secret: an Authorization header carries a credential: set secret: true (got nothing)",
    ],
    [
        "batching on a storage-queue route (Azure would ignore it)",
        (c) => {
            sub(c).delivery = { batching: { maxEventsPerBatch: 10 } };
        },
        "acs-event-handling:subscriptions.sms-604.delivery.batching: batching applies only to push " +
            'handlers (webhook, function, logicApp); handler "sms-queue" is a storageQueue',
    ],
    [
        "delivery headers on a storage-queue route",
        (c) => {
            sub(c).delivery = { headers: [{ name: "x-a", kind: "dynamic", sourceField: "data.to" }] };
        },
        "acs-event-handling:subscriptions.sms-604.delivery.headers: a storage queue takes no delivery headers",
    ],
    [
        "a function name the package does not register",
        (c) => {
            c.handlers["sms-function"].function.functionName = "doesNotExist";
        },
        "acs-event-handling:handlers.sms-function.function.functionName: the code package in functions/ " +
            'registers only "smsEvents"',
    ],
    [
        "both a new and an adopted topic",
        (c) => {
            c.systemTopic.existingName = "acs-portal-topic";
        },
        "acs-event-handling:systemTopic: set either name (create the topic) or existingName (adopt the " +
            "ACS resource's existing topic), not both",
    ],
    [
        "a route insisting on dead letters while they are off stack-wide",
        (c) => {
            c.deadLetter.enabled = false;
            sub(c).deadLetter = true;
        },
        "acs-event-handling:subscriptions.sms-604.deadLetter: dead-lettering is disabled stack-wide " +
            "(deadLetter.enabled: false) (got true)",
    ],
];

describe("stack config validation", () => {
    it("accepts the dev and prod stacks", () => {
        for (const stack of ["dev", "prod"]) assert.doesNotThrow(() => parseStackSettings(rawStackConfig(stack)));
    });

    it("fills in the defaults it documents", () => {
        const s = parseStackSettings(rawStackConfig("dev"));
        assert.deepStrictEqual(s.subscriptions["sms-604"].retry, {
            maxDeliveryAttempts: 30,
            eventTimeToLiveInMinutes: 1440,
        });
        assert.strictEqual(
            s.subscriptions["sms-604"].deadLetter,
            undefined,
            "unset: follows deadLetter.enabled (default true)",
        );
        assert.strictEqual(s.deadLetter.enabled, true);
        assert.strictEqual(s.subscriptions["sms-604"].delivery.schema, "EventGridSchema");
        assert.strictEqual(s.subscriptions["sms-604"].filter.subject?.caseSensitive, false);
        assert.strictEqual(s.deadLetter.containerName, "deadletters");
    });

    for (const [name, mutate, expected] of CASES) {
        it(`rejects: ${name}`, () => {
            const lines = errorsFor(mutate);
            assert.ok(
                lines.some((l) => l.includes(expected)),
                `expected a line containing\n  ${expected}\ngot\n  ${lines.join("\n  ")}`,
            );
        });
    }

    it("turns dead-lettering off stack-wide without touching each route", () => {
        const s = parseStackSettings(
            (() => {
                const c = rawStackConfig("dev");
                c.deadLetter = { enabled: false };
                return c;
            })(),
        );
        assert.strictEqual(s.deadLetter.enabled, false);
        assert.strictEqual(s.subscriptions["sms-604"].deadLetter, undefined, "unset: the route follows the stack");
    });

    it("never echoes a webhook key, whichever check reports the URL", () => {
        const lines = errorsFor((c) => {
            c.handlers["chat-webhook"].webhook.url = "chat-hooks.example.com/api?code=SUPERSECRETKEY";
        });
        assert.ok(
            lines.some((l) => l.includes("handlers.chat-webhook.webhook.url")),
            lines.join("\n"),
        );
        assert.ok(
            lines.every((l) => !l.includes("SUPERSECRETKEY")),
            lines.join("\n"),
        );
    });

    it("names the new place of each key of the old flat route shape, all at once, as the only error per key", () => {
        const lines = errorsFor((c) => {
            const { eventTypes, subject } = sub(c).filter;
            delete sub(c).filter;
            Object.assign(sub(c), {
                eventTypes,
                subject,
                deliverySchema: "EventGridSchema",
                batching: { maxEventsPerBatch: 1 },
                deliveryHeaders: [{ name: "Authorization", kind: "static", value: "Bearer SECRET", secret: true }],
            });
        });
        const at = "acs-event-handling:subscriptions.sms-604";
        for (const [key, place] of [
            ["eventTypes", "filter.eventTypes"],
            ["subject", "filter.subject"],
            ["deliverySchema", "delivery.schema"],
            ["batching", "delivery.batching"],
            ["deliveryHeaders", "delivery.headers"],
        ])
            assert.ok(
                lines.some((l) => l.startsWith(`${at}.${key}: moved to ${place} `)),
                `${key}:\n  ${lines.join("\n  ")}`,
            );
        assert.ok(
            lines.some((l) => l.startsWith(`${at}.filter: required`)),
            lines.join("\n"),
        );
        assert.ok(
            lines.every((l) => !/unknown key/.test(l) && !l.includes("SECRET")),
            lines.join("\n"),
        );
    });

    it("reports a route block of the wrong type once, by what it must hold, without a header's value", () => {
        const lines = errorsFor((c) => {
            c.subscriptions["b-str"] = { handler: "sms-queue", filter: "x" };
            c.subscriptions["c-list"] = { handler: "sms-queue", filter: [] };
            sub(c).retry = { eventTimeToLiveInMinutes: "x" };
            sub(c).delivery = "Bearer SUPERSECRET";
        });
        const at = "acs-event-handling:subscriptions";
        const paths = lines.map((l) => l.slice(0, l.indexOf(": ")));
        assert.deepStrictEqual(
            paths.filter((p, i) => paths.indexOf(p) !== i),
            [],
            `one line per key:\n  ${lines.join("\n  ")}`,
        );
        for (const expected of [
            `${at}.b-str.filter: an object: { eventTypes, `,
            `${at}.c-list.filter: an object: { eventTypes, `,
            `${at}.sms-604.retry.eventTimeToLiveInMinutes: must be a whole number from 1 to 1440 `,
            `${at}.sms-604.delivery: an object: { schema?, batching?, headers? } (got "a string")`,
        ])
            assert.ok(
                lines.some((l) => l.startsWith(expected)),
                `${expected}\n  ${lines.join("\n  ")}`,
            );
        assert.ok(
            lines.some((l) => l.endsWith('(got "x")')),
            lines.join("\n"),
        );
        assert.ok(
            lines.every((l) => !l.includes("SUPERSECRET")),
            lines.join("\n"),
        );
    });

    it("reports prototype keys and a non-ASCII header name in a route by path, never as a crash", () => {
        const lines = errorsFor((c) => {
            c.subscriptions["p-keys"] = JSON.parse(
                '{"handler":"chat-webhook","filter":{"eventTypes":["Microsoft.Communication.ChatMessageReceived"],' +
                    '"__proto__":{"x":1}},"delivery":{"headers":[{"name":"x-\u00fcn\u00efcode","kind":"dynamic",' +
                    '"sourceField":"data.to","constructor":1}]}}',
            );
        });
        const at = "acs-event-handling:subscriptions.p-keys";
        for (const expected of [
            `${at}.filter.__proto__: unknown key; allowed: eventTypes, `,
            `${at}.delivery.headers[0].name: a header name (1–128 letters, digits, hyphens) not starting with "aeg-"`,
            `${at}.delivery.headers[0].constructor: unknown key; allowed: name, kind, value, sourceField, secret`,
        ])
            assert.ok(
                lines.some((l) => l.startsWith(expected)),
                `${expected}\n  ${lines.join("\n  ")}`,
            );
    });

    it("reports every problem at once", () => {
        const lines = errorsFor((c) => {
            sub(c).filter.eventTypes = ["Microsoft.Resources.SMSReceived"];
            sub(c).retry = { maxDeliveryAttempts: 99 };
            c.handlers["chat-webhook"].webhook.url = "http://x.example.com";
            delete c.communication.dataLocation;
        });
        assert.strictEqual(lines.length, 4, lines.join("\n"));
    });
});
