import * as assert from "node:assert";
import { PolicyResource } from "@pulumi/policy";
import { Graph } from "../../harness/graph";
import { systemTopicLimitSubscriptions } from "../../policy/rules/systemTopic/limitSubscriptions";
import { deliveryProgram, EXTERNAL_QUEUE } from "./fixtures/delivery";
import { fixture, ruleCases } from "./support/findings";

/**
 * Resource destinations and subscription lifetime (https://learn.microsoft.com/azure/event-grid/managed-service-identity, https://learn.microsoft.com/azure/event-grid/delivery-and-retry, https://github.com/Azure/bicep-types-az/blob/main/generated/eventgrid/microsoft.eventgrid/2025-02-15/types.md and the "cheap to
 * add" limits). Names: id-… identity delivery, key-… plain (access-key) delivery, ttl-… Storage Queue message
 * TTL, batch-… push batching, sb-…/sess-… Service Bus entities and sessions, exp-… expiration, hdr-… headers.
 */
describe("policy: delivery to resource destinations and subscription lifetime", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(deliveryProgram);
    });
    const graph = () => g;
    const webhooks = ["batch-1", "exp-far"];

    describe("identity delivery (https://learn.microsoft.com/azure/event-grid/managed-service-identity)", () => {
        // A plain destination works with access keys (advisory); an identity block without a type is the unset case.
        ruleCases("event-subscription-require-identity-delivery", {
            graph,
            pass: ["id-sbq", "id-eh", "ttl-never"],
            fail: ["key-sbq-keys", "key-sbq-locked", "key-eh-locked", "key-sbq-unsetauth", "key-storagequeue"],
            unset: { fail: ["id-noidentity"] },
            outOfScope: webhooks,
            messages: {
                "key-eh-locked": [
                    /^destination: expected deliveryWithResourceIdentity for this EventHub destination, got a plain destination.*Azure Event Hubs Data Sender/,
                ],
            },
        });
        // Keys against a namespace that refuses them: every delivery fails (mandatory). Unset disableLocalAuth = keys on.
        ruleCases("event-subscription-require-reachable-namespace", {
            graph,
            pass: ["id-sbq", "id-eh", "key-sbq-keys"],
            fail: ["key-sbq-locked", "key-eh-locked"],
            unset: { pass: ["key-sbq-unsetauth"] },
            messages: {
                "key-sbq-locked": [
                    /namespace dlv-sbns has disableLocalAuth: true, so Event Grid cannot deliver to dlv-q with access keys/,
                ],
            },
        });
        ruleCases("system-topic-avoid-unused-identity", {
            graph,
            pass: ["dlv-topic"],
            fail: ["idle-topic", "uai-idle-topic"],
            unset: { pass: ["noid-topic"] },
            messages: {
                "idle-topic": [/got the system-assigned identity unused/],
                "uai-idle-topic": [/got the user-assigned identity .*userAssignedIdentities\/spare unused/],
            },
        });
    });

    describe("queue TTL and push batches (https://learn.microsoft.com/azure/event-grid/delivery-and-retry)", () => {
        ruleCases("event-subscription-set-queue-message-ttl", {
            graph,
            pass: ["ttl-week", "ttl-never", "key-storagequeue"],
            fail: ["ttl-short"],
            unset: { fail: ["ttl-unset"] },
            outOfScope: ["id-sbq", ...webhooks],
            messages: {
                "ttl-short": [
                    /queueMessageTimeToLiveInSeconds: expected -1 \(never expires\) or a whole number of seconds >= 86400, got 3600/,
                ],
            },
        });
        // A stricter minimum (more than the week ttl-week keeps): -1 still passes.
        ruleCases("event-subscription-set-queue-message-ttl", {
            graph,
            config: { "event-subscription-set-queue-message-ttl": { minimumSeconds: 700000 } },
            pass: ["ttl-never"],
            fail: ["ttl-week", "ttl-short"],
            unset: { fail: ["ttl-unset"] },
            messages: { "ttl-week": [/>= 700000, got 604800/] },
        });
        // Boundary 100/101; the SDK fills maxEventsPerBatch 1 when it is omitted.
        ruleCases("event-subscription-limit-push-batch", {
            graph,
            pass: ["batch-1", "batch-100"],
            fail: ["batch-101", "batch-fn-500"],
            unset: { pass: ["batch-unset"] },
            outOfScope: ["id-sbq", "ttl-week"],
            messages: { "batch-101": [/maxEventsPerBatch: expected at most 100 events per batch .*got 101/] },
        });
        ruleCases("event-subscription-limit-push-batch", {
            graph,
            config: { "event-subscription-limit-push-batch": { maxEventsPerBatch: 200 } },
            pass: ["batch-100", "batch-101"],
            fail: ["batch-fn-500"],
            unset: { pass: ["batch-unset"] },
        });
    });

    describe("Service Bus destinations (https://learn.microsoft.com/azure/event-grid/delivery-and-retry)", () => {
        ruleCases("event-subscription-require-service-bus-entity", {
            graph,
            pass: ["id-sbq", "sb-topic", "sess-ok"],
            fail: ["sb-external", "sb-wrongtype", "sb-badid"],
            unset: { fail: ["sb-noid"] },
            outOfScope: ["id-eh", "ttl-week", ...webhooks],
            messages: {
                "sb-wrongtype": [/built from Topic dlv-sbt, but endpointType is ServiceBusQueue/],
                "sb-badid": [/expected a Service Bus queue id/],
                "sb-external": [/expected a servicebus\.Queue of this stack or an id in externalEntities/],
            },
        });
        ruleCases("event-subscription-require-service-bus-entity", {
            graph,
            config: {
                "event-subscription-require-service-bus-entity": { externalEntities: [EXTERNAL_QUEUE.toUpperCase()] },
            },
            pass: ["id-sbq", "sb-external"],
            fail: ["sb-wrongtype", "sb-badid"],
            unset: { fail: ["sb-noid"] },
        });
        ruleCases("event-subscription-require-session-id-mapping", {
            graph,
            pass: ["sess-ok", "key-sbq-keys"],
            fail: ["sess-missing", "sess-both"],
            unset: { pass: ["id-sbq"] },
            messages: {
                "sess-missing": [
                    /expected a SessionId mapping because queue dlv-q-session has requiresSession: true, got "CorrelationId"/,
                ],
                "sess-both": [/got both/],
            },
        });
        ruleCases("servicebus-topic-require-standard-tier", {
            graph,
            pass: ["dlv-sbt"],
            fail: ["dlv-sbt-basic"],
            unset: { pass: ["dlv-sbt-nosku"] },
            messages: { "dlv-sbt-basic": [/got "Basic"/] },
        });
    });

    describe("expiration, headers, subscriptions per topic", () => {
        ruleCases("event-subscription-avoid-past-expiration", {
            graph,
            pass: ["exp-near", "exp-far"],
            fail: ["exp-past", "exp-bad"],
            unset: { pass: ["id-sbq"] },
            messages: {
                "exp-past": [/expirationTimeUtc: expected a time after now .*got "2020-01-01T00:00:00Z"/],
                "exp-bad": [/expected an ISO 8601 UTC time/],
            },
        });
        ruleCases("event-subscription-avoid-near-expiration", {
            graph,
            pass: ["exp-far", "exp-past"],
            fail: ["exp-near"],
            unset: { pass: ["id-sbq"] },
            messages: { "exp-near": [/expires in 5 days/] },
        });
        ruleCases("event-subscription-avoid-near-expiration", {
            graph,
            config: { "event-subscription-avoid-near-expiration": { horizonDays: 400 } },
            pass: ["exp-past", "exp-bad"],
            fail: ["exp-near", "exp-far"],
            unset: { pass: ["id-sbq"] },
        });
        ruleCases("event-subscription-limit-delivery-headers", {
            graph,
            pass: ["hdr-10", "sess-ok"],
            fail: ["hdr-11", "hdr-aeg"],
            unset: { pass: ["batch-1"] },
            messages: {
                "hdr-11": [/expected at most 10 delivery properties, got 11/],
                "hdr-aeg": [/deliveryAttributeMappings\[0\]\.name: expected a name without the reserved "aeg-" prefix/],
            },
        });
        // The fixture's topic holds far fewer than 500; a configured ceiling exercises the rule on it, the real
        // boundary is checked below on the rule itself.
        ruleCases("system-topic-limit-subscriptions", {
            graph,
            config: { "system-topic-limit-subscriptions": { maxSubscriptions: 1 } },
            pass: ["uai-idle-topic"],
            fail: ["dlv-topic"],
            unset: { pass: ["idle-topic"] },
            messages: { "dlv-topic": [/expected at most 1 \(configured; Event Grid allows 500\), got \d+/] },
        });
    });
});

/** Event Grid's fixed limit, 500 per topic, at its boundary: the rule on 500 and 501 subscriptions (no mocks needed). */
describe("policy: system-topic-limit-subscriptions at 500/501", () => {
    const topic = {
        type: "azure-native:eventgrid:SystemTopic",
        urn: "urn:t",
        name: "big-topic",
        props: { systemTopicName: "big-topic" },
        propertyDependencies: {},
        dependencies: [],
    } as unknown as PolicyResource;
    const subs = (n: number) =>
        Array.from(
            { length: n },
            (_, i) =>
                ({
                    type: "azure-native:eventgrid:SystemTopicEventSubscription",
                    urn: `urn:s${i}`,
                    name: `s${i}`,
                    props: { systemTopicName: "big-topic" },
                    propertyDependencies: { systemTopicName: [topic] },
                    dependencies: [],
                }) as unknown as PolicyResource,
        );
    const run = (n: number, config: Record<string, unknown> = {}) => {
        const reported: string[] = [];
        systemTopicLimitSubscriptions.validateStack(
            { resources: [topic, ...subs(n)], getConfig: () => config } as any,
            (m: string, urn?: string) => {
                reported.push(`${urn}: ${m}`);
            },
        );
        return reported;
    };

    it("accepts 500 and reports the 501st on the topic", () => {
        assert.deepStrictEqual(run(500), []);
        const [finding, ...rest] = run(501);
        assert.deepStrictEqual(rest, []);
        assert.match(finding, /^urn:t: event subscriptions on topic big-topic: expected at most 500, got 501\. Fix: /);
    });

    it("caps a configured ceiling at Event Grid's 500", () => {
        assert.deepStrictEqual(run(500, { maxSubscriptions: 900 }), []);
    });
});
