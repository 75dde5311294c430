import * as storage from "@pulumi/azure-native/storage";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/**
 * Unset fails (the service default is "allowed"). Functions host storage needs identity-based
 * `AzureWebJobsStorage__*` settings before keys can go (policy-rules.md §10.6); that exemption arrives with
 * the function handlers.
 */
export const storageAccountDisableSharedKey: ResourceValidationPolicy = {
    name: "storage-account-disable-shared-key",
    description: "Storage accounts should accept Entra ID only: account keys grant full access, never expire and cannot be scoped or audited per caller.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(storage.StorageAccount, (a, _args, report) => {
        if (a.allowSharedKeyAccess !== false) {
            report(expected("allowSharedKeyAccess", "false", a.allowSharedKeyAccess, "set allowSharedKeyAccess: false and grant data roles (e.g. Storage Blob Data Contributor) to the identities that write"));
        }
    }),
};
