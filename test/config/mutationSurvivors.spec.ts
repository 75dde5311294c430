/**
 * Behaviour a mutation run found unasserted (issue 12, "Checks no test would miss"): each case below fails if the
 * line it names is changed or removed.
 */
import * as assert from "node:assert";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { AcsEventTypes } from "../../catalog";
import { EndpointType, EventSubscription, HandlerKind, HandlerTarget } from "../../components";
import { parseStackSettings } from "../../config/load";
import { ofType } from "../../harness/graph";
import { evaluate, FilterOutcome } from "../../routing";
import { loadSampleFile } from "../../samples";
import { checkAdvancedFilters, checkEventTypes } from "../../validation/filters";
import { formatIssue, ValidationError } from "../../validation/issue";
import { findingsOf, fixture } from "../policy/support/findings";
import { runComponents } from "../support/program";
import { rawStackConfig } from "../support/rawConfig";

const SMS = AcsEventTypes.SmsReceived;
const RG = "rg-test";

function configErrors(mutate: (c: Record<string, any>) => void): string[] {
    const c = rawStackConfig("dev");
    mutate(c);
    try {
        parseStackSettings(c);
        return [];
    } catch (err) {
        assert.ok(ValidationError.is(err));
        return err.issues.map((i) => formatIssue("acs-event-handling:", i));
    }
}

describe("checks a mutation run found unasserted", () => {
    it("an event type listed twice is an error (validation/filters.ts)", () => {
        const issues = checkEventTypes([SMS, SMS], ["eventTypes"]);
        assert.deepStrictEqual(
            issues.map((i) => [i.path, i.message]),
            [[["eventTypes", 1], "is listed twice"]],
        );
    });

    it("a NumberInRange pair counts two values toward the 25-value limit (validation/filters.ts)", () => {
        const ranges = (n: number) => [
            { operatorType: "NumberInRange", key: "data.x", values: Array.from({ length: n }, (_, i) => [i, i + 1]) },
        ];
        const total = (n: number) =>
            checkAdvancedFilters(ranges(n), ["f"]).filter((i) => /values in total/.test(i.message));
        assert.deepStrictEqual(total(12), [], "12 pairs = 24 values: allowed");
        assert.deepStrictEqual(
            total(13).map((i) => i.value),
            ["26 values"],
            "13 pairs = 26 values: over 25",
        );
    });

    it("a referenced ACS resource cannot serve function or logicApp handlers (validation/stack.ts emailIssues)", () => {
        const errors = configErrors((c) => {
            c.communication = {
                existingId:
                    "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs",
            };
        });
        for (const h of ["sms-function", "sms-logic-app"]) {
            assert.ok(
                errors.some((e) =>
                    e.startsWith(
                        `acs-event-handling:handlers.${h}.kind: function and logicApp handlers send ` +
                            `email through an email domain linked to the ACS resource`,
                    ),
                ),
                errors.join("\n"),
            );
        }
        assert.ok(!errors.some((e) => e.includes("handlers.sms-queue.kind")), "other kinds are fine");
    });

    it("a Basic-tier Service Bus namespace cannot hold a topic (validation/stack.ts)", () => {
        const topic = (sku: string) =>
            configErrors((c) => {
                c.handlers["chat-webhook"] = {
                    kind: "serviceBusTopic",
                    serviceBusTopic: { namespaceName: "sb-acs-events-dev", topicName: "chat", sku },
                };
            });
        assert.deepStrictEqual(topic("Standard"), []);
        assert.deepStrictEqual(topic("Basic"), [
            "acs-event-handling:handlers.chat-webhook.serviceBusTopic.sku: Service Bus topics need the " +
                'Standard or Premium tier (got "Basic")',
        ]);
    });

    it(
        "EventSubscription itself defaults a WebHook's minimum TLS to 1.2 " + "(components/eventSubscription.ts)",
        async () => {
            const g = await runComponents(
                () =>
                    new EventSubscription("hook", {
                        resourceGroupName: RG,
                        systemTopicName: "t",
                        filter: { eventTypes: [SMS] },
                        destination: { endpointType: EndpointType.WebHook, endpointUrl: "https://h.example.com/x" },
                    }),
            );
            const sub = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription")[0];
            assert.strictEqual(sub.inputs.destination.minimumTlsVersionAllowed, "1.2");
        },
    );

    it(
        "a Service Bus queue handler's queue: 10 deliveries, dead-letter on expiry, no sessions " +
            "(components/handlers/messaging.ts)",
        async () => {
            const g = await runComponents(
                () =>
                    new HandlerTarget("bus", {
                        kind: HandlerKind.ServiceBusQueue,
                        resourceGroupName: RG,
                        location: "westeurope",
                        serviceBusQueue: { namespaceName: "sb-acs-events", queueName: "sms" },
                    }),
            );
            const q = ofType(g, "azure-native:servicebus:Queue")[0];
            assert.deepStrictEqual(
                [q.inputs.maxDeliveryCount, q.inputs.deadLetteringOnMessageExpiration, q.inputs.requiresSession],
                [10, true, false],
            );
        },
    );

    it("the near-expiration horizon is 30 days by default (policy avoidNearExpiration)", async () => {
        const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
        const g = await fixture(() => {
            for (const [name, days] of [
                ["exp-29d", 29.5],
                ["exp-31d", 30.5],
            ] as const) {
                new eventgrid.SystemTopicEventSubscription(name, {
                    resourceGroupName: RG,
                    systemTopicName: "t",
                    expirationTimeUtc: inDays(days),
                    destination: { endpointType: "WebHook", endpointUrl: "https://h.example.com/x" },
                    filter: { includedEventTypes: [SMS] },
                });
            }
        });
        const findings = await findingsOf(g, {}, "event-subscription-avoid-near-expiration");
        assert.deepStrictEqual(
            findings.map((f) => f.resourceName),
            ["exp-29d"],
        );
    });

    it("routing reasons tell a null key from a missing one (routing/reasons.ts)", () => {
        const event = JSON.parse(JSON.stringify(loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0]));
        event.data.nothing = null;
        const reason = (key: string) => {
            const o: FilterOutcome = evaluate(
                {
                    filter: {
                        includedEventTypes: [SMS],
                        advancedFilters: [{ operatorType: "StringIn", key, values: ["x"] }],
                    },
                },
                event,
            );
            return o.outcome === "match" ? "" : o.reason;
        };
        // A key present with null is undocumented for StringIn (U13, routing/README.md); a missing key is documented.
        assert.match(
            reason("data.nothing"),
            /^data\.nothing is present with null; StringIn on a null value is undocumented \(U13\)/,
        );
        assert.match(reason("data.absent"), /^data\.absent is missing, so /);
    });
});
