import * as assert from "node:assert";
import { PolicyResource } from "@pulumi/policy";
import { systemTopicLimitSubscriptions } from "../../../../policy/rules/systemTopic/limitSubscriptions";
import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/systemTopic/limitSubscriptions.ts", () => {
    const graph = useSharedGraph("delivery");

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

/**
 * Event Grid's fixed limit, 500 per topic, at its boundary: the rule on 500 and 501 subscriptions (no mocks
 * needed).
 */
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
