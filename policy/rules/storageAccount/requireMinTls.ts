import * as storage from "@pulumi/azure-native/storage";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected, tlsAtLeast12 } from "../../lib/values";

/** Unset fails: the service default for older accounts is TLS 1.0. */
export const storageAccountRequireMinTls: ResourceValidationPolicy = {
    name: "storage-account-require-min-tls",
    description:
        "Storage accounts must refuse TLS 1.0/1.1 clients: those protocol versions are deprecated and weaken " +
        "every connection to the account.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateResourceOfType(storage.StorageAccount, (a, _args, report) => {
        if (!tlsAtLeast12(a.minimumTlsVersion)) {
            report(
                expected(
                    "minimumTlsVersion",
                    '"TLS1_2" or "TLS1_3"',
                    a.minimumTlsVersion,
                    'set minimumTlsVersion: "TLS1_2"',
                ),
            );
        }
    }),
};
