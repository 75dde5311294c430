/**
 * Component API misuse (issue 12): a JavaScript or YAML caller can pass anything. Every component reports every
 * problem of its arguments in one ValidationError, thrown before `super()`: nothing is registered, not even the
 * component itself, and no TypeError from deep inside surfaces instead.
 */
import * as assert from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import {
    AcsEventHandling,
    AcsEventHandlingArgs,
    EndpointType,
    EventSubscription,
    HandlerKind,
    HandlerTarget,
    Monitoring,
} from "../../components";
import { ValidationError } from "../../validation/issue";
import { failingProgram } from "../support/program";
import { joinRe } from "../support/regex";

const RG = "rg-test";
const SMS = "Microsoft.Communication.SMSReceived";
const ACS_ID = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs";

function validArgs(): AcsEventHandlingArgs {
    return {
        resourceGroupName: RG,
        location: "westeurope",
        communication: { existingId: ACS_ID },
        deadLetter: { accountName: "stdeadletters" },
        handlers: {
            q: { kind: HandlerKind.StorageQueue, storageQueue: { accountName: "stqueues", queueName: "sms" } },
            hook: { kind: HandlerKind.Webhook, webhook: { url: "https://h.example.com/x" } },
        },
        subscriptions: {
            "sms-in": { handler: "q", filter: { eventTypes: [SMS] } },
            "sms-hook": { handler: "hook", filter: { eventTypes: [SMS] } },
        },
    };
}

/** Run a program that must fail validation; returns its message after checking nothing was registered. */
async function rejected(program: () => unknown): Promise<string> {
    const err = await failingProgram(program);
    assert.ok(
        ValidationError.is(err.cause),
        `expected a ValidationError, got ${err.cause instanceof Error ? err.cause.stack : err.cause}`,
    );
    const registered = err.partial.resources
        .filter((r) => r.type !== "pulumi:pulumi:Stack")
        .map((r) => `${r.type} ${r.name}`);
    assert.deepStrictEqual(registered, [], "nothing registered, not even the component");
    return err.cause.message;
}

const ACS_CASES: [string, (a: any) => void, RegExp][] = [
    [
        'delivery.schema "CloudEvents"',
        (a) => {
            a.subscriptions["sms-hook"].delivery = { ...a.subscriptions["sms-hook"].delivery, schema: "CloudEvents" };
        },
        /subscriptions\.sms-hook\.delivery\.schema: one of EventGridSchema, CloudEventSchemaV1_0 \(got "CloudEvents"\)/,
    ],
    [
        'header kind "Static" (wrong case)',
        (a) => {
            const hook = a.subscriptions["sms-hook"];
            hook.delivery = { ...hook.delivery, headers: [{ name: "x-a", kind: "Static", value: "v" }] };
        },
        /delivery\.headers\[0\]\.kind: one of "static", "dynamic" \(lower case\) \(got "Static"\)/,
    ],
    [
        "a static header with no value",
        (a) => {
            a.subscriptions["sms-hook"].delivery = { headers: [{ name: "x-a", kind: "static" }] };
        },
        /delivery\.headers\[0\]\.value: a static header needs a string value/,
    ],
    [
        "batching on a Storage Queue",
        (a) => {
            a.subscriptions["sms-in"].delivery = { batching: { maxEventsPerBatch: 10 } };
        },
        /subscriptions\.sms-in\.delivery\.batching: batching applies only to push handlers/,
    ],
    [
        'handler kind "Webhook" (wrong case)',
        (a) => {
            a.handlers.hook.kind = "Webhook";
        },
        joinRe(
            /handlers\.hook\.kind: one of webhook, .* \(did you mean "webhook"\? kinds are /,
            /case-sensitive\) \(got "Webhook"\)/,
        ),
    ],
    [
        "handler kind missing",
        (a) => {
            delete a.handlers.hook.kind;
        },
        /handlers\.hook\.kind: one of webhook, storageQueue/,
    ],
    [
        "a handler name given as an Output",
        (a) => {
            a.subscriptions["sms-in"].handler = pulumi.output("q");
        },
        /subscriptions\.sms-in\.handler: the name of a handler in `handlers`, as a plain string/,
    ],
    [
        "subscriptions: undefined",
        (a) => {
            a.subscriptions = undefined;
        },
        /subscriptions: required/,
    ],
    [
        "a null handler",
        (a) => {
            a.handlers.hook = null;
        },
        /handlers\.hook: a handler: \{ kind, <kind>: \{…\} \}/,
    ],
    [
        "advancedFilters given as an object",
        (a) => {
            a.subscriptions["sms-in"].filter.advancedFilters = {
                operatorType: "StringIn",
                key: "data.to",
                values: ["x"],
            };
        },
        /subscriptions\.sms-in\.filter\.advancedFilters: must be a list/,
    ],
    [
        "a block of another kind",
        (a) => {
            a.handlers.q.webhook = { url: "https://h.example.com/?code=KEY" };
        },
        /handlers\.q\.webhook: kind is "storageQueue"; remove the "webhook" block \(one block, matching kind\)/,
    ],
    [
        "a route in the flat shape of before",
        (a) => {
            a.subscriptions["sms-in"] = { handler: "q", eventTypes: [SMS], deliverySchema: "EventGridSchema" };
        },
        joinRe(
            /subscriptions\.sms-in\.eventTypes: moved to filter\.eventTypes /,
            /.*\n.*subscriptions\.sms-in\.deliverySchema: moved to delivery\.schema/,
        ),
    ],
];

describe("AcsEventHandling rejects misuse before registering anything", () => {
    for (const [name, change, expected] of ACS_CASES) {
        it(name, async () => {
            const args: any = validArgs();
            change(args);
            const message = await rejected(() => new AcsEventHandling("events", args));
            assert.match(message, expected);
            assert.ok(!message.includes("KEY"));
        });
    }

    it("undefined args", async () => {
        assert.match(
            await rejected(() => new AcsEventHandling("events", undefined as any)),
            /arguments required: \{ resourceGroupName, location, communication, handlers, subscriptions \}/,
        );
    });

    it("reports every problem at once", async () => {
        const args: any = validArgs();
        const together = [0, 1, 3, 4, 9].map((i) => ACS_CASES[i]); // rows that change different keys
        for (const [, change] of together) change(args);
        const message = await rejected(() => new AcsEventHandling("events", args));
        for (const [, , expected] of together) assert.match(message, expected);
    });
});

describe("the inner components reject misuse before registering anything", () => {
    it('EventSubscription: delivery schema "CloudEvents", header kind "Static", batching on a queue', async () => {
        const message = await rejected(
            () =>
                new EventSubscription("s", {
                    resourceGroupName: RG,
                    systemTopicName: "t",
                    filter: { eventTypes: [SMS] },
                    delivery: {
                        schema: "CloudEvents" as any,
                        headers: [
                            { name: "x-a", kind: "Static" as any, value: "v" },
                            { name: "x-b", kind: "static" as any },
                        ],
                        batching: { maxEventsPerBatch: 10 },
                    },
                    destination: {
                        endpointType: EndpointType.StorageQueue,
                        resourceId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st",
                        queueName: "q",
                    },
                }),
        );
        assert.match(message, /delivery\.schema: one of EventGridSchema, CloudEventSchemaV1_0 \(got "CloudEvents"\)/);
        assert.match(message, /delivery\.headers\[0\]\.kind: one of "static", "dynamic"/);
        assert.match(message, /delivery\.headers\[1\]\.value: a static header needs a string value/);
        assert.match(
            message,
            /delivery\.batching: batching applies only to push handlers \(.*\); this destination is StorageQueue/,
        );
    });

    it("EventSubscription: the flattened arguments of before name their new place", async () => {
        const message = await rejected(
            () =>
                new EventSubscription("s", {
                    resourceGroupName: RG,
                    systemTopicName: "t",
                    subscriptionName: "sms-in",
                    eventTypes: [SMS],
                    maxDeliveryAttempts: 5,
                    deadLetter: { storageAccountId: "/x/storageAccounts/dl", containerName: "deadletters" },
                    destination: { endpointType: EndpointType.WebHook, endpointUrl: "https://h.example.com/x" },
                } as any),
        );
        assert.match(message, /subscriptionName: moved to name /);
        assert.match(message, /eventTypes: moved to filter\.eventTypes /);
        assert.match(message, /maxDeliveryAttempts: moved to retry\.maxDeliveryAttempts /);
        assert.match(message, /deadLetter: moved to deadLetterDestination /);
        assert.match(message, /filter: required: \{ eventTypes/);
    });

    it("EventSubscription, AcsEventHandling: a route setting of a wrong type or range, never silently", async () => {
        // What the stack config's schema refuses, the component API refuses too (validation/route.ts), one line each.
        const route: any = {
            filter: {
                eventTypes: [SMS],
                subject: "/phonenumber/1",
                enableAdvancedFilteringOnArrays: "yes",
                includedEventTypes: [SMS],
            },
            retry: "x",
            retries: 3,
            delivery: {
                batching: { maxEventsPerBatch: 99999, preferredBatchSizeInKilobytes: 0 },
                headers: [
                    { name: "aeg-x", kind: "static", value: "v" },
                    { name: "Authorization", kind: "static", value: 987654, secret: true },
                    { name: "x-token", kind: "static", value: { token: "SUPERSECRET" }, secret: "yes" },
                ],
            },
            labels: "x",
            expirationTimeUtc: "tomorrow",
        };
        const expected = [
            /filter\.subject: an object: \{ beginsWith\?, endsWith\?, caseSensitive\? \} \(got "a string"\)/,
            /filter\.enableAdvancedFilteringOnArrays: true or false/,
            /filter\.includedEventTypes: unknown key; allowed: eventTypes, /,
            /retry: an object: \{ maxDeliveryAttempts\?, eventTimeToLiveInMinutes\? \}/,
            /retries: unknown key; allowed: name, filter, retry, delivery, labels, expirationTimeUtc, /,
            /batching\.maxEventsPerBatch: must be a whole number from 1 to 5000 /,
            /batching\.preferredBatchSizeInKilobytes: must be a whole number from 1 to 1024 /,
            /headers\[0\]\.name: a header name \(1–128 letters, digits, hyphens\) not starting with "aeg-"/,
            /headers\[1\]\.value: a static header needs a string value \(got "a number"\)/,
            /headers\[2\]\.value: a static header needs a string value \(got "an object"\)/,
            /headers\[2\]\.secret: true or false/,
            /labels: a list of labels \(strings\)/,
            /expirationTimeUtc: an ISO 8601 date-time, e\.g\. 2027-01-01T00:00:00Z \(got "tomorrow"\)/,
        ];
        const direct = await rejected(
            () =>
                new EventSubscription("s", {
                    resourceGroupName: RG,
                    systemTopicName: "t",
                    ...route,
                    destination: { endpointType: EndpointType.WebHook, endpointUrl: "https://h.example.com/x" },
                }),
        );
        const args: any = validArgs();
        args.subscriptions["sms-hook"] = { handler: "hook", ...route };
        const composed = await rejected(() => new AcsEventHandling("events", args));
        for (const message of [direct, composed]) {
            for (const re of expected) assert.match(message, re);
            assert.ok(!/987654|SUPERSECRET/.test(message), message);
        }
    });

    it("EventSubscription: undefined args", async () => {
        assert.match(await rejected(() => new EventSubscription("s", undefined as any)), /arguments required/);
    });

    it("HandlerTarget: an unknown kind", async () => {
        assert.match(
            await rejected(
                () =>
                    new HandlerTarget("h", {
                        kind: "Webhook" as any,
                        resourceGroupName: RG,
                        location: "westeurope",
                        webhook: { url: "https://h.example.com" },
                    }),
            ),
            /handler "h": invalid arguments[\s\S]*kind: one of webhook/,
        );
    });

    it("Monitoring: a severity outside 0–4", async () => {
        assert.match(
            await rejected(
                () =>
                    new Monitoring("m", {
                        resourceGroupName: RG,
                        location: "westeurope",
                        systemTopicId: "t",
                        subscriptionNames: ["s"],
                        severity: 9,
                    }),
            ),
            /Monitoring "m": invalid arguments[\s\S]*severity: a whole number from 0 to 4 \(got 9\)/,
        );
    });
});
