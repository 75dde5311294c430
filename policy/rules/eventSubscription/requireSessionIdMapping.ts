import { StackValidationPolicy } from "@pulumi/policy";
import { ofType } from "../../lib/stack";
import { deliveryOf } from "../../lib/subscription";
import { entityFor } from "../../lib/targets";
import { T } from "../../lib/types";
import { eqi, list } from "../../lib/values";

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/delivery-and-retry): a session-enabled queue refuses
 * messages without a session id, and Event Grid reports outcome SessionQueueNotSupported
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry). The session id comes from a `SessionId` delivery
 * property (static or dynamic), and "you can only set either SessionId or MessageId"
 * (https://learn.microsoft.com/azure/event-grid/delivery-properties). Queues outside the stack are not judged (their
 * requiresSession is unknown); unset requiresSession means false.
 */
export const eventSubscriptionRequireSessionIdMapping: StackValidationPolicy = {
    name: "event-subscription-require-session-id-mapping",
    description:
        "A subscription delivering to a session-enabled Service Bus queue needs a SessionId delivery " +
        "property (and no MessageId one); otherwise every delivery fails with SessionQueueNotSupported.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const sub of ofType(args.resources, T.Subscription)) {
            const e = deliveryOf(sub.props);
            const type = e?.destination?.endpointType;
            if (!e || (type !== "ServiceBusQueue" && type !== "ServiceBusTopic")) continue;
            const names = list(e.destination.deliveryAttributeMappings).map((m) => m?.name);
            const session = names.some((n) => eqi(n, "SessionId"));
            const path = `${e.path}.deliveryAttributeMappings`;
            if (session && names.some((n) => eqi(n, "MessageId"))) {
                report(
                    `${path}: expected SessionId or MessageId, got both (Event Grid accepts only one of ` +
                        "them). Fix: drop the MessageId mapping; Service Bus duplicate detection can use the " +
                        "default MessageId (the event id)",
                    sub.urn,
                );
            }
            if (type !== "ServiceBusQueue" || session) continue;
            const queue = entityFor(sub, e, args.resources);
            if (queue?.props.requiresSession !== true) continue;
            report(
                `${path}: expected a SessionId mapping because queue ${queue.name} has requiresSession: ` +
                    `true, got ${names.length ? names.map((n) => JSON.stringify(n)).join(", ") : "none"}. Fix: ` +
                    'add { type: "Dynamic", name: "SessionId", sourceField: "<field that groups related events, ' +
                    'e.g. data.to>" } (delivery.headers in the stack config), or use a queue without sessions',
                sub.urn,
            );
        }
    },
};
