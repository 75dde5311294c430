import * as storage from "@pulumi/azure-native/storage";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Unset fails: older API versions default to allowing public containers. */
export const storageAccountDenyPublicBlobAccess: ResourceValidationPolicy = {
    name: "storage-account-deny-public-blob-access",
    description:
        "Storage accounts must not allow anonymous blob access: one container set to public would expose " +
        "dead-lettered events (phone numbers, message text) to anyone with the URL.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateResourceOfType(storage.StorageAccount, (a, _args, report) => {
        if (a.allowBlobPublicAccess !== false) {
            report(
                expected("allowBlobPublicAccess", "false", a.allowBlobPublicAccess, "set allowBlobPublicAccess: false"),
            );
        }
    }),
};
