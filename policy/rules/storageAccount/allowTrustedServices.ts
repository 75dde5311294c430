import * as storage from "@pulumi/azure-native/storage";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { eqi, expected } from "../../lib/values";

/** True when a `bypass` value (comma list, any case) includes AzureServices. */
export function bypassesAzureServices(bypass: unknown): boolean {
    return typeof bypass === "string" && bypass.split(",").some((b) => eqi(b.trim(), "AzureServices"));
}

/** Only applies to firewalled accounts (defaultAction Deny); an open account needs no bypass. */
export const storageAccountAllowTrustedServices: ResourceValidationPolicy = {
    name: "storage-account-allow-trusted-services",
    description:
        "A firewalled storage account should let trusted Azure services through: Event Grid dead-lettering " +
        "and queue delivery, Azure Monitor and backup reach it only that way.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(storage.StorageAccount, (a, _args, report) => {
        const rules = a.networkRuleSet;
        if (!eqi(rules?.defaultAction, "Deny")) return;
        if (!bypassesAzureServices(rules?.bypass)) {
            report(
                expected(
                    "networkRuleSet.bypass",
                    'a list containing "AzureServices"',
                    rules?.bypass,
                    'add AzureServices to networkRuleSet.bypass, e.g. "AzureServices" or "Logging, Metrics, ' +
                        'AzureServices"',
                ),
            );
        }
    }),
};
