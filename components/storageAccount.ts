import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";

export interface HardenedStorageAccountArgs {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    accountName: pulumi.Input<string>;
    sku: pulumi.Input<string>;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A storage account with the baseline every rule set asks for (PSRule Azure.Storage.*, Checkov CKV_AZURE_3/44/
 * 35/36, Azure Policy): HTTPS only, TLS 1.2, no public blob access, no shared keys (Entra ID only), no
 * cross-tenant replication, firewall deny with the trusted-services bypass Event Grid needs to deliver and
 * dead-letter (https://learn.microsoft.com/azure/event-grid/consume-private-endpoints).
 */
export function hardenedStorageAccount(name: string, parent: pulumi.Resource, args: HardenedStorageAccountArgs): storage.StorageAccount {
    return new storage.StorageAccount(name, {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        accountName: args.accountName,
        kind: "StorageV2",
        sku: { name: args.sku },
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: "TLS1_2",
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: false,
        allowCrossTenantReplication: false,
        defaultToOAuthAuthentication: true,
        publicNetworkAccess: "Enabled",
        networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
        tags: args.tags,
    }, { parent });
}
