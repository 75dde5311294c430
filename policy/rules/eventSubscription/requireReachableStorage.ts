import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { accountFor, ofType } from "../../lib/stack";
import { deadLetterOf, deliveryOf, Endpoint, rootKey } from "../../lib/subscription";
import { T } from "../../lib/types";
import { eqi, identityIncludes } from "../../lib/values";
import { bypassesAzureServices } from "../storageAccount/allowTrustedServices";

/** Reasons Event Grid cannot write to this storage account over this endpoint. */
function reachProblems(account: PolicyResource, e: Endpoint): string[] {
    const out: string[] = [];
    const rules = account.props.networkRuleSet;
    if (eqi(rules?.defaultAction, "Deny")) {
        if (!bypassesAzureServices(rules?.bypass)) {
            out.push(
                `account ${account.name} denies network access and networkRuleSet.bypass is ` +
                    `${JSON.stringify(rules?.bypass)}: Event Grid reaches a firewalled account only as a trusted ` +
                    'service. Fix: add "AzureServices" to networkRuleSet.bypass',
            );
        }
        if (!identityIncludes(e.identity?.type, "SystemAssigned")) {
            out.push(
                `account ${account.name} is firewalled, and Event Grid passes a storage firewall only with ` +
                    "the topic's system-assigned identity, got " +
                    `${e.identity ? `identity ${JSON.stringify(e.identity.type)}` : "no identity"}. Fix: ` +
                    'deliver/dead-letter with identity: { type: "SystemAssigned" }',
            );
        }
    }
    if (account.props.allowSharedKeyAccess === false && !e.identity) {
        const block = e.path.startsWith("dead") ? "deadLetterWithResourceIdentity" : "deliveryWithResourceIdentity";
        out.push(
            `account ${account.name} has allowSharedKeyAccess: false, so Event Grid cannot use an account ` +
                `key. Fix: use ${block} with the topic's system-assigned identity and a data role on the account`,
        );
    }
    return out;
}

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/consume-private-endpoints;
 * https://github.com/MicrosoftDocs/azure-docs/issues/84665;
 * https://learn.microsoft.com/azure/event-grid/consume-private-endpoints): a storage account Event Grid writes to
 * (queue destination, dead letters) must let it in.
 */
export const eventSubscriptionRequireReachableStorage: StackValidationPolicy = {
    name: "event-subscription-require-reachable-storage",
    description:
        "Storage that Event Grid writes to (queue destinations, dead letters) must let it in: a firewalled " +
        "account needs the AzureServices bypass and the topic's system-assigned identity, a key-less account " +
        "needs identity-based delivery.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const sub of ofType(args.resources, T.Subscription)) {
            for (const e of [deliveryOf(sub.props), deadLetterOf(sub.props)]) {
                const type = e?.destination?.endpointType;
                if (!e || (type !== "StorageQueue" && type !== "StorageBlob")) continue;
                const account = accountFor(sub, rootKey(e), e.destination, args.resources);
                for (const p of account ? reachProblems(account, e) : []) report(`${e.path}.resourceId: ${p}`, sub.urn);
            }
        }
    },
};
