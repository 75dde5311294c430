import * as storage from "@pulumi/azure-native/storage";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { eqi, expected } from "../../lib/values";

/** Unset passes: a container is private unless `publicAccess` says otherwise. */
export const blobContainerDenyPublicAccess: ResourceValidationPolicy = {
    name: "blob-container-deny-public-access",
    description:
        "Blob containers must be private: a Blob or Container access level lets anyone read (or list) the " +
        "blobs without credentials.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateResourceOfType(storage.BlobContainer, (c, _args, report) => {
        if (c.publicAccess !== undefined && !eqi(c.publicAccess, "None")) {
            report(expected("publicAccess", '"None"', c.publicAccess, 'set publicAccess: "None" (or omit it)'));
        }
    }),
};
