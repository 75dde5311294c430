import * as storage from "@pulumi/azure-native/storage";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Unset passes: ARM has defaulted `supportsHttpsTrafficOnly` to true since API 2019-04-01 (PSR and CKV agree). */
export const storageAccountRequireHttps: ResourceValidationPolicy = {
    name: "storage-account-require-https",
    description:
        "Storage accounts must refuse plain HTTP: otherwise dead letters, queued events and SAS tokens can " +
        "cross the network unencrypted.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateResourceOfType(storage.StorageAccount, (a, _args, report) => {
        if (a.enableHttpsTrafficOnly === false) {
            report(
                expected(
                    "enableHttpsTrafficOnly",
                    "true",
                    a.enableHttpsTrafficOnly,
                    "set enableHttpsTrafficOnly: true (or leave it unset: the ARM default is true)",
                ),
            );
        }
    }),
};
