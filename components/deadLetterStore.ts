import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";
import { BuiltInRoles, grantRole } from "./roles";
import { hardenedStorageAccount } from "./storageAccount";
import { issue, ValidationError } from "../validation/issue";

export interface DeadLetterStoreArgs {
    /** Required. Resource group of a new storage account. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Region of a new storage account. */
    location: pulumi.Input<string>;
    /**
     * Conditional. Name of a new storage account (3–24 lower-case letters/digits). Required unless existingAccountId
     * is set.
     */
    accountName?: pulumi.Input<string>;
    /** Optional. Use this existing storage account (its container is still created here). */
    existingAccountId?: pulumi.Input<string>;
    /** Optional. Private container for dead letters. Default: "deadletters". */
    containerName?: pulumi.Input<string>;
    /** Optional. Replication SKU. Default: Standard_LRS; production should use a geo-redundant SKU (Standard_GRS). */
    sku?: pulumi.Input<string>;
    /** Optional. Days of blob and container soft delete. Default: 7. */
    softDeleteDays?: pulumi.Input<number>;
    /**
     * Required. Principal that writes dead letters (the system topic's identity); granted Storage Blob Data
     * Contributor on the account, since shared keys are off.
     */
    writerPrincipalId: pulumi.Input<string>;
    /** Optional. Tags for the storage account. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

const WRITER_ROLES = new WeakMap<DeadLetterStore, pulumi.Resource>();

/**
 * Where Event Grid writes events it could not deliver: a locked-down storage account (HTTPS only, TLS 1.2, no
 * public blobs, no shared keys, trusted Azure services allowed through the firewall) with a private container
 * and soft delete, plus the role the topic's identity needs to write into it.
 */
export class DeadLetterStore extends pulumi.ComponentResource {
    public readonly accountId: pulumi.Output<string>;
    public readonly containerName: pulumi.Output<string>;
    /** The role assignment a dead-lettering subscription must wait for. */
    // A getter, not a field: Pulumi's schema inference turns every class field into a component output, and
    // this one is TypeScript-only wiring (resources and Outputs) that other languages cannot receive.
    public get writerRole(): pulumi.Resource {
        return WRITER_ROLES.get(this)!;
    }

    constructor(name: string, args: DeadLetterStoreArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:DeadLetterStore", name, checkedArgs(name, args), opts);
        let accountName: pulumi.Output<string>;
        let resourceGroupName: pulumi.Input<string> = args.resourceGroupName;
        if (args.existingAccountId !== undefined) {
            this.accountId = pulumi.output(args.existingAccountId);
            accountName = this.accountId.apply((id) => id.split("/").pop()!);
            resourceGroupName = this.accountId.apply((id) => id.split("/")[4]);
        } else {
            const account = hardenedStorageAccount(childName(name, "account"), this, {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                accountName: args.accountName!, // checked before super()
                sku: args.sku ?? "Standard_LRS",
                tags: args.tags,
            });
            new storage.BlobServiceProperties(
                childName(name, "blob-service"),
                {
                    resourceGroupName: args.resourceGroupName,
                    accountName: account.name,
                    blobServicesName: "default",
                    deleteRetentionPolicy: { enabled: true, days: args.softDeleteDays ?? 7 },
                    containerDeleteRetentionPolicy: { enabled: true, days: args.softDeleteDays ?? 7 },
                },
                { parent: this },
            );
            this.accountId = account.id;
            accountName = account.name;
        }
        const container = new storage.BlobContainer(
            childName(name, "container"),
            {
                resourceGroupName,
                accountName,
                containerName: args.containerName ?? "deadletters",
                publicAccess: "None",
            },
            { parent: this },
        );
        this.containerName = container.name;
        WRITER_ROLES.set(
            this,
            grantRole(
                childName(name, "writer-role"),
                this,
                args.writerPrincipalId,
                this.accountId,
                BuiltInRoles.StorageBlobDataContributor,
            ),
        );
        this.registerOutputs({ accountId: this.accountId, containerName: this.containerName });
    }
}

/** Throws before `super()`: a store with neither a new account name nor an existing account registers nothing. */
function checkedArgs(name: string, args: DeadLetterStoreArgs): DeadLetterStoreArgs {
    if (!args || typeof args !== "object")
        throw new ValidationError(
            [issue([], args, "arguments required: { resourceGroupName, location, accountName | existingAccountId }")],
            "",
            `DeadLetterStore "${name}": invalid arguments`,
        );
    if (args.existingAccountId === undefined && args.accountName === undefined) {
        throw new ValidationError(
            [issue([], undefined, "accountName is required unless existingAccountId is set")],
            "",
            `DeadLetterStore "${name}": invalid arguments`,
        );
    }
    return args;
}
