import { StackValidationPolicy } from "@pulumi/policy";
import { accountFor, ofType } from "../../lib/stack";
import { deadLetterOf, rootKey } from "../../lib/subscription";
import { T } from "../../lib/types";
import { expected } from "../../lib/values";

export const GEO_SKUS = ["Standard_GRS", "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS"];

/**
 * Scoped to dead-letter accounts only
 * (https://learn.microsoft.com/azure/well-architected/service-guides/azure-event-grid): CKV_AZURE_206 hits every
 * account, but only dead letters are the last copy of an event; host and queue accounts can stay locally redundant.
 */
export const storageAccountRequireDeadLetterGeoReplication: StackValidationPolicy = {
    name: "storage-account-require-dead-letter-geo-replication",
    description:
        "The dead-letter storage account should be geo-redundant: dead letters are the only copy of events " +
        "Event Grid could not deliver, and a regional outage would lose them.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        const accounts = new Set(
            ofType(args.resources, T.Subscription).flatMap((sub) => {
                const dl = deadLetterOf(sub.props);
                const account = dl && accountFor(sub, rootKey(dl), dl.destination, args.resources);
                return account ? [account] : [];
            }),
        );
        for (const account of accounts) {
            const sku = account.props.sku?.name;
            if (!GEO_SKUS.includes(sku)) {
                report(
                    expected(
                        "sku.name",
                        GEO_SKUS.map((s) => `"${s}"`).join(", "),
                        sku,
                        'use a geo-redundant SKU such as "Standard_GRS" for the dead-letter account ' +
                            "(deadLetter.sku in the stack config)",
                    ),
                    account.urn,
                );
            }
        }
    },
};
