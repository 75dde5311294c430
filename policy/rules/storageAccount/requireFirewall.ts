import * as storage from "@pulumi/azure-native/storage";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { eqi, expected } from "../../lib/values";

/** Unset fails: without a network rule set the account accepts every network. */
export const storageAccountRequireFirewall: ResourceValidationPolicy = {
    name: "storage-account-require-firewall",
    description:
        "Storage accounts should deny network access by default: an open account is reachable from any " +
        "network with a leaked credential.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(storage.StorageAccount, (a, _args, report) => {
        const action = a.networkRuleSet?.defaultAction;
        if (!eqi(action, "Deny")) {
            report(
                expected(
                    "networkRuleSet.defaultAction",
                    '"Deny"',
                    action,
                    'set networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" } (Event Grid ' +
                        "reaches the account as a trusted service)",
                ),
            );
        }
    }),
};
