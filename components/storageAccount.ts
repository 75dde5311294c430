import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";

export interface HardenedStorageAccountArgs {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    accountName: pulumi.Input<string>;
    sku: pulumi.Input<string>;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * Optional. Firewall default action. Default: "Deny" (trusted Azure services pass). A Function App's host
     * storage needs "Allow" unless the app is VNet-integrated: its runtime is not a trusted service.
     */
    networkDefaultAction?: "Allow" | "Deny";
    /**
     * Optional. Allow shared keys. Default: false. Only the Function App's package account turns it on, because
     * Pulumi's Blob resource uploads with account keys (pulumi/pulumi-azure-native#2015); the app itself uses
     * identity-based connections.
     */
    allowSharedKeyAccess?: boolean;
}

/**
 * A storage account with the baseline every rule set asks for (PSRule Azure.Storage.*, Checkov CKV_AZURE_3/44/
 * 35/36, Azure Policy): HTTPS only, TLS 1.2, no public blob access, no shared keys (Entra ID only), no
 * cross-tenant replication, firewall deny with the trusted-services bypass Event Grid needs to deliver and
 * dead-letter (https://learn.microsoft.com/azure/event-grid/consume-private-endpoints).
 */
export function hardenedStorageAccount(
    name: string,
    parent: pulumi.Resource,
    args: HardenedStorageAccountArgs,
): storage.StorageAccount {
    return new storage.StorageAccount(
        name,
        {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            accountName: args.accountName,
            kind: "StorageV2",
            sku: { name: args.sku },
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: args.allowSharedKeyAccess ?? false,
            allowCrossTenantReplication: false,
            defaultToOAuthAuthentication: true,
            publicNetworkAccess: "Enabled",
            networkRuleSet: { defaultAction: args.networkDefaultAction ?? "Deny", bypass: "AzureServices" },
            tags: args.tags,
        },
        { parent },
    );
}
