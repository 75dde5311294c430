import { StackValidationPolicy } from "@pulumi/policy";
import { ofType } from "../../lib/stack";
import { namespaceOf } from "../../lib/targets";
import { T } from "../../lib/types";
import { eqi } from "../../lib/values";

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/delivery-and-retry): the Basic tier has queues only (topics
 * and subscriptions come with Standard and Premium, https://azure.microsoft.com/pricing/details/service-bus/), so a
 * topic in a Basic namespace cannot be created. A namespace outside the stack, or without a sku (the service picks), is
 * not judged.
 */
export const serviceBusTopicRequireStandardTier: StackValidationPolicy = {
    name: "servicebus-topic-require-standard-tier",
    description:
        "A Service Bus topic needs a Standard or Premium namespace: the Basic tier has no topics, so the " +
        "deployment fails.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const topic of ofType(args.resources, T.ServiceBusTopic)) {
            const ns = namespaceOf(topic, args.resources);
            const sku = ns?.props.sku;
            if (!ns || !(eqi(sku?.name, "Basic") || eqi(sku?.tier, "Basic"))) continue;
            report(
                `namespaceName → ${ns.name}.sku: expected "Standard" or "Premium" for a namespace holding ` +
                    `topics, got ${JSON.stringify(sku?.name ?? sku?.tier)}. Fix: use sku Standard ` +
                    "(serviceBusTopic.sku in the stack config), or deliver to a queue",
                topic.urn,
            );
        }
    },
};
