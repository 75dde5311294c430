import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";
import { EXTERNAL_QUEUE } from "../../fixtures/delivery";

describe("policy/rules/eventSubscription/requireServiceBusEntity.ts", () => {
    const graph = useSharedGraph("delivery");
    const webhooks = ["batch-1", "exp-far"];

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
});
