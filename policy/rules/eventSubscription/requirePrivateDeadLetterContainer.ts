import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { accountFor, belongsToAccount, linked, ofType } from "../../lib/stack";
import { deadLetterOf, rootKey } from "../../lib/subscription";
import { T } from "../../lib/types";
import { eqi, expected, has, segmentAfter } from "../../lib/values";

/** The BlobContainer that receives a subscription's dead letters, if the stack has it (URN links first, then names). */
function containerFor(
    sub: PolicyResource,
    key: string,
    d: any,
    resources: readonly PolicyResource[],
): PolicyResource | undefined {
    const byUrn = linked(sub, key, T.BlobContainer);
    if (byUrn.length === 1) return byUrn[0]; // blobContainerName was built from this container's name
    const named = (c: PolicyResource) =>
        c.props.containerName === d.blobContainerName || c.props.name === d.blobContainerName;
    const account = accountFor(sub, key, d, resources);
    const inAccount = (c: PolicyResource) =>
        account ? belongsToAccount(c, account) : c.props.accountName === segmentAfter(d.resourceId, "storageAccounts");
    return [...byUrn, ...ofType(resources, T.BlobContainer)].find((c) => named(c) && inAccount(c));
}

/**
 * Graph rule (https://learn.microsoft.com/azure/event-grid/delivery-and-retry). Mandatory for two reasons: "dead
 * lettered events will be dropped when the dead-letter destination isn't found" (DR), and a public container would
 * publish every undeliverable event (phone numbers, message text): an exposure that cannot be undone later.
 */
export const eventSubscriptionRequirePrivateDeadLetterContainer: StackValidationPolicy = {
    name: "event-subscription-require-private-dead-letter-container",
    description:
        "A subscription's dead-letter container must exist in the stack and be private: a missing container " +
        "drops dead letters, a public one publishes them.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const sub of ofType(args.resources, T.Subscription)) {
            const dl = deadLetterOf(sub.props);
            const d = dl?.destination;
            // event-subscription-require-dead-letter
            if (!dl || !has(d, "blobContainerName") || !has(d, "resourceId")) continue;
            const container = containerFor(sub, rootKey(dl), d, args.resources);
            if (!container) {
                report(
                    expected(
                        `${dl.path}.blobContainerName`,
                        "a storage.BlobContainer of the dead-letter account in this stack",
                        d.blobContainerName,
                        `create storage.BlobContainer { containerName: "${d.blobContainerName}", ` +
                            'publicAccess: "None" } in the account, and build blobContainerName from it',
                    ),
                    sub.urn,
                );
            } else if (container.props.publicAccess !== undefined && !eqi(container.props.publicAccess, "None")) {
                report(
                    expected(
                        `${dl.path}.blobContainerName → ${container.name}.publicAccess`,
                        '"None"',
                        container.props.publicAccess,
                        'set publicAccess: "None" on the dead-letter container',
                    ),
                    sub.urn,
                );
            }
        }
    },
};
