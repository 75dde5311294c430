import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { belongsToAccount, ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { expected } from "../../lib/values";

const POLICIES = ["deleteRetentionPolicy", "containerDeleteRetentionPolicy"] as const;

function retentionProblems(service: PolicyResource | undefined): string[] {
    if (!service) {
        return [
            expected(
                "storage.BlobServiceProperties (blobServices/default)",
                "a BlobServiceProperties resource for the account",
                undefined,
                'add storage.BlobServiceProperties { blobServicesName: "default", deleteRetentionPolicy: { ' +
                    "enabled: true, days: 7 }, containerDeleteRetentionPolicy: { enabled: true, days: 7 } }",
            ),
        ];
    }
    return POLICIES.flatMap((k) => {
        const p = service.props[k];
        const ok = p?.enabled === true && typeof p.days === "number" && p.days >= 1;
        return ok
            ? []
            : [
                  expected(
                      `BlobServiceProperties.${k}`,
                      "{ enabled: true, days: >= 1 }",
                      p,
                      `set ${k}: { enabled: true, days: 7 }`,
                  ),
              ];
    });
}

/**
 * Graph rule (the setting lives on the `blobServices/default` child): an account that holds blob containers
 * in this stack needs blob and container soft delete. Accounts without containers (queue-only) are out of
 * scope: there is nothing to restore.
 */
export const storageAccountRequireBlobSoftDelete: StackValidationPolicy = {
    name: "storage-account-require-blob-soft-delete",
    description:
        "Storage accounts holding blob containers need blob and container soft delete: without it a deleted " +
        "dead-letter blob or container is gone for good.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        const containers = ofType(args.resources, T.BlobContainer);
        const services = ofType(args.resources, T.BlobServiceProperties);
        for (const account of ofType(args.resources, T.StorageAccount)) {
            if (!containers.some((c) => belongsToAccount(c, account))) continue;
            const service = services.find((s) => belongsToAccount(s, account));
            for (const problem of retentionProblems(service)) report(problem, account.urn);
        }
    },
};
